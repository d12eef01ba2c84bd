//! `explor list` and `explor show`.

use anyhow::Result;
use explor_engine::schema::{csv_columns, flatten};
use explor_engine::{ConsentStatus, Expert, Need, Offer, Record, RecordKind};
use explor_indexer::Workspace;

use crate::args::{ListArgs, ListFormat, ShowArgs, ShowFormat};
use crate::output::{self, table, word};

pub fn list(ws: &Workspace, args: &ListArgs) -> Result<()> {
    let kind = RecordKind::from(args.kind);
    let records = ws.records(kind)?;
    let mut out = output::stdout();
    match args.format {
        ListFormat::Json => out.json(&records),
        ListFormat::Csv => {
            let rows: Vec<Vec<String>> = records
                .iter()
                .map(|r| flatten(kind, &r.to_value()))
                .collect();
            out.csv(&csv_columns(kind), &rows)
        }
        ListFormat::Table => {
            let (header, rows) = summary_rows(kind, &records);
            let mut t = table(header);
            for row in rows {
                t.add_row(row);
            }
            out.table(&t)?;
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
            let kind = record.kind();
            let mut t = table(&["field", "value"]);
            for (column, cell) in csv_columns(kind)
                .into_iter()
                .zip(flatten(kind, &record.to_value()))
            {
                if !cell.is_empty() {
                    t.add_row(vec![column, cell.replace(';', "; ")]);
                }
            }
            out.line(format_args!("{} {}", kind, record.id()))?;
            out.table(&t)?;
            if let Record::Offer(offer) = &record {
                for id in &offer.experts {
                    if let Some(on) = ws.erased_on(id)? {
                        out.line(format_args!(
                            "note: {id}, named by this offer, was erased on {on} at the person's request (GDPR)"
                        ))?;
                    }
                }
            }
            Ok(())
        }
    }
}

pub fn plural(kind: RecordKind, n: usize) -> &'static str {
    if n == 1 {
        kind.as_str()
    } else {
        kind.file_stem()
    }
}

fn join<T: ToString>(items: &[T]) -> String {
    items
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

fn summary_rows(
    kind: RecordKind,
    records: &[Record],
) -> (&'static [&'static str], Vec<Vec<String>>) {
    let header: &'static [&'static str] = match kind {
        RecordKind::Association => &["id", "name", "dept", "member", "field years", "mécénat"],
        RecordKind::Expert => &[
            "id",
            "name",
            "status",
            "employer",
            "home",
            "themes",
            "languages",
            "consent",
        ],
        RecordKind::Offer => &["id", "company", "title", "headcount", "window", "themes"],
        RecordKind::Need => &[
            "id",
            "association",
            "call",
            "kind",
            "place",
            "theme",
            "window",
            "days",
        ],
    };
    let rows = records
        .iter()
        .map(|r| match r {
            Record::Association(a) => vec![
                a.id.clone(),
                a.name.clone(),
                a.department.clone(),
                yes_no(a.network_member),
                a.field_experience_years.to_string(),
                yes_no(a.mecenat_eligible),
            ],
            Record::Expert(e) => expert_row(e),
            Record::Offer(o) => offer_row(o),
            Record::Need(n) => need_row(n),
        })
        .collect();
    (header, rows)
}

fn yes_no(b: bool) -> String {
    if b { "yes" } else { "no" }.to_owned()
}

fn expert_row(e: &Expert) -> Vec<String> {
    let home = match (&e.home.city, &e.home.department) {
        (Some(city), Some(dept)) => format!("{city} ({dept})"),
        (Some(city), None) => format!("{city}, {}", e.home.country),
        (None, Some(dept)) => format!("{} {dept}", e.home.country),
        (None, None) => e.home.country.to_string(),
    };
    let consent = match e.consent.status {
        ConsentStatus::NotRequired => "not required".to_owned(),
        status => {
            let until = e
                .consent
                .valid_to
                .map(|d| format!(" until {d}"))
                .unwrap_or_default();
            format!("{}{until}", word(&status))
        }
    };
    vec![
        e.id.clone(),
        e.name.clone(),
        word(&e.status),
        e.employer
            .as_ref()
            .map(|x| x.name.clone())
            .unwrap_or_default(),
        home,
        join(&e.themes),
        join(&e.languages),
        consent,
    ]
}

fn offer_row(o: &Offer) -> Vec<String> {
    vec![
        o.id.clone(),
        o.company.name.clone(),
        o.title.clone(),
        o.headcount.to_string(),
        o.window.to_string(),
        join(&o.themes),
    ]
}

fn need_row(n: &Need) -> Vec<String> {
    let place = match &n.city {
        Some(city) => format!("{city}, {}", n.country),
        None => n.country.to_string(),
    };
    vec![
        n.id.clone(),
        n.association.clone(),
        n.call.clone().unwrap_or_default(),
        word(&n.kind),
        place,
        n.theme.to_string(),
        n.window.to_string(),
        n.duration_days.to_string(),
    ]
}
