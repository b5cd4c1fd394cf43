//! The SQLite state: one file in the data directory, WAL mode, foreign keys on,
//! migrations from `migrations/` embedded and applied at open.
//!
//! A database written by a newer orch (a schema version this build does not know) is
//! refused before anything is written to it.

use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, OptionalExtension};

pub mod analyses;
pub mod bots;
pub mod logs;
pub mod presets;
pub mod transcripts;
pub mod translations;

use crate::records::{Counts, DbInfo, History};
use crate::{Error, Result};

mod embedded {
    refinery::embed_migrations!("migrations");
}

/// How long a statement waits for a lock held by another connection.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// An open, migrated database.
#[derive(Debug)]
pub struct Db {
    conn: Connection,
    path: PathBuf,
}

/// The newest schema version this build knows.
pub fn latest_version() -> u32 {
    embedded::migrations::runner()
        .get_migrations()
        .iter()
        .map(|m| m.version() as u32)
        .max()
        .unwrap_or(0)
}

impl Db {
    /// Open (creating if needed) and migrate the database at `path`. On a full
    /// filesystem the error starts with `no space left on DEVICE (MOUNT)`: SQLite's own
    /// words for it ("disk I/O error", "database or disk is full") do not say so.
    pub fn open(path: &Path) -> Result<Db> {
        Self::open_here(path).map_err(|e| match crate::disk::no_space(path) {
            None => e,
            Some(full) => Error::Database {
                path: path.to_path_buf(),
                message: match e {
                    Error::Database { message, .. } => format!("{full}: {message}"),
                    other => format!("{full}: {other}"),
                },
            },
        })
    }

    fn open_here(path: &Path) -> Result<Db> {
        let mut warnings = Vec::new();
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            warnings.extend(crate::private::dir(dir)?);
        }
        let err = |m: String| Error::Database {
            path: path.to_path_buf(),
            message: m,
        };
        if path.exists() {
            check_not_newer(path)?;
        } else {
            // SQLite gives the WAL and shared-memory files the mode of the database file.
            std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .mode(crate::private::FILE_MODE)
                .open(path)
                .map_err(|e| Error::io("cannot create the database", path, e))?;
        }
        for suffix in ["", "-wal", "-shm"] {
            let mut p = path.as_os_str().to_owned();
            p.push(suffix);
            warnings.extend(crate::private::file(Path::new(&p))?);
        }
        for w in warnings {
            tracing::warn!("{w}");
        }
        let mut conn = Connection::open(path).map_err(|e| err(format!("cannot open: {e}")))?;
        conn.busy_timeout(BUSY_TIMEOUT)
            .map_err(|e| err(e.to_string()))?;
        conn.pragma_update(None, "journal_mode", "wal")
            .map_err(|e| err(format!("cannot enable WAL: {e}")))?;
        conn.pragma_update(None, "foreign_keys", true)
            .map_err(|e| err(e.to_string()))?;
        conn.pragma_update(None, "synchronous", "normal")
            .map_err(|e| err(e.to_string()))?;
        embedded::migrations::runner()
            .run(&mut conn)
            .map_err(|e| err(format!("migration failed: {e}")))?;
        Ok(Db {
            conn,
            path: path.to_path_buf(),
        })
    }

    /// The SQLite file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The connection, for the table modules.
    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// The applied schema version.
    pub fn schema_version(&self) -> Result<u32> {
        applied_version(&self.conn)
            .map(|v| v.unwrap_or(0))
            .map_err(|e| self.error(e))
    }

    /// Row counts of the main tables.
    pub fn counts(&self) -> Result<Counts> {
        let count = |sql: &str| -> Result<u64> {
            self.conn
                .query_row(sql, [], |r| r.get::<_, i64>(0))
                .map(|n| n as u64)
                .map_err(|e| self.error(e))
        };
        Ok(Counts {
            bots: count("SELECT count(*) FROM bots")?,
            running_bots: count(
                "SELECT count(*) FROM bots WHERE state IN ('starting','running','recovering','stopping')",
            )?,
            sessions: count("SELECT count(*) FROM sessions")?,
            presets: count("SELECT count(*) FROM presets")?,
            analyses: count("SELECT count(*) FROM analyses")?,
        })
    }

    /// Everything `orch db status` shows.
    pub fn info(&self) -> Result<DbInfo> {
        let journal_mode: String = self
            .conn
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .map_err(|e| self.error(e))?;
        Ok(DbInfo {
            path: self.path.clone(),
            schema_version: self.schema_version()?,
            latest_version: latest_version(),
            size_bytes: std::fs::metadata(&self.path).map(|m| m.len()).unwrap_or(0),
            journal_mode,
            counts: self.counts()?,
            history: self.history()?,
            retention_days: None,
        })
    }

    /// What the history of sessions holds (the log files are the caller's to count).
    pub fn history(&self) -> Result<History> {
        let count = |table: &str| -> Result<u64> {
            self.conn
                .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| {
                    r.get::<_, i64>(0)
                })
                .map(|n| n as u64)
                .map_err(|e| self.error(e))
        };
        Ok(History {
            events: count("session_events")?,
            stats_windows: count("processing_stats")?,
            chunks: count("chunks")?,
            transcript_lines: count("transcripts")?,
            translations: count("translations")?,
            log_files: 0,
            log_bytes: 0,
            oldest_session: self
                .conn
                .query_row("SELECT min(started_at) FROM sessions", [], |r| r.get(0))
                .map_err(|e| self.error(e))?,
        })
    }

    /// Check that the database is consistent (`PRAGMA integrity_check`).
    pub fn integrity_check(&self) -> Result<()> {
        let r: String = self
            .conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .map_err(|e| self.error(e))?;
        if r == "ok" {
            Ok(())
        } else {
            Err(self.error(r))
        }
    }

    pub(crate) fn error(&self, e: impl std::fmt::Display) -> Error {
        Error::Database {
            path: self.path.clone(),
            message: e.to_string(),
        }
    }
}

