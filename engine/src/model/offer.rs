use serde::{Deserialize, Serialize};

use super::{LanguageLevel, ThemeKey, is_false};
use crate::values::{CountryCode, DateWindow, Money};

/// A company's declared skills for skills sponsorship (*mécénat de compétences*).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Offer {
    /// Stable id (`off-elec-2027`).
    pub id: String,
    /// The company.
    pub company: Company,
    /// Title.
    pub title: String,
    /// What the company's people can do.
    #[serde(default)]
    pub description: String,
    /// Themes.
    pub themes: Vec<ThemeKey>,
    /// Skills.
    pub skills: Vec<String>,
    /// Languages its people speak.
    #[serde(default)]
    pub languages: Vec<LanguageLevel>,
    /// Preferred mission countries; empty means any.
    #[serde(default)]
    pub countries: Vec<CountryCode>,
    /// Named employees (expert ids).
    #[serde(default)]
    pub experts: Vec<String>,
    /// How many missions the company can staff in the window (its quota).
    pub headcount: u32,
    /// When the company can lend people.
    pub window: DateWindow,
    /// Longest mission, in days.
    pub max_mission_days: u32,
    /// The company pays the costs the network does not.
    #[serde(default, skip_serializing_if = "is_false")]
    pub covers_remaining_costs: bool,
}

/// The company behind an offer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Company {
    /// Stable id, the same as its employees' `employer.id`.
    pub id: String,
    /// Name.
    pub name: String,
    /// Yearly turnover, for the sponsorship tax-reduction cap.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub turnover_eur: Option<Money>,
}
