//! `explor batch`: every open need of a call assigned at once; a report for the
//! coordinators' meeting (table, Markdown) or for scripts (JSON, CSV).

use std::collections::HashMap;
use std::fmt::Write as _;

use anyhow::{Context, Result};
use comfy_table::ContentArrangement;
use explor_engine::CandidateKind;
use explor_engine::batch::{Alternate, Assignment, Reason, Taken, Unserved};
use explor_engine::scoring::Gate;
use explor_indexer::{BatchOptions, BatchProgress, BatchRun, BatchRunError, NewMission, Workspace};
use indicatif::{ProgressBar, ProgressStyle};

use super::UsageError;
use crate::args::{BatchArgs, BatchFormat};
use crate::output::{self, record_name, table, word, write_atomically};

/// Blocking assignments named in a table cell before "and N more".
const SHOWN_BLOCKERS: usize = 4;

pub fn run(ws: &mut Workspace, args: &BatchArgs) -> Result<()> {
    let options = resolve(args)?;
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
        write_atomically(path, json.as_bytes())?;
    }
    let names = names(ws, &run)?;
    let text = match args.format {
        BatchFormat::Json => serde_json::to_string_pretty(&run.report())? + "\n",
        BatchFormat::Csv => csv(&run, &names)?,
        BatchFormat::Table => tables(&run, &names, args.out.is_none()),
        BatchFormat::Md => markdown(&run, &names),
    };
    let mut out = output::stdout();
    match &args.out {
        Some(path) => {
            write_atomically(path, text.as_bytes())?;
            out.line(format_args!(
                "{}; report written to {}",
                summary(&run),
                path.display()
            ))?;
        }
        None => out.text(&text)?,
    }
    if args.commit {
        commit(ws, &run, &mut out)?;
    }
    Ok(())
}

/// Creates the missions of the run's assignments, all or none.
fn commit(ws: &mut Workspace, run: &BatchRun, out: &mut output::Out) -> Result<()> {
    let requests =
        NewMission::from_assignments(&run.batch.result.assignments, run.options.include_pending);
    let today = chrono::Local::now().date_naive();
    let created = ws
        .create_missions(&requests, today)
        .context("--commit: no mission was created")?;
    let ids: Vec<&str> = created.iter().map(|c| c.mission.id.as_str()).collect();
    out.line(format_args!(
        "committed: {} mission{} created ({}), state proposed, people booked",
        created.len(),
        if created.len() == 1 { "" } else { "s" },
        if ids.is_empty() {
            "none".to_owned()
        } else {
            ids.join(", ")
        }
    ))?;
    Ok(())
}

/// Checks the arguments clap cannot, and turns them into the library's options.
fn resolve(args: &BatchArgs) -> Result<BatchOptions> {
    if !(0.0..=100.0).contains(&args.min_score) {
        return Err(UsageError(format!(
            "--min-score must be between 0 and 100, not {}",
            args.min_score
        ))
        .into());
    }
    Ok(BatchOptions {
        call: args.call.clone(),
        top_k: args.top_k as usize,
        min_score: args.min_score,
        include_pending: args.include_pending,
    })
}

/// Readable names: need titles, expert name and employer, company and offer title.
fn names(ws: &Workspace, run: &BatchRun) -> Result<HashMap<String, String>> {
    let r = &run.batch.result;
    let mut ids: Vec<&str> = r.assignments.iter().map(|a| a.candidate.as_str()).collect();
    ids.extend(
        r.alternates
            .values()
            .flatten()
            .map(|a| a.candidate.as_str()),
    );
    for u in &r.unserved {
        match &u.reason {
            Reason::NoEligibleCandidate { nearest } => {
                ids.extend(nearest.iter().map(|x| x.id.as_str()))
            }
            Reason::BelowMinScore { best, .. } => ids.push(best),
            Reason::CandidatesTaken { by } => ids.extend(by.iter().map(|t| t.candidate.as_str())),
        }
    }
    ids.sort_unstable();
    ids.dedup();
    let mut names: HashMap<String, String> = ws
        .records_by_ids(ids)?
        .into_iter()
        .map(|r| (r.id().to_owned(), record_name(&r)))
        .collect();
    for n in &run.needs {
        names.insert(n.id.clone(), format!("{} ({})", n.title, n.country));
    }
    Ok(names)
}

