//! Associations and companies, with the facts the other generators lean on (an
//! association's partner countries and themes, a company's sector).

use std::collections::BTreeSet;

use explor_engine::Money;
use explor_engine::model::{Association, Contact};

use super::draw;
use super::places::{
    ASSOCIATION_SUFFIXES, COMPANY_ENDINGS, COMPANY_ROOTS, DEPTS, FRENCH_NAMES, PARTNERS,
};
use super::rng::Rng;
use super::text::slug;
use super::vocab::THEMES;

/// An association and what its needs are about.
pub(crate) struct AssociationPlan {
    pub record: Association,
    /// Index into `DEPTS`.
    pub dept: usize,
    /// Indexes into `PARTNERS`, main partner first.
    pub partners: Vec<usize>,
    /// Indexes into `THEMES`.
    pub focus: Vec<usize>,
}

/// A company: employer of experts and author of offers.
pub(crate) struct CompanyPlan {
    pub id: String,
    pub name: String,
    pub slug: String,
    /// Index into `THEMES`.
    pub sector: usize,
    pub turnover: Option<Money>,
}

/// Names are drawn at random and checked against those already given; after a few
/// collisions a numeral is appended, so any count can be generated.
fn unique_name(
    rng: &mut Rng,
    taken: &mut BTreeSet<String>,
    mut draw_name: impl FnMut(&mut Rng) -> String,
) -> (String, String) {
    let mut name = draw_name(rng);
    for _ in 0..12 {
        if !taken.contains(&slug(&name, '-')) {
            break;
        }
        name = draw_name(rng);
    }
    let mut candidate = name.clone();
    let mut n = 2;
    while taken.contains(&slug(&candidate, '-')) {
        candidate = format!("{name} {n}");
        n += 1;
    }
    let s = slug(&candidate, '-');
    taken.insert(s.clone());
    (candidate, s)
}

pub(crate) fn associations(rng: &mut Rng, count: usize) -> Vec<AssociationPlan> {
    let mut taken = BTreeSet::new();
    (0..count)
        .map(|_| {
            let dept = draw::dept(rng, true);
            let partner_count = if rng.chance(70) { 1 } else { 2 };
            let partners = draw::partners(rng, partner_count, None);
            let focus_count = if rng.chance(60) { 1 } else { 2 };
            let mut focus = vec![draw::parent(rng)];
            if focus_count == 2 {
                let other = draw::parent(rng);
                if other != focus[0] {
                    focus.push(other);
                }
            }
            let d = &DEPTS[dept];
            let (name, asso_slug) = unique_name(rng, &mut taken, |rng| {
                let territory = rng.pick(d.territories);
                if rng.chance(75) {
                    let partner = &PARTNERS[partners[0]];
                    format!(
                        "{territory} {} {}",
                        partner.short,
                        rng.pick(ASSOCIATION_SUFFIXES)
                    )
                } else {
                    let base = rng.pick(THEMES[focus[0]].association_names);
                    format!("{base} {territory}")
                }
            });
            let contact = rng.chance(92).then(|| {
                let female = rng.chance(55);
                let first = if female {
                    rng.pick(FRENCH_NAMES.women)
                } else {
                    rng.pick(FRENCH_NAMES.men)
                };
                let last = rng.pick(FRENCH_NAMES.surnames);
                let email = if rng.chance(60) {
                    format!("contact@{asso_slug}.example")
                } else {
                    format!(
                        "{}.{}@{asso_slug}.example",
                        slug(first, '-'),
                        slug(last, '-')
                    )
                };
                Contact {
                    name: format!("{first} {last}"),
                    email: rng.chance(95).then_some(email),
                    phone: rng.chance(85).then(|| {
                        format!(
                            "+33 {} {:02} {:02} {:02}",
                            d.phone,
                            rng.below(100),
                            rng.below(100),
                            rng.below(100)
                        )
                    }),
                }
            });
            let field_experience_years = match rng.below(100) {
                0..25 => rng.range(0, 4),
                25..70 => rng.range(5, 14),
                _ => rng.range(15, 40),
            };
            AssociationPlan {
                record: Association {
                    id: format!("asso-{asso_slug}"),
                    name,
                    department: d.code.to_owned(),
                    network_member: rng.chance(88),
                    field_experience_years,
                    mecenat_eligible: rng.chance(75),
                    contact,
                },
                dept,
                partners,
                focus,
            }
        })
        .collect()
}

pub(crate) fn companies(rng: &mut Rng, count: usize) -> Vec<CompanyPlan> {
    let mut taken = BTreeSet::new();
    (0..count)
        .map(|_| {
            let sector = draw::parent(rng);
            let (name, slug) = unique_name(rng, &mut taken, |rng| {
                format!(
                    "{}{} {}",
                    rng.pick(COMPANY_ROOTS),
                    rng.pick(COMPANY_ENDINGS),
                    rng.pick(THEMES[sector].company_words)
                )
            });
            let turnover = rng.chance(85).then(|| {
                // Hundreds of thousands of euros: 0.5 M to 900 M, most companies small.
                let hundreds_k = match rng.below(100) {
                    0..50 => rng.range(5, 50),
                    50..85 => rng.range(50, 500),
                    _ => rng.range(500, 9_000),
                };
                Money::from_euros(i64::from(hundreds_k) * 100_000)
            });
            CompanyPlan {
                id: format!("co-{slug}"),
                name,
                slug,
                sector,
                turnover,
            }
        })
        .collect()
}
