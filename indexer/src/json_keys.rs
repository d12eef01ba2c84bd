//! Keys given twice in one JSON object. `serde_json::Value` keeps the last silently, so
//! a record `{"name": "A", …, "name": "B"}` would import as "B" with no word said; this
//! second, read-only pass over the text finds such keys so that the import reports them.

use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::collections::HashSet;
use std::fmt;
use std::io::Read;

use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

/// A key given twice: the index of the record in a top-level array (`None` for a lone
/// object) and the key's path within the record (`contact.email`, `languages[1].code`).
pub(crate) type Duplicate = (Option<usize>, String);

/// The duplicate keys of a JSON text holding an array of records (the reference
/// [`scan_array`] is tested against).
#[cfg(test)]
pub(crate) fn in_array(text: &str) -> Vec<Duplicate> {
    scan(text, true)
}

/// The duplicate keys of a JSON text holding one record.
pub(crate) fn in_record(text: &str) -> Vec<Duplicate> {
    scan(text, false)
}

/// Scans `text`; a text that is not JSON has no duplicates to report here (the parser
/// proper reports its syntax).
fn scan(text: &str, records: bool) -> Vec<Duplicate> {
    let found = RefCell::new(Vec::new());
    let array = Cell::new(false);
    let seed = Scan {
        record: None,
        place: Place::Top,
        records,
        found: &found,
        array: &array,
    };
    let mut de = serde_json::Deserializer::from_str(text);
    if seed.deserialize(&mut de).is_err() {
        return Vec::new();
    }
    found.into_inner()
}

/// Where a value sits in its record, as the way down from the record: written out only
/// for a key given twice (building each value's path as text was a tenth of an import).
#[derive(Clone, Copy)]
enum Place<'p> {
    Top,
    Key(&'p Place<'p>, &'p str),
    Item(&'p Place<'p>, usize),
}

impl Place<'_> {
    /// The path: `contact.email`, `languages[1].code`.
    fn write(&self, out: &mut String) {
        match self {
            Place::Top => {}
            Place::Key(up, key) => {
                up.write(out);
                if !matches!(up, Place::Top) {
                    out.push('.');
                }
                out.push_str(key);
            }
            Place::Item(up, i) => {
                up.write(out);
                out.push('[');
                out.push_str(&i.to_string());
                out.push(']');
            }
        }
    }
}

/// One value being scanned, and where it sits.
struct Scan<'f, 'p> {
    record: Option<usize>,
    place: Place<'p>,
    /// Whether this value is the top-level array whose items are records.
    records: bool,
    found: &'f RefCell<Vec<Duplicate>>,
    /// Set when the top-level value is an array.
    array: &'f Cell<bool>,
}

impl<'f> Scan<'f, '_> {
    fn child<'c>(&self, record: Option<usize>, place: Place<'c>) -> Scan<'f, 'c> {
        Scan {
            record,
            place,
            records: false,
            found: self.found,
            array: self.array,
        }
    }
}

impl<'de> DeserializeSeed<'de> for Scan<'_, '_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

/// A key as read: borrowed from the text when it can be (no escapes, whole text).
struct Key;

impl<'de> DeserializeSeed<'de> for Key {
    type Value = Cow<'de, str>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for Key {
    type Value = Cow<'de, str>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a key")
    }

    fn visit_borrowed_str<E>(self, key: &'de str) -> Result<Self::Value, E> {
        Ok(Cow::Borrowed(key))
    }

    fn visit_str<E>(self, key: &str) -> Result<Self::Value, E> {
        Ok(Cow::Owned(key.to_owned()))
    }
}

/// Objects with more keys than this look their keys up in a hash set, not a list.
const LISTED_KEYS: usize = 32;

impl<'de> Visitor<'de> for Scan<'_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }

    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }

    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }

    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }

    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        Ok(())
    }

    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        if self.records {
            self.array.set(true);
        }
        let mut i = 0;
        loop {
            let child = if self.records {
                self.child(Some(i), Place::Top)
            } else {
                self.child(self.record, Place::Item(&self.place, i))
            };
            if seq.next_element_seed(child)?.is_none() {
                return Ok(());
            }
            i += 1;
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut listed: Vec<Cow<'de, str>> = Vec::new();
        let mut hashed: HashSet<Cow<'de, str>> = HashSet::new();
        while let Some(key) = map.next_key_seed(Key)? {
            let seen = if listed.len() < LISTED_KEYS {
                listed.contains(&key)
            } else {
                if hashed.is_empty() {
                    hashed.extend(listed.iter().cloned());
                }
                hashed.contains(&key)
            };
            if seen {
                let mut path = String::new();
                Place::Key(&self.place, &key).write(&mut path);
                self.found.borrow_mut().push((self.record, path));
                map.next_value::<IgnoredAny>()?;
                continue;
            }
            map.next_value_seed(self.child(self.record, Place::Key(&self.place, &key)))?;
            if hashed.is_empty() {
                listed.push(key);
            } else {
                hashed.insert(key);
            }
        }
        Ok(())
    }
}

/// What a JSON file meant to hold an array of records holds, read through once.
pub(crate) enum ArrayScan {
    /// An array; the keys given twice in its records.
    Array(Vec<Duplicate>),
    /// Valid JSON, but not an array.
    NotArray,
    /// Not JSON: the parser's error, as reading the whole text gives it.
    Invalid(serde_json::Error),
}

