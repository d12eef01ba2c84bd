//! Properties checked here:
//! 1. the lifecycle runs `proposed → … → closed` when every prerequisite is recorded;
//! 2. every move the lifecycle does not allow is rejected, naming what is allowed;
//!    `cancelled` is reachable from every state before `in_field` and frees the booking;
//! 3. prerequisites: training before `trained`, training, insurance and a valid
//!    consent before `in_field` (an erased expert cannot depart), the debrief before
//!    `debriefed`; checklist items once each, the debrief only after return;
//! 4. the log is append-only and dated in order;
//! 5. staffing is checked with the gates on the chosen dates: window, days, bookings
//!    (overlap rejected, adjacent accepted), consent validity, the need's places left,
//!    an offer's headcount;
//! 6. a mission's cost input comes from its need, dates, people and payer.

use chrono::NaiveDate;
use serde_json::json;

use super::*;
use crate::cost::{CostRules, RemainderPayer, plan};
use crate::reference::Reference;
use crate::scoring::tests::{Fixture, d, expert, need, offer};
use crate::scoring::{Gate, Subject};
use crate::values::DateWindow;

fn dates(from: &str, days: u32) -> DateWindow {
    DateWindow::starting(d(from), days)
}

fn mission(staff: Staff) -> Mission {
    Mission::new(
        "mis-0001".into(),
        "need-kin".into(),
        staff,
        dates("2027-03-10", 10),
        RemainderPayer::Association,
        d("2027-01-05"),
        None,
    )
}

fn with_expert() -> Mission {
    mission(Staff::Experts {
        experts: vec!["exp-1".into()],
    })
}

/// Appends an event the engine allowed, as the store would.
fn push(m: &mut Mission, event: Result<Event, MissionError>) {
    m.events.push(event.expect("allowed"));
}

/// Asks the mission for an event and appends it.
fn step(m: &mut Mission, ask: impl FnOnce(&Mission) -> Result<Event, MissionError>) {
    let event = ask(m);
    push(m, event);
}

fn day(n: u32) -> NaiveDate {
    d("2027-01-05") + chrono::Duration::days(i64::from(n))
}

#[test]
fn a_mission_runs_its_whole_course_when_prerequisites_are_recorded() {
    let e = expert(json!({}));
    let people = [("exp-1", Some(&e))];
    let mut m = with_expert();
    assert_eq!(m.state(), State::Proposed);
    step(&mut m, |m| {
        m.advance(State::TermsDrafted, day(1), None, &people)
    });
    step(&mut m, |m| m.advance(State::Agreed, day(2), None, &people));
    step(&mut m, |m| {
        m.record(Item::Training, day(3), Some("Session du 12".into()))
    });
    step(&mut m, |m| m.advance(State::Trained, day(3), None, &people));
    step(&mut m, |m| m.record(Item::Insurance, day(4), None));
    step(&mut m, |m| {
        m.advance(State::InField, day(64), None, &people)
    });
    step(&mut m, |m| {
        m.advance(State::Returned, day(74), None, &people)
    });
    step(&mut m, |m| m.record(Item::Debrief, day(80), None));
    step(&mut m, |m| {
        m.advance(State::Debriefed, day(80), None, &people)
    });
    step(&mut m, |m| {
        m.advance(State::Closed, day(85), Some("Soldé".into()), &people)
    });
    assert_eq!(m.state(), State::Closed);
    assert!(m.books(), "a closed mission still took the expert's dates");
    let seqs: Vec<u32> = m.events.iter().map(|e| e.seq).collect();
    assert_eq!(seqs, (1..=11).collect::<Vec<_>>());
    assert_eq!(m.checklist()[0], (Item::Training, Some(day(3))));
    assert_eq!(
        m.advance(State::Cancelled, day(86), None, &people),
        Err(MissionError::IllegalTransition {
            id: "mis-0001".into(),
            from: State::Closed,
            to: State::Cancelled,
            allowed: vec![],
        })
    );
}

