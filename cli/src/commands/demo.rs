//! `explor demo`: the main job on the bundled sample, in a temporary workspace.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use explor_engine::cost::CostRules;
use explor_engine::mission::{DocFormat, DocKind};
use explor_engine::{Cefr, LanguageLevel, RecordKind, Reference};
use explor_indexer::{
    BatchOptions, MatchOptions, NewMission, SearchQuery, StaffRequest, Workspace, load,
};
use explor_views::matching::breakdown;
use explor_views::overview::counts_line;
use explor_views::records::{import_summary, summary_table};
use explor_views::{
    BatchView, CandidateMatch, CostPlanView, NeedMatch, Overview, SearchResults, Table,
};

use crate::args::DemoArgs;
use crate::output::{self, Out};

/// The sample dataset, embedded so that the demo runs from any directory.
const SAMPLE: [(&str, &str); 4] = explor_data::sample::FILES;

/// How many lines of the mission sheet the demo prints.
const SHEET_HEAD: usize = 14;

/// How many batch assignments the demo prints.
const BATCH_HEAD: usize = 8;

/// The worked examples of the sample.
const KINSHASA_NEED: &str = "need-kin-dechets";
const KINSHASA_EXPERT: &str = "exp-0007";
const ELEC_OFFER: &str = "off-elec-2027";
const SPRING_CALL: &str = "2027-printemps";

pub fn run(args: &DemoArgs) -> Result<()> {
    let temp = tempfile::Builder::new()
        .prefix("explor-demo-")
        .tempdir()
        .context(explor_engine::fr::cli::NO_TEMP_DIR)?;
    let data = match &args.data {
        Some(dir) => dir.clone(),
        None => write_sample(temp.path())?,
    };
    let (mut ws, _) = Workspace::init(&temp.path().join("workspace"))?;
    let mut out = output::stdout();
    out.line(format_args!("{}", explor_engine::fr::demo::TITLE))?;
    out.line(format_args!(
        "{}",
        explor_engine::fr::demo::temp_workspace(ws.root().display())
    ))?;
    out.line(format_args!(
        "\n== 1. import de {} ==",
        describe_source(args.data.as_deref())
    ))?;
    let summary = ws.import(load(&data, None)?, &Reference::embedded())?;
    out.text(&import_summary(&summary))?;
    at_a_glance(&ws, &mut out)?;
    offers(&ws, &mut out)?;
    kinshasa_candidates(&ws, &mut out)?;
    offer_needs(&ws, &mut out)?;
    search(&ws, &mut out)?;
    spring_batch(&ws, &mut out)?;
    kinshasa_mission(&mut ws, &mut out)?;
    let check = ws.check()?;
    out.line(format_args!(
        "{}",
        explor_engine::fr::demo::store_and_index(
            if check.is_consistent() {
                explor_engine::fr::demo::YES
            } else {
                explor_engine::fr::demo::NO
            },
            check.index_documents,
            check.store_generation
        )
    ))?;
    Ok(())
}

/// Writes the embedded sample into `dir/sample`.
pub(crate) fn write_sample(dir: &Path) -> Result<PathBuf> {
    let dir = dir.join("sample");
    std::fs::create_dir(&dir)
        .with_context(|| explor_engine::fr::demo::cannot_create(dir.display()))?;
    for (name, text) in SAMPLE {
        let path = dir.join(name);
        std::fs::write(&path, text)
            .with_context(|| explor_engine::fr::cli::cannot_write(path.display()))?;
    }
    Ok(dir)
}

fn at_a_glance(ws: &Workspace, out: &mut Out) -> Result<()> {
    out.line(format_args!("{}", explor_engine::fr::demo::STEP_GLANCE))?;
    let o = Overview::build(ws)?;
    out.line(format_args!(
        "{}",
        explor_engine::fr::demo::experts_by_status(counts_line(&o.experts_by_status))
    ))?;
    out.line(format_args!(
        "accord employeur :   {}",
        counts_line(&o.experts_by_consent)
    ))?;
    out.line(format_args!(
        "{}",
        explor_engine::fr::demo::experts_abroad(o.experts_abroad)
    ))?;
    out.line(format_args!(
        "{}",
        explor_engine::fr::demo::needs_by_call(counts_line(&o.needs_by_call))
    ))?;
    out.line(format_args!(
        "{}",
        explor_engine::fr::demo::needs_by_kind(counts_line(&o.needs_by_kind))
    ))?;
    out.line(format_args!(
        "{}",
        explor_engine::fr::demo::needs_cover(o.needs_by_country.len(), o.needs_by_theme.len())
    ))?;
    Ok(())
}

fn offers(ws: &Workspace, out: &mut Out) -> Result<()> {
    out.line(format_args!("{}", explor_engine::fr::demo::STEP_OFFERS))?;
    let offers = ws.records(RecordKind::Offer)?;
    out.table(&summary_table(RecordKind::Offer, &offers))?;
    Ok(())
}

fn demo_options() -> MatchOptions {
    MatchOptions {
        top: 3,
        include_ineligible: false,
        include_pending: false,
    }
}

