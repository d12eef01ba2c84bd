//! Ranked candidates with their reasons, and the excluded with the gates that excluded
//! them: `explor match` and a need's page.

use explor_engine::CandidateKind;
use explor_engine::Record;
use explor_engine::scoring::{
    Criterion, Excluded, Flag, Gate, GateFailure, MatchResult, NeedsResult, Scored, main_reasons,
};
use explor_indexer::{MatchOptions, Result, Workspace};

use crate::names::Names;
use crate::table::Table;
use crate::words::{joined, word};
use explor_engine::fr::{self, headers};

/// The candidates for one need, ranked and explained.
#[derive(Debug, Clone)]
pub struct NeedMatch {
    /// What the engine returned (the JSON output is exactly this).
    pub result: MatchResult,
    /// The need in one line: id, title, place, days and window.
    pub heading: Option<String>,
    /// Said once above the list: places already staffed, the destination's travel advice.
    pub notes: Vec<String>,
    names: Names,
}

/// The needs an expert or an offer could serve.
#[derive(Debug, Clone)]
pub struct CandidateMatch {
    /// What the engine returned (the JSON output is exactly this).
    pub result: NeedsResult,
    /// The candidate's name.
    pub who: String,
    names: Names,
}

impl NeedMatch {
    /// Ranks the candidates for `need_id`.
    pub fn build(ws: &Workspace, need_id: &str, opts: MatchOptions) -> Result<Self> {
        let result = ws.match_need(need_id, opts)?;
        let names = Names::of(ws, listed_ids(&result.candidates, &result.excluded))?;
        let mut heading = None;
        let mut notes = Vec::new();
        if let Record::Need(n) = ws.record(need_id)? {
            let place = format!(
                "{}{}",
                n.city
                    .as_deref()
                    .map(|c| format!("{c}, "))
                    .unwrap_or_default(),
                n.country
            );
            heading = Some(fr::matching::heading(
                &n.id,
                &n.title,
                &place,
                n.duration_days,
                &fr::window(&n.window),
            ));
            if let Some((people, missions)) = ws.staffed_needs()?.get(&n.id) {
                notes.push(fr::matching::staffed(
                    *people,
                    n.experts_wanted,
                    &missions.join(", "),
                ));
            }
        }
        notes.extend(destination_advice(&result.candidates));
        Ok(Self {
            result,
            heading,
            notes,
            names,
        })
    }

    /// The eligible candidates: rank, id, name, score, dates, main reasons, what to check.
    pub fn ranked(&self) -> Table {
        ranked_table(&self.result.candidates, &self.names, Listed::Candidates)
    }

    /// The excluded candidates and why.
    pub fn excluded(&self) -> Table {
        excluded_table(&self.result.excluded, &self.names)
    }

    /// Why the excluded are excluded, one line per gate with counts (empty unless the
    /// excluded were asked for).
    pub fn exclusion_summary(&self) -> Vec<String> {
        exclusion_summary(&self.result.excluded)
    }

    /// When the need itself bars every candidate (its destination is advised against):
    /// the lines [`exclusion_summary`](Self::exclusion_summary) would give, every
    /// candidate counted, said without judging any of them. `None` when candidates may
    /// pass.
    pub fn barred_summary(ws: &Workspace, need_id: &str) -> Result<Option<Vec<String>>> {
        Ok(ws.need_barred(need_id)?.map(|(failures, candidates)| {
            failures
                .iter()
                .map(|f| exclusion_line(candidates, &f.detail))
                .collect()
        }))
    }

    /// How many excluded candidates fail on their employer's consent (pending,
    /// refused, or not valid over the dates).
    pub fn excluded_for_consent(&self) -> usize {
        self.result
            .excluded
            .iter()
            .filter(|x| x.reasons.iter().any(|r| r.gate == Gate::Consent))
            .count()
    }

    /// The name of a listed candidate.
    pub fn name(&self, id: &str) -> &str {
        self.names.get(id)
    }

    /// Every candidate listed, eligible then excluded, with each criterion's value.
    pub fn csv(&self) -> Table {
        csv_table(&self.result.candidates, &self.result.excluded, &self.names)
    }
}

