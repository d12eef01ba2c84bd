//! The parties' answers to a proposal: the association whose need it serves and each
//! expert it staffs accept or decline it (a decline says why). An answer is an event
//! of the mission's log, like any change; the last answer of a party is the one that
//! counts, and parties answer only while the mission is `proposed`.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Change, Event, Mission, State};

/// Who answers a proposal.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "party", content = "id", rename_all = "snake_case")]
pub enum Party {
    /// The association whose need the mission serves.
    Association,
    /// One of the experts the mission staffs.
    Expert(String),
}

/// A party's answer as it stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Answer {
    /// Who.
    pub party: Party,
    /// Accepted or declined.
    pub accepted: bool,
    /// Why (always given for a decline).
    pub reason: Option<String>,
    /// The day of the answer.
    pub on: NaiveDate,
}

/// Why an answer is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AnswerError {
    /// The mission is no longer a proposal.
    #[error("{}", crate::fr::mission::not_proposed(.id, .state.label_fr()))]
    NotProposed {
        /// The mission.
        id: String,
        /// Its state.
        state: State,
    },
    /// The expert is not on the mission.
    #[error("{}", crate::fr::mission::not_staffed(.expert, .id))]
    NotStaffed {
        /// The mission.
        id: String,
        /// Who tried to answer.
        expert: String,
    },
    /// A decline without a reason.
    #[error("{}", crate::fr::mission::NO_REASON)]
    NoReason,
    /// The day is before the mission's last event.
    #[error("{}", crate::fr::mission::answer_before_last_event(.id, crate::fr::date(*.last)))]
    BeforeLastEvent {
        /// The mission.
        id: String,
        /// The last event's day.
        last: NaiveDate,
    },
}

impl Party {
    /// Who, in French (`l’association`, `l’expert exp-0007`).
    pub fn label_fr(&self) -> String {
        match self {
            Party::Association => crate::fr::mission::PARTY_ASSOCIATION.to_owned(),
            Party::Expert(id) => crate::fr::mission::party_expert(id),
        }
    }
}

/// An answer in French words (`acceptée par l’association`).
pub fn answer_label_fr(party: &Party, accepted: bool) -> String {
    crate::fr::mission::answer(accepted, &party.label_fr())
}

impl Mission {
    /// A party's answer to the proposal, as an event to append to the log.
    pub fn answer(
        &self,
        party: Party,
        accepted: bool,
        reason: Option<String>,
        on: NaiveDate,
    ) -> Result<Event, AnswerError> {
        let state = self.state();
        if state != State::Proposed {
            return Err(AnswerError::NotProposed {
                id: self.id.clone(),
                state,
            });
        }
        if let Party::Expert(expert) = &party
            && !self.staff.experts().contains(expert)
        {
            return Err(AnswerError::NotStaffed {
                id: self.id.clone(),
                expert: expert.clone(),
            });
        }
        let reason = reason
            .map(|r| r.trim().to_owned())
            .filter(|r| !r.is_empty());
        if !accepted && reason.is_none() {
            return Err(AnswerError::NoReason);
        }
        let last = self.events.last().map_or(on, |e| e.on);
        if on < last {
            return Err(AnswerError::BeforeLastEvent {
                id: self.id.clone(),
                last,
            });
        }
        Ok(Event {
            seq: u32::try_from(self.events.len())
                .unwrap_or(u32::MAX)
                .saturating_add(1),
            on,
            change: Change::Answered { party, accepted },
            note: reason,
        })
    }

    /// Each party's last answer, the association first, then the experts in the
    /// mission's order.
    pub fn answers(&self) -> Vec<Answer> {
        let mut out: Vec<Answer> = Vec::new();
        for e in &self.events {
            if let Change::Answered { party, accepted } = &e.change {
                out.retain(|a| a.party != *party);
                out.push(Answer {
                    party: party.clone(),
                    accepted: *accepted,
                    reason: e.note.clone(),
                    on: e.on,
                });
            }
        }
        let rank = |p: &Party| match p {
            Party::Association => 0,
            Party::Expert(id) => {
                1 + self
                    .staff
                    .experts()
                    .iter()
                    .position(|e| e == id)
                    .unwrap_or(0)
            }
        };
        out.sort_by_key(|a| rank(&a.party));
        out
    }

    /// The parties who have not answered yet.
    pub fn awaiting(&self) -> Vec<Party> {
        let answered = self.answers();
        std::iter::once(Party::Association)
            .chain(self.staff.experts().iter().cloned().map(Party::Expert))
            .filter(|p| !answered.iter().any(|a| a.party == *p))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cost::RemainderPayer;
    use crate::mission::Staff;
    use crate::values::DateWindow;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2027, 1, d).unwrap()
    }

    fn proposed() -> Mission {
        Mission::new(
            "mis-0001".into(),
            "need-a".into(),
            Staff::Experts {
                experts: vec!["exp-1".into(), "exp-2".into()],
            },
            DateWindow::new(day(20), day(29)).unwrap(),
            RemainderPayer::Association,
            day(2),
            None,
        )
    }

    #[test]
    fn parties_answer_a_proposal_and_the_last_answer_counts() {
        let mut m = proposed();
        assert_eq!(m.awaiting().len(), 3);
        let e = m.answer(Party::Association, true, None, day(3)).unwrap();
        m.events.push(e);
        let e = m
            .answer(
                Party::Expert("exp-2".into()),
                false,
                Some(" Pas libre en janvier ".into()),
                day(4),
            )
            .unwrap();
        assert_eq!(e.seq, 3);
        m.events.push(e);
        let answers = m.answers();
        assert_eq!(answers[0].party, Party::Association);
        assert_eq!(answers[1].reason.as_deref(), Some("Pas libre en janvier"));
        assert_eq!(m.awaiting(), [Party::Expert("exp-1".into())]);
        // Changing one's mind: the last answer counts.
        let e = m
            .answer(Party::Expert("exp-2".into()), true, None, day(5))
            .unwrap();
        m.events.push(e);
        assert!(m.answers()[1].accepted);
        assert_eq!(m.answers().len(), 2);
    }

    #[test]
    fn answers_are_refused_without_a_reason_from_strangers_and_once_proposal_is_over() {
        let m = proposed();
        assert_eq!(
            m.answer(Party::Association, false, Some("  ".into()), day(3)),
            Err(AnswerError::NoReason)
        );
        assert!(matches!(
            m.answer(Party::Expert("exp-9".into()), true, None, day(3)),
            Err(AnswerError::NotStaffed { .. })
        ));
        assert!(matches!(
            m.answer(Party::Association, true, None, day(1)),
            Err(AnswerError::BeforeLastEvent { .. })
        ));
        let mut cancelled = proposed();
        cancelled.events.push(Event {
            seq: 2,
            on: day(3),
            change: Change::Advanced {
                from: State::Proposed,
                to: State::Cancelled,
            },
            note: None,
        });
        assert!(matches!(
            cancelled.answer(Party::Association, true, None, day(4)),
            Err(AnswerError::NotProposed { .. })
        ));
    }

    #[test]
    fn an_answer_is_kept_in_the_log_as_json_and_read_back() {
        let m = proposed();
        let e = m
            .answer(
                Party::Expert("exp-1".into()),
                false,
                Some("Raison".into()),
                day(3),
            )
            .unwrap();
        let json = serde_json::to_value(&e).unwrap();
        assert_eq!(json["type"], "answered");
        assert_eq!(json["party"]["party"], "expert");
        let back: Event = serde_json::from_value(json).unwrap();
        assert_eq!(back, e);
    }
}
