//! `explor import`.

use anyhow::Result;
use explor_engine::Reference;
use explor_indexer::{Error, ImportOptions, UserError, Workspace, load};
use explor_views::records::import_summary;
use serde_json::json;

use crate::args::{ImportArgs, ReportFormat};
use crate::output;

pub fn run(ws: &mut Workspace, args: &ImportArgs) -> Result<()> {
    let loaded = load(&args.path, args.kind.map(Into::into))?;
    let options = ImportOptions::default().skip_erased(args.skip_erased);
    let result = ws.import_with(loaded, &Reference::embedded(), options);
    let mut out = output::stdout();
    if let Ok(summary) = &result {
        for skipped in &summary.skipped_erased {
            eprintln!("warning: {}", output::visible(&skipped.to_string()));
        }
    }
    match (args.format, result) {
        (ReportFormat::Text, Ok(summary)) => {
            out.text(&import_summary(&summary))?;
            Ok(())
        }
        (ReportFormat::Json, Ok(summary)) => out.json(&json!({
            "ok": true,
            "summary": summary.by_kind,
            "total": summary.total(),
            "skipped_erased": summary.skipped_erased,
        })),
        (ReportFormat::Json, Err(Error::User(UserError::Invalid(issues)))) => {
            out.json(&json!({"ok": false, "issues": issues}))?;
            Err(Error::User(UserError::Invalid(issues)).into())
        }
        (_, Err(e)) => Err(e.into()),
    }
}
