//! `explor mission …` and `explor batch --commit` on the sample, as a coordinator
//! uses them.

use explor_tests::{TestWorkspace, sample_dir};
use serde_json::Value;

use crate::run_ok;

/// The sample with one mission, `mis-0001`: exp-0007 proposed on the Kinshasa need.
fn sample_with_a_mission() -> TestWorkspace {
    let ws = sample();
    run_ok(
        &ws,
        &[
            "mission",
            "create",
            "need-kin-dechets",
            "--expert",
            "exp-0007",
        ],
    );
    ws
}

fn sample() -> TestWorkspace {
    let ws = TestWorkspace::initialised();
    run_ok(&ws, &["import", sample_dir().to_str().unwrap()]);
    ws
}

/// Runs explor expecting failure with `code`; returns stderr.
fn run_fails(ws: &TestWorkspace, args: &[&str], code: i32) -> String {
    let out = ws.explor(args).output().expect("run explor");
    assert_eq!(
        out.status.code(),
        Some(code),
        "explor {args:?}\nstdout:\n{}\nstderr:\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stderr).unwrap()
}

fn json(ws: &TestWorkspace, args: &[&str]) -> Value {
    serde_json::from_str(&run_ok(ws, args)).expect("JSON output")
}

const ON: [&str; 2] = ["--on", "2026-11-27"];

#[test]
fn a_mission_is_created_followed_and_closed() {
    let ws = sample();
    let created = json(
        &ws,
        &[
            "mission",
            "create",
            "need-kin-dechets",
            "--expert",
            "exp-0007",
            "--on",
            "2026-11-27",
            "--format",
            "json",
        ],
    );
    assert_eq!(created["id"], "mis-0001");
    assert_eq!(created["state"], "proposed");
    assert_eq!(created["dates"]["from"], "2027-03-01");
    assert_eq!(created["days"], 10);

    // The booked expert is not proposed on overlapping dates elsewhere.
    let err = run_fails(
        &ws,
        &[
            "mission",
            "create",
            "need-bj-etat-civil",
            "--expert",
            "exp-0007",
            "--start",
            "2027-03-05",
        ],
        1,
    );
    assert!(
        err.contains("[disponibilité]") && err.contains("mission déjà prévue"),
        "{err}"
    );

    let before: [&[&str]; 5] = [
        &["advance", "mis-0001", "terms_drafted"],
        &[
            "advance",
            "mis-0001",
            "agreed",
            "--note",
            "signée par les 4 parties",
        ],
        &["record", "mis-0001", "training"],
        &["advance", "mis-0001", "trained"],
        &[
            "record",
            "mis-0001",
            "insurance",
            "--note",
            "contrat 2027-118",
        ],
    ];
    for step in before {
        run_ok(&ws, &[&["mission"], step, &ON[..]].concat());
    }
    // Departure is dated by the mission's own dates (from 2027-03-01, 10 days), not
    // months before: the error says which days, the hint which flag.
    let err = run_fails(
        &ws,
        &[
            "mission",
            "advance",
            "mis-0001",
            "in_field",
            "--on",
            "2026-12-01",
        ],
        1,
    );
    assert!(err.contains("du 27/02/2027 au 10/03/2027"), "{err}");
    assert!(err.contains("--on"), "{err}");
    let after: [(&[&str], &str); 5] = [
        (&["advance", "mis-0001", "in_field"], "2027-02-28"),
        (&["advance", "mis-0001", "returned"], "2027-03-10"),
        (&["record", "mis-0001", "debrief"], "2027-03-20"),
        (&["advance", "mis-0001", "debriefed"], "2027-03-20"),
        (&["advance", "mis-0001", "closed"], "2027-03-31"),
    ];
    for (step, on) in after {
        run_ok(&ws, &[&["mission"], step, &["--on", on]].concat());
    }
    let shown = json(&ws, &["mission", "show", "mis-0001", "--format", "json"]);
    assert_eq!(shown["state"], "closed");
    assert_eq!(shown["events"].as_array().unwrap().len(), 11);
    assert_eq!(shown["events"][2]["note"], "signée par les 4 parties");
    assert_eq!(shown["people"][0]["name"], "Hélène Bousquet");
    let plan = &shown["plan"];
    assert_eq!(
        plan["network_share_cents"].as_i64().unwrap(),
        (plan["eligible_cents"].as_i64().unwrap() / 2).min(140_000)
    );
    // Lodging and field transport are provided by the partner: in kind.
    assert!(plan["in_kind_cents"].as_i64().unwrap() > 0, "{plan}");

    let table = run_ok(&ws, &["mission", "show", "mis-0001"]);
    for words in [
        "Hélène Bousquet",
        "closed",
        "Per diem",
        "signée par les 4 parties",
    ] {
        assert!(table.contains(words), "missing {words}:\n{table}");
    }
}

#[test]
fn illegal_moves_and_missing_prerequisites_are_refused_plainly() {
    let ws = sample_with_a_mission();
    let err = run_fails(&ws, &["mission", "advance", "mis-0001", "in_field"], 1);
    assert!(
        err.contains("est « proposée »") && err.contains("ne peut pas passer à « sur le terrain »"),
        "{err}"
    );
    assert!(
        err.contains("« termes rédigés » (terms_drafted) ou « annulée » (cancelled)"),
        "{err}"
    );
    // The French label is accepted as well as the key, in any case, with or without
    // accents; the answer says the state in French.
    let said = run_ok(&ws, &["mission", "advance", "mis-0001", "termes rédigés"]);
    assert!(
        said.contains("maintenant « termes rédigés » (terms_drafted)"),
        "{said}"
    );
    run_ok(&ws, &["mission", "advance", "mis-0001", "Convenue"]);
    let listed = run_ok(&ws, &["mission", "list", "--state", "convenue"]);
    assert!(
        listed.contains("mis-0001") && listed.contains("convenue"),
        "{listed}"
    );
    let missions = json(&ws, &["mission", "list", "--format", "json"]);
    assert_eq!(missions[0]["state"], "agreed", "JSON keeps the key");
    let err = run_fails(&ws, &["mission", "advance", "mis-0001", "trained"], 1);
    assert!(err.contains("mission record mis-0001 training"), "{err}");
    let err = run_fails(&ws, &["mission", "record", "mis-0001", "debrief"], 1);
    assert!(err.contains("une fois la mission « revenue »"), "{err}");
    // Bad words are usage errors.
    run_fails(&ws, &["mission", "advance", "mis-0001", "flying"], 2);
    run_fails(&ws, &["mission", "record", "mis-0001", "visa"], 2);
    run_fails(&ws, &["mission", "doc", "mis-0001", "poster"], 2);
    let err = run_fails(&ws, &["mission", "show", "mis-0099"], 1);
    assert!(err.contains("mis-0099"), "{err}");
    // Cancelling frees the expert.
    run_ok(
        &ws,
        &[
            "mission",
            "advance",
            "mis-0001",
            "cancelled",
            "--note",
            "reporté",
        ],
    );
    run_ok(
        &ws,
        &[
            "mission",
            "create",
            "need-bj-etat-civil",
            "--expert",
            "exp-0007",
            "--start",
            "2027-03-05",
        ],
    );
    let list = json(&ws, &["mission", "list", "--format", "json"]);
    let states: Vec<(&str, &str)> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|m| (m["id"].as_str().unwrap(), m["state"].as_str().unwrap()))
        .collect();
    assert_eq!(
        states,
        [("mis-0001", "cancelled"), ("mis-0002", "proposed")]
    );
    let proposed = json(
        &ws,
        &["mission", "list", "--state", "proposed", "--format", "json"],
    );
    assert_eq!(proposed.as_array().unwrap().len(), 1);
}

