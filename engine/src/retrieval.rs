//! Candidate retrieval: which experts and offers are worth scoring for a need.
//!
//! The engine asks for candidates through [`CandidateSource`]; the indexer answers with
//! a search index, [`BruteForce`] answers by looking at every record. Retrieval is a
//! pre-filter: it may let through candidates that the exact gates later reject, but it
//! must never drop one that [`expert_may_fit`] / [`offer_may_fit`] accept, and those
//! predicates accept every candidate the gates accept.

use std::fmt;

use crate::model::{Expert, Need, NeedKind, Offer};
use crate::values::{CountryCode, DateWindow};
use crate::{ConsentStatus, LanguageLevel};

/// Whether a candidate is an expert or a company offer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CandidateKind {
    /// An expert.
    Expert,
    /// A company offer.
    Offer,
}

impl fmt::Display for CandidateKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            CandidateKind::Expert => "expert",
            CandidateKind::Offer => "offer",
        })
    }
}

/// A retrieved candidate with its text relevance to the need.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Candidate {
    /// Record id.
    pub id: String,
    /// Expert or offer.
    pub kind: CandidateKind,
    /// Text relevance (BM25 in the index; 0 when nothing matched the text).
    pub relevance: f32,
}

/// Something that can list the candidates for a need.
pub trait CandidateSource {
    /// Why retrieval failed.
    type Error: std::error::Error + Send + Sync + 'static;

    /// Every expert and offer that may fit `need` — a superset of those that do — sorted by
    /// relevance (highest first), then kind, then id.
    fn candidates(&self, need: &Need) -> Result<Vec<Candidate>, Self::Error>;
}

/// The order every source returns: relevance descending, then kind, then id.
pub fn candidate_order(a: &Candidate, b: &Candidate) -> std::cmp::Ordering {
    b.relevance
        .total_cmp(&a.relevance)
        .then(a.kind.cmp(&b.kind))
        .then_with(|| a.id.cmp(&b.id))
}

/// Sorts candidates in [`candidate_order`].
pub fn sort_candidates(candidates: &mut [Candidate]) {
    // Ids are unique per kind, so the order is total and an unstable sort is exact.
    candidates.sort_unstable_by(candidate_order);
}

fn speaks_all(spoken: &[LanguageLevel], required: &[LanguageLevel]) -> bool {
    required.iter().all(|r| {
        spoken
            .iter()
            .any(|s| s.code == r.code && s.level >= r.level)
    })
}

fn overlaps_any(windows: &[DateWindow], need: &DateWindow) -> bool {
    windows.iter().any(|w| w.overlaps(need))
}

/// The coarse conditions an expert must meet to be worth scoring for a need: required
/// languages at level, consent not refused, an availability window overlapping the
/// need's, longest mission long enough, and the home rule (based in France for a
/// standard need; abroad, and from `expert_origin` when set, for reciprocity).
pub fn expert_may_fit(need: &Need, expert: &Expert) -> bool {
    let consent_ok = expert.consent.status != ConsentStatus::Refused;
    let home_ok = match need.kind {
        NeedKind::Standard => expert.home.country == CountryCode::france(),
        NeedKind::Reciprocity => {
            expert.home.country != CountryCode::france()
                && need.expert_origin.is_none_or(|o| o == expert.home.country)
        }
    };
    consent_ok
        && home_ok
        && expert.max_mission_days >= need.duration_days
        && speaks_all(&expert.languages, &need.languages)
        && overlaps_any(&expert.availability, &need.window)
}

/// The coarse conditions a company offer must meet: a standard need (company staff
/// are based in France), the offer's window overlapping the need's, longest mission long
/// enough, required languages at level, and the need's country among the preferred
/// ones when the offer names any.
pub fn offer_may_fit(need: &Need, offer: &Offer) -> bool {
    need.kind == NeedKind::Standard
        && offer.window.overlaps(&need.window)
        && offer.max_mission_days >= need.duration_days
        && speaks_all(&offer.languages, &need.languages)
        && (offer.countries.is_empty() || offer.countries.contains(&need.country))
}

/// The reference source: looks at every record, keeps those the predicates accept, with
/// relevance 0. Used in tests as the set the indexed source must contain.
#[derive(Debug, Clone, Copy)]
pub struct BruteForce<'a> {
    /// All experts.
    pub experts: &'a [Expert],
    /// All offers.
    pub offers: &'a [Offer],
}

impl CandidateSource for BruteForce<'_> {
    type Error = std::convert::Infallible;

    fn candidates(&self, need: &Need) -> Result<Vec<Candidate>, Self::Error> {
        let experts = self
            .experts
            .iter()
            .filter(|e| expert_may_fit(need, e))
            .map(|e| Candidate {
                id: e.id.clone(),
                kind: CandidateKind::Expert,
                relevance: 0.0,
            });
        let offers = self
            .offers
            .iter()
            .filter(|o| offer_may_fit(need, o))
            .map(|o| Candidate {
                id: o.id.clone(),
                kind: CandidateKind::Offer,
                relevance: 0.0,
            });
        let mut out: Vec<Candidate> = experts.chain(offers).collect();
        sort_candidates(&mut out);
        Ok(out)
    }
}
