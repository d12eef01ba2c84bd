use serde::{Deserialize, Serialize};

use super::{LanguageLevel, ThemeKey};
use crate::values::{CountryCode, DateWindow};

/// An association's need for an expertise mission.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Need {
    /// Stable id (`need-kin-dechets`).
    pub id: String,
    /// Id of the association asking.
    pub association: String,
    /// Call for projects the need belongs to (`2027-printemps`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub call: Option<String>,
    /// Standard (abroad) or reciprocity (an expert from abroad comes to the region).
    pub kind: NeedKind,
    /// Title.
    pub title: String,
    /// Description.
    pub description: String,
    /// Theme.
    pub theme: ThemeKey,
    /// Skills sought.
    pub skills: Vec<String>,
    /// Mission country (`FR` for reciprocity).
    pub country: CountryCode,
    /// Mission city.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// Required languages (hard).
    pub languages: Vec<LanguageLevel>,
    /// Preferred languages (soft).
    #[serde(default)]
    pub preferred_languages: Vec<LanguageLevel>,
    /// Possible dates.
    pub window: DateWindow,
    /// Mission length, 7 to 15 days.
    pub duration_days: u32,
    /// How many experts, 1 to 5.
    #[serde(default = "one")]
    pub experts_wanted: u32,
    /// Objectives.
    #[serde(default)]
    pub objectives: Vec<String>,
    /// Expected deliverables.
    #[serde(default)]
    pub deliverables: Vec<String>,
    /// What the local partner provides.
    #[serde(default)]
    pub local_partner: LocalPartner,
    /// For reciprocity: the country the expert should come from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expert_origin: Option<CountryCode>,
}

fn one() -> u32 {
    1
}

/// Standard or reciprocity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NeedKind {
    /// A mission abroad for an expert based in the region.
    Standard,
    /// A mission in the region for an expert based abroad.
    Reciprocity,
}

/// The local partner and what it provides in kind.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LocalPartner {
    /// Partner's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Lodging provided free.
    #[serde(default)]
    pub provides_lodging: bool,
    /// Field transport provided free.
    #[serde(default)]
    pub provides_field_transport: bool,
    /// Meals provided free each day, 0 to 2.
    #[serde(default)]
    pub meals_provided_per_day: u8,
}
