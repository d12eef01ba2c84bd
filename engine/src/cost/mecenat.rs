//! The mécénat estimate: the employer's cash and valued working time, the tax
//! reduction (article 238 bis CGI) and its yearly cap.

use super::arith::{add, eur, money, pct, round_div, times};
use super::rules::{CostRules, FULL_BP, MecenatRules};
use super::types::{CostError, CostInput, MecenatEstimate};
use crate::values::Money;

/// The mécénat estimate for an employer paying `cash` and lending its employees.
pub(super) fn mecenat(
    rules: &CostRules,
    input: &CostInput,
    cash: Money,
) -> Result<MecenatEstimate, CostError> {
    let m = &rules.mecenat;
    let mut assumptions = ground_assumptions(rules, cash);
    let (valued_time, time_capped) = valued_time(m, input, &mut assumptions)?;
    let gift = add(cash, valued_time)?;
    let reduction = reduction(m, gift, &mut assumptions)?;
    let yearly_cap = yearly_cap(m, input.turnover, &mut assumptions)?;
    let reduction_this_year = reduction.min(yearly_cap);
    let carried_forward = reduction - reduction_this_year;
    if carried_forward.cents() > 0 {
        assumptions.push(crate::fr::cost::carried_forward(
            eur(carried_forward),
            m.carry_forward_years,
        ));
    }
    Ok(MecenatEstimate {
        estimate: true,
        cash,
        valued_time,
        time_capped,
        gift,
        reduction,
        yearly_cap,
        reduction_this_year,
        carried_forward,
        net_cost: gift - reduction_this_year,
        assumptions,
    })
}

/// What every estimate takes for granted: the law, the beneficiary, and what counts
/// as the employer's cash gift.
fn ground_assumptions(rules: &CostRules, cash: Money) -> Vec<String> {
    vec![
        crate::fr::cost::NOT_TAX_ADVICE.to_owned(),
        crate::fr::cost::BENEFICIARY_ASSUMPTION.to_owned(),
        crate::fr::cost::cash_part(eur(cash), eur(rules.programme.fee_per_mission)),
    ]
}

/// The working time given, at the daily cost within the pay cap, for all experts, and
/// whether the cap lowered it.
fn valued_time(
    m: &MecenatRules,
    input: &CostInput,
    assumptions: &mut Vec<String>,
) -> Result<(Money, bool), CostError> {
    // Computed first: a cap too large to compute fails even when no time is given.
    let monthly_cap = times(m.pmss_monthly, m.pay_cap_pmss_multiple)?;
    let Some(daily) = input.daily_cost.filter(|c| c.cents() > 0) else {
        assumptions.push(crate::fr::cost::TIME_NOT_VALUED.to_owned());
        return Ok((Money::ZERO, false));
    };
    let (days, experts) = (input.days, input.experts);
    let uncapped = times(daily, days)?;
    let cap = money(round_div(
        i128::from(monthly_cap.cents()) * i128::from(days),
        i128::from(m.days_per_month),
    ))?;
    let capped = uncapped > cap;
    let each = uncapped.min(cap);
    assumptions.push(crate::fr::cost::time_valued(experts, days, eur(daily)));
    assumptions.push(crate::fr::cost::pay_cap(
        m.pay_cap_pmss_multiple,
        eur(m.pmss_monthly),
        eur(monthly_cap),
        days,
        m.days_per_month,
        eur(cap),
        capped,
    ));
    Ok((times(each, experts)?, capped))
}

/// The reduction before the yearly cap: one rate up to the threshold, another above.
fn reduction(
    m: &MecenatRules,
    gift: Money,
    assumptions: &mut Vec<String>,
) -> Result<Money, CostError> {
    let threshold = i128::from(m.reduced_rate_above.cents());
    let g = i128::from(gift.cents());
    let reduction = money(
        round_div(
            g.min(threshold) * i128::from(m.reduction_bp),
            i128::from(FULL_BP),
        ) + round_div(
            (g - threshold).max(0) * i128::from(m.reduction_above_bp),
            i128::from(FULL_BP),
        ),
    )?;
    assumptions.push(crate::fr::cost::reduction_rates(
        pct(m.reduction_bp),
        eur(m.reduced_rate_above),
        pct(m.reduction_above_bp),
    ));
    Ok(reduction)
}

/// The yearly cap: the higher of the floor and the share of the turnover (the floor
/// when the turnover is not given).
fn yearly_cap(
    m: &MecenatRules,
    turnover: Option<Money>,
    assumptions: &mut Vec<String>,
) -> Result<Money, CostError> {
    let Some(turnover) = turnover else {
        assumptions.push(crate::fr::cost::cap_without_turnover(eur(
            m.yearly_cap_floor
        )));
        return Ok(m.yearly_cap_floor);
    };
    let share = money(round_div(
        i128::from(turnover.cents()) * i128::from(m.yearly_cap_turnover_bp),
        i128::from(FULL_BP),
    ))?;
    let cap = share.max(m.yearly_cap_floor);
    assumptions.push(crate::fr::cost::cap_with_turnover(
        eur(m.yearly_cap_floor),
        pct(m.yearly_cap_turnover_bp),
        eur(turnover),
        pct(m.yearly_cap_turnover_bp),
        eur(share),
        eur(cap),
    ));
    Ok(cap)
}
