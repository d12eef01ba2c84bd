//! Editable documents: an OpenDocument Text (`.odt`) and an Office Open XML
//! (`.docx`) file made from a document's rendered Markdown, so that an association
//! can change a word before signing without retyping the document.
//!
//! The Markdown is read once with pulldown-cmark into a small block model ([`Block`],
//! [`Inline`]): headings, paragraphs, bold and italic, lists, tables with their header
//! row, quotes and rules — what the templates produce. Each writer (`odt.rs`,
//! `docx.rs`) turns the model into its XML by hand and packs it with the `zip` crate,
//! in memory: the conversion is pure, bytes in, bytes out.
//!
//! Data is text here too: every run goes through [`escape`], so a need's title such as
//! `<w:p>&"'` is printed, never read as markup. Links keep their text (and their
//! address, for `http`, `https` and `mailto` ones); an image becomes its description;
//! raw HTML is shown as text, as in the HTML version. Non-breaking spaces (U+00A0,
//! U+202F) stay as they are, so an amount never breaks across lines.

mod docx;
mod odt;

#[cfg(test)]
mod tests;

use pulldown_cmark::{Alignment, Event, Options, Parser, Tag, TagEnd};

use super::markdown::allowed_url;

pub(super) use docx::{MEDIA_TYPE as DOCX_MEDIA_TYPE, to_docx};
pub(super) use odt::{MEDIA_TYPE as ODT_MEDIA_TYPE, to_odt};

/// A piece of a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Inline {
    /// Text with its emphasis.
    Text {
        /// The text, tabs and newlines already turned into spaces and breaks.
        text: String,
        /// Strong emphasis (`**x**`).
        bold: bool,
        /// Emphasis (`*x*`).
        italic: bool,
    },
    /// A line break inside the paragraph.
    Break,
}

/// A table cell, a heading or a paragraph: inline content.
pub(super) type Inlines = Vec<Inline>;

/// A block of the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Block {
    /// A heading, level 1 to 6.
    Heading(u8, Inlines),
    /// A paragraph.
    Paragraph(Inlines),
    /// A list; `start` is the first number of an ordered list, `None` for bullets.
    List {
        /// The first number, for an ordered list.
        start: Option<u64>,
        /// The items, each made of blocks (a paragraph, then maybe a nested list).
        items: Vec<Vec<Block>>,
    },
    /// A table: the header row, then the body rows.
    Table {
        /// Right-aligned columns (amounts), by column.
        right: Vec<bool>,
        /// The header row.
        head: Vec<Inlines>,
        /// The body rows.
        rows: Vec<Vec<Inlines>>,
    },
    /// A quotation.
    Quote(Vec<Block>),
    /// A thematic break.
    Rule,
}

/// A container being read.
enum Open {
    Blocks(Vec<Block>),
    Quote(Vec<Block>),
    List {
        start: Option<u64>,
        items: Vec<Vec<Block>>,
    },
    Item(Vec<Block>),
    Table {
        right: Vec<bool>,
        head: Vec<Inlines>,
        rows: Vec<Vec<Inlines>>,
        row: Vec<Inlines>,
    },
}

/// Reads the Markdown events into blocks.
struct Reader {
    stack: Vec<Open>,
    inlines: Inlines,
    bold: usize,
    italic: usize,
    /// Inside a code or HTML block: newlines are line breaks.
    literal: bool,
    /// Open links: the address to print after the text, if any, and where the text
    /// starts (in bytes of the paragraph's plain text).
    links: Vec<(Option<String>, usize)>,
}

impl Reader {
    fn new() -> Self {
        Self {
            stack: vec![Open::Blocks(Vec::new())],
            inlines: Vec::new(),
            bold: 0,
            italic: 0,
            literal: false,
            links: Vec::new(),
        }
    }

    /// Adds a finished block to the innermost container that holds blocks.
    fn push_block(&mut self, block: Block) {
        match self.stack.last_mut() {
            Some(Open::Blocks(b) | Open::Quote(b) | Open::Item(b)) => b.push(block),
            // Not produced by pulldown-cmark: a list holds items, a table cells.
            Some(Open::List { items, .. }) => items.push(vec![block]),
            Some(Open::Table { .. }) | None => {}
        }
    }

