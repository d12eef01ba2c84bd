//! Batch matching against the workspace: every need of a call for projects gets its
//! best eligible candidates from the search index and the scoring stage, in parallel,
//! then the engine's [`explor_engine::batch`] module assigns them all at once.

use std::collections::{BTreeSet, HashMap};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use explor_engine::batch::{
    self, Batch, BatchInput, BatchResult, Constraints, NeedCandidates, Pair, Proposal, Quotas,
};
use explor_engine::scoring::{Evaluation, Excluded, MatchResult, Scorer, Subject};
use explor_engine::{Need, Record, RecordKind};
use serde::Serialize;

use crate::error::Error;
use crate::index::SearchIndex;
use crate::matching::match_top;
use crate::workspace::Workspace;

/// How many excluded candidates an unserved need shows.
const NEAREST: usize = 3;
/// How many candidates are judged to find the nearest excluded ones of a need nobody
/// is eligible for: the most relevant to its text among those retrieval lets through
/// (or, if it lets nobody through, among all documents).
const NEAREST_POOL: usize = 200;

/// What `explor batch` was asked.
#[derive(Debug, Clone, PartialEq)]
pub struct BatchOptions {
    /// The call for projects whose needs are assigned; `None`: every need.
    pub call: Option<String>,
    /// How many of each need's best eligible candidates enter the problem.
    pub top_k: usize,
    /// Candidates scoring below this are not proposed.
    pub min_score: f64,
    /// Let experts whose employer's consent is pending through, flagged.
    pub include_pending: bool,
    /// Pairs the coordinator assigns before the solver runs (see
    /// [`explor_engine::batch::Constraints`]).
    pub pins: Vec<Pair>,
    /// Pairs never assigned.
    pub excludes: Vec<Pair>,
}

impl Default for BatchOptions {
    fn default() -> Self {
        Self {
            call: None,
            top_k: 50,
            min_score: 0.0,
            include_pending: false,
            pins: Vec::new(),
            excludes: Vec::new(),
        }
    }
}

/// Where a batch run is, for a progress bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BatchProgress {
    /// Candidates found for `done` needs out of `total` (reported from worker threads).
    Matching {
        /// Needs done.
        done: usize,
        /// Needs in the run.
        total: usize,
    },
    /// Every need has its candidates; the assignment is being solved.
    Solving,
}

/// How long each stage of a run took.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct BatchTimings {
    /// Retrieval and scoring of every need's candidates, and the nearest excluded ones
    /// of the needs nobody is eligible for (wall clock, needs in parallel).
    pub matching: Duration,
    /// Of which finding each need's top candidates (retrieval, gates, criteria), added
    /// up over all needs and threads.
    pub top_cpu: Duration,
    /// Of which the nearest excluded candidates of the needs nobody is eligible for,
    /// added up likewise.
    pub nearest_cpu: Duration,
    /// Building the problem, solving it and explaining the solution.
    pub assignment: Duration,
}

/// Time spent in each matching stage, added up from several threads.
#[derive(Default)]
struct StageClock {
    matching: AtomicU64,
    nearest: AtomicU64,
}

impl StageClock {
    fn add(counter: &AtomicU64, since: Instant) -> Instant {
        let now = Instant::now();
        let nanos = u64::try_from((now - since).as_nanos()).unwrap_or(u64::MAX);
        counter.fetch_add(nanos, Ordering::Relaxed);
        now
    }

    fn total(counter: &AtomicU64) -> Duration {
        Duration::from_nanos(counter.load(Ordering::Relaxed))
    }
}

/// A solved batch run.
#[derive(Debug, Clone)]
pub struct BatchRun {
    /// What was asked.
    pub options: BatchOptions,
    /// The needs of the run, by id.
    pub needs: Vec<Need>,
    /// The exact problem solved and its explained optimum.
    pub batch: Batch,
    /// Where the time went.
    pub timings: BatchTimings,
}

/// The JSON report of a run: the options, then the [`BatchResult`].
#[derive(Debug, Serialize)]
pub struct BatchReport<'r> {
    /// The call, if one was given.
    pub call: Option<&'r str>,
    /// Candidates per need.
    pub top_k: usize,
    /// Minimum score.
    pub min_score: f64,
    /// Pending consents let through.
    pub include_pending: bool,
    /// Pairs pinned by the coordinator.
    pub pins: &'r [Pair],
    /// Pairs excluded by the coordinator.
    pub excludes: &'r [Pair],
    /// The outcome.
    #[serde(flatten)]
    pub result: &'r BatchResult,
}

