//! The synthetic dataset generator: configuration, generation, and writing a dataset
//! directory in the canonical input format (`docs/data-format.md`).

mod draw;
mod missions;
mod orgs;
mod people;
mod places;
mod rng;
mod text;
mod vocab;

use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use explor_engine::{Association, Expert, Need, Offer, Record, RecordKind};
use serde::Serialize;

use rng::Rng;

/// The seed used when none is given.
pub const DEFAULT_SEED: u64 = 42;

/// What to generate: how many records of each kind, from which seed.
///
/// Start from [`SynthConfig::scaled`], which derives the other counts from the number
/// of experts, then adjust with the `with_*` methods.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SynthConfig {
    seed: u64,
    associations: usize,
    experts: usize,
    offers: usize,
    needs: usize,
    calls: Vec<String>,
}

impl SynthConfig {
    /// Counts in the proportions of the real network for `experts` experts: one
    /// association per 50 experts (at least 5), one company offer per 100 (at least 3),
    /// one need per 10 (at least 5); calls `2027-printemps` and `2027-automne`; seed
    /// [`DEFAULT_SEED`].
    pub fn scaled(experts: usize) -> Self {
        Self {
            seed: DEFAULT_SEED,
            associations: (experts / 50).max(5),
            experts,
            offers: (experts / 100).max(3),
            needs: (experts / 10).max(5),
            calls: vec!["2027-printemps".to_owned(), "2027-automne".to_owned()],
        }
    }

    /// Sets the seed: the same seed and counts always give byte-identical files.
    pub fn with_seed(mut self, seed: u64) -> Self {
        self.seed = seed;
        self
    }

    /// Sets the number of associations (needs are spread over them; at least one is
    /// needed for any need to be generated).
    pub fn with_associations(mut self, count: usize) -> Self {
        self.associations = count;
        self
    }

    /// Sets the number of experts, leaving the other counts as they are.
    pub fn with_experts(mut self, count: usize) -> Self {
        self.experts = count;
        self
    }

    /// Sets the number of company offers.
    pub fn with_offers(mut self, count: usize) -> Self {
        self.offers = count;
        self
    }

    /// Sets the number of needs.
    pub fn with_needs(mut self, count: usize) -> Self {
        self.needs = count;
        self
    }

    /// Sets the calls for projects needs belong to; each call takes an equal part of
    /// 2027 for its windows. With no calls, needs have no `call` and any window.
    pub fn with_calls<I, S>(mut self, calls: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.calls = calls.into_iter().map(Into::into).collect();
        self
    }

    /// The seed.
    pub fn seed(&self) -> u64 {
        self.seed
    }

    /// Number of associations.
    pub fn associations(&self) -> usize {
        self.associations
    }

    /// Number of experts.
    pub fn experts(&self) -> usize {
        self.experts
    }

    /// Number of company offers.
    pub fn offers(&self) -> usize {
        self.offers
    }

    /// Number of needs.
    pub fn needs(&self) -> usize {
        self.needs
    }

    /// Calls for projects.
    pub fn calls(&self) -> &[String] {
        &self.calls
    }
}

impl Default for SynthConfig {
    /// [`SynthConfig::scaled`] for 1 000 experts.
    fn default() -> Self {
        Self::scaled(1_000)
    }
}

/// A generated dataset: the records of the four files, in the engine's model types.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Dataset {
    /// `associations.json`.
    pub associations: Vec<Association>,
    /// `experts.json`.
    pub experts: Vec<Expert>,
    /// `offers.json`.
    pub offers: Vec<Offer>,
    /// `needs.json`.
    pub needs: Vec<Need>,
}

/// File format of a written dataset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Format {
    /// A JSON array per file, one record per line.
    #[default]
    Json,
    /// JSON Lines: one record per line, no enclosing array.
    Jsonl,
}

impl Format {
    /// The file extension (`json`, `jsonl`).
    pub fn extension(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Jsonl => "jsonl",
        }
    }
}

/// One file written by [`Dataset::write_dir_as`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WrittenFile {
    /// Which records it holds.
    pub kind: RecordKind,
    /// Where it is.
    pub path: PathBuf,
    /// How many records.
    pub records: usize,
    /// Its size in bytes.
    pub bytes: u64,
}

impl Dataset {
    /// Number of records of `kind`.
    pub fn count(&self, kind: RecordKind) -> usize {
        match kind {
            RecordKind::Association => self.associations.len(),
            RecordKind::Expert => self.experts.len(),
            RecordKind::Offer => self.offers.len(),
            RecordKind::Need => self.needs.len(),
        }
    }