    /// Text waiting outside a paragraph (a tight list item's) becomes one.
    fn flush(&mut self) {
        if !self.inlines.is_empty() {
            let inlines = std::mem::take(&mut self.inlines);
            self.push_block(Block::Paragraph(inlines));
        }
    }

    fn text(&mut self, text: &str) {
        let (bold, italic) = (self.bold > 0, self.italic > 0);
        let mut lines = text.split('\n').peekable();
        while let Some(line) = lines.next() {
            let line = line.replace(['\t', '\r'], " ");
            if !line.is_empty() {
                match self.inlines.last_mut() {
                    Some(Inline::Text {
                        text,
                        bold: b,
                        italic: i,
                    }) if *b == bold && *i == italic => text.push_str(&line),
                    _ => self.inlines.push(Inline::Text {
                        text: line,
                        bold,
                        italic,
                    }),
                }
            }
            if lines.peek().is_some() {
                if self.literal {
                    self.inlines.push(Inline::Break);
                } else {
                    self.text(" ");
                }
            }
        }
    }

    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                self.text(&t);
            }
            Event::SoftBreak => self.text(" "),
            Event::HardBreak => self.inlines.push(Inline::Break),
            Event::Rule => {
                self.flush();
                self.push_block(Block::Rule);
            }
            _ => {}
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        match tag {
            Tag::Paragraph | Tag::Heading { .. } => self.flush(),
            Tag::CodeBlock(_) | Tag::HtmlBlock => {
                self.flush();
                self.literal = true;
            }
            Tag::BlockQuote(_) => {
                self.flush();
                self.stack.push(Open::Quote(Vec::new()));
            }
            Tag::List(start) => {
                self.flush();
                self.stack.push(Open::List {
                    start,
                    items: Vec::new(),
                });
            }
            Tag::Item => self.stack.push(Open::Item(Vec::new())),
            Tag::Table(aligns) => {
                self.flush();
                self.stack.push(Open::Table {
                    right: aligns.iter().map(|a| *a == Alignment::Right).collect(),
                    head: Vec::new(),
                    rows: Vec::new(),
                    row: Vec::new(),
                });
            }
            Tag::TableCell => self.inlines.clear(),
            Tag::Strong => self.bold += 1,
            Tag::Emphasis => self.italic += 1,
            Tag::Link { dest_url, .. } => {
                let shown =
                    (allowed_url(&dest_url) && !dest_url.is_empty()).then(|| dest_url.to_string());
                self.links.push((shown, self.plain().len()));
            }
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph => self.flush(),
            TagEnd::Heading(level) => {
                let inlines = std::mem::take(&mut self.inlines);
                self.push_block(Block::Heading(level as u8, inlines));
            }
            TagEnd::CodeBlock | TagEnd::HtmlBlock => {
                while self.inlines.last() == Some(&Inline::Break) {
                    self.inlines.pop();
                }
                self.flush();
                self.literal = false;
            }
            TagEnd::BlockQuote(_) => {
                self.flush();
                if let Some(Open::Quote(blocks)) = self.stack.pop() {
                    self.push_block(Block::Quote(blocks));
                }
            }
            TagEnd::List(_) => {
                self.flush();
                if let Some(Open::List { start, items }) = self.stack.pop() {
                    self.push_block(Block::List { start, items });
                }
            }
            TagEnd::Item => {
                self.flush();
                if let Some(Open::Item(blocks)) = self.stack.pop()
                    && let Some(Open::List { items, .. }) = self.stack.last_mut()
                {
                    items.push(blocks);
                }
            }
            TagEnd::TableCell => {
                let cell = std::mem::take(&mut self.inlines);
                if let Some(Open::Table { row, .. }) = self.stack.last_mut() {
                    row.push(cell);
                }
            }
            TagEnd::TableHead => {
                if let Some(Open::Table { head, row, .. }) = self.stack.last_mut() {
                    *head = std::mem::take(row);
                }
            }
            TagEnd::TableRow => {
                if let Some(Open::Table { rows, row, .. }) = self.stack.last_mut() {
                    rows.push(std::mem::take(row));
                }
            }
            TagEnd::Table => {
                if let Some(Open::Table {
                    right, head, rows, ..
                }) = self.stack.pop()
                {
                    self.push_block(Block::Table { right, head, rows });
                }
            }
            TagEnd::Strong => self.bold = self.bold.saturating_sub(1),
            TagEnd::Emphasis => self.italic = self.italic.saturating_sub(1),
            TagEnd::Link => {
                if let Some((Some(url), from)) = self.links.pop() {
                    let plain = self.plain();
                    let text = plain.get(from..).unwrap_or_default();
                    // An address written out (`<https://…>`) is not repeated.
                    if text.trim() != url.trim_start_matches("mailto:") {
                        let (bold, italic) = (self.bold, self.italic);
                        self.bold = 0;
                        self.italic = 0;
                        self.text(&format!(" ({url})"));
                        (self.bold, self.italic) = (bold, italic);
                    }
                }
            }
            _ => {}
        }
    }

    /// The plain text of the paragraph being read.
    fn plain(&self) -> String {
        self.inlines.iter().map(inline_text).collect()
    }

    fn finish(mut self) -> Vec<Block> {
        self.flush();
        while self.stack.len() > 1 {
            // Unbalanced events do not happen; close what is open all the same.
            match self.stack.pop() {
                Some(Open::Quote(b) | Open::Item(b) | Open::Blocks(b)) => {
                    for block in b {
                        self.push_block(block);
                    }
                }
                Some(Open::List { start, items }) => self.push_block(Block::List { start, items }),
                Some(Open::Table {
                    right, head, rows, ..
                }) => self.push_block(Block::Table { right, head, rows }),
                None => {}
            }
        }
        match self.stack.pop() {
            Some(Open::Blocks(blocks)) => blocks,
            _ => Vec::new(),
        }
    }
}

