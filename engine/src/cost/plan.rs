//! The cost plan of a mission: per-expert lines, the network's capped share, who pays
//! the rest, in-kind contributions and the mécénat estimate.
//!
//! All arithmetic is on integer cents (`i128` in between); every product of a rate is
//! rounded half up to the cent once, per line.

use serde::{Deserialize, Serialize};

use super::rules::{CostRules, ExactDecimal, FULL_BP, group_thousands};
use crate::reference::Reference;
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
        match self {
            Category::NationalTransport => "Transport national",
            Category::InternationalTransport => "Transport international",
            Category::Insurance => "Assurance",
            Category::Visa => "Visa",
            Category::Lodging => "Hébergement",
            Category::PerDiem => "Per diem (repas et frais divers)",
            Category::FieldTransport => "Transport sur le terrain",
        }
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
    #[error("pas de taux de per diem pour {country} : donnez --per-diem")]
    NoPerDiemRate {
        /// The destination.
        country: CountryCode,
    },
    /// Days out of 1..=366.
    #[error("une mission dure de 1 à {MAX_DAYS} jours, pas {days}")]
    DaysOutOfRange {
        /// The days given.
        days: u32,
    },
    /// No expert.
    #[error("une mission a au moins un expert")]
    NoExpert,
    /// More experts than [`MAX_EXPERTS`].
    #[error("au plus {MAX_EXPERTS} experts par mission, pas {experts}")]
    TooManyExperts {
        /// The number given.
        experts: u32,
    },
    /// More meals provided than the rate covers.
    #[error("au plus {max} repas fournis par jour, pas {given}")]
    TooManyMeals {
        /// Meals given.
        given: u8,
        /// Meals a day the rate covers.
        max: u8,
    },
    /// A per-diem rate in a currency without a rate to the euro.
    #[error("pas de taux de change pour la devise {currency} (per diem de {country})")]
    UnknownCurrency {
        /// The currency.
        currency: String,
        /// Whose rate it is.
        country: CountryCode,
    },
    /// Reciprocity missions take place in France.
    #[error("une mission de réciprocité a lieu en France (FR), pas en {country}")]
    ReciprocityAbroad {
        /// The country given.
        country: CountryCode,
    },
    /// A split outside 0–100 %.
    #[error("la part de l'employeur est de 0 à 10000 points de base, pas {employer_bp}")]
    SplitOutOfRange {
        /// The basis points given.
        employer_bp: u32,
    },
    /// A negative amount given.
    #[error("{what} ne peut pas être négatif ({amount} €)")]
    Negative {
        /// Which amount.
        what: &'static str,
        /// Its value.
        amount: Money,
    },
    /// Amounts too large to compute in cents.
    #[error("montants trop grands pour être calculés")]
    TooLarge,
}

/// Computes a mission's cost plan from the rules. Pure: no I/O.
pub fn plan(
    rules: &CostRules,
    reference: &Reference,
    input: &CostInput,
) -> Result<CostPlan, CostError> {
    check(rules, input)?;
    let mut sources = Sources::default();
    let p = &rules.programme;
    sources.add(&p.source, &p.date);

    let per_expert = expert_costs(rules, reference, input, &mut sources)?;
    let experts = input.experts;

    let mut lines = Vec::with_capacity(per_expert.lines.len() * experts as usize);
    for expert in 1..=experts {
        lines.extend(
            per_expert
                .lines
                .iter()
                .map(|(category, amount, basis)| CostLine {
                    expert,
                    category: *category,
                    amount: *amount,
                    basis: basis.clone(),
                }),
        );
    }
    let eligible = money(lines.iter().map(|l| i128::from(l.amount.cents())).sum())?;

    let share = floor_div(
        i128::from(eligible.cents()) * i128::from(p.network_share_bp),
        i128::from(FULL_BP),
    );
    let network_share = money(share.min(i128::from(p.network_cap_per_mission.cents())))?;
    let remainder = eligible - network_share;
    let fee = p.fee_per_mission;

    let employer_cash = match input.payer {
        RemainderPayer::Association => Money::ZERO,
        RemainderPayer::Employer => remainder,
        RemainderPayer::Split { employer_bp } => money(round_div(
            i128::from(remainder.cents()) * i128::from(employer_bp),
            i128::from(FULL_BP),
        ))?,
    };
    let association_cash = remainder - employer_cash;
    let payers = match input.payer {
        RemainderPayer::Employer => Payers {
            network: network_share,
            association: association_cash,
            employer: add(employer_cash, fee)?,
        },
        RemainderPayer::Association | RemainderPayer::Split { .. } => Payers {
            network: network_share,
            association: add(association_cash, fee)?,
            employer: employer_cash,
        },
    };

    let in_kind: Vec<InKind> = per_expert
        .in_kind
        .into_iter()
        .map(|(category, amount, basis)| {
            Ok(InKind {
                category,
                amount: money(i128::from(amount.cents()) * i128::from(experts))?,
                basis: if experts > 1 {
                    format!("{experts} experts × {basis}")
                } else {
                    basis
                },
            })
        })
        .collect::<Result<_, CostError>>()?;
    let in_kind_total = money(in_kind.iter().map(|k| i128::from(k.amount.cents())).sum())?;

    let gives_time = input.daily_cost.is_some_and(|c| c.cents() > 0);
    let mecenat = if employer_cash.cents() > 0 || gives_time {
        let m = &rules.mecenat;
        sources.add(&m.source, &m.date);
        Some(mecenat(rules, input, employer_cash)?)
    } else {
        None
    };

    Ok(CostPlan {
        lines,
        eligible,
        network_share,
        remainder,
        fee,
        in_kind,
        in_kind_total,
        payers,
        mecenat,
        sources: sources.0,
    })
}

