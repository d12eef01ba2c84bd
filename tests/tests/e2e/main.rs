//! End-to-end tests of the `explor` binary: each runs the real command line on
//! fixture files in a temporary workspace and checks only what a user sees.
//!
//! Properties checked:
//!
//! 1. The bundled sample imports into a fresh workspace (exit 0) with, per kind, as
//!    many records added as its files hold; `list KIND --format json` then returns
//!    exactly those ids, sorted (`import::*`).
//! 2. Importing the same data again changes nothing (everything `unchanged`); changing
//!    one record in a copy of the files gives exactly one `updated` (`import::*`).
//! 3. A `;`-separated CSV dataset in UTF-8 — with a BOM, French accents (é è ç ô œ),
//!    « guillemets », quoted `;`-joined lists, `oui`/`non` booleans and a decimal
//!    comma — imports, and `show ID --format json` gives the text back byte for byte
//!    (`csv::*`).
//! 4. `list --format csv` is importable: exporting and re-importing into a fresh
//!    workspace gives identical `list --format json` output (`csv::*`).
//! 5. Every validation class of the data-format contract is rejected, imported over a
//!    valid dataset: exit 1; stderr names the file, the location (`fiche [N]` or
//!    `line N`) and the field; `--format json` reports the expected class; and the
//!    workspace holds exactly what it held before (`validation::*`).
//! 6. Problems in several records of several files are all reported, counted, and
//!    nothing is written (`validation::*`).
//! 7. The commands fail as users can act on: no workspace → exit 1 and a hint to run
//!    `explor init`; unknown id → exit 1; bad usage → exit 2; `init` twice is fine and
//!    keeps the records (`commands::*`).
//! 8. `explor demo` runs the bundled sample: exit 0, the import counts and the worked
//!    example `need-kin-dechets` appear in its output (`commands::*`).
//! 9. Search, matching and the index from the command line: `match` JSON has the
//!    documented shape and order and lists every record once with `--include-ineligible`;
//!    the worked examples rank as expected; erasure removes an expert everywhere and is
//!    named where they were referenced; a missing index is rebuilt; a second writer is
//!    told the workspace is locked (`index::*`).
//! 10. `explor batch` on the sample's spring call: every assignment is an eligible match
//!     (same score and dates as `match`), no expert twice, offers and companies within
//!     their headcounts; the `--export-graph` file parses and its optimum, recomputed by
//!     the engine, is the reported objective; `--out` writes the same bytes as stdout,
//!     atomically; runs are identical; no progress bar off a terminal; table, Markdown
//!     and CSV name needs and candidates; user mistakes exit 1 or 2 (`batch::*`).
//! 11. Missions: `mission create` books the expert (overlapping dates refused, with
//!     the gate), the lifecycle runs to `closed` with its checklist, illegal moves and
//!     missing prerequisites are refused naming what is allowed or missing, cancelling
//!     frees the dates, `show` carries the cost plan, every document renders in
//!     Markdown and HTML (a workspace template overrides the bundled one), an erased
//!     expert is never named, `batch --commit` creates one place per assignment and a
//!     second batch does not double-book, and the demo ends with the Kinshasa mission
//!     (`mission::*`).
//! 12. The output contracts: `match`, `search`, `batch`, `cost`, `mission show` and
//!     `mission list` print, on the sample, exactly their insta snapshots in JSON, CSV,
//!     Markdown and tables (`contracts::*`).
//! 13. Data safety (`safety::*`): CSV outputs neutralise spreadsheet formulas and
//!     `list --format csv` still reimports exactly; control characters from the data
//!     never reach the terminal; Markdown and HTML in the data stay text in mission
//!     documents; `--out` refuses what is not a regular file, read-only files and paths
//!     inside the workspace, cleans its own stale temporary files, and `batch --commit`
//!     writes its report only after committing; `init` never deletes an `index` folder
//!     explor did not create; exit codes say whose problem it is; numbers and dates
//!     outside their documented ranges are refused at once.
//! 14. Readers and writers (`readers::*`): a workspace whose files and folders cannot be
//!     written is still matched, searched, shown, listed and checked, and nothing in it
//!     changes.
//! 15. Values and reference tables (`reference::*`, issue #17): French numbers
//!     (`1 312,50`), lower-case CEFR levels and theme labels import; a `,`-separated
//!     list and an unknown theme say what to write; `themes` and `reference
//!     themes|countries|languages|statuses|consents` list the vocabularies (table and
//!     JSON); `reference status` dates every table and warns of old ones; `reference
//!     import` of the ECB's rates or the DGFiP's per-diem scale changes the cost plans
//!     of that workspace, and a bad file is refused by line and field, writing nothing.
//! 16. CSV for Excel and pipes (`csv::*`, `safety::*`): `--format csv-fr` writes `;`, a
//!     BOM and decimal commas for every command with CSV output and reimports exactly;
//!     a closed standard output (`| head -1`) exits 0 with nothing on stderr.
//! 17. Erasure and backups (`erasure::*`): an erased expert leaves no byte in any file
//!     of the workspace, is never imported again (refused, or left out with
//!     `--skip-erased`), and a backup restored later does not bring them back.
//! 18. Spreadsheets in (`sheets::*`): the sample's `.xlsx` workbook and its Windows-1252
//!     `;` CSV set give the JSON sample's records, candidates and pages; a workbook's
//!     problem names file, sheet, row and field; a misspelt column is said once on the
//!     header line with the closest column; own columns (`#…`, `--ignore-columns`,
//!     note columns) are left out with one warning and empty rows skipped; `--encoding`
//!     forces the decoding; every import error has a class in `--format json`.
//! 19. French (`french::*`, issue #17 item 6): `--help`, `match` explanations, the
//!     batch report (needs covered, never the solver's weight), import errors and
//!     hints are French; JSON keys, ids and classes are not translated.
//! 20. One French catalogue (`catalogue::*`, issue #17 item 6): outside
//!     `engine/src/fr/` and test code, no string literal of the crates' sources holds
//!     a French letter or French punctuation.

