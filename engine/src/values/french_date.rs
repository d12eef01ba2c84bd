//! Dates as a French reader writes them, for the text explor prints.

use chrono::{Datelike, NaiveDate};

/// The month's name of a day.
pub(crate) fn month_name(d: NaiveDate) -> &'static str {
    crate::fr::values::MONTHS[d.month0() as usize]
}

/// A date as reference files write it, for a French reader: `2024-07-08` →
/// `08/07/2024`, `2026-11` → `novembre 2026`; anything else (a year) as it is.
pub(crate) fn reference_date(date: &str) -> String {
    if let Ok(day) = NaiveDate::parse_from_str(date, "%Y-%m-%d") {
        return day.format("%d/%m/%Y").to_string();
    }
    match date.split_once('-') {
        Some((year, month)) if year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit()) => {
            match month.parse::<usize>() {
                Ok(m @ 1..=12) => format!("{} {year}", crate::fr::values::MONTHS[m - 1]),
                _ => date.to_owned(),
            }
        }
        _ => date.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::reference_date;

    #[test]
    fn days_months_and_years_read_the_french_way() {
        assert_eq!(reference_date("2024-07-08"), "08/07/2024");
        assert_eq!(reference_date("2026-11"), "novembre 2026");
        assert_eq!(reference_date("2025"), "2025");
        assert_eq!(reference_date("2026-13"), "2026-13");
    }
}
