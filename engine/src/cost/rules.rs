//! The cost rules and figures, typed, from `data/reference/costs.json`.
//!
//! Every section carries its `source` and `date`. Amounts in euros are [`Money`];
//! percentages are basis points (`6500` = 65 %); currency rates and foreign amounts are
//! [`ExactDecimal`] strings, so nothing passes through floating point.

use serde::{Deserialize, Deserializer};
use std::collections::BTreeMap;
use std::fmt;
use std::sync::OnceLock;

use crate::reference::{Countries, ReferenceError};
use crate::values::{CountryCode, Money};

const FILE: &str = "costs.json";
const EMBEDDED: &str = explor_data::reference::COSTS;

/// One hundred per cent in basis points.
pub const FULL_BP: u32 = 10_000;

/// A non-negative decimal number read exactly from its text (`"655.957"`, `"91800"`):
/// `digits / 10^scale`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExactDecimal {
    digits: u128,
    scale: u32,
}

/// Text that is not a plain non-negative decimal number.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", crate::fr::cost::not_exact_decimal(.0))]
pub struct BadDecimal(pub String);

impl ExactDecimal {
    /// One.
    pub const ONE: ExactDecimal = ExactDecimal {
        digits: 1,
        scale: 0,
    };

    /// Reads `"655.957"`, `"1.0389"` or `"91800"`; signs, exponents and more than 12
    /// decimals are refused.
    pub fn parse(text: &str) -> Result<Self, BadDecimal> {
        let bad = || BadDecimal(text.to_owned());
        let (int_part, frac_part) = match text.split_once('.') {
            Some((i, f)) if !f.is_empty() => (i, f),
            Some(_) => return Err(bad()),
            None => (text, ""),
        };
        let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if int_part.is_empty()
            || !all_digits(int_part)
            || !all_digits(frac_part)
            || frac_part.len() > 12
            || int_part.len() > 18
        {
            return Err(bad());
        }
        let digits: u128 = format!("{int_part}{frac_part}")
            .parse()
            .map_err(|_| bad())?;
        Ok(Self {
            digits,
            // At most 12, checked above.
            scale: u32::try_from(frac_part.len()).map_err(|_| bad())?,
        })
    }

    /// The number as the fraction `(numerator, denominator)`.
    pub fn as_fraction(&self) -> (u128, u128) {
        (self.digits, 10u128.pow(self.scale))
    }

    /// Whether the number is zero.
    pub fn is_zero(&self) -> bool {
        self.digits == 0
    }

    /// French notation: decimal comma, thousands grouped by narrow no-break spaces (`"91 800"`,
    /// `"655,957"`).
    pub fn to_french(&self) -> String {
        let text = self.to_string();
        let (int_part, frac_part) = match text.split_once('.') {
            Some((i, f)) => (i.to_owned(), Some(f.to_owned())),
            None => (text, None),
        };
        let grouped = group_thousands(&int_part);
        match frac_part {
            Some(f) => format!("{grouped},{f}"),
            None => grouped,
        }
    }
}

/// Between groups of digits: a narrow no-break space (U+202F), as French typography
/// writes `1 400`, so that an amount never breaks across lines.
pub(crate) const THOUSANDS: char = '\u{202f}';

/// Groups a string of digits by three from the right with narrow no-break spaces.
pub(crate) fn group_thousands(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(THOUSANDS);
        }
        out.push(c);
    }
    out
}

/// Formats as written in the data file, e.g. `655.957`.
impl fmt::Display for ExactDecimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let pow = 10u128.pow(self.scale);
        let int = self.digits / pow;
        if self.scale == 0 {
            write!(f, "{int}")
        } else {
            let frac = self.digits % pow;
            write!(f, "{int}.{frac:0width$}", width = self.scale as usize)
        }
    }
}

impl<'de> Deserialize<'de> for ExactDecimal {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        ExactDecimal::parse(&text).map_err(serde::de::Error::custom)
    }
}

/// The programme's own rules (network share, cap, fee).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProgrammeRules {
    /// Where the rules come from.
    pub source: String,
    /// When.
    pub date: String,
    /// Share of the eligible costs the network pays, in basis points (5000 = 50 %).
    pub network_share_bp: u32,
    /// The network's share is capped at this amount per mission, whatever the number
    /// of experts.
    pub network_cap_per_mission: Money,
    /// The network's fee per mission.
    pub fee_per_mission: Money,
}

