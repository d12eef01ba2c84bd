//! Crash tests (issue #16): an import, an erasure and a batch commit killed (SIGKILL)
//! at a spread of moments leave the workspace whole — the next command opens it,
//! `check` agrees, and each write is there entirely or not at all.

use std::process::{Child, Stdio};
use std::time::Duration;

use explor_tests::TestWorkspace;
use serde_json::Value;

use crate::readers::{copy_of, sample};
use crate::run_ok;

/// Moments to kill at, after the start (ms): from before the workspace is opened to
/// after the write has usually finished.
const KILL_AFTER_MS: [u64; 10] = [0, 3, 8, 15, 30, 60, 100, 160, 250, 400];

fn start(ws: &TestWorkspace, args: &[&str]) -> Child {
    std::process::Command::new(explor_tests::explor_bin())
        .env("EXPLOR_WORKSPACE", ws.workspace())
        .current_dir(ws.dir())
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

fn kill_after(mut child: Child, ms: u64) {
    std::thread::sleep(Duration::from_millis(ms));
    let _ = child.kill();
    let _ = child.wait();
}

/// Opens the workspace again: `check` must agree (it may first bring the index up to
/// the store, which is what any next command does).
fn reopens_whole(ws: &TestWorkspace, what: &str) {
    let out = ws.explor(&["check"]).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success() && stdout.contains("la base et l’index concordent"),
        "{what}: check after the kill:\n{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let leftovers: Vec<_> = std::fs::read_dir(ws.workspace())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".tmp") || n.ends_with('~'))
        .collect();
    assert!(leftovers.is_empty(), "{what}: {leftovers:?}");
}

fn count(ws: &TestWorkspace, kind: &str) -> usize {
    ws.list_json(kind).as_array().unwrap().len()
}

/// `n` more experts: the sample's, under new ids.
fn more_experts(ws: &TestWorkspace, n: usize) -> std::path::PathBuf {
    let text = std::fs::read_to_string(explor_tests::sample_dir().join("experts.json")).unwrap();
    let experts: Vec<Value> = serde_json::from_str(&text).unwrap();
    let mut lines = String::new();
    for i in 0..n {
        let mut e = experts[i % experts.len()].clone();
        e["id"] = Value::from(format!("exp-crash-{i:05}"));
        e["email"] = Value::from(format!("crash{i}@example.org"));
        lines.push_str(&e.to_string());
        lines.push('\n');
    }
    ws.write("more/experts.jsonl", &lines)
}

#[test]
fn an_import_killed_at_any_moment_is_there_entirely_or_not_at_all() {
    let base = sample();
    let before = count(&base, "experts");
    const MORE: usize = 500;
    for ms in KILL_AFTER_MS {
        let ws = copy_of(&base);
        let file = more_experts(&ws, MORE);
        kill_after(start(&ws, &["import", file.to_str().unwrap()]), ms);
        let what = format!("import killed after {ms} ms");
        reopens_whole(&ws, &what);
        let after = count(&ws, "experts");
        assert!(
            after == before || after == before + MORE,
            "{what}: {after} experts, expected {before} or {}",
            before + MORE
        );
        // And the workspace takes the import again.
        run_ok(&ws, &["import", file.to_str().unwrap()]);
        assert_eq!(count(&ws, "experts"), before + MORE, "{what}");
    }
}

#[test]
fn an_erasure_killed_at_any_moment_is_done_entirely_or_not_at_all() {
    let base = sample();
    for ms in KILL_AFTER_MS {
        let ws = copy_of(&base);
        kill_after(start(&ws, &["remove", "exp-0007"]), ms);
        let what = format!("erasure killed after {ms} ms");
        reopens_whole(&ws, &what);
        let shown = ws.explor(&["show", "exp-0007"]).output().unwrap();
        let found = ws
            .explor(&["search", "Vidal", "--format", "json"])
            .output()
            .unwrap();
        assert!(found.status.success(), "{what}");
        if shown.status.success() {
            // Not erased: still whole.
            let text = String::from_utf8_lossy(&shown.stdout);
            assert!(text.contains("exp-0007"), "{what}: {text}");
            // And it can be erased now.
            run_ok(&ws, &["remove", "exp-0007"]);
        } else {
            // Erased: gone from the search too.
            let hits = String::from_utf8_lossy(&found.stdout);
            assert!(!hits.contains("exp-0007"), "{what}: {hits}");
        }
    }
}

#[test]
fn a_batch_commit_killed_at_any_moment_makes_all_its_missions_or_none() {
    let base = sample();
    let full = {
        let ws = copy_of(&base);
        run_ok(&ws, &["batch", "--call", "2027-printemps", "--commit"]);
        missions(&ws)
    };
    assert!(full > 1, "the call's batch makes several missions");
    for ms in KILL_AFTER_MS {
        let ws = copy_of(&base);
        kill_after(
            start(&ws, &["batch", "--call", "2027-printemps", "--commit"]),
            ms,
        );
        let what = format!("batch commit killed after {ms} ms");
        reopens_whole(&ws, &what);
        let made = missions(&ws);
        assert!(
            made == 0 || made == full,
            "{what}: {made} missions of {full}"
        );
    }
}

fn missions(ws: &TestWorkspace) -> usize {
    let list: Value =
        serde_json::from_str(&run_ok(ws, &["mission", "list", "--format", "json"])).unwrap();
    list.as_array().map_or(0, Vec::len)
}