fn kinshasa_candidates(ws: &Workspace, out: &mut Out) -> Result<()> {
    out.line(format_args!(
        "{}",
        explor_engine::fr::demo::step_kinshasa(KINSHASA_NEED)
    ))?;
    let Ok(view) = NeedMatch::build(ws, KINSHASA_NEED, demo_options()) else {
        out.line(format_args!(
            "{}",
            explor_engine::fr::demo::not_in_data(KINSHASA_NEED)
        ))?;
        return Ok(());
    };
    if let Some(heading) = &view.heading {
        out.line(format_args!("{heading}"))?;
    }
    out.table(&view.ranked())?;
    if let Some(best) = view.result.candidates.first() {
        out.line(format_args!(
            "{}",
            explor_engine::fr::demo::why_first(view.name(&best.id))
        ))?;
        out.table(&breakdown(best))?;
    }
    Ok(())
}

fn offer_needs(ws: &Workspace, out: &mut Out) -> Result<()> {
    out.line(format_args!(
        "{}",
        explor_engine::fr::demo::step_offer(ELEC_OFFER)
    ))?;
    match CandidateMatch::build(ws, ELEC_OFFER, demo_options()) {
        Ok(view) => {
            out.table(&view.ranked())?;
            if let Some(note) = view.left_out() {
                out.line(format_args!("{note}"))?;
            }
        }
        Err(_) => out.line(format_args!(
            "{}",
            explor_engine::fr::demo::not_in_data(ELEC_OFFER)
        ))?,
    }
    Ok(())
}

fn search(ws: &Workspace, out: &mut Out) -> Result<()> {
    out.line(format_args!("{}", explor_engine::fr::demo::STEP_SEARCH))?;
    let query = SearchQuery {
        text: "diagnostic dechets".into(),
        languages: vec![LanguageLevel {
            code: "fr".parse()?,
            level: Cefr::B2,
        }],
        top: 5,
        ..SearchQuery::default()
    };
    let hits = ws.search(&query)?;
    out.table(&SearchResults::build(ws, &query.text, &hits)?.table())?;
    Ok(())
}

fn spring_batch(ws: &Workspace, out: &mut Out) -> Result<()> {
    out.line(format_args!(
        "{}",
        explor_engine::fr::demo::step_batch(SPRING_CALL)
    ))?;
    let options = BatchOptions {
        call: Some(SPRING_CALL.into()),
        ..BatchOptions::default()
    };
    let run = match ws.batch(&options, &|_| {}) {
        Ok(run) => run,
        Err(e) => {
            return Ok(out.line(format_args!(
                "{}",
                explor_engine::fr::demo::batch_failed(&e)
            ))?);
        }
    };
    let view = BatchView::build(ws, &run)?;
    out.line(format_args!("{}", view.summary()))?;
    let all = view.assignments();
    let head = Table {
        header: all.header.clone(),
        rows: all.rows.iter().take(BATCH_HEAD).cloned().collect(),
    };
    out.table(&head)?;
    out.line(format_args!(
        "{}",
        explor_engine::fr::demo::first_assignments(head.rows.len(), all.rows.len())
    ))?;
    Ok(())
}

fn kinshasa_mission(ws: &mut Workspace, out: &mut Out) -> Result<()> {
    out.line(format_args!(
        "{}",
        explor_engine::fr::demo::step_mission(KINSHASA_NEED, KINSHASA_EXPERT)
    ))?;
    let request = NewMission {
        need: KINSHASA_NEED.into(),
        staff: StaffRequest::Experts(vec![KINSHASA_EXPERT.into()]),
        start: None,
        days: None,
        payer: None,
        include_pending: false,
        note: Some(explor_engine::fr::demo::CREATED_BY_DEMO.into()),
    };
    let created = match ws.create_mission(&request, chrono::Local::now().date_naive()) {
        Ok(created) => created,
        Err(e) => {
            return Ok(out.line(format_args!(
                "{}",
                explor_engine::fr::demo::mission_failed(&e)
            ))?);
        }
    };
    let m = &created.mission;
    out.line(format_args!(
        "{}",
        explor_engine::fr::demo::mission_created(
            &m.id,
            explor_engine::fr::window(&m.dates),
            m.dates.len_days(),
            m.state().label_fr(),
            KINSHASA_EXPERT
        )
    ))?;
    let file = ws.mission_file(&m.id)?;
    let rules = CostRules::embedded();
    match &file.plan {
        Ok(plan) => {
            out.line(format_args!(
                "{}",
                explor_engine::fr::demo::cost_plan(&m.id, CostPlanView::programme_rule(rules))
            ))?;
            let view = CostPlanView::new(plan, rules);
            out.table(&view.lines())?;
            out.table(&view.totals())?;
        }
        Err(e) => out.line(format_args!("{}", explor_engine::fr::demo::no_cost_plan(e)))?,
    }
    out.line(format_args!(
        "{}",
        explor_engine::fr::demo::step_sheet(&m.id)
    ))?;
    let sheet = ws.mission_document(&m.id, DocKind::Fiche, DocFormat::Markdown)?;
    for line in sheet.lines().take(SHEET_HEAD) {
        out.line(format_args!("  {line}"))?;
    }
    out.line(format_args!("{}", explor_engine::fr::demo::OTHER_DOCUMENTS))?;
    Ok(())
}

fn describe_source(data: Option<&Path>) -> String {
    match data {
        Some(d) => d.display().to_string(),
        None => explor_engine::fr::demo::BUNDLED_SAMPLE.to_owned(),
    }
}
