//! `explor import`.

use std::io::Write as _;

use anyhow::Result;
use explor_engine::Reference;
use explor_indexer::{Error, ImportIssue, ImportOptions, LoadOptions, UserError, Workspace};
use explor_views::records::import_summary;
use serde_json::json;

use crate::args::{ImportArgs, ReportFormat};
use crate::output;

pub fn run(ws: &mut Workspace, args: &ImportArgs) -> Result<()> {
    let options = LoadOptions::new()
        .kind(args.kind.map(Into::into))
        .encoding(args.encoding.map(Into::into).unwrap_or_default())
        .ignore_columns(args.ignore_columns.clone());
    let import = ImportOptions::default().skip_erased(args.skip_erased);
    // The process only imports: it gives way to readers of the same workspace (`explor
    // serve`), and costs nothing on an idle machine.
    explor_indexer::lower_thread_priority();
    // Streamed: memory bounded by a batch of records, not by the input's size.
    let (result, warnings) = ws.import_path(&args.path, &options, &Reference::embedded(), import);
    let mut out = output::stdout();
    if let Ok(summary) = &result {
        for skipped in &summary.skipped_erased {
            eprintln!("avertissement : {}", output::visible(&skipped.to_string()));
        }
    }
    match (args.format, result) {
        (ReportFormat::Text, Ok(summary)) => {
            warn(&warnings);
            out.text(&import_summary(&summary))?;
            Ok(())
        }
        (ReportFormat::Text, Err(e)) => {
            warn(&warnings);
            Err(e.into())
        }
        (ReportFormat::Json, Ok(summary)) => out.json(&json!({
            "ok": true,
            "summary": summary.by_kind,
            "total": summary.total(),
            "skipped_erased": summary.skipped_erased,
            "warnings": warnings,
        })),
        (ReportFormat::Json, Err(Error::User(UserError::Invalid(issues)))) => {
            out.json(&json!({"ok": false, "issues": issues, "warnings": warnings}))?;
            Err(Error::User(UserError::Invalid(issues)).into())
        }
        // A path that cannot be read, a file whose name says no kind, a locked
        // workspace: one error, with its class, for scripts too.
        (ReportFormat::Json, Err(Error::User(e))) => {
            out.json(&json!({
                "ok": false,
                "error": {"class": e.class(), "message": e.to_string()},
                "warnings": warnings,
            }))?;
            Err(Error::User(e).into())
        }
        (ReportFormat::Json, Err(e)) => Err(e.into()),
    }
}

/// Warnings go to standard error, before the summary or the errors.
fn warn(warnings: &[ImportIssue]) {
    let mut stderr = std::io::stderr().lock();
    for warning in warnings {
        let _ = writeln!(
            stderr,
            "avertissement : {}",
            output::visible(&warning.to_string())
        );
    }
}
