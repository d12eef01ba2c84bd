//! The record store: one SQLite database per workspace.
//!
//! Records are kept as their canonical JSON, one row per id (ids are unique across
//! kinds). A `meta` table holds the schema version and the generation number, which
//! every write that changes a record increments; the search index carries the same
//! number so a stale index can be told apart.
//!
//! A `tombstones` table keeps, for each expert erased at their request, a keyed hash
//! of the id and the date ([`tombstones`]); missions and their event log are in
//! [`missions`]. `secure_delete` is on for every connection, so that deleted rows are
//! overwritten with zeros rather than left in free space.

use std::collections::BTreeMap;
use std::path::Path;

use explor_engine::schema::KnownIds;
use explor_engine::{Record, RecordKind};
use rusqlite::{Connection, OptionalExtension, params};

use crate::error::{Corruption, Error, InternalError, Result, UserError};

mod missions;
mod redact;
pub(crate) mod tombstones;

pub use tombstones::{ErasureKey, Tombstone, scrub_database};

/// Schema version this build reads and writes.
/// Version 2 added missions and their event log; version 3 keeps erasures as keyed
/// hashes of the ids (`tombstones`) instead of the ids.
pub const SCHEMA_VERSION: i64 = 3;

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS records (
    id         TEXT PRIMARY KEY,
    kind       TEXT NOT NULL,
    body       TEXT NOT NULL,
    generation INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS records_by_kind ON records (kind, id);
CREATE TABLE IF NOT EXISTS tombstones (
    tag       TEXT PRIMARY KEY,
    kind      TEXT NOT NULL,
    erased_on TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS missions (
    id   TEXT PRIMARY KEY,
    need TEXT NOT NULL,
    body TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS missions_by_need ON missions (need, id);
CREATE TABLE IF NOT EXISTS mission_events (
    mission TEXT NOT NULL REFERENCES missions (id),
    seq     INTEGER NOT NULL,
    body    TEXT NOT NULL,
    PRIMARY KEY (mission, seq)
);
CREATE TRIGGER IF NOT EXISTS missions_fixed BEFORE UPDATE ON missions
BEGIN SELECT RAISE(ABORT, 'a mission is never rewritten: its changes are events'); END;
CREATE TRIGGER IF NOT EXISTS missions_kept BEFORE DELETE ON missions
BEGIN SELECT RAISE(ABORT, 'missions are never deleted: cancel them'); END;
CREATE TRIGGER IF NOT EXISTS mission_log_append_only_update BEFORE UPDATE ON mission_events
BEGIN SELECT RAISE(ABORT, 'the mission log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS mission_log_append_only_delete BEFORE DELETE ON mission_events
BEGIN SELECT RAISE(ABORT, 'the mission log is append-only'); END;
";

/// How an upsert changed the store.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Upsert {
    /// A new id.
    Added,
    /// An existing id with a different record.
    Updated,
    /// An existing id with the same record.
    Unchanged,
}

/// The SQLite record store.
#[derive(Debug)]
pub struct Store {
    conn: Connection,
    key: ErasureKey,
}

/// How many `meta` tables the database has (0 or 1): the first statement run on open.
fn explor_tables(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'meta'",
        [],
        |r| r.get(0),
    )
}

/// Opens the database read-only as an immutable file: no lock, no shared memory, no
/// journal is created beside it.
fn open_immutable(path: &Path) -> rusqlite::Result<Connection> {
    let mut uri = String::from("file:");
    for c in path.to_string_lossy().chars() {
        match c {
            '%' => uri.push_str("%25"),
            '?' => uri.push_str("%3f"),
            '#' => uri.push_str("%23"),
            c => uri.push(c),
        }
    }
    uri.push_str("?immutable=1");
    Connection::open_with_flags(
        uri,
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY
            | rusqlite::OpenFlags::SQLITE_OPEN_URI
            | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
}

fn kind_from_str(s: &str) -> Option<RecordKind> {
    RecordKind::ALL.into_iter().find(|k| k.as_str() == s)
}

impl Store {
    /// Creates the database and its schema (or opens it, if it is already there).
    pub fn create(path: &Path) -> Result<Self> {
        // A file already there is only reused if it is an explor store: an empty or
        // foreign database is refused by `open`, never given our tables.
        if path.exists() {
            return Self::open(path);
        }
        let conn = Connection::open(path)?;
        conn.pragma_update(None, "secure_delete", "ON")?;
        // Write-ahead logging: readers read the last commit while a writer writes, and
        // never wait for it (the setting is kept in the file).
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.execute_batch(SCHEMA)?;
        conn.execute(
            "INSERT OR IGNORE INTO meta (key, value) VALUES ('schema_version', ?1), ('generation', '0')",
            params![SCHEMA_VERSION.to_string()],
        )?;
        let key = tombstones::load_or_make_key(&conn)?;
        Ok(Self { conn, key })
    }

    /// Opens an existing database without creating anything.
    ///
    /// An empty file, a file that is not SQLite, or a database without explor's
    /// `meta` table is refused ([`UserError::ForeignDatabase`]). A store at the current
    /// schema version is opened without any statement that writes, so that a
    /// read-only workspace can still be read.
    pub fn open(path: &Path) -> Result<Self> {
        let foreign = |reason| -> Error {
            UserError::ForeignDatabase {
                path: path.to_owned(),
                reason,
            }
            .into()
        };
        let len = std::fs::metadata(path)
            .map_err(|e| Error::io(path, e))?
            .len();
        if len == 0 {
            return Err(foreign(explor_engine::fr::workspace::EMPTY_FILE));
        }
        let mut conn = Connection::open_with_flags(
            path,
            rusqlite::OpenFlags::SQLITE_OPEN_READ_WRITE | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        let mut has_meta = explor_tables(&conn);
        if let Err(rusqlite::Error::SqliteFailure(e, _)) = &has_meta
            && matches!(
                e.code,
                rusqlite::ErrorCode::ReadOnly | rusqlite::ErrorCode::CannotOpen
            )
        {
            // A store in WAL mode needs its shared-memory file beside it; on read-only
            // media or in a folder explor may not write, it is read as an immutable file
            // (what the last writer committed and checkpointed when it closed).
            conn = open_immutable(path)?;
            has_meta = explor_tables(&conn);
        }
        // Writers wait a little for each other instead of failing at once.
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        match has_meta {
            Ok(0) => return Err(foreign(explor_engine::fr::workspace::NO_META_TABLE)),
            Ok(_) => {}
            Err(rusqlite::Error::SqliteFailure(e, _))
                if e.code == rusqlite::ErrorCode::NotADatabase =>
            {
                return Err(foreign(explor_engine::fr::workspace::NOT_SQLITE));
            }
            Err(e) => return Err(e.into()),
        }
        let Some(version) = meta(&conn, "schema_version")? else {
            return Err(foreign(explor_engine::fr::workspace::NO_SCHEMA_VERSION));
        };
        // Tables added since version 1 was first written are created when an older
        // store is opened, and it is marked with this version once they are there (so
        // an older explor, which would ignore the missions' bookings, refuses to open
        // it). A current or newer store is left untouched: a reader must not queue behind
        // a writer for a schema statement that changes nothing.
        let key = if version < SCHEMA_VERSION {
            conn.pragma_update(None, "journal_mode", "WAL")?;
            let tx = conn.unchecked_transaction()?;
            tx.execute_batch(SCHEMA)?;
            let key = tombstones::load_or_make_key(&tx)?;
            tombstones::migrate_clear_ids(&tx, &key)?;
            tx.execute(
                "UPDATE meta SET value = ?1 WHERE key = 'schema_version' AND CAST(value AS INTEGER) < ?1",
                params![SCHEMA_VERSION],
            )?;
            tx.commit()?;
            key
        } else {
            match tombstones::read_key(&conn)? {
                Some(key) => key,
                None => tombstones::load_or_make_key(&conn)?,
            }
        };
        // Deleted rows are overwritten, not left in free space (an erasure must leave
        // no byte of the person behind). A connection setting that writes nothing.
        conn.pragma_update(None, "secure_delete", "ON")?;
        Ok(Self { conn, key })
    }

    /// Writes a consistent copy of the database to `path` (a new file), in one read
    /// transaction: other connections go on reading and writing meanwhile, and only
    /// live rows are copied (`VACUUM INTO` writes no free page).
    pub fn copy_into(&self, path: &str) -> Result<()> {
        self.conn.execute("VACUUM INTO ?1", params![path])?;
        Ok(())
    }

    /// Puts the database in write-ahead-log mode (a copy made by
    /// [`copy_into`](Self::copy_into) is not).
    pub fn use_wal(&self) -> Result<()> {
        self.conn.pragma_update(None, "journal_mode", "WAL")?;
        Ok(())
    }

    /// The schema version written in the database.
    pub fn schema_version(&self) -> Result<i64> {
        Ok(self.meta("schema_version")?.unwrap_or(0))
    }

    /// The generation number: how many writes changed the records.
    pub fn generation(&self) -> Result<u64> {
        Ok(self.meta("generation")?.unwrap_or(0).max(0) as u64)
    }

    fn meta(&self, key: &str) -> Result<Option<i64>> {
        meta(&self.conn, key)
    }

    /// Writes all records in one transaction: either every one is stored or none.
    /// Returns how each was stored, in the order given, and the generation after the write.
    ///
    /// Everything that can be done before writing is: records are encoded and compared
    /// with the stored ones in a read transaction, so the write transaction (which makes
    /// the web app's other writes, its sessions, wait) holds only the writes.
    pub fn upsert_all(&mut self, records: &[Record]) -> Result<(Vec<Upsert>, u64)> {
        let (generation, planned) = self.plan_upserts(records)?;
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        if read_generation(&tx)? != generation {
            // Another writer went between the plan and the write (callers hold the
            // workspace's lock, so only a process ignoring it): plan again, inside.
            drop(tx);
            return self.upsert_all_in_one(records);
        }
        let next = generation + 1;
        {
            let mut write = tx.prepare_cached(UPSERT)?;
            for (record, (change, body)) in records.iter().zip(&planned) {
                if *change != Upsert::Unchanged {
                    write.execute(params![record.id(), record.kind().as_str(), body, next])?;
                }
            }
        }
        let outcome: Vec<Upsert> = planned.into_iter().map(|(c, _)| c).collect();
        finish_upserts(tx, outcome, generation)
    }

    /// Each record's JSON and how it would change the store, read in one snapshot, with
    /// the generation of that snapshot.
    fn plan_upserts(&mut self, records: &[Record]) -> Result<(i64, Vec<(Upsert, String)>)> {
        let tx = self.conn.transaction()?;
        let generation = read_generation(&tx)?;
        refuse_erased(&tx, &self.key, records)?;
        let mut planned = Vec::with_capacity(records.len());
        {
            let mut read = tx.prepare_cached("SELECT body FROM records WHERE id = ?1")?;
            for record in records {
                planned.push(classify(&mut read, record)?);
            }
        }
        tx.commit()?;
        Ok((generation, planned))
    }

    /// [`upsert_all`](Self::upsert_all) reading and writing in one write transaction.
    fn upsert_all_in_one(&mut self, records: &[Record]) -> Result<(Vec<Upsert>, u64)> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let generation = read_generation(&tx)?;
        refuse_erased(&tx, &self.key, records)?;
        let next = generation + 1;
        let mut outcome = Vec::with_capacity(records.len());
        {
            let mut read = tx.prepare_cached("SELECT body FROM records WHERE id = ?1")?;
            let mut write = tx.prepare_cached(UPSERT)?;
            for record in records {
                let (change, body) = classify(&mut read, record)?;
                if change != Upsert::Unchanged {
                    write.execute(params![record.id(), record.kind().as_str(), body, next])?;
                }
                outcome.push(change);
            }
        }
        finish_upserts(tx, outcome, generation)
    }

    /// Starts writing records a batch at a time, all in one write transaction that
    /// [`Upserting::commit`] ends: either every record is stored or none (dropped
    /// without committing, nothing is).
    pub(crate) fn begin_upserts(&mut self) -> Result<Upserting<'_>> {
        let Self { conn, key } = self;
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let generation = read_generation(&tx)?;
        Ok(Upserting {
            tx,
            key,
            generation,
            changed: false,
        })
    }

    /// Deletes a record. For an expert this is an erasure: only a tombstone remains
    /// (the keyed hash of the id, the kind and `today`), and the notes of the mission
    /// log that quote the person (name, e-mail, phone) are rewritten without them.
    /// Returns the kind deleted and the new generation, or `None` if no record has the id.
    pub fn delete(&mut self, id: &str, today: &str) -> Result<Option<(RecordKind, u64)>> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let row: Option<(String, String)> = tx
            .query_row(
                "SELECT kind, body FROM records WHERE id = ?1",
                params![id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let Some((kind, body)) = row else {
            return Ok(None);
        };
        let kind = kind_from_str(&kind)
            .ok_or_else(|| corrupt(id, Corruption::UnknownKind(kind.clone())))?;
        tx.execute("DELETE FROM records WHERE id = ?1", params![id])?;
        if kind == RecordKind::Expert {
            tombstones::insert(&tx, &self.key.tag(id), kind.as_str(), today)?;
            if let Record::Expert(person) = decode(kind, id, &body)? {
                redact::mission_notes(&tx, &person)?;
            }
        }
        let next = read_generation(&tx)? + 1;
        write_generation(&tx, next)?;
        tx.commit()?;
        Ok(Some((kind, next as u64)))
    }

    /// When the record with this id was erased at its owner's request, if it was.
    pub fn erased_on(&self, id: &str) -> Result<Option<String>> {
        tombstones::erased_on(&self.conn, &self.key, id)
    }

    /// Ids of the needs that name this association.
    pub fn needs_of_association(&self, id: &str) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id FROM records WHERE kind = 'need' AND json_extract(body, '$.association') = ?1 ORDER BY id",
        )?;
        let rows = stmt.query_map(params![id], |r| r.get::<_, String>(0))?;
        Ok(rows.collect::<Result<Vec<_>, _>>()?)
    }

    /// Every record of a kind, sorted by id.
    pub fn records(&self, kind: RecordKind) -> Result<Vec<Record>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id, body FROM records WHERE kind = ?1 ORDER BY id")?;
        let rows = stmt.query_map(params![kind.as_str()], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, body) = row?;
            out.push(decode(kind, &id, &body)?);
        }
        Ok(out)
    }

    /// Every record of a kind, sorted by id, handed to `f` `chunk` at a time: memory
    /// for one chunk, not for them all.
    pub fn records_in_chunks(
        &self,
        kind: RecordKind,
        chunk: usize,
        mut f: impl FnMut(Vec<Record>) -> Result<()>,
    ) -> Result<()> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id, body FROM records WHERE kind = ?1 ORDER BY id")?;
        let mut rows = stmt.query(params![kind.as_str()])?;
        let mut batch = Vec::with_capacity(chunk);
        while let Some(row) = rows.next()? {
            let (id, body): (String, String) = (row.get(0)?, row.get(1)?);
            batch.push(decode(kind, &id, &body)?);
            if batch.len() >= chunk.max(1) {
                f(std::mem::replace(&mut batch, Vec::with_capacity(chunk)))?;
            }
        }
        if !batch.is_empty() {
            f(batch)?;
        }
        Ok(())
    }

    /// The record with this id, if any.
    pub fn record(&self, id: &str) -> Result<Option<Record>> {
        let row: Option<(String, String)> = self
            .conn
            .query_row(
                "SELECT kind, body FROM records WHERE id = ?1",
                params![id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        match row {
            None => Ok(None),
            Some((kind, body)) => {
                let kind = kind_from_str(&kind)
                    .ok_or_else(|| corrupt(id, Corruption::UnknownKind(kind.clone())))?;
                decode(kind, id, &body).map(Some)
            }
        }
    }

    /// The records with these ids, in the order given (ids not found are skipped), all
    /// read in one read transaction: one snapshot of the store, and its lock taken once
    /// rather than for every id (a match reads some forty).
    pub fn records_by_ids<'i>(
        &self,
        ids: impl IntoIterator<Item = &'i str>,
    ) -> Result<Vec<Record>> {
        // Inside a transaction already (a writer's), the reads belong to it.
        let snapshot = if self.conn.is_autocommit() {
            Some(rusqlite::Transaction::new_unchecked(
                &self.conn,
                rusqlite::TransactionBehavior::Deferred,
            )?)
        } else {
            None
        };
        let mut stmt = self
            .conn
            .prepare_cached("SELECT kind, body FROM records WHERE id = ?1")?;
        let mut out = Vec::new();
        for id in ids {
            let row: Option<(String, String)> = stmt
                .query_row(params![id], |r| Ok((r.get(0)?, r.get(1)?)))
                .optional()?;
            if let Some((kind, body)) = row {
                let kind = kind_from_str(&kind)
                    .ok_or_else(|| corrupt(id, Corruption::UnknownKind(kind.clone())))?;
                out.push(decode(kind, id, &body)?);
            }
        }
        drop(stmt);
        if let Some(snapshot) = snapshot {
            snapshot.commit()?;
        }
        Ok(out)
    }

    /// Every stored id with its kind.
    pub fn known_ids(&self) -> Result<KnownIds> {
        let mut stmt = self.conn.prepare_cached("SELECT id, kind FROM records")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
        let mut out = KnownIds::new();
        for row in rows {
            let (id, kind) = row?;
            let kind = kind_from_str(&kind)
                .ok_or_else(|| corrupt(&id, Corruption::UnknownKind(kind.clone())))?;
            out.insert(id, kind);
        }
        Ok(out)
    }

    /// How many records of each kind.
    pub fn counts(&self) -> Result<BTreeMap<RecordKind, usize>> {
        let mut out: BTreeMap<RecordKind, usize> =
            RecordKind::ALL.into_iter().map(|k| (k, 0)).collect();
        let mut stmt = self
            .conn
            .prepare_cached("SELECT kind, COUNT(*) FROM records GROUP BY kind")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?;
        for row in rows {
            let (kind, n) = row?;
            if let Some(k) = kind_from_str(&kind) {
                out.insert(k, usize::try_from(n).unwrap_or(0));
            }
        }
        Ok(out)
    }
}

