//! The web application: passwords, accounts, configuration, e-mails and error pages.

use std::fmt::Debug;
use std::fmt::Display;

/// A password of fewer than 12 characters.
pub const PASSWORD_TOO_SHORT: &str = "Le mot de passe doit compter au moins 12 caractères.";

/// A password of more than 256 characters.
pub const PASSWORD_TOO_LONG: &str = "Le mot de passe doit compter au plus 256 caractères.";

/// A password in the list of common passwords, or one repeated character.
pub const PASSWORD_TOO_COMMON: &str = "Ce mot de passe est trop courant : choisissez-en un autre, par exemple une phrase de plusieurs mots.";

/// A password taken from the account's e-mail (or the part before `@`).
pub const PASSWORD_IS_EMAIL: &str = "Le mot de passe ne doit pas reprendre l’adresse e-mail.";

/// Too many sign-in attempts from an address.
pub fn too_many_attempts(max: impl Display) -> String {
    format!("Trop de tentatives depuis cette adresse. Réessayez dans {max} secondes.")
}

/// A secret, as debug output shows it.
pub const HIDDEN: &str = "<masqué>";

/// No explor workspace at the given place.
pub fn no_workspace(value: impl Display) -> String {
    format!(
        "aucun espace de travail explor dans {value} : lancez d’abord `explor init` (ou donnez --workspace / EXPLOR_WORKSPACE)"
    )
}

/// Not an e-mail address.
pub fn bad_email(value: impl Display) -> String {
    format!("« {value} » n’est pas une adresse de courriel")
}

/// An account already uses this e-mail.
pub fn email_taken(value: impl Display) -> String {
    format!("un compte utilise déjà le courriel {value}")
}

/// No account has this e-mail.
pub fn no_account(value: impl Display) -> String {
    format!("aucun compte n’a le courriel {value}")
}

/// The role needs an organisation or expert id and none was given.
pub fn org_required(value: impl Display) -> String {
    format!("un compte {value} demande --org : l’identifiant de sa fiche dans l’espace de travail")
}

/// A coordinator account takes no organisation id.
pub const COORDINATOR_WITH_ORG: &str =
    "un compte de coordination n’a pas d’organisation (--org est pour les autres rôles)";

/// The organisation or expert id names nothing of the right kind.
pub fn unknown_org(id: impl Display, expected: impl Display) -> String {
    format!("« {id} » n’est pas {expected} de l’espace de travail")
}
/// What a company account's id must name.
pub const ORG_COMPANY: &str = "une entreprise (nommée dans une offre ou comme employeur)";
/// What a coordinator account's id must name.
pub const ORG_NOTHING: &str = "rien";

/// The base URL cannot be used.
pub fn bad_base_url(value: impl Debug) -> String {
    format!("adresse de base {value:?} : attendu http://hôte[:port] ou https://hôte[:port]")
}

/// The SMTP server's address cannot be used (the address is not repeated: it may hold a password).
pub fn bad_smtp_url(value: impl Display) -> String {
    format!(
        "--smtp-url : adresse de serveur SMTP invalide ({value}) ; attendu smtp://hôte[:port] (sans chiffrement, pour un relais local), smtp://[utilisateur:mot-de-passe@]hôte[:port]?tls=required (STARTTLS) ou smtps://[utilisateur:mot-de-passe@]hôte[:port]"
    )
}

/// The sender's address is not an e-mail address.
pub fn bad_mail_from(value: impl Display) -> String {
    format!("--mail-from : « {value} » n’est pas une adresse de courriel")
}

/// An SMTP server is given without the sender's address, or the reverse.
pub const SMTP_HALF_CONFIGURED: &str = "--smtp-url et --mail-from vont ensemble : l’adresse du serveur SMTP et celle de l’expéditeur des courriels";

/// The busy page's title.
pub const BUSY_TITLE: &str = "Espace de travail occupé";

/// The busy page's message.
pub const BUSY: &str = "L’espace de travail est occupé par une autre écriture (un import, \
                              une affectation validée) ; réessayez dans un instant.";

