//! Nobody left without an answer, in the browser (issue #15): a proposal left
//! unanswered past the delay (7 days by default) is flagged on the coordinator's
//! dashboard, and the party that has not answered is reminded once — in the app and
//! by one e-mail in the outbox — however often the server restarts.

use crate::harness::{
    Browser, COORDINATOR_PASSWORD, Server, accept_invitation, enabled, sign_in,
    signed_in_coordinator,
};

const NEED: &str = "need-kin-dechets";
const ASSO_EMAIL: &str = "eau@example.org";

/// The outbox's e-mails that remind of `mission`.
fn reminders(server: &Server, mission: &str) -> Vec<String> {
    let dir = server.ws.workspace().join("outbox");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    entries
        .filter_map(|e| std::fs::read_to_string(e.ok()?.path()).ok())
        .filter(|m| m.contains(&format!("Rappel : la mission {mission}")))
        .collect()
}

/// Waits (up to 10 s) for the reminders of `mission` written by the server at start.
fn wait_for_reminders(server: &Server, mission: &str) -> Vec<String> {
    for _ in 0..100 {
        let found = reminders(server, mission);
        if !found.is_empty() {
            // Give a second message, if one were wrongly written, the time to land.
            std::thread::sleep(std::time::Duration::from_millis(500));
            return reminders(server, mission);
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    Vec::new()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_proposal_unanswered_past_the_delay_is_flagged_and_reminded_once() {
    if !enabled() {
        return;
    }
    let server = Server::start();
    let b = Browser::start().await;

    // The association has an account; a coordinator proposed an expert ten days ago.
    let link = server.invite(ASSO_EMAIL, "association", Some("asso-eau-vive"));
    accept_invitation(&b, &link, COORDINATOR_PASSWORD).await;
    let best: serde_json::Value = serde_json::from_slice(
        &server
            .ws
            .explor(&["match", NEED, "--format", "json"])
            .output()
            .expect("explor match")
            .stdout,
    )
    .expect("JSON");
    let expert = best["candidates"][0]["id"].as_str().expect("a candidate");
    let ten_days_ago = (chrono::Local::now().date_naive() - chrono::Days::new(10)).to_string();
    let out = server
        .ws
        .explor(&[
            "mission",
            "create",
            NEED,
            "--expert",
            expert,
            "--on",
            &ten_days_ago,
            "--format",
            "json",
        ])
        .output()
        .expect("explor mission create");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let created: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let mission = created["id"]
        .as_str()
        .or_else(|| created["mission"]["id"].as_str())
        .expect("the mission's id")
        .to_owned();

    // The service restarts: the reminders run; the association gets one e-mail.
    let server = server.restart();
    let sent = wait_for_reminders(&server, &mission);
    assert_eq!(sent.len(), 1, "{sent:#?}");
    assert!(
        sent[0].contains(&format!("To: {ASSO_EMAIL}")),
        "{}",
        sent[0]
    );

    // The coordinator's dashboard flags the proposal as late.
    signed_in_coordinator(&b, &server, "coordination@example.org").await;
    let text = b.wait_for_text(&mission).await;
    assert!(text.contains("en retard"), "{text}");
    b.check_accessibility("accueil-relance").await;
    b.press("Se déconnecter").await;

    // The association reads the reminder in the app.
    sign_in(&b, &server, ASSO_EMAIL, COORDINATOR_PASSWORD).await;
    b.client
        .goto(&server.url("/notifications"))
        .await
        .expect("the notifications");
    b.wait_for_text(&format!("Rappel : la mission {mission}"))
        .await;

    // Restarted again, nobody is reminded twice.
    let server = server.restart();
    std::thread::sleep(std::time::Duration::from_secs(1));
    assert_eq!(reminders(&server, &mission).len(), 1);
    b.close().await;
}