    /// Total number of records.
    pub fn len(&self) -> usize {
        RecordKind::ALL.iter().map(|&k| self.count(k)).sum()
    }

    /// Whether there is no record at all.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Every record, in import order (associations, experts, offers, needs), as one
    /// batch for [`explor_engine::schema::check_references`] or a store.
    pub fn records(&self) -> Vec<Record> {
        let mut out = Vec::with_capacity(self.len());
        out.extend(self.associations.iter().cloned().map(Record::Association));
        out.extend(
            self.experts
                .iter()
                .cloned()
                .map(|e| Record::Expert(Box::new(e))),
        );
        out.extend(
            self.offers
                .iter()
                .cloned()
                .map(|o| Record::Offer(Box::new(o))),
        );
        out.extend(
            self.needs
                .iter()
                .cloned()
                .map(|n| Record::Need(Box::new(n))),
        );
        out
    }

    /// Writes `associations.json`, `experts.json`, `offers.json` and `needs.json` into
    /// `dir` (created if missing), a dataset `explor import DIR` reads.
    pub fn write_dir(&self, dir: &Path) -> io::Result<Vec<WrittenFile>> {
        self.write_dir_as(dir, Format::Json)
    }

    /// Writes the four files in `format` into `dir` (created if missing). Only one
    /// format should be written into a directory: the import reads every file in it.
    pub fn write_dir_as(&self, dir: &Path, format: Format) -> io::Result<Vec<WrittenFile>> {
        fs::create_dir_all(dir)?;
        RecordKind::ALL
            .iter()
            .map(|&kind| {
                let path = dir.join(format!("{}.{}", kind.file_stem(), format.extension()));
                let mut out = BufWriter::with_capacity(1 << 20, fs::File::create(&path)?);
                self.write_kind(kind, format, &mut out)?;
                out.into_inner()
                    .map_err(std::io::IntoInnerError::into_error)?
                    .sync_all()?;
                let bytes = fs::metadata(&path)?.len();
                Ok(WrittenFile {
                    kind,
                    path,
                    records: self.count(kind),
                    bytes,
                })
            })
            .collect()
    }

    /// Writes the records of `kind` in `format` to `out`. The JSON array puts one
    /// record per line, so that files stay readable and diffable at any size.
    pub fn write_kind(&self, kind: RecordKind, format: Format, out: impl Write) -> io::Result<()> {
        match kind {
            RecordKind::Association => write_list(&self.associations, format, out),
            RecordKind::Expert => write_list(&self.experts, format, out),
            RecordKind::Offer => write_list(&self.offers, format, out),
            RecordKind::Need => write_list(&self.needs, format, out),
        }
    }
}

fn write_list<T: Serialize>(items: &[T], format: Format, mut out: impl Write) -> io::Result<()> {
    if format == Format::Json {
        out.write_all(b"[")?;
    }
    for (i, item) in items.iter().enumerate() {
        if format == Format::Json {
            out.write_all(if i == 0 { b"\n" } else { b",\n" })?;
        }
        serde_json::to_writer(&mut out, item)?;
        if format == Format::Jsonl {
            out.write_all(b"\n")?;
        }
    }
    if format == Format::Json {
        out.write_all(if items.is_empty() { b"]\n" } else { b"\n]\n" })?;
    }
    out.flush()
}

/// Stream labels: each record kind draws from its own stream of the seed.
const ASSOCIATIONS: u64 = 1;
const COMPANIES: u64 = 2;
const EXPERTS: u64 = 3;
const OFFERS: u64 = 4;
const NEEDS: u64 = 5;

/// Generates a dataset. Same configuration, same dataset, on any machine.
///
/// Every record passes the engine's import validation, needs name generated
/// associations, and offers name generated experts who work for the offering company.
pub fn generate(config: &SynthConfig) -> Dataset {
    let seed = config.seed;
    let associations =
        orgs::associations(&mut Rng::stream(seed, ASSOCIATIONS), config.associations);
    // About one company per eight employees, and at least one per offer, so that each
    // offer comes from a different company.
    let employees = config.experts * 35 / 100;
    let company_count = (employees / 8).max(config.offers).max(8);
    let companies = orgs::companies(&mut Rng::stream(seed, COMPANIES), company_count);
    let employers = people::Employers::new(&companies);
    let (experts, company_of) =
        people::experts(&mut Rng::stream(seed, EXPERTS), config.experts, &employers);
    let offers = missions::offers(
        &mut Rng::stream(seed, OFFERS),
        config.offers,
        &companies,
        &experts,
        &company_of,
    );
    let needs = missions::needs(
        &mut Rng::stream(seed, NEEDS),
        config.needs,
        &associations,
        &config.calls,
    );
    Dataset {
        associations: associations.into_iter().map(|a| a.record).collect(),
        experts,
        offers,
        needs,
    }
}

