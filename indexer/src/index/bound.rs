//! Score bounds inside the index: the `k` documents with the highest [`ScoreBound`],
//! each bound computed from the document's indexed values.
//!
//! A bound is a weighted sum whose unknown parts count as full marks, so it can be
//! computed in stages — theme, skills overlap, country, experience, languages,
//! availability — and a document is dropped as soon as its partial bound falls below
//! the `k`-th best kept so far. Most documents of a broad need are dropped after one or
//! two stages; the result is the same as computing every bound in full.
//!
//! The values come from the fast fields, decoded once per segment into [`Profiles`]
//! (plain arrays, kept with the index's other caches): a bound reads memory, not
//! compressed columns.

use std::cmp::Ordering;
use std::collections::{BinaryHeap, HashMap};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::Arc;

use explor_engine::scoring::{KnownValues, ScoreBound};
use explor_engine::{Cefr, DateWindow, LanguageCode, Taxonomy};
use tantivy::columnar::Column;
use tantivy::{DocAddress, DocId, Score, SegmentOrdinal, SegmentReader};

use super::schema;

/// A hasher for keys that are already hashes or packed letter codes: one multiply
/// spreads them over the table. SipHash's defence against chosen keys is not needed
/// for the index's own values.
#[derive(Default, Clone, Copy)]
struct MulHasher(u64);

impl Hasher for MulHasher {
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.write_u64(u64::from(*b));
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A map keyed by the index's own numbers.
type Map<V> = HashMap<u64, V, BuildHasherDefault<MulHasher>>;

/// Values per document, end to end.
struct PerDoc<T> {
    /// Where each document's values start in `values` (one more entry than documents).
    starts: Vec<u32>,
    values: Vec<T>,
}

impl<T> PerDoc<T> {
    fn read(
        max_doc: DocId,
        column: Option<&Column<u64>>,
        mut decode: impl FnMut(u64) -> Option<T>,
    ) -> Self {
        let mut starts = Vec::with_capacity(max_doc as usize + 1);
        let mut values = Vec::new();
        starts.push(0);
        for doc in 0..max_doc {
            if let Some(c) = column {
                values.extend(c.values_for_doc(doc).filter_map(&mut decode));
            }
            // A segment holds far fewer than 2^32 values.
            starts.push(u32::try_from(values.len()).unwrap_or(u32::MAX));
        }
        Self { starts, values }
    }