fn check(rules: &CostRules, input: &CostInput) -> Result<(), CostError> {
    if !(1..=MAX_DAYS).contains(&input.days) {
        return Err(CostError::DaysOutOfRange { days: input.days });
    }
    if input.experts == 0 {
        return Err(CostError::NoExpert);
    }
    if input.experts > MAX_EXPERTS {
        return Err(CostError::TooManyExperts {
            experts: input.experts,
        });
    }
    let max = if input.reciprocity && input.overrides.per_diem_daily.is_none() {
        rules.domestic.meals_per_day
    } else {
        rules.per_diem_split.meals_per_day
    };
    if input.meals_provided_per_day > max {
        return Err(CostError::TooManyMeals {
            given: input.meals_provided_per_day,
            max,
        });
    }
    if input.reciprocity && input.country != CountryCode::france() {
        return Err(CostError::ReciprocityAbroad {
            country: input.country,
        });
    }
    if let RemainderPayer::Split { employer_bp } = input.payer
        && employer_bp > FULL_BP
    {
        return Err(CostError::SplitOutOfRange { employer_bp });
    }
    let o = &input.overrides;
    for (what, amount) in [
        ("le per diem", o.per_diem_daily),
        ("le transport national", o.national_transport),
        ("le transport international", o.international_transport),
        ("l'assurance", o.insurance),
        ("le visa", o.visa),
        ("le transport sur le terrain", o.field_transport),
        ("le coût journalier", input.daily_cost),
        ("le chiffre d'affaires", input.turnover),
    ] {
        if let Some(amount) = amount
            && amount.is_negative()
        {
            return Err(CostError::Negative { what, amount });
        }
    }
    Ok(())
}

/// The sources of the rules used, each once, in order of first use.
#[derive(Default)]
struct Sources(Vec<String>);

impl Sources {
    fn add(&mut self, source: &str, date: &str) {
        let entry = format!("{source} ({date})");
        if !self.0.contains(&entry) {
            self.0.push(entry);
        }
    }
}

type Item = (Category, Money, String);

/// One expert's lines and in-kind contributions (every expert has the same).
struct ExpertCosts {
    lines: Vec<Item>,
    in_kind: Vec<Item>,
}

