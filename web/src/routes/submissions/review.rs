//! The coordinator's side: the queue of records to review, a submission in its form
//! (checked against the workspace as it is now), validation through the import, and
//! the request for changes with a message.

use askama::Template;
use askama_web::WebTemplate;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use explor_engine::Reference;
use serde::Deserialize;

use super::{FormPage, FormSpec, Kind, Line, checked, form_page, line, submission_of, title_of};
use crate::auth::extract::Coordinator;
use crate::error::{Result, WebError};
use crate::forms;
use crate::notify::{Audience, Notice, tell};
use crate::routes::{audit, refused};
use crate::state::AppState;
use crate::store::{Action, ReviewState, Submission, now};
use crate::views::{Layout, seg};

#[derive(Template, WebTemplate)]
#[template(path = "review.html")]
struct ReviewQueuePage {
    layout: Layout,
    lines: Vec<Line>,
}

/// `GET /revue`: the submissions waiting for a coordinator, then those sent back.
pub async fn queue(State(state): State<AppState>, user: Coordinator) -> Result<Response> {
    let mut all = state
        .db()
        .read(|db| {
            db.submissions(
                None,
                &[ReviewState::Submitted, ReviewState::ChangesRequested],
            )
        })
        .await?;
    all.sort_by_key(|s| (s.state != ReviewState::Submitted, -s.updated_at));
    Ok(ReviewQueuePage {
        layout: Layout::signed_in(explor_engine::fr::pages::REVIEW_QUEUE, &user.0),
        lines: all.iter().map(line).collect(),
    }
    .into_response())
}

/// The review form of submission `s`.
async fn review_form(
    state: &AppState,
    user: &Coordinator,
    s: &Submission,
    message: Option<String>,
    row: &std::collections::BTreeMap<String, String>,
    issues: &[explor_engine::schema::FieldIssue],
) -> Result<FormPage> {
    let kind = Kind::of(s)?;
    form_page(
        state,
        FormSpec {
            kind,
            title: match kind {
                Kind::Need => explor_engine::fr::pages::REVIEW_NEED,
                Kind::Offer => explor_engine::fr::pages::REVIEW_OFFER,
            },
            action: format!("/revue/{}/valider", s.id),
            message,
            review: true,
            submit_label: explor_engine::fr::pages::VALIDATE,
            user: &user.0,
            org: &s.org_id,
        },
        row,
        issues,
    )
    .await
}

/// Where a validated record is seen: a need's page; the queue for an offer.
fn after_validation(kind: Kind, id: &str) -> String {
    match kind {
        Kind::Need => format!("/besoins/{}", seg(id)),
        Kind::Offer => "/revue".to_owned(),
    }
}

/// `GET /revue/{n}`: a submission in the form, checked against the workspace as it is
/// now, with the coordinator's buttons.
pub async fn page(
    State(state): State<AppState>,
    user: Coordinator,
    Path(number): Path<i64>,
) -> Result<Response> {
    let s = submission_of(&state, number, None).await?;
    let kind = Kind::of(&s)?;
    if s.state == ReviewState::Validated {
        return Ok(Redirect::to(&after_validation(kind, &s.record_id)).into_response());
    }
    let values = forms::values_of(kind.record(), &s.body);
    let sent: Vec<(String, String)> = values.clone().into_iter().collect();
    let issues = match checked(&state, kind, &sent, &s.record_id, &s.org_id).await? {
        Ok(_) => Vec::new(),
        Err((_, issues)) => issues,
    };
    let message = Some(explor_engine::fr::pages::submitted_by(
        &s.record_id,
        &s.org_id,
        s.state.label(),
    ));
    Ok(review_form(&state, &user, &s, message, &values, &issues)
        .await?
        .into_response())
}

/// `POST /revue/{n}/valider`: the coordinator's version of the record (possibly
/// corrected) is imported into the workspace — through the import, all its checks —
/// and from then on matched.
pub async fn validate(
    State(state): State<AppState>,
    user: Coordinator,
    Path(number): Path<i64>,
    Form(sent): Form<Vec<(String, String)>>,
) -> Result<Response> {
    let s = submission_of(&state, number, None).await?;
    if s.state == ReviewState::Validated {
        return Err(WebError::NotFound);
    }
    let kind = Kind::of(&s)?;
    let value = match checked(&state, kind, &sent, &s.record_id, &s.org_id).await? {
        Ok(value) => value,
        Err((row, issues)) => {
            let page = review_form(&state, &user, &s, None, &row, &issues).await?;
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
        }
    };
    let title = title_of(&value);
    let imported = state
        .with_workspace_mut(move |ws| {
            refused(ws.import_form(kind.record(), value, &Reference::embedded()))
                .map(|r| r.map(drop))
        })
        .await?;
    if let Err(message) = imported {
        let values = forms::row(kind.record(), &sent);
        let page = review_form(&state, &user, &s, Some(message), &values, &[]).await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
    }
    state
        .db()
        .run(move |db| db.review(number, ReviewState::Validated, None, now()))
        .await?;
    audit(
        &state,
        &user.0,
        Action::SubmissionValidated,
        Some(s.record_id.clone()),
        Some(format!("demande {number}")),
    )
    .await?;
    tell(
        &state,
        Notice {
            to: Audience::Org(s.org_id.clone()),
            subject: match kind {
                Kind::Need => explor_engine::fr::pages::NEED_PUBLISHED_SUBJECT,
                Kind::Offer => explor_engine::fr::pages::OFFER_PUBLISHED_SUBJECT,
            }
            .to_owned(),
            text: kind.published(&title),
            link: kind.space().to_owned(),
        },
    )
    .await?;
    Ok(Redirect::to(&after_validation(kind, &s.record_id)).into_response())
}

/// The "ask for changes" form.
#[derive(Debug, Deserialize)]
pub struct ChangesForm {
    #[serde(default)]
    message: String,
}

/// `POST /revue/{n}/modifications`: sends the submission back with a message.
pub async fn request_changes(
    State(state): State<AppState>,
    user: Coordinator,
    Path(number): Path<i64>,
    Form(form): Form<ChangesForm>,
) -> Result<Response> {
    let s = submission_of(&state, number, None).await?;
    let kind = Kind::of(&s)?;
    let message = form.message.trim().to_owned();
    if s.state == ReviewState::Validated || message.is_empty() {
        return Ok(Redirect::to(&format!("/revue/{number}")).into_response());
    }
    let notice = Notice {
        to: Audience::Org(s.org_id.clone()),
        subject: explor_engine::fr::pages::changes_subject(kind.your()),
        text: explor_engine::fr::pages::changes_requested(kind.your(), title_of(&s.body), &message),
        link: format!("/mon-espace/demandes/{number}"),
    };
    state
        .db()
        .run(move |db| db.review(number, ReviewState::ChangesRequested, Some(&message), now()))
        .await?;
    audit(
        &state,
        &user.0,
        Action::ChangesRequested,
        Some(s.record_id),
        Some(format!("demande {number}")),
    )
    .await?;
    tell(&state, notice).await?;
    Ok(Redirect::to("/revue").into_response())
}