fn name<'n>(names: &'n HashMap<String, String>, id: &str) -> &'n str {
    names.get(id).map_or("", String::as_str)
}

/// `id — name`, with "(offer)" for company offers.
fn labelled(names: &HashMap<String, String>, id: &str, kind: Option<CandidateKind>) -> String {
    let offer = if kind == Some(CandidateKind::Offer) {
        " (offer)"
    } else {
        ""
    };
    match name(names, id) {
        "" => format!("{id}{offer}"),
        n => format!("{id}{offer} — {n}"),
    }
}

fn summary(run: &BatchRun) -> String {
    let c = &run.batch.result.coverage;
    let scope = match &run.options.call {
        Some(call) => format!("call {call}"),
        None => "all needs".to_owned(),
    };
    format!(
        "batch, {scope}: {} of {} needs covered, {} of {} places filled, total score {:.2}",
        c.covered, c.needs, c.places_filled, c.places_wanted, c.total_score
    )
}

/// What to check about a candidate; travel advice is about the destination and is
/// listed once per need instead (see [`advice`]).
fn checks(a: &Assignment) -> String {
    a.flags
        .iter()
        .filter(|f| f.gate != Gate::TravelAdvice)
        .map(|f| f.detail.as_str())
        .collect::<Vec<_>>()
        .join("; ")
}

/// The travel advice about the destinations of the needs assigned, once per need.
fn advice(run: &BatchRun) -> Vec<(String, String)> {
    let notes: std::collections::BTreeSet<(&str, &str)> = run
        .batch
        .result
        .assignments
        .iter()
        .flat_map(|a| {
            a.flags
                .iter()
                .filter(|f| f.gate == Gate::TravelAdvice)
                .map(|f| (a.need.as_str(), f.detail.as_str()))
        })
        .collect();
    notes
        .into_iter()
        .map(|(n, d)| (n.to_owned(), d.to_owned()))
        .collect()
}

fn taken(t: &Taken) -> String {
    match &t.quota_of {
        None => format!("{} → {}", t.candidate, t.need),
        Some(co) => format!("{} → {} (quota of {co})", t.candidate, t.need),
    }
}

fn reason(u: &Unserved, names: &HashMap<String, String>, min_score: f64) -> String {
    match &u.reason {
        Reason::NoEligibleCandidate { nearest } if nearest.is_empty() => {
            "no eligible candidate, and no expert or offer comes near".to_owned()
        }
        Reason::NoEligibleCandidate { nearest } => {
            let mut s = "no eligible candidate; the nearest:".to_owned();
            for x in nearest {
                let gates: Vec<String> = x
                    .reasons
                    .iter()
                    .map(|r| format!("{}: {}", r.gate.id(), r.detail))
                    .collect();
                let _ = write!(
                    s,
                    "\n- {}: {}",
                    labelled(names, &x.id, Some(x.kind)),
                    gates.join("; ")
                );
            }
            s
        }
        Reason::BelowMinScore { best, score } => format!(
            "the best eligible candidate, {}, scores {score:.1}, below the minimum {min_score}",
            labelled(names, best, None)
        ),
        Reason::CandidatesTaken { by } => {
            let mut list: Vec<String> = by.iter().take(SHOWN_BLOCKERS).map(taken).collect();
            if by.len() > SHOWN_BLOCKERS {
                list.push(format!("and {} more", by.len() - SHOWN_BLOCKERS));
            }
            format!(
                "every eligible candidate went to another need: {}",
                list.join(", ")
            )
        }
    }
}

