//! The cost plan of a mission: the input checked, every expert's lines, the network's
//! capped share, who pays the rest, in-kind contributions and the mécénat estimate.

use super::arith::{add, floor_div, money, round_div};
use super::lines::expert_costs;
use super::mecenat::mecenat;
use super::rules::{CostRules, FULL_BP};
use super::types::{
    CostError, CostInput, CostLine, CostPlan, InKind, MAX_DAYS, MAX_EXPERTS, Payers, RemainderPayer,
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
    let mut sources = Sources::default();
    let p = &rules.programme;
    sources.add(&p.source, &p.date);

    let per_expert = expert_costs(rules, reference, input, &mut sources)?;
    let experts = input.experts;

    let mut lines = Vec::with_capacity(per_expert.lines.len() * experts as usize);
    for expert in 1..=experts {
        lines.extend(
            per_expert
                .lines
                .iter()
                .map(|(category, amount, basis)| CostLine {
                    expert,
                    category: *category,
                    amount: *amount,
                    basis: basis.clone(),
                }),
        );
    }
    let eligible = money(lines.iter().map(|l| i128::from(l.amount.cents())).sum())?;

    let share = floor_div(
        i128::from(eligible.cents()) * i128::from(p.network_share_bp),
        i128::from(FULL_BP),
    );
    let network_share = money(share.min(i128::from(p.network_cap_per_mission.cents())))?;
    let remainder = eligible - network_share;
    let fee = p.fee_per_mission;

    let employer_cash = match input.payer {
        RemainderPayer::Association => Money::ZERO,
        RemainderPayer::Employer => remainder,
        RemainderPayer::Split { employer_bp } => money(round_div(
            i128::from(remainder.cents()) * i128::from(employer_bp),
            i128::from(FULL_BP),
        ))?,
    };
    let association_cash = remainder - employer_cash;
    let payers = match input.payer {
        RemainderPayer::Employer => Payers {
            network: network_share,
            association: association_cash,
            employer: add(employer_cash, fee)?,
        },
        RemainderPayer::Association | RemainderPayer::Split { .. } => Payers {
            network: network_share,
            association: add(association_cash, fee)?,
            employer: employer_cash,
        },
    };

    let in_kind: Vec<InKind> = per_expert
        .in_kind
        .into_iter()
        .map(|(category, amount, basis)| {
            Ok(InKind {
                category,
                amount: money(i128::from(amount.cents()) * i128::from(experts))?,
                basis: if experts > 1 {
                    format!("{experts} experts × {basis}")
                } else {
                    basis
                },
            })
        })
        .collect::<Result<_, CostError>>()?;
    let in_kind_total = money(in_kind.iter().map(|k| i128::from(k.amount.cents())).sum())?;

    let gives_time = input.daily_cost.is_some_and(|c| c.cents() > 0);
    let mecenat = if employer_cash.cents() > 0 || gives_time {
        let m = &rules.mecenat;
        sources.add(&m.source, &m.date);
        Some(mecenat(rules, input, employer_cash)?)
    } else {
        None
    };

    Ok(CostPlan {
        lines,
        eligible,
        network_share,
        remainder,
        fee,
        in_kind,
        in_kind_total,
        payers,
        mecenat,
        sources: sources.0,
    })
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
        ("le per diem", o.per_diem_daily),
        ("le transport national", o.national_transport),
        ("le transport international", o.international_transport),
        ("l'assurance", o.insurance),
        ("le visa", o.visa),
        ("le transport sur le terrain", o.field_transport),
        ("le coût journalier", input.daily_cost),
        ("le chiffre d'affaires", input.turnover),
    ] {
        if let Some(amount) = amount
            && amount.is_negative()
        {
            return Err(CostError::Negative { what, amount });
        }
    }
    Ok(())
}

/// The sources of the rules used, each once, in order of first use.
#[derive(Default)]
pub(super) struct Sources(Vec<String>);

impl Sources {
    pub(super) fn add(&mut self, source: &str, date: &str) {
        let entry = format!("{source} ({date})");
        if !self.0.contains(&entry) {
            self.0.push(entry);
        }
    }
}
