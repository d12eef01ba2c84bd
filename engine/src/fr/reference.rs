//! The reference tables: their status, and importing the per-diem scale and the exchange
//! rates.

use std::fmt::Display;

/// Where in an imported table a problem is: its line.
pub fn at_line(line: u64) -> String {
    format!("ligne {line} : ")
}
/// Where in an imported table a problem is: its column.
pub fn at_field(field: &str) -> String {
    format!("champ « {field} » : ")
}
/// A table with problems: nothing imported.
pub fn table_invalid(problems: usize, file: &str) -> String {
    format!(
        "{problems} problème{} dans {file} ; rien n’a été importé",
        if problems == 1 { "" } else { "s" }
    )
}
/// The cost rules with the new table break a rule.
pub const RULES_BROKEN: &str =
    "les règles de coût avec cette table ne sont pas valides ; rien n’a été importé";
/// A table that is neither the ECB's rates nor the DGFiP's scale.
pub const UNKNOWN_TABLE: &str = "impossible de dire quelle table c’est : attendu les taux de référence de la BCE (Date, USD, JPY, …) ou le barème de per diem de la DGFiP (pays ; devise ; taux, et éventuellement ville et depuis)";
/// A table without rows.
pub const NO_ROWS: &str = "le fichier n’a aucune ligne sous l’en-tête";
/// A rate's date that cannot be read.
pub fn rate_date(cell: &str) -> String {
    format!("« {cell} » n’est pas une date (2026-12-04 ou 04 December 2026)")
}
/// Cost rules without any currency.
pub const NO_CURRENCY: &str = "il n’a aucune devise";
/// A currency explor needs missing from the rates.
pub fn rate_column_missing(code: &str) -> String {
    format!("pas de colonne {code} : explor a besoin du taux de {code}")
}
/// A rate that cannot be read.
pub fn bad_rate(cell: &str) -> String {
    format!("« {cell} » n’est pas un taux (un décimal positif tel que 1.0389)")
}
/// The source noted for an imported exchange rate.
pub fn ecb_source(date: &str, rate: &str, code: &str, file: &str) -> String {
    format!(
        "Banque centrale européenne, taux de change de référence de l'euro du {date} : 1 € = {rate} {code} (importé de {file})"
    )
}
/// What an import of exchange rates changed.
pub fn rates_imported(date: &str, changed: &str) -> String {
    format!("taux de change du {date} : {changed}")
}
/// A per-diem scale without a currency column.
pub const CURRENCY_COLUMN_MISSING: &str =
    "pas de colonne de devise (devise) : donnez la devise de chaque taux (EUR, XOF, USD…)";
/// A per-diem row's country that cannot be read.
pub fn bad_country(name: &str) -> String {
    format!("« {name} » n’est pas un pays (un code ISO 3166-1 tel que CD, ou son nom français)")
}
/// A per-diem amount that cannot be read.
pub fn bad_daily_rate(text: &str) -> String {
    format!("« {text} » n’est pas un taux journalier (un montant positif tel que 240 ou 91 800,50)")
}
/// A currency without a known rate.
pub fn unknown_currency(text: &str, known: &str) -> String {
    format!("« {text} » n’est pas une devise dont explor a le taux (EUR, {known})")
}
/// A per-diem row's date that cannot be read.
pub fn since_date(text: &str) -> String {
    format!("« {text} » n’est pas une date (2025-11-21 ou 21/11/2025)")
}
/// A country given twice.
pub fn country_twice(code: &str) -> String {
    format!("{code} figure deux fois")
}
/// A city's rate before its country's.
pub fn city_before_country(city: &str, country: &str) -> String {
    format!("le taux de {city} vient avant (ou sans) le taux de {country} sur sa propre ligne")
}
/// A city's rate in another currency than its country's.
pub fn city_currency(city: &str, country: &str, currency: &str) -> String {
    format!("le taux de {city} doit être dans la devise de celui de {country} ({currency})")
}
/// The placeholder source of a city's rate, replaced by the table's.
pub const SCALE_IMPORTED: &str = "barème importé";
/// The source noted for an imported per-diem scale.
pub fn dgfip_source(file: &str, date: &str) -> String {
    format!(
        "Barème des indemnités journalières de mission à l'étranger publié par la DGFiP (arrêté du 3 juillet 2006 modifié), importé de {file} le {date}"
    )
}
/// What an import of the per-diem scale changed.
pub fn scale_imported(date: &str, countries: usize) -> String {
    format!("barème de per diem à l’étranger du {date} : {countries} pays")
}

/// A table built into the binary.
pub const BUILT_IN: &str = "intégrée";

/// A table imported into the workspace.
pub const IN_WORKSPACE: &str = "espace de travail";

/// How long a table holds, in months.
pub fn months(n: impl Display) -> String {
    format!("{n} mois")
}

/// A table older than it holds.
pub const STALE: &str = "ancienne";

/// A table still within its time.
pub const CURRENT: &str = "à jour";
