//! The Office Open XML writer (`.docx`, WordprocessingML): `[Content_Types].xml`,
//! `_rels/.rels`, `word/document.xml` (the text), `word/styles.xml` (fonts, headings,
//! tables with borders), `word/numbering.xml` (bullets and numbers) and the document's
//! relationships to them.

use std::fmt::Write as _;
use std::io::{Cursor, Write as _};

use zip::CompressionMethod;
use zip::write::{SimpleFileOptions, ZipWriter};

use super::{Block, Inline, Inlines, column_count, column_shares, escape, zip_failure};
use crate::mission::documents::DocumentError;

/// The media type of a `.docx` file.
pub(in crate::mission::documents) const MEDIA_TYPE: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/// The text width of an A4 page (11906 twips) with 2 cm (1134 twips) margins.
const TEXT_WIDTH_TWIPS: f64 = 9638.0;

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>
"#;

const RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>
"#;

const DOCUMENT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>
"#;

/// Borders of every table: thin, black, inside and out.
const BORDERS: &str = r#"<w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:left w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:right w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="000000"/></w:tblBorders>"#;

/// The styles: Calibri (Word's own, with the French glyphs: « », œ, the narrow
/// no-break space) at 10.5 pt in French; headings that stay with their text; a table
/// style with borders and cell margins.
fn styles() -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="{W}"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:eastAsia="Calibri" w:cs="Calibri"/><w:sz w:val="21"/><w:szCs w:val="21"/><w:lang w:val="fr-FR" w:eastAsia="fr-FR" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="0" w:after="200"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:color w:val="1F3864"/><w:sz w:val="34"/><w:szCs w:val="34"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="260" w:after="120"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:color w:val="1F3864"/><w:sz w:val="27"/><w:szCs w:val="27"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="200" w:after="100"/><w:outlineLvl w:val="2"/></w:pPr><w:rPr><w:b/><w:color w:val="1F3864"/><w:sz w:val="23"/><w:szCs w:val="23"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading4"><w:name w:val="heading 4"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="160" w:after="80"/><w:outlineLvl w:val="3"/></w:pPr><w:rPr><w:b/><w:i/><w:color w:val="1F3864"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="60"/><w:ind w:left="720"/></w:pPr></w:style><w:style w:type="paragraph" w:styleId="Quote"><w:name w:val="Quote"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:pBdr><w:left w:val="single" w:sz="12" w:space="6" w:color="8EAADB"/></w:pBdr><w:ind w:left="340" w:right="340"/></w:pPr></w:style><w:style w:type="paragraph" w:styleId="TableContents"><w:name w:val="Table Contents"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:style><w:style w:type="paragraph" w:styleId="TableHeading"><w:name w:val="Table Heading"/><w:basedOn w:val="TableContents"/><w:rPr><w:b/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="HorizontalLine"><w:name w:val="Horizontal Line"/><w:basedOn w:val="Normal"/><w:pPr><w:pBdr><w:bottom w:val="single" w:sz="4" w:space="1" w:color="808080"/></w:pBdr></w:pPr></w:style><w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style><w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:tblPr>{BORDERS}<w:tblCellMar><w:top w:w="57" w:type="dxa"/><w:left w:w="85" w:type="dxa"/><w:bottom w:w="57" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style></w:styles>
"#
    )
}

/// One list level's definition: its number format, text and indent.
fn level(ilvl: usize, format: &str, text: &str) -> String {
    let left = 360 * (ilvl + 1);
    format!(
        r#"<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{format}"/><w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="{left}" w:hanging="360"/></w:pPr></w:lvl>"#
    )
}

