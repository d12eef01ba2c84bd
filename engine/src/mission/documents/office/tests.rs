//! The editable documents. Properties checked:
//!
//! 1. An `.odt` opens with `mimetype`, stored, with no extra field, and holds the
//!    manifest, content, styles and metadata; a `.docx` holds its content types,
//!    relationships, document, styles and numbering.
//! 2. Every XML part is well-formed, with its prefixes declared.
//! 3. The text is the Markdown's: the mission's title first, the headings in order, the
//!    cost plan's lines in a table whose first row is a header row.
//! 4. Data is text: a need titled `<w:p>&"'` is printed as such, never read as markup.
//! 5. Non-breaking spaces of amounts are kept.
//! 6. The block model: emphasis, lists, tables, links as text, images and raw HTML.

use std::io::{Cursor, Read};

use quick_xml::Reader;
use quick_xml::XmlVersion;
use quick_xml::events::Event;

use super::*;
use crate::mission::MissionFile;
use crate::mission::documents::tests::{kinshasa, kinshasa_with, need_kinshasa};
use crate::mission::documents::{DocFormat, DocKind, Reference, Templates, render, render_bytes};

/// An element of a parsed XML part.
#[derive(Debug, Default)]
struct Node {
    name: String,
    attrs: Vec<(String, String)>,
    children: Vec<Child>,
}

#[derive(Debug)]
enum Child {
    Element(Node),
    Text(String),
}

impl Node {
    /// Every element named `name` under this one (itself included), in document order.
    fn all<'a>(&'a self, name: &str, out: &mut Vec<&'a Node>) {
        if self.name == name {
            out.push(self);
        }
        for c in &self.children {
            if let Child::Element(e) = c {
                e.all(name, out);
            }
        }
    }

    fn find(&self, name: &str) -> Vec<&Node> {
        let mut out = Vec::new();
        self.all(name, &mut out);
        out
    }

    /// The text inside, an ODF `<text:s/>` counted as a space.
    fn text(&self) -> String {
        let mut out = String::new();
        for c in &self.children {
            match c {
                Child::Text(t) => out.push_str(t),
                Child::Element(e) if e.name == "text:s" => out.push(' '),
                Child::Element(e) => out.push_str(&e.text()),
            }
        }
        out
    }

    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Parses an XML part, failing on anything not well-formed: unbalanced or mismatched
/// tags, bad attributes, unknown entities, text outside the root, an undeclared
/// namespace prefix.
fn parse(xml: &str) -> Node {
    let mut reader = Reader::from_str(xml);
    reader.config_mut().check_end_names = true;
    let mut stack = vec![Node::default()];
    let mut declared: Vec<String> = vec!["xml".to_owned(), "xmlns".to_owned()];
    let open = |e: &quick_xml::events::BytesStart<'_>, declared: &mut Vec<String>| -> Node {
        let name = e.name().as_ref().to_owned();
        let mut attrs = Vec::new();
        for a in e.attributes() {
            let a = a.expect("well-formed attribute");
            let key = a.key.as_ref().to_owned();
            let value = a
                .normalized_value(XmlVersion::Implicit1_0)
                .expect("escaped attribute")
                .into_owned();
            if let Some(prefix) = key.strip_prefix("xmlns:") {
                declared.push(prefix.to_owned());
            }
            attrs.push((key, value));
        }
        for n in std::iter::once(&name).chain(attrs.iter().map(|(k, _)| k)) {
            if let Some((prefix, _)) = n.split_once(':') {
                assert!(
                    declared.iter().any(|d| d == prefix),
                    "undeclared prefix in {n}"
                );
            }
        }
        Node {
            name,
            attrs,
            children: Vec::new(),
        }
    };
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) => {
                let node = open(&e, &mut declared);
                stack.push(node);
            }
            Event::Empty(e) => {
                let node = open(&e, &mut declared);
                stack
                    .last_mut()
                    .unwrap()
                    .children
                    .push(Child::Element(node));
            }
            Event::End(_) => {
                let node = stack.pop().unwrap();
                stack
                    .last_mut()
                    .expect("balanced")
                    .children
                    .push(Child::Element(node));
            }
            Event::Text(t) => {
                let text = t.xml10_content().into_owned();
                if stack.len() == 1 {
                    assert!(text.trim().is_empty(), "text outside the root: {text}");
                } else {
                    stack.last_mut().unwrap().children.push(Child::Text(text));
                }
            }
            Event::GeneralRef(r) => {
                let name = r.xml10_content().into_owned();
                let c = match name.as_str() {
                    "amp" => '&',
                    "lt" => '<',
                    "gt" => '>',
                    "quot" => '"',
                    "apos" => '\'',
                    _ => r
                        .resolve_char_ref()
                        .expect("character reference")
                        .unwrap_or_else(|| panic!("unknown entity &{name};")),
                };
                stack
                    .last_mut()
                    .unwrap()
                    .children
                    .push(Child::Text(c.to_string()));
            }
            Event::Eof => break,
            _ => {}
        }
    }
    assert_eq!(stack.len(), 1, "unclosed elements");
    let mut root = stack.pop().unwrap();
    let elements: Vec<Node> = root
        .children
        .drain(..)
        .filter_map(|c| match c {
            Child::Element(e) => Some(e),
            Child::Text(_) => None,
        })
        .collect();
    assert_eq!(elements.len(), 1, "one root element");
    elements.into_iter().next().unwrap()
}

