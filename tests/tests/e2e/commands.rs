//! Workspace handling, user errors and the demo (properties 7 and 8).

use explor_tests::{TestWorkspace, fixture, sample_dir};
use serde_json::Value;

use crate::{KINDS, dataset_ids, import_json, kind_fr, raw_snapshot, run_ok};

#[test]
fn list_without_a_workspace_asks_for_explor_init() {
    let ws = TestWorkspace::new();
    let out = ws
        .explor(&["list", "experts"])
        .output()
        .expect("run explor");
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("explor init"), "{stderr}");
    assert!(out.stdout.is_empty(), "nothing on stdout");
}

#[test]
fn import_without_a_workspace_asks_for_explor_init() {
    let ws = TestWorkspace::new();
    let valid = fixture("valid");
    let out = ws
        .explor(&["import", valid.to_str().expect("UTF-8 path")])
        .output()
        .expect("run explor");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("explor init"));
    assert!(
        !ws.workspace().exists(),
        "a failed command must not create the workspace"
    );
}

#[test]
fn show_of_an_unknown_id_is_a_user_error() {
    let ws = TestWorkspace::initialised();
    import_json(&ws, &fixture("valid"));
    let out = ws
        .explor(&["show", "no-such-id"])
        .output()
        .expect("run explor");
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("no-such-id"), "{stderr}");
    let out = ws
        .explor(&["show", "no-such-id", "--format", "json"])
        .output()
        .expect("run explor");
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn show_finds_a_record_of_any_kind_by_id() {
    let ws = TestWorkspace::initialised();
    import_json(&ws, &fixture("valid"));
    for (kind, ids) in dataset_ids(&fixture("valid")) {
        for id in ids {
            let shown: Value =
                serde_json::from_str(&run_ok(&ws, &["show", &id, "--format", "json"]))
                    .expect("show --format json prints JSON");
            assert_eq!(shown["id"], id.as_str(), "{kind}");
            let table = run_ok(&ws, &["show", &id]);
            assert!(table.contains(&id), "{kind} {id}: {table}");
        }
    }
}

#[test]
fn init_twice_succeeds_and_keeps_the_records() {
    let ws = TestWorkspace::new();
    ws.explor(&["init"]).assert().success();
    import_json(&ws, &fixture("valid"));
    let before = raw_snapshot(&ws);
    ws.explor(&["init"]).assert().success();
    assert_eq!(raw_snapshot(&ws), before, "a second init changes nothing");
}

#[test]
fn bad_usage_exits_with_2() {
    let ws = TestWorkspace::initialised();
    let out = ws
        .explor(&["list", "volunteers"])
        .output()
        .expect("run explor");
    assert_eq!(out.status.code(), Some(2));
    let out = ws.explor(&["import"]).output().expect("run explor");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn importing_a_missing_path_is_a_user_error() {
    let ws = TestWorkspace::initialised();
    let out = ws
        .explor(&["import", "no-such-dir/experts.json"])
        .output()
        .expect("run explor");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no-such-dir"));
}

#[test]
fn a_file_named_otherwise_is_imported_with_kind() {
    let ws = TestWorkspace::initialised();
    let roster = std::fs::read_to_string(fixture("valid/associations.json")).expect("read fixture");
    let path = ws.write("roster-2027.json", &roster);
    let path = path.to_str().expect("UTF-8 path");
    let out = ws.explor(&["import", path]).output().expect("run explor");
    assert_eq!(
        out.status.code(),
        Some(1),
        "the kind cannot be told from the name"
    );
    let report: Value = serde_json::from_str(&run_ok(
        &ws,
        &["import", path, "--kind", "associations", "--format", "json"],
    ))
    .expect("JSON report");
    assert_eq!(report["summary"]["association"]["added"], 2, "{report:#}");
}

#[test]
fn demo_reports_the_import_counts_and_the_worked_example() {
    let ws = TestWorkspace::new();
    let text = run_ok(&ws, &["demo"]);
    let ids = dataset_ids(&sample_dir());
    let total: usize = ids.values().map(Vec::len).sum();
    assert!(
        text.contains(&format!(
            "importé : {total} ajoutée(s), 0 mise(s) à jour, 0 inchangée(s)"
        )),
        "{text}"
    );
    for kind in KINDS {
        let n = ids[kind].len().to_string();
        assert!(
            text.lines().any(|l| {
                let words: Vec<&str> = l.split_whitespace().collect();
                words.starts_with(&[n.as_str(), kind_fr(kind), n.as_str(), "ajoutée(s),"])
            }),
            "no import line for {n} {kind}:\n{text}"
        );
    }
    assert!(text.contains("need-kin-dechets"), "{text}");
    assert!(
        !ws.workspace().exists(),
        "the demo works in its own temporary workspace"
    );
}
