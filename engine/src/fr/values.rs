//! Values: codes, levels, amounts, periods and the months' names.

use std::fmt::Display;

/// The months' names, January first.
pub const MONTHS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

/// Not an ISO 3166-1 alpha-2 country code.
pub fn bad_country(code: &str) -> String {
    format!("« {code} » n’est pas un code pays ISO 3166-1 alpha-2")
}
/// Not an ISO 639-1 language code.
pub fn bad_language(code: &str) -> String {
    format!("« {code} » n’est pas un code de langue ISO 639-1")
}
/// A period that ends before it starts.
pub fn reversed_window(from: impl Display, to: impl Display) -> String {
    format!("la période finit ({to}) avant de commencer ({from})")
}
/// Not a CEFR level.
pub fn bad_cefr(text: &str) -> String {
    format!("« {text} » n’est pas un niveau CECRL (A1, A2, B1, B2, C1, C2)")
}
/// Not an amount of euros.
pub fn money_syntax(text: &str) -> String {
    format!(
        "« {text} » n’est pas un montant en euros (des chiffres, groupés par trois avec des espaces si l’on veut, puis une virgule ou un point et au plus 2 décimales : 1400.5, 1 400,50)"
    )
}
/// An amount with more than two decimals.
pub fn money_too_precise(text: &str) -> String {
    format!("« {text} » a plus de 2 décimales")
}
/// An amount too large to hold.
pub fn money_overflow(text: &str) -> String {
    format!("« {text} » est trop grand")
}
