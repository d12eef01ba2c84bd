//! A `tower_sessions::SessionStore` over the workspace's SQLite database.
//!
//! Besides the session's JSON, each row carries the id of the account it is signed in
//! as, so that disabling or removing an account deletes its sessions with one
//! statement. Expired rows are never loaded and are purged when sessions are created.

use async_trait::async_trait;
use tower_sessions::session::{Id, Record};
use tower_sessions::session_store::{self, SessionStore};

use super::SESSION_AUTH;
use crate::store::{SessionRow, SharedDb, now};

/// Sessions in the `web_sessions` table.
#[derive(Debug, Clone)]
pub struct SqliteSessionStore {
    db: SharedDb,
}

impl SqliteSessionStore {
    /// A store over `db`.
    pub fn new(db: SharedDb) -> Self {
        Self { db }
    }
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
                .run(move |db| {
                    db.purge_sessions(now())?;
                    db.insert_session(&row)
                })
                .await
                .map_err(backend)?;
            if inserted {
                return Ok(());
            }
            record.id = Id::default();
        }
    }

    async fn save(&self, record: &Record) -> session_store::Result<()> {
        let row = to_row(record)?;
        self.db
            .run(move |db| db.save_session(&row))
            .await
            .map_err(backend)
    }

    async fn load(&self, session_id: &Id) -> session_store::Result<Option<Record>> {
        let id = session_id.to_string();
        let row = self
            .db
            .run(move |db| db.session(&id, now()))
            .await
            .map_err(backend)?;
        let Some(row) = row else {
            return Ok(None);
        };
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
        self.db
            .run(move |db| db.delete_session(&id))
            .await
            .map_err(backend)
    }
}
