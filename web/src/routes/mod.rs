//! The router: every route, grouped by who may reach it, and the layers around them.
//!
//! Layers, from the outside in: request log, security headers, compression, timeout,
//! sessions, CSRF check; the sign-in and invitation POSTs also pass the per-address
//! throttle. Authorisation is not a layer: it is the handler's extractor
//! ([`CurrentUser`](crate::CurrentUser), [`Coordinator`](crate::Coordinator)).

mod accounts;
mod audit;
mod auth;
mod home;

use std::time::Duration;

use axum::Router;
use axum::http::StatusCode;
use axum::middleware;
use axum::routing::{get, post};
use tower_http::compression::CompressionLayer;
use tower_http::timeout::TimeoutLayer;
use tower_sessions::cookie::SameSite;
use tower_sessions::{Expiry, SessionManagerLayer};

use crate::auth::session_store::SqliteSessionStore;
use crate::auth::{csrf, throttle};
use crate::error::WebError;
use crate::state::AppState;
use crate::{assets, headers, logging};

/// A request that takes longer than this is answered 408.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// The application, with a sign-in throttle of its own (tests; `serve` shares the
/// throttle with its cleanup task).
pub fn app(state: AppState) -> Router {
    router(state, &throttle::config())
}

pub(crate) fn router(state: AppState, throttle: &throttle::Config) -> Router {
    let settings = state.settings();
    let idle = i64::try_from(settings.idle_timeout.as_secs()).unwrap_or(i64::MAX);
    let sessions = SessionManagerLayer::new(SqliteSessionStore::new(state.db().clone()))
        .with_name(settings.cookie_name())
        .with_secure(settings.secure_cookies)
        .with_http_only(true)
        .with_same_site(SameSite::Lax)
        .with_path("/")
        .with_expiry(Expiry::OnInactivity(time::Duration::seconds(idle)));

    let public = Router::new()
        .route("/healthz", get(|| async { "ok" }))
        .route("/assets/{*path}", get(assets::serve));

    let pages = Router::new()
        .route(
            "/connexion",
            post(auth::sign_in)
                .layer(throttle::layer(throttle))
                .get(auth::sign_in_page),
        )
        .route(
            "/invite/{token}",
            post(auth::accept)
                .layer(throttle::layer(throttle))
                .get(auth::invite_page),
        )
        .route("/deconnexion", post(auth::sign_out))
        .route("/", get(home::show))
        .route("/comptes", get(accounts::list).post(accounts::invite))
        .route("/comptes/{id}/desactiver", post(accounts::disable))
        .route("/audit", get(audit::list))
        .fallback(|| async { WebError::NotFound })
        .layer(middleware::from_fn_with_state(state.clone(), csrf::protect))
        .layer(sessions);

    Router::new()
        .merge(public)
        .merge(pages)
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            REQUEST_TIMEOUT,
        ))
        .layer(CompressionLayer::new())
        .layer(middleware::map_response(headers::add))
        .layer(middleware::from_fn(logging::log))
        .with_state(state)
}
