//! Needs of associations and company offers.

use explor_engine::model::Company;
use explor_engine::{
    Cefr, CountryCode, Expert, LanguageLevel, LocalPartner, Need, NeedKind, Offer,
};

use super::draw::{self, ThemePick};
use super::orgs::{AssociationPlan, CompanyPlan};
use super::places::{DEPTS, MissionLanguage, PARTNERS};
use super::rng::{Cumulative, Rng};
use super::text::{at, cap, list, of, without_article};

/// Share (out of 100) of reciprocity needs: an expert from abroad comes to Occitanie.
const RECIPROCITY_PERCENT: u32 = 15;

const DELIVERABLES: &[&str] = &[
    "Rapport de mission",
    "Restitution aux acteurs locaux",
    "Plan d'action chiffré",
    "Supports de formation",
    "Note de recommandations",
    "Cahier des charges",
    "Compte rendu des ateliers",
];

pub(crate) fn needs(
    rng: &mut Rng,
    count: usize,
    associations: &[AssociationPlan],
    calls: &[String],
) -> Vec<Need> {
    if associations.is_empty() {
        return Vec::new();
    }
    let width = count.to_string().len().max(4);
    // Most associations file a few needs, some many more; the spread does not depend
    // on how many associations there are.
    let busy = Cumulative::from_weights(
        associations
            .iter()
            .map(|_| *rng.weighted(&[(1u64, 40), (2, 25), (4, 20), (8, 10), (16, 5)]))
            .collect::<Vec<_>>(),
    );
    (0..count)
        .map(|i| {
            let asso = &associations[busy.draw(rng)];
            need(rng, i + 1, width, asso, calls)
        })
        .collect()
}

