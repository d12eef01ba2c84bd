//! The workspace: its store, search index, backups, erasure and document templates.

use std::fmt::Display;

/// No workspace at the given place.
pub fn no_workspace(value: impl Display) -> String {
    format!("aucun espace de travail explor dans {value}")
}

/// The workspace was written by a newer explor.
pub fn newer_schema(path: impl Display, found: impl Display, known: impl Display) -> String {
    format!(
        "l’espace de travail {path} a le schéma version {found} ; cet explor connaît la version {known} — utilisez un explor plus récent"
    )
}

/// A file that is not an explor workspace's database.
pub fn not_a_workspace_database(path: impl Display, reason: impl Display) -> String {
    format!(
        "{path} : pas une base d’espace de travail explor ({reason}) ; explor la laisse telle quelle"
    )
}

/// Another process is writing to the workspace.
pub fn locked(value: impl Display) -> String {
    format!("l’espace de travail {value} est verrouillé par un autre processus explor")
}

/// Problems in the data: nothing imported (`s` is the plural mark).
pub fn invalid_data(value: impl Display, s: impl Display) -> String {
    format!("{value} problème{s} dans les données ; rien n’a été importé")
}

/// A file whose name does not say which kind of record it holds.
pub fn unknown_file_kind(value: impl Display) -> String {
    format!(
        "{value} : impossible de savoir quelles fiches contient ce fichier : nommez-le associations, experts, offers ou needs (.json, .jsonl, .csv, .xlsx, .ods)"
    )
}

/// No record has this id.
pub fn no_record(value: impl Display) -> String {
    format!("aucune fiche n’a l’identifiant « {value} »")
}

/// The expert with this id was erased at their request.
pub fn erased(id: impl Display, on: impl Display) -> String {
    format!("{id} a été effacé·e le {on} à sa demande (RGPD) ; ses données n’existent plus")
}

/// The workspace's index folder holds files explor did not create.
pub fn foreign_index_folder(value: impl Display) -> String {
    format!(
        "{value} n’a pas été créé par explor et contient d’autres fichiers ; explor y range son index de recherche : déplacez d’abord ce dossier (rien n’a été modifié)"
    )
}

/// The search index cannot be read: a file is missing, cut short or altered.
pub fn index_damaged(path: impl Display, detail: impl Display) -> String {
    format!("l’index de recherche {path} est endommagé ({detail})")
}

/// No mission has this id.
pub fn no_mission(value: impl Display) -> String {
    format!("aucune mission n’a l’identifiant « {value} »")
}

/// A restore into a folder that already holds something other than an erasure list.
pub fn restore_not_empty(value: impl Display) -> String {
    format!(
        "{value} n’est pas vide : restaurez dans un dossier vide ou absent (un erased.list qui s’y trouve est gardé et appliqué)"
    )
}

/// A file given as a backup is not one (or not an explor store).
pub fn not_a_backup(path: impl Display, reason: impl Display) -> String {
    format!("{path} : pas une sauvegarde explor ({reason})")
}

/// The record is still named by others.
pub fn still_named(id: impl Display, by: impl Display) -> String {
    format!("{id} est encore cité par {by} : supprimez-les ou modifiez-les d’abord")
}

/// The record store, as a failure names it.
pub const STORE: &str = "base des fiches";

/// The search index failed.
pub fn index_failed(context: impl Display) -> String {
    format!("index de recherche : {context}")
}

/// The search index's own error.
pub fn index_error(value: impl Display) -> String {
    format!("index de recherche : {value}")
}

/// A stored record cannot be read back (the store was edited by hand or is damaged).
pub fn unreadable_record(id: impl Display) -> String {
    format!("la fiche enregistrée « {id} » est illisible")
}

/// A mission document, as a failure names it.
pub const MISSION_DOCUMENT: &str = "document de mission";

/// The system's random source, as a failure names it.
pub const RANDOM_SOURCE: &str = "source d’aléa du système";

/// A record or mission cannot be encoded for the store (a defect).
pub fn unencodable(id: impl Display) -> String {
    format!("la fiche « {id} » ne peut pas être écrite en JSON")
}

/// A number stored as text is not one.
pub fn not_a_number(text: impl Display) -> String {
    format!("pas un nombre : « {text} »")
}

/// A record kind this build does not know.
pub fn unknown_kind(value: impl Display) -> String {
    format!("type inconnu « {value} »")
}

/// A mission without any event (every mission starts with one).
pub const NO_EVENT: &str = "la mission n’a aucun événement";

/// The erasure key in `meta` is not usable.
pub fn bad_erasure_key(value: impl Display) -> String {
    format!("clé d’effacement inutilisable : {value}")
}

/// A backup's target that exists already.
pub const BACKUP_EXISTS: &str =
    "existe déjà : explor n’écrase jamais un fichier par une sauvegarde";

/// A backup's target whose folder does not exist.
pub const BACKUP_NO_FOLDER: &str = "son dossier n’existe pas";

