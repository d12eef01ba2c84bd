//! # explor
//!
//! The command line of explor: the workspace (`init`, `import`, `list`, `show`, `remove`,
//! `check`, `reindex`, `backup`, `restore`), matching (`search`, `match`, `batch`), missions and costs
//! (`mission`, `cost`), the web app (`serve`, `user`) and `demo`. This crate only parses
//! arguments, calls the libraries and draws `explor-views`' views (tables for people,
//! JSON and CSV for scripts). Errors become readable messages, with
//! a `hint:` line naming the command or flag that helps, and exit codes: 0 success, 1 a
//! problem the user can fix (invalid input, unknown id, missing workspace), 2 bad
//! command-line usage, 3 an internal failure. A closed pipe (`explor list experts |
//! head`) counts as success.

mod args;
mod commands;
mod output;
mod pdf;

use std::io::Write;
use std::process::ExitCode;

use explor_engine::mission::MissionError;
use explor_engine::reference::TableImportError;
use explor_indexer::{BatchRunError, Error as IndexError, UserError};
use explor_web::WebError;

fn main() -> ExitCode {
    let cli = args::parse();
    let root = cli.global.workspace.clone();
    // A panic is a bug, or a damaged search index read by tantivy: either way the
    // user gets one message and an exit code, not a trace.
    let panicked = std::sync::Arc::new(std::sync::Mutex::new(None::<String>));
    let seen = std::sync::Arc::clone(&panicked);
    let default_hook = std::panic::take_hook();
    // Outside the web server, a worker of the thread pool hands its panic to the main
    // thread, which is waiting for it (on a damaged index: reading a segment's values
    // on two threads): said once, as the main thread says it.
    let one_command = !matches!(cli.command, args::Command::Serve(_));
    std::panic::set_hook(Box::new(move |info| {
        // Other threads (the web server's tasks, workers) report as Rust does.
        let main_or_pool = std::thread::current().name() == Some("main")
            || (one_command && rayon::current_thread_index().is_some());
        if !main_or_pool {
            default_hook(info);
        } else if let Ok(mut seen) = seen.lock() {
            *seen = Some(info.to_string());
        }
    }));
    match std::panic::catch_unwind(|| commands::run(cli)) {
        Ok(Ok(())) => ExitCode::SUCCESS,
        Ok(Err(err)) => {
            if let Some(index_err) = index_error(&err)
                && matches!(index_err, IndexError::Internal(_))
            {
                if let Some(code) = damaged_index(&root) {
                    return code;
                }
                if index_err.is_index_damage() {
                    let _ = writeln!(
                        std::io::stderr(),
                        "{}",
                        explor_engine::fr::cli::index_damaged(&output::visible(&chain_message(
                            &err
                        )))
                    );
                    return ExitCode::from(1);
                }
            }
            report(&err)
        }
        Err(_) => {
            if let Some(code) = damaged_index(&root) {
                return code;
            }
            let what = panicked
                .lock()
                .ok()
                .and_then(|mut p| p.take())
                .unwrap_or_else(|| explor_engine::fr::cli::A_PANIC.to_owned());
            let _ = writeln!(
                std::io::stderr(),
                "{}",
                explor_engine::fr::cli::internal_failure(&output::visible(&what))
            );
            ExitCode::from(3)
        }
    }
}

/// After a failure: when the workspace's search index has files that fail their
/// checksum, says so and how to repair it (exit 1); `None` when it has none.
fn damaged_index(root: &std::path::Path) -> Option<ExitCode> {
    let damaged = explor_indexer::Workspace::index_damage(root)?;
    if damaged.is_empty() {
        return None;
    }
    let _ = writeln!(
        std::io::stderr(),
        "{}",
        explor_engine::fr::cli::index_files_damaged(
            damaged.len(),
            &output::visible(&damaged.join(", "))
        )
    );
    Some(ExitCode::from(1))
}

fn report(err: &anyhow::Error) -> ExitCode {
    if is_broken_pipe(err) {
        return ExitCode::SUCCESS;
    }
    let mut stderr = std::io::stderr().lock();
    let index_error = index_error(err);
    if let Some(IndexError::User(UserError::Invalid(issues))) = index_error {
        for issue in issues {
            let _ = writeln!(stderr, "erreur : {}", output::visible(&issue.to_string()));
        }
    }
    if let Some(IndexError::User(UserError::ReferenceTable(TableImportError::Invalid {
        issues,
        ..
    }))) = index_error
    {
        for issue in issues {
            let _ = writeln!(stderr, "erreur : {}", output::visible(&issue.to_string()));
        }
    }
    let _ = writeln!(stderr, "erreur : {}", output::visible(&chain_message(err)));
    if let Some(IndexError::User(user)) = index_error
        && let Some(hint) = hint(user).or_else(|| date_hint(user))
    {
        let _ = writeln!(stderr, "{}", explor_engine::fr::cli::hint(hint));
    }
    ExitCode::from(exit_code(err))
}

/// The workspace's error in the chain, also when a batch run wraps it.
fn index_error(err: &anyhow::Error) -> Option<&IndexError> {
    err.chain().find_map(|e| {
        e.downcast_ref::<IndexError>()
            .or_else(|| match e.downcast_ref::<BatchRunError>() {
                Some(BatchRunError::Workspace(inner)) => Some(inner),
                _ => None,
            })
    })
}

