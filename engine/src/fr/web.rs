//! The web application: passwords, accounts, configuration, e-mails and error pages.

use std::fmt::Debug;
use std::fmt::Display;

/// Fewer than 12 characters.
pub const MOT_PASSE_DOIT_COMPTER_MOINS: &str =
    "Le mot de passe doit compter au moins 12 caractères.";

/// More than 256 characters.
pub const MOT_PASSE_DOIT_COMPTER_PLUS: &str =
    "Le mot de passe doit compter au plus 256 caractères.";

/// In the list of common passwords, or one repeated character.
pub const MOT_PASSE_TROP_COURANT_CHOISISSEZ: &str = "Ce mot de passe est trop courant : choisissez-en un autre, par exemple une phrase de plusieurs mots.";

/// The account's e-mail (or the part before `@`).
pub const MOT_PASSE_DOIT_REPRENDRE_ADRESSE: &str =
    "Le mot de passe ne doit pas reprendre l’adresse e-mail.";

/// Said by `too_many`.
pub fn trop_tentatives_depuis_adresse_reessayez(max: impl Display) -> String {
    format!("Trop de tentatives depuis cette adresse. Réessayez dans {max} secondes.")
}

/// Said by `fmt`.
pub const MASQUE: &str = "<masqué>";

/// No explor workspace at the given place.
pub fn aucun_espace_travail_explor_lancez(value: impl Display) -> String {
    format!(
        "aucun espace de travail explor dans {value} : lancez d’abord `explor init` (ou donnez --workspace / EXPLOR_WORKSPACE)"
    )
}

/// Not an e-mail address.
pub fn adresse_courriel(value: impl Display) -> String {
    format!("« {value} » n’est pas une adresse de courriel")
}

/// An account already uses this e-mail.
pub fn compte_utilise_deja_courriel(value: impl Display) -> String {
    format!("un compte utilise déjà le courriel {value}")
}

/// No account has this e-mail.
pub fn aucun_compte_courriel(value: impl Display) -> String {
    format!("aucun compte n’a le courriel {value}")
}

/// The role needs an organisation or expert id and none was given.
pub fn compte_demande_org_identifiant_fiche(value: impl Display) -> String {
    format!("un compte {value} demande --org : l’identifiant de sa fiche dans l’espace de travail")
}

/// A coordinator account takes no organisation id.
pub const COMPTE_COORDINATION_ORGANISATION_ORG_AUTRES: &str =
    "un compte de coordination n’a pas d’organisation (--org est pour les autres rôles)";

/// The organisation or expert id names nothing of the right kind.
pub fn unknown_org(id: impl Display, expected: impl Display) -> String {
    format!("« {id} » n’est pas {expected} de l’espace de travail")
}
/// What an association account's id must name.
pub const ORG_ASSOCIATION: &str = "une association";
/// What an expert account's id must name.
pub const ORG_EXPERT: &str = "un expert";
/// What a company account's id must name.
pub const ORG_COMPANY: &str = "une entreprise (nommée dans une offre ou comme employeur)";
/// What a coordinator account's id must name.
pub const ORG_NOTHING: &str = "rien";

/// The base URL cannot be used.
pub fn adresse_base_attendu_http_hote(value: impl Debug) -> String {
    format!("adresse de base {value:?} : attendu http://hôte[:port] ou https://hôte[:port]")
}

/// hold a password.
pub fn smtp_url_adresse_serveur_smtp(value: impl Display) -> String {
    format!(
        "--smtp-url : adresse de serveur SMTP invalide ({value}) ; attendu smtp://hôte[:port] (sans chiffrement, pour un relais local), smtp://[utilisateur:mot-de-passe@]hôte[:port]?tls=required (STARTTLS) ou smtps://[utilisateur:mot-de-passe@]hôte[:port]"
    )
}

/// The sender's address is not an e-mail address.
pub fn mail_from_adresse_courriel(value: impl Display) -> String {
    format!("--mail-from : « {value} » n’est pas une adresse de courriel")
}

/// An SMTP server is given without the sender's address, or the reverse.
pub const SMTP_URL_MAIL_FROM_VONT: &str = "--smtp-url et --mail-from vont ensemble : l’adresse du serveur SMTP et celle de l’expéditeur des courriels";

/// Said by `into_response`.
pub const ESPACE_TRAVAIL_OCCUPE: &str = "Espace de travail occupé";

/// Said by `into_response`.
pub const ESPACE_TRAVAIL_OCCUPE_AUTRE_ECRITURE: &str = "L’espace de travail est occupé par une autre écriture (un import, \
                              une affectation validée) ; réessayez dans un instant.";

/// Said by `into_response`.
pub const OCCUPE: &str = "Occupé";

/// Said by `into_response`.
pub const PAGE_EXISTE: &str = "Cette page n’existe pas.";

/// Said by `into_response`.
pub const REQUETE_REFUSEE: &str = "Requête refusée";

/// Said by `into_response`.
pub const REQUETE_PU_ETRE_VERIFIEE_RECHARGEZ: &str =
    "La requête n’a pas pu être vérifiée. Rechargez la page et recommencez.";

/// Said by `into_response`.
pub const REQUETE_IMPOSSIBLE: &str = "Requête impossible";

