//! Reference data: theme taxonomy, countries, languages, French départements and travel
//! advice.
//!
//! Each list is a JSON file under `data/reference/` carrying its source and date; the
//! files are embedded in the binary as defaults (through the `explor-data` crate).

mod countries;
mod departements;
mod languages;
mod themes;
mod travel;

pub use countries::{Countries, Country, M49Region};
pub use departements::{Departement, Departements};
pub use languages::{Language, Languages};
pub use themes::{Taxonomy, Theme, ThemeRelation};
pub use travel::{Advice, AdviceLevel, TravelAdvice};

/// A reference file that cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum ReferenceError {
    /// The file is not valid JSON of the expected shape.
    #[error("{file}")]
    Parse {
        /// Which reference file.
        file: String,
        /// The parser's complaint.
        source: serde_json::Error,
    },
    /// The file parses but breaks a rule (duplicate key, unknown parent…).
    #[error("{file}: {message}")]
    Invalid {
        /// Which reference file.
        file: String,
        /// What is wrong.
        message: String,
    },
}

impl ReferenceError {
    pub(crate) fn parse(file: &str, source: serde_json::Error) -> Self {
        Self::Parse {
            file: file.to_owned(),
            source,
        }
    }
    pub(crate) fn invalid(file: &str, message: String) -> Self {
        Self::Invalid {
            file: file.to_owned(),
            message,
        }
    }
}

/// The reference lists a validation or a ranking runs against.
#[derive(Debug, Clone, Copy)]
pub struct Reference<'a> {
    /// Theme taxonomy.
    pub taxonomy: &'a Taxonomy,
    /// ISO countries.
    pub countries: &'a Countries,
    /// ISO languages.
    pub languages: &'a Languages,
    /// French départements.
    pub departements: &'a Departements,
    /// Destinations advised against.
    pub travel: &'a TravelAdvice,
}

impl Reference<'static> {
    /// The lists embedded in the binary.
    pub fn embedded() -> Self {
        Self {
            taxonomy: Taxonomy::embedded(),
            countries: Countries::embedded(),
            languages: Languages::embedded(),
            departements: Departements::embedded(),
            travel: TravelAdvice::embedded(),
        }
    }
}
