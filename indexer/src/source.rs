//! Reading dataset files (`.json`, `.jsonl`, `.csv` with `,` or `;`) into located JSON
//! values, before any validation.

use std::path::{Path, PathBuf};

use explor_engine::RecordKind;
use explor_engine::schema::{FieldIssue, IssueClass, id_problem, unflatten};
use serde_json::Value;

use crate::error::{Error, Result, UserError};
use crate::issue::{ImportIssue, Location};
use crate::json_keys;

/// One record read from a file, not yet validated.
#[derive(Debug, Clone)]
pub struct SourceRecord {
    /// The file, as given.
    pub file: PathBuf,
    /// Where in the file.
    pub location: Location,
    /// The kind the file holds.
    pub kind: RecordKind,
    /// The record as JSON (CSV rows already un-flattened).
    pub value: Value,
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
            location: self.location,
            id: self.id().map(str::to_owned),
            field: issue.field,
            class: Some(issue.class),
            message: issue.message,
        }
    }
}

/// What was read from a path: records, and problems that stopped some from being read.
#[derive(Debug, Default)]
pub struct Loaded {
    /// Records read, in file order.
    pub records: Vec<SourceRecord>,
    /// Problems found while reading.
    pub issues: Vec<ImportIssue>,
}

const EXTENSIONS: [&str; 3] = ["json", "jsonl", "csv"];

/// Reads a dataset directory (every `.json`, `.jsonl` and `.csv` in it) or one file.
///
/// A file's kind comes from its name (`experts.csv`, `needs-2027.json`) unless `kind` is
/// given. Files are read in name order, so the outcome does not depend on the directory's
/// listing order.
pub fn load(path: &Path, kind: Option<RecordKind>) -> Result<Loaded> {
    let meta = std::fs::metadata(path).map_err(|e| unreadable(path, &e))?;
    let files = if meta.is_dir() {
        let mut files = Vec::new();
        for entry in std::fs::read_dir(path).map_err(|e| unreadable(path, &e))? {
            let entry = entry.map_err(|e| unreadable(path, &e))?;
            let p = entry.path();
            if p.is_file() && extension(&p).is_some_and(|e| EXTENSIONS.contains(&e.as_str())) {
                files.push(p);
            }
        }
        files.sort();
        if files.is_empty() {
            return Err(UserError::BadInput {
                path: path.to_owned(),
                message: "no .json, .jsonl or .csv file in this directory".into(),
            }
            .into());
        }
        files
    } else {
        vec![path.to_owned()]
    };
    let mut loaded = Loaded::default();
    for file in files {
        let file_kind = match kind {
            Some(k) => k,
            None => kind_of(&file)?,
        };
        load_file(&file, file_kind, &mut loaded)?;
    }
    Ok(loaded)
}

/// An input path that cannot be read: missing, not permitted, not a file… all the
/// user's to fix (exit 1), said once.
fn unreadable(path: &Path, e: &std::io::Error) -> Error {
    let message = match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".to_owned(),
        std::io::ErrorKind::PermissionDenied => "permission denied: cannot read it".to_owned(),
        _ => format!("cannot read it: {e}"),
    };
    UserError::BadInput {
        path: path.to_owned(),
        message,
    }
    .into()
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
        .unwrap_or_default()
        .to_lowercase();
    let matches: Vec<RecordKind> = RecordKind::ALL
        .into_iter()
        .filter(|k| stem.contains(k.file_stem()))
        .collect();
    match matches.as_slice() {
        [one] => Ok(*one),
        _ => Err(UserError::UnknownFileKind(file.to_owned()).into()),
    }
}

fn load_file(file: &Path, kind: RecordKind, out: &mut Loaded) -> Result<()> {
    let bytes = std::fs::read(file).map_err(|e| unreadable(file, &e))?;
    let text = decode_text(bytes);
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    match extension(file).as_deref() {
        Some("json") => load_json(file, text, kind, out),
        Some("jsonl") => load_json_lines(file, text, kind, out),
        Some("csv") => load_csv(file, text, kind, out),
        _ => {
            return Err(UserError::BadInput {
                path: file.to_owned(),
                message: "unsupported file type: use .json, .jsonl or .csv".into(),
            }
            .into());
        }
    }
    Ok(())
}

/// The file's text: UTF-8 (with or without a byte-order mark) when the bytes
/// are valid UTF-8, otherwise Windows-1252, which is what Excel's default
/// French "CSV (séparateur : point-virgule)" export writes. Every byte has a
/// Windows-1252 reading, so this never fails; a UTF-8 file with a stray bad
/// byte is read as Windows-1252 rather than refused with a byte offset.
fn decode_text(bytes: Vec<u8>) -> String {
    match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(e.as_bytes());
            text.into_owned()
        }
    }
}

#[cfg(test)]
mod decode_tests {
    use super::decode_text;

