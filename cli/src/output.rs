//! Writing to standard output: plain lines, tables, JSON and CSV.
//!
//! Text that comes from the data reaches a terminal only through [`visible`]: a name
//! holding `ESC [2J` must not clear the screen (or retitle the window, or fake a line).

use std::borrow::Cow;
use std::fmt::Arguments;
use std::io::{self, BufWriter, IsTerminal, StdoutLock, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use anyhow::Context as _;

use comfy_table::{ContentArrangement, Table, presets::UTF8_FULL_CONDENSED};
use explor_views::{CsvDialect, Table as View};
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
    /// One line for people; control characters from the data are made [`visible`].
    pub fn line(&mut self, args: Arguments<'_>) -> io::Result<()> {
        let text = args
            .as_str()
            .map_or_else(|| Cow::Owned(args.to_string()), Cow::Borrowed);
        self.inner.write_all(visible(&text).as_bytes())?;
        self.inner.write_all(b"\n")?;
        self.inner.flush()
    }

    /// Text as it is (CSV, Markdown, a report) for a pipe or a file, which must stay
    /// exact; made [`visible`] when standard output is a terminal.
    pub fn text(&mut self, text: &str) -> io::Result<()> {
        let text = if io::stdout().is_terminal() {
            visible(text)
        } else {
            Cow::Borrowed(text)
        };
        self.inner.write_all(text.as_bytes())?;
        self.inner.flush()
    }

    /// A file's bytes (an `.odt`, a `.docx`) for a pipe or a redirection: refused on a
    /// terminal, where it would only print noise.
    pub fn file(&mut self, bytes: &[u8], hint: &str) -> anyhow::Result<()> {
        if io::stdout().is_terminal() {
            anyhow::bail!(crate::commands::UsageError(hint.to_owned()));
        }
        self.inner.write_all(bytes)?;
        self.inner.flush()?;
        Ok(())
    }

    pub fn json<T: Serialize + ?Sized>(&mut self, value: &T) -> anyhow::Result<()> {
        // Serialised first, then written: serde_json's error hides the io::Error of a
        // closed pipe from the error chain, which would then not count as success.
        let mut text = serde_json::to_vec_pretty(value)?;
        text.push(b'\n');
        self.inner.write_all(&text)?;
        self.inner.flush()?;
        Ok(())
    }

    /// A view's table, drawn for a terminal.
    pub fn table(&mut self, table: &View) -> io::Result<()> {
        self.line(format_args!("{}", draw(table, true)))
    }

    /// A view's table as CSV in `dialect`.
    pub fn csv(&mut self, table: &View, dialect: CsvDialect) -> anyhow::Result<()> {
        self.text(&table.to_csv_as(dialect)?)?;
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
        .set_header(view.header.iter().map(|c| visible(c).into_owned()));
    for row in &view.rows {
        t.add_row(row.iter().map(|c| visible(c).into_owned()));
    }
    t
}

/// `text` safe to print on a terminal: every control character but the newline (C0,
/// DEL, C1 — and so every escape sequence, which starts with one) is written as a
/// visible escape such as `\u{1b}`; the rest is kept.
pub fn visible(text: &str) -> Cow<'_, str> {
    use std::fmt::Write as _;
    let hidden = |c: char| c.is_control() && c != '\n';
    if !text.contains(hidden) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if hidden(c) {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Why `--out` refuses a path; each is the user's to fix (exit 1).
#[derive(Debug, thiserror::Error)]
pub enum OutError {
    /// A folder, a device, a pipe, a socket (or a link to one): renaming over it would
    /// destroy it, or a reader would never see the file.
    #[error("{}", explor_engine::fr::cli::out_not_regular(.0.display()))]
    NotAFile(PathBuf),
    /// An existing file without write permission: its owner meant it to stay.
    #[error("{}", explor_engine::fr::cli::out_read_only(.0.display()))]
    ReadOnly(PathBuf),
    /// A path inside the workspace, whose files are explor's own (the record store…).
    #[error("{}", explor_engine::fr::cli::out_inside_workspace(.path.display(), .workspace.display()))]
    InWorkspace {
        /// The path given.
        path: PathBuf,
        /// The workspace directory.
        workspace: PathBuf,
    },
    /// The folder of the path does not exist.
    #[error("{}", explor_engine::fr::cli::out_no_folder(.path.display(), .folder.display()))]
    NoFolder {
        /// The path given.
        path: PathBuf,
        /// Its folder.
        folder: PathBuf,
    },
}

/// Prefix and suffix of the temporary files of [`write_atomically`].
const TEMP_PREFIX: &str = ".explor-";
const TEMP_SUFFIX: &str = ".tmp";
/// A temporary file older than this was left by an explor that stopped mid-write.
const STALE_TEMP: Duration = Duration::from_secs(3600);

/// Checks that [`write_atomically`] may write `path`, before any work whose result
/// should not be left without its report.
pub fn check_target(path: &Path, workspace: &Path) -> anyhow::Result<()> {
    target(path, workspace).map(drop)
}

/// A path [`write_atomically`] may write: its folder (canonical) and the file there now.
struct Target {
    folder: PathBuf,
    existing: Option<std::fs::Metadata>,
}

fn target(path: &Path, workspace: &Path) -> anyhow::Result<Target> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let context = || explor_engine::fr::cli::cannot_write(path.display());
    let folder = match std::fs::canonicalize(dir) {
        Ok(folder) if folder.is_dir() => folder,
        Ok(_) => return Err(OutError::NotAFile(dir.to_owned()).into()),
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            return Err(OutError::NoFolder {
                path: path.to_owned(),
                folder: dir.to_owned(),
            }
            .into());
        }
        Err(e) => return Err(anyhow::Error::from(e).context(context())),
    };
    let workspace = std::fs::canonicalize(workspace).unwrap_or_else(|_| workspace.to_owned());
    if folder.starts_with(&workspace) {
        return Err(OutError::InWorkspace {
            path: path.to_owned(),
            workspace,
        }
        .into());
    }
    // `metadata` follows a link: a link to a pipe is refused like the pipe.
    let existing = match std::fs::metadata(path) {
        Ok(m) if !m.is_file() => return Err(OutError::NotAFile(path.to_owned()).into()),
        Ok(m) if m.permissions().readonly() => {
            return Err(OutError::ReadOnly(path.to_owned()).into());
        }
        Ok(m) => Some(m),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(anyhow::Error::from(e).context(context())),
    };
    Ok(Target { folder, existing })
}

