//! Who goes on the mission, as the documents name them: experts (or the erased
//! mention), the offering company, the employers and their consent.

use serde::Serialize;

use super::french::{ERASED, NONE};
use super::{Dossier, french};
use crate::cost::RemainderPayer;
use crate::mission::Staff;
use crate::model::{ConsentScheme, EmployerKind, Expert};
use crate::reference::Reference;

/// `people`: who goes, worded for the documents.
#[derive(Debug, Serialize)]
pub(super) struct PeopleInfo {
    summary: String,
    count: u32,
    count_text: String,
    experts: Vec<Person>,
    offer: Option<OfferInfo>,
    employers: Vec<EmployerInfo>,
    erased: bool,
}

/// One of `people.experts`; an erased person carries only the erased mention.
#[derive(Debug, Serialize)]
struct Person {
    number: u32,
    erased: bool,
    id: String,
    name: String,
    status: String,
    employer: String,
    mobilisation: String,
    home: String,
    languages: String,
    summary: String,
}

/// `people.offer`: the company that names its employee later.
#[derive(Debug, Serialize)]
struct OfferInfo {
    id: String,
    title: String,
    company: String,
    description: String,
    people: u32,
    people_text: String,
    skills_text: String,
    covers_remaining_costs: bool,
}

/// One of `people.employers`, with the mobilisation scheme and consent.
#[derive(Debug, Serialize)]
struct EmployerInfo {
    name: String,
    kind: String,
    scheme: String,
    consent: String,
    of: String,
}

fn person(number: u32, id: &str, expert: Option<&Expert>, reference: &Reference<'_>) -> Person {
    let Some(e) = expert else {
        return Person {
            number,
            erased: true,
            id: NONE.to_owned(),
            name: ERASED.to_owned(),
            status: NONE.to_owned(),
            employer: NONE.to_owned(),
            mobilisation: NONE.to_owned(),
            home: NONE.to_owned(),
            languages: NONE.to_owned(),
            summary: ERASED.to_owned(),
        };
    };
    let status = french::status(e.status);
    let employer = e.employer.as_ref().map(|em| em.name.clone());
    let mobilisation = if e.status.has_employer() {
        let validity = french::validity(e.consent.valid_from, e.consent.valid_to);
        let mut text = format!(
            "{} ({}",
            french::scheme(e.consent.scheme),
            french::consent_status(e.consent.status)
        );
        if !validity.is_empty() {
            text.push_str(", ");
            text.push_str(&validity);
        }
        text.push(')');
        text
    } else {
        crate::fr::documents::VOLUNTEER.to_owned()
    };
    let mut home: Vec<String> = Vec::new();
    if let Some(city) = &e.home.city {
        home.push(city.clone());
    }
    if let Some(dep) = &e.home.department {
        home.push(french::departement(reference, dep));
    }
    if e.is_foreign() || home.is_empty() {
        home.push(french::country(reference, e.home.country.as_str()));
    }
    let languages: Vec<String> = e
        .languages
        .iter()
        .map(|l| french::language(reference, l))
        .collect();
    let mut summary = format!("{}, {status}", e.name);
    if let Some(em) = &employer {
        summary.push_str(", ");
        summary.push_str(em);
    }
    if e.is_foreign() {
        summary.push_str(&format!(" ({})", home.join(", ")));
    }
    Person {
        number,
        erased: false,
        id: id.to_owned(),
        name: e.name.clone(),
        status: status.to_owned(),
        employer: employer.unwrap_or_else(|| NONE.to_owned()),
        mobilisation,
        home: home.join(", "),
        languages: french::and_list(&languages),
        summary,
    }
}