fn expert_costs(
    rules: &CostRules,
    reference: &Reference,
    input: &CostInput,
    sources: &mut Sources,
) -> Result<ExpertCosts, CostError> {
    let days = input.days;
    let est = &rules.estimates;
    let mut estimate_used = false;
    let mut lines: Vec<Item> = Vec::with_capacity(Category::ALL.len());
    let mut in_kind: Vec<Item> = Vec::new();

    // National transport.
    lines.push(match input.overrides.national_transport {
        Some(amount) => given(Category::NationalTransport, amount),
        None => {
            estimate_used = true;
            let (amount, what) = if input.reciprocity {
                (
                    est.reciprocity.national_transport,
                    "aéroport – lieu de mission",
                )
            } else {
                (est.abroad.national_transport, "domicile – aéroport")
            };
            (
                Category::NationalTransport,
                amount,
                format!("estimation explor ({what}) : {}", eur(amount)),
            )
        }
    });

    // International transport, by the destination's zone (the origin's for reciprocity).
    lines.push(match input.overrides.international_transport {
        Some(amount) => given(Category::InternationalTransport, amount),
        None => {
            estimate_used = true;
            sources.add(&est.zones_source, &est.date);
            let (table, place, direction) = if input.reciprocity {
                (
                    &est.reciprocity.international_transport,
                    input.expert_origin,
                    "depuis",
                )
            } else {
                (
                    &est.abroad.international_transport,
                    Some(input.country),
                    "vers",
                )
            };
            let zone = place.and_then(|c| est.zone_of(reference.countries, c));
            let priced = zone.and_then(|z| table.by_zone.get(&z.id).map(|a| (z, *a)));
            let (amount, basis) = match (place, priced) {
                (Some(_), Some((z, amount))) => (
                    amount,
                    format!(
                        "estimation explor, aller-retour {direction} la zone {}",
                        z.name_fr
                    ),
                ),
                (Some(c), None) => (
                    table.default,
                    format!(
                        "estimation explor par défaut, aller-retour {direction} {c} (hors zones)"
                    ),
                ),
                (None, _) => (
                    table.default,
                    "estimation explor par défaut, origine non précisée".to_owned(),
                ),
            };
            (
                Category::InternationalTransport,
                amount,
                format!("{basis} : {}", eur(amount)),
            )
        }
    });

    // Insurance, per day.
    lines.push(match input.overrides.insurance {
        Some(amount) => given(Category::Insurance, amount),
        None => {
            estimate_used = true;
            let per_day = if input.reciprocity {
                est.reciprocity.insurance_per_day
            } else {
                est.abroad.insurance_per_day
            };
            (
                Category::Insurance,
                times(per_day, days)?,
                format!("{days} j × {} (estimation explor)", eur(per_day)),
            )
        }
    });

    // Visa.
    lines.push(match input.overrides.visa {
        Some(amount) => given(Category::Visa, amount),
        None if input.reciprocity => {
            let v = &est.reciprocity.visa;
            sources.add(&v.source, &v.date);
            (
                Category::Visa,
                v.amount,
                format!(
                    "visa Schengen court séjour pour la France : {}",
                    eur(v.amount)
                ),
            )
        }
        None => {
            estimate_used = true;
            let table = &est.abroad.visa;
            let (amount, basis) = match table.by_country.get(&input.country) {
                Some(amount) => (*amount, format!("estimation explor pour {}", input.country)),
                None => (
                    table.default,
                    format!("estimation explor par défaut ({} non listé)", input.country),
                ),
            };
            (Category::Visa, amount, format!("{basis} : {}", eur(amount)))
        }
    });

    // Lodging and per diem.
    let (lodging, meals) = if input.reciprocity && input.overrides.per_diem_daily.is_none() {
        domestic_stay(rules, input, sources)?
    } else {
        abroad_stay(rules, input, sources)?
    };
    for (item, kind) in [lodging, meals] {
        lines.push(item);
        in_kind.extend(kind);
    }

    // Field transport, per day.
    let (full, basis) = match input.overrides.field_transport {
        Some(amount) => (amount, format!("montant donné : {}", eur(amount))),
        None => {
            estimate_used = true;
            let per_day = if input.reciprocity {
                est.reciprocity.field_transport_per_day
            } else {
                est.abroad.field_transport_per_day
            };
            (
                times(per_day, days)?,
                format!("{days} j × {} (estimation explor)", eur(per_day)),
            )
        }
    };
    if input.field_transport_provided {
        lines.push((
            Category::FieldTransport,
            Money::ZERO,
            format!("fourni par le partenaire (en nature : {basis})"),
        ));
        in_kind.push((Category::FieldTransport, full, basis));
    } else {
        lines.push((Category::FieldTransport, full, basis));
    }

    if estimate_used {
        sources.add(&est.source, &est.date);
    }
    Ok(ExpertCosts { lines, in_kind })
}

/// A line with an amount given by the user.
fn given(category: Category, amount: Money) -> Item {
    (category, amount, format!("montant donné : {}", eur(amount)))
}

type Stay = (Item, Option<Item>);

