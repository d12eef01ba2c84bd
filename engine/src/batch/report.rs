//! From an optimal solution to what a coordinator reads: assignments with their reasons,
//! unserved needs with theirs, alternates and coverage.

use std::collections::{BTreeSet, HashMap};

use rayon::prelude::*;

use super::{
    Alternate, Assignment, BatchInput, BatchResult, Constraints, Coverage, NeedCandidates,
    PartlyServed, Problem, Proposal, Reason, Solution, Taken, Unserved, kept, weight,
};

/// How many alternates each need gets.
const ALTERNATES: usize = 2;

/// What the solution used of each candidate and company.
struct Load<'p> {
    /// Capacity and company of each candidate.
    candidate: HashMap<&'p str, (u32, Option<&'p str>)>,
    /// Quota of each company.
    quota: HashMap<&'p str, u32>,
    /// Needs each candidate went to, by need id.
    needs_of: HashMap<&'p str, Vec<&'p str>>,
    /// (candidate, need) pairs using each company's quota, by need id.
    company_use: HashMap<&'p str, Vec<(&'p str, &'p str)>>,
}

impl<'p> Load<'p> {
    fn new(problem: &'p Problem, solution: &'p Solution) -> Self {
        let candidate: HashMap<&str, (u32, Option<&str>)> = problem
            .candidates
            .iter()
            .map(|c| (c.id.as_str(), (c.capacity, c.company.as_deref())))
            .collect();
        let mut needs_of: HashMap<&str, Vec<&str>> = HashMap::new();
        let mut company_use: HashMap<&str, Vec<(&str, &str)>> = HashMap::new();
        for p in &solution.pairs {
            needs_of.entry(&p.candidate).or_default().push(&p.need);
            if let Some(&(_, Some(co))) = candidate.get(p.candidate.as_str()) {
                company_use
                    .entry(co)
                    .or_default()
                    .push((&p.candidate, &p.need));
            }
        }
        Self {
            candidate,
            quota: problem
                .companies
                .iter()
                .map(|c| (c.id.as_str(), c.quota))
                .collect(),
            needs_of,
            company_use,
        }
    }

    fn taken_by(&self, id: &str) -> &[&'p str] {
        self.needs_of.get(id).map_or(&[], Vec::as_slice)
    }

    fn own_full(&self, id: &str) -> bool {
        let capacity = self.candidate.get(id).map_or(0, |c| c.0);
        self.taken_by(id).len() >= capacity as usize
    }

    /// The company whose quota is used up, if the candidate counts against one.
    fn full_company(&self, id: &str) -> Option<&'p str> {
        let co = self.candidate.get(id)?.1?;
        let used = self.company_use.get(co).map_or(0, Vec::len);
        (used >= self.quota.get(co).copied().unwrap_or(0) as usize).then_some(co)
    }

    fn free(&self, id: &str) -> bool {
        !self.own_full(id) && self.full_company(id).is_none()
    }

    /// The assignments that keep a need's candidates from it.
    fn blockers(&self, candidates: &[&Proposal]) -> Vec<Taken> {
        let mut seen = BTreeSet::new();
        let mut out = Vec::new();
        for s in candidates {
            let found: Vec<Taken> = if self.own_full(&s.id) {
                self.taken_by(&s.id)
                    .iter()
                    .map(|n| Taken {
                        candidate: s.id.clone(),
                        need: (*n).to_owned(),
                        quota_of: None,
                    })
                    .collect()
            } else if let Some(co) = self.full_company(&s.id) {
                self.company_use
                    .get(co)
                    .into_iter()
                    .flatten()
                    .map(|(c, n)| Taken {
                        candidate: (*c).to_owned(),
                        need: (*n).to_owned(),
                        quota_of: Some(co.to_owned()),
                    })
                    .collect()
            } else {
                Vec::new()
            };
            for t in found {
                if seen.insert(t.clone()) {
                    out.push(t);
                }
            }
        }
        out
    }
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// Explains `solution`, the optimum of `problem`, built from `input`.
pub(super) fn explain(
    input: &BatchInput,
    problem: &Problem,
    solution: &Solution,
    constraints: &Constraints,
) -> BatchResult {
    let load = Load::new(problem, solution);
    let by_id: HashMap<&str, &NeedCandidates> =
        input.needs.iter().map(|n| (n.need.as_str(), n)).collect();
    let mut assigned: HashMap<&str, BTreeSet<&str>> = HashMap::new();
    for p in &solution.pairs {
        assigned.entry(&p.need).or_default().insert(&p.candidate);
    }

    // Each need on its own, on every core; gathered in the needs' order.
    let explained: Vec<Explained> = problem
        .needs
        .par_iter()
        .map(|node| {
            let mut out = Explained::default();
            let Some(need) = by_id.get(node.id.as_str()) else {
                return out;
            };
            let candidates = kept(need, input.min_score, constraints);
            let mine = assigned.get(node.id.as_str());
            let is_mine = |id: &str| mine.is_some_and(|m| m.contains(id));

            let chosen = chosen(&candidates, is_mine);
            for s in &chosen {
                out.scores.push(s.score);
                let mut a = assignment(&node.id, s, &load);
                a.pinned = constraints.pinned(&node.id, &s.id);
                out.assignments.push(a);
            }
            let filled = chosen.len() as u32;
            if filled == 0 {
                out.unserved = Some(Unserved {
                    need: node.id.clone(),
                    wanted: node.wanted,
                    reason: unserved_reason(need, &candidates, &load, constraints),
                });
            } else if filled < node.wanted {
                out.partly_served = Some(PartlyServed {
                    need: node.id.clone(),
                    wanted: node.wanted,
                    filled,
                });
            }
            let alternates = alternates(&candidates, is_mine, &load);
            if !alternates.is_empty() {
                out.alternates = Some((node.id.clone(), alternates));
            }
            out
        })
        .collect();

    let mut result = outline(problem, solution);
    let mut total_score = 0.0;
    for e in explained {
        // Summed in the needs' order, as one need after the other.
        for score in e.scores {
            total_score += score;
        }
        result.assignments.extend(e.assignments);
        result.unserved.extend(e.unserved);
        result.partly_served.extend(e.partly_served);
        if let Some((need, alternates)) = e.alternates {
            result.alternates.insert(need, alternates);
        }
    }
    result.coverage.total_score = round2(total_score);
    result
}

