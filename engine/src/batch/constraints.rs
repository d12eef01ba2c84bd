//! A coordinator's say in a batch run: pairs pinned (assigned before the solver runs)
//! and pairs excluded (never an edge).
//!
//! A pinned pair uses up one of its need's places and one of its candidate's capacity
//! (and of its company's quota); the rest is solved as without pins, the pinned needs
//! counting as covered already so that their remaining places never outrank covering
//! another need. A pin skips `min_score`: the coordinator decided. A pair pinned twice
//! counts once.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use serde::Serialize;

use super::{
    Batch, BatchError, BatchInput, Edge, Objective, Problem, Solution, report, solve_covered,
};
use crate::retrieval::CandidateKind;

/// A (need, expert or offer) pair a coordinator pins or excludes.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Pair {
    /// The need's id.
    pub need: String,
    /// The expert's (or offer's) id.
    pub expert: String,
}

impl Pair {
    /// The pair (`need`, `expert`).
    pub fn new(need: &str, expert: &str) -> Self {
        Self {
            need: need.to_owned(),
            expert: expert.to_owned(),
        }
    }
}

/// Pins and exclusions for a run.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Constraints {
    /// Pairs assigned before the solver runs.
    pub pins: Vec<Pair>,
    /// Pairs never assigned.
    pub excludes: Vec<Pair>,
}

/// Why pins or exclusions cannot be applied.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConstraintError {
    /// The need is not part of the run (unknown, another call's, or wanting nobody).
    #[error("{}", crate::fr::batch::need_not_in_run(.need))]
    NeedNotInRun {
        /// The need's id.
        need: String,
    },
    /// The candidate is not an eligible candidate of the need.
    #[error("{}", crate::fr::batch::not_a_candidate(.need, .expert))]
    NotACandidate {
        /// The need's id.
        need: String,
        /// The candidate's id.
        expert: String,
    },
    /// The candidate fails an eligibility gate for the need.
    #[error("{}", crate::fr::batch::fails_gate(.need, .expert, .gate))]
    FailsGate {
        /// The need's id.
        need: String,
        /// The candidate's id.
        expert: String,
        /// The gates it fails (comma-separated).
        gate: String,
    },
    /// The same pair is pinned and excluded.
    #[error("{}", crate::fr::batch::pinned_and_excluded(.need, .expert))]
    PinnedAndExcluded {
        /// The need's id.
        need: String,
        /// The candidate's id.
        expert: String,
    },
    /// More pins on a need than it has places.
    #[error("{}", crate::fr::batch::too_many_for_need(.need, .pins, .wanted))]
    TooManyForNeed {
        /// The need's id.
        need: String,
        /// Distinct pins on it.
        pins: u32,
        /// Its places.
        wanted: u32,
    },
    /// More pins on a candidate than its capacity.
    #[error("{}", crate::fr::batch::too_many_for_expert(.expert, .pins, .capacity))]
    TooManyForExpert {
        /// The candidate's id.
        expert: String,
        /// Distinct pins on it.
        pins: u32,
        /// Its capacity.
        capacity: u32,
    },
    /// More pins on a company's candidates than its quota.
    #[error("{}", crate::fr::batch::too_many_for_company(.company, .pins, .quota))]
    TooManyForCompany {
        /// The company's id.
        company: String,
        /// Distinct pins on its candidates.
        pins: u32,
        /// Its quota.
        quota: u32,
    },
    /// The problem itself cannot be solved.
    #[error(transparent)]
    Batch(#[from] BatchError),
}

impl Constraints {
    /// Whether there is nothing to apply.
    pub fn is_empty(&self) -> bool {
        self.pins.is_empty() && self.excludes.is_empty()
    }

    pub(super) fn pinned(&self, need: &str, expert: &str) -> bool {
        self.pins
            .iter()
            .any(|p| p.need == need && p.expert == expert)
    }

    pub(super) fn excluded(&self, need: &str, expert: &str) -> bool {
        self.excludes
            .iter()
            .any(|p| p.need == need && p.expert == expert)
    }

