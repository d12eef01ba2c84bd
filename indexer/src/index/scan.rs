//! The candidate scan behind retrieval and matching.
//!
//! A need's pre-filter is a conjunction of clauses over index terms: "speaks `fr:B2`",
//! "is available in one of these weeks", "consent is not `refused`"… Each term's
//! documents are read once per segment into a bit set, kept until the index changes, so
//! that a need's filter costs a few thousand word-wise ANDs instead of a walk through
//! merged posting lists.
//!
//! The scan hands each passing document to its caller with its text relevance
//! ([`Relevance`], computed once for every filter).
//!
//! The same [`Cache`] keeps, for the current searcher, the table of ids in id order
//! ([`IdTable`]) and each segment's decoded [`Profiles`], which score bounds read.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex, PoisonError, RwLock};

use rayon::prelude::*;

use tantivy::index::SegmentId;
use tantivy::postings::SegmentPostings;
use tantivy::query::{EnableScoring, Query};
use tantivy::schema::{IndexRecordOption, Term};
use tantivy::{DocId, DocSet, Score, Searcher, SegmentReader, TERMINATED};

use super::bits::{Bits, for_each_doc, full, insert, words};
use super::memo::{Memo, MemoSlot};
use super::profiles::Profiles;
use super::relevance::Relevance;
use crate::error::index_failed;
use crate::error::{Error, InternalError, Result};

/// A set of documents the pre-filter combines.
pub(super) enum Part {
    /// The documents holding a term: read once per segment, then cached.
    Term(Term),
    /// The documents matching a query, read at each scan (for rare shapes of filter).
    Query(Box<dyn Query>),
}

/// One clause of a pre-filter.
pub(super) enum Clause {
    /// Documents in at least one of the parts.
    AnyOf(Vec<Part>),
    /// Documents in none of the parts.
    NoneOf(Vec<Part>),
}

impl Clause {
    /// Documents holding `term`.
    pub(super) fn has(term: Term) -> Self {
        Self::AnyOf(vec![Part::Term(term)])
    }

    /// Documents not holding `term`.
    pub(super) fn lacks(term: Term) -> Self {
        Self::NoneOf(vec![Part::Term(term)])
    }
}

/// The documents passing every clause (every document when there is none).
#[derive(Default)]
pub(super) struct Prefilter {
    pub clauses: Vec<Clause>,
}

/// Where segments' profiles are kept on disk: the index folder, and whether this
/// process may write there.
#[derive(Clone, Copy)]
pub(super) struct KeptProfiles<'d> {
    pub dir: &'d std::path::Path,
    pub writable: bool,
    /// The index, whose segments on disk say whether a file just written is of a
    /// segment a commit has meanwhile removed.
    pub index: &'d tantivy::Index,
}

impl KeptProfiles<'_> {
    /// A segment's profiles: from their file when one is sound, else decoded from the
    /// segment's columns and written there (when it may be written into) for the next
    /// process.
    fn read(self, reader: &SegmentReader) -> Profiles {
        let segment = reader.segment_id();
        if let Some(found) = Profiles::load(self.dir, segment, reader.max_doc()) {
            return found;
        }
        let profiles = Profiles::read(reader);
        // Only a cache: without its file, the next process decodes again.
        if self.writable && profiles.save(self.dir, segment).is_ok() {
            // A commit that removed the segment (after an erasure, say) may have
            // removed the files of gone segments before this one was written: it must
            // not outlive the segment. (A commit after this write removes it itself.)
            let living = self.index.searchable_segment_ids();
            if !living.is_ok_and(|ids| ids.contains(&segment)) {
                Profiles::forget(self.dir, segment);
            }
        }
        profiles
    }
}

/// What the scan keeps between queries, for one state of the index: each term's
/// documents per segment, the id table and the segments' bound values. Emptied when
/// the searcher changes.
#[derive(Default)]
pub(super) struct Cache {
    state: RwLock<CacheState>,
    /// Held while one of the large entries (the id table, a segment's profiles) is
    /// read: when many requests meet a new index at once, one reads it and the others
    /// wait for it, instead of each reading the same thing.
    filling: Mutex<()>,
    /// What the queries of a batch share, while one runs.
    pub(super) memo: MemoSlot,
}

#[derive(Default)]
struct CacheState {
    /// The searcher generation the entries were read from.
    generation: u64,
    sets: HashMap<(SegmentId, Term), Arc<Bits>>,
    ids: Option<Arc<IdTable>>,
    profiles: HashMap<SegmentId, Arc<Profiles>>,
    /// Bounded searches run on this state of the index.
    searches: AtomicU32,
}

impl Cache {
    /// Runs `f` on the entries if they belong to `generation`.
    fn read<T>(&self, generation: u64, f: impl FnOnce(&CacheState) -> Option<T>) -> Option<T> {
        let state = self.state.read().unwrap_or_else(PoisonError::into_inner);
        (state.generation == generation)
            .then(|| f(&state))
            .flatten()
    }

