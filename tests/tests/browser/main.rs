//! End-to-end tests in a real browser: headless Chromium, driven through chromedriver
//! (WebDriver, with fantoccini), against `explor serve` on the bundled sample. They run
//! when `EXPLOR_BROWSER_TESTS` is set (`.ci/run` sets it after installing Debian's
//! `chromium` and `chromium-driver`); elsewhere each test says it was skipped.
//! With `EXPLOR_SCREENSHOTS=DIR` they save screenshots of the main pages.
//!
//! Properties checked:
//!
//! 1. Invitation → password → sign-in → sign-out, as a person does it; the pages on
//!    the way have no serious or critical accessibility violation (axe-core)
//!    (`accounts::*`).
//! 2. A coordinator disabled while signed in is signed out at the next page
//!    (`accounts::*`).

mod accounts;
mod harness;
