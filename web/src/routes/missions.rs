//! The missions: `GET /missions[?etat=]` (the list), `GET /missions/{id}` (its sheet,
//! log, cost plan, next states, checklist and documents), `POST /missions/{id}/etat`
//! and `POST /missions/{id}/pieces` (the changes `explor mission advance` and `record`
//! make), and `GET /missions/{id}/documents/{kind}[?format=md|html|odt|docx]`.

use askama::Template;
use askama_web::WebTemplate;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use explor_engine::mission::{DocFormat, DocKind, Item, Mission, State as MissionState};
use explor_views::MissionSheet;
use explor_views::mission::list_table;
use serde::Deserialize;

use super::{audit, missing_is_404, refused};
use crate::auth::extract::Coordinator;
use crate::error::{Result, WebError};
use crate::state::AppState;
use crate::store::Action;
use crate::views::{HtmlTable, Layout, day, seg, today};

#[derive(Template, WebTemplate)]
#[template(path = "missions.html")]
pub struct MissionsPage {
    layout: Layout,
    states: Vec<(&'static str, &'static str)>,
    chosen: String,
    problem: Option<String>,
    table: HtmlTable,
}

#[derive(Template, WebTemplate)]
#[template(path = "mission.html")]
pub struct MissionPage {
    layout: Layout,
    /// The mission's id, encoded for its URLs.
    path: String,
    summary: HtmlTable,
    log: HtmlTable,
    plan: Result<Plan, String>,
    /// (value, French label) of each state the mission may move to.
    next: Vec<(&'static str, &'static str)>,
    /// (value, French label, day recorded) of each checklist item.
    checklist: Vec<(&'static str, &'static str, Option<String>)>,
    finished: bool,
    /// (value, French title) of each document.
    documents: Vec<(&'static str, &'static str)>,
    error: Option<String>,
}

/// The cost plan's tables and lines, as `explor mission show` prints them.
struct Plan {
    lines: HtmlTable,
    totals: HtmlTable,
    mecenat: Vec<String>,
    sources: Vec<String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "document.html")]
pub struct DocumentPage {
    layout: Layout,
    path: String,
    kind: &'static str,
    text: String,
}

/// `?etat=proposed`.
#[derive(Debug, Default, Deserialize)]
pub struct ListQuery {
    #[serde(default)]
    etat: String,
}

/// The state form.
#[derive(Debug, Deserialize)]
pub struct StateForm {
    #[serde(default)]
    etat: String,
}

/// The checklist form.
#[derive(Debug, Deserialize)]
pub struct ItemForm {
    #[serde(default)]
    piece: String,
}

/// `?format=md|html|odt|docx`: download the document.
#[derive(Debug, Default, Deserialize)]
pub struct DocQuery {
    #[serde(default)]
    format: Option<String>,
}

/// `GET /missions[?etat=…]`; an unknown state is said and the filter ignored.
pub async fn list(
    State(state): State<AppState>,
    user: Coordinator,
    Query(q): Query<ListQuery>,
) -> Result<MissionsPage> {
    let chosen = q.etat.trim().to_owned();
    let (wanted, problem) = match chosen.as_str() {
        "" => (None, None),
        s => match s.parse::<MissionState>() {
            Ok(s) => (Some(s), None),
            Err(_) => (
                None,
                Some(explor_engine::fr::pages::UNKNOWN_STATE_FILTER.to_owned()),
            ),
        },
    };
    let table = state
        .with_workspace(move |ws| {
            let missions: Vec<Mission> = ws
                .missions()?
                .into_iter()
                .filter(|m| wanted.is_none_or(|s| m.state() == s))
                .collect();
            let caption = match wanted {
                Some(s) => {
                    explor_engine::fr::pages::missions_in_state(missions.len(), s.label_fr())
                }
                None => explor_engine::fr::pages::missions_count(missions.len()),
            };
            Ok(HtmlTable::linked(
                caption,
                list_table(ws, &missions),
                |row| row.first().map(|id| format!("/missions/{}", seg(id))),
            ))
        })
        .await?;
    Ok(MissionsPage {
        layout: Layout::signed_in(explor_engine::fr::pages::MISSIONS, &user.0),
        states: MissionState::ALL
            .iter()
            .map(|s| (s.as_str(), s.label_fr()))
            .collect(),
        chosen,
        problem,
        table,
    })
}

async fn page(
    state: &AppState,
    user: &Coordinator,
    id: String,
    error: Option<String>,
) -> Result<MissionPage> {
    let layout = Layout::signed_in(&explor_engine::fr::pages::mission_title(&id), &user.0);
    state
        .with_workspace(move |ws| {
            let file = ws.mission_file(&id).map_err(missing_is_404)?;
            let sheet = MissionSheet::build(ws, &file)?;
            let rules = ws.cost_rules()?;
            let plan = sheet.plan(&rules).map(|p| Plan {
                lines: HtmlTable::new(explor_engine::fr::pages::COST_LINES, p.lines()),
                totals: HtmlTable::new(explor_engine::fr::pages::TOTALS, p.totals()),
                mecenat: p.mecenat(),
                sources: p.sources(),
            });
            let m = &file.mission;
            Ok(MissionPage {
                layout,
                path: seg(&id),
                summary: HtmlTable::new(explor_engine::fr::pages::THE_MISSION, sheet.summary()),
                log: HtmlTable::new(explor_engine::fr::pages::MISSION_LOG, sheet.log()),
                plan,
                next: m
                    .state()
                    .allowed()
                    .into_iter()
                    .map(|s| (s.as_str(), s.label_fr()))
                    .collect(),
                checklist: m
                    .checklist()
                    .into_iter()
                    .map(|(item, on)| (item.as_str(), item.label_fr(), on.map(day)))
                    .collect(),
                finished: m.state().is_final(),
                documents: DocKind::ALL
                    .iter()
                    .map(|k| (k.as_str(), k.title_fr()))
                    .collect(),
                error,
            })
        })
        .await
}

