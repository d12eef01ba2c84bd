//! Queries: candidate retrieval for a need, and the coordinator's free search.
//!
//! A need's candidates come from the [scan](super::scan): its pre-filter as clauses over
//! index terms, its rarest words as the text relevance. Documents that pass the filter
//! but share no word with the need are returned too, with relevance 0.
//!
//! The coordinator's search is an ordinary tantivy query: filters wrapped in
//! [`ConstScoreQuery`] with score 0, so that only the text clauses rank.

use std::collections::BTreeSet;
use std::ops::Bound;
use std::sync::Arc;

use explor_engine::retrieval::candidate_order;
use explor_engine::schema::MISSION_DAYS;
use explor_engine::scoring::ScoreBound;
use explor_engine::{
    Candidate, CandidateKind, CandidateSource, CountryCode, DateWindow, LanguageLevel, Need,
    NeedKind,
};
use tantivy::collector::TopDocs;
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, Occur, Query, RangeQuery, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption, Term};
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{DocId, DocSet, Score, Searcher, SegmentOrdinal, SegmentReader, TERMINATED};

use super::SearchIndex;
use super::bits::{for_each_doc, split};
use super::bound::{BestBounded, BoundTables, Kept, SegmentTables};
use super::relevance::{Relevance, relevance_of_docs};
use super::scan::{Clause, IdTable, Part, Prefilter, passing, scan};
use super::schema::{self, ANY_COUNTRY, Fields, language_term, theme_facet, weeks};
use crate::error::{Error, InternalError, Result, index_failed};

/// Weight of a word found in the skills, relative to the bio or description.
const SKILLS_BOOST: f32 = 2.0;
/// Weight of the English analysis of the same text.
const ENGLISH_BOOST: f32 = 0.3;
/// Weight of a word found in a name (coordinator search only).
const NAME_BOOST: f32 = 1.5;
/// At most this many distinct words of a coordinator's query are used.
const MAX_TERMS: usize = 64;
/// The rarest words of a need that rank its candidates.
const NEED_TERMS: usize = 24;
/// In a bounded search for `k` candidates, the first batch of relevance computed is for
/// this many times `k` documents per kind; each next batch is four times larger.
const FIRST_SCORED: usize = 2;

/// A coordinator's search.
#[derive(Debug, Clone, Default)]
pub struct SearchQuery {
    /// Free text (any language; analysed in French and English).
    pub text: String,
    /// Theme key; its children match too.
    pub theme: Option<String>,
    /// Languages required at least at these levels.
    pub languages: Vec<LanguageLevel>,
    /// Country of experience (experts) or accepted country (offers).
    pub country: Option<CountryCode>,
    /// Available at some point in this window.
    pub available: Option<DateWindow>,
    /// Experts only, or offers only.
    pub kind: Option<CandidateKind>,
    /// How many hits.
    pub top: usize,
}

/// One search result.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Hit {
    /// Record id.
    pub id: String,
    /// Expert or offer.
    pub kind: CandidateKind,
    /// Relevance.
    pub score: f32,
}

type Clauses = Vec<(Occur, Box<dyn Query>)>;

fn filter(q: impl Query + 'static) -> (Occur, Box<dyn Query>) {
    (
        Occur::Must,
        Box::new(ConstScoreQuery::new(Box::new(q), 0.0)),
    )
}

fn term(field: Field, text: &str) -> TermQuery {
    TermQuery::new(Term::from_field_text(field, text), IndexRecordOption::Basic)
}

fn kind_word(kind: CandidateKind) -> &'static str {
    match kind {
        CandidateKind::Expert => "expert",
        CandidateKind::Offer => "offer",
    }
}

/// Documents with some availability window sharing an ISO week with `w`: every window
/// that overlaps `w` does, so this can only let more through.
fn overlapping(f: &Fields, w: &DateWindow) -> (Occur, Box<dyn Query>) {
    let any: Clauses = weeks(w)
        .iter()
        .map(|week| {
            (
                Occur::Should,
                Box::new(term(f.weeks, week)) as Box<dyn Query>,
            )
        })
        .collect();
    filter(BooleanQuery::new(any))
}

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

