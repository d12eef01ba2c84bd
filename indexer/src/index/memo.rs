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
use tantivy::query::Bm25StatisticsProvider;
use tantivy::schema::{Field, Term};
use tantivy::{DocId, Score, Searcher};

use super::bits::{contains, insert, words};
use super::bound::Levels;

/// A term's BM25 scores (boost included) in one segment: the documents holding it, in
/// document order, and the score of each.
pub(super) struct TermScores {
    holders: Holders,
    scores: Vec<Score>,
    /// The highest of `scores` (0 with none).
    best: Score,
}

/// The documents holding a term, kept in whichever form is the smaller.
enum Holders {
    /// Listed in order: a document's score is searched for.
    Listed(Vec<DocId>),
    /// One bit per document of the segment, for a term many hold: a document's score
    /// is found in one step.
    Placed(Places),
}

/// Which documents of a segment hold a term, one bit each, with how many hold it
/// before each word of 64: a document's place among the holders is that count plus
/// the bits set below it in its word.
struct Places {
    bits: Vec<u64>,
    before: Vec<u32>,
}

/// A term held by at least one document in this many of its segment keeps its holders
/// as [`Places`]: 3 bytes per 16 documents of the segment, against 4 bytes per holder
/// for a list, so it takes no more memory than the list would (give or take an eighth
/// at the threshold), and the documents scored in a batch find their score at once
/// rather than by a search through thousands.
const PLACED_SHARE: usize = 24;

impl Places {
    fn new(docs: &[DocId], max_doc: DocId) -> Self {
        let mut bits = vec![0u64; words(max_doc)];
        for &doc in docs {
            insert(&mut bits, doc);
        }
        let mut before = Vec::with_capacity(bits.len());
        let mut count = 0u32;
        for w in &bits {
            before.push(count);
            count += w.count_ones();
        }
        Self { bits, before }
    }

    /// The place of `doc` among the holders, if it holds the term.
    fn of(&self, doc: DocId) -> Option<usize> {
        let i = doc as usize / 64;
        let word = *self.bits.get(i)?;
        let bit = 1u64 << (doc % 64);
        if word & bit == 0 {
            return None;
        }
        Some(place(*self.before.get(i)?, word, doc % 64))
    }
}

/// The place among the holders of the document at `bit` of a word whose bits are
/// `word`, when `before` hold the term in the words before it.
fn place(before: u32, word: u64, bit: u32) -> usize {
    before as usize + (word & ((1 << bit) - 1)).count_ones() as usize
}

impl TermScores {
    /// The scores `scores[i]` of the documents `docs[i]` (in order) of a segment of
    /// `max_doc` documents.
    pub(super) fn new(docs: Vec<DocId>, scores: Vec<Score>, max_doc: DocId) -> Self {
        let holders = if docs.len() * PLACED_SHARE >= max_doc as usize {
            Holders::Placed(Places::new(&docs, max_doc))
        } else {
            Holders::Listed(docs)
        };
        let best = scores.iter().copied().fold(0.0, Score::max);
        Self {
            holders,
            scores,
            best,
        }
    }

    /// The highest score of the term in the segment (0 when nobody holds it).
    pub(super) fn best(&self) -> Score {
        self.best
    }

    /// Calls `each(doc, score)` for every document of the set `among` holding the
    /// term, in order.
    pub(super) fn for_each_in(&self, among: &[u64], mut each: impl FnMut(DocId, Score)) {
        match &self.holders {
            Holders::Listed(docs) => {
                for (&doc, &score) in docs.iter().zip(&self.scores) {
                    if contains(among, doc) {
                        each(doc, score);
                    }
                }
            }
            // Word by word: only the documents in both sets are visited.
            Holders::Placed(places) => {
                let words = places.bits.iter().zip(&places.before).zip(among);
                for (i, ((&held, &before), &wanted)) in words.enumerate() {
                    let mut w = held & wanted;
                    while w != 0 {
                        let bit = w.trailing_zeros();
                        if let Some(&score) = self.scores.get(place(before, held, bit)) {
                            // `bits` covers at most `max_doc` documents: this fits a DocId.
                            each((i as DocId) * 64 + bit, score);
                        }
                        w &= w - 1;
                    }
                }
            }
        }
    }

