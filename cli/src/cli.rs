//! The clap tree of `orch`. Doc comments here are the help text, the man pages and the
//! shell completions: one source for all four.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::commands;

/// orch: local audio orchestration for live meeting transcription and translation.
///
/// Analyse and process audio files in-process, or talk to the orchd daemon to run
/// bots, presets and live analysis. Exit codes: 0 ok, 1 failure, 2 usage,
/// 3 daemon unreachable, 4 not found, 5 invalid input or config.
#[derive(Debug, Parser)]
#[command(name = "orch", version, propagate_version = true, max_term_width = 100)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,

    #[command(subcommand)]
    pub command: Command,
}

/// Flags every command accepts.
#[derive(Debug, Clone, Args)]
pub struct GlobalArgs {
    /// Path of the daemon's socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock].
    #[arg(
        long,
        global = true,
        env = "ORCH_SOCKET",
        hide_env_values = true,
        value_name = "PATH"
    )]
    pub socket: Option<PathBuf>,

    /// Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml].
    #[arg(
        long,
        global = true,
        env = "ORCH_CONFIG",
        hide_env_values = true,
        value_name = "FILE"
    )]
    pub config: Option<PathBuf>,

    /// Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch].
    #[arg(
        long,
        global = true,
        env = "ORCH_DATA_DIR",
        hide_env_values = true,
        value_name = "DIR"
    )]
    pub data_dir: Option<PathBuf>,

    /// Print one stable JSON object per command (NDJSON for streams).
    #[arg(long, global = true)]
    pub json: bool,

    /// Print only errors and the data asked for.
    #[arg(long, short, global = true)]
    pub quiet: bool,

    /// When to use colours (NO_COLOR is honoured by `auto`).
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,

    /// Never start orchd automatically when it is not running.
    #[arg(long, global = true)]
    pub no_autostart: bool,
}

/// When to colour the output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// The commands of `orch`.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Show the daemon's version, uptime, pid, socket, data dir, schema version and counts.
    Status(commands::status::StatusArgs),
    /// Start, stop and inspect the orchd daemon.
    #[command(subcommand)]
    Daemon(commands::daemon::DaemonCommand),
    /// Show, check and reload the configuration.
    #[command(subcommand)]
    Config(commands::config::ConfigCommand),
    /// Inspect the daemon's SQLite database.
    #[command(subcommand)]
    Db(commands::db::DbCommand),
    /// Spawn, watch and terminate audio bots.
    #[command(subcommand)]
    Bot(commands::bot::BotCommand),
    /// Stream bot state changes, alerts and participant events as they happen.
    Events(commands::events::EventsArgs),
    /// Sessions and processing performance of bots and the daemon.
    #[command(subcommand)]
    Analytics(commands::analytics::AnalyticsCommand),
    /// Measure loudness (EBU R128), true peak, spectrum and quality of audio files.
    ///
    /// Runs in-process, no daemon needed. Several files are analysed in parallel;
    /// `--json` prints one object per file (an array for several). Keys and conventions:
    /// docs/analysis.md.
    Analyze(commands::analyze::AnalyzeArgs),
    /// Run the DSP chain over an audio file and write a WAV.
    ///
    /// Runs in-process. The chain comes from --preset (a built-in, or a user preset
    /// looked up through orchd), a --chain TOML file (docs/chain.md), or else the
    /// configured `dsp.default_preset`; the output keeps the input's
    /// sample rate and channels and is aligned with it (the chain's latency is
    /// compensated). `--json` prints one object: docs/chain.md lists its keys.
    Process(commands::process::ProcessArgs),
    /// Normalize the loudness of audio files (two-pass, EBU R128 / BS.1770).
    ///
    /// Measures each input, applies one linear gain to reach --target and, only when that
    /// gain would push the true peak over --true-peak, the true-peak limiter (and says so).
    /// The output is measured after writing. `--json` prints one object per file with
    /// ffmpeg loudnorm's keys (input_i, input_tp, input_lra, input_thresh, output_i,
    /// output_tp, output_lra, output_thresh, target_offset, normalization_type).
    Normalize(commands::normalize::NormalizeArgs),
    /// Manage DSP presets: 13 read-only built-ins and your own, stored by orchd.
    ///
    /// A preset is a whole chain (stages, order, switches, gains, parameters) with a
    /// name, description and category. Built-ins work without the daemon; user presets
    /// are kept in orchd's database. Formats and the built-ins: docs/presets.md.
    #[command(subcommand)]
    Preset(commands::preset::PresetCommand),
    /// Translate text through the configured engine (`[translation]`, Apertium by default).
    ///
    /// Runs in-process, no daemon needed. TEXT, or each line of standard input, is
    /// translated into every --to language; the glossary's terms are kept or translated
    /// its fixed way, and a target equal to --from passes the text through. Prints the
    /// translation (`LANG<TAB>text` for several targets); `--json` prints one object per
    /// line and target: from, source, lang, text, engine, original, latency_ms.
    /// A missing Apertium pair exits 4 and names the Debian package to install.
    Translate(commands::translate::TranslateArgs),
    /// Transcribe audio files through the configured speech-to-text engine.
    ///
    /// Runs in-process, no daemon needed. Each file runs through the DSP chain
    /// (--preset, `transcription.preset`; --bypass for none), is cut into chunks at speech
    /// pauses and sent to the engine of `[transcription]` (an OpenAI-compatible server by
    /// default; `scripts/engines start` runs one here). Prints `[hh:mm:ss] Speaker: text`
    /// lines, or writes --format txt|json|srt|vtt to -o. An unreachable or failing engine
    /// exits 6; a file without speech gives an empty transcript and a note.
    Transcribe(commands::transcribe::TranscribeArgs),
    /// Show or export the transcript of a bot's session (bots spawned with --transcribe).
    ///
    /// `show BOT|SESSION` prints `[hh:mm:ss] Speaker: text` lines (`--json`: one object a
    /// line); `--follow` keeps printing new lines until the bot ends. `export` writes
    /// SRT (default), WebVTT, JSON or text, with the speakers' names. `--lang es` gives
    /// the Spanish translation (bots spawned with --target-language), `--lang en,es`
    /// two lines per cue.
    #[command(subcommand)]
    Transcript(commands::transcript::TranscriptCommand),
    /// Follow a bot's live captions: each line, then its translations as they arrive.
    ///
    /// Prints `[hh:mm:ss] Speaker: text` as each transcript line is finished and, indented
    /// under it, `LANG: translation` for each of the bot's target languages (--lang: only
    /// these) as the engine returns it; `--json` prints NDJSON (line objects, then
    /// translation objects with `transcript_id` and `target_language`). Ends when the bot
    /// ends (or Ctrl-C); for a bot that has ended, prints its last session and exits.
    Captions(commands::captions::CaptionsArgs),
    /// List a session's speakers, or give a speaker label a name.
    #[command(subcommand)]
    Speakers(commands::speakers::SpeakersCommand),
    /// A bot's virtual webcam: live captions as video (Y4M, v4l2loopback, PNG).
    #[command(subcommand)]
    Webcam(commands::webcam::WebcamCommand),
}
