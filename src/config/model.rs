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
    /// The speech-to-text engine, its limits, and how audio is cut into chunks.
    pub transcription: TranscriptionConfig,
    /// The Prometheus endpoint.
    pub metrics: MetricsConfig,
    /// Defaults of bots' virtual webcams (`orch webcam start` flags win).
    pub webcam: crate::webcam::Settings,
    /// How the bundled meeting program joins meetings.
    pub meeting: super::meeting::MeetingConfig,
}

/// Speech-to-text engines `transcription.engine` names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TranscriptionEngine {
    /// Any OpenAI-compatible `POST {url}/v1/audio/transcriptions` (faster-whisper-server,
    /// speaches, vLLM, OpenAI, Groq).
    Openai,
    /// The LiveTranslate whisper service's `POST {url}/transcribe/chunk`.
    Livetranslate,
}

impl TranscriptionEngine {
    /// The name as the configuration spells it.
    pub fn name(self) -> &'static str {
        match self {
            TranscriptionEngine::Openai => "openai",
            TranscriptionEngine::Livetranslate => "livetranslate",
        }
    }
}

/// The chunking presets: (name, chunk seconds, overlap seconds).
pub const CHUNKING_PRESETS: [(&str, f64, f64); 4] = [
    ("exact_whisper_match", 3.0, 0.2),
    ("optimized_performance", 2.5, 0.3),
    ("high_accuracy", 4.0, 0.8),
    ("real_time_optimized", 2.0, 0.2),
];

/// `[transcription]`: which engine turns speech into text, and how audio reaches it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct TranscriptionConfig {
    /// The engine. Default: `openai`.
    pub engine: TranscriptionEngine,
    /// The engine's base URL. Default: `http://127.0.0.1:8000`.
    pub url: String,
    /// The model the engine is asked for (`model` field). Default: none, the engine's
    /// own default (faster-whisper-server's `WHISPER__MODEL`); OpenAI needs `whisper-1`.
    pub model: Option<String>,
    /// Language of the speech (ISO 639-1). Default: none, the engine detects it.
    pub language: Option<String>,
    /// A prompt for the engine (names, terms). Default: none.
    pub prompt: Option<String>,
    /// The environment variable holding the API key, sent as a bearer token. The key
    /// itself is never stored. Default: none (no key sent).
    pub api_key_env: Option<String>,
    /// DSP preset the audio of `orch transcribe` runs through before it is cut into
    /// chunks; `none` sends it as it is, and bots then send their audio before their
    /// chain (any other value: after it). Default: `none`: Whisper reads raw speech best
    /// (docs/benchmarks.md, "Transcription").
    pub preset: String,
    /// A chunking preset (`exact_whisper_match`, `optimized_performance`,
    /// `high_accuracy`, `real_time_optimized`): sets `chunk_s` and `overlap_s`.
    pub chunking: Option<String>,
    /// Length at which a chunk ends unless it is in speech, 0.5 to 10 s. Default: 3.
    pub chunk_s: f64,
    /// Seconds a chunk still in speech at `chunk_s` runs on to end at a pause, 0 to
    /// 10 (0: cut at `chunk_s`, as the original service did). Default: 3.
    pub stretch_s: f64,
    /// Overlap of chunks cut inside speech, 0 to 2 s (below `chunk_s`). Default: 0.5.
    pub overlap_s: f64,
    /// A pause this long (VAD, 100 to 2000 ms) ends a chunk early. Default: 300.
    pub pause_ms: f64,
    /// Shortest chunk a pause may end, 0.2 s up to `chunk_s`. Default: 1.
    pub min_chunk_s: f64,
    /// Seconds to wait for a connection. Default: 10.
    pub connect_timeout_s: f64,
    /// Seconds to wait for an answer once connected. Default: 30.
    pub read_timeout_s: f64,
    /// Tries after a failed one (with backoff from 0.5 s). Default: 2.
    pub retries: u32,
    /// Failures in a row that open the circuit breaker. Default: 5.
    pub breaker_failures: u32,
    /// Seconds an open breaker rests before one trial call. Default: 60.
    pub breaker_open_s: f64,
    /// Requests in flight at once, across all bots and files. Default: 2.
    pub max_in_flight: usize,
    /// Seconds of chunks a bot keeps queued while the engine is slow or down; beyond,
    /// the oldest is dropped. Default: 60.
    pub queue_s: f64,
    /// Longest subtitle cue, 1 to 30 s. Default: 6.
    pub max_cue_s: f64,
    /// Longest subtitle cue, 10 to 500 characters. Default: 84.
    pub max_cue_chars: usize,
    /// Transcribe every bot, as if spawned with `--transcribe`. Default: false.
    pub all_bots: bool,
    /// A shell command that serves the engine at `url`: orchd starts it when a
    /// transcribing bot first needs it, restarts it with backoff when it exits, and
    /// stops it on shutdown. Default: none (the engine is run by someone else).
    pub command: Option<String>,
}

