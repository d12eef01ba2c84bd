//! The cost plan as the documents show it: amounts in euros, who pays what, the
//! contributions in kind and the mécénat estimate when a company takes part.

use serde::Serialize;

use super::french::NONE;
use super::{Dossier, french};
use crate::Money;
use crate::cost::{
    CostLine, CostPlan, CostRules, FULL_BP, InKind, MecenatEstimate, RemainderPayer, eur, pct,
};
use crate::mission::Staff;
use crate::model::EmployerKind;

/// `plan`: the cost plan, amounts in French notation.
#[derive(Debug, Serialize)]
pub(super) struct PlanInfo {
    lines: Vec<LineRow>,
    experts: u32,
    eligible: String,
    network_share: String,
    network_capped: bool,
    remainder: String,
    remainder_payer: String,
    fee: String,
    fee_payer: String,
    total: String,
    payers: Vec<PayerRow>,
    employer_pays: bool,
    in_kind: Vec<InKindRow>,
    in_kind_total: String,
    mecenat: Option<MecenatInfo>,
    mecenat_note: &'static str,
    mecenat_warning: Option<String>,
    sources: Vec<String>,
}

/// One line of the plan.
#[derive(Debug, Serialize)]
struct LineRow {
    expert: u32,
    category: &'static str,
    amount: String,
    basis: String,
}

/// One payer and what its amount is made of.
#[derive(Debug, Serialize)]
struct PayerRow {
    who: String,
    amount: String,
    detail: String,
}

/// One contribution in kind.
#[derive(Debug, Serialize)]
struct InKindRow {
    category: &'static str,
    amount: String,
    basis: String,
}

/// The mécénat estimate (article 238 bis CGI).
#[derive(Debug, Serialize)]
struct MecenatInfo {
    cash: String,
    valued_time: String,
    time_capped: bool,
    gift: String,
    reduction: String,
    yearly_cap: String,
    reduction_this_year: String,
    carried_forward: String,
    net_cost: String,
    assumptions: Vec<String>,
}

/// The cost plan as the documents show it; `employer` names who "the employer" is.
pub(super) fn plan(d: &Dossier<'_>, p: &CostPlan, employer: &str) -> PlanInfo {
    let rules = &CostRules::embedded().programme;
    let taking_part = EmployersTakingPart::of(d);
    PlanInfo {
        lines: p.lines.iter().map(LineRow::of).collect(),
        experts: p.lines.iter().map(|l| l.expert).max().unwrap_or(0),
        eligible: eur(p.eligible),
        network_share: eur(p.network_share),
        network_capped: i128::from(p.eligible.cents()) * i128::from(rules.network_share_bp)
            / i128::from(FULL_BP)
            > i128::from(p.network_share.cents()),
        remainder: eur(p.remainder),
        remainder_payer: french::payer(d.mission.payer, &d.association.name, employer),
        fee: eur(p.fee),
        fee_payer: if fee_on_employer(d) {
            employer.to_owned()
        } else {
            association(d)
        },
        total: eur(p.eligible + p.fee),
        payers: payer_rows(d, p, employer),
        employer_pays: p.payers.employer.cents() > 0,
        in_kind: p.in_kind.iter().map(InKindRow::of).collect(),
        in_kind_total: eur(p.in_kind_total),
        // The tax reduction of article 238 bis CGI is a company's: the plan estimates it
        // for any employer, the documents show it only when a company takes part.
        mecenat: p
            .mecenat
            .as_ref()
            .filter(|_| taking_part.company)
            .map(MecenatInfo::of),
        mecenat_note: taking_part.mecenat_note(),
        mecenat_warning: mecenat_warning(d, p, taking_part.company),
        sources: p.sources.clone(),
    }
}

impl LineRow {
    fn of(l: &CostLine) -> Self {
        Self {
            expert: l.expert,
            category: l.category.label_fr(),
            amount: eur(l.amount),
            basis: l.basis.clone(),
        }
    }
}

impl InKindRow {
    fn of(k: &InKind) -> Self {
        Self {
            category: k.category.label_fr(),
            amount: eur(k.amount),
            basis: k.basis.clone(),
        }
    }
}

