//! The CSV flattening of `docs/data-format.md`: nested objects become dotted columns
//! (`home.country`), lists are joined with `;`, language lists read `fr:C2;en:B2` and
//! availability `2027-03-01..2027-04-30;2027-09-01..2027-09-30`.
//!
//! It also holds the spreadsheet-formula rule of every CSV explor writes
//! ([`neutralise_formula`]) and its inverse on import ([`restore_formula`]).

use std::borrow::Cow;

use serde_json::{Map, Number, Value};

use super::fields::{Field, FieldType, fields};
use super::issue::{FieldIssue, IssueClass};
use crate::model::RecordKind;
use crate::values::Money;
use crate::values::number::read_whole;

/// One CSV column: its dotted name and the path of keys to the value.
#[derive(Debug, Clone)]
struct Column {
    name: String,
    path: Vec<&'static str>,
    ty: FieldType,
}

fn collect(table: &'static [Field], prefix: &[&'static str], out: &mut Vec<Column>) {
    for field in table {
        let mut path = prefix.to_vec();
        path.push(field.name);
        match field.ty {
            FieldType::Object(inner) => collect(inner, &path, out),
            FieldType::Window => {
                for end in ["from", "to"] {
                    let mut p = path.clone();
                    p.push(end);
                    out.push(Column {
                        name: p.join("."),
                        path: p,
                        ty: FieldType::Date,
                    });
                }
            }
            ty => out.push(Column {
                name: path.join("."),
                path,
                ty,
            }),
        }
    }
}

fn all_columns(kind: RecordKind) -> Vec<Column> {
    let mut out = Vec::new();
    collect(fields(kind), &[], &mut out);
    out
}

/// The CSV column names of a record kind, in canonical order.
pub fn csv_columns(kind: RecordKind) -> Vec<String> {
    all_columns(kind).into_iter().map(|c| c.name).collect()
}

/// The CSV columns of a record kind with the type of their cells, in canonical order
/// (for writers of typed cells: a spreadsheet's dates and numbers).
pub fn csv_column_types(kind: RecordKind) -> Vec<(String, FieldType)> {
    all_columns(kind)
        .into_iter()
        .map(|c| (c.name, c.ty))
        .collect()
}

/// Builds a record's JSON value from one CSV row given as `(column, cell)` pairs.
///
/// Empty cells mean "absent". Unknown columns are reported; cells that cannot be read
/// as their type are kept as text so that [`check_record`](super::check_record) reports
/// them with the field's name.
pub fn unflatten(kind: RecordKind, row: &[(&str, &str)]) -> (Value, Vec<FieldIssue>) {
    let columns = all_columns(kind);
    let mut issues = Vec::new();
    let mut root = Map::new();
    let mut seen = std::collections::HashSet::new();
    for (name, cell) in row {
        if !seen.insert(*name) {
            issues.push(FieldIssue::new(
                *name,
                IssueClass::DuplicateField,
                crate::fr::import::CELL_COLUMN_TWICE,
            ));
            continue;
        }
        let Some(column) = columns.iter().find(|c| c.name == *name) else {
            issues.push(FieldIssue::new(
                *name,
                IssueClass::UnknownField,
                crate::fr::import::unknown_column(kind.as_str()),
            ));
            continue;
        };
        let cell = restore_formula(cell);
        let cell = cell.trim();
        if cell.is_empty() {
            continue;
        }
        insert(&mut root, &column.path, read_cell(column.ty, cell));
    }
    (Value::Object(root), issues)
}

fn insert(root: &mut Map<String, Value>, path: &[&str], value: Value) {
    let (last, parents) = path.split_last().expect("column paths are never empty");
    let mut node = root;
    for key in parents {
        let entry = node
            .entry(key.to_string())
            .or_insert_with(|| Value::Object(Map::new()));
        if !entry.is_object() {
            *entry = Value::Object(Map::new());
        }
        node = entry.as_object_mut().expect("just made an object");
    }
    node.insert(last.to_string(), value);
}

fn split_list(cell: &str) -> impl Iterator<Item = &str> {
    cell.split(';').map(str::trim).filter(|s| !s.is_empty())
}

