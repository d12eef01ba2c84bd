//! The search index of a workspace: searching it, checking it against the store and
//! rebuilding it. The store's generation is the index's too when they agree.

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::Arc;

use explor_engine::RecordKind;
use serde::Serialize;

use super::{Workspace, lock};
use crate::error::Result;
use crate::index::SearchIndex;
use crate::index::search::{Hit, SearchQuery};

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
    /// Index files altered or cut short since they were written (their ids are then
    /// not compared).
    pub damaged_files: Vec<String>,
}

impl CheckReport {
    /// Whether everything agrees.
    pub fn is_consistent(&self) -> bool {
        self.index_generation == Some(self.store_generation)
            && self.missing_from_index.is_empty()
            && self.extra_in_index.is_empty()
            && self.damaged_files.is_empty()
    }
}

impl Workspace {
    /// Runs a coordinator's search.
    pub fn search(&self, query: &SearchQuery) -> Result<Vec<Hit>> {
        self.index.search(query)
    }

    /// Compares the store and the index: generations and ids.
    pub fn check(&self) -> Result<CheckReport> {
        let mut store_ids: Vec<String> = Vec::new();
        for kind in [RecordKind::Expert, RecordKind::Offer] {
            store_ids.extend(self.store.records(kind)?.iter().map(|r| r.id().to_owned()));
        }
        let store_set: BTreeSet<String> = store_ids.into_iter().collect();
        let damaged_files = self.index.damaged_files()?;
        // A damaged file may not be readable at all: its ids are not looked for.
        let index_set = if damaged_files.is_empty() {
            self.index.ids()?
        } else {
            BTreeSet::new()
        };
        let intact = damaged_files.is_empty();
        Ok(CheckReport {
            store_generation: self.store.generation()?,
            index_generation: self.index.generation()?,
            store_documents: store_set.len(),
            index_documents: if intact {
                usize::try_from(self.index.len()).unwrap_or(usize::MAX)
            } else {
                0
            },
            missing_from_index: if intact {
                store_set.difference(&index_set).cloned().collect()
            } else {
                Vec::new()
            },
            extra_in_index: index_set.difference(&store_set).cloned().collect(),
            damaged_files,
        })
    }

    /// The search index, which is also the workspace's [`CandidateSource`](explor_engine::CandidateSource).
    pub fn index(&self) -> &SearchIndex {
        &self.index
    }

    /// The store's generation number.
    pub fn generation(&self) -> Result<u64> {
        self.store.generation()
    }

    /// Replaces the index with documents for every expert and offer of the store.
    pub(super) fn rebuild_index(&self) -> Result<usize> {
        let generation = self.store.generation()?;
        // Read a chunk at a time and indexed as read: never every record in memory.
        let mut rebuild = self.index.begin_rebuild()?;
        for kind in [RecordKind::Expert, RecordKind::Offer] {
            self.store
                .records_in_chunks(kind, crate::index::REBUILD_CHUNK, |chunk| {
                    rebuild.add(&chunk)
                })?;
        }
        rebuild.commit(generation)
    }

    /// Rebuilds the search index from the store, from scratch: whatever is in the
    /// index folder (explor's) is replaced. Returns the number of documents.
    pub fn reindex(&mut self) -> Result<usize> {
        let _lock = lock(&self.root)?;
        self.index = Arc::new(SearchIndex::recreate(&self.root.join(super::INDEX_DIR))?);
        self.rebuild_index()
    }

    /// The files of the index at `root` that fail their checksum, found without
    /// opening the store (used after a failure, to tell damage from a bug); `None`
    /// when the index cannot be opened at all.
    pub fn index_damage(root: &Path) -> Option<Vec<String>> {
        let index = SearchIndex::open_or_create(&root.join(super::INDEX_DIR)).ok()?;
        index.damaged_files().ok()
    }
}
