//! Records: importing them (validated all together, written in one transaction or not
//! at all), reading them back, counting them, and removing or erasing one.

use std::collections::BTreeMap;

use explor_engine::schema::{FieldIssue, IssueClass, check_record, check_references};
use explor_engine::{Need, Record, RecordKind, Reference};
use serde::Serialize;

use super::{Workspace, erased_list, lock};
use crate::error::{Error, Result, UserError};
use crate::issue::ImportIssue;
use crate::source::Loaded;
use crate::store::Upsert;

/// Per-kind outcome of an import.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct ImportCounts {
    /// New ids.
    pub added: usize,
    /// Existing ids whose record changed.
    pub updated: usize,
    /// Existing ids imported again as they were.
    pub unchanged: usize,
}

/// What an import did, by kind.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ImportSummary {
    /// Counts per record kind.
    pub by_kind: BTreeMap<RecordKind, ImportCounts>,
    /// Records left out because their id was erased at the person's request (only
    /// with [`ImportOptions::skip_erased`]; without it they are problems), each located
    /// to its file, record and field.
    pub skipped_erased: Vec<ImportIssue>,
}

/// How an import treats what it meets.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImportOptions {
    /// Leave out, with a warning in the summary, the records whose id was erased,
    /// instead of refusing the whole import.
    pub skip_erased: bool,
}

impl ImportOptions {
    /// Leave out the records of erased people instead of refusing the import.
    pub fn skip_erased(mut self, yes: bool) -> Self {
        self.skip_erased = yes;
        self
    }
}

impl ImportSummary {
    /// Totals over all kinds.
    pub fn total(&self) -> ImportCounts {
        self.by_kind
            .values()
            .fold(ImportCounts::default(), |a, c| ImportCounts {
                added: a.added + c.added,
                updated: a.updated + c.updated,
                unchanged: a.unchanged + c.unchanged,
            })
    }
}

impl Workspace {
    /// Validates everything that was loaded and, only if there is no problem at all,
    /// writes it in one transaction (upsert by id).
    ///
    /// On any problem nothing is written and every problem is returned in
    /// [`UserError::Invalid`], in file and record order. A record whose id was erased
    /// at the person's request is one ([`IssueClass::Erased`]); see
    /// [`import_with`](Self::import_with) to leave such records out instead.
    pub fn import(&mut self, loaded: Loaded, reference: &Reference<'_>) -> Result<ImportSummary> {
        self.import_with(loaded, reference, ImportOptions::default())
    }

    /// [`import`](Self::import), with options.
    ///
    /// The workspace's lock is taken before anything of the store is read, so an
    /// erasure is either finished before this import reads the tombstones, or waits
    /// (fails as locked) until it has written: it cannot be undone by it.
    pub fn import_with(
        &mut self,
        loaded: Loaded,
        reference: &Reference<'_>,
        options: ImportOptions,
    ) -> Result<ImportSummary> {
        let _lock = lock(&self.root)?;
        let Loaded {
            records: sources,
            mut issues,
            // The caller's to show: nothing in them stops an import.
            warnings: _,
        } = loaded;
        let tombstones = self.store.tombstones()?;
        let key = self.store.erasure_key();
        let mut skipped_erased = Vec::new();
        let mut records = Vec::with_capacity(sources.len());
        let mut origin = Vec::with_capacity(sources.len());
        for source in &sources {
            if !tombstones.is_empty()
                && let Some(id) = source.id()
                && let Some(t) = tombstones.get(&key.tag(id))
            {
                let said = format!(
                    "\"{id}\" was erased on {} at the person's request (GDPR)",
                    t.erased_on
                );
                if options.skip_erased {
                    let why = format!("{said}: left out (--skip-erased)");
                    skipped_erased.push(source.issue(FieldIssue::new(
                        "id",
                        IssueClass::Erased,
                        why,
                    )));
                } else {
                    let why = format!(
                        "{said} and is not imported again: remove the record from the file, or import with --skip-erased to leave it out"
                    );
                    issues.push(source.issue(FieldIssue::new("id", IssueClass::Erased, why)));
                }
                continue;
            }
            match check_record(source.kind, &source.value, reference) {
                Ok(record) => {
                    records.push(record);
                    origin.push(source);
                }
                Err(problems) => issues.extend(source.issues(problems)),
            }
        }
        let known = self.store.known_ids()?;
        let locate = |i: usize| match &origin[i].sheet {
            Some(sheet) => format!(
                "{} sheet \"{sheet}\" {}",
                origin[i].file.display(),
                origin[i].location
            ),
            None => format!("{} {}", origin[i].file.display(), origin[i].location),
        };
        for mut problem in check_references(&records, &known, &locate) {
            // Say plainly when a reference is unknown because the person asked to be erased.
            if let Some(id) = &problem.missing
                && let Some(on) = self.store.erased_on(id)?
            {
                problem.issue.message =
                    format!("\"{id}\" was erased on {on} at the person's request (GDPR)");
            }
            issues.push(origin[problem.index].issue(problem.issue));
        }
        if !issues.is_empty() {
            issues.sort_by(|a, b| {
                (&a.file, &a.sheet, a.location).cmp(&(&b.file, &b.sheet, b.location))
            });
            return Err(UserError::Invalid(issues).into());
        }
        let (outcome, generation) = self.store.upsert_all(&records)?;
        let changed = records
            .iter()
            .zip(&outcome)
            .filter(|(_, c)| **c != Upsert::Unchanged)
            .map(|(r, _)| r);
        // If this fails the store is ahead of the index; the next open sees it and rebuilds.
        self.index.apply(changed, &[], generation)?;
        let mut summary = ImportSummary {
            skipped_erased,
            ..ImportSummary::default()
        };
        for kind in RecordKind::ALL {
            summary.by_kind.insert(kind, ImportCounts::default());
        }
        for (record, change) in records.iter().zip(outcome) {
            let counts = summary.by_kind.entry(record.kind()).or_default();
            match change {
                Upsert::Added => counts.added += 1,
                Upsert::Updated => counts.updated += 1,
                Upsert::Unchanged => counts.unchanged += 1,
            }
        }
        Ok(summary)
    }

