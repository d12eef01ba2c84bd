//! Matching against the workspace: the engine's scoring stage fed by the search index
//! (candidates and text relevance) and the store (records), with the workspace's
//! scoring settings ([`SCORING_FILE`]) and the bookings and history of its missions.

use std::borrow::Borrow;
use std::collections::HashMap;

use explor_engine::scoring::{
    Bookings, GateFailure, History, LATER_CHUNK, MatchResult, NeedsResult, ScoreBound, Scorer,
    ScoringConfig, Subject, sort_scored,
};
use explor_engine::{Candidate, CandidateSource, Need, Record, RecordKind, Reference};

use crate::error::{Error, Result, UserError};
use crate::index::SearchIndex;
use crate::index::best::Bounded;
use crate::workspace::Workspace;

/// The settings file a workspace may hold to override the scoring defaults.
pub const SCORING_FILE: &str = "scoring.json";

/// The settings, bookings and history a [`Scorer`] borrows.
#[derive(Debug, Clone)]
pub struct ScoringSetup {
    /// Scoring settings.
    pub config: ScoringConfig,
    /// Booked dates and used quotas.
    pub bookings: Bookings,
    /// Recent proposals.
    pub history: History,
}

/// The documented default settings, nothing booked, no history: a fresh workspace.
impl Default for ScoringSetup {
    fn default() -> Self {
        Self {
            config: ScoringConfig::embedded(),
            bookings: Bookings::default(),
            history: History::default(),
        }
    }
}

impl ScoringSetup {
    /// A scorer over this setup and the embedded reference lists.
    pub fn scorer(&self) -> Scorer<'_> {
        Scorer {
            reference: Reference::embedded(),
            config: &self.config,
            bookings: &self.bookings,
            history: &self.history,
        }
    }
}

/// Records judged at once when every candidate is judged.
const JUDGED_AT_ONCE: usize = 2_048;

/// What `explor match` was asked.
#[derive(Debug, Clone, Copy)]
pub struct MatchOptions {
    /// How many candidates (or needs) to keep.
    pub top: usize,
    /// Also list every ineligible record with the gates it fails.
    pub include_ineligible: bool,
    /// Let experts whose consent is pending through, flagged.
    pub include_pending: bool,
}

impl Workspace {
    /// The scoring settings: the workspace's `scoring.json` if there is one, else the defaults.
    pub fn scoring_config(&self) -> Result<ScoringConfig> {
        let path = self.root().join(SCORING_FILE);
        if !path.is_file() {
            return Ok(ScoringConfig::embedded());
        }
        let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
        ScoringConfig::from_json(&text).map_err(|e| {
            UserError::BadSettings {
                path: path.clone(),
                source: e.into(),
            }
            .into()
        })
    }

    /// What a scorer needs from the workspace: its settings (with `include_pending` as
    /// asked), bookings and history.
    pub fn scoring_setup(&self, include_pending: bool) -> Result<ScoringSetup> {
        let mut config = self.scoring_config()?;
        config.include_pending |= include_pending;
        let (bookings, history) = self.bookings_and_history()?;
        Ok(ScoringSetup {
            config,
            bookings,
            history,
        })
    }

    /// The need `id` (an error naming what it is when it is another kind of record).
    pub(crate) fn need(&self, id: &str) -> Result<Need> {
        match self.record(id)? {
            Record::Need(n) => Ok(*n),
            other => Err(UserError::wrong_kind(id, RecordKind::Need, other.kind()).into()),
        }
    }

    /// Ranked, explained candidates (experts and offers) for a need.
    pub fn match_need(&self, need_id: &str, opts: MatchOptions) -> Result<MatchResult> {
        let need = self.need(need_id)?;
        let setup = self.scoring_setup(opts.include_pending)?;
        let scorer = setup.scorer();
        if opts.include_ineligible {
            // Every record is judged, so that each excluded one can say why.
            return self.judge_all(&scorer, &need, opts.top, JUDGED_AT_ONCE);
        }
        // The bounded search: the same ranking as judging every candidate, from a few.
        match_top(self.index(), &scorer, &need, opts.top, |ids| {
            self.records_by_ids(ids.iter().copied())
        })
    }

