//! Cost plans: the basis of each line, the patronage estimate, the cost rules' checks.

use std::fmt::Display;

use crate::cost::Category;

/// The leg from the airport to the mission's place.
pub const AIRPORT_TO_SITE: &str = "aéroport – lieu de mission";

/// The leg from home to the airport.
pub const HOME_TO_AIRPORT: &str = "domicile – aéroport";

/// A transport leg at the network's estimate.
pub fn network_estimate(what: impl Display, amount: impl Display) -> String {
    format!("estimation du réseau ({what}) : {amount}")
}

/// An international return trip at the estimate of the origin's zone.
pub fn network_round_trip_zone(direction: impl Display, name_fr: impl Display) -> String {
    format!("estimation du réseau, aller-retour {direction} la zone {name_fr}")
}

/// An international return trip at the default estimate (country in no zone).
pub fn network_round_trip_default(direction: impl Display, c: impl Display) -> String {
    format!("estimation du réseau par défaut, aller-retour {direction} {c} (hors zones)")
}

/// An international return trip at the default estimate (origin not given).
pub const NETWORK_DEFAULT_NO_ORIGIN: &str = "estimation du réseau par défaut, origine non précisée";

/// The Schengen short-stay visa of a reciprocity mission.
pub fn schengen_visa(amount: impl Display) -> String {
    format!("visa Schengen court séjour pour la France : {amount}")
}

/// A visa at the network's estimate for a country.
pub fn network_estimate_for(country: impl Display) -> String {
    format!("estimation du réseau pour {country}")
}

/// A visa at the default estimate (country not listed).
pub fn network_default_unlisted(country: impl Display) -> String {
    format!("estimation du réseau par défaut ({country} non listé)")
}

/// An amount given by the user.
pub fn given_amount(amount: impl Display) -> String {
    format!("montant donné : {amount}")
}

/// Days at the network's daily estimate.
pub fn days_at_network_estimate(days: impl Display, per_day: impl Display) -> String {
    format!("{days} j × {per_day} (estimation du réseau)")
}

/// The reduction above the cap, carried forward.
pub fn carried_forward(carried_forward: impl Display, carry_forward_years: impl Display) -> String {
    format!(
        "la réduction au-delà du plafond ({carried_forward}) est reportable sur les {carry_forward_years} exercices suivants"
    )
}

/// The patronage estimate's first assumption: an estimate, not tax advice.
pub const NOT_TAX_ADVICE: &str =
    "estimation, pas un conseil fiscal : réduction d'impôt de l'article 238 bis du CGI";

/// The patronage estimate's assumption on the beneficiary and the employer.
pub const BENEFICIARY_ASSUMPTION: &str = "le bénéficiaire (association ou réseau) est d'intérêt général et délivre un reçu fiscal ; l'employeur est une entreprise imposable en France";

/// The patronage estimate's cash part.
pub fn cash_part(cash: impl Display, fee_per_mission: impl Display) -> String {
    format!(
        "part en numéraire : la part du reste à charge payée par l'employeur ({cash}) ; les frais de dossier ({fee_per_mission}), contrepartie d'un service du réseau, ne sont pas comptés comme don"
    )
}

/// Working time not valued: no daily cost given.
pub const TIME_NOT_VALUED: &str = "temps de travail non valorisé : coût journalier non donné";

/// Working time valued at cost.
pub fn time_valued(experts: impl Display, days: impl Display, daily: impl Display) -> String {
    format!(
        "temps de travail valorisé au coût (salaire et charges) : {experts} expert(s) × {days} j × {daily}, chaque jour de mission compté comme travaillé"
    )
}

