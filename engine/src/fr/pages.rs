//! The web pages' messages: titles, hints, notices, e-mails and what a form says back.

use std::fmt::Display;

use crate::RecordKind;

/// An invitation without a role.
pub const CHOOSE_ROLE: &str = "Choisissez un rôle.";

/// A sign-in refused: wrong e-mail or password.
pub const BAD_CREDENTIALS: &str = "Adresse e-mail ou mot de passe incorrect. Après 5 échecs, le compte \
                       est bloqué pendant 15 minutes.";

/// A pin or exclusion that is not `need=expert`.
pub fn bad_pair(field: impl Display, p: impl Display) -> String {
    format!("Valeur illisible dans « {field} » : « {p} » (attendu besoin=expert).")
}

/// A pin or exclusion naming an unknown need.
pub fn unknown_need(need: impl Display) -> String {
    format!("Besoin inconnu : « {need} ».")
}

/// A pin or exclusion naming an unknown expert or offer.
pub fn unknown_candidate(expert: impl Display) -> String {
    format!("Expert ou offre inconnu : « {expert} ».")
}

/// A pin or exclusion naming a need of another call.
pub fn need_not_in_call(need: impl Display, call: impl Display) -> String {
    format!("Le besoin « {need} » n’appartient pas à l’appel « {call} ».")
}

/// A pin or exclusion naming a need the run does not fill.
pub fn need_not_in_run(need: impl Display) -> String {
    format!("Le besoin « {need} » n’est pas à pourvoir dans cette affectation.")
}

/// A pin naming someone who is no candidate of the need.
pub fn not_a_candidate(expert: impl Display, need: impl Display) -> String {
    format!("« {expert} » n’est pas candidat pour le besoin « {need} ».")
}

/// A pin naming someone who fails a gate of the need.
pub fn fails_gate(expert: impl Display, need: impl Display, gate: impl Display) -> String {
    format!("« {expert} » ne peut pas servir le besoin « {need} » : critère éliminatoire {gate}.")
}

/// A pair both pinned and excluded.
pub fn pinned_and_excluded(need: impl Display, expert: impl Display) -> String {
    format!("La paire {need}={expert} est à la fois épinglée et exclue.")
}

/// More pins on a need than its places.
pub fn too_many_for_need(pins: impl Display, need: impl Display, wanted: impl Display) -> String {
    format!("{pins} paires épinglées pour le besoin « {need} », qui demande {wanted} personne(s).")
}

/// More pins on a candidate than its capacity.
pub fn too_many_for_candidate(
    pins: impl Display,
    expert: impl Display,
    capacity: impl Display,
) -> String {
    format!("{pins} paires épinglées pour « {expert} », qui n’en prend que {capacity}.")
}

/// More pins on a company than its quota.
pub fn too_many_for_company(
    pins: impl Display,
    company: impl Display,
    quota: impl Display,
) -> String {
    format!("{pins} paires épinglées pour l’entreprise « {company} », dont le quota est {quota}.")
}

/// The pinned pairs, as the batch form names them.
pub const PINNED_PAIRS: &str = "épinglées";

/// A pinned assignment.
pub const PINNED: &str = "épinglée";

/// The hint of a whole number field.
pub fn whole_number_up_to(max_top_k: impl Display) -> String {
    format!("Un nombre entier de 1 à {max_top_k}.")
}

/// The hint of a percentage field.
pub const NUMBER_0_100: &str = "Un nombre de 0 à 100.";

/// The calls page's title.
pub const CALLS: &str = "Appels à projets";

/// A consent status, as the search form offers it: granted.
pub const CONSENT_GRANTED: &str = "accordé";

/// A consent still to give.
pub const CONSENT_TO_GIVE: &str = "à donner";

/// A consent status, as the search form offers it: pending.
pub const CONSENT_PENDING: &str = "en attente";

/// A consent status, as the search form offers it: refused.
pub const CONSENT_REFUSED: &str = "refusé";

/// The needs an offer fits best.
pub fn best_needs(title: impl Display) -> String {
    format!("Les besoins auxquels « {title} » répond le mieux")
}

/// A mission without skills patronage.
pub const NO_PATRONAGE: &str = "pas de mécénat de compétences pour cette mission";

/// A company's offers page's title.
pub const MY_OFFERS: &str = "Mes offres de mécénat";

/// An expert's page's title.
pub const EXPERT_RECORD: &str = "La fiche de l’expert";

/// A person erased.
pub const PERSON_ERASED: &str = "Personne effacée";

/// An uploaded file that could not be read.
pub const UPLOAD_UNREADABLE: &str =
    "Le fichier n’a pas pu être lu (envoi interrompu ou trop gros : 20 Mo au plus).";

/// What an import of one file did.
pub fn import_counts(
    file_stem: impl Display,
    added: impl Display,
    updated: impl Display,
    unchanged: impl Display,
) -> String {
    format!("{file_stem} : {added} ajoutée(s), {updated} modifiée(s), {unchanged} inchangée(s)")
}

