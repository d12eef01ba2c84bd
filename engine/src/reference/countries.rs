//! ISO 3166-1 countries with French names and their UN M49 region.

use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::OnceLock;

use super::ReferenceError;

/// A UN M49 geographic region (continent-level or finer).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct M49Region {
    /// Three-digit M49 code, e.g. `"017"`.
    pub m49: String,
    /// English name.
    pub name_en: String,
    /// French name.
    pub name_fr: String,
}

/// One country of the reference list.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Country {
    /// ISO 3166-1 alpha-2 code.
    pub code: String,
    /// ISO 3166-1 alpha-3 code.
    pub alpha3: String,
    /// ISO 3166-1 numeric code.
    pub numeric: String,
    /// English short name.
    pub name_en: String,
    /// French short name.
    pub name_fr: String,
    /// M49 top-level region (Africa, Americas, …), absent for Antarctica.
    pub region: Option<M49Region>,
    /// The finest M49 grouping (intermediate region where M49 has one, else sub-region).
    pub subregion: Option<M49Region>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CountriesFile {
    source: String,
    date: String,
    countries: Vec<Country>,
}

/// The list of countries, by alpha-2 code.
#[derive(Debug, Clone)]
pub struct Countries {
    by_code: BTreeMap<String, Country>,
    source: String,
    date: String,
}

const EMBEDDED: &str = explor_data::reference::COUNTRIES;

impl Countries {
    /// Parses a countries file (the shape of `data/reference/countries.json`).
    pub fn from_json(text: &str) -> Result<Self, ReferenceError> {
        let file: CountriesFile =
            serde_json::from_str(text).map_err(|e| ReferenceError::parse("countries.json", e))?;
        let mut by_code = BTreeMap::new();
        for country in file.countries {
            let code = country.code.clone();
            if by_code.insert(code.clone(), country).is_some() {
                return Err(ReferenceError::invalid(
                    "countries.json",
                    format!("country {code} is listed twice"),
                ));
            }
        }
        Ok(Self {
            by_code,
            source: file.source,
            date: file.date,
        })
    }

    /// The list embedded in the binary, from `data/reference/countries.json`.
    pub fn embedded() -> &'static Countries {
        static CELL: OnceLock<Countries> = OnceLock::new();
        CELL.get_or_init(|| {
            // The embedded file is checked by this module's tests; failing here is a build defect.
            Countries::from_json(EMBEDDED).expect("embedded data/reference/countries.json is valid")
        })
    }

    /// The country with this alpha-2 code.
    pub fn get(&self, code: &str) -> Option<&Country> {
        self.by_code.get(code)
    }

    /// All countries, sorted by code.
    pub fn iter(&self) -> impl Iterator<Item = &Country> {
        self.by_code.values()
    }

    /// Number of countries.
    pub fn len(&self) -> usize {
        self.by_code.len()
    }

    /// Whether the list is empty.
    pub fn is_empty(&self) -> bool {
        self.by_code.is_empty()
    }

    /// Where the list comes from.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// When the list was produced.
    pub fn date(&self) -> &str {
        &self.date
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_list_holds_every_iso_country_with_french_names() {
        let c = Countries::embedded();
        assert_eq!(c.len(), 249);
        let cd = c.get("CD").unwrap();
        assert!(cd.name_fr.contains("Congo"), "{}", cd.name_fr);
        assert_eq!(cd.subregion.as_ref().unwrap().m49, "017");
        assert_eq!(c.get("SN").unwrap().subregion.as_ref().unwrap().m49, "011");
        assert_eq!(
            c.get("FR").unwrap().region.as_ref().unwrap().name_fr,
            "Europe"
        );
        assert!(c.iter().all(|x| x.code.len() == 2 && !x.name_fr.is_empty()));
        assert!(!c.source().is_empty() && !c.date().is_empty());
    }

    #[test]
    fn duplicate_country_is_refused() {
        let one = r#"{"code":"FR","alpha3":"FRA","numeric":"250","name_en":"France","name_fr":"France","region":null,"subregion":null}"#;
        let text = format!(r#"{{"source":"t","date":"d","countries":[{one},{one}]}}"#);
        assert!(Countries::from_json(&text).is_err());
    }
}
