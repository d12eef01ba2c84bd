//! The index schema, its analyzers, how a record becomes a document, and how a
//! document's fast text fields are read back.

use std::collections::BTreeSet;

use chrono::Datelike;
use explor_engine::reference::Taxonomy;
use explor_engine::schema::MISSION_DAYS;
use explor_engine::scoring::consent_availability;
use explor_engine::{
    Cefr, DateWindow, Expert, LanguageCode, LanguageLevel, Offer, Record, ThemeKey,
};
use rust_stemmers::Algorithm;
use tantivy::columnar::StrColumn;
use tantivy::schema::{
    FAST, Facet, FacetOptions, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema,
    TextFieldIndexing, TextOptions,
};
use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, StopWordFilter,
    TextAnalyzer,
};
use tantivy::{DocId, Index, SegmentReader, TantivyDocument};

use super::stems::RememberingStemmer;
use crate::error::{Error, InternalError, Result, index_failed};

/// Name of the French analyzer: lower case, French stop words, accents folded, then the
/// Snowball French stemmer. Folding before stemming makes a word typed without accents
/// stem exactly like its accented form.
pub const FRENCH: &str = "explor_fr";
/// Name of the English analyzer.
pub const ENGLISH: &str = "explor_en";
/// Name of the analyzer for people's and companies' names: lower case and folded, no stemming.
pub const NAME: &str = "explor_name";

/// Value of the `countries` field for an offer that takes any country.
pub const ANY_COUNTRY: &str = "*";

/// The fields of the index.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    /// Record id (stored, fast, exact).
    pub id: Field,
    /// `expert` or `offer`.
    pub kind: Field,
    /// Name (experts) or company name and title (offers).
    pub name: Field,
    /// Skills, French analyzer.
    pub skills: Field,
    /// Bio or description, theme labels and synonyms, French analyzer.
    pub text: Field,
    /// Skills with the English analyzer (skills are often written in English).
    pub text_en: Field,
    /// Themes as hierarchical facets (`/environnement/dechets`).
    pub themes: Field,
    /// Languages with every level up to the spoken one: `fr:A1` … `fr:C2`.
    pub lang: Field,
    /// Countries of experience (experts) or preferred countries, `*` for any (offers).
    pub countries: Field,
    /// Home country (experts).
    pub home_country: Field,
    /// Home département (experts in France).
    pub department: Field,
    /// Status (experts).
    pub status: Field,
    /// Consent status (experts).
    pub consent: Field,
    /// ISO weeks (`2027-W10`) touched by an availability window (experts) or the offer's
    /// window. Two windows that overlap share a week, so "shares a week with the need's
    /// window" keeps every candidate that overlaps it, as a handful of term lookups (a
    /// range over multi-valued dates cost tens of milliseconds at 100k experts).
    pub weeks: Field,
    /// Longest mission in days.
    pub max_days: Field,
    /// Every mission length of the programme (7 to 15 days) the candidate accepts, as
    /// text (`"10"`): "accepts 10 days" is one term lookup, where a range over
    /// `max_days` is a union of several.
    pub fits_days: Field,
    /// Company id (offers) or employer id (experts).
    pub company: Field,
    /// Hashes of the theme keys ([`key_hash`]), for score bounds.
    pub theme_hash: Field,
    /// Countries of experience (or preferred) as two-letter numbers ([`country_number`]).
    pub country_number: Field,
    /// Missions done (experts); absent for offers.
    pub missions: Field,
    /// Languages spoken as `country_number(code) << 8 | CEFR rank`.
    pub lang_level: Field,
    /// The skills' words as the engine's skills overlap counts them
    /// ([`explor_engine::scoring::stems`]), each as its [`key_hash`], for score bounds.
    pub skill_stems: Field,
    /// The days a mission's dates can fall in (an offer's window; an expert's
    /// availability, cut to the consent's validity when it must hold, none when it
    /// fails whatever the dates: [`explor_engine::scoring::consent_availability`]) as
    /// `first day << 32 | last day`, days counted from the common era, so that each
    /// window stays one value: a score bound drops a candidate with no run there.
    pub window_days: Field,
}

/// A window as one number for the `window_days` fast field.
pub fn window_number(w: &DateWindow) -> u64 {
    let day = |d: chrono::NaiveDate| u64::from(u32::try_from(d.num_days_from_ce()).unwrap_or(0));
    (day(w.from()) << 32) | day(w.to())
}

/// The first and last days (from the common era) of the window a `window_days` value
/// stands for, as [`explor_engine::scoring::ScoreBound::availability_days`] reads them.
pub fn number_days(n: u64) -> Option<(i32, i32)> {
    Some((
        i32::try_from(n >> 32).ok()?,
        i32::try_from(n & 0xffff_ffff).ok()?,
    ))
}

