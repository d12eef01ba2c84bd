//! Data safety (issue #16): what comes from the data stays data in every output, and
//! what explor writes never harms what it did not create (property 13).

use std::collections::BTreeMap;
use std::path::PathBuf;

use explor_tests::{TestWorkspace, fixture, sample_dir};
use serde_json::Value;

use crate::{KINDS, import_json, raw_snapshot, run_ok};

/// The `fixtures/valid/` dataset, record kind by record kind, to be edited by a test.
fn valid_dataset() -> BTreeMap<&'static str, Vec<Value>> {
    KINDS
        .into_iter()
        .map(|kind| {
            let path = fixture("valid").join(format!("{kind}.json"));
            let text = std::fs::read_to_string(&path).expect("valid fixture");
            (kind, serde_json::from_str(&text).expect("a JSON array"))
        })
        .collect()
}

/// Writes a dataset as `KIND.json` files into `dir` (under the temporary directory).
fn write_dataset(ws: &TestWorkspace, dir: &str, data: &BTreeMap<&str, Vec<Value>>) -> PathBuf {
    for (kind, records) in data {
        let text = serde_json::to_string_pretty(records).expect("JSON");
        ws.write(&format!("{dir}/{kind}.json"), &text);
    }
    ws.dir().join(dir)
}

/// The first record of `kind` whose id is `id`.
fn record<'d>(data: &'d mut BTreeMap<&str, Vec<Value>>, kind: &str, id: &str) -> &'d mut Value {
    data.get_mut(kind)
        .and_then(|records| records.iter_mut().find(|r| r["id"] == id))
        .unwrap_or_else(|| panic!("no {kind} {id} in the valid fixture"))
}

