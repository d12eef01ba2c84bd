//! Opening input files: regular files only.
//!
//! A named pipe blocks a reader until someone writes into it, and a device such as
//! `/dev/zero` never ends: either would hang an import or fill the machine's memory.
//! So every input is checked to be a regular file (after following symbolic links)
//! before it is read, and opened without blocking, then checked again on the open
//! handle, so that a file swapped for a pipe in between is still refused. In a dataset
//! folder, entries that are neither regular files nor folders (pipes, devices,
//! sockets, symbolic links to nothing or looping) are reported, not silently skipped.

use std::fs::{File, FileType, Metadata};
use std::path::Path;

use crate::error::{Error, Result, UserError};

/// The largest workbook (`.xlsx`, `.ods`) read: a workbook is read whole into memory,
/// and one holding the records of a solidarity network is a few megabytes.
pub(crate) const MAX_WORKBOOK_BYTES: u64 = 256 << 20;

/// What a file that is not a regular file is, in words.
fn kind_of(file_type: FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return explor_engine::fr::import::FIFO;
        }
        if file_type.is_char_device() {
            return explor_engine::fr::import::CHAR_DEVICE;
        }
        if file_type.is_block_device() {
            return explor_engine::fr::import::BLOCK_DEVICE;
        }
        if file_type.is_socket() {
            return explor_engine::fr::import::SOCKET;
        }
    }
    if file_type.is_dir() {
        explor_engine::fr::import::DIRECTORY
    } else {
        explor_engine::fr::import::NOT_A_FILE
    }
}

/// The refusal of a path that is not a regular file, said before anything is read.
pub(crate) fn not_regular(path: &Path, what: &str) -> Error {
    UserError::BadInput {
        path: path.to_owned(),
        message: explor_engine::fr::import::not_regular(what),
    }
    .into()
}

/// Whether an I/O error is a loop of symbolic links.
fn is_link_loop(e: &std::io::Error) -> bool {
    e.raw_os_error() == Some(libc::ELOOP)
}

/// An input path that cannot be read: missing, not permitted, looping… all the user's
/// to fix (exit 1), said once.
pub(crate) fn unreadable(path: &Path, e: &std::io::Error) -> Error {
    let message = match e.kind() {
        std::io::ErrorKind::NotFound => explor_engine::fr::import::NOT_FOUND.to_owned(),
        std::io::ErrorKind::PermissionDenied => {
            explor_engine::fr::import::PERMISSION_DENIED.to_owned()
        }
        _ if is_link_loop(e) => explor_engine::fr::import::LINK_LOOP.to_owned(),
        _ => explor_engine::fr::import::cannot_read(e),
    };
    UserError::BadInput {
        path: path.to_owned(),
        message,
    }
    .into()
}

/// What is wrong with an entry of a dataset folder, if it is neither a regular file
/// nor a folder (after following symbolic links).
pub(crate) fn entry_problem(path: &Path) -> Option<String> {
    match std::fs::metadata(path) {
        Ok(meta) if meta.is_file() || meta.is_dir() => None,
        Ok(meta) => Some(kind_of(meta.file_type()).to_owned()),
        Err(e) if is_link_loop(&e) => Some(explor_engine::fr::import::LINK_LOOP_SHORT.to_owned()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            Some(explor_engine::fr::import::DANGLING_LINK.to_owned())
        }
        Err(e) => Some(format!("illisible : {e}")),
    }
}

/// The metadata of an input path that must be a regular file, or its refusal.
pub(crate) fn regular_metadata(path: &Path) -> Result<Metadata> {
    let meta = std::fs::metadata(path).map_err(|e| unreadable(path, &e))?;
    if !meta.is_file() {
        return Err(not_regular(path, kind_of(meta.file_type())));
    }
    Ok(meta)
}

/// Opens an input file for reading, refusing at once (never blocking, never reading)
/// what is not a regular file.
pub(crate) fn open_regular(path: &Path) -> Result<File> {
    regular_metadata(path)?;
    let mut options = File::options();
    options.read(true);
    #[cfg(unix)]
    {
        // Opening a pipe for reading waits for a writer; without blocking it does not.
        // On a regular file the flag changes nothing.
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path).map_err(|e| unreadable(path, &e))?;
    let meta = file.metadata().map_err(|e| unreadable(path, &e))?;
    if !meta.is_file() {
        return Err(not_regular(path, kind_of(meta.file_type())));
    }
    Ok(file)
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    fn mkfifo(path: &Path) {
        let status = std::process::Command::new("mkfifo")
            .arg(path)
            .status()
            .expect("run mkfifo");
        assert!(status.success());
    }

    #[test]
    fn pipes_devices_and_links_to_them_are_refused_without_reading() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("experts.jsonl");
        mkfifo(&fifo);
        let zero = dir.path().join("zero.jsonl");
        std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
        for (path, what) in [
            (fifo.as_path(), "tube nommé"),
            (Path::new("/dev/zero"), "périphérique caractère"),
            (zero.as_path(), "périphérique caractère"),
        ] {
            let err = open_regular(path).unwrap_err().to_string();
            assert!(err.contains("pas un fichier ordinaire"), "{err}");
            assert!(err.contains(what), "{err}");
        }
        let file = dir.path().join("ok.jsonl");
        std::fs::write(&file, "{}\n").unwrap();
        assert!(open_regular(&file).is_ok());
    }

    #[test]
    fn dangling_and_looping_links_are_named_as_such() {
        let dir = tempfile::tempdir().unwrap();
        let dangling = dir.path().join("gone.csv");
        std::os::unix::fs::symlink(dir.path().join("nothing"), &dangling).unwrap();
        let looping = dir.path().join("loop.csv");
        std::os::unix::fs::symlink(&looping, &looping).unwrap();
        assert!(entry_problem(&dangling).unwrap().contains("vers rien"));
        assert!(entry_problem(&looping).unwrap().contains("boucle"));
        let err = open_regular(&looping).unwrap_err().to_string();
        assert!(err.contains("boucle de liens symboliques"), "{err}");
        assert_eq!(entry_problem(dir.path()), None);
    }
}
