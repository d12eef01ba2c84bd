//! Values read from their text as serde hands it over, without copying it first: the
//! codes, levels and days of every record a batch decodes.

use std::fmt;
use std::marker::PhantomData;
use std::str::FromStr;

use chrono::NaiveDate;
use serde::de::{self, Deserializer, Visitor};

/// Reads a `T` from a string with [`FromStr`], its error as serde's.
pub(crate) fn from_text<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: FromStr,
    T::Err: fmt::Display,
{
    d.deserialize_str(Text(PhantomData, "a string"))
}

/// Reads a `T` from the string serde hands over; `expecting` says what it wanted of
/// anything else.
struct Text<T>(PhantomData<T>, &'static str);

impl<T> Visitor<'_> for Text<T>
where
    T: FromStr,
    T::Err: fmt::Display,
{
    type Value = T;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.1)
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<T, E> {
        v.parse().map_err(E::custom)
    }
}

/// A day as explor writes it, `YYYY-MM-DD`: read digit by digit, and by chrono's parser
/// (whose answer, or error, it is) for anything else.
fn parse_day(text: &str) -> Result<NaiveDate, chrono::ParseError> {
    let b = text.as_bytes();
    let digits = |r: std::ops::Range<usize>| {
        b.get(r)?.iter().try_fold(0u32, |n, &c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    if b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && let (Some(y), Some(m), Some(d)) = (digits(0..4), digits(5..7), digits(8..10))
        && let Some(day) = i32::try_from(y)
            .ok()
            .and_then(|y| NaiveDate::from_ymd_opt(y, m, d))
    {
        return Ok(day);
    }
    text.parse()
}

/// A day, deserialized as chrono's own does (same text accepted, same errors) but
/// without its general parser for the usual form.
pub(crate) struct Day(pub(crate) NaiveDate);

impl FromStr for Day {
    type Err = chrono::ParseError;
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        parse_day(text).map(Day)
    }
}

impl<'de> serde::Deserialize<'de> for Day {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // chrono's words, so that a record's error reads the same.
        d.deserialize_str(Text(PhantomData, "a formatted date string"))
    }
}

/// An optional day (`deserialize_with` of a field with `#[serde(default)]`).
pub(crate) fn optional_day<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
    Ok(<Option<Day> as serde::Deserialize>::deserialize(d)?.map(|day| day.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_read_digit_by_digit_are_chrono_s_and_other_text_gets_chrono_s_answer() {
        let texts = [
            "2027-03-01",
            "2024-02-29",
            "2023-02-29",
            "2027-13-01",
            "2027-00-10",
            "2027-04-31",
            "0000-01-01",
            "9999-12-31",
            "2027-3-01",
            "2027-03-1",
            "+2027-03-01",
            "2027/03/01",
            " 2027-03-01",
            "2027-03-01 ",
            "27-03-01",
            "2027-0a-01",
            "",
            "2027-03-01T00",
            "١٢٣٤-03-01",
        ];
        for text in texts {
            let chrono: Result<NaiveDate, _> = text.parse();
            assert_eq!(
                parse_day(text).map_err(|e| e.to_string()),
                chrono.map_err(|e| e.to_string()),
                "{text:?}"
            );
        }
        // Every day of four years, leap day included, both ways.
        let mut day = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        while day < NaiveDate::from_ymd_opt(2030, 1, 1).unwrap() {
            assert_eq!(parse_day(&day.to_string()), Ok(day));
            day = day.succ_opt().unwrap();
        }
    }

    #[test]
    fn serde_errors_are_those_of_chrono_s_own_reading() {
        for json in [
            "\"2027-02-30\"",
            "\"2027-3-1\"",
            "5",
            "null",
            "[\"2027-03-01\"]",
        ] {
            let ours = serde_json::from_str::<Day>(json).map(|d| d.0);
            let chrono = serde_json::from_str::<NaiveDate>(json);
            assert_eq!(
                ours.map_err(|e| e.to_string()),
                chrono.map_err(|e| e.to_string()),
                "{json}"
            );
        }
    }

    #[test]
    fn codes_read_from_borrowed_or_escaped_text() {
        let code: crate::values::CountryCode = serde_json::from_str("\"SN\"").unwrap();
        assert_eq!(code.as_str(), "SN");
        // An escaped string is handed over as a transient copy, not borrowed.
        let code: crate::values::CountryCode = serde_json::from_str("\"\\u0053N\"").unwrap();
        assert_eq!(code.as_str(), "SN");
        let err = serde_json::from_str::<crate::values::CountryCode>("3").unwrap_err();
        assert!(err.to_string().contains("expected a string"), "{err}");
    }
}
