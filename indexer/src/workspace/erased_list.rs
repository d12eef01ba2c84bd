//! The erasure list: the workspace's tombstones kept again in a small text file beside
//! the database (`erased.list`), so that restoring a backup made before an erasure
//! never brings the person back.
//!
//! The file holds no personal data: one line per erased record with the keyed hash of
//! its id, its kind and the day, under a line naming the key by its fingerprint (a
//! list made under another workspace's key is refused, not silently ignored).
//!
//! ```text
//! # explor erasure list: keyed hashes of erased ids, no personal data. …
//! key 3f1c0b6a9e2d4c81
//! 5be0…c2 expert 2026-12-05
//! ```

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result, UserError};
use crate::store::{ErasureKey, Store, Tombstone};

/// The list's file name in a workspace.
pub(crate) const ERASED_LIST: &str = "erased.list";

const HEADER: &str = "# explor erasure list: keyed hashes of erased ids, no personal data.\n\
# `explor restore` applies it to a backup made before these erasures; keep a copy\n\
# with your backups. Do not edit.\n";

/// A list read from a file: the fingerprint of its key and its tombstones.
#[derive(Debug, Default)]
pub(crate) struct ErasedList {
    fingerprint: Option<String>,
    tombstones: Vec<Tombstone>,
}

impl ErasedList {
    /// Reads the list at `path`; an absent file is an empty list.
    pub(crate) fn read(path: &Path) -> Result<Self> {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Self::default()),
            Err(e) => return Err(Error::io(path, e)),
        };
        let bad = |n: usize, what: &str| -> Error {
            UserError::BadErasureList {
                path: path.to_owned(),
                reason: format!("ligne {n} : {what}"),
            }
            .into()
        };
        let mut list = Self::default();
        for (n, line) in (1..).zip(text.lines()) {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let parts: Vec<&str> = line.split_whitespace().collect();
            match parts.as_slice() {
                ["key", fingerprint] => list.fingerprint = Some((*fingerprint).to_owned()),
                [tag, kind, on]
                    if tag.len() == 64 && tag.bytes().all(|b| b.is_ascii_hexdigit()) =>
                {
                    list.tombstones.push(Tombstone {
                        tag: (*tag).to_owned(),
                        kind: (*kind).to_owned(),
                        erased_on: (*on).to_owned(),
                    });
                }
                _ => {
                    return Err(bad(n, explor_engine::fr::workspace::BAD_ERASED_LINE));
                }
            }
        }
        if !list.tombstones.is_empty() && list.fingerprint.is_none() {
            return Err(bad(1, explor_engine::fr::workspace::NO_KEY_LINE));
        }
        Ok(list)
    }

    /// The tombstones, provided the list was made under `key`.
    pub(crate) fn checked(self, path: &Path, key: &ErasureKey) -> Result<Vec<Tombstone>> {
        match &self.fingerprint {
            Some(f) if *f != key.fingerprint() => Err(UserError::BadErasureList {
                path: path.to_owned(),
                reason: explor_engine::fr::workspace::other_key(f, key.fingerprint()),
            }
            .into()),
            _ => Ok(self.tombstones),
        }
    }
}

/// Where `from` keeps its list: the file itself, or `erased.list` in a workspace folder.
pub(crate) fn path_in(from: &Path) -> PathBuf {
    if from.is_dir() {
        from.join(ERASED_LIST)
    } else {
        from.to_owned()
    }
}

/// Writes the workspace's list anew: what it held and every tombstone of the store.
pub(crate) fn sync(root: &Path, store: &Store) -> Result<()> {
    let path = root.join(ERASED_LIST);
    let key = store.erasure_key();
    let mut all: BTreeMap<String, Tombstone> = ErasedList::read(&path)?
        .checked(&path, key)?
        .into_iter()
        .map(|t| (t.tag.clone(), t))
        .collect();
    all.extend(store.tombstones()?);
    write(&path, key, all.values())
}

/// Writes the list at `path` atomically (a temporary file, synced, renamed over it).
fn write<'t>(
    path: &Path,
    key: &ErasureKey,
    tombstones: impl IntoIterator<Item = &'t Tombstone>,
) -> Result<()> {
    let mut text = String::from(HEADER);
    text.push_str(&format!("key {}\n", key.fingerprint()));
    for t in tombstones {
        text.push_str(&format!("{} {} {}\n", t.tag, t.kind, t.erased_on));
    }
    let tmp = path.with_extension("list.tmp");
    let written = std::fs::File::create(&tmp).and_then(|mut f| {
        f.write_all(text.as_bytes())?;
        f.sync_all()
    });
    written.map_err(|e| Error::io(&tmp, e))?;
    std::fs::rename(&tmp, path).map_err(|e| Error::io(path, e))
}