/// Characters that make a spreadsheet read a cell as a formula (OWASP).
fn starts_a_formula(cell: &str) -> bool {
    cell.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// The cells of a CSV text, split naively on `,` (enough for cells without commas).
fn csv_cells(csv: &str) -> Vec<String> {
    csv.lines()
        .flat_map(|l| l.split(','))
        .map(|c| c.trim_matches('"').to_owned())
        .collect()
}

#[test]
fn csv_outputs_neutralise_formulas_and_list_csv_reimports_exactly() {
    let ws = TestWorkspace::initialised();
    let mut data = valid_dataset();
    record(&mut data, "experts", "exp-v-employee")["name"] = "=HYPERLINK(\"http://x\")".into();
    record(&mut data, "experts", "exp-v-agent")["name"] = "@SUM(A1)".into();
    record(&mut data, "experts", "exp-v-agent")["bio"] = "'=already quoted".into();
    record(&mut data, "needs", "need-v-thies-maraichage")["title"] = "+cmd|' /C calc'!A0".into();
    let dir = write_dataset(&ws, "formulas", &data);
    import_json(&ws, &dir);

    let list = run_ok(&ws, &["list", "experts", "--format", "csv"]);
    assert!(list.contains("'=HYPERLINK"), "{list}");
    assert!(list.contains("'@SUM(A1)"), "{list}");
    assert!(list.contains("''=already quoted"), "{list}");
    let matched = run_ok(
        &ws,
        &["match", "need-v-thies-maraichage", "--format", "csv"],
    );
    let batch = run_ok(
        &ws,
        &["batch", "--call", "2027-printemps", "--format", "csv"],
    );
    for (what, csv) in [("list", &list), ("match", &matched), ("batch", &batch)] {
        let bad: Vec<_> = csv_cells(csv)
            .into_iter()
            .filter(|c| starts_a_formula(c) && c.parse::<f64>().is_err())
            .collect();
        assert!(
            bad.is_empty(),
            "{what} --format csv: formula cells {bad:?}\n{csv}"
        );
    }

    // `list --format csv` still reimports to the same records.
    let to = TestWorkspace::initialised();
    for kind in KINDS {
        let csv = run_ok(&ws, &["list", kind, "--format", "csv"]);
        to.write(&format!("export/{kind}.csv"), &csv);
    }
    import_json(&to, &to.dir().join("export"));
    assert_eq!(raw_snapshot(&to), raw_snapshot(&ws));
}

/// Bytes that drive a terminal: C0 controls but the newline, DEL, and C1 controls
/// (in UTF-8, `0xC2 0x80..=0x9F`).
fn terminal_controls(out: &[u8]) -> Vec<usize> {
    let mut found = Vec::new();
    for (i, w) in out.windows(2).enumerate() {
        if w[0] == 0xC2 && (0x80..=0x9F).contains(&w[1]) {
            found.push(i);
        }
    }
    for (i, b) in out.iter().enumerate() {
        if (*b < 0x20 && *b != b'\n') || *b == 0x7F {
            found.push(i);
        }
    }
    found
}

#[test]
fn terminal_escape_sequences_in_the_data_never_reach_the_terminal() {
    let ws = TestWorkspace::initialised();
    let mut data = valid_dataset();
    record(&mut data, "experts", "exp-v-employee")["name"] =
        "Claire \u{1b}[31mRouge\u{1b}]0;pwned\u{7} \u{9b}2J\u{7f}".into();
    record(&mut data, "needs", "need-v-thies-maraichage")["title"] =
        "Filière \u{1b}[2J\u{1b}[1;1Hmaraîchère".into();
    let dir = write_dataset(&ws, "escapes", &data);
    import_json(&ws, &dir);
    for args in [
        &["list", "experts"][..],
        &["show", "exp-v-employee"],
        &["match", "need-v-thies-maraichage", "--include-ineligible"],
        &["match", "--expert", "exp-v-employee"],
        &["search", "Claire"],
        &["batch", "--call", "2027-printemps"],
    ] {
        let out = run_ok(&ws, args);
        let found = terminal_controls(out.as_bytes());
        assert!(
            found.is_empty(),
            "explor {args:?}: control bytes at {found:?}:\n{out:?}"
        );
    }
    // Made visible, not silently dropped.
    let shown = run_ok(&ws, &["show", "exp-v-employee"]);
    assert!(shown.contains("\\u{1b}[31mRouge"), "{shown}");
}

/// A FIFO at `path` (through `mkfifo`, which every Unix has).
#[cfg(unix)]
fn mkfifo(path: &std::path::Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("run mkfifo");
    assert!(status.success());
}

/// A workspace holding the valid fixture.
fn valid_workspace() -> TestWorkspace {
    let ws = TestWorkspace::initialised();
    import_json(&ws, &fixture("valid"));
    ws
}

#[cfg(unix)]
#[test]
fn out_refuses_what_is_not_a_regular_file_and_read_only_files() {
    use std::os::unix::fs::{FileTypeExt, PermissionsExt};
    let ws = valid_workspace();
    let fifo = ws.dir().join("pipe");
    mkfifo(&fifo);
    let folder = ws.dir().join("folder");
    std::fs::create_dir(&folder).expect("mkdir");
    std::os::unix::fs::symlink(&fifo, ws.dir().join("link-to-pipe")).expect("symlink");
    for target in ["pipe", "folder", "link-to-pipe"] {
        let out = ws
            .explor(&["batch", "--call", "2027-printemps", "--out", target])
            .output()
            .expect("run explor");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "--out {target}: {stderr}");
        assert!(
            stderr.contains("pas un fichier ordinaire"),
            "--out {target}: {stderr}"
        );
    }
    assert!(
        std::fs::metadata(&fifo)
            .expect("still there")
            .file_type()
            .is_fifo()
    );
    assert!(folder.is_dir());

    let read_only = ws.write("kept.md", "mine\n");
    std::fs::set_permissions(&read_only, std::fs::Permissions::from_mode(0o444)).expect("chmod");
    let out = ws
        .explor(&["batch", "--call", "2027-printemps", "--out", "kept.md"])
        .output()
        .expect("run explor");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("lecture seule"), "{stderr}");
    assert_eq!(std::fs::read_to_string(&read_only).expect("read"), "mine\n");
}

#[test]
fn out_refuses_any_path_inside_the_workspace() {
    let ws = valid_workspace();
    let db = ws.workspace().join("explor.sqlite3");
    let before = std::fs::read(&db).expect("the store");
    for target in [
        db.clone(),
        ws.workspace().join("report.md"),
        ws.workspace()
            .join("index")
            .join("..")
            .join("explor.sqlite3"),
    ] {
        let target = target.to_str().expect("UTF-8 path");
        let out = ws
            .explor(&["batch", "--call", "2027-printemps", "--out", target])
            .output()
            .expect("run explor");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "--out {target}: {stderr}");
        assert!(
            stderr.contains("dans l’espace de travail"),
            "--out {target}: {stderr}"
        );
    }
    assert_eq!(std::fs::read(&db).expect("the store"), before);
    run_ok(&ws, &["list", "experts"]);
}

