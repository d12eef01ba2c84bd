//! Reading dataset files into located JSON values, before any validation: JSON
//! arrays, JSON Lines, CSV (`,` or `;`; UTF-8 with or without a byte-order mark, or
//! Windows-1252) and spreadsheets (`.xlsx`, `.ods`: one sheet per record kind).
//!
//! CSV files and sheets are tables: their header row is read once ([`table`]), so a
//! column problem is said once, on the header row, and fully empty rows are skipped.
//! Text files are decoded by [`text`]; workbooks are opened by [`workbook`].

mod file;
mod table;
mod text;
mod workbook;

use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use explor_engine::RecordKind;
use explor_engine::schema::{FieldIssue, HeaderPlan, IssueClass, id_problem, normalise_header};
use serde_json::Value;

pub use self::text::Encoding;
use crate::error::{Result, UserError};
use crate::issue::{ImportIssue, Location};
use crate::json_keys;

/// One record read from a file, not yet validated.
#[derive(Debug, Clone)]
pub struct SourceRecord {
    /// The file, as given.
    pub file: PathBuf,
    /// The sheet, for a spreadsheet.
    pub sheet: Option<String>,
    /// Where in the file (or sheet).
    pub location: Location,
    /// The kind the file holds.
    pub kind: RecordKind,
    /// The record as JSON (CSV rows already un-flattened).
    pub value: Value,
    /// The header of the table the record was read from (CSV, sheet): what it already
    /// reported is not said again for each row.
    pub(crate) header: Option<Arc<HeaderPlan>>,
}

impl SourceRecord {
    /// The record's id, if it has a textual one that is a valid id (an id with control
    /// characters or megabytes long is reported, not repeated in every message).
    pub fn id(&self) -> Option<&str> {
        self.value
            .get("id")
            .and_then(Value::as_str)
            .filter(|id| id_problem(id).is_none())
    }

    /// A validation problem of this record, located to its file, place and id.
    pub(crate) fn issue(&self, issue: FieldIssue) -> ImportIssue {
        ImportIssue {
            file: self.file.clone(),
            sheet: self.sheet.clone(),
            location: self.location,
            id: self.id().map(str::to_owned),
            field: issue.field,
            class: issue.class,
            message: issue.message,
        }
    }

    /// The validation problems of this record, less those its table's header already
    /// reported (a required column misspelt is said once, not missing on every row).
    pub(crate) fn issues(
        &self,
        problems: Vec<FieldIssue>,
    ) -> impl Iterator<Item = ImportIssue> + '_ {
        problems
            .into_iter()
            .filter(|p| !self.header.as_ref().is_some_and(|h| h.excuses(p)))
            .map(|p| self.issue(p))
    }
}

/// What was read from a path: records, and problems that stopped some from being read.
#[derive(Debug, Default)]
pub struct Loaded {
    /// Records read, in file order.
    pub records: Vec<SourceRecord>,
    /// Problems found while reading.
    pub issues: Vec<ImportIssue>,
    /// What was left out on purpose and is said once, not refused: columns ignored by
    /// rule (class `ignored_columns`).
    pub warnings: Vec<ImportIssue>,
}

/// Where records go as they are read, one at a time: [`Loaded`] keeps them all; an
/// import that streams checks each and keeps only what the checks across records need.
pub(crate) trait Sink {
    /// A record read.
    fn record(&mut self, record: SourceRecord) -> Result<()>;
    /// A problem found while reading.
    fn issue(&mut self, issue: ImportIssue);
    /// Something left out on purpose, said once.
    fn warning(&mut self, warning: ImportIssue);
}

impl Sink for Loaded {
    fn record(&mut self, record: SourceRecord) -> Result<()> {
        self.records.push(record);
        Ok(())
    }

    fn issue(&mut self, issue: ImportIssue) {
        self.issues.push(issue);
    }

    fn warning(&mut self, warning: ImportIssue) {
        self.warnings.push(warning);
    }
}

/// How to read input files: see [`load_with`].
#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    kind: Option<RecordKind>,
    encoding: Encoding,
    ignore_columns: Vec<String>,
}

