//! Prints the web application's figures the README quotes, at 100,000 experts:
//!
//! 1. a need's candidates page (`GET /besoins/{id}`, signed in as a coordinator):
//!    server time p50 / p95 over many needs, the request going through the whole app
//!    (session, CSRF, headers, template) in process, without a network;
//! 2. 50 concurrent readers (need pages and searches) while an import of 100,000
//!    experts runs in the same workspace (streamed, at the write priority, as
//!    `explor import` runs it): requests served, errors, p50 / p95 / max —
//!    twice: first as 50 people reading, each opening a page a second (`READING`), then
//!    with no pause at all, every reader asking again as soon as answered (the server
//!    saturated: there, latency is the number of readers over the pages served per
//!    second, and shows the throughput of the machine more than the wait of a reader).
//!
//! Run: `cargo bench -p explor-benches --bench web` (add `-- 10000` for another size).

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use explor_benches::fixture::{peak_memory_mib, percentile_ms, reset_peak_memory};
use explor_benches::{Dataset, Format, SynthConfig, generate};
use explor_engine::Reference;
use explor_indexer::{ImportOptions, LoadOptions, Workspace, load};
use explor_web::accounts::{self, NewAccount};
use explor_web::client::Client;
use explor_web::{AppState, Db, Role, Settings, app};

const BASE: &str = "http://127.0.0.1:8080";
const EMAIL: &str = "coordination@example.org";
const PASSWORD: &str = "une phrase de passe pour le banc d’essai";
/// Need pages timed one after the other.
const PAGES: usize = 200;
/// Concurrent readers during the import.
const READERS: usize = 50;
/// How often a person reading opens a page.
const READING: Duration = Duration::from_secs(1);

fn main() {
    // The app's errors (a page that failed, and why) go to stderr.
    tracing_subscriber::fmt()
        .with_max_level(tracing::Level::ERROR)
        .with_writer(std::io::stderr)
        .init();
    let experts = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(100_000);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    let dir = tempfile::tempdir().expect("a temporary folder");
    let root = dir.path().join("workspace");
    let data = generate(&SynthConfig::scaled(experts));
    let t = Instant::now();
    import(&root, &data, &dir.path().join("first"), true);
    println!(
        "workspace: {experts} experts, {} needs, imported in {:.1} s",
        data.needs.len(),
        t.elapsed().as_secs_f64()
    );

    let settings = Settings::new(BASE, false).expect("settings");
    let state = AppState::open(&root, settings).expect("the app's state");
    let router = app(state);
    let client = runtime.block_on(signed_in(&root, router));
    let needs: Vec<String> = data.needs.iter().map(|n| n.id.clone()).collect();

    runtime.block_on(pages(&client, &needs));

    // The second import: the same experts, every one changed (another seed).
    let changed = generate(&SynthConfig::scaled(experts).with_seed(7_777));
    let folder = dir.path().join("second");
    changed
        .write_dir_as(&folder, Format::Jsonl)
        .expect("write the second dataset");
    runtime.block_on(readers_during_import(
        &client,
        &needs,
        &root,
        &folder,
        Some(READING),
    ));
    // Then back to the first dataset, every expert changed again, with no pause.
    runtime.block_on(readers_during_import(
        &client,
        &needs,
        &root,
        &dir.path().join("first"),
        None,
    ));
    if let Some(peak) = peak_memory_mib() {
        println!("peak memory of the process: {peak:.0} MiB");
    }
}

/// Writes `data` as JSON Lines into `folder` and imports it (into a new workspace when
/// `init`).
fn import(root: &Path, data: &Dataset, folder: &Path, init: bool) {
    data.write_dir_as(folder, Format::Jsonl)
        .expect("write the dataset");
    let mut ws = if init {
        Workspace::init(root).expect("init").0
    } else {
        Workspace::open(root).expect("open")
    };
    ws.import(load(folder, None).expect("load"), &Reference::embedded())
        .expect("import");
}

/// A coordinator invited, with a password, and signed in through the pages.
async fn signed_in(root: &Path, router: axum::Router) -> Client {
    let mut db = Db::open(root).expect("the account database");
    let new = NewAccount {
        email: EMAIL,
        role: Role::Coordinator,
        org_id: None,
    };
    let invitation =
        accounts::invite(&mut db, root, &new, None, BASE, 3_600, now()).expect("an invitation");
    let path = invitation
        .link
        .strip_prefix(BASE)
        .expect("a link on the base URL")
        .to_owned();
    let mut c = Client::new(router, BASE);
    c.get(&path).await;
    let set = c
        .post(&path, &[("password", PASSWORD), ("confirmation", PASSWORD)])
        .await;
    assert!(set.status.is_redirection(), "password set: {}", set.status);
    let r = c.sign_in(EMAIL, PASSWORD).await;
    assert_eq!(r.location(), "/", "signed in");
    c.get("/").await;
    c
}

fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

/// Times `PAGES` need pages, one after the other (after one cold page).
async fn pages(client: &Client, needs: &[String]) {
    let mut c = client.clone();
    let t = Instant::now();
    let first = c.get(&format!("/besoins/{}", needs[0])).await;
    assert_eq!(first.status, 200, "{}", first.body);
    let cold = t.elapsed();
    let mut times = Vec::with_capacity(PAGES);
    for id in needs.iter().cycle().skip(1).take(PAGES) {
        let t = Instant::now();
        let r = c.get(&format!("/besoins/{id}")).await;
        times.push(t.elapsed());
        assert_eq!(r.status, 200, "/besoins/{id}: {}", r.body);
    }
    println!(
        "need's candidates page, {PAGES} needs: p50 {:.1} ms, p95 {:.1} ms (first, cold: {:.0} ms)",
        percentile_ms(&mut times, 50.0),
        percentile_ms(&mut times, 95.0),
        cold.as_secs_f64() * 1000.0
    );
}

/// `READERS` tasks read pages in a loop while the import of `folder` runs on a thread,
/// each waiting `pause` after a page when given (their starts spread over one pause).
async fn readers_during_import(
    client: &Client,
    needs: &[String],
    root: &Path,
    folder: &Path,
    pause: Option<Duration>,
) {
    let own_peak = reset_peak_memory();
    let importing = Arc::new(AtomicBool::new(true));
    let root = root.to_owned();
    let folder = folder.to_owned();
    let flag = importing.clone();
    let writer = std::thread::spawn(move || {
        let t = Instant::now();
        // As `explor import` does: at the write priority, streamed.
        explor_indexer::lower_thread_priority();
        let mut ws = Workspace::open(&root).expect("open for the import");
        let (outcome, _) = ws.import_path(
            &folder,
            &LoadOptions::new(),
            &Reference::embedded(),
            ImportOptions::default(),
        );
        outcome.expect("the import");
        flag.store(false, Ordering::SeqCst);
        t.elapsed()
    });
    let mut tasks = Vec::with_capacity(READERS);
    for reader in 0..READERS {
        let mut c = client.clone();
        let importing = importing.clone();
        let needs = needs.to_vec();
        tasks.push(tokio::spawn(async move {
            let mut times = Vec::new();
            let mut errors = Vec::new();
            let mut i = reader;
            if let Some(pause) = pause {
                tokio::time::sleep(pause * u32::try_from(reader).unwrap_or(0) / READERS as u32)
                    .await;
            }
            while importing.load(Ordering::SeqCst) {
                let path = if i % 4 == 3 {
                    "/recherche?q=eau&type=expert".to_owned()
                } else {
                    format!("/besoins/{}", needs[i % needs.len()])
                };
                let t = Instant::now();
                let r = c.get(&path).await;
                times.push(t.elapsed());
                if r.status != 200 {
                    errors.push(format!("{path}: {}", r.status));
                }
                i += READERS;
                if let Some(pause) = pause {
                    tokio::time::sleep(pause).await;
                }
            }
            (times, errors)
        }));
    }
    let mut times: Vec<Duration> = Vec::new();
    let mut errors = Vec::new();
    for task in tasks {
        let (t, e) = task.await.expect("a reader");
        times.extend(t);
        errors.extend(e);
    }
    let took = writer.join().expect("the import thread");
    let how = pause.map_or_else(
        || "with no pause".to_owned(),
        |p| format!("each opening a page every {} s", p.as_secs_f64()),
    );
    println!(
        "{READERS} readers ({how}) during an import of the same experts changed ({:.1} s): {} pages, {} errors, p50 {:.1} ms, p95 {:.1} ms, max {:.0} ms",
        took.as_secs_f64(),
        times.len(),
        errors.len(),
        percentile_ms(&mut times, 50.0),
        percentile_ms(&mut times, 95.0),
        times.iter().max().map_or(0.0, |d| d.as_secs_f64() * 1000.0)
    );
    for e in errors.iter().take(5) {
        println!("  error: {e}");
    }
    if let (true, Some(peak)) = (own_peak, peak_memory_mib()) {
        println!("  peak memory of the process during this phase: {peak:.0} MiB");
    }
}
