//! A mission as people and scripts read it: what, who, when, where it stands, its log
//! and its cost plan.

use chrono::NaiveDate;
use explor_engine::cost::{CostPlan, CostRules, RemainderPayer};
use explor_engine::mission::{Change, Item, Mission, MissionFile, State};
use explor_indexer::{Result, Workspace};
use serde::Serialize;

use crate::cost::CostPlanView;
use crate::names::record_name;
use crate::table::Table;
use explor_engine::fr::{headers, mission as fr};

/// A mission as `list` and `show` write it in JSON: the stored mission plus its state.
#[derive(Debug, Serialize)]
pub struct MissionJson<'m> {
    #[serde(flatten)]
    mission: &'m Mission,
    state: State,
    days: u32,
    checklist: Vec<ChecklistEntry>,
}

#[derive(Debug, Serialize)]
struct ChecklistEntry {
    item: Item,
    recorded_on: Option<NaiveDate>,
}

impl<'m> MissionJson<'m> {
    /// The mission with its state, length and checklist.
    pub fn new(m: &'m Mission) -> Self {
        Self {
            mission: m,
            state: m.state(),
            days: m.dates.len_days(),
            checklist: m
                .checklist()
                .into_iter()
                .map(|(item, recorded_on)| ChecklistEntry { item, recorded_on })
                .collect(),
        }
    }
}

/// `mission show --format json`: the mission, its people and its cost plan.
#[derive(Debug, Serialize)]
pub struct MissionFileJson<'m> {
    #[serde(flatten)]
    mission: MissionJson<'m>,
    need_title: &'m str,
    association: &'m str,
    people: Vec<Person<'m>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    plan: Option<&'m CostPlan>,
    #[serde(skip_serializing_if = "Option::is_none")]
    plan_error: Option<String>,
}

#[derive(Debug, Serialize)]
struct Person<'m> {
    id: &'m str,
    /// `None` once erased at the person's request.
    name: Option<&'m str>,
    erased: bool,
}

impl<'m> MissionFileJson<'m> {
    /// The JSON view of a mission's file.
    pub fn new(file: &'m MissionFile) -> Self {
        Self {
            mission: MissionJson::new(&file.mission),
            need_title: &file.need.title,
            association: &file.association.name,
            people: file
                .experts
                .iter()
                .map(|(id, e)| Person {
                    id,
                    name: e.as_ref().map(|e| e.name.as_str()),
                    erased: e.is_none(),
                })
                .collect(),
            plan: file.plan.as_ref().ok(),
            plan_error: file.plan.as_ref().err().map(ToString::to_string),
        }
    }
}

/// Who staffs a mission, in a few words: the experts' ids, or the offer.
pub fn staff_words(m: &Mission) -> String {
    match m.staff.offer() {
        Some(offer) => fr::offer_staff(offer),
        None => m.staff.experts().join(", "),
    }
}

/// The missions, one row each: id, need, who, dates, state.
pub fn list_table(ws: &Workspace, missions: &[Mission]) -> Table {
    let mut t = Table::new(&headers::MISSIONS);
    for m in missions {
        let who = match m.staff.offer() {
            Some(_) => staff_words(m),
            None => m
                .staff
                .experts()
                .iter()
                .map(|id| match ws.record(id) {
                    Ok(r) => format!("{} ({id})", record_name(&r)),
                    Err(_) => fr::erased(id),
                })
                .collect::<Vec<_>>()
                .join("\n"),
        };
        t.push(vec![
            m.id.clone(),
            m.need.clone(),
            who,
            explor_engine::fr::window(&m.dates),
            m.state().label_fr().to_owned(),
        ]);
    }
    t
}

/// A mission's file for people.
#[derive(Debug)]
pub struct MissionSheet<'f> {
    file: &'f MissionFile,
    /// The people's lines (erased ones say when).
    who: Vec<String>,
}

