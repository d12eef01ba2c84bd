//! Rules across records: unique ids and references to associations and experts.

use std::collections::HashMap;

use super::issue::{FieldIssue, IssueClass};
use crate::model::{Record, RecordKind};

/// Ids already in the workspace, with their kinds.
pub type KnownIds = HashMap<String, RecordKind>;

/// A problem found across records, attached to the record at `index` of the batch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatasetIssue {
    /// Position of the offending record in the batch given to [`check_references`].
    pub index: usize,
    /// What is wrong with which field.
    pub issue: FieldIssue,
    /// For an unknown reference, the id that could not be found.
    pub missing: Option<String>,
}

/// What the rules across records look at in a record: its id, its kind and the ids it
/// names. [`Record`] has it; so does [`RecordRefs`], which a streaming import keeps for
/// millions of records instead of the records themselves.
pub trait References {
    /// The record's id.
    fn id(&self) -> &str;
    /// The record's kind.
    fn kind(&self) -> RecordKind;
    /// The association a need names.
    fn association(&self) -> Option<&str>;
    /// The experts an offer names.
    fn experts(&self) -> &[String];
}

impl References for Record {
    fn id(&self) -> &str {
        Record::id(self)
    }

    fn kind(&self) -> RecordKind {
        Record::kind(self)
    }

    fn association(&self) -> Option<&str> {
        match self {
            Record::Need(need) => Some(&need.association),
            _ => None,
        }
    }

    fn experts(&self) -> &[String] {
        match self {
            Record::Offer(offer) => &offer.experts,
            _ => &[],
        }
    }
}

/// A record reduced to what [`check_references`] looks at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordRefs {
    id: String,
    kind: RecordKind,
    /// The association of a need, or the experts of an offer.
    names: Vec<String>,
}

impl From<&Record> for RecordRefs {
    fn from(record: &Record) -> Self {
        let names = match record {
            Record::Need(need) => vec![need.association.clone()],
            Record::Offer(offer) => offer.experts.clone(),
            _ => Vec::new(),
        };
        Self {
            id: record.id().to_owned(),
            kind: record.kind(),
            names,
        }
    }
}

impl References for RecordRefs {
    fn id(&self) -> &str {
        &self.id
    }

    fn kind(&self) -> RecordKind {
        self.kind
    }

    fn association(&self) -> Option<&str> {
        match self.kind {
            RecordKind::Need => self.names.first().map(String::as_str),
            _ => None,
        }
    }

    fn experts(&self) -> &[String] {
        match self.kind {
            RecordKind::Offer => &self.names,
            _ => &[],
        }
    }
}

/// Checks a batch of records about to be imported against each other and against the
/// ids already stored: an id names one record only (across kinds, so `show ID` is never
/// ambiguous), needs name a known association, offers name known experts.
///
/// `locate` turns a batch index into words (`experts.json record [3]`) for messages.
pub fn check_references<R: References>(
    batch: &[R],
    known: &KnownIds,
    locate: &dyn Fn(usize) -> String,
) -> Vec<DatasetIssue> {
    let mut issues = Vec::new();
    let mut first_seen: HashMap<&str, usize> = HashMap::new();
    for (index, record) in batch.iter().enumerate() {
        let id = record.id();
        if let Some(&first) = first_seen.get(id) {
            issues.push(DatasetIssue {
                index,
                issue: FieldIssue::new(
                    "id",
                    IssueClass::DuplicateId,
                    crate::fr::import::id_twice(id, &locate(first)),
                ),
                missing: None,
            });
            continue;
        }
        first_seen.insert(id, index);
        if let Some(&kind) = known.get(id)
            && kind != record.kind()
        {
            issues.push(DatasetIssue {
                index,
                issue: FieldIssue::new(
                    "id",
                    IssueClass::DuplicateId,
                    crate::fr::import::id_taken(id, kind),
                ),
                missing: None,
            });
        }
    }
    let exists = |id: &str, kind: RecordKind| {
        known.get(id) == Some(&kind) || first_seen.get(id).is_some_and(|&i| batch[i].kind() == kind)
    };
    for (index, record) in batch.iter().enumerate() {
        match (record.kind(), record.association()) {
            (RecordKind::Need, Some(association))
                if !exists(association, RecordKind::Association) =>
            {
                issues.push(DatasetIssue {
                    index,
                    issue: FieldIssue::new(
                        "association",
                        IssueClass::UnknownAssociation,
                        crate::fr::import::unknown_association(association),
                    ),
                    missing: Some(association.to_owned()),
                });
            }
            (RecordKind::Offer, _) => {
                for (i, expert) in record.experts().iter().enumerate() {
                    if !exists(expert, RecordKind::Expert) {
                        issues.push(DatasetIssue {
                            index,
                            issue: FieldIssue::new(
                                format!("experts[{i}]"),
                                IssueClass::UnknownExpert,
                                crate::fr::import::unknown_expert(expert),
                            ),
                            missing: Some(expert.clone()),
                        });
                    }
                }
            }
            _ => {}
        }
    }
    issues.sort_by_key(|d| d.index);
    issues
}
