//! The router: every route, grouped by who may reach it, and the layers around them.
//!
//! Layers, from the outside in: request log, security headers, compression, timeout,
//! sessions, CSRF check; the sign-in and invitation POSTs also pass the per-address
//! throttle. Authorisation is not a layer: it is the handler's extractor
//! ([`CurrentUser`](crate::CurrentUser), [`Coordinator`](crate::Coordinator)).

mod accounts;
mod audit;
mod auth;
mod batch;
mod company;
mod dashboard;
mod experts;
mod import;
mod missions;
mod needs;
mod notifications;
mod profile;
mod proposals;
mod search;
mod submissions;

use std::time::Duration;

use axum::extract::DefaultBodyLimit;
use axum::http::StatusCode;
use axum::middleware;
use axum::routing::{get, post};
use axum::{Extension, Router};
use tower_http::compression::CompressionLayer;
use tower_http::timeout::TimeoutLayer;
use tower_sessions::cookie::SameSite;
use tower_sessions::{Expiry, SessionManagerLayer};

use self::submissions::Kind;
use crate::auth::extract::CurrentUser;
use crate::auth::session_store::SqliteSessionStore;
use crate::auth::{csrf, throttle};
use crate::error::{Result, WebError};
use crate::state::AppState;
use crate::store::{Action, now};
use crate::{assets, headers, logging};

/// A request that takes longer than this is answered 408.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// The application, with a sign-in throttle of its own (tests; `serve` shares the
/// throttle with its cleanup task).
pub fn app(state: AppState) -> Router {
    let throttle = throttle::config(state.settings().behind_proxy);
    router(state, &throttle)
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
        .route("/", get(dashboard::show))
        .route("/recherche", get(search::search))
        .route("/besoins", get(needs::list))
        .route("/besoins/{id}", get(needs::show))
        .route("/besoins/{id}/proposer", post(needs::propose))
        .route("/appels", get(batch::list))
        .route("/appels/{call}", get(batch::show))
        .route("/appels/{call}/valider", post(batch::commit))
        .route(
            "/import",
            post(import::upload)
                .layer(DefaultBodyLimit::max(csrf::UPLOAD_LIMIT))
                .get(import::form),
        )
        .route("/experts/{id}", get(experts::show))
        .route(
            "/experts/{id}/effacer",
            get(experts::confirm).post(experts::erase),
        )
        .route("/missions", get(missions::list))
        .route("/missions/{id}", get(missions::show))
        .route("/missions/{id}/etat", post(missions::advance))
        .route("/missions/{id}/pieces", post(missions::record))
        .route("/missions/{id}/documents/{kind}", get(missions::document))
        .route("/notifications", get(notifications::list))
        .route("/mon-espace/offres", get(company::show))
        .route("/mon-espace/propositions", get(proposals::list))
        .route("/mon-espace/profil", get(profile::show).post(profile::save))
        .route("/mon-espace/missions/{id}/bilan", post(profile::debrief))
        .route("/mon-espace/propositions/{id}", post(proposals::answer))
        .route("/mon-espace/besoins", get(submissions::mine::needs))
        .route(
            "/mon-espace/besoins/nouveau",
            get(submissions::mine::new_form)
                .post(submissions::mine::create)
                .layer(Extension(Kind::Need)),
        )
        .route(
            "/mon-espace/besoins/{id}/modifier",
            get(submissions::mine::edit_form)
                .post(submissions::mine::edit)
                .layer(Extension(Kind::Need)),
        )
        .route(
            "/mon-espace/offres/nouvelle",
            get(submissions::mine::new_form)
                .post(submissions::mine::create)
                .layer(Extension(Kind::Offer)),
        )
        .route(
            "/mon-espace/offres/{id}/modifier",
            get(submissions::mine::edit_form)
                .post(submissions::mine::edit)
                .layer(Extension(Kind::Offer)),
        )
        .route(
            "/mon-espace/demandes/{number}",
            get(submissions::mine::show).post(submissions::mine::resubmit),
        )
        .route("/revue", get(submissions::review::queue))
        .route("/revue/{number}", get(submissions::review::page))
        .route(
            "/revue/{number}/valider",
            post(submissions::review::validate),
        )
        .route(
            "/revue/{number}/modifications",
            post(submissions::review::request_changes),
        )
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

/// An indexer error saying that an id names nothing (or not what the page shows) is a
/// 404, like any unknown page; anything else stays what it is.
pub(crate) fn missing_is_404(e: explor_indexer::Error) -> WebError {
    use explor_indexer::UserError as U;
    match e {
        explor_indexer::Error::User(
            U::NotFound(_) | U::Erased { .. } | U::WrongKind { .. } | U::NoMission(_),
        ) => WebError::NotFound,
        e => e.into(),
    }
}

/// Why the workspace refused a change the user asked for, in a sentence for the page
/// (the engine's reason is kept as it says it).
pub(crate) fn refusal(e: &explor_indexer::UserError) -> String {
    explor_engine::fr::pages::refused(e)
}

/// A workspace write's outcome for a page: done, or refused with the reason in a
/// sentence (the page shows it; nothing was written). Another write holding the
/// workspace ("busy, try again", 503) and internal failures stay errors.
pub(crate) fn refused<T>(r: explor_indexer::Result<T>) -> Result<std::result::Result<T, String>> {
    match r {
        Ok(v) => Ok(Ok(v)),
        Err(e @ explor_indexer::Error::User(explor_indexer::UserError::Locked(_))) => Err(e.into()),
        Err(explor_indexer::Error::User(e)) => Ok(Err(refusal(&e))),
        Err(e) => Err(e.into()),
    }
}

/// Appends an audit row for a change the signed-in `user` made.
pub(crate) async fn audit(
    state: &AppState,
    user: &CurrentUser,
    action: Action,
    record: Option<String>,
    detail: Option<String>,
) -> Result<()> {
    let by = user.account.id;
    state
        .db()
        .run(move |db| {
            db.audit_detail(
                now(),
                Some(by),
                action,
                record.as_deref(),
                detail.as_deref(),
            )
        })
        .await
}
