//! Account administration, shared by the command line (`explor user …`) and the
//! coordinator's pages: invitations, disabling, removal, and signing in.
//!
//! Every change writes one audit row. The functions here are blocking (SQLite,
//! argon2); the server calls them on blocking threads.

use std::path::Path;

use explor_engine::{Record, RecordKind};
use explor_indexer::Workspace;
use serde::Serialize;

use crate::auth::{password, token};
use crate::config::Settings;
use crate::error::{InternalError, Result, UserError, WebError};
use crate::store::{Account, Action, Db, Role, account_subject, normalise_email};

/// A new account's invitation; the link is shown once and never stored.
#[derive(Debug, Clone, Serialize)]
pub struct Invitation {
    /// The account created.
    pub account: Account,
    /// `<base_url>/invite/<token>`.
    pub link: String,
    /// When the link stops working, Unix seconds UTC.
    pub expires_at: i64,
}

/// Who may be invited: the e-mail, role and record as given.
#[derive(Debug, Clone)]
pub struct NewAccount<'a> {
    /// E-mail (normalised before use).
    pub email: &'a str,
    /// Role.
    pub role: Role,
    /// The association, company or expert id, for roles other than coordinator.
    pub org_id: Option<&'a str>,
}

/// Checks that `org_id` suits `role` in the workspace at `root`: an association id, an
/// expert id, or a company id (companies are named in offers, `company.id`, or as
/// their employees' employer: a company may declare its first offer itself).
pub fn check_org(root: &Path, role: Role, org_id: Option<&str>) -> Result<Option<String>> {
    let org = org_id.map(str::trim).filter(|o| !o.is_empty());
    let org = match (role, org) {
        (Role::Coordinator, None) => return Ok(None),
        (Role::Coordinator, Some(_)) => return Err(UserError::OrgNotAllowed.into()),
        (_, None) => return Err(UserError::OrgRequired(role.as_str()).into()),
        (_, Some(org)) => org,
    };
    let ws = Workspace::open(root).map_err(workspace_error(root))?;
    let (found, expected) = match role {
        Role::Association => (
            matches!(ws.record(org), Ok(Record::Association(_))),
            explor_engine::fr::records::article(RecordKind::Association),
        ),
        Role::Expert => (
            matches!(ws.record(org), Ok(Record::Expert(_))),
            explor_engine::fr::records::article(RecordKind::Expert),
        ),
        Role::Company => (
            {
                let (offers, experts) = ws.company_records(org)?;
                !offers.is_empty() || !experts.is_empty()
            },
            explor_engine::fr::web::ORG_COMPANY,
        ),
        Role::Coordinator => (false, explor_engine::fr::web::ORG_NOTHING),
    };
    if found {
        Ok(Some(org.to_owned()))
    } else {
        Err(UserError::UnknownOrg {
            id: org.to_owned(),
            expected,
        }
        .into())
    }
}

fn workspace_error(root: &Path) -> impl FnOnce(explor_indexer::Error) -> WebError + '_ {
    move |e| match e {
        explor_indexer::Error::User(explor_indexer::UserError::NoWorkspace(_)) => {
            UserError::NoWorkspace(root.to_owned()).into()
        }
        e => e.into(),
    }
}

/// Creates an account without a password and its invitation. `by` is the coordinator
/// who invites (`None`: the command line).
pub fn invite(
    db: &mut Db,
    root: &Path,
    new: &NewAccount<'_>,
    by: Option<i64>,
    base_url: &str,
    ttl_secs: i64,
    now: i64,
) -> Result<Invitation> {
    let email = normalise_email(new.email)?;
    let org = check_org(root, new.role, new.org_id)?;
    let token = token::new_token()?;
    let expires_at = now + ttl_secs;
    // The account and its invitation are written together, or not at all.
    let id = db.in_transaction(|db| {
        let id = db.insert_account(&email, new.role, org.as_deref(), now)?;
        db.insert_invitation(&token::hash(&token), id, now, expires_at)?;
        db.audit(now, by, Action::AccountCreated, Some(&account_subject(id)))?;
        Ok(id)
    })?;
    let account = db
        .account(id)?
        .ok_or_else(|| InternalError::Corrupt(format!("account {id} vanished")))?;
    Ok(Invitation {
        account,
        link: format!("{}/invite/{token}", base_url.trim_end_matches('/')),
        expires_at,
    })
}

/// Disables the account with this e-mail and deletes its sessions.
pub fn disable(db: &mut Db, email: &str, by: Option<i64>, now: i64) -> Result<Account> {
    let account = by_email(db, email)?;
    disable_id(db, account.id, by, now)?;
    Ok(Account {
        disabled: true,
        ..account
    })
}

/// Disables the account with this id and deletes its sessions.
pub fn disable_id(db: &mut Db, id: i64, by: Option<i64>, now: i64) -> Result<()> {
    db.disable_account(id)?;
    db.audit(now, by, Action::AccountDisabled, Some(&account_subject(id)))
}

