//! Criteria: soft measures in 0..1, each weighted, each explained.

use serde::Serialize;
use std::collections::HashMap;

use std::collections::BTreeSet;

use super::text::{for_each_stem, stems};
use super::{Criterion, Scorer, Subject};
use crate::fr::criteria as fr;
use crate::model::{LanguageLevel, Need, ThemeKey};
use crate::reference::ThemeRelation;
use crate::values::{Cefr, CountryCode, LanguageCode};

/// One criterion's part of a score.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CriterionScore {
    /// The criterion (written `name` in JSON, by its id).
    #[serde(rename = "name")]
    pub criterion: Criterion,
    /// Value in 0..1.
    pub value: f64,
    /// Weight from the scoring settings.
    pub weight: f64,
    /// Points it adds to the 0–100 score.
    pub contribution: f64,
    /// Why, in words.
    pub detail: String,
}

/// The theme criterion's value for how a candidate's theme relates to the need's.
pub(crate) fn theme_value(relation: ThemeRelation) -> f64 {
    match relation {
        ThemeRelation::Same => 1.0,
        ThemeRelation::ParentChild => 0.7,
        ThemeRelation::Sibling => 0.4,
        ThemeRelation::Unrelated => 0.0,
    }
}

/// The country criterion's value of a country of experience that is the need's.
pub(crate) const SAME_COUNTRY: f64 = 1.0;
/// … and of one in the need country's sub-region.
pub(crate) const SAME_SUBREGION: f64 = 0.5;

/// `n` out of `full`, capped at 1 (experience, availability slack).
pub(crate) fn capped(n: u32, full: u32) -> f64 {
    let full = full.max(1);
    f64::from(n.min(full)) / f64::from(full)
}

/// The experience criterion's value: missions done out of `full`; an offer (`None`)
/// has no record and gets half.
pub(crate) fn experience_value(missions_done: Option<u32>, full: u32) -> f64 {
    missions_done.map_or(0.5, |n| capped(n, full))
}

/// The text part of the skills criterion: `bm25 / (bm25 + text_half)`.
pub(crate) fn text_value(relevance: f32, text_half: f64) -> f64 {
    let rel = f64::from(relevance.max(0.0));
    rel / (rel + text_half)
}

/// The share of the need's skill words a candidate has (0 when the need lists none).
pub(crate) fn overlap_value(shared: usize, wanted: usize) -> f64 {
    if wanted == 0 {
        0.0
    } else {
        shared.min(wanted) as f64 / wanted as f64
    }
}

/// The skills criterion's value: half text relevance, half skill words in common.
pub(crate) fn skills_value(text: f64, overlap: f64) -> f64 {
    0.5 * text + 0.5 * overlap
}

/// How often each candidate was proposed or booked lately (for the rotation criterion).
#[derive(Debug, Clone, Default)]
pub struct History {
    /// Recent proposals or missions, by candidate id.
    pub recent: HashMap<String, u32>,
}

/// What the criteria look at, for an expert or an offer alike.
pub(crate) struct Profile<'p> {
    pub id: &'p str,
    pub themes: &'p [ThemeKey],
    pub skills: &'p [String],
    pub languages: &'p [LanguageLevel],
    /// Countries of experience (experts) or preferred countries (offers).
    pub countries: &'p [CountryCode],
    /// Missions done; `None` when unknown (offers).
    pub missions_done: Option<u32>,
    pub is_offer: bool,
}

impl<'p> Profile<'p> {
    /// What the criteria look at of an expert or an offer.
    pub(crate) fn of(subject: Subject<'p>) -> Self {
        match subject {
            Subject::Expert(e) => Profile {
                id: &e.id,
                themes: &e.themes,
                skills: &e.skills,
                languages: &e.languages,
                countries: &e.countries,
                missions_done: Some(e.missions_done),
                is_offer: false,
            },
            Subject::Offer(o) => Profile {
                id: &o.id,
                themes: &o.themes,
                skills: &o.skills,
                languages: &o.languages,
                countries: &o.countries,
                missions_done: None,
                is_offer: true,
            },
        }
    }
}

/// `format!` when the explanation is wanted; nothing otherwise (bounding many candidates
/// should not pay for sentences nobody reads).
macro_rules! say {
    ($explain:expr, $text:expr) => {
        if $explain {
            String::from($text)
        } else {
            String::new()
        }
    };
}

/// The need's skill words, stemmed once per need rather than once per candidate.
pub(crate) struct NeedTerms {
    pub(crate) wanted: BTreeSet<String>,
    per_skill: Vec<(String, BTreeSet<String>)>,
}

impl NeedTerms {
    pub(crate) fn new(need: &Need) -> Self {
        let wanted = if need.skills.is_empty() {
            stems(&need.title)
        } else {
            stems(&need.skills.join(" "))
        };
        let per_skill = need.skills.iter().map(|s| (s.clone(), stems(s))).collect();
        Self { wanted, per_skill }
    }

