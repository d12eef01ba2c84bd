//! A company declares and changes its skill offers through the network's review
//! (issue #15), as an association posts its needs: the form is held to the import's
//! rules with each problem at its field; an offer is matched only once a coordinator
//! validates it; a change to a published offer or need waits for the coordinator while
//! the published version stays matched; nobody else reaches any of it.

use axum::http::StatusCode;
use explor_engine::{Record, RecordKind};

use super::client::{Client, Harness};
use crate::store::{ReviewState, Role};

const COMPANY: &str = "co-elec-sud";
const OFFER: &str = "off-elec-2027";

/// A new offer's form as a company fills it.
fn offer_form(
    headcount: &'static str,
    languages: &'static str,
) -> Vec<(&'static str, &'static str)> {
    vec![
        ("company.name", "Élec Sud"),
        ("title", "Réseaux d’eau potable solaires"),
        (
            "description",
            "Nos techniciens dimensionnent des pompages solaires.",
        ),
        ("themes", "energie"),
        ("themes", "eau_assainissement"),
        ("skills", "photovoltaïque; pompage solaire"),
        ("languages", languages),
        ("headcount", headcount),
        ("window.from", "2027-02-01"),
        ("window.to", "2027-06-30"),
        ("max_mission_days", "12"),
        ("covers_remaining_costs", "true"),
    ]
}

async fn company(h: &Harness, email: &str, org: &str) -> Client {
    let mut c = h.signed_in(email, Role::Company, Some(org)).await;
    let home = c.get("/mon-espace/offres").await;
    assert_eq!(home.status, StatusCode::OK, "{}", home.body);
    c
}

/// The submission's record as its form sends it.
fn sent_back(h: &Harness, number: i64) -> Vec<(String, String)> {
    let s = h.db().submission(number).unwrap().unwrap();
    crate::forms::values_of(RecordKind::Offer, &s.body)
        .into_iter()
        .collect()
}

fn refs(form: &[(String, String)]) -> Vec<(&str, &str)> {
    form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect()
}

#[tokio::test]
async fn a_company_declares_an_offer_corrects_it_and_once_validated_sees_the_needs_it_fits() {
    let h = Harness::new();
    let mut elec = company(&h, "rh@elec-sud.fr", COMPANY).await;
    let form = elec.get("/mon-espace/offres/nouvelle").await;
    assert_eq!(form.status, StatusCode::OK, "{}", form.body);
    assert!(
        form.body.contains("value=\"Élec Sud\""),
        "the name is filled"
    );

    // Mistakes: each at its field, what was entered kept, nothing stored.
    let r = elec
        .post("/mon-espace/offres/nouvelle", &offer_form("0", "fr:Z9"))
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    for field in ["champ-headcount-erreur", "champ-languages-erreur"] {
        assert!(
            r.body.contains(&format!("id=\"{field}\"")),
            "{field}\n{}",
            r.body
        );
    }
    assert!(
        r.body.contains("Réseaux d’eau potable solaires"),
        "values kept"
    );
    // Both themes chosen stay chosen.
    for theme in ["energie", "eau_assainissement"] {
        let option = format!("<option value=\"{theme}\" selected>");
        assert!(r.body.contains(&option), "{option}\n{}", r.body);
    }
    assert!(h.db().submissions(None, &[]).unwrap().is_empty());

    // Corrected: stored for review, not in the workspace, so not matched.
    let r = elec
        .post("/mon-espace/offres/nouvelle", &offer_form("2", "fr:C2"))
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let subs = h.db().submissions(Some(COMPANY), &[]).unwrap();
    assert_eq!(subs.len(), 1);
    let (number, id) = (subs[0].id, subs[0].record_id.clone());
    assert_eq!(subs[0].kind, "offer");
    assert_eq!(id, "off-elec-sud-1");
    assert_eq!(r.location(), format!("/mon-espace/demandes/{number}"));
    assert!(
        h.workspace().record(&id).is_err(),
        "not matched before review"
    );
    let space = elec.get("/mon-espace/offres").await;
    assert!(
        space.body.contains("en attente de relecture"),
        "{}",
        space.body
    );

    // The coordinator finds it in the queue as an offer and validates it.
    let mut coord = h.coordinator().await;
    let queue = coord.get("/revue").await;
    assert!(
        queue.body.contains(&id) && queue.body.contains("<td>offre</td>"),
        "{}",
        queue.body
    );
    let review = coord.get(&format!("/revue/{number}")).await;
    assert_eq!(review.status, StatusCode::OK, "{}", review.body);
    assert!(
        review.body.contains("Message à l’entreprise"),
        "{}",
        review.body
    );
    let fields = sent_back(&h, number);
    let r = coord
        .post(&format!("/revue/{number}/valider"), &refs(&fields))
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let ws = h.workspace();
    let Record::Offer(offer) = ws.record(&id).unwrap() else {
        panic!("not an offer")
    };
    assert_eq!(offer.company.id, COMPANY);
    assert_eq!(offer.themes.len(), 2);
    assert_eq!(offer.max_mission_days, 12);

    // The company is told, and sees the needs it fits with why, as `match --offer`.
    let told = elec.get("/notifications").await;
    assert!(
        told.body.contains("est validée par le réseau"),
        "{}",
        told.body
    );
    let space = elec.get("/mon-espace/offres").await;
    let best = super::company::best_fit(&h, &id);
    assert!(space.body.contains(&best), "{best}\n{}", space.body);
    assert!(
        !space.body.contains("en attente de relecture"),
        "{}",
        space.body
    );
}