/// A mission brought to `state` through the normal course, prerequisites recorded.
fn at(state: State) -> Mission {
    let e = expert(json!({}));
    let people = [("exp-1", Some(&e))];
    let mut m = with_expert();
    if state == State::Cancelled {
        step(&mut m, |m| {
            m.advance(State::Cancelled, day(1), None, &people)
        });
        return m;
    }
    let mut n = 1;
    while m.state() != state {
        let next = m.state().next().unwrap();
        let item = match next {
            State::Trained => Some(Item::Training),
            State::InField => Some(Item::Insurance),
            State::Debriefed => Some(Item::Debrief),
            _ => None,
        };
        // Before departure, days in January; from departure on, days of the mission.
        let on = if next >= State::InField {
            m.dates.from() + chrono::Duration::days(i64::from(n))
        } else {
            day(n)
        };
        if let Some(item) = item {
            step(&mut m, |m| m.record(item, on, None));
        }
        step(&mut m, |m| m.advance(next, on, None, &people));
        n += 1;
    }
    m
}

#[test]
fn every_move_outside_the_lifecycle_is_rejected() {
    let e = expert(json!({}));
    let people = [("exp-1", Some(&e))];
    let mut rejected = 0;
    for from in State::ALL {
        let m = at(from);
        assert_eq!(m.state(), from);
        for to in State::ALL {
            let allowed =
                from.next() == Some(to) || (to == State::Cancelled && from < State::InField);
            let got = m.advance(to, day(40), None, &people);
            if allowed {
                // Allowed by the lifecycle; at most a prerequisite may still be missing.
                assert!(
                    !matches!(got, Err(MissionError::IllegalTransition { .. })),
                    "{from} → {to}: {got:?}"
                );
            } else {
                rejected += 1;
                let Err(MissionError::IllegalTransition { allowed, .. }) = &got else {
                    panic!("{from} → {to} should be illegal: {got:?}");
                };
                assert_eq!(*allowed, from.allowed());
                let text = got.unwrap_err().to_string();
                assert!(
                    text.contains(from.label_fr()) && text.contains(to.label_fr()),
                    "{text}"
                );
            }
        }
    }
    // 81 moves, of which 7 forward steps and 4 cancellations are allowed.
    assert_eq!(rejected, 81 - 7 - 4);
}

#[test]
fn cancelling_before_departure_frees_the_booking() {
    for from in [
        State::Proposed,
        State::TermsDrafted,
        State::Agreed,
        State::Trained,
    ] {
        let m = at(from);
        let mut m2 = m.clone();
        push(
            &mut m2,
            m.advance(
                State::Cancelled,
                day(40),
                Some("Partenaire indisponible".into()),
                &[],
            ),
        );
        assert!(!m2.books(), "cancelled from {from}");
        assert!(m2.state().is_final());
    }
    let in_field = at(State::InField);
    assert!(matches!(
        in_field.advance(State::Cancelled, day(40), None, &[]),
        Err(MissionError::IllegalTransition { .. })
    ));
}

#[test]
fn trained_needs_the_training_and_in_field_the_insurance() {
    let e = expert(json!({}));
    let people = [("exp-1", Some(&e))];
    let m = at(State::Agreed);
    let Err(MissionError::Prerequisites { missing, .. }) =
        m.advance(State::Trained, day(40), None, &people)
    else {
        panic!("training missing")
    };
    assert_eq!(missing.len(), 1);
    assert!(missing[0].contains("formation"), "{missing:?}");

    let mut m = at(State::Agreed);
    step(&mut m, |m| m.record(Item::Training, day(40), None));
    step(&mut m, |m| {
        m.advance(State::Trained, day(40), None, &people)
    });
    let err = m
        .advance(State::InField, day(64), None, &people)
        .unwrap_err();
    assert!(err.to_string().contains("assurance"), "{err}");
    assert!(
        err.to_string()
            .contains("mission record mis-0001 insurance"),
        "{err}"
    );
}

#[test]
fn departure_rechecks_consent_and_refuses_an_erased_expert() {
    let mut m = at(State::Trained);
    step(&mut m, |m| m.record(Item::Insurance, day(40), None));
    let expiring = expert(
        json!({"consent": {"scheme": "mise_a_disposition", "status": "granted",
        "valid_from": "2027-01-01", "valid_to": "2027-03-15"}}),
    );
    let pending = expert(json!({"consent": {"scheme": "mise_a_disposition", "status": "pending"}}));
    let retired = expert(json!({"status": "retired", "employer": null, "consent": null}));
    for (who, ok, words) in [
        (Some(&expiring), false, "ne couvre pas"),
        (Some(&pending), false, "en attente"),
        (Some(&retired), true, ""),
        (None, false, "effacé·e"),
    ] {
        let got = m.advance(State::InField, day(63), None, &[("exp-1", who)]);
        match got {
            Ok(_) => assert!(ok),
            Err(MissionError::Prerequisites { missing, .. }) => {
                assert!(!ok);
                assert!(missing.iter().any(|s| s.contains(words)), "{missing:?}");
            }
            Err(other) => panic!("{other}"),
        }
    }
}