/// The plain text of an inline.
fn inline_text(inline: &Inline) -> &str {
    match inline {
        Inline::Text { text, .. } => text,
        Inline::Break => " ",
    }
}

/// The document's blocks, read from its Markdown (tables enabled, as for HTML).
pub(super) fn blocks(markdown: &str) -> Vec<Block> {
    let mut reader = Reader::new();
    for event in Parser::new_ext(markdown, Options::ENABLE_TABLES) {
        reader.event(event);
    }
    reader.finish()
}

/// `text` as XML character data or attribute value: the five special characters
/// escaped, and the characters XML 1.0 forbids (control characters but tab, line feed
/// and carriage return; U+FFFE, U+FFFF) left out. Everything else, non-breaking spaces
/// included, is kept as it is.
pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// The share of the text width each column of a table gets: by the longest text of
/// the column, within bounds, so that an amount or a date fits on one line and a long
/// explanation gets the room left.
pub(super) fn column_shares(head: &[Inlines], rows: &[Vec<Inlines>]) -> Vec<f64> {
    let width =
        |cell: &Inlines| -> usize { cell.iter().map(|i| inline_text(i).chars().count()).sum() };
    let weights: Vec<f64> = (0..column_count(head, rows))
        .map(|c| {
            let longest = std::iter::once(head)
                .chain(rows.iter().map(Vec::as_slice))
                .filter_map(|r| r.get(c))
                .map(width)
                .max()
                .unwrap_or(0);
            longest.clamp(6, 45) as f64
        })
        .collect();
    let total: f64 = weights.iter().sum();
    weights.iter().map(|w| w / total.max(1.0)).collect()
}

/// How many columns a table has: its widest row.
pub(super) fn column_count(head: &[Inlines], rows: &[Vec<Inlines>]) -> usize {
    rows.iter()
        .map(Vec::len)
        .chain([head.len()])
        .max()
        .unwrap_or(0)
}

/// The ZIP container's failure (writing into memory: not expected to happen).
pub(super) fn zip_failure(format: &str, e: &dyn std::fmt::Display) -> super::DocumentError {
    super::DocumentError::Office {
        format: format.to_owned(),
        message: e.to_string(),
    }
}
