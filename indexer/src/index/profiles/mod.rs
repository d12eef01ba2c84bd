//! What score bounds read of a segment, decoded once from its fast fields and kept with
//! the index's other caches: plain arrays, so that a bound reads memory, not compressed
//! columns.
//!
//! Themes, countries and skill words are held per value (the documents holding each):
//! a need gives a value to only a few of them. What the last stages of a bound read
//! (missions, windows, languages) sits in one small record per document.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use explor_engine::{Cefr, LanguageCode};
use tantivy::columnar::{Column, ColumnIndex};
use tantivy::{DocId, SegmentReader};

use super::schema;

mod stored;

pub(super) use stored::remove_stale;

/// A hasher for keys that are already hashes or packed letter codes: one multiply
/// spreads them over the table. SipHash's defence against chosen keys is not needed
/// for the index's own values.
#[derive(Default, Clone, Copy)]
pub(super) struct MulHasher(u64);

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
pub(super) type Map<V> = HashMap<u64, V, BuildHasherDefault<MulHasher>>;

/// Values decoded at a time from a column, reading a segment's documents in order.
const DECODED: usize = 1 << 14;

/// Calls `each(doc, values)` for every document below `max_doc` holding values in
/// `column`, in document order.
///
/// A column of several values per document is read in order, a block of values at a
/// time, with where each document's values start: asking each document for its
/// values one by one searches the column's index twice per document and decodes each
/// value on its own, which was most of a one-off `explor match`.
fn for_each_doc_values(max_doc: DocId, column: &Column<u64>, mut each: impl FnMut(DocId, &[u64])) {
    let ColumnIndex::Multivalued(index) = &column.index else {
        let mut held = Vec::new();
        for doc in 0..max_doc {
            held.clear();
            held.extend(column.values_for_doc(doc));
            if !held.is_empty() {
                each(doc, &held);
            }
        }
        return;
    };
    let start_column = index.get_start_index_column();
    let mut starts = vec![0u32; start_column.num_vals() as usize];
    start_column.get_range(0, &mut starts);
    let ranges = starts.windows(2).map(|w| (w[0], w[1]));
    // The starts are per document when there is one more than documents (every
    // document has a place, with values or not); otherwise per document holding values.
    let docs: Box<dyn Iterator<Item = DocId>> = if starts.len() == max_doc as usize + 1 {
        Box::new(0..max_doc)
    } else {
        index.iter_non_null_docs()
    };
    let total = column.values.num_vals();
    let mut block: Vec<u64> = Vec::new();
    let mut block_start = 0u32;
    for (doc, (from, to)) in docs.zip(ranges) {
        if doc >= max_doc {
            break;
        }
        if from >= to {
            continue;
        }
        let block_end = block_start as usize + block.len();
        if from < block_start || to as usize > block_end {
            let len = DECODED
                .max((to - from) as usize)
                .min(total.saturating_sub(from) as usize);
            block.resize(len, 0);
            column.values.get_range(u64::from(from), &mut block);
            block_start = from;
        }
        let at = (from - block_start) as usize..(to - block_start) as usize;
        each(doc, block.get(at).unwrap_or(&[]));
    }
}

/// Values per document, end to end.
pub(super) struct PerDoc<T> {
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
        // A segment holds far fewer than 2^32 values.
        let end = |values: &Vec<T>| u32::try_from(values.len()).unwrap_or(u32::MAX);
        if let Some(c) = column {
            for_each_doc_values(max_doc, c, |doc, held| {
                // The documents in between hold none.
                while starts.len() <= doc as usize {
                    starts.push(end(&values));
                }
                values.extend(held.iter().copied().filter_map(&mut decode));
                starts.push(end(&values));
            });
        }
        while starts.len() <= max_doc as usize {
            starts.push(end(&values));
        }
        Self { starts, values }
    }

    /// A document's values (or a value's documents, see [`PerDoc::holders`]).
    pub(super) fn of(&self, doc: DocId) -> &[T] {
        let doc = doc as usize;
        match (self.starts.get(doc), self.starts.get(doc + 1)) {
            (Some(&a), Some(&b)) => self.values.get(a as usize..b as usize).unwrap_or(&[]),
            _ => &[],
        }
    }
}

