//! Candidate retrieval for a need: its pre-filter as clauses over index terms (one per
//! kind of candidate it can take), its rarest words as the text relevance, run by the
//! [scan](super::scan). Documents that pass the filter but share no word with the need
//! are returned too, with relevance 0.

use std::cell::RefCell;
use std::collections::{BTreeSet, HashMap};
use std::ops::Bound;
use std::sync::Arc;

use explor_engine::retrieval::candidate_order;
use explor_engine::schema::MISSION_DAYS;
use explor_engine::{Candidate, CandidateKind, CandidateSource, DateWindow, Need, NeedKind};
use tantivy::query::{Bm25StatisticsProvider, RangeQuery};
use tantivy::schema::Term;
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{DocId, Score, Searcher, SegmentReader};

use super::SearchIndex;
use super::memo::{Memo, Statistics};
use super::relevance::{OneDocument, Relevance};
use super::scan::{Clause, IdTable, Part, Prefilter, live_docs, scan, term_postings};
use super::schema::{self, ANY_COUNTRY, Fields, analyse, language_term, weeks};
use crate::error::{Error, Result, index_failed};

/// Weight of a word found in the skills, relative to the bio or description.
pub(super) const SKILLS_BOOST: f32 = 2.0;
/// The rarest words of a need that rank its candidates.
const NEED_TERMS: usize = 24;

/// Accepts missions of `days` days: one `fits_days` term for the programme's lengths,
/// a range over `max_days` for any other.
fn accepts_days(f: &Fields, days: u32) -> Clause {
    if MISSION_DAYS.contains(&u64::from(days)) {
        Clause::has(Term::from_field_text(f.fits_days, &days.to_string()))
    } else {
        Clause::AnyOf(vec![Part::Query(Box::new(RangeQuery::new(
            Bound::Included(Term::from_field_u64(f.max_days, u64::from(days))),
            Bound::Unbounded,
        )))])
    }
}

/// Available in one of the ISO weeks of `w`: every window that overlaps `w` is, so
/// this can only let more through.
fn available_in(f: &Fields, w: &DateWindow) -> Clause {
    Clause::AnyOf(
        weeks(w)
            .iter()
            .map(|week| Part::Term(Term::from_field_text(f.weeks, week)))
            .collect(),
    )
}

/// [`need_terms_with`] the searcher's statistics.
#[cfg(test)]
pub(super) fn need_terms(index: &SearchIndex, need: &Need) -> Result<Vec<(Term, Score)>> {
    let searcher = index.reader.searcher();
    let statistics = Statistics {
        searcher: &searcher,
        memo: None,
    };
    need_terms_with(index, &statistics, need)
}

thread_local! {
    /// The French analyzer (the one every index registers) of the need texts a thread
    /// reads, kept from need to need so that it remembers the stems of their words:
    /// needs share most of them.
    static NEED_ANALYZER: RefCell<Option<TextAnalyzer>> = const { RefCell::new(None) };
}

/// Ranking terms for a need, with their boosts: its rarest words in the index (the ones
/// that tell profiles apart), in the French text and skills fields. Common words add
/// little to BM25 but cost a posting list each.
fn need_terms_with(
    index: &SearchIndex,
    statistics: &Statistics<'_>,
    need: &Need,
) -> Result<Vec<(Term, Score)>> {
    let f = &index.fields;
    let mut words = BTreeSet::new();
    NEED_ANALYZER.with_borrow_mut(|kept| {
        analyse(
            kept.get_or_insert_with(schema::french),
            &need_text(need),
            &mut words,
        );
    });
    let mut rated: Vec<(u64, String)> = Vec::with_capacity(words.len());
    for word in words {
        let df = statistics
            .word_freq(&word, || {
                Ok(statistics.doc_freq(&Term::from_field_text(f.text, &word))?
                    + statistics.doc_freq(&Term::from_field_text(f.skills, &word))?)
            })
            .map_err(index_failed("counting a word's documents"))?;
        if df > 0 {
            rated.push((df, word));
        }
    }
    rated.sort();
    Ok(rated
        .iter()
        .take(NEED_TERMS)
        .flat_map(|(_, w)| {
            [
                (Term::from_field_text(f.text, w), 1.0),
                (Term::from_field_text(f.skills, w), SKILLS_BOOST),
            ]
        })
        .collect())
}

