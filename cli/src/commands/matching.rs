//! `explor match`: ranked, explained candidates for a need, or needs for a candidate.

use std::collections::HashMap;

use anyhow::Result;
use explor_engine::scoring::{Excluded, Gate, Scored};
use explor_engine::{CandidateKind, Record};
use explor_indexer::{MatchOptions, Workspace};

use crate::args::{ListFormat, MatchArgs};
use crate::output::{self, record_name, table, word};

pub fn run(ws: &Workspace, args: &MatchArgs) -> Result<()> {
    let opts = MatchOptions {
        top: args.top,
        include_ineligible: args.include_ineligible,
        include_pending: args.include_pending,
    };
    let mut out = output::stdout();
    if let Some(need_id) = &args.need {
        let result = ws.match_need(need_id, opts)?;
        let names = listed_names(ws, &result.candidates, &result.excluded)?;
        match args.format {
            ListFormat::Json => out.json(&result),
            ListFormat::Csv => out.csv(
                &csv_header(),
                &csv_rows(&result.candidates, &result.excluded, &names),
            ),
            ListFormat::Table => {
                if let Record::Need(n) = ws.record(need_id)? {
                    out.line(format_args!(
                        "{} — {} ({}{}), {} days within {}",
                        n.id,
                        n.title,
                        n.city
                            .as_deref()
                            .map(|c| format!("{c}, "))
                            .unwrap_or_default(),
                        n.country,
                        n.duration_days,
                        n.window
                    ))?;
                    if let Some((people, missions)) = ws.staffed_needs()?.get(&n.id) {
                        out.line(format_args!(
                            "note: {people} of the {} expert(s) it wants already go, on {}",
                            n.experts_wanted,
                            missions.join(", ")
                        ))?;
                    }
                }
                // Travel advice concerns the destination, not the candidate: said once.
                let mut destination: Vec<&str> = result
                    .candidates
                    .iter()
                    .flat_map(|c| &c.flags)
                    .filter(|f| f.gate == Gate::TravelAdvice)
                    .map(|f| f.detail.as_str())
                    .collect();
                destination.dedup();
                for note in destination.iter().take(1) {
                    out.line(format_args!("note: {note}"))?;
                }
                out.table(&ranked_table(&result.candidates, &names, "candidate"))?;
                if result.candidates.is_empty() {
                    out.line(format_args!(
                        "no eligible candidate; --include-ineligible shows why each one is excluded"
                    ))?;
                }
                if args.include_ineligible {
                    out.line(format_args!("\nexcluded ({}):", result.excluded.len()))?;
                    out.table(&excluded_table(&result.excluded, &names))?;
                }
                Ok(())
            }
        }
    } else {
        let id = args
            .offer
            .as_deref()
            .or(args.expert.as_deref())
            .unwrap_or_default();
        let result = ws.match_candidate(id, opts)?;
        let labels = listed_names(ws, &result.needs, &result.excluded)?;
        match args.format {
            ListFormat::Json => out.json(&result),
            ListFormat::Csv => out.csv(
                &csv_header(),
                &csv_rows(&result.needs, &result.excluded, &labels),
            ),
            ListFormat::Table => {
                let who = names(ws, [id])?.remove(id).unwrap_or_default();
                out.line(format_args!("needs that {} ({}) could serve", who, id))?;
                out.table(&ranked_table(&result.needs, &labels, "need"))?;
                if args.include_ineligible {
                    out.line(format_args!(
                        "\nneeds it does not fit ({}):",
                        result.excluded.len()
                    ))?;
                    out.table(&excluded_table(&result.excluded, &labels))?;
                }
                Ok(())
            }
        }
    }
}

/// Names for everything a result lists, ranked and excluded.
fn listed_names(
    ws: &Workspace,
    ranked: &[Scored],
    excluded: &[Excluded],
) -> Result<HashMap<String, String>> {
    let ids = ranked
        .iter()
        .map(|c| c.id.as_str())
        .chain(excluded.iter().map(|x| x.id.as_str()));
    names(ws, ids)
}

