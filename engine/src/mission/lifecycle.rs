//! The states a mission goes through, which moves are allowed, and what each needs.

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Change, Event, Item, Mission};
use crate::model::{ConsentStatus, Expert};
use crate::scoring::GateFailure;

/// Where a mission stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum State {
    /// Created from a match; the people's dates are held.
    Proposed,
    /// Terms of reference drafted.
    TermsDrafted,
    /// Association, expert, employer and network agree.
    Agreed,
    /// The pre-departure training is done.
    Trained,
    /// The expert is in the field.
    InField,
    /// Back from the field.
    Returned,
    /// The return debrief is in.
    Debriefed,
    /// Finished.
    Closed,
    /// Called off before departure.
    Cancelled,
}

impl State {
    /// Every state, in lifecycle order (`cancelled` last).
    pub const ALL: [State; 9] = [
        State::Proposed,
        State::TermsDrafted,
        State::Agreed,
        State::Trained,
        State::InField,
        State::Returned,
        State::Debriefed,
        State::Closed,
        State::Cancelled,
    ];

    /// The name used on the command line and in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            State::Proposed => "proposed",
            State::TermsDrafted => "terms_drafted",
            State::Agreed => "agreed",
            State::Trained => "trained",
            State::InField => "in_field",
            State::Returned => "returned",
            State::Debriefed => "debriefed",
            State::Closed => "closed",
            State::Cancelled => "cancelled",
        }
    }

    /// The French label, for people (`termes rédigés`; see [`crate::fr::mission`]).
    pub fn label_fr(self) -> &'static str {
        crate::fr::mission::state(self)
    }

    /// The state after this one in the normal course, if any.
    pub fn next(self) -> Option<State> {
        match self {
            State::Proposed => Some(State::TermsDrafted),
            State::TermsDrafted => Some(State::Agreed),
            State::Agreed => Some(State::Trained),
            State::Trained => Some(State::InField),
            State::InField => Some(State::Returned),
            State::Returned => Some(State::Debriefed),
            State::Debriefed => Some(State::Closed),
            State::Closed | State::Cancelled => None,
        }
    }

    /// Whether a mission in this state can still be called off.
    pub fn can_cancel(self) -> bool {
        self < State::InField
    }

    /// The states a mission can move to from this one.
    pub fn allowed(self) -> Vec<State> {
        let mut out: Vec<State> = self.next().into_iter().collect();
        if self.can_cancel() {
            out.push(State::Cancelled);
        }
        out
    }

    /// Whether nothing more can happen.
    pub fn is_final(self) -> bool {
        matches!(self, State::Closed | State::Cancelled)
    }
}

impl fmt::Display for State {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for State {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let folded = crate::fr::mission::folded(s);
        State::ALL
            .into_iter()
            .find(|st| st.as_str() == s || crate::fr::mission::folded(st.label_fr()) == folded)
            .ok_or_else(|| {
                let names: Vec<String> = State::ALL
                    .iter()
                    .map(|st| crate::fr::mission::state_choice(st.label_fr(), st.as_str()))
                    .collect();
                crate::fr::mission::unknown_state(s, names.join(", "))
            })
    }
}

/// What a mission's checklist holds: each item with the day it was recorded.
pub type Checklist = Vec<(Item, Option<NaiveDate>)>;

fn names(states: &[State]) -> String {
    crate::fr::mission::states_or(states)
}

