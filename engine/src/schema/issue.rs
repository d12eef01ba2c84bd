//! What can be wrong with an imported record.

use serde::Serialize;
use std::fmt;

/// The class of every import problem: the validation classes of `docs/data-format.md`,
/// type mismatches, and the problems of files, sheets and columns found while reading
/// them. Each has a stable snake_case name ([`IssueClass::as_str`]).
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
    /// A record whose id was erased at the person's request (GDPR): it is not
    /// imported again.
    Erased,
    /// A column header that names no field of the record kind (often a typo).
    UnknownColumn,
    /// A column without a header that holds values.
    UnnamedColumn,
    /// A file without a header row.
    MissingHeader,
    /// Text that is not UTF-8 when UTF-8 was asked for.
    NotUtf8,
    /// A file that does not parse: invalid JSON, a CSV row of the wrong length, a JSON
    /// file that is not an array.
    BadSyntax,
    /// A spreadsheet that cannot be opened or read.
    BadWorkbook,
    /// A sheet whose name says no record kind.
    UnknownSheet,
    /// A spreadsheet cell holding an error (`#N/A`, `#DIV/0!`…).
    CellError,
    /// A warning, not an error: columns left out by rule (`#…`, `--ignore-columns`,
    /// note columns).
    IgnoredColumns,
    /// A warning, not an error: sheets of a workbook left out because the import was
    /// asked for one kind of record.
    IgnoredSheets,
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
            IssueClass::Erased => "erased",
            IssueClass::UnknownColumn => "unknown_column",
            IssueClass::UnnamedColumn => "unnamed_column",
            IssueClass::MissingHeader => "missing_header",
            IssueClass::NotUtf8 => "not_utf8",
            IssueClass::BadSyntax => "bad_syntax",
            IssueClass::BadWorkbook => "bad_workbook",
            IssueClass::UnknownSheet => "unknown_sheet",
            IssueClass::CellError => "cell_error",
            IssueClass::IgnoredColumns => "ignored_columns",
            IssueClass::IgnoredSheets => "ignored_sheets",
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
            f.write_str(&crate::fr::import::on_field(&self.field, &self.message))
        }
    }
}
