//! Missions in the workspace: creating them (every gate checked on the chosen dates,
//! against the bookings of the missions already there) and moving them through their
//! lifecycle. What missions book is in [`bookings`], what their documents are made of
//! in [`documents`].

mod bookings;
mod documents;

use std::collections::BTreeMap;

use chrono::NaiveDate;
use explor_engine::batch::Assignment;
use explor_engine::cost::RemainderPayer;
use explor_engine::mission::{
    Event, Item, Mission, MissionError, Staff, Staffing, State, check_staffing, earliest_dates,
};
use explor_engine::scoring::{Flag, History, Scorer, ScoringConfig, Subject};
use explor_engine::{CandidateKind, DateWindow, Expert, Record, RecordKind, Reference};

pub use documents::TEMPLATES_DIR;

use crate::error::{Error, Result, UserError};
use crate::workspace::{Workspace, lock};
use bookings::bookings_of;

/// Who a new mission sends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StaffRequest {
    /// These experts.
    Experts(Vec<String>),
    /// A company offer.
    Offer(String),
}

/// What `explor mission create` was asked.
#[derive(Debug, Clone)]
pub struct NewMission {
    /// The need.
    pub need: String,
    /// Who goes.
    pub staff: StaffRequest,
    /// First day; the earliest feasible when not given.
    pub start: Option<NaiveDate>,
    /// Days in the field; the need's duration when not given.
    pub days: Option<u32>,
    /// Who pays the remainder; the employer when the offer covers remaining costs,
    /// else the association.
    pub payer: Option<RemainderPayer>,
    /// Accept experts whose consent is still pending (flagged).
    pub include_pending: bool,
    /// The coordinator's note on the first event.
    pub note: Option<String>,
}

impl NewMission {
    /// The missions a batch's assignments make: the experts assigned to one need on the
    /// same dates go together (one mission, one cap), each offer assignment is a mission
    /// of its own. In need order, then by start.
    pub fn from_assignments(assignments: &[Assignment], include_pending: bool) -> Vec<NewMission> {
        let mut groups: BTreeMap<(&str, NaiveDate, NaiveDate, Option<&str>), Vec<String>> =
            BTreeMap::new();
        for a in assignments {
            let offer = (a.kind == CandidateKind::Offer).then_some(a.candidate.as_str());
            groups
                .entry((a.need.as_str(), a.start, a.end, offer))
                .or_default()
                .push(a.candidate.clone());
        }
        groups
            .into_iter()
            .map(|((need, start, end, offer), mut experts)| {
                experts.sort();
                let days = DateWindow::new(start, end).map_or(1, |w| w.len_days());
                NewMission {
                    need: need.to_owned(),
                    staff: match offer {
                        Some(id) => StaffRequest::Offer(id.to_owned()),
                        None => StaffRequest::Experts(experts),
                    },
                    start: Some(start),
                    days: Some(days),
                    payer: None,
                    include_pending,
                    note: Some(explor_engine::fr::workspace::CREATED_BY_BATCH.to_owned()),
                }
            })
            .collect()
    }
}

/// A mission just created, with what to check although it passed every gate.
#[derive(Debug, Clone)]
pub struct Created {
    /// The mission.
    pub mission: Mission,
    /// Flags raised by the gates.
    pub flags: Vec<Flag>,
}

impl StaffRequest {
    /// The staff a mission stores for this request.
    fn to_staff(&self) -> Staff {
        match self {
            StaffRequest::Experts(ids) => Staff::Experts {
                experts: ids.clone(),
            },
            StaffRequest::Offer(id) => Staff::Offer { offer: id.clone() },
        }
    }
}

/// Who pays the remainder when the request does not say: the employer when the offer
/// covers remaining costs, else the association.
fn default_payer(staff: &[Record]) -> RemainderPayer {
    match staff.first() {
        Some(Record::Offer(o)) if o.covers_remaining_costs => RemainderPayer::Employer,
        _ => RemainderPayer::Association,
    }
}

fn mission_error(e: MissionError) -> Error {
    UserError::Mission(e).into()
}

impl Workspace {
    /// Every mission, by id.
    pub fn missions(&self) -> Result<Vec<Mission>> {
        self.store.missions()
    }

    /// The mission with this id.
    pub fn mission(&self, id: &str) -> Result<Mission> {
        self.store
            .mission(id)?
            .ok_or_else(|| UserError::NoMission(id.to_owned()).into())
    }

    /// Missions that name this record (a need, an offer or an expert), not cancelled
    /// ones aside: a record on file is referred to by its history too.
    pub fn missions_naming(&self, id: &str) -> Result<Vec<String>> {
        Ok(self
            .store
            .missions()?
            .into_iter()
            .filter(|m| {
                m.need == id
                    || m.staff.offer() == Some(id)
                    || m.staff.experts().iter().any(|e| e == id)
            })
            .map(|m| m.id)
            .collect())
    }

    /// Creates one mission: checks every gate on the dates (the earliest feasible when
    /// none are given), stores it `proposed` and so books its people.
    pub fn create_mission(&mut self, request: &NewMission, today: NaiveDate) -> Result<Created> {
        Ok(self
            .create_missions(std::slice::from_ref(request), today)?
            .remove(0))
    }

