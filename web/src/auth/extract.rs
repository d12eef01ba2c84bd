//! Authorisation as extractors: a handler that takes [`CurrentUser`] or
//! [`Coordinator`] cannot run for anyone else, so no handler can forget the check.
//!
//! - [`CurrentUser`]: a signed-in, enabled account whose session is within its idle
//!   and absolute timeouts. Otherwise the session is deleted and the request is
//!   redirected to `/connexion` (an htmx request gets 401 with `HX-Redirect`).
//! - [`Coordinator`]: a [`CurrentUser`] with the coordinator role; anyone else gets 404,
//!   which does not confirm that the page exists.
//! - [`AssociationUser`]: a [`CurrentUser`] with the association role, bound to its
//!   association; anyone else gets 404.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use tower_sessions::Session;

use super::{SESSION_AUTH, SignedIn, csrf};
use crate::error::{InternalError, Result, WebError};
use crate::state::AppState;
use crate::store::{Account, Role, now};

/// The session's activity is written back at most this often (seconds), so that
/// reading pages does not write a session row each time.
const TOUCH_EVERY: i64 = 60;

/// The signed-in account of the request.
#[derive(Debug, Clone)]
pub struct CurrentUser {
    /// The account, as stored now (not as it was at sign-in).
    pub account: Account,
    /// The session.
    pub session: Session,
    /// The session's CSRF token, for the page's forms.
    pub csrf: String,
    /// How many of its notifications the account has not seen.
    pub unread: i64,
}

/// A signed-in coordinator.
#[derive(Debug, Clone)]
pub struct Coordinator(pub CurrentUser);

/// The request's session (the session layer puts it in every request).
pub(crate) fn session_of(parts: &Parts) -> Result<Session> {
    parts
        .extensions
        .get::<Session>()
        .cloned()
        .ok_or_else(|| InternalError::Corrupt("no session layer".into()).into())
}

/// Whether the request was made by htmx.
pub(crate) fn is_htmx(parts: &Parts) -> bool {
    parts.headers.contains_key("hx-request")
}

impl FromRequestParts<AppState> for CurrentUser {
    type Rejection = WebError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self> {
        let signed_out = WebError::SignedOut {
            htmx: is_htmx(parts),
        };
        let session = session_of(parts)?;
        let Some(mut auth) = session.get::<SignedIn>(SESSION_AUTH).await? else {
            return Err(signed_out);
        };
        let now = now();
        let settings = state.settings();
        let secs = |d: std::time::Duration| i64::try_from(d.as_secs()).unwrap_or(i64::MAX);
        let in_time = now - auth.signed_in_at < secs(settings.absolute_timeout)
            && now - auth.last_seen < secs(settings.idle_timeout);
        let id = auth.account_id;
        let (account, unread) = state
            .db()
            .read(move |db| Ok((db.account(id)?, db.unread(id)?)))
            .await?;
        let Some(account) = account.filter(|a| in_time && a.active && !a.disabled) else {
            // Expired, disabled or removed: this session is over, server-side too.
            session.flush().await?;
            return Err(signed_out);
        };
        if now - auth.last_seen >= TOUCH_EVERY {
            auth.last_seen = now;
            session.insert(SESSION_AUTH, auth).await?;
        }
        let csrf = csrf::token(&session).await?;
        Ok(Self {
            account,
            session,
            csrf,
            unread,
        })
    }
}

impl FromRequestParts<AppState> for Coordinator {
    type Rejection = WebError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self> {
        let user = CurrentUser::from_request_parts(parts, state).await?;
        if user.account.role == Role::Coordinator {
            Ok(Self(user))
        } else {
            Err(WebError::NotFound)
        }
    }
}

/// Who answers proposals: an association account (for its association's needs) or an
/// expert account (for the missions it is on). Anyone else gets 404.
#[derive(Debug, Clone)]
pub struct Answerer {
    /// The account.
    pub user: CurrentUser,
    /// As which party it answers.
    pub party: explor_engine::mission::Party,
    /// Its association or expert record's id.
    pub org: String,
}

impl FromRequestParts<AppState> for Answerer {
    type Rejection = WebError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self> {
        use explor_engine::mission::Party;
        let user = CurrentUser::from_request_parts(parts, state).await?;
        let party = match (&user.account.role, &user.account.org_id) {
            (Role::Association, Some(_)) => Party::Association,
            (Role::Expert, Some(id)) => Party::Expert(id.clone()),
            _ => return Err(WebError::NotFound),
        };
        let org = user.account.org_id.clone().unwrap_or_default();
        Ok(Self { user, party, org })
    }
}
