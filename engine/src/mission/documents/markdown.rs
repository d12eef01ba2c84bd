//! Data is text: every value a Markdown template prints is escaped so that only the
//! template makes structure, and the HTML made from the Markdown carries no raw HTML,
//! no image and no link but to `http`, `https` and `mailto` addresses.
//!
//! A need's description is written by an association; printed as it is, `# titre`
//! would become a heading, `[x](javascript:…)` a link that runs code, `![](http://…)`
//! an image fetched from elsewhere when the document is opened.

use minijinja::{AutoEscape, Error, Output, State, Value};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// The name of the auto-escape mode of the `.md.j2` templates.
const MARKDOWN: &str = "markdown";

/// The auto-escape mode of a template, by file name: HTML for the page, Markdown for
/// the documents.
pub(super) fn auto_escape(name: &str) -> AutoEscape {
    if name.ends_with(".html.j2") {
        AutoEscape::Html
    } else {
        AutoEscape::Custom(MARKDOWN.into())
    }
}

/// The environment's formatter: a text printed by a Markdown template is escaped
/// ([`escape`]); a value marked safe (the `cell` filter's output) and numbers are
/// printed as they are; the HTML page keeps minijinja's HTML escaping.
pub(super) fn formatter(out: &mut Output, state: &mut State, value: &Value) -> Result<(), Error> {
    match state.auto_escape() {
        AutoEscape::Custom(mode) if mode == MARKDOWN => {
            let text = match value.as_str() {
                Some(s) if !value.is_safe() => escape(s),
                _ => value.to_string(),
            };
            out.write_str(&text).map_err(Error::from)
        }
        _ => minijinja::escape_formatter(out, state, value),
    }
}

/// Characters that make structure wherever they stand.
const INLINE: [char; 7] = ['\\', '`', '*', '_', '[', ']', '|'];

/// `text` as literal Markdown text: a backslash before every character that could
/// start structure (emphasis, code, links, images, tables, raw HTML, entities), and
/// before what would open a block at the start of a line (heading, quote, list item,
/// rule, fence); indentation that would make a code block is dropped.
///
/// Ordinary prose (accents, apostrophes, dashes, `«»`, `:` …) is left untouched, so a
/// document whose data holds none of these characters reads as before.
pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        // A continuation line indented by four spaces would be a code block.
        let line = if i > 0 { line.trim_start() } else { line };
        escape_line_start(line, &mut out);
    }
    out
}

/// One line of a value: its start, then the rest character by character.
fn escape_line_start(line: &str, out: &mut String) {
    let mut chars = line.chars();
    let first = chars.next();
    let second = chars.next();
    let spaced = second.is_none_or(|c| c == ' ' || c == '\t');
    // `---`, `===`, `- - -`: a rule, or the underline of a heading.
    let rule = |marks: &[char]| {
        !line.trim().is_empty() && line.chars().all(|c| marks.contains(&c) || c == ' ')
    };
    let rest = match first {
        // A heading, a quote, a fence.
        Some(c @ ('#' | '>')) => Some(c),
        Some('~') if line.starts_with("~~~") => Some('~'),
        // A list item or a rule.
        Some(c @ ('-' | '+')) if spaced || rule(&['-', '+']) => Some(c),
        Some('=') if rule(&['=']) => Some('='),
        _ => None,
    };
    let rest = match rest {
        Some(c) => {
            out.push('\\');
            out.push(c);
            &line[c.len_utf8()..]
        }
        None => ordered_marker(line, out),
    };
    escape_inline(rest, out);
}

/// `1. ` or `1) ` would open an ordered list: the digits are written with the marker
/// escaped, and the rest of the line returned.
fn ordered_marker<'l>(line: &'l str, out: &mut String) -> &'l str {
    let digits = line.len() - line.trim_start_matches(|d: char| d.is_ascii_digit()).len();
    let (number, after) = line.split_at(digits);
    match after.chars().next() {
        Some(m @ ('.' | ')'))
            if digits > 0 && (after[1..].is_empty() || after[1..].starts_with([' ', '\t'])) =>
        {
            out.push_str(number);
            out.push('\\');
            out.push(m);
            &after[1..]
        }
        _ => line,
    }
}

fn escape_inline(text: &str, out: &mut String) {
    for (i, c) in text.char_indices() {
        let escaped = INLINE.contains(&c)
            // `<b>` or `<http://…>`: raw HTML or an autolink.
            || c == '<'
            // `&lt;`, `&#60;`: an entity would print another character.
            || (c == '&' && starts_entity(&text[i + 1..]));
        if escaped {
            out.push('\\');
        }
        out.push(c);
    }
}

/// Whether `rest` (what follows a `&`) reads as an entity: `name;` or `#digits;`.
fn starts_entity(rest: &str) -> bool {
    let body = rest.split(';').next().unwrap_or_default();
    rest.len() > body.len()
        && !body.is_empty()
        && body.len() <= 32
        && body
            .trim_start_matches('#')
            .chars()
            .all(|c| c.is_ascii_alphanumeric())
}

