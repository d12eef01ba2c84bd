//! `GET /recherche`: experts and offers by text and facets (theme, language and level,
//! country, availability window, kind, employer consent), as `explor search` finds
//! them, with the facet counts of the results shown. A bad parameter is said on its
//! field. An htmx request (`HX-Request`) gets the results only.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Query, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use chrono::NaiveDate;
use explor_engine::{CandidateKind, Cefr, DateWindow, LanguageLevel, Taxonomy};
use explor_indexer::SearchQuery;
use explor_views::search::consent_of;
use explor_views::{Facets, SearchResults};
use serde::Deserialize;

use crate::auth::extract::Coordinator;
use crate::error::Result;
use crate::state::AppState;
use crate::views::{HtmlTable, Layout, seg};

/// Hits asked of the index (the consent filter keeps some of them).
const TOP: usize = 100;
/// Consent statuses, as the data writes them, with their French labels.
const CONSENTS: [(&str, &str); 4] = [
    ("granted", explor_engine::fr::pages::CONSENT_GRANTED),
    ("pending", explor_engine::fr::pages::CONSENT_PENDING),
    ("refused", explor_engine::fr::pages::CONSENT_REFUSED),
    (
        "not_required",
        explor_engine::fr::pages::CONSENT_NOT_REQUIRED,
    ),
];
const LEVELS: [&str; 6] = ["A1", "A2", "B1", "B2", "C1", "C2"];

/// The search form as typed.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct SearchForm {
    #[serde(default)]
    q: String,
    #[serde(default)]
    theme: String,
    #[serde(default)]
    langue: String,
    #[serde(default)]
    niveau: String,
    #[serde(default)]
    pays: String,
    #[serde(default)]
    du: String,
    #[serde(default)]
    au: String,
    #[serde(default, rename = "type")]
    kind: String,
    #[serde(default)]
    consentement: String,
}

/// A message per field that cannot be read.
#[derive(Debug, Default)]
struct FieldErrors {
    theme: Option<String>,
    langue: Option<String>,
    pays: Option<String>,
    dates: Option<String>,
    kind: Option<String>,
    consentement: Option<String>,
}

impl FieldErrors {
    fn any(&self) -> bool {
        [
            &self.theme,
            &self.langue,
            &self.pays,
            &self.dates,
            &self.kind,
            &self.consentement,
        ]
        .iter()
        .any(|e| e.is_some())
    }
}

/// The results: the hits' table and the facet counts.
struct Results {
    table: HtmlTable,
    /// (key, label, count) per theme, kind, consent status.
    themes: Vec<(String, String, usize)>,
    kinds: Vec<(String, usize)>,
    consent: Vec<(String, usize)>,
    /// The form could not be read: nothing searched.
    refused: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "search.html")]
pub struct SearchPage {
    layout: Layout,
    form: SearchForm,
    errors: FieldErrors,
    themes: Vec<(String, String)>,
    levels: [&'static str; 6],
    consents: [(&'static str, &'static str); 4],
    results: Results,
}

#[derive(Template, WebTemplate)]
#[template(path = "partials/search_results.html")]
pub struct SearchPartial {
    results: Results,
}

fn given(s: &str) -> Option<&str> {
    Some(s.trim()).filter(|s| !s.is_empty())
}

fn date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok()
}

