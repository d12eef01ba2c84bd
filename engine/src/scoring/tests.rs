//! Properties checked here:
//! 1. each gate at its edges: consent expiring mid-window, availability exactly
//!    `duration_days` long, B1 against B2 required, reciprocity origin, bookings,
//!    region flag and strict mode, travel advice, offer headcount and countries;
//! 2. every failing gate is reported, not only the first;
//! 3. criteria follow their definitions and the contributions add up to the score;
//! 4. ranking is by score then id, and a candidate's score does not depend on the others.

use chrono::NaiveDate;
use serde_json::json;

use super::*;
use crate::model::{Record, RecordKind};
use crate::schema::check_record;
use crate::values::DateWindow;

pub(crate) fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

pub(crate) fn expert(patch: serde_json::Value) -> Expert {
    let mut v = json!({
      "id": "exp-1", "name": "Hélène Bousquet",
      "home": {"country": "FR", "department": "31", "city": "Muret"},
      "status": "public_agent",
      "employer": {"id": "ca-muretain", "name": "Le Muretain Agglo", "kind": "local_authority"},
      "consent": {"scheme": "mise_a_disposition", "status": "granted",
                  "valid_from": "2027-01-01", "valid_to": "2027-12-31"},
      "themes": ["dechets"], "skills": ["diagnostic déchets", "caractérisation"],
      "languages": [{"code": "fr", "level": "C2"}, {"code": "ln", "level": "A2"}],
      "countries": ["CD"],
      "availability": [{"from": "2027-03-01", "to": "2027-05-31"}],
      "max_mission_days": 15, "missions_done": 1
    });
    merge(&mut v, patch);
    let Record::Expert(e) = check_record(RecordKind::Expert, &v, &Reference::embedded()).unwrap()
    else {
        unreachable!()
    };
    *e
}

pub(crate) fn need(patch: serde_json::Value) -> Need {
    let mut v = json!({
      "id": "need-kin", "association": "asso", "kind": "standard",
      "title": "Diagnostic déchets à Kinshasa", "description": "Typologie des déchets.",
      "theme": "dechets", "skills": ["diagnostic déchets", "valorisation"],
      "country": "CD", "city": "Kinshasa",
      "languages": [{"code": "fr", "level": "B2"}],
      "preferred_languages": [{"code": "ln", "level": "A2"}],
      "window": {"from": "2027-03-01", "to": "2027-05-31"}, "duration_days": 10
    });
    merge(&mut v, patch);
    let Record::Need(n) = check_record(RecordKind::Need, &v, &Reference::embedded()).unwrap()
    else {
        unreachable!()
    };
    *n
}

pub(crate) fn offer(patch: serde_json::Value) -> Offer {
    let mut v = json!({
      "id": "off-elec", "company": {"id": "co-elec", "name": "Élec Sud"},
      "title": "Électrification rurale solaire", "themes": ["energie"],
      "skills": ["photovoltaïque"], "languages": [{"code": "fr", "level": "C2"}],
      "headcount": 2, "window": {"from": "2027-02-01", "to": "2027-06-30"}, "max_mission_days": 12
    });
    merge(&mut v, patch);
    let Record::Offer(o) = check_record(RecordKind::Offer, &v, &Reference::embedded()).unwrap()
    else {
        unreachable!()
    };
    *o
}

fn merge(base: &mut serde_json::Value, patch: serde_json::Value) {
    if let (Some(b), serde_json::Value::Object(p)) = (base.as_object_mut(), patch) {
        for (k, v) in p {
            if v.is_null() {
                b.remove(&k);
            } else {
                b.insert(k, v);
            }
        }
    }
}

pub(crate) struct Fixture {
    pub(crate) config: ScoringConfig,
    pub(crate) bookings: Bookings,
    pub(crate) history: History,
}

impl Fixture {
    pub(crate) fn new() -> Self {
        Self {
            config: ScoringConfig::embedded(),
            bookings: Bookings::default(),
            history: History::default(),
        }
    }
    pub(crate) fn scorer(&self) -> Scorer<'_> {
        Scorer {
            reference: Reference::embedded(),
            config: &self.config,
            bookings: &self.bookings,
            history: &self.history,
        }
    }
}

