//! The mission documents, in French, rendered from templates a coordinator can edit.
//!
//! A [`Dossier`] gathers what a document is made from (mission, need, association,
//! experts or offer, cost plan). [`render`] turns it into a context of ready-made
//! French text (dates, amounts, labels: see `context.rs`), renders the kind's Markdown
//! template with minijinja, and for [`DocFormat::Html`] converts the Markdown with
//! pulldown-cmark and places it in the printable page `page.html.j2`. For
//! [`DocFormat::Odt`] and [`DocFormat::Docx`], [`render_bytes`] converts the same
//! Markdown into an editable file (see `office/`).
//!
//! The templates are the files of `data/templates/`, embedded at build time by the
//! `explor-data` crate ([`Templates::embedded`]); a workspace may replace any of them
//! ([`Templates::with_overrides`]). Undefined variables are errors, so a typo in an
//! edited template is reported with its file and line instead of printing nothing.
//!
//! A person erased at their request (GDPR) appears as
//! "expert·e effacé·e à sa demande (RGPD)", never by name.

mod booklet;
mod context;
mod costs;
pub(crate) mod french;
mod markdown;
mod network;
mod office;
mod people;

#[cfg(test)]
mod tests;

use std::collections::BTreeMap;
use std::fmt;

use minijinja::syntax::SyntaxConfig;
use minijinja::{Environment, UndefinedBehavior};
use serde::Serialize;

use crate::cost::CostPlan;
use crate::model::{Association, Expert, Need, Offer};
use crate::reference::Reference;

use super::{Mission, Staff};

/// A mission document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DocKind {
    /// *Fiche de mission*: the framing document.
    Fiche,
    /// *Termes de référence*.
    Tdr,
    /// *Proposition de convention* between association, expert(s), employer(s) and
    /// network.
    Convention,
    /// *Livret du volontaire*: emergency, logistics, country notes.
    Livret,
    /// *Bilan de retour*: the return debrief form.
    Bilan,
    /// *Plan de financement*: the cost plan.
    Budget,
}

impl DocKind {
    /// Every document, in the order the network produces them.
    pub const ALL: [DocKind; 6] = [
        DocKind::Fiche,
        DocKind::Tdr,
        DocKind::Convention,
        DocKind::Livret,
        DocKind::Bilan,
        DocKind::Budget,
    ];

    /// The name used on the command line (`fiche`).
    pub fn as_str(self) -> &'static str {
        match self {
            DocKind::Fiche => "fiche",
            DocKind::Tdr => "tdr",
            DocKind::Convention => "convention",
            DocKind::Livret => "livret",
            DocKind::Bilan => "bilan",
            DocKind::Budget => "budget",
        }
    }

    /// The document's French title.
    pub fn title_fr(self) -> &'static str {
        match self {
            DocKind::Fiche => "Fiche de mission",
            DocKind::Tdr => "Termes de référence",
            DocKind::Convention => "Proposition de convention",
            DocKind::Livret => "Livret du volontaire",
            DocKind::Bilan => "Bilan de retour",
            DocKind::Budget => "Plan de financement",
        }
    }

    /// The template file it is rendered from (`fiche.md.j2`).
    pub fn template(self) -> &'static str {
        match self {
            DocKind::Fiche => "fiche.md.j2",
            DocKind::Tdr => "tdr.md.j2",
            DocKind::Convention => "convention.md.j2",
            DocKind::Livret => "livret.md.j2",
            DocKind::Bilan => "bilan.md.j2",
            DocKind::Budget => "budget.md.j2",
        }
    }
}

impl fmt::Display for DocKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for DocKind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        DocKind::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| {
                let names: Vec<&str> = DocKind::ALL.iter().map(|k| k.as_str()).collect();
                format!("document inconnu « {s} » (attendu : {})", names.join(", "))
            })
    }
}

/// The output format of a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DocFormat {
    /// Markdown, as the template renders it.
    Markdown,
    /// A printable HTML page (A4).
    Html,
    /// An OpenDocument Text file (LibreOffice, and Word), to edit.
    Odt,
    /// An Office Open XML file (Word, and LibreOffice), to edit.
    Docx,
}

impl DocFormat {
    /// Every format.
    pub const ALL: [DocFormat; 4] = [
        DocFormat::Markdown,
        DocFormat::Html,
        DocFormat::Odt,
        DocFormat::Docx,
    ];

