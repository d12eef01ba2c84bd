//! The coordinator's work in the browser (properties 3 to 6): candidates and their
//! explanation, the expert search's facets, an import with errors, and a call's batch
//! committed into missions, one advanced and its documents downloaded.

use fantoccini::Locator;
use serde_json::Value;

use crate::harness::{Browser, Server, enabled, signed_in_coordinator};

const NEED: &str = "need-kin-dechets";
const CALL: &str = "2027-printemps";

/// `explor … --format json` on the server's workspace.
fn json(server: &Server, args: &[&str]) -> Value {
    let out = server.ws.explor(args).output().expect("run explor");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_coordinator_finds_candidates_for_a_need_and_reads_why() {
    if !enabled() {
        return;
    }
    let server = Server::start();
    let expected = json(
        &server,
        &["match", NEED, "--include-ineligible", "--format", "json"],
    );
    let best = expected["candidates"][0]["id"].as_str().expect("a best id");
    let excluded = expected["excluded"].as_array().expect("excluded").len();
    let b = Browser::start().await;
    signed_in_coordinator(&b, &server, "coordination@example.org").await;

    b.follow("Besoins").await;
    assert_eq!(b.path().await, "/besoins");
    b.check_accessibility("besoins").await;
    b.client
        .find(Locator::Css(&format!("a[href=\"/besoins/{NEED}\"]")))
        .await
        .expect("the need is listed")
        .click()
        .await
        .expect("open the need");
    assert_eq!(b.path().await, format!("/besoins/{NEED}"));

    // The first ranked row is `explor match`'s best candidate.
    let first = b
        .client
        .find(Locator::Css("section[aria-labelledby=candidats] tbody tr"))
        .await
        .expect("a ranked candidate");
    assert!(
        first.text().await.expect("its text").contains(best),
        "the first row is {best}"
    );
    // Its explanation opens in place, in the row below: one row per criterion.
    let detail = b
        .client
        .find(Locator::Css(
            "section[aria-labelledby=candidats] tr.score-detail",
        ))
        .await
        .expect("the first candidate's score detail");
    detail
        .find(Locator::Css("details summary"))
        .await
        .expect("the breakdown's summary")
        .click()
        .await
        .expect("open it");
    let breakdown = detail
        .find(Locator::Css("details table"))
        .await
        .expect("the breakdown");
    let rows = breakdown
        .find_all(Locator::XPath("./tbody/tr"))
        .await
        .expect("criteria rows");
    let criteria = expected["candidates"][0]["criteria"]
        .as_array()
        .map_or(0, Vec::len);
    assert_eq!(rows.len(), criteria, "one row per criterion");
    assert!(breakdown.is_displayed().await.expect("visibility"));
    b.check_accessibility("besoin").await;
    b.screenshot("besoin").await;
    // The excluded ones on demand, each with its gate, as many as `explor match`
    // excludes.
    b.follow("Voir les candidats exclus et la condition que chacun ne remplit pas")
        .await;
    let excluded_rows = b
        .client
        .find_all(Locator::Css("section[aria-labelledby=exclus] tbody tr"))
        .await
        .expect("excluded rows");
    assert_eq!(excluded_rows.len(), excluded);
    b.check_accessibility("besoin, exclus").await;
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_coordinator_filters_the_expert_search_by_facets() {
    if !enabled() {
        return;
    }
    let server = Server::start();
    let expected = json(
        &server,
        &[
            "search", "--theme", "dechets", "--kind", "expert", "--format", "json",
        ],
    );
    let ids: Vec<&str> = expected["hits"]
        .as_array()
        .expect("hits")
        .iter()
        .filter_map(|h| h["id"].as_str())
        .collect();
    assert!(!ids.is_empty(), "the sample has waste experts");
    let b = Browser::start().await;
    signed_in_coordinator(&b, &server, "coordination@example.org").await;

    b.follow("Recherche").await;
    assert_eq!(b.path().await, "/recherche");
    // Each choice updates the results in place (htmx) and the address.
    b.choose("theme", "dechets").await;
    b.choose("type", "expert").await;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    let shown = loop {
        let url = b.client.current_url().await.expect("a URL");
        let query = url.query().unwrap_or_default().to_owned();
        let shown = b.texts("#resultats > div.overflow-auto tbody tr").await;
        let settled = query.contains("theme=dechets")
            && query.contains("type=expert")
            && !b.htmx_busy().await;
        if settled && shown.len() == ids.len() {
            break shown;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the search never showed {} hits: {query}: {shown:#?}",
            ids.len()
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    };
    assert_eq!(shown.len(), ids.len(), "as many hits as `explor search`");
    for id in &ids {
        assert!(
            shown.iter().any(|row| row.contains(id)),
            "{id} is among the results"
        );
    }
    let count = b.texts("#resultats td.facet-expert").await;
    assert_eq!(count, [ids.len().to_string()], "the facet counts them");
    b.check_accessibility("recherche").await;
    b.screenshot("recherche").await;
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_import_with_errors_lists_them_all_and_writes_nothing() {
    if !enabled() {
        return;
    }
    let server = Server::start();
    let before = server.ws.snapshot();
    let mut experts: Vec<Value> = serde_json::from_str(
        &std::fs::read_to_string(explor_tests::sample_dir().join("experts.json"))
            .expect("the sample experts"),
    )
    .expect("JSON");
    experts.truncate(3);
    experts[0]["id"] = "exp-nouveau-1".into();
    experts[0]["status"] = "astronaute".into();
    experts[1]["id"] = "exp-nouveau-2".into();
    experts[1]["languages"] = Value::Array(vec![]);
    experts[2]["id"] = "exp nouveau 3".into();
    let file = server.ws.write(
        "experts-a-corriger.json",
        &serde_json::to_string_pretty(&experts).expect("JSON"),
    );
    let b = Browser::start().await;
    signed_in_coordinator(&b, &server, "coordination@example.org").await;

    b.follow("Import").await;
    b.choose("type", "expert").await;
    b.client
        .find(Locator::Id("fichier"))
        .await
        .expect("the file field")
        .send_keys(file.to_str().expect("UTF-8 path"))
        .await
        .expect("choose the file");
    b.press("Importer").await;
    let text = b.wait_for_text("rien n’a été enregistré").await;
    let rows = b
        .client
        .find_all(Locator::Css("tr.issue"))
        .await
        .expect("issue rows");
    let mut listed = Vec::new();
    for r in &rows {
        listed.push(r.text().await.expect("row text"));
    }
    for (record, field) in [
        ("exp-nouveau-1", "status"),
        ("exp-nouveau-2", "languages"),
        ("exp nouveau 3", "id"),
    ] {
        assert!(
            listed
                .iter()
                .any(|row| row.contains(record) && row.contains(field)),
            "{record}/{field} is listed: {listed:#?}\n{text}"
        );
    }
    assert!(
        listed
            .iter()
            .all(|row| row.contains("experts-a-corriger.json"))
    );
    assert_eq!(server.ws.snapshot(), before, "nothing was written");
    b.check_accessibility("import").await;
    b.screenshot("import").await;
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_call_is_run_committed_and_a_mission_advanced_with_its_documents() {
    if !enabled() {
        return;
    }
    let server = Server::start();
    let b = Browser::start().await;
    signed_in_coordinator(&b, &server, "coordination@example.org").await;

    b.follow("Appels").await;
    b.client
        .find(Locator::Css(&format!("a[href=\"/appels/{CALL}\"]")))
        .await
        .expect("the call is listed")
        .click()
        .await
        .expect("open the call");
    b.press("Calculer l’affectation").await;
    b.wait_for_text("Affectation proposée").await;
    b.check_accessibility("appel").await;
    b.screenshot("appel").await;

    // Pin the first assignment: the re-run marks it, and the commit keeps it.
    b.press("Épingler").await;
    let page = b.wait_for_text("(épinglée)").await;
    assert!(
        page.contains("Retirer"),
        "the pin is listed with « Retirer »"
    );

    let commit = b
        .client
        .find(Locator::XPath(
            "//button[starts-with(normalize-space(.), 'Valider')]",
        ))
        .await
        .expect("the commit button");
    commit.click().await.expect("commit");
    b.wait_for_text("mission(s) créée(s)").await;
    let missions = json(&server, &["mission", "list", "--format", "json"]);
    let missions = missions.as_array().expect("a list of missions");
    assert!(!missions.is_empty(), "the commit created missions");
    let id = missions[0]["id"].as_str().expect("a mission id").to_owned();

    b.client
        .find(Locator::Css(&format!("a[href=\"/missions/{id}\"]")))
        .await
        .expect("a link to the new mission")
        .click()
        .await
        .expect("open it");
    assert_eq!(b.path().await, format!("/missions/{id}"));
    b.press("Passer à : termes rédigés").await;
    let page = b.wait_for_text("Passer à :").await;
    assert!(
        !page.contains("Passer à : termes rédigés"),
        "the mission moved on"
    );
    let shown = json(&server, &["mission", "show", &id, "--format", "json"]);
    assert_eq!(shown["state"], "terms_drafted", "{shown:#}");
    b.check_accessibility("mission").await;
    b.screenshot("mission").await;

    // Its documents: each download link gives the file, named, as an attachment.
    let links = b
        .client
        .find_all(Locator::Css(
            "section[aria-labelledby=documents] a[download]",
        ))
        .await
        .expect("download links");
    assert!(!links.is_empty(), "the mission has documents");
    for link in links {
        let href = link
            .attr("href")
            .await
            .expect("an attribute")
            .expect("a href");
        let (status, kind, disposition, body) = b.download(&href).await;
        assert_eq!(status, 200, "{href}");
        assert!(
            disposition.starts_with("attachment"),
            "{href}: {disposition}"
        );
        if href.ends_with("format=html") {
            assert!(kind.starts_with("text/html"), "{href}: {kind}");
            assert!(body.contains("<h1"), "{href}: an HTML document");
        } else if href.ends_with("format=odt") || href.ends_with("format=docx") {
            // Compressed ZIP containers: their type and their signature, read as text.
            let expected = if href.ends_with("odt") {
                "application/vnd.oasis.opendocument.text"
            } else {
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            };
            assert_eq!(kind, expected, "{href}");
            assert!(body.starts_with("PK"), "{href}: a ZIP file");
            continue;
        } else {
            assert!(kind.starts_with("text/markdown"), "{href}: {kind}");
            assert!(body.starts_with('#'), "{href}: a Markdown document");
        }
        assert!(body.contains(&id), "{href} names the mission");
    }
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_coordinator_page_scrolls_sideways_on_a_phone() {
    if !enabled() {
        return;
    }
    let server = Server::with_missions(CALL);
    let b = Browser::start().await;
    signed_in_coordinator(&b, &server, "coordination@example.org").await;
    let mission = json(&server, &["mission", "list", "--format", "json"])[0]["id"]
        .as_str()
        .expect("a mission id")
        .to_owned();
    let pages = [
        "/".to_owned(),
        "/besoins".to_owned(),
        format!("/besoins/{NEED}"),
        format!("/besoins/{NEED}?exclus=1"),
        "/recherche?q=d%C3%A9chets".to_owned(),
        "/appels".to_owned(),
        format!("/appels/{CALL}?top_k=20&score_min=0"),
        "/missions".to_owned(),
        format!("/missions/{mission}"),
        "/experts/exp-0007".to_owned(),
        "/import".to_owned(),
        "/revue".to_owned(),
        "/comptes".to_owned(),
        "/audit".to_owned(),
        "/notifications".to_owned(),
    ];
    let wide = b
        .pages_wider_than_a_phone(&server, "coordinator", &pages)
        .await;
    assert!(wide.is_empty(), "pages wider than the phone: {wide:#?}");
    b.close().await;
}