/// Said by `into_response`.
pub const ERREUR_INTERNE_SURVENUE_ETE_CONSIGNEE: &str = "Une erreur interne est survenue ; elle a été consignée. Si elle se \
                     reproduit, transmettez le numéro d’opération à l’équipe technique.";

/// Said by `user_message`.
pub const ESPACE_TRAVAIL_INTROUVABLE: &str = "L’espace de travail est introuvable.";

/// Said by `user_message`.
pub const ADRESSE_E_MAIL_VALIDE: &str = "Cette adresse e-mail n’est pas valide.";

/// Said by `user_message`.
pub const COMPTE_UTILISE_DEJA_ADRESSE_E: &str = "Un compte utilise déjà cette adresse e-mail.";

/// Said by `user_message`.
pub const AUCUN_COMPTE_ADRESSE_E_MAIL: &str = "Aucun compte n’a cette adresse e-mail.";

/// Said by `user_message`.
pub const ROLE_DEMANDE_IDENTIFIANT_FICHE_ASSOCIATION: &str =
    "Ce rôle demande l’identifiant de la fiche (association, entreprise ou expert).";

/// Said by `user_message`.
pub const COMPTE_COORDINATEUR_RATTACHE_AUCUNE_ORGANISATION: &str =
    "Un compte coordinateur n’est rattaché à aucune organisation.";

/// Said by `user_message`.
pub fn identifiant_correspond_aucune_fiche_type(id: impl Display) -> String {
    format!("L’identifiant « {id} » ne correspond à aucune fiche de ce type.")
}

/// Said by `user_message`.
pub const ADRESSE_SITE_MAL_CONFIGUREE: &str = "L’adresse du site est mal configurée.";

/// Said by `user_message`.
pub const ENVOI_COURRIELS_MAL_CONFIGURE: &str = "L’envoi des courriels est mal configuré.";

/// Said by `message`.
pub fn to_r_nsubject_r_ndate(
    to: impl Display,
    subject: impl Display,
    date: impl Display,
    text: impl Display,
    trim_end_matches: impl Display,
    link: impl Display,
) -> String {
    format!(
        "To: {to}\r\nSubject: {subject}\r\nDate: {date}\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n{text}\r\n\r\n{trim_end_matches}{link}\r\n\r\n-- \r\nexplor, Occitanie Coopération\r\n"
    )
}

/// Said by `new`.
pub const SCHEMA_DOIT_ETRE_SMTP_SMTPS: &str = "le schéma doit être smtp ou smtps";

/// Said by `new`.
pub const HOTE_PORT_PARAMETRE_TLS_ILLISIBLE: &str = "hôte, port ou paramètre tls illisible";

/// Said by `send`.
pub const REFUSE_AVANT_ENVOI_DESTINATAIRE_VALIDE: &str =
    "refusé avant envoi : pas de destinataire valide (en-tête To:)";

/// Said by `send`.
pub fn refuse_serveur_smtp(e: impl Display) -> String {
    format!("refusé par le serveur SMTP : {e}")
}

/// Said by `remind`.
pub const PROPOSITION_ATTEND_VOTRE_REPONSE: &str = "Une proposition attend votre réponse";

/// Said by `remind`.
pub fn rappel_mission_proposee_attend_votre(
    mission: impl Display,
    title: impl Display,
    since: impl Display,
) -> String {
    format!(
        "Rappel : la mission {mission} (« {title} »), proposée le {since}, attend votre réponse."
    )
}

/// Said by `label_fr`.
pub const INVITE: &str = "invité";

/// Said by `label_fr`.
pub const DESACTIVE: &str = "désactivé";

/// Said by `label`.
pub const MODIFICATIONS_DEMANDEES: &str = "modifications demandées";

/// Said by `label`.
pub const VALIDE: &str = "validé";

/// The page does not exist, or the account may not know that it does.
pub const NOT_FOUND: &str = "not found";

/// again in a moment.
pub const THE_WORKSPACE_IS_BUSY_WITH: &str = "the workspace is busy with another write";

/// No valid session: sign in first.
pub const SIGNED_OUT: &str = "signed out";

/// The account database failed.
pub fn account_database(value: impl Display) -> String {
    format!("account database: {value}")
}

/// A blocking task panicked or was cancelled.
pub fn blocking_task(value: impl Display) -> String {
    format!("blocking task: {value}")
}

/// Password hashing failed.
pub fn password_hashing(value: impl Display) -> String {
    format!("password hashing: {value}")
}

/// The operating system's random generator failed.
pub fn random_generator(value: impl Display) -> String {
    format!("random generator: {value}")
}

/// Stored data is not what this version wrote.
pub fn corrupt_data(value: impl Display) -> String {
    format!("corrupt data: {value}")
}

/// Said by `into_response`.
pub const ERREUR_INTERNE: &str = "Erreur interne";

/// Said by `into_response`.
pub const ERREUR: &str = "Erreur";

/// Said by `label`.
pub const ATTENTE_RELECTURE: &str = "en attente de relecture";

/// A role, as pages name it: coordination.
pub const ROLE_COORDINATION: &str = "coordination";
/// A role, as pages name it: a company.
pub const ROLE_COMPANY: &str = "entreprise";
/// A role, as pages name it: an association.
pub const ROLE_ASSOCIATION: &str = "association";
/// A role, as pages name it: an expert.
pub const ROLE_EXPERT: &str = "expert";
