//! One function per command; each parses nothing and decides nothing domain-wise.

mod backup;
mod batch;
mod cost;
mod demo;
mod import;
mod index;
mod matching;
mod mission;
mod records;
mod reference;
mod serve;
mod user;

use std::path::Path;

use anyhow::{Context, Result};
use explor_engine::cost::RemainderPayer;
use explor_indexer::Workspace;

use crate::args::{Cli, Command, PayerArg};

/// A command line that is well-formed for clap but cannot be acted on.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(pub String);

pub fn run(cli: Cli) -> Result<()> {
    let root = cli.global.workspace.as_path();
    match cli.command {
        Command::Init => init(root),
        Command::Import(args) => import::run(&mut open(root)?, &args),
        Command::List(args) => records::list(&open(root)?, &args),
        Command::Show(args) => records::show(&open(root)?, &args),
        Command::Match(args) => matching::run(&open(root)?, &args),
        Command::Search(args) => index::search(&open(root)?, &args),
        Command::Remove(args) => index::remove(&mut open(root)?, &args),
        Command::Backup(args) => backup::backup(&open(root)?, &args),
        Command::Restore(args) => backup::restore(root, &args),
        Command::Reindex => index::reindex(&mut open(root)?),
        Command::Check(args) => index::check(&open(root)?, &args),
        Command::Batch(args) => batch::run(&mut open(root)?, &args),
        Command::Cost(args) => cost::run(root, &args),
        Command::Mission(command) => mission::run(&mut open(root)?, &command),
        Command::Demo(args) => demo::run(&args),
        Command::Serve(args) => serve::run(root, &args),
        Command::User(command) => user::run(root, &command),
        Command::Themes(args) => reference::themes(args.format),
        Command::Reference(command) => reference::run(root, &command),
    }
}

/// Who pays the remainder, from `--remainder-payer` or `--employer-share` (clap keeps
/// them apart); `None` when neither was given.
fn remainder_payer(
    payer: Option<PayerArg>,
    employer_share: Option<&str>,
) -> Result<Option<RemainderPayer>> {
    match employer_share {
        Some(share) => self::employer_share(share).map(Some),
        None => Ok(payer.map(RemainderPayer::from)),
    }
}

/// `--employer-share PERCENT` as a split in basis points (up to two decimals).
fn employer_share(text: &str) -> Result<RemainderPayer> {
    let bad = || UsageError(explor_engine::fr::cli::bad_employer_share(text));
    // A decimal with at most two places, read in hundredths: the money parser does
    // exactly that (40 → 4000, 37.5 → 3750), and refuses anything finer.
    let hundredths = explor_engine::Money::from_euros_str(text).map_err(|_| bad())?;
    let bp = u32::try_from(hundredths.cents()).map_err(|_| bad())?;
    if bp > 10_000 {
        return Err(bad().into());
    }
    Ok(RemainderPayer::Split { employer_bp: bp })
}

/// Opens the workspace and tells the user what opening had to do (rebuilding a stale index).
fn open(root: &Path) -> Result<Workspace> {
    let mut ws = Workspace::open(root)?;
    for notice in ws.take_notices() {
        eprintln!("{}", explor_engine::fr::cli::note(&notice));
    }
    Ok(ws)
}

fn init(root: &Path) -> Result<()> {
    let (ws, created) = Workspace::init(root)
        .with_context(|| explor_engine::fr::cli::cannot_create_workspace(root.display()))?;
    let mut out = crate::output::stdout();
    if created {
        out.line(format_args!(
            "{}",
            explor_engine::fr::cli::workspace_created(&ws.root().display().to_string())
        ))?;
    } else {
        out.line(format_args!(
            "{}",
            explor_engine::fr::cli::workspace_exists(&ws.root().display().to_string())
        ))?;
    }
    Ok(())
}
