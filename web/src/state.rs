//! What every handler shares: the workspace, the account database and the settings.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use explor_indexer::{SearchIndex, Workspace};
use explor_views::NeedMatch;

use crate::config::Settings;
use crate::error::Result;
use crate::store::{Db, SharedDb};

/// The application's shared state (cheap to clone).
#[derive(Debug, Clone)]
pub struct AppState {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    root: PathBuf,
    db: SharedDb,
    settings: Settings,
    readers: Readers,
    judged: Judged,
}

/// A need's candidates with every candidate judged, by need id, store generation and
/// number of candidates shown.
pub type JudgedKey = (String, u64, usize);

/// Need pages that judged every candidate (nobody eligible, or the excluded asked
/// for): the costliest page to make, and one people open again. Each is kept for the
/// store generation it was judged at (a write makes a new key), the last
/// `MAX_JUDGED` only.
#[derive(Debug, Default)]
struct Judged {
    kept: Mutex<std::collections::VecDeque<(JudgedKey, Arc<NeedMatch>)>>,
}

/// Judged need pages kept at most.
const MAX_JUDGED: usize = 8;

/// Workspaces opened for reading, kept between requests: a workspace warms caches as it
/// answers (the index's id table, term sets, profiles), and opening one per request
/// would throw them away each time. Each is tagged with the store generation it was
/// opened at; one whose generation has moved on (an import, an erasure, from here or
/// from the command line) is dropped and a fresh one opened.
///
/// Readers opened at the same index generation share one search index, and so one set
/// of warm caches: under load many requests open readers at once, and each reading
/// and keeping its own caches costs time and memory for the same result.
#[derive(Debug, Default)]
struct Readers {
    idle: Mutex<Vec<Reader>>,
    /// The index the last reader opened searches, and its generation then.
    shared: Mutex<Option<(Option<u64>, Arc<SearchIndex>)>>,
    /// Held while a reader opens an index of its own (the index moved on): requests
    /// meeting the new index at once wait for the first to open it, then share it,
    /// rather than each opening and warming its own copy.
    opening: Mutex<()>,
}

#[derive(Debug)]
struct Reader {
    ws: Workspace,
    /// The store's generation when it was opened.
    generation: u64,
    /// The generation of the index it searches (fixed when it was opened).
    index_generation: Option<u64>,
    opened: Instant,
}

/// Idle readers kept at most (the blocking pool runs more at once only under load).
const MAX_IDLE_READERS: usize = 16;

/// How long a reader opened while a writer is between its store's commit and its
/// index's is used again: as long as the index on disk has not moved, a reader opened
/// now would search the same index, but the writer may have gone without bringing the
/// index up (then the next open does).
const BETWEEN_COMMITS_REUSE: Duration = Duration::from_secs(2);

impl Readers {
    /// An idle reader that sees what was last committed, or a newly opened one.
    fn take(&self, root: &Path) -> Result<Reader> {
        loop {
            let idle = self.idle.lock().ok().and_then(|mut idle| idle.pop());
            let Some(reader) = idle else { break };
            if reader.current()? {
                return Ok(reader);
            }
        }
        let ws = match self.sharing(root)? {
            Some(ws) => ws,
            None => {
                let _first = self.opening.lock().unwrap_or_else(PoisonError::into_inner);
                // Another request may have opened it while this one waited.
                match self.sharing(root)? {
                    Some(ws) => ws,
                    None => Workspace::open(root)?,
                }
            }
        };
        let reader = Reader {
            generation: ws.generation()?,
            // What its reader searches: a commit between the index's opening and this
            // line leaves it unknown, and the reader is dropped after this request.
            index_generation: ws.index().searched_generation()?,
            opened: Instant::now(),
            ws,
        };
        if let Ok(mut shared) = self.shared.lock()
            && reader.index_generation.is_some()
            && shared
                .as_ref()
                .is_none_or(|(generation, _)| *generation != reader.index_generation)
        {
            *shared = Some((reader.index_generation, reader.ws.shared_index()));
        }
        Ok(reader)
    }

    /// A workspace searching the shared index, if the index on disk is still the one
    /// it searches.
    fn sharing(&self, root: &Path) -> Result<Option<Workspace>> {
        let shared = self.shared.lock().ok().and_then(|shared| shared.clone());
        Ok(match shared {
            Some((generation @ Some(_), index)) if index.generation()? == generation => {
                Some(Workspace::open_sharing(root, index)?)
            }
            _ => None,
        })
    }

