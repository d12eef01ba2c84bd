//! Batch assignment tests. Properties checked:
//!
//! 1. On small random problems (capacities, company quotas, places, ties), [`solve`]
//!    reaches the optimum that an independent enumeration of every assignment finds —
//!    most needs covered, then most weight — and the assignment it returns is feasible
//!    and worth what it reports.
//! 2. Coverage comes first: on a crafted case where the largest total score leaves a
//!    need unserved, every need is covered.
//! 3. A company's quota is shared by its offers and its employees, and never exceeded.
//! 4. Splitting into components gives the same assignment as one solve of everything
//!    (problems with a unique optimum), and the same optimum on any problem.
//! 5. Determinism: the same input gives byte-identical JSON; the order of the problem's
//!    lists does not change the solution.
//! 6. On square one-to-one problems the total weight is `pathfinding`'s Kuhn–Munkres
//!    optimum.
//! 7. Unserved needs say why (no eligible candidate with the nearest ones, below the
//!    minimum score, candidates taken — by whom, or through which company's quota), and
//!    alternates come free ones first.
//! 8. Bad problems are refused with a typed error; the exported JSON reads back.

use chrono::NaiveDate;
use proptest::prelude::*;

use super::problem::{compile_for_tests, solve_compiled};
use super::*;
use crate::scoring::{Criterion, CriterionScore, Gate, GateFailure};

fn date(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2027, 3, d).unwrap()
}

fn scored(id: &str, kind: CandidateKind, score: f64) -> Scored {
    Scored {
        id: id.into(),
        kind,
        score,
        start: date(1),
        end: date(10),
        criteria: vec![
            CriterionScore {
                criterion: Criterion::Theme,
                value: 1.0,
                weight: 25.0,
                contribution: score * 0.6,
                detail: format!("theme of {id}"),
            },
            CriterionScore {
                criterion: Criterion::Skills,
                value: 0.5,
                weight: 25.0,
                contribution: score * 0.4,
                detail: format!("skills of {id}"),
            },
        ],
        flags: vec![],
    }
}

fn expert(id: &str, score: f64) -> Scored {
    scored(id, CandidateKind::Expert, score)
}

fn offer(id: &str, score: f64) -> Scored {
    scored(id, CandidateKind::Offer, score)
}

fn need(id: &str, wanted: u32, candidates: Vec<Scored>) -> NeedCandidates {
    NeedCandidates::new(id, wanted, candidates, vec![])
}

fn input(needs: Vec<NeedCandidates>) -> BatchInput {
    BatchInput {
        needs,
        quotas: Quotas::default(),
        min_score: 0.0,
    }
}

fn pairs(result: &BatchResult) -> Vec<(&str, &str)> {
    result
        .assignments
        .iter()
        .map(|a| (a.need.as_str(), a.candidate.as_str()))
        .collect()
}

/// Needs, candidates and companies as indices, for the reference enumeration.
#[derive(Debug, Clone)]
struct Small {
    wanted: Vec<u32>,
    capacity: Vec<u32>,
    company: Vec<Option<usize>>,
    quota: Vec<u32>,
    edges: Vec<(usize, usize, i64)>,
}

impl Small {
    fn problem(&self) -> Problem {
        Problem {
            needs: (0..self.wanted.len())
                .map(|i| NeedNode {
                    id: format!("n{i}"),
                    wanted: self.wanted[i],
                })
                .collect(),
            candidates: (0..self.capacity.len())
                .map(|i| CandidateNode {
                    id: format!("c{i}"),
                    kind: if i % 2 == 0 {
                        CandidateKind::Expert
                    } else {
                        CandidateKind::Offer
                    },
                    capacity: self.capacity[i],
                    company: self.company[i].map(|k| format!("k{k}")),
                })
                .collect(),
            companies: (0..self.quota.len())
                .map(|i| CompanyNode {
                    id: format!("k{i}"),
                    quota: self.quota[i],
                })
                .collect(),
            edges: self
                .edges
                .iter()
                .map(|&(n, c, w)| Edge {
                    need: format!("n{n}"),
                    candidate: format!("c{c}"),
                    weight: w,
                })
                .collect(),
        }
    }