fn need_text(need: &Need) -> String {
    format!(
        "{}\n{}\n{}",
        need.title,
        need.description,
        need.skills.join(". ")
    )
}

impl SearchIndex {
    /// The text relevance of a need's rarest words; while a batch runs, the statistics
    /// and term scores it reads are shared with the other needs (see
    /// [`ManyQueries`](super::ManyQueries)).
    pub(super) fn need_relevance(&self, searcher: &Searcher, need: &Need) -> Result<Relevance> {
        let memo = self.cache.memo(searcher);
        let statistics = Statistics {
            searcher,
            memo: memo.as_deref(),
        };
        let terms = need_terms_with(self, &statistics, need)?;
        Ok(Relevance::weighted(&statistics, &terms)?.remembering(memo))
    }

    fn expert_filters(&self, need: &Need) -> Prefilter {
        let f = &self.fields;
        let text = Term::from_field_text;
        let mut c = vec![Clause::has(text(f.kind, "expert"))];
        for l in &need.languages {
            c.push(Clause::has(text(
                f.lang,
                &language_term(l.code.as_str(), l.level),
            )));
        }
        c.push(Clause::lacks(text(f.consent, "refused")));
        c.push(available_in(f, &need.window));
        c.push(accepts_days(f, need.duration_days));
        match need.kind {
            NeedKind::Standard => c.push(Clause::has(text(f.home_country, "FR"))),
            NeedKind::Reciprocity => {
                c.push(Clause::lacks(text(f.home_country, "FR")));
                if let Some(origin) = need.expert_origin {
                    c.push(Clause::has(text(f.home_country, origin.as_str())));
                }
            }
        }
        Prefilter { clauses: c }
    }

    fn offer_filters(&self, need: &Need) -> Prefilter {
        let f = &self.fields;
        let text = Term::from_field_text;
        let mut c = vec![Clause::has(text(f.kind, "offer"))];
        for l in &need.languages {
            c.push(Clause::has(text(
                f.lang,
                &language_term(l.code.as_str(), l.level),
            )));
        }
        c.push(available_in(f, &need.window));
        c.push(accepts_days(f, need.duration_days));
        c.push(Clause::AnyOf(vec![
            Part::Term(text(f.countries, need.country.as_str())),
            Part::Term(text(f.countries, ANY_COUNTRY)),
        ]));
        Prefilter { clauses: c }
    }

    /// The pre-filters of a need, one per kind of candidate it can take.
    pub(super) fn prefilters(&self, need: &Need) -> Vec<(Prefilter, CandidateKind)> {
        let mut runs = vec![(self.expert_filters(need), CandidateKind::Expert)];
        if need.kind == NeedKind::Standard {
            runs.push((self.offer_filters(need), CandidateKind::Offer));
        }
        runs
    }
}

impl SearchIndex {
    /// Text relevance of the need against every document that shares a word with it, by id.
    pub fn relevance_all(&self, need: &Need) -> Result<HashMap<String, f32>> {
        let searcher = self.reader.searcher();
        let relevance = self.need_relevance(&searcher, need)?;
        if relevance.is_empty() {
            return Ok(Default::default());
        }
        let mut out = HashMap::new();
        let mut ranked = Vec::new();
        let ids = self.scan_ids(
            &searcher,
            &[Prefilter::default()],
            &relevance,
            |_, rank, r| {
                // Every term score is positive: 0 is "no word in common".
                if r > 0.0 {
                    ranked.push((rank, r));
                }
            },
        )?;
        for (rank, r) in ranked {
            if let Some(id) = ids.id(rank) {
                out.insert(id.to_owned(), r);
            }
        }
        Ok(out)
    }

