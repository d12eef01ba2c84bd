//! Needs and offers posted from the web app, and their review (issue #15).
//!
//! An association posts a need, a company declares a skill offer: the form is read as
//! a spreadsheet row and held to the import's rules, each problem shown next to its
//! field; nothing is written until it is right. The record then waits as a
//! *submission*: it is not in the workspace, so nothing matches it. A coordinator
//! reviews it (`/revue/{n}`): corrects it in the same form and validates it — it is
//! then imported like a file's record — or asks for changes with a message, which the
//! owner reads on its submission's page and answers with a corrected version.
//! Changing a published need or offer goes the same way: the change waits for the
//! coordinator, and the published version stays matched until it is validated.
//! An association's eligibility (member of the network, field experience) is shown at
//! both ends. An association or a company sees its own records and submissions only:
//! any other number or id answers 404.
//!
//! [`mine`] holds the owners' pages, [`review`] the coordinator's.

pub mod mine;
pub mod review;

use std::collections::BTreeMap;

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use explor_engine::model::Ineligibility;
use explor_engine::schema::FieldIssue;
use explor_engine::{Record, RecordKind, Reference};

use crate::auth::extract::CurrentUser;
use crate::error::{InternalError, Result, WebError};
use crate::forms::{self, FormField, Input};
use crate::state::AppState;
use crate::store::{ReviewState, Role, Submission};
use crate::views::{Layout, date_time};

/// What a submission holds: a need (from an association) or an offer (from a company).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// An association's need.
    Need,
    /// A company's skill offer.
    Offer,
}

impl Kind {
    /// The kind of record an account of `role` submits.
    fn of_role(role: Role) -> Option<Self> {
        match role {
            Role::Association => Some(Kind::Need),
            Role::Company => Some(Kind::Offer),
            Role::Coordinator | Role::Expert => None,
        }
    }

    /// The kind of a stored submission.
    fn of(s: &Submission) -> Result<Self> {
        match s.kind.as_str() {
            "need" => Ok(Kind::Need),
            "offer" => Ok(Kind::Offer),
            other => Err(WebError::Internal(InternalError::Corrupt(format!(
                "submission {}: kind {other}",
                s.id
            )))),
        }
    }

    fn record(self) -> RecordKind {
        match self {
            Kind::Need => RecordKind::Need,
            Kind::Offer => RecordKind::Offer,
        }
    }

    /// The column naming the owner, set by the server.
    fn owner_column(self) -> &'static str {
        match self {
            Kind::Need => "association",
            Kind::Offer => "company.id",
        }
    }

    /// Whether `record` is of this kind and belongs to `org`.
    fn owned(self, record: &Record, org: &str) -> bool {
        match (self, record) {
            (Kind::Need, Record::Need(n)) => n.association == org,
            (Kind::Offer, Record::Offer(o)) => o.company.id == org,
            _ => false,
        }
    }

    /// The stem of the ids given to new records of `org`: `need-eau-vive`,
    /// `off-elec-sud`.
    fn id_stem(self, org: &str) -> String {
        match self {
            Kind::Need => format!("need-{}", org.strip_prefix("asso-").unwrap_or(org)),
            Kind::Offer => format!("off-{}", org.strip_prefix("co-").unwrap_or(org)),
        }
    }

    /// The owner's page listing its records.
    pub fn space(self) -> &'static str {
        match self {
            Kind::Need => "/mon-espace/besoins",
            Kind::Offer => "/mon-espace/offres",
        }
    }

    /// The page of a new record's form.
    fn new_path(self) -> &'static str {
        match self {
            Kind::Need => "/mon-espace/besoins/nouveau",
            Kind::Offer => "/mon-espace/offres/nouvelle",
        }
    }

    /// The page to change a published record.
    pub fn edit_path(self, id: &str) -> String {
        format!("{}/{}/modifier", self.space(), crate::views::seg(id))
    }

    // The French words of the pages and notices.

    fn noun(self) -> &'static str {
        match self {
            Kind::Need => explor_engine::fr::pages::noun(false),
            Kind::Offer => explor_engine::fr::pages::noun(true),
        }
    }

    fn a_noun(self) -> &'static str {
        match self {
            Kind::Need => explor_engine::fr::pages::A_NEED,
            Kind::Offer => explor_engine::fr::pages::AN_OFFER,
        }
    }

    fn your(self) -> &'static str {
        match self {
            Kind::Need => explor_engine::fr::pages::YOUR_NEED,
            Kind::Offer => explor_engine::fr::pages::YOUR_OFFER,
        }
    }

    fn submit_label(self) -> &'static str {
        match self {
            Kind::Need => explor_engine::fr::pages::SUBMIT_NEED,
            Kind::Offer => explor_engine::fr::pages::SUBMIT_OFFER,
        }
    }

    fn published(self, title: &str) -> String {
        match self {
            Kind::Need => explor_engine::fr::pages::need_published(title),
            Kind::Offer => explor_engine::fr::pages::offer_published(title),
        }
    }
}

