//! `explor serve`: the web application, on the workspace or on a demo copy of the sample.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use explor_engine::Reference;
use explor_indexer::{Workspace, load};
use explor_web::accounts::{self, NewAccount};
use explor_web::{Db, Role, ServeConfig, Settings};

use crate::args::ServeArgs;
use crate::commands::demo::write_sample;

/// The demo coordinator's e-mail.
const DEMO_EMAIL: &str = "coordination@demo.invalid";

pub fn run(root: &Path, args: &ServeArgs) -> Result<()> {
    // Kept alive until the server stops: the demo workspace is deleted with it.
    let mut _demo_dir = None;
    let workspace: PathBuf = if args.demo {
        let dir = tempfile::Builder::new()
            .prefix("explor-serve-demo-")
            .tempdir()
            .context(explor_engine::fr::cli::NO_TEMP_DIR)?;
        let ws = demo_workspace(dir.path())?;
        _demo_dir = Some(dir);
        ws
    } else {
        root.to_owned()
    };
    let config = ServeConfig {
        workspace: workspace.clone(),
        bind: args.bind,
        base_url: args.base_url.clone(),
        secure_cookies: args.secure_cookies,
        behind_proxy: args.behind_proxy,
        answer_delay_days: args.answer_delay_days,
        smtp_url: args.smtp_url.as_ref().map(|u| u.0.clone()),
        mail_from: args.mail_from.clone(),
    };
    let settings = Settings::from_config(&config)?;
    if args.demo {
        let invitation = accounts::invite(
            &mut Db::open(&workspace)?,
            &workspace,
            &NewAccount {
                email: DEMO_EMAIL,
                role: Role::Coordinator,
                org_id: None,
            },
            None,
            settings.base_url(),
            i64::try_from(settings.invitation_ttl.as_secs()).unwrap_or(i64::MAX),
            chrono::Utc::now().timestamp(),
        )?;
        println!(
            "{}",
            explor_engine::fr::cli::demo_workspace(workspace.display())
        );
        println!("{}", explor_engine::fr::cli::demo_coordinator(DEMO_EMAIL));
        println!("  {}", invitation.link);
    }
    explor_web::init_tracing();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context(explor_engine::fr::cli::NO_RUNTIME)?;
    runtime.block_on(explor_web::serve(config, |addr| {
        eprintln!("{}", explor_engine::fr::cli::listening(addr));
    }))?;
    Ok(())
}

/// A fresh workspace under `dir` holding the bundled sample.
fn demo_workspace(dir: &Path) -> Result<PathBuf> {
    let data = write_sample(dir)?;
    let (mut ws, _) = Workspace::init(&dir.join("workspace"))?;
    ws.import(load(&data, None)?, &Reference::embedded())?;
    Ok(ws.root().to_owned())
}
