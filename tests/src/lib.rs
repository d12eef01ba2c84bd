//! # explor-tests
//!
//! End-to-end tests: they run the real `explor` binary on fixture files in temporary
//! workspaces, and look only at what a user sees — exit codes, standard output and
//! error, and what `explor list --format json` reports afterwards.
//!
//! This library holds the shared helpers; the tests are in `tests/e2e/`.
//!
//! One design decision: the `e2e` test target is declared by the `explor` package (the
//! binary's own), with its sources here, so that Cargo builds the binary first and names
//! it in `CARGO_BIN_EXE_explor`. Run them with `cargo test -p explor --test e2e`.
//!
//! ```no_run
//! let ws = explor_tests::TestWorkspace::new();
//! ws.explor(&["init"]).assert().success();
//! ```
#![warn(missing_docs)]

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

pub use assert_cmd::Command;

/// Path of the `explor` binary under test.
///
/// Cargo builds the binary before the end-to-end tests and hands its path to them in
/// `CARGO_BIN_EXE_explor` (the `e2e` test target belongs to the `explor` package for
/// that reason, its sources stay here in `tests/`); no test invokes `cargo` itself.
pub fn explor_bin() -> &'static Path {
    static BIN: OnceLock<PathBuf> = OnceLock::new();
    BIN.get_or_init(|| {
        std::env::var_os("CARGO_BIN_EXE_explor")
            .map(PathBuf::from)
            .expect("run the end-to-end tests through cargo: CARGO_BIN_EXE_explor names the binary")
    })
}

/// The repository's root directory.
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ sits in the repository")
        .to_owned()
}

/// A file or directory under `tests/fixtures/`.
pub fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(rel)
}

/// The bundled sample dataset, `data/sample/`.
pub fn sample_dir() -> PathBuf {
    repo_root().join("data").join("sample")
}

/// A temporary directory with a workspace path inside it (not created until `init`).
pub struct TestWorkspace {
    dir: tempfile::TempDir,
}

impl Default for TestWorkspace {
    fn default() -> Self {
        Self::new()
    }
}

impl TestWorkspace {
    /// A fresh temporary directory.
    pub fn new() -> Self {
        Self {
            dir: tempfile::tempdir().expect("temporary directory"),
        }
    }

    /// A workspace that has been initialised.
    pub fn initialised() -> Self {
        let ws = Self::new();
        ws.explor(&["init"]).assert().success();
        ws
    }

    /// The temporary directory (for writing input files).
    pub fn dir(&self) -> &Path {
        self.dir.path()
    }

    /// The workspace directory.
    pub fn workspace(&self) -> PathBuf {
        self.dir.path().join("ws")
    }

    /// `explor ARGS` against this workspace, run from the temporary directory.
    pub fn explor(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(explor_bin());
        cmd.env("EXPLOR_WORKSPACE", self.workspace())
            .current_dir(self.dir.path())
            .args(args);
        cmd
    }

    /// Writes `text` to `name` in the temporary directory and returns its path.
    pub fn write(&self, name: &str, text: &str) -> PathBuf {
        let path = self.dir.path().join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("create parent");
        }
        std::fs::write(&path, text).expect("write fixture");
        path
    }

    /// `explor list KIND --format json`, parsed.
    pub fn list_json(&self, kind: &str) -> serde_json::Value {
        let out = self
            .explor(&["list", kind, "--format", "json"])
            .output()
            .expect("run explor");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).expect("list prints JSON")
    }

    /// Every record of every kind, as `list --format json` shows them.
    pub fn snapshot(&self) -> serde_json::Value {
        serde_json::json!({
            "associations": self.list_json("associations"),
            "experts": self.list_json("experts"),
            "offers": self.list_json("offers"),
            "needs": self.list_json("needs"),
        })
    }
}
