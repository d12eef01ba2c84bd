//! The explanations of the scoring criteria.

use super::plural;
use crate::scoring::Criterion;

/// The candidate works in the need's theme.
pub fn same_theme(theme: &str) -> String {
    format!("même thématique : {theme}")
}
/// One theme holds the other.
pub fn parent_theme(theirs: &str, need: &str) -> String {
    format!("{theirs} englobe {need} ou y est inclus")
}
/// Neighbouring themes (same parent).
pub fn sibling_theme(theirs: &str, need: &str) -> String {
    format!("{theirs} est une thématique voisine de {need}")
}
/// No theme close.
pub fn no_theme(need: &str) -> String {
    format!("aucune thématique proche de {need}")
}
/// Skills in common, or none, with the text relevance.
pub fn skills(matched: &[&str], relevance: f64) -> String {
    let rel = super::decimal1(relevance);
    if matched.is_empty() {
        format!("aucune compétence listée en commun ; pertinence du texte {rel}")
    } else {
        format!(
            "compétences en commun : {} ; pertinence du texte {rel}",
            matched.join(", ")
        )
    }
}
/// Experience (or an offer's preference) of the need's country.
pub fn same_country(is_offer: bool, country: &str) -> String {
    if is_offer {
        format!("pays visé par l’offre : {country}")
    } else {
        format!("a travaillé dans le pays : {country}")
    }
}
/// Experience of a country of the need's sub-region.
pub fn same_subregion(is_offer: bool, country: &str, subregion: &str) -> String {
    if is_offer {
        format!("pays visé par l’offre : {country} (même sous-région : {subregion})")
    } else {
        format!("a travaillé dans la sous-région : {country} ({subregion})")
    }
}
/// No experience nearby.
pub fn no_country(country: &str) -> String {
    format!("aucune expérience de {country} ni de sa sous-région")
}
/// Slack around the dates.
pub fn slack(days: u32) -> String {
    format!(
        "{} de marge autour des dates",
        plural(days, "jour", "jours")
    )
}
/// Missions done with the network.
pub fn missions_done(n: u32) -> String {
    format!(
        "{} avec le réseau",
        plural(n, "mission réalisée", "missions réalisées")
    )
}
/// An offer has no record of missions.
pub const OFFER_EXPERIENCE: &str = "offre d’entreprise : expérience non renseignée";
/// Rotation: how often lately.
pub fn rotation(n: u32, days: u32) -> String {
    format!(
        "proposé ou retenu {} sur les {days} derniers jours",
        plural(n, "fois", "fois")
    )
}
/// A required language spoken above the level.
pub fn above_required(code: &str, spoken: &str, required: &str) -> String {
    format!("{code} {spoken} ({required} requis)")
}
/// Required levels met, not exceeded.
pub const LEVELS_EXACT: &str = "niveaux requis tout juste atteints";
/// A preferred language spoken.
pub fn preferred_spoken(code: &str, level: &str) -> String {
    format!("parle {code} {level} (souhaité)")
}
/// A preferred language spoken below the level wished.
pub fn preferred_partly(code: &str, level: &str, wished: &str) -> String {
    format!("un peu de {code} ({level}, {wished} souhaité)")
}
/// No preferred language.
pub const NO_PREFERRED: &str = "aucune langue souhaitée parlée";

/// Scoring weights that cannot be used.
pub const BAD_WEIGHTS: &str =
    "les poids doivent être finis, non négatifs, et l’un au moins positif";

/// A criterion's name for people.
pub const fn label(criterion: Criterion) -> &'static str {
    match criterion {
        Criterion::Theme => "thématique",
        Criterion::Skills => "compétences",
        Criterion::Languages => "langues",
        Criterion::CountryExperience => "expérience du pays",
        Criterion::AvailabilityFit => "marge de disponibilité",
        Criterion::Experience => "missions réalisées",
        Criterion::Rotation => "rotation",
    }
}
