//! Invitations: single-use links that let a new account set its password.
//!
//! Only the SHA-256 of a token is stored (see `auth::token`).

use rusqlite::{OptionalExtension, params};

use super::Db;
use crate::error::Result;

impl Db {
    pub(crate) fn insert_invitation(
        &self,
        token_hash: &str,
        account_id: i64,
        now: i64,
        expires_at: i64,
    ) -> Result<()> {
        self.conn.execute(
            "INSERT INTO web_invitations (token_hash, account_id, created_at, expires_at) \
             VALUES (?1, ?2, ?3, ?4)",
            params![token_hash, account_id, now, expires_at],
        )?;
        Ok(())
    }

    /// The account an unused, unexpired invitation is for.
    pub(crate) fn invitation_account(&self, token_hash: &str, now: i64) -> Result<Option<i64>> {
        Ok(self
            .conn
            .query_row(
                "SELECT account_id FROM web_invitations \
                 WHERE token_hash = ?1 AND used_at IS NULL AND expires_at > ?2",
                params![token_hash, now],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// Marks the invitation used and sets the account's password, in one transaction;
    /// returns the account id, or `None` when the invitation is unknown, used or
    /// expired (then nothing changes).
    pub(crate) fn use_invitation(
        &mut self,
        token_hash: &str,
        password_hash: &str,
        now: i64,
    ) -> Result<Option<i64>> {
        let tx = self.conn.transaction()?;
        let account: Option<i64> = tx
            .query_row(
                "UPDATE web_invitations SET used_at = ?2 \
                 WHERE token_hash = ?1 AND used_at IS NULL AND expires_at > ?2 \
                 RETURNING account_id",
                params![token_hash, now],
                |r| r.get(0),
            )
            .optional()?;
        if let Some(id) = account {
            tx.execute(
                "UPDATE web_accounts SET password_hash = ?2, failed_logins = 0, \
                 locked_until = NULL WHERE id = ?1",
                params![id, password_hash],
            )?;
        }
        tx.commit()?;
        Ok(account)
    }

    /// Test and maintenance helper: moves an invitation's expiry.
    #[cfg(test)]
    pub(crate) fn set_invitation_expiry(&self, token_hash: &str, expires_at: i64) -> Result<()> {
        self.conn.execute(
            "UPDATE web_invitations SET expires_at = ?2 WHERE token_hash = ?1",
            params![token_hash, expires_at],
        )?;
        Ok(())
    }
}
