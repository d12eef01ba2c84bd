//! The expert's own space (issue #15): their profile in the form of their CSV row,
//! held to the import's rules, written through the import; the employer's consent
//! shown, not editable; the debrief sent once back from a mission (recorded, shown to
//! the coordinators, told to them), refused for a mission they are not on; nobody else
//! reaches any of it.

use axum::http::StatusCode;
use explor_engine::Record;

use super::client::{Client, Harness, sample_record};
use super::needs::first_candidate;
use crate::store::Role;

const EXPERT: &str = "exp-0007";

async fn expert(h: &Harness, id: &str) -> Client {
    let mut c = h
        .signed_in(&format!("{id}@example.org"), Role::Expert, Some(id))
        .await;
    let page = c.get("/mon-espace/profil").await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    c
}

/// The profile form's fields as sent by the page (its values as they are).
fn fields_of(h: &Harness, id: &str) -> Vec<(String, String)> {
    let Record::Expert(e) = h.workspace().record(id).unwrap() else {
        panic!()
    };
    let value = serde_json::to_value(&*e).unwrap();
    crate::forms::values_of(explor_engine::RecordKind::Expert, &value)
        .into_iter()
        .filter(|(k, _)| crate::forms::EXPERT_FIELDS.iter().any(|f| f.0 == k))
        .collect()
}

fn with(fields: &[(String, String)], column: &str, value: &str) -> Vec<(String, String)> {
    let mut out: Vec<_> = fields
        .iter()
        .filter(|(k, _)| k != column)
        .cloned()
        .collect();
    out.push((column.to_owned(), value.to_owned()));
    out
}

fn refs(fields: &[(String, String)]) -> Vec<(&str, &str)> {
    fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect()
}

#[tokio::test]
async fn an_expert_updates_their_availability_through_the_import_rules() {
    let h = Harness::new();
    let mut c = expert(&h, EXPERT).await;
    let page = c.get("/mon-espace/profil").await;
    assert!(page.body.contains("Accord de l’employeur"), "{}", page.body);
    let before = h.workspace().record(EXPERT).unwrap();

    // A reversed window is refused at its field; nothing changes.
    let bad = with(
        &fields_of(&h, EXPERT),
        "availability",
        "2027-05-31..2027-03-01",
    );
    let r = c.post("/mon-espace/profil", &refs(&bad)).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(
        r.body.contains(r#"id="champ-availability-erreur""#),
        "{}",
        r.body
    );
    assert_eq!(h.workspace().record(EXPERT).unwrap(), before);

    let good = with(
        &fields_of(&h, EXPERT),
        "availability",
        "2027-03-01..2027-05-31; 2027-10-01..2027-11-30",
    );
    let r = c.post("/mon-espace/profil", &refs(&good)).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let Record::Expert(after) = h.workspace().record(EXPERT).unwrap() else {
        panic!()
    };
    assert_eq!(after.availability.len(), 2);
    let Record::Expert(was) = before else {
        panic!()
    };
    assert_eq!(
        after.consent, was.consent,
        "the employer's consent is not theirs to change"
    );
    assert_eq!(after.employer, was.employer);
    let saved = c.get(r.location()).await;
    assert!(saved.body.contains("Profil enregistré"), "{}", saved.body);
}

#[tokio::test]
async fn nobody_else_reaches_an_experts_space_and_a_debrief_needs_a_returned_mission_of_theirs() {
    let h = Harness::new();
    for (email, role, org) in [
        ("eau@example.org", Role::Association, "asso-eau-vive"),
        ("rh@elec-sud.fr", Role::Company, "co-elec-sud"),
    ] {
        let mut c = h.signed_in(email, role, Some(org)).await;
        assert_eq!(
            c.get("/mon-espace/profil").await.status,
            StatusCode::NOT_FOUND
        );
    }
    // A proposed mission: its expert cannot send a debrief yet; another expert gets 404.
    let mut coord = h.coordinator().await;
    coord.get("/besoins/need-kin-dechets").await;
    let on = first_candidate(&h);
    let r = coord
        .post("/besoins/need-kin-dechets/proposer", &[("candidat", &on)])
        .await;
    let mission = r.location().rsplit('/').next().unwrap().to_owned();
    let path = format!("/mon-espace/missions/{mission}/bilan");
    let mut theirs = expert(&h, &on).await;
    let r = theirs
        .post(&path, &[("bilan", "Tout s’est bien passé.")])
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    let other = if on == "exp-0001" {
        "exp-0002"
    } else {
        "exp-0001"
    };
    let mut stranger = expert(&h, other).await;
    let r = stranger
        .post(&path, &[("bilan", "Je n’y étais pas.")])
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND, "{}", r.body);
    assert!(
        !h.workspace()
            .mission(&mission)
            .unwrap()
            .has(explor_engine::mission::Item::Debrief)
    );
}

