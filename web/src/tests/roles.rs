use axum::http::StatusCode;

use super::client::Harness;
use crate::store::Role;

#[tokio::test]
async fn a_disabled_account_is_signed_out_at_its_next_request() {
    let h = Harness::new();
    let mut company = h
        .signed_in("rh@elec-sud.fr", Role::Company, Some("co-elec-sud"))
        .await;
    assert_eq!(
        company.get("/mon-espace/offres").await.status,
        StatusCode::OK
    );
    let id = h
        .db()
        .account_by_email("rh@elec-sud.fr")
        .unwrap()
        .unwrap()
        .id;
    assert_eq!(h.db().session_count(id).unwrap(), 1);

    let mut coord = h
        .signed_in("coord@example.org", Role::Coordinator, None)
        .await;
    let r = coord.post(&format!("/comptes/{id}/desactiver"), &[]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(h.db().session_count(id).unwrap(), 0, "sessions deleted");

    let r = company.get("/").await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(r.location(), "/connexion");
    let list = coord.get("/comptes").await;
    assert!(list.body.contains("désactivé"));
}

#[tokio::test]
async fn other_roles_get_404_on_coordinator_pages() {
    let h = Harness::new();
    let mut c = h
        .signed_in("rh@elec-sud.fr", Role::Company, Some("co-elec-sud"))
        .await;
    // A company's home is its own space.
    let home = c.get("/").await;
    assert_eq!(home.location(), "/mon-espace/offres");
    let home = c.get("/mon-espace/offres").await;
    assert_eq!(home.status, StatusCode::OK);
    assert!(!home.body.contains("/comptes"), "no coordinator links");
    for path in ["/comptes", "/audit"] {
        assert_eq!(c.get(path).await.status, StatusCode::NOT_FOUND, "{path}");
    }
    let r = c
        .post(
            "/comptes",
            &[("email", "x@example.org"), ("role", "coordinator")],
        )
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert_eq!(
        c.post("/comptes/1/desactiver", &[]).await.status,
        StatusCode::NOT_FOUND
    );
    assert!(h.db().account_by_email("x@example.org").unwrap().is_none());
}

#[tokio::test]
async fn the_coordinator_invites_from_the_page_with_checked_ids() {
    let h = Harness::new();
    let mut c = h
        .signed_in("coord@example.org", Role::Coordinator, None)
        .await;
    let r = c
        .post(
            "/comptes",
            &[
                ("email", "Eau@Vive.org"),
                ("role", "association"),
                ("org", "asso-eau-vive"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert!(r.body.contains("Invitation créée pour eau@vive.org"));
    assert!(r.body.contains("http://127.0.0.1:8080/invite/"));
    // Shown once: the list page does not show it again.
    assert!(!c.get("/comptes").await.body.contains("/invite/"));

    for (role, org, says) in [
        ("association", "exp-0101", "aucune fiche"),
        ("expert", "", "demande l’identifiant"),
        ("coordinator", "asso-eau-vive", "aucune organisation"),
        ("company", "off-elec-2027", "aucune fiche"),
    ] {
        let r = c
            .post(
                "/comptes",
                &[("email", "n@example.org"), ("role", role), ("org", org)],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{role} {org}");
        assert!(r.body.contains(says), "{role} {org}: {}", r.body);
    }
    let r = c
        .post(
            "/comptes",
            &[
                ("email", "eau@vive.org"),
                ("role", "expert"),
                ("org", "exp-0101"),
            ],
        )
        .await;
    assert!(r.body.contains("Un compte utilise déjà"));
}

#[tokio::test]
async fn the_audit_page_filters() {
    let h = Harness::new();
    let mut c = h
        .signed_in("coord@example.org", Role::Coordinator, None)
        .await;
    let all = c.get("/audit").await;
    assert!(all.body.contains("compte créé") && all.body.contains("connexion"));
    let only = c.get("/audit?action=account_created").await;
    assert!(only.body.contains("compte créé"));
    assert!(!only.body.contains("<td>mot de passe défini</td>"));
    let none = c.get("/audit?compte=personne%40example.org").await;
    assert!(none.body.contains("0 événement"));
    let by_day = c.get("/audit?du=2000-01-01&au=2000-01-02").await;
    assert!(by_day.body.contains("0 événement"));
    let bad = c.get("/audit?du=hier&action=pirate").await;
    assert_eq!(bad.status, StatusCode::OK);
    assert!(bad.body.contains("Action inconnue"));
}
