//! Batch assignment: every open need of a call for projects against its eligible
//! candidates, assigned at once, exactly.
//!
//! The input is, for each need, its best eligible candidates as the scoring stage ranks
//! them ([`Scored`], kept as lighter [`Proposal`]s), and the [`Quotas`] (an expert
//! takes one need, an offer its missions left, a company's offers and employees share
//! its quota). [`assign`] turns
//! them into a [`Problem`] with integer weights — a candidate's score in hundredths —
//! and [`solve`]s it: the most needs covered first, then the largest total weight.
//! [`BatchResult`] then explains the outcome: assignments with their main reasons,
//! needs left unserved and why (no eligible candidate, and which gates excluded the
//! nearest ones; or every candidate taken, and by which needs), and two alternates per
//! need.
//!
//! One design decision: coverage first is made exact by a bonus, not by two solves.
//! Each need's first place carries a bonus B one larger than the total weight of its
//! connected component, so one more need covered outweighs any gain in score; the
//! min-cost flow then finds the lexicographic optimum in one pass. The problem is split
//! into connected components first (needs and candidates joined by an edge, candidates
//! joined by a company): they are solved in parallel, each with its own B, and merged by
//! need id, so the result does not depend on thread timing. (The places beyond a
//! need's first reach it through a node of their own, so that the solver's first push
//! moves all supply off the source: without that, a 1M-edge solve took 36 s, not 0.5.)
//!
//! ```
//! use explor_engine::batch::{BatchInput, NeedCandidates, Quotas, assign};
//! use explor_engine::scoring::Scored;
//! use explor_engine::CandidateKind;
//! use chrono::NaiveDate;
//!
//! let scored = |id: &str, score: f64| Scored {
//!     id: id.into(), kind: CandidateKind::Expert, score,
//!     start: NaiveDate::from_ymd_opt(2027, 3, 1).unwrap(),
//!     end: NaiveDate::from_ymd_opt(2027, 3, 10).unwrap(),
//!     criteria: vec![], flags: vec![],
//! };
//! let need = |id: &str, ranked| NeedCandidates::new(id, 1, ranked, vec![]);
//! // Alice is the best for both needs, but only Alice can serve need-b:
//! // coverage comes first, so need-a gets Bob.
//! let input = BatchInput {
//!     needs: vec![
//!         need("need-a", vec![scored("alice", 90.0), scored("bob", 50.0)]),
//!         need("need-b", vec![scored("alice", 30.0)]),
//!     ],
//!     quotas: Quotas::default(),
//!     min_score: 0.0,
//! };
//! let batch = assign(&input).unwrap();
//! assert_eq!(batch.result.objective.covered, 2);
//! assert_eq!(batch.result.objective.total_weight, 8_000); // 50.00 + 30.00, in hundredths
//! let pairs: Vec<_> = batch.result.assignments.iter()
//!     .map(|a| (a.need.as_str(), a.candidate.as_str())).collect();
//! assert_eq!(pairs, [("need-a", "bob"), ("need-b", "alice")]);
//! // The exported problem gives the same optimum to anyone who solves it.
//! let again = explor_engine::batch::solve(&batch.problem).unwrap();
//! assert_eq!(again.objective, batch.result.objective);
//! ```

mod constraints;
mod problem;
mod quotas;
mod report;

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::sync::Arc;

use chrono::NaiveDate;
use serde::Serialize;

use crate::retrieval::CandidateKind;
use crate::scoring::{Excluded, Flag, Scored, main_reasons};

pub use constraints::{ConstraintError, Constraints, Pair, assign_with};
pub(crate) use problem::solve_covered;
pub use problem::{
    BatchError, CandidateNode, CompanyNode, Edge, NeedNode, Objective, Problem, Solution, solve,
};
pub use quotas::{OfferQuota, Quotas};

/// The largest weight: a score of 100.00.
pub const MAX_WEIGHT: i64 = 10_000;

/// A score in hundredths, the integer weight the solver works with (0–[`MAX_WEIGHT`];
/// scores are 0–100 by the scorer's contract, anything else is clamped).
pub fn weight(score: f64) -> i64 {
    if score.is_nan() {
        return 0;
    }
    ((score * 100.0).round() as i64).clamp(0, MAX_WEIGHT)
}

