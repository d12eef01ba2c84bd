//! Properties checked here:
//! 1. each validation class of `docs/data-format.md` is detected, with the field's path;
//! 2. all issues of a record are reported together, not only the first;
//! 3. the worked examples of `docs/data-format.md` pass and read back to the same shape;
//! 4. CSV flattening round-trips a record, and reads French-spreadsheet cells.

use serde_json::{Value, json};

use super::*;
use crate::model::{Record, RecordKind};
use crate::reference::Reference;

fn expert() -> Value {
    json!({
      "id": "exp-0042", "name": "Claire Martin", "email": "claire.martin@example.org",
      "phone": "+33 6 00 00 00 00",
      "home": {"country": "FR", "department": "34", "city": "Montpellier"},
      "status": "employee",
      "employer": {"id": "co-elec-sud", "name": "Élec Sud", "kind": "company"},
      "consent": {"scheme": "mecenat_competences", "status": "granted",
                  "valid_from": "2027-01-01", "valid_to": "2027-12-31"},
      "themes": ["dechets", "energie"],
      "skills": ["diagnostic déchets", "compostage", "SIG"],
      "bio": "Ingénieure environnement.",
      "languages": [{"code": "fr", "level": "C2"}, {"code": "en", "level": "B2"}],
      "countries": ["CD", "SN"],
      "availability": [{"from": "2027-03-01", "to": "2027-04-30"}],
      "max_mission_days": 15, "daily_cost_eur": 350, "missions_done": 2
    })
}

fn need() -> Value {
    json!({
      "id": "need-kin-dechets", "association": "asso-eau-vive", "call": "2027-printemps",
      "kind": "standard", "title": "Diagnostic déchets", "description": "Typologie des déchets…",
      "theme": "dechets", "skills": ["diagnostic déchets"], "country": "CD", "city": "Kinshasa",
      "languages": [{"code": "fr", "level": "B2"}],
      "preferred_languages": [{"code": "ln", "level": "A2"}],
      "window": {"from": "2027-03-01", "to": "2027-05-31"},
      "duration_days": 10, "experts_wanted": 1,
      "objectives": ["Caractériser les flux"], "deliverables": ["Rapport"],
      "local_partner": {"name": "ONG Kin Propre", "provides_lodging": true,
                        "provides_field_transport": true, "meals_provided_per_day": 0}
    })
}

fn offer() -> Value {
    json!({
      "id": "off-elec-2027",
      "company": {"id": "co-elec-sud", "name": "Élec Sud", "turnover_eur": 45000000},
      "title": "Électrification rurale solaire", "description": "Mini-réseaux.",
      "themes": ["energie"], "skills": ["photovoltaïque"],
      "languages": [{"code": "fr", "level": "C2"}], "countries": [],
      "experts": ["exp-0101"], "headcount": 3,
      "window": {"from": "2027-02-01", "to": "2027-06-30"},
      "max_mission_days": 12, "covers_remaining_costs": true
    })
}

fn check(kind: RecordKind, v: &Value) -> Result<Record, Vec<FieldIssue>> {
    check_record(kind, v, &Reference::embedded())
}

fn issues(kind: RecordKind, v: &Value) -> Vec<(String, IssueClass)> {
    check(kind, v)
        .unwrap_err()
        .into_iter()
        .map(|i| (i.field, i.class))
        .collect()
}

fn one(kind: RecordKind, v: &Value, field: &str, class: IssueClass) {
    assert_eq!(issues(kind, v), vec![(field.to_owned(), class)]);
}

#[test]
fn worked_examples_pass_and_keep_their_shape() {
    for (kind, v) in [
        (RecordKind::Expert, expert()),
        (RecordKind::Need, need()),
        (RecordKind::Offer, offer()),
    ] {
        let record = check(kind, &v).unwrap();
        assert_eq!(record.to_value(), v, "{kind}");
    }
}

#[test]
fn unknown_field_at_any_depth() {
    let mut v = expert();
    v["colour"] = json!("red");
    one(RecordKind::Expert, &v, "colour", IssueClass::UnknownField);
    let mut v = expert();
    v["home"]["zip"] = json!("34000");
    one(RecordKind::Expert, &v, "home.zip", IssueClass::UnknownField);
    let mut v = expert();
    v["languages"][1]["lvl"] = json!("B2");
    one(
        RecordKind::Expert,
        &v,
        "languages[1].lvl",
        IssueClass::UnknownField,
    );
}

#[test]
fn missing_required_field() {
    let mut v = need();
    v.as_object_mut().unwrap().remove("title");
    one(RecordKind::Need, &v, "title", IssueClass::MissingField);
    let mut v = expert();
    v["consent"].as_object_mut().unwrap().remove("status");
    one(
        RecordKind::Expert,
        &v,
        "consent.status",
        IssueClass::MissingField,
    );
}

