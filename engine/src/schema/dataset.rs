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

/// Checks a batch of records about to be imported against each other and against the
/// ids already stored: an id names one record only (across kinds, so `show ID` is never
/// ambiguous), needs name a known association, offers name known experts.
///
/// `locate` turns a batch index into words (`experts.json record [3]`) for messages.
pub fn check_references(
    batch: &[Record],
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
                    format!("id \"{id}\" is also used by {}", locate(first)),
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
                        format!("id \"{id}\" already belongs to a stored {kind}; ids are unique across records"),
                    ),
                    missing: None,
                });
        }
    }
    let exists = |id: &str, kind: RecordKind| {
        known.get(id) == Some(&kind) || first_seen.get(id).is_some_and(|&i| batch[i].kind() == kind)
    };
    for (index, record) in batch.iter().enumerate() {
        match record {
            Record::Need(need) if !exists(&need.association, RecordKind::Association) => {
                issues.push(DatasetIssue {
                    index,
                    issue: FieldIssue::new(
                        "association",
                        IssueClass::UnknownAssociation,
                        format!("no association has the id \"{}\"", need.association),
                    ),
                    missing: Some(need.association.clone()),
                });
            }
            Record::Offer(offer) => {
                for (i, expert) in offer.experts.iter().enumerate() {
                    if !exists(expert, RecordKind::Expert) {
                        issues.push(DatasetIssue {
                            index,
                            issue: FieldIssue::new(
                                format!("experts[{i}]"),
                                IssueClass::UnknownExpert,
                                format!("no expert has the id \"{expert}\""),
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