/// One country's daily rate abroad.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PerDiemRate {
    /// Destination.
    pub country: CountryCode,
    /// The country's French name, for readers of the file.
    #[serde(default)]
    pub name_fr: Option<String>,
    /// Daily rate in `currency`.
    pub amount: ExactDecimal,
    /// ISO 4217 code: `EUR` or one of the [`CostRules::currencies`].
    pub currency: String,
    /// The text that sets this rate, when it is not the table's own source.
    #[serde(default)]
    pub source: Option<String>,
    /// From when this rate applies (`YYYY-MM-DD`), when known.
    #[serde(default)]
    pub since: Option<String>,
    /// Cities with their own rate (the capital, often), in the country's currency.
    #[serde(default)]
    pub by_city: Vec<CityPerDiem>,
}

/// A city's own daily rate within its country.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CityPerDiem {
    /// The city, as written in needs (matched without case or accents).
    pub city: String,
    /// Daily rate, in the country entry's currency.
    pub amount: ExactDecimal,
    /// The text that sets it.
    pub source: String,
    /// From when it applies (`YYYY-MM-DD`).
    pub since: String,
}

impl PerDiemRate {
    /// The city's own rate when it has one, else the country's; with the city's entry
    /// when that is what applies.
    pub fn for_city(&self, city: Option<&str>) -> (&ExactDecimal, Option<&CityPerDiem>) {
        let wanted = city.map(|c| crate::scoring::fold(c.trim()));
        match wanted.and_then(|w| {
            self.by_city
                .iter()
                .find(|c| crate::scoring::fold(&c.city) == w)
        }) {
            Some(c) => (&c.amount, Some(c)),
            None => (&self.amount, None),
        }
    }
}

/// The per-diem-abroad table.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PerDiemTable {
    /// Where the rates come from.
    pub source: String,
    /// When.
    pub date: String,
    /// One rate per country; countries absent here need an explicit override.
    pub rates: Vec<PerDiemRate>,
}

impl PerDiemTable {
    /// The rate for a country, if listed.
    pub fn get(&self, country: CountryCode) -> Option<&PerDiemRate> {
        self.rates.iter().find(|r| r.country == country)
    }
}

/// How the daily rate splits between lodging and meals.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PerDiemSplit {
    /// Where the rule comes from.
    pub source: String,
    /// When.
    pub date: String,
    /// Lodging's part of the daily rate (6500 = 65 %).
    pub lodging_bp: u32,
    /// Meals and incidentals' part (3500 = 35 %).
    pub meals_bp: u32,
    /// What each meal provided free takes off (1750 = 17.5 %).
    pub per_meal_bp: u32,
    /// Meals a day the rate covers (at most this many can be provided).
    pub meals_per_day: u8,
}

/// A currency's rate against the euro.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CurrencyRate {
    /// ISO 4217 code.
    pub code: String,
    /// Units of the currency for one euro.
    pub per_eur: ExactDecimal,
    /// A fixed parity (the CFA francs'): it does not go stale, and `explor reference
    /// import` of the ECB's rates leaves it as it is.
    #[serde(default)]
    pub fixed: bool,
    /// Where the rate comes from.
    pub source: String,
    /// Its date (the parity's start, or the reference rate's day).
    pub date: String,
}

/// A night rate for named cities.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CityNightRate {
    /// Why these cities have this rate, in French (shown in the basis).
    pub label: String,
    /// The night rate.
    pub night: Money,
    /// City names (matched without case or accents).
    pub cities: Vec<String>,
    /// Where the list comes from.
    pub source: String,
    /// When.
    pub date: String,
}

/// Domestic mission rates, for reciprocity missions in France.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DomesticRates {
    /// Where the rates come from.
    pub source: String,
    /// When.
    pub date: String,
    /// One meal.
    pub meal: Money,
    /// Meals a day.
    pub meals_per_day: u8,
    /// One night, in cities not listed below.
    pub night: Money,
    /// Higher night rates by city; the first list naming the city wins.
    pub night_by_city: Vec<CityNightRate>,
}