/// Bullets (abstract 0, used by num 1) and numbers (abstract 1): every numbered list
/// gets a num of its own that starts at its first number.
fn numbering(ordered: &[(usize, u64)]) -> String {
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:numbering xmlns:w=\"{W}\">"
    );
    out.push_str(
        r#"<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="hybridMultilevel"/>"#,
    );
    for (ilvl, bullet) in ["•", "–", "▪"].iter().enumerate() {
        out.push_str(&level(ilvl, "bullet", bullet));
    }
    out.push_str(r#"</w:abstractNum><w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="hybridMultilevel"/>"#);
    for (ilvl, format) in ["decimal", "lowerLetter", "lowerRoman"].iter().enumerate() {
        let text = if ilvl == 1 {
            format!("%{})", ilvl + 1)
        } else {
            format!("%{}.", ilvl + 1)
        };
        out.push_str(&level(ilvl, format, &text));
    }
    out.push_str(r#"</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>"#);
    for (i, (ilvl, start)) in ordered.iter().enumerate() {
        let _ = write!(
            out,
            r#"<w:num w:numId="{}"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="{ilvl}"><w:startOverride w:val="{start}"/></w:lvlOverride></w:num>"#,
            i + 2
        );
    }
    out.push_str("</w:numbering>\n");
    out
}

fn core(title: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>{}</dc:title><dc:language>fr-FR</dc:language><dc:creator>explor</dc:creator></cp:coreProperties>
"#,
        escape(title)
    )
}

/// The `.docx` file of a document's blocks; `title` goes into its properties.
pub(in crate::mission::documents) fn to_docx(
    blocks: &[Block],
    title: &str,
) -> Result<Vec<u8>, DocumentError> {
    let fail = |e: &dyn std::fmt::Display| zip_failure("docx", e);
    let mut body = Body::default();
    for block in blocks {
        body.block(block, 0);
    }
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"{W}\"><w:body>{}\
         <w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1134\" w:right=\"1134\" \
         w:bottom=\"1134\" w:left=\"1134\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/></w:sectPr>\
         </w:body></w:document>\n",
        body.text
    );
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    let parts = [
        ("[Content_Types].xml", CONTENT_TYPES.to_owned()),
        ("_rels/.rels", RELS.to_owned()),
        ("docProps/core.xml", core(title)),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS.to_owned()),
        ("word/document.xml", document),
        ("word/styles.xml", styles()),
        ("word/numbering.xml", numbering(&body.ordered)),
    ];
    for (name, text) in parts {
        zip.start_file(name, options).map_err(|e| fail(&e))?;
        zip.write_all(text.as_bytes()).map_err(|e| fail(&e))?;
    }
    Ok(zip.finish().map_err(|e| fail(&e))?.into_inner())
}

/// The list a paragraph belongs to: its num and level.
#[derive(Clone, Copy)]
struct ListLevel {
    num: usize,
    ilvl: usize,
}

/// The body being written, and the numbered lists it holds.
#[derive(Default)]
struct Body {
    text: String,
    /// Each numbered list: its level and first number (num ids 2, 3, …).
    ordered: Vec<(usize, u64)>,
}

impl Body {
    /// One block; `depth`: how deep lists nest.
    fn block(&mut self, block: &Block, depth: usize) {
        match block {
            Block::Heading(level, inlines) => {
                let style = format!("Heading{}", (*level).clamp(1, 4));
                self.paragraph(Some(&style), None, false, inlines);
            }
            Block::Paragraph(inlines) => self.paragraph(None, None, false, inlines),
            Block::List { start, items } => {
                let ilvl = depth.min(2);
                let num = match start {
                    Some(n) => {
                        self.ordered.push((ilvl, *n));
                        self.ordered.len() + 1
                    }
                    None => 1,
                };
                let level = ListLevel { num, ilvl };
                for item in items {
                    for (j, b) in item.iter().enumerate() {
                        match b {
                            // The number or bullet goes on the item's first paragraph.
                            Block::Paragraph(inlines) => self.paragraph(
                                Some("ListParagraph"),
                                (j == 0).then_some(level),
                                false,
                                inlines,
                            ),
                            other => self.block(other, depth + 1),
                        }
                    }
                }
            }
            Block::Table { right, head, rows } => self.table(right, head, rows),
            Block::Quote(blocks) => {
                for b in blocks {
                    match b {
                        Block::Paragraph(inlines) => {
                            self.paragraph(Some("Quote"), None, false, inlines);
                        }
                        other => self.block(other, depth),
                    }
                }
            }
            Block::Rule => self.paragraph(Some("HorizontalLine"), None, false, &Vec::new()),
        }
    }

