//! Text relevance: BM25 over a need's rarest words, summed term by term in one fixed
//! order, so that every path — reading a segment's postings through for many documents,
//! skipping to a few, or to one — computes the very same value.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use tantivy::fieldnorm::FieldNormReader;
use tantivy::index::{InvertedIndexReader, SegmentId};
use tantivy::postings::Postings;
use tantivy::query::Bm25Weight;
use tantivy::schema::{IndexRecordOption, Term};
use tantivy::{DocId, DocSet, Score, SegmentReader};

use super::bits::{contains, insert, words};
use super::memo::{Memo, Statistics, TermScores};
use crate::error::Result;
use crate::error::index_failed;

/// Text relevance: a sum of BM25 term scores, each with its boost, summed in the order
/// the terms were given.
///
/// Each term score is tantivy's BM25 ([`Bm25Weight::score`] of the document's field norm
/// and term frequency), as its term queries compute it; the postings are read directly,
/// block by block when reading them through.
///
/// With a [`Memo`] (a batch running), each term's scores in a segment are read once and
/// shared by every need that has the term.
pub(super) struct Relevance {
    /// Each term, its boost, and its weight (boost included).
    terms: Vec<(Term, Score, Bm25Weight)>,
    memo: Option<Arc<Memo>>,
    /// Each segment's term scores once taken from the memo: a need asks for them
    /// several times per segment (its cap, then each batch of documents), and each
    /// look-up in the shared memo hashes and compares a term.
    taken: Mutex<Vec<(SegmentId, Remembered)>>,
}

/// Each term's scores in a segment, in the terms' order.
type Remembered = Arc<[Arc<TermScores>]>;

/// One term in a segment: where its postings are, and what scores them.
struct TermPostings<'r> {
    weight: &'r Bm25Weight,
    norms: FieldNormReader,
    term: &'r Term,
    index: Arc<InvertedIndexReader>,
}

impl TermPostings<'_> {
    /// Calls `each(doc, score)` for every document holding the term that `wanted`
    /// takes, reading the postings through, block by block. Scoring is most of the
    /// cost: only the documents wanted are scored.
    fn scores_through(
        &self,
        wanted: impl Fn(DocId) -> bool,
        mut each: impl FnMut(DocId, Score),
    ) -> Result<()> {
        let Some(mut block) = self
            .index
            .read_block_postings(self.term, IndexRecordOption::WithFreqs)
            .map_err(index_failed("reading postings"))?
        else {
            return Ok(());
        };
        loop {
            let found = block.docs();
            if found.is_empty() {
                return Ok(());
            }
            for (i, &doc) in found.iter().enumerate() {
                if wanted(doc) {
                    // `freq` is 1 where frequencies are not recorded, as for term queries.
                    each(
                        doc,
                        self.weight
                            .score(self.norms.fieldnorm_id(doc), block.freq(i)),
                    );
                }
            }
            block.advance();
        }
    }

    /// Calls `each(i, score)` for each `docs[i]` (in document order) holding the term,
    /// skipping through the postings to it.
    fn scores_at(&self, docs: &[DocId], mut each: impl FnMut(usize, Score)) -> Result<()> {
        let Some(mut postings) = self
            .index
            .read_postings(self.term, IndexRecordOption::WithFreqs)
            .map_err(index_failed("reading postings"))?
        else {
            return Ok(());
        };
        for (i, &doc) in docs.iter().enumerate() {
            // `seek` only moves forward: postings already past `doc` lack it.
            if postings.doc() <= doc && postings.seek(doc) == doc {
                each(
                    i,
                    self.weight
                        .score(self.norms.fieldnorm_id(doc), postings.term_freq()),
                );
            }
        }
        Ok(())
    }

    /// Every score of the term in the segment, for the memo.
    fn read_all(&self, max_doc: DocId) -> Result<TermScores> {
        let (mut docs, mut scores) = (Vec::new(), Vec::new());
        self.scores_through(
            |_| true,
            |doc, score| {
                docs.push(doc);
                scores.push(score);
            },
        )?;
        Ok(TermScores::new(docs, scores, max_doc))
    }
}

