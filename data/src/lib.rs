//! # explor-data
//!
//! The files of `data/`, embedded at build time so that the `explor` binary works from
//! any directory: the reference tables ([`reference`](mod@reference): themes, countries, languages,
//! départements, travel advice, scoring weights, cost rules, the booklet and the
//! network), the document templates ([`templates`]) and the sample dataset
//! ([`sample`]). Each constant is a file's text exactly as it is on disk; the
//! reference files keep their source and date inside, and the crates that read them
//! parse and check them.
//!
//! One design decision: this crate only holds text. It knows nothing of the shapes of
//! the files, so the engine stays the one place that reads them, and `include_str!`
//! never reaches outside the crate that owns the files.
//!
//! ```
//! let themes: serde_json::Value = serde_json::from_str(explor_data::reference::THEMES)?;
//! assert!(themes.get("source").is_some());
//! assert!(explor_data::sample::FILES.iter().any(|(name, _)| *name == "experts.json"));
//! # Ok::<(), serde_json::Error>(())
//! ```
#![warn(missing_docs)]

/// The reference tables of `data/reference/`, each with its source and date.
pub mod reference {
    /// The theme taxonomy (`themes.json`).
    pub const THEMES: &str = include_str!("../reference/themes.json");
    /// Countries with their UN M49 regions (`countries.json`).
    pub const COUNTRIES: &str = include_str!("../reference/countries.json");
    /// ISO 639-1 languages (`languages.json`).
    pub const LANGUAGES: &str = include_str!("../reference/languages.json");
    /// French départements (`departements.json`).
    pub const DEPARTEMENTS: &str = include_str!("../reference/departements.json");
    /// Travel advice by country (`travel-advice.json`).
    pub const TRAVEL_ADVICE: &str = include_str!("../reference/travel-advice.json");
    /// Scoring weights and settings (`scoring.json`).
    pub const SCORING: &str = include_str!("../reference/scoring.json");
    /// Cost rules, rates and estimates (`costs.json`).
    pub const COSTS: &str = include_str!("../reference/costs.json");
    /// The general part of the volunteer's booklet (`booklet.json`).
    pub const BOOKLET: &str = include_str!("../reference/booklet.json");
    /// The network's own details, for documents (`network.json`).
    pub const NETWORK: &str = include_str!("../reference/network.json");
}

/// The mission document templates of `data/templates/` (Jinja, in French).
pub mod templates {
    /// The mission sheet (`fiche.md.j2`).
    pub const FICHE: &str = include_str!("../templates/fiche.md.j2");
    /// The terms of reference (`tdr.md.j2`).
    pub const TDR: &str = include_str!("../templates/tdr.md.j2");
    /// The proposed agreement (`convention.md.j2`).
    pub const CONVENTION: &str = include_str!("../templates/convention.md.j2");
    /// The volunteer's booklet (`livret.md.j2`).
    pub const LIVRET: &str = include_str!("../templates/livret.md.j2");
    /// The return debrief form (`bilan.md.j2`).
    pub const BILAN: &str = include_str!("../templates/bilan.md.j2");
    /// The funding plan (`budget.md.j2`).
    pub const BUDGET: &str = include_str!("../templates/budget.md.j2");
    /// The printable HTML page a document is placed in (`page.html.j2`).
    pub const PAGE: &str = include_str!("../templates/page.html.j2");

    /// Every template, by file name.
    pub const FILES: [(&str, &str); 7] = [
        ("fiche.md.j2", FICHE),
        ("tdr.md.j2", TDR),
        ("convention.md.j2", CONVENTION),
        ("livret.md.j2", LIVRET),
        ("bilan.md.j2", BILAN),
        ("budget.md.j2", BUDGET),
        ("page.html.j2", PAGE),
    ];
}

/// The sample dataset of `data/sample/`: a realistic, invented set of records.
pub mod sample {
    /// Associations (`associations.json`).
    pub const ASSOCIATIONS: &str = include_str!("../sample/associations.json");
    /// Experts (`experts.json`).
    pub const EXPERTS: &str = include_str!("../sample/experts.json");
    /// Company offers (`offers.json`).
    pub const OFFERS: &str = include_str!("../sample/offers.json");
    /// Needs (`needs.json`).
    pub const NEEDS: &str = include_str!("../sample/needs.json");

    /// Every file, by name, in the order an import takes them.
    pub const FILES: [(&str, &str); 4] = [
        ("associations.json", ASSOCIATIONS),
        ("experts.json", EXPERTS),
        ("offers.json", OFFERS),
        ("needs.json", NEEDS),
    ];
}
