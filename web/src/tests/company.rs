//! The company's space (issue #15): its offers with the needs they fit and why, its
//! employees with their consent states — and none of another company's.

use axum::http::StatusCode;

use super::client::Harness;
use crate::store::Role;

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
    let matched = explor_views::CandidateMatch::build(
        &h.workspace(),
        "off-elec-2027",
        explor_indexer::MatchOptions {
            top: 5,
            include_ineligible: false,
            include_pending: true,
        },
    )
    .unwrap();
    let first = &matched.ranked().rows[0];
    assert!(page.body.contains(&first[1]), "{}\n{first:?}", page.body);
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