fn analyse(analyzer: &mut TextAnalyzer, text: &str, into: &mut BTreeSet<String>) {
    let mut stream = analyzer.token_stream(text);
    while stream.advance() {
        into.insert(stream.token().text.clone());
    }
}

fn analyzer(index: &SearchIndex, name: &str) -> Result<TextAnalyzer> {
    index.index.tokenizers().get(name).ok_or_else(|| {
        Error::Internal(InternalError::IndexShape(format!(
            "analyzer {name} is not registered"
        )))
    })
}

fn should(field: Field, word: &str, boost: f32) -> (Occur, Box<dyn Query>) {
    let q = TermQuery::new(
        Term::from_field_text(field, word),
        IndexRecordOption::WithFreqs,
    );
    (Occur::Should, Box::new(BoostQuery::new(Box::new(q), boost)))
}

/// Ranking clauses for a coordinator's free text: every distinct word, in every text
/// field (French and English analyses, names) with its weight.
fn text_clauses(index: &SearchIndex, text: &str, with_names: bool) -> Result<Clauses> {
    let f = &index.fields;
    let mut clauses: Clauses = Vec::new();
    let mut fields: Vec<(Field, &str, f32)> = vec![
        (f.text, schema::FRENCH, 1.0),
        (f.skills, schema::FRENCH, SKILLS_BOOST),
        (f.text_en, schema::ENGLISH, ENGLISH_BOOST),
    ];
    if with_names {
        fields.push((f.name, schema::NAME, NAME_BOOST));
    }
    for (field, analyzer_name, boost) in fields {
        let mut words = BTreeSet::new();
        analyse(&mut analyzer(index, analyzer_name)?, text, &mut words);
        clauses.extend(
            words
                .iter()
                .take(MAX_TERMS)
                .map(|w| should(field, w, boost)),
        );
    }
    Ok(clauses)
}

/// Ranking terms for a need, with their boosts: its rarest words in the index (the ones
/// that tell profiles apart), in the French text and skills fields. Common words add
/// little to BM25 but cost a posting list each.
pub(super) fn need_terms(index: &SearchIndex, need: &Need) -> Result<Vec<(Term, Score)>> {
    let f = &index.fields;
    let mut words = BTreeSet::new();
    analyse(
        &mut analyzer(index, schema::FRENCH)?,
        &need_text(need),
        &mut words,
    );
    let searcher = index.reader.searcher();
    let mut rated: Vec<(u64, String)> = Vec::with_capacity(words.len());
    for word in words {
        let df = searcher
            .doc_freq(&Term::from_field_text(f.text, &word))
            .map_err(index_failed("counting a word's documents"))?
            + searcher
                .doc_freq(&Term::from_field_text(f.skills, &word))
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
    fn prefilters(&self, need: &Need) -> Vec<(Prefilter, CandidateKind)> {
        let mut runs = vec![(self.expert_filters(need), CandidateKind::Expert)];
        if need.kind == NeedKind::Standard {
            runs.push((self.offer_filters(need), CandidateKind::Offer));
        }
        runs
    }

    /// Runs a coordinator's search.
    pub fn search(&self, q: &SearchQuery) -> Result<Vec<Hit>> {
        let f = &self.fields;
        let mut clauses: Clauses = Vec::new();
        if let Some(kind) = q.kind {
            clauses.push(filter(term(f.kind, kind_word(kind))));
        }
        if let Some(theme) = &q.theme {
            let facet = theme_facet(self.taxonomy, theme);
            clauses.push(filter(TermQuery::new(
                Term::from_facet(f.themes, &facet),
                IndexRecordOption::Basic,
            )));
        }
        for l in &q.languages {
            clauses.push(filter(term(
                f.lang,
                &language_term(l.code.as_str(), l.level),
            )));
        }
        if let Some(country) = q.country {
            let any: Clauses = vec![
                (Occur::Should, Box::new(term(f.countries, country.as_str()))),
                (Occur::Should, Box::new(term(f.countries, ANY_COUNTRY))),
            ];
            clauses.push(filter(BooleanQuery::new(any)));
        }
        if let Some(w) = &q.available {
            clauses.push(overlapping(f, w));
        }
        let text = text_clauses(self, &q.text, true)?;
        let has_text = !text.is_empty();
        if has_text {
            // At least one word must match: the text clauses are grouped as one required clause.
            clauses.push((Occur::Must, Box::new(BooleanQuery::new(text))));
        } else {
            clauses.push((Occur::Must, Box::new(AllQuery)));
        }
        let query = BooleanQuery::new(clauses);
        let searcher = self.reader.searcher();
        let top = searcher
            .search(&query, &TopDocs::with_limit(q.top.max(1)).order_by_score())
            .map_err(index_failed("running a search"))?;
        let mut hits = Vec::with_capacity(top.len());
        for (score, address) in top {
            let segment = searcher.segment_reader(address.segment_ord);
            let id = read_text(segment, "id", address.doc_id)?;
            let kind = match read_text(segment, "kind", address.doc_id)?.as_str() {
                "offer" => CandidateKind::Offer,
                _ => CandidateKind::Expert,
            };
            hits.push(Hit { id, kind, score });
        }
        hits.sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| a.id.cmp(&b.id)));
        Ok(hits)
    }
}

