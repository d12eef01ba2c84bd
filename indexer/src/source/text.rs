//! Decoding text files (`.csv`, `.json`, `.jsonl`): detected by default, or as asked.

use std::fmt;

/// How the bytes of a text file become text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8 (with or without a byte-order mark) when the bytes are valid UTF-8,
    /// otherwise Windows-1252, which is what Excel's French "CSV (séparateur :
    /// point-virgule)" export writes.
    #[default]
    Auto,
    /// UTF-8 only (a byte-order mark is dropped): a byte that is not UTF-8 is an
    /// error naming its line.
    Utf8,
    /// Windows-1252 (Excel's "CSV" on a French Windows), even when the bytes would
    /// also read as UTF-8.
    Windows1252,
}

/// Bytes that are not UTF-8 when UTF-8 was asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct NotUtf8 {
    /// The line of the first such byte, from 1.
    pub line: u64,
    /// That byte.
    pub byte: u8,
}

impl fmt::Display for NotUtf8 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "this line is not UTF-8 text (byte 0x{:02X}); save the file as UTF-8, or read it as Windows-1252 (explor import --encoding windows-1252)",
            self.byte
        )
    }
}

/// The file's text, without a UTF-8 byte-order mark.
///
/// [`Encoding::Auto`] never fails: every byte has a Windows-1252 reading, so a UTF-8
/// file with a stray bad byte is read as Windows-1252 rather than refused.
pub(crate) fn decode(bytes: Vec<u8>, encoding: Encoding) -> Result<String, NotUtf8> {
    let text = match encoding {
        Encoding::Auto => match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(e) => windows_1252(e.as_bytes()),
        },
        Encoding::Utf8 => String::from_utf8(bytes).map_err(|e| {
            let bytes = e.as_bytes();
            let at = e.utf8_error().valid_up_to();
            NotUtf8 {
                line: bytes[..at].iter().filter(|b| **b == b'\n').count() as u64 + 1,
                byte: bytes[at],
            }
        })?,
        Encoding::Windows1252 => windows_1252(&bytes),
    };
    Ok(match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_owned(),
        None => text,
    })
}

fn windows_1252(bytes: &[u8]) -> String {
    encoding_rs::WINDOWS_1252
        .decode_without_bom_handling(bytes)
        .0
        .into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_1252_bytes_are_decoded() {
        // "Déchets;Côte d’Ivoire" as Excel's French CSV export writes it.
        let bytes = b"D\xe9chets;C\xf4te d\x92Ivoire\r\n".to_vec();
        let expected = "Déchets;Côte d\u{2019}Ivoire\r\n";
        assert_eq!(decode(bytes.clone(), Encoding::Auto).unwrap(), expected);
        assert_eq!(decode(bytes, Encoding::Windows1252).unwrap(), expected);
    }

    #[test]
    fn utf8_is_kept_and_its_bom_dropped() {
        for encoding in [Encoding::Auto, Encoding::Utf8] {
            let bom = "\u{feff}Déchets".as_bytes().to_vec();
            assert_eq!(decode(bom, encoding).unwrap(), "Déchets");
        }
    }

    #[test]
    fn forced_windows_1252_reads_utf8_bytes_as_such() {
        let bytes = "Déchets".as_bytes().to_vec();
        assert_eq!(
            decode(bytes, Encoding::Windows1252).unwrap(),
            "D\u{c3}\u{a9}chets"
        );
    }

    #[test]
    fn forced_utf8_names_the_line_of_the_first_bad_byte() {
        let bytes = b"id;name\r\na;ok\r\nb;\xe9t\xe9\r\n".to_vec();
        let err = decode(bytes, Encoding::Utf8).unwrap_err();
        assert_eq!(
            err,
            NotUtf8 {
                line: 3,
                byte: 0xE9
            }
        );
        let message = err.to_string();
        assert!(message.contains("0xE9") && message.contains("windows-1252"));
        assert!(!message.contains("offset"), "{message}");
    }
}