fn gates_failed(eval: &Evaluation) -> Vec<Gate> {
    match eval {
        Evaluation::Eligible(_) => vec![],
        Evaluation::Excluded(x) => x.reasons.iter().map(|r| r.gate).collect(),
    }
}

fn eligible(eval: Evaluation) -> Scored {
    match eval {
        Evaluation::Eligible(s) => s,
        Evaluation::Excluded(x) => panic!("excluded: {:?}", x.reasons),
    }
}

#[test]
fn the_worked_example_is_eligible_with_the_earliest_dates() {
    let f = Fixture::new();
    let s = eligible(f.scorer().evaluate(
        &need(json!({})),
        Subject::Expert(&expert(json!({}))),
        5.0,
    ));
    assert_eq!((s.start, s.end), (d("2027-03-01"), d("2027-03-10")));
    // Kinshasa is fine, but eastern Congo is red: a flag, not an exclusion.
    assert_eq!(
        s.flags.iter().map(|f| f.gate).collect::<Vec<_>>(),
        vec![Gate::TravelAdvice]
    );
    let sum: f64 = s.criteria.iter().map(|c| c.contribution).sum();
    assert!((sum - s.score).abs() < 0.01, "{sum} vs {}", s.score);
}

#[test]
fn consent_expiring_mid_window() {
    let f = Fixture::new();
    let n = need(json!({}));
    // Valid until 03-09: no 10-day run fits; until 03-10: exactly one does.
    let short = expert(
        json!({"consent": {"scheme": "mise_a_disposition", "status": "granted", "valid_to": "2027-03-09"}}),
    );
    let eval = f.scorer().evaluate(&n, Subject::Expert(&short), 0.0);
    assert_eq!(gates_failed(&eval), vec![Gate::Consent]);
    let just = expert(
        json!({"consent": {"scheme": "mise_a_disposition", "status": "granted", "valid_to": "2027-03-10"}}),
    );
    let s = eligible(f.scorer().evaluate(&n, Subject::Expert(&just), 0.0));
    assert_eq!(s.end, d("2027-03-10"));
    // Starting mid-window pushes the dates after the start of validity.
    let late = expert(
        json!({"consent": {"scheme": "mise_a_disposition", "status": "granted", "valid_from": "2027-05-10"}}),
    );
    let s = eligible(f.scorer().evaluate(&n, Subject::Expert(&late), 0.0));
    assert_eq!((s.start, s.end), (d("2027-05-10"), d("2027-05-19")));
}

#[test]
fn consent_status_by_expert_status() {
    let mut f = Fixture::new();
    let n = need(json!({}));
    let pending = expert(json!({"consent": {"scheme": "mise_a_disposition", "status": "pending"}}));
    assert_eq!(
        gates_failed(&f.scorer().evaluate(&n, Subject::Expert(&pending), 0.0)),
        vec![Gate::Consent]
    );
    f.config.include_pending = true;
    let s = eligible(f.scorer().evaluate(&n, Subject::Expert(&pending), 0.0));
    assert_eq!(s.flags[0].gate, Gate::Consent);
    let not_req = expert(json!({"consent": {"scheme": "none", "status": "not_required"}}));
    assert_eq!(
        gates_failed(&f.scorer().evaluate(&n, Subject::Expert(&not_req), 0.0)),
        vec![Gate::Consent]
    );
    let retired = expert(json!({"status": "retired", "employer": null, "consent": null}));
    eligible(f.scorer().evaluate(&n, Subject::Expert(&retired), 0.0));
}

