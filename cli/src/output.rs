//! Writing to standard output: plain lines, tables, JSON and CSV.

use std::fmt::Arguments;
use std::io::{self, BufWriter, StdoutLock, Write};
use std::path::Path;

use anyhow::Context as _;

use comfy_table::{ContentArrangement, Table, presets::UTF8_FULL_CONDENSED};
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

    pub fn table(&mut self, table: &Table) -> io::Result<()> {
        self.line(format_args!("{table}"))
    }

    pub fn csv(&mut self, header: &[String], rows: &[Vec<String>]) -> anyhow::Result<()> {
        let mut w = csv::Writer::from_writer(&mut self.inner);
        w.write_record(header)?;
        for row in rows {
            w.write_record(row)?;
        }
        w.flush()?;
        drop(w);
        self.inner.flush()?;
        Ok(())
    }
}

/// A table for people: condensed borders, wrapped to the terminal when there is one.
pub fn table(header: &[&str]) -> Table {
    let mut t = Table::new();
    t.load_style(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_header(header.to_vec());
    t
}

/// The snake_case word serde writes for a unit enum variant (`public_agent`).
pub fn word<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

/// How a record is named in tables: an expert with their employer (or status), an offer
/// with its company, a need by its title, an association by its name.
pub fn record_name(r: &explor_engine::Record) -> String {
    use explor_engine::Record;
    match r {
        Record::Expert(e) => match &e.employer {
            Some(emp) => format!("{} ({})", e.name, emp.name),
            None => format!("{} ({})", e.name, word(&e.status)),
        },
        Record::Offer(o) => format!("{} — {}", o.company.name, o.title),
        Record::Need(n) => n.title.clone(),
        Record::Association(a) => a.name.clone(),
    }
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
        builder.permissions(
            std::fs::metadata(path)
                .map(|m| m.permissions())
                .unwrap_or_else(|_| std::fs::Permissions::from_mode(0o666)),
        );
    }
    let mut file = builder.tempfile_in(dir).with_context(context)?;
    file.write_all(bytes).with_context(context)?;
    file.as_file().sync_all().with_context(context)?;
    file.persist(path)
        .map_err(|e| e.error)
        .with_context(context)?;
    Ok(())
}
