//! Needs posted from the web app and their review (issue #15).
//!
//! An association posts a need (`/mon-espace/besoins/nouveau`): the form is read as a
//! spreadsheet row and held to the import's rules, each problem shown next to its
//! field; nothing is written until it is right. The need then waits as a
//! *submission*: it is not in the workspace, so nothing matches it. A coordinator
//! reviews it (`/revue/{n}`): corrects it in the same form and validates it — it is
//! then imported like a file's record — or asks for changes with a message, which the
//! association reads on its submission's page and answers with a corrected version.
//! The association's eligibility (member of the network, field experience) is shown at
//! both ends. An association sees its own needs and submissions only: any other number
//! or id answers 404.

use std::collections::BTreeMap;

use askama::Template;
use askama_web::WebTemplate;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use explor_engine::model::Ineligibility;
use explor_engine::schema::FieldIssue;
use explor_engine::{Record, RecordKind, Reference};
use serde::Deserialize;

use super::{audit, refused};
use crate::auth::extract::{AssociationUser, Coordinator, CurrentUser};
use crate::error::{Result, WebError};
use crate::forms::{self, FormField, Input};
use crate::notify::{Audience, Notice, tell};
use crate::state::AppState;
use crate::store::{Action, ReviewState, Submission, now};
use crate::views::{Layout, date_time, seg};

/// One line of a list of submissions.
struct Line {
    number: i64,
    record_id: String,
    title: String,
    org_id: String,
    state: &'static str,
    updated: String,
    message: String,
}

fn line(s: &Submission) -> Line {
    Line {
        number: s.id,
        record_id: s.record_id.clone(),
        title: s.body["title"].as_str().unwrap_or_default().to_owned(),
        org_id: s.org_id.clone(),
        state: s.state.label(),
        updated: date_time(s.updated_at),
        message: s.message.clone().unwrap_or_default(),
    }
}

/// The association's needs in the workspace (validated), by id and title.
struct Validated {
    id: String,
    title: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "my_needs.html")]
struct MyNeedsPage {
    layout: Layout,
    needs: Vec<Validated>,
    pending: Vec<Line>,
    eligibility: Vec<&'static str>,
}

#[derive(Template, WebTemplate)]
#[template(path = "need_form.html")]
struct NeedFormPage {
    layout: Layout,
    action: String,
    intro: Option<String>,
    message: Option<String>,
    fields: Vec<FormField>,
    general: Vec<String>,
    has_errors: bool,
    eligibility: Vec<&'static str>,
    /// The coordinator's review buttons (validate, ask for changes).
    review: bool,
    /// Where the coordinator's "ask for changes" form goes.
    changes_action: String,
    submit_label: &'static str,
}

#[derive(Template, WebTemplate)]
#[template(path = "review.html")]
struct ReviewQueuePage {
    layout: Layout,
    lines: Vec<Line>,
}

/// The programme's eligibility rules the association does not meet, in French.
fn eligibility_lines(problems: &[Ineligibility]) -> Vec<&'static str> {
    problems
        .iter()
        .map(|p| match p {
            Ineligibility::NotNetworkMember => {
                "L’association n’est pas (encore) membre active du réseau."
            }
            Ineligibility::NoFieldExperience => {
                "L’association n’a pas d’expérience de terrain enregistrée."
            }
        })
        .collect()
}

/// The association's eligibility problems, read in the workspace.
async fn eligibility(state: &AppState, org: &str) -> Result<Vec<&'static str>> {
    let org = org.to_owned();
    state
        .with_workspace(move |ws| match ws.record(&org) {
            Ok(Record::Association(a)) => Ok(eligibility_lines(&a.ineligibility())),
            _ => Ok(vec![
                "Le compte n’est rattaché à aucune association connue.",
            ]),
        })
        .await
}