/// A theme key (or a skill word) as a number that does not depend on any order (FNV-1a).
pub fn key_hash(key: &str) -> u64 {
    key.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// A two-letter country code as a number.
pub fn country_number(code: &str) -> u64 {
    code.bytes().fold(0, |n, b| (n << 8) | u64::from(b))
}

fn text_options(analyzer: &str) -> TextOptions {
    TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(analyzer)
            // No phrase queries are run: term frequencies are enough for BM25.
            .set_index_option(IndexRecordOption::WithFreqs),
    )
}

/// Builds the schema and its fields.
pub fn build() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let fields = Fields {
        id: b.add_text_field("id", STRING | STORED | FAST),
        kind: b.add_text_field("kind", STRING | FAST),
        name: b.add_text_field("name", text_options(NAME)),
        skills: b.add_text_field("skills", text_options(FRENCH)),
        text: b.add_text_field("text", text_options(FRENCH)),
        text_en: b.add_text_field("text_en", text_options(ENGLISH)),
        themes: b.add_facet_field("themes", FacetOptions::default()),
        lang: b.add_text_field("lang", STRING),
        countries: b.add_text_field("countries", STRING),
        home_country: b.add_text_field("home_country", STRING),
        department: b.add_text_field("department", STRING),
        status: b.add_text_field("status", STRING),
        consent: b.add_text_field("consent", STRING),
        weeks: b.add_text_field("weeks", STRING),
        max_days: b.add_u64_field("max_days", INDEXED | FAST),
        fits_days: b.add_text_field("fits_days", STRING),
        company: b.add_text_field("company", STRING),
        theme_hash: b.add_u64_field("theme_hash", FAST),
        country_number: b.add_u64_field("country_number", FAST),
        missions: b.add_u64_field("missions", FAST),
        lang_level: b.add_u64_field("lang_level", FAST),
        window_days: b.add_u64_field("window_days", FAST),
        skill_stems: b.add_u64_field("skill_stems", FAST),
    };
    (b.build(), fields)
}

/// The French analyzer.
pub fn french() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        // The stop list is written with accents, so it runs before folding.
        .filter(StopWordFilter::new(Language::French).expect("tantivy ships French stop words"))
        .filter(AsciiFoldingFilter)
        .filter(RememberingStemmer::new(Algorithm::French))
        .build()
}

fn english() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(StopWordFilter::new(Language::English).expect("tantivy ships English stop words"))
        // French words turn up in English text too; accents stay optional there as well.
        .filter(AsciiFoldingFilter)
        .filter(RememberingStemmer::new(Algorithm::English))
        .build()
}

fn names() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build()
}

/// Registers the analyzers; tantivy does not save them in the index, so this runs at every open.
pub fn register_analyzers(index: &Index) {
    let manager = index.tokenizers();
    manager.register(FRENCH, french());
    manager.register(ENGLISH, english());
    manager.register(NAME, names());
}

/// The ISO weeks a window touches, as index terms (`2027-W09`).
pub fn weeks(window: &DateWindow) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut day = window.from();
    loop {
        let w = day.iso_week();
        out.push(format!("{}-W{:02}", w.year(), w.week()));
        // Jump to the next Monday.
        let to_monday = 7 - i64::from(day.weekday().num_days_from_monday());
        match day.checked_add_signed(chrono::Duration::days(to_monday)) {
            Some(next) if next <= window.to() => day = next,
            _ => break,
        }
    }
    out
}

/// The terms of a spoken language: one per level up to the spoken one, so that "at least
/// B2" is a single term query.
pub fn language_terms(spoken: &LanguageLevel) -> impl Iterator<Item = String> + '_ {
    Cefr::ALL
        .into_iter()
        .filter(move |l| *l <= spoken.level)
        .map(move |l| language_term(spoken.code.as_str(), l))
}

/// The term for "speaks `code` at `level` or above".
pub fn language_term(code: &str, level: Cefr) -> String {
    format!("{code}:{level}")
}

/// The facet of a theme: its path from the root of the taxonomy.
pub fn theme_facet(taxonomy: &Taxonomy, theme: &str) -> Facet {
    let path = taxonomy.path(theme);
    if path.is_empty() {
        Facet::from_path([theme])
    } else {
        Facet::from_path(path)
    }
}

/// French words for a record's themes: labels and synonyms, so that "ordures" finds waste experts.
fn theme_words(taxonomy: &Taxonomy, themes: &[ThemeKey]) -> String {
    let mut words = String::new();
    for key in themes {
        if let Some(t) = taxonomy.get(key.as_str()) {
            words.push_str(&t.label_fr);
            words.push_str(". ");
            for s in &t.synonyms_fr {
                words.push_str(s);
                words.push_str(", ");
            }
        }
    }
    words
}