impl BatchRun {
    /// The run as `explor batch --format json` prints it.
    pub fn report(&self) -> BatchReport<'_> {
        BatchReport {
            call: self.options.call.as_deref(),
            top_k: self.options.top_k,
            min_score: self.options.min_score,
            include_pending: self.options.include_pending,
            pins: &self.options.pins,
            excludes: &self.options.excludes,
            result: &self.batch.result,
        }
    }
}

/// Why a batch run failed.
#[derive(Debug, thiserror::Error)]
pub enum BatchRunError {
    /// Reading the workspace failed, or its settings are wrong.
    #[error(transparent)]
    Workspace(#[from] Error),
    /// No need belongs to the call asked for (a mistake the user can fix).
    #[error("{}", explor_engine::fr::batch::no_need_in_call(.call, if .known.is_empty() { explor_engine::fr::batch::NO_CALL.to_owned() } else { .known.join(", ") }))]
    UnknownCall {
        /// The call asked for.
        call: String,
        /// The calls the needs name.
        known: Vec<String>,
    },
    /// The assignment could not be solved (an internal failure).
    #[error("{}", explor_engine::fr::batch::SOLVER_FAILED)]
    Assign(#[from] batch::BatchError),
    /// A pin or exclusion names a need the workspace does not have.
    #[error("{}", explor_engine::fr::batch::unknown_pinned_need(.need))]
    UnknownNeed {
        /// The need's id.
        need: String,
    },
    /// A pin or exclusion names an expert or offer the workspace does not have.
    #[error("{}", explor_engine::fr::batch::unknown_pinned_expert(.expert))]
    UnknownExpert {
        /// The id.
        expert: String,
    },
    /// A pin or exclusion names a need of another call.
    #[error("{}", explor_engine::fr::batch::need_not_in_call(.need, .call))]
    NeedNotInCall {
        /// The need's id.
        need: String,
        /// The call of the run.
        call: String,
    },
    /// The pins and exclusions cannot be applied (a mistake the user can fix).
    #[error(transparent)]
    Constraint(batch::ConstraintError),
}

impl From<batch::ConstraintError> for BatchRunError {
    fn from(e: batch::ConstraintError) -> Self {
        match e {
            batch::ConstraintError::Batch(b) => Self::Assign(b),
            other => Self::Constraint(other),
        }
    }
}

impl Workspace {
    /// Assigns the open needs of a call for projects (every need when `call` is
    /// `None`) to experts and company offers, optimally: see [`explor_engine::batch`].
    ///
    /// A need is open while its missions (cancelled ones aside) send fewer people than
    /// it wants; it is assigned only the places left. People already booked are not
    /// proposed on overlapping dates, and offers count the missions they staff (see
    /// [`Workspace::bookings`]).
    pub fn batch(
        &self,
        options: &BatchOptions,
        progress: &(dyn Fn(BatchProgress) + Sync),
    ) -> Result<BatchRun, BatchRunError> {
        let setup = self.scoring_setup(options.include_pending)?;
        let scorer = setup.scorer();
        let all = self.needs()?;
        for p in options.pins.iter().chain(&options.excludes) {
            let Some(n) = all.iter().find(|n| n.id == p.need) else {
                return Err(BatchRunError::UnknownNeed {
                    need: p.need.clone(),
                });
            };
            if let Some(call) = &options.call
                && n.call.as_deref() != Some(call.as_str())
            {
                return Err(BatchRunError::NeedNotInCall {
                    need: p.need.clone(),
                    call: call.clone(),
                });
            }
        }
        let needs: Vec<Need> = match &options.call {
            None => all,
            Some(call) => {
                let (mine, others): (Vec<Need>, Vec<Need>) = all
                    .into_iter()
                    .partition(|n| n.call.as_deref() == Some(call.as_str()));
                if mine.is_empty() {
                    let known: BTreeSet<String> =
                        others.into_iter().filter_map(|n| n.call).collect();
                    return Err(BatchRunError::UnknownCall {
                        call: call.clone(),
                        known: known.into_iter().collect(),
                    });
                }
                mine
            }
        };
        let needs = self.open_needs(needs)?;
        let records = self.records_for_scoring()?;
        let matched = match_needs(self.index(), &scorer, &records, needs, options, progress)?;
        drop(records);
        matched.assign(options, progress)
    }
}

impl Workspace {
    /// Every expert and offer, as the batch holds them while it judges candidates:
    /// without what scoring never reads (an expert's bio — the longest text, which
    /// counts through the search index — e-mail and phone), read a chunk at a time so
    /// that those are never all in memory at once.
    fn records_for_scoring(&self) -> Result<Vec<Record>, Error> {
        let mut records = Vec::new();
        for kind in [RecordKind::Expert, RecordKind::Offer] {
            self.store.records_in_chunks(kind, 4096, |chunk| {
                records.extend(chunk.into_iter().map(|mut r| {
                    if let Record::Expert(e) = &mut r {
                        e.bio = String::new();
                        e.email = None;
                        e.phone = None;
                    }
                    r
                }));
                Ok(())
            })?;
        }
        Ok(records)
    }
}

/// The batch pipeline over records held in memory: for each need, in parallel, the
/// `top_k` best eligible candidates as `explor match` ranks them ([`match_top`]:
/// retrieval from `index`, then the scorer's gates and criteria); company quotas from the offers and
/// employers in `records` and the scorer's bookings; then the engine's assignment.
/// `options.call` and `options.include_pending` are only reported: the caller picks
/// the needs and sets up the scorer.
pub fn run_batch(
    index: &SearchIndex,
    scorer: &Scorer<'_>,
    records: &[Record],
    needs: Vec<Need>,
    options: &BatchOptions,
    progress: &(dyn Fn(BatchProgress) + Sync),
) -> Result<BatchRun, BatchRunError> {
    match_needs(index, scorer, records, needs, options, progress)?.assign(options, progress)
}

/// A run's needs with their candidates and the quotas, all that the assignment reads:
/// the records can be let go before it (they are most of a large run's memory).
pub struct Matched {
    needs: Vec<Need>,
    input: BatchInput,
    matching: Duration,
    clock: StageClock,
}

/// The first half of [`run_batch`]: every need's candidates, the quotas, and the pinned
/// pairs judged.
pub fn match_needs(
    index: &SearchIndex,
    scorer: &Scorer<'_>,
    records: &[Record],
    mut needs: Vec<Need>,
    options: &BatchOptions,
    progress: &(dyn Fn(BatchProgress) + Sync),
) -> Result<Matched, BatchRunError> {
    use rayon::prelude::*;

    needs.sort_by(|a, b| a.id.cmp(&b.id));
    let by_id = candidates_by_id(records);
    if let Some(p) = options
        .pins
        .iter()
        .chain(&options.excludes)
        .find(|p| !by_id.contains_key(p.expert.as_str()))
    {
        return Err(BatchRunError::UnknownExpert {
            expert: p.expert.clone(),
        });
    }
    let shared = index.prepare_for_many_queries()?;

    let started = Instant::now();
    let total = needs.len();
    let done = AtomicUsize::new(0);
    let clock = StageClock::default();
    progress(BatchProgress::Matching { done: 0, total });
    let mut candidates: Vec<NeedCandidates> = needs
        .par_iter()
        .map(|need| {
            let found = need_candidates(index, scorer, &by_id, need, options.top_k, &clock);
            let n = done.fetch_add(1, Ordering::Relaxed) + 1;
            progress(BatchProgress::Matching { done: n, total });
            found
        })
        .collect::<Result<_, Error>>()?;
    let matching = started.elapsed();
    drop(shared);
    let quotas = Quotas::from_records(
        records.iter().filter_map(|r| match r {
            Record::Expert(e) => Some(&**e),
            _ => None,
        }),
        records.iter().filter_map(|r| match r {
            Record::Offer(o) => Some(&**o),
            _ => None,
        }),
        scorer.bookings,
    );
    pinned_candidates(scorer, &by_id, &needs, &mut candidates, &options.pins);
    Ok(Matched {
        needs,
        input: BatchInput {
            needs: candidates,
            quotas,
            min_score: options.min_score,
        },
        matching,
        clock,
    })
}

impl Matched {
    /// The second half of [`run_batch`]: the assignment, solved and explained.
    pub fn assign(
        self,
        options: &BatchOptions,
        progress: &(dyn Fn(BatchProgress) + Sync),
    ) -> Result<BatchRun, BatchRunError> {
        progress(BatchProgress::Solving);
        let started = Instant::now();
        let batch = batch::assign_with(
            &self.input,
            &Constraints {
                pins: options.pins.clone(),
                excludes: options.excludes.clone(),
            },
        )?;
        Ok(BatchRun {
            options: options.clone(),
            needs: self.needs,
            batch,
            timings: BatchTimings {
                matching: self.matching,
                top_cpu: StageClock::total(&self.clock.matching),
                nearest_cpu: StageClock::total(&self.clock.nearest),
                assignment: started.elapsed(),
            },
        })
    }
}

/// One need's best `top` eligible candidates, ranked as `explor match` ranks them
/// ([`match_top`]: exact, from a bounded retrieval); when none is eligible, the nearest
/// excluded ones with the gates they fail (see [`NEAREST_POOL`]).
fn need_candidates(
    index: &SearchIndex,
    scorer: &Scorer<'_>,
    by_id: &HashMap<&str, &Record>,
    need: &Need,
    top: usize,
    clock: &StageClock,
) -> Result<NeedCandidates, Error> {
    let started = Instant::now();
    let MatchResult { candidates, .. } = match_top(index, scorer, need, top, |ids| {
        Ok(ids
            .iter()
            .filter_map(|id| by_id.get(id).copied())
            .collect::<Vec<&Record>>())
    })?;
    let started = StageClock::add(&clock.matching, started);
    let nearest = if candidates.is_empty() {
        nearest_excluded(index, scorer, by_id, need)?
    } else {
        Vec::new()
    };
    StageClock::add(&clock.nearest, started);
    Ok(NeedCandidates::new(
        &need.id,
        need.experts_wanted,
        candidates,
        nearest,
    ))
}

/// The experts and offers among `records`, by id.
/// Makes sure each pinned candidate is judged for its need even when it is not among
/// the need's `top_k`: eligible, it joins the need's candidates (scored without the text
/// relevance retrieval would give it); not, it joins the nearest excluded ones, so the
/// engine refuses the pin naming the gate.
fn pinned_candidates(
    scorer: &Scorer<'_>,
    by_id: &HashMap<&str, &Record>,
    needs: &[Need],
    candidates: &mut [NeedCandidates],
    pins: &[Pair],
) {
    for p in pins {
        let (Some(need), Some(found)) = (
            needs.iter().find(|n| n.id == p.need),
            candidates.iter_mut().find(|n| n.need == p.need),
        ) else {
            continue;
        };
        if found.candidates.iter().any(|c| c.id == p.expert) {
            continue;
        }
        let Some(subject) = by_id.get(p.expert.as_str()).and_then(|r| Subject::of(r)) else {
            continue;
        };
        match scorer.evaluate(need, subject, 0.0) {
            Evaluation::Eligible(s) => found.candidates.push(Proposal::from(s)),
            Evaluation::Excluded(x) => found.nearest.insert(0, x),
        }
    }
}

fn candidates_by_id(records: &[Record]) -> HashMap<&str, &Record> {
    records
        .iter()
        .filter_map(|r| Subject::of(r).map(|s| (s.id(), r)))
        .collect()
}

/// The [`NEAREST`] excluded candidates closest to eligibility for a need nobody is
/// eligible for, judged by every gate among the [`NEAREST_POOL`] most relevant to its
/// text that retrieval lets through (or, if it lets nobody through, among all).
fn nearest_excluded(
    index: &SearchIndex,
    scorer: &Scorer<'_>,
    by_id: &HashMap<&str, &Record>,
    need: &Need,
) -> Result<Vec<Excluded>, Error> {
    // Retrieval returns the most relevant first; only the first ones are read.
    let mut pool: Vec<(&str, f32)> = index
        .most_relevant(need, NEAREST_POOL)?
        .iter()
        .filter_map(|c| {
            by_id
                .get_key_value(c.id.as_str())
                .map(|(k, _)| (*k, c.relevance))
        })
        .take(NEAREST_POOL)
        .collect();
    if pool.is_empty() {
        pool = index
            .relevance_all(need)?
            .iter()
            .filter_map(|(id, r)| by_id.get_key_value(id.as_str()).map(|(k, _)| (*k, *r)))
            .collect();
        pool.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(b.0)));
        pool.truncate(NEAREST_POOL);
    }
    let subjects: Vec<(Subject<'_>, f32)> = pool
        .iter()
        .filter_map(|&(id, r)| Some((Subject::of(by_id.get(id)?)?, r)))
        .collect();
    let relevance: HashMap<&str, f32> = pool.into_iter().collect();
    let excluded = scorer
        .rank(need, &subjects, Some(0), true)
        .excluded
        .into_iter()
        .map(|x| {
            let r = relevance.get(x.id.as_str()).copied().unwrap_or(0.0);
            (x, r)
        })
        .collect();
    Ok(batch::nearest(excluded, NEAREST))
}

#[cfg(test)]
mod tests {
    //! 1. Each need's candidates in a batch are those `match` gives with `--top K`.
    //! 2. On the sample's spring call, nobody is assigned twice and every assignment
    //!    is one of its need's candidates; an unknown call is a user error naming the
    //!    known ones.

