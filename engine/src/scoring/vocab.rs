//! The scoring vocabulary: which gates decide eligibility and which criteria make a
//! score. Each has a stable snake_case id (the one the JSON and CSV outputs carry, which
//! scripts rely on) and a French label for people (its `Display`).

use std::fmt;

use serde::{Deserialize, Serialize};

/// A hard eligibility rule. A candidate that fails one is excluded; some raise a
/// [`Flag`](super::Flag) on an eligible candidate instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Gate {
    /// Employer consent: granted and valid over the dates (pending only on request).
    Consent,
    /// A run of `duration_days` free days inside the need's window and the availability.
    Availability,
    /// Every required language at the required level or above.
    Language,
    /// The mission is not longer than the candidate's longest mission.
    Duration,
    /// Based in France (region) for standard needs; abroad, from the right country, for
    /// reciprocity.
    Home,
    /// The destination is not formally advised against.
    TravelAdvice,
    /// The offer has missions left to staff.
    Headcount,
    /// The need's country is among the offer's preferred countries, if it names any.
    Countries,
}

impl Gate {
    /// Every gate, in the order they are checked for an expert, then the offers' own.
    pub const ALL: [Gate; 8] = [
        Gate::Consent,
        Gate::Availability,
        Gate::Language,
        Gate::Duration,
        Gate::Home,
        Gate::TravelAdvice,
        Gate::Headcount,
        Gate::Countries,
    ];

    /// The stable id (`travel_advice`), as in JSON and CSV.
    pub const fn id(self) -> &'static str {
        match self {
            Gate::Consent => "consent",
            Gate::Availability => "availability",
            Gate::Language => "language",
            Gate::Duration => "duration",
            Gate::Home => "home",
            Gate::TravelAdvice => "travel_advice",
            Gate::Headcount => "headcount",
            Gate::Countries => "countries",
        }
    }

    /// Its name for people, in French.
    pub const fn label_fr(self) -> &'static str {
        crate::fr::gates::label(self)
    }

    /// The gate with this id.
    pub fn from_id(id: &str) -> Option<Gate> {
        Gate::ALL.into_iter().find(|g| g.id() == id)
    }
}

impl fmt::Display for Gate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label_fr())
    }
}

/// A soft measure in 0..1 that adds weighted points to a score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Criterion {
    /// How close the candidate's themes are to the need's.
    Theme,
    /// Text relevance and skill words in common.
    Skills,
    /// Languages beyond the required level.
    Languages,
    /// Experience of the need's country or sub-region.
    CountryExperience,
    /// Slack around the dates in the availability window.
    AvailabilityFit,
    /// Missions done with the network.
    Experience,
    /// Not proposed or booked too often lately.
    Rotation,
}

impl Criterion {
    /// Every criterion, in the order of a score's breakdown (and of CSV columns).
    pub const ALL: [Criterion; 7] = [
        Criterion::Theme,
        Criterion::Skills,
        Criterion::Languages,
        Criterion::CountryExperience,
        Criterion::AvailabilityFit,
        Criterion::Experience,
        Criterion::Rotation,
    ];

    /// The stable id (`country_experience`), as in JSON and CSV.
    pub const fn id(self) -> &'static str {
        match self {
            Criterion::Theme => "theme",
            Criterion::Skills => "skills",
            Criterion::Languages => "languages",
            Criterion::CountryExperience => "country_experience",
            Criterion::AvailabilityFit => "availability_fit",
            Criterion::Experience => "experience",
            Criterion::Rotation => "rotation",
        }
    }

    /// Its name for people, in French.
    pub const fn label_fr(self) -> &'static str {
        crate::fr::criteria::label(self)
    }

    /// The criterion with this id.
    pub fn from_id(id: &str) -> Option<Criterion> {
        Criterion::ALL.into_iter().find(|c| c.id() == id)
    }
}

impl fmt::Display for Criterion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label_fr())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serde_writes_the_stable_ids_and_reads_them_back() {
        for g in Gate::ALL {
            let json = serde_json::to_string(&g).unwrap();
            assert_eq!(json, format!("\"{}\"", g.id()));
            assert_eq!(serde_json::from_str::<Gate>(&json).unwrap(), g);
            assert_eq!(Gate::from_id(g.id()), Some(g));
        }
        for c in Criterion::ALL {
            let json = serde_json::to_string(&c).unwrap();
            assert_eq!(json, format!("\"{}\"", c.id()));
            assert_eq!(serde_json::from_str::<Criterion>(&json).unwrap(), c);
            assert_eq!(Criterion::from_id(c.id()), Some(c));
        }
        assert_eq!(Gate::from_id("Consent"), None);
        assert_eq!(Criterion::from_id("skill"), None);
    }

    #[test]
    fn display_is_french_and_every_label_differs() {
        assert_eq!(Gate::TravelAdvice.to_string(), "conseils aux voyageurs");
        assert_eq!(Criterion::Skills.to_string(), "compétences");
        let gates: std::collections::HashSet<_> = Gate::ALL.map(Gate::label_fr).into();
        assert_eq!(gates.len(), Gate::ALL.len());
        let criteria: std::collections::HashSet<_> = Criterion::ALL.map(Criterion::label_fr).into();
        assert_eq!(criteria.len(), Criterion::ALL.len());
    }
}