/// The lodging line: paid, or provided by the partner (then 0, and its value in kind).
fn lodging_line(provided: bool, full: Money, basis: String) -> Stay {
    if provided {
        (
            (
                Category::Lodging,
                Money::ZERO,
                format!("fourni par le partenaire (en nature : {basis})"),
            ),
            Some((Category::Lodging, full, basis)),
        )
    } else {
        ((Category::Lodging, full, basis), None)
    }
}

/// Lodging and per diem abroad from the daily rate R: 65 % and 35 % of R per day.
fn abroad_stay(
    rules: &CostRules,
    input: &CostInput,
    sources: &mut Sources,
) -> Result<(Stay, Stay), CostError> {
    let split = &rules.per_diem_split;
    let (rate, rate_text) = daily_rate(rules, input, sources)?;
    sources.add(&split.source, &split.date);
    let days = input.days;
    let r = i128::from(rate.cents()) * i128::from(days);
    let part = |bp: u32| money(round_div(r * i128::from(bp), i128::from(FULL_BP)));

    let lodging_full = part(split.lodging_bp)?;
    let lodging_basis = format!("{days} j × {} × {rate_text}", pct(split.lodging_bp));
    let lodging = lodging_line(input.lodging_provided, lodging_full, lodging_basis);

    let m = input.meals_provided_per_day;
    let meals = if m == 0 {
        let basis = format!("{days} j × {} × {rate_text}", pct(split.meals_bp));
        ((Category::PerDiem, part(split.meals_bp)?, basis), None)
    } else {
        let line_bp = split
            .meals_bp
            .saturating_sub(u32::from(m) * split.per_meal_bp);
        let provided = if m == 1 { "fourni" } else { "fournis" };
        let basis = format!(
            "{days} j × ({} − {m} repas {provided} × {}) × {rate_text}",
            pct(split.meals_bp),
            pct(split.per_meal_bp)
        );
        let kind_basis = format!(
            "{days} j × {m} repas × {} × {rate_text}",
            pct(split.per_meal_bp)
        );
        (
            (Category::PerDiem, part(line_bp)?, basis),
            Some((
                Category::PerDiem,
                part(u32::from(m) * split.per_meal_bp)?,
                kind_basis,
            )),
        )
    };
    Ok((lodging, meals))
}

/// The daily rate R in euro cents, and how to show it: the override, else the table's
/// rate converted to euros and rounded to the cent (so the basis can be checked by
/// hand).
fn daily_rate(
    rules: &CostRules,
    input: &CostInput,
    sources: &mut Sources,
) -> Result<(Money, String), CostError> {
    if let Some(rate) = input.overrides.per_diem_daily {
        return Ok((rate, format!("{} (taux donné)", eur(rate))));
    }
    let table = &rules.per_diem_abroad;
    let entry = table.get(input.country).ok_or(CostError::NoPerDiemRate {
        country: input.country,
    })?;
    sources.add(&table.source, &table.date);
    if entry.currency == "EUR" {
        let rate = to_eur(&entry.amount, &ExactDecimal::ONE)?;
        return Ok((rate, eur(rate)));
    }
    let currency = rules
        .currency(&entry.currency)
        .ok_or_else(|| CostError::UnknownCurrency {
            currency: entry.currency.clone(),
            country: input.country,
        })?;
    sources.add(&currency.source, &currency.date);
    let rate = to_eur(&entry.amount, &currency.per_eur)?;
    Ok((
        rate,
        format!(
            "{} ({} {} à {} {}/€)",
            eur(rate),
            entry.amount.to_french(),
            entry.currency,
            currency.per_eur.to_french(),
            entry.currency,
        ),
    ))
}

/// `amount` units of a currency worth `per_eur` units a euro, in euro cents, rounded
/// half up: `amount × 100 / per_eur`, exactly.
pub fn to_eur(amount: &ExactDecimal, per_eur: &ExactDecimal) -> Result<Money, CostError> {
    let (a_num, a_den) = amount.as_fraction();
    let (r_num, r_den) = per_eur.as_fraction();
    if r_num == 0 {
        return Err(CostError::TooLarge);
    }
    let num = a_num
        .checked_mul(100)
        .and_then(|n| n.checked_mul(r_den))
        .ok_or(CostError::TooLarge)?;
    let den = a_den.checked_mul(r_num).ok_or(CostError::TooLarge)?;
    let rest = num % den;
    let q = num / den + u128::from(rest >= den - rest);
    i64::try_from(q)
        .map(Money::from_cents)
        .map_err(|_| CostError::TooLarge)
}

