//! Search index and matching, from the command line: search, remove (GDPR erasure),
//! check, reindex, the workspace lock, and `match` in its three directions.

use std::collections::BTreeSet;

use explor_tests::{TestWorkspace, sample_dir};
use serde_json::Value;

use crate::run_ok;

fn sample() -> TestWorkspace {
    let ws = TestWorkspace::initialised();
    run_ok(&ws, &["import", sample_dir().to_str().unwrap()]);
    ws
}

fn json(ws: &TestWorkspace, args: &[&str]) -> Value {
    serde_json::from_str(&run_ok(ws, args)).expect("JSON output")
}

const GATES: [&str; 8] = [
    "consent",
    "availability",
    "language",
    "duration",
    "home",
    "travel_advice",
    "headcount",
    "countries",
];

#[test]
fn match_json_has_the_documented_shape_and_order() {
    let ws = sample();
    let out = json(
        &ws,
        &[
            "match",
            "need-kin-dechets",
            "--top",
            "50",
            "--include-ineligible",
            "--format",
            "json",
        ],
    );
    assert_eq!(out["need"], "need-kin-dechets");
    let candidates = out["candidates"].as_array().unwrap();
    assert_eq!(candidates[0]["id"], "exp-0007");
    for c in candidates {
        for key in ["id", "kind", "score", "start", "end", "criteria"] {
            assert!(c.get(key).is_some(), "candidate lacks {key}: {c}");
        }
        let kind = c["kind"].as_str().unwrap();
        assert!(kind == "expert" || kind == "offer");
        let mut sum = 0.0;
        for k in c["criteria"].as_array().unwrap() {
            for key in ["name", "value", "weight", "contribution", "detail"] {
                assert!(k.get(key).is_some(), "criterion lacks {key}: {k}");
            }
            sum += k["contribution"].as_f64().unwrap();
        }
        assert!((sum - c["score"].as_f64().unwrap()).abs() < 0.02);
    }
    let scores: Vec<(f64, &str)> = candidates
        .iter()
        .map(|c| (c["score"].as_f64().unwrap(), c["id"].as_str().unwrap()))
        .collect();
    assert!(
        scores
            .windows(2)
            .all(|p| p[0].0 > p[1].0 || (p[0].0 == p[1].0 && p[0].1 < p[1].1))
    );
    let excluded = out["excluded"].as_array().unwrap();
    assert!(!excluded.is_empty());
    for x in excluded {
        let reasons = x["reasons"].as_array().unwrap();
        assert!(!reasons.is_empty());
        for r in reasons {
            assert!(GATES.contains(&r["gate"].as_str().unwrap()), "{r}");
            assert!(!r["detail"].as_str().unwrap().is_empty());
        }
    }
    // Every expert and offer is either a candidate or excluded, once.
    let listed: BTreeSet<&str> = candidates
        .iter()
        .chain(excluded)
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    let experts = json(&ws, &["list", "experts", "--format", "json"])
        .as_array()
        .unwrap()
        .len();
    let offers = json(&ws, &["list", "offers", "--format", "json"])
        .as_array()
        .unwrap()
        .len();
    assert_eq!(listed.len(), experts + offers);
}

#[test]
fn match_for_an_offer_ranks_the_electrification_needs_first() {
    let ws = sample();
    let out = json(
        &ws,
        &["match", "--offer", "off-elec-2027", "--format", "json"],
    );
    let needs: Vec<&str> = out["needs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        &needs[..2],
        &["need-mg-minireseau-sante", "need-sn-pompage-solaire"]
    );
    assert!(
        !needs.contains(&"need-kin-dechets"),
        "a waste survey shares neither theme nor skill with a solar offer: {needs:?}"
    );
    assert!(out["outside_field"].as_u64().unwrap() > 0);
    let table = run_ok(&ws, &["match", "--offer", "off-elec-2027"]);
    assert!(table.contains("sans thème ni compétence en commun ne sont pas listés"));
    let expert = json(&ws, &["match", "--expert", "exp-0007", "--format", "json"]);
    assert_eq!(expert["needs"][0]["id"], "need-kin-dechets");
}

