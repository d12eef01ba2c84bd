//! Accounts: who may sign in, with which role, for which organisation.

use std::fmt;
use std::str::FromStr;

use rusqlite::{OptionalExtension, Row, params};
use serde::{Deserialize, Serialize};

use super::Db;
use crate::error::{Result, UserError};

/// What an account may see and do (see the design notes' table of audiences).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Occitanie Coopération staff: everything.
    Coordinator,
    /// A company that lends employees: its offers and employees.
    Company,
    /// An association: its needs.
    Association,
    /// A volunteer expert: their own record.
    Expert,
}

impl Role {
    /// Every role, in display order.
    pub const ALL: [Role; 4] = [
        Role::Coordinator,
        Role::Company,
        Role::Association,
        Role::Expert,
    ];

    /// The stored and command-line name (`coordinator`).
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Coordinator => "coordinator",
            Role::Company => "company",
            Role::Association => "association",
            Role::Expert => "expert",
        }
    }

    /// The French name shown in pages.
    pub fn label(self) -> &'static str {
        match self {
            Role::Coordinator => explor_engine::fr::web::ROLE_COORDINATION,
            Role::Company => explor_engine::fr::web::ROLE_COMPANY,
            Role::Association => explor_engine::fr::web::ROLE_ASSOCIATION,
            Role::Expert => explor_engine::fr::web::ROLE_EXPERT,
        }
    }

    /// Whether accounts of this role belong to a record of the workspace.
    pub fn needs_org(self) -> bool {
        self != Role::Coordinator
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Role {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Role::ALL
            .into_iter()
            .find(|r| r.as_str() == s)
            .ok_or_else(|| {
                format!("unknown role {s:?}: coordinator, company, association or expert")
            })
    }
}

/// An account as everyone may see it (no password hash).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Account {
    /// Stable id.
    pub id: i64,
    /// E-mail, lowercase: the sign-in name.
    pub email: String,
    /// Role.
    pub role: Role,
    /// The association, company or expert record the account belongs to.
    pub org_id: Option<String>,
    /// Whether a password is set (the invitation was used).
    pub active: bool,
    /// Disabled accounts cannot sign in and have no session.
    pub disabled: bool,
    /// Creation time, Unix seconds UTC.
    pub created_at: i64,
}

/// Where an account stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AccountState {
    /// Invited; the password is not set yet.
    Invited,
    /// May sign in.
    Active,
    /// Cannot sign in.
    Disabled,
}

impl AccountState {
    /// In English, for the command line (`invited`, `active`, `disabled`).
    pub fn as_str(self) -> &'static str {
        match self {
            AccountState::Invited => "invited",
            AccountState::Active => "active",
            AccountState::Disabled => "disabled",
        }
    }

    /// In French, for the pages.
    pub fn label_fr(self) -> &'static str {
        match self {
            AccountState::Invited => explor_engine::fr::web::INVITED,
            AccountState::Active => "actif",
            AccountState::Disabled => explor_engine::fr::web::DISABLED,
        }
    }
}

impl Account {
    /// Disabled first, then whether the invitation was used.
    pub fn state(&self) -> AccountState {
        match (self.disabled, self.active) {
            (true, _) => AccountState::Disabled,
            (false, true) => AccountState::Active,
            (false, false) => AccountState::Invited,
        }
    }
}

/// What signing in needs to know about an account.
#[derive(Debug, Clone)]
pub(crate) struct Credentials {
    pub account: Account,
    pub password_hash: Option<String>,
    pub locked_until: Option<i64>,
}

const COLUMNS: &str = "id, email, role, org_id, password_hash IS NOT NULL, disabled, created_at";

fn account(row: &Row<'_>) -> rusqlite::Result<Account> {
    let role: String = row.get(2)?;
    let role = role.parse().map_err(|e: String| {
        rusqlite::Error::FromSqlConversionFailure(2, rusqlite::types::Type::Text, e.into())
    })?;
    Ok(Account {
        id: row.get(0)?,
        email: row.get(1)?,
        role,
        org_id: row.get(3)?,
        active: row.get(4)?,
        disabled: row.get(5)?,
        created_at: row.get(6)?,
    })
}

/// The e-mail as stored: trimmed, lowercase, and shaped like `local@domain`.
pub fn normalise_email(email: &str) -> Result<String> {
    let e = email.trim().to_lowercase();
    let ok = e.len() <= 254
        && !e.chars().any(char::is_whitespace)
        && e.split_once('@').is_some_and(|(local, domain)| {
            !local.is_empty() && !domain.is_empty() && !domain.contains('@')
        });
    if ok {
        Ok(e)
    } else {
        Err(UserError::BadEmail(email.trim().to_owned()).into())
    }
}