/// A filter on an unknown state, ignored.
pub const UNKNOWN_STATE_FILTER: &str = "État inconnu : filtre ignoré.";

/// The cost plan's totals section.
pub const TOTALS: &str = "Totaux et répartition";

/// A move to a state the page did not offer.
pub const CHOOSE_STATE: &str = "Choisissez un état proposé par la page.";

/// A record of an item the page did not offer.
pub const CHOOSE_ITEM: &str = "Choisissez une pièce proposée par la page.";

/// A change refused: nothing recorded.
pub fn refused(e: impl Display) -> String {
    format!("Refusé, rien n’a été enregistré : {e}")
}

/// The needs list's caption.
pub fn needs_caption(records: impl Display) -> String {
    format!("{records} besoin(s) ; l’identifiant mène aux candidats")
}

/// A score's breakdown caption.
pub fn score_caption(s: impl Display) -> String {
    format!("Score de {s} critère par critère")
}

/// The excluded candidates' caption.
pub fn excluded_caption(count: impl Display, shown: impl Display) -> String {
    format!("{count} candidat(s) exclu(s) et les conditions qu’ils ne remplissent pas{shown}")
}

/// A proposal naming neither an expert nor an offer.
pub fn not_a_candidate_id(candidate: impl Display) -> String {
    format!("« {candidate} » n’est ni un expert ni une offre de l’espace de travail.")
}

/// The note on a mission proposed from the site.
pub const PROPOSED_ON_SITE: &str = "proposée depuis le site";

/// An employer's consent granted.
pub const EMPLOYER_GRANTED: &str = "accordé par l’employeur";

/// An employer's consent asked for, not answered.
pub const EMPLOYER_PENDING: &str = "demandé à l’employeur, sans réponse encore";

/// An employer's consent refused.
pub const EMPLOYER_REFUSED: &str = "refusé par l’employeur";

/// No employer to ask.
pub const NO_EMPLOYER: &str = "pas d’employeur à consulter";

/// A debrief sent empty.
pub const EMPTY_DEBRIEF: &str = "Écrivez votre bilan avant de l’envoyer.";

/// The subject of the e-mail announcing a debrief.
pub const DEBRIEF_SUBJECT: &str = "Un bilan de mission est arrivé";

/// The e-mail announcing a debrief.
pub fn debrief_sent(id: impl Display, org: impl Display) -> String {
    format!("Mission {id} : l’expert {org} a envoyé son bilan.")
}

/// A proposal the user accepted.
pub const YOU_ACCEPTED: &str = "Vous avez accepté";

/// A proposal the user declined.
pub const YOU_DECLINED: &str = "Vous avez décliné";

/// An association answering a proposal.
pub fn the_association(org: impl Display) -> String {
    format!("l’association {org}")
}

/// An expert answering a proposal.
pub fn the_expert(e: impl Display) -> String {
    format!("l’expert {e}")
}

/// A proposal accepted, in the audit log.
pub const ACCEPTED: &str = "acceptée";

/// A proposal declined, in the audit log.
pub const DECLINED: &str = "déclinée";

/// The reason given with an answer.
pub fn reason_quoted(r: impl Display) -> String {
    format!(" — « {r} »")
}

/// The subject of the e-mail announcing an answer.
pub fn answer_subject(who_text: impl Display) -> String {
    format!("Réponse de {who_text} à une proposition")
}

/// A search on a theme not in the taxonomy.
pub const UNKNOWN_THEME: &str = "Ce thème n’existe pas dans la taxonomie.";

/// A search on a level that is not a CEFR level.
pub const BAD_LEVEL: &str = "Un niveau de A1 à C2.";

/// A search whose period ends before it starts.
pub const REVERSED_DATES: &str = "La fin précède le début.";

/// A search with one date of a period only.
pub const HALF_PERIOD: &str = "Donnez les deux dates de la période.";

/// A search on a consent status not in the list.
pub const BAD_CONSENT: &str = "Un état de consentement de la liste.";

/// The search page's title.
pub const SEARCH_TITLE: &str = "Recherche d’experts et d’offres";

/// The new offer form's title.
pub const NEW_OFFER: &str = "Déclarer une offre de mécénat";

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

/// The intro of the form changing a published record.
pub fn edit_intro(id: impl Display, e: impl Display) -> String {
    format!(
        "{id} est publié{e} ; vos modifications seront relues par le réseau avant de remplacer la version publiée."
    )
}

/// A record changed, as a review names it.
pub const CHANGED: &str = "modifié";

/// The changes the network asked for.
pub fn changes_asked(m: impl Display) -> String {
    format!("Modifications demandées par le réseau : {m}")
}

/// The button submitting a corrected record.
pub const SUBMIT_AGAIN: &str = "Soumettre à nouveau";

/// A record corrected, as a review names it.
pub const CORRECTED: &str = "corrigé";

/// The button submitting an offer.
pub const SUBMIT_OFFER: &str = "Soumettre l’offre";

/// A need published.
pub fn need_published(title: impl Display) -> String {
    format!("Votre besoin « {title} » est validé par le réseau : il est proposé aux experts.")
}