#[tokio::test]
async fn the_form_refuses_an_offer_with_the_imports_own_message() {
    let h = Harness::new();
    let mut elec = company(&h, "rh@elec-sud.fr", COMPANY).await;
    let r = elec
        .post("/mon-espace/offres/nouvelle", &offer_form("0", "fr:C2"))
        .await;
    let mut offer = super::client::sample_record("offers.json", OFFER);
    offer["headcount"] = 0.into();
    let message = super::submissions::imports_message(&h, RecordKind::Offer, &offer);
    assert!(r.body.contains(&message), "{message}\n{}", r.body);
}

#[tokio::test]
async fn a_change_to_a_published_offer_waits_for_review_and_the_published_one_stays_matched() {
    let h = Harness::new();
    let mut elec = company(&h, "rh@elec-sud.fr", COMPANY).await;
    let path = format!("/mon-espace/offres/{OFFER}/modifier");
    let form = elec.get(&path).await;
    assert_eq!(form.status, StatusCode::OK, "{}", form.body);
    assert!(
        form.body.contains("Électrification rurale solaire"),
        "{}",
        form.body
    );

    let stored = super::client::sample_record("offers.json", OFFER);
    let mut values: Vec<(String, String)> = crate::forms::values_of(RecordKind::Offer, &stored)
        .into_iter()
        .collect();
    for (k, v) in &mut values {
        if k == "headcount" {
            *v = "5".to_owned();
        }
    }
    let r = elec.post(&path, &refs(&values)).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let number: i64 = r.location().rsplit('/').next().unwrap().parse().unwrap();
    // The published offer is unchanged, still matched; the change waits.
    let headcount = |h: &Harness| match h.workspace().record(OFFER).unwrap() {
        Record::Offer(o) => o.headcount,
        other => panic!("{other:?}"),
    };
    assert_eq!(headcount(&h), 3);
    // Opening the change again shows the waiting version.
    let again = elec.get(&path).await;
    assert_eq!(again.location(), format!("/mon-espace/demandes/{number}"));

    // Sent back, corrected, validated: the new version replaces the old one.
    let mut coord = h.coordinator().await;
    coord.get(&format!("/revue/{number}")).await;
    let r = coord
        .post(
            &format!("/revue/{number}/modifications"),
            &[("message", "Quatre missions au plus cette année.")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let back = elec.get(&format!("/mon-espace/demandes/{number}")).await;
    assert!(
        back.body.contains("Quatre missions au plus"),
        "{}",
        back.body
    );
    for (k, v) in &mut values {
        if k == "headcount" {
            *v = "4".to_owned();
        }
    }
    let r = elec
        .post(&format!("/mon-espace/demandes/{number}"), &refs(&values))
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let fields = sent_back(&h, number);
    coord.get(&format!("/revue/{number}")).await;
    let r = coord
        .post(&format!("/revue/{number}/valider"), &refs(&fields))
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(headcount(&h), 4);
    let s = h.db().submission(number).unwrap().unwrap();
    assert_eq!(s.state, ReviewState::Validated);

    // A second change reuses the same submission, waiting again.
    elec.get(&path).await;
    let r = elec.post(&path, &refs(&fields)).await;
    assert_eq!(r.location(), format!("/mon-espace/demandes/{number}"));
    assert_eq!(h.db().submissions(Some(COMPANY), &[]).unwrap().len(), 1);
}

#[tokio::test]
async fn an_association_changes_a_published_need_through_the_review() {
    let h = Harness::new();
    let mut asso = h
        .signed_in("eau@example.org", Role::Association, Some("asso-eau-vive"))
        .await;
    let list = asso.get("/mon-espace/besoins").await;
    let path = "/mon-espace/besoins/need-kin-dechets/modifier";
    assert!(list.body.contains(path), "{}", list.body);
    let form = asso.get(path).await;
    assert_eq!(form.status, StatusCode::OK, "{}", form.body);
    let stored = super::client::sample_record("needs.json", "need-kin-dechets");
    let mut values: Vec<(String, String)> = crate::forms::values_of(RecordKind::Need, &stored)
        .into_iter()
        .collect();
    for (k, v) in &mut values {
        if k == "duration_days" {
            *v = "14".to_owned();
        }
    }
    let r = asso.post(path, &refs(&values)).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let number: i64 = r.location().rsplit('/').next().unwrap().parse().unwrap();
    let duration = |h: &Harness| match h.workspace().record("need-kin-dechets").unwrap() {
        Record::Need(n) => n.duration_days,
        other => panic!("{other:?}"),
    };
    assert_eq!(
        duration(&h),
        stored["duration_days"].as_u64().unwrap() as u32
    );
    let mut coord = h.coordinator().await;
    coord.get(&format!("/revue/{number}")).await;
    let r = coord
        .post(&format!("/revue/{number}/valider"), &refs(&values))
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(duration(&h), 14);
}

#[tokio::test]
async fn nobody_else_declares_changes_or_reads_a_companys_offers() {
    let h = Harness::new();
    let mut owner = company(&h, "rh@elec-sud.fr", COMPANY).await;
    let r = owner
        .post("/mon-espace/offres/nouvelle", &offer_form("2", "fr:C2"))
        .await;
    let page = r.location().to_owned();
    let path = format!("/mon-espace/offres/{OFFER}/modifier");
    let strangers = [
        ("rh@aqualis.fr", Role::Company, "co-aqualis"),
        ("eau@example.org", Role::Association, "asso-eau-vive"),
        ("exp@example.org", Role::Expert, "exp-0101"),
    ];
    for (email, role, org) in strangers {
        let mut c = h.signed_in(email, role, Some(org)).await;
        c.get("/notifications").await;
        for get in [page.as_str(), path.as_str()] {
            assert_eq!(
                c.get(get).await.status,
                StatusCode::NOT_FOUND,
                "{role:?} GET {get}"
            );
        }
        for post in [page.as_str(), path.as_str()] {
            let status = c.post(post, &offer_form("2", "fr:C2")).await.status;
            assert_eq!(status, StatusCode::NOT_FOUND, "{role:?} POST {post}");
        }
        if role != Role::Company {
            let status = c.get("/mon-espace/offres/nouvelle").await.status;
            assert_eq!(status, StatusCode::NOT_FOUND, "{role:?} new offer");
        }
    }
    // Nothing changed: one submission, as the owner wrote it; the offer as published.
    let subs = h.db().submissions(None, &[]).unwrap();
    assert_eq!(subs.len(), 1);
    assert_eq!(subs[0].body["title"], "Réseaux d’eau potable solaires");
    let Record::Offer(o) = h.workspace().record(OFFER).unwrap() else {
        panic!()
    };
    assert_eq!(o.title, "Électrification rurale solaire");
}

#[tokio::test]
async fn a_company_named_only_as_an_employer_is_invited_and_declares_its_first_offer() {
    let h = Harness::new();
    let org = "co-laiterie-causses";
    let ws = h.workspace();
    let name = ws
        .records(RecordKind::Expert)
        .unwrap()
        .into_iter()
        .find_map(|r| match r {
            Record::Expert(e) => e.employer.filter(|x| x.id == org).map(|x| x.name),
            _ => None,
        })
        .expect("an employee of the company in the sample");
    assert!(
        ws.records(RecordKind::Offer)
            .unwrap()
            .iter()
            .all(|r| !matches!(r, Record::Offer(o) if o.company.id == org)),
        "no offer of it yet"
    );
    let mut c = company(&h, "rh@laiterie.example", org).await;
    let form = c.get("/mon-espace/offres/nouvelle").await;
    let filled = format!(
        "value=\"{}\"",
        askama::filters::escape(&name, askama::filters::Html).unwrap()
    );
    assert!(form.body.contains(&filled), "{filled}\n{}", form.body);
    // A company nobody names is still refused.
    let refused = crate::accounts::check_org(h.dir.path(), Role::Company, Some("co-inconnue"));
    assert!(refused.is_err(), "{refused:?}");
}
