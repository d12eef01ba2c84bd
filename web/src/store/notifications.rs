//! Notifications shown in the app: one row per account concerned, read or not.

use rusqlite::params;

use super::Db;
use crate::error::Result;

/// A notification of one account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notification {
    /// Its number.
    pub id: i64,
    /// When, Unix seconds UTC.
    pub at: i64,
    /// What happened, in a sentence.
    pub text: String,
    /// The page about it.
    pub link: String,
    /// Whether the account has seen it.
    pub read: bool,
}

impl Db {
    /// Adds a notification for an account.
    pub fn notify(&self, account_id: i64, text: &str, link: &str, now: i64) -> Result<()> {
        self.conn.execute(
            "INSERT INTO web_notifications (account_id, at, text, link) VALUES (?1, ?2, ?3, ?4)",
            params![account_id, now, text, link],
        )?;
        Ok(())
    }

    /// An account's notifications, newest first (at most `limit`).
    pub fn notifications(&self, account_id: i64, limit: u32) -> Result<Vec<Notification>> {
        let mut stmt = self.conn.prepare(
            "SELECT id, at, text, link, read_at IS NOT NULL FROM web_notifications \
             WHERE account_id = ?1 ORDER BY at DESC, id DESC LIMIT ?2",
        )?;
        let rows = stmt.query_map(params![account_id, limit], |r| {
            Ok(Notification {
                id: r.get(0)?,
                at: r.get(1)?,
                text: r.get(2)?,
                link: r.get(3)?,
                read: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// How many notifications an account has not seen.
    pub fn unread(&self, account_id: i64) -> Result<i64> {
        Ok(self.conn.query_row(
            "SELECT COUNT(*) FROM web_notifications WHERE account_id = ?1 AND read_at IS NULL",
            [account_id],
            |r| r.get(0),
        )?)
    }

    /// Marks all of an account's notifications as seen.
    pub fn mark_read(&self, account_id: i64, now: i64) -> Result<()> {
        self.conn.execute(
            "UPDATE web_notifications SET read_at = ?2 WHERE account_id = ?1 AND read_at IS NULL",
            params![account_id, now],
        )?;
        Ok(())
    }
}
