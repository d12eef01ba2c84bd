//! The web application's own tables in the workspace's SQLite database
//! (`<workspace>/explor.sqlite3`): accounts, invitations, sessions and the audit log.
//!
//! The tables are created idempotently (`CREATE TABLE IF NOT EXISTS`) on open, next to
//! the record store's, which the web crate never writes. The connection is its own,
//! in WAL mode with a busy timeout so that the command line and the server can write
//! at the same time. rusqlite is blocking: async code goes through [`SharedDb::run`],
//! which holds the connection on a blocking thread.

mod accounts;
mod audit;
mod invitations;
mod notifications;
mod sessions;
mod submissions;

use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use rusqlite::Connection;

pub use accounts::{Account, AccountState, Role, normalise_email};
pub use audit::{Action, AuditEntry, AuditFilter, account_subject};
pub use sessions::SessionRow;
pub use submissions::{ReviewState, Submission};

use crate::error::{InternalError, Result, UserError, WebError};

/// The database file of a workspace (the record store's).
pub const DB_FILE: &str = "explor.sqlite3";

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS web_accounts (
    id             INTEGER PRIMARY KEY,
    email          TEXT    NOT NULL UNIQUE,
    role           TEXT    NOT NULL,
    org_id         TEXT,
    password_hash  TEXT,
    disabled       INTEGER NOT NULL DEFAULT 0,
    failed_logins  INTEGER NOT NULL DEFAULT 0,
    locked_until   INTEGER,
    created_at     INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS web_invitations (
    token_hash  TEXT    PRIMARY KEY,
    account_id  INTEGER NOT NULL REFERENCES web_accounts(id) ON DELETE CASCADE,
    created_at  INTEGER NOT NULL,
    expires_at  INTEGER NOT NULL,
    used_at     INTEGER
);
CREATE INDEX IF NOT EXISTS web_invitations_account ON web_invitations(account_id);
CREATE TABLE IF NOT EXISTS web_sessions (
    id          TEXT    PRIMARY KEY,
    account_id  INTEGER,
    data        TEXT    NOT NULL,
    expires_at  INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS web_sessions_account ON web_sessions(account_id);
CREATE INDEX IF NOT EXISTS web_sessions_expiry ON web_sessions(expires_at);
CREATE TABLE IF NOT EXISTS web_audit_log (
    id          INTEGER PRIMARY KEY,
    at          INTEGER NOT NULL,
    account_id  INTEGER,
    action      TEXT    NOT NULL,
    record_id   TEXT,
    detail      TEXT
);
CREATE INDEX IF NOT EXISTS web_audit_at ON web_audit_log(at);
CREATE TABLE IF NOT EXISTS web_submissions (
    id           INTEGER PRIMARY KEY,
    record_id    TEXT    NOT NULL UNIQUE,
    kind         TEXT    NOT NULL,
    org_id       TEXT    NOT NULL,
    body         TEXT    NOT NULL,
    state        TEXT    NOT NULL,
    message      TEXT,
    submitted_by INTEGER,
    created_at   INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS web_notifications (
    id          INTEGER PRIMARY KEY,
    account_id  INTEGER NOT NULL REFERENCES web_accounts(id) ON DELETE CASCADE,
    at          INTEGER NOT NULL,
    text        TEXT    NOT NULL,
    link        TEXT    NOT NULL,
    read_at     INTEGER
);
CREATE INDEX IF NOT EXISTS web_notifications_account ON web_notifications(account_id, at);
CREATE TABLE IF NOT EXISTS web_reminders (
    mission_id  TEXT    NOT NULL,
    party       TEXT    NOT NULL,
    at          INTEGER NOT NULL,
    PRIMARY KEY (mission_id, party)
);
CREATE INDEX IF NOT EXISTS web_submissions_org ON web_submissions(org_id, updated_at);
";

/// How long a statement waits for another connection's write before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// An open connection to a workspace's database, with the web tables in place.
#[derive(Debug)]
pub struct Db {
    pub(crate) conn: Connection,
}

impl Db {
    /// Opens the database of the workspace at `root` and creates the web tables if
    /// needed. The workspace must exist (`explor init`).
    pub fn open(root: &Path) -> Result<Self> {
        let path = root.join(DB_FILE);
        if !path.is_file() {
            return Err(UserError::NoWorkspace(root.to_owned()).into());
        }
        let conn = Connection::open(&path)?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "foreign_keys", true)?;
        // As the record store does: deleted rows are overwritten, not left in free
        // pages (an erased person's e-mail must not survive in the file).
        conn.pragma_update(None, "secure_delete", "ON")?;
        conn.execute_batch(SCHEMA)?;
        add_audit_detail(&conn)?;
        Ok(Self { conn })
    }

    /// A second connection to the same database, for reading only (the tables are
    /// already there).
    fn reader_of(db: &Db) -> Result<Self> {
        let path = db.conn.path().ok_or_else(|| {
            WebError::Internal(InternalError::Corrupt(
                "the account database has no file".into(),
            ))
        })?;
        let conn = Connection::open_with_flags(
            path,
            rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        Ok(Self { conn })
    }

    /// Rewrites the database so that no deleted byte survives in its files, as the
    /// record store does after an erasure ([`explor_indexer::scrub_database`]).
    /// Returns `false` when another connection kept reading and the log could not be
    /// emptied.
    pub(crate) fn scrub(&self) -> Result<bool> {
        Ok(explor_indexer::scrub_database(&self.conn)?)
    }

    /// Runs `f` in one transaction: everything it writes is kept, or nothing.
    pub(crate) fn in_transaction<R>(&self, f: impl FnOnce(&Db) -> Result<R>) -> Result<R> {
        let tx = self.conn.unchecked_transaction()?;
        let r = f(self)?;
        tx.commit()?;
        Ok(r)
    }
}

/// The audit log's `detail` column came after its first version: add it to a database
/// created before.
fn add_audit_detail(conn: &Connection) -> Result<()> {
    let has: i64 = conn.query_row(
        "SELECT COUNT(*) FROM pragma_table_info('web_audit_log') WHERE name = 'detail'",
        [],
        |r| r.get(0),
    )?;
    if has == 0 {
        conn.execute_batch("ALTER TABLE web_audit_log ADD COLUMN detail TEXT")?;
    }
    Ok(())
}

/// The workspace's database shared by the server's tasks: one connection that writes,
/// and one that only reads. In WAL mode a read never waits for a write, so a page that
/// only reads (loading its session, checking its account) is not queued behind a write
/// held up by an import's transaction.
#[derive(Debug, Clone)]
pub struct SharedDb {
    writer: Arc<Mutex<Db>>,
    reader: Arc<Mutex<Db>>,
}

impl SharedDb {
    /// Shares `db` for writing, and opens a second connection to the same file for
    /// reading.
    pub fn new(db: Db) -> Result<Self> {
        let reader = Db::reader_of(&db)?;
        Ok(Self {
            writer: Arc::new(Mutex::new(db)),
            reader: Arc::new(Mutex::new(reader)),
        })
    }

    /// Runs `f`, which may write, with the writing connection on a blocking thread.
    pub async fn run<R, F>(&self, f: F) -> Result<R>
    where
        F: FnOnce(&mut Db) -> Result<R> + Send + 'static,
        R: Send + 'static,
    {
        on_blocking_thread(&self.writer, f).await
    }

    /// Runs `f`, which writes, only if it can start now: `None`, without waiting and
    /// with nothing written, when another task holds the writing connection or another
    /// connection (an import, a batch) holds the database's write lock. For writes that
    /// may wait for the next request, such as pushing a session's expiry back, which
    /// must never keep a page waiting behind a long write.
    pub async fn try_run<R, F>(&self, f: F) -> Result<Option<R>>
    where
        F: FnOnce(&mut Db) -> Result<R> + Send + 'static,
        R: Send + 'static,
    {
        let db = Arc::clone(&self.writer);
        tokio::task::spawn_blocking(move || {
            let mut guard = match db.try_lock() {
                Ok(guard) => guard,
                Err(std::sync::TryLockError::Poisoned(poisoned)) => poisoned.into_inner(),
                Err(std::sync::TryLockError::WouldBlock) => return Ok(None),
            };
            guard.conn.busy_timeout(Duration::ZERO)?;
            let outcome = f(&mut guard);
            guard.conn.busy_timeout(BUSY_TIMEOUT)?;
            match outcome {
                Err(WebError::Busy) => Ok(None),
                other => other.map(Some),
            }
        })
        .await
        .map_err(|e| WebError::Internal(InternalError::Join(e)))?
    }

    /// Runs `f`, which only reads, with the reading connection on a blocking thread.
    pub async fn read<R, F>(&self, f: F) -> Result<R>
    where
        F: FnOnce(&Db) -> Result<R> + Send + 'static,
        R: Send + 'static,
    {
        on_blocking_thread(&self.reader, |db: &mut Db| f(db)).await
    }
}

async fn on_blocking_thread<R, F>(db: &Arc<Mutex<Db>>, f: F) -> Result<R>
where
    F: FnOnce(&mut Db) -> Result<R> + Send + 'static,
    R: Send + 'static,
{
    let db = Arc::clone(db);
    tokio::task::spawn_blocking(move || {
        // A panic while holding the lock leaves the connection usable: SQLite rolls
        // back an unfinished transaction itself.
        let mut guard = db.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        f(&mut guard)
    })
    .await
    .map_err(|e| WebError::Internal(InternalError::Join(e)))?
}

/// Seconds since the Unix epoch, UTC.
pub fn now() -> i64 {
    chrono::Utc::now().timestamp()
}
