//! The `k` candidates of each kind with the highest score bound for a need: the
//! per-segment machinery of [`bound`](super::bound) run over every segment, each
//! starting from the bound the best of the earlier ones reach.

use explor_engine::scoring::ScoreBound;
use explor_engine::{Candidate, CandidateKind, Need};
use tantivy::columnar::StrColumn;
use tantivy::schema::Term;
use tantivy::{DocId, SegmentOrdinal, SegmentReader};

use super::SearchIndex;
use super::bits::{for_each_doc, remove, split};
use super::bound::{BestBounded, BoundTables, BoundedDoc, SegmentTables};
use super::relevance::{Relevance, relevance_of_docs};
use super::scan::{Prefilter, passing};
use super::schema::{self, read_text, text_column};
use crate::error::{Error, InternalError, Result};

/// In a bounded search for `k` candidates, the first batch of relevance computed is for
/// this many times `k` documents per kind; each next batch is four times larger.
const FIRST_SCORED: usize = 2;

/// In the first segment of a bounded search for `k` candidates, this many times `k`
/// documents of the need's theme, those with the highest bound at the first stage, are
/// kept with their exact bound before the others are screened.
const PRIMED: usize = 2;

/// Candidates ranked by their score bound, and the highest bound left behind.
#[derive(Debug, Clone)]
pub struct Bounded {
    /// Candidates with their bound, highest first.
    pub candidates: Vec<(Candidate, f64)>,
    /// The highest bound any candidate not returned could have; `None` when every one
    /// that passes the pre-filter was returned.
    pub frontier: Option<f64>,
}

/// Per kind of candidate, the best documents of the segments seen so far and the bound
/// their `k`-th reaches: later segments drop at once the documents below it.
type BestSoFar = Vec<(Vec<BoundedDoc>, f64)>;

/// What a bounded search for one need reads in every segment.
struct NeedSearch<'n> {
    searcher: tantivy::Searcher,
    relevance: Relevance,
    tables: BoundTables<'n>,
    /// One pre-filter per kind of candidate the need can take.
    runs: Vec<(Prefilter, CandidateKind)>,
    /// The need's theme (or any below it).
    theme_term: Term,
    k: usize,
}

impl SearchIndex {
    /// The `k` experts and `k` offers with the highest score bound for `need`, among those
    /// that pass the pre-filter and have a window long enough for the mission (the
    /// others fail the availability gate whatever else they have). The bound is
    /// computed per document from values decoded once per segment and from the text
    /// relevance, in two passes (bounds without text first; relevance only where it can
    /// matter, best first, in batches), so the thousands of candidates of a broad need
    /// are never materialised. Each segment starts from the bound the best of the
    /// earlier ones reach.
    pub fn best_candidates(&self, need: &Need, bound: &ScoreBound, k: usize) -> Result<Bounded> {
        let searcher = self.reader.searcher();
        let search = NeedSearch {
            relevance: self.need_relevance(&searcher, need)?,
            tables: BoundTables::new(bound, self.taxonomy),
            runs: self.prefilters(need),
            theme_term: Term::from_facet(
                self.fields.themes,
                &schema::theme_facet(self.taxonomy, need.theme.as_str()),
            ),
            k,
            searcher,
        };
        let mut kept: BestSoFar = search
            .runs
            .iter()
            .map(|_| (Vec::new(), f64::NEG_INFINITY))
            .collect();
        let all_profiles = self
            .cache
            .profiles(&search.searcher, self.kept_profiles())?;
        let segments = search.searcher.segment_readers().iter().zip(all_profiles);
        for (ord, (reader, profiles)) in segments.enumerate() {
            let ord = SegmentOrdinal::try_from(ord).map_err(|_| {
                Error::Internal(InternalError::IndexShape("too many segments".into()))
            })?;
            let values = SegmentTables::new(
                profiles,
                &search.tables,
                reader.segment_id(),
                self.cache.memo(&search.searcher).as_deref(),
                search.relevance.cap(reader)?,
            );
            let mut best = self.screen_segment(&search, reader, &values, ord, &kept)?;
            search.score_in_batches(reader, &mut best)?;
            for (b, (so_far, reached)) in best.into_iter().zip(&mut kept) {
                let mut all = std::mem::take(so_far);
                all.extend(b.finish());
                (*so_far, *reached) = BestBounded::merge(all, k);
            }
        }
        self.bounded_candidates(&search, kept)
    }

