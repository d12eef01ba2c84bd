//! Spreadsheets in (property 15): the sample's workbook and its Windows-1252 `;` CSV
//! set import as the JSON sample does; a workbook's problems name file, sheet, row and
//! field; column problems are said once, on the header line; `--encoding` forces the
//! decoding; every import error has a class in `--format json`.

use std::path::Path;

use explor_tests::{TestWorkspace, sample_dir};
use serde_json::Value;

use crate::{KINDS, import_json, raw_snapshot, run_ok};

/// A workspace holding what `path` imports.
fn imported(path: &Path) -> TestWorkspace {
    let ws = TestWorkspace::initialised();
    import_json(&ws, path);
    ws
}

/// What a user compares: every record, a need's ranked candidates, a record shown.
fn outputs(ws: &TestWorkspace) -> Vec<String> {
    vec![
        raw_snapshot(ws),
        run_ok(ws, &["match", "need-kin-dechets", "--format", "json"]),
        run_ok(
            ws,
            &["match", "--offer", "off-elec-2027", "--format", "json"],
        ),
        run_ok(ws, &["show", "exp-0066", "--format", "json"]),
        run_ok(ws, &["show", "need-bj-incubateur", "--format", "json"]),
    ]
}

fn assert_same(expected: &[String], got: &[String], what: &str) {
    for (i, (e, g)) in expected.iter().zip(got).enumerate() {
        assert!(e == g, "{what}: output {i} differs from the JSON sample's");
    }
}

/// Today's main refused `.xlsx` ("unsupported file type").
#[test]
fn the_sample_workbook_imports_as_the_json_sample() {
    let json = imported(&sample_dir());
    let book = imported(&sample_dir().join("explor-sample.xlsx"));
    assert_same(&outputs(&json), &outputs(&book), "explor-sample.xlsx");
}

/// A string as Windows-1252 can hold it: a character it has not becomes `?`.
fn as_windows_1252(text: &str) -> String {
    let mut buffer = [0; 4];
    text.chars()
        .map(|c| {
            let (_, _, unmappable) = encoding_rs::WINDOWS_1252.encode(c.encode_utf8(&mut buffer));
            if unmappable { '?' } else { c }
        })
        .collect()
}

fn map_strings(value: &mut Value, f: &dyn Fn(&str) -> String) {
    match value {
        Value::String(s) => *s = f(s),
        Value::Array(items) => items.iter_mut().for_each(|v| map_strings(v, f)),
        Value::Object(map) => map.values_mut().for_each(|v| map_strings(v, f)),
        _ => {}
    }
}

#[test]
fn the_windows_1252_csv_set_imports_as_the_json_sample_as_far_as_windows_1252_writes_it() {
    let csv_dir = sample_dir().join("csv-windows-1252");
    let bytes = std::fs::read(csv_dir.join("experts.csv")).expect("experts.csv");
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "the set must be Windows-1252"
    );
    assert!(bytes.windows(2).any(|w| w == b"\r\n") && bytes.contains(&b';'));
    // The JSON sample with the few Vietnamese letters Windows-1252 has not as `?`.
    let expected = TestWorkspace::initialised();
    for kind in KINDS {
        let name = format!("{kind}.json");
        let text = std::fs::read_to_string(sample_dir().join(&name)).expect("sample");
        let mut records: Value = serde_json::from_str(&text).expect("JSON");
        map_strings(&mut records, &as_windows_1252);
        expected.write(&format!("lossy/{name}"), &records.to_string());
    }
    import_json(&expected, &expected.dir().join("lossy"));
    let csv = imported(&csv_dir);
    assert_same(&outputs(&expected), &outputs(&csv), "csv-windows-1252/");
    // The rest of the text is exact.
    let helene: Value =
        serde_json::from_str(&run_ok(&csv, &["show", "exp-0007", "--format", "json"])).unwrap();
    assert_eq!(helene["name"], "Hélène Bousquet");
}

fn write_book(path: &Path, sheet: &str, rows: &[&[&str]]) {
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name(sheet).expect("sheet name");
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let (r, c) = (u32::try_from(r).unwrap(), u16::try_from(c).unwrap());
            match cell.parse::<f64>() {
                Ok(n) => ws.write_number(r, c, n),
                Err(_) => ws.write_string(r, c, *cell),
            }
            .expect("write cell");
        }
    }
    book.save(path).expect("save workbook");
}

