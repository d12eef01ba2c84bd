//! `explor user …`: invitations from the command line, listed, disabled, removed.

use explor_tests::TestWorkspace;
use serde_json::Value;

use crate::{import_json, run_ok};

fn accounts(ws: &TestWorkspace) -> Vec<Value> {
    let out = run_ok(ws, &["user", "list", "--format", "json"]);
    serde_json::from_str::<Value>(&out)
        .expect("user list --format json prints JSON")
        .as_array()
        .expect("an array")
        .clone()
}

#[test]
fn user_add_prints_a_link_list_shows_it_disable_and_remove_act() {
    let ws = TestWorkspace::initialised();
    import_json(&ws, &explor_tests::sample_dir());

    let out = run_ok(
        &ws,
        &[
            "user",
            "add",
            "--email",
            "Coord@Example.org",
            "--role",
            "coordinator",
            "--base-url",
            "https://explor.example.org/",
        ],
    );
    let link = out
        .lines()
        .find(|l| l.starts_with("https://explor.example.org/invite/"))
        .unwrap_or_else(|| panic!("no invitation link in:\n{out}"));
    let token = link.rsplit('/').next().unwrap();
    assert_eq!(token.len(), 32, "128-bit token in hex: {link}");
    run_ok(
        &ws,
        &[
            "user",
            "add",
            "--email",
            "eau@vive.org",
            "--role",
            "association",
            "--org",
            "asso-eau-vive",
        ],
    );

    let list = accounts(&ws);
    assert_eq!(list.len(), 2);
    let coord = &list[0];
    assert_eq!(coord["email"], "coord@example.org");
    assert_eq!(coord["role"], "coordinator");
    assert_eq!(coord["active"], false, "no password until the link is used");
    assert_eq!(coord["disabled"], false);
    assert_eq!(list[1]["org_id"], "asso-eau-vive");
    // The list never carries a secret.
    let text = serde_json::to_string(&list).unwrap();
    assert!(!text.contains(token) && !text.contains("argon2"));

    run_ok(&ws, &["user", "disable", "coord@example.org"]);
    assert_eq!(accounts(&ws)[0]["disabled"], true);
    run_ok(&ws, &["user", "remove", "eau@vive.org"]);
    assert_eq!(accounts(&ws).len(), 1);
    let table = run_ok(&ws, &["user", "list"]);
    assert!(table.contains("coord@example.org") && table.contains("désactivé"));
    assert!(
        table.contains("courriel") && table.contains("coordination"),
        "{table}"
    );
}

#[test]
fn user_add_refuses_what_it_cannot_check() {
    let ws = TestWorkspace::initialised();
    import_json(&ws, &explor_tests::sample_dir());
    for args in [
        // An id that is no association of the workspace.
        &[
            "user",
            "add",
            "--email",
            "a@b.org",
            "--role",
            "association",
            "--org",
            "exp-0101",
        ][..],
        // A role that needs a record, without one.
        &["user", "add", "--email", "a@b.org", "--role", "expert"][..],
        // Not an e-mail.
        &[
            "user",
            "add",
            "--email",
            "personne",
            "--role",
            "coordinator",
        ][..],
    ] {
        ws.explor(args).assert().code(1);
    }
    run_ok(
        &ws,
        &["user", "add", "--email", "a@b.org", "--role", "coordinator"],
    );
    ws.explor(&["user", "add", "--email", "A@B.org", "--role", "coordinator"])
        .assert()
        .code(1);
    ws.explor(&["user", "disable", "nobody@b.org"])
        .assert()
        .code(1);
    assert_eq!(accounts(&ws).len(), 1);
}
