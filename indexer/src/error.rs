//! The indexer's errors: what the user can fix apart from what went wrong inside.

use std::path::PathBuf;

use crate::issue::ImportIssue;

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
    #[error("{}", explor_engine::fr::workspace::no_workspace(.0.display()))]
    NoWorkspace(PathBuf),
    /// The workspace was written by a newer explor.
    #[error("{}", explor_engine::fr::workspace::newer_schema(.path.display(), .found, .known))]
    NewerSchema {
        /// Workspace directory.
        path: PathBuf,
        /// Version found on disk.
        found: i64,
        /// Version this build writes.
        known: i64,
    },
    /// The workspace's database file is empty or is not an explor store: it is
    /// refused rather than taken for an empty workspace (and never written to).
    #[error("{}", explor_engine::fr::workspace::not_a_workspace_database(.path.display(), .reason))]
    ForeignDatabase {
        /// The database file.
        path: PathBuf,
        /// What gave it away.
        reason: &'static str,
    },
    /// Another process is writing to the workspace.
    #[error("{}", explor_engine::fr::workspace::locked(.0.display()))]
    Locked(PathBuf),
    /// The input has problems; nothing was written.
    #[error("{}", explor_engine::fr::workspace::invalid_data(.0.len(), if .0.len() == 1 { "" } else { "s" }))]
    Invalid(Vec<ImportIssue>),
    /// A path that cannot be imported.
    #[error("{} : {message}", .path.display())]
    BadInput {
        /// The offending path.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// A file whose name does not say which kind of record it holds.
    #[error("{}", explor_engine::fr::workspace::unknown_file_kind(.0.display()))]
    UnknownFileKind(PathBuf),
    /// No record has this id.
    #[error("{}", explor_engine::fr::workspace::no_record(.0))]
    NotFound(String),
    /// The expert with this id was erased at their request.
    #[error("{}", explor_engine::fr::workspace::erased(.id, .on))]
    Erased {
        /// The id.
        id: String,
        /// Date of erasure.
        on: String,
    },
    /// The id names a record of another kind than the command needs.
    #[error("{}", explor_engine::fr::workspace::wrong_kind(.id, .found, .expected))]
    WrongKind {
        /// The id.
        id: String,
        /// What the command needs ("un besoin").
        expected: &'static str,
        /// What it is ("un expert").
        found: String,
    },
    /// A workspace settings file (scoring settings, document templates) is not usable.
    #[error("{}", .path.display())]
    BadSettings {
        /// The file or folder.
        path: PathBuf,
        /// What is wrong: the engine's error about it (boxed, so that this enum does
        /// not follow where the engine keeps its settings errors).
        source: Box<dyn std::error::Error + Send + Sync>,
    },
    /// The workspace's index folder holds files explor did not create.
    #[error("{}", explor_engine::fr::workspace::foreign_index_folder(.0.display()))]
    ForeignIndexFolder(PathBuf),
    /// The search index cannot be read: a file is missing, cut short or altered.
    #[error("{}", explor_engine::fr::workspace::index_damaged(.path.display(), .detail))]
    IndexDamaged {
        /// The index folder.
        path: PathBuf,
        /// What is wrong (the damaged files, or the error met opening it).
        detail: String,
    },
    /// A party's answer to a proposal is refused.
    #[error(transparent)]
    Answer(explor_engine::mission::AnswerError),
    /// No mission has this id.
    #[error("{}", explor_engine::fr::workspace::no_mission(.0))]
    NoMission(String),
    /// A mission cannot be created or changed as asked.
    #[error(transparent)]
    Mission(#[from] explor_engine::mission::MissionError),
    /// A reference table given to `explor reference import` cannot be used; nothing
    /// was written.
    #[error(transparent)]
    ReferenceTable(explor_engine::reference::TableImportError),
    /// A backup would overwrite a file, or be written inside the workspace (where it
    /// would keep the data of people erased later).
    #[error("{} : {reason}", .path.display())]
    BadBackupTarget {
        /// The file asked for.
        path: PathBuf,
        /// Why it is refused.
        reason: &'static str,
    },
    /// A restore into a folder that already holds something other than an erasure list.
    #[error("{}", explor_engine::fr::workspace::restore_not_empty(.0.display()))]
    RestoreTargetNotEmpty(PathBuf),
    /// A file given as a backup is not one (or not an explor store).
    #[error("{}", explor_engine::fr::workspace::not_a_backup(.path.display(), .reason))]
    NotABackup {
        /// The file.
        path: PathBuf,
        /// What gave it away.
        reason: String,
    },
    /// An erasure list that cannot be read, or was made under another workspace's key.
    #[error("{} : {reason}", .path.display())]
    BadErasureList {
        /// The list.
        path: PathBuf,
        /// What is wrong.
        reason: String,
    },
    /// The record is still named by others.
    #[error("{}", explor_engine::fr::workspace::still_named(.id, .by.join(", ")))]
    StillReferenced {
        /// The id.
        id: String,
        /// Who names it.
        by: Vec<String>,
    },
}

impl UserError {
    /// `id` names a record of kind `found` where one of kind `expected` was needed.
    pub(crate) fn wrong_kind(
        id: &str,
        expected: explor_engine::RecordKind,
        found: explor_engine::RecordKind,
    ) -> Self {
        UserError::WrongKind {
            id: id.to_owned(),
            expected: explor_engine::fr::records::article(expected),
            found: explor_engine::fr::records::article(found).to_owned(),
        }
    }
}

impl UserError {
    /// A stable snake_case name of the mistake, for scripts (`--format json`).
    pub fn class(&self) -> &'static str {
        match self {
            UserError::NoWorkspace(_) => "no_workspace",
            UserError::NewerSchema { .. } => "newer_schema",
            UserError::ForeignDatabase { .. } => "foreign_database",
            UserError::Locked(_) => "locked",
            UserError::Invalid(_) => "invalid_input",
            UserError::BadInput { .. } => "bad_input",
            UserError::UnknownFileKind(_) => "unknown_file_kind",
            UserError::NotFound(_) => "not_found",
            UserError::Erased { .. } => "erased",
            UserError::WrongKind { .. } => "wrong_kind",
            UserError::BadSettings { .. } => "bad_settings",
            UserError::ForeignIndexFolder(_) => "foreign_index_folder",
            UserError::NoMission(_) => "no_mission",
            UserError::Mission(_) => "mission",
            UserError::StillReferenced { .. } => "still_referenced",
            UserError::Answer(_) => "answer",
            UserError::IndexDamaged { .. } => "index_damaged",
            UserError::ReferenceTable(_) => "reference_table",
            UserError::BadBackupTarget { .. } => "bad_backup_target",
            UserError::RestoreTargetNotEmpty(_) => "restore_target_not_empty",
            UserError::NotABackup { .. } => "not_a_backup",
            UserError::BadErasureList { .. } => "bad_erasure_list",
        }
    }
}

