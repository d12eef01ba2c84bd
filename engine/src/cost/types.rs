//! What a cost plan is computed from ([`CostInput`]), what it holds ([`CostPlan`] and
//! its parts) and why it may fail ([`CostError`]).

use serde::{Deserialize, Serialize};

use crate::values::{CountryCode, Money};

/// At most this many experts in one mission (a guard against absurd input).
pub const MAX_EXPERTS: u32 = 100;

/// The longest mission accepted, in days.
pub const MAX_DAYS: u32 = 366;

/// Per-expert amounts given instead of the rules' figures.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Overrides {
    /// A daily rate R in euros, replacing the per-diem table (and, for reciprocity,
    /// the domestic rates: R is then split like a rate abroad).
    pub per_diem_daily: Option<Money>,
    /// Travel in France.
    pub national_transport: Option<Money>,
    /// Return flight.
    pub international_transport: Option<Money>,
    /// Insurance for the whole mission.
    pub insurance: Option<Money>,
    /// Visa.
    pub visa: Option<Money>,
    /// Travel on site for the whole mission.
    pub field_transport: Option<Money>,
}

/// Who pays the remainder (eligible costs minus the network's share).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RemainderPayer {
    /// The beneficiary association pays it all.
    #[default]
    Association,
    /// The expert's employer pays it all.
    Employer,
    /// The employer pays `employer_bp` basis points of it, the association the rest.
    Split {
        /// The employer's part, 0–10000.
        employer_bp: u32,
    },
}

/// What a cost plan is computed from. Amounts are per expert.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CostInput {
    /// Where the mission takes place (`FR` for reciprocity).
    pub country: CountryCode,
    /// The mission's city, for the domestic night rate.
    pub city: Option<String>,
    /// Mission days, 1 to 366.
    pub days: u32,
    /// Number of experts, at least 1; every expert has the same lines.
    pub experts: u32,
    /// A reciprocity mission: an expert from abroad comes to the region.
    pub reciprocity: bool,
    /// Reciprocity: the expert's country (its zone sets the flight estimate).
    pub expert_origin: Option<CountryCode>,
    /// Amounts given instead of the rules' figures.
    pub overrides: Overrides,
    /// The local partner provides lodging.
    pub lodging_provided: bool,
    /// Meals a day the local partner provides, 0 to 2.
    pub meals_provided_per_day: u8,
    /// The local partner provides travel on site.
    pub field_transport_provided: bool,
    /// Who pays the remainder.
    pub payer: RemainderPayer,
    /// The employee's cost (salary and social charges) per day, for the mécénat
    /// estimate.
    pub daily_cost: Option<Money>,
    /// The employer's yearly turnover, for the mécénat cap.
    pub turnover: Option<Money>,
}

impl CostInput {
    /// One expert, nothing provided, the association paying, no override.
    pub fn new(country: CountryCode, days: u32) -> Self {
        Self {
            country,
            city: None,
            days,
            experts: 1,
            reciprocity: false,
            expert_origin: None,
            overrides: Overrides::default(),
            lodging_provided: false,
            meals_provided_per_day: 0,
            field_transport_provided: false,
            payer: RemainderPayer::Association,
            daily_cost: None,
            turnover: None,
        }
    }
}

/// The kind of a cost line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// Travel in France.
    NationalTransport,
    /// Return flight.
    InternationalTransport,
    /// Insurance.
    Insurance,
    /// Visa.
    Visa,
    /// Lodging.
    Lodging,
    /// Meals and incidentals.
    PerDiem,
    /// Travel on site.
    FieldTransport,
}

impl Category {
    /// Every category, in the order of a plan's lines.
    pub const ALL: [Category; 7] = [
        Category::NationalTransport,
        Category::InternationalTransport,
        Category::Insurance,
        Category::Visa,
        Category::Lodging,
        Category::PerDiem,
        Category::FieldTransport,
    ];

    /// The French label, for tables and documents.
    pub fn label_fr(self) -> &'static str {
        crate::fr::cost::category(self)
    }
}

/// One expert's amount for one category.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CostLine {
    /// The expert, from 1.
    pub expert: u32,
    /// What the line pays for.
    pub category: Category,
    /// The amount (serialised in cents as `amount_cents`).
    #[serde(rename = "amount_cents", with = "cents")]
    pub amount: Money,
    /// How the amount was worked out, in French.
    pub basis: String,
}

/// A contribution in kind (by the local partner), for the whole mission.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InKind {
    /// What is provided.
    pub category: Category,
    /// What it would have cost (serialised in cents as `amount_cents`).
    #[serde(rename = "amount_cents", with = "cents")]
    pub amount: Money,
    /// How the amount was worked out, in French.
    pub basis: String,
}

/// What each party pays, the fee included in its payer's total (in cents when
/// serialised).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Payers {
    /// The network's share.
    #[serde(with = "cents")]
    pub network: Money,
    /// The beneficiary association.
    #[serde(with = "cents")]
    pub association: Money,
    /// The expert's employer.
    #[serde(with = "cents")]
    pub employer: Money,
}

