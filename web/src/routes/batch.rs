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
use explor_engine::batch::{ConstraintError, Pair};
use explor_indexer::{BatchOptions, BatchRunError, NewMission, Workspace};
use explor_views::BatchView;
use serde::Deserialize;

use super::{audit, refused};
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
    /// Each assignment as (need, candidate, pinned), for its « Épingler » and « Exclure »
    /// buttons.
    pairs: Vec<(String, String, bool)>,
}

/// The batch form as typed (kept to fill the form again).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct BatchForm {
    #[serde(default)]
    top_k: Option<String>,
    #[serde(default)]
    score_min: Option<String>,
    /// The pins so far, `need=expert` separated by commas (a hidden field, so that a
    /// re-run keeps them).
    #[serde(default)]
    pins: Option<String>,
    /// The exclusions so far, likewise.
    #[serde(default)]
    excludes: Option<String>,
}

/// `need=expert,need=expert` → pairs; the message in French when malformed.
fn parse_pairs(text: &str, field: &str) -> std::result::Result<Vec<Pair>, String> {
    text.split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| match p.split_once('=') {
            Some((n, e)) if !n.trim().is_empty() && !e.trim().is_empty() => {
                Ok(Pair::new(n.trim(), e.trim()))
            }
            _ => Err(explor_engine::fr::pages::bad_pair(field, p)),
        })
        .collect()
}

fn join_pairs(pairs: &[Pair]) -> String {
    pairs
        .iter()
        .map(|p| format!("{}={}", p.need, p.expert))
        .collect::<Vec<_>>()
        .join(",")
}

/// Why pins or exclusions were refused, in French.
fn constraint_message(e: &BatchRunError) -> Option<String> {
    Some(match e {
        BatchRunError::UnknownNeed { need } => explor_engine::fr::pages::unknown_need(need),
        BatchRunError::UnknownExpert { expert } => {
            explor_engine::fr::pages::unknown_candidate(expert)
        }
        BatchRunError::NeedNotInCall { need, call } => {
            explor_engine::fr::pages::need_not_in_call(need, call)
        }
        BatchRunError::Constraint(c) => match c {
            ConstraintError::NeedNotInRun { need } => {
                explor_engine::fr::pages::need_not_in_run(need)
            }
            ConstraintError::NotACandidate { need, expert } => {
                explor_engine::fr::pages::not_a_candidate(expert, need)
            }
            ConstraintError::FailsGate { need, expert, gate } => {
                explor_engine::fr::pages::fails_gate(expert, need, gate)
            }
            ConstraintError::PinnedAndExcluded { need, expert } => {
                explor_engine::fr::pages::pinned_and_excluded(need, expert)
            }
            ConstraintError::TooManyForNeed { need, pins, wanted } => {
                explor_engine::fr::pages::too_many_for_need(pins, need, wanted)
            }
            ConstraintError::TooManyForExpert {
                expert,
                pins,
                capacity,
            } => explor_engine::fr::pages::too_many_for_candidate(pins, expert, capacity),
            ConstraintError::TooManyForCompany {
                company,
                pins,
                quota,
            } => explor_engine::fr::pages::too_many_for_company(pins, company, quota),
            ConstraintError::Batch(_) => return None,
        },
        _ => return None,
    })
}

impl BatchForm {
    fn top_k_text(&self) -> &str {
        self.top_k.as_deref().unwrap_or("50")
    }

    fn min_score_text(&self) -> &str {
        self.score_min.as_deref().unwrap_or("0")
    }

    fn pins_text(&self) -> &str {
        self.pins.as_deref().unwrap_or("")
    }

    fn excludes_text(&self) -> &str {
        self.excludes.as_deref().unwrap_or("")
    }

    /// The pins and exclusions, or the message in French when a field is malformed.
    fn constraints(&self) -> std::result::Result<(Vec<Pair>, Vec<Pair>), String> {
        Ok((
            parse_pairs(self.pins_text(), explor_engine::fr::pages::PINNED_PAIRS)?,
            parse_pairs(self.excludes_text(), "exclues")?,
        ))
    }

    /// The hidden fields' values once `pair` is pinned (`pin`) or excluded, or, for
    /// `remove`, taken out of both lists.
    fn with(&self, pair: &Pair, action: &str) -> (String, String) {
        let (mut pins, mut excludes) = self.constraints().unwrap_or_default();
        pins.retain(|p| p != pair);
        excludes.retain(|p| p != pair);
        match action {
            "pin" => pins.push(pair.clone()),
            "exclude" => excludes.push(pair.clone()),
            _ => {}
        }
        (join_pairs(&pins), join_pairs(&excludes))
    }

    /// [`Self::with`] for ids (from the template).
    fn with_ids(&self, need: &str, expert: &str, action: &str) -> (String, String) {
        self.with(&Pair::new(need, expert), action)
    }

