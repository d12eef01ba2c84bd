//! Signing in and out, and setting a password from an invitation.

use askama::Template;
use askama_web::WebTemplate;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use tower_sessions::Session;

use crate::accounts::{self, SignInAttempt};
use crate::auth::extract::CurrentUser;
use crate::auth::{SESSION_AUTH, SignedIn, csrf, password};
use crate::error::Result;
use crate::state::AppState;
use crate::store::{Action, now};
use crate::views::Layout;

/// The one message for every refused sign-in: it does not say whether the account
/// exists, is locked or is disabled.
const REFUSED: &str = explor_engine::fr::pages::BAD_CREDENTIALS;

#[derive(Template, WebTemplate)]
#[template(path = "login.html")]
struct LoginPage {
    layout: Layout,
    email: String,
    error: Option<&'static str>,
    welcome: bool,
}

#[derive(Debug, Deserialize)]
pub struct LoginQuery {
    bienvenue: Option<String>,
}

/// `GET /connexion`.
pub async fn sign_in_page(session: Session, Query(q): Query<LoginQuery>) -> Result<Response> {
    Ok(LoginPage {
        layout: Layout::signed_out("Connexion", csrf::token(&session).await?),
        email: String::new(),
        error: None,
        welcome: q.bienvenue.is_some(),
    }
    .into_response())
}

#[derive(Deserialize)]
pub struct LoginForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
}

/// `POST /connexion`: on success the session id is renewed (no session fixation), so
/// is the CSRF token.
pub async fn sign_in(
    State(state): State<AppState>,
    session: Session,
    Form(form): Form<LoginForm>,
) -> Result<Response> {
    // Three steps so that the slow password check holds no database lock.
    let email = form.email.clone();
    let attempt = state
        .db()
        .run(move |db| SignInAttempt::start(db, &email, now()))
        .await?;
    let (attempt, matched) = tokio::task::spawn_blocking(move || {
        let matched = attempt.verify(&form.password);
        (attempt, matched)
    })
    .await?;
    let settings = state.settings().clone();
    let account = state
        .db()
        .run(move |db| attempt.finish(db, &settings, matched, now()))
        .await?;
    let Some(account) = account else {
        let page = LoginPage {
            layout: Layout::signed_out("Connexion", csrf::token(&session).await?),
            email: form.email.trim().to_owned(),
            error: Some(REFUSED),
            welcome: false,
        };
        return Ok((StatusCode::UNAUTHORIZED, page).into_response());
    };
    session.cycle_id().await?;
    let now = now();
    session
        .insert(
            SESSION_AUTH,
            SignedIn {
                account_id: account.id,
                signed_in_at: now,
                last_seen: now,
            },
        )
        .await?;
    csrf::rotate(&session).await?;
    Ok(Redirect::to("/").into_response())
}

/// `POST /deconnexion`: deletes the session server-side.
pub async fn sign_out(State(state): State<AppState>, user: CurrentUser) -> Result<Response> {
    let id = user.account.id;
    state
        .db()
        .run(move |db| db.audit(now(), Some(id), Action::Logout, None))
        .await?;
    user.session.flush().await?;
    Ok(Redirect::to("/connexion").into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "invite.html")]
struct InvitePage {
    layout: Layout,
    /// `None`: the link is unknown, used or expired.
    email: Option<String>,
    error: Option<String>,
    min_chars: usize,
    max_chars: usize,
}

impl InvitePage {
    fn new(layout: Layout, email: Option<String>, error: Option<String>) -> Self {
        Self {
            layout,
            email,
            error,
            min_chars: password::MIN_CHARS,
            max_chars: password::MAX_CHARS,
        }
    }
}

fn invalid_invitation(layout: Layout) -> Response {
    (StatusCode::NOT_FOUND, InvitePage::new(layout, None, None)).into_response()
}

/// `GET /invite/{token}`.
pub async fn invite_page(
    State(state): State<AppState>,
    session: Session,
    Path(token): Path<String>,
) -> Result<Response> {
    let layout = Layout::signed_out(
        explor_engine::fr::pages::CHOOSE_PASSWORD,
        csrf::token(&session).await?,
    );
    let account = state
        .db()
        .run(move |db| accounts::invited_account(db, &token, now()))
        .await?;
    Ok(match account {
        Some(a) => InvitePage::new(layout, Some(a.email), None).into_response(),
        None => invalid_invitation(layout),
    })
}

#[derive(Deserialize)]
pub struct PasswordForm {
    #[serde(default)]
    password: String,
    #[serde(default)]
    confirmation: String,
}

/// `POST /invite/{token}`: checks the policy, hashes, uses the invitation; then the
/// new account signs in.
pub async fn accept(
    State(state): State<AppState>,
    session: Session,
    Path(token): Path<String>,
    Form(form): Form<PasswordForm>,
) -> Result<Response> {
    let layout = Layout::signed_out(
        explor_engine::fr::pages::CHOOSE_PASSWORD,
        csrf::token(&session).await?,
    );
    let lookup = token.clone();
    let account = state
        .db()
        .run(move |db| accounts::invited_account(db, &lookup, now()))
        .await?;
    let Some(account) = account else {
        return Ok(invalid_invitation(layout));
    };
    let refused = |error: String| {
        let page = InvitePage::new(layout.clone(), Some(account.email.clone()), Some(error));
        Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
    };
    if form.password != form.confirmation {
        return refused(explor_engine::fr::pages::PASSWORDS_DIFFER.to_owned());
    }
    if let Err(weak) = password::check(&form.password, &account.email) {
        return refused(weak.to_string());
    }
    let hash = tokio::task::spawn_blocking(move || password::hash(&form.password)).await??;
    let used = state
        .db()
        .run(move |db| accounts::accept_invitation(db, &token, &hash, now()))
        .await?;
    Ok(match used {
        Some(_) => Redirect::to("/connexion?bienvenue=1").into_response(),
        None => invalid_invitation(layout),
    })
}