#[test]
fn bad_dates() {
    for bad in ["2027-02-30", "2027-3-1", "01/03/2027", "2027-13-01"] {
        let mut v = need();
        v["window"]["from"] = json!(bad);
        one(RecordKind::Need, &v, "window.from", IssueClass::BadDate);
    }
}

#[test]
fn window_end_before_start() {
    let mut v = need();
    v["window"] = json!({"from": "2027-05-31", "to": "2027-03-01"});
    one(RecordKind::Need, &v, "window", IssueClass::WindowReversed);
    let mut v = expert();
    v["availability"][0] = json!({"from": "2027-05-01", "to": "2027-04-30"});
    one(
        RecordKind::Expert,
        &v,
        "availability[0]",
        IssueClass::WindowReversed,
    );
    let mut v = expert();
    v["consent"]["valid_to"] = json!("2026-12-31");
    one(
        RecordKind::Expert,
        &v,
        "consent.valid_to",
        IssueClass::WindowReversed,
    );
}

#[test]
fn window_shorter_than_duration_at_the_edge() {
    let mut v = need();
    v["window"] = json!({"from": "2027-03-01", "to": "2027-03-10"});
    assert!(
        check(RecordKind::Need, &v).is_ok(),
        "10 days fit a 10-day window"
    );
    v["window"]["to"] = json!("2027-03-09");
    one(RecordKind::Need, &v, "window", IssueClass::WindowTooShort);
}

#[test]
fn duration_outside_7_to_15() {
    for (days, ok) in [(6, false), (7, true), (15, true), (16, false)] {
        let mut v = need();
        v["duration_days"] = json!(days);
        if ok {
            assert!(check(RecordKind::Need, &v).is_ok(), "{days}");
        } else {
            one(
                RecordKind::Need,
                &v,
                "duration_days",
                IssueClass::DurationOutOfRange,
            );
        }
    }
}

#[test]
fn unknown_codes_and_levels() {
    let mut v = need();
    v["theme"] = json!("dechet");
    one(RecordKind::Need, &v, "theme", IssueClass::UnknownTheme);
    let mut v = need();
    v["country"] = json!("ZR");
    one(RecordKind::Need, &v, "country", IssueClass::UnknownCountry);
    let mut v = expert();
    v["countries"][1] = json!("sn");
    one(
        RecordKind::Expert,
        &v,
        "countries[1]",
        IssueClass::UnknownCountry,
    );
    let mut v = expert();
    v["languages"][0]["code"] = json!("fra");
    one(
        RecordKind::Expert,
        &v,
        "languages[0].code",
        IssueClass::UnknownLanguage,
    );
    let mut v = expert();
    v["languages"][1]["level"] = json!("B3");
    one(
        RecordKind::Expert,
        &v,
        "languages[1].level",
        IssueClass::BadLevel,
    );
}

#[test]
fn employee_without_employer_and_negative_money() {
    let mut v = expert();
    v.as_object_mut().unwrap().remove("employer");
    one(
        RecordKind::Expert,
        &v,
        "employer",
        IssueClass::EmployeeWithoutEmployer,
    );
    let mut v = expert();
    v["daily_cost_eur"] = json!(-350);
    one(
        RecordKind::Expert,
        &v,
        "daily_cost_eur",
        IssueClass::NegativeMoney,
    );
    let mut v = expert();
    v["daily_cost_eur"] = json!(350.555);
    one(
        RecordKind::Expert,
        &v,
        "daily_cost_eur",
        IssueClass::BadValue,
    );
}

#[test]
fn independents_need_no_consent_and_have_no_employer() {
    let mut v = expert();
    v["status"] = json!("retired");
    let o = v.as_object_mut().unwrap();
    o.remove("consent");
    o.remove("daily_cost_eur");
    one(RecordKind::Expert, &v, "employer", IssueClass::BadValue);
    v.as_object_mut().unwrap().remove("employer");
    let Record::Expert(e) = check(RecordKind::Expert, &v).unwrap() else {
        panic!()
    };
    assert_eq!(e.consent, crate::model::Consent::default());
}

#[test]
fn every_issue_of_a_record_is_reported() {
    let mut v = expert();
    v["colour"] = json!("red");
    v["home"]["country"] = json!("XX");
    v["languages"][0]["level"] = json!("Z9");
    v.as_object_mut().unwrap().remove("employer");
    let found = issues(RecordKind::Expert, &v);
    assert_eq!(found.len(), 4, "{found:?}");
}

