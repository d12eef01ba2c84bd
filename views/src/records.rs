//! Records as tables: one summary row per record for `list`, every field for `show`,
//! and what an import did.

use explor_engine::schema::{csv_columns, flatten};
use explor_engine::{ConsentStatus, Expert, Need, Offer, Record, RecordKind};
use explor_indexer::ImportSummary;

use crate::table::Table;
use crate::words::joined;
use explor_engine::fr::{documents, headers, records as fr, views};

/// The kind's name for `n` records (`expert`, `experts`).
pub fn plural(kind: RecordKind, n: usize) -> &'static str {
    if n == 1 {
        kind.as_str()
    } else {
        kind.file_stem()
    }
}

/// One row per record with the columns that tell records of this kind apart.
pub fn summary_table(kind: RecordKind, records: &[Record]) -> Table {
    let header: &[&str] = match kind {
        RecordKind::Association => &headers::ASSOCIATIONS,
        RecordKind::Expert => &headers::EXPERTS,
        RecordKind::Offer => &headers::OFFERS,
        RecordKind::Need => &headers::NEEDS,
    };
    let mut t = Table::new(header);
    for r in records {
        t.push(match r {
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
        });
    }
    t
}

/// Every field that has a value, by its CSV column name.
pub fn fields_table(record: &Record) -> Table {
    let kind = record.kind();
    let mut t = Table::new(&headers::FIELDS);
    for (column, cell) in csv_columns(kind)
        .into_iter()
        .zip(flatten(kind, &record.to_value()))
    {
        if !cell.is_empty() {
            t.push(vec![column, cell.replace(';', "; ")]);
        }
    }
    t
}

/// One line per kind that the import touched, then the totals.
pub fn import_summary(summary: &ImportSummary) -> String {
    let mut text = String::new();
    for (kind, c) in &summary.by_kind {
        let n = c.added + c.updated + c.unchanged;
        if n > 0 {
            text.push_str(&format!(
                "{n:>5} {:<13} {}\n",
                fr::kind(*kind, n),
                fr::counts(c.added, c.updated, c.unchanged)
            ));
        }
    }
    let t = summary.total();
    text.push_str(&fr::imported(&fr::counts(t.added, t.updated, t.unchanged)));
    text.push('\n');
    let skipped = summary.skipped_erased.len();
    if skipped > 0 {
        text.push_str(&explor_engine::fr::views::erased_left_out(
            explor_engine::fr::records::count(skipped as u64),
        ));
    }
    text
}

fn yes_no(b: bool) -> String {
    fr::yes_no(b).to_owned()
}

fn expert_row(e: &Expert) -> Vec<String> {
    let home = match (&e.home.city, &e.home.department) {
        (Some(city), Some(dept)) => format!("{city} ({dept})"),
        (Some(city), None) => format!("{city}, {}", e.home.country),
        (None, Some(dept)) => format!("{} {dept}", e.home.country),
        (None, None) => e.home.country.to_string(),
    };
    let consent = documents::consent(e.consent.status);
    let consent = match (e.consent.status, e.consent.valid_to) {
        (ConsentStatus::NotRequired, _) | (_, None) => consent.to_owned(),
        (_, Some(d)) => views::until(consent, explor_engine::fr::date(d)),
    };
    vec![
        e.id.clone(),
        e.name.clone(),
        fr::status(e.status).to_owned(),
        e.employer
            .as_ref()
            .map(|x| x.name.clone())
            .unwrap_or_default(),
        home,
        joined(&e.themes, ", "),
        joined(&e.languages, ", "),
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
        joined(&o.themes, ", "),
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
        views::need_kind(n.kind).to_owned(),
        place,
        n.theme.to_string(),
        n.window.to_string(),
        n.duration_days.to_string(),
    ]
}
