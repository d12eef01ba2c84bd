//! 1. A re-import counts added, updated and unchanged records, and bumps the
//!    generation only when something changed.
//! 2. One invalid record means nothing is written.
//! 3. Opening refuses a missing workspace, and the lock a second writer.
//! 4. Readers never wait for a writer: opening writes nothing while another connection
//!    holds a write transaction, and an index behind the store while another process
//!    holds the lock is read as it is (the writer brings it up).

use std::path::{Path, PathBuf};

use explor_engine::Reference;

use super::lock;
use super::records::ImportCounts;
use crate::error::{Error, UserError};
use crate::source::load;
use crate::workspace::Workspace;

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

const ASSOS: &str = r#"[{"id":"asso-a","name":"A","department":"31"},{"id":"asso-b","name":"B","department":"34"}]"#;

#[test]
fn reimport_counts_added_updated_unchanged_and_bumps_generation_only_on_change() {
    let dir = tempfile::tempdir().unwrap();
    let (mut ws, _) = Workspace::init(&dir.path().join("ws")).unwrap();
    let r = Reference::embedded();
    let file = write(dir.path(), "associations.json", ASSOS);
    let first = ws.import(load(&file, None).unwrap(), &r).unwrap();
    assert_eq!(
        first.total(),
        ImportCounts {
            added: 2,
            updated: 0,
            unchanged: 0
        }
    );
    assert_eq!(ws.generation().unwrap(), 1);
    let again = ws.import(load(&file, None).unwrap(), &r).unwrap();
    assert_eq!(
        again.total(),
        ImportCounts {
            added: 0,
            updated: 0,
            unchanged: 2
        }
    );
    assert_eq!(
        ws.generation().unwrap(),
        1,
        "an import that changes nothing is not a new generation"
    );
    let changed = write(
        dir.path(),
        "associations.json",
        &ASSOS.replace("\"B\"", "\"B2\""),
    );
    let third = ws.import(load(&changed, None).unwrap(), &r).unwrap();
    assert_eq!(
        third.total(),
        ImportCounts {
            added: 0,
            updated: 1,
            unchanged: 1
        }
    );
    assert_eq!(ws.generation().unwrap(), 2);
}

#[test]
fn one_invalid_record_means_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let (mut ws, _) = Workspace::init(&dir.path().join("ws")).unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir(&data).unwrap();
    write(&data, "associations.json", ASSOS);
    write(&data, "needs.jsonl", "{\"id\": \"n\"}\n");
    let err = ws
        .import(load(&data, None).unwrap(), &Reference::embedded())
        .unwrap_err();
    let Error::User(UserError::Invalid(issues)) = err else {
        panic!("{err}")
    };
    assert!(issues.iter().all(|i| i.file.ends_with("needs.jsonl")));
    assert!(
        issues.len() > 5,
        "every missing field is reported: {issues:?}"
    );
    assert_eq!(ws.counts().unwrap().values().sum::<usize>(), 0);
    assert_eq!(ws.generation().unwrap(), 0);
}

#[test]
fn open_refuses_a_missing_workspace_and_a_second_writer() {
    let dir = tempfile::tempdir().unwrap();
    assert!(matches!(
        Workspace::open(&dir.path().join("nowhere")),
        Err(Error::User(UserError::NoWorkspace(_)))
    ));
    let root = dir.path().join("ws");
    let (_ws, created) = Workspace::init(&root).unwrap();
    assert!(created);
    let (_again, created) = Workspace::init(&root).unwrap();
    assert!(!created);
    let _held = lock(&root).unwrap();
    assert!(matches!(
        lock(&root),
        Err(Error::User(UserError::Locked(_)))
    ));
}

#[test]
fn a_reader_opens_and_reads_while_another_connection_writes() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("ws");
    let (mut ws, _) = Workspace::init(&root).unwrap();
    let r = Reference::embedded();
    let file = write(dir.path(), "associations.json", ASSOS);
    ws.import(load(&file, None).unwrap(), &r).unwrap();
    // A long write transaction of another process (an import in progress).
    let other = rusqlite::Connection::open(root.join("explor.sqlite3")).unwrap();
    other.execute_batch("BEGIN IMMEDIATE").unwrap();
    other
        .execute("UPDATE meta SET value = '99' WHERE key = 'generation'", [])
        .unwrap();
    let started = std::time::Instant::now();
    let reader = Workspace::open(&root).expect("a reader does not wait for the writer");
    assert!(
        started.elapsed() < std::time::Duration::from_secs(2),
        "it did not queue behind the write"
    );
    assert_eq!(reader.generation().unwrap(), 1, "it reads the last commit");
    assert_eq!(reader.record("asso-a").unwrap().id(), "asso-a");
    other.execute_batch("ROLLBACK").unwrap();
}

#[test]
fn an_index_behind_the_store_is_read_as_it_is_while_a_writer_holds_the_lock() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("ws");
    let (mut ws, _) = Workspace::init(&root).unwrap();
    let r = Reference::embedded();
    let file = write(dir.path(), "associations.json", ASSOS);
    ws.import(load(&file, None).unwrap(), &r).unwrap();
    // A writer has committed the store and not yet its index.
    let db = rusqlite::Connection::open(root.join("explor.sqlite3")).unwrap();
    db.execute("UPDATE meta SET value = '2' WHERE key = 'generation'", [])
        .unwrap();
    let held = lock(&root).unwrap();
    let mut reader = Workspace::open(&root).expect("not refused for the lock");
    assert_eq!(reader.index().generation().unwrap(), Some(1));
    let notices = reader.take_notices();
    assert!(
        notices[0].contains("another command is writing"),
        "{notices:?}"
    );
    drop(held);
    // Once the writer is gone, the next open brings the index up.
    let mut after = Workspace::open(&root).unwrap();
    assert_eq!(after.index().generation().unwrap(), Some(2));
    assert!(after.take_notices()[0].contains("reconstruit"));
}

#[test]
fn an_empty_or_foreign_database_is_refused_not_taken_for_an_empty_workspace() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("ws");
    std::fs::create_dir_all(&root).unwrap();
    let db = root.join("explor.sqlite3");
    std::fs::write(&db, b"").unwrap();
    for attempt in [Workspace::open(&root).err(), Workspace::init(&root).err()] {
        assert!(
            matches!(
                attempt,
                Some(Error::User(UserError::ForeignDatabase {
                    reason: "the file is empty",
                    ..
                }))
            ),
            "{attempt:?}"
        );
    }
    assert_eq!(std::fs::metadata(&db).unwrap().len(), 0, "left as it was");

    std::fs::write(
        &db,
        b"not a database at all, but long enough to be read as one",
    )
    .unwrap();
    let err = Workspace::open(&root).unwrap_err();
    assert!(
        matches!(err, Error::User(UserError::ForeignDatabase { .. })),
        "{err:?}"
    );

    std::fs::remove_file(&db).unwrap();
    let other = rusqlite::Connection::open(&db).unwrap();
    other
        .execute_batch("CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('mine');")
        .unwrap();
    drop(other);
    for attempt in [Workspace::open(&root).err(), Workspace::init(&root).err()] {
        assert!(
            matches!(
                attempt,
                Some(Error::User(UserError::ForeignDatabase {
                    reason: "it has no explor settings table",
                    ..
                }))
            ),
            "{attempt:?}"
        );
    }
    let other = rusqlite::Connection::open(&db).unwrap();
    let tables: i64 = other
        .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))
        .unwrap();
    assert_eq!(
        tables, 1,
        "no explor table was added to someone else's database"
    );
}