impl CandidateMatch {
    /// Ranks the needs that expert or offer `id` could serve.
    pub fn build(ws: &Workspace, id: &str, opts: MatchOptions) -> Result<Self> {
        let result = ws.match_candidate(id, opts)?;
        let names = Names::of(ws, listed_ids(&result.needs, &result.excluded))?;
        let who = Names::of(ws, [id])?.get(id).to_owned();
        Ok(Self { result, who, names })
    }

    /// The needs it fits, ranked.
    pub fn ranked(&self) -> Table {
        ranked_table(&self.result.needs, &self.names, Listed::Needs)
    }

    /// The needs it does not fit, and why.
    pub fn excluded(&self) -> Table {
        excluded_table(&self.result.excluded, &self.names)
    }

    /// How many open needs were left out as outside the candidate's field, said in a
    /// sentence; `None` when none were.
    pub fn left_out(&self) -> Option<String> {
        match self.result.outside_field {
            0 => None,
            1 => Some(explor_engine::fr::views::ONE_NEED_LEFT_OUT.into()),
            n => Some(explor_engine::fr::views::needs_left_out(n)),
        }
    }

    /// Every need listed, fitting then not, with each criterion's value.
    pub fn csv(&self) -> Table {
        csv_table(&self.result.needs, &self.result.excluded, &self.names)
    }
}

fn listed_ids<'r>(ranked: &'r [Scored], excluded: &'r [Excluded]) -> impl Iterator<Item = &'r str> {
    ranked
        .iter()
        .map(|c| c.id.as_str())
        .chain(excluded.iter().map(|x| x.id.as_str()))
}

/// Travel advice concerns the destination, not the candidate: the first note, once.
fn destination_advice(candidates: &[Scored]) -> Option<String> {
    candidates
        .iter()
        .flat_map(|c| &c.flags)
        .find(|f| f.gate == Gate::TravelAdvice)
        .map(|f| f.detail.clone())
}

/// What a ranked list holds: candidates for a need, or needs for a candidate.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Listed {
    Candidates,
    Needs,
}

/// Each criterion of a score: its id, the points it adds, its share of the weights
/// (percent), and why.
pub fn breakdown(s: &Scored) -> Table {
    let total: f64 = s
        .criteria
        .iter()
        .map(|c| c.weight)
        .sum::<f64>()
        .max(f64::EPSILON);
    let mut t = Table::new(&headers::BREAKDOWN);
    for c in &s.criteria {
        t.push(vec![
            c.criterion.label_fr().to_owned(),
            fr::decimal1(c.contribution),
            format!("{:.0}", 100.0 * c.weight / total),
            c.detail.clone(),
        ]);
    }
    t
}

/// The main reasons of a score, in words.
pub fn why(s: &Scored) -> String {
    joined(main_reasons(&s.criteria).iter().map(|c| &c.detail), " ; ")
}

/// The flags of an eligible candidate except the destination's travel advice, which
/// a view says once for the whole list.
pub fn checks(flags: &[Flag]) -> String {
    joined(
        flags
            .iter()
            .filter(|f| f.gate != Gate::TravelAdvice)
            .map(|f| &f.detail),
        " ; ",
    )
}

/// One line per gate that excluded candidates, the most frequent first: how many, and
/// why — the reason itself when every one of them fails that gate in the same words (a
/// destination advised against), else the gate's name. A candidate failing several
/// gates counts on each of their lines.
pub fn exclusion_summary(excluded: &[Excluded]) -> Vec<String> {
    // Per gate: candidates failing it, the first reason, whether all reasons agree.
    let mut by_gate: Vec<(Gate, usize, &str, bool)> = Vec::new();
    for x in excluded {
        for r in &x.reasons {
            match by_gate.iter_mut().find(|(g, ..)| *g == r.gate) {
                Some((_, n, first, same)) => {
                    *n += 1;
                    *same &= *first == r.detail;
                }
                None => by_gate.push((r.gate, 1, &r.detail, true)),
            }
        }
    }
    by_gate.sort_by(|a, b| {
        b.1.cmp(&a.1).then_with(|| {
            let rank = |g: Gate| Gate::ALL.iter().position(|x| *x == g);
            rank(a.0).cmp(&rank(b.0))
        })
    });
    by_gate
        .into_iter()
        .map(|(gate, n, first, same)| {
            if same {
                exclusion_line(n, first)
            } else {
                exclusion_line(n, gate.label_fr())
            }
        })
        .collect()
}

