//! How records are named for people: an expert with their employer (or status), an
//! offer with its company, a need by its title, an association by its name.

use std::collections::HashMap;

use explor_engine::Record;
use explor_indexer::{Result, Workspace};

/// A record's name for people.
pub fn record_name(r: &Record) -> String {
    match r {
        Record::Expert(e) => match &e.employer {
            Some(emp) => format!("{} ({})", e.name, emp.name),
            None => format!(
                "{} ({})",
                e.name,
                explor_engine::fr::records::status(e.status)
            ),
        },
        Record::Offer(o) => format!("{} — {}", o.company.name, o.title),
        Record::Need(n) => n.title.clone(),
        Record::Association(a) => a.name.clone(),
    }
}

/// Readable names by id, for the records a view lists.
#[derive(Debug, Clone, Default)]
pub struct Names(HashMap<String, String>);

impl Names {
    /// The names of these ids (a need also shows its country); ids the store does not
    /// hold (erased people) get none.
    pub fn of<'i>(ws: &Workspace, ids: impl IntoIterator<Item = &'i str>) -> Result<Self> {
        Ok(Self(
            ws.records_by_ids(ids)?
                .into_iter()
                .map(|r| {
                    let name = match &r {
                        Record::Need(n) => format!("{} ({})", record_name(&r), n.country),
                        _ => record_name(&r),
                    };
                    (r.id().to_owned(), name)
                })
                .collect(),
        ))
    }

    /// The names of these ids as [`record_name`] gives them (needs without country).
    pub fn plain<'i>(ws: &Workspace, ids: impl IntoIterator<Item = &'i str>) -> Result<Self> {
        Ok(Self(
            ws.records_by_ids(ids)?
                .into_iter()
                .map(|r| (r.id().to_owned(), record_name(&r)))
                .collect(),
        ))
    }

    /// Sets the name of one id.
    pub fn insert(&mut self, id: String, name: String) {
        self.0.insert(id, name);
    }

    /// The name of `id`, or "" when it has none.
    pub fn get(&self, id: &str) -> &str {
        self.0.get(id).map_or("", String::as_str)
    }
}
