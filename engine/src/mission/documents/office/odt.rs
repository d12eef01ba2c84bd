//! The OpenDocument Text writer (`.odt`, ODF 1.3): `mimetype` first and stored, so
//! that the file is recognised by its first bytes, then `META-INF/manifest.xml`,
//! `meta.xml`, `styles.xml` (A4 page, fonts, headings, tables, lists) and
//! `content.xml` (the text).

use std::fmt::Write as _;
use std::io::{Cursor, Write as _};

use zip::CompressionMethod;
use zip::write::{SimpleFileOptions, ZipWriter};

use super::{Block, Inline, Inlines, column_count, column_shares, escape, zip_failure};
use crate::mission::documents::DocumentError;

/// The media type, also the content of the `mimetype` file.
pub(in crate::mission::documents) const MEDIA_TYPE: &str =
    "application/vnd.oasis.opendocument.text";

/// The text width of an A4 page with 2 cm margins, in centimetres.
const TEXT_WIDTH_CM: f64 = 17.0;

const NAMESPACES: &str = concat!(
    r#"xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" "#,
    r#"xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" "#,
    r#"xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" "#,
    r#"xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" "#,
    r#"xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" "#,
    r#"xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" "#,
    r#"xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" "#,
    r#"xmlns:dc="http://purl.org/dc/elements/1.1/" "#,
    r#"office:version="1.3""#
);

const MANIFEST: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
 <manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="application/vnd.oasis.opendocument.text"/>
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
 <manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>
 <manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>
</manifest:manifest>
"#;

