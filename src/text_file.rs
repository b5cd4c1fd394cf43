//! Reading the small text files users name (configuration, chains, presets, glossaries,
//! caption lists) with a bound on their size, and without hanging on a FIFO that nobody
//! writes: `/dev/zero` or a 4 GB file is an error naming the limit, not a process that
//! grows until the kernel kills it.

use std::fs::OpenOptions;
use std::io::Read;
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;

use std::time::{Duration, Instant};

use crate::Error;

/// The largest text file orch reads: far above any real configuration or chain.
pub const MAX_TEXT_BYTES: u64 = 4 * 1024 * 1024;

/// Why a text file could not be read.
#[derive(Debug)]
pub enum ReadError {
    /// It does not exist.
    NotFound,
    /// It is a directory.
    Directory,
    /// It holds more than `MAX_TEXT_BYTES` (or never ends, like `/dev/zero`).
    TooLarge,
    /// It is not UTF-8 text.
    NotText,
    /// A FIFO or device that did not finish within [`READ_WITHIN`].
    Stalled,
    /// A FIFO with no writer, or a device with nothing to read.
    NothingToRead,
    /// Anything else the system said.
    Io(std::io::Error),
}

impl ReadError {
    /// The error for a file that was required (`what` names it: "config file"), with a
    /// one-line message naming the path.
    pub fn into_error(self, what: &'static str, path: &Path) -> Error {
        let p = path.display();
        match self {
            ReadError::NotFound => Error::FileNotFound {
                what,
                path: path.to_path_buf(),
            },
            ReadError::Directory => Error::Invalid(format!("{p}: is a directory, not a {what}")),
            ReadError::TooLarge => Error::Invalid(format!(
                "{p}: too large for a {what} (more than {} MiB)",
                MAX_TEXT_BYTES / (1024 * 1024)
            )),
            ReadError::NotText => Error::Invalid(format!("{p}: not a {what} (not UTF-8 text)")),
            ReadError::NothingToRead => Error::Invalid(format!(
                "{p}: a FIFO or device with nothing to read, not a {what}"
            )),
            ReadError::Stalled => Error::Invalid(format!(
                "{p}: not read to its end within {} s (a FIFO or device, not a {what}?)",
                READ_WITHIN.as_secs()
            )),
            ReadError::Io(e) => Error::io("cannot read", path, e),
        }
    }
}

/// How long reading a FIFO or device may take.
pub const READ_WITHIN: Duration = Duration::from_secs(5);

/// Read `path` as UTF-8 text of at most [`MAX_TEXT_BYTES`].
///
/// The file is opened and read without blocking: a FIFO with no writer reads as empty
/// instead of hanging in `open`, and one whose writer does not finish within
/// [`READ_WITHIN`] is an error.
pub fn read(path: &Path) -> std::result::Result<String, ReadError> {
    let file = OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => ReadError::NotFound,
            std::io::ErrorKind::IsADirectory => ReadError::Directory,
            _ => ReadError::Io(e),
        })?;
    let meta = file.metadata().map_err(ReadError::Io)?;
    if meta.is_dir() {
        return Err(ReadError::Directory);
    }
    if meta.is_file() && meta.len() > MAX_TEXT_BYTES {
        return Err(ReadError::TooLarge);
    }
    let mut bytes = Vec::new();
    let mut limited = (&file).take(MAX_TEXT_BYTES + 1);
    let deadline = Instant::now() + READ_WITHIN;
    loop {
        match limited.read_to_end(&mut bytes) {
            Ok(_) => break,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {
                if Instant::now() > deadline {
                    return Err(ReadError::Stalled);
                }
                std::thread::sleep(Duration::from_millis(10));
            }
            Err(e) => return Err(ReadError::Io(e)),
        }
    }
    if bytes.len() as u64 > MAX_TEXT_BYTES {
        return Err(ReadError::TooLarge);
    }
    if bytes.is_empty() && !meta.is_file() {
        return Err(ReadError::NothingToRead);
    }
    String::from_utf8(bytes).map_err(|_| ReadError::NotText)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_text_and_refuses_what_is_not_a_small_text_file() {
        let d = tempfile::tempdir().unwrap();
        let f = d.path().join("a.toml");
        std::fs::write(&f, "x = 1\n").unwrap();
        assert_eq!(read(&f).unwrap(), "x = 1\n");
        assert!(matches!(
            read(&d.path().join("no")),
            Err(ReadError::NotFound)
        ));
        assert!(matches!(read(d.path()), Err(ReadError::Directory)));
        assert!(matches!(
            read(Path::new("/dev/zero")),
            Err(ReadError::TooLarge)
        ));
        std::fs::write(&f, [0xff, 0xfe, 0]).unwrap();
        assert!(matches!(read(&f), Err(ReadError::NotText)));
        let big = d.path().join("big");
        let file = std::fs::File::create(&big).unwrap();
        file.set_len(MAX_TEXT_BYTES + 1).unwrap();
        assert!(matches!(read(&big), Err(ReadError::TooLarge)));
    }

    #[test]
    fn a_fifo_without_a_writer_or_one_that_never_ends_is_an_error() {
        let d = tempfile::tempdir().unwrap();
        let fifo = d.path().join("fifo");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        assert!(made.unwrap().success());
        assert!(matches!(read(&fifo), Err(ReadError::NothingToRead)));
        // A writer that holds it open and writes a little, never finishing.
        let mut w = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .open(&fifo)
            .unwrap();
        std::io::Write::write_all(&mut w, b"x = 1\n").unwrap();
        assert!(matches!(read(&fifo), Err(ReadError::Stalled)));
    }
}
