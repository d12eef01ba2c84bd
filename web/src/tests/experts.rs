//! An expert's page and the erasure: confirmation, then the record is gone (its page
//! 404s) and the audit row names the id only.

use axum::http::StatusCode;
use explor_engine::Record;

use super::client::Harness;

#[tokio::test]
async fn the_erasure_removes_the_expert_and_logs_the_id_only() {
    let h = Harness::new();
    let name = match h.workspace().record("exp-0001").unwrap() {
        Record::Expert(e) => e.name,
        _ => unreachable!(),
    };
    let mut c = h.coordinator().await;
    let page = c.get("/experts/exp-0001").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains(&name));
    assert!(page.body.contains("Effacer cette personne"));
    let confirm = c.get("/experts/exp-0001/effacer").await;
    assert!(confirm.body.contains("Oui, effacer définitivement"));
    let r = c.post("/experts/exp-0001/effacer", &[]).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert!(r.body.contains("exp-0001 a été effacée"));
    assert_eq!(
        c.get("/experts/exp-0001").await.status,
        StatusCode::NOT_FOUND
    );
    assert!(h.workspace().erased_on("exp-0001").unwrap().is_some());
    let audit = c.get("/audit?action=record_erased").await;
    assert!(audit.body.contains("<td>exp-0001</td>"));
    assert!(!audit.body.contains(&name));
    let rows = h
        .db()
        .audit_entries(&crate::store::AuditFilter {
            limit: 100,
            ..Default::default()
        })
        .unwrap();
    assert!(rows.iter().all(|e| !format!("{e:?}").contains(&name)));
    // Gone: erasing again, or another kind of record, is 404.
    assert_eq!(
        c.post("/experts/exp-0001/effacer", &[]).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        c.get("/experts/need-kin-dechets").await.status,
        StatusCode::NOT_FOUND
    );
}
