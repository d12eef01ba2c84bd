//! One log line per request: method, route (the path template, or the path without
//! its query and with invitation tokens hidden), status and latency. No e-mail, token
//! or query string is ever logged.

use std::time::Instant;

use axum::extract::{MatchedPath, Request};
use axum::middleware::Next;
use axum::response::Response;

/// The middleware (`axum::middleware::from_fn`).
pub async fn log(req: Request, next: Next) -> Response {
    let start = Instant::now();
    let method = req.method().clone();
    let route = match req.extensions().get::<MatchedPath>() {
        Some(m) => m.as_str().to_owned(),
        None => redact(req.uri().path()),
    };
    let res = next.run(req).await;
    tracing::info!(
        method = %method,
        route = %route,
        status = res.status().as_u16(),
        latency_ms = start.elapsed().as_millis(),
        "request"
    );
    res
}

/// The path as logged when no route matched: invitation tokens hidden, bounded length.
pub(crate) fn redact(path: &str) -> String {
    if path.starts_with("/invite/") {
        return "/invite/{token}".to_owned();
    }
    path.chars().take(100).collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn invitation_tokens_are_never_logged() {
        assert_eq!(super::redact("/invite/0123abcd/x"), "/invite/{token}");
        assert_eq!(super::redact("/comptes"), "/comptes");
    }
}