#[cfg(test)]
mod tests {
    //! Properties checked:
    //! 1. every generated record passes the engine's record validation and reads back
    //!    as the very record that was generated;
    //! 2. ids are unique and references (needs → associations, offers → experts) hold;
    //! 3. the same seed gives byte-identical files, another seed different ones;
    //! 4. the static tables only hold codes the reference data knows;
    //! 5. the distributions asked for hold roughly (statuses, foreign experts,
    //!    reciprocity needs, windows, offers naming the company's own employees);
    //! 6. the written files parse back into the model types.

    use std::collections::{BTreeMap, BTreeSet};

    use explor_engine::schema::{KnownIds, check_references};
    use explor_engine::{ExpertStatus, NeedKind, Reference, check_record};

    use super::places::{DEPTS, PARTNERS, PUBLIC_BODIES};
    use super::vocab::THEMES;
    use super::*;

    fn sample() -> Dataset {
        generate(&SynthConfig::scaled(2_000))
    }

    fn bytes(data: &Dataset, format: Format) -> Vec<u8> {
        let mut out = Vec::new();
        for kind in RecordKind::ALL {
            data.write_kind(kind, format, &mut out).unwrap();
        }
        out
    }

    #[test]
    fn every_record_passes_validation_and_round_trips() {
        let data = sample();
        let reference = Reference::embedded();
        let mut failures = Vec::new();
        for record in data.records() {
            let value = serde_json::to_value(&record).unwrap();
            match check_record(record.kind(), &value, &reference) {
                Ok(read) => assert_eq!(read, record, "{} does not round-trip", record.id()),
                Err(issues) => failures.push(format!("{}: {issues:?}", record.id())),
            }
        }
        assert!(
            failures.is_empty(),
            "{} invalid records, first: {:?}",
            failures.len(),
            &failures[..failures.len().min(5)]
        );
    }

    #[test]
    fn ids_are_unique_and_references_hold() {
        let data = sample();
        let batch = data.records();
        let issues = check_references(&batch, &KnownIds::new(), &|i| format!("record {i}"));
        assert!(issues.is_empty(), "{:?}", &issues[..issues.len().min(5)]);
        assert!(!data.needs.is_empty() && !data.offers.is_empty());
    }

    #[test]
    fn same_seed_same_bytes_other_seed_other_bytes() {
        let config = SynthConfig::scaled(2_000).with_seed(7);
        let a = generate(&config);
        let b = generate(&config);
        assert_eq!(bytes(&a, Format::Json), bytes(&b, Format::Json));
        assert_eq!(bytes(&a, Format::Jsonl), bytes(&b, Format::Jsonl));
        let c = generate(&config.clone().with_seed(8));
        for kind in RecordKind::ALL {
            let (mut x, mut y) = (Vec::new(), Vec::new());
            a.write_kind(kind, Format::Json, &mut x).unwrap();
            c.write_kind(kind, Format::Json, &mut y).unwrap();
            assert_ne!(x, y, "{kind} files do not depend on the seed");
        }
    }

    #[test]
    fn record_kinds_draw_from_separate_streams() {
        let base = SynthConfig::scaled(500);
        let more_needs = base.clone().with_needs(400);
        assert_eq!(generate(&base).experts, generate(&more_needs).experts);
    }

    #[test]
    fn static_tables_hold_known_codes() {
        let reference = Reference::embedded();
        for parent in THEMES {
            assert!(reference.taxonomy.contains(parent.key), "{}", parent.key);
            assert!(
                parent
                    .children
                    .iter()
                    .all(|c| reference.taxonomy.contains(c.key))
            );
            assert!(parent.children.iter().all(|c| !c.skills.is_empty()
                && !c.professions.is_empty()
                && !c.activities.is_empty()));
        }
        for partner in PARTNERS {
            assert!(
                reference.countries.get(partner.code).is_some(),
                "{}",
                partner.code
            );
            for code in partner.languages {
                assert!(reference.languages.get(code).is_some(), "{code}");
            }
        }
        let occitanie: BTreeSet<&str> = reference
            .departements
            .occitanie()
            .iter()
            .map(String::as_str)
            .collect();
        for dept in DEPTS {
            assert!(
                reference.departements.get(dept.code).is_some(),
                "{}",
                dept.code
            );
            assert_eq!(
                occitanie.contains(dept.code),
                dept.occitanie,
                "{}",
                dept.code
            );
            assert!(!dept.occitanie || !dept.territories.is_empty());
        }
        assert_eq!(
            DEPTS.iter().filter(|d| d.occitanie).count(),
            occitanie.len()
        );
        for body in PUBLIC_BODIES {
            assert!(body.themes.iter().all(|t| reference.taxonomy.contains(t)));
        }
    }

