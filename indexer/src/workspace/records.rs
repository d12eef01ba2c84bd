//! Records: importing them (validated all together, written in one transaction or not
//! at all), reading them back, counting them, and removing or erasing one.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use explor_engine::schema::{
    DatasetIssue, FieldIssue, IssueClass, RecordRefs, References, check_record, check_references,
};
use explor_engine::{Expert, Need, Offer, Record, RecordKind, Reference};
use serde::Serialize;

use super::{Workspace, erased_list, lock};
use crate::error::{Error, Result, UserError};
use crate::issue::{ImportIssue, Location};
use crate::source::{LoadOptions, Loaded, Sink, SourceRecord, read_into};
use crate::store::{ErasureKey, Tombstone, Upsert};

/// Records written at a time by a streaming import ([`Workspace::import_path`]): the
/// memory it holds besides what the checks across records keep.
const BATCH: usize = 1000;

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
    /// The problems of references across `records` and the store (ids given twice,
    /// unknown associations or experts), a reference to a person erased at their
    /// request said as such.
    pub(super) fn reference_problems<R: References>(
        &self,
        records: &[R],
        locate: &dyn Fn(usize) -> String,
    ) -> Result<Vec<DatasetIssue>> {
        let known = self.store.known_ids()?;
        let mut problems = check_references(records, &known, locate);
        self.name_erased(&mut problems)?;
        Ok(problems)
    }

    /// A reference to an erased person says so (with the date) rather than "unknown".
    fn name_erased(&self, problems: &mut [DatasetIssue]) -> Result<()> {
        for problem in problems {
            if let Some(id) = &problem.missing
                && let Some(on) = self.store.erased_on(id)?
            {
                problem.issue.message = explor_engine::fr::records::erased_id(id, &on);
            }
        }
        Ok(())
    }

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
        let key = self.store.erasure_key().clone();
        let mut skipped_erased = Vec::new();
        let mut records = Vec::with_capacity(sources.len());
        let mut origin = Vec::with_capacity(sources.len());
        let erased = Erased { tombstones, key };
        for source in &sources {
            match erased.screen(source, reference, options) {
                Screened::Record(record) => {
                    records.push(record);
                    origin.push(source);
                }
                Screened::LeftOut(issue) => skipped_erased.push(issue),
                Screened::Refused(problems) => issues.extend(problems),
            }
        }
        let locate = |i: usize| match &origin[i].sheet {
            Some(sheet) => format!(
                "{} sheet \"{sheet}\" {}",
                origin[i].file.display(),
                origin[i].location
            ),
            None => format!("{} {}", origin[i].file.display(), origin[i].location),
        };
        for problem in self.reference_problems(&records, &locate)? {
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

    /// Reads and imports a file or dataset folder as [`load_with`](crate::load_with)
    /// and [`import_with`](Self::import_with) would, with the same outcome, problems and
    /// store, but in memory bounded by a batch of records rather than by the input.
    ///
    /// The input is read once, a record at a time. Each record is checked; while no
    /// problem has been met, the valid ones are written 1000 at a time (`BATCH`) in one
    /// transaction that readers do not see, feeding the search index, which is not
    /// committed either. Of each record only what the checks across records need is
    /// kept (ids, the ids they name, where they sit). At the end, only if there is no
    /// problem at all are the transaction and the index committed; otherwise both are
    /// rolled back: as before, everything is written or nothing.
    ///
    /// Returns the outcome, and the warnings of reading (columns left out), which the
    /// caller shows either way.
    pub fn import_path(
        &mut self,
        path: &Path,
        load: &LoadOptions,
        reference: &Reference<'_>,
        options: ImportOptions,
    ) -> (Result<ImportSummary>, Vec<ImportIssue>) {
        let mut warnings = Vec::new();
        let outcome = self.import_streamed(path, load, reference, options, &mut warnings);
        (outcome, warnings)
    }

    fn import_streamed(
        &mut self,
        path: &Path,
        load: &LoadOptions,
        reference: &Reference<'_>,
        options: ImportOptions,
        warnings: &mut Vec<ImportIssue>,
    ) -> Result<ImportSummary> {
        let _lock = lock(&self.root)?;
        let erased = Erased {
            tombstones: self.store.tombstones()?,
            key: self.store.erasure_key().clone(),
        };
        // The ids there before the import (nobody else writes while the lock is held).
        let known = self.store.known_ids()?;
        let mut summary = ImportSummary::default();
        for kind in RecordKind::ALL {
            summary.by_kind.insert(kind, ImportCounts::default());
        }
        let mut stream = Stream {
            erased: &erased,
            reference,
            options,
            check: Check {
                issues: Vec::new(),
                warnings: Vec::new(),
                skipped_erased: Vec::new(),
                refs: Vec::new(),
                origins: Vec::new(),
                last_file: None,
            },
            store: self.store.begin_upserts()?,
            index: self.index.begin_update()?,
            batch: Vec::with_capacity(BATCH),
            summary: &mut summary,
        };
        read_into(path, load, &mut stream)?;
        if stream.check.issues.is_empty() {
            stream.flush()?;
        }
        let (check, store, index) = stream.into_parts();
        let Check {
            mut issues,
            warnings: read_warnings,
            skipped_erased,
            refs,
            origins,
            ..
        } = check;
        *warnings = read_warnings;
        let locate = |i: usize| origins[i].to_string();
        let mut problems = check_references(&refs, &known, &locate);
        if issues.is_empty() && problems.is_empty() {
            let generation = store.commit()?;
            // If this fails the store is ahead of the index; the next open sees it and
            // rebuilds.
            index.commit(generation)?;
            summary.skipped_erased = skipped_erased;
            return Ok(summary);
        }
        // Nothing written: the transaction and the index's additions are rolled back.
        drop((store, index));
        self.name_erased(&mut problems)?;
        for problem in problems {
            issues.push(origins[problem.index].issue(refs[problem.index].id(), problem.issue));
        }
        issues
            .sort_by(|a, b| (&a.file, &a.sheet, a.location).cmp(&(&b.file, &b.sheet, b.location)));
        Err(UserError::Invalid(issues).into())
    }

    /// The records with these ids, in the order given (unknown ids are skipped).
    pub fn records_by_ids<'i>(
        &self,
        ids: impl IntoIterator<Item = &'i str>,
    ) -> Result<Vec<Record>> {
        self.store.records_by_ids(ids)
    }

    /// The company `org`'s offers and the experts it employs, each sorted by id: read
    /// by the ids the index gives for the company, each record checked to be the
    /// company's own.
    pub fn company_records(&self, org: &str) -> Result<(Vec<Offer>, Vec<Expert>)> {
        let ids = self.index().ids_of_company(org)?;
        let (mut offers, mut experts) = (Vec::new(), Vec::new());
        for record in self.records_by_ids(ids.iter().map(String::as_str))? {
            match record {
                Record::Offer(o) if o.company.id == org => offers.push(*o),
                Record::Expert(e) if e.employer.as_ref().is_some_and(|x| x.id == org) => {
                    experts.push(*e);
                }
                _ => {}
            }
        }
        Ok((offers, experts))
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
                self.notices
                    .push(explor_engine::fr::workspace::erased_again(id, &on));
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
            self.notices
                .push(explor_engine::fr::workspace::reader_kept_database_open(
                    self.root.join(super::WAL_FILE).display(),
                    id,
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

/// The erasures an import meets: tombstones and the key that tags ids.
struct Erased {
    tombstones: BTreeMap<String, Tombstone>,
    key: ErasureKey,
}

/// What an import makes of one record read.
enum Screened {
    /// A valid record, to import.
    Record(Record),
    /// An erased person's record, left out (`--skip-erased`): the warning.
    LeftOut(ImportIssue),
    /// The record's problems.
    Refused(Vec<ImportIssue>),
}

impl Erased {
    /// Checks one record: erased, invalid, or to import.
    fn screen(
        &self,
        source: &SourceRecord,
        reference: &Reference<'_>,
        options: ImportOptions,
    ) -> Screened {
        if !self.tombstones.is_empty()
            && let Some(id) = source.id()
            && let Some(t) = self.tombstones.get(&self.key.tag(id))
        {
            let said = explor_engine::fr::records::erased_id(id, &t.erased_on);
            if options.skip_erased {
                let why = explor_engine::fr::workspace::skipped_erased(&said);
                return Screened::LeftOut(source.issue(FieldIssue::new(
                    "id",
                    IssueClass::Erased,
                    why,
                )));
            }
            let why = explor_engine::fr::workspace::not_reimported(&said);
            return Screened::Refused(vec![source.issue(FieldIssue::new(
                "id",
                IssueClass::Erased,
                why,
            ))]);
        }
        match check_record(source.kind, &source.value, reference) {
            Ok(record) => Screened::Record(record),
            Err(problems) => Screened::Refused(source.issues(problems).collect()),
        }
    }
}

/// Where a record sat, kept by a streaming import for the messages of
/// the checks across records (its file shared by all the records of the file).
struct Origin {
    file: Arc<PathBuf>,
    sheet: Option<Arc<str>>,
    location: Location,
}

impl Origin {
    /// A problem of this record, whose id is `id`.
    fn issue(&self, id: &str, issue: FieldIssue) -> ImportIssue {
        ImportIssue {
            file: self.file.as_ref().clone(),
            sheet: self.sheet.as_deref().map(str::to_owned),
            location: self.location,
            id: Some(id.to_owned()),
            field: issue.field,
            class: issue.class,
            message: issue.message,
        }
    }
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.sheet {
            Some(sheet) => write!(
                f,
                "{} sheet \"{sheet}\" {}",
                self.file.display(),
                self.location
            ),
            None => write!(f, "{} {}", self.file.display(), self.location),
        }
    }
}

/// What a streaming import keeps of the records it reads: their problems, and of the
/// valid ones only what the checks across records need.
struct Check {
    issues: Vec<ImportIssue>,
    warnings: Vec<ImportIssue>,
    skipped_erased: Vec<ImportIssue>,
    refs: Vec<RecordRefs>,
    origins: Vec<Origin>,
    /// The file of the last record and its sheet, shared with the next ones.
    last_file: Option<(Arc<PathBuf>, Option<Arc<str>>)>,
}

impl Check {
    /// Keeps what the checks across records need of a valid record.
    fn keep(&mut self, source: &SourceRecord, record: &Record) {
        let same = self.last_file.as_ref().is_some_and(|(file, sheet)| {
            **file == source.file && sheet.as_deref() == source.sheet.as_deref()
        });
        if !same {
            self.last_file = Some((
                Arc::new(source.file.clone()),
                source.sheet.as_deref().map(Arc::from),
            ));
        }
        let (file, sheet) = self.last_file.clone().unwrap_or_default();
        self.refs.push(RecordRefs::from(record));
        self.origins.push(Origin {
            file,
            sheet,
            location: source.location,
        });
    }
}

/// A streaming import: checks each record as it is read and, while no problem has been
/// met, writes the valid ones a batch at a time in the open transaction, feeding the
/// search index.
struct Stream<'a, 's> {
    erased: &'a Erased,
    reference: &'a Reference<'a>,
    options: ImportOptions,
    check: Check,
    store: crate::store::Upserting<'s>,
    index: crate::index::IndexUpdate<'s>,
    batch: Vec<Record>,
    summary: &'a mut ImportSummary,
}

impl<'s> Stream<'_, 's> {
    /// What is left once the input is read: the checks' findings, the transaction and
    /// the index update.
    fn into_parts(
        self,
    ) -> (
        Check,
        crate::store::Upserting<'s>,
        crate::index::IndexUpdate<'s>,
    ) {
        (self.check, self.store, self.index)
    }

    fn flush(&mut self) -> Result<()> {
        let outcome = self.store.upsert(&self.batch)?;
        // A new id has no document (the index is at the store's generation); only the
        // documents of records replaced are deleted, all in one operation before the
        // batch's documents are added. (An id given twice is one of the problems the
        // checks across records find: then nothing is committed.)
        self.index.delete(
            self.batch
                .iter()
                .zip(&outcome)
                .filter(|(_, c)| **c == Upsert::Updated)
                .map(|(r, _)| r.id()),
        )?;
        let mut changed = Vec::with_capacity(self.batch.len());
        for (record, change) in self.batch.iter().zip(outcome) {
            let counts = self.summary.by_kind.entry(record.kind()).or_default();
            match change {
                Upsert::Added => counts.added += 1,
                Upsert::Updated => counts.updated += 1,
                Upsert::Unchanged => counts.unchanged += 1,
            }
            if change != Upsert::Unchanged {
                changed.push(record);
            }
        }
        self.index.add_all(&changed)?;
        self.batch.clear();
        Ok(())
    }
}

impl Sink for Stream<'_, '_> {
    fn record(&mut self, source: SourceRecord) -> Result<()> {
        match self.erased.screen(&source, self.reference, self.options) {
            Screened::Record(record) => {
                self.check.keep(&source, &record);
                // Once a problem is met nothing will be committed: only checks go on.
                if self.check.issues.is_empty() {
                    self.batch.push(record);
                    if self.batch.len() >= BATCH {
                        self.flush()?;
                    }
                }
            }
            Screened::LeftOut(issue) => self.check.skipped_erased.push(issue),
            Screened::Refused(problems) => {
                self.check.issues.extend(problems);
                self.batch.clear();
            }
        }
        Ok(())
    }

    fn issue(&mut self, issue: ImportIssue) {
        self.check.issues.push(issue);
        self.batch.clear();
    }

    fn warning(&mut self, warning: ImportIssue) {
        self.check.warnings.push(warning);
    }
}
