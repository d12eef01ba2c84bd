//! The expert's own space (issue #15): `GET/POST /mon-espace/profil` — their profile,
//! languages and availability windows, in the form their CSV row makes, held to the
//! import's rules and written through the import (an expert's own record needs no
//! review); the employer's consent is shown, not edited (it is the employer's word).
//! `POST /mon-espace/missions/{id}/bilan`: after a mission, the expert's debrief (the
//! *bilan*), recorded on the mission as its debrief item; the coordinators are told.

use std::collections::BTreeMap;

use askama::Template;
use askama_web::WebTemplate;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use explor_engine::mission::Item;
use explor_engine::model::{ConsentScheme, ConsentStatus};
use explor_engine::schema::FieldIssue;
use explor_engine::{Record, RecordKind, Reference};
use serde::Deserialize;

use super::{audit, refused};
use crate::auth::extract::{Answerer, CurrentUser};
use crate::error::{Result, WebError};
use crate::forms::{self, EXPERT_FIELDS, FormField, Input};
use crate::notify::{self, Audience, Notice};
use crate::state::AppState;
use crate::store::{Action, Role};
use crate::views::{Layout, seg, today};

#[derive(Template, WebTemplate)]
#[template(path = "profile.html")]
struct ProfilePage {
    layout: Layout,
    fields: Vec<FormField>,
    general: Vec<String>,
    has_errors: bool,
    saved: bool,
    consent: String,
    employer: Option<String>,
}

/// The signed-in expert's record id (404 for any other account).
fn expert_of(user: &CurrentUser) -> Result<String> {
    match (&user.account.role, &user.account.org_id) {
        (Role::Expert, Some(id)) => Ok(id.clone()),
        _ => Err(WebError::NotFound),
    }
}

fn consent_label(scheme: ConsentScheme, status: ConsentStatus) -> String {
    let status = match status {
        ConsentStatus::Granted => explor_engine::fr::pages::EMPLOYER_GRANTED,
        ConsentStatus::Pending => explor_engine::fr::pages::EMPLOYER_PENDING,
        ConsentStatus::Refused => explor_engine::fr::pages::EMPLOYER_REFUSED,
        ConsentStatus::NotRequired => explor_engine::fr::pages::NO_EMPLOYER,
    };
    match scheme {
        ConsentScheme::None => status.to_owned(),
        scheme => format!(
            "{status} ({})",
            serde_json::to_value(scheme)
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default()
        ),
    }
}

/// The expert's stored record, as JSON and as the page's consent and employer lines.
async fn stored(state: &AppState, id: &str) -> Result<(serde_json::Value, String, Option<String>)> {
    let id = id.to_owned();
    state
        .with_workspace(move |ws| match ws.record(&id) {
            Ok(Record::Expert(e)) => {
                let consent = e.consent.clone();
                Ok((
                    serde_json::to_value(&*e).map_err(|e| {
                        WebError::Internal(crate::error::InternalError::Corrupt(e.to_string()))
                    })?,
                    consent_label(consent.scheme, consent.status),
                    e.employer.as_ref().map(|x| x.name.clone()),
                ))
            }
            _ => Err(WebError::NotFound),
        })
        .await
}

#[derive(Debug, Default, Deserialize)]
pub struct SavedQuery {
    #[serde(default)]
    enregistre: Option<String>,
}

async fn page(
    state: &AppState,
    user: &CurrentUser,
    values: &BTreeMap<String, String>,
    issues: &[FieldIssue],
    saved: bool,
) -> Result<ProfilePage> {
    let id = expert_of(user)?;
    let (_, consent, employer) = stored(state, &id).await?;
    let (fields, general) = forms::form(&EXPERT_FIELDS, values, issues, &Reference::embedded());
    Ok(ProfilePage {
        layout: Layout::signed_in("Mon profil", user),
        fields,
        general,
        has_errors: !issues.is_empty(),
        saved,
        consent,
        employer,
    })
}