    /// The entry `get` finds for the searcher's generation, or the one `read` makes,
    /// then kept with `put`. Entries start afresh with a newer generation; an older
    /// searcher's are not kept.
    fn get_or_read<T: Clone>(
        &self,
        searcher: &Searcher,
        get: impl FnOnce(&CacheState) -> Option<T>,
        read: impl FnOnce() -> Result<T>,
        put: impl FnOnce(&mut CacheState, T),
    ) -> Result<T> {
        let generation = searcher.generation().generation_id();
        if let Some(found) = self.read(generation, get) {
            return Ok(found);
        }
        let value = read()?;
        self.write(generation, |state| put(state, value.clone()));
        Ok(value)
    }

    /// Runs `f` on the entries of `generation`, emptied first when they belong to an
    /// older one; `None` (and `f` not run) when they already belong to a newer one.
    fn write<T>(&self, generation: u64, f: impl FnOnce(&mut CacheState) -> T) -> Option<T> {
        let mut state = self.state.write().unwrap_or_else(PoisonError::into_inner);
        if state.generation < generation {
            *state = CacheState {
                generation,
                ..CacheState::default()
            };
        }
        (state.generation == generation).then(|| f(&mut state))
    }

    /// As [`get_or_read`](Self::get_or_read), one reader at a time: for entries long to
    /// read, that concurrent requests would otherwise each read.
    fn get_or_read_once<T: Clone>(
        &self,
        searcher: &Searcher,
        get: impl Fn(&CacheState) -> Option<T>,
        read: impl FnOnce() -> Result<T>,
        put: impl FnOnce(&mut CacheState, T),
    ) -> Result<T> {
        let generation = searcher.generation().generation_id();
        if let Some(found) = self.read(generation, &get) {
            return Ok(found);
        }
        let _one_at_a_time = self.filling.lock().unwrap_or_else(PoisonError::into_inner);
        self.get_or_read(searcher, get, read, put)
    }

    /// The documents of a segment holding `term` (deleted ones included).
    pub(super) fn term_bits(
        &self,
        searcher: &Searcher,
        reader: &SegmentReader,
        term: &Term,
    ) -> Result<Arc<Bits>> {
        let key = (reader.segment_id(), term.clone());
        self.get_or_read(
            searcher,
            |s| s.sets.get(&key).cloned(),
            || term_docs(reader, term).map(Arc::new),
            |s, bits| {
                s.sets.insert(key.clone(), bits);
            },
        )
    }

    /// The values each segment's score bounds read, in segment order: kept in memory,
    /// else read (see [`KeptProfiles::read`]) — segments side by side, which is what the
    /// first search of a process waits for.
    pub(super) fn profiles(
        &self,
        searcher: &Searcher,
        kept: KeptProfiles<'_>,
    ) -> Result<Vec<Arc<Profiles>>> {
        let readers = searcher.segment_readers();
        self.get_or_read_once(
            searcher,
            |s| {
                readers
                    .iter()
                    .map(|r| s.profiles.get(&r.segment_id()).cloned())
                    .collect()
            },
            || Ok(readers.par_iter().map(|r| Arc::new(kept.read(r))).collect()),
            |s, all| {
                for (reader, profiles) in readers.iter().zip(all) {
                    s.profiles.insert(reader.segment_id(), profiles);
                }
            },
        )
    }

    /// Counts a bounded search on the searcher's state of the index: how many there
    /// were, this one included (0 for an older searcher's).
    pub(super) fn count_search(&self, searcher: &Searcher) -> u32 {
        let generation = searcher.generation().generation_id();
        if let Some(n) = self.read(generation, |s| {
            Some(s.searches.fetch_add(1, Ordering::Relaxed) + 1)
        }) {
            return n;
        }
        self.write(generation, |state| {
            *state.searches.get_mut() += 1;
            *state.searches.get_mut()
        })
        .unwrap_or(0)
    }

    /// The memo of the batch running on the searcher's state of the index, if one is.
    pub(super) fn memo(&self, searcher: &Searcher) -> Option<Arc<Memo>> {
        self.memo.current(searcher.generation().generation_id())
    }

    /// The id table of the searcher's documents, if it was read already.
    pub(super) fn cached_ids(&self, searcher: &Searcher) -> Option<Arc<IdTable>> {
        self.read(searcher.generation().generation_id(), |s| s.ids.clone())
    }

    /// The id table of the searcher's documents.
    pub(super) fn ids(&self, searcher: &Searcher) -> Result<Arc<IdTable>> {
        self.get_or_read_once(
            searcher,
            |s| s.ids.clone(),
            || IdTable::read(searcher).map(Arc::new),
            |s, table| s.ids = Some(table),
        )
    }
}