    use super::*;
    use crate::MatchOptions;
    use explor_engine::batch::Proposal;

    use crate::test_support::sample_workspace;

    #[test]
    fn batch_candidates_are_those_of_match() {
        let (_dir, ws) = sample_workspace();
        let options = BatchOptions {
            top_k: 7,
            ..BatchOptions::default()
        };
        let setup = ws.scoring_setup(false).unwrap();
        let scorer = setup.scorer();
        let mut records = ws.records(RecordKind::Expert).unwrap();
        records.extend(ws.records(RecordKind::Offer).unwrap());
        let by_id = candidates_by_id(&records);
        let needs: Vec<Need> = ws.needs().unwrap();
        // As a batch runs: the needs share term scores and value levels.
        let shared = ws.index().prepare_for_many_queries().unwrap();
        let clock = StageClock::default();
        let found: Vec<NeedCandidates> = needs
            .iter()
            .map(|need| {
                need_candidates(ws.index(), &scorer, &by_id, need, options.top_k, &clock).unwrap()
            })
            .collect();
        drop(shared);
        for (need, mine) in needs.iter().zip(found) {
            let theirs = ws
                .match_need(
                    &need.id,
                    MatchOptions {
                        top: options.top_k,
                        include_ineligible: false,
                        include_pending: false,
                    },
                )
                .unwrap();
            let expected: Vec<Proposal> =
                theirs.candidates.into_iter().map(Proposal::from).collect();
            assert_eq!(mine.candidates, expected, "{}", need.id);
            assert_eq!(mine.wanted, need.experts_wanted);
        }
    }