    fn of(&self, doc: DocId) -> &[T] {
        let doc = doc as usize;
        match (self.starts.get(doc), self.starts.get(doc + 1)) {
            (Some(&a), Some(&b)) => self.values.get(a as usize..b as usize).unwrap_or(&[]),
            _ => &[],
        }
    }
}

/// Distinct numbers of a column, each given a small index.
#[derive(Default)]
struct Dense {
    keys: Vec<u64>,
    index: Map<u32>,
}

impl Dense {
    fn of(&mut self, key: u64) -> Option<u32> {
        if let Some(&i) = self.index.get(&key) {
            return Some(i);
        }
        let i = u32::try_from(self.keys.len()).ok()?;
        self.keys.push(key);
        self.index.insert(key, i);
        Some(i)
    }
}

/// A segment's values that bounds read, decoded once.
pub(super) struct Profiles {
    themes: PerDoc<u32>,
    theme_keys: Dense,
    countries: PerDoc<u32>,
    country_keys: Dense,
    stems: PerDoc<u32>,
    stem_keys: Dense,
    missions: Vec<Option<u32>>,
    languages: PerDoc<(LanguageCode, Cefr)>,
    windows: PerDoc<DateWindow>,
}

impl Profiles {
    pub(super) fn read(segment: &SegmentReader) -> Self {
        let fast = segment.fast_fields();
        let column = |name: &str| fast.u64(name).ok();
        let max_doc = segment.max_doc();
        let mut theme_keys = Dense::default();
        let mut country_keys = Dense::default();
        let mut stem_keys = Dense::default();
        let themes = PerDoc::read(max_doc, column("theme_hash").as_ref(), |v| theme_keys.of(v));
        let countries = PerDoc::read(max_doc, column("country_number").as_ref(), |v| {
            country_keys.of(v)
        });
        let stems = PerDoc::read(max_doc, column("skill_stems").as_ref(), |v| stem_keys.of(v));
        let missions = column("missions");
        let missions = (0..max_doc)
            .map(|doc| {
                missions
                    .as_ref()
                    .and_then(|m| m.first(doc))
                    .map(|m| u32::try_from(m).unwrap_or(u32::MAX))
            })
            .collect();
        Self {
            themes,
            theme_keys,
            countries,
            country_keys,
            stems,
            stem_keys,
            missions,
            languages: PerDoc::read(max_doc, column("lang_level").as_ref(), decode_language),
            windows: PerDoc::read(
                max_doc,
                column("window_days").as_ref(),
                schema::number_window,
            ),
        }
    }
}

/// The bound's lookup tables for one need, keyed as the index stores themes,
/// countries, languages and skill words.
pub(super) struct BoundTables {
    bound: ScoreBound,
    themes: Map<f64>,
    countries: Map<f64>,
    /// The hashes of the need's skill words, when there are few enough to count them in
    /// a bit set; `None` bounds the overlap by 1.
    wanted: Option<Vec<u64>>,
    /// The languages the criterion looks at (the others are skipped).
    languages: Vec<LanguageCode>,
}

/// A relevance whose text value is full marks: bounds computed with it are above any
/// relevance's.
const FULL_TEXT: Score = Score::MAX;

/// Languages per candidate the bound reads on the stack; a profile listing more gets
/// full marks for languages in its bound.
const MAX_SPOKEN: usize = 16;

impl BoundTables {
    pub(super) fn new(bound: &ScoreBound, taxonomy: &Taxonomy) -> Self {
        let themes = taxonomy
            .iter()
            .map(|t| (schema::key_hash(&t.key), bound.theme(&t.key)))
            .collect();
        let countries = explor_engine::Countries::embedded()
            .iter()
            .map(|c| (schema::country_number(&c.code), bound.country(&c.code)))
            .collect();
        let wanted: Vec<u64> = bound
            .wanted_stems()
            .iter()
            .map(|w| schema::key_hash(w))
            .collect();
        Self {
            bound: bound.clone(),
            themes,
            countries,
            wanted: (wanted.len() <= 64).then_some(wanted),
            languages: bound.languages_considered(),
        }
    }
}

/// A `lang_level` value back to its language and level.
fn decode_language(n: u64) -> Option<(LanguageCode, Cefr)> {
    let rank = usize::try_from(n & 0xff).ok()?;
    let code = n >> 8;
    let letters = [
        u8::try_from(code >> 8).ok()?,
        u8::try_from(code & 0xff).ok()?,
    ];
    let text = std::str::from_utf8(&letters).ok()?;
    Some((text.parse().ok()?, *Cefr::ALL.get(rank)?))
}

/// One need's tables over one segment's [`Profiles`]: every lookup an array index.
struct SegmentTables {
    profiles: Arc<Profiles>,
    tables: Arc<BoundTables>,
    /// Value of each of the segment's themes (by dense index).
    themes: Vec<f64>,
    /// Value of each of the segment's countries.
    countries: Vec<f64>,
    /// For each of the segment's skill words, 1 + its place among the need's (0: not
    /// wanted); `None` when the need has too many to count.
    stems: Option<Vec<u8>>,
}

impl SegmentTables {
    fn new(profiles: Arc<Profiles>, tables: Arc<BoundTables>) -> Self {
        let values = |keys: &Dense, table: &Map<f64>| -> Vec<f64> {
            keys.keys
                .iter()
                .map(|k| table.get(k).copied().unwrap_or(0.0))
                .collect()
        };
        let themes = values(&profiles.theme_keys, &tables.themes);
        let countries = values(&profiles.country_keys, &tables.countries);
        let stems = tables.wanted.as_ref().map(|wanted| {
            let mut places = vec![0u8; profiles.stem_keys.keys.len()];
            for (i, w) in wanted.iter().enumerate() {
                if let Some(&s) = profiles.stem_keys.index.get(w)
                    && let Some(p) = places.get_mut(s as usize)
                {
                    // At most 64 wanted words: the place fits.
                    *p = u8::try_from(i + 1).unwrap_or(u8::MAX);
                }
            }
            places
        });
        Self {
            profiles,
            tables,
            themes,
            countries,
            stems,
        }
    }

