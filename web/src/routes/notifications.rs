//! `GET /notifications`: the signed-in account's notifications, newest first; opening
//! the page marks them as seen.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::response::{IntoResponse, Response};

use crate::auth::extract::CurrentUser;
use crate::error::Result;
use crate::state::AppState;
use crate::store::now;
use crate::views::{Layout, date_time};

/// Notifications shown at most.
const SHOWN: u32 = 100;

struct Line {
    at: String,
    text: String,
    link: String,
    new: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "notifications.html")]
struct NotificationsPage {
    layout: Layout,
    lines: Vec<Line>,
}

/// The account's notifications; they are marked as seen once listed.
pub async fn list(State(state): State<AppState>, mut user: CurrentUser) -> Result<Response> {
    let id = user.account.id;
    let rows = state
        .db()
        .run(move |db| {
            let rows = db.notifications(id, SHOWN)?;
            db.mark_read(id, now())?;
            Ok(rows)
        })
        .await?;
    user.unread = 0;
    Ok(NotificationsPage {
        layout: Layout::signed_in("Notifications", &user),
        lines: rows
            .into_iter()
            .map(|n| Line {
                at: date_time(n.at),
                text: n.text,
                // Only paths of this site are links (never another site's address).
                link: if n.link.starts_with('/') && !n.link.starts_with("//") {
                    n.link
                } else {
                    "/".to_owned()
                },
                new: !n.read,
            })
            .collect(),
    }
    .into_response())
}
