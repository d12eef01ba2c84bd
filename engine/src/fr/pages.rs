//! The web pages' messages: titles, hints, notices, e-mails and what a form says back.

use std::fmt::Display;

use crate::RecordKind;

/// Said by `invite`.
pub const CHOISISSEZ_ROLE: &str = "Choisissez un rôle.";

/// Text of `auth.rs`.
pub const ADRESSE_E_MAIL_MOT_PASSE: &str = "Adresse e-mail ou mot de passe incorrect. Après 5 échecs, le compte \
                       est bloqué pendant 15 minutes.";

/// Said by `parse_pairs`.
pub fn valeur_illisible_attendu_besoin_expert(field: impl Display, p: impl Display) -> String {
    format!("Valeur illisible dans « {field} » : « {p} » (attendu besoin=expert).")
}

/// Said by `constraint_message`.
pub fn besoin_inconnu(need: impl Display) -> String {
    format!("Besoin inconnu : « {need} ».")
}

/// Said by `constraint_message`.
pub fn expert_offre_inconnu(expert: impl Display) -> String {
    format!("Expert ou offre inconnu : « {expert} ».")
}

/// Said by `constraint_message`.
pub fn besoin_appartient_appel(need: impl Display, call: impl Display) -> String {
    format!("Le besoin « {need} » n’appartient pas à l’appel « {call} ».")
}

/// Said by `constraint_message`.
pub fn besoin_pourvoir_affectation(need: impl Display) -> String {
    format!("Le besoin « {need} » n’est pas à pourvoir dans cette affectation.")
}

/// Said by `constraint_message`.
pub fn candidat_besoin(expert: impl Display, need: impl Display) -> String {
    format!("« {expert} » n’est pas candidat pour le besoin « {need} ».")
}

/// Said by `constraint_message`.
pub fn peut_servir_besoin_critere_eliminatoire(
    expert: impl Display,
    need: impl Display,
    gate: impl Display,
) -> String {
    format!("« {expert} » ne peut pas servir le besoin « {need} » : critère éliminatoire {gate}.")
}

/// Said by `constraint_message`.
pub fn paire_fois_epinglee_exclue(need: impl Display, expert: impl Display) -> String {
    format!("La paire {need}={expert} est à la fois épinglée et exclue.")
}

/// Said by `constraint_message`.
pub fn paires_epinglees_besoin_qui_demande(
    pins: impl Display,
    need: impl Display,
    wanted: impl Display,
) -> String {
    format!("{pins} paires épinglées pour le besoin « {need} », qui demande {wanted} personne(s).")
}

/// Said by `constraint_message`.
pub fn paires_epinglees_qui_prend(
    pins: impl Display,
    expert: impl Display,
    capacity: impl Display,
) -> String {
    format!("{pins} paires épinglées pour « {expert} », qui n’en prend que {capacity}.")
}

/// Said by `constraint_message`.
pub fn paires_epinglees_entreprise_dont_quota(
    pins: impl Display,
    company: impl Display,
    quota: impl Display,
) -> String {
    format!("{pins} paires épinglées pour l’entreprise « {company} », dont le quota est {quota}.")
}

/// Said by `constraints`.
pub const EPINGLEES: &str = "épinglées";

/// Said by `current`.
pub const EPINGLEE: &str = "épinglée";

/// The hint of a whole number field.
pub fn whole_number_up_to(max_top_k: impl Display) -> String {
    format!("Un nombre entier de 1 à {max_top_k}.")
}

/// The hint of a percentage field.
pub const NUMBER_0_100: &str = "Un nombre de 0 à 100.";

/// Said by `list`.
pub const APPELS_PROJETS: &str = "Appels à projets";

/// A consent status, as the search form offers it: granted.
pub const CONSENT_GRANTED: &str = "accordé";

/// Said by `consent_fr`.
pub const DONNER: &str = "à donner";