/// The parts of a ZIP file, in order, with their text.
fn unzip(bytes: &[u8]) -> Vec<(String, String)> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("a ZIP file");
    (0..archive.len())
        .map(|i| {
            let mut f = archive.by_index(i).unwrap();
            let name = f.name().unwrap().into_owned();
            let mut text = String::new();
            f.read_to_string(&mut text).expect("UTF-8 part");
            (name, text)
        })
        .collect()
}

fn part<'a>(parts: &'a [(String, String)], name: &str) -> &'a str {
    parts
        .iter()
        .find(|(n, _)| n == name)
        .map_or_else(|| panic!("no part {name}"), |(_, t)| t.as_str())
}

fn bytes_of(case: &MissionFile, kind: DocKind, format: DocFormat) -> Vec<u8> {
    render_bytes(
        kind,
        format,
        &case.dossier(),
        &Reference::embedded(),
        &Templates::embedded(),
    )
    .unwrap_or_else(|e| panic!("{kind} {format}: {e}"))
}

fn markdown_of(case: &MissionFile, kind: DocKind) -> String {
    render(
        kind,
        DocFormat::Markdown,
        &case.dossier(),
        &Reference::embedded(),
        &Templates::embedded(),
    )
    .unwrap()
}

/// The headings of the Markdown, as plain text.
fn markdown_headings(markdown: &str) -> Vec<String> {
    blocks(markdown)
        .iter()
        .filter_map(|b| match b {
            Block::Heading(_, inlines) => Some(inlines.iter().map(inline_text).collect()),
            _ => None,
        })
        .collect()
}

/// The amounts of the Markdown's first table (its third column), as printed.
fn first_table_amounts(markdown: &str) -> Vec<String> {
    blocks(markdown)
        .iter()
        .find_map(|b| match b {
            Block::Table { rows, .. } => Some(
                rows.iter()
                    .map(|r| r[2].iter().map(inline_text).collect::<String>())
                    .collect(),
            ),
            _ => None,
        })
        .expect("a table")
}