/// `115 candidats exclus : why`.
fn exclusion_line(n: usize, why: &str) -> String {
    let who = if n == 1 {
        "1 candidat exclu".to_owned()
    } else {
        format!("{n} candidats exclus")
    };
    format!("{who} : {why}")
}

/// `gate : detail` for each gate failed or flag raised (the gate in French), joined
/// by `sep`.
pub fn gate_lines<'g>(items: impl IntoIterator<Item = (Gate, &'g str)>, sep: &str) -> String {
    joined(
        items
            .into_iter()
            .map(|(gate, detail)| format!("{} : {detail}", gate.label_fr())),
        sep,
    )
}

/// `gate_id: detail` for each gate, joined by `sep`: CSV cells, which scripts split
/// on the gate's id.
pub fn gate_codes<'g>(items: impl IntoIterator<Item = (Gate, &'g str)>, sep: &str) -> String {
    joined(
        items
            .into_iter()
            .map(|(gate, detail)| format!("{}: {detail}", gate.id())),
        sep,
    )
}

fn failures(reasons: &[GateFailure]) -> impl Iterator<Item = (Gate, &str)> {
    reasons.iter().map(|r| (r.gate, r.detail.as_str()))
}

fn ranked_table(list: &[Scored], names: &Names, listed: Listed) -> Table {
    let mut header = headers::RANKED;
    if listed == Listed::Needs {
        header[1] = headers::NEED;
    }
    let mut t = Table::new(&header);
    for (i, s) in list.iter().enumerate() {
        let offer = if s.kind == CandidateKind::Offer && listed == Listed::Candidates {
            fr::batch::OFFER
        } else {
            ""
        };
        let check = match listed {
            Listed::Candidates => checks(&s.flags),
            Listed::Needs => joined(s.flags.iter().map(|f| &f.detail), " ; "),
        };
        t.push(vec![
            (i + 1).to_string(),
            format!("{}{offer}", s.id),
            names.get(&s.id).to_owned(),
            fr::decimal1(s.score),
            format!("{} → {}", fr::date(s.start), fr::date(s.end)),
            why(s),
            check,
        ]);
    }
    t
}

fn excluded_table(list: &[Excluded], names: &Names) -> Table {
    let mut t = Table::new(&headers::EXCLUDED);
    for x in list {
        t.push(vec![
            x.id.clone(),
            names.get(&x.id).to_owned(),
            gate_lines(failures(&x.reasons), "\n"),
        ]);
    }
    t
}

fn csv_table(list: &[Scored], excluded: &[Excluded], names: &Names) -> Table {
    let mut header: Vec<&str> = vec![
        "rank", "id", "kind", "name", "eligible", "score", "start", "end",
    ];
    header.extend(Criterion::ALL.map(Criterion::id));
    header.extend(["flags", "reasons"]);
    let mut t = Table::new(&header);
    for (i, s) in list.iter().enumerate() {
        let mut row = vec![
            (i + 1).to_string(),
            s.id.clone(),
            word(&s.kind),
            names.get(&s.id).to_owned(),
            "true".into(),
            format!("{:.2}", s.score),
            s.start.to_string(),
            s.end.to_string(),
        ];
        row.extend(Criterion::ALL.map(|c| {
            s.criteria
                .iter()
                .find(|x| x.criterion == c)
                .map_or_else(String::new, |x| format!("{:.4}", x.value))
        }));
        row.push(gate_codes(
            s.flags.iter().map(|f| (f.gate, f.detail.as_str())),
            " | ",
        ));
        t.push(row);
    }
    for x in excluded {
        let mut row = vec![
            String::new(),
            x.id.clone(),
            word(&x.kind),
            names.get(&x.id).to_owned(),
            "false".into(),
        ];
        row.resize(header.len() - 1, String::new());
        row.push(gate_codes(failures(&x.reasons), " | "));
        t.push(row);
    }
    t
}
