//! Money arithmetic on integer cents (`i128` in between, checked back to [`Money`]),
//! exact currency conversion, and French notation of amounts and percentages. Every
//! product of a rate is rounded half up to the cent once, per line.

use super::rules::{ExactDecimal, group_thousands};
use super::types::CostError;
use crate::values::Money;

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

/// `a + b`, checked.
pub(super) fn add(a: Money, b: Money) -> Result<Money, CostError> {
    money(i128::from(a.cents()) + i128::from(b.cents()))
}

/// `amount × n`, checked.
pub(super) fn times(amount: Money, n: u32) -> Result<Money, CostError> {
    money(i128::from(amount.cents()) * i128::from(n))
}

/// Cents held in `i128` back to [`Money`], or [`CostError::TooLarge`].
pub(super) fn money(cents: i128) -> Result<Money, CostError> {
    i64::try_from(cents)
        .map(Money::from_cents)
        .map_err(|_| CostError::TooLarge)
}

/// `n / d` rounded half up (half away from zero for negative `n`), `d > 0`.
pub(super) fn round_div(n: i128, d: i128) -> i128 {
    let q = n / d;
    let r = n % d;
    if 2 * r.abs() >= d { q + n.signum() } else { q }
}

/// `⌊n / d⌋`, `d > 0`.
pub(super) fn floor_div(n: i128, d: i128) -> i128 {
    n.div_euclid(d)
}

/// French notation of an amount: `1 400,00 €`, with a narrow no-break space between
/// groups of digits and a no-break space before `€`: it never breaks across lines.
pub fn eur(amount: Money) -> String {
    let cents = amount.cents();
    let sign = if cents < 0 { "-" } else { "" };
    let abs = cents.unsigned_abs();
    format!(
        "{sign}{},{:02}\u{a0}€",
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
        format!("{int}\u{a0}%")
    } else {
        let digits = format!("{frac:02}");
        format!("{int},{}\u{a0}%", digits.trim_end_matches('0'))
    }
}
