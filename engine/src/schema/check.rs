//! Checks one record's JSON value against its field table and the record rules,
//! collecting every problem rather than stopping at the first.

use std::cell::Cell;

use chrono::{Datelike, NaiveDate};
use serde_json::{Map, Value};

use super::fields::{Field, FieldType, fields};
use super::issue::{FieldIssue, IssueClass};
use crate::fr;
use crate::model::{Record, RecordKind};
use crate::reference::Reference;
use crate::values::{Cefr, DateWindow, Money};

/// Shortest and longest mission, in days (programme rule).
pub const MISSION_DAYS: std::ops::RangeInclusive<u64> = 7..=15;

/// Checks a record of `kind` and builds it; on failure returns every issue found.
pub fn check_record(
    kind: RecordKind,
    value: &Value,
    reference: &Reference<'_>,
) -> Result<Record, Vec<FieldIssue>> {
    let mut issues = Vec::new();
    let Some(object) = value.as_object() else {
        issues.push(FieldIssue::new(
            "",
            IssueClass::BadType,
            fr::schema::not_an_object(&describe(value)),
        ));
        return Err(issues);
    };
    let checker = Checker {
        reference,
        by_label: Cell::new(false),
    };
    checker.object(fields(kind), object, &At::Record, &mut issues);
    match kind {
        RecordKind::Expert => expert_rules(object, reference, &mut issues),
        RecordKind::Need => need_rules(object, &mut issues),
        RecordKind::Association | RecordKind::Offer => {}
    }
    if matches!(kind, RecordKind::Expert | RecordKind::Need)
        && object
            .get("languages")
            .and_then(Value::as_array)
            .is_some_and(Vec::is_empty)
    {
        issues.push(FieldIssue::new(
            "languages",
            IssueClass::MissingField,
            fr::schema::NO_LANGUAGE,
        ));
    }
    if !issues.is_empty() {
        return Err(issues);
    }
    // Most records give their themes by key: read as they are, without a copy.
    let read = if checker.by_label.get() {
        let mut value = value.clone();
        normalise(fields(kind), &mut value, reference);
        Record::from_value(kind, value)
    } else {
        Record::from_value_ref(kind, value)
    };
    read.map_err(|e| {
        // The field table and the model disagree: a defect, reported rather than hidden.
        vec![FieldIssue::new(
            "",
            IssueClass::BadValue,
            fr::schema::unreadable(e),
        )]
    })
}

/// Writes what the checks accept in a person's words in the canonical form: a theme
/// given by its label (`Déchets`) becomes its key (`dechets`). CEFR levels in lower
/// case need nothing here: [`Cefr`] reads them.
fn normalise(table: &[Field], value: &mut Value, reference: &Reference<'_>) {
    let Some(object) = value.as_object_mut() else {
        return;
    };
    let resolve = |v: &mut Value| {
        if let Some(theme) = v.as_str().and_then(|s| reference.taxonomy.resolve(s)) {
            *v = Value::String(theme.key.clone());
        }
    };
    for field in table {
        let Some(v) = object.get_mut(field.name) else {
            continue;
        };
        match field.ty {
            FieldType::Theme => resolve(v),
            FieldType::ThemeList => {
                if let Some(items) = v.as_array_mut() {
                    items.iter_mut().for_each(resolve);
                }
            }
            FieldType::Object(inner) => normalise(inner, v, reference),
            _ => {}
        }
    }
}

struct Checker<'r, 'a> {
    reference: &'r Reference<'a>,
    /// Set when a theme was given by its label: the record is then read from a copy
    /// that [`normalise`] turned into keys.
    by_label: Cell<bool>,
}

/// Where a value sits in a record (`languages[1].code`), written out only for an issue:
/// most values of a large import have none.
#[derive(Clone, Copy)]
enum At<'p> {
    /// The record itself.
    Record,
    /// A field of an object.
    Field(&'p At<'p>, &'p str),
    /// An item of a list.
    Item(&'p At<'p>, usize),
}

impl<'p> At<'p> {
    fn field(&'p self, name: &'p str) -> Self {
        Self::Field(self, name)
    }

    fn item(&'p self, i: usize) -> Self {
        Self::Item(self, i)
    }

    /// The path as issues name it: `themes[0]`, `window.from`.
    fn path(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }

    fn write(&self, out: &mut String) {
        match self {
            Self::Record => {}
            Self::Field(parent, name) => {
                parent.write(out);
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(name);
            }
            Self::Item(parent, i) => {
                parent.write(out);
                out.push('[');
                out.push_str(&i.to_string());
                out.push(']');
            }
        }
    }
}

