//! Prints the batch-assignment figures the README quotes:
//!
//! - `solver`: the exact solve alone ([`explor_engine::batch::solve`]: ids, components,
//!   min-cost flows) on a synthetic batch graph of 10,000 needs with 100 candidates
//!   each among 100,000 experts and 1,000 offers of 200 companies — 1,000,000 edges;
//! - `pipeline N`: the whole batch over N synthetic experts (N/10 needs, all calls):
//!   retrieval and scoring of each need's top 50, then the assignment, as `explor batch`
//!   runs them, with the records in memory instead of SQLite.
//!
//! Run: `cargo bench -p explor-benches --bench batch` (both, N = 100,000), or
//! `-- solver`, or `-- pipeline 10000` (`-- pipeline 100000 500`: its first 500 needs
//! only). Each figure's peak memory is the process's so far: run one part alone to
//! read its own.

use std::time::{Duration, Instant};

use explor_benches::fixture::{Indexed, ScoringSetup, peak_memory_mib};
use explor_engine::CandidateKind;
use explor_engine::batch::{CandidateNode, CompanyNode, Edge, NeedNode, Problem, solve};
use explor_indexer::{BatchOptions, run_batch};

/// SplitMix64: a few lines, the same numbers forever.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// A batch graph shaped like a big call: candidates drawn around each need's own part
/// of the roster (experts of the same themes), so that needs compete for some of them.
fn synthetic_problem(needs: usize, per_need: usize, experts: usize, offers: usize) -> Problem {
    let companies = offers / 5;
    let mut rng = Rng(42);
    let candidates: Vec<CandidateNode> = (0..experts)
        .map(|i| CandidateNode {
            id: format!("exp-{i:06}"),
            kind: CandidateKind::Expert,
            capacity: 1,
            // One expert in twenty works for a company that has offers.
            company: (i % 20 == 0).then(|| format!("co-{:04}", (i / 20) % companies)),
        })
        .chain((0..offers).map(|i| CandidateNode {
            id: format!("off-{i:05}"),
            kind: CandidateKind::Offer,
            capacity: 1 + (i % 4) as u32,
            company: Some(format!("co-{:04}", i % companies)),
        }))
        .collect();
    let mut edges = Vec::with_capacity(needs * per_need);
    for n in 0..needs {
        let need = format!("need-{n:06}");
        let home = (n * experts / needs) as u64;
        let mut picked = std::collections::BTreeSet::new();
        while picked.len() < per_need {
            let c = if rng.below(50) == 0 {
                experts + rng.below(offers as u64) as usize
            } else {
                // Mostly near the need's own part of the roster, sometimes anywhere.
                let spread = if rng.below(10) == 0 {
                    experts as u64
                } else {
                    2_000
                };
                ((home + experts as u64 + rng.below(spread) - spread / 2) % experts as u64) as usize
            };
            picked.insert(c);
        }
        for c in picked {
            edges.push(Edge {
                need: need.clone(),
                candidate: candidates[c].id.clone(),
                weight: 3_000 + rng.below(7_001) as i64,
            });
        }
    }
    Problem {
        needs: (0..needs)
            .map(|n| NeedNode {
                id: format!("need-{n:06}"),
                wanted: 1 + (rng.below(10) / 7) as u32 + u32::from(rng.below(20) == 0),
            })
            .collect(),
        candidates,
        companies: (0..companies)
            .map(|k| CompanyNode {
                id: format!("co-{k:04}"),
                quota: 3 + (k % 5) as u32,
            })
            .collect(),
        edges,
    }
}

fn secs(d: Duration) -> String {
    format!("{:.2} s", d.as_secs_f64())
}

fn solver() {
    let problem = synthetic_problem(10_000, 100, 100_000, 1_000);
    let places: u64 = problem.needs.iter().map(|n| u64::from(n.wanted)).sum();
    let mut times = Vec::new();
    let mut last = None;
    for _ in 0..5 {
        let t = Instant::now();
        let solution = solve(&problem).expect("the synthetic problem is valid");
        times.push(t.elapsed());
        last = Some(solution);
    }
    times.sort();
    let s = last.expect("solved");
    println!(
        "| solver alone | {} needs, {places} places, {} candidates, {} edges | {} components | covered {}, weight {} | median {} (min {}, max {}) | {:.0} MiB |",
        problem.needs.len(),
        problem.candidates.len(),
        problem.edges.len(),
        s.components,
        s.objective.covered,
        s.objective.total_weight,
        secs(times[times.len() / 2]),
        secs(times[0]),
        secs(times[times.len() - 1]),
        peak_memory_mib().unwrap_or(f64::NAN),
    );
}

fn pipeline(experts: usize, limit: Option<usize>) {
    let t = Instant::now();
    let ix = Indexed::new(experts);
    let setup_time = t.elapsed();
    let setup_memory = peak_memory_mib().unwrap_or(f64::NAN);
    let mut needs = ix.data.needs.clone();
    if let Some(n) = limit {
        needs.truncate(n);
    }
    let setup = ScoringSetup::default();
    let scorer = setup.scorer();
    let options = BatchOptions::default();
    let t = Instant::now();
    let run = run_batch(&ix.index, &scorer, &ix.records, needs, &options, &|_| {})
        .expect("the batch runs");
    let total = t.elapsed();
    let r = &run.batch.result;
    println!(
        "| whole batch | {experts} experts, {} offers, {} needs, top {} | {} edges, {} components | covered {} of {}, {} of {} places | {} = matching {} + assignment {} | {:.0} MiB |",
        ix.data.offers.len(),
        run.needs.len(),
        options.top_k,
        run.batch.problem.edges.len(),
        r.components,
        r.coverage.covered,
        r.coverage.needs,
        r.coverage.places_filled,
        r.coverage.places_wanted,
        secs(total),
        secs(run.timings.matching),
        secs(run.timings.assignment),
        peak_memory_mib().unwrap_or(f64::NAN),
    );
    let t = &run.timings;
    println!(
        "| matching, by stage | top candidates {} + nearest excluded {}, CPU time added up over threads | | | {} wall | |",
        secs(t.top_cpu),
        secs(t.nearest_cpu),
        secs(t.matching),
    );
    eprintln!(
        "(dataset generated and indexed in {}, not counted; peak memory then {setup_memory:.0} MiB)",
        secs(setup_time)
    );
}

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    let numbers: Vec<usize> = args.iter().filter_map(|a| a.parse().ok()).collect();
    let size = numbers.first().copied().unwrap_or(100_000);
    // A second number runs only that many needs (to compare quickly).
    let limit = numbers.get(1).copied();
    let only = |part: &str| {
        args.iter().all(|a| a.parse::<usize>().is_ok()) || args.iter().any(|a| a == part)
    };
    println!("| run | size | graph | outcome | time | peak memory |");
    println!("|---|---|---|---|---|---|");
    if only("solver") {
        solver();
    }
    if only("pipeline") {
        pipeline(size, limit);
    }
}
