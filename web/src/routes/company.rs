//! The company's space (issue #15): `GET /mon-espace/offres` — its skill offers, each
//! with the needs it fits best and why (the reverse match `explor match --offer`
//! shows), and its employees with the state of each one's employer consent; the offers
//! it declared or changed that wait for the network's review (declaring and changing
//! go through [`submissions`](super::submissions)). A company sees its own offers and
//! employees only; any other account gets 404.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use explor_engine::model::ConsentStatus;
use explor_engine::{Record, RecordKind};
use explor_indexer::MatchOptions;
use explor_views::CandidateMatch;

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
    fits: HtmlTable,
    left_out: Option<String>,
}

struct Employee {
    id: String,
    name: String,
    consent: &'static str,
}

#[derive(Template, WebTemplate)]
#[template(path = "company.html")]
struct CompanyPage {
    layout: Layout,
    offers: Vec<OfferBlock>,
    employees: Vec<Employee>,
    pending: Vec<Line>,
}

fn consent_fr(status: ConsentStatus) -> &'static str {
    match status {
        ConsentStatus::Granted => "accordé",
        ConsentStatus::Pending => "à donner",
        ConsentStatus::Refused => "refusé",
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
    let (offers, employees) = state
        .with_workspace(move |ws| {
            let mut offers = Vec::new();
            for r in ws.records(RecordKind::Offer)? {
                let Record::Offer(o) = r else { continue };
                if o.company.id != org {
                    continue;
                }
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
                        format!("Les besoins auxquels « {} » répond le mieux", o.title),
                        matched.ranked(),
                    ),
                    left_out: matched.left_out(),
                    edit: Kind::Offer.edit_path(&o.id),
                    id: o.id.clone(),
                    title: o.title.clone(),
                    headcount: o.headcount,
                });
            }
            let employees = ws
                .records(RecordKind::Expert)?
                .into_iter()
                .filter_map(|r| match r {
                    Record::Expert(e) if e.employer.as_ref().is_some_and(|x| x.id == org) => {
                        Some(Employee {
                            consent: consent_fr(e.consent.status),
                            id: e.id.clone(),
                            name: e.name.clone(),
                        })
                    }
                    _ => None,
                })
                .collect::<Vec<_>>();
            Ok((offers, employees))
        })
        .await?;
    Ok(CompanyPage {
        layout: Layout::signed_in("Mes offres de mécénat", &user),
        offers,
        employees,
        pending: waiting,
    }
    .into_response())
}
