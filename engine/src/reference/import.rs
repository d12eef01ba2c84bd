//! Reading a cost table as its publisher gives it, to replace the one in use without
//! rebuilding explor (`explor reference import FILE`).
//!
//! Two tables can be imported, each a CSV file (`,` or `;`, UTF-8, a byte order mark
//! allowed), told apart by their header:
//!
//! - **the ECB's euro reference rates** (`eurofxref.csv` or `eurofxref-hist.csv`):
//!   `Date, USD, JPY, …`, one row per day (`04 December 2026` or `2026-12-04`). The
//!   latest day gives the new rate of every floating currency of `costs.json`
//!   (`USD`); fixed parities (the CFA francs) stay as they are.
//! - **the DGFiP's per-diem scale abroad**: one row per country with the columns
//!   `pays` (ISO code or French name), `devise` (`EUR`, `XOF`, …) and `taux` (the daily
//!   rate, `1 234,50` as well as `1234.5`); optional `ville` (a city's own rate, on a
//!   row after its country's) and `depuis` (the day the rate applies from). It
//!   replaces the whole `per_diem_abroad` table.
//!
//! Every problem is reported with its file, line and column, and nothing is returned
//! when there is one: the caller writes all or nothing. Amounts and rates are exact
//! decimals, never floating point; the result is checked by [`CostRules::from_json`]
//! like the embedded file.

use chrono::NaiveDate;
use serde_json::{Map, Value, json};

use super::{Countries, ReferenceError};
use crate::cost::{CostRules, ExactDecimal};
use crate::values::french_date::reference_date;
use crate::values::number::read_decimal;

/// Which table a file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportedTable {
    /// The per-diem scale abroad (`costs.json` `per_diem_abroad`).
    PerDiem,
    /// Currency rates against the euro (`costs.json` `currencies`).
    ExchangeRates,
}

/// One problem of an imported file, where it is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file} : {}{}{message}",
    .line.map(crate::fr::reference::at_line).unwrap_or_default(),
    .field.as_deref().map(crate::fr::reference::at_field).unwrap_or_default())]
pub struct TableIssue {
    /// The file, as given.
    pub file: String,
    /// Its line (1 is the header), when the problem has one.
    pub line: Option<u64>,
    /// The column, when the problem is in one.
    pub field: Option<String>,
    /// What is wrong.
    pub message: String,
}

/// Why a table was not imported.
#[derive(Debug, thiserror::Error)]
pub enum TableImportError {
    /// The file has problems, each listed; nothing was imported.
    #[error("{}", crate::fr::reference::table_invalid(.issues.len(), .file))]
    Invalid {
        /// The file.
        file: String,
        /// Every problem found.
        issues: Vec<TableIssue>,
    },
    /// The cost rules with the new table break a rule of `costs.json`.
    #[error("{}", crate::fr::reference::RULES_BROKEN)]
    Rules(#[source] ReferenceError),
}

/// What the import is told besides the file.
#[derive(Debug, Clone, Copy)]
pub struct ImportOptions<'a> {
    /// The file's name, for messages and the default source.
    pub file: &'a str,
    /// The per-diem table's date; else the latest `depuis` of the file, else `today`.
    pub date: Option<NaiveDate>,
    /// The table's source; else one naming the publisher and the file.
    pub source: Option<&'a str>,
    /// The day of the import.
    pub today: NaiveDate,
}

/// A table read and merged into the cost rules.
#[derive(Debug, Clone)]
pub struct Imported {
    /// Which table it was.
    pub table: ImportedTable,
    /// The whole new `costs.json`, checked.
    pub costs_json: String,
    /// What changed, in one line for people.
    pub summary: String,
}

