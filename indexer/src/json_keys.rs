//! Keys given twice in one JSON object. `serde_json::Value` keeps the last silently, so
//! a record `{"name": "A", …, "name": "B"}` would import as "B" with no word said; this
//! second, read-only pass over the text finds such keys so that the import reports them.

use std::cell::RefCell;
use std::collections::HashSet;
use std::fmt;

use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

/// A key given twice: the index of the record in a top-level array (`None` for a lone
/// object) and the key's path within the record (`contact.email`, `languages[1].code`).
pub(crate) type Duplicate = (Option<usize>, String);

/// The duplicate keys of a JSON text holding an array of records.
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
    let seed = Scan {
        record: None,
        path: String::new(),
        records,
        found: &found,
    };
    let mut de = serde_json::Deserializer::from_str(text);
    if seed.deserialize(&mut de).is_err() {
        return Vec::new();
    }
    found.into_inner()
}

/// One value being scanned, and where it sits.
struct Scan<'f> {
    record: Option<usize>,
    path: String,
    /// Whether this value is the top-level array whose items are records.
    records: bool,
    found: &'f RefCell<Vec<Duplicate>>,
}

impl Scan<'_> {
    fn child(&self, record: Option<usize>, path: String) -> Self {
        Scan {
            record,
            path,
            records: false,
            found: self.found,
        }
    }
}

impl<'de> DeserializeSeed<'de> for Scan<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Scan<'_> {
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
        let mut i = 0;
        loop {
            let child = if self.records {
                self.child(Some(i), String::new())
            } else {
                self.child(self.record, format!("{}[{i}]", self.path))
            };
            if seq.next_element_seed(child)?.is_none() {
                return Ok(());
            }
            i += 1;
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut seen = HashSet::new();
        while let Some(key) = map.next_key::<String>()? {
            let path = if self.path.is_empty() {
                key.clone()
            } else {
                format!("{}.{key}", self.path)
            };
            if seen.insert(key) {
                map.next_value_seed(self.child(self.record, path))?;
            } else {
                self.found.borrow_mut().push((self.record, path));
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(())
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
}