fn describe(v: &Value) -> String {
    match v {
        Value::Null => "null".to_owned(),
        Value::Bool(b) => format!("{b}"),
        Value::Number(n) => fr::schema::found_number(n),
        Value::String(s) => fr::schema::found_text(s),
        Value::Array(_) => fr::schema::FOUND_LIST.to_owned(),
        Value::Object(_) => fr::schema::FOUND_OBJECT.to_owned(),
    }
}

impl Checker<'_, '_> {
    fn object(
        &self,
        table: &[Field],
        object: &Map<String, Value>,
        prefix: &At<'_>,
        out: &mut Vec<FieldIssue>,
    ) {
        for key in object.keys() {
            if !table.iter().any(|f| f.name == key) {
                let known: Vec<&str> = table.iter().map(|f| f.name).collect();
                out.push(FieldIssue::new(
                    prefix.field(key).path(),
                    IssueClass::UnknownField,
                    fr::schema::unknown_field(&known.join(", ")),
                ));
            }
        }
        for field in table {
            let at = prefix.field(field.name);
            match object.get(field.name) {
                None | Some(Value::Null) => {
                    if field.required {
                        out.push(FieldIssue::new(
                            at.path(),
                            IssueClass::MissingField,
                            fr::schema::MISSING_FIELD,
                        ));
                    }
                }
                Some(v) => self.value(field.ty, v, &at, out),
            }
        }
    }

    /// Checks one value of type `ty`; nested objects, windows and lists are checked
    /// item by item.
    fn value(&self, ty: FieldType, v: &Value, at: &At<'_>, out: &mut Vec<FieldIssue>) {
        let issue = match ty {
            FieldType::Text => text(v),
            FieldType::Id => id(v),
            FieldType::Bool => {
                (!v.is_boolean()).then(|| ValueIssue::expected(fr::schema::EXPECTED_BOOL))
            }
            FieldType::Count { min, max } => count(v, min, max),
            FieldType::Money => money(v),
            FieldType::Date => date(v),
            FieldType::Country
            | FieldType::Departement
            | FieldType::Theme
            | FieldType::Choice(_) => self.code(ty, v),
            FieldType::Object(table) => match v.as_object() {
                Some(o) => return self.object(table, o, at, out),
                None => Some(ValueIssue::expected(fr::schema::EXPECTED_OBJECT)),
            },
            FieldType::Window => match v.as_object() {
                Some(o) => return self.window(o, at, out),
                None => Some(ValueIssue::expected(fr::schema::EXPECTED_WINDOW)),
            },
            FieldType::TextList
            | FieldType::IdList
            | FieldType::ThemeList
            | FieldType::CountryList
            | FieldType::LanguageLevels
            | FieldType::Windows => match v.as_array() {
                Some(items) => return self.list(ty, items, at, out),
                None => Some(ValueIssue::expected(fr::schema::EXPECTED_LIST)),
            },
        };
        if let Some(issue) = issue {
            out.push(issue.at(at, v));
        }
    }

    /// A code that must be known: a country, a département, a theme or a word of a
    /// fixed set.
    fn code(&self, ty: FieldType, v: &Value) -> Option<ValueIssue> {
        let r = self.reference;
        let Some(s) = v.as_str() else {
            return Some(ValueIssue::expected(match ty {
                FieldType::Country => fr::schema::EXPECTED_COUNTRY.to_owned(),
                FieldType::Departement => fr::schema::EXPECTED_DEPARTEMENT.to_owned(),
                FieldType::Theme => fr::schema::EXPECTED_THEME.to_owned(),
                FieldType::Choice(words) => fr::schema::expected_one_of(&words.join(", ")),
                _ => unreachable!("code() is called for codes only"),
            }));
        };
        // The message (and the themes to suggest, the costly part) only for an unknown
        // value: most values of a large import are known.
        let (class, message) = match ty {
            FieldType::Country if r.countries.get(s).is_none() => {
                (IssueClass::UnknownCountry, fr::schema::unknown_country(s))
            }
            FieldType::Departement if r.departements.get(s).is_none() => (
                IssueClass::UnknownDepartement,
                fr::schema::unknown_departement(s),
            ),
            // A French label (`Déchets`) is read as its key; see `normalise`.
            FieldType::Theme => match r.taxonomy.resolve(s) {
                Some(theme) => {
                    if theme.key != s {
                        self.by_label.set(true);
                    }
                    return None;
                }
                None => (
                    IssueClass::UnknownTheme,
                    fr::schema::unknown_theme(
                        s,
                        // `dechet,energie`: what comes before a stray comma is the theme meant.
                        &r.taxonomy
                            .closest(s.split(',').next().unwrap_or(s), 3)
                            .join(", "),
                    ),
                ),
            },
            FieldType::Choice(words) if !words.contains(&s) => (
                IssueClass::BadValue,
                fr::schema::not_one_of(s, &words.join(", ")),
            ),
            FieldType::Country | FieldType::Departement | FieldType::Choice(_) => return None,
            _ => unreachable!("code() is called for codes only"),
        };
        Some(ValueIssue::Wrong(class, message))
    }

