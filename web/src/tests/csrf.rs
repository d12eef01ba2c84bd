use axum::body::Body;
use axum::http::{Method, StatusCode, header};

use super::client::{BASE, Harness};
use crate::store::Role;

#[tokio::test]
async fn cross_site_and_tokenless_posts_are_refused() {
    let h = Harness::new();
    let mut c = h
        .signed_in("coord@example.org", Role::Coordinator, None)
        .await;
    let good = c.csrf.clone().unwrap();
    let form = |token: &str| format!("email=a%40example.org&role=coordinator&org=&csrf={token}");
    let cases: [(&str, Option<&str>, Option<&str>, String); 5] = [
        ("cross-site", Some("cross-site"), Some(BASE), form(&good)),
        ("same-site", Some("same-site"), Some(BASE), form(&good)),
        (
            "foreign origin",
            None,
            Some("https://evil.example"),
            form(&good),
        ),
        (
            "no token",
            Some("same-origin"),
            Some(BASE),
            "email=a%40example.org&role=coordinator".into(),
        ),
        ("wrong token", Some("same-origin"), Some(BASE), form("0123")),
    ];
    for (what, site, origin, body) in cases {
        let mut req = c.request(Method::POST, "/comptes");
        if let Some(s) = site {
            req = req.header("sec-fetch-site", s);
        }
        if let Some(o) = origin {
            req = req.header(header::ORIGIN, o);
        }
        let req = req
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(body))
            .unwrap();
        let r = c.send(req).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{what}");
    }
    assert!(h.db().account_by_email("a@example.org").unwrap().is_none());

    // The header htmx sends is accepted in place of the form field.
    let req = c
        .request(Method::POST, "/comptes")
        .header("x-csrf-token", &good)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from("email=a%40example.org&role=coordinator&org="))
        .unwrap();
    let r = c.send(req).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert!(h.db().account_by_email("a@example.org").unwrap().is_some());
}

#[tokio::test]
async fn sign_out_needs_the_token() {
    let h = Harness::new();
    let mut c = h
        .signed_in("coord@example.org", Role::Coordinator, None)
        .await;
    let req = c
        .request(Method::POST, "/deconnexion")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from("csrf="))
        .unwrap();
    assert_eq!(c.send(req).await.status, StatusCode::FORBIDDEN);
    assert_eq!(c.get("/").await.status, StatusCode::OK, "still signed in");
}

#[tokio::test]
async fn the_sign_in_token_is_replaced_at_sign_in() {
    let h = Harness::new();
    h.account("coord@example.org", Role::Coordinator, None)
        .await;
    let mut c = h.client();
    c.get("/connexion").await;
    let before = c.csrf.clone().unwrap();
    c.sign_in("coord@example.org", super::client::PASSWORD)
        .await;
    c.get("/").await;
    assert_ne!(c.csrf.clone().unwrap(), before);
}
