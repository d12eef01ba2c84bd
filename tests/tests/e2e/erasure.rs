//! Erasure that sticks, and backups (issue #16 items 1–3 and 17). Properties checked:
//!
//! 1. After `remove` of an expert, no file of the workspace — database, its
//!    write-ahead log, every index segment, the erasure list — holds any byte of the
//!    person's name, e-mail or phone, even after their record was updated and a
//!    mission note quoted them (`erasure::an_erased_expert_leaves_no_byte_in_any_file_of_the_workspace`).
//! 2. Importing a file that still holds the erased record is refused, naming file,
//!    record and field, and writes nothing; `--skip-erased` leaves the record out with
//!    a warning and says so in the report; the person stays erased
//!    (`erasure::importing_an_erased_expert_again_is_refused_or_left_out_never_recreated`).
//! 3. `backup` copies a live workspace while another process holds its write lock;
//!    `restore` rebuilds the index (`check` agrees) and re-applies the erasures made
//!    after the backup, from the workspace left in place or from `--erasures`; a
//!    restore without them shows the backup did hold the person
//!    (`erasure::a_backup_restored_after_an_erasure_does_not_bring_the_person_back`).
//! 4. `backup` never overwrites a file nor writes inside the workspace; `restore` only
//!    writes into an empty folder and refuses another workspace's erasure list
//!    (`erasure::backup_and_restore_refuse_what_would_lose_or_leak_data`).
//! 5. Property 1 holds for what the web app kept too: the person's web account and
//!    the e-mails to it, waiting in the outbox or already sent or refused, are
//!    deleted with them; another account and its e-mail stay
//!    (`erasure::an_erased_expert_s_web_account_and_e_mails_go_with_them`).

use std::path::{Path, PathBuf};

use explor_tests::{TestWorkspace, sample_dir};
use serde_json::Value;

use crate::run_ok;

const ID: &str = "exp-0999";
const NAME: &str = "Zéphyrine Quaglio-Vantongerloo";
const EMAIL: &str = "zephyrine.qv@marais-salants.example";
const PHONE: &str = "+33 6 98 76 54 32";

/// What of the person must be found nowhere: as written, and as an index or a
/// normalised copy would keep it (lower case, without accents, digits only). Shorter
/// digit runs are no trace: tantivy's own tables hold `98765432`.
const TRACES: &[&str] = &[
    "Zéphyrine",
    "zephyrin",
    "quaglio",
    "vantongerloo",
    "zephyrine.qv",
    "marais-salants",
    "98 76 54 32",
    "98.76.54.32",
    "698765432",
];

/// The sample with one more expert, a copy of exp-0007 (so eligible for the Kinshasa
/// need) under a distinctive name, e-mail and phone; `bio` changes between versions.
fn dataset(dir: &Path, bio: &str) -> PathBuf {
    let out = dir.join(format!("data-{}", bio.len()));
    std::fs::create_dir_all(&out).unwrap();
    for kind in crate::KINDS {
        let from = sample_dir().join(format!("{kind}.json"));
        std::fs::copy(&from, out.join(format!("{kind}.json"))).unwrap();
    }
    let path = out.join("experts.json");
    let mut experts: Vec<Value> =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let mut person = experts
        .iter()
        .find(|e| e["id"] == "exp-0007")
        .unwrap()
        .clone();
    person["id"] = ID.into();
    person["name"] = NAME.into();
    person["email"] = EMAIL.into();
    person["phone"] = PHONE.into();
    person["bio"] = format!("{NAME} ({EMAIL}, {PHONE}) : {bio}").into();
    experts.push(person);
    std::fs::write(&path, serde_json::to_string_pretty(&experts).unwrap()).unwrap();
    out
}

/// Every file under `root` whose bytes contain one of the traces, with the trace
/// (the search ignores ASCII case).
fn traces_in(root: &Path) -> Vec<String> {
    let mut found = Vec::new();
    let mut stack = vec![root.to_owned()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let bytes = std::fs::read(&path).unwrap().to_ascii_lowercase();
            for trace in TRACES {
                let needle = trace.to_lowercase().into_bytes();
                if bytes.windows(needle.len()).any(|w| w == needle.as_slice()) {
                    found.push(format!("{} holds {trace:?}", path.display()));
                }
            }
        }
    }
    found
}

/// A workspace with the dataset imported twice (the second time the person's record
/// changed, leaving an older copy behind), and a mission whose log quotes them.
fn workspace_with_the_person() -> (TestWorkspace, PathBuf) {
    let ws = TestWorkspace::initialised();
    let first = dataset(ws.dir(), "ornithologue des marais");
    run_ok(&ws, &["import", first.to_str().unwrap()]);
    let second = dataset(ws.dir(), "ornithologue des marais salants, guide");
    run_ok(&ws, &["import", second.to_str().unwrap()]);
    run_ok(
        &ws,
        &[
            "mission",
            "create",
            "need-kin-dechets",
            "--expert",
            ID,
            "--note",
            &format!("proposée à {NAME} au {PHONE}, {EMAIL}"),
        ],
    );
    run_ok(
        &ws,
        &[
            "mission",
            "advance",
            "mis-0001",
            "terms_drafted",
            "--note",
            "Mme Quaglio-Vantongerloo a relu les termes (tél. 06.98.76.54.32)",
        ],
    );
    assert!(
        !traces_in(&ws.workspace()).is_empty(),
        "the test must see the person before the erasure"
    );
    (ws, second)
}