    /// Every item of a list, each with its index in the path.
    fn list(&self, ty: FieldType, items: &[Value], at: &At<'_>, out: &mut Vec<FieldIssue>) {
        let item_ty = match ty {
            FieldType::TextList => FieldType::Text,
            FieldType::IdList => FieldType::Id,
            FieldType::ThemeList => FieldType::Theme,
            FieldType::CountryList => FieldType::Country,
            FieldType::Windows => FieldType::Window,
            _ => FieldType::Object(&[]), // language levels are checked below
        };
        for (i, item) in items.iter().enumerate() {
            let item_at = at.item(i);
            let before = out.len();
            if ty == FieldType::LanguageLevels {
                self.language_level(item, &item_at, out);
            } else {
                self.value(item_ty, item, &item_at, out);
            }
            // `dechets,energie` in a CSV cell is one item that is nothing: say why.
            if ty != FieldType::TextList && holds_comma(item) {
                for issue in &mut out[before..] {
                    issue.message.push_str(LIST_HINT);
                }
            }
        }
    }

    fn window(&self, o: &Map<String, Value>, at: &At<'_>, out: &mut Vec<FieldIssue>) {
        const WINDOW: &[Field] = &[
            Field {
                name: "from",
                ty: FieldType::Date,
                required: true,
            },
            Field {
                name: "to",
                ty: FieldType::Date,
                required: true,
            },
        ];
        let before = out.len();
        self.object(WINDOW, o, at, out);
        if out.len() == before
            && let (Some(from), Some(to)) = (date_at(o, "from"), date_at(o, "to"))
            && let Err(e) = DateWindow::new(from, to)
        {
            out.push(FieldIssue::new(
                at.path(),
                IssueClass::WindowReversed,
                e.to_string(),
            ));
        }
    }

    fn language_level(&self, item: &Value, at: &At<'_>, out: &mut Vec<FieldIssue>) {
        let Some(o) = item.as_object() else {
            out.push(FieldIssue::new(
                at.path(),
                IssueClass::BadType,
                fr::schema::expected_language_level(&describe(item)),
            ));
            return;
        };
        for key in o.keys().filter(|k| *k != "code" && *k != "level") {
            out.push(FieldIssue::new(
                at.field(key).path(),
                IssueClass::UnknownField,
                fr::schema::UNKNOWN_LANGUAGE_FIELD,
            ));
        }
        match o.get("code") {
            None | Some(Value::Null) => out.push(FieldIssue::new(
                at.field("code").path(),
                IssueClass::MissingField,
                fr::schema::MISSING_FIELD,
            )),
            Some(Value::String(code)) if self.reference.languages.get(code).is_none() => {
                out.push(FieldIssue::new(
                    at.field("code").path(),
                    IssueClass::UnknownLanguage,
                    fr::schema::unknown_language(code),
                ));
            }
            Some(Value::String(_)) => {}
            Some(other) => out.push(FieldIssue::new(
                at.field("code").path(),
                IssueClass::BadType,
                fr::schema::expected_language(&describe(other)),
            )),
        }
        match o.get("level") {
            None | Some(Value::Null) => out.push(FieldIssue::new(
                at.field("level").path(),
                IssueClass::MissingField,
                fr::schema::MISSING_FIELD,
            )),
            Some(Value::String(level)) => {
                if let Err(e) = level.parse::<Cefr>() {
                    out.push(FieldIssue::new(
                        at.field("level").path(),
                        IssueClass::BadLevel,
                        e.to_string(),
                    ));
                }
            }
            Some(other) => out.push(FieldIssue::new(
                at.field("level").path(),
                IssueClass::BadLevel,
                fr::schema::expected_level(&describe(other)),
            )),
        }
    }
}

/// Said of a list item holding a `,`: the list was most likely separated with `,`.
const LIST_HINT: &str = fr::schema::LIST_HINT;

/// Whether a list item, or a text inside it, holds a comma.
fn holds_comma(item: &Value) -> bool {
    match item {
        Value::String(s) => s.contains(','),
        Value::Object(o) => o.values().any(holds_comma),
        _ => false,
    }
}

