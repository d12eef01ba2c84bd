//! The calls for projects: `GET /appels` (the calls the needs name), `GET
//! /appels/{call}` (the batch form and, once run, its report as `explor batch` shows
//! it) and `POST /appels/{call}/valider` (the same run committed: its missions created,
//! as `explor batch --commit` does).

use askama::Template;
use askama_web::WebTemplate;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use explor_indexer::{BatchOptions, BatchRunError, NewMission, Workspace};
use explor_views::{BatchView, Overview};
use serde::Deserialize;

use super::{audit, refusal};
use crate::auth::extract::Coordinator;
use crate::error::{Result, WebError};
use crate::state::AppState;
use crate::store::Action;
use crate::views::{HtmlTable, Layout, seg, today};

/// The largest `top_k` the form takes (the problem grows with it).
const MAX_TOP_K: usize = 500;

#[derive(Template, WebTemplate)]
#[template(path = "calls.html")]
pub struct CallsPage {
    layout: Layout,
    /// (call, its URL, needs).
    calls: Vec<(String, String, usize)>,
}

#[derive(Template, WebTemplate)]
#[template(path = "call.html")]
pub struct CallPage {
    layout: Layout,
    path: String,
    form: BatchForm,
    top_k_error: Option<String>,
    min_score_error: Option<String>,
    report: Option<Report>,
    /// The missions just created by a commit.
    created: Vec<(String, String)>,
    error: Option<String>,
}

/// A run's report: the heading and the sections that have rows.
struct Report {
    heading: String,
    sections: Vec<HtmlTable>,
    assignments: usize,
}

/// The batch form as typed (kept to fill the form again).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct BatchForm {
    #[serde(default)]
    top_k: Option<String>,
    #[serde(default)]
    score_min: Option<String>,
}

impl BatchForm {
    fn top_k_text(&self) -> &str {
        self.top_k.as_deref().unwrap_or("50")
    }

    fn min_score_text(&self) -> &str {
        self.score_min.as_deref().unwrap_or("0")
    }

    /// The options, or a message per field that cannot be read.
    #[allow(clippy::type_complexity)]
    fn options(
        &self,
        call: &str,
    ) -> std::result::Result<BatchOptions, (Option<String>, Option<String>)> {
        let top_k = self
            .top_k_text()
            .trim()
            .parse::<usize>()
            .ok()
            .filter(|k| (1..=MAX_TOP_K).contains(k));
        let min_score = self
            .min_score_text()
            .trim()
            .replace(',', ".")
            .parse::<f64>()
            .ok()
            .filter(|s| (0.0..=100.0).contains(s));
        match (top_k, min_score) {
            (Some(top_k), Some(min_score)) => Ok(BatchOptions {
                call: Some(call.to_owned()),
                top_k,
                min_score,
                include_pending: false,
                pins: Vec::new(),
                excludes: Vec::new(),
            }),
            (k, s) => Err((
                k.is_none()
                    .then(|| format!("Un nombre entier de 1 à {MAX_TOP_K}.")),
                s.is_none().then(|| "Un nombre de 0 à 100.".to_owned()),
            )),
        }
    }
}

/// `GET /appels`.
pub async fn list(State(state): State<AppState>, user: Coordinator) -> Result<CallsPage> {
    let overview = state.with_workspace(|ws| Ok(Overview::build(ws)?)).await?;
    let calls = state
        .with_workspace(|ws| {
            Ok(ws
                .needs()?
                .into_iter()
                .filter_map(|n| n.call)
                .collect::<std::collections::BTreeSet<_>>())
        })
        .await?
        .into_iter()
        .map(|call| {
            let needs = overview.needs_by_call.get(&call).copied().unwrap_or(0);
            (call.clone(), format!("/appels/{}", seg(&call)), needs)
        })
        .collect();
    Ok(CallsPage {
        layout: Layout::signed_in("Appels à projets", &user.0),
        calls,
    })
}

