//! One expert's lines, category by category, and what the local partner provides in
//! kind; every expert of a mission has the same. Each category is one step of
//! [`Pricing`]: the amount given by the user when there is one, else the rules'
//! figure or explor's estimate.

use super::arith::{eur, times};
use super::parts::{CategoryCost, ExpertLine, Sources};
use super::rules::CostRules;
use super::stay::{abroad_stay, domestic_stay};
use super::types::{Category, CostError, CostInput};
use crate::reference::Reference;
use crate::values::Money;

/// One expert's lines and in-kind contributions (every expert has the same).
pub(super) struct ExpertCosts {
    /// One line per category, in [`Category::ALL`] order.
    pub(super) lines: Vec<ExpertLine>,
    /// What the partner provides, in the order of the lines.
    pub(super) in_kind: Vec<ExpertLine>,
}

/// Prices one expert's lines: national and international transport, insurance, visa,
/// lodging and per diem, field transport.
pub(super) fn expert_costs(
    rules: &CostRules,
    reference: &Reference,
    input: &CostInput,
    sources: &mut Sources,
) -> Result<ExpertCosts, CostError> {
    let mut pricing = Pricing {
        rules,
        reference,
        input,
        sources,
        estimate_used: false,
    };
    let national = pricing.national_transport();
    let international = pricing.international_transport();
    let insurance = pricing.insurance()?;
    let visa = pricing.visa();
    let (lodging, per_diem) = pricing.stay()?;
    let field = pricing.field_transport()?;
    pricing.cite_estimates();

    let categories = [
        national.paid(),
        international.paid(),
        insurance.paid(),
        visa.paid(),
        lodging,
        per_diem,
        field,
    ];
    let mut costs = ExpertCosts {
        lines: Vec::with_capacity(categories.len()),
        in_kind: Vec::new(),
    };
    for category in categories {
        costs.lines.push(category.line);
        costs.in_kind.extend(category.in_kind);
    }
    Ok(costs)
}

/// What every category's step reads, and what the steps record: the sources cited
/// and whether any of explor's estimates was used (its source is cited last).
struct Pricing<'a> {
    rules: &'a CostRules,
    reference: &'a Reference<'a>,
    input: &'a CostInput,
    sources: &'a mut Sources,
    estimate_used: bool,
}