#[test]
fn odt_opens_with_its_stored_mimetype_and_holds_every_part() {
    let bytes = bytes_of(&kinshasa(), DocKind::Fiche, DocFormat::Odt);
    // The first local header: signature, method 0 (stored), no extra field, the name
    // `mimetype`, then the media type itself at offset 38.
    assert_eq!(&bytes[..4], b"PK\x03\x04");
    assert_eq!(&bytes[8..10], &[0, 0], "stored");
    assert_eq!(
        &bytes[26..30],
        &[8, 0, 0, 0],
        "name length 8, no extra field"
    );
    assert_eq!(&bytes[30..38], b"mimetype");
    assert_eq!(
        &bytes[38..38 + odt::MEDIA_TYPE.len()],
        odt::MEDIA_TYPE.as_bytes()
    );
    let mut archive = zip::ZipArchive::new(Cursor::new(&bytes[..])).unwrap();
    assert_eq!(
        archive.by_index(0).unwrap().compression(),
        zip::CompressionMethod::Stored
    );
    let parts = unzip(&bytes);
    let names: Vec<&str> = parts.iter().map(|(n, _)| n.as_str()).collect();
    for name in [
        "META-INF/manifest.xml",
        "content.xml",
        "styles.xml",
        "meta.xml",
    ] {
        assert!(names.contains(&name), "{name} in {names:?}");
    }
    for (name, text) in &parts[1..] {
        parse(text);
        assert!(text.starts_with("<?xml"), "{name}");
    }
    let manifest = parse(part(&parts, "META-INF/manifest.xml"));
    let listed: Vec<&str> = manifest
        .find("manifest:file-entry")
        .iter()
        .filter_map(|e| e.attr("manifest:full-path"))
        .collect();
    assert_eq!(listed, ["/", "content.xml", "styles.xml", "meta.xml"]);
    let styles = part(&parts, "styles.xml");
    assert!(styles.contains("fo:page-width=\"21cm\"") && styles.contains("29.7cm"));
    assert!(styles.contains("fo:language=\"fr\""));
}

#[test]
fn docx_holds_every_part() {
    let bytes = bytes_of(&kinshasa(), DocKind::Fiche, DocFormat::Docx);
    let parts = unzip(&bytes);
    let names: Vec<&str> = parts.iter().map(|(n, _)| n.as_str()).collect();
    for name in [
        "[Content_Types].xml",
        "_rels/.rels",
        "word/_rels/document.xml.rels",
        "word/document.xml",
        "word/styles.xml",
        "word/numbering.xml",
        "docProps/core.xml",
    ] {
        assert!(names.contains(&name), "{name} in {names:?}");
    }
    for (_, text) in &parts {
        parse(text);
    }
    let types = parse(part(&parts, "[Content_Types].xml"));
    let overridden: Vec<&str> = types
        .find("Override")
        .iter()
        .filter_map(|o| o.attr("PartName"))
        .collect();
    for name in names
        .iter()
        .filter(|n| !n.ends_with(".rels") && **n != "[Content_Types].xml")
    {
        assert!(overridden.contains(&format!("/{name}").as_str()), "{name}");
    }
    let styles = part(&parts, "word/styles.xml");
    assert!(styles.contains("w:insideV") && styles.contains("fr-FR"));
}

#[test]
fn odt_text_is_the_documents() {
    let case = kinshasa();
    let markdown = markdown_of(&case, DocKind::Budget);
    let parts = unzip(&bytes_of(&case, DocKind::Budget, DocFormat::Odt));
    let content = parse(part(&parts, "content.xml"));
    let headings: Vec<String> = content.find("text:h").iter().map(|h| h.text()).collect();
    assert_eq!(headings, markdown_headings(&markdown));
    assert!(headings[0].contains(&case.need.title), "{headings:?}");
    assert_eq!(
        content.find("text:h")[0].attr("text:outline-level"),
        Some("1")
    );
    let meta = parse(part(&parts, "meta.xml"));
    assert!(meta.find("dc:title")[0].text().contains(&case.need.title));

    let table = content.find("table:table")[0];
    let header = table.find("table:table-header-rows");
    assert_eq!(header.len(), 1, "one header row group");
    let header_cells = header[0].find("table:table-cell");
    assert!(header_cells.len() >= 3);
    let columns = table.find("table:table-column").len();
    assert_eq!(columns, header_cells.len());
    let cells: Vec<String> = table
        .find("table:table-cell")
        .iter()
        .map(|c| c.text())
        .collect();
    let amounts = first_table_amounts(&markdown);
    assert!(amounts.len() >= 3, "{amounts:?}");
    for amount in &amounts {
        assert!(cells.contains(amount), "{amount:?} in {cells:?}");
    }
}