impl LoadOptions {
    /// The defaults: kinds from file and sheet names, encoding detected, no column
    /// ignored beyond the rule.
    pub fn new() -> Self {
        Self::default()
    }

    /// The kind of every record read, whatever the names of files and sheets say (a
    /// workbook must then hold one sheet, or one named after the kind).
    #[must_use]
    pub fn kind(mut self, kind: Option<RecordKind>) -> Self {
        self.kind = kind;
        self
    }

    /// How text files (`.csv`, `.json`, `.jsonl`) are decoded.
    #[must_use]
    pub fn encoding(mut self, encoding: Encoding) -> Self {
        self.encoding = encoding;
        self
    }

    /// Column headers to leave out of CSV files and sheets (compared without regard to
    /// case, accents and surrounding spaces), besides `#…` headers and note columns.
    #[must_use]
    pub fn ignore_columns(mut self, headers: Vec<String>) -> Self {
        self.ignore_columns = headers;
        self
    }
}

/// Extensions read in a dataset directory. Workbooks are read only when given by
/// their path, so that a folder can keep a workbook next to its exports.
const EXTENSIONS: [&str; 3] = ["json", "jsonl", "csv"];

/// Workbook extensions, read with calamine.
const WORKBOOKS: [&str; 2] = ["xlsx", "ods"];

/// Reads a dataset directory (every `.json`, `.jsonl` and `.csv` in it) or one file
/// (also `.xlsx` or `.ods`), with the default [`LoadOptions`] but `kind`.
pub fn load(path: &Path, kind: Option<RecordKind>) -> Result<Loaded> {
    load_with(path, &LoadOptions::new().kind(kind))
}

/// Reads a dataset directory (every `.json`, `.jsonl` and `.csv` in it) or one file
/// (also `.xlsx` or `.ods`).
///
/// A file's kind comes from its name (`experts.csv`, `needs-2027.json`), and a sheet's
/// from its name (`experts`), unless the options give one. Files are read in name
/// order, so the outcome does not depend on the directory's listing order.
pub fn load_with(path: &Path, options: &LoadOptions) -> Result<Loaded> {
    let mut loaded = Loaded::default();
    read_into(path, options, &mut loaded)?;
    Ok(loaded)
}

/// Reads as [`load_with`] does, giving each record and problem to `sink` as it is read:
/// text files are read a chunk at a time, never held whole (workbooks are, one at a
/// time: they are small by nature and their format needs the whole file).
pub(crate) fn read_into(path: &Path, options: &LoadOptions, sink: &mut dyn Sink) -> Result<()> {
    let files = dataset_files(path)?;
    for file in files {
        if extension(&file).is_some_and(|e| WORKBOOKS.contains(&e.as_str())) {
            let size = file::regular_metadata(&file)?.len();
            if size > file::MAX_WORKBOOK_BYTES {
                return Err(UserError::BadInput {
                    path: file,
                    message: explor_engine::fr::import::workbook_too_large(
                        size >> 20,
                        file::MAX_WORKBOOK_BYTES >> 20,
                    ),
                }
                .into());
            }
            let mut book = Loaded::default();
            workbook::load(&file, options, &mut book);
            for warning in book.warnings {
                sink.warning(warning);
            }
            // A workbook's problems and records in the order it found them.
            for issue in book.issues {
                sink.issue(issue);
            }
            for record in book.records {
                sink.record(record)?;
            }
            continue;
        }
        let file_kind = match options.kind {
            Some(k) => k,
            None => kind_of(&file)?,
        };
        load_file(&file, file_kind, options, sink)?;
    }
    Ok(())
}

