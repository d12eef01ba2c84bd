//! Score bounds inside the index: a collector that keeps the `k` documents with the
//! highest [`ScoreBound`], computing each bound from fast fields.
//!
//! A bound is a weighted sum whose unknown parts count as full marks, so it can be
//! computed in stages — theme, skills overlap, country, experience, languages,
//! availability — and a document is dropped as soon as its partial bound falls below
//! the `k`-th best kept so far. Most documents of a broad need are dropped after one or
//! two fast-field reads; the result is the same as computing every bound in full.

use std::cmp::Ordering;
use std::collections::{BinaryHeap, HashMap};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::Arc;

use explor_engine::scoring::{KnownValues, ScoreBound};
use explor_engine::{Cefr, LanguageCode, Taxonomy};
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::{DocAddress, DocId, Score, SegmentOrdinal, SegmentReader};

use super::schema;

/// A hasher for keys that are already hashes or packed letter codes: one multiply
/// spreads them over the table. SipHash's defence against chosen keys is not needed
/// for the index's own values, and it was a tenth of a match's time.
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

/// A value per key, for the bound's lookups.
type Table = HashMap<u64, f64, BuildHasherDefault<MulHasher>>;

/// The bound's lookup tables, keyed as the index stores themes, countries, languages
/// and skill words.
pub(super) struct BoundTables {
    bound: ScoreBound,
    themes: Table,
    countries: Table,
    /// The hashes of the need's skill words, when there are few enough to count them in
    /// a bit set; `None` bounds the overlap by 1.
    wanted: Option<Vec<u64>>,
    /// The languages the criterion looks at, as `lang_level` stores codes (the others
    /// are not decoded).
    languages: Vec<u64>,
}

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
            languages: bound
                .languages_considered()
                .iter()
                .map(|c| schema::country_number(c.as_str()))
                .collect(),
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

/// The fast-field columns a segment's bounds read.
struct Columns {
    themes: Option<Column<u64>>,
    countries: Option<Column<u64>>,
    missions: Option<Column<u64>>,
    langs: Option<Column<u64>>,
    windows: Option<Column<u64>>,
    stems: Option<Column<u64>>,
}

impl Columns {
    fn of(segment: &SegmentReader) -> Self {
        let fast = segment.fast_fields();
        Self {
            themes: fast.u64("theme_hash").ok(),
            countries: fast.u64("country_number").ok(),
            missions: fast.u64("missions").ok(),
            langs: fast.u64("lang_level").ok(),
            windows: fast.u64("window_days").ok(),
            stems: fast.u64("skill_stems").ok(),
        }
    }
}

/// The best value of a table over a document's values of a column (0 with none).
fn best(column: &Option<Column<u64>>, doc: DocId, table: &Table) -> f64 {
    column.as_ref().map_or(0.0, |c| {
        c.values_for_doc(doc)
            .map(|v| table.get(&v).copied().unwrap_or(0.0))
            .fold(0.0, f64::max)
    })
}

impl BoundTables {
    /// The bound of a document, or `None` as soon as it is known to stay below `floor`.
    fn bound_above(&self, c: &Columns, doc: DocId, relevance: Score, floor: f64) -> Option<f64> {
        // Unknown parts count as full marks: each stage can only lower the bound.
        let mut known = KnownValues {
            theme: 1.0,
            country: 1.0,
            experience: 1.0,
            languages: 1.0,
            availability: 1.0,
            skills_overlap: 1.0,
        };
        let b = &self.bound;
        let check = |known: &KnownValues| {
            let value = b.bound(known, relevance);
            (value >= floor).then_some(value)
        };
        known.theme = best(&c.themes, doc, &self.themes);
        check(&known)?;
        known.skills_overlap = self.skills_overlap(c.stems.as_ref(), doc);
        check(&known)?;
        known.country = best(&c.countries, doc, &self.countries);
        check(&known)?;
        let done = c
            .missions
            .as_ref()
            .and_then(|m| m.first(doc))
            .map(|m| u32::try_from(m).unwrap_or(u32::MAX));
        known.experience = b.experience(done);
        check(&known)?;
        known.languages = self.languages(c.langs.as_ref(), doc);
        check(&known)?;
        if let Some(w) = &c.windows {
            known.availability =
                b.availability(w.values_for_doc(doc).filter_map(schema::number_window));
        }
        check(&known)
    }

