//! A batch run as coordinators read it (tables, the meeting report in Markdown) and as
//! scripts read it (CSV; the JSON is the indexer's `BatchReport`).

use std::collections::BTreeSet;

use explor_engine::CandidateKind;
use explor_engine::batch::{Alternate, Assignment, Reason, Taken, Unserved};
use explor_engine::scoring::Gate;
use explor_indexer::{BatchRun, Result, Workspace};
use serde::Serialize;

use crate::matching::{checks, gate_codes, gate_lines};
use crate::names::Names;
use crate::table::Table;
use crate::words::{capitalised, word};
use explor_engine::fr::{batch as fr, headers};

/// Blocking assignments named in a cell before "and N more".
const SHOWN_BLOCKERS: usize = 4;

/// The meeting report's Markdown template.
const MARKDOWN: &str = include_str!("../templates/batch-report.md.j2");

/// A batch run with the names of everything it lists.
#[derive(Debug)]
pub struct BatchView<'r> {
    run: &'r BatchRun,
    names: Names,
}

/// One section of the report: a title and its table (empty sections are left out).
#[derive(Debug, Clone, Serialize)]
pub struct Section {
    /// For a terminal: `assignments`, `unserved`…
    pub key: &'static str,
    /// For a document: `Assignments`, `Unserved needs`…
    pub title: &'static str,
    /// Its rows.
    pub table: Table,
}

impl<'r> BatchView<'r> {
    /// Names the needs and candidates of `run`.
    pub fn build(ws: &Workspace, run: &'r BatchRun) -> Result<Self> {
        let mut names = Names::plain(ws, listed_candidates(run))?;
        for n in &run.needs {
            names.insert(n.id.clone(), format!("{} ({})", n.title, n.country));
        }
        Ok(Self { run, names })
    }

    /// One line: scope, needs covered, places filled, total score.
    pub fn summary(&self) -> String {
        let c = &self.run.batch.result.coverage;
        fr::summary(
            &self.scope(),
            &fr::coverage(
                c.covered,
                c.needs,
                c.places_filled,
                c.places_wanted,
                c.total_score,
            ),
        )
    }

    fn scope(&self) -> String {
        fr::scope(self.run.options.call.as_deref())
    }

    /// The summary with the run's settings and how the problem split.
    pub fn heading(&self) -> String {
        let r = &self.run.batch.result;
        format!(
            "{} ({}, {})",
            self.summary(),
            fr::settings(self.run.options.top_k, self.run.options.min_score),
            fr::parts(r.components)
        )
    }

    /// The sections that have rows, in the report's order.
    pub fn sections(&self) -> Vec<Section> {
        let r = &self.run.batch.result;
        let mut out = vec![Section {
            key: "assignments",
            title: headers::ASSIGNMENTS,
            table: self.assignments(),
        }];
        let mut add = |key, title, table: Table| {
            if !table.is_empty() {
                out.push(Section { key, title, table });
            }
        };
        add("unserved", headers::UNSERVED, self.unserved());
        add(
            "partly served",
            headers::PARTLY_SERVED,
            self.partly_served(),
        );
        add("travel advice", headers::TRAVEL_ADVICE, self.advice());
        if !r.alternates.is_empty() {
            add("alternates", headers::ALTERNATES, self.alternates());
        }
        out
    }

    /// Need, candidate, score, dates, main reasons, what to check.
    pub fn assignments(&self) -> Table {
        let mut t = Table::new(&headers::BATCH_ASSIGNMENTS);
        for a in &self.run.batch.result.assignments {
            let mut candidate = self.labelled(&a.candidate, Some(a.kind));
            if a.pinned {
                candidate.push_str(PINNED);
            }
            t.push(vec![
                self.labelled(&a.need, None),
                candidate,
                explor_engine::fr::decimal1(a.score),
                format!(
                    "{} → {}",
                    explor_engine::fr::date(a.start),
                    explor_engine::fr::date(a.end)
                ),
                a.reasons.join(" ; "),
                checks(&a.flags),
            ]);
        }
        t
    }

    /// Each unserved need and why.
    pub fn unserved(&self) -> Table {
        let mut t = Table::new(&headers::BATCH_UNSERVED);
        for u in &self.run.batch.result.unserved {
            t.push(vec![self.labelled(&u.need, None), self.reason(u)]);
        }
        t
    }

