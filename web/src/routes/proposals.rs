//! Proposals answered by the parties (issue #15): `GET /mon-espace/propositions` lists
//! the missions proposed to the signed-in association (for its needs) or expert (that
//! it is on), each with the answers given so far; `POST /mon-espace/propositions/{id}`
//! accepts or declines one (a decline says why). Coordinators are told at once, in the
//! app and by e-mail, and read the reason in the mission's log. A mission that is not
//! the account's answers 404.

use askama::Template;
use askama_web::WebTemplate;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use explor_engine::mission::{Mission, Party, State as MissionState, answer_label_fr};
use explor_engine::{Record, RecordKind};
use serde::Deserialize;

use super::{audit, refused};
use crate::auth::extract::Answerer;
use crate::error::{Result, WebError};
use crate::notify::{self, Audience, Notice};
use crate::state::AppState;
use crate::store::Action;
use crate::views::{Layout, day, seg, today};

/// One proposal as its party sees it.
struct Proposal {
    mission: String,
    need_title: String,
    country: String,
    dates: String,
    /// Who is proposed (names; for the association).
    people: Vec<String>,
    /// The answers given so far, in words.
    answers: Vec<String>,
    /// This party's own answer, if any.
    mine: Option<String>,
    open: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "proposals.html")]
struct ProposalsPage {
    layout: Layout,
    proposals: Vec<Proposal>,
    /// An expert's missions back from the field whose debrief is not in: (id, title).
    to_debrief: Vec<(String, String)>,
    error: Option<String>,
}

/// The expert's missions back from the field without a debrief yet.
async fn to_debrief(state: &AppState, who: &Answerer) -> Result<Vec<(String, String)>> {
    let Party::Expert(expert) = who.party.clone() else {
        return Ok(Vec::new());
    };
    state
        .with_workspace(move |ws| {
            let mut out = Vec::new();
            for m in ws.missions()? {
                if m.staff.experts().contains(&expert)
                    && m.state() == MissionState::Returned
                    && !m.has(explor_engine::mission::Item::Debrief)
                {
                    let title = match ws.record(&m.need) {
                        Ok(Record::Need(n)) => n.title,
                        _ => m.need.clone(),
                    };
                    out.push((m.id.clone(), title));
                }
            }
            Ok(out)
        })
        .await
}

/// Whether the mission is the party's: the association's need, or the expert on it.
fn concerns(mission: &Mission, need_association: &str, who: &Answerer) -> bool {
    match &who.party {
        Party::Association => need_association == who.org,
        Party::Expert(id) => mission.staff.experts().contains(id),
    }
}

async fn proposals(state: &AppState, who: &Answerer) -> Result<Vec<Proposal>> {
    let who = who.clone();
    state
        .with_workspace(move |ws| {
            let needs = ws.records(RecordKind::Need)?;
            let mut out = Vec::new();
            for m in ws.missions()? {
                let Some(need) = needs.iter().find_map(|r| match r {
                    Record::Need(n) if n.id == m.need => Some(n),
                    _ => None,
                }) else {
                    continue;
                };
                if !concerns(&m, &need.association, &who) {
                    continue;
                }
                let open = m.state() == MissionState::Proposed;
                if !open && m.answers().is_empty() {
                    continue;
                }
                let people = if who.party == Party::Association {
                    ws.records_by_ids(m.staff.experts().iter().map(String::as_str))?
                        .into_iter()
                        .filter_map(|r| match r {
                            Record::Expert(e) => Some(format!("{} ({})", e.name, e.id)),
                            _ => None,
                        })
                        .collect()
                } else {
                    Vec::new()
                };
                let answers = m.answers();
                out.push(Proposal {
                    mission: m.id.clone(),
                    need_title: need.title.clone(),
                    country: need.country.to_string(),
                    dates: explor_engine::fr::pages::from_to(
                        day(m.dates.from()),
                        day(m.dates.to()),
                    ),
                    people,
                    mine: answers.iter().find(|a| a.party == who.party).map(|a| {
                        let mut s = if a.accepted {
                            explor_engine::fr::pages::YOU_ACCEPTED.to_owned()
                        } else {
                            explor_engine::fr::pages::YOU_DECLINED.to_owned()
                        };
                        if let Some(r) = &a.reason {
                            s.push_str(&format!(" : {r}"));
                        }
                        s
                    }),
                    answers: answers
                        .iter()
                        .map(|a| {
                            let mut s = answer_label_fr(&a.party, a.accepted);
                            if let Some(r) = &a.reason {
                                s.push_str(&format!(" — {r}"));
                            }
                            s
                        })
                        .collect(),
                    open,
                });
            }
            Ok(out)
        })
        .await
}