    /// The skills overlap of a document: the share of the need's words among its skill
    /// words. A hash collision can only add a word, so this never falls below the exact
    /// value.
    fn skills_overlap(&self, stems: Option<&Column<u64>>, doc: DocId) -> f64 {
        let (Some(wanted), Some(stems)) = (&self.wanted, stems) else {
            return 1.0;
        };
        let mut seen = 0u64;
        for h in stems.values_for_doc(doc) {
            if let Some(i) = wanted.iter().position(|w| *w == h) {
                seen |= 1 << i;
            }
        }
        self.bound.skills_overlap(seen.count_ones() as usize)
    }

    /// The languages value of a document, from the languages the need names.
    fn languages(&self, langs: Option<&Column<u64>>, doc: DocId) -> f64 {
        let Some(langs) = langs else {
            return self.bound.languages(&[]);
        };
        let mut spoken = [(LanguageCode::french(), Cefr::A1); MAX_SPOKEN];
        let mut n = 0;
        let considered = langs
            .values_for_doc(doc)
            .filter(|v| self.languages.contains(&(v >> 8)));
        for l in considered.filter_map(decode_language) {
            if n == MAX_SPOKEN {
                return 1.0;
            }
            spoken[n] = l;
            n += 1;
        }
        self.bound.languages(&spoken[..n])
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

/// Keeps the `k` documents with the highest bound.
pub(super) struct BestBounded {
    pub k: usize,
    pub tables: Arc<BoundTables>,
}

pub(super) struct BestBoundedSegment {
    k: usize,
    tables: Arc<BoundTables>,
    columns: Columns,
    segment: SegmentOrdinal,
    heap: BinaryHeap<Kept>,
}

impl Collector for BestBounded {
    type Fruit = Vec<Kept>;
    type Child = BestBoundedSegment;

    fn for_segment(
        &self,
        segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<BestBoundedSegment> {
        Ok(BestBoundedSegment {
            k: self.k.max(1),
            tables: Arc::clone(&self.tables),
            columns: Columns::of(reader),
            segment,
            heap: BinaryHeap::with_capacity(self.k.max(1) + 1),
        })
    }

    fn requires_scoring(&self) -> bool {
        true
    }

    fn merge_fruits(&self, fruits: Vec<Vec<Kept>>) -> tantivy::Result<Vec<Kept>> {
        let mut all: Vec<Kept> = fruits.into_iter().flatten().collect();
        all.sort_unstable();
        all.truncate(self.k.max(1));
        Ok(all)
    }
}

impl SegmentCollector for BestBoundedSegment {
    type Fruit = Vec<Kept>;

    fn collect(&mut self, doc: DocId, relevance: Score) {
        let full = self.heap.len() >= self.k;
        // Below the worst kept bound, a document cannot enter (ties are kept in index
        // order, and a later document ranks after an equal earlier one).
        let floor = match self.heap.peek() {
            Some(worst) if full => worst.bound,
            _ => f64::NEG_INFINITY,
        };
        let Some(bound) = self
            .tables
            .bound_above(&self.columns, doc, relevance, floor)
        else {
            return;
        };
        let kept = Kept {
            bound,
            relevance,
            doc: DocAddress::new(self.segment, doc),
        };
        if !full {
            self.heap.push(kept);
        } else if let Some(mut worst) = self.heap.peek_mut()
            && kept < *worst
        {
            *worst = kept;
        }
    }

    fn harvest(self) -> Vec<Kept> {
        self.heap.into_vec()
    }
}
