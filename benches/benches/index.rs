//! Criterion benches of the search index: building it, retrieving the candidates of a
//! need, and a whole match (retrieval, gates, criteria, explanations, top 10).
//!
//! Run: `cargo bench -p explor-benches --bench index`.

use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_main};
use explor_benches::fixture::{Indexed, ScoringSetup, searchable};
use explor_benches::{SynthConfig, generate};
use explor_engine::CandidateSource;
use explor_indexer::SearchIndex;

fn build(c: &mut Criterion) {
    let mut group = c.benchmark_group("index_build");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(20));
    for n in [10_000usize, 100_000] {
        let records = searchable(&generate(&SynthConfig::scaled(n)));
        group.throughput(Throughput::Elements(records.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(n), &records, |b, records| {
            let dir = tempfile::tempdir().expect("temporary directory");
            let index = SearchIndex::open_or_create(dir.path()).expect("index opens");
            b.iter(|| index.rebuild(records, 1).expect("index builds"));
        });
    }
    group.finish();
}

fn query(c: &mut Criterion) {
    let setup = ScoringSetup::default();
    let scorer = setup.scorer();
    for n in [10_000usize, 100_000] {
        let ix = Indexed::new(n);
        let mut group = c.benchmark_group(format!("experts_{n}"));
        group.sample_size(50);
        let mut needs = ix.data.needs.iter().cycle();
        group.bench_function("retrieval", |b| {
            b.iter(|| {
                ix.index
                    .candidates(needs.next().expect("cycle"))
                    .expect("retrieval")
            });
        });
        group.bench_function("match_top10", |b| {
            b.iter(|| ix.match_need(&scorer, needs.next().expect("cycle"), 10));
        });
        group.finish();
    }
}

// `criterion_group!` declares a public function it cannot document.
#[allow(missing_docs)]
mod group {
    use super::{build, query};
    criterion::criterion_group!(benches, build, query);
}
use group::benches;
criterion_main!(benches);
