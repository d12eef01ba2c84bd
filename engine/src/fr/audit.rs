//! The web audit log: its actions' labels and the log page's messages.

use std::fmt::Display;

/// Said by `label`.
pub const COMPTE_CREE: &str = "compte créé";

/// Said by `label`.
pub const INVITATION_UTILISEE: &str = "invitation utilisée";

/// Said by `label`.
pub const MOT_PASSE_DEFINI: &str = "mot de passe défini";

/// Said by `label`.
pub const ECHEC_CONNEXION: &str = "échec de connexion";

/// Said by `label`.
pub const COMPTE_BLOQUE_TROP_ECHECS: &str = "compte bloqué (trop d’échecs)";

/// Said by `label`.
pub const DECONNEXION: &str = "déconnexion";

/// Said by `label`.
pub const COMPTE_DESACTIVE: &str = "compte désactivé";

/// Said by `label`.
pub const COMPTE_SUPPRIME: &str = "compte supprimé";

/// Said by `label`.
pub const MISSION_PROPOSEE: &str = "mission proposée";

/// Said by `label`.
pub const MISSION_CHANGEMENT_ETAT: &str = "mission : changement d’état";

/// Said by `label`.
pub const MISSION_PIECE_ENREGISTREE: &str = "mission : pièce enregistrée";

/// Said by `label`.
pub const AFFECTATION_APPEL_VALIDEE: &str = "affectation d’un appel validée";

/// Said by `label`.
pub const PERSONNE_EFFACEE: &str = "personne effacée";

/// Said by `label`.
pub const FICHE_SOUMISE_RELECTURE: &str = "fiche soumise à relecture";

/// Said by `label`.
pub const MODIFICATIONS_DEMANDEES: &str = "modifications demandées";

/// Said by `label`.
pub const FICHE_VALIDEE: &str = "fiche validée";

/// Said by `label`.
pub const REPONSE_PROPOSITION: &str = "réponse à une proposition";

/// Said by `label`.
pub const PROFIL_MODIFIE_EXPERT: &str = "profil modifié par l’expert";

/// Said by `list`.
pub const ACTION_INCONNUE_FILTRE_IGNORE: &str = "Action inconnue : filtre ignoré.";

/// Said by `list`.
pub const DATE_DEBUT_ILLISIBLE_FILTRE_IGNORE: &str = "Date de début illisible : filtre ignoré.";

/// Said by `list`.
pub const DATE_FIN_ILLISIBLE_FILTRE_IGNORE: &str = "Date de fin illisible : filtre ignoré.";

/// An account deleted since, as the log names it.
pub fn deleted_account(id: impl Display) -> String {
    format!("compte {id} (supprimé)")
}

/// Said by `list`.
pub const JOURNAL_AUDIT: &str = "Journal d’audit";

/// Said by `label`.
pub const IMPORT_FICHES: &str = "import de fiches";
