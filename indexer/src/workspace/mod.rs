//! A workspace: a directory holding the record store, the search index derived from
//! it, and the settings files that override the defaults. This module opens, creates
//! and locks one; each capability of [`Workspace`] lives in a file of its own.
//!
//! | Capability | Methods | File |
//! |---|---|---|
//! | Opening | [`init`](Workspace::init), [`open`](Workspace::open), [`open_sharing`](Workspace::open_sharing), [`shared_index`](Workspace::shared_index), [`take_notices`](Workspace::take_notices), [`root`](Workspace::root) | `workspace/mod.rs` |
//! | Records | [`import`](Workspace::import), [`import_with`](Workspace::import_with), [`import_path`](Workspace::import_path), [`record`](Workspace::record), [`records`](Workspace::records), [`records_by_ids`](Workspace::records_by_ids), [`needs`](Workspace::needs), [`counts`](Workspace::counts), [`remove`](Workspace::remove), [`erased_on`](Workspace::erased_on) | `workspace/records.rs` |
//! | Backups | [`backup`](Workspace::backup), [`restore`](Workspace::restore) | `workspace/backup.rs` |
//! | Search index | [`index`](Workspace::index), [`search`](Workspace::search), [`check`](Workspace::check), [`reindex`](Workspace::reindex), [`generation`](Workspace::generation) | `workspace/index.rs` |
//! | Matching | [`scoring_config`](Workspace::scoring_config), [`scoring_setup`](Workspace::scoring_setup), [`match_need`](Workspace::match_need), [`match_candidate`](Workspace::match_candidate) | `matching.rs` |
//! | Batch | [`batch`](Workspace::batch) | `batch.rs` |
//! | Missions | [`missions`](Workspace::missions), [`mission`](Workspace::mission), [`missions_naming`](Workspace::missions_naming), [`create_mission`](Workspace::create_mission), [`create_missions`](Workspace::create_missions), [`advance_mission`](Workspace::advance_mission), [`record_mission_item`](Workspace::record_mission_item) | `missions/mod.rs` |
//! | Bookings | [`bookings`](Workspace::bookings), [`history`](Workspace::history), [`open_needs`](Workspace::open_needs), [`staffed_needs`](Workspace::staffed_needs) | `missions/bookings.rs` |
//! | Documents | [`mission_file`](Workspace::mission_file), [`templates`](Workspace::templates), [`mission_document`](Workspace::mission_document) | `missions/documents.rs` |
//! | Reference tables | [`cost_rules`](Workspace::cost_rules), [`import_reference`](Workspace::import_reference) | `reference.rs` |
//!
//! Every method that writes takes the workspace's lock file first, so that a second
//! process fails at once ([`UserError::Locked`]) instead of waiting.

pub(crate) mod backup;
mod erased_list;
pub(crate) mod forms;
pub(crate) mod index;
pub(crate) mod records;

use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::error::{Error, Result, UserError};
use crate::index::SearchIndex;
use crate::store::{SCHEMA_VERSION, Store};

const STORE_FILE: &str = "explor.sqlite3";
const INDEX_DIR: &str = "index";
const LOCK_FILE: &str = "explor.lock";
/// SQLite's write-ahead log beside the store.
const WAL_FILE: &str = "explor.sqlite3-wal";

/// An open workspace.
#[derive(Debug)]
pub struct Workspace {
    root: PathBuf,
    pub(crate) store: Store,
    /// Shared with other readers of the same index (see [`Workspace::open_sharing`]).
    index: Arc<SearchIndex>,
    notices: Vec<String>,
}

/// An exclusive hold on a workspace for writing; released when dropped.
pub(crate) struct WriteLock {
    _file: File,
}

impl Workspace {
    /// Creates a workspace at `root` (the directory may exist). Returns the workspace and
    /// whether it was newly created; initialising an existing workspace changes nothing.
    ///
    /// An `index` folder that explor did not create is refused before anything is
    /// written ([`UserError::ForeignIndexFolder`]).
    pub fn init(root: &Path) -> Result<(Self, bool)> {
        crate::index::check_ours(&root.join(INDEX_DIR))?;
        std::fs::create_dir_all(root).map_err(|e| Error::io(root, e))?;
        let db = root.join(STORE_FILE);
        let created = !db.exists();
        {
            let _lock = lock(root)?;
            Store::create(&db)?;
        }
        Ok((Self::open(root)?, created))
    }