    /// Creates several missions in one transaction: each is checked against the
    /// bookings of the missions before it, and if any fails none is stored.
    pub fn create_missions(
        &mut self,
        requests: &[NewMission],
        today: NaiveDate,
    ) -> Result<Vec<Created>> {
        let _lock = lock(self.root())?;
        let mut existing = self.store.missions()?;
        let first = self.store.next_mission_number()?;
        let config = self.scoring_config()?;
        let mut created = Vec::with_capacity(requests.len());
        for (number, request) in (first..).zip(requests) {
            let id = format!("mis-{number:04}");
            let made = self.checked_mission(request, id, &config, &existing, today)?;
            existing.push(made.mission.clone());
            created.push(made);
        }
        let missions: Vec<Mission> = created.iter().map(|c| c.mission.clone()).collect();
        self.store.insert_missions(&missions)?;
        Ok(created)
    }

    /// One new mission, not stored: its need and people read, every gate checked on its
    /// dates (the earliest feasible when none are asked) against the bookings of
    /// `existing`.
    fn checked_mission(
        &self,
        request: &NewMission,
        id: String,
        config: &ScoringConfig,
        existing: &[Mission],
        today: NaiveDate,
    ) -> Result<Created> {
        let mut config = config.clone();
        config.include_pending |= request.include_pending;
        let bookings = bookings_of(existing);
        let history = History::default();
        let scorer = Scorer {
            reference: Reference::embedded(),
            config: &config,
            bookings: &bookings,
            history: &history,
        };
        let need = self.need(&request.need)?;
        let records = self.staff_records(&request.staff)?;
        let days = request.days.unwrap_or(need.duration_days);
        let mut staffing = Staffing {
            need: &need,
            subjects: records.iter().filter_map(Subject::of).collect(),
            dates: DateWindow::starting(request.start.unwrap_or(need.window.from()), days),
            existing: existing
                .iter()
                .filter(|m| m.need == need.id && m.books())
                .map(|m| (m.id.clone(), m.staff.people()))
                .collect(),
        };
        if request.start.is_none() {
            staffing.dates = earliest_dates(&scorer, &staffing, days).map_err(mission_error)?;
        }
        let flags = check_staffing(&scorer, &staffing).map_err(mission_error)?;
        let mission = Mission::new(
            id,
            need.id.clone(),
            request.staff.to_staff(),
            staffing.dates,
            request.payer.unwrap_or_else(|| default_payer(&records)),
            today,
            request.note.clone(),
        );
        Ok(Created { mission, flags })
    }

    /// Moves a mission to `to`, if the lifecycle allows it and its prerequisites are met.
    pub fn advance_mission(
        &mut self,
        id: &str,
        to: State,
        on: NaiveDate,
        note: Option<String>,
    ) -> Result<Mission> {
        let _lock = lock(self.root())?;
        let mut mission = self.mission(id)?;
        let experts = self.experts_on_file(mission.staff.experts())?;
        let people: Vec<(&str, Option<&Expert>)> = experts
            .iter()
            .map(|(id, e)| (id.as_str(), e.as_ref()))
            .collect();
        let event = mission
            .advance(to, on, note, &people)
            .map_err(mission_error)?;
        self.append(&mut mission, event)?;
        Ok(mission)
    }

    /// Records a checklist item (training, insurance, debrief) on a mission.
    pub fn record_mission_item(
        &mut self,
        id: &str,
        item: Item,
        on: NaiveDate,
        note: Option<String>,
    ) -> Result<Mission> {
        let _lock = lock(self.root())?;
        let mut mission = self.mission(id)?;
        let event = mission.record(item, on, note).map_err(mission_error)?;
        self.append(&mut mission, event)?;
        Ok(mission)
    }

    /// Records a party's answer to a proposed mission (a decline says why).
    pub fn answer_proposal(
        &mut self,
        id: &str,
        party: explor_engine::mission::Party,
        accepted: bool,
        reason: Option<String>,
        on: NaiveDate,
    ) -> Result<Mission> {
        let _lock = lock(self.root())?;
        let mut mission = self.mission(id)?;
        let event = mission
            .answer(party, accepted, reason, on)
            .map_err(UserError::Answer)?;
        self.append(&mut mission, event)?;
        Ok(mission)
    }

    fn append(&mut self, mission: &mut Mission, event: Event) -> Result<()> {
        self.store.append_event(&mission.id, &event)?;
        mission.events.push(event);
        Ok(())
    }

    /// Each of these experts with their record, `None` for one no longer on file
    /// (erased at their request), in the order given.
    fn experts_on_file(&self, ids: &[String]) -> Result<Vec<(String, Option<Expert>)>> {
        let records = self.store.records_by_ids(ids.iter().map(String::as_str))?;
        Ok(ids
            .iter()
            .map(|id| {
                let found = records.iter().find_map(|r| match r {
                    Record::Expert(e) if e.id == *id => Some((**e).clone()),
                    _ => None,
                });
                (id.clone(), found)
            })
            .collect())
    }

    fn staff_records(&self, staff: &StaffRequest) -> Result<Vec<Record>> {
        let (ids, kind): (Vec<&str>, RecordKind) = match staff {
            StaffRequest::Experts(ids) => {
                (ids.iter().map(String::as_str).collect(), RecordKind::Expert)
            }
            StaffRequest::Offer(id) => (vec![id.as_str()], RecordKind::Offer),
        };
        let mut out = Vec::with_capacity(ids.len());
        for id in ids {
            let record = self.record(id)?;
            if record.kind() != kind {
                return Err(UserError::wrong_kind(id, kind, record.kind()).into());
            }
            out.push(record);
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests;