#[test]
fn availability_exactly_duration_days_long() {
    let f = Fixture::new();
    let n = need(json!({}));
    let exact = expert(json!({"availability": [{"from": "2027-04-01", "to": "2027-04-10"}]}));
    let s = eligible(f.scorer().evaluate(&n, Subject::Expert(&exact), 0.0));
    assert_eq!((s.start, s.end), (d("2027-04-01"), d("2027-04-10")));
    let one_short = expert(json!({"availability": [{"from": "2027-04-01", "to": "2027-04-09"}]}));
    assert_eq!(
        gates_failed(&f.scorer().evaluate(&n, Subject::Expert(&one_short), 0.0)),
        vec![Gate::Availability]
    );
    // Overlapping the need's window by 9 days only, even if the availability is longer.
    let edge = expert(json!({"availability": [{"from": "2027-05-23", "to": "2027-07-31"}]}));
    let eval = f.scorer().evaluate(&n, Subject::Expert(&edge), 0.0);
    let Evaluation::Excluded(x) = eval else {
        panic!()
    };
    assert!(
        x.reasons[0].detail.contains("est de 9 jours"),
        "{}",
        x.reasons[0].detail
    );
}

#[test]
fn bookings_push_the_dates_or_exclude() {
    let mut f = Fixture::new();
    let n = need(json!({"window": {"from": "2027-03-01", "to": "2027-03-25"}}));
    let e = expert(json!({}));
    f.bookings.experts.insert(
        "exp-1".into(),
        vec![DateWindow::new(d("2027-03-05"), d("2027-03-12")).unwrap()],
    );
    let s = eligible(f.scorer().evaluate(&n, Subject::Expert(&e), 0.0));
    assert_eq!((s.start, s.end), (d("2027-03-13"), d("2027-03-22")));
    f.bookings.experts.insert(
        "exp-1".into(),
        vec![DateWindow::new(d("2027-03-05"), d("2027-03-18")).unwrap()],
    );
    let Evaluation::Excluded(x) = f.scorer().evaluate(&n, Subject::Expert(&e), 0.0) else {
        panic!()
    };
    assert_eq!(x.reasons[0].gate, Gate::Availability);
    assert!(x.reasons[0].detail.contains("mission déjà prévue"));
}

#[test]
fn language_level_b1_against_b2_required() {
    let f = Fixture::new();
    let n = need(json!({}));
    let b1 = expert(json!({"languages": [{"code": "fr", "level": "B1"}]}));
    let Evaluation::Excluded(x) = f.scorer().evaluate(&n, Subject::Expert(&b1), 0.0) else {
        panic!()
    };
    assert_eq!(x.reasons[0].gate, Gate::Language);
    assert!(x.reasons[0].detail.contains("fr B2 requis, parle B1"));
    let b2 = expert(json!({"languages": [{"code": "fr", "level": "B2"}]}));
    eligible(f.scorer().evaluate(&n, Subject::Expert(&b2), 0.0));
}

#[test]
fn duration_and_every_failure_reported() {
    let f = Fixture::new();
    let n = need(json!({}));
    let e = expert(
        json!({"max_mission_days": 9, "languages": [{"code": "en", "level": "C2"}],
                         "availability": [{"from": "2027-09-01", "to": "2027-09-30"}]}),
    );
    let failed = gates_failed(&f.scorer().evaluate(&n, Subject::Expert(&e), 0.0));
    assert_eq!(
        failed,
        vec![Gate::Availability, Gate::Language, Gate::Duration]
    );
}

#[test]
fn home_rules_for_standard_and_reciprocity() {
    let mut f = Fixture::new();
    let n = need(json!({}));
    let paris = expert(json!({"home": {"country": "FR", "department": "75"}}));
    let s = eligible(f.scorer().evaluate(&n, Subject::Expert(&paris), 0.0));
    assert_eq!(s.flags[0].gate, Gate::Home);
    f.config.strict_region = true;
    assert_eq!(
        gates_failed(&f.scorer().evaluate(&n, Subject::Expert(&paris), 0.0)),
        vec![Gate::Home]
    );

    let recip = need(
        json!({"kind": "reciprocity", "country": "FR", "city": "Toulouse", "expert_origin": "SN",
                           "preferred_languages": []}),
    );
    let dakar = expert(
        json!({"home": {"country": "SN", "city": "Dakar"}, "status": "independent",
                             "employer": null, "consent": null}),
    );
    eligible(f.scorer().evaluate(&recip, Subject::Expert(&dakar), 0.0));
    let rabat = expert(
        json!({"home": {"country": "MA", "city": "Rabat"}, "status": "independent",
                             "employer": null, "consent": null}),
    );
    let Evaluation::Excluded(x) = f.scorer().evaluate(&recip, Subject::Expert(&rabat), 0.0) else {
        panic!()
    };
    assert_eq!(x.reasons[0].gate, Gate::Home);
    assert!(
        x.reasons[0].detail.contains("Sénégal"),
        "{}",
        x.reasons[0].detail
    );
    assert_eq!(
        gates_failed(
            &f.scorer()
                .evaluate(&recip, Subject::Expert(&expert(json!({}))), 0.0)
        ),
        vec![Gate::Home]
    );
    assert_eq!(
        gates_failed(&f.scorer().evaluate(&n, Subject::Expert(&dakar), 0.0)),
        vec![Gate::Home]
    );
}

