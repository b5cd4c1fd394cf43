//! The two protocol enums: what a client asks ([`Request`]) and what the daemon answers
//! ([`Response`]) or pushes ([`Event`]). User mistakes come back as
//! [`Response::Failure`]; transport problems are errors of the connection.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::analysis::Meters;
use crate::audio::pcm::RawFormat;
use crate::bots::{BotInfo, BotSpec, BotState, Reason};
pub use crate::records::{Counts, DbInfo, EventRow, History, Removed, SessionRow, now_unix};
use crate::records::{TranscriptRow, TranslationRow};

/// A frame from client to daemon.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClientMessage {
    /// Chosen by the client; the reply (and every event of a subscription) carries it.
    pub id: u64,
    /// What is asked.
    pub request: Request,
}

/// A frame from daemon to client.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServerMessage {
    /// The id of the request this answers (or of the subscription an event belongs to).
    pub id: u64,
    /// The answer or event.
    #[serde(flatten)]
    pub body: ServerBody,
}

/// A reply, a pushed event, or the end of a stream.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ServerBody {
    /// The reply to a request.
    Response(Response),
    /// An event of a subscription opened by request `id`.
    Event(Event),
    /// The subscription `id` ended (daemon shutting down, or unsubscribed).
    End,
}

/// Everything a client can ask.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum Request {
    /// Must be the first message of a connection.
    Hello {
        /// The client's [`crate::protocol::PROTOCOL_VERSION`].
        protocol: u32,
        /// The client's program version.
        client_version: String,
    },
    /// Liveness check; answered with [`Response::Pong`].
    Ping,
    /// Daemon status; answered with [`Response::Status`].
    Status,
    /// The daemon's running configuration; answered with [`Response::Config`].
    ConfigGet,
    /// Re-read the configuration file (like SIGHUP); answered with [`Response::Config`]
    /// or a failure that leaves the running configuration unchanged.
    ConfigReload,
    /// Database status; answered with [`Response::Db`].
    DbStatus,
    /// Recent daemon log lines, then (with `follow`) new ones as [`Event::Log`].
    Logs {
        /// How many recent lines to send first.
        lines: u32,
        /// Keep streaming new lines.
        follow: bool,
    },
    /// Stream daemon events (state changes, alerts) as [`Event`]s.
    Subscribe {
        /// Which topics; empty means all.
        topics: Vec<Topic>,
    },
    /// Stop the subscription opened by request `id`.
    Unsubscribe {
        /// The id of the `Subscribe` or `Logs` request.
        id: u64,
    },
    /// Shut the daemon down gracefully.
    Shutdown,
    /// Every preset, built-ins first; answered with [`Response::Presets`].
    PresetList,
    /// One preset (built-in or user); answered with [`Response::Preset`].
    PresetGet {
        /// Preset name.
        name: String,
    },
    /// Store a new user preset derived from `from`; answered with [`Response::Preset`].
    PresetCreate {
        /// The new preset's name (not a built-in's, not taken).
        name: String,
        /// The preset it starts from (built-in or user).
        from: String,
        /// Description (default: "Derived from `from`"), category (default: the
        /// base's) and `stage.param=value` overrides (applied in order, range-checked).
        #[serde(default)]
        edit: crate::presets::Edit,
    },
    /// Change a user preset; answered with [`Response::Preset`]. Built-ins are refused.
    PresetUpdate {
        /// Preset name.
        name: String,
        /// New description or category, and `stage.param=value` overrides.
        #[serde(default)]
        edit: crate::presets::Edit,
    },
    /// Rename a user preset; answered with [`Response::Preset`].
    PresetRename {
        /// Current name.
        from: String,
        /// New name.
        to: String,
    },
    /// Delete a user preset; answered with [`Response::Ok`].
    PresetDelete {
        /// Preset name.
        name: String,
    },
    /// Store a whole preset (from a preset file); answered with
    /// [`Response::PresetImported`]. Validated whole: a refused import writes nothing.
    PresetImport {
        /// The preset (its `builtin` flag is ignored).
        preset: crate::presets::Preset,
        /// Overwrite a user preset of the same name.
        #[serde(default)]
        replace: bool,
    },
    /// Spawn a bot; answered with [`Response::Bot`] (state `requested`).
    BotSpawn {
        /// What to spawn.
        spec: BotSpec,
    },
    /// Bots, newest first; answered with [`Response::Bots`].
    BotList {
        /// Include ended bots.
        all: bool,
        /// Only bots in this state.
        state: Option<BotState>,
    },
    /// One bot with its live figures; answered with [`Response::Bot`].
    BotStatus {
        /// Bot id (or a unique prefix of it).
        id: String,
    },
    /// Stop a bot and wait until it has ended; answered with [`Response::Bot`].
    BotTerminate {
        /// Bot id (or a unique prefix).
        id: String,
        /// Seconds to wait for a graceful stop before killing (default from config).
        timeout_s: Option<f64>,
        /// Kill at once.
        force: bool,
    },
    /// A bot's log lines, then (with `follow`) new ones as [`Event::BotLog`].
    BotLogs {
        /// Bot id (or a unique prefix).
        id: String,
        /// How many recent lines first.
        lines: u32,
        /// Keep streaming.
        follow: bool,
    },
    /// Delete ended bots that ended more than `older_than_s` ago, with everything of
    /// their sessions (events, statistics, transcripts, translations, analyses, logs);
    /// answered with [`Response::Removed`].
    BotCleanup {
        /// Age in seconds.
        older_than_s: f64,
    },
    /// A bot's effective settings; with `set`, first change those that change live
    /// (all checked before any is applied); answered with [`Response::BotConfig`].
    BotConfig {
        /// Bot id (or a unique prefix, or its name).
        id: String,
        /// `key=value` items (`orch bot config --set`).
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        set: Vec<String>,
    },
    /// Start a bot's virtual webcam; answered with [`Response::Webcam`].
    WebcamStart {
        /// Bot id (or a unique prefix, or its name).
        id: String,
        /// `key=value` settings over `[webcam]` of the configuration.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        set: Vec<String>,
        /// `y4m:PATH` (absolute) or `v4l2:/dev/videoN`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        output: Option<String>,
    },
    /// Stop a bot's webcam; answered with [`Response::Webcam`] (its last figures).
    WebcamStop {
        /// Bot id (or a unique prefix, or its name).
        id: String,
    },
    /// A webcam's figures; with `set`, change its settings live first; answered with
    /// [`Response::Webcam`].
    WebcamStatus {
        /// Bot id (or a unique prefix, or its name).
        id: String,
        /// `key=value` changes (`orch webcam config --set`).
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        set: Vec<String>,
    },
    /// The webcam's current frame as PNG; answered with [`Response::Image`].
    WebcamSnapshot {
        /// Bot id (or a unique prefix, or its name).
        id: String,
    },
    /// Switch a running bot to another preset without a gap; answered with [`Response::Bot`].
    BotApplyPreset {
        /// Bot id (or a unique prefix).
        id: String,
        /// Preset name.
        preset: String,
    },
    /// Stream a live bot's meters ten times a second as [`Event::Meters`].
    BotMeters {
        /// Bot id (or a unique prefix).
        id: String,
    },
    /// Sent by a meeting-bot program: this connection carries audio of bot `bot_id`.
    BotAttach {
        /// The id the program was started with.
        bot_id: String,
        /// Sample rate of the audio it will send.
        sample_rate: u32,
        /// Channels of the audio it will send.
        channels: usize,
    },
    /// Audio of an attached bot: base64 of little-endian PCM, interleaved. No reply on
    /// success (a failure reply on error).
    BotAudio {
        /// Sample encoding of `data`.
        format: RawFormat,
        /// Base64 PCM.
        data: String,
    },
    /// A participant or speaker change reported by a meeting-bot program (no reply on
    /// success).
    BotParticipant {
        /// `joined`, `left` or `speaking`.
        event: String,
        /// The platform's participant id.
        participant_id: String,
        /// Display name.
        name: Option<String>,
    },
    /// Sent by a meeting-bot program just before it exits: why its meeting ended
    /// (`lobby_denied`, `lobby_timeout`, `meeting_ended`, `left_alone`,
    /// `nobody_joined`). Allowed before `bot_attach` (a bot refused at the lobby never
    /// attaches); answered with `ok`.
    BotEnd {
        /// The id the program was started with.
        bot_id: String,
        /// The reason, as the state machine names it.
        reason: String,
        /// One line for the bot's status.
        detail: Option<String>,
    },
    /// Open a live analysis of pushed audio (`orch analyze --live -`); then send
    /// [`Request::LiveAudio`] frames; meters arrive as [`Event::Meters`] with bot id `-`.
    LiveOpen {
        /// Sample rate.
        sample_rate: u32,
        /// Channels.
        channels: usize,
    },
    /// Audio for the live analysis opened on this connection (no reply on success).
    LiveAudio {
        /// Sample encoding of `data`.
        format: RawFormat,
        /// Base64 PCM.
        data: String,
    },
    /// End the live analysis; answered with [`Response::Analysis`] (the full report).
    LiveClose,
    /// Sessions started since `since` (Unix s); answered with [`Response::Sessions`].
    AnalyticsSessions {
        /// Unix time.
        since: f64,
        /// Only this bot.
        bot_id: Option<String>,
    },
    /// Processing performance of live bots, of the sessions started since `since` (ended
    /// ones too, from their stored windows) and of the daemon; answered with
    /// [`Response::Performance`].
    AnalyticsPerformance {
        /// Unix time; sessions of every age when absent.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        since: Option<f64>,
        /// Only this bot (id, unique prefix or name).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        bot: Option<String>,
    },
    /// Store an analysis report of a file (`orch analyze --save`); answered with
    /// [`Response::Ok`] naming its id.
    AnalysisSave {
        /// The file as named.
        source: String,
        /// The `orch analyze --json` object.
        report: serde_json::Value,
    },
    /// Stored analysis reports since `since` (Unix s), newest first, or the one with
    /// `id` with its report; answered with [`Response::Analyses`].
    Analyses {
        #[serde(default)]
        since: f64,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        id: Option<i64>,
    },
    /// The stored processing windows of a session, or of a bot's newest session;
    /// answered with [`Response::Windows`].
    AnalyticsWindows {
        /// A session id, or a bot id, unique prefix or name.
        target: String,
    },
    /// A transcript: of a session, or of a bot's newest session; answered with
    /// [`Response::Transcript`].
    TranscriptGet {
        /// A session id, or a bot id (or a unique prefix of one).
        target: String,
        /// Also its translations: into these languages (ISO 639-1), or into every
        /// language it has when empty; none when absent.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        langs: Option<Vec<String>>,
    },
    /// The speakers of a session; answered with [`Response::Speakers`].
    SpeakersList {
        /// A session id, or a bot id (its newest session).
        target: String,
    },
    /// Name a session's speaker label; answered with [`Response::Speakers`].
    SpeakersMap {
        /// A session id, or a bot id (its newest session).
        target: String,
        /// The label lines carry (`Speaker 1`, `SPEAKER_00`, a participant's name).
        label: String,
        /// The name to show.
        name: String,
    },
    /// Stored events of one bot or all; answered with [`Response::Events`].
    BotEvents {
        /// Bot id (or a unique prefix); all bots when `None`.
        id: Option<String>,
        /// How many of the most recent events.
        limit: u32,
        /// Only events at or after this Unix time.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        since: Option<f64>,
    },
}