    /// Every live document passing `filters[i]`, as `each(i, rank of its id,
    /// relevance)`, segment by segment; returns the id table the ranks refer to.
    fn scan_ids(
        &self,
        searcher: &Searcher,
        filters: &[Prefilter],
        relevance: &Relevance,
        mut each: impl FnMut(usize, u32, Score),
    ) -> Result<Arc<IdTable>> {
        let ids = self.cache.ids(searcher)?;
        for reader in searcher.segment_readers() {
            let ranks = ids.ranks(reader.segment_id());
            scan(
                &self.cache,
                searcher,
                reader,
                filters,
                relevance,
                |i, doc, r| {
                    if let Some(&rank) = ranks.get(doc as usize) {
                        each(i, rank, r);
                    }
                },
            )?;
        }
        Ok(ids)
    }

    /// Text relevance of the need against one document (0 when they share no word).
    pub fn relevance_of(&self, need: &Need, id: &str) -> Result<f32> {
        let searcher = self.reader.searcher();
        let relevance = self.need_relevance(&searcher, need)?;
        match self.live_doc(&searcher, id)? {
            Some((reader, doc)) => relevance.of(reader, doc),
            None => Ok(0.0),
        }
    }

    /// [`Self::relevance_of`] each need against one document, in the needs' order: the
    /// words' statistics, and the document's score for each word, read once for all the
    /// needs (the needs an expert or an offer could serve share most of their words).
    pub fn relevance_of_each(&self, needs: &[&Need], id: &str) -> Result<Vec<f32>> {
        let searcher = self.reader.searcher();
        let Some((reader, doc)) = self.live_doc(&searcher, id)? else {
            return Ok(vec![0.0; needs.len()]);
        };
        let memo = Memo::new(searcher.generation().generation_id());
        let statistics = Statistics {
            searcher: &searcher,
            memo: Some(&memo),
        };
        let mut one = OneDocument::new(reader, doc);
        needs
            .iter()
            .map(|need| one.relevance(&statistics, &need_terms_with(self, &statistics, need)?))
            .collect()
    }

    /// The live document of `id`, and its segment.
    fn live_doc<'s>(
        &self,
        searcher: &'s Searcher,
        id: &str,
    ) -> Result<Option<(&'s SegmentReader, DocId)>> {
        let term = Term::from_field_text(self.fields.id, id);
        for reader in searcher.segment_readers() {
            if let Some(postings) = term_postings(reader, &term)?
                && let Some(doc) = live_docs(reader, postings).next()
            {
                return Ok(Some((reader, doc)));
            }
        }
        Ok(None)
    }
}

impl SearchIndex {
    /// Reads what many queries in a row share (the table of ids), so that a batch's
    /// queries take their candidates' ids from memory; while the guard returned lives,
    /// queries also share each term's scores and each need's value levels (see
    /// [`ManyQueries`](crate::ManyQueries)).
    pub fn prepare_for_many_queries(&self) -> Result<super::ManyQueries<'_>> {
        let searcher = self.reader.searcher();
        self.cache.ids(&searcher)?;
        Ok(super::ManyQueries::new(
            &self.cache.memo,
            searcher.generation().generation_id(),
        ))
    }
}

impl CandidateSource for SearchIndex {
    type Error = Error;

    fn candidates(&self, need: &Need) -> Result<Vec<Candidate>> {
        self.retrieve(need, None)
    }
}

impl SearchIndex {
    /// The first `k` of [`CandidateSource::candidates`], exactly, without reading the
    /// ids of all the others.
    pub fn most_relevant(&self, need: &Need, k: usize) -> Result<Vec<Candidate>> {
        self.retrieve(need, Some(k.max(1)))
    }

