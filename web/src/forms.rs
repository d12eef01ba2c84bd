//! Forms that enter records (a need, an offer, an expert's profile): their fields are the record's CSV columns,
//! so a form is read exactly as a spreadsheet row is (`unflatten`) and checked by the
//! import's own rules (`Workspace::check_form`) — one set of rules, two ways in. This
//! module only says how each column is asked for (label, kind of input, hint) and
//! places each problem next to its field.

use std::collections::BTreeMap;

use explor_engine::fr;
use explor_engine::schema::{FieldIssue, csv_columns, flatten, unflatten};
use explor_engine::{RecordKind, Reference};
use serde_json::Value;

/// How a field is entered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// One line of text.
    Text,
    /// Several lines.
    Area,
    /// A date (`aaaa-mm-jj`, the browser's date picker).
    Date,
    /// A whole number between two bounds.
    Number(u32, u32),
    /// One of these (value, label).
    Choice(Vec<(String, String)>),
    /// Any number of these (value, label): a list column, its cells joined by « ; ».
    Several(Vec<(String, String)>),
}

/// One field of a form, with what was entered and what is wrong with it.
#[derive(Debug, Clone)]
pub struct FormField {
    /// The CSV column (`window.from`), also the input's name.
    pub name: &'static str,
    /// The French label.
    pub label: &'static str,
    /// A hint under the field.
    pub hint: &'static str,
    /// Whether it must be filled.
    pub required: bool,
    /// How it is entered.
    pub input: Input,
    /// What was entered (or is stored).
    pub value: String,
    /// The problems found with it.
    pub errors: Vec<String>,
}

impl FormField {
    /// The id of the input (and of its error list, for `aria-describedby`).
    pub fn dom_id(&self) -> String {
        format!("champ-{}", self.name.replace(['.', '_'], "-"))
    }

    /// Whether `option` is among the values of a list field (`a; b`).
    pub fn holds(&self, option: &str) -> bool {
        self.value.split(';').any(|v| v.trim() == option)
    }
}

fn yes_no() -> Input {
    Input::Choice(vec![
        (String::new(), "—".to_owned()),
        ("true".to_owned(), fr::forms::YES.to_owned()),
        ("false".to_owned(), fr::forms::NO.to_owned()),
    ])
}

fn input_of(name: &str, reference: &Reference<'_>) -> Input {
    match name {
        "description" | "objectives" | "deliverables" | "bio" => Input::Area,
        "window.from" | "window.to" => Input::Date,
        "duration_days" => Input::Number(7, 15),
        "max_mission_days" => Input::Number(1, 366),
        "headcount" => Input::Number(1, 10_000),
        "experts_wanted" => Input::Number(1, 5),
        "local_partner.meals_provided_per_day" => Input::Number(0, 2),
        "kind" => Input::Choice(vec![
            ("standard".to_owned(), fr::forms::KIND_STANDARD.to_owned()),
            (
                "reciprocity".to_owned(),
                fr::forms::KIND_RECIPROCITY.to_owned(),
            ),
        ]),
        "theme" => {
            let mut themes = themes(reference);
            themes.insert(0, (String::new(), "—".to_owned()));
            Input::Choice(themes)
        }
        "themes" => Input::Several(themes(reference)),
        "country" => {
            let mut countries: Vec<(String, String)> = reference
                .countries
                .iter()
                .map(|c| (c.code.clone(), c.name_fr.clone()))
                .collect();
            countries.sort_by(|a, b| a.1.cmp(&b.1));
            countries.insert(0, (String::new(), "—".to_owned()));
            Input::Choice(countries)
        }
        "local_partner.provides_lodging"
        | "local_partner.provides_field_transport"
        | "covers_remaining_costs" => yes_no(),
        _ => Input::Text,
    }
}

/// The themes of the taxonomy (key, French label), by label.
fn themes(reference: &Reference<'_>) -> Vec<(String, String)> {
    let mut themes: Vec<(String, String)> = reference
        .taxonomy
        .iter()
        .map(|t| (t.key.clone(), t.label_fr.clone()))
        .collect();
    themes.sort_by(|a, b| a.1.cmp(&b.1));
    themes
}

pub use explor_engine::fr::forms::EXPERT_FIELDS;

/// The form of a need or an offer, filled with `values` (by column) and `errors`
/// placed by field.
pub fn record_form(
    kind: RecordKind,
    values: &BTreeMap<String, String>,
    issues: &[FieldIssue],
    reference: &Reference<'_>,
) -> (Vec<FormField>, Vec<String>) {
    let specs: &[_] = match kind {
        RecordKind::Offer => &fr::forms::OFFER_FIELDS,
        RecordKind::Expert => &EXPERT_FIELDS,
        _ => &fr::forms::NEED_FIELDS,
    };
    form(specs, values, issues, reference)
}