fn alternate(a: &Alternate, names: &HashMap<String, String>) -> String {
    let state = if a.free {
        "free".to_owned()
    } else if a.taken_by.is_empty() {
        "company quota used up".to_owned()
    } else {
        format!("taken by {}", a.taken_by.join(", "))
    };
    format!(
        "{} {:.1} ({state})",
        labelled(names, &a.candidate, Some(a.kind)),
        a.score
    )
}

/// The report as tables; `wrap`: fit them to the terminal, if standard output is one
/// (not for a file).
fn tables(run: &BatchRun, names: &HashMap<String, String>, wrap: bool) -> String {
    let r = &run.batch.result;
    let table = |header: &[&str]| {
        let mut t = table(header);
        if !wrap {
            t.set_content_arrangement(ContentArrangement::Disabled);
        }
        t
    };
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{} (top {} candidates per need, {} independent part{})",
        summary(run),
        run.options.top_k,
        r.components,
        if r.components == 1 { "" } else { "s" }
    );
    let _ = writeln!(s, "\nassignments ({}):", r.assignments.len());
    let mut t = table(&["need", "candidate", "score", "dates", "why", "check"]);
    for a in &r.assignments {
        t.add_row(vec![
            labelled(names, &a.need, None),
            labelled(names, &a.candidate, Some(a.kind)),
            format!("{:.1}", a.score),
            format!("{} → {}", a.start, a.end),
            a.reasons.join("; "),
            checks(a),
        ]);
    }
    let _ = writeln!(s, "{t}");
    if !r.unserved.is_empty() {
        let _ = writeln!(s, "\nunserved ({}):", r.unserved.len());
        let mut t = table(&["need", "why"]);
        for u in &r.unserved {
            t.add_row(vec![
                labelled(names, &u.need, None),
                reason(u, names, run.options.min_score),
            ]);
        }
        let _ = writeln!(s, "{t}");
    }
    if !r.partly_served.is_empty() {
        let _ = writeln!(s, "\npartly served ({}):", r.partly_served.len());
        let mut t = table(&["need", "places filled"]);
        for p in &r.partly_served {
            t.add_row(vec![
                labelled(names, &p.need, None),
                format!("{} of {}", p.filled, p.wanted),
            ]);
        }
        let _ = writeln!(s, "{t}");
    }
    let notes = advice(run);
    if !notes.is_empty() {
        let _ = writeln!(s, "\ntravel advice:");
        let mut t = table(&["need", "note"]);
        for (need, note) in notes {
            t.add_row(vec![need, note]);
        }
        let _ = writeln!(s, "{t}");
    }
    if !r.alternates.is_empty() {
        let _ = writeln!(s, "\nalternates:");
        let mut t = table(&["need", "first alternate", "second alternate"]);
        for (need, list) in &r.alternates {
            let mut row = vec![labelled(names, need, None)];
            row.extend(list.iter().map(|a| alternate(a, names)));
            row.resize(3, String::new());
            t.add_row(row);
        }
        let _ = writeln!(s, "{t}");
    }
    s
}

/// A Markdown table cell: no pipe, no line break.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', "<br>")
}

fn md_table(s: &mut String, header: &[&str], rows: impl IntoIterator<Item = Vec<String>>) {
    let _ = writeln!(s, "| {} |", header.join(" | "));
    let _ = writeln!(s, "|{}", "---|".repeat(header.len()));
    for row in rows {
        let cells: Vec<String> = row.iter().map(|c| cell(c)).collect();
        let _ = writeln!(s, "| {} |", cells.join(" | "));
    }
}

