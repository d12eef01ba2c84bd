//! What the command line says after a command, and its hints.

use std::fmt::Display;

/// A mission created.
pub fn mission_created(id: &str, need: &str, dates: &str, state: &str, who: &str) -> String {
    format!("mission {id} créée pour {need} : {dates}, état « {state} » ; réservé(s) : {who}")
}
/// A flag to check.
pub fn check(gate: &str, detail: &str) -> String {
    format!("  à vérifier [{gate}] : {detail}")
}
/// A mission moved.
pub fn advanced(id: &str, state: &str, key: &str) -> String {
    format!("la mission {id} est maintenant « {state} » ({key})")
}
/// A checklist item recorded.
pub fn recorded(id: &str, item: &str, state: &str) -> String {
    format!("{id} : {item} enregistré(e) (mission « {state} »)")
}
/// The cost plan heading.
pub const COST_PLAN: &str = "plan de financement :";
/// The cost plan cannot be computed.
pub fn no_plan(why: &str) -> String {
    format!("plan de financement : impossible à calculer : {why}")
}
/// A note above a list.
pub fn note(text: &str) -> String {
    format!("note : {text}")
}
/// The excluded, counted.
pub fn excluded(n: usize) -> String {
    format!("\nexclus ({n}) :")
}
/// Candidates excluded for consent.
pub fn consent_excluded(n: usize) -> String {
    format!(
        "note : {n} exclu(s) faute d’accord de l’employeur ; --include-pending laisse passer les accords en attente, signalés"
    )
}
/// Heading of `match --offer/--expert`.
pub fn needs_for(who: &str, id: &str) -> String {
    format!("besoins que {who} ({id}) pourrait servir")
}
/// The needs it does not fit, counted.
pub fn needs_unfit(n: usize) -> String {
    format!("\nbesoins qui ne lui conviennent pas ({n}) :")
}
/// `init` created a workspace.
pub fn workspace_created(path: &str) -> String {
    format!("espace de travail créé : {path}")
}
/// `init` found one.
pub fn workspace_exists(path: &str) -> String {
    format!("l’espace de travail {path} existe déjà ; rien n’a changé")
}
/// A document written.
pub fn doc_written(kind: &str, id: &str, path: &str) -> String {
    format!("{kind} de {id} écrit dans {path}")
}

/// A flag's value that is not a number (with an example).
pub fn not_a_number_example(s: impl Display) -> String {
    format!("« {s} » n'est pas un nombre (par ex. 75 ou 75,5)")
}

/// A flag's value that is not a number.
pub fn not_a_number(s: impl Display) -> String {
    format!("« {s} » n'est pas un nombre")
}

/// The SMTP address as debug output shows it: hidden.
pub const SMTP_URL_HIDDEN: &str = "SmtpUrl(<masqué>)";

/// A backup written.
pub fn backup_written(file: impl Display) -> String {
    format!(
        "sauvegarde écrite dans {file} : la base des fiches, les missions et les comptes (l’index de recherche est reconstruit à la restauration)"
    )
}

/// Records restored from a backup.
pub fn restored(records: impl Display, file: impl Display, dir: impl Display) -> String {
    format!("{records} fiches restaurées de {file} dans {dir}")
}

/// Erasures applied again after a restore (`s`, `s2`… are plural marks).
pub fn erasures_reapplied(
    erased_again: impl Display,
    s: impl Display,
    s2: impl Display,
    tombstones_added: impl Display,
    s3: impl Display,
    s4: impl Display,
) -> String {
    format!(
        "effacements appliqués de nouveau : {erased_again} fiche{s} de la sauvegarde effacée{s2}, {tombstones_added} trace{s3} d’effacement ajoutée{s4}"
    )
}

/// `batch --commit` failed: no mission created.
pub const COMMIT_NOTHING_CREATED: &str = "--commit : aucune mission n’a été créée";

/// A `--min-score` out of range.
pub fn bad_min_score(min_score: impl Display) -> String {
    format!("--min-score doit être entre 0 et 100, pas {min_score}")
}

/// A negative amount given to a flag.
pub fn negative_amount(flag: impl Display, text: impl Display) -> String {
    format!("--{flag} {text} : un montant ne peut pas être négatif")
}

/// An `--available` that is not a period.
pub fn bad_available(text: impl Display) -> String {
    format!("--available {text} : attendu DÉBUT..FIN, par ex. 2027-03-01..2027-04-30")
}

/// A `--theme` that is no theme, with the closest ones.
pub fn unknown_theme(theme: impl Display, theme2: impl Display) -> String {
    format!(
        "--theme {theme} : pas une thématique connue ; les plus proches : {theme2} (`explor themes` les liste)"
    )
}

/// Another process kept the database open while erasing.
pub fn reader_kept_database_open(args: impl Display) -> String {
    format!(
        "note : un autre processus gardait la base ouverte en lecture : d’anciennes pages de ses comptes web peuvent rester jusqu’à ce qu’il la ferme ; relancez alors `explor remove {args}`"
    )
}

