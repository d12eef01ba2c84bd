//! Authentication and request protection: passwords, tokens, sessions, the
//! authorisation extractors, CSRF and sign-in throttling.

pub mod csrf;
pub mod extract;
pub mod password;
pub mod session_store;
pub mod throttle;
pub mod token;

use serde::{Deserialize, Serialize};

/// The session key under which a signed-in session keeps its [`SignedIn`].
pub const SESSION_AUTH: &str = "auth";
/// The session key of the session's CSRF token.
pub const SESSION_CSRF: &str = "csrf";

/// What a session records about its signed-in account.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignedIn {
    /// The account.
    pub account_id: i64,
    /// When the account signed in (Unix seconds): the absolute timeout counts from here.
    pub signed_in_at: i64,
    /// The last request seen (Unix seconds, refreshed at most every minute): the idle
    /// timeout counts from here.
    pub last_seen: i64,
}
