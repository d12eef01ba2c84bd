//! The audit log: who changed what, when, about which record. Never a password or a
//! token; the e-mail lives in the account, not in the log.

use std::fmt;
use std::str::FromStr;

use rusqlite::{ToSql, params};
use serde::Serialize;

use super::Db;
use crate::error::Result;

/// What happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// An account was created (with its invitation).
    AccountCreated,
    /// An invitation link was used.
    InvitationUsed,
    /// A password was set.
    PasswordSet,
    /// A sign-in succeeded.
    LoginSucceeded,
    /// A sign-in failed (wrong password, unknown e-mail, locked or disabled account).
    LoginFailed,
    /// An account was locked after too many failures.
    AccountLocked,
    /// A sign-out.
    Logout,
    /// An account was disabled.
    AccountDisabled,
    /// An account was removed.
    AccountRemoved,
    /// A mission was proposed from a need's page.
    MissionProposed,
    /// A mission moved to another state.
    MissionAdvanced,
    /// A mission's checklist item was recorded.
    MissionItemRecorded,
    /// A call's batch was committed: its missions were created.
    BatchCommitted,
    /// Records were imported from an uploaded file.
    RecordsImported,
    /// An expert was erased at their request (only the id is logged).
    RecordErased,
    /// A need or an offer was posted (or posted again, corrected) for review.
    RecordSubmitted,
    /// A coordinator asked for changes to a posted record.
    ChangesRequested,
    /// A coordinator validated a posted record: it is in the workspace.
    SubmissionValidated,
    /// A party accepted or declined a proposed mission.
    ProposalAnswered,
    /// An expert changed their own profile.
    ProfileUpdated,
}

impl Action {
    /// Every action, in display order.
    pub const ALL: [Action; 20] = [
        Action::AccountCreated,
        Action::InvitationUsed,
        Action::PasswordSet,
        Action::LoginSucceeded,
        Action::LoginFailed,
        Action::AccountLocked,
        Action::Logout,
        Action::AccountDisabled,
        Action::AccountRemoved,
        Action::MissionProposed,
        Action::MissionAdvanced,
        Action::MissionItemRecorded,
        Action::BatchCommitted,
        Action::RecordsImported,
        Action::RecordErased,
        Action::RecordSubmitted,
        Action::ChangesRequested,
        Action::SubmissionValidated,
        Action::ProposalAnswered,
        Action::ProfileUpdated,
    ];

    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Action::AccountCreated => "account_created",
            Action::InvitationUsed => "invitation_used",
            Action::PasswordSet => "password_set",
            Action::LoginSucceeded => "login_succeeded",
            Action::LoginFailed => "login_failed",
            Action::AccountLocked => "account_locked",
            Action::Logout => "logout",
            Action::AccountDisabled => "account_disabled",
            Action::AccountRemoved => "account_removed",
            Action::MissionProposed => "mission_proposed",
            Action::MissionAdvanced => "mission_advanced",
            Action::MissionItemRecorded => "mission_item_recorded",
            Action::BatchCommitted => "batch_committed",
            Action::RecordsImported => "records_imported",
            Action::RecordErased => "record_erased",
            Action::RecordSubmitted => "record_submitted",
            Action::ChangesRequested => "changes_requested",
            Action::SubmissionValidated => "submission_validated",
            Action::ProposalAnswered => "proposal_answered",
            Action::ProfileUpdated => "profile_updated",
        }
    }

    /// The French label shown in the audit page.
    pub fn label(self) -> &'static str {
        match self {
            Action::AccountCreated => explor_engine::fr::audit::ACCOUNT_CREATED,
            Action::InvitationUsed => explor_engine::fr::audit::INVITATION_USED,
            Action::PasswordSet => explor_engine::fr::audit::PASSWORD_SET,
            Action::LoginSucceeded => "connexion",
            Action::LoginFailed => explor_engine::fr::audit::SIGN_IN_FAILED,
            Action::AccountLocked => explor_engine::fr::audit::ACCOUNT_LOCKED,
            Action::Logout => explor_engine::fr::audit::SIGNED_OUT,
            Action::AccountDisabled => explor_engine::fr::audit::ACCOUNT_DISABLED,
            Action::AccountRemoved => explor_engine::fr::audit::ACCOUNT_DELETED,
            Action::MissionProposed => explor_engine::fr::audit::MISSION_PROPOSED,
            Action::MissionAdvanced => explor_engine::fr::audit::MISSION_MOVED,
            Action::MissionItemRecorded => explor_engine::fr::audit::MISSION_RECORDED,
            Action::BatchCommitted => explor_engine::fr::audit::BATCH_COMMITTED,
            Action::RecordsImported => explor_engine::fr::audit::RECORDS_IMPORTED,
            Action::RecordErased => explor_engine::fr::audit::PERSON_ERASED,
            Action::RecordSubmitted => explor_engine::fr::audit::SUBMITTED,
            Action::ChangesRequested => explor_engine::fr::web::CHANGES_REQUESTED,
            Action::SubmissionValidated => explor_engine::fr::audit::VALIDATED,
            Action::ProposalAnswered => explor_engine::fr::audit::PROPOSAL_ANSWERED,
            Action::ProfileUpdated => explor_engine::fr::audit::PROFILE_EDITED,
        }
    }
}

