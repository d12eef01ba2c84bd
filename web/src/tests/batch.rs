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
    // Each call with its number of needs (the sample's needs name two calls, 21 each).
    let sample = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../data/sample/needs.json"),
    )
    .unwrap();
    let needs: Vec<serde_json::Value> = serde_json::from_str(&sample).unwrap();
    for call in ["2027-printemps", "2027-automne"] {
        let n = needs.iter().filter(|x| x["call"] == call).count();
        let row = format!("<td><a href=\"/appels/{call}\">{call}</a></td><td>{n}</td>");
        assert!(n > 0 && list.body.contains(&row), "{row}\n{}", list.body);
    }
    let form = c.get(&format!("/appels/{CALL}")).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.body.contains("hx-indicator=\"#calcul\""));
    assert!(!form.body.contains("Affectation proposée"));
    let r = c.get(&format!("/appels/{CALL}?top_k=20&score_min=0")).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("Affectation proposée"));
    assert!(r.body.contains("<caption>Affectations ("));
    assert!(r.body.contains("affectation groupée, appel 2027-printemps"));
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

/// The first alternate of the spring call's run: a pair the optimum does not choose.
fn an_alternate(h: &Harness) -> (String, String, String, String) {
    let ws = h.workspace();
    let run = ws
        .batch(
            &BatchOptions {
                call: Some(CALL.to_owned()),
                top_k: 20,
                ..BatchOptions::default()
            },
            &|_| {},
        )
        .unwrap();
    let r = &run.batch.result;
    let (need, alt) = r
        .alternates
        .iter()
        .find_map(|(n, alts)| alts.first().map(|a| (n.clone(), a.candidate.clone())))
        .unwrap();
    let first = &r.assignments[0];
    (need, alt, first.need.clone(), first.candidate.clone())
}

#[tokio::test]
async fn a_pin_is_kept_on_a_re_run_and_marked_and_an_exclusion_removes_the_pair() {
    let h = Harness::new();
    let (need, alt, ex_need, ex_cand) = an_alternate(&h);
    let mut c = h.coordinator().await;
    let page = c.get(&format!("/appels/{CALL}?top_k=20&score_min=0")).await;
    assert!(page.body.contains(">Épingler</button>"));
    assert!(page.body.contains(">Exclure</button>"));
    let pinned = c
        .get(&format!(
            "/appels/{CALL}?top_k=20&score_min=0&pins={need}%3D{alt}&excludes={ex_need}%3D{ex_cand}"
        ))
        .await;
    assert_eq!(pinned.status, StatusCode::OK, "{}", pinned.body);
    assert!(pinned.body.contains(&format!("{need} — {alt} (épinglée)")));
    // The hidden fields carry the pin to the next run and to the commit.
    assert!(
        pinned
            .body
            .contains(&format!("name=\"pins\" value=\"{need}={alt}\""))
    );
    assert!(pinned.body.contains(">Retirer</button>"));
    assert!(
        !pinned
            .body
            .contains(&format!("<li>{ex_need} — {ex_cand}\n"))
    );

    let r = c
        .post(
            &format!("/appels/{CALL}/valider"),
            &[
                ("top_k", "20"),
                ("score_min", "0"),
                ("pins", &format!("{need}={alt}")),
                ("excludes", ""),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let missions = h.workspace().missions().unwrap();
    assert!(
        missions
            .iter()
            .any(|m| m.need == need && format!("{m:?}").contains(&alt)),
        "{missions:?}"
    );
}

#[tokio::test]
async fn bad_pins_give_a_french_error_not_a_500() {
    let h = Harness::new();
    let (need, alt, _, _) = an_alternate(&h);
    let mut c = h.coordinator().await;
    for (query, says) in [
        ("pins=malformed".to_owned(), "illisible"),
        (format!("pins=need-nope%3D{alt}"), "Besoin inconnu"),
        (format!("pins={need}%3Dnobody"), "inconnu"),
        (
            format!("pins={need}%3D{alt}&excludes={need}%3D{alt}"),
            "à la fois épinglée et exclue",
        ),
    ] {
        let r = c
            .get(&format!("/appels/{CALL}?top_k=20&score_min=0&{query}"))
            .await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{query}: {}", r.body);
        assert!(r.body.contains(says), "{query}: {}", r.body);
    }
    let r = c
        .post(
            &format!("/appels/{CALL}/valider"),
            &[("top_k", "20"), ("score_min", "0"), ("pins", "x=")],
        )
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}", r.body);
    assert!(h.workspace().missions().unwrap().is_empty());
}
