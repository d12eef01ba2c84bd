//! Properties checked here:
//! 1. retrieval never drops a candidate the brute-force pre-filter accepts (random datasets);
//! 2. French search: plural/singular, accents optional, theme synonyms, parent themes;
//! 3. the index follows the store: import, re-import, removal, stale generation;
//! 4. the indexed matching pipeline (pre-filter, early stop) ranks exactly like a reference
//!    that scores every record with the same text relevance (random datasets, indexes of
//!    several segments with deleted documents);
//! 5. the bounded search returns the `k` best bounds of all candidates, each bound
//!    computed from its record (random broad datasets, several segments);
//! 6. the sample's rankings (snapshots), with the worked examples on top.

use chrono::NaiveDate;
use explor_engine::model::{Company, Home};
use explor_engine::{
    BruteForce, CandidateSource, Cefr, Consent, ConsentScheme, ConsentStatus, CountryCode,
    DateWindow, Employer, EmployerKind, Expert, ExpertStatus, LanguageLevel, LocalPartner, Need,
    NeedKind, Offer, Record, RecordKind, Reference, ThemeKey,
};
use proptest::prelude::*;

use super::SearchIndex;
use super::best::Bounded;
use super::search::SearchQuery;
use crate::{Workspace, load};

fn date(offset: i64) -> NaiveDate {
    NaiveDate::from_ymd_opt(2027, 1, 1).unwrap() + chrono::Duration::days(offset)
}

fn window(start: i64, len: i64) -> DateWindow {
    DateWindow::new(date(start), date(start + len)).unwrap()
}

const LANGS: [&str; 3] = ["fr", "en", "wo"];
const COUNTRIES: [&str; 4] = ["FR", "SN", "CD", "MA"];

fn lang() -> impl Strategy<Value = LanguageLevel> {
    (0..LANGS.len(), 0..6usize).prop_map(|(l, c)| LanguageLevel {
        code: LANGS[l].parse().unwrap(),
        level: Cefr::ALL[c],
    })
}

fn windows() -> impl Strategy<Value = Vec<DateWindow>> {
    prop::collection::vec((0i64..300, 0i64..60).prop_map(|(s, l)| window(s, l)), 1..3)
}

fn expert(i: usize) -> impl Strategy<Value = Expert> {
    (
        prop::collection::vec(lang(), 1..3),
        // Consent status, and the first and last days it is valid (each may be open).
        (
            0..4usize,
            prop::option::of(0i64..300),
            prop::option::of(0i64..120),
        ),
        0..COUNTRIES.len(),
        windows(),
        5u32..16,
    )
        .prop_map(
            move |(languages, (consent, from, len), home, availability, max_days)| Expert {
                id: format!("exp-{i:03}"),
                name: format!("Expert {i}"),
                email: None,
                phone: None,
                home: Home {
                    country: COUNTRIES[home].parse().unwrap(),
                    department: None,
                    city: None,
                },
                status: ExpertStatus::Employee,
                employer: Some(Employer {
                    id: "co".into(),
                    name: "Co".into(),
                    kind: EmployerKind::Company,
                }),
                consent: Consent {
                    scheme: ConsentScheme::MecenatCompetences,
                    status: [
                        ConsentStatus::Granted,
                        ConsentStatus::Pending,
                        ConsentStatus::Refused,
                        ConsentStatus::NotRequired,
                    ][consent],
                    valid_from: from.map(date),
                    valid_to: len.map(|l| date(from.unwrap_or(0) + l)),
                },
                themes: vec![ThemeKey("energie".into())],
                skills: vec!["photovoltaïque".into()],
                bio: "Ingénieur en électrification rurale".into(),
                languages,
                countries: vec![],
                availability,
                max_mission_days: max_days,
                daily_cost_eur: None,
                missions_done: 0,
            },
        )
}

fn offer(i: usize) -> impl Strategy<Value = Offer> {
    (
        prop::collection::vec(lang(), 0..2),
        prop::collection::vec(1..COUNTRIES.len(), 0..2),
        (0i64..300, 7i64..120),
        5u32..16,
    )
        .prop_map(move |(languages, countries, (s, l), max_days)| Offer {
            id: format!("off-{i:03}"),
            company: Company {
                id: format!("co-{i}"),
                name: "Co".into(),
                turnover_eur: None,
            },
            title: "Électrification".into(),
            description: String::new(),
            themes: vec![ThemeKey("energie".into())],
            skills: vec!["mini-réseaux".into()],
            languages,
            countries: countries
                .into_iter()
                .map(|c| COUNTRIES[c].parse::<CountryCode>().unwrap())
                .collect(),
            experts: vec![],
            headcount: 1,
            window: window(s, l),
            max_mission_days: max_days,
            covers_remaining_costs: false,
        })
}

