//! Writing to standard output: plain lines, tables, JSON and CSV.

use std::fmt::Arguments;
use std::io::{self, BufWriter, StdoutLock, Write};
use std::path::Path;

use anyhow::Context as _;

use comfy_table::{ContentArrangement, Table, presets::UTF8_FULL_CONDENSED};
use explor_views::Table as View;
use serde::Serialize;

/// Buffered standard output; errors (a closed pipe among them) go up to `main`.
pub struct Out {
    inner: BufWriter<StdoutLock<'static>>,
}

pub fn stdout() -> Out {
    Out {
        inner: BufWriter::new(io::stdout().lock()),
    }
}

impl Out {
    pub fn line(&mut self, args: Arguments<'_>) -> io::Result<()> {
        self.inner.write_fmt(args)?;
        self.inner.write_all(b"\n")?;
        self.inner.flush()
    }

    pub fn text(&mut self, text: &str) -> io::Result<()> {
        self.inner.write_all(text.as_bytes())?;
        self.inner.flush()
    }

    pub fn json<T: Serialize + ?Sized>(&mut self, value: &T) -> anyhow::Result<()> {
        serde_json::to_writer_pretty(&mut self.inner, value)?;
        self.inner.write_all(b"\n")?;
        self.inner.flush()?;
        Ok(())
    }

    /// A view's table, drawn for a terminal.
    pub fn table(&mut self, table: &View) -> io::Result<()> {
        self.line(format_args!("{}", draw(table, true)))
    }

    /// A view's table as CSV.
    pub fn csv(&mut self, table: &View) -> anyhow::Result<()> {
        self.text(&table.to_csv()?)?;
        Ok(())
    }

    /// Lines, each ended by a newline.
    pub fn lines<S: AsRef<str>>(&mut self, lines: &[S]) -> io::Result<()> {
        for l in lines {
            self.line(format_args!("{}", l.as_ref()))?;
        }
        Ok(())
    }
}

/// A view's table for people: condensed borders; `wrap`: fitted to the terminal when
/// there is one (not for a file).
pub fn draw(view: &View, wrap: bool) -> Table {
    let mut t = Table::new();
    t.load_style(UTF8_FULL_CONDENSED)
        .set_content_arrangement(if wrap {
            ContentArrangement::Dynamic
        } else {
            ContentArrangement::Disabled
        })
        .set_header(view.header.clone());
    for row in &view.rows {
        t.add_row(row.clone());
    }
    t
}

/// Writes `bytes` to a temporary file beside `path`, then renames it over `path`: a
/// reader sees the old file or the whole new one, never a part.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let context = || format!("cannot write {}", path.display());
    let mut builder = tempfile::Builder::new();
    builder.prefix(".explor-").suffix(".tmp");
    #[cfg(unix)]
    {
        // Those of the file replaced, or those of a new file (the umask applies): not
        // the owner-only mode of temporary files.
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::metadata(path).map_or_else(
            |_| std::fs::Permissions::from_mode(0o666),
            |m| m.permissions(),
        ));
    }
    let mut file = builder.tempfile_in(dir).with_context(context)?;
    file.write_all(bytes).with_context(context)?;
    file.as_file().sync_all().with_context(context)?;
    file.persist(path)
        .map_err(|e| e.error)
        .with_context(context)?;
    Ok(())
}
