//! An expert's record: `GET /experts/{id}` (every field, as `explor show` lists them),
//! and the erasure a person can ask for (GDPR): `GET /experts/{id}/effacer` asks for
//! confirmation, `POST /experts/{id}/effacer` erases (`Workspace::remove`, as `explor
//! remove` does), then what the web app kept of the person ([`forget`]: their accounts
//! and the e-mails to them). The audit rows name the ids only.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use explor_engine::Record;
use explor_views::records::fields_table;

use super::{audit, missing_is_404};
use crate::auth::extract::Coordinator;
use crate::error::{Result, WebError};
use crate::forget::forget;
use crate::state::AppState;
use crate::store::{Action, now};
use crate::views::{HtmlTable, Layout, seg, today};

#[derive(Template, WebTemplate)]
#[template(path = "expert.html")]
pub struct ExpertPage {
    layout: Layout,
    path: String,
    table: HtmlTable,
    /// The confirmation step of the erasure.
    confirm: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "erased.html")]
pub struct ErasedPage {
    layout: Layout,
    id: String,
}

async fn page(
    state: &AppState,
    user: &Coordinator,
    id: String,
    confirm: bool,
) -> Result<ExpertPage> {
    let layout = Layout::signed_in(&format!("Expert {id}"), &user.0);
    state
        .with_workspace(move |ws| {
            let record = ws.record(&id).map_err(missing_is_404)?;
            if !matches!(record, Record::Expert(_)) {
                return Err(WebError::NotFound);
            }
            Ok(ExpertPage {
                layout,
                path: seg(&id),
                table: HtmlTable::new(
                    explor_engine::fr::pages::EXPERT_RECORD,
                    fields_table(&record),
                ),
                confirm,
            })
        })
        .await
}

/// `GET /experts/{id}`.
pub async fn show(
    State(state): State<AppState>,
    user: Coordinator,
    Path(id): Path<String>,
) -> Result<ExpertPage> {
    page(&state, &user, id, false).await
}

/// `GET /experts/{id}/effacer`: the confirmation.
pub async fn confirm(
    State(state): State<AppState>,
    user: Coordinator,
    Path(id): Path<String>,
) -> Result<ExpertPage> {
    page(&state, &user, id, true).await
}

/// `POST /experts/{id}/effacer`: the erasure; only the id and the day remain.
pub async fn erase(
    State(state): State<AppState>,
    user: Coordinator,
    Path(id): Path<String>,
) -> Result<ErasedPage> {
    let erased = id.clone();
    state
        .with_workspace_mut(move |ws| {
            if !matches!(
                ws.record(&erased).map_err(missing_is_404)?,
                Record::Expert(_)
            ) {
                return Err(WebError::NotFound);
            }
            ws.remove(&erased, today())?;
            Ok(())
        })
        .await?;
    let (root, forgotten, by) = (state.root().to_owned(), id.clone(), user.0.account.id);
    let done = state
        .db()
        .run(move |db| forget(db, &root, &forgotten, Some(by), now()))
        .await?;
    if !done.log_emptied {
        tracing::warn!(
            "erasure: another process kept the database open; erase again once it is closed"
        );
    }
    audit(
        &state,
        &user.0,
        Action::RecordErased,
        Some(id.clone()),
        None,
    )
    .await?;
    Ok(ErasedPage {
        layout: Layout::signed_in(explor_engine::fr::pages::PERSON_ERASED, &user.0),
        id,
    })
}
