//! Missions: the states' labels, and how a typed label is read back.

use crate::mission::State;

/// A state's label, as people read it (`termes rédigés`).
pub const fn state(s: State) -> &'static str {
    match s {
        State::Proposed => "proposée",
        State::TermsDrafted => "termes rédigés",
        State::Agreed => "convenue",
        State::Trained => "formée",
        State::InField => "sur le terrain",
        State::Returned => "revenue",
        State::Debriefed => "bilan fait",
        State::Closed => "clôturée",
        State::Cancelled => "annulée",
    }
}

/// Lower case, accents and apostrophes folded, spaces and `_`/`-` as one space: how
/// a label typed on a command line is compared (`Termes_redigés` = `termes rédigés`).
pub fn folded(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.trim().chars().flat_map(char::to_lowercase) {
        let c = match c {
            'à' | 'â' | 'ä' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' => 'i',
            'ô' | 'ö' => 'o',
            'ù' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            '_' | '-' | '\u{a0}' | '\u{202f}' => ' ',
            c => c,
        };
        if c == ' ' && out.ends_with(' ') {
            continue;
        }
        out.push(c);
    }
    out
}

/// Who staffs an offer's mission.
pub fn offer_staff(offer: &str) -> String {
    format!("un·e salarié·e de l’offre {offer}")
}
/// An erased person, with the day.
pub fn erased_on(id: &str, on: &str) -> String {
    format!("{id} : effacé·e le {on} à sa demande (RGPD)")
}
/// An erased person.
pub fn erased(id: &str) -> String {
    format!("{id} (effacé·e)")
}
/// A person no longer on file.
pub fn gone(id: &str) -> String {
    format!("{id} : plus dans les fichiers")
}
/// An offer's employee, to be named.
pub fn offer_employee(company: &str, offer: &str) -> String {
    format!("un·e salarié·e de {company} (offre {offer}), à nommer par l’entreprise")
}
/// An offer no longer on file.
pub fn offer_gone(offer: &str) -> String {
    format!("offre {offer} (plus dans les fichiers)")
}
/// A mission's dates and length.
pub fn dates(window: &str, days: u32) -> String {
    format!("{window} ({})", super::plural(days, "jour", "jours"))
}
/// The rows of a mission's sheet.
pub const ROWS: [&str; 10] = [
    "mission",
    "besoin",
    "association",
    "qui",
    "dates",
    "lieu",
    "état",
    "suite possible",
    "liste de contrôle",
    "qui paie",
];
/// A checklist item recorded.
pub fn recorded_on(item: &str, key: &str, on: &str) -> String {
    format!("{item} ({key}) : enregistré le {on}")
}
/// A checklist item not yet recorded.
pub fn not_yet(item: &str, key: &str) -> String {
    format!("{item} ({key}) : pas encore")
}
/// The log's first event.
pub const CREATED: &str = "créée (proposée)";
/// A move in the log.
pub fn moved(from: State, to: State) -> String {
    format!("« {} » → « {} »", state(from), state(to))
}
/// A record in the log.
pub fn recorded(item: &str) -> String {
    format!("enregistré : {item}")
}
/// The association pays.
pub const ASSOCIATION_PAYS: &str = "l’association paie le reste et les frais";
/// The employer pays.
pub const EMPLOYER_PAYS: &str = "l’employeur paie le reste et les frais";
/// A split.
pub fn split(percent: u32) -> String {
    format!("reste partagé : employeur {percent}\u{a0}%")
}

/// States named in a message: `« convenue » ou « annulée »`.
pub fn states_or(states: &[State]) -> String {
    if states.is_empty() {
        return "aucun : la mission est terminée".into();
    }
    states
        .iter()
        .map(|s| format!("« {} » ({})", state(*s), s.as_str()))
        .collect::<Vec<_>>()
        .join(" ou ")
}