/// Reads a JSON text through, a chunk at a time: whether it is an array of records and
/// which keys its records give twice. `Err` only when the text cannot be read.
pub(crate) fn scan_array(text: impl Read) -> std::io::Result<ArrayScan> {
    let found = RefCell::new(Vec::new());
    let array = Cell::new(false);
    let seed = Scan {
        record: None,
        place: Place::Top,
        records: true,
        found: &found,
        array: &array,
    };
    let mut de = serde_json::Deserializer::from_reader(text);
    match seed.deserialize(&mut de).and_then(|()| de.end()) {
        Ok(()) if array.get() => Ok(ArrayScan::Array(found.into_inner())),
        Ok(()) => Ok(ArrayScan::NotArray),
        Err(e) if e.is_io() => Err(e.into()),
        Err(e) => Ok(ArrayScan::Invalid(e)),
    }
}

/// Why [`each_in_array`] stopped.
pub(crate) enum EachError<E> {
    /// The text is not an array of JSON values.
    Json(serde_json::Error),
    /// The callback failed.
    Sink(E),
}

/// Gives each item of a JSON array to `each` (its index and value) as it is read, a
/// chunk at a time: the array is never held whole.
pub(crate) fn each_in_array<E>(
    text: impl Read,
    each: &mut dyn FnMut(usize, serde_json::Value) -> Result<(), E>,
) -> Result<(), EachError<E>> {
    struct Items<'a, E> {
        each: &'a mut dyn FnMut(usize, serde_json::Value) -> Result<(), E>,
        failed: &'a mut Option<E>,
    }
    impl<'de, E> Visitor<'de> for Items<'_, E> {
        type Value = ();

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a JSON array of records")
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
            let mut i = 0;
            while let Some(value) = seq.next_element::<serde_json::Value>()? {
                if let Err(e) = (self.each)(i, value) {
                    *self.failed = Some(e);
                    return Err(serde::de::Error::custom("stopped by the reader"));
                }
                i += 1;
            }
            Ok(())
        }
    }
    let mut failed = None;
    let mut de = serde_json::Deserializer::from_reader(text);
    let read = de
        .deserialize_seq(Items {
            each,
            failed: &mut failed,
        })
        .and_then(|()| de.end());
    match (read, failed) {
        (_, Some(e)) => Err(EachError::Sink(e)),
        (Ok(()), None) => Ok(()),
        (Err(e), None) => Err(EachError::Json(e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_given_twice_are_found_with_their_record_and_path() {
        let text = r#"[{"id": "a", "name": "A"},
            {"id": "b", "name": "B", "contact": {"email": "x", "email": "y"}, "name": "C"},
            {"languages": [{"code": "fr", "code": "en"}]}]"#;
        assert_eq!(
            in_array(text),
            [
                (Some(1), "contact.email".to_owned()),
                (Some(1), "name".to_owned()),
                (Some(2), "languages[0].code".to_owned()),
            ]
        );
        assert_eq!(
            in_record(r#"{"id": "a", "id": "b"}"#),
            [(None, "id".to_owned())]
        );
        assert!(in_array(r#"[{"id": "a"}]"#).is_empty());
        assert!(in_array("not json").is_empty());
    }

    #[test]
    fn keys_given_twice_are_found_in_large_objects_nested_arrays_and_escaped_keys() {
        // 40 keys, then the 3rd and the 38th again: found past the listed keys too.
        let mut keys: Vec<String> = (0..40).map(|i| format!("\"k{i}\": {i}")).collect();
        keys.push("\"k2\": 0".to_owned());
        keys.push("\"k37\": 0".to_owned());
        let text = format!("{{{}}}", keys.join(", "));
        assert_eq!(
            in_record(&text),
            [(None, "k2".to_owned()), (None, "k37".to_owned())]
        );
        // An escaped key is the same key as the plain one.
        assert_eq!(
            in_record(r#"{"a": [[1, {"b": 1, "\u0062": 2}]], "\u0061": 0}"#),
            [(None, "a[0][1].b".to_owned()), (None, "a".to_owned())]
        );
        // Read through a stream, keys are not borrowed: the same answer.
        let text = r#"[{"x": [{"y": {"z": 1, "z": 2}}], "w": 0, "w": 1}]"#;
        match scan_array(text.as_bytes()).unwrap() {
            ArrayScan::Array(found) => assert_eq!(
                found,
                [(Some(0), "x[0].y.z".to_owned()), (Some(0), "w".to_owned())]
            ),
            _ => panic!("an array"),
        }
    }

    /// Read through a stream, the same text gives the same keys, and what is not an
    /// array or not JSON is told apart.
    #[test]
    fn a_streamed_scan_finds_what_the_whole_text_gives() {
        let text = r#"[{"id": "a", "id": "b"}, {"x": {"y": 1, "y": 2}}]"#;
        match scan_array(text.as_bytes()).unwrap() {
            ArrayScan::Array(found) => assert_eq!(found, in_array(text)),
            _ => panic!("an array"),
        }
        assert!(matches!(
            scan_array(&b"{}"[..]).unwrap(),
            ArrayScan::NotArray
        ));
        for bad in ["[{\"id\": }]", "[1] x", "{ oops"] {
            let whole = serde_json::from_str::<serde_json::Value>(bad).unwrap_err();
            match scan_array(bad.as_bytes()).unwrap() {
                ArrayScan::Invalid(e) => assert_eq!(e.to_string(), whole.to_string()),
                _ => panic!("{bad} is not JSON"),
            }
        }
        let mut seen = Vec::new();
        let mut each = |i: usize, v: serde_json::Value| -> Result<(), ()> {
            seen.push((i, v));
            Ok(())
        };
        assert!(each_in_array(&br#"[1, {"a": 2}]"#[..], &mut each).is_ok());
        assert_eq!(seen.len(), 2);
    }
}