/// One need of a run and what the scoring stage found for it.
#[derive(Debug, Clone, PartialEq)]
pub struct NeedCandidates {
    /// The need's id.
    pub need: String,
    /// How many experts it wants (`experts_wanted`); a need that wants none is left out.
    pub wanted: u32,
    /// Its best eligible candidates (any order: they are ranked by score, then id).
    pub candidates: Vec<Proposal>,
    /// When no candidate is eligible: the nearest excluded ones, with the gates they
    /// fail (see [`nearest`]). Ignored otherwise.
    pub nearest: Vec<Excluded>,
}

impl NeedCandidates {
    /// A need with its scored candidates, each kept as a [`Proposal`].
    ///
    /// A need's candidates often say the same things ("même thématique : …", the same
    /// travel advice to check): each text and each list of flags is kept once per need
    /// and shared, which is most of a large run's memory.
    pub fn new(need: &str, wanted: u32, ranked: Vec<Scored>, nearest: Vec<Excluded>) -> Self {
        let mut texts: HashSet<Arc<str>> = HashSet::new();
        let mut flag_lists: Vec<Arc<[Flag]>> = Vec::new();
        let candidates = ranked
            .into_iter()
            .map(|s| {
                let mut p = Proposal::from(s);
                for reason in &mut p.reasons {
                    match texts.get(reason) {
                        Some(same) => *reason = same.clone(),
                        None => {
                            texts.insert(reason.clone());
                        }
                    }
                }
                match flag_lists.iter().find(|f| f[..] == p.flags[..]) {
                    Some(same) => p.flags = same.clone(),
                    None => flag_lists.push(p.flags.clone()),
                }
                p
            })
            .collect();
        Self {
            need: need.to_owned(),
            wanted,
            candidates,
            nearest,
        }
    }
}

/// An eligible candidate for a need, as a batch run keeps it: a [`Scored`] without the
/// per-criterion breakdown, only the few criteria that weigh most, in words. A run
/// holds up to `top_k` of them per need; most are never assigned.
#[derive(Debug, Clone, PartialEq)]
pub struct Proposal {
    /// Candidate id.
    pub id: String,
    /// Expert or offer.
    pub kind: CandidateKind,
    /// Score, 0–100.
    pub score: f64,
    /// First day of the proposed dates.
    pub start: NaiveDate,
    /// Last day.
    pub end: NaiveDate,
    /// The criteria that weigh most, in words ([`main_reasons`]).
    pub reasons: Vec<Arc<str>>,
    /// What to check although the candidate is eligible.
    pub flags: Arc<[Flag]>,
}

impl From<Scored> for Proposal {
    fn from(s: Scored) -> Self {
        let reasons = main_reasons(&s.criteria)
            .into_iter()
            .map(|c| Arc::from(c.detail.as_str()))
            .collect();
        Self {
            id: s.id,
            kind: s.kind,
            score: s.score,
            start: s.start,
            end: s.end,
            reasons,
            flags: s.flags.into(),
        }
    }
}

/// Everything a batch run needs.
#[derive(Debug, Clone, PartialEq)]
pub struct BatchInput {
    /// The needs of the run.
    pub needs: Vec<NeedCandidates>,
    /// Offer capacities and company quotas.
    pub quotas: Quotas,
    /// Candidates scoring below this are not proposed.
    pub min_score: f64,
}

/// A solved run: the exact problem solved and the report on its solution.
#[derive(Debug, Clone, PartialEq)]
pub struct Batch {
    /// The problem, as `--export-graph` writes it.
    pub problem: Problem,
    /// The optimal assignment, explained.
    pub result: BatchResult,
}

/// The outcome of a batch run (the JSON shape of `explor batch`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BatchResult {
    /// Needs covered and total weight: the optimum of the exported problem.
    pub objective: Objective,
    /// Needs and places, wanted and filled.
    pub coverage: Coverage,
    /// The pairs assigned, by need id, then score descending, then candidate id.
    pub assignments: Vec<Assignment>,
    /// Needs that got nobody, by id, each with the reason.
    pub unserved: Vec<Unserved>,
    /// Needs that got someone but fewer than they want, by id.
    pub partly_served: Vec<PartlyServed>,
    /// For each need, the two best candidates not assigned to it (free ones first).
    pub alternates: BTreeMap<String, Vec<Alternate>>,
    /// How many independent parts the problem was split into.
    pub components: usize,
}