    /// Every expert and offer judged for `need`: the `top` eligible and every excluded
    /// one with its reasons — `chunk` records at a time (memory for one chunk, not the
    /// whole roster), the best of each chunk merged into the same top as ranking them
    /// all at once.
    fn judge_all(
        &self,
        scorer: &Scorer<'_>,
        need: &Need,
        top: usize,
        chunk: usize,
    ) -> Result<MatchResult> {
        let relevance = self.index().relevance_all(need)?;
        let mut result = MatchResult {
            need: need.id.clone(),
            candidates: Vec::new(),
            excluded: Vec::new(),
        };
        for kind in [RecordKind::Expert, RecordKind::Offer] {
            self.store.records_in_chunks(kind, chunk, |records| {
                let subjects = subjects(&records, |id| relevance.get(id).copied().unwrap_or(0.0));
                let part = scorer.rank(need, &subjects, Some(top), true);
                result.candidates.extend(part.candidates);
                sort_scored(&mut result.candidates);
                result.candidates.truncate(top);
                result.excluded.extend(part.excluded);
                Ok(())
            })?;
        }
        result
            .excluded
            .sort_by(|a, b| a.id.cmp(&b.id).then(a.kind.cmp(&b.kind)));
        Ok(result)
    }

    /// The gates a need fails whatever the candidate (its destination is advised
    /// against), and how many candidates — experts and offers — there are, every one of
    /// them failing those gates in the same words; `None` when candidates may pass. It
    /// says why nobody is eligible without judging each candidate.
    pub fn need_barred(&self, need_id: &str) -> Result<Option<(Vec<GateFailure>, usize)>> {
        let need = self.need(need_id)?;
        let failures = self.scoring_setup(false)?.scorer().need_gates(&need);
        if failures.is_empty() {
            return Ok(None);
        }
        // The candidates are the index's documents (experts and offers): counted from
        // the index this reader searches, the candidates a match would judge, without
        // reading the store.
        let candidates = usize::try_from(self.index().len()).unwrap_or(usize::MAX);
        Ok(Some((failures, candidates)))
    }

    /// The needs an expert or an offer could serve, ranked and explained. Needs whose
    /// missions already send every person they want are not open, and left out.
    pub fn match_candidate(&self, id: &str, opts: MatchOptions) -> Result<NeedsResult> {
        let record = self.record(id)?;
        let Some(subject) = Subject::of(&record) else {
            return Err(UserError::WrongKind {
                id: id.to_owned(),
                expected: explor_engine::fr::workspace::AN_EXPERT_OR_OFFER,
                found: explor_engine::fr::records::article(record.kind()).to_owned(),
            }
            .into());
        };
        let setup = self.scoring_setup(opts.include_pending)?;
        let scorer = setup.scorer();
        let needs = self.open_needs(self.needs()?)?;
        let each: Vec<&Need> = needs.iter().collect();
        let relevance = self.index().relevance_of_each(&each, id)?;
        let pairs: Vec<(&Need, f32)> = each.into_iter().zip(relevance).collect();
        Ok(scorer.rank_needs(subject, &pairs, Some(opts.top), opts.include_ineligible))
    }
}

/// The `top` candidates for a need, exactly as scoring every candidate would rank them,
/// judging only a few: the index returns the candidates with the highest score bound;
/// they are scored exactly in order of bound until the next bound falls below the
/// `top`-th score, and the search widens (×4) until the `top`-th exact score is above
/// every bound left behind. `fetch` reads records by id, in the order of the ids it is
/// given (skipping those it does not find).
pub fn match_top<R: Borrow<Record>>(
    index: &SearchIndex,
    scorer: &Scorer<'_>,
    need: &Need,
    top: usize,
    fetch: impl FnMut(&[&str]) -> Result<Vec<R>>,
) -> Result<MatchResult> {
    match_top_with(
        index,
        scorer,
        need,
        top,
        Widths {
            first_k: (top * 2).max(64),
            widest: WIDEST_BOUNDED,
            chunks_first: CHUNKS_READ_FIRST,
        },
        fetch,
    )
}

/// Of a bounded search's candidates, the records read at first are the first `top` and
/// this many chunks of [`LATER_CHUNK`]: judging most needs stops within them, and the
/// others read the rest.
const CHUNKS_READ_FIRST: usize = 2;

/// How a bounded search widens, and how many records it reads at first.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Widths {
    /// Candidates of each kind asked for at first (then four times more each time).
    pub first_k: usize,
    /// Beyond this many, every candidate the pre-filter lets through is judged.
    pub widest: usize,
    /// Chunks of [`LATER_CHUNK`] records read at first beyond the first `top`.
    pub chunks_first: usize,
}