/// The last guard against bringing an erased person back: a record whose id has a
/// tombstone is never written, whoever calls (the workspace reports them as import
/// problems before it gets here). An erasure moves the generation on, so the write
/// that follows a plan checks the plan's snapshot or checks again.
fn refuse_erased(conn: &Connection, key: &ErasureKey, records: &[Record]) -> Result<()> {
    let none: i64 = conn.query_row("SELECT count(*) FROM tombstones", [], |r| r.get(0))?;
    if none == 0 {
        return Ok(());
    }
    for record in records {
        if let Some(on) = tombstones::erased_on(conn, key, record.id())? {
            return Err(UserError::Erased {
                id: record.id().to_owned(),
                on,
            }
            .into());
        }
    }
    Ok(())
}

/// Records being written in one transaction, a batch at a time: see
/// [`Store::begin_upserts`]. Memory is held by one batch, not by the whole write.
pub(crate) struct Upserting<'c> {
    tx: rusqlite::Transaction<'c>,
    key: &'c ErasureKey,
    generation: i64,
    changed: bool,
}

impl Upserting<'_> {
    /// Upserts a batch; how each record was stored, in the order given.
    pub(crate) fn upsert(&mut self, records: &[Record]) -> Result<Vec<Upsert>> {
        refuse_erased(&self.tx, self.key, records)?;
        let next = self.generation + 1;
        let mut outcome = Vec::with_capacity(records.len());
        let mut read = self
            .tx
            .prepare_cached("SELECT body FROM records WHERE id = ?1")?;
        let mut write = self.tx.prepare_cached(UPSERT)?;
        for record in records {
            let (change, body) = classify(&mut read, record)?;
            if change != Upsert::Unchanged {
                write.execute(params![record.id(), record.kind().as_str(), body, next])?;
                self.changed = true;
            }
            outcome.push(change);
        }
        Ok(outcome)
    }

    /// Commits everything written; the generation after the write (moved on only when
    /// something changed).
    pub(crate) fn commit(self) -> Result<u64> {
        let next = self.generation + 1;
        if self.changed {
            write_generation(&self.tx, next)?;
        }
        self.tx.commit()?;
        Ok(if self.changed { next } else { self.generation } as u64)
    }
}

