//! Records shared by the store and the protocol: the rows the database returns and the
//! daemon sends on (sessions, events, counts) and the Unix-time stamp they carry. Plain
//! data at the bottom of the library, so `store` and `protocol` both build on it and
//! neither on the other.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

/// A session (one run of a bot) as stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SessionRow {
    /// Session id.
    pub id: String,
    /// Its bot.
    pub bot_id: String,
    /// Start (Unix s).
    pub started_at: f64,
    /// End (Unix s).
    pub ended_at: Option<f64>,
    /// Source label.
    pub source: Option<String>,
    /// Preset at start.
    pub preset: Option<String>,
    /// Seconds of audio processed.
    pub audio_seconds: f64,
    /// Restarts within the session.
    pub restarts: u32,
    /// Errors within the session.
    pub errors: u32,
    /// Why it ended.
    pub end_reason: Option<String>,
}

/// A stored event of a bot.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventRow {
    /// Sequence number.
    pub id: i64,
    /// Its bot.
    pub bot_id: String,
    /// Its session.
    pub session_id: Option<String>,
    /// Unix time.
    pub time: f64,
    /// `state`, `alert`, `participant`, `speaker` or `info`.
    pub kind: String,
    /// Previous state (state events).
    pub from_state: Option<String>,
    /// New state (state events).
    pub to_state: Option<String>,
    /// Reason.
    pub reason: Option<String>,
    /// `debug`, `info`, `warning` or `error`.
    pub severity: String,
    /// Extra data (JSON).
    pub data: serde_json::Value,
}

/// Seconds since the Unix epoch, for event timestamps.
pub fn now_unix() -> f64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs_f64())
        .unwrap_or(0.0)
}

/// Row counts of the main tables.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Counts {
    /// Bots ever spawned (kept until cleanup).
    pub bots: u64,
    /// Bots now running.
    pub running_bots: u64,
    /// Bot sessions.
    pub sessions: u64,
    /// User presets.
    pub presets: u64,
    /// Stored analysis results.
    pub analyses: u64,
}

/// The database's state.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DbInfo {
    /// Path of the SQLite file.
    pub path: PathBuf,
    /// Applied schema version.
    pub schema_version: u32,
    /// Newest schema version this build knows.
    pub latest_version: u32,
    /// Size of the file in bytes.
    pub size_bytes: u64,
    /// SQLite journal mode (`wal`).
    pub journal_mode: String,
    /// Row counts.
    pub counts: Counts,
}
