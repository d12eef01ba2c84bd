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
    /// Import a dataset directory or one .json, .jsonl, .csv, .xlsx or .ods file. Every
    /// record is validated first; if any is invalid, every problem is printed and nothing
    /// is written.
    Import(ImportArgs),
    /// List the records of one kind.
    List(ListArgs),
    /// Show one record by id.
    Show(ShowArgs),
    /// Rank the experts and company offers for a need, explained; or, with --offer or
    /// --expert, the needs that candidate fits.
    Match(MatchArgs),
    /// Estimate a mission's cost plan from the programme's rules: who pays what
    /// (amounts are per expert; rates and caps from data/reference/costs.json).
    Cost(CostArgs),
    /// Search experts and company offers: free text (French or English, accents
    /// optional) with filters.
    Search(SearchArgs),
    /// Delete a record from the store and the search index. For an expert this is the
    /// erasure a person can ask for (GDPR): no byte of them remains in the workspace
    /// (store vacuumed, index segments rewritten, mission notes quoting them
    /// rewritten); only a keyed hash of the id and the date remain, so that importing
    /// them again is refused.
    Remove(RemoveArgs),
    /// Write a consistent copy of the workspace's store to a new FILE, outside the
    /// workspace, while other commands and the web app keep working.
    Backup(BackupArgs),
    /// Restore a backup into an empty or absent folder (one holding only an
    /// erased.list is fine): the search index is rebuilt from the store, and the
    /// erasures made since the backup are applied again.
    Restore(RestoreArgs),
    /// Rebuild the search index from the record store.
    Reindex,
    /// Check that the record store and the search index agree (exit 1 if not).
    Check(CheckArgs),
    /// Assign every open need of a call for projects at once, optimally: the most needs
    /// covered, then the highest total score, under experts' availability and company
    /// quotas.
    Batch(BatchArgs),
    /// Missions: create one from a need and its people, move it through its
    /// lifecycle, list and show them with their cost plan, write their documents.
    #[command(subcommand)]
    Mission(MissionCommand),
    /// Run the whole job on the bundled sample data, in a temporary workspace.
    Demo(DemoArgs),
    /// Serve the web application over the workspace (Ctrl-C or SIGTERM stops it).
    Serve(ServeArgs),
    /// Web accounts: invite, list, disable, remove. There is no default account: the
    /// first coordinator is invited with `explor user add`.
    #[command(subcommand)]
    User(UserCommand),
    /// The theme taxonomy: keys, French labels and sub-themes (same as `explor
    /// reference themes`).
    Themes(VocabularyArgs),
    /// The reference tables: list a vocabulary (themes, countries, languages, statuses,
    /// consents), show each table's date, source and age (status), or replace a cost
    /// table with the ECB's rates or the DGFiP's per-diem scale (import).
    #[command(subcommand)]
    Reference(ReferenceCommand),
}

#[derive(Debug, Subcommand)]
pub enum ReferenceCommand {
    /// Theme keys with their French label and sub-themes (a record may name either).
    Themes(VocabularyArgs),
    /// ISO 3166-1 country codes with their French and English names.
    Countries(VocabularyArgs),
    /// ISO 639-1 language codes with their French and English names.
    Languages(VocabularyArgs),
    /// Expert statuses (`status`).
    Statuses(VocabularyArgs),
    /// Consent schemes and statuses (`consent.scheme`, `consent.status`).
    Consents(VocabularyArgs),
    /// Each reference table in use with its date, source and origin (built in or the
    /// workspace's), and a warning for those older than their limit (exchange rates 1
    /// year, per diem 2 years, travel advice 6 months…). Exit 0 even when some are old.
    Status(VocabularyArgs),
    /// Replace a cost table of the workspace with a CSV file as published: the ECB's
    /// euro reference rates (eurofxref.csv) or the DGFiP's per-diem scale abroad
    /// (columns pays, devise, taux; optional ville, depuis). Every problem is listed
    /// with its line and column; nothing is written if there is one.
    Import(ReferenceImportArgs),
}

#[derive(Debug, Args)]
pub struct VocabularyArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = ShowFormat::Table)]
    pub format: ShowFormat,
}

#[derive(Debug, Args)]
pub struct ReferenceImportArgs {
    /// The CSV file.
    pub file: PathBuf,
    /// The table's date (YYYY-MM-DD), for a per-diem scale; default: its latest
    /// `depuis`, else today. The ECB's rates carry their own.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<String>,
    /// The table's source, in words (default: the publisher and the file's name).
    #[arg(long)]
    pub source: Option<String>,
    /// Output format of the summary.
    #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
    pub format: ReportFormat,
}

