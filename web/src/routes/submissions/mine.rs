//! The owners' side: an association's needs page, the forms to post a new need or
//! offer or change a published one, and a submission's own page (the coordinator's
//! message, the corrected version).

use std::collections::BTreeMap;

use askama::Template;
use askama_web::WebTemplate;
use axum::Extension;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use explor_engine::schema::FieldIssue;
use explor_engine::{Record, RecordKind};

use super::{
    FormSpec, Kind, Line, Submitter, checked, eligibility, form_page, new_id, pending, published,
    submission_of, title_of,
};
use crate::error::{Result, WebError};
use crate::forms;
use crate::notify::{Audience, Notice, tell};
use crate::routes::audit;
use crate::state::AppState;
use crate::store::{Action, ReviewState, now};
use crate::views::Layout;

/// One of the association's needs in the workspace (validated).
struct Validated {
    id: String,
    title: String,
    edit: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "my_needs.html")]
struct MyNeedsPage {
    layout: Layout,
    needs: Vec<Validated>,
    pending: Vec<Line>,
    eligibility: Vec<&'static str>,
}

/// `GET /mon-espace/besoins`: the association's needs and its submissions.
pub async fn needs(State(state): State<AppState>, who: Submitter) -> Result<Response> {
    let who = who.submitting(Kind::Need)?;
    let org = who.org.clone();
    let needs = state
        .with_workspace(move |ws| {
            Ok(ws
                .records(RecordKind::Need)?
                .into_iter()
                .filter_map(|r| match r {
                    Record::Need(n) if n.association == org => Some(Validated {
                        edit: Kind::Need.edit_path(&n.id),
                        id: n.id,
                        title: n.title,
                    }),
                    _ => None,
                })
                .collect::<Vec<_>>())
        })
        .await?;
    Ok(MyNeedsPage {
        layout: Layout::signed_in(explor_engine::fr::pages::MY_NEEDS, &who.user),
        needs,
        pending: pending(&state, &who.org).await?,
        eligibility: eligibility(&state, Kind::Need, &who.org).await?,
    }
    .into_response())
}

/// The company's name as its offers or its employees' records give it.
async fn company_name(state: &AppState, org: &str) -> Result<Option<String>> {
    let org = org.to_owned();
    state
        .with_workspace(move |ws| {
            let (offers, experts) = ws.company_records(&org)?;
            Ok(offers
                .into_iter()
                .map(|o| o.company.name)
                .next()
                .or_else(|| experts.into_iter().find_map(|e| e.employer.map(|x| x.name))))
        })
        .await
}

/// `GET /mon-espace/besoins/nouveau`, `GET /mon-espace/offres/nouvelle`: an empty
/// form (an offer's with its company's name filled).
pub async fn new_form(
    State(state): State<AppState>,
    Extension(kind): Extension<Kind>,
    who: Submitter,
) -> Result<Response> {
    let who = who.submitting(kind)?;
    let mut values = BTreeMap::new();
    if who.kind == Kind::Offer
        && let Some(name) = company_name(&state, &who.org).await?
    {
        values.insert("company.name".to_owned(), name);
    }
    let mut page = form_page(
        &state,
        FormSpec {
            kind: who.kind,
            title: match who.kind {
                Kind::Need => explor_engine::fr::pages::NEW_NEED,
                Kind::Offer => explor_engine::fr::pages::NEW_OFFER,
            },
            action: who.kind.new_path().to_owned(),
            message: None,
            review: false,
            submit_label: who.kind.submit_label(),
            user: &who.user,
            org: &who.org,
        },
        &values,
        &[],
    )
    .await?;
    page.intro = Some(
        explor_engine::fr::pages::reviewed_before_matching(who.kind == Kind::Offer).to_owned(),
    );
    Ok(page.into_response())
}