    /// Calls `each(i, score)` for each document `docs[i]` (in increasing order) holding
    /// the term, in order: what asking each document's score in turn gives, with the
    /// holders' form looked at once.
    pub(super) fn for_each_of(&self, docs: &[DocId], mut each: impl FnMut(usize, Score)) {
        match &self.holders {
            Holders::Placed(places) => {
                for (i, &doc) in docs.iter().enumerate() {
                    if let Some(&score) = places.of(doc).and_then(|at| self.scores.get(at)) {
                        each(i, score);
                    }
                }
            }
            Holders::Listed(held) => {
                let mut at = 0;
                for (i, &doc) in docs.iter().enumerate() {
                    at = gallop(held, at, doc);
                    if held.get(at) == Some(&doc)
                        && let Some(&score) = self.scores.get(at)
                    {
                        each(i, score);
                    }
                }
            }
        }
    }
}

/// The first place from `from` on where `docs` (in order) reaches `doc`: galloping, as
/// the next document asked is most often a few places on.
fn gallop(docs: &[DocId], from: usize, doc: DocId) -> usize {
    let (mut below, mut probe, mut step) = (from, from, 1);
    while let Some(&d) = docs.get(probe)
        && d < doc
    {
        below = probe + 1;
        probe += step;
        step *= 2;
    }
    let end = probe.saturating_add(1).min(docs.len());
    let window = docs.get(below..end).unwrap_or(&[]);
    below + window.partition_point(|&d| d < doc)
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
    /// Each term's document count over the whole index (choosing a need's rarest words
    /// and weighting them both ask it), and each field's token count.
    doc_freqs: RwLock<HashMap<Term, Arc<u64>>>,
    /// Each need word's document count in the text and skills fields together (how a
    /// need's rarest words are chosen), by word: one look-up per word of a need.
    word_freqs: RwLock<HashMap<String, Arc<u64>>>,
    tokens: RwLock<HashMap<Field, Arc<u64>>>,
}

impl Memo {
    /// An empty memo; one made outside a [`ManyQueries`] lives as long as its owner
    /// keeps it (for the statistics of one call's many needs).
    pub(super) fn new(generation: u64) -> Self {
        Self {
            generation,
            terms: RwLock::default(),
            levels: RwLock::default(),
            doc_freqs: RwLock::default(),
            word_freqs: RwLock::default(),
            tokens: RwLock::default(),
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
        get_or_insert(&self.terms, &(segment, term.clone(), boost.to_bits()), read)
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
        get_or_insert(&self.levels, &key, || {
            Ok::<_, std::convert::Infallible>(make())
        })
        .unwrap_or_else(|never| match never {})
    }
}

/// The index's statistics for BM25, as the searcher gives them, each asked of it once
/// while a memo holds them (the searcher is asked every time without one).
pub(super) struct Statistics<'s> {
    pub(super) searcher: &'s Searcher,
    pub(super) memo: Option<&'s Memo>,
}

impl Statistics<'_> {
    /// A need word's document count over its fields, as `count` gives it: asked once
    /// per word while a memo holds it.
    pub(super) fn word_freq(
        &self,
        word: &str,
        count: impl FnOnce() -> tantivy::Result<u64>,
    ) -> tantivy::Result<u64> {
        match self.memo {
            Some(memo) => get_or_insert(&memo.word_freqs, word, count).map(|n| *n),
            None => count(),
        }
    }
}

impl Bm25StatisticsProvider for Statistics<'_> {
    fn total_num_tokens(&self, field: Field) -> tantivy::Result<u64> {
        let ask = || self.searcher.total_num_tokens(field);
        match self.memo {
            Some(memo) => get_or_insert(&memo.tokens, &field, ask).map(|n| *n),
            None => ask(),
        }
    }

    fn total_num_docs(&self) -> tantivy::Result<u64> {
        // Summed over the segments in memory: nothing to keep.
        self.searcher.total_num_docs()
    }

    fn doc_freq(&self, term: &Term) -> tantivy::Result<u64> {
        let ask = || self.searcher.doc_freq(term);
        match self.memo {
            Some(memo) => get_or_insert(&memo.doc_freqs, term, ask).map(|n| *n),
            None => ask(),
        }
    }
}

