//! Score bounds inside the index: the `k` documents with the highest [`ScoreBound`],
//! each bound computed from the document's indexed values.
//!
//! A bound is a weighted sum whose unknown parts count as full marks, so it can be
//! computed in stages — theme, skills overlap and country together, then experience,
//! availability, languages — and a document is dropped as soon as its partial bound
//! falls below the `k`-th best kept so far. Most documents of a broad need are dropped
//! at the first stage; the result is the same as computing every bound in full.
//!
//! The values come from the fast fields, decoded once per segment into [`Profiles`]
//! (plain arrays, kept with the index's other caches): a bound reads memory, not
//! compressed columns. A need spreads its values of themes, countries and skill words
//! over a segment's documents once ([`SegmentTables`]), from the documents holding each.

use std::cmp::Ordering;
use std::collections::BinaryHeap;
use std::sync::Arc;

use explor_engine::scoring::{KnownValues, ScoreBound};
use explor_engine::{Cefr, LanguageCode, Taxonomy};
use tantivy::index::SegmentId;
use tantivy::{DocAddress, DocId, Score, SegmentOrdinal};

use super::bits::{Bits, for_each_doc, full, insert, words};
use super::memo::{LevelsOf, Memo};
use super::profiles::{KeyNumbering, Map, MissionsCode, PerDoc, Profiles};
use super::schema;

/// The bound's lookup tables for one need, keyed as the index stores themes,
/// countries, languages and skill words.
pub(super) struct BoundTables<'b> {
    bound: &'b ScoreBound,
    /// Points of the bound per unit of each known value.
    slopes: KnownValues,
    themes: Map<f64>,
    countries: Map<f64>,
    /// The hashes of the need's skill words, when there are few enough to count them in
    /// a bit set; `None` bounds the overlap by 1.
    wanted: Option<Vec<u64>>,
    /// The languages the criterion looks at (the others are skipped).
    languages: Vec<LanguageCode>,
    /// The experience value of each [`MissionsCode`]: exact, but full marks for
    /// [`MissionsCode::MANY`] (the count is read in the later stage).
    experience: Vec<f64>,
}

/// A relevance whose text value is full marks: bounds computed with it are above any
/// relevance's.
const FULL_TEXT: Score = Score::MAX;

/// How far a bound lowered stage by stage may stray from the bound computed at once
/// (the sums are done in another order): a document is dropped only below the floor
/// minus this, so rounding never drops one that the exact bound would keep.
const ROUNDING: f64 = 1e-9;

/// Languages per candidate the bound reads on the stack; a profile listing more gets
/// full marks for languages in its bound.
const MAX_SPOKEN: usize = 16;

impl<'b> BoundTables<'b> {
    pub(super) fn new(bound: &'b ScoreBound, taxonomy: &Taxonomy) -> Self {
        let themes = taxonomy
            .iter()
            .map(|t| (schema::key_hash(&t.key), bound.theme(&t.key)))
            .collect();
        let countries = explor_engine::Countries::embedded()
            .iter()
            .map(|c| (schema::country_number(&c.code), bound.country(&c.code)))
            .collect();
        let mut wanted: Vec<u64> = bound
            .wanted_stems()
            .iter()
            .map(|w| schema::key_hash(w))
            .collect();
        // Two words with one hash count once, as one word of a document would.
        wanted.sort_unstable();
        wanted.dedup();
        Self {
            bound,
            slopes: bound.slopes(),
            themes,
            countries,
            wanted: (wanted.len() <= 64).then_some(wanted),
            languages: bound.languages_considered(),
            experience: (0..=u8::MAX)
                .map(|code| match code {
                    MissionsCode::NONE => bound.experience(None),
                    MissionsCode::MANY => 1.0,
                    n => bound.experience(Some(u32::from(n))),
                })
                .collect(),
        }
    }
}

/// The values a need gives to one kind of key (themes or countries), spread over a
/// segment's documents: each document's best, as a small code.
pub(super) struct Levels {
    /// The distinct values, ascending; `values[0]` is 0 (no key of value).
    values: Vec<f64>,
    /// Each document's code: the index of its best value.
    codes: Vec<u16>,
    /// The documents with a value above 0.
    valued: Bits,
}

