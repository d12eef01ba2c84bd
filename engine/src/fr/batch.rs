//! The batch run as coordinators read it: summary, sections, reasons.

use super::{decimal1, decimal2, plural};
use std::fmt::Display;

/// What a run covers.
pub fn scope(call: Option<&str>) -> String {
    match call {
        Some(call) => format!("appel {call}"),
        None => "tous les besoins".to_owned(),
    }
}
/// The coverage in one sentence: `18 besoins couverts sur 21, …`.
pub fn coverage(covered: usize, needs: usize, filled: u64, wanted: u64, score: f64) -> String {
    format!(
        "{covered} {} sur {needs}, {filled} {} sur {wanted}, score total {}",
        if covered > 1 {
            "besoins couverts"
        } else {
            "besoin couvert"
        },
        if filled > 1 {
            "places pourvues"
        } else {
            "place pourvue"
        },
        decimal2(score)
    )
}
/// The one-line summary: `affectation groupée, appel X : …`.
pub fn summary(scope: &str, coverage: &str) -> String {
    format!("affectation groupée, {scope} : {coverage}")
}
/// The run's settings, after the summary.
pub fn settings(top_k: usize, min_score: f64) -> String {
    let top = format!("les {top_k} meilleurs candidats par besoin");
    if min_score > 0.0 {
        format!("{top}, score minimum {}", decimal1(min_score))
    } else {
        top
    }
}
/// How the problem split.
pub fn parts(n: usize) -> String {
    plural(n as u64, "partie indépendante", "parties indépendantes")
}
/// `(offre)` after a company offer's id.
pub const OFFER: &str = " (offre)";
/// How a pinned assignment is marked, after its candidate.
pub const PINNED: &str = " (épinglée)";
/// Places filled of a partly served need.
pub fn filled(filled: u32, wanted: u32) -> String {
    format!("{filled} sur {wanted}")
}
/// Nobody is even near.
pub const NOBODY_NEAR: &str = "aucun candidat éligible, et aucun expert ni offre n’en approche";
/// The nearest excluded follow.
pub const NEAREST: &str = "aucun candidat éligible ; les plus proches :";
/// The best is below the minimum score.
pub fn below_min(best: &str, score: f64, min: f64) -> String {
    format!(
        "le meilleur candidat éligible, {best}, a un score de {}, sous le minimum {}",
        decimal1(score),
        decimal1(min)
    )
}
/// `et N autres`.
pub fn more(n: usize) -> String {
    format!("et {n} autres")
}
/// Every eligible candidate went elsewhere.
pub fn taken(list: &str) -> String {
    format!("chaque candidat éligible est affecté à un autre besoin : {list}")
}
/// The coordinator excluded everyone.
pub const ALL_EXCLUDED: &str = "chaque candidat a été écarté par la coordination";
/// An alternate is free.
pub const FREE: &str = "libre";
/// An alternate's company has no quota left.
pub const QUOTA_USED: &str = "quota de l’entreprise épuisé";
/// An alternate taken by others.
pub fn taken_by(by: &str) -> String {
    format!("pris par {by}")
}
/// A blocker held by a company's quota.
pub fn quota_of(company: &str) -> String {
    format!("quota de {company}")
}
/// After `--commit`.
pub fn committed(ids: &[&str]) -> String {
    format!(
        "enregistré : {} ({}), état « proposée », personnes réservées",
        plural(ids.len() as u64, "mission créée", "missions créées"),
        if ids.is_empty() {
            "aucune".to_owned()
        } else {
            ids.join(", ")
        }
    )
}
/// After `--out`.
pub fn written(summary: &str, path: &str) -> String {
    format!("{summary} ; rapport écrit dans {path}")
}

/// A pinned or excluded need that is not part of the run.
pub fn need_not_in_run(need: &str) -> String {
    format!("le besoin « {need} » ne fait pas partie de ce calcul")
}
/// A pinned or excluded expert that is not a candidate of the need.
pub fn not_a_candidate(need: &str, expert: &str) -> String {
    format!("« {expert} » n’est pas candidat pour le besoin « {need} »")
}
/// A pinned expert that fails an eligibility gate of the need.
pub fn fails_gate(need: &str, expert: &str, gate: &str) -> String {
    format!("« {expert} » ne peut pas servir le besoin « {need} » : condition non remplie : {gate}")
}
/// A pair both pinned and excluded.
pub fn pinned_and_excluded(need: &str, expert: &str) -> String {
    format!("le couple {need}={expert} est à la fois épinglé et exclu")
}
/// More pins on a need than its places.
pub fn too_many_for_need(need: &str, pins: impl Display, wanted: impl Display) -> String {
    format!("{pins} épinglages sur le besoin « {need} », qui en demande {wanted}")
}
/// More pins on an expert than their capacity.
pub fn too_many_for_expert(expert: &str, pins: impl Display, capacity: impl Display) -> String {
    format!("{pins} épinglages sur « {expert} », qui peut en prendre {capacity}")
}
/// More pins on a company's candidates than its quota.
pub fn too_many_for_company(company: &str, pins: impl Display, quota: impl Display) -> String {
    format!("{pins} épinglages sur l’entreprise « {company} », dont le quota est {quota}")
}

/// No need belongs to the call asked for (a mistake the user can fix).
pub fn no_need_in_call(call: impl Display, known: impl Display) -> String {
    format!(
        "aucun besoin n’appartient à l’appel « {call} » (appels de l’espace de travail : {known})"
    )
}

/// The assignment could not be solved (an internal failure).
pub const SOLVER_FAILED: &str = "l’affectation groupée a échoué";

/// A pin or exclusion names a need the workspace does not have.
pub fn unknown_pinned_need(need: impl Display) -> String {
    format!("besoin inconnu « {need} » dans un épinglage ou une exclusion")
}

/// A pin or exclusion names an expert or offer the workspace does not have.
pub fn unknown_pinned_expert(expert: impl Display) -> String {
    format!("expert ou offre inconnu « {expert} » dans un épinglage ou une exclusion")
}

/// A pin or exclusion names a need of another call.
pub fn need_not_in_call(need: impl Display, call: impl Display) -> String {
    format!("le besoin « {need} » n’est pas dans l’appel « {call} »")
}

/// No call in the workspace, where calls are listed.
pub const NO_CALL: &str = "aucun";
