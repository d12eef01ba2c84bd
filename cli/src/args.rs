//! Command-line arguments (clap derive: doc comments are the help text).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// explor — match volunteer experts to the needs of international-solidarity
/// associations (EXPLOR programme, Occitanie Coopération), then prepare the mission.
#[derive(Debug, Parser)]
#[command(name = "explor", version, about, long_about = None)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Args)]
pub struct Global {
    /// Workspace directory (record store and search index).
    #[arg(
        long,
        global = true,
        env = "EXPLOR_WORKSPACE",
        default_value = "explor-workspace"
    )]
    pub workspace: PathBuf,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a workspace (does nothing if it already exists).
    Init,
    /// Import a dataset directory or one .json, .jsonl or .csv file. Every record is
    /// validated first; if any is invalid, every problem is printed and nothing is written.
    Import(ImportArgs),
    /// List the records of one kind.
    List(ListArgs),
    /// Show one record by id.
    Show(ShowArgs),
    /// Rank the experts and company offers for a need, explained; or, with --offer or
    /// --expert, the needs that candidate fits.
    Match(MatchArgs),
    /// Search experts and company offers: free text (French or English, accents
    /// optional) with filters.
    Search(SearchArgs),
    /// Delete a record from the store and the search index. For an expert this is the
    /// erasure a person can ask for (GDPR): only the id and the date remain.
    Remove(RemoveArgs),
    /// Rebuild the search index from the record store.
    Reindex,
    /// Check that the record store and the search index agree (exit 1 if not).
    Check(CheckArgs),
    /// Run the whole job on the bundled sample data, in a temporary workspace.
    Demo(DemoArgs),
}

#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("target").required(true).args(["need", "offer", "expert"])))]
pub struct MatchArgs {
    /// The need to find candidates for.
    pub need: Option<String>,
    /// Rank the needs this company offer could serve.
    #[arg(long, value_name = "OFFER_ID")]
    pub offer: Option<String>,
    /// Rank the needs this expert fits.
    #[arg(long, value_name = "EXPERT_ID")]
    pub expert: Option<String>,
    /// How many results.
    #[arg(long, default_value_t = 10)]
    pub top: usize,
    /// Also list every ineligible candidate (or need) with all the gates it fails.
    #[arg(long)]
    pub include_ineligible: bool,
    /// Let experts whose employer's consent is pending through, flagged.
    #[arg(long)]
    pub include_pending: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ListFormat::Table)]
    pub format: ListFormat,
}

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// Words to look for (empty: filters only).
    #[arg(default_value = "")]
    pub query: String,
    /// Theme key; a parent theme takes in its children (e.g. environnement).
    #[arg(long)]
    pub theme: Option<String>,
    /// Language at least at a level, e.g. fr:B2 (repeatable).
    #[arg(long = "lang", value_name = "CODE:LEVEL")]
    pub languages: Vec<String>,
    /// Country of experience (experts) or accepted country (offers), e.g. SN.
    #[arg(long)]
    pub country: Option<String>,
    /// Available at some point in FROM..TO (YYYY-MM-DD..YYYY-MM-DD).
    #[arg(long, value_name = "FROM..TO")]
    pub available: Option<String>,
    /// Only experts or only offers.
    #[arg(long, value_enum)]
    pub kind: Option<CandidateKindArg>,
    /// How many results.
    #[arg(long, default_value_t = 10)]
    pub top: usize,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ShowFormat::Table)]
    pub format: ShowFormat,
}

#[derive(Debug, Args)]
pub struct RemoveArgs {
    /// The record's id.
    pub id: String,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
    pub format: ReportFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CandidateKindArg {
    Expert,
    Offer,
}

impl From<CandidateKindArg> for explor_engine::CandidateKind {
    fn from(k: CandidateKindArg) -> Self {
        match k {
            CandidateKindArg::Expert => Self::Expert,
            CandidateKindArg::Offer => Self::Offer,
        }
    }
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Dataset directory (associations, experts, offers, needs) or a single file.
    pub path: PathBuf,
    /// Kind of records in the file(s), when the file names do not say it.
    #[arg(long, value_enum)]
    pub kind: Option<KindArg>,
    /// Output format of the summary (and of the problems, with json).
    #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
    pub format: ReportFormat,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Which records.
    #[arg(value_enum)]
    pub kind: KindArg,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ListFormat::Table)]
    pub format: ListFormat,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The record's id.
    pub id: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ShowFormat::Table)]
    pub format: ShowFormat,
}

#[derive(Debug, Args)]
pub struct DemoArgs {
    /// Use this dataset directory instead of the bundled sample.
    #[arg(long)]
    pub data: Option<PathBuf>,
}

/// Record kinds as written on the command line (plural, as in file names).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum KindArg {
    Associations,
    Experts,
    Offers,
    Needs,
}

impl From<KindArg> for explor_engine::RecordKind {
    fn from(k: KindArg) -> Self {
        match k {
            KindArg::Associations => Self::Association,
            KindArg::Experts => Self::Expert,
            KindArg::Offers => Self::Offer,
            KindArg::Needs => Self::Need,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Table,
    Json,
    Csv,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ShowFormat {
    Table,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Text,
    Json,
}