/// Why a mission cannot be created or changed as asked. All are the user's to fix.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MissionError {
    /// A move the lifecycle does not allow.
    #[error("{}", crate::fr::mission::illegal_transition(.id, .from.label_fr(), .to.label_fr(), names(.allowed)))]
    IllegalTransition {
        /// The mission.
        id: String,
        /// Its state.
        from: State,
        /// The state asked for.
        to: State,
        /// What is allowed from `from`.
        allowed: Vec<State>,
    },
    /// A move whose prerequisites are not met.
    #[error("{}", crate::fr::mission::prerequisites(.id, .to.label_fr(), .missing.join(" ; ")))]
    Prerequisites {
        /// The mission.
        id: String,
        /// The state asked for.
        to: State,
        /// What is missing, in words.
        missing: Vec<String>,
    },
    /// A finished mission takes no more records.
    #[error("{}", crate::fr::mission::finished(.id, .state.label_fr()))]
    Finished {
        /// The mission.
        id: String,
        /// Its final state.
        state: State,
    },
    /// An item recorded twice.
    #[error("{}", crate::fr::mission::already_recorded(.id, .item.label_fr(), .item, crate::fr::date(*.on)))]
    AlreadyRecorded {
        /// The mission.
        id: String,
        /// The item.
        item: Item,
        /// When it was recorded.
        on: NaiveDate,
    },
    /// An item recorded too early.
    #[error("{}", crate::fr::mission::too_early(.id, .state.label_fr(), .item.label_fr(), .item, .after.label_fr()))]
    TooEarly {
        /// The mission.
        id: String,
        /// The item.
        item: Item,
        /// The mission's state.
        state: State,
        /// The first state in which it can be.
        after: State,
    },
    /// An event dated before the last one in the log.
    #[error("{}", crate::fr::mission::before_last_event(.id, crate::fr::date(*.last), crate::fr::date(*.on)))]
    BeforeLastEvent {
        /// The mission.
        id: String,
        /// The date given.
        on: NaiveDate,
        /// The last event's date.
        last: NaiveDate,
    },
    /// A move dated where the mission's own dates rule it out: departure months before
    /// the mission starts, or a return before it has begun.
    #[error("{}", crate::fr::mission::outside_dates(.id, .dates, .to.label_fr(), crate::fr::date(*.on), allowed_days(*.earliest, *.latest)))]
    OutsideDates {
        /// The mission.
        id: String,
        /// The state asked for.
        to: State,
        /// The date given.
        on: NaiveDate,
        /// The mission's dates.
        dates: String,
        /// The first day that move can be dated, if bounded.
        earliest: Option<NaiveDate>,
        /// The last day that move can be dated, if bounded.
        latest: Option<NaiveDate>,
    },
    /// Mission days outside the programme's range.
    #[error("{}", crate::fr::mission::days_out_of_range(.min, .max, .days))]
    Days {
        /// Days asked.
        days: u32,
        /// Shortest.
        min: u32,
        /// Longest.
        max: u32,
    },
    /// Dates outside the need's window.
    #[error("{}", crate::fr::mission::outside_need_window(.dates, .window))]
    OutsideWindow {
        /// The dates asked.
        dates: String,
        /// The need's window.
        window: String,
    },
    /// Nobody to send.
    #[error("{}", crate::fr::mission::NO_EXPERT)]
    NoExpert,
    /// The same expert named twice.
    #[error("{}", crate::fr::mission::named_twice(.0))]
    DuplicateExpert(String),
    /// More people than the need still wants.
    #[error("{}", crate::fr::mission::need_staffed(.need, .wanted, .already, if .by.is_empty() { crate::fr::mission::NO_MISSION.to_owned() } else { .by.join(", ") }, .left, .asked))]
    NeedStaffed {
        /// The need.
        need: String,
        /// Experts it wants.
        wanted: u32,
        /// Experts already on its missions.
        already: u32,
        /// Those missions.
        by: Vec<String>,
        /// What is left.
        left: u32,
        /// What was asked.
        asked: u32,
    },
    /// People each eligible alone but never on the same dates.
    #[error("{}", crate::fr::mission::no_common_dates(.people.join(", "), .days, .window))]
    NoCommonDates {
        /// The people.
        people: Vec<String>,
        /// Days asked.
        days: u32,
        /// The need's window.
        window: String,
    },
    /// Candidates failing gates on the chosen dates.
    #[error("{}", crate::fr::mission::not_eligible(.dates, describe(.failures)))]
    Ineligible {
        /// The dates checked.
        dates: String,
        /// Each candidate with the gates it fails.
        failures: Vec<(String, Vec<GateFailure>)>,
    },
}

fn allowed_days(earliest: Option<NaiveDate>, latest: Option<NaiveDate>) -> String {
    match (earliest, latest) {
        (Some(a), Some(b)) => crate::fr::mission::between(&crate::fr::date(a), &crate::fr::date(b)),
        (Some(a), None) => crate::fr::mission::on_or_after(crate::fr::date(a)),
        (None, Some(b)) => crate::fr::mission::on_or_before(&crate::fr::date(b)),
        (None, None) => crate::fr::mission::NOT_DATABLE.into(),
    }
}

/// How many days before the first day in the field an expert may be recorded as
/// departed (the journey).
pub const DEPARTURE_LEAD_DAYS: u64 = 2;

fn describe(failures: &[(String, Vec<GateFailure>)]) -> String {
    failures
        .iter()
        .map(|(id, gates)| {
            let reasons: Vec<String> = gates
                .iter()
                .map(|g| format!("[{}] {}", g.gate.label_fr(), g.detail))
                .collect();
            format!("{id} : {}", reasons.join(" ; "))
        })
        .collect::<Vec<_>>()
        .join(" — ")
}

impl Mission {
    fn check_date(&self, on: NaiveDate) -> Result<u32, MissionError> {
        let last = self.events.last();
        if let Some(last) = last
            && on < last.on
        {
            return Err(MissionError::BeforeLastEvent {
                id: self.id.clone(),
                on,
                last: last.on,
            });
        }
        Ok(last.map_or(1, |e| e.seq + 1))
    }

    /// The checklist: every item with the day it was recorded, if it was.
    pub fn checklist(&self) -> Checklist {
        Item::ALL
            .into_iter()
            .map(|item| {
                let on = self
                    .events
                    .iter()
                    .find(|e| e.change == Change::Recorded { item })
                    .map(|e| e.on);
                (item, on)
            })
            .collect()
    }