    /// The best value over a document's dense indices (0 with none).
    fn best(values: &[f64], of: &[u32]) -> f64 {
        of.iter()
            .map(|&i| values.get(i as usize).copied().unwrap_or(0.0))
            .fold(0.0, f64::max)
    }

    /// A document's values, or `None` as soon as even full marks for the text leave its
    /// bound below `floor`.
    fn known_above(&self, doc: DocId, floor: f64) -> Option<KnownValues> {
        // Unknown parts count as full marks: each stage can only lower the bound.
        let mut known = KnownValues {
            theme: 1.0,
            country: 1.0,
            experience: 1.0,
            languages: 1.0,
            availability: 1.0,
            skills_overlap: 1.0,
        };
        let p = &self.profiles;
        let b = &self.tables.bound;
        let check = |known: &KnownValues| (b.bound(known, FULL_TEXT) >= floor).then_some(());
        known.theme = Self::best(&self.themes, p.themes.of(doc));
        check(&known)?;
        known.skills_overlap = self.skills_overlap(doc);
        check(&known)?;
        known.country = Self::best(&self.countries, p.countries.of(doc));
        check(&known)?;
        known.experience = b.experience(p.missions.get(doc as usize).copied().flatten());
        check(&known)?;
        known.languages = self.languages(doc);
        check(&known)?;
        known.availability = b.availability(p.windows.of(doc).iter().copied());
        check(&known)?;
        Some(known)
    }

    /// The skills overlap of a document: the share of the need's words among its skill
    /// words. A hash collision can only add a word, so this never falls below the exact
    /// value.
    fn skills_overlap(&self, doc: DocId) -> f64 {
        let Some(places) = &self.stems else {
            return 1.0;
        };
        let mut seen = 0u64;
        for &s in self.profiles.stems.of(doc) {
            match places.get(s as usize) {
                Some(&p) if p > 0 => seen |= 1 << (p - 1),
                _ => {}
            }
        }
        self.tables.bound.skills_overlap(seen.count_ones() as usize)
    }

