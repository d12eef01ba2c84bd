//! The scoring stage: gates (hard eligibility) and criteria (soft, weighted), each
//! explained, turning candidates into a ranked list a coordinator can read.
//!
//! A candidate is *eligible* when it passes every gate; its score (0–100) is the weighted
//! mean of its criterion values. Ties are broken by id so the order is reproducible.

mod config;
mod criteria;
mod gates;
mod text;

use chrono::NaiveDate;
use rayon::prelude::*;
use serde::Serialize;

pub use config::{ScoringConfig, Weights};
pub use criteria::{Criterion, History};
pub use gates::{
    AVAILABILITY, Bookings, CONSENT, COUNTRIES, DURATION, Flag, GateFailure, HEADCOUNT, HOME,
    LANGUAGE, TRAVEL_ADVICE,
};
pub use text::{fold, stems};

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
    pub criteria: Vec<Criterion>,
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

impl Scorer<'_> {
    /// Runs every gate and, if all pass, every criterion.
    ///
    /// `relevance` is the text relevance of the need against the candidate (BM25 from the
    /// index); it enters the `skills` criterion through `bm25 / (bm25 + text_half)`, which
    /// does not depend on the other candidates, so a candidate's score is the same
    /// whichever set it is ranked in.
    pub fn evaluate(&self, need: &Need, subject: Subject<'_>, relevance: f32) -> Evaluation {
        self.evaluate_in(need, &NeedTerms::new(need), subject, relevance, true)
    }

    fn evaluate_in(
        &self,
        need: &Need,
        terms: &NeedTerms,
        subject: Subject<'_>,
        relevance: f32,
        exact: bool,
    ) -> Evaluation {
        let (outcome, profile) = match subject {
            Subject::Expert(e) => (
                self.expert_gates(need, e),
                Profile {
                    id: &e.id,
                    themes: &e.themes,
                    skills: &e.skills,
                    languages: &e.languages,
                    countries: &e.countries,
                    missions_done: Some(e.missions_done),
                    is_offer: false,
                },
            ),
            Subject::Offer(o) => (
                self.offer_gates(need, o),
                Profile {
                    id: &o.id,
                    themes: &o.themes,
                    skills: &o.skills,
                    languages: &o.languages,
                    countries: &o.countries,
                    missions_done: None,
                    is_offer: true,
                },
            ),
        };
        match (outcome.failures.is_empty(), outcome.dates) {
            (true, Some(dates)) => {
                let criteria =
                    self.criteria(need, terms, &profile, relevance, outcome.slack_days, exact);
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
        let terms = NeedTerms::new(need);
        let evaluations: Vec<Evaluation> = candidates
            .par_iter()
            .map(|(subject, relevance)| self.evaluate_in(need, &terms, *subject, *relevance, true))
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
        let terms = NeedTerms::new(need);
        let mut bounds: Vec<(f64, usize)> = candidates
            .par_iter()
            .enumerate()
            .filter_map(|(i, (subject, relevance))| {
                match self.evaluate_in(need, &terms, *subject, *relevance, false) {
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
        self.rank_in_bound_order(need, &terms, &in_order, top)
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
        self.rank_in_bound_order(need, &NeedTerms::new(need), candidates, top)
    }

    fn rank_in_bound_order(
        &self,
        need: &Need,
        terms: &NeedTerms,
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
                    match self.evaluate_in(need, terms, subject, relevance, true) {
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
        let mut out = gates::GateOutcome::default();
        self.travel_gate(need, &mut out);
        out.failures
    }

    /// The needs a candidate (an expert or an offer) could serve, ranked; `needs` pairs
    /// each need with the candidate's text relevance to it.
    pub fn rank_needs(
        &self,
        subject: Subject<'_>,
        needs: &[(&Need, f32)],
        top: Option<usize>,
        keep_excluded: bool,
    ) -> NeedsResult {
        let evaluations: Vec<(String, Evaluation)> = needs
            .par_iter()
            .map(|(need, rel)| (need.id.clone(), self.evaluate(need, subject, *rel)))
            .collect();
        let mut fits = Vec::new();
        let mut excluded = Vec::new();
        for (need, eval) in evaluations {
            match eval {
                Evaluation::Eligible(s) => fits.push(Scored { id: need, ..s }),
                Evaluation::Excluded(x) if keep_excluded => {
                    excluded.push(Excluded { id: need, ..x })
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
        }
    }
}

/// An upper bound of a candidate's score for one need, computed from what a search
/// index can hold per document: theme keys, countries of experience, missions done and
/// the text relevance. Criteria it cannot see (languages, availability fit, rotation,
/// skills overlap) count as full marks, so the bound is never below the exact score.
#[derive(Debug, Clone)]
pub struct ScoreBound {
    themes: std::collections::HashMap<String, f64>,
    countries: std::collections::HashMap<String, f64>,
    weights: Weights,
    total: f64,
    text_half: f64,
    experience_full: u32,
    slack_full: u32,
    need: Need,
    /// The need's window as day numbers (see [`ScoreBound::availability_days`]).
    need_days: (i32, i32),
    wanted: Vec<String>,
}

/// A country's finest M49 grouping, by code.
fn subregion(c: &crate::reference::Country) -> Option<&str> {
    c.subregion.as_ref().map(|s| s.m49.as_str())
}

fn day_number(day: NaiveDate) -> i32 {
    use chrono::Datelike;
    day.num_days_from_ce()
}

/// The criterion values a search index can compute for a candidate (the others count as
/// full marks in a [`ScoreBound`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct KnownValues {
    /// Best theme value.
    pub theme: f64,
    /// Best country value.
    pub country: f64,
    /// Experience value.
    pub experience: f64,
    /// Languages value.
    pub languages: f64,
    /// Best availability-fit value.
    pub availability: f64,
    /// Share of the need's skill words among the candidate's (an upper bound of it).
    pub skills_overlap: f64,
}

impl KnownValues {
    /// Every value at full marks: what a bound assumes of what it does not know.
    pub const FULL_MARKS: Self = Self {
        theme: 1.0,
        country: 1.0,
        experience: 1.0,
        languages: 1.0,
        availability: 1.0,
        skills_overlap: 1.0,
    };
}

/// After the first `top` candidates judged in order of bound, how many are judged
/// together.
const LATER_CHUNK: usize = 16;

/// Margin added to a bound to cover the rounding of criterion values and scores.
const BOUND_MARGIN: f64 = 0.02;

impl ScoreBound {
    /// The bound's tables for `need`.
    pub fn new(scorer: &Scorer<'_>, need: &Need) -> Self {
        let taxonomy = scorer.reference.taxonomy;
        let themes = taxonomy
            .iter()
            .map(|t| {
                let v = match taxonomy.relation(need.theme.as_str(), &t.key) {
                    crate::reference::ThemeRelation::Same => 1.0,
                    crate::reference::ThemeRelation::ParentChild => 0.7,
                    crate::reference::ThemeRelation::Sibling => 0.4,
                    crate::reference::ThemeRelation::Unrelated => 0.0,
                };
                (t.key.clone(), v)
            })
            .collect();
        let countries_ref = scorer.reference.countries;
        let need_sub = countries_ref.get(need.country.as_str()).and_then(subregion);
        let countries = countries_ref
            .iter()
            .map(|c| {
                let v = if c.code == need.country.as_str() {
                    1.0
                } else if need_sub.is_some() && subregion(c) == need_sub {
                    0.5
                } else {
                    0.0
                };
                (c.code.clone(), v)
            })
            .collect();
        let w = scorer.config.weights.clone();
        let total = w.total();
        Self {
            themes,
            countries,
            weights: w,
            total,
            text_half: scorer.config.text_half,
            experience_full: scorer.config.experience_full.max(1),
            slack_full: scorer.config.slack_full_days.max(1),
            need: need.clone(),
            need_days: (day_number(need.window.from()), day_number(need.window.to())),
            wanted: NeedTerms::new(need).wanted.into_iter().collect(),
        }
    }

    /// The need's skill words (stemmed, folded) the skills overlap counts, sorted: an
    /// index holding each candidate's [`stems`] of its skills can bound the overlap.
    pub fn wanted_stems(&self) -> &[String] {
        &self.wanted
    }

    /// The skills-overlap value for a candidate having `shared` of the wanted words.
    pub fn skills_overlap(&self, shared: usize) -> f64 {
        if self.wanted.is_empty() {
            0.0
        } else {
            shared.min(self.wanted.len()) as f64 / self.wanted.len() as f64
        }
    }

    /// The languages criterion's value for someone speaking `spoken` (code, level).
    pub fn languages(&self, spoken: &[(crate::values::LanguageCode, crate::values::Cefr)]) -> f64 {
        criteria::language_value(&self.need, &|code| {
            spoken.iter().find(|(c, _)| *c == code).map(|(_, l)| *l)
        })
    }

    /// The languages the languages criterion looks at (the need's required and
    /// preferred ones): a candidate's other languages do not change its value.
    pub fn languages_considered(&self) -> Vec<crate::values::LanguageCode> {
        self.need
            .languages
            .iter()
            .chain(&self.need.preferred_languages)
            .map(|l| l.code)
            .collect()
    }

    /// The availability-fit value the best of these windows could give: the slack of
    /// its overlap with the need's window (bookings and consent can only lower it).
    pub fn availability(
        &self,
        windows: impl IntoIterator<Item = crate::values::DateWindow>,
    ) -> f64 {
        self.availability_days(
            windows
                .into_iter()
                .map(|w| (day_number(w.from()), day_number(w.to()))),
        )
    }

    /// [`Self::availability`] for windows given as their first and last days, counted
    /// from the common era (chrono's `num_days_from_ce`), as an index stores them.
    pub fn availability_days(&self, windows: impl IntoIterator<Item = (i32, i32)>) -> f64 {
        let (from, to) = self.need_days;
        let days = i64::from(self.need.duration_days);
        let slack = windows
            .into_iter()
            .map(|(a, b)| (i64::from(a.max(from)), i64::from(b.min(to))))
            // Windows sharing no day with the need's have no slack, whatever its length.
            .filter(|(first, last)| first <= last)
            .map(|(first, last)| last - first + 1 - days)
            .filter(|slack| *slack >= 0)
            .max();
        match slack {
            Some(s) => s.min(i64::from(self.slack_full)) as f64 / f64::from(self.slack_full),
            // No window fits: the candidate fails a gate; any bound will do.
            None => 1.0,
        }
    }

    /// The theme criterion's value for a candidate theme key (its best theme counts).
    pub fn theme(&self, key: &str) -> f64 {
        self.themes.get(key).copied().unwrap_or(0.0)
    }

    /// The country criterion's value for one country of experience (the best counts).
    pub fn country(&self, code: &str) -> f64 {
        self.countries.get(code).copied().unwrap_or(0.0)
    }

    /// The experience criterion's value; `None` for offers.
    pub fn experience(&self, missions_done: Option<u32>) -> f64 {
        match missions_done {
            Some(n) => f64::from(n.min(self.experience_full)) / f64::from(self.experience_full),
            None => 0.5,
        }
    }

    /// The bound, from the criterion values the index can compute and the text relevance.
    pub fn bound(&self, known: &KnownValues, relevance: f32) -> f64 {
        let w = &self.weights;
        let rel = f64::from(relevance.max(0.0));
        let text = rel / (rel + self.text_half);
        let points = w.theme * known.theme
            + w.skills * (0.5 * text + 0.5 * known.skills_overlap)
            + w.languages * known.languages
            + w.country_experience * known.country
            + w.availability_fit * known.availability
            + w.experience * known.experience
            + w.rotation;
        100.0 * points / self.total + BOUND_MARGIN
    }

    /// How many points of the bound each known value is worth, per unit: the bound is
    /// linear in each, so lowering a value from 1 to `v` lowers the bound by
    /// `slope × (1 − v)`. Lets an index lower a bound stage by stage.
    pub fn slopes(&self) -> KnownValues {
        let w = &self.weights;
        let per = |weight: f64| 100.0 * weight / self.total;
        KnownValues {
            theme: per(w.theme),
            country: per(w.country_experience),
            experience: per(w.experience),
            languages: per(w.languages),
            availability: per(w.availability_fit),
            skills_overlap: per(0.5 * w.skills),
        }
    }
}

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
}

#[cfg(test)]
pub(crate) mod tests;
