//! The views' sentences: cost totals, search counts, what a listing leaves out.

use std::fmt::Display;

/// Said by `totals`.
pub fn part_reseau_plafonnee(network_share_bp: impl Display) -> String {
    format!("part du réseau ({network_share_bp}, plafonnée)")
}

/// Said by `totals`.
pub const COUTS_ELIGIBLES: &str = "coûts éligibles";

/// Said by `totals`.
pub const RESTE_CHARGE: &str = "reste à charge";

/// Said by `totals`.
pub const PAYE_RESEAU: &str = "payé par le réseau";

/// Said by `totals`.
pub const PAYE_ASSOCIATION: &str = "payé par l'association";

/// Said by `totals`.
pub const PAYE_EMPLOYEUR: &str = "payé par l'employeur";

/// Said by `mecenat`.
pub fn mecenat_estimation_don_dont_temps(
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

/// Said by `mecenat`.
pub fn hypothese(a: impl Display) -> String {
    format!("  hypothèse : {a}")
}

/// Said by `left_out`.
pub const N1_BESOIN_OUVERT_SANS_THEME: &str =
    "1 besoin ouvert sans thème ni compétence en commun n’est pas listé";

/// Said by `left_out`.
pub fn besoins_ouverts_sans_theme_ni(n: impl Display) -> String {
    format!("{n} besoins ouverts sans thème ni compétence en commun ne sont pas listés")
}

/// Said by `import_summary`.
pub fn laisse_cote_personnes_effacees_leur(fiches: impl Display) -> String {
    format!("laissé de côté : {fiches} de personnes effacées à leur demande (RGPD)\n")
}

/// Said by `count`.
pub const RESULTAT: &str = "résultat";

/// Said by `count`.
pub const RESULTATS: &str = "résultats";

/// Said by `totals`.
pub const FRAIS_DOSSIER: &str = "frais de dossier";

/// Said by `totals`.
pub const APPORTS_NATURE_PARTENAIRE: &str = "apports en nature du partenaire";

/// Said by `programme_rule`.
pub fn plafond_frais_dossier(
    network_share_bp: impl Display,
    network_cap_per_mission: impl Display,
    fee_per_mission: impl Display,
) -> String {
    format!(
        "{network_share_bp}, plafond {network_cap_per_mission} ; frais de dossier {fee_per_mission}"
    )
}
