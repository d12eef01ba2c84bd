//! Titles and column headers of the tables people read (CSV for scripts keeps its keys).

/// A batch's sections: (key, title).
pub const ASSIGNMENTS: &str = "Affectations";
/// Unserved needs.
pub const UNSERVED: &str = "Besoins non pourvus";
/// Partly served needs.
pub const PARTLY_SERVED: &str = "Besoins pourvus en partie";
/// Travel advice.
pub const TRAVEL_ADVICE: &str = "Conseils aux voyageurs";
/// Alternates.
pub const ALTERNATES: &str = "Suppléants";
/// A batch's assignments.
pub const BATCH_ASSIGNMENTS: [&str; 6] = [
    "besoin",
    "candidat",
    "score",
    "dates",
    "pourquoi",
    "à vérifier",
];
/// A batch's unserved needs.
pub const BATCH_UNSERVED: [&str; 2] = ["besoin", "pourquoi"];
/// A batch's partly served needs.
pub const BATCH_PARTLY: [&str; 2] = ["besoin", "places pourvues"];
/// A batch's travel advice.
pub const BATCH_ADVICE: [&str; 2] = ["besoin", "note"];
/// A batch's alternates.
pub const BATCH_ALTERNATES: [&str; 3] = ["besoin", "premier suppléant", "second suppléant"];
/// A score's breakdown.
pub const BREAKDOWN: [&str; 4] = ["critère", "points", "poids %", "pourquoi"];
/// Ranked candidates (the second column is `candidat` or `besoin`).
pub const RANKED: [&str; 7] = [
    "#",
    "candidat",
    "nom",
    "score",
    "dates",
    "pourquoi",
    "à vérifier",
];
/// Excluded candidates.
pub const EXCLUDED: [&str; 3] = ["id", "nom", "pourquoi pas"];
/// Missions listed.
pub const MISSIONS: [&str; 5] = ["mission", "besoin", "qui", "dates", "état"];
/// A mission's log.
pub const LOG: [&str; 4] = ["#", "le", "quoi", "note"];
/// A record's fields.
pub const FIELDS: [&str; 2] = ["champ", "valeur"];
/// Search hits.
pub const HITS: [&str; 5] = ["id", "type", "nom", "thématiques", "score"];
/// `list associations`.
pub const ASSOCIATIONS: [&str; 6] = [
    "id",
    "nom",
    "dépt",
    "membre",
    "années de terrain",
    "mécénat",
];
/// `list experts`.
pub const EXPERTS: [&str; 8] = [
    "id",
    "nom",
    "statut",
    "employeur",
    "domicile",
    "thématiques",
    "langues",
    "accord",
];
/// `list offers`.
pub const OFFERS: [&str; 6] = [
    "id",
    "entreprise",
    "intitulé",
    "places",
    "période",
    "thématiques",
];
/// `list needs`.
pub const NEEDS: [&str; 8] = [
    "id",
    "association",
    "appel",
    "type",
    "lieu",
    "thématique",
    "période",
    "jours",
];

/// The candidate column's header when needs are ranked for an offer.
pub const NEED: &str = "besoin";

/// The reference tables' status (`explor reference status`).
pub const REFERENCE_STATUS: [&str; 6] = [
    "table",
    "date",
    "origine",
    "durée de validité",
    "état",
    "source",
];

/// The themes (`explor themes`).
pub const THEMES: [&str; 4] = ["clé", "libellé", "thématique parente", "sous-thématiques"];

/// A vocabulary of codes (countries, languages): the code, the French and English names.
pub const CODES: [&str; 3] = ["code", "nom", "nom anglais"];

/// A vocabulary of keys (statuses).
pub const KEYS: [&str; 2] = ["clé", "libellé"];

/// A vocabulary of keys by field (consent schemes and statuses).
pub const FIELD_KEYS: [&str; 3] = ["champ", "clé", "libellé"];

/// The web accounts (`explor user list`).
pub const ACCOUNTS: [&str; 5] = ["courriel", "rôle", "organisation", "état", "créé le"];
