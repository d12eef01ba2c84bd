//! Missions in the workspace: creating them (every gate checked on the chosen dates,
//! against the bookings of the missions already there), moving them through their
//! lifecycle, and everything a mission's documents are made from.
//!
//! Missions are what [`Workspace::bookings`] and [`Workspace::history`] read: a mission
//! that is not cancelled holds its experts' dates and one place of its offer.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::NaiveDate;
use explor_engine::batch::Assignment;
use explor_engine::cost::{CostRules, RemainderPayer};
use explor_engine::mission::{
    DocFormat, DocKind, Event, Item, Mission, MissionError, MissionFile, Staff, Staffing, State,
    Templates, check_staffing, earliest_dates, render,
};
use explor_engine::scoring::{Bookings, Flag, History, Subject};
use explor_engine::{CandidateKind, DateWindow, Expert, Need, Record, RecordKind, Reference};

use crate::error::{Error, Result, UserError};
use crate::workspace::{Workspace, lock};

/// The folder of a workspace whose templates replace the embedded ones.
pub const TEMPLATES_DIR: &str = "templates";

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
                    note: Some("créée par explor batch --commit".to_owned()),
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

fn mission_error(e: MissionError) -> Error {
    UserError::Mission(e).into()
}

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
        let base_config = self.scoring_config()?;
        let mut created = Vec::with_capacity(requests.len());
        for (number, request) in (first..).zip(requests) {
            let mut config = base_config.clone();
            config.include_pending |= request.include_pending;
            let bookings = bookings_of(&existing);
            let history = History::default();
            let scorer = explor_engine::scoring::Scorer {
                reference: Reference::embedded(),
                config: &config,
                bookings: &bookings,
                history: &history,
            };
            let need = self.need_record(&request.need)?;
            let records = self.staff_records(&request.staff)?;
            let subjects: Vec<Subject<'_>> = records.iter().filter_map(Subject::of).collect();
            let days = request.days.unwrap_or(need.duration_days);
            let mut staffing = Staffing {
                need: &need,
                subjects,
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
            let staff = match &request.staff {
                StaffRequest::Experts(ids) => Staff::Experts {
                    experts: ids.clone(),
                },
                StaffRequest::Offer(id) => Staff::Offer { offer: id.clone() },
            };
            let payer = request.payer.unwrap_or(match records.first() {
                Some(Record::Offer(o)) if o.covers_remaining_costs => RemainderPayer::Employer,
                _ => RemainderPayer::Association,
            });
            let mission = Mission::new(
                format!("mis-{number:04}"),
                need.id.clone(),
                staff,
                staffing.dates,
                payer,
                today,
                request.note.clone(),
            );
            existing.push(mission.clone());
            created.push(Created { mission, flags });
        }
        let missions: Vec<Mission> = created.iter().map(|c| c.mission.clone()).collect();
        self.store.insert_missions(&missions)?;
        Ok(created)
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

    fn append(&mut self, mission: &mut Mission, event: Event) -> Result<()> {
        self.store.append_event(&mission.id, &event)?;
        mission.events.push(event);
        Ok(())
    }

    /// A mission with its need, association, experts, offer and cost plan.
    pub fn mission_file(&self, id: &str) -> Result<MissionFile> {
        let mission = self.mission(id)?;
        let need = self.need_record(&mission.need)?;
        let association = match self.record(&need.association)? {
            Record::Association(a) => a,
            other => {
                return Err(UserError::WrongKind {
                    id: need.association.clone(),
                    expected: "an association",
                    found: other.kind().as_str().to_owned(),
                }
                .into());
            }
        };
        let experts = self.experts_on_file(mission.staff.experts())?;
        let offer = match mission.staff.offer() {
            Some(id) => match self.store.record(id)? {
                Some(Record::Offer(o)) => Some(*o),
                _ => None,
            },
            None => None,
        };
        Ok(MissionFile::new(
            mission,
            need,
            association,
            experts,
            offer,
            CostRules::embedded(),
            &Reference::embedded(),
        ))
    }

    /// The templates documents are rendered with: the embedded ones, each replaced by
    /// the workspace's `templates/` file of the same name when there is one.
    pub fn templates(&self) -> Result<Templates> {
        let dir = self.root().join(TEMPLATES_DIR);
        let overrides = read_templates(&dir)?;
        if overrides.is_empty() {
            return Ok(Templates::embedded());
        }
        Templates::with_overrides(overrides).map_err(|e| {
            UserError::BadSettings {
                path: dir,
                source: e.into(),
            }
            .into()
        })
    }

    /// Renders one of a mission's documents.
    pub fn mission_document(&self, id: &str, kind: DocKind, format: DocFormat) -> Result<String> {
        let file = self.mission_file(id)?;
        let templates = self.templates()?;
        render(
            kind,
            format,
            &file.dossier(),
            &Reference::embedded(),
            &templates,
        )
        .map_err(|e| {
            UserError::BadSettings {
                path: self.root().join(TEMPLATES_DIR),
                source: e.into(),
            }
            .into()
        })
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

    fn need_record(&self, id: &str) -> Result<Need> {
        match self.record(id)? {
            Record::Need(n) => Ok(*n),
            other => Err(UserError::WrongKind {
                id: id.to_owned(),
                expected: "a need",
                found: other.kind().as_str().to_owned(),
            }
            .into()),
        }
    }

    fn staff_records(&self, staff: &StaffRequest) -> Result<Vec<Record>> {
        let (ids, expected, kind): (Vec<&str>, &'static str, RecordKind) = match staff {
            StaffRequest::Experts(ids) => (
                ids.iter().map(String::as_str).collect(),
                "an expert",
                RecordKind::Expert,
            ),
            StaffRequest::Offer(id) => (vec![id.as_str()], "an offer", RecordKind::Offer),
        };
        let mut out = Vec::with_capacity(ids.len());
        for id in ids {
            let record = self.record(id)?;
            if record.kind() != kind {
                return Err(UserError::WrongKind {
                    id: id.to_owned(),
                    expected,
                    found: record.kind().as_str().to_owned(),
                }
                .into());
            }
            out.push(record);
        }
        Ok(out)
    }
}

/// Bookings from missions: every mission not cancelled holds its experts' dates and
/// one place of its offer.
fn bookings_of(missions: &[Mission]) -> Bookings {
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

/// The templates a folder overrides, by file name: only the names the documents use
/// (other files — notes, backups — are left alone); none when the folder is absent.
fn read_templates(dir: &Path) -> Result<BTreeMap<String, String>> {
    let mut out = BTreeMap::new();
    for name in Templates::FILES {
        let path = dir.join(name);
        match std::fs::read_to_string(&path) {
            Ok(text) => {
                out.insert((*name).to_owned(), text);
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(Error::io(&path, e)),
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests;
