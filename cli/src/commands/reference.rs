//! `explor reference` (and `explor themes`): the vocabularies records are checked
//! against, the age of each reference table, and the import of a cost table as its
//! publisher gives it.

use std::path::Path;

use anyhow::Result;
use explor_engine::Reference;
use explor_engine::fr::{headers, reference as fr};
use explor_engine::reference::{Origin, TableStatus, vocabulary};
use explor_engine::schema::parse_date;
use explor_indexer::{Workspace, reference_status_at};
use explor_views::Table;
use serde::Serialize;
use serde_json::json;

use super::UsageError;
use crate::args::{ReferenceCommand, ReferenceImportArgs, ReportFormat, ShowFormat};
use crate::output;

pub fn run(root: &Path, command: &ReferenceCommand) -> Result<()> {
    match command {
        ReferenceCommand::Themes(args) => themes(args.format),
        ReferenceCommand::Countries(args) => countries(args.format),
        ReferenceCommand::Languages(args) => languages(args.format),
        ReferenceCommand::Statuses(args) => words(args.format, &vocabulary::expert_statuses()),
        ReferenceCommand::Consents(args) => consents(args.format),
        ReferenceCommand::Status(args) => status(root, args.format),
        ReferenceCommand::Import(args) => import(root, args),
    }
}

/// A table for people, or the same rows as JSON objects for scripts.
fn print<T: Serialize>(format: ShowFormat, table: &Table, json: &T) -> Result<()> {
    let mut out = output::stdout();
    match format {
        ShowFormat::Json => out.json(json),
        ShowFormat::Table => {
            out.table(table)?;
            Ok(())
        }
    }
}

pub fn themes(format: ShowFormat) -> Result<()> {
    let taxonomy = Reference::embedded().taxonomy;
    let mut table = Table::new(&headers::THEMES);
    let mut rows = Vec::new();
    for theme in taxonomy.iter() {
        let children: Vec<&str> = taxonomy
            .children(&theme.key)
            .into_iter()
            .map(|c| c.key.as_str())
            .collect();
        table.push(vec![
            theme.key.clone(),
            theme.label_fr.clone(),
            theme.parent.clone().unwrap_or_default(),
            children.join(", "),
        ]);
        rows.push(json!({
            "key": theme.key, "label_fr": theme.label_fr, "label_en": theme.label_en,
            "parent": theme.parent, "children": children,
        }));
    }
    print(format, &table, &rows)
}

fn countries(format: ShowFormat) -> Result<()> {
    let mut table = Table::new(&headers::CODES);
    let mut rows = Vec::new();
    for c in Reference::embedded().countries.iter() {
        table.push(vec![c.code.clone(), c.name_fr.clone(), c.name_en.clone()]);
        rows.push(json!({"code": c.code, "name_fr": c.name_fr, "name_en": c.name_en}));
    }
    print(format, &table, &rows)
}

fn languages(format: ShowFormat) -> Result<()> {
    let mut table = Table::new(&headers::CODES);
    let mut rows = Vec::new();
    for l in Reference::embedded().languages.iter() {
        table.push(vec![l.code.clone(), l.name_fr.clone(), l.name_en.clone()]);
        rows.push(json!({"code": l.code, "name_fr": l.name_fr, "name_en": l.name_en}));
    }
    print(format, &table, &rows)
}

fn words(format: ShowFormat, words: &[vocabulary::Word]) -> Result<()> {
    let mut table = Table::new(&headers::KEYS);
    for w in words {
        table.push(vec![w.key.to_owned(), w.label_fr.to_owned()]);
    }
    print(format, &table, &words)
}

fn consents(format: ShowFormat) -> Result<()> {
    let (schemes, statuses) = (
        vocabulary::consent_schemes(),
        vocabulary::consent_statuses(),
    );
    let mut table = Table::new(&headers::FIELD_KEYS);
    for (field, words) in [("consent.scheme", &schemes), ("consent.status", &statuses)] {
        for w in words {
            table.push(vec![
                field.to_owned(),
                w.key.to_owned(),
                w.label_fr.to_owned(),
            ]);
        }
    }
    print(
        format,
        &table,
        &json!({"schemes": schemes, "statuses": statuses}),
    )
}

fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

fn status(root: &Path, format: ShowFormat) -> Result<()> {
    let tables = reference_status_at(root, today())?;
    let mut out = output::stdout();
    if format == ShowFormat::Json {
        return out.json(&tables);
    }
    let mut table = Table::new(&headers::REFERENCE_STATUS);
    for t in &tables {
        table.push(vec![
            t.table.clone(),
            t.date.clone(),
            match t.origin {
                Origin::Embedded => fr::BUILT_IN,
                Origin::Workspace => fr::IN_WORKSPACE,
            }
            .to_owned(),
            t.max_age_months.map_or_else(String::new, fr::months),
            if t.stale { fr::STALE } else { fr::CURRENT }.to_owned(),
            t.source.clone(),
        ]);
    }
    out.table(&table)?;
    for t in tables.iter().filter(|t| t.stale) {
        out.line(format_args!("avertissement : {}", stale_line(t)))?;
    }
    Ok(())
}

/// Why a table is old, and what to do about it.
fn stale_line(t: &TableStatus) -> String {
    let hint = if t.table.starts_with("costs.json currencies") {
        explor_engine::fr::cli::HINT_IMPORT_RATES
    } else if t.table == "costs.json per_diem_abroad" {
        explor_engine::fr::cli::HINT_IMPORT_SCALE
    } else {
        explor_engine::fr::cli::HINT_CHECK_SOURCE
    };
    explor_engine::fr::cli::stale_table(
        &t.table,
        &t.date,
        t.age_days.unwrap_or_default(),
        t.max_age_months.unwrap_or_default(),
        hint,
    )
}

fn import(root: &Path, args: &ReferenceImportArgs) -> Result<()> {
    let date = args
        .date
        .as_deref()
        .map(|d| parse_date(d).map_err(|e| UsageError(format!("--date: {e}"))))
        .transpose()?;
    let ws = super::open(root)?;
    let imported = import_into(&ws, args, date)?;
    let mut out = output::stdout();
    match args.format {
        ReportFormat::Json => out.json(&json!({
            "ok": true,
            "table": match imported.table {
                explor_engine::reference::ImportedTable::PerDiem => "per_diem_abroad",
                explor_engine::reference::ImportedTable::ExchangeRates => "currencies",
            },
            "summary": imported.summary,
        })),
        ReportFormat::Text => {
            out.line(format_args!(
                "{}",
                explor_engine::fr::cli::table_imported(
                    &imported.summary,
                    ws.root().join(explor_indexer::COSTS_OVERRIDE).display()
                )
            ))?;
            Ok(())
        }
    }
}

fn import_into(
    ws: &Workspace,
    args: &ReferenceImportArgs,
    date: Option<chrono::NaiveDate>,
) -> Result<explor_engine::reference::Imported> {
    Ok(ws.import_reference(&args.file, date, args.source.as_deref(), today())?)
}