/// The run's report, or a 404 when no need belongs to the call.
fn run(ws: &Workspace, options: &BatchOptions) -> Result<(Report, Vec<NewMission>)> {
    let run = match ws.batch(options, &|_| {}) {
        Ok(run) => run,
        Err(BatchRunError::UnknownCall { .. }) => return Err(WebError::NotFound),
        Err(BatchRunError::Workspace(e)) => return Err(e.into()),
        Err(e) => {
            return Err(crate::error::InternalError::Corrupt(format!("batch: {e}")).into());
        }
    };
    let view = BatchView::build(ws, &run)?;
    let sections = view
        .sections()
        .into_iter()
        .map(|s| HtmlTable::new(format!("{} ({})", s.title, s.table.rows.len()), s.table))
        .collect();
    let requests = NewMission::from_assignments(&run.batch.result.assignments, false);
    Ok((
        Report {
            heading: view.heading(),
            sections,
            assignments: run.batch.result.assignments.len(),
        },
        requests,
    ))
}

fn empty_page(user: &Coordinator, call: &str, form: BatchForm) -> CallPage {
    CallPage {
        layout: Layout::signed_in(&format!("Appel {call}"), &user.0),
        path: seg(call),
        form,
        top_k_error: None,
        min_score_error: None,
        report: None,
        created: Vec::new(),
        error: None,
    }
}

/// `GET /appels/{call}[?top_k=&score_min=]`: the form; with its fields, the report.
pub async fn show(
    State(state): State<AppState>,
    user: Coordinator,
    Path(call): Path<String>,
    Query(form): Query<BatchForm>,
) -> Result<Response> {
    let mut page = empty_page(&user, &call, form.clone());
    let asked = form.top_k.is_some() || form.score_min.is_some();
    let options = match form.options(&call) {
        Ok(o) => o,
        Err((k, s)) => {
            page.top_k_error = k;
            page.min_score_error = s;
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
        }
    };
    page.report = state
        .with_workspace(move |ws| {
            if asked {
                return Ok(Some(run(ws, &options)?.0));
            }
            let known = ws.needs()?.into_iter().any(|n| n.call == options.call);
            if known {
                Ok(None)
            } else {
                Err(WebError::NotFound)
            }
        })
        .await?;
    Ok(page.into_response())
}

/// `POST /appels/{call}/valider`: the batch run again with the form's options, and its
/// assignments made missions (all or none); an audit row with the ids.
pub async fn commit(
    State(state): State<AppState>,
    user: Coordinator,
    Path(call): Path<String>,
    Form(form): Form<BatchForm>,
) -> Result<Response> {
    let mut page = empty_page(&user, &call, form.clone());
    let options = match form.options(&call) {
        Ok(o) => o,
        Err((k, s)) => {
            page.top_k_error = k;
            page.min_score_error = s;
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
        }
    };
    let outcome = state
        .with_workspace_mut(move |ws| {
            let (report, requests) = run(ws, &options)?;
            match ws.create_missions(&requests, today()) {
                Ok(created) => Ok(Ok(created
                    .into_iter()
                    .map(|c| (c.mission.id, c.mission.need))
                    .collect::<Vec<_>>())),
                Err(explor_indexer::Error::User(e)) => Ok(Err((report, refusal(&e)))),
                Err(e) => Err(e.into()),
            }
        })
        .await?;
    match outcome {
        Ok(created) => {
            let ids: Vec<&str> = created.iter().map(|(id, _)| id.as_str()).collect();
            let detail = format!("{} mission(s) : {}", ids.len(), ids.join(", "));
            audit(
                &state,
                &user.0,
                Action::BatchCommitted,
                Some(call),
                Some(detail),
            )
            .await?;
            page.created = created;
            Ok(page.into_response())
        }
        Err((report, message)) => {
            page.report = Some(report);
            page.error = Some(message);
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}
