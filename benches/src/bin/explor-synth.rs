//! `explor-synth`: writes a deterministic synthetic dataset for benchmarks and
//! end-to-end tests, e.g.
//!
//! ```text
//! cargo run --release -p explor-benches --bin explor-synth -- --experts 100000 --seed 42 --out /tmp/synth100k
//! ```

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, Result, bail};
use clap::{Parser, ValueEnum};
use explor_benches::{DEFAULT_SEED, Format, SynthConfig, generate};

/// Write a synthetic EXPLOR dataset (associations, experts, offers, needs) in the
/// canonical input format. The same arguments always write the same bytes.
#[derive(Debug, Parser)]
#[command(name = "explor-synth", version, about, long_about = None)]
struct Args {
    /// Number of experts; the other counts follow from it unless given.
    #[arg(long, default_value_t = 1_000)]
    experts: usize,
    /// Seed of the pseudo-random generator.
    #[arg(long, default_value_t = DEFAULT_SEED)]
    seed: u64,
    /// Output directory (created if missing).
    #[arg(long)]
    out: PathBuf,
    /// File format.
    #[arg(long, value_enum, default_value_t = FormatArg::Json)]
    format: FormatArg,
    /// Number of associations [default: experts / 50, at least 5].
    #[arg(long)]
    associations: Option<usize>,
    /// Number of company offers [default: experts / 100, at least 3].
    #[arg(long)]
    offers: Option<usize>,
    /// Number of needs [default: experts / 10, at least 5].
    #[arg(long)]
    needs: Option<usize>,
    /// Calls for projects, comma-separated [default: 2027-printemps,2027-automne].
    #[arg(long, value_delimiter = ',')]
    calls: Option<Vec<String>>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum FormatArg {
    /// JSON arrays (`experts.json`).
    Json,
    /// JSON Lines (`experts.jsonl`).
    Jsonl,
}

/// Arguments resolved into what the library takes.
struct Plan {
    config: SynthConfig,
    format: Format,
    out: PathBuf,
}

impl Args {
    fn resolve(self) -> Result<Plan> {
        let mut config = SynthConfig::scaled(self.experts).with_seed(self.seed);
        if let Some(n) = self.associations {
            config = config.with_associations(n);
        }
        if let Some(n) = self.offers {
            config = config.with_offers(n);
        }
        if let Some(n) = self.needs {
            config = config.with_needs(n);
        }
        if let Some(calls) = self.calls {
            if calls.iter().any(|c| c.trim().is_empty()) {
                bail!("--calls: a call name must not be empty");
            }
            config = config.with_calls(calls);
        }
        if config.needs() > 0 && config.associations() == 0 {
            bail!("--needs needs at least one association (--associations 0 was given)");
        }
        let format = match self.format {
            FormatArg::Json => Format::Json,
            FormatArg::Jsonl => Format::Jsonl,
        };
        Ok(Plan {
            config,
            format,
            out: self.out,
        })
    }
}

fn run(plan: &Plan) -> Result<()> {
    let started = Instant::now();
    let data = generate(&plan.config);
    let generated = started.elapsed();
    let files = data
        .write_dir_as(&plan.out, plan.format)
        .with_context(|| format!("cannot write the dataset into {}", plan.out.display()))?;
    let written = started.elapsed() - generated;

    let mut stdout = io::stdout().lock();
    writeln!(
        stdout,
        "seed {} → {}",
        plan.config.seed(),
        plan.out.display()
    )?;
    let mut total_bytes = 0;
    for file in &files {
        total_bytes += file.bytes;
        writeln!(
            stdout,
            "  {:<18} {:>8} records  {:>10}",
            file.path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            file.records,
            human_bytes(file.bytes)
        )?;
    }
    writeln!(
        stdout,
        "  {:<18} {:>8} records  {:>10}",
        "total",
        data.len(),
        human_bytes(total_bytes)
    )?;
    writeln!(
        stdout,
        "generated in {:.2} s, written in {:.2} s",
        generated.as_secs_f64(),
        written.as_secs_f64()
    )?;
    Ok(())
}

fn human_bytes(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["B", "KiB", "MiB", "GiB"];
    let mut value = bytes as f64;
    let mut unit = 0;
    while value >= 1024.0 && unit + 1 < UNITS.len() {
        value /= 1024.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{bytes} B")
    } else {
        format!("{value:.1} {}", UNITS[unit])
    }
}

fn main() -> ExitCode {
    let result = Args::parse().resolve().and_then(|plan| run(&plan));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            // A closed pipe (`explor-synth … | head`) is not a failure.
            if e.downcast_ref::<io::Error>()
                .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
            {
                return ExitCode::SUCCESS;
            }
            eprintln!("explor-synth: {e:#}");
            ExitCode::FAILURE
        }
    }
}
