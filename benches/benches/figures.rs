//! Prints the figures the README quotes: indexing throughput, retrieval and match
//! latency (p50 / p95 over many needs), at 10k and 100k experts, and peak memory.
//!
//! Run: `cargo bench -p explor-benches --bench figures` (add `-- 10000` for one size).

use std::time::Instant;

use explor_benches::fixture::{Indexed, ScoringSetup, peak_memory_mib, percentile_ms};
use explor_engine::CandidateSource;

/// Needs timed per size (cycled through the generated needs).
const QUERIES: usize = 400;

fn main() {
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let sizes = if sizes.is_empty() {
        vec![10_000, 100_000]
    } else {
        sizes
    };
    let setup = ScoringSetup::default();
    let scorer = setup.scorer();
    println!(
        "| experts | indexed docs | index build | docs/s | retrieval p50 | retrieval p95 | candidates (median) | match p50 | match p95 | match p50, needs not advised against | first match (cold) | peak memory |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|---|---|");
    for n in sizes {
        let ix = Indexed::new(n);
        let docs = ix.records.len();
        let build = ix.build_time.as_secs_f64();
        let needs: Vec<_> = ix.data.needs.iter().cycle().take(QUERIES).collect();
        // The first match of a process reads each segment's bound values and filter
        // terms (kept until the index changes): what a one-off `explor match` pays.
        let cold = needs
            .iter()
            .find(|n| scorer.need_gates(n).is_empty())
            .map_or(0.0, |need| {
                let t = Instant::now();
                std::hint::black_box(ix.match_need(&scorer, need, 10));
                t.elapsed().as_secs_f64() * 1000.0
            });
        // Warm the page cache and the analyzers once.
        for need in needs.iter().take(20) {
            let _ = ix.index.candidates(need);
        }
        let mut retrieval = Vec::with_capacity(QUERIES);
        let mut counts = Vec::with_capacity(QUERIES);
        for need in &needs {
            let t = Instant::now();
            let found = ix.index.candidates(need).expect("retrieval");
            retrieval.push(t.elapsed());
            counts.push(found.len());
        }
        let mut matching = Vec::with_capacity(QUERIES);
        // Needs in a country formally advised against are answered at once (nobody
        // may go): timed with the others, and also left out in a second figure.
        let mut ranked = Vec::with_capacity(QUERIES);
        for need in &needs {
            let t = Instant::now();
            let result = ix.match_need(&scorer, need, 10);
            let took = t.elapsed();
            matching.push(took);
            if scorer.need_gates(need).is_empty() {
                ranked.push(took);
            }
            std::hint::black_box(result);
        }
        counts.sort_unstable();
        println!(
            "| {n} | {docs} | {build:.2} s | {:.0} | {:.2} ms | {:.2} ms | {} | {:.2} ms | {:.2} ms | {:.2} ms ({} needs) | {cold:.1} ms | {:.0} MiB |",
            docs as f64 / build,
            percentile_ms(&mut retrieval, 50.0),
            percentile_ms(&mut retrieval, 95.0),
            counts[counts.len() / 2],
            percentile_ms(&mut matching, 50.0),
            percentile_ms(&mut matching, 95.0),
            percentile_ms(&mut ranked, 50.0),
            ranked.len(),
            peak_memory_mib().unwrap_or(f64::NAN),
        );
    }
}