    /// The need's wanted words among the words of `skills`, each once, sorted. Each
    /// skill's words are all wanted ones: a skill shares a word with `skills` when one
    /// of its words is here.
    pub(crate) fn wanted_in(&self, skills: &[String]) -> Vec<&str> {
        let mut found = Vec::new();
        for skill in skills {
            for_each_stem(skill, |s| {
                if let Some(w) = self.wanted.get(s) {
                    found.push(w.as_str());
                }
            });
        }
        found.sort_unstable();
        found.dedup();
        found
    }
}

fn round(x: f64, places: i32) -> f64 {
    let f = 10f64.powi(places);
    (x * f).round() / f
}

impl Scorer<'_> {
    /// Every criterion. With `exact` false the skills overlap is taken as complete, which
    /// gives an upper bound of the score without stemming the candidate's skills.
    pub(crate) fn criteria(
        &self,
        need: &Need,
        terms: &NeedTerms,
        p: &Profile<'_>,
        relevance: f32,
        slack_days: u32,
        exact: bool,
    ) -> Vec<CriterionScore> {
        let w = &self.config.weights;
        let total = w.total();
        Criterion::ALL
            .into_iter()
            .map(|criterion| {
                let (value, detail) = match criterion {
                    Criterion::Theme => self.theme(need, p, exact),
                    Criterion::Skills => self.skills(terms, p, relevance, exact),
                    Criterion::Languages => languages(need, p, exact),
                    Criterion::CountryExperience => self.country(need, p, exact),
                    Criterion::AvailabilityFit => self.slack(slack_days, exact),
                    Criterion::Experience => self.experience(p, exact),
                    Criterion::Rotation => self.rotation(p, exact),
                };
                let value = round(value.clamp(0.0, 1.0), 4);
                let weight = w.of(criterion);
                CriterionScore {
                    criterion,
                    value,
                    weight,
                    contribution: round(100.0 * weight * value / total, 4),
                    detail,
                }
            })
            .collect()
    }

    fn theme(&self, need: &Need, p: &Profile<'_>, explain: bool) -> (f64, String) {
        let taxonomy = self.reference.taxonomy;
        let best = p
            .themes
            .iter()
            .map(|t| (taxonomy.relation(need.theme.as_str(), t.as_str()), t))
            .min_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.cmp(b.1)));
        let label = |k: &str| {
            taxonomy
                .get(k)
                .map_or_else(|| k.to_owned(), |t| t.label_fr.clone())
        };
        match best {
            Some((ThemeRelation::Same, _)) => (
                theme_value(ThemeRelation::Same),
                say!(explain, fr::same_theme(&label(need.theme.as_str()))),
            ),
            Some((ThemeRelation::ParentChild, t)) => (
                theme_value(ThemeRelation::ParentChild),
                say!(
                    explain,
                    fr::parent_theme(&label(t.as_str()), &label(need.theme.as_str()))
                ),
            ),
            Some((ThemeRelation::Sibling, t)) => (
                theme_value(ThemeRelation::Sibling),
                say!(
                    explain,
                    fr::sibling_theme(&label(t.as_str()), &label(need.theme.as_str()))
                ),
            ),
            _ => (
                theme_value(ThemeRelation::Unrelated),
                say!(explain, fr::no_theme(&label(need.theme.as_str()))),
            ),
        }
    }

    fn skills(
        &self,
        terms: &NeedTerms,
        p: &Profile<'_>,
        relevance: f32,
        exact: bool,
    ) -> (f64, String) {
        let rel = f64::from(relevance.max(0.0));
        let text = text_value(relevance, self.config.text_half);
        if !exact {
            return (skills_value(text, 1.0), String::new());
        }
        let have = terms.wanted_in(p.skills);
        let overlap = overlap_value(have.len(), terms.wanted.len());
        let matched: Vec<&str> = terms
            .per_skill
            .iter()
            .filter(|(_, words)| {
                words
                    .iter()
                    .any(|w| have.binary_search(&w.as_str()).is_ok())
            })
            .map(|(skill, _)| skill.as_str())
            .collect();
        let detail = fr::skills(&matched, rel);
        (skills_value(text, overlap), detail)
    }

    fn country(&self, need: &Need, p: &Profile<'_>, explain: bool) -> (f64, String) {
        let where_ = if explain {
            self.country_name(need.country)
        } else {
            String::new()
        };
        if p.countries.contains(&need.country) {
            return (
                SAME_COUNTRY,
                say!(explain, fr::same_country(p.is_offer, &where_)),
            );
        }
        let sub = |c: CountryCode| {
            self.reference
                .countries
                .get(c.as_str())
                .and_then(|x| x.subregion.as_ref())
                .map(|s| (s.m49.clone(), s.name_fr.clone()))
        };
        if let Some((code, name)) = sub(need.country)
            && let Some(c) = p
                .countries
                .iter()
                .find(|c| sub(**c).is_some_and(|s| s.0 == code))
        {
            return (
                SAME_SUBREGION,
                say!(
                    explain,
                    fr::same_subregion(p.is_offer, &self.country_name(*c), &name)
                ),
            );
        }
        (0.0, say!(explain, fr::no_country(&where_)))
    }

    fn slack(&self, slack_days: u32, explain: bool) -> (f64, String) {
        (
            capped(slack_days, self.config.slack_full_days),
            say!(explain, fr::slack(slack_days)),
        )
    }

    fn experience(&self, p: &Profile<'_>, explain: bool) -> (f64, String) {
        let value = experience_value(p.missions_done, self.config.experience_full);
        match p.missions_done {
            Some(n) => (value, say!(explain, fr::missions_done(n))),
            None => (value, say!(explain, fr::OFFER_EXPERIENCE)),
        }
    }

    fn rotation(&self, p: &Profile<'_>, explain: bool) -> (f64, String) {
        let n = self.history.recent.get(p.id).copied().unwrap_or(0);
        (
            1.0 / (1.0 + f64::from(n)),
            say!(explain, fr::rotation(n, self.config.rotation_days)),
        )
    }
}

