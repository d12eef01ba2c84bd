//! `explor cost`: a standalone cost plan for a mission, from the programme's rules.

use anyhow::{Context, Result};
use std::path::Path;

use explor_engine::cost::{CostError, CostInput, Overrides, plan};
use explor_engine::{Money, Reference};
use explor_indexer::cost_rules_at;
use explor_views::CostPlanView;

use crate::args::{CostArgs, ShowFormat};
use crate::commands::UsageError;
use crate::output;

fn money(flag: &str, value: &Option<String>) -> Result<Option<Money>> {
    value
        .as_deref()
        .map(|text| {
            Money::from_euros_str(text)
                .map_err(|e| UsageError(format!("--{flag} {text}: {e}")).into())
                .and_then(|m: Money| {
                    if m.is_negative() {
                        Err(UsageError(explor_engine::fr::cli::negative_amount(flag, text)).into())
                    } else {
                        Ok(m)
                    }
                })
        })
        .transpose()
}

/// Turns the command line into the engine's input (amounts are per expert).
fn input(args: &CostArgs) -> Result<CostInput> {
    let country = args
        .country
        .parse()
        .map_err(|e| UsageError(format!("--country {}: {e}", args.country)))?;
    let mut input = CostInput::new(country, args.days);
    input.city = args.city.clone();
    input.experts = args.experts;
    input.reciprocity = args.reciprocity;
    input.expert_origin = args
        .origin
        .as_deref()
        .map(|c| {
            c.parse()
                .map_err(|e| UsageError(format!("--origin {c}: {e}")))
        })
        .transpose()?;
    input.overrides = Overrides {
        per_diem_daily: money("per-diem", &args.per_diem)?,
        national_transport: money("national-transport", &args.national_transport)?,
        international_transport: money("international-transport", &args.international_transport)?,
        insurance: money("insurance", &args.insurance)?,
        visa: money("visa", &args.visa)?,
        field_transport: money("field-transport", &args.field_transport)?,
    };
    input.lodging_provided = args.lodging_provided;
    input.meals_provided_per_day = args.meals_provided;
    input.field_transport_provided = args.field_transport_provided;
    input.payer =
        super::remainder_payer(Some(args.remainder_payer), args.employer_share.as_deref())?
            .unwrap_or_default();
    input.daily_cost = money("daily-cost", &args.daily_cost)?;
    input.turnover = money("turnover", &args.turnover)?;
    Ok(input)
}

/// A cost plan from the rules of the workspace at `root` (its imported tables), or the
/// built-in rules when there is no workspace there.
pub fn run(root: &Path, args: &CostArgs) -> Result<()> {
    let input = input(args)?;
    let rules = cost_rules_at(root)?;
    let plan = plan(&rules, &Reference::embedded(), &input)
        .map_err(|e| {
            // The engine says what is missing; the command line says which flag gives it.
            let hint = match e {
                CostError::NoPerDiemRate { .. } => explor_engine::fr::cli::HINT_PER_DIEM,
                _ => "",
            };
            UsageError(format!("{e}{hint}"))
        })
        .context(explor_engine::fr::cli::NO_COST_PLAN)?;
    let mut out = output::stdout();
    match args.format {
        ShowFormat::Json => out.json(&plan),
        ShowFormat::Table => print_plan(&mut out, &CostPlanView::new(&plan, &rules)),
    }
}

/// A cost plan for people: its lines, the totals, who pays what, the mécénat estimate
/// and the sources.
pub fn print_plan(out: &mut output::Out, plan: &CostPlanView<'_>) -> Result<()> {
    out.table(&plan.lines())?;
    out.table(&plan.totals())?;
    out.lines(&plan.mecenat())?;
    out.lines(&plan.sources())?;
    Ok(())
}
