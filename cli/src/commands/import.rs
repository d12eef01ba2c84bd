//! `explor import`.

use anyhow::Result;
use explor_engine::Reference;
use explor_indexer::{Error, ImportSummary, UserError, Workspace, load};
use serde_json::json;

use crate::args::{ImportArgs, ReportFormat};
use crate::commands::records::plural;
use crate::output;

pub fn run(ws: &mut Workspace, args: &ImportArgs) -> Result<()> {
    let loaded = load(&args.path, args.kind.map(Into::into))?;
    let result = ws.import(loaded, &Reference::embedded());
    let mut out = output::stdout();
    match (args.format, result) {
        (ReportFormat::Text, Ok(summary)) => {
            out.text(&summary_text(&summary))?;
            Ok(())
        }
        (ReportFormat::Json, Ok(summary)) => {
            out.json(&json!({"ok": true, "summary": summary.by_kind, "total": summary.total()}))
        }
        (ReportFormat::Json, Err(Error::User(UserError::Invalid(issues)))) => {
            out.json(&json!({"ok": false, "issues": issues}))?;
            Err(Error::User(UserError::Invalid(issues)).into())
        }
        (_, Err(e)) => Err(e.into()),
    }
}

/// One line per kind that the import touched, then the totals.
pub fn summary_text(summary: &ImportSummary) -> String {
    let mut text = String::new();
    for (kind, c) in &summary.by_kind {
        let n = c.added + c.updated + c.unchanged;
        if n > 0 {
            text.push_str(&format!(
                "{n:>5} {:<13} {} added, {} updated, {} unchanged\n",
                plural(*kind, n),
                c.added,
                c.updated,
                c.unchanged
            ));
        }
    }
    let t = summary.total();
    text.push_str(&format!(
        "imported: {} added, {} updated, {} unchanged\n",
        t.added, t.updated, t.unchanged
    ));
    text
}