fn need(
    rng: &mut Rng,
    number: usize,
    width: usize,
    asso: &AssociationPlan,
    calls: &[String],
) -> Need {
    let reciprocity = rng.chance(RECIPROCITY_PERCENT);
    let parent = if rng.chance(80) {
        *rng.pick(&asso.focus)
    } else {
        draw::parent(rng)
    };
    let theme = draw::theme_under(rng, parent, 85);
    let trade = theme.focused(rng);
    let skill_count = *rng.weighted(&[(2usize, 35), (3, 45), (4, 20)]);
    let skills = draw::skills(rng, &[trade], skill_count);
    let activity = *rng.pick(trade.trade().activities);

    let duration_days = *rng.weighted(&[
        (7u32, 8),
        (8, 4),
        (9, 4),
        (10, 18),
        (11, 5),
        (12, 12),
        (13, 4),
        (14, 16),
        (15, 14),
    ]);
    let weeks = rng.range(3, 16);
    let call = (!calls.is_empty()).then(|| rng.below(calls.len()));
    let window = draw::window_in_slot(
        rng,
        weeks,
        call.unwrap_or(0),
        call.map_or(1, |_| calls.len()),
    );

    let experts_wanted = *rng.weighted(&[(1u32, 80), (2, 15), (3, 5)]);
    let asso_name = &asso.record.name;

    let (country, city, languages, preferred, expert_origin, partner_name, title, description);
    if reciprocity {
        let d = if rng.chance(70) {
            asso.dept
        } else {
            draw::dept(rng, true)
        };
        let town = draw::town(rng, &DEPTS[d]);
        let origin = rng.chance(60).then(|| {
            asso.partners
                .iter()
                .copied()
                .find(|&p| PARTNERS[p].origin_weight > 0)
                .unwrap_or_else(|| draw::origin(rng))
        });
        country = CountryCode::france();
        city = Some(town.to_owned());
        let level = draw::level(rng, &[(Cefr::B1, 40), (Cefr::B2, 45), (Cefr::C1, 15)]);
        languages = vec![LanguageLevel {
            code: draw::language("fr"),
            level,
        }];
        preferred = if rng.chance(20) {
            vec![LanguageLevel {
                code: draw::language("en"),
                level: Cefr::B1,
            }]
        } else {
            Vec::new()
        };
        expert_origin = origin.map(|o| draw::partner_code(&PARTNERS[o]));
        let host = format!("{} {}", rng.pick(theme.parent().hosts), of(town));
        let host_name = cap(without_article(&host));
        let from = origin.map_or("d'un pays partenaire", |o| PARTNERS[o].of);
        title = if origin.is_some() && rng.chance(50) {
            format!("Accueil d'un expert {from} : {}", without_article(activity))
        } else {
            format!("Échange de pratiques en {} {}", skills[0], at(town))
        };
        let mut text = format!(
            "Dans le cadre d'un échange de réciprocité, {asso_name} accueille {} un expert {from}. ",
            at(town)
        );
        text.push_str(&format!(
            "{} souhaite bénéficier de son regard sur {activity}. ",
            cap(&host)
        ));
        text.push_str(&skills_sentence(rng, duration_days, &skills));
        text.push(' ');
        text.push_str(&match origin {
            Some(o) => format!(
                "Cette mission prolonge les échanges engagés {} avec les partenaires de l'association.",
                PARTNERS[o].at
            ),
            None => "L'expert partagera les pratiques de son pays avec les équipes locales."
                .to_owned(),
        });
        description = text;
        partner_name = host_name;
    } else {
        let p = if rng.chance(85) {
            *rng.pick(&asso.partners)
        } else {
            draw::partner(rng)
        };
        let partner = &PARTNERS[p];
        let town = *rng.pick(partner.cities);
        country = draw::partner_code(partner);
        city = rng.chance(95).then(|| town.to_owned());
        let (required, prefer) =
            mission_languages(rng, partner.mission_language, partner.languages);
        languages = required;
        preferred = prefer;
        expert_origin = None;
        let local = format!("{} {}", rng.pick(theme.parent().partners), of(town));
        let local_name = cap(without_article(&local));
        title = match rng.below(100) {
            0..45 => format!("{} {}", cap(without_article(activity)), at(town)),
            45..75 => format!("{} {}", cap(without_article(activity)), partner.at),
            _ => cap(without_article(activity)),
        };
        let beneficiaries = rng.pick(theme.parent().beneficiaries);
        let opening = rng.below(3);
        let mut text = match opening {
            0 => format!("{} accompagne {beneficiaries}. ", cap(&local)),
            1 => format!(
                "{}, {local} travaille depuis plusieurs années avec {beneficiaries}. ",
                cap(&at(town))
            ),
            _ => format!("{asso_name} soutient {local}, qui accompagne {beneficiaries}. "),
        };
        // The association is named once.
        let ask = if opening == 2 {
            rng.below(2)
        } else {
            rng.below(3)
        };
        text.push_str(&match ask {
            0 => format!("Le partenaire sollicite un appui pour {activity}. "),
            1 => {
                format!("Le besoin porte sur {activity}, jugé prioritaire par les acteurs locaux. ")
            }
            _ => format!("{asso_name} recherche une expertise pour {activity}. "),
        });
        text.push_str(&skills_sentence(rng, duration_days, &skills));
        if rng.chance(60) {
            text.push(' ');
            let closing = *rng.pick(&[
                "Une restitution aux acteurs locaux est prévue en fin de mission.",
                "Les résultats serviront de base à un projet plus large porté avec les autorités locales.",
                "Un temps de formation de l'équipe locale est attendu.",
                "Le partenaire assure l'accueil et la logistique sur place.",
            ]);
            text.push_str(closing);
        }
        description = text;
        partner_name = local_name;
    }

    let objective_pool = [
        "Établir un état des lieux partagé avec le partenaire".to_owned(),
        format!("Former l'équipe locale en {}", skills[0]),
        "Proposer un plan d'action chiffré".to_owned(),
        format!(
            "Renforcer l'autonomie du partenaire en {}",
            skills.get(1).unwrap_or(&skills[0])
        ),
        "Identifier les priorités d'intervention".to_owned(),
        format!("Accompagner {activity}"),
    ];
    let n = rng_count(rng, 1, 3);
    let objectives = rng.sample(&objective_pool, n);
    let n = rng_count(rng, 1, 3);
    let deliverables = rng
        .sample(DELIVERABLES, n)
        .into_iter()
        .map(str::to_owned)
        .collect();
    let local_partner = if rng.chance(90) {
        LocalPartner {
            name: Some(partner_name),
            provides_lodging: rng.chance(if reciprocity { 80 } else { 60 }),
            provides_field_transport: rng.chance(50),
            meals_provided_per_day: *rng.weighted(&[(0u8, 40), (1, 30), (2, 30)]),
        }
    } else {
        LocalPartner::default()
    };

    Need {
        id: format!(
            "need-{}-{}-{number:0width$}",
            country.as_str().to_ascii_lowercase(),
            theme.key().replace('_', "-")
        ),
        association: asso.record.id.clone(),
        call: call.map(|c| calls[c].clone()),
        kind: if reciprocity {
            NeedKind::Reciprocity
        } else {
            NeedKind::Standard
        },
        title,
        description,
        theme: theme.theme_key(),
        skills,
        country,
        city,
        languages,
        preferred_languages: preferred,
        window,
        duration_days,
        experts_wanted,
        objectives,
        deliverables,
        local_partner,
        expert_origin,
    }
}