/// A signed-in association or company account, with its record id and the kind of
/// record it submits. Anyone else gets 404.
#[derive(Debug, Clone)]
pub struct Submitter {
    /// The account.
    pub user: CurrentUser,
    /// The association's or the company's id.
    pub org: String,
    /// What it submits.
    pub kind: Kind,
}

impl Submitter {
    /// The same, if it submits `kind` (a company on a need's page gets 404).
    fn submitting(self, kind: Kind) -> Result<Self> {
        if self.kind == kind {
            Ok(self)
        } else {
            Err(WebError::NotFound)
        }
    }
}

impl FromRequestParts<AppState> for Submitter {
    type Rejection = WebError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self> {
        let user = CurrentUser::from_request_parts(parts, state).await?;
        match (Kind::of_role(user.account.role), &user.account.org_id) {
            (Some(kind), Some(org)) => Ok(Self {
                org: org.clone(),
                kind,
                user,
            }),
            _ => Err(WebError::NotFound),
        }
    }
}

/// One line of a list of submissions.
pub(crate) struct Line {
    pub number: i64,
    pub record_id: String,
    pub noun: &'static str,
    pub title: String,
    pub org_id: String,
    pub state: &'static str,
    pub updated: String,
    pub message: String,
}

fn line(s: &Submission) -> Line {
    Line {
        number: s.id,
        record_id: s.record_id.clone(),
        noun: Kind::of(s).map_or(explor_engine::fr::pages::RECORD_NOUN, Kind::noun),
        title: title_of(&s.body),
        org_id: s.org_id.clone(),
        state: s.state.label(),
        updated: date_time(s.updated_at),
        message: s.message.clone().unwrap_or_default(),
    }
}

/// The submissions of `org` not yet validated (waiting, or sent back), newest first.
pub(crate) async fn pending(state: &AppState, org: &str) -> Result<Vec<Line>> {
    let org = org.to_owned();
    let found = state
        .db()
        .read(move |db| {
            db.submissions(
                Some(&org),
                &[ReviewState::Submitted, ReviewState::ChangesRequested],
            )
        })
        .await?;
    Ok(found.iter().map(line).collect())
}

#[derive(Template, WebTemplate)]
#[template(path = "submission_form.html")]
struct FormPage {
    layout: Layout,
    action: String,
    intro: Option<String>,
    message: Option<String>,
    fields: Vec<FormField>,
    general: Vec<String>,
    has_errors: bool,
    eligibility: Vec<&'static str>,
    /// The coordinator's review buttons (validate, ask for changes).
    review: bool,
    /// Where the coordinator's "ask for changes" form goes.
    changes_action: String,
    /// Whom the coordinator's message goes to (« l’association », « l’entreprise »).
    owner: &'static str,
    submit_label: &'static str,
}

/// What a form page shows besides its fields.
struct FormSpec<'a> {
    kind: Kind,
    title: &'static str,
    action: String,
    message: Option<String>,
    review: bool,
    submit_label: &'static str,
    user: &'a CurrentUser,
    org: &'a str,
}

async fn form_page(
    state: &AppState,
    spec: FormSpec<'_>,
    row: &BTreeMap<String, String>,
    issues: &[FieldIssue],
) -> Result<FormPage> {
    let (fields, general) =
        forms::record_form(spec.kind.record(), row, issues, &Reference::embedded());
    Ok(FormPage {
        changes_action: spec.action.replace("/valider", "/modifications"),
        layout: Layout::signed_in(spec.title, spec.user),
        action: spec.action,
        intro: None,
        message: spec.message,
        fields,
        general,
        has_errors: !issues.is_empty(),
        eligibility: eligibility(state, spec.kind, spec.org).await?,
        review: spec.review,
        owner: match spec.kind {
            Kind::Need => explor_engine::fr::pages::THE_ASSOCIATION,
            Kind::Offer => explor_engine::fr::pages::THE_COMPANY,
        },
        submit_label: spec.submit_label,
    })
}

