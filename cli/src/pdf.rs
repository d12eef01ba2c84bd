//! PDF documents through the headless Chromium the browser tests already need
//! (`--print-to-pdf`): the printable HTML page of a document, printed as the browser
//! prints it. Nothing is installed for it; when no Chromium is found the user is told
//! what to install, and how to do without.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// How long Chromium may take to print one document.
const PRINT_TIMEOUT: Duration = Duration::from_secs(60);

/// Why a PDF could not be made.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// No browser to print with.
    #[error("{}", explor_engine::fr::cli::no_chromium(.0))]
    NoBrowser(String),
    /// The browser ran but gave no PDF.
    #[error("{}", explor_engine::fr::cli::no_pdf(.browser.display(), .why))]
    Failed {
        /// The browser run.
        browser: PathBuf,
        /// What went wrong.
        why: String,
    },
    /// The temporary folder for the page and the PDF could not be used.
    #[error("{}", explor_engine::fr::cli::printing_failed(.0))]
    Io(#[from] std::io::Error),
}

impl PdfError {
    fn failed(browser: &Path, why: impl Into<String>) -> Self {
        PdfError::Failed {
            browser: browser.to_owned(),
            why: why.into(),
        }
    }
}

/// The browser to print with: `EXPLOR_CHROMIUM` when set, else the first of the usual
/// names found on `PATH`.
fn browser() -> Result<PathBuf, PdfError> {
    if let Some(given) = std::env::var_os("EXPLOR_CHROMIUM") {
        let given = PathBuf::from(given);
        return if given.is_file() {
            Ok(given)
        } else {
            Err(PdfError::NoBrowser(
                explor_engine::fr::cli::chromium_not_a_file(given.display()),
            ))
        };
    }
    let path = std::env::var_os("PATH").unwrap_or_default();
    for name in ["chromium", "chromium-browser", "google-chrome", "chrome"] {
        for dir in std::env::split_paths(&path) {
            let candidate = dir.join(name);
            if candidate.is_file() {
                return Ok(candidate);
            }
        }
    }
    Err(PdfError::NoBrowser(String::new()))
}

/// Prints a self-contained HTML page to PDF and returns the PDF's bytes.
pub fn print(html: &[u8]) -> Result<Vec<u8>, PdfError> {
    let browser = browser()?;
    let dir = tempfile::Builder::new().prefix("explor-pdf-").tempdir()?;
    let page = dir.path().join("document.html");
    std::fs::write(&page, html)?;
    let pdf = dir.path().join("document.pdf");
    run(&browser, dir.path(), &page, &pdf)?;
    let bytes = std::fs::read(&pdf).unwrap_or_default();
    if !bytes.starts_with(b"%PDF-") {
        return Err(PdfError::failed(
            &browser,
            explor_engine::fr::cli::NOT_A_PDF.to_owned(),
        ));
    }
    Ok(bytes)
}

/// Runs the browser once, headless, with no network and a fresh profile, and waits
/// for it at most [`PRINT_TIMEOUT`].
fn run(browser: &Path, dir: &Path, page: &Path, pdf: &Path) -> Result<(), PdfError> {
    // Its messages go to a file: a pipe nobody reads while it runs could fill and stall it.
    let log = dir.join("chromium.log");
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-extensions",
            "--no-pdf-header-footer",
        ])
        .arg(format!("--user-data-dir={}", dir.join("profile").display()))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", page.display()))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(&log)?)
        .spawn()
        .map_err(|e| PdfError::failed(browser, e.to_string()))?;
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait()? {
            if status.success() {
                return Ok(());
            }
            let said = std::fs::read_to_string(&log).unwrap_or_default();
            let last = said.lines().last().unwrap_or("").trim().to_owned();
            return Err(PdfError::failed(
                browser,
                format!(
                    "{status}{}",
                    if last.is_empty() {
                        String::new()
                    } else {
                        format!(" ({last})")
                    }
                ),
            ));
        }
        if started.elapsed() > PRINT_TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            return Err(PdfError::failed(
                browser,
                explor_engine::fr::cli::timed_out(PRINT_TIMEOUT.as_secs()),
            ));
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}
