//! `GET /`: the signed-in home page.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use explor_engine::RecordKind;

use crate::auth::extract::CurrentUser;
use crate::error::Result;
use crate::state::AppState;
use crate::store::Role;
use crate::views::Layout;

#[derive(Template, WebTemplate)]
#[template(path = "home.html")]
pub struct HomePage {
    layout: Layout,
    coordinator: bool,
    /// (French label, count) per record kind, for the coordinator.
    counts: Vec<(&'static str, usize)>,
}

fn label(kind: RecordKind) -> &'static str {
    match kind {
        RecordKind::Association => "associations",
        RecordKind::Expert => "experts",
        RecordKind::Offer => "offres d’entreprises",
        RecordKind::Need => "besoins",
    }
}

/// The coordinator sees what the workspace holds; other roles, for now, what comes.
pub async fn show(State(state): State<AppState>, user: CurrentUser) -> Result<HomePage> {
    let coordinator = user.account.role == Role::Coordinator;
    let counts = if coordinator {
        let counts = state.with_workspace(|ws| Ok(ws.counts()?)).await?;
        RecordKind::ALL
            .into_iter()
            .map(|k| (label(k), counts.get(&k).copied().unwrap_or(0)))
            .collect()
    } else {
        Vec::new()
    };
    Ok(HomePage {
        layout: Layout::signed_in("Accueil", &user),
        coordinator,
        counts,
    })
}
