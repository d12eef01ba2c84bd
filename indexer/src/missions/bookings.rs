//! Bookings: what the missions already there hold (their experts' dates, their offers'
//! places, each person's recent missions), and the needs that still have places.
//!
//! A mission that is not cancelled holds its experts' dates and one place of its offer.

use std::collections::BTreeMap;

use explor_engine::Need;
use explor_engine::mission::Mission;
use explor_engine::scoring::{Bookings, History};

use crate::error::Result;
use crate::workspace::Workspace;

impl Workspace {
    /// Booked dates (every mission not cancelled holds its experts' dates) and the
    /// missions each offer already staffs.
    pub fn bookings(&self) -> Result<Bookings> {
        Ok(bookings_of(&self.store.missions()?))
    }

    /// How many missions each expert or offer is on (cancelled ones aside), for the
    /// rotation criterion.
    pub fn history(&self) -> Result<History> {
        Ok(history_of(&self.store.missions()?))
    }

    /// Bookings and history together, from one reading of the missions.
    pub(crate) fn bookings_and_history(&self) -> Result<(Bookings, History)> {
        let missions = self.store.missions()?;
        Ok((bookings_of(&missions), history_of(&missions)))
    }

    /// The needs among `needs` that still have places, each with `experts_wanted`
    /// lowered to the places left (missions not cancelled take theirs).
    pub fn open_needs(&self, needs: Vec<Need>) -> Result<Vec<Need>> {
        let staffed = self.staffed_needs()?;
        Ok(needs
            .into_iter()
            .filter_map(|mut n| {
                let taken = staffed.get(&n.id).map_or(0, |(people, _)| *people);
                n.experts_wanted = n
                    .experts_wanted
                    .checked_sub(taken)
                    .filter(|left| *left > 0)?;
                Some(n)
            })
            .collect())
    }

    /// For each need that missions serve (cancelled ones aside): the people they send
    /// and the missions, by id.
    pub fn staffed_needs(&self) -> Result<BTreeMap<String, (u32, Vec<String>)>> {
        let mut out: BTreeMap<String, (u32, Vec<String>)> = BTreeMap::new();
        for m in self.store.missions()?.into_iter().filter(Mission::books) {
            let entry = out.entry(m.need.clone()).or_default();
            entry.0 += m.staff.people();
            entry.1.push(m.id);
        }
        Ok(out)
    }
}

/// Bookings from missions: every mission not cancelled holds its experts' dates and
/// one place of its offer.
pub(super) fn bookings_of(missions: &[Mission]) -> Bookings {
    let mut bookings = Bookings::default();
    for m in missions.iter().filter(|m| m.books()) {
        for id in m.staff.experts() {
            bookings
                .experts
                .entry(id.clone())
                .or_default()
                .push(m.dates);
        }
        if let Some(offer) = m.staff.offer() {
            *bookings.offers_used.entry(offer.to_owned()).or_default() += 1;
        }
    }
    bookings
}

/// How many missions each expert or offer is on, among those not cancelled.
fn history_of(missions: &[Mission]) -> History {
    let mut history = History::default();
    for m in missions.iter().filter(|m| m.books()) {
        let ids = m
            .staff
            .experts()
            .iter()
            .map(String::as_str)
            .chain(m.staff.offer());
        for id in ids {
            *history.recent.entry(id.to_owned()).or_default() += 1;
        }
    }
    history
}
