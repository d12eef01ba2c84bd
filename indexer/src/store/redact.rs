//! Rewriting the mission log's free-text notes that quote an erased person.
//!
//! The log is append-only (triggers refuse updates): erasure is the one exception,
//! made inside its own transaction by dropping the update trigger, rewriting the
//! notes and creating the trigger again, so a failed erasure leaves the log and its
//! guard as they were.

use explor_engine::Expert;
use explor_engine::mission::Event;
use rusqlite::{Transaction, params};

use super::{SCHEMA, corrupt};
use crate::error::{InternalError, Result};

/// What stands in a note where the person was quoted.
pub(crate) const ERASED: &str = explor_engine::fr::workspace::REDACTED;

/// Rewrites every mission note that quotes `person`. Returns how many were rewritten.
pub(super) fn mission_notes(tx: &Transaction<'_>, person: &Expert) -> Result<usize> {
    let quotes = Quotes::of(person);
    let mut rewritten: Vec<(String, i64, String)> = Vec::new();
    {
        let mut stmt = tx.prepare(
            "SELECT mission, seq, body FROM mission_events WHERE json_extract(body, '$.note') IS NOT NULL",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, String>(2)?,
            ))
        })?;
        for row in rows {
            let (mission, seq, body) = row?;
            let mut event: Event = serde_json::from_str(&body).map_err(|e| corrupt(&mission, e))?;
            let Some(note) = event.note.as_deref().and_then(|n| quotes.redact(n)) else {
                continue;
            };
            event.note = Some(note);
            let body = serde_json::to_string(&event).map_err(|source| InternalError::Encode {
                id: mission.clone(),
                source,
            })?;
            rewritten.push((mission, seq, body));
        }
    }
    if rewritten.is_empty() {
        return Ok(0);
    }
    tx.execute_batch("DROP TRIGGER IF EXISTS mission_log_append_only_update")?;
    for (mission, seq, body) in &rewritten {
        tx.execute(
            "UPDATE mission_events SET body = ?3 WHERE mission = ?1 AND seq = ?2",
            params![mission, seq, body],
        )?;
    }
    // Every statement of the schema is `IF NOT EXISTS`: this puts back only the trigger.
    tx.execute_batch(SCHEMA)?;
    Ok(rewritten.len())
}

/// The ways a note can quote a person: their name and each word of it, their e-mail,
/// their phone number however it is spaced.
struct Quotes {
    /// Lower-case words of the name (two letters or more).
    name_words: Vec<String>,
    /// The e-mail address, lower-case.
    email: Option<String>,
    /// The phone number's last nine digits (the number without its country or trunk
    /// prefix), when it has that many.
    phone_digits: Option<String>,
}

impl Quotes {
    fn of(person: &Expert) -> Self {
        let name_words = person
            .name
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() >= 2)
            .map(str::to_lowercase)
            .collect();
        let phone_digits = person.phone.as_deref().and_then(|p| {
            let digits: String = p.chars().filter(char::is_ascii_digit).collect();
            (digits.len() >= 9).then(|| digits[digits.len() - 9..].to_owned())
        });
        Self {
            name_words,
            email: person.email.as_deref().map(str::to_lowercase),
            phone_digits,
        }
    }

    /// The note without the person in it, or `None` when it does not quote them.
    fn redact(&self, note: &str) -> Option<String> {
        let mut out = note.to_owned();
        if let Some(email) = &self.email {
            out = replace_ignoring_case(&out, email);
        }
        if let Some(digits) = &self.phone_digits {
            out = replace_phone(&out, digits);
        }
        out = replace_words(&out, &self.name_words);
        (out != note).then_some(out)
    }
}

/// `text` with every occurrence of `needle` (already lower-case) replaced, compared
/// without case.
fn replace_ignoring_case(text: &str, needle: &str) -> String {
    if needle.is_empty() {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    'scan: while !rest.is_empty() {
        for (start, _) in rest.char_indices() {
            if let Some(len) = prefix_len_ignoring_case(&rest[start..], needle) {
                out.push_str(&rest[..start]);
                out.push_str(ERASED);
                rest = &rest[start + len..];
                continue 'scan;
            }
        }
        out.push_str(rest);
        break;
    }
    out
}

/// The byte length of the prefix of `text` equal to `needle` without case, if any.
fn prefix_len_ignoring_case(text: &str, needle: &str) -> Option<usize> {
    let mut wanted = needle.chars();
    let mut want = wanted.next();
    for (i, c) in text.char_indices() {
        let Some(w) = want else {
            return Some(i);
        };
        let mut lower = c.to_lowercase();
        if lower.next() != Some(w) || lower.next().is_some() {
            return None;
        }
        want = wanted.next();
    }
    want.is_none().then_some(text.len())
}

/// `text` with every run of phone characters (digits, spaces, `+ . - ( )`) whose
/// digits end with `digits` replaced.
fn replace_phone(text: &str, digits: &str) -> String {
    let is_phone_char = |c: char| c.is_ascii_digit() || " +.-()/".contains(c);
    let mut out = String::with_capacity(text.len());
    let mut run = String::new();
    let flush = |run: &mut String, out: &mut String| {
        let found: String = run.chars().filter(char::is_ascii_digit).collect();
        let start = run.find(|c: char| c.is_ascii_digit() || c == '+');
        let end = run.rfind(|c: char| c.is_ascii_digit());
        match (start, end) {
            (Some(start), Some(end)) if found.len() >= digits.len() && found.ends_with(digits) => {
                // Keep what surrounds the number (spaces, brackets), drop the number.
                out.push_str(&run[..start]);
                out.push_str(ERASED);
                out.push_str(&run[end + 1..]);
            }
            _ => out.push_str(run),
        }
        run.clear();
    };
    for c in text.chars() {
        if is_phone_char(c) {
            run.push(c);
        } else {
            flush(&mut run, &mut out);
            out.push(c);
        }
    }
    flush(&mut run, &mut out);
    out
}

/// `text` with every word equal (without case) to one of `words` replaced.
fn replace_words(text: &str, words: &[String]) -> String {
    if words.is_empty() {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        if !word.is_empty() && words.contains(&word.to_lowercase()) {
            out.push_str(ERASED);
        } else {
            out.push_str(word);
        }
        word.clear();
    };
    for c in text.chars() {
        if c.is_alphanumeric() {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push(c);
        }
    }
    flush(&mut word, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes() -> Quotes {
        Quotes {
            name_words: vec!["zéphyrine".into(), "quaglio".into()],
            email: Some("z.quaglio@example.org".into()),
            phone_digits: Some("612345678".into()),
        }
    }

    #[test]
    fn a_note_quoting_the_name_email_or_phone_loses_them_and_keeps_the_rest() {
        let q = quotes();
        assert_eq!(
            q.redact(
                "Appel de Zéphyrine QUAGLIO (Z.Quaglio@Example.org, +33 6 12 34 56 78) : d'accord."
            )
            .as_deref(),
            Some("Appel de [effacé] [effacé] ([effacé], [effacé]) : d'accord.")
        );
        assert_eq!(
            q.redact("rappeler au 06.12.34.56.78").as_deref(),
            Some("rappeler au [effacé]")
        );
    }

    #[test]
    fn a_note_that_does_not_quote_the_person_is_left_alone() {
        let q = quotes();
        assert_eq!(q.redact("convention signée le 3 mars, 2 experts"), None);
        // A word that merely contains a part of the name is not the name.
        assert_eq!(q.redact("Quaglion est un autre nom"), None);
    }
}