#[derive(Debug, Subcommand)]
pub enum MissionCommand {
    /// Create a mission (state proposed) for a need: every gate is checked on the dates,
    /// and the people are booked so later matches and batches do not propose them on
    /// overlapping dates.
    Create(MissionCreateArgs),
    /// Move a mission to its next state (or cancelled, before in_field). Order:
    /// proposed, terms_drafted, agreed, trained, in_field, returned, debriefed, closed.
    Advance(MissionAdvanceArgs),
    /// Record a checklist item: training (needed for trained), insurance (for in_field),
    /// debrief (for debriefed, once returned).
    Record(MissionRecordArgs),
    /// List missions.
    List(MissionListArgs),
    /// Show a mission: people, dates, state, checklist, log and cost plan.
    Show(MissionShowArgs),
    /// Write one of a mission's documents, in French, from the templates (the
    /// workspace's templates/ folder overrides the bundled ones file by file).
    Doc(MissionDocArgs),
}

#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("staff").required(true).args(["experts", "offer"])))]
pub struct MissionCreateArgs {
    /// The need the mission serves.
    pub need: String,
    /// An expert who goes (repeatable).
    #[arg(long = "expert", value_name = "EXPERT_ID")]
    pub experts: Vec<String>,
    /// A company offer that staffs the mission with one of its employees.
    #[arg(long, value_name = "OFFER_ID")]
    pub offer: Option<String>,
    /// First day in the field (YYYY-MM-DD, years 1900 to 2200); default: the earliest
    /// feasible.
    #[arg(long, value_name = "DATE")]
    pub start: Option<String>,
    /// Days in the field (7 to 15); default: the need's duration.
    #[arg(long, value_parser = clap::value_parser!(u32).range(1..=366))]
    pub days: Option<u32>,
    /// Who pays the remainder and the fee; default: the employer when the offer covers
    /// remaining costs, else the association.
    #[arg(long, value_enum, conflicts_with = "employer_share")]
    pub remainder_payer: Option<PayerArg>,
    /// Split the remainder: the employer pays this percentage (e.g. 40 or 37.5), the
    /// association the rest and the fee.
    #[arg(long, value_name = "PERCENT")]
    pub employer_share: Option<String>,
    /// Accept experts whose employer's consent is still pending (flagged; departure
    /// still needs it granted).
    #[arg(long)]
    pub include_pending: bool,
    #[command(flatten)]
    pub event: EventArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ShowFormat::Table)]
    pub format: ShowFormat,
}

/// When and why, for what is written in a mission's log.
#[derive(Debug, Args)]
pub struct EventArgs {
    /// A note for the mission's log.
    #[arg(long)]
    pub note: Option<String>,
    /// The day it happened (YYYY-MM-DD, at most a year from today); default: today.
    #[arg(long, value_name = "DATE")]
    pub on: Option<String>,
}

#[derive(Debug, Args)]
pub struct MissionAdvanceArgs {
    /// The mission's id.
    pub id: String,
    /// The state to move to.
    pub state: String,
    #[command(flatten)]
    pub event: EventArgs,
}

#[derive(Debug, Args)]
pub struct MissionRecordArgs {
    /// The mission's id.
    pub id: String,
    /// training, insurance or debrief.
    pub item: String,
    #[command(flatten)]
    pub event: EventArgs,
}

#[derive(Debug, Args)]
pub struct MissionListArgs {
    /// Only missions in this state.
    #[arg(long)]
    pub state: Option<String>,
    /// Output format (json: an array of missions, each with its id).
    #[arg(long, value_enum, default_value_t = ShowFormat::Table)]
    pub format: ShowFormat,
}

#[derive(Debug, Args)]
pub struct MissionShowArgs {
    /// The mission's id.
    pub id: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ShowFormat::Table)]
    pub format: ShowFormat,
}