#[test]
fn need_kind_and_country_agree() {
    let mut v = need();
    v["kind"] = json!("reciprocity");
    one(RecordKind::Need, &v, "country", IssueClass::BadValue);
    v["country"] = json!("FR");
    v["expert_origin"] = json!("SN");
    assert!(check(RecordKind::Need, &v).is_ok());
    v["kind"] = json!("standard");
    one(RecordKind::Need, &v, "country", IssueClass::BadValue);
}

#[test]
fn references_and_duplicates_across_the_batch() {
    let r = Reference::embedded();
    let asso = check_record(
        RecordKind::Association,
        &json!({"id": "asso-eau-vive", "name": "Eau Vive", "department": "31"}),
        &r,
    )
    .unwrap();
    let need = check(RecordKind::Need, &need()).unwrap();
    let offer = check(RecordKind::Offer, &offer()).unwrap();
    let locate = |i: usize| format!("record {i}");
    // Need before its association in the batch is fine: order does not matter.
    let ok = check_references(&[need.clone(), asso.clone()], &KnownIds::new(), &locate);
    assert!(ok.is_empty(), "{ok:?}");
    let bad = check_references(
        &[need.clone(), offer.clone(), asso.clone(), asso.clone()],
        &KnownIds::new(),
        &locate,
    );
    let got: Vec<_> = bad.iter().map(|d| (d.index, d.issue.class)).collect();
    assert_eq!(
        got,
        vec![(1, IssueClass::UnknownExpert), (3, IssueClass::DuplicateId)]
    );
    // Stored records count, but an id of another kind is a clash.
    let mut known = KnownIds::new();
    known.insert("asso-eau-vive".into(), RecordKind::Association);
    known.insert("exp-0101".into(), RecordKind::Expert);
    assert!(check_references(&[need.clone(), offer.clone()], &known, &locate).is_empty());
    known.insert("need-kin-dechets".into(), RecordKind::Expert);
    let clash = check_references(&[need], &known, &locate);
    assert_eq!(clash[0].issue.class, IssueClass::DuplicateId);
}

#[test]
fn csv_round_trip_and_french_cells() {
    for (kind, v) in [
        (RecordKind::Expert, expert()),
        (RecordKind::Need, need()),
        (RecordKind::Offer, offer()),
    ] {
        let record = check(kind, &v).unwrap().to_value();
        let columns = csv_columns(kind);
        let cells = flatten(kind, &record);
        let row: Vec<(&str, &str)> = columns
            .iter()
            .map(String::as_str)
            .zip(cells.iter().map(String::as_str))
            .collect();
        let (back, problems) = unflatten(kind, &row);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(check(kind, &back).unwrap().to_value(), record, "{kind}");
    }
    let row = [
        ("id", "asso-1"),
        ("name", "Médecins du Causse"),
        ("department", "12"),
        ("mecenat_eligible", "oui"),
        ("field_experience_years", "7"),
        ("contact.name", "Hélène Vidal"),
    ];
    let (v, problems) = unflatten(RecordKind::Association, &row);
    assert!(problems.is_empty());
    let Record::Association(a) = check(RecordKind::Association, &v).unwrap() else {
        panic!()
    };
    assert!(a.mecenat_eligible && a.field_experience_years == 7);
    assert_eq!(a.contact.unwrap().name, "Hélène Vidal");
    let (v, _) = unflatten(
        RecordKind::Expert,
        &[
            ("daily_cost_eur", "350,50"),
            (
                "availability",
                "2027-03-01..2027-04-30;2027-09-01..2027-09-30",
            ),
        ],
    );
    assert_eq!(v["daily_cost_eur"], json!(350.5));
    assert_eq!(v["availability"][1]["to"], json!("2027-09-30"));
    let (_, problems) = unflatten(RecordKind::Expert, &[("home.zip", "34000")]);
    assert_eq!(problems[0].class, IssueClass::UnknownField);
}

#[test]
fn formula_quoting_is_undone_exactly_on_import() {
    use super::{neutralise_formula, restore_formula};
    for text in [
        "=1+1", "'=1+1", "''=x", "-x", "@a", "\tx", "plain", "'plain", "'", "", "-12.5", "+3",
        "-inf",
    ] {
        let written = neutralise_formula(text);
        assert_eq!(
            restore_formula(&written),
            text,
            "{text:?} written as {written:?}"
        );
    }
    assert_eq!(neutralise_formula("-12.5"), "-12.5");
    assert_eq!(neutralise_formula("-0,25"), "-0,25");
    assert_eq!(neutralise_formula("-inf"), "'-inf");
    assert_eq!(neutralise_formula("=x"), "'=x");
    assert_eq!(neutralise_formula("'=x"), "''=x");
}

