//! CSV input as French spreadsheets write it, and CSV output read back (properties 3, 4).

use explor_tests::{TestWorkspace, fixture, sample_dir};
use serde_json::{Value, json};

use crate::{KINDS, ids_of, import_json, raw_snapshot, run_ok, singular};

fn show_json(ws: &TestWorkspace, id: &str) -> Value {
    serde_json::from_str(&run_ok(ws, &["show", id, "--format", "json"]))
        .expect("show --format json prints JSON")
}

#[test]
fn semicolon_csv_with_bom_and_accents_imports() {
    let ws = TestWorkspace::initialised();
    let report = import_json(&ws, &fixture("csv-semicolon"));
    for (kind, n) in [
        ("associations", 2),
        ("experts", 4),
        ("offers", 1),
        ("needs", 2),
    ] {
        assert_eq!(
            report["summary"][singular(kind)]["added"],
            n,
            "{kind}: {report:#}"
        );
    }
    // associations.csv starts with a BOM: its first column must still be `id`.
    assert_eq!(
        ids_of(&ws.list_json("associations")),
        ["asso-cevennes-niger", "asso-choeur-afrique"]
    );
}

#[test]
fn show_returns_accented_csv_text_exactly() {
    let ws = TestWorkspace::initialised();
    import_json(&ws, &fixture("csv-semicolon"));

    let helene = show_json(&ws, "exp-csv-helene");
    assert_eq!(helene["name"], "Hélène Lefèvre");
    assert_eq!(helene["home"]["city"], "Nîmes");
    assert_eq!(helene["employer"]["name"], "Écologie des Garrigues");
    assert_eq!(
        helene["skills"],
        json!(["diagnostic déchets", "compostage", "maîtrise d'œuvre"])
    );
    // A `;` inside a quoted text cell is text, not a list separator.
    assert_eq!(
        helene["bio"],
        "Ingénieure, elle a piloté la « filière verte » de Nîmes ; 10 ans d'expérience."
    );
    assert_eq!(helene["themes"], json!(["dechets", "energie"]));
    assert_eq!(
        helene["languages"],
        json!([{"code": "fr", "level": "C2"}, {"code": "en", "level": "B2"}])
    );
    assert_eq!(
        helene["availability"],
        json!([
            {"from": "2027-03-01", "to": "2027-04-30"},
            {"from": "2027-09-01", "to": "2027-09-30"}
        ])
    );
    assert_eq!(helene["daily_cost_eur"], 312.5, "decimal comma `312,50`");

    let francois = show_json(&ws, "exp-csv-francois");
    assert_eq!(francois["name"], "François Beauséjour");
    assert_eq!(francois["home"]["city"], "Saint-Côme-d'Olt");
    assert_eq!(
        francois["skills"],
        json!(["alphabétisation des adultes", "contrôle qualité"])
    );

    let choeur = show_json(&ws, "asso-choeur-afrique");
    assert_eq!(choeur["name"], "Chœur d'Afrique « Rhône-Garonne »");
    assert_eq!(choeur["network_member"], true);
    let cevennes = show_json(&ws, "asso-cevennes-niger");
    assert_eq!(cevennes["name"], "Cévennes–Niger Coopération");
    assert_eq!(cevennes["network_member"], true, "`oui`");
    assert_eq!(cevennes["mecenat_eligible"], false, "`non`");

    let niamey = show_json(&ws, "need-csv-niamey-dechets");
    assert_eq!(
        niamey["description"],
        "« Zéro dépôt sauvage » : caractérisation des flux et compostage de quartier."
    );
    assert_eq!(
        niamey["window"],
        json!({"from": "2027-03-01", "to": "2027-05-31"})
    );
    assert_eq!(niamey["local_partner"]["provides_lodging"], true);
    assert_eq!(niamey["local_partner"]["provides_field_transport"], false);

    let offer = show_json(&ws, "off-csv-garrigue");
    assert_eq!(offer["experts"], json!(["exp-csv-helene"]));
    assert_eq!(offer["skills"], json!(["compostage", "tri à la source"]));
}