/// An offer published.
pub fn offer_published(title: impl Display) -> String {
    format!("Votre offre « {title} » est validée par le réseau : elle est rapprochée des besoins.")
}

/// The association, as a form names its owner.
pub const THE_ASSOCIATION: &str = "l’association";

/// The company, as a form names its owner.
pub const THE_COMPANY: &str = "l’entreprise";

/// An association that is not an active member.
pub const NOT_ACTIVE_MEMBER: &str = "L’association n’est pas (encore) membre active du réseau.";

/// An association without field experience.
pub const NO_FIELD_EXPERIENCE: &str = "L’association n’a pas d’expérience de terrain enregistrée.";

/// An account bound to no known association.
pub const NO_ASSOCIATION: &str = "Le compte n’est rattaché à aucune association connue.";

/// The review queue's title.
pub const REVIEW_QUEUE: &str = "Fiches à relire";

/// The review of a need's title.
pub const REVIEW_NEED: &str = "Relecture d’un besoin";

/// The review of an offer's title.
pub const REVIEW_OFFER: &str = "Relecture d’une offre";

/// A submission: its record, who proposed it, its state.
pub fn submitted_by(record_id: impl Display, org_id: impl Display, state: impl Display) -> String {
    format!("{record_id} — proposé par {org_id} ; {state}")
}

/// The subject of the e-mail announcing a need published.
pub const NEED_PUBLISHED_SUBJECT: &str = "Votre besoin est publié";

/// The subject of the e-mail announcing an offer published.
pub const OFFER_PUBLISHED_SUBJECT: &str = "Votre offre est publiée";

/// The subject of the e-mail asking for changes.
pub fn changes_subject(your: impl Display) -> String {
    format!("Des modifications sont demandées à {your}")
}

/// The e-mail asking for changes.
pub fn changes_requested(your: impl Display, body: impl Display, message: impl Display) -> String {
    format!("Le réseau demande des modifications à {your} « {body} » : {message}")
}

/// The invitation page's title.
pub const CHOOSE_PASSWORD: &str = "Choisir un mot de passe";

/// Two passwords that differ.
pub const PASSWORDS_DIFFER: &str = "Les deux mots de passe ne sont pas identiques.";

/// Missions created by a batch commit.
pub fn batch_committed(ids: impl Display, ids2: impl Display) -> String {
    format!("{ids} mission(s) : {ids2}")
}

/// The import page's title.
pub const IMPORT_TITLE: &str = "Importer des fiches";

/// An upload without a kind of records.
pub const CHOOSE_KIND: &str = "Choisissez le type des fiches du fichier.";

/// An upload without a file.
pub const CHOOSE_FILE: &str = "Choisissez un fichier (il est vide ou absent).";

/// An upload of a file explor does not read.
pub const BAD_EXTENSION: &str =
    "Le fichier doit se terminer par .csv, .json, .jsonl, .xlsx ou .ods.";

/// Missions in a state.
pub fn missions_in_state(missions: impl Display, label_fr: impl Display) -> String {
    format!("{missions} mission(s) {label_fr}")
}

/// Missions, counted.
pub fn missions_count(missions: impl Display) -> String {
    format!("{missions} mission(s)")
}

/// The missions page's title.
pub const MISSIONS: &str = "Missions";

/// A mission's page title.
pub fn mission_title(id: impl Display) -> String {
    format!("Mission {id}")
}

/// The cost plan's lines section.
pub const COST_LINES: &str = "Postes du plan de financement";

/// The mission, as a section title.
pub const THE_MISSION: &str = "La mission";

/// The mission's log section.
pub const MISSION_LOG: &str = "Journal de la mission";

/// A mission document's title.
pub fn document_title(title_fr: impl Display, id: impl Display) -> String {
    format!("{title_fr} — mission {id}")
}

/// The needs page's title.
pub const NEEDS: &str = "Besoins";

/// A need's page title.
pub fn need_title(id: impl Display) -> String {
    format!("Besoin {id}")
}

/// Said of a list cut to its first rows.
pub fn first_rows(max_excluded_rows: impl Display) -> String {
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

/// The hint of a date field.
pub const HINT_DATES: &str = "Des dates au format jj/mm/aaaa.";

/// The hint of the candidate kind field.
pub const HINT_KIND: &str = "Expert ou offre.";

/// A search not run: the form has mistakes.
pub const NO_SEARCH: &str = "Aucune recherche : corrigez le formulaire";

/// An association's needs page's title.
pub const MY_NEEDS: &str = "Mes besoins";

/// The new need form's title.
pub const NEW_NEED: &str = "Publier un besoin";

/// The subject of the e-mail announcing a changed submission.
pub fn changed_awaits_review(
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

/// Your need.
pub const YOUR_NEED: &str = "votre besoin";

/// Your offer.
pub const YOUR_OFFER: &str = "votre offre";

/// The button submitting a need.
pub const SUBMIT_NEED: &str = "Soumettre le besoin";

/// The button validating a submission.
pub const VALIDATE: &str = "Valider et publier";

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