/// The segment's documents holding `term`.
fn term_docs(reader: &SegmentReader, term: &Term) -> Result<Bits> {
    let mut bits = vec![0; words(reader.max_doc())];
    if let Some(mut postings) = term_postings(reader, term)? {
        let mut doc = postings.doc();
        while doc != TERMINATED {
            insert(&mut bits, doc);
            doc = postings.advance();
        }
    }
    Ok(bits)
}

/// The postings of `term` in the segment (documents only); `None` when no document
/// holds it.
pub(super) fn term_postings(
    reader: &SegmentReader,
    term: &Term,
) -> Result<Option<SegmentPostings>> {
    reader
        .inverted_index(term.field())
        .map_err(index_failed("opening the inverted index"))?
        .read_postings(term, IndexRecordOption::Basic)
        .map_err(index_failed("reading postings"))
}

/// The documents of `postings` (read in the segment `reader`) not deleted, in order.
pub(super) fn live_docs(
    reader: &SegmentReader,
    mut postings: SegmentPostings,
) -> impl Iterator<Item = DocId> + '_ {
    let alive = reader.alive_bitset();
    let mut doc = postings.doc();
    std::iter::from_fn(move || {
        while doc != TERMINATED {
            let this = doc;
            doc = postings.advance();
            if alive.is_none_or(|a| a.is_alive(this)) {
                return Some(this);
            }
        }
        None
    })
}

impl Prefilter {
    fn part_bits(
        part: &Part,
        cache: &Cache,
        searcher: &Searcher,
        reader: &SegmentReader,
    ) -> Result<Arc<Bits>> {
        match part {
            Part::Term(term) => cache.term_bits(searcher, reader, term),
            Part::Query(query) => {
                let mut bits = vec![0; words(reader.max_doc())];
                query
                    .weight(EnableScoring::disabled_from_searcher(searcher))
                    .and_then(|w| {
                        w.for_each_no_score(reader, &mut |docs| {
                            for &d in docs {
                                insert(&mut bits, d);
                            }
                        })
                    })
                    .map_err(index_failed("collecting a term's documents"))?;
                Ok(Arc::new(bits))
            }
        }
    }

    /// The segment's documents passing the filter (deleted ones included).
    fn bits(&self, cache: &Cache, searcher: &Searcher, reader: &SegmentReader) -> Result<Bits> {
        let mut out = full(reader.max_doc());
        for clause in &self.clauses {
            match clause {
                Clause::AnyOf(parts) => {
                    let mut any = vec![0; out.len()];
                    for part in parts {
                        let bits = Self::part_bits(part, cache, searcher, reader)?;
                        any.iter_mut().zip(bits.iter()).for_each(|(a, b)| *a |= b);
                    }
                    out.iter_mut().zip(&any).for_each(|(o, a)| *o &= a);
                }
                Clause::NoneOf(parts) => {
                    for part in parts {
                        let bits = Self::part_bits(part, cache, searcher, reader)?;
                        out.iter_mut().zip(bits.iter()).for_each(|(o, b)| *o &= !b);
                    }
                }
            }
        }
        Ok(out)
    }
}

/// The live documents of the segment that pass `filter`.
pub(super) fn passing(
    cache: &Cache,
    searcher: &Searcher,
    reader: &SegmentReader,
    filter: &Prefilter,
) -> Result<Bits> {
    let bits = filter.bits(cache, searcher, reader)?;
    let Some(alive) = reader.alive_bitset() else {
        return Ok(bits);
    };
    let mut live = vec![0; bits.len()];
    for_each_doc(&bits, |doc| {
        if alive.is_alive(doc) {
            insert(&mut live, doc);
        }
    });
    Ok(live)
}

/// Calls `each(i, doc, relevance)` for every live document of the segment that passes
/// `filters[i]`, filter by filter, in document order. The relevance is computed once
/// for all the filters.
pub(super) fn scan(
    cache: &Cache,
    searcher: &Searcher,
    reader: &SegmentReader,
    filters: &[Prefilter],
    relevance: &Relevance,
    mut each: impl FnMut(usize, DocId, Score),
) -> Result<()> {
    let passed = filters
        .iter()
        .map(|f| passing(cache, searcher, reader, f))
        .collect::<Result<Vec<_>>>()?;
    let scores = if relevance.is_empty() {
        Vec::new()
    } else {
        let mut any = vec![0; words(reader.max_doc())];
        for bits in &passed {
            any.iter_mut().zip(bits).for_each(|(a, b)| *a |= b);
        }
        relevance.within(reader, &any)?
    };
    for (i, bits) in passed.iter().enumerate() {
        for_each_doc(bits, |doc| {
            each(i, doc, scores.get(doc as usize).copied().unwrap_or(0.0));
        });
    }
    Ok(())
}