/// A number kept in `meta`, if it is there and is one.
fn meta(conn: &Connection, key: &str) -> Result<Option<i64>> {
    let value: Option<String> = conn
        .query_row("SELECT value FROM meta WHERE key = ?1", params![key], |r| {
            r.get(0)
        })
        .optional()?;
    Ok(value.and_then(|v| v.parse().ok()))
}

/// Moves the generation on when anything changed, and commits.
fn finish_upserts(
    tx: rusqlite::Transaction<'_>,
    outcome: Vec<Upsert>,
    generation: i64,
) -> Result<(Vec<Upsert>, u64)> {
    let next = generation + 1;
    let changed = outcome.iter().any(|c| *c != Upsert::Unchanged);
    if changed {
        write_generation(&tx, next)?;
    }
    tx.commit()?;
    Ok((
        outcome,
        if changed {
            next as u64
        } else {
            generation as u64
        },
    ))
}

/// Inserts a record or replaces the one with its id.
const UPSERT: &str = "INSERT INTO records (id, kind, body, generation) VALUES (?1, ?2, ?3, ?4)
     ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, body = excluded.body,
     generation = excluded.generation";

/// How storing `record` would change the store, and its JSON; `read` selects a stored
/// body by id.
fn classify(read: &mut rusqlite::CachedStatement<'_>, record: &Record) -> Result<(Upsert, String)> {
    let body = encode(record)?;
    let old: Option<String> = read
        .query_row(params![record.id()], |r| r.get(0))
        .optional()?;
    let change = match old {
        None => Upsert::Added,
        Some(old) if old == body => Upsert::Unchanged,
        Some(_) => Upsert::Updated,
    };
    Ok((change, body))
}

