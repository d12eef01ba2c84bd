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
fn a_writer_waits_for_a_lock_let_go_at_once_and_not_for_one_held() {
    // A lock held a moment (a command finishing; or a child process this one starts,
    // which holds copies of its open files, the lock's among them, until its program
    // runs): the second writer gets it. The test binary's own child processes made
    // the missions tests fail now and then.
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("ws");
    Workspace::init(&root).unwrap();
    let held = lock(&root).unwrap();
    let let_go = std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_millis(50));
        drop(held);
    });
    lock(&root).expect("the lock, once let go");
    let_go.join().unwrap();
    // Held for long (an import running): refused, and soon.
    let _held = lock(&root).unwrap();
    let started = std::time::Instant::now();
    assert!(matches!(
        lock(&root),
        Err(Error::User(UserError::Locked(_)))
    ));
    assert!(started.elapsed() < std::time::Duration::from_secs(2));
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
        notices[0].contains("une autre commande écrit"),
        "{notices:?}"
    );
    // A reader opened sharing the index already open searches that same index, rather
    // than opening it again (what many readers do at once while an import runs).
    let mut sharing = Workspace::open_sharing(&root, reader.shared_index()).unwrap();
    assert!(std::sync::Arc::ptr_eq(
        &sharing.shared_index(),
        &reader.shared_index()
    ));
    assert!(sharing.take_notices()[0].contains("une autre commande écrit"));
    drop(held);
    // Once the writer is gone, the next open brings the index up, sharing or not.
    let sharing = Workspace::open_sharing(&root, reader.shared_index()).unwrap();
    assert!(!std::sync::Arc::ptr_eq(
        &sharing.shared_index(),
        &reader.shared_index()
    ));
    assert_eq!(sharing.index().generation().unwrap(), Some(2));
    let mut after = Workspace::open(&root).unwrap();
    assert_eq!(after.index().generation().unwrap(), Some(2));
    assert!(after.take_notices().is_empty());
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
                    reason: "le fichier est vide",
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
                    reason: "elle n’a pas de table de réglages explor",
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

#[test]
fn an_erased_expert_is_refused_by_a_later_import_or_left_out_when_asked() {
    use explor_engine::schema::IssueClass;

    use crate::ImportOptions;

    let (dir, mut ws) = crate::test_support::sample_workspace();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 5).unwrap();
    ws.remove("exp-0007", today).unwrap();
    let list = std::fs::read_to_string(dir.path().join("ws/erased.list")).unwrap();
    assert!(
        list.contains(&ws.store.erasure_key().tag("exp-0007")),
        "{list}"
    );
    assert!(!list.contains("exp-0007"), "the list holds no id: {list}");

    let experts = Path::new(env!("CARGO_MANIFEST_DIR")).join("../data/sample/experts.json");
    let r = Reference::embedded();
    let generation = ws.generation().unwrap();
    let Err(Error::User(UserError::Invalid(issues))) = ws.import(load(&experts, None).unwrap(), &r)
    else {
        panic!("the erased record is refused")
    };
    assert_eq!(issues.len(), 1, "{issues:?}");
    assert_eq!(issues[0].class, IssueClass::Erased);
    assert_eq!(issues[0].field, "id");
    assert_eq!(issues[0].id.as_deref(), Some("exp-0007"));
    assert!(issues[0].message.contains("2026-12-05"), "{}", issues[0]);
    assert_eq!(ws.generation().unwrap(), generation, "nothing written");

    let summary = ws
        .import_with(
            load(&experts, None).unwrap(),
            &r,
            ImportOptions::default().skip_erased(true),
        )
        .unwrap();
    assert_eq!(summary.skipped_erased.len(), 1);
    assert_eq!(summary.skipped_erased[0].id.as_deref(), Some("exp-0007"));
    assert_eq!(summary.total().unchanged, 104);
    assert!(matches!(
        ws.record("exp-0007"),
        Err(Error::User(UserError::Erased { .. }))
    ));
}

#[test]
fn an_import_meeting_an_erasure_in_progress_fails_as_locked_and_writes_nothing() {
    let (dir, mut ws) = crate::test_support::sample_workspace();
    let generation = ws.generation().unwrap();
    // The erasure's hold on the workspace (taken before it reads anything).
    let held = lock(ws.root()).unwrap();
    let experts = Path::new(env!("CARGO_MANIFEST_DIR")).join("../data/sample/experts.json");
    let err = ws
        .import(load(&experts, None).unwrap(), &Reference::embedded())
        .unwrap_err();
    assert!(matches!(err, Error::User(UserError::Locked(_))), "{err:?}");
    drop(held);
    assert_eq!(ws.generation().unwrap(), generation);
    drop(dir);
}