/// A consent status, as the search form offers it: pending.
pub const CONSENT_PENDING: &str = "en attente";

/// A consent status, as the search form offers it: refused.
pub const CONSENT_REFUSED: &str = "refusé";

/// Said by `show`.
pub fn besoins_auxquels_repond_mieux(title: impl Display) -> String {
    format!("Les besoins auxquels « {title} » répond le mieux")
}

/// Said by `show`.
pub const MECENAT_COMPETENCES_MISSION: &str = "pas de mécénat de compétences pour cette mission";

/// Said by `show`.
pub const MES_OFFRES_MECENAT: &str = "Mes offres de mécénat";

/// Said by `page`.
pub const FICHE_EXPERT: &str = "La fiche de l’expert";

/// Said by `erase`.
pub const PERSONNE_EFFACEE: &str = "Personne effacée";

/// Said by `read`.
pub const FICHIER_PU_ETRE_LU_ENVOI: &str =
    "Le fichier n’a pas pu être lu (envoi interrompu ou trop gros : 20 Mo au plus).";

/// Said by `upload`.
pub fn ajoutee_modifiee_inchangee(
    file_stem: impl Display,
    added: impl Display,
    updated: impl Display,
    unchanged: impl Display,
) -> String {
    format!("{file_stem} : {added} ajoutée(s), {updated} modifiée(s), {unchanged} inchangée(s)")
}

/// Said by `list`.
pub const ETAT_INCONNU_FILTRE_IGNORE: &str = "État inconnu : filtre ignoré.";

/// Said by `page`.
pub const TOTAUX_REPARTITION: &str = "Totaux et répartition";

/// Said by `advance`.
pub const CHOISISSEZ_ETAT_PROPOSE_PAGE: &str = "Choisissez un état proposé par la page.";

/// Said by `record`.
pub const CHOISISSEZ_PIECE_PROPOSEE_PAGE: &str = "Choisissez une pièce proposée par la page.";

/// Said by `refusal`.
pub fn refuse_rien_ete_enregistre(e: impl Display) -> String {
    format!("Refusé, rien n’a été enregistré : {e}")
}

/// Said by `list`.
pub fn besoin_identifiant_mene_candidats(records: impl Display) -> String {
    format!("{records} besoin(s) ; l’identifiant mène aux candidats")
}

/// Said by `page`.
pub fn score_critere_critere(s: impl Display) -> String {
    format!("Score de {s} critère par critère")
}

/// Said by `page`.
pub fn candidat_exclu_conditions_ils_remplissent(
    count: impl Display,
    shown: impl Display,
) -> String {
    format!("{count} candidat(s) exclu(s) et les conditions qu’ils ne remplissent pas{shown}")
}

/// Said by `propose`.
pub fn ni_expert_ni_offre_espace(candidate: impl Display) -> String {
    format!("« {candidate} » n’est ni un expert ni une offre de l’espace de travail.")
}

/// Said by `propose`.
pub const PROPOSEE_DEPUIS_SITE: &str = "proposée depuis le site";

/// Said by `consent_label`.
pub const ACCORDE_EMPLOYEUR: &str = "accordé par l’employeur";

/// Said by `consent_label`.
pub const DEMANDE_EMPLOYEUR_SANS_REPONSE_ENCORE: &str =
    "demandé à l’employeur, sans réponse encore";

/// Said by `consent_label`.
pub const REFUSE_EMPLOYEUR: &str = "refusé par l’employeur";

/// Said by `consent_label`.
pub const EMPLOYEUR_CONSULTER: &str = "pas d’employeur à consulter";

/// Said by `debrief`.
pub const ECRIVEZ_VOTRE_BILAN_AVANT_ENVOYER: &str = "Écrivez votre bilan avant de l’envoyer.";

/// Said by `debrief`.
pub const BILAN_MISSION_ARRIVE: &str = "Un bilan de mission est arrivé";