#[test]
fn travel_advice_red_excludes_partial_flags() {
    let f = Fixture::new();
    let mali = need(json!({"country": "ML", "city": "Ségou"}));
    assert_eq!(
        gates_failed(
            &f.scorer()
                .evaluate(&mali, Subject::Expert(&expert(json!({}))), 0.0)
        ),
        vec![Gate::TravelAdvice]
    );
    let antananarivo = eligible(f.scorer().evaluate(
        &need(json!({"country": "MG", "city": "Antananarivo"})),
        Subject::Expert(&expert(json!({}))),
        0.0,
    ));
    assert!(antananarivo.flags.is_empty(), "recorded clear");
    // Senegal is not in the list: unknown, flagged to be checked, never taken as safe.
    let dakar = eligible(f.scorer().evaluate(
        &need(json!({"country": "SN", "city": "Dakar"})),
        Subject::Expert(&expert(json!({}))),
        0.0,
    ));
    assert_eq!(dakar.flags.len(), 1, "{:?}", dakar.flags);
    assert_eq!(dakar.flags[0].gate, Gate::TravelAdvice);
    assert!(
        dakar.flags[0].detail.contains("inconnu"),
        "{:?}",
        dakar.flags
    );
    assert!(dakar.flags[0].detail.contains("France Diplomatie"));
    let congo = eligible(f.scorer().evaluate(
        &need(json!({})),
        Subject::Expert(&expert(json!({}))),
        0.0,
    ));
    assert!(
        congo.flags.iter().any(|fl| fl.gate == Gate::TravelAdvice),
        "CD has red provinces"
    );
}

#[test]
fn offer_gates_window_headcount_and_countries() {
    let mut f = Fixture::new();
    let n = need(json!({"theme": "energie", "country": "SN", "city": "Kaolack"}));
    let o = offer(json!({}));
    let s = eligible(f.scorer().evaluate(&n, Subject::Offer(&o), 0.0));
    assert_eq!(s.start, d("2027-03-01"));
    f.bookings.offers_used.insert("off-elec".into(), 2);
    assert_eq!(
        gates_failed(&f.scorer().evaluate(&n, Subject::Offer(&o), 0.0)),
        vec![Gate::Headcount]
    );
    f.bookings.offers_used.clear();
    let elsewhere = offer(json!({"countries": ["MG", "BJ"]}));
    assert_eq!(
        gates_failed(&f.scorer().evaluate(&n, Subject::Offer(&elsewhere), 0.0)),
        vec![Gate::Countries]
    );
    let late = offer(json!({"window": {"from": "2027-05-25", "to": "2027-08-31"}}));
    assert_eq!(
        gates_failed(&f.scorer().evaluate(&n, Subject::Offer(&late), 0.0)),
        vec![Gate::Availability]
    );
}

