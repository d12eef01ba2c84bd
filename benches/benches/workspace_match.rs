//! One match through the workspace, as the web app asks for it (issue #18's rows "one
//! match at 100k, full path" and "1M experts: match p50"): `Workspace::match_need`
//! reads the need and the scoring settings from the store, runs the bounded search and
//! reads the records it judges from SQLite.
//!
//! For each size: the synthetic mix of `explor-synth` (needs = experts / 10, at most
//! 20,000) is written as JSON Lines, imported into a fresh workspace, and 200 needs
//! spread evenly over the store's needs are matched once each (top 10), after a first
//! match that reads each segment's bound values (printed apart: what the first page
//! after an index change pays). Prints p50 / p95 / p99 / max as Markdown.
//!
//! Run: `cargo bench -p explor-benches --bench workspace_match -- 100000 1000000`
//! (100,000 experts by default). An argument that is not a number is taken as the
//! folder of a workspace already there, whose needs are timed the same way (to
//! profile a size without generating and importing it again).

use std::path::Path;
use std::time::{Duration, Instant};

use explor_benches::fixture::percentile_ms;
use explor_benches::{Format, SynthConfig, generate};
use explor_engine::{RecordKind, Reference};
use explor_indexer::{ImportOptions, LoadOptions, MatchOptions, Workspace};

/// Needs timed per size.
const TIMED: usize = 200;

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    let args = if args.is_empty() {
        vec!["100000".to_owned()]
    } else {
        args
    };
    println!(
        "| experts | needs | first match | match p50 | match p95 | match p99 | max | needs timed |"
    );
    println!("|---|---|---|---|---|---|---|---|");
    for arg in args {
        // A number of experts, generated; else a workspace already there (to profile).
        let Ok(n) = arg.parse::<usize>() else {
            time_matches(&Workspace::open(Path::new(&arg)).expect("open the workspace"));
            continue;
        };
        let needs = (n / 10).clamp(5, 20_000);
        let dir = tempfile::tempdir().expect("temporary directory");
        let data = dir.path().join("data");
        generate(&SynthConfig::scaled(n).with_needs(needs))
            .write_dir_as(&data, Format::Jsonl)
            .expect("write the synthetic data");
        let (mut ws, _) = Workspace::init(&dir.path().join("ws")).expect("workspace");
        let (imported, issues) = ws.import_path(
            &data,
            &LoadOptions::new(),
            &Reference::embedded(),
            ImportOptions::default(),
        );
        imported.unwrap_or_else(|e| panic!("import: {e} ({issues:?})"));
        // The web app opens the workspace once and keeps it: so does the bench.
        drop(ws);
        time_matches(&Workspace::open(&dir.path().join("ws")).expect("open the workspace"));
    }
}

/// Times [`TIMED`] needs of `ws` and prints their row.
fn time_matches(ws: &Workspace) {
    let counts = ws.counts().expect("counts");
    let ids: Vec<String> = ws
        .needs()
        .expect("needs")
        .into_iter()
        .map(|need| need.id)
        .collect();
    let step = (ids.len() / TIMED).max(1);
    let timed: Vec<&String> = ids.iter().step_by(step).take(TIMED).collect();
    let opts = MatchOptions {
        top: 10,
        include_ineligible: false,
        include_pending: false,
    };
    // A need in a country formally advised against is answered at once (nobody may
    // go): the first match is of one that is not.
    let open = timed
        .iter()
        .find(|id| ws.need_barred(id).expect("gates").is_none())
        .expect("a need not advised against");
    let first = Instant::now();
    let _ = std::hint::black_box(ws.match_need(open, opts).expect("match"));
    let first = first.elapsed().as_secs_f64() * 1000.0;
    let mut took: Vec<Duration> = Vec::with_capacity(timed.len());
    for id in &timed {
        let t = Instant::now();
        let result = ws.match_need(id, opts).expect("match");
        took.push(t.elapsed());
        std::hint::black_box(result);
    }
    let max = took.iter().max().copied().unwrap_or_default();
    println!(
        "| {} | {} | {first:.1} ms | {:.2} ms | {:.2} ms | {:.2} ms | {:.1} ms | {} |",
        counts.get(&RecordKind::Expert).copied().unwrap_or(0),
        ids.len(),
        percentile_ms(&mut took, 50.0),
        percentile_ms(&mut took, 95.0),
        percentile_ms(&mut took, 99.0),
        max.as_secs_f64() * 1000.0,
        timed.len(),
    );
}
