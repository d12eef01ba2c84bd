//! Spreadsheets (`.xlsx`, `.ods`), read with calamine: one sheet per record kind, named
//! like the files (`experts`, `needs` …), each sheet a table whose first used row is
//! its header.
//!
//! Cells are typed in a workbook, and are turned into the text the CSV flattening
//! reads: a date cell becomes `YYYY-MM-DD`, a whole number stored as a float (as
//! spreadsheets store every number) is written without `.0`, a boolean `true` or
//! `false`. Errors name the file, the sheet, the row as the spreadsheet shows it, and
//! the field.
//!
//! Which sheets are read: without a kind, every sheet whose name says a kind; a sheet
//! whose name starts with `#`, or that holds nothing, is left out; any other sheet is an
//! error (its records would be lost silently). With a kind, a workbook of one sheet is
//! read as that kind whatever its name; in a workbook of several, the sheets named
//! after the kind are read and the others left out with a warning.

use std::path::Path;

use calamine::{Data, Reader, open_workbook_auto};
use explor_engine::RecordKind;
use explor_engine::schema::IssueClass;

use super::table::{Row, Table, read_table};
use super::{LoadOptions, Loaded, kind_named};
use crate::issue::{ImportIssue, Location};

/// One sheet that holds something.
struct Sheet {
    name: String,
    range: calamine::Range<Data>,
}

/// The sheets of a workbook that hold something (those whose name starts with `#`
/// left out), and the sheets that cannot be read; `Err` when the file cannot be opened.
fn read_sheets(file: &Path) -> Result<(Vec<Sheet>, Vec<ImportIssue>), Box<ImportIssue>> {
    let book_issue = |sheet: Option<&str>, message: String| {
        ImportIssue::syntax(file, Location::File, IssueClass::BadWorkbook, message).in_sheet(sheet)
    };
    let mut book = open_workbook_auto(file)
        .map_err(|e| Box::new(book_issue(None, format!("illisible comme classeur : {e}"))))?;
    let mut sheets = Vec::new();
    let mut problems = Vec::new();
    for name in book.sheet_names() {
        if name.trim_start().starts_with('#') {
            continue;
        }
        match book.worksheet_range(&name) {
            Ok(range) if range.used_cells().any(|(_, _, c)| !is_blank(c)) => {
                sheets.push(Sheet { name, range });
            }
            Ok(_) => {}
            Err(e) => problems.push(book_issue(
                Some(&name),
                explor_engine::fr::import::unreadable_sheet(&e),
            )),
        }
    }
    Ok((sheets, problems))
}