impl Default for TranscriptionConfig {
    fn default() -> Self {
        Self {
            engine: TranscriptionEngine::Openai,
            url: "http://127.0.0.1:8000".into(),
            model: None,
            language: None,
            prompt: None,
            api_key_env: None,
            preset: "none".into(),
            chunking: None,
            chunk_s: 3.0,
            stretch_s: 3.0,
            overlap_s: 0.5,
            pause_ms: 300.0,
            min_chunk_s: 1.0,
            connect_timeout_s: 10.0,
            read_timeout_s: 30.0,
            retries: 2,
            breaker_failures: 5,
            breaker_open_s: 60.0,
            max_in_flight: 2,
            queue_s: 60.0,
            max_cue_s: 6.0,
            max_cue_chars: 84,
            all_bots: false,
            command: None,
        }
    }
}

impl TranscriptionConfig {
    /// Chunk and overlap seconds: the chunking preset's when one is named.
    pub fn chunk_and_overlap(&self) -> (f64, f64) {
        self.chunking
            .as_deref()
            .and_then(|n| CHUNKING_PRESETS.iter().find(|p| p.0 == n))
            .map(|p| (p.1, p.2))
            .unwrap_or((self.chunk_s, self.overlap_s))
    }

    /// The API key, read from the environment variable the config names.
    pub fn api_key(&self) -> Result<Option<String>> {
        api_key_from("transcription", self.api_key_env.as_deref())
    }