/// What one need's explanation adds to the result.
#[derive(Default)]
struct Explained {
    /// The scores of its assignments, in order.
    scores: Vec<f64>,
    assignments: Vec<Assignment>,
    unserved: Option<Unserved>,
    partly_served: Option<PartlyServed>,
    alternates: Option<(String, Vec<Alternate>)>,
}

/// The result before any need is explained: the objective and the coverage counts.
fn outline(problem: &Problem, solution: &Solution) -> BatchResult {
    BatchResult {
        objective: solution.objective,
        coverage: Coverage {
            needs: problem.needs.len(),
            covered: solution.objective.covered,
            places_wanted: problem.needs.iter().map(|n| u64::from(n.wanted)).sum(),
            places_filled: solution.pairs.len() as u64,
            total_score: 0.0,
        },
        assignments: Vec::new(),
        unserved: Vec::new(),
        partly_served: Vec::new(),
        alternates: Default::default(),
        components: solution.components,
    }
}

/// The candidates the solution gave a need, by weight (highest first), then id.
fn chosen<'p>(candidates: &[&'p Proposal], is_mine: impl Fn(&str) -> bool) -> Vec<&'p Proposal> {
    let mut chosen: Vec<&Proposal> = candidates
        .iter()
        .copied()
        .filter(|s| is_mine(&s.id))
        .collect();
    chosen.sort_by(|a, b| {
        weight(b.score)
            .cmp(&weight(a.score))
            .then_with(|| a.id.cmp(&b.id))
    });
    chosen
}

/// Candidate `s` assigned to `need`, with its company and reasons.
fn assignment(need: &str, s: &Proposal, load: &Load<'_>) -> Assignment {
    Assignment {
        need: need.to_owned(),
        candidate: s.id.clone(),
        kind: s.kind,
        weight: weight(s.score),
        score: s.score,
        start: s.start,
        end: s.end,
        company: load
            .candidate
            .get(s.id.as_str())
            .and_then(|c| c.1)
            .map(str::to_owned),
        reasons: s.reasons.iter().map(ToString::to_string).collect(),
        flags: s.flags.to_vec(),
        pinned: false,
    }
}

/// Why a need got no one: its candidates were all taken, or none scored enough (the
/// best is named), or none was eligible (the nearest are named).
fn unserved_reason(
    need: &NeedCandidates,
    candidates: &[&Proposal],
    load: &Load<'_>,
    constraints: &Constraints,
) -> Reason {
    if !candidates.is_empty() {
        return Reason::CandidatesTaken {
            by: load.blockers(candidates),
        };
    }
    let mut left = need
        .candidates
        .iter()
        .filter(|s| !constraints.excluded(&need.need, &s.id))
        .peekable();
    if left.peek().is_none() && !need.candidates.is_empty() {
        return Reason::AllExcluded;
    }
    match left.max_by(|a, b| a.score.total_cmp(&b.score).then_with(|| b.id.cmp(&a.id))) {
        Some(best) => Reason::BelowMinScore {
            best: best.id.clone(),
            score: best.score,
        },
        None => Reason::NoEligibleCandidate {
            nearest: need.nearest.clone(),
        },
    }
}

/// The best candidates a need did not get, free ones first.
fn alternates(
    candidates: &[&Proposal],
    is_mine: impl Fn(&str) -> bool,
    load: &Load<'_>,
) -> Vec<Alternate> {
    let mut others: Vec<(bool, &Proposal)> = candidates
        .iter()
        .filter(|s| !is_mine(&s.id))
        .map(|s| (load.free(&s.id), *s))
        .collect();
    // Free ones first; the sort is stable, so each group keeps the ranking.
    others.sort_by_key(|(free, _)| !free);
    others
        .into_iter()
        .take(ALTERNATES)
        .map(|(free, s)| Alternate {
            candidate: s.id.clone(),
            kind: s.kind,
            score: s.score,
            weight: weight(s.score),
            start: s.start,
            end: s.end,
            free,
            taken_by: load
                .taken_by(&s.id)
                .iter()
                .map(|n| (*n).to_owned())
                .collect(),
        })
        .collect()
}