/// Counts over the run.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Coverage {
    /// Needs in the run.
    pub needs: usize,
    /// Needs that got at least one candidate.
    pub covered: usize,
    /// Places wanted, over all needs.
    pub places_wanted: u64,
    /// Places filled.
    pub places_filled: u64,
    /// Sum of the scores assigned (two decimals).
    pub total_score: f64,
}

/// A candidate assigned to a need.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Assignment {
    /// The need's id.
    pub need: String,
    /// The candidate's id.
    pub candidate: String,
    /// Expert or offer.
    pub kind: CandidateKind,
    /// The integer weight the solver used (score in hundredths).
    pub weight: i64,
    /// The score, 0–100.
    pub score: f64,
    /// First day of the proposed dates.
    pub start: NaiveDate,
    /// Last day.
    pub end: NaiveDate,
    /// The company whose quota it uses, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub company: Option<String>,
    /// The criteria that weigh most, in words (up to three).
    pub reasons: Vec<String>,
    /// What to check although the candidate is eligible.
    pub flags: Vec<Flag>,
    /// Whether the coordinator pinned this pair (assigned before the solver ran).
    pub pinned: bool,
}

/// A need that got nobody.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Unserved {
    /// The need's id.
    pub need: String,
    /// How many it wanted.
    pub wanted: u32,
    /// Why.
    #[serde(flatten)]
    pub reason: Reason,
}

/// Why a need got nobody.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum Reason {
    /// No expert or offer passes every gate.
    NoEligibleCandidate {
        /// The nearest excluded candidates, with the gates they fail.
        nearest: Vec<Excluded>,
    },
    /// Some are eligible, but all score below `--min-score`.
    BelowMinScore {
        /// The best of them.
        best: String,
        /// Its score.
        score: f64,
    },
    /// Every eligible candidate went to other needs, or its company's quota did.
    CandidatesTaken {
        /// The assignments that hold them.
        by: Vec<Taken>,
    },
    /// The coordinator excluded every candidate it had.
    AllExcluded,
}

/// An assignment that holds a candidate another need wanted.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Taken {
    /// The candidate assigned.
    pub candidate: String,
    /// The need it went to.
    pub need: String,
    /// Set when the candidate wanted was not itself taken but its company's quota was
    /// used up: the company, and `candidate`/`need` are one of the assignments using it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quota_of: Option<String>,
}

/// A need with fewer candidates than it wants.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PartlyServed {
    /// The need's id.
    pub need: String,
    /// Places wanted.
    pub wanted: u32,
    /// Places filled.
    pub filled: u32,
}

/// A candidate a need could turn to if an assigned one declines.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Alternate {
    /// The candidate's id.
    pub candidate: String,
    /// Expert or offer.
    pub kind: CandidateKind,
    /// Its score for the need.
    pub score: f64,
    /// Its weight for the need.
    pub weight: i64,
    /// First day of the proposed dates.
    pub start: NaiveDate,
    /// Last day.
    pub end: NaiveDate,
    /// Whether it could still be assigned: places and company quota left.
    pub free: bool,
    /// The needs it was assigned to in this run.
    pub taken_by: Vec<String>,
}

/// The candidates a need keeps after `min_score` (a pinned one always) and the
/// exclusions, ranked, without repeated ids.
fn kept<'n>(
    need: &'n NeedCandidates,
    min_score: f64,
    constraints: &Constraints,
) -> Vec<&'n Proposal> {
    let mut list: Vec<&Proposal> = need
        .candidates
        .iter()
        .filter(|s| {
            (s.score >= min_score || constraints.pinned(&need.need, &s.id))
                && !constraints.excluded(&need.need, &s.id)
        })
        .collect();
    list.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| a.id.cmp(&b.id))
            .then(a.kind.cmp(&b.kind))
    });
    let mut seen = BTreeSet::new();
    list.retain(|s| seen.insert(s.id.as_str()));
    list
}

impl BatchInput {
    /// The problem the run solves: needs that want someone, the candidates they keep
    /// after `min_score`, the companies those candidates count against, and one edge
    /// per (need, candidate) with its [`weight`]. Lists are sorted by id.
    ///
    /// An offer missing from the quotas counts as one mission left and no company
    /// (the scoring stage's `headcount` gate already let it through).
    pub fn problem(&self) -> Result<Problem, BatchError> {
        self.problem_with(&Constraints::default())
    }

