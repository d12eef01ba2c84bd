//! A test harness: a temporary workspace with the sample, the app, and a cookie-keeping
//! client.

use std::net::SocketAddr;
use std::path::Path;

use axum::Router;
use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{HeaderMap, Method, Request, StatusCode, header};
use explor_engine::Reference;
use explor_indexer::{Workspace, load};
use http_body_util::BodyExt;
use tower::ServiceExt;

use crate::accounts::{self, NewAccount};
use crate::config::Settings;
use crate::state::AppState;
use crate::store::{Db, Role, now};

pub const BASE: &str = "http://127.0.0.1:8080";
pub const PASSWORD: &str = "un cheval agrafe la pile correcte";

pub struct Harness {
    dir: tempfile::TempDir,
    pub app: Router,
}

pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
}

impl Reply {
    pub fn location(&self) -> &str {
        self.headers
            .get(header::LOCATION)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
    }

    pub fn set_cookie(&self) -> Option<&str> {
        self.headers
            .get(header::SET_COOKIE)
            .and_then(|v| v.to_str().ok())
    }
}

impl Harness {
    pub fn new() -> Self {
        Self::with(false)
    }

    pub fn with(secure_cookies: bool) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let (mut ws, _) = Workspace::init(dir.path()).unwrap();
        let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("../data/sample");
        ws.import(load(&sample, None).unwrap(), &Reference::embedded())
            .unwrap();
        let settings = Settings::new(BASE, secure_cookies).unwrap();
        let state = AppState::open(dir.path(), settings).unwrap();
        let app = crate::app(state.clone());
        Self { dir, app }
    }

    /// The workspace, as the command line opens it.
    pub fn workspace(&self) -> Workspace {
        Workspace::open(self.dir.path()).unwrap()
    }

    /// A signed-in coordinator.
    pub async fn coordinator(&self) -> Client<'_> {
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
    pub async fn account(&self, email: &str, role: Role, org: Option<&str>) -> Client<'_> {
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
    pub async fn signed_in(&self, email: &str, role: Role, org: Option<&str>) -> Client<'_> {
        let mut c = self.account(email, role, org).await;
        let r = c.sign_in(email, PASSWORD).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        assert_eq!(r.location(), "/");
        // The token changes at sign-in: take the new one from a page.
        c.get("/").await;
        c
    }

    pub fn client(&self) -> Client<'_> {
        Client {
            h: self,
            cookie: None,
            csrf: None,
        }
    }

    pub async fn send(&self, mut req: Request<Body>) -> Reply {
        let addr: SocketAddr = "192.0.2.7:40000".parse().unwrap();
        req.extensions_mut().insert(ConnectInfo(addr));
        let res = self.app.clone().oneshot(req).await.unwrap();
        let status = res.status();
        let headers = res.headers().clone();
        let bytes = res.into_body().collect().await.unwrap().to_bytes();
        Reply {
            status,
            headers,
            body: String::from_utf8_lossy(&bytes).into_owned(),
        }
    }
}

/// Keeps the session cookie and the last CSRF token seen in a page.
pub struct Client<'h> {
    h: &'h Harness,
    pub cookie: Option<String>,
    pub csrf: Option<String>,
}

impl Client<'_> {
    fn remember(&mut self, r: &Reply) {
        if let Some(set) = r.set_cookie() {
            let pair = set.split(';').next().unwrap_or_default();
            let expired = set.contains("Max-Age=0") || pair.ends_with('=');
            self.cookie = (!expired).then(|| pair.to_owned());
        }
        if let Some(t) = csrf_in(&r.body) {
            self.csrf = Some(t);
        }
    }

    pub fn request(&self, method: Method, path: &str) -> axum::http::request::Builder {
        let mut b = Request::builder().method(method).uri(path);
        if let Some(c) = &self.cookie {
            b = b.header(header::COOKIE, c);
        }
        b
    }

    pub async fn get(&mut self, path: &str) -> Reply {
        let req = self.request(Method::GET, path).body(Body::empty()).unwrap();
        let r = self.h.send(req).await;
        self.remember(&r);
        r
    }

    /// A same-origin form POST with the CSRF token, as a browser sends it.
    pub async fn post(&mut self, path: &str, fields: &[(&str, &str)]) -> Reply {
        let mut all: Vec<(&str, &str)> = fields.to_vec();
        let token = self.csrf.clone().unwrap_or_default();
        all.push(("csrf", &token));
        let req = self
            .request(Method::POST, path)
            .header(header::ORIGIN, BASE)
            .header("sec-fetch-site", "same-origin")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(serde_urlencoded::to_string(&all).unwrap()))
            .unwrap();
        self.send(req).await
    }

    /// A same-origin `multipart/form-data` POST: the CSRF field first (as the site's
    /// forms send it), then `fields`, then the file `(field, file name, bytes)`.
    pub async fn post_multipart(
        &mut self,
        path: &str,
        fields: &[(&str, &str)],
        file: (&str, &str, &[u8]),
        with_token: bool,
    ) -> Reply {
        const B: &str = "----explor-test-boundary";
        let mut body: Vec<u8> = Vec::new();
        let token = self.csrf.clone().unwrap_or_default();
        let mut all: Vec<(&str, &str)> = Vec::new();
        if with_token {
            all.push(("csrf", &token));
        }
        all.extend_from_slice(fields);
        for (k, v) in all {
            body.extend_from_slice(
                format!("--{B}\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n")
                    .as_bytes(),
            );
        }
        let (name, file_name, bytes) = file;
        body.extend_from_slice(
            format!(
                "--{B}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{file_name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(format!("\r\n--{B}--\r\n").as_bytes());
        let req = self
            .request(Method::POST, path)
            .header(header::ORIGIN, BASE)
            .header("sec-fetch-site", "same-origin")
            .header(
                header::CONTENT_TYPE,
                format!("multipart/form-data; boundary={B}"),
            )
            .body(Body::from(body))
            .unwrap();
        self.send(req).await
    }

    pub async fn send(&mut self, req: Request<Body>) -> Reply {
        let r = self.h.send(req).await;
        self.remember(&r);
        r
    }

    pub async fn sign_in(&mut self, email: &str, password: &str) -> Reply {
        if self.csrf.is_none() {
            self.get("/connexion").await;
        }
        self.post("/connexion", &[("email", email), ("password", password)])
            .await
    }
}

/// The CSRF token of a page's forms.
pub fn csrf_in(html: &str) -> Option<String> {
    let start = html.find("name=\"csrf\" value=\"")? + "name=\"csrf\" value=\"".len();
    let end = html[start..].find('"')? + start;
    Some(html[start..end].to_owned()).filter(|t| !t.is_empty())
}
