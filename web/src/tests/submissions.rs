//! Needs posted by an association and reviewed by a coordinator (issue #15):
//! the form is held to the import's rules with each problem at its field; a posted
//! need is not matched until validated; changes asked for reach the association;
//! another association, a company or an expert gets 404 on all of it.

use axum::http::StatusCode;

use super::client::{Client, Harness};
use crate::store::Role;

const ASSO: &str = "asso-eau-vive";

pub(super) fn need_form(
    duration: &'static str,
    languages: &'static str,
) -> Vec<(&'static str, &'static str)> {
    vec![
        ("title", "Former les agents d’un service d’eau"),
        (
            "description",
            "Former six agents à la maintenance des pompes manuelles.",
        ),
        ("kind", "standard"),
        ("theme", "eau_assainissement"),
        ("skills", "maintenance de pompes; formation"),
        ("country", "SN"),
        ("city", "Thiès"),
        ("languages", languages),
        ("window.from", "2027-03-01"),
        ("window.to", "2027-05-31"),
        ("duration_days", duration),
    ]
}

async fn association(h: &Harness, email: &str, org: &str) -> Client {
    let mut c = h.signed_in(email, Role::Association, Some(org)).await;
    // Its home redirects to its needs: the page with the form token.
    let home = c.get("/mon-espace/besoins").await;
    assert_eq!(home.status, StatusCode::OK, "{}", home.body);
    c
}

/// Posts a valid need; returns the submission's page path.
async fn post_need(c: &mut Client) -> String {
    let r = c
        .post("/mon-espace/besoins/nouveau", &need_form("10", "fr:B2"))
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    r.location().to_owned()
}