    /// Keeps a reader for the next request.
    fn give_back(&self, reader: Reader) {
        if let Ok(mut idle) = self.idle.lock()
            && idle.len() < MAX_IDLE_READERS
        {
            idle.push(reader);
        }
    }
}

impl Reader {
    /// Whether it shows what a reader opened now would: the index on disk is still the
    /// one it searches, and the store has not moved since — or it has, a writer is
    /// bringing the index up, and this reader was opened only a moment ago.
    fn current(&self) -> Result<bool> {
        if self.ws.index().generation()? != self.index_generation {
            return Ok(false);
        }
        let store = self.ws.generation()?;
        let in_step = self.index_generation == Some(self.generation);
        Ok(if store == self.generation && in_step {
            true
        } else {
            // Between a writer's two commits: every reader searches the last index
            // committed, this one as well as a new one.
            self.opened.elapsed() < BETWEEN_COMMITS_REUSE
        })
    }
}

impl AppState {
    /// Opens the workspace's database (creating the web tables if needed).
    pub fn open(root: &Path, settings: Settings) -> Result<Self> {
        let db = Db::open(root)?;
        Ok(Self {
            inner: Arc::new(Inner {
                root: root.to_owned(),
                db: SharedDb::new(db)?,
                settings,
                readers: Readers::default(),
                judged: Judged::default(),
            }),
        })
    }

    /// The workspace directory.
    pub fn root(&self) -> &Path {
        &self.inner.root
    }

    /// The account database.
    pub fn db(&self) -> &SharedDb {
        &self.inner.db
    }

    /// The settings.
    pub fn settings(&self) -> &Settings {
        &self.inner.settings
    }

    /// A need's candidates judged in full at this key, if kept.
    pub fn judged(&self, key: &JudgedKey) -> Option<Arc<NeedMatch>> {
        let kept = self.inner.judged.kept.lock().ok()?;
        kept.iter()
            .find(|(k, _)| k == key)
            .map(|(_, view)| Arc::clone(view))
    }

    /// Keeps a need's candidates judged in full, dropping the oldest kept beyond
    /// `MAX_JUDGED` and any of an older store generation.
    pub fn keep_judged(&self, key: JudgedKey, view: Arc<NeedMatch>) {
        if let Ok(mut kept) = self.inner.judged.kept.lock() {
            kept.retain(|(k, _)| k.1 >= key.1 && k != &key);
            kept.push_back((key, view));
            while kept.len() > MAX_JUDGED {
                kept.pop_front();
            }
        }
    }

    /// Runs `f` on a [`Workspace`] on a blocking thread: one kept from an earlier
    /// request when nothing was written since (see `Readers`), else a new one. It
    /// always sees what was last committed, the command line's writes included.
    pub async fn with_workspace<R, F>(&self, f: F) -> Result<R>
    where
        F: FnOnce(&Workspace) -> Result<R> + Send + 'static,
        R: Send + 'static,
    {
        let inner = Arc::clone(&self.inner);
        tokio::task::spawn_blocking(move || {
            let reader = inner.readers.take(&inner.root)?;
            let out = f(&reader.ws);
            inner.readers.give_back(reader);
            out
        })
        .await?
    }

    /// Runs `f` on a freshly opened, writable [`Workspace`] on a blocking thread (the
    /// workspace's own lock keeps writers apart, the command line included).
    pub async fn with_workspace_mut<R, F>(&self, f: F) -> Result<R>
    where
        F: FnOnce(&mut Workspace) -> Result<R> + Send + 'static,
        R: Send + 'static,
    {
        let root = self.inner.root.clone();
        tokio::task::spawn_blocking(move || {
            let mut ws = Workspace::open(&root)?;
            f(&mut ws)
        })
        .await?
    }
}