fn read_cell(ty: FieldType, cell: &str) -> Value {
    let text = || Value::String(cell.to_owned());
    match ty {
        FieldType::Bool => match cell.to_lowercase().as_str() {
            "true" | "oui" | "yes" | "vrai" | "1" => Value::Bool(true),
            "false" | "non" | "no" | "faux" | "0" => Value::Bool(false),
            _ => text(),
        },
        // `1 000` as well as `1000`: the same reading as amounts of money.
        FieldType::Count { .. } => read_whole(cell)
            .map(Value::from)
            .or_else(|| cell.parse::<i64>().ok().map(Value::from))
            .unwrap_or_else(text),
        FieldType::Money => match Money::from_euros_str(cell) {
            Ok(m) if m.cents() % 100 == 0 => Value::from(m.cents() / 100),
            // Exact: the shortest text of cents/100 as f64 is the decimal itself.
            Ok(m) => Number::from_f64(m.cents() as f64 / 100.0).map_or_else(text, Value::Number),
            Err(_) => text(),
        },
        FieldType::TextList | FieldType::IdList | FieldType::ThemeList | FieldType::CountryList => {
            Value::Array(
                split_list(cell)
                    .map(|s| Value::String(s.to_owned()))
                    .collect(),
            )
        }
        FieldType::LanguageLevels => Value::Array(
            split_list(cell)
                .map(|item| {
                    let mut o = Map::new();
                    match item.split_once(':') {
                        Some((code, level)) => {
                            o.insert("code".into(), code.trim().into());
                            o.insert("level".into(), level.trim().into());
                        }
                        None => {
                            o.insert("code".into(), item.into());
                        }
                    }
                    Value::Object(o)
                })
                .collect(),
        ),
        FieldType::Windows => Value::Array(
            split_list(cell)
                .map(|item| {
                    let mut o = Map::new();
                    match item.split_once("..") {
                        Some((from, to)) => {
                            o.insert("from".into(), from.trim().into());
                            o.insert("to".into(), to.trim().into());
                        }
                        None => {
                            o.insert("from".into(), item.into());
                        }
                    }
                    Value::Object(o)
                })
                .collect(),
        ),
        _ => text(),
    }
}

/// Flattens a record's canonical JSON value into CSV cells, in [`csv_columns`] order.
pub fn flatten(kind: RecordKind, value: &Value) -> Vec<String> {
    all_columns(kind)
        .iter()
        .map(|column| {
            let mut node = Some(value);
            for key in &column.path {
                node = node.and_then(|n| n.get(key));
            }
            node.map_or_else(String::new, |v| write_cell(column.ty, v))
        })
        .collect()
}

fn scalar(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn write_cell(ty: FieldType, v: &Value) -> String {
    let items = || v.as_array().map(Vec::as_slice).unwrap_or_default().iter();
    match ty {
        FieldType::TextList | FieldType::IdList | FieldType::ThemeList | FieldType::CountryList => {
            items().map(scalar).collect::<Vec<_>>().join(";")
        }
        FieldType::LanguageLevels => items()
            .map(|i| format!("{}:{}", scalar(&i["code"]), scalar(&i["level"])))
            .collect::<Vec<_>>()
            .join(";"),
        FieldType::Windows => items()
            .map(|i| format!("{}..{}", scalar(&i["from"]), scalar(&i["to"])))
            .collect::<Vec<_>>()
            .join(";"),
        _ => scalar(v),
    }
}

/// Characters that make a spreadsheet read a cell as a formula (OWASP, "CSV injection").
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Whether `cell` is a plain decimal number (`-12`, `+3.5`, `-0,25`): a spreadsheet
/// reads it as a number, never as a formula, so it is written as it is.
fn is_plain_number(cell: &str) -> bool {
    let digits = cell.strip_prefix(['-', '+']).unwrap_or(cell);
    let (whole, fraction) = digits.split_once(['.', ',']).unwrap_or((digits, "0"));
    !whole.is_empty()
        && !fraction.is_empty()
        && whole.bytes().all(|b| b.is_ascii_digit())
        && fraction.bytes().all(|b| b.is_ascii_digit())
}

/// Whether `cell`, once its leading quotes are set aside, starts like a formula.
fn needs_quote(cell: &str) -> bool {
    cell.trim_start_matches('\'').starts_with(FORMULA_STARTS)
}

/// A CSV cell as explor writes it: a text that a spreadsheet would run as a formula
/// (`=…`, `+…`, `-…`, `@…`, a tab or carriage return first) gets a leading `'`, as
/// OWASP recommends; numbers (`-12.5`) are left alone.
///
/// A text already made of quotes before such a character (`'=x`) gets one more, so
/// that [`restore_formula`] gives every text back exactly.
pub fn neutralise_formula(cell: &str) -> Cow<'_, str> {
    if needs_quote(cell) && !is_plain_number(cell) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// The inverse of [`neutralise_formula`], applied to every CSV cell on import: one
/// leading `'` is dropped when what follows (after any further quotes) starts like a
/// formula; any other cell is kept as it is.
pub fn restore_formula(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if needs_quote(rest) => rest,
        _ => cell,
    }
}