    /// [`Self::problem`] with a coordinator's pins (kept whatever their score) and
    /// exclusions (no edge).
    pub fn problem_with(&self, constraints: &Constraints) -> Result<Problem, BatchError> {
        let mut needs: Vec<&NeedCandidates> = self.needs.iter().filter(|n| n.wanted > 0).collect();
        needs.sort_by(|a, b| a.need.cmp(&b.need));
        if let Some(w) = needs.windows(2).find(|w| w[0].need == w[1].need) {
            return Err(BatchError::DuplicateId {
                what: "needs",
                id: w[0].need.clone(),
            });
        }
        // Each candidate once, with the kind it is first met with.
        let mut kinds: HashMap<&str, CandidateKind> = HashMap::new();
        let mut edges: Vec<Edge> = Vec::new();
        // Edges in (need, candidate) order: the needs are in order, and each need's
        // candidates are put in order among themselves (a need keeps each once).
        for n in &needs {
            let first = edges.len();
            for s in kept(n, self.min_score, constraints) {
                kinds.entry(&s.id).or_insert(s.kind);
                edges.push(Edge {
                    need: n.need.clone(),
                    candidate: s.id.clone(),
                    weight: weight(s.score),
                });
            }
            if let Some(own) = edges.get_mut(first..) {
                own.sort_by(|a, b| a.candidate.cmp(&b.candidate));
            }
        }
        debug_assert!(edges.is_sorted_by(|a, b| {
            (a.need.as_str(), a.candidate.as_str()) <= (b.need.as_str(), b.candidate.as_str())
        }));
        let mut quota_of: BTreeMap<&str, u32> = BTreeMap::new();
        for q in self.quotas.offers.values() {
            let total = quota_of.entry(&q.company).or_insert(0);
            *total = total.saturating_add(q.remaining);
        }
        let mut companies: BTreeSet<&str> = BTreeSet::new();
        let mut candidates: Vec<(&str, CandidateKind)> = kinds.into_iter().collect();
        candidates.sort_unstable_by_key(|(id, _)| *id);
        let candidates: Vec<CandidateNode> = candidates
            .into_iter()
            .map(|(id, kind)| {
                let (capacity, company) = match kind {
                    CandidateKind::Expert => (1, self.quotas.employees.get(id)),
                    CandidateKind::Offer => match self.quotas.offers.get(id) {
                        Some(q) => (q.remaining, Some(&q.company)),
                        None => (1, None),
                    },
                };
                if let Some(c) = company {
                    companies.insert(c);
                }
                CandidateNode {
                    id: id.to_owned(),
                    kind,
                    capacity,
                    company: company.cloned(),
                }
            })
            .collect();
        Ok(Problem {
            needs: needs
                .iter()
                .map(|n| NeedNode {
                    id: n.need.clone(),
                    wanted: n.wanted,
                })
                .collect(),
            candidates,
            companies: companies
                .into_iter()
                .map(|id| CompanyNode {
                    id: id.to_owned(),
                    quota: quota_of.get(id).copied().unwrap_or(0),
                })
                .collect(),
            edges,
        })
    }
}

/// Assigns the needs of a run: builds the [`Problem`], solves it exactly and explains
/// the solution. Deterministic: the same input gives the same result, in the same order.
pub fn assign(input: &BatchInput) -> Result<Batch, BatchError> {
    let problem = input.problem()?;
    let solution = solve(&problem)?;
    let result = report::explain(input, &problem, &solution, &Constraints::default());
    Ok(Batch { problem, result })
}

/// The `n` nearest of a need's excluded candidates: fewest gates failed, then highest
/// text relevance, then id. What a coordinator reads first when nobody is eligible.
pub fn nearest(mut excluded: Vec<(Excluded, f32)>, n: usize) -> Vec<Excluded> {
    excluded.sort_by(|(a, ra), (b, rb)| {
        a.reasons
            .len()
            .cmp(&b.reasons.len())
            .then(rb.total_cmp(ra))
            .then_with(|| a.id.cmp(&b.id))
            .then(a.kind.cmp(&b.kind))
    });
    excluded.truncate(n);
    excluded.into_iter().map(|(x, _)| x).collect()
}

#[cfg(test)]
mod tests;