    #[test]
    fn distributions_are_roughly_as_designed() {
        let data = sample();
        let n = data.experts.len() as f64;
        let share = |pred: &dyn Fn(&Expert) -> bool| {
            data.experts.iter().filter(|e| pred(e)).count() as f64 / n
        };
        let foreign = share(&|e| e.is_foreign());
        assert!((0.05..0.11).contains(&foreign), "foreign {foreign}");
        let employees = share(&|e| e.status == ExpertStatus::Employee);
        assert!((0.28..0.40).contains(&employees), "employees {employees}");
        let retired = share(&|e| e.status == ExpertStatus::Retired);
        assert!((0.15..0.25).contains(&retired), "retired {retired}");
        let occitan = share(&|e| {
            e.home
                .department
                .as_deref()
                .is_some_and(|d| DEPTS.iter().any(|x| x.occitanie && x.code == d))
        });
        assert!(occitan > 0.80, "occitanie {occitan}");
        for e in &data.experts {
            assert!((1..=3).contains(&e.themes.len()), "{}", e.id);
            assert!((1..=3).contains(&e.availability.len()), "{}", e.id);
            assert!((7..=15).contains(&e.max_mission_days));
            assert!(e.missions_done <= 8);
            assert!(!e.bio.is_empty() && !e.skills.is_empty());
            assert_eq!(e.status.has_employer(), e.employer.is_some(), "{}", e.id);
            let mut codes: Vec<_> = e.languages.iter().map(|l| l.code).collect();
            codes.sort();
            codes.dedup();
            assert_eq!(
                codes.len(),
                e.languages.len(),
                "{} repeats a language",
                e.id
            );
            for w in &e.availability {
                assert!(w.len_days() >= 14 && w.from().to_string().starts_with("2027"));
                assert!(w.to().to_string().starts_with("2027"));
            }
        }
        let reciprocity = data
            .needs
            .iter()
            .filter(|x| x.kind == NeedKind::Reciprocity)
            .count() as f64
            / data.needs.len() as f64;
        assert!(
            (0.09..0.21).contains(&reciprocity),
            "reciprocity {reciprocity}"
        );
        for need in &data.needs {
            assert!(need.window.len_days() >= need.duration_days, "{}", need.id);
            assert_eq!(
                need.kind == NeedKind::Reciprocity,
                need.country.as_str() == "FR",
                "{}",
                need.id
            );
        }
        let employer_of: BTreeMap<&str, Option<&str>> = data
            .experts
            .iter()
            .map(|e| (e.id.as_str(), e.employer.as_ref().map(|x| x.id.as_str())))
            .collect();
        let mut named = 0;
        for offer in &data.offers {
            assert!((1..=5).contains(&offer.headcount));
            for id in &offer.experts {
                named += 1;
                assert_eq!(employer_of[id.as_str()], Some(offer.company.id.as_str()));
            }
        }
        assert!(named > 0, "no offer names an employee");
    }

    #[test]
    fn written_files_parse_back() {
        let data = generate(&SynthConfig::scaled(300).with_seed(3));
        let dir = std::env::temp_dir().join(format!("explor-synth-test-{}", std::process::id()));
        for format in [Format::Json, Format::Jsonl] {
            let sub = dir.join(format.extension());
            let files = data.write_dir_as(&sub, format).unwrap();
            assert_eq!(files.len(), 4);
            for file in &files {
                assert_eq!(file.records, data.count(file.kind));
                assert!(file.bytes > 0);
            }
        }
        let text = fs::read_to_string(dir.join("json/experts.json")).unwrap();
        let experts: Vec<Expert> = serde_json::from_str(&text).unwrap();
        assert_eq!(experts, data.experts);
        let text = fs::read_to_string(dir.join("jsonl/needs.jsonl")).unwrap();
        let needs: Vec<Need> = text
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(needs, data.needs);
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn scaled_counts_follow_the_network_proportions() {
        let c = SynthConfig::scaled(100_000);
        assert_eq!(
            (c.associations(), c.offers(), c.needs()),
            (2_000, 1_000, 10_000)
        );
        let small = SynthConfig::scaled(10);
        assert_eq!(
            (small.associations(), small.offers(), small.needs()),
            (5, 3, 5)
        );
        let empty = generate(&SynthConfig::scaled(0).with_needs(0).with_offers(0));
        assert!(empty.experts.is_empty() && empty.needs.is_empty());
    }
}