#[test]
fn an_erased_expert_leaves_no_byte_in_any_file_of_the_workspace() {
    let (ws, _) = workspace_with_the_person();
    let out = run_ok(&ws, &["remove", ID]);
    assert!(out.contains("effacé"), "{out}");
    let found = traces_in(&ws.workspace());
    assert!(found.is_empty(), "after the erasure:\n{}", found.join("\n"));
    // The workspace still works: the mission names the id as erased, the log keeps
    // its entries with the person's words replaced, store and index agree.
    let shown = run_ok(&ws, &["mission", "show", "mis-0001"]);
    assert!(shown.contains("effacé·e le"), "{shown}");
    assert!(shown.contains("[effacé]"), "{shown}");
    run_ok(&ws, &["check"]);
    let found = traces_in(&ws.workspace());
    assert!(
        found.is_empty(),
        "after reading again:\n{}",
        found.join("\n")
    );
}

#[test]
fn an_erased_expert_s_web_account_and_e_mails_go_with_them() {
    let (ws, _) = workspace_with_the_person();
    for (email, org) in [(EMAIL, ID), ("autre@example.org", "exp-0001")] {
        run_ok(
            &ws,
            &[
                "user", "add", "--email", email, "--role", "expert", "--org", org,
            ],
        );
    }
    // E-mails as the web app writes them: one waiting, one sent, one refused, and one
    // to the other account.
    let outbox = ws.workspace().join("outbox");
    let email = |to: &str| {
        format!("To: {to}\r\nSubject: Une proposition attend votre réponse\r\n\r\nRappel.\r\n")
    };
    for (dir, name, to) in [
        ("", "1800000000-0000.eml", EMAIL),
        ("envoyes", "1800000000-0001.eml", EMAIL),
        ("refuses", "1800000000-0002.eml", EMAIL),
        ("", "1800000000-0003.eml", "autre@example.org"),
    ] {
        std::fs::create_dir_all(outbox.join(dir)).unwrap();
        std::fs::write(outbox.join(dir).join(name), email(to)).unwrap();
    }
    std::fs::write(
        outbox.join("refuses/1800000000-0002.eml.motif.txt"),
        format!("550 <{EMAIL}> inconnu\n"),
    )
    .unwrap();
    run_ok(&ws, &["remove", ID]);
    let found = traces_in(&ws.workspace());
    assert!(found.is_empty(), "after the erasure:\n{}", found.join("\n"));
    assert!(outbox.join("1800000000-0003.eml").is_file());
    let users = run_ok(&ws, &["user", "list"]);
    assert!(users.contains("autre@example.org"), "{users}");
}

