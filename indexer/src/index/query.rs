//! Queries: candidate retrieval for a need, and the coordinator's free search.
//!
//! Filters are tantivy queries wrapped in [`ConstScoreQuery`] with score 0, so that only
//! the text clauses rank; documents that pass the filters but share no word with the
//! need are still returned, with relevance 0.

use std::collections::BTreeSet;
use std::ops::Bound;

use explor_engine::retrieval::candidate_order;
use explor_engine::schema::MISSION_DAYS;
use explor_engine::scoring::ScoreBound;
use explor_engine::{
    Candidate, CandidateKind, CandidateSource, CountryCode, DateWindow, LanguageLevel, Need,
    NeedKind,
};
use tantivy::collector::{Collector, SegmentCollector, TopDocs};
use tantivy::columnar::StrColumn;
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, Occur, Query, RangeQuery, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption, Term};
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

use super::bound::{BestBounded, BoundTables};
use super::schema::{self, ANY_COUNTRY, Fields, language_term, theme_facet, weeks};
use super::{SearchIndex, internal};
use crate::error::{Error, Result};

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

fn exclude(q: impl Query + 'static) -> (Occur, Box<dyn Query>) {
    (Occur::MustNot, Box::new(q))
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
fn accepts_days(f: &Fields, days: u32) -> (Occur, Box<dyn Query>) {
    if MISSION_DAYS.contains(&u64::from(days)) {
        filter(term(f.fits_days, &days.to_string()))
    } else {
        filter(RangeQuery::new(
            Bound::Included(Term::from_field_u64(f.max_days, u64::from(days))),
            Bound::Unbounded,
        ))
    }
}

fn analyse(analyzer: &mut TextAnalyzer, text: &str, into: &mut BTreeSet<String>) {
    let mut stream = analyzer.token_stream(text);
    while stream.advance() {
        into.insert(stream.token().text.clone());
    }
}

fn analyzer(index: &SearchIndex, name: &str) -> Result<TextAnalyzer> {
    index.index.tokenizers().get(name).ok_or_else(|| {
        Error::Internal(crate::error::InternalError::Index(format!(
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

/// Ranking clauses for a need: its rarest words in the index (the ones that tell
/// profiles apart), in the French text and skills fields. Common words add little to
/// BM25 but cost a posting list each.
fn need_clauses(index: &SearchIndex, need: &Need) -> Result<Clauses> {
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
            .map_err(internal)?
            + searcher
                .doc_freq(&Term::from_field_text(f.skills, &word))
                .map_err(internal)?;
        if df > 0 {
            rated.push((df, word));
        }
    }
    rated.sort();
    Ok(rated
        .iter()
        .take(NEED_TERMS)
        .flat_map(|(_, w)| [should(f.text, w, 1.0), should(f.skills, w, SKILLS_BOOST)])
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
    fn expert_filters(&self, need: &Need) -> Clauses {
        let f = &self.fields;
        let mut c: Clauses = vec![filter(term(f.kind, "expert"))];
        for l in &need.languages {
            c.push(filter(term(
                f.lang,
                &language_term(l.code.as_str(), l.level),
            )));
        }
        c.push(exclude(term(f.consent, "refused")));
        c.push(overlapping(f, &need.window));
        c.push(accepts_days(f, need.duration_days));
        match need.kind {
            NeedKind::Standard => c.push(filter(term(f.home_country, "FR"))),
            NeedKind::Reciprocity => {
                c.push(exclude(term(f.home_country, "FR")));
                if let Some(origin) = need.expert_origin {
                    c.push(filter(term(f.home_country, origin.as_str())));
                }
            }
        }
        c
    }

    fn offer_filters(&self, need: &Need) -> Clauses {
        let f = &self.fields;
        let mut c: Clauses = vec![filter(term(f.kind, "offer"))];
        for l in &need.languages {
            c.push(filter(term(
                f.lang,
                &language_term(l.code.as_str(), l.level),
            )));
        }
        c.push(overlapping(f, &need.window));
        c.push(accepts_days(f, need.duration_days));
        let countries: Clauses = vec![
            (
                Occur::Should,
                Box::new(term(f.countries, need.country.as_str())),
            ),
            (Occur::Should, Box::new(term(f.countries, ANY_COUNTRY))),
        ];
        c.push(filter(BooleanQuery::new(countries)));
        c
    }

    fn run_all(
        &self,
        query: &dyn Query,
        kind: CandidateKind,
        limit: Option<usize>,
    ) -> Result<Vec<Candidate>> {
        let searcher = self.reader.searcher();
        let found = searcher
            .search(query, &AllScored { limit })
            .map_err(internal)?;
        Ok(found
            .into_iter()
            .map(|(id, relevance)| Candidate {
                id,
                kind,
                relevance,
            })
            .collect())
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
            .map_err(internal)?;
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
        let text = need_clauses(self, need)?;
        if text.is_empty() {
            return Ok(Default::default());
        }
        let searcher = self.reader.searcher();
        let found = searcher
            .search(&BooleanQuery::new(text), &AllScored::ALL)
            .map_err(internal)?;
        Ok(found.into_iter().collect())
    }

    /// Text relevance of the need against one document (0 when they share no word).
    pub fn relevance_of(&self, need: &Need, id: &str) -> Result<f32> {
        let mut clauses: Clauses = vec![filter(term(self.fields.id, id))];
        clauses.extend(need_clauses(self, need)?);
        let searcher = self.reader.searcher();
        let found = searcher
            .search(
                &BooleanQuery::new(clauses),
                &TopDocs::with_limit(1).order_by_score(),
            )
            .map_err(internal)?;
        Ok(found.first().map_or(0.0, |(score, _)| *score))
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
    /// that pass the pre-filter. The bound is computed per document from fast fields
    /// (themes, countries, missions) and the text relevance, inside the collector, so the
    /// thousands of candidates of a broad need are never materialised.
    pub fn best_candidates(&self, need: &Need, bound: &ScoreBound, k: usize) -> Result<Bounded> {
        let text = need_clauses(self, need)?;
        let with_text = |mut filters: Clauses| {
            filters.extend(text.iter().map(|(o, q)| (*o, q.box_clone())));
            BooleanQuery::new(filters)
        };
        let tables = std::sync::Arc::new(BoundTables::new(bound, self.taxonomy));
        let mut out = Vec::new();
        let mut frontier: Option<f64> = None;
        let mut runs = vec![(self.expert_filters(need), CandidateKind::Expert)];
        if need.kind == NeedKind::Standard {
            runs.push((self.offer_filters(need), CandidateKind::Offer));
        }
        let searcher = self.reader.searcher();
        for (filters, kind) in runs {
            let collector = BestBounded {
                k: k.max(1),
                tables: tables.clone(),
            };
            let top = searcher
                .search(&with_text(filters), &collector)
                .map_err(internal)?;
            if top.len() >= k.max(1)
                && let Some(last) = top.last()
            {
                frontier = Some(frontier.map_or(last.bound, |f: f64| f.max(last.bound)));
            }
            for kept in top {
                let id = read_text(
                    searcher.segment_reader(kept.doc.segment_ord),
                    "id",
                    kept.doc.doc_id,
                )?;
                out.push((
                    Candidate {
                        id,
                        kind,
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
        let text = need_clauses(self, need)?;
        let with_text = |mut filters: Clauses| {
            filters.extend(text.iter().map(|(o, q)| (*o, q.box_clone())));
            BooleanQuery::new(filters)
        };
        let experts = self.run_all(
            &with_text(self.expert_filters(need)),
            CandidateKind::Expert,
            limit,
        )?;
        if need.kind != NeedKind::Standard {
            return Ok(experts);
        }
        let offers = self.run_all(
            &with_text(self.offer_filters(need)),
            CandidateKind::Offer,
            limit,
        )?;
        // Both lists come sorted by relevance then id: merging them gives the order of
        // `candidate_order` without comparing thousands of ids again.
        let mut out = merge_sorted(experts, offers, candidate_order);
        debug_assert!(out.is_sorted_by(|a, b| candidate_order(a, b).is_le()));
        if let Some(limit) = limit {
            out.truncate(limit);
        }
        Ok(out)
    }
}

/// Merges two lists sorted by `order` into one sorted list.
fn merge_sorted<T>(a: Vec<T>, b: Vec<T>, order: impl Fn(&T, &T) -> std::cmp::Ordering) -> Vec<T> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let mut a = a.into_iter().peekable();
    let mut b = b.into_iter().peekable();
    loop {
        let take_a = match (a.peek(), b.peek()) {
            (Some(x), Some(y)) => order(x, y) != std::cmp::Ordering::Greater,
            (Some(_), None) => true,
            (None, Some(_)) => false,
            (None, None) => return out,
        };
        out.extend(if take_a { a.next() } else { b.next() });
    }
}

/// The text of a single-valued fast text field of a document.
fn read_text(segment: &SegmentReader, field: &str, doc: DocId) -> Result<String> {
    let column = segment
        .fast_fields()
        .str(field)
        .map_err(internal)?
        .ok_or_else(|| {
            Error::Internal(crate::error::InternalError::Index(format!(
                "{field} is not a fast field"
            )))
        })?;
    let mut text = String::new();
    if let Some(ord) = column.term_ords(doc).next() {
        column
            .ord_to_str(ord, &mut text)
            .map_err(|e| Error::Internal(crate::error::InternalError::Index(e.to_string())))?;
    }
    Ok(text)
}

/// Collects every matching document with its score and id, by score descending, then id.
/// With a `limit`, only the first `limit` in that order.
struct AllScored {
    limit: Option<usize>,
}

impl AllScored {
    const ALL: AllScored = AllScored { limit: None };
}

struct AllScoredSegment {
    ids: Option<StrColumn>,
    found: Vec<(u64, Score)>,
    limit: Option<usize>,
}

impl Collector for AllScored {
    type Fruit = Vec<(String, Score)>;
    type Child = AllScoredSegment;

    fn for_segment(
        &self,
        _: SegmentOrdinal,
        segment: &SegmentReader,
    ) -> tantivy::Result<AllScoredSegment> {
        Ok(AllScoredSegment {
            ids: segment.fast_fields().str("id")?,
            found: Vec::new(),
            limit: self.limit,
        })
    }

    fn requires_scoring(&self) -> bool {
        true
    }

    fn merge_fruits(
        &self,
        fruits: Vec<Result<Vec<(String, Score)>, String>>,
    ) -> tantivy::Result<Self::Fruit> {
        let mut out = Vec::new();
        for fruit in fruits {
            // Losing ids would drop candidates silently: fail the search instead.
            let fruit = fruit.map_err(tantivy::TantivyError::InternalError)?;
            out = merge_sorted(out, fruit, |a: &(String, Score), b| {
                b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0))
            });
        }
        if let Some(limit) = self.limit {
            out.truncate(limit);
        }
        Ok(out)
    }
}

impl SegmentCollector for AllScoredSegment {
    type Fruit = Result<Vec<(String, Score)>, String>;

    fn collect(&mut self, doc: DocId, score: Score) {
        if let Some(ids) = &self.ids
            && let Some(ord) = ids.term_ords(doc).next()
        {
            self.found.push((ord, score));
        }
    }

    fn harvest(self) -> Self::Fruit {
        let Some(ids) = self.ids else {
            return Ok(Vec::new());
        };
        let mut found = self.found;
        // Within a segment, ordinal order is id order: the first `limit` by relevance,
        // then ordinal, hold every hit of this segment that can be among the first
        // `limit` overall.
        if let Some(limit) = self.limit
            && found.len() > limit
        {
            found.select_nth_unstable_by(limit, |a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            found.truncate(limit);
        }
        // One pass over the id dictionary in ordinal order, instead of a lookup per hit.
        found.sort_unstable_by_key(|(ord, _)| *ord);
        let mut out = Vec::with_capacity(found.len());
        let mut scores = found.iter().map(|(_, s)| *s);
        let complete =
            ids.dictionary()
                .sorted_ords_to_term_cb(found.iter().map(|(o, _)| *o), |bytes| {
                    if let Some(score) = scores.next() {
                        out.push((String::from_utf8_lossy(bytes).into_owned(), score));
                    }
                    Ok(())
                });
        // The dictionary gave the ids in order: a stable sort on relevance alone leaves
        // equal relevances in id order.
        out.sort_by(|a, b| b.1.total_cmp(&a.1));
        match complete {
            Ok(true) => Ok(out),
            Ok(false) => Err("an id ordinal is missing from the dictionary".into()),
            Err(e) => Err(format!("reading ids: {e}")),
        }
    }
}
