//! Records posted (or changed) from the web app and waiting for a coordinator: as the programme
//! says, a need or an offer is discussed with the network before it goes in. A
//! submission holds the record as it was entered; only once a coordinator validates it
//! is it imported into the workspace (and from then on matched).

use rusqlite::{OptionalExtension, Row, params};
use serde::Serialize;

use super::Db;
use crate::error::{InternalError, Result};

/// Where a submission stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReviewState {
    /// Waiting for a coordinator.
    Submitted,
    /// The coordinator asked for changes (with a message).
    ChangesRequested,
    /// Validated: the record is in the workspace.
    Validated,
}

impl ReviewState {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            ReviewState::Submitted => "submitted",
            ReviewState::ChangesRequested => "changes_requested",
            ReviewState::Validated => "validated",
        }
    }

    /// The French label shown in pages.
    pub fn label(self) -> &'static str {
        match self {
            ReviewState::Submitted => explor_engine::fr::web::PENDING_REVIEW,
            ReviewState::ChangesRequested => explor_engine::fr::web::CHANGES_REQUESTED,
            ReviewState::Validated => explor_engine::fr::web::VALIDATED,
        }
    }

    fn parse(s: &str) -> Option<Self> {
        [
            ReviewState::Submitted,
            ReviewState::ChangesRequested,
            ReviewState::Validated,
        ]
        .into_iter()
        .find(|r| r.as_str() == s)
    }
}

/// A record posted from the web app.
#[derive(Debug, Clone, PartialEq)]
pub struct Submission {
    /// Its number.
    pub id: i64,
    /// The record's id (the need's or the offer's).
    pub record_id: String,
    /// The record kind's stored name (`need`, `offer`).
    pub kind: String,
    /// The association or company it belongs to.
    pub org_id: String,
    /// The record as entered (JSON).
    pub body: serde_json::Value,
    /// Where it stands.
    pub state: ReviewState,
    /// The coordinator's last message.
    pub message: Option<String>,
    /// Who posted it.
    pub submitted_by: Option<i64>,
    /// When it was posted, Unix seconds UTC.
    pub created_at: i64,
    /// When it last changed, Unix seconds UTC.
    pub updated_at: i64,
}

fn submission(r: &Row<'_>) -> rusqlite::Result<(Submission, String, String)> {
    Ok((
        Submission {
            id: r.get(0)?,
            record_id: r.get(1)?,
            kind: r.get(2)?,
            org_id: r.get(3)?,
            body: serde_json::Value::Null,
            state: ReviewState::Submitted,
            message: r.get(6)?,
            submitted_by: r.get(7)?,
            created_at: r.get(8)?,
            updated_at: r.get(9)?,
        },
        r.get(4)?,
        r.get(5)?,
    ))
}

fn finish((mut s, body, state): (Submission, String, String)) -> Result<Submission> {
    s.body = serde_json::from_str(&body)
        .map_err(|e| InternalError::Corrupt(format!("submission {}: {e}", s.id)))?;
    s.state = ReviewState::parse(&state)
        .ok_or_else(|| InternalError::Corrupt(format!("submission {}: state {state}", s.id)))?;
    Ok(s)
}

const COLUMNS: &str = "id, record_id, kind, org_id, body, state, message, submitted_by, \
                       created_at, updated_at";

impl Db {
    /// Stores a new submission; returns its number.
    pub fn insert_submission(
        &self,
        record_id: &str,
        kind: &str,
        org_id: &str,
        body: &serde_json::Value,
        by: i64,
        now: i64,
    ) -> Result<i64> {
        self.conn.execute(
            "INSERT INTO web_submissions (record_id, kind, org_id, body, state, submitted_by, \
             created_at, updated_at) VALUES (?1, ?2, ?3, ?4, 'submitted', ?5, ?6, ?6)",
            params![record_id, kind, org_id, body.to_string(), by, now],
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    /// Replaces a submission's record (the association's corrected version): it waits
    /// for the coordinator again.
    pub fn resubmit(&self, id: i64, body: &serde_json::Value, now: i64) -> Result<()> {
        self.conn.execute(
            "UPDATE web_submissions SET body = ?2, state = 'submitted', updated_at = ?3 \
             WHERE id = ?1 AND state != 'validated'",
            params![id, body.to_string(), now],
        )?;
        Ok(())
    }

    /// A published record changed by its owner: the submission that brought it in (or
    /// any earlier one for that record) holds the new version and waits for the
    /// coordinator again, the last message cleared. Returns its number; a record
    /// entered by a file, never submitted, gets a new submission.
    pub fn submit_change(
        &self,
        record_id: &str,
        kind: &str,
        org_id: &str,
        body: &serde_json::Value,
        by: i64,
        now: i64,
    ) -> Result<i64> {
        match self.submission_of_record(record_id)? {
            Some(s) => {
                self.conn.execute(
                    "UPDATE web_submissions SET body = ?2, state = 'submitted', message = NULL, \
                     submitted_by = ?3, updated_at = ?4 WHERE id = ?1",
                    params![s.id, body.to_string(), by, now],
                )?;
                Ok(s.id)
            }
            None => self.insert_submission(record_id, kind, org_id, body, by, now),
        }
    }

    /// The submission of a record, if it was ever submitted from the web app.
    pub fn submission_of_record(&self, record_id: &str) -> Result<Option<Submission>> {
        self.submission_where("record_id = ?1", &record_id)
    }

    /// Sets a submission's state and the coordinator's message.
    pub fn review(
        &self,
        id: i64,
        state: ReviewState,
        message: Option<&str>,
        now: i64,
    ) -> Result<()> {
        self.conn.execute(
            "UPDATE web_submissions SET state = ?2, message = ?3, updated_at = ?4 WHERE id = ?1",
            params![id, state.as_str(), message, now],
        )?;
        Ok(())
    }

    /// The submission with this number.
    pub fn submission(&self, id: i64) -> Result<Option<Submission>> {
        self.submission_where("id = ?1", &id)
    }

    /// The one submission whose row meets `condition` (on a unique column).
    fn submission_where(
        &self,
        condition: &str,
        value: &dyn rusqlite::ToSql,
    ) -> Result<Option<Submission>> {
        self.conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM web_submissions WHERE {condition}"),
                [value],
                submission,
            )
            .optional()?
            .map(finish)
            .transpose()
    }

    /// Submissions, newest first: of one organisation, or all of them; only those in
    /// `states` when given.
    pub fn submissions(
        &self,
        org_id: Option<&str>,
        states: &[ReviewState],
    ) -> Result<Vec<Submission>> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {COLUMNS} FROM web_submissions WHERE (?1 IS NULL OR org_id = ?1) \
             ORDER BY updated_at DESC, id DESC"
        ))?;
        let rows = stmt.query_map([org_id], submission)?;
        let mut out = Vec::new();
        for row in rows {
            let s = finish(row?)?;
            if states.is_empty() || states.contains(&s.state) {
                out.push(s);
            }
        }
        Ok(out)
    }
}