/// Said by `debrief`.
pub fn mission_expert_envoye_bilan(id: impl Display, org: impl Display) -> String {
    format!("Mission {id} : l’expert {org} a envoyé son bilan.")
}

/// Said by `proposals`.
pub const VOUS_AVEZ_ACCEPTE: &str = "Vous avez accepté";

/// Said by `proposals`.
pub const VOUS_AVEZ_DECLINE: &str = "Vous avez décliné";

/// Said by `answer`.
pub fn association(org: impl Display) -> String {
    format!("l’association {org}")
}

/// Said by `answer`.
pub fn expert(e: impl Display) -> String {
    format!("l’expert {e}")
}

/// Said by `answer`.
pub const ACCEPTEE: &str = "acceptée";

/// Said by `answer`.
pub const DECLINEE: &str = "déclinée";

/// The reason given with an answer.
pub fn reason_quoted(r: impl Display) -> String {
    format!(" — « {r} »")
}

/// Said by `answer`.
pub fn reponse_proposition(who_text: impl Display) -> String {
    format!("Réponse de {who_text} à une proposition")
}

/// Said by `resolve`.
pub const THEME_EXISTE_TAXONOMIE: &str = "Ce thème n’existe pas dans la taxonomie.";

/// Said by `resolve`.
pub const NIVEAU_A1_C2: &str = "Un niveau de A1 à C2.";

/// Said by `resolve`.
pub const FIN_PRECEDE_DEBUT: &str = "La fin précède le début.";

/// Said by `resolve`.
pub const DONNEZ_DEUX_DATES_PERIODE: &str = "Donnez les deux dates de la période.";

/// Said by `resolve`.
pub const ETAT_CONSENTEMENT_LISTE: &str = "Un état de consentement de la liste.";

/// Said by `search`.
pub const RECHERCHE_EXPERTS_OFFRES: &str = "Recherche d’experts et d’offres";

/// Said by `new_form`.
pub const DECLARER_OFFRE_MECENAT: &str = "Déclarer une offre de mécénat";

/// The intro of a new need's or offer's form: it is reviewed before being matched.
pub fn reviewed_before_matching(offer: bool) -> &'static str {
    if offer {
        "L’offre sera relue par l’équipe du réseau avant d’être rapprochée des besoins des associations."
    } else {
        "Le besoin sera relu par l’équipe du réseau avant d’être rapproché des experts."
    }
}

/// A new submission to review.
pub fn to_review(offre: impl Display, title: impl Display, org: impl Display) -> String {
    format!("{offre} à relire : « {title} » ({org}).")
}

/// A changed submission to review.
pub fn changed_to_review(
    noun: impl Display,
    how: impl Display,
    agreed: impl Display,
    title: impl Display,
    org: impl Display,
) -> String {
    format!("{noun} {how}{agreed} à relire : « {title} » ({org}).")
}

/// Said by `edit_form`.
pub fn publie_vos_modifications_seront_relues(id: impl Display, e: impl Display) -> String {
    format!(
        "{id} est publié{e} ; vos modifications seront relues par le réseau avant de remplacer la version publiée."
    )
}

/// Said by `edit`.
pub const MODIFIE: &str = "modifié";

/// Said by `show`.
pub fn modifications_demandees_reseau(m: impl Display) -> String {
    format!("Modifications demandées par le réseau : {m}")
}

/// Said by `show`.
pub const SOUMETTRE_NOUVEAU: &str = "Soumettre à nouveau";

/// Said by `resubmit`.
pub const CORRIGE: &str = "corrigé";

/// Said by `submit_label`.
pub const SOUMETTRE_OFFRE: &str = "Soumettre l’offre";

/// Said by `published`.
pub fn votre_besoin_valide_reseau_propose(title: impl Display) -> String {
    format!("Votre besoin « {title} » est validé par le réseau : il est proposé aux experts.")
}