/// The files to read for `path`: the path itself when it is a regular file, or the
/// dataset files of a folder, in name order.
///
/// Nothing is read yet, and nothing that would hang or never end ever is: a path that
/// is a pipe, a device or a socket is refused, and so is a folder holding one, or a
/// symbolic link to nothing or looping (every such entry named).
pub(crate) fn dataset_files(path: &Path) -> Result<Vec<PathBuf>> {
    let meta = std::fs::metadata(path).map_err(|e| file::unreadable(path, &e))?;
    if meta.is_dir() {
        let mut files = Vec::new();
        let mut strange = Vec::new();
        for entry in std::fs::read_dir(path).map_err(|e| file::unreadable(path, &e))? {
            let entry = entry.map_err(|e| file::unreadable(path, &e))?;
            let p = entry.path();
            if let Some(problem) = file::entry_problem(&p) {
                strange.push((p, problem));
            } else if p.is_file() && extension(&p).is_some_and(|e| EXTENSIONS.contains(&e.as_str()))
            {
                files.push(p);
            }
        }
        if !strange.is_empty() {
            strange.sort();
            let (first, what) = strange.remove(0);
            let others: Vec<String> = strange
                .iter()
                .map(|(p, what)| format!("{} ({what})", p.display()))
                .collect();
            let mut message = explor_engine::fr::import::not_a_data_file(&what);
            if !others.is_empty() {
                message.push_str(&format!(" ; ni {}", others.join(", ")));
            }
            return Err(UserError::BadInput {
                path: first,
                message,
            }
            .into());
        }
        files.sort();
        if files.is_empty() {
            return Err(UserError::BadInput {
                path: path.to_owned(),
                message: explor_engine::fr::import::NO_DATA_FILE.into(),
            }
            .into());
        }
        Ok(files)
    } else {
        file::regular_metadata(path)?;
        Ok(vec![path.to_owned()])
    }
}

fn extension(path: &Path) -> Option<String> {
    path.extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
}

/// The kind a file holds, from its name: the one kind whose plural its stem contains.
fn kind_of(file: &Path) -> Result<RecordKind> {
    let stem = file
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default();
    kind_named(stem).ok_or_else(|| UserError::UnknownFileKind(file.to_owned()).into())
}

/// The one kind whose plural a name (a file's stem, a sheet's name) contains, case and
/// accents aside.
fn kind_named(name: &str) -> Option<RecordKind> {
    let name = normalise_header(name);
    let matches: Vec<RecordKind> = RecordKind::ALL
        .into_iter()
        .filter(|k| name.contains(k.file_stem()))
        .collect();
    match matches.as_slice() {
        [one] => Some(*one),
        _ => None,
    }
}

fn load_file(
    file: &Path,
    kind: RecordKind,
    options: &LoadOptions,
    out: &mut dyn Sink,
) -> Result<()> {
    let ext = extension(file);
    if !matches!(ext.as_deref(), Some("json" | "jsonl" | "csv")) {
        let message = if ext.as_deref() == Some("xls") {
            explor_engine::fr::import::OLD_EXCEL
        } else {
            explor_engine::fr::import::UNSUPPORTED_FILE
        };
        return Err(UserError::BadInput {
            path: file.to_owned(),
            message: message.into(),
        }
        .into());
    }
    let text = match text_of(file, options.encoding)? {
        Ok(text) => text,
        Err(problem) => {
            out.issue(ImportIssue::syntax(
                file,
                Location::Line(problem.line),
                IssueClass::NotUtf8,
                problem.to_string(),
            ));
            return Ok(());
        }
    };
    match ext.as_deref() {
        Some("json") => {
            // Read twice: once to check the whole file is a JSON array (a file cut
            // short gives no record, as if it were read whole) and find keys given
            // twice, then record by record.
            let scan = json_keys::scan_array(text).map_err(|e| file::unreadable(file, &e));
            match scan? {
                json_keys::ArrayScan::Invalid(e) => out.issue(ImportIssue::syntax(
                    file,
                    Location::Line(e.line() as u64),
                    IssueClass::BadSyntax,
                    explor_engine::fr::import::invalid_json(&e),
                )),
                json_keys::ArrayScan::NotArray => out.issue(ImportIssue::syntax(
                    file,
                    Location::File,
                    IssueClass::BadSyntax,
                    explor_engine::fr::import::EXPECTED_ARRAY,
                )),
                json_keys::ArrayScan::Array(duplicates) => {
                    let Ok(text) = text_of(file, options.encoding)? else {
                        return Ok(());
                    };
                    load_json(file, text, kind, duplicates, out)?;
                }
            }
            Ok(())
        }
        Some("jsonl") => load_json_lines(file, text, kind, out),
        _ => table::load_csv(file, text, kind, &options.ignore_columns, out),
    }
}