#[test]
fn checklist_items_are_recorded_once_and_the_debrief_after_return() {
    let m = at(State::Agreed);
    assert!(matches!(
        m.record(Item::Debrief, day(80), None),
        Err(MissionError::TooEarly {
            after: State::Returned,
            ..
        })
    ));
    let mut m = at(State::Returned);
    let training_day = m.checklist()[0].1.unwrap();
    assert_eq!(
        m.record(Item::Training, day(80), None),
        Err(MissionError::AlreadyRecorded {
            id: "mis-0001".into(),
            item: Item::Training,
            on: training_day
        })
    );
    let e = expert(json!({}));
    assert!(matches!(
        m.advance(State::Debriefed, day(80), None, &[("exp-1", Some(&e))]),
        Err(MissionError::Prerequisites { .. })
    ));
    step(&mut m, |m| m.record(Item::Debrief, day(80), None));
    assert!(m.advance(State::Debriefed, day(80), None, &[]).is_ok());
    let closed = at(State::Closed);
    assert!(matches!(
        closed.record(Item::Insurance, day(90), None),
        Err(MissionError::Finished {
            state: State::Closed,
            ..
        })
    ));
}

#[test]
fn events_cannot_be_dated_before_the_last_one() {
    let m = at(State::Agreed);
    let last = m.events.last().unwrap().on;
    let err = m
        .advance(
            State::Cancelled,
            last - chrono::Duration::days(1),
            None,
            &[],
        )
        .unwrap_err();
    assert!(matches!(err, MissionError::BeforeLastEvent { .. }), "{err}");
    assert!(
        m.advance(State::Cancelled, last, None, &[]).is_ok(),
        "same day is fine"
    );
}

#[test]
fn departure_and_return_are_dated_by_the_missions_own_dates() {
    // The mission runs 2027-03-10 for 10 days.
    let mut trained = at(State::Trained);
    step(&mut trained, |m| {
        m.record(Item::Insurance, d("2027-01-20"), None)
    });
    let e = expert(json!({}));
    let people = [("exp-1", Some(&e))];
    let months_early = trained.advance(State::InField, d("2027-01-20"), None, &people);
    let Err(MissionError::OutsideDates {
        earliest, latest, ..
    }) = months_early
    else {
        panic!("a departure two months early is refused: {months_early:?}");
    };
    assert_eq!(
        earliest,
        Some(d("2027-03-08")),
        "the journey: two days before"
    );
    assert_eq!(latest, Some(d("2027-03-19")));
    let err = trained
        .advance(State::InField, d("2027-03-20"), None, &people)
        .unwrap_err();
    assert!(
        err.to_string().contains("du 08/03/2027 au 19/03/2027"),
        "{err}"
    );
    for on in ["2027-03-08", "2027-03-10", "2027-03-19"] {
        assert!(
            trained
                .advance(State::InField, d(on), None, &people)
                .is_ok(),
            "{on}"
        );
    }

    let mut gone = trained.clone();
    step(&mut gone, |m| {
        m.advance(State::InField, d("2027-03-08"), None, &people)
    });
    let early = gone.advance(State::Returned, d("2027-03-09"), None, &people);
    assert!(
        matches!(early, Err(MissionError::OutsideDates { .. })),
        "back before the first day: {early:?}"
    );
    assert!(
        gone.advance(State::Returned, d("2027-03-12"), None, &people)
            .is_ok(),
        "cut short"
    );
    assert!(
        gone.advance(State::Returned, d("2027-04-30"), None, &people)
            .is_ok(),
        "late"
    );
}

