//! The views on the bundled sample. Properties checked:
//!
//! 1. The meeting report's Markdown tables stay tables: every row of a section has as
//!    many unescaped `|` as its header, even where a cell held a line break or a pipe
//!    (unserved needs list their nearest candidates on several lines).
//! 2. A match's CSV has one column per criterion, in the vocabulary's order; eligible
//!    rows carry each criterion's value, excluded rows carry their gates instead.
//! 3. The cost plan's labels read the programme's share from the cost rules.
//! 4. A match's main reasons are the criteria that add the most points.
//! 5. Search facets count each hit once per kind and consent, once per theme it has.
//! 6. Why the excluded are excluded: a line per gate with counts, most frequent first,
//!    the shared reason when all agree, else the gate's name.
//! 7. The record lists read in French: consent, status and kind as words, not the
//!    data's keys.
//! 8. The overview counts the experts from the index as counting their records does,
//!    after changes (re-imported experts, an erasure) too.

use std::path::Path;

use explor_engine::cost::{CostInput, CostRules, plan};
use explor_engine::scoring::Criterion;
use explor_engine::{Record, RecordKind, Reference};
use explor_indexer::{BatchOptions, MatchOptions, Workspace, load};

use crate::matching::why;
use crate::overview::Counts;
use crate::words::word;
use crate::{BatchView, CostPlanView, NeedMatch};

fn sample_workspace() -> (tempfile::TempDir, Workspace) {
    let dir = tempfile::tempdir().unwrap();
    let (mut ws, _) = Workspace::init(&dir.path().join("ws")).unwrap();
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("../data/sample");
    ws.import(load(&sample, None).unwrap(), &Reference::embedded())
        .unwrap();
    (dir, ws)
}

/// `|` that are not escaped by a backslash.
fn pipes(line: &str) -> usize {
    let mut n = 0;
    let mut escaped = false;
    for c in line.chars() {
        match c {
            '\\' => escaped = !escaped,
            '|' if !escaped => n += 1,
            _ => escaped = false,
        }
        if c != '\\' {
            escaped = false;
        }
    }
    n
}

/// Property 1.
#[test]
fn markdown_tables_keep_one_line_per_row() {
    let (_dir, ws) = sample_workspace();
    let run = ws.batch(&BatchOptions::default(), &|_| {}).unwrap();
    let view = BatchView::build(&ws, &run).unwrap();
    assert!(
        view.unserved().rows.iter().any(|r| r[1].contains('\n')),
        "the sample has an unserved need whose reason spans lines"
    );
    let md = view.markdown().unwrap();
    let mut header_pipes = None;
    let mut rows = 0;
    for line in md.lines() {
        if line.starts_with("## ") {
            header_pipes = None;
        } else if line.starts_with('|') {
            let n = pipes(line);
            match header_pipes {
                None => header_pipes = Some(n),
                Some(h) => {
                    assert_eq!(n, h, "row with a different width: {line}");
                    rows += 1;
                }
            }
        } else if header_pipes.is_some() {
            assert!(line.is_empty(), "text inside a table: {line:?}");
        }
    }
    let r = &run.batch.result;
    // Each table's rule line plus one line per row.
    let expected = r.assignments.len()
        + r.unserved.len()
        + r.partly_served.len()
        + r.alternates.len()
        + 1
        + usize::from(!r.unserved.is_empty())
        + usize::from(!r.partly_served.is_empty())
        + usize::from(!r.alternates.is_empty());
    assert_eq!(rows, expected);
}

