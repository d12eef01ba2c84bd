//! Reading the header row of a table (CSV file or spreadsheet sheet) once, before its
//! rows: which field each column fills, and what is wrong with the header itself.
//!
//! Column problems are the header's, so they are reported once, on the header row,
//! rather than once per data row. Headers match the canonical column names
//! (`home.country`) whatever their case, accents and surrounding spaces (`Home.Country `),
//! and an unknown header gets the closest known column as a suggestion when one is
//! close (`langages` → "did you mean `languages`?").
//!
//! Columns people keep for themselves are left out with one warning, by a documented
//! rule ([`NOTE_COLUMNS`]): a header starting with `#`, a header named in the import's
//! `--ignore-columns`, or a note column (`commentaire`, `remarques`, `notes` …).

use super::fields::{Field, FieldType, fields};
use super::issue::{FieldIssue, IssueClass};
use crate::model::RecordKind;

/// Headers left out of every table (compared like any header: case, accents and
/// surrounding spaces aside): the comment columns coordinators add to their rosters.
pub const NOTE_COLUMNS: &[&str] = &[
    "commentaire",
    "commentaires",
    "comment",
    "comments",
    "remarque",
    "remarques",
    "note",
    "notes",
];

/// What one column of a table is used for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ColumnUse {
    /// It fills this field (the canonical column name, `home.country`).
    Field(String),
    /// It is left out: ignored by rule, unknown or a repeated header (the last two
    /// reported in [`HeaderPlan::issues`]).
    Skip,
    /// Its header is empty: harmless while its cells are empty too.
    Unnamed,
}

/// A table's header read against a record kind's columns.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HeaderPlan {
    /// One use per column of the header, in order.
    pub columns: Vec<ColumnUse>,
    /// The header's problems, each naming the column as written.
    pub issues: Vec<FieldIssue>,
    /// Headers left out by rule (`#…`, `--ignore-columns`, [`NOTE_COLUMNS`]), as written.
    pub ignored: Vec<String>,
    /// Canonical columns that an unknown header was probably meant to be: their absence
    /// from the rows is the header's problem, already reported, not each row's.
    pub suspected: Vec<String>,
}

impl HeaderPlan {
    /// Whether a row's issue is a consequence of a header problem already reported: a
    /// required field missing because its column is misspelt.
    pub fn excuses(&self, issue: &FieldIssue) -> bool {
        issue.class == IssueClass::MissingField
            && self.suspected.iter().any(|column| {
                column == &issue.field
                    || column
                        .strip_prefix(issue.field.as_str())
                        .is_some_and(|rest| rest.starts_with('.'))
            })
    }

    /// The `(column, cell)` pairs of one row for [`unflatten`](super::unflatten): the
    /// cells of the columns that fill a field, under their canonical names.
    pub fn cells<'p, 'r>(&'p self, row: &[&'r str]) -> Vec<(&'p str, &'r str)> {
        self.columns
            .iter()
            .zip(row)
            .filter_map(|(use_, cell)| match use_ {
                ColumnUse::Field(name) => Some((name.as_str(), *cell)),
                ColumnUse::Skip | ColumnUse::Unnamed => None,
            })
            .collect()
    }
}

/// A header as compared: trimmed, lower case, Latin accents removed (`Pays ` and
/// `pays` are one header, `Électricité` reads `electricite`).
pub fn normalise_header(header: &str) -> String {
    let mut out = String::with_capacity(header.len());
    for c in header.trim().chars().flat_map(char::to_lowercase) {
        match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => out.push('a'),
            'ç' => out.push('c'),
            'è' | 'é' | 'ê' | 'ë' => out.push('e'),
            'ì' | 'í' | 'î' | 'ï' => out.push('i'),
            'ñ' => out.push('n'),
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' => out.push('o'),
            'ù' | 'ú' | 'û' | 'ü' => out.push('u'),
            'ý' | 'ÿ' => out.push('y'),
            'œ' => out.push_str("oe"),
            'æ' => out.push_str("ae"),
            c => out.push(c),
        }
    }
    out
}

