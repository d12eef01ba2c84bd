//! The needs' pages: the list, a need's ranked and excluded candidates (the same as
//! `explor match`), and a proposal.

use axum::http::StatusCode;
use explor_indexer::MatchOptions;
use explor_views::NeedMatch;

use super::client::{Harness, sample_record};

const NEED: &str = "need-kin-dechets";

#[tokio::test]
async fn the_list_links_each_need() {
    let h = Harness::new();
    let mut c = h.coordinator().await;
    let r = c.get("/besoins").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("href=\"/besoins/need-kin-dechets\""));
    assert!(r.body.contains("<th scope=\"col\">"));
    assert!(r.body.contains("<caption>43 besoin(s)"));
}

#[tokio::test]
async fn a_need_page_ranks_as_explor_match_and_names_the_gates_of_the_excluded() {
    let h = Harness::new();
    let view = NeedMatch::build(
        &h.workspace(),
        NEED,
        MatchOptions {
            top: 10,
            include_ineligible: true,
            include_pending: false,
        },
    )
    .unwrap();
    let first = &view.result.candidates[0].id;
    let mut c = h.coordinator().await;
    let r = c.get(&format!("/besoins/{NEED}")).await;
    assert_eq!(r.status, StatusCode::OK);
    let first_cell = r.body.find("<td>1</td>").expect("a first row");
    let row = &r.body[first_cell..first_cell + 200];
    assert!(row.contains(first.as_str()), "{first} in {row}");
    assert!(r.body.contains("<details>"));
    assert!(
        r.body
            .contains(&format!("Score de {first} critère par critère"))
    );
    let gate = view.result.excluded[0].reasons[0].gate.label_fr();
    assert!(
        !r.body.contains(&format!("{gate} : ")),
        "the excluded are not explained unless asked for"
    );
    assert!(
        r.body
            .contains(&format!("href=\"/besoins/{NEED}?exclus=1#exclus\""))
    );
    assert!(r.body.contains("Proposer"));
    let with = c.get(&format!("/besoins/{NEED}?exclus=1")).await;
    assert!(with.body.contains(&format!("{gate} : ")), "{gate}");
    assert!(with.body.contains(&format!(
        "{} candidat(s) exclu(s)",
        view.result.excluded.len()
    )));
    let all = c.get(&format!("/besoins/{NEED}?tous=1")).await;
    assert!(!all.body.contains("voir les 50 premiers"));
}