/// The styles: an A4 page with 2 cm margins; Liberation Sans (shipped with
/// LibreOffice, with the French glyphs: « », œ, the narrow no-break space) at 10.5 pt
/// in French; headings that stay with their text; bullet and numbered lists.
const STYLES_BODY: &str = r##"<office:font-face-decls>
  <style:font-face style:name="Liberation Sans" svg:font-family="'Liberation Sans'" style:font-family-generic="swiss" style:font-pitch="variable"/>
 </office:font-face-decls>
 <office:styles>
  <style:default-style style:family="paragraph">
   <style:paragraph-properties fo:hyphenation-ladder-count="no-limit" style:writing-mode="lr-tb"/>
   <style:text-properties style:font-name="Liberation Sans" fo:font-size="10.5pt" fo:language="fr" fo:country="FR" fo:hyphenate="false"/>
  </style:default-style>
  <style:default-style style:family="table">
   <style:table-properties table:border-model="collapsing"/>
  </style:default-style>
  <style:style style:name="Standard" style:family="paragraph" style:class="text"/>
  <style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph" style:parent-style-name="Standard" style:class="text">
   <style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.2cm" fo:line-height="115%"/>
  </style:style>
  <style:style style:name="List_20_Contents" style:display-name="List Contents" style:family="paragraph" style:parent-style-name="Text_20_body" style:class="list">
   <style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.1cm"/>
  </style:style>
  <style:style style:name="Heading" style:family="paragraph" style:parent-style-name="Standard" style:next-style-name="Text_20_body" style:class="text">
   <style:paragraph-properties fo:margin-top="0.45cm" fo:margin-bottom="0.2cm" fo:keep-with-next="always"/>
   <style:text-properties fo:font-weight="bold" fo:color="#1f3864"/>
  </style:style>
  <style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="1" style:class="text">
   <style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.35cm"/>
   <style:text-properties fo:font-size="17pt"/>
  </style:style>
  <style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="2" style:class="text">
   <style:text-properties fo:font-size="13.5pt"/>
  </style:style>
  <style:style style:name="Heading_20_3" style:display-name="Heading 3" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="3" style:class="text">
   <style:text-properties fo:font-size="11.5pt"/>
  </style:style>
  <style:style style:name="Heading_20_4" style:display-name="Heading 4" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="4" style:class="text">
   <style:text-properties fo:font-size="10.5pt" fo:font-style="italic"/>
  </style:style>
  <style:style style:name="Table_20_Contents" style:display-name="Table Contents" style:family="paragraph" style:parent-style-name="Standard" style:class="extra">
   <style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0cm"/>
  </style:style>
  <style:style style:name="Table_20_Contents_20_Right" style:display-name="Table Contents Right" style:family="paragraph" style:parent-style-name="Table_20_Contents" style:class="extra">
   <style:paragraph-properties fo:text-align="end"/>
  </style:style>
  <style:style style:name="Table_20_Heading" style:display-name="Table Heading" style:family="paragraph" style:parent-style-name="Table_20_Contents" style:class="extra">
   <style:text-properties fo:font-weight="bold"/>
  </style:style>
  <style:style style:name="Table_20_Heading_20_Right" style:display-name="Table Heading Right" style:family="paragraph" style:parent-style-name="Table_20_Heading" style:class="extra">
   <style:paragraph-properties fo:text-align="end"/>
  </style:style>
  <style:style style:name="Quotations" style:family="paragraph" style:parent-style-name="Text_20_body" style:class="html">
   <style:paragraph-properties fo:margin-left="0.6cm" fo:margin-right="0.6cm" fo:padding-left="0.2cm" fo:border-left="1.5pt solid #8eaadb"/>
  </style:style>
  <style:style style:name="Horizontal_20_Line" style:display-name="Horizontal Line" style:family="paragraph" style:parent-style-name="Standard" style:class="html">
   <style:paragraph-properties fo:margin-bottom="0.3cm" fo:border-bottom="0.5pt solid #808080" fo:padding="0cm"/>
  </style:style>
  <style:style style:name="Strong_20_Emphasis" style:display-name="Strong Emphasis" style:family="text">
   <style:text-properties fo:font-weight="bold"/>
  </style:style>
  <style:style style:name="Emphasis" style:family="text">
   <style:text-properties fo:font-style="italic"/>
  </style:style>
  <text:list-style style:name="Puces" style:display-name="Puces">
   <text:list-level-style-bullet text:level="1" text:bullet-char="•">
    <style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="0.6cm" fo:text-indent="-0.4cm" fo:margin-left="0.6cm"/></style:list-level-properties>
   </text:list-level-style-bullet>
   <text:list-level-style-bullet text:level="2" text:bullet-char="–">
    <style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="1.2cm" fo:text-indent="-0.4cm" fo:margin-left="1.2cm"/></style:list-level-properties>
   </text:list-level-style-bullet>
   <text:list-level-style-bullet text:level="3" text:bullet-char="▪">
    <style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="1.8cm" fo:text-indent="-0.4cm" fo:margin-left="1.8cm"/></style:list-level-properties>
   </text:list-level-style-bullet>
  </text:list-style>
  <text:list-style style:name="Numeros" style:display-name="Num&#233;ros">
   <text:list-level-style-number text:level="1" style:num-format="1" style:num-suffix=".">
    <style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="0.7cm" fo:text-indent="-0.5cm" fo:margin-left="0.7cm"/></style:list-level-properties>
   </text:list-level-style-number>
   <text:list-level-style-number text:level="2" style:num-format="a" style:num-suffix=")">
    <style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="1.4cm" fo:text-indent="-0.5cm" fo:margin-left="1.4cm"/></style:list-level-properties>
   </text:list-level-style-number>
   <text:list-level-style-number text:level="3" style:num-format="i" style:num-suffix=".">
    <style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="2.1cm" fo:text-indent="-0.5cm" fo:margin-left="2.1cm"/></style:list-level-properties>
   </text:list-level-style-number>
  </text:list-style>
 </office:styles>
 <office:automatic-styles>
  <style:page-layout style:name="A4">
   <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" style:print-orientation="portrait" fo:margin-top="2cm" fo:margin-bottom="2cm" fo:margin-left="2cm" fo:margin-right="2cm"/>
  </style:page-layout>
 </office:automatic-styles>
 <office:master-styles>
  <style:master-page style:name="Standard" style:page-layout-name="A4"/>
 </office:master-styles>"##;