impl AppState {
    /// As [`with_workspace_mut`](Self::with_workspace_mut), for a long write (an
    /// import): on a thread of its own whose CPU priority is lowered first, so that
    /// pages keep being served while it runs (see
    /// [`lower_thread_priority`](explor_indexer::lower_thread_priority)); the thread
    /// ends with the write, and no request runs on it afterwards.
    pub async fn with_long_write<R, F>(&self, f: F) -> Result<R>
    where
        F: FnOnce(&mut Workspace) -> Result<R> + Send + 'static,
        R: Send + 'static,
    {
        let root = self.inner.root.clone();
        tokio::task::spawn_blocking(move || {
            let writer = std::thread::Builder::new()
                .name("explor-write".into())
                .spawn(move || {
                    explor_indexer::lower_thread_priority();
                    let mut ws = Workspace::open(&root)?;
                    f(&mut ws)
                })
                .map_err(crate::error::InternalError::Io)?;
            writer
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
        })
        .await?
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tests::client::Harness;

    fn bump_store_generation(root: &Path) {
        let db = rusqlite::Connection::open(root.join("explor.sqlite3")).unwrap();
        db.execute(
            "UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'generation'",
            [],
        )
        .unwrap();
    }

    #[test]
    fn a_kept_reader_is_used_again_only_while_it_shows_the_last_commit() {
        let h = Harness::new();
        let root = h.dir.path();
        let readers = Readers::default();
        let reader = readers.take(root).unwrap();
        assert!(reader.current().unwrap(), "nothing written since");

        // A writer has committed its store, not yet its index, and holds the lock: a
        // reader opened a moment ago searches the same index as a new one would.
        let lock = std::fs::File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(root.join("explor.lock"))
            .unwrap();
        lock.try_lock().unwrap();
        bump_store_generation(root);
        assert!(reader.current().unwrap(), "between the writer's commits");
        let mut aged = readers.take(root).unwrap();
        aged.opened -= BETWEEN_COMMITS_REUSE;
        assert!(!aged.current().unwrap(), "but not for long");
        drop(lock);

        // The index moved (the writer brought it up, here: the next open): the old
        // reader is dropped.
        let mut ws = Workspace::open(root).unwrap();
        assert!(ws.take_notices()[0].contains("reconstruit"));
        assert!(!reader.current().unwrap(), "the index on disk moved");
        let fresh = readers.take(root).unwrap();
        assert!(fresh.current().unwrap());
        assert!(!Arc::ptr_eq(
            &fresh.ws.shared_index(),
            &reader.ws.shared_index()
        ));
    }

    #[test]
    fn readers_opened_at_once_share_one_index_until_it_moves() {
        let h = Harness::new();
        let root = h.dir.path();
        let readers = Readers::default();
        let first = readers.take(root).unwrap();
        let second = readers.take(root).unwrap();
        assert!(Arc::ptr_eq(
            &first.ws.shared_index(),
            &second.ws.shared_index()
        ));
        assert!(second.current().unwrap());

        // A write moves the store and the index: readers opened after it share the new
        // index (here the next open brings the index up).
        bump_store_generation(root);
        Workspace::open(root).unwrap();
        assert!(!second.current().unwrap());
        let third = readers.take(root).unwrap();
        let fourth = readers.take(root).unwrap();
        assert!(third.current().unwrap());
        assert!(!Arc::ptr_eq(
            &third.ws.shared_index(),
            &first.ws.shared_index()
        ));
        assert!(Arc::ptr_eq(
            &third.ws.shared_index(),
            &fourth.ws.shared_index()
        ));
    }

    #[tokio::test]
    async fn a_long_write_runs_at_the_write_priority_on_a_thread_of_its_own() {
        let h = Harness::new();
        let niceness = || std::fs::read_to_string("/proc/thread-self/stat").ok();
        let field = |stat: Option<String>| -> Option<i32> {
            // The 19th field is the nice value; the 2nd, in parentheses, may hold spaces.
            let stat = stat?;
            let after = &stat[stat.rfind(')')? + 2..];
            after.split_whitespace().nth(16)?.parse().ok()
        };
        let (name, nice) = h
            .state
            .with_long_write(move |ws| {
                assert!(ws.generation().unwrap() > 0);
                let name = std::thread::current().name().map(str::to_owned);
                Ok((name, field(niceness())))
            })
            .await
            .unwrap();
        assert_eq!(name.as_deref(), Some("explor-write"));
        if let Some(nice) = nice {
            assert!(nice >= explor_indexer::WRITE_NICENESS, "{nice}");
        }
        // Reads afterwards run at the normal priority.
        let after = h
            .state
            .with_workspace(move |_| Ok(field(niceness())))
            .await
            .unwrap();
        if let Some(after) = after {
            assert!(after < explor_indexer::WRITE_NICENESS, "{after}");
        }
    }
}
