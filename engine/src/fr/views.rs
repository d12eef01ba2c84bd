//! The views' sentences: cost totals, search counts, what a listing leaves out.

use std::fmt::Display;

/// The network's share (capped).
pub fn network_share(network_share_bp: impl Display) -> String {
    format!("part du réseau ({network_share_bp}, plafonnée)")
}

/// The eligible costs.
pub const ELIGIBLE_COSTS: &str = "coûts éligibles";

/// What is left to pay.
pub const REMAINDER: &str = "reste à charge";

/// Paid by the network.
pub const PAID_BY_NETWORK: &str = "payé par le réseau";

/// Paid by the association.
pub const PAID_BY_ASSOCIATION: &str = "payé par l'association";

/// Paid by the employer.
pub const PAID_BY_EMPLOYER: &str = "payé par l'employeur";

/// The patronage estimate in one line.
pub fn patronage(
    gift: impl Display,
    valued_time: impl Display,
    reduction: impl Display,
    reduction_this_year: impl Display,
    net_cost: impl Display,
) -> String {
    format!(
        "mécénat (estimation) : don {gift} dont temps valorisé {valued_time}, réduction d'impôt {reduction} (cette année {reduction_this_year}), coût net {net_cost}"
    )
}

/// An assumption of the patronage estimate.
pub fn assumption(a: impl Display) -> String {
    format!("  hypothèse : {a}")
}

/// One open need left out (nothing in common).
pub const ONE_NEED_LEFT_OUT: &str =
    "1 besoin ouvert sans thème ni compétence en commun n’est pas listé";

/// Open needs left out (nothing in common).
pub fn needs_left_out(n: impl Display) -> String {
    format!("{n} besoins ouverts sans thème ni compétence en commun ne sont pas listés")
}

/// Records of erased people left out of an import.
pub fn erased_left_out(fiches: impl Display) -> String {
    format!("laissé de côté : {fiches} de personnes effacées à leur demande (RGPD)\n")
}

/// One search result.
pub const RESULT: &str = "résultat";

/// Search results.
pub const RESULTS: &str = "résultats";

/// The application fee.
pub const FEE: &str = "frais de dossier";

/// The partner's contributions in kind.
pub const IN_KIND: &str = "apports en nature du partenaire";

/// The programme's rule: share, cap and fee.
pub fn programme_rule(
    network_share_bp: impl Display,
    network_cap_per_mission: impl Display,
    fee_per_mission: impl Display,
) -> String {
    format!(
        "{network_share_bp}, plafond {network_cap_per_mission} ; frais de dossier {fee_per_mission}"
    )
}

/// A consent with the last day it holds.
pub fn until(consent: impl Display, last_day: impl Display) -> String {
    format!("{consent} jusqu’au {last_day}")
}

/// A need's kind in a table: abroad, or reciprocity.
pub fn need_kind(kind: crate::NeedKind) -> &'static str {
    match kind {
        crate::NeedKind::Standard => "à l’étranger",
        crate::NeedKind::Reciprocity => "réciprocité",
    }
}
