//! Accounts in the browser (properties 1 and 2).

use crate::harness::{Browser, Server, accept_invitation, enabled, sign_in};

const PASSWORD: &str = "une phrase de passe assez longue";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn invitation_password_sign_in_and_sign_out() {
    if !enabled() {
        return;
    }
    let server = Server::start();
    let link = server.invite("coordination@example.org", "coordinator", None);
    let b = Browser::start().await;

    b.client.goto(&link).await.expect("the invitation page");
    b.check_accessibility("invitation").await;
    b.screenshot("invitation").await;
    b.fill("password", "trop court").await;
    b.fill("confirmation", "trop court").await;
    b.press("Enregistrer le mot de passe").await;
    assert!(
        b.text().await.contains("12"),
        "a short password is refused and the rule is said"
    );
    accept_invitation(&b, &link, PASSWORD).await;
    assert_eq!(b.path().await, "/connexion");
    b.check_accessibility("connexion").await;
    b.screenshot("connexion").await;

    sign_in(&b, &server, "coordination@example.org", "not the password").await;
    assert_eq!(b.path().await, "/connexion", "a wrong password stays here");
    sign_in(&b, &server, "coordination@example.org", PASSWORD).await;
    assert_eq!(b.path().await, "/");
    assert!(b.text().await.contains("coordination@example.org"));
    b.check_accessibility("accueil").await;
    b.screenshot("accueil").await;

    b.press("Se déconnecter").await;
    b.client.goto(&server.url("/")).await.expect("home");
    assert_eq!(
        b.path().await,
        "/connexion",
        "signed out: back to the sign-in page"
    );
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_coordinator_disabled_mid_session_is_signed_out() {
    if !enabled() {
        return;
    }
    let server = Server::start();
    let link = server.invite("second@example.org", "coordinator", None);
    let b = Browser::start().await;
    accept_invitation(&b, &link, PASSWORD).await;
    sign_in(&b, &server, "second@example.org", PASSWORD).await;
    assert_eq!(b.path().await, "/");

    server
        .ws
        .explor(&["user", "disable", "second@example.org"])
        .assert()
        .success();
    b.client
        .goto(&server.url("/comptes"))
        .await
        .expect("a page");
    assert_eq!(
        b.path().await,
        "/connexion",
        "the disabled account is signed out"
    );
    sign_in(&b, &server, "second@example.org", PASSWORD).await;
    assert_eq!(b.path().await, "/connexion", "and cannot sign in again");
    b.close().await;
}
