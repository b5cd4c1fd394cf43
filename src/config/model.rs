//! The configuration structs, their defaults and their validation.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::paths;
use crate::{Error, Result};

/// Log levels accepted by `daemon.log_level` (a full `tracing` filter directive such as
/// `orch=debug,info` is accepted too).
pub const LOG_LEVELS: [&str; 5] = ["error", "warn", "info", "debug", "trace"];

/// The whole configuration file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// Settings of the `orchd` daemon.
    pub daemon: DaemonConfig,
    /// Settings of the `orch` client.
    pub cli: CliConfig,
}

/// `[daemon]`: where orchd listens and keeps its state, how it logs and shuts down.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DaemonConfig {
    /// Socket path. Default: `$XDG_RUNTIME_DIR/orch/orchd.sock`.
    pub socket: PathBuf,
    /// Directory of the SQLite database and the daemon log. Default: `$XDG_DATA_HOME/orch`.
    pub data_dir: PathBuf,
    /// Log level or `tracing` filter directive. Default: `info`. `RUST_LOG` overrides it.
    pub log_level: String,
    /// A group whose members may connect besides the daemon's own user. Default: none.
    pub allowed_group: Option<String>,
    /// Seconds a graceful shutdown may take before the daemon exits anyway. Default: 10.
    pub shutdown_timeout_s: u64,
    /// Largest protocol frame accepted, in bytes. Default: 16 MiB.
    pub max_frame_bytes: u32,
    /// Most simultaneous client connections. Default: 1024.
    pub max_clients: u32,
}

impl Default for DaemonConfig {
    fn default() -> Self {
        Self {
            socket: paths::default_socket(),
            data_dir: paths::default_data_dir(),
            log_level: "info".into(),
            allowed_group: None,
            shutdown_timeout_s: 10,
            max_frame_bytes: 16 * 1024 * 1024,
            max_clients: 1024,
        }
    }
}

/// `[cli]`: how the `orch` client behaves.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CliConfig {
    /// Start orchd in the background when a command needs it and none runs. Default: true.
    pub autostart: bool,
    /// Seconds to wait for an autostarted daemon to become ready. Default: 5.
    pub autostart_timeout_s: f64,
}

impl Default for CliConfig {
    fn default() -> Self {
        Self {
            autostart: true,
            autostart_timeout_s: 5.0,
        }
    }
}

impl Config {
    /// Check every value; the error names the key.
    pub fn validate(&self) -> Result<()> {
        let d = &self.daemon;
        let bad = |key: &str, msg: String| Err(Error::Config(format!("key `{key}`: {msg}")));
        let level = d.log_level.trim();
        if level.is_empty()
            || !(LOG_LEVELS.contains(&level) || level.contains('=') || level.contains(','))
        {
            return bad(
                "daemon.log_level",
                format!(
                    "`{}` is not a log level (one of {}, or a filter like `orch=debug`)",
                    d.log_level,
                    LOG_LEVELS.join(", ")
                ),
            );
        }
        if !(1..=300).contains(&d.shutdown_timeout_s) {
            return bad(
                "daemon.shutdown_timeout_s",
                format!("{} is outside 1 to 300", d.shutdown_timeout_s),
            );
        }
        if !(4096..=256 * 1024 * 1024).contains(&d.max_frame_bytes) {
            return bad(
                "daemon.max_frame_bytes",
                format!("{} is outside 4096 to 268435456", d.max_frame_bytes),
            );
        }
        if !(1..=65536).contains(&d.max_clients) {
            return bad(
                "daemon.max_clients",
                format!("{} is outside 1 to 65536", d.max_clients),
            );
        }
        if d.socket.as_os_str().is_empty() {
            return bad("daemon.socket", "must not be empty".into());
        }
        if d.data_dir.as_os_str().is_empty() {
            return bad("daemon.data_dir", "must not be empty".into());
        }
        if let Some(g) = &d.allowed_group
            && g.trim().is_empty()
        {
            return bad("daemon.allowed_group", "must not be empty when set".into());
        }
        let t = self.cli.autostart_timeout_s;
        if !(t.is_finite() && (0.1..=120.0).contains(&t)) {
            return bad(
                "cli.autostart_timeout_s",
                format!("{t} is outside 0.1 to 120"),
            );
        }
        Ok(())
    }

    /// The path of the SQLite database.
    pub fn db_path(&self) -> PathBuf {
        self.daemon.data_dir.join(paths::DB_NAME)
    }

    /// The path of the daemon log written by `orch daemon start`.
    pub fn log_path(&self) -> PathBuf {
        self.daemon.data_dir.join(paths::LOG_NAME)
    }

    /// The configuration as TOML text.
    pub fn to_toml(&self) -> String {
        toml::to_string_pretty(self).expect("config serializes")
    }
}
