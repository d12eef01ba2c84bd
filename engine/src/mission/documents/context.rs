//! The template context: every fact of a dossier, already worded in French (dates,
//! amounts, labels), so that templates only place text and a non-programmer can edit
//! them. `data/templates/README.md` lists these variables; keep the two in step.

use chrono::Duration;
use serde::Serialize;

use super::booklet::{Booklet, Guide};
use super::costs::{PlanInfo, plan};
use super::people::{PeopleInfo, employer_payer, people};
use super::{DocKind, Dossier, french};
use crate::cost::{CostRules, eur, pct};
use crate::mission::{Change, Mission, State};
use crate::model::{LanguageLevel, NeedKind};
use crate::reference::{AdviceLevel, Reference};
use crate::values::CountryCode;

/// The days between the return and the debrief deadline the documents propose.
const DEBRIEF_DAYS: i64 = 30;

/// Everything a template receives.
#[derive(Debug, Serialize)]
pub(super) struct Context {
    pub(super) doc: DocInfo,
    pub(super) network: NetworkInfo,
    pub(super) mission: MissionInfo,
    association: AssociationInfo,
    partner: PartnerInfo,
    need: NeedInfo,
    place: PlaceInfo,
    people: PeopleInfo,
    plan: Option<PlanInfo>,
    plan_error: Option<String>,
    travel: Option<TravelInfo>,
    booklet: BookletInfo,
    calendar: CalendarInfo,
    log: Vec<LogEntry>,
    checklist: Vec<ChecklistEntry>,
}

#[derive(Debug, Serialize)]
pub(super) struct DocInfo {
    kind: &'static str,
    pub(super) kind_title: &'static str,
    pub(super) title: String,
}

#[derive(Debug, Serialize)]
pub(super) struct NetworkInfo {
    pub(super) name: &'static str,
    description: &'static str,
    programme: &'static str,
    funders: &'static str,
    share_rate: String,
    cap: String,
    fee: String,
}

#[derive(Debug, Serialize)]
pub(super) struct MissionInfo {
    pub(super) id: String,
    state: &'static str,
    state_code: &'static str,
    dates: String,
    start: String,
    end: String,
    start_short: String,
    end_short: String,
    days: u32,
    days_text: String,
    created_on: String,
    payer: String,
    reciprocity: bool,
    kind_text: &'static str,
}

#[derive(Debug, Serialize)]
struct AssociationInfo {
    id: String,
    name: String,
    department: String,
    contact: Option<String>,
    network_member: bool,
    mecenat_eligible: bool,
    experience: Option<String>,
}

#[derive(Debug, Serialize)]
struct PartnerInfo {
    name: String,
    named: bool,
    title: &'static str,
    role: &'static str,
    role_of: &'static str,
    provides: Vec<String>,
    provides_text: Option<String>,
    lodging: bool,
    field_transport: bool,
    meals_per_day: u8,
}

#[derive(Debug, Serialize)]
struct NeedInfo {
    id: String,
    title: String,
    description: String,
    call: Option<String>,
    theme: String,
    theme_path: String,
    skills: Vec<String>,
    skills_text: String,
    languages: Vec<String>,
    languages_text: String,
    preferred_languages: Vec<String>,
    preferred_languages_text: Option<String>,
    window: String,
    duration: String,
    experts_wanted: u32,
    objectives: Vec<String>,
    deliverables: Vec<String>,
    expert_origin: Option<String>,
}

#[derive(Debug, Serialize)]
struct PlaceInfo {
    city: Option<String>,
    country: String,
    country_code: String,
    region: Option<String>,
    subregion: Option<String>,
    region_text: Option<String>,
    text: String,
    in_france: bool,
}

#[derive(Debug, Serialize)]
struct TravelInfo {
    level: String,
    red: bool,
    partial: bool,
    listed: bool,
    /// Not in the list: unknown, to be checked (never taken as safe).
    unknown: bool,
    note: Option<String>,
    date: String,
    source: String,
}

#[derive(Debug, Serialize)]
struct BookletInfo {
    source: String,
    date: String,
    #[serde(flatten)]
    guide: Guide,
}

#[derive(Debug, Serialize)]
struct CalendarInfo {
    arrival: String,
    work: Option<String>,
    restitution: String,
    departure: String,
    debrief_by: String,
}

#[derive(Debug, Serialize)]
struct LogEntry {
    date: String,
    what: String,
    note: Option<String>,
}

#[derive(Debug, Serialize)]
struct ChecklistEntry {
    item: &'static str,
    /// Needed before departure (training, insurance), not after (the debrief).
    before_departure: bool,
    done: Option<String>,
    status: String,
}

