//! Importing the bundled sample, and importing again (properties 1 and 2).

use explor_tests::{TestWorkspace, sample_dir};
use serde_json::Value;

use crate::{KINDS, dataset_ids, ids_of, import_json, kind_fr, raw_snapshot, run_ok, singular};

/// Total number of records in the sample files.
fn sample_total() -> usize {
    dataset_ids(&sample_dir()).values().map(Vec::len).sum()
}

#[test]
fn sample_imports_with_the_counts_of_its_files() {
    let expected = dataset_ids(&sample_dir());
    let ws = TestWorkspace::initialised();
    let report = import_json(&ws, &sample_dir());
    for kind in KINDS {
        let counts = &report["summary"][singular(kind)];
        assert_eq!(counts["added"], expected[kind].len(), "{kind}: {report:#}");
        assert_eq!(counts["updated"], 0, "{kind}: {report:#}");
        assert_eq!(counts["unchanged"], 0, "{kind}: {report:#}");
    }
    assert_eq!(report["total"]["added"], sample_total(), "{report:#}");
}

#[test]
fn sample_import_prints_one_line_per_kind_and_the_totals() {
    let expected = dataset_ids(&sample_dir());
    let ws = TestWorkspace::initialised();
    let text = run_ok(&ws, &["import", sample_dir().to_str().expect("UTF-8 path")]);
    for kind in KINDS {
        let n = expected[kind].len();
        assert!(
            text.lines().any(|l| {
                let words: Vec<&str> = l.split_whitespace().collect();
                words.starts_with(&[&n.to_string(), kind_fr(kind), &n.to_string(), "ajoutée(s),"])
            }),
            "no line for {n} {kind}:\n{text}"
        );
    }
    let total = sample_total();
    assert!(
        text.contains(&format!(
            "importé : {total} ajoutée(s), 0 mise(s) à jour, 0 inchangée(s)"
        )),
        "{text}"
    );
}

#[test]
fn sample_lists_every_record_sorted_by_id() {
    let expected = dataset_ids(&sample_dir());
    let ws = TestWorkspace::initialised();
    import_json(&ws, &sample_dir());
    for kind in KINDS {
        let listed = ids_of(&ws.list_json(kind));
        let mut sorted = expected[kind].clone();
        sorted.sort();
        assert_eq!(
            listed, sorted,
            "{kind}: list --format json must give every id, sorted"
        );
    }
}

#[test]
fn reimporting_the_sample_changes_nothing() {
    let expected = dataset_ids(&sample_dir());
    let ws = TestWorkspace::initialised();
    import_json(&ws, &sample_dir());
    let before = raw_snapshot(&ws);
    let report = import_json(&ws, &sample_dir());
    for kind in KINDS {
        let counts = &report["summary"][singular(kind)];
        assert_eq!(counts["added"], 0, "{kind}: {report:#}");
        assert_eq!(counts["updated"], 0, "{kind}: {report:#}");
        assert_eq!(
            counts["unchanged"],
            expected[kind].len(),
            "{kind}: {report:#}"
        );
    }
    assert_eq!(
        raw_snapshot(&ws),
        before,
        "an unchanged re-import must not alter any record"
    );
    let total = sample_total();
    let text = run_ok(&ws, &["import", sample_dir().to_str().expect("UTF-8 path")]);
    assert!(
        text.contains(&format!(
            "importé : 0 ajoutée(s), 0 mise(s) à jour, {total} inchangée(s)"
        )),
        "{text}"
    );
}

#[test]
fn reimporting_with_one_record_modified_updates_exactly_that_record() {
    let ws = TestWorkspace::initialised();
    import_json(&ws, &sample_dir());

    // A copy of the sample in which the second expert has done one more mission.
    let copy = ws.dir().join("sample-changed");
    for kind in KINDS {
        let name = format!("{kind}.json");
        let text = std::fs::read_to_string(sample_dir().join(&name)).expect("read sample");
        let text = if kind == "experts" {
            let mut experts: Vec<Value> = serde_json::from_str(&text).expect("experts.json");
            let done = experts[1]["missions_done"].as_u64().unwrap_or(0);
            experts[1]["missions_done"] = Value::from(done + 1);
            serde_json::to_string_pretty(&experts).expect("serialise")
        } else {
            text
        };
        ws.write(&format!("sample-changed/{name}"), &text);
    }
    let changed_id = dataset_ids(&copy)["experts"][1].clone();
    let before: Value =
        serde_json::from_str(&run_ok(&ws, &["show", &changed_id, "--format", "json"]))
            .expect("show --format json prints JSON");

    let report = import_json(&ws, &copy);
    assert_eq!(report["total"]["added"], 0, "{report:#}");
    assert_eq!(report["total"]["updated"], 1, "{report:#}");
    assert_eq!(
        report["total"]["unchanged"],
        sample_total() - 1,
        "{report:#}"
    );
    assert_eq!(report["summary"]["expert"]["updated"], 1, "{report:#}");

    let after: Value =
        serde_json::from_str(&run_ok(&ws, &["show", &changed_id, "--format", "json"]))
            .expect("show --format json prints JSON");
    let done_before = before["missions_done"]
        .as_u64()
        .expect("missions_done is a number");
    assert_eq!(
        after["missions_done"],
        done_before + 1,
        "the update is stored"
    );
}