/// `GET /mon-espace/besoins`: the association's needs and its submissions.
pub async fn mine(State(state): State<AppState>, who: AssociationUser) -> Result<Response> {
    let org = who.org.clone();
    let needs = state
        .with_workspace(move |ws| {
            Ok(ws
                .records(RecordKind::Need)?
                .into_iter()
                .filter_map(|r| match r {
                    Record::Need(n) if n.association == org => Some(Validated {
                        id: n.id,
                        title: n.title,
                    }),
                    _ => None,
                })
                .collect::<Vec<_>>())
        })
        .await?;
    let org = who.org.clone();
    let pending = state
        .db()
        .read(move |db| {
            db.submissions(
                Some(&org),
                &[ReviewState::Submitted, ReviewState::ChangesRequested],
            )
        })
        .await?;
    Ok(MyNeedsPage {
        layout: Layout::signed_in("Mes besoins", &who.user),
        needs,
        pending: pending.iter().map(line).collect(),
        eligibility: eligibility(&state, &who.org).await?,
    }
    .into_response())
}

/// `GET /mon-espace/besoins/nouveau`: an empty need form.
pub async fn new_form(State(state): State<AppState>, who: AssociationUser) -> Result<Response> {
    let (fields, general) = forms::need_form(&BTreeMap::new(), &[], &Reference::embedded());
    Ok(NeedFormPage {
        layout: Layout::signed_in("Publier un besoin", &who.user),
        action: "/mon-espace/besoins/nouveau".to_owned(),
        intro: Some(
            "Le besoin sera relu par l’équipe du réseau avant d’être proposé aux experts."
                .to_owned(),
        ),
        message: None,
        fields,
        general,
        has_errors: false,
        eligibility: eligibility(&state, &who.org).await?,
        review: false,
        changes_action: String::new(),
        submit_label: "Soumettre le besoin",
    }
    .into_response())
}

/// A need's form as sent, checked by the import's rules against the workspace:
/// its record, or its values and problems for the page.
async fn checked(
    state: &AppState,
    sent: &[(String, String)],
    record_id: &str,
    org: &str,
) -> Result<std::result::Result<serde_json::Value, (BTreeMap<String, String>, Vec<FieldIssue>)>> {
    let row = forms::row(RecordKind::Need, sent);
    let (value, mut issues) = forms::record_of(
        RecordKind::Need,
        &row,
        &[("id", record_id), ("association", org)],
    );
    if issues.is_empty() {
        let checked_value = value.clone();
        let problems = state
            .with_workspace(move |ws| {
                Ok(ws.check_form(RecordKind::Need, &checked_value, &Reference::embedded())?)
            })
            .await?;
        if let Err(problems) = problems {
            issues = problems;
        }
    }
    Ok(if issues.is_empty() {
        Ok(value)
    } else {
        Err((row, issues))
    })
}

fn title_of(value: &serde_json::Value) -> String {
    value["title"].as_str().unwrap_or_default().to_owned()
}

/// The next free need id of an association: `need-<association>-<n>`.
async fn new_need_id(state: &AppState, org: &str) -> Result<String> {
    let stem = format!("need-{}", org.strip_prefix("asso-").unwrap_or(org));
    let submitted: std::collections::HashSet<String> = state
        .db()
        .read(|db| db.submissions(None, &[]))
        .await?
        .into_iter()
        .map(|s| s.record_id)
        .collect();
    state
        .with_workspace(move |ws| {
            (1..10_000)
                .map(|n| format!("{stem}-{n}"))
                .find(|id| !submitted.contains(id) && ws.record(id).is_err())
                .ok_or_else(|| {
                    WebError::Internal(crate::error::InternalError::Corrupt(
                        "no free need id".into(),
                    ))
                })
        })
        .await
}

