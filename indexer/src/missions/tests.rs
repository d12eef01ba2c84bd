//! Properties checked here, on the sample:
//! 1. a mission created without dates takes the earliest feasible ones; it is stored,
//!    read back after reopening, and books its expert: overlapping dates are refused
//!    for any other need, the next free day is accepted, and `match` moves past them;
//! 2. cancelling frees the booking; the lifecycle and checklist persist;
//! 3. the log is append-only in the database itself;
//! 4. several missions are created all or none;
//! 5. a need or offer named by missions cannot be removed; an erased expert's mission
//!    says so and cannot depart;
//! 6. `batch --commit`'s missions book their people, and a second batch finds the
//!    needs they staff no longer open;
//! 7. `match --offer/--expert` leaves out needs whose places are all taken, until the
//!    mission is cancelled;
//! 8. a workspace written before missions existed (schema 1) gets their tables on open.

use chrono::NaiveDate;
use explor_engine::mission::{Item, State};
use explor_engine::scoring::Gate;

use super::*;
use crate::test_support::sample_workspace;
use crate::{BatchOptions, MatchOptions};
use explor_engine::mission::{DocFormat, DocKind};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn experts(need: &str, ids: &[&str], start: Option<&str>) -> NewMission {
    NewMission {
        need: need.into(),
        staff: StaffRequest::Experts(ids.iter().map(|s| (*s).to_owned()).collect()),
        start: start.map(d),
        days: None,
        payer: None,
        include_pending: false,
        note: None,
    }
}

fn gates(err: Error) -> Vec<Gate> {
    match err {
        Error::User(UserError::Mission(MissionError::Ineligible { failures, .. })) => failures
            .into_iter()
            .flat_map(|(_, g)| g.into_iter().map(|g| g.gate))
            .collect(),
        other => panic!("expected gate failures, got {other}"),
    }
}

const TODAY: &str = "2026-11-27";

#[test]
fn a_mission_books_its_expert() {
    let (dir, mut ws) = sample_workspace();
    let created = ws
        .create_mission(&experts("need-kin-dechets", &["exp-0007"], None), d(TODAY))
        .unwrap();
    let m = &created.mission;
    assert_eq!(m.id, "mis-0001");
    assert_eq!(m.dates.to_string(), "2027-03-01..2027-03-10");
    assert_eq!(m.state(), State::Proposed);

    // Read back after reopening.
    drop(ws);
    let mut ws = Workspace::open(&dir.path().join("ws")).unwrap();
    assert_eq!(ws.missions().unwrap(), vec![m.clone()]);
    assert_eq!(
        ws.bookings().unwrap().experts["exp-0007"],
        vec![m.dates],
        "the mission holds the expert's dates"
    );

    let overlap = experts("need-bj-etat-civil", &["exp-0007"], Some("2027-03-05"));
    assert!(
        gates(ws.create_mission(&overlap, d(TODAY)).unwrap_err()).contains(&Gate::Availability)
    );

    // Matching the same expert elsewhere now proposes dates after the booking.
    let opts = MatchOptions {
        top: 200,
        include_ineligible: false,
        include_pending: false,
    };
    let ranked = ws.match_need("need-bj-etat-civil", opts).unwrap();
    let mine = ranked
        .candidates
        .iter()
        .find(|c| c.id == "exp-0007")
        .expect("still eligible later in the window");
    assert_eq!(mine.start, d("2027-03-11"));

    let next = ws
        .create_mission(
            &experts("need-bj-etat-civil", &["exp-0007"], None),
            d(TODAY),
        )
        .unwrap();
    assert_eq!(next.mission.id, "mis-0002");
    assert_eq!(next.mission.dates.from(), d("2027-03-11"));
}