    #[test]
    fn windows_1252_bytes_are_decoded() {
        // "Déchets;Côte d’Ivoire" as Excel's French CSV export writes it.
        let bytes = b"D\xe9chets;C\xf4te d\x92Ivoire\r\n".to_vec();
        assert_eq!(decode_text(bytes), "Déchets;Côte d\u{2019}Ivoire\r\n");
    }

    #[test]
    fn utf8_is_kept() {
        assert_eq!(decode_text("Déchets".as_bytes().to_vec()), "Déchets");
    }
}

/// A JSON array of records.
fn load_json(file: &Path, text: &str, kind: RecordKind, out: &mut Loaded) {
    match serde_json::from_str::<Value>(text) {
        Ok(Value::Array(items)) => {
            let first = out.records.len();
            out.records.extend(
                items
                    .into_iter()
                    .enumerate()
                    .map(|(i, value)| SourceRecord {
                        file: file.to_owned(),
                        location: Location::Index(i),
                        kind,
                        value,
                    }),
            );
            for (index, field) in json_keys::in_array(text) {
                if let Some(record) = index.and_then(|i| out.records.get(first + i)) {
                    out.issues.push(record.issue(duplicate_key(field)));
                }
            }
        }
        Ok(_) => out.issues.push(ImportIssue::syntax(
            file,
            Location::File,
            "expected a JSON array of records",
        )),
        Err(e) => out.issues.push(ImportIssue::syntax(
            file,
            Location::Line(e.line() as u64),
            format!("invalid JSON: {e}"),
        )),
    }
}

/// The issue of a key given twice in one object (JSON keeps only the last).
fn duplicate_key(field: String) -> FieldIssue {
    FieldIssue::new(
        field,
        IssueClass::DuplicateField,
        "this key is given twice in the object; give it once",
    )
}

/// One JSON record per line; blank lines are skipped.
fn load_json_lines(file: &Path, text: &str, kind: RecordKind, out: &mut Loaded) {
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let location = Location::Line(n as u64 + 1);
        match serde_json::from_str::<Value>(line) {
            Ok(value) => {
                let record = SourceRecord {
                    file: file.to_owned(),
                    location,
                    kind,
                    value,
                };
                for (_, field) in json_keys::in_record(line) {
                    out.issues.push(record.issue(duplicate_key(field)));
                }
                out.records.push(record);
            }
            Err(e) => out.issues.push(ImportIssue::syntax(
                file,
                location,
                format!("invalid JSON: {e}"),
            )),
        }
    }
}

/// Guesses the separator from the header line: French spreadsheets write `;`.
fn separator(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or_default();
    let (mut commas, mut semicolons, mut quoted) = (0, 0, false);
    for c in header.chars() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => commas += 1,
            ';' if !quoted => semicolons += 1,
            _ => {}
        }
    }
    if semicolons > commas { b';' } else { b',' }
}

/// The 1-based line holding byte `offset`: counted from the text itself, because the csv
/// crate's own line count is one short on files with CRLF line ends (as Excel writes them).
/// The crate may also place a record's start on the `\n` of the previous CRLF, so line
/// ends right at the offset are skipped first.
fn line_at(text: &str, offset: u64) -> u64 {
    let bytes = text.as_bytes();
    let mut end = usize::try_from(offset)
        .unwrap_or(usize::MAX)
        .min(bytes.len());
    while end < bytes.len() && matches!(bytes[end], b'\r' | b'\n') {
        end += 1;
    }
    bytes[..end].iter().filter(|b| **b == b'\n').count() as u64 + 1
}

fn load_csv(file: &Path, text: &str, kind: RecordKind, out: &mut Loaded) {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(separator(text))
        .has_headers(true)
        .flexible(false)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(|c| c.trim().to_owned()).collect(),
        Err(e) => {
            out.issues.push(ImportIssue::syntax(
                file,
                Location::Line(1),
                format!("unreadable CSV header: {e}"),
            ));
            return;
        }
    };
    if headers.iter().all(String::is_empty) {
        out.issues.push(ImportIssue::syntax(
            file,
            Location::Line(1),
            "a header row naming the columns is required",
        ));
        return;
    }
    for row in reader.records() {
        let row = match row {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, |p| line_at(text, p.byte()));
                out.issues.push(ImportIssue::syntax(
                    file,
                    Location::Line(line),
                    format!("unreadable CSV row: {e}"),
                ));
                continue;
            }
        };
        let line = row.position().map_or(0, |p| line_at(text, p.byte()));
        let cells: Vec<(&str, &str)> = headers.iter().map(String::as_str).zip(row.iter()).collect();
        let (value, problems) = unflatten(kind, &cells);
        let record = SourceRecord {
            file: file.to_owned(),
            location: Location::Line(line),
            kind,
            value,
        };
        out.issues
            .extend(problems.into_iter().map(|p| record.issue(p)));
        out.records.push(record);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separator_follows_the_header_and_ignores_quoted_text() {
        assert_eq!(separator("id;name;themes\n"), b';');
        assert_eq!(separator("id,name,themes\n"), b',');
        assert_eq!(separator("\"a;b;c\",name\n"), b',');
    }

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
}
