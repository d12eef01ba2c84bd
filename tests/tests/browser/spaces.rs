//! The self-service spaces in the browser (issue #15, property 7): an association
//! posts a need with a mistake, corrects it, and a coordinator validates it; the
//! association accepts a proposal; the expert proposed updates their availability and
//! declines with a reason; the coordinator reads the reason in the notification and
//! the mission's log. A company declares an offer with a mistake, corrects it, and once
//! a coordinator validates it sees the needs it fits. Every page visited passes the
//! axe-core check.

use crate::harness::{
    Browser, COORDINATOR_PASSWORD, Server, accept_invitation, enabled, sign_in,
    signed_in_coordinator,
};

const NEED: &str = "need-kin-dechets";
const ASSO: &str = "asso-eau-vive";

async fn sign_out(b: &Browser) {
    b.press("Se déconnecter").await;
}

async fn as_party(b: &Browser, server: &Server, email: &str, role: &str, org: &str) {
    let link = server.invite(email, role, Some(org));
    accept_invitation(b, &link, COORDINATOR_PASSWORD).await;
    sign_in(b, server, email, COORDINATOR_PASSWORD).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_association_posts_a_need_answers_a_proposal_and_an_expert_declines_with_a_reason() {
    if !enabled() {
        return;
    }
    let server = Server::start();
    let b = Browser::start().await;

    // The association posts a need with a level that does not exist, then corrects it.
    as_party(&b, &server, "eau@example.org", "association", ASSO).await;
    assert_eq!(b.path().await, "/mon-espace/besoins");
    b.check_accessibility("mon-espace-besoins").await;
    b.follow("Publier un besoin").await;
    b.fill("champ-title", "Former les agents d’un service d’eau")
        .await;
    b.fill(
        "champ-description",
        "Former six agents à la maintenance des pompes.",
    )
    .await;
    b.choose("champ-kind", "standard").await;
    b.choose("champ-theme", "eau_assainissement").await;
    b.fill("champ-skills", "maintenance de pompes; formation")
        .await;
    b.choose("champ-country", "SN").await;
    b.fill("champ-languages", "fr:Z9").await;
    b.set_value("champ-window-from", "2027-03-01").await;
    b.set_value("champ-window-to", "2027-05-31").await;
    b.fill("champ-duration-days", "10").await;
    b.press("Soumettre le besoin").await;
    b.wait_for_text("Des champs sont à corriger").await;
    let kept = b
        .client
        .find(fantoccini::Locator::Id("champ-title"))
        .await
        .expect("the title field")
        .prop("value")
        .await
        .expect("its value");
    assert_eq!(
        kept.as_deref(),
        Some("Former les agents d’un service d’eau"),
        "what was typed is kept"
    );
    b.check_accessibility("besoin-erreurs").await;
    b.fill("champ-languages", "fr:B2").await;
    b.press("Soumettre le besoin").await;
    b.wait_for_text("en attente de relecture").await;
    b.screenshot("espace-association").await;
    // Not matched before a coordinator validates it: the workspace does not hold it.
    let before = server
        .ws
        .explor(&["match", "need-eau-vive-1"])
        .output()
        .expect("explor match");
    assert!(!before.status.success(), "matched before review");
    sign_out(&b).await;

    // The coordinator validates it, then proposes an expert for another of its needs.
    signed_in_coordinator(&b, &server, "coordination@example.org").await;
    b.follow("À relire").await;
    b.check_accessibility("revue").await;
    b.follow("Former les agents d’un service d’eau").await;
    b.press("Valider et publier").await;
    assert!(
        b.path().await.starts_with("/besoins/need-eau-vive-"),
        "{}",
        b.path().await
    );
    b.client
        .goto(&server.url(&format!("/besoins/{NEED}")))
        .await
        .expect("the need");
    // The first "Proposer" proposes the best candidate, `explor match`'s first.
    let out = server
        .ws
        .explor(&["match", NEED, "--format", "json"])
        .output()
        .expect("explor match");
    let ranked: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let expert = ranked["candidates"][0]["id"]
        .as_str()
        .expect("a best candidate")
        .to_owned();
    b.press("Proposer").await;
    let mission = b.path().await.rsplit('/').next().unwrap().to_owned();
    sign_out(&b).await;

    // The association accepts.
    sign_in(&b, &server, "eau@example.org", COORDINATOR_PASSWORD).await;
    b.follow("Propositions").await;
    b.check_accessibility("propositions").await;
    b.wait_for_text(&mission).await;
    b.press("Accepter").await;
    b.wait_for_text("Vous avez accepté").await;
    sign_out(&b).await;

    // The expert updates their availability, then declines with a reason.
    as_party(&b, &server, "expert@example.org", "expert", &expert).await;
    b.follow("Mon profil").await;
    b.check_accessibility("profil").await;
    b.fill("champ-availability", "2027-03-01..2027-05-31").await;
    b.press("Enregistrer").await;
    b.wait_for_text("Profil enregistré").await;
    b.follow("Propositions").await;
    b.fill(&format!("raison-{mission}"), "Indisponible en avril")
        .await;
    b.press("Décliner").await;
    b.wait_for_text("Vous avez décliné : Indisponible en avril")
        .await;
    sign_out(&b).await;

    // The coordinator is told, and reads the reason.
    sign_in(
        &b,
        &server,
        "coordination@example.org",
        COORDINATOR_PASSWORD,
    )
    .await;
    // The navigation says how many are unread.
    b.wait_for_text("non lue(s)").await;
    b.client
        .goto(&server.url("/notifications"))
        .await
        .expect("the notifications");
    b.check_accessibility("notifications").await;
    b.wait_for_text("Indisponible en avril").await;
    b.client
        .goto(&server.url(&format!("/missions/{mission}")))
        .await
        .expect("the mission");
    b.wait_for_text("déclinée par l’expert").await;
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_company_declares_an_offer_corrects_it_and_once_validated_sees_the_needs_it_fits() {
    if !enabled() {
        return;
    }
    let server = Server::start();
    let b = Browser::start().await;
    const TITLE: &str = "Pompage solaire pour l’eau potable";

    // The company declares an offer with a quota of 0, then corrects it.
    as_party(&b, &server, "rh@elec-sud.fr", "company", "co-elec-sud").await;
    assert_eq!(b.path().await, "/mon-espace/offres");
    b.check_accessibility("mon-espace-offres").await;
    b.follow("Déclarer une offre").await;
    b.fill("champ-title", TITLE).await;
    b.choose("champ-themes", "energie").await;
    b.choose("champ-themes", "eau_assainissement").await;
    b.fill("champ-skills", "photovoltaïque; pompage solaire")
        .await;
    b.fill("champ-languages", "fr:C2").await;
    b.fill("champ-headcount", "0").await;
    b.set_value("champ-window-from", "2027-02-01").await;
    b.set_value("champ-window-to", "2027-06-30").await;
    b.fill("champ-max-mission-days", "12").await;
    b.press("Soumettre l’offre").await;
    b.wait_for_text("Des champs sont à corriger").await;
    b.check_accessibility("offre-erreurs").await;
    b.fill("champ-headcount", "2").await;
    b.press("Soumettre l’offre").await;
    b.wait_for_text("en attente de relecture").await;
    sign_out(&b).await;

    // A coordinator validates it.
    signed_in_coordinator(&b, &server, "coordination@example.org").await;
    b.follow("À relire").await;
    b.follow(TITLE).await;
    b.press("Valider et publier").await;
    b.wait_for_text("Aucune fiche à relire").await;
    sign_out(&b).await;

    // The company sees the needs its offer fits, the best first, as `match --offer`.
    sign_in(&b, &server, "rh@elec-sud.fr", COORDINATOR_PASSWORD).await;
    let out = server
        .ws
        .explor(&["match", "--offer", "off-elec-sud-1", "--format", "json"])
        .output()
        .expect("explor match --offer");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let ranked: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let best = ranked["needs"][0]["id"]
        .as_str()
        .expect("a need it fits")
        .to_owned();
    let text = b
        .wait_for_text(&format!("Les besoins auxquels « {TITLE} » répond le mieux"))
        .await;
    assert!(text.contains(&best), "{best}\n{text}");
    b.screenshot("espace-entreprise").await;
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_page_of_a_party_scrolls_sideways_on_a_phone() {
    if !enabled() {
        return;
    }
    let server = Server::with_missions("2027-printemps");
    let b = Browser::start().await;
    let parties = [
        (
            "eau@example.org",
            "association",
            ASSO,
            ["/mon-espace/besoins", "/mon-espace/besoins/nouveau"],
        ),
        (
            "rh@elec-sud.fr",
            "company",
            "co-elec-sud",
            ["/mon-espace/offres", "/mon-espace/offres/nouvelle"],
        ),
        (
            "expert@example.org",
            "expert",
            "exp-0007",
            ["/mon-espace/propositions", "/mon-espace/profil"],
        ),
    ];
    let mut wide = Vec::new();
    for (email, role, org, pages) in parties {
        as_party(&b, &server, email, role, org).await;
        let pages = pages.map(str::to_owned);
        wide.extend(b.pages_wider_than_a_phone(&server, role, &pages).await);
        sign_out(&b).await;
    }
    assert!(wide.is_empty(), "pages wider than the phone: {wide:#?}");
    b.close().await;
}
