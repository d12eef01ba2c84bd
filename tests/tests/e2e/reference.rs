//! The vocabularies and reference tables from the command line, and values written as
//! French spreadsheets write them (issue #17 items 4 and 13; property 15).

use explor_tests::{TestWorkspace, fixture};
use serde_json::Value;

use crate::{import_json, run_ok};

fn json(ws: &TestWorkspace, args: &[&str]) -> Value {
    serde_json::from_str(&run_ok(ws, args)).expect("JSON output")
}

/// The CSV fixture's experts file with some cells rewritten.
fn experts_csv(replacements: &[(&str, &str)]) -> String {
    let mut text = std::fs::read_to_string(fixture("csv-semicolon").join("experts.csv"))
        .expect("fixture experts.csv");
    for (from, to) in replacements {
        assert!(text.contains(from), "{from} in the fixture");
        text = text.replacen(from, to, 1);
    }
    text
}

#[test]
fn french_numbers_lower_case_levels_and_theme_labels_import() {
    let ws = TestWorkspace::initialised();
    ws.write(
        "fr/experts.csv",
        &experts_csv(&[
            (";312,50;", ";1\u{202f}312,50;"),
            ("\"fr:C2;en:B2\"", "\"fr:c2;en:b2\""),
            ("\"dechets;energie\"", "\"Déchets;Eau et assainissement\""),
        ]),
    );
    import_json(&ws, &ws.dir().join("fr/experts.csv"));
    let helene = json(&ws, &["show", "exp-csv-helene", "--format", "json"]);
    assert_eq!(helene["daily_cost_eur"], 1312.5);
    assert_eq!(
        helene["languages"],
        serde_json::json!([{"code": "fr", "level": "C2"}, {"code": "en", "level": "B2"}])
    );
    assert_eq!(
        helene["themes"],
        serde_json::json!(["dechets", "eau_assainissement"])
    );
    // The command line reads them the same way.
    let found = run_ok(
        &ws,
        &[
            "search",
            "compostage",
            "--theme",
            "Gestion des déchets",
            "--lang",
            "fr:c2",
            "--format",
            "json",
        ],
    );
    assert!(found.contains("exp-csv-helene"), "{found}");
}

#[test]
fn a_comma_separated_list_and_an_unknown_theme_say_what_to_write() {
    let ws = TestWorkspace::initialised();
    ws.write(
        "bad/experts.csv",
        &experts_csv(&[("\"dechets;energie\"", "\"dechet,energie\"")]),
    );
    let out = ws
        .explor(&["import", "bad/experts.csv"])
        .output()
        .expect("run explor");
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("champ « themes[0] »"), "{stderr}");
    assert!(stderr.contains("les plus proches : dechets"), "{stderr}");
    assert!(
        stderr.contains("séparez les éléments d’une liste par \";\""),
        "{stderr}"
    );
}

#[test]
fn the_vocabularies_are_listed_as_tables_and_json() {
    let ws = TestWorkspace::new();
    let themes = json(&ws, &["themes", "--format", "json"]);
    let env = themes
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["key"] == "environnement")
        .expect("environnement");
    assert_eq!(env["label_fr"], "Environnement");
    assert!(
        env["children"]
            .as_array()
            .unwrap()
            .contains(&"dechets".into())
    );
    assert_eq!(
        json(&ws, &["reference", "themes", "--format", "json"]),
        themes
    );
    let table = run_ok(&ws, &["reference", "themes"]);
    assert!(table.contains("Gestion des déchets") && table.contains("eau_assainissement"));
    assert!(
        table.contains("sous-thématiques") && !table.contains("sub-themes"),
        "{table}"
    );

    let countries = json(&ws, &["reference", "countries", "--format", "json"]);
    assert!(
        countries
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["code"] == "CD")
    );
    let languages = json(&ws, &["reference", "languages", "--format", "json"]);
    assert!(
        languages
            .as_array()
            .unwrap()
            .iter()
            .any(|l| l["code"] == "wo")
    );
    let statuses = json(&ws, &["reference", "statuses", "--format", "json"]);
    assert_eq!(statuses.as_array().unwrap().len(), 4);
    let consents = json(&ws, &["reference", "consents", "--format", "json"]);
    assert_eq!(consents["schemes"][0]["key"], "mecenat_competences");
    assert_eq!(consents["statuses"][3]["key"], "not_required");
}

/// The status entry of one table.
fn table_status(ws: &TestWorkspace, table: &str) -> Value {
    json(ws, &["reference", "status", "--format", "json"])
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["table"] == table)
        .unwrap_or_else(|| panic!("no {table} in the status"))
        .clone()
}