fn rng_count(rng: &mut Rng, lo: u32, hi: u32) -> usize {
    rng.range(lo, hi) as usize
}

fn skills_sentence(rng: &mut Rng, duration_days: u32, skills: &[String]) -> String {
    let names: Vec<&str> = skills.iter().map(String::as_str).collect();
    match rng.below(2) {
        0 => format!(
            "La mission de {duration_days} jours mobilisera des compétences en {}.",
            list(&names)
        ),
        _ => format!(
            "L'intervention portera sur {}, en lien étroit avec l'équipe locale.",
            list(&names)
        ),
    }
}

/// Required and preferred languages of a mission abroad.
fn mission_languages(
    rng: &mut Rng,
    language: MissionLanguage,
    local: &[&str],
) -> (Vec<LanguageLevel>, Vec<LanguageLevel>) {
    let mut required = Vec::new();
    let french =
        |rng: &mut Rng| draw::level(rng, &[(Cefr::B1, 30), (Cefr::B2, 50), (Cefr::C1, 20)]);
    match language {
        MissionLanguage::French => {
            let level = french(rng);
            draw::push_language(&mut required, "fr", level);
            if rng.chance(5) {
                draw::push_language(&mut required, "en", Cefr::B2);
            }
        }
        MissionLanguage::FrenchOrEnglish => {
            if rng.chance(50) {
                draw::push_language(&mut required, "en", Cefr::B2);
            } else {
                let level = french(rng);
                draw::push_language(&mut required, "fr", level);
            }
        }
        MissionLanguage::Spanish => draw::push_language(&mut required, "es", Cefr::B2),
        MissionLanguage::Portuguese => draw::push_language(&mut required, "pt", Cefr::B2),
    }
    let mut preferred = Vec::new();
    if let Some(first) = local.first()
        && rng.chance(50)
        && !required.iter().any(|l| l.code.as_str() == *first)
    {
        let level = draw::level(rng, &[(Cefr::A1, 30), (Cefr::A2, 50), (Cefr::B1, 20)]);
        draw::push_language(&mut preferred, first, level);
    }
    if rng.chance(15) && !required.iter().any(|l| l.code.as_str() == "en") {
        draw::push_language(&mut preferred, "en", Cefr::B1);
    }
    (required, preferred)
}

