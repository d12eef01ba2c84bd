//! Everything a person reads is French (issue #17 item 6): `--help`, the explanations
//! of `match`, the batch report, mission states (typed as labels too), import errors;
//! what scripts read (JSON keys, ids, machine codes) is unchanged.

use explor_tests::{TestWorkspace, fixture, sample_dir};
use serde_json::Value;

use crate::run_ok;

fn sample() -> TestWorkspace {
    let ws = TestWorkspace::initialised();
    run_ok(&ws, &["import", sample_dir().to_str().unwrap()]);
    ws
}

#[test]
fn help_is_in_french_with_clap_s_own_words_too() {
    let ws = TestWorkspace::new();
    let help = run_ok(&ws, &["--help"]);
    for said in [
        "Utilisation : explor",
        "Commandes:",
        "Importer un dossier de données",
        "Afficher l'aide",
        "Afficher la version",
    ] {
        assert!(help.contains(said), "{said:?} in {help}");
    }
    for english in ["Usage:", "Print help", "Import a dataset"] {
        assert!(!help.contains(english), "{english:?} in {help}");
    }
    let advance = run_ok(&ws, &["mission", "advance", "--help"]);
    assert!(advance.contains("termes rédigés"), "{advance}");
    let batch = run_ok(&ws, &["batch", "--help"]);
    assert!(batch.contains("Format de sortie"), "{batch}");
    // A mistake on the command line: exit 2, clap's frame in French.
    let out = ws.explor(&["match", "--top", "0", "x"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.starts_with("erreur : "), "{stderr}");
    assert!(
        stderr.contains("Pour en savoir plus : '--help'."),
        "{stderr}"
    );
}

#[test]
fn match_explains_each_criterion_in_french_and_json_keeps_its_keys() {
    let ws = sample();
    let table = run_ok(&ws, &["match", "need-kin-dechets", "--top", "3"]);
    assert!(table.contains("compétences en commun : "), "{table}");
    assert!(
        table.contains("jours dans la période 01/03/2027–31/05/2027"),
        "{table}"
    );
    assert!(
        table.contains("pourquoi") && table.contains("à vérifier"),
        "{table}"
    );
    for english in ["skills in common", "days within", "same theme", "why"] {
        assert!(!table.contains(english), "{english:?} in {table}");
    }
    let json: Value = serde_json::from_str(&run_ok(
        &ws,
        &["match", "need-kin-dechets", "--format", "json"],
    ))
    .unwrap();
    let first = &json["candidates"][0];
    assert_eq!(first["criteria"][0]["name"], "theme", "ids stay");
    assert!(
        first["criteria"][0]["detail"]
            .as_str()
            .unwrap()
            .starts_with("même thématique : "),
        "{first:#}"
    );
}

#[test]
fn the_batch_report_says_needs_covered_and_never_the_solver_s_weight() {
    let ws = sample();
    for format in ["table", "md"] {
        let text = run_ok(
            &ws,
            &["batch", "--call", "2027-printemps", "--format", format],
        );
        assert!(text.contains("besoins couverts sur"), "{text}");
        assert!(text.contains("score total 1669,33"), "{text}");
        assert!(
            !text.contains("objective") && !text.contains("166933"),
            "{text}"
        );
    }
    let json: Value = serde_json::from_str(&run_ok(
        &ws,
        &["batch", "--call", "2027-printemps", "--format", "json"],
    ))
    .unwrap();
    assert_eq!(json["objective"]["total_weight"], 166_933, "JSON keeps it");
}

#[test]
fn an_import_error_is_french_and_its_class_stays() {
    let ws = TestWorkspace::initialised();
    let dir = fixture("invalid/bad_level");
    let out = ws
        .explor(&["import", dir.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("n’est pas un niveau CECRL"), "{stderr}");
    assert!(stderr.contains("rien n’a été importé"), "{stderr}");
    assert!(
        stderr.lines().all(|l| l.starts_with("erreur : ")),
        "{stderr}"
    );
    let json = ws
        .explor(&["import", dir.to_str().unwrap(), "--format", "json"])
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(report["issues"][0]["class"], "bad_level");
}

#[test]
fn a_missing_workspace_is_said_in_french_with_a_hint() {
    let ws = TestWorkspace::new();
    let out = ws.explor(&["list", "experts"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("erreur : aucun espace de travail explor"),
        "{stderr}"
    );
    assert!(
        stderr.contains("conseil : lancez d’abord `explor init`"),
        "{stderr}"
    );
}
