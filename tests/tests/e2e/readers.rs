//! Readers and writers (issue #16 items 4–6): a read-only workspace can be read, a
//! reader is never turned away by a writer, and a damaged or foreign store is refused
//! with a clear message (property 14).

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::Output;

use explor_tests::{TestWorkspace, explor_bin, sample_dir};

use crate::run_ok;

pub(crate) fn sample() -> TestWorkspace {
    let ws = TestWorkspace::initialised();
    run_ok(&ws, &["import", sample_dir().to_str().unwrap()]);
    ws
}

/// The match the tests here compare before and after a change to the files.
const MATCH: &[&str] = &["match", "need-kin-dechets", "--format", "json"];

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
        MATCH,
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

/// Inverts four bytes of `file` at `at` (0.0–1.0) of its length.
fn alter(file: &Path, at: f64) {
    let mut bytes = std::fs::read(file).unwrap();
    #[allow(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        clippy::cast_precision_loss
    )]
    let start = ((bytes.len() as f64) * at) as usize;
    for b in bytes.iter_mut().skip(start).take(4) {
        *b ^= 0xff;
    }
    std::fs::write(file, bytes).unwrap();
}

/// The files of the workspace's index folder whose name `keep` takes, sorted.
fn index_files(ws: &TestWorkspace, keep: impl Fn(&str) -> bool) -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(ws.workspace().join("index"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| keep(&p.file_name().unwrap().to_string_lossy()))
        .collect();
    files.sort();
    files
}

fn segment_files(ws: &TestWorkspace) -> Vec<std::path::PathBuf> {
    // The profiles kept beside the segments are a cache, tested apart.
    index_files(ws, |name| {
        name.len() > 32 && !name.ends_with(".lock") && !name.starts_with("profiles-")
    })
}

