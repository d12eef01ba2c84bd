//! The cost plan of a mission: the input checked, every expert's lines, the network's
//! capped share, who pays the rest, in-kind contributions and the mécénat estimate.

use super::arith::{add, floor_div, money, round_div};
use super::lines::expert_costs;
use super::mecenat::mecenat;
use super::parts::{ExpertLine, Sources};
use super::rules::{CostRules, FULL_BP, ProgrammeRules};
use super::types::{
    CostError, CostInput, CostLine, CostPlan, InKind, MAX_DAYS, MAX_EXPERTS, MecenatEstimate,
    Payers, RemainderPayer,
};
use crate::reference::Reference;
use crate::values::{CountryCode, Money};

/// Computes a mission's cost plan from the rules. Pure: no I/O.
pub fn plan(
    rules: &CostRules,
    reference: &Reference,
    input: &CostInput,
) -> Result<CostPlan, CostError> {
    check(rules, input)?;
    let programme = &rules.programme;
    let mut sources = Sources::default();
    sources.add(&programme.source, &programme.date);

    let per_expert = expert_costs(rules, reference, input, &mut sources)?;
    let lines = every_expert(&per_expert.lines, input.experts);
    let eligible = total(lines.iter().map(|l| l.amount))?;
    let shares = CashShares::of(programme, input.payer, eligible)?;
    let in_kind = in_kind_of_all(per_expert.in_kind, input.experts)?;
    let in_kind_total = total(in_kind.iter().map(|k| k.amount))?;
    let mecenat = mecenat_if_given(rules, input, shares.employer, &mut sources)?;

    Ok(CostPlan {
        lines,
        eligible,
        network_share: shares.network,
        remainder: eligible - shares.network,
        fee: programme.fee_per_mission,
        in_kind,
        in_kind_total,
        payers: shares.with_fee(input.payer, programme.fee_per_mission)?,
        mecenat,
        sources: sources.into_entries(),
    })
}

/// One expert's lines repeated for experts 1 to `experts`.
fn every_expert(per_expert: &[ExpertLine], experts: u32) -> Vec<CostLine> {
    (1..=experts)
        .flat_map(|expert| {
            per_expert.iter().map(move |l| CostLine {
                expert,
                category: l.category,
                amount: l.amount,
                basis: l.basis.clone(),
            })
        })
        .collect()
}

/// The sum of `amounts`, checked.
fn total(amounts: impl Iterator<Item = Money>) -> Result<Money, CostError> {
    money(amounts.map(|a| i128::from(a.cents())).sum())
}

/// Who pays the eligible costs, the fee left out.
struct CashShares {
    /// The network's share, capped per mission.
    network: Money,
    /// The association's part of the remainder.
    association: Money,
    /// The employer's part of the remainder.
    employer: Money,
}

impl CashShares {
    /// The network's capped share of `eligible`, and the remainder split as `payer`
    /// says (the employer's part rounded half up, the association's the rest).
    fn of(
        programme: &ProgrammeRules,
        payer: RemainderPayer,
        eligible: Money,
    ) -> Result<Self, CostError> {
        let share = floor_div(
            i128::from(eligible.cents()) * i128::from(programme.network_share_bp),
            i128::from(FULL_BP),
        );
        let network = money(share.min(i128::from(programme.network_cap_per_mission.cents())))?;
        let remainder = eligible - network;
        let employer = match payer {
            RemainderPayer::Association => Money::ZERO,
            RemainderPayer::Employer => remainder,
            RemainderPayer::Split { employer_bp } => money(round_div(
                i128::from(remainder.cents()) * i128::from(employer_bp),
                i128::from(FULL_BP),
            ))?,
        };
        Ok(Self {
            network,
            association: remainder - employer,
            employer,
        })
    }

    /// The totals of each payer, the fee added to the employer's when it pays the
    /// whole remainder and to the association's otherwise.
    fn with_fee(&self, payer: RemainderPayer, fee: Money) -> Result<Payers, CostError> {
        Ok(match payer {
            RemainderPayer::Employer => Payers {
                network: self.network,
                association: self.association,
                employer: add(self.employer, fee)?,
            },
            RemainderPayer::Association | RemainderPayer::Split { .. } => Payers {
                network: self.network,
                association: add(self.association, fee)?,
                employer: self.employer,
            },
        })
    }
}

/// One expert's contributions in kind, for the whole mission.
fn in_kind_of_all(per_expert: Vec<ExpertLine>, experts: u32) -> Result<Vec<InKind>, CostError> {
    per_expert
        .into_iter()
        .map(|l| {
            Ok(InKind {
                category: l.category,
                amount: money(i128::from(l.amount.cents()) * i128::from(experts))?,
                basis: if experts > 1 {
                    crate::fr::cost::in_kind_for_all(experts, &l.basis)
                } else {
                    l.basis
                },
            })
        })
        .collect()
}

/// The mécénat estimate, when the employer pays part of the remainder or gives
/// working time.
fn mecenat_if_given(
    rules: &CostRules,
    input: &CostInput,
    employer_cash: Money,
    sources: &mut Sources,
) -> Result<Option<MecenatEstimate>, CostError> {
    let gives_time = input.daily_cost.is_some_and(|c| c.cents() > 0);
    if employer_cash.cents() <= 0 && !gives_time {
        return Ok(None);
    }
    let m = &rules.mecenat;
    sources.add(&m.source, &m.date);
    mecenat(rules, input, employer_cash).map(Some)
}

fn check(rules: &CostRules, input: &CostInput) -> Result<(), CostError> {
    if !(1..=MAX_DAYS).contains(&input.days) {
        return Err(CostError::DaysOutOfRange { days: input.days });
    }
    if input.experts == 0 {
        return Err(CostError::NoExpert);
    }
    if input.experts > MAX_EXPERTS {
        return Err(CostError::TooManyExperts {
            experts: input.experts,
        });
    }
    let max = if input.reciprocity && input.overrides.per_diem_daily.is_none() {
        rules.domestic.meals_per_day
    } else {
        rules.per_diem_split.meals_per_day
    };
    if input.meals_provided_per_day > max {
        return Err(CostError::TooManyMeals {
            given: input.meals_provided_per_day,
            max,
        });
    }
    if input.reciprocity && input.country != CountryCode::france() {
        return Err(CostError::ReciprocityAbroad {
            country: input.country,
        });
    }
    if let RemainderPayer::Split { employer_bp } = input.payer
        && employer_bp > FULL_BP
    {
        return Err(CostError::SplitOutOfRange { employer_bp });
    }
    let o = &input.overrides;
    for (what, amount) in [
        (crate::fr::cost::PER_DIEM, o.per_diem_daily),
        (crate::fr::cost::NATIONAL_TRANSPORT, o.national_transport),
        (
            crate::fr::cost::INTERNATIONAL_TRANSPORT,
            o.international_transport,
        ),
        ("l'assurance", o.insurance),
        (crate::fr::cost::VISA, o.visa),
        (crate::fr::cost::FIELD_TRANSPORT, o.field_transport),
        (crate::fr::cost::DAILY_COST, input.daily_cost),
        (crate::fr::cost::TURNOVER, input.turnover),
    ] {
        if let Some(amount) = amount
            && amount.is_negative()
        {
            return Err(CostError::Negative { what, amount });
        }
    }
    Ok(())
}