/// A group of countries sharing transport estimates, by UN M49 code.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Zone {
    /// Key used in the estimate tables.
    pub id: String,
    /// French name, shown in the basis.
    pub name_fr: String,
    /// M49 region or sub-region codes (`"011"`, `"142"`).
    pub m49: Vec<String>,
}

/// An amount by zone with a default.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ByZone {
    /// Amount per zone id.
    pub by_zone: BTreeMap<String, Money>,
    /// Amount for countries outside every listed zone.
    pub default: Money,
}

/// An amount by country with a default.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ByCountry {
    /// Amount per country.
    pub by_country: BTreeMap<CountryCode, Money>,
    /// Amount for countries not listed.
    pub default: Money,
}

/// Per-expert default estimates for a mission abroad.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AbroadEstimates {
    /// Travel in France to and from the airport.
    pub national_transport: Money,
    /// Return flight, by the destination's zone.
    pub international_transport: ByZone,
    /// Insurance, per mission day.
    pub insurance_per_day: Money,
    /// Visa, by destination.
    pub visa: ByCountry,
    /// Travel on site, per mission day.
    pub field_transport_per_day: Money,
}

/// A figure with its own source.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourcedAmount {
    /// The amount.
    pub amount: Money,
    /// Where it comes from.
    pub source: String,
    /// When.
    pub date: String,
}

/// Per-expert default estimates for a reciprocity mission (an expert coming to France).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReciprocityEstimates {
    /// Travel in France between the airport and the mission's city.
    pub national_transport: Money,
    /// Return flight, by the expert's origin zone.
    pub international_transport: ByZone,
    /// Insurance, per mission day.
    pub insurance_per_day: Money,
    /// The Schengen visa for France.
    pub visa: SourcedAmount,
    /// Travel on site, per mission day.
    pub field_transport_per_day: Money,
}

/// explor's own default estimates, to be replaced by real quotes.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Estimates {
    /// Who made them.
    pub source: String,
    /// When.
    pub date: String,
    /// Where the zones come from.
    pub zones_source: String,
    /// Transport zones, in matching order.
    pub zones: Vec<Zone>,
    /// Missions abroad.
    pub abroad: AbroadEstimates,
    /// Reciprocity missions.
    pub reciprocity: ReciprocityEstimates,
}

impl Estimates {
    /// The zone of a country: the first zone listing its M49 sub-region, else the first
    /// listing its region; `None` for countries outside every zone.
    pub fn zone_of<'z>(&'z self, countries: &Countries, country: CountryCode) -> Option<&'z Zone> {
        let c = countries.get(country.as_str())?;
        let lists = |code: &Option<crate::reference::M49Region>| {
            code.as_ref()
                .and_then(|r| self.zones.iter().find(|z| z.m49.contains(&r.m49)))
        };
        lists(&c.subregion).or_else(|| lists(&c.region))
    }
}

/// The mécénat tax-reduction rules (article 238 bis CGI).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MecenatRules {
    /// Where the rules come from.
    pub source: String,
    /// When.
    pub date: String,
    /// Reduction rate up to `reduced_rate_above` (6000 = 60 %).
    pub reduction_bp: u32,
    /// Gifts above this amount are reduced at `reduction_above_bp`.
    pub reduced_rate_above: Money,
    /// Reduction rate on the part above the threshold (4000 = 40 %).
    pub reduction_above_bp: u32,
    /// Yearly cap: at least this amount…
    pub yearly_cap_floor: Money,
    /// …or this share of turnover if higher (50 = 5 ‰).
    pub yearly_cap_turnover_bp: u32,
    /// Years over which a reduction above the cap can be carried forward.
    pub carry_forward_years: u32,
    /// Monthly social-security ceiling (PMSS) of the year.
    pub pmss_monthly: Money,
    /// Each employee's pay counts up to this many PMSS a month.
    pub pay_cap_pmss_multiple: u32,
    /// Days in a month, to pro-rate the monthly cap to the mission's days.
    pub days_per_month: u32,
}

/// All the cost rules and figures (the shape of `data/reference/costs.json`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CostRules {
    /// What the file holds.
    pub source: String,
    /// When it was put together.
    pub date: String,
    /// Network share, cap and fee.
    pub programme: ProgrammeRules,
    /// Daily rates abroad.
    pub per_diem_abroad: PerDiemTable,
    /// Lodging / meals split of the daily rate.
    pub per_diem_split: PerDiemSplit,
    /// Currency rates against the euro.
    pub currencies: Vec<CurrencyRate>,
    /// Domestic rates for reciprocity missions.
    pub domestic: DomesticRates,
    /// Default estimates.
    pub estimates: Estimates,
    /// Mécénat rules.
    pub mecenat: MecenatRules,
}