/// Reads `text` (a CSV file) and returns `costs_text` (a `costs.json`) with the table
/// it holds replaced; see the module's documentation for the two shapes.
pub fn import_table(
    costs_text: &str,
    text: &str,
    options: &ImportOptions<'_>,
    countries: &Countries,
) -> Result<Imported, TableImportError> {
    let rows = read_rows(text, options.file)?;
    let mut costs: Value = serde_json::from_str(costs_text)
        .map_err(|e| TableImportError::Rules(ReferenceError::parse("costs.json", e)))?;
    let header: Vec<String> = rows.first().map(|r| r.cells.clone()).unwrap_or_default();
    let names: Vec<String> = header.iter().map(|h| loose(h)).collect();
    let (table, summary) = if names.first().is_some_and(|n| n == "date")
        && header.iter().skip(1).any(|h| is_currency_code(h))
    {
        let summary = exchange_rates(&rows, &mut costs, options)?;
        (ImportedTable::ExchangeRates, summary)
    } else if column(&names, COUNTRY).is_some() && column(&names, AMOUNT).is_some() {
        let summary = per_diem(&rows, &names, &mut costs, options, countries)?;
        (ImportedTable::PerDiem, summary)
    } else {
        return Err(invalid(
            options.file,
            vec![issue(
                options.file,
                Some(1),
                None,
                crate::fr::reference::UNKNOWN_TABLE,
            )],
        ));
    };
    let costs_json = serde_json::to_string_pretty(&costs)
        .map_err(|e| TableImportError::Rules(ReferenceError::parse("costs.json", e)))?
        + "\n";
    CostRules::from_json(&costs_json).map_err(TableImportError::Rules)?;
    Ok(Imported {
        table,
        costs_json,
        summary,
    })
}

/// One CSV row: its line and trimmed cells.
struct Row {
    line: u64,
    cells: Vec<String>,
}

fn read_rows(text: &str, file: &str) -> Result<Vec<Row>, TableImportError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first = text.lines().next().unwrap_or_default();
    let delimiter = if first.matches(';').count() > first.matches(',').count() {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map(csv::Position::line);
            invalid(file, vec![issue(file, line, None, &e.to_string())])
        })?;
        let line = record.position().map_or(0, csv::Position::line);
        let cells: Vec<String> = record.iter().map(str::to_owned).collect();
        if cells.iter().all(String::is_empty) {
            continue;
        }
        rows.push(Row { line, cells });
    }
    if rows.len() < 2 {
        return Err(invalid(
            file,
            vec![issue(file, None, None, crate::fr::reference::NO_ROWS)],
        ));
    }
    Ok(rows)
}

fn issue(file: &str, line: Option<u64>, field: Option<&str>, message: &str) -> TableIssue {
    TableIssue {
        file: file.to_owned(),
        line,
        field: field.map(str::to_owned),
        message: message.to_owned(),
    }
}

fn invalid(file: &str, issues: Vec<TableIssue>) -> TableImportError {
    TableImportError::Invalid {
        file: file.to_owned(),
        issues,
    }
}

/// A header or name folded for comparison: lower case, no accents, `_` between words.
fn loose(text: &str) -> String {
    let folded = crate::scoring::fold(text);
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    words.join("_")
}

fn is_currency_code(text: &str) -> bool {
    text.len() == 3 && text.bytes().all(|b| b.is_ascii_uppercase())
}

/// The header names each column may have (folded).
const COUNTRY: &[&str] = &["pays", "country", "code_pays", "code"];
const AMOUNT: &[&str] = &[
    "taux",
    "montant",
    "indemnite",
    "taux_journalier",
    "indemnite_journaliere",
    "amount",
];
const CURRENCY: &[&str] = &["devise", "monnaie", "currency"];
const CITY: &[&str] = &["ville", "city"];
const SINCE: &[&str] = &["depuis", "date", "since", "date_d_effet", "a_compter_du"];

fn column(names: &[String], wanted: &[&str]) -> Option<usize> {
    names.iter().position(|n| wanted.contains(&n.as_str()))
}

/// A date as a person or a publisher writes it: `2026-12-04`, `04/12/2026`,
/// `04 December 2026` (the ECB's).
fn read_date(text: &str) -> Option<NaiveDate> {
    ["%Y-%m-%d", "%d/%m/%Y", "%d %B %Y"]
        .into_iter()
        .find_map(|f| NaiveDate::parse_from_str(text, f).ok())
}

/// A non-negative exact decimal in plain or French form (`1.0389`, `91 800`, `240,00`).
fn read_exact(text: &str) -> Option<ExactDecimal> {
    let d = read_decimal(text)?;
    if d.negative {
        return None;
    }
    let plain = if d.fraction.is_empty() {
        d.whole
    } else {
        format!("{}.{}", d.whole, d.fraction)
    };
    ExactDecimal::parse(&plain).ok()
}

