//! A workspace: a directory holding the record store (and, later, the search index).

use std::collections::BTreeMap;
use std::fs::File;
use std::path::{Path, PathBuf};

use explor_engine::schema::{check_record, check_references};
use explor_engine::{Record, RecordKind, Reference};
use serde::Serialize;

use crate::error::{Error, Result, UserError};
use crate::index::{Hit, SearchIndex, SearchQuery};
use crate::source::Loaded;
use crate::store::{SCHEMA_VERSION, Store, Upsert};

const STORE_FILE: &str = "explor.sqlite3";
const INDEX_DIR: &str = "index";
const LOCK_FILE: &str = "explor.lock";

/// Whether the store and the search index agree.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CheckReport {
    /// The store's generation.
    pub store_generation: u64,
    /// The generation the index was committed at (`None`: unknown format or never committed).
    pub index_generation: Option<u64>,
    /// Experts and offers in the store.
    pub store_documents: usize,
    /// Documents in the index.
    pub index_documents: usize,
    /// Ids in the store but not in the index.
    pub missing_from_index: Vec<String>,
    /// Ids in the index but not in the store.
    pub extra_in_index: Vec<String>,
}

impl CheckReport {
    /// Whether everything agrees.
    pub fn is_consistent(&self) -> bool {
        self.index_generation == Some(self.store_generation)
            && self.missing_from_index.is_empty()
            && self.extra_in_index.is_empty()
    }
}

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

/// An open workspace.
#[derive(Debug)]
pub struct Workspace {
    root: PathBuf,
    pub(crate) store: Store,
    index: SearchIndex,
    notices: Vec<String>,
}

/// An exclusive hold on a workspace for writing; released when dropped.
pub(crate) struct WriteLock {
    _file: File,
}

impl Workspace {
    /// Creates a workspace at `root` (the directory may exist). Returns the workspace and
    /// whether it was newly created; initialising an existing workspace changes nothing.
    pub fn init(root: &Path) -> Result<(Self, bool)> {
        std::fs::create_dir_all(root).map_err(|e| Error::io(root, e))?;
        let db = root.join(STORE_FILE);
        let created = !db.exists();
        {
            let _lock = lock(root)?;
            Store::create(&db)?;
        }
        Ok((Self::open(root)?, created))
    }

    /// Opens the workspace at `root`.
    pub fn open(root: &Path) -> Result<Self> {
        let db = root.join(STORE_FILE);
        if !db.is_file() {
            return Err(UserError::NoWorkspace(root.to_owned()).into());
        }
        let store = Store::open(&db)?;
        let found = store.schema_version()?;
        if found > SCHEMA_VERSION {
            return Err(UserError::NewerSchema {
                path: root.to_owned(),
                found,
                known: SCHEMA_VERSION,
            }
            .into());
        }
        let index = SearchIndex::open_or_create(&root.join(INDEX_DIR))?;
        let mut ws = Self {
            root: root.to_owned(),
            store,
            index,
            notices: Vec::new(),
        };
        let (store_gen, index_gen) = (ws.store.generation()?, ws.index.generation()?);
        if index_gen != Some(store_gen) {
            let _lock = lock(root)?;
            let n = ws.rebuild_index()?;
            ws.notices.push(match index_gen {
                None => format!("search index missing or in an older format: rebuilt ({n} documents)"),
                Some(g) => format!(
                    "search index was stale (generation {g}, store {store_gen}): rebuilt ({n} documents)"
                ),
            });
        }
        Ok(ws)
    }

    /// Messages worth showing the user about what opening did (an index rebuilt…).
    pub fn take_notices(&mut self) -> Vec<String> {
        std::mem::take(&mut self.notices)
    }

    fn rebuild_index(&self) -> Result<usize> {
        let generation = self.store.generation()?;
        let mut records = self.store.records(RecordKind::Expert)?;
        records.extend(self.store.records(RecordKind::Offer)?);
        self.index.rebuild(&records, generation)
    }

    /// Rebuilds the search index from the store; returns the number of documents.
    pub fn reindex(&mut self) -> Result<usize> {
        let _lock = lock(&self.root)?;
        self.rebuild_index()
    }

    /// Compares the store and the index: generations and ids.
    pub fn check(&self) -> Result<CheckReport> {
        let mut store_ids: Vec<String> = Vec::new();
        for kind in [RecordKind::Expert, RecordKind::Offer] {
            store_ids.extend(self.store.records(kind)?.iter().map(|r| r.id().to_owned()));
        }
        let store_set: std::collections::BTreeSet<String> = store_ids.into_iter().collect();
        let index_set = self.index.ids()?;
        Ok(CheckReport {
            store_generation: self.store.generation()?,
            index_generation: self.index.generation()?,
            store_documents: store_set.len(),
            index_documents: usize::try_from(self.index.len()).unwrap_or(usize::MAX),
            missing_from_index: store_set.difference(&index_set).cloned().collect(),
            extra_in_index: index_set.difference(&store_set).cloned().collect(),
        })
    }

    /// The search index, which is also the workspace's [`CandidateSource`](explor_engine::CandidateSource).
    pub fn index(&self) -> &SearchIndex {
        &self.index
    }

    /// Runs a coordinator's search.
    pub fn search(&self, query: &SearchQuery) -> Result<Vec<Hit>> {
        self.index.search(query)
    }