impl PerDoc<DocId> {
    /// For each distinct value of `column` (numbered by `keys` in order of first
    /// appearance), the documents holding it, in order, each once: what
    /// [`PerDoc::holders`] gives of the column's values per document, read in one pass
    /// without holding them per document first.
    fn holders_of(max_doc: DocId, column: Option<&Column<u64>>, keys: &mut KeyNumbering) -> Self {
        let mut lists: Vec<Vec<DocId>> = Vec::new();
        if let Some(c) = column {
            for_each_doc_values(max_doc, c, |doc, held| {
                for &v in held {
                    let Some(k) = keys.of(v) else { continue };
                    let k = k as usize;
                    if k == lists.len() {
                        lists.push(Vec::new());
                    }
                    if let Some(list) = lists.get_mut(k)
                        && list.last() != Some(&doc)
                    {
                        list.push(doc);
                    }
                }
            });
        }
        let mut starts = Vec::with_capacity(lists.len() + 1);
        starts.push(0);
        let mut values = Vec::with_capacity(lists.iter().map(Vec::len).sum());
        for list in lists {
            values.extend(list);
            starts.push(u32::try_from(values.len()).unwrap_or(u32::MAX));
        }
        Self { starts, values }
    }
}

#[cfg(test)]
impl PerDoc<u32> {
    /// The other way round: for each of the `keys` values, the documents holding it,
    /// in order, each once (read with [`PerDoc::of`] and the value as "document").
    fn holders(&self, keys: usize) -> PerDoc<DocId> {
        // Calls `each(value, doc)` once per value of each document, documents in order
        // (`last` skips a value a document lists twice).
        let pairs = |each: &mut dyn FnMut(usize, DocId)| {
            let mut last = vec![u32::MAX; keys];
            for doc in 0..self.starts.len().saturating_sub(1) as DocId {
                for &v in self.of(doc) {
                    if let Some(l) = last.get_mut(v as usize)
                        && *l != doc
                    {
                        *l = doc;
                        each(v as usize, doc);
                    }
                }
            }
        };
        // Counting sort: how many documents hold each value, then where each goes.
        let mut starts = vec![0u32; keys + 1];
        pairs(&mut |v, _| starts[v + 1] += 1);
        for i in 1..starts.len() {
            starts[i] += starts[i - 1];
        }
        let mut next = starts.clone();
        let mut values = vec![0; starts.last().copied().unwrap_or(0) as usize];
        pairs(&mut |v, doc| {
            values[next[v] as usize] = doc;
            next[v] += 1;
        });
        PerDoc { starts, values }
    }
}

/// Distinct numbers of a column, each given a small index.
#[derive(Default)]
pub(super) struct KeyNumbering {
    /// The numbers, by index.
    pub(super) keys: Vec<u64>,
    /// The index of each number.
    pub(super) index: Map<u32>,
}

