//! The web crate's errors: what a user (or the command line) can fix, apart from what
//! failed inside, and how each becomes an HTTP response.
//!
//! A response never shows internals: an internal failure is logged with its source and
//! a short operation id, and the page shows only a generic French message and that id.

use std::path::PathBuf;

use askama::Template;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};

use crate::auth::token;
use crate::views::Layout;

/// Errors of the web application and of account administration.
#[derive(Debug, thiserror::Error)]
pub enum WebError {
    /// Something the user can fix (a taken e-mail, an unknown organisation id…).
    #[error(transparent)]
    User(#[from] UserError),
    /// A failure of the machine or a defect.
    #[error(transparent)]
    Internal(#[from] InternalError),
    /// The page does not exist, or the account may not know that it does.
    #[error("not found")]
    NotFound,
    /// A state-changing request that failed the cross-site checks.
    #[error("forbidden: {0}")]
    Forbidden(&'static str),
    /// Another write holds the workspace (an import, a batch being committed): try
    /// again in a moment.
    #[error("the workspace is busy with another write")]
    Busy,
    /// No valid session: sign in first.
    #[error("signed out")]
    SignedOut {
        /// The request came from htmx (answer 401 with `HX-Redirect`).
        htmx: bool,
    },
}

/// Mistakes and situations the user can act on.
#[derive(Debug, thiserror::Error)]
pub enum UserError {
    /// No explor workspace at the given place.
    #[error("{}", explor_engine::fr::web::no_workspace(.0.display()))]
    NoWorkspace(PathBuf),
    /// Not an e-mail address.
    #[error("{}", explor_engine::fr::web::bad_email(.0))]
    BadEmail(String),
    /// An account already uses this e-mail.
    #[error("{}", explor_engine::fr::web::email_taken(.0))]
    EmailTaken(String),
    /// No account has this e-mail.
    #[error("{}", explor_engine::fr::web::no_account(.0))]
    NoAccount(String),
    /// The role needs an organisation or expert id and none was given.
    #[error("{}", explor_engine::fr::web::org_required(.0))]
    OrgRequired(&'static str),
    /// A coordinator account takes no organisation id.
    #[error("{}", explor_engine::fr::web::COORDINATOR_WITH_ORG)]
    OrgNotAllowed,
    /// The organisation or expert id names nothing of the right kind.
    #[error("{}", explor_engine::fr::web::unknown_org(.id, .expected))]
    UnknownOrg {
        /// The id given.
        id: String,
        /// What it should name ("an association").
        expected: &'static str,
    },
    /// The base URL cannot be used.
    #[error("{}", explor_engine::fr::web::bad_base_url(.0))]
    BadBaseUrl(String),
    /// The SMTP server's address cannot be used. The address is not repeated: it may
    /// hold a password.
    #[error("{}", explor_engine::fr::web::bad_smtp_url(.0))]
    BadSmtpUrl(&'static str),
    /// The sender's address is not an e-mail address.
    #[error("{}", explor_engine::fr::web::bad_mail_from(.0))]
    BadMailFrom(String),
    /// An SMTP server is given without the sender's address, or the reverse.
    #[error("{}", explor_engine::fr::web::SMTP_HALF_CONFIGURED)]
    SmtpHalfConfigured,
}

/// Failures of the machine or defects: never shown to the user.
#[derive(Debug, thiserror::Error)]
pub enum InternalError {
    /// The account database failed.
    #[error("account database: {0}")]
    Database(#[from] rusqlite::Error),
    /// The workspace (record store, index) failed.
    #[error("workspace: {0}")]
    Workspace(#[from] explor_indexer::Error),
    /// The session layer failed.
    #[error("session: {0}")]
    Session(#[from] tower_sessions::session::Error),
    /// A template could not be rendered.
    #[error("template: {0}")]
    Template(#[from] askama::Error),
    /// A blocking task panicked or was cancelled.
    #[error("blocking task: {0}")]
    Join(#[from] tokio::task::JoinError),
    /// Password hashing failed.
    #[error("password hashing: {0}")]
    Hash(String),
    /// The operating system's random generator failed.
    #[error("random generator: {0}")]
    Random(String),
    /// The network or a file failed.
    #[error("I/O: {0}")]
    Io(#[from] std::io::Error),
    /// Stored data is not what this version wrote.
    #[error("corrupt data: {0}")]
    Corrupt(String),
}

impl From<rusqlite::Error> for WebError {
    fn from(e: rusqlite::Error) -> Self {
        if is_busy(&e) {
            return Self::Busy;
        }
        Self::Internal(e.into())
    }
}

/// Whether SQLite gave up waiting for another connection's write.
fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
    )
}

impl From<tower_sessions::session::Error> for WebError {
    fn from(e: tower_sessions::session::Error) -> Self {
        Self::Internal(e.into())
    }
}

impl From<askama::Error> for WebError {
    fn from(e: askama::Error) -> Self {
        Self::Internal(e.into())
    }
}

impl From<tokio::task::JoinError> for WebError {
    fn from(e: tokio::task::JoinError) -> Self {
        Self::Internal(e.into())
    }
}

impl From<explor_indexer::Error> for WebError {
    fn from(e: explor_indexer::Error) -> Self {
        use explor_indexer::{Error, InternalError as Store, UserError as Workspace};
        match &e {
            Error::User(Workspace::Locked(_)) => Self::Busy,
            Error::Internal(Store::Store(sqlite)) if is_busy(sqlite) => Self::Busy,
            _ => Self::Internal(e.into()),
        }
    }
}

/// A `Result` with [`WebError`].
pub type Result<T, E = WebError> = std::result::Result<T, E>;

/// The generic error page: a title, a sentence, and the operation id when there is one.
#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    layout: Layout,
    message: String,
    operation: Option<String>,
}

impl IntoResponse for WebError {
    fn into_response(self) -> Response {
        let (status, title, message, operation) = match self {
            WebError::SignedOut { htmx: true } => {
                let mut res = StatusCode::UNAUTHORIZED.into_response();
                res.headers_mut()
                    .insert("hx-redirect", HeaderValue::from_static("/connexion"));
                return res;
            }
            WebError::SignedOut { htmx: false } => {
                return Redirect::to("/connexion").into_response();
            }
            WebError::Busy => {
                let page = ErrorPage {
                    layout: Layout::signed_out(explor_engine::fr::web::BUSY_TITLE, String::new()),
                    message: explor_engine::fr::web::BUSY.to_owned(),
                    operation: None,
                };
                let mut res = match page.render() {
                    Ok(html) => (
                        StatusCode::SERVICE_UNAVAILABLE,
                        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
                        html,
                    )
                        .into_response(),
                    Err(_) => (
                        StatusCode::SERVICE_UNAVAILABLE,
                        explor_engine::fr::web::BUSY_SHORT,
                    )
                        .into_response(),
                };
                res.headers_mut()
                    .insert(header::RETRY_AFTER, HeaderValue::from_static("5"));
                return res;
            }
            WebError::NotFound => (
                StatusCode::NOT_FOUND,
                "Page introuvable",
                explor_engine::fr::web::NOT_FOUND.to_owned(),
                None,
            ),
            WebError::Forbidden(why) => {
                tracing::warn!(reason = why, "request refused");
                (
                    StatusCode::FORBIDDEN,
                    explor_engine::fr::web::FORBIDDEN_TITLE,
                    explor_engine::fr::web::FORBIDDEN.to_owned(),
                    None,
                )
            }
            WebError::User(e) => (
                StatusCode::BAD_REQUEST,
                explor_engine::fr::web::BAD_REQUEST_TITLE,
                user_message(&e),
                None,
            ),
            WebError::Internal(e) => {
                let operation = operation_id();
                tracing::error!(operation = %operation, error = %e, "internal error");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    explor_engine::fr::web::INTERNAL_TITLE,
                    explor_engine::fr::web::INTERNAL.to_owned(),
                    Some(operation),
                )
            }
        };
        let page = ErrorPage {
            layout: Layout::signed_out(title, String::new()),
            message,
            operation,
        };
        match page.render() {
            Ok(html) => (
                status,
                [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
                html,
            )
                .into_response(),
            Err(e) => {
                tracing::error!(error = %e, "cannot render the error page");
                (status, explor_engine::fr::web::ERROR_TITLE).into_response()
            }
        }
    }
}

/// The French sentence for a user mistake (the `Display` text is for the command line).
pub(crate) fn user_message(e: &UserError) -> String {
    match e {
        UserError::NoWorkspace(_) => explor_engine::fr::web::NO_WORKSPACE.to_owned(),
        UserError::BadEmail(_) => explor_engine::fr::web::BAD_EMAIL.to_owned(),
        UserError::EmailTaken(_) => explor_engine::fr::web::EMAIL_TAKEN.to_owned(),
        UserError::NoAccount(_) => explor_engine::fr::web::NO_ACCOUNT.to_owned(),
        UserError::OrgRequired(_) => explor_engine::fr::web::ORG_REQUIRED.to_owned(),
        UserError::OrgNotAllowed => explor_engine::fr::web::ORG_NOT_ALLOWED.to_owned(),
        UserError::UnknownOrg { id, .. } => explor_engine::fr::web::unknown_org_id(id),
        UserError::BadBaseUrl(_) => explor_engine::fr::web::BAD_BASE_URL.to_owned(),
        UserError::BadSmtpUrl(_) | UserError::BadMailFrom(_) | UserError::SmtpHalfConfigured => {
            explor_engine::fr::web::BAD_MAIL_CONFIG.to_owned()
        }
    }
}

/// A short random id that ties a log line to what the user saw.
fn operation_id() -> String {
    token::random_hex::<4>().unwrap_or_else(|_| "inconnu".to_owned())
}