/// Reads the sheets of a workbook into `out`; every problem is an issue of `out`.
pub(super) fn load(file: &Path, options: &LoadOptions, out: &mut Loaded) {
    let book_issue = |sheet: Option<&str>, class, message: String| {
        ImportIssue::syntax(file, Location::File, class, message).in_sheet(sheet)
    };
    // A damaged file must be an issue like any other, even if the reader panics on it.
    let read = std::panic::catch_unwind(|| read_sheets(file)).unwrap_or_else(|_| {
        Err(Box::new(book_issue(
            None,
            IssueClass::BadWorkbook,
            explor_engine::fr::import::BROKEN_WORKBOOK.to_owned(),
        )))
    });
    let sheets = match read {
        Ok((sheets, problems)) => {
            out.issues.extend(problems);
            sheets
        }
        Err(issue) => {
            out.issues.push(*issue);
            return;
        }
    };
    if sheets.is_empty() {
        out.issues.push(book_issue(
            None,
            IssueClass::BadWorkbook,
            explor_engine::fr::import::EMPTY_WORKBOOK.to_owned(),
        ));
        return;
    }
    let chosen: Vec<(Sheet, RecordKind)> = match options.kind {
        Some(kind) if sheets.len() == 1 => sheets.into_iter().map(|s| (s, kind)).collect(),
        Some(kind) => {
            let (named, others): (Vec<Sheet>, Vec<Sheet>) = sheets
                .into_iter()
                .partition(|s| kind_named(&s.name) == Some(kind));
            let list = |sheets: &[Sheet]| {
                sheets
                    .iter()
                    .map(|s| explor_engine::fr::import::quoted(&s.name))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            if named.is_empty() {
                out.issues.push(book_issue(
                    None,
                    IssueClass::UnknownSheet,
                    explor_engine::fr::import::sheets_none_named(list(&others), kind.file_stem()),
                ));
                return;
            }
            out.warnings.push(book_issue(
                None,
                IssueClass::IgnoredSheets,
                explor_engine::fr::import::only_sheet_read(kind.file_stem(), list(&others)),
            ));
            named.into_iter().map(|s| (s, kind)).collect()
        }
        None => {
            let mut chosen = Vec::new();
            for sheet in sheets {
                match kind_named(&sheet.name) {
                    Some(kind) => chosen.push((sheet, kind)),
                    None => out.issues.push(book_issue(
                        Some(&sheet.name),
                        IssueClass::UnknownSheet,
                        explor_engine::fr::import::SHEET_KIND_UNKNOWN.to_owned(),
                    )),
                }
            }
            chosen
        }
    };
    for (sheet, kind) in chosen {
        read_sheet(file, &sheet, kind, &options.ignore_columns, out);
    }
}

fn is_blank(cell: &Data) -> bool {
    match cell {
        Data::Empty => true,
        Data::String(s) => s.trim().is_empty(),
        _ => false,
    }
}

/// A sheet as a table: its first used row is the header; rows are numbered as the
/// spreadsheet shows them.
fn read_sheet(file: &Path, sheet: &Sheet, kind: RecordKind, ignore: &[String], out: &mut Loaded) {
    let first_row = u64::from(sheet.range.start().map_or(0, |(row, _)| row)) + 1;
    let table = Table {
        file,
        sheet: Some(&sheet.name),
        kind,
        header_at: Location::Row(first_row),
    };
    let mut rows = sheet.range.rows();
    let header: Vec<String> = rows
        .next()
        .unwrap_or_default()
        .iter()
        .map(|c| cell_text(c).unwrap_or_default())
        .collect();
    let mut table_rows = Vec::new();
    for (i, cells) in rows.enumerate() {
        let at = Location::Row(first_row + 1 + i as u64);
        let mut texts = Vec::with_capacity(cells.len());
        for (column, cell) in cells.iter().enumerate() {
            match cell_text(cell) {
                Ok(text) => texts.push(text),
                Err(message) => {
                    let field = header.get(column).map_or("", |h| h.trim());
                    out.issues.push(
                        ImportIssue::syntax(file, at, IssueClass::CellError, message)
                            .in_sheet(Some(&sheet.name))
                            .on_field(field),
                    );
                    texts.push(String::new());
                }
            }
        }
        table_rows.push(Ok(Row { at, cells: texts }));
    }
    // Collecting into `Loaded` cannot fail.
    let _ = read_table(&table, &header, table_rows, ignore, out);
}

/// A cell as the text the CSV flattening reads, or what is wrong with it.
fn cell_text(cell: &Data) -> Result<String, String> {
    Ok(match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Bool(b) => b.to_string(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => number_text(*f),
        Data::DateTime(d) if d.is_duration() => number_text(d.as_f64()),
        Data::DateTime(d) => {
            let (year, month, day, hour, minute, second, milli) = d.to_ymd_hms_milli();
            if (hour, minute, second, milli) == (0, 0, 0, 0) {
                format!("{year:04}-{month:02}-{day:02}")
            } else {
                format!("{year:04}-{month:02}-{day:02} {hour:02}:{minute:02}:{second:02}")
            }
        }
        // OpenDocument dates: `2027-03-01`, or with a time of day.
        Data::DateTimeIso(s) => match s.split_once('T') {
            Some((date, "00:00:00")) => date.to_owned(),
            _ => s.clone(),
        },
        Data::DurationIso(s) => s.clone(),
        Data::Error(e) => {
            return Err(explor_engine::fr::import::spreadsheet_error(e));
        }
    })
}

/// A number as written in a CSV cell: whole numbers without a fraction (`12`, not
/// `12.0`), others in their shortest exact form (`347.25`).
fn number_text(f: f64) -> String {
    // 2^53: every whole float below is an exact integer.
    if f.fract() == 0.0 && f.abs() < 9_007_199_254_740_992.0 {
        format!("{}", f as i64)
    } else {
        f.to_string()
    }
}

#[cfg(test)]
mod tests;