/// Lodging and meals in France for a reciprocity mission: nights × night rate, meals ×
/// meal rate.
fn domestic_stay(
    rules: &CostRules,
    input: &CostInput,
    sources: &mut Sources,
) -> Result<(Stay, Stay), CostError> {
    let d = &rules.domestic;
    sources.add(&d.source, &d.date);
    let days = input.days;

    // A mission of N days has N − 1 nights between arrival and departure; a one-day
    // mission still pays one night (the expert comes from abroad).
    let nights = days.saturating_sub(1).max(1);
    let (night, why) = match &input.city {
        None => (d.night, "taux de base, ville non précisée".to_owned()),
        Some(city) => {
            for list in &d.night_by_city {
                sources.add(&list.source, &list.date);
            }
            let wanted = crate::scoring::fold(city.trim());
            match d
                .night_by_city
                .iter()
                .find(|l| l.cities.iter().any(|c| crate::scoring::fold(c) == wanted))
            {
                Some(list) => (list.night, format!("{} : {}", city.trim(), list.label)),
                None => (d.night, format!("{} : taux de base", city.trim())),
            }
        }
    };
    let nights_word = if nights == 1 { "nuit" } else { "nuits" };
    let lodging_full = times(night, nights)?;
    let lodging_basis = format!("{nights} {nights_word} × {} ({why})", eur(night));
    let lodging = lodging_line(input.lodging_provided, lodging_full, lodging_basis);

    let m = input.meals_provided_per_day;
    let per_day = d.meals_per_day.saturating_sub(m);
    let count = days * u32::from(per_day);
    let basis = if m == 0 {
        format!(
            "{count} repas × {} ({days} j × {per_day} repas)",
            eur(d.meal)
        )
    } else {
        let provided = if m == 1 { "fourni" } else { "fournis" };
        format!(
            "{count} repas × {} ({days} j × ({} − {m} {provided}) repas)",
            eur(d.meal),
            d.meals_per_day
        )
    };
    let kind = (m > 0)
        .then(|| -> Result<Item, CostError> {
            let count = days * u32::from(m);
            Ok((
                Category::PerDiem,
                times(d.meal, count)?,
                format!(
                    "{count} repas × {} ({days} j × {m} repas fournis)",
                    eur(d.meal)
                ),
            ))
        })
        .transpose()?;
    Ok((
        lodging,
        ((Category::PerDiem, times(d.meal, count)?, basis), kind),
    ))
}

