//! One function per command; each parses nothing and decides nothing domain-wise.

mod batch;
mod cost;
mod demo;
mod import;
mod index;
mod matching;
mod mission;
mod records;

use std::path::Path;

use anyhow::{Context, Result};
use explor_indexer::Workspace;

use crate::args::{Cli, Command};

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
        Command::Reindex => index::reindex(&mut open(root)?),
        Command::Check(args) => index::check(&open(root)?, &args),
        Command::Batch(args) => batch::run(&mut open(root)?, &args),
        Command::Cost(args) => cost::run(&args),
        Command::Mission(command) => mission::run(&mut open(root)?, &command),
        Command::Demo(args) => demo::run(&args),
    }
}

/// Opens the workspace and tells the user what opening had to do (rebuilding a stale index).
fn open(root: &Path) -> Result<Workspace> {
    let mut ws = Workspace::open(root)?;
    for notice in ws.take_notices() {
        eprintln!("note: {notice}");
    }
    Ok(ws)
}

fn init(root: &Path) -> Result<()> {
    let (ws, created) = Workspace::init(root)
        .with_context(|| format!("cannot create a workspace at {}", root.display()))?;
    let mut out = crate::output::stdout();
    if created {
        out.line(format_args!("created workspace {}", ws.root().display()))?;
    } else {
        out.line(format_args!(
            "workspace {} already exists; nothing changed",
            ws.root().display()
        ))?;
    }
    Ok(())
}
