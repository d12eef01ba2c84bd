//! A `tower_sessions::SessionStore` over the workspace's SQLite database.
//!
//! Besides the session's JSON, each row carries the id of the account it is signed in
//! as, so that disabling or removing an account deletes its sessions with one
//! statement. Expired rows are never loaded and are purged when sessions are created.
//!
//! Sessions expire after a time without activity, so the session layer saves every
//! session at every request to push its expiry back. Writing at every page would make
//! every page wait whenever an import or a batch holds the database's write lock; the
//! store therefore skips a save that changes nothing but an expiry pushed back by less
//! than [`REFRESH_EVERY`] seconds (a session may end that much before its idle time),
//! and a save that only records activity (the expiry pushed back, the account's last
//! request) is skipped when the database is busy (the next page records it). Loading reads through the read-only connection,
//! which never waits for a writer.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use async_trait::async_trait;
use tower_sessions::session::{Id, Record};
use tower_sessions::session_store::{self, SessionStore};

use super::SESSION_AUTH;
use crate::store::{SessionRow, SharedDb, now};

/// A save that only pushes the expiry back by less than this (seconds) is skipped.
pub const REFRESH_EVERY: i64 = 60;

/// Above this many remembered sessions, the memory of what was written is dropped (the
/// next save of each is written).
const REMEMBERED_AT_MOST: usize = 100_000;

/// Sessions in the `web_sessions` table.
#[derive(Debug, Clone)]
pub struct SqliteSessionStore {
    db: SharedDb,
    /// What is in the table for each session this process loaded or wrote: its data
    /// and expiry.
    written: Arc<Mutex<HashMap<String, (String, i64)>>>,
}

impl SqliteSessionStore {
    /// A store over `db`.
    pub fn new(db: SharedDb) -> Self {
        Self {
            db,
            written: Arc::default(),
        }
    }

    fn remember(&self, row: &SessionRow) {
        let mut written = self.written.lock().unwrap_or_else(PoisonError::into_inner);
        if written.len() >= REMEMBERED_AT_MOST {
            written.clear();
        }
        written.insert(row.id.clone(), (row.data.clone(), row.expires_at));
    }

    fn forget(&self, id: &str) {
        self.written
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .remove(id);
    }

    /// How this row differs from what the table holds (as far as this process knows).
    fn change(&self, row: &SessionRow) -> Change {
        let written = self.written.lock().unwrap_or_else(PoisonError::into_inner);
        match written.get(&row.id) {
            Some((data, expires_at)) if *data == row.data => {
                if (0..REFRESH_EVERY).contains(&(row.expires_at - expires_at)) {
                    Change::None
                } else {
                    Change::Activity
                }
            }
            Some((data, _)) if same_but_activity(data, &row.data) => Change::Activity,
            _ => Change::Data,
        }
    }
}

/// What a save would change in the table.
enum Change {
    /// Nothing, or only an expiry pushed back by less than [`REFRESH_EVERY`]: not written.
    None,
    /// Only the activity: the expiry, and the signed-in account's last request
    /// (`last_seen`), both pushed back as pages are read. Written if the database is free.
    Activity,
    /// The data: always written.
    Data,
}

/// Whether two sessions' data differ at most by the signed-in account's `last_seen`.
fn same_but_activity(a: &str, b: &str) -> bool {
    let without = |data: &str| -> Option<serde_json::Value> {
        let mut value: serde_json::Value = serde_json::from_str(data).ok()?;
        if let Some(auth) = value.get_mut(SESSION_AUTH).and_then(|a| a.as_object_mut()) {
            auth.remove("last_seen");
        }
        Some(value)
    };
    matches!((without(a), without(b)), (Some(a), Some(b)) if a == b)
}

fn backend(e: impl std::fmt::Display) -> session_store::Error {
    session_store::Error::Backend(e.to_string())
}

fn to_row(record: &Record) -> session_store::Result<SessionRow> {
    let account_id = record
        .data
        .get(SESSION_AUTH)
        .and_then(|auth| auth.get("account_id"))
        .and_then(serde_json::Value::as_i64);
    Ok(SessionRow {
        id: record.id.to_string(),
        account_id,
        data: serde_json::to_string(&record.data)
            .map_err(|e| session_store::Error::Encode(e.to_string()))?,
        expires_at: record.expiry_date.unix_timestamp(),
    })
}