/// The pay counted within the social-security cap.
pub fn pay_cap(
    pay_cap_pmss_multiple: impl Display,
    pmss_monthly: impl Display,
    monthly_cap: impl Display,
    days: impl Display,
    days_per_month: impl Display,
    cap: impl Display,
    capped: bool,
) -> String {
    let atteinte = if capped { " : limite atteinte" } else { "" };
    format!(
        "rémunération retenue dans la limite de {pay_cap_pmss_multiple} × le plafond mensuel de la sécurité sociale ({pmss_monthly}), soit {monthly_cap} par mois, ramenée à la mission par {monthly_cap} × {days} / {days_per_month} = {cap} par expert ; la limite est appliquée ici au coût donné, charges comprises (lecture prudente){atteinte}"
    )
}

/// The reduction rates of gifts below and above the threshold.
pub fn reduction_rates(
    reduction_bp: impl Display,
    reduced_rate_above: impl Display,
    reduction_above_bp: impl Display,
) -> String {
    format!(
        "réduction de {reduction_bp} des dons jusqu'à {reduced_rate_above} dans l'exercice, {reduction_above_bp} au-delà ; aucun autre don de l'entreprise dans l'exercice n'est compté"
    )
}

/// The yearly cap when no turnover is given.
pub fn cap_without_turnover(yearly_cap_floor: impl Display) -> String {
    format!("chiffre d'affaires non donné : plafond annuel de {yearly_cap_floor}")
}

/// The yearly cap from the turnover.
pub fn cap_with_turnover(
    yearly_cap_floor: impl Display,
    yearly_cap_turnover_bp: impl Display,
    turnover: impl Display,
    yearly_cap_turnover_bp2: impl Display,
    share: impl Display,
    cap: impl Display,
) -> String {
    format!(
        "plafond annuel : le plus élevé de {yearly_cap_floor} et {yearly_cap_turnover_bp} du chiffre d'affaires ({turnover} × {yearly_cap_turnover_bp2} = {share}), soit {cap}"
    )
}

/// The daily cost, as a message names it.
pub const DAILY_COST: &str = "le coût journalier";

/// Text that is not a plain non-negative decimal number.
pub fn not_exact_decimal(value: impl Display) -> String {
    format!(
        "« {value} » n’est pas un décimal exact (des chiffres, puis éventuellement un point et au plus 12 décimales)"
    )
}

/// Cost rules whose meals exceed the meals' share.
pub const MEALS_ABOVE_SHARE: &str = "per_diem_split : meals_per_day × per_meal_bp dépasse meals_bp";

/// Cost rules whose patronage figures are not positive.
pub const MECENAT_NOT_POSITIVE: &str =
    "mecenat : days_per_month et pay_cap_pmss_multiple doivent être positifs";

/// A currency that is not a foreign ISO 4217 code.
pub fn not_foreign_currency(code: impl Display) -> String {
    format!("la devise « {code} » n’est pas un code ISO 4217 étranger")
}

/// A per-diem rate in a currency without a rate.
pub fn per_diem_currency_without_rate(country: impl Display, currency: impl Display) -> String {
    format!("per diem de {country} : la devise {currency} n’a pas de taux dans `currencies`")
}

/// A daily rate given by the user.
pub fn given_rate(rate: impl Display) -> String {
    format!("{rate} (taux donné)")
}

/// Said of a country's rate when cities have their own.
pub const OUTSIDE_CITIES: &str = ", taux hors des villes à taux propre";

/// A daily rate converted from its currency to euros.
pub fn converted_rate(
    rate: impl Display,
    amount: impl Display,
    currency: impl Display,
    per_eur: impl Display,
    currency2: impl Display,
    place: impl Display,
) -> String {
    format!("{rate} ({amount} {currency} à {per_eur} {currency2}/€{place})")
}

/// A night at the base rate, the city not given.
pub const BASE_RATE_NO_CITY: &str = "taux de base, ville non précisée";

/// The country has no per-diem rate and none was given.
pub fn no_per_diem(country: impl Display) -> String {
    format!("pas de taux de per diem pour {country}")
}

/// Days out of 1..=366.
pub fn days_out_of_range(max_days: impl Display, days: impl Display) -> String {
    format!("une mission dure de 1 à {max_days} jours, pas {days}")
}

