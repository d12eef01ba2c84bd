//! Mission documents: a mission's file (its need, association, experts, offer and cost
//! plan), the templates it is rendered with, and the rendered documents.

use std::collections::BTreeMap;
use std::path::Path;

use explor_engine::mission::{DocFormat, DocKind, MissionFile, Templates, render};
use explor_engine::{Record, Reference};

use crate::error::{Error, Result, UserError};
use crate::workspace::Workspace;

/// The folder of a workspace whose templates replace the embedded ones.
pub const TEMPLATES_DIR: &str = "templates";

impl Workspace {
    /// A mission with its need, association, experts, offer and cost plan.
    pub fn mission_file(&self, id: &str) -> Result<MissionFile> {
        let mission = self.mission(id)?;
        let need = self.need_record(&mission.need)?;
        let association = match self.record(&need.association)? {
            Record::Association(a) => a,
            other => {
                return Err(UserError::WrongKind {
                    id: need.association.clone(),
                    expected: "an association",
                    found: other.kind().as_str().to_owned(),
                }
                .into());
            }
        };
        let experts = self.experts_on_file(mission.staff.experts())?;
        let offer = match mission.staff.offer() {
            Some(id) => match self.store.record(id)? {
                Some(Record::Offer(o)) => Some(*o),
                _ => None,
            },
            None => None,
        };
        Ok(MissionFile::new(
            mission,
            need,
            association,
            experts,
            offer,
            &*self.cost_rules()?,
            &Reference::embedded(),
        ))
    }

    /// The templates documents are rendered with: the embedded ones, each replaced by
    /// the workspace's `templates/` file of the same name when there is one.
    pub fn templates(&self) -> Result<Templates> {
        let dir = self.root().join(TEMPLATES_DIR);
        let overrides = read_templates(&dir)?;
        if overrides.is_empty() {
            return Ok(Templates::embedded());
        }
        Templates::with_overrides(overrides).map_err(|e| {
            UserError::BadSettings {
                path: dir,
                source: e.into(),
            }
            .into()
        })
    }

    /// Renders one of a mission's documents.
    pub fn mission_document(&self, id: &str, kind: DocKind, format: DocFormat) -> Result<String> {
        let file = self.mission_file(id)?;
        let templates = self.templates()?;
        render(
            kind,
            format,
            &file.dossier(),
            &Reference::embedded(),
            &templates,
        )
        .map_err(|e| {
            UserError::BadSettings {
                path: self.root().join(TEMPLATES_DIR),
                source: e.into(),
            }
            .into()
        })
    }
}

/// The templates a folder overrides, by file name: only the names the documents use
/// (other files — notes, backups — are left alone); none when the folder is absent.
fn read_templates(dir: &Path) -> Result<BTreeMap<String, String>> {
    let mut out = BTreeMap::new();
    for name in Templates::FILES {
        let path = dir.join(name);
        match std::fs::read_to_string(&path) {
            Ok(text) => {
                out.insert((*name).to_owned(), text);
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(Error::io(&path, e)),
        }
    }
    Ok(out)
}
