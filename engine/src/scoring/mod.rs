//! The scoring stage: gates (hard eligibility) and criteria (soft, weighted), each
//! explained, turning candidates into a ranked list a coordinator can read.
//!
//! A candidate is *eligible* when it passes every gate; its score (0–100) is the weighted
//! mean of its criterion values. Ties are broken by id so the order is reproducible.

mod bound;
mod config;
mod criteria;
mod gates;
mod text;
mod vocab;

use chrono::NaiveDate;
use rayon::prelude::*;
use serde::Serialize;

pub use bound::{KnownValues, ScoreBound};
pub use config::{ScoringConfig, Weights};
pub use criteria::{CriterionScore, History};
pub use gates::{Bookings, Flag, GateFailure, consent_availability};
pub use text::{fold, stems};
pub use vocab::{Criterion, Gate};

use crate::model::{Expert, Need, Offer};
use crate::reference::Reference;
use crate::retrieval::CandidateKind;
use criteria::{NeedTerms, Profile};

/// Scores candidates for needs, with the reference lists, settings and bookings it needs.
#[derive(Debug, Clone, Copy)]
pub struct Scorer<'a> {
    /// Reference lists (taxonomy, countries, travel advice…).
    pub reference: Reference<'a>,
    /// Weights and knobs.
    pub config: &'a ScoringConfig,
    /// Booked dates and used quotas.
    pub bookings: &'a Bookings,
    /// Recent proposals, for rotation.
    pub history: &'a History,
}

/// What is being scored against a need.
#[derive(Debug, Clone, Copy)]
pub enum Subject<'s> {
    /// An expert.
    Expert(&'s Expert),
    /// A company offer.
    Offer(&'s Offer),
}

impl<'s> Subject<'s> {
    /// The subject a record stands for, if it is an expert or an offer.
    pub fn of(record: &'s crate::model::Record) -> Option<Self> {
        match record {
            crate::model::Record::Expert(e) => Some(Subject::Expert(e)),
            crate::model::Record::Offer(o) => Some(Subject::Offer(o)),
            _ => None,
        }
    }

    /// Its id.
    pub fn id(&self) -> &'s str {
        match self {
            Subject::Expert(e) => &e.id,
            Subject::Offer(o) => &o.id,
        }
    }

    /// Expert or offer.
    pub fn kind(&self) -> CandidateKind {
        match self {
            Subject::Expert(_) => CandidateKind::Expert,
            Subject::Offer(_) => CandidateKind::Offer,
        }
    }
}

/// An eligible candidate, scored and explained.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Scored {
    /// Candidate id (an expert, an offer, or a need when matching the other way).
    pub id: String,
    /// Expert or offer.
    pub kind: CandidateKind,
    /// Score, 0–100, two decimals.
    pub score: f64,
    /// First day of the earliest feasible dates.
    pub start: NaiveDate,
    /// Last day.
    pub end: NaiveDate,
    /// Per-criterion breakdown.
    pub criteria: Vec<CriterionScore>,
    /// What to check although the candidate is eligible.
    pub flags: Vec<Flag>,
}

/// An ineligible candidate and every gate it fails.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Excluded {
    /// Candidate id.
    pub id: String,
    /// Expert or offer.
    pub kind: CandidateKind,
    /// The gates failed.
    pub reasons: Vec<GateFailure>,
}

/// The verdict on one candidate.
#[derive(Debug, Clone, PartialEq)]
pub enum Evaluation {
    /// Passes every gate.
    Eligible(Scored),
    /// Fails at least one.
    Excluded(Excluded),
}

/// The ranked candidates for a need (the JSON shape of `explor match`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MatchResult {
    /// The need's id.
    pub need: String,
    /// Eligible candidates, by score descending, ties by id.
    pub candidates: Vec<Scored>,
    /// Ineligible candidates with their reasons, by id (filled on request).
    pub excluded: Vec<Excluded>,
}

/// How many criteria a short explanation names: those that weigh most.
pub const MAIN_REASONS: usize = 3;

/// The criteria that explain a score in short: those that add points, most points
/// first (ties by id), at most [`MAIN_REASONS`]. Match and batch explanations both
/// use this rule.
pub fn main_reasons(criteria: &[CriterionScore]) -> Vec<&CriterionScore> {
    let mut c: Vec<&CriterionScore> = criteria.iter().filter(|c| c.contribution > 0.0).collect();
    c.sort_by(|a, b| {
        b.contribution
            .total_cmp(&a.contribution)
            .then(a.criterion.id().cmp(b.criterion.id()))
    });
    c.truncate(MAIN_REASONS);
    c
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// Sorts scored candidates: score descending, then id, then kind.
pub fn sort_scored(list: &mut [Scored]) {
    list.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| a.id.cmp(&b.id))
            .then(a.kind.cmp(&b.kind))
    });
}