impl SearchIndex {
    /// Text relevance of the need against every document that shares a word with it, by id.
    pub fn relevance_all(&self, need: &Need) -> Result<std::collections::HashMap<String, f32>> {
        let searcher = self.reader.searcher();
        let relevance = Relevance::new(&searcher, &need_terms(self, need)?)?;
        if relevance.is_empty() {
            return Ok(Default::default());
        }
        let mut out = std::collections::HashMap::new();
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
        let relevance = Relevance::new(&searcher, &need_terms(self, need)?)?;
        let term = Term::from_field_text(self.fields.id, id);
        for reader in searcher.segment_readers() {
            let postings = reader
                .inverted_index(self.fields.id)
                .map_err(index_failed("opening the inverted index"))?
                .read_postings(&term, IndexRecordOption::Basic)
                .map_err(index_failed("reading postings"))?;
            let Some(mut postings) = postings else {
                continue;
            };
            let alive = reader.alive_bitset();
            let mut doc = postings.doc();
            while doc != TERMINATED {
                if alive.is_none_or(|a| a.is_alive(doc)) {
                    return relevance.of(reader, doc);
                }
                doc = postings.advance();
            }
        }
        Ok(0.0)
    }
}

/// Candidates ranked by their score bound, and the highest bound left behind.
#[derive(Debug, Clone)]
pub struct Bounded {
    /// Candidates with their bound, highest first.
    pub candidates: Vec<(Candidate, f64)>,
    /// The highest bound any candidate not returned could have; `None` when every one
    /// that passes the pre-filter was returned.
    pub frontier: Option<f64>,
}

