//! `explor list` and `explor show`.

use anyhow::Result;
use explor_engine::schema::{csv_columns, flatten};
use explor_engine::{Record, RecordKind};
use explor_indexer::Workspace;
use explor_views::records::{fields_table, plural, summary_table};
use explor_views::{CsvDialect, Table};

use crate::args::{ListArgs, ListFormat, ShowArgs, ShowFormat};
use crate::output;

pub fn list(ws: &Workspace, args: &ListArgs) -> Result<()> {
    let kind = RecordKind::from(args.kind);
    let records = ws.records(kind)?;
    let mut out = output::stdout();
    match args.format {
        ListFormat::Json => out.json(&records),
        ListFormat::Csv | ListFormat::CsvFr => out.csv(
            &Table {
                header: csv_columns(kind),
                rows: records
                    .iter()
                    .map(|r| flatten(kind, &r.to_value()))
                    .collect(),
            },
            if args.format == ListFormat::CsvFr {
                CsvDialect::Excel
            } else {
                CsvDialect::Plain
            },
        ),
        ListFormat::Table => {
            out.table(&summary_table(kind, &records))?;
            out.line(format_args!(
                "{} {}",
                records.len(),
                plural(kind, records.len())
            ))?;
            Ok(())
        }
    }
}

pub fn show(ws: &Workspace, args: &ShowArgs) -> Result<()> {
    let record = ws.record(&args.id)?;
    let mut out = output::stdout();
    match args.format {
        ShowFormat::Json => out.json(&record),
        ShowFormat::Table => {
            out.line(format_args!("{} {}", record.kind(), record.id()))?;
            out.table(&fields_table(&record))?;
            if let Record::Offer(offer) = &record {
                for id in &offer.experts {
                    if let Some(on) = ws.erased_on(id)? {
                        out.line(format_args!(
                            "{}",
                            explor_engine::fr::cli::offer_names_erased(id, &on)
                        ))?;
                    }
                }
            }
            Ok(())
        }
    }
}