/// The entry of `key`, or the one `read` makes (the key is copied only then). Two
/// threads may both read a missing entry; they read the same value, and the first one
/// kept is shared.
fn get_or_insert<Q, V, E>(
    map: &RwLock<HashMap<Q::Owned, Arc<V>>>,
    key: &Q,
    read: impl FnOnce() -> Result<V, E>,
) -> Result<Arc<V>, E>
where
    Q: ToOwned + Eq + Hash + ?Sized,
    Q::Owned: Eq + Hash,
{
    if let Some(found) = map.read().unwrap_or_else(PoisonError::into_inner).get(key) {
        return Ok(found.clone());
    }
    let value = Arc::new(read()?);
    let mut map = map.write().unwrap_or_else(PoisonError::into_inner);
    Ok(map.entry(key.to_owned()).or_insert(value).clone())
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
        // Three holders among a thousand documents: searched for.
        let scores = TermScores::new(vec![2, 5, 9], vec![0.5, 1.5, 2.5], 1000);
        assert!(matches!(scores.holders, Holders::Listed(_)));
        let held = [2, 5, 9];
        assert_eq!(gallop(&held, 0, 1), 0);
        assert_eq!(gallop(&held, 0, 5), 1);
        assert_eq!(gallop(&held, 1, 6), 2);
        assert_eq!(gallop(&held, 2, 9), 2);
        assert_eq!(gallop(&held, 2, 10), 3);
        assert_eq!(gallop(&held, 3, 11), 3);
        let mut each = Vec::new();
        scores.for_each_of(&[1, 5, 6, 9, 10, 11], |i, score| each.push((i, score)));
        assert_eq!(each, [(1, 1.5), (3, 2.5)]);
    }

    #[test]
    fn a_term_held_by_many_documents_finds_each_score_at_once() {
        // Every third document of 300, across several words.
        let docs: Vec<DocId> = (0..300).filter(|d| d % 3 == 0).collect();
        let scores: Vec<Score> = docs.iter().map(|&d| d as Score + 0.5).collect();
        let placed = TermScores::new(docs.clone(), scores.clone(), 300);
        assert!(matches!(placed.holders, Holders::Placed(_)));
        let searched = TermScores {
            holders: Holders::Listed(docs.clone()),
            scores: scores.clone(),
            best: placed.best(),
        };
        assert_eq!(placed.best(), 297.5);
        assert_eq!(TermScores::new(Vec::new(), Vec::new(), 300).best(), 0.0);
        // Asked for every document, then for some: the holders' scores, each in place.
        for step in [1, 2, 7, 40] {
            let asked: Vec<DocId> = (0..310).step_by(step).collect();
            let expected: Vec<(usize, Score)> = asked
                .iter()
                .enumerate()
                .filter(|(_, d)| **d < 300 && *d % 3 == 0)
                .map(|(i, &d)| (i, d as Score + 0.5))
                .collect();
            for scores in [&placed, &searched] {
                let mut each = Vec::new();
                scores.for_each_of(&asked, |i, score| each.push((i, score)));
                assert_eq!(each, expected, "every {step}");
            }
        }
        // Among every other document of the segment.
        let mut among = vec![0; words(300)];
        (0..300).step_by(2).for_each(|d| insert(&mut among, d));
        let expected: Vec<(DocId, Score)> = docs
            .into_iter()
            .zip(scores)
            .filter(|(d, _)| d % 2 == 0)
            .collect();
        for scores in [&placed, &searched] {
            let mut each = Vec::new();
            scores.for_each_in(&among, |doc, score| each.push((doc, score)));
            assert_eq!(each, expected);
        }
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
