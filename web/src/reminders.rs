//! Proposals left without an answer: once a mission has been `proposed` for the
//! configured delay ([`Settings::answer_delay_days`](crate::config::Settings)), each
//! party that has not answered is reminded — once, in the app and by e-mail — and the
//! coordinator's dashboard flags the mission. `explor serve` looks every hour.

use std::time::Duration;

use chrono::NaiveDate;
use explor_engine::Record;
use explor_engine::mission::{Party, State as MissionState};
use rusqlite::params;

use crate::error::Result;
use crate::notify::{self, Audience, Notice};
use crate::state::AppState;
use crate::store::{Db, now};
use crate::views::{day, today};

/// How often `serve` looks for proposals to remind.
pub const EVERY: Duration = Duration::from_secs(3600);

fn party_key(p: &Party) -> String {
    match p {
        Party::Association => "association".to_owned(),
        Party::Expert(id) => format!("expert:{id}"),
    }
}

impl Db {
    /// Records that a party was reminded of a mission; `false` if it already was.
    fn remember_reminder(&self, mission: &str, party: &str, at: i64) -> Result<bool> {
        Ok(self.conn.execute(
            "INSERT OR IGNORE INTO web_reminders (mission_id, party, at) VALUES (?1, ?2, ?3)",
            params![mission, party, at],
        )? == 1)
    }
}

/// Reminds, once, every party that has left a proposal unanswered for the delay, as
/// of `on`. Returns how many reminders were sent.
pub async fn remind(state: &AppState, on: NaiveDate) -> Result<usize> {
    let delay = state.settings().answer_delay_days;
    let due = state
        .with_workspace(move |ws| {
            let mut due = Vec::new();
            for m in ws.missions()? {
                if m.state() != MissionState::Proposed || (on - m.created_on()).num_days() < delay {
                    continue;
                }
                let Ok(Record::Need(need)) = ws.record(&m.need) else {
                    continue;
                };
                for party in m.awaiting() {
                    due.push((
                        m.id.clone(),
                        need.title.clone(),
                        need.association.clone(),
                        m.created_on(),
                        party,
                    ));
                }
            }
            Ok(due)
        })
        .await?;
    let (root, base) = (
        state.root().to_owned(),
        state.settings().base_url().to_owned(),
    );
    state
        .db()
        .run(move |db| {
            let mut sent = 0;
            for (mission, title, association, since, party) in due {
                if !db.remember_reminder(&mission, &party_key(&party), now())? {
                    continue;
                }
                let to = match &party {
                    Party::Association => Audience::Org(association),
                    Party::Expert(id) => Audience::Org(id.clone()),
                };
                let notice = Notice {
                    to,
                    subject: explor_engine::fr::web::REMINDER_SUBJECT.to_owned(),
                    text: explor_engine::fr::web::reminder(&mission, &title, day(since)),
                    link: "/mon-espace/propositions".to_owned(),
                };
                notify::send(db, &root, &base, &notice)?;
                sent += 1;
            }
            Ok(sent)
        })
        .await
}

/// Reminds every [`EVERY`], for as long as the server runs.
pub fn spawn(state: AppState) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(EVERY);
        loop {
            tick.tick().await;
            match remind(&state, today()).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(reminders = n, "proposals reminded"),
                Err(e) => tracing::warn!(error = %e, "reminders failed"),
            }
        }
    });
}
