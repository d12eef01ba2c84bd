//! The tantivy search index over experts and company offers.
//!
//! The index is derived data: it can always be rebuilt from the store. Each commit
//! carries a payload `explor-index <format> <generation>`: the store's generation at the
//! time of the commit, so that opening a workspace tells a stale or missing index apart
//! and rebuilds it.
//!
//! This module opens, fills and commits the index. Reading it:
//! [`search`] runs a coordinator's search, [`retrieval`]
//! a need's candidates (the engine's `CandidateSource`) and [`best`] the
//! candidates with the highest score bound; they share the [`scan`] over
//! cached term bit sets, the BM25 [`relevance`] and the per-segment
//! [`bound`] over decoded [`profiles`].

pub(crate) mod best;
mod bits;
mod bound;
mod memo;
mod profiles;
mod read_only;
mod relevance;
mod retrieval;
mod scan;
pub mod schema;
pub(crate) mod search;
mod stems;

pub use memo::ManyQueries;

use std::collections::{BTreeSet, HashSet};
use std::path::Path;

use explor_engine::Record;
use explor_engine::reference::Taxonomy;
use tantivy::directory::MmapDirectory;
use tantivy::schema::Term;
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy};

use schema::Fields;

use crate::error::{Error, InternalError, Result, UserError, index_failed};

/// Bumped whenever the schema or the analyzers change, so that an old index is rebuilt.
const FORMAT: u32 = 6;
const PAYLOAD_PREFIX: &str = "explor-index";
/// Indexing memory budget per writer; tantivy splits it between its threads.
const WRITER_BUDGET: usize = 256 * 1024 * 1024;

/// The file explor writes into an index folder it creates, so that it never takes
/// (or, on a format change, empties) a folder of someone else's files.
const MARKER_FILE: &str = "explor-index";

/// Whether `dir` may hold explor's index: it is missing or empty, carries explor's
/// marker file, or is an index written by an explor from before the marker (tantivy's
/// `meta.json` with explor's payload).
pub(crate) fn check_ours(dir: &Path) -> Result<()> {
    if dir.join(MARKER_FILE).is_file() {
        return Ok(());
    }
    let empty = match std::fs::read_dir(dir) {
        Ok(mut entries) => entries.next().is_none(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(Error::io(dir, e)),
    };
    let explor_payload = || {
        std::fs::read_to_string(dir.join("meta.json"))
            .ok()
            .and_then(|text| serde_json::from_str::<serde_json::Value>(&text).ok())
            .and_then(|meta| {
                meta.get("payload")?
                    .as_str()
                    .map(|p| p.starts_with(PAYLOAD_PREFIX))
            })
            .unwrap_or(false)
    };
    if empty || explor_payload() {
        Ok(())
    } else {
        Err(UserError::ForeignIndexFolder(dir.to_owned()).into())
    }
}

/// Makes `dir` explor's index folder: checks it ([`check_ours`]), creates it and
/// writes the marker.
fn claim(dir: &Path) -> Result<()> {
    check_ours(dir)?;
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    let marker = dir.join(MARKER_FILE);
    if !marker.is_file() {
        std::fs::write(
            &marker,
            "explor's search index: derived from explor.sqlite3, rebuilt by `explor reindex`\n",
        )
        .map_err(|e| Error::io(&marker, e))?;
    }
    Ok(())
}

/// The search index of a workspace.
pub struct SearchIndex {
    index: Index,
    /// The index folder.
    dir: std::path::PathBuf,
    /// Whether this process may write there (a read-only workspace may not).
    writable: bool,
    reader: IndexReader,
    fields: Fields,
    taxonomy: &'static Taxonomy,
    /// Each filter term's documents and the id table, for the current searcher.
    cache: scan::Cache,
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex").finish_non_exhaustive()
    }
}

