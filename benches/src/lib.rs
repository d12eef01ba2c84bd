//! # explor-benches
//!
//! Benchmarks for explor, and the deterministic synthetic data generator they run on:
//! associations, experts, company offers and needs shaped like the real EXPLOR network
//! (Occitanie Coopération), at any size, written in the canonical input format that
//! `explor import` reads.
//!
//! Main types: [`SynthConfig`] (how many records of each kind, which seed; start from
//! [`SynthConfig::scaled`]), [`generate`] which returns a [`Dataset`] of the engine's
//! own model types, and [`Dataset::write_dir`] / [`Dataset::write_dir_as`] which write
//! `associations`, `experts`, `offers` and `needs` as `.json` or `.jsonl`. The
//! `explor-synth` binary wraps them for the command line.
//!
//! One design decision: the random numbers come from a few lines of SplitMix64 in this
//! crate, not from `rand`, and each record kind draws from its own stream of the seed.
//! A seed therefore names the same bytes forever, whatever dependency upgrade happens,
//! and asking for more needs does not change the experts. Nothing depends on the
//! clock or on hash-map order.
//!
//! ```
//! use explor_benches::{Format, SynthConfig, generate};
//! use explor_engine::RecordKind;
//!
//! let config = SynthConfig::scaled(200).with_seed(7);
//! let data = generate(&config);
//! assert_eq!(data.experts.len(), 200);
//! assert_eq!(data.associations.len(), 5); // at least 5, one per 50 experts
//! assert_eq!(generate(&config), data); // same seed, same dataset
//!
//! let mut jsonl = Vec::new();
//! data.write_kind(RecordKind::Need, Format::Jsonl, &mut jsonl)?;
//! assert_eq!(jsonl.iter().filter(|&&b| b == b'\n').count(), data.needs.len());
//! # Ok::<(), std::io::Error>(())
//! ```
#![warn(missing_docs)]

pub mod fixture;
mod synth;

pub use synth::{DEFAULT_SEED, Dataset, Format, SynthConfig, WrittenFile, generate};