/// A link's address that a document may carry: `http`, `https`, `mailto`, or one with
/// no scheme at all (`#section`, `annexe.html`).
pub(super) fn allowed_url(url: &str) -> bool {
    let end = url.find([':', '/', '?', '#']).unwrap_or(url.len());
    match url[end..].starts_with(':') {
        false => true,
        true => {
            let scheme = url[..end].to_ascii_lowercase();
            matches!(scheme.as_str(), "http" | "https" | "mailto")
        }
    }
}

/// Markdown to HTML, tables enabled. Raw HTML is shown as text, not passed through;
/// an image is replaced by its description; a link to another scheme
/// (`javascript:`, `data:`, `file:` …) keeps its text and loses its address.
pub(super) fn to_html(markdown: &str) -> String {
    let mut dropped_link = false;
    let parser =
        Parser::new_ext(markdown, Options::ENABLE_TABLES).filter_map(|event| match event {
            Event::Html(text) | Event::InlineHtml(text) => Some(Event::Text(text)),
            Event::Start(Tag::Image { .. }) | Event::End(TagEnd::Image) => None,
            Event::Start(Tag::Link { ref dest_url, .. }) if !allowed_url(dest_url) => {
                dropped_link = true;
                None
            }
            Event::End(TagEnd::Link) if dropped_link => {
                dropped_link = false;
                None
            }
            other => Some(other),
        });
    let mut html = String::with_capacity(markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, parser);
    html
}

/// The `cell` filter: text made safe for a Markdown table cell: on one line, escaped
/// (a cell holds inline text only, so the start of a line opens nothing there).
pub(super) fn cell(text: &str) -> Value {
    // No-break spaces stay: they keep an amount (`1 400,00 €`) on one line.
    let one_line = text
        .split(|c: char| c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{202f}' | '\u{2007}'))
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let mut out = String::with_capacity(one_line.len() + 8);
    escape_inline(&one_line, &mut out);
    Value::from_safe_string(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prose_is_left_alone() {
        for text in [
            "Diagnostic de la filière déchets d'un quartier de Kinshasa",
            "« Zéro dépôt sauvage » : caractérisation des flux, 10 ans d'expérience.",
            "Haute-Garonne (31)",
            "1 234,50 €",
            "2027-03-01",
            "Eau & Vie",
        ] {
            assert_eq!(escape(text), text);
        }
    }

    #[test]
    fn what_would_make_structure_is_escaped() {
        assert_eq!(escape("# titre"), "\\# titre");
        assert_eq!(escape("a\n# titre\n    code"), "a\n\\# titre\ncode");
        assert_eq!(
            escape("[x](javascript:alert(1))"),
            "\\[x\\](javascript:alert(1))"
        );
        assert_eq!(
            escape("![img](http://remote/x.png)"),
            "!\\[img\\](http://remote/x.png)"
        );
        assert_eq!(escape("| a | b |"), "\\| a \\| b \\|");
        assert_eq!(escape("<b>gras</b> &lt;"), "\\<b>gras\\</b> \\&lt;");
        assert_eq!(escape("1. un\n2) deux"), "1\\. un\n2\\) deux");
        assert_eq!(escape("- point\n> cite"), "\\- point\n\\> cite");
        assert_eq!(escape("a\n---\n==="), "a\n\\---\n\\===");
        assert_eq!(escape("+33 1 53 59 11 10"), "+33 1 53 59 11 10");
        assert_eq!(escape("-12 €"), "-12 €");
        assert_eq!(escape("*a* _b_ `c`"), "\\*a\\* \\_b\\_ \\`c\\`");
    }

    #[test]
    fn escaped_text_renders_as_the_same_text() {
        let hostile = "# t [x](javascript:alert(1)) ![i](http://r/x.png) | c | <b>b</b> *e* &amp;";
        let html = to_html(&escape(hostile));
        assert!(!html.contains("<a") && !html.contains("<img") && !html.contains("<h1"));
        assert!(!html.contains("<b>") && !html.contains("<em>") && !html.contains("<table"));
        assert!(html.contains("[x](javascript:alert(1))"), "{html}");
    }

    #[test]
    fn html_keeps_web_links_only_and_drops_images() {
        let html = to_html(
            "[a](https://x.example) [b](javascript:alert(1)) [c](mailto:a@b.example) ![d](http://r/x.png) <i>raw</i>",
        );
        assert!(
            html.contains("<a href=\"https://x.example\">a</a>"),
            "{html}"
        );
        assert!(
            html.contains("<a href=\"mailto:a@b.example\">c</a>"),
            "{html}"
        );
        assert!(!html.contains("javascript"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(html.contains("&lt;i&gt;raw"), "{html}");
    }
}
