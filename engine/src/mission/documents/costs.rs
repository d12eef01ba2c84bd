//! The cost plan as the documents show it: amounts in euros, who pays what, the
//! contributions in kind and the mécénat estimate when a company takes part.

use serde::Serialize;

use super::context::NONE;
use super::{Dossier, french};
use crate::Money;
use crate::cost::{CostPlan, CostRules, FULL_BP, RemainderPayer, eur, pct};
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

pub(super) fn plan(d: &Dossier<'_>, p: &CostPlan, employer: &str) -> PlanInfo {
    let association = format!("l'association {}", d.association.name);
    let fee_on_employer = d.mission.payer == RemainderPayer::Employer;
    let fee_payer = if fee_on_employer {
        employer.to_owned()
    } else {
        association.clone()
    };
    let cash = |total: Money, with_fee: bool| {
        if with_fee { total - p.fee } else { total }
    };
    let detail = |remainder: Money, with_fee: bool| {
        let mut parts = Vec::new();
        if remainder.cents() != 0 {
            parts.push(format!("reste à charge : {}", eur(remainder)));
        }
        if with_fee {
            parts.push(format!("frais de dossier : {}", eur(p.fee)));
        }
        if parts.is_empty() {
            NONE.to_owned()
        } else {
            parts.join(" ; ")
        }
    };
    let rules = &CostRules::embedded().programme;
    let mut payers = vec![PayerRow {
        who: "Occitanie Coopération".to_owned(),
        amount: eur(p.payers.network),
        detail: format!(
            "{} des frais éligibles, plafonnés à {} par mission",
            pct(rules.network_share_bp),
            eur(rules.network_cap_per_mission)
        ),
    }];
    payers.push(PayerRow {
        who: upper_first(&association),
        amount: eur(p.payers.association),
        detail: detail(
            cash(p.payers.association, !fee_on_employer),
            !fee_on_employer,
        ),
    });
    if p.payers.employer.cents() != 0 || d.mission.payer != RemainderPayer::Association {
        payers.push(PayerRow {
            who: upper_first(employer),
            amount: eur(p.payers.employer),
            detail: detail(cash(p.payers.employer, fee_on_employer), fee_on_employer),
        });
    }
    let employer_gives = d.mission.payer != RemainderPayer::Association || p.mecenat.is_some();
    // The tax reduction of article 238 bis CGI is a company's: the plan estimates it
    // for any employer, the documents show it only when a company takes part.
    let company = matches!(d.mission.staff, Staff::Offer { .. })
        || d.experts.iter().any(|(_, e)| {
            e.and_then(|e| e.employer.as_ref())
                .is_some_and(|em| em.kind == EmployerKind::Company)
        });
    let any_employer = company
        || d.experts
            .iter()
            .any(|(_, e)| e.is_some_and(|e| e.employer.is_some()));
    let mecenat_note = if !any_employer {
        "aucun employeur ne prend part à la mission."
    } else if !company {
        "la réduction d'impôt au titre du mécénat (article 238 bis du CGI) concerne les entreprises ; l'employeur n'en est pas une."
    } else {
        "l'employeur ne paie pas de part des frais et ne donne pas de temps de travail valorisé."
    };
    PlanInfo {
        lines: p
            .lines
            .iter()
            .map(|l| LineRow {
                expert: l.expert,
                category: l.category.label_fr(),
                amount: eur(l.amount),
                basis: l.basis.clone(),
            })
            .collect(),
        experts: p.lines.iter().map(|l| l.expert).max().unwrap_or(0),
        eligible: eur(p.eligible),
        network_share: eur(p.network_share),
        network_capped: i128::from(p.eligible.cents()) * i128::from(rules.network_share_bp)
            / i128::from(FULL_BP)
            > i128::from(p.network_share.cents()),
        remainder: eur(p.remainder),
        remainder_payer: french::payer(d.mission.payer, &d.association.name, employer),
        fee: eur(p.fee),
        fee_payer,
        total: eur(p.eligible + p.fee),
        payers,
        employer_pays: p.payers.employer.cents() > 0,
        in_kind: p
            .in_kind
            .iter()
            .map(|k| InKindRow {
                category: k.category.label_fr(),
                amount: eur(k.amount),
                basis: k.basis.clone(),
            })
            .collect(),
        in_kind_total: eur(p.in_kind_total),
        mecenat: p.mecenat.as_ref().filter(|_| company).map(|m| MecenatInfo {
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
        }),
        mecenat_note,
        mecenat_warning: (company && employer_gives && !d.association.mecenat_eligible).then(|| {
            format!(
                "L'association {} n'est pas habilitée à délivrer des reçus fiscaux : la réduction d'impôt au titre du mécénat suppose un bénéficiaire d'intérêt général (à vérifier avant de s'engager).",
                d.association.name
            )
        }),
        sources: p.sources.clone(),
    }
}

fn upper_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
