//! Travel advice: destinations France formally advises against.

use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::OnceLock;

use super::ReferenceError;

/// How strongly a destination is advised against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AdviceLevel {
    /// The whole country is formally advised against.
    Red,
    /// Some regions are formally advised against.
    Partial,
    /// No region formally advised against when the list was recorded.
    Clear,
}

/// One country's entry.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Advice {
    /// ISO 3166-1 alpha-2 code.
    pub code: String,
    /// Level.
    pub level: AdviceLevel,
    /// Which regions, for partial entries.
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AdviceFile {
    source: String,
    date: String,
    #[allow(dead_code)]
    levels: BTreeMap<String, String>,
    countries: Vec<Advice>,
}

/// The dated travel-advice list.
#[derive(Debug, Clone)]
pub struct TravelAdvice {
    by_code: BTreeMap<String, Advice>,
    source: String,
    date: String,
}

const EMBEDDED: &str = explor_data::reference::TRAVEL_ADVICE;

impl TravelAdvice {
    /// Parses a travel-advice file (the shape of `data/reference/travel-advice.json`).
    pub fn from_json(text: &str) -> Result<Self, ReferenceError> {
        let file: AdviceFile = serde_json::from_str(text)
            .map_err(|e| ReferenceError::parse("travel-advice.json", e))?;
        Ok(Self {
            by_code: file
                .countries
                .into_iter()
                .map(|a| (a.code.clone(), a))
                .collect(),
            source: file.source,
            date: file.date,
        })
    }

    /// The list embedded in the binary.
    pub fn embedded() -> &'static TravelAdvice {
        static CELL: OnceLock<TravelAdvice> = OnceLock::new();
        CELL.get_or_init(|| {
            // Checked by this module's tests; failing here is a build defect.
            TravelAdvice::from_json(EMBEDDED)
                .expect("embedded data/reference/travel-advice.json is valid")
        })
    }

    /// The advice for a country, if any.
    pub fn get(&self, code: &str) -> Option<&Advice> {
        self.by_code.get(code)
    }

    /// Where the list comes from.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// As of when.
    pub fn date(&self) -> &str {
        &self.date
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reference::Countries;

    #[test]
    fn embedded_list_uses_real_country_codes_and_is_dated() {
        let t = TravelAdvice::embedded();
        assert!(
            t.by_code
                .keys()
                .all(|c| Countries::embedded().get(c).is_some())
        );
        assert_eq!(t.get("ML").unwrap().level, AdviceLevel::Red);
        assert_eq!(t.get("CD").unwrap().level, AdviceLevel::Partial);
        assert!(t.get("SN").is_none());
        assert!(!t.date().is_empty() && t.source().contains("diplomatie"));
    }
}