/// An estimate of the employer's mécénat tax reduction (article 238 bis CGI).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MecenatEstimate {
    /// Always `true`: this is an estimate, not tax advice.
    pub estimate: bool,
    /// The employer's cash share of the remainder (the fee excluded).
    #[serde(rename = "cash_cents", with = "cents")]
    pub cash: Money,
    /// Working time given, valued at cost within the pay cap, all experts.
    #[serde(rename = "valued_time_cents", with = "cents")]
    pub valued_time: Money,
    /// Whether the pay cap lowered the valued time.
    pub time_capped: bool,
    /// Cash plus valued time.
    #[serde(rename = "gift_cents", with = "cents")]
    pub gift: Money,
    /// The reduction before the yearly cap.
    #[serde(rename = "reduction_cents", with = "cents")]
    pub reduction: Money,
    /// The yearly cap.
    #[serde(rename = "yearly_cap_cents", with = "cents")]
    pub yearly_cap: Money,
    /// The reduction usable this year.
    #[serde(rename = "reduction_this_year_cents", with = "cents")]
    pub reduction_this_year: Money,
    /// The part above the cap, carried forward to the following years.
    #[serde(rename = "carried_forward_cents", with = "cents")]
    pub carried_forward: Money,
    /// What the gift costs the employer after this year's reduction.
    #[serde(rename = "net_cost_cents", with = "cents")]
    pub net_cost: Money,
    /// What the estimate takes for granted, in French.
    pub assumptions: Vec<String>,
}

/// A mission's cost plan (serialised with the `*_cents` keys of `explor cost --format
/// json`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CostPlan {
    /// Every expert's lines, expert by expert, in [`Category::ALL`] order.
    pub lines: Vec<CostLine>,
    /// Sum of all lines.
    #[serde(rename = "eligible_cents", with = "cents")]
    pub eligible: Money,
    /// What the network pays: its share of the eligible costs, capped per mission.
    #[serde(rename = "network_share_cents", with = "cents")]
    pub network_share: Money,
    /// Eligible costs minus the network's share.
    #[serde(rename = "remainder_cents", with = "cents")]
    pub remainder: Money,
    /// The network's fee for the mission.
    #[serde(rename = "fee_cents", with = "cents")]
    pub fee: Money,
    /// Contributions in kind, for the whole mission.
    pub in_kind: Vec<InKind>,
    /// Their total.
    #[serde(rename = "in_kind_cents", with = "cents")]
    pub in_kind_total: Money,
    /// Who pays what, the fee included.
    pub payers: Payers,
    /// The mécénat estimate, when the employer pays a share or gives working time.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mecenat: Option<MecenatEstimate>,
    /// Source and date of every rule used.
    pub sources: Vec<String>,
}

/// Why a cost plan cannot be computed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CostError {
    /// The country has no per-diem rate and none was given.
    #[error("{}", crate::fr::cost::no_per_diem(.country))]
    NoPerDiemRate {
        /// The destination.
        country: CountryCode,
    },
    /// Days out of 1..=366.
    #[error("{}", crate::fr::cost::days_out_of_range(MAX_DAYS, .days))]
    DaysOutOfRange {
        /// The days given.
        days: u32,
    },
    /// No expert.
    #[error("{}", crate::fr::cost::no_expert())]
    NoExpert,
    /// More experts than [`MAX_EXPERTS`].
    #[error("{}", crate::fr::cost::too_many_experts(MAX_EXPERTS, .experts))]
    TooManyExperts {
        /// The number given.
        experts: u32,
    },
    /// More meals provided than the rate covers.
    #[error("{}", crate::fr::cost::too_many_meals(.max, .given))]
    TooManyMeals {
        /// Meals given.
        given: u8,
        /// Meals a day the rate covers.
        max: u8,
    },
    /// A per-diem rate in a currency without a rate to the euro.
    #[error("{}", crate::fr::cost::no_exchange_rate(.currency, .country))]
    UnknownCurrency {
        /// The currency.
        currency: String,
        /// Whose rate it is.
        country: CountryCode,
    },
    /// Reciprocity missions take place in France.
    #[error("{}", crate::fr::cost::reciprocity_abroad(.country))]
    ReciprocityAbroad {
        /// The country given.
        country: CountryCode,
    },
    /// A split outside 0–100 %.
    #[error("{}", crate::fr::cost::employer_share_out_of_range(.employer_bp))]
    SplitOutOfRange {
        /// The basis points given.
        employer_bp: u32,
    },
    /// A negative amount given.
    #[error("{}", crate::fr::cost::negative(.what, .amount))]
    Negative {
        /// Which amount.
        what: &'static str,
        /// Its value.
        amount: Money,
    },
    /// Amounts too large to compute in cents.
    #[error("{}", crate::fr::cost::overflow())]
    TooLarge,
}

/// Money as a JSON integer of cents (the plan's `*_cents` keys).
mod cents {
    use crate::values::Money;
    use serde::{Deserialize, Deserializer, Serializer};

    pub(super) fn serialize<S: Serializer>(
        amount: &Money,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        serializer.serialize_i64(amount.cents())
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Money, D::Error> {
        i64::deserialize(deserializer).map(Money::from_cents)
    }
}