impl SearchIndex {
    /// Opens the index in `dir`, creating it (empty, generation unknown) when it is missing
    /// or was written with another schema.
    ///
    /// The folder must be explor's (see `check_ours`): a folder of other files is refused,
    /// never written into or emptied.
    pub fn open_or_create(dir: &Path) -> Result<Self> {
        let (schema, fields) = schema::build();
        // A folder explor may not write into (a read-only workspace) is read as it is:
        // nothing is created, claimed or emptied there.
        if dir.join(MARKER_FILE).is_file() && !read_only::is_writable(dir) {
            let directory =
                MmapDirectory::open(dir).map_err(index_failed("opening its directory"))?;
            let index = Index::open(read_only::ReadOnlyDirectory::new(directory, dir))
                .map_err(index_failed("opening it read-only"))?;
            return Self::with_index(index, fields, dir, false);
        }
        claim(dir)?;
        let directory = MmapDirectory::open(dir).map_err(index_failed("opening its directory"))?;
        let damaged = |e: tantivy::TantivyError| -> Error {
            UserError::IndexDamaged {
                path: dir.to_owned(),
                detail: e.to_string(),
            }
            .into()
        };
        let index = match Index::open_or_create(directory, schema.clone()) {
            Ok(index) => index,
            // Another schema (an older explor): start again, the store has the data.
            Err(tantivy::TantivyError::SchemaError(_)) => {
                // `claim` made sure the folder is explor's: emptying it loses nothing.
                std::fs::remove_dir_all(dir).map_err(|e| Error::io(dir, e))?;
                claim(dir)?;
                Index::create_in_dir(dir, schema).map_err(index_failed("creating it anew"))?
            }
            Err(e) => return Err(damaged(e)),
        };
        // tantivy panics on some altered segment files instead of returning an error.
        let opened = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            Self::with_index(index, fields, dir, true)
        }));
        match opened {
            Ok(Ok(index)) => Ok(index),
            Ok(Err(Error::Internal(InternalError::Index { source, .. }))) => Err(damaged(source)),
            Ok(Err(e)) => Err(e),
            Err(_) => Err(UserError::IndexDamaged {
                path: dir.to_owned(),
                detail: explor_engine::fr::workspace::UNREADABLE_SEGMENT.to_owned(),
            }
            .into()),
        }
    }

    /// Empties explor's index folder at `dir` (refusing a folder of other files) and
    /// creates a new, empty index there, whatever state the old one was in.
    pub fn recreate(dir: &Path) -> Result<Self> {
        check_ours(dir)?;
        match std::fs::remove_dir_all(dir) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(Error::io(dir, e)),
        }
        Self::open_or_create(dir)
    }

    /// The index's files whose content no longer matches the checksum written at
    /// their end (altered or cut short since), sorted.
    pub fn damaged_files(&self) -> Result<Vec<String>> {
        let verified = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            self.index.validate_checksum()
        }));
        let Ok(verified) = verified else {
            return Ok(vec![
                explor_engine::fr::workspace::UNREADABLE_SEGMENT_NOTE.to_owned(),
            ]);
        };
        let mut files: Vec<String> = match verified {
            Ok(files) => files,
            // A file whose footer itself is altered cannot even be verified.
            Err(e) => return Ok(vec![e.to_string()]),
        }
        .into_iter()
        .map(|p| p.display().to_string())
        .collect();
        files.sort();
        Ok(files)
    }

    fn with_index(index: Index, fields: Fields, dir: &Path, writable: bool) -> Result<Self> {
        schema::register_analyzers(&index);
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map_err(index_failed("opening its reader"))?;
        Ok(Self {
            index,
            dir: dir.to_owned(),
            writable,
            reader,
            fields,
            taxonomy: Taxonomy::embedded(),
            cache: scan::Cache::default(),
        })
    }

    /// The store generation the index was last committed at, if it is in this build's format.
    pub fn generation(&self) -> Result<Option<u64>> {
        let metas = self
            .index
            .load_metas()
            .map_err(index_failed("reading its metadata"))?;
        Ok(metas.payload.as_deref().and_then(parse_payload))
    }

    /// The store generation of what this index's reader searches: the generation on
    /// disk when the reader shows the segments committed there, `None` when the disk
    /// has moved on since the reader was loaded (or the index is not in this format).
    pub fn searched_generation(&self) -> Result<Option<u64>> {
        let searcher = self.reader.searcher();
        let metas = self
            .index
            .load_metas()
            .map_err(index_failed("reading its metadata"))?;
        let on_disk: HashSet<_> = metas
            .segments
            .iter()
            .map(|segment| (segment.id(), segment.delete_opstamp()))
            .collect();
        let searched: HashSet<_> = searcher
            .segment_readers()
            .iter()
            .map(|segment| (segment.segment_id(), segment.delete_opstamp()))
            .collect();
        Ok((on_disk == searched)
            .then(|| metas.payload.as_deref().and_then(parse_payload))
            .flatten())
    }

    fn writer(&self) -> Result<IndexWriter> {
        self.index
            .writer(WRITER_BUDGET)
            .map_err(index_failed("opening a writer"))
    }

    fn commit(&self, mut writer: IndexWriter, generation: u64) -> Result<()> {
        let mut prepared = writer
            .prepare_commit()
            .map_err(index_failed("preparing a commit"))?;
        prepared.set_payload(&format!("{PAYLOAD_PREFIX} {FORMAT} {generation}"));
        prepared.commit().map_err(index_failed("committing"))?;
        writer
            .wait_merging_threads()
            .map_err(index_failed("merging segments"))?;
        self.reader
            .reload()
            .map_err(index_failed("reloading the reader"))?;
        self.remove_stale_profiles();
        Ok(())
    }

    /// Removes the kept profiles of segments no longer in the index (after a commit:
    /// a reader that writes a gone segment's file after this finds it gone and removes
    /// it itself, see [`scan::KeptProfiles`]).
    fn remove_stale_profiles(&self) {
        if let Ok(living) = self.index.searchable_segment_ids() {
            profiles::remove_stale(&self.dir, &living.into_iter().collect());
        }
    }

    /// Where segments' profiles are kept.
    fn kept_profiles(&self) -> scan::KeptProfiles<'_> {
        scan::KeptProfiles {
            dir: &self.dir,
            writable: self.writable,
            index: &self.index,
        }
    }

    /// Replaces the whole index with documents for `records`, committed at `generation`.
    pub fn rebuild<'r>(
        &self,
        records: impl IntoIterator<Item = &'r Record>,
        generation: u64,
    ) -> Result<usize> {
        let mut rebuild = self.begin_rebuild()?;
        let records: Vec<&Record> = records.into_iter().collect();
        for chunk in records.chunks(REBUILD_CHUNK) {
            rebuild.add(chunk)?;
        }
        rebuild.commit(generation)
    }

    /// A rebuild fed a chunk of records at a time, as they are read: reading the next
    /// chunk goes on while tantivy indexes the previous ones. Nothing is seen until
    /// [`Rebuild::commit`].
    pub(crate) fn begin_rebuild(&self) -> Result<Rebuild<'_>> {
        let writer = self.writer()?;
        writer
            .delete_all_documents()
            .map_err(index_failed("emptying it"))?;
        Ok(Rebuild {
            index: self,
            writer,
            added: 0,
        })
    }

    /// Updates the documents of `upserts` and deletes those of `removed`, committed at `generation`.
    pub fn apply<'r>(
        &self,
        upserts: impl IntoIterator<Item = &'r Record>,
        removed: &[&str],
        generation: u64,
    ) -> Result<()> {
        let writer = self.writer()?;
        for id in removed {
            writer.delete_term(Term::from_field_text(self.fields.id, id));
        }
        for record in upserts {
            writer.delete_term(Term::from_field_text(self.fields.id, record.id()));
            if let Some(doc) = schema::document(&self.fields, self.taxonomy, record) {
                writer
                    .add_document(doc)
                    .map_err(index_failed("adding a document"))?;
            }
        }
        self.commit(writer, generation)
    }

    /// Starts an update fed a record at a time (tantivy's writer bounds its memory
    /// by its heap, flushing segments as it fills), made visible by
    /// [`IndexUpdate::commit`].
    pub(crate) fn begin_update(&self) -> Result<IndexUpdate<'_>> {
        Ok(IndexUpdate {
            index: self,
            writer: self.writer()?,
        })
    }

    /// Rewrites every segment that still holds deleted documents and removes the files
    /// of the segments it replaces, so that a deleted document's text (stored fields,
    /// terms, fast-field dictionaries) is in no file of the folder any more. Until then
    /// a deletion only marks the document dead.
    pub fn purge_deleted(&self) -> Result<()> {
        let with_deletes: Vec<_> = self
            .index
            .searchable_segment_metas()
            .map_err(index_failed("listing its segments"))?
            .iter()
            .filter(|meta| meta.has_deletes())
            .map(tantivy::index::SegmentMeta::id)
            .collect();
        let mut writer = self.writer()?;
        if !with_deletes.is_empty() {
            writer
                .merge(&with_deletes)
                .wait()
                .map_err(index_failed("rewriting the segments with deletions"))?;
        }
        writer
            .garbage_collect_files()
            .wait()
            .map_err(index_failed("removing unused files"))?;
        writer
            .wait_merging_threads()
            .map_err(index_failed("merging segments"))?;
        self.reader
            .reload()
            .map_err(index_failed("reloading the reader"))?;
        self.remove_stale_profiles();
        Ok(())
    }

    /// Every id in the index.
    pub fn ids(&self) -> Result<BTreeSet<String>> {
        let searcher = self.reader.searcher();
        let mut out = BTreeSet::new();
        for segment in searcher.segment_readers() {
            let Some(column) = segment
                .fast_fields()
                .str("id")
                .map_err(index_failed("reading the id column"))?
            else {
                continue;
            };
            let alive = segment.alive_bitset();
            let mut text = String::new();
            for doc in 0..segment.max_doc() {
                if alive.is_some_and(|a| !a.is_alive(doc)) {
                    continue;
                }
                for ord in column.term_ords(doc) {
                    if column
                        .ord_to_str(ord, &mut text)
                        .map_err(index_failed("reading an id"))?
                    {
                        out.insert(text.clone());
                    }
                }
            }
        }
        Ok(out)
    }

    /// Number of documents.
    pub fn len(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    /// Whether the index holds no document.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

fn parse_payload(payload: &str) -> Option<u64> {
    let mut parts = payload.split(' ');
    (parts.next()? == PAYLOAD_PREFIX && parts.next()?.parse::<u32>().ok()? == FORMAT)
        .then(|| parts.next()?.parse().ok())
        .flatten()
}

/// Adds the documents of the experts and offers among `records`, made on every core
/// (while tantivy indexes the previous ones); returns how many.
fn add_documents<R: std::borrow::Borrow<Record> + Sync>(
    index: &SearchIndex,
    writer: &IndexWriter,
    records: &[R],
) -> Result<usize> {
    use rayon::prelude::*;
    let docs: Vec<_> = records
        .par_iter()
        .filter_map(|r| schema::document(&index.fields, index.taxonomy, r.borrow()))
        .collect();
    let n = docs.len();
    for doc in docs {
        writer
            .add_document(doc)
            .map_err(index_failed("adding a document"))?;
    }
    Ok(n)
}

/// Records turned into documents together, while tantivy indexes the previous ones.
pub(crate) const REBUILD_CHUNK: usize = 4096;

/// An index being rebuilt from scratch ([`SearchIndex::begin_rebuild`]).
pub(crate) struct Rebuild<'i> {
    index: &'i SearchIndex,
    writer: IndexWriter,
    added: usize,
}