/// The cell styles: thin black borders, a grey header row.
const CELL_STYLES: &str = r##"<style:style style:name="Cellule" style:family="table-cell">
   <style:table-cell-properties fo:padding="0.1cm" fo:border="0.5pt solid #000000"/>
  </style:style>
  <style:style style:name="CelluleEntete" style:family="table-cell">
   <style:table-cell-properties fo:padding="0.1cm" fo:border="0.5pt solid #000000" fo:background-color="#e7e6e6"/>
  </style:style>"##;

/// The `.odt` file of a document's blocks; `title` goes into its metadata.
pub(in crate::mission::documents) fn to_odt(
    blocks: &[Block],
    title: &str,
) -> Result<Vec<u8>, DocumentError> {
    let fail = |e: &dyn std::fmt::Display| zip_failure("odt", e);
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let stored = SimpleFileOptions::default().compression_method(CompressionMethod::Stored);
    let deflated = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    let parts: [(&str, String, SimpleFileOptions); 5] = [
        ("mimetype", MEDIA_TYPE.to_owned(), stored),
        ("META-INF/manifest.xml", MANIFEST.to_owned(), deflated),
        ("meta.xml", meta(title), deflated),
        ("styles.xml", styles(), deflated),
        ("content.xml", content(blocks), deflated),
    ];
    for (name, text, options) in parts {
        zip.start_file(name, options).map_err(|e| fail(&e))?;
        zip.write_all(text.as_bytes()).map_err(|e| fail(&e))?;
    }
    Ok(zip.finish().map_err(|e| fail(&e))?.into_inner())
}

fn meta(title: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-meta {NAMESPACES}>\
         <office:meta><meta:generator>explor</meta:generator><dc:title>{}</dc:title>\
         <dc:language>fr-FR</dc:language></office:meta></office:document-meta>\n",
        escape(title)
    )
}

fn styles() -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-styles {NAMESPACES}>\n {STYLES_BODY}\n</office:document-styles>\n"
    )
}

/// `content.xml`: the tables' column widths as automatic styles, then the text.
fn content(blocks: &[Block]) -> String {
    let mut body = Body::default();
    for block in blocks {
        body.block(block, None);
    }
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-content {NAMESPACES}>\n \
         <office:automatic-styles>\n  {CELL_STYLES}\n{}  </office:automatic-styles>\n \
         <office:body><office:text>\n{}</office:text></office:body>\n</office:document-content>\n",
        body.styles, body.text
    )
}

/// The text being written, and the automatic styles it needs.
#[derive(Default)]
struct Body {
    text: String,
    styles: String,
    tables: usize,
}

impl Body {
    /// One block; `paragraph` is the style of a paragraph inside a list or a quote.
    fn block(&mut self, block: &Block, paragraph: Option<&str>) {
        match block {
            Block::Heading(level, inlines) => {
                let level = (*level).clamp(1, 4);
                let _ = write!(
                    self.text,
                    "<text:h text:style-name=\"Heading_20_{level}\" text:outline-level=\"{level}\">"
                );
                inline(&mut self.text, inlines);
                self.text.push_str("</text:h>\n");
            }
            Block::Paragraph(inlines) => {
                self.paragraph(paragraph.unwrap_or("Text_20_body"), inlines);
            }
            Block::List { start, items } => {
                let style = if start.is_some() { "Numeros" } else { "Puces" };
                let _ = write!(self.text, "<text:list text:style-name=\"{style}\">");
                for (i, item) in items.iter().enumerate() {
                    match start {
                        Some(n) if i == 0 && *n != 1 => {
                            let _ = write!(self.text, "<text:list-item text:start-value=\"{n}\">");
                        }
                        _ => self.text.push_str("<text:list-item>"),
                    }
                    if item.is_empty() {
                        self.text
                            .push_str("<text:p text:style-name=\"List_20_Contents\"/>");
                    }
                    for b in item {
                        self.block(b, Some("List_20_Contents"));
                    }
                    self.text.push_str("</text:list-item>");
                }
                self.text.push_str("</text:list>\n");
            }
            Block::Table { right, head, rows } => self.table(right, head, rows),
            Block::Quote(blocks) => {
                for b in blocks {
                    self.block(b, Some("Quotations"));
                }
            }
            Block::Rule => self
                .text
                .push_str("<text:p text:style-name=\"Horizontal_20_Line\"/>\n"),
        }
    }

