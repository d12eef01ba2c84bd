//! Property tests of every input parser over arbitrary and damaged bytes (issue #16):
//! reading a `.csv`, `.json` or `.jsonl` file and checking its records never panics;
//! the outcome is records, problems naming where they are, or an error the user can act
//! on — never an internal failure. Dates, ids and amounts get the same treatment.
//!
//! Inputs are arbitrary bytes, and the bundled sample (as JSON, JSON Lines and CSV)
//! with bytes flipped, inserted or cut: damaged versions of real files reach much
//! further into the parsers than random bytes do.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use explor_engine::model::RecordKind;
use explor_engine::schema::{check_record, csv_columns, flatten, id_problem, parse_date};
use explor_engine::{Money, Reference};
use proptest::prelude::*;
use serde_json::Value;

use crate::error::Error;
use crate::source::load;

const KINDS: [(RecordKind, &str); 4] = [
    (RecordKind::Association, "associations"),
    (RecordKind::Expert, "experts"),
    (RecordKind::Need, "needs"),
    (RecordKind::Offer, "offers"),
];

/// The sample's records of each kind, as a JSON array.
fn sample(name: &str) -> Vec<Value> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../data/sample")
        .join(format!("{name}.json"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// For each kind, its sample in the three formats: (file name, bytes).
fn seeds() -> &'static Vec<(RecordKind, String, Vec<u8>)> {
    static SEEDS: OnceLock<Vec<(RecordKind, String, Vec<u8>)>> = OnceLock::new();
    SEEDS.get_or_init(|| {
        let mut out = Vec::new();
        for (kind, name) in KINDS {
            let records = sample(name);
            let few: Vec<&Value> = records.iter().take(3).collect();
            out.push((
                kind,
                format!("{name}.json"),
                serde_json::to_vec_pretty(&few).unwrap(),
            ));
            let lines: String = few.iter().map(|r| format!("{r}\n")).collect();
            out.push((kind, format!("{name}.jsonl"), lines.into_bytes()));
            let mut csv = csv::Writer::from_writer(Vec::new());
            csv.write_record(csv_columns(kind)).unwrap();
            for r in &few {
                csv.write_record(flatten(kind, r)).unwrap();
            }
            out.push((kind, format!("{name}.csv"), csv.into_inner().unwrap()));
        }
        out
    })
}

/// Reads `bytes` as the file `name` and checks its records, as an import does before
/// writing anything. Panics (failing the property) on an internal error, a problem
/// that does not say where it is, or a record neither accepted nor refused.
fn read_and_check(dir: &Path, name: &str, bytes: &[u8]) {
    let path: PathBuf = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    let loaded = match load(&path, None) {
        Ok(loaded) => loaded,
        Err(Error::User(_)) => return,
        Err(e) => panic!("{name}: internal failure reading it: {e}"),
    };
    for issue in &loaded.issues {
        assert_eq!(issue.file, path, "{issue}");
        assert!(!issue.to_string().is_empty());
    }
    let reference = Reference::embedded();
    for record in &loaded.records {
        assert!(record.location.to_string().contains(char::is_numeric));
        if let Err(problems) = check_record(record.kind, &record.value, &reference) {
            assert!(!problems.is_empty(), "{name}: refused without a reason");
            for p in problems {
                assert!(!p.to_string().is_empty(), "{name}: an empty problem");
            }
        }
    }
}

/// A seed with `edits` applied: (position, kind of edit, byte).
fn damaged(seed: &[u8], edits: &[(usize, u8, u8)]) -> Vec<u8> {
    let mut bytes = seed.to_vec();
    for &(at, what, byte) in edits {
        if bytes.is_empty() {
            bytes.push(byte);
            continue;
        }
        let at = at % bytes.len();
        match what % 4 {
            0 => bytes[at] = byte,
            1 => bytes.insert(at, byte),
            2 => {
                bytes.remove(at);
            }
            _ => bytes.truncate(at),
        }
    }
    bytes
}

#[test]
fn the_undamaged_seeds_are_read_and_accepted_whole() {
    let dir = tempfile::tempdir().unwrap();
    let reference = Reference::embedded();
    for (kind, name, bytes) in seeds() {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let loaded = load(&path, None).unwrap();
        assert!(loaded.issues.is_empty(), "{name}: {:?}", loaded.issues);
        assert_eq!(loaded.records.len(), 3, "{name}");
        for r in &loaded.records {
            assert_eq!(r.kind, *kind);
            check_record(r.kind, &r.value, &reference).unwrap_or_else(|p| panic!("{name}: {p:?}"));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_in_any_input_format_never_panic(
        seed in 0usize..12,
        bytes in proptest::collection::vec(any::<u8>(), 0..512),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let (_, name, _) = &seeds()[seed];
        read_and_check(dir.path(), name, &bytes);
    }

    #[test]
    fn damaged_sample_files_never_panic(
        seed in 0usize..12,
        edits in proptest::collection::vec((any::<usize>(), any::<u8>(), any::<u8>()), 1..8),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let (_, name, bytes) = &seeds()[seed];
        read_and_check(dir.path(), name, &damaged(bytes, &edits));
    }

    #[test]
    fn damaged_sample_text_stays_text_and_never_panics(
        seed in 0usize..12,
        edits in proptest::collection::vec((any::<usize>(), any::<u8>(), proptest::char::any()), 1..6),
    ) {
        // Characters rather than bytes: the file stays valid UTF-8 and reaches the
        // field checks more often.
        let dir = tempfile::tempdir().unwrap();
        let (_, name, bytes) = &seeds()[seed];
        let mut text: Vec<char> = String::from_utf8(bytes.clone()).unwrap().chars().collect();
        for (at, what, c) in edits {
            let at = at % text.len().max(1);
            match what % 3 {
                0 if at < text.len() => text[at] = c,
                1 => text.insert(at.min(text.len()), c),
                _ if at < text.len() => { text.remove(at); }
                _ => {}
            }
        }
        let text: String = text.into_iter().collect();
        read_and_check(dir.path(), name, text.as_bytes());
    }

    #[test]
    fn dates_ids_and_amounts_are_read_or_refused_never_panic(s in "\\PC{0,40}|[0-9 ,.\u{a0}\u{202f}-]{0,24}") {
        let _ = parse_date(&s);
        let _ = id_problem(&s);
        let _ = Money::from_euros_str(&s);
        let _ = s.parse::<explor_engine::Cefr>();
    }
}
