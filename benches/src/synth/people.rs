//! Experts: who they are, whom they work for, what they know, when they can leave.

use explor_engine::model::Home;
use explor_engine::{
    Cefr, Consent, ConsentScheme, ConsentStatus, CountryCode, Employer, EmployerKind, Expert,
    ExpertStatus, LanguageLevel, Money,
};

use super::draw::{self, ThemePick};
use super::orgs::CompanyPlan;
use super::places::{DEPTS, FRENCH_NAMES, PARTNERS, PUBLIC_BODIES, Partner};
use super::rng::{Cumulative, Rng};
use super::text::{at, cap, list, of, slug};
use super::vocab::{THEMES, TRANSVERSAL_SKILLS};

/// Share (out of 1000) of experts living abroad, candidates for reciprocity needs.
const FOREIGN_PER_MILLE: usize = 80;

/// A public employer with the facts used to choose it.
struct Public {
    employer: Employer,
    /// Index into `DEPTS`, or `None` for region-wide and national bodies.
    dept: Option<usize>,
    regional: bool,
    themes: &'static [&'static str],
}

/// Every employer an expert living in France can have, indexed for fast draws.
pub(crate) struct Employers<'c> {
    companies: &'c [CompanyPlan],
    /// Per parent theme: the companies of that sector and their Zipf weights.
    by_sector: Vec<(Vec<usize>, Cumulative)>,
    all: Cumulative,
    public: Vec<Public>,
    /// Per département, per parent theme: the public employers to choose from.
    public_choice: Vec<Vec<Vec<usize>>>,
}

impl<'c> Employers<'c> {
    pub(crate) fn new(companies: &'c [CompanyPlan]) -> Self {
        let by_sector = (0..THEMES.len())
            .map(|sector| {
                let members: Vec<usize> = companies
                    .iter()
                    .enumerate()
                    .filter(|(_, c)| c.sector == sector)
                    .map(|(i, _)| i)
                    .collect();
                let weights = Cumulative::zipf(members.len(), 2);
                (members, weights)
            })
            .collect();
        let public = public_employers();
        let public_choice = (0..DEPTS.len())
            .map(|d| {
                (0..THEMES.len())
                    .map(|t| {
                        let reachable = |p: &Public| {
                            p.dept == Some(d)
                                || (p.dept.is_none() && (!p.regional || DEPTS[d].occitanie))
                        };
                        let fits =
                            |p: &Public| p.themes.is_empty() || p.themes.contains(&THEMES[t].key);
                        let mut choice: Vec<usize> = (0..public.len())
                            .filter(|&i| reachable(&public[i]) && fits(&public[i]))
                            .collect();
                        if choice.is_empty() {
                            choice = (0..public.len())
                                .filter(|&i| reachable(&public[i]))
                                .collect();
                        }
                        choice
                    })
                    .collect()
            })
            .collect();
        Self {
            companies,
            by_sector,
            all: Cumulative::zipf(companies.len(), 2),
            public,
            public_choice,
        }
    }

    /// A company for an employee whose main theme is `sector`: mostly one of that
    /// sector, big companies more often. `None` when there are no companies at all.
    fn company(&self, rng: &mut Rng, sector: usize) -> Option<usize> {
        let (members, weights) = &self.by_sector[sector];
        if !weights.is_empty() && rng.chance(85) {
            Some(members[weights.draw(rng)])
        } else if !self.all.is_empty() {
            Some(self.all.draw(rng))
        } else {
            None
        }
    }

    fn public_body(&self, rng: &mut Rng, dept: usize, sector: usize) -> &Employer {
        let choice = &self.public_choice[dept][sector];
        // Local bodies first: an agent usually works near home.
        let local: Vec<usize> = choice
            .iter()
            .copied()
            .filter(|&i| self.public[i].dept == Some(dept))
            .collect();
        let i = if !local.is_empty() && rng.chance(60) {
            *rng.pick(&local)
        } else {
            *rng.pick(choice)
        };
        &self.public[i].employer
    }
}

