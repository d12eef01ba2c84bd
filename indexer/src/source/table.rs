//! Tables — CSV files and spreadsheet sheets — read into records: the header row once
//! (the engine's [`read_header`]), then each row that holds anything.
//!
//! Fully empty rows (`;;;;`, as spreadsheets leave them) are skipped without a word
//! and not counted. Column problems are said once, at the header row; columns left
//! out by rule are said once, as a warning.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::io::{BufRead, Read};
use std::path::Path;
use std::rc::Rc;
use std::sync::Arc;

use explor_engine::RecordKind;
use explor_engine::schema::{ColumnUse, IssueClass, read_header, unflatten};

use super::{Sink, SourceRecord};
use crate::error::Result;
use crate::issue::{ImportIssue, Location};

/// Where a table sits: its file, its sheet (for a workbook) and its header row.
pub(super) struct Table<'a> {
    /// The file.
    pub file: &'a Path,
    /// The sheet, for a workbook.
    pub sheet: Option<&'a str>,
    /// The kind of its records.
    pub kind: RecordKind,
    /// The header row's place (line 1 of a CSV file; the sheet's first used row).
    pub header_at: Location,
}

impl Table<'_> {
    fn issue(&self, at: Location, class: IssueClass, message: impl Into<String>) -> ImportIssue {
        ImportIssue::syntax(self.file, at, class, message).in_sheet(self.sheet)
    }
}

/// One row of a table: its place and its cells as text.
pub(super) struct Row {
    /// Line (CSV) or row (sheet).
    pub at: Location,
    /// The cells, left to right.
    pub cells: Vec<String>,
}

/// Reads a table whose header is `header` and whose rows follow, one at a time; a row
/// that cannot be read is its problem.
pub(super) fn read_table(
    table: &Table<'_>,
    header: &[String],
    rows: impl IntoIterator<Item = std::result::Result<Row, ImportIssue>>,
    ignore: &[String],
    out: &mut dyn Sink,
) -> Result<()> {
    if header.iter().all(|h| h.trim().is_empty()) {
        // The rows' own syntax problems are still said.
        for row in rows {
            if let Err(issue) = row {
                out.issue(issue);
            }
        }
        out.issue(table.issue(
            table.header_at,
            IssueClass::MissingHeader,
            explor_engine::fr::import::NO_HEADER,
        ));
        return Ok(());
    }
    let names: Vec<&str> = header.iter().map(String::as_str).collect();
    let plan = read_header(table.kind, &names, ignore);
    for problem in &plan.issues {
        out.issue(
            table
                .issue(table.header_at, problem.class, problem.message.clone())
                .on_field(problem.field.clone()),
        );
    }
    if !plan.ignored.is_empty() {
        let listed: Vec<String> = plan.ignored.iter().map(|h| format!("`{h}`")).collect();
        out.warning(table.issue(
            table.header_at,
            IssueClass::IgnoredColumns,
            explor_engine::fr::import::columns_left_out(
                if listed.len() == 1 { "" } else { "s" },
                if listed.len() == 1 { "" } else { "s" },
                listed.join(", "),
            ),
        ));
    }
    let plan = Arc::new(plan);
    // Columns without a header that hold something: said once each, with the first row.
    let mut unnamed_reported: Vec<usize> = Vec::new();
    for row in rows {
        let row = match row {
            Ok(row) => row,
            Err(issue) => {
                out.issue(issue);
                continue;
            }
        };
        if row.cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        for (column, cell) in row.cells.iter().enumerate() {
            let unnamed = plan
                .columns
                .get(column)
                .is_none_or(|c| *c == ColumnUse::Unnamed);
            if unnamed && !cell.trim().is_empty() && !unnamed_reported.contains(&column) {
                unnamed_reported.push(column);
                out.issue(table.issue(
                    table.header_at,
                    IssueClass::UnnamedColumn,
                    explor_engine::fr::import::unnamed_column(column + 1, row.at, cell.trim()),
                ));
            }
        }
        let cells: Vec<&str> = row.cells.iter().map(String::as_str).collect();
        let (value, problems) = unflatten(table.kind, &plan.cells(&cells));
        let record = SourceRecord {
            file: table.file.to_owned(),
            sheet: table.sheet.map(str::to_owned),
            location: row.at,
            kind: table.kind,
            value,
            header: Some(Arc::clone(&plan)),
        };
        for issue in record.issues(problems) {
            out.issue(issue);
        }
        out.record(record)?;
    }
    Ok(())
}

