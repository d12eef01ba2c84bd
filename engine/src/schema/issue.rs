//! What can be wrong with an imported record.

use serde::Serialize;
use std::fmt;

/// The validation error classes of `docs/data-format.md`, plus type mismatches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum IssueClass {
    /// A field the format does not know (often a typo).
    UnknownField,
    /// A required field is absent.
    MissingField,
    /// Wrong JSON type (text where a number is expected…) or not a JSON object.
    BadType,
    /// A value outside its allowed set or range.
    BadValue,
    /// Not a `YYYY-MM-DD` calendar date, or one outside the years 1900 to 2200.
    BadDate,
    /// A window whose end is before its start.
    WindowReversed,
    /// A need's window shorter than its duration.
    WindowTooShort,
    /// A need's duration outside 7…15 days.
    DurationOutOfRange,
    /// A theme key not in the taxonomy.
    UnknownTheme,
    /// Not an ISO 3166-1 alpha-2 code.
    UnknownCountry,
    /// Not an ISO 639-1 code.
    UnknownLanguage,
    /// Not a CEFR level.
    BadLevel,
    /// Two records with one id.
    DuplicateId,
    /// A need naming an association that does not exist.
    UnknownAssociation,
    /// An offer naming an expert that does not exist.
    UnknownExpert,
    /// An employee or public agent without an employer.
    EmployeeWithoutEmployer,
    /// A negative amount of money.
    NegativeMoney,
    /// Not a French département code.
    UnknownDepartement,
    /// An id outside the id grammar (characters, length).
    BadId,
    /// A key given twice in one JSON object, or a column twice in a CSV header.
    DuplicateField,
}

impl IssueClass {
    /// Stable snake_case name, as in JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            IssueClass::UnknownField => "unknown_field",
            IssueClass::MissingField => "missing_field",
            IssueClass::BadType => "bad_type",
            IssueClass::BadValue => "bad_value",
            IssueClass::BadDate => "bad_date",
            IssueClass::WindowReversed => "window_reversed",
            IssueClass::WindowTooShort => "window_too_short",
            IssueClass::DurationOutOfRange => "duration_out_of_range",
            IssueClass::UnknownTheme => "unknown_theme",
            IssueClass::UnknownCountry => "unknown_country",
            IssueClass::UnknownLanguage => "unknown_language",
            IssueClass::BadLevel => "bad_level",
            IssueClass::DuplicateId => "duplicate_id",
            IssueClass::UnknownAssociation => "unknown_association",
            IssueClass::UnknownExpert => "unknown_expert",
            IssueClass::EmployeeWithoutEmployer => "employee_without_employer",
            IssueClass::NegativeMoney => "negative_money",
            IssueClass::UnknownDepartement => "unknown_departement",
            IssueClass::BadId => "bad_id",
            IssueClass::DuplicateField => "duplicate_field",
        }
    }
}

impl fmt::Display for IssueClass {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One problem with one field of one record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldIssue {
    /// Path of the field: `consent.status`, `languages[1].level`; empty for the whole record.
    pub field: String,
    /// Error class.
    pub class: IssueClass,
    /// What is wrong, in words.
    pub message: String,
}

impl FieldIssue {
    /// A new issue.
    pub fn new(field: impl Into<String>, class: IssueClass, message: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            class,
            message: message.into(),
        }
    }
}

impl fmt::Display for FieldIssue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.field.is_empty() {
            write!(f, "{}", self.message)
        } else {
            write!(f, "champ « {} » : {}", self.field, self.message)
        }
    }
}