    #[test]
    fn the_spring_call_is_assigned() {
        let (_dir, ws) = sample_workspace();
        let options = BatchOptions {
            call: Some("2027-printemps".into()),
            ..BatchOptions::default()
        };
        let run = ws.batch(&options, &|_| {}).unwrap();
        assert_eq!(run.needs.len(), 21);
        assert!(
            run.needs
                .iter()
                .all(|n| n.call.as_deref() == Some("2027-printemps"))
        );
        let r = &run.batch.result;
        assert!(r.objective.covered > 0);
        let mut experts = BTreeSet::new();
        for a in &r.assignments {
            if a.kind == explor_engine::CandidateKind::Expert {
                assert!(experts.insert(&a.candidate), "{} twice", a.candidate);
            }
        }
        let err = ws
            .batch(
                &BatchOptions {
                    call: Some("2030-ete".into()),
                    ..options
                },
                &|_| {},
            )
            .unwrap_err();
        assert!(matches!(err, BatchRunError::UnknownCall { .. }));
        assert!(
            err.to_string().contains("2027-automne, 2027-printemps"),
            "{err}"
        );
    }

    #[test]
    fn pins_and_exclusions_pass_through_and_bad_ids_are_refused() {
        let (_dir, ws) = sample_workspace();
        let options = BatchOptions {
            call: Some("2027-printemps".into()),
            ..BatchOptions::default()
        };
        let plain = ws.batch(&options, &|_| {}).unwrap();
        let a = &plain.batch.result.assignments[0];
        let (need, alt) = plain
            .batch
            .result
            .alternates
            .iter()
            .find_map(|(n, alts)| alts.first().map(|x| (n.clone(), x.candidate.clone())))
            .unwrap();
        let pin = Pair::new(&need, &alt);
        let run = ws
            .batch(
                &BatchOptions {
                    pins: vec![pin.clone()],
                    excludes: vec![Pair::new(&a.need, &a.candidate)],
                    ..options.clone()
                },
                &|_| {},
            )
            .unwrap();
        let r = &run.batch.result;
        assert!(
            r.assignments
                .iter()
                .any(|x| x.need == need && x.candidate == alt && x.pinned)
        );
        assert!(
            !r.assignments
                .iter()
                .any(|x| x.need == a.need && x.candidate == a.candidate)
        );
        let json = serde_json::to_value(run.report()).unwrap();
        assert_eq!(json["pins"][0]["need"], need.as_str());
        assert_eq!(json["excludes"][0]["expert"], a.candidate.as_str());

        let refused = |pins: Vec<Pair>| {
            ws.batch(
                &BatchOptions {
                    pins,
                    ..options.clone()
                },
                &|_| {},
            )
            .unwrap_err()
            .to_string()
        };
        assert!(refused(vec![Pair::new("nope", &alt)]).contains("besoin inconnu « nope »"));
        assert!(refused(vec![Pair::new(&need, "nobody")]).contains("« nobody »"));
    }
}