/// Guesses the separator from the header line: French spreadsheets write `;`.
fn separator(header: &str) -> u8 {
    let header = header.lines().next().unwrap_or_default();
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

/// The line numbers of a text read as a stream: the places of its line ends are kept
/// from the oldest place still asked about to as far as the CSV reader has read.
///
/// Lines are counted from the text itself, because the csv crate's own line count is
/// one short on files with CRLF line ends (as Excel writes them).
#[derive(Default)]
struct Lines {
    /// `\n` seen before the first place kept.
    before: u64,
    /// Places of `\r` and `\n` bytes not yet passed, and whether each is a `\n`.
    ends: VecDeque<(u64, bool)>,
    /// Bytes read so far.
    read: u64,
}

impl Lines {
    /// The 1-based line holding byte `offset`. The crate may place a record's start on
    /// the `\n` of the previous CRLF, so line ends right at the offset are skipped
    /// first. Offsets are asked about in increasing order.
    fn line_at(&mut self, offset: u64) -> u64 {
        while let Some(&(at, newline)) = self.ends.front() {
            if at >= offset {
                break;
            }
            self.before += u64::from(newline);
            self.ends.pop_front();
        }
        let mut line = self.before + 1;
        for (next, &(at, newline)) in (offset..).zip(self.ends.iter()) {
            if at != next {
                break;
            }
            line += u64::from(newline);
        }
        line
    }
}

/// A reader that notes where the line ends it hands on are.
struct Counted<R> {
    inner: R,
    lines: Rc<RefCell<Lines>>,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        let mut lines = self.lines.borrow_mut();
        let start = lines.read;
        for (i, b) in buf[..n].iter().enumerate() {
            if matches!(b, b'\r' | b'\n') {
                lines.ends.push_back((start + i as u64, *b == b'\n'));
            }
        }
        lines.read += n as u64;
        Ok(n)
    }
}

/// The longest header line looked at to guess the separator.
const HEADER_PEEK: u64 = 1 << 20;

/// A CSV file, read a row at a time: a table whose rows have as many cells as the
/// header has columns (more only when the extra cells are empty, as some exports leave
/// them).
// A row's problem is handed on as it is read, once per bad row: not worth a box.
#[allow(clippy::result_large_err)]
pub(super) fn load_csv(
    file: &Path,
    mut text: Box<dyn BufRead>,
    kind: RecordKind,
    ignore: &[String],
    out: &mut dyn Sink,
) -> Result<()> {
    let table = Table {
        file,
        sheet: None,
        kind,
        header_at: Location::Line(1),
    };
    let mut first = Vec::new();
    (&mut text)
        .take(HEADER_PEEK)
        .read_until(b'\n', &mut first)
        .map_err(|e| super::file::unreadable(file, &e))?;
    let delimiter = separator(&String::from_utf8_lossy(&first));
    let lines = Rc::new(RefCell::new(Lines::default()));
    let counted = Counted {
        inner: std::io::Cursor::new(first).chain(text),
        lines: Rc::clone(&lines),
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(counted);
    let mut records = reader.records();
    let header: Vec<String> = match records.next() {
        Some(Ok(h)) => h.iter().map(str::to_owned).collect(),
        Some(Err(e)) => {
            out.issue(table.issue(
                Location::Line(1),
                IssueClass::BadSyntax,
                format!("unreadable CSV header: {}", csv_problem(&e)),
            ));
            return Ok(());
        }
        None => Vec::new(),
    };
    let width = header.len();
    let line_at = |offset: u64| lines.borrow_mut().line_at(offset);
    let rows = records.map(|row| {
        let row = match row {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, |p| line_at(p.byte()));
                return Err(table.issue(
                    Location::Line(line),
                    IssueClass::BadSyntax,
                    format!("unreadable CSV row: {}", csv_problem(&e)),
                ));
            }
        };
        let at = Location::Line(row.position().map_or(0, |p| line_at(p.byte())));
        let cells: Vec<String> = row.iter().map(str::to_owned).collect();
        let blank = cells.iter().all(|c| c.trim().is_empty());
        let extra_filled = cells.iter().skip(width).any(|c| !c.trim().is_empty());
        if !blank && (cells.len() < width || extra_filled) {
            return Err(table.issue(
                at,
                IssueClass::BadSyntax,
                explor_engine::fr::import::row_width(cells.len(), width),
            ));
        }
        Ok(Row { at, cells })
    });
    read_table(&table, &header, rows, ignore, out)
}

