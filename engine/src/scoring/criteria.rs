//! Criteria: soft measures in 0..1, each weighted, each explained.

use serde::Serialize;
use std::collections::HashMap;

use super::Scorer;
use super::text::stems;
use crate::model::{LanguageLevel, Need, ThemeKey};
use crate::reference::ThemeRelation;
use crate::values::{Cefr, CountryCode};

/// One criterion's part of a score.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Criterion {
    /// Criterion name (`theme`, `skills`, …).
    pub name: &'static str,
    /// Value in 0..1.
    pub value: f64,
    /// Weight from the scoring settings.
    pub weight: f64,
    /// Points it adds to the 0–100 score.
    pub contribution: f64,
    /// Why, in words.
    pub detail: String,
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

fn round(x: f64, places: i32) -> f64 {
    let f = 10f64.powi(places);
    (x * f).round() / f
}

impl Scorer<'_> {
    pub(crate) fn criteria(
        &self,
        need: &Need,
        p: &Profile<'_>,
        relevance: f32,
        slack_days: u32,
    ) -> Vec<Criterion> {
        let w = &self.config.weights;
        let total = w.theme
            + w.skills
            + w.languages
            + w.country_experience
            + w.availability_fit
            + w.experience
            + w.rotation;
        let mut out = Vec::with_capacity(7);
        let mut push = |name: &'static str, weight: f64, (value, detail): (f64, String)| {
            let value = round(value.clamp(0.0, 1.0), 4);
            out.push(Criterion {
                name,
                value,
                weight,
                contribution: round(100.0 * weight * value / total, 4),
                detail,
            });
        };
        push("theme", w.theme, self.theme(need, p));
        push("skills", w.skills, self.skills(need, p, relevance));
        push("languages", w.languages, languages(need, p));
        push(
            "country_experience",
            w.country_experience,
            self.country(need, p),
        );
        push(
            "availability_fit",
            w.availability_fit,
            self.slack(slack_days),
        );
        push("experience", w.experience, self.experience(p));
        push("rotation", w.rotation, self.rotation(p));
        out
    }

    fn theme(&self, need: &Need, p: &Profile<'_>) -> (f64, String) {
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
            Some((ThemeRelation::Same, _)) => {
                (1.0, format!("same theme: {}", label(need.theme.as_str())))
            }
            Some((ThemeRelation::ParentChild, t)) => (
                0.7,
                format!(
                    "{} contains or is contained in {}",
                    label(t.as_str()),
                    label(need.theme.as_str())
                ),
            ),
            Some((ThemeRelation::Sibling, t)) => (
                0.4,
                format!(
                    "{} is a neighbouring theme of {}",
                    label(t.as_str()),
                    label(need.theme.as_str())
                ),
            ),
            _ => (
                0.0,
                format!("no theme close to {}", label(need.theme.as_str())),
            ),
        }
    }

    fn skills(&self, need: &Need, p: &Profile<'_>, relevance: f32) -> (f64, String) {
        let rel = f64::from(relevance.max(0.0));
        let text = rel / (rel + self.config.text_half);
        let wanted = if need.skills.is_empty() {
            stems(&need.title)
        } else {
            stems(&need.skills.join(" "))
        };
        let have = stems(&p.skills.join(" "));
        let shared: Vec<&String> = wanted.intersection(&have).collect();
        let overlap = if wanted.is_empty() {
            0.0
        } else {
            shared.len() as f64 / wanted.len() as f64
        };
        let matched: Vec<&String> = need
            .skills
            .iter()
            .filter(|s| stems(s).iter().any(|w| have.contains(w)))
            .collect();
        let detail = if matched.is_empty() {
            format!("no listed skill in common; text relevance {rel:.1}")
        } else {
            format!(
                "skills in common: {}; text relevance {rel:.1}",
                matched
                    .iter()
                    .map(|s| s.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        };
        (0.5 * text + 0.5 * overlap, detail)
    }

    fn country(&self, need: &Need, p: &Profile<'_>) -> (f64, String) {
        let where_ = self.country_name(need.country);
        if p.countries.contains(&need.country) {
            let verb = if p.is_offer { "names" } else { "has worked in" };
            return (1.0, format!("{verb} {where_}"));
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
            let verb = if p.is_offer { "names" } else { "has worked in" };
            return (
                0.5,
                format!("{verb} {} (same sub-region: {name})", self.country_name(*c)),
            );
        }
        (0.0, format!("no experience of {where_} or its sub-region"))
    }

    fn slack(&self, slack_days: u32) -> (f64, String) {
        let full = self.config.slack_full_days.max(1);
        (
            f64::from(slack_days.min(full)) / f64::from(full),
            format!("{slack_days} days of slack around the dates"),
        )
    }

    fn experience(&self, p: &Profile<'_>) -> (f64, String) {
        let full = self.config.experience_full.max(1);
        match p.missions_done {
            Some(n) => (
                f64::from(n.min(full)) / f64::from(full),
                format!(
                    "{n} mission{} done with the network",
                    if n == 1 { "" } else { "s" }
                ),
            ),
            None => (0.5, "company offer: experience not recorded".into()),
        }
    }

    fn rotation(&self, p: &Profile<'_>) -> (f64, String) {
        let n = self.history.recent.get(p.id).copied().unwrap_or(0);
        (
            1.0 / (1.0 + f64::from(n)),
            format!(
                "proposed or booked {n} time{} in the last {} days",
                if n == 1 { "" } else { "s" },
                self.config.rotation_days
            ),
        )
    }
}

fn languages(need: &Need, p: &Profile<'_>) -> (f64, String) {
    let level_of = |code| p.languages.iter().find(|l| l.code == code).map(|l| l.level);
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
                    notes.push(format!("{} {spoken} (required {})", r.code, r.level));
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
        return (
            margin,
            if notes.is_empty() {
                "required levels met exactly".into()
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
                notes.insert(0, format!("speaks {} {l} (preferred)", w.code));
                1.0
            }
            Some(l) => {
                notes.insert(0, format!("some {} ({l}, {} preferred)", w.code, w.level));
                0.5
            }
            None => 0.0,
        })
        .sum::<f64>()
        / need.preferred_languages.len() as f64;
    let detail = if notes.is_empty() {
        "no preferred language spoken".into()
    } else {
        notes.join(", ")
    };
    (0.5 * pref + 0.5 * margin, detail)
}