impl KeyNumbering {
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
///
/// Themes, countries and skill words are held the other way round (for each value, the
/// documents holding it): a need gives a value to only a few of them, and the documents
/// of those few are all a bound needs to visit.
pub(super) struct Profiles {
    pub(super) max_doc: DocId,
    pub(super) theme_docs: PerDoc<DocId>,
    pub(super) theme_keys: KeyNumbering,
    pub(super) country_docs: PerDoc<DocId>,
    pub(super) country_keys: KeyNumbering,
    pub(super) stem_docs: PerDoc<DocId>,
    pub(super) stem_keys: KeyNumbering,
    /// Per document, what the last stages of a bound read, in one place.
    pub(super) last_stages: Vec<LastStageValues>,
    /// Per document, its missions done as a [`MissionsCode`]: read with the first
    /// stage's values, one byte each, rather than from `last_stages`.
    pub(super) missions: Vec<u8>,
    /// Every language of each document (read when `last_stages` cannot hold them all).
    pub(super) languages: PerDoc<(LanguageCode, Cefr)>,
    /// First and last day of each availability window (days from the common era), read
    /// likewise.
    pub(super) windows: PerDoc<(i32, i32)>,
}

/// Windows a [`LastStageValues`] holds.
const INLINE_WINDOWS: usize = 2;
/// Languages a [`LastStageValues`] holds.
const INLINE_LANGUAGES: usize = 3;

/// What the last stages of a bound read about a document, side by side (32 bytes), so
/// that a document costs one memory read there: missions done, and its windows and
/// languages when it has few enough (most do).
#[derive(Clone, Copy)]
#[cfg_attr(test, derive(Debug, PartialEq))]
pub(super) struct LastStageValues {
    /// `u32::MAX`: none (an offer).
    pub(super) missions: u32,
    pub(super) windows: [(i32, i32); INLINE_WINDOWS],
    pub(super) languages: [(LanguageCode, Cefr); INLINE_LANGUAGES],
    /// How many the document has (more than the arrays hold: read them elsewhere).
    pub(super) n_windows: u8,
    pub(super) n_languages: u8,
}

// Two to a cache line.
const _: () = assert!(std::mem::size_of::<LastStageValues>() <= 32);

impl LastStageValues {
    fn new(
        missions: Option<u32>,
        windows: &[(i32, i32)],
        languages: &[(LanguageCode, Cefr)],
    ) -> Self {
        let mut stages = Self {
            missions: missions.unwrap_or(u32::MAX),
            windows: [(0, 0); INLINE_WINDOWS],
            languages: [(LanguageCode::french(), Cefr::A1); INLINE_LANGUAGES],
            n_windows: u8::try_from(windows.len()).unwrap_or(u8::MAX),
            n_languages: u8::try_from(languages.len()).unwrap_or(u8::MAX),
        };
        for (slot, w) in stages.windows.iter_mut().zip(windows) {
            *slot = *w;
        }
        for (slot, l) in stages.languages.iter_mut().zip(languages) {
            *slot = *l;
        }
        stages
    }
}

impl Profiles {
    pub(super) fn read(segment: &SegmentReader) -> Self {
        let fast = segment.fast_fields();
        let column = |name: &str| fast.u64(name).ok();
        let max_doc = segment.max_doc();
        // The values per key and the values per document are read side by side: a
        // one-off `explor match` waits for them before anything else.
        let holders = |name: &str| {
            let mut keys = KeyNumbering::default();
            let docs = PerDoc::holders_of(max_doc, column(name).as_ref(), &mut keys);
            (docs, keys)
        };
        let (stems, ((themes, countries), per_doc)) = rayon::join(
            || holders("skill_stems"),
            || {
                rayon::join(
                    || (holders("theme_hash"), holders("country_number")),
                    || Self::read_per_doc(max_doc, &column),
                )
            },
        );
        Self::assemble(max_doc, themes, countries, stems, per_doc)
    }

    /// The profiles of a segment of `max_doc` documents from their parts, however
    /// they were read.
    fn assemble(
        max_doc: DocId,
        (theme_docs, theme_keys): KeyHolders,
        (country_docs, country_keys): KeyHolders,
        (stem_docs, stem_keys): KeyHolders,
        (last_stages, languages, windows): PerDocValues,
    ) -> Self {
        let missions = last_stages
            .iter()
            .map(|s| MissionsCode::of(s.missions))
            .collect();
        Self {
            max_doc,
            theme_docs,
            theme_keys,
            country_docs,
            country_keys,
            stem_docs,
            stem_keys,
            last_stages,
            missions,
            languages,
            windows,
        }
    }

    /// What the last stages of a bound read, per document.
    fn read_per_doc(max_doc: DocId, column: &dyn Fn(&str) -> Option<Column<u64>>) -> PerDocValues {
        let missions = column("missions");
        let mut decoder = LanguageDecoder::default();
        let languages = PerDoc::read(max_doc, column("lang_level").as_ref(), |n| {
            decoder.decode(n)
        });
        let windows = PerDoc::read(max_doc, column("window_days").as_ref(), schema::number_days);
        let missions_done = |doc| {
            // A count of u32::MAX missions reads as none; full marks come long before.
            missions
                .as_ref()
                .and_then(|m| m.first(doc))
                .map(|m| u32::try_from(m).unwrap_or(u32::MAX - 1))
        };
        let last_stages = last_stages(max_doc, missions_done, &windows, &languages);
        (last_stages, languages, windows)
    }
}

/// A document's missions done in one byte: the count itself below [`Self::MANY`],
/// `MANY` for that many or more, [`Self::NONE`] for an offer (which has no count).
pub(super) struct MissionsCode;

impl MissionsCode {
    pub(super) const MANY: u8 = 254;
    pub(super) const NONE: u8 = 255;

