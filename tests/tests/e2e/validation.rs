//! Invalid input is rejected, located and classified, and nothing is written
//! (properties 5 and 6).
//!
//! Each directory under `fixtures/invalid/` is named after the class it exercises and
//! holds a dataset that would be valid on top of `fixtures/valid/` but for exactly one
//! problem, placed in a known record of a known file.

use std::fmt;
use std::path::Path;

use explor_tests::{TestWorkspace, fixture};
use serde_json::{Value, json};

use crate::{import_json, raw_snapshot};

/// Where a problem sits, as `import` names it.
#[derive(Debug, Clone, Copy)]
enum At {
    /// Index in a JSON array.
    Record(usize),
    /// Line of a JSON Lines or CSV file (the CSV header is line 1).
    Line(u64),
}

impl fmt::Display for At {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            At::Record(i) => write!(f, "fiche [{i}]"),
            At::Line(l) => write!(f, "ligne {l}"),
        }
    }
}

impl At {
    fn json(self) -> Value {
        match self {
            At::Record(i) => json!({ "index": i }),
            At::Line(l) => json!({ "line": l }),
        }
    }
}

/// One expected problem.
#[derive(Debug, Clone, Copy)]
struct Expected {
    /// File name (in the fixture directory).
    file: &'static str,
    at: At,
    field: &'static str,
    class: &'static str,
}

const fn expect(file: &'static str, at: At, field: &'static str, class: &'static str) -> Expected {
    Expected {
        file,
        at,
        field,
        class,
    }
}

/// `(fixture directory under invalid/, the one problem it holds)`.
const CASES: &[(&str, Expected)] = &[
    (
        "unknown_field",
        expect("experts.json", At::Record(1), "skils", "unknown_field"),
    ),
    (
        "missing_field",
        expect("needs.jsonl", At::Line(2), "theme", "missing_field"),
    ),
    (
        "bad_date",
        expect(
            "experts.json",
            At::Record(2),
            "availability[1].to",
            "bad_date",
        ),
    ),
    (
        "window_reversed",
        expect("offers.json", At::Record(1), "window", "window_reversed"),
    ),
    (
        "window_too_short",
        expect("needs.json", At::Record(1), "window", "window_too_short"),
    ),
    (
        "duration_out_of_range",
        expect(
            "needs.csv",
            At::Line(3),
            "duration_days",
            "duration_out_of_range",
        ),
    ),
    (
        "unknown_theme",
        expect("experts.jsonl", At::Line(2), "themes[1]", "unknown_theme"),
    ),
    (
        "unknown_country",
        expect(
            "experts.json",
            At::Record(1),
            "countries[1]",
            "unknown_country",
        ),
    ),
    (
        "unknown_language",
        expect(
            "needs.json",
            At::Record(1),
            "preferred_languages[0].code",
            "unknown_language",
        ),
    ),
    (
        "bad_level",
        expect(
            "experts.csv",
            At::Line(3),
            "languages[2].level",
            "bad_level",
        ),
    ),
    (
        "duplicate_id",
        expect("associations.json", At::Record(2), "id", "duplicate_id"),
    ),
    (
        "duplicate_id_across_kinds",
        expect("needs.json", At::Record(1), "id", "duplicate_id"),
    ),
    (
        "unknown_association",
        expect(
            "needs.json",
            At::Record(1),
            "association",
            "unknown_association",
        ),
    ),
    (
        "unknown_expert",
        expect("offers.json", At::Record(1), "experts[1]", "unknown_expert"),
    ),
    (
        "employee_without_employer",
        expect(
            "experts.json",
            At::Record(1),
            "employer",
            "employee_without_employer",
        ),
    ),
    // Line 2 of this file is blank: JSON Lines numbers count every line.
    (
        "negative_money",
        expect(
            "experts.jsonl",
            At::Line(3),
            "daily_cost_eur",
            "negative_money",
        ),
    ),
    (
        "unknown_departement",
        expect(
            "associations.csv",
            At::Line(3),
            "department",
            "unknown_departement",
        ),
    ),
    (
        "bad_value",
        expect("experts.json", At::Record(1), "status", "bad_value"),
    ),
    (
        "bad_type",
        expect("needs.json", At::Record(0), "duration_days", "bad_type"),
    ),
    (
        "bad_id",
        expect("associations.json", At::Record(1), "id", "bad_id"),
    ),
    (
        "duplicate_field",
        expect(
            "associations.json",
            At::Record(1),
            "name",
            "duplicate_field",
        ),
    ),
    (
        "bad_date_year",
        expect(
            "experts.json",
            At::Record(1),
            "availability[0].from",
            "bad_date",
        ),
    ),
    (
        "empty_languages",
        expect("experts.json", At::Record(1), "languages", "missing_field"),
    ),
];

