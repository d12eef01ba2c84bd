//! Gates: hard eligibility rules, each with a stable name and a readable reason when it fails.

use serde::Serialize;
use std::collections::HashMap;

use super::{Gate, Scorer, Subject};
use crate::fr::gates as fr;
use crate::model::{ConsentStatus, Expert, LanguageLevel, Need, NeedKind, Offer};
use crate::reference::AdviceLevel;
use crate::values::{CountryCode, DateWindow};

/// A gate that a candidate fails.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GateFailure {
    /// The gate.
    pub gate: Gate,
    /// Why, in words.
    pub detail: String,
}

/// Something a coordinator should know about an eligible candidate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Flag {
    /// The gate that raised it.
    pub gate: Gate,
    /// What to check.
    pub detail: String,
}

/// What the workspace already holds that limits candidates: booked dates and used quotas.
#[derive(Debug, Clone, Default)]
pub struct Bookings {
    /// Dates each expert is booked on, by expert id.
    pub experts: HashMap<String, Vec<DateWindow>>,
    /// Missions already staffed from each offer, by offer id.
    pub offers_used: HashMap<String, u32>,
}

/// The outcome of all gates for one candidate.
#[derive(Debug, Clone, Default)]
pub(crate) struct GateOutcome {
    pub failures: Vec<GateFailure>,
    pub flags: Vec<Flag>,
    /// Earliest feasible dates, when the dates gates pass.
    pub dates: Option<DateWindow>,
    /// Days of slack in the window the dates were taken from.
    pub slack_days: u32,
}

impl GateOutcome {
    /// Adds what the gates of the need itself said (see [`Scorer::travel_outcome`]).
    fn add(&mut self, need_gates: &GateOutcome) {
        self.failures.extend_from_slice(&need_gates.failures);
        self.flags.extend_from_slice(&need_gates.flags);
    }
    fn fail(&mut self, gate: Gate, detail: String) {
        self.failures.push(GateFailure { gate, detail });
    }
    fn flag(&mut self, gate: Gate, detail: String) {
        self.flags.push(Flag { gate, detail });
    }
}