/// A backup's target inside the workspace.
pub const BACKUP_INSIDE: &str = "est dans l’espace de travail : une sauvegarde à cet endroit garderait les personnes effacées ensuite";

/// A backup's target whose path is not UTF-8.
pub const BACKUP_NOT_UTF8: &str = "n’est pas de l’UTF-8 valide, ce qu’exige SQLite";

/// A restore from a place holding nothing.
pub const NOTHING_TO_RESTORE: &str = "ni fichier ni espace de travail à cet endroit";

/// A backup made with another workspace's key.
pub fn other_key(f: impl Display, fingerprint: impl Display) -> String {
    format!(
        "faite avec la clé d’un autre espace de travail ({f}, celle de cette base est {fingerprint}) : elle ne peut pas dire quelles fiches ont été effacées"
    )
}

/// A damaged index, rebuilt from the store.
pub fn rebuilt(damaged: impl Display) -> String {
    format!("{damaged} : reconstruit à partir de la base")
}

/// An index ahead of the store, rebuilt.
pub fn index_generation_ahead(g: impl Display, store_gen: impl Display) -> String {
    format!(
        "index de recherche à la génération {g}, base à la génération {store_gen} : une autre commande écrit ; la recherche porte sur le dernier index validé"
    )
}

/// An index missing or of an older format, rebuilt.
pub fn index_missing(n: impl Display) -> String {
    format!("index de recherche absent ou d’un format plus ancien : reconstruit ({n} documents)")
}

/// An index behind the store, rebuilt.
pub fn index_behind(g: impl Display, store_gen: impl Display, n: impl Display) -> String {
    format!(
        "l’index de recherche était en retard (génération {g}, base {store_gen}) : reconstruit ({n} documents)"
    )
}

/// An expert erased again: the traces cleaned again.
pub fn erased_again(id: impl Display, on: impl Display) -> String {
    format!("{id} avait déjà été effacé·e le {on} ; ses traces ont été nettoyées de nouveau")
}

/// Another process kept the database open while erasing.
pub fn reader_kept_database_open(wal: impl Display, id: impl Display) -> String {
    format!(
        "un autre processus gardait la base ouverte en lecture : d’anciennes pages peuvent rester dans {wal} jusqu’à ce qu’il la ferme ; relancez alors `explor remove {id}`"
    )
}

/// An erased expert left out of an import (`--skip-erased`).
pub fn skipped_erased(said: impl Display) -> String {
    format!("{said} : laissé·e de côté (--skip-erased)")
}

/// An erased expert not imported again.
pub fn not_reimported(said: impl Display) -> String {
    format!(
        "{said} et n’est pas importé·e de nouveau : retirez la fiche du fichier, ou importez avec --skip-erased pour la laisser de côté"
    )
}

/// A database without explor's settings table.
pub const NO_META_TABLE: &str = "elle n’a pas de table de réglages explor";

/// A file that is not a SQLite database.
pub const NOT_SQLITE: &str = "le fichier n’est pas une base SQLite";

/// A database without explor's schema version.
pub const NO_SCHEMA_VERSION: &str = "elle n’a pas de version de schéma explor";

/// What stands for erased text.
pub const REDACTED: &str = "[effacé]";

/// A document template linking outside the workspace.
pub const TEMPLATE_LINK_OUTSIDE: &str =
    "un modèle ne peut être un lien que vers un fichier dans l’espace de travail";

/// A document template that is not a regular file.
pub const TEMPLATE_NOT_REGULAR: &str = "un modèle doit être un fichier ordinaire";

/// A document template too large (sizes in KiB).
pub fn template_too_large(value: impl Display, div_ceil: impl Display) -> String {
    format!("un modèle fait au plus {value} Kio (celui-ci : {div_ceil} Kio)")
}

/// The note on a mission created by a batch.
pub const CREATED_BY_BATCH: &str = "créée par explor batch --commit";

/// An id naming a record of another kind.
pub fn wrong_kind(id: impl Display, found: impl Display, expected: impl Display) -> String {
    format!("{id} est {found}, pas {expected}")
}

/// An index segment that cannot be read.
pub const UNREADABLE_SEGMENT: &str = "un segment est illisible";

/// An index segment that cannot be read, as a note.
pub const UNREADABLE_SEGMENT_NOTE: &str = "(un segment illisible)";

/// An expert or an offer, as a wrong kind names it.
pub const AN_EXPERT_OR_OFFER: &str = "un expert ou une offre";

/// An empty database file.
pub const EMPTY_FILE: &str = "le fichier est vide";

/// A backup path naming no file.
pub const NO_FILE_NAMED: &str = "ne nomme aucun fichier";

/// A backup not found.
pub const FILE_NOT_FOUND: &str = "fichier introuvable";

/// An erasure list's line that cannot be read.
pub const BAD_ERASED_LINE: &str = "attendu : `key EMPREINTE` ou `HASH TYPE DATE`";

/// An erasure list without its key line.
pub const NO_KEY_LINE: &str = "pas de ligne `key`";