    /// The first pass over one segment, per kind: every document passing the kind's
    /// pre-filter screened by its bound without text. In the first segment, the
    /// documents of the need's theme with the highest bound at the first stage are
    /// kept first with their exact bound (their relevance computed for every kind at
    /// once, see [`PRIMED`]): the floor starts where `k` of them reach, text included.
    /// Documents of the need's theme (or below it) have the highest bounds: screened
    /// first, they raise the floor early, and most others are dropped at once. Then
    /// those with some value for the theme or the skill words; the rest (most of a large
    /// roster) share one bound, and are screened one by one only when it is not already
    /// below the floor. The order
    /// changes no result: a document is dropped only below a floor some `k` others
    /// reach.
    fn screen_segment<'s>(
        &self,
        search: &NeedSearch<'_>,
        reader: &SegmentReader,
        values: &'s SegmentTables<'s>,
        ord: SegmentOrdinal,
        kept: &BestSoFar,
    ) -> Result<Vec<BestBounded<'s>>> {
        let searcher = &search.searcher;
        let in_theme = self.cache.term_bits(searcher, reader, &search.theme_term)?;
        let mut plans = Vec::with_capacity(search.runs.len());
        for ((filter, _), (_, reached)) in search.runs.iter().zip(kept) {
            let pass = passing(&self.cache, searcher, reader, filter)?;
            let (mut first, then) = split(&pass, &in_theme);
            // Earlier segments' best already set a floor.
            let primed = if *reached == f64::NEG_INFINITY {
                values.most_promising(&first, search.k.saturating_mul(PRIMED))
            } else {
                Vec::new()
            };
            for &doc in &primed {
                remove(&mut first, doc);
            }
            plans.push((first, then, primed));
        }
        let mut primed: Vec<DocId> = plans
            .iter()
            .flat_map(|(_, _, mine)| mine.iter().copied())
            .collect();
        primed.sort_unstable();
        primed.dedup();
        let scores = relevance_of_docs(reader, &search.relevance, &primed)?;
        let mut best = Vec::with_capacity(search.runs.len());
        for ((first, then, mine), (_, reached)) in plans.into_iter().zip(kept) {
            let mut b = BestBounded::new(search.k, values, ord, *reached);
            for doc in mine {
                let at = primed.binary_search(&doc).ok();
                b.prime(doc, at.and_then(|i| scores.get(i).copied()).unwrap_or(0.0));
            }
            for_each_doc(&first, |doc| b.screen(doc));
            let (valued, rest) = split(&then, values.valued());
            for_each_doc(&valued, |doc| b.screen(doc));
            if b.may_keep(values.unvalued_upper()) {
                for_each_doc(&rest, |doc| b.screen(doc));
            }
            best.push(b);
        }
        Ok(best)
    }

    /// The kept documents as candidates with their bounds, highest first, and the
    /// highest bound left behind.
    fn bounded_candidates(&self, search: &NeedSearch<'_>, kept: BestSoFar) -> Result<Bounded> {
        let searcher = &search.searcher;
        // A process that runs a second search on one state of the index runs many (the
        // web app, a bench): from then on the id table (read once) answers each id at
        // once. A one-off `explor match` reads its few ids from the dictionary, each
        // segment's column opened once; when a batch has read the table, it is there.
        let id_table = if self.cache.count_search(searcher) > 1 {
            Some(self.cache.ids(searcher)?)
        } else {
            self.cache.cached_ids(searcher)
        };
        let columns: Vec<StrColumn> = if id_table.is_some() {
            Vec::new()
        } else {
            searcher
                .segment_readers()
                .iter()
                .map(|segment| text_column(segment, "id"))
                .collect::<Result<_>>()?
        };
        let mut out = Vec::new();
        let mut frontier: Option<f64> = None;
        for ((_, kind), (top, reached)) in search.runs.iter().zip(kept) {
            if reached > f64::NEG_INFINITY {
                frontier = Some(frontier.map_or(reached, |f: f64| f.max(reached)));
            }
            for kept in top {
                let segment = searcher.segment_reader(kept.doc.segment_ord);
                let cached = id_table
                    .as_ref()
                    .and_then(|t| t.id_of(segment.segment_id(), kept.doc.doc_id));
                let id = match (cached, columns.get(kept.doc.segment_ord as usize)) {
                    (Some(id), _) => id.to_owned(),
                    (None, Some(column)) => read_text(column, kept.doc.doc_id)?,
                    (None, None) => read_text(&text_column(segment, "id")?, kept.doc.doc_id)?,
                };
                let candidate = Candidate {
                    id,
                    kind: *kind,
                    relevance: kept.relevance,
                };
                out.push((candidate, kept.bound));
            }
        }
        out.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.id.cmp(&b.0.id)));
        Ok(Bounded {
            candidates: out,
            frontier,
        })
    }
}

impl NeedSearch<'_> {
    /// The second pass over one segment: relevance for every kind at once, a batch at a
    /// time, best bound first: each batch's exact bounds raise the floor the next one is
    /// drawn above.
    fn score_in_batches(&self, reader: &SegmentReader, best: &mut [BestBounded<'_>]) -> Result<()> {
        let mut most = self.k.max(1) * FIRST_SCORED;
        loop {
            let mut docs: Vec<DocId> = Vec::new();
            for b in best.iter_mut() {
                docs.extend(b.hand_out(most));
            }
            if docs.is_empty() {
                return Ok(());
            }
            docs.sort_unstable();
            docs.dedup();
            let scores = relevance_of_docs(reader, &self.relevance, &docs)?;
            for b in best.iter_mut() {
                b.take_scores(&docs, &scores);
            }
            most = most.saturating_mul(4);
        }
    }
}
