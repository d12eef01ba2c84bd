//! The company's space (issue #15): its offers with the needs they fit and why, its
//! employees with their consent states — and none of another company's.

use axum::http::StatusCode;

use super::client::Harness;
use crate::store::Role;

/// The need an offer fits best, as the company's page lists them (`match --offer`).
pub(super) fn best_fit(h: &Harness, offer: &str) -> String {
    let matched = explor_views::CandidateMatch::build(
        &h.workspace(),
        offer,
        explor_indexer::MatchOptions {
            top: 5,
            include_ineligible: false,
            include_pending: true,
        },
    )
    .unwrap();
    matched.ranked().rows[0][1].clone()
}

#[tokio::test]
async fn a_company_sees_its_offers_fits_and_employees_and_nothing_of_another_company() {
    let h = Harness::new();
    let mut elec = h
        .signed_in("rh@elec-sud.fr", Role::Company, Some("co-elec-sud"))
        .await;
    let page = elec.get("/mon-espace/offres").await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(page.body.contains("off-elec-2027"), "{}", page.body);
    // The needs it fits, with why: the electrification needs first, as `match --offer`.
    let best = best_fit(&h, "off-elec-2027");
    assert!(page.body.contains(&best), "{}\n{best}", page.body);
    // Its employees, with their consent; another company's offers and employees are
    // not there.
    let ws = h.workspace();
    for r in ws.records(explor_engine::RecordKind::Expert).unwrap() {
        let explor_engine::Record::Expert(e) = r else {
            continue;
        };
        let theirs = e.employer.as_ref().is_some_and(|x| x.id == "co-elec-sud");
        assert_eq!(
            page.body.contains(&format!("({})", e.id)),
            theirs,
            "{} employed by {:?}",
            e.id,
            e.employer
        );
    }
    assert!(!page.body.contains("off-aqualis-eau-2027"), "{}", page.body);

    let mut asso = h
        .signed_in("eau@example.org", Role::Association, Some("asso-eau-vive"))
        .await;
    assert_eq!(
        asso.get("/mon-espace/offres").await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn a_company_sees_its_quotas_and_missions_with_the_mecenat_estimate_and_its_basis() {
    let h = Harness::new();
    let mut ws = h.workspace();
    let request = explor_indexer::NewMission {
        need: "need-mg-minireseau-sante".to_owned(),
        staff: explor_indexer::StaffRequest::Offer("off-elec-2027".to_owned()),
        start: None,
        days: None,
        payer: None,
        include_pending: false,
        note: None,
    };
    let created = ws.create_mission(&request, crate::views::today()).unwrap();
    let id = created.mission.id.clone();
    let file = ws.mission_file(&id).unwrap();
    let rules = ws.cost_rules().unwrap();
    let plan = explor_views::MissionSheet::build(&ws, &file)
        .unwrap()
        .plan(&rules)
        .unwrap()
        .mecenat();
    assert!(!plan.is_empty(), "an offer's mission is valued as mécénat");

    let mut elec = h
        .signed_in("rh@elec-sud.fr", Role::Company, Some("co-elec-sud"))
        .await;
    let page = elec.get("/mon-espace/offres").await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(
        page.body.contains(&format!("Mission {id}")),
        "{}",
        page.body
    );
    assert!(
        page.body
            .contains("quota : 3 mission(s) possible(s), 1 engagée(s)"),
        "{}",
        page.body
    );
    // The estimate and each assumption (legal basis, caps), as the mission's plan says.
    for line in &plan {
        let shown = askama::filters::escape(line, askama::filters::Html)
            .unwrap()
            .to_string();
        assert!(page.body.contains(&shown), "{shown}\n{}", page.body);
    }

    let mut aqualis = h
        .signed_in("rh@aqualis.fr", Role::Company, Some("co-aqualis"))
        .await;
    let other = aqualis.get("/mon-espace/offres").await;
    assert!(!other.body.contains(&id), "{}", other.body);
}
