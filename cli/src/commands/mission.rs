//! `explor mission …`: create missions, move them through their lifecycle, show them
//! with their cost plan and write their documents.

use anyhow::Result;
use chrono::NaiveDate;
use explor_engine::cost::{CostPlan, RemainderPayer};
use explor_engine::mission::{Change, DocFormat, DocKind, Item, Mission, State};
use explor_engine::scoring::Flag;
use explor_indexer::{MissionFile, NewMission, StaffRequest, Workspace};
use serde::Serialize;

use super::{UsageError, remainder_payer};
use crate::args::{
    DocFormatArg, EventArgs, MissionAdvanceArgs, MissionCommand, MissionCreateArgs, MissionDocArgs,
    MissionListArgs, MissionRecordArgs, MissionShowArgs, ShowFormat,
};
use crate::output::{self, Out, record_name, table, write_atomically};

pub fn run(ws: &mut Workspace, command: &MissionCommand) -> Result<()> {
    match command {
        MissionCommand::Create(args) => create(ws, args),
        MissionCommand::Advance(args) => advance(ws, args),
        MissionCommand::Record(args) => record(ws, args),
        MissionCommand::List(args) => list(ws, args),
        MissionCommand::Show(args) => show(ws, args),
        MissionCommand::Doc(args) => doc(ws, args),
    }
}

fn date(flag: &str, text: &str) -> Result<NaiveDate> {
    text.parse()
        .map_err(|_| UsageError(format!("{flag} {text}: expected a date YYYY-MM-DD")).into())
}

/// The day an event is recorded on: `--on`, or today.
fn on(event: &EventArgs) -> Result<NaiveDate> {
    match &event.on {
        Some(text) => date("--on", text),
        None => Ok(chrono::Local::now().date_naive()),
    }
}

fn create(ws: &mut Workspace, args: &MissionCreateArgs) -> Result<()> {
    let request = NewMission {
        need: args.need.clone(),
        staff: match &args.offer {
            Some(offer) => StaffRequest::Offer(offer.clone()),
            None => StaffRequest::Experts(args.experts.clone()),
        },
        start: args
            .start
            .as_deref()
            .map(|s| date("--start", s))
            .transpose()?,
        days: args.days,
        payer: remainder_payer(args.remainder_payer, args.employer_share.as_deref())?,
        include_pending: args.include_pending,
        note: args.event.note.clone(),
    };
    let created = ws.create_mission(&request, on(&args.event)?)?;
    let mut out = output::stdout();
    match args.format {
        ShowFormat::Json => out.json(&view(&created.mission)),
        ShowFormat::Table => {
            let m = &created.mission;
            out.line(format_args!(
                "created {} for {}: {} ({} days), state {}; {} booked",
                m.id,
                m.need,
                m.dates,
                m.dates.len_days(),
                m.state(),
                staff_words(m)
            ))?;
            print_flags(&mut out, &created.flags)?;
            Ok(())
        }
    }
}

fn print_flags(out: &mut Out, flags: &[Flag]) -> Result<()> {
    for f in flags {
        out.line(format_args!("  check [{}]: {}", f.gate.id(), f.detail))?;
    }
    Ok(())
}

fn staff_words(m: &Mission) -> String {
    match m.staff.offer() {
        Some(offer) => format!("one employee of offer {offer}"),
        None => m.staff.experts().join(", "),
    }
}

fn advance(ws: &mut Workspace, args: &MissionAdvanceArgs) -> Result<()> {
    let to: State = args.state.parse().map_err(UsageError)?;
    let m = ws.advance_mission(&args.id, to, on(&args.event)?, args.event.note.clone())?;
    output::stdout().line(format_args!("{} is now {}", m.id, m.state()))?;
    Ok(())
}

fn record(ws: &mut Workspace, args: &MissionRecordArgs) -> Result<()> {
    let item: Item = args.item.parse().map_err(UsageError)?;
    let m = ws.record_mission_item(&args.id, item, on(&args.event)?, args.event.note.clone())?;
    output::stdout().line(format_args!(
        "{}: {} recorded ({})",
        m.id,
        item.label_fr(),
        m.state()
    ))?;
    Ok(())
}

/// A mission as `list` and `show` write it in JSON: the stored mission plus its state.
#[derive(Serialize)]
struct MissionView<'m> {
    #[serde(flatten)]
    mission: &'m Mission,
    state: State,
    days: u32,
    checklist: Vec<ChecklistEntry>,
}

#[derive(Serialize)]
struct ChecklistEntry {
    item: Item,
    recorded_on: Option<NaiveDate>,
}

fn view(m: &Mission) -> MissionView<'_> {
    MissionView {
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

fn list(ws: &Workspace, args: &MissionListArgs) -> Result<()> {
    let wanted: Option<State> = args
        .state
        .as_deref()
        .map(str::parse)
        .transpose()
        .map_err(UsageError)?;
    let missions: Vec<Mission> = ws
        .missions()?
        .into_iter()
        .filter(|m| wanted.is_none_or(|s| m.state() == s))
        .collect();
    let mut out = output::stdout();
    match args.format {
        ShowFormat::Json => out.json(&missions.iter().map(view).collect::<Vec<_>>()),
        ShowFormat::Table => {
            let mut t = table(&["mission", "need", "who", "dates", "state"]);
            for m in &missions {
                let who = match m.staff.offer() {
                    Some(_) => staff_words(m),
                    None => m
                        .staff
                        .experts()
                        .iter()
                        .map(|id| match ws.record(id) {
                            Ok(r) => format!("{} ({id})", record_name(&r)),
                            Err(_) => format!("{id} (erased)"),
                        })
                        .collect::<Vec<_>>()
                        .join("\n"),
                };
                t.add_row(vec![
                    m.id.clone(),
                    m.need.clone(),
                    who,
                    m.dates.to_string(),
                    m.state().to_string(),
                ]);
            }
            out.table(&t)?;
            Ok(())
        }
    }
}

/// `mission show --format json`: the mission, its people and its cost plan.
#[derive(Serialize)]
struct ShowView<'m> {
    #[serde(flatten)]
    mission: MissionView<'m>,
    need_title: &'m str,
    association: &'m str,
    people: Vec<Person<'m>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    plan: Option<&'m CostPlan>,
    #[serde(skip_serializing_if = "Option::is_none")]
    plan_error: Option<String>,
}