/// Event topics a client can subscribe to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Topic {
    /// Daemon lifecycle: config reloads, shutdown.
    Daemon,
    /// Log lines.
    Log,
    /// Bot state changes, alerts and participant events.
    Bots,
}

/// Everything the daemon can answer.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum Response {
    /// Handshake accepted.
    Hello {
        /// The daemon's protocol version.
        protocol: u32,
        /// The daemon's program version.
        daemon_version: String,
    },
    /// Answer to [`Request::Ping`].
    Pong,
    /// Answer to [`Request::Status`].
    Status(Box<StatusInfo>),
    /// Answer to config requests.
    Config(ConfigInfo),
    /// Answer to [`Request::DbStatus`].
    Db(DbInfo),
    /// What a cleanup removed.
    Removed(Removed),
    /// A bot's effective settings.
    BotConfig(Box<crate::bots::settings::Settings>),
    /// A webcam's figures and settings.
    Webcam(Box<crate::webcam::Status>),
    /// An image (PNG), base64.
    Image { png_base64: String },
    /// Stored analysis reports.
    Analyses {
        analyses: Vec<crate::records::AnalysisRow>,
    },
    /// Processing windows of one session, oldest first.
    Windows {
        session_id: String,
        bot_id: String,
        windows: Vec<crate::records::StatsWindow>,
    },
    /// Answer to [`Request::PresetList`]: built-ins first, then user presets by name.
    Presets {
        /// The presets.
        presets: Vec<crate::presets::Preset>,
    },
    /// One preset (answer to get, create, update and rename).
    Preset(crate::presets::Preset),
    /// Answer to [`Request::PresetImport`].
    PresetImported {
        /// The stored preset.
        preset: crate::presets::Preset,
        /// Whether a user preset of that name was replaced.
        replaced: bool,
    },
    /// A request that needs no data succeeded.
    Ok {
        /// What was done.
        message: String,
    },
    /// The request failed; the connection stays usable unless `kind` is `protocol` or
    /// `version_mismatch`.
    Failure(Failure),
    /// One bot.
    Bot(Box<BotInfo>),
    /// Several bots.
    Bots {
        /// The bots.
        bots: Vec<BotInfo>,
    },
    /// Bot sessions.
    Sessions {
        /// The sessions, newest first.
        sessions: Vec<SessionRow>,
    },
    /// Stored bot events.
    Events {
        /// The events, oldest first.
        events: Vec<EventRow>,
    },
    /// Processing performance.
    Performance(Box<Performance>),
    /// A session's transcript.
    Transcript {
        /// The session.
        session_id: String,
        /// Its bot.
        bot_id: String,
        /// The session is still live (more lines may come).
        live: bool,
        /// The lines in time order.
        lines: Vec<TranscriptRow>,
        /// Their translations into the languages asked for, in time order.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        translations: Vec<TranslationRow>,
    },
    /// A session's speakers.
    Speakers {
        /// The session.
        session_id: String,
        /// Its speakers.
        speakers: Vec<crate::records::SpeakerRow>,
    },
    /// A full analysis report (the JSON of `orch analyze --json`).
    Analysis {
        /// The report.
        report: serde_json::Value,
    },
}

