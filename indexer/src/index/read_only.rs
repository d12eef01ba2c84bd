//! The index folder opened for reading only, when explor may not write into it (a
//! workspace on read-only media, or files without write permission).
//!
//! tantivy's reader takes a lock file in the folder while it loads the index's
//! metadata, so that a writer's clean-up does not delete files it is about to open.
//! Where the folder cannot be written, no writer can run either: this directory grants
//! that lock without a file and refuses every write.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use tantivy::directory::error::{DeleteError, LockError, OpenReadError, OpenWriteError};
use tantivy::directory::{
    Directory, DirectoryLock, FileHandle, Lock, MmapDirectory, WatchCallback, WatchHandle, WritePtr,
};

/// A folder explor only reads.
#[derive(Clone, Debug)]
pub(crate) struct ReadOnlyDirectory {
    inner: MmapDirectory,
    root: PathBuf,
}

impl ReadOnlyDirectory {
    pub(crate) fn new(inner: MmapDirectory, root: &Path) -> Self {
        Self {
            inner,
            root: root.to_owned(),
        }
    }

    fn refused(&self) -> io::Error {
        io::Error::new(
            io::ErrorKind::PermissionDenied,
            format!("{} is opened read-only", self.root.display()),
        )
    }
}

/// Whether explor may create files in `dir`: it creates tantivy's reader lock file
/// itself (which tantivy's reader would create anyway), and reports a folder where
/// that is refused.
pub(crate) fn is_writable(dir: &Path) -> bool {
    let lock = dir.join(".tantivy-meta.lock");
    match std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&lock)
    {
        Ok(_) => true,
        Err(e) => !matches!(
            e.kind(),
            io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem
        ),
    }
}

impl Directory for ReadOnlyDirectory {
    fn get_file_handle(&self, path: &Path) -> Result<Arc<dyn FileHandle>, OpenReadError> {
        self.inner.get_file_handle(path)
    }

    fn delete(&self, path: &Path) -> Result<(), DeleteError> {
        Err(DeleteError::IoError {
            io_error: Arc::new(self.refused()),
            filepath: path.to_owned(),
        })
    }

    fn exists(&self, path: &Path) -> Result<bool, OpenReadError> {
        self.inner.exists(path)
    }

    fn open_write(&self, path: &Path) -> Result<WritePtr, OpenWriteError> {
        Err(OpenWriteError::IoError {
            io_error: Arc::new(self.refused()),
            filepath: path.to_owned(),
        })
    }

    fn atomic_read(&self, path: &Path) -> Result<Vec<u8>, OpenReadError> {
        self.inner.atomic_read(path)
    }

    fn atomic_write(&self, _path: &Path, _data: &[u8]) -> io::Result<()> {
        Err(self.refused())
    }

    fn sync_directory(&self) -> io::Result<()> {
        Ok(())
    }

    fn acquire_lock(&self, _lock: &Lock) -> Result<DirectoryLock, LockError> {
        Ok(DirectoryLock::from(Box::new(())))
    }

    fn watch(&self, watch_callback: WatchCallback) -> tantivy::Result<WatchHandle> {
        self.inner.watch(watch_callback)
    }
}
