//! An in-process client of the app, for the route tests and the benchmarks (feature
//! `client`): it sends requests through the router (no network), keeps the session
//! cookie and the last CSRF token a page carried, and posts forms as a same-origin
//! browser does.

use std::net::SocketAddr;

use axum::Router;
use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{HeaderMap, Method, Request, StatusCode, header};
use http_body_util::BodyExt;
use tower::ServiceExt;

/// The client address the requests come from (a documentation address).
const CLIENT_ADDR: &str = "192.0.2.7:40000";

/// What the app answered.
pub struct Reply {
    /// The status.
    pub status: StatusCode,
    /// The headers.
    pub headers: HeaderMap,
    /// The body, as text.
    pub body: String,
    /// The body, as it came (a file to download).
    pub bytes: Vec<u8>,
}

impl Reply {
    /// The `Location` header, or "".
    pub fn location(&self) -> &str {
        self.headers
            .get(header::LOCATION)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
    }

    /// The `Set-Cookie` header.
    pub fn set_cookie(&self) -> Option<&str> {
        self.headers
            .get(header::SET_COOKIE)
            .and_then(|v| v.to_str().ok())
    }
}

/// Sends one request through `app` and reads the whole answer.
///
/// # Panics
/// When the router fails (it never does: its errors are responses) or the body cannot
/// be read.
pub async fn send(app: &Router, mut req: Request<Body>) -> Reply {
    let addr: SocketAddr = CLIENT_ADDR.parse().expect("a socket address");
    req.extensions_mut().insert(ConnectInfo(addr));
    let res = app.clone().oneshot(req).await.expect("the router answers");
    let status = res.status();
    let headers = res.headers().clone();
    let bytes = res
        .into_body()
        .collect()
        .await
        .expect("the body is read")
        .to_bytes();
    Reply {
        status,
        headers,
        body: String::from_utf8_lossy(&bytes).into_owned(),
        bytes: bytes.to_vec(),
    }
}

/// Keeps the session cookie and the last CSRF token seen in a page. A clone is
/// another tab of the same browser (same session), which then keeps its own token.
#[derive(Debug, Clone)]
pub struct Client {
    app: Router,
    base: String,
    /// The session cookie (`name=value`).
    pub cookie: Option<String>,
    /// The CSRF token of the last page that had one.
    pub csrf: Option<String>,
}

impl Client {
    /// A client of `app`, signed out, sending `Origin: base` with its forms.
    pub fn new(app: Router, base: &str) -> Self {
        Self {
            app,
            base: base.to_owned(),
            cookie: None,
            csrf: None,
        }
    }

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

    /// A request builder with the session cookie.
    pub fn request(&self, method: Method, path: &str) -> axum::http::request::Builder {
        let mut b = Request::builder().method(method).uri(path);
        if let Some(c) = &self.cookie {
            b = b.header(header::COOKIE, c);
        }
        b
    }

    /// `GET path`.
    pub async fn get(&mut self, path: &str) -> Reply {
        let req = self
            .request(Method::GET, path)
            .body(Body::empty())
            .expect("a request");
        let r = send(&self.app, req).await;
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
            .header(header::ORIGIN, &self.base)
            .header("sec-fetch-site", "same-origin")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(
                serde_urlencoded::to_string(&all).expect("form fields"),
            ))
            .expect("a request");
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
            .header(header::ORIGIN, &self.base)
            .header("sec-fetch-site", "same-origin")
            .header(
                header::CONTENT_TYPE,
                format!("multipart/form-data; boundary={B}"),
            )
            .body(Body::from(body))
            .expect("a request");
        self.send(req).await
    }

    /// Sends a request built with [`Client::request`], remembering cookie and token.
    pub async fn send(&mut self, req: Request<Body>) -> Reply {
        let r = send(&self.app, req).await;
        self.remember(&r);
        r
    }

    /// Signs in through the sign-in form.
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