/// The classes listed under "Validation" in `docs/data-format.md`.
const CONTRACT_CLASSES: &[&str] = &[
    "unknown_field",
    "missing_field",
    "bad_date",
    "window_reversed",
    "window_too_short",
    "duration_out_of_range",
    "unknown_theme",
    "unknown_country",
    "unknown_language",
    "bad_level",
    "duplicate_id",
    "unknown_association",
    "unknown_expert",
    "employee_without_employer",
    "negative_money",
    "bad_id",
    "duplicate_field",
];

/// The `erreur : …` lines of stderr that report one problem (not the final count).
fn issue_lines(stderr: &str) -> Vec<&str> {
    stderr
        .lines()
        .filter(|l| l.starts_with("erreur : ") && !l.contains("rien n’a été importé"))
        .collect()
}

fn file_name(path: &Value) -> Option<&str> {
    Path::new(path.as_str()?).file_name()?.to_str()
}

/// Checks that importing `dir` into `ws` fails with exactly `expected`, in this order,
/// and writes nothing. Returns the failed checks, in words.
fn check_rejected(ws: &TestWorkspace, dir: &Path, expected: &[Expected]) -> Vec<String> {
    let mut failures = Vec::new();
    let dir_arg = dir.to_str().expect("UTF-8 path");
    let before = ws.snapshot();
    let before_raw = raw_snapshot(ws);

    // Text report.
    let out = ws
        .explor(&["import", dir_arg])
        .output()
        .expect("run explor");
    let stderr = String::from_utf8_lossy(&out.stderr);
    if out.status.code() != Some(1) {
        failures.push(format!("exit code {:?}, expected 1", out.status.code()));
    }
    let lines = issue_lines(&stderr);
    if lines.len() != expected.len() {
        failures.push(format!(
            "{} problem lines, expected {}",
            lines.len(),
            expected.len()
        ));
    }
    for e in expected {
        let place = format!("{} : {}", e.file, e.at);
        let field = format!("champ « {} »", e.field);
        if !lines
            .iter()
            .any(|l| l.contains(&place) && l.contains(&field))
        {
            failures.push(format!("no stderr line names `{place}` and `{field}`"));
        }
    }
    let plural = if expected.len() == 1 { "" } else { "s" };
    let count = format!(
        "erreur : {} problème{plural} dans les données ; rien n’a été importé",
        expected.len()
    );
    if !stderr.lines().any(|l| l == count) {
        failures.push(format!("stderr lacks the line `{count}`"));
    }
    if !failures.is_empty() {
        failures.push(format!("stderr was:\n{stderr}"));
    }

    // JSON report.
    let out = ws
        .explor(&["import", dir_arg, "--format", "json"])
        .output()
        .expect("run explor");
    if out.status.code() != Some(1) {
        failures.push(format!(
            "--format json: exit code {:?}, expected 1",
            out.status.code()
        ));
    }
    match serde_json::from_slice::<Value>(&out.stdout) {
        Err(e) => failures.push(format!("--format json: stdout is not JSON ({e})")),
        Ok(report) => {
            let issues = report["issues"].as_array().cloned().unwrap_or_default();
            if report["ok"] != false {
                failures.push("--format json: `ok` is not false".to_owned());
            }
            if issues.len() != expected.len() {
                failures.push(format!(
                    "--format json: {} issues, expected {}",
                    issues.len(),
                    expected.len()
                ));
            }
            for (i, e) in expected.iter().enumerate() {
                let found = issues.get(i).cloned().unwrap_or(Value::Null);
                let wanted = (Some(e.file), e.at.json(), e.field, e.class);
                let got = (
                    file_name(&found["file"]),
                    found["location"].clone(),
                    found["field"].as_str().unwrap_or_default(),
                    found["class"].as_str().unwrap_or_default(),
                );
                if got != wanted {
                    failures.push(format!(
                        "--format json issue {i}: expected {wanted:?}, got {found}"
                    ));
                }
            }
        }
    }

    // Nothing written.
    if ws.snapshot() != before || raw_snapshot(ws) != before_raw {
        failures.push("the workspace changed although the import was refused".to_owned());
    }
    failures
}