/// The canonical column names of a kind (as [`csv_columns`](super::csv_columns)).
fn column_names(kind: RecordKind) -> Vec<String> {
    fn collect(table: &[Field], prefix: &str, out: &mut Vec<String>) {
        for field in table {
            let name = if prefix.is_empty() {
                field.name.to_owned()
            } else {
                format!("{prefix}.{}", field.name)
            };
            match field.ty {
                FieldType::Object(inner) => collect(inner, &name, out),
                FieldType::Window => {
                    out.push(format!("{name}.from"));
                    out.push(format!("{name}.to"));
                }
                _ => out.push(name),
            }
        }
    }
    let mut out = Vec::new();
    collect(fields(kind), "", &mut out);
    out
}

/// Reads a header row: which field each column fills, the header's problems (unknown
/// columns, with a suggestion when one is close; a column given twice) and the columns
/// left out by rule. `ignore` holds the headers the user asked to leave out.
pub fn read_header(kind: RecordKind, headers: &[&str], ignore: &[String]) -> HeaderPlan {
    let known = column_names(kind);
    let normalised_known: Vec<String> = known.iter().map(|c| normalise_header(c)).collect();
    let ignore: Vec<String> = ignore.iter().map(|h| normalise_header(h)).collect();
    let mut plan = HeaderPlan::default();
    let mut taken: Vec<usize> = Vec::new();
    for header in headers {
        let norm = normalise_header(header);
        if norm.is_empty() {
            plan.columns.push(ColumnUse::Unnamed);
            continue;
        }
        if norm.starts_with('#') || ignore.contains(&norm) || NOTE_COLUMNS.contains(&&*norm) {
            plan.ignored.push(header.trim().to_owned());
            plan.columns.push(ColumnUse::Skip);
            continue;
        }
        let Some(at) = normalised_known.iter().position(|k| *k == norm) else {
            let suggestion = closest(&norm, &normalised_known).map(|i| known[i].clone());
            let mut message = crate::fr::import::unknown_column(kind.as_str());
            if let Some(s) = &suggestion {
                message.push_str(&crate::fr::import::did_you_mean(s));
                plan.suspected.push(s.clone());
            } else {
                message.push_str(&crate::fr::import::known_columns(&known.join(", ")));
            }
            plan.issues.push(FieldIssue::new(
                header.trim(),
                IssueClass::UnknownColumn,
                message,
            ));
            plan.columns.push(ColumnUse::Skip);
            continue;
        };
        if taken.contains(&at) {
            plan.issues.push(FieldIssue::new(
                header.trim(),
                IssueClass::DuplicateField,
                crate::fr::import::column_twice(&known[at]),
            ));
            plan.columns.push(ColumnUse::Skip);
            continue;
        }
        taken.push(at);
        plan.columns.push(ColumnUse::Field(known[at].clone()));
    }
    plan
}

/// The known column closest to `header`, when it is close enough to be a slip: within
/// a third of its length in edits (at least one, at most three), or the one column whose
/// last part it is (`country` for `home.country`). Ties suggest nothing.
fn closest(header: &str, known: &[String]) -> Option<usize> {
    let by_suffix: Vec<usize> = (0..known.len())
        .filter(|&i| {
            known[i]
                .rsplit_once('.')
                .is_some_and(|(_, last)| last == header)
        })
        .collect();
    if let [one] = by_suffix.as_slice() {
        return Some(*one);
    }
    let limit = (header.chars().count() / 3).clamp(1, 3);
    let distances: Vec<usize> = known.iter().map(|k| edit_distance(header, k)).collect();
    let best = *distances.iter().min()?;
    let mut at_best = distances.iter().enumerate().filter(|(_, d)| **d == best);
    match (at_best.next(), at_best.next()) {
        (Some((i, _)), None) if best <= limit => Some(i),
        _ => None,
    }
}