#[test]
fn cancelling_frees_the_dates_and_the_log_persists() {
    let (dir, mut ws) = sample_workspace();
    ws.create_mission(&experts("need-kin-dechets", &["exp-0007"], None), d(TODAY))
        .unwrap();
    ws.advance_mission("mis-0001", State::TermsDrafted, d(TODAY), None)
        .unwrap();
    ws.record_mission_item(
        "mis-0001",
        Item::Training,
        d(TODAY),
        Some("12 janvier".into()),
    )
    .unwrap();
    let err = ws
        .advance_mission("mis-0001", State::Trained, d("2026-11-01"), None)
        .unwrap_err();
    assert!(
        err.to_string().contains("ne peut pas passer à « formée »"),
        "{err}"
    );
    let m = ws
        .advance_mission(
            "mis-0001",
            State::Cancelled,
            d(TODAY),
            Some("report".into()),
        )
        .unwrap();
    assert_eq!(m.state(), State::Cancelled);
    assert!(ws.bookings().unwrap().experts.is_empty());

    drop(ws);
    let mut ws = Workspace::open(&dir.path().join("ws")).unwrap();
    let m = ws.mission("mis-0001").unwrap();
    assert_eq!(m.events.len(), 4);
    assert_eq!(m.state(), State::Cancelled);
    assert_eq!(m.events[2].note.as_deref(), Some("12 janvier"));
    // Dates free again: a new mission may take them.
    let again = ws
        .create_mission(&experts("need-kin-dechets", &["exp-0007"], None), d(TODAY))
        .unwrap();
    assert_eq!(again.mission.dates, m.dates);
    assert!(matches!(
        ws.mission("mis-0404"),
        Err(Error::User(UserError::NoMission(_)))
    ));
}