#[derive(Debug, Args)]
pub struct MissionDocArgs {
    /// The mission's id.
    pub id: String,
    /// fiche (mission sheet), tdr (terms of reference), convention (agreement
    /// proposal), livret (volunteer booklet), bilan (return debrief form) or budget
    /// (cost plan).
    pub document: String,
    /// md (Markdown), html (printable page), odt (OpenDocument, LibreOffice) or docx
    /// (Word), the last two to edit before signing; without it, taken from the
    /// extension of --out (.md, .html, .odt, .docx), else Markdown.
    #[arg(long, value_enum)]
    pub format: Option<DocFormatArg>,
    /// Write to FILE (atomically: whole or not at all) instead of standard output;
    /// its extension must agree with --format. An .odt or .docx file goes to standard
    /// output only when it is redirected.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DocFormatArg {
    Md,
    Html,
    Odt,
    Docx,
}

impl DocFormatArg {
    pub fn name(self) -> &'static str {
        match self {
            DocFormatArg::Md => "md",
            DocFormatArg::Html => "html",
            DocFormatArg::Odt => "odt",
            DocFormatArg::Docx => "docx",
        }
    }
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
    /// How many results (1 to 1000).
    #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u32).range(1..=1000))]
    pub top: u32,
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

/// A decimal number as the data reads them: `75.5`, `75,5` (French).
fn decimal(s: &str) -> Result<f64, String> {
    let d = explor_engine::values::number::read_decimal(s)
        .ok_or_else(|| format!("\"{s}\" is not a number (e.g. 75 or 75,5)"))?;
    let sign = if d.negative { "-" } else { "" };
    let fraction = if d.fraction.is_empty() {
        "0"
    } else {
        &d.fraction
    };
    format!("{sign}{}.{fraction}", d.whole)
        .parse()
        .map_err(|_| format!("\"{s}\" is not a number"))
}

/// `NEED=EXPERT`, both non-empty (clap names the flag and the value on an error).
fn need_expert(s: &str) -> Result<(String, String), String> {
    match s.split_once('=') {
        Some((n, e)) if !n.trim().is_empty() && !e.trim().is_empty() => {
            Ok((n.trim().to_owned(), e.trim().to_owned()))
        }
        _ => Err("expected NEED=EXPERT, a need id and an expert or offer id".to_owned()),
    }
}

#[derive(Debug, Args)]
pub struct BatchArgs {
    /// The call for projects whose needs are assigned (default: every need).
    #[arg(long)]
    pub call: Option<String>,
    /// How many of each need's best eligible candidates the assignment considers (1 to
    /// 1000).
    #[arg(long, default_value_t = 50, value_parser = clap::value_parser!(u32).range(1..=1000))]
    pub top_k: u32,
    /// Do not propose candidates scoring below this (0 to 100).
    #[arg(long, default_value_t = 0.0, value_parser = decimal)]
    pub min_score: f64,
    /// Let experts whose employer's consent is pending through, flagged.
    #[arg(long)]
    pub include_pending: bool,
    /// Assign this pair before the solver runs (repeatable; the score minimum does not
    /// apply to it).
    #[arg(long, value_name = "NEED=EXPERT", value_parser = need_expert)]
    pub pin: Vec<(String, String)>,
    /// Never assign this pair (repeatable).
    #[arg(long, value_name = "NEED=EXPERT", value_parser = need_expert)]
    pub exclude: Vec<(String, String)>,
    /// Output format: table for people, md for the coordinators' meeting, json or csv
    /// for scripts, csv-fr for a French Excel (`;`, BOM, decimal comma).
    #[arg(long, value_enum, default_value_t = BatchFormat::Table)]
    pub format: BatchFormat,
    /// Write the report to FILE (atomically: whole or not at all) instead of standard
    /// output.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Create the missions of the assignments (state proposed, people booked), all in
    /// one transaction.
    #[arg(long)]
    pub commit: bool,
    /// Also write the exact problem solved to FILE, as JSON, for an independent check.
    #[arg(long, value_name = "FILE")]
    pub export_graph: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BatchFormat {
    Table,
    Json,
    Csv,
    /// CSV for a French Excel: `;` separator, UTF-8 with BOM, decimal comma.
    CsvFr,
    Md,
}

#[derive(Debug, Args)]
pub struct CostArgs {
    /// Mission country (ISO code; FR with --reciprocity).
    #[arg(long)]
    pub country: String,
    /// Mission city: a city with its own per-diem rate abroad (Lomé), or the domestic
    /// night rate of a reciprocity mission.
    #[arg(long)]
    pub city: Option<String>,
    /// Days in the field (1 to 366).
    #[arg(long, value_parser = clap::value_parser!(u32).range(1..=366))]
    pub days: u32,
    /// Number of experts, 1 to 100 (the network's cap is per mission).
    #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..=100))]
    pub experts: u32,
    /// Daily rate in euros, instead of the country's official per diem.
    #[arg(long, value_name = "EUR")]
    pub per_diem: Option<String>,
    /// National transport, euros per expert.
    #[arg(long, value_name = "EUR")]
    pub national_transport: Option<String>,
    /// International transport, euros per expert.
    #[arg(long, value_name = "EUR")]
    pub international_transport: Option<String>,
    /// Insurance, euros per expert.
    #[arg(long, value_name = "EUR")]
    pub insurance: Option<String>,
    /// Visa, euros per expert.
    #[arg(long, value_name = "EUR")]
    pub visa: Option<String>,
    /// Field transport, euros per expert.
    #[arg(long, value_name = "EUR")]
    pub field_transport: Option<String>,
    /// The local partner provides lodging (recorded in kind).
    #[arg(long)]
    pub lodging_provided: bool,
    /// Meals a day provided by the partner.
    #[arg(long, default_value_t = 0, value_parser = clap::value_parser!(u8).range(0..=2))]
    pub meals_provided: u8,
    /// The local partner provides field transport (recorded in kind).
    #[arg(long)]
    pub field_transport_provided: bool,
    /// A reciprocity mission in France (domestic rates).
    #[arg(long)]
    pub reciprocity: bool,
    /// Reciprocity: the country the expert comes from.
    #[arg(long)]
    pub origin: Option<String>,
    /// Who pays the remainder and the fee.
    #[arg(long, value_enum, default_value_t = PayerArg::Association, conflicts_with = "employer_share")]
    pub remainder_payer: PayerArg,
    /// Split the remainder: the employer pays this percentage (e.g. 40 or 37.5), the
    /// association the rest and the fee.
    #[arg(long, value_name = "PERCENT")]
    pub employer_share: Option<String>,
    /// Employee's salary and charges per day, for the sponsorship estimate.
    #[arg(long, value_name = "EUR")]
    pub daily_cost: Option<String>,
    /// Employer's yearly turnover, for the sponsorship cap.
    #[arg(long, value_name = "EUR")]
    pub turnover: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ShowFormat::Table)]
    pub format: ShowFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PayerArg {
    Association,
    Employer,
}