#[test]
fn out_removes_its_own_stale_temporary_files_only() {
    let ws = valid_workspace();
    let stale = ws.write("reports/.explor-crashed.tmp", "half a report");
    let recent = ws.write("reports/.explor-running.tmp", "being written");
    let other = ws.write("reports/.other-stale.tmp", "not ours");
    let two_hours_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(7200);
    for path in [&stale, &other] {
        std::fs::File::options()
            .write(true)
            .open(path)
            .and_then(|f| f.set_modified(two_hours_ago))
            .expect("age the file");
    }
    run_ok(
        &ws,
        &[
            "batch",
            "--call",
            "2027-printemps",
            "--out",
            "reports/batch.md",
        ],
    );
    assert!(!stale.exists(), "a leftover older than an hour is removed");
    assert!(
        recent.exists(),
        "a recent one may belong to a running explor"
    );
    assert!(other.exists(), "not explor's");
}

#[test]
fn batch_commit_writes_its_report_only_when_the_commit_succeeded() {
    let ws = valid_workspace();
    let lock = std::fs::File::options()
        .write(true)
        .open(ws.workspace().join("explor.lock"))
        .expect("the lock file");
    lock.try_lock().expect("take the lock");
    let out = ws
        .explor(&[
            "batch",
            "--call",
            "2027-printemps",
            "--commit",
            "--out",
            "report.md",
        ])
        .output()
        .expect("run explor");
    drop(lock);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        !ws.dir().join("report.md").exists(),
        "a report of assignments that were not committed"
    );
    run_ok(
        &ws,
        &[
            "batch",
            "--call",
            "2027-printemps",
            "--commit",
            "--out",
            "report.md",
        ],
    );
    assert!(ws.dir().join("report.md").is_file());
}

/// A tantivy `meta.json` of someone else's index (another schema).
const FOREIGN_META: &str = r#"{"index_settings":{"docstore_compression":"none","docstore_blocksize":16384},"segments":[],"schema":[{"name":"text","type":"text","options":{"indexing":{"record":"position","fieldnorms":true,"tokenizer":"default"},"stored":false,"fast":false}}],"opstamp":0}"#;

#[test]
fn init_never_deletes_an_index_folder_explor_did_not_create() {
    for with_meta in [true, false] {
        let ws = TestWorkspace::new();
        let index = ws.workspace().join("index");
        std::fs::create_dir_all(&index).expect("mkdir");
        std::fs::write(index.join("notes.txt"), "my notes").expect("write");
        if with_meta {
            std::fs::write(index.join("meta.json"), FOREIGN_META).expect("write");
        }
        let out = ws.explor(&["init"]).output().expect("run explor");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(
            out.status.code(),
            Some(1),
            "meta.json {with_meta}: {stderr}"
        );
        assert!(stderr.contains(&index.display().to_string()), "{stderr}");
        assert!(stderr.contains("pas été créé par explor"), "{stderr}");
        assert_eq!(
            std::fs::read_to_string(index.join("notes.txt")).expect("kept"),
            "my notes"
        );
        if with_meta {
            assert_eq!(
                std::fs::read_to_string(index.join("meta.json")).expect("kept"),
                FOREIGN_META
            );
        }
    }
    // explor's own index is still rebuilt when it is missing.
    let ws = valid_workspace();
    std::fs::remove_dir_all(ws.workspace().join("index")).expect("rm");
    run_ok(&ws, &["list", "experts"]);
    run_ok(&ws, &["reindex"]);
}

