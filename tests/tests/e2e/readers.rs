//! Readers and writers (issue #16 items 4–6): a read-only workspace can be read, a
//! reader is never turned away by a writer, and a damaged or foreign store is refused
//! with a clear message (property 14).

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::Output;

use explor_tests::{TestWorkspace, explor_bin, sample_dir};

use crate::run_ok;

fn sample() -> TestWorkspace {
    let ws = TestWorkspace::initialised();
    run_ok(&ws, &["import", sample_dir().to_str().unwrap()]);
    ws
}

/// Sets every file under `path` to `file_mode` and every folder to `dir_mode`.
fn chmod_tree(path: &Path, file_mode: u32, dir_mode: u32) {
    let meta = std::fs::symlink_metadata(path).unwrap();
    if meta.is_dir() {
        for entry in std::fs::read_dir(path).unwrap() {
            chmod_tree(&entry.unwrap().path(), file_mode, dir_mode);
        }
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(dir_mode)).unwrap();
    } else if meta.is_file() {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(file_mode)).unwrap();
    }
}

/// Every file under `path` with its length and modification time.
fn listing(path: &Path) -> Vec<(String, u64, std::time::SystemTime)> {
    let mut out = Vec::new();
    let mut stack = vec![path.to_owned()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let entry = entry.unwrap();
            let meta = entry.metadata().unwrap();
            if meta.is_dir() {
                stack.push(entry.path());
            } else {
                out.push((
                    entry.path().display().to_string(),
                    meta.len(),
                    meta.modified().unwrap(),
                ));
            }
        }
    }
    out.sort();
    out
}

/// Whether this process is root (who ignores file permissions).
fn is_root() -> bool {
    std::fs::metadata("/proc/self").is_ok_and(|m| std::os::unix::fs::MetadataExt::uid(&m) == 0)
}

/// Runs `explor ARGS` on the workspace as a user the permissions apply to: this user,
/// or `nobody` (through `setpriv`) when the tests run as root. `None` when that is
/// impossible here.
fn explor_unprivileged(ws: &TestWorkspace, args: &[&str]) -> Option<Output> {
    let mut cmd = if is_root() {
        let mut cmd = std::process::Command::new("setpriv");
        cmd.args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"])
            .arg(explor_bin());
        cmd
    } else {
        std::process::Command::new(explor_bin())
    };
    cmd.env("EXPLOR_WORKSPACE", ws.workspace())
        .env_remove("RUST_LOG")
        .current_dir("/")
        .args(args);
    cmd.output().ok()
}

#[test]
fn a_read_only_workspace_can_be_searched_matched_shown_listed_and_checked() {
    let ws = sample();
    // Files without write permission, folders without write permission: as a copy on
    // read-only media would be for explor.
    chmod_tree(&ws.workspace(), 0o444, 0o555);
    std::fs::set_permissions(ws.dir(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let before = listing(&ws.workspace());
    let Some(probe) = explor_unprivileged(&ws, &["--version"]) else {
        eprintln!("skipped: cannot run explor as an unprivileged user here (no setpriv)");
        return;
    };
    if !probe.status.success() {
        eprintln!(
            "skipped: the unprivileged user cannot run the explor binary here: {}",
            String::from_utf8_lossy(&probe.stderr)
        );
        return;
    }
    for args in [
        &["match", "need-kin-dechets", "--format", "json"][..],
        &["search", "diagnostic déchets", "--format", "json"],
        &["show", "need-kin-dechets"],
        &["list", "experts", "--format", "json"],
        &["check"],
    ] {
        let out = explor_unprivileged(&ws, args).unwrap();
        assert!(
            out.status.success(),
            "explor {args:?} on a read-only workspace: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(!out.stdout.is_empty(), "explor {args:?} printed nothing");
    }
    assert_eq!(listing(&ws.workspace()), before, "reading wrote nothing");
    // Let the temporary directory be removed.
    chmod_tree(&ws.workspace(), 0o644, 0o755);
}