impl Db {
    /// Creates an account without a password; returns its id.
    pub(crate) fn insert_account(
        &self,
        email: &str,
        role: Role,
        org_id: Option<&str>,
        now: i64,
    ) -> Result<i64> {
        let res = self.conn.execute(
            "INSERT INTO web_accounts (email, role, org_id, created_at) VALUES (?1, ?2, ?3, ?4)",
            params![email, role.as_str(), org_id, now],
        );
        match res {
            Ok(_) => Ok(self.conn.last_insert_rowid()),
            Err(rusqlite::Error::SqliteFailure(e, _))
                if e.code == rusqlite::ErrorCode::ConstraintViolation =>
            {
                Err(UserError::EmailTaken(email.to_owned()).into())
            }
            Err(e) => Err(e.into()),
        }
    }

    /// The account with this id.
    pub fn account(&self, id: i64) -> Result<Option<Account>> {
        Ok(self
            .conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM web_accounts WHERE id = ?1"),
                [id],
                account,
            )
            .optional()?)
    }

    /// The account with this (normalised) e-mail.
    pub fn account_by_email(&self, email: &str) -> Result<Option<Account>> {
        Ok(self
            .conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM web_accounts WHERE email = ?1"),
                [email],
                account,
            )
            .optional()?)
    }

    pub(crate) fn credentials(&self, email: &str) -> Result<Option<Credentials>> {
        Ok(self
            .conn
            .query_row(
                &format!(
                    "SELECT {COLUMNS}, password_hash, locked_until FROM web_accounts WHERE email = ?1"
                ),
                [email],
                |row| {
                    Ok(Credentials {
                        account: account(row)?,
                        password_hash: row.get(7)?,
                        locked_until: row.get(8)?,
                    })
                },
            )
            .optional()?)
    }

    /// Every account, by e-mail.
    pub fn accounts(&self) -> Result<Vec<Account>> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {COLUMNS} FROM web_accounts ORDER BY email"
        ))?;
        let rows = stmt.query_map([], account)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Disables an account and deletes all its sessions, in one transaction.
    pub(crate) fn disable_account(&mut self, id: i64) -> Result<()> {
        let tx = self.conn.transaction()?;
        tx.execute("UPDATE web_accounts SET disabled = 1 WHERE id = ?1", [id])?;
        tx.execute("DELETE FROM web_sessions WHERE account_id = ?1", [id])?;
        tx.commit()?;
        Ok(())
    }

    /// Deletes an account, its invitations and its sessions (the audit log keeps its id).
    pub(crate) fn delete_account(&mut self, id: i64) -> Result<()> {
        let tx = self.conn.transaction()?;
        tx.execute("DELETE FROM web_sessions WHERE account_id = ?1", [id])?;
        tx.execute("DELETE FROM web_invitations WHERE account_id = ?1", [id])?;
        tx.execute("DELETE FROM web_accounts WHERE id = ?1", [id])?;
        tx.commit()?;
        Ok(())
    }

    /// Counts a failed sign-in; at `max` failures the account is locked until
    /// `now + lock_secs` and the count starts again. Returns whether it is now locked.
    pub(crate) fn record_failed_login(
        &self,
        id: i64,
        now: i64,
        max: u32,
        lock_secs: i64,
    ) -> Result<bool> {
        let failures: u32 = self.conn.query_row(
            "UPDATE web_accounts SET failed_logins = failed_logins + 1 WHERE id = ?1 \
             RETURNING failed_logins",
            [id],
            |r| r.get(0),
        )?;
        if failures >= max {
            self.conn.execute(
                "UPDATE web_accounts SET failed_logins = 0, locked_until = ?2 WHERE id = ?1",
                params![id, now + lock_secs],
            )?;
            return Ok(true);
        }
        Ok(false)
    }

    pub(crate) fn clear_failed_logins(&self, id: i64) -> Result<()> {
        self.conn.execute(
            "UPDATE web_accounts SET failed_logins = 0, locked_until = NULL WHERE id = ?1",
            [id],
        )?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_trimmed_lowercased_and_checked() {
        assert_eq!(
            normalise_email("  Marie@Example.ORG ").unwrap(),
            "marie@example.org"
        );
        for bad in ["", "marie", "@x.org", "marie@", "a@b@c", "ma rie@x.org"] {
            assert!(normalise_email(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn roles_read_back_their_names() {
        for r in Role::ALL {
            assert_eq!(r.as_str().parse::<Role>(), Ok(r));
            assert_eq!(serde_json::to_string(&r).unwrap(), format!("\"{r}\""));
        }
        assert!("admin".parse::<Role>().is_err());
    }
}