/// A form of `specs`, filled with `values` (by column) and `errors` placed by field.
pub fn form(
    specs: &[(&'static str, &'static str, &'static str, bool)],
    values: &BTreeMap<String, String>,
    issues: &[FieldIssue],
    reference: &Reference<'_>,
) -> (Vec<FormField>, Vec<String>) {
    let mut fields: Vec<FormField> = specs
        .iter()
        .map(|&(name, label, hint, required)| FormField {
            name,
            label,
            hint,
            required,
            input: input_of(name, reference),
            value: values.get(name).cloned().unwrap_or_default(),
            errors: Vec::new(),
        })
        .collect();
    let mut general = Vec::new();
    for issue in issues {
        match field_of(&fields, &issue.field) {
            Some(i) => fields[i].errors.push(issue.message.clone()),
            None => general.push(if issue.field.is_empty() {
                issue.message.clone()
            } else {
                format!("{} : {}", issue.field, issue.message)
            }),
        }
    }
    (fields, general)
}

/// Which form field a problem's field path is about: the field itself
/// (`duration_days`, `window.from`), a list's item (`languages[1].level` →
/// `languages`), or a whole object's first field (`window` → `window.from`).
fn field_of(fields: &[FormField], path: &str) -> Option<usize> {
    let exact = fields.iter().position(|f| f.name == path);
    let item = || {
        fields
            .iter()
            .position(|f| path.starts_with(&format!("{}[", f.name)))
    };
    let object = || {
        fields
            .iter()
            .position(|f| f.name.starts_with(&format!("{path}.")))
    };
    exact.or_else(item).or_else(object)
}

/// The columns a form sends that the record kind knows, as a spreadsheet row: empty
/// cells are absent, as in a file; a column sent several times (a list chosen in a
/// multiple select) is one cell, its values joined by « ; ».
pub fn row(kind: RecordKind, sent: &[(String, String)]) -> BTreeMap<String, String> {
    let columns = csv_columns(kind);
    let mut row: BTreeMap<String, String> = BTreeMap::new();
    for (k, v) in sent {
        let v = v.trim();
        if v.is_empty() || !columns.iter().any(|c| c == k) {
            continue;
        }
        row.entry(k.clone())
            .and_modify(|cell| {
                cell.push_str("; ");
                cell.push_str(v);
            })
            .or_insert_with(|| v.to_owned());
    }
    row
}

/// The record a row makes, with the fields the server sets (`id`, `association`,
/// `company.id`), and
/// the problems reading its cells.
pub fn record_of(
    kind: RecordKind,
    row: &BTreeMap<String, String>,
    fixed: &[(&str, &str)],
) -> (Value, Vec<FieldIssue>) {
    let mut cells: Vec<(&str, &str)> = row
        .iter()
        .filter(|(k, _)| !fixed.iter().any(|(f, _)| f == k))
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    cells.extend(fixed.iter().copied());
    unflatten(kind, &cells)
}

/// A stored record as a form's values.
pub fn values_of(kind: RecordKind, record: &Value) -> BTreeMap<String, String> {
    csv_columns(kind)
        .into_iter()
        .zip(flatten(kind, record))
        .filter(|(_, v)| !v.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use explor_engine::IssueClass;

    use super::*;

    #[test]
    fn a_problem_is_placed_next_to_its_field_or_above_the_form() {
        let r = Reference::embedded();
        let issues = [
            FieldIssue::new("duration_days", IssueClass::DurationOutOfRange, "trop long"),
            FieldIssue::new("languages[0].level", IssueClass::BadLevel, "niveau inconnu"),
            FieldIssue::new("window", IssueClass::WindowReversed, "fenêtre inversée"),
            FieldIssue::new("association", IssueClass::UnknownAssociation, "inconnue"),
        ];
        let (fields, general) = record_form(RecordKind::Need, &BTreeMap::new(), &issues, &r);
        let errors = |name: &str| {
            fields
                .iter()
                .find(|f| f.name == name)
                .map(|f| f.errors.clone())
                .unwrap()
        };
        assert_eq!(errors("duration_days"), ["trop long"]);
        assert_eq!(errors("languages"), ["niveau inconnu"]);
        assert!(errors("preferred_languages").is_empty());
        assert_eq!(errors("window.from"), ["fenêtre inversée"]);
        assert_eq!(general, ["association : inconnue"]);
    }

    #[test]
    fn a_stored_record_fills_the_form_it_would_be_read_from() {
        let text = std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../data/sample/needs.json"),
        )
        .unwrap();
        let needs: Vec<Value> = serde_json::from_str(&text).unwrap();
        let values = values_of(RecordKind::Need, &needs[0]);
        let (back, issues) = record_of(RecordKind::Need, &values, &[]);
        assert!(issues.is_empty(), "{issues:?}");
        assert_eq!(back, needs[0]);
    }
}