    fn retrieve(&self, need: &Need, limit: Option<usize>) -> Result<Vec<Candidate>> {
        let searcher = self.reader.searcher();
        let relevance = self.need_relevance(&searcher, need)?;
        let (filters, kinds): (Vec<Prefilter>, Vec<CandidateKind>) =
            self.prefilters(need).into_iter().unzip();
        let mut found: Vec<u64> = Vec::new();
        let ids = self.scan_ids(&searcher, &filters, &relevance, |i, rank, r| {
            found.extend(kinds.get(i).and_then(|&kind| order_key(r, kind, rank)));
        })?;
        if let Some(limit) = limit
            && found.len() > limit
        {
            found.select_nth_unstable(limit);
            found.truncate(limit);
        }
        found.sort_unstable();
        let out: Vec<Candidate> = found
            .into_iter()
            .filter_map(|key| {
                let (relevance, kind, rank) = from_order_key(key);
                Some(Candidate {
                    id: ids.id(rank)?.to_owned(),
                    kind,
                    relevance,
                })
            })
            .collect();
        debug_assert!(out.is_sorted_by(|a, b| candidate_order(a, b).is_le()));
        Ok(out)
    }
}

/// A candidate as one number whose order is [`candidate_order`]: relevance (highest
/// first), then kind, then the rank of its id in id order (below 2^31; `None` above).
fn order_key(relevance: Score, kind: CandidateKind, rank: u32) -> Option<u64> {
    if rank >= 1 << 31 {
        return None;
    }
    let bits = relevance.to_bits();
    // Flipping the sign bit (or every bit of a negative number) orders floats as
    // unsigned integers, as `total_cmp` does; the complement puts the highest first.
    let ascending = if bits >> 31 == 1 {
        !bits
    } else {
        bits | 1 << 31
    };
    let kind = match kind {
        CandidateKind::Expert => 0,
        CandidateKind::Offer => 1,
    };
    Some(u64::from(!ascending) << 32 | kind << 31 | u64::from(rank))
}

/// Relevance, kind and id rank back from an [`order_key`].
fn from_order_key(key: u64) -> (Score, CandidateKind, u32) {
    let ascending = !((key >> 32) as u32);
    let bits = if ascending >> 31 == 1 {
        ascending & !(1 << 31)
    } else {
        !ascending
    };
    let kind = if key >> 31 & 1 == 0 {
        CandidateKind::Expert
    } else {
        CandidateKind::Offer
    };
    (f32::from_bits(bits), kind, (key & 0x7fff_ffff) as u32)
}

#[cfg(test)]
mod order_tests {
    use super::*;

    #[test]
    fn order_keys_sort_as_candidate_order_and_decode() {
        let relevances = [0.0, -0.0, 1.5, 1.5000001, 12.0, f32::MIN_POSITIVE, 3.25];
        let mut candidates = Vec::new();
        for (i, r) in relevances.iter().enumerate() {
            for kind in [CandidateKind::Offer, CandidateKind::Expert] {
                for rank in [7u32, 0, (1 << 31) - 1] {
                    candidates.push((*r, kind, rank ^ (i as u32 % 2)));
                }
            }
        }
        let as_candidate = |(relevance, kind, rank): (Score, CandidateKind, u32)| Candidate {
            // Zero-padded, so that id order is rank order.
            id: format!("{rank:010}"),
            kind,
            relevance,
        };
        let mut keys: Vec<u64> = candidates
            .iter()
            .map(|&(r, k, n)| order_key(r, k, n).unwrap())
            .collect();
        keys.sort_unstable();
        let decoded: Vec<Candidate> = keys
            .iter()
            .map(|&k| as_candidate(from_order_key(k)))
            .collect();
        let mut expected: Vec<Candidate> = candidates.into_iter().map(as_candidate).collect();
        expected.sort_by(candidate_order);
        assert_eq!(decoded.len(), expected.len());
        for (d, e) in decoded.iter().zip(&expected) {
            assert_eq!(
                (d.relevance.to_bits(), d.kind, &d.id),
                (e.relevance.to_bits(), e.kind, &e.id)
            );
        }
        assert_eq!(order_key(1.0, CandidateKind::Expert, 1 << 31), None);
    }
}