#[test]
fn criteria_values_follow_their_definitions() {
    let f = Fixture::new();
    let scorer = f.scorer();
    let value = |n: &Need, e: &Expert, name: &str| {
        let s = eligible(scorer.evaluate(n, Subject::Expert(e), 0.0));
        s.criteria
            .iter()
            .find(|c| c.criterion.id() == name)
            .unwrap()
            .value
    };
    let n = need(json!({}));
    assert_eq!(value(&n, &expert(json!({})), "theme"), 1.0);
    assert_eq!(
        value(&n, &expert(json!({"themes": ["environnement"]})), "theme"),
        0.7
    );
    assert_eq!(
        value(&n, &expert(json!({"themes": ["energie"]})), "theme"),
        0.4
    );
    assert_eq!(
        value(&n, &expert(json!({"themes": ["nutrition"]})), "theme"),
        0.0
    );
    assert_eq!(value(&n, &expert(json!({})), "country_experience"), 1.0);
    assert_eq!(
        value(
            &n,
            &expert(json!({"countries": ["CG"]})),
            "country_experience"
        ),
        0.5
    );
    assert_eq!(
        value(
            &n,
            &expert(json!({"countries": ["SN"]})),
            "country_experience"
        ),
        0.0
    );
    // One of two need skills ("diagnostic déchets") shares all its words; "valorisation" does not.
    let skills = value(&n, &expert(json!({})), "skills");
    assert!((skills - 0.5 * 2.0 / 3.0).abs() < 1e-3, "{skills}");
    assert_eq!(
        value(&n, &expert(json!({"missions_done": 0})), "experience"),
        0.0
    );
    assert_eq!(
        value(&n, &expert(json!({"missions_done": 5})), "experience"),
        1.0
    );
}

#[test]
fn ranking_is_by_score_then_id_and_independent_of_the_set() {
    let f = Fixture::new();
    let scorer = f.scorer();
    let n = need(json!({}));
    let a = expert(json!({"id": "exp-b"}));
    let b = expert(json!({"id": "exp-a"}));
    let weak = expert(json!({"id": "exp-c", "themes": ["nutrition"], "countries": []}));
    let out = scorer.rank(
        &n,
        &[
            (Subject::Expert(&a), 1.0),
            (Subject::Expert(&weak), 1.0),
            (Subject::Expert(&b), 1.0),
        ],
        None,
        false,
    );
    let ids: Vec<&str> = out.candidates.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, vec!["exp-a", "exp-b", "exp-c"]);
    let alone = scorer.rank(&n, &[(Subject::Expert(&weak), 1.0)], None, false);
    assert_eq!(alone.candidates[0].score, out.candidates[2].score);
    let top1 = scorer.rank(
        &n,
        &[(Subject::Expert(&a), 1.0), (Subject::Expert(&b), 1.0)],
        Some(1),
        false,
    );
    assert_eq!(top1.candidates.len(), 1);
}