#[test]
fn importing_an_erased_expert_again_is_refused_or_left_out_never_recreated() {
    let (ws, data) = workspace_with_the_person();
    run_ok(&ws, &["remove", ID]);
    let before = crate::raw_snapshot(&ws);
    let data = data.to_str().unwrap();

    let out = ws.explor(&["import", data]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let line = stderr
        .lines()
        .find(|l| l.contains(ID))
        .unwrap_or_else(|| panic!("no line names {ID}:\n{stderr}"));
    assert!(line.contains("experts.json : fiche [105]"), "{line}");
    assert!(line.contains("champ « id »"), "{line}");
    assert!(line.contains("effacé·e le"), "{line}");
    assert!(stderr.contains("--skip-erased"), "{stderr}");
    assert_eq!(crate::raw_snapshot(&ws), before, "nothing was written");

    let out = ws
        .explor(&["import", data, "--format", "json"])
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let issues = report["issues"].as_array().unwrap();
    assert_eq!(issues.len(), 1, "{report:#}");
    assert_eq!(issues[0]["class"], "erased");
    assert_eq!(issues[0]["field"], "id");
    assert_eq!(issues[0]["id"], ID);

    let out = ws
        .explor(&["import", data, "--skip-erased"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("avertissement :") && stderr.contains(ID) && stderr.contains("fiche [105]"),
        "{stderr}"
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("laissé de côté : 1 fiche"), "{stdout}");
    let report: Value = serde_json::from_str(&run_ok(
        &ws,
        &["import", data, "--skip-erased", "--format", "json"],
    ))
    .unwrap();
    assert_eq!(report["skipped_erased"][0]["id"], ID, "{report:#}");

    let show = ws.explor(&["show", ID]).output().unwrap();
    assert_eq!(show.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&show.stderr).contains("effacé"));
    let found = traces_in(&ws.workspace());
    assert!(found.is_empty(), "{}", found.join("\n"));
}

/// Runs `explor ARGS` with no workspace setting of its own (`restore` names its folder).
fn explor_in(ws: &TestWorkspace, args: &[&str]) -> std::process::Output {
    ws.explor(args).output().unwrap()
}

#[test]
fn a_backup_restored_after_an_erasure_does_not_bring_the_person_back() {
    let (ws, _) = workspace_with_the_person();
    let backup = ws.dir().join("backup.sqlite3");
    {
        // Another process writing (its lock held) does not stop a backup.
        let lock = std::fs::File::open(ws.workspace().join("explor.lock")).unwrap();
        lock.lock().unwrap();
        run_ok(&ws, &["backup", backup.to_str().unwrap()]);
    }
    run_ok(&ws, &["remove", ID]);
    let backup = backup.to_str().unwrap();

    // Into a new folder, with the erasures of the workspace the backup was made of.
    let elsewhere = ws.dir().join("restored");
    let out = run_ok(
        &ws,
        &[
            "restore",
            backup,
            elsewhere.to_str().unwrap(),
            "--erasures",
            ws.workspace().to_str().unwrap(),
        ],
    );
    assert!(out.contains("1 fiche de la sauvegarde effacée"), "{out}");
    let restored = explor_tests::Command::new(explor_tests::explor_bin())
        .env("EXPLOR_WORKSPACE", &elsewhere)
        .args(["show", ID])
        .output()
        .unwrap();
    assert_eq!(restored.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&restored.stderr).contains("effacé"));
    let check = explor_tests::Command::new(explor_tests::explor_bin())
        .env("EXPLOR_WORKSPACE", &elsewhere)
        .arg("check")
        .output()
        .unwrap();
    assert!(check.status.success(), "{check:?}");
    let found = traces_in(&elsewhere);
    assert!(found.is_empty(), "{}", found.join("\n"));

    // Into the same place: the workspace's files are gone but its erased.list stays.
    for entry in std::fs::read_dir(ws.workspace()).unwrap() {
        let path = entry.unwrap().path();
        if path.file_name().unwrap() != "erased.list" {
            if path.is_dir() {
                std::fs::remove_dir_all(&path).unwrap();
            } else {
                std::fs::remove_file(&path).unwrap();
            }
        }
    }
    let out = run_ok(&ws, &["restore", backup]);
    assert!(out.contains("1 fiche de la sauvegarde effacée"), "{out}");
    let show = explor_in(&ws, &["show", ID]);
    assert_eq!(show.status.code(), Some(1));
    run_ok(&ws, &["check"]);
    run_ok(&ws, &["show", "exp-0007"]);
    let found = traces_in(&ws.workspace());
    assert!(found.is_empty(), "{}", found.join("\n"));

    // Without any erasure list the backup gives back what it held: the list is what
    // keeps the person erased.
    let bare = ws.dir().join("bare");
    run_ok(&ws, &["restore", backup, bare.to_str().unwrap()]);
    let shown = explor_tests::Command::new(explor_tests::explor_bin())
        .env("EXPLOR_WORKSPACE", &bare)
        .args(["show", ID])
        .output()
        .unwrap();
    assert!(shown.status.success());
}

#[test]
fn backup_and_restore_refuse_what_would_lose_or_leak_data() {
    let ws = TestWorkspace::initialised();
    run_ok(&ws, &["import", sample_dir().to_str().unwrap()]);
    let existing = ws.dir().join("existing.sqlite3");
    std::fs::write(&existing, "keep me").unwrap();
    let out = explor_in(&ws, &["backup", existing.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert_eq!(std::fs::read_to_string(&existing).unwrap(), "keep me");
    let inside = ws.workspace().join("backup.sqlite3");
    let out = explor_in(&ws, &["backup", inside.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert!(!inside.exists());

    let backup = ws.dir().join("b.sqlite3");
    run_ok(&ws, &["backup", backup.to_str().unwrap()]);
    // Not into a workspace that is there.
    let out = explor_in(&ws, &["restore", backup.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("n’est pas vide"));
    // Not a file that is no backup.
    let target = ws.dir().join("t");
    let out = explor_in(
        &ws,
        &[
            "restore",
            existing.to_str().unwrap(),
            target.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert!(!target.exists(), "a failed restore leaves nothing behind");
    // Not with another workspace's erasures.
    let other = TestWorkspace::initialised();
    let other_data = dataset(other.dir(), "x");
    run_ok(&other, &["import", other_data.to_str().unwrap()]);
    run_ok(&other, &["remove", ID]);
    let out = explor_in(
        &ws,
        &[
            "restore",
            backup.to_str().unwrap(),
            target.to_str().unwrap(),
            "--erasures",
            other.workspace().to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("clé d’un autre espace de travail"),
        "{out:?}"
    );
    assert!(!target.exists());
}