fn public_employers() -> Vec<Public> {
    let mut out = Vec::new();
    let mut add = |name: String,
                   local_authority: bool,
                   dept: Option<usize>,
                   regional: bool,
                   themes: &'static [&'static str]| {
        let kind = if local_authority {
            EmployerKind::LocalAuthority
        } else {
            EmployerKind::PublicBody
        };
        out.push(Public {
            employer: Employer {
                id: format!("pub-{}", slug(&name, '-')),
                name,
                kind,
            },
            dept,
            regional,
            themes,
        });
    };
    for body in PUBLIC_BODIES {
        add(
            body.name.to_owned(),
            body.local_authority,
            None,
            body.regional,
            body.themes,
        );
    }
    for (d, dept) in DEPTS.iter().enumerate() {
        if dept.occitanie {
            add(
                format!("Conseil départemental {}", dept.of),
                true,
                Some(d),
                false,
                &["gouvernance", "social", "education", "environnement"],
            );
            add(
                format!("Chambre d'agriculture {}", dept.of),
                false,
                Some(d),
                false,
                &["agriculture"],
            );
        }
        for (k, city) in dept.cities.iter().enumerate() {
            add(format!("Ville {}", of(city)), true, Some(d), false, &[]);
            if k < 2 {
                add(
                    format!("Centre hospitalier {}", of(city)),
                    false,
                    Some(d),
                    false,
                    &["sante", "social"],
                );
            }
        }
    }
    out
}

/// Experts, and for each the index of its company (employees of companies only).
pub(crate) fn experts(
    rng: &mut Rng,
    count: usize,
    employers: &Employers<'_>,
) -> (Vec<Expert>, Vec<Option<usize>>) {
    let width = count.to_string().len().max(4);
    let mut experts = Vec::with_capacity(count);
    let mut companies = Vec::with_capacity(count);
    for i in 0..count {
        let id = format!("exp-{:0width$}", i + 1);
        let (expert, company) = expert(rng, id, employers);
        experts.push(expert);
        companies.push(company);
    }
    (experts, companies)
}

#[derive(Clone, Copy)]
struct Person {
    female: bool,
}

impl Person {
    fn g<'a>(self, masculine: &'a str, feminine: &'a str) -> &'a str {
        if self.female { feminine } else { masculine }
    }

