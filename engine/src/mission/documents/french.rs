//! French wording of dates, durations, lists, the model's enums and the words the
//! documents put in place of missing facts, so that templates only place ready-made
//! text.

use chrono::{Datelike, NaiveDate};

use crate::cost::{RemainderPayer, pct};
use crate::model::{ConsentScheme, ConsentStatus, EmployerKind, ExpertStatus, LanguageLevel};
use crate::reference::{AdviceLevel, Reference};

/// What a document says in place of a person erased at their request.
pub(super) const ERASED: &str = crate::fr::documents::ERASED;

/// What a table cell shows when there is nothing to show.
pub(super) const NONE: &str = "—";

fn month(d: NaiveDate) -> &'static str {
    crate::values::french_date::month_name(d)
}

/// `1er` for the first of the month, as French typography writes it; else the number.
fn day_number(d: NaiveDate) -> String {
    match d.day() {
        1 => "1er".to_owned(),
        n => n.to_string(),
    }
}

/// `1er mars 2027`.
pub(super) fn date_long(d: NaiveDate) -> String {
    format!("{} {} {}", day_number(d), month(d), d.year())
}

/// `01/03/2027`.
pub(super) fn date_short(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

/// `du 1er au 10 mars 2027`, `du 28 février au 9 mars 2027`, `du 28 décembre 2027 au
/// 6 janvier 2028`, or `le 1er mars 2027` for a single day.
pub(super) fn range_long(from: NaiveDate, to: NaiveDate) -> String {
    if from == to {
        return format!("le {}", date_long(from));
    }
    let start = if from.year() != to.year() {
        date_long(from)
    } else if from.month() != to.month() {
        format!("{} {}", day_number(from), month(from))
    } else {
        day_number(from)
    };
    crate::fr::documents::from_to(&start, date_long(to))
}

/// `10 jours`, `1 jour`.
pub(super) fn days(n: u32) -> String {
    crate::fr::documents::days(n)
}

/// `n` followed by the singular or plural word.
pub(super) fn plural(n: u32, one: &str, many: &str) -> String {
    format!("{n} {}", if n > 1 { many } else { one })
}

/// `a`, `a et b`, `a, b et c`.
pub(super) fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => crate::fr::documents::and_last(init.join(", "), last),
    }
}

/// A date as written in reference files (`2025-12-31`) in long form, or as given.
pub(super) fn iso_date_long(text: &str) -> String {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_or_else(|_| text.to_owned(), date_long)
}

pub(crate) fn status(s: ExpertStatus) -> &'static str {
    crate::fr::records::status(s)
}

pub(super) fn employer_kind(k: EmployerKind) -> &'static str {
    match k {
        EmployerKind::Company => crate::fr::documents::COMPANY,
        EmployerKind::LocalAuthority => crate::fr::documents::LOCAL_AUTHORITY,
        EmployerKind::PublicBody => crate::fr::documents::PUBLIC_BODY,
    }
}

pub(crate) fn scheme(s: ConsentScheme) -> &'static str {
    match s {
        ConsentScheme::MecenatCompetences => crate::fr::documents::SCHEME_PATRONAGE,
        ConsentScheme::CongeSolidaire => crate::fr::documents::SCHEME_LEAVE,
        ConsentScheme::MiseADisposition => crate::fr::documents::SCHEME_SECONDMENT,
        ConsentScheme::None => crate::fr::documents::SCHEME_NONE,
    }
}

pub(crate) fn consent_status(s: ConsentStatus) -> &'static str {
    crate::fr::documents::consent(s)
}

/// `valable du 1er janvier au 31 décembre 2027`, open ends included; empty when the
/// consent has no bounds.
pub(super) fn validity(from: Option<NaiveDate>, to: Option<NaiveDate>) -> String {
    match (from, to) {
        (Some(f), Some(t)) => format!("valable {}", range_long(f, t)),
        (Some(f), None) => crate::fr::documents::valid_from(date_long(f)),
        (None, Some(t)) => format!("valable jusqu'au {}", date_long(t)),
        (None, None) => String::new(),
    }
}

