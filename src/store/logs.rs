//! Bot logs on disk: one file per session under `DATA_DIR/logs/BOT/SESSION.log`, so
//! `orch bot logs` works after the bot has ended and after a daemon restart.
//!
//! Each line is a JSON object `{"time": UNIX_S, "line": TEXT}` (a log line may hold
//! any text). A file that reaches its size cap is renamed to `SESSION.log.1` (replacing
//! an older one) and a new file begins, so a session keeps at most twice the cap on
//! disk. The directories are 0700 and the files 0600, like the rest of the data
//! directory: logs hold meeting URLs.

use std::fs::File;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::{Error, Result};

/// The directory of all bot logs.
pub fn root(data_dir: &Path) -> PathBuf {
    data_dir.join("logs")
}

/// The directory of one bot's logs.
pub fn bot_dir(data_dir: &Path, bot_id: &str) -> PathBuf {
    root(data_dir).join(safe(bot_id))
}

/// The current file of one session (the rotated one adds `.1`).
pub fn session_file(data_dir: &Path, bot_id: &str, session_id: &str) -> PathBuf {
    bot_dir(data_dir, bot_id).join(format!("{}.log", safe(session_id)))
}

/// Ids are orch's own, but a path component must never climb out of its directory.
fn safe(id: &str) -> String {
    id.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

/// One stored line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LogLine {
    /// Unix time, seconds.
    pub time: f64,
    pub line: String,
}

/// An open session log, appended to.
#[derive(Debug)]
pub struct LogFile {
    path: PathBuf,
    file: File,
    written: u64,
    cap: u64,
}

impl LogFile {
    /// Open (or continue) the log of `session_id`, rotating at `cap` bytes.
    pub fn open(data_dir: &Path, bot_id: &str, session_id: &str, cap: u64) -> Result<LogFile> {
        crate::private::dir(&root(data_dir))?;
        crate::private::dir(&bot_dir(data_dir, bot_id))?;
        let path = session_file(data_dir, bot_id, session_id);
        let (file, _) = crate::private::append(&path)?;
        let written = file.metadata().map(|m| m.len()).unwrap_or(0);
        Ok(LogFile {
            path,
            file,
            written,
            cap: cap.max(1024),
        })
    }

    /// Append one line; rotates first when it would pass the cap.
    pub fn append(&mut self, time: f64, line: &str) -> Result<()> {
        let mut text = serde_json::to_string(&LogLine {
            time,
            line: line.to_string(),
        })
        .expect("a log line serializes");
        text.push('\n');
        if self.written > 0 && self.written + text.len() as u64 > self.cap {
            self.rotate()?;
        }
        self.file
            .write_all(text.as_bytes())
            .map_err(|e| Error::io("cannot write", &self.path, e))?;
        self.written += text.len() as u64;
        Ok(())
    }

    fn rotate(&mut self) -> Result<()> {
        let old = rotated(&self.path);
        std::fs::rename(&self.path, &old).map_err(|e| Error::io("cannot rotate", &self.path, e))?;
        self.file = crate::private::append(&self.path)?.0;
        self.written = 0;
        Ok(())
    }
}

fn rotated(path: &Path) -> PathBuf {
    let mut p = path.as_os_str().to_owned();
    p.push(".1");
    PathBuf::from(p)
}

/// The last `n` lines of a session's log (the rotated file first); none when it has
/// no log. Lines that are not log lines (a torn last write) are skipped.
pub fn tail(data_dir: &Path, bot_id: &str, session_id: &str, n: usize) -> Result<Vec<LogLine>> {
    let current = session_file(data_dir, bot_id, session_id);
    let mut out = std::collections::VecDeque::with_capacity(n.min(4096));
    for path in [rotated(&current), current] {
        let file = match File::open(&path) {
            Ok(f) => f,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => return Err(Error::io("cannot read", &path, e)),
        };
        for line in BufReader::new(file).lines() {
            let line = line.map_err(|e| Error::io("cannot read", &path, e))?;
            if let Ok(l) = serde_json::from_str::<LogLine>(&line) {
                if out.len() == n {
                    out.pop_front();
                }
                if n > 0 {
                    out.push_back(l);
                }
            }
        }
    }
    Ok(out.into())
}

/// Delete the logs of the sessions named (their bot's directory too once empty);
/// returns how many files were deleted.
pub fn remove_sessions<'a>(
    data_dir: &Path,
    sessions: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> Result<u64> {
    let mut removed = 0;
    for (bot_id, session_id) in sessions {
        let current = session_file(data_dir, bot_id, session_id);
        for path in [rotated(&current), current] {
            match std::fs::remove_file(&path) {
                Ok(()) => removed += 1,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(Error::io("cannot delete", &path, e)),
            }
        }
        // Only succeeds when empty, which is the point.
        let _ = std::fs::remove_dir(bot_dir(data_dir, bot_id));
    }
    Ok(removed)
}

/// Files and bytes of all bot logs.
pub fn usage(data_dir: &Path) -> (u64, u64) {
    let mut files = 0;
    let mut bytes = 0;
    let Ok(bots) = std::fs::read_dir(root(data_dir)) else {
        return (0, 0);
    };
    for bot in bots.flatten() {
        let Ok(entries) = std::fs::read_dir(bot.path()) else {
            continue;
        };
        for e in entries.flatten() {
            if let Ok(m) = e.metadata()
                && m.is_file()
            {
                files += 1;
                bytes += m.len();
            }
        }
    }
    (files, bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_survive_rotation_and_the_tail_reads_across_it() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        let mut log = LogFile::open(d, "b1", "s1", 2048).unwrap();
        for i in 0..100 {
            log.append(
                f64::from(i),
                &format!("line {i} with \"quotes\"\nand a newline"),
            )
            .unwrap();
        }
        let cur = session_file(d, "b1", "s1");
        let old = rotated(&cur);
        assert!(std::fs::metadata(&cur).unwrap().len() <= 2048);
        assert!(std::fs::metadata(&old).unwrap().len() <= 2048);
        let t = tail(d, "b1", "s1", 5).unwrap();
        let want: Vec<String> = (95..100)
            .map(|i| format!("line {i} with \"quotes\"\nand a newline"))
            .collect();
        assert_eq!(t.iter().map(|l| l.line.clone()).collect::<Vec<_>>(), want);
        // A reopened log continues the same file.
        drop(log);
        let mut log = LogFile::open(d, "b1", "s1", 2048).unwrap();
        log.append(100.0, "after restart").unwrap();
        assert_eq!(tail(d, "b1", "s1", 1).unwrap()[0].line, "after restart");
        assert_eq!(usage(d).0, 2);
        assert_eq!(remove_sessions(d, [("b1", "s1")]).unwrap(), 2);
        assert_eq!(usage(d), (0, 0));
        assert!(!bot_dir(d, "b1").exists());
        assert!(tail(d, "b1", "s1", 5).unwrap().is_empty());
    }

    #[test]
    fn ids_cannot_climb_out_of_the_log_directory() {
        let d = Path::new("/data");
        assert_eq!(
            session_file(d, "../x", "../../etc/passwd"),
            Path::new("/data/logs/___x/______etc_passwd.log")
        );
    }
}
