//! One expert's lines, category by category, and what the local partner provides in
//! kind; every expert of a mission has the same.

use super::arith::{eur, times};
use super::plan::Sources;
use super::rules::CostRules;
use super::stay::{abroad_stay, domestic_stay};
use super::types::{Category, CostError, CostInput};
use crate::reference::Reference;
use crate::values::Money;

pub(super) type Item = (Category, Money, String);

/// One expert's lines and in-kind contributions (every expert has the same).
pub(super) struct ExpertCosts {
    pub(super) lines: Vec<Item>,
    pub(super) in_kind: Vec<Item>,
}

pub(super) fn expert_costs(
    rules: &CostRules,
    reference: &Reference,
    input: &CostInput,
    sources: &mut Sources,
) -> Result<ExpertCosts, CostError> {
    let days = input.days;
    let est = &rules.estimates;
    let mut estimate_used = false;
    let mut lines: Vec<Item> = Vec::with_capacity(Category::ALL.len());
    let mut in_kind: Vec<Item> = Vec::new();

    // National transport.
    lines.push(match input.overrides.national_transport {
        Some(amount) => given(Category::NationalTransport, amount),
        None => {
            estimate_used = true;
            let (amount, what) = if input.reciprocity {
                (
                    est.reciprocity.national_transport,
                    "aéroport – lieu de mission",
                )
            } else {
                (est.abroad.national_transport, "domicile – aéroport")
            };
            (
                Category::NationalTransport,
                amount,
                format!("estimation explor ({what}) : {}", eur(amount)),
            )
        }
    });

    // International transport, by the destination's zone (the origin's for reciprocity).
    lines.push(match input.overrides.international_transport {
        Some(amount) => given(Category::InternationalTransport, amount),
        None => {
            estimate_used = true;
            sources.add(&est.zones_source, &est.date);
            let (table, place, direction) = if input.reciprocity {
                (
                    &est.reciprocity.international_transport,
                    input.expert_origin,
                    "depuis",
                )
            } else {
                (
                    &est.abroad.international_transport,
                    Some(input.country),
                    "vers",
                )
            };
            let zone = place.and_then(|c| est.zone_of(reference.countries, c));
            let priced = zone.and_then(|z| table.by_zone.get(&z.id).map(|a| (z, *a)));
            let (amount, basis) = match (place, priced) {
                (Some(_), Some((z, amount))) => (
                    amount,
                    format!(
                        "estimation explor, aller-retour {direction} la zone {}",
                        z.name_fr
                    ),
                ),
                (Some(c), None) => (
                    table.default,
                    format!(
                        "estimation explor par défaut, aller-retour {direction} {c} (hors zones)"
                    ),
                ),
                (None, _) => (
                    table.default,
                    "estimation explor par défaut, origine non précisée".to_owned(),
                ),
            };
            (
                Category::InternationalTransport,
                amount,
                format!("{basis} : {}", eur(amount)),
            )
        }
    });

    // Insurance, per day.
    lines.push(match input.overrides.insurance {
        Some(amount) => given(Category::Insurance, amount),
        None => {
            estimate_used = true;
            let per_day = if input.reciprocity {
                est.reciprocity.insurance_per_day
            } else {
                est.abroad.insurance_per_day
            };
            (
                Category::Insurance,
                times(per_day, days)?,
                format!("{days} j × {} (estimation explor)", eur(per_day)),
            )
        }
    });

    // Visa.
    lines.push(match input.overrides.visa {
        Some(amount) => given(Category::Visa, amount),
        None if input.reciprocity => {
            let v = &est.reciprocity.visa;
            sources.add(&v.source, &v.date);
            (
                Category::Visa,
                v.amount,
                format!(
                    "visa Schengen court séjour pour la France : {}",
                    eur(v.amount)
                ),
            )
        }
        None => {
            estimate_used = true;
            let table = &est.abroad.visa;
            let (amount, basis) = match table.by_country.get(&input.country) {
                Some(amount) => (*amount, format!("estimation explor pour {}", input.country)),
                None => (
                    table.default,
                    format!("estimation explor par défaut ({} non listé)", input.country),
                ),
            };
            (Category::Visa, amount, format!("{basis} : {}", eur(amount)))
        }
    });

    // Lodging and per diem.
    let (lodging, meals) = if input.reciprocity && input.overrides.per_diem_daily.is_none() {
        domestic_stay(rules, input, sources)?
    } else {
        abroad_stay(rules, input, sources)?
    };
    for (item, kind) in [lodging, meals] {
        lines.push(item);
        in_kind.extend(kind);
    }

    // Field transport, per day.
    let (full, basis) = match input.overrides.field_transport {
        Some(amount) => (amount, format!("montant donné : {}", eur(amount))),
        None => {
            estimate_used = true;
            let per_day = if input.reciprocity {
                est.reciprocity.field_transport_per_day
            } else {
                est.abroad.field_transport_per_day
            };
            (
                times(per_day, days)?,
                format!("{days} j × {} (estimation explor)", eur(per_day)),
            )
        }
    };
    if input.field_transport_provided {
        lines.push((
            Category::FieldTransport,
            Money::ZERO,
            format!("fourni par le partenaire (en nature : {basis})"),
        ));
        in_kind.push((Category::FieldTransport, full, basis));
    } else {
        lines.push((Category::FieldTransport, full, basis));
    }

    if estimate_used {
        sources.add(&est.source, &est.date);
    }
    Ok(ExpertCosts { lines, in_kind })
}

/// A line with an amount given by the user.
fn given(category: Category, amount: Money) -> Item {
    (category, amount, format!("montant donné : {}", eur(amount)))
}
