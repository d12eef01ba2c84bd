//! French départements, for experts' and associations' home addresses.

use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::OnceLock;

use super::ReferenceError;

/// One département.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Departement {
    /// Code as written in addresses: `"31"`, `"2A"`, `"971"`.
    pub code: String,
    /// Name.
    pub name: String,
    /// ISO 3166-2 region code (`OCC`).
    pub region: String,
    /// Region name.
    pub region_name: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DepartementsFile {
    #[allow(dead_code)]
    source: String,
    #[allow(dead_code)]
    date: String,
    occitanie: Vec<String>,
    departements: Vec<Departement>,
}

/// The list of départements, and those of the Occitanie region.
#[derive(Debug, Clone)]
pub struct Departements {
    by_code: BTreeMap<String, Departement>,
    occitanie: Vec<String>,
}

const EMBEDDED: &str = explor_data::reference::DEPARTEMENTS;

impl Departements {
    /// Parses a départements file (the shape of `data/reference/departements.json`).
    pub fn from_json(text: &str) -> Result<Self, ReferenceError> {
        let file: DepartementsFile = serde_json::from_str(text)
            .map_err(|e| ReferenceError::parse("departements.json", e))?;
        let by_code: BTreeMap<_, _> = file
            .departements
            .into_iter()
            .map(|d| (d.code.clone(), d))
            .collect();
        if let Some(bad) = file.occitanie.iter().find(|c| !by_code.contains_key(*c)) {
            return Err(ReferenceError::invalid(
                "departements.json",
                crate::fr::records::unknown_occitanie_departement(bad),
            ));
        }
        Ok(Self {
            by_code,
            occitanie: file.occitanie,
        })
    }

    /// The list embedded in the binary.
    pub fn embedded() -> &'static Departements {
        static CELL: OnceLock<Departements> = OnceLock::new();
        CELL.get_or_init(|| {
            // Checked by this module's tests; failing here is a build defect.
            Departements::from_json(EMBEDDED)
                .expect("embedded data/reference/departements.json is valid")
        })
    }

    /// The département with this code.
    pub fn get(&self, code: &str) -> Option<&Departement> {
        self.by_code.get(code)
    }

    /// The codes of the Occitanie départements, the network's default region.
    pub fn occitanie(&self) -> &[String] {
        &self.occitanie
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_list_has_all_departements_and_the_13_of_occitanie() {
        let d = Departements::embedded();
        assert_eq!(d.by_code.len(), 101);
        assert_eq!(d.occitanie().len(), 13);
        assert_eq!(d.get("31").unwrap().name, "Haute-Garonne");
        assert!(d.get("2A").is_some() && d.get("75").is_some() && d.get("974").is_some());
        assert!(d.get("20").is_none() && d.get("96").is_none());
    }
}