fn applied_version(conn: &Connection) -> rusqlite::Result<Option<u32>> {
    let has_table: Option<String> = conn
        .query_row(
            "SELECT name FROM sqlite_master WHERE type='table' AND name='refinery_schema_history'",
            [],
            |r| r.get(0),
        )
        .optional()?;
    if has_table.is_none() {
        return Ok(None);
    }
    conn.query_row(
        "SELECT max(version) FROM refinery_schema_history",
        [],
        |r| r.get::<_, Option<i64>>(0),
    )
    .map(|v| v.map(|v| v as u32))
}

/// Refuse a database whose schema is newer than this build, without writing to it.
fn check_not_newer(path: &Path) -> Result<()> {
    let err = |m: String| Error::Database {
        path: path.to_path_buf(),
        message: m,
    };
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .map_err(|e| err(format!("cannot open: {e}")))?;
    conn.busy_timeout(BUSY_TIMEOUT)
        .map_err(|e| err(e.to_string()))?;
    let applied = applied_version(&conn)
        .map_err(|e| err(format!("not an orch database or unreadable: {e}")))?;
    let latest = latest_version();
    match applied {
        Some(v) if v > latest => Err(err(format!(
            "schema version {v} is newer than this orch ({} knows up to {latest}); \
             upgrade orch, the database was not changed",
            crate::VERSION
        ))),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fresh_database_is_migrated_to_latest() {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::open(&dir.path().join("orch.db")).unwrap();
        assert_eq!(db.schema_version().unwrap(), latest_version());
        assert!(latest_version() >= 1);
        let info = db.info().unwrap();
        assert_eq!(info.journal_mode, "wal");
        assert_eq!(info.counts, Counts::default());
        db.integrity_check().unwrap();
        drop(db);
        // Opening again is a no-op migration.
        let db = Db::open(&dir.path().join("orch.db")).unwrap();
        assert_eq!(db.schema_version().unwrap(), latest_version());
    }

    #[test]
    fn newer_schema_is_refused_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("orch.db");
        drop(Db::open(&path).unwrap());
        {
            let c = Connection::open(&path).unwrap();
            c.execute(
                "INSERT INTO refinery_schema_history (version, name, applied_on, checksum) \
                 VALUES (999, 'future', '2030-01-01', '0')",
                [],
            )
            .unwrap();
        }
        let before = std::fs::read(&path).unwrap();
        let e = Db::open(&path).unwrap_err().to_string();
        assert!(e.contains("schema version 999 is newer"), "{e}");
        assert_eq!(std::fs::read(&path).unwrap(), before);
    }

    #[test]
    fn foreign_keys_are_enforced() {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::open(&dir.path().join("orch.db")).unwrap();
        let r = db.conn().execute(
            "INSERT INTO sessions (id, bot_id, started_at) VALUES ('s', 'no-such-bot', 0)",
            [],
        );
        assert!(r.is_err());
    }

    #[test]
    fn garbage_file_is_a_clear_error() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("orch.db");
        std::fs::write(&path, b"this is not sqlite at all, just text").unwrap();
        let e = Db::open(&path).unwrap_err().to_string();
        assert!(e.contains("orch.db"), "{e}");
    }
}