/// Failures that are not the user's doing.
///
/// Each keeps the error it comes from as its [`source`](std::error::Error::source), so
/// that a caller can walk the chain (the CLI prints it as `a: b: c`).
#[derive(Debug, thiserror::Error)]
pub enum InternalError {
    /// Reading or writing a file failed.
    #[error("{}", .path.display())]
    Io {
        /// The file or directory.
        path: PathBuf,
        /// The system's error.
        source: std::io::Error,
    },
    /// The record store failed.
    #[error("{}", explor_engine::fr::workspace::STORE)]
    Store(#[from] rusqlite::Error),
    /// The search index failed.
    #[error("{}", explor_engine::fr::workspace::index_failed(.context))]
    Index {
        /// What was being done ("opening the directory", "reading the id column"…).
        context: &'static str,
        /// Tantivy's error.
        source: tantivy::TantivyError,
    },
    /// The search index lacks something this build writes into it (a field, an
    /// analyzer), or holds more than it can address.
    #[error("{}", explor_engine::fr::workspace::index_error(.0))]
    IndexShape(String),
    /// A stored record cannot be read back (the store was edited by hand or is damaged).
    #[error("{}", explor_engine::fr::workspace::unreadable_record(.id))]
    Corrupt {
        /// Its id.
        id: String,
        /// What is wrong.
        source: Corruption,
    },
    /// A mission document's `.odt` or `.docx` file could not be made (a defect: it is
    /// made in memory).
    #[error("{}", explor_engine::fr::workspace::MISSION_DOCUMENT)]
    Document(#[source] explor_engine::mission::DocumentError),
    /// The operating system's random source failed (making the erasure key).
    #[error("{}", explor_engine::fr::workspace::RANDOM_SOURCE)]
    Random(#[source] std::io::Error),
    /// A record or mission cannot be encoded for the store (a defect).
    #[error("{}", explor_engine::fr::workspace::unencodable(.id))]
    Encode {
        /// Its id.
        id: String,
        /// The encoder's error.
        source: serde_json::Error,
    },
}

/// What is wrong with a stored record or mission.
#[derive(Debug, thiserror::Error)]
pub enum Corruption {
    /// Its JSON does not parse or does not fit the model.
    #[error(transparent)]
    Json(#[from] serde_json::Error),
    /// A number stored as text is not one.
    #[error("{}", explor_engine::fr::workspace::not_a_number(.text))]
    NotANumber {
        /// The text found.
        text: String,
        /// The parser's error.
        source: std::num::ParseIntError,
    },
    /// A record kind this build does not know.
    #[error("{}", explor_engine::fr::workspace::unknown_kind(.0))]
    UnknownKind(String),
    /// A mission without any event (every mission starts with one).
    #[error("{}", explor_engine::fr::workspace::NO_EVENT)]
    NoEvent,
    /// The erasure key in `meta` is not usable.
    #[error("{}", explor_engine::fr::workspace::bad_erasure_key(.0))]
    BadKey(&'static str),
}

/// A `map_err` adapter: the search index failed while doing `context`.
pub(crate) fn index_failed<E: Into<tantivy::TantivyError>>(
    context: &'static str,
) -> impl FnOnce(E) -> Error {
    move |e| {
        Error::Internal(InternalError::Index {
            context,
            source: e.into(),
        })
    }
}

impl Error {
    /// Whether this is the search index failing to read its own files (altered, cut
    /// short, missing): damage that `reindex` repairs, not a bug.
    pub fn is_index_damage(&self) -> bool {
        match self {
            Error::User(UserError::IndexDamaged { .. }) => true,
            Error::Internal(InternalError::Index { source, .. }) => matches!(
                source,
                tantivy::TantivyError::DataCorruption(_)
                    | tantivy::TantivyError::OpenReadError(_)
                    | tantivy::TantivyError::IoError(_)
            ),
            _ => false,
        }
    }

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

#[cfg(test)]
mod tests {
    use std::error::Error as _;

    use super::*;

    #[test]
    fn an_index_failure_says_what_was_done_and_keeps_tantivy_error_as_source() {
        let err = index_failed("committing")(std::io::Error::other("disk full"));
        assert_eq!(err.to_string(), "index de recherche : committing");
        let source = err.source().expect("tantivy's error");
        assert!(source.to_string().contains("disk full"), "{source}");
    }

    #[test]
    fn user_errors_have_stable_class_names() {
        assert_eq!(
            UserError::UnknownFileKind(PathBuf::from("x.csv")).class(),
            "unknown_file_kind"
        );
        assert_eq!(UserError::Invalid(Vec::new()).class(), "invalid_input");
    }

    #[test]
    fn a_corrupt_record_keeps_the_json_error_as_source() {
        let json = serde_json::from_str::<serde_json::Value>("{").unwrap_err();
        let err = Error::Internal(InternalError::Corrupt {
            id: "exp-a".into(),
            source: json.into(),
        });
        assert_eq!(
            err.to_string(),
            "la fiche enregistrée « exp-a » est illisible"
        );
        assert!(err.source().is_some_and(|s| s.to_string().contains("EOF")));
    }
}