    fn g_list<'a>(self, men: &'a [&'a str], women: &'a [&'a str]) -> &'a [&'a str] {
        if self.female { women } else { men }
    }
}

fn expert(rng: &mut Rng, id: String, employers: &Employers<'_>) -> (Expert, Option<usize>) {
    let foreign = rng.below(1000) < FOREIGN_PER_MILLE;
    let person = Person {
        female: rng.chance(52),
    };
    let origin = foreign.then(|| draw::origin(rng));
    let names = origin.map_or(&FRENCH_NAMES, |o| PARTNERS[o].names);
    let first = *rng.pick(person.g_list(names.men, names.women));
    let last = *rng.pick(names.surnames);

    let themes = themes(rng);
    let main = themes[0];

    let status = if foreign {
        *rng.weighted(&[
            (ExpertStatus::Employee, 20),
            (ExpertStatus::PublicAgent, 30),
            (ExpertStatus::Independent, 35),
            (ExpertStatus::Retired, 15),
        ])
    } else {
        *rng.weighted(&[
            (ExpertStatus::Employee, 35),
            (ExpertStatus::PublicAgent, 25),
            (ExpertStatus::Independent, 20),
            (ExpertStatus::Retired, 20),
        ])
    };

    let (home, dept) = match origin {
        Some(o) => (
            Home {
                country: draw::partner_code(&PARTNERS[o]),
                department: None,
                city: Some(rng.pick(PARTNERS[o].cities).to_string()),
            },
            None,
        ),
        None => {
            let d = draw::dept(rng, false);
            let city = draw::town(rng, &DEPTS[d]);
            (
                Home {
                    country: CountryCode::france(),
                    department: Some(DEPTS[d].code.to_owned()),
                    city: rng.chance(97).then(|| city.to_owned()),
                },
                Some(d),
            )
        }
    };

    let mut company = None;
    let employer =
        match (status, origin, dept) {
            (ExpertStatus::Employee, None, _) => {
                company = employers.company(rng, main.parent);
                company.map(|c| {
                    let c = &employers.companies[c];
                    Employer {
                        id: c.id.clone(),
                        name: c.name.clone(),
                        kind: EmployerKind::Company,
                    }
                })
            }
            (ExpertStatus::PublicAgent, None, Some(d)) => {
                Some(employers.public_body(rng, d, main.parent).clone())
            }
            (ExpertStatus::Employee | ExpertStatus::PublicAgent, Some(o), _) => Some(
                foreign_employer(rng, status, &PARTNERS[o], home.city.as_deref(), main),
            ),
            _ => None,
        };
    // Without any company in the dataset an employee becomes independent.
    let status = if status.has_employer() && employer.is_none() {
        ExpertStatus::Independent
    } else {
        status
    };
    let consent = if status.has_employer() {
        consent(rng, status)
    } else {
        Consent::default()
    };

    let skill_count = *rng.weighted(&[(2usize, 15), (3, 30), (4, 30), (5, 15), (6, 10)]);
    let trades: Vec<ThemePick> = themes.iter().map(|t| t.focused(rng)).collect();
    let skills = draw::skills(rng, &trades, skill_count);

    let countries = experience(rng, status, origin);
    let languages = languages(rng, origin, &countries);

    let years = match status {
        ExpertStatus::Retired => rng.range(25, 42),
        _ => match rng.below(100) {
            0..35 => rng.range(3, 9),
            35..80 => rng.range(10, 20),
            _ => rng.range(21, 35),
        },
    };
    let bio = bio(BioFacts {
        rng,
        person,
        status,
        main: trades[0],
        employer: employer.as_ref(),
        years,
        skills: &skills,
        countries: &countries,
        origin,
        city: home.city.as_deref(),
    });

    let max_mission_days = *rng.weighted(&[
        (7u32, 3),
        (8, 3),
        (9, 3),
        (10, 16),
        (11, 5),
        (12, 14),
        (13, 5),
        (14, 14),
        (15, 22),
    ]);
    let daily_cost_eur = (status.has_employer() && origin.is_none() && rng.chance(92)).then(|| {
        let (lo, hi) = if status == ExpertStatus::Employee {
            (25, 70)
        } else {
            (20, 45)
        };
        Money::from_euros(i64::from(rng.range(lo, hi)) * 10)
    });
    let missions_done = *rng.weighted(&[
        (0u32, 34),
        (1, 20),
        (2, 14),
        (3, 10),
        (4, 8),
        (5, 5),
        (6, 4),
        (7, 3),
        (8, 2),
    ]);

    let email = rng.chance(93).then(|| {
        let domain = match (&employer, rng.chance(50)) {
            (Some(e), true) if e.kind == EmployerKind::Company => {
                format!("{}.example", e.id.trim_start_matches("co-"))
            }
            _ => rng
                .pick(&["example.org", "example.net", "example.fr"])
                .to_string(),
        };
        let number = if rng.chance(25) {
            rng.range(1, 99).to_string()
        } else {
            String::new()
        };
        format!("{}.{}{number}@{domain}", slug(first, '-'), slug(last, '-'))
    });
    let phone = rng.chance(85).then(|| match origin {
        None => format!(
            "+33 {} {:02} {:02} {:02} {:02}",
            if rng.chance(70) { 6 } else { 7 },
            rng.below(100),
            rng.below(100),
            rng.below(100),
            rng.below(100)
        ),
        Some(o) => format!(
            "{} {:02} {:03} {:02} {:02}",
            PARTNERS[o].dial,
            rng.below(100),
            rng.below(1000),
            rng.below(100),
            rng.below(100)
        ),
    });

    let expert = Expert {
        id,
        name: format!("{first} {last}"),
        email,
        phone,
        home,
        status,
        employer,
        consent,
        themes: themes.iter().map(|t| t.theme_key()).collect(),
        skills,
        bio,
        languages,
        countries,
        availability: draw::availability(rng),
        max_mission_days,
        daily_cost_eur,
        missions_done,
    };
    (expert, company)
}

/// One to three themes: a main one, then mostly neighbours in the taxonomy.
fn themes(rng: &mut Rng) -> Vec<ThemePick> {
    let count = *rng.weighted(&[(1usize, 35), (2, 45), (3, 20)]);
    let first_parent = draw::parent(rng);
    let main = draw::theme_under(rng, first_parent, 85);
    let mut out = vec![main];
    for _ in 0..count * 4 {
        if out.len() >= count {
            break;
        }
        let parent = if rng.chance(75) {
            main.parent
        } else {
            draw::parent(rng)
        };
        let pick = draw::theme_under(rng, parent, 85);
        if !out.contains(&pick) {
            out.push(pick);
        }
    }
    out
}

fn foreign_employer(
    rng: &mut Rng,
    status: ExpertStatus,
    partner: &Partner,
    city: Option<&str>,
    main: ThemePick,
) -> Employer {
    let city = city.unwrap_or(partner.cities[0]);
    let (name, kind, prefix) = if status == ExpertStatus::Employee {
        let name = format!(
            "{} {} {city}",
            rng.pick(&["Bureau d'études", "Cabinet", "Groupe", "Société"]),
            rng.pick(&[
                "Horizon", "Avenir", "Baobab", "Étoile", "Delta", "Kora", "Tropique"
            ])
        );
        (name, EmployerKind::Company, "co")
    } else {
        match main.parent().key {
            "sante" | "social" => (
                format!("Centre hospitalier régional {}", of(city)),
                EmployerKind::PublicBody,
                "pub",
            ),
            "education" => (
                format!("Direction régionale de l'éducation {}", of(city)),
                EmployerKind::PublicBody,
                "pub",
            ),
            "agriculture" => (
                format!("Direction régionale de l'agriculture {}", of(city)),
                EmployerKind::PublicBody,
                "pub",
            ),
            _ => (
                format!("Commune {}", of(city)),
                EmployerKind::LocalAuthority,
                "pub",
            ),
        }
    };
    Employer {
        id: format!(
            "{prefix}-{}-{}",
            partner.code.to_ascii_lowercase(),
            slug(&name, '-')
        ),
        name,
        kind,
    }
}

fn consent(rng: &mut Rng, status: ExpertStatus) -> Consent {
    let scheme = match status {
        ExpertStatus::Employee => *rng.weighted(&[
            (ConsentScheme::MecenatCompetences, 70),
            (ConsentScheme::CongeSolidaire, 30),
        ]),
        _ => *rng.weighted(&[
            (ConsentScheme::MiseADisposition, 80),
            (ConsentScheme::CongeSolidaire, 20),
        ]),
    };
    let consent_status = *rng.weighted(&[
        (ConsentStatus::Granted, 75),
        (ConsentStatus::Pending, 18),
        (ConsentStatus::Refused, 7),
    ]);
    let (valid_from, valid_to) = match rng.below(100) {
        // Open-ended.
        0..8 => (None, None),
        8..13 => (None, Some(draw::date(12, 31))),
        _ => {
            let from = *rng.weighted(&[(1u32, 70), (2, 15), (3, 15)]);
            let to = *rng.weighted(&[
                ((12u32, 31u32), 70),
                ((6, 30), 15),
                ((7, 31), 8),
                ((9, 30), 7),
            ]);
            (Some(draw::date(from, 1)), Some(draw::date(to.0, to.1)))
        }
    };
    Consent {
        scheme,
        status: consent_status,
        valid_from,
        valid_to,
    }
}

/// Countries of past missions: partner countries, more for retirees; foreign experts
/// list their own country first.
fn experience(rng: &mut Rng, status: ExpertStatus, origin: Option<usize>) -> Vec<CountryCode> {
    let mut count = *rng.weighted(&[(0usize, 20), (1, 30), (2, 25), (3, 15), (4, 10)]);
    if status == ExpertStatus::Retired && rng.chance(50) {
        count += 1;
    }
    let mut out: Vec<usize> = Vec::new();
    if let Some(o) = origin {
        out.push(o);
        count = count.min(2);
    }
    out.extend(draw::partners(rng, count, origin));
    out.iter()
        .map(|&p| draw::partner_code(&PARTNERS[p]))
        .collect()
}

const SECOND_LANGUAGE: &[(Cefr, u32)] = &[
    (Cefr::A2, 25),
    (Cefr::B1, 35),
    (Cefr::B2, 30),
    (Cefr::C1, 10),
];

fn languages(
    rng: &mut Rng,
    origin: Option<usize>,
    countries: &[CountryCode],
) -> Vec<LanguageLevel> {
    let mut out = Vec::with_capacity(4);
    match origin {
        None => {
            draw::push_language(&mut out, "fr", Cefr::C2);
            if rng.chance(88) {
                let level = draw::level(
                    rng,
                    &[
                        (Cefr::A2, 12),
                        (Cefr::B1, 33),
                        (Cefr::B2, 35),
                        (Cefr::C1, 17),
                        (Cefr::C2, 3),
                    ],
                );
                draw::push_language(&mut out, "en", level);
            }
            for (code, percent) in [("es", 16), ("de", 6), ("it", 5), ("pt", 5), ("ar", 5)] {
                if rng.chance(percent) {
                    let level = if code == "ar" && rng.chance(50) {
                        // Often a family language.
                        draw::level(rng, &[(Cefr::C1, 50), (Cefr::C2, 50)])
                    } else {
                        draw::level(rng, SECOND_LANGUAGE)
                    };
                    draw::push_language(&mut out, code, level);
                }
            }
            // Some picked up a local language on past missions.
            for country in countries {
                let partner = PARTNERS.iter().find(|p| p.code == country.as_str());
                if let Some(&code) = partner.and_then(|p| p.languages.first())
                    && rng.chance(8)
                {
                    let level = draw::level(rng, &[(Cefr::A1, 40), (Cefr::A2, 40), (Cefr::B1, 20)]);
                    draw::push_language(&mut out, code, level);
                }
            }
            if rng.chance(2) {
                let code = *rng.pick(&["wo", "ln", "bm", "mg"]);
                let level = draw::level(rng, &[(Cefr::B2, 30), (Cefr::C1, 30), (Cefr::C2, 40)]);
                draw::push_language(&mut out, code, level);
            }
        }
        Some(o) => {
            let partner = &PARTNERS[o];
            let french = draw::level(rng, &[(Cefr::B2, 25), (Cefr::C1, 40), (Cefr::C2, 35)]);
            draw::push_language(&mut out, "fr", french);
            if let Some(first) = partner.languages.first() {
                draw::push_language(&mut out, first, Cefr::C2);
            }
            if let Some(second) = partner.languages.get(1)
                && rng.chance(40)
            {
                let level = draw::level(rng, &[(Cefr::B1, 30), (Cefr::B2, 30), (Cefr::C2, 40)]);
                draw::push_language(&mut out, second, level);
            }
            if rng.chance(50) {
                let level = draw::level(rng, &[(Cefr::A2, 30), (Cefr::B1, 40), (Cefr::B2, 30)]);
                draw::push_language(&mut out, "en", level);
            }
        }
    }
    out
}

struct BioFacts<'a, 'r> {
    rng: &'r mut Rng,
    person: Person,
    status: ExpertStatus,
    main: ThemePick,
    employer: Option<&'a Employer>,
    years: u32,
    skills: &'a [String],
    countries: &'a [CountryCode],
    origin: Option<usize>,
    city: Option<&'a str>,
}

/// Three or four sentences from templates: trade and status, field experience, style.
fn bio(f: BioFacts<'_, '_>) -> String {
    let BioFacts {
        rng,
        person: p,
        status,
        main,
        employer,
        years,
        skills,
        countries,
        origin,
        city,
    } = f;
    let child = main.trade();
    let (m, fem) = *rng.pick(child.professions);
    let profession = p.g(m, fem);
    let il = p.g("il", "elle");
    let e = p.g("", "e");
    // The bio speaks of the main trade first.
    let trade = main.skills();
    let mut ordered: Vec<&str> = skills
        .iter()
        .map(String::as_str)
        .filter(|s| trade.contains(s))
        .collect();
    ordered.extend(
        skills
            .iter()
            .map(String::as_str)
            .filter(|s| !trade.contains(s)),
    );
    let skill_a = ordered.first().copied().unwrap_or("son métier");
    let skill_b = ordered.get(1).copied().unwrap_or("la formation");
    let skill_c = ordered.get(2).copied();
    let mut text = String::with_capacity(400);

    if let (Some(_), Some(city)) = (origin, city) {
        text.push_str(&format!("Basé{e} {}, ", at(city)));
    }
    let first = match (status, employer) {
        (ExpertStatus::Employee, Some(emp)) => match rng.below(2) {
            0 => format!(
                "{profession} chez {} depuis {} ans, {il} travaille sur des projets {} et {}.",
                emp.name,
                (years / 2).max(2),
                of(skill_a),
                of(skill_b)
            ),
            _ => format!(
                "{profession} ({years} ans d'expérience), {il} est spécialisé{e} en {skill_a} et en {skill_b} au sein de {}.",
                emp.name
            ),
        },
        (ExpertStatus::PublicAgent, Some(emp)) => format!(
            "{profession} ({}), {il} compte {years} ans d'expérience en {skill_a} et en {skill_b}.",
            emp.name
        ),
        (ExpertStatus::Retired, _) => format!(
            "{} {profession} ({years} ans de carrière), {il} met aujourd'hui son expérience en {skill_a} au service de projets solidaires.",
            p.g("ancien", "ancienne")
        ),
        _ => format!(
            "{} indépendant{e} et {profession} de formation, {il} accompagne depuis {years} ans collectivités et associations en {skill_a} et {skill_b}.",
            p.g("consultant", "consultante")
        ),
    };
    if text.is_empty() {
        text.push_str(&cap(&first));
    } else {
        text.push_str(&first);
    }

    text.push(' ');
    let abroad: Vec<&str> = countries
        .iter()
        .filter(|c| origin.is_none_or(|o| PARTNERS[o].code != c.as_str()))
        .filter_map(|c| PARTNERS.iter().find(|p| p.code == c.as_str()))
        .map(|p| p.at)
        .collect();
    let second = if let Some(o) = origin {
        let partner = &PARTNERS[o];
        if abroad.is_empty() {
            format!(
                "{} souhaite partager avec des acteurs d'Occitanie les pratiques développées {}, dans le cadre d'une mission de réciprocité.",
                cap(il),
                partner.at
            )
        } else {
            format!(
                "Après des missions {}, {il} souhaite partager son expérience avec des acteurs d'Occitanie.",
                list(&abroad)
            )
        }
    } else if abroad.is_empty() {
        match rng.below(2) {
            0 => format!(
                "{} souhaite réaliser une première mission de solidarité internationale.",
                cap(il)
            ),
            _ => format!(
                "Sans expérience à l'international, {il} souhaite mettre ses compétences au service d'un partenaire local."
            ),
        }
    } else {
        match rng.below(3) {
            0 => format!(
                "{} est intervenu{e} {} dans le cadre de projets associatifs.",
                cap(il),
                list(&abroad)
            ),
            1 => format!(
                "Plusieurs missions {} l'ont familiarisé{e} avec les contextes de coopération.",
                list(&abroad)
            ),
            _ => format!(
                "{} a travaillé {} aux côtés de partenaires locaux.",
                cap(il),
                list(&abroad)
            ),
        }
    };
    text.push_str(&second);

    text.push(' ');
    let third = match rng.below(7) {
        0 => "Son approche repose sur le diagnostic partagé et la co-construction des solutions."
            .to_owned(),
        1 => format!("Pédagogue, {il} aime transmettre et former des équipes locales."),
        2 => format!(
            "{} est attaché{e} à l'autonomie des partenaires après la mission.",
            cap(il)
        ),
        3 => format!("Habitué{e} au terrain, {il} s'adapte facilement aux contextes ruraux."),
        4 => match skill_c {
            Some(s) => format!("{} intervient également en {s}.", cap(il)),
            None => format!("{} privilégie les solutions simples et durables.", cap(il)),
        },
        5 => format!(
            "{} a également une solide expérience en {}.",
            cap(il),
            rng.pick(TRANSVERSAL_SKILLS)
        ),
        _ => format!(
            "{} privilégie les solutions simples et durables, adaptées aux moyens locaux.",
            cap(il)
        ),
    };
    text.push_str(&third);
    text
}