impl SearchIndex {
    /// The `k` experts and `k` offers with the highest score bound for `need`, among those
    /// that pass the pre-filter. The bound is computed per document from values decoded
    /// once per segment and from the text relevance, in two passes (bounds without text
    /// first; relevance only where it can matter, best first, in batches), so the
    /// thousands of candidates of a broad need are never materialised. Each segment
    /// starts from the bound the best of the earlier ones reach.
    pub fn best_candidates(&self, need: &Need, bound: &ScoreBound, k: usize) -> Result<Bounded> {
        let searcher = self.reader.searcher();
        let relevance = Relevance::new(&searcher, &need_terms(self, need)?)?;
        let tables = BoundTables::new(bound, self.taxonomy);
        let runs = self.prefilters(need);
        let theme_term = Term::from_facet(
            self.fields.themes,
            &schema::theme_facet(self.taxonomy, need.theme.as_str()),
        );
        // Per kind, the best of the segments seen so far, and the bound their k-th
        // reaches: later segments drop at once the documents below it.
        let mut kept: Vec<(Vec<Kept>, f64)> = runs
            .iter()
            .map(|_| (Vec::new(), f64::NEG_INFINITY))
            .collect();
        for (ord, reader) in searcher.segment_readers().iter().enumerate() {
            let ord = SegmentOrdinal::try_from(ord).map_err(|_| {
                Error::Internal(InternalError::IndexShape("too many segments".into()))
            })?;
            let values = SegmentTables::new(self.cache.profiles(&searcher, reader)?, &tables);
            // Documents of the need's theme (or below it) have the highest bounds: screened
            // first, they raise the floor early, and most others are dropped at once.
            let in_theme = self.cache.term_bits(&searcher, reader, &theme_term)?;
            let mut best = Vec::with_capacity(runs.len());
            for ((filter, _), (_, reached)) in runs.iter().zip(&kept) {
                let mut b = BestBounded::new(k, &values, ord, *reached);
                let pass = passing(&self.cache, &searcher, reader, filter)?;
                let (first, then) = split(&pass, &in_theme);
                for_each_doc(&first, |doc| b.screen(doc));
                for_each_doc(&then, |doc| b.screen(doc));
                best.push(b);
            }
            // Relevance for every kind at once, a batch at a time: each batch's exact
            // bounds raise the floor the next one is drawn above.
            let mut most = k.max(1) * FIRST_SCORED;
            loop {
                let mut docs: Vec<DocId> = Vec::new();
                for b in &mut best {
                    docs.extend(b.hand_out(most));
                }
                if docs.is_empty() {
                    break;
                }
                docs.sort_unstable();
                docs.dedup();
                let scores = relevance_of_docs(reader, &relevance, &docs)?;
                for b in &mut best {
                    b.take_scores(&docs, &scores);
                }
                most = most.saturating_mul(4);
            }
            for (b, (so_far, reached)) in best.into_iter().zip(&mut kept) {
                let mut all = std::mem::take(so_far);
                all.extend(b.finish());
                (*so_far, *reached) = BestBounded::merge(all, k);
            }
        }
        // Reading a few ids from the dictionary is cheaper than reading the table, but
        // when a batch has read it, it is there.
        let id_table = self.cache.cached_ids(&searcher);
        let mut out = Vec::new();
        let mut frontier: Option<f64> = None;
        for ((_, kind), (top, reached)) in runs.iter().zip(kept) {
            if reached > f64::NEG_INFINITY {
                frontier = Some(frontier.map_or(reached, |f: f64| f.max(reached)));
            }
            for kept in top {
                let segment = searcher.segment_reader(kept.doc.segment_ord);
                let cached = id_table
                    .as_ref()
                    .and_then(|t| t.id_of(segment.segment_id(), kept.doc.doc_id));
                let id = match cached {
                    Some(id) => id.to_owned(),
                    None => read_text(segment, "id", kept.doc.doc_id)?,
                };
                out.push((
                    Candidate {
                        id,
                        kind: *kind,
                        relevance: kept.relevance,
                    },
                    kept.bound,
                ));
            }
        }
        out.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.id.cmp(&b.0.id)));
        Ok(Bounded {
            candidates: out,
            frontier,
        })
    }
}

impl SearchIndex {
    /// Reads what many queries in a row share (the table of ids), so that a batch's
    /// queries take their candidates' ids from memory.
    pub fn prepare_for_many_queries(&self) -> Result<()> {
        self.cache.ids(&self.reader.searcher()).map(drop)
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
        let relevance = Relevance::new(&searcher, &need_terms(self, need)?)?;
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

/// The text of a single-valued fast text field of a document.
fn read_text(segment: &SegmentReader, field: &str, doc: DocId) -> Result<String> {
    let column = segment
        .fast_fields()
        .str(field)
        .map_err(index_failed("reading a fast field"))?
        .ok_or_else(|| {
            Error::Internal(InternalError::IndexShape(format!(
                "{field} is not a fast field"
            )))
        })?;
    let mut text = String::new();
    if let Some(ord) = column.term_ords(doc).next() {
        column
            .ord_to_str(ord, &mut text)
            .map_err(index_failed("reading a fast field's text"))?;
    }
    Ok(text)
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
