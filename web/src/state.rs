//! What every handler shares: the workspace, the account database and the settings.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use explor_indexer::Workspace;

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
}

/// Workspaces opened for reading, kept between requests: a workspace warms caches as it
/// answers (the index's id table, term sets, profiles), and opening one per request
/// would throw them away each time. Each is tagged with the store generation it was
/// opened at; one whose generation has moved on (an import, an erasure, from here or
/// from the command line) is dropped and a fresh one opened.
#[derive(Debug, Default)]
struct Readers {
    idle: Mutex<Vec<Reader>>,
}

#[derive(Debug)]
struct Reader {
    ws: Workspace,
    generation: u64,
    /// Whether its index was at the store's generation when opened: one opened while a
    /// writer was between its store's commit and its index's serves that request only.
    keep: bool,
}

/// Idle readers kept at most (the blocking pool runs more at once only under load).
const MAX_IDLE_READERS: usize = 16;

impl Readers {
    /// An idle reader still at the store's generation, or a newly opened one.
    fn take(&self, root: &Path) -> Result<Reader> {
        loop {
            let idle = self.idle.lock().ok().and_then(|mut idle| idle.pop());
            let Some(reader) = idle else { break };
            if reader.ws.generation()? == reader.generation {
                return Ok(reader);
            }
        }
        let ws = Workspace::open(root)?;
        let generation = ws.generation()?;
        let keep = ws.index().generation()? == Some(generation);
        Ok(Reader {
            ws,
            generation,
            keep,
        })
    }

    /// Keeps a reader for the next request.
    fn give_back(&self, reader: Reader) {
        if reader.keep
            && let Ok(mut idle) = self.idle.lock()
            && idle.len() < MAX_IDLE_READERS
        {
            idle.push(reader);
        }
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