#[test]
fn early_stop_gives_the_same_top_as_ranking_everything() {
    let f = Fixture::new();
    let scorer = f.scorer();
    let n = need(json!({}));
    let experts: Vec<Expert> = (0..600)
        .map(|i| {
            let themes = [["dechets"], ["energie"], ["nutrition"], ["environnement"]][i % 4];
            expert(
                json!({"id": format!("exp-{i:04}"), "themes": themes, "missions_done": i % 5,
                         "countries": if i % 3 == 0 { json!(["CD"]) } else { json!([]) }}),
            )
        })
        .collect();
    // Relevance falls with the position, as the index returns it (order does not matter).
    let mut cands: Vec<(Subject<'_>, f32)> = experts
        .iter()
        .enumerate()
        .map(|(i, e)| (Subject::Expert(e), 30.0 / (1.0 + i as f32 / 10.0)))
        .collect();
    cands.sort_by(|a, b| b.1.total_cmp(&a.1));
    for top in [1, 5, 20] {
        let full = scorer.rank(&n, &cands, Some(top), false);
        let fast = scorer.rank_retrieved(&n, &cands, top);
        assert_eq!(full.candidates, fast.candidates, "top {top}");
    }
    // Given bounds: the index's (full marks for what it cannot see), ties included.
    let b = ScoreBound::new(&scorer, &n);
    let mut bounded: Vec<(Subject<'_>, f32, f64)> = cands
        .iter()
        .map(|&(s, rel)| {
            let Subject::Expert(e) = s else {
                unreachable!()
            };
            let known = KnownValues {
                theme: e
                    .themes
                    .iter()
                    .map(|t| b.theme(t.as_str()))
                    .fold(0.0, f64::max),
                country: e
                    .countries
                    .iter()
                    .map(|c| b.country(c.as_str()))
                    .fold(0.0, f64::max),
                experience: b.experience(Some(e.missions_done)),
                languages: 1.0,
                availability: 1.0,
                skills_overlap: 1.0,
            };
            (s, rel, b.bound(&known, rel))
        })
        .collect();
    bounded.sort_by(|a, b| b.2.total_cmp(&a.2).then(a.0.id().cmp(b.0.id())));
    for top in [1, 5, 20, 70, 600, 700] {
        let full = scorer.rank(&n, &cands, Some(top), false);
        let fast = scorer.rank_bounded(&n, &bounded, top);
        assert_eq!(full.candidates, fast.candidates, "top {top}");
    }
    assert!(scorer.rank_bounded(&n, &bounded, 0).candidates.is_empty());
}

#[test]
fn needs_for_an_offer_are_ranked_and_explained() {
    let f = Fixture::new();
    let o = offer(json!({}));
    let solar =
        need(json!({"id": "need-solar", "theme": "energie", "country": "SN", "city": "Kaolack"}));
    let waste = need(json!({"id": "need-waste", "country": "SN", "city": "Dakar"}));
    let mali =
        need(json!({"id": "need-mali", "theme": "energie", "country": "ML", "city": "Ségou"}));
    let out = f.scorer().rank_needs(
        Subject::Offer(&o),
        &[(&waste, 0.0), (&mali, 0.0), (&solar, 3.0)],
        None,
        true,
    );
    let ids: Vec<&str> = out.needs.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, vec!["need-solar"]);
    assert_eq!(out.excluded[0].id, "need-mali");
    assert_eq!(out.excluded[0].reasons[0].gate, Gate::TravelAdvice);
    assert_eq!(
        out.outside_field, 1,
        "the waste survey shares nothing with it"
    );
}

#[test]
fn needs_outside_a_candidates_field_are_left_out_of_the_reverse_match() {
    let f = Fixture::new();
    let o = offer(json!({}));
    // A neighbouring theme and nothing else in common: dates and rotation alone would
    // give it a score; it is left out.
    let waste = need(json!({"id": "need-waste"}));
    // Another theme, but one of the offer's skill words.
    let pumps = need(json!({
        "id": "need-pumps", "theme": "irrigation", "skills": ["pompage photovoltaïque"]
    }));
    // A theme held by the offer's theme's parent or child counts as within the field.
    let expert = expert(json!({"themes": ["environnement"], "skills": []}));
    let out = f.scorer().rank_needs(
        Subject::Offer(&o),
        &[(&waste, 5.0), (&pumps, 0.0)],
        None,
        true,
    );
    let ids: Vec<&str> = out.needs.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, vec!["need-pumps"]);
    assert!(
        out.excluded.is_empty(),
        "left out is not excluded by a gate"
    );
    assert_eq!(out.outside_field, 1);

    let out = f
        .scorer()
        .rank_needs(Subject::Expert(&expert), &[(&waste, 0.0)], None, true);
    assert_eq!(out.outside_field, 0, "dechets lies within environnement");
}

#[test]
fn a_destination_advised_against_blocks_every_candidate() {
    let f = Fixture::new();
    let gates = f
        .scorer()
        .need_gates(&need(json!({"country": "ML", "city": "Ségou"})));
    assert_eq!(gates[0].gate, Gate::TravelAdvice);
    assert!(f.scorer().need_gates(&need(json!({}))).is_empty());
}

