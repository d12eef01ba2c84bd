//! The French text catalogue: every sentence explor writes for a person — matching,
//! batches, missions, imports, the workspace, the command line and the web pages — in
//! one place, one file per area.
//!
//! Code everywhere (engine, indexer, command line, web, views) calls these functions
//! and constants instead of writing sentences inline, so the wording is reviewed (and
//! changed) here only. Typed errors name their message here too:
//! `#[error("{}", fr::values::bad_cefr(.0))]`. A guard test (`catalogue` in the
//! end-to-end tests) fails on any string literal with a French letter outside this
//! folder.
//!
//! What stays where it is: the `--help` texts (clap reads the doc comments of the
//! arguments at compile time); the web pages' own text in the askama templates under
//! `web/templates` (one file per page) and the mission documents' templates; ids, keys
//! and codes that scripts read (`travel_advice`, `terms_drafted`, JSON keys, CSV
//! columns, note columns' names); `tracing` log lines and internal errors, which are
//! for operators; and test code.
//!
//! One design decision: the functions take plain values (numbers, names already
//! looked up) and return `String`s, so the catalogue knows nothing of the records and
//! the engine's rules stay free of wording.
//!
//! ```
//! use explor_engine::fr;
//!
//! assert_eq!(fr::plural(1_u32, "jour", "jours"), "1 jour");
//! assert_eq!(fr::criteria::slack(3), "3 jours de marge autour des dates");
//! assert_eq!(fr::unbreakable_amounts("1 400 € et 50 %"), "1\u{202f}400\u{a0}€ et 50\u{a0}%");
//! ```

use chrono::NaiveDate;

use crate::values::DateWindow;

/// `n` followed by the singular or plural word (French: 0 and 1 take the singular).
pub fn plural(n: impl Into<u64>, one: &str, many: &str) -> String {
    let n = n.into();
    format!("{n} {}", if n > 1 { many } else { one })
}

/// A day as French readers write it: `01/03/2027`.
pub fn date(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

/// A window: `01/03/2027–30/04/2027`.
pub fn window(w: &DateWindow) -> String {
    format!("{}–{}", date(w.from()), date(w.to()))
}

/// Windows joined by `, `.
pub fn windows(ws: &[DateWindow]) -> String {
    ws.iter().map(window).collect::<Vec<_>>().join(", ")
}

pub mod audit;
pub mod batch;
pub mod cli;
pub mod cost;
pub mod criteria;
pub mod demo;
pub mod documents;
pub mod forms;
pub mod gates;
pub mod headers;
pub mod import;
pub mod matching;
pub mod mission;
pub mod pages;
pub mod records;
pub mod reference;
pub mod schema;
pub mod values;
pub mod views;
pub mod web;
pub mod workspace;

/// `text` with the spaces inside and after amounts made unbreakable, as French
/// typography wants: a narrow no-break space (U+202F) between groups of three digits
/// (`1 400`), a no-break space (U+00A0) between a number and `€`, `%` or `‰`. Other
/// spaces (a phone number's pairs, words) are left alone.
pub fn unbreakable_amounts(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let digit = |i: usize| chars.get(i).is_some_and(char::is_ascii_digit);
    let mut out = String::with_capacity(text.len() + 16);
    for (i, &c) in chars.iter().enumerate() {
        if c == ' ' && i > 0 && digit(i - 1) {
            if matches!(chars.get(i + 1), Some('€' | '%' | '‰')) {
                out.push('\u{a0}');
                continue;
            }
            if digit(i + 1) && digit(i + 2) && digit(i + 3) && !digit(i + 4) {
                out.push('\u{202f}');
                continue;
            }
        }
        out.push(c);
    }
    out
}

/// A number with one decimal and a decimal comma: `12,5`.
pub fn decimal1(x: f64) -> String {
    format!("{x:.1}").replace('.', ",")
}

/// A number with two decimals and a decimal comma: `1669,33`.
pub fn decimal2(x: f64) -> String {
    format!("{x:.2}").replace('.', ",")
}