#[test]
fn every_invalid_fixture_is_rejected_with_its_file_location_field_and_class() {
    let mut failures = Vec::new();
    for (name, expected) in CASES {
        let ws = TestWorkspace::initialised();
        import_json(&ws, &fixture("valid"));
        let problems = check_rejected(&ws, &fixture(&format!("invalid/{name}")), &[*expected]);
        failures.extend(problems.into_iter().map(|p| format!("invalid/{name}: {p}")));
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn invalid_fixtures_cover_every_class_of_the_contract() {
    for class in CONTRACT_CLASSES {
        assert!(
            CASES.iter().any(|(_, e)| e.class == *class),
            "no invalid fixture for the class {class}"
        );
    }
    let on_disk = std::fs::read_dir(fixture("invalid")).expect("fixtures/invalid exists");
    for entry in on_disk {
        let name = entry.expect("directory entry").file_name();
        let name = name.to_str().expect("UTF-8 name");
        assert!(
            CASES.iter().any(|(case, _)| *case == name),
            "fixtures/invalid/{name} is not in the table of cases"
        );
    }
    // Both kinds of location are exercised, and CSV as well as JSON Lines.
    assert!(CASES.iter().any(|(_, e)| matches!(e.at, At::Record(_))));
    assert!(CASES.iter().any(|(_, e)| e.file.ends_with(".csv")));
    assert!(CASES.iter().any(|(_, e)| e.file.ends_with(".jsonl")));
}

#[test]
fn the_invalid_fixtures_base_is_valid() {
    // If `valid/` itself were refused, every case above would fail for the wrong reason.
    let ws = TestWorkspace::initialised();
    let report = import_json(&ws, &fixture("valid"));
    assert_eq!(report["total"]["added"], 9, "{report:#}");
}

#[test]
fn several_problems_in_several_files_are_all_reported_and_nothing_is_written() {
    let ws = TestWorkspace::initialised();
    let expected = [
        expect("associations.json", At::Record(1), "name", "missing_field"),
        expect("experts.csv", At::Line(2), "consent.valid_to", "bad_date"),
        expect(
            "experts.csv",
            At::Line(4),
            "languages[1].code",
            "unknown_language",
        ),
        expect(
            "needs.json",
            At::Record(1),
            "duration_days",
            "duration_out_of_range",
        ),
        expect("offers.jsonl", At::Line(1), "experts[1]", "unknown_expert"),
    ];
    let failures = check_rejected(&ws, &fixture("several-problems"), &expected);
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
    for kind in crate::KINDS {
        assert_eq!(ws.list_json(kind), json!([]), "{kind} must stay empty");
    }
}

#[test]
fn issues_name_the_record_id() {
    let ws = TestWorkspace::initialised();
    let dir = fixture("invalid/bad_date");
    let out = ws
        .explor(&[
            "import",
            dir.to_str().expect("UTF-8 path"),
            "--format",
            "json",
        ])
        .output()
        .expect("run explor");
    assert_eq!(out.status.code(), Some(1));
    let report: Value = serde_json::from_slice(&out.stdout).expect("JSON report");
    assert_eq!(report["issues"][0]["id"], "exp-n-tarbes", "{report:#}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(
            "experts.json : fiche [2] (exp-n-tarbes) : champ « availability[1].to » : « 30/09/2027 » n’est pas une date"
        ),
        "{stderr}"
    );
}

/// Regression: the csv crate's own line count is one short on CRLF files.
#[test]
fn crlf_csv_problems_are_located_on_their_real_line() {
    let ws = TestWorkspace::initialised();
    ws.write(
        "crlf/associations.csv",
        "\u{feff}id;name;department\r\nasso-n-gers;Gers Solidarité Togo;32\r\nasso-n-tarn;Tarn – Burkina;8I\r\n",
    );
    let expected = [expect(
        "associations.csv",
        At::Line(3),
        "department",
        "unknown_departement",
    )];
    let failures = check_rejected(&ws, &ws.dir().join("crlf"), &expected);
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}