impl From<PayerArg> for explor_engine::cost::RemainderPayer {
    fn from(p: PayerArg) -> Self {
        match p {
            PayerArg::Association => Self::Association,
            PayerArg::Employer => Self::Employer,
        }
    }
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
    /// Available at some point in FROM..TO (YYYY-MM-DD..YYYY-MM-DD, years 1900 to 2200).
    #[arg(long, value_name = "FROM..TO")]
    pub available: Option<String>,
    /// Only experts or only offers.
    #[arg(long, value_enum)]
    pub kind: Option<CandidateKindArg>,
    /// How many results (1 to 1000).
    #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u32).range(1..=1000))]
    pub top: u32,
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
    /// Dataset directory (associations, experts, offers, needs as .json, .jsonl or .csv)
    /// or a single file; a workbook (.xlsx, .ods) holds one sheet per kind, named like
    /// the files (experts, needs …).
    pub path: PathBuf,
    /// Kind of records in the file(s), when the file names do not say it (a workbook
    /// then has one sheet, or one named after the kind).
    #[arg(long, value_enum)]
    pub kind: Option<KindArg>,
    /// Encoding of .csv, .json and .jsonl files. Without it: UTF-8 (with or without a
    /// byte-order mark) when the file is valid UTF-8, otherwise Windows-1252 (Excel's
    /// French CSV export).
    #[arg(long, value_enum)]
    pub encoding: Option<EncodingArg>,
    /// Column headers to leave out, comma-separated (`--ignore-columns Référent,Suivi`),
    /// as for headers starting with # and note columns (commentaire, remarques, notes …):
    /// said once as a warning. Case, accents and surrounding spaces do not matter.
    #[arg(long, value_delimiter = ',', value_name = "HEADER,...")]
    pub ignore_columns: Vec<String>,
    /// Output format of the summary (and of the problems, with json).
    #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
    pub format: ReportFormat,
    /// Leave out, with a warning, the records of people erased at their request
    /// (without it, such a record is an error and nothing is imported).
    #[arg(long)]
    pub skip_erased: bool,
}

