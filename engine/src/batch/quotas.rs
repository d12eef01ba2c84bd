//! Who counts against which company's quota, and how many missions each offer has left.

use std::collections::BTreeMap;

use crate::model::{Expert, Offer};
use crate::retrieval::CandidateKind;
use crate::scoring::Bookings;

/// What is left of one company offer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfferQuota {
    /// The company behind the offer.
    pub company: String,
    /// Missions it can still staff: its headcount minus those already staffed.
    pub remaining: u32,
}

/// Capacities and company quotas of a batch run.
///
/// The model, precisely:
/// - an **expert** takes at most one need in a run;
/// - an **offer** takes at most `remaining` needs (its `headcount` minus the missions
///   already staffed from it), one place of a need at most: assigning an offer means
///   "the company sends one of its people";
/// - a **company** that has offers has a quota, the sum of its offers' `remaining`,
///   shared by those offers *and* by its employees: the experts whose `employer.id` is
///   the company's id, and the experts an offer of the company names in `experts`.
///   Every need one of them takes uses one unit of it, so the company is never asked
///   for more missions than it declared, however they are staffed;
/// - employees of an employer that has no offer are not under any quota.
///
/// The quota covers the run as a whole, whatever the dates: a run is one call for
/// projects, whose needs share a season.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Quotas {
    /// Each offer's company and missions left, by offer id.
    pub offers: BTreeMap<String, OfferQuota>,
    /// The company each employee under a quota counts against, by expert id.
    pub employees: BTreeMap<String, String>,
}

impl Quotas {
    /// The quotas of a workspace: every offer, every expert employed by (or named in
    /// an offer of) a company that has an offer, and the missions already staffed.
    pub fn from_records<'r>(
        experts: impl IntoIterator<Item = &'r Expert>,
        offers: impl IntoIterator<Item = &'r Offer>,
        bookings: &Bookings,
    ) -> Self {
        let mut quotas = Quotas::default();
        let mut named: BTreeMap<&str, &str> = BTreeMap::new();
        for o in offers {
            let used = bookings.offers_used.get(&o.id).copied().unwrap_or(0);
            quotas.offers.insert(
                o.id.clone(),
                OfferQuota {
                    company: o.company.id.clone(),
                    remaining: o.headcount.saturating_sub(used),
                },
            );
            for e in &o.experts {
                named.entry(e.as_str()).or_insert(o.company.id.as_str());
            }
        }
        let companies: std::collections::BTreeSet<&str> =
            quotas.offers.values().map(|q| q.company.as_str()).collect();
        let mut employees = BTreeMap::new();
        for e in experts {
            let employer = e
                .employer
                .as_ref()
                .map(|emp| emp.id.as_str())
                .filter(|id| companies.contains(id));
            if let Some(company) = employer.or_else(|| named.get(e.id.as_str()).copied()) {
                employees.insert(e.id.clone(), company.to_owned());
            }
        }
        quotas.employees = employees;
        quotas
    }

    /// A company's quota: the missions left over all its offers (0 if it has none).
    pub fn company_quota(&self, company: &str) -> u32 {
        self.offers
            .values()
            .filter(|q| q.company == company)
            .fold(0u32, |acc, q| acc.saturating_add(q.remaining))
    }

    /// A candidate's capacity and the company whose quota it counts against: an expert
    /// takes one need (its employer's quota, if any), an offer its missions left (one
    /// and no company when missing, as [`super::BatchInput::problem`] counts it).
    pub fn capacity(&self, id: &str, kind: CandidateKind) -> (u32, Option<&str>) {
        match kind {
            CandidateKind::Expert => (1, self.employees.get(id).map(String::as_str)),
            CandidateKind::Offer => match self.offers.get(id) {
                Some(q) => (q.remaining, Some(q.company.as_str())),
                None => (1, None),
            },
        }
    }
}
