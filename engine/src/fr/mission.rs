//! Missions: the states' labels, and how a typed label is read back.

use std::fmt::Display;

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

/// The expert is not on the mission.
pub fn not_staffed(expert: impl Display, id: impl Display) -> String {
    format!("{expert} ne fait pas partie de la mission {id}")
}

/// A decline without a reason.
pub const NO_REASON: &str = "dites pourquoi la proposition est déclinée";

/// The association, as the party answering a proposal.
pub const PARTY_ASSOCIATION: &str = "l’association";

/// An expert, as the party answering a proposal.
pub fn party_expert(id: impl Display) -> String {
    format!("l’expert {id}")
}

/// A proposal accepted.
const ACCEPTED: &str = "acceptée";

/// A proposal declined.
const DECLINED: &str = "déclinée";

/// A state offered when a typed one is unknown: its label and its key.
pub fn state_choice(label_fr: impl Display, st: impl Display) -> String {
    format!("« {label_fr} » ({st})")
}

/// A state typed that is none of the states.
pub fn unknown_state(s: impl Display, names: impl Display) -> String {
    format!("état inconnu « {s} » (attendu : l’un de {names})")
}

/// Mission days outside the programme's range.
pub fn days_out_of_range(min: impl Display, max: impl Display, days: impl Display) -> String {
    format!("une mission dure de {min} à {max} jours sur le terrain, pas {days}")
}

/// Dates outside the need's window.
pub fn outside_need_window(dates: impl Display, window: impl Display) -> String {
    format!("les dates {dates} ne sont pas dans la période du besoin {window}")
}

/// Nobody to send.
pub const NO_EXPERT: &str = "une mission demande au moins un expert";

/// The same expert named twice.
pub fn named_twice(value: impl Display) -> String {
    format!("{value} est nommé deux fois")
}

/// A move that can be dated from a day on.
pub fn on_or_after(a: impl Display) -> String {
    format!("ce passage se date du {a} ou après")
}

/// A move that cannot be dated.
pub const NOT_DATABLE: &str = "ce passage ne peut pas être daté";

/// A prerequisite not recorded, with the command recording it.
pub fn not_recorded(label_fr: impl Display, value: impl Display, item: impl Display) -> String {
    format!("{label_fr} non enregistré(e) (explor mission record {value} {item})")
}

/// An erased expert, who cannot leave.
pub fn erased_cannot_leave(id: impl Display) -> String {
    format!(
        "{id} a été effacé·e à sa demande : ne peut pas partir (annuler la mission ou la pourvoir à nouveau)"
    )
}

/// An employer's consent that does not cover the mission's dates.
pub fn consent_not_covering(
    date: impl Display,
    date2: impl Display,
    dates: impl Display,
) -> String {
    format!(
        "l’accord de l’employeur (valable du {date} au {date2}) ne couvre pas les dates de la mission {dates}"
    )
}

/// An employer's consent noted "not required" where it is.
pub const CONSENT_WRONGLY_NOT_REQUIRED: &str =
    "l’accord de l’employeur est noté « non requis » ; il l’est";

/// The mission is no longer a proposal.
pub fn not_proposed(id: impl Display, state: impl Display) -> String {
    format!("la mission {id} est « {state} » : seule une mission proposée reçoit une réponse")
}

/// The day is before the mission's last event.
pub fn answer_before_last_event(id: impl Display, last: impl Display) -> String {
    format!(
        "mission {id} : une réponse ne peut pas être datée d’avant le dernier événement ({last})"
    )
}

/// A move the lifecycle does not allow.
pub fn illegal_transition(
    id: impl Display,
    from: impl Display,
    to: impl Display,
    allowed: impl Display,
) -> String {
    format!(
        "la mission {id} est « {from} » : elle ne peut pas passer à « {to} » ; elle peut passer à {allowed}"
    )
}

/// A move whose prerequisites are not met.
pub fn prerequisites(id: impl Display, to: impl Display, missing: impl Display) -> String {
    format!("la mission {id} ne peut pas encore passer à « {to} » : {missing}")
}

/// A finished mission takes no more records.
pub fn finished(id: impl Display, state: impl Display) -> String {
    format!("la mission {id} est « {state} » : plus rien ne peut être enregistré")
}

/// An item recorded twice.
pub fn already_recorded(
    id: impl Display,
    label: impl Display,
    item: impl Display,
    on: impl Display,
) -> String {
    format!("mission {id} : {label} ({item}) est déjà enregistré(e) le {on}")
}

/// An item recorded too early.
pub fn too_early(
    id: impl Display,
    state: impl Display,
    label: impl Display,
    item: impl Display,
    after: impl Display,
) -> String {
    format!(
        "la mission {id} est « {state} » : {label} ({item}) s’enregistre une fois la mission « {after} »"
    )
}

/// An event dated before the last one in the log.
pub fn before_last_event(id: impl Display, last: impl Display, on: impl Display) -> String {
    format!(
        "mission {id} : le dernier événement du journal est du {last} ; un nouveau ne peut pas être daté du {on}"
    )
}

/// A move dated where the mission's own dates rule it out.
pub fn outside_dates(
    id: impl Display,
    dates: impl Display,
    to: impl Display,
    on: impl Display,
    latest: impl Display,
) -> String {
    format!("la mission {id} a lieu {dates} : elle ne peut pas être « {to} » le {on} ; {latest}")
}

/// More people than the need still wants.
pub fn need_staffed(
    need: impl Display,
    wanted: impl Display,
    already: impl Display,
    missions: impl Display,
    left: impl Display,
    asked: impl Display,
) -> String {
    format!(
        "le besoin {need} demande {wanted} expert(s) ; {already} déjà en mission ({missions}), donc au plus {left} de plus, pas {asked}"
    )
}

/// People each eligible alone but never on the same dates.
pub fn no_common_dates(people: impl Display, days: impl Display, window: impl Display) -> String {
    format!("{people} n’ont pas {days} jours en commun dans la période {window}")
}

/// Candidates failing gates on the chosen dates.
pub fn not_eligible(dates: impl Display, failures: impl Display) -> String {
    format!("non éligible sur {dates} : {failures}")
}

/// No mission yet, where missions are listed.
pub const NO_MISSION: &str = "aucune";

/// An answer to a proposal: `proposition acceptée par l’association`.
pub fn answer(accepted: bool, party: &str) -> String {
    format!(
        "proposition {} par {party}",
        if accepted { ACCEPTED } else { DECLINED }
    )
}
/// A move that can be dated between two days.
pub fn between(first: &str, last: &str) -> String {
    format!("ce passage se date du {first} au {last}")
}
/// A move that can be dated up to a day.
pub fn on_or_before(day: &str) -> String {
    format!("ce passage se date du {day} ou avant")
}
/// What keeps one person from leaving.
pub fn person_problem(id: &str, problem: &str) -> String {
    format!("{id} : {problem}")
}

/// Any days of a window (when no dates are chosen).
pub fn any_days(days: impl Display, window: impl Display) -> String {
    format!("{days} jours quelconques de {window}")
}
