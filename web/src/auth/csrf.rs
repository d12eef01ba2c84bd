//! Cross-site request forgery: one middleware in front of every route, so that no
//! handler can forget it.
//!
//! A state-changing request (anything but GET, HEAD, OPTIONS) is refused with 403
//! when
//! 1. its `Sec-Fetch-Site` header is present and is not `same-origin`, or
//! 2. its `Origin` header is present and is not the site's origin (the base URL's), or
//! 3. it does not carry the session's CSRF token — in the `csrf` field of a form
//!    (URL-encoded or `multipart/form-data`), or in the `X-CSRF-Token` header (htmx
//!    sends it from `hx-headers` on `<body>`) — compared in constant time.
//!
//! An upload (`multipart/form-data`, the import form) is checked here too, so that one
//! check covers every POST: its body, up to [`UPLOAD_LIMIT`], is read once, its parts
//! are read up to the `csrf` field — which must come before the file, as it does in the
//! site's forms (browsers send fields in document order) — and the body is handed on
//! unchanged.

use axum::body::{Body, Bytes, to_bytes};
use axum::extract::{FromRequest, Multipart, Request, State};
use axum::http::{HeaderMap, Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use subtle::ConstantTimeEq;
use tower_sessions::Session;

use super::{SESSION_CSRF, token};
use crate::error::{InternalError, Result, WebError};
use crate::state::AppState;

/// The form field that carries the token.
pub const FORM_FIELD: &str = "csrf";
/// The header that carries the token (htmx requests).
pub const HEADER: &str = "x-csrf-token";
/// The largest form body read to find the token.
const FORM_LIMIT: usize = 64 * 1024;
/// The largest upload (`multipart/form-data` body) accepted.
pub const UPLOAD_LIMIT: usize = 20 * 1024 * 1024;

/// The session's CSRF token, created on first use.
pub async fn token(session: &Session) -> Result<String> {
    if let Some(t) = session.get::<String>(SESSION_CSRF).await? {
        return Ok(t);
    }
    rotate(session).await
}

/// Replaces the session's CSRF token (at sign-in) and returns the new one.
pub async fn rotate(session: &Session) -> Result<String> {
    let t = token::random_hex::<32>()?;
    session.insert(SESSION_CSRF, &t).await?;
    Ok(t)
}

/// The middleware (`axum::middleware::from_fn_with_state`).
pub async fn protect(State(state): State<AppState>, req: Request, next: Next) -> Response {
    if matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS) {
        return next.run(req).await;
    }
    match check(&state, req).await {
        Ok(req) => next.run(req).await,
        Err(e) => e.into_response(),
    }
}

async fn check(state: &AppState, req: Request) -> Result<Request> {
    let headers = req.headers();
    if let Some(site) = headers.get("sec-fetch-site")
        && site.as_bytes() != b"same-origin"
    {
        return Err(WebError::Forbidden("cross-site request (Sec-Fetch-Site)"));
    }
    if let Some(origin) = headers.get(header::ORIGIN)
        && !origin
            .as_bytes()
            .eq_ignore_ascii_case(state.settings().origin().as_bytes())
    {
        return Err(WebError::Forbidden("foreign Origin"));
    }
    let session = req.extensions().get::<Session>().cloned().ok_or_else(|| {
        InternalError::Corrupt("no session layer in front of the CSRF check".into())
    })?;
    let Some(expected) = session.get::<String>(SESSION_CSRF).await? else {
        return Err(WebError::Forbidden("no CSRF token in the session"));
    };
    let from_header = req.headers().get(HEADER).map(|v| v.as_bytes().to_vec());
    let is_form = req.headers().get(header::CONTENT_TYPE).is_some_and(|v| {
        v.as_bytes()
            .starts_with(b"application/x-www-form-urlencoded")
    });
    let is_upload = req
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"multipart/form-data"));
    let (req, submitted) = match from_header {
        Some(t) => (req, Some(t)),
        None if is_form => {
            let (parts, body) = req.into_parts();
            let bytes = to_bytes(body, FORM_LIMIT)
                .await
                .map_err(|_| WebError::Forbidden("form too large or unreadable"))?;
            let fields: Vec<(String, String)> =
                serde_urlencoded::from_bytes(&bytes).unwrap_or_default();
            let t = fields
                .into_iter()
                .find(|(k, _)| k == FORM_FIELD)
                .map(|(_, v)| v.into_bytes());
            (Request::from_parts(parts, Body::from(bytes)), t)
        }
        None if is_upload => {
            let (parts, body) = req.into_parts();
            let bytes = to_bytes(body, UPLOAD_LIMIT)
                .await
                .map_err(|_| WebError::Forbidden("upload too large or unreadable"))?;
            let t = upload_token(&parts.headers, bytes.clone()).await;
            (Request::from_parts(parts, Body::from(bytes)), t)
        }
        None => (req, None),
    };
    let ok = submitted.is_some_and(|t| bool::from(t.as_slice().ct_eq(expected.as_bytes())));
    if ok {
        Ok(req)
    } else {
        Err(WebError::Forbidden("missing or wrong CSRF token"))
    }
}

/// The `csrf` field of a `multipart/form-data` body, read up to that field.
async fn upload_token(headers: &HeaderMap, bytes: Bytes) -> Option<Vec<u8>> {
    let mut req = Request::new(Body::from(bytes));
    if let Some(kind) = headers.get(header::CONTENT_TYPE) {
        req.headers_mut().insert(header::CONTENT_TYPE, kind.clone());
    }
    let mut parts = Multipart::from_request(req, &()).await.ok()?;
    while let Ok(Some(field)) = parts.next_field().await {
        if field.name() == Some(FORM_FIELD) {
            return field.text().await.ok().map(String::into_bytes);
        }
    }
    None
}