/// Every file under `dir` (recursively) whose bytes hold `text`, ASCII case ignored.
fn files_holding(dir: &Path, text: &str) -> Vec<PathBuf> {
    let needle = text.to_ascii_lowercase().into_bytes();
    let mut found = Vec::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if std::fs::read(&path)
                .unwrap()
                .to_ascii_lowercase()
                .windows(needle.len())
                .any(|w| w == needle.as_slice())
            {
                found.push(path);
            }
        }
    }
    found
}

#[test]
fn an_erasure_leaves_nothing_in_the_log_while_another_connection_keeps_the_store_open() {
    let (dir, mut ws) = crate::test_support::sample_workspace();
    let root = dir.path().join("ws");
    // The web app's reader: while it is open, SQLite neither checkpoints nor deletes
    // the write-ahead log when the writer closes.
    let reader = rusqlite::Connection::open(root.join("explor.sqlite3")).unwrap();
    let n: i64 = reader
        .query_row("SELECT count(*) FROM records", [], |r| r.get(0))
        .unwrap();
    assert!(n > 0);
    assert!(!files_holding(&root, "bousquet").is_empty());
    ws.take_notices();
    ws.remove(
        "exp-0007",
        chrono::NaiveDate::from_ymd_opt(2026, 12, 5).unwrap(),
    )
    .unwrap();
    assert!(ws.take_notices().is_empty(), "the log was emptied");
    assert_eq!(files_holding(&root, "bousquet"), Vec::<PathBuf>::new());
    // The reader goes on reading, without the person.
    let n_after: i64 = reader
        .query_row("SELECT count(*) FROM records", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n_after, n - 1);
}

/// Everything a workspace holds that an import writes: records of every kind, the
/// generation, and the ids and size of the search index.
fn contents(ws: &Workspace) -> String {
    let mut out = String::new();
    for kind in explor_engine::RecordKind::ALL {
        let records = ws.records(kind).unwrap();
        out.push_str(&serde_json::to_string(&records).unwrap());
        out.push('\n');
    }
    out.push_str(&format!(
        "generation {} index {:?} {}",
        ws.generation().unwrap(),
        ws.index().ids().unwrap(),
        ws.index().len()
    ));
    out
}

/// The outcome of an import in words: the summary, or every problem.
fn outcome(result: crate::error::Result<super::records::ImportSummary>) -> String {
    match result {
        Ok(summary) => format!("{summary:?}"),
        Err(Error::User(UserError::Invalid(issues))) => format!("{issues:#?}"),
        Err(e) => format!("error {e}"),
    }
}

