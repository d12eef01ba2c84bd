//! How old each reference table is, and whether it is older than it should be.
//!
//! Every reference file carries its `source` and `date`, and so does each section of
//! `costs.json` (and each currency rate). Some go stale: France Diplomatie's advice
//! changes within months, the ECB's rates daily, the per-diem scale every year or
//! two. [`MAX_AGES`] sets, per table, the age past which `explor reference status`
//! warns; the others (the theme taxonomy, ISO codes, fixed parities such as the CFA
//! franc's) do not go stale.

use chrono::{Datelike, Months, NaiveDate};
use serde::Serialize;
use serde_json::Value;

use super::ReferenceError;

/// Where a table in use comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Origin {
    /// Built into the binary (`data/reference/`).
    Embedded,
    /// The workspace's own copy (`explor reference import`, or a `scoring.json`).
    Workspace,
}

/// A reference file as it is in use: its name, its text, where it comes from.
#[derive(Debug, Clone, Copy)]
pub struct ReferenceFile<'a> {
    /// File name (`costs.json`).
    pub name: &'a str,
    /// Its text.
    pub text: &'a str,
    /// Where it comes from.
    pub origin: Origin,
}

/// The age, in months, past which a table is stale; tables not listed never are.
/// The name is the file, then the section of `costs.json` (`costs.json currencies`
/// covers each floating currency rate; a rate marked `"fixed": true` never goes stale).
pub const MAX_AGES: &[(&str, u32)] = &[
    ("travel-advice.json", 6),
    ("costs.json currencies", 12),
    ("costs.json per_diem_abroad", 24),
    ("costs.json domestic", 24),
    ("costs.json programme", 24),
    ("costs.json estimates", 12),
    ("costs.json mecenat", 12),
];

/// One table's date, source and age.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TableStatus {
    /// The table: a file (`themes.json`), a section of `costs.json`
    /// (`costs.json per_diem_abroad`), or a currency rate (`costs.json currencies USD`).
    pub table: String,
    /// Its date as the file writes it (`2025`, `2026-11`, `2024-12-31`).
    pub date: String,
    /// Where its figures come from.
    pub source: String,
    /// Where the table in use comes from.
    pub origin: Origin,
    /// The age past which it is stale, in months, if it can go stale.
    pub max_age_months: Option<u32>,
    /// Days since the end of the period its date names (the last day of `2025` for
    /// `2025`), when the date can be read.
    pub age_days: Option<i64>,
    /// Older than `max_age_months`.
    pub stale: bool,
}

