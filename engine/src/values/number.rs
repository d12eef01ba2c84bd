//! Decimal numbers as people type them in spreadsheets, French forms included.
//!
//! One reading for every number explor takes from a person (amounts of money, counts,
//! rates in imported reference tables), so that `1 400,50` is read wherever `1400,5`
//! is: a decimal point or a decimal comma, and digits grouped by three with a space,
//! a no-break space (U+00A0) or a narrow no-break space (U+202F), as French
//! spreadsheets and typographers write them (`1 400,50`, `45 000 000`). Anything
//! ambiguous is refused rather than guessed: `1.400,50` and `1,400.50` (a separator
//! for thousands that is also a decimal one), badly grouped digits (`14 00`), signs,
//! exponents.

/// The spaces that may group digits by three.
pub const GROUP_SEPARATORS: [char; 3] = [' ', '\u{a0}', '\u{202f}'];

/// A decimal number read from text: its sign and its digits, separators removed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecimalText {
    /// A leading `-` was given.
    pub negative: bool,
    /// The whole part, ASCII digits only, never empty.
    pub whole: String,
    /// The fraction's digits (empty when there is none).
    pub fraction: String,
}

/// Reads `text` (surrounding spaces ignored) as a decimal number with an optional
/// leading `-`, a decimal point or comma, and digits optionally grouped by three with
/// one of the [`GROUP_SEPARATORS`]; `None` when it is anything else.
pub fn read_decimal(text: &str) -> Option<DecimalText> {
    let t = text.trim_matches(|c: char| c.is_whitespace());
    let (negative, body) = match t.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, t),
    };
    let (whole, fraction) = match body.split_once(['.', ',']) {
        Some((w, f)) => {
            if f.is_empty() {
                return None;
            }
            (w, f)
        }
        None => (body, ""),
    };
    if !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(DecimalText {
        negative,
        whole: grouped_digits(whole)?,
        fraction: fraction.to_owned(),
    })
}

/// The digits of `whole`, written plain (`1400`) or grouped by three with one kind of
/// separator (`1 400`, `45 000 000`).
fn grouped_digits(whole: &str) -> Option<String> {
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let Some(separator) = whole.chars().find(|c| GROUP_SEPARATORS.contains(c)) else {
        return all_digits(whole).then(|| whole.to_owned());
    };
    let mut groups = whole.split(separator);
    let first = groups.next()?;
    if !all_digits(first) || first.len() > 3 {
        return None;
    }
    let mut digits = first.to_owned();
    for group in groups {
        if group.len() != 3 || !all_digits(group) {
            return None;
        }
        digits.push_str(group);
    }
    Some(digits)
}

/// Reads a whole number that is not negative (`12`, `1 000`); `None` for anything
/// else, a fraction included (`12,5`).
pub fn read_whole(text: &str) -> Option<u64> {
    let d = read_decimal(text)?;
    if d.negative || !d.fraction.is_empty() {
        return None;
    }
    d.whole.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(text: &str) -> Option<(bool, String, String)> {
        read_decimal(text).map(|d| (d.negative, d.whole, d.fraction))
    }

    #[test]
    fn french_and_plain_forms_read_the_same() {
        let expected = Some((false, "1400".to_owned(), "50".to_owned()));
        for text in [
            "1400.50",
            "1400,50",
            "1 400,50",
            "1\u{a0}400,50",
            "1\u{202f}400,50",
            "1 400.50",
            " 1 400,50 ",
        ] {
            assert_eq!(parts(text), expected, "{text:?}");
        }
        assert_eq!(
            parts("45 000 000"),
            Some((false, "45000000".into(), String::new()))
        );
        assert_eq!(parts("-3,1"), Some((true, "3".into(), "1".into())));
        assert_eq!(read_whole("1 000"), Some(1000));
        assert_eq!(read_whole("12"), Some(12));
    }

    #[test]
    fn ambiguous_or_badly_grouped_numbers_are_refused() {
        for text in [
            "",
            "-",
            "1.400,50",
            "1,400.50",
            "14 00",
            "1 4000",
            "1  400",
            "1 400 0",
            "1,",
            ",5",
            "1e3",
            "+1",
            "12 €",
            "1 400\u{a0}000",
            "--1",
            "1..2",
        ] {
            assert_eq!(parts(text), None, "{text:?}");
        }
        assert_eq!(read_whole("12,5"), None);
        assert_eq!(read_whole("-1"), None);
    }
}
