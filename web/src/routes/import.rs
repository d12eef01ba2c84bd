//! `GET /import` and `POST /import`: one uploaded file (CSV, JSON, JSON Lines, or an
//! Excel or OpenDocument workbook) of one kind of record, loaded and imported as
//! `explor import --kind` does: a workbook of one sheet is read whatever the sheet's
//! name, in a workbook of several the sheet named after the kind is. Invalid input is
//! listed issue by issue, and then nothing is written.
//!
//! The upload is written to a fresh temporary folder under a name made here from the
//! kind and the extension (never the client's path), and the folder is removed after
//! the import. The CSRF token is checked by the middleware like every POST's.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Multipart, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use explor_engine::{RecordKind, Reference};
use explor_indexer::{Location, UserError as IndexUserError, load};
use explor_views::records::import_summary;

use super::{audit, refusal};
use crate::auth::extract::Coordinator;
use crate::error::{InternalError, Result};
use crate::state::AppState;
use crate::store::Action;
use crate::views::Layout;

/// Extensions the loader reads.
const EXTENSIONS: [&str; 5] = ["csv", "json", "jsonl", "xlsx", "ods"];

#[derive(Template, WebTemplate)]
#[template(path = "import.html")]
pub struct ImportPage {
    layout: Layout,
    kinds: Vec<(&'static str, &'static str)>,
    chosen: String,
    kind_error: Option<String>,
    file_error: Option<String>,
    /// The file's issues, when it was refused.
    issues: Vec<Issue>,
    /// What the import did, when it succeeded.
    done: Option<String>,
}

/// One problem of the file, as `explor import` reports it.
struct Issue {
    file: String,
    /// Where: `ligne 3`, `feuille « experts », ligne 5` …
    location: String,
    id: String,
    field: String,
    message: String,
}

fn kind_label(kind: RecordKind) -> &'static str {
    explor_engine::fr::pages::kind_label(kind)
}

fn empty(user: &Coordinator) -> ImportPage {
    ImportPage {
        layout: Layout::signed_in(explor_engine::fr::pages::IMPORT_TITLE, &user.0),
        kinds: RecordKind::ALL
            .iter()
            .map(|k| (k.as_str(), kind_label(*k)))
            .collect(),
        chosen: String::new(),
        kind_error: None,
        file_error: None,
        issues: Vec::new(),
        done: None,
    }
}

/// `GET /import`.
pub async fn form(user: Coordinator) -> ImportPage {
    empty(&user)
}

/// What the form sent.
#[derive(Default)]
struct Upload {
    kind: String,
    name: String,
    bytes: Vec<u8>,
}

async fn read(mut parts: Multipart) -> std::result::Result<Upload, String> {
    let unreadable = |_| explor_engine::fr::pages::UPLOAD_UNREADABLE.to_owned();
    let mut upload = Upload::default();
    while let Some(field) = parts.next_field().await.map_err(unreadable)? {
        match field.name() {
            Some("type") => upload.kind = field.text().await.map_err(unreadable)?,
            Some("fichier") => {
                upload.name = field.file_name().unwrap_or_default().to_owned();
                upload.bytes = field.bytes().await.map_err(unreadable)?.to_vec();
            }
            _ => {}
        }
    }
    Ok(upload)
}

/// The extension of the client's file name, if the loader reads it.
fn extension(name: &str) -> Option<&'static str> {
    let ext = name.rsplit_once('.')?.1.to_ascii_lowercase();
    EXTENSIONS.into_iter().find(|e| *e == ext)
}

/// `POST /import` (multipart: `csrf`, `type`, `fichier`).
pub async fn upload(
    State(state): State<AppState>,
    user: Coordinator,
    parts: Multipart,
) -> Result<Response> {
    let mut page = empty(&user);
    let refused = |page: ImportPage| Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
    let upload = match read(parts).await {
        Ok(u) => u,
        Err(message) => {
            page.file_error = Some(message);
            return refused(page);
        }
    };
    page.chosen = upload.kind.clone();
    let kind = RecordKind::ALL
        .into_iter()
        .find(|k| k.as_str() == upload.kind);
    let ext = extension(&upload.name);
    if kind.is_none() {
        page.kind_error = Some(explor_engine::fr::pages::CHOOSE_KIND.to_owned());
    }
    if upload.bytes.is_empty() {
        page.file_error = Some(explor_engine::fr::pages::CHOOSE_FILE.to_owned());
    } else if ext.is_none() {
        page.file_error = Some(explor_engine::fr::pages::BAD_EXTENSION.to_owned());
    }
    let (Some(kind), Some(ext), None) = (kind, ext, &page.file_error) else {
        return refused(page);
    };
    let shown_name: String = upload.name.chars().filter(|c| !c.is_control()).collect();
    let bytes = upload.bytes;
    let outcome = state
        .with_long_write(move |ws| {
            let dir = tempfile::tempdir().map_err(InternalError::Io)?;
            let path = dir.path().join(format!("{}.{ext}", kind.file_stem()));
            std::fs::write(&path, &bytes).map_err(InternalError::Io)?;
            let result = load(&path, Some(kind)).and_then(|mut loaded| {
                let warnings = std::mem::take(&mut loaded.warnings);
                ws.import(loaded, &Reference::embedded())
                    .map(|summary| (summary, warnings))
            });
            match result {
                Ok(summary) => Ok(Ok(summary)),
                Err(explor_indexer::Error::User(IndexUserError::Invalid(issues))) => {
                    Ok(Err(Ok(issues)))
                }
                // Another write holds the workspace: "busy, try again", not a refusal.
                Err(e @ explor_indexer::Error::User(explor_indexer::UserError::Locked(_))) => {
                    Err(e.into())
                }
                Err(explor_indexer::Error::User(e)) => Ok(Err(Err(refusal(&e)))),
                Err(e) => Err(e.into()),
            }
        })
        .await?;
    match outcome {
        Ok((summary, warnings)) => {
            let t = summary.total();
            let detail = explor_engine::fr::pages::import_counts(
                kind.file_stem(),
                t.added,
                t.updated,
                t.unchanged,
            );
            audit(&state, &user.0, Action::RecordsImported, None, Some(detail)).await?;
            let mut done = import_summary(&summary);
            for warning in warnings {
                done.push_str(&format!("avertissement : {}\n", warning.message));
            }
            page.done = Some(done);
            Ok(page.into_response())
        }
        Err(Ok(issues)) => {
            page.issues = issues
                .into_iter()
                .map(|i| Issue {
                    file: shown_name.clone(),
                    location: match &i.sheet {
                        Some(sheet) if i.location == Location::File => {
                            format!("sheet \"{sheet}\"")
                        }
                        Some(sheet) => format!("sheet \"{sheet}\", {}", i.location),
                        None => i.location.to_string(),
                    },
                    id: i.id.unwrap_or_default(),
                    field: i.field,
                    message: i.message,
                })
                .collect();
            refused(page)
        }
        Err(Err(message)) => {
            page.file_error = Some(message);
            refused(page)
        }
    }
}