impl CostRules {
    /// Parses and checks a cost-rules file: no negative amount, percentages within
    /// 0–100 %, lodging and meals adding up to the whole rate, every currency and zone
    /// used is defined, no country or currency listed twice.
    pub fn from_json(text: &str) -> Result<Self, ReferenceError> {
        let rules: CostRules =
            serde_json::from_str(text).map_err(|e| ReferenceError::parse(FILE, e))?;
        rules
            .validate()
            .map_err(|m| ReferenceError::invalid(FILE, m))?;
        Ok(rules)
    }

    /// The rules embedded in the binary, from `data/reference/costs.json`.
    pub fn embedded() -> &'static CostRules {
        static CELL: OnceLock<CostRules> = OnceLock::new();
        CELL.get_or_init(|| {
            // Checked by this module's tests; failing here is a build defect.
            CostRules::from_json(EMBEDDED).expect("embedded data/reference/costs.json is valid")
        })
    }

    /// The rate of a currency other than the euro.
    pub fn currency(&self, code: &str) -> Option<&CurrencyRate> {
        self.currencies.iter().find(|c| c.code == code)
    }

    /// Checks what the types cannot say, group by group; the first problem found is
    /// the error.
    fn validate(&self) -> Result<(), String> {
        self.check_amounts()?;
        self.check_percentages()?;
        self.check_counts()?;
        self.check_currencies()?;
        self.check_per_diem_rates()?;
        self.check_zones()
    }

    /// No amount is negative.
    fn check_amounts(&self) -> Result<(), String> {
        match self.amounts().into_iter().find(|(_, v)| v.is_negative()) {
            Some((which, _)) => Err(format!("{which} is negative")),
            None => Ok(()),
        }
    }

    /// Every amount in euros, named by where it is in the file.
    fn amounts(&self) -> Vec<(String, Money)> {
        let p = &self.programme;
        let d = &self.domestic;
        let m = &self.mecenat;
        let a = &self.estimates.abroad;
        let r = &self.estimates.reciprocity;
        let mut amounts: Vec<(String, Money)> = vec![
            (
                "programme.network_cap_per_mission".into(),
                p.network_cap_per_mission,
            ),
            ("programme.fee_per_mission".into(), p.fee_per_mission),
            ("domestic.meal".into(), d.meal),
            ("domestic.night".into(), d.night),
            ("mecenat.reduced_rate_above".into(), m.reduced_rate_above),
            ("mecenat.yearly_cap_floor".into(), m.yearly_cap_floor),
            ("mecenat.pmss_monthly".into(), m.pmss_monthly),
            ("abroad.national_transport".into(), a.national_transport),
            ("abroad.insurance_per_day".into(), a.insurance_per_day),
            (
                "abroad.field_transport_per_day".into(),
                a.field_transport_per_day,
            ),
            (
                "abroad.international_transport.default".into(),
                a.international_transport.default,
            ),
            ("abroad.visa.default".into(), a.visa.default),
            (
                "reciprocity.national_transport".into(),
                r.national_transport,
            ),
            ("reciprocity.insurance_per_day".into(), r.insurance_per_day),
            (
                "reciprocity.field_transport_per_day".into(),
                r.field_transport_per_day,
            ),
            (
                "reciprocity.international_transport.default".into(),
                r.international_transport.default,
            ),
            ("reciprocity.visa.amount".into(), r.visa.amount),
        ];
        amounts.extend(
            d.night_by_city
                .iter()
                .map(|c| (format!("night for {}", c.label), c.night)),
        );
        for (which, table) in [
            ("abroad", &a.international_transport),
            ("reciprocity", &r.international_transport),
        ] {
            amounts.extend(
                table
                    .by_zone
                    .iter()
                    .map(|(z, v)| (format!("{which}.international_transport.{z}"), *v)),
            );
        }
        amounts.extend(
            a.visa
                .by_country
                .iter()
                .map(|(c, v)| (format!("abroad.visa.{c}"), *v)),
        );
        amounts
    }

    /// Percentages within 0–100 %, and the daily rate's split adding up to the whole.
    fn check_percentages(&self) -> Result<(), String> {
        let p = &self.programme;
        let s = &self.per_diem_split;
        let m = &self.mecenat;
        for (which, bp) in [
            ("programme.network_share_bp", p.network_share_bp),
            ("per_diem_split.lodging_bp", s.lodging_bp),
            ("per_diem_split.meals_bp", s.meals_bp),
            ("mecenat.reduction_bp", m.reduction_bp),
            ("mecenat.reduction_above_bp", m.reduction_above_bp),
            ("mecenat.yearly_cap_turnover_bp", m.yearly_cap_turnover_bp),
        ] {
            if bp > FULL_BP {
                return Err(crate::fr::cost::over_100_percent(which, bp));
            }
        }
        if s.lodging_bp + s.meals_bp != FULL_BP {
            return Err(crate::fr::cost::SPLIT_NOT_WHOLE.into());
        }
        if u32::from(s.meals_per_day) * s.per_meal_bp > s.meals_bp {
            return Err(crate::fr::cost::MEALS_ABOVE_SHARE.into());
        }
        Ok(())
    }

    /// Counts that divide or multiply are positive.
    fn check_counts(&self) -> Result<(), String> {
        let m = &self.mecenat;
        if self.domestic.meals_per_day == 0 {
            return Err(crate::fr::cost::NO_DOMESTIC_MEAL.into());
        }
        if m.days_per_month == 0 || m.pay_cap_pmss_multiple == 0 {
            return Err(crate::fr::cost::MECENAT_NOT_POSITIVE.into());
        }
        Ok(())
    }

    /// Currencies are foreign ISO 4217 codes, each listed once, at a non-zero rate.
    fn check_currencies(&self) -> Result<(), String> {
        let mut codes = Vec::new();
        for c in &self.currencies {
            let well_formed = c.code.len() == 3 && c.code.bytes().all(|b| b.is_ascii_uppercase());
            if !well_formed || c.code == "EUR" {
                return Err(crate::fr::cost::not_foreign_currency(&c.code));
            }
            if c.per_eur.is_zero() {
                return Err(crate::fr::cost::zero_rate(&c.code));
            }
            if codes.contains(&c.code) {
                return Err(crate::fr::cost::currency_twice(&c.code));
            }
            codes.push(c.code.clone());
        }
        Ok(())
    }

    /// Per-diem rates are non-zero, in a currency with a rate, one per country.
    fn check_per_diem_rates(&self) -> Result<(), String> {
        let mut countries = Vec::new();
        for rate in &self.per_diem_abroad.rates {
            if rate.currency != "EUR" && self.currency(&rate.currency).is_none() {
                return Err(crate::fr::cost::per_diem_currency_without_rate(
                    rate.country,
                    &rate.currency,
                ));
            }
            if rate.amount.is_zero() || rate.by_city.iter().any(|c| c.amount.is_zero()) {
                return Err(crate::fr::cost::zero_per_diem(rate.country));
            }
            if countries.contains(&rate.country) {
                return Err(crate::fr::cost::per_diem_twice(rate.country));
            }
            countries.push(rate.country);
        }
        Ok(())
    }

    /// Zones are listed once with three-digit M49 codes, and the flight tables name
    /// only those zones.
    fn check_zones(&self) -> Result<(), String> {
        let mut zone_ids: Vec<&str> = Vec::new();
        for z in &self.estimates.zones {
            if zone_ids.contains(&z.id.as_str()) {
                return Err(format!("zone {} is listed twice", z.id));
            }
            if z.m49.is_empty()
                || z.m49
                    .iter()
                    .any(|c| c.len() != 3 || !c.bytes().all(|b| b.is_ascii_digit()))
            {
                return Err(format!("zone {}: m49 codes are three digits", z.id));
            }
            zone_ids.push(&z.id);
        }
        let e = &self.estimates;
        for table in [
            &e.abroad.international_transport,
            &e.reciprocity.international_transport,
        ] {
            if let Some(unknown) = table
                .by_zone
                .keys()
                .find(|k| !zone_ids.contains(&k.as_str()))
            {
                return Err(format!("international_transport: unknown zone {unknown}"));
            }
        }
        Ok(())
    }
}