pub(super) fn people(d: &Dossier<'_>, reference: &Reference<'_>) -> PeopleInfo {
    let experts: Vec<Person> = d
        .experts
        .iter()
        .zip(1u32..)
        .map(|((id, e), n)| person(n, id, *e, reference))
        .collect();
    let count = d.mission.staff.people();
    let offer = match &d.mission.staff {
        Staff::Experts { .. } => None,
        Staff::Offer { offer } => Some(offer_info(offer, count, d)),
    };

    let employers = employers(d, offer.as_ref());

    let summary = match &offer {
        Some(o) => crate::fr::documents::offer_people(&o.people_text, &o.title),
        None => {
            let names: Vec<String> = experts.iter().map(|p| p.summary.clone()).collect();
            if names.is_empty() {
                crate::fr::documents::TO_BE_NAMED.to_owned()
            } else {
                names.join(" ; ")
            }
        }
    };
    PeopleInfo {
        summary,
        count,
        count_text: crate::fr::documents::people(count),
        erased: experts.iter().any(|p| p.erased),
        experts,
        offer,
        employers,
    }
}

/// The experts' employers, each once with the experts it lends, and the offering
/// company when it is not one of them.
fn employers(d: &Dossier<'_>, offer: Option<&OfferInfo>) -> Vec<EmployerInfo> {
    let mut employers: Vec<(String, EmployerInfo)> = Vec::new();
    for e in d.experts.iter().filter_map(|(_, e)| *e) {
        let Some(em) = &e.employer else { continue };
        if let Some((_, known)) = employers.iter_mut().find(|(id, _)| *id == em.id) {
            known.of = format!("{}, {}", known.of, e.name);
            continue;
        }
        let validity = french::validity(e.consent.valid_from, e.consent.valid_to);
        let status = french::consent_status(e.consent.status);
        employers.push((
            em.id.clone(),
            EmployerInfo {
                name: em.name.clone(),
                kind: french::employer_kind(em.kind).to_owned(),
                scheme: french::scheme(e.consent.scheme).to_owned(),
                consent: if validity.is_empty() {
                    status.to_owned()
                } else {
                    format!("{status}, {validity}")
                },
                of: e.name.clone(),
            },
        ));
    }
    let mut employers: Vec<EmployerInfo> = employers.into_iter().map(|(_, e)| e).collect();
    if let Some(o) = offer
        && !employers.iter().any(|e| e.name == o.company)
    {
        employers.push(EmployerInfo {
            name: o.company.clone(),
            kind: french::employer_kind(EmployerKind::Company).to_owned(),
            scheme: french::scheme(ConsentScheme::MecenatCompetences).to_owned(),
            consent: crate::fr::documents::CONSENT_TO_FORMALISE.to_owned(),
            of: if o.people > 1 {
                crate::fr::documents::PEOPLE_IT_NAMES.to_owned()
            } else {
                crate::fr::documents::PERSON_IT_NAMES.to_owned()
            },
        });
    }
    employers
}

fn offer_info(id: &str, people: u32, d: &Dossier<'_>) -> OfferInfo {
    let who = crate::fr::documents::people(people);
    match d.offer {
        Some(o) => OfferInfo {
            id: o.id.clone(),
            title: o.title.clone(),
            company: o.company.name.clone(),
            description: o.description.clone(),
            people,
            people_text: crate::fr::documents::named_by(&who, &o.company.name),
            skills_text: french::and_list(&o.skills),
            covers_remaining_costs: o.covers_remaining_costs,
        },
        None => OfferInfo {
            id: id.to_owned(),
            title: crate::fr::documents::offer(id),
            company: "l'entreprise".to_owned(),
            description: String::new(),
            people,
            people_text: crate::fr::documents::named_by_offer(&who, id),
            skills_text: String::new(),
            covers_remaining_costs: false,
        },
    }
}

/// Who "the employer" is when it pays: the offering company, else the experts'
/// employers.
pub(super) fn employer_payer(d: &Dossier<'_>, people: &PeopleInfo) -> String {
    if let Some(o) = &people.offer {
        return format!("l'entreprise {}", o.company);
    }
    let names: Vec<String> = people.employers.iter().map(|e| e.name.clone()).collect();
    match names.as_slice() {
        [] if d.mission.payer == RemainderPayer::Association => "l'employeur".to_owned(),
        [] => crate::fr::documents::EMPLOYER_UNKNOWN.to_owned(),
        [one] => format!("l'employeur ({one})"),
        _ => crate::fr::documents::employers(french::and_list(&names)),
    }
}