    /// The languages value of a document, from the languages the need names.
    fn languages(&self, doc: DocId) -> f64 {
        let mut spoken = [(LanguageCode::french(), Cefr::A1); MAX_SPOKEN];
        let mut n = 0;
        let considered = self
            .profiles
            .languages
            .of(doc)
            .iter()
            .filter(|(code, _)| self.tables.languages.contains(code));
        for &l in considered {
            if n == MAX_SPOKEN {
                return 1.0;
            }
            spoken[n] = l;
            n += 1;
        }
        self.tables.bound.languages(&spoken[..n])
    }
}

/// One kept document: its bound, its text relevance and where it is.
#[derive(Debug, Clone, Copy)]
pub(super) struct Kept {
    pub bound: f64,
    pub relevance: Score,
    pub doc: DocAddress,
}

impl Kept {
    /// Highest bound first, then index order (so the cut is reproducible).
    fn rank(&self, other: &Self) -> Ordering {
        other
            .bound
            .total_cmp(&self.bound)
            .then_with(|| self.doc.cmp(&other.doc))
    }
}

impl PartialEq for Kept {
    fn eq(&self, other: &Self) -> bool {
        self.rank(other) == Ordering::Equal
    }
}
impl Eq for Kept {}
impl PartialOrd for Kept {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Kept {
    /// "Greater" is "ranks later": the heap's top is the worst document kept.
    fn cmp(&self, other: &Self) -> Ordering {
        self.rank(other)
    }
}

/// Keeps the `k` documents of one segment with the highest bound, in two passes.
///
/// Text relevance is the costliest part of a bound, so the first pass
/// ([`Self::screen`]) works without it: the `k`-th best bound with no text at all is a
/// floor some `k` documents reach, and a document whose bound stays below it even with
/// full marks for the text cannot be among the best. Only the others need their
/// relevance; the second pass ([`Self::finish`]) computes their exact bounds.
pub(super) struct BestBounded {
    k: usize,
    tables: SegmentTables,
    segment: SegmentOrdinal,
    /// The `k` best bounds without text so far (lowest on top).
    floors: BinaryHeap<std::cmp::Reverse<Floor>>,
    /// Documents screened in, with their values and their bound with full text marks.
    screened: Vec<(DocId, KnownValues, f64)>,
}

/// Adds `item` to `heap`, which keeps the `k` least items (its top is the greatest of
/// them): a full heap takes it only in place of a greater one.
fn keep_least<T: Ord>(heap: &mut BinaryHeap<T>, k: usize, item: T) {
    if heap.len() < k {
        heap.push(item);
    } else if let Some(mut greatest) = heap.peek_mut()
        && item < *greatest
    {
        *greatest = item;
    }
}

/// A bound ordered as a number (bounds are never NaN).
#[derive(Debug, Clone, Copy, PartialEq)]
struct Floor(f64);
impl Eq for Floor {}
impl PartialOrd for Floor {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Floor {
    fn cmp(&self, other: &Self) -> Ordering {
        self.0.total_cmp(&other.0)
    }
}

impl BestBounded {
    pub(super) fn new(
        k: usize,
        tables: Arc<BoundTables>,
        profiles: Arc<Profiles>,
        segment: SegmentOrdinal,
    ) -> Self {
        let k = k.max(1);
        Self {
            k,
            tables: SegmentTables::new(profiles, tables),
            segment,
            floors: BinaryHeap::with_capacity(k + 1),
            screened: Vec::new(),
        }
    }

    /// The bound `k` documents are known to reach.
    fn floor(&self) -> f64 {
        match self.floors.peek() {
            Some(std::cmp::Reverse(Floor(f))) if self.floors.len() >= self.k => *f,
            _ => f64::NEG_INFINITY,
        }
    }

    /// First pass, in document order: keeps the document if it may be among the best.
    pub(super) fn screen(&mut self, doc: DocId) {
        let Some(known) = self.tables.known_above(doc, self.floor()) else {
            return;
        };
        let b = &self.tables.tables.bound;
        let without_text = b.bound(&known, 0.0);
        let with_full_text = b.bound(&known, FULL_TEXT);
        keep_least(
            &mut self.floors,
            self.k,
            std::cmp::Reverse(Floor(without_text)),
        );
        self.screened.push((doc, known, with_full_text));
    }

    /// The documents the second pass needs the relevance of, in document order.
    pub(super) fn needing_relevance(&mut self) -> impl Iterator<Item = DocId> + '_ {
        let floor = self.floor();
        self.screened.retain(|(_, _, upper)| *upper >= floor);
        self.screened.iter().map(|(doc, _, _)| *doc)
    }

    /// Second pass: the exact bounds of the screened documents, given their relevance;
    /// the `k` best, in no particular order.
    pub(super) fn finish(self, relevance: impl Fn(DocId) -> Score) -> Vec<Kept> {
        let mut heap: BinaryHeap<Kept> = BinaryHeap::with_capacity(self.k + 1);
        let b = &self.tables.tables.bound;
        for (doc, known, _) in self.screened {
            let relevance = relevance(doc);
            let kept = Kept {
                bound: b.bound(&known, relevance),
                relevance,
                doc: DocAddress::new(self.segment, doc),
            };
            // Ties are kept in index order: a later document ranks after an equal one.
            keep_least(&mut heap, self.k, kept);
        }
        heap.into_vec()
    }

    /// The `k` best of every segment's kept documents, best first.
    pub(super) fn merge(segments: Vec<Vec<Kept>>, k: usize) -> Vec<Kept> {
        let mut all: Vec<Kept> = segments.into_iter().flatten().collect();
        all.sort_unstable();
        all.truncate(k.max(1));
        all
    }
}
