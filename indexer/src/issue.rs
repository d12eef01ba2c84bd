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
    /// Row number of a spreadsheet, from 1, as the spreadsheet shows it.
    Row(u64),
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Location::File => f.write_str(explor_engine::fr::import::FILE),
            Location::Index(i) => write!(f, "{}", explor_engine::fr::import::record_at(i)),
            Location::Line(l) => write!(f, "ligne {l}"),
            Location::Row(r) => write!(f, "ligne {r}"),
        }
    }
}

/// One problem in the input, located to file, record and field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImportIssue {
    /// The file, as given.
    pub file: PathBuf,
    /// The sheet, for a spreadsheet (`.xlsx`, `.ods`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
    /// Where in the file (or sheet).
    pub location: Location,
    /// The record's id, when it has one.
    pub id: Option<String>,
    /// Field path; empty when the problem is the record's or the file's syntax.
    pub field: String,
    /// The problem's class, a stable snake_case name in JSON (`unknown_column`,
    /// `missing_field`, `not_utf8` …).
    pub class: IssueClass,
    /// What is wrong.
    pub message: String,
}

impl ImportIssue {
    /// A problem of the file (or sheet) itself, or of one of its lines, not of a
    /// record's field.
    pub(crate) fn syntax(
        file: &Path,
        location: Location,
        class: IssueClass,
        message: impl Into<String>,
    ) -> Self {
        Self {
            file: file.to_owned(),
            sheet: None,
            location,
            id: None,
            field: String::new(),
            class,
            message: message.into(),
        }
    }

    /// The same problem, placed in a sheet.
    pub(crate) fn in_sheet(mut self, sheet: Option<&str>) -> Self {
        self.sheet = sheet.map(str::to_owned);
        self
    }

    /// The same problem, about a field (a column).
    pub(crate) fn on_field(mut self, field: impl Into<String>) -> Self {
        self.field = field.into();
        self
    }
}

impl fmt::Display for ImportIssue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} : ", self.file.display())?;
        match (&self.sheet, self.location) {
            (Some(sheet), Location::File) => {
                write!(f, "{}", explor_engine::fr::import::sheet(sheet))?;
            }
            (Some(sheet), at) => write!(f, "{}", explor_engine::fr::import::sheet_at(sheet, at))?,
            (None, at) => write!(f, "{at}")?,
        }
        if let Some(id) = &self.id {
            write!(f, " ({id})")?;
        }
        if !self.field.is_empty() {
            write!(f, "{}", explor_engine::fr::import::field(&self.field))?;
        }
        write!(f, " : {}", self.message)
    }
}