fn need(i: usize) -> impl Strategy<Value = Need> {
    (
        prop::collection::vec(lang(), 0..3),
        any::<bool>(),
        prop::option::of(1..COUNTRIES.len()),
        1..COUNTRIES.len(),
        (0i64..300, 15i64..90),
        7u32..16,
    )
        .prop_map(
            move |(languages, reciprocity, origin, country, (s, l), days)| Need {
                id: format!("need-{i:03}"),
                association: "asso".into(),
                call: None,
                kind: if reciprocity {
                    NeedKind::Reciprocity
                } else {
                    NeedKind::Standard
                },
                title: "Électrification solaire".into(),
                description: "Mini-réseau photovoltaïque".into(),
                theme: ThemeKey("energie".into()),
                skills: vec![],
                country: if reciprocity {
                    CountryCode::france()
                } else {
                    COUNTRIES[country].parse().unwrap()
                },
                city: None,
                languages,
                preferred_languages: vec![],
                window: window(s, l),
                duration_days: days,
                experts_wanted: 1,
                objectives: vec![],
                deliverables: vec![],
                local_partner: LocalPartner::default(),
                expert_origin: if reciprocity {
                    origin.map(|o| COUNTRIES[o].parse().unwrap())
                } else {
                    None
                },
            },
        )
}

