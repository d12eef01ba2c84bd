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

/// Said by `fmt`.
pub const SMTPURL_MASQUE: &str = "SmtpUrl(<masqué>)";

/// Said by `backup`.
pub fn sauvegarde_ecrite_base_fiches_missions(file: impl Display) -> String {
    format!(
        "sauvegarde écrite dans {file} : la base des fiches, les missions et les comptes (l’index de recherche est reconstruit à la restauration)"
    )
}

/// Said by `restore`.
pub fn fiches_restaurees(records: impl Display, file: impl Display, dir: impl Display) -> String {
    format!("{records} fiches restaurées de {file} dans {dir}")
}

/// Said by `restore`.
pub fn effacements_appliques_nouveau_fiche_sauvegarde(
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

/// Said by `commit`.
pub const COMMIT_AUCUNE_MISSION_ETE_CREEE: &str = "--commit : aucune mission n’a été créée";

/// Said by `resolve`.
pub fn min_score_doit_etre_entre(min_score: impl Display) -> String {
    format!("--min-score doit être entre 0 et 100, pas {min_score}")
}

/// Said by `money`.
pub fn montant_peut_etre_negatif(flag: impl Display, text: impl Display) -> String {
    format!("--{flag} {text} : un montant ne peut pas être négatif")
}

/// Said by `parse_window`.
pub fn available_attendu_debut_fin_ex(text: impl Display) -> String {
    format!("--available {text} : attendu DÉBUT..FIN, par ex. 2027-03-01..2027-04-30")
}

/// Said by `resolve`.
pub fn theme_thematique_connue_plus_proches(theme: impl Display, theme2: impl Display) -> String {
    format!(
        "--theme {theme} : pas une thématique connue ; les plus proches : {theme2} (`explor themes` les liste)"
    )
}

/// Said by `remove`.
pub fn note_autre_processus_gardait_base(args: impl Display) -> String {
    format!(
        "note : un autre processus gardait la base ouverte en lecture : d’anciennes pages de ses comptes web peuvent rester jusqu’à ce qu’il la ferme ; relancez alors `explor remove {args}`"
    )
}

/// Said by `remove`.
pub fn expert_efface_e_fiche_supprimee(args: impl Display) -> String {
    format!(
        "expert {args} effacé·e : sa fiche est supprimée de la base, de l’index et des notes de mission qui le citaient, ses comptes web et les courriels qui lui étaient adressés aussi ; seules une empreinte à clé de l’identifiant et la date du jour restent"
    )
}

/// A record deleted.
pub fn record_deleted(kind: impl Display, args: impl Display) -> String {
    format!("supprimé : {kind} {args}")
}

/// Said by `need_candidates`.
pub const AUCUN_CANDIDAT_ELIGIBLE: &str = "aucun candidat éligible :";

/// Said by `on`.
pub fn plus_an_apres_aujourd_hui(text: impl Display, today: impl Display) -> String {
    format!(
        "--on {text} : plus d’un an après aujourd’hui ({today}) ; donnez le jour où c’est arrivé"
    )
}

/// Said by `doc_format`.
pub fn format_contredit_extension_out_utilisez(a: impl Display, ext: impl Display) -> String {
    format!(
        "--format {a} contredit l’extension .{ext} de --out ; utilisez le même format pour les deux"
    )
}

/// Said by `doc_format`.
pub fn format_correspond_extension_out_attendu(
    a: impl Display,
    ext: impl Display,
    a2: impl Display,
) -> String {
    format!("--format {a} ne correspond pas à l’extension .{ext} de --out (attendu : .{a2})")
}

/// A share of the employer that is not a percentage.
pub fn bad_employer_share(text: impl Display) -> String {
    format!("--employer-share {text} : attendu un pourcentage de 0 à 100 (par ex. 40 ou 37,5)")
}

/// Said by `init`.
pub fn impossible_creer_espace_travail(root: impl Display) -> String {
    format!("impossible de créer un espace de travail dans {root}")
}

/// Said by `show`.
pub fn note_cite_offre_ete_efface(id: impl Display, on: impl Display) -> String {
    format!("note : {id}, cité par cette offre, a été effacé·e le {on} à sa demande (RGPD)")
}

/// Said by `stale_line`.
pub const IMPORTEZ_BAREME_DGFIP_EXPLOR_REFERENCE: &str =
    " : importez le barème de la DGFiP avec `explor reference import FICHIER.csv`";

/// Said by `stale_line`.
pub const VERIFIEZ_SOURCE_METTEZ_EXPLOR_JOUR: &str =
    " : vérifiez sa source et mettez explor à jour";

/// Said by `import`.
pub fn importe(summary: impl Display, explor_indexer: impl Display) -> String {
    format!("{summary} importé dans {explor_indexer}")
}

/// Said by `run`.
pub const IMPOSSIBLE_CREER_DOSSIER_TEMPORAIRE: &str = "impossible de créer un dossier temporaire";

/// Said by `run`.
pub fn espace_demonstration(workspace: impl Display) -> String {
    format!("espace de démonstration : {workspace}")
}

/// Said by `run`.
pub fn coordinateur_demonstration_choisissez_mot_passe(demo_email: impl Display) -> String {
    format!(
        "coordinateur de démonstration {demo_email} : choisissez un mot de passe ici (usage unique)"
    )
}

/// Said by `run`.
pub const IMPOSSIBLE_DEMARRER_MOTEUR_ASYNCHRONE: &str =
    "impossible de démarrer le moteur asynchrone";

/// Said by `run`.
pub fn explor_serve_ecoute_ctrl_arreter(addr: impl Display) -> String {
    format!("explor serve : à l’écoute sur {addr} (Ctrl-C pour arrêter)")
}

/// Said by `run`.
pub fn compte_cree_lien_invitation_usage(role: impl Display, email: impl Display) -> String {
    format!(
        "compte {role} {email} créé ; lien d’invitation (usage unique, 7 jours, affiché une seule fois) :"
    )
}

/// Said by `run`.
pub fn desactive_sessions_sont_closes(email: impl Display) -> String {
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

/// Said by `hint`.
pub const LANCEZ_ABORD_EXPLOR_INIT_DONNEZ: &str =
    "lancez d’abord `explor init` (ou donnez --workspace / EXPLOR_WORKSPACE)";

/// Said by `hint`.
pub const REESSAYEZ_QUAND_AURA_FINI: &str = "réessayez quand il aura fini";

/// Said by `hint`.
pub const LANCEZ_EXPLOR_REINDEX_RECONSTRUIRE_PARTIR: &str =
    "lancez `explor reindex` pour le reconstruire à partir de la base";

/// Said by `hint`.
pub const DONNEZ_WORKSPACE_DOSSIER_ESPACE_TRAVAIL: &str =
    "donnez à --workspace le dossier d’un espace de travail explor";

/// Said by `date_hint`.
pub const DONNEZ_JOUR_ARRIVE_AAAA_MM: &str =
    "donnez le jour où c’est arrivé avec --on AAAA-MM-JJ, parmi les jours indiqués ci-dessus";

/// destroy it, or a reader would never see the file.
pub fn impossible_ecrire_fichier_ordinaire_dossier(value: impl Display) -> String {
    format!(
        "impossible d’écrire {value} : ce n’est pas un fichier ordinaire (un dossier, un périphérique ou un tube) ; donnez le chemin d’un fichier"
    )
}

/// An existing file without write permission: its owner meant it to stay.
pub fn impossible_ecrire_fichier_lecture_seule(value: impl Display) -> String {
    format!(
        "impossible d’écrire {value} : le fichier est en lecture seule ; rendez-le modifiable ou donnez un autre chemin"
    )
}

/// A path inside the workspace, whose files are explor's own (the record store…).
pub fn impossible_ecrire_espace_travail_ecrivez(
    path: impl Display,
    workspace: impl Display,
) -> String {
    format!(
        "impossible d’écrire {path} : c’est dans l’espace de travail {workspace} ; écrivez les rapports ailleurs"
    )
}

/// The folder of the path does not exist.
pub fn impossible_ecrire_dossier_existe(path: impl Display, folder: impl Display) -> String {
    format!("impossible d’écrire {path} : le dossier {folder} n’existe pas")
}

/// Said by `target`.
pub fn impossible_ecrire(path: impl Display) -> String {
    format!("impossible d’écrire {path}")
}

/// No browser to print with.
pub fn format_pdf_imprime_chromium_introuvable(value: impl Display) -> String {
    format!(
        "le format pdf s’imprime avec Chromium, introuvable ici{value} : installez-le (apt-get install chromium) ou donnez son chemin dans EXPLOR_CHROMIUM ; sinon, --format html puis « Imprimer » dans un navigateur, ou --format odt"
    )
}

/// The browser ran but gave no PDF.
pub fn chromium_produit_pdf(browser: impl Display, why: impl Display) -> String {
    format!("Chromium ({browser}) n’a pas produit de PDF : {why}")
}

/// The temporary folder for the page and the PDF could not be used.
pub fn impression_pdf(value: impl Display) -> String {
    format!("impression en PDF : {value}")
}

/// Said by `browser`.
pub fn explor_chromium_vaut_qui_fichier(given: impl Display) -> String {
    format!(" (EXPLOR_CHROMIUM vaut {given}, qui n’est pas un fichier)")
}

/// Said by `print`.
pub const FICHIER_IMPRIME_PDF: &str = "le fichier imprimé n’est pas un PDF";

/// Said by `need_expert`.
pub const ATTENDU_NEED_EXPERT_IDENTIFIANT_BESOIN: &str =
    "attendu : NEED=EXPERT, un identifiant de besoin et un identifiant d'expert ou d'offre";

/// Said by `backup`.
pub fn impossible_sauvegarder(file: impl Display) -> String {
    format!("impossible de sauvegarder dans {file}")
}

/// Said by `run`.
pub const DONNEZ_PER_DIEM: &str = " : donnez --per-diem";

/// Said by `run`.
pub const IMPOSSIBLE_CALCULER_PLAN_FINANCEMENT: &str =
    "impossible de calculer le plan de financement";

/// Said by `need_candidates`.
pub const INCLUDE_INELIGIBLE_LISTE_LEURS_RAISONS: &str =
    "(--include-ineligible les liste un par un avec leurs raisons)";

/// Said by `doc_format`.
pub fn extension_document_inconnue_out_utilisez(ext: impl Display) -> String {
    format!(
        "extension de document inconnue .{ext} pour --out : utilisez .md, .html, .odt, .docx ou .pdf, ou donnez --format"
    )
}

/// Said by `stale_line`.
pub const IMPORTEZ_TAUX_BCE_EXPLOR_REFERENCE: &str =
    " : importez les taux de la BCE avec `explor reference import eurofxref.csv`";

/// Said by `stale_line`.
pub fn date_jours_plus_mois(
    table: impl Display,
    date: impl Display,
    age_days: impl Display,
    max_age_months: impl Display,
    hint: impl Display,
) -> String {
    format!("{table} date du {date} ({age_days} jours), plus de {max_age_months} mois{hint}")
}

/// Said by `report`.
pub fn conseil(hint: impl Display) -> String {
    format!("conseil : {hint}")
}

/// Said by `run`.
pub fn fini_bout(as_secs: impl Display) -> String {
    format!("pas fini au bout de {as_secs} s")
}

/// A binary document asked for on a terminal.
pub fn document_is_a_file(ext: &str) -> String {
    format!(
        "un document .{ext} est un fichier : donnez --out FICHIER.{ext}, ou redirigez la sortie"
    )
}