#[derive(Debug, Args)]
pub struct BackupArgs {
    /// The backup file to write (must not exist; not inside the workspace).
    pub file: PathBuf,
}

#[derive(Debug, Args)]
pub struct RestoreArgs {
    /// A backup written by `explor backup`.
    pub file: PathBuf,
    /// The folder to restore into (default: the workspace, --workspace /
    /// EXPLOR_WORKSPACE); absent, empty, or holding only an erased.list.
    pub dir: Option<PathBuf>,
    /// Erasures to apply as well: a workspace folder (its erased.list) or an erasure
    /// list file. Give it the workspace the backup was made of.
    #[arg(long, value_name = "WORKSPACE_OR_LIST")]
    pub erasures: Vec<PathBuf>,
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

/// Encodings of text files as written on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EncodingArg {
    /// UTF-8 only: a byte that is not UTF-8 is an error naming its line.
    #[value(name = "utf-8", alias = "utf8")]
    Utf8,
    /// Windows-1252 (Excel's "CSV" on a French Windows).
    #[value(name = "windows-1252", alias = "cp1252")]
    Windows1252,
}

impl From<EncodingArg> for explor_indexer::Encoding {
    fn from(e: EncodingArg) -> Self {
        match e {
            EncodingArg::Utf8 => Self::Utf8,
            EncodingArg::Windows1252 => Self::Windows1252,
        }
    }
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
    /// CSV for scripts: `,` separator, decimal point.
    Csv,
    /// CSV for a French Excel: `;` separator, UTF-8 with BOM, decimal comma.
    CsvFr,
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

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address and port to listen on.
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub bind: std::net::SocketAddr,
    /// The site's public address, for invitation links and the Origin check
    /// (default: http://BIND).
    #[arg(long, value_name = "URL", env = "EXPLOR_BASE_URL")]
    pub base_url: Option<String>,
    /// Secure cookies with the __Host- prefix (default: on, unless BIND is a loopback
    /// address).
    #[arg(long, value_name = "BOOL")]
    pub secure_cookies: Option<bool>,
    /// Only a reverse proxy (Caddy, nginx) can reach BIND: sign-in attempts are counted
    /// per client address, the last one of the X-Forwarded-For header it appends.
    #[arg(long)]
    pub behind_proxy: bool,
    /// Days a proposal may wait for its parties' answers before it is flagged on the
    /// dashboard and they are reminded, once (default 7).
    #[arg(long, value_name = "DAYS", value_parser = clap::value_parser!(u32).range(1..=365))]
    pub answer_delay_days: Option<u32>,
    /// Serve a fresh temporary workspace holding the bundled sample, with a demo
    /// coordinator whose one-time sign-in link is printed.
    #[arg(long)]
    pub demo: bool,
}

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Create an account and print its invitation link (single use, 7 days).
    Add(UserAddArgs),
    /// List the accounts.
    List(UserListArgs),
    /// Disable an account and end its sessions.
    Disable(UserEmailArgs),
    /// Remove an account (the audit log keeps its id).
    Remove(UserEmailArgs),
}

#[derive(Debug, Args)]
pub struct UserAddArgs {
    /// The person's e-mail (their sign-in name).
    #[arg(long)]
    pub email: String,
    /// coordinator, company, association or expert.
    #[arg(long, value_enum)]
    pub role: RoleArg,
    /// The id of the account's record: an association id, a company id (as named in
    /// its offers) or an expert id; not for coordinators.
    #[arg(long, value_name = "ID")]
    pub org: Option<String>,
    /// The site's public address, for the link.
    #[arg(
        long,
        value_name = "URL",
        env = "EXPLOR_BASE_URL",
        default_value = "http://127.0.0.1:8080"
    )]
    pub base_url: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RoleArg {
    Coordinator,
    Company,
    Association,
    Expert,
}

impl From<RoleArg> for explor_web::Role {
    fn from(r: RoleArg) -> Self {
        match r {
            RoleArg::Coordinator => Self::Coordinator,
            RoleArg::Company => Self::Company,
            RoleArg::Association => Self::Association,
            RoleArg::Expert => Self::Expert,
        }
    }
}

#[derive(Debug, Args)]
pub struct UserListArgs {
    /// Output format (json: an array of accounts).
    #[arg(long, value_enum, default_value_t = ShowFormat::Table)]
    pub format: ShowFormat,
}

#[derive(Debug, Args)]
pub struct UserEmailArgs {
    /// The account's e-mail.
    pub email: String,
}
