//! A workspace at a glance: experts by status and consent, needs by call, kind,
//! country and theme (the demo's summary, a dashboard's figures).

use std::collections::BTreeMap;

use explor_engine::Need;
use explor_indexer::{Result, Workspace};

use crate::words::word;

/// Counts by value, in value order.
pub type Counts = BTreeMap<String, usize>;

/// What the workspace holds, counted.
#[derive(Debug, Clone, Default)]
pub struct Overview {
    /// Experts by status (`employee`, `retired`…).
    pub experts_by_status: Counts,
    /// Experts by employer consent status.
    pub experts_by_consent: Counts,
    /// Experts based abroad (candidates for reciprocity).
    pub experts_abroad: usize,
    /// Needs by call (`(no call)` for needs outside any call).
    pub needs_by_call: Counts,
    /// Needs by kind (`standard`, `reciprocity`).
    pub needs_by_kind: Counts,
    /// Needs by country code.
    pub needs_by_country: Counts,
    /// Needs by theme key.
    pub needs_by_theme: Counts,
}

impl Overview {
    /// Counts the experts (from the search index's terms: a dashboard never reads the
    /// roster) and the needs of the workspace.
    pub fn build(ws: &Workspace) -> Result<Self> {
        Self::with_needs(ws, &ws.needs()?)
    }

    /// [`Self::build`] with the workspace's needs already read (a page that shows them
    /// too reads them once).
    pub fn with_needs(ws: &Workspace, needs: &[Need]) -> Result<Self> {
        let experts = ws.index().expert_counts()?;
        let mut o = Overview {
            experts_by_status: experts.by_status,
            experts_by_consent: experts.by_consent,
            experts_abroad: experts.experts.saturating_sub(experts.in_france),
            ..Overview::default()
        };
        for n in needs {
            let call = n.call.clone().unwrap_or_else(|| "(no call)".into());
            bump(&mut o.needs_by_call, call);
            bump(&mut o.needs_by_kind, word(&n.kind));
            bump(&mut o.needs_by_country, n.country.to_string());
            bump(&mut o.needs_by_theme, n.theme.to_string());
        }
        Ok(o)
    }
}

fn bump(counts: &mut Counts, key: String) {
    *counts.entry(key).or_insert(0) += 1;
}

/// `a 2, b 5` — counts in one line.
pub fn counts_line(counts: &Counts) -> String {
    counts
        .iter()
        .map(|(k, v)| format!("{k} {v}"))
        .collect::<Vec<_>>()
        .join(", ")
}
