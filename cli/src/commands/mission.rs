//! `explor mission …`: create missions, move them through their lifecycle, show them
//! with their cost plan and write their documents.

use anyhow::Result;
use chrono::NaiveDate;
use explor_engine::fr::cli as fr;
use explor_engine::mission::{DocFormat, DocKind, Item, Mission, State};
use explor_engine::schema::parse_date;
use explor_engine::scoring::Flag;
use explor_indexer::{MissionFile, NewMission, StaffRequest, Workspace};
use explor_views::mission::{list_table, staff_words};
use explor_views::{MissionFileJson, MissionJson, MissionSheet};

use super::{UsageError, remainder_payer};
use crate::args::{
    DocFormatArg, EventArgs, MissionAdvanceArgs, MissionCommand, MissionCreateArgs, MissionDocArgs,
    MissionListArgs, MissionRecordArgs, MissionShowArgs, ShowFormat,
};
use crate::output::{self, Out, write_atomically};

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

/// A date flag: `YYYY-MM-DD` in the years the data format allows.
fn date(flag: &str, text: &str) -> Result<NaiveDate> {
    parse_date(text).map_err(|e| UsageError(format!("{flag}: {e}")).into())
}

/// How far ahead `--on` may date an event: recording a departure a year early is
/// already a typo; a date centuries ahead would freeze the mission's log.
const ON_AHEAD_DAYS: u64 = 366;

/// The day an event is recorded on: `--on` (at most [`ON_AHEAD_DAYS`] after today), or
/// today.
fn on(event: &EventArgs) -> Result<NaiveDate> {
    let today = chrono::Local::now().date_naive();
    let Some(text) = &event.on else {
        return Ok(today);
    };
    let day = date("--on", text)?;
    let latest = today
        .checked_add_days(chrono::Days::new(ON_AHEAD_DAYS))
        .unwrap_or(NaiveDate::MAX);
    if day > latest {
        return Err(UsageError(explor_engine::fr::cli::on_too_late(text, today)).into());
    }
    Ok(day)
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
        ShowFormat::Json => out.json(&MissionJson::new(&created.mission)),
        ShowFormat::Table => {
            let m = &created.mission;
            out.line(format_args!(
                "{}",
                fr::mission_created(
                    &m.id,
                    &m.need,
                    &explor_engine::fr::mission::dates(
                        &explor_engine::fr::window(&m.dates),
                        m.dates.len_days()
                    ),
                    m.state().label_fr(),
                    &staff_words(m)
                )
            ))?;
            print_flags(&mut out, &created.flags)?;
            Ok(())
        }
    }
}

fn print_flags(out: &mut Out, flags: &[Flag]) -> Result<()> {
    for f in flags {
        out.line(format_args!("{}", fr::check(f.gate.label_fr(), &f.detail)))?;
    }
    Ok(())
}

fn advance(ws: &mut Workspace, args: &MissionAdvanceArgs) -> Result<()> {
    let to: State = args.state.parse().map_err(UsageError)?;
    let m = ws.advance_mission(&args.id, to, on(&args.event)?, args.event.note.clone())?;
    output::stdout().line(format_args!(
        "{}",
        fr::advanced(&m.id, m.state().label_fr(), m.state().as_str())
    ))?;
    Ok(())
}

fn record(ws: &mut Workspace, args: &MissionRecordArgs) -> Result<()> {
    let item: Item = args.item.parse().map_err(UsageError)?;
    let m = ws.record_mission_item(&args.id, item, on(&args.event)?, args.event.note.clone())?;
    output::stdout().line(format_args!(
        "{}",
        fr::recorded(&m.id, item.label_fr(), m.state().label_fr())
    ))?;
    Ok(())
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
        ShowFormat::Json => out.json(&missions.iter().map(MissionJson::new).collect::<Vec<_>>()),
        ShowFormat::Table => {
            out.table(&list_table(ws, &missions))?;
            Ok(())
        }
    }
}