/// An expert erased.
pub fn expert_erased(args: impl Display) -> String {
    format!(
        "expert {args} effacé·e : sa fiche est supprimée de la base, de l’index et des notes de mission qui le citaient, ses comptes web et les courriels qui lui étaient adressés aussi ; seules une empreinte à clé de l’identifiant et la date du jour restent"
    )
}

/// A record deleted.
pub fn record_deleted(kind: impl Display, args: impl Display) -> String {
    format!("supprimé : {kind} {args}")
}

/// A need without eligible candidates.
pub const NO_ELIGIBLE_CANDIDATE: &str = "aucun candidat éligible :";

/// An `--on` more than a year ahead.
pub fn on_too_late(text: impl Display, today: impl Display) -> String {
    format!(
        "--on {text} : plus d’un an après aujourd’hui ({today}) ; donnez le jour où c’est arrivé"
    )
}

/// A `--format` that contradicts the extension of `--out`.
pub fn format_contradicts_out(a: impl Display, ext: impl Display) -> String {
    format!(
        "--format {a} contredit l’extension .{ext} de --out ; utilisez le même format pour les deux"
    )
}

/// A `--format` that does not match the extension of `--out`.
pub fn format_mismatches_out(a: impl Display, ext: impl Display, a2: impl Display) -> String {
    format!("--format {a} ne correspond pas à l’extension .{ext} de --out (attendu : .{a2})")
}

/// A share of the employer that is not a percentage.
pub fn bad_employer_share(text: impl Display) -> String {
    format!("--employer-share {text} : attendu un pourcentage de 0 à 100 (par ex. 40 ou 37,5)")
}

/// A workspace that cannot be created.
pub fn cannot_create_workspace(root: impl Display) -> String {
    format!("impossible de créer un espace de travail dans {root}")
}

/// An offer naming an erased expert.
pub fn offer_names_erased(id: impl Display, on: impl Display) -> String {
    format!("note : {id}, cité par cette offre, a été effacé·e le {on} à sa demande (RGPD)")
}

/// Hint for an old per-diem scale.
pub const HINT_IMPORT_SCALE: &str =
    " : importez le barème de la DGFiP avec `explor reference import FICHIER.csv`";

/// Hint for an old reference table.
pub const HINT_CHECK_SOURCE: &str = " : vérifiez sa source et mettez explor à jour";

/// A reference table imported into the workspace's cost rules.
pub fn table_imported(summary: impl Display, explor_indexer: impl Display) -> String {
    format!("{summary} importé dans {explor_indexer}")
}

/// A temporary folder that cannot be created.
pub const NO_TEMP_DIR: &str = "impossible de créer un dossier temporaire";

/// The demonstration workspace of `explor serve --demo`.
pub fn demo_workspace(workspace: impl Display) -> String {
    format!("espace de démonstration : {workspace}")
}

/// The demonstration coordinator's invitation.
pub fn demo_coordinator(demo_email: impl Display) -> String {
    format!(
        "coordinateur de démonstration {demo_email} : choisissez un mot de passe ici (usage unique)"
    )
}

/// The async runtime that cannot start.
pub const NO_RUNTIME: &str = "impossible de démarrer le moteur asynchrone";

/// `explor serve` listening.
pub fn listening(addr: impl Display) -> String {
    format!("explor serve : à l’écoute sur {addr} (Ctrl-C pour arrêter)")
}

/// An account created, before its invitation link.
pub fn account_created(role: impl Display, email: impl Display) -> String {
    format!(
        "compte {role} {email} créé ; lien d’invitation (usage unique, 7 jours, affiché une seule fois) :"
    )
}

/// An account disabled.
pub fn account_disabled(email: impl Display) -> String {
    format!("{email} désactivé (ses sessions sont closes)")
}

/// An account deleted.
pub fn account_deleted(email: impl Display) -> String {
    format!("{email} supprimé")
}

/// The search index is damaged (the library's message given).
pub fn index_damaged(message: &str) -> String {
    format!(
        "erreur : l’index de recherche est endommagé ({message})
conseil : lancez `explor reindex` pour le reconstruire à partir de la base"
    )
}

/// An internal failure: a bug of explor.
pub fn internal_failure(what: &str) -> String {
    format!("erreur : défaillance interne (un bogue d’explor, merci de le signaler) : {what}")
}

/// What panicked, when the panic says nothing.
pub const A_PANIC: &str = "une panique";

