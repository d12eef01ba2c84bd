//! Proposals answered by the parties (issue #15): the association of the need and the
//! expert proposed accept or decline (a decline says why); the coordinators are told
//! and read the reason in the mission's log; nobody else sees or answers it.

use axum::http::StatusCode;

use super::client::{Client, Harness};
use super::needs::first_candidate;
use crate::store::Role;

const NEED: &str = "need-kin-dechets";
const ASSO: &str = "asso-eau-vive";

/// A coordinator proposes the best candidate; returns (coordinator, mission, expert).
pub(super) async fn proposed(h: &Harness) -> (Client, String, String) {
    let mut coord = h.coordinator().await;
    coord.get(&format!("/besoins/{NEED}")).await;
    let expert = first_candidate(h);
    let r = coord
        .post(
            &format!("/besoins/{NEED}/proposer"),
            &[("candidat", &expert)],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let mission = r.location().rsplit('/').next().unwrap().to_owned();
    (coord, mission, expert)
}

async fn party(h: &Harness, email: &str, role: Role, org: &str) -> Client {
    let mut c = h.signed_in(email, role, Some(org)).await;
    let page = c.get("/mon-espace/propositions").await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    c
}

#[tokio::test]
async fn the_association_accepts_the_expert_declines_with_a_reason_and_the_coordinator_reads_it() {
    let h = Harness::new();
    let (mut coord, mission, expert) = proposed(&h).await;
    let mut asso = party(&h, "eau@example.org", Role::Association, ASSO).await;
    let mut exp = party(&h, "expert@example.org", Role::Expert, &expert).await;

    let seen = asso.get("/mon-espace/propositions").await;
    assert!(seen.body.contains(&mission), "{}", seen.body);
    assert!(
        seen.body.contains(&expert),
        "the association sees who is proposed"
    );
    let path = format!("/mon-espace/propositions/{mission}");
    let r = asso
        .post(&path, &[("decision", "accepter"), ("raison", "")])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);

    // Declining says why.
    let r = exp
        .post(&path, &[("decision", "decliner"), ("raison", "  ")])
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(r.body.contains(r#"id="erreur-reponse""#), "{}", r.body);
    let r = exp
        .post(
            &path,
            &[
                ("decision", "decliner"),
                ("raison", "Indisponible en avril"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let mine = exp.get("/mon-espace/propositions").await;
    assert!(
        mine.body
            .contains("Vous avez décliné : Indisponible en avril"),
        "{}",
        mine.body
    );

    // The coordinators are told, and the mission's log keeps the reason.
    let told = coord.get("/notifications").await;
    assert!(told.body.contains("déclinée par l’expert"), "{}", told.body);
    assert!(told.body.contains("Indisponible en avril"), "{}", told.body);
    let page = coord.get(&format!("/missions/{mission}")).await;
    assert!(page.body.contains("Indisponible en avril"), "{}", page.body);
    assert!(
        page.body.contains("acceptée par l’association"),
        "{}",
        page.body
    );
    let answers = h.workspace().mission(&mission).unwrap().answers();
    assert_eq!(answers.len(), 2);
    assert!(answers[0].accepted && !answers[1].accepted);
}

#[tokio::test]
async fn nobody_else_sees_or_answers_a_proposal() {
    let h = Harness::new();
    let (_coord, mission, expert) = proposed(&h).await;
    let path = format!("/mon-espace/propositions/{mission}");
    let other_expert = if expert == "exp-0001" {
        "exp-0002"
    } else {
        "exp-0001"
    };
    let mut others = vec![
        party(
            &h,
            "autre@example.org",
            Role::Association,
            "asso-terres-solidaires-gers",
        )
        .await,
        party(&h, "x@example.org", Role::Expert, other_expert).await,
    ];
    for c in &mut others {
        let list = c.get("/mon-espace/propositions").await;
        assert!(!list.body.contains(&mission), "{}", list.body);
        let r = c.post(&path, &[("decision", "accepter")]).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{}", r.body);
    }
    let mut company = h
        .signed_in("rh@elec-sud.fr", Role::Company, Some("co-elec-sud"))
        .await;
    assert_eq!(
        company.get("/mon-espace/propositions").await.status,
        StatusCode::NOT_FOUND
    );
    assert!(
        h.workspace()
            .mission(&mission)
            .unwrap()
            .answers()
            .is_empty()
    );
}

/// The e-mails in the outbox addressed to `to`.
fn mails_to(h: &Harness, to: &str) -> Vec<String> {
    let dir = h.dir.path().join(crate::notify::OUTBOX_DIR);
    std::fs::read_dir(dir)
        .map(|d| {
            d.map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
                .filter(|m| m.starts_with(&format!("To: {to}\r\n")))
                .collect()
        })
        .unwrap_or_default()
}

#[tokio::test]
async fn a_proposal_left_unanswered_past_the_delay_is_flagged_and_reminded_once() {
    let h = Harness::with_settings(|s| s.answer_delay_days = 7);
    let (mut coord, mission, expert) = proposed(&h).await;
    let mut asso = party(&h, "eau@example.org", Role::Association, ASSO).await;
    let _exp = party(&h, "expert@example.org", Role::Expert, &expert).await;
    asso.post(
        &format!("/mon-espace/propositions/{mission}"),
        &[("decision", "accepter")],
    )
    .await;
    let today = crate::views::today();

    // Before the delay: nobody is reminded.
    let early = crate::reminders::remind(&h.state, today + chrono::Days::new(6));
    assert_eq!(early.await.unwrap(), 0);
    // Past it: the expert, who has not answered, is reminded — the association, who
    // has, is not — and only once.
    let late = crate::reminders::remind(&h.state, today + chrono::Days::new(7));
    assert_eq!(late.await.unwrap(), 1);
    let again = crate::reminders::remind(&h.state, today + chrono::Days::new(9));
    assert_eq!(again.await.unwrap(), 0);
    let reminded = mails_to(&h, "expert@example.org");
    assert_eq!(reminded.len(), 1, "{reminded:?}");
    assert!(reminded[0].contains(&format!("Rappel : la mission {mission}")));
    assert!(mails_to(&h, "eau@example.org").is_empty());

    let dash = coord.get("/").await;
    assert!(
        dash.body.contains(&format!("l’expert {expert}")),
        "{}",
        dash.body
    );

    // With a delay of 0 days, the dashboard flags it at once.
    let h0 = Harness::with_settings(|s| s.answer_delay_days = 0);
    let (mut coord0, _, _) = proposed(&h0).await;
    let dash = coord0.get("/").await;
    assert!(dash.body.contains("en retard"), "{}", dash.body);
}
