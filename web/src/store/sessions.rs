//! Session rows for the session store (`auth::session_store`): the serialised session,
//! its expiry, and the account it is signed in as, so that disabling an account can
//! delete its sessions.

use rusqlite::{OptionalExtension, params};

use super::Db;
use crate::error::Result;

/// A stored session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionRow {
    /// The session id, as the cookie carries it.
    pub id: String,
    /// The signed-in account, if any.
    pub account_id: Option<i64>,
    /// The session data, JSON.
    pub data: String,
    /// Expiry, Unix seconds UTC.
    pub expires_at: i64,
}

impl Db {
    /// Inserts a new session; `false` if the id is taken.
    pub(crate) fn insert_session(&self, row: &SessionRow) -> Result<bool> {
        let n = self.conn.execute(
            "INSERT OR IGNORE INTO web_sessions (id, account_id, data, expires_at) \
             VALUES (?1, ?2, ?3, ?4)",
            params![row.id, row.account_id, row.data, row.expires_at],
        )?;
        Ok(n == 1)
    }

    /// Updates a session that is still there. A session deleted meanwhile (signed out
    /// elsewhere, account disabled) is not brought back.
    pub(crate) fn save_session(&self, row: &SessionRow) -> Result<()> {
        self.conn.execute(
            "UPDATE web_sessions SET account_id = ?2, data = ?3, expires_at = ?4 WHERE id = ?1",
            params![row.id, row.account_id, row.data, row.expires_at],
        )?;
        Ok(())
    }

    /// The session with this id, unless it has expired.
    pub(crate) fn session(&self, id: &str, now: i64) -> Result<Option<SessionRow>> {
        Ok(self
            .conn
            .query_row(
                "SELECT id, account_id, data, expires_at FROM web_sessions \
                 WHERE id = ?1 AND expires_at > ?2",
                params![id, now],
                |r| {
                    Ok(SessionRow {
                        id: r.get(0)?,
                        account_id: r.get(1)?,
                        data: r.get(2)?,
                        expires_at: r.get(3)?,
                    })
                },
            )
            .optional()?)
    }

    pub(crate) fn delete_session(&self, id: &str) -> Result<()> {
        self.conn
            .execute("DELETE FROM web_sessions WHERE id = ?1", [id])?;
        Ok(())
    }

    /// Deletes expired sessions; returns how many.
    pub(crate) fn purge_sessions(&self, now: i64) -> Result<usize> {
        Ok(self
            .conn
            .execute("DELETE FROM web_sessions WHERE expires_at <= ?1", [now])?)
    }

    /// How many sessions an account has (for tests and the account list).
    pub fn session_count(&self, account_id: i64) -> Result<i64> {
        Ok(self.conn.query_row(
            "SELECT COUNT(*) FROM web_sessions WHERE account_id = ?1",
            [account_id],
            |r| r.get(0),
        )?)
    }
}
