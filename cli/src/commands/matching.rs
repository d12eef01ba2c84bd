//! `explor match`: ranked, explained candidates for a need, or needs for a candidate.

use anyhow::Result;
use explor_engine::fr::cli as fr;
use explor_indexer::{MatchOptions, Workspace};
use explor_views::{CandidateMatch, CsvDialect, NeedMatch};

use crate::args::{ListFormat, MatchArgs};
use crate::output;

pub fn run(ws: &Workspace, args: &MatchArgs) -> Result<()> {
    let opts = MatchOptions {
        top: args.top as usize,
        include_ineligible: args.include_ineligible,
        include_pending: args.include_pending,
    };
    match &args.need {
        Some(need) => need_candidates(ws, need, opts, args),
        None => {
            let id = args
                .offer
                .as_deref()
                .or(args.expert.as_deref())
                .unwrap_or_default();
            candidate_needs(ws, id, opts, args)
        }
    }
}

fn need_candidates(ws: &Workspace, need: &str, opts: MatchOptions, args: &MatchArgs) -> Result<()> {
    let view = NeedMatch::build(ws, need, opts)?;
    let mut out = output::stdout();
    match args.format {
        ListFormat::Json => out.json(&view.result),
        ListFormat::Csv => out.csv(&view.csv(), CsvDialect::Plain),
        ListFormat::CsvFr => out.csv(&view.csv(), CsvDialect::Excel),
        ListFormat::Table => {
            if let Some(heading) = &view.heading {
                out.line(format_args!("{heading}"))?;
            }
            for note in &view.notes {
                out.line(format_args!("{}", fr::note(note)))?;
            }
            out.table(&view.ranked())?;
            if view.result.candidates.is_empty() {
                // Nobody eligible: say why, a line per gate, rather than a row per person.
                // A destination advised against bars everyone: said at once, as the web
                // app says it, without judging each candidate (seconds at a million).
                let why = if opts.include_ineligible {
                    view.exclusion_summary()
                } else if let Some(lines) = NeedMatch::barred_summary(ws, need)? {
                    lines
                } else {
                    let all = MatchOptions {
                        include_ineligible: true,
                        ..opts
                    };
                    NeedMatch::build(ws, need, all)?.exclusion_summary()
                };
                out.line(format_args!(
                    "{}",
                    explor_engine::fr::cli::NO_ELIGIBLE_CANDIDATE
                ))?;
                for line in why {
                    out.line(format_args!("  {line}"))?;
                }
                if !opts.include_ineligible {
                    out.line(format_args!("{}", explor_engine::fr::cli::HINT_INELIGIBLE))?;
                }
            }
            if args.include_ineligible {
                if !view.result.candidates.is_empty() {
                    for line in view.exclusion_summary() {
                        out.line(format_args!("{line}"))?;
                    }
                }
                out.line(format_args!("{}", fr::excluded(view.result.excluded.len())))?;
                out.table(&view.excluded())?;
                let consent = view.excluded_for_consent();
                if consent > 0 {
                    out.line(format_args!("{}", fr::consent_excluded(consent)))?;
                }
            }
            Ok(())
        }
    }
}

fn candidate_needs(ws: &Workspace, id: &str, opts: MatchOptions, args: &MatchArgs) -> Result<()> {
    let view = CandidateMatch::build(ws, id, opts)?;
    let mut out = output::stdout();
    match args.format {
        ListFormat::Json => out.json(&view.result),
        ListFormat::Csv => out.csv(&view.csv(), CsvDialect::Plain),
        ListFormat::CsvFr => out.csv(&view.csv(), CsvDialect::Excel),
        ListFormat::Table => {
            out.line(format_args!("{}", fr::needs_for(&view.who, id)))?;
            out.table(&view.ranked())?;
            if let Some(note) = view.left_out() {
                out.line(format_args!("{note}"))?;
            }
            if args.include_ineligible {
                out.line(format_args!(
                    "{}",
                    fr::needs_unfit(view.result.excluded.len())
                ))?;
                out.table(&view.excluded())?;
            }
            Ok(())
        }
    }
}
