//! Security headers on every response, pages, assets and errors alike.

use axum::http::{HeaderName, HeaderValue, header};
use axum::response::Response;

/// The Content-Security-Policy: only the site's own scripts, styles and images (plus
/// `data:` images), never framed, no `<base>`, forms post only to the site. There is no
/// inline script or style anywhere (htmx reads its configuration from a meta tag).
pub const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; \
                       img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; \
                       form-action 'self'";

const HEADERS: [(HeaderName, &str); 4] = [
    (header::CONTENT_SECURITY_POLICY, CSP),
    (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
    (header::REFERRER_POLICY, "same-origin"),
    (header::X_FRAME_OPTIONS, "DENY"),
];

/// Adds the headers (`axum::middleware::map_response`).
pub async fn add(mut res: Response) -> Response {
    let headers = res.headers_mut();
    for (name, value) in HEADERS {
        headers.insert(name, HeaderValue::from_static(value));
    }
    res
}