fn languages(need: &Need, p: &Profile<'_>, explain: bool) -> (f64, String) {
    languages_with(
        need,
        &|code| p.languages.iter().find(|l| l.code == code).map(|l| l.level),
        explain,
    )
}

/// The languages criterion's value for whoever speaks what `level_of` says.
pub(crate) fn language_value(need: &Need, level_of: &dyn Fn(LanguageCode) -> Option<Cefr>) -> f64 {
    languages_with(need, level_of, false).0
}

fn languages_with(
    need: &Need,
    level_of: &dyn Fn(LanguageCode) -> Option<Cefr>,
    explain: bool,
) -> (f64, String) {
    let mut notes = Vec::new();
    let margin = if need.languages.is_empty() {
        1.0
    } else {
        let sum: f64 = need
            .languages
            .iter()
            .map(|r| {
                let spoken = level_of(r.code).unwrap_or(Cefr::A1);
                let room = f64::from(Cefr::C2.rank() - r.level.rank());
                if spoken > r.level {
                    notes.push(say!(
                        explain,
                        fr::above_required(
                            r.code.as_str(),
                            &spoken.to_string(),
                            &r.level.to_string()
                        )
                    ));
                }
                if room == 0.0 {
                    1.0
                } else {
                    f64::from(spoken.rank().saturating_sub(r.level.rank())) / room
                }
            })
            .sum();
        sum / need.languages.len() as f64
    };
    if need.preferred_languages.is_empty() {
        if !explain {
            return (margin, String::new());
        }
        return (
            margin,
            if notes.is_empty() {
                say!(explain, fr::LEVELS_EXACT)
            } else {
                notes.join(", ")
            },
        );
    }
    let pref: f64 = need
        .preferred_languages
        .iter()
        .map(|w| match level_of(w.code) {
            Some(l) if l >= w.level => {
                notes.insert(
                    0,
                    say!(
                        explain,
                        fr::preferred_spoken(w.code.as_str(), &l.to_string())
                    ),
                );
                1.0
            }
            Some(l) => {
                notes.insert(
                    0,
                    say!(
                        explain,
                        fr::preferred_partly(w.code.as_str(), &l.to_string(), &w.level.to_string())
                    ),
                );
                0.5
            }
            None => 0.0,
        })
        .sum::<f64>()
        / need.preferred_languages.len() as f64;
    let detail = if !explain {
        String::new()
    } else if notes.is_empty() {
        say!(explain, fr::NO_PREFERRED)
    } else {
        notes.join(", ")
    };
    (0.5 * pref + 0.5 * margin, detail)
}

impl Scorer<'_> {
    /// Whether a need lies within a candidate's field: the same theme (or one holding the
    /// other), or at least one skill word in common. Matching the other way round lists
    /// only those: a neighbouring theme, the dates and the rotation alone would rank a
    /// solar-power offer for a waste survey.
    pub(crate) fn within_field(&self, need: &Need, terms: &NeedTerms, p: &Profile<'_>) -> bool {
        let taxonomy = self.reference.taxonomy;
        let related = p.themes.iter().any(|t| {
            matches!(
                taxonomy.relation(need.theme.as_str(), t.as_str()),
                ThemeRelation::Same | ThemeRelation::ParentChild
            )
        });
        related || !terms.wanted_in(p.skills).is_empty()
    }
}
