//! The indexer's errors: what the user can fix apart from what went wrong inside.

use std::path::PathBuf;

use crate::source::ImportIssue;

/// Errors of the on-disk workspace.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Something the user can fix: a missing workspace, invalid input, an unknown id.
    #[error(transparent)]
    User(#[from] UserError),
    /// A failure of the machine or a defect: I/O, database.
    #[error(transparent)]
    Internal(#[from] InternalError),
}

/// Mistakes and situations the user can act on.
#[derive(Debug, thiserror::Error)]
pub enum UserError {
    /// No workspace at the given place.
    #[error("no explor workspace at {}: run `explor init` first (or give --workspace / EXPLOR_WORKSPACE)", .0.display())]
    NoWorkspace(PathBuf),
    /// The workspace was written by a newer explor.
    #[error("the workspace at {} has schema version {found}; this explor knows version {known} — use a newer explor", .path.display())]
    NewerSchema {
        /// Workspace directory.
        path: PathBuf,
        /// Version found on disk.
        found: i64,
        /// Version this build writes.
        known: i64,
    },
    /// Another process is writing to the workspace.
    #[error("the workspace at {} is locked by another explor process; try again when it has finished", .0.display())]
    Locked(PathBuf),
    /// The input has problems; nothing was written.
    #[error("{} problem{} in the input; nothing was imported", .0.len(), if .0.len() == 1 { "" } else { "s" })]
    Invalid(Vec<ImportIssue>),
    /// A path that cannot be imported.
    #[error("{}: {message}", .path.display())]
    BadInput {
        /// The offending path.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// No record has this id.
    #[error("no record has the id \"{0}\"")]
    NotFound(String),
    /// The expert with this id was erased at their request.
    #[error("{id} was erased on {on} at the person's request (GDPR); their data is gone")]
    Erased {
        /// The id.
        id: String,
        /// Date of erasure.
        on: String,
    },
    /// The id names a record of another kind than the command needs.
    #[error("{id} is {found}, not {expected}")]
    WrongKind {
        /// The id.
        id: String,
        /// What the command needs ("a need").
        expected: &'static str,
        /// What it is ("an expert").
        found: String,
    },
    /// A workspace settings file is not usable.
    #[error("{}: {message}", .path.display())]
    BadSettings {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// No mission has this id.
    #[error("no mission has the id \"{0}\" (explor mission list shows them)")]
    NoMission(String),
    /// A mission cannot be created or changed as asked.
    #[error(transparent)]
    Mission(#[from] explor_engine::mission::MissionError),
    /// The record is still named by others.
    #[error("{id} is still named by {}: remove or change them first", .by.join(", "))]
    StillReferenced {
        /// The id.
        id: String,
        /// Who names it.
        by: Vec<String>,
    },
}

/// Failures that are not the user's doing.
#[derive(Debug, thiserror::Error)]
pub enum InternalError {
    /// Reading or writing a file failed.
    #[error("{}: {source}", .path.display())]
    Io {
        /// The file or directory.
        path: PathBuf,
        /// The system's error.
        source: std::io::Error,
    },
    /// The record store failed.
    #[error("record store: {0}")]
    Store(#[from] rusqlite::Error),
    /// The search index failed.
    #[error("search index: {0}")]
    Index(String),
    /// A stored record cannot be read back (the store was edited by hand or is damaged).
    #[error("stored record \"{id}\" cannot be read: {message}")]
    Corrupt {
        /// Its id.
        id: String,
        /// What is wrong.
        message: String,
    },
}

impl Error {
    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Internal(InternalError::Io {
            path: path.into(),
            source,
        })
    }
}

impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Self {
        Error::Internal(InternalError::Store(e))
    }
}

/// Result with the indexer's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
