//! Search hits with a name and themes for each, read from the store.

use explor_engine::{CandidateKind, Record, RecordKind};
use explor_indexer::{Hit, Result, Workspace};
use serde::Serialize;

use crate::overview::Counts;
use crate::table::Table;
use crate::words::{joined, word};

/// One hit as people and scripts see it.
#[derive(Debug, Clone, Serialize)]
pub struct HitRow {
    /// The expert's or offer's id.
    pub id: String,
    /// Expert or offer.
    pub kind: CandidateKind,
    /// The expert's name, or the offer's company and title.
    pub name: String,
    /// Relevance (widened from the index's `f32`, as the JSON output always wrote it).
    pub score: f64,
    /// Theme keys, comma-separated.
    pub themes: String,
}

/// `explor search`'s JSON shape: the query and its hits.
#[derive(Debug, Clone, Serialize)]
pub struct SearchResults {
    /// Best first.
    pub hits: Vec<HitRow>,
    /// The text searched.
    pub query: String,
}

impl SearchResults {
    /// Describes each hit from the store.
    pub fn build(ws: &Workspace, query: &str, hits: &[Hit]) -> Result<Self> {
        let hits = hits
            .iter()
            .map(|h| {
                let (name, themes) = describe(ws.record(&h.id)?);
                Ok(HitRow {
                    id: h.id.clone(),
                    kind: h.kind,
                    name,
                    score: f64::from(h.score),
                    themes,
                })
            })
            .collect::<Result<_>>()?;
        Ok(Self {
            hits,
            query: query.to_owned(),
        })
    }

    /// Id, kind, name, themes, score.
    pub fn table(&self) -> Table {
        let mut t = Table::new(&explor_engine::fr::headers::HITS);
        for h in &self.hits {
            let kind = match h.kind {
                CandidateKind::Expert => explor_engine::fr::records::kind(RecordKind::Expert, 1),
                CandidateKind::Offer => explor_engine::fr::records::kind(RecordKind::Offer, 1),
            };
            t.push(vec![
                h.id.clone(),
                kind.into(),
                h.name.clone(),
                h.themes.clone(),
                format!("{:.2}", h.score),
            ]);
        }
        t
    }

    /// "N résultats".
    pub fn count(&self) -> String {
        explor_engine::fr::plural(
            self.hits.len() as u64,
            explor_engine::fr::views::RESULT,
            explor_engine::fr::views::RESULTS,
        )
    }
}

/// A hit's name and themes.
fn describe(record: Record) -> (String, String) {
    match record {
        Record::Expert(e) => (e.name, joined(&e.themes, ", ")),
        Record::Offer(o) => (
            format!("{} — {}", o.company.name, o.title),
            joined(&o.themes, ", "),
        ),
        other => (other.id().to_owned(), String::new()),
    }
}

/// How the hits of a search spread over theme, kind and employer consent: the counts a
/// search page shows next to its filters.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Facets {
    /// Hits by theme key (a hit with several themes counts once in each).
    pub themes: Counts,
    /// Hits by kind (`expert`, `offer`).
    pub kinds: Counts,
    /// Experts by employer consent status (`granted`, `pending`…); offers have none.
    pub consent: Counts,
}

impl Facets {
    /// Counts the hits' records (the records of the hits, in any order).
    pub fn of<'r>(records: impl IntoIterator<Item = &'r Record>) -> Self {
        let mut f = Facets::default();
        for r in records {
            let themes = match r {
                Record::Expert(e) => {
                    *f.kinds.entry(word(&CandidateKind::Expert)).or_default() += 1;
                    *f.consent.entry(word(&e.consent.status)).or_default() += 1;
                    &e.themes
                }
                Record::Offer(o) => {
                    *f.kinds.entry(word(&CandidateKind::Offer)).or_default() += 1;
                    &o.themes
                }
                _ => continue,
            };
            for t in themes {
                *f.themes.entry(t.to_string()).or_default() += 1;
            }
        }
        f
    }
}

/// The employer consent status of a hit's record (`granted`, `pending`…; `None` for
/// an offer): what a search filters on when asked for one consent status.
pub fn consent_of(record: &Record) -> Option<String> {
    match record {
        Record::Expert(e) => Some(word(&e.consent.status)),
        _ => None,
    }
}