fn exchange_rates(
    rows: &[Row],
    costs: &mut Value,
    options: &ImportOptions<'_>,
) -> Result<String, TableImportError> {
    let file = options.file;
    let header = &rows[0].cells;
    let mut issues = Vec::new();
    let mut latest: Option<(NaiveDate, &Row)> = None;
    for row in &rows[1..] {
        let cell = row.cells.first().map(String::as_str).unwrap_or_default();
        match read_date(cell) {
            Some(day) if latest.is_none_or(|(d, _)| day > d) => latest = Some((day, row)),
            Some(_) => {}
            None => issues.push(issue(
                file,
                Some(row.line),
                Some("Date"),
                &crate::fr::reference::rate_date(cell),
            )),
        }
    }
    let Some((day, row)) = latest else {
        return Err(invalid(file, issues));
    };
    let Some(currencies) = costs.get_mut("currencies").and_then(Value::as_array_mut) else {
        return Err(TableImportError::Rules(ReferenceError::invalid(
            "costs.json",
            crate::fr::reference::NO_CURRENCY.to_owned(),
        )));
    };
    let mut changed = Vec::new();
    for currency in currencies.iter_mut() {
        if currency.get("fixed").and_then(Value::as_bool) == Some(true) {
            continue;
        }
        let Some(code) = currency
            .get("code")
            .and_then(Value::as_str)
            .map(str::to_owned)
        else {
            continue;
        };
        let Some(at) = header.iter().position(|h| *h == code) else {
            issues.push(issue(
                file,
                Some(1),
                None,
                &crate::fr::reference::rate_column_missing(&code),
            ));
            continue;
        };
        let cell = row.cells.get(at).map(String::as_str).unwrap_or_default();
        let rate = match read_exact(cell) {
            Some(rate) if !rate.is_zero() => rate,
            _ => {
                issues.push(issue(
                    file,
                    Some(row.line),
                    Some(&code),
                    &crate::fr::reference::bad_rate(cell),
                ));
                continue;
            }
        };
        let iso = day.format("%Y-%m-%d").to_string();
        let source = options.source.map_or_else(
            || {
                crate::fr::reference::ecb_source(
                    &reference_date(&iso),
                    &rate.to_french(),
                    &code,
                    file,
                )
            },
            str::to_owned,
        );
        changed.push(format!("{code} {}", rate.to_french()));
        if let Some(o) = currency.as_object_mut() {
            o.insert("per_eur".into(), Value::String(rate.to_string()));
            o.insert("date".into(), Value::String(iso));
            o.insert("source".into(), Value::String(source));
        }
    }
    if !issues.is_empty() {
        return Err(invalid(file, issues));
    }
    Ok(crate::fr::reference::rates_imported(
        &reference_date(&day.format("%Y-%m-%d").to_string()),
        &changed.join(", "),
    ))
}