    fn paragraph(
        &mut self,
        style: Option<&str>,
        list: Option<ListLevel>,
        right: bool,
        inlines: &Inlines,
    ) {
        self.text.push_str("<w:p>");
        if style.is_some() || list.is_some() || right {
            self.text.push_str("<w:pPr>");
            if let Some(style) = style {
                let _ = write!(self.text, "<w:pStyle w:val=\"{style}\"/>");
            }
            if let Some(ListLevel { num, ilvl }) = list {
                let _ = write!(
                    self.text,
                    "<w:numPr><w:ilvl w:val=\"{ilvl}\"/><w:numId w:val=\"{num}\"/></w:numPr>"
                );
            }
            if right {
                self.text.push_str("<w:jc w:val=\"right\"/>");
            }
            self.text.push_str("</w:pPr>");
        }
        runs(&mut self.text, inlines);
        self.text.push_str("</w:p>");
    }

    fn table(&mut self, right: &[bool], head: &[Inlines], rows: &[Vec<Inlines>]) {
        let widths: Vec<u32> = column_shares(head, rows)
            .iter()
            .map(|s| (s * TEXT_WIDTH_TWIPS).round() as u32)
            .collect();
        let _ = write!(
            self.text,
            "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"{}\" w:type=\"dxa\"/>\
             {BORDERS}<w:tblLayout w:type=\"fixed\"/><w:tblLook w:val=\"0420\" w:firstRow=\"1\" \
             w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"0\" w:noVBand=\"1\"/>\
             </w:tblPr><w:tblGrid>",
            TEXT_WIDTH_TWIPS as u32
        );
        for w in &widths {
            let _ = write!(self.text, "<w:gridCol w:w=\"{w}\"/>");
        }
        self.text.push_str("</w:tblGrid>");
        let columns = column_count(head, rows);
        self.row(head, columns, &widths, right, true);
        for r in rows {
            self.row(r, columns, &widths, right, false);
        }
        // Two tables in a row would merge: a paragraph after each keeps them apart.
        self.text.push_str("</w:tbl><w:p/>");
    }

    fn row(
        &mut self,
        cells: &[Inlines],
        columns: usize,
        widths: &[u32],
        right: &[bool],
        header: bool,
    ) {
        self.text.push_str("<w:tr>");
        if header {
            // Repeated at the top of each page; never split across pages.
            self.text
                .push_str("<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>");
        } else {
            self.text.push_str("<w:trPr><w:cantSplit/></w:trPr>");
        }
        let empty = Inlines::new();
        for c in 0..columns {
            let width = widths.get(c).copied().unwrap_or(0);
            let _ = write!(
                self.text,
                "<w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\"/>"
            );
            if header {
                self.text
                    .push_str("<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"E7E6E6\"/>");
            }
            self.text.push_str("</w:tcPr>");
            let style = if header {
                "TableHeading"
            } else {
                "TableContents"
            };
            let right = right.get(c).copied().unwrap_or(false);
            self.paragraph(Some(style), None, right, cells.get(c).unwrap_or(&empty));
            self.text.push_str("</w:tc>");
        }
        self.text.push_str("</w:tr>");
    }
}

/// Inline content as runs: bold and italic as run properties, text kept with its
/// spaces.
fn runs(out: &mut String, inlines: &Inlines) {
    for i in inlines {
        match i {
            Inline::Break => out.push_str("<w:r><w:br/></w:r>"),
            Inline::Text { text, bold, italic } => {
                out.push_str("<w:r>");
                if *bold || *italic {
                    out.push_str("<w:rPr>");
                    if *bold {
                        out.push_str("<w:b/><w:bCs/>");
                    }
                    if *italic {
                        out.push_str("<w:i/><w:iCs/>");
                    }
                    out.push_str("</w:rPr>");
                }
                let _ = write!(
                    out,
                    "<w:t xml:space=\"preserve\">{}</w:t></w:r>",
                    escape(text)
                );
            }
        }
    }
}