#[test]
fn a_workbook_problem_names_the_file_the_sheet_the_row_and_the_field() {
    let ws = TestWorkspace::initialised();
    let book = ws.dir().join("roster.xlsx");
    write_book(
        &book,
        "associations",
        &[
            &["id", "name", "department"],
            &["asso-a", "A", "31"],
            &[],
            &["asso-b", "B", "99"],
        ],
    );
    let out = ws.explor(&["import", "roster.xlsx"]).output().expect("run");
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(
            "roster.xlsx : feuille « associations », ligne 4 (asso-b) : champ « department » : « 99 »"
        ),
        "{stderr}"
    );
    let out = ws
        .explor(&["import", "roster.xlsx", "--format", "json"])
        .output()
        .expect("run");
    let report: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let issue = &report["issues"][0];
    assert_eq!(issue["sheet"], "associations", "{report:#}");
    assert_eq!(issue["location"]["row"], 4, "{report:#}");
    assert_eq!(issue["class"], "unknown_departement", "{report:#}");
    assert!(ws.list_json("associations").as_array().unwrap().is_empty());
}

/// Today's main said `unknown column` once per row, with no suggestion, and counted
/// `;;` rows as records missing every field.
#[test]
fn column_problems_are_said_once_on_the_header_line() {
    let ws = TestWorkspace::initialised();
    let rows = "id;name;Departement;#suivi;Référent\n\
                asso-a;A;31;x;Zoé\n\
                ;;;;\n\
                asso-b;B;09;;\n\
                asso-c;C;34;;\n\
                ;;;;\n";
    ws.write("associations.csv", rows);
    let out = ws
        .explor(&["import", "associations.csv", "--ignore-columns", "referent"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let errors: Vec<&str> = stderr
        .lines()
        .filter(|l| l.starts_with("erreur :"))
        .collect();
    assert_eq!(errors.len(), 2, "{stderr}");
    assert!(
        errors[0].contains("associations.csv : ligne 1 : champ « Departement » : colonne inconnue")
            && errors[0].contains("vouliez-vous dire `department` ?"),
        "{stderr}"
    );
    assert!(
        stderr
            .contains(
                "avertissement : associations.csv : ligne 1 : colonnes laissées de côté : `#suivi`, `Référent`",
            ),
        "{stderr}"
    );

    let out = ws
        .explor(&[
            "import",
            "associations.csv",
            "--ignore-columns",
            "referent",
            "--format",
            "json",
        ])
        .output()
        .expect("run");
    let report: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let issues = report["issues"].as_array().expect("issues");
    assert_eq!(issues.len(), 1, "{report:#}");
    assert_eq!(issues[0]["class"], "unknown_column");
    assert_eq!(issues[0]["location"]["line"], 1);
    assert_eq!(report["warnings"][0]["class"], "ignored_columns");

    // Fixed header (any case): three records, the empty rows not counted.
    ws.write(
        "associations.csv",
        &rows.replacen("Departement", "DEPARTMENT", 1),
    );
    let out = run_ok(
        &ws,
        &[
            "import",
            "associations.csv",
            "--ignore-columns",
            "Référent",
            "--format",
            "json",
        ],
    );
    let report: Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(report["total"]["added"], 3, "{report:#}");
}

#[test]
fn own_columns_and_empty_rows_import_cleanly() {
    let ws = TestWorkspace::initialised();
    ws.write(
        "associations.csv",
        "ID;Name;Department;#suivi;Commentaire\nasso-a;A;31;x;y\n;;;;\nasso-b;B;09;;\n;;;;\n",
    );
    let out = run_ok(&ws, &["import", "associations.csv", "--format", "json"]);
    let report: Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(report["total"]["added"], 2, "{report:#}");
    assert_eq!(report["warnings"].as_array().map(Vec::len), Some(1));
}

/// Today's main had no `--encoding`.
#[test]
fn the_encoding_can_be_forced_and_a_bad_byte_names_its_line() {
    let ws = TestWorkspace::initialised();
    let path = ws.dir().join("associations.csv");
    std::fs::write(
        &path,
        b"id;name;department\r\nasso-a;A;31\r\nasso-b;R\xe9seau;09\r\n",
    )
    .expect("write");
    let out = ws
        .explor(&[
            "import",
            "associations.csv",
            "--encoding",
            "utf-8",
            "--format",
            "json",
        ])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    let report: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(report["issues"][0]["class"], "not_utf8", "{report:#}");
    assert_eq!(report["issues"][0]["location"]["line"], 3, "{report:#}");
    let message = report["issues"][0]["message"].as_str().unwrap_or_default();
    assert!(!message.contains("offset"), "{message}");

    run_ok(
        &ws,
        &["import", "associations.csv", "--encoding", "windows-1252"],
    );
    let shown: Value =
        serde_json::from_str(&run_ok(&ws, &["show", "asso-b", "--format", "json"])).unwrap();
    assert_eq!(shown["name"], "Réseau");
}

#[test]
fn an_import_error_outside_the_records_has_a_class_in_json() {
    let ws = TestWorkspace::initialised();
    ws.write("roster.csv", "id;name\n");
    let out = ws
        .explor(&["import", "roster.csv", "--format", "json"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    let report: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(report["ok"], false);
    assert_eq!(report["error"]["class"], "unknown_file_kind", "{report:#}");
}
