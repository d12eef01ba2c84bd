//! Sign-in throttling per client address (tower_governor). The per-account lock (5
//! failures in a row lock the account for 15 minutes) is counted in the database; see
//! `accounts::sign_in`.
//!
//! The address is the TCP peer's ([`ClientAddr`]). Behind a reverse proxy
//! (`explor serve --behind-proxy`, for a port only the proxy can reach), a request is
//! counted under the last address of its `X-Forwarded-For` header — the one the proxy
//! appended, which a client cannot forge. Without that setting every client behind a
//! proxy shares the proxy's address, and the limit applies to all of them together
//! (fail closed, not open).

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::response::{IntoResponse, Response};
use governor::middleware::NoOpMiddleware;
use tower_governor::GovernorError;
use tower_governor::GovernorLayer;
use tower_governor::governor::{GovernorConfig, GovernorConfigBuilder};
use tower_governor::key_extractor::KeyExtractor;

use crate::error::WebError;

/// Requests one address may make in a burst to the sign-in and invitation forms.
pub const BURST: u32 = 10;
/// One more request is allowed every this many seconds.
pub const REPLENISH_SECS: u64 = 6;

/// The limiter's configuration (shared with the task that forgets idle addresses).
pub type Config = Arc<GovernorConfig<ClientAddr, NoOpMiddleware>>;

/// The client address a request is counted under.
#[derive(Debug, Clone, Copy)]
pub struct ClientAddr {
    /// Every request comes through a reverse proxy: trust the address it appends to
    /// `X-Forwarded-For`.
    pub behind_proxy: bool,
}

impl ClientAddr {
    /// The address of the client that sent a request from `peer` with these
    /// `X-Forwarded-For` values (in header order).
    pub fn resolve<'h>(&self, peer: IpAddr, forwarded: impl Iterator<Item = &'h str>) -> IpAddr {
        if !self.behind_proxy {
            return peer;
        }
        // The proxy appends the address it saw to the list: the last one is its own
        // observation, anything before it is what the client claimed.
        forwarded
            .flat_map(|v| v.split(','))
            .last()
            .and_then(|a| a.trim().parse::<IpAddr>().ok())
            .unwrap_or(peer)
    }
}

impl KeyExtractor for ClientAddr {
    type Key = IpAddr;

    fn extract<T>(&self, req: &axum::http::Request<T>) -> Result<IpAddr, GovernorError> {
        let peer = req
            .extensions()
            .get::<axum::extract::ConnectInfo<SocketAddr>>()
            .map(|c| c.0.ip())
            .ok_or(GovernorError::UnableToExtractKey)?;
        let forwarded = req
            .headers()
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|v| v.to_str().ok());
        Ok(self.resolve(peer, forwarded))
    }
}

/// The per-address configuration.
pub fn config(behind_proxy: bool) -> Config {
    let config = GovernorConfigBuilder::default()
        .key_extractor(ClientAddr { behind_proxy })
        .per_second(REPLENISH_SECS)
        .burst_size(BURST)
        .finish();
    // Both values are non-zero constants: `finish` cannot refuse them.
    #[allow(clippy::expect_used)]
    Arc::new(config.expect("a non-zero period and burst"))
}

/// The layer for the sign-in and invitation POST routes; too many requests get a
/// French 429 page.
pub fn layer(config: &Config) -> GovernorLayer<ClientAddr, NoOpMiddleware, Body> {
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
    let body = explor_engine::fr::web::too_many_attempts(wait.as_secs().max(1));
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

#[cfg(test)]
mod tests {
    use std::net::IpAddr;

    use super::ClientAddr;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn the_proxy_appended_address_counts_only_behind_a_proxy() {
        let proxy = ClientAddr { behind_proxy: true };
        let direct = ClientAddr {
            behind_proxy: false,
        };
        let claimed = ["203.0.113.9, 198.51.100.4"];
        assert_eq!(
            proxy.resolve(ip("127.0.0.1"), claimed.into_iter()),
            ip("198.51.100.4"),
            "the last address is the one the proxy saw"
        );
        assert_eq!(
            proxy.resolve(ip("::1"), ["203.0.113.9", "198.51.100.4"].into_iter()),
            ip("198.51.100.4"),
            "several headers are one list"
        );
        assert_eq!(
            proxy.resolve(ip("172.17.0.1"), claimed.into_iter()),
            ip("198.51.100.4"),
            "a proxy on a container network too"
        );
        assert_eq!(
            direct.resolve(ip("127.0.0.1"), claimed.into_iter()),
            ip("127.0.0.1"),
            "without --behind-proxy the header is ignored"
        );
        assert_eq!(
            proxy.resolve(ip("127.0.0.1"), ["pas une adresse"].into_iter()),
            ip("127.0.0.1"),
            "an unreadable header falls back to the peer"
        );
        assert_eq!(
            proxy.resolve(ip("127.0.0.1"), std::iter::empty()),
            ip("127.0.0.1")
        );
    }
}