/// The context of `kind` for a dossier.
pub(super) fn build(kind: DocKind, d: &Dossier<'_>, reference: &Reference<'_>) -> Context {
    let mission = d.mission;
    let need = d.need;
    let people = people(d, reference);
    let employer_payer = employer_payer(d, &people);
    Context {
        doc: DocInfo {
            kind: kind.as_str(),
            kind_title: kind.title_fr(),
            title: format!("{} — {}", kind.title_fr(), need.title),
        },
        network: network(),
        mission: mission_info(d, &employer_payer),
        association: association(d, reference),
        partner: partner(d),
        need: need_info(d, reference),
        place: place(d, reference),
        plan: d.plan.as_ref().ok().map(|p| plan(d, p, &employer_payer)),
        plan_error: d.plan.as_ref().err().cloned(),
        travel: travel(d, reference),
        booklet: booklet(d),
        calendar: calendar(mission),
        log: log(mission),
        checklist: mission
            .checklist()
            .into_iter()
            .map(|(item, on)| ChecklistEntry {
                item: item.label_fr(),
                before_departure: item != crate::mission::Item::Debrief,
                done: on.map(french::date_short),
                status: on.map_or_else(
                    || crate::fr::documents::TO_DO.to_owned(),
                    |d| crate::fr::documents::done_on(french::date_short(d)),
                ),
            })
            .collect(),
        people,
    }
}

fn network() -> NetworkInfo {
    let p = &CostRules::embedded().programme;
    let n = super::network::Network::embedded();
    NetworkInfo {
        name: &n.name,
        description: &n.description,
        programme: &n.programme,
        funders: &n.funders,
        share_rate: pct(p.network_share_bp),
        cap: eur(p.network_cap_per_mission),
        fee: eur(p.fee_per_mission),
    }
}

fn mission_info(d: &Dossier<'_>, employer_payer: &str) -> MissionInfo {
    let m = d.mission;
    let (from, to) = (m.dates.from(), m.dates.to());
    let reciprocity = d.need.kind == NeedKind::Reciprocity;
    let state = m.state();
    MissionInfo {
        id: m.id.clone(),
        state: state.label_fr(),
        state_code: state.as_str(),
        dates: french::range_long(from, to),
        start: french::date_long(from),
        end: french::date_long(to),
        start_short: french::date_short(from),
        end_short: french::date_short(to),
        days: m.dates.len_days(),
        days_text: french::days(m.dates.len_days()),
        created_on: french::date_long(m.created_on()),
        payer: french::payer(m.payer, &d.association.name, employer_payer),
        reciprocity,
        kind_text: if reciprocity {
            crate::fr::documents::KIND_RECIPROCITY
        } else {
            crate::fr::documents::KIND_STANDARD
        },
    }
}

fn association(d: &Dossier<'_>, reference: &Reference<'_>) -> AssociationInfo {
    let a = d.association;
    let contact = a.contact.as_ref().map(|c| {
        let reach: Vec<&str> = [c.email.as_deref(), c.phone.as_deref()]
            .into_iter()
            .flatten()
            .collect();
        if reach.is_empty() {
            c.name.clone()
        } else {
            format!("{} ({})", c.name, reach.join(", "))
        }
    });
    AssociationInfo {
        id: a.id.clone(),
        name: a.name.clone(),
        department: french::departement(reference, &a.department),
        contact,
        network_member: a.network_member,
        mecenat_eligible: a.mecenat_eligible,
        experience: (a.field_experience_years > 0).then(|| {
            crate::fr::documents::field_experience(french::plural(
                a.field_experience_years,
                "an",
                "ans",
            ))
        }),
    }
}

fn partner(d: &Dossier<'_>) -> PartnerInfo {
    let p = &d.need.local_partner;
    let mut provides = Vec::new();
    if p.provides_lodging {
        provides.push(crate::fr::documents::LODGING.to_owned());
    }
    if p.meals_provided_per_day > 0 {
        provides.push(crate::fr::documents::per_day(french::plural(
            u32::from(p.meals_provided_per_day),
            "repas",
            "repas",
        )));
    }
    if p.provides_field_transport {
        provides.push(crate::fr::documents::LOCAL_TRAVEL.to_owned());
    }
    let (title, role, role_of) = if d.need.kind == NeedKind::Reciprocity {
        (
            "Structure d'accueil",
            crate::fr::documents::HOST,
            crate::fr::documents::OF_HOST,
        )
    } else {
        (
            "Partenaire local",
            crate::fr::documents::LOCAL_PARTNER,
            crate::fr::documents::OF_LOCAL_PARTNER,
        )
    };
    PartnerInfo {
        name: p.name.clone().unwrap_or_else(|| role.to_owned()),
        named: p.name.is_some(),
        title,
        role,
        role_of,
        provides_text: (!provides.is_empty()).then(|| french::and_list(&provides)),
        provides,
        lodging: p.provides_lodging,
        field_transport: p.provides_field_transport,
        meals_per_day: p.meals_provided_per_day,
    }
}