impl Relevance {
    /// The relevance of `terms` (each with its boost), with the searcher's statistics.
    #[cfg(test)]
    pub(super) fn new(searcher: &tantivy::Searcher, terms: &[(Term, Score)]) -> Result<Self> {
        Self::weighted(
            &Statistics {
                searcher,
                memo: None,
            },
            terms,
        )
    }

    /// The relevance of `terms` (each with its boost), with the index's statistics.
    pub(super) fn weighted(statistics: &Statistics<'_>, terms: &[(Term, Score)]) -> Result<Self> {
        let terms = terms
            .iter()
            .map(|(term, boost)| {
                Bm25Weight::for_terms(statistics, std::slice::from_ref(term))
                    .map(|w| (term.clone(), *boost, w.boost_by(*boost)))
            })
            .collect::<tantivy::Result<_>>()
            .map_err(index_failed("weighting the need's words"))?;
        Ok(Self {
            terms,
            memo: None,
            taken: Mutex::default(),
        })
    }

    /// Shares term scores through `memo` (when there is one).
    pub(super) fn remembering(mut self, memo: Option<Arc<Memo>>) -> Self {
        self.memo = memo;
        self
    }

    /// A relevance no document of the segment exceeds, when a memo knows each term's
    /// best score there: those best scores summed in the terms' order. A document's
    /// relevance sums its own scores in that order, each at most the term's best and
    /// none below 0, and rounding to nearest is monotonic, so its sum is at most this
    /// one. `None` without a memo (the bound then counts full marks for the text).
    pub(super) fn cap(&self, reader: &SegmentReader) -> Result<Option<Score>> {
        let Some(remembered) = self.remembered(reader)? else {
            return Ok(None);
        };
        let mut sum: Score = 0.0;
        for all in remembered.iter() {
            sum += all.best();
        }
        Ok(Some(sum))
    }

    /// Each term's scores in the segment from the memo, in order (a term's postings are
    /// opened only the first time it is asked); `None` without a memo.
    fn remembered(&self, reader: &SegmentReader) -> Result<Option<Remembered>> {
        let Some(memo) = self.memo.as_deref() else {
            return Ok(None);
        };
        let segment = reader.segment_id();
        let taken = || self.taken.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some((_, scores)) = taken().iter().find(|(s, _)| *s == segment) {
            return Ok(Some(scores.clone()));
        }
        let each = self.terms.iter().map(|(term, boost, weight)| {
            memo.term_scores(segment, term, *boost, || {
                Self::postings(reader, term, weight)?.read_all(reader.max_doc())
            })
        });
        let scores: Remembered = each.collect::<Result<Vec<_>>>()?.into();
        taken().push((segment, scores.clone()));
        Ok(Some(scores))
    }