    /// Deletes a record from the store and the index. For an expert this is the erasure a
    /// person can ask for (GDPR): only the id and the date of erasure are kept, so that
    /// records and missions referring to the id can say so. An association that needs
    /// still name, and a need or offer that missions name, cannot be removed.
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
            return Err(self.not_found(id));
        };
        self.index.apply([], &[id], generation)?;
        Ok(kind)
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

    /// The workspace directory.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The store's generation number.
    pub fn generation(&self) -> Result<u64> {
        self.store.generation()
    }

    /// Validates everything that was loaded and, only if there is no problem at all,
    /// writes it in one transaction (upsert by id).
    ///
    /// On any problem nothing is written and every problem is returned in
    /// [`UserError::Invalid`], in file and record order.
    pub fn import(&mut self, loaded: Loaded, reference: &Reference<'_>) -> Result<ImportSummary> {
        let _lock = lock(&self.root)?;
        let Loaded {
            records: sources,
            mut issues,
        } = loaded;
        let mut records = Vec::with_capacity(sources.len());
        let mut origin = Vec::with_capacity(sources.len());
        for source in &sources {
            match check_record(source.kind, &source.value, reference) {
                Ok(record) => {
                    records.push(record);
                    origin.push(source);
                }
                Err(problems) => issues.extend(problems.into_iter().map(|p| source.issue(p))),
            }
        }
        let known = self.store.known_ids()?;
        let locate = |i: usize| format!("{} {}", origin[i].file.display(), origin[i].location);
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
            issues.sort_by(|a, b| (&a.file, a.location).cmp(&(&b.file, b.location)));
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
        let mut summary = ImportSummary::default();
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
}

/// Takes the workspace's write lock, failing at once if another process holds it.
pub(crate) fn lock(root: &Path) -> Result<WriteLock> {
    let path = root.join(LOCK_FILE);
    let file = File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(|e| Error::io(&path, e))?;
    match file.try_lock() {
        Ok(()) => Ok(WriteLock { _file: file }),
        Err(std::fs::TryLockError::WouldBlock) => Err(UserError::Locked(root.to_owned()).into()),
        Err(std::fs::TryLockError::Error(e)) => Err(Error::io(&path, e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::load;

    fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
        let p = dir.join(name);
        std::fs::write(&p, text).unwrap();
        p
    }

    const ASSOS: &str = r#"[{"id":"asso-a","name":"A","department":"31"},{"id":"asso-b","name":"B","department":"34"}]"#;

    #[test]
    fn reimport_counts_added_updated_unchanged_and_bumps_generation_only_on_change() {
        let dir = tempfile::tempdir().unwrap();
        let (mut ws, _) = Workspace::init(&dir.path().join("ws")).unwrap();
        let r = Reference::embedded();
        let file = write(dir.path(), "associations.json", ASSOS);
        let first = ws.import(load(&file, None).unwrap(), &r).unwrap();
        assert_eq!(
            first.total(),
            ImportCounts {
                added: 2,
                updated: 0,
                unchanged: 0
            }
        );
        assert_eq!(ws.generation().unwrap(), 1);
        let again = ws.import(load(&file, None).unwrap(), &r).unwrap();
        assert_eq!(
            again.total(),
            ImportCounts {
                added: 0,
                updated: 0,
                unchanged: 2
            }
        );
        assert_eq!(
            ws.generation().unwrap(),
            1,
            "an import that changes nothing is not a new generation"
        );
        let changed = write(
            dir.path(),
            "associations.json",
            &ASSOS.replace("\"B\"", "\"B2\""),
        );
        let third = ws.import(load(&changed, None).unwrap(), &r).unwrap();
        assert_eq!(
            third.total(),
            ImportCounts {
                added: 0,
                updated: 1,
                unchanged: 1
            }
        );
        assert_eq!(ws.generation().unwrap(), 2);
    }

    #[test]
    fn one_invalid_record_means_nothing_is_written() {
        let dir = tempfile::tempdir().unwrap();
        let (mut ws, _) = Workspace::init(&dir.path().join("ws")).unwrap();
        let data = dir.path().join("data");
        std::fs::create_dir(&data).unwrap();
        write(&data, "associations.json", ASSOS);
        write(&data, "needs.jsonl", "{\"id\": \"n\"}\n");
        let err = ws
            .import(load(&data, None).unwrap(), &Reference::embedded())
            .unwrap_err();
        let Error::User(UserError::Invalid(issues)) = err else {
            panic!("{err}")
        };
        assert!(issues.iter().all(|i| i.file.ends_with("needs.jsonl")));
        assert!(
            issues.len() > 5,
            "every missing field is reported: {issues:?}"
        );
        assert_eq!(ws.counts().unwrap().values().sum::<usize>(), 0);
        assert_eq!(ws.generation().unwrap(), 0);
    }

    #[test]
    fn open_refuses_a_missing_workspace_and_a_second_writer() {
        let dir = tempfile::tempdir().unwrap();
        assert!(matches!(
            Workspace::open(&dir.path().join("nowhere")),
            Err(Error::User(UserError::NoWorkspace(_)))
        ));
        let root = dir.path().join("ws");
        let (_ws, created) = Workspace::init(&root).unwrap();
        assert!(created);
        let (_again, created) = Workspace::init(&root).unwrap();
        assert!(!created);
        let _held = lock(&root).unwrap();
        assert!(matches!(
            lock(&root),
            Err(Error::User(UserError::Locked(_)))
        ));
    }
}