#[test]
fn crlf_line_endings_as_excel_writes_them_import_cleanly() {
    let ws = TestWorkspace::initialised();
    ws.write(
        "excel/associations.csv",
        "\u{feff}id;name;department;network_member;mecenat_eligible\r\n\
         asso-n-gers;Gers Solidarité Togo;32;oui;non\r\n\
         asso-n-lot;Lot Cœur de Bénin;46;non;oui\r\n",
    );
    import_json(&ws, &ws.dir().join("excel"));
    let lot = show_json(&ws, "asso-n-lot");
    assert_eq!(lot["name"], "Lot Cœur de Bénin");
    assert_eq!(lot["network_member"], false);
    assert_eq!(
        lot["mecenat_eligible"], true,
        "no stray carriage return in the last cell"
    );
}

/// Exports `kinds` as CSV from `from`, imports the files into a fresh workspace and
/// returns it.
fn reimport_csv_export(from: &TestWorkspace, kinds: &[&str]) -> TestWorkspace {
    reimport_export_as(from, kinds, "csv")
}

/// [`reimport_csv_export`] with the CSV written in `format` (`csv` or `csv-fr`).
fn reimport_export_as(from: &TestWorkspace, kinds: &[&str], format: &str) -> TestWorkspace {
    let to = TestWorkspace::initialised();
    for kind in kinds {
        let csv = run_ok(from, &["list", kind, "--format", format]);
        to.write(&format!("export/{kind}.csv"), &csv);
    }
    import_json(&to, &to.dir().join("export"));
    to
}

#[test]
fn csv_export_of_experts_reimports_to_identical_records() {
    let from = TestWorkspace::initialised();
    import_json(&from, &fixture("csv-semicolon"));
    let to = reimport_csv_export(&from, &["experts"]);
    assert_eq!(
        run_ok(&to, &["list", "experts", "--format", "json"]),
        run_ok(&from, &["list", "experts", "--format", "json"]),
    );
}

#[test]
fn csv_export_of_the_valid_fixture_reimports_to_identical_records() {
    let from = TestWorkspace::initialised();
    import_json(&from, &fixture("valid"));
    let to = reimport_csv_export(&from, &KINDS);
    assert_eq!(raw_snapshot(&to), raw_snapshot(&from));
}

#[test]
fn csv_export_of_the_whole_sample_reimports_to_identical_records() {
    let from = TestWorkspace::initialised();
    import_json(&from, &sample_dir());
    let to = reimport_csv_export(&from, &KINDS);
    assert_eq!(raw_snapshot(&to), raw_snapshot(&from));
}

#[test]
fn csv_fr_is_for_a_french_excel_and_reimports_to_identical_records() {
    let from = TestWorkspace::initialised();
    import_json(&from, &fixture("csv-semicolon"));
    let csv = run_ok(&from, &["list", "experts", "--format", "csv-fr"]);
    assert!(csv.starts_with("\u{feff}id;name;"), "BOM and `;`: {csv}");
    assert!(csv.contains(";312,5;"), "decimal comma: {csv}");
    // Scripts keep `,` and the decimal point, without a BOM.
    let plain = run_ok(&from, &["list", "experts", "--format", "csv"]);
    assert!(plain.starts_with("id,name,") && plain.contains(",312.5,"));

    let to = reimport_export_as(&from, &["experts"], "csv-fr");
    assert_eq!(
        run_ok(&to, &["list", "experts", "--format", "json"]),
        run_ok(&from, &["list", "experts", "--format", "json"]),
    );
}

#[test]
fn every_command_with_csv_output_writes_csv_fr() {
    let ws = TestWorkspace::initialised();
    import_json(&ws, &sample_dir());
    for args in [
        &["match", "need-kin-dechets", "--format", "csv-fr"][..],
        &["match", "--expert", "exp-0007", "--format", "csv-fr"],
        // A French decimal is read in flags too.
        &[
            "batch",
            "--call",
            "2027-printemps",
            "--min-score",
            "0,5",
            "--format",
            "csv-fr",
        ],
    ] {
        let csv = run_ok(&ws, args);
        let header = csv.lines().next().unwrap_or_default();
        assert!(
            header.starts_with('\u{feff}') && header.contains(';') && !header.contains(','),
            "{args:?}: {header}"
        );
        // Scores are written with a decimal comma, never a decimal point.
        let has_decimal_point = csv.lines().skip(1).flat_map(|l| l.split(';')).any(|c| {
            c.split_once('.').is_some_and(|(a, b)| {
                !a.is_empty()
                    && !b.is_empty()
                    && a.bytes().all(|x| x.is_ascii_digit())
                    && b.bytes().all(|x| x.is_ascii_digit())
            })
        });
        assert!(!has_decimal_point, "{args:?}: {csv}");
    }
}