    /// Needs with some of their places filled.
    pub fn partly_served(&self) -> Table {
        let mut t = Table::new(&headers::BATCH_PARTLY);
        for p in &self.run.batch.result.partly_served {
            t.push(vec![
                self.labelled(&p.need, None),
                fr::filled(p.filled, p.wanted),
            ]);
        }
        t
    }

    /// The travel advice about the destinations of the needs assigned, once per need
    /// (the need by its id).
    pub fn advice(&self) -> Table {
        let mut t = Table::new(&headers::BATCH_ADVICE);
        for (need, note) in advice(&self.run.batch.result.assignments) {
            t.push(vec![need.to_owned(), note.to_owned()]);
        }
        t
    }

    /// The first two alternates of each need.
    pub fn alternates(&self) -> Table {
        let mut t = Table::new(&headers::BATCH_ALTERNATES);
        for (need, list) in &self.run.batch.result.alternates {
            let mut row = vec![self.labelled(need, None)];
            row.extend(list.iter().map(|a| self.alternate(a)));
            t.push(row);
        }
        t
    }

    /// The report for the coordinators' meeting, in Markdown.
    pub fn markdown(&self) -> std::result::Result<String, minijinja::Error> {
        let r = &self.run.batch.result;
        let c = &r.coverage;
        let o = &self.run.options;
        let mut env = minijinja::Environment::new();
        let syntax = minijinja::syntax::SyntaxConfig::builder()
            .trim_blocks(true)
            .keep_trailing_newline(true)
            .build()?;
        env.set_syntax(syntax);
        env.add_filter("md_cell", |text: String| {
            text.replace('|', "\\|").replace('\n', "<br>")
        });
        env.add_filter("rule", |header: Vec<String>| "---|".repeat(header.len()));
        env.add_template("batch-report.md", MARKDOWN)?;
        let advice: Vec<String> = advice(&r.assignments)
            .into_iter()
            .map(|(need, note)| format!("{} : {note}", self.labelled(need, None)))
            .collect();
        let mut sections = self.sections();
        sections.retain(|s| s.key != "travel advice");
        let settings = capitalised(&fr::settings(o.top_k, o.min_score));
        env.get_template("batch-report.md")?
            .render(minijinja::context! {
                scope => self.scope(),
                all => o.call.is_none(),
                coverage => fr::coverage(
                    c.covered,
                    c.needs,
                    c.places_filled,
                    c.places_wanted,
                    c.total_score,
                ),
                settings,
                sections => minijinja::Value::from(minijinja::value::Serde(
                    sections.into_iter().map(markdown_section).collect::<Vec<_>>()
                )),
                advice,
            })
    }

    /// One row per assignment, then one per unserved need (for spreadsheets).
    pub fn csv(&self) -> Table {
        let r = &self.run.batch.result;
        let mut t = Table::new(&[
            "status",
            "need",
            "need_title",
            "candidate",
            "kind",
            "name",
            "score",
            "weight",
            "start",
            "end",
            "reasons",
            "flags",
            "why_unserved",
            "pinned",
        ]);
        let title = |id: &str| {
            self.run
                .needs
                .iter()
                .find(|n| n.id == id)
                .map_or(String::new(), |n| n.title.clone())
        };
        for a in &r.assignments {
            t.push(vec![
                "assigned".to_owned(),
                a.need.clone(),
                title(&a.need),
                a.candidate.clone(),
                word(&a.kind),
                self.names.get(&a.candidate).to_owned(),
                format!("{:.2}", a.score),
                a.weight.to_string(),
                a.start.to_string(),
                a.end.to_string(),
                a.reasons.join(" | "),
                gate_codes(a.flags.iter().map(|f| (f.gate, f.detail.as_str())), " | "),
                String::new(),
                a.pinned.to_string(),
            ]);
        }
        for u in &r.unserved {
            let mut row = vec!["unserved".to_owned(), u.need.clone(), title(&u.need)];
            row.resize(12, String::new());
            row.push(self.reason(u).replace('\n', " "));
            row.push(String::new());
            t.push(row);
        }
        t
    }

