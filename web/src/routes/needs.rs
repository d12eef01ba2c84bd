//! The needs: `GET /besoins` (the list), `GET /besoins/{id}` (a need's ranked
//! candidates as `explor match` shows them; with `?exclus=1` the excluded too, the
//! first 200 of them, as `--include-ineligible` adds them) and
//! `POST /besoins/{id}/proposer` (a mission proposed to one candidate).
//!
//! The excluded are not listed by default: listing them means explaining every
//! ineligible expert of the workspace, which at national scale costs far more than the
//! ranking itself.

use std::sync::Arc;

use askama::Template;
use askama_web::WebTemplate;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use explor_engine::{Record, RecordKind};
use explor_indexer::{MatchOptions, NewMission, StaffRequest};
use explor_views::NeedMatch;
use explor_views::matching::breakdown;
use explor_views::records::summary_table;
use serde::Deserialize;

use super::{audit, missing_is_404, refused};
use crate::auth::extract::Coordinator;
use crate::error::{Result, WebError};
use crate::state::AppState;
use crate::store::Action;
use crate::views::{HtmlTable, Layout, seg, today};

/// Candidates shown by default, and with `?tous=1`.
const TOP: usize = 10;
const TOP_ALL: usize = 50;
/// The excluded listed at most (a page of 100,000 rows helps nobody).
const MAX_EXCLUDED_ROWS: usize = 200;

#[derive(Template, WebTemplate)]
#[template(path = "needs.html")]
pub struct NeedsPage {
    layout: Layout,
    table: HtmlTable,
}

#[derive(Template, WebTemplate)]
#[template(path = "need.html")]
pub struct NeedPage {
    layout: Layout,
    id: String,
    heading: Option<String>,
    notes: Vec<String>,
    header: Vec<String>,
    candidates: Vec<Candidate>,
    /// The excluded, when asked for (or when nobody is eligible).
    excluded: Option<HtmlTable>,
    /// Why the excluded are, one line per gate with counts.
    summary: Vec<String>,
    all: bool,
    error: Option<String>,
}

/// One ranked candidate: its row of the view's table, and its score's breakdown.
struct Candidate {
    id: String,
    cells: Vec<String>,
    breakdown: HtmlTable,
}

/// `?tous=1`: the first 50 candidates rather than 10; `?exclus=1`: the excluded too.
#[derive(Debug, Default, Deserialize)]
pub struct NeedQuery {
    #[serde(default)]
    tous: Option<String>,
    #[serde(default)]
    exclus: Option<String>,
}

/// The "Proposer" form.
#[derive(Debug, Deserialize)]
pub struct ProposeForm {
    #[serde(default)]
    candidat: String,
}

/// `GET /besoins`.
pub async fn list(State(state): State<AppState>, user: Coordinator) -> Result<NeedsPage> {
    let records = state
        .with_workspace(|ws| Ok(ws.records(RecordKind::Need)?))
        .await?;
    let table = HtmlTable::linked(
        explor_engine::fr::pages::needs_caption(records.len()),
        summary_table(RecordKind::Need, &records),
        |row| row.first().map(|id| format!("/besoins/{}", seg(id))),
    );
    Ok(NeedsPage {
        layout: Layout::signed_in(explor_engine::fr::pages::NEEDS, &user.0),
        table,
    })
}

/// What a need's page shows: 50 candidates rather than 10, the excluded.
#[derive(Debug, Clone, Copy, Default)]
struct Shown {
    all: bool,
    excluded: bool,
}