#[test]
fn docx_text_is_the_documents() {
    let case = kinshasa();
    let markdown = markdown_of(&case, DocKind::Budget);
    let parts = unzip(&bytes_of(&case, DocKind::Budget, DocFormat::Docx));
    let document = parse(part(&parts, "word/document.xml"));
    let headings: Vec<String> = document
        .find("w:p")
        .into_iter()
        .filter(|p| {
            p.find("w:pStyle")
                .first()
                .and_then(|s| s.attr("w:val"))
                .is_some_and(|s| s.starts_with("Heading"))
        })
        .map(Node::text)
        .collect();
    assert_eq!(headings, markdown_headings(&markdown));
    assert!(headings[0].contains(&case.need.title));

    let table = document.find("w:tbl")[0];
    let rows = table.find("w:tr");
    assert_eq!(rows[0].find("w:tblHeader").len(), 1, "a header row");
    assert!(rows[1..].iter().all(|r| r.find("w:tblHeader").is_empty()));
    assert_eq!(table.find("w:gridCol").len(), rows[0].find("w:tc").len());
    let cells: Vec<String> = table.find("w:tc").iter().map(|c| c.text()).collect();
    for amount in first_table_amounts(&markdown) {
        assert!(cells.contains(&amount), "{amount:?} in {cells:?}");
    }
}

#[test]
fn a_title_that_looks_like_markup_is_printed_as_text() {
    let mut need = need_kinshasa();
    need.title = "Titre <w:p>&\"' </text:p><text:h>".to_owned();
    let case = kinshasa_with(need);
    let odt = unzip(&bytes_of(&case, DocKind::Fiche, DocFormat::Odt));
    let content = parse(part(&odt, "content.xml"));
    let h1 = content.find("text:h")[0].text();
    assert!(h1.ends_with("Titre <w:p>&\"' </text:p><text:h>"), "{h1}");
    assert_eq!(
        content.find("text:h").len(),
        markdown_headings(&markdown_of(&case, DocKind::Fiche)).len()
    );
    assert!(
        parse(part(&odt, "meta.xml")).find("dc:title")[0]
            .text()
            .contains("<w:p>&\"'")
    );

    let docx = unzip(&bytes_of(&case, DocKind::Fiche, DocFormat::Docx));
    let xml = part(&docx, "word/document.xml");
    assert!(xml.contains("&lt;w:p&gt;&amp;&quot;&apos;"));
    let document = parse(xml);
    assert!(
        document.find("w:p")[0]
            .text()
            .ends_with("Titre <w:p>&\"' </text:p><text:h>")
    );
    // One paragraph per block: the title made none of its own.
    assert!(
        document
            .find("w:p")
            .iter()
            .all(|p| p.find("w:p").len() == 1)
    );
}

#[test]
fn no_break_spaces_are_kept() {
    let amount = "1\u{202f}200,00\u{a0}€";
    let md = format!(
        "# Budget\n\nTotal : {amount}\n\n| Poste | Montant |\n|---|---:|\n| Visa | {amount} |\n"
    );
    let b = blocks(&md);
    for (name, bytes, part_name) in [
        ("odt", odt::to_odt(&b, "t").unwrap(), "content.xml"),
        ("docx", docx::to_docx(&b, "t").unwrap(), "word/document.xml"),
    ] {
        let parts = unzip(&bytes);
        let xml = part(&parts, part_name);
        assert_eq!(xml.matches(amount).count(), 2, "{name}: {xml}");
    }
}