/// The search index's files are damaged.
pub fn index_files_damaged(count: usize, files: &str) -> String {
    let s = if count == 1 { "" } else { "s" };
    format!("erreur : l’index de recherche est endommagé ({count} fichier{s} altéré{s} ou tronqué{s} : {files})
conseil : lancez `explor reindex` pour le reconstruire à partir de la base")
}

/// Hint for an unknown mission.
pub const HINT_MISSION_LIST: &str = "`explor mission list` les affiche";

/// Hint for a file whose kind of records cannot be told.
pub const HINT_KIND: &str = "ou donnez --kind pour dire quelles fiches il contient";

/// Hint for a missing workspace.
pub const HINT_INIT: &str =
    "lancez d’abord `explor init` (ou donnez --workspace / EXPLOR_WORKSPACE)";

/// Hint for a locked workspace.
pub const HINT_RETRY: &str = "réessayez quand il aura fini";

/// Hint for a damaged index.
pub const HINT_REINDEX: &str = "lancez `explor reindex` pour le reconstruire à partir de la base";

/// Hint for a database that is no workspace's.
pub const HINT_WORKSPACE: &str = "donnez à --workspace le dossier d’un espace de travail explor";

/// Hint for a mission event dated where it cannot be.
pub const HINT_ON: &str =
    "donnez le jour où c’est arrivé avec --on AAAA-MM-JJ, parmi les jours indiqués ci-dessus";

/// destroy it, or a reader would never see the file.
pub fn out_not_regular(value: impl Display) -> String {
    format!(
        "impossible d’écrire {value} : ce n’est pas un fichier ordinaire (un dossier, un périphérique ou un tube) ; donnez le chemin d’un fichier"
    )
}

/// An existing file without write permission: its owner meant it to stay.
pub fn out_read_only(value: impl Display) -> String {
    format!(
        "impossible d’écrire {value} : le fichier est en lecture seule ; rendez-le modifiable ou donnez un autre chemin"
    )
}

/// A path inside the workspace, whose files are explor's own (the record store…).
pub fn out_inside_workspace(path: impl Display, workspace: impl Display) -> String {
    format!(
        "impossible d’écrire {path} : c’est dans l’espace de travail {workspace} ; écrivez les rapports ailleurs"
    )
}

/// The folder of the path does not exist.
pub fn out_no_folder(path: impl Display, folder: impl Display) -> String {
    format!("impossible d’écrire {path} : le dossier {folder} n’existe pas")
}

/// A file that cannot be written.
pub fn cannot_write(path: impl Display) -> String {
    format!("impossible d’écrire {path}")
}

/// No browser to print with.
pub fn no_chromium(value: impl Display) -> String {
    format!(
        "le format pdf s’imprime avec Chromium, introuvable ici{value} : installez-le (apt-get install chromium) ou donnez son chemin dans EXPLOR_CHROMIUM ; sinon, --format html puis « Imprimer » dans un navigateur, ou --format odt"
    )
}

/// The browser ran but gave no PDF.
pub fn no_pdf(browser: impl Display, why: impl Display) -> String {
    format!("Chromium ({browser}) n’a pas produit de PDF : {why}")
}

/// The temporary folder for the page and the PDF could not be used.
pub fn printing_failed(value: impl Display) -> String {
    format!("impression en PDF : {value}")
}

/// An `EXPLOR_CHROMIUM` that is not a file.
pub fn chromium_not_a_file(given: impl Display) -> String {
    format!(" (EXPLOR_CHROMIUM vaut {given}, qui n’est pas un fichier)")
}

/// Chromium printed something that is not a PDF.
pub const NOT_A_PDF: &str = "le fichier imprimé n’est pas un PDF";

/// A pin or exclusion that is not `NEED=EXPERT`.
pub const BAD_PAIR: &str =
    "attendu : NEED=EXPERT, un identifiant de besoin et un identifiant d'expert ou d'offre";

/// A backup that cannot be written.
pub fn cannot_back_up(file: impl Display) -> String {
    format!("impossible de sauvegarder dans {file}")
}

/// Hint for a country without per-diem rate.
pub const HINT_PER_DIEM: &str = " : donnez --per-diem";

/// A cost plan that cannot be computed.
pub const NO_COST_PLAN: &str = "impossible de calculer le plan de financement";

/// Hint for the ineligible candidates left out.
pub const HINT_INELIGIBLE: &str = "(--include-ineligible les liste un par un avec leurs raisons)";

/// An `--out` extension that is no document format.
pub fn unknown_document_extension(ext: impl Display) -> String {
    format!(
        "extension de document inconnue .{ext} pour --out : utilisez .md, .html, .odt, .docx ou .pdf, ou donnez --format"
    )
}

/// Hint for old exchange rates.
pub const HINT_IMPORT_RATES: &str =
    " : importez les taux de la BCE avec `explor reference import eurofxref.csv`";

/// A reference table older than it should be.
pub fn stale_table(
    table: impl Display,
    date: impl Display,
    age_days: impl Display,
    max_age_months: impl Display,
    hint: impl Display,
) -> String {
    format!("{table} date du {date} ({age_days} jours), plus de {max_age_months} mois{hint}")
}

/// A hint after an error.
pub fn hint(hint: impl Display) -> String {
    format!("conseil : {hint}")
}

/// Chromium not done in time.
pub fn timed_out(as_secs: impl Display) -> String {
    format!("pas fini au bout de {as_secs} s")
}

/// A binary document asked for on a terminal.
pub fn document_is_a_file(ext: &str) -> String {
    format!(
        "un document .{ext} est un fichier : donnez --out FICHIER.{ext}, ou redirigez la sortie"
    )
}

/// A `--lang` value without its level.
pub fn lang_without_level(text: impl Display) -> String {
    format!("--lang {text} : attendu CODE:NIVEAU, par exemple fr:B2")
}
