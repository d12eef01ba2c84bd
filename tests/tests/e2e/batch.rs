//! `explor batch` on the sample's spring call (property 10): an eligible, feasible and
//! optimal assignment, the exported graph, the report files and formats, user mistakes.

use std::collections::{BTreeMap, BTreeSet};

use explor_engine::batch::{Problem, solve};
use explor_tests::{TestWorkspace, sample_dir};
use serde_json::Value;

use crate::run_ok;

const CALL: &str = "2027-printemps";

fn sample() -> TestWorkspace {
    let ws = TestWorkspace::initialised();
    run_ok(&ws, &["import", sample_dir().to_str().unwrap()]);
    ws
}

fn json(ws: &TestWorkspace, args: &[&str]) -> Value {
    serde_json::from_str(&run_ok(ws, args)).expect("JSON output")
}

fn spring(ws: &TestWorkspace) -> Value {
    json(ws, &["batch", "--call", CALL, "--format", "json"])
}

fn str_of<'v>(v: &'v Value, key: &str) -> &'v str {
    v[key].as_str().unwrap_or_else(|| panic!("{key} in {v}"))
}

#[test]
fn the_spring_call_gets_eligible_candidates_within_every_limit() {
    let ws = sample();
    let report = spring(&ws);
    assert_eq!(report["call"], CALL);
    assert_eq!(report["top_k"], 50);
    let assignments = report["assignments"].as_array().unwrap();
    assert!(!assignments.is_empty());

    let needs: BTreeMap<String, Value> = json(&ws, &["list", "needs", "--format", "json"])
        .as_array()
        .unwrap()
        .iter()
        .map(|n| (str_of(n, "id").to_owned(), n.clone()))
        .collect();
    let mut per_need: BTreeMap<&str, u64> = BTreeMap::new();
    let mut per_candidate: BTreeMap<&str, u64> = BTreeMap::new();
    let mut total_weight = 0;
    let mut matches: BTreeMap<&str, Value> = BTreeMap::new();
    for a in assignments {
        for key in [
            "need",
            "candidate",
            "kind",
            "weight",
            "score",
            "start",
            "end",
        ] {
            assert!(a.get(key).is_some(), "assignment lacks {key}: {a}");
        }
        let need = str_of(a, "need");
        assert_eq!(needs[need]["call"], CALL, "{need} is not of the call");
        *per_need.entry(need).or_default() += 1;
        *per_candidate.entry(str_of(a, "candidate")).or_default() += 1;
        let weight = a["weight"].as_i64().unwrap();
        let score = a["score"].as_f64().unwrap();
        assert_eq!(weight, (score * 100.0).round() as i64);
        total_weight += weight;

        // Eligible: `match` lists it with the same score and dates.
        let ranked = matches
            .entry(need)
            .or_insert_with(|| json(&ws, &["match", need, "--top", "50", "--format", "json"]));
        let found = ranked["candidates"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == a["candidate"])
            .unwrap_or_else(|| panic!("{a} is not an eligible match"));
        for key in ["kind", "score", "start", "end"] {
            assert_eq!(found[key], a[key], "{key} of {a}");
        }
    }
    for (need, n) in &per_need {
        assert!(*n <= needs[*need]["experts_wanted"].as_u64().unwrap_or(1));
    }
    assert_eq!(report["objective"]["covered"], per_need.len());
    assert_eq!(report["objective"]["total_weight"], total_weight);

    // No expert twice; offers and companies within their headcounts.
    let offers = json(&ws, &["list", "offers", "--format", "json"]);
    let experts = json(&ws, &["list", "experts", "--format", "json"]);
    let mut quota: BTreeMap<&str, u64> = BTreeMap::new();
    let mut company_of: BTreeMap<&str, &str> = BTreeMap::new();
    for o in offers.as_array().unwrap() {
        let company = str_of(&o["company"], "id");
        let headcount = o["headcount"].as_u64().unwrap();
        *quota.entry(company).or_default() += headcount;
        company_of.insert(str_of(o, "id"), company);
        let used = per_candidate.get(str_of(o, "id")).copied().unwrap_or(0);
        assert!(used <= headcount, "{} staffs {used}", o["id"]);
    }
    for e in experts.as_array().unwrap() {
        let id = str_of(e, "id");
        let n = per_candidate.get(id).copied().unwrap_or(0);
        assert!(n <= 1, "{id} is assigned {n} times");
        if let Some(employer) = e["employer"]["id"].as_str()
            && quota.contains_key(employer)
        {
            company_of.insert(id, employer);
        }
    }
    let mut used: BTreeMap<&str, u64> = BTreeMap::new();
    for (candidate, n) in &per_candidate {
        if let Some(company) = company_of.get(candidate) {
            *used.entry(company).or_default() += n;
        }
    }
    for (company, n) in used {
        assert!(n <= quota[company], "{company} staffs {n}");
    }

    // The worked example keeps its obvious match; unserved needs say why.
    assert!(
        assignments
            .iter()
            .any(|a| a["need"] == "need-kin-dechets" && a["candidate"] == "exp-0007")
    );
    for u in report["unserved"].as_array().unwrap() {
        assert!(!per_need.contains_key(str_of(u, "need")));
        let reason = str_of(u, "reason");
        assert!(
            [
                "no_eligible_candidate",
                "below_min_score",
                "candidates_taken"
            ]
            .contains(&reason),
            "{u}"
        );
    }
    let c = &report["coverage"];
    assert_eq!(c["covered"], report["objective"]["covered"]);
    assert_eq!(
        c["needs"].as_u64().unwrap(),
        needs.values().filter(|n| n["call"] == CALL).count() as u64
    );
}

