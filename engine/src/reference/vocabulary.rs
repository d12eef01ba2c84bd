//! The fixed words of the input format that are not reference files: expert statuses,
//! consent schemes and consent statuses, each with the French label explor's documents
//! use, for `explor reference statuses|consents`.

use serde::Serialize;

use crate::mission::documents::french;
use crate::model::{ConsentScheme, ConsentStatus, ExpertStatus};

/// One word of a fixed vocabulary: as written in data files, and in French.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Word {
    /// As written in data files (`public_agent`).
    pub key: &'static str,
    /// In French, as documents write it.
    pub label_fr: &'static str,
}

/// Expert statuses (`status`).
pub fn expert_statuses() -> Vec<Word> {
    [
        (ExpertStatus::Employee, "employee"),
        (ExpertStatus::PublicAgent, "public_agent"),
        (ExpertStatus::Independent, "independent"),
        (ExpertStatus::Retired, "retired"),
    ]
    .into_iter()
    .map(|(s, key)| Word {
        key,
        label_fr: french::status(s),
    })
    .collect()
}

/// Consent schemes (`consent.scheme`).
pub fn consent_schemes() -> Vec<Word> {
    [
        (ConsentScheme::MecenatCompetences, "mecenat_competences"),
        (ConsentScheme::CongeSolidaire, "conge_solidaire"),
        (ConsentScheme::MiseADisposition, "mise_a_disposition"),
        (ConsentScheme::None, "none"),
    ]
    .into_iter()
    .map(|(s, key)| Word {
        key,
        label_fr: french::scheme(s),
    })
    .collect()
}

/// Consent statuses (`consent.status`).
pub fn consent_statuses() -> Vec<Word> {
    [
        (ConsentStatus::Granted, "granted"),
        (ConsentStatus::Pending, "pending"),
        (ConsentStatus::Refused, "refused"),
        (ConsentStatus::NotRequired, "not_required"),
    ]
    .into_iter()
    .map(|(s, key)| Word {
        key,
        label_fr: french::consent_status(s),
    })
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_vocabularies_are_the_words_the_import_accepts() {
        let keys = |words: Vec<Word>| words.into_iter().map(|w| w.key).collect::<Vec<_>>();
        assert_eq!(keys(expert_statuses()), crate::schema::fields::STATUSES);
        assert_eq!(
            keys(consent_schemes()),
            [
                "mecenat_competences",
                "conge_solidaire",
                "mise_a_disposition",
                "none"
            ]
        );
        assert_eq!(
            keys(consent_statuses()),
            ["granted", "pending", "refused", "not_required"]
        );
        assert!(expert_statuses().iter().all(|w| !w.label_fr.is_empty()));
        // Each key is the word serde reads for its variant.
        for w in expert_statuses() {
            let s: ExpertStatus = serde_json::from_value(w.key.into()).unwrap();
            assert_eq!(french::status(s), w.label_fr);
        }
        for w in consent_schemes() {
            let s: ConsentScheme = serde_json::from_value(w.key.into()).unwrap();
            assert_eq!(french::scheme(s), w.label_fr);
        }
        for w in consent_statuses() {
            let s: ConsentStatus = serde_json::from_value(w.key.into()).unwrap();
            assert_eq!(french::consent_status(s), w.label_fr);
        }
    }
}
