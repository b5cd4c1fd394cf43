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
    /// Settings of the DSP engine.
    pub dsp: DspConfig,
    /// Limits and policies of bots.
    pub bots: BotsConfig,
    /// The translation engine, its limits and the glossary.
    pub translation: TranslationConfig,
}

/// Translation engines `translation.engine` names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TranslationEngine {
    /// Apertium through its Debian packages, offline.
    Apertium,
}

/// `[translation]`: which engine translates transcript lines, and how patiently.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct TranslationConfig {
    /// The engine. Default: `apertium`.
    pub engine: TranslationEngine,
    /// Apertium's data directory (its `modes/` lists the installed pairs).
    /// Default: `/usr/share/apertium`.
    pub apertium_dir: PathBuf,
    /// A glossary file (TOML: `keep = [...]`, `[translate.LANG]`) applied to every
    /// line. Default: none.
    pub glossary: Option<PathBuf>,
    /// Seconds one line may take before it fails. Default: 30.
    pub timeout_s: f64,
}

impl Default for TranslationConfig {
    fn default() -> Self {
        Self {
            engine: TranslationEngine::Apertium,
            apertium_dir: PathBuf::from("/usr/share/apertium"),
            glossary: None,
            timeout_s: 30.0,
        }
    }
}

impl TranslationConfig {
    fn validate(&self) -> Result<()> {
        let bad =
            |key: &str, msg: String| Err(Error::Config(format!("key `translation.{key}`: {msg}")));
        if !(self.timeout_s.is_finite() && (0.1..=600.0).contains(&self.timeout_s)) {
            return bad(
                "timeout_s",
                format!("{} is outside 0.1 to 600", self.timeout_s),
            );
        }
        if self.apertium_dir.as_os_str().is_empty() {
            return bad("apertium_dir", "must not be empty".into());
        }
        if self
            .glossary
            .as_ref()
            .is_some_and(|g| g.as_os_str().is_empty())
        {
            return bad("glossary", "must not be empty when set".into());
        }
        Ok(())
    }
}

/// `[dsp]`: defaults of the DSP engine.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DspConfig {
    /// Preset used when none is named (`orch process`, bot spawn): a built-in or a user
    /// preset's name. Default: `default`.
    pub default_preset: String,
}

impl Default for DspConfig {
    fn default() -> Self {
        Self {
            default_preset: "default".into(),
        }
    }
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

/// `[bots]`: limits, restart policy and leave rules of bots.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct BotsConfig {
    /// Most bots live at once; 0 means no bot may run. Default: 32.
    pub max_concurrent: u32,
    /// Restarts of a crashed or stalled bot before it is marked failed. Default: 3.
    pub max_restarts: u32,
    /// Delay before the first restart, doubled each time. Default: 0.5 s.
    pub restart_backoff_s: f64,
    /// Longest delay between restarts. Default: 30 s.
    pub restart_backoff_max_s: f64,
    /// A live bot with no audio for this long is stalled and restarted. Default: 10 s.
    pub stall_timeout_s: f64,
    /// Bots end after this long (their `--max-duration` wins). Default: 14400 s (4 h).
    pub max_duration_s: f64,
    /// Bots end after this long without speech (their `--silence-timeout` wins).
    /// Default: 3600 s (60 min).
    pub silence_timeout_s: f64,
    /// Seconds `orch bot terminate` waits for a graceful stop before killing. Default: 5.
    pub terminate_timeout_s: f64,
    /// Restart bots that were running when orchd died. Default: false (they are
    /// marked failed with reason `interrupted`).
    pub resume_interrupted: bool,
    /// Processing block length in ms. Default: 20.
    pub block_ms: f64,
    /// Program that joins meetings for meeting bots (see docs/protocol.md, bot
    /// protocol). Default: none (meeting bots are refused).
    pub meeting_program: Option<PathBuf>,
    /// Named command templates for command bots: `name = "shell command line"`.
    /// Default: none.
    pub commands: std::collections::BTreeMap<String, String>,
}

impl Default for BotsConfig {
    fn default() -> Self {
        Self {
            max_concurrent: 32,
            max_restarts: 3,
            restart_backoff_s: 0.5,
            restart_backoff_max_s: 30.0,
            stall_timeout_s: 10.0,
            max_duration_s: 14_400.0,
            silence_timeout_s: 3_600.0,
            terminate_timeout_s: 5.0,
            resume_interrupted: false,
            block_ms: 20.0,
            meeting_program: None,
            commands: Default::default(),
        }
    }
}

impl BotsConfig {
    fn validate(&self) -> Result<()> {
        let range = |key: &str, v: f64, lo: f64, hi: f64| -> Result<()> {
            if v.is_finite() && (lo..=hi).contains(&v) {
                Ok(())
            } else {
                Err(Error::Config(format!(
                    "key `bots.{key}`: {v} is outside {lo} to {hi}"
                )))
            }
        };
        range(
            "max_concurrent",
            f64::from(self.max_concurrent),
            0.0,
            10_000.0,
        )?;
        range("max_restarts", f64::from(self.max_restarts), 0.0, 1000.0)?;
        range("restart_backoff_s", self.restart_backoff_s, 0.0, 3600.0)?;
        range(
            "restart_backoff_max_s",
            self.restart_backoff_max_s,
            0.0,
            86_400.0,
        )?;
        range("stall_timeout_s", self.stall_timeout_s, 0.1, 86_400.0)?;
        range("max_duration_s", self.max_duration_s, 1.0, 31_536_000.0)?;
        range(
            "silence_timeout_s",
            self.silence_timeout_s,
            1.0,
            31_536_000.0,
        )?;
        range("terminate_timeout_s", self.terminate_timeout_s, 0.1, 600.0)?;
        range("block_ms", self.block_ms, 1.0, 100.0)?;
        for (name, cmd) in &self.commands {
            if name.is_empty() || cmd.trim().is_empty() {
                return Err(Error::Config(format!(
                    "key `bots.commands.{name}`: name and command must not be empty"
                )));
            }
        }
        Ok(())
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
        self.bots.validate()?;
        self.translation.validate()?;
        let t = self.cli.autostart_timeout_s;
        if !(t.is_finite() && (0.1..=120.0).contains(&t)) {
            return bad(
                "cli.autostart_timeout_s",
                format!("{t} is outside 0.1 to 120"),
            );
        }
        if let Err(e) = crate::presets::validate_name(&self.dsp.default_preset) {
            return bad("dsp.default_preset", e.to_string());
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

#[cfg(test)]
mod preset_tests {
    use std::path::Path;

    #[test]
    fn default_preset_is_configurable_and_checked() {
        let p = |text: &str, env: &[(&str, &str)]| {
            let env: Vec<(String, String)> = env
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect();
            crate::config::parse(text, Path::new("c.toml"), &env)
        };
        let (c, _) = p("", &[]).unwrap();
        assert_eq!(c.dsp.default_preset, "default");
        let (c, _) = p("[dsp]\ndefault_preset = \"my-voice\"\n", &[]).unwrap();
        assert_eq!(c.dsp.default_preset, "my-voice");
        let (c, _) = p("", &[("ORCH_DSP_DEFAULT_PRESET", "voice")]).unwrap();
        assert_eq!(c.dsp.default_preset, "voice");
        let e = p("[dsp]\ndefault_preset = \"Bad Name\"\n", &[])
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("key `dsp.default_preset`: preset name `Bad Name` is invalid"),
            "{e}"
        );
    }
}