/// The status of every table of `files` on `today`, in the order given (sections of
/// `costs.json` in file order).
pub fn reference_status(
    files: &[ReferenceFile<'_>],
    today: NaiveDate,
) -> Result<Vec<TableStatus>, ReferenceError> {
    let mut out = Vec::new();
    for file in files {
        let value: Value =
            serde_json::from_str(file.text).map_err(|e| ReferenceError::parse(file.name, e))?;
        let entry = |table: String, node: &Value| {
            let max_age = max_age(&table);
            status(table, node, file.origin, max_age, today)
        };
        out.push(entry(file.name.to_owned(), &value));
        let Some(object) = value.as_object() else {
            continue;
        };
        for (key, section) in object {
            if section.get("date").is_some() {
                out.push(entry(format!("{} {key}", file.name), section));
            }
            for item in section.as_array().into_iter().flatten() {
                if let (Some(code), Some(_)) =
                    (item.get("code").and_then(Value::as_str), item.get("date"))
                {
                    let fixed = item.get("fixed").and_then(Value::as_bool) == Some(true);
                    let table = format!("{} {key} {code}", file.name);
                    let max_age = (!fixed).then(|| max_age(&format!("{} {key}", file.name)));
                    out.push(status(table, item, file.origin, max_age.flatten(), today));
                }
            }
        }
    }
    Ok(out)
}

fn max_age(table: &str) -> Option<u32> {
    MAX_AGES
        .iter()
        .find(|(name, _)| *name == table)
        .map(|(_, months)| *months)
}

fn status(
    table: String,
    node: &Value,
    origin: Origin,
    max_age_months: Option<u32>,
    today: NaiveDate,
) -> TableStatus {
    let text = |key: &str| {
        node.get(key)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned()
    };
    let date = text("date");
    let end = period_end(&date);
    let age_days = end.map(|end| (today - end).num_days());
    let stale = match (end, max_age_months) {
        (Some(end), Some(months)) => end
            .checked_add_months(Months::new(months))
            .is_some_and(|limit| limit < today),
        _ => false,
    };
    TableStatus {
        table,
        date,
        source: text("source"),
        origin,
        max_age_months,
        age_days,
        stale,
    }
}

/// The last day of the period a reference date names: `2025-12-31` for `2025`,
/// `2026-11-30` for `2026-11`, the day itself for `2024-12-31`.
pub fn period_end(date: &str) -> Option<NaiveDate> {
    if let Ok(day) = NaiveDate::parse_from_str(date, "%Y-%m-%d") {
        return Some(day);
    }
    let (year, month) = match date.split_once('-') {
        Some((y, m)) => (y, Some(m)),
        None => (date, None),
    };
    if year.len() != 4 {
        return None;
    }
    let year: i32 = year.parse().ok()?;
    match month {
        None => NaiveDate::from_ymd_opt(year, 12, 31),
        Some(m) => {
            let m: u32 = m.parse().ok()?;
            let first = NaiveDate::from_ymd_opt(year, m, 1)?;
            let next = first.checked_add_months(Months::new(1))?;
            next.pred_opt().filter(|d| d.year() == year)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn a_date_names_the_end_of_its_period() {
        assert_eq!(period_end("2025"), Some(day("2025-12-31")));
        assert_eq!(period_end("2026-02"), Some(day("2026-02-28")));
        assert_eq!(period_end("2026-12"), Some(day("2026-12-31")));
        assert_eq!(period_end("2024-07-08"), Some(day("2024-07-08")));
        assert_eq!(period_end("soon"), None);
        assert_eq!(period_end("2026-13"), None);
    }

    #[test]
    fn tables_older_than_their_limit_are_stale_fixed_parities_never() {
        let costs = r#"{"source": "s", "date": "2026-11-28",
            "per_diem_abroad": {"source": "DGFiP", "date": "2024", "rates": []},
            "currencies": [
              {"code": "XOF", "per_eur": "655.957", "fixed": true, "source": "parité", "date": "1999-01-01"},
              {"code": "USD", "per_eur": "1.0389", "source": "BCE", "date": "2025-12-01"}
            ]}"#;
        let files = [ReferenceFile {
            name: "costs.json",
            text: costs,
            origin: Origin::Workspace,
        }];
        let status = reference_status(&files, day("2026-12-05")).unwrap();
        let find = |t: &str| status.iter().find(|s| s.table == t).unwrap();
        assert!(!find("costs.json").stale);
        // 2024 ends on 2024-12-31: two years on 2026-12-31, not yet.
        assert!(!find("costs.json per_diem_abroad").stale);
        assert_eq!(find("costs.json per_diem_abroad").max_age_months, Some(24));
        assert!(find("costs.json currencies USD").stale);
        assert_eq!(find("costs.json currencies USD").source, "BCE");
        assert_eq!(find("costs.json currencies USD").origin, Origin::Workspace);
        assert!(!find("costs.json currencies XOF").stale);
        assert_eq!(find("costs.json currencies XOF").max_age_months, None);
        let later = reference_status(&files, day("2027-01-01")).unwrap();
        assert!(
            later
                .iter()
                .any(|s| s.table == "costs.json per_diem_abroad" && s.stale)
        );
    }

    #[test]
    fn every_embedded_table_has_a_source_and_a_readable_date() {
        let files = super::super::embedded_files();
        let status = reference_status(&files, day("2026-12-05")).unwrap();
        for s in &status {
            assert!(!s.source.is_empty(), "{}", s.table);
            assert!(s.age_days.is_some(), "{}: {}", s.table, s.date);
        }
        assert!(
            status
                .iter()
                .any(|s| s.table == "costs.json per_diem_abroad")
        );
        assert!(status.iter().any(|s| s.table == "travel-advice.json"));
    }
}
