//! Lodging and per diem for one expert: abroad, 65 % and 35 % of the daily rate R; in
//! France (reciprocity), the domestic night and meal rates. Lodging or meals the partner
//! provides become 0 on the line and their value in kind.

use super::arith::{eur, money, pct, round_div, times, to_eur};
use super::parts::{CategoryCost, ExpertLine, Sources};
use super::rules::{CostRules, DomesticRates, ExactDecimal, FULL_BP};
use super::types::{Category, CostError, CostInput};
use crate::values::Money;

/// The lodging line: paid, or provided by the partner (then 0, and its value in kind).
fn lodging_line(provided: bool, full: Money, basis: String) -> CategoryCost {
    ExpertLine::new(Category::Lodging, full, basis).unless_provided(provided)
}

/// Lodging and per diem abroad from the daily rate R: 65 % and 35 % of R per day.
pub(super) fn abroad_stay(
    rules: &CostRules,
    input: &CostInput,
    sources: &mut Sources,
) -> Result<(CategoryCost, CategoryCost), CostError> {
    let split = &rules.per_diem_split;
    let (rate, rate_text) = daily_rate(rules, input, sources)?;
    sources.add(&split.source, &split.date);
    let days = input.days;
    let r = i128::from(rate.cents()) * i128::from(days);
    let part = |bp: u32| money(round_div(r * i128::from(bp), i128::from(FULL_BP)));

    let lodging_full = part(split.lodging_bp)?;
    let lodging_basis = format!("{days} j × {} × {rate_text}", pct(split.lodging_bp));
    let lodging = lodging_line(input.lodging_provided, lodging_full, lodging_basis);

    let m = input.meals_provided_per_day;
    let meals = if m == 0 {
        let basis = format!("{days} j × {} × {rate_text}", pct(split.meals_bp));
        ExpertLine::new(Category::PerDiem, part(split.meals_bp)?, basis).paid()
    } else {
        let line_bp = split
            .meals_bp
            .saturating_sub(u32::from(m) * split.per_meal_bp);
        let provided = if m == 1 { "fourni" } else { "fournis" };
        let basis = format!(
            "{days} j × ({} − {m} repas {provided} × {}) × {rate_text}",
            pct(split.meals_bp),
            pct(split.per_meal_bp)
        );
        let kind_basis = format!(
            "{days} j × {m} repas × {} × {rate_text}",
            pct(split.per_meal_bp)
        );
        CategoryCost {
            line: ExpertLine::new(Category::PerDiem, part(line_bp)?, basis),
            in_kind: Some(ExpertLine::new(
                Category::PerDiem,
                part(u32::from(m) * split.per_meal_bp)?,
                kind_basis,
            )),
        }
    };
    Ok((lodging, meals))
}

/// The daily rate R in euro cents, and how to show it: the override, else the table's
/// rate converted to euros and rounded to the cent (so the basis can be checked by
/// hand).
fn daily_rate(
    rules: &CostRules,
    input: &CostInput,
    sources: &mut Sources,
) -> Result<(Money, String), CostError> {
    if let Some(rate) = input.overrides.per_diem_daily {
        return Ok((rate, crate::fr::cost::given_rate(eur(rate))));
    }
    let table = &rules.per_diem_abroad;
    let entry = table.get(input.country).ok_or(CostError::NoPerDiemRate {
        country: input.country,
    })?;
    let (amount, city) = entry.for_city(input.city.as_deref());
    match (city, &entry.source) {
        (Some(c), _) => sources.add(&c.source, &c.since),
        (None, Some(own)) => sources.add(own, entry.since.as_deref().unwrap_or(&table.date)),
        (None, None) => sources.add(&table.source, &table.date),
    }
    let place = match city {
        Some(c) => format!(", taux de {}", c.city),
        None if entry.by_city.is_empty() => String::new(),
        None => crate::fr::cost::OUTSIDE_CITIES.to_owned(),
    };
    if entry.currency == "EUR" {
        let rate = to_eur(amount, &ExactDecimal::ONE)?;
        return Ok((rate, format!("{}{place}", eur(rate))));
    }
    let currency = rules
        .currency(&entry.currency)
        .ok_or_else(|| CostError::UnknownCurrency {
            currency: entry.currency.clone(),
            country: input.country,
        })?;
    sources.add(&currency.source, &currency.date);
    let rate = to_eur(amount, &currency.per_eur)?;
    Ok((
        rate,
        crate::fr::cost::converted_rate(
            eur(rate),
            amount.to_french(),
            &entry.currency,
            currency.per_eur.to_french(),
            &entry.currency,
            &place,
        ),
    ))
}

/// Lodging and meals in France for a reciprocity mission: nights × night rate, meals ×
/// meal rate.
pub(super) fn domestic_stay(
    rules: &CostRules,
    input: &CostInput,
    sources: &mut Sources,
) -> Result<(CategoryCost, CategoryCost), CostError> {
    let d = &rules.domestic;
    sources.add(&d.source, &d.date);

    // A mission of N days has N − 1 nights between arrival and departure; a one-day
    // mission still pays one night (the expert comes from abroad).
    let nights = input.days.saturating_sub(1).max(1);
    let (night, why) = night_rate(d, input.city.as_deref(), sources);
    let nights_word = if nights == 1 { "nuit" } else { "nuits" };
    let lodging_full = times(night, nights)?;
    let lodging_basis = format!("{nights} {nights_word} × {} ({why})", eur(night));
    let lodging = lodging_line(input.lodging_provided, lodging_full, lodging_basis);
    Ok((lodging, domestic_meals(d, input)?))
}

/// The night rate in France for the mission's city, and why: the city's list, else the
/// base rate. Every city list is cited once a city is given.
fn night_rate(d: &DomesticRates, city: Option<&str>, sources: &mut Sources) -> (Money, String) {
    let Some(city) = city else {
        return (d.night, crate::fr::cost::BASE_RATE_NO_CITY.to_owned());
    };
    for list in &d.night_by_city {
        sources.add(&list.source, &list.date);
    }
    let city = city.trim();
    let wanted = crate::scoring::fold(city);
    match d
        .night_by_city
        .iter()
        .find(|l| l.cities.iter().any(|c| crate::scoring::fold(c) == wanted))
    {
        Some(list) => (list.night, format!("{city} : {}", list.label)),
        None => (d.night, format!("{city} : taux de base")),
    }
}

/// Meals in France at the domestic meal rate, those the partner provides in kind.
fn domestic_meals(d: &DomesticRates, input: &CostInput) -> Result<CategoryCost, CostError> {
    let days = input.days;
    let m = input.meals_provided_per_day;
    let per_day = d.meals_per_day.saturating_sub(m);
    let count = days * u32::from(per_day);
    let basis = if m == 0 {
        format!(
            "{count} repas × {} ({days} j × {per_day} repas)",
            eur(d.meal)
        )
    } else {
        let provided = if m == 1 { "fourni" } else { "fournis" };
        format!(
            "{count} repas × {} ({days} j × ({} − {m} {provided}) repas)",
            eur(d.meal),
            d.meals_per_day
        )
    };
    let in_kind = (m > 0)
        .then(|| -> Result<ExpertLine, CostError> {
            let count = days * u32::from(m);
            Ok(ExpertLine::new(
                Category::PerDiem,
                times(d.meal, count)?,
                format!(
                    "{count} repas × {} ({days} j × {m} repas fournis)",
                    eur(d.meal)
                ),
            ))
        })
        .transpose()?;
    Ok(CategoryCost {
        line: ExpertLine::new(Category::PerDiem, times(d.meal, count)?, basis),
        in_kind,
    })
}