/// `POST /mon-espace/besoins/nouveau`: checks the need; stores it for review when it
/// is right, else shows the form again with each problem at its field (422).
pub async fn create(
    State(state): State<AppState>,
    who: AssociationUser,
    Form(sent): Form<Vec<(String, String)>>,
) -> Result<Response> {
    let record_id = new_need_id(&state, &who.org).await?;
    match checked(&state, &sent, &record_id, &who.org).await? {
        Ok(value) => {
            let title = title_of(&value);
            let (org, by, rid) = (who.org.clone(), who.user.account.id, record_id.clone());
            let number = state
                .db()
                .run(move |db| db.insert_submission(&rid, "need", &org, &value, by, now()))
                .await?;
            audit(
                &state,
                &who.user,
                Action::RecordSubmitted,
                Some(record_id),
                Some(format!("demande {number}")),
            )
            .await?;
            tell(
                &state,
                Notice {
                    to: Audience::Coordinators,
                    subject: "Un besoin attend votre relecture".to_owned(),
                    text: format!("Nouveau besoin à relire : « {title} » ({}).", who.org),
                    link: format!("/revue/{number}"),
                },
            )
            .await?;
            Ok(Redirect::to(&format!("/mon-espace/demandes/{number}")).into_response())
        }
        Err((row, issues)) => {
            let mut page = form_page(
                &state,
                &who.user,
                &who.org,
                "/mon-espace/besoins/nouveau".to_owned(),
                &row,
                &issues,
                None,
                false,
            )
            .await?;
            page.submit_label = "Soumettre le besoin";
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}

#[allow(clippy::too_many_arguments)]
async fn form_page(
    state: &AppState,
    user: &CurrentUser,
    org: &str,
    action: String,
    row: &BTreeMap<String, String>,
    issues: &[FieldIssue],
    message: Option<String>,
    review: bool,
) -> Result<NeedFormPage> {
    let (fields, general) = forms::need_form(row, issues, &Reference::embedded());
    let has_errors = !issues.is_empty();
    let changes_action = action.replace("/valider", "/modifications");
    Ok(NeedFormPage {
        changes_action,
        layout: Layout::signed_in(
            if review {
                "Relecture d’un besoin"
            } else {
                "Mon besoin"
            },
            user,
        ),
        action,
        intro: None,
        message,
        fields,
        general,
        has_errors,
        eligibility: eligibility(state, org).await?,
        review,
        submit_label: if review {
            "Valider et publier"
        } else {
            "Soumettre à nouveau"
        },
    })
}

/// The submission with this number, if `org` may see it (any other answers 404).
async fn submission_of(state: &AppState, number: i64, org: Option<&str>) -> Result<Submission> {
    let found = state.db().read(move |db| db.submission(number)).await?;
    match found {
        Some(s) if org.is_none_or(|o| o == s.org_id) => Ok(s),
        _ => Err(WebError::NotFound),
    }
}

/// `GET /mon-espace/demandes/{n}`: one of the association's submissions, with the
/// coordinator's message and its form (while it is not validated).
pub async fn show_mine(
    State(state): State<AppState>,
    who: AssociationUser,
    Path(number): Path<i64>,
) -> Result<Response> {
    let s = submission_of(&state, number, Some(&who.org)).await?;
    if s.state == ReviewState::Validated {
        return Ok(Redirect::to("/mon-espace/besoins").into_response());
    }
    let values = forms::values_of(RecordKind::Need, &s.body);
    let message = Some(match (&s.state, &s.message) {
        (ReviewState::ChangesRequested, Some(m)) => {
            format!("Modifications demandées par le réseau : {m}")
        }
        _ => format!("{} : {}", s.record_id, s.state.label()),
    });
    Ok(form_page(
        &state,
        &who.user,
        &who.org,
        format!("/mon-espace/demandes/{number}"),
        &values,
        &[],
        message,
        false,
    )
    .await?
    .into_response())
}

/// `POST /mon-espace/demandes/{n}`: a corrected version, checked again; it waits for
/// the coordinator again.
pub async fn resubmit(
    State(state): State<AppState>,
    who: AssociationUser,
    Path(number): Path<i64>,
    Form(sent): Form<Vec<(String, String)>>,
) -> Result<Response> {
    let s = submission_of(&state, number, Some(&who.org)).await?;
    if s.state == ReviewState::Validated {
        return Err(WebError::NotFound);
    }
    match checked(&state, &sent, &s.record_id, &who.org).await? {
        Ok(value) => {
            let title = title_of(&value);
            state
                .db()
                .run(move |db| db.resubmit(number, &value, now()))
                .await?;
            tell(
                &state,
                Notice {
                    to: Audience::Coordinators,
                    subject: "Un besoin corrigé attend votre relecture".to_owned(),
                    text: format!("Besoin corrigé à relire : « {title} » ({}).", who.org),
                    link: format!("/revue/{number}"),
                },
            )
            .await?;
            audit(
                &state,
                &who.user,
                Action::RecordSubmitted,
                Some(s.record_id),
                Some(format!("demande {number}, corrigée")),
            )
            .await?;
            Ok(Redirect::to(&format!("/mon-espace/demandes/{number}")).into_response())
        }
        Err((row, issues)) => {
            let page = form_page(
                &state,
                &who.user,
                &who.org,
                format!("/mon-espace/demandes/{number}"),
                &row,
                &issues,
                None,
                false,
            )
            .await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
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
        layout: Layout::signed_in("Fiches à relire", &user.0),
        lines: all.iter().map(line).collect(),
    }
    .into_response())
}

/// `GET /revue/{n}`: a submission in the form, checked against the workspace as it is
/// now, with the coordinator's buttons.
pub async fn review_page(
    State(state): State<AppState>,
    user: Coordinator,
    Path(number): Path<i64>,
) -> Result<Response> {
    let s = submission_of(&state, number, None).await?;
    if s.state == ReviewState::Validated {
        return Ok(Redirect::to(&format!("/besoins/{}", seg(&s.record_id))).into_response());
    }
    let values = forms::values_of(RecordKind::Need, &s.body);
    let sent: Vec<(String, String)> = values.clone().into_iter().collect();
    let issues = match checked(&state, &sent, &s.record_id, &s.org_id).await? {
        Ok(_) => Vec::new(),
        Err((_, issues)) => issues,
    };
    let message = Some(format!(
        "{} — proposé par {} ; {}",
        s.record_id,
        s.org_id,
        s.state.label()
    ));
    Ok(form_page(
        &state,
        &user.0,
        &s.org_id,
        format!("/revue/{number}/valider"),
        &values,
        &issues,
        message,
        true,
    )
    .await?
    .into_response())
}

/// `POST /revue/{n}/valider`: the coordinator's version of the need (possibly
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
    let value = match checked(&state, &sent, &s.record_id, &s.org_id).await? {
        Ok(value) => value,
        Err((row, issues)) => {
            let page = form_page(
                &state,
                &user.0,
                &s.org_id,
                format!("/revue/{number}/valider"),
                &row,
                &issues,
                None,
                true,
            )
            .await?;
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
        }
    };
    let imported = state
        .with_workspace_mut(move |ws| {
            refused(ws.import_form(RecordKind::Need, value, &Reference::embedded()))
                .map(|r| r.map(drop))
        })
        .await?;
    if let Err(message) = imported {
        let values = forms::row(RecordKind::Need, &sent);
        let page = form_page(
            &state,
            &user.0,
            &s.org_id,
            format!("/revue/{number}/valider"),
            &values,
            &[],
            Some(message),
            true,
        )
        .await?;
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
            subject: "Votre besoin est publié".to_owned(),
            text: format!(
                "Votre besoin « {} » est validé par le réseau : il est proposé aux experts.",
                title_of(&s.body)
            ),
            link: "/mon-espace/besoins".to_owned(),
        },
    )
    .await?;
    Ok(Redirect::to(&format!("/besoins/{}", seg(&s.record_id))).into_response())
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
    let message = form.message.trim().to_owned();
    if s.state == ReviewState::Validated || message.is_empty() {
        return Ok(Redirect::to(&format!("/revue/{number}")).into_response());
    }
    let notice = Notice {
        to: Audience::Org(s.org_id.clone()),
        subject: "Des modifications sont demandées à votre besoin".to_owned(),
        text: format!(
            "Le réseau demande des modifications à votre besoin « {} » : {message}",
            title_of(&s.body)
        ),
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