fn list<T: std::fmt::Display>(items: &[T]) -> String {
    items
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// The required languages not spoken well enough, in words.
fn missing_languages(spoken: &[LanguageLevel], required: &[LanguageLevel]) -> Vec<String> {
    required
        .iter()
        .filter_map(|r| match spoken.iter().find(|s| s.code == r.code) {
            Some(s) if s.level >= r.level => None,
            Some(s) => Some(fr::language_low(
                r.code.as_str(),
                &r.level.to_string(),
                &s.level.to_string(),
            )),
            None => Some(fr::language_missing(r.code.as_str(), &r.level.to_string())),
        })
        .collect()
}

/// The earliest run of `days` free days in any of `windows`, with the slack of its window.
fn earliest_run(
    windows: &[DateWindow],
    days: u32,
    busy: &[DateWindow],
) -> Option<(DateWindow, u32)> {
    windows
        .iter()
        .filter_map(|w| {
            w.first_free_fit(days, busy)
                .map(|run| (run, w.len_days() - days))
        })
        .min_by_key(|(run, _)| run.from())
}

/// Why no run of the need's length is free: no overlap, bookings in the way, or
/// overlaps too short.
fn unavailable(need: &Need, e: &Expert, in_need: &[DateWindow], busy: &[DateWindow]) -> String {
    let days = need.duration_days;
    if in_need.is_empty() {
        fr::no_overlap(
            &crate::fr::windows(&e.availability),
            &crate::fr::window(&need.window),
        )
    } else if earliest_run(in_need, days, &[]).is_some() {
        fr::booked(days, &crate::fr::windows(busy))
    } else {
        let longest = in_need.iter().map(DateWindow::len_days).max().unwrap_or(0);
        fr::too_short(longest, days)
    }
}

/// The parts of `windows` within the days the consent is valid (open-ended on a side
/// without a date; none when its dates are reversed).
fn within_consent(e: &Expert, windows: &[DateWindow]) -> Vec<DateWindow> {
    let valid = &e.consent;
    let limits = DateWindow::new(
        valid.valid_from.unwrap_or(chrono::NaiveDate::MIN),
        valid.valid_to.unwrap_or(chrono::NaiveDate::MAX),
    );
    match limits {
        Ok(v) => windows.iter().filter_map(|w| w.intersect(&v)).collect(),
        Err(_) => Vec::new(),
    }
}

/// The days a mission's dates can fall in as far as the availability and the
/// employer's consent go, bookings aside: the availability windows, cut to the days the
/// consent is valid when it must hold over the dates (an employee's or a public agent's,
/// granted or pending), none when consent fails whatever the dates (refused, or an
/// employee's marked not required).
///
/// An expert with no run of a mission's length inside these fails the availability or
/// the consent gate: a search index holds them so that a score bound can drop such
/// candidates before judging them.
pub fn consent_availability(e: &Expert) -> Vec<DateWindow> {
    match ConsentNeed::of(e) {
        ConsentNeed::Refused { .. } | ConsentNeed::MarkedNotRequired => Vec::new(),
        ConsentNeed::OverTheDates { .. } => within_consent(e, &e.availability),
        ConsentNeed::NotNeeded => e.availability.clone(),
    }
}

/// What the employer's consent asks of an expert's missions: read once here by the
/// consent gate and by [`consent_availability`], so that the two agree.
enum ConsentNeed {
    /// Not employed: no employer's consent to wait for.
    NotNeeded,
    /// An employee's or a public agent's: it must hold over the dates (`pending`: not
    /// granted yet).
    OverTheDates { pending: bool },
    /// Refused (by the expert's employer, or by an expert with none).
    Refused { employed: bool },
    /// An employee's consent marked not required: it is.
    MarkedNotRequired,
}

impl ConsentNeed {
    fn of(e: &Expert) -> Self {
        let employed = e.status.has_employer();
        match (employed, e.consent.status) {
            (_, ConsentStatus::Refused) => Self::Refused { employed },
            (true, ConsentStatus::NotRequired) => Self::MarkedNotRequired,
            (true, ConsentStatus::Granted) => Self::OverTheDates { pending: false },
            (true, ConsentStatus::Pending) => Self::OverTheDates { pending: true },
            (false, _) => Self::NotNeeded,
        }
    }
}

/// Consent must be valid over the dates: the earliest run inside its validity, or a
/// failure saying when it is valid (`run`: the earliest run ignoring consent).
fn consent_over_dates(
    e: &Expert,
    in_need: &[DateWindow],
    days: u32,
    busy: &[DateWindow],
    run: DateWindow,
    out: &mut GateOutcome,
) {
    let valid = &e.consent;
    let in_consent = within_consent(e, in_need);
    match earliest_run(&in_consent, days, busy) {
        Some((run, slack)) => {
            out.dates = Some(run);
            out.slack_days = slack;
        }
        None => out.fail(
            Gate::Consent,
            fr::consent_dates(
                &valid.valid_from.map_or("…".into(), crate::fr::date),
                &valid.valid_to.map_or("…".into(), crate::fr::date),
                days,
                &crate::fr::window(&run),
            ),
        ),
    }
}

impl Scorer<'_> {
    /// The travel advice gate, which depends on the need alone: judged once per need,
    /// its words added to each candidate's outcome.
    pub(crate) fn travel_outcome(&self, need: &Need) -> GateOutcome {
        let mut out = GateOutcome::default();
        self.travel_gate(need, &mut out);
        out
    }

    fn travel_gate(&self, need: &Need, out: &mut GateOutcome) {
        if need.kind != NeedKind::Standard {
            return;
        }
        if need.country == CountryCode::france() {
            return;
        }
        let travel = self.reference.travel;
        let name = self.country_name(need.country);
        let Some(advice) = travel.get(need.country.as_str()) else {
            // Not in the list is not known to be safe.
            out.flag(
                Gate::TravelAdvice,
                fr::advice_unknown(
                    &name,
                    &crate::values::french_date::reference_date(travel.date()),
                ),
            );
            return;
        };
        match advice.level {
            AdviceLevel::Clear => {}
            AdviceLevel::Red => out.fail(
                Gate::TravelAdvice,
                fr::advice_red(
                    &name,
                    &crate::values::french_date::reference_date(travel.date()),
                ),
            ),
            AdviceLevel::Partial => out.flag(
                Gate::TravelAdvice,
                fr::advice_partial(&name, advice.note.as_deref()),
            ),
        }
    }

    pub(crate) fn country_name(&self, code: CountryCode) -> String {
        self.reference
            .countries
            .get(code.as_str())
            .map_or_else(|| code.to_string(), |c| c.name_fr.clone())
    }

    /// All gates for an expert or an offer.
    pub(crate) fn gates(&self, need: &Need, subject: Subject<'_>) -> GateOutcome {
        self.gates_with(need, subject, &self.travel_outcome(need))
    }

    /// [`Self::gates`] with the need's own gates already judged ([`Self::travel_outcome`]).
    pub(crate) fn gates_with(
        &self,
        need: &Need,
        subject: Subject<'_>,
        travel: &GateOutcome,
    ) -> GateOutcome {
        match subject {
            Subject::Expert(e) => self.expert_gates(need, e, travel),
            Subject::Offer(o) => self.offer_gates(need, o, travel),
        }
    }

    /// All gates for an expert, in the order their failures are reported: consent,
    /// dates (availability, then consent over the dates), languages, length, home,
    /// travel advice.
    fn expert_gates(&self, need: &Need, e: &Expert, travel: &GateOutcome) -> GateOutcome {
        let mut out = GateOutcome::default();
        let consent = self.consent_gate(e, &mut out);
        self.dates_gate(need, e, consent, &mut out);
        let missing = missing_languages(&e.languages, &need.languages);
        if !missing.is_empty() {
            out.fail(Gate::Language, missing.join("; "));
        }
        if need.duration_days > e.max_mission_days {
            out.fail(
                Gate::Duration,
                fr::too_long(need.duration_days, e.max_mission_days),
            );
        }
        self.home_gate(need, e, &mut out);
        out.add(travel);
        out
    }

    /// The employer's consent, before looking at dates: whether it must then hold over
    /// the dates (`Some(true)`), is not needed (`Some(false)`: not employed), or
    /// already failed (`None`).
    fn consent_gate(&self, e: &Expert, out: &mut GateOutcome) -> Option<bool> {
        match ConsentNeed::of(e) {
            ConsentNeed::OverTheDates { pending: false } => Some(true),
            ConsentNeed::OverTheDates { pending: true } if self.config.include_pending => {
                out.flag(Gate::Consent, fr::CONSENT_STILL_PENDING.into());
                Some(true)
            }
            ConsentNeed::OverTheDates { pending: true } => {
                out.fail(Gate::Consent, fr::CONSENT_PENDING.into());
                None
            }
            ConsentNeed::Refused { employed } => {
                out.fail(Gate::Consent, fr::CONSENT_REFUSED.into());
                (!employed).then_some(false)
            }
            ConsentNeed::MarkedNotRequired => {
                out.fail(Gate::Consent, fr::CONSENT_NOT_REQUIRED.into());
                None
            }
            ConsentNeed::NotNeeded => Some(false),
        }
    }

    /// The earliest free run of the need's length in the availability (and, when
    /// consent must hold, within its validity); sets the dates when found.
    fn dates_gate(&self, need: &Need, e: &Expert, consent: Option<bool>, out: &mut GateOutcome) {
        let days = need.duration_days;
        let busy = self
            .bookings
            .experts
            .get(&e.id)
            .map(Vec::as_slice)
            .unwrap_or_default();
        let in_need: Vec<DateWindow> = e
            .availability
            .iter()
            .filter_map(|a| a.intersect(&need.window))
            .collect();
        let Some((run, slack)) = earliest_run(&in_need, days, busy) else {
            out.fail(Gate::Availability, unavailable(need, e, &in_need, busy));
            return;
        };
        match consent {
            Some(true) => consent_over_dates(e, &in_need, days, busy, run, out),
            Some(false) => {
                out.dates = Some(run);
                out.slack_days = slack;
            }
            None => {}
        }
    }

    fn home_gate(&self, need: &Need, e: &Expert, out: &mut GateOutcome) {
        let home = e.home.country;
        match need.kind {
            NeedKind::Standard if home != CountryCode::france() => {
                out.fail(Gate::Home, fr::home_abroad(&self.country_name(home)));
            }
            NeedKind::Standard => match &e.home.department {
                Some(d) if self.config.region_departements.contains(d) => {}
                other => {
                    let detail = match other {
                        Some(d) => fr::outside_region(d.as_str()),
                        None => fr::NO_DEPARTEMENT.into(),
                    };
                    if self.config.strict_region {
                        out.fail(Gate::Home, detail);
                    } else {
                        out.flag(Gate::Home, detail);
                    }
                }
            },
            NeedKind::Reciprocity if home == CountryCode::france() => {
                out.fail(Gate::Home, fr::RECIPROCITY_FROM_FRANCE.into());
            }
            NeedKind::Reciprocity => {
                if let Some(origin) = need.expert_origin
                    && origin != home
                {
                    out.fail(
                        Gate::Home,
                        fr::wrong_origin(&self.country_name(origin), &self.country_name(home)),
                    );
                }
            }
        }
    }

    /// All gates for a company offer.
    fn offer_gates(&self, need: &Need, o: &Offer, travel: &GateOutcome) -> GateOutcome {
        let mut out = GateOutcome::default();
        let days = need.duration_days;
        match o.window.intersect(&need.window) {
            Some(w) => match w.first_fit(days) {
                Some(run) => {
                    out.dates = Some(run);
                    out.slack_days = w.len_days() - days;
                }
                None => out.fail(
                    Gate::Availability,
                    fr::offer_window_short(&crate::fr::window(&o.window), w.len_days(), days),
                ),
            },
            None => out.fail(
                Gate::Availability,
                fr::offer_window_apart(
                    &crate::fr::window(&o.window),
                    &crate::fr::window(&need.window),
                ),
            ),
        }
        let missing = missing_languages(&o.languages, &need.languages);
        if !missing.is_empty() {
            out.fail(Gate::Language, missing.join("; "));
        }
        if days > o.max_mission_days {
            out.fail(Gate::Duration, fr::offer_too_long(days, o.max_mission_days));
        }
        if need.kind == NeedKind::Reciprocity {
            out.fail(Gate::Home, fr::OFFER_RECIPROCITY.into());
        }
        let used = self.bookings.offers_used.get(&o.id).copied().unwrap_or(0);
        if used >= o.headcount {
            out.fail(Gate::Headcount, fr::headcount(o.headcount));
        }
        if !o.countries.is_empty() && !o.countries.contains(&need.country) {
            out.fail(
                Gate::Countries,
                fr::offer_countries(&list(&o.countries), &self.country_name(need.country)),
            );
        }
        out.add(travel);
        out
    }
}