#[test]
fn the_index_bound_is_never_below_the_exact_score() {
    let f = Fixture::new();
    let scorer = f.scorer();
    for (patch, rel) in [
        (json!({}), 40.0f32),
        (
            json!({"themes": ["energie"], "countries": ["CG"], "missions_done": 7}),
            0.0,
        ),
        (
            json!({"themes": ["nutrition", "dechets"], "countries": []}),
            3.5,
        ),
        (json!({"languages": [{"code": "fr", "level": "B2"}]}), 12.0),
        (json!({"skills": ["comptabilité publique"]}), 2.0),
        (json!({"skills": ["Diagnostics des déchets"]}), 9.0),
    ] {
        let e = expert(patch);
        let n = need(json!({}));
        let b = ScoreBound::new(&scorer, &n);
        let theme = e
            .themes
            .iter()
            .map(|t| b.theme(t.as_str()))
            .fold(0.0, f64::max);
        let country = e
            .countries
            .iter()
            .map(|c| b.country(c.as_str()))
            .fold(0.0, f64::max);
        let spoken: Vec<_> = e.languages.iter().map(|l| (l.code, l.level)).collect();
        let known = KnownValues {
            theme,
            country,
            experience: b.experience(Some(e.missions_done)),
            languages: b.languages(&spoken),
            availability: b.availability(e.availability.iter().copied()).unwrap(),
            skills_overlap: {
                let have = stems(&e.skills.join(" "));
                b.skills_overlap(
                    b.wanted_stems()
                        .iter()
                        .filter(|w| have.contains(*w))
                        .count(),
                )
            },
        };
        let bound = b.bound(&known, rel);
        let s = eligible(scorer.evaluate(&n, Subject::Expert(&e), rel));
        assert!(bound >= s.score, "{bound} < {}", s.score);
        // Nothing booked, no history, consent over the whole window: every value the
        // bound uses is the exact one, so the bound is the score up to its margin.
        assert!(bound - s.score <= 0.05, "{bound} is loose for {}", s.score);
        let th = s
            .criteria
            .iter()
            .find(|c| c.criterion == Criterion::Theme)
            .unwrap()
            .value;
        assert!(
            (theme - th).abs() < 1e-9,
            "the bound's theme value is the exact one"
        );
    }
}

#[test]
fn the_bound_in_days_and_by_slopes_agrees_with_its_definition() {
    use crate::values::DateWindow;
    let f = Fixture::new();
    let scorer = f.scorer();
    // The need: 10 days between 2027-03-01 and 2027-05-31; full credit at 30 days of slack.
    let b = ScoreBound::new(&scorer, &need(json!({})));
    let w = |a: &str, z: &str| DateWindow::new(d(a), d(z)).unwrap();
    for (windows, expected) in [
        // Exactly the mission's length inside the need's window: no slack.
        (vec![w("2027-03-01", "2027-03-10")], Some(0.0)),
        // 25 days overlap the need's window: 15 days of slack.
        (vec![w("2027-02-01", "2027-03-25")], Some(0.5)),
        // The best window counts; slack is capped at full credit.
        (
            vec![w("2027-03-01", "2027-03-12"), w("2027-01-01", "2027-12-31")],
            Some(1.0),
        ),
        // Too short, or outside the need's window (even touching it): no window fits.
        (vec![w("2027-03-01", "2027-03-09")], None),
        (vec![w("2027-06-01", "2027-07-31")], None),
        (vec![], None),
        // Two short windows side by side do not make one long enough.
        (
            vec![w("2027-03-01", "2027-03-05"), w("2027-03-06", "2027-03-12")],
            None,
        ),
    ] {
        assert_eq!(
            b.availability(windows.iter().copied()),
            expected,
            "{windows:?}"
        );
    }
    // Lowering one value by `slope × (1 − v)` is what the bound does.
    let full = KnownValues::FULL_MARKS;
    let slopes = b.slopes();
    let top = b.bound(&full, 12.0);
    type Field = fn(&mut KnownValues) -> &mut f64;
    let lowered: [(Field, f64); 6] = [
        (|k| &mut k.theme, slopes.theme),
        (|k| &mut k.country, slopes.country),
        (|k| &mut k.experience, slopes.experience),
        (|k| &mut k.languages, slopes.languages),
        (|k| &mut k.availability, slopes.availability),
        (|k| &mut k.skills_overlap, slopes.skills_overlap),
    ];
    for (field, slope) in lowered {
        let mut known = full;
        *field(&mut known) = 0.25;
        assert!(slope > 0.0);
        let by_slope = top - slope * 0.75;
        assert!((b.bound(&known, 12.0) - by_slope).abs() < 1e-9);
    }
}

