//! `explor demo`: its script, step by step.

use std::fmt::Display;

/// The demo's title.
pub const TITLE: &str = "explor demo — missions d’expertise EXPLOR, Occitanie Coopération";

/// Whether the store and the index agree.
pub fn store_and_index(
    oui: impl Display,
    index_documents: impl Display,
    store_generation: impl Display,
) -> String {
    format!(
        "la base et l’index concordent : {oui} ({index_documents} documents à la génération {store_generation})"
    )
}

/// A folder that cannot be created.
pub fn cannot_create(dir: impl Display) -> String {
    format!("impossible de créer {dir}")
}

/// Step 2: the sample at a glance.
pub const STEP_GLANCE: &str = "\n== 2. l’exemple en bref ==";

/// Experts living abroad.
pub fn experts_abroad(experts_abroad: impl Display) -> String {
    format!("résidant à l’étranger (candidats à la réciprocité) : {experts_abroad}")
}

/// The countries and themes the needs cover.
pub fn needs_cover(needs_by_country: impl Display, needs_by_theme: impl Display) -> String {
    format!("les besoins couvrent {needs_by_country} pays et {needs_by_theme} thématiques")
}

/// Step 3: the companies' offers.
pub const STEP_OFFERS: &str = "\n== 3. offres d’entreprise ==";

/// The demo's step 4: whom to send to Kinshasa.
pub fn step_kinshasa(kinshasa_need: impl Display) -> String {
    format!("\n== 4. exemple 1 : qui envoyer à Kinshasa ? (explor match {kinshasa_need}) ==")
}

/// An example's record that is not in the data.
pub fn not_in_data(kinshasa_need: impl Display) -> String {
    format!("({kinshasa_need} n’est pas dans ces données)")
}

/// Why the first candidate ranks first.
pub fn why_first(best: impl Display) -> String {
    format!("pourquoi {best} arrive en tête, critère par critère :")
}

/// The demo's step 5: which needs for an offer.
pub fn step_offer(elec_offer: impl Display) -> String {
    format!(
        "\n== 5. exemple 2 : quels besoins pour l’offre d’Élec Sud ? (explor match --offer {elec_offer}) =="
    )
}

/// Step 6: a search.
pub const STEP_SEARCH: &str =
    "\n== 6. recherche : « diagnostic dechets » (accents facultatifs), francophones B2 ou plus ==";

/// Step 7: the spring call's batch.
pub fn step_batch(spring_call: impl Display) -> String {
    format!(
        "\n== 7. affectation groupée de l’appel de printemps (explor batch --call {spring_call}) =="
    )
}

/// A batch that could not be computed.
pub fn batch_failed(e: impl Display) -> String {
    format!("(affectation non calculée : {e})")
}

/// The first assignments shown out of all.
pub fn first_assignments(rows: impl Display, rows2: impl Display) -> String {
    format!(
        "({rows} premières affectations sur {rows2} ; `explor batch --format md` écrit le rapport de réunion)"
    )
}

/// The note on the mission the demo creates.
pub const CREATED_BY_DEMO: &str = "créée par explor demo";

/// A mission that could not be created.
pub fn mission_failed(e: impl Display) -> String {
    format!("(mission non créée : {e})")
}

/// The mission created, and its expert booked.
pub fn mission_created(
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

/// The mission's cost plan and the programme's rule.
pub fn cost_plan(m: impl Display, rules: impl Display) -> String {
    format!("plan de financement (explor mission show {m}), règle du programme : {rules}")
}

/// Step 9: the start of the mission's sheet.
pub fn step_sheet(m: impl Display) -> String {
    format!("\n== 9. début de sa fiche de mission (explor mission doc {m} fiche) ==")
}

/// The bundled sample, as a source.
pub const BUNDLED_SAMPLE: &str = "l’exemple fourni (data/sample)";

/// The temporary workspace.
pub fn temp_workspace(root: impl Display) -> String {
    format!("espace de travail temporaire : {root}")
}

/// Yes: the store and the index agree.
pub const YES: &str = "oui";

/// No: the store and the index disagree.
pub const NO: &str = "NON";

/// Experts by status.
pub fn experts_by_status(experts_by_status: impl Display) -> String {
    format!("experts par statut :  {experts_by_status}")
}

/// Needs by call.
pub fn needs_by_call(needs_by_call: impl Display) -> String {
    format!("besoins par appel :  {needs_by_call}")
}

/// Needs by kind.
pub fn needs_by_kind(needs_by_kind: impl Display) -> String {
    format!("besoins par type :   {needs_by_kind}")
}

/// Step 8: the Kinshasa mission.
pub fn step_mission(kinshasa_need: impl Display, kinshasa_expert: impl Display) -> String {
    format!(
        "\n== 8. la mission de Kinshasa (explor mission create {kinshasa_need} --expert {kinshasa_expert}) =="
    )
}

/// A cost plan that could not be computed.
pub fn no_cost_plan(e: impl Display) -> String {
    format!("(pas de plan de financement : {e})")
}

/// The other documents of a mission.
pub const OTHER_DOCUMENTS: &str =
    "  … (aussi : tdr, convention, livret, bilan, budget ; --format html pour imprimer)";
