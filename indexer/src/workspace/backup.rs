//! Backups: a consistent copy of a live workspace's store, and restoring one into a new
//! workspace with the erasures made since re-applied.
//!
//! A backup is the store alone (`VACUUM INTO`: one read transaction, so readers and
//! writers go on, and no free page carries deleted data into the copy); the index is
//! derived data and is rebuilt on restore. A backup made before an erasure still holds
//! the person: restore applies every erasure list it is given, and the one left in the
//! target folder, before anything else can read the store.

use std::path::{Path, PathBuf};

use super::erased_list::{self, ERASED_LIST, ErasedList};
use super::{STORE_FILE, Workspace, lock};
use crate::error::{Error, Result, UserError};
use crate::store::Store;

/// What a restore did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Restored {
    /// Records in the restored store.
    pub records: usize,
    /// Records of the backup erased again because an erasure list names them.
    pub erased_again: usize,
    /// Tombstones the erasure lists added to the backup's.
    pub tombstones_added: usize,
    /// Documents in the rebuilt search index.
    pub index_documents: u64,
}

impl Workspace {
    /// Writes a consistent copy of the store to `target`, a new file outside the
    /// workspace, while other commands and the web app go on reading and writing.
    pub fn backup(&self, target: &Path) -> Result<()> {
        let refuse = |reason| -> Error {
            UserError::BadBackupTarget {
                path: target.to_owned(),
                reason,
            }
            .into()
        };
        if target.exists() || target.is_symlink() {
            return Err(refuse(explor_engine::fr::workspace::BACKUP_EXISTS));
        }
        let parent = match target.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        let parent = parent
            .canonicalize()
            .map_err(|_| refuse(explor_engine::fr::workspace::BACKUP_NO_FOLDER))?;
        let root = self
            .root
            .canonicalize()
            .map_err(|e| Error::io(&self.root, e))?;
        if parent.starts_with(&root) {
            return Err(refuse(explor_engine::fr::workspace::BACKUP_INSIDE));
        }
        let Some(name) = target.file_name() else {
            return Err(refuse(explor_engine::fr::workspace::NO_FILE_NAMED));
        };
        let mut tmp_name = std::ffi::OsString::from(".");
        tmp_name.push(name);
        tmp_name.push(".explor-tmp");
        let tmp = parent.join(tmp_name);
        let _ = std::fs::remove_file(&tmp);
        let Some(tmp_text) = tmp.to_str() else {
            return Err(refuse(explor_engine::fr::workspace::BACKUP_NOT_UTF8));
        };
        if let Err(e) = self.store.copy_into(tmp_text) {
            let _ = std::fs::remove_file(&tmp);
            return Err(e);
        }
        std::fs::rename(&tmp, target).map_err(|e| Error::io(target, e))
    }

    /// Restores the backup `file` into `dir`, which must be absent, empty, or hold only
    /// an erasure list (`erased.list`, the one a workspace leaves there), then opens it:
    /// the search index is rebuilt from the store.
    ///
    /// Every erasure in the lists given (`erasures`: workspace folders or list files)
    /// and in `dir/erased.list` is applied to the restored store as an erasure made
    /// now would be, so a person erased after the backup stays erased. A list made
    /// under another workspace's key is refused.
    pub fn restore(file: &Path, dir: &Path, erasures: &[PathBuf]) -> Result<(Self, Restored)> {
        check_target(dir)?;
        if !file.is_file() {
            return Err(UserError::NotABackup {
                path: file.to_owned(),
                reason: explor_engine::fr::workspace::FILE_NOT_FOUND.to_owned(),
            }
            .into());
        }
        let created_dir = !dir.exists();
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        let db = dir.join(STORE_FILE);
        let result = restore_store(file, dir, &db, erasures);
        let (erased_again, tombstones_added) = match result {
            Ok(done) => done,
            Err(e) => {
                // Leave the folder as it was found.
                for suffix in ["", "-wal", "-shm"] {
                    let mut p = db.clone().into_os_string();
                    p.push(suffix);
                    let _ = std::fs::remove_file(PathBuf::from(p));
                }
                let _ = std::fs::remove_file(dir.join(super::LOCK_FILE));
                if created_dir {
                    let _ = std::fs::remove_dir(dir);
                }
                return Err(e);
            }
        };
        let mut ws = Workspace::open(dir)?;
        let records = ws.counts()?.values().sum();
        let index_documents = ws.index.len();
        // Opening rebuilt the missing index: that is what a restore does, not news.
        ws.notices.clear();
        Ok((
            ws,
            Restored {
                records,
                erased_again,
                tombstones_added,
                index_documents,
            },
        ))
    }
}

/// A restore writes only into an absent or empty folder, or one that holds only the
/// erasure list of the workspace that was there.
fn check_target(dir: &Path) -> Result<()> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(Error::io(dir, e)),
    };
    for entry in entries {
        let entry = entry.map_err(|e| Error::io(dir, e))?;
        if entry.file_name() != ERASED_LIST {
            return Err(UserError::RestoreTargetNotEmpty(dir.to_owned()).into());
        }
    }
    Ok(())
}

/// Copies the backup to `db`, applies the erasure lists and empties the log. Returns
/// how many records were erased again and how many tombstones were added.
fn restore_store(
    file: &Path,
    dir: &Path,
    db: &Path,
    erasures: &[PathBuf],
) -> Result<(usize, usize)> {
    let _lock = lock(dir)?;
    std::fs::copy(file, db).map_err(|e| Error::io(db, e))?;
    let mut store = match Store::open(db) {
        Ok(store) => store,
        Err(Error::User(UserError::ForeignDatabase { reason, .. })) => {
            return Err(UserError::NotABackup {
                path: file.to_owned(),
                reason: reason.to_owned(),
            }
            .into());
        }
        Err(e) => return Err(e),
    };
    store.use_wal()?;
    let mut lists = vec![dir.join(ERASED_LIST)];
    lists.extend(erasures.iter().map(|p| erased_list::path_in(p)));
    let mut tombstones = Vec::new();
    for path in &lists {
        if !path.exists() && path != &dir.join(ERASED_LIST) {
            return Err(UserError::BadErasureList {
                path: path.clone(),
                reason: explor_engine::fr::workspace::NOTHING_TO_RESTORE.to_owned(),
            }
            .into());
        }
        tombstones.extend(ErasedList::read(path)?.checked(path, store.erasure_key())?);
    }
    let wanted: std::collections::HashMap<&str, &str> = tombstones
        .iter()
        .map(|t| (t.tag.as_str(), t.erased_on.as_str()))
        .collect();
    let mut erased_again = 0;
    if !wanted.is_empty() {
        let key = store.erasure_key().clone();
        let mut ids: Vec<String> = store.known_ids()?.into_keys().collect();
        ids.sort();
        for id in ids {
            if let Some(on) = wanted.get(key.tag(&id).as_str()) {
                store.delete(&id, on)?;
                erased_again += 1;
            }
        }
    }
    let tombstones_added = store.add_tombstones(&tombstones)?;
    if !store.scrub()? {
        return Err(Error::io(
            db,
            std::io::Error::other("the new database's log could not be emptied"),
        ));
    }
    erased_list::sync(dir, &store)?;
    Ok((erased_again, tombstones_added))
}
