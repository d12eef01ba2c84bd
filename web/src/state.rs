//! What every handler shares: the workspace, the account database and the settings.

use std::path::{Path, PathBuf};
use std::sync::Arc;

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
}

impl AppState {
    /// Opens the workspace's database (creating the web tables if needed).
    pub fn open(root: &Path, settings: Settings) -> Result<Self> {
        let db = Db::open(root)?;
        Ok(Self {
            inner: Arc::new(Inner {
                root: root.to_owned(),
                db: SharedDb::new(db),
                settings,
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

    /// Runs `f` on a freshly opened [`Workspace`] on a blocking thread.
    ///
    /// A `Workspace` (SQLite connection, tantivy reader) is not shared between threads;
    /// opening one per request is cheap next to the work a page does, and always sees
    /// what the command line last wrote.
    pub async fn with_workspace<R, F>(&self, f: F) -> Result<R>
    where
        F: FnOnce(&Workspace) -> Result<R> + Send + 'static,
        R: Send + 'static,
    {
        let root = self.inner.root.clone();
        tokio::task::spawn_blocking(move || {
            let ws = Workspace::open(&root)?;
            f(&ws)
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
