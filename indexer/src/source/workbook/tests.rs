//! Properties checked here:
//! 1. typed cells read as the schema expects: a date cell is `YYYY-MM-DD`, a whole
//!    number has no `.0`, a boolean is `true`/`false` (`.xlsx` and `.ods`);
//! 2. every problem names the file, the sheet, the row as the spreadsheet shows it, and
//!    the field;
//! 3. sheets are chosen by name, `#` and empty sheets are left out, an unnamed sheet is
//!    an error, and `--kind` reads a single-sheet workbook whatever its sheet's name;
//! 4. the sample workbook and Windows-1252 CSV set of `data/sample/` are what the
//!    generator writes from the JSON sample (`write_the_sample_workbook_and_csv_set`,
//!    ignored, rewrites them).

use std::io::Write;
use std::path::{Path, PathBuf};

use calamine::CellErrorType;
use explor_engine::schema::{FieldType, csv_column_types, flatten, neutralise_formula};
use serde_json::Value;

use super::*;
use crate::source::{LoadOptions, load, load_with};

/// A cell of a test workbook.
#[derive(Debug, Clone)]
pub(crate) enum Cell {
    Text(String),
    Number(f64),
    Date(u16, u8, u8),
    Bool(bool),
    Empty,
}

fn t(s: &str) -> Cell {
    Cell::Text(s.to_owned())
}

type Sheets = Vec<(String, Vec<Vec<Cell>>)>;

/// Writes an `.xlsx` workbook: dates as date cells (`yyyy-mm-dd`), numbers as numbers.
pub(crate) fn write_xlsx(path: &Path, sheets: &Sheets) {
    use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook};
    let mut book = Workbook::new();
    // A fixed creation date, so that the same sheets give the same bytes.
    let created = ExcelDateTime::from_ymd(2027, 1, 1).unwrap();
    book.set_properties(&DocProperties::new().set_creation_datetime(&created));
    let date = Format::new().set_num_format("yyyy-mm-dd");
    for (name, rows) in sheets {
        let sheet = book.add_worksheet();
        sheet.set_name(name).unwrap();
        for (r, row) in rows.iter().enumerate() {
            let r = u32::try_from(r).unwrap();
            for (c, cell) in row.iter().enumerate() {
                let c = u16::try_from(c).unwrap();
                match cell {
                    Cell::Text(s) => sheet.write_string(r, c, s).map(|_| ()),
                    Cell::Number(n) => sheet.write_number(r, c, *n).map(|_| ()),
                    Cell::Bool(b) => sheet.write_boolean(r, c, *b).map(|_| ()),
                    Cell::Date(y, m, d) => {
                        let day = ExcelDateTime::from_ymd(*y, *m, *d).unwrap();
                        sheet
                            .write_datetime_with_format(r, c, &day, &date)
                            .map(|_| ())
                    }
                    Cell::Empty => Ok(()),
                }
                .unwrap();
            }
        }
    }
    book.save(path).unwrap();
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Writes a minimal OpenDocument spreadsheet (`mimetype` and `content.xml`), with
/// typed cells as LibreOffice writes them.
pub(crate) fn write_ods(path: &Path, sheets: &Sheets) {
    let mut xml = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet>"#,
    );
    for (name, rows) in sheets {
        xml.push_str(&format!(
            r#"<table:table table:name="{}">"#,
            xml_escape(name)
        ));
        for row in rows {
            xml.push_str("<table:table-row>");
            for cell in row {
                xml.push_str(&match cell {
                    Cell::Text(s) => format!(
                        r#"<table:table-cell office:value-type="string"><text:p>{}</text:p></table:table-cell>"#,
                        xml_escape(s)
                    ),
                    Cell::Number(n) => format!(
                        r#"<table:table-cell office:value-type="float" office:value="{n}"><text:p>{n}</text:p></table:table-cell>"#
                    ),
                    Cell::Bool(b) => format!(
                        r#"<table:table-cell office:value-type="boolean" office:boolean-value="{b}"><text:p>{b}</text:p></table:table-cell>"#
                    ),
                    Cell::Date(y, m, d) => format!(
                        r#"<table:table-cell office:value-type="date" office:date-value="{y:04}-{m:02}-{d:02}"><text:p>{d:02}/{m:02}/{y:04}</text:p></table:table-cell>"#
                    ),
                    Cell::Empty => "<table:table-cell/>".to_owned(),
                });
            }
            xml.push_str("</table:table-row>");
        }
        xml.push_str("</table:table>");
    }
    xml.push_str("</office:spreadsheet></office:body></office:document-content>");
    let file = std::fs::File::create(path).unwrap();
    let mut zip = zip::ZipWriter::new(file);
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    zip.start_file("mimetype", stored).unwrap();
    zip.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
        .unwrap();
    zip.start_file("META-INF/manifest.xml", stored).unwrap();
    zip.write_all(
        br#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#,
    )
    .unwrap();
    zip.start_file("content.xml", stored).unwrap();
    zip.write_all(xml.as_bytes()).unwrap();
    zip.finish().unwrap();
}