#[test]
fn every_document_converts() {
    let case = kinshasa();
    for kind in DocKind::ALL {
        for format in [DocFormat::Odt, DocFormat::Docx] {
            for (_, text) in unzip(&bytes_of(&case, kind, format)) {
                if text.starts_with('<') {
                    parse(&text);
                }
            }
        }
    }
}

#[test]
fn render_refuses_a_file_format() {
    let case = kinshasa();
    let err = render(
        DocKind::Fiche,
        DocFormat::Odt,
        &case.dossier(),
        &Reference::embedded(),
        &Templates::embedded(),
    )
    .unwrap_err();
    assert_eq!(
        err,
        crate::mission::DocumentError::NotText {
            format: DocFormat::Odt
        }
    );
    assert_eq!(
        bytes_of(&case, DocKind::Fiche, DocFormat::Markdown),
        markdown_of(&case, DocKind::Fiche).into_bytes()
    );
}

fn text(s: &str, bold: bool, italic: bool) -> Inline {
    Inline::Text {
        text: s.to_owned(),
        bold,
        italic,
    }
}

#[test]
fn blocks_keep_the_markdown_subset() {
    let md = "# Titre\n\nUn **gras** et *italique*,\nsuite.\n\n- a\n- b\n  1. un\n\n3. trois\n\n| A | Montant |\n|---|---:|\n| x | 1 €|\n\n> cité\n\n---\n";
    let b = blocks(md);
    assert_eq!(b[0], Block::Heading(1, vec![text("Titre", false, false)]));
    assert_eq!(
        b[1],
        Block::Paragraph(vec![
            text("Un ", false, false),
            text("gras", true, false),
            text(" et ", false, false),
            text("italique", false, true),
            text(", suite.", false, false),
        ])
    );
    let Block::List { start: None, items } = &b[2] else {
        panic!("{:?}", b[2]);
    };
    assert_eq!(items.len(), 2);
    assert!(matches!(items[1][1], Block::List { start: Some(1), .. }));
    assert!(matches!(b[3], Block::List { start: Some(3), .. }));
    assert_eq!(
        b[4],
        Block::Table {
            right: vec![false, true],
            head: vec![
                vec![text("A", false, false)],
                vec![text("Montant", false, false)]
            ],
            rows: vec![vec![
                vec![text("x", false, false)],
                vec![text("1 €", false, false)]
            ]],
        }
    );
    assert_eq!(
        b[5],
        Block::Quote(vec![Block::Paragraph(vec![text("cité", false, false)])])
    );
    assert_eq!(b[6], Block::Rule);
}

#[test]
fn links_images_and_html_are_text() {
    let b = blocks(
        "[site](https://x.example) [b](javascript:alert(1)) <https://y.example> ![photo](http://r/x.png) <i>brut</i>",
    );
    let [Block::Paragraph(inlines)] = &b[..] else {
        panic!("{b:?}");
    };
    let t: String = inlines.iter().map(inline_text).collect();
    assert_eq!(
        t,
        "site (https://x.example) b https://y.example photo <i>brut</i>"
    );
}

#[test]
fn escape_keeps_text_and_drops_what_xml_forbids() {
    assert_eq!(escape("<w:p>&\"'"), "&lt;w:p&gt;&amp;&quot;&apos;");
    assert_eq!(escape("1\u{202f}200\u{a0}€"), "1\u{202f}200\u{a0}€");
    assert_eq!(escape("a\u{0}b\u{1b}c\u{fffe}"), "abc");
}

#[test]
fn columns_share_the_width_by_their_text() {
    let cell = |s: &str| vec![text(s, false, false)];
    let shares = column_shares(
        &[cell("n°"), cell("Base de calcul")],
        &[vec![cell("1"), cell(&"x".repeat(80))]],
    );
    assert_eq!(shares.len(), 2);
    assert!((shares.iter().sum::<f64>() - 1.0).abs() < 1e-9);
    assert!(shares[0] > 0.1 && shares[1] > 0.8, "{shares:?}");
}
