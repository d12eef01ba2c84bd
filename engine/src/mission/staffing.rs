//! Who may go on a mission on chosen dates, and what the mission's cost plan is
//! computed from.

use crate::cost::{CostInput, Overrides};
use crate::model::{EmployerKind, Expert, Need, NeedKind, Offer};
use crate::schema::MISSION_DAYS;
use crate::scoring::{Flag, Scorer, Subject};
use crate::values::{DateWindow, Money};

use super::{Mission, MissionError, people_sent};

/// A proposed staffing of a need, to check before a mission is created.
#[derive(Debug, Clone)]
pub struct Staffing<'a> {
    /// The need.
    pub need: &'a Need,
    /// The experts named, or the one offer.
    pub subjects: Vec<Subject<'a>>,
    /// The chosen dates.
    pub dates: DateWindow,
    /// Missions already serving the need (not cancelled), with their number of people.
    pub existing: Vec<(String, u32)>,
}

impl Staffing<'_> {
    /// How many people the need still wants.
    pub fn left(&self) -> u32 {
        self.need.experts_wanted.saturating_sub(self.already())
    }

    fn already(&self) -> u32 {
        self.existing.iter().map(|(_, n)| n).sum()
    }

    /// How many people the staffing sends: the experts named, or one employee of the
    /// offering company (an offer's headcount counts people, one per mission).
    pub fn people(&self) -> u32 {
        let offer = matches!(self.subjects.as_slice(), [Subject::Offer(_)]);
        people_sent(offer, self.subjects.len())
    }
}

/// Checks a staffing with every gate on the chosen dates (the scorer's bookings hold
/// the dates already taken). Returns the flags to show when it passes.
pub fn check_staffing(scorer: &Scorer<'_>, s: &Staffing<'_>) -> Result<Vec<Flag>, MissionError> {
    let days = s.dates.len_days();
    let (min, max) = (*MISSION_DAYS.start(), *MISSION_DAYS.end());
    if !(min..=max).contains(&u64::from(days)) {
        return Err(MissionError::Days {
            days,
            min: min as u32,
            max: max as u32,
        });
    }
    if !s.need.window.covers(&s.dates) {
        return Err(MissionError::OutsideWindow {
            dates: crate::fr::window(&s.dates),
            window: crate::fr::window(&s.need.window),
        });
    }
    if s.subjects.is_empty() {
        return Err(MissionError::NoExpert);
    }
    for (i, a) in s.subjects.iter().enumerate() {
        if s.subjects[..i].iter().any(|b| b.id() == a.id()) {
            return Err(MissionError::DuplicateExpert(a.id().to_owned()));
        }
    }
    let left = s.left();
    let asked = s.people();
    if asked > left {
        return Err(MissionError::NeedStaffed {
            need: s.need.id.clone(),
            wanted: s.need.experts_wanted,
            already: s.already(),
            by: s.existing.iter().map(|(id, _)| id.clone()).collect(),
            left,
            asked,
        });
    }

    // The gates, as if the need's window were exactly the chosen dates.
    let mut on_dates = s.need.clone();
    on_dates.window = s.dates;
    on_dates.duration_days = days;
    let mut flags = Vec::new();
    let mut failures = Vec::new();
    for subject in &s.subjects {
        let outcome = scorer.gates(&on_dates, *subject);
        if outcome.failures.is_empty() && outcome.dates == Some(s.dates) {
            flags.extend(outcome.flags);
        } else {
            failures.push((subject.id().to_owned(), outcome.failures));
        }
    }
    if failures.is_empty() {
        Ok(flags)
    } else {
        Err(MissionError::Ineligible {
            dates: crate::fr::window(&s.dates),
            failures,
        })
    }
}

/// The earliest dates of `days` days on which the whole staffing passes every gate
/// (`s.dates` is ignored). When none exist, the error says why: the gates a candidate
/// fails anywhere in the need's window, or that the people have no common dates.
pub fn earliest_dates(
    scorer: &Scorer<'_>,
    s: &Staffing<'_>,
    days: u32,
) -> Result<DateWindow, MissionError> {
    let window = s.need.window;
    let mut trial = s.clone();
    trial.dates = DateWindow::starting(window.from(), days);
    // Checks that do not depend on the start (days, people, duplicates) fail at once.
    match check_staffing(scorer, &trial) {
        Ok(_) => return Ok(trial.dates),
        Err(MissionError::Ineligible { .. } | MissionError::OutsideWindow { .. }) => {}
        Err(other) => return Err(other),
    }
    // Each candidate alone, anywhere in the window: the gates it fails whatever the start.
    let mut spread = s.need.clone();
    spread.duration_days = days;
    let failures: Vec<_> = s
        .subjects
        .iter()
        .filter_map(|subject| {
            let outcome = scorer.gates(&spread, *subject);
            (!outcome.failures.is_empty()).then(|| (subject.id().to_owned(), outcome.failures))
        })
        .collect();
    if !failures.is_empty() {
        return Err(MissionError::Ineligible {
            dates: crate::fr::mission::any_days(days, crate::fr::window(&window)),
            failures,
        });
    }
    let mut start = window.from();
    while DateWindow::starting(start, days).to() <= window.to() {
        trial.dates = DateWindow::starting(start, days);
        if check_staffing(scorer, &trial).is_ok() {
            return Ok(trial.dates);
        }
        start += chrono::Duration::days(1);
    }
    Err(MissionError::NoCommonDates {
        people: s.subjects.iter().map(|x| x.id().to_owned()).collect(),
        days,
        window: crate::fr::window(&window),
    })
}

/// What a mission's cost plan is computed from: the need's country, city and what its
/// local partner provides, the mission's days, people and payer, the daily cost of
/// the experts a company lends (for the mécénat estimate) and the offering company's
/// turnover.
///
/// Every expert gets the same lines: a reciprocity mission's flight is priced from the
/// need's `expert_origin`, else from the first expert's home.
pub fn cost_input(
    need: &Need,
    mission: &Mission,
    experts: &[&Expert],
    offer: Option<&Offer>,
) -> CostInput {
    let reciprocity = need.kind == NeedKind::Reciprocity;
    // Working time is a gift only from a company (mécénat de compétences): a local
    // authority's or public body's agent is lent, not given.
    let costs: Vec<i64> = experts
        .iter()
        .filter(|e| {
            e.employer
                .as_ref()
                .is_some_and(|emp| emp.kind == EmployerKind::Company)
        })
        .filter_map(|e| e.daily_cost_eur.map(Money::cents))
        .collect();
    // The mean daily cost, rounded half up: the estimate counts every expert alike.
    let daily_cost = (!costs.is_empty()).then(|| {
        let n = costs.len() as i64;
        Money::from_cents((costs.iter().sum::<i64>() * 2 + n) / (2 * n))
    });
    CostInput {
        country: need.country,
        city: need.city.clone(),
        days: mission.dates.len_days(),
        experts: mission.staff.people(),
        reciprocity,
        expert_origin: if reciprocity {
            need.expert_origin
                .or_else(|| experts.first().map(|e| e.home.country))
        } else {
            None
        },
        overrides: Overrides::default(),
        lodging_provided: need.local_partner.provides_lodging,
        meals_provided_per_day: need.local_partner.meals_provided_per_day,
        field_transport_provided: need.local_partner.provides_field_transport,
        payer: mission.payer,
        daily_cost,
        turnover: offer.and_then(|o| o.company.turnover_eur),
    }
}
