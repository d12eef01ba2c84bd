//! Draws shared by every record kind: themes and their skills, places, dates in 2027,
//! language levels.

use chrono::NaiveDate;
use explor_engine::{Cefr, CountryCode, DateWindow, LanguageCode, LanguageLevel, ThemeKey};

use super::places::{DEPTS, Dept, OCCITANIE_PERCENT, PARTNERS, Partner};
use super::rng::Rng;
use super::vocab::{Child, Parent, THEMES, TRANSVERSAL_SKILLS};

/// The year every window lies in.
pub(crate) const YEAR: i32 = 2027;
/// 2027-01-04 is the first Monday of the year: windows start on Mondays.
const FIRST_MONDAY: u32 = 3;
const DAYS_IN_YEAR: u32 = 365;

/// A theme as records name it: a parent alone, or one of its children.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ThemePick {
    pub parent: usize,
    pub child: Option<usize>,
}

impl ThemePick {
    pub(crate) fn parent(self) -> &'static Parent {
        &THEMES[self.parent]
    }

    pub(crate) fn child(self) -> Option<&'static Child> {
        self.child.map(|c| &THEMES[self.parent].children[c])
    }

    pub(crate) fn key(self) -> &'static str {
        self.child().map_or(self.parent().key, |c| c.key)
    }

    pub(crate) fn theme_key(self) -> ThemeKey {
        ThemeKey(self.key().to_owned())
    }

    /// The trade's skills: the child's own, or every child's for a parent.
    pub(crate) fn skills(self) -> Vec<&'static str> {
        match self.child() {
            Some(c) => c.skills.to_vec(),
            None => self
                .parent()
                .children
                .iter()
                .flat_map(|c| c.skills.iter().copied())
                .collect(),
        }
    }

    /// The child of a [`ThemePick::focused`] pick (the first child otherwise).
    pub(crate) fn trade(self) -> &'static Child {
        self.child().unwrap_or(&self.parent().children[0])
    }

    /// The theme itself if it names a child, else one of the parent's children: the
    /// trade whose skills and words a record uses, so that they agree with each other.
    pub(crate) fn focused(self, rng: &mut Rng) -> ThemePick {
        match self.child {
            Some(_) => self,
            None => ThemePick {
                parent: self.parent,
                child: Some(rng.below(self.parent().children.len())),
            },
        }
    }
}

/// A parent index, weighted by how common the theme is.
pub(crate) fn parent(rng: &mut Rng) -> usize {
    let weights: [(usize, u32); THEMES.len()] = std::array::from_fn(|i| (i, THEMES[i].weight));
    *rng.weighted(&weights)
}

/// A theme under `parent`: a weighted child most of the time, the parent itself now
/// and then (records may name either).
pub(crate) fn theme_under(rng: &mut Rng, parent: usize, child_percent: u32) -> ThemePick {
    let children = THEMES[parent].children;
    let child = if rng.chance(child_percent) {
        let total: u32 = children.iter().map(|c| c.weight).sum();
        let mut ticket = rng.below(total as usize) as u32;
        let mut chosen = 0;
        for (i, c) in children.iter().enumerate() {
            if ticket < c.weight {
                chosen = i;
                break;
            }
            ticket -= c.weight;
        }
        Some(chosen)
    } else {
        None
    };
    ThemePick { parent, child }
}

/// `count` distinct skills of the themes, now and then a general or transversal one.
pub(crate) fn skills(rng: &mut Rng, themes: &[ThemePick], count: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(count + 1);
    let push = |s: &str, out: &mut Vec<String>| {
        if !out.iter().any(|o| o == s) {
            out.push(s.to_owned());
        }
    };
    for attempt in 0..count * 4 {
        if out.len() >= count {
            break;
        }
        let theme = themes[attempt % themes.len()];
        let pool = theme.skills();
        let skill = *rng.pick(&pool);
        push(skill, &mut out);
    }
    if rng.chance(20) {
        let skill = *rng.pick(themes[0].parent().general);
        push(skill, &mut out);
    }
    if rng.chance(20) {
        let skill = *rng.pick(TRANSVERSAL_SKILLS);
        push(skill, &mut out);
    }
    out
}

/// A département index: Occitanie mostly, by population, else elsewhere in France.
pub(crate) fn dept(rng: &mut Rng, occitanie_only: bool) -> usize {
    let in_region = occitanie_only || rng.chance(OCCITANIE_PERCENT);
    let table: Vec<(usize, u32)> = DEPTS
        .iter()
        .enumerate()
        .filter(|(_, d)| d.occitanie == in_region)
        .map(|(i, d)| (i, d.weight))
        .collect();
    *rng.weighted(&table)
}