#[test]
fn no_window_holding_the_mission_is_what_the_availability_gate_excludes() {
    use crate::values::DateWindow;
    let f = Fixture::new();
    let scorer = f.scorer();
    // The need: 10 days between 2027-03-01 and 2027-05-31.
    let n = need(json!({}));
    let b = ScoreBound::new(&scorer, &n);
    let day = |i: i64| d("2027-02-20") + chrono::Days::new(i as u64);
    let mut fits = 0;
    let mut not = 0;
    // Windows of every length from 1 to 14 days starting every 3 days around the need's
    // window, alone and in pairs side by side.
    for start in (0..120).step_by(3) {
        for len in 1..15 {
            let one = DateWindow::new(day(start), day(start + len - 1)).unwrap();
            let next = DateWindow::new(day(start + len), day(start + len + 4)).unwrap();
            for windows in [vec![one], vec![one, next]] {
                let patch = json!({ "availability": windows
                    .iter()
                    .map(|w| json!({"from": w.from().to_string(), "to": w.to().to_string()}))
                    .collect::<Vec<_>>() });
                let e = expert(patch);
                let failed = match scorer.evaluate(&n, Subject::Expert(&e), 0.0) {
                    Evaluation::Eligible(_) => false,
                    Evaluation::Excluded(x) => {
                        x.reasons.iter().any(|r| r.gate == Gate::Availability)
                    }
                };
                let bound = b.availability(e.availability.iter().copied());
                assert_eq!(bound.is_none(), failed, "{windows:?}");
                if failed { not += 1 } else { fits += 1 }
            }
        }
    }
    assert!(fits > 50 && not > 50, "{fits} / {not}");
}

#[test]
fn no_run_within_the_consent_s_windows_is_what_the_availability_and_consent_gates_exclude() {
    use super::consent_availability;
    // The need: 10 days between 2027-03-01 and 2027-05-31.
    let n = need(json!({}));
    let day = |i: i64| (d("2027-02-20") + chrono::Days::new(i as u64)).to_string();
    let (mut fits, mut not) = (0, 0);
    let statuses = ["employee", "public_agent", "independent", "retired"];
    let consents = ["granted", "pending", "refused", "not_required"];
    // Validity from every 9 days around the need's window, 5 to 40 days long (the
    // mission's 10 days exactly among them), or
    // open-ended on a side; availability the whole need's window or its middle.
    let mut validities = vec![(None, None), (Some(day(20)), None), (None, Some(day(30)))];
    for start in (0..110).step_by(9) {
        for len in [5, 10, 11, 40] {
            validities.push((Some(day(start)), Some(day(start + len - 1))));
        }
    }
    let availabilities = [
        json!([{"from": "2027-03-01", "to": "2027-05-31"}]),
        json!([{"from": "2027-04-01", "to": "2027-04-20"}]),
    ];
    for include_pending in [false, true] {
        let mut f = Fixture::new();
        f.config.include_pending = include_pending;
        let scorer = f.scorer();
        let b = ScoreBound::new(&scorer, &n);
        for status in statuses {
            for consent in consents {
                for (from, to) in &validities {
                    for availability in &availabilities {
                        let employer = if matches!(status, "employee" | "public_agent") {
                            json!({"id": "ca-muretain", "name": "Le Muretain Agglo", "kind": "local_authority"})
                        } else {
                            serde_json::Value::Null
                        };
                        let e = expert(json!({
                            "status": status,
                            "employer": employer,
                            "consent": {"scheme": "mise_a_disposition", "status": consent, "valid_from": from, "valid_to": to},
                            "availability": availability,
                        }));
                        let failed = gates_failed(&scorer.evaluate(&n, Subject::Expert(&e), 0.0));
                        let bound = b.availability(consent_availability(&e));
                        // Dropped: excluded by one of these gates, whatever else.
                        if bound.is_none() {
                            assert!(
                                failed.contains(&Gate::Availability)
                                    || failed.contains(&Gate::Consent),
                                "{status} {consent} {from:?}–{to:?} {availability}: {failed:?}"
                            );
                            not += 1;
                        } else {
                            fits += 1;
                        }
                    }
                }
            }
        }
    }
    assert!(fits > 100 && not > 100, "{fits} / {not}");
}