/// `POST /mon-espace/besoins/nouveau`, `POST /mon-espace/offres/nouvelle`: checks a
/// new record; stores it for review when it is right, else shows the form again with
/// each problem at its field (422).
pub async fn create(
    State(state): State<AppState>,
    Extension(kind): Extension<Kind>,
    who: Submitter,
    Form(sent): Form<Vec<(String, String)>>,
) -> Result<Response> {
    let who = who.submitting(kind)?;
    let record_id = new_id(&state, kind, &who.org).await?;
    match checked(&state, kind, &sent, &record_id, &who.org).await? {
        Ok(value) => {
            let title = title_of(&value);
            let (org, by, rid) = (who.org.clone(), who.user.account.id, record_id.clone());
            let number = state
                .db()
                .run(move |db| {
                    db.insert_submission(&rid, kind.record().as_str(), &org, &value, by, now())
                })
                .await?;
            submitted(&state, &who, number, record_id, &title, "").await?;
            Ok(Redirect::to(&format!("/mon-espace/demandes/{number}")).into_response())
        }
        Err((row, issues)) => {
            let page = owner_form(
                &state,
                &who,
                kind.new_path().to_owned(),
                None,
                &row,
                &issues,
            )
            .await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}

/// The audit row and the coordinators' notice of a submission sent (`how`: « »,
/// « corrigé », « modifié »).
async fn submitted(
    state: &AppState,
    who: &Submitter,
    number: i64,
    record_id: String,
    title: &str,
    how: &str,
) -> Result<()> {
    let detail = if how.is_empty() {
        format!("demande {number}")
    } else {
        format!("demande {number}, {how}")
    };
    audit(
        state,
        &who.user,
        Action::RecordSubmitted,
        Some(record_id),
        Some(detail),
    )
    .await?;
    let kind = who.kind;
    let agreed = if kind == Kind::Offer { "e" } else { "" };
    let (subject, text) = if how.is_empty() {
        (
            explor_engine::fr::pages::awaits_review(kind.a_noun()),
            explor_engine::fr::pages::to_review(
                explor_engine::fr::pages::new_submission(kind == Kind::Offer),
                title,
                &who.org,
            ),
        )
    } else {
        (
            explor_engine::fr::pages::changed_awaits_review(kind.a_noun(), how, agreed),
            explor_engine::fr::pages::changed_to_review(
                capitalised(kind.noun()),
                how,
                agreed,
                title,
                &who.org,
            ),
        )
    };
    tell(
        state,
        Notice {
            to: Audience::Coordinators,
            subject,
            text,
            link: format!("/revue/{number}"),
        },
    )
    .await
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |c| {
        c.to_uppercase().chain(chars).collect::<String>()
    })
}

/// The owner's form page (new, corrected or changed record).
async fn owner_form(
    state: &AppState,
    who: &Submitter,
    action: String,
    message: Option<String>,
    row: &BTreeMap<String, String>,
    issues: &[FieldIssue],
) -> Result<super::FormPage> {
    form_page(
        state,
        FormSpec {
            kind: who.kind,
            title: explor_engine::fr::pages::my_record(who.kind == Kind::Offer),
            action,
            message,
            review: false,
            submit_label: who.kind.submit_label(),
            user: &who.user,
            org: &who.org,
        },
        row,
        issues,
    )
    .await
}

/// `GET /mon-espace/besoins/{id}/modifier`, `GET /mon-espace/offres/{id}/modifier`: a
/// published record in its form, to change it. A change already waiting for the
/// coordinator is shown on its own page instead.
pub async fn edit_form(
    State(state): State<AppState>,
    Extension(kind): Extension<Kind>,
    who: Submitter,
    Path(id): Path<String>,
) -> Result<Response> {
    let who = who.submitting(kind)?;
    let value = published(&state, who.kind, &who.org, &id).await?;
    let rid = id.clone();
    let waiting = state
        .db()
        .read(move |db| db.submission_of_record(&rid))
        .await?
        .filter(|s| s.state != ReviewState::Validated);
    if let Some(s) = waiting {
        return Ok(Redirect::to(&format!("/mon-espace/demandes/{}", s.id)).into_response());
    }
    let values = forms::values_of(who.kind.record(), &value);
    let message = Some(explor_engine::fr::pages::edit_intro(
        &id,
        if who.kind == Kind::Offer { "e" } else { "" },
    ));
    Ok(
        owner_form(&state, &who, who.kind.edit_path(&id), message, &values, &[])
            .await?
            .into_response(),
    )
}

/// `POST` of the same: the changed record, checked; it waits for the coordinator, the
/// published version still matched meanwhile.
pub async fn edit(
    State(state): State<AppState>,
    Extension(kind): Extension<Kind>,
    who: Submitter,
    Path(id): Path<String>,
    Form(sent): Form<Vec<(String, String)>>,
) -> Result<Response> {
    let who = who.submitting(kind)?;
    published(&state, who.kind, &who.org, &id).await?;
    match checked(&state, who.kind, &sent, &id, &who.org).await? {
        Ok(value) => {
            let title = title_of(&value);
            let (org, by, rid, kind) = (who.org.clone(), who.user.account.id, id.clone(), who.kind);
            let number = state
                .db()
                .run(move |db| {
                    db.submit_change(&rid, kind.record().as_str(), &org, &value, by, now())
                })
                .await?;
            submitted(
                &state,
                &who,
                number,
                id,
                &title,
                explor_engine::fr::pages::CHANGED,
            )
            .await?;
            Ok(Redirect::to(&format!("/mon-espace/demandes/{number}")).into_response())
        }
        Err((row, issues)) => {
            let page =
                owner_form(&state, &who, who.kind.edit_path(&id), None, &row, &issues).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}

/// `GET /mon-espace/demandes/{n}`: one of the owner's submissions, with the
/// coordinator's message and its form (while it is not validated).
pub async fn show(
    State(state): State<AppState>,
    who: Submitter,
    Path(number): Path<i64>,
) -> Result<Response> {
    let s = submission_of(&state, number, Some(&who.org)).await?;
    if s.state == ReviewState::Validated {
        return Ok(Redirect::to(who.kind.space()).into_response());
    }
    let values = forms::values_of(who.kind.record(), &s.body);
    let message = Some(match (&s.state, &s.message) {
        (ReviewState::ChangesRequested, Some(m)) => explor_engine::fr::pages::changes_asked(m),
        _ => format!("{} : {}", s.record_id, s.state.label()),
    });
    let mut page = owner_form(
        &state,
        &who,
        format!("/mon-espace/demandes/{number}"),
        message,
        &values,
        &[],
    )
    .await?;
    page.submit_label = explor_engine::fr::pages::SUBMIT_AGAIN;
    Ok(page.into_response())
}

/// `POST /mon-espace/demandes/{n}`: a corrected version, checked again; it waits for
/// the coordinator again.
pub async fn resubmit(
    State(state): State<AppState>,
    who: Submitter,
    Path(number): Path<i64>,
    Form(sent): Form<Vec<(String, String)>>,
) -> Result<Response> {
    let s = submission_of(&state, number, Some(&who.org)).await?;
    if s.state == ReviewState::Validated {
        return Err(WebError::NotFound);
    }
    match checked(&state, who.kind, &sent, &s.record_id, &who.org).await? {
        Ok(value) => {
            let title = title_of(&value);
            state
                .db()
                .run(move |db| db.resubmit(number, &value, now()))
                .await?;
            submitted(
                &state,
                &who,
                number,
                s.record_id,
                &title,
                explor_engine::fr::pages::CORRECTED,
            )
            .await?;
            Ok(Redirect::to(&format!("/mon-espace/demandes/{number}")).into_response())
        }
        Err((row, issues)) => {
            let mut page = owner_form(
                &state,
                &who,
                format!("/mon-espace/demandes/{number}"),
                None,
                &row,
                &issues,
            )
            .await?;
            page.submit_label = explor_engine::fr::pages::SUBMIT_AGAIN;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}
