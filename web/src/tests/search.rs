//! The search page: facets counted over the results shown, bad parameters said on
//! their fields, htmx gets the results only.

use axum::body::Body;
use axum::http::StatusCode;
use explor_engine::{CandidateKind, Record};
use explor_indexer::SearchQuery;

use super::client::Harness;

#[tokio::test]
async fn facets_count_the_filtered_results() {
    let h = Harness::new();
    let ws = h.workspace();
    let hits = ws
        .search(&SearchQuery {
            text: String::new(),
            theme: Some("dechets".to_owned()),
            languages: Vec::new(),
            country: None,
            available: None,
            kind: Some(CandidateKind::Expert),
            top: 100,
        })
        .unwrap();
    let records = ws
        .records_by_ids(hits.iter().map(|h| h.id.as_str()))
        .unwrap();
    let granted = records
        .iter()
        .filter(|r| matches!(r, Record::Expert(e) if e.consent.status == explor_engine::ConsentStatus::Granted))
        .count();
    assert!(!hits.is_empty() && granted > 0);
    let mut c = h.coordinator().await;
    let r = c.get("/recherche?q=&theme=dechets&type=expert").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(
        r.body
            .contains(&format!("class=\"facet-expert\">{}<", hits.len())),
        "{}",
        r.body
    );
    assert!(!r.body.contains("class=\"facet-offer\""));
    assert!(
        r.body
            .contains(&format!("class=\"facet-dechets\">{}<", hits.len()))
    );
    assert!(
        r.body
            .contains(&format!("href=\"/experts/{}\"", hits[0].id))
    );

    let only = c
        .get("/recherche?theme=dechets&type=expert&consentement=granted")
        .await;
    assert!(
        only.body
            .contains(&format!("class=\"facet-expert\">{granted}<"))
    );
    assert!(
        only.body
            .contains(&format!("class=\"facet-granted\">{granted}<"))
    );
    assert!(!only.body.contains("class=\"facet-pending\""));
}

#[tokio::test]
async fn bad_parameters_are_said_on_their_fields() {
    let h = Harness::new();
    let mut c = h.coordinator().await;
    let r = c
        .get("/recherche?theme=pirate&langue=xx9&pays=ZZZ&du=2027-05-01&au=2027-04-01&type=robot&consentement=peut-etre")
        .await;
    assert_eq!(r.status, StatusCode::OK);
    for id in [
        "erreur-theme",
        "erreur-langue",
        "erreur-pays",
        "erreur-dates",
        "erreur-type",
        "erreur-consentement",
    ] {
        assert!(r.body.contains(&format!("id=\"{id}\"")), "{id}");
    }
    assert!(r.body.contains("la recherche n’a pas été faite"));
}

#[tokio::test]
async fn htmx_gets_the_results_only() {
    let h = Harness::new();
    let mut c = h.coordinator().await;
    let req = c
        .request(axum::http::Method::GET, "/recherche?q=eau")
        .header("hx-request", "true")
        .body(Body::empty())
        .unwrap();
    let r = c.send(req).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(!r.body.contains("<html"));
    assert!(r.body.contains("<caption>"));
}

#[tokio::test]
async fn a_kept_reader_sees_what_the_command_line_writes_afterwards() {
    let h = Harness::new();
    let mut c = h.coordinator().await;
    // Twice, so that the second search is answered by a kept workspace.
    c.get("/recherche?q=zythologie").await;
    let before = c.get("/recherche?q=zythologie").await;
    assert!(!before.body.contains("exp-zythologue"));
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../data/sample/experts.json");
    let mut experts: Vec<serde_json::Value> =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    experts.truncate(1);
    experts[0]["id"] = "exp-zythologue".into();
    experts[0]["skills"] = serde_json::json!(["zythologie"]);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("experts.json");
    std::fs::write(&file, serde_json::to_string(&experts).unwrap()).unwrap();
    h.workspace()
        .import(
            explor_indexer::load(&file, None).unwrap(),
            &explor_engine::Reference::embedded(),
        )
        .unwrap();
    let after = c.get("/recherche?q=zythologie").await;
    assert!(
        after.body.contains("exp-zythologue"),
        "the search index was reloaded"
    );
}