async fn page(
    state: &AppState,
    user: &Coordinator,
    id: String,
    shown: Shown,
    error: Option<String>,
) -> Result<NeedPage> {
    let all = shown.all;
    let layout = Layout::signed_in(&explor_engine::fr::pages::need_title(&id), &user.0);
    let kept = state.clone();
    state
        .with_workspace(move |ws| {
            let opts = MatchOptions {
                top: if all { TOP_ALL } else { TOP },
                include_ineligible: shown.excluded,
                include_pending: false,
            };
            // Judging every candidate is the costly case: kept for the next view.
            let build = |opts: MatchOptions| -> Result<Arc<NeedMatch>> {
                if !opts.include_ineligible {
                    return Ok(Arc::new(
                        NeedMatch::build(ws, &id, opts).map_err(missing_is_404)?,
                    ));
                }
                let key = (id.clone(), ws.generation()?, opts.top);
                if let Some(view) = kept.judged(&key) {
                    return Ok(view);
                }
                let view = Arc::new(NeedMatch::build(ws, &id, opts).map_err(missing_is_404)?);
                kept.keep_judged(key, Arc::clone(&view));
                Ok(view)
            };
            let mut view = build(opts)?;
            let mut opts = opts;
            let mut summary = view.exclusion_summary();
            if view.result.candidates.is_empty() && !opts.include_ineligible {
                // Nobody eligible: the page says why without being asked — in one line
                // when the need bars everyone (judging each would say it N times over),
                // else a line per gate over the excluded, listed.
                if let Some(lines) = NeedMatch::barred_summary(ws, &id)? {
                    summary = lines;
                } else {
                    opts.include_ineligible = true;
                    view = build(opts)?;
                    summary = view.exclusion_summary();
                }
            }
            let ranked = view.ranked();
            let candidates = view
                .result
                .candidates
                .iter()
                .zip(ranked.rows)
                .map(|(s, cells)| Candidate {
                    id: s.id.clone(),
                    cells,
                    breakdown: HtmlTable::new(
                        explor_engine::fr::pages::score_caption(&s.id),
                        breakdown(s),
                    ),
                })
                .collect();
            let excluded = opts.include_ineligible.then(|| {
                let count = view.result.excluded.len();
                let mut table = view.excluded();
                table.rows.truncate(MAX_EXCLUDED_ROWS);
                let shown = if count > MAX_EXCLUDED_ROWS {
                    explor_engine::fr::pages::first_rows(MAX_EXCLUDED_ROWS)
                } else {
                    String::new()
                };
                HtmlTable::new(
                    explor_engine::fr::pages::excluded_caption(count, &shown),
                    table,
                )
            });
            Ok(NeedPage {
                layout,
                heading: view.heading.clone(),
                notes: view.notes.clone(),
                header: ranked.header,
                candidates,
                excluded,
                summary,
                id,
                all,
                error,
            })
        })
        .await
}

/// `GET /besoins/{id}[?tous=1]`.
pub async fn show(
    State(state): State<AppState>,
    user: Coordinator,
    Path(id): Path<String>,
    Query(q): Query<NeedQuery>,
) -> Result<NeedPage> {
    let shown = Shown {
        all: q.tous.as_deref() == Some("1"),
        excluded: q.exclus.as_deref() == Some("1"),
    };
    page(&state, &user, id, shown, None).await
}

/// `POST /besoins/{id}/proposer`: a mission, state `proposed`, for the need and the
/// candidate (an expert, or a company offer); refused with the reason on the need's
/// page when a gate fails or a booking overlaps, and then nothing is written.
pub async fn propose(
    State(state): State<AppState>,
    user: Coordinator,
    Path(id): Path<String>,
    Form(form): Form<ProposeForm>,
) -> Result<Response> {
    let (need, candidate) = (id.clone(), form.candidat.trim().to_owned());
    let made = state
        .with_workspace_mut(move |ws| {
            match ws.record(&need).map_err(missing_is_404)? {
                Record::Need(_) => {}
                _ => return Err(WebError::NotFound),
            }
            let staff = match ws.record(&candidate) {
                Ok(Record::Offer(o)) => StaffRequest::Offer(o.id),
                Ok(Record::Expert(e)) => StaffRequest::Experts(vec![e.id]),
                _ => {
                    return Ok(Err(explor_engine::fr::pages::not_a_candidate_id(
                        &candidate,
                    )));
                }
            };
            let request = NewMission {
                need,
                staff,
                start: None,
                days: None,
                payer: None,
                include_pending: false,
                note: Some(explor_engine::fr::pages::PROPOSED_ON_SITE.to_owned()),
            };
            refused(ws.create_mission(&request, today()))
                .map(|r| r.map(|created| (created.mission.id, candidate)))
        })
        .await?;
    match made {
        Ok((mission, candidate)) => {
            let detail = format!("{id} ← {candidate}");
            audit(
                &state,
                &user.0,
                Action::MissionProposed,
                Some(mission.clone()),
                Some(detail),
            )
            .await?;
            Ok(Redirect::to(&format!("/missions/{}", seg(&mission))).into_response())
        }
        Err(message) => {
            let page = page(&state, &user, id, Shown::default(), Some(message)).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}
