//! Decoding text files (`.csv`, `.json`, `.jsonl`): detected by default, or as asked.
//!
//! A file is decoded as a stream ([`reader`]), never held whole: detecting the encoding
//! reads it once through, then the text is read again, decoded on the fly.

use std::fmt;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read, Seek};

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
        write!(f, "{}", explor_engine::fr::import::not_utf8(self.byte))
    }
}

/// The file's text, without a UTF-8 byte-order mark.
///
/// The reference [`reader`] is tested against.
///
/// [`Encoding::Auto`] never fails: every byte has a Windows-1252 reading, so a UTF-8
/// file with a stray bad byte is read as Windows-1252 rather than refused.
#[cfg(test)]
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

/// How many bytes are read at a time.
const CHUNK: usize = 64 * 1024;

/// The text of `file` as UTF-8 bytes without a byte-order mark, decoded as `decode`
/// would, read a chunk at a time; `Err(NotUtf8)` where `decode` gives it.
pub(crate) fn reader(
    mut file: File,
    encoding: Encoding,
) -> io::Result<Result<Box<dyn BufRead>, NotUtf8>> {
    let utf8 = match encoding {
        Encoding::Windows1252 => false,
        Encoding::Auto | Encoding::Utf8 => {
            let problem = first_non_utf8(&mut file)?;
            file.rewind()?;
            match (problem, encoding) {
                (None, _) => true,
                (Some(problem), Encoding::Utf8) => return Ok(Err(problem)),
                (Some(_), _) => false,
            }
        }
    };
    let file = BufReader::with_capacity(CHUNK, file);
    if !utf8 {
        return Ok(Ok(Box::new(BufReader::with_capacity(
            CHUNK,
            Windows1252 {
                inner: file,
                decoder: encoding_rs::WINDOWS_1252.new_decoder_without_bom_handling(),
                decoded: Vec::new(),
                at: 0,
                finished: false,
            },
        ))));
    }
    let mut file = file;
    let mut start = Vec::with_capacity(3);
    (&mut file).take(3).read_to_end(&mut start)?;
    if start == [0xEF, 0xBB, 0xBF] {
        start.clear();
    }
    Ok(Ok(Box::new(io::Cursor::new(start).chain(file))))
}

/// Where the bytes of `file` stop being UTF-8, if they do (read to its end).
fn first_non_utf8(file: &mut File) -> io::Result<Option<NotUtf8>> {
    let mut reader = BufReader::with_capacity(CHUNK, file);
    // Bytes of a character cut by the end of a chunk, checked with the next one.
    let mut carry: Vec<u8> = Vec::new();
    let mut lines = 1;
    loop {
        let chunk = reader.fill_buf()?;
        let at_end = chunk.is_empty();
        let mut bytes = std::mem::take(&mut carry);
        bytes.extend_from_slice(chunk);
        let n = chunk.len();
        reader.consume(n);
        match std::str::from_utf8(&bytes) {
            Ok(_) => {
                lines += bytes.iter().filter(|b| **b == b'\n').count() as u64;
                if at_end {
                    return Ok(None);
                }
            }
            Err(e) => {
                let valid = e.valid_up_to();
                lines += bytes[..valid].iter().filter(|b| **b == b'\n').count() as u64;
                if e.error_len().is_some() || at_end {
                    return Ok(Some(NotUtf8 {
                        line: lines,
                        byte: bytes[valid],
                    }));
                }
                carry = bytes[valid..].to_vec();
            }
        }
    }
}

/// Windows-1252 bytes read as UTF-8 text.
struct Windows1252<R> {
    inner: R,
    decoder: encoding_rs::Decoder,
    decoded: Vec<u8>,
    at: usize,
    /// The end was decoded: the decoder may not be used again.
    finished: bool,
}

impl<R: BufRead> Read for Windows1252<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        while self.at == self.decoded.len() {
            if self.finished {
                return Ok(0);
            }
            let src = self.inner.fill_buf()?;
            let last = src.is_empty();
            let room = self
                .decoder
                .max_utf8_buffer_length(src.len())
                .unwrap_or(src.len() * 3 + 16);
            self.decoded.resize(room, 0);
            let (_, read, written, _) = self.decoder.decode_to_utf8(src, &mut self.decoded, last);
            self.inner.consume(read);
            self.decoded.truncate(written);
            self.at = 0;
            self.finished = last;
        }
        let n = buf.len().min(self.decoded.len() - self.at);
        buf[..n].copy_from_slice(&self.decoded[self.at..self.at + n]);
        self.at += n;
        Ok(n)
    }
}

#[cfg(test)]
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

    /// The streaming reader gives what `decode` gives, whatever the chunk boundaries.
    #[test]
    fn the_stream_decodes_as_the_whole_file_would() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f.csv");
        let mut long = "é".repeat(CHUNK / 2 - 1).into_bytes();
        long.push(b'a');
        long.extend("é\nΩ".repeat(10).as_bytes());
        let cases: Vec<Vec<u8>> = vec![
            b"\xef\xbb\xbfid;name\n".to_vec(),
            b"D\xe9chets;C\xf4te d\x92Ivoire\r\n".to_vec(),
            b"id\na\nb;\xe9t\xe9\n".to_vec(),
            long.clone(),
            [long.clone(), b"\n\xff".to_vec()].concat(),
            b"ab\xc3".to_vec(),
            Vec::new(),
        ];
        for bytes in cases {
            std::fs::write(&path, &bytes).unwrap();
            for encoding in [Encoding::Auto, Encoding::Utf8, Encoding::Windows1252] {
                let whole = decode(bytes.clone(), encoding);
                let file = File::open(&path).unwrap();
                let streamed = reader(file, encoding).unwrap().map(|mut r| {
                    let mut text = String::new();
                    r.read_to_string(&mut text).unwrap();
                    text
                });
                assert_eq!(streamed, whole, "{encoding:?} {bytes:?}");
            }
        }
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