/// Issue #16 item 11: the streamed import (`import_path`, which the CLI uses) gives
/// the same outcome, problems, warnings, store and index as loading whole and
/// importing, on every fixture of the repository (valid, invalid, several problems,
/// CSV, Windows-1252, workbook) and on a file of more records than one batch.
#[test]
fn a_streamed_import_gives_what_loading_whole_gives_on_every_fixture() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    let fixtures = repo.join("tests").join("fixtures");
    let sample = repo.join("data").join("sample");
    let mut inputs = vec![
        sample.clone(),
        sample.join("csv-windows-1252"),
        sample.join("explor-sample.xlsx"),
        fixtures.join("valid"),
        fixtures.join("several-problems"),
        fixtures.join("csv-semicolon"),
    ];
    let mut invalid: Vec<PathBuf> = std::fs::read_dir(fixtures.join("invalid"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    invalid.sort();
    inputs.extend(invalid);
    // More records than a batch, some of them updates.
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(fixtures.join("valid").join("experts.json")).unwrap();
    let experts: Vec<serde_json::Value> = serde_json::from_str(&text).unwrap();
    let mut lines = String::new();
    for i in 0..2500 {
        let mut expert = experts[i % experts.len()].clone();
        if i >= experts.len() {
            expert["id"] = format!("exp-many-{i:05}").into();
        }
        lines.push_str(&expert.to_string());
        lines.push('\n');
    }
    inputs.push(write(dir.path(), "experts-many.jsonl", &lines));

    let reference = Reference::embedded();
    for input in inputs {
        let (mut whole, _) = Workspace::init(&dir.path().join("whole")).unwrap();
        let (mut streamed, _) = Workspace::init(&dir.path().join("streamed")).unwrap();
        let base = fixtures.join("valid");
        whole
            .import(load(&base, None).unwrap(), &reference)
            .unwrap();
        streamed
            .import(load(&base, None).unwrap(), &reference)
            .unwrap();

        let options = crate::source::LoadOptions::new();
        let (expected, expected_warnings) = match crate::source::load_with(&input, &options) {
            Ok(mut loaded) => {
                let warnings = std::mem::take(&mut loaded.warnings);
                (
                    outcome(whole.import_with(loaded, &reference, Default::default())),
                    warnings,
                )
            }
            Err(e) => (format!("error {e}"), Vec::new()),
        };
        let (got, warnings) =
            streamed.import_path(&input, &options, &reference, Default::default());
        assert_eq!(outcome(got), expected, "{}", input.display());
        assert_eq!(warnings, expected_warnings, "{}", input.display());
        assert_eq!(contents(&streamed), contents(&whole), "{}", input.display());
        drop((whole, streamed));
        std::fs::remove_dir_all(dir.path().join("whole")).unwrap();
        std::fs::remove_dir_all(dir.path().join("streamed")).unwrap();
    }
}

/// Issue #16 item 11: a streamed re-import that replaces records over several batches
/// (their old documents deleted a batch at a time, new ids deleting nothing) leaves one
/// document per record: the same store and index as importing whole.
#[test]
fn a_streamed_reimport_replaces_each_document_once_over_several_batches() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    let valid = repo.join("tests").join("fixtures").join("valid");
    let text = std::fs::read_to_string(valid.join("experts.json")).unwrap();
    let experts: Vec<serde_json::Value> = serde_json::from_str(&text).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let lines = |name: &str, n: usize| {
        let mut out = String::new();
        for i in 0..n {
            let mut expert = experts[i % experts.len()].clone();
            expert["id"] = format!("exp-many-{i:05}").into();
            expert["name"] = format!("{name} {i}").into();
            out.push_str(&expert.to_string());
            out.push('\n');
        }
        out
    };
    let (one, two) = (dir.path().join("one"), dir.path().join("two"));
    std::fs::create_dir_all(&one).unwrap();
    std::fs::create_dir_all(&two).unwrap();
    let first = write(&one, "experts.jsonl", &lines("Zéphyrin Alpha", 2100));
    let second = write(&two, "experts.jsonl", &lines("Ombeline Bravo", 2600));
    let reference = Reference::embedded();
    let options = crate::source::LoadOptions::new();
    let (mut whole, _) = Workspace::init(&dir.path().join("whole")).unwrap();
    let (mut streamed, _) = Workspace::init(&dir.path().join("streamed")).unwrap();
    for input in [&first, &second] {
        whole
            .import(load(input, None).unwrap(), &reference)
            .unwrap();
        let (got, _) = streamed.import_path(input, &options, &reference, Default::default());
        got.unwrap();
    }
    assert_eq!(contents(&streamed), contents(&whole));
    assert_eq!(streamed.index().len(), 2600);
    assert_eq!(streamed.index().ids().unwrap().len(), 2600);
}

