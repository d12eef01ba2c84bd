//! The output contracts (property 12): what `match`, `search`, `batch`, `cost` and
//! `mission show` print on the bundled sample, in each of their formats, held in insta
//! snapshots.
//!
//! Scripts read the JSON and CSV; people read the tables and the Markdown. A change to
//! any of them shows here as a snapshot diff, to be accepted on purpose
//! (`cargo insta review`) or fixed.

use explor_tests::{TestWorkspace, sample_dir};

use crate::{import_json, run_ok};

/// A workspace holding the bundled sample, and one mission on the Kinshasa need with
/// fixed dates (so that nothing depends on the day the test runs).
fn sample_with_a_mission() -> TestWorkspace {
    let ws = TestWorkspace::initialised();
    import_json(&ws, &sample_dir());
    run_ok(
        &ws,
        &[
            "mission",
            "create",
            "need-kin-dechets",
            "--expert",
            "exp-0007",
            "--on",
            "2026-11-02",
        ],
    );
    run_ok(
        &ws,
        &[
            "mission",
            "advance",
            "mis-0001",
            "terms_drafted",
            "--note",
            "termes envoyés",
            "--on",
            "2026-11-09",
        ],
    );
    ws
}

/// Runs each command line (with the workspace of [`sample_with_a_mission`]) and checks
/// its standard output against the snapshot named after the arguments.
fn check_all(commands: &[&[&str]]) {
    let ws = sample_with_a_mission();
    for args in commands {
        let name = args.join("_").replace([' ', ':', '.', '/'], "-");
        let out = run_ok(&ws, args);
        insta::assert_snapshot!(name, out, &args.join(" "));
    }
}

#[test]
fn match_outputs_are_stable() {
    check_all(&[
        &["match", "need-kin-dechets", "--format", "json"],
        &[
            "match",
            "need-kin-dechets",
            "--include-ineligible",
            "--format",
            "json",
        ],
        &[
            "match",
            "need-kin-dechets",
            "--include-ineligible",
            "--format",
            "csv",
        ],
        &["match", "need-kin-dechets", "--include-ineligible"],
        &["match", "--offer", "off-elec-2027", "--format", "json"],
        &["match", "--offer", "off-elec-2027", "--format", "csv"],
        &["match", "--offer", "off-elec-2027", "--include-ineligible"],
        &["match", "--expert", "exp-0007", "--format", "json"],
    ]);
}

#[test]
fn search_outputs_are_stable() {
    check_all(&[
        &["search", "diagnostic déchets", "--format", "json"],
        &["search", "diagnostic déchets"],
        &[
            "search",
            "eau",
            "--lang",
            "fr:B2",
            "--available",
            "2027-03-01..2027-05-31",
            "--format",
            "json",
        ],
    ]);
}

#[test]
fn batch_outputs_are_stable() {
    check_all(&[
        &["batch", "--call", "2027-printemps", "--format", "json"],
        &["batch", "--call", "2027-printemps", "--format", "csv"],
        &["batch", "--call", "2027-printemps", "--format", "md"],
        &["batch", "--call", "2027-printemps"],
        &["batch", "--format", "md"],
    ]);
}

#[test]
fn cost_outputs_are_stable() {
    check_all(&[
        &[
            "cost",
            "--country",
            "CD",
            "--days",
            "10",
            "--lodging-provided",
            "--format",
            "json",
        ],
        &[
            "cost",
            "--country",
            "CD",
            "--days",
            "10",
            "--lodging-provided",
        ],
        &[
            "cost",
            "--country",
            "SN",
            "--days",
            "12",
            "--employer-share",
            "40",
            "--format",
            "json",
        ],
        &[
            "cost",
            "--country",
            "SN",
            "--days",
            "12",
            "--employer-share",
            "40",
            "--daily-cost",
            "450",
            "--turnover",
            "2000000",
        ],
    ]);
}

#[test]
fn mission_outputs_are_stable() {
    check_all(&[
        &["mission", "show", "mis-0001", "--format", "json"],
        &["mission", "show", "mis-0001"],
        &["mission", "list", "--format", "json"],
        &["mission", "list"],
    ]);
}