fn dataset() -> impl Strategy<Value = (Vec<Expert>, Vec<Offer>, Vec<Need>)> {
    (1usize..40, 0usize..6, 1usize..6).prop_flat_map(|(ne, no, nn)| {
        (
            (0..ne).map(expert).collect::<Vec<_>>(),
            (0..no).map(offer).collect::<Vec<_>>(),
            (0..nn).map(need).collect::<Vec<_>>(),
        )
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn retrieval_contains_every_candidate_the_prefilter_accepts((experts, offers, needs) in dataset()) {
        let dir = tempfile::tempdir().unwrap();
        let index = SearchIndex::open_or_create(dir.path()).unwrap();
        let records: Vec<Record> = experts.iter().cloned().map(|e| Record::Expert(Box::new(e)))
            .chain(offers.iter().cloned().map(|o| Record::Offer(Box::new(o))))
            .collect();
        index.rebuild(&records, 1).unwrap();
        let brute = BruteForce { experts: &experts, offers: &offers };
        for need in &needs {
            let found: std::collections::BTreeSet<String> =
                index.candidates(need).unwrap().into_iter().map(|c| c.id).collect();
            for c in brute.candidates(need).unwrap() {
                prop_assert!(found.contains(&c.id), "{} dropped for {:?}", c.id, need);
            }
        }
    }
}

/// An index of `experts` and `offers` written in two commits: two segments at least,
/// and re-writing some records of the first leaves deleted documents behind (bounds are
/// carried from one segment to the next).
fn two_commits(
    experts: &[Expert],
    offers: &[Offer],
) -> (tempfile::TempDir, SearchIndex, Vec<Record>) {
    let dir = tempfile::tempdir().unwrap();
    let index = SearchIndex::open_or_create(dir.path()).unwrap();
    let records: Vec<Record> = experts
        .iter()
        .cloned()
        .map(|e| Record::Expert(Box::new(e)))
        .chain(offers.iter().cloned().map(|o| Record::Offer(Box::new(o))))
        .collect();
    let (first, second) = records.split_at(records.len() / 2);
    index.rebuild(first, 1).unwrap();
    index
        .apply(second.iter().chain(first.iter().step_by(3)), &[], 2)
        .unwrap();
    (dir, index, records)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn indexed_ranking_equals_scoring_every_record((experts, offers, needs) in dataset(), top in 1usize..8) {
        use explor_engine::scoring::{Bookings, History, Scorer, ScoringConfig, Subject};
        let (_dir, index, records) = two_commits(&experts, &offers);
        let mut config = ScoringConfig::embedded();
        config.include_pending = true;
        let (bookings, history) = (Bookings::default(), History::default());
        let scorer = Scorer { reference: Reference::embedded(), config: &config, bookings: &bookings, history: &history };
        fn subject(r: &Record) -> Subject<'_> {
            match r {
                Record::Expert(e) => Subject::Expert(e),
                Record::Offer(o) => Subject::Offer(o),
                _ => unreachable!(),
            }
        }
        for need in &needs {
            let relevance = index.relevance_all(need).unwrap();
            let all: Vec<_> = records.iter().map(|r| (subject(r), relevance.get(r.id()).copied().unwrap_or(0.0))).collect();
            let reference = scorer.rank(need, &all, Some(top), false);
            let by_id: std::collections::HashMap<&str, &Record> = records.iter().map(|r| (r.id(), r)).collect();
            let retrieved: Vec<_> = index.candidates(need).unwrap().into_iter()
                .map(|c| (subject(by_id[c.id.as_str()]), c.relevance)).collect();
            let indexed = scorer.rank_retrieved(need, &retrieved, top);
            prop_assert_eq!(&reference.candidates, &indexed.candidates);
            // The bounded search (widening from the best bounds) agrees too.
            let bounded = crate::match_top(&index, &scorer, need, top, |ids| {
                Ok(ids.iter().map(|id| by_id[id].clone()).collect())
            }).unwrap();
            prop_assert_eq!(&reference.candidates, &bounded.candidates);
            // Starting narrow forces the widening and, past `widest`, the judge-all path.
            // Reading only the first `top` records at first (or one chunk more), then the
            // rest where the ranking is not settled within them, changes nothing.
            for (first_k, widest, chunks_first) in [(1, 64, 0), (1, 2, 1), (2, 1, 0), (64, 1024, 0), (64, 1024, 1)] {
                let widths = crate::matching::Widths { first_k, widest, chunks_first };
                let narrow = crate::matching::match_top_with(&index, &scorer, need, top, widths, |ids| {
                    Ok(ids.iter().map(|id| by_id[id].clone()).collect())
                }).unwrap();
                prop_assert_eq!(&reference.candidates, &narrow.candidates);
            }
        }
    }
}

const THEMES: [&str; 6] = [
    "energie",
    "dechets",
    "environnement",
    "irrigation",
    "agriculture",
    "sante",
];
const WORDS: [&str; 8] = [
    "photovoltaïque",
    "mini-réseaux",
    "compostage",
    "irrigation goutte-à-goutte",
    "comptabilité publique",
    "formation de formateurs",
    "maintenance",
    "diagnostic",
];

fn some<T: Copy>(from: &'static [T], picks: Vec<usize>) -> Vec<T> {
    let mut out: Vec<T> = Vec::new();
    for p in picks {
        out.push(from[p % from.len()]);
    }
    out
}

/// Experts who all pass a broad need's pre-filter, and differ in everything a bound reads.
fn varied_expert(i: usize) -> impl Strategy<Value = Expert> {
    (
        prop::collection::vec(0..THEMES.len(), 1..3),
        prop::collection::vec(1..COUNTRIES.len(), 0..3),
        prop::collection::vec(0..WORDS.len(), 0..4),
        (0i64..40, 120i64..300),
        // Sometimes more missions than a byte's code tells apart.
        prop_oneof![4 => 0u32..5, 1 => 250u32..400],
        prop::collection::vec(lang(), 0..3),
    )
        .prop_map(move |(themes, countries, words, (s, l), missions, more)| {
            let mut languages = vec![LanguageLevel {
                code: "fr".parse().unwrap(),
                level: Cefr::C2,
            }];
            languages.extend(more.into_iter().filter(|l| l.code.as_str() != "fr"));
            languages.dedup_by(|a, b| a.code == b.code);
            let skills: Vec<String> = some(&WORDS, words).into_iter().map(String::from).collect();
            Expert {
                id: format!("exp-{i:03}"),
                name: format!("Expert {i}"),
                email: None,
                phone: None,
                home: Home {
                    country: CountryCode::france(),
                    department: None,
                    city: None,
                },
                status: ExpertStatus::Retired,
                employer: None,
                consent: Consent {
                    scheme: ConsentScheme::MecenatCompetences,
                    status: ConsentStatus::NotRequired,
                    valid_from: None,
                    valid_to: None,
                },
                themes: some(&THEMES, themes)
                    .into_iter()
                    .map(|t| ThemeKey(t.into()))
                    .collect(),
                bio: format!("Expérience : {}", skills.join(", ")),
                skills,
                languages,
                countries: countries
                    .into_iter()
                    .map(|c| COUNTRIES[c].parse().unwrap())
                    .collect(),
                availability: vec![window(s, l)],
                max_mission_days: 15,
                daily_cost_eur: None,
                missions_done: missions,
            }
        })
}

/// A broad need: most of the [`varied_expert`]s pass its pre-filter.
fn broad_need(i: usize) -> impl Strategy<Value = Need> {
    (
        0..THEMES.len(),
        1..COUNTRIES.len(),
        prop::collection::vec(0..WORDS.len(), 1..4),
    )
        .prop_map(move |(theme, country, words)| {
            let skills: Vec<String> = some(&WORDS, words).into_iter().map(String::from).collect();
            Need {
                id: format!("need-{i:03}"),
                association: "asso".into(),
                call: None,
                kind: NeedKind::Standard,
                title: format!("Appui {}", skills.join(" et ")),
                description: "Mission d'appui technique".into(),
                theme: ThemeKey(THEMES[theme].into()),
                skills,
                country: COUNTRIES[country].parse().unwrap(),
                city: None,
                languages: vec![LanguageLevel {
                    code: "fr".parse().unwrap(),
                    level: Cefr::B1,
                }],
                preferred_languages: vec![LanguageLevel {
                    code: "wo".parse().unwrap(),
                    level: Cefr::A2,
                }],
                window: window(60, 60),
                duration_days: 10,
                experts_wanted: 1,
                objectives: vec![],
                deliverables: vec![],
                local_partner: LocalPartner::default(),
                expert_origin: None,
            }
        })
}

fn broad_dataset() -> impl Strategy<Value = (Vec<Expert>, Vec<Offer>, Vec<Need>)> {
    (60usize..160, 0usize..6, 1usize..4).prop_flat_map(|(ne, no, nn)| {
        (
            (0..ne).map(varied_expert).collect::<Vec<_>>(),
            (0..no).map(offer).collect::<Vec<_>>(),
            (0..nn).map(broad_need).collect::<Vec<_>>(),
        )
    })
}

/// A need's bound for a record, computed from the record as the index computes it from
/// the document's values; `None` when no window of the record holds the mission (the
/// availability gate excludes it).
fn record_bound(
    b: &explor_engine::scoring::ScoreBound,
    record: &Record,
    relevance: f32,
) -> Option<f64> {
    use explor_engine::scoring::{KnownValues, stems};
    let (themes, countries, missions, languages, windows, skills) = match record {
        Record::Expert(e) => (
            &e.themes,
            &e.countries,
            Some(e.missions_done),
            &e.languages,
            e.availability.clone(),
            &e.skills,
        ),
        Record::Offer(o) => (
            &o.themes,
            &o.countries,
            None,
            &o.languages,
            vec![o.window],
            &o.skills,
        ),
        _ => unreachable!(),
    };
    let considered = b.languages_considered();
    let spoken: Vec<_> = languages
        .iter()
        .filter(|l| considered.contains(&l.code))
        .map(|l| (l.code, l.level))
        .collect();
    let have = stems(&skills.join(" "));
    let known = KnownValues {
        theme: themes
            .iter()
            .map(|t| b.theme(t.as_str()))
            .fold(0.0, f64::max),
        country: countries
            .iter()
            .map(|c| b.country(c.as_str()))
            .fold(0.0, f64::max),
        experience: b.experience(missions),
        languages: b.languages(&spoken),
        availability: b.availability(windows)?,
        skills_overlap: b.skills_overlap(
            b.wanted_stems()
                .iter()
                .filter(|w| have.contains(*w))
                .count(),
        ),
    };
    Some(b.bound(&known, relevance))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    // Enough experts that a segment keeps `k` of them and that the relevance is computed
    // in several batches.
    #[test]
    fn bounded_search_returns_the_best_bounds((experts, offers, needs) in broad_dataset(), k in 1usize..4) {
        use explor_engine::scoring::{Bookings, History, ScoreBound, Scorer, ScoringConfig};
        let (_dir, index, records) = two_commits(&experts, &offers);
        let config = ScoringConfig::embedded();
        let (bookings, history) = (Bookings::default(), History::default());
        let scorer = Scorer { reference: Reference::embedded(), config: &config, bookings: &bookings, history: &history };
        let by_id: std::collections::HashMap<&str, &Record> = records.iter().map(|r| (r.id(), r)).collect();
        // Alone, then as a batch runs them: sharing term scores, whose best per segment
        // caps the text in the bounds.
        let alone = needs.iter().map(|n| (n, false));
        let shared = needs.iter().map(|n| (n, true));
        let mut batch = None;
        for (need, in_batch) in alone.chain(shared) {
            if in_batch && batch.is_none() {
                batch = Some(index.prepare_for_many_queries().unwrap());
            }
            let b = ScoreBound::new(&scorer, need);
            let found = index.best_candidates(need, &b, k).unwrap();
            let mut frontier = None;
            for kind in [explor_engine::CandidateKind::Expert, explor_engine::CandidateKind::Offer] {
                // Every candidate the pre-filter lets through, with its bound.
                let mut expected: Vec<f64> = index.candidates(need).unwrap().iter()
                    .filter(|c| c.kind == kind)
                    .filter_map(|c| record_bound(&b, by_id[c.id.as_str()], c.relevance))
                    .collect();
                expected.sort_by(|x, y| y.total_cmp(x));
                if expected.len() >= k {
                    let kth = expected[k - 1];
                    frontier = Some(frontier.map_or(kth, |f: f64| f.max(kth)));
                }
                expected.truncate(k);
                let mut returned = Vec::new();
                for (c, bound) in found.candidates.iter().filter(|(c, _)| c.kind == kind) {
                    let own = record_bound(&b, by_id[c.id.as_str()], c.relevance);
                    prop_assert!(own.is_some(), "{} has no window for the mission", c.id);
                    let own = own.unwrap_or(f64::NAN);
                    prop_assert!((own - bound).abs() < 1e-9, "{}: {} vs {}", c.id, bound, own);
                    returned.push(*bound);
                }
                prop_assert_eq!(returned.len(), expected.len());
                for (r, e) in returned.iter().zip(&expected) {
                    prop_assert!((r - e).abs() < 1e-9, "{:?} vs {:?}", returned, expected);
                }
            }
            prop_assert_eq!(found.frontier.is_some(), frontier.is_some());
            if let (Some(f), Some(e)) = (found.frontier, frontier) {
                prop_assert!((f - e).abs() < 1e-9);
            }
        }
    }
}

use crate::test_support::sample_workspace;

fn search_ids(ws: &Workspace, q: SearchQuery) -> Vec<String> {
    let top = if q.top == 0 { 10 } else { q.top };
    ws.search(&SearchQuery { top, ..q })
        .unwrap()
        .into_iter()
        .map(|h| h.id)
        .collect()
}

#[test]
fn french_search_on_the_sample() {
    let (_dir, ws) = sample_workspace();
    let text = |t: &str| {
        search_ids(
            &ws,
            SearchQuery {
                text: t.into(),
                ..Default::default()
            },
        )
    };
    // The Kinshasa waste agent speaks of "déchets"; singular and unaccented queries find her.
    assert!(text("déchet").contains(&"exp-0007".to_owned()));
    assert_eq!(text("dechets"), text("déchets"));
    // A theme synonym that no profile needs to contain: "ordures" is a synonym of dechets.
    assert!(text("ordures").contains(&"exp-0007".to_owned()));
    // Électrification: Élec Sud's offer comes up, accents or not.
    assert!(text("electrification solaire").contains(&"off-elec-2027".to_owned()));
    // A parent theme matches its children.
    let env = search_ids(
        &ws,
        SearchQuery {
            theme: Some("environnement".into()),
            top: 200,
            ..Default::default()
        },
    );
    assert!(
        env.contains(&"exp-0007".to_owned()),
        "dechets is under environnement: {env:?}"
    );
}

#[test]
fn candidates_for_the_kinshasa_need_start_with_the_waste_agent() {
    let (_dir, ws) = sample_workspace();
    let Record::Need(need) = ws.record("need-kin-dechets").unwrap() else {
        panic!()
    };
    let found = ws.index().candidates(&need).unwrap();
    assert_eq!(found[0].id, "exp-0007", "{found:?}");
    assert!(found.iter().all(|c| c.relevance >= 0.0));
}

/// The scan keeps each filter term's documents until the index changes: every change
/// must show in the very next retrieval.
#[test]
fn retrieval_follows_every_change_of_the_index() {
    let (dir, mut ws) = sample_workspace();
    let need = ws
        .needs()
        .unwrap()
        .into_iter()
        .find(|n| n.id == "need-kin-dechets")
        .unwrap();
    let ids = |ws: &Workspace| -> Vec<String> {
        ws.index()
            .candidates(&need)
            .unwrap()
            .into_iter()
            .map(|c| c.id)
            .collect()
    };
    let before = ids(&ws);
    assert_eq!(before.first().map(String::as_str), Some("exp-0007"));

    // Too short a longest mission: the pre-filter now leaves the agent out.
    let Record::Expert(mut e) = ws.record("exp-0007").unwrap() else {
        panic!()
    };
    let original = e.clone();
    e.max_mission_days = need.duration_days - 1;
    let file = dir.path().join("experts.json");
    let import = |ws: &mut Workspace, e: &Expert| {
        std::fs::write(&file, serde_json::to_string(&vec![e]).unwrap()).unwrap();
        ws.import(load(&file, None).unwrap(), &Reference::embedded())
            .unwrap();
    };
    import(&mut ws, &e);
    let shorter = ids(&ws);
    assert!(!shorter.contains(&"exp-0007".to_owned()), "{shorter:?}");
    assert_eq!(shorter.len(), before.len() - 1);
    // Its text still matches the need.
    assert!(ws.index().relevance_all(&need).unwrap()["exp-0007"] > 0.0);

    // Back as it was: first again, with the same relevance as before.
    import(&mut ws, &original);
    assert_eq!(ids(&ws), before);

    // Removed: gone, the others still there. An erasure rewrites the segment that
    // held the document, so the text statistics no longer count it and close scores
    // may change places.
    let second = before[1].clone();
    ws.remove(&second, date(0)).unwrap();
    let mut after: Vec<String> = before.iter().filter(|id| **id != second).cloned().collect();
    let mut got = ids(&ws);
    assert_eq!(got.first(), after.first());
    got.sort();
    after.sort();
    assert_eq!(got, after);
}

#[test]
fn index_follows_the_store() {
    let (dir, mut ws) = sample_workspace();
    let check = ws.check().unwrap();
    assert!(check.is_consistent(), "{check:?}");
    let experts = ws.records(RecordKind::Expert).unwrap().len();
    let offers = ws.records(RecordKind::Offer).unwrap().len();
    assert_eq!(check.index_documents, experts + offers);

    // Re-import of a changed record: the index sees the new text and forgets the old.
    let Record::Expert(mut e) = ws.record("exp-0042").unwrap() else {
        panic!()
    };
    e.bio = "Spécialiste de l'apiculture et des ruchers communautaires.".into();
    e.skills = vec!["apiculture".into()];
    let file = dir.path().join("experts.json");
    std::fs::write(&file, serde_json::to_string(&vec![&e]).unwrap()).unwrap();
    let summary = ws
        .import(load(&file, None).unwrap(), &Reference::embedded())
        .unwrap();
    assert_eq!(summary.total().updated, 1);
    let bees = search_ids(
        &ws,
        SearchQuery {
            text: "ruchers".into(),
            ..Default::default()
        },
    );
    assert_eq!(bees, vec!["exp-0042".to_owned()]);
    let compost = search_ids(
        &ws,
        SearchQuery {
            text: "cartographie SIG".into(),
            top: 200,
            ..Default::default()
        },
    );
    assert!(
        !compost.contains(&"exp-0042".to_owned()),
        "the old bio and skills are gone from the index"
    );
    assert!(ws.check().unwrap().is_consistent());

    // Removal: gone from both, and searching the name finds nothing.
    ws.remove("exp-0007", date(0)).unwrap();
    assert!(ws.check().unwrap().is_consistent());
    let by_name = search_ids(
        &ws,
        SearchQuery {
            text: "Hélène Bousquet".into(),
            ..Default::default()
        },
    );
    assert!(!by_name.contains(&"exp-0007".to_owned()));
    assert!(matches!(
        ws.record("exp-0007"),
        Err(crate::Error::User(crate::UserError::Erased { .. }))
    ));

    // A stale index (store moved on without it) is detected and rebuilt at open.
    let root = dir.path().join("ws");
    drop(ws);
    let conn = rusqlite::Connection::open(root.join("explor.sqlite3")).unwrap();
    conn.execute("UPDATE meta SET value = '99' WHERE key = 'generation'", [])
        .unwrap();
    drop(conn);
    let mut ws = Workspace::open(&root).unwrap();
    let notices = ws.take_notices();
    assert!(
        notices.iter().any(|n| n.contains("en retard")),
        "{notices:?}"
    );
    assert_eq!(ws.check().unwrap().index_generation, Some(99));

    // A deleted index directory is rebuilt too.
    drop(ws);
    std::fs::remove_dir_all(root.join("index")).unwrap();
    let mut ws = Workspace::open(&root).unwrap();
    assert!(!ws.take_notices().is_empty());
    assert!(ws.check().unwrap().is_consistent());
}

#[test]
fn sample_rankings() {
    let (_dir, ws) = sample_workspace();
    let opts = crate::MatchOptions {
        top: 5,
        include_ineligible: false,
        include_pending: false,
    };
    let kin = ws.match_need("need-kin-dechets", opts).unwrap();
    assert_eq!(
        kin.candidates[0].id, "exp-0007",
        "the lent waste-management agent comes first"
    );
    let elec = ws.match_candidate("off-elec-2027", opts).unwrap();
    let top2: Vec<&str> = elec.needs.iter().take(2).map(|n| n.id.as_str()).collect();
    assert_eq!(
        top2,
        vec!["need-mg-minireseau-sante", "need-sn-pompage-solaire"]
    );
    let mut lines = Vec::new();
    for r in ws.records(RecordKind::Need).unwrap() {
        let m = ws.match_need(r.id(), opts).unwrap();
        let ranked: Vec<String> = m
            .candidates
            .iter()
            .map(|c| format!("{} {:.2}", c.id, c.score))
            .collect();
        lines.push(format!("{}: {}", r.id(), ranked.join(", ")));
    }
    insta::assert_snapshot!("sample_rankings", lines.join("\n"));
}

/// The sample's experts, as JSON values.
fn sample_experts() -> Vec<serde_json::Value> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../data/sample/experts.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// A copy of an expert under another id (`…-bis`).
fn renamed(expert: &serde_json::Value) -> serde_json::Value {
    let mut e = expert.clone();
    e["id"] = format!("{}-bis", e["id"].as_str().unwrap()).into();
    e
}

/// Imports `experts` into `ws` (whose folder is `dir`): a second segment.
fn import_experts(dir: &tempfile::TempDir, ws: &mut Workspace, experts: &[serde_json::Value]) {
    let file = dir.path().join("experts.json");
    std::fs::write(&file, serde_json::to_string(experts).unwrap()).unwrap();
    ws.import(load(&file, None).unwrap(), &Reference::embedded())
        .unwrap();
}

#[test]
fn most_relevant_is_the_head_of_the_candidates() {
    let (dir, mut ws) = sample_workspace();
    // A second import writes a second segment: the head must be exact across segments.
    let copies: Vec<serde_json::Value> = sample_experts().iter().take(40).map(renamed).collect();
    import_experts(&dir, &mut ws, &copies);
    for record in ws.records(explor_engine::RecordKind::Need).unwrap() {
        let explor_engine::Record::Need(need) = record else {
            continue;
        };
        let all = ws.index().candidates(&need).unwrap();
        for k in [1, 3, 10, 1000] {
            let head = ws.index().most_relevant(&need, k).unwrap();
            assert_eq!(head, all[..k.min(all.len())], "{} top {k}", need.id);
        }
    }
}

#[test]
fn one_document_against_every_need_has_each_need_s_relevance_to_the_bit() {
    let (dir, mut ws) = sample_workspace();
    // Known experts imported again (their old documents stay, deleted, in the first
    // segment) and copies under new ids (a second segment).
    let experts = sample_experts();
    let mut again: Vec<serde_json::Value> = experts.iter().take(20).cloned().collect();
    for e in &mut again {
        e["bio"] = "Formatrice en gestion des déchets et en compostage".into();
    }
    again.extend(experts.iter().skip(20).take(20).map(renamed));
    import_experts(&dir, &mut ws, &again);
    let index = ws.index();
    let needs = ws.needs().unwrap();
    let each: Vec<&Need> = needs.iter().collect();
    let all: Vec<_> = needs
        .iter()
        .map(|n| index.relevance_all(n).unwrap())
        .collect();
    // One in three experts and offers (the first ones changed, the copies, offers).
    let mut ids: Vec<String> = [RecordKind::Expert, RecordKind::Offer]
        .into_iter()
        .flat_map(|kind| ws.records(kind).unwrap())
        .map(|r| r.id().to_owned())
        .step_by(3)
        .collect();
    // A need is no candidate, and an unknown id has no document: 0 for every need.
    ids.extend([needs[0].id.clone(), "exp-inconnu".to_owned()]);
    let mut shared = 0;
    for id in &ids {
        let got = index.relevance_of_each(&each, id).unwrap();
        assert_eq!(got.len(), needs.len());
        for (i, need) in needs.iter().enumerate() {
            let one = index.relevance_of(need, id).unwrap();
            assert_eq!(got[i].to_bits(), one.to_bits(), "{id} for {}", need.id);
            // And as reading every document's relevance at once gives it.
            let scanned = all[i].get(id).copied().unwrap_or(0.0);
            assert_eq!(got[i].to_bits(), scanned.to_bits(), "{id} for {}", need.id);
            shared += usize::from(got[i] > 0.0);
        }
    }
    assert!(shared > needs.len(), "too few words in common: {shared}");
}

#[test]
fn the_id_table_ranks_every_id_of_every_segment_in_order() {
    let (dir, mut ws) = sample_workspace();
    // A second import: new experts, and some known ones again (their old documents
    // stay in the first segment, deleted), so that one id is in two segments.
    let experts = sample_experts();
    let mut again: Vec<serde_json::Value> = experts.iter().take(30).cloned().collect();
    again.extend(experts.iter().skip(30).take(30).map(renamed));
    for e in &mut again {
        e["name"] = "Nom changé".into();
    }
    import_experts(&dir, &mut ws, &again);
    let index = ws.index();
    let searcher = index.reader.searcher();
    assert!(searcher.segment_readers().len() >= 2);
    let table = index.cache.ids(&searcher).unwrap();
    // Every document's rank names its own id.
    let mut ranked: Vec<(u32, String, usize)> = Vec::new();
    for (s, reader) in searcher.segment_readers().iter().enumerate() {
        let column = super::schema::text_column(reader, "id").unwrap();
        for doc in 0..reader.max_doc() {
            let own = super::schema::read_text(&column, doc).unwrap();
            assert_eq!(table.id_of(reader.segment_id(), doc), Some(own.as_str()));
            ranked.push((table.ranks(reader.segment_id())[doc as usize], own, s));
        }
    }
    // Ranks follow the ids, then the segments: the order of sorting them all.
    ranked.sort();
    let order: Vec<(&str, usize)> = ranked.iter().map(|(_, id, s)| (id.as_str(), *s)).collect();
    let mut sorted = order.clone();
    sorted.sort();
    assert_eq!(order, sorted);
    // The 30 known experts imported again are each in two segments, unless a merge in
    // the background purged some of their deleted documents (tantivy's merge policy may
    // run at any commit): at least one must be, for the test to try the case.
    let twice = order.windows(2).filter(|w| w[0].0 == w[1].0).count();
    assert!((1..=30).contains(&twice), "{twice}");
}

#[test]
fn a_bounded_search_names_its_candidates_alike_from_the_dictionary_and_the_id_table() {
    use explor_engine::scoring::ScoreBound;
    let (_dir, ws) = sample_workspace();
    let setup = ws.scoring_setup(false).unwrap();
    let scorer = setup.scorer();
    let needs = ws.needs().unwrap();
    let search = |need: &explor_engine::Need| {
        ws.index()
            .best_candidates(need, &ScoreBound::new(&scorer, need), 1000)
            .unwrap()
    };
    // The first search of a state of the index reads ids from the id column's
    // dictionary; every later one from the id table, read at the second.
    let first: Vec<_> = needs.iter().take(1).map(search).collect();
    assert!(
        ws.index()
            .cache
            .cached_ids(&ws.index().reader.searcher())
            .is_none()
    );
    let again: Vec<_> = needs.iter().take(1).map(search).collect();
    assert!(
        ws.index()
            .cache
            .cached_ids(&ws.index().reader.searcher())
            .is_some()
    );
    let names = |found: &[Bounded]| -> Vec<Vec<(String, f64)>> {
        found
            .iter()
            .map(|b| {
                b.candidates
                    .iter()
                    .map(|(c, bound)| (c.id.clone(), *bound))
                    .collect()
            })
            .collect()
    };
    assert_eq!(names(&first), names(&again));
    assert!(
        first[0].candidates.len() > 20,
        "{}",
        first[0].candidates.len()
    );
    // Every id named is a record of the store.
    for (c, _) in &first[0].candidates {
        ws.record(&c.id).unwrap();
    }
}

/// Whether the name term `text` is in the term dictionary of any segment, dead
/// documents included (what a segment file holds, whatever its encoding).
fn name_term_in_a_segment(index: &SearchIndex, text: &str) -> bool {
    index.reader.reload().unwrap();
    index
        .reader
        .searcher()
        .segment_readers()
        .iter()
        .any(|segment| {
            let inverted = segment.inverted_index(index.fields.name).unwrap();
            inverted.terms().get(text.as_bytes()).unwrap().is_some()
        })
}

#[test]
fn a_deleted_document_is_in_no_segment_once_they_are_purged() {
    let (dir, ws) = sample_workspace();
    assert!(name_term_in_a_segment(ws.index(), "bousquet"));
    let files = |dir: &std::path::Path| -> Vec<std::path::PathBuf> {
        let mut f: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        f.sort();
        f
    };
    let index_dir = dir.path().join("ws/index");
    let before = files(&index_dir);
    let generation = ws.generation().unwrap();
    ws.index().apply([], &["exp-0007"], generation).unwrap();
    // A deletion only marks the document dead: its terms are still in the segment.
    assert!(name_term_in_a_segment(ws.index(), "bousquet"));
    ws.index().purge_deleted().unwrap();
    assert!(!name_term_in_a_segment(ws.index(), "bousquet"));
    // The files of the rewritten segment are gone, not merely unused: only segments
    // without deletions are left, and no deletion file.
    let after = files(&index_dir);
    assert!(before.iter().any(|p| !after.contains(p)), "{after:?}");
    let metas = ws.index().index.searchable_segment_metas().unwrap();
    assert!(metas.iter().all(|m| !m.has_deletes()));
    let listed: std::collections::HashSet<_> = metas
        .iter()
        .flat_map(tantivy::SegmentMeta::list_files)
        .collect();
    for path in &after {
        let name = path.file_name().unwrap().to_str().unwrap();
        if !name.starts_with('.') && name != "meta.json" && name != "explor-index" {
            assert!(
                listed.contains(std::path::Path::new(name)),
                "{name} belongs to no live segment"
            );
        }
    }
    assert!(!ws.index().ids().unwrap().contains("exp-0007"));
    assert_eq!(
        ws.index().len() as usize,
        ws.records(RecordKind::Expert).unwrap().len() - 1
            + ws.records(RecordKind::Offer).unwrap().len()
    );
}

#[test]
fn the_searched_generation_is_known_only_while_the_reader_shows_the_disk() {
    let (dir, ws) = sample_workspace();
    let root = dir.path().join("ws");
    let generation = ws.generation().unwrap();
    assert_eq!(ws.index().searched_generation().unwrap(), Some(generation));

    // Another process commits a change: this reader was loaded before it.
    let other = Workspace::open(&root).unwrap();
    other
        .index()
        .apply([], &["exp-0007"], generation + 1)
        .unwrap();
    assert_eq!(ws.index().generation().unwrap(), Some(generation + 1));
    assert_eq!(ws.index().searched_generation().unwrap(), None);
    assert_eq!(
        other.index().searched_generation().unwrap(),
        Some(generation + 1)
    );

    // A workspace sharing the old index is refused it once the store moves too.
    let shared = Workspace::open_sharing(&root, ws.shared_index()).unwrap();
    assert!(!std::sync::Arc::ptr_eq(
        &shared.shared_index(),
        &ws.shared_index()
    ));
}

#[test]
fn readers_opened_sharing_an_index_search_the_same_one() {
    let (dir, ws) = sample_workspace();
    let root = dir.path().join("ws");
    let second = Workspace::open_sharing(&root, ws.shared_index()).unwrap();
    assert!(std::sync::Arc::ptr_eq(
        &second.shared_index(),
        &ws.shared_index()
    ));
    let need = |ws: &Workspace| -> String {
        let options = crate::MatchOptions {
            top: 10,
            include_ineligible: false,
            include_pending: false,
        };
        let result = ws.match_need("need-kin-dechets", options).unwrap();
        assert!(!result.candidates.is_empty());
        format!("{:?}", result.candidates)
    };
    assert_eq!(need(&second), need(&ws));
}