    /// Check every value; the error names the key.
    pub fn validate(&self) -> Result<()> {
        let bad = |key: &str, msg: String| {
            Err(Error::Config(format!("key `transcription.{key}`: {msg}")))
        };
        let range = |key: &str, v: f64, lo: f64, hi: f64| -> Result<()> {
            if v.is_finite() && (lo..=hi).contains(&v) {
                Ok(())
            } else {
                bad(key, format!("{v} is outside {lo} to {hi}"))
            }
        };
        if !(self.url.starts_with("http://") || self.url.starts_with("https://")) {
            return bad(
                "url",
                format!("`{}` is not an http:// or https:// URL", self.url),
            );
        }
        if let Some(l) = &self.language {
            crate::lang::Lang::parse(l)
                .map_err(|e| Error::Config(format!("key `transcription.language`: {e}")))?;
        }
        if let Some(c) = &self.chunking
            && !CHUNKING_PRESETS.iter().any(|p| p.0 == c)
        {
            let names: Vec<&str> = CHUNKING_PRESETS.iter().map(|p| p.0).collect();
            return bad(
                "chunking",
                format!(
                    "`{c}` is not a chunking preset (one of {})",
                    names.join(", ")
                ),
            );
        }
        if self.preset != "none"
            && let Err(e) = crate::presets::validate_name(&self.preset)
        {
            return bad("preset", e.to_string());
        }
        range("chunk_s", self.chunk_s, 0.5, 10.0)?;
        range("stretch_s", self.stretch_s, 0.0, 10.0)?;
        range("overlap_s", self.overlap_s, 0.0, 2.0)?;
        let (chunk, overlap) = self.chunk_and_overlap();
        if overlap >= chunk {
            return bad(
                "overlap_s",
                format!("{overlap} is not below chunk_s ({chunk})"),
            );
        }
        range("pause_ms", self.pause_ms, 100.0, 2000.0)?;
        range("min_chunk_s", self.min_chunk_s, 0.2, chunk)?;
        range("connect_timeout_s", self.connect_timeout_s, 0.1, 600.0)?;
        range("read_timeout_s", self.read_timeout_s, 0.1, 3600.0)?;
        range("breaker_open_s", self.breaker_open_s, 0.1, 86400.0)?;
        range("queue_s", self.queue_s, 1.0, 3600.0)?;
        range("max_cue_s", self.max_cue_s, 1.0, 30.0)?;
        if self.command.as_ref().is_some_and(|c| c.trim().is_empty()) {
            return bad("command", "must not be empty when set".into());
        }
        if self.retries > 10 {
            return bad("retries", format!("{} is outside 0 to 10", self.retries));
        }
        if !(1..=100).contains(&self.breaker_failures) {
            return bad(
                "breaker_failures",
                format!("{} is outside 1 to 100", self.breaker_failures),
            );
        }
        if !(1..=64).contains(&self.max_in_flight) {
            return bad(
                "max_in_flight",
                format!("{} is outside 1 to 64", self.max_in_flight),
            );
        }
        if !(10..=500).contains(&self.max_cue_chars) {
            return bad(
                "max_cue_chars",
                format!("{} is outside 10 to 500", self.max_cue_chars),
            );
        }
        if let Some(v) = &self.api_key_env
            && !is_env_name(v)
        {
            return bad(
                "api_key_env",
                format!("`{v}` is not an environment variable name"),
            );
        }
        Ok(())
    }
}

/// Translation engines `translation.engine` names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TranslationEngine {
    /// Apertium through its Debian packages, offline.
    Apertium,
    /// A LibreTranslate server's `POST {url}/translate`.
    Libretranslate,
    /// Any OpenAI-compatible `POST {url}/v1/chat/completions` (Ollama, vLLM, llama.cpp
    /// server, OpenAI), asked to translate.
    Openai,
    /// The LiveTranslate translation service's `POST {url}/api/translate`.
    Livetranslate,
}

impl TranslationEngine {
    /// The name as the configuration spells it.
    pub fn name(self) -> &'static str {
        match self {
            TranslationEngine::Apertium => "apertium",
            TranslationEngine::Libretranslate => "libretranslate",
            TranslationEngine::Openai => "openai",
            TranslationEngine::Livetranslate => "livetranslate",
        }
    }

    /// Whether the engine is a server reached over HTTP (and so needs a `url`).
    pub fn is_http(self) -> bool {
        self != TranslationEngine::Apertium
    }
}

/// `[translation]`: which engine translates transcript lines, and how patiently.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct TranslationConfig {
    /// The engine. Default: `apertium`.
    pub engine: TranslationEngine,
    /// The HTTP engine's base URL; required by every engine but `apertium`.
    /// Default: none.
    pub url: Option<String>,
    /// The model the `openai` engine is asked for (`model` field). Default: none, the
    /// server's own default (OpenAI and Ollama need one).
    pub model: Option<String>,
    /// The environment variable holding the API key (`libretranslate`: `api_key`;
    /// `openai`: a bearer token). The key itself is never stored. Default: none.
    pub api_key_env: Option<String>,
    /// Apertium's data directory (its `modes/` lists the installed pairs).
    /// Default: `/usr/share/apertium`.
    pub apertium_dir: PathBuf,
    /// A glossary file (TOML: `keep = [...]`, `[translate.LANG]`) applied to every
    /// line. Default: none.
    pub glossary: Option<PathBuf>,
    /// Seconds to wait for a connection (HTTP engines). Default: 10.
    pub connect_timeout_s: f64,
    /// Seconds one line may take once connected (Apertium: the whole line). The old
    /// name `timeout_s` is still read. Default: 30.
    #[serde(alias = "timeout_s")]
    pub read_timeout_s: f64,
    /// Tries after a failed one (with backoff from 0.5 s). Default: 2.
    pub retries: u32,
    /// Failures in a row that open the circuit breaker. Default: 5.
    pub breaker_failures: u32,
    /// Seconds an open breaker rests before one trial call. Default: 60.
    pub breaker_open_s: f64,
}