/// Two associations and a need, with typed cells.
fn typed_sheets() -> Sheets {
    vec![
        (
            "associations".to_owned(),
            vec![
                vec![
                    t("id"),
                    t("name"),
                    t("department"),
                    t("network_member"),
                    t("field_experience_years"),
                ],
                vec![
                    t("asso-a"),
                    t("Élan Sud"),
                    t("31"),
                    Cell::Bool(true),
                    Cell::Number(8.0),
                ],
                vec![t("asso-b"), t("B"), t("09"), Cell::Bool(false), Cell::Empty],
            ],
        ),
        (
            "Needs".to_owned(),
            vec![
                vec![
                    t("id"),
                    t("association"),
                    t("kind"),
                    t("title"),
                    t("description"),
                    t("theme"),
                    t("skills"),
                    t("country"),
                    t("languages"),
                    t("window.from"),
                    t("window.to"),
                    t("duration_days"),
                ],
                vec![
                    t("need-a"),
                    t("asso-a"),
                    t("standard"),
                    t("Forage"),
                    t("Un forage."),
                    t("eau_assainissement"),
                    t("hydraulique;forage"),
                    t("SN"),
                    t("fr:B2"),
                    Cell::Date(2027, 3, 1),
                    Cell::Date(2027, 5, 31),
                    Cell::Number(10.0),
                ],
            ],
        ),
    ]
}

fn typed_values_are_read(loaded: &Loaded) {
    assert!(loaded.issues.is_empty(), "{:?}", loaded.issues);
    assert_eq!(loaded.records.len(), 3);
    let a = &loaded.records[0];
    assert_eq!(a.kind, RecordKind::Association);
    assert_eq!(a.sheet.as_deref(), Some("associations"));
    assert_eq!(a.location, Location::Row(2));
    assert_eq!(a.value["name"], "Élan Sud");
    assert_eq!(a.value["network_member"], true);
    assert_eq!(a.value["field_experience_years"], 8);
    assert_eq!(a.value["field_experience_years"].to_string(), "8");
    assert_eq!(loaded.records[1].value["network_member"], false);
    let need = &loaded.records[2];
    assert_eq!(need.kind, RecordKind::Need);
    assert_eq!(need.value["window"]["from"], "2027-03-01");
    assert_eq!(need.value["window"]["to"], "2027-05-31");
    assert_eq!(need.value["duration_days"].to_string(), "10");
    assert_eq!(
        need.value["skills"],
        serde_json::json!(["hydraulique", "forage"])
    );
}

#[test]
fn xlsx_typed_cells_read_as_the_schema_expects() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("roster.xlsx");
    write_xlsx(&file, &typed_sheets());
    typed_values_are_read(&load(&file, None).unwrap());
}

#[test]
fn ods_typed_cells_read_as_the_schema_expects() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("roster.ods");
    write_ods(&file, &typed_sheets());
    typed_values_are_read(&load(&file, None).unwrap());
}

#[test]
fn problems_name_the_file_the_sheet_the_row_and_the_field() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("roster.xlsx");
    let mut sheets = typed_sheets();
    sheets[0].1[0][2] = t("departement");
    sheets[1].1[1][11] = Cell::Number(10.5);
    write_xlsx(&file, &sheets);
    let loaded = load(&file, None).unwrap();
    let said: Vec<_> = loaded
        .issues
        .iter()
        .map(|i| {
            (
                i.sheet.as_deref().unwrap(),
                i.location,
                i.field.as_str(),
                i.class,
            )
        })
        .collect();
    assert_eq!(
        said,
        [(
            "associations",
            Location::Row(1),
            "departement",
            IssueClass::UnknownColumn
        )]
    );
    let shown = loaded.issues[0].to_string();
    assert!(
        shown.starts_with(&format!(
            "{} : feuille « associations », ligne 1 : champ « departement »",
            file.display()
        )),
        "{shown}"
    );
    // Field checks come later, at import: 10.5 days is kept as written, to be refused.
    assert_eq!(loaded.records[2].value["duration_days"], "10.5");
}

