//! Records: kinds, imports, the store and index check.

use crate::RecordKind;

/// A record id that names a person erased at their request.
pub fn erased_id(id: &str, on: &str) -> String {
    format!("« {id} » a été effacé·e le {on} à sa demande (RGPD)")
}

/// A kind of record, singular or plural, in French.
pub fn kind(kind: RecordKind, n: usize) -> &'static str {
    match (kind, n > 1) {
        (RecordKind::Association, false) => "association",
        (RecordKind::Association, true) => "associations",
        (RecordKind::Expert, false) => "expert",
        (RecordKind::Expert, true) => "experts",
        (RecordKind::Offer, false) => "offre",
        (RecordKind::Offer, true) => "offres",
        (RecordKind::Need, false) => "besoin",
        (RecordKind::Need, true) => "besoins",
    }
}
/// A kind of record with its article: `un besoin`, `une offre`.
pub fn article(kind: RecordKind) -> &'static str {
    match kind {
        RecordKind::Association => "une association",
        RecordKind::Expert => "un expert",
        RecordKind::Offer => "une offre",
        RecordKind::Need => "un besoin",
    }
}
/// An expert's status, in French.
pub fn status(s: crate::ExpertStatus) -> &'static str {
    use crate::ExpertStatus;
    match s {
        ExpertStatus::Employee => "salarié·e d'entreprise",
        ExpertStatus::PublicAgent => "agent·e public·que",
        ExpertStatus::Independent => "indépendant·e",
        ExpertStatus::Retired => "retraité·e",
    }
}
/// Counts of one import.
pub fn counts(added: usize, updated: usize, unchanged: usize) -> String {
    format!("{added} ajoutée(s), {updated} mise(s) à jour, {unchanged} inchangée(s)")
}
/// The import's total line.
pub fn imported(counts: &str) -> String {
    format!("importé : {counts}")
}
/// Yes or no.
pub fn yes_no(b: bool) -> &'static str {
    if b { "oui" } else { "non" }
}
/// The store's line of `check`.
pub fn store(generation: u64, documents: usize) -> String {
    format!("base : génération {generation}, {documents} experts et offres")
}
/// The index's line of `check`.
pub fn index(generation: &str, documents: usize) -> String {
    format!("index : génération {generation}, {documents} documents")
}
/// An unknown generation.
pub const UNKNOWN: &str = "inconnue";
/// A record missing from the index.
pub fn missing_from_index(id: &str) -> String {
    format!("absent de l’index : {id}")
}
/// A document in the index only.
pub fn extra_in_index(id: &str) -> String {
    format!("dans l’index mais pas dans la base : {id}")
}
/// A damaged index file.
pub fn damaged_file(file: &str) -> String {
    format!("fichier d’index endommagé (altéré ou tronqué) : {file}")
}
/// Everything agrees.
pub const AGREE: &str = "la base et l’index concordent";
/// `check` fails: damage.
pub const DAMAGED: &str = "l’index de recherche est endommagé : lancez `explor reindex`";
/// `check` fails: disagreement.
pub const DISAGREE: &str = "la base et l’index ne concordent pas : lancez `explor reindex`";
/// After `reindex`.
pub fn reindexed(n: usize) -> String {
    format!("index de recherche reconstruit : {n} documents")
}

/// The reference list of Occitanie names a département it does not know.
pub fn unknown_occitanie_departement(code: &str) -> String {
    format!("la liste de l’Occitanie nomme un département inconnu « {code} »")
}

/// A number of records: `3 fiches`.
pub fn count(n: u64) -> String {
    super::plural(n, "fiche", "fiches")
}
