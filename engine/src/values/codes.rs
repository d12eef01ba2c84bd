//! ISO country and language codes, checked against the embedded reference lists.

use crate::reference::{Countries, Languages};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::{fmt, str::FromStr};

/// A code that is not in the reference list it was checked against.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BadCode {
    /// Not an ISO 3166-1 alpha-2 country code.
    #[error("{}", crate::fr::values::bad_country(.0))]
    Country(String),
    /// Not an ISO 639-1 language code.
    #[error("{}", crate::fr::values::bad_language(.0))]
    Language(String),
}

macro_rules! two_letter_code {
    ($(#[$doc:meta])* $name:ident, $check:expr, $err:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name([u8; 2]);

        impl $name {
            /// The code as text.
            pub fn as_str(&self) -> &str {
                // Only ASCII letters are ever stored.
                std::str::from_utf8(&self.0).unwrap_or("??")
            }
        }

        impl FromStr for $name {
            type Err = BadCode;
            fn from_str(s: &str) -> Result<Self, BadCode> {
                let check: fn(&str) -> bool = $check;
                match s.as_bytes() {
                    [a, b] if check(s) => Ok(Self([*a, *b])),
                    _ => Err(BadCode::$err(s.to_owned())),
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                crate::values::text::from_text(d)
            }
        }
    };
}

two_letter_code!(
    /// An ISO 3166-1 alpha-2 country code (`CD`, `FR`), upper case, known to the
    /// embedded country list.
    CountryCode,
    |s| Countries::embedded().get(s).is_some(),
    Country
);

two_letter_code!(
    /// An ISO 639-1 language code (`fr`, `wo`), lower case, known to the embedded
    /// language list.
    LanguageCode,
    |s| Languages::embedded().get(s).is_some(),
    Language
);

impl CountryCode {
    /// France, where reciprocity missions take place and standard experts live.
    pub fn france() -> Self {
        Self(*b"FR")
    }
}

impl LanguageCode {
    /// French, the programme's working language.
    pub fn french() -> Self {
        Self(*b"fr")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn country_codes_must_exist_and_be_upper_case() {
        assert_eq!("CD".parse::<CountryCode>().unwrap().as_str(), "CD");
        assert!("cd".parse::<CountryCode>().is_err());
        assert!("XX".parse::<CountryCode>().is_err());
        assert!("COD".parse::<CountryCode>().is_err());
        assert!("".parse::<CountryCode>().is_err());
        assert_eq!(CountryCode::france(), "FR".parse().unwrap());
    }

    #[test]
    fn language_codes_must_exist_and_be_lower_case() {
        for ok in ["fr", "en", "wo", "ln", "mg", "sw"] {
            assert!(ok.parse::<LanguageCode>().is_ok(), "{ok}");
        }
        assert!("FR".parse::<LanguageCode>().is_err());
        assert!("xx".parse::<LanguageCode>().is_err());
        assert!("fra".parse::<LanguageCode>().is_err());
    }

    #[test]
    fn codes_round_trip_through_json() {
        let c: CountryCode = serde_json::from_str("\"SN\"").unwrap();
        assert_eq!(serde_json::to_string(&c).unwrap(), "\"SN\"");
        assert!(serde_json::from_str::<LanguageCode>("\"zz\"").is_err());
    }
}
