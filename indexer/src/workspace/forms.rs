//! Records entered through a form (the web app) rather than a file: the same checks
//! as an import — each field's rules, then references to other records and erasures —
//! so that a form and a file are held to one set of rules.

use explor_engine::schema::{FieldIssue, check_record};
use explor_engine::{Record, RecordKind, Reference};
use serde_json::Value;

use super::Workspace;
use crate::error::Result;
use crate::issue::Location;
use crate::source::{Loaded, SourceRecord};

/// Where a form's record is said to come from in import reports.
pub const FORM_ORIGIN: &str = "formulaire";

impl Workspace {
    /// Checks a record entered in a form as an import would, without writing it:
    /// the record, or every problem found (each naming its field).
    pub fn check_form(
        &self,
        kind: RecordKind,
        value: &Value,
        reference: &Reference<'_>,
    ) -> Result<std::result::Result<Record, Vec<FieldIssue>>> {
        let record = match check_record(kind, value, reference) {
            Ok(record) => record,
            Err(problems) => return Ok(Err(problems)),
        };
        let locate = |_: usize| FORM_ORIGIN.to_owned();
        let problems: Vec<FieldIssue> = self
            .reference_problems(std::slice::from_ref(&record), &locate)?
            .into_iter()
            .map(|p| p.issue)
            .collect();
        Ok(if problems.is_empty() {
            Ok(record)
        } else {
            Err(problems)
        })
    }

    /// Writes a record entered in a form through the import itself (all its checks,
    /// the write lock, one transaction).
    pub fn import_form(
        &mut self,
        kind: RecordKind,
        value: Value,
        reference: &Reference<'_>,
    ) -> Result<crate::ImportSummary> {
        let loaded = Loaded {
            records: vec![SourceRecord {
                file: FORM_ORIGIN.into(),
                sheet: None,
                location: Location::Index(0),
                kind,
                value,
                header: None,
            }],
            issues: Vec::new(),
            warnings: Vec::new(),
        };
        self.import(loaded, reference)
    }
}

#[cfg(test)]
mod tests {
    use explor_engine::IssueClass;

    use super::*;
    use crate::test_support::sample_workspace;

    fn need(association: &str, duration: u32) -> Value {
        serde_json::json!({
            "id": "need-form-1",
            "association": association,
            "kind": "standard",
            "title": "Former les agents d'un service d'eau",
            "description": "Former six agents à la maintenance des pompes.",
            "theme": "eau_assainissement",
            "skills": ["maintenance de pompes"],
            "country": "SN",
            "languages": [{"code": "fr", "level": "B2"}],
            "window": {"from": "2027-03-01", "to": "2027-05-31"},
            "duration_days": duration
        })
    }

    #[test]
    fn a_form_is_held_to_the_import_rules_and_written_only_through_the_import() {
        let (_dir, mut ws) = sample_workspace();
        let r = Reference::embedded();
        let problems = ws
            .check_form(RecordKind::Need, &need("asso-eau-vive", 30), &r)
            .unwrap()
            .unwrap_err();
        assert_eq!(problems[0].field, "duration_days", "{problems:?}");
        let problems = ws
            .check_form(RecordKind::Need, &need("asso-inconnue", 10), &r)
            .unwrap()
            .unwrap_err();
        assert_eq!(
            problems[0].class,
            IssueClass::UnknownAssociation,
            "{problems:?}"
        );
        assert!(ws.record("need-form-1").is_err(), "checking writes nothing");

        let ok = need("asso-eau-vive", 10);
        assert!(ws.check_form(RecordKind::Need, &ok, &r).unwrap().is_ok());
        let summary = ws.import_form(RecordKind::Need, ok, &r).unwrap();
        assert_eq!(summary.total().added, 1);
        assert_eq!(ws.record("need-form-1").unwrap().id(), "need-form-1");
    }
}