/// A record's canonical JSON, as stored.
fn encode(record: &Record) -> Result<String> {
    serde_json::to_string(record).map_err(|source| {
        InternalError::Encode {
            id: record.id().to_owned(),
            source,
        }
        .into()
    })
}

fn read_generation(conn: &Connection) -> Result<i64> {
    let text: String =
        conn.query_row("SELECT value FROM meta WHERE key = 'generation'", [], |r| {
            r.get(0)
        })?;
    text.parse().map_err(|source| {
        corrupt(
            "meta.generation",
            Corruption::NotANumber {
                text: text.clone(),
                source,
            },
        )
    })
}

fn write_generation(conn: &Connection, generation: i64) -> Result<()> {
    conn.execute(
        "UPDATE meta SET value = ?1 WHERE key = 'generation'",
        params![generation.to_string()],
    )?;
    Ok(())
}

fn corrupt(id: &str, problem: impl Into<Corruption>) -> Error {
    Error::Internal(InternalError::Corrupt {
        id: id.to_owned(),
        source: problem.into(),
    })
}

fn decode(kind: RecordKind, id: &str, body: &str) -> Result<Record> {
    Record::from_json(kind, body).map_err(|e| corrupt(id, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stored_record_is_read_from_its_text_as_from_its_parsed_value() {
        let (_dir, ws) = crate::test_support::sample_workspace();
        let mut seen = 0;
        for kind in RecordKind::ALL {
            ws.store
                .records_in_chunks(kind, 64, |records| {
                    for record in records {
                        let text = serde_json::to_string(&record.to_value()).unwrap();
                        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
                        let parsed = Record::from_value(kind, value).unwrap();
                        assert_eq!(decode(kind, record.id(), &text).unwrap(), parsed);
                        assert_eq!(parsed, record);
                        seen += 1;
                    }
                    Ok(())
                })
                .unwrap();
        }
        assert!(seen > 100, "{seen}");
        // Damage is reported the same way, naming the record.
        let err = decode(RecordKind::Expert, "exp-x", "{\"id\": 3}").unwrap_err();
        assert!(err.to_string().contains("exp-x"), "{err}");
    }

    #[test]
    fn records_are_read_by_id_in_one_transaction_of_their_own_or_in_the_one_open() {
        let (_dir, ws) = crate::test_support::sample_workspace();
        let store = &ws.store;
        let ids = ["exp-0007", "exp-inconnu", "need-kin-dechets", "exp-0001"];
        let read = || -> Vec<String> {
            store
                .records_by_ids(ids)
                .unwrap()
                .iter()
                .map(|r| r.id().to_owned())
                .collect()
        };
        // In the order asked, unknown ids skipped; no transaction left open after it.
        assert_eq!(read(), ["exp-0007", "need-kin-dechets", "exp-0001"]);
        assert!(store.conn.is_autocommit());
        // Inside a transaction already open, read within it, and it stays open.
        store.conn.execute_batch("BEGIN").unwrap();
        assert_eq!(read(), ["exp-0007", "need-kin-dechets", "exp-0001"]);
        assert!(!store.conn.is_autocommit());
        store.conn.execute_batch("COMMIT").unwrap();
    }
}
