//! Mission documents: a mission's file (its need, association, experts, offer and cost
//! plan), the templates it is rendered with, and the rendered documents.

use std::collections::BTreeMap;
use std::path::Path;

use explor_engine::mission::{
    DocFormat, DocKind, DocumentError, Dossier, MissionFile, Templates, render, render_bytes,
};
use explor_engine::{Record, RecordKind, Reference};

use crate::error::{Error, InternalError, Result, UserError};
use crate::workspace::Workspace;

/// The folder of a workspace whose templates replace the embedded ones.
pub const TEMPLATES_DIR: &str = "templates";

impl Workspace {
    /// A mission with its need, association, experts, offer and cost plan.
    pub fn mission_file(&self, id: &str) -> Result<MissionFile> {
        let mission = self.mission(id)?;
        let need = self.need(&mission.need)?;
        let association = match self.record(&need.association)? {
            Record::Association(a) => a,
            other => {
                return Err(UserError::wrong_kind(
                    &need.association,
                    RecordKind::Association,
                    other.kind(),
                )
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

    /// Renders one of a mission's documents as text (Markdown or HTML, see
    /// [`DocFormat::TEXT`]; [`mission_document_file`](Self::mission_document_file) for
    /// every format).
    pub fn mission_document(&self, id: &str, kind: DocKind, format: DocFormat) -> Result<String> {
        self.with_dossier(id, |dossier, templates| {
            render(kind, format, dossier, &Reference::embedded(), templates)
        })
    }

    /// Renders one of a mission's documents in any format, as the bytes of its file
    /// (`.md`, `.html`, `.odt`, `.docx`).
    pub fn mission_document_file(
        &self,
        id: &str,
        kind: DocKind,
        format: DocFormat,
    ) -> Result<Vec<u8>> {
        self.with_dossier(id, |dossier, templates| {
            render_bytes(kind, format, dossier, &Reference::embedded(), templates)
        })
    }

    /// Runs a renderer on a mission's dossier and the workspace's templates.
    fn with_dossier<T>(
        &self,
        id: &str,
        render: impl FnOnce(&Dossier<'_>, &Templates) -> std::result::Result<T, DocumentError>,
    ) -> Result<T> {
        let file = self.mission_file(id)?;
        let templates = self.templates()?;
        render(&file.dossier(), &templates).map_err(|e| self.document_error(e))
    }

    /// A template's fault is the workspace's settings; failing to make the file is a
    /// defect.
    fn document_error(&self, e: DocumentError) -> Error {
        match e {
            DocumentError::Office { .. } | DocumentError::NotText { .. } => {
                InternalError::Document(e).into()
            }
            e => UserError::BadSettings {
                path: self.root().join(TEMPLATES_DIR),
                source: e.into(),
            }
            .into(),
        }
    }
}

/// The largest template file read (bytes): a document template is a few kilobytes.
pub const MAX_TEMPLATE_BYTES: u64 = 256 * 1024;

/// The templates a folder overrides, by file name: only the names the documents use
/// (other files — notes, backups — are left alone); none when the folder is absent.
///
/// A template must be a regular file of at most [`MAX_TEMPLATE_BYTES`], inside the
/// workspace: a link is followed only when it stays in the workspace folder.
fn read_templates(dir: &Path) -> Result<BTreeMap<String, String>> {
    let mut out = BTreeMap::new();
    let refused = |path: &Path, why: String| -> Error {
        UserError::BadSettings {
            path: path.to_owned(),
            source: why.into(),
        }
        .into()
    };
    for name in Templates::FILES {
        let path = dir.join(name);
        let meta = match std::fs::symlink_metadata(&path) {
            Ok(meta) => meta,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => return Err(Error::io(&path, e)),
        };
        if meta.file_type().is_symlink() {
            let workspace = dir.parent().unwrap_or(dir);
            let inside = match (path.canonicalize(), workspace.canonicalize()) {
                (Ok(target), Ok(root)) => target.starts_with(root),
                _ => false,
            };
            if !inside {
                return Err(refused(
                    &path,
                    explor_engine::fr::workspace::TEMPLATE_LINK_OUTSIDE.into(),
                ));
            }
        }
        let meta = std::fs::metadata(&path).map_err(|e| Error::io(&path, e))?;
        if !meta.is_file() {
            return Err(refused(
                &path,
                explor_engine::fr::workspace::TEMPLATE_NOT_REGULAR.into(),
            ));
        }
        if meta.len() > MAX_TEMPLATE_BYTES {
            return Err(refused(
                &path,
                explor_engine::fr::workspace::template_too_large(
                    MAX_TEMPLATE_BYTES / 1024,
                    meta.len().div_ceil(1024),
                ),
            ));
        }
        let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
        out.insert((*name).to_owned(), text);
    }
    Ok(out)
}
