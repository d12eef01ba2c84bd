use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};

use super::client::{Harness, Reply};
use crate::headers::CSP;

fn assert_security_headers(r: &Reply, what: &str) {
    let h = |name: &str| r.headers.get(name).and_then(|v| v.to_str().ok());
    assert_eq!(h("content-security-policy"), Some(CSP), "{what}");
    assert_eq!(h("x-content-type-options"), Some("nosniff"), "{what}");
    assert_eq!(h("referrer-policy"), Some("same-origin"), "{what}");
    assert_eq!(h("x-frame-options"), Some("DENY"), "{what}");
}

#[tokio::test]
async fn healthz_answers_ok_without_a_session() {
    let h = Harness::new();
    let r = h.client().get("/healthz").await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.body, "ok");
    assert!(r.set_cookie().is_none());
}

#[tokio::test]
async fn assets_have_their_type_and_a_long_cache_and_test_files_stay_out() {
    let h = Harness::new();
    let mut c = h.client();
    for (path, kind, needle) in [
        (
            "/assets/pico.min.css",
            "text/css; charset=utf-8",
            "Pico CSS",
        ),
        ("/assets/app.css", "text/css; charset=utf-8", ".skip-link"),
        (
            "/assets/htmx.min.js",
            "text/javascript; charset=utf-8",
            "htmx",
        ),
    ] {
        let r = c.get(path).await;
        assert_eq!(r.status, StatusCode::OK, "{path}");
        assert_eq!(r.headers[header::CONTENT_TYPE], kind, "{path}");
        assert!(
            r.headers[header::CACHE_CONTROL]
                .to_str()
                .unwrap()
                .contains("max-age=31536000"),
            "{path}"
        );
        assert!(r.body.contains(needle), "{path}");
    }
    for path in [
        "/assets/test/axe.min.js",
        "/assets/README.md",
        "/assets/nope.js",
    ] {
        assert_eq!(c.get(path).await.status, StatusCode::NOT_FOUND, "{path}");
    }
}

#[tokio::test]
async fn every_response_carries_the_security_headers() {
    let h = Harness::new();
    let mut c = h.client();
    for path in [
        "/connexion",
        "/healthz",
        "/assets/htmx.min.js",
        "/",
        "/nulle-part",
    ] {
        let r = c.get(path).await;
        assert_security_headers(&r, path);
    }
    // A refused POST (no CSRF token) too.
    let req = c
        .request(Method::POST, "/connexion")
        .body(Body::empty())
        .unwrap();
    let r = c.send(req).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_security_headers(&r, "403");
}

#[tokio::test]
async fn pages_have_no_inline_script_and_configure_htmx_by_meta() {
    let h = Harness::new();
    let r = h.client().get("/connexion").await;
    assert!(r.body.contains("<html lang=\"fr\">"));
    assert!(r.body.contains("name=\"htmx-config\""));
    assert!(r.body.contains("\"includeIndicatorStyles\": false"));
    assert!(r.body.contains("href=\"#contenu\""), "skip link");
    assert!(r.body.contains("<label for=\"email\">"));
    let scripts: Vec<&str> = r
        .body
        .match_indices("<script")
        .map(|(i, _)| &r.body[i..])
        .collect();
    assert!(!scripts.is_empty());
    for s in scripts {
        assert!(
            s.starts_with("<script src=\"/assets/"),
            "inline script: {s:.80}"
        );
    }
    assert!(!r.body.contains("style=\""), "inline style");
}

#[tokio::test]
async fn signed_out_pages_redirect_to_sign_in() {
    let h = Harness::new();
    let mut c = h.client();
    for path in ["/", "/comptes", "/audit"] {
        let r = c.get(path).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{path}");
        assert_eq!(r.location(), "/connexion", "{path}");
        let req = Request::builder()
            .uri(path)
            .header("hx-request", "true")
            .body(Body::empty())
            .unwrap();
        let r = c.send(req).await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED, "{path}");
        assert_eq!(r.headers["hx-redirect"], "/connexion", "{path}");
    }
}
