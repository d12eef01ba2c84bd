//! The coordinator's account pages: list, invite, disable.

use askama::Template;
use askama_web::WebTemplate;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use crate::accounts::{self, NewAccount};
use crate::auth::extract::Coordinator;
use crate::error::{Result, WebError, user_message};
use crate::state::AppState;
use crate::store::{Account, Role, now};
use crate::views::{Layout, date};

/// One row of the accounts table.
struct Row {
    id: i64,
    email: String,
    role: &'static str,
    org_id: String,
    state: &'static str,
    created: String,
    can_disable: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "accounts.html")]
struct AccountsPage {
    layout: Layout,
    rows: Vec<Row>,
    roles: Vec<(&'static str, &'static str)>,
    /// The link of the invitation just made (shown once).
    invitation: Option<(String, String)>,
    error: Option<String>,
    form: InviteForm,
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct InviteForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    role: String,
    #[serde(default)]
    org: String,
}

fn row(a: Account, me: i64) -> Row {
    let state = a.state().label_fr();
    Row {
        id: a.id,
        can_disable: !a.disabled && a.id != me,
        email: a.email,
        role: a.role.label(),
        org_id: a.org_id.unwrap_or_default(),
        state,
        created: date(a.created_at),
    }
}

async fn page(
    state: &AppState,
    user: &Coordinator,
    invitation: Option<(String, String)>,
    error: Option<String>,
    form: InviteForm,
) -> Result<AccountsPage> {
    let me = user.0.account.id;
    let rows = state
        .db()
        .read(move |db| Ok(db.accounts()?.into_iter().map(|a| row(a, me)).collect()))
        .await?;
    Ok(AccountsPage {
        layout: Layout::signed_in("Comptes", &user.0),
        rows,
        roles: Role::ALL.iter().map(|r| (r.as_str(), r.label())).collect(),
        invitation,
        error,
        form,
    })
}

/// `GET /comptes`.
pub async fn list(State(state): State<AppState>, user: Coordinator) -> Result<Response> {
    Ok(page(&state, &user, None, None, InviteForm::default())
        .await?
        .into_response())
}

/// `POST /comptes`: creates the account and shows its invitation link once.
pub async fn invite(
    State(state): State<AppState>,
    user: Coordinator,
    Form(form): Form<InviteForm>,
) -> Result<Response> {
    let Ok(role) = form.role.parse::<Role>() else {
        let error = Some(explor_engine::fr::pages::CHOOSE_ROLE.to_owned());
        let page = page(&state, &user, None, error, form).await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
    };
    let (root, by) = (state.root().to_owned(), user.0.account.id);
    let settings = state.settings().clone();
    let ttl = i64::try_from(settings.invitation_ttl.as_secs()).unwrap_or(i64::MAX);
    let (email, org) = (form.email.clone(), form.org.clone());
    let made = state
        .db()
        .run(move |db| {
            let new = NewAccount {
                email: &email,
                role,
                org_id: Some(org.as_str()).filter(|o| !o.trim().is_empty()),
            };
            accounts::invite(db, &root, &new, Some(by), settings.base_url(), ttl, now())
        })
        .await;
    match made {
        Ok(inv) => {
            let shown = Some((inv.account.email, inv.link));
            Ok(page(&state, &user, shown, None, InviteForm::default())
                .await?
                .into_response())
        }
        Err(WebError::User(e)) => {
            let page = page(&state, &user, None, Some(user_message(&e)), form).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(e) => Err(e),
    }
}

/// `POST /comptes/{id}/desactiver`: disables the account and ends its sessions. A
/// coordinator cannot disable their own account (that is `explor user disable`).
pub async fn disable(
    State(state): State<AppState>,
    user: Coordinator,
    Path(id): Path<i64>,
) -> Result<Response> {
    if id == user.0.account.id {
        return Err(WebError::NotFound);
    }
    let by = user.0.account.id;
    let found = state
        .db()
        .run(move |db| {
            if db.account(id)?.is_none() {
                return Ok(false);
            }
            accounts::disable_id(db, id, Some(by), now())?;
            Ok(true)
        })
        .await?;
    if !found {
        return Err(WebError::NotFound);
    }
    Ok(Redirect::to("/comptes").into_response())
}
