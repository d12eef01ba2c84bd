//! Reference data: theme taxonomy, countries, languages, French départements and travel
//! advice; the fixed vocabularies of the input format ([`vocabulary`]); how old each
//! table is ([`reference_status`]) and the import of a cost table as its publisher
//! gives it ([`import_table`]).
//!
//! Each list is a JSON file under `data/reference/` carrying its source and date; the
//! files are embedded in the binary as defaults (through the `explor-data` crate).

mod countries;
mod departements;
mod import;
mod languages;
mod status;
mod themes;
mod travel;
pub mod vocabulary;

pub use countries::{Countries, Country, M49Region};
pub use departements::{Departement, Departements};
pub use import::{
    ImportOptions, Imported, ImportedTable, TableImportError, TableIssue, import_table,
};
pub use languages::{Language, Languages};
pub use status::{MAX_AGES, Origin, ReferenceFile, TableStatus, period_end, reference_status};
pub use themes::{Taxonomy, Theme, ThemeRelation};
pub use travel::{Advice, AdviceLevel, TravelAdvice};

/// Every reference file embedded in the binary, by file name, as
/// [`reference_status`] reads them.
pub fn embedded_files() -> Vec<ReferenceFile<'static>> {
    use explor_data::reference as data;
    [
        ("themes.json", data::THEMES),
        ("countries.json", data::COUNTRIES),
        ("languages.json", data::LANGUAGES),
        ("departements.json", data::DEPARTEMENTS),
        ("travel-advice.json", data::TRAVEL_ADVICE),
        ("scoring.json", data::SCORING),
        ("costs.json", data::COSTS),
        ("booklet.json", data::BOOKLET),
        ("network.json", data::NETWORK),
    ]
    .into_iter()
    .map(|(name, text)| ReferenceFile {
        name,
        text,
        origin: Origin::Embedded,
    })
    .collect()
}

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
