//! The import page: a valid file is imported (and its text escaped where shown), an
//! invalid one lists every issue and writes nothing, an upload without the CSRF field
//! is refused.

use std::path::Path;

use axum::http::StatusCode;
use explor_engine::{RecordKind, Reference};
use serde_json::Value;

use super::client::Harness;

fn sample_need() -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../data/sample/needs.json");
    let all: Vec<Value> = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    all[0].clone()
}

fn needs(h: &Harness) -> usize {
    h.workspace().counts().unwrap()[&RecordKind::Need]
}

#[tokio::test]
async fn a_valid_file_is_imported_and_its_text_is_escaped_on_the_pages() {
    let h = Harness::new();
    let mut need = sample_need();
    need["id"] = "need-xss".into();
    need["title"] = "<script>alert(1)</script> Forage".into();
    let file = serde_json::to_vec(&vec![need]).unwrap();
    let before = needs(&h);
    let mut c = h.coordinator().await;
    assert_eq!(c.get("/import").await.status, StatusCode::OK);
    let r = c
        .post_multipart(
            "/import",
            &[("type", "need")],
            ("fichier", "mes besoins.json", &file),
            true,
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert!(r.body.contains("Import terminé"));
    assert_eq!(needs(&h), before + 1);
    let page = c.get("/besoins/need-xss").await;
    assert_eq!(page.status, StatusCode::OK);
    let at = page.body.find("alert(1)").unwrap_or(0);
    assert!(
        page.body
            .contains("&#60;script&#62;alert(1)&#60;/script&#62; Forage"),
        "{}",
        &page.body[at.saturating_sub(40)..at + 60]
    );
    assert!(!page.body.contains("<script>alert(1)"));
    let audit = c.get("/audit?action=records_imported").await;
    assert!(audit.body.contains("needs : 1 ajoutée(s)"));
}

#[tokio::test]
async fn an_invalid_file_lists_every_issue_and_writes_nothing() {
    let h = Harness::new();
    let mut a = sample_need();
    a["id"] = "need-bad-1".into();
    a["country"] = "ZZ".into();
    let mut b = sample_need();
    b["id"] = "need-bad-2".into();
    b["duration_days"] = 0.into();
    b["theme"] = "pas-un-theme".into();
    let file = serde_json::to_vec(&vec![a, b]).unwrap();
    // What `explor import` finds in the same file.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("needs.json");
    std::fs::write(&path, &file).unwrap();
    let expected = match h.workspace().import(
        explor_indexer::load(&path, None).unwrap(),
        &Reference::embedded(),
    ) {
        Err(explor_indexer::Error::User(explor_indexer::UserError::Invalid(issues))) => issues,
        other => panic!("{other:?}"),
    };
    assert!(expected.len() >= 3);
    let before = needs(&h);
    let mut c = h.coordinator().await;
    c.get("/import").await;
    let r = c
        .post_multipart(
            "/import",
            &[("type", "need")],
            ("fichier", "needs.json", &file),
            true,
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        r.body.matches("<tr class=\"issue\">").count(),
        expected.len()
    );
    assert!(r.body.contains("need-bad-1") && r.body.contains("need-bad-2"));
    assert_eq!(needs(&h), before);

    // Missing kind, wrong extension: said on their fields.
    let r = c
        .post_multipart(
            "/import",
            &[("type", "")],
            ("fichier", "x.exe", b"[]"),
            true,
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("id=\"erreur-type\"") && r.body.contains("id=\"erreur-fichier\""));
}

#[tokio::test]
async fn an_upload_without_the_token_or_by_a_company_is_refused() {
    let h = Harness::new();
    let mut c = h.coordinator().await;
    c.get("/import").await;
    let r = c
        .post_multipart(
            "/import",
            &[("type", "need")],
            ("fichier", "needs.json", b"[]"),
            false,
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let mut company = h
        .signed_in(
            "rh@elec-sud.fr",
            crate::store::Role::Company,
            Some("co-elec-sud"),
        )
        .await;
    let r = company
        .post_multipart(
            "/import",
            &[("type", "need")],
            ("fichier", "needs.json", b"[]"),
            true,
        )
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
}

/// Today's main refused workbooks ("Le fichier doit se terminer par .csv, .json ou
/// .jsonl").
#[tokio::test]
async fn a_workbook_is_imported_its_sheet_of_the_chosen_kind() {
    let h = Harness::new();
    let book = Path::new(env!("CARGO_MANIFEST_DIR")).join("../data/sample/explor-sample.xlsx");
    let bytes = std::fs::read(book).unwrap();
    let before = needs(&h);
    let mut c = h.coordinator().await;
    c.get("/import").await;
    let r = c
        .post_multipart(
            "/import",
            &[("type", "need")],
            ("fichier", "Classeur réseau.xlsx", &bytes),
            true,
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert!(r.body.contains("Import terminé"), "{}", r.body);
    // The sample is already there: every need of the sheet is unchanged.
    assert!(
        r.body.contains(&format!(
            "0 ajoutée(s), 0 mise(s) à jour, {before} inchangée(s)"
        )),
        "{}",
        r.body
    );
    assert!(r.body.contains("laissées de côté"), "{}", r.body);
    assert_eq!(needs(&h), before);
}
