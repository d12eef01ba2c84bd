//! The password policy (CNIL and ASVS level 1: length, not composition) and hashing
//! with argon2id.
//!
//! A password has 12 to 256 characters, any characters; it is refused when it is in the
//! bundled list of common passwords (case-insensitively), made of one repeated
//! character, or equal to the account's e-mail or the part before its `@`. There is no
//! composition rule and no periodic expiry.
//!
//! Hashing and checking are slow on purpose and blocking: callers run them in
//! `tokio::task::spawn_blocking`.

use std::collections::HashSet;
use std::sync::OnceLock;

use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use argon2::{Algorithm, Argon2, Params, Version};

use crate::error::InternalError;

/// Fewest characters a password may have.
pub const MIN_CHARS: usize = 12;
/// Most characters a password may have (argon2 takes any length; this bounds the work).
pub const MAX_CHARS: usize = 256;

const COMMON: &str = include_str!("common_passwords.txt");

/// Why a password is refused; `Display` is the French sentence shown under the field.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Weakness {
    /// Fewer than [`MIN_CHARS`] characters.
    #[error("{}", explor_engine::fr::web::PASSWORD_TOO_SHORT)]
    TooShort,
    /// More than [`MAX_CHARS`] characters.
    #[error("{}", explor_engine::fr::web::PASSWORD_TOO_LONG)]
    TooLong,
    /// In the list of common passwords, or one repeated character.
    #[error("{}", explor_engine::fr::web::PASSWORD_TOO_COMMON)]
    Common,
    /// The account's e-mail (or the part before `@`).
    #[error("{}", explor_engine::fr::web::PASSWORD_IS_EMAIL)]
    LikeEmail,
}

/// Checks `password` against the policy for the account with this `email`.
pub fn check(password: &str, email: &str) -> Result<(), Weakness> {
    let chars = password.chars().count();
    if chars < MIN_CHARS {
        return Err(Weakness::TooShort);
    }
    if chars > MAX_CHARS {
        return Err(Weakness::TooLong);
    }
    let lower = password.trim().to_lowercase();
    let email = email.trim().to_lowercase();
    let local = email.split('@').next().unwrap_or_default();
    if lower == email || (!local.is_empty() && lower == local) {
        return Err(Weakness::LikeEmail);
    }
    let mut it = lower.chars();
    let first = it.next();
    if it.all(|c| Some(c) == first) || common().contains(lower.as_str()) {
        return Err(Weakness::Common);
    }
    Ok(())
}

fn common() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| {
        COMMON
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect()
    })
}

/// argon2id with the OWASP parameters (19 MiB, 2 passes, 1 lane); tests use a cheap
/// setting so that a debug build does not spend seconds per hash.
fn argon2() -> Argon2<'static> {
    let params = if cfg!(test) {
        Params::new(256, 1, 1, None)
    } else {
        Params::new(19 * 1024, 2, 1, None)
    };
    Argon2::new(
        Algorithm::Argon2id,
        Version::V0x13,
        params.unwrap_or_default(),
    )
}

/// Hashes a password into a PHC string (`$argon2id$v=19$…`) with a random salt.
pub fn hash(password: &str) -> Result<String, InternalError> {
    argon2()
        .hash_password(password.as_bytes())
        .map(|h| h.to_string())
        .map_err(|e| InternalError::Hash(e.to_string()))
}

/// Whether `password` matches the stored PHC string. A malformed stored hash counts
/// as no match (and is logged).
pub fn verify(password: &str, phc: &str) -> bool {
    match PasswordHash::new(phc) {
        Ok(parsed) => argon2()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok(),
        Err(e) => {
            tracing::error!(error = %e, "stored password hash is malformed");
            false
        }
    }
}

/// A hash to verify against when the account is unknown, so that an unknown e-mail
/// costs the same time as a wrong password.
pub fn dummy_hash() -> &'static str {
    static DUMMY: OnceLock<String> = OnceLock::new();
    DUMMY.get_or_init(|| hash("explor: no such account, dummy").unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    const EMAIL: &str = "marie.dupont@example.org";

    #[test]
    fn length_counts_characters_not_bytes() {
        assert_eq!(check("short pass", EMAIL), Err(Weakness::TooShort));
        // 11 characters, 22 bytes: still too short.
        assert_eq!(check("ééééééééééx", EMAIL), Err(Weakness::TooShort));
        assert_eq!(check("éléphant rosé", EMAIL), Ok(()));
        assert_eq!(check(&"x1".repeat(129), EMAIL), Err(Weakness::TooLong));
        assert_eq!(check(&"ab".repeat(128), EMAIL), Ok(()));
    }

    #[test]
    fn no_composition_rule() {
        assert_eq!(check("une phrase tout en minuscules", EMAIL), Ok(()));
        assert_eq!(check("849302716452", EMAIL), Ok(()));
    }

    #[test]
    fn common_passwords_are_refused_whatever_the_case() {
        for p in [
            "motdepasse123",
            "MotDePasse123",
            "azertyuiop123",
            "password1234",
            "1qaz2wsx3edc",
            "QWERTYUIOPASDF",
            "aaaaaaaaaaaaaaaa",
        ] {
            assert_eq!(check(p, EMAIL), Err(Weakness::Common), "{p}");
        }
    }

    #[test]
    fn the_email_is_refused() {
        assert_eq!(
            check("Marie.Dupont@example.org", EMAIL),
            Err(Weakness::LikeEmail)
        );
        assert_eq!(
            check("marie.dupont", "marie.dupont@ex.org"),
            Err(Weakness::LikeEmail)
        );
        assert_eq!(
            check("jean-baptiste.m", "jean-baptiste.m@ex.org"),
            Err(Weakness::LikeEmail)
        );
    }

    #[test]
    fn the_bundled_list_has_only_long_entries() {
        assert!(common().len() > 500);
        assert!(common().iter().all(|p| p.chars().count() >= MIN_CHARS));
    }

    #[test]
    fn hashes_are_argon2id_salted_and_verify() {
        let a = hash("cheval agrafe pile correcte").unwrap();
        let b = hash("cheval agrafe pile correcte").unwrap();
        assert!(a.starts_with("$argon2id$v=19$"), "{a}");
        assert_ne!(a, b, "a random salt per hash");
        assert!(verify("cheval agrafe pile correcte", &a));
        assert!(!verify("cheval agrafe pile incorrecte", &a));
        assert!(!verify("anything", "not a phc string"));
    }
}