/// The decoded text of a regular file, as a stream.
fn text_of(
    file: &Path,
    encoding: Encoding,
) -> Result<std::result::Result<Box<dyn BufRead>, text::NotUtf8>> {
    let handle = file::open_regular(file)?;
    text::reader(handle, encoding).map_err(|e| file::unreadable(file, &e))
}

/// A JSON array of records, read one record at a time; `duplicates` are the keys given
/// twice, by record, found beforehand.
fn load_json(
    file: &Path,
    text: Box<dyn BufRead>,
    kind: RecordKind,
    duplicates: Vec<json_keys::Duplicate>,
    out: &mut dyn Sink,
) -> Result<()> {
    let mut duplicates = duplicates.into_iter().peekable();
    let mut each = |i: usize, value: Value| -> Result<()> {
        let record = SourceRecord {
            file: file.to_owned(),
            sheet: None,
            location: Location::Index(i),
            kind,
            value,
            header: None,
        };
        while let Some((_, field)) = duplicates.next_if(|(at, _)| *at == Some(i)) {
            out.issue(record.issue(duplicate_key(field)));
        }
        out.record(record)
    };
    match json_keys::each_in_array(text, &mut each) {
        Ok(()) => Ok(()),
        Err(json_keys::EachError::Sink(e)) => Err(e),
        // The file changed since it was checked: said as when it was read whole.
        Err(json_keys::EachError::Json(e)) => {
            out.issue(ImportIssue::syntax(
                file,
                Location::Line(e.line() as u64),
                IssueClass::BadSyntax,
                explor_engine::fr::import::invalid_json(&e),
            ));
            Ok(())
        }
    }
}

/// The issue of a key given twice in one object (JSON keeps only the last).
fn duplicate_key(field: String) -> FieldIssue {
    FieldIssue::new(
        field,
        IssueClass::DuplicateField,
        explor_engine::fr::import::KEY_TWICE,
    )
}