/// Removes the account with this e-mail, its invitations and sessions.
pub fn remove(db: &mut Db, email: &str, by: Option<i64>, now: i64) -> Result<Account> {
    let account = by_email(db, email)?;
    db.delete_account(account.id)?;
    db.audit(
        now,
        by,
        Action::AccountRemoved,
        Some(&account_subject(account.id)),
    )?;
    Ok(account)
}

fn by_email(db: &Db, email: &str) -> Result<Account> {
    let email = normalise_email(email)?;
    db.account_by_email(&email)?
        .ok_or_else(|| UserError::NoAccount(email).into())
}

/// A sign-in attempt between its two database steps: what the password is checked
/// against. The check itself (argon2, slow on purpose) runs without holding the
/// database, see [`SignInAttempt::verify`].
#[derive(Debug)]
pub struct SignInAttempt {
    /// The account the e-mail names, if any.
    account: Option<Account>,
    /// Whether that account may sign in now (enabled, password set, not locked).
    usable: bool,
    /// Its hash, or a dummy one so that every attempt costs one check.
    hash: String,
}

impl SignInAttempt {
    /// Looks up the account of `email`.
    pub fn start(db: &Db, email: &str, now: i64) -> Result<Self> {
        let creds = match normalise_email(email) {
            Ok(email) => db.credentials(&email)?,
            Err(_) => None,
        };
        let usable_hash = creds
            .as_ref()
            .filter(|c| !c.account.disabled && c.locked_until.is_none_or(|until| until <= now))
            .and_then(|c| c.password_hash.clone());
        Ok(Self {
            usable: usable_hash.is_some(),
            hash: usable_hash.unwrap_or_else(|| password::dummy_hash().to_owned()),
            account: creds.map(|c| c.account),
        })
    }

    /// Whether `pass` signs in (blocking: argon2).
    pub fn verify(&self, pass: &str) -> bool {
        password::verify(pass, &self.hash) && self.usable
    }

    /// Records the outcome: resets or counts failures (at `settings.max_failures` in a
    /// row the account is locked for `settings.lock_duration`), writes the audit rows;
    /// returns the account when `matched`.
    pub fn finish(
        self,
        db: &Db,
        settings: &Settings,
        matched: bool,
        now: i64,
    ) -> Result<Option<Account>> {
        let account_id = self.account.as_ref().map(|a| a.id);
        match (matched, self.account) {
            (true, Some(account)) => {
                db.clear_failed_logins(account.id)?;
                db.audit(now, Some(account.id), Action::LoginSucceeded, None)?;
                Ok(Some(account))
            }
            (true, None) => Err(InternalError::Corrupt("a match without an account".into()).into()),
            (false, _) => {
                db.audit(now, account_id, Action::LoginFailed, None)?;
                if let (true, Some(id)) = (self.usable, account_id) {
                    let lock = i64::try_from(settings.lock_duration.as_secs()).unwrap_or(i64::MAX);
                    if db.record_failed_login(id, now, settings.max_failures, lock)? {
                        let subject = account_subject(id);
                        db.audit(now, Some(id), Action::AccountLocked, Some(&subject))?;
                    }
                }
                Ok(None)
            }
        }
    }
}

/// Checks an e-mail and password in one go (blocking); returns the account when they
/// match an active, enabled, unlocked account. Every refusal looks the same to the
/// caller and costs one password check, so that neither the answer nor its time tells
/// whether the account exists.
pub fn sign_in(
    db: &Db,
    settings: &Settings,
    email: &str,
    pass: &str,
    now: i64,
) -> Result<Option<Account>> {
    let attempt = SignInAttempt::start(db, email, now)?;
    let matched = attempt.verify(pass);
    attempt.finish(db, settings, matched, now)
}

/// The account an invitation token is for, while the invitation is usable.
pub fn invited_account(db: &Db, token: &str, now: i64) -> Result<Option<Account>> {
    if !token::looks_like_token(token) {
        return Ok(None);
    }
    match db.invitation_account(&token::hash(token), now)? {
        Some(id) => db.account(id),
        None => Ok(None),
    }
}

/// Uses an invitation: sets the account's password (already checked and hashed) and
/// marks the invitation used. `None` when the invitation is not usable.
pub fn accept_invitation(
    db: &mut Db,
    token: &str,
    password_hash: &str,
    now: i64,
) -> Result<Option<Account>> {
    if !token::looks_like_token(token) {
        return Ok(None);
    }
    let Some(id) = db.use_invitation(&token::hash(token), password_hash, now)? else {
        return Ok(None);
    };
    db.audit(
        now,
        Some(id),
        Action::InvitationUsed,
        Some(&account_subject(id)),
    )?;
    db.audit(
        now,
        Some(id),
        Action::PasswordSet,
        Some(&account_subject(id)),
    )?;
    db.account(id)
}