impl Rebuild<'_> {
    /// Adds the documents of `records` (those that are experts or offers).
    pub(crate) fn add<R: std::borrow::Borrow<Record> + Sync>(
        &mut self,
        records: &[R],
    ) -> Result<()> {
        self.added += add_documents(self.index, &self.writer, records)?;
        Ok(())
    }

    /// Commits at the store's `generation`; returns the number of documents.
    pub(crate) fn commit(self, generation: u64) -> Result<usize> {
        self.index.commit(self.writer, generation)?;
        Ok(self.added)
    }
}

/// An index update fed a batch of records at a time: see [`SearchIndex::begin_update`].
/// Dropped without committing, nothing of it is seen.
pub(crate) struct IndexUpdate<'i> {
    index: &'i SearchIndex,
    writer: IndexWriter,
}

impl IndexUpdate<'_> {
    /// Deletes the documents of these ids (records replaced), in one operation.
    ///
    /// One operation for many ids because tantivy keeps every delete operation until
    /// the commit, each with a scoring cache of about 1 KiB: one `delete_term` per
    /// record made an import of a million records hold over a gigabyte. A set of terms
    /// is one compact automaton instead.
    pub(crate) fn delete<'r>(&mut self, ids: impl IntoIterator<Item = &'r str>) -> Result<()> {
        let fields = &self.index.fields;
        let terms: Vec<Term> = ids
            .into_iter()
            .map(|id| Term::from_field_text(fields.id, id))
            .collect();
        if terms.is_empty() {
            return Ok(());
        }
        self.writer
            .delete_query(Box::new(tantivy::query::TermSetQuery::new(terms)))
            .map_err(index_failed("deleting documents"))?;
        Ok(())
    }

    /// Adds the documents of `records`, whose ids have no document (new records, or
    /// ones whose documents [`delete`](Self::delete) took out before), made on every
    /// core.
    pub(crate) fn add_all(&mut self, records: &[&Record]) -> Result<()> {
        add_documents(self.index, &self.writer, records).map(drop)
    }

    /// Commits the update at `generation`.
    pub(crate) fn commit(self, generation: u64) -> Result<()> {
        self.index.commit(self.writer, generation)
    }
}

#[cfg(test)]
mod tests;