    /// The event recording `item` on `on`, if the mission can take it: not finished,
    /// not already recorded, and the debrief only once the expert is back.
    pub fn record(
        &self,
        item: Item,
        on: NaiveDate,
        note: Option<String>,
    ) -> Result<Event, MissionError> {
        let state = self.state();
        if state.is_final() {
            return Err(MissionError::Finished {
                id: self.id.clone(),
                state,
            });
        }
        if let Some((_, Some(day))) = self.checklist().into_iter().find(|(i, _)| *i == item) {
            return Err(MissionError::AlreadyRecorded {
                id: self.id.clone(),
                item,
                on: day,
            });
        }
        if item == Item::Debrief && state < State::Returned {
            return Err(MissionError::TooEarly {
                id: self.id.clone(),
                item,
                state,
                after: State::Returned,
            });
        }
        let seq = self.check_date(on)?;
        Ok(Event {
            seq,
            on,
            change: Change::Recorded { item },
            note,
        })
    }

    /// The event moving the mission to `to` on `on`, if the lifecycle allows it and its
    /// prerequisites are met.
    ///
    /// `people` are the mission's experts as the workspace holds them now (`None` for
    /// one erased at their request): departure re-checks their employer's consent.
    pub fn advance(
        &self,
        to: State,
        on: NaiveDate,
        note: Option<String>,
        people: &[(&str, Option<&Expert>)],
    ) -> Result<Event, MissionError> {
        let from = self.state();
        let allowed = from.allowed();
        if !allowed.contains(&to) {
            return Err(MissionError::IllegalTransition {
                id: self.id.clone(),
                from,
                to,
                allowed,
            });
        }
        let (earliest, latest) = self.dated_between(to);
        if earliest.is_some_and(|e| on < e) || latest.is_some_and(|l| on > l) {
            return Err(MissionError::OutsideDates {
                id: self.id.clone(),
                to,
                on,
                dates: crate::fr::window(&self.dates),
                earliest,
                latest,
            });
        }
        let missing = self.missing_for(to, people);
        if !missing.is_empty() {
            return Err(MissionError::Prerequisites {
                id: self.id.clone(),
                to,
                missing,
            });
        }
        let seq = self.check_date(on)?;
        Ok(Event {
            seq,
            on,
            change: Change::Advanced { from, to },
            note,
        })
    }

    /// The days a move to `to` can be dated, from the mission's own dates: the
    /// departure from [`DEPARTURE_LEAD_DAYS`] before the first day to the last day, the
    /// return from the first day on. Other moves are bounded only by the log's order.
    pub fn dated_between(&self, to: State) -> (Option<NaiveDate>, Option<NaiveDate>) {
        let first = self.dates.from();
        match to {
            State::InField => (
                first.checked_sub_days(chrono::Days::new(DEPARTURE_LEAD_DAYS)),
                Some(self.dates.to()),
            ),
            State::Returned => (Some(first), None),
            _ => (None, None),
        }
    }

    /// What `to` needs that the mission does not have, in words.
    fn missing_for(&self, to: State, people: &[(&str, Option<&Expert>)]) -> Vec<String> {
        let mut missing = Vec::new();
        let need_item = |item: Item, missing: &mut Vec<String>| {
            if !self.has(item) {
                missing.push(crate::fr::mission::not_recorded(
                    item.label_fr(),
                    &self.id,
                    item,
                ));
            }
        };
        match to {
            State::Trained => need_item(Item::Training, &mut missing),
            State::InField => {
                need_item(Item::Training, &mut missing);
                need_item(Item::Insurance, &mut missing);
                for (id, expert) in people {
                    match expert {
                        None => missing.push(crate::fr::mission::erased_cannot_leave(id)),
                        Some(e) => {
                            if let Some(problem) = consent_problem(e, &self.dates) {
                                missing.push(crate::fr::mission::person_problem(id, &problem));
                            }
                        }
                    }
                }
            }
            State::Debriefed => need_item(Item::Debrief, &mut missing),
            _ => {}
        }
        missing
    }
}

/// Why an employed expert cannot depart on `dates` for lack of consent, if so.
fn consent_problem(e: &Expert, dates: &crate::values::DateWindow) -> Option<String> {
    if !e.status.has_employer() {
        return None;
    }
    match e.consent.status {
        ConsentStatus::Granted if e.consent.covers(dates) => None,
        ConsentStatus::Granted => Some(crate::fr::mission::consent_not_covering(
            e.consent.valid_from.map_or("…".into(), crate::fr::date),
            e.consent.valid_to.map_or("…".into(), crate::fr::date),
            crate::fr::window(dates),
        )),
        ConsentStatus::Pending => Some(crate::fr::gates::CONSENT_STILL_PENDING.into()),
        ConsentStatus::Refused => Some(crate::fr::gates::CONSENT_REFUSED.into()),
        ConsentStatus::NotRequired => Some(crate::fr::mission::CONSENT_WRONGLY_NOT_REQUIRED.into()),
    }
}