fn need_info(d: &Dossier<'_>, reference: &Reference<'_>) -> NeedInfo {
    let n = d.need;
    let key = n.theme.as_str();
    let label = |k: &str| {
        reference
            .taxonomy
            .get(k)
            .map_or_else(|| k.to_owned(), |t| t.label_fr.clone())
    };
    let path: Vec<String> = reference
        .taxonomy
        .path(key)
        .into_iter()
        .map(label)
        .collect();
    let langs = |ls: &[LanguageLevel]| -> Vec<String> {
        ls.iter().map(|l| french::language(reference, l)).collect()
    };
    let languages = langs(&n.languages);
    let preferred = langs(&n.preferred_languages);
    NeedInfo {
        id: n.id.clone(),
        title: n.title.clone(),
        description: n.description.clone(),
        call: n.call.clone(),
        theme: label(key),
        theme_path: if path.is_empty() {
            label(key)
        } else {
            path.join(" › ")
        },
        skills_text: french::and_list(&n.skills),
        skills: n.skills.clone(),
        languages_text: if languages.is_empty() {
            crate::fr::documents::NO_LANGUAGE_REQUIRED.to_owned()
        } else {
            french::and_list(&languages)
        },
        languages,
        preferred_languages_text: (!preferred.is_empty()).then(|| french::and_list(&preferred)),
        preferred_languages: preferred,
        window: french::range_long(n.window.from(), n.window.to()),
        duration: french::days(n.duration_days),
        experts_wanted: n.experts_wanted,
        objectives: n.objectives.clone(),
        deliverables: n.deliverables.clone(),
        expert_origin: n
            .expert_origin
            .map(|c| french::country(reference, c.as_str())),
    }
}

fn place(d: &Dossier<'_>, reference: &Reference<'_>) -> PlaceInfo {
    let code = d.need.country.as_str();
    let country = reference.countries.get(code);
    let name = french::country(reference, code);
    let city = d.need.city.clone();
    let region = country
        .and_then(|c| c.region.as_ref())
        .map(|r| r.name_fr.clone());
    let subregion = country
        .and_then(|c| c.subregion.as_ref())
        .map(|r| r.name_fr.clone());
    let region_text = match (&subregion, &region) {
        (Some(s), Some(r)) if s != r => Some(format!("{s}, {r}")),
        (Some(one), _) | (None, Some(one)) => Some(one.clone()),
        (None, None) => None,
    };
    PlaceInfo {
        text: match &city {
            Some(c) => format!("{c} ({name})"),
            None => name.clone(),
        },
        city,
        country: name,
        country_code: code.to_owned(),
        region,
        subregion,
        region_text,
        in_france: d.need.country == CountryCode::france(),
    }
}

fn travel(d: &Dossier<'_>, reference: &Reference<'_>) -> Option<TravelInfo> {
    if d.need.kind == NeedKind::Reciprocity {
        return None;
    }
    let t = reference.travel;
    let advice = t.get(d.need.country.as_str());
    Some(TravelInfo {
        level: advice.map_or_else(
            || crate::fr::documents::UNKNOWN_COUNTRY.to_owned(),
            |a| french::advice_level(a.level).to_owned(),
        ),
        red: advice.is_some_and(|a| a.level == AdviceLevel::Red),
        partial: advice.is_some_and(|a| a.level == AdviceLevel::Partial),
        listed: advice.is_some(),
        unknown: advice.is_none(),
        note: advice.and_then(|a| a.note.clone()),
        date: french::iso_date_long(t.date()),
        source: t.source().to_owned(),
    })
}

fn booklet(d: &Dossier<'_>) -> BookletInfo {
    let b = Booklet::embedded();
    let guide = if d.need.kind == NeedKind::Reciprocity {
        &b.reciprocity
    } else {
        &b.abroad
    };
    BookletInfo {
        source: b.source.clone(),
        date: french::iso_date_long(&b.date),
        guide: guide.clone(),
    }
}

/// The outline of the mission's days: arrival and framing on day 1, field work, the
/// restitution on the day before the last, departure on the last.
fn calendar(m: &Mission) -> CalendarInfo {
    let (from, to) = (m.dates.from(), m.dates.to());
    let day = |n: i64| from + Duration::days(n);
    let restitution = if to > from {
        to - Duration::days(1)
    } else {
        to
    };
    let work_from = day(1);
    let work_to = to - Duration::days(2);
    CalendarInfo {
        arrival: french::date_long(from),
        work: (work_from <= work_to).then(|| french::range_long(work_from, work_to)),
        restitution: french::date_long(restitution.max(from)),
        departure: french::date_long(to),
        debrief_by: french::date_long(to + Duration::days(DEBRIEF_DAYS)),
    }
}

fn log(m: &Mission) -> Vec<LogEntry> {
    m.events
        .iter()
        .map(|e| LogEntry {
            date: french::date_short(e.on),
            what: match &e.change {
                Change::Created => crate::fr::documents::CREATED.to_owned(),
                Change::Advanced { to, .. } if *to == State::Cancelled => {
                    crate::fr::documents::CANCELLED.to_owned()
                }
                Change::Advanced { from, to } => {
                    crate::fr::documents::moved(from.label_fr(), to.label_fr())
                }
                Change::Recorded { item } => crate::fr::documents::recorded(item.label_fr()),
                Change::Answered { party, accepted } => {
                    crate::mission::answer_label_fr(party, *accepted)
                }
            },
            note: e.note.clone(),
        })
        .collect()
}