fn show(ws: &Workspace, args: &MissionShowArgs) -> Result<()> {
    let file = ws.mission_file(&args.id)?;
    let mut out = output::stdout();
    match args.format {
        ShowFormat::Json => out.json(&MissionFileJson::new(&file)),
        ShowFormat::Table => print_file(ws, &mut out, &file),
    }
}

/// A mission for people: what, who, when, where it stands, its log and its cost plan.
pub fn print_file(ws: &Workspace, out: &mut Out, file: &MissionFile) -> Result<()> {
    let sheet = MissionSheet::build(ws, file)?;
    out.table(&sheet.summary())?;
    out.table(&sheet.log())?;
    let rules = ws.cost_rules()?;
    match sheet.plan(&rules) {
        Ok(plan) => {
            out.line(format_args!("{}", fr::COST_PLAN))?;
            super::cost::print_plan(out, &plan)
        }
        Err(e) => {
            out.line(format_args!("{}", fr::no_plan(&e)))?;
            Ok(())
        }
    }
}

/// The document's format: --format when given, else the extension of --out,
/// else Markdown. An --out extension that is unknown or contradicts --format is
/// refused, so that `--out mission.docx` never silently receives Markdown.
fn doc_format(
    asked: Option<DocFormatArg>,
    out: Option<&std::path::Path>,
) -> Result<DocFormatArg, UsageError> {
    let Some(ext) = out.and_then(|p| p.extension()) else {
        return Ok(asked.unwrap_or(DocFormatArg::Md));
    };
    let ext = ext.to_string_lossy().to_lowercase();
    let from_ext = match ext.as_str() {
        "md" | "markdown" => Some(DocFormatArg::Md),
        "html" | "htm" => Some(DocFormatArg::Html),
        "odt" => Some(DocFormatArg::Odt),
        "docx" => Some(DocFormatArg::Docx),
        "pdf" => Some(DocFormatArg::Pdf),
        _ => None,
    };
    match (asked, from_ext) {
        (Some(a), Some(e)) if a != e => Err(UsageError(
            explor_engine::fr::cli::format_contradicts_out(a.name(), &ext),
        )),
        (_, Some(e)) => Ok(e),
        (Some(a), None) => Err(UsageError(explor_engine::fr::cli::format_mismatches_out(
            a.name(),
            &ext,
            a.name(),
        ))),
        (None, None) => Err(UsageError(
            explor_engine::fr::cli::unknown_document_extension(&ext),
        )),
    }
}

fn doc(ws: &Workspace, args: &MissionDocArgs) -> Result<()> {
    let kind: DocKind = args.document.parse().map_err(UsageError)?;
    let asked = doc_format(args.format, args.out.as_deref())?;
    let format = match asked {
        DocFormatArg::Md => DocFormat::Markdown,
        // A PDF is the printable page, printed.
        DocFormatArg::Html | DocFormatArg::Pdf => DocFormat::Html,
        DocFormatArg::Odt => DocFormat::Odt,
        DocFormatArg::Docx => DocFormat::Docx,
    };
    let mut bytes = ws.mission_document_file(&args.id, kind, format)?;
    if asked == DocFormatArg::Pdf {
        bytes = crate::pdf::print(&bytes)?;
    }
    match &args.out {
        Some(path) => {
            write_atomically(path, &bytes, ws.root())?;
            output::stdout().line(format_args!(
                "{}",
                fr::doc_written(kind.as_str(), &args.id, &path.display().to_string())
            ))?;
        }
        None if format.is_text() && asked != DocFormatArg::Pdf => {
            // Rendered from UTF-8 templates: the bytes are text.
            output::stdout().text(&String::from_utf8_lossy(&bytes))?;
        }
        None => output::stdout().file(
            &bytes,
            &explor_engine::fr::cli::document_is_a_file(asked.name()),
        )?,
    }
    Ok(())
}