/// `français (B2)`, with the language's French name from the reference list.
pub(super) fn language(reference: &Reference<'_>, l: &LanguageLevel) -> String {
    let code = l.code.as_str();
    let name = reference
        .languages
        .get(code)
        .map_or_else(|| code.to_owned(), |lang| lang.name_fr.clone());
    format!("{name} ({})", l.level.as_str())
}

/// A country's French name, or its code when the reference list lacks it.
pub(super) fn country(reference: &Reference<'_>, code: &str) -> String {
    reference
        .countries
        .get(code)
        .map_or_else(|| code.to_owned(), |c| c.name_fr.clone())
}

/// `Haute-Garonne (31)`, or the bare code when unknown.
pub(super) fn departement(reference: &Reference<'_>, code: &str) -> String {
    reference
        .departements
        .get(code)
        .map_or_else(|| code.to_owned(), |d| format!("{} ({code})", d.name))
}

pub(super) fn advice_level(level: AdviceLevel) -> &'static str {
    match level {
        AdviceLevel::Red => crate::fr::documents::ADVICE_RED,
        AdviceLevel::Partial => crate::fr::documents::ADVICE_SOME_REGIONS,
        AdviceLevel::Clear => crate::fr::documents::ADVICE_NONE,
    }
}

/// Who pays the remainder, in words: `employer` names the employer(s) or company.
pub(super) fn payer(payer: RemainderPayer, association: &str, employer: &str) -> String {
    let asso = crate::fr::documents::the_association(association);
    match payer {
        RemainderPayer::Association => asso,
        RemainderPayer::Employer => employer.to_owned(),
        RemainderPayer::Split { employer_bp } => crate::fr::documents::employer_and_association(
            employer,
            pct(employer_bp),
            &asso,
            pct(10_000u32.saturating_sub(employer_bp)),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn dates_read_as_french_typography_writes_them() {
        assert_eq!(date_long(d(2027, 3, 1)), "1er mars 2027");
        assert_eq!(date_long(d(2027, 8, 15)), "15 août 2027");
        assert_eq!(date_short(d(2027, 3, 1)), "01/03/2027");
        assert_eq!(
            range_long(d(2027, 3, 1), d(2027, 3, 10)),
            "du 1er au 10 mars 2027"
        );
        assert_eq!(
            range_long(d(2027, 2, 28), d(2027, 3, 9)),
            "du 28 février au 9 mars 2027"
        );
        assert_eq!(
            range_long(d(2027, 12, 28), d(2028, 1, 6)),
            "du 28 décembre 2027 au 6 janvier 2028"
        );
        assert_eq!(range_long(d(2027, 3, 1), d(2027, 3, 1)), "le 1er mars 2027");
        assert_eq!(iso_date_long("2025-12-31"), "31 décembre 2025");
        assert_eq!(iso_date_long("2026-11"), "2026-11");
    }

    #[test]
    fn lists_and_plurals() {
        let v = |xs: &[&str]| {
            xs.iter()
                .map(std::string::ToString::to_string)
                .collect::<Vec<_>>()
        };
        assert_eq!(and_list(&v(&[])), "");
        assert_eq!(and_list(&v(&["a"])), "a");
        assert_eq!(and_list(&v(&["a", "b", "c"])), "a, b et c");
        assert_eq!(days(1), "1 jour");
        assert_eq!(days(10), "10 jours");
    }

    #[test]
    fn split_payer_names_both_shares() {
        assert_eq!(
            payer(
                RemainderPayer::Split { employer_bp: 6000 },
                "Eau Vive",
                "l'employeur X"
            ),
            "l'employeur X (60\u{a0}%) et l'association Eau Vive (40\u{a0}%)"
        );
    }
}