/// What is wrong with a value on its own; [`ValueIssue::at`] places it.
enum ValueIssue {
    /// Not of the expected JSON type; the text says what was expected.
    Expected(String),
    /// Of the right type but not acceptable.
    Wrong(IssueClass, String),
}

impl ValueIssue {
    fn expected(what: impl Into<String>) -> Self {
        Self::Expected(what.into())
    }

    /// The issue of value `v` at `at`.
    fn at(self, at: &At<'_>, v: &Value) -> FieldIssue {
        match self {
            Self::Expected(what) => FieldIssue::new(
                at.path(),
                IssueClass::BadType,
                fr::schema::expected(&what, &describe(v)),
            ),
            Self::Wrong(class, message) => FieldIssue::new(at.path(), class, message),
        }
    }
}

/// Non-empty text.
fn text(v: &Value) -> Option<ValueIssue> {
    match v.as_str() {
        Some(s) if s.trim().is_empty() => Some(ValueIssue::Wrong(
            IssueClass::BadValue,
            fr::schema::EMPTY.to_owned(),
        )),
        Some(_) => None,
        None => Some(ValueIssue::expected(fr::schema::EXPECTED_TEXT)),
    }
}

/// The longest id, in characters.
pub const ID_MAX_LEN: usize = 128;

/// What is wrong with `id` as a record id, if anything: an id is 1 to [`ID_MAX_LEN`]
/// characters from `A-Z a-z 0-9 . _ -`, the first a letter or a digit
/// (`docs/data-format.md`, "Ids"). Such an id can be typed, quoted in a shell, put in
/// a file name or a URL, and erased again.
pub fn id_problem(id: &str) -> Option<String> {
    let allowed = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-');
    let first_ok = id.bytes().next().is_some_and(|b| b.is_ascii_alphanumeric());
    if id.len() > ID_MAX_LEN {
        Some(fr::schema::id_too_long(ID_MAX_LEN, id.chars().count()))
    } else if !first_ok || !id.bytes().all(allowed) {
        Some(fr::schema::not_an_id(&quoted_for_message(id)))
    } else {
        None
    }
}

/// `s` in French quotes with its control characters written as escapes
/// (`« a\u{0}b »`), so that a message never carries them to a terminal.
fn quoted_for_message(s: &str) -> String {
    fr::schema::quoted(s.escape_debug())
}

/// A record id.
fn id(v: &Value) -> Option<ValueIssue> {
    match v.as_str() {
        Some(s) => id_problem(s).map(|message| ValueIssue::Wrong(IssueClass::BadId, message)),
        None => Some(ValueIssue::expected(fr::schema::EXPECTED_ID)),
    }
}

/// A whole number in `min..=max`.
fn count(v: &Value, min: u64, max: u64) -> Option<ValueIssue> {
    let outside = |n: &dyn std::fmt::Display| {
        ValueIssue::Wrong(IssueClass::BadValue, fr::schema::out_of_range(n, min, max))
    };
    match v.as_u64() {
        Some(n) if n < min || n > max => Some(outside(&n)),
        Some(_) => None,
        None if v.as_i64().is_some() => Some(outside(v)),
        None => Some(ValueIssue::expected(fr::schema::EXPECTED_COUNT)),
    }
}

/// Euros, at most two decimals, not negative.
fn money(v: &Value) -> Option<ValueIssue> {
    let parsed = match v {
        Value::Number(n) => Money::from_euros_str(&n.to_string()),
        // CSV cells that could not be read as an amount arrive as text.
        Value::String(s) => match Money::from_euros_str(s) {
            Err(e) => Err(e),
            Ok(_) => return Some(ValueIssue::expected(fr::schema::EXPECTED_MONEY)),
        },
        _ => return Some(ValueIssue::expected(fr::schema::EXPECTED_MONEY)),
    };
    match parsed {
        Ok(m) if m.is_negative() => Some(ValueIssue::Wrong(
            IssueClass::NegativeMoney,
            fr::schema::negative_money(m),
        )),
        Ok(_) => None,
        Err(e) => Some(ValueIssue::Wrong(IssueClass::BadValue, e.to_string())),
    }
}

/// A calendar date `YYYY-MM-DD`.
fn date(v: &Value) -> Option<ValueIssue> {
    match v.as_str() {
        Some(s) => parse_date(s)
            .err()
            .map(|message| ValueIssue::Wrong(IssueClass::BadDate, message)),
        None => Some(ValueIssue::expected(fr::schema::EXPECTED_DATE)),
    }
}

