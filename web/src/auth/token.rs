//! Random tokens from the operating system's generator, and their stored form.
//!
//! An invitation token is 128 random bits written as 32 hex digits. Only its SHA-256
//! is stored: a token that random cannot be guessed from its hash, so a slow password
//! hash would add nothing, and a lookup by hash stays a plain index search.

use sha2::{Digest, Sha256};

use crate::error::InternalError;

/// `N` random bytes from the OS generator, as lowercase hex.
pub fn random_hex<const N: usize>() -> Result<String, InternalError> {
    let mut bytes = [0u8; N];
    getrandom::fill(&mut bytes).map_err(|e| InternalError::Random(e.to_string()))?;
    Ok(hex(&bytes))
}

/// A new 128-bit token.
pub fn new_token() -> Result<String, InternalError> {
    random_hex::<16>()
}

/// What is stored for a token: its SHA-256, in hex.
pub fn hash(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

/// Whether `text` has the shape of a token (32 lowercase hex digits): anything else is
/// refused before touching the database.
pub fn looks_like_token(text: &str) -> bool {
    text.len() == 32 && text.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes
        .iter()
        .fold(String::with_capacity(bytes.len() * 2), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_128_bit_hex_and_differ() {
        let a = new_token().unwrap();
        let b = new_token().unwrap();
        assert!(looks_like_token(&a) && looks_like_token(&b));
        assert_ne!(a, b);
    }

    #[test]
    fn the_stored_hash_is_sha256_hex_and_not_the_token() {
        // SHA-256("abc"), the FIPS 180-2 test vector.
        assert_eq!(
            hash("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        let t = new_token().unwrap();
        assert_eq!(hash(&t).len(), 64);
        assert_ne!(hash(&t), t);
        assert_eq!(hash(&t), hash(&t));
    }

    #[test]
    fn only_token_shaped_text_is_looked_up() {
        assert!(!looks_like_token("../../etc/passwd"));
        assert!(!looks_like_token("ABCDEF0123456789ABCDEF0123456789"));
        assert!(!looks_like_token(""));
    }
}