/// Said by `published`.
pub fn votre_offre_validee_reseau_rapprochee(title: impl Display) -> String {
    format!("Votre offre « {title} » est validée par le réseau : elle est rapprochée des besoins.")
}

/// The association, as a form names its owner.
pub const THE_ASSOCIATION: &str = "l’association";

/// Said by `form_page`.
pub const ENTREPRISE: &str = "l’entreprise";

/// Said by `eligibility_lines`.
pub const ASSOCIATION_ENCORE_MEMBRE_ACTIVE_RESEAU: &str =
    "L’association n’est pas (encore) membre active du réseau.";

/// Said by `eligibility_lines`.
pub const ASSOCIATION_EXPERIENCE_TERRAIN_ENREGISTREE: &str =
    "L’association n’a pas d’expérience de terrain enregistrée.";

/// Said by `eligibility`.
pub const COMPTE_RATTACHE_AUCUNE_ASSOCIATION_CONNUE: &str =
    "Le compte n’est rattaché à aucune association connue.";

/// Said by `queue`.
pub const FICHES_RELIRE: &str = "Fiches à relire";

/// Said by `review_form`.
pub const RELECTURE_BESOIN: &str = "Relecture d’un besoin";

/// Said by `review_form`.
pub const RELECTURE_OFFRE: &str = "Relecture d’une offre";

/// Said by `page`.
pub fn propose(record_id: impl Display, org_id: impl Display, state: impl Display) -> String {
    format!("{record_id} — proposé par {org_id} ; {state}")
}

/// Said by `validate`.
pub const VOTRE_BESOIN_PUBLIE: &str = "Votre besoin est publié";

/// Said by `validate`.
pub const VOTRE_OFFRE_PUBLIEE: &str = "Votre offre est publiée";

/// Said by `request_changes`.
pub fn modifications_sont_demandees(your: impl Display) -> String {
    format!("Des modifications sont demandées à {your}")
}

/// Said by `request_changes`.
pub fn reseau_demande_modifications(
    your: impl Display,
    body: impl Display,
    message: impl Display,
) -> String {
    format!("Le réseau demande des modifications à {your} « {body} » : {message}")
}

/// Said by `invite_page`.
pub const CHOISIR_MOT_PASSE: &str = "Choisir un mot de passe";

/// Said by `accept`.
pub const DEUX_MOTS_PASSE_SONT_IDENTIQUES: &str = "Les deux mots de passe ne sont pas identiques.";

/// Missions created by a batch commit.
pub fn batch_committed(ids: impl Display, ids2: impl Display) -> String {
    format!("{ids} mission(s) : {ids2}")
}

/// Said by `empty`.
pub const IMPORTER_FICHES: &str = "Importer des fiches";

/// Said by `upload`.
pub const CHOISISSEZ_TYPE_FICHES_FICHIER: &str = "Choisissez le type des fiches du fichier.";

/// Said by `upload`.
pub const CHOISISSEZ_FICHIER_VIDE_ABSENT: &str = "Choisissez un fichier (il est vide ou absent).";

/// Said by `upload`.
pub const FICHIER_DOIT_TERMINER_CSV_JSON: &str =
    "Le fichier doit se terminer par .csv, .json, .jsonl, .xlsx ou .ods.";

/// Missions in a state.
pub fn missions_in_state(missions: impl Display, label_fr: impl Display) -> String {
    format!("{missions} mission(s) {label_fr}")
}

/// Missions, counted.
pub fn missions_count(missions: impl Display) -> String {
    format!("{missions} mission(s)")
}

/// Said by `list`.
pub const MISSIONS: &str = "Missions";

/// A mission's page title.
pub fn mission_title(id: impl Display) -> String {
    format!("Mission {id}")
}

/// Said by `page`.
pub const POSTES_PLAN_FINANCEMENT: &str = "Postes du plan de financement";