/// [`match_top`] with its widths given (tests use small ones to go through every path
/// on small datasets).
pub(crate) fn match_top_with<R: Borrow<Record>>(
    index: &SearchIndex,
    scorer: &Scorer<'_>,
    need: &Need,
    top: usize,
    widths: Widths,
    mut fetch: impl FnMut(&[&str]) -> Result<Vec<R>>,
) -> Result<MatchResult> {
    if !scorer.need_gates(need).is_empty() {
        // The destination itself bars every candidate: nobody to rank.
        return Ok(MatchResult {
            need: need.id.clone(),
            candidates: Vec::new(),
            excluded: Vec::new(),
        });
    }
    let bound = ScoreBound::new(scorer, need);
    let total = usize::try_from(index.len()).unwrap_or(usize::MAX).max(1);
    let mut k = widths.first_k.max(1);
    loop {
        let found = index.best_candidates(need, &bound, k)?;
        let first_read = top.saturating_add(widths.chunks_first.saturating_mul(LATER_CHUNK));
        let (result, settled) = judge_bounded(scorer, need, top, &found, first_read, &mut fetch)?;
        if settled || k >= total {
            return Ok(result);
        }
        k = k.saturating_mul(4);
        if k > widths.widest {
            break;
        }
    }
    // Few eligible candidates, or bounds too loose to settle early: judge every candidate
    // that passes the pre-filter (gates and bounds first, exact criteria only where needed).
    judge_retrieved(index, scorer, need, top, &mut fetch)
}

/// Scores the candidates of a bounded search exactly, in order of bound, and says
/// whether the ranking is settled: the `top`-th score is above every bound left behind.
///
/// The records of the first `first_read` are read first (a whole number of the
/// scorer's chunks): when judging them ends with the `top`-th score above the next
/// bound, judging them all would have stopped there too, and the rest is never read.
fn judge_bounded<R: Borrow<Record>>(
    scorer: &Scorer<'_>,
    need: &Need,
    top: usize,
    found: &Bounded,
    first_read: usize,
    fetch: &mut impl FnMut(&[&str]) -> Result<Vec<R>>,
) -> Result<(MatchResult, bool)> {
    let settled = |result: MatchResult| {
        let settled = match found.frontier {
            None => true,
            Some(frontier) => {
                result.candidates.len() >= top
                    && result.candidates.last().is_some_and(|c| c.score > frontier)
            }
        };
        (result, settled)
    };
    // The records read so far, of the first `read` candidates, in their order.
    let (mut records, mut read) = (Vec::new(), 0);
    if let (Some(head), Some((_, next))) = (
        found.candidates.get(..first_read),
        found.candidates.get(first_read),
    ) && top > 0
    {
        records = fetch(&ids_of(head))?;
        read = head.len();
        let in_order = in_bound_order(head, &records);
        // With a record missing, the chunks would not fall as they do over them all.
        if in_order.len() == head.len() {
            let result = scorer.rank_bounded(need, &in_order, top);
            if result
                .candidates
                .get(top - 1)
                .is_some_and(|c| *next < c.score)
            {
                return Ok(settled(result));
            }
        }
    }
    // The rest is read once; the first ones are judged again with them (judging
    // starts from the best bound).
    let rest = found.candidates.get(read..).unwrap_or(&[]);
    records.extend(fetch(&ids_of(rest))?);
    let in_order = in_bound_order(&found.candidates, &records);
    Ok(settled(scorer.rank_bounded(need, &in_order, top)))
}

fn ids_of(candidates: &[(Candidate, f64)]) -> Vec<&str> {
    candidates.iter().map(|(c, _)| c.id.as_str()).collect()
}

/// The candidates with their records (read in the order of `candidates`, highest
/// bound first), their relevance and their bound. A record missing from the store is
/// passed over.
fn in_bound_order<'r, R: Borrow<Record>>(
    candidates: &[(Candidate, f64)],
    records: &'r [R],
) -> Vec<(Subject<'r>, f32, f64)> {
    let mut fetched = records
        .iter()
        .filter_map(|r| Subject::of(r.borrow()))
        .peekable();
    candidates
        .iter()
        .filter_map(|(c, bound)| {
            let s = fetched.next_if(|s| s.id() == c.id)?;
            Some((s, c.relevance, *bound))
        })
        .collect()
}