#[test]
fn a_header_below_empty_rows_gives_the_rows_their_shown_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("experts-et-autres.xlsx");
    let mut rows = vec![vec![Cell::Empty], vec![Cell::Empty]];
    rows.extend(typed_sheets().remove(0).1);
    rows.push(vec![Cell::Empty, Cell::Empty]);
    rows.push(vec![t("asso-c"), t("C"), Cell::Number(34.0)]);
    write_xlsx(&file, &vec![("Associations".to_owned(), rows)]);
    let loaded = load(&file, None).unwrap();
    assert!(loaded.issues.is_empty(), "{:?}", loaded.issues);
    let at: Vec<_> = loaded.records.iter().map(|r| r.location).collect();
    assert_eq!(at, [Location::Row(4), Location::Row(5), Location::Row(7)]);
    assert_eq!(loaded.records[2].value["department"], "34");
}

#[test]
fn sheets_are_chosen_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("book.xlsx");
    let mut sheets = typed_sheets();
    sheets.push(("#notes".to_owned(), vec![vec![t("à relancer")]]));
    sheets.push(("Feuil3".to_owned(), vec![]));
    sheets.push(("Feuil4".to_owned(), vec![vec![t("x")]]));
    write_xlsx(&file, &sheets);
    let loaded = load(&file, None).unwrap();
    assert_eq!(loaded.records.len(), 3);
    let said: Vec<_> = loaded
        .issues
        .iter()
        .map(|i| (i.sheet.as_deref(), i.location, i.class))
        .collect();
    assert_eq!(
        said,
        [(Some("Feuil4"), Location::File, IssueClass::UnknownSheet)]
    );

    // --kind: the sheets named after the kind, the others left out with a warning.
    let loaded = load(&file, Some(RecordKind::Need)).unwrap();
    assert!(loaded.issues.is_empty(), "{:?}", loaded.issues);
    assert_eq!(loaded.records.len(), 1);
    assert_eq!(loaded.warnings[0].class, IssueClass::IgnoredSheets);
    let loaded = load(&file, Some(RecordKind::Expert)).unwrap();
    assert_eq!(loaded.issues[0].class, IssueClass::UnknownSheet);
}

#[test]
fn kind_reads_a_single_sheet_workbook_whatever_its_name() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("liste.ods");
    let mut rows = typed_sheets().remove(0).1;
    rows.push(vec![Cell::Empty; 5]);
    write_ods(&file, &vec![("Feuille1".to_owned(), rows)]);
    let loaded = load_with(
        &file,
        &LoadOptions::new().kind(Some(RecordKind::Association)),
    )
    .unwrap();
    assert!(loaded.issues.is_empty(), "{:?}", loaded.issues);
    assert_eq!(loaded.records.len(), 2);
    assert_eq!(loaded.records[1].location, Location::Row(3));
}

#[test]
fn a_file_that_is_not_a_workbook_is_an_issue_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("experts.xlsx");
    std::fs::write(&file, "id;name\n").unwrap();
    let loaded = load(&file, None).unwrap();
    assert_eq!(loaded.issues.len(), 1);
    assert_eq!(loaded.issues[0].class, IssueClass::BadWorkbook);
    assert_eq!(loaded.issues[0].location, Location::File);
}

#[test]
fn a_damaged_workbook_is_an_issue_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let whole = std::fs::read(sample_dir().join(SAMPLE_WORKBOOK)).unwrap();
    for (n, cut) in [whole.len() / 2, whole.len() - 100, 200]
        .into_iter()
        .enumerate()
    {
        let file = dir.path().join(format!("damaged-{n}.xlsx"));
        std::fs::write(&file, &whole[..cut]).unwrap();
        let loaded = load(&file, None).unwrap();
        assert!(
            loaded
                .issues
                .iter()
                .any(|i| i.class == IssueClass::BadWorkbook),
            "{:?}",
            loaded.issues
        );
    }
}

#[test]
fn cells_become_the_text_the_flattening_reads() {
    assert_eq!(number_text(15.0), "15");
    assert_eq!(number_text(347.25), "347.25");
    assert_eq!(number_text(-0.0), "0");
    assert_eq!(number_text(45_000_000.0), "45000000");
    assert_eq!(cell_text(&Data::Int(7)).unwrap(), "7");
    assert_eq!(
        cell_text(&Data::DateTimeIso("2027-03-01T00:00:00".into())).unwrap(),
        "2027-03-01"
    );
    assert_eq!(
        cell_text(&Data::DateTimeIso("2027-03-01".into())).unwrap(),
        "2027-03-01"
    );
    let err = cell_text(&Data::Error(CellErrorType::NA)).unwrap_err();
    assert!(err.contains("#N/A"), "{err}");
}

