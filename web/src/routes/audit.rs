//! `GET /audit`: the coordinator's view of the audit log, filtered by a GET form.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Query, State};
use chrono::NaiveDate;
use serde::Deserialize;

use crate::auth::extract::Coordinator;
use crate::error::Result;
use crate::state::AppState;
use crate::store::{Action, AuditFilter, normalise_email};
use crate::views::{Layout, date_time};

/// Rows shown at most.
const LIMIT: u32 = 500;

/// The filter form, as typed (kept to fill the form again).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct AuditQuery {
    #[serde(default)]
    compte: String,
    #[serde(default)]
    action: String,
    #[serde(default)]
    fiche: String,
    #[serde(default)]
    du: String,
    #[serde(default)]
    au: String,
}

struct Row {
    at: String,
    who: String,
    action: String,
    record: String,
    detail: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "audit.html")]
pub struct AuditPage {
    layout: Layout,
    query: AuditQuery,
    actions: Vec<(&'static str, &'static str)>,
    rows: Vec<Row>,
    problems: Vec<&'static str>,
    limit: u32,
}

fn day_start(text: &str) -> Option<i64> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .ok()
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(|d| d.and_utc().timestamp())
}

/// `GET /audit?compte=&action=&fiche=&du=&au=` (dates `aaaa-mm-jj`, both days
/// included; the account by e-mail or id).
pub async fn list(
    State(state): State<AppState>,
    user: Coordinator,
    Query(query): Query<AuditQuery>,
) -> Result<AuditPage> {
    let mut problems = Vec::new();
    let mut filter = AuditFilter {
        limit: LIMIT,
        ..AuditFilter::default()
    };
    let q = |s: &str| Some(s.trim().to_owned()).filter(|s| !s.is_empty());
    if let Some(a) = q(&query.action) {
        match a.parse::<Action>() {
            Ok(a) => filter.action = Some(a),
            Err(_) => problems.push(explor_engine::fr::audit::UNKNOWN_ACTION_FILTER),
        }
    }
    filter.record_id = q(&query.fiche);
    if let Some(d) = q(&query.du) {
        filter.from = day_start(&d);
        if filter.from.is_none() {
            problems.push(explor_engine::fr::audit::BAD_FROM_FILTER);
        }
    }
    if let Some(d) = q(&query.au) {
        filter.until = day_start(&d).map(|t| t + 86_400);
        if filter.until.is_none() {
            problems.push(explor_engine::fr::audit::BAD_TO_FILTER);
        }
    }
    let account = q(&query.compte);
    let rows = state
        .db()
        .read(move |db| {
            let mut filter = filter;
            if let Some(who) = account {
                let id = match who.parse::<i64>() {
                    Ok(id) => Some(id),
                    Err(_) => match normalise_email(&who) {
                        Ok(email) => db.account_by_email(&email)?.map(|a| a.id),
                        Err(_) => None,
                    },
                };
                // An unknown account matches nothing rather than everything.
                filter.account_id = Some(id.unwrap_or(-1));
            }
            db.audit_entries(&filter)
        })
        .await?;
    let rows = rows
        .into_iter()
        .map(|e| Row {
            at: date_time(e.at),
            who: match (e.account_email, e.account_id) {
                (Some(email), _) => email,
                (None, Some(id)) => explor_engine::fr::audit::deleted_account(id),
                (None, None) => "—".to_owned(),
            },
            action: e
                .action
                .parse::<Action>()
                .map_or(e.action, |a| a.label().to_owned()),
            record: e.record_id.unwrap_or_default(),
            detail: e.detail.unwrap_or_default(),
        })
        .collect();
    Ok(AuditPage {
        layout: Layout::signed_in(explor_engine::fr::audit::TITLE, &user.0),
        query,
        actions: Action::ALL
            .iter()
            .map(|a| (a.as_str(), a.label()))
            .collect(),
        rows,
        problems,
        limit: LIMIT,
    })
}