/// What judging a need's candidates computes once per need: its skill words, and the
/// gates of the need itself (its destination).
struct PerNeed {
    terms: NeedTerms,
    travel: gates::GateOutcome,
}

impl Scorer<'_> {
    fn per_need(&self, need: &Need) -> PerNeed {
        PerNeed {
            terms: NeedTerms::new(need),
            travel: self.travel_outcome(need),
        }
    }

    /// Runs every gate and, if all pass, every criterion.
    ///
    /// `relevance` is the text relevance of the need against the candidate (BM25 from the
    /// index); it enters the `skills` criterion through `bm25 / (bm25 + text_half)`, which
    /// does not depend on the other candidates, so a candidate's score is the same
    /// whichever set it is ranked in.
    pub fn evaluate(&self, need: &Need, subject: Subject<'_>, relevance: f32) -> Evaluation {
        self.evaluate_in(need, &self.per_need(need), subject, relevance, true)
    }

    fn evaluate_in(
        &self,
        need: &Need,
        per_need: &PerNeed,
        subject: Subject<'_>,
        relevance: f32,
        exact: bool,
    ) -> Evaluation {
        let outcome = self.gates_with(need, subject, &per_need.travel);
        let profile = Profile::of(subject);
        match (outcome.failures.is_empty(), outcome.dates) {
            (true, Some(dates)) => {
                let criteria = self.criteria(
                    need,
                    &per_need.terms,
                    &profile,
                    relevance,
                    outcome.slack_days,
                    exact,
                );
                let score = round2(criteria.iter().map(|c| c.contribution).sum());
                Evaluation::Eligible(Scored {
                    id: subject.id().to_owned(),
                    kind: subject.kind(),
                    score,
                    start: dates.from(),
                    end: dates.to(),
                    criteria,
                    flags: outcome.flags,
                })
            }
            _ => Evaluation::Excluded(Excluded {
                id: subject.id().to_owned(),
                kind: subject.kind(),
                reasons: outcome.failures,
            }),
        }
    }

    /// Evaluates candidates in parallel and ranks them. `top` cuts the eligible list;
    /// excluded candidates are kept only when `keep_excluded` is set.
    pub fn rank(
        &self,
        need: &Need,
        candidates: &[(Subject<'_>, f32)],
        top: Option<usize>,
        keep_excluded: bool,
    ) -> MatchResult {
        let per_need = self.per_need(need);
        let evaluations: Vec<Evaluation> = candidates
            .par_iter()
            .map(|(subject, relevance)| {
                self.evaluate_in(need, &per_need, *subject, *relevance, true)
            })
            .collect();
        let mut eligible = Vec::new();
        let mut excluded = Vec::new();
        for e in evaluations {
            match e {
                Evaluation::Eligible(s) => eligible.push(s),
                Evaluation::Excluded(x) if keep_excluded => excluded.push(x),
                Evaluation::Excluded(_) => {}
            }
        }
        sort_scored(&mut eligible);
        if let Some(n) = top {
            eligible.truncate(n);
        }
        excluded.sort_by(|a, b| a.id.cmp(&b.id).then(a.kind.cmp(&b.kind)));
        MatchResult {
            need: need.id.clone(),
            candidates: eligible,
            excluded,
        }
    }
}

impl Scorer<'_> {
    /// Ranks candidates and keeps the first `top`, judging in full only those that can
    /// still enter the top. A first pass runs the gates and bounds each eligible
    /// candidate's score (skills overlap taken as complete, no stemming); candidates are
    /// then judged exactly in order of bound, until the next bound falls below the
    /// `top`-th score. The result is the same as ranking them all.
    pub fn rank_retrieved(
        &self,
        need: &Need,
        candidates: &[(Subject<'_>, f32)],
        top: usize,
    ) -> MatchResult {
        let per_need = self.per_need(need);
        let mut bounds: Vec<(f64, usize)> = candidates
            .par_iter()
            .enumerate()
            .filter_map(|(i, (subject, relevance))| {
                match self.evaluate_in(need, &per_need, *subject, *relevance, false) {
                    Evaluation::Eligible(s) => Some((s.score, i)),
                    Evaluation::Excluded(_) => None,
                }
            })
            .collect();
        bounds.sort_by(|a, b| {
            b.0.total_cmp(&a.0)
                .then_with(|| candidates[a.1].0.id().cmp(candidates[b.1].0.id()))
        });
        let in_order: Vec<(Subject<'_>, f32, f64)> = bounds
            .iter()
            .map(|&(bound, i)| (candidates[i].0, candidates[i].1, bound))
            .collect();
        self.rank_in_bound_order(need, &per_need, &in_order, top)
    }

    /// Ranks candidates given with an upper bound of their score, highest bound first,
    /// and keeps the first `top`: they are judged in that order, a few at a time, until
    /// the next bound falls below the `top`-th score. When no bound is below its
    /// candidate's score, the result is that of [`Self::rank`] over them all (without
    /// the excluded ones).
    pub fn rank_bounded(
        &self,
        need: &Need,
        candidates: &[(Subject<'_>, f32, f64)],
        top: usize,
    ) -> MatchResult {
        self.rank_in_bound_order(need, &self.per_need(need), candidates, top)
    }

    fn rank_in_bound_order(
        &self,
        need: &Need,
        per_need: &PerNeed,
        candidates: &[(Subject<'_>, f32, f64)],
        top: usize,
    ) -> MatchResult {
        let mut best: Vec<Scored> = Vec::new();
        let mut left = candidates;
        // The first `top` are judged together; then a few at a time, as each may be the
        // last needed.
        let mut size = top;
        while top > 0 && !left.is_empty() {
            if best.len() >= top && left[0].2 < best[top - 1].score {
                // Strictly below: an equal score could still win on id.
                break;
            }
            let (chunk, rest) = left.split_at(size.min(left.len()));
            left = rest;
            let exact: Vec<Scored> = chunk
                .par_iter()
                .filter_map(|&(subject, relevance, _)| {
                    match self.evaluate_in(need, per_need, subject, relevance, true) {
                        Evaluation::Eligible(s) => Some(s),
                        Evaluation::Excluded(_) => None,
                    }
                })
                .collect();
            best.extend(exact);
            sort_scored(&mut best);
            best.truncate(top);
            size = LATER_CHUNK;
        }
        MatchResult {
            need: need.id.clone(),
            candidates: best,
            excluded: Vec::new(),
        }
    }

    /// Gate failures that concern the need itself, and so every candidate: a destination
    /// formally advised against. Empty when candidates may pass.
    pub fn need_gates(&self, need: &Need) -> Vec<GateFailure> {
        self.travel_outcome(need).failures
    }

    /// The needs a candidate (an expert or an offer) could serve, ranked; `needs` pairs
    /// each need with the candidate's text relevance to it. Only needs within the
    /// candidate's field (same or enclosing theme, or a skill word in common) are judged;
    /// the others are counted in `outside_field`.
    pub fn rank_needs(
        &self,
        subject: Subject<'_>,
        needs: &[(&Need, f32)],
        top: Option<usize>,
        keep_excluded: bool,
    ) -> NeedsResult {
        let profile = Profile::of(subject);
        let evaluations: Vec<(String, Option<Evaluation>)> = needs
            .par_iter()
            .map(|(need, rel)| {
                // The need's own gates only for a need within the field: most are not.
                let terms = NeedTerms::new(need);
                let evaluation = self.within_field(need, &terms, &profile).then(|| {
                    let per_need = PerNeed {
                        terms,
                        travel: self.travel_outcome(need),
                    };
                    self.evaluate_in(need, &per_need, subject, *rel, true)
                });
                (need.id.clone(), evaluation)
            })
            .collect();
        let mut fits = Vec::new();
        let mut excluded = Vec::new();
        let mut outside_field = 0;
        for (need, eval) in evaluations {
            let Some(eval) = eval else {
                outside_field += 1;
                continue;
            };
            match eval {
                Evaluation::Eligible(s) => fits.push(Scored { id: need, ..s }),
                Evaluation::Excluded(x) if keep_excluded => {
                    excluded.push(Excluded { id: need, ..x });
                }
                Evaluation::Excluded(_) => {}
            }
        }
        sort_scored(&mut fits);
        if let Some(n) = top {
            fits.truncate(n);
        }
        excluded.sort_by(|a, b| a.id.cmp(&b.id));
        NeedsResult {
            candidate: subject.id().to_owned(),
            kind: subject.kind(),
            needs: fits,
            excluded,
            outside_field,
        }
    }
}

/// After the first `top` candidates judged in order of bound, how many are judged
/// together ([`Scorer::rank_bounded`]): judging a list's first `top + m × LATER_CHUNK`
/// goes through the same steps as judging the whole list, up to there.
pub const LATER_CHUNK: usize = 16;

/// The needs one candidate could serve (the JSON shape of `explor match --offer/--expert`).
/// In `needs` and `excluded`, `id` is the need's id and `kind` the candidate's.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NeedsResult {
    /// The expert or offer.
    pub candidate: String,
    /// Expert or offer.
    pub kind: CandidateKind,
    /// Needs it fits, by score descending, ties by id.
    pub needs: Vec<Scored>,
    /// Needs it does not fit, with the gates failed (on request).
    pub excluded: Vec<Excluded>,
    /// Open needs left out because they share neither theme nor skill with the candidate
    /// (neither in `needs` nor in `excluded`).
    pub outside_field: usize,
}

#[cfg(test)]
pub(crate) mod tests;
