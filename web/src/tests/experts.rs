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

/// Every file under `dir`, with its bytes.
fn every_file(dir: &std::path::Path) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            found.extend(every_file(&path));
        } else {
            found.push((path.clone(), std::fs::read(&path).unwrap()));
        }
    }
    found
}

fn holds(bytes: &[u8], text: &str) -> bool {
    bytes.windows(text.len()).any(|w| w == text.as_bytes())
}

#[tokio::test]
async fn after_the_erasure_no_byte_of_the_expert_remains_in_the_workspace() {
    use crate::notify::{self, Audience, Notice, OUTBOX_DIR};
    use crate::relay::{REFUSED_DIR, SENT_DIR};
    use crate::store::Role;

    let h = Harness::new();
    let name = match h.workspace().record("exp-0001").unwrap() {
        Record::Expert(e) => e.name,
        _ => unreachable!(),
    };
    let email = "personne.a.effacer@example.org";
    // The expert's account, signed in (a session), notified in the app and by e-mail.
    let mut expert = h.signed_in(email, Role::Expert, Some("exp-0001")).await;
    assert_eq!(
        expert.get("/mon-espace/profil").await.status,
        StatusCode::OK
    );
    let notice = |n: u32| Notice {
        to: Audience::Org("exp-0001".to_owned()),
        subject: format!("Une proposition attend votre réponse ({n})"),
        text: "Rappel : la mission attend votre réponse.".to_owned(),
        link: "/mon-espace/propositions".to_owned(),
    };
    let mut written = Vec::new();
    for n in 0..3 {
        written
            .extend(notify::send(&h.db(), h.dir.path(), super::client::BASE, &notice(n)).unwrap());
    }
    assert_eq!(written.len(), 3);
    // One of them already sent, one refused by the server, one waiting.
    let outbox = h.dir.path().join(OUTBOX_DIR);
    for (dir, file) in [(SENT_DIR, &written[0]), (REFUSED_DIR, &written[1])] {
        let dir = outbox.join(dir);
        std::fs::create_dir_all(&dir).unwrap();
        let name = file.file_name().unwrap().to_str().unwrap();
        std::fs::rename(file, dir.join(name)).unwrap();
        if dir.ends_with(REFUSED_DIR) {
            std::fs::write(
                dir.join(format!("{name}.motif.txt")),
                format!("550 <{email}> inconnu\n"),
            )
            .unwrap();
        }
    }
    // Another account's e-mail stays.
    h.invite("autre.expert@example.org", Role::Expert, Some("exp-0002"));
    let other = notify::send(
        &h.db(),
        h.dir.path(),
        super::client::BASE,
        &Notice {
            to: Audience::Org("exp-0002".to_owned()),
            ..notice(9)
        },
    )
    .unwrap();
    let before = every_file(h.dir.path());
    assert!(
        before.iter().any(|(_, b)| holds(b, email)),
        "the test sees the e-mail"
    );

    let mut c = h.coordinator().await;
    let r = c.post("/experts/exp-0001/effacer", &[]).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);

    for (path, bytes) in every_file(h.dir.path()) {
        assert!(!holds(&bytes, email), "{} holds the e-mail", path.display());
        assert!(!holds(&bytes, &name), "{} holds the name", path.display());
    }
    assert!(h.db().account_by_email(email).unwrap().is_none());
    assert!(
        other.iter().all(|p| p.exists()),
        "only that person's e-mails go"
    );
    assert!(
        h.db()
            .account_by_email("autre.expert@example.org")
            .unwrap()
            .is_some()
    );
    // Signed out: the session went with the account.
    assert!(
        expert
            .get("/mon-espace/profil")
            .await
            .status
            .is_redirection()
    );
    // The audit log names the account's number, never its e-mail.
    let rows = h
        .db()
        .audit_entries(&crate::store::AuditFilter {
            limit: 1000,
            ..Default::default()
        })
        .unwrap();
    assert!(
        rows.iter()
            .any(|e| format!("{e:?}").contains("account_removed")
                || format!("{e:?}").contains("AccountRemoved"))
    );
    assert!(rows.iter().all(|e| !format!("{e:?}").contains(email)));
}