    /// The formats that are text ([`render`] gives them as a `String`).
    pub const TEXT: [DocFormat; 2] = [DocFormat::Markdown, DocFormat::Html];

    /// The name used on the command line, also the file extension (`md`, `html`,
    /// `odt`, `docx`).
    pub fn as_str(self) -> &'static str {
        match self {
            DocFormat::Markdown => "md",
            DocFormat::Html => "html",
            DocFormat::Odt => "odt",
            DocFormat::Docx => "docx",
        }
    }

    /// Whether the document is text (Markdown, HTML) rather than a file to edit.
    pub fn is_text(self) -> bool {
        Self::TEXT.contains(&self)
    }

    /// The media type to serve the document with (`Content-Type`).
    pub fn media_type(self) -> &'static str {
        match self {
            DocFormat::Markdown => "text/markdown; charset=utf-8",
            DocFormat::Html => "text/html; charset=utf-8",
            DocFormat::Odt => office::ODT_MEDIA_TYPE,
            DocFormat::Docx => office::DOCX_MEDIA_TYPE,
        }
    }
}

impl fmt::Display for DocFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for DocFormat {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        DocFormat::ALL
            .into_iter()
            .find(|f| f.as_str() == s)
            .ok_or_else(|| {
                format!("format de document inconnu « {s} » (attendu : md, html, odt ou docx)")
            })
    }
}

/// Everything a document is made from.
#[derive(Debug, Clone)]
pub struct Dossier<'a> {
    /// The mission.
    pub mission: &'a Mission,
    /// The need it serves.
    pub need: &'a Need,
    /// The association asking.
    pub association: &'a Association,
    /// The mission's experts, in the mission's order: id, and the record (`None` for
    /// one erased at their request; the documents then say so, never a name).
    pub experts: Vec<(&'a str, Option<&'a Expert>)>,
    /// The company offer, for a mission staffed by one.
    pub offer: Option<&'a Offer>,
    /// The cost plan, or why it could not be computed (the documents show the reason).
    pub plan: Result<&'a CostPlan, String>,
}

/// Why a document cannot be rendered.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DocumentError {
    /// A template that does not parse or fails to render (an edited template's fault).
    #[error("modèle {file}{} : {message}", at_line(.line))]
    Template {
        /// The template file (`fiche.md.j2`).
        file: String,
        /// The line, when known.
        line: Option<usize>,
        /// What is wrong.
        message: String,
    },
    /// An override names a file that is not one of [`Templates::FILES`].
    #[error("« {name} » n’est pas un modèle de document (attendu : l’un de {})", Templates::FILES.join(", "))]
    UnknownTemplate {
        /// The file name given.
        name: String,
    },
    /// A template produced more than the longest document allowed.
    #[error("modèle {file} : le document dépasserait {} Mio ; un modèle ne doit pas répéter son texte sans fin", .limit / (1024 * 1024))]
    TooLong {
        /// The template's file name.
        file: String,
        /// The limit, in bytes.
        limit: usize,
    },
    /// [`render`] was asked for a format that is not text (a caller's mistake: use
    /// [`render_bytes`]).
    #[error("le format {format} est un fichier, pas du texte")]
    NotText {
        /// The format asked for.
        format: DocFormat,
    },
    /// The `.odt` or `.docx` container could not be written (a defect: it is made in
    /// memory).
    #[error("impossible d’écrire le fichier .{format} : {message}")]
    Office {
        /// The format (`odt`, `docx`).
        format: String,
        /// What failed.
        message: String,
    },
    /// The dossier's records do not belong together (a caller's mistake).
    #[error("dossier incohérent pour la mission {mission} : {problem}")]
    Dossier {
        /// The mission.
        mission: String,
        /// What does not match.
        problem: String,
    },
}

fn at_line(line: &Option<usize>) -> String {
    line.map(|l| format!(", ligne {l}")).unwrap_or_default()
}

impl DocumentError {
    fn template(file: &str, e: &minijinja::Error) -> Self {
        let mut message = match e.detail() {
            Some(detail) => format!("{}: {detail}", e.kind()),
            None => e.kind().to_string(),
        };
        let mut cause = std::error::Error::source(e);
        while let Some(c) = cause {
            message.push_str(&format!(" ({c})"));
            cause = c.source();
        }
        Self::Template {
            file: e.name().unwrap_or(file).to_owned(),
            line: e.line(),
            message,
        }
    }
}