#[async_trait]
impl SessionStore for SqliteSessionStore {
    async fn create(&self, record: &mut Record) -> session_store::Result<()> {
        // A 128-bit random id almost never collides; when it does, draw another.
        loop {
            let row = to_row(record)?;
            let inserted = self
                .db
                .run({
                    let row = row.clone();
                    move |db| {
                        db.purge_sessions(now())?;
                        db.insert_session(&row)
                    }
                })
                .await
                .map_err(backend)?;
            if inserted {
                self.remember(&row);
                return Ok(());
            }
            record.id = Id::default();
        }
    }

    async fn save(&self, record: &Record) -> session_store::Result<()> {
        let row = to_row(record)?;
        let save = {
            let row = row.clone();
            move |db: &mut crate::store::Db| db.save_session(&row)
        };
        match self.change(&row) {
            Change::None => return Ok(()),
            // If the database is busy with a long write, the next page records it
            // instead of this one waiting.
            Change::Activity => {
                if self.db.try_run(save).await.map_err(backend)?.is_none() {
                    return Ok(());
                }
            }
            Change::Data => self.db.run(save).await.map_err(backend)?,
        }
        self.remember(&row);
        Ok(())
    }

    async fn load(&self, session_id: &Id) -> session_store::Result<Option<Record>> {
        let id = session_id.to_string();
        let row = self
            .db
            .read(move |db| db.session(&id, now()))
            .await
            .map_err(backend)?;
        let Some(row) = row else {
            self.forget(&session_id.to_string());
            return Ok(None);
        };
        self.remember(&row);
        let data = serde_json::from_str(&row.data)
            .map_err(|e| session_store::Error::Decode(e.to_string()))?;
        let expiry_date = time::OffsetDateTime::from_unix_timestamp(row.expires_at)
            .map_err(|e| session_store::Error::Decode(e.to_string()))?;
        Ok(Some(Record {
            id: *session_id,
            data,
            expiry_date,
        }))
    }