#[tokio::test]
async fn a_need_with_mistakes_is_shown_again_with_each_problem_at_its_field() {
    let h = Harness::new();
    let mut c = association(&h, "eau@example.org", ASSO).await;
    let r = c
        .post("/mon-espace/besoins/nouveau", &need_form("30", "fr:Z9"))
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    // Each problem next to its field, the entered values kept.
    assert!(
        r.body.contains(r#"id="champ-duration-days-erreur""#),
        "{}",
        r.body
    );
    assert!(
        r.body.contains(r#"id="champ-languages-erreur""#),
        "{}",
        r.body
    );
    assert!(r.body.contains("Former les agents"), "values kept");
    assert!(
        h.db().submissions(None, &[]).unwrap().is_empty(),
        "nothing stored"
    );

    // Corrected, it is stored for review, not in the workspace.
    let page = post_need(&mut c).await;
    let subs = h.db().submissions(Some(ASSO), &[]).unwrap();
    assert_eq!(subs.len(), 1);
    assert_eq!(page, format!("/mon-espace/demandes/{}", subs[0].id));
    assert!(
        h.workspace().record(&subs[0].record_id).is_err(),
        "not matched yet"
    );
    let mine = c.get("/mon-espace/besoins").await;
    assert!(
        mine.body.contains("en attente de relecture"),
        "{}",
        mine.body
    );
}

/// What the import's check says first of `record` (a record it refuses), as a page
/// shows it (HTML-escaped).
pub(super) fn imports_message(
    h: &Harness,
    kind: explor_engine::RecordKind,
    record: &serde_json::Value,
) -> String {
    let problems = h
        .workspace()
        .check_form(kind, record, &explor_engine::Reference::embedded())
        .unwrap()
        .unwrap_err();
    askama::filters::escape(&problems[0].message, askama::filters::Html)
        .unwrap()
        .to_string()
}

#[tokio::test]
async fn the_same_rules_as_the_import_refuse_the_same_values() {
    // The import refuses a need of 30 days and a level Z9: so does the form, with the
    // import's own message.
    let h = Harness::new();
    let mut c = association(&h, "eau@example.org", ASSO).await;
    let r = c
        .post("/mon-espace/besoins/nouveau", &need_form("30", "fr:B2"))
        .await;
    let mut need = super::client::sample_record("needs.json", "need-kin-dechets");
    need["duration_days"] = 30.into();
    let message = imports_message(&h, explor_engine::RecordKind::Need, &need);
    assert!(r.body.contains(&message), "{message}\n{}", r.body);
}

#[tokio::test]
async fn a_coordinator_asks_for_changes_then_validates_and_the_need_is_matched() {
    let h = Harness::new();
    let mut asso = association(&h, "eau@example.org", ASSO).await;
    let page = post_need(&mut asso).await;
    let number = page.rsplit('/').next().unwrap().to_owned();
    let record_id = h.db().submissions(None, &[]).unwrap()[0].record_id.clone();

    let mut coord = h.coordinator().await;
    let dash = coord.get("/").await;
    assert!(dash.body.contains("1 fiche(s) postée(s)"), "{}", dash.body);
    let queue = coord.get("/revue").await;
    assert!(queue.body.contains(&record_id), "{}", queue.body);
    let r = coord
        .post(
            &format!("/revue/{number}/modifications"),
            &[("message", "Précisez la ville du partenaire.")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);

    // The association reads the message and sends a corrected version.
    let back = asso.get(&page).await;
    assert!(
        back.body.contains("Précisez la ville du partenaire."),
        "{}",
        back.body
    );
    let mut corrected = need_form("12", "fr:B2");
    corrected.push(("local_partner.name", "Régie des eaux de Thiès"));
    let r = asso.post(&page, &corrected).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);

    // The coordinator validates: the need is imported and matched.
    let review = coord.get(&format!("/revue/{number}")).await;
    assert!(
        review.body.contains("Régie des eaux de Thiès"),
        "{}",
        review.body
    );
    let mut fields = need_form("12", "fr:B2");
    fields.push(("local_partner.name", "Régie des eaux de Thiès"));
    let r = coord
        .post(&format!("/revue/{number}/valider"), &fields)
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(r.location(), format!("/besoins/{record_id}"));
    let need = h.workspace().record(&record_id).unwrap();
    let explor_engine::Record::Need(need) = need else {
        panic!("{need:?}")
    };
    assert_eq!(need.duration_days, 12);
    assert_eq!(need.association, ASSO);
    let ranked = coord.get(&format!("/besoins/{record_id}")).await;
    assert_eq!(ranked.status, StatusCode::OK, "{}", ranked.body);
    let audit = coord.get("/audit").await;
    assert!(audit.body.contains("fiche validée"), "{}", audit.body);
}

#[tokio::test]
async fn nobody_else_sees_or_touches_an_associations_submission() {
    let h = Harness::new();
    let mut owner = association(&h, "eau@example.org", ASSO).await;
    let page = post_need(&mut owner).await;
    let number = page.rsplit('/').next().unwrap().to_owned();

    let mut other = association(&h, "autre@example.org", "asso-terres-solidaires-gers").await;
    assert_eq!(other.get(&page).await.status, StatusCode::NOT_FOUND);
    assert_eq!(
        other.post(&page, &need_form("10", "fr:B2")).await.status,
        StatusCode::NOT_FOUND
    );
    let theirs = other.get("/mon-espace/besoins").await;
    assert!(
        !theirs.body.contains("Former les agents"),
        "{}",
        theirs.body
    );
    for path in ["/revue", &format!("/revue/{number}")] {
        assert_eq!(
            other.get(path).await.status,
            StatusCode::NOT_FOUND,
            "{path}"
        );
    }
    assert_eq!(
        other
            .post(
                &format!("/revue/{number}/valider"),
                &need_form("10", "fr:B2")
            )
            .await
            .status,
        StatusCode::NOT_FOUND
    );

    for (email, role, org) in [
        ("rh@elec-sud.fr", Role::Company, "co-elec-sud"),
        ("expert@example.org", Role::Expert, "exp-0007"),
    ] {
        let mut c = h.signed_in(email, role, Some(org)).await;
        for path in [
            page.as_str(),
            "/mon-espace/besoins",
            "/mon-espace/besoins/nouveau",
            "/revue",
        ] {
            assert_eq!(
                c.get(path).await.status,
                StatusCode::NOT_FOUND,
                "{role:?} {path}"
            );
        }
    }
    assert_eq!(
        h.db().submissions(None, &[]).unwrap()[0].body["duration_days"],
        10,
        "unchanged"
    );
}

/// The e-mails waiting in the workspace's outbox, as text.
fn outbox(h: &Harness) -> Vec<String> {
    let dir = h.dir.path().join(crate::notify::OUTBOX_DIR);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .map(|d| d.map(|e| e.unwrap().path()).collect())
        .unwrap_or_default();
    files.sort();
    files
        .iter()
        .map(|f| std::fs::read_to_string(f).unwrap())
        .collect()
}

#[tokio::test]
async fn every_step_is_told_to_the_people_concerned_in_the_app_and_by_email() {
    let h = Harness::new();
    let mut coord = h.coordinator().await;
    let mut asso = association(&h, "eau@example.org", ASSO).await;
    // Another association's account is told nothing.
    let mut other = association(&h, "autre@example.org", "asso-terres-solidaires-gers").await;

    let page = post_need(&mut asso).await;
    let number = page.rsplit('/').next().unwrap().to_owned();
    let mails = outbox(&h);
    assert_eq!(mails.len(), 1, "one coordinator, one e-mail: {mails:?}");
    assert!(
        mails[0].starts_with("To: coord@example.org\r\n"),
        "{}",
        mails[0]
    );
    assert!(mails[0].contains(&format!("{}/revue/{number}", super::client::BASE)));
    let home = coord.get("/").await;
    assert!(
        home.body.contains(r#"<span class="badge">1"#),
        "{}",
        home.body
    );
    let list = coord.get("/notifications").await;
    assert!(
        list.body.contains("Nouveau besoin à relire"),
        "{}",
        list.body
    );
    assert!(
        !coord.get("/").await.body.contains(r#"class="badge""#),
        "seen once listed"
    );

    coord
        .post(
            &format!("/revue/{number}/modifications"),
            &[("message", "Ajoutez le partenaire local.")],
        )
        .await;
    let mails = outbox(&h);
    assert_eq!(mails.len(), 2);
    assert!(
        mails[1].starts_with("To: eau@example.org\r\n"),
        "{}",
        mails[1]
    );
    assert!(mails[1].contains("Ajoutez le partenaire local."));
    let told = asso.get("/notifications").await;
    assert!(
        told.body.contains("Ajoutez le partenaire local."),
        "{}",
        told.body
    );
    assert!(
        told.body
            .contains(&format!(r#"href="/mon-espace/demandes/{number}""#))
    );
    let theirs = other.get("/notifications").await;
    assert!(
        theirs.body.contains("Aucune notification"),
        "{}",
        theirs.body
    );
}