    /// Whether there is no term (every relevance is 0).
    pub(super) fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// Each term with its postings and field norms in the segment, in order.
    fn in_segment<'r>(
        &'r self,
        reader: &'r SegmentReader,
    ) -> impl Iterator<Item = Result<TermPostings<'r>>> + 'r {
        self.terms
            .iter()
            .map(move |(term, _, weight)| Self::postings(reader, term, weight))
    }

    /// One weighted term's postings and field norms in the segment.
    fn postings<'r>(
        reader: &SegmentReader,
        term: &'r Term,
        weight: &'r Bm25Weight,
    ) -> Result<TermPostings<'r>> {
        let norms = reader
            .fieldnorms_readers()
            .get_field(term.field())
            .map_err(index_failed("reading field norms"))?
            .unwrap_or_else(|| FieldNormReader::constant(reader.max_doc(), 1));
        Ok(TermPostings {
            weight,
            norms,
            term,
            index: reader
                .inverted_index(term.field())
                .map_err(index_failed("opening the inverted index"))?,
        })
    }

    /// The relevance of the segment's documents in `docs` (0 for the others, and for
    /// those sharing no term).
    pub(super) fn within(&self, reader: &SegmentReader, docs: &[u64]) -> Result<Vec<Score>> {
        let mut scores = vec![0.0; reader.max_doc() as usize];
        let mut add = |doc: DocId, score: Score| {
            if let Some(s) = scores.get_mut(doc as usize) {
                *s += score;
            }
        };
        if let Some(remembered) = self.remembered(reader)? {
            for all in remembered.iter() {
                all.for_each_in(docs, &mut add);
            }
        } else {
            for t in self.in_segment(reader) {
                t?.scores_through(|doc| contains(docs, doc), &mut add)?;
            }
        }
        Ok(scores)
    }

    /// Calls `add(i, score)` for each term score of `docs[i]` (in document order), term
    /// by term in the order of [`Self::within`], skipping through the postings.
    fn seek_each(
        &self,
        reader: &SegmentReader,
        docs: &[DocId],
        mut add: impl FnMut(usize, Score),
    ) -> Result<()> {
        if let Some(remembered) = self.remembered(reader)? {
            for all in remembered.iter() {
                all.for_each_of(docs, &mut add);
            }
            return Ok(());
        }
        for t in self.in_segment(reader) {
            t?.scores_at(docs, &mut add)?;
        }
        Ok(())
    }

    /// The relevance of the documents `docs` (in document order) of the segment:
    /// `out[i]` is that of `docs[i]`, summed in the same order as [`Self::within`].
    fn at(&self, reader: &SegmentReader, docs: &[DocId]) -> Result<Vec<Score>> {
        let mut scores = vec![0.0; docs.len()];
        self.seek_each(reader, docs, |i, score| {
            if let Some(s) = scores.get_mut(i) {
                *s += score;
            }
        })?;
        Ok(scores)
    }

    /// The relevance of one document, summed in the same order as [`Self::within`].
    pub(super) fn of(&self, reader: &SegmentReader, doc: DocId) -> Result<Score> {
        let mut total = 0.0;
        self.seek_each(reader, &[doc], |_, score| total += score)?;
        Ok(total)
    }
}

/// One document's relevance for the words of many needs (the needs an expert or an
/// offer could serve): each word's weight, and the document's score for it, is read
/// once, where [`Relevance::of`] for each need would read them for every need that has
/// the word. The same term scores summed in the same order: the same values, to the bit.
pub(super) struct OneDocument<'r> {
    reader: &'r SegmentReader,
    doc: DocId,
    /// The document's score for each word with each boost it was asked with (as
    /// bits); `None` when it lacks the word.
    scores: HashMap<Term, Vec<(u32, Option<Score>)>>,
}

impl<'r> OneDocument<'r> {
    pub(super) fn new(reader: &'r SegmentReader, doc: DocId) -> Self {
        Self {
            reader,
            doc,
            scores: HashMap::new(),
        }
    }

    /// The document's relevance for `terms` (each with its boost), weighted with
    /// `statistics`: what [`Relevance::weighted`] then [`Relevance::of`] give.
    pub(super) fn relevance(
        &mut self,
        statistics: &Statistics<'_>,
        terms: &[(Term, Score)],
    ) -> Result<Score> {
        let mut total = 0.0;
        for (term, boost) in terms {
            let bits = boost.to_bits();
            let known = self
                .scores
                .get(term)
                .and_then(|by_boost| by_boost.iter().find(|(b, _)| *b == bits))
                .map(|(_, score)| *score);
            let score = match known {
                Some(known) => known,
                None => {
                    let score = self.score_of(statistics, term, *boost)?;
                    self.scores
                        .entry(term.clone())
                        .or_default()
                        .push((bits, score));
                    score
                }
            };
            if let Some(score) = score {
                total += score;
            }
        }
        Ok(total)
    }

    /// The document's score for one word, skipping to it as [`Relevance::seek_each`]
    /// does.
    fn score_of(
        &self,
        statistics: &Statistics<'_>,
        term: &Term,
        boost: Score,
    ) -> Result<Option<Score>> {
        let weight = Bm25Weight::for_terms(statistics, std::slice::from_ref(term))
            .map_err(index_failed("weighting the need's words"))?
            .boost_by(boost);
        let mut found = None;
        Relevance::postings(self.reader, term, &weight)?
            .scores_at(&[self.doc], |_, score| found = Some(score))?;
        Ok(found)
    }
}

