//! Calendar date windows: inclusive ranges of days.

use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize};
use std::fmt;

/// An inclusive range of calendar days, `from ..= to`, never empty.
///
/// The constructor refuses `to < from`, so every `DateWindow` holds at least one day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct DateWindow {
    from: NaiveDate,
    to: NaiveDate,
}

/// Why a window could not be built.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", crate::fr::values::reversed_window(.from, .to))]
pub struct ReversedWindow {
    /// First day given.
    pub from: NaiveDate,
    /// Last day given.
    pub to: NaiveDate,
}

impl DateWindow {
    /// Builds the window `from ..= to`; fails when `to` is before `from`.
    pub fn new(from: NaiveDate, to: NaiveDate) -> Result<Self, ReversedWindow> {
        if to < from {
            return Err(ReversedWindow { from, to });
        }
        Ok(Self { from, to })
    }

    /// The run of `days` days starting on `start` (`days` ≥ 1).
    pub fn starting(start: NaiveDate, days: u32) -> Self {
        let days = days.max(1);
        Self {
            from: start,
            to: start + Duration::days(i64::from(days) - 1),
        }
    }

    /// First day.
    pub fn from(&self) -> NaiveDate {
        self.from
    }

    /// Last day (inclusive).
    pub fn to(&self) -> NaiveDate {
        self.to
    }

    /// Number of days, both ends counted: a window from the 1st to the 10th has 10 days.
    pub fn len_days(&self) -> u32 {
        // Dates are bounded well within u32 days of each other.
        u32::try_from((self.to - self.from).num_days() + 1).unwrap_or(u32::MAX)
    }

    /// Whether `day` lies inside the window.
    pub fn contains(&self, day: NaiveDate) -> bool {
        self.from <= day && day <= self.to
    }

    /// Whether `other` lies entirely inside this window.
    pub fn covers(&self, other: &DateWindow) -> bool {
        self.from <= other.from && other.to <= self.to
    }

    /// Whether the two windows share at least one day.
    pub fn overlaps(&self, other: &DateWindow) -> bool {
        self.from <= other.to && other.from <= self.to
    }

    /// The days common to both windows, if any.
    pub fn intersect(&self, other: &DateWindow) -> Option<DateWindow> {
        let from = self.from.max(other.from);
        let to = self.to.min(other.to);
        (from <= to).then_some(DateWindow { from, to })
    }

    /// The first run of `days` consecutive days inside the window, if it is long enough.
    pub fn first_fit(&self, days: u32) -> Option<DateWindow> {
        (days >= 1 && self.len_days() >= days).then(|| DateWindow::starting(self.from, days))
    }

    /// The first run of `days` days inside this window that overlaps none of `busy`.
    ///
    /// `busy` need not be sorted. Runs are tried from the earliest start; after a clash the
    /// search resumes the day after the clashing window ends, so the cost is linear in the
    /// number of busy windows per step.
    pub fn first_free_fit(&self, days: u32, busy: &[DateWindow]) -> Option<DateWindow> {
        let mut start = self.from;
        loop {
            let candidate = DateWindow::new(start, self.to).ok()?.first_fit(days)?;
            match busy
                .iter()
                .filter(|b| b.overlaps(&candidate))
                .map(|b| b.to)
                .max()
            {
                None => return Some(candidate),
                Some(end) => start = end.succ_opt()?,
            }
        }
    }
}

impl fmt::Display for DateWindow {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.from, self.to)
    }
}

impl<'de> Deserialize<'de> for DateWindow {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Raw {
            from: super::text::Day,
            to: super::text::Day,
        }
        let raw = Raw::deserialize(deserializer)?;
        DateWindow::new(raw.from.0, raw.to.0).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }
    fn w(a: &str, b: &str) -> DateWindow {
        DateWindow::new(d(a), d(b)).unwrap()
    }

    #[test]
    fn reversed_window_is_refused_and_single_day_is_allowed() {
        assert!(DateWindow::new(d("2027-03-02"), d("2027-03-01")).is_err());
        assert_eq!(w("2027-03-01", "2027-03-01").len_days(), 1);
    }

    #[test]
    fn length_counts_both_ends_and_crosses_month_and_leap_day() {
        assert_eq!(w("2027-03-01", "2027-03-10").len_days(), 10);
        assert_eq!(w("2028-02-27", "2028-03-01").len_days(), 4);
        assert_eq!(w("2027-02-27", "2027-03-01").len_days(), 3);
    }

    #[test]
    fn intersection_at_the_edges() {
        let a = w("2027-03-01", "2027-03-10");
        assert_eq!(
            a.intersect(&w("2027-03-10", "2027-03-20")),
            Some(w("2027-03-10", "2027-03-10"))
        );
        assert_eq!(a.intersect(&w("2027-03-11", "2027-03-20")), None);
        assert_eq!(a.intersect(&w("2027-02-01", "2027-04-01")), Some(a));
        assert!(a.overlaps(&w("2027-02-01", "2027-03-01")));
        assert!(!a.overlaps(&w("2027-02-01", "2027-02-28")));
    }

    #[test]
    fn first_fit_needs_exactly_enough_days() {
        let a = w("2027-03-01", "2027-03-10");
        assert_eq!(a.first_fit(10), Some(a));
        assert_eq!(a.first_fit(11), None);
        assert_eq!(a.first_fit(7), Some(w("2027-03-01", "2027-03-07")));
        assert_eq!(a.first_fit(0), None);
    }

    #[test]
    fn first_free_fit_skips_busy_windows() {
        let a = w("2027-03-01", "2027-03-31");
        let busy = [w("2027-03-05", "2027-03-08"), w("2027-03-12", "2027-03-14")];
        // 03-01..03-04 is only 4 days; 03-09..03-11 is 3; the first 7-day gap starts 03-15.
        assert_eq!(
            a.first_free_fit(7, &busy),
            Some(w("2027-03-15", "2027-03-21"))
        );
        assert_eq!(
            a.first_free_fit(3, &busy),
            Some(w("2027-03-01", "2027-03-03"))
        );
        assert_eq!(a.first_free_fit(18, &busy), None);
        assert_eq!(
            a.first_free_fit(17, &busy),
            Some(w("2027-03-15", "2027-03-31"))
        );
    }

    #[test]
    fn covers_and_contains() {
        let a = w("2027-03-01", "2027-03-10");
        assert!(a.covers(&w("2027-03-01", "2027-03-10")));
        assert!(!a.covers(&w("2027-03-01", "2027-03-11")));
        assert!(a.contains(d("2027-03-10")));
        assert!(!a.contains(d("2027-02-28")));
    }

    #[test]
    fn deserialize_rejects_reversed_and_unknown_fields() {
        assert!(
            serde_json::from_str::<DateWindow>(r#"{"from":"2027-03-02","to":"2027-03-01"}"#)
                .is_err()
        );
        assert!(
            serde_json::from_str::<DateWindow>(r#"{"from":"2027-03-01","to":"2027-03-01","x":1}"#)
                .is_err()
        );
        assert_eq!(
            serde_json::from_str::<DateWindow>(r#"{"from":"2027-03-01","to":"2027-03-02"}"#)
                .unwrap(),
            w("2027-03-01", "2027-03-02")
        );
    }
}
