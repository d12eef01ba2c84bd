//! Who reaches the coordinator's pages: signed out → sign-in, another role → 404 (GET
//! and POST), a disabled coordinator → signed out; POSTs without a CSRF token → 403.

use axum::body::Body;
use axum::http::{Method, StatusCode, header};

use super::client::{BASE, Harness};
use crate::store::Role;

/// Every coordinator page, with a real id where the path takes one.
pub const PAGES: &[&str] = &["/besoins", "/besoins/need-kin-dechets"];

/// Every coordinator POST.
pub const POSTS: &[&str] = &["/besoins/need-kin-dechets/proposer"];

#[tokio::test]
async fn signed_out_coordinator_pages_redirect_to_sign_in() {
    let h = Harness::new();
    let mut c = h.client();
    for path in PAGES {
        let r = c.get(path).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{path}");
        assert_eq!(r.location(), "/connexion", "{path}");
    }
}

#[tokio::test]
async fn a_company_account_gets_404_on_every_coordinator_page_and_post() {
    let h = Harness::new();
    let mut c = h
        .signed_in("rh@elec-sud.fr", Role::Company, Some("co-elec-sud"))
        .await;
    for path in PAGES {
        assert_eq!(c.get(path).await.status, StatusCode::NOT_FOUND, "{path}");
    }
    for path in POSTS {
        let r = c.post(path, &[("candidat", "exp-0001")]).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{path}");
    }
    assert!(h.workspace().missions().unwrap().is_empty());
}

#[tokio::test]
async fn a_disabled_coordinator_is_signed_out() {
    let h = Harness::new();
    let mut c = h.coordinator().await;
    assert_eq!(c.get(PAGES[0]).await.status, StatusCode::OK);
    crate::accounts::disable(&mut h.db(), "coord@example.org", None, 0).unwrap();
    for path in PAGES {
        let r = c.get(path).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{path}");
        assert_eq!(r.location(), "/connexion", "{path}");
    }
}

#[tokio::test]
async fn coordinator_posts_without_a_csrf_token_are_refused() {
    let h = Harness::new();
    let c = h.coordinator().await;
    for path in POSTS {
        let req = c
            .request(Method::POST, path)
            .header(header::ORIGIN, BASE)
            .header("sec-fetch-site", "same-origin")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from("candidat=exp-0001"))
            .unwrap();
        let r = h.send(req).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{path}");
    }
    assert!(h.workspace().missions().unwrap().is_empty());
}

#[tokio::test]
async fn the_coordinator_sees_the_dashboard_and_the_links() {
    let h = Harness::new();
    let mut c = h.coordinator().await;
    let r = c.get("/").await;
    assert_eq!(r.status, StatusCode::OK);
    for needle in [
        "Tableau de bord",
        "Propositions en attente",
        "href=\"/appels/2027-printemps\"",
        "href=\"/missions?etat=proposed\"",
        "Aucune mission n’attend",
        "href=\"/recherche\"",
    ] {
        assert!(r.body.contains(needle), "{needle}");
    }
}