#[derive(Serialize)]
struct Person<'m> {
    id: &'m str,
    /// `None` once erased at the person's request.
    name: Option<&'m str>,
    erased: bool,
}

fn show(ws: &Workspace, args: &MissionShowArgs) -> Result<()> {
    let file = ws.mission_file(&args.id)?;
    let mut out = output::stdout();
    match args.format {
        ShowFormat::Json => out.json(&ShowView {
            mission: view(&file.mission),
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
        }),
        ShowFormat::Table => print_file(ws, &mut out, &file),
    }
}

/// A mission for people: what, who, when, where it stands, its log and its cost plan.
pub fn print_file(ws: &Workspace, out: &mut Out, file: &MissionFile) -> Result<()> {
    let m = &file.mission;
    let mut t = table(&["", ""]);
    t.add_row(vec!["mission".into(), m.id.clone()]);
    t.add_row(vec![
        "need".into(),
        format!("{} — {}", file.need.id, file.need.title),
    ]);
    t.add_row(vec!["association".into(), file.association.name.clone()]);
    let mut who: Vec<String> = file
        .experts
        .iter()
        .map(|(id, e)| match e {
            Some(e) => match &e.employer {
                Some(emp) => format!("{} ({}, {id})", e.name, emp.name),
                None => format!("{} ({id})", e.name),
            },
            None => match ws.erased_on(id) {
                Ok(Some(on)) => format!("{id}: erased on {on} at the person's request (GDPR)"),
                _ => format!("{id}: no longer on file"),
            },
        })
        .collect();
    if let Some(offer) = m.staff.offer() {
        who.push(match &file.offer {
            Some(o) => format!(
                "one employee of {} (offer {offer}), to be named by the company",
                o.company.name
            ),
            None => format!("offer {offer} (no longer on file)"),
        });
    }
    t.add_row(vec!["who".into(), who.join("\n")]);
    t.add_row(vec![
        "dates".into(),
        format!("{} ({} days)", m.dates, m.dates.len_days()),
    ]);
    let place = match &file.need.city {
        Some(city) => format!("{city}, {}", file.need.country),
        None => file.need.country.to_string(),
    };
    t.add_row(vec!["place".into(), place]);
    t.add_row(vec!["state".into(), m.state().to_string()]);
    let next: Vec<&str> = m.state().allowed().iter().map(|s| s.as_str()).collect();
    if !next.is_empty() {
        t.add_row(vec!["next".into(), next.join(" or ")]);
    }
    let checklist: Vec<String> = m
        .checklist()
        .into_iter()
        .map(|(item, on)| match on {
            Some(day) => format!("{item}: recorded {day}"),
            None => format!("{item}: not yet"),
        })
        .collect();
    t.add_row(vec!["checklist".into(), checklist.join("\n")]);
    t.add_row(vec![
        "payer".into(),
        match m.payer {
            RemainderPayer::Association => "association pays the remainder and the fee".into(),
            RemainderPayer::Employer => "employer pays the remainder and the fee".into(),
            RemainderPayer::Split { employer_bp } => {
                format!("remainder split: employer {} %", employer_bp / 100)
            }
        },
    ]);
    out.table(&t)?;

    let mut log = table(&["#", "on", "what", "note"]);
    for e in &m.events {
        let what = match &e.change {
            Change::Created => "created (proposed)".to_owned(),
            Change::Advanced { from, to } => format!("{from} → {to}"),
            Change::Recorded { item } => format!("recorded {item}"),
        };
        log.add_row(vec![
            e.seq.to_string(),
            e.on.to_string(),
            what,
            e.note.clone().unwrap_or_default(),
        ]);
    }
    out.table(&log)?;

    match &file.plan {
        Ok(plan) => {
            out.line(format_args!("cost plan:"))?;
            super::cost::print_plan(out, plan)
        }
        Err(e) => {
            out.line(format_args!("cost plan: cannot be computed: {e}"))?;
            Ok(())
        }
    }
}

fn doc(ws: &Workspace, args: &MissionDocArgs) -> Result<()> {
    let kind: DocKind = args.document.parse().map_err(UsageError)?;
    let format = match args.format {
        DocFormatArg::Md => DocFormat::Markdown,
        DocFormatArg::Html => DocFormat::Html,
    };
    let text = ws.mission_document(&args.id, kind, format)?;
    match &args.out {
        Some(path) => {
            write_atomically(path, text.as_bytes())?;
            output::stdout().line(format_args!(
                "{} of {} written to {}",
                kind.as_str(),
                args.id,
                path.display()
            ))?;
        }
        None => output::stdout().text(&text)?,
    }
    Ok(())
}