#[test]
fn documents_are_written_in_markdown_and_html() {
    let ws = sample_with_a_mission();
    let fiche = run_ok(&ws, &["mission", "doc", "mis-0001", "fiche"]);
    assert!(fiche.starts_with("# Fiche de mission"), "{fiche}");
    assert!(
        fiche.contains("Kinshasa") && fiche.contains("Hélène Bousquet"),
        "{fiche}"
    );
    for kind in ["tdr", "convention", "livret", "bilan", "budget"] {
        let text = run_ok(&ws, &["mission", "doc", "mis-0001", kind]);
        assert!(text.len() > 200, "{kind} is too short:\n{text}");
        assert!(
            !text.contains("{{") && !text.contains("{%"),
            "{kind} has template artefacts"
        );
    }
    let out = ws.dir().join("fiche.html");
    run_ok(
        &ws,
        &[
            "mission",
            "doc",
            "mis-0001",
            "fiche",
            "--format",
            "html",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(html.to_lowercase().starts_with("<!doctype html>"), "{html}");
    assert!(html.contains("<table") || html.contains("<ul>"), "{html}");

    // A workspace template replaces the bundled one.
    let templates = ws.workspace().join("templates");
    std::fs::create_dir_all(&templates).unwrap();
    std::fs::write(
        templates.join("fiche.md.j2"),
        "# Notre fiche\n\nMission {{ mission.id }}\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let custom = ws
        .explor(&["mission", "doc", "mis-0001", "fiche"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&custom.stdout);
    let err = String::from_utf8_lossy(&custom.stderr);
    assert!(
        text.starts_with("# Notre fiche") || err.contains("fiche.md.j2"),
        "the override is used, or its error names the file:\n{text}\n{err}"
    );
}

#[test]
fn an_erased_expert_is_named_plainly_on_their_mission() {
    let ws = sample_with_a_mission();
    let err = run_fails(&ws, &["remove", "need-kin-dechets"], 1);
    assert!(err.contains("mis-0001"), "{err}");
    run_ok(&ws, &["remove", "exp-0007"]);
    let shown = run_ok(&ws, &["mission", "show", "mis-0001"]);
    assert!(shown.contains("effacé·e le"), "{shown}");
    assert!(!shown.contains("Bousquet"), "{shown}");
    for kind in ["fiche", "convention", "livret"] {
        let text = run_ok(&ws, &["mission", "doc", "mis-0001", kind]);
        assert!(!text.contains("Bousquet"), "{kind} names an erased person");
    }
}

#[test]
fn batch_commit_creates_the_missions_and_a_second_run_has_nothing_left() {
    let ws = sample();
    let out = run_ok(
        &ws,
        &[
            "batch",
            "--call",
            "2027-printemps",
            "--commit",
            "--format",
            "json",
        ],
    );
    // The report comes first, then one line about the commit.
    let (report, tail) = out.rsplit_once("\n}\n").expect("JSON report then a line");
    let report: Value = serde_json::from_str(&format!("{report}\n}}")).unwrap();
    assert!(tail.contains("missions créées"), "{tail}");
    let assigned = report["assignments"].as_array().unwrap().len();
    let missions = json(&ws, &["mission", "list", "--format", "json"]);
    let people: usize = missions
        .as_array()
        .unwrap()
        .iter()
        .map(|m| match m["staff"]["kind"].as_str() {
            Some("offer") => 1,
            _ => m["staff"]["experts"].as_array().unwrap().len(),
        })
        .sum();
    assert_eq!(people, assigned);
    let again: Value = serde_json::from_str(&run_ok(
        &ws,
        &["batch", "--call", "2027-printemps", "--format", "json"],
    ))
    .unwrap();
    let first: Vec<&str> = report["assignments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["candidate"].as_str().unwrap())
        .collect();
    for a in again["assignments"].as_array().unwrap() {
        let candidate = a["candidate"].as_str().unwrap();
        if first.contains(&candidate) && a["kind"] == "expert" {
            // Booked once already: proposed again only on other dates.
            let start = a["start"].as_str().unwrap();
            let theirs = report["assignments"]
                .as_array()
                .unwrap()
                .iter()
                .find(|b| b["candidate"] == candidate)
                .unwrap();
            assert!(
                start > theirs["end"].as_str().unwrap()
                    || a["end"].as_str().unwrap() < theirs["start"].as_str().unwrap(),
                "{candidate} double-booked"
            );
        }
    }
}

#[test]
fn the_demo_ends_with_the_kinshasa_mission() {
    let ws = TestWorkspace::new();
    let out = run_ok(&ws, &["demo"]);
    let tail = &out[out.find("== 8.").expect("section 8")..];
    assert!(tail.contains("mission mis-0001 créée"), "{tail}");
    assert!(tail.contains("Per diem"), "{tail}");
    assert!(tail.contains("# Fiche de mission"), "{tail}");
}

#[test]
fn an_offer_staffs_a_mission_with_one_employee_within_its_headcount() {
    let ws = sample();
    let offer: Value = json(&ws, &["show", "off-elec-2027", "--format", "json"]);
    let headcount = offer["headcount"].as_u64().unwrap();
    let created = json(
        &ws,
        &[
            "mission",
            "create",
            "need-mg-minireseau-sante",
            "--offer",
            "off-elec-2027",
            "--format",
            "json",
        ],
    );
    assert_eq!(created["staff"]["kind"], "offer");
    assert_eq!(created["staff"]["offer"], "off-elec-2027");
    let shown = json(&ws, &["mission", "show", "mis-0001", "--format", "json"]);
    assert_eq!(shown["plan"]["lines"].as_array().unwrap()[0]["expert"], 1);
    let fiche = run_ok(&ws, &["mission", "doc", "mis-0001", "fiche"]);
    assert!(fiche.contains("Élec Sud"), "{fiche}");
    // The offer's headcount counts its missions: once used up, the gate says so.
    assert_eq!(headcount, 3, "the sample's offer lends three people");
    for need in ["need-sn-pompage-solaire", "need-kin-dechets"] {
        run_ok(
            &ws,
            &["mission", "create", need, "--offer", "off-elec-2027"],
        );
    }
    let matched: Value = json(
        &ws,
        &[
            "match",
            "need-bj-etat-civil",
            "--include-ineligible",
            "--format",
            "json",
        ],
    );
    let offer = matched["excluded"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["id"] == "off-elec-2027")
        .expect("the offer is excluded once its three people are taken");
    assert!(
        offer["reasons"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["gate"] == "headcount"),
        "{offer}"
    );
}

#[test]
fn document_format_follows_the_out_extension_and_never_contradicts_it() {
    let ws = sample_with_a_mission();
    // Without --format, .html gets HTML.
    let html = ws.dir().join("fiche.html");
    let html_s = html.to_str().unwrap();
    run_ok(
        &ws,
        &["mission", "doc", "mis-0001", "fiche", "--out", html_s],
    );
    let text = std::fs::read_to_string(&html).unwrap();
    assert!(text.to_lowercase().starts_with("<!doctype html>"), "{text}");

    // A contradiction names both, and writes nothing.
    let md = ws.dir().join("fiche.md");
    let md_s = md.to_str().unwrap();
    let err = run_fails(
        &ws,
        &[
            "mission", "doc", "mis-0001", "fiche", "--format", "html", "--out", md_s,
        ],
        2,
    );
    assert!(
        err.contains("--format html") && err.contains(".md"),
        "{err}"
    );
    assert!(!md.exists());

    // An extension explor does not write is refused, never filled with Markdown.
    let rtf = ws.dir().join("fiche.rtf");
    let err = run_fails(
        &ws,
        &[
            "mission",
            "doc",
            "mis-0001",
            "fiche",
            "--out",
            rtf.to_str().unwrap(),
        ],
        2,
    );
    assert!(err.contains(".rtf") && err.contains(".docx"), "{err}");
    assert!(!rtf.exists());

    // .odt and .docx are files, not text: --format odt with a .docx name contradicts.
    let docx = ws.dir().join("fiche.docx");
    let err = run_fails(
        &ws,
        &[
            "mission",
            "doc",
            "mis-0001",
            "fiche",
            "--format",
            "odt",
            "--out",
            docx.to_str().unwrap(),
        ],
        2,
    );
    assert!(
        err.contains("--format odt") && err.contains(".docx"),
        "{err}"
    );
    assert!(!docx.exists());
}

/// The parts of a ZIP file, in order, and the text of one of them.
fn zip_parts(path: &std::path::Path, read: &str) -> (Vec<String>, String) {
    use std::io::Read as _;
    let file = std::fs::File::open(path).unwrap();
    let mut archive = zip::ZipArchive::new(file).expect("a ZIP file");
    let names = archive
        .file_names()
        .map(|n| n.unwrap().into_owned())
        .collect();
    let mut text = String::new();
    archive
        .by_name(read)
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    (names, text)
}

#[test]
fn editable_documents_are_written_as_odt_and_docx() {
    let ws = sample_with_a_mission();
    let title = run_ok(&ws, &["mission", "doc", "mis-0001", "fiche"])
        .lines()
        .next()
        .unwrap()
        .trim_start_matches("# ")
        .to_owned();

    let odt = ws.dir().join("x.odt");
    let out = run_ok(
        &ws,
        &[
            "mission",
            "doc",
            "mis-0001",
            "fiche",
            "--format",
            "odt",
            "--out",
            odt.to_str().unwrap(),
        ],
    );
    assert!(out.contains("x.odt"), "{out}");
    let bytes = std::fs::read(&odt).unwrap();
    assert_eq!(&bytes[30..38], b"mimetype", "mimetype first");
    assert_eq!(
        &bytes[38..77],
        b"application/vnd.oasis.opendocument.text",
        "stored, no extra field"
    );
    let (names, content) = zip_parts(&odt, "content.xml");
    for part in [
        "mimetype",
        "META-INF/manifest.xml",
        "styles.xml",
        "content.xml",
    ] {
        assert!(names.iter().any(|n| n == part), "{part} in {names:?}");
    }
    assert!(content.contains("<text:h "), "{content}");
    assert!(
        content.contains(&title.replace('\'', "&apos;")),
        "{title} in {content}"
    );

    // The extension alone picks the format.
    let docx = ws.dir().join("x.docx");
    run_ok(
        &ws,
        &[
            "mission",
            "doc",
            "mis-0001",
            "budget",
            "--out",
            docx.to_str().unwrap(),
        ],
    );
    let (names, document) = zip_parts(&docx, "word/document.xml");
    for part in [
        "[Content_Types].xml",
        "_rels/.rels",
        "word/document.xml",
        "word/styles.xml",
    ] {
        assert!(names.iter().any(|n| n == part), "{part} in {names:?}");
    }
    assert!(document.contains("<w:tbl>") && document.contains("<w:tblHeader/>"));

    // Redirected, the file goes to standard output as it is.
    let piped = ws
        .explor(&["mission", "doc", "mis-0001", "fiche", "--format", "docx"])
        .output()
        .unwrap();
    assert!(piped.status.success());
    assert!(piped.stdout.starts_with(b"PK\x03\x04"));
}

#[test]
fn template_overrides_stay_inside_the_workspace_and_small() {
    let ws = sample_with_a_mission();
    let templates = ws.workspace().join("templates");
    std::fs::create_dir_all(&templates).unwrap();
    let fiche = templates.join("fiche.md.j2");

    // A link out of the workspace is not followed.
    let outside = ws.dir().join("outside.md.j2");
    std::fs::write(&outside, "# Ailleurs {{ mission.id }}\n").unwrap();
    std::os::unix::fs::symlink(&outside, &fiche).unwrap();
    let err = run_fails(&ws, &["mission", "doc", "mis-0001", "fiche"], 1);
    assert!(err.contains("fiche.md.j2"), "{err}");
    assert!(err.contains("dans l’espace de travail"), "{err}");

    // A link that stays inside it is.
    std::fs::remove_file(&fiche).unwrap();
    let inside = templates.join("ma-fiche.txt");
    std::fs::write(&inside, "# Dedans {{ mission.id }}\n").unwrap();
    std::os::unix::fs::symlink(&inside, &fiche).unwrap();
    let doc = run_ok(&ws, &["mission", "doc", "mis-0001", "fiche"]);
    assert!(doc.starts_with("# Dedans mis-0001"), "{doc}");

    // A template of megabytes is refused before it is read.
    std::fs::remove_file(&fiche).unwrap();
    std::fs::write(&fiche, "x".repeat(300 * 1024)).unwrap();
    let err = run_fails(&ws, &["mission", "doc", "mis-0001", "fiche"], 1);
    assert!(err.contains("au plus 256 Kio"), "{err}");

    // A folder where a template should be is refused too.
    std::fs::remove_file(&fiche).unwrap();
    std::fs::create_dir(&fiche).unwrap();
    let err = run_fails(&ws, &["mission", "doc", "mis-0001", "fiche"], 1);
    assert!(err.contains("fichier ordinaire"), "{err}");
}

/// The Chromium that prints PDFs, when this machine has one.
fn chromium() -> Option<std::path::PathBuf> {
    ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .into_iter()
        .map(std::path::PathBuf::from)
        .find(|p| p.is_file())
}

#[test]
fn a_pdf_is_printed_by_chromium_or_refused_saying_what_to_install() {
    let ws = sample_with_a_mission();
    let pdf = ws.dir().join("tdr.pdf");
    let args = [
        "mission",
        "doc",
        "mis-0001",
        "tdr",
        "--out",
        pdf.to_str().unwrap(),
    ];
    // Without a browser: a clear refusal, and no file.
    let out = ws
        .explor(&args)
        .env("EXPLOR_CHROMIUM", ws.dir().join("no-chromium-here"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("Chromium") && stderr.contains("apt-get install chromium"),
        "{stderr}"
    );
    assert!(!pdf.exists());

    let Some(browser) = chromium() else {
        assert!(
            std::env::var_os("EXPLOR_BROWSER_TESTS").is_none(),
            "EXPLOR_BROWSER_TESTS is set but no Chromium is installed"
        );
        eprintln!("skipped the printing half: no Chromium on this machine");
        return;
    };
    let out = ws
        .explor(&args)
        .env("EXPLOR_CHROMIUM", &browser)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let bytes = std::fs::read(&pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF-"), "a PDF file");
    let tail = String::from_utf8_lossy(&bytes[bytes.len().saturating_sub(32)..]).into_owned();
    assert!(tail.contains("%%EOF"), "a whole PDF: {tail:?}");
    assert!(
        bytes.len() > 2_000,
        "a page with text: {} bytes",
        bytes.len()
    );
}