/// No expert.
pub fn no_expert() -> String {
    "une mission a au moins un expert".to_string()
}

/// More experts than `MAX_EXPERTS`.
pub fn too_many_experts(max_experts: impl Display, experts: impl Display) -> String {
    format!("au plus {max_experts} experts par mission, pas {experts}")
}

/// More meals provided than the rate covers.
pub fn too_many_meals(max: impl Display, given: impl Display) -> String {
    format!("au plus {max} repas fournis par jour, pas {given}")
}

/// A per-diem rate in a currency without a rate to the euro.
pub fn no_exchange_rate(currency: impl Display, country: impl Display) -> String {
    format!("pas de taux de change pour la devise {currency} (per diem de {country})")
}

/// Reciprocity missions take place in France.
pub fn reciprocity_abroad(country: impl Display) -> String {
    format!("une mission de réciprocité a lieu en France (FR), pas en {country}")
}

/// A split outside 0–100 %.
pub fn employer_share_out_of_range(employer_bp: impl Display) -> String {
    format!("la part de l'employeur est de 0 à 10000 points de base, pas {employer_bp}")
}

/// A negative amount given.
pub fn negative(what: impl Display, amount: impl Display) -> String {
    format!("{what} ne peut pas être négatif ({amount} €)")
}

/// Amounts too large to compute in cents.
pub fn overflow() -> String {
    "montants trop grands pour être calculés".to_string()
}

/// A cost category's name for people.
pub fn category(category: Category) -> &'static str {
    match category {
        Category::NationalTransport => "Transport national",
        Category::InternationalTransport => "Transport international",
        Category::Insurance => "Assurance",
        Category::Visa => "Visa",
        Category::Lodging => "Hébergement",
        Category::PerDiem => "Per diem (repas et frais divers)",
        Category::FieldTransport => "Transport sur le terrain",
    }
}

/// An amount in kind for all the experts.
pub fn in_kind_for_all(experts: impl Display, basis: impl Display) -> String {
    format!("{experts} experts × {basis}")
}

/// The per diem, as an overridden amount is named.
pub const PER_DIEM: &str = "le per diem";

/// The national transport, as an overridden amount is named.
pub const NATIONAL_TRANSPORT: &str = "le transport national";

/// The international transport, as an overridden amount is named.
pub const INTERNATIONAL_TRANSPORT: &str = "le transport international";

/// The visa, as an overridden amount is named.
pub const VISA: &str = "le visa";

/// The field transport, as an overridden amount is named.
pub const FIELD_TRANSPORT: &str = "le transport sur le terrain";

/// The turnover, as a given amount is named.
pub const TURNOVER: &str = "le chiffre d'affaires";

/// Cost rules: a share over 100 %.
pub fn over_100_percent(which: impl Display, bp: impl Display) -> String {
    format!("{which} vaut {bp} points de base, plus de 100 %")
}

/// Cost rules: a per-diem split that is not the whole rate.
pub const SPLIT_NOT_WHOLE: &str =
    "per_diem_split : lodging_bp + meals_bp doit valoir 10000 (le taux entier)";

/// Cost rules: no meal a day at home.
pub const NO_DOMESTIC_MEAL: &str = "domestic.meals_per_day doit valoir au moins 1";

/// Cost rules: a currency with a zero rate.
pub fn zero_rate(code: impl Display) -> String {
    format!("la devise {code} a un taux nul")
}

/// Cost rules: a currency given twice.
pub fn currency_twice(code: impl Display) -> String {
    format!("la devise {code} figure deux fois")
}

/// Cost rules: a zero per diem.
pub fn zero_per_diem(country: impl Display) -> String {
    format!("le per diem de {country} est nul")
}

/// Cost rules: a country's per diem given twice.
pub fn per_diem_twice(country: impl Display) -> String {
    format!("le per diem de {country} figure deux fois")
}