#[test]
fn states_and_items_parse_from_their_names() {
    for s in State::ALL {
        assert_eq!(s.as_str().parse::<State>(), Ok(s));
    }
    for i in Item::ALL {
        assert_eq!(i.as_str().parse::<Item>(), Ok(i));
    }
    assert!("infield".parse::<State>().unwrap_err().contains("in_field"));
    assert!("visa".parse::<Item>().is_err());
    let json = serde_json::to_value(at(State::Agreed)).unwrap();
    assert_eq!(json["events"][1]["type"], "advanced");
    assert_eq!(json["events"][1]["to"], "terms_drafted");
    assert_eq!(json["staff"]["kind"], "experts");
}

fn staffing<'a>(
    n: &'a crate::model::Need,
    subjects: Vec<Subject<'a>>,
    from: &str,
    days: u32,
) -> Staffing<'a> {
    Staffing {
        need: n,
        subjects,
        dates: dates(from, days),
        existing: vec![],
    }
}

fn failed_gates(err: MissionError) -> Vec<Gate> {
    match err {
        MissionError::Ineligible { failures, .. } => failures
            .into_iter()
            .flat_map(|(_, g)| g.into_iter().map(|g| g.gate))
            .collect(),
        other => panic!("expected gate failures, got {other}"),
    }
}

#[test]
fn staffing_checks_window_days_and_duplicates() {
    let f = Fixture::new();
    let n = need(json!({}));
    let e = expert(json!({}));
    let ok = staffing(&n, vec![Subject::Expert(&e)], "2027-03-10", 10);
    assert!(check_staffing(&f.scorer(), &ok).is_ok());
    // Shorter than the need's duration is fine if 7–15 days.
    assert!(
        check_staffing(
            &f.scorer(),
            &staffing(&n, vec![Subject::Expert(&e)], "2027-03-10", 7)
        )
        .is_ok()
    );
    let short = staffing(&n, vec![Subject::Expert(&e)], "2027-03-10", 6);
    assert!(matches!(
        check_staffing(&f.scorer(), &short),
        Err(MissionError::Days { days: 6, .. })
    ));
    let late = staffing(&n, vec![Subject::Expert(&e)], "2027-05-25", 10);
    assert!(matches!(
        check_staffing(&f.scorer(), &late),
        Err(MissionError::OutsideWindow { .. })
    ));
    let twice = staffing(
        &n,
        vec![Subject::Expert(&e), Subject::Expert(&e)],
        "2027-03-10",
        10,
    );
    assert_eq!(
        check_staffing(&f.scorer(), &twice),
        Err(MissionError::DuplicateExpert("exp-1".into()))
    );
    assert_eq!(
        check_staffing(&f.scorer(), &staffing(&n, vec![], "2027-03-10", 10)),
        Err(MissionError::NoExpert)
    );
}

#[test]
fn a_booked_expert_is_refused_on_overlapping_dates_and_accepted_next_to_them() {
    let mut f = Fixture::new();
    f.bookings
        .experts
        .insert("exp-1".into(), vec![dates("2027-03-10", 10)]);
    let n = need(json!({}));
    let e = expert(json!({}));
    let overlap = staffing(&n, vec![Subject::Expert(&e)], "2027-03-19", 10);
    assert_eq!(
        failed_gates(check_staffing(&f.scorer(), &overlap).unwrap_err()),
        [Gate::Availability]
    );
    let next = staffing(&n, vec![Subject::Expert(&e)], "2027-03-20", 10);
    assert!(check_staffing(&f.scorer(), &next).is_ok());
}

#[test]
fn consent_must_cover_the_chosen_dates() {
    let f = Fixture::new();
    let n = need(json!({}));
    let e = expert(
        json!({"consent": {"scheme": "mise_a_disposition", "status": "granted",
        "valid_from": "2027-01-01", "valid_to": "2027-03-15"}}),
    );
    let across = staffing(&n, vec![Subject::Expert(&e)], "2027-03-10", 10);
    assert_eq!(
        failed_gates(check_staffing(&f.scorer(), &across).unwrap_err()),
        [Gate::Consent]
    );
    let before = staffing(&n, vec![Subject::Expert(&e)], "2027-03-06", 10);
    assert!(
        check_staffing(&f.scorer(), &before).is_ok(),
        "ends on the last valid day"
    );
}

