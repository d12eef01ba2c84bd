//! `explor demo`: its script, step by step.

use std::fmt::Display;

/// Said by `run`.
pub const IMPOSSIBLE_CREER_DOSSIER_TEMPORAIRE: &str = "impossible de créer un dossier temporaire";

/// Said by `run`.
pub const EXPLOR_DEMO_MISSIONS_EXPERTISE_EXPLOR: &str =
    "explor demo — missions d’expertise EXPLOR, Occitanie Coopération";

/// Said by `run`.
pub fn base_index_concordent_documents_generation(
    oui: impl Display,
    index_documents: impl Display,
    store_generation: impl Display,
) -> String {
    format!(
        "la base et l’index concordent : {oui} ({index_documents} documents à la génération {store_generation})"
    )
}

/// Said by `write_sample`.
pub fn impossible_creer(dir: impl Display) -> String {
    format!("impossible de créer {dir}")
}

/// Said by `write_sample`.
pub fn impossible_ecrire(path: impl Display) -> String {
    format!("impossible d’écrire {path}")
}

/// Said by `at_a_glance`.
pub const N2_EXEMPLE_BREF: &str = "\n== 2. l’exemple en bref ==";

/// Said by `at_a_glance`.
pub fn residant_etranger_candidats_reciprocite(experts_abroad: impl Display) -> String {
    format!("résidant à l’étranger (candidats à la réciprocité) : {experts_abroad}")
}

/// Said by `at_a_glance`.
pub fn besoins_couvrent_pays_thematiques(
    needs_by_country: impl Display,
    needs_by_theme: impl Display,
) -> String {
    format!("les besoins couvrent {needs_by_country} pays et {needs_by_theme} thématiques")
}

/// Said by `offers`.
pub const N3_OFFRES_ENTREPRISE: &str = "\n== 3. offres d’entreprise ==";

/// The demo's step 4: whom to send to Kinshasa.
pub fn step_kinshasa(kinshasa_need: impl Display) -> String {
    format!("\n== 4. exemple 1 : qui envoyer à Kinshasa ? (explor match {kinshasa_need}) ==")
}

/// An example's record that is not in the data.
pub fn not_in_data(kinshasa_need: impl Display) -> String {
    format!("({kinshasa_need} n’est pas dans ces données)")
}

/// Said by `kinshasa_candidates`.
pub fn pourquoi_arrive_tete_critere_critere(best: impl Display) -> String {
    format!("pourquoi {best} arrive en tête, critère par critère :")
}

/// The demo's step 5: which needs for an offer.
pub fn step_offer(elec_offer: impl Display) -> String {
    format!(
        "\n== 5. exemple 2 : quels besoins pour l’offre d’Élec Sud ? (explor match --offer {elec_offer}) =="
    )
}

/// Said by `search`.
pub const N6_RECHERCHE_DIAGNOSTIC_DECHETS_ACCENTS: &str =
    "\n== 6. recherche : « diagnostic dechets » (accents facultatifs), francophones B2 ou plus ==";

/// Said by `spring_batch`.
pub fn n7_affectation_groupee_appel_printemps(spring_call: impl Display) -> String {
    format!(
        "\n== 7. affectation groupée de l’appel de printemps (explor batch --call {spring_call}) =="
    )
}

/// Said by `spring_batch`.
pub fn affectation_non_calculee(e: impl Display) -> String {
    format!("(affectation non calculée : {e})")
}

/// Said by `spring_batch`.
pub fn premieres_affectations_explor_batch_format(
    rows: impl Display,
    rows2: impl Display,
) -> String {
    format!(
        "({rows} premières affectations sur {rows2} ; `explor batch --format md` écrit le rapport de réunion)"
    )
}

/// Said by `kinshasa_mission`.
pub const CREEE_EXPLOR_DEMO: &str = "créée par explor demo";

/// Said by `kinshasa_mission`.
pub fn mission_non_creee(e: impl Display) -> String {
    format!("(mission non créée : {e})")
}

/// Said by `kinshasa_mission`.
pub fn mission_creee_jours_etat_reserve(
    m: impl Display,
    dates: impl Display,
    len_days: impl Display,
    label_fr: impl Display,
    kinshasa_expert: impl Display,
) -> String {
    format!(
        "mission {m} créée : {dates} ({len_days} jours), état « {label_fr} » ; {kinshasa_expert} est réservé·e à ces dates"
    )
}

/// Said by `kinshasa_mission`.
pub fn plan_financement_explor_mission_show(m: impl Display, rules: impl Display) -> String {
    format!("plan de financement (explor mission show {m}), règle du programme : {rules}")
}

/// Said by `kinshasa_mission`.
pub fn n9_debut_fiche_mission_explor(m: impl Display) -> String {
    format!("\n== 9. début de sa fiche de mission (explor mission doc {m} fiche) ==")
}

/// Said by `describe_source`.
pub const EXEMPLE_FOURNI_DATA_SAMPLE: &str = "l’exemple fourni (data/sample)";

/// Said by `run`.
pub fn espace_travail_temporaire(root: impl Display) -> String {
    format!("espace de travail temporaire : {root}")
}

/// Said by `run`.
pub const OUI: &str = "oui";

/// Said by `run`.
pub const NON: &str = "NON";

/// Said by `at_a_glance`.
pub fn experts_statut(experts_by_status: impl Display) -> String {
    format!("experts par statut :  {experts_by_status}")
}

/// Said by `at_a_glance`.
pub fn besoins_appel(needs_by_call: impl Display) -> String {
    format!("besoins par appel :  {needs_by_call}")
}

/// Said by `at_a_glance`.
pub fn besoins_type(needs_by_kind: impl Display) -> String {
    format!("besoins par type :   {needs_by_kind}")
}

/// Said by `kinshasa_mission`.
pub fn n8_mission_kinshasa_explor_mission(
    kinshasa_need: impl Display,
    kinshasa_expert: impl Display,
) -> String {
    format!(
        "\n== 8. la mission de Kinshasa (explor mission create {kinshasa_need} --expert {kinshasa_expert}) =="
    )
}

/// Said by `kinshasa_mission`.
pub fn plan_financement(e: impl Display) -> String {
    format!("(pas de plan de financement : {e})")
}

/// Said by `kinshasa_mission`.
pub const AUSSI_TDR_CONVENTION_LIVRET_BILAN: &str =
    "  … (aussi : tdr, convention, livret, bilan, budget ; --format html pour imprimer)";
