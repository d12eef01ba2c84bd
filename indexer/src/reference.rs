//! The workspace's own reference tables.
//!
//! The reference tables are embedded in the binary; a workspace may replace the cost
//! rules with its own `reference/costs.json`, written by `explor reference import`
//! from the ECB's rates or the DGFiP's per-diem scale (see
//! [`explor_engine::reference::import_table`]), so that a new scale needs no new
//! build. Every cost plan of the workspace — `explor cost` run in it, mission sheets,
//! documents, the web app — reads [`Workspace::cost_rules`] or [`cost_rules_at`].

use std::borrow::Cow;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use explor_engine::cost::CostRules;
use explor_engine::reference::{
    Countries, ImportOptions, Imported, Origin, ReferenceFile, TableStatus, embedded_files,
    import_table, reference_status,
};

use crate::error::{Error, Result, UserError};
use crate::matching::SCORING_FILE;
use crate::workspace::{Workspace, lock};

/// Where a workspace keeps its own cost rules, relative to its folder.
pub const COSTS_OVERRIDE: &str = "reference/costs.json";

/// The cost rules of the workspace at `root`: its `reference/costs.json` when it has
/// one, else the embedded rules. `root` need not be a workspace (then: the embedded
/// rules).
pub fn cost_rules_at(root: &Path) -> Result<Cow<'static, CostRules>> {
    let path = root.join(COSTS_OVERRIDE);
    if !path.is_file() {
        return Ok(Cow::Borrowed(CostRules::embedded()));
    }
    let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
    CostRules::from_json(&text).map(Cow::Owned).map_err(|e| {
        UserError::BadSettings {
            path,
            source: e.into(),
        }
        .into()
    })
}

/// The date, source, origin and staleness of every reference table in use at `root`
/// on `today` (the embedded ones when `root` is not a workspace).
pub fn reference_status_at(root: &Path, today: NaiveDate) -> Result<Vec<TableStatus>> {
    let mut texts: Vec<(&'static str, Cow<'static, str>, Origin)> = Vec::new();
    for file in embedded_files() {
        let own = match file.name {
            "costs.json" => Some(root.join(COSTS_OVERRIDE)),
            "scoring.json" => Some(root.join(SCORING_FILE)),
            _ => None,
        }
        .filter(|p| p.is_file());
        match own {
            Some(path) => {
                let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
                texts.push((file.name, Cow::Owned(text), Origin::Workspace));
            }
            None => texts.push((file.name, Cow::Borrowed(file.text), Origin::Embedded)),
        }
    }
    let files: Vec<ReferenceFile<'_>> = texts
        .iter()
        .map(|(name, text, origin)| ReferenceFile {
            name,
            text,
            origin: *origin,
        })
        .collect();
    reference_status(&files, today).map_err(|e| {
        UserError::BadSettings {
            path: root.join(COSTS_OVERRIDE),
            source: e.into(),
        }
        .into()
    })
}

impl Workspace {
    /// The cost rules of this workspace ([`cost_rules_at`]).
    pub fn cost_rules(&self) -> Result<Cow<'static, CostRules>> {
        cost_rules_at(self.root())
    }

    /// Replaces a cost table with the one in `file` (the ECB's rates or the DGFiP's
    /// per-diem scale, as CSV), after checking all of it: on any problem nothing is
    /// written and every problem is returned ([`UserError::ReferenceTable`]).
    /// `date` and `source` stand for the table's own when given.
    pub fn import_reference(
        &self,
        file: &Path,
        date: Option<NaiveDate>,
        source: Option<&str>,
        today: NaiveDate,
    ) -> Result<Imported> {
        let _lock = lock(self.root())?;
        let text = std::fs::read(file).map_err(|e| UserError::BadInput {
            path: file.to_owned(),
            message: e.to_string(),
        })?;
        let text = String::from_utf8(text).map_err(|_| UserError::BadInput {
            path: file.to_owned(),
            message: explor_engine::fr::import::REFERENCE_NOT_UTF8.to_owned(),
        })?;
        let path = self.root().join(COSTS_OVERRIDE);
        let current = if path.is_file() {
            // A damaged copy is reported, not silently replaced by the embedded rules.
            self.cost_rules()?;
            Cow::Owned(std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?)
        } else {
            Cow::Borrowed(
                embedded_files()
                    .into_iter()
                    .find(|f| f.name == "costs.json")
                    .map(|f| f.text)
                    .unwrap_or_default(),
            )
        };
        let name = file.display().to_string();
        let options = ImportOptions {
            file: &name,
            date,
            source,
            today,
        };
        let imported = import_table(&current, &text, &options, Countries::embedded())
            .map_err(UserError::ReferenceTable)?;
        write_atomically(&path, imported.costs_json.as_bytes())?;
        Ok(imported)
    }
}

/// Writes `bytes` to a temporary file beside `path`, then renames it over `path`: a
/// reader sees the old rules or the new ones, never a part (the caller holds the
/// workspace's lock, so the temporary name is its own).
fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let folder: PathBuf = path.parent().map(Path::to_owned).unwrap_or_default();
    std::fs::create_dir_all(&folder).map_err(|e| Error::io(&folder, e))?;
    let tmp = path.with_extension("json.tmp");
    let written = std::fs::File::create(&tmp).and_then(|mut f| {
        f.write_all(bytes)?;
        f.sync_all()
    });
    if let Err(e) = written.and_then(|()| std::fs::rename(&tmp, path)) {
        let _ = std::fs::remove_file(&tmp);
        return Err(Error::io(path, e));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn an_imported_table_overrides_the_embedded_rules_and_a_bad_one_writes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("ws");
        let (ws, _) = Workspace::init(&root).unwrap();
        assert!(matches!(ws.cost_rules().unwrap(), Cow::Borrowed(_)));

        let bad = dir.path().join("bad.csv");
        std::fs::write(&bad, "Date, USD\n2026-12-04, zero\n").unwrap();
        let err = ws
            .import_reference(&bad, None, None, day("2026-12-05"))
            .unwrap_err();
        assert!(matches!(err, Error::User(UserError::ReferenceTable(_))));
        assert!(!root.join(COSTS_OVERRIDE).exists(), "nothing written");

        let ecb = dir.path().join("eurofxref.csv");
        std::fs::write(&ecb, "Date, USD, JPY\n04 December 2026, 1.0512, 161.2\n").unwrap();
        ws.import_reference(&ecb, None, None, day("2026-12-05"))
            .unwrap();
        let rules = ws.cost_rules().unwrap();
        assert_eq!(rules.currency("USD").unwrap().per_eur.to_string(), "1.0512");
        assert_eq!(
            cost_rules_at(&root).unwrap().currency("USD").unwrap().date,
            "2026-12-04"
        );
        let status = reference_status_at(&root, day("2026-12-05")).unwrap();
        let usd = status
            .iter()
            .find(|s| s.table == "costs.json currencies USD")
            .unwrap();
        assert_eq!(usd.origin, Origin::Workspace);
        assert!(!usd.stale);

        // A damaged copy is an error, never the embedded rules in silence.
        std::fs::write(root.join(COSTS_OVERRIDE), "{").unwrap();
        assert!(matches!(
            ws.cost_rules(),
            Err(Error::User(UserError::BadSettings { .. }))
        ));
    }
}
