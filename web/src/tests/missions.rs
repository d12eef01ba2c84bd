//! The missions' pages: list, sheet with cost plan and documents, state changes (a
//! refused one shows the guard's message), downloads.

use axum::http::{StatusCode, header};
use explor_indexer::{MatchOptions, NewMission, StaffRequest};
use explor_views::NeedMatch;

use super::client::Harness;
use crate::views::today;

const NEED: &str = "need-kin-dechets";

/// A mission for the need's best candidate, made as the command line makes it.
fn mission(h: &Harness) -> String {
    let mut ws = h.workspace();
    let best = NeedMatch::build(
        &ws,
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
        .clone();
    let staff = match best.kind {
        explor_engine::CandidateKind::Offer => StaffRequest::Offer(best.id),
        explor_engine::CandidateKind::Expert => StaffRequest::Experts(vec![best.id]),
    };
    let request = NewMission {
        need: NEED.to_owned(),
        staff,
        start: None,
        days: None,
        payer: None,
        include_pending: false,
        note: None,
    };
    ws.create_mission(&request, today()).unwrap().mission.id
}

#[tokio::test]
async fn the_list_filters_by_state_and_the_page_shows_sheet_plan_and_documents() {
    let h = Harness::new();
    let id = mission(&h);
    let mut c = h.coordinator().await;
    let all = c.get("/missions").await;
    assert_eq!(all.status, StatusCode::OK);
    assert!(all.body.contains(&format!("href=\"/missions/{id}\"")));
    let none = c.get("/missions?etat=closed").await;
    assert!(!none.body.contains(&format!("href=\"/missions/{id}\"")));
    let bad = c.get("/missions?etat=pirate").await;
    assert_eq!(bad.status, StatusCode::OK);
    assert!(bad.body.contains("État inconnu"));

    let page = c.get(&format!("/missions/{id}")).await;
    assert_eq!(page.status, StatusCode::OK);
    for needle in [
        NEED,
        "Plan de financement",
        "coûts éligibles",
        "Passer à : termes rédigés",
        "Passer à : annulée",
        "/documents/fiche?format=md",
        "formation au départ",
    ] {
        assert!(page.body.contains(needle), "{needle}");
    }
    let dashboard = c.get("/").await;
    assert!(dashboard.body.contains(&format!("href=\"/missions/{id}\"")));
    assert!(dashboard.body.contains("0 jour(s)"));
    assert_eq!(
        c.get("/missions/mis-9999").await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn transitions_move_the_mission_and_a_refused_one_shows_the_guard() {
    let h = Harness::new();
    let id = mission(&h);
    let mut c = h.coordinator().await;
    c.get(&format!("/missions/{id}")).await;
    let r = c
        .post(&format!("/missions/{id}/etat"), &[("etat", "trained")])
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.body.contains("ne peut pas passer à « formée »"),
        "{}",
        r.body
    );
    assert_eq!(
        h.workspace().mission(&id).unwrap().state().as_str(),
        "proposed"
    );
    let r = c
        .post(&format!("/missions/{id}/etat"), &[("etat", "pirate")])
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);

    let r = c
        .post(
            &format!("/missions/{id}/etat"),
            &[("etat", "terms_drafted")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(
        h.workspace().mission(&id).unwrap().state().as_str(),
        "terms_drafted"
    );
    let r = c
        .post(&format!("/missions/{id}/pieces"), &[("piece", "insurance")])
        .await;
    assert!(
        r.status == StatusCode::SEE_OTHER || r.status == StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        r.status
    );
    let audit = c.get("/audit?action=mission_advanced").await;
    assert!(audit.body.contains("proposed → terms_drafted"));
    assert_eq!(
        c.post("/missions/mis-9999/etat", &[("etat", "agreed")])
            .await
            .status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn documents_show_as_text_and_download_as_attachments() {
    let h = Harness::new();
    let id = mission(&h);
    let mut c = h.coordinator().await;
    let page = c.get(&format!("/missions/{id}/documents/fiche")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("<pre class=\"document\">"));
    for (format, kind) in [("md", "text/markdown"), ("html", "text/html")] {
        let r = c
            .get(&format!("/missions/{id}/documents/tdr?format={format}"))
            .await;
        assert_eq!(r.status, StatusCode::OK, "{format}");
        assert!(
            r.headers[header::CONTENT_TYPE]
                .to_str()
                .unwrap()
                .starts_with(kind)
        );
        assert_eq!(
            r.headers[header::CONTENT_DISPOSITION],
            format!("attachment; filename=\"{id}-tdr.{format}\"").as_str()
        );
    }
    for (format, kind) in [
        ("odt", "application/vnd.oasis.opendocument.text"),
        (
            "docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
    ] {
        let r = c
            .get(&format!("/missions/{id}/documents/budget?format={format}"))
            .await;
        assert_eq!(r.status, StatusCode::OK, "{format}");
        assert_eq!(r.headers[header::CONTENT_TYPE], kind);
        assert_eq!(
            r.headers[header::CONTENT_DISPOSITION],
            format!("attachment; filename=\"{id}-budget.{format}\"").as_str()
        );
        assert!(r.bytes.starts_with(b"PK\x03\x04"), "{format}: a ZIP file");
    }
    // The mission page and the document page offer every format.
    for page in [
        format!("/missions/{id}"),
        format!("/missions/{id}/documents/fiche"),
    ] {
        let body = c.get(&page).await.body;
        for format in ["md", "html", "odt", "docx"] {
            assert!(
                body.contains(&format!("/documents/fiche?format={format}\"")),
                "{page} offers {format}"
            );
        }
    }
    for path in [
        format!("/missions/{id}/documents/pirate"),
        format!("/missions/{id}/documents/tdr?format=pdf"),
        "/missions/mis-9999/documents/tdr".to_owned(),
    ] {
        assert_eq!(c.get(&path).await.status, StatusCode::NOT_FOUND, "{path}");
    }
}