/// The mission, as a section title.
pub const THE_MISSION: &str = "La mission";

/// Said by `page`.
pub const JOURNAL_MISSION: &str = "Journal de la mission";

/// A mission document's title.
pub fn document_title(title_fr: impl Display, id: impl Display) -> String {
    format!("{title_fr} — mission {id}")
}

/// Said by `list`.
pub const BESOINS: &str = "Besoins";

/// Said by `page`.
pub fn besoin(id: impl Display) -> String {
    format!("Besoin {id}")
}

/// Said by `page`.
pub fn premiers(max_excluded_rows: impl Display) -> String {
    format!(" (les {max_excluded_rows} premiers)")
}

/// A period: from a day to another.
pub fn from_to(from: impl Display, to: impl Display) -> String {
    format!("du {from} au {to}")
}

/// A proposal answered.
pub fn answered(id: impl Display, what: impl Display) -> String {
    format!("Mission {id} : {what}")
}

/// A consent status, as the search form offers it: not required.
pub const CONSENT_NOT_REQUIRED: &str = "non requis";

/// The hint of a language code field.
pub const HINT_LANGUAGE_CODE: &str = "Un code de langue ISO 639-1 (fr, en, ar…).";

/// The hint of a country code field.
pub const HINT_COUNTRY_CODE: &str = "Un code de pays ISO 3166 (SN, CD, MA…).";

/// Said by `resolve`.
pub const DATES_FORMAT_JJ_MM_AAAA: &str = "Des dates au format jj/mm/aaaa.";

/// Said by `resolve`.
pub const EXPERT_OFFRE: &str = "Expert ou offre.";

/// Said by `search`.
pub const AUCUNE_RECHERCHE_CORRIGEZ_FORMULAIRE: &str = "Aucune recherche : corrigez le formulaire";

/// Said by `needs`.
pub const MES_BESOINS: &str = "Mes besoins";

/// Said by `new_form`.
pub const PUBLIER_BESOIN: &str = "Publier un besoin";

/// Said by `submitted`.
pub fn attend_votre_relecture(
    a_noun: impl Display,
    how: impl Display,
    agreed: impl Display,
) -> String {
    format!("{a_noun} {how}{agreed} attend votre relecture")
}

/// A need, as a subject.
pub const A_NEED: &str = "Un besoin";

/// An offer, as a subject.
pub const AN_OFFER: &str = "Une offre";

/// Said by `your`.
pub const VOTRE_BESOIN: &str = "votre besoin";

/// Said by `your`.
pub const VOTRE_OFFRE: &str = "votre offre";

/// Said by `submit_label`.
pub const SOUMETTRE_BESOIN: &str = "Soumettre le besoin";

/// Said by `review_form`.
pub const VALIDER_PUBLIER: &str = "Valider et publier";

/// A kind of records, as the dashboard and the import page name them.
pub fn kind_label(kind: RecordKind) -> &'static str {
    match kind {
        RecordKind::Association => "associations",
        RecordKind::Expert => "experts",
        RecordKind::Offer => "offres d’entreprises",
        RecordKind::Need => "besoins",
    }
}

/// A submission's kind, as a noun: `besoin`, `offre`.
pub fn noun(offer: bool) -> &'static str {
    if offer { "offre" } else { "besoin" }
}

/// A submission whose kind is not known, as a noun.
pub const RECORD_NOUN: &str = "fiche";

/// The subject of an e-mail telling a submission waits for review.
pub fn awaits_review(a_noun: &str) -> String {
    format!("{a_noun} attend votre relecture")
}

/// A new submission, as a notice names it.
pub fn new_submission(offer: bool) -> &'static str {
    if offer {
        "Nouvelle offre"
    } else {
        "Nouveau besoin"
    }
}

/// The title of an owner's form for their record.
pub fn my_record(offer: bool) -> &'static str {
    if offer { "Mon offre" } else { "Mon besoin" }
}
