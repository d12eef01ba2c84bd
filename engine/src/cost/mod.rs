//! Cost plans of missions: what each expert's travel costs, what the network pays
//! (its share, capped per mission), who pays the rest, what the local partner gives
//! in kind, and an estimate of the employer's mécénat tax reduction.
//!
//! Every rate, cap and estimate comes from [`CostRules`] (`data/reference/costs.json`,
//! each section with its source and date); [`plan()`] applies them. Money is integer
//! cents throughout: currency rates are exact decimals and conversions are rational,
//! rounded half up to the cent once per line.
//!
//! ```
//! use explor_engine::Reference;
//! use explor_engine::cost::{CostInput, CostRules, plan};
//!
//! let input = CostInput::new("CD".parse().unwrap(), 10); // Kinshasa, 10 days
//! let p = plan(CostRules::embedded(), &Reference::embedded(), &input).unwrap();
//! assert_eq!(p.eligible.cents(), 375_000);
//! assert_eq!(p.network_share.cents(), 140_000); // capped at 1 400 €
//! assert_eq!(p.lines[4].basis, "10 j × 65\u{a0}% × 240,00\u{a0}€");
//! ```

mod arith;
mod lines;
mod mecenat;
mod parts;
mod plan;
mod rules;
mod stay;
mod types;

#[cfg(test)]
mod tests;

pub use arith::{eur, pct, to_eur};
pub use plan::plan;
pub use rules::{
    AbroadEstimates, BadDecimal, ByCountry, ByZone, CityNightRate, CostRules, CurrencyRate,
    DomesticRates, Estimates, ExactDecimal, FULL_BP, MecenatRules, PerDiemRate, PerDiemSplit,
    PerDiemTable, ProgrammeRules, ReciprocityEstimates, SourcedAmount, Zone,
};
pub use types::{
    Category, CostError, CostInput, CostLine, CostPlan, InKind, MAX_DAYS, MAX_EXPERTS,
    MecenatEstimate, Overrides, Payers, RemainderPayer,
};
