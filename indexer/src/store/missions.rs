//! Missions and their event log in the store.
//!
//! A mission row holds what never changes (need, staff, dates, payer); everything that
//! happens to it is a row of `mission_events`. Triggers make both tables refuse
//! updates and deletes, so the log is append-only even for a hand-written SQL query.

use explor_engine::mission::{Event, Mission};
use rusqlite::{OptionalExtension, params};
use serde::{Deserialize, Serialize};

use super::{Store, corrupt};
use crate::error::{Corruption, InternalError, Result};

/// The `body` of a mission row: the parts of a mission that never change.
#[derive(Serialize, Deserialize)]
struct MissionBody {
    staff: explor_engine::mission::Staff,
    dates: explor_engine::DateWindow,
    payer: explor_engine::cost::RemainderPayer,
}

fn encode<T: Serialize>(id: &str, value: &T) -> Result<String> {
    serde_json::to_string(value).map_err(|source| {
        InternalError::Encode {
            id: id.to_owned(),
            source,
        }
        .into()
    })
}

impl Store {
    /// The number the next mission id takes: one more than the highest `mis-NNNN`.
    pub fn next_mission_number(&self) -> Result<u32> {
        let highest: Option<i64> = self.conn.query_row(
            "SELECT MAX(CAST(substr(id, 5) AS INTEGER)) FROM missions WHERE id LIKE 'mis-%'",
            [],
            |r| r.get(0),
        )?;
        Ok(u32::try_from(highest.unwrap_or(0)).unwrap_or(u32::MAX - 1) + 1)
    }

    /// Stores new missions with their first events, all or none.
    pub fn insert_missions(&mut self, missions: &[Mission]) -> Result<()> {
        let tx = self.conn.transaction()?;
        {
            let mut row =
                tx.prepare_cached("INSERT INTO missions (id, need, body) VALUES (?1, ?2, ?3)")?;
            let mut event = tx.prepare_cached(
                "INSERT INTO mission_events (mission, seq, body) VALUES (?1, ?2, ?3)",
            )?;
            for m in missions {
                let body = MissionBody {
                    staff: m.staff.clone(),
                    dates: m.dates,
                    payer: m.payer,
                };
                row.execute(params![m.id, m.need, encode(&m.id, &body)?])?;
                for e in &m.events {
                    event.execute(params![m.id, e.seq, encode(&m.id, e)?])?;
                }
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// Appends one event to a mission's log.
    pub fn append_event(&mut self, mission: &str, event: &Event) -> Result<()> {
        self.conn.execute(
            "INSERT INTO mission_events (mission, seq, body) VALUES (?1, ?2, ?3)",
            params![mission, event.seq, encode(mission, event)?],
        )?;
        Ok(())
    }

    /// The mission with this id, with its log.
    pub fn mission(&self, id: &str) -> Result<Option<Mission>> {
        let row: Option<(String, String)> = self
            .conn
            .query_row(
                "SELECT need, body FROM missions WHERE id = ?1",
                params![id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        match row {
            None => Ok(None),
            Some((need, body)) => {
                let events = self.events_of(id)?;
                decode_mission(id, need, &body, events).map(Some)
            }
        }
    }

    /// Every mission with its log, by id.
    pub fn missions(&self) -> Result<Vec<Mission>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id, need, body FROM missions ORDER BY id")?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
            ))
        })?;
        let mut fixed = Vec::new();
        for row in rows {
            fixed.push(row?);
        }
        let mut events = self.all_events()?;
        fixed
            .into_iter()
            .map(|(id, need, body)| {
                let log = events.remove(&id).unwrap_or_default();
                decode_mission(&id, need, &body, log)
            })
            .collect()
    }

    fn events_of(&self, id: &str) -> Result<Vec<Event>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT body FROM mission_events WHERE mission = ?1 ORDER BY seq")?;
        let rows = stmt.query_map(params![id], |r| r.get::<_, String>(0))?;
        let mut out = Vec::new();
        for body in rows {
            out.push(serde_json::from_str(&body?).map_err(|e| corrupt(id, e))?);
        }
        Ok(out)
    }

    fn all_events(&self) -> Result<std::collections::HashMap<String, Vec<Event>>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT mission, body FROM mission_events ORDER BY mission, seq")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
        let mut out: std::collections::HashMap<String, Vec<Event>> = Default::default();
        for row in rows {
            let (id, body) = row?;
            let event = serde_json::from_str(&body).map_err(|e| corrupt(&id, e))?;
            out.entry(id).or_default().push(event);
        }
        Ok(out)
    }
}

fn decode_mission(id: &str, need: String, body: &str, events: Vec<Event>) -> Result<Mission> {
    let stored: MissionBody = serde_json::from_str(body).map_err(|e| corrupt(id, e))?;
    if events.is_empty() {
        return Err(corrupt(id, Corruption::NoEvent));
    }
    Ok(Mission {
        id: id.to_owned(),
        need,
        staff: stored.staff,
        dates: stored.dates,
        payer: stored.payer,
        events,
    })
}
