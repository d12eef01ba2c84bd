//! The calls' pages: the list, a batch run shown as `explor batch` builds it, and its
//! commit (as many missions as `NewMission::from_assignments` makes).

use axum::http::StatusCode;
use explor_indexer::{BatchOptions, NewMission};

use super::client::Harness;

const CALL: &str = "2027-printemps";

#[tokio::test]
async fn calls_are_listed_and_a_run_shows_its_sections() {
    let h = Harness::new();
    let mut c = h.coordinator().await;
    let list = c.get("/appels").await;
    assert!(list.body.contains("href=\"/appels/2027-printemps\""));
    let form = c.get(&format!("/appels/{CALL}")).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.body.contains("hx-indicator=\"#calcul\""));
    assert!(!form.body.contains("Affectation proposée"));
    let r = c.get(&format!("/appels/{CALL}?top_k=20&score_min=0")).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("Affectation proposée"));
    assert!(r.body.contains("<caption>Assignments ("));
    assert!(r.body.contains("batch, call 2027-printemps"));
    let bad = c
        .get(&format!("/appels/{CALL}?top_k=0&score_min=abc"))
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("id=\"erreur-top-k\""));
    assert!(bad.body.contains("id=\"erreur-score-min\""));
    assert_eq!(
        c.get("/appels/2099-jamais").await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        c.get("/appels/2099-jamais?top_k=5").await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn a_commit_creates_as_many_missions_as_the_run_assigns() {
    let h = Harness::new();
    let expected = {
        let ws = h.workspace();
        let run = ws
            .batch(
                &BatchOptions {
                    call: Some(CALL.to_owned()),
                    top_k: 20,
                    min_score: 0.0,
                    include_pending: false,
                    ..BatchOptions::default()
                },
                &|_| {},
            )
            .unwrap();
        NewMission::from_assignments(&run.batch.result.assignments, false).len()
    };
    assert!(expected > 0);
    let mut c = h.coordinator().await;
    c.get(&format!("/appels/{CALL}?top_k=20")).await;
    let r = c
        .post(
            &format!("/appels/{CALL}/valider"),
            &[("top_k", "20"), ("score_min", "0")],
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let missions = h.workspace().missions().unwrap();
    assert_eq!(missions.len(), expected);
    assert!(r.body.contains(&format!("{expected} mission(s) créée(s)")));
    assert!(
        r.body
            .contains(&format!("href=\"/missions/{}\"", missions[0].id))
    );
    let audit = c.get("/audit?action=batch_committed").await;
    assert!(audit.body.contains(&format!("{expected} mission(s)")));
}