    /// The best (covered, weight) over every feasible subset of edges, by depth-first
    /// enumeration: each edge in or out, pruning subsets that break a limit.
    fn brute_force(&self) -> (usize, i64) {
        struct State {
            need: Vec<u32>,
            cand: Vec<u32>,
            company: Vec<u32>,
        }
        fn go(p: &Small, i: usize, s: &mut State, weight: i64, best: &mut (usize, i64)) {
            if i == p.edges.len() {
                let covered = s.need.iter().filter(|&&x| x > 0).count();
                *best = (*best).max((covered, weight));
                return;
            }
            go(p, i + 1, s, weight, best);
            let (n, c, w) = p.edges[i];
            let fits = s.need[n] < p.wanted[n]
                && s.cand[c] < p.capacity[c]
                && p.company[c].is_none_or(|k| s.company[k] < p.quota[k]);
            if fits {
                s.need[n] += 1;
                s.cand[c] += 1;
                if let Some(k) = p.company[c] {
                    s.company[k] += 1;
                }
                go(p, i + 1, s, weight + w, best);
                s.need[n] -= 1;
                s.cand[c] -= 1;
                if let Some(k) = p.company[c] {
                    s.company[k] -= 1;
                }
            }
        }
        let mut best = (0, 0);
        let mut state = State {
            need: vec![0; self.wanted.len()],
            cand: vec![0; self.capacity.len()],
            company: vec![0; self.quota.len()],
        };
        go(self, 0, &mut state, 0, &mut best);
        best
    }
}

/// Checks that a solution respects every limit of its problem and is worth what it says.
fn check_feasible(p: &Problem, s: &Solution) {
    use std::collections::{BTreeMap, BTreeSet};
    let weights: BTreeMap<(&str, &str), i64> = p
        .edges
        .iter()
        .map(|e| ((e.need.as_str(), e.candidate.as_str()), e.weight))
        .collect();
    let mut per_need: BTreeMap<&str, u32> = BTreeMap::new();
    let mut per_cand: BTreeMap<&str, u32> = BTreeMap::new();
    let mut per_company: BTreeMap<&str, u32> = BTreeMap::new();
    let mut seen = BTreeSet::new();
    let mut total = 0;
    for pair in &s.pairs {
        assert!(seen.insert((&pair.need, &pair.candidate)), "pair twice");
        let w = weights[&(pair.need.as_str(), pair.candidate.as_str())];
        assert_eq!(w, pair.weight);
        total += w;
        *per_need.entry(&pair.need).or_default() += 1;
        *per_cand.entry(&pair.candidate).or_default() += 1;
        let cand = p
            .candidates
            .iter()
            .find(|c| c.id == pair.candidate)
            .unwrap();
        if let Some(co) = &cand.company {
            *per_company.entry(co).or_default() += 1;
        }
    }
    for n in &p.needs {
        assert!(per_need.get(n.id.as_str()).copied().unwrap_or(0) <= n.wanted);
    }
    for c in &p.candidates {
        assert!(per_cand.get(c.id.as_str()).copied().unwrap_or(0) <= c.capacity);
    }
    for k in &p.companies {
        assert!(per_company.get(k.id.as_str()).copied().unwrap_or(0) <= k.quota);
    }
    assert_eq!(s.objective.covered, per_need.len());
    assert_eq!(s.objective.total_weight, total);
}