/// Property 2.
#[test]
fn match_csv_has_a_column_per_criterion() {
    let (_dir, ws) = sample_workspace();
    let opts = MatchOptions {
        top: 5,
        include_ineligible: true,
        include_pending: false,
    };
    let view = NeedMatch::build(&ws, "need-kin-dechets", opts).unwrap();
    let t = view.csv();
    let first = t.header.iter().position(|h| h == "theme").unwrap();
    let ids: Vec<&str> = t.header[first..first + Criterion::ALL.len()]
        .iter()
        .map(String::as_str)
        .collect();
    assert_eq!(ids, Criterion::ALL.map(Criterion::id));
    let eligible = view.result.candidates.len();
    assert!(eligible > 0 && !view.result.excluded.is_empty());
    for (i, row) in t.rows.iter().enumerate() {
        assert_eq!(row.len(), t.header.len());
        let criteria = &row[first..first + Criterion::ALL.len()];
        let reasons = row.last().unwrap();
        if i < eligible {
            assert_eq!(row[4], "true");
            assert!(criteria.iter().all(|c| c.parse::<f64>().is_ok()), "{row:?}");
            assert!(reasons.is_empty());
        } else {
            assert_eq!(row[4], "false");
            assert!(criteria.iter().all(String::is_empty), "{row:?}");
            assert!(
                reasons.contains(": "),
                "excluded rows name their gates: {row:?}"
            );
        }
    }
}

/// Property 3.
#[test]
fn cost_labels_read_the_rules() {
    let mut rules = CostRules::embedded().clone();
    rules.programme.network_share_bp = 6_000;
    let input = CostInput::new("SN".parse().unwrap(), 10);
    let p = plan(&rules, &Reference::embedded(), &input).unwrap();
    let view = CostPlanView::new(&p, &rules);
    let totals = view.totals();
    let labels: Vec<&str> = totals.rows.iter().map(|r| r[0].as_str()).collect();
    assert!(
        labels.contains(&"part du réseau (60\u{a0}%, plafonnée)"),
        "{labels:?}"
    );
}

/// Property 4.
#[test]
fn main_reasons_are_the_criteria_worth_most() {
    let (_dir, ws) = sample_workspace();
    let opts = MatchOptions {
        top: 10,
        include_ineligible: false,
        include_pending: false,
    };
    let view = NeedMatch::build(&ws, "need-kin-dechets", opts).unwrap();
    for s in &view.result.candidates {
        let mut by_points = s.criteria.clone();
        by_points.sort_by(|a, b| b.contribution.total_cmp(&a.contribution));
        let reasons = why(s);
        assert!(reasons.starts_with(&by_points[0].detail), "{reasons}");
        let lowest = by_points.last().unwrap();
        if lowest.contribution < by_points[2].contribution {
            assert!(!reasons.contains(&lowest.detail), "{reasons}");
        }
    }
}

#[test]
fn facets_count_hits_by_kind_consent_and_theme() {
    use explor_engine::{Record, RecordKind};

    let (_dir, ws) = sample_workspace();
    let mut records = ws.records(RecordKind::Expert).unwrap();
    records.extend(ws.records(RecordKind::Offer).unwrap());
    let f = crate::Facets::of(&records);
    let experts = records
        .iter()
        .filter(|r| matches!(r, Record::Expert(_)))
        .count();
    let offers = records.len() - experts;
    assert_eq!(f.kinds["expert"], experts);
    assert_eq!(f.kinds["offer"], offers);
    assert_eq!(f.consent.values().sum::<usize>(), experts);
    let themes: usize = records
        .iter()
        .map(|r| match r {
            Record::Expert(e) => e.themes.len(),
            Record::Offer(o) => o.themes.len(),
            _ => 0,
        })
        .sum();
    assert_eq!(f.themes.values().sum::<usize>(), themes);
    assert_eq!(
        crate::search::consent_of(&records[0]).is_some(),
        matches!(records[0], Record::Expert(_))
    );
}

#[test]
fn excluded_candidates_are_summed_up_a_line_per_gate() {
    use explor_engine::retrieval::CandidateKind;
    use explor_engine::scoring::{Excluded, Gate, GateFailure};
    let fail = |gate, detail: &str| GateFailure {
        gate,
        detail: detail.to_owned(),
    };
    let red = "déconseillé par le ministère (Burkina Faso, zone rouge)";
    let excluded: Vec<Excluded> = (0..5)
        .map(|i| Excluded {
            id: format!("exp-{i}"),
            kind: CandidateKind::Expert,
            reasons: if i < 2 {
                vec![
                    fail(Gate::Availability, &format!("window {i}")),
                    fail(Gate::TravelAdvice, red),
                ]
            } else {
                vec![fail(Gate::TravelAdvice, red)]
            },
        })
        .collect();
    assert_eq!(
        crate::matching::exclusion_summary(&excluded),
        vec![
            format!("5 candidats exclus : {red}"),
            "2 candidats exclus : disponibilité".to_owned(),
        ]
    );
    assert_eq!(
        crate::matching::exclusion_summary(&excluded[..1])[0],
        "1 candidat exclu : window 0"
    );
    assert!(crate::matching::exclusion_summary(&[]).is_empty());
}