/// How many template instructions one document may run (the embedded templates use
/// a few thousand; see the tests).
pub const TEMPLATE_FUEL: u64 = 2_000_000;

/// The longest document a template may produce (bytes).
pub const MAX_DOCUMENT_BYTES: usize = 8 * 1024 * 1024;

/// A writer that keeps at most [`MAX_DOCUMENT_BYTES`] and then refuses more.
#[derive(Default)]
struct Bounded {
    bytes: Vec<u8>,
    exceeded: bool,
}

impl std::io::Write for Bounded {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.bytes.len() + buf.len() > MAX_DOCUMENT_BYTES {
            self.exceeded = true;
            return Err(std::io::Error::other("document too long"));
        }
        self.bytes.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The printable page shell.
const PAGE: &str = "page.html.j2";

/// The embedded templates, by file name.
const EMBEDDED: [(&str, &str); 7] = explor_data::templates::FILES;

/// The document templates, parsed and ready to render.
#[derive(Debug, Clone)]
pub struct Templates {
    env: Environment<'static>,
    /// The texts the environment was built from, by file name.
    sources: BTreeMap<&'static str, String>,
}

impl Templates {
    /// The template file names: one per [`DocKind`], then the HTML page.
    pub const FILES: [&'static str; 7] = [
        "fiche.md.j2",
        "tdr.md.j2",
        "convention.md.j2",
        "livret.md.j2",
        "bilan.md.j2",
        "budget.md.j2",
        PAGE,
    ];

    /// The templates of `data/templates/`, embedded at build time.
    pub fn embedded() -> Self {
        // The embedded templates are parsed by this module's tests: failing here is a
        // build defect.
        Self::with_overrides(BTreeMap::new()).expect("the embedded templates parse")
    }

    /// The embedded templates, with some replaced: `overrides` maps a file name of
    /// [`Templates::FILES`] to its new text. A template that does not parse is an
    /// error naming its file and line.
    pub fn with_overrides(overrides: BTreeMap<String, String>) -> Result<Self, DocumentError> {
        if let Some(name) = overrides
            .keys()
            .find(|n| !Self::FILES.contains(&n.as_str()))
        {
            return Err(DocumentError::UnknownTemplate { name: name.clone() });
        }
        let mut env = Environment::new();
        let syntax = SyntaxConfig::builder()
            .trim_blocks(true)
            .lstrip_blocks(true)
            .keep_trailing_newline(true)
            .build()
            .expect("the default delimiters are valid");
        env.set_syntax(syntax);
        env.set_undefined_behavior(UndefinedBehavior::Strict);
        // A workspace's template is run with a budget: a loop that never ends or
        // multiplies work is stopped with an error instead of holding the command.
        env.set_fuel(Some(TEMPLATE_FUEL));
        // Values from the data are text: escaped for Markdown (`.md.j2`) or HTML.
        env.set_auto_escape_callback(markdown::auto_escape);
        env.set_formatter(markdown::formatter);
        env.add_filter("cell", markdown::cell);
        let mut overrides = overrides;
        let mut sources = BTreeMap::new();
        for (name, text) in EMBEDDED {
            let source = overrides.remove(name).unwrap_or_else(|| text.to_owned());
            env.add_template_owned(name, source.clone())
                .map_err(|e| DocumentError::template(name, &e))?;
            sources.insert(name, source);
        }
        Ok(Self { env, sources })
    }

    /// The text of a template, by file name.
    pub fn source(&self, name: &str) -> Option<&str> {
        self.sources.get(name).map(String::as_str)
    }

    fn render<S: Serialize>(&self, name: &str, context: &S) -> Result<String, DocumentError> {
        let template = self
            .env
            .get_template(name)
            .map_err(|e| DocumentError::template(name, &e))?;
        let mut out = Bounded::default();
        let rendered = template
            .render_captured_to(
                minijinja::Value::from(minijinja::value::Serde(context)),
                &mut out,
            )
            .map(drop);
        if out.exceeded {
            return Err(DocumentError::TooLong {
                file: name.to_owned(),
                limit: MAX_DOCUMENT_BYTES,
            });
        }
        rendered.map_err(|e| DocumentError::template(name, &e))?;
        String::from_utf8(out.bytes).map_err(|_| DocumentError::Template {
            file: name.to_owned(),
            line: None,
            message: "le modèle a produit un texte qui n’est pas de l’UTF-8".to_owned(),
        })
    }
}

/// What the HTML page shell receives.
#[derive(Serialize)]
struct Page<'a> {
    title: &'a str,
    kind_title: &'a str,
    mission_id: &'a str,
    network: &'a str,
    body: String,
}

