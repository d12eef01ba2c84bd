//! What the browser tests share: the `explor serve` process on a temporary workspace,
//! a headless Chromium driven through chromedriver (WebDriver), and the page checks
//! (axe-core accessibility, screenshots).

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use explor_tests::{TestWorkspace, explor_bin, repo_root, sample_dir};
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{Value, json};

/// The environment variable that turns the browser tests on (`.ci/run` sets it).
pub const ENABLE: &str = "EXPLOR_BROWSER_TESTS";
/// When set, the tests save screenshots of the main pages into this folder.
pub const SCREENSHOTS: &str = "EXPLOR_SCREENSHOTS";

/// Whether to run: the variable set, or a note on standard error and `false`.
pub fn enabled() -> bool {
    if std::env::var_os(ENABLE).is_some() {
        return true;
    }
    eprintln!("browser tests skipped: set {ENABLE}=1 (needs chromium and chromium-driver)");
    false
}

/// A free TCP port on the loopback address.
fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

/// Waits until `GET path` on `port` answers 200, or panics after 20 s.
fn wait_for(port: u16, path: &str) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while Instant::now() < deadline {
        if let Ok(mut s) = TcpStream::connect(("127.0.0.1", port)) {
            // Only the status line is read: some servers keep the connection open.
            let _ = s.set_read_timeout(Some(Duration::from_secs(2)));
            let _ = write!(
                s,
                "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
            );
            let mut status = [0u8; 12];
            if s.read_exact(&mut status).is_ok() && status.ends_with(b" 200") {
                return;
            }
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    panic!("nothing answered 200 on 127.0.0.1:{port}{path}");
}

/// A child process killed when dropped.
struct Process(Child);

impl Drop for Process {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// `explor serve` on `ws` at `port`, answering once healthy.
fn serve(ws: &TestWorkspace, port: u16, base: &str) -> Process {
    let child = Command::new(explor_bin())
        .env("EXPLOR_WORKSPACE", ws.workspace())
        .args([
            "serve",
            "--bind",
            &format!("127.0.0.1:{port}"),
            "--base-url",
            base,
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("explor serve starts");
    let process = Process(child);
    wait_for(port, "/healthz");
    process
}

/// `explor serve` on the sample, with its base URL.
pub struct Server {
    /// The workspace (and its temporary folder).
    pub ws: TestWorkspace,
    /// `http://127.0.0.1:PORT`.
    pub base: String,
    _process: Process,
}

impl Server {
    /// Imports the sample into a fresh workspace and serves it.
    pub fn start() -> Self {
        let ws = TestWorkspace::initialised();
        let sample = sample_dir();
        ws.explor(&["import", sample.to_str().expect("UTF-8 path")])
            .assert()
            .success();
        let port = free_port();
        let base = format!("http://127.0.0.1:{port}");
        let process = serve(&ws, port, &base);
        Self {
            ws,
            base,
            _process: process,
        }
    }

    /// [`Self::start`], then `call`'s batch committed: missions proposed, so that the
    /// pages listing them have rows.
    pub fn with_missions(call: &str) -> Self {
        let server = Self::start();
        server
            .ws
            .explor(&["batch", "--call", call, "--commit"])
            .assert()
            .success();
        server
    }

    /// Stops the server and starts it again on the same workspace and address, as an
    /// operator restarting the service (the reminders run at start).
    pub fn restart(self) -> Self {
        let Self { ws, base, _process } = self;
        drop(_process);
        let port: u16 = base
            .rsplit(':')
            .next()
            .and_then(|p| p.parse().ok())
            .expect("the port");
        let process = serve(&ws, port, &base);
        Self {
            ws,
            base,
            _process: process,
        }
    }

    /// `explor user add …` for an account of `role`; returns the invitation link.
    pub fn invite(&self, email: &str, role: &str, org: Option<&str>) -> String {
        let mut args = vec![
            "user",
            "add",
            "--email",
            email,
            "--role",
            role,
            "--base-url",
            &self.base,
        ];
        if let Some(org) = org {
            args.extend(["--org", org]);
        }
        let out = self.ws.explor(&args).output().expect("run explor user add");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .find(|l| l.starts_with(&self.base))
            .expect("the invitation link is printed")
            .trim()
            .to_owned()
    }

    /// The URL of `path` on this server.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }
}

/// chromedriver with a headless Chromium session.
pub struct Browser {
    /// The WebDriver client.
    pub client: Client,
    _driver: Process,
}

impl Browser {
    /// Starts chromedriver and opens a session.
    pub async fn start() -> Self {
        let port = free_port();
        let child = Command::new(driver_path())
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts (apt-get install chromium chromium-driver)");
        let driver = Process(child);
        wait_for(port, "/status");
        let mut caps = serde_json::Map::new();
        caps.insert(
            "goog:chromeOptions".into(),
            json!({"args": [
                "--headless=new", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", format!("--window-size={},{}", WINDOW.0, WINDOW.1),
                "--lang=fr-FR"
            ]}),
        );
        let client = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
            .expect("a WebDriver session");
        Self {
            client,
            _driver: driver,
        }
    }

    /// Fills the field labelled by id `field` with `value`.
    pub async fn fill(&self, field: &str, value: &str) {
        let input = self
            .client
            .find(Locator::Id(field))
            .await
            .unwrap_or_else(|e| panic!("no field #{field}: {e}"));
        input.clear().await.expect("clear");
        input.send_keys(value).await.expect("type");
    }

    /// Clicks the button whose text is `text`; when it submits a plain form (no htmx),
    /// waits until the next page has loaded, so that what follows reads that page and
    /// not the one being left (a sign-in hashes a password for a while).
    pub async fn press(&self, text: &str) {
        let xpath = format!("//button[normalize-space(.)={}]", xpath_literal(text));
        let button = self
            .client
            .find(Locator::XPath(&xpath))
            .await
            .unwrap_or_else(|e| panic!("no button {text:?}: {e}"));
        let navigates = self
            .mark_page(
                "const b = arguments[0]; const f = b.form; \
                 return !!f && b.type === 'submit' && !b.hasAttribute('formnovalidate') \
                   && !b.closest('[hx-get],[hx-post]') && f.checkValidity();",
                &button,
            )
            .await;
        button.click().await.expect("click");
        if navigates {
            self.wait_for_next_page(text).await;
        }
    }

    /// Clicks the link whose text is `text` and waits for the page it leads to.
    pub async fn follow(&self, text: &str) {
        let xpath = format!("//a[normalize-space(.)={}]", xpath_literal(text));
        let link = self
            .client
            .find(Locator::XPath(&xpath))
            .await
            .unwrap_or_else(|e| panic!("no link {text:?}: {e}"));
        let navigates = self
            .mark_page(
                "const a = arguments[0]; return !a.closest('[hx-get],[hx-post],[hx-boost]');",
                &link,
            )
            .await;
        link.click().await.expect("click");
        if navigates {
            self.wait_for_next_page(text).await;
        }
    }

    /// Marks the current document (a new page will not carry the mark) and returns what
    /// `test` says of `element`: whether clicking it leaves the page.
    async fn mark_page(&self, test: &str, element: &fantoccini::elements::Element) -> bool {
        let script = format!("window.__explorLeaving = true; {test}");
        self.client
            .execute(&script, vec![json!(element)])
            .await
            .expect("the page answers")
            .as_bool()
            .unwrap_or(false)
    }

    /// Waits until the marked document has been replaced and the new one has loaded.
    async fn wait_for_next_page(&self, what: &str) {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let loaded = self
                .client
                .execute(
                    "return window.__explorLeaving !== true && document.readyState === 'complete';",
                    vec![],
                )
                .await
                .ok()
                .and_then(|v| v.as_bool())
                .unwrap_or(false);
            if loaded {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "no new page 20 s after pressing {what:?}"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Sets the value of the input with id `field` as a script would (date inputs take
    /// typed keys in the browser's locale; their value is always `aaaa-mm-jj`).
    pub async fn set_value(&self, field: &str, value: &str) {
        self.client
            .execute(
                "const e = document.getElementById(arguments[0]); e.value = arguments[1]; return e.value;",
                vec![json!(field), json!(value)],
            )
            .await
            .unwrap_or_else(|e| panic!("no field #{field}: {e}"));
    }

    /// Chooses `value` in the `<select>` with id `field`.
    pub async fn choose(&self, field: &str, value: &str) {
        self.client
            .find(Locator::Id(field))
            .await
            .unwrap_or_else(|e| panic!("no field #{field}: {e}"))
            .select_by_value(value)
            .await
            .unwrap_or_else(|e| panic!("no option {value:?} in #{field}: {e}"));
    }

    /// Waits (up to 10 s) until the page's text contains `needle`, then returns the text;
    /// panics with the text otherwise. For pages that htmx updates in place.
    pub async fn wait_for_text(&self, needle: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let text = self.text().await;
            if text.contains(needle) {
                return text;
            }
            assert!(
                Instant::now() < deadline,
                "{needle:?} never appeared; the page says:\n{text}"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Fetches `path` from the page, with the browser's cookies, as a download link
    /// would: returns (status, `Content-Type`, `Content-Disposition`, body).
    pub async fn download(&self, path: &str) -> (u16, String, String, String) {
        let got = self
            .client
            .execute_async(
                "const [path, done] = [arguments[0], arguments[arguments.length - 1]];\
                 fetch(path, {credentials: 'same-origin'})\
                   .then(r => r.text().then(body => done([r.status,\
                     r.headers.get('content-type') || '', r.headers.get('content-disposition') || '', body])))\
                   .catch(e => done([0, '', '', String(e)]));",
                vec![json!(path)],
            )
            .await
            .expect("fetch runs in the page");
        let s = |i: usize| got[i].as_str().unwrap_or_default().to_owned();
        (got[0].as_u64().unwrap_or(0) as u16, s(1), s(2), s(3))
    }

    /// The page's text. A page being replaced (after a click) is waited for: the body
    /// read from the old page goes stale, and is read again, for up to 10 s.
    pub async fn text(&self) -> String {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let read = match self.client.find(Locator::Css("body")).await {
                Ok(body) => body.text().await,
                Err(e) => Err(e),
            };
            match read {
                Ok(text) => return text,
                Err(e) if Instant::now() >= deadline => panic!("the page's text: {e}"),
                Err(_) => tokio::time::sleep(Duration::from_millis(100)).await,
            }
        }
    }

    /// The text of every element matching the CSS `selector`, read at once (no element
    /// can go stale between two reads while htmx swaps a part of the page).
    pub async fn texts(&self, selector: &str) -> Vec<String> {
        let got = self
            .client
            .execute(
                "return Array.from(document.querySelectorAll(arguments[0])).map(e => e.innerText);",
                vec![json!(selector)],
            )
            .await
            .expect("the page answers");
        got.as_array()
            .map(|a| {
                a.iter()
                    .map(|t| t.as_str().unwrap_or_default().to_owned())
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Whether htmx has a request in flight on the page.
    pub async fn htmx_busy(&self) -> bool {
        self.client
            .execute(
                "return document.querySelector('.htmx-request') !== null;",
                vec![],
            )
            .await
            .ok()
            .and_then(|v| v.as_bool())
            .unwrap_or(true)
    }

    /// The path of the current page.
    pub async fn path(&self) -> String {
        self.client
            .current_url()
            .await
            .expect("a URL")
            .path()
            .to_owned()
    }

    /// What scrolls sideways on a phone ([`PHONE`]) among `pages` (paths on `server`),
    /// each opened at that width and checked to be that page, not a redirect; `who`
    /// names the account in the messages. The window is given its size back after.
    pub async fn pages_wider_than_a_phone(
        &self,
        server: &Server,
        who: &str,
        pages: &[String],
    ) -> Vec<String> {
        self.client
            .set_window_size(PHONE.0, PHONE.1)
            .await
            .expect("resize the window");
        let mut wide = Vec::new();
        for page in pages {
            self.client
                .goto(&server.url(page))
                .await
                .expect("open the page");
            let path = page.split('?').next().unwrap_or(page);
            assert_eq!(
                self.path().await,
                path,
                "{who}: the page itself, not a redirect"
            );
            wide.extend(self.wider_than_window(&format!("{who} {page}")).await);
        }
        self.client
            .set_window_size(WINDOW.0, WINDOW.1)
            .await
            .expect("resize the window");
        wide
    }

    /// `None` when the page is no wider than the window; else what scrolls sideways:
    /// the page's widths and the elements sticking out outside any scrolling box
    /// (`page` names it in the message).
    async fn wider_than_window(&self, page: &str) -> Option<String> {
        let width = self
            .client
            .execute(
                "const e = document.documentElement; return [e.scrollWidth, e.clientWidth];",
                vec![],
            )
            .await
            .expect("the page's widths");
        let (Some(scroll), Some(client)) = (width[0].as_u64(), width[1].as_u64()) else {
            panic!("{page}: {width}");
        };
        assert!(
            client < u64::from(PHONE.0) + 10,
            "{page}: the window is {client} px wide"
        );
        if scroll <= client {
            return None;
        }
        let culprits = self
            .client
            .execute(
                "const w = document.documentElement.clientWidth; \
                 const out = e => e.getBoundingClientRect().right > w + 1; \
                 const boxed = e => { for (let p = e.parentElement; p; p = p.parentElement) { \
                   const o = getComputedStyle(p).overflowX; \
                   if (o === 'auto' || o === 'scroll' || o === 'hidden') return true; } \
                   return false; }; \
                 return [...document.querySelectorAll('body *')] \
                   .filter(e => out(e) && !boxed(e)) \
                   .slice(0, 12) \
                   .map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : ''));",
                vec![],
            )
            .await
            .expect("the elements that stick out");
        Some(format!("{page}: {scroll} px for {client} px ({culprits})"))
    }

    /// Runs axe-core (vendored) on the page and panics on any serious or critical
    /// violation, listing them.
    pub async fn check_accessibility(&self, page: &str) {
        let axe = std::fs::read_to_string(repo_root().join("web/assets/test/axe.min.js"))
            .expect("the vendored axe-core");
        self.client
            .execute(&axe, vec![])
            .await
            .expect("axe-core loads");
        let violations = self
            .client
            .execute_async(
                "const done = arguments[arguments.length - 1];\
                 axe.run(document).then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length}))));",
                vec![],
            )
            .await
            .expect("axe-core runs");
        let serious: Vec<&Value> = violations
            .as_array()
            .expect("a list of violations")
            .iter()
            .filter(|v| matches!(v["impact"].as_str(), Some("serious" | "critical")))
            .collect();
        assert!(
            serious.is_empty(),
            "{page}: serious or critical accessibility violations: {serious:#?}"
        );
    }

    /// Saves a screenshot as `NAME.png` when screenshots are asked for.
    pub async fn screenshot(&self, name: &str) {
        let Some(dir) = std::env::var_os(SCREENSHOTS) else {
            return;
        };
        let png = self.client.screenshot().await.expect("a screenshot");
        let dir = PathBuf::from(dir);
        std::fs::create_dir_all(&dir).expect("the screenshot folder");
        std::fs::write(dir.join(format!("{name}.png")), png).expect("write the screenshot");
    }

    /// Ends the session.
    pub async fn close(self) {
        let _ = self.client.close().await;
    }
}

/// chromedriver as Debian installs it, or from `PATH`.
fn driver_path() -> PathBuf {
    let debian = Path::new("/usr/bin/chromedriver");
    if debian.exists() {
        debian.to_owned()
    } else {
        PathBuf::from("chromedriver")
    }
}

/// `text` as an XPath string literal.
fn xpath_literal(text: &str) -> String {
    if text.contains('\'') {
        format!("\"{text}\"")
    } else {
        format!("'{text}'")
    }
}

/// Signs in through the form.
pub async fn sign_in(b: &Browser, server: &Server, email: &str, password: &str) {
    b.client
        .goto(&server.url("/connexion"))
        .await
        .expect("the sign-in page");
    b.fill("email", email).await;
    b.fill("password", password).await;
    b.press("Se connecter").await;
}

/// Follows an invitation link and sets the password.
pub async fn accept_invitation(b: &Browser, link: &str, password: &str) {
    b.client.goto(link).await.expect("the invitation page");
    b.fill("password", password).await;
    b.fill("confirmation", password).await;
    b.press("Enregistrer le mot de passe").await;
}

/// A coordinator's account on `server`, invited, with its password set, and signed in.
pub async fn signed_in_coordinator(b: &Browser, server: &Server, email: &str) {
    let link = server.invite(email, "coordinator", None);
    accept_invitation(b, &link, COORDINATOR_PASSWORD).await;
    sign_in(b, server, email, COORDINATOR_PASSWORD).await;
    assert_eq!(b.path().await, "/", "signed in");
}

/// The browser's window, in CSS pixels.
const WINDOW: (u32, u32) = (1280, 1000);

/// A phone held upright, in CSS pixels: no page may be wider.
const PHONE: (u32, u32) = (390, 844);

/// The password the coordinators of these tests choose.
pub const COORDINATOR_PASSWORD: &str = "une phrase de passe assez longue";