/// A mission of `EXPERT` that ended in October 2026 (before any day these tests run),
/// brought to `returned` through its lifecycle: the need and the expert's dates moved
/// to 2026 for it.
fn returned_mission(h: &Harness) -> String {
    use chrono::NaiveDate;
    use explor_engine::mission::{Item, State};
    use explor_indexer::{NewMission, StaffRequest};

    let mut need = sample_record("needs.json", "need-kin-dechets");
    need["window"] = serde_json::json!({"from": "2026-09-01", "to": "2026-10-31"});
    let mut expert = sample_record("experts.json", EXPERT);
    expert["availability"] = serde_json::json!([{"from": "2026-09-01", "to": "2026-10-31"}]);
    expert["consent"]["valid_from"] = "2026-01-01".into();
    h.import_records("needs.json", &[need]);
    h.import_records("experts.json", &[expert]);
    let mut ws = h.workspace();
    let day = |m: u32, d: u32| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
    let created = ws
        .create_mission(
            &NewMission {
                need: "need-kin-dechets".into(),
                staff: StaffRequest::Experts(vec![EXPERT.into()]),
                start: Some(day(9, 14)),
                days: None,
                payer: None,
                include_pending: false,
                note: None,
            },
            day(7, 1),
        )
        .unwrap();
    let id = created.mission.id;
    // Each step: the state reached, or the checklist item recorded, and its day.
    let steps = [
        (Some(State::TermsDrafted), None, day(7, 2)),
        (Some(State::Agreed), None, day(7, 10)),
        (None, Some(Item::Training), day(8, 1)),
        (Some(State::Trained), None, day(8, 1)),
        (None, Some(Item::Insurance), day(8, 2)),
        (Some(State::InField), None, day(9, 13)),
        (Some(State::Returned), None, day(9, 23)),
    ];
    for (state, item, on) in steps {
        match (state, item) {
            (Some(state), _) => ws.advance_mission(&id, state, on, None).unwrap(),
            (None, Some(item)) => ws.record_mission_item(&id, item, on, None).unwrap(),
            (None, None) => unreachable!("a step names a state or an item"),
        };
    }
    id
}

#[tokio::test]
async fn back_from_a_mission_the_expert_sends_the_debrief_and_the_coordinator_reads_it() {
    let h = Harness::new();
    let mission = returned_mission(&h);
    let mut coord = h.coordinator().await;
    let mut theirs = expert(&h, EXPERT).await;
    let page = theirs.get("/mon-espace/propositions").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body
            .contains(&format!("action=\"/mon-espace/missions/{mission}/bilan\"")),
        "the debrief form is offered once back"
    );
    let text = "Diagnostic fait avec 12 récupérateurs ; reste à chiffrer le centre de tri.";
    let r = theirs
        .post(
            &format!("/mon-espace/missions/{mission}/bilan"),
            &[("bilan", text)],
        )
        .await;
    assert!(r.status.is_redirection(), "{}: {}", r.status, r.body);
    let stored = h.workspace().mission(&mission).unwrap();
    assert!(stored.has(explor_engine::mission::Item::Debrief));
    assert!(
        stored
            .events
            .iter()
            .any(|e| e.note.as_deref() == Some(text)),
        "the debrief's text is on the mission's log"
    );
    // The coordinator reads it on the mission's page and is told.
    let shown = coord.get(&format!("/missions/{mission}")).await;
    assert!(
        shown.body.contains("Diagnostic fait avec 12 récupérateurs"),
        "{}",
        shown.body
    );
    let told = coord.get("/notifications").await;
    assert!(told.body.contains(&mission), "{}", told.body);
    // A second debrief for the same mission is not recorded twice.
    let again = theirs
        .post(
            &format!("/mon-espace/missions/{mission}/bilan"),
            &[("bilan", "Encore un bilan.")],
        )
        .await;
    assert_ne!(again.status, StatusCode::OK);
    let debriefs = h
        .workspace()
        .mission(&mission)
        .unwrap()
        .events
        .iter()
        .filter(|e| e.note.as_deref() == Some("Encore un bilan."))
        .count();
    assert_eq!(debriefs, 0);
}
