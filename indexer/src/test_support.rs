//! What the indexer's tests share: a workspace holding the bundled sample.

use std::path::Path;

use explor_engine::Reference;

use crate::{Workspace, load};

/// A workspace in a temporary directory with the sample dataset imported.
pub(crate) fn sample_workspace() -> (tempfile::TempDir, Workspace) {
    let dir = tempfile::tempdir().unwrap();
    let (mut ws, _) = Workspace::init(&dir.path().join("ws")).unwrap();
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("../data/sample");
    ws.import(load(&sample, None).unwrap(), &Reference::embedded())
        .unwrap();
    (dir, ws)
}