/// A town of the département, the largest more often.
pub(crate) fn town(rng: &mut Rng, dept: &Dept) -> &'static str {
    if rng.chance(40) {
        dept.cities[0]
    } else {
        dept.cities[rng.below(dept.cities.len())]
    }
}

/// A partner country index, weighted as a mission country.
pub(crate) fn partner(rng: &mut Rng) -> usize {
    let weights: [(usize, u32); PARTNERS.len()] = std::array::from_fn(|i| (i, PARTNERS[i].weight));
    *rng.weighted(&weights)
}

/// A partner country index, weighted as the home of foreign experts.
pub(crate) fn origin(rng: &mut Rng) -> usize {
    let weights: [(usize, u32); PARTNERS.len()] =
        std::array::from_fn(|i| (i, PARTNERS[i].origin_weight));
    *rng.weighted(&weights)
}

/// Up to `count` distinct partner countries, weighted.
pub(crate) fn partners(rng: &mut Rng, count: usize, exclude: Option<usize>) -> Vec<usize> {
    let mut out = Vec::with_capacity(count);
    for _ in 0..count * 4 {
        if out.len() >= count {
            break;
        }
        let p = partner(rng);
        if Some(p) != exclude && !out.contains(&p) {
            out.push(p);
        }
    }
    out
}

/// The country code of a static table entry. Table codes are checked by the tests.
pub(crate) fn country(code: &str) -> CountryCode {
    code.parse()
        .unwrap_or_else(|e| panic!("static table holds a bad country code: {e}"))
}

pub(crate) fn partner_code(p: &Partner) -> CountryCode {
    country(p.code)
}

/// The language code of a static table entry. Table codes are checked by the tests.
pub(crate) fn language(code: &str) -> LanguageCode {
    code.parse()
        .unwrap_or_else(|e| panic!("static table holds a bad language code: {e}"))
}

/// Adds a language unless it is already listed.
pub(crate) fn push_language(list: &mut Vec<LanguageLevel>, code: &str, level: Cefr) {
    let code = language(code);
    if !list.iter().any(|l| l.code == code) {
        list.push(LanguageLevel { code, level });
    }
}

/// A CEFR level from a weight table.
pub(crate) fn level(rng: &mut Rng, table: &[(Cefr, u32)]) -> Cefr {
    *rng.weighted(table)
}

/// The day `offset` days after 2027-01-01 (clamped to the year).
pub(crate) fn day(offset: u32) -> NaiveDate {
    let ordinal = offset.min(DAYS_IN_YEAR - 1) + 1;
    NaiveDate::from_yo_opt(YEAR, ordinal).unwrap_or(NaiveDate::MIN)
}

pub(crate) fn date(month: u32, day_of_month: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(YEAR, month, day_of_month).unwrap_or(NaiveDate::MIN)
}

/// A window of `weeks` weeks, Monday to Sunday, starting on week `start_week` of 2027
/// (week 0 starts on the first Monday). Callers keep `start_week + weeks <= 51`.
pub(crate) fn weeks_window(start_week: u32, weeks: u32) -> DateWindow {
    let from = FIRST_MONDAY + 7 * start_week;
    DateWindow::starting(day(from), 7 * weeks.max(1))
}

/// Availability: 1 to 3 windows of 2 to 20 weeks, in order, not overlapping.
pub(crate) fn availability(rng: &mut Rng) -> Vec<DateWindow> {
    let count = *rng.weighted(&[(1u32, 50), (2, 35), (3, 15)]);
    let mut week = if count == 1 {
        rng.range(0, 30)
    } else {
        rng.range(0, 12)
    };
    let mut out = Vec::with_capacity(count as usize);
    for _ in 0..count {
        if week + 2 > 51 {
            break;
        }
        let weeks = rng.range(2, 20).min(51 - week);
        out.push(weeks_window(week, weeks));
        week += weeks + rng.range(2, 10);
    }
    out
}

/// A window of `weeks` weeks in the `slot`-th of `slots` equal parts of the year.
pub(crate) fn window_in_slot(rng: &mut Rng, weeks: u32, slot: usize, slots: usize) -> DateWindow {
    let latest = 51 - weeks;
    let slots = slots.max(1) as u32;
    let lo = (slot as u32 * 51 / slots).min(latest);
    let hi = (((slot as u32 + 1) * 51 / slots).saturating_sub(1)).clamp(lo, latest);
    weeks_window(rng.range(lo, hi), weeks)
}