#[test]
fn the_exported_graph_is_solved_to_the_reported_optimum() {
    let ws = sample();
    let graph = ws.dir().join("graph.json");
    let report = json(
        &ws,
        &[
            "batch",
            "--call",
            CALL,
            "--format",
            "json",
            "--export-graph",
            graph.to_str().unwrap(),
        ],
    );
    let text = std::fs::read_to_string(&graph).expect("the graph is written");
    let problem: Problem = serde_json::from_str(&text).expect("the graph parses");
    let optimum = solve(&problem).unwrap();
    assert_eq!(
        serde_json::to_value(optimum.objective).unwrap(),
        report["objective"]
    );
    // The reported assignment is feasible in the graph and worth what it says.
    let weight: BTreeMap<(&str, &str), i64> = problem
        .edges
        .iter()
        .map(|e| ((e.need.as_str(), e.candidate.as_str()), e.weight))
        .collect();
    let mut total = 0;
    let mut per_candidate: BTreeMap<&str, u32> = BTreeMap::new();
    for a in report["assignments"].as_array().unwrap() {
        let key = (str_of(a, "need"), str_of(a, "candidate"));
        assert_eq!(
            Some(a["weight"].as_i64().unwrap()),
            weight.get(&key).copied()
        );
        total += weight[&key];
        *per_candidate.entry(key.1).or_default() += 1;
    }
    assert_eq!(report["objective"]["total_weight"], total);
    for c in &problem.candidates {
        assert!(per_candidate.get(c.id.as_str()).copied().unwrap_or(0) <= c.capacity);
    }
    let needs: BTreeSet<&str> = problem.needs.iter().map(|n| n.id.as_str()).collect();
    assert_eq!(
        needs.len(),
        report["coverage"]["needs"].as_u64().unwrap() as usize
    );
}

