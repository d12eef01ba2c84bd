use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{LanguageLevel, ThemeKey};
use crate::values::{CountryCode, DateWindow, Money};

/// A volunteer expert.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Expert {
    /// Stable id (`exp-0042`).
    pub id: String,
    /// Full name.
    pub name: String,
    /// E-mail address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Phone number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// Where the expert lives.
    pub home: Home,
    /// Professional status, which decides whose consent is needed.
    pub status: ExpertStatus,
    /// Employer, for employees and public agents only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub employer: Option<Employer>,
    /// The employer's consent (scheme `none`, status `not_required` when absent).
    #[serde(default)]
    pub consent: Consent,
    /// Themes of expertise.
    pub themes: Vec<ThemeKey>,
    /// Skills, free text.
    #[serde(default)]
    pub skills: Vec<String>,
    /// Short biography.
    #[serde(default)]
    pub bio: String,
    /// Languages spoken, with levels.
    pub languages: Vec<LanguageLevel>,
    /// Countries the expert has worked in.
    #[serde(default)]
    pub countries: Vec<CountryCode>,
    /// Date windows when the expert can leave.
    pub availability: Vec<DateWindow>,
    /// Longest mission accepted, in days.
    pub max_mission_days: u32,
    /// Salary plus charges per day, to value skills sponsorship.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub daily_cost_eur: Option<Money>,
    /// Missions already done with the network.
    #[serde(default)]
    pub missions_done: u32,
}

impl Expert {
    /// Whether the expert lives abroad (a candidate for reciprocity needs).
    pub fn is_foreign(&self) -> bool {
        self.home.country != CountryCode::france()
    }
}

/// An expert's home.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Home {
    /// Country.
    pub country: CountryCode,
    /// Département code, in France only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<String>,
    /// City.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
}

/// Professional status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExpertStatus {
    /// Employee of a company.
    Employee,
    /// Agent of a local authority or public body.
    PublicAgent,
    /// Self-employed.
    Independent,
    /// Retired.
    Retired,
}

impl ExpertStatus {
    /// Whether the status needs an employer and the employer's consent.
    pub fn has_employer(self) -> bool {
        matches!(self, ExpertStatus::Employee | ExpertStatus::PublicAgent)
    }
}

/// An expert's employer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Employer {
    /// Stable id, shared by the employer's offers (`co-elec-sud`).
    pub id: String,
    /// Name.
    pub name: String,
    /// What kind of employer.
    pub kind: EmployerKind,
}

/// Kind of employer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EmployerKind {
    /// Private company.
    Company,
    /// Municipality, community of municipalities, département, region.
    LocalAuthority,
    /// Other public body (hospital, agency…).
    PublicBody,
}

/// The employer's consent to the expert's mission.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Consent {
    /// Mobilisation scheme.
    pub scheme: ConsentScheme,
    /// Where the consent stands.
    pub status: ConsentStatus,
    /// First day the consent covers (open-ended when absent).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::values::text::optional_day"
    )]
    pub valid_from: Option<NaiveDate>,
    /// Last day the consent covers (open-ended when absent).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::values::text::optional_day"
    )]
    pub valid_to: Option<NaiveDate>,
}

impl Default for Consent {
    fn default() -> Self {
        Self {
            scheme: ConsentScheme::None,
            status: ConsentStatus::NotRequired,
            valid_from: None,
            valid_to: None,
        }
    }
}

impl Consent {
    /// Whether the consent's validity covers every day of `window`.
    pub fn covers(&self, window: &DateWindow) -> bool {
        self.valid_from.is_none_or(|f| f <= window.from())
            && self.valid_to.is_none_or(|t| window.to() <= t)
    }
}

/// Mobilisation scheme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConsentScheme {
    /// Skills sponsorship: the company lends the employee on working time.
    MecenatCompetences,
    /// The employee's solidarity leave.
    CongeSolidaire,
    /// A public agent made available by the authority.
    MiseADisposition,
    /// No employer involved.
    None,
}

/// Where the employer's consent stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConsentStatus {
    /// Given.
    Granted,
    /// Asked, not answered.
    Pending,
    /// Refused.
    Refused,
    /// No employer to ask.
    NotRequired,
}
