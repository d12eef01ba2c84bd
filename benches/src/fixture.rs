//! What the benchmarks share: a synthetic dataset indexed in a temporary directory, the
//! matching pipeline over records held in memory, and the process's peak memory.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use explor_engine::scoring::{MatchResult, Scorer};
use explor_engine::{Need, Record};
use explor_indexer::{SearchIndex, match_top};

use crate::{Dataset, SynthConfig, generate};

/// A synthetic dataset and its search index.
pub struct Indexed {
    /// Keeps the index directory alive.
    _dir: tempfile::TempDir,
    /// The index over experts and offers.
    pub index: SearchIndex,
    /// The generated records.
    pub data: Dataset,
    /// Experts then offers, as indexed.
    pub records: Vec<Record>,
    by_id: HashMap<String, usize>,
    /// How long indexing took.
    pub build_time: Duration,
}

/// Experts and offers of a dataset as records, in that order.
pub fn searchable(data: &Dataset) -> Vec<Record> {
    data.experts
        .iter()
        .cloned()
        .map(|e| Record::Expert(Box::new(e)))
        .chain(
            data.offers
                .iter()
                .cloned()
                .map(|o| Record::Offer(Box::new(o))),
        )
        .collect()
}

impl Indexed {
    /// Generates `experts` experts (and proportional offers and needs, seed 42) and indexes them.
    pub fn new(experts: usize) -> Self {
        let data = generate(&SynthConfig::scaled(experts));
        let records = searchable(&data);
        let dir = tempfile::tempdir().expect("temporary directory");
        let index = SearchIndex::open_or_create(dir.path()).expect("index opens");
        let start = Instant::now();
        index.rebuild(&records, 1).expect("index builds");
        let build_time = start.elapsed();
        let by_id = records
            .iter()
            .enumerate()
            .map(|(i, r)| (r.id().to_owned(), i))
            .collect();
        Self {
            _dir: dir,
            index,
            data,
            records,
            by_id,
            build_time,
        }
    }

    /// The `explor match` pipeline with records in memory: bounded retrieval from the
    /// index, then gates, criteria and explanations, top `top` kept.
    pub fn match_need(&self, scorer: &Scorer<'_>, need: &Need, top: usize) -> MatchResult {
        match_top(&self.index, scorer, need, top, |ids| {
            Ok(ids
                .iter()
                .filter_map(|id| self.by_id.get(*id).map(|&i| &self.records[i]))
                .collect())
        })
        .expect("matching works")
    }
}

/// Default scoring settings, no bookings, no history: what a fresh workspace matches with.
pub use explor_indexer::ScoringSetup;

/// The process's peak resident memory in MiB (Linux `VmHWM`), if known.
pub fn peak_memory_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

/// Starts the peak of [`peak_memory_mib`] again from what the process holds now (Linux:
/// writing 5 to `/proc/self/clear_refs`), so that a phase reads its own peak. `false`
/// where that is not possible.
pub fn reset_peak_memory() -> bool {
    std::fs::write("/proc/self/clear_refs", "5").is_ok()
}

/// The `p`-th percentile (0–100) of durations, in milliseconds.
pub fn percentile_ms(samples: &mut [Duration], p: f64) -> f64 {
    if samples.is_empty() {
        return 0.0;
    }
    samples.sort();
    let rank = ((p / 100.0) * (samples.len() - 1) as f64).round() as usize;
    samples[rank.min(samples.len() - 1)].as_secs_f64() * 1000.0
}
