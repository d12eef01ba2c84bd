//! The web audit log: its actions' labels and the log page's messages.

use std::fmt::Display;

/// Action: an account created.
pub const ACCOUNT_CREATED: &str = "compte créé";

/// Action: an invitation used.
pub const INVITATION_USED: &str = "invitation utilisée";

/// Action: a password set.
pub const PASSWORD_SET: &str = "mot de passe défini";

/// Action: a sign-in failed.
pub const SIGN_IN_FAILED: &str = "échec de connexion";

/// Action: an account locked.
pub const ACCOUNT_LOCKED: &str = "compte bloqué (trop d’échecs)";

/// Action: a sign-out.
pub const SIGNED_OUT: &str = "déconnexion";

/// Action: an account disabled.
pub const ACCOUNT_DISABLED: &str = "compte désactivé";

/// Action: an account deleted.
pub const ACCOUNT_DELETED: &str = "compte supprimé";

/// Action: a mission proposed.
pub const MISSION_PROPOSED: &str = "mission proposée";

/// Action: a mission's state changed.
pub const MISSION_MOVED: &str = "mission : changement d’état";

/// Action: a mission's item recorded.
pub const MISSION_RECORDED: &str = "mission : pièce enregistrée";

/// Action: a call's assignment committed.
pub const BATCH_COMMITTED: &str = "affectation d’un appel validée";

/// Action: a person erased.
pub const PERSON_ERASED: &str = "personne effacée";

/// Action: a record submitted for review.
pub const SUBMITTED: &str = "fiche soumise à relecture";

/// Action: a record validated.
pub const VALIDATED: &str = "fiche validée";

/// Action: a proposal answered.
pub const PROPOSAL_ANSWERED: &str = "réponse à une proposition";

/// Action: an expert's profile edited.
pub const PROFILE_EDITED: &str = "profil modifié par l’expert";

/// A filter on an unknown action, ignored.
pub const UNKNOWN_ACTION_FILTER: &str = "Action inconnue : filtre ignoré.";

/// A filter on an unreadable first day, ignored.
pub const BAD_FROM_FILTER: &str = "Date de début illisible : filtre ignoré.";

/// A filter on an unreadable last day, ignored.
pub const BAD_TO_FILTER: &str = "Date de fin illisible : filtre ignoré.";

/// An account deleted since, as the log names it.
pub fn deleted_account(id: impl Display) -> String {
    format!("compte {id} (supprimé)")
}

/// The audit log page's title.
pub const TITLE: &str = "Journal d’audit";

/// Action: records imported.
pub const RECORDS_IMPORTED: &str = "import de fiches";