impl<'f> MissionSheet<'f> {
    /// The sheet of `file` (asks the workspace when each erased person was erased).
    pub fn build(ws: &Workspace, file: &'f MissionFile) -> Result<Self> {
        let m = &file.mission;
        let mut who: Vec<String> = file
            .experts
            .iter()
            .map(|(id, e)| match e {
                Some(e) => match &e.employer {
                    Some(emp) => format!("{} ({}, {id})", e.name, emp.name),
                    None => format!("{} ({id})", e.name),
                },
                None => match ws.erased_on(id) {
                    Ok(Some(on)) => fr::erased_on(id, &on),
                    _ => fr::gone(id),
                },
            })
            .collect();
        if let Some(offer) = m.staff.offer() {
            who.push(match &file.offer {
                Some(o) => fr::offer_employee(&o.company.name, offer),
                None => fr::offer_gone(offer),
            });
        }
        Ok(Self { file, who })
    }

    /// What, who, when, where, state, next steps, checklist and payer.
    pub fn summary(&self) -> Table {
        let file = self.file;
        let m = &file.mission;
        let mut t = Table::new(&["", ""]);
        let mut row = |k: &str, v: String| t.push(vec![k.to_owned(), v]);
        let [
            k_mission,
            k_need,
            k_association,
            k_who,
            k_dates,
            k_place,
            k_state,
            k_next,
            k_check,
            k_payer,
        ] = fr::ROWS;
        row(k_mission, m.id.clone());
        row(k_need, format!("{} — {}", file.need.id, file.need.title));
        row(k_association, file.association.name.clone());
        row(k_who, self.who.join("\n"));
        row(
            k_dates,
            fr::dates(&explor_engine::fr::window(&m.dates), m.dates.len_days()),
        );
        let place = match &file.need.city {
            Some(city) => format!("{city}, {}", file.need.country),
            None => file.need.country.to_string(),
        };
        row(k_place, place);
        row(
            k_state,
            format!("{} ({})", m.state().label_fr(), m.state().as_str()),
        );
        let next = m.state().allowed();
        if !next.is_empty() {
            row(k_next, fr::states_or(&next));
        }
        let checklist: Vec<String> = m
            .checklist()
            .into_iter()
            .map(|(item, on)| match on {
                Some(day) => fr::recorded_on(
                    item.label_fr(),
                    item.as_str(),
                    &explor_engine::fr::date(day),
                ),
                None => fr::not_yet(item.label_fr(), item.as_str()),
            })
            .collect();
        row(k_check, checklist.join("\n"));
        row(k_payer, payer_words(m.payer));
        t
    }

    /// The mission's log: number, day, what happened, note.
    pub fn log(&self) -> Table {
        let mut t = Table::new(&headers::LOG);
        for e in &self.file.mission.events {
            let what = match &e.change {
                Change::Created => fr::CREATED.to_owned(),
                Change::Advanced { from, to } => fr::moved(*from, *to),
                Change::Recorded { item } => fr::recorded(item.label_fr()),
                Change::Answered { party, accepted } => {
                    explor_engine::mission::answer_label_fr(party, *accepted)
                }
            };
            t.push(vec![
                e.seq.to_string(),
                explor_engine::fr::date(e.on),
                what,
                e.note.clone().unwrap_or_default(),
            ]);
        }
        t
    }

    /// The cost plan's view, or why it cannot be computed.
    pub fn plan<'r>(&self, rules: &'r CostRules) -> std::result::Result<CostPlanView<'r>, String>
    where
        'f: 'r,
    {
        match &self.file.plan {
            Ok(plan) => Ok(CostPlanView::new(plan, rules)),
            Err(e) => Err(e.to_string()),
        }
    }
}

/// Who pays the remainder and the fee, in words.
fn payer_words(payer: RemainderPayer) -> String {
    match payer {
        RemainderPayer::Association => fr::ASSOCIATION_PAYS.into(),
        RemainderPayer::Employer => fr::EMPLOYER_PAYS.into(),
        RemainderPayer::Split { employer_bp } => fr::split(employer_bp / 100),
    }
}