/// The weeks of `windows`, and `bounded` (the days a bound may count, see
/// [`Fields::window_days`]) as numbers.
fn add_windows(
    doc: &mut TantivyDocument,
    f: &Fields,
    windows: &[DateWindow],
    bounded: &[DateWindow],
) {
    for w in bounded {
        doc.add_u64(f.window_days, window_number(w));
    }
    let mut all: Vec<String> = windows.iter().flat_map(weeks).collect();
    all.sort_unstable();
    all.dedup();
    for week in all {
        doc.add_text(f.weeks, week);
    }
}

fn add_max_days(doc: &mut TantivyDocument, f: &Fields, max: u32) {
    doc.add_u64(f.max_days, u64::from(max));
    for days in MISSION_DAYS {
        if days <= u64::from(max) {
            doc.add_text(f.fits_days, days.to_string());
        }
    }
}

fn add_common(
    doc: &mut TantivyDocument,
    f: &Fields,
    taxonomy: &Taxonomy,
    themes: &[ThemeKey],
    skills: &[String],
    prose: &str,
    languages: &[LanguageLevel],
) {
    for stem in explor_engine::scoring::stems(&skills.join(" ")) {
        doc.add_u64(f.skill_stems, key_hash(&stem));
    }
    let skills = skills.join(". ");
    let text = format!("{prose}\n{}", theme_words(taxonomy, themes));
    doc.add_text(f.skills, &skills);
    doc.add_text(f.text, &text);
    // Only the short skills get an English analysis: analysing every bio twice would
    // double the indexing time for little gain on a French-speaking roster.
    doc.add_text(f.text_en, &skills);
    for t in themes {
        doc.add_facet(f.themes, theme_facet(taxonomy, t.as_str()));
        doc.add_u64(f.theme_hash, key_hash(t.as_str()));
    }
    for l in languages {
        for term in language_terms(l) {
            doc.add_text(f.lang, term);
        }
        doc.add_u64(f.lang_level, lang_level(l.code, l.level));
    }
}

fn expert_doc(f: &Fields, taxonomy: &Taxonomy, e: &Expert) -> TantivyDocument {
    let mut doc = TantivyDocument::default();
    doc.add_text(f.id, &e.id);
    doc.add_text(f.kind, "expert");
    doc.add_text(f.name, &e.name);
    add_common(
        &mut doc,
        f,
        taxonomy,
        &e.themes,
        &e.skills,
        &e.bio,
        &e.languages,
    );
    for c in &e.countries {
        doc.add_text(f.countries, c.as_str());
        doc.add_u64(f.country_number, country_number(c.as_str()));
    }
    doc.add_u64(f.missions, u64::from(e.missions_done));
    doc.add_text(f.home_country, e.home.country.as_str());
    if let Some(d) = &e.home.department {
        doc.add_text(f.department, d);
    }
    doc.add_text(f.status, word(&e.status));
    doc.add_text(f.consent, word(&e.consent.status));
    add_windows(&mut doc, f, &e.availability, &consent_availability(e));
    add_max_days(&mut doc, f, e.max_mission_days);
    if let Some(emp) = &e.employer {
        doc.add_text(f.company, &emp.id);
    }
    doc
}

fn offer_doc(f: &Fields, taxonomy: &Taxonomy, o: &Offer) -> TantivyDocument {
    let mut doc = TantivyDocument::default();
    doc.add_text(f.id, &o.id);
    doc.add_text(f.kind, "offer");
    doc.add_text(f.name, format!("{} {}", o.company.name, o.title));
    let prose = format!("{}. {}", o.title, o.description);
    add_common(
        &mut doc,
        f,
        taxonomy,
        &o.themes,
        &o.skills,
        &prose,
        &o.languages,
    );
    if o.countries.is_empty() {
        doc.add_text(f.countries, ANY_COUNTRY);
    }
    for c in &o.countries {
        doc.add_text(f.countries, c.as_str());
        doc.add_u64(f.country_number, country_number(c.as_str()));
    }
    add_windows(&mut doc, f, &[o.window], &[o.window]);
    add_max_days(&mut doc, f, o.max_mission_days);
    doc.add_text(f.company, &o.company.id);
    doc
}

/// The document of a record, if its kind is indexed (experts and offers are).
pub fn document(f: &Fields, taxonomy: &Taxonomy, record: &Record) -> Option<TantivyDocument> {
    match record {
        Record::Expert(e) => Some(expert_doc(f, taxonomy, e)),
        Record::Offer(o) => Some(offer_doc(f, taxonomy, o)),
        Record::Association(_) | Record::Need(_) => None,
    }
}

