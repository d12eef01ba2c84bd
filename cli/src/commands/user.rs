//! `explor user …`: web accounts from the command line (the first coordinator is
//! invited here: there is no default account).

use std::path::Path;

use anyhow::Result;
use explor_web::accounts::{self, NewAccount};
use explor_web::{Db, Settings};

use crate::args::{ShowFormat, UserCommand};
use explor_views::Table;

use crate::output;

pub fn run(root: &Path, command: &UserCommand) -> Result<()> {
    let mut db = Db::open(root)?;
    let now = chrono::Utc::now().timestamp();
    let mut out = output::stdout();
    match command {
        UserCommand::Add(args) => {
            // Checks the base URL like `serve` does; the invitation lasts as long.
            let settings = Settings::new(&args.base_url, false)?;
            let invitation = accounts::invite(
                &mut db,
                root,
                &NewAccount {
                    email: &args.email,
                    role: args.role.into(),
                    org_id: args.org.as_deref(),
                },
                None,
                settings.base_url(),
                i64::try_from(settings.invitation_ttl.as_secs()).unwrap_or(i64::MAX),
                now,
            )?;
            out.line(format_args!(
                "{}",
                explor_engine::fr::cli::account_created(
                    invitation.account.role,
                    &invitation.account.email
                )
            ))?;
            out.line(format_args!("{}", invitation.link))?;
        }
        UserCommand::List(args) => {
            let list = db.accounts()?;
            match args.format {
                ShowFormat::Json => out.json(&list)?,
                ShowFormat::Table => {
                    let mut t = Table::new(&explor_engine::fr::headers::ACCOUNTS);
                    for a in &list {
                        let created = chrono::DateTime::from_timestamp(a.created_at, 0)
                            .map(|d| explor_engine::fr::date(d.date_naive()))
                            .unwrap_or_default();
                        t.push(vec![
                            a.email.clone(),
                            a.role.label().to_owned(),
                            a.org_id.clone().unwrap_or_default(),
                            a.state().label_fr().to_owned(),
                            created,
                        ]);
                    }
                    out.table(&t)?;
                }
            }
        }
        UserCommand::Disable(args) => {
            let a = accounts::disable(&mut db, &args.email, None, now)?;
            out.line(format_args!(
                "{}",
                explor_engine::fr::cli::account_disabled(&a.email)
            ))?;
        }
        UserCommand::Remove(args) => {
            let a = accounts::remove(&mut db, &args.email, None, now)?;
            out.line(format_args!(
                "{}",
                explor_engine::fr::cli::account_deleted(&a.email)
            ))?;
        }
    }
    Ok(())
}