#[test]
fn a_need_takes_no_more_people_than_it_wants() {
    let f = Fixture::new();
    let n = need(json!({"experts_wanted": 2}));
    let a = expert(json!({}));
    let b = expert(json!({"id": "exp-2"}));
    let c = expert(json!({"id": "exp-3"}));
    let mut s = staffing(
        &n,
        vec![Subject::Expert(&a), Subject::Expert(&b)],
        "2027-03-10",
        10,
    );
    assert!(check_staffing(&f.scorer(), &s).is_ok());
    s.existing = vec![("mis-0001".into(), 1)];
    let err = check_staffing(&f.scorer(), &s).unwrap_err();
    assert_eq!(
        err,
        MissionError::NeedStaffed {
            need: "need-kin".into(),
            wanted: 2,
            already: 1,
            by: vec!["mis-0001".into()],
            left: 1,
            asked: 2
        }
    );
    assert!(err.to_string().contains("au plus 1 de plus"), "{err}");
    s.subjects = vec![Subject::Expert(&c)];
    assert!(check_staffing(&f.scorer(), &s).is_ok());
}

#[test]
fn an_offer_staffs_one_place_within_its_headcount() {
    let mut f = Fixture::new();
    let n =
        need(json!({"country": "SN", "city": "Dakar", "theme": "energie", "experts_wanted": 3}));
    let o = offer(json!({}));
    let mut s = staffing(&n, vec![Subject::Offer(&o)], "2027-03-10", 10);
    s.existing = vec![("mis-0001".into(), 1)];
    assert_eq!(s.people(), 1);
    assert!(check_staffing(&f.scorer(), &s).is_ok());
    f.bookings.offers_used.insert("off-elec".into(), 2);
    assert_eq!(
        failed_gates(check_staffing(&f.scorer(), &s).unwrap_err()),
        [Gate::Headcount]
    );
}

#[test]
fn the_cost_input_follows_the_need_and_the_mission() {
    let n = need(
        json!({"local_partner": {"name": "Kin Propre", "provides_lodging": true,
        "provides_field_transport": true, "meals_provided_per_day": 1}}),
    );
    let company = json!({"id": "co-elec", "name": "Élec Sud", "kind": "company"});
    let a = expert(
        json!({"daily_cost_eur": 300, "status": "employee", "employer": company,
        "consent": {"scheme": "mecenat_competences", "status": "granted"}}),
    );
    let b = expert(
        json!({"id": "exp-2", "daily_cost_eur": 301.01, "status": "employee",
        "employer": company, "consent": {"scheme": "mecenat_competences", "status": "granted"}}),
    );
    // A local authority's agent: lent, not given — no working time in the estimate.
    let agent = expert(json!({"id": "exp-3", "daily_cost_eur": 900}));
    assert_eq!(
        cost_input(&n, &with_expert(), &[&agent], None).daily_cost,
        None
    );
    let mut m = mission(Staff::Experts {
        experts: vec!["exp-1".into(), "exp-2".into()],
    });
    m.payer = RemainderPayer::Employer;
    let input = cost_input(&n, &m, &[&a, &b], None);
    assert_eq!(input.days, 10);
    assert_eq!(input.experts, 2);
    assert!(input.lodging_provided && input.field_transport_provided);
    assert_eq!(input.meals_provided_per_day, 1);
    assert_eq!(input.payer, RemainderPayer::Employer);
    assert_eq!(
        input.daily_cost.unwrap().cents(),
        30_051,
        "mean rounded half up"
    );
    assert!(!input.reciprocity && input.expert_origin.is_none());
    let p = plan(CostRules::embedded(), &Reference::embedded(), &input).unwrap();
    assert_eq!(
        p.network_share.cents(),
        140_000,
        "two experts share one cap"
    );

    let r = need(
        json!({"kind": "reciprocity", "country": "FR", "city": "Toulouse",
        "window": {"from": "2027-03-01", "to": "2027-05-31"}}),
    );
    let abroad = expert(json!({"home": {"country": "SN"}, "status": "independent",
        "employer": null, "consent": null}));
    let input = cost_input(&r, &with_expert(), &[&abroad], None);
    assert!(input.reciprocity);
    assert_eq!(
        input.expert_origin.map(|c| c.to_string()).as_deref(),
        Some("SN")
    );
}
