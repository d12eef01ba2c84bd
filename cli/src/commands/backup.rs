//! `explor backup` and `explor restore`.

use std::path::Path;

use anyhow::{Context, Result};
use explor_indexer::Workspace;

use crate::args::{BackupArgs, RestoreArgs};
use crate::output;

pub fn backup(ws: &Workspace, args: &BackupArgs) -> Result<()> {
    ws.backup(&args.file)
        .with_context(|| explor_engine::fr::cli::cannot_back_up(args.file.display()))?;
    output::stdout().line(format_args!(
        "{}",
        explor_engine::fr::cli::backup_written(args.file.display())
    ))?;
    Ok(())
}

pub fn restore(workspace: &Path, args: &RestoreArgs) -> Result<()> {
    let dir = args.dir.as_deref().unwrap_or(workspace);
    let (_ws, restored) = Workspace::restore(&args.file, dir, &args.erasures)
        .with_context(|| format!("impossible de restaurer {}", args.file.display()))?;
    let mut out = output::stdout();
    out.line(format_args!(
        "{}",
        explor_engine::fr::cli::restored(restored.records, args.file.display(), dir.display())
    ))?;
    out.line(format_args!(
        "{}",
        explor_engine::fr::cli::erasures_reapplied(
            restored.erased_again,
            if restored.erased_again > 1 { "s" } else { "" },
            if restored.erased_again > 1 { "s" } else { "" },
            restored.tombstones_added,
            if restored.tombstones_added > 1 {
                "s"
            } else {
                ""
            },
            if restored.tombstones_added > 1 {
                "s"
            } else {
                ""
            }
        )
    ))?;
    out.line(format_args!(
        "index de recherche reconstruit : {} documents",
        restored.index_documents
    ))?;
    Ok(())
}