/// One JSON record per line; blank lines are skipped.
fn load_json_lines(
    file: &Path,
    mut text: Box<dyn BufRead>,
    kind: RecordKind,
    out: &mut dyn Sink,
) -> Result<()> {
    let mut line = Vec::new();
    let mut n: u64 = 0;
    loop {
        line.clear();
        let read = text
            .read_until(b'\n', &mut line)
            .map_err(|e| file::unreadable(file, &e))?;
        if read == 0 {
            return Ok(());
        }
        n += 1;
        // As `str::lines`: a line ends at `\n` or `\r\n`.
        if line.last() == Some(&b'\n') {
            line.pop();
            if line.last() == Some(&b'\r') {
                line.pop();
            }
        }
        let line = String::from_utf8_lossy(&line);
        if line.trim().is_empty() {
            continue;
        }
        let location = Location::Line(n);
        match serde_json::from_str::<Value>(&line) {
            Ok(value) => {
                let record = SourceRecord {
                    file: file.to_owned(),
                    sheet: None,
                    location,
                    kind,
                    value,
                    header: None,
                };
                for (_, field) in json_keys::in_record(&line) {
                    out.issue(record.issue(duplicate_key(field)));
                }
                out.record(record)?;
            }
            Err(e) => out.issue(ImportIssue::syntax(
                file,
                location,
                IssueClass::BadSyntax,
                explor_engine::fr::import::invalid_json(&e),
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_comes_from_the_file_name() {
        assert_eq!(
            kind_of(Path::new("x/experts.csv")).unwrap(),
            RecordKind::Expert
        );
        assert_eq!(
            kind_of(Path::new("needs-2027.jsonl")).unwrap(),
            RecordKind::Need
        );
        assert!(kind_of(Path::new("roster.csv")).is_err());
        assert_eq!(kind_named(" Experts "), Some(RecordKind::Expert));
        assert_eq!(kind_named("Feuil1"), None);
    }

    #[test]
    fn json_lines_and_csv_rows_carry_their_line_numbers() {
        let dir = tempfile::tempdir().unwrap();
        let jl = dir.path().join("associations.jsonl");
        std::fs::write(&jl, "{\"id\":\"a\"}\n\n{oops\n{\"id\":\"b\"}\n").unwrap();
        let loaded = load(&jl, None).unwrap();
        let at: Vec<_> = loaded.records.iter().map(|r| r.location).collect();
        assert_eq!(at, vec![Location::Line(1), Location::Line(4)]);
        assert_eq!(loaded.issues[0].location, Location::Line(3));

        let csv = dir.path().join("associations.csv");
        std::fs::write(
            &csv,
            "\u{feff}id;name;department\na;\"Élan; Sud\";31\nb;B;09\n",
        )
        .unwrap();
        let loaded = load(&csv, None).unwrap();
        assert!(loaded.issues.is_empty(), "{:?}", loaded.issues);
        assert_eq!(loaded.records[0].value["name"], "Élan; Sud");
        assert_eq!(loaded.records[1].location, Location::Line(3));
    }

    #[test]
    fn windows_1252_is_read_and_non_array_files_are_reported_not_fatal() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("experts.csv"), b"id,name\n\xe9t\xe9,x\n").unwrap();
        std::fs::write(dir.path().join("needs.json"), "{}").unwrap();
        let loaded = load(dir.path(), None).unwrap();
        assert_eq!(loaded.issues.len(), 1);
        assert_eq!(loaded.records.len(), 1);
        assert!(loaded.records[0].value.to_string().contains("été"));
        assert!(loaded.issues.iter().all(|i| i.location == Location::File));
    }

    /// Today's main had no way to force the decoding.
    #[test]
    fn the_encoding_can_be_forced() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("associations.csv");
        // Valid UTF-8 read as Windows-1252 on request.
        std::fs::write(&file, "id;name;department\na;Élan;31\n").unwrap();
        let options = LoadOptions::new().encoding(Encoding::Windows1252);
        let loaded = load_with(&file, &options).unwrap();
        assert_eq!(loaded.records[0].value["name"], "Ã‰lan");
        // Not UTF-8 when UTF-8 is asked for: one issue naming the line, no record.
        std::fs::write(&file, b"id;name;department\na;A;31\nb;\xe9t\xe9;09\n").unwrap();
        let options = LoadOptions::new().encoding(Encoding::Utf8);
        let loaded = load_with(&file, &options).unwrap();
        assert!(loaded.records.is_empty());
        let said: Vec<_> = loaded
            .issues
            .iter()
            .map(|i| (i.location, i.class))
            .collect();
        assert_eq!(said, [(Location::Line(3), IssueClass::NotUtf8)]);
        let shown = loaded.issues[0].to_string();
        assert!(
            shown.contains("ligne 3") && !shown.contains("octet 2"),
            "{shown}"
        );
    }

    #[test]
    fn every_problem_of_reading_has_a_class() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("needs.json"), "[{\"id\": }]").unwrap();
        std::fs::write(dir.path().join("offers.json"), "{}").unwrap();
        std::fs::write(dir.path().join("experts.csv"), "\n\n").unwrap();
        let loaded = load(dir.path(), None).unwrap();
        let classes: Vec<_> = loaded.issues.iter().map(|i| i.class).collect();
        assert_eq!(
            classes,
            [
                IssueClass::MissingHeader,
                IssueClass::BadSyntax,
                IssueClass::BadSyntax
            ]
        );
        let json = serde_json::to_value(&loaded.issues).unwrap();
        assert_eq!(json[0]["class"], "missing_header");
        assert!(json[0].get("sheet").is_none());
        // Said in French, the parser's own words after the colon.
        let bad = loaded.issues[1].to_string();
        assert!(bad.contains("JSON invalide : "), "{bad}");
    }

    #[test]
    fn a_directory_leaves_workbooks_to_be_given_by_path_and_xls_is_explained() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("associations.json"), "[]").unwrap();
        std::fs::write(dir.path().join("all.xlsx"), "not read").unwrap();
        let loaded = load(dir.path(), None).unwrap();
        assert!(loaded.issues.is_empty(), "{:?}", loaded.issues);
        let xls = dir.path().join("experts.xls");
        std::fs::write(&xls, "x").unwrap();
        let err = load(&xls, None).unwrap_err().to_string();
        assert!(err.contains("enregistrez-le en .xlsx"), "{err}");
    }
}