fn word<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

/// Adds the tokens `analyzer` makes of `text` to `into`.
pub(super) fn analyse(analyzer: &mut TextAnalyzer, text: &str, into: &mut BTreeSet<String>) {
    let mut stream = analyzer.token_stream(text);
    while stream.advance() {
        into.insert(stream.token().text.clone());
    }
}

/// The analyzer registered under `name` (see [`register_analyzers`]).
pub(super) fn analyzer(index: &Index, name: &str) -> Result<TextAnalyzer> {
    index.tokenizers().get(name).ok_or_else(|| {
        Error::Internal(InternalError::IndexShape(format!(
            "analyzer {name} is not registered"
        )))
    })
}

/// A spoken language and its level as one number: the language's two letters as
/// [`country_number`] makes them, then the level's rank (the `lang_level` column).
pub(super) fn lang_level(code: LanguageCode, level: Cefr) -> u64 {
    (country_number(code.as_str()) << 8) | u64::from(level.rank())
}

/// A segment's fast text column `field`.
pub(super) fn text_column(segment: &SegmentReader, field: &str) -> Result<StrColumn> {
    segment
        .fast_fields()
        .str(field)
        .map_err(index_failed("reading a fast field"))?
        .ok_or_else(|| {
            Error::Internal(InternalError::IndexShape(format!(
                "{field} is not a fast field"
            )))
        })
}

/// The text of a document in a single-valued fast text column.
pub(super) fn read_text(column: &StrColumn, doc: DocId) -> Result<String> {
    let mut text = String::new();
    if let Some(ord) = column.term_ords(doc).next() {
        column
            .ord_to_str(ord, &mut text)
            .map_err(index_failed("reading a fast field's text"))?;
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(text: &str) -> Vec<String> {
        let mut analyzer = french();
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        while stream.advance() {
            out.push(stream.token().text.clone());
        }
        out
    }

    #[test]
    fn french_plural_and_singular_share_a_stem() {
        assert_eq!(tokens("déchets"), tokens("déchet"));
        assert_eq!(tokens("Déchets ménagers"), tokens("dechets menagers"));
        assert_eq!(tokens("hôpitaux"), tokens("hopitaux"));
    }

    #[test]
    fn accents_are_optional_in_queries() {
        assert_eq!(tokens("électrification"), tokens("electrification"));
        assert_eq!(tokens("assainissement"), tokens("Assainissement"));
    }

    #[test]
    fn inflections_meet_where_the_stemmer_allows() {
        assert_eq!(tokens("électrifications"), tokens("électrification"));
        assert_eq!(tokens("électriques"), tokens("électrique"));
        assert_eq!(tokens("formations"), tokens("formation"));
        assert_eq!(tokens("agricoles"), tokens("agricole"));
        // Snowball keeps the verb and the noun apart: "électrifi" vs "électrif".
        assert_ne!(tokens("électrifier"), tokens("électrification"));
    }

    #[test]
    fn elisions_and_stop_words_disappear() {
        assert_eq!(
            tokens("l'eau et l'assainissement"),
            tokens("eau assainissement")
        );
    }

    #[test]
    fn language_terms_cover_every_lower_level() {
        let l = LanguageLevel {
            code: "fr".parse().unwrap(),
            level: Cefr::B2,
        };
        let terms: Vec<String> = language_terms(&l).collect();
        assert_eq!(terms, vec!["fr:A1", "fr:A2", "fr:B1", "fr:B2"]);
    }
}

#[cfg(test)]
mod week_tests {
    use super::*;

    fn w(a: &str, b: &str) -> DateWindow {
        DateWindow::new(a.parse().unwrap(), b.parse().unwrap()).unwrap()
    }

    #[test]
    fn windows_survive_their_number() {
        use chrono::Datelike;
        let x = w("2027-03-01", "2027-05-31");
        let days = (x.from().num_days_from_ce(), x.to().num_days_from_ce());
        assert_eq!(number_days(window_number(&x)), Some(days));
        assert_eq!(days.1 - days.0 + 1, 92);
    }

    #[test]
    fn weeks_cover_the_window_across_years() {
        // 2026-12-28 is the Monday of ISO week 2026-W53; 2027-01-04 starts 2027-W01.
        assert_eq!(
            weeks(&w("2026-12-30", "2027-01-05")),
            vec!["2026-W53", "2027-W01"]
        );
        assert_eq!(weeks(&w("2027-03-01", "2027-03-01")), vec!["2027-W09"]);
        assert_eq!(
            weeks(&w("2027-03-07", "2027-03-08")),
            vec!["2027-W09", "2027-W10"]
        );
        assert_eq!(weeks(&w("2027-03-01", "2027-03-31")).len(), 5);
    }
}
