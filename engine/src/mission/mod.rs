//! Missions: a need staffed by experts (or a company offer) on chosen dates, the
//! lifecycle the network follows it through, and what it costs.
//!
//! A [`Mission`] is event-sourced: its state, checklist and history are read from an
//! append-only list of [`Event`]s. The engine decides whether a change is allowed
//! ([`Mission::advance`], [`Mission::record`]) and returns the event to append; storing
//! it is the caller's business. Staffing is checked with the scoring gates on the
//! chosen dates ([`check_staffing`]), and a mission's cost plan is the cost module's
//! [`plan`](crate::cost::plan) fed by [`cost_input`].

mod answers;
pub(crate) mod documents;
mod file;
mod lifecycle;
mod staffing;

#[cfg(test)]
mod tests;

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::cost::RemainderPayer;
use crate::values::DateWindow;

pub use answers::{Answer, AnswerError, Party, answer_label_fr};
pub use documents::{DocFormat, DocKind, DocumentError, Dossier, Templates, render, render_bytes};
pub use file::MissionFile;
pub use lifecycle::{Checklist, DEPARTURE_LEAD_DAYS, MissionError, State};
pub use staffing::{Staffing, check_staffing, cost_input, earliest_dates};

/// Who goes on a mission.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Staff {
    /// Named experts.
    Experts {
        /// Their ids.
        experts: Vec<String>,
    },
    /// A company offer: the company names its employee later (an offer's headcount
    /// counts people, one per mission).
    Offer {
        /// The offer's id.
        offer: String,
    },
}

impl Staff {
    /// How many people go: the experts named, or one employee of the offering company.
    pub fn people(&self) -> u32 {
        people_sent(matches!(self, Staff::Offer { .. }), self.experts().len())
    }

    /// The named experts (none for an offer).
    pub fn experts(&self) -> &[String] {
        match self {
            Staff::Experts { experts } => experts,
            Staff::Offer { .. } => &[],
        }
    }

    /// The offer, if the mission is staffed by one.
    pub fn offer(&self) -> Option<&str> {
        match self {
            Staff::Experts { .. } => None,
            Staff::Offer { offer } => Some(offer),
        }
    }
}

/// The headcount rule shared by [`Staff`] and [`Staffing`]: an offer is one place (its
/// company names one employee per mission), named experts count one each.
fn people_sent(offer: bool, experts: usize) -> u32 {
    if offer {
        1
    } else {
        u32::try_from(experts).unwrap_or(u32::MAX)
    }
}

/// Something the network records about a mission, needed before some transitions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Item {
    /// The pre-departure training was followed (needed for `trained`).
    Training,
    /// Travel and repatriation insurance is taken out (needed for `in_field`).
    Insurance,
    /// The return debrief was received (needed for `debriefed`).
    Debrief,
}

impl Item {
    /// Every item, in the order of a mission's checklist.
    pub const ALL: [Item; 3] = [Item::Training, Item::Insurance, Item::Debrief];

    /// The name used on the command line and in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Item::Training => "training",
            Item::Insurance => "insurance",
            Item::Debrief => "debrief",
        }
    }

    /// The French label, for documents.
    pub fn label_fr(self) -> &'static str {
        match self {
            Item::Training => "formation au départ",
            Item::Insurance => "assurance voyage et rapatriement",
            Item::Debrief => "bilan de retour",
        }
    }
}

impl fmt::Display for Item {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Item {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Item::ALL
            .into_iter()
            .find(|i| i.as_str() == s)
            .ok_or_else(|| {
                format!("élément inconnu « {s} » (attendu : training, insurance ou debrief)")
            })
    }
}

/// What an event changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Change {
    /// The mission was created, `proposed`.
    Created,
    /// The mission moved from one state to another.
    Advanced {
        /// State before.
        from: State,
        /// State after.
        to: State,
    },
    /// A checklist item was recorded.
    Recorded {
        /// What.
        item: Item,
    },
    /// A party answered the proposal (its reason is the event's note).
    Answered {
        /// Who answered.
        party: Party,
        /// Whether they accept.
        accepted: bool,
    },
}

/// One entry of a mission's log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    /// Position in the log, from 1.
    pub seq: u32,
    /// The day it happened.
    pub on: NaiveDate,
    /// What changed.
    #[serde(flatten)]
    pub change: Change,
    /// The coordinator's note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A need staffed on chosen dates, with its log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mission {
    /// Mission id (`mis-0001`).
    pub id: String,
    /// The need it serves.
    pub need: String,
    /// Who goes.
    pub staff: Staff,
    /// The mission's days in the field.
    pub dates: DateWindow,
    /// Who pays what the network does not.
    pub payer: RemainderPayer,
    /// The log, oldest first; never rewritten.
    pub events: Vec<Event>,
}

impl Mission {
    /// A new mission, `proposed` on `on`.
    pub fn new(
        id: String,
        need: String,
        staff: Staff,
        dates: DateWindow,
        payer: RemainderPayer,
        on: NaiveDate,
        note: Option<String>,
    ) -> Self {
        Self {
            id,
            need,
            staff,
            dates,
            payer,
            events: vec![Event {
                seq: 1,
                on,
                change: Change::Created,
                note,
            }],
        }
    }

    /// The state the log leads to.
    pub fn state(&self) -> State {
        self.events
            .iter()
            .rev()
            .find_map(|e| match e.change {
                Change::Advanced { to, .. } => Some(to),
                _ => None,
            })
            .unwrap_or(State::Proposed)
    }

    /// Whether `item` has been recorded.
    pub fn has(&self, item: Item) -> bool {
        self.events
            .iter()
            .any(|e| e.change == Change::Recorded { item })
    }

    /// Whether the mission holds its people's dates (and its offer's headcount): every
    /// state but `cancelled`.
    pub fn books(&self) -> bool {
        self.state() != State::Cancelled
    }

    /// The day the mission was created.
    pub fn created_on(&self) -> NaiveDate {
        self.events.first().map_or(self.dates.from(), |e| e.on)
    }
}
