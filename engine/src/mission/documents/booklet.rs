//! The general part of the volunteer booklet: emergency contacts and advice that do not
//! depend on the mission, from `data/reference/booklet.json` (dated, with its source).

use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

/// The booklet file: one guide for missions abroad, one for reciprocity missions.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Booklet {
    pub(super) source: String,
    pub(super) date: String,
    pub(super) abroad: Guide,
    pub(super) reciprocity: Guide,
}

/// What an expert needs to know before leaving, for one direction of travel.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Guide {
    /// The first thing to do when something goes wrong.
    pub(super) first_call: String,
    pub(super) contacts: Vec<BookletContact>,
    pub(super) emergency: Vec<String>,
    pub(super) insurance: Vec<String>,
    pub(super) visa: Vec<String>,
    pub(super) health: Vec<String>,
    pub(super) logistics: Vec<String>,
}

/// A contact of the booklet; `phone` may be text such as "on the insurance certificate".
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct BookletContact {
    pub(super) name: String,
    pub(super) role: String,
    pub(super) phone: Option<String>,
    pub(super) web: Option<String>,
}

const EMBEDDED: &str = explor_data::reference::BOOKLET;

impl Booklet {
    pub(super) fn from_json(text: &str) -> serde_json::Result<Self> {
        serde_json::from_str(text)
    }

    /// The embedded file, parsed on first use.
    pub(super) fn embedded() -> &'static Booklet {
        static CELL: OnceLock<Booklet> = OnceLock::new();
        CELL.get_or_init(|| {
            // Checked by this module's tests; failing here is a build defect.
            Booklet::from_json(EMBEDDED).expect("embedded data/reference/booklet.json is valid")
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_booklet_is_dated_sourced_and_complete() {
        let b = Booklet::from_json(EMBEDDED).unwrap();
        assert!(b.source.contains("diplomatie") && b.date.starts_with("20"));
        for guide in [&b.abroad, &b.reciprocity] {
            assert!(guide.first_call.contains("assistance"));
            for list in [
                &guide.emergency,
                &guide.insurance,
                &guide.visa,
                &guide.health,
                &guide.logistics,
            ] {
                assert!(!list.is_empty());
            }
        }
        assert!(
            b.abroad
                .contacts
                .iter()
                .any(|c| c.name.contains("Centre de crise"))
        );
        let numbers: Vec<&str> = b
            .reciprocity
            .contacts
            .iter()
            .filter_map(|c| c.phone.as_deref())
            .collect();
        for n in ["15", "17", "18", "112"] {
            assert!(numbers.contains(&n), "{n}");
        }
    }
}
