//! The coordinator's free search: an ordinary tantivy query whose filters are wrapped
//! in [`ConstScoreQuery`] with score 0, so that only the text clauses rank.

use std::collections::{BTreeMap, BTreeSet};

use explor_engine::{CandidateKind, CountryCode, DateWindow, LanguageLevel};
use tantivy::collector::TopDocs;
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, Occur, Query, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption, Term};

use super::SearchIndex;
use super::retrieval::SKILLS_BOOST;
use super::scan::{live_docs, term_postings};
use super::schema::{
    self, ANY_COUNTRY, Fields, analyse, analyzer, language_term, read_text, text_column,
    theme_facet, weeks,
};
use crate::error::{Result, index_failed};

/// Weight of the English analysis of the same text.
const ENGLISH_BOOST: f32 = 0.3;
/// Weight of a word found in a name.
const NAME_BOOST: f32 = 1.5;
/// At most this many distinct words of a coordinator's query are used.
const MAX_TERMS: usize = 64;

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

/// The live experts of the index, counted ([`SearchIndex::expert_counts`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExpertCounts {
    /// How many experts, all statuses together.
    pub experts: usize,
    /// By status (`employee`, `retired`…).
    pub by_status: BTreeMap<String, usize>,
    /// By employer consent status (`granted`, `not_required`…).
    pub by_consent: BTreeMap<String, usize>,
    /// How many live in France (the others are candidates for reciprocity).
    pub in_france: usize,
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
        analyse(
            &mut analyzer(&index.index, analyzer_name)?,
            text,
            &mut words,
        );
        clauses.extend(
            words
                .iter()
                .take(MAX_TERMS)
                .map(|w| should(field, w, boost)),
        );
    }
    Ok(clauses)
}

impl SearchIndex {
    /// The ids of the company `org`'s offers and of the experts it employs, sorted,
    /// from the index's company terms: a company's page reads its own records, not the
    /// whole roster.
    pub fn ids_of_company(&self, org: &str) -> Result<Vec<String>> {
        let searcher = self.reader.searcher();
        let term = Term::from_field_text(self.fields.company, org);
        let mut ids = Vec::new();
        for segment in searcher.segment_readers() {
            let Some(postings) = term_postings(segment, &term)? else {
                continue;
            };
            let column = text_column(segment, "id")?;
            for doc in live_docs(segment, postings) {
                ids.push(read_text(&column, doc)?);
            }
        }
        ids.sort_unstable();
        Ok(ids)
    }

    /// The live experts counted by status and by consent status (each as the word its
    /// record's value is written with), with how many live in France: what a
    /// dashboard shows of the roster, from the index's terms, without reading a record.
    pub fn expert_counts(&self) -> Result<ExpertCounts> {
        let searcher = self.reader.searcher();
        let f = &self.fields;
        let mut counts = ExpertCounts::default();
        for segment in searcher.segment_readers() {
            for (field, into) in [
                (f.status, &mut counts.by_status),
                (f.consent, &mut counts.by_consent),
            ] {
                let inverted = segment
                    .inverted_index(field)
                    .map_err(index_failed("opening the inverted index"))?;
                let mut terms = inverted
                    .terms()
                    .stream()
                    .map_err(index_failed("reading the term dictionary"))?;
                while terms.advance() {
                    let postings = inverted
                        .read_postings_from_terminfo(terms.value(), IndexRecordOption::Basic)
                        .map_err(index_failed("reading postings"))?;
                    let n = live_docs(segment, postings).count();
                    if n > 0 {
                        let word = String::from_utf8_lossy(terms.key()).into_owned();
                        *into.entry(word).or_insert(0) += n;
                    }
                }
            }
            for (field, text, into) in [
                (f.kind, "expert", &mut counts.experts),
                (f.home_country, "FR", &mut counts.in_france),
            ] {
                let term = Term::from_field_text(field, text);
                if let Some(postings) = term_postings(segment, &term)? {
                    *into += live_docs(segment, postings).count();
                }
            }
        }
        Ok(counts)
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
            let id = read_text(&text_column(segment, "id")?, address.doc_id)?;
            let kind = match read_text(&text_column(segment, "kind")?, address.doc_id)?.as_str() {
                "offer" => CandidateKind::Offer,
                _ => CandidateKind::Expert,
            };
            hits.push(Hit { id, kind, score });
        }
        hits.sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| a.id.cmp(&b.id)));
        Ok(hits)
    }
}