/// Issue #17 item 4: an expert row as a French spreadsheet writes it.
fn french_expert_row<'a>(cost: &'a str, themes: &'a str, languages: &'a str) -> Value {
    let record = check(RecordKind::Expert, &expert()).unwrap().to_value();
    let columns = csv_columns(RecordKind::Expert);
    let mut cells = flatten(RecordKind::Expert, &record);
    for (name, cell) in [
        ("daily_cost_eur", cost),
        ("themes", themes),
        ("languages", languages),
    ] {
        let at = columns.iter().position(|c| c == name).unwrap();
        cells[at] = cell.to_owned();
    }
    let row: Vec<(&str, &str)> = columns
        .iter()
        .map(String::as_str)
        .zip(cells.iter().map(String::as_str))
        .collect();
    let (v, problems) = unflatten(RecordKind::Expert, &row);
    assert!(problems.is_empty(), "{problems:?}");
    v
}

#[test]
fn french_numbers_lower_case_levels_and_theme_labels_are_read() {
    for cost in [
        "1400,5",
        "1 400,50",
        "1\u{a0}400,50",
        "1\u{202f}400,50",
        "1400.50",
    ] {
        let v = french_expert_row(cost, "Déchets;Eau et assainissement", "fr:c2;en:b2");
        let Record::Expert(e) = check(RecordKind::Expert, &v).unwrap() else {
            panic!()
        };
        assert_eq!(
            e.daily_cost_eur.map(crate::Money::cents),
            Some(140_050),
            "{cost:?}"
        );
        let themes: Vec<&str> = e
            .themes
            .iter()
            .map(crate::model::ThemeKey::as_str)
            .collect();
        assert_eq!(themes, ["dechets", "eau_assainissement"]);
        let levels: Vec<String> = e.languages.iter().map(ToString::to_string).collect();
        assert_eq!(levels, ["fr:C2", "en:B2"]);
    }
    let (v, _) = unflatten(
        RecordKind::Offer,
        &[
            ("headcount", "1 000"),
            ("company.turnover_eur", "45 000 000"),
        ],
    );
    assert_eq!(v["headcount"], json!(1000));
    assert_eq!(v["company"]["turnover_eur"], json!(45_000_000));
    let mut need = need();
    need["theme"] = json!("gestion des DÉCHETS");
    let Record::Need(n) = check(RecordKind::Need, &need).unwrap() else {
        panic!()
    };
    assert_eq!(n.theme.as_str(), "dechets");
}

#[test]
fn an_unknown_theme_names_the_closest_keys_and_a_comma_list_gets_a_hint() {
    let mut v = need();
    v["theme"] = json!("dechet");
    let issues = check(RecordKind::Need, &v).unwrap_err();
    assert_eq!(issues[0].class, IssueClass::UnknownTheme);
    assert!(
        issues[0].message.contains("les plus proches : dechets"),
        "{}",
        issues[0].message
    );

    let v = french_expert_row("350", "dechets,energie", "fr:C2,en:B2");
    let issues = check(RecordKind::Expert, &v).unwrap_err();
    let fields: Vec<&str> = issues.iter().map(|i| i.field.as_str()).collect();
    assert_eq!(fields, ["themes[0]", "languages[0].level"]);
    for issue in &issues {
        assert!(
            issue
                .message
                .contains("séparez les éléments d’une liste par \";\""),
            "{issue}"
        );
    }
    // A text list may hold commas: no hint, no issue.
    let mut v = expert();
    v["skills"] = json!(["eau, assainissement"]);
    assert!(check(RecordKind::Expert, &v).is_ok());
}

#[test]
fn a_record_read_without_copying_its_value_is_the_record_read_from_the_value() {
    let reference = Reference::embedded();
    let mut by_label = expert();
    by_label["themes"] = json!(["Déchets", "energie"]);
    for (kind, v) in [
        (RecordKind::Expert, expert()),
        (RecordKind::Expert, by_label.clone()),
        (RecordKind::Need, need()),
        (RecordKind::Offer, offer()),
    ] {
        assert_eq!(
            Record::from_value_ref(kind, &v).ok(),
            Record::from_value(kind, v.clone()).ok(),
            "{v}"
        );
        // Keys are read as they are; a label is turned into its key first.
        let checked = check_record(kind, &v, &reference).unwrap();
        let mut normalised = v.clone();
        if let Some(themes) = normalised.get_mut("themes").and_then(Value::as_array_mut) {
            for t in themes {
                if t == "Déchets" {
                    *t = json!("dechets");
                }
            }
        }
        assert_eq!(checked, Record::from_value(kind, normalised).unwrap());
    }
}