/// A readable name per id: expert name and employer, company and offer title, need title.
fn names<'i>(
    ws: &Workspace,
    ids: impl IntoIterator<Item = &'i str>,
) -> Result<HashMap<String, String>> {
    Ok(ws
        .records_by_ids(ids)?
        .into_iter()
        .map(|r| {
            let name = match &r {
                Record::Need(n) => format!("{} ({})", record_name(&r), n.country),
                _ => record_name(&r),
            };
            (r.id().to_owned(), name)
        })
        .collect())
}

/// The two or three criteria that weigh most, in words.
fn why(s: &Scored) -> String {
    let mut c: Vec<_> = s.criteria.iter().filter(|c| c.contribution > 0.0).collect();
    c.sort_by(|a, b| {
        b.contribution
            .total_cmp(&a.contribution)
            .then(a.criterion.id().cmp(b.criterion.id()))
    });
    c.iter()
        .take(3)
        .map(|c| c.detail.as_str())
        .collect::<Vec<_>>()
        .join("; ")
}

fn ranked_table(
    list: &[Scored],
    names: &HashMap<String, String>,
    what: &str,
) -> comfy_table::Table {
    let mut t = table(&["#", what, "name", "score", "dates", "why", "check"]);
    for (i, s) in list.iter().enumerate() {
        let kind = if s.kind == CandidateKind::Offer && what == "candidate" {
            " (offer)"
        } else {
            ""
        };
        t.add_row(vec![
            (i + 1).to_string(),
            format!("{}{kind}", s.id),
            names.get(&s.id).cloned().unwrap_or_default(),
            format!("{:.1}", s.score),
            format!("{} → {}", s.start, s.end),
            why(s),
            s.flags
                .iter()
                .filter(|f| f.gate != Gate::TravelAdvice || what != "candidate")
                .map(|f| f.detail.as_str())
                .collect::<Vec<_>>()
                .join("; "),
        ]);
    }
    t
}

fn excluded_table(list: &[Excluded], names: &HashMap<String, String>) -> comfy_table::Table {
    let mut t = table(&["id", "name", "why not"]);
    for x in list {
        t.add_row(vec![
            x.id.clone(),
            names.get(&x.id).cloned().unwrap_or_default(),
            x.reasons
                .iter()
                .map(|r| format!("{}: {}", r.gate.id(), r.detail))
                .collect::<Vec<_>>()
                .join("\n"),
        ]);
    }
    t
}

const CRITERIA: [&str; 7] = [
    "theme",
    "skills",
    "languages",
    "country_experience",
    "availability_fit",
    "experience",
    "rotation",
];

fn csv_header() -> Vec<String> {
    let mut h: Vec<String> = [
        "rank", "id", "kind", "name", "eligible", "score", "start", "end",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    h.extend(CRITERIA.iter().map(|c| c.to_string()));
    h.push("flags".into());
    h.push("reasons".into());
    h
}

fn csv_rows(
    list: &[Scored],
    excluded: &[Excluded],
    names: &HashMap<String, String>,
) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    for (i, s) in list.iter().enumerate() {
        let mut row = vec![
            (i + 1).to_string(),
            s.id.clone(),
            word(&s.kind),
            names.get(&s.id).cloned().unwrap_or_default(),
            "true".into(),
            format!("{:.2}", s.score),
            s.start.to_string(),
            s.end.to_string(),
        ];
        for name in CRITERIA {
            row.push(
                s.criteria
                    .iter()
                    .find(|c| c.criterion.id() == name)
                    .map_or_else(String::new, |c| format!("{:.4}", c.value)),
            );
        }
        row.push(
            s.flags
                .iter()
                .map(|f| format!("{}: {}", f.gate.id(), f.detail))
                .collect::<Vec<_>>()
                .join(" | "),
        );
        row.push(String::new());
        rows.push(row);
    }
    for x in excluded {
        let mut row = vec![
            String::new(),
            x.id.clone(),
            word(&x.kind),
            names.get(&x.id).cloned().unwrap_or_default(),
            "false".into(),
        ];
        row.extend(std::iter::repeat_n(String::new(), 3 + CRITERIA.len() + 1));
        row.push(
            x.reasons
                .iter()
                .map(|r| format!("{}: {}", r.gate.id(), r.detail))
                .collect::<Vec<_>>()
                .join(" | "),
        );
        rows.push(row);
    }
    rows
}
