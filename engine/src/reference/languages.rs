//! ISO 639-1 languages with French names.

use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::OnceLock;

use super::ReferenceError;

/// One language of the reference list.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Language {
    /// ISO 639-1 code.
    pub code: String,
    /// ISO 639-2 code.
    pub alpha3: String,
    /// English name.
    pub name_en: String,
    /// French name.
    pub name_fr: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LanguagesFile {
    #[allow(dead_code)]
    source: String,
    #[allow(dead_code)]
    date: String,
    languages: Vec<Language>,
}

/// The list of languages, by ISO 639-1 code.
#[derive(Debug, Clone)]
pub struct Languages {
    by_code: BTreeMap<String, Language>,
}

const EMBEDDED: &str = explor_data::reference::LANGUAGES;

impl Languages {
    /// Parses a languages file (the shape of `data/reference/languages.json`).
    pub fn from_json(text: &str) -> Result<Self, ReferenceError> {
        let file: LanguagesFile =
            serde_json::from_str(text).map_err(|e| ReferenceError::parse("languages.json", e))?;
        let mut by_code = BTreeMap::new();
        for lang in file.languages {
            let code = lang.code.clone();
            if by_code.insert(code.clone(), lang).is_some() {
                return Err(ReferenceError::invalid(
                    "languages.json",
                    format!("language {code} is listed twice"),
                ));
            }
        }
        Ok(Self { by_code })
    }

    /// The list embedded in the binary, from `data/reference/languages.json`.
    pub fn embedded() -> &'static Languages {
        static CELL: OnceLock<Languages> = OnceLock::new();
        CELL.get_or_init(|| {
            // Checked by this module's tests; failing here is a build defect.
            Languages::from_json(EMBEDDED).expect("embedded data/reference/languages.json is valid")
        })
    }

    /// The language with this code.
    pub fn get(&self, code: &str) -> Option<&Language> {
        self.by_code.get(code)
    }

    /// All languages, sorted by code.
    pub fn iter(&self) -> impl Iterator<Item = &Language> {
        self.by_code.values()
    }

    /// Number of languages.
    pub fn len(&self) -> usize {
        self.by_code.len()
    }

    /// Whether the list is empty.
    pub fn is_empty(&self) -> bool {
        self.by_code.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_list_holds_iso_639_1_with_french_names() {
        let l = Languages::embedded();
        assert_eq!(l.len(), 184);
        assert_eq!(l.get("fr").unwrap().name_fr.to_lowercase(), "français");
        assert!(l.get("wo").is_some() && l.get("ln").is_some() && l.get("mg").is_some());
        assert!(l.get("fra").is_none());
    }
}