/// What `orch analytics performance` shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Performance {
    /// Per live bot: processing time per block, realtime factor, drops.
    pub bots: Vec<BotPerformance>,
    /// Daemon CPU time (s) since start.
    pub daemon_cpu_s: Option<f64>,
    /// Daemon resident memory (KiB).
    pub daemon_rss_kib: Option<u64>,
    /// Daemon uptime (s).
    pub uptime_s: f64,
    /// Live bots.
    pub live_bots: u64,
    /// Bots by state (all known bots).
    pub bots_by_state: std::collections::BTreeMap<String, u64>,
    /// Restarts over all known bots.
    pub total_restarts: u64,
    /// Sessions that ended in failure.
    pub failed_sessions: u64,
    /// Sessions asked for (live and ended), newest first, from their stored windows.
    #[serde(default)]
    pub sessions: Vec<crate::records::SessionPerformance>,
}

/// Performance of one live bot.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BotPerformance {
    /// Bot id.
    pub id: String,
    /// Bot name.
    pub name: String,
    /// Blocks processed.
    pub blocks: u64,
    /// Blocks dropped.
    pub dropped_blocks: u64,
    /// Per-block processing time percentiles (ms).
    pub p50_ms: Option<f64>,
    /// 95th percentile.
    pub p95_ms: Option<f64>,
    /// 99th percentile.
    pub p99_ms: Option<f64>,
    /// Audio seconds per processing second.
    pub realtime_factor: Option<f64>,
    /// Restarts.
    pub restarts: u32,
}