/// The index's query, or what is wrong field by field; and the consent status asked.
fn resolve(form: &SearchForm) -> (SearchQuery, Option<String>, FieldErrors) {
    let mut errors = FieldErrors::default();
    let mut query = SearchQuery {
        text: form.q.trim().to_owned(),
        theme: None,
        languages: Vec::new(),
        country: None,
        available: None,
        kind: None,
        top: TOP,
    };
    if let Some(theme) = given(&form.theme) {
        if Taxonomy::embedded().contains(theme) {
            query.theme = Some(theme.to_owned());
        } else {
            errors.theme = Some(explor_engine::fr::pages::UNKNOWN_THEME.to_owned());
        }
    }
    if let Some(code) = given(&form.langue) {
        let level = given(&form.niveau).unwrap_or("A1").parse::<Cefr>();
        match (code.to_ascii_lowercase().parse(), level) {
            (Ok(code), Ok(level)) => query.languages.push(LanguageLevel { code, level }),
            (Err(_), _) => {
                errors.langue = Some(explor_engine::fr::pages::HINT_LANGUAGE_CODE.to_owned());
            }
            (_, Err(_)) => errors.langue = Some(explor_engine::fr::pages::BAD_LEVEL.to_owned()),
        }
    }
    if let Some(country) = given(&form.pays) {
        match country.to_ascii_uppercase().parse() {
            Ok(c) => query.country = Some(c),
            Err(_) => errors.pays = Some(explor_engine::fr::pages::HINT_COUNTRY_CODE.to_owned()),
        }
    }
    match (given(&form.du), given(&form.au)) {
        (None, None) => {}
        (Some(from), Some(to)) => match (date(from), date(to)) {
            (Some(from), Some(to)) => match DateWindow::new(from, to) {
                Ok(w) => query.available = Some(w),
                Err(_) => {
                    errors.dates = Some(explor_engine::fr::pages::REVERSED_DATES.to_owned());
                }
            },
            _ => errors.dates = Some(explor_engine::fr::pages::HINT_DATES.to_owned()),
        },
        _ => errors.dates = Some(explor_engine::fr::pages::HALF_PERIOD.to_owned()),
    }
    match given(&form.kind) {
        None => {}
        Some("expert") => query.kind = Some(CandidateKind::Expert),
        Some("offer") => query.kind = Some(CandidateKind::Offer),
        Some(_) => errors.kind = Some(explor_engine::fr::pages::HINT_KIND.to_owned()),
    }
    let consent = given(&form.consentement).map(str::to_owned);
    if let Some(c) = &consent
        && !CONSENTS.iter().any(|(v, _)| v == c)
    {
        errors.consentement = Some(explor_engine::fr::pages::BAD_CONSENT.to_owned());
    }
    (query, consent, errors)
}

/// `GET /recherche?q=&theme=&langue=&niveau=&pays=&du=&au=&type=&consentement=`.
pub async fn search(
    State(state): State<AppState>,
    user: Coordinator,
    headers: HeaderMap,
    Query(form): Query<SearchForm>,
) -> Result<Response> {
    let (query, consent, errors) = resolve(&form);
    let refused = errors.any();
    let results = state
        .with_workspace(move |ws| {
            if refused {
                return Ok(Results {
                    table: HtmlTable::new(explor_engine::fr::pages::NO_SEARCH, Default::default()),
                    themes: Vec::new(),
                    kinds: Vec::new(),
                    consent: Vec::new(),
                    refused,
                });
            }
            let mut hits = ws.search(&query)?;
            let records = ws.records_by_ids(hits.iter().map(|h| h.id.as_str()))?;
            if let Some(wanted) = &consent {
                hits.retain(|h| {
                    records
                        .iter()
                        .find(|r| r.id() == h.id)
                        .and_then(consent_of)
                        .as_ref()
                        == Some(wanted)
                });
            }
            let shown: Vec<_> = records
                .iter()
                .filter(|r| hits.iter().any(|h| h.id == r.id()))
                .collect();
            let facets = Facets::of(shown);
            let view = SearchResults::build(ws, &query.text, &hits)?;
            let taxonomy = Taxonomy::embedded();
            Ok(Results {
                table: HtmlTable::linked(view.count(), view.table(), |row| {
                    (row.get(1).map(String::as_str) == Some("expert"))
                        .then(|| format!("/experts/{}", seg(&row[0])))
                }),
                themes: facets
                    .themes
                    .into_iter()
                    .map(|(k, n)| {
                        let label = taxonomy.get(&k).map_or(k.clone(), |t| t.label_fr.clone());
                        (k, label, n)
                    })
                    .collect(),
                kinds: facets.kinds.into_iter().collect(),
                consent: facets.consent.into_iter().collect(),
                refused,
            })
        })
        .await?;
    if headers.contains_key("hx-request") {
        return Ok(SearchPartial { results }.into_response());
    }
    Ok(SearchPage {
        layout: Layout::signed_in(explor_engine::fr::pages::SEARCH_TITLE, &user.0),
        form,
        errors,
        themes: Taxonomy::embedded()
            .iter()
            .map(|t| (t.key.clone(), t.label_fr.clone()))
            .collect(),
        levels: LEVELS,
        consents: CONSENTS,
        results,
    }
    .into_response())
}