fn markdown(run: &BatchRun, names: &HashMap<String, String>) -> String {
    let r = &run.batch.result;
    let c = &r.coverage;
    let mut s = String::new();
    let title = match &run.options.call {
        Some(call) => format!("# Batch assignment — call {call}"),
        None => "# Batch assignment — all needs".to_owned(),
    };
    let _ = writeln!(s, "{title}\n");
    let _ = writeln!(
        s,
        "**Coverage:** {} of {} needs covered, {} of {} places filled; total score {:.2} \
         (objective: {} needs, weight {}). Top {} candidates per need{}.\n",
        c.covered,
        c.needs,
        c.places_filled,
        c.places_wanted,
        c.total_score,
        r.objective.covered,
        r.objective.total_weight,
        run.options.top_k,
        if run.options.min_score > 0.0 {
            format!(", minimum score {}", run.options.min_score)
        } else {
            String::new()
        }
    );
    let _ = writeln!(s, "## Assignments\n");
    md_table(
        &mut s,
        &[
            "Need",
            "Candidate",
            "Score",
            "Dates",
            "Main reasons",
            "To check",
        ],
        r.assignments.iter().map(|a| {
            vec![
                labelled(names, &a.need, None),
                labelled(names, &a.candidate, Some(a.kind)),
                format!("{:.1}", a.score),
                format!("{} → {}", a.start, a.end),
                a.reasons.join("; "),
                checks(a),
            ]
        }),
    );
    if !r.unserved.is_empty() {
        let _ = writeln!(s, "\n## Unserved needs\n");
        md_table(
            &mut s,
            &["Need", "Why"],
            r.unserved.iter().map(|u| {
                vec![
                    labelled(names, &u.need, None),
                    reason(u, names, run.options.min_score),
                ]
            }),
        );
    }
    if !r.partly_served.is_empty() {
        let _ = writeln!(s, "\n## Partly served\n");
        md_table(
            &mut s,
            &["Need", "Places filled"],
            r.partly_served.iter().map(|p| {
                vec![
                    labelled(names, &p.need, None),
                    format!("{} of {}", p.filled, p.wanted),
                ]
            }),
        );
    }
    if !r.alternates.is_empty() {
        let _ = writeln!(s, "\n## Alternates\n");
        md_table(
            &mut s,
            &["Need", "First alternate", "Second alternate"],
            r.alternates.iter().map(|(need, list)| {
                let mut row = vec![labelled(names, need, None)];
                row.extend(list.iter().map(|a| alternate(a, names)));
                row.resize(3, String::new());
                row
            }),
        );
    }
    let notes = advice(run);
    if !notes.is_empty() {
        let _ = writeln!(s, "\n## Travel advice\n");
        for (need, note) in notes {
            let _ = writeln!(s, "- {}: {note}", labelled(names, &need, None));
        }
    }
    s
}

fn csv(run: &BatchRun, names: &HashMap<String, String>) -> Result<String> {
    let r = &run.batch.result;
    let mut w = ::csv::Writer::from_writer(Vec::new());
    w.write_record([
        "status",
        "need",
        "need_title",
        "candidate",
        "kind",
        "name",
        "score",
        "weight",
        "start",
        "end",
        "reasons",
        "flags",
        "why_unserved",
    ])?;
    let title = |id: &str| {
        run.needs
            .iter()
            .find(|n| n.id == id)
            .map_or(String::new(), |n| n.title.clone())
    };
    for a in &r.assignments {
        w.write_record([
            "assigned".to_owned(),
            a.need.clone(),
            title(&a.need),
            a.candidate.clone(),
            word(&a.kind),
            name(names, &a.candidate).to_owned(),
            format!("{:.2}", a.score),
            a.weight.to_string(),
            a.start.to_string(),
            a.end.to_string(),
            a.reasons.join(" | "),
            a.flags
                .iter()
                .map(|f| format!("{}: {}", f.gate.id(), f.detail))
                .collect::<Vec<_>>()
                .join(" | "),
            String::new(),
        ])?;
    }
    for u in &r.unserved {
        let mut row = vec!["unserved".to_owned(), u.need.clone(), title(&u.need)];
        row.resize(12, String::new());
        row.push(reason(u, names, run.options.min_score).replace('\n', " "));
        w.write_record(&row)?;
    }
    let bytes = w.into_inner().map_err(|e| anyhow::anyhow!("{e}"))?;
    Ok(String::from_utf8(bytes)?)
}