/// Renders a mission document as text: Markdown or HTML ([`DocFormat::TEXT`]); an
/// editable format is refused ([`DocumentError::NotText`]), see [`render_bytes`].
///
/// Pure: the reference lists, the booklet's general advice and the programme's rules
/// are embedded; the templates are given.
pub fn render(
    kind: DocKind,
    format: DocFormat,
    dossier: &Dossier<'_>,
    reference: &Reference<'_>,
    templates: &Templates,
) -> Result<String, DocumentError> {
    check(dossier)?;
    let ctx = context::build(kind, dossier, reference);
    // Amounts in the templates' own text and in the reference sources (`1 400 €`,
    // `50 %`) get their no-break spaces too, not only those explor formats.
    let markdown = crate::fr::unbreakable_amounts(&tidy(&templates.render(kind.template(), &ctx)?));
    match format {
        DocFormat::Markdown => Ok(markdown),
        DocFormat::Html => {
            let page = Page {
                title: &ctx.doc.title,
                kind_title: ctx.doc.kind_title,
                mission_id: &ctx.mission.id,
                network: ctx.network.name,
                body: markdown::to_html(&markdown),
            };
            Ok(tidy(&templates.render(PAGE, &page)?))
        }
        DocFormat::Odt | DocFormat::Docx => Err(DocumentError::NotText { format }),
    }
}

/// Renders a mission document in any format, as the bytes of its file: the text of
/// Markdown and HTML in UTF-8, an `.odt` or `.docx` file made from the same Markdown.
///
/// Pure, as [`render`]: the file is made in memory.
pub fn render_bytes(
    kind: DocKind,
    format: DocFormat,
    dossier: &Dossier<'_>,
    reference: &Reference<'_>,
    templates: &Templates,
) -> Result<Vec<u8>, DocumentError> {
    if format.is_text() {
        return render(kind, format, dossier, reference, templates).map(String::into_bytes);
    }
    check(dossier)?;
    let ctx = context::build(kind, dossier, reference);
    let markdown = tidy(&templates.render(kind.template(), &ctx)?);
    let blocks = office::blocks(&markdown);
    match format {
        DocFormat::Docx => office::to_docx(&blocks, &ctx.doc.title),
        _ => office::to_odt(&blocks, &ctx.doc.title),
    }
}

/// Checks that the dossier's records belong to its mission.
fn check(d: &Dossier<'_>) -> Result<(), DocumentError> {
    let m = d.mission;
    let problem = |problem: String| {
        Err(DocumentError::Dossier {
            mission: m.id.clone(),
            problem,
        })
    };
    if m.need != d.need.id {
        return problem(format!("it serves need {}, not {}", m.need, d.need.id));
    }
    if d.need.association != d.association.id {
        return problem(format!(
            "need {} belongs to association {}, not {}",
            d.need.id, d.need.association, d.association.id
        ));
    }
    match &m.staff {
        Staff::Experts { experts } => {
            let given: Vec<&str> = d.experts.iter().map(|(id, _)| *id).collect();
            if given != *experts {
                return problem(format!(
                    "its experts are {}, the dossier gives {}",
                    experts.join(", "),
                    given.join(", ")
                ));
            }
            if let Some((id, e)) = d
                .experts
                .iter()
                .find_map(|(id, e)| e.filter(|e| e.id != *id).map(|e| (id, e)))
            {
                return problem(format!("expert {id} is given the record of {}", e.id));
            }
        }
        Staff::Offer { offer, .. } => {
            if let Some(o) = d.offer
                && o.id != *offer
            {
                return problem(format!("it is staffed by offer {offer}, not {}", o.id));
            }
        }
    }
    Ok(())
}

/// At most one blank line in a row, none at the start, one newline at the end: an
/// edited template need not be careful with its blank lines.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = true;
    for line in text.lines() {
        let is_blank = line.trim().is_empty();
        if is_blank && blank {
            continue;
        }
        if is_blank {
            out.push('\n');
        } else {
            out.push_str(line.trim_end_matches(['\r']));
            out.push('\n');
        }
        blank = is_blank;
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}