#[test]
fn exit_codes_say_whose_problem_it_is_and_messages_say_things_once() {
    let ws = valid_workspace();
    let cases: &[(&[&str], i32)] = &[
        (&["import", "missing.json"], 1),
        (
            &[
                "batch",
                "--call",
                "2027-printemps",
                "--out",
                "no/such/folder/r.md",
            ],
            1,
        ),
        (&["list", "experts", "--bogus"], 2),
        (&["show", "nope"], 1),
    ];
    for (args, code) in cases {
        let out = ws.explor(args).output().expect("run explor");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(*code), "explor {args:?}: {stderr}");
        assert!(
            stderr.matches("os error").count() <= 1,
            "explor {args:?}: the system's message twice: {stderr}"
        );
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let unreadable = ws.write("experts.json", "[]");
        std::fs::set_permissions(&unreadable, std::fs::Permissions::from_mode(0o000))
            .expect("chmod");
        if std::fs::read(&unreadable).is_err() {
            // (Not as root, who reads anything.)
            let out = ws
                .explor(&["import", "experts.json"])
                .output()
                .expect("run");
            assert_eq!(
                out.status.code(),
                Some(1),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
    }
}

#[test]
fn numbers_and_dates_outside_their_documented_range_are_refused_at_once() {
    let ws = valid_workspace();
    let cases: &[(&[&str], &str)] = &[
        (
            &[
                "match",
                "need-v-thies-maraichage",
                "--top",
                "18446744073709551615",
            ],
            "'--top <TOP>'",
        ),
        (&["search", "--top", "0"], "1..=1000"),
        (&["batch", "--top-k", "100000"], "1..=1000"),
        (&["cost", "--country", "SN", "--days", "99999"], "1..=366"),
        (
            &[
                "cost",
                "--country",
                "SN",
                "--days",
                "10",
                "--experts",
                "4000000000",
            ],
            "1..=100",
        ),
        (
            &["search", "--available", "0001-01-01..9999-12-31"],
            "années 1900 à 2200",
        ),
        (
            &[
                "mission",
                "advance",
                "mis-x",
                "agreed",
                "--on",
                "2150-01-01",
            ],
            "plus d’un an après aujourd’hui",
        ),
        (
            &[
                "mission",
                "advance",
                "mis-x",
                "agreed",
                "--on",
                "0000-01-01",
            ],
            "années 1900 à 2200",
        ),
    ];
    for (args, says) in cases {
        let out = ws.explor(args).output().expect("run explor");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "explor {args:?}: {stderr}");
        assert!(stderr.contains(says), "explor {args:?}: {stderr}");
    }
    let help = run_ok(&ws, &["match", "--help"]);
    assert!(help.contains("1 à 1000"), "{help}");
}

#[test]
fn markdown_and_html_in_the_data_stay_text_in_mission_documents() {
    let ws = TestWorkspace::initialised();
    import_json(&ws, &sample_dir());
    let needs_path = sample_dir().join("needs.json");
    let mut needs: Vec<Value> =
        serde_json::from_str(&std::fs::read_to_string(needs_path).expect("sample needs"))
            .expect("JSON");
    let need = needs
        .iter_mut()
        .find(|n| n["id"] == "need-kin-dechets")
        .expect("the worked example");
    need["description"] = "Voir [ici](javascript:alert(1)) et ![img](http://remote.example/x.png).\n# Faux titre\n| a | b |\n|---|---|\n| 1 | 2 |\n<b>gras</b> <script>alert(2)</script>".into();
    need["title"] = "Déchets <i>Kinshasa</i> *urgent*".into();
    ws.write(
        "hostile/needs.json",
        &serde_json::to_string(&needs).expect("JSON"),
    );
    import_json(&ws, &ws.dir().join("hostile"));
    run_ok(
        &ws,
        &[
            "mission",
            "create",
            "need-kin-dechets",
            "--expert",
            "exp-0007",
            "--on",
            "2026-11-27",
        ],
    );
    for doc in ["fiche", "tdr", "convention", "livret", "bilan", "budget"] {
        let html = run_ok(
            &ws,
            &["mission", "doc", "mis-0001", doc, "--format", "html"],
        );
        for markup in [
            "<a href=\"javascript",
            "<img",
            "<h1>Faux titre",
            "<table>\n<thead>\n<tr>\n<th>a</th>",
            "<b>gras",
            "<script",
            "<i>Kinshasa",
            "<em>urgent",
        ] {
            assert!(
                !html.contains(markup),
                "{doc}: the data made `{markup}`:\n{html}"
            );
        }
        if doc == "fiche" {
            assert!(
                html.contains("javascript:alert(1)"),
                "the text is kept: {html}"
            );
            assert!(html.contains("# Faux titre"), "{html}");
        }
    }
}

/// `explor ARGS` whose standard output is a pipe its reader closes at once, as
/// `explor … | head -1` does once it has its line: the exit status and the error text.
fn with_closed_stdout(ws: &TestWorkspace, args: &[&str]) -> (Option<i32>, String) {
    use std::io::Read;
    use std::process::Stdio;
    let mut child = std::process::Command::new(explor_tests::explor_bin())
        .env("EXPLOR_WORKSPACE", ws.workspace())
        .current_dir(ws.dir())
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start explor");
    // The reader goes away before explor writes anything: every write meets EPIPE.
    drop(child.stdout.take());
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .expect("piped stderr")
        .read_to_string(&mut stderr)
        .expect("read stderr");
    let status = child.wait().expect("wait for explor");
    (status.code(), stderr)
}

