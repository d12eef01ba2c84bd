//! `explor batch`: every open need of a call assigned at once; a report for the
//! coordinators' meeting (table, Markdown) or for scripts (JSON, CSV).

use anyhow::{Context, Result};
use explor_engine::fr::batch as fr;
use explor_indexer::{BatchOptions, BatchProgress, BatchRun, BatchRunError, NewMission, Workspace};
use explor_views::{BatchView, CsvDialect};
use indicatif::{ProgressBar, ProgressStyle};

use super::UsageError;
use crate::args::{BatchArgs, BatchFormat};
use crate::output::{self, draw, write_atomically};

pub fn run(ws: &mut Workspace, args: &BatchArgs) -> Result<()> {
    let options = resolve(args)?;
    // Refuse a bad --out before committing anything it would report.
    for path in [&args.out, &args.export_graph].into_iter().flatten() {
        output::check_target(path, ws.root())?;
    }
    let bar = ProgressBar::new(0);
    bar.set_style(
        ProgressStyle::with_template("{msg} {bar:30} {pos}/{len} needs, {eta} left")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    bar.set_message("matching");
    let run = ws.batch(&options, &|step| match step {
        BatchProgress::Matching { done, total } => {
            bar.set_length(total as u64);
            bar.set_position(done as u64);
        }
        BatchProgress::Solving => bar.set_message("solving"),
    });
    bar.finish_and_clear();
    let run = match run {
        Ok(run) => run,
        // Keep the workspace's own error, so that its exit code is kept too.
        Err(BatchRunError::Workspace(e)) => return Err(e.into()),
        Err(e) => return Err(e.into()),
    };

    if let Some(path) = &args.export_graph {
        let json = serde_json::to_string_pretty(&run.batch.problem)? + "\n";
        write_atomically(path, json.as_bytes(), ws.root())?;
    }
    let view = BatchView::build(ws, &run)?;
    let text = match args.format {
        BatchFormat::Json => serde_json::to_string_pretty(&run.report())? + "\n",
        BatchFormat::Csv => view.csv().to_csv()?,
        BatchFormat::CsvFr => view.csv().to_csv_as(CsvDialect::Excel)?,
        BatchFormat::Table => tables(&view, args.out.is_none()),
        BatchFormat::Md => view.markdown()?,
    };
    let mut out = output::stdout();
    // A report of assignments is written only once they are committed, if asked.
    let committed = if args.commit {
        Some(commit(ws, &run)?)
    } else {
        None
    };
    match &args.out {
        Some(path) => {
            write_atomically(path, text.as_bytes(), ws.root())?;
            out.line(format_args!(
                "{}",
                fr::written(&view.summary(), &path.display().to_string())
            ))?;
        }
        None => out.text(&text)?,
    }
    if let Some(line) = committed {
        out.line(format_args!("{line}"))?;
    }
    Ok(())
}

/// Creates the missions of the run's assignments, all or none; returns the line that
/// says so.
fn commit(ws: &mut Workspace, run: &BatchRun) -> Result<String> {
    let requests =
        NewMission::from_assignments(&run.batch.result.assignments, run.options.include_pending);
    let today = chrono::Local::now().date_naive();
    let created = ws
        .create_missions(&requests, today)
        .context(explor_engine::fr::cli::COMMIT_NOTHING_CREATED)?;
    let ids: Vec<&str> = created.iter().map(|c| c.mission.id.as_str()).collect();
    Ok(fr::committed(&ids))
}

/// Checks the arguments clap cannot, and turns them into the library's options.
fn resolve(args: &BatchArgs) -> Result<BatchOptions> {
    if !(0.0..=100.0).contains(&args.min_score) {
        return Err(UsageError(explor_engine::fr::cli::bad_min_score(args.min_score)).into());
    }
    Ok(BatchOptions {
        call: args.call.clone(),
        top_k: args.top_k as usize,
        min_score: args.min_score,
        include_pending: args.include_pending,
        pins: pairs(&args.pin),
        excludes: pairs(&args.exclude),
    })
}

fn pairs(list: &[(String, String)]) -> Vec<explor_engine::batch::Pair> {
    list.iter()
        .map(|(n, e)| explor_engine::batch::Pair::new(n, e))
        .collect()
}

/// The report as tables; `wrap`: fit them to the terminal, if standard output is one
/// (not for a file).
fn tables(view: &BatchView<'_>, wrap: bool) -> String {
    let mut s = view.heading() + "\n";
    for section in view.sections() {
        let count = if section.key == "assignments"
            || section.key == "unserved"
            || section.key == "partly served"
        {
            format!(" ({})", section.table.rows.len())
        } else {
            String::new()
        };
        s.push_str(&format!(
            "\n{}{count} :\n{}\n",
            section.title,
            draw(&section.table, wrap)
        ));
    }
    s
}
