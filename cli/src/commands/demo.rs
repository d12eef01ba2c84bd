//! `explor demo`: the main job on the bundled sample, in a temporary workspace.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::{Context, Result};
use explor_engine::cost;
use explor_engine::mission::{DocFormat, DocKind};
use explor_engine::{Cefr, LanguageLevel, Record, RecordKind, Reference};
use explor_indexer::{
    BatchOptions, MatchOptions, NewMission, SearchQuery, StaffRequest, Workspace, load,
};

use crate::args::DemoArgs;
use crate::commands::import::summary_text;
use crate::output::{self, table, word};

/// The sample dataset, embedded so that the demo runs from any directory.
const SAMPLE: [(&str, &str); 4] = explor_data::sample::FILES;

/// How many lines of the mission sheet the demo prints.
const SHEET_HEAD: usize = 14;

pub fn run(args: &DemoArgs) -> Result<()> {
    let temp = tempfile::Builder::new()
        .prefix("explor-demo-")
        .tempdir()
        .context("cannot create a temporary directory")?;
    let data = match &args.data {
        Some(dir) => dir.clone(),
        None => {
            let dir = temp.path().join("sample");
            std::fs::create_dir(&dir)
                .with_context(|| format!("cannot create {}", dir.display()))?;
            for (name, text) in SAMPLE {
                let path = dir.join(name);
                std::fs::write(&path, text)
                    .with_context(|| format!("cannot write {}", path.display()))?;
            }
            dir
        }
    };
    let (mut ws, _) = Workspace::init(&temp.path().join("workspace"))?;
    let mut out = output::stdout();
    out.line(format_args!(
        "explor demo — EXPLOR expertise missions, Occitanie Coopération"
    ))?;
    out.line(format_args!("temporary workspace: {}", ws.root().display()))?;
    out.line(format_args!(
        "\n== 1. import {} ==",
        describe_source(args.data.as_deref())
    ))?;
    let summary = ws.import(load(&data, None)?, &Reference::embedded())?;
    out.text(&summary_text(&summary))?;

    out.line(format_args!("\n== 2. the sample at a glance =="))?;
    let experts = ws.records(RecordKind::Expert)?;
    let needs = ws.records(RecordKind::Need)?;
    let offers = ws.records(RecordKind::Offer)?;
    let mut status = BTreeMap::new();
    let mut consent = BTreeMap::new();
    let mut foreign = 0;
    for r in &experts {
        if let Record::Expert(e) = r {
            *status.entry(word(&e.status)).or_insert(0) += 1;
            *consent.entry(word(&e.consent.status)).or_insert(0) += 1;
            foreign += usize::from(e.is_foreign());
        }
    }
    out.line(format_args!("experts by status:  {}", counts(&status)))?;
    out.line(format_args!("employer consent:   {}", counts(&consent)))?;
    out.line(format_args!(
        "based abroad (reciprocity candidates): {foreign}"
    ))?;
    let mut calls = BTreeMap::new();
    let mut kinds = BTreeMap::new();
    let mut countries = BTreeMap::new();
    let mut themes = BTreeMap::new();
    for r in &needs {
        if let Record::Need(n) = r {
            *calls
                .entry(n.call.clone().unwrap_or_else(|| "(no call)".into()))
                .or_insert(0) += 1;
            *kinds.entry(word(&n.kind)).or_insert(0) += 1;
            *countries.entry(n.country.to_string()).or_insert(0) += 1;
            *themes.entry(n.theme.to_string()).or_insert(0) += 1;
        }
    }
    out.line(format_args!("needs by call:      {}", counts(&calls)))?;
    out.line(format_args!("needs by kind:      {}", counts(&kinds)))?;
    out.line(format_args!(
        "needs cover {} countries and {} themes",
        countries.len(),
        themes.len()
    ))?;

    out.line(format_args!("\n== 3. company offers =="))?;
    let mut t = table(&["offer", "company", "title", "headcount", "window"]);
    for r in &offers {
        if let Record::Offer(o) = r {
            t.add_row(vec![
                o.id.clone(),
                o.company.name.clone(),
                o.title.clone(),
                o.headcount.to_string(),
                o.window.to_string(),
            ]);
        }
    }
    out.table(&t)?;

    out.line(format_args!(
        "\n== 4. worked example 1: who should go to Kinshasa? (explor match need-kin-dechets) =="
    ))?;
    let opts = MatchOptions {
        top: 3,
        include_ineligible: false,
        include_pending: false,
    };
    match ws.match_need("need-kin-dechets", opts) {
        Ok(result) => {
            if let Ok(Record::Need(n)) = ws.record("need-kin-dechets") {
                out.line(format_args!(
                    "{} — {}, {} days within {}",
                    n.title,
                    n.city.as_deref().unwrap_or(""),
                    n.duration_days,
                    n.window
                ))?;
            }
            for (rank, c) in result.candidates.iter().enumerate() {
                let name = match ws.record(&c.id)? {
                    Record::Expert(e) => format!(
                        "{}{}",
                        e.name,
                        e.employer
                            .map(|x| format!(", {}", x.name))
                            .unwrap_or_default()
                    ),
                    Record::Offer(o) => format!("{} — {}", o.company.name, o.title),
                    other => other.id().to_owned(),
                };
                out.line(format_args!(
                    "{}. {} ({}) — score {:.1}, {} → {}",
                    rank + 1,
                    name,
                    c.id,
                    c.score,
                    c.start,
                    c.end
                ))?;
                if rank == 0 {
                    for k in &c.criteria {
                        out.line(format_args!(
                            "     {:<19} {:>5.1} / {:<4} {}",
                            k.criterion.id(),
                            k.contribution,
                            format!("{:.0}", 100.0 * k.weight / total_weight(&c.criteria)),
                            k.detail
                        ))?;
                    }
                }
            }
        }
        Err(_) => out.line(format_args!("(need-kin-dechets is not in this dataset)"))?,
    }

    out.line(format_args!(
        "\n== 5. worked example 2: which needs fit Élec Sud's offer? (explor match --offer off-elec-2027) =="
    ))?;
    match ws.match_candidate("off-elec-2027", opts) {
        Ok(result) => {
            for (rank, n) in result.needs.iter().enumerate() {
                let title = match ws.record(&n.id)? {
                    Record::Need(need) => format!("{} ({})", need.title, need.country),
                    other => other.id().to_owned(),
                };
                out.line(format_args!(
                    "{}. {} — {}, score {:.1}",
                    rank + 1,
                    n.id,
                    title,
                    n.score
                ))?;
            }
        }
        Err(_) => out.line(format_args!("(off-elec-2027 is not in this dataset)"))?,
    }

    out.line(format_args!("\n== 6. search: \"diagnostic dechets\" (accents optional), French speakers at B2 or above =="))?;
    let query = SearchQuery {
        text: "diagnostic dechets".into(),
        languages: vec![LanguageLevel {
            code: "fr".parse()?,
            level: Cefr::B2,
        }],
        top: 5,
        ..SearchQuery::default()
    };
    let mut t = table(&["id", "kind", "name", "score"]);
    for hit in ws.search(&query)? {
        let name = match ws.record(&hit.id)? {
            Record::Expert(e) => e.name,
            Record::Offer(o) => format!("{} — {}", o.company.name, o.title),
            other => other.id().to_owned(),
        };
        t.add_row(vec![
            hit.id,
            word(&hit.kind),
            name,
            format!("{:.2}", hit.score),
        ]);
    }
    out.table(&t)?;
    out.line(format_args!(
        "\n== 7. batch before the spring call (explor batch --call 2027-printemps) =="
    ))?;
    let options = BatchOptions {
        call: Some("2027-printemps".into()),
        ..BatchOptions::default()
    };
    match ws.batch(&options, &|_| {}) {
        Ok(run) => {
            let result = &run.batch.result;
            out.line(format_args!(
                "{} of {} needs covered, total score {:.2}",
                result.coverage.covered,
                result.coverage.needs,
                result.objective.total_weight as f64 / 100.0
            ))?;
            let mut t = table(&["need", "candidate", "score", "dates"]);
            for a in result.assignments.iter().take(8) {
                t.add_row(vec![
                    a.need.clone(),
                    a.candidate.clone(),
                    format!("{:.1}", a.score),
                    format!("{} → {}", a.start, a.end),
                ]);
            }
            out.table(&t)?;
            out.line(format_args!(
                "(first 8 of {} assignments; `explor batch --format md` writes the meeting report)",
                result.assignments.len()
            ))?;
        }
        Err(e) => out.line(format_args!("(batch not run: {e})"))?,
    }

    out.line(format_args!(
        "\n== 8. the Kinshasa mission (explor mission create need-kin-dechets --expert exp-0007) =="
    ))?;
    let request = NewMission {
        need: "need-kin-dechets".into(),
        staff: StaffRequest::Experts(vec!["exp-0007".into()]),
        start: None,
        days: None,
        payer: None,
        include_pending: false,
        note: Some("créée par explor demo".into()),
    };
    match ws.create_mission(&request, chrono::Local::now().date_naive()) {
        Ok(created) => {
            let m = &created.mission;
            out.line(format_args!(
                "created {}: {} ({} days), state {}; exp-0007 is booked on these dates",
                m.id,
                m.dates,
                m.dates.len_days(),
                m.state()
            ))?;
            let file = ws.mission_file(&m.id)?;
            match &file.plan {
                Ok(plan) => {
                    out.line(format_args!("cost plan (explor mission show {}):", m.id))?;
                    for line in &plan.lines {
                        out.line(format_args!(
                            "  {:<34} {:>12}  {}",
                            line.category.label_fr(),
                            cost::eur(line.amount),
                            line.basis
                        ))?;
                    }
                    out.line(format_args!(
                        "  éligible {} — réseau {} (50 %, plafond 1 400 €) — association {} (reste + frais de 200 €) — en nature {}",
                        cost::eur(plan.eligible),
                        cost::eur(plan.payers.network),
                        cost::eur(plan.payers.association),
                        cost::eur(plan.in_kind_total)
                    ))?;
                }
                Err(e) => out.line(format_args!("(no cost plan: {e})"))?,
            }
            out.line(format_args!(
                "\n== 9. head of its mission sheet (explor mission doc {} fiche) ==",
                m.id
            ))?;
            let sheet = ws.mission_document(&m.id, DocKind::Fiche, DocFormat::Markdown)?;
            for line in sheet.lines().take(SHEET_HEAD) {
                out.line(format_args!("  {line}"))?;
            }
            out.line(format_args!(
                "  … (also: tdr, convention, livret, bilan, budget; --format html for print)"
            ))?;
        }
        Err(e) => out.line(format_args!("(mission not created: {e})"))?,
    }

    let check = ws.check()?;
    out.line(format_args!(
        "store and index agree: {} ({} documents at generation {})",
        if check.is_consistent() { "yes" } else { "NO" },
        check.index_documents,
        check.store_generation
    ))?;
    Ok(())
}

fn describe_source(data: Option<&Path>) -> String {
    match data {
        Some(d) => d.display().to_string(),
        None => "the bundled sample (data/sample)".to_owned(),
    }
}

fn counts(map: &BTreeMap<String, usize>) -> String {
    map.iter()
        .map(|(k, v)| format!("{k} {v}"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn total_weight(criteria: &[explor_engine::scoring::CriterionScore]) -> f64 {
    criteria
        .iter()
        .map(|c| c.weight)
        .sum::<f64>()
        .max(f64::EPSILON)
}
