//! Sign-in throttling per client address (tower_governor). The per-account lock (5
//! failures in a row lock the account for 15 minutes) is counted in the database; see
//! `accounts::sign_in`.
//!
//! The address is the TCP peer's: behind a reverse proxy every client shares it, so
//! the limit then applies to all of them together (fail closed, not open).

use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::response::{IntoResponse, Response};
use governor::middleware::NoOpMiddleware;
use tower_governor::GovernorLayer;
use tower_governor::governor::{GovernorConfig, GovernorConfigBuilder};
use tower_governor::key_extractor::PeerIpKeyExtractor;

use crate::error::WebError;

/// Requests one address may make in a burst to the sign-in and invitation forms.
pub const BURST: u32 = 10;
/// One more request is allowed every this many seconds.
pub const REPLENISH_SECS: u64 = 6;

/// The limiter's configuration (shared with the task that forgets idle addresses).
pub type Config = Arc<GovernorConfig<PeerIpKeyExtractor, NoOpMiddleware>>;

/// The per-address configuration.
pub fn config() -> Config {
    let config = GovernorConfigBuilder::default()
        .per_second(REPLENISH_SECS)
        .burst_size(BURST)
        .finish();
    // Both values are non-zero constants: `finish` cannot refuse them.
    Arc::new(config.unwrap_or_default())
}

/// The layer for the sign-in and invitation POST routes; too many requests get a
/// French 429 page.
pub fn layer(config: &Config) -> GovernorLayer<PeerIpKeyExtractor, NoOpMiddleware, Body> {
    GovernorLayer::new(Arc::clone(config)).error_handler(|e| match e {
        tower_governor::GovernorError::TooManyRequests { wait_time, .. } => {
            too_many(Duration::from_secs(wait_time))
        }
        other => {
            tracing::error!(error = %other, "sign-in throttle failed");
            WebError::Forbidden("no client address").into_response()
        }
    })
}

fn too_many(wait: Duration) -> Response {
    let body = format!(
        "Trop de tentatives depuis cette adresse. Réessayez dans {} secondes.",
        wait.as_secs().max(1)
    );
    let mut res = (axum::http::StatusCode::TOO_MANY_REQUESTS, body).into_response();
    if let Ok(v) = wait.as_secs().to_string().parse() {
        res.headers_mut().insert(axum::http::header::RETRY_AFTER, v);
    }
    res
}

/// Forgets addresses that have been quiet for a while, every minute (until the
/// runtime stops).
pub fn spawn_cleanup(config: &Config) {
    let limiter = Arc::clone(config);
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(60));
        loop {
            tick.tick().await;
            limiter.limiter().retain_recent();
        }
    });
}