/// The programme's eligibility rules the association does not meet, in French.
fn eligibility_lines(problems: &[Ineligibility]) -> Vec<&'static str> {
    problems
        .iter()
        .map(|p| match p {
            Ineligibility::NotNetworkMember => explor_engine::fr::pages::NOT_ACTIVE_MEMBER,
            Ineligibility::NoFieldExperience => explor_engine::fr::pages::NO_FIELD_EXPERIENCE,
        })
        .collect()
}

/// The eligibility problems of the association posting a need, read in the
/// workspace (none for a company's offer).
async fn eligibility(state: &AppState, kind: Kind, org: &str) -> Result<Vec<&'static str>> {
    if kind == Kind::Offer {
        return Ok(Vec::new());
    }
    let org = org.to_owned();
    state
        .with_workspace(move |ws| match ws.record(&org) {
            Ok(Record::Association(a)) => Ok(eligibility_lines(&a.ineligibility())),
            _ => Ok(vec![explor_engine::fr::pages::NO_ASSOCIATION]),
        })
        .await
}

/// A form as sent, checked by the import's rules against the workspace: the record,
/// or the values and problems for the page. The id and the owner are the server's.
async fn checked(
    state: &AppState,
    kind: Kind,
    sent: &[(String, String)],
    record_id: &str,
    org: &str,
) -> Result<std::result::Result<serde_json::Value, (BTreeMap<String, String>, Vec<FieldIssue>)>> {
    let row = forms::row(kind.record(), sent);
    let (value, mut issues) = forms::record_of(
        kind.record(),
        &row,
        &[("id", record_id), (kind.owner_column(), org)],
    );
    if issues.is_empty() {
        let checked_value = value.clone();
        let problems = state
            .with_workspace(move |ws| {
                Ok(ws.check_form(kind.record(), &checked_value, &Reference::embedded())?)
            })
            .await?;
        if let Err(problems) = problems {
            issues = problems;
        }
    }
    Ok(if issues.is_empty() {
        Ok(value)
    } else {
        Err((row, issues))
    })
}

fn title_of(value: &serde_json::Value) -> String {
    value["title"].as_str().unwrap_or_default().to_owned()
}

/// The submission with this number, if `org` may see it (any other answers 404).
async fn submission_of(state: &AppState, number: i64, org: Option<&str>) -> Result<Submission> {
    let found = state.db().read(move |db| db.submission(number)).await?;
    match found {
        Some(s) if org.is_none_or(|o| o == s.org_id) => Ok(s),
        _ => Err(WebError::NotFound),
    }
}

/// The form values of `org`'s published record `id` of `kind` (anything else: 404).
async fn published(state: &AppState, kind: Kind, org: &str, id: &str) -> Result<serde_json::Value> {
    let (org, id) = (org.to_owned(), id.to_owned());
    state
        .with_workspace(move |ws| {
            let record = ws.record(&id).map_err(super::missing_is_404)?;
            if !kind.owned(&record, &org) {
                return Err(WebError::NotFound);
            }
            let value = match &record {
                Record::Need(n) => serde_json::to_value(n),
                Record::Offer(o) => serde_json::to_value(o),
                _ => return Err(WebError::NotFound),
            };
            value.map_err(|e| WebError::Internal(InternalError::Corrupt(e.to_string())))
        })
        .await
}

/// The next free id for a new record of `org`: `need-<association>-<n>`,
/// `off-<company>-<n>`.
async fn new_id(state: &AppState, kind: Kind, org: &str) -> Result<String> {
    let stem = kind.id_stem(org);
    let submitted: std::collections::HashSet<String> = state
        .db()
        .read(|db| db.submissions(None, &[]))
        .await?
        .into_iter()
        .map(|s| s.record_id)
        .collect();
    state
        .with_workspace(move |ws| {
            (1..10_000)
                .map(|n| format!("{stem}-{n}"))
                .find(|id| !submitted.contains(id) && ws.record(id).is_err())
                .ok_or_else(|| {
                    WebError::Internal(InternalError::Corrupt("no free record id".into()))
                })
        })
        .await
}
