//! The two protocol enums: what a client asks ([`Request`]) and what the daemon answers
//! ([`Response`]) or pushes ([`Event`]). User mistakes come back as
//! [`Response::Failure`]; transport problems are errors of the connection.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

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
}

/// Event topics a client can subscribe to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Topic {
    /// Daemon lifecycle: config reloads, shutdown.
    Daemon,
    /// Log lines.
    Log,
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
    Status(StatusInfo),
    /// Answer to config requests.
    Config(ConfigInfo),
    /// Answer to [`Request::DbStatus`].
    Db(DbInfo),
    /// A request that needs no data succeeded.
    Ok {
        /// What was done.
        message: String,
    },
    /// The request failed; the connection stays usable unless `kind` is `protocol` or
    /// `version_mismatch`.
    Failure(Failure),
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
}

impl Event {
    /// The topic this event belongs to.
    pub fn topic(&self) -> Topic {
        match self {
            Event::Log { .. } => Topic::Log,
            Event::ConfigReloaded { .. } | Event::ShuttingDown { .. } => Topic::Daemon,
        }
    }
}

/// Seconds since the Unix epoch, for event timestamps.
pub fn now_unix() -> f64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs_f64())
        .unwrap_or(0.0)
}