/// `GET /mon-espace/profil`.
pub async fn show(
    State(state): State<AppState>,
    user: CurrentUser,
    Query(q): Query<SavedQuery>,
) -> Result<Response> {
    let id = expert_of(&user)?;
    let (value, _, _) = stored(&state, &id).await?;
    let values = forms::values_of(RecordKind::Expert, &value);
    Ok(page(&state, &user, &values, &[], q.enregistre.is_some())
        .await?
        .into_response())
}

/// `POST /mon-espace/profil`: the edited fields over the stored record, checked and
/// written through the import; on a problem, the form again with it at its field.
pub async fn save(
    State(state): State<AppState>,
    user: CurrentUser,
    Form(sent): Form<Vec<(String, String)>>,
) -> Result<Response> {
    let id = expert_of(&user)?;
    let (value, _, _) = stored(&state, &id).await?;
    let mut values = forms::values_of(RecordKind::Expert, &value);
    let sent = forms::row(RecordKind::Expert, &sent);
    for (column, ..) in EXPERT_FIELDS {
        match sent.get(column).filter(|v| !v.is_empty()) {
            Some(v) => values.insert(column.to_owned(), v.clone()),
            None => values.remove(column),
        };
    }
    let (record, mut issues) = forms::record_of(RecordKind::Expert, &values, &[("id", &id)]);
    if issues.is_empty() {
        let checked = record.clone();
        let written = state
            .with_workspace_mut(move |ws| {
                if let Err(problems) =
                    ws.check_form(RecordKind::Expert, &checked, &Reference::embedded())?
                {
                    return Ok(Err(problems));
                }
                let done =
                    refused(ws.import_form(RecordKind::Expert, checked, &Reference::embedded()))?;
                Ok(done.map(drop).map_err(|refusal| {
                    vec![FieldIssue::new(
                        "",
                        explor_engine::IssueClass::BadValue,
                        refusal,
                    )]
                }))
            })
            .await?;
        match written {
            Ok(()) => {
                audit(&state, &user, Action::ProfileUpdated, Some(id), None).await?;
                return Ok(Redirect::to("/mon-espace/profil?enregistre=1").into_response());
            }
            Err(problems) => issues = problems,
        }
    }
    let page = page(&state, &user, &values, &issues, false).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}

/// The debrief form.
#[derive(Debug, Deserialize)]
pub struct DebriefForm {
    #[serde(default)]
    bilan: String,
}

/// `POST /mon-espace/missions/{id}/bilan`: the expert's debrief of a mission they were
/// on, once back; recorded as the mission's debrief, told to the coordinators.
pub async fn debrief(
    State(state): State<AppState>,
    who: Answerer,
    Path(id): Path<String>,
    Form(form): Form<DebriefForm>,
) -> Result<Response> {
    let explor_engine::mission::Party::Expert(expert) = who.party.clone() else {
        return Err(WebError::NotFound);
    };
    let text = form.bilan.trim().to_owned();
    let mission_id = id.clone();
    let done = state
        .with_workspace_mut(move |ws| {
            let Ok(mission) = ws.mission(&mission_id) else {
                return Err(WebError::NotFound);
            };
            if !mission.staff.experts().contains(&expert) {
                return Err(WebError::NotFound);
            }
            if text.is_empty() {
                return Ok(Err(explor_engine::fr::pages::EMPTY_DEBRIEF.to_owned()));
            }
            Ok(
                refused(ws.record_mission_item(&mission_id, Item::Debrief, today(), Some(text)))?
                    .map(drop),
            )
        })
        .await?;
    if let Err(message) = done {
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, message).into_response());
    }
    audit(
        &state,
        &who.user,
        Action::MissionItemRecorded,
        Some(id.clone()),
        Some("bilan".into()),
    )
    .await?;
    let notice = Notice {
        to: Audience::Coordinators,
        subject: explor_engine::fr::pages::DEBRIEF_SUBJECT.to_owned(),
        text: explor_engine::fr::pages::debrief_sent(&id, &who.org),
        link: format!("/missions/{}", seg(&id)),
    };
    notify::tell(&state, notice).await?;
    Ok(Redirect::to("/mon-espace/propositions").into_response())
}
