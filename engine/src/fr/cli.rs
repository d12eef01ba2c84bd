//! What the command line says after a command, and its hints.

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