/// Which command or flag helps with a mistake: the library says what is wrong, the
/// command line knows its own commands and flags.
fn hint(err: &UserError) -> Option<&'static str> {
    match err {
        UserError::NoWorkspace(_) => Some(explor_engine::fr::cli::HINT_INIT),
        UserError::NoMission(_) => Some(explor_engine::fr::cli::HINT_MISSION_LIST),
        UserError::Locked(_) => Some(explor_engine::fr::cli::HINT_RETRY),
        UserError::IndexDamaged { .. } => Some(explor_engine::fr::cli::HINT_REINDEX),
        UserError::ForeignDatabase { .. } => Some(explor_engine::fr::cli::HINT_WORKSPACE),
        UserError::UnknownFileKind(_) => Some(explor_engine::fr::cli::HINT_KIND),
        _ => None,
    }
}

/// Which `--on` to give when a mission's log or dates rule out the day an event was
/// dated (today, when no `--on` was given).
fn date_hint(err: &UserError) -> Option<&'static str> {
    match err {
        UserError::Mission(
            MissionError::BeforeLastEvent { .. } | MissionError::OutsideDates { .. },
        ) => Some(explor_engine::fr::cli::HINT_ON),
        _ => None,
    }
}

/// The error and its sources as `a: b: c`, each said once: a source whose message its
/// parent already ends with (an error that both displays and returns its source) is
/// not repeated.
fn chain_message(err: &anyhow::Error) -> String {
    let mut out = String::new();
    let mut last = String::new();
    for e in err.chain() {
        let message = e.to_string();
        if !out.is_empty() && last.ends_with(&message) {
            continue;
        }
        if !out.is_empty() {
            out.push_str(": ");
        }
        out.push_str(&message);
        last = message;
    }
    out
}

/// 3 for an internal failure (of the workspace, the batch solver or the web app's
/// store), 2 for bad usage, 1 for anything the user can fix.
fn exit_code(err: &anyhow::Error) -> u8 {
    let internal = matches!(index_error(err), Some(IndexError::Internal(_)))
        || err.chain().any(|e| {
            matches!(
                e.downcast_ref::<BatchRunError>(),
                Some(BatchRunError::Assign(_))
            ) || matches!(e.downcast_ref::<WebError>(), Some(WebError::Internal(_)))
        });
    if internal {
        3
    } else if err
        .chain()
        .any(<dyn std::error::Error + 'static>::is::<commands::UsageError>)
    {
        2
    } else {
        1
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use explor_engine::batch::BatchError;
    use explor_indexer::InternalError;

    #[test]
    fn internal_failures_exit_3_usage_2_the_rest_1() {
        let solver = anyhow::Error::from(BatchRunError::Assign(BatchError::UnknownNeed(
            "need-x".into(),
        )));
        assert_eq!(exit_code(&solver), 3);
        let store =
            anyhow::Error::from(IndexError::Internal(InternalError::IndexShape("x".into())));
        assert_eq!(exit_code(&store.context("while matching")), 3);
        let usage = anyhow::Error::from(commands::UsageError("bad".into()));
        assert_eq!(exit_code(&usage), 2);
        let call = anyhow::Error::from(BatchRunError::UnknownCall {
            call: "x".into(),
            known: vec![],
        });
        assert_eq!(exit_code(&call), 1);
        let user = anyhow::Error::from(IndexError::User(UserError::NotFound("x".into())));
        assert_eq!(exit_code(&user), 1);
        let in_batch = anyhow::Error::from(BatchRunError::Workspace(IndexError::Internal(
            InternalError::IndexShape("x".into()),
        )));
        assert_eq!(exit_code(&in_batch), 3);
    }

    #[test]
    fn a_failure_of_the_web_store_exits_3_a_refused_account_1() {
        let db = anyhow::Error::from(WebError::Internal(explor_web::InternalError::Database(
            rusqlite::Error::QueryReturnedNoRows,
        )));
        assert_eq!(exit_code(&db), 3);
        let user = anyhow::Error::from(WebError::NotFound);
        assert_eq!(exit_code(&user), 1);
    }

    #[test]
    fn the_hint_names_the_command_also_through_a_batch_run() {
        let missing = UserError::NoWorkspace("/nowhere".into());
        assert!(hint(&missing).is_some_and(|h| h.contains("explor init")));
        let err = anyhow::Error::from(BatchRunError::Workspace(missing.into()));
        assert!(matches!(
            index_error(&err),
            Some(IndexError::User(UserError::NoWorkspace(_)))
        ));
        assert_eq!(hint(&UserError::NotFound("x".into())), None);
    }

    #[test]
    fn the_chain_is_said_once_each() {
        let io = std::io::Error::other("disk full");
        let err = anyhow::Error::from(IndexError::Internal(InternalError::Io {
            path: "/ws/explor.lock".into(),
            source: io,
        }))
        .context("while importing");
        assert_eq!(
            chain_message(&err),
            "while importing: /ws/explor.lock: disk full"
        );
        // A source its parent already displays is not repeated.
        #[derive(Debug)]
        struct ShowsItsSource(std::io::Error);
        impl std::fmt::Display for ShowsItsSource {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, "scoring.json: {}", self.0)
            }
        }
        impl std::error::Error for ShowsItsSource {
            fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
                Some(&self.0)
            }
        }
        let both = anyhow::Error::from(ShowsItsSource(std::io::Error::other("bad")));
        assert_eq!(
            chain_message(&both.context("top")),
            "top: scoring.json: bad"
        );
    }
}