/// A failed request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Failure {
    /// The class of failure; it decides the CLI's exit code.
    pub kind: FailureKind,
    /// One line for humans.
    pub message: String,
}

/// Classes of failure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FailureKind {
    /// A named object does not exist (exit 4).
    NotFound,
    /// Invalid input or configuration (exit 5).
    Invalid,
    /// Client and daemon speak different protocol versions.
    VersionMismatch,
    /// A malformed, unknown or oversized frame.
    Protocol,
    /// The daemon is at a limit (clients, bots) or shutting down.
    Busy,
    /// The client may not ask for this (a member of `daemon.allowed_group` asking
    /// for what only the owner may do).
    Denied,
    /// Anything else went wrong in the daemon.
    Internal,
}

impl Failure {
    /// A failure of `kind` with `message`.
    pub fn new(kind: FailureKind, message: impl Into<String>) -> Self {
        Self {
            kind,
            message: message.into(),
        }
    }

    /// Convert to the library error the CLI reports.
    pub fn into_error(self) -> crate::Error {
        match self.kind {
            FailureKind::NotFound => crate::Error::Missing(self.message),
            FailureKind::Invalid => crate::Error::Invalid(self.message),
            _ => crate::Error::Other(self.message),
        }
    }
}

/// What `orch status` shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StatusInfo {
    /// Daemon program version.
    pub version: String,
    /// Protocol version.
    pub protocol: u32,
    /// Process id.
    pub pid: u32,
    /// Seconds since the daemon started.
    pub uptime_s: f64,
    /// The socket it serves.
    pub socket: PathBuf,
    /// Its data directory.
    pub data_dir: PathBuf,
    /// The configuration file it read (if one existed).
    pub config_file: Option<PathBuf>,
    /// Applied database schema version.
    pub schema_version: u32,
    /// Connected clients, this one included.
    pub clients: u32,
    /// Open subscriptions.
    pub subscriptions: u32,
    /// Rows in the main tables.
    pub counts: Counts,
    /// How the daemon was started: `foreground`, `systemd` or `socket_activated`.
    pub started_by: String,
    /// The speech-to-text engine bots use, once one has been used: its circuit breaker.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transcription: Option<crate::engine::BreakerSnapshot>,
    /// The translation engine bots use, once one has been used: its circuit breaker.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub translation: Option<crate::engine::BreakerSnapshot>,
    /// What the daemon and its bots use of the machine (`orch status --system`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub system: Option<SystemInfo>,
    /// Why bot state changes cannot be stored, while they cannot (a full disk).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub storage_error: Option<String>,
    /// Bots whose newest state change waits to be stored.
    #[serde(default)]
    pub unsaved_bots: u32,
}