/// Issue #18: the streamed import reads its input once, writing batches into a
/// transaction as it checks. A problem met after several batches were written (a record
/// refused late, or a reference to nothing that only the checks across records find at
/// the end) leaves the store and the index exactly as they were.
#[test]
fn a_problem_after_batches_were_written_leaves_store_and_index_untouched() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    let valid = repo.join("tests").join("fixtures").join("valid");
    let text = std::fs::read_to_string(valid.join("experts.json")).unwrap();
    let experts: Vec<serde_json::Value> = serde_json::from_str(&text).unwrap();
    let text = std::fs::read_to_string(valid.join("needs.json")).unwrap();
    let needs: Vec<serde_json::Value> = serde_json::from_str(&text).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let (mut ws, _) = Workspace::init(&dir.path().join("ws")).unwrap();
    let reference = Reference::embedded();
    ws.import(load(&valid, None).unwrap(), &reference).unwrap();
    let before = contents(&ws);
    let options = crate::source::LoadOptions::new();

    let many = |bad: Option<usize>| {
        let mut lines = String::new();
        for i in 0..2600 {
            let mut expert = experts[i % experts.len()].clone();
            expert["id"] = format!("exp-late-{i:05}").into();
            if Some(i) == bad {
                expert["themes"] = serde_json::json!(["astrologie"]);
            }
            lines.push_str(&expert.to_string());
            lines.push('\n');
        }
        lines
    };
    // A record refused after two batches of 1000 were written.
    let late = dir.path().join("late");
    std::fs::create_dir_all(&late).unwrap();
    write(&late, "experts.jsonl", &many(Some(2500)));
    // Every record valid, but a need at the end names an association nobody has.
    let dangling = dir.path().join("dangling");
    std::fs::create_dir_all(&dangling).unwrap();
    write(&dangling, "experts.jsonl", &many(None));
    let mut need = needs[0].clone();
    need["id"] = "need-late-orphan".into();
    need["association"] = "asso-nobody".into();
    write(&dangling, "needs.jsonl", &format!("{need}\n"));

    for (input, problem) in [(&late, "exp-late-02500"), (&dangling, "need-late-orphan")] {
        let (got, _) = ws.import_path(input, &options, &reference, Default::default());
        let said = outcome(got);
        assert!(said.contains(problem), "{}: {said}", input.display());
        assert!(!said.contains("exp-late-00001"), "{said}");
        assert_eq!(contents(&ws), before, "{}", input.display());
        drop(ws);
        // Opened afresh: nothing of the rolled-back import either.
        ws = Workspace::open(&dir.path().join("ws")).unwrap();
        assert_eq!(contents(&ws), before, "{} reopened", input.display());
    }
    // The same experts without the problem are imported, all of them.
    let (got, _) = ws.import_path(
        &dangling.join("experts.jsonl"),
        &options,
        &reference,
        Default::default(),
    );
    got.unwrap();
    assert_eq!(ws.index().len(), before_len(&before) + 2600);
}

/// The number of documents `contents` says the index holds.
fn before_len(contents: &str) -> u64 {
    contents.rsplit(' ').next().unwrap().parse().unwrap()
}

#[test]
fn a_company_s_records_are_those_reading_the_whole_roster_finds() {
    use explor_engine::{Record, RecordKind};

    // Every company's own offers and employees, as filtering every record gives them.
    let whole = |ws: &Workspace, org: &str| {
        let offers: Vec<String> = ws
            .records(RecordKind::Offer)
            .unwrap()
            .into_iter()
            .filter(|r| matches!(r, Record::Offer(o) if o.company.id == org))
            .map(|r| r.id().to_owned())
            .collect();
        let experts: Vec<String> = ws
            .records(RecordKind::Expert)
            .unwrap()
            .into_iter()
            .filter(|r| {
                matches!(r, Record::Expert(e) if e.employer.as_ref().is_some_and(|x| x.id == org))
            })
            .map(|r| r.id().to_owned())
            .collect();
        (offers, experts)
    };
    let from_index = |ws: &Workspace, org: &str| {
        let (offers, experts) = ws.company_records(org).unwrap();
        (
            offers.into_iter().map(|o| o.id).collect::<Vec<_>>(),
            experts.into_iter().map(|e| e.id).collect::<Vec<_>>(),
        )
    };
    let (_dir, mut ws) = crate::test_support::sample_workspace();
    let mut orgs: Vec<String> = ws
        .records(RecordKind::Offer)
        .unwrap()
        .into_iter()
        .filter_map(|r| match r {
            Record::Offer(o) => Some(o.company.id),
            _ => None,
        })
        .chain(
            ws.records(RecordKind::Expert)
                .unwrap()
                .into_iter()
                .filter_map(|r| match r {
                    Record::Expert(e) => e.employer.map(|x| x.id),
                    _ => None,
                }),
        )
        .collect();
    orgs.sort();
    orgs.dedup();
    assert!(orgs.len() > 3, "{orgs:?}");
    let mut with_both = 0;
    for org in &orgs {
        let found = from_index(&ws, org);
        assert_eq!(found, whole(&ws, org), "{org}");
        with_both += usize::from(!found.0.is_empty() && !found.1.is_empty());
    }
    assert!(with_both > 0, "no company with both offers and employees");
    assert_eq!(from_index(&ws, "co-inconnue"), (vec![], vec![]));
    // An erased employee is gone from its company's records.
    let (org, gone) = orgs
        .iter()
        .find_map(|org| Some((org.clone(), whole(&ws, org).1.first()?.clone())))
        .unwrap();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 5).unwrap();
    ws.remove(&gone, today).unwrap();
    let after = from_index(&ws, &org);
    assert!(!after.1.contains(&gone), "{after:?}");
    assert_eq!(after, whole(&ws, &org));
}