    /// The distinct pins, checked against the run.
    fn check(&self, input: &BatchInput) -> Result<BTreeSet<&Pair>, ConstraintError> {
        let needs: BTreeMap<&str, _> = input
            .needs
            .iter()
            .filter(|n| n.wanted > 0)
            .map(|n| (n.need.as_str(), n))
            .collect();
        for p in self.pins.iter().chain(&self.excludes) {
            let Some(need) = needs.get(p.need.as_str()) else {
                return Err(ConstraintError::NeedNotInRun {
                    need: p.need.clone(),
                });
            };
            if !need.candidates.iter().any(|c| c.id == p.expert) {
                // Say which gate keeps it out when the scoring stage told us.
                if let Some(x) = need.nearest.iter().find(|x| x.id == p.expert) {
                    return Err(ConstraintError::FailsGate {
                        need: p.need.clone(),
                        expert: p.expert.clone(),
                        gate: x
                            .reasons
                            .iter()
                            .map(|r| r.gate.id().to_owned())
                            .collect::<Vec<_>>()
                            .join(", "),
                    });
                }
                return Err(ConstraintError::NotACandidate {
                    need: p.need.clone(),
                    expert: p.expert.clone(),
                });
            }
        }
        let pins: BTreeSet<&Pair> = self.pins.iter().collect();
        if let Some(p) = self.excludes.iter().find(|p| pins.contains(p)) {
            return Err(ConstraintError::PinnedAndExcluded {
                need: p.need.clone(),
                expert: p.expert.clone(),
            });
        }
        let mut per_need: BTreeMap<&str, u32> = BTreeMap::new();
        let mut per_expert: BTreeMap<&str, u32> = BTreeMap::new();
        for p in &pins {
            *per_need.entry(&p.need).or_default() += 1;
            *per_expert.entry(&p.expert).or_default() += 1;
        }
        for (need, &count) in &per_need {
            let wanted = needs[need].wanted;
            if count > wanted {
                return Err(ConstraintError::TooManyForNeed {
                    need: (*need).to_owned(),
                    pins: count,
                    wanted,
                });
            }
        }
        let mut per_company: BTreeMap<&str, u32> = BTreeMap::new();
        for (expert, &count) in &per_expert {
            let kind = input
                .needs
                .iter()
                .flat_map(|n| &n.candidates)
                .find(|c| c.id == *expert)
                .map_or(CandidateKind::Expert, |c| c.kind);
            let (capacity, company) = input.quotas.capacity(expert, kind);
            if count > capacity {
                return Err(ConstraintError::TooManyForExpert {
                    expert: (*expert).to_owned(),
                    pins: count,
                    capacity,
                });
            }
            if let Some(co) = company {
                *per_company.entry(co).or_default() += count;
            }
        }
        for (company, count) in per_company {
            let quota = input.quotas.company_quota(company);
            if count > quota {
                return Err(ConstraintError::TooManyForCompany {
                    company: company.to_owned(),
                    pins: count,
                    quota,
                });
            }
        }
        Ok(pins)
    }
}

/// [`super::assign`] with pins and exclusions: the pinned pairs first, the rest solved
/// exactly around them. Without pins or exclusions, the same result as `assign`.
pub fn assign_with(
    input: &BatchInput,
    constraints: &Constraints,
) -> Result<Batch, ConstraintError> {
    let pins = constraints.check(input)?;
    let problem = input.problem_with(constraints)?;
    if pins.is_empty() {
        let solution = super::solve(&problem)?;
        let result = report::explain(input, &problem, &solution, constraints);
        return Ok(Batch { problem, result });
    }
    let rest = without_pins(&problem, &pins);
    let covered: HashSet<&str> = pins.iter().map(|p| p.need.as_str()).collect();
    let solved = solve_covered(&rest, &covered)?;
    let mut pairs: Vec<Edge> = problem
        .edges
        .iter()
        .filter(|e| pins.contains(&Pair::new(&e.need, &e.candidate)))
        .cloned()
        .collect();
    let pinned_weight: i64 = pairs.iter().map(|e| e.weight).sum();
    pairs.extend(solved.pairs);
    pairs.sort_by(|a, b| {
        a.need
            .cmp(&b.need)
            .then_with(|| a.candidate.cmp(&b.candidate))
    });
    let solution = Solution {
        objective: Objective {
            covered: solved.objective.covered + covered.len(),
            total_weight: solved.objective.total_weight + pinned_weight,
        },
        pairs,
        components: solved.components,
    };
    let result = report::explain(input, &problem, &solution, constraints);
    Ok(Batch { problem, result })
}

/// The problem left once the pins are assigned: their edges gone, their needs' places,
/// candidates' capacities and companies' quotas reduced by what they use.
fn without_pins(problem: &Problem, pins: &BTreeSet<&Pair>) -> Problem {
    let mut rest = problem.clone();
    rest.edges
        .retain(|e| !pins.contains(&Pair::new(&e.need, &e.candidate)));
    for p in pins {
        if let Some(n) = rest.needs.iter_mut().find(|n| n.id == p.need) {
            n.wanted = n.wanted.saturating_sub(1);
        }
        if let Some(c) = rest.candidates.iter_mut().find(|c| c.id == p.expert) {
            c.capacity = c.capacity.saturating_sub(1);
            if let Some(co) = &c.company
                && let Some(q) = rest.companies.iter_mut().find(|q| &q.id == co)
            {
                q.quota = q.quota.saturating_sub(1);
            }
        }
    }
    rest
}
