//! Import at scale (issue #16 item 11): generates N experts (and the associations,
//! offers and needs that go with them) with the synthetic generator as JSON Lines,
//! imports them into a fresh workspace with the release `explor` binary, and prints the
//! wall time and the import process's peak resident memory.
//!
//! Run (the binary first, then the sizes; 100 000 experts by default):
//!
//! ```text
//! cargo build --release -p explor
//! cargo bench -p explor-benches --bench import -- 100000 1000000
//! ```
//!
//! The binary is `$EXPLOR_BIN`, else `$CARGO_TARGET_DIR/release/explor`, else
//! `target/release/explor`. Peak memory is measured by GNU time (`/usr/bin/time -f
//! %M`, the child's `ru_maxrss`) where it is installed, else by reading the child's
//! `VmHWM` in `/proc` every 10 ms until it exits. That peak counts the pages of files
//! the process maps (the search index's segments, which tantivy reads through `mmap`):
//! page cache the kernel takes back under pressure. So the child's `RssAnon` (its own
//! memory: heap and stacks) is also read every 10 ms and its peak printed apart.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use explor_benches::{Format, SynthConfig, generate};

fn explor_bin() -> PathBuf {
    if let Some(bin) = std::env::var_os("EXPLOR_BIN") {
        return bin.into();
    }
    let target = std::env::var_os("CARGO_TARGET_DIR").map_or_else(
        || {
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("..")
                .join("target")
        },
        PathBuf::from,
    );
    target.join("release").join("explor")
}

/// What one measured run gave.
struct Run {
    wall: Duration,
    peak_mib: Option<f64>,
    /// The highest `RssAnon` seen (memory of its own, not mapped files).
    peak_anon_mib: Option<f64>,
    ok: bool,
    output: String,
}

/// Runs `explor ARGS` on workspace `ws` and measures it.
fn measure(ws: &Path, args: &[&str]) -> Run {
    let gnu_time = Path::new("/usr/bin/time");
    let start = Instant::now();
    let mut cmd = if gnu_time.is_file() {
        let mut cmd = Command::new(gnu_time);
        cmd.args(["-f", "peak-kib %M"]).arg(explor_bin());
        cmd
    } else {
        Command::new(explor_bin())
    };
    let mut child = cmd
        .args(args)
        .env("EXPLOR_WORKSPACE", ws)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run explor (build it first: cargo build --release -p explor)");
    let mut polled: Option<f64> = None;
    let mut anon: Option<f64> = None;
    // Under GNU time the process to watch is time's child.
    let watched = if gnu_time.is_file() {
        std::thread::sleep(Duration::from_millis(5));
        std::fs::read_to_string(format!("/proc/{0}/task/{0}/children", child.id()))
            .ok()
            .and_then(|c| c.split_whitespace().next()?.parse::<u32>().ok())
    } else {
        Some(child.id())
    };
    let status = watched.map(|pid| format!("/proc/{pid}/status"));
    while child.try_wait().expect("wait").is_none() {
        if let Some(text) = status
            .as_ref()
            .and_then(|s| std::fs::read_to_string(s).ok())
        {
            let kib = |key: &str| {
                text.lines()
                    .find(|l| l.starts_with(key))
                    .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
            };
            if let Some(k) = kib("VmHWM:") {
                polled = Some(polled.unwrap_or(0.0).max(k / 1024.0));
            }
            if let Some(k) = kib("RssAnon:") {
                anon = Some(anon.unwrap_or(0.0).max(k / 1024.0));
            }
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    let out = child.wait_with_output().expect("wait for explor");
    let wall = start.elapsed();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let from_time = stderr
        .lines()
        .rev()
        .find_map(|l| l.strip_prefix("peak-kib ")?.trim().parse::<f64>().ok())
        .map(|kib| kib / 1024.0);
    Run {
        wall,
        peak_mib: from_time.or(polled),
        peak_anon_mib: anon,
        ok: out.status.success(),
        output: format!("{}{stderr}", String::from_utf8_lossy(&out.stdout)),
    }
}

fn mib(m: Option<f64>) -> String {
    m.map_or_else(|| "unknown".to_owned(), |m| format!("{m:.0} MiB"))
}

fn main() {
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let sizes = if sizes.is_empty() {
        vec![100_000]
    } else {
        sizes
    };
    println!("binary: {}", explor_bin().display());
    println!(
        "| experts | records | input (JSON Lines) | import wall time | records/s | peak memory (import process) | of which its own (RssAnon) |"
    );
    println!("|---|---|---|---|---|---|---|");
    for n in sizes {
        let dir = tempfile::tempdir().expect("temporary directory");
        let data_dir = dir.path().join("data");
        let files = {
            let data = generate(&SynthConfig::scaled(n));
            data.write_dir_as(&data_dir, Format::Jsonl)
                .expect("write the dataset")
        };
        let records: usize = files.iter().map(|f| f.records).sum();
        let bytes: u64 = files.iter().map(|f| f.bytes).sum();
        let ws = dir.path().join("ws");
        let init = measure(&ws, &["init"]);
        assert!(init.ok, "explor init: {}", init.output);
        let run = measure(&ws, &["import", data_dir.to_str().expect("UTF-8 path")]);
        assert!(run.ok, "explor import: {}", run.output);
        let secs = run.wall.as_secs_f64();
        println!(
            "| {n} | {records} | {:.0} MiB | {secs:.1} s | {:.0} | {} | {} |",
            bytes as f64 / f64::from(1 << 20),
            records as f64 / secs,
            mib(run.peak_mib),
            mib(run.peak_anon_mib),
        );
    }
}