    /// Opens the workspace at `root`.
    pub fn open(root: &Path) -> Result<Self> {
        let db = root.join(STORE_FILE);
        if !db.is_file() {
            return Err(UserError::NoWorkspace(root.to_owned()).into());
        }
        let store = Store::open(&db)?;
        let found = store.schema_version()?;
        if found > SCHEMA_VERSION {
            return Err(UserError::NewerSchema {
                path: root.to_owned(),
                found,
                known: SCHEMA_VERSION,
            }
            .into());
        }
        let mut notices = Vec::new();
        let index = match SearchIndex::open_or_create(&root.join(INDEX_DIR)) {
            Ok(index) => index,
            // The index is derived from the store: a damaged one is started again (and
            // brought up below), unless a writer is at work, who may be rebuilding it.
            Err(Error::User(damaged @ UserError::IndexDamaged { .. })) => {
                let _lock = match lock(root) {
                    Ok(lock) => lock,
                    Err(Error::User(UserError::Locked(_))) => return Err(damaged.into()),
                    Err(e) => return Err(e),
                };
                notices.push(explor_engine::fr::workspace::rebuilt(&damaged));
                SearchIndex::recreate(&root.join(INDEX_DIR))?
            }
            Err(e) => return Err(e),
        };
        let mut ws = Self {
            root: root.to_owned(),
            store,
            index: Arc::new(index),
            notices,
        };
        let (store_gen, index_gen) = (ws.store.generation()?, ws.index.generation()?);
        if index_gen != Some(store_gen) {
            let _lock = match lock(root) {
                Ok(lock) => lock,
                Err(Error::User(UserError::Locked(_))) => {
                    // A writer is at work: it brings the index up to the store when it
                    // commits. A reader does not wait for it; it reads the last index
                    // committed, which may miss the records that writer is adding.
                    ws.notices.push(behind_a_writer(index_gen, store_gen));
                    return Ok(ws);
                }
                Err(e) => return Err(e),
            };
            let n = ws.rebuild_index()?;
            ws.notices.push(match index_gen {
                None => explor_engine::fr::workspace::index_missing(n),
                Some(g) => explor_engine::fr::workspace::index_behind(g, store_gen, n),
            });
        }
        Ok(ws)
    }

    /// Opens the workspace searching through `index`, a search index another
    /// [`Workspace`] of the same directory opened (see [`Workspace::shared_index`]), so
    /// that readers share one index and what it warms as it answers (the id table, term
    /// sets, profiles) instead of each reading its own.
    ///
    /// The caller vouches that `index` still searches the index as it is on disk (its
    /// reader is not reloaded here). When the store has moved past that index and a
    /// writer is at work (between its two commits), the index is shared all the same:
    /// a reader opened by [`Workspace::open`] would search that very index, and opening
    /// it again for each reader, caches and all, is what a long import must not cost.
    /// When no writer is at work (one went without bringing the index up), this opens
    /// the workspace as [`Workspace::open`] does, which brings the index up.
    pub fn open_sharing(root: &Path, index: Arc<SearchIndex>) -> Result<Self> {
        let db = root.join(STORE_FILE);
        if !db.is_file() {
            return Err(UserError::NoWorkspace(root.to_owned()).into());
        }
        let store = Store::open(&db)?;
        if store.schema_version()? != SCHEMA_VERSION {
            return Self::open(root);
        }
        let store_gen = store.generation()?;
        let index_gen = index.generation()?;
        let mut notices = Vec::new();
        if index_gen != Some(store_gen) {
            let writer_at_work = matches!(lock(root), Err(Error::User(UserError::Locked(_))));
            if !writer_at_work {
                // No writer (the lock, taken and let go, was free) or no way to tell
                // (read-only media): as a reader opened afresh.
                return Self::open(root);
            }
            notices.push(behind_a_writer(index_gen, store_gen));
        }
        Ok(Self {
            root: root.to_owned(),
            store,
            index,
            notices,
        })
    }

    /// This workspace's search index, to share with readers opened later
    /// ([`Workspace::open_sharing`]).
    pub fn shared_index(&self) -> Arc<SearchIndex> {
        Arc::clone(&self.index)
    }

    /// Messages worth showing the user about what opening did (an index rebuilt…).
    pub fn take_notices(&mut self) -> Vec<String> {
        std::mem::take(&mut self.notices)
    }

    /// The workspace directory.
    pub fn root(&self) -> &Path {
        &self.root
    }
}

/// What a reader is told when it searches the last index committed while a writer
/// brings the store further.
fn behind_a_writer(index_gen: Option<u64>, store_gen: u64) -> String {
    explor_engine::fr::workspace::index_generation_ahead(
        index_gen.map_or_else(|| "inconnue".to_owned(), |g| g.to_string()),
        store_gen,
    )
}

/// How long a writer waits for the workspace's lock before saying another holds it:
/// enough for a holder about to let go — a command finishing, or a child process of
/// this one between its start and its program, which holds copies of this process's
/// open files, the lock's among them —, little enough to answer at once while an
/// import runs.
const LOCK_PATIENCE: std::time::Duration = std::time::Duration::from_millis(300);

/// Takes the workspace's write lock, failing soon (see [`LOCK_PATIENCE`]) if another
/// holds it.
pub(crate) fn lock(root: &Path) -> Result<WriteLock> {
    let path = root.join(LOCK_FILE);
    let file = File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(|e| Error::io(&path, e))?;
    let started = std::time::Instant::now();
    loop {
        match file.try_lock() {
            Ok(()) => return Ok(WriteLock { _file: file }),
            Err(std::fs::TryLockError::WouldBlock) if started.elapsed() < LOCK_PATIENCE => {
                std::thread::sleep(std::time::Duration::from_millis(10));
            }
            Err(std::fs::TryLockError::WouldBlock) => {
                return Err(UserError::Locked(root.to_owned()).into());
            }
            Err(std::fs::TryLockError::Error(e)) => return Err(Error::io(&path, e)),
        }
    }
}

#[cfg(test)]
mod tests;
