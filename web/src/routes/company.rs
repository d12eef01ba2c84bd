//! The company's space (issue #15): `GET /mon-espace/offres` — its skill offers, each
//! with the needs it fits best and why (the reverse match `explor match --offer`
//! shows), and its employees with the state of each one's employer consent; the offers
//! it declared or changed that wait for the network's review (declaring and changing
//! go through [`submissions`](super::submissions)). A company sees its own offers and
//! employees only; any other account gets 404.
//!
//! It also shows each offer's quota (missions possible, missions under way through it)
//! and the missions of its employees or offers — state, dates, and the mécénat
//! estimate of each with its assumptions (the legal basis and caps), as the mission's
//! cost plan gives it to the coordinator.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use explor_engine::mission::{Mission, Staff, State as MissionState};
use explor_engine::model::ConsentStatus;
use explor_indexer::MatchOptions;
use explor_views::{CandidateMatch, MissionSheet};

use super::submissions::{Kind, Line, pending};
use crate::auth::extract::CurrentUser;
use crate::error::{Result, WebError};
use crate::state::AppState;
use crate::store::Role;
use crate::views::{HtmlTable, Layout};

/// Needs shown for each offer.
const TOP: usize = 5;

struct OfferBlock {
    id: String,
    edit: String,
    title: String,
    headcount: u32,
    /// Missions staffed through the offer, not cancelled.
    used: usize,
    fits: HtmlTable,
    left_out: Option<String>,
}

struct Employee {
    id: String,
    name: String,
    consent: &'static str,
}

/// A mission of the company's employees or offers.
struct CompanyMission {
    id: String,
    need: String,
    dates: String,
    state: &'static str,
    /// The mécénat estimate and its assumptions, or why there is none.
    mecenat: Vec<String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "company.html")]
struct CompanyPage {
    layout: Layout,
    offers: Vec<OfferBlock>,
    employees: Vec<Employee>,
    pending: Vec<Line>,
    missions: Vec<CompanyMission>,
}

fn consent_fr(status: ConsentStatus) -> &'static str {
    match status {
        ConsentStatus::Granted => explor_engine::fr::pages::CONSENT_GRANTED,
        ConsentStatus::Pending => explor_engine::fr::pages::CONSENT_TO_GIVE,
        ConsentStatus::Refused => explor_engine::fr::pages::CONSENT_REFUSED,
        ConsentStatus::NotRequired => "sans objet",
    }
}

/// `GET /mon-espace/offres`.
pub async fn show(State(state): State<AppState>, user: CurrentUser) -> Result<Response> {
    let org = match (&user.account.role, &user.account.org_id) {
        (Role::Company, Some(org)) => org.clone(),
        _ => return Err(WebError::NotFound),
    };
    let waiting = pending(&state, &org).await?;
    let (offers, employees, missions) = state
        .with_workspace(move |ws| {
            let all_missions = ws.missions()?;
            let (own_offers, own_experts) = ws.company_records(&org)?;
            let mut offers = Vec::new();
            for o in own_offers {
                let matched = CandidateMatch::build(
                    ws,
                    &o.id,
                    MatchOptions {
                        top: TOP,
                        include_ineligible: false,
                        include_pending: true,
                    },
                )?;
                offers.push(OfferBlock {
                    fits: HtmlTable::new(
                        explor_engine::fr::pages::best_needs(&o.title),
                        matched.ranked(),
                    ),
                    left_out: matched.left_out(),
                    edit: Kind::Offer.edit_path(&o.id),
                    used: all_missions
                        .iter()
                        .filter(|m| {
                            m.staff.offer() == Some(o.id.as_str())
                                && m.state() != MissionState::Cancelled
                        })
                        .count(),
                    id: o.id.clone(),
                    title: o.title.clone(),
                    headcount: o.headcount,
                });
            }
            let employees = own_experts
                .into_iter()
                .map(|e| Employee {
                    consent: consent_fr(e.consent.status),
                    id: e.id,
                    name: e.name,
                })
                .collect::<Vec<_>>();
            let ours = |m: &Mission| match &m.staff {
                Staff::Offer { offer } => offers.iter().any(|o| &o.id == offer),
                Staff::Experts { experts } => {
                    experts.iter().any(|x| employees.iter().any(|e| &e.id == x))
                }
            };
            let rules = ws.cost_rules()?;
            let mut missions = Vec::new();
            for m in all_missions.iter().filter(|m| ours(m)) {
                let file = ws.mission_file(&m.id)?;
                let sheet = MissionSheet::build(ws, &file)?;
                let mecenat = match sheet.plan(&rules) {
                    Ok(plan) if plan.plan.mecenat.is_some() => plan.mecenat(),
                    Ok(_) => vec![explor_engine::fr::pages::NO_PATRONAGE.to_owned()],
                    Err(why) => vec![format!("plan de financement incalculable : {why}")],
                };
                missions.push(CompanyMission {
                    id: m.id.clone(),
                    need: file.need.title.clone(),
                    dates: explor_engine::fr::window(&m.dates),
                    state: m.state().label_fr(),
                    mecenat,
                });
            }
            Ok((offers, employees, missions))
        })
        .await?;
    Ok(CompanyPage {
        layout: Layout::signed_in(explor_engine::fr::pages::MY_OFFERS, &user),
        offers,
        employees,
        pending: waiting,
        missions,
    }
    .into_response())
}