    /// The current pins and exclusions, each with the hidden fields' values once it is
    /// removed: (label, pins, excludes).
    fn current(&self) -> Vec<(String, String, String)> {
        let (pins, excludes) = self.constraints().unwrap_or_default();
        let pinned = pins.iter().map(|p| (p, explor_engine::fr::pages::PINNED));
        let excluded = excludes.iter().map(|p| (p, "exclue"));
        pinned
            .chain(excluded)
            .map(|(p, what)| {
                let (pins, excludes) = self.with(p, "remove");
                (
                    format!("{} — {} ({what})", p.need, p.expert),
                    pins,
                    excludes,
                )
            })
            .collect()
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
                    .then(|| explor_engine::fr::pages::whole_number_up_to(MAX_TOP_K)),
                s.is_none()
                    .then(|| explor_engine::fr::pages::NUMBER_0_100.to_owned()),
            )),
        }
    }
}

/// `GET /appels`.
pub async fn list(State(state): State<AppState>, user: Coordinator) -> Result<CallsPage> {
    // Each call with its number of needs, the needs read once.
    let calls = state
        .with_workspace(|ws| {
            let mut by_call = std::collections::BTreeMap::<String, usize>::new();
            for call in ws.needs()?.into_iter().filter_map(|n| n.call) {
                *by_call.entry(call).or_default() += 1;
            }
            Ok(by_call)
        })
        .await?
        .into_iter()
        .map(|(call, needs)| {
            let link = format!("/appels/{}", seg(&call));
            (call, link, needs)
        })
        .collect();
    Ok(CallsPage {
        layout: Layout::signed_in(explor_engine::fr::pages::CALLS, &user.0),
        calls,
    })
}

/// A run's outcome: the report and its missions, or pins and exclusions refused (the
/// message in French).
type Outcome = std::result::Result<(Report, Vec<NewMission>), String>;

/// The run's report, or a 404 when no need belongs to the call.
fn run(ws: &Workspace, options: &BatchOptions) -> Result<Outcome> {
    let run = match ws.batch(options, &|_| {}) {
        Ok(run) => run,
        Err(BatchRunError::UnknownCall { .. }) => return Err(WebError::NotFound),
        Err(BatchRunError::Workspace(e)) => return Err(e.into()),
        Err(e) if constraint_message(&e).is_some() => {
            return Ok(Err(constraint_message(&e).unwrap_or_default()));
        }
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
    Ok(Ok((
        Report {
            heading: view.heading(),
            sections,
            assignments: run.batch.result.assignments.len(),
            pairs: run
                .batch
                .result
                .assignments
                .iter()
                .map(|a| (a.need.clone(), a.candidate.clone(), a.pinned))
                .collect(),
        },
        requests,
    )))
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
    let mut options = match form.options(&call) {
        Ok(o) => o,
        Err((k, s)) => {
            page.top_k_error = k;
            page.min_score_error = s;
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
        }
    };
    match form.constraints() {
        Ok((pins, excludes)) => {
            options.pins = pins;
            options.excludes = excludes;
        }
        Err(message) => {
            page.error = Some(message);
            return Ok((StatusCode::BAD_REQUEST, page).into_response());
        }
    }
    let outcome = state
        .with_workspace(move |ws| {
            if asked {
                return Ok(Some(run(ws, &options)?.map(|r| r.0)));
            }
            let known = ws.needs()?.into_iter().any(|n| n.call == options.call);
            if known {
                Ok(None)
            } else {
                Err(WebError::NotFound)
            }
        })
        .await?;
    match outcome {
        None => {}
        Some(Ok(report)) => page.report = Some(report),
        Some(Err(message)) => {
            page.error = Some(message);
            return Ok((StatusCode::BAD_REQUEST, page).into_response());
        }
    }
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
    let mut options = match form.options(&call) {
        Ok(o) => o,
        Err((k, s)) => {
            page.top_k_error = k;
            page.min_score_error = s;
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
        }
    };
    match form.constraints() {
        Ok((pins, excludes)) => {
            options.pins = pins;
            options.excludes = excludes;
        }
        Err(message) => {
            page.error = Some(message);
            return Ok((StatusCode::BAD_REQUEST, page).into_response());
        }
    }
    let outcome = state
        .with_workspace_mut(move |ws| {
            let (report, requests) = match run(ws, &options)? {
                Ok(done) => done,
                Err(message) => return Ok(Err((None, message))),
            };
            Ok(refused(ws.create_missions(&requests, today()))?
                .map(|created| {
                    created
                        .into_iter()
                        .map(|c| (c.mission.id, c.mission.need))
                        .collect::<Vec<_>>()
                })
                .map_err(|message| (Some(report), message)))
        })
        .await?;
    match outcome {
        Ok(created) => {
            let ids: Vec<&str> = created.iter().map(|(id, _)| id.as_str()).collect();
            let detail = explor_engine::fr::pages::batch_committed(ids.len(), ids.join(", "));
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
        Err((None, message)) => {
            page.error = Some(message);
            Ok((StatusCode::BAD_REQUEST, page).into_response())
        }
        Err((report, message)) => {
            page.report = report;
            page.error = Some(message);
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}