/// Levenshtein distance, in characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = Vec::with_capacity(b.len() + 1);
        current.push(i + 1);
        for (j, cb) in b.iter().enumerate() {
            let substitute = previous[j] + usize::from(ca != *cb);
            current.push(substitute.min(previous[j + 1] + 1).min(current[j] + 1));
        }
        previous = current;
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan(kind: RecordKind, headers: &[&str]) -> HeaderPlan {
        read_header(kind, headers, &[])
    }

    #[test]
    fn headers_match_whatever_their_case_accents_and_spaces() {
        let p = plan(
            RecordKind::Expert,
            &[" ID", "Name ", "HOME.Country", "Thèmes", "Langùages"],
        );
        assert!(p.issues.is_empty(), "{:?}", p.issues);
        let names: Vec<_> = p
            .columns
            .iter()
            .map(|c| match c {
                ColumnUse::Field(n) => n.as_str(),
                _ => "-",
            })
            .collect();
        assert_eq!(names, ["id", "name", "home.country", "themes", "languages"]);
        assert_eq!(normalise_header(" Œuvre Élan "), "oeuvre elan");
    }

    #[test]
    fn a_misspelt_column_is_reported_once_with_the_closest_column() {
        let p = plan(RecordKind::Expert, &["id", "langages", "home.contry"]);
        let said: Vec<_> = p
            .issues
            .iter()
            .map(|i| (i.field.as_str(), i.class))
            .collect();
        assert_eq!(
            said,
            [
                ("langages", IssueClass::UnknownColumn),
                ("home.contry", IssueClass::UnknownColumn)
            ]
        );
        assert!(
            p.issues[0]
                .message
                .contains("vouliez-vous dire `languages` ?"),
            "{}",
            p.issues[0].message
        );
        assert!(p.issues[1].message.contains("`home.country`"));
        assert_eq!(p.suspected, ["languages", "home.country"]);
        assert_eq!(p.columns[1], ColumnUse::Skip);
    }

    #[test]
    fn a_far_header_gets_the_list_of_columns_and_a_last_part_is_recognised() {
        let p = plan(RecordKind::Association, &["id", "budget annuel"]);
        assert!(!p.issues[0].message.contains("vouliez-vous dire"));
        assert!(p.issues[0].message.contains("department"));
        assert!(p.suspected.is_empty());
        let p = plan(RecordKind::Expert, &["country"]);
        assert!(
            p.issues[0]
                .message
                .contains("vouliez-vous dire `home.country` ?")
        );
    }

    #[test]
    fn a_missing_field_of_a_misspelt_column_is_excused_not_other_issues() {
        let p = plan(RecordKind::Need, &["id", "window.form"]);
        assert_eq!(p.suspected, ["window.from"]);
        let missing = |f: &str| FieldIssue::new(f, IssueClass::MissingField, "");
        assert!(p.excuses(&missing("window.from")));
        assert!(p.excuses(&missing("window")));
        assert!(!p.excuses(&missing("title")));
        assert!(!p.excuses(&missing("win")));
        assert!(!p.excuses(&FieldIssue::new("window.from", IssueClass::BadDate, "")));
    }

    #[test]
    fn own_columns_are_left_out_by_rule() {
        let p = read_header(
            RecordKind::Association,
            &["id", "#suivi", "Commentaire", "Référent", "", "name"],
            &["referent".to_owned()],
        );
        assert!(p.issues.is_empty(), "{:?}", p.issues);
        assert_eq!(p.ignored, ["#suivi", "Commentaire", "Référent"]);
        assert_eq!(p.columns[4], ColumnUse::Unnamed);
        assert_eq!(
            p.cells(&["a", "x", "y", "z", "", "A"]),
            [("id", "a"), ("name", "A")]
        );
    }

    #[test]
    fn a_column_given_twice_is_reported_once() {
        let p = plan(RecordKind::Association, &["id", "name", "Name"]);
        assert_eq!(p.issues.len(), 1);
        assert_eq!(p.issues[0].class, IssueClass::DuplicateField);
        assert_eq!(p.issues[0].field, "Name");
    }

    #[test]
    fn edit_distance_counts_characters() {
        assert_eq!(edit_distance("langages", "languages"), 1);
        assert_eq!(edit_distance("é", "e"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }
}