impl Levels {
    /// The levels of `table` over the documents, shared through `memo` when there is
    /// one (needs of one theme, or one country, share theirs).
    fn spread(
        max_doc: DocId,
        keys: &KeyNumbering,
        holders: &PerDoc<DocId>,
        table: &Map<f64>,
        shared: Option<(&Memo, SegmentId, LevelsOf)>,
    ) -> Arc<Self> {
        let per_key: Vec<f64> = keys
            .keys
            .iter()
            .map(|k| table.get(k).copied().unwrap_or(0.0))
            .collect();
        match shared {
            Some((memo, segment, of)) => memo.levels(segment, of, &per_key, || {
                Self::new(max_doc, holders, &per_key)
            }),
            None => Arc::new(Self::new(max_doc, holders, &per_key)),
        }
    }

    /// `per_key[i]`: the value of the segment's key `i`.
    fn new(max_doc: DocId, holders: &PerDoc<DocId>, per_key: &[f64]) -> Self {
        let mut values: Vec<f64> = per_key.iter().copied().filter(|v| *v > 0.0).collect();
        values.push(0.0);
        values.sort_by(f64::total_cmp);
        values.dedup();
        // More distinct values than codes (never with the programme's lists): the
        // highest ones share the last code, valued at the highest, which stays a bound.
        let last = usize::from(u16::MAX);
        if values.len() > last + 1 {
            let top = values.last().copied().unwrap_or(0.0);
            values.truncate(last + 1);
            values[last] = top;
        }
        let mut codes = vec![0u16; max_doc as usize];
        let mut valued = vec![0; words(max_doc)];
        for (key, value) in per_key.iter().enumerate() {
            if *value <= 0.0 {
                continue;
            }
            let place = values.partition_point(|v| v < value);
            let code = u16::try_from(place).unwrap_or(u16::MAX);
            for &doc in holders.of(key as DocId) {
                if let Some(c) = codes.get_mut(doc as usize) {
                    *c = (*c).max(code);
                    insert(&mut valued, doc);
                }
            }
        }
        Self {
            values,
            codes,
            valued,
        }
    }

    /// A document's best value (0 with none).
    fn of(&self, doc: DocId) -> f64 {
        let code = self.codes.get(doc as usize).copied().unwrap_or(0);
        self.values.get(usize::from(code)).copied().unwrap_or(0.0)
    }
}

/// One need's values over one segment's documents, and the lookups for the others.
pub(super) struct SegmentTables<'t> {
    profiles: Arc<Profiles>,
    tables: &'t BoundTables<'t>,
    /// A relevance no document of the segment exceeds ([`FULL_TEXT`] when unknown).
    text_cap: Score,
    /// The bound with full marks everywhere, the text at `text_cap`.
    full: f64,
    themes: Arc<Levels>,
    countries: Arc<Levels>,
    /// How many of the need's skill words each document has; `None` when the need has
    /// too many to count.
    skill_words: Option<Vec<u8>>,
    /// The documents with some value for the theme or the skill words: the others'
    /// bound is at most [`Self::unvalued_upper`].
    valued: Bits,
}

impl<'t> SegmentTables<'t> {
    /// `memo`: where a batch's needs share their levels (`segment`: the profiles').
    /// `text_cap`: a relevance no document of the segment exceeds, if one is known.
    pub(super) fn new(
        profiles: Arc<Profiles>,
        tables: &'t BoundTables<'t>,
        segment: SegmentId,
        memo: Option<&Memo>,
        text_cap: Option<Score>,
    ) -> Self {
        let text_cap = text_cap.unwrap_or(FULL_TEXT);
        let p = &profiles;
        let themes = Levels::spread(
            p.max_doc,
            &p.theme_keys,
            &p.theme_docs,
            &tables.themes,
            memo.map(|m| (m, segment, LevelsOf::Themes)),
        );
        let countries = Levels::spread(
            p.max_doc,
            &p.country_keys,
            &p.country_docs,
            &tables.countries,
            memo.map(|m| (m, segment, LevelsOf::Countries)),
        );
        let mut valued = themes.valued.clone();
        let skill_words = tables.wanted.as_ref().map(|wanted| {
            let mut counts = vec![0u8; p.max_doc as usize];
            for w in wanted {
                let Some(&stem) = p.stem_keys.index.get(w) else {
                    continue;
                };
                for &doc in p.stem_docs.of(stem) {
                    if let Some(c) = counts.get_mut(doc as usize) {
                        // At most 64 wanted words.
                        *c = c.saturating_add(1);
                        insert(&mut valued, doc);
                    }
                }
            }
            counts
        });
        if skill_words.is_none() {
            // Every document's overlap counts as full.
            valued = full(p.max_doc);
        }
        Self {
            profiles,
            tables,
            text_cap,
            full: tables.bound.bound(&KnownValues::FULL_MARKS, text_cap),
            themes,
            countries,
            skill_words,
            valued,
        }
    }

