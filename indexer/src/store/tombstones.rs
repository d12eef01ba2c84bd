//! Erasure tombstones: what remains of an expert erased at their request.
//!
//! A tombstone holds no personal data: not the id, but its keyed hash (HMAC-SHA256
//! under a random key made once per workspace and kept in `meta`), the record's kind
//! and the day of erasure. Knowing an id, explor can tell whether it was erased (and
//! refuse to import it again); reading the table, nobody can list the ids erased
//! without the key, and a plain hash of `exp-0042` would be reversed by trying them all.

use std::collections::BTreeMap;

use hmac::{KeyInit, Mac};
use rusqlite::{Connection, OptionalExtension, params};

use super::Store;
use crate::error::{InternalError, Result};

type HmacSha256 = hmac::Hmac<sha2::Sha256>;

/// The `meta` key under which the erasure key is kept, in hexadecimal.
pub(super) const KEY_META: &str = "erasure_key";

/// What the fingerprint of a key is computed over: a fixed text, so that an erasure
/// list can say which workspace's key it was made with without giving the key.
const FINGERPRINT_INPUT: &[u8] = b"explor erasure list";

/// The workspace's secret key for tombstones.
#[derive(Clone)]
pub struct ErasureKey([u8; 32]);

impl std::fmt::Debug for ErasureKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ErasureKey(..)")
    }
}

impl ErasureKey {
    /// A new key from the operating system's random source.
    pub(super) fn generate() -> Result<Self> {
        let mut bytes = [0u8; 32];
        getrandom::fill(&mut bytes)
            .map_err(|e| InternalError::Random(std::io::Error::other(e.to_string())))?;
        Ok(Self(bytes))
    }

    /// The key written as `hex`, if it is 64 hexadecimal digits.
    pub(super) fn from_hex(hex: &str) -> Option<Self> {
        let hex = hex.as_bytes();
        if hex.len() != 64 {
            return None;
        }
        let mut bytes = [0u8; 32];
        for (byte, pair) in bytes.iter_mut().zip(hex.chunks(2)) {
            let text = std::str::from_utf8(pair).ok()?;
            *byte = u8::from_str_radix(text, 16).ok()?;
        }
        Some(Self(bytes))
    }

    pub(super) fn to_hex(&self) -> String {
        to_hex(&self.0)
    }

    fn mac(&self, input: &[u8]) -> String {
        let mut mac = <HmacSha256 as KeyInit>::new_from_slice(&self.0)
            .expect("HMAC takes a key of any length");
        mac.update(input);
        to_hex(&mac.finalize().into_bytes())
    }

    /// The tombstone of `id`: its keyed hash, in hexadecimal.
    pub fn tag(&self, id: &str) -> String {
        self.mac(id.as_bytes())
    }

    /// Names this key without giving it away (an erasure list carries it, so that a
    /// list made under another workspace's key is refused rather than ignored).
    pub fn fingerprint(&self) -> String {
        self.mac(FINGERPRINT_INPUT)[..16].to_owned()
    }
}

fn to_hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes.iter().fold(String::new(), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

/// One erased record, as kept: no id, only its tag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tombstone {
    /// The keyed hash of the id.
    pub tag: String,
    /// The record's kind (`expert`).
    pub kind: String,
    /// The day of erasure, `YYYY-MM-DD`.
    pub erased_on: String,
}

/// Reads the key from `meta`, making and storing one when there is none (a store
/// created before tombstones were hashed).
pub(super) fn load_or_make_key(conn: &Connection) -> Result<ErasureKey> {
    if let Some(key) = read_key(conn)? {
        return Ok(key);
    }
    let key = ErasureKey::generate()?;
    conn.execute(
        "INSERT OR IGNORE INTO meta (key, value) VALUES (?1, ?2)",
        params![KEY_META, key.to_hex()],
    )?;
    // Another process may have stored its key first: the stored one is the key.
    read_key(conn)?.ok_or_else(|| {
        super::corrupt(
            "meta.erasure_key",
            crate::error::Corruption::BadKey("missing after it was written"),
        )
    })
}

