//! Money in integer euro cents.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::ops::{Add, Sub};

use super::number::read_decimal;

/// An amount of euros held as integer cents; never a float.
///
/// Data files write euros as JSON numbers with at most two decimals (`350`, `12.5`);
/// [`Money::from_euros_str`] reads that text exactly.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Money {
    cents: i64,
}

/// Text that is not an amount of euros with at most two decimals.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BadMoney {
    /// Not a decimal number.
    #[error("{}", crate::fr::values::money_syntax(.0))]
    Syntax(String),
    /// More than two decimals.
    #[error("{}", crate::fr::values::money_too_precise(.0))]
    TooPrecise(String),
    /// Too large to hold.
    #[error("{}", crate::fr::values::money_overflow(.0))]
    Overflow(String),
}

impl Money {
    /// Zero euros.
    pub const ZERO: Money = Money { cents: 0 };

    /// An amount of cents.
    pub const fn from_cents(cents: i64) -> Self {
        Self { cents }
    }

    /// A whole number of euros.
    pub const fn from_euros(euros: i64) -> Self {
        Self { cents: euros * 100 }
    }

    /// The amount in cents.
    pub const fn cents(self) -> i64 {
        self.cents
    }

    /// Whether the amount is below zero.
    pub const fn is_negative(self) -> bool {
        self.cents < 0
    }

    /// Reads a decimal amount of euros such as `"350"`, `"-12.5"` or `"0.05"` exactly.
    /// French forms are read too ([`read_decimal`]): a decimal comma (`"12,50"`) and
    /// thousands grouped by spaces (`"1 400,50"`, with U+00A0 or U+202F as well).
    pub fn from_euros_str(text: &str) -> Result<Self, BadMoney> {
        let d = read_decimal(text).ok_or_else(|| BadMoney::Syntax(text.to_owned()))?;
        if d.fraction.len() > 2 {
            // Trailing zeros beyond the cents ("12.500") carry no extra precision.
            if d.fraction[2..].bytes().any(|b| b != b'0') {
                return Err(BadMoney::TooPrecise(text.to_owned()));
            }
        }
        let overflow = || BadMoney::Overflow(text.to_owned());
        let euros: i64 = d.whole.parse().map_err(|_| overflow())?;
        let mut frac: i64 = 0;
        for (i, b) in d.fraction.bytes().take(2).enumerate() {
            frac += i64::from(b - b'0') * if i == 0 { 10 } else { 1 };
        }
        let cents = euros
            .checked_mul(100)
            .and_then(|c| c.checked_add(frac))
            .ok_or_else(overflow)?;
        Ok(Self {
            cents: if d.negative { -cents } else { cents },
        })
    }
}

impl Add for Money {
    type Output = Money;
    fn add(self, rhs: Money) -> Money {
        Money::from_cents(self.cents + rhs.cents)
    }
}

impl Sub for Money {
    type Output = Money;
    fn sub(self, rhs: Money) -> Money {
        Money::from_cents(self.cents - rhs.cents)
    }
}

impl std::iter::Sum for Money {
    fn sum<I: Iterator<Item = Money>>(iter: I) -> Money {
        iter.fold(Money::ZERO, Add::add)
    }
}

/// Formats as euros with two decimals, e.g. `1400.00`.
impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.cents < 0 { "-" } else { "" };
        let abs = self.cents.unsigned_abs();
        write!(f, "{sign}{}.{:02}", abs / 100, abs % 100)
    }
}

/// Serialised as a JSON number of euros (`350`, `12.5`), the data files' shape.
impl Serialize for Money {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.cents % 100 == 0 {
            serializer.serialize_i64(self.cents / 100)
        } else {
            // The decimal text is exact; the number is parsed back from it so that a
            // JSON writer prints the shortest form (12.5, not 12.5000001).
            let text = self.to_string();
            let value: f64 = text.parse().map_err(serde::ser::Error::custom)?;
            serializer.serialize_f64(value)
        }
    }
}

impl<'de> Deserialize<'de> for Money {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let number = serde_json::Number::deserialize(deserializer)?;
        Money::from_euros_str(&number.to_string()).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_euro_text_exactly() {
        assert_eq!(Money::from_euros_str("350").unwrap().cents(), 35_000);
        assert_eq!(Money::from_euros_str("12.5").unwrap().cents(), 1_250);
        assert_eq!(Money::from_euros_str("0.05").unwrap().cents(), 5);
        assert_eq!(Money::from_euros_str("12,50").unwrap().cents(), 1_250);
        assert_eq!(Money::from_euros_str("-3.10").unwrap().cents(), -310);
        assert_eq!(Money::from_euros_str("1.500").unwrap().cents(), 150);
    }

    #[test]
    fn french_thousands_separators_are_read_like_the_plain_form() {
        // Issue #17: `1 400,50` was refused while `1400,5` was accepted.
        for text in [
            "1400,5",
            "1 400,50",
            "1\u{a0}400,50",
            "1\u{202f}400,50",
            "1 400.5",
        ] {
            assert_eq!(
                Money::from_euros_str(text).unwrap().cents(),
                140_050,
                "{text:?}"
            );
        }
        assert_eq!(
            Money::from_euros_str("45 000 000").unwrap().cents(),
            4_500_000_000
        );
        for bad in ["1.400,50", "1,400.50", "14 00,5"] {
            assert!(
                matches!(Money::from_euros_str(bad), Err(BadMoney::Syntax(_))),
                "{bad}"
            );
        }
    }

    #[test]
    fn refuses_more_than_two_decimals_and_garbage() {
        assert!(matches!(
            Money::from_euros_str("1.005"),
            Err(BadMoney::TooPrecise(_))
        ));
        for bad in ["", "abc", "1.", ".5", "1e3", "12 €", "--1"] {
            assert!(
                matches!(Money::from_euros_str(bad), Err(BadMoney::Syntax(_))),
                "{bad}"
            );
        }
        assert!(matches!(
            Money::from_euros_str("99999999999999999999"),
            Err(BadMoney::Overflow(_))
        ));
    }

    #[test]
    fn json_round_trip_keeps_the_canonical_shape() {
        for text in ["350", "12.5", "0.05", "45000000"] {
            let m: Money = serde_json::from_str(text).unwrap();
            assert_eq!(serde_json::to_string(&m).unwrap(), text);
        }
        assert!(serde_json::from_str::<Money>("1.234").is_err());
    }

    #[test]
    fn display_has_two_decimals() {
        assert_eq!(Money::from_cents(140_000).to_string(), "1400.00");
        assert_eq!(Money::from_cents(-5).to_string(), "-0.05");
    }
}
