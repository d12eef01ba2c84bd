//! Import validation: every record is checked field by field against a table of its
//! fields, so that *all* problems are reported with the field's path, and the same
//! table reads and writes the CSV flattening.

mod check;
mod dataset;
pub(crate) mod fields;
mod flat;
mod header;
mod issue;

pub use check::{DATE_YEARS, ID_MAX_LEN, MISSION_DAYS, check_record, id_problem, parse_date};
pub use dataset::{DatasetIssue, KnownIds, RecordRefs, References, check_references};
pub use fields::{Field, FieldType, fields};
pub use flat::{
    csv_column_types, csv_columns, flatten, neutralise_formula, restore_formula, unflatten,
};
pub use header::{ColumnUse, HeaderPlan, NOTE_COLUMNS, normalise_header, read_header};
pub use issue::{FieldIssue, IssueClass};

#[cfg(test)]
mod tests;