mod batch;
mod catalogue;
mod commands;
mod contracts;
mod cost;
mod crash;
mod csv;
mod erasure;
mod french;
mod import;
mod index;
mod mission;
mod readers;
mod reference;
mod safety;
mod sheets;
mod users;
mod validation;

use std::collections::BTreeMap;
use std::path::Path;

use explor_tests::TestWorkspace;
use serde_json::Value;

/// The four record kinds as file stems (and `list` arguments).
pub const KINDS: [&str; 4] = ["associations", "experts", "offers", "needs"];

/// How the import summary names each of [`KINDS`] (in French, plural).
pub fn kind_fr(kind: &str) -> &'static str {
    match kind {
        "associations" => "associations",
        "experts" => "experts",
        "offers" => "offres",
        "needs" => "besoins",
        other => panic!("not a kind: {other}"),
    }
}

/// The singular kind name, as the JSON import summary keys it.
pub fn singular(kind: &str) -> &str {
    kind.strip_suffix('s').unwrap_or(kind)
}

/// The ids of each kind in a dataset directory of `KIND.json` files, in file order.
pub fn dataset_ids(dir: &Path) -> BTreeMap<&'static str, Vec<String>> {
    KINDS
        .into_iter()
        .map(|kind| {
            let path = dir.join(format!("{kind}.json"));
            let text = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
            let records: Vec<Value> = serde_json::from_str(&text)
                .unwrap_or_else(|e| panic!("{} is not a JSON array: {e}", path.display()));
            let ids = records
                .iter()
                .map(|r| {
                    r["id"]
                        .as_str()
                        .expect("every record has a text id")
                        .to_owned()
                })
                .collect();
            (kind, ids)
        })
        .collect()
}

/// Ids of a `list --format json` array, in output order.
pub fn ids_of(list: &Value) -> Vec<String> {
    list.as_array()
        .expect("list --format json prints an array")
        .iter()
        .map(|r| r["id"].as_str().expect("records have ids").to_owned())
        .collect()
}

/// `explor ARGS` that must succeed; returns its standard output.
pub fn run_ok(ws: &TestWorkspace, args: &[&str]) -> String {
    let out = ws.explor(args).output().expect("run explor");
    assert!(
        out.status.success(),
        "explor {args:?} failed with {:?}\nstdout:\n{}\nstderr:\n{}",
        out.status.code(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("stdout is UTF-8")
}

/// `explor import PATH --format json` that must succeed; returns the parsed report.
pub fn import_json(ws: &TestWorkspace, path: &Path) -> Value {
    let path = path.to_str().expect("UTF-8 path");
    let report: Value = serde_json::from_str(&run_ok(ws, &["import", path, "--format", "json"]))
        .expect("import --format json prints JSON");
    assert_eq!(report["ok"], true, "{report:#}");
    report
}

/// The raw bytes of `list KIND --format json` for every kind: "byte-identical" means this.
pub fn raw_snapshot(ws: &TestWorkspace) -> String {
    KINDS
        .into_iter()
        .map(|kind| run_ok(ws, &["list", kind, "--format", "json"]))
        .collect::<Vec<_>>()
        .join("\n")
}