#[test]
fn status_dates_every_table_and_warns_of_old_rates() {
    let ws = TestWorkspace::initialised();
    let all = json(&ws, &["reference", "status", "--format", "json"]);
    for t in all.as_array().unwrap() {
        assert!(t["date"].as_str().is_some_and(|d| !d.is_empty()), "{t}");
        assert!(t["source"].as_str().is_some_and(|s| !s.is_empty()), "{t}");
        assert_eq!(t["origin"], "embedded");
    }
    // The built-in dollar rate dates from 2024-12-31: more than a year old.
    let usd = table_status(&ws, "costs.json currencies USD");
    assert_eq!(usd["stale"], true);
    assert_eq!(usd["max_age_months"], 12);
    // A fixed parity never goes stale.
    assert_eq!(
        table_status(&ws, "costs.json currencies XOF")["stale"],
        false
    );
    let text = run_ok(&ws, &["reference", "status"]);
    assert!(
        text.contains("avertissement : costs.json currencies USD")
            && text.contains("explor reference import"),
        "{text}"
    );
    // Read by a person: in French, the sources of the tables too.
    for word in [
        "origine",
        "intégrée",
        "12 mois",
        "ancienne",
        "à jour",
        "Thématiques d'explor",
    ] {
        assert!(text.contains(word), "« {word} » missing:\n{text}");
    }
    for english in [
        "built in",
        "months",
        "OLD",
        "origin ",
        "generated by",
        "explor's",
    ] {
        assert!(!text.contains(english), "« {english} » in:\n{text}");
    }
}

fn eligible_cents(ws: &TestWorkspace, country: &str) -> i64 {
    json(
        ws,
        &[
            "cost",
            "--country",
            country,
            "--days",
            "10",
            "--format",
            "json",
        ],
    )["eligible_cents"]
        .as_i64()
        .expect("eligible_cents")
}

#[test]
fn imported_rates_and_per_diem_replace_the_built_in_ones_for_cost_plans() {
    let ws = TestWorkspace::initialised();
    let haiti_before = eligible_cents(&ws, "HT");
    let congo_before = eligible_cents(&ws, "CD");

    ws.write(
        "eurofxref.csv",
        "Date, USD, JPY, BGN, \n04 December 2026, 1.2000, 161.23, 1.9558, \n",
    );
    run_ok(&ws, &["reference", "import", "eurofxref.csv"]);
    let usd = table_status(&ws, "costs.json currencies USD");
    assert_eq!(usd["origin"], "workspace");
    assert_eq!(usd["date"], "2026-12-04");
    // 220 USD a day is fewer euros at 1.20 than at 1.0389.
    assert!(eligible_cents(&ws, "HT") < haiti_before);

    ws.write(
        "bareme.csv",
        "Pays;Ville;Devise;Taux;Depuis\n\
         République démocratique du Congo;;EUR;250,00;2026-01-01\n\
         Haïti;;USD;220;2026-01-01\n",
    );
    let report = json(
        &ws,
        &["reference", "import", "bareme.csv", "--format", "json"],
    );
    assert_eq!(report["table"], "per_diem_abroad");
    // 10 days at 250 € instead of 240 €.
    assert_eq!(eligible_cents(&ws, "CD"), congo_before + 10_000);
    let per_diem = table_status(&ws, "costs.json per_diem_abroad");
    assert_eq!(per_diem["date"], "2026-01-01");
    assert_eq!(per_diem["origin"], "workspace");
    // The USD rate imported before is kept.
    assert_eq!(
        table_status(&ws, "costs.json currencies USD")["date"],
        "2026-12-04"
    );
}

#[test]
fn a_bad_table_is_refused_with_file_line_and_field_and_nothing_is_written() {
    let ws = TestWorkspace::initialised();
    ws.write(
        "bareme.csv",
        "pays;devise;taux\nCD;EUR;240\nAtlantide;EUR;100\nSN;XOF;1.400,50\n",
    );
    let out = ws
        .explor(&["reference", "import", "bareme.csv"])
        .output()
        .expect("run explor");
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("bareme.csv : ligne 3 : champ « pays » : « Atlantide » n’est pas un pays"),
        "{stderr}"
    );
    assert!(
        stderr.contains("bareme.csv : ligne 4 : champ « taux » : « 1.400,50 »"),
        "{stderr}"
    );
    assert!(stderr.contains("rien n’a été importé"), "{stderr}");
    assert!(!ws.workspace().join("reference").join("costs.json").exists());
    assert_eq!(
        table_status(&ws, "costs.json per_diem_abroad")["origin"],
        "embedded"
    );
}