#[test]
fn out_writes_the_whole_report_and_runs_are_identical() {
    let ws = sample();
    let out = ws.dir().join("reports").join("spring.json");
    std::fs::create_dir_all(out.parent().unwrap()).unwrap();
    let said = run_ok(
        &ws,
        &[
            "batch",
            "--call",
            CALL,
            "--format",
            "json",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert!(said.contains("rapport écrit dans"), "{said}");
    let written = std::fs::read_to_string(&out).expect("the report is written");
    let quiet = ws
        .explor(&["batch", "--call", CALL, "--format", "json"])
        .output()
        .unwrap();
    assert!(quiet.status.success());
    assert!(
        quiet.stderr.is_empty(),
        "no progress bar when stderr is not a terminal: {}",
        String::from_utf8_lossy(&quiet.stderr)
    );
    let printed = String::from_utf8(quiet.stdout).unwrap();
    assert_eq!(written, printed, "same report in the file and on stdout");
    assert_eq!(
        printed,
        run_ok(&ws, &["batch", "--call", CALL, "--format", "json"])
    );
    let left: Vec<_> = std::fs::read_dir(out.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(
        left,
        [std::ffi::OsString::from("spring.json")],
        "no temporary file left"
    );

    // A file that cannot be written is an error, and nothing is left half-written.
    let nowhere = ws.dir().join("missing").join("r.md");
    let failed = ws
        .explor(&["batch", "--call", CALL, "--out", nowhere.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(failed.status.code(), Some(1));
    assert!(!nowhere.exists());
}

#[test]
fn table_markdown_and_csv_name_the_needs_and_candidates() {
    let ws = sample();
    let table = run_ok(&ws, &["batch", "--call", CALL]);
    // The meeting report says the coverage in words, never the solver's objective.
    assert!(
        table
            .contains("18 besoins couverts sur 21, 19 places pourvues sur 23, score total 1669,33"),
        "{table}"
    );
    assert!(
        !table.contains("objective") && !table.contains("166933"),
        "{table}"
    );
    assert!(table.contains("Hélène Bousquet"));
    assert!(table.contains("Besoins non pourvus"));
    assert!(table.contains("Suppléants"));
    assert!(table.contains("compétences en commun : "), "{table}");

    let md = run_ok(&ws, &["batch", "--call", CALL, "--format", "md"]);
    assert!(
        md.starts_with("# Affectation groupée — appel 2027-printemps\n"),
        "{md}"
    );
    assert!(
        md.contains("**Couverture :** 18 besoins couverts sur 21, 19 places pourvues sur 23, score total 1669,33."),
        "{md}"
    );
    assert!(
        !md.contains("objective") && !md.contains("weight 166933"),
        "{md}"
    );
    for heading in ["## Affectations", "## Besoins non pourvus", "## Suppléants"] {
        assert!(md.contains(heading), "{heading} in {md}");
    }
    assert!(md.contains("| need-kin-dechets — "));
    // Every row of a Markdown table has as many cells as its header: pipes and line
    // breaks inside cells are escaped.
    let cells = |line: &str| line.matches('|').count() - line.matches("\\|").count();
    let mut columns = 0;
    for line in md.lines() {
        if line.starts_with("| Besoin |") {
            columns = cells(line);
        } else if line.starts_with('|') {
            assert_eq!(cells(line), columns, "{line}");
        }
    }
    assert!(columns > 0);

    let csv = run_ok(&ws, &["batch", "--call", CALL, "--format", "csv"]);
    let mut lines = csv.lines();
    assert!(
        lines
            .next()
            .unwrap()
            .starts_with("status,need,need_title,candidate,kind,name,score,weight,start,end")
    );
    assert!(
        lines
            .clone()
            .any(|l| l.starts_with("assigned,need-kin-dechets,"))
    );
    assert!(lines.any(|l| l.starts_with("unserved,")));
}

#[test]
fn batch_reports_user_mistakes() {
    let ws = sample();
    let out = ws
        .explor(&["batch", "--call", "2031-hiver"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("2027-automne, 2027-printemps"), "{stderr}");
    for bad in [["--min-score", "101"], ["--top-k", "0"]] {
        let out = ws.explor(&["batch", bad[0], bad[1]]).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{bad:?}");
    }
    let none = TestWorkspace::new();
    let out = none.explor(&["batch"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("explor init"));
}

#[test]
fn batch_pins_and_excludes_pairs_and_commits_the_pinned_one() {
    let ws = sample();
    let plain = spring(&ws);
    // An alternate pinned to its need, the first assignment excluded.
    let (need, alt) = plain["alternates"]
        .as_object()
        .unwrap()
        .iter()
        .find_map(|(n, alts)| {
            alts.as_array()?
                .first()
                .map(|a| (n.clone(), str_of(a, "candidate").to_owned()))
        })
        .expect("an alternate");
    let first = &plain["assignments"][0];
    let pin = format!("{need}={alt}");
    let exclude = format!("{}={}", str_of(first, "need"), str_of(first, "candidate"));
    let args = [
        "batch",
        "--call",
        CALL,
        "--format",
        "json",
        "--pin",
        &pin,
        "--exclude",
        &exclude,
    ];
    let report = json(&ws, &args);
    assert_eq!(report["pins"][0]["need"], need.as_str());
    assert_eq!(report["excludes"][0]["expert"], first["candidate"]);
    let assignments = report["assignments"].as_array().unwrap();
    let pinned: Vec<&Value> = assignments.iter().filter(|a| a["pinned"] == true).collect();
    assert_eq!(pinned.len(), 1);
    assert_eq!(pinned[0]["need"], need.as_str());
    assert_eq!(pinned[0]["candidate"], alt.as_str());
    assert!(
        !assignments
            .iter()
            .any(|a| a["need"] == first["need"] && a["candidate"] == first["candidate"])
    );
    let table = run_ok(&ws, &["batch", "--call", CALL, "--pin", &pin]);
    assert!(table.contains("(épinglée)"), "{table}");

    run_ok(&ws, &["batch", "--call", CALL, "--pin", &pin, "--commit"]);
    let missions = json(&ws, &["mission", "list", "--format", "json"]);
    let text = missions.to_string();
    assert!(text.contains(&need) && text.contains(&alt), "{missions}");
}

#[test]
fn batch_refuses_bad_pins_naming_the_flag_and_the_value() {
    let ws = sample();
    let out = ws
        .explor(&["batch", "--call", CALL, "--pin", "no-equals-sign"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("--pin") && stderr.contains("no-equals-sign"),
        "{stderr}"
    );
    let out = ws
        .explor(&["batch", "--call", CALL, "--exclude", "need-x=nobody"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("need-x"), "{stderr}");
}
