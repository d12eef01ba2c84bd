//! # explor
//!
//! The command line of explor: `init`, `import`, `list`, `show`, `demo`. This crate only
//! parses arguments, calls `explor-engine` and `explor-indexer`, and formats output
//! (tables for people, JSON and CSV for scripts). Errors become readable messages and
//! exit codes: 0 success, 1 a problem the user can fix (invalid input, unknown id,
//! missing workspace), 2 bad command-line usage, 3 an internal failure. A closed pipe
//! (`explor list experts | head`) counts as success.

mod args;
mod commands;
mod output;

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;
use explor_indexer::{Error as IndexError, UserError};

fn main() -> ExitCode {
    let cli = args::Cli::parse();
    match commands::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => report(&err),
    }
}

fn report(err: &anyhow::Error) -> ExitCode {
    if is_broken_pipe(err) {
        return ExitCode::SUCCESS;
    }
    let mut stderr = std::io::stderr().lock();
    let index_error = err.chain().find_map(|e| e.downcast_ref::<IndexError>());
    if let Some(IndexError::User(UserError::Invalid(issues))) = index_error {
        for issue in issues {
            let _ = writeln!(stderr, "error: {issue}");
        }
    }
    let _ = writeln!(stderr, "error: {err:#}");
    match index_error {
        Some(IndexError::Internal(_)) => ExitCode::from(3),
        _ if err.chain().any(|e| e.is::<commands::UsageError>()) => ExitCode::from(2),
        _ => ExitCode::from(1),
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