    /// The records with these ids, in the order given (unknown ids are skipped).
    pub fn records_by_ids<'i>(
        &self,
        ids: impl IntoIterator<Item = &'i str>,
    ) -> Result<Vec<Record>> {
        self.store.records_by_ids(ids)
    }

    /// Every record of a kind, sorted by id.
    pub fn records(&self, kind: RecordKind) -> Result<Vec<Record>> {
        self.store.records(kind)
    }

    /// The record with this id.
    pub fn record(&self, id: &str) -> Result<Record> {
        match self.store.record(id)? {
            Some(record) => Ok(record),
            None => Err(self.not_found(id)),
        }
    }

    /// How many records of each kind.
    pub fn counts(&self) -> Result<BTreeMap<RecordKind, usize>> {
        self.store.counts()
    }

    /// Every need, sorted by id.
    pub fn needs(&self) -> Result<Vec<Need>> {
        Ok(self
            .records(RecordKind::Need)?
            .into_iter()
            .filter_map(|r| match r {
                Record::Need(n) => Some(*n),
                _ => None,
            })
            .collect())
    }

    /// Deletes a record from the store and the index. For an expert this is the erasure
    /// a person can ask for (GDPR), and it leaves no byte of them in the workspace:
    ///
    /// - the store keeps only a tombstone (a keyed hash of the id and the date), so
    ///   that records and missions referring to the id can say so and an import that
    ///   brings the record back is refused; mission notes quoting the person are
    ///   rewritten;
    /// - the index segments that held the document are rewritten and the old files
    ///   removed;
    /// - the database is vacuumed and its write-ahead log emptied;
    /// - the tombstone is added to the workspace's erasure list (`erased.list`), which
    ///   a restore applies to an older backup.
    ///
    /// When another process kept the database open for reading so that its log could
    /// not be emptied, a notice says so ([`take_notices`](Self::take_notices)).
    ///
    /// An association that needs still name, and a need or offer that missions name,
    /// cannot be removed.
    pub fn remove(&mut self, id: &str, today: chrono::NaiveDate) -> Result<RecordKind> {
        let _lock = lock(&self.root)?;
        let by = match self.store.record(id)? {
            Some(Record::Association(_)) => self.store.needs_of_association(id)?,
            Some(Record::Need(_) | Record::Offer(_)) => self.missions_naming(id)?,
            _ => Vec::new(),
        };
        if !by.is_empty() {
            return Err(UserError::StillReferenced {
                id: id.to_owned(),
                by,
            }
            .into());
        }
        let Some((kind, generation)) = self.store.delete(id, &today.to_string())? else {
            // Erasing again is how an erasure whose log could not be emptied finishes.
            if let Some(on) = self.store.erased_on(id)? {
                self.notices.push(format!(
                    "{id} was already erased on {on}; its traces were cleared again"
                ));
                self.clear_erased_traces(id)?;
                return Ok(RecordKind::Expert);
            }
            return Err(self.not_found(id));
        };
        self.index.apply([], &[id], generation)?;
        if kind == RecordKind::Expert {
            self.clear_erased_traces(id)?;
        }
        Ok(kind)
    }

    /// After an erasure: rewrites the index segments and the database so that the
    /// deleted bytes are in no file, and brings the erasure list up to the store.
    fn clear_erased_traces(&mut self, id: &str) -> Result<()> {
        self.index.purge_deleted()?;
        erased_list::sync(&self.root, &self.store)?;
        if !self.store.scrub()? {
            self.notices.push(format!(
                "another process kept the database open for reading: old pages may remain in {} until it closes; run `explor remove {id}` again then",
                self.root.join(super::WAL_FILE).display()
            ));
        }
        Ok(())
    }

    /// When the expert with this id was erased, if they were.
    pub fn erased_on(&self, id: &str) -> Result<Option<String>> {
        self.store.erased_on(id)
    }

    fn not_found(&self, id: &str) -> Error {
        match self.store.erased_on(id) {
            Ok(Some(on)) => UserError::Erased {
                id: id.to_owned(),
                on,
            }
            .into(),
            Ok(None) => UserError::NotFound(id.to_owned()).into(),
            Err(e) => e,
        }
    }
}
