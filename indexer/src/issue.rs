//! Where an input record sits and what is wrong with it: the vocabulary both the
//! loader ([`crate::source`]) and the errors ([`crate::error`]) speak, so that neither
//! needs the other.

use std::fmt;
use std::path::{Path, PathBuf};

use explor_engine::schema::IssueClass;
use serde::Serialize;

/// Where a record sits in its file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Location {
    /// The whole file (it could not be read at all).
    File,
    /// Index in a JSON array, from 0.
    Index(usize),
    /// Line number, from 1 (JSON Lines and CSV).
    Line(u64),
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Location::File => f.write_str("fichier"),
            Location::Index(i) => write!(f, "fiche [{i}]"),
            Location::Line(l) => write!(f, "ligne {l}"),
        }
    }
}

/// One problem in the input, located to file, record and field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImportIssue {
    /// The file, as given.
    pub file: PathBuf,
    /// Where in the file.
    pub location: Location,
    /// The record's id, when it has one.
    pub id: Option<String>,
    /// Field path; empty when the problem is the record's or the file's syntax.
    pub field: String,
    /// The validation class; `None` for files that cannot be parsed.
    pub class: Option<IssueClass>,
    /// What is wrong.
    pub message: String,
}

impl ImportIssue {
    pub(crate) fn syntax(file: &Path, location: Location, message: impl Into<String>) -> Self {
        Self {
            file: file.to_owned(),
            location,
            id: None,
            field: String::new(),
            class: None,
            message: message.into(),
        }
    }
}

impl fmt::Display for ImportIssue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} : {}", self.file.display(), self.location)?;
        if let Some(id) = &self.id {
            write!(f, " ({id})")?;
        }
        if !self.field.is_empty() {
            write!(f, " : champ « {} »", self.field)?;
        }
        write!(f, " : {}", self.message)
    }
}