/// A CSV error in words, without the byte offsets the csv crate puts in its messages.
fn csv_problem(e: &csv::Error) -> String {
    match e.kind() {
        csv::ErrorKind::Io(io) => io.to_string(),
        csv::ErrorKind::Utf8 { .. } => explor_engine::fr::import::NOT_UTF8.to_owned(),
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => explor_engine::fr::import::cells_expected(len, expected_len),
        _ => explor_engine::fr::import::BAD_CSV_LINE.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::{LoadOptions, Loaded, load, load_with};

    #[test]
    fn separator_follows_the_header_and_ignores_quoted_text() {
        assert_eq!(separator("id;name;themes\n"), b';');
        assert_eq!(separator("id,name,themes\n"), b',');
        assert_eq!(separator("\"a;b;c\",name\n"), b',');
    }

    fn load_text(name: &str, text: &str) -> Loaded {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join(name);
        std::fs::write(&file, text).unwrap();
        load(&file, None).unwrap()
    }

    /// Today's main reported an unknown column once per row, with no suggestion.
    #[test]
    fn a_misspelt_column_is_reported_once_on_the_header_line() {
        let loaded = load_text(
            "associations.csv",
            "id;name;departement\na;A;31\nb;B;09\nc;C;34\n",
        );
        let said: Vec<_> = loaded
            .issues
            .iter()
            .map(|i| (i.location, i.field.as_str(), i.class))
            .collect();
        assert_eq!(
            said,
            [(Location::Line(1), "departement", IssueClass::UnknownColumn)]
        );
        assert!(
            loaded.issues[0]
                .message
                .contains("vouliez-vous dire `department` ?")
        );
        // The rows are still read (their ids count for references), and the missing
        // department they lack is excused as the header's problem.
        assert_eq!(loaded.records.len(), 3);
        let header = loaded.records[0].header.as_ref().unwrap();
        assert!(header.suspected.contains(&"department".to_owned()));
    }

    #[test]
    fn a_misspelt_required_column_is_one_problem_at_import_not_one_per_row() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("associations.csv");
        std::fs::write(&file, "id;name;Departement\na;A;31\nb;B;09\nc;;34\n").unwrap();
        let (mut ws, _) = crate::Workspace::init(&dir.path().join("ws")).unwrap();
        let reference = explor_engine::Reference::embedded();
        let issues = match ws.import(load(&file, None).unwrap(), &reference) {
            Err(crate::Error::User(crate::UserError::Invalid(issues))) => issues,
            other => panic!("{other:?}"),
        };
        let said: Vec<_> = issues
            .iter()
            .map(|i| (i.location, i.field.as_str(), i.class))
            .collect();
        // The header's problem once; the rows' own problems still said.
        assert_eq!(
            said,
            [
                (Location::Line(1), "Departement", IssueClass::UnknownColumn),
                (Location::Line(4), "name", IssueClass::MissingField),
            ]
        );
    }

    #[test]
    fn fully_empty_rows_are_skipped_and_not_counted() {
        let loaded = load_text(
            "associations.csv",
            "id;name;department\r\na;A;31\r\n;;\r\n;;;\r\n\r\nb;B;09\r\n;;\r\n",
        );
        assert!(loaded.issues.is_empty(), "{:?}", loaded.issues);
        let at: Vec<_> = loaded.records.iter().map(|r| r.location).collect();
        assert_eq!(at, [Location::Line(2), Location::Line(6)]);
    }

    #[test]
    fn own_columns_are_left_out_with_one_warning() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("associations.csv");
        std::fs::write(
            &file,
            "id;#suivi;name;Commentaire;department;Référent\na;x;A;y;31;Zoé\nb;;B;;09;\n",
        )
        .unwrap();
        let options = LoadOptions::new().ignore_columns(vec!["referent".into()]);
        let loaded = load_with(&file, &options).unwrap();
        assert!(loaded.issues.is_empty(), "{:?}", loaded.issues);
        assert_eq!(loaded.warnings.len(), 1, "{:?}", loaded.warnings);
        let warning = &loaded.warnings[0];
        assert_eq!(warning.class, IssueClass::IgnoredColumns);
        assert_eq!(warning.location, Location::Line(1));
        assert!(
            warning
                .message
                .contains("`#suivi`, `Commentaire`, `Référent`")
        );
        assert_eq!(loaded.records[0].value["name"], "A");
        assert!(loaded.records[0].value.get("#suivi").is_none());
    }

    #[test]
    fn an_unnamed_column_is_harmless_empty_and_said_once_when_filled() {
        let loaded = load_text(
            "associations.csv",
            "id;name;department;\na;A;31;\nb;B;09;\n",
        );
        assert!(loaded.issues.is_empty(), "{:?}", loaded.issues);
        let loaded = load_text(
            "associations.csv",
            "id;name;department;\na;A;31;x\nb;B;09;y\n",
        );
        let said: Vec<_> = loaded
            .issues
            .iter()
            .map(|i| (i.location, i.class))
            .collect();
        assert_eq!(said, [(Location::Line(1), IssueClass::UnnamedColumn)]);
        assert!(
            loaded.issues[0]
                .message
                .contains("la ligne 2 y contient « x »")
        );
    }

    #[test]
    fn a_row_of_the_wrong_length_names_its_line_not_a_byte() {
        let loaded = load_text(
            "associations.csv",
            "id;name;department\r\na;A;31\r\nb;B\r\nc;C;34;extra\r\nd;D;09;;\r\n",
        );
        let said: Vec<_> = loaded
            .issues
            .iter()
            .map(|i| (i.location, i.class))
            .collect();
        assert_eq!(
            said,
            [
                (Location::Line(3), IssueClass::BadSyntax),
                (Location::Line(4), IssueClass::BadSyntax)
            ]
        );
        assert!(loaded.issues.iter().all(|i| !i.message.contains("byte")));
        assert_eq!(loaded.records.len(), 2);
    }

    #[test]
    fn headers_match_case_and_accents_aside() {
        let loaded = load_text("associations.csv", " ID ;Nàme;DEPARTMENT\na;A;31\n");
        assert!(loaded.issues.is_empty(), "{:?}", loaded.issues);
        assert_eq!(loaded.records[0].value["department"], "31");
    }
}
