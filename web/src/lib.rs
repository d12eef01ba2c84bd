//! # explor-web
//!
//! The web application of explor, served by `explor serve`: coordinators, companies,
//! associations and experts sign in to a server-rendered site (axum, askama templates,
//! htmx and Pico CSS embedded in the binary) over the same workspace the command line
//! uses.
//!
//! This first part is the foundation: accounts with roles and invitations
//! ([`accounts`]), sessions in the workspace's SQLite database, sign-in with argon2id
//! and throttling, CSRF protection, security headers, an audit log, and the serving
//! itself ([`serve`], [`app`]). On it, the coordinator's pages: dashboard, search with
//! facets, needs with their ranked candidates and proposals, missions with their
//! lifecycle, cost plan and documents, a call's batch and its commit, import, and an
//! expert's erasure — each built from the same `explor-views` views as the CLI.
//!
//! Notifications are also e-mails, written as files into the workspace's outbox and
//! sent by a relay inside [`serve`] when an SMTP server is configured ([`SmtpConfig`]).
//! Erasing an expert reaches this crate's data too: [`forget`] deletes their accounts
//! and the e-mails addressed to them.
//!
//! Main types: [`AppState`] (workspace, account database, [`Settings`]), the
//! authorisation extractors [`CurrentUser`] and [`Coordinator`], [`Db`] (the web
//! tables) and [`WebError`].
//!
//! One design decision: authorisation is done by extractors, not by middleware or by
//! checks inside handlers. A handler that takes [`Coordinator`] cannot run for anyone
//! else, and a handler that takes nothing of the kind is visibly public. Likewise CSRF
//! is one middleware in front of every route, so no handler can forget either.
//!
//! ```
//! use explor_web::{AppState, Settings, app};
//!
//! let dir = tempfile::tempdir().unwrap();
//! explor_indexer::Workspace::init(dir.path()).unwrap();
//! let settings = Settings::new("http://127.0.0.1:8080", false).unwrap();
//! let state = AppState::open(dir.path(), settings).unwrap();
//! let router: axum::Router = app(state);
//! # drop(router);
//! ```
#![warn(missing_docs)]

pub mod accounts;
mod assets;
mod auth;
#[cfg(any(test, feature = "client"))]
pub mod client;
mod config;
mod error;
mod forget;
mod forms;
mod headers;
mod logging;
mod notify;
mod relay;
mod reminders;
mod routes;
mod serve;
mod state;
mod store;
mod views;

#[cfg(test)]
mod tests;

pub use auth::extract::{Coordinator, CurrentUser};
pub use auth::password::{MAX_CHARS, MIN_CHARS, Weakness, check as check_password};
pub use config::{ServeConfig, Settings};
pub use error::{InternalError, Result, UserError, WebError};
pub use forget::{Forgotten, forget};
pub use headers::CSP;
pub use relay::SmtpConfig;
pub use routes::app;
pub use serve::{init_tracing, serve};
pub use state::AppState;
pub use store::{Account, AccountState, Action, AuditEntry, AuditFilter, Db, Role, SharedDb};