/// The mécénat estimate for an employer paying `cash` and lending its employees.
fn mecenat(
    rules: &CostRules,
    input: &CostInput,
    cash: Money,
) -> Result<MecenatEstimate, CostError> {
    let m = &rules.mecenat;
    let days = input.days;
    let experts = input.experts;
    let mut assumptions = vec![
        "estimation, pas un conseil fiscal : réduction d'impôt de l'article 238 bis du CGI"
            .to_owned(),
        "le bénéficiaire (association ou réseau) est d'intérêt général et délivre un reçu fiscal ; l'employeur est une entreprise imposable en France"
            .to_owned(),
        format!(
            "part en numéraire : la part du reste à charge payée par l'employeur ({}) ; les frais de dossier ({}), contrepartie d'un service du réseau, ne sont pas comptés comme don",
            eur(cash),
            eur(rules.programme.fee_per_mission)
        ),
    ];

    let monthly_cap = times(m.pmss_monthly, m.pay_cap_pmss_multiple)?;
    let (valued_time, time_capped) = match input.daily_cost.filter(|c| c.cents() > 0) {
        None => {
            assumptions
                .push("temps de travail non valorisé : coût journalier non donné".to_owned());
            (Money::ZERO, false)
        }
        Some(daily) => {
            let uncapped = times(daily, days)?;
            let cap = money(round_div(
                i128::from(monthly_cap.cents()) * i128::from(days),
                i128::from(m.days_per_month),
            ))?;
            let capped = uncapped > cap;
            let each = uncapped.min(cap);
            assumptions.push(format!(
                "temps de travail valorisé au coût (salaire et charges) : {experts} expert(s) × {days} j × {}, chaque jour de mission compté comme travaillé",
                eur(daily)
            ));
            assumptions.push(format!(
                "rémunération retenue dans la limite de {} × le plafond mensuel de la sécurité sociale ({}), soit {} par mois, ramenée à la mission par {} × {days} / {} = {} par expert ; la limite est appliquée ici au coût donné, charges comprises (lecture prudente){}",
                m.pay_cap_pmss_multiple,
                eur(m.pmss_monthly),
                eur(monthly_cap),
                eur(monthly_cap),
                m.days_per_month,
                eur(cap),
                if capped { " : limite atteinte" } else { "" }
            ));
            (times(each, experts)?, capped)
        }
    };

    let gift = add(cash, valued_time)?;
    let threshold = i128::from(m.reduced_rate_above.cents());
    let g = i128::from(gift.cents());
    let reduction = money(
        round_div(
            g.min(threshold) * i128::from(m.reduction_bp),
            i128::from(FULL_BP),
        ) + round_div(
            (g - threshold).max(0) * i128::from(m.reduction_above_bp),
            i128::from(FULL_BP),
        ),
    )?;
    assumptions.push(format!(
        "réduction de {} des dons jusqu'à {} dans l'exercice, {} au-delà ; aucun autre don de l'entreprise dans l'exercice n'est compté",
        pct(m.reduction_bp),
        eur(m.reduced_rate_above),
        pct(m.reduction_above_bp)
    ));

    let yearly_cap = match input.turnover {
        Some(turnover) => {
            let share = money(round_div(
                i128::from(turnover.cents()) * i128::from(m.yearly_cap_turnover_bp),
                i128::from(FULL_BP),
            ))?;
            let cap = share.max(m.yearly_cap_floor);
            assumptions.push(format!(
                "plafond annuel : le plus élevé de {} et {} du chiffre d'affaires ({} × {} = {}), soit {}",
                eur(m.yearly_cap_floor),
                pct(m.yearly_cap_turnover_bp),
                eur(turnover),
                pct(m.yearly_cap_turnover_bp),
                eur(share),
                eur(cap)
            ));
            cap
        }
        None => {
            assumptions.push(format!(
                "chiffre d'affaires non donné : plafond annuel de {}",
                eur(m.yearly_cap_floor)
            ));
            m.yearly_cap_floor
        }
    };
    let reduction_this_year = reduction.min(yearly_cap);
    let carried_forward = reduction - reduction_this_year;
    if carried_forward.cents() > 0 {
        assumptions.push(format!(
            "la réduction au-delà du plafond ({}) est reportable sur les {} exercices suivants",
            eur(carried_forward),
            m.carry_forward_years
        ));
    }
    Ok(MecenatEstimate {
        estimate: true,
        cash,
        valued_time,
        time_capped,
        gift,
        reduction,
        yearly_cap,
        reduction_this_year,
        carried_forward,
        net_cost: gift - reduction_this_year,
        assumptions,
    })
}

/// `a + b`, checked.
fn add(a: Money, b: Money) -> Result<Money, CostError> {
    money(i128::from(a.cents()) + i128::from(b.cents()))
}

/// `amount × n`, checked.
fn times(amount: Money, n: u32) -> Result<Money, CostError> {
    money(i128::from(amount.cents()) * i128::from(n))
}

/// Cents held in `i128` back to [`Money`], or [`CostError::TooLarge`].
fn money(cents: i128) -> Result<Money, CostError> {
    i64::try_from(cents)
        .map(Money::from_cents)
        .map_err(|_| CostError::TooLarge)
}

/// `n / d` rounded half up (half away from zero for negative `n`), `d > 0`.
pub(crate) fn round_div(n: i128, d: i128) -> i128 {
    let q = n / d;
    let r = n % d;
    if 2 * r.abs() >= d { q + n.signum() } else { q }
}

/// `⌊n / d⌋`, `d > 0`.
fn floor_div(n: i128, d: i128) -> i128 {
    n.div_euclid(d)
}

/// French notation of an amount: `1 400,00 €`.
pub fn eur(amount: Money) -> String {
    let cents = amount.cents();
    let sign = if cents < 0 { "-" } else { "" };
    let abs = cents.unsigned_abs();
    format!(
        "{sign}{},{:02} €",
        group_thousands(&(abs / 100).to_string()),
        abs % 100
    )
}

/// French notation of basis points as a percentage: `6500` → `65 %`, `1750` →
/// `17,5 %`, `50` → `0,5 %`.
pub fn pct(bp: u32) -> String {
    let int = bp / 100;
    let frac = bp % 100;
    if frac == 0 {
        format!("{int} %")
    } else {
        let digits = format!("{frac:02}");
        format!("{int},{} %", digits.trim_end_matches('0'))
    }
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