impl MecenatInfo {
    fn of(m: &MecenatEstimate) -> Self {
        Self {
            cash: eur(m.cash),
            valued_time: eur(m.valued_time),
            time_capped: m.time_capped,
            gift: eur(m.gift),
            reduction: eur(m.reduction),
            yearly_cap: eur(m.yearly_cap),
            reduction_this_year: eur(m.reduction_this_year),
            carried_forward: eur(m.carried_forward),
            net_cost: eur(m.net_cost),
            assumptions: m.assumptions.clone(),
        }
    }
}

/// The association, as the documents name it.
fn association(d: &Dossier<'_>) -> String {
    format!("l'association {}", d.association.name)
}

/// The fee goes with the remainder when the employer pays all of it, else to the
/// association.
fn fee_on_employer(d: &Dossier<'_>) -> bool {
    d.mission.payer == RemainderPayer::Employer
}

/// The network, the association, and the employer when it pays or is meant to.
fn payer_rows(d: &Dossier<'_>, p: &CostPlan, employer: &str) -> Vec<PayerRow> {
    let rules = &CostRules::embedded().programme;
    let on_employer = fee_on_employer(d);
    let mut payers = vec![
        PayerRow {
            who: crate::fr::documents::NETWORK.to_owned(),
            amount: eur(p.payers.network),
            detail: crate::fr::documents::network_share(
                pct(rules.network_share_bp),
                eur(rules.network_cap_per_mission),
            ),
        },
        PayerRow {
            who: upper_first(&association(d)),
            amount: eur(p.payers.association),
            detail: payer_detail(p.payers.association, p.fee, !on_employer),
        },
    ];
    if p.payers.employer.cents() != 0 || d.mission.payer != RemainderPayer::Association {
        payers.push(PayerRow {
            who: upper_first(employer),
            amount: eur(p.payers.employer),
            detail: payer_detail(p.payers.employer, p.fee, on_employer),
        });
    }
    payers
}

/// What a payer's `total` is made of: its part of the remainder, and the fee when it
/// pays it.
fn payer_detail(total: Money, fee: Money, with_fee: bool) -> String {
    let remainder = if with_fee { total - fee } else { total };
    let mut parts = Vec::new();
    if remainder.cents() != 0 {
        parts.push(crate::fr::documents::remainder(eur(remainder)));
    }
    if with_fee {
        parts.push(crate::fr::documents::fee(eur(fee)));
    }
    if parts.is_empty() {
        NONE.to_owned()
    } else {
        parts.join(" ; ")
    }
}

/// Which employers take part in the mission, for the mécénat part of the plan.
struct EmployersTakingPart {
    /// A company: the offering one, or an expert's employer.
    company: bool,
    /// Any employer, company or not.
    any: bool,
}

impl EmployersTakingPart {
    fn of(d: &Dossier<'_>) -> Self {
        let company = matches!(d.mission.staff, Staff::Offer { .. })
            || d.experts.iter().any(|(_, e)| {
                e.and_then(|e| e.employer.as_ref())
                    .is_some_and(|em| em.kind == EmployerKind::Company)
            });
        let any = company
            || d.experts
                .iter()
                .any(|(_, e)| e.is_some_and(|e| e.employer.is_some()));
        Self { company, any }
    }

    /// Why the documents show no mécénat estimate, when they show none.
    fn mecenat_note(&self) -> &'static str {
        if !self.any {
            crate::fr::documents::NO_EMPLOYER
        } else if !self.company {
            crate::fr::documents::NOT_A_COMPANY
        } else {
            crate::fr::documents::NOTHING_GIVEN
        }
    }
}

/// A warning when a company gives to an association that cannot issue tax receipts.
fn mecenat_warning(d: &Dossier<'_>, p: &CostPlan, company: bool) -> Option<String> {
    let employer_gives = d.mission.payer != RemainderPayer::Association || p.mecenat.is_some();
    (company && employer_gives && !d.association.mecenat_eligible)
        .then(|| crate::fr::documents::no_tax_receipts(&d.association.name))
}

fn upper_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
