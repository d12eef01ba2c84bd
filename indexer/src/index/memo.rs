//! What the many queries of a batch share, kept while the batch runs.
//!
//! The needs of a call share words, themes and countries. Each need's bounded search
//! reads, per segment, the postings of its rarest words (to score their BM25) and
//! spreads its theme's and country's values over the documents ([`Levels`]). Read once
//! and kept here, the next need with the same word, theme or country finds them in
//! memory. Every value is computed exactly as without the memo, so results are the
//! same to the bit.
//!
//! A memo belongs to one state of the index (a searcher generation): the BM25 weights
//! depend on the whole index's statistics. It lives as long as some batch holds a
//! [`ManyQueries`] guard, so memory is only spent while a batch runs.

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::{Arc, Mutex, PoisonError, RwLock};

use tantivy::index::SegmentId;
use tantivy::schema::Term;
use tantivy::{DocId, Score};

use super::bound::Levels;

/// A term's BM25 scores (boost included) in one segment: for each document holding it,
/// in document order, its score.
pub(super) struct TermScores {
    pub docs: Vec<DocId>,
    pub scores: Vec<Score>,
}

impl TermScores {
    /// The score of `doc` if it holds the term, looking from `from` on (documents asked
    /// in order move `from` forward); returns the place reached.
    pub(super) fn seek(&self, from: usize, doc: DocId) -> (usize, Option<Score>) {
        // Galloping: the next document asked is most often a few places on.
        let (mut below, mut probe, mut step) = (from, from, 1);
        while let Some(&d) = self.docs.get(probe)
            && d < doc
        {
            below = probe + 1;
            probe += step;
            step *= 2;
        }
        let end = probe.saturating_add(1).min(self.docs.len());
        let window = self.docs.get(below..end).unwrap_or(&[]);
        let at = below + window.partition_point(|&d| d < doc);
        let score = (self.docs.get(at) == Some(&doc))
            .then(|| self.scores.get(at).copied())
            .flatten();
        (at, score)
    }
}

/// Which of a need's value tables a [`Levels`] spreads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum LevelsOf {
    Themes,
    Countries,
}

/// A term with its boost (as bits: the boost is part of the score).
type TermKey = (SegmentId, Term, u32);
/// A table of values per key, as the bits of each value, in key order.
type LevelsKey = (SegmentId, LevelsOf, Vec<u64>);

/// The shared entries of one searcher generation.
pub(super) struct Memo {
    generation: u64,
    terms: RwLock<HashMap<TermKey, Arc<TermScores>>>,
    levels: RwLock<HashMap<LevelsKey, Arc<Levels>>>,
}

impl Memo {
    fn new(generation: u64) -> Self {
        Self {
            generation,
            terms: RwLock::default(),
            levels: RwLock::default(),
        }
    }

    /// The scores of `term` (boosted by `boost`) in `segment`, read by `read` the first
    /// time.
    pub(super) fn term_scores<E>(
        &self,
        segment: SegmentId,
        term: &Term,
        boost: Score,
        read: impl FnOnce() -> Result<TermScores, E>,
    ) -> Result<Arc<TermScores>, E> {
        get_or_insert(&self.terms, (segment, term.clone(), boost.to_bits()), read)
    }

    /// The levels of a value table (`values[i]` the value of key `i` of the segment's
    /// numbering) in `segment`, made by `make` the first time.
    pub(super) fn levels(
        &self,
        segment: SegmentId,
        of: LevelsOf,
        values: &[f64],
        make: impl FnOnce() -> Levels,
    ) -> Arc<Levels> {
        let key = (segment, of, values.iter().map(|v| v.to_bits()).collect());
        get_or_insert(&self.levels, key, || {
            Ok::<_, std::convert::Infallible>(make())
        })
        .unwrap_or_else(|never| match never {})
    }
}

/// The entry of `key`, or the one `read` makes. Two threads may both read a missing
/// entry; they read the same value, and the first one kept is shared.
fn get_or_insert<K: Eq + Hash, V, E>(
    map: &RwLock<HashMap<K, Arc<V>>>,
    key: K,
    read: impl FnOnce() -> Result<V, E>,
) -> Result<Arc<V>, E> {
    if let Some(found) = map.read().unwrap_or_else(PoisonError::into_inner).get(&key) {
        return Ok(found.clone());
    }
    let value = Arc::new(read()?);
    let mut map = map.write().unwrap_or_else(PoisonError::into_inner);
    Ok(map.entry(key).or_insert(value).clone())
}

/// The memo of the queries running now, if a batch asked for one.
#[derive(Default)]
pub(super) struct MemoSlot {
    /// How many guards hold the memo, and the memo.
    held: Mutex<Option<(usize, Arc<Memo>)>>,
}

impl MemoSlot {
    /// The memo for `generation`, while a batch holds one; `None` otherwise (or when
    /// the index changed since: a memo of an older state would score with old
    /// statistics).
    pub(super) fn current(&self, generation: u64) -> Option<Arc<Memo>> {
        let held = self.held.lock().unwrap_or_else(PoisonError::into_inner);
        held.as_ref()
            .map(|(_, memo)| memo)
            .filter(|memo| memo.generation == generation)
            .cloned()
    }

    fn hold(&self, generation: u64) {
        let mut held = self.held.lock().unwrap_or_else(PoisonError::into_inner);
        match held.as_mut() {
            Some((holders, memo)) => {
                *holders += 1;
                if memo.generation < generation {
                    *memo = Arc::new(Memo::new(generation));
                }
            }
            None => *held = Some((1, Arc::new(Memo::new(generation)))),
        }
    }

    fn release(&self) {
        let mut held = self.held.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some((holders, _)) = held.as_mut() {
            *holders -= 1;
            if *holders == 0 {
                *held = None;
            }
        }
    }
}

/// While it lives, a batch's queries on the index share what they read (each term's
/// scores, each theme's and country's levels); dropping the last guard frees it.
pub struct ManyQueries<'i> {
    slot: &'i MemoSlot,
}

impl<'i> ManyQueries<'i> {
    pub(super) fn new(slot: &'i MemoSlot, generation: u64) -> Self {
        slot.hold(generation);
        Self { slot }
    }
}

impl Drop for ManyQueries<'_> {
    fn drop(&mut self) {
        self.slot.release();
    }
}

impl std::fmt::Debug for ManyQueries<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ManyQueries").finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_term_score_is_found_from_where_the_last_one_was() {
        let scores = TermScores {
            docs: vec![2, 5, 9],
            scores: vec![0.5, 1.5, 2.5],
        };
        assert_eq!(scores.seek(0, 1), (0, None));
        assert_eq!(scores.seek(0, 5), (1, Some(1.5)));
        assert_eq!(scores.seek(1, 6), (2, None));
        assert_eq!(scores.seek(2, 9), (2, Some(2.5)));
        assert_eq!(scores.seek(2, 10), (3, None));
        assert_eq!(scores.seek(3, 11), (3, None));
    }

    #[test]
    fn the_memo_lives_while_a_guard_holds_it_and_for_one_index_state() {
        let slot = MemoSlot::default();
        assert!(slot.current(1).is_none());
        let first = ManyQueries::new(&slot, 1);
        let memo = slot.current(1).unwrap();
        assert!(slot.current(2).is_none(), "another state of the index");
        {
            let _second = ManyQueries::new(&slot, 1);
            assert!(Arc::ptr_eq(&slot.current(1).unwrap(), &memo));
        }
        assert!(slot.current(1).is_some(), "the first guard still holds it");
        drop(first);
        assert!(slot.current(1).is_none());
    }
}