fn per_diem(
    rows: &[Row],
    names: &[String],
    costs: &mut Value,
    options: &ImportOptions<'_>,
    countries: &Countries,
) -> Result<String, TableImportError> {
    let file = options.file;
    let header = &rows[0].cells;
    let col = |wanted: &[&str]| column(names, wanted);
    let (Some(country_col), Some(amount_col)) = (col(COUNTRY), col(AMOUNT)) else {
        unreachable!("checked by the caller");
    };
    let (currency_col, city_col, since_col) = (col(CURRENCY), col(CITY), col(SINCE));
    let known_currencies: Vec<String> = costs
        .get("currencies")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|c| c.get("code").and_then(Value::as_str).map(str::to_owned))
        .collect();
    let mut issues = Vec::new();
    if currency_col.is_none() {
        issues.push(issue(
            file,
            Some(1),
            None,
            crate::fr::reference::CURRENCY_COLUMN_MISSING,
        ));
    }
    let mut rates: Vec<Map<String, Value>> = Vec::new();
    let mut latest_since: Option<NaiveDate> = None;
    for row in &rows[1..] {
        let cell = |at: Option<usize>| {
            at.and_then(|i| row.cells.get(i))
                .map(String::as_str)
                .unwrap_or_default()
        };
        let mut bad = |at: usize, message: String| {
            issues.push(issue(file, Some(row.line), Some(&header[at]), &message));
        };
        let name = cell(Some(country_col));
        let country = find_country(countries, name);
        if country.is_none() {
            bad(country_col, crate::fr::reference::bad_country(name));
        }
        let amount_text = cell(Some(amount_col));
        let amount = read_exact(amount_text).filter(|a| !a.is_zero());
        if amount.is_none() {
            bad(
                amount_col,
                crate::fr::reference::bad_daily_rate(amount_text),
            );
        }
        let currency_text = cell(currency_col);
        let currency = match loose(currency_text).as_str() {
            "eur" | "euro" | "euros" => Some("EUR".to_owned()),
            _ if known_currencies.iter().any(|c| c == currency_text) => {
                Some(currency_text.to_owned())
            }
            _ => None,
        };
        if let (None, Some(at)) = (&currency, currency_col) {
            bad(
                at,
                crate::fr::reference::unknown_currency(currency_text, &known_currencies.join(", ")),
            );
        }
        let since_text = cell(since_col);
        let since = if since_text.is_empty() {
            None
        } else {
            let day = read_date(since_text);
            match (day, since_col) {
                (None, Some(at)) => bad(at, crate::fr::reference::since_date(since_text)),
                (Some(d), _) => latest_since = latest_since.max(Some(d)),
                _ => {}
            }
            day.map(|d| d.format("%Y-%m-%d").to_string())
        };
        let (Some(country), Some(amount), Some(currency)) = (country, amount, currency) else {
            continue;
        };
        let city = cell(city_col);
        let existing = rates.iter_mut().find(|r| r["country"] == country.code);
        if city.is_empty() {
            if existing.is_some() {
                bad(
                    country_col,
                    crate::fr::reference::country_twice(&country.code),
                );
                continue;
            }
            let mut rate = Map::new();
            rate.insert("country".into(), json!(country.code));
            rate.insert("name_fr".into(), json!(country.name_fr));
            rate.insert("amount".into(), json!(amount.to_string()));
            rate.insert("currency".into(), json!(currency));
            if let Some(since) = since {
                rate.insert("since".into(), json!(since));
            }
            rate.insert("by_city".into(), json!([]));
            rates.push(rate);
        } else {
            let Some(parent) = existing else {
                bad(
                    city_col.unwrap_or(country_col),
                    crate::fr::reference::city_before_country(city, &country.code),
                );
                continue;
            };
            if parent["currency"] != currency.as_str() {
                bad(
                    currency_col.unwrap_or(amount_col),
                    crate::fr::reference::city_currency(
                        city,
                        &country.code,
                        &parent["currency"].to_string(),
                    ),
                );
                continue;
            }
            let entry = json!({
                "city": city,
                "amount": amount.to_string(),
                "source": options.source.unwrap_or(crate::fr::reference::SCALE_IMPORTED),
                "since": since.unwrap_or_default(),
            });
            if let Some(list) = parent.get_mut("by_city").and_then(Value::as_array_mut) {
                list.push(entry);
            }
        }
    }
    if !issues.is_empty() {
        return Err(invalid(file, issues));
    }
    let date = options.date.or(latest_since).unwrap_or(options.today);
    let iso = date.format("%Y-%m-%d").to_string();
    let source = options.source.map_or_else(
        || {
            crate::fr::reference::dgfip_source(
                file,
                &reference_date(&options.today.format("%Y-%m-%d").to_string()),
            )
        },
        str::to_owned,
    );
    // A city's rate without its own date applies from the table's.
    for rate in &mut rates {
        for city in rate
            .get_mut("by_city")
            .and_then(Value::as_array_mut)
            .into_iter()
            .flatten()
        {
            if city["since"] == "" {
                city["since"] = json!(iso);
            }
            if city["source"] == crate::fr::reference::SCALE_IMPORTED {
                city["source"] = json!(source);
            }
        }
    }
    let n = rates.len();
    if let Some(o) = costs.as_object_mut() {
        o.insert(
            "per_diem_abroad".into(),
            json!({"source": source, "date": iso, "rates": rates}),
        );
    }
    Ok(crate::fr::reference::scale_imported(
        &reference_date(&iso),
        n,
    ))
}

