//! `explor backup` and `explor restore`.

use std::path::Path;

use anyhow::{Context, Result};
use explor_indexer::Workspace;

use crate::args::{BackupArgs, RestoreArgs};
use crate::output;

pub fn backup(ws: &Workspace, args: &BackupArgs) -> Result<()> {
    ws.backup(&args.file)
        .with_context(|| format!("cannot back up to {}", args.file.display()))?;
    output::stdout().line(format_args!(
        "backup written to {}: the record store, missions and accounts (the search index is rebuilt on restore)",
        args.file.display()
    ))?;
    Ok(())
}

pub fn restore(workspace: &Path, args: &RestoreArgs) -> Result<()> {
    let dir = args.dir.as_deref().unwrap_or(workspace);
    let (_ws, restored) = Workspace::restore(&args.file, dir, &args.erasures)
        .with_context(|| format!("cannot restore {}", args.file.display()))?;
    let mut out = output::stdout();
    out.line(format_args!(
        "restored {} records from {} into {}",
        restored.records,
        args.file.display(),
        dir.display()
    ))?;
    out.line(format_args!(
        "erasures applied again: {} record{} of the backup erased, {} tombstone{} added",
        restored.erased_again,
        if restored.erased_again == 1 { "" } else { "s" },
        restored.tombstones_added,
        if restored.tombstones_added == 1 {
            ""
        } else {
            "s"
        },
    ))?;
    out.line(format_args!(
        "search index rebuilt: {} documents",
        restored.index_documents
    ))?;
    Ok(())
}