/// Reads a strict `YYYY-MM-DD` date.
pub fn parse_date(s: &str) -> Result<NaiveDate, String> {
    let shaped = s.len() == 10
        && s.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    if !shaped {
        return Err(fr::schema::date_shape(s));
    }
    let date =
        NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| fr::schema::not_a_calendar_date(s))?;
    if !DATE_YEARS.contains(&date.year()) {
        return Err(fr::schema::date_years(
            s,
            *DATE_YEARS.start(),
            *DATE_YEARS.end(),
        ));
    }
    Ok(date)
}

/// The years a date may fall in: wide enough for any real record, narrow enough that
/// no window spans millennia (`0000-01-01`, `9999-12-31`).
pub const DATE_YEARS: std::ops::RangeInclusive<i32> = 1900..=2200;

fn date_at(o: &Map<String, Value>, key: &str) -> Option<NaiveDate> {
    o.get(key)
        .and_then(Value::as_str)
        .and_then(|s| parse_date(s).ok())
}

fn str_at<'v>(o: &'v Map<String, Value>, key: &str) -> Option<&'v str> {
    o.get(key).and_then(Value::as_str)
}

fn present(o: &Map<String, Value>, key: &str) -> bool {
    o.get(key).is_some_and(|v| !v.is_null())
}

fn expert_rules(o: &Map<String, Value>, reference: &Reference<'_>, out: &mut Vec<FieldIssue>) {
    let status = str_at(o, "status");
    let employed = matches!(status, Some("employee" | "public_agent"));
    if employed && !present(o, "employer") {
        out.push(FieldIssue::new(
            "employer",
            IssueClass::EmployeeWithoutEmployer,
            fr::schema::employer_missing(status.unwrap_or_default()),
        ));
    }
    if employed && !present(o, "consent") {
        out.push(FieldIssue::new(
            "consent",
            IssueClass::MissingField,
            fr::schema::CONSENT_MISSING,
        ));
    }
    if matches!(status, Some("independent" | "retired")) && present(o, "employer") {
        out.push(FieldIssue::new(
            "employer",
            IssueClass::BadValue,
            fr::schema::EMPLOYER_NOT_EXPECTED,
        ));
    }
    if let Some(home) = o.get("home").and_then(Value::as_object) {
        // An unknown country is reported on its own; the département is then not in question.
        let abroad = str_at(home, "country")
            .is_some_and(|c| c != "FR" && reference.countries.get(c).is_some());
        if abroad && present(home, "department") {
            out.push(FieldIssue::new(
                "home.department",
                IssueClass::BadValue,
                fr::schema::DEPARTEMENT_ABROAD,
            ));
        }
    }
    if let Some(consent) = o.get("consent").and_then(Value::as_object)
        && let (Some(from), Some(to)) =
            (date_at(consent, "valid_from"), date_at(consent, "valid_to"))
        && to < from
    {
        out.push(FieldIssue::new(
            "consent.valid_to",
            IssueClass::WindowReversed,
            fr::schema::consent_reversed(from, to),
        ));
    }
}

fn need_rules(o: &Map<String, Value>, out: &mut Vec<FieldIssue>) {
    let duration = o.get("duration_days").and_then(Value::as_u64);
    if let Some(days) = duration
        && !MISSION_DAYS.contains(&days)
    {
        out.push(FieldIssue::new(
            "duration_days",
            IssueClass::DurationOutOfRange,
            fr::schema::duration_out_of_range(*MISSION_DAYS.start(), *MISSION_DAYS.end(), days),
        ));
    }
    let window = o
        .get("window")
        .and_then(Value::as_object)
        .and_then(|w| DateWindow::new(date_at(w, "from")?, date_at(w, "to")?).ok());
    if let (Some(window), Some(days)) = (window, duration)
        && u64::from(window.len_days()) < days
    {
        out.push(FieldIssue::new(
            "window",
            IssueClass::WindowTooShort,
            fr::schema::window_too_short(&fr::window(&window), window.len_days(), days),
        ));
    }
    let country = str_at(o, "country");
    match str_at(o, "kind") {
        Some("reciprocity") if country.is_some_and(|c| c != "FR") => out.push(FieldIssue::new(
            "country",
            IssueClass::BadValue,
            fr::schema::RECIPROCITY_ABROAD,
        )),
        Some("standard") if country == Some("FR") => out.push(FieldIssue::new(
            "country",
            IssueClass::BadValue,
            fr::schema::STANDARD_IN_FRANCE,
        )),
        Some("standard") if present(o, "expert_origin") => out.push(FieldIssue::new(
            "expert_origin",
            IssueClass::BadValue,
            fr::schema::ORIGIN_NOT_RECIPROCITY,
        )),
        _ => {}
    }
}