/// Judges every candidate retrieval lets through.
fn judge_retrieved<R: Borrow<Record>>(
    index: &SearchIndex,
    scorer: &Scorer<'_>,
    need: &Need,
    top: usize,
    fetch: &mut impl FnMut(&[&str]) -> Result<Vec<R>>,
) -> Result<MatchResult> {
    let candidates = index.candidates(need)?;
    let ids: Vec<&str> = candidates.iter().map(|c| c.id.as_str()).collect();
    let relevance: HashMap<&str, f32> = candidates
        .iter()
        .map(|c| (c.id.as_str(), c.relevance))
        .collect();
    let records = fetch(&ids)?;
    let subjects = subjects(&records, |id| relevance.get(id).copied().unwrap_or(0.0));
    Ok(scorer.rank_retrieved(need, &subjects, top))
}

/// Beyond this many candidates per kind, the bounded search gives way to judging all.
const WIDEST_BOUNDED: usize = 1024;

fn subjects<'r, R: Borrow<Record>>(
    records: &'r [R],
    relevance: impl Fn(&str) -> f32,
) -> Vec<(Subject<'r>, f32)> {
    records
        .iter()
        .filter_map(|r| Subject::of(r.borrow()))
        .map(|s| (s, relevance(s.id())))
        .collect()
}

#[cfg(test)]
mod tests {
    //! A record the index knows but the store lacks is passed over: the ranking is that
    //! of the other candidates.

    use super::*;
    use crate::test_support::sample_workspace;

    #[test]
    fn a_record_missing_from_the_store_is_passed_over() {
        let (_dir, ws) = sample_workspace();
        let setup = ws.scoring_setup(false).unwrap();
        let scorer = setup.scorer();
        let need = ws.need("need-kin-dechets").unwrap();
        let full = match_top(ws.index(), &scorer, &need, 5, |ids| {
            ws.records_by_ids(ids.iter().copied())
        })
        .unwrap();
        assert!(full.candidates.len() >= 2, "{full:?}");
        // Without the best one (and the records fetched in the order asked), whether
        // the first records read hold it or not.
        let best = full.candidates[0].id.clone();
        let rest: Vec<&str> = full.candidates[1..].iter().map(|c| c.id.as_str()).collect();
        for chunks_first in [0, CHUNKS_READ_FIRST] {
            let widths = Widths {
                first_k: 64,
                widest: WIDEST_BOUNDED,
                chunks_first,
            };
            let without = match_top_with(ws.index(), &scorer, &need, 4, widths, |ids| {
                ws.records_by_ids(ids.iter().copied().filter(|id| *id != best))
            })
            .unwrap();
            let got: Vec<&str> = without.candidates.iter().map(|c| c.id.as_str()).collect();
            assert_eq!(got, rest, "{chunks_first} chunks read first");
        }
    }

    #[test]
    fn reading_the_first_records_only_ranks_as_reading_them_all() {
        let (_dir, ws) = sample_workspace();
        let setup = ws.scoring_setup(false).unwrap();
        let scorer = setup.scorer();
        let widths = |chunks_first| Widths {
            first_k: 64,
            widest: WIDEST_BOUNDED,
            chunks_first,
        };
        let mut settled_early = 0;
        for need in ws.needs().unwrap() {
            for top in 1..4 {
                let all = match_top_with(ws.index(), &scorer, &need, top, widths(1000), |ids| {
                    ws.records_by_ids(ids.iter().copied())
                })
                .unwrap();
                let mut reads = Vec::new();
                let first = match_top_with(ws.index(), &scorer, &need, top, widths(0), |ids| {
                    reads.push(ids.len());
                    ws.records_by_ids(ids.iter().copied())
                })
                .unwrap();
                assert_eq!(first, all, "{} top {top}", need.id);
                settled_early += usize::from(reads == [top]);
            }
        }
        assert!(
            settled_early > 0,
            "no ranking settled within its first records"
        );
    }

    #[test]
    fn judging_every_candidate_a_chunk_at_a_time_ranks_as_judging_them_all_at_once() {
        let (_dir, ws) = sample_workspace();
        let setup = ws.scoring_setup(false).unwrap();
        let scorer = setup.scorer();
        for need in ws.needs().unwrap() {
            let relevance = ws.index().relevance_all(&need).unwrap();
            let mut records = ws.records(RecordKind::Expert).unwrap();
            records.extend(ws.records(RecordKind::Offer).unwrap());
            let all = subjects(&records, |id| relevance.get(id).copied().unwrap_or(0.0));
            let at_once = scorer.rank(&need, &all, Some(5), true);
            for chunk in [1, 3, 7, 1_000] {
                let chunked = ws.judge_all(&scorer, &need, 5, chunk).unwrap();
                assert_eq!(chunked, at_once, "{} in chunks of {chunk}", need.id);
            }
        }
    }
}
