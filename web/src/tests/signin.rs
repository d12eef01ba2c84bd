use axum::http::StatusCode;

use super::client::{Harness, PASSWORD};
use crate::auth::throttle::BURST;
use crate::store::{Action, AuditFilter, Role};

#[tokio::test]
async fn wrong_password_and_unknown_email_look_the_same() {
    let h = Harness::new();
    h.account("marie@example.org", Role::Coordinator, None)
        .await;
    let mut c = h.client();
    let wrong = c
        .sign_in("marie@example.org", "pas le bon mot de passe")
        .await;
    let unknown = c
        .sign_in("personne@example.org", "pas le bon mot de passe")
        .await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
    assert_eq!(unknown.status, wrong.status);
    // Same page but for the e-mail typed back into the field.
    assert_eq!(
        wrong.body.replace("marie@example.org", "X"),
        unknown.body.replace("personne@example.org", "X")
    );
    assert!(wrong.set_cookie().is_none() && unknown.set_cookie().is_none());
}

#[tokio::test]
async fn five_failures_lock_the_account_even_against_the_right_password() {
    let h = Harness::new();
    h.account("marie@example.org", Role::Coordinator, None)
        .await;
    let mut c = h.client();
    for _ in 0..5 {
        let r = c
            .sign_in("marie@example.org", "pas le bon mot de passe")
            .await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    }
    let r = c.sign_in("marie@example.org", PASSWORD).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED, "locked");
    let locked = h
        .db()
        .audit_entries(&AuditFilter {
            action: Some(Action::AccountLocked),
            limit: 10,
            ..AuditFilter::default()
        })
        .unwrap();
    assert_eq!(locked.len(), 1);
    // Once the lock has passed, the right password works again.
    h.db()
        .conn
        .execute("UPDATE web_accounts SET locked_until = 0", [])
        .unwrap();
    let r = c.sign_in("marie@example.org", PASSWORD).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn one_address_is_throttled_on_the_sign_in_form() {
    let h = Harness::new();
    let mut c = h.client();
    c.get("/connexion").await;
    let mut statuses = Vec::new();
    for _ in 0..=BURST {
        statuses.push(
            c.sign_in("x@example.org", "pas le bon mot de passe")
                .await
                .status,
        );
    }
    assert!(
        statuses[..BURST as usize]
            .iter()
            .all(|s| *s == StatusCode::UNAUTHORIZED)
    );
    assert_eq!(statuses.last(), Some(&StatusCode::TOO_MANY_REQUESTS));
    // Other pages are not throttled.
    assert_eq!(c.get("/connexion").await.status, StatusCode::OK);
}

#[tokio::test]
async fn a_disabled_account_cannot_sign_in() {
    let h = Harness::new();
    h.account("marie@example.org", Role::Coordinator, None)
        .await;
    crate::accounts::disable(&mut h.db(), "marie@example.org", None, 0).unwrap();
    let r = h.client().sign_in("marie@example.org", PASSWORD).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
}