fn small(max_weight: i64) -> impl Strategy<Value = Small> {
    (1usize..=4, 1usize..=4, 0usize..=2).prop_flat_map(move |(n, m, k)| {
        (
            prop::collection::vec(0u32..=3, n),
            prop::collection::vec(0u32..=2, m),
            prop::collection::vec(prop::option::weighted(0.5, 0..k.max(1)), m),
            prop::collection::vec(0u32..=3, k),
            prop::collection::vec(prop::option::weighted(0.6, 0..=max_weight), n * m),
        )
            .prop_map(move |(wanted, capacity, company, quota, cells)| Small {
                company: if k == 0 {
                    vec![None; capacity.len()]
                } else {
                    company
                },
                wanted,
                capacity,
                quota,
                edges: cells
                    .iter()
                    .enumerate()
                    .filter_map(|(i, w)| w.map(|w| (i / m, i % m, w)))
                    .collect(),
            })
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// Property 1.
    #[test]
    fn solve_matches_brute_force(p in small(12)) {
        let problem = p.problem();
        let solution = solve(&problem).unwrap();
        check_feasible(&problem, &solution);
        let (covered, weight) = p.brute_force();
        prop_assert_eq!(solution.objective, Objective { covered, total_weight: weight });
    }

    /// Property 4: with weights 1, 2, 4, 8… every subset has its own total, so the
    /// optimum is unique and both ways must find the very same pairs.
    #[test]
    fn components_agree_with_one_solve(p in small(1)) {
        let mut unique = p.clone();
        for (i, e) in unique.edges.iter_mut().enumerate() {
            e.2 = 1 << i;
        }
        for q in [&p, &unique] {
            let compiled = compile_for_tests(&q.problem()).unwrap();
            let split = solve_compiled(&compiled, true).unwrap();
            let whole = solve_compiled(&compiled, false).unwrap();
            prop_assert_eq!(split.objective, whole.objective);
            if std::ptr::eq(q, &unique) {
                prop_assert_eq!(&split.chosen, &whole.chosen);
            }
            prop_assert_eq!(whole.components, usize::from(!q.wanted.is_empty()));
        }
    }

    /// Property 5: reversing every list of the problem changes nothing.
    #[test]
    fn list_order_does_not_matter(p in small(3)) {
        let problem = p.problem();
        let mut reversed = problem.clone();
        reversed.needs.reverse();
        reversed.candidates.reverse();
        reversed.companies.reverse();
        reversed.edges.reverse();
        prop_assert_eq!(solve(&problem).unwrap(), solve(&reversed).unwrap());
    }

    /// Property 6.
    #[test]
    fn square_problems_match_kuhn_munkres(
        n in 1usize..=6,
        weights in prop::collection::vec(0i64..=10_000, 36),
    ) {
        use pathfinding::kuhn_munkres::kuhn_munkres;
        use pathfinding::matrix::Matrix;
        let p = Small {
            wanted: vec![1; n],
            capacity: vec![1; n],
            company: vec![None; n],
            quota: vec![],
            edges: (0..n * n).map(|i| (i / n, i % n, weights[i])).collect(),
        };
        let solution = solve(&p.problem()).unwrap();
        let matrix = Matrix::from_vec(n, n, weights[..n * n].to_vec()).unwrap();
        let (best, _) = kuhn_munkres(&matrix);
        prop_assert_eq!(solution.objective, Objective { covered: n, total_weight: best });
    }
}

/// Property 2.
#[test]
fn coverage_comes_before_total_score() {
    // Best total score alone: need-a ← alice (90), need-b unserved: 90 > 50 + 30.
    let run = input(vec![
        need(
            "need-a",
            1,
            vec![expert("alice", 90.0), expert("bob", 50.0)],
        ),
        need("need-b", 1, vec![expert("alice", 30.0)]),
    ]);
    let weight_only = Small {
        wanted: vec![1, 1],
        capacity: vec![1, 1],
        company: vec![None; 2],
        quota: vec![],
        edges: vec![(0, 0, 9_000), (0, 1, 5_000), (1, 0, 3_000)],
    };
    let best_weight = (0..8u32)
        .filter(|mask| {
            // a feasible subset: each need and each candidate at most once
            let picked: Vec<_> = (0..3)
                .filter(|i| mask & (1 << i) != 0)
                .map(|i| weight_only.edges[i])
                .collect();
            let needs: std::collections::BTreeSet<_> = picked.iter().map(|e| e.0).collect();
            let cands: std::collections::BTreeSet<_> = picked.iter().map(|e| e.1).collect();
            needs.len() == picked.len() && cands.len() == picked.len()
        })
        .map(|mask| {
            (0..3)
                .filter(|i| mask & (1 << i) != 0)
                .map(|i| weight_only.edges[i].2)
                .sum::<i64>()
        })
        .max()
        .unwrap();
    assert_eq!(
        best_weight, 9_000,
        "the crafted case must tempt a score-only solver"
    );

    let batch = assign(&run).unwrap();
    assert_eq!(
        pairs(&batch.result),
        [("need-a", "bob"), ("need-b", "alice")]
    );
    assert_eq!(
        batch.result.objective,
        Objective {
            covered: 2,
            total_weight: 8_000
        }
    );
    assert!(batch.result.unserved.is_empty());
    assert_eq!(batch.result.coverage.total_score, 80.0);
}

/// Property 3.
#[test]
fn a_company_quota_is_shared_by_its_offer_and_its_employees() {
    let mut quotas = Quotas::default();
    quotas.offers.insert(
        "off-co".into(),
        OfferQuota {
            company: "co".into(),
            remaining: 2,
        },
    );
    for e in ["emp-1", "emp-2"] {
        quotas.employees.insert(e.into(), "co".into());
    }
    let staff = || {
        vec![
            offer("off-co", 95.0),
            expert("emp-1", 90.0),
            expert("emp-2", 85.0),
        ]
    };
    let mut needs: Vec<NeedCandidates> = (1..=4)
        .map(|i| need(&format!("need-{i}"), 1, staff()))
        .collect();
    needs[3].candidates.push(expert("indep", 10.0).into());
    let batch = assign(&BatchInput {
        needs,
        quotas,
        min_score: 0.0,
    })
    .unwrap();
    let r = &batch.result;
    let through_co = r
        .assignments
        .iter()
        .filter(|a| a.company.as_deref() == Some("co"))
        .count();
    assert_eq!(through_co, 2, "{:#?}", r.assignments);
    assert_eq!(r.objective.covered, 3);
    assert!(pairs(r).contains(&("need-4", "indep")));
    // The offer takes one place of a need at most, and the quota caps it anyway.
    let co = batch
        .problem
        .companies
        .iter()
        .find(|c| c.id == "co")
        .unwrap();
    assert_eq!(co.quota, 2);
    let off = batch
        .problem
        .candidates
        .iter()
        .find(|c| c.id == "off-co")
        .unwrap();
    assert_eq!((off.capacity, off.company.as_deref()), (2, Some("co")));
    // The unserved need names the quota that took its candidates.
    let [unserved] = r.unserved.as_slice() else {
        panic!("{:#?}", r.unserved)
    };
    let Reason::CandidatesTaken { by } = &unserved.reason else {
        panic!("{unserved:?}")
    };
    assert!(
        by.iter().any(|t| t.quota_of.as_deref() == Some("co")),
        "{by:?}"
    );
}

#[test]
fn quotas_from_the_sample_records() {
    use crate::model::{Expert, Offer};
    let experts: Vec<Expert> = serde_json::from_str(explor_data::sample::EXPERTS).unwrap();
    let offers: Vec<Offer> = serde_json::from_str(explor_data::sample::OFFERS).unwrap();
    let mut bookings = crate::scoring::Bookings::default();
    bookings.offers_used.insert("off-elec-2027".into(), 1);
    let q = Quotas::from_records(&experts, &offers, &bookings);
    assert_eq!(q.offers["off-elec-2027"].remaining, 2);
    assert_eq!(q.company_quota("co-elec-sud"), 2);
    // Named in the offer, or only employed by the company: both count.
    assert_eq!(q.employees["exp-0101"], "co-elec-sud");
    assert_eq!(q.employees["exp-0042"], "co-elec-sud");
    // Employees of an employer without an offer are under no quota.
    let chu = experts
        .iter()
        .find(|e| e.employer.as_ref().is_some_and(|x| x.id == "chu-toulouse"))
        .unwrap();
    assert!(!q.employees.contains_key(&chu.id));
    assert_eq!(q.company_quota("chu-toulouse"), 0);
}

/// Property 5.
#[test]
fn the_same_input_gives_identical_json() {
    let run = || {
        let mut quotas = Quotas::default();
        quotas.offers.insert(
            "off-x".into(),
            OfferQuota {
                company: "co-x".into(),
                remaining: 1,
            },
        );
        // Many ties: every score the same.
        let needs = (0..30)
            .map(|i| {
                need(
                    &format!("need-{i:02}"),
                    1 + i % 3,
                    (0..8)
                        .map(|j| expert(&format!("exp-{:02}", (i * 7 + j) % 25), 50.0))
                        .chain([offer("off-x", 50.0)])
                        .collect(),
                )
            })
            .collect();
        let batch = assign(&BatchInput {
            needs,
            quotas,
            min_score: 0.0,
        })
        .unwrap();
        (
            serde_json::to_string(&batch.result).unwrap(),
            serde_json::to_string(&batch.problem).unwrap(),
        )
    };
    let first = run();
    for _ in 0..5 {
        assert_eq!(run(), first);
    }
}

/// Property 7.
#[test]
fn unserved_needs_say_why() {
    let excluded = |id: &str, gates: &[Gate]| Excluded {
        id: id.into(),
        kind: CandidateKind::Expert,
        reasons: gates
            .iter()
            .map(|g| GateFailure {
                gate: *g,
                detail: format!("{} fails", g.id()),
            })
            .collect(),
    };
    let mut nobody = need("need-nobody", 1, vec![]);
    nobody.nearest = nearest(
        vec![
            (
                excluded("exp-far", &[Gate::Language, Gate::Availability]),
                9.0,
            ),
            (excluded("exp-b", &[Gate::Language]), 1.0),
            (excluded("exp-a", &[Gate::Consent]), 1.0),
            (excluded("exp-c", &[Gate::Home]), 5.0),
        ],
        3,
    );
    let ids: Vec<&str> = nobody.nearest.iter().map(|x| x.id.as_str()).collect();
    assert_eq!(ids, ["exp-c", "exp-a", "exp-b"]);
    let run = BatchInput {
        needs: vec![
            nobody,
            need("need-weak", 1, vec![expert("exp-weak", 20.0)]),
            need("need-star", 1, vec![expert("exp-star", 90.0)]),
            need("need-late", 2, vec![expert("exp-star", 80.0)]),
        ],
        quotas: Quotas::default(),
        min_score: 40.0,
    };
    let r = assign(&run).unwrap().result;
    let reasons: Vec<(&str, &Reason)> = r
        .unserved
        .iter()
        .map(|u| (u.need.as_str(), &u.reason))
        .collect();
    assert_eq!(reasons.len(), 3, "{reasons:#?}");
    assert_eq!(reasons[0].0, "need-late");
    assert_eq!(
        reasons[0].1,
        &Reason::CandidatesTaken {
            by: vec![Taken {
                candidate: "exp-star".into(),
                need: "need-star".into(),
                quota_of: None
            }]
        }
    );
    assert!(matches!(
        reasons[1],
        ("need-nobody", Reason::NoEligibleCandidate { nearest }) if nearest.len() == 3
    ));
    assert_eq!(
        reasons[2],
        (
            "need-weak",
            &Reason::BelowMinScore {
                best: "exp-weak".into(),
                score: 20.0
            }
        )
    );
    // Below the minimum score, a candidate is not even in the problem.
    let json = serde_json::to_value(&r).unwrap();
    assert_eq!(json["unserved"][0]["reason"], "candidates_taken");
    assert_eq!(json["unserved"][0]["by"][0]["need"], "need-star");
    assert_eq!(
        json["unserved"][1]["nearest"][0]["reasons"][0]["gate"],
        "home"
    );
}

#[test]
fn alternates_come_free_ones_first() {
    let r = assign(&input(vec![
        need(
            "need-a",
            1,
            vec![
                expert("exp-1", 90.0),
                expert("exp-2", 80.0),
                expert("exp-3", 70.0),
                expert("exp-4", 60.0),
            ],
        ),
        need("need-b", 1, vec![expert("exp-2", 95.0)]),
    ]))
    .unwrap()
    .result;
    assert_eq!(pairs(&r), [("need-a", "exp-1"), ("need-b", "exp-2")]);
    let alt: Vec<(&str, bool)> = r.alternates["need-a"]
        .iter()
        .map(|a| (a.candidate.as_str(), a.free))
        .collect();
    assert_eq!(alt, [("exp-3", true), ("exp-4", true)]);
    assert!(!r.alternates.contains_key("need-b"));
    // With no free one left, the taken ones are named with their need.
    let r = assign(&input(vec![
        need(
            "need-a",
            1,
            vec![expert("exp-1", 90.0), expert("exp-2", 80.0)],
        ),
        need("need-b", 1, vec![expert("exp-2", 95.0)]),
    ]))
    .unwrap()
    .result;
    let a = &r.alternates["need-a"][0];
    assert_eq!((a.candidate.as_str(), a.free), ("exp-2", false));
    assert_eq!(a.taken_by, ["need-b"]);
}

#[test]
fn assignments_carry_weights_reasons_and_places() {
    let r = assign(&input(vec![need(
        "need-a",
        3,
        vec![
            expert("exp-1", 61.237),
            expert("exp-2", 70.0),
            expert("exp-2", 10.0), // repeated id: the better one is kept
            offer("off-1", 0.0),   // worth nothing: not forced into a spare place
        ],
    )]))
    .unwrap()
    .result;
    assert_eq!(pairs(&r), [("need-a", "exp-2"), ("need-a", "exp-1")]);
    assert_eq!(r.assignments[1].weight, 6_124);
    assert_eq!(
        r.assignments[0].reasons,
        ["theme of exp-2", "skills of exp-2"]
    );
    assert_eq!(
        r.partly_served,
        [PartlyServed {
            need: "need-a".into(),
            wanted: 3,
            filled: 2
        }]
    );
    assert_eq!(r.coverage.places_wanted, 3);
    assert_eq!(r.coverage.places_filled, 2);
}

#[test]
fn a_need_with_only_a_zero_score_candidate_is_still_covered() {
    let r = assign(&input(vec![need("need-a", 1, vec![offer("off-1", 0.0)])]))
        .unwrap()
        .result;
    assert_eq!(r.objective.covered, 1);
}

#[test]
fn weights_are_hundredths_clamped() {
    assert_eq!(weight(93.4), 9_340);
    assert_eq!(weight(0.005), 1);
    assert_eq!(weight(100.0), MAX_WEIGHT);
    assert_eq!(weight(250.0), MAX_WEIGHT);
    assert_eq!(weight(-3.0), 0);
    assert_eq!(weight(f64::NAN), 0);
}

/// Property 8.
#[test]
fn bad_problems_are_refused() {
    let base = Small {
        wanted: vec![1],
        capacity: vec![1],
        company: vec![Some(0)],
        quota: vec![1],
        edges: vec![(0, 0, 5)],
    }
    .problem();
    assert!(solve(&base).is_ok());
    let with = |f: &dyn Fn(&mut Problem)| {
        let mut p = base.clone();
        f(&mut p);
        solve(&p).unwrap_err()
    };
    assert_eq!(
        with(&|p| p.needs.push(p.needs[0].clone())),
        BatchError::DuplicateId {
            what: "needs",
            id: "n0".into()
        }
    );
    assert_eq!(
        with(&|p| p.edges[0].need = "nx".into()),
        BatchError::UnknownNeed("nx".into())
    );
    assert_eq!(
        with(&|p| p.edges[0].candidate = "cx".into()),
        BatchError::UnknownCandidate("cx".into())
    );
    assert_eq!(
        with(&|p| p.candidates[0].company = Some("kx".into())),
        BatchError::UnknownCompany {
            candidate: "c0".into(),
            company: "kx".into()
        }
    );
    assert_eq!(
        with(&|p| p.edges.push(p.edges[0].clone())),
        BatchError::DuplicateEdge {
            need: "n0".into(),
            candidate: "c0".into()
        }
    );
    assert!(matches!(
        with(&|p| p.edges[0].weight = -1),
        BatchError::NegativeWeight { weight: -1, .. }
    ));
    assert_eq!(
        with(&|p| p.edges[0].weight = i64::MAX / 4),
        BatchError::TooLarge
    );
}

#[test]
fn the_exported_problem_reads_back() {
    let mut quotas = Quotas::default();
    quotas.offers.insert(
        "off-1".into(),
        OfferQuota {
            company: "co-1".into(),
            remaining: 2,
        },
    );
    let batch = assign(&BatchInput {
        needs: vec![need(
            "need-a",
            2,
            vec![expert("exp-1", 50.0), offer("off-1", 40.0)],
        )],
        quotas,
        min_score: 0.0,
    })
    .unwrap();
    let json = serde_json::to_value(&batch.problem).unwrap();
    assert_eq!(
        json,
        serde_json::json!({
            "needs": [{"id": "need-a", "wanted": 2}],
            "candidates": [
                {"id": "exp-1", "kind": "expert", "capacity": 1, "company": null},
                {"id": "off-1", "kind": "offer", "capacity": 2, "company": "co-1"}
            ],
            "companies": [{"id": "co-1", "quota": 2}],
            "edges": [
                {"need": "need-a", "candidate": "exp-1", "weight": 5000},
                {"need": "need-a", "candidate": "off-1", "weight": 4000}
            ]
        })
    );
    let back: Problem = serde_json::from_value(json).unwrap();
    assert_eq!(back, batch.problem);
    assert_eq!(solve(&back).unwrap().objective, batch.result.objective);
    let bad = serde_json::json!({"needs": [], "candidates": [
        {"id": "x", "kind": "robot", "capacity": 1}], "companies": [], "edges": []});
    assert!(serde_json::from_value::<Problem>(bad).is_err());
}

// 9. Pins and exclusions.

fn pin(n: &str, e: &str) -> Constraints {
    Constraints {
        pins: vec![Pair::new(n, e)],
        excludes: vec![],
    }
}

fn exclude(n: &str, e: &str) -> Constraints {
    Constraints {
        pins: vec![],
        excludes: vec![Pair::new(n, e)],
    }
}

/// Alice is best for a, Bob for b; the optimum is a-alice, b-bob, c-carol.
fn three_needs() -> BatchInput {
    input(vec![
        need("a", 1, vec![expert("alice", 90.0), expert("bob", 40.0)]),
        need("b", 1, vec![expert("alice", 50.0), expert("bob", 80.0)]),
        need("c", 1, vec![expert("carol", 70.0), expert("dave", 60.0)]),
    ])
}

#[test]
fn no_constraints_gives_the_same_batch_as_assign() {
    let input = three_needs();
    let plain = assign(&input).unwrap();
    let with = assign_with(&input, &Constraints::default()).unwrap();
    assert_eq!(plain, with);
    assert!(plain.result.assignments.iter().all(|a| !a.pinned));
}

#[test]
fn a_pin_forces_a_pair_the_optimum_would_not_choose_and_the_rest_stays_optimal() {
    let input = three_needs();
    let plain = assign(&input).unwrap();
    assert_eq!(
        pairs(&plain.result),
        [("a", "alice"), ("b", "bob"), ("c", "carol")]
    );
    let batch = assign_with(&input, &pin("b", "alice")).unwrap();
    // Alice pinned to b: a falls back to Bob, c keeps its own optimum.
    assert_eq!(
        pairs(&batch.result),
        [("a", "bob"), ("b", "alice"), ("c", "carol")]
    );
    let pinned: Vec<_> = batch
        .result
        .assignments
        .iter()
        .map(|a| (a.candidate.as_str(), a.pinned))
        .collect();
    assert_eq!(pinned, [("bob", false), ("alice", true), ("carol", false)]);
    assert_eq!(batch.result.objective.covered, 3);
    assert_eq!(batch.result.objective.total_weight, 4_000 + 5_000 + 7_000);
}

#[test]
fn a_pinned_need_does_not_outrank_covering_another() {
    // n1 wants two, Alice is pinned to it; Bob could fill its second place (90) or
    // serve n2 (10): covering n2 comes first.
    let input = input(vec![
        need("n1", 2, vec![expert("alice", 50.0), expert("bob", 90.0)]),
        need("n2", 1, vec![expert("bob", 10.0)]),
    ]);
    let batch = assign_with(&input, &pin("n1", "alice")).unwrap();
    assert_eq!(pairs(&batch.result), [("n1", "alice"), ("n2", "bob")]);
    assert_eq!(batch.result.objective.covered, 2);
}

#[test]
fn a_pin_skips_the_minimum_score_and_a_duplicate_counts_once() {
    let mut input = input(vec![need("a", 1, vec![expert("alice", 20.0)])]);
    input.min_score = 50.0;
    let plain = assign(&input).unwrap();
    assert!(plain.result.assignments.is_empty());
    let twice = Constraints {
        pins: vec![Pair::new("a", "alice"), Pair::new("a", "alice")],
        excludes: vec![],
    };
    let batch = assign_with(&input, &twice).unwrap();
    assert_eq!(pairs(&batch.result), [("a", "alice")]);
    assert!(batch.result.assignments[0].pinned);
    assert_eq!(batch.result.coverage.places_filled, 1);
}

#[test]
fn an_excluded_pair_is_never_assigned() {
    let input = three_needs();
    let batch = assign_with(&input, &exclude("a", "alice")).unwrap();
    assert_eq!(
        pairs(&batch.result),
        [("a", "bob"), ("b", "alice"), ("c", "carol")]
    );
    assert!(
        !batch
            .problem
            .edges
            .iter()
            .any(|e| e.need == "a" && e.candidate == "alice")
    );
    // Nor offered as an alternate.
    assert!(
        batch
            .result
            .alternates
            .get("a")
            .into_iter()
            .flatten()
            .all(|x| x.candidate != "alice")
    );
}

#[test]
fn a_need_whose_every_candidate_is_excluded_is_unserved_all_excluded() {
    let input = input(vec![need("a", 1, vec![expert("alice", 90.0)])]);
    let batch = assign_with(&input, &exclude("a", "alice")).unwrap();
    assert_eq!(batch.result.unserved.len(), 1);
    assert_eq!(batch.result.unserved[0].reason, Reason::AllExcluded);
    let json = serde_json::to_value(&batch.result.unserved[0]).unwrap();
    assert_eq!(json["reason"], "all_excluded");
}

#[test]
fn pins_and_exclusions_are_refused_with_a_typed_error() {
    let input = three_needs();
    let err = |c: Constraints| assign_with(&input, &c).unwrap_err();
    assert_eq!(
        err(pin("zz", "alice")),
        ConstraintError::NeedNotInRun { need: "zz".into() }
    );
    assert_eq!(
        err(exclude("zz", "alice")),
        ConstraintError::NeedNotInRun { need: "zz".into() }
    );
    assert_eq!(
        err(pin("a", "nobody")),
        ConstraintError::NotACandidate {
            need: "a".into(),
            expert: "nobody".into()
        }
    );
    assert_eq!(
        err(Constraints {
            pins: vec![Pair::new("a", "alice")],
            excludes: vec![Pair::new("a", "alice")],
        }),
        ConstraintError::PinnedAndExcluded {
            need: "a".into(),
            expert: "alice".into()
        }
    );
    assert_eq!(
        err(Constraints {
            pins: vec![Pair::new("a", "alice"), Pair::new("a", "bob")],
            excludes: vec![],
        }),
        ConstraintError::TooManyForNeed {
            need: "a".into(),
            pins: 2,
            wanted: 1
        }
    );
    assert_eq!(
        err(Constraints {
            pins: vec![Pair::new("a", "alice"), Pair::new("b", "alice")],
            excludes: vec![],
        }),
        ConstraintError::TooManyForExpert {
            expert: "alice".into(),
            pins: 2,
            capacity: 1
        }
    );
}

#[test]
fn pins_beyond_a_company_quota_are_refused() {
    let mut input = input(vec![
        need("a", 1, vec![offer("o1", 50.0)]),
        need("b", 1, vec![offer("o2", 50.0)]),
    ]);
    for o in ["o1", "o2"] {
        input.quotas.offers.insert(
            o.into(),
            OfferQuota {
                company: "co".into(),
                remaining: 1,
            },
        );
    }
    input.quotas.offers.get_mut("o2").unwrap().remaining = 0;
    let c = Constraints {
        pins: vec![Pair::new("a", "o1"), Pair::new("b", "o2")],
        excludes: vec![],
    };
    assert!(matches!(
        assign_with(&input, &c).unwrap_err(),
        ConstraintError::TooManyForExpert { .. } | ConstraintError::TooManyForCompany { .. }
    ));
}

#[test]
fn a_pin_of_a_candidate_failing_a_gate_names_the_gate() {
    let excluded = Excluded {
        id: "eve".into(),
        kind: CandidateKind::Expert,
        reasons: vec![GateFailure {
            gate: Gate::Consent,
            detail: "no consent".into(),
        }],
    };
    let input = input(vec![NeedCandidates::new(
        "a",
        1,
        vec![expert("alice", 50.0)],
        vec![excluded],
    )]);
    let e = assign_with(&input, &pin("a", "eve")).unwrap_err();
    assert_eq!(
        e,
        ConstraintError::FailsGate {
            need: "a".into(),
            expert: "eve".into(),
            gate: Gate::Consent.id().to_owned()
        }
    );
    assert!(e.to_string().contains(Gate::Consent.id()));
}