/// Offers of the companies with the most employees among the experts, each naming
/// some of them. `company_of[e]` is the company of expert `e`, if any.
pub(crate) fn offers(
    rng: &mut Rng,
    count: usize,
    companies: &[CompanyPlan],
    experts: &[Expert],
    company_of: &[Option<usize>],
) -> Vec<Offer> {
    let mut employees: Vec<Vec<usize>> = vec![Vec::new(); companies.len()];
    for (e, c) in company_of.iter().enumerate() {
        if let Some(c) = c {
            employees[*c].push(e);
        }
    }
    let mut order: Vec<usize> = (0..companies.len()).collect();
    // Stable sort on a total key: ties keep company order, so the output is reproducible.
    order.sort_by_key(|&c| std::cmp::Reverse(employees[c].len()));
    order
        .into_iter()
        .take(count)
        .map(|c| offer(rng, &companies[c], &employees[c], experts))
        .collect()
}

fn offer(rng: &mut Rng, company: &CompanyPlan, staff: &[usize], experts: &[Expert]) -> Offer {
    let sector = company.sector;
    let theme_count = if rng.chance(65) { 1 } else { 2 };
    let mut themes: Vec<ThemePick> = Vec::with_capacity(2);
    for _ in 0..theme_count * 3 {
        if themes.len() >= theme_count {
            break;
        }
        let t = draw::theme_under(rng, sector, 80);
        if !themes.contains(&t) {
            themes.push(t);
        }
    }
    let skill_count = rng_count(rng, 3, 5);
    let trades: Vec<ThemePick> = themes.iter().map(|t| t.focused(rng)).collect();
    let skills = draw::skills(rng, &trades, skill_count);
    let activity = *rng.pick(trades[0].trade().activities);
    let title = if rng.chance(70) {
        cap(without_article(activity))
    } else {
        format!("Mécénat de compétences : {}", without_article(activity))
    };

    let countries: Vec<CountryCode> = if rng.chance(50) {
        Vec::new()
    } else {
        let n = rng_count(rng, 1, 3);
        draw::partners(rng, n, None)
            .into_iter()
            .map(|p| draw::partner_code(&PARTNERS[p]))
            .collect()
    };

    let named: Vec<String> = if !staff.is_empty() && rng.chance(65) {
        let n = rng_count(rng, 1, 3);
        rng.sample(staff, n)
            .into_iter()
            .map(|e| experts[e].id.clone())
            .collect()
    } else {
        Vec::new()
    };
    let headcount =
        (*rng.weighted(&[(1u32, 30), (2, 30), (3, 20), (4, 10), (5, 10)])).max(named.len() as u32);

    let skill_names: Vec<&str> = skills.iter().map(String::as_str).collect();
    let mut description = format!(
        "{} met à disposition des salariés volontaires, en mécénat de compétences, pour {activity}. Nos équipes interviennent en {}.",
        company.name,
        list(&skill_names)
    );
    if !countries.is_empty() {
        let places: Vec<&str> = countries
            .iter()
            .filter_map(|c| PARTNERS.iter().find(|p| p.code == c.as_str()))
            .map(|p| p.at)
            .collect();
        description.push_str(&format!(" Missions possibles {}.", list(&places)));
    }

    let mut languages = Vec::new();
    draw::push_language(&mut languages, "fr", Cefr::C2);
    match rng.below(100) {
        0..50 => draw::push_language(&mut languages, "en", Cefr::B1),
        50..85 => draw::push_language(&mut languages, "en", Cefr::B2),
        _ => {}
    }
    if rng.chance(10) {
        draw::push_language(&mut languages, "es", Cefr::B1);
    }

    let weeks = rng.range(8, 30);
    let window = draw::window_in_slot(rng, weeks, 0, 1);

    Offer {
        id: format!("off-{}-{}", company.slug, draw::YEAR),
        company: Company {
            id: company.id.clone(),
            name: company.name.clone(),
            turnover_eur: company.turnover,
        },
        title,
        description,
        themes: themes.iter().map(|t| t.theme_key()).collect(),
        skills,
        languages,
        countries,
        experts: named,
        headcount,
        window,
        max_mission_days: *rng.weighted(&[(10u32, 20), (12, 25), (14, 20), (15, 35)]),
        covers_remaining_costs: rng.chance(40),
    }
}