/// The key stored in `meta`, if any.
pub(super) fn read_key(conn: &Connection) -> Result<Option<ErasureKey>> {
    let hex: Option<String> = conn
        .query_row(
            "SELECT value FROM meta WHERE key = ?1",
            params![KEY_META],
            |r| r.get(0),
        )
        .optional()?;
    match hex {
        None => Ok(None),
        Some(hex) => ErasureKey::from_hex(&hex).map(Some).ok_or_else(|| {
            super::corrupt(
                "meta.erasure_key",
                crate::error::Corruption::BadKey("not 64 hexadecimal digits"),
            )
        }),
    }
}

/// Moves the tombstones of a version-2 store, which kept the ids in clear, to hashed
/// ones, and drops the old table (its pages are overwritten: `secure_delete` is on).
pub(super) fn migrate_clear_ids(conn: &Connection, key: &ErasureKey) -> Result<()> {
    let old: i64 = conn.query_row(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'erasures'",
        [],
        |r| r.get(0),
    )?;
    if old == 0 {
        return Ok(());
    }
    let rows: Vec<(String, String, String)> = {
        let mut stmt = conn.prepare("SELECT id, kind, erased_on FROM erasures")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        rows.collect::<Result<_, _>>()?
    };
    for (id, kind, on) in rows {
        insert(conn, &key.tag(&id), &kind, &on)?;
    }
    conn.execute_batch("DROP TABLE erasures")?;
    Ok(())
}

/// Stores a tombstone (the first one of a tag is kept).
pub(super) fn insert(conn: &Connection, tag: &str, kind: &str, erased_on: &str) -> Result<()> {
    conn.execute(
        "INSERT OR IGNORE INTO tombstones (tag, kind, erased_on) VALUES (?1, ?2, ?3)",
        params![tag, kind, erased_on],
    )?;
    Ok(())
}

/// The day `id` was erased, if it was.
pub(super) fn erased_on(conn: &Connection, key: &ErasureKey, id: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT erased_on FROM tombstones WHERE tag = ?1",
            params![key.tag(id)],
            |r| r.get(0),
        )
        .optional()?)
}

impl Store {
    /// The workspace's erasure key.
    pub fn erasure_key(&self) -> &ErasureKey {
        &self.key
    }

    /// Every tombstone, by tag.
    pub fn tombstones(&self) -> Result<BTreeMap<String, Tombstone>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT tag, kind, erased_on FROM tombstones ORDER BY tag")?;
        let rows = stmt.query_map([], |r| {
            Ok(Tombstone {
                tag: r.get(0)?,
                kind: r.get(1)?,
                erased_on: r.get(2)?,
            })
        })?;
        let mut out = BTreeMap::new();
        for row in rows {
            let t = row?;
            out.insert(t.tag.clone(), t);
        }
        Ok(out)
    }

    /// Stores tombstones read from elsewhere (an erasure list), for ids that may not be
    /// in this store; returns how many were new.
    pub fn add_tombstones<'t>(
        &mut self,
        tombstones: impl IntoIterator<Item = &'t Tombstone>,
    ) -> Result<usize> {
        let tx = self.conn.transaction()?;
        let mut added = 0;
        for t in tombstones {
            added += tx.execute(
                "INSERT OR IGNORE INTO tombstones (tag, kind, erased_on) VALUES (?1, ?2, ?3)",
                params![t.tag, t.kind, t.erased_on],
            )?;
        }
        tx.commit()?;
        Ok(added)
    }

    /// Rewrites the database so that nothing deleted survives in it (see
    /// [`scrub_database`]).
    pub fn scrub(&self) -> Result<bool> {
        Ok(scrub_database(&self.conn)?)
    }
}

/// Rewrites the SQLite database of `conn` so that nothing deleted survives in it:
/// `VACUUM` rebuilds every page (so free space written before `secure_delete` was on is
/// gone too), then a `TRUNCATE` checkpoint copies the write-ahead log into the
/// database and empties it. Returns `false` when another connection kept reading and
/// the log could not be emptied. The record store and the web app's tables (the same
/// file) both end their part of an erasure with it.
pub fn scrub_database(conn: &Connection) -> rusqlite::Result<bool> {
    conn.execute_batch("VACUUM")?;
    for attempt in 0..5 {
        if attempt > 0 {
            std::thread::sleep(std::time::Duration::from_millis(200));
        }
        let (busy, log, done): (i64, i64, i64) =
            conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })?;
        if busy == 0 && log <= 0 && done <= 0 {
            return Ok(true);
        }
    }
    Ok(false)
}