/// Writes `bytes` to a temporary file beside `path`, then renames it over `path`: a
/// reader sees the old file or the whole new one, never a part.
///
/// Refuses ([`OutError`]) a path that exists and is not a regular file, a read-only
/// file, any path inside `workspace` and a missing folder; keeps the permissions of
/// the file replaced; removes its own temporary files left in that folder more than
/// an hour ago.
pub fn write_atomically(path: &Path, bytes: &[u8], workspace: &Path) -> anyhow::Result<()> {
    let context = || explor_engine::fr::cli::cannot_write(path.display());
    let Target { folder, existing } = target(path, workspace)?;
    remove_stale_temporaries(&folder);
    let mut builder = tempfile::Builder::new();
    builder.prefix(TEMP_PREFIX).suffix(TEMP_SUFFIX);
    #[cfg(unix)]
    {
        // Those of the file replaced, or those of a new file (the umask applies): not
        // the owner-only mode of temporary files.
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(existing.map_or_else(
            || std::fs::Permissions::from_mode(0o666),
            |m| m.permissions(),
        ));
    }
    #[cfg(not(unix))]
    let _ = existing;
    let mut file = builder
        .tempfile_in(&folder)
        .map_err(|e| io::Error::new(e.kind(), e.to_string()))
        .with_context(context)?;
    file.write_all(bytes).with_context(context)?;
    file.as_file().sync_all().with_context(context)?;
    file.persist(path)
        .map_err(|e| e.error)
        .with_context(context)?;
    Ok(())
}

/// Removes this program's temporary files older than [`STALE_TEMP`] from `folder`: an
/// explor killed mid-write leaves one, and nothing else would ever remove it. Best
/// effort: a file that cannot be removed stays.
fn remove_stale_temporaries(folder: &Path) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    let now = SystemTime::now();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        if !(name.starts_with(TEMP_PREFIX) && name.ends_with(TEMP_SUFFIX)) {
            continue;
        }
        // `DirEntry::metadata` does not follow links: only plain files are removed.
        let stale = entry
            .metadata()
            .ok()
            .filter(std::fs::Metadata::is_file)
            .and_then(|m| m.modified().ok().and_then(|t| now.duration_since(t).ok()));
        if stale.is_some_and(|age| age > STALE_TEMP) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}
