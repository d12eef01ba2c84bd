//! Value types that make bad states unrepresentable.

mod cefr;
mod codes;
pub(crate) mod french_date;
mod money;
pub mod number;
pub(crate) mod text;
mod window;

pub use cefr::{BadCefr, Cefr};
pub use codes::{BadCode, CountryCode, LanguageCode};
pub use money::{BadMoney, Money};
pub use window::{DateWindow, ReversedWindow};
