//! Score bounds: an upper bound of a candidate's score for a need, from the values a
//! search index holds per document, so that an index can find the best candidates
//! without scoring them all.

use chrono::NaiveDate;

use super::Scorer;
use super::config::Weights;
use super::criteria::{self, NeedTerms};
use crate::model::Need;

/// An upper bound of a candidate's score for one need, computed from what a search
/// index can hold per document: themes, countries of experience, missions done,
/// languages, availability windows, skill words and the text relevance. What it cannot
/// see (rotation, bookings, consent dates) counts as full marks, so the bound is never
/// below the exact score.
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

/// Margin added to a bound to cover the rounding of criterion values and scores.
const BOUND_MARGIN: f64 = 0.02;

impl ScoreBound {
    /// The bound's tables for `need`.
    pub fn new(scorer: &Scorer<'_>, need: &Need) -> Self {
        let taxonomy = scorer.reference.taxonomy;
        // Only the values above 0 are kept: most themes and countries have none.
        let themes = taxonomy
            .iter()
            .map(|t| {
                let relation = taxonomy.relation(need.theme.as_str(), &t.key);
                (t.key.as_str(), criteria::theme_value(relation))
            })
            .filter(|(_, v)| *v > 0.0)
            .map(|(k, v)| (k.to_owned(), v))
            .collect();
        let countries_ref = scorer.reference.countries;
        let need_sub = countries_ref.get(need.country.as_str()).and_then(subregion);
        let countries = countries_ref
            .iter()
            .map(|c| {
                let v = if c.code == need.country.as_str() {
                    criteria::SAME_COUNTRY
                } else if need_sub.is_some() && subregion(c) == need_sub {
                    criteria::SAME_SUBREGION
                } else {
                    0.0
                };
                (c.code.as_str(), v)
            })
            .filter(|(_, v)| *v > 0.0)
            .map(|(k, v)| (k.to_owned(), v))
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
    /// index holding each candidate's [`stems`](super::stems) of its skills can bound the overlap.
    pub fn wanted_stems(&self) -> &[String] {
        &self.wanted
    }

    /// The skills-overlap value for a candidate having `shared` of the wanted words.
    pub fn skills_overlap(&self, shared: usize) -> f64 {
        criteria::overlap_value(shared, self.wanted.len())
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
    /// `None` when no window holds the mission: the candidate fails the availability
    /// gate, whatever its bookings, and has no score to bound.
    pub fn availability(
        &self,
        windows: impl IntoIterator<Item = crate::values::DateWindow>,
    ) -> Option<f64> {
        self.availability_days(
            windows
                .into_iter()
                .map(|w| (day_number(w.from()), day_number(w.to()))),
        )
    }

    /// [`Self::availability`] for windows given as their first and last days, counted
    /// from the common era (chrono's `num_days_from_ce`), as an index stores them.
    pub fn availability_days(&self, windows: impl IntoIterator<Item = (i32, i32)>) -> Option<f64> {
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
        // The gate looks for the run window by window too (one overlap at least as long
        // as the mission), bookings aside.
        slack.map(|s| criteria::capped(u32::try_from(s).unwrap_or(u32::MAX), self.slack_full))
    }

    /// The theme criterion's value for a candidate theme key (its best theme counts): 0
    /// for a theme unrelated to the need's, or unknown.
    pub fn theme(&self, key: &str) -> f64 {
        self.themes.get(key).copied().unwrap_or(0.0)
    }

    /// The country criterion's value for one country of experience (the best counts): 0
    /// for a country outside the need's subregion, or unknown.
    pub fn country(&self, code: &str) -> f64 {
        self.countries.get(code).copied().unwrap_or(0.0)
    }

    /// The experience criterion's value; `None` for offers.
    pub fn experience(&self, missions_done: Option<u32>) -> f64 {
        criteria::experience_value(missions_done, self.experience_full)
    }

    /// The bound, from the criterion values the index can compute and the text relevance.
    pub fn bound(&self, known: &KnownValues, relevance: f32) -> f64 {
        let w = &self.weights;
        let text = criteria::text_value(relevance, self.text_half);
        let points = w.theme * known.theme
            + w.skills * criteria::skills_value(text, known.skills_overlap)
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
            // The skills value is linear in the overlap: its share is the value with
            // no text and every word.
            skills_overlap: per(w.skills * criteria::skills_value(0.0, 1.0)),
        }
    }
}