#[test]
fn a_closed_pipe_on_standard_output_exits_0_silently() {
    let ws = TestWorkspace::initialised();
    import_json(&ws, &sample_dir());
    for args in [
        &["list", "experts"][..],
        &["list", "experts", "--format", "json"],
        &["list", "experts", "--format", "csv"],
        &["list", "experts", "--format", "csv-fr"],
        &["show", "exp-0007", "--format", "json"],
        &["match", "need-kin-dechets", "--format", "json"],
        &["match", "need-kin-dechets", "--format", "csv"],
        &["match", "need-kin-dechets"],
        &["batch", "--call", "2027-printemps", "--format", "csv-fr"],
        &["mission", "list", "--format", "json"],
        &[
            "cost",
            "--country",
            "CD",
            "--days",
            "10",
            "--format",
            "json",
        ],
        &["reference", "themes"],
        &["reference", "countries", "--format", "json"],
        &["reference", "status"],
    ] {
        let (code, stderr) = with_closed_stdout(&ws, args);
        assert_eq!(code, Some(0), "{args:?}: {stderr}");
        assert_eq!(stderr, "", "{args:?}: nothing on stderr");
    }
}

/// `explor import PATH` against `ws`, killed after 20 s: a regression that makes an
/// import read a pipe or a device must fail the test, not hang it.
#[cfg(unix)]
fn import_with_deadline(ws: &TestWorkspace, path: &std::path::Path) -> std::process::Output {
    let started = std::time::Instant::now();
    let out = ws
        .explor(&["import", path.to_str().expect("UTF-8 path")])
        .timeout(std::time::Duration::from_secs(20))
        .output()
        .expect("run explor");
    assert!(
        started.elapsed() < std::time::Duration::from_secs(20),
        "import {} did not end by itself",
        path.display()
    );
    out
}

#[cfg(unix)]
#[test]
fn import_refuses_pipes_devices_and_sockets_at_once_without_reading() {
    let ws = TestWorkspace::initialised();
    let fifo = ws.dir().join("experts.jsonl");
    mkfifo(&fifo);
    let zero = ws.dir().join("needs.jsonl");
    std::os::unix::fs::symlink("/dev/zero", &zero).expect("symlink");
    let socket = ws.dir().join("offers.csv");
    let _listener = std::os::unix::net::UnixListener::bind(&socket).expect("socket");
    for (path, what) in [
        (fifo.clone(), "tube nommé"),
        (
            std::path::PathBuf::from("/dev/zero"),
            "périphérique caractère",
        ),
        (zero, "périphérique caractère"),
        (socket, "socket"),
    ] {
        let out = import_with_deadline(&ws, &path);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{}: {stderr}", path.display());
        assert!(
            stderr.contains(&path.display().to_string())
                && stderr.contains("pas un fichier ordinaire")
                && stderr.contains(what),
            "{}: {stderr}",
            path.display()
        );
    }
    assert_eq!(ws.list_json("experts"), serde_json::json!([]));
}

#[cfg(unix)]
#[test]
fn a_dataset_folder_holding_a_pipe_a_device_or_a_broken_link_is_refused_naming_each() {
    let ws = TestWorkspace::initialised();
    let data = ws.dir().join("data");
    std::fs::create_dir(&data).expect("mkdir");
    for kind in KINDS {
        std::fs::copy(
            fixture("valid").join(format!("{kind}.json")),
            data.join(format!("{kind}.json")),
        )
        .expect("copy the valid fixture");
    }
    let fifo = data.join("more-experts.jsonl");
    mkfifo(&fifo);
    let zero = data.join("zero.csv");
    std::os::unix::fs::symlink("/dev/zero", &zero).expect("symlink");
    let dangling = data.join("gone-needs.csv");
    std::os::unix::fs::symlink(data.join("nowhere"), &dangling).expect("symlink");
    let looping = data.join("loop");
    std::os::unix::fs::symlink(&looping, &looping).expect("symlink");
    let out = import_with_deadline(&ws, &data);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    for (path, what) in [
        (&fifo, "tube nommé"),
        (&zero, "périphérique caractère"),
        (&dangling, "lien symbolique vers rien"),
        (&looping, "boucle de liens symboliques"),
    ] {
        assert!(
            stderr.contains(&path.display().to_string()) && stderr.contains(what),
            "{}: {stderr}",
            path.display()
        );
    }
    assert_eq!(ws.list_json("experts"), serde_json::json!([]));
    // Without them, the folder imports.
    for strange in [&fifo, &zero, &dangling, &looping] {
        std::fs::remove_file(strange).expect("remove");
    }
    let out = import_with_deadline(&ws, &data);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
