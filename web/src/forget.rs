//! The erasure of an expert (GDPR), in the web application's data: after the record
//! store and the index have forgotten the person (`Workspace::remove`), [`forget`]
//! deletes what the web app kept of them in the same workspace — their accounts (the
//! e-mail), with their invitations, sessions and notifications, and the e-mails
//! addressed to those accounts, wherever they are in the outbox (waiting, being sent,
//! sent or refused). The audit log keeps one row per account removed, naming its
//! number only.
//!
//! Deleted rows are overwritten (`secure_delete`), and the database is then rewritten
//! and its write-ahead log emptied, as the record store does for its part.

use std::collections::BTreeSet;
use std::path::Path;

use rusqlite::params;

use crate::error::{InternalError, Result};
use crate::notify::OUTBOX_DIR;
use crate::relay::{REFUSED_DIR, SENDING_DIR, SENT_DIR, messages_in, recipient_address};
use crate::store::{Action, Db, Role, account_subject};

/// What [`forget`] deleted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Forgotten {
    /// Accounts bound to the expert.
    pub accounts: usize,
    /// E-mails addressed to those accounts.
    pub emails: usize,
    /// Whether the database's write-ahead log could be emptied: `false` when another
    /// process kept the database open for reading (erasing again finishes the job).
    pub log_emptied: bool,
}

/// Deletes what the web app holds of the expert `expert_id` in the workspace at `root`
/// (see the module's notes); `by` is the coordinator who erases (`None`: the command
/// line), `now` the time for the audit rows. Erasing again is harmless: it deletes
/// nothing more and rewrites the database again.
pub fn forget(
    db: &mut Db,
    root: &Path,
    expert_id: &str,
    by: Option<i64>,
    now: i64,
) -> Result<Forgotten> {
    let accounts: Vec<(i64, String)> = {
        let mut stmt = db
            .conn
            .prepare("SELECT id, email FROM web_accounts WHERE org_id = ?1 AND role = ?2")?;
        stmt.query_map(params![expert_id, Role::Expert.as_str()], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?
        .collect::<rusqlite::Result<_>>()?
    };
    db.in_transaction(|db| {
        for (id, _) in &accounts {
            for table in ["web_sessions", "web_invitations", "web_notifications"] {
                db.conn
                    .execute(&format!("DELETE FROM {table} WHERE account_id = ?1"), [id])?;
            }
            db.conn
                .execute("DELETE FROM web_accounts WHERE id = ?1", [id])?;
            db.audit(now, by, Action::AccountRemoved, Some(&account_subject(*id)))?;
        }
        Ok(())
    })?;
    let emails: BTreeSet<String> = accounts.into_iter().map(|(_, e)| e).collect();
    let deleted = delete_emails_to(root, &emails)?;
    // Nothing deleted, nothing to rewrite (the record store's erasure has done it).
    let log_emptied = emails.is_empty() || db.scrub()?;
    Ok(Forgotten {
        accounts: emails.len(),
        emails: deleted,
        log_emptied,
    })
}

/// Deletes the outbox's e-mails addressed to one of `emails` (lowercase), and the
/// reasons of those refused; returns how many e-mails.
fn delete_emails_to(root: &Path, emails: &BTreeSet<String>) -> Result<usize> {
    if emails.is_empty() {
        return Ok(0);
    }
    let outbox = root.join(OUTBOX_DIR);
    // In the order a message moves through the folders, twice: one the relay moves on
    // meanwhile is met further on, one it puts back in the outbox by the second round.
    let dirs = [
        outbox.clone(),
        outbox.join(SENDING_DIR),
        outbox.join(SENT_DIR),
        outbox.join(REFUSED_DIR),
    ];
    let mut deleted = 0;
    for dir in dirs.iter().chain(&dirs) {
        for name in messages_in(dir)? {
            let path = dir.join(&name);
            let bytes = match std::fs::read(&path) {
                Ok(bytes) => bytes,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
                Err(e) => return Err(InternalError::Io(e).into()),
            };
            if !recipient_address(&bytes).is_some_and(|to| emails.contains(&to)) {
                continue;
            }
            if remove(&path)? {
                deleted += 1;
            }
            remove(&dir.join(format!("{name}.motif.txt")))?;
        }
    }
    Ok(deleted)
}

/// Deletes a file; `false` if it was not there.
fn remove(path: &Path) -> Result<bool> {
    match std::fs::remove_file(path) {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(InternalError::Io(e).into()),
    }
}
