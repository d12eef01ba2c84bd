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
//! 3. A coordinator opens a need, finds `explor match`'s best candidate first and reads
//!    its per-criterion explanation; the excluded are those `explor match` excludes
//!    (`coordinator::a_coordinator_finds_candidates_for_a_need_and_reads_why`).
//! 4. The expert search filtered by facets shows what `explor search` finds, counted
//!    (`coordinator::a_coordinator_filters_the_expert_search_by_facets`).
//! 5. An import with errors lists every one (file, record, field) and writes nothing
//!    (`coordinator::an_import_with_errors_lists_them_all_and_writes_nothing`).
//! 6. A call's batch is run and committed, a mission advanced, its documents downloaded
//!    (`coordinator::a_call_is_run_committed_and_a_mission_advanced_with_its_documents`).
//! 7. An association posts a need with a mistake, corrects it, a coordinator validates
//!    it; the association accepts a proposal; the expert proposed updates their
//!    availability and declines with a reason; the coordinator reads the reason in the
//!    notification and the mission's log (`spaces::*`, issue #15).
//! 8. Back from the field, an expert sends the debrief and the coordinator reads it on
//!    the mission's page (`debrief::*`, issue #15).
//!
//! 9. On a phone's width (390 px), no page of a coordinator, an association, a company
//!    or an expert is wider than the screen: wide tables scroll inside their box
//!    (`coordinator::no_coordinator_page_scrolls_sideways_on_a_phone`,
//!    `spaces::no_page_of_a_party_scrolls_sideways_on_a_phone`).
//!
//! Every page visited passes the axe-core check (no serious or critical violation).

mod accounts;
mod coordinator;
mod debrief;
mod harness;
mod reminders;
mod spaces;