#[test]
fn match_reports_user_mistakes() {
    let ws = sample();
    let out = ws.explor(&["match", "exp-0007"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("exp-0007 est un expert, pas un besoin"));
    let out = ws.explor(&["match"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let csv = run_ok(&ws, &["match", "need-kin-dechets", "--format", "csv"]);
    assert!(csv.starts_with("rank,id,kind,name,eligible,score,start,end,theme,skills"));
    let table = run_ok(&ws, &["match", "need-kin-dechets", "--top", "3"]);
    assert!(table.contains("Hélène Bousquet"));
}

#[test]
fn pending_consent_is_shown_only_on_request() {
    let ws = sample();
    let ids = |args: &[&str]| -> BTreeSet<String> {
        let out = json(&ws, args);
        out["candidates"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["id"].as_str().unwrap().to_owned())
            .collect()
    };
    let base = ids(&[
        "match",
        "need-kin-dechets",
        "--top",
        "100",
        "--format",
        "json",
    ]);
    let with = ids(&[
        "match",
        "need-kin-dechets",
        "--top",
        "100",
        "--include-pending",
        "--format",
        "json",
    ]);
    assert!(base.is_subset(&with));
    assert!(
        with.len() > base.len(),
        "the sample has a waste expert whose consent is pending"
    );
}

#[test]
fn search_finds_french_words_with_or_without_accents() {
    let ws = sample();
    let hits = |q: &str| -> Vec<String> {
        let out = json(&ws, &["search", q, "--format", "json"]);
        out["hits"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| h["id"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(hits("déchets"), hits("dechets"), "accents are optional");
    let set = |v: Vec<String>| v.into_iter().collect::<BTreeSet<_>>();
    // Singular and plural stem alike (names are not stemmed, so only the set is compared).
    assert_eq!(set(hits("déchets")), set(hits("déchet")));
    assert!(hits("électrification").contains(&"off-elec-2027".to_owned()));
    let out = ws
        .explor(&["search", "x", "--available", "2027-05-01..2027-04-01"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn removing_an_expert_erases_them_everywhere() {
    let ws = sample();
    let out = run_ok(&ws, &["remove", "exp-0101"]);
    assert!(out.contains("effacé·e"), "{out}");
    let experts = run_ok(&ws, &["list", "experts", "--format", "json"]);
    assert!(!experts.contains("exp-0101"));
    let hits = run_ok(&ws, &["search", "", "--top", "500", "--format", "json"]);
    assert!(!hits.contains("exp-0101"));
    let show = ws.explor(&["show", "exp-0101"]).output().unwrap();
    assert_eq!(show.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&show.stderr).contains("effacé·e"));
    // The offer that named them says so plainly.
    let offer = run_ok(&ws, &["show", "off-elec-2027"]);
    assert!(
        offer.contains("exp-0101, cité par cette offre, a été effacé·e"),
        "{offer}"
    );
    run_ok(&ws, &["check"]);
    // An association still named by needs cannot go.
    let out = ws.explor(&["remove", "asso-eau-vive"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn a_missing_index_is_rebuilt_with_a_note_and_check_agrees() {
    let ws = sample();
    std::fs::remove_dir_all(ws.workspace().join("index")).unwrap();
    let out = ws.explor(&["check"]).output().unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("reconstruit"));
    assert!(String::from_utf8_lossy(&out.stdout).contains("la base et l’index concordent"));
    let out = run_ok(&ws, &["reindex"]);
    assert!(out.contains("reconstruit"));
}

#[test]
fn a_second_writer_gets_a_clear_locked_error() {
    let ws = sample();
    let lock = std::fs::File::options()
        .write(true)
        .open(ws.workspace().join("explor.lock"))
        .unwrap();
    lock.try_lock().unwrap();
    let out = ws
        .explor(&["import", sample_dir().to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("verrouillé par un autre processus explor")
    );
    drop(lock);
    run_ok(&ws, &["import", sample_dir().to_str().unwrap()]);
}

#[test]
fn when_nobody_is_eligible_match_says_why_a_line_per_gate() {
    let ws = sample();
    // Burkina Faso is formally advised against: every candidate fails that gate.
    let table = run_ok(&ws, &["match", "need-bf-solaire-villages"]);
    assert!(table.contains("aucun candidat éligible"), "{table}");
    let travel = table
        .lines()
        .find(|l| l.contains("candidats exclus") && l.contains("Burkina Faso"))
        .unwrap_or_else(|| panic!("a line for the destination:\n{table}"));
    let listed = json(
        &ws,
        &[
            "match",
            "need-bf-solaire-villages",
            "--include-ineligible",
            "--format",
            "json",
        ],
    );
    let excluded = listed["excluded"].as_array().unwrap().len();
    assert!(
        travel
            .trim_start()
            .starts_with(&format!("{excluded} candidats exclus"))
    );
    assert!(!table.contains("exp-0001"), "no row per person");
    // The destination is the reason, said without judging each candidate against the
    // other gates (`--include-ineligible` lists them).
    assert_eq!(
        table
            .lines()
            .filter(|l| l.contains("candidats exclus"))
            .count(),
        1,
        "{table}"
    );
}
