//! `GET /`: the coordinator's dashboard (what waits, what the workspace holds); every
//! other role is sent to its own space.

use std::collections::BTreeMap;

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use explor_engine::RecordKind;
use explor_engine::mission::State as MissionState;
use explor_views::Overview;

use crate::auth::extract::CurrentUser;
use crate::error::Result;
use crate::state::AppState;
use crate::store::{ReviewState, Role};
use crate::views::{Layout, day, seg, today};

/// Said for needs outside any call (the [`Overview`]'s key).
const NO_CALL: &str = "(no call)";

#[derive(Template, WebTemplate)]
#[template(path = "dashboard.html")]
struct DashboardPage {
    layout: Layout,
    /// (French label, count) per record kind.
    counts: Vec<(&'static str, usize)>,
    calls: Vec<CallRow>,
    states: Vec<StateRow>,
    waiting: Vec<Waiting>,
    /// Records posted from the web app waiting for a coordinator.
    to_review: usize,
}

/// Needs of one call: all of them, and those with places left.
struct CallRow {
    call: String,
    /// `/appels/{call}`, none for the needs outside any call.
    link: Option<String>,
    needs: usize,
    open: usize,
}

struct StateRow {
    value: &'static str,
    label: &'static str,
    count: usize,
}

/// A proposal waiting for an answer: a mission still `proposed`.
struct Waiting {
    id: String,
    link: String,
    need: String,
    since: String,
    days: i64,
    /// Waiting longer than the delay for an answer.
    late: bool,
    /// Who has not answered yet, in words.
    awaiting: String,
}

fn label(kind: RecordKind) -> &'static str {
    explor_engine::fr::pages::kind_label(kind)
}

/// The coordinator gets the dashboard; the other roles their own space.
pub async fn show(State(state): State<AppState>, user: CurrentUser) -> Result<Response> {
    match user.account.role {
        Role::Association => return Ok(Redirect::to("/mon-espace/besoins").into_response()),
        Role::Expert => return Ok(Redirect::to("/mon-espace/propositions").into_response()),
        Role::Company => return Ok(Redirect::to("/mon-espace/offres").into_response()),
        Role::Coordinator => {}
    }
    let today = today();
    let delay = state.settings().answer_delay_days;
    let to_review = state
        .db()
        .read(|db| db.submissions(None, &[ReviewState::Submitted]))
        .await?
        .len();
    let page = state
        .with_workspace(move |ws| {
            let counts = ws.counts()?;
            let needs = ws.needs()?;
            let overview = Overview::with_needs(ws, &needs)?;
            let mut open: BTreeMap<String, usize> = BTreeMap::new();
            for n in ws.open_needs(needs)? {
                *open
                    .entry(n.call.unwrap_or_else(|| NO_CALL.to_owned()))
                    .or_default() += 1;
            }
            let calls = overview
                .needs_by_call
                .iter()
                .map(|(call, needs)| CallRow {
                    link: (call != NO_CALL).then(|| format!("/appels/{}", seg(call))),
                    call: if call == NO_CALL {
                        "hors appel".to_owned()
                    } else {
                        call.clone()
                    },
                    needs: *needs,
                    open: open.get(call).copied().unwrap_or(0),
                })
                .collect();
            let missions = ws.missions()?;
            let states = MissionState::ALL
                .into_iter()
                .map(|s| StateRow {
                    value: s.as_str(),
                    label: s.label_fr(),
                    count: missions.iter().filter(|m| m.state() == s).count(),
                })
                .collect();
            let mut waiting: Vec<Waiting> = missions
                .iter()
                .filter(|m| m.state() == MissionState::Proposed)
                .map(|m| Waiting {
                    link: format!("/missions/{}", seg(&m.id)),
                    id: m.id.clone(),
                    need: m.need.clone(),
                    since: day(m.created_on()),
                    days: (today - m.created_on()).num_days(),
                    late: (today - m.created_on()).num_days() >= delay,
                    awaiting: m
                        .awaiting()
                        .iter()
                        .map(explor_engine::mission::Party::label_fr)
                        .collect::<Vec<_>>()
                        .join(", "),
                })
                .collect();
            waiting.sort_by(|a, b| b.days.cmp(&a.days).then_with(|| a.id.cmp(&b.id)));
            Ok(DashboardPage {
                layout: Layout::signed_in("Tableau de bord", &user),
                counts: RecordKind::ALL
                    .into_iter()
                    .map(|k| (label(k), counts.get(&k).copied().unwrap_or(0)))
                    .collect(),
                calls,
                states,
                waiting,
                to_review,
            })
        })
        .await?;
    Ok(page.into_response())
}
