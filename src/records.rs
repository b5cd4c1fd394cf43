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

impl EventRow {
    /// An alert's message (none for other events).
    pub fn message(&self) -> Option<&str> {
        self.data.get("message").and_then(|m| m.as_str())
    }
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
    /// What the sessions keep.
    #[serde(default)]
    pub history: History,
    /// `daemon.retention_days`: ended bots older than this are removed every hour
    /// (none: kept until `orch db cleanup`).
    #[serde(default)]
    pub retention_days: Option<f64>,
}

/// What the history of sessions holds (`orch db status`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct History {
    /// Stored events (state changes, alerts, participants).
    pub events: u64,
    /// Processing-statistics windows.
    pub stats_windows: u64,
    /// Chunks sent to speech to text.
    pub chunks: u64,
    /// Transcript lines.
    pub transcript_lines: u64,
    /// Translations of those lines.
    pub translations: u64,
    /// Bot log files on disk, and their bytes.
    pub log_files: u64,
    pub log_bytes: u64,
    /// Start of the oldest session kept (Unix s).
    pub oldest_session: Option<f64>,
}

/// What a cleanup removed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Removed {
    /// Ended bots, and their sessions.
    pub bots: u64,
    pub sessions: u64,
    /// Rows that hung off those sessions.
    pub events: u64,
    pub stats_windows: u64,
    pub chunks: u64,
    pub transcript_lines: u64,
    pub translations: u64,
    pub analyses: u64,
    /// Log files deleted from disk.
    pub log_files: u64,
}

/// One word of a transcript line with its time, in seconds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Word {
    pub text: String,
    pub start_s: f64,
    pub end_s: f64,
    /// The engine's probability for the word, 0 to 1, when it gives one.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub probability: Option<f64>,
}

/// A stored transcript line; times on the session clock (seconds from its start).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TranscriptRow {
    /// Row id (0 before it is stored).
    pub id: i64,
    pub session_id: String,
    pub chunk_seq: u64,
    pub start_s: f64,
    pub end_s: f64,
    pub text: String,
    pub language: Option<String>,
    pub confidence: Option<f64>,
    /// The name shown: a mapped name, the engine's label, a participant, or `Speaker 1`.
    pub speaker: String,
    /// The engine's diarization label, when it gave one.
    pub speaker_label: Option<String>,
    /// How the speaker was chosen: `engine`, `participant`, `manual` or `default`.
    pub speaker_method: String,
    pub speaker_confidence: f64,
    #[serde(default)]
    pub words: Vec<Word>,
}

/// A stored chunk: its lineage, quality and outcome.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChunkRow {
    pub seq: u64,
    /// Start and end on the session clock, seconds.
    pub start_s: f64,
    pub end_s: f64,
    /// Seconds at its start the chunk before also held.
    pub overlap_s: f64,
    /// Why it ended: `pause`, `gap`, `length` or `end`.
    pub cut: String,
    pub speech_s: f64,
    pub quality_score: Option<f64>,
    /// The quality fields (JSON object).
    pub quality: serde_json::Value,
    /// `transcribed`, `failed` or `dropped`.
    pub status: String,
    pub engine: String,
    pub latency_ms: Option<f64>,
    pub error: Option<String>,
}

/// A speaker of a session: the label lines carry, the name shown, and its lines.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SpeakerRow {
    pub label: String,
    pub name: String,
    pub lines: u64,
    /// The name was given by `orch speakers map`.
    pub mapped: bool,
}

/// What a bot's transcription has done so far (for `orch bot status`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TranscriptionStats {
    /// Chunks transcribed.
    pub chunks_sent: u64,
    /// Chunks waiting for the engine.
    pub chunks_pending: u64,
    /// Chunks dropped because the queue was full.
    pub chunks_dropped: u64,
    /// Chunks without speech, not sent.
    pub chunks_skipped: u64,
    /// Chunks the engine refused for good.
    pub chunks_failed: u64,
    /// Audio blocks the chunking thread could not take in time.
    pub audio_blocks_lost: u64,
    /// Transcript lines made.
    pub lines: u64,
    /// Engine latency over the last chunks, milliseconds.
    pub latency_p50_ms: Option<f64>,
    pub latency_p95_ms: Option<f64>,
    /// The engine's circuit breaker: `closed`, `open` or `half_open`.
    pub breaker: Option<String>,
    /// The last failure.
    pub last_error: Option<String>,
}

/// A transcript line translated into one language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TranslationRow {
    /// Row id (0 before it is stored).
    pub id: i64,
    pub session_id: String,
    /// The transcript line translated.
    pub transcript_id: i64,
    /// The line's language, and the one translated into (ISO 639-1).
    pub source_language: Option<String>,
    pub target_language: String,
    pub text: String,
    /// The engine, or `original` for a line passed through in its own language.
    pub engine: String,
    /// The line was already in the target language.
    pub original: bool,
    pub latency_ms: Option<f64>,
    /// Start and end on the session clock, seconds (the line's).
    pub start_s: f64,
    pub end_s: f64,
}

/// What one target language of a bot has done so far (for `orch bot status`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LangStats {
    pub lang: String,
    /// Lines translated (pass-throughs included).
    pub translated: u64,
    /// Lines the engine failed on.
    pub failed: u64,
    /// Lines dropped because the language's queue was full.
    pub dropped: u64,
    /// Engine latency over the last lines, in milliseconds.
    pub p50_ms: Option<f64>,
    pub p95_ms: Option<f64>,
    /// The last failure.
    pub last_error: Option<String>,
}

/// One stored processing window of a bot's session (`orch analytics bot`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StatsWindow {
    pub session_id: String,
    /// Wall-clock start and end, Unix seconds.
    pub start: f64,
    pub end: f64,
    /// Blocks processed, and those the bot fell behind real time on.
    pub blocks: u64,
    pub dropped_blocks: u64,
    /// Block processing time percentiles, milliseconds.
    pub p50_ms: Option<f64>,
    pub p95_ms: Option<f64>,
    pub p99_ms: Option<f64>,
    /// Audio time over processing time.
    pub realtime_factor: Option<f64>,
}

/// Processing figures of one session over its stored windows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SessionPerformance {
    pub session_id: String,
    pub bot_id: String,
    pub started_at: f64,
    pub ended_at: Option<f64>,
    pub end_reason: Option<String>,
    pub windows: u64,
    pub blocks: u64,
    pub dropped_blocks: u64,
    /// The worst window's p95 and p99 block time, milliseconds.
    pub worst_p95_ms: Option<f64>,
    pub worst_p99_ms: Option<f64>,
    /// The slowest window's realtime factor.
    pub min_realtime_factor: Option<f64>,
}

/// A stored analysis report (`orch analytics analyses`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AnalysisRow {
    pub id: i64,
    /// The file, or a bot's source.
    pub source: String,
    /// The bot session it measured, for a bot's report.
    pub session_id: Option<String>,
    /// Unix time it was stored.
    pub created_at: f64,
    pub duration_s: Option<f64>,
    pub integrated_lufs: Option<f64>,
    pub true_peak_dbtp: Option<f64>,
    /// The report (`orch analyze --json`); only when asked for one by id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub report: Option<serde_json::Value>,
}