    fn paragraph(&mut self, style: &str, inlines: &Inlines) {
        let _ = write!(self.text, "<text:p text:style-name=\"{style}\">");
        inline(&mut self.text, inlines);
        self.text.push_str("</text:p>\n");
    }

    fn table(&mut self, right: &[bool], head: &[Inlines], rows: &[Vec<Inlines>]) {
        self.tables += 1;
        let name = format!("Tableau{}", self.tables);
        let _ = write!(
            self.styles,
            "  <style:style style:name=\"{name}\" style:family=\"table\">\
             <style:table-properties style:width=\"{TEXT_WIDTH_CM}cm\" table:align=\"margins\" \
             fo:margin-top=\"0.1cm\" fo:margin-bottom=\"0.3cm\"/></style:style>"
        );
        self.styles.push('\n');
        let _ = write!(
            self.text,
            "<table:table table:name=\"{name}\" table:style-name=\"{name}\">"
        );
        for (c, share) in column_shares(head, rows).iter().enumerate() {
            let _ = write!(
                self.styles,
                "  <style:style style:name=\"{name}.C{c}\" style:family=\"table-column\">\
                 <style:table-column-properties style:column-width=\"{:.2}cm\"/></style:style>",
                share * TEXT_WIDTH_CM
            );
            self.styles.push('\n');
            let _ = write!(
                self.text,
                "<table:table-column table:style-name=\"{name}.C{c}\"/>"
            );
        }
        let columns = column_count(head, rows);
        self.text.push_str("<table:table-header-rows>");
        self.row(head, columns, right, true);
        self.text.push_str("</table:table-header-rows>");
        for r in rows {
            self.row(r, columns, right, false);
        }
        self.text.push_str("</table:table>\n");
    }

    fn row(&mut self, cells: &[Inlines], columns: usize, right: &[bool], header: bool) {
        self.text.push_str("<table:table-row>");
        let empty = Inlines::new();
        for c in 0..columns {
            let cell = cells.get(c).unwrap_or(&empty);
            let cell_style = if header { "CelluleEntete" } else { "Cellule" };
            let style = match (header, right.get(c).copied().unwrap_or(false)) {
                (true, true) => "Table_20_Heading_20_Right",
                (true, false) => "Table_20_Heading",
                (false, true) => "Table_20_Contents_20_Right",
                (false, false) => "Table_20_Contents",
            };
            let _ = write!(
                self.text,
                "<table:table-cell table:style-name=\"{cell_style}\" office:value-type=\"string\">"
            );
            let _ = write!(self.text, "<text:p text:style-name=\"{style}\">");
            inline(&mut self.text, cell);
            self.text.push_str("</text:p></table:table-cell>");
        }
        self.text.push_str("</table:table-row>");
    }
}

/// Inline content: spans for emphasis, line breaks, and the text with its runs of
/// spaces kept (ODF collapses them otherwise).
fn inline(out: &mut String, inlines: &Inlines) {
    for i in inlines {
        match i {
            Inline::Break => out.push_str("<text:line-break/>"),
            Inline::Text { text, bold, italic } => {
                if *bold {
                    out.push_str("<text:span text:style-name=\"Strong_20_Emphasis\">");
                }
                if *italic {
                    out.push_str("<text:span text:style-name=\"Emphasis\">");
                }
                spaced(out, text);
                if *italic {
                    out.push_str("</text:span>");
                }
                if *bold {
                    out.push_str("</text:span>");
                }
            }
        }
    }
}

/// Escaped text where a space after a space, or at the start, is written `<text:s/>`.
fn spaced(out: &mut String, text: &str) {
    let mut previous_space = true;
    for (i, piece) in text.split(' ').enumerate() {
        if i > 0 {
            if previous_space {
                out.push_str("<text:s/>");
            } else {
                out.push(' ');
            }
        }
        previous_space = piece.is_empty();
        out.push_str(&escape(piece));
    }
}
