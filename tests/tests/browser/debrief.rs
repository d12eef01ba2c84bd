//! After a mission, in the browser (issue #15): the expert back from the field finds
//! the debrief form on their page, sends the *bilan*, and the coordinator reads it on
//! the mission's page.

use crate::harness::{
    Browser, COORDINATOR_PASSWORD, Server, accept_invitation, enabled, sign_in,
    signed_in_coordinator,
};

const EXPERT: &str = "exp-0007";
const NEED: &str = "need-kin-dechets";

/// Moves the need and the expert's dates to 2026 and brings a mission of theirs to
/// `returned` in September 2026 with the command line, as a coordinator would have.
fn returned_mission(server: &Server) -> String {
    let sample = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../data/sample");
    let pick = |file: &str, id: &str| -> serde_json::Value {
        let all: Vec<serde_json::Value> =
            serde_json::from_str(&std::fs::read_to_string(sample.join(file)).expect("sample"))
                .expect("JSON");
        all.into_iter().find(|r| r["id"] == id).expect("the record")
    };
    let mut need = pick("needs.json", NEED);
    need["window"] = serde_json::json!({"from": "2026-09-01", "to": "2026-10-31"});
    let mut expert = pick("experts.json", EXPERT);
    expert["availability"] = serde_json::json!([{"from": "2026-09-01", "to": "2026-10-31"}]);
    expert["consent"]["valid_from"] = "2026-01-01".into();
    let dir = server.ws.dir().join("2026");
    std::fs::create_dir_all(&dir).expect("a folder");
    for (file, record) in [("needs.json", need), ("experts.json", expert)] {
        std::fs::write(
            dir.join(file),
            serde_json::to_string(&[record]).expect("JSON"),
        )
        .expect("write");
    }
    let run = |args: &[&str]| {
        let out = server.ws.explor(args).output().expect("explor");
        assert!(
            out.status.success(),
            "explor {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        out.stdout
    };
    run(&["import", dir.to_str().expect("UTF-8")]);
    let created: serde_json::Value = serde_json::from_slice(&run(&[
        "mission",
        "create",
        NEED,
        "--expert",
        EXPERT,
        "--start",
        "2026-09-14",
        "--on",
        "2026-07-01",
        "--format",
        "json",
    ]))
    .expect("JSON");
    let id = created["id"].as_str().expect("an id").to_owned();
    for (step, on) in [
        (&["advance", "terms_drafted"][..], "2026-07-02"),
        (&["advance", "agreed"], "2026-07-10"),
        (&["record", "training"], "2026-08-01"),
        (&["advance", "trained"], "2026-08-01"),
        (&["record", "insurance"], "2026-08-02"),
        (&["advance", "in_field"], "2026-09-13"),
        (&["advance", "returned"], "2026-09-23"),
    ] {
        run(&[
            "mission",
            step[0],
            &id,
            step[1..].join(" ").as_str(),
            "--on",
            on,
        ]);
    }
    id
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn back_from_the_field_an_expert_sends_the_debrief_and_the_coordinator_reads_it() {
    if !enabled() {
        return;
    }
    let server = Server::start();
    let mission = returned_mission(&server);
    let b = Browser::start().await;

    let link = server.invite("expert@example.org", "expert", Some(EXPERT));
    accept_invitation(&b, &link, COORDINATOR_PASSWORD).await;
    sign_in(&b, &server, "expert@example.org", COORDINATOR_PASSWORD).await;
    b.follow("Propositions").await;
    b.wait_for_text(&format!("Bilan de la mission {mission}"))
        .await;
    b.check_accessibility("bilan").await;
    b.screenshot("espace-expert").await;
    let text = "Diagnostic fait avec douze récupérateurs ; reste à chiffrer le centre de tri.";
    b.fill(&format!("bilan-texte-{mission}"), text).await;
    b.press("Envoyer le bilan").await;
    b.wait_for_text("Aucune proposition").await;
    assert!(
        !b.text()
            .await
            .contains(&format!("Bilan de la mission {mission}")),
        "the form is gone once sent"
    );
    b.press("Se déconnecter").await;

    signed_in_coordinator(&b, &server, "coordination@example.org").await;
    b.client
        .goto(&server.url(&format!("/missions/{mission}")))
        .await
        .expect("the mission");
    b.wait_for_text("Diagnostic fait avec douze récupérateurs")
        .await;
    b.close().await;
}