    /// The documents with some value for the need's theme or skill words.
    pub(super) fn valued(&self) -> &[u64] {
        &self.valued
    }

    /// A bound above that of every document outside [`Self::valued`]: no theme value,
    /// no skill word, full marks for the rest. It is computed as [`Self::known_above`]
    /// computes its first stage, so it is above that stage's value for each of them.
    pub(super) fn unvalued_upper(&self) -> f64 {
        let best_country = self.countries.values.last().copied().unwrap_or(0.0);
        self.first_stage(
            0.0,
            self.tables.bound.skills_overlap(0),
            best_country.max(1.0),
            1.0,
        )
    }

    /// Of the documents of `docs`, the `n` whose bound is highest at the first stage
    /// (text at its cap), in document order: the likeliest to be among the best.
    pub(super) fn most_promising(&self, docs: &[u64], n: usize) -> Vec<DocId> {
        let mut all: Vec<(f64, DocId)> = Vec::new();
        for_each_doc(docs, |doc| all.push((self.first_stage_of(doc).upper, doc)));
        if all.len() > n {
            all.select_nth_unstable_by(n, |a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
            all.truncate(n);
        }
        let mut out: Vec<DocId> = all.into_iter().map(|(_, doc)| doc).collect();
        out.sort_unstable();
        out
    }

    /// The bound with full marks but for the values spread per need and experience.
    fn first_stage(&self, theme: f64, skills_overlap: f64, country: f64, experience: f64) -> f64 {
        let t = &self.tables;
        let mut upper = self.full;
        upper -= t.slopes.theme * (1.0 - theme);
        upper -= t.slopes.skills_overlap * (1.0 - skills_overlap);
        upper -= t.slopes.country * (1.0 - country);
        upper -= t.slopes.experience * (1.0 - experience);
        upper
    }

    /// What the first stage reads of a document, and its bound there. The experience
    /// is exact, but full marks for [`MissionsCode::MANY`].
    // Inlined into the per-document loops: a call's entry and exit were a third of it.
    #[inline(always)]
    fn first_stage_of(&self, doc: DocId) -> FirstStage {
        let missions = self
            .profiles
            .missions
            .get(doc as usize)
            .copied()
            .unwrap_or(MissionsCode::MANY);
        let experience = self.tables.experience.get(usize::from(missions));
        let mut known = KnownValues::FULL_MARKS;
        known.theme = self.themes.of(doc);
        known.skills_overlap = self.skills_overlap(doc);
        known.country = self.countries.of(doc);
        known.experience = experience.copied().unwrap_or(1.0);
        FirstStage {
            upper: self.first_stage(
                known.theme,
                known.skills_overlap,
                known.country,
                known.experience,
            ),
            known,
            missions,
        }
    }

    /// A document's values, or `None` as soon as even full marks for the text leave its
    /// bound below `floor`, or when none of its windows can hold the mission (the
    /// availability gate excludes it: it has no score to bound). The values spread per
    /// need (theme, skill words, country) and the experience are read first, together,
    /// one small entry each: most documents stop there, after one test, without reading
    /// their [`LastStageValues`](super::profiles::LastStageValues).
    #[inline]
    fn known_above(&self, doc: DocId, floor: f64) -> Option<KnownValues> {
        // Unknown parts count as full marks: each stage can only lower the bound.
        let p = &self.profiles;
        let t = &self.tables;
        let b = &t.bound;
        let floor = floor - ROUNDING;
        let FirstStage {
            mut known,
            missions,
            mut upper,
        } = self.first_stage_of(doc);
        if upper < floor {
            return None;
        }
        let mut lower = |slope: f64, value: f64| {
            upper -= slope * (1.0 - value);
            (upper >= floor).then_some(())
        };
        // Every document of the segment has one.
        let stages = p.last_stages.get(doc as usize)?;
        if missions == MissionsCode::MANY {
            // The first stage counted full marks: lowered by the exact value now.
            known.experience = b.experience(Some(stages.missions));
            lower(t.slopes.experience, known.experience)?;
        }
        let windows = match stages.windows.get(..usize::from(stages.n_windows)) {
            Some(held) => held,
            None => p.windows.of(doc),
        };
        // No window holding the mission: the availability gate excludes the document.
        known.availability = b.availability_days(windows.iter().copied())?;
        lower(t.slopes.availability, known.availability)?;
        let languages = match stages.languages.get(..usize::from(stages.n_languages)) {
            Some(held) => held,
            None => p.languages.of(doc),
        };
        known.languages = self.languages(languages);
        lower(t.slopes.languages, known.languages)?;
        Some(known)
    }

    /// The skills overlap of a document: the share of the need's words among its skill
    /// words. A hash collision can only add a word, so this never falls below the exact
    /// value.
    fn skills_overlap(&self, doc: DocId) -> f64 {
        match &self.skill_words {
            Some(counts) => {
                let n = counts.get(doc as usize).copied().unwrap_or(0);
                self.tables.bound.skills_overlap(usize::from(n))
            }
            None => 1.0,
        }
    }

    /// The languages value of a document speaking `languages`, from the languages the
    /// need names.
    fn languages(&self, languages: &[(LanguageCode, Cefr)]) -> f64 {
        let mut spoken = [(LanguageCode::french(), Cefr::A1); MAX_SPOKEN];
        let mut n = 0;
        let considered = languages
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

/// A document's values at the first stage (full marks for the others), its
/// [`MissionsCode`], and its bound there.
struct FirstStage {
    known: KnownValues,
    missions: u8,
    upper: f64,
}

/// One kept document: its bound, its text relevance and where it is.
#[derive(Debug, Clone, Copy)]
pub(super) struct BoundedDoc {
    pub bound: f64,
    pub relevance: Score,
    pub doc: DocAddress,
}

impl BoundedDoc {
    /// Highest bound first, then index order (so the cut is reproducible).
    fn rank(&self, other: &Self) -> Ordering {
        other
            .bound
            .total_cmp(&self.bound)
            .then_with(|| self.doc.cmp(&other.doc))
    }
}

impl PartialEq for BoundedDoc {
    fn eq(&self, other: &Self) -> bool {
        self.rank(other) == Ordering::Equal
    }
}
impl Eq for BoundedDoc {}
impl PartialOrd for BoundedDoc {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for BoundedDoc {
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
/// full marks for the text cannot be among the best. The second pass computes the
/// exact bounds of the others, highest bound with full text marks first, a batch at a
/// time ([`Self::hand_out`], [`Self::take_scores`]): the `k`-th exact bound so far
/// raises the floor, and the documents left below it never need their relevance.
pub(super) struct BestBounded<'s> {
    k: usize,
    tables: &'s SegmentTables<'s>,
    segment: SegmentOrdinal,
    /// A bound `k` documents of earlier segments reach.
    reached: f64,
    /// The `k` best bounds without text so far (the worst on top).
    floors: BinaryHeap<BoundedDoc>,
    /// Documents screened in, with their values and their bound with full text marks;
    /// from the second pass on, highest bound first.
    screened: Vec<(DocId, KnownValues, f64)>,
    /// How many of `screened` were handed out to be scored, and how many have their
    /// score (none until the second pass starts).
    handed: usize,
    scored: usize,
    /// The `k` best exact bounds so far (the worst on top).
    kept: BinaryHeap<BoundedDoc>,
    second_pass: bool,
    /// The bound `k` documents are known to reach ([`Self::raise_floor`] keeps it).
    floor: f64,
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

impl<'s> BestBounded<'s> {
    /// `reached`: a bound `k` documents found elsewhere reach (earlier segments' best);
    /// documents below it are dropped at once.
    pub(super) fn new(
        k: usize,
        tables: &'s SegmentTables<'s>,
        segment: SegmentOrdinal,
        reached: f64,
    ) -> Self {
        let k = k.max(1);
        Self {
            k,
            tables,
            segment,
            reached,
            floors: BinaryHeap::with_capacity(k + 1),
            screened: Vec::new(),
            handed: 0,
            scored: 0,
            kept: BinaryHeap::with_capacity(k + 1),
            second_pass: false,
            floor: reached,
        }
    }

    /// Recomputes the bound `k` documents are known to reach, after a heap changed.
    fn raise_floor(&mut self) {
        let kth = |heap: &BinaryHeap<BoundedDoc>| match heap.peek() {
            Some(worst) if heap.len() >= self.k => worst.bound,
            _ => f64::NEG_INFINITY,
        };
        self.floor = self.reached.max(kth(&self.floors)).max(kth(&self.kept));
    }

    /// Whether a document whose first-stage bound is `upper` may still be screened in.
    pub(super) fn may_keep(&self, upper: f64) -> bool {
        upper >= self.floor - ROUNDING
    }

    /// Before the first pass: keeps `doc` with its exact bound, given its relevance. A
    /// few documents likely to be among the best, kept at once, raise the floor the
    /// screening drops the others below far higher than bounds without text would.
    /// A document primed must not be screened too.
    pub(super) fn prime(&mut self, doc: DocId, relevance: Score) {
        let Some(known) = self.tables.known_above(doc, f64::NEG_INFINITY) else {
            return;
        };
        let kept = BoundedDoc {
            bound: self.tables.tables.bound.bound(&known, relevance),
            relevance,
            doc: DocAddress::new(self.segment, doc),
        };
        keep_least(&mut self.kept, self.k, kept);
        self.raise_floor();
    }

    /// First pass, in any order: keeps the document if it may be among the best.
    /// Inlined, with [`SegmentTables::known_above`], into the loops over a segment's
    /// documents (millions of calls in a batch).
    #[inline]
    pub(super) fn screen(&mut self, doc: DocId) {
        let Some(known) = self.tables.known_above(doc, self.floor) else {
            return;
        };
        let b = &self.tables.tables.bound;
        let without_text = BoundedDoc {
            bound: b.bound(&known, 0.0),
            relevance: 0.0,
            doc: DocAddress::new(self.segment, doc),
        };
        let with_full_text = b.bound(&known, self.tables.text_cap);
        keep_least(&mut self.floors, self.k, without_text);
        self.raise_floor();
        self.screened.push((doc, known, with_full_text));
    }

    /// Second pass: at most `most` more documents whose relevance may lift them among
    /// the best, highest bound with full text marks first. Empty when none is left.
    pub(super) fn hand_out(&mut self, most: usize) -> impl Iterator<Item = DocId> + '_ {
        if !self.second_pass {
            self.second_pass = true;
            let floor = self.floor;
            self.screened.retain(|(_, _, upper)| *upper >= floor);
            self.screened
                .sort_unstable_by(|a, b| b.2.total_cmp(&a.2).then(a.0.cmp(&b.0)));
        }
        let floor = self.floor;
        let from = self.handed;
        let left = self.screened.get(from..).unwrap_or(&[]);
        let n = left
            .iter()
            .take(most)
            .take_while(|(_, _, upper)| *upper >= floor)
            .count();
        self.handed += n;
        left.iter().take(n).map(|(doc, _, _)| *doc)
    }

    /// Second pass: the exact bounds of the documents handed out, given the relevance
    /// `scores[i]` of each `docs[i]` (`docs` sorted, a superset of those handed out).
    pub(super) fn take_scores(&mut self, docs: &[DocId], scores: &[Score]) {
        let b = &self.tables.tables.bound;
        let handed = self.screened.get(self.scored..self.handed).unwrap_or(&[]);
        for (doc, known, _) in handed {
            let relevance = docs
                .binary_search(doc)
                .ok()
                .and_then(|i| scores.get(i).copied())
                .unwrap_or(0.0);
            let kept = BoundedDoc {
                bound: b.bound(known, relevance),
                relevance,
                doc: DocAddress::new(self.segment, *doc),
            };
            // Ties are kept in index order: a later document ranks after an equal one.
            keep_least(&mut self.kept, self.k, kept);
        }
        self.raise_floor();
        self.scored = self.handed;
    }

    /// The `k` best, in no particular order.
    pub(super) fn finish(self) -> Vec<BoundedDoc> {
        self.kept.into_vec()
    }

    /// The `k` best of kept documents (of several segments), best first, and the bound
    /// the `k`-th reaches (−∞ with fewer than `k`).
    pub(super) fn merge(mut all: Vec<BoundedDoc>, k: usize) -> (Vec<BoundedDoc>, f64) {
        let k = k.max(1);
        all.sort_unstable();
        all.truncate(k);
        let reached = match all.last() {
            Some(last) if all.len() >= k => last.bound,
            _ => f64::NEG_INFINITY,
        };
        (all, reached)
    }
}
