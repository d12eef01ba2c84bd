//! Scoring settings: criterion weights and the knobs of each criterion and gate.

use serde::Deserialize;
use std::collections::BTreeMap;

use super::Criterion;
use crate::reference::ReferenceError;

/// Weight of each criterion; a candidate's score is the weighted mean of its criterion
/// values, times 100.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Weights {
    /// Theme distance in the taxonomy.
    pub theme: f64,
    /// Text relevance and skills overlap.
    pub skills: f64,
    /// Preferred languages and margin above the required levels.
    pub languages: f64,
    /// Experience of the mission country or its sub-region.
    pub country_experience: f64,
    /// Slack around the proposed dates.
    pub availability_fit: f64,
    /// Missions already done.
    pub experience: f64,
    /// Not always proposing the same people.
    pub rotation: f64,
}

impl Weights {
    /// The weight of one criterion.
    pub fn of(&self, criterion: Criterion) -> f64 {
        match criterion {
            Criterion::Theme => self.theme,
            Criterion::Skills => self.skills,
            Criterion::Languages => self.languages,
            Criterion::CountryExperience => self.country_experience,
            Criterion::AvailabilityFit => self.availability_fit,
            Criterion::Experience => self.experience,
            Criterion::Rotation => self.rotation,
        }
    }

    /// The sum of all weights: a score is the weighted sum divided by it (× 100).
    pub fn total(&self) -> f64 {
        Criterion::ALL.into_iter().map(|c| self.of(c)).sum()
    }
}

/// All scoring settings (`data/reference/scoring.json` is the documented default).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScoringConfig {
    /// Where the settings come from.
    pub source: String,
    /// When they were set.
    pub date: String,
    /// Criterion weights.
    pub weights: Weights,
    /// What each weight's criterion measures, in words.
    #[serde(default)]
    pub weights_doc: BTreeMap<String, String>,
    /// BM25 value at which the text part of `skills` is worth one half.
    pub text_half: f64,
    /// Days of slack around the dates that earn full `availability_fit`.
    pub slack_full_days: u32,
    /// Missions done that earn full `experience`.
    pub experience_full: u32,
    /// Window, in days, over which past proposals count for `rotation`.
    pub rotation_days: u32,
    /// Départements of the network's region (standard needs take experts based there).
    pub region_departements: Vec<String>,
    /// Exclude experts based in France outside the region instead of flagging them.
    pub strict_region: bool,
    /// Let experts whose consent is pending through, flagged (`--include-pending`).
    #[serde(default)]
    pub include_pending: bool,
}

const EMBEDDED: &str = explor_data::reference::SCORING;

impl ScoringConfig {
    /// Parses a scoring file; every weight must be finite and not negative, and one positive.
    pub fn from_json(text: &str) -> Result<Self, ReferenceError> {
        let config: ScoringConfig =
            serde_json::from_str(text).map_err(|e| ReferenceError::parse("scoring.json", e))?;
        let w = &config.weights;
        let all = [
            w.theme,
            w.skills,
            w.languages,
            w.country_experience,
            w.availability_fit,
            w.experience,
            w.rotation,
        ];
        if all.iter().any(|x| !x.is_finite() || *x < 0.0) || all.iter().sum::<f64>() <= 0.0 {
            return Err(ReferenceError::invalid(
                "scoring.json",
                crate::fr::criteria::BAD_WEIGHTS.into(),
            ));
        }
        if !(config.text_half.is_finite() && config.text_half > 0.0) {
            return Err(ReferenceError::invalid(
                "scoring.json",
                "text_half must be positive".into(),
            ));
        }
        Ok(config)
    }

    /// The documented defaults, embedded in the binary.
    pub fn embedded() -> Self {
        // Checked by this module's tests; failing here is a build defect.
        Self::from_json(EMBEDDED).expect("embedded data/reference/scoring.json is valid")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_valid_and_documented() {
        let c = ScoringConfig::embedded();
        for criterion in Criterion::ALL {
            let name = criterion.id();
            assert!(c.weights_doc.contains_key(name), "{name} is documented");
        }
        assert_eq!(c.weights_doc.len(), Criterion::ALL.len(), "no other weight");
        assert_eq!(c.region_departements.len(), 13);
        assert!(!c.include_pending && !c.strict_region);
    }

    #[test]
    fn negative_weight_is_refused() {
        let text = EMBEDDED.replace("\"theme\": 25", "\"theme\": -1");
        assert!(ScoringConfig::from_json(&text).is_err());
    }
}