fn stderr_of(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A workspace holding a copy of `from`'s files.
pub(crate) fn copy_of(from: &TestWorkspace) -> TestWorkspace {
    let ws = TestWorkspace::new();
    let mut stack = vec![(from.workspace(), ws.workspace())];
    while let Some((src, dst)) = stack.pop() {
        std::fs::create_dir_all(&dst).unwrap();
        for entry in std::fs::read_dir(&src).unwrap() {
            let entry = entry.unwrap();
            let to = dst.join(entry.file_name());
            if entry.file_type().unwrap().is_dir() {
                stack.push((entry.path(), to));
            } else {
                std::fs::copy(entry.path(), to).unwrap();
            }
        }
    }
    ws
}

#[test]
fn a_damaged_index_never_makes_a_command_panic_check_finds_it_and_reindex_repairs_it() {
    let pristine = sample();
    let expected = run_ok(&pristine, MATCH);
    let files = segment_files(&pristine);
    assert!(files.len() >= 5, "{files:?}");
    for file in &files {
        for at in [0.0, 0.5, 0.9, 0.999] {
            let ws = copy_of(&pristine);
            let target = ws.workspace().join("index").join(file.file_name().unwrap());
            alter(&target, at);
            let what = format!("{} at {at}", target.display());

            let matched = ws.explor(MATCH).output().unwrap();
            let code = matched.status.code();
            assert!(
                matches!(code, Some(0 | 1)),
                "{what}: match exited {code:?}: {}",
                stderr_of(&matched)
            );
            assert!(!stderr_of(&matched).contains("panicked"), "{what}");
            if code == Some(1) {
                assert!(
                    stderr_of(&matched).contains("explor reindex"),
                    "{what}: {}",
                    stderr_of(&matched)
                );
            }

            // Whatever match made of it (it may have rebuilt an index it could not open),
            // check tells a damaged index from a sound one.
            let checked = ws.explor(&["check"]).output().unwrap();
            let repaired = stderr_of(&matched).contains("reconstruit");
            assert_eq!(
                checked.status.code(),
                Some(if repaired { 0 } else { 1 }),
                "{what}: check: {}{}",
                String::from_utf8_lossy(&checked.stdout),
                stderr_of(&checked)
            );

            run_ok(&ws, &["reindex"]);
            assert!(
                run_ok(&ws, &["check"]).contains("la base et l’index concordent"),
                "{what}"
            );
            assert_eq!(
                run_ok(&ws, MATCH),
                expected,
                "{what}: after reindex, the same answer as before the damage"
            );
        }
    }
}

/// The files of segment profiles that a match wrote beside the index.
fn profile_files(ws: &TestWorkspace) -> Vec<std::path::PathBuf> {
    index_files(ws, |name| name.starts_with("profiles-"))
}

/// What a test does to a file.
type Damage<'a> = dyn Fn(&Path) + 'a;

#[test]
fn altered_or_cut_profile_files_are_ignored_and_written_again() {
    let pristine = sample();
    let expected = run_ok(&pristine, MATCH);
    // The first match decoded each segment's values and kept them beside the index.
    let files = profile_files(&pristine);
    assert!(!files.is_empty());
    let sound: Vec<Vec<u8>> = files.iter().map(|f| std::fs::read(f).unwrap()).collect();
    assert_eq!(
        run_ok(&pristine, MATCH),
        expected,
        "read back from the files"
    );
    for (file, bytes) in files.iter().zip(&sound) {
        let damages: [(&str, &Damage<'_>); 6] = [
            ("altered at the start", &|f| alter(f, 0.0)),
            ("altered in the middle", &|f| alter(f, 0.5)),
            ("altered at the end", &|f| alter(f, 0.999)),
            ("cut in half", &|f| {
                std::fs::write(f, &bytes[..bytes.len() / 2]).unwrap();
            }),
            ("emptied", &|f| std::fs::write(f, b"").unwrap()),
            ("removed", &|f| std::fs::remove_file(f).unwrap()),
        ];
        for (how, damage) in damages {
            let ws = copy_of(&pristine);
            let target = ws.workspace().join("index").join(file.file_name().unwrap());
            damage(&target);
            let what = format!("{} {how}", target.display());
            assert_eq!(run_ok(&ws, MATCH), expected, "{what}");
            assert_eq!(
                &std::fs::read(&target).unwrap(),
                bytes,
                "{what}: written again"
            );
            assert!(
                run_ok(&ws, &["check"]).contains("la base et l’index concordent"),
                "{what}"
            );
        }
    }
}

#[test]
fn profile_files_name_only_segments_of_the_index() {
    let ws = sample();
    let segments = || -> Vec<String> {
        let meta: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(ws.workspace().join("index/meta.json")).unwrap(),
        )
        .unwrap();
        meta["segments"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["segment_id"].as_str().unwrap().replace('-', ""))
            .collect()
    };
    let named = |files: &[std::path::PathBuf]| -> Vec<String> {
        files
            .iter()
            .map(|f| {
                let name = f.file_name().unwrap().to_string_lossy().into_owned();
                name.trim_start_matches("profiles-")
                    .trim_end_matches(".bin")
                    .to_owned()
            })
            .collect()
    };
    run_ok(&ws, &["match", "need-kin-dechets"]);
    let first = profile_files(&ws);
    assert_eq!(named(&first).len(), segments().len());
    assert!(named(&first).iter().all(|s| segments().contains(s)));
    // An erasure rewrites the segment that held the person: its file goes with it.
    run_ok(&ws, &["remove", "exp-0001"]);
    assert!(
        named(&profile_files(&ws))
            .iter()
            .all(|s| segments().contains(s))
    );
    assert!(profile_files(&ws).len() < first.len());
    run_ok(&ws, &["match", "need-kin-dechets"]);
    let before = profile_files(&ws);
    assert_eq!(named(&before).len(), segments().len());
    // A rebuilt index has new segments: none of the old files is left, and the next
    // match writes the new ones.
    run_ok(&ws, &["reindex"]);
    assert!(profile_files(&ws).is_empty());
    run_ok(&ws, &["match", "need-kin-dechets"]);
    let after = profile_files(&ws);
    assert!(!after.is_empty());
    assert!(named(&after).iter().all(|s| segments().contains(s)));
    assert!(after.iter().all(|f| !before.contains(f)));
}

#[test]
fn an_unreadable_index_metadata_file_is_rebuilt_on_open_not_fatal_to_every_command() {
    let ws = sample();
    let expected = run_ok(&ws, MATCH);
    std::fs::write(ws.workspace().join("index/meta.json"), "garbage").unwrap();
    let out = ws.explor(MATCH).output().unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert!(stderr_of(&out).contains("endommagé"), "{}", stderr_of(&out));
    assert_eq!(String::from_utf8(out.stdout).unwrap(), expected);
    assert!(run_ok(&ws, &["check"]).contains("la base et l’index concordent"));
}