/// A busy workspace, in short.
pub const BUSY_SHORT: &str = "Occupé";

/// The forbidden page's title.
pub const FORBIDDEN_TITLE: &str = "Requête refusée";

/// A request that failed the cross-site checks.
pub const FORBIDDEN: &str =
    "La requête n’a pas pu être vérifiée. Rechargez la page et recommencez.";

/// The title of a page refusing a request.
pub const BAD_REQUEST_TITLE: &str = "Requête impossible";

/// The internal error page's message.
pub const INTERNAL: &str = "Une erreur interne est survenue ; elle a été consignée. Si elle se \
                     reproduit, transmettez le numéro d’opération à l’équipe technique.";

/// A workspace not found.
pub const NO_WORKSPACE: &str = "L’espace de travail est introuvable.";

/// An e-mail address that is not one.
pub const BAD_EMAIL: &str = "Cette adresse e-mail n’est pas valide.";

/// An e-mail address already used.
pub const EMAIL_TAKEN: &str = "Un compte utilise déjà cette adresse e-mail.";

/// No account with this e-mail address.
pub const NO_ACCOUNT: &str = "Aucun compte n’a cette adresse e-mail.";

/// A role that needs a record's id.
pub const ORG_REQUIRED: &str =
    "Ce rôle demande l’identifiant de la fiche (association, entreprise ou expert).";

/// A coordinator account given an organisation.
pub const ORG_NOT_ALLOWED: &str = "Un compte coordinateur n’est rattaché à aucune organisation.";

/// An id naming no record of the right kind.
pub fn unknown_org_id(id: impl Display) -> String {
    format!("L’identifiant « {id} » ne correspond à aucune fiche de ce type.")
}

/// A base URL that cannot be used.
pub const BAD_BASE_URL: &str = "L’adresse du site est mal configurée.";

/// A mail configuration that cannot be used.
pub const BAD_MAIL_CONFIG: &str = "L’envoi des courriels est mal configuré.";

/// An e-mail: its headers, its text and the link to the site.
pub fn email_message(
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

/// An SMTP address whose scheme is not smtp or smtps.
pub const BAD_SMTP_SCHEME: &str = "le schéma doit être smtp ou smtps";

/// An SMTP address that cannot be read.
pub const BAD_SMTP_ADDRESS: &str = "hôte, port ou paramètre tls illisible";

/// An e-mail without a valid recipient.
pub const NO_RECIPIENT: &str = "refusé avant envoi : pas de destinataire valide (en-tête To:)";

/// An e-mail refused by the SMTP server.
pub fn smtp_refused(e: impl Display) -> String {
    format!("refusé par le serveur SMTP : {e}")
}

/// The subject of a proposal's reminder.
pub const REMINDER_SUBJECT: &str = "Une proposition attend votre réponse";

/// A proposal's reminder.
pub fn reminder(mission: impl Display, title: impl Display, since: impl Display) -> String {
    format!(
        "Rappel : la mission {mission} (« {title} »), proposée le {since}, attend votre réponse."
    )
}

/// An account's state: invited.
pub const INVITED: &str = "invité";

/// An account's state: disabled.
pub const DISABLED: &str = "désactivé";

/// A submission's state: changes requested.
pub const CHANGES_REQUESTED: &str = "modifications demandées";

/// A submission's state: validated.
pub const VALIDATED: &str = "validé";

/// The page does not exist.
pub const NOT_FOUND: &str = "Cette page n’existe pas.";

/// The internal error page's title.
pub const INTERNAL_TITLE: &str = "Erreur interne";

/// The error page's title.
pub const ERROR_TITLE: &str = "Erreur";

/// A submission's state: pending review.
pub const PENDING_REVIEW: &str = "en attente de relecture";

/// A role, as pages name it: coordination.
pub const ROLE_COORDINATION: &str = "coordination";
/// A role, as pages name it: a company.
pub const ROLE_COMPANY: &str = "entreprise";
/// A role, as pages name it: an association.
pub const ROLE_ASSOCIATION: &str = "association";
/// A role, as pages name it: an expert.
pub const ROLE_EXPERT: &str = "expert";