impl Pricing<'_> {
    /// Travel in France: home to airport, or airport to the mission (reciprocity).
    fn national_transport(&mut self) -> ExpertLine {
        if let Some(amount) = self.input.overrides.national_transport {
            return ExpertLine::given(Category::NationalTransport, amount);
        }
        self.estimate_used = true;
        let est = &self.rules.estimates;
        let (amount, what) = if self.input.reciprocity {
            (
                est.reciprocity.national_transport,
                crate::fr::cost::AIRPORT_TO_SITE,
            )
        } else {
            (
                est.abroad.national_transport,
                crate::fr::cost::HOME_TO_AIRPORT,
            )
        };
        ExpertLine::new(
            Category::NationalTransport,
            amount,
            crate::fr::cost::network_estimate(what, eur(amount)),
        )
    }

    /// The return flight, by the destination's zone (the origin's for reciprocity).
    fn international_transport(&mut self) -> ExpertLine {
        if let Some(amount) = self.input.overrides.international_transport {
            return ExpertLine::given(Category::InternationalTransport, amount);
        }
        self.estimate_used = true;
        let est = &self.rules.estimates;
        self.sources.add(&est.zones_source, &est.date);
        let (table, place, direction) = if self.input.reciprocity {
            (
                &est.reciprocity.international_transport,
                self.input.expert_origin,
                "depuis",
            )
        } else {
            (
                &est.abroad.international_transport,
                Some(self.input.country),
                "vers",
            )
        };
        let zone = place.and_then(|c| est.zone_of(self.reference.countries, c));
        let priced = zone.and_then(|z| table.by_zone.get(&z.id).map(|a| (z, *a)));
        let (amount, basis) = match (place, priced) {
            (Some(_), Some((z, amount))) => (
                amount,
                crate::fr::cost::network_round_trip_zone(direction, &z.name_fr),
            ),
            (Some(c), None) => (
                table.default,
                crate::fr::cost::network_round_trip_default(direction, c),
            ),
            (None, _) => (
                table.default,
                crate::fr::cost::NETWORK_DEFAULT_NO_ORIGIN.to_owned(),
            ),
        };
        ExpertLine::new(
            Category::InternationalTransport,
            amount,
            format!("{basis} : {}", eur(amount)),
        )
    }

    /// Insurance, per day.
    fn insurance(&mut self) -> Result<ExpertLine, CostError> {
        if let Some(amount) = self.input.overrides.insurance {
            return Ok(ExpertLine::given(Category::Insurance, amount));
        }
        let est = &self.rules.estimates;
        let per_day = if self.input.reciprocity {
            est.reciprocity.insurance_per_day
        } else {
            est.abroad.insurance_per_day
        };
        let (amount, basis) = self.estimated_per_day(per_day)?;
        Ok(ExpertLine::new(Category::Insurance, amount, basis))
    }

    /// The visa: the Schengen visa's fixed fee for reciprocity, else explor's estimate
    /// for the country.
    fn visa(&mut self) -> ExpertLine {
        let input = self.input;
        let est = &self.rules.estimates;
        if let Some(amount) = input.overrides.visa {
            return ExpertLine::given(Category::Visa, amount);
        }
        if input.reciprocity {
            let v = &est.reciprocity.visa;
            self.sources.add(&v.source, &v.date);
            return ExpertLine::new(
                Category::Visa,
                v.amount,
                crate::fr::cost::schengen_visa(eur(v.amount)),
            );
        }
        self.estimate_used = true;
        let table = &est.abroad.visa;
        let (amount, basis) = match table.by_country.get(&input.country) {
            Some(amount) => (
                *amount,
                crate::fr::cost::network_estimate_for(input.country),
            ),
            None => (
                table.default,
                crate::fr::cost::network_default_unlisted(input.country),
            ),
        };
        ExpertLine::new(Category::Visa, amount, format!("{basis} : {}", eur(amount)))
    }

    /// Lodging and per diem: the domestic rates for reciprocity (unless a daily rate is
    /// given), else the split of the daily rate abroad.
    fn stay(&mut self) -> Result<(CategoryCost, CategoryCost), CostError> {
        if self.input.reciprocity && self.input.overrides.per_diem_daily.is_none() {
            domestic_stay(self.rules, self.input, self.sources)
        } else {
            abroad_stay(self.rules, self.input, self.sources)
        }
    }

    /// Travel on site, per day; in kind when the partner provides it.
    fn field_transport(&mut self) -> Result<CategoryCost, CostError> {
        let (amount, basis) = match self.input.overrides.field_transport {
            Some(amount) => (amount, crate::fr::cost::given_amount(eur(amount))),
            None => {
                let est = &self.rules.estimates;
                let per_day = if self.input.reciprocity {
                    est.reciprocity.field_transport_per_day
                } else {
                    est.abroad.field_transport_per_day
                };
                self.estimated_per_day(per_day)?
            }
        };
        Ok(ExpertLine::new(Category::FieldTransport, amount, basis)
            .unless_provided(self.input.field_transport_provided))
    }

    /// explor's estimate of `per_day` for every mission day, and its basis.
    fn estimated_per_day(&mut self, per_day: Money) -> Result<(Money, String), CostError> {
        self.estimate_used = true;
        let days = self.input.days;
        Ok((
            times(per_day, days)?,
            crate::fr::cost::days_at_network_estimate(days, eur(per_day)),
        ))
    }

    /// Cites explor's estimates, after the rules they complete, when any was used.
    fn cite_estimates(&mut self) {
        if self.estimate_used {
            let est = &self.rules.estimates;
            self.sources.add(&est.source, &est.date);
        }
    }
}