/// The country a cell names: its ISO code, or its French or English name.
fn find_country<'c>(countries: &'c Countries, text: &str) -> Option<&'c super::Country> {
    if let Some(c) = countries.get(text) {
        return Some(c);
    }
    let wanted = loose(text);
    if wanted.is_empty() {
        return None;
    }
    countries
        .iter()
        .find(|c| loose(&c.name_fr) == wanted || loose(&c.name_en) == wanted)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options(file: &str) -> ImportOptions<'_> {
        ImportOptions {
            file,
            date: None,
            source: None,
            today: "2026-12-05".parse().unwrap(),
        }
    }

    fn import(text: &str) -> Result<Imported, TableImportError> {
        import_table(
            explor_data::reference::COSTS,
            text,
            &options("f.csv"),
            Countries::embedded(),
        )
    }

    fn issues(err: TableImportError) -> Vec<String> {
        match err {
            TableImportError::Invalid { issues, .. } => {
                issues.iter().map(ToString::to_string).collect()
            }
            other => panic!("{other}"),
        }
    }

    #[test]
    fn the_ecb_rates_replace_floating_rates_and_keep_fixed_parities() {
        let ecb = "Date, USD, JPY, BGN, \n\
                   04 December 2026, 1.0512, 161.23, 1.9558, \n";
        let imported = import(ecb).unwrap();
        assert_eq!(imported.table, ImportedTable::ExchangeRates);
        let rules = CostRules::from_json(&imported.costs_json).unwrap();
        let usd = rules.currency("USD").unwrap();
        assert_eq!(usd.per_eur.to_string(), "1.0512");
        assert_eq!(usd.date, "2026-12-04");
        assert!(usd.source.contains("04/12/2026") && usd.source.contains("1,0512"));
        assert_eq!(
            rules.currency("XOF").unwrap().per_eur.to_string(),
            "655.957"
        );
        assert!(imported.summary.contains("USD 1,0512"));
        // The history file: the latest day wins, whatever the order.
        let hist =
            "Date,USD,JPY\n2026-12-03,1.0400,160\n2026-12-04,1.0500,161\n2026-12-02,1.0300,N/A\n";
        let rules = CostRules::from_json(&import(hist).unwrap().costs_json).unwrap();
        assert_eq!(rules.currency("USD").unwrap().per_eur.to_string(), "1.0500");
    }

    #[test]
    fn the_dgfip_scale_replaces_the_per_diem_table_with_french_numbers_and_names() {
        let scale = "\u{feff}Pays;Ville;Devise;Taux;Depuis\n\
                     République démocratique du Congo;;EUR;250,00;\n\
                     TG;;XOF;82 640;21/11/2025\n\
                     Togo;Lomé;XOF;95\u{a0}771;2024-07-08\n\
                     Haïti;;USD;220;\n";
        let imported = import(scale).unwrap();
        assert_eq!(imported.table, ImportedTable::PerDiem);
        let rules = CostRules::from_json(&imported.costs_json).unwrap();
        let table = &rules.per_diem_abroad;
        assert_eq!(table.rates.len(), 3);
        assert_eq!(table.date, "2025-11-21", "the latest `depuis`");
        let cd = table.get("CD".parse().unwrap()).unwrap();
        assert_eq!(cd.amount.to_string(), "250.00");
        let tg = table.get("TG".parse().unwrap()).unwrap();
        assert_eq!(tg.amount.to_string(), "82640");
        assert_eq!(tg.by_city[0].city, "Lomé");
        assert_eq!(tg.by_city[0].amount.to_string(), "95771");
        assert_eq!(tg.by_city[0].since, "2024-07-08");
        assert!(
            table.get("SN".parse().unwrap()).is_none(),
            "replaced, not merged"
        );
    }

    #[test]
    fn every_bad_cell_is_named_by_line_and_column_and_nothing_is_returned() {
        let scale = "pays;devise;taux\n\
                     Atlantide;EUR;100\n\
                     CD;EUR;-5\n\
                     SN;GBP;100\n\
                     CD;EUR;1.400,50\n";
        let found = issues(import(scale).unwrap_err());
        assert_eq!(found.len(), 4, "{found:#?}");
        assert!(found[0].starts_with("f.csv : ligne 2 : champ « pays » : « Atlantide »"));
        assert!(found[1].starts_with("f.csv : ligne 3 : champ « taux » : « -5 »"));
        assert!(found[2].starts_with("f.csv : ligne 4 : champ « devise » : « GBP »"));
        assert!(found[3].starts_with("f.csv : ligne 5 : champ « taux »"));

        let ecb = "Date, USD\nyesterday, 1.05\n03 December 2026, N/A\n";
        let found = issues(import(ecb).unwrap_err());
        assert!(found[0].contains("ligne 2 : champ « Date »"), "{found:?}");
        assert!(found[1].contains("ligne 3 : champ « USD »"), "{found:?}");

        let found = issues(import("Date, JPY\n2026-12-04, 161\n").unwrap_err());
        assert!(found[0].contains("pas de colonne USD"), "{found:?}");
        let found = issues(import("a,b\n1,2\n").unwrap_err());
        assert!(
            found[0].contains("impossible de dire quelle table"),
            "{found:?}"
        );
    }
}