/// The relevance of the listed documents of a segment (in document order): `out[i]` is
/// that of `docs[i]`.
pub(super) fn relevance_of_docs(
    reader: &SegmentReader,
    relevance: &Relevance,
    docs: &[DocId],
) -> Result<Vec<Score>> {
    if relevance.is_empty() {
        return Ok(vec![0.0; docs.len()]);
    }
    if docs.len() * SPARSE < reader.max_doc() as usize {
        return relevance.at(reader, docs);
    }
    let mut bits = vec![0; words(reader.max_doc())];
    for &doc in docs {
        insert(&mut bits, doc);
    }
    let all = relevance.within(reader, &bits)?;
    Ok(docs
        .iter()
        .map(|&d| all.get(d as usize).copied().unwrap_or(0.0))
        .collect())
}

/// Below one document in this many, relevance is computed by skipping to each
/// document in every term's postings rather than by reading them through.
const SPARSE: usize = 16;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::bits::full;
    use tantivy::TERMINATED;
    use tantivy::query::{EnableScoring, Query};

    /// Scores as bits, to compare them exactly.
    fn bits(scores: &[Score]) -> Vec<u32> {
        scores.iter().map(|s| s.to_bits()).collect()
    }

    #[test]
    fn one_document_tells_one_word_s_boosts_apart() {
        let (_dir, ws) = crate::test_support::sample_workspace();
        let index = ws.index();
        let searcher = index.reader.searcher();
        let statistics = Statistics {
            searcher: &searcher,
            memo: None,
        };
        let need = ws.needs().unwrap().remove(0);
        let (term, _) = super::super::retrieval::need_terms(index, &need).unwrap()[0].clone();
        let (once, twice) = (vec![(term.clone(), 1.0)], vec![(term.clone(), 2.5)]);
        let mut held = 0;
        for reader in searcher.segment_readers() {
            for doc in 0..reader.max_doc() {
                let mut one = OneDocument::new(reader, doc);
                // The same word asked with one boost, then another: each its own score.
                for terms in [&once, &twice, &once] {
                    let expected = Relevance::new(&searcher, terms)
                        .unwrap()
                        .of(reader, doc)
                        .unwrap();
                    let got = one.relevance(&statistics, terms).unwrap();
                    assert_eq!(got.to_bits(), expected.to_bits(), "{doc} {terms:?}");
                }
                held += usize::from(one.relevance(&statistics, &once).unwrap() > 0.0);
            }
        }
        assert!(held > 0, "no document holds {term:?}");
    }

    #[test]
    fn relevance_is_what_tantivy_scores_for_the_same_terms() {
        use tantivy::query::{BooleanQuery, BoostQuery, Occur, TermQuery};
        let (_dir, ws) = crate::test_support::sample_workspace();
        let index = ws.index();
        let searcher = index.reader.searcher();
        for need in ws.needs().unwrap() {
            let terms = super::super::retrieval::need_terms(index, &need).unwrap();
            let relevance = Relevance::new(&searcher, &terms).unwrap();
            let query = BooleanQuery::new(
                terms
                    .iter()
                    .map(|(term, boost)| {
                        let q = TermQuery::new(term.clone(), IndexRecordOption::WithFreqs);
                        (
                            Occur::Should,
                            Box::new(BoostQuery::new(Box::new(q), *boost)) as Box<dyn Query>,
                        )
                    })
                    .collect(),
            );
            let weight = query
                .weight(EnableScoring::enabled_from_searcher(&searcher))
                .unwrap();
            // The writer makes one segment per indexing thread, so a segment may hold
            // none of the need's matches on a machine with many cores: some must score
            // somewhere.
            let mut scored = false;
            for reader in searcher.segment_readers() {
                let ours = relevance.within(reader, &full(reader.max_doc())).unwrap();
                let mut theirs = vec![0.0; ours.len()];
                let mut scorer = weight.scorer(reader, 1.0).unwrap();
                let mut doc = scorer.doc();
                while doc != TERMINATED {
                    theirs[doc as usize] = scorer.score();
                    doc = scorer.advance();
                }
                scored |= theirs.iter().any(|&s| s > 0.0);
                for (d, (a, b)) in ours.iter().zip(&theirs).enumerate() {
                    // Summed in another order: equal up to rounding.
                    assert!(
                        (a - b).abs() <= 1e-4 * b.max(1.0),
                        "{}: {d}: {a} vs {b}",
                        need.id
                    );
                }
            }
            assert!(scored, "{}", need.id);
        }
    }

    #[test]
    fn skipping_to_documents_gives_the_relevance_reading_through_does() {
        let (_dir, ws) = crate::test_support::sample_workspace();
        let index = ws.index();
        let searcher = index.reader.searcher();
        for need in ws.needs().unwrap() {
            let terms = super::super::retrieval::need_terms(index, &need).unwrap();
            let relevance = Relevance::new(&searcher, &terms).unwrap();
            let mut scored = false;
            for reader in searcher.segment_readers() {
                let every: Vec<DocId> = (0..reader.max_doc()).collect();
                let through = relevance.within(reader, &full(reader.max_doc())).unwrap();
                scored |= through.iter().any(|&s| s > 0.0);
                assert_eq!(bits(&relevance.at(reader, &every).unwrap()), bits(&through));
                // Some documents only: theirs, to the bit, whichever way they are read.
                let odd: Vec<DocId> = every.iter().copied().filter(|d| d % 2 == 1).collect();
                let expected: Vec<Score> = odd.iter().map(|&d| through[d as usize]).collect();
                assert_eq!(bits(&relevance.at(reader, &odd).unwrap()), bits(&expected));
                assert_eq!(
                    bits(&relevance_of_docs(reader, &relevance, &odd).unwrap()),
                    bits(&expected)
                );
                let mut odd_bits = vec![0; words(reader.max_doc())];
                odd.iter().for_each(|&d| insert(&mut odd_bits, d));
                let within = relevance.within(reader, &odd_bits).unwrap();
                for (d, s) in within.iter().enumerate() {
                    let wanted = if d % 2 == 1 { through[d] } else { 0.0 };
                    assert_eq!(s.to_bits(), wanted.to_bits(), "document {d}");
                }
            }
            assert!(scored, "{}", need.id);
        }
    }

    #[test]
    fn no_document_s_relevance_exceeds_the_text_cap() {
        let (_dir, ws) = crate::test_support::sample_workspace();
        let index = ws.index();
        let searcher = index.reader.searcher();
        let needs = ws.needs().unwrap();
        // Without a memo, no cap is known.
        let terms = super::super::retrieval::need_terms(index, &needs[0]).unwrap();
        let reader = &searcher.segment_readers()[0];
        assert!(
            Relevance::new(&searcher, &terms)
                .unwrap()
                .cap(reader)
                .unwrap()
                .is_none()
        );
        let _shared = index.prepare_for_many_queries().unwrap();
        let memo = index.cache.memo(&searcher);
        let (mut summed, mut checked) = (0, 0);
        for need in &needs {
            let terms = super::super::retrieval::need_terms(index, need).unwrap();
            let relevance = Relevance::new(&searcher, &terms)
                .unwrap()
                .remembering(memo.clone());
            for reader in searcher.segment_readers() {
                let cap = relevance.cap(reader).unwrap().unwrap();
                let all = full(reader.max_doc());
                let scores = relevance.within(reader, &all).unwrap();
                for (doc, score) in scores.iter().enumerate() {
                    assert!(*score <= cap, "{} doc {doc}: {score} > {cap}", need.id);
                    checked += usize::from(*score > 0.0);
                }
                // The cap is each term's best score in the segment, summed in order.
                let mut bests: Score = 0.0;
                for one in &terms {
                    let alone = Relevance::new(&searcher, std::slice::from_ref(one)).unwrap();
                    let scores = alone.within(reader, &all).unwrap();
                    bests += scores.into_iter().fold(0.0, Score::max);
                }
                assert_eq!(cap.to_bits(), bests.to_bits(), "{}", need.id);
                summed += 1;
            }
        }
        assert!(checked > 100, "{checked}");
        assert!(summed > 1);
    }

    #[test]
    fn term_scores_shared_by_a_batch_give_the_relevance_read_from_the_postings() {
        let (_dir, ws) = crate::test_support::sample_workspace();
        let index = ws.index();
        let searcher = index.reader.searcher();
        let shared = index.prepare_for_many_queries().unwrap();
        let memo = index.cache.memo(&searcher);
        assert!(memo.is_some());
        for need in ws.needs().unwrap() {
            let terms = super::super::retrieval::need_terms(index, &need).unwrap();
            let read = Relevance::new(&searcher, &terms).unwrap();
            // Twice: the first reads each term into the memo, the second finds it there.
            for round in 0..2 {
                let remembered = Relevance::new(&searcher, &terms)
                    .unwrap()
                    .remembering(memo.clone());
                for reader in searcher.segment_readers() {
                    let all = full(reader.max_doc());
                    let through = read.within(reader, &all).unwrap();
                    let every: Vec<DocId> = (0..reader.max_doc()).collect();
                    let some: Vec<DocId> = every.iter().copied().filter(|d| d % 3 == 1).collect();
                    let mut some_bits = vec![0; words(reader.max_doc())];
                    some.iter().for_each(|&d| insert(&mut some_bits, d));
                    let what = format!("{} round {round}", need.id);
                    assert_eq!(
                        bits(&remembered.within(reader, &all).unwrap()),
                        bits(&through),
                        "{what}"
                    );
                    assert_eq!(
                        bits(&remembered.within(reader, &some_bits).unwrap()),
                        bits(&read.within(reader, &some_bits).unwrap()),
                        "{what}"
                    );
                    assert_eq!(
                        bits(&remembered.at(reader, &some).unwrap()),
                        bits(&read.at(reader, &some).unwrap()),
                        "{what}"
                    );
                    for &d in some.iter().take(20) {
                        assert_eq!(
                            remembered.of(reader, d).unwrap().to_bits(),
                            read.of(reader, d).unwrap().to_bits(),
                            "{what}: document {d}"
                        );
                    }
                }
            }
        }
        drop(shared);
        assert!(
            index.cache.memo(&searcher).is_none(),
            "freed with the guard"
        );
    }

    #[test]
    fn statistics_kept_by_a_batch_are_the_searchers() {
        use tantivy::query::Bm25StatisticsProvider;
        let (_dir, ws) = crate::test_support::sample_workspace();
        let index = ws.index();
        let searcher = index.reader.searcher();
        let _shared = index.prepare_for_many_queries().unwrap();
        let memo = index.cache.memo(&searcher).unwrap();
        let kept = Statistics {
            searcher: &searcher,
            memo: Some(&memo),
        };
        let need = &ws.needs().unwrap()[0];
        let terms = super::super::retrieval::need_terms(index, need).unwrap();
        assert!(!terms.is_empty());
        // Twice: the first asks the searcher and keeps the answer, the second finds it.
        for _ in 0..2 {
            for (term, _) in &terms {
                assert_eq!(
                    kept.doc_freq(term).unwrap(),
                    searcher.doc_freq(term).unwrap()
                );
                assert_eq!(
                    kept.total_num_tokens(term.field()).unwrap(),
                    searcher.total_num_tokens(term.field()).unwrap()
                );
            }
            assert_eq!(
                kept.total_num_docs().unwrap(),
                searcher.total_num_docs().unwrap()
            );
        }
        // Weighted with kept statistics, the relevance is the same to the bit.
        let plain = Relevance::new(&searcher, &terms).unwrap();
        let shared = Relevance::weighted(&kept, &terms).unwrap();
        for reader in searcher.segment_readers() {
            let all = full(reader.max_doc());
            assert_eq!(
                bits(&plain.within(reader, &all).unwrap()),
                bits(&shared.within(reader, &all).unwrap())
            );
        }
    }
}
