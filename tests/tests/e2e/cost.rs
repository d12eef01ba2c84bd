//! `explor cost`: the standalone cost plan, its JSON keys and the programme's cap.

use explor_tests::TestWorkspace;
use serde_json::Value;

use crate::run_ok;

fn cost(args: &[&str]) -> Value {
    let ws = TestWorkspace::new();
    let mut all = vec!["cost", "--format", "json"];
    all.extend_from_slice(args);
    serde_json::from_str(&run_ok(&ws, &all)).expect("cost prints JSON")
}

#[test]
fn cost_json_has_the_documented_keys_and_applies_the_cap() {
    let plan = cost(&["--country", "CD", "--days", "10", "--experts", "2"]);
    for key in [
        "eligible_cents",
        "network_share_cents",
        "remainder_cents",
        "fee_cents",
        "in_kind_cents",
        "payers",
        "lines",
    ] {
        assert!(plan.get(key).is_some(), "missing {key}: {plan}");
    }
    let eligible = plan["eligible_cents"].as_i64().unwrap();
    let share = plan["network_share_cents"].as_i64().unwrap();
    assert_eq!(
        share,
        (eligible / 2).min(140_000),
        "50 % capped at 1 400 € per mission"
    );
    assert_eq!(plan["remainder_cents"].as_i64().unwrap(), eligible - share);
    assert_eq!(plan["fee_cents"], 20_000);
    let payers = &plan["payers"];
    let paid = payers["network"].as_i64().unwrap()
        + payers["association"].as_i64().unwrap()
        + payers["employer"].as_i64().unwrap();
    assert_eq!(paid, eligible + 20_000);
    let lines = plan["lines"].as_array().unwrap();
    assert!(
        lines.iter().any(|l| l["expert"] == 2),
        "lines are per expert"
    );
    assert!(
        lines
            .iter()
            .all(|l| l["basis"].as_str().is_some_and(|b| !b.is_empty()))
    );
}

#[test]
fn cost_employer_pays_the_remainder_and_the_fee() {
    let plan = cost(&[
        "--country",
        "SN",
        "--days",
        "10",
        "--remainder-payer",
        "employer",
        "--daily-cost",
        "400",
        "--turnover",
        "45000000",
    ]);
    assert_eq!(plan["payers"]["association"], 0);
    assert!(
        plan["mecenat"].is_object(),
        "an employer that pays gets the sponsorship estimate"
    );
}

#[test]
fn cost_without_a_rate_names_the_missing_override() {
    let ws = TestWorkspace::new();
    let out = ws
        .explor(&["cost", "--country", "PE", "--days", "10"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--per-diem"));
    run_ok(
        &ws,
        &[
            "cost",
            "--country",
            "PE",
            "--days",
            "10",
            "--per-diem",
            "150",
        ],
    );
}

#[test]
fn cost_employer_share_splits_the_remainder_and_the_association_pays_the_fee() {
    let plan = cost(&["--country", "SN", "--days", "10", "--employer-share", "40"]);
    let remainder = plan["remainder_cents"].as_i64().unwrap();
    let payers = &plan["payers"];
    let employer = payers["employer"].as_i64().unwrap();
    // 40 % of the remainder, rounded half up to the cent.
    assert_eq!(employer, (remainder * 40 + 50) / 100);
    assert_eq!(
        payers["association"].as_i64().unwrap(),
        remainder - employer + 20_000
    );
    let ws = TestWorkspace::new();
    // The exit code of `explor cost` for a 10-day mission in Senegal with these options.
    let code = |options: &[&str]| {
        let mut args = vec!["cost", "--country", "SN", "--days", "10"];
        args.extend_from_slice(options);
        ws.explor(&args).output().unwrap().status.code()
    };
    for bad in ["140", "-5", "12.345", "abc"] {
        assert_eq!(
            code(&["--employer-share", bad]),
            Some(2),
            "--employer-share {bad}"
        );
    }
    let both = code(&["--employer-share", "40", "--remainder-payer", "employer"]);
    assert_eq!(both, Some(2), "the two ways to say it conflict");
}