/// What the daemon and its bots use of the machine.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SystemInfo {
    /// The daemon's CPU time (user + system, all threads), resident memory, threads
    /// and open file descriptors.
    pub cpu_s: Option<f64>,
    pub rss_kib: Option<u64>,
    pub threads: Option<u64>,
    pub open_files: Option<u64>,
    /// Bytes under the data directory (database, its journal, logs).
    pub data_dir_bytes: u64,
    /// Space of the data directory's filesystem: free to the daemon, and in all.
    pub disk_free_bytes: Option<u64>,
    pub disk_total_bytes: Option<u64>,
    /// Each live bot: its worker process (command and meeting bots) or audio thread
    /// (file bots, inside the daemon).
    pub bots: Vec<BotResources>,
}

/// What one live bot uses.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct BotResources {
    pub id: String,
    pub name: String,
    /// Its worker process, when it has one.
    pub pid: Option<u32>,
    /// CPU seconds of the worker process, or of the audio thread without one.
    pub cpu_s: Option<f64>,
    /// Resident memory of the worker process (KiB); none for a thread of the daemon.
    pub rss_kib: Option<u64>,
}

/// The daemon's configuration.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConfigInfo {
    /// The file read, or that would be read.
    pub path: PathBuf,
    /// Whether that file existed.
    pub from_file: bool,
    /// The configuration as TOML text.
    pub toml: String,
}