#[cfg(test)]
mod tests {
    use explor_engine::{Record, RecordKind};
    use rusqlite::Connection;

    use super::*;
    use crate::error::{Error, UserError};

    #[test]
    fn a_tag_is_the_keyed_hash_of_the_id_never_the_id() {
        let key = ErasureKey::generate().unwrap();
        let again = ErasureKey::from_hex(&key.to_hex()).unwrap();
        assert_eq!(key.tag("exp-0042"), again.tag("exp-0042"));
        assert_ne!(key.tag("exp-0042"), key.tag("exp-0043"));
        let tag = key.tag("exp-0042");
        assert_eq!(tag.len(), 64);
        assert!(tag.bytes().all(|b| b.is_ascii_hexdigit()), "{tag}");
        let other = ErasureKey::generate().unwrap();
        assert_ne!(key.tag("exp-0042"), other.tag("exp-0042"));
        assert_ne!(key.fingerprint(), other.fingerprint());
        assert!(ErasureKey::from_hex("zz").is_none());
    }

    /// A store holding the sample, and the path of its database.
    fn sample_store() -> (tempfile::TempDir, std::path::PathBuf) {
        let (dir, ws) = crate::test_support::sample_workspace();
        drop(ws);
        let db = dir.path().join("ws/explor.sqlite3");
        (dir, db)
    }

    #[test]
    fn a_version_2_store_keeps_its_erasures_as_hashes_and_loses_the_clear_ids() {
        let (_dir, db) = sample_store();
        {
            let conn = Connection::open(&db).unwrap();
            conn.execute_batch(
                "DROP TABLE tombstones;
                 DELETE FROM meta WHERE key = 'erasure_key';
                 CREATE TABLE erasures (id TEXT PRIMARY KEY, kind TEXT NOT NULL, erased_on TEXT NOT NULL);
                 INSERT INTO erasures VALUES ('exp-0555', 'expert', '2026-01-02');
                 UPDATE meta SET value = '2' WHERE key = 'schema_version';",
            )
            .unwrap();
        }
        let store = Store::open(&db).unwrap();
        assert_eq!(
            store.erased_on("exp-0555").unwrap().as_deref(),
            Some("2026-01-02")
        );
        let tags = store.tombstones().unwrap();
        assert_eq!(tags.len(), 1);
        assert!(tags.contains_key(&store.erasure_key().tag("exp-0555")));
        let old: i64 = store
            .conn
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE name = 'erasures'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(old, 0, "the table of clear ids is gone");
        assert_eq!(store.schema_version().unwrap(), crate::SCHEMA_VERSION);
    }

    #[test]
    fn the_store_never_writes_an_erased_id_again_whoever_calls() {
        let (_dir, db) = sample_store();
        let mut store = Store::open(&db).unwrap();
        let person = store.record("exp-0007").unwrap().unwrap();
        assert!(matches!(person, Record::Expert(_)));
        store.delete("exp-0007", "2026-12-05").unwrap();
        // What a process ignoring the workspace's lock would try after the erasure.
        let err = store.upsert_all(std::slice::from_ref(&person)).unwrap_err();
        assert!(
            matches!(err, Error::User(UserError::Erased { ref id, .. }) if id == "exp-0007"),
            "{err:?}"
        );
        assert!(store.record("exp-0007").unwrap().is_none());
        assert_eq!(store.counts().unwrap()[&RecordKind::Expert], 104);
        // The tombstone says nothing of the person.
        let all: Vec<String> = store
            .tombstones()
            .unwrap()
            .into_values()
            .map(|t| format!("{} {} {}", t.tag, t.kind, t.erased_on))
            .collect();
        assert!(all.iter().all(|t| !t.contains("exp-")), "{all:?}");
    }
}