/// Every document's id, and its rank in id order across segments, so that candidates
/// are sorted by comparing integers and only the ids returned are copied.
pub(super) struct IdTable {
    /// The ids of every document (deleted ones too), in id order: read in rank order,
    /// they are read in memory order.
    ids: Texts,
    /// For each segment, each document's position in `ids` (`u32::MAX` without an id);
    /// a handful of segments, found by looking along the list.
    ranks: Vec<(SegmentId, Vec<u32>)>,
}

/// Texts end to end in one string, each found by its place.
#[derive(Default)]
struct Texts {
    text: String,
    /// Where each text ends in `text`.
    ends: Vec<usize>,
}

impl Texts {
    fn with_capacity(texts: usize, bytes: usize) -> Self {
        Self {
            text: String::with_capacity(bytes),
            ends: Vec::with_capacity(texts),
        }
    }

    fn push(&mut self, text: &str) {
        self.text.push_str(text);
        self.ends.push(self.text.len());
    }

    fn len(&self) -> usize {
        self.ends.len()
    }

    /// The text at place `i`.
    fn get(&self, i: usize) -> Option<&str> {
        let start = match i.checked_sub(1) {
            Some(before) => *self.ends.get(before)?,
            None => 0,
        };
        self.text.get(start..*self.ends.get(i)?)
    }
}

impl IdTable {
    fn read(searcher: &Searcher) -> Result<Self> {
        let segments = searcher.segment_readers();
        // Each segment's ids in the order of its dictionary (sorted).
        let mut per_segment: Vec<Texts> = Vec::with_capacity(segments.len());
        let mut columns = Vec::with_capacity(segments.len());
        for reader in segments {
            let column = reader
                .fast_fields()
                .str("id")
                .map_err(index_failed("reading the id column"))?;
            let mut ids = Texts::default();
            if let Some(column) = &column {
                column
                    .dictionary()
                    .sorted_ords_to_term_cb(0..column.num_terms() as u64, |bytes| {
                        ids.push(&String::from_utf8_lossy(bytes));
                        Ok(())
                    })
                    .map_err(index_failed("reading the id dictionary"))?;
            }
            per_segment.push(ids);
            columns.push(column);
        }
        let id_at = |s: usize, ord: usize| per_segment.get(s)?.get(ord);
        // The segments' sorted lists merged: ids in order, then segment, then ordinal
        // (what sorting them all at once gave, for a fraction of the comparisons).
        let mut heads: BinaryHeap<Reverse<(&str, usize, usize)>> = (0..per_segment.len())
            .filter_map(|s| Some(Reverse((id_at(s, 0)?, s, 0))))
            .collect();
        let mut ord_ranks: Vec<Vec<u32>> = per_segment
            .iter()
            .map(|ids| vec![u32::MAX; ids.len()])
            .collect();
        let mut ids = Texts::with_capacity(
            per_segment.iter().map(Texts::len).sum(),
            per_segment.iter().map(|ids| ids.text.len()).sum(),
        );
        while let Some(Reverse((id, s, ord))) = heads.pop() {
            let rank = u32::try_from(ids.len()).map_err(|_| {
                Error::Internal(InternalError::IndexShape("more than 2^32 documents".into()))
            })?;
            if let Some(r) = ord_ranks.get_mut(s).and_then(|o| o.get_mut(ord)) {
                *r = rank;
            }
            ids.push(id);
            if let Some(next) = id_at(s, ord + 1) {
                heads.push(Reverse((next, s, ord + 1)));
            }
        }
        let mut ranks = Vec::with_capacity(segments.len());
        for ((reader, column), ord_rank) in segments.iter().zip(&columns).zip(&ord_ranks) {
            let by_doc = (0..reader.max_doc())
                .map(|doc| {
                    column
                        .as_ref()
                        .and_then(|c| c.term_ords(doc).next())
                        .and_then(|ord| ord_rank.get(usize::try_from(ord).ok()?).copied())
                        .unwrap_or(u32::MAX)
                })
                .collect();
            ranks.push((reader.segment_id(), by_doc));
        }
        Ok(Self { ids, ranks })
    }

    /// Each document's rank in the segment.
    pub(super) fn ranks(&self, segment: SegmentId) -> &[u32] {
        self.ranks
            .iter()
            .find(|(id, _)| *id == segment)
            .map_or(&[], |(_, r)| r.as_slice())
    }

    /// The id of a segment's document.
    pub(super) fn id_of(&self, segment: SegmentId, doc: DocId) -> Option<&str> {
        self.id(*self.ranks(segment).get(doc as usize)?)
    }

    /// The id at a rank.
    pub(super) fn id(&self, rank: u32) -> Option<&str> {
        self.ids.get(rank as usize)
    }
}