/// `GET /mon-espace/propositions`.
pub async fn list(State(state): State<AppState>, who: Answerer) -> Result<Response> {
    Ok(ProposalsPage {
        layout: Layout::signed_in("Propositions", &who.user),
        proposals: proposals(&state, &who).await?,
        to_debrief: to_debrief(&state, &who).await?,
        error: None,
    }
    .into_response())
}

/// The answer form.
#[derive(Debug, Deserialize)]
pub struct AnswerForm {
    #[serde(default)]
    decision: String,
    #[serde(default)]
    raison: String,
}

/// `POST /mon-espace/propositions/{id}`: accepts or declines the proposal.
pub async fn answer(
    State(state): State<AppState>,
    who: Answerer,
    Path(id): Path<String>,
    Form(form): Form<AnswerForm>,
) -> Result<Response> {
    let accepted = match form.decision.as_str() {
        "accepter" => true,
        "decliner" => false,
        _ => return Err(WebError::NotFound),
    };
    let reason = Some(form.raison.trim().to_owned()).filter(|r| !r.is_empty());
    let (mission_id, party, org) = (id.clone(), who.party.clone(), who.org.clone());
    let who2 = who.clone();
    let done = state
        .with_workspace_mut(move |ws| {
            let Ok(mission) = ws.mission(&mission_id) else {
                return Err(WebError::NotFound);
            };
            let association = match ws.record(&mission.need) {
                Ok(Record::Need(n)) => n.association,
                _ => return Err(WebError::NotFound),
            };
            if !concerns(&mission, &association, &who2) {
                return Err(WebError::NotFound);
            }
            refused(ws.answer_proposal(&mission_id, party, accepted, reason.clone(), today()))
                .map(|r| r.map(|_| reason))
        })
        .await?;
    match done {
        Ok(reason) => {
            let what = answer_label_fr(&who.party, accepted);
            let who_text = match &who.party {
                Party::Association => explor_engine::fr::pages::the_association(&org),
                Party::Expert(e) => explor_engine::fr::pages::the_expert(e),
            };
            audit(
                &state,
                &who.user,
                Action::ProposalAnswered,
                Some(id.clone()),
                Some(
                    if accepted {
                        explor_engine::fr::pages::ACCEPTED
                    } else {
                        explor_engine::fr::pages::DECLINED
                    }
                    .to_owned(),
                ),
            )
            .await?;
            let mut text = explor_engine::fr::pages::answered(&id, &what);
            if let Some(r) = &reason {
                text.push_str(&explor_engine::fr::pages::reason_quoted(r));
            }
            let notice = Notice {
                to: Audience::Coordinators,
                subject: explor_engine::fr::pages::answer_subject(&who_text),
                text,
                link: format!("/missions/{}", seg(&id)),
            };
            notify::tell(&state, notice).await?;
            Ok(Redirect::to("/mon-espace/propositions").into_response())
        }
        Err(message) => {
            let page = ProposalsPage {
                layout: Layout::signed_in("Propositions", &who.user),
                proposals: proposals(&state, &who).await?,
                to_debrief: to_debrief(&state, &who).await?,
                error: Some(message),
            };
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}
