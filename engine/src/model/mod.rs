//! The records coordinators import: associations, experts, company offers and needs.
//!
//! Each type deserialises exactly the canonical JSON shape of `docs/data-format.md`
//! (unknown fields rejected) and serialises back to it, with defaults filled in.

mod association;
mod expert;
mod need;
mod offer;

pub use association::{Association, Contact, Ineligibility};
pub use expert::{
    Consent, ConsentScheme, ConsentStatus, Employer, EmployerKind, Expert, ExpertStatus, Home,
};
pub use need::{LocalPartner, Need, NeedKind};
pub use offer::{Company, Offer};

use crate::values::{Cefr, LanguageCode};
use serde::{Deserialize, Serialize};
use std::fmt;

/// A key of the theme taxonomy (`dechets`). Checked against the taxonomy at import.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ThemeKey(pub String);

impl ThemeKey {
    /// The key as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ThemeKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A language at a CEFR level: `{"code": "fr", "level": "B2"}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LanguageLevel {
    /// The language.
    pub code: LanguageCode,
    /// The level.
    pub level: Cefr,
}

impl fmt::Display for LanguageLevel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.code, self.level)
    }
}

/// The four kinds of record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RecordKind {
    /// [`Association`].
    Association,
    /// [`Expert`].
    Expert,
    /// [`Offer`].
    Offer,
    /// [`Need`].
    Need,
}

impl RecordKind {
    /// All kinds, in import order (referenced records first).
    pub const ALL: [RecordKind; 4] = [
        RecordKind::Association,
        RecordKind::Expert,
        RecordKind::Offer,
        RecordKind::Need,
    ];

    /// Singular name (`expert`).
    pub fn as_str(self) -> &'static str {
        match self {
            RecordKind::Association => "association",
            RecordKind::Expert => "expert",
            RecordKind::Offer => "offer",
            RecordKind::Need => "need",
        }
    }

    /// The dataset file stem for this kind (`experts`).
    pub fn file_stem(self) -> &'static str {
        match self {
            RecordKind::Association => "associations",
            RecordKind::Expert => "experts",
            RecordKind::Offer => "offers",
            RecordKind::Need => "needs",
        }
    }

    /// The kind whose file stem is `stem`.
    pub fn from_file_stem(stem: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.file_stem() == stem)
    }
}

impl fmt::Display for RecordKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Any record, tagged with its kind.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Record {
    /// An association.
    Association(Association),
    /// An expert.
    Expert(Box<Expert>),
    /// A company offer.
    Offer(Box<Offer>),
    /// A need.
    Need(Box<Need>),
}

impl Record {
    /// The record's id.
    pub fn id(&self) -> &str {
        match self {
            Record::Association(r) => &r.id,
            Record::Expert(r) => &r.id,
            Record::Offer(r) => &r.id,
            Record::Need(r) => &r.id,
        }
    }

    /// The record's kind.
    pub fn kind(&self) -> RecordKind {
        match self {
            Record::Association(_) => RecordKind::Association,
            Record::Expert(_) => RecordKind::Expert,
            Record::Offer(_) => RecordKind::Offer,
            Record::Need(_) => RecordKind::Need,
        }
    }

    /// Reads a record of `kind` from its canonical JSON shape.
    pub fn from_value(kind: RecordKind, value: serde_json::Value) -> serde_json::Result<Self> {
        Ok(match kind {
            RecordKind::Association => Record::Association(serde_json::from_value(value)?),
            RecordKind::Expert => Record::Expert(Box::new(serde_json::from_value(value)?)),
            RecordKind::Offer => Record::Offer(Box::new(serde_json::from_value(value)?)),
            RecordKind::Need => Record::Need(Box::new(serde_json::from_value(value)?)),
        })
    }

    /// [`Record::from_value`] of a value it does not take (nothing copied but the
    /// record's own fields).
    pub fn from_value_ref(kind: RecordKind, value: &serde_json::Value) -> serde_json::Result<Self> {
        use serde::Deserialize;
        Ok(match kind {
            RecordKind::Association => Record::Association(Deserialize::deserialize(value)?),
            RecordKind::Expert => Record::Expert(Box::new(Deserialize::deserialize(value)?)),
            RecordKind::Offer => Record::Offer(Box::new(Deserialize::deserialize(value)?)),
            RecordKind::Need => Record::Need(Box::new(Deserialize::deserialize(value)?)),
        })
    }

    /// Reads a record of `kind` from its JSON text, as [`Record::from_value`] reads its
    /// parsed value (without building that value first).
    pub fn from_json(kind: RecordKind, text: &str) -> serde_json::Result<Self> {
        Ok(match kind {
            RecordKind::Association => Record::Association(serde_json::from_str(text)?),
            RecordKind::Expert => Record::Expert(Box::new(serde_json::from_str(text)?)),
            RecordKind::Offer => Record::Offer(Box::new(serde_json::from_str(text)?)),
            RecordKind::Need => Record::Need(Box::new(serde_json::from_str(text)?)),
        })
    }

    /// The canonical JSON shape, defaults filled in.
    pub fn to_value(&self) -> serde_json::Value {
        // Serialising plain data to a Value cannot fail: no maps with non-string keys.
        serde_json::to_value(self).unwrap_or(serde_json::Value::Null)
    }
}

pub(crate) fn is_false(b: &bool) -> bool {
    !*b
}
