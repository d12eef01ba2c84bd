//! A test harness: a temporary workspace with the sample, the app, and a cookie-keeping
//! client.

use std::path::Path;

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use explor_engine::Reference;
use explor_indexer::{Workspace, load};

pub use crate::client::{Client, Reply};

use crate::accounts::{self, NewAccount};
use crate::config::Settings;
use crate::state::AppState;
use crate::store::{Db, Role, now};

pub const BASE: &str = "http://127.0.0.1:8080";
pub const PASSWORD: &str = "un cheval agrafe la pile correcte";

pub struct Harness {
    pub dir: tempfile::TempDir,
    pub app: Router,
    pub state: AppState,
}

impl Harness {
    pub fn new() -> Self {
        Self::with(false)
    }

    pub fn with(secure_cookies: bool) -> Self {
        Self::with_settings(|s| s.secure_cookies = secure_cookies)
    }

    /// A harness whose settings `change` adjusts.
    pub fn with_settings(change: impl FnOnce(&mut Settings)) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let (mut ws, _) = Workspace::init(dir.path()).unwrap();
        let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("../data/sample");
        ws.import(load(&sample, None).unwrap(), &Reference::embedded())
            .unwrap();
        let mut settings = Settings::new(BASE, false).unwrap();
        change(&mut settings);
        let state = AppState::open(dir.path(), settings).unwrap();
        let app = crate::app(state.clone());
        Self { dir, app, state }
    }

    /// The workspace, as the command line opens it.
    pub fn workspace(&self) -> Workspace {
        Workspace::open(self.dir.path()).unwrap()
    }

    /// Imports `records` as the file `file` (`needs.json`, `experts.json`…), as the
    /// command line would.
    pub fn import_records(&self, file: &str, records: &[serde_json::Value]) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(file);
        std::fs::write(&path, serde_json::to_string(records).unwrap()).unwrap();
        self.workspace()
            .import(load(&path, None).unwrap(), &Reference::embedded())
            .unwrap();
    }

    /// A signed-in coordinator.
    pub async fn coordinator(&self) -> Client {
        self.signed_in("coord@example.org", Role::Coordinator, None)
            .await
    }

    pub fn db(&self) -> Db {
        Db::open(self.dir.path()).unwrap()
    }

    /// Invites an account the way the command line does; returns the invitation token.
    pub fn invite(&self, email: &str, role: Role, org: Option<&str>) -> String {
        let new = NewAccount {
            email,
            role,
            org_id: org,
        };
        let inv = accounts::invite(
            &mut self.db(),
            self.dir.path(),
            &new,
            None,
            BASE,
            7 * 86_400,
            now(),
        )
        .unwrap();
        inv.link.rsplit('/').next().unwrap().to_owned()
    }

    /// An account with a password, invited and activated through the pages.
    pub async fn account(&self, email: &str, role: Role, org: Option<&str>) -> Client {
        let token = self.invite(email, role, org);
        let mut c = self.client();
        let path = format!("/invite/{token}");
        c.get(&path).await;
        let r = c
            .post(&path, &[("password", PASSWORD), ("confirmation", PASSWORD)])
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        c
    }

    /// A signed-in client.
    pub async fn signed_in(&self, email: &str, role: Role, org: Option<&str>) -> Client {
        let mut c = self.account(email, role, org).await;
        let r = c.sign_in(email, PASSWORD).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        assert_eq!(r.location(), "/");
        // The token changes at sign-in: take the new one from a page (an account's
        // home may send it on to its own space).
        let home = c.get("/").await;
        if home.status.is_redirection() {
            let next = home.location().to_owned();
            c.get(&next).await;
        }
        c
    }

    pub fn client(&self) -> Client {
        Client::new(self.app.clone(), BASE)
    }

    pub async fn send(&self, req: Request<Body>) -> Reply {
        crate::client::send(&self.app, req).await
    }
}

/// The record `id` of the sample's file `file`, as written there.
pub fn sample_record(file: &str, id: &str) -> serde_json::Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../data/sample")
        .join(file);
    let all: Vec<serde_json::Value> =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    all.into_iter().find(|r| r["id"] == id).unwrap()
}
