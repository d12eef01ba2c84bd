//! CEFR language levels.

use serde::{Deserialize, Deserializer, Serialize};
use std::{fmt, str::FromStr};

/// A level of the Common European Framework of Reference for languages, ordered
/// from `A1` (lowest) to `C2` (highest), so `level >= required` reads as it should.
///
/// Read in any case (`b2` is `B2`), always written in capitals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Cefr {
    /// Breakthrough.
    A1,
    /// Waystage.
    A2,
    /// Threshold.
    B1,
    /// Vantage.
    B2,
    /// Effective operational proficiency.
    C1,
    /// Mastery.
    C2,
}

impl Cefr {
    /// All levels, lowest first.
    pub const ALL: [Cefr; 6] = [Cefr::A1, Cefr::A2, Cefr::B1, Cefr::B2, Cefr::C1, Cefr::C2];

    /// Rank from 0 (`A1`) to 5 (`C2`).
    pub fn rank(self) -> u8 {
        self as u8
    }

    /// The level's name, as written in data files.
    pub fn as_str(self) -> &'static str {
        match self {
            Cefr::A1 => "A1",
            Cefr::A2 => "A2",
            Cefr::B1 => "B1",
            Cefr::B2 => "B2",
            Cefr::C1 => "C1",
            Cefr::C2 => "C2",
        }
    }
}

/// A string that is not a CEFR level.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", crate::fr::values::bad_cefr(.0))]
pub struct BadCefr(pub String);

impl FromStr for Cefr {
    type Err = BadCefr;
    /// `B2`, `b2` or ` B2 `: spreadsheets and people write levels in either case.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let wanted = s.trim();
        Cefr::ALL
            .into_iter()
            .find(|l| l.as_str().eq_ignore_ascii_case(wanted))
            .ok_or_else(|| BadCefr(s.to_owned()))
    }
}

impl<'de> Deserialize<'de> for Cefr {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::values::text::from_text(deserializer)
    }
}

impl fmt::Display for Cefr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_are_ordered_lowest_first() {
        assert!(Cefr::A1 < Cefr::A2);
        assert!(Cefr::B1 < Cefr::B2);
        assert!(Cefr::B2 < Cefr::C1);
        assert!(Cefr::C1 < Cefr::C2);
        assert!(Cefr::ALL.windows(2).all(|p| p[0] < p[1]));
        assert_eq!(Cefr::C2.rank() - Cefr::A1.rank(), 5);
    }

    #[test]
    fn parses_names_in_any_case() {
        assert_eq!("B2".parse::<Cefr>(), Ok(Cefr::B2));
        // Issue #17: `b2` is `B2`.
        assert_eq!("b2".parse::<Cefr>(), Ok(Cefr::B2));
        assert_eq!(" c1 ".parse::<Cefr>(), Ok(Cefr::C1));
        assert_eq!(serde_json::from_str::<Cefr>("\"a2\"").unwrap(), Cefr::A2);
        assert!("B3".parse::<Cefr>().is_err());
        assert!(serde_json::from_str::<Cefr>("\"D1\"").is_err());
        assert_eq!(serde_json::to_string(&Cefr::C1).unwrap(), "\"C1\"");
    }
}