// ---- The sample in other forms -------------------------------------------------

fn sample_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../data/sample")
}

/// The sample's records of a kind, as JSON.
fn sample_records(kind: RecordKind) -> Vec<Value> {
    let path = sample_dir().join(format!("{}.json", kind.file_stem()));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// The sample as one sheet per kind: the CSV columns, with typed cells (dates, numbers,
/// booleans) where the column has that type.
fn sample_sheets() -> Sheets {
    RecordKind::ALL
        .into_iter()
        .map(|kind| {
            let columns = csv_column_types(kind);
            let mut rows = vec![columns.iter().map(|(name, _)| t(name)).collect()];
            for record in sample_records(kind) {
                let cells = flatten(kind, &record);
                rows.push(
                    columns
                        .iter()
                        .zip(cells)
                        .map(|((_, ty), text)| typed_cell(*ty, text))
                        .collect(),
                );
            }
            (kind.file_stem().to_owned(), rows)
        })
        .collect()
}

fn typed_cell(ty: FieldType, text: String) -> Cell {
    if text.is_empty() {
        return Cell::Empty;
    }
    match ty {
        FieldType::Date => {
            let day = explor_engine::schema::parse_date(&text).unwrap();
            use chrono::Datelike;
            Cell::Date(
                u16::try_from(day.year()).unwrap(),
                u8::try_from(day.month()).unwrap(),
                u8::try_from(day.day()).unwrap(),
            )
        }
        FieldType::Count { .. } | FieldType::Money => Cell::Number(text.parse().unwrap()),
        FieldType::Bool => Cell::Bool(text == "true"),
        _ => Cell::Text(text),
    }
}

/// The CSV set as Excel's French "CSV (séparateur : point-virgule)" writes it:
/// Windows-1252, `;`, CRLF; a character Windows-1252 has not becomes `?`, as there.
fn sample_csv_1252(kind: RecordKind) -> Vec<u8> {
    let mut writer = csv::WriterBuilder::new()
        .delimiter(b';')
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    writer
        .write_record(csv_column_types(kind).iter().map(|(name, _)| name))
        .unwrap();
    for record in sample_records(kind) {
        let cells = flatten(kind, &record);
        writer
            .write_record(cells.iter().map(|c| neutralise_formula(c).into_owned()))
            .unwrap();
    }
    let text = String::from_utf8(writer.into_inner().unwrap()).unwrap();
    let mut bytes = Vec::with_capacity(text.len());
    let mut buffer = [0; 4];
    for c in text.chars() {
        let (encoded, _, unmappable) = encoding_rs::WINDOWS_1252.encode(c.encode_utf8(&mut buffer));
        if unmappable {
            bytes.push(b'?');
        } else {
            bytes.extend_from_slice(&encoded);
        }
    }
    bytes
}

const SAMPLE_WORKBOOK: &str = "explor-sample.xlsx";
const SAMPLE_CSV_DIR: &str = "csv-windows-1252";

fn write_sample_forms(dir: &Path) {
    write_xlsx(&dir.join(SAMPLE_WORKBOOK), &sample_sheets());
    std::fs::create_dir_all(dir.join(SAMPLE_CSV_DIR)).unwrap();
    for kind in RecordKind::ALL {
        std::fs::write(
            dir.join(SAMPLE_CSV_DIR)
                .join(format!("{}.csv", kind.file_stem())),
            sample_csv_1252(kind),
        )
        .unwrap();
    }
}

/// Rewrites `data/sample/explor-sample.xlsx` and `data/sample/csv-windows-1252/` from
/// the JSON sample: `cargo test -p explor-indexer -- --ignored write_the_sample`.
#[test]
#[ignore = "writes into data/sample/; run it after changing the JSON sample"]
fn write_the_sample_workbook_and_csv_set() {
    write_sample_forms(&sample_dir());
}

#[test]
fn the_sample_workbook_and_csv_set_are_up_to_date() {
    let dir = tempfile::tempdir().unwrap();
    write_sample_forms(dir.path());
    let mut names = vec![PathBuf::from(SAMPLE_WORKBOOK)];
    for kind in RecordKind::ALL {
        names.push(Path::new(SAMPLE_CSV_DIR).join(format!("{}.csv", kind.file_stem())));
    }
    for name in names {
        let fresh = std::fs::read(dir.path().join(&name)).unwrap();
        let shipped = std::fs::read(sample_dir().join(&name)).unwrap_or_default();
        assert!(
            fresh == shipped,
            "data/sample/{} is not what the generator writes from the JSON sample: run `cargo test -p explor-indexer -- --ignored write_the_sample`",
            name.display()
        );
    }
}