/// `GET /missions/{id}`.
pub async fn show(
    State(state): State<AppState>,
    user: Coordinator,
    Path(id): Path<String>,
) -> Result<MissionPage> {
    page(&state, &user, id, None).await
}

/// What a change asked of a mission: moved on, or refused with a sentence.
type Outcome = std::result::Result<String, String>;

/// Answers a change: the mission's page again after success (and its audit row), or
/// the page with the refusal and nothing written.
async fn answer(
    state: &AppState,
    user: &Coordinator,
    id: String,
    action: Action,
    outcome: Outcome,
) -> Result<Response> {
    match outcome {
        Ok(detail) => {
            audit(state, &user.0, action, Some(id.clone()), Some(detail)).await?;
            Ok(Redirect::to(&format!("/missions/{}", seg(&id))).into_response())
        }
        Err(message) => {
            let page = page(state, user, id, Some(message)).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}

/// `POST /missions/{id}/etat` (`etat`: the target state).
pub async fn advance(
    State(state): State<AppState>,
    user: Coordinator,
    Path(id): Path<String>,
    Form(form): Form<StateForm>,
) -> Result<Response> {
    let mission = id.clone();
    let outcome = state
        .with_workspace_mut(move |ws| {
            let from = ws.mission(&mission).map_err(missing_is_404)?.state();
            let Ok(to) = form.etat.parse::<MissionState>() else {
                return Ok(Err(explor_engine::fr::pages::CHOOSE_STATE.to_owned()));
            };
            refused(ws.advance_mission(&mission, to, today(), None))
                .map(|r| r.map(|_| format!("{from} → {to}")))
        })
        .await?;
    answer(&state, &user, id, Action::MissionAdvanced, outcome).await
}

/// `POST /missions/{id}/pieces` (`piece`: training, insurance or debrief).
pub async fn record(
    State(state): State<AppState>,
    user: Coordinator,
    Path(id): Path<String>,
    Form(form): Form<ItemForm>,
) -> Result<Response> {
    let mission = id.clone();
    let outcome = state
        .with_workspace_mut(move |ws| {
            ws.mission(&mission).map_err(missing_is_404)?;
            let Ok(item) = form.piece.parse::<Item>() else {
                return Ok(Err(explor_engine::fr::pages::CHOOSE_ITEM.to_owned()));
            };
            refused(ws.record_mission_item(&mission, item, today(), None))
                .map(|r| r.map(|_| item.as_str().to_owned()))
        })
        .await?;
    answer(&state, &user, id, Action::MissionItemRecorded, outcome).await
}

/// `GET /missions/{id}/documents/{kind}`: the document's Markdown in the page;
/// `?format=md|html|odt|docx`: the file to download (`.odt` and `.docx` to edit in an
/// office suite). The HTML version is a page of its own and is only ever downloaded,
/// never shown inside the site.
pub async fn document(
    State(state): State<AppState>,
    user: Coordinator,
    Path((id, kind)): Path<(String, String)>,
    Query(q): Query<DocQuery>,
) -> Result<Response> {
    let kind: DocKind = kind.parse().map_err(|_| WebError::NotFound)?;
    let format = match q.format.as_deref() {
        None => None,
        Some(name) => Some(name.parse::<DocFormat>().map_err(|_| WebError::NotFound)?),
    };
    let mission = id.clone();
    let Some(format) = format else {
        let text = state
            .with_workspace(move |ws| {
                ws.mission_document(&mission, kind, DocFormat::Markdown)
                    .map_err(missing_is_404)
            })
            .await?;
        return Ok(DocumentPage {
            layout: Layout::signed_in(
                &explor_engine::fr::pages::document_title(kind.title_fr(), &id),
                &user.0,
            ),
            path: seg(&id),
            kind: kind.as_str(),
            text,
        }
        .into_response());
    };
    let bytes = state
        .with_workspace(move |ws| {
            ws.mission_document_file(&mission, kind, format)
                .map_err(missing_is_404)
        })
        .await?;
    let content_type = format.media_type();
    // The file name from the mission id's safe characters only.
    let stem: String = id
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    let disposition = format!(
        "attachment; filename=\"{stem}-{}.{}\"",
        kind.as_str(),
        format.as_str()
    );
    let mut res = bytes.into_response();
    let headers = res.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    if let Ok(v) = HeaderValue::from_str(&disposition) {
        headers.insert(header::CONTENT_DISPOSITION, v);
    }
    Ok(res)
}