impl Default for TranslationConfig {
    fn default() -> Self {
        Self {
            engine: TranslationEngine::Apertium,
            url: None,
            model: None,
            api_key_env: None,
            apertium_dir: PathBuf::from("/usr/share/apertium"),
            glossary: None,
            connect_timeout_s: 10.0,
            read_timeout_s: 30.0,
            retries: 2,
            breaker_failures: 5,
            breaker_open_s: 60.0,
        }
    }
}

impl TranslationConfig {
    /// The API key, read from the environment variable the config names.
    pub fn api_key(&self) -> Result<Option<String>> {
        api_key_from("translation", self.api_key_env.as_deref())
    }

    fn validate(&self) -> Result<()> {
        let bad =
            |key: &str, msg: String| Err(Error::Config(format!("key `translation.{key}`: {msg}")));
        let range = |key: &str, v: f64, lo: f64, hi: f64| -> Result<()> {
            if v.is_finite() && (lo..=hi).contains(&v) {
                Ok(())
            } else {
                bad(key, format!("{v} is outside {lo} to {hi}"))
            }
        };
        match &self.url {
            Some(url) if !(url.starts_with("http://") || url.starts_with("https://")) => {
                return bad("url", format!("`{url}` is not an http:// or https:// URL"));
            }
            None if self.engine.is_http() => {
                return bad(
                    "url",
                    format!(
                        "the {} engine needs the URL of its server (like http://127.0.0.1:5000)",
                        self.engine.name()
                    ),
                );
            }
            _ => {}
        }
        if self.model.as_ref().is_some_and(|m| m.trim().is_empty()) {
            return bad("model", "must not be empty when set".into());
        }
        if let Some(v) = &self.api_key_env
            && !is_env_name(v)
        {
            return bad(
                "api_key_env",
                format!("`{v}` is not an environment variable name"),
            );
        }
        range("connect_timeout_s", self.connect_timeout_s, 0.1, 600.0)?;
        range("read_timeout_s", self.read_timeout_s, 0.1, 600.0)?;
        range("breaker_open_s", self.breaker_open_s, 0.1, 86400.0)?;
        if self.retries > 10 {
            return bad("retries", format!("{} is outside 0 to 10", self.retries));
        }
        if !(1..=100).contains(&self.breaker_failures) {
            return bad(
                "breaker_failures",
                format!("{} is outside 1 to 100", self.breaker_failures),
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

/// Whether `v` can name an environment variable (letters, digits, `_`).
fn is_env_name(v: &str) -> bool {
    !v.is_empty() && v.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// The API key in the environment variable `var`, if one is named; `section` names the
/// configuration section in the error.
fn api_key_from(section: &str, var: Option<&str>) -> Result<Option<String>> {
    let Some(var) = var else {
        return Ok(None);
    };
    match std::env::var(var) {
        Ok(k) if !k.trim().is_empty() => Ok(Some(k.trim().to_string())),
        _ => Err(Error::Config(format!(
            "key `{section}.api_key_env`: the environment variable {var} is not set"
        ))),
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
    /// Remove ended bots with their whole history (sessions, events, statistics,
    /// transcripts, translations, logs) once they ended this many days ago, checked
    /// every hour, 0.01 to 36500. Default: none (kept until `orch db cleanup`).
    pub retention_days: Option<f64>,
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
            retention_days: None,
        }
    }
}

/// `[metrics]`: the Prometheus endpoint of orchd.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct MetricsConfig {
    /// Address (`host:port`) where orchd serves `GET /metrics` in the Prometheus text
    /// format, with no authentication: keep it on loopback or a private network.
    /// Default: none (no endpoint).
    pub listen: Option<String>,
}

impl MetricsConfig {
    /// The address to listen on, when set.
    pub fn address(&self) -> Result<Option<std::net::SocketAddr>> {
        let Some(l) = &self.listen else {
            return Ok(None);
        };
        l.trim().parse().map(Some).map_err(|_| {
            Error::Config(format!(
                "key `metrics.listen`: `{l}` is not an address like 127.0.0.1:9464"
            ))
        })
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
    /// A command bot whose command writes no audio this long after it starts is
    /// stalled and restarted, 1 to 3600 s. Default: 30 s.
    pub start_timeout_s: f64,
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
    /// protocol). Default: none, meaning `orch-meet` beside `orchd` (the bundled
    /// program, which joins in Chromium; see `[meeting]`).
    pub meeting_program: Option<PathBuf>,
    /// Named command templates for command bots: `name = "shell command line"`.
    /// Default: none.
    pub commands: std::collections::BTreeMap<String, String>,
    /// Size at which a session's log file on disk is rotated (a session keeps at most
    /// twice this), 4096 to 1073741824 bytes. Default: 1048576 (1 MiB).
    pub log_max_bytes: u64,
}

impl Default for BotsConfig {
    fn default() -> Self {
        Self {
            max_concurrent: 32,
            max_restarts: 3,
            restart_backoff_s: 0.5,
            restart_backoff_max_s: 30.0,
            stall_timeout_s: 10.0,
            start_timeout_s: 30.0,
            max_duration_s: 14_400.0,
            silence_timeout_s: 3_600.0,
            terminate_timeout_s: 5.0,
            resume_interrupted: false,
            block_ms: 20.0,
            meeting_program: None,
            commands: Default::default(),
            log_max_bytes: 1024 * 1024,
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
        range("start_timeout_s", self.start_timeout_s, 1.0, 3600.0)?;
        range("max_duration_s", self.max_duration_s, 1.0, 31_536_000.0)?;
        range(
            "silence_timeout_s",
            self.silence_timeout_s,
            1.0,
            31_536_000.0,
        )?;
        range("terminate_timeout_s", self.terminate_timeout_s, 0.1, 600.0)?;
        range("block_ms", self.block_ms, 1.0, 100.0)?;
        range(
            "log_max_bytes",
            self.log_max_bytes as f64,
            4096.0,
            1073741824.0,
        )?;
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
        if let Err((key, msg)) = self.webcam.check() {
            return bad(&format!("webcam.{key}"), msg);
        }
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
        if let Some(r) = d.retention_days
            && !(r.is_finite() && (0.01..=36500.0).contains(&r))
        {
            return bad(
                "daemon.retention_days",
                format!("{r} is outside 0.01 to 36500"),
            );
        }
        if d.socket.as_os_str().is_empty() {
            return bad("daemon.socket", "must not be empty".into());
        }
        if d.data_dir.as_os_str().is_empty() {
            return bad("daemon.data_dir", "must not be empty".into());
        }
        if let Some(g) = &d.allowed_group {
            if g.trim().is_empty() {
                return bad("daemon.allowed_group", "must not be empty when set".into());
            }
            if crate::paths::group_id(g).is_none() {
                return bad("daemon.allowed_group", format!("no group named `{g}`"));
            }
        }
        self.bots.validate()?;
        self.meeting.validate()?;
        self.translation.validate()?;
        self.transcription.validate()?;
        self.metrics.address()?;
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