    async fn delete(&self, session_id: &Id) -> session_store::Result<()> {
        let id = session_id.to_string();
        self.forget(&id);
        self.db
            .run(move |db| db.delete_session(&id))
            .await
            .map_err(backend)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Db;

    struct Fixture {
        _dir: tempfile::TempDir,
        store: SqliteSessionStore,
        db: Db,
    }

    fn fixture() -> Fixture {
        let dir = tempfile::tempdir().unwrap();
        explor_indexer::Workspace::init(dir.path()).unwrap();
        let shared = SharedDb::new(Db::open(dir.path()).unwrap()).unwrap();
        Fixture {
            store: SqliteSessionStore::new(shared),
            db: Db::open(dir.path()).unwrap(),
            _dir: dir,
        }
    }

    fn stored(db: &Db, id: &Id) -> Option<(String, i64)> {
        db.conn
            .query_row(
                "SELECT data, expires_at FROM web_sessions WHERE id = ?1",
                [id.to_string()],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .ok()
    }

    fn record(data: &str, expires_at: i64) -> Record {
        let mut map = HashMap::new();
        map.insert("k".to_owned(), serde_json::Value::from(data));
        Record {
            id: Id::default(),
            data: map,
            expiry_date: time::OffsetDateTime::from_unix_timestamp(expires_at).unwrap(),
        }
    }

    fn expires(record: &mut Record, at: i64) {
        record.expiry_date = time::OffsetDateTime::from_unix_timestamp(at).unwrap();
    }

    #[tokio::test]
    async fn an_expiry_pushed_back_by_less_than_a_minute_is_not_written() {
        let f = fixture();
        let t = now() + 3600;
        let mut rec = record("a", t);
        f.store.create(&mut rec).await.unwrap();
        assert_eq!(stored(&f.db, &rec.id).unwrap().1, t);

        // Every page pushes the expiry back: within the minute, nothing is written.
        expires(&mut rec, t + REFRESH_EVERY - 1);
        f.store.save(&rec).await.unwrap();
        assert_eq!(stored(&f.db, &rec.id).unwrap().1, t);

        // A minute later it is.
        expires(&mut rec, t + REFRESH_EVERY);
        f.store.save(&rec).await.unwrap();
        assert_eq!(stored(&f.db, &rec.id).unwrap().1, t + REFRESH_EVERY);

        // A change of data is always written, even within the minute.
        let mut changed = record("b", t + REFRESH_EVERY + 1);
        changed.id = rec.id;
        f.store.save(&changed).await.unwrap();
        assert_eq!(
            stored(&f.db, &rec.id).unwrap(),
            (r#"{"k":"b"}"#.to_owned(), t + REFRESH_EVERY + 1)
        );

        // A loaded session is remembered as the table has it.
        let loaded = f.store.load(&rec.id).await.unwrap().unwrap();
        assert_eq!(loaded.data, changed.data);
        let mut touched = loaded.clone();
        expires(&mut touched, t + REFRESH_EVERY + 2);
        f.store.save(&touched).await.unwrap();
        assert_eq!(stored(&f.db, &rec.id).unwrap().1, t + REFRESH_EVERY + 1);
    }

    #[tokio::test]
    async fn pushing_an_expiry_back_never_waits_for_another_writer() {
        let f = fixture();
        let t = now() + 3600;
        let mut rec = record("a", t);
        f.store.create(&mut rec).await.unwrap();
        // An import holds the database's write lock (for minutes, at 100,000 experts).
        f.db.conn.execute_batch("BEGIN IMMEDIATE").unwrap();
        expires(&mut rec, t + REFRESH_EVERY);
        let started = std::time::Instant::now();
        f.store.save(&rec).await.unwrap();
        // Not the 5 s a statement waits for a busy database: no wait at all.
        assert!(started.elapsed() < std::time::Duration::from_secs(2));
        // Nor when the signed-in account's last request moves with it.
        let mut seen = rec.clone();
        seen.data.insert(
            SESSION_AUTH.to_owned(),
            serde_json::json!({"account_id": 1, "signed_in_at": 10, "last_seen": 20}),
        );
        f.db.conn.execute_batch("COMMIT").unwrap();
        assert_eq!(stored(&f.db, &rec.id).unwrap().1, t, "skipped, not written");
        f.store.save(&seen).await.unwrap();
        f.db.conn.execute_batch("BEGIN IMMEDIATE").unwrap();
        let mut later = seen.clone();
        later.data.insert(
            SESSION_AUTH.to_owned(),
            serde_json::json!({"account_id": 1, "signed_in_at": 10, "last_seen": 90}),
        );
        expires(&mut later, t + 3 * REFRESH_EVERY);
        let started = std::time::Instant::now();
        f.store.save(&later).await.unwrap();
        assert!(started.elapsed() < std::time::Duration::from_secs(2));
        f.db.conn.execute_batch("COMMIT").unwrap();
        assert!(
            stored(&f.db, &rec.id)
                .unwrap()
                .0
                .contains("\"last_seen\":20"),
            "skipped, not written"
        );
        // A change of anything else waits for the database, as before.
        assert!(!same_but_activity(
            r#"{"auth":{"account_id":1,"last_seen":20}}"#,
            r#"{"auth":{"account_id":2,"last_seen":20}}"#
        ));
        rec.data = seen.data.clone();
        // The write lock let go, the next page records it.
        expires(&mut rec, t + 5 * REFRESH_EVERY);
        f.store.save(&rec).await.unwrap();
        assert_eq!(stored(&f.db, &rec.id).unwrap().1, t + 5 * REFRESH_EVERY);
    }

    #[tokio::test]
    async fn a_session_deleted_elsewhere_is_not_brought_back_by_a_save() {
        let f = fixture();
        let t = now() + 3600;
        let mut rec = record("a", t);
        f.store.create(&mut rec).await.unwrap();
        // The account is disabled from the command line while a page is in flight.
        f.db.delete_session(&rec.id.to_string()).unwrap();
        let mut changed = record("b", t + 2 * REFRESH_EVERY);
        changed.id = rec.id;
        f.store.save(&changed).await.unwrap();
        assert_eq!(stored(&f.db, &rec.id), None);
        assert!(f.store.load(&rec.id).await.unwrap().is_none());
    }
}