    /// The code of a [`LastStageValues::missions`].
    fn of(missions: u32) -> u8 {
        match missions {
            u32::MAX => Self::NONE,
            n => u8::try_from(n).unwrap_or(Self::MANY).min(Self::MANY),
        }
    }
}

/// A value's documents (see [`PerDoc::holders_of`]) and the numbering of the values.
type KeyHolders = (PerDoc<DocId>, KeyNumbering);

/// Per document: the last stages' values, every language and every window.
type PerDocValues = (
    Vec<LastStageValues>,
    PerDoc<(LanguageCode, Cefr)>,
    PerDoc<(i32, i32)>,
);

/// Each document's [`LastStageValues`], from its missions done (`None` for an offer),
/// its windows and its languages.
fn last_stages(
    max_doc: DocId,
    missions_done: impl Fn(DocId) -> Option<u32>,
    windows: &PerDoc<(i32, i32)>,
    languages: &PerDoc<(LanguageCode, Cefr)>,
) -> Vec<LastStageValues> {
    (0..max_doc)
        .map(|doc| LastStageValues::new(missions_done(doc), windows.of(doc), languages.of(doc)))
        .collect()
}

/// Turns `lang_level` values back into languages and levels, each distinct value once:
/// there are few, and checking a code against the ISO list for every document's every
/// language was a tenth of a cold match at 100,000 experts.
#[derive(Default)]
struct LanguageDecoder(Map<Option<(LanguageCode, Cefr)>>);

impl LanguageDecoder {
    fn decode(&mut self, n: u64) -> Option<(LanguageCode, Cefr)> {
        *self.0.entry(n).or_insert_with(|| decode_language(n))
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Calls `check(max_doc, name, column)` for each named column of each segment of
    /// the sample, and asserts that the checks, together, looked at enough values
    /// (`check` says how many it did).
    fn on_sample_columns(
        names: &[&str],
        mut check: impl FnMut(DocId, &str, Option<Column<u64>>) -> usize,
    ) {
        let (_dir, ws) = crate::test_support::sample_workspace();
        let searcher = ws.index().reader.searcher();
        let mut checked = 0;
        for segment in searcher.segment_readers() {
            let fast = segment.fast_fields();
            for name in names {
                checked += check(segment.max_doc(), name, fast.u64(name).ok());
            }
        }
        assert!(checked > 100, "{checked}");
    }

    #[test]
    fn values_read_in_blocks_are_each_document_s_values() {
        let names = [
            "theme_hash",
            "country_number",
            "skill_stems",
            "lang_level",
            "window_days",
            "missions",
        ];
        on_sample_columns(&names, |max_doc, name, column| {
            let Some(column) = column else { return 0 };
            let one_by_one: Vec<(DocId, Vec<u64>)> = (0..max_doc)
                .map(|doc| (doc, column.values_for_doc(doc).collect::<Vec<_>>()))
                .filter(|(_, held)| !held.is_empty())
                .collect();
            let mut in_blocks = Vec::new();
            for_each_doc_values(max_doc, &column, |doc, held| {
                in_blocks.push((doc, held.to_vec()));
            });
            assert_eq!(in_blocks, one_by_one, "{name}");
            in_blocks.len()
        });
    }

    #[test]
    fn holders_read_in_one_pass_are_the_values_per_document_turned_round() {
        let names = ["theme_hash", "country_number", "skill_stems"];
        on_sample_columns(&names, |max_doc, name, column| {
            let mut by_doc_keys = KeyNumbering::default();
            let by_doc = PerDoc::read(max_doc, column.as_ref(), |v| by_doc_keys.of(v));
            let turned = by_doc.holders(by_doc_keys.keys.len());
            let mut keys = KeyNumbering::default();
            let one_pass = PerDoc::holders_of(max_doc, column.as_ref(), &mut keys);
            assert_eq!(keys.keys, by_doc_keys.keys, "{name}");
            assert_eq!(one_pass.starts, turned.starts, "{name}");
            assert_eq!(one_pass.values, turned.values, "{name}");
            one_pass.values.len()
        });
    }

    #[test]
    fn missions_codes_tell_counts_apart_below_many_and_offers_from_experts() {
        let code = MissionsCode::of;
        assert_eq!(code(0), 0);
        assert_eq!(code(253), 253);
        for many in [254, 255, 1000, u32::MAX - 1] {
            assert_eq!(code(many), MissionsCode::MANY, "{many}");
        }
        assert_eq!(code(u32::MAX), MissionsCode::NONE);
    }
}