#[test]
fn the_log_cannot_be_rewritten_even_in_sql() {
    let (dir, mut ws) = sample_workspace();
    ws.create_mission(&experts("need-kin-dechets", &["exp-0007"], None), d(TODAY))
        .unwrap();
    drop(ws);
    let conn = rusqlite::Connection::open(dir.path().join("ws/explor.sqlite3")).unwrap();
    for sql in [
        "UPDATE mission_events SET body = '{}'",
        "DELETE FROM mission_events",
        "DELETE FROM missions",
        "UPDATE missions SET need = 'x'",
    ] {
        let err = conn.execute(sql, []).unwrap_err().to_string();
        assert!(
            err.contains("never") || err.contains("append-only"),
            "{sql}: {err}"
        );
    }
    let version: String = conn
        .query_row(
            "SELECT value FROM meta WHERE key = 'schema_version'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(version, crate::SCHEMA_VERSION.to_string());
}

#[test]
fn missions_created_together_are_all_or_none() {
    let (_dir, mut ws) = sample_workspace();
    let both = [
        experts("need-kin-dechets", &["exp-0007"], None),
        // Overlaps the first one's dates: fails, so neither is stored.
        experts("need-bj-etat-civil", &["exp-0007"], Some("2027-03-05")),
    ];
    assert!(ws.create_missions(&both, d(TODAY)).is_err());
    assert!(ws.missions().unwrap().is_empty());
}

#[test]
fn removal_respects_missions() {
    let (_dir, mut ws) = sample_workspace();
    ws.create_mission(&experts("need-kin-dechets", &["exp-0007"], None), d(TODAY))
        .unwrap();
    let err = ws.remove("need-kin-dechets", d(TODAY)).unwrap_err();
    assert!(err.to_string().contains("mis-0001"), "{err}");

    ws.remove("exp-0007", d(TODAY)).unwrap();
    let file = ws.mission_file("mis-0001").unwrap();
    assert_eq!(file.experts, vec![("exp-0007".to_owned(), None)]);
    let fiche = ws
        .mission_document("mis-0001", DocKind::Fiche, DocFormat::Markdown)
        .unwrap();
    assert!(!fiche.contains("Hélène"), "no name after erasure");
    let odt = ws
        .mission_document_file("mis-0001", DocKind::Fiche, DocFormat::Odt)
        .unwrap();
    assert!(odt.starts_with(b"PK\x03\x04") && odt[30..38] == *b"mimetype");
    let md = ws
        .mission_document_file("mis-0001", DocKind::Fiche, DocFormat::Markdown)
        .unwrap();
    assert_eq!(md, fiche.as_bytes());
    ws.advance_mission("mis-0001", State::TermsDrafted, d(TODAY), None)
        .unwrap();
    ws.advance_mission("mis-0001", State::Agreed, d(TODAY), None)
        .unwrap();
    ws.record_mission_item("mis-0001", Item::Training, d(TODAY), None)
        .unwrap();
    ws.advance_mission("mis-0001", State::Trained, d(TODAY), None)
        .unwrap();
    ws.record_mission_item("mis-0001", Item::Insurance, d(TODAY), None)
        .unwrap();
    // On its first day (the waste survey starts 2027-03-01).
    let err = ws
        .advance_mission("mis-0001", State::InField, d("2027-03-01"), None)
        .unwrap_err();
    assert!(err.to_string().contains("effacé·e à sa demande"), "{err}");
}

#[test]
fn a_committed_batch_books_its_people_and_closes_its_needs() {
    let (_dir, mut ws) = sample_workspace();
    let options = BatchOptions {
        call: Some("2027-printemps".into()),
        ..BatchOptions::default()
    };
    let first = ws.batch(&options, &|_| {}).unwrap();
    let assigned = first.batch.result.assignments.len();
    assert!(assigned > 0);
    let requests = NewMission::from_assignments(&first.batch.result.assignments, false);
    let created = ws.create_missions(&requests, d(TODAY)).unwrap();
    let people: u32 = created.iter().map(|c| c.mission.staff.people()).sum();
    assert_eq!(people as usize, assigned, "one place per assignment");

    let second = ws.batch(&options, &|_| {}).unwrap();
    let bookings = ws.bookings().unwrap();
    for a in &second.batch.result.assignments {
        let mission_need = created.iter().any(|c| {
            c.mission.need == a.need
                && ws.record(&a.need).is_ok_and(|r| match r {
                    Record::Need(n) => c.mission.staff.people() >= n.experts_wanted,
                    _ => false,
                })
        });
        assert!(!mission_need, "{} is fully staffed and not open", a.need);
        let dates = DateWindow::new(a.start, a.end).unwrap();
        if let Some(busy) = bookings.experts.get(&a.candidate) {
            assert!(
                busy.iter().all(|b| !b.overlaps(&dates)),
                "{} double-booked",
                a.candidate
            );
        }
    }
}

#[test]
fn a_fully_staffed_need_is_no_longer_offered_to_candidates() {
    let (_dir, mut ws) = sample_workspace();
    let opts = MatchOptions {
        top: 100,
        include_ineligible: false,
        include_pending: false,
    };
    // Another candidate for the waste survey than the expert sent: the need leaves its
    // list because it is staffed, not because that person is booked.
    let other = ws.match_need("need-kin-dechets", opts).unwrap().candidates[1]
        .id
        .clone();
    assert_ne!(other, "exp-0007");
    let listed = |ws: &Workspace| -> Vec<String> {
        ws.match_candidate(&other, opts)
            .unwrap()
            .needs
            .into_iter()
            .map(|s| s.id)
            .collect()
    };
    assert!(listed(&ws).contains(&"need-kin-dechets".to_owned()));
    ws.create_mission(&experts("need-kin-dechets", &["exp-0007"], None), d(TODAY))
        .unwrap();
    assert!(!listed(&ws).contains(&"need-kin-dechets".to_owned()));
    assert_eq!(
        ws.staffed_needs().unwrap()["need-kin-dechets"],
        (1, vec!["mis-0001".to_owned()])
    );
    ws.advance_mission("mis-0001", State::Cancelled, d(TODAY), None)
        .unwrap();
    assert!(
        listed(&ws).contains(&"need-kin-dechets".to_owned()),
        "open again"
    );
}

#[test]
fn a_version_1_workspace_gets_the_mission_tables_on_open() {
    let (dir, ws) = sample_workspace();
    drop(ws);
    let db = dir.path().join("ws/explor.sqlite3");
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.execute_batch(
            "DROP TABLE mission_events; DROP TABLE missions;
             UPDATE meta SET value = '1' WHERE key = 'schema_version';",
        )
        .unwrap();
    }
    let mut ws = Workspace::open(&dir.path().join("ws")).unwrap();
    assert!(ws.missions().unwrap().is_empty());
    ws.create_mission(&experts("need-kin-dechets", &["exp-0007"], None), d(TODAY))
        .unwrap();
    let conn = rusqlite::Connection::open(&db).unwrap();
    let version: String = conn
        .query_row(
            "SELECT value FROM meta WHERE key = 'schema_version'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(version, crate::SCHEMA_VERSION.to_string());
}
