//! `explor search`, `remove`, `reindex` and `check`.

use anyhow::{Context, Result, bail};
use explor_engine::fr::records as fr;
use explor_engine::schema::parse_date;
use explor_engine::{Cefr, DateWindow, LanguageLevel};
use explor_indexer::{SearchQuery, Workspace};
use explor_views::SearchResults;
use serde_json::json;

use crate::args::{CheckArgs, RemoveArgs, ReportFormat, SearchArgs, ShowFormat};
use crate::commands::UsageError;
use crate::output;

fn usage(message: String) -> anyhow::Error {
    UsageError(message).into()
}

/// Reads `fr:B2`.
pub fn parse_language(text: &str) -> Result<LanguageLevel> {
    let (code, level) = text
        .split_once(':')
        .ok_or_else(|| usage(explor_engine::fr::cli::lang_without_level(text)))?;
    Ok(LanguageLevel {
        code: code
            .parse()
            .map_err(|e| usage(format!("--lang {text}: {e}")))?,
        level: level
            .parse::<Cefr>()
            .map_err(|e| usage(format!("--lang {text}: {e}")))?,
    })
}

/// Reads `2027-03-01..2027-04-30`.
pub fn parse_window(text: &str) -> Result<DateWindow> {
    let (from, to) = text
        .split_once("..")
        .ok_or_else(|| usage(explor_engine::fr::cli::bad_available(text)))?;
    let from = parse_date(from).map_err(|e| usage(format!("--available: {e}")))?;
    let to = parse_date(to).map_err(|e| usage(format!("--available: {e}")))?;
    DateWindow::new(from, to).map_err(|e| usage(format!("--available: {e}")))
}

fn resolve(args: &SearchArgs) -> Result<SearchQuery> {
    let taxonomy = explor_engine::Taxonomy::embedded();
    // A key or a French label, as in imported records (`Déchets` is `dechets`).
    let theme = match &args.theme {
        Some(theme) => match taxonomy.resolve(theme) {
            Some(t) => Some(t.key.clone()),
            None => {
                return Err(usage(explor_engine::fr::cli::unknown_theme(
                    theme,
                    taxonomy.closest(theme, 3).join(", "),
                )));
            }
        },
        None => None,
    };
    Ok(SearchQuery {
        text: args.query.clone(),
        theme,
        languages: args
            .languages
            .iter()
            .map(|l| parse_language(l))
            .collect::<Result<_>>()?,
        country: args
            .country
            .as_deref()
            .map(|c| c.parse().map_err(|e| usage(format!("--country {c}: {e}"))))
            .transpose()?,
        available: args.available.as_deref().map(parse_window).transpose()?,
        kind: args.kind.map(Into::into),
        top: args.top as usize,
    })
}

pub fn search(ws: &Workspace, args: &SearchArgs) -> Result<()> {
    let query = resolve(args)?;
    let hits = ws.search(&query)?;
    let view = SearchResults::build(ws, &args.query, &hits)?;
    let mut out = output::stdout();
    match args.format {
        ShowFormat::Json => out.json(&view),
        ShowFormat::Table => {
            out.table(&view.table())?;
            out.line(format_args!("{}", view.count()))?;
            Ok(())
        }
    }
}

pub fn remove(ws: &mut Workspace, args: &RemoveArgs) -> Result<()> {
    let today = chrono::Local::now().date_naive();
    let kind = ws
        .remove(&args.id, today)
        .with_context(|| format!("impossible de supprimer {}", args.id))?;
    for notice in ws.take_notices() {
        eprintln!("{}", explor_engine::fr::cli::note(&notice));
    }
    if kind == explor_engine::RecordKind::Expert {
        // What the web app kept of the person: their accounts and the e-mails to them.
        let mut db = explor_web::Db::open(ws.root())?;
        let forgotten = explor_web::forget(
            &mut db,
            ws.root(),
            &args.id,
            None,
            chrono::Utc::now().timestamp(),
        )?;
        if !forgotten.log_emptied {
            eprintln!(
                "{}",
                explor_engine::fr::cli::reader_kept_database_open(&args.id)
            );
        }
    }
    let mut out = output::stdout();
    if kind == explor_engine::RecordKind::Expert {
        out.line(format_args!(
            "{}",
            explor_engine::fr::cli::expert_erased(&args.id)
        ))?;
    } else {
        out.line(format_args!(
            "{}",
            explor_engine::fr::cli::record_deleted(kind, &args.id)
        ))?;
    }
    Ok(())
}

pub fn reindex(ws: &mut Workspace) -> Result<()> {
    let n = ws.reindex()?;
    output::stdout().line(format_args!("{}", fr::reindexed(n)))?;
    Ok(())
}

pub fn check(ws: &Workspace, args: &CheckArgs) -> Result<()> {
    let report = ws.check()?;
    let mut out = output::stdout();
    match args.format {
        ReportFormat::Json => {
            out.json(&json!({"consistent": report.is_consistent(), "report": report}))?;
        }
        ReportFormat::Text => {
            let index_gen = report
                .index_generation
                .map_or_else(|| fr::UNKNOWN.to_owned(), |g| g.to_string());
            out.line(format_args!(
                "{}",
                fr::store(report.store_generation, report.store_documents)
            ))?;
            out.line(format_args!(
                "{}",
                fr::index(&index_gen, report.index_documents)
            ))?;
            for id in &report.missing_from_index {
                out.line(format_args!("{}", fr::missing_from_index(id)))?;
            }
            for id in &report.extra_in_index {
                out.line(format_args!("{}", fr::extra_in_index(id)))?;
            }
            for file in &report.damaged_files {
                out.line(format_args!("{}", fr::damaged_file(file)))?;
            }
            if report.is_consistent() {
                out.line(format_args!("{}", fr::AGREE))?;
            }
        }
    }
    if !report.damaged_files.is_empty() {
        bail!(fr::DAMAGED);
    }
    if !report.is_consistent() {
        bail!(fr::DISAGREE);
    }
    Ok(())
}