    /// `id — name`, with "(offer)" for company offers.
    fn labelled(&self, id: &str, kind: Option<CandidateKind>) -> String {
        let offer = if kind == Some(CandidateKind::Offer) {
            fr::OFFER
        } else {
            ""
        };
        match self.names.get(id) {
            "" => format!("{id}{offer}"),
            n => format!("{id}{offer} — {n}"),
        }
    }

    fn reason(&self, u: &Unserved) -> String {
        match &u.reason {
            Reason::NoEligibleCandidate { nearest } if nearest.is_empty() => {
                fr::NOBODY_NEAR.to_owned()
            }
            Reason::NoEligibleCandidate { nearest } => {
                let mut s = fr::NEAREST.to_owned();
                for x in nearest {
                    let gates =
                        gate_lines(x.reasons.iter().map(|r| (r.gate, r.detail.as_str())), " ; ");
                    s.push_str(&format!(
                        "\n- {} : {gates}",
                        self.labelled(&x.id, Some(x.kind))
                    ));
                }
                s
            }
            Reason::BelowMinScore { best, score } => fr::below_min(
                &self.labelled(best, None),
                *score,
                self.run.options.min_score,
            ),
            Reason::CandidatesTaken { by } => {
                let mut list: Vec<String> = by.iter().take(SHOWN_BLOCKERS).map(taken).collect();
                if by.len() > SHOWN_BLOCKERS {
                    list.push(fr::more(by.len() - SHOWN_BLOCKERS));
                }
                fr::taken(&list.join(", "))
            }
            Reason::AllExcluded => fr::ALL_EXCLUDED.to_owned(),
        }
    }

    fn alternate(&self, a: &Alternate) -> String {
        let state = if a.free {
            fr::FREE.to_owned()
        } else if a.taken_by.is_empty() {
            fr::QUOTA_USED.to_owned()
        } else {
            fr::taken_by(&a.taken_by.join(", "))
        };
        format!(
            "{} {} ({state})",
            self.labelled(&a.candidate, Some(a.kind)),
            explor_engine::fr::decimal1(a.score)
        )
    }
}

/// How a pinned assignment is marked, after its candidate.
pub const PINNED: &str = fr::PINNED;

/// Every candidate the report may name: assigned, alternates, nearest, blockers.
fn listed_candidates(run: &BatchRun) -> Vec<&str> {
    let r = &run.batch.result;
    let mut ids: Vec<&str> = r.assignments.iter().map(|a| a.candidate.as_str()).collect();
    ids.extend(
        r.alternates
            .values()
            .flatten()
            .map(|a| a.candidate.as_str()),
    );
    for u in &r.unserved {
        match &u.reason {
            Reason::NoEligibleCandidate { nearest } => {
                ids.extend(nearest.iter().map(|x| x.id.as_str()));
            }
            Reason::BelowMinScore { best, .. } => ids.push(best),
            Reason::CandidatesTaken { by } => ids.extend(by.iter().map(|t| t.candidate.as_str())),
            Reason::AllExcluded => {}
        }
    }
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// The travel advice notes of the assignments, once per need, by need.
fn advice(assignments: &[Assignment]) -> BTreeSet<(&str, &str)> {
    assignments
        .iter()
        .flat_map(|a| {
            a.flags
                .iter()
                .filter(|f| f.gate == Gate::TravelAdvice)
                .map(|f| (a.need.as_str(), f.detail.as_str()))
        })
        .collect()
}

fn taken(t: &Taken) -> String {
    match &t.quota_of {
        None => format!("{} → {}", t.candidate, t.need),
        Some(co) => format!("{} → {} ({})", t.candidate, t.need, fr::quota_of(co)),
    }
}

/// A section for the Markdown template: the document's column titles.
fn markdown_section(s: Section) -> Section {
    let header: &[&str] = match s.key {
        "assignments" => &headers::BATCH_ASSIGNMENTS,
        "unserved" => &headers::BATCH_UNSERVED,
        "partly served" => &headers::BATCH_PARTLY,
        _ => &headers::BATCH_ALTERNATES,
    };
    Section {
        table: Table {
            header: header.iter().map(|h| capitalised(h)).collect(),
            rows: s.table.rows,
        },
        ..s
    }
}