#[tokio::test]
async fn an_unknown_need_or_another_kind_of_id_is_404() {
    let h = Harness::new();
    let mut c = h.coordinator().await;
    for path in ["/besoins/need-nulle-part", "/besoins/exp-0001"] {
        assert_eq!(c.get(path).await.status, StatusCode::NOT_FOUND, "{path}");
    }
    let r = c
        .post(
            "/besoins/need-nulle-part/proposer",
            &[("candidat", "exp-0001")],
        )
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_proposal_creates_a_mission_and_an_audit_row() {
    let h = Harness::new();
    let first = first_candidate(&h);
    let mut c = h.coordinator().await;
    c.get(&format!("/besoins/{NEED}")).await;
    let r = c
        .post(
            &format!("/besoins/{NEED}/proposer"),
            &[("candidat", &first)],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let missions = h.workspace().missions().unwrap();
    assert_eq!(missions.len(), 1);
    assert_eq!(r.location(), format!("/missions/{}", missions[0].id));
    assert_eq!(missions[0].need, NEED);
    let audit = c.get("/audit?action=mission_proposed").await;
    assert!(audit.body.contains(&missions[0].id));

    // The same candidate again: the booking overlaps, the need page says why.
    let again = c
        .post(
            &format!("/besoins/{NEED}/proposer"),
            &[("candidat", &first)],
        )
        .await;
    assert_eq!(again.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        again.body.contains("Refusé, rien n’a été enregistré"),
        "{}",
        again.body
    );
    assert_eq!(h.workspace().missions().unwrap().len(), 1);
}

#[tokio::test]
async fn an_ineligible_candidate_is_refused_with_the_reason() {
    let h = Harness::new();
    let view = NeedMatch::build(
        &h.workspace(),
        NEED,
        MatchOptions {
            top: 10,
            include_ineligible: true,
            include_pending: false,
        },
    )
    .unwrap();
    let excluded = view.result.excluded[0].id.clone();
    let mut c = h.coordinator().await;
    c.get(&format!("/besoins/{NEED}")).await;
    let r = c
        .post(
            &format!("/besoins/{NEED}/proposer"),
            &[("candidat", &excluded)],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("role=\"alert\""));
    let r = c
        .post(
            &format!("/besoins/{NEED}/proposer"),
            &[("candidat", "personne")],
        )
        .await;
    assert!(r.body.contains("ni un expert ni une offre"));
    assert!(h.workspace().missions().unwrap().is_empty());
}

/// Every candidate judged for `need`, as the page with the excluded shows them.
fn judged_all(ws: &explor_indexer::Workspace, need: &str) -> Option<NeedMatch> {
    let opts = MatchOptions {
        top: 10,
        include_ineligible: true,
        include_pending: false,
    };
    NeedMatch::build(ws, need, opts).ok()
}

/// The first need of the workspace nobody may take (every candidate excluded) for which
/// `barred` says whether the need itself bars everyone.
fn need_nobody_may_take(ws: &explor_indexer::Workspace, barred: bool) -> Option<String> {
    ws.records(explor_engine::RecordKind::Need)
        .unwrap()
        .into_iter()
        .map(|r| r.id().to_owned())
        .find(|id| {
            judged_all(ws, id)
                .is_some_and(|v| v.result.candidates.is_empty() && !v.result.excluded.is_empty())
                && ws.need_barred(id).unwrap().is_some() == barred
        })
}

#[tokio::test]
async fn when_the_destination_bars_everyone_the_page_says_so_in_a_line_without_judging_each() {
    let h = Harness::new();
    let ws = h.workspace();
    let nobody = need_nobody_may_take(&ws, true).expect("the sample has a need in a red zone");
    let full = judged_all(&ws, &nobody).unwrap();
    let mut c = h.coordinator().await;
    let r = c.get(&format!("/besoins/{nobody}")).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("Aucun candidat éligible"));
    // The line the full list gives first (every candidate fails the destination's
    // gate), the same words, without the list.
    let lines = NeedMatch::barred_summary(&ws, &nobody).unwrap().unwrap();
    let first = &full.exclusion_summary()[0];
    assert_eq!(&lines[0], first);
    assert!(first.starts_with(&format!(
        "{} candidats exclus : ",
        full.result.excluded.len()
    )));
    assert!(r.body.contains(&first.replace('\'', "&#39;")), "{first}");
    assert!(
        !r.body.contains("candidat(s) exclu(s)"),
        "no list unless asked"
    );
    assert!(
        r.body
            .contains(&format!("href=\"/besoins/{nobody}?exclus=1#exclus\""))
    );
    // Asked, the list and a line per gate over it.
    let asked = c.get(&format!("/besoins/{nobody}?exclus=1")).await;
    assert!(asked.body.contains(&format!(
        "{} candidat(s) exclu(s)",
        full.result.excluded.len()
    )));
    for line in full.exclusion_summary() {
        assert!(asked.body.contains(&line.replace('\'', "&#39;")), "{line}");
    }
}

#[tokio::test]
async fn when_nobody_is_eligible_the_page_says_why_a_line_per_gate() {
    let h = Harness::new();
    // A need in a country open to travel that asks for a language nobody speaks.
    let mut need = sample_record("needs.json", NEED);
    need["id"] = "need-personne".into();
    need["languages"] = serde_json::json!([{"code": "ja", "level": "C2"}]);
    h.import_records("needs.json", &[need]);
    let ws = h.workspace();
    assert_eq!(
        need_nobody_may_take(&ws, false).as_deref(),
        Some("need-personne")
    );
    let view = judged_all(&ws, "need-personne").unwrap();
    let mut c = h.coordinator().await;
    let r = c.get("/besoins/need-personne").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("Aucun candidat éligible"));
    // Without being asked: the excluded, and first one line per gate with counts.
    assert!(r.body.contains(&format!(
        "{} candidat(s) exclu(s)",
        view.result.excluded.len()
    )));
    let summary = view.exclusion_summary();
    assert!(!summary.is_empty());
    assert!(summary.len() < view.result.excluded.len(), "{summary:?}");
    for line in &summary {
        let escaped = line.replace('\'', "&#39;");
        assert!(r.body.contains(&escaped), "{line} in the page");
    }
    // The judged page is kept, but not past a write: once someone who speaks Japanese
    // is imported, the page shows them.
    assert_eq!(c.get("/besoins/need-personne").await.body, r.body);
    let mut speaker = sample_record("experts.json", "exp-0007");
    speaker["id"] = "exp-japonais".into();
    speaker["languages"]
        .as_array_mut()
        .unwrap()
        .push(serde_json::json!({"code": "ja", "level": "C2"}));
    h.import_records("experts.json", &[speaker]);
    let after = c.get("/besoins/need-personne").await;
    assert!(after.body.contains("exp-japonais"), "{}", after.body);
    assert!(!after.body.contains("Aucun candidat éligible"));
}

#[tokio::test]
async fn while_another_command_writes_pages_answer_and_a_write_says_busy() {
    let h = Harness::new();
    let mut c = h.coordinator().await;
    c.get(&format!("/besoins/{NEED}")).await;
    // Another process (an import from the command line) holds the workspace's lock.
    let lock = std::fs::File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(h.dir.path().join("explor.lock"))
        .unwrap();
    lock.try_lock().unwrap();
    let read = c.get(&format!("/besoins/{NEED}")).await;
    assert_eq!(read.status, StatusCode::OK, "reading does not wait for it");
    let candidate = first_candidate(&h);
    let write = c
        .post(
            &format!("/besoins/{NEED}/proposer"),
            &[("candidat", &candidate)],
        )
        .await;
    assert_eq!(
        write.status,
        StatusCode::SERVICE_UNAVAILABLE,
        "{}",
        write.body
    );
    assert_eq!(write.headers["retry-after"], "5");
    assert!(
        write.body.contains("réessayez dans un instant"),
        "{}",
        write.body
    );
    drop(lock);
    assert!(
        h.workspace().missions().unwrap().is_empty(),
        "nothing written"
    );
}

/// The best candidate for [`NEED`], as `explor match` ranks it.
pub(super) fn first_candidate(h: &Harness) -> String {
    NeedMatch::build(
        &h.workspace(),
        NEED,
        MatchOptions {
            top: 1,
            include_ineligible: false,
            include_pending: false,
        },
    )
    .unwrap()
    .result
    .candidates[0]
        .id
        .clone()
}
