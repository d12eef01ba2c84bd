//! # explor-indexer
//!
//! What explor keeps on disk, and the work done over it. A [`Workspace`] is a directory
//! holding the record store — SQLite: one row per record in its canonical JSON, the
//! missions with their append-only event log, the erasure tombstones (keyed hashes of
//! the ids, no personal data), a schema version and a generation number — and the
//! tantivy [`SearchIndex`] derived from it, rebuilt on open when its generation is not
//! the store's. Over them it matches needs and candidates
//! ([`Workspace::match_need`], [`match_top`]: the engine's scoring fed by the index),
//! assigns a call for projects at once ([`Workspace::batch`], [`run_batch`]) and keeps
//! missions and their documents. Failures are an [`Error`]: a [`UserError`] the user
//! can fix, or an [`InternalError`] that keeps its source.
//!
//! Input files come in through [`load`] (or [`load_with`] and its [`LoadOptions`]),
//! which reads a dataset directory or a single `.json`, `.jsonl` or `.csv` file (comma
//! or semicolon; UTF-8 or Windows-1252) or `.xlsx` / `.ods` workbook (one sheet per
//! kind) into located JSON values;
//! [`Workspace::import`] then validates them all with the engine's rules and writes
//! them in one transaction, or writes nothing and returns every problem, each naming
//! its file, record and field. [`Workspace::import_path`] does both with the same
//! outcome in memory bounded by a batch of records, not by the input: it reads the
//! input twice, checking then writing (the CLI's `import`). Only regular files are
//! read: pipes, devices and sockets are refused, never waited on.
//!
//! One design decision: the store keeps each record's canonical JSON rather than one
//! column per field. The engine owns the shape; the store only needs ids, kinds and
//! bodies, so the format can grow without a migration.
//!
//! ```
//! use explor_indexer::{Workspace, load};
//! use explor_engine::{RecordKind, Reference};
//!
//! let dir = tempfile::tempdir().unwrap();
//! let (mut ws, created) = Workspace::init(dir.path()).unwrap();
//! assert!(created);
//! let file = dir.path().join("associations.json");
//! std::fs::write(&file, r#"[{"id": "asso-a", "name": "A", "department": "31"}]"#).unwrap();
//! let summary = ws.import(load(&file, None).unwrap(), &Reference::embedded()).unwrap();
//! assert_eq!(summary.total().added, 1);
//! assert_eq!(ws.records(RecordKind::Association).unwrap().len(), 1);
//! ```
#![warn(missing_docs)]

mod batch;
mod error;
mod index;
mod issue;
mod json_keys;
mod matching;
mod missions;
mod priority;
mod reference;
mod source;
mod store;
mod workspace;

#[cfg(test)]
mod fuzz_tests;

#[cfg(test)]
mod test_support;

pub use batch::{
    BatchOptions, BatchProgress, BatchReport, BatchRun, BatchRunError, BatchTimings, Matched,
    match_needs, run_batch,
};
pub use error::{Corruption, Error, InternalError, Result, UserError};
pub use explor_engine::mission::MissionFile;
pub use index::best::Bounded;
pub use index::search::{ExpertCounts, Hit, SearchQuery};
pub use index::{ManyQueries, SearchIndex};
pub use issue::{ImportIssue, Location};
pub use matching::{MatchOptions, SCORING_FILE, ScoringSetup, match_top};
pub use missions::{Created, NewMission, StaffRequest, TEMPLATES_DIR};
pub use priority::{WRITE_NICENESS, lower_thread_priority};
pub use reference::{COSTS_OVERRIDE, cost_rules_at, reference_status_at};
pub use source::{Encoding, LoadOptions, Loaded, SourceRecord, load, load_with};
pub use store::{ErasureKey, SCHEMA_VERSION, scrub_database};
pub use workspace::Workspace;
pub use workspace::backup::Restored;
pub use workspace::forms::FORM_ORIGIN;
pub use workspace::index::CheckReport;
pub use workspace::records::{ImportCounts, ImportOptions, ImportSummary};