/// Property 7.
#[test]
fn record_lists_say_consent_status_and_kind_in_french() {
    use explor_engine::RecordKind;
    let (_dir, ws) = sample_workspace();
    for kind in [RecordKind::Expert, RecordKind::Need] {
        let records = ws.records(kind).unwrap();
        let text = crate::records::summary_table(kind, &records)
            .rows
            .concat()
            .join("|");
        for key in [
            "not required",
            " until ",
            "granted",
            "pending",
            "employee",
            "retired",
            "public_agent",
            "independent",
            "standard",
            "reciprocity",
        ] {
            assert!(
                !text.contains(key),
                "{kind:?} list shows « {key} »:\n{text}"
            );
        }
    }
    let experts = ws.records(RecordKind::Expert).unwrap();
    let text = crate::records::summary_table(RecordKind::Expert, &experts)
        .rows
        .concat()
        .join("|");
    assert!(text.contains("accord non requis"), "{text}");
    assert!(text.contains("accord donné"), "{text}");
    let needs = ws.records(RecordKind::Need).unwrap();
    let text = crate::records::summary_table(RecordKind::Need, &needs)
        .rows
        .concat()
        .join("|");
    assert!(text.contains("à l’étranger"), "{text}");
}

/// The experts' counts of [`crate::Overview`], from every record.
fn counted_from_records(ws: &Workspace) -> (Counts, Counts, usize) {
    let (mut status, mut consent, mut abroad) = (Counts::new(), Counts::new(), 0);
    for r in ws.records(RecordKind::Expert).unwrap() {
        if let Record::Expert(e) = r {
            *status.entry(word(&e.status)).or_insert(0) += 1;
            *consent.entry(word(&e.consent.status)).or_insert(0) += 1;
            abroad += usize::from(e.is_foreign());
        }
    }
    (status, consent, abroad)
}

fn counted(ws: &Workspace) -> (Counts, Counts, usize) {
    let o = crate::Overview::build(ws).unwrap();
    (o.experts_by_status, o.experts_by_consent, o.experts_abroad)
}

/// Property 8.
#[test]
fn the_overview_counts_experts_as_their_records_do() {
    let (dir, mut ws) = sample_workspace();
    let first = counted(&ws);
    assert_eq!(first, counted_from_records(&ws));
    assert!(
        first.0.len() > 2 && first.1.len() > 2 && first.2 > 0,
        "{first:?}"
    );
    // Experts imported again with another status and consent: their old documents stay,
    // deleted, in the first segment.
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../data/sample/experts.json");
    let experts: Vec<serde_json::Value> =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let changed: Vec<serde_json::Value> = experts
        .iter()
        .filter(|e| e["status"] == "employee" && e["consent"]["status"] == "granted")
        .take(5)
        .cloned()
        .map(|mut e| {
            e["consent"]["status"] = "refused".into();
            e
        })
        .chain(
            experts
                .iter()
                .filter(|e| e["status"] == "retired")
                .take(3)
                .cloned()
                .map(|mut e| {
                    e["status"] = "independent".into();
                    e["home"] = serde_json::json!({ "country": "SN" });
                    e
                }),
        )
        .collect();
    assert_eq!(changed.len(), 8, "the sample has such experts");
    let file = dir.path().join("experts.json");
    std::fs::write(&file, serde_json::to_string(&changed).unwrap()).unwrap();
    ws.import(load(&file, None).unwrap(), &Reference::embedded())
        .unwrap();
    let after = counted(&ws);
    assert_ne!(after, first);
    assert_eq!(after, counted_from_records(&ws));
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 5).unwrap();
    ws.remove(experts[0]["id"].as_str().unwrap(), today)
        .unwrap();
    assert_eq!(counted(&ws), counted_from_records(&ws));
}