/// Something the daemon pushes to subscribers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum Event {
    /// A log line.
    Log {
        /// Unix time in seconds.
        time: f64,
        /// `ERROR`, `WARN`, `INFO`, `DEBUG` or `TRACE`.
        level: String,
        /// The log line.
        message: String,
    },
    /// The configuration was reloaded (or a reload was refused).
    ConfigReloaded {
        /// Unix time in seconds.
        time: f64,
        /// True when the new configuration is in force.
        ok: bool,
        /// What happened.
        message: String,
    },
    /// The daemon is shutting down; streams end after this.
    ShuttingDown {
        /// Unix time in seconds.
        time: f64,
        /// Why.
        reason: String,
    },
    /// A bot changed state.
    BotState {
        /// Unix time in seconds.
        time: f64,
        /// Bot id.
        bot_id: String,
        /// Previous state.
        from: BotState,
        /// New state.
        to: BotState,
        /// Why.
        reason: Reason,
        /// Detail (an error message).
        detail: Option<String>,
    },
    /// Something about a bot worth a human's attention (stall, slow processing).
    BotAlert {
        /// Unix time in seconds.
        time: f64,
        /// Bot id.
        bot_id: String,
        /// `warning` or `error`.
        severity: String,
        /// What happened.
        message: String,
    },
    /// A meeting participant joined, left or spoke.
    Participant {
        /// Unix time in seconds.
        time: f64,
        /// Bot id.
        bot_id: String,
        /// `joined`, `left` or `speaking`.
        event: String,
        /// Platform participant id.
        participant_id: String,
        /// Display name.
        name: Option<String>,
    },
    /// Live meters of a bot (or `-` for pushed audio), ten times a second.
    Meters {
        /// Bot id, or `-`.
        bot_id: String,
        /// The meters.
        meters: Meters,
    },
    /// A transcript line of a bot.
    Transcript {
        /// Unix time in seconds.
        time: f64,
        /// Bot id.
        bot_id: String,
        /// The line.
        line: TranscriptRow,
    },
    /// A transcript line of a bot translated into one language.
    Translation {
        /// Unix time in seconds.
        time: f64,
        /// Bot id.
        bot_id: String,
        /// The translation.
        translation: TranslationRow,
    },
    /// A line of a bot's log.
    BotLog {
        /// Unix time in seconds.
        time: f64,
        /// Bot id.
        bot_id: String,
        /// The line.
        line: String,
    },
}

impl Event {
    /// The topic this event belongs to.
    pub fn topic(&self) -> Topic {
        match self {
            Event::Log { .. } | Event::BotLog { .. } => Topic::Log,
            Event::ConfigReloaded { .. } | Event::ShuttingDown { .. } => Topic::Daemon,
            Event::BotState { .. }
            | Event::BotAlert { .. }
            | Event::Participant { .. }
            | Event::Meters { .. }
            | Event::Transcript { .. }
            | Event::Translation { .. } => Topic::Bots,
        }
    }
}

#[cfg(test)]
mod preset_tests {
    use super::{Request, Response};

    #[test]
    fn presets_cross_the_protocol_unchanged() {
        for p in crate::presets::builtins() {
            let json = serde_json::to_string(&Response::Preset(p.clone())).unwrap();
            match serde_json::from_str(&json).unwrap() {
                Response::Preset(back) => assert_eq!(back, p),
                other => panic!("{other:?}"),
            }
            let req = Request::PresetImport {
                preset: p.clone(),
                replace: true,
            };
            let json = serde_json::to_string(&req).unwrap();
            match serde_json::from_str(&json).unwrap() {
                Request::PresetImport { preset, replace } => {
                    assert_eq!(preset, p);
                    assert!(replace);
                }
                other => panic!("{other:?}"),
            }
        }
        let r: Request = serde_json::from_str(
            r#"{"type":"preset_update","name":"x","edit":{"set":["agc.max_gain_db=3"]}}"#,
        )
        .unwrap();
        match r {
            Request::PresetUpdate { name, edit } => {
                assert_eq!(name, "x");
                assert_eq!(edit.set, vec!["agc.max_gain_db=3".to_string()]);
                assert!(edit.description.is_none());
            }
            other => panic!("{other:?}"),
        }
    }
}