impl fmt::Display for Action {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Action {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Action::ALL
            .into_iter()
            .find(|a| a.as_str() == s)
            .ok_or_else(|| format!("unknown action {s:?}"))
    }
}

/// One row of the audit log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuditEntry {
    /// When, Unix seconds UTC.
    pub at: i64,
    /// Who did it (`None`: the command line, or nobody signed in).
    pub account_id: Option<i64>,
    /// Their e-mail, while the account exists.
    pub account_email: Option<String>,
    /// What (the stored name; an unknown name from a newer version is kept as is).
    pub action: String,
    /// Which record or account it is about (`account:<id>` for accounts).
    pub record_id: Option<String>,
    /// What else is worth keeping (a target state, counts); never personal data.
    pub detail: Option<String>,
}

/// Which audit rows to show; every field narrows.
#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    /// Rows by this account id.
    pub account_id: Option<i64>,
    /// Rows of this action.
    pub action: Option<Action>,
    /// Rows about this record id.
    pub record_id: Option<String>,
    /// From this time on (Unix seconds, inclusive).
    pub from: Option<i64>,
    /// Before this time (Unix seconds, exclusive).
    pub until: Option<i64>,
    /// At most this many rows, newest first.
    pub limit: u32,
}

/// How the audit log names an account as the subject of an action.
pub fn account_subject(id: i64) -> String {
    format!("account:{id}")
}

impl Db {
    /// Appends a row.
    pub fn audit(
        &self,
        at: i64,
        account_id: Option<i64>,
        action: Action,
        record_id: Option<&str>,
    ) -> Result<()> {
        self.audit_detail(at, account_id, action, record_id, None)
    }

    /// Appends a row with a detail (a target state, counts — never personal data).
    pub fn audit_detail(
        &self,
        at: i64,
        account_id: Option<i64>,
        action: Action,
        record_id: Option<&str>,
        detail: Option<&str>,
    ) -> Result<()> {
        self.conn.execute(
            "INSERT INTO web_audit_log (at, account_id, action, record_id, detail) \
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![at, account_id, action.as_str(), record_id, detail],
        )?;
        Ok(())
    }

    /// The rows that pass `filter`, newest first.
    pub fn audit_entries(&self, filter: &AuditFilter) -> Result<Vec<AuditEntry>> {
        let mut sql = String::from(
            "SELECT l.at, l.account_id, a.email, l.action, l.record_id, l.detail FROM web_audit_log l \
             LEFT JOIN web_accounts a ON a.id = l.account_id WHERE 1 = 1",
        );
        let mut args: Vec<Box<dyn ToSql>> = Vec::new();
        let mut add = |clause: &str, value: Box<dyn ToSql>| {
            args.push(value);
            sql.push_str(&format!(" AND {clause} ?{}", args.len()));
        };
        if let Some(id) = filter.account_id {
            add("l.account_id =", Box::new(id));
        }
        if let Some(action) = filter.action {
            add("l.action =", Box::new(action.as_str()));
        }
        if let Some(record) = &filter.record_id {
            add("l.record_id =", Box::new(record.clone()));
        }
        if let Some(from) = filter.from {
            add("l.at >=", Box::new(from));
        }
        if let Some(until) = filter.until {
            add("l.at <", Box::new(until));
        }
        args.push(Box::new(filter.limit));
        sql.push_str(&format!(" ORDER BY l.id DESC LIMIT ?{}", args.len()));
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(
            rusqlite::params_from_iter(args.iter().map(std::convert::AsRef::as_ref)),
            |r| {
                Ok(AuditEntry {
                    at: r.get(0)?,
                    account_id: r.get(1)?,
                    account_email: r.get(2)?,
                    action: r.get(3)?,
                    record_id: r.get(4)?,
                    detail: r.get(5)?,
                })
            },
        )?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
