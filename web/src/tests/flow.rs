use axum::http::StatusCode;

use super::client::{Harness, PASSWORD};
use crate::auth::token;
use crate::store::{Action, AuditFilter, Role, now};

fn actions(h: &Harness) -> Vec<String> {
    let filter = AuditFilter {
        limit: 100,
        ..AuditFilter::default()
    };
    let mut rows: Vec<String> = h
        .db()
        .audit_entries(&filter)
        .unwrap()
        .into_iter()
        .map(|e| e.action)
        .collect();
    rows.reverse();
    rows
}

#[tokio::test]
async fn invitation_password_sign_in_pages_sign_out() {
    let h = Harness::new();
    let token = h.invite("Coord@Example.org", Role::Coordinator, None);
    let path = format!("/invite/{token}");
    let mut c = h.client();

    let r = c.get(&path).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(
        r.body.contains("coord@example.org"),
        "normalised e-mail shown"
    );
    assert!(
        r.body.contains("de 12 à 256 caractères"),
        "the policy is shown"
    );

    for (pw, confirm, says) in [
        ("trop court", "trop court", "au moins 12 caractères"),
        ("motdepasse123", "motdepasse123", "trop courant"),
        ("Azertyuiop123", "Azertyuiop123", "trop courant"),
        ("coord@example.org", "coord@example.org", "adresse e-mail"),
        (PASSWORD, "autre chose encore", "pas identiques"),
    ] {
        let r = c
            .post(&path, &[("password", pw), ("confirmation", confirm)])
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{pw}");
        assert!(r.body.contains(says), "{pw}: {}", r.body);
        assert!(r.body.contains("aria-invalid=\"true\""), "{pw}");
    }
    let r = c
        .post(&path, &[("password", PASSWORD), ("confirmation", PASSWORD)])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(r.location(), "/connexion?bienvenue=1");

    // Single use.
    assert_eq!(c.get(&path).await.status, StatusCode::NOT_FOUND);
    let again = c
        .post(&path, &[("password", PASSWORD), ("confirmation", PASSWORD)])
        .await;
    assert_eq!(again.status, StatusCode::NOT_FOUND);

    // Sign in: the session id changes and the cookie is HttpOnly, SameSite=Lax.
    let page = c.get("/connexion?bienvenue=1").await;
    assert!(page.body.contains("Votre mot de passe est enregistré"));
    let before = c.cookie.clone().expect("the sign-in form's session");
    let r = c.sign_in("coord@example.org", PASSWORD).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(r.location(), "/");
    let set = r.set_cookie().expect("a session cookie");
    assert!(set.starts_with("explor="), "{set}");
    assert!(set.contains("HttpOnly"), "{set}");
    assert!(set.contains("SameSite=Lax"), "{set}");
    assert!(!set.contains("Secure"), "{set}");
    let after = c.cookie.clone().unwrap();
    assert_ne!(before, after, "session id rotated at sign-in");
    // The pre-sign-in session is gone server-side.
    let mut old = h.client();
    old.cookie = Some(before);
    assert_eq!(old.get("/").await.status, StatusCode::SEE_OTHER);

    let home = c.get("/").await;
    assert_eq!(home.status, StatusCode::OK);
    assert!(home.body.contains("Fiches enregistrées"));
    assert!(home.body.contains("<td>experts</td>"));
    assert_eq!(c.get("/comptes").await.status, StatusCode::OK);
    assert_eq!(c.get("/audit").await.status, StatusCode::OK);

    // Sign out, then the same cookie no longer works.
    let signed_in_cookie = c.cookie.clone();
    let r = c.post("/deconnexion", &[]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(r.location(), "/connexion");
    let mut replay = h.client();
    replay.cookie = signed_in_cookie;
    let r = replay.get("/").await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(r.location(), "/connexion");

    assert_eq!(
        actions(&h),
        [
            Action::AccountCreated,
            Action::InvitationUsed,
            Action::PasswordSet,
            Action::LoginSucceeded,
            Action::Logout
        ]
        .map(|a| a.as_str().to_owned())
    );
}

#[tokio::test]
async fn secure_cookies_use_the_host_prefix() {
    let h = Harness::with(true);
    let mut c = h.client();
    let r = c.get("/connexion").await;
    let set = r.set_cookie().expect("a cookie for the form's CSRF token");
    assert!(set.starts_with("__Host-explor="), "{set}");
    assert!(set.contains("Secure"), "{set}");
    assert!(set.contains("Path=/"), "{set}");
    assert!(!set.contains("Domain"), "{set}");
    assert!(
        set.contains("HttpOnly") && set.contains("SameSite=Lax"),
        "{set}"
    );
}

#[tokio::test]
async fn an_expired_invitation_is_refused() {
    let h = Harness::new();
    let token = h.invite("late@example.org", Role::Coordinator, None);
    h.db()
        .set_invitation_expiry(&token::hash(&token), now() - 1)
        .unwrap();
    let path = format!("/invite/{token}");
    let mut c = h.client();
    c.get("/connexion").await;
    let r = c.get(&path).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert!(r.body.contains("n’est pas valable"));
    let r = c
        .post(&path, &[("password", PASSWORD), ("confirmation", PASSWORD)])
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert!(
        !h.db()
            .account_by_email("late@example.org")
            .unwrap()
            .unwrap()
            .active
    );
    // A malformed token is refused the same way.
    assert_eq!(
        c.get("/invite/nimportequoi").await.status,
        StatusCode::NOT_FOUND
    );
}
