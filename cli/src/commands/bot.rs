//! `orch bot spawn|list|status|terminate|logs|watch|cleanup`.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::time::Duration;

use clap::{Args, Subcommand, ValueEnum};
use orch::bots::{BotInfo, BotKind, BotSpec, BotState, Platform, RawInput};
use orch::protocol::{Event, Request, Response};
use orch::{Error, Result};

use super::Ctx;
use super::status::human_duration;
use crate::connect::{ask, block_on, connect, reply, request};
use crate::output::printable;
use crate::output::{key_values, table};

/// Subcommands of `orch bot`.
#[derive(Debug, Subcommand)]
pub enum BotCommand {
    /// Spawn a bot and print its id.
    Spawn(Box<SpawnArgs>),
    /// List bots (live ones unless --all).
    List(ListArgs),
    /// Show a bot: state, uptime, preset, audio, levels, loudness, stages, restarts, pid, CPU, RSS.
    Status(IdArg),
    /// Stop a bot gracefully (then kill it after --timeout), and wait until it has ended.
    Terminate(TerminateArgs),
    /// Show a live bot's log.
    Logs(BotLogsArgs),
    /// A live table of all bots, refreshed every second, like top (Ctrl-C ends it).
    Watch(WatchArgs),
    /// Delete ended bots with their whole history (the same as `orch db cleanup`).
    Cleanup(super::db::CleanupArgs),
    /// Show a bot's effective settings; --set changes a running bot's preset, leave
    /// rules or transcription at once, without restarting it.
    Config(super::bot_config::BotConfigArgs),
}

/// The kinds of bot, for `--kind`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum KindArg {
    /// Replay an audio file in real time.
    File,
    /// Run a program that writes audio to stdout.
    Command,
    /// Join a meeting through the configured meeting-bot program.
    Meeting,
}

/// Meeting platforms, for `--platform`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PlatformArg {
    /// Google Meet (also spelled `google_meet`, as the protocol and errors do).
    #[value(alias = "google_meet")]
    GoogleMeet,
    /// Zoom.
    Zoom,
    /// Microsoft Teams.
    Teams,
}

/// Raw PCM sample formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// Signed 16-bit little-endian.
    S16le,
    /// Signed 24-bit little-endian.
    S24le,
    /// 32-bit float little-endian.
    F32le,
}

impl FormatArg {
    /// The library's format.
    pub fn raw(self) -> orch::audio::pcm::RawFormat {
        use orch::audio::pcm::RawFormat;
        match self {
            FormatArg::S16le => RawFormat::S16Le,
            FormatArg::S24le => RawFormat::S24Le,
            FormatArg::F32le => RawFormat::F32Le,
        }
    }
}

/// Arguments of `orch bot spawn`.
#[derive(Debug, Args)]
pub struct SpawnArgs {
    /// Kind of bot.
    #[arg(long, value_enum)]
    pub kind: KindArg,
    /// Audio file (file bots) or shell command line or named template from
    /// `[bots.commands]` (command bots).
    #[arg(long, value_name = "SOURCE")]
    pub source: Option<String>,
    /// Meeting URL (meeting bots).
    #[arg(long, value_name = "URL")]
    pub meeting_url: Option<String>,
    /// Meeting platform (meeting bots).
    #[arg(long, value_enum)]
    pub platform: Option<PlatformArg>,
    /// A name for the bot (default: its id).
    #[arg(long)]
    pub name: Option<String>,
    /// DSP preset (default: `default`).
    #[arg(long)]
    pub preset: Option<String>,
    /// Spoken language, e.g. en or pt-BR (sent to the transcription engine).
    #[arg(long, value_name = "LANG")]
    pub language: Option<String>,
    /// Transcribe the cleaned audio through `[transcription]`'s engine; the lines are
    /// stored and sent as `transcript` events (`orch transcript show BOT --follow`).
    #[arg(long)]
    pub transcribe: bool,
    /// Languages to translate into (repeatable).
    #[arg(long = "target-language", value_name = "LANG")]
    pub target_languages: Vec<String>,
    /// A glossary for this bot's translations (TOML, as `translation.glossary`), used
    /// instead of the configured one.
    #[arg(long, value_name = "FILE", requires = "target_languages")]
    pub glossary: Option<PathBuf>,
    /// Refuse to spawn while a live bot has the same key (the same meeting twice).
    #[arg(long, value_name = "KEY")]
    pub dedup_key: Option<String>,
    /// Playback speed of a file bot (1 = real time).
    #[arg(long, default_value_t = 1.0)]
    pub speed: f64,
    /// Replay a file bot's file forever.
    #[arg(long = "loop")]
    pub looped: bool,
    /// The command writes raw PCM of this format (otherwise a container such as WAV,
    /// FLAC, MP3 or Ogg is expected).
    #[arg(long, value_enum)]
    pub format: Option<FormatArg>,
    /// Sample rate of raw PCM.
    #[arg(long, default_value_t = 16000)]
    pub rate: u32,
    /// Channels of raw PCM.
    #[arg(long, default_value_t = 1)]
    pub channels: usize,
    /// End the bot after this many seconds of audio (default: bots.max_duration_s).
    #[arg(long, value_name = "SECONDS")]
    pub max_duration: Option<f64>,
    /// End the bot after this many seconds without speech (default: bots.silence_timeout_s).
    #[arg(long, value_name = "SECONDS")]
    pub silence_timeout: Option<f64>,
    /// Start a virtual webcam with the bot (stopped with it): its captions as video.
    #[arg(long)]
    pub webcam: bool,
    /// Where the webcam's frames go: y4m:PATH (a file or a FIFO) or v4l2:/dev/videoN.
    #[arg(long, value_name = "OUT", requires = "webcam")]
    pub webcam_output: Option<String>,
    /// A webcam setting (mode=sidebar, theme=light, size=1920x1080, fps=25...; see
    /// `orch webcam config`). Repeat for several.
    #[arg(long, value_name = "KEY=VALUE", requires = "webcam")]
    pub webcam_set: Vec<String>,
}

/// Arguments of `orch bot list`.
#[derive(Debug, Args)]
pub struct ListArgs {
    /// Include ended bots.
    #[arg(long)]
    pub all: bool,
    /// Only bots in this state.
    #[arg(long, value_parser = parse_state)]
    pub state: Option<BotState>,
}

/// A bot id (or a unique prefix, or its name).
#[derive(Debug, Args)]
pub struct IdArg {
    /// Bot id, a unique prefix of it, or the bot's name.
    pub id: String,
}

/// Arguments of `orch bot terminate`.
#[derive(Debug, Args)]
pub struct TerminateArgs {
    /// Bot id, a unique prefix of it, or the bot's name.
    pub id: String,
    /// Seconds to wait for a graceful stop before killing (default: bots.terminate_timeout_s).
    #[arg(long, value_name = "SECONDS")]
    pub timeout: Option<f64>,
    /// Kill at once.
    #[arg(long)]
    pub force: bool,
}

/// Arguments of `orch bot logs`.
#[derive(Debug, Args)]
pub struct BotLogsArgs {
    /// Bot id, a unique prefix of it, or the bot's name.
    pub id: String,
    /// How many recent lines.
    #[arg(long, short = 'n', default_value_t = 100)]
    pub lines: u32,
    /// Keep printing new lines until the bot ends or Ctrl-C.
    #[arg(long, short)]
    pub follow: bool,
}

/// Arguments of `orch bot watch`.
#[derive(Debug, Args)]
pub struct WatchArgs {
    /// Seconds between refreshes.
    #[arg(long, default_value_t = 1.0)]
    pub interval: f64,
    /// Stop after this many refreshes (default: until Ctrl-C).
    #[arg(long)]
    pub count: Option<u64>,
}

fn parse_state(s: &str) -> std::result::Result<BotState, String> {
    BotState::from_name(s).ok_or_else(|| {
        format!(
            "unknown state `{s}` (one of {})",
            BotState::ALL.map(|s| s.name()).join(", ")
        )
    })
}

/// Run `orch bot ...`.
pub fn run(ctx: &Ctx, cmd: BotCommand) -> Result<()> {
    match cmd {
        BotCommand::Spawn(a) => spawn(ctx, *a),
        BotCommand::List(a) => list(ctx, a),
        BotCommand::Status(a) => status(ctx, &a.id),
        BotCommand::Terminate(a) => terminate(ctx, a),
        BotCommand::Logs(a) => logs(ctx, a),
        BotCommand::Watch(a) => watch(ctx, a),
        BotCommand::Cleanup(a) => super::db::cleanup(ctx, a),
        BotCommand::Config(a) => super::bot_config::run(ctx, a),
    }
}

/// Send one request that answers with a bot.
fn call_bot(ctx: &Ctx, req: Request) -> Result<BotInfo> {
    request(ctx, req, reply!(Response::Bot(b) => *b))
}

fn spawn(ctx: &Ctx, a: SpawnArgs) -> Result<()> {
    let kind = match a.kind {
        KindArg::File => BotKind::File,
        KindArg::Command => BotKind::Command,
        KindArg::Meeting => BotKind::Meeting,
    };
    let mut spec = BotSpec::new(kind);
    spec.source = a.source.map(|s| {
        // A relative file path means relative to where the user is, not to orchd.
        if kind == BotKind::File {
            absolute(&s)
        } else {
            s
        }
    });
    spec.meeting_url = a.meeting_url;
    spec.platform = a.platform.map(|p| match p {
        PlatformArg::GoogleMeet => Platform::GoogleMeet,
        PlatformArg::Zoom => Platform::Zoom,
        PlatformArg::Teams => Platform::Teams,
    });
    spec.name = a.name;
    spec.preset = a.preset;
    spec.language = a.language;
    spec.transcribe = a.transcribe;
    spec.target_languages = a.target_languages;
    if let Some(g) = a.glossary {
        // Checked here, where the user is; orchd reads it again at each run.
        orch::translate::Glossary::load(&g)
            .map_err(|e| Error::from(orch::translate::TranslateError::from(e)))?;
        spec.glossary =
            Some(std::fs::canonicalize(&g).map_err(|e| Error::io("cannot read", &g, e))?);
    }
    spec.dedup_key = a.dedup_key;
    spec.speed = a.speed;
    spec.looped = a.looped;
    spec.raw = a.format.map(|f| RawInput {
        format: f.raw(),
        sample_rate: a.rate,
        channels: a.channels,
    });
    spec.max_duration_s = a.max_duration;
    spec.silence_timeout_s = a.silence_timeout;
    if a.webcam {
        spec.webcam = Some(orch::bots::model::WebcamSpec {
            set: a.webcam_set,
            output: a
                .webcam_output
                .map(|o| super::webcam::absolute_output(&o))
                .transpose()?,
        });
    }
    spec.validate()?;
    let bot = call_bot(ctx, Request::BotSpawn { spec })?;
    if ctx.out.json {
        ctx.out.json(&bot);
    } else if ctx.out.quiet {
        println!("{}", bot.id);
    } else {
        println!("{}", bot.id);
        ctx.out.note(format!(
            "spawned {} bot {} ({}); follow it with `orch bot status {}`",
            bot.kind.name(),
            bot.id,
            printable(&bot.source),
            bot.id
        ));
    }
    Ok(())
}

fn absolute(p: &str) -> String {
    let path = PathBuf::from(p);
    if path.is_absolute() {
        return p.to_string();
    }
    std::env::current_dir()
        .map(|d| d.join(path).display().to_string())
        .unwrap_or_else(|_| p.to_string())
}

fn fetch_list(ctx: &Ctx, all: bool, state: Option<BotState>) -> Result<Vec<BotInfo>> {
    request(
        ctx,
        Request::BotList { all, state },
        reply!(Response::Bots { bots } => bots),
    )
}

fn list(ctx: &Ctx, a: ListArgs) -> Result<()> {
    let bots = fetch_list(ctx, a.all, a.state)?;
    if ctx.out.json {
        ctx.out.json(&serde_json::json!({ "bots": bots }));
        return Ok(());
    }
    if ctx.out.quiet {
        for b in &bots {
            ctx.out.data(&b.id);
        }
        return Ok(());
    }
    if bots.is_empty() {
        ctx.out.note(if a.all {
            "no bots"
        } else {
            "no live bots (--all shows ended ones)"
        });
        return Ok(());
    }
    ctx.out.text(bot_table(&bots).to_string());
    Ok(())
}

fn opt(v: Option<f64>, unit: &str) -> String {
    v.map_or("-".into(), |v| format!("{v:.1}{unit}"))
}

fn bot_table(bots: &[BotInfo]) -> comfy_table::Table {
    let mut t = table(&[
        "id", "name", "kind", "state", "reason", "preset", "up", "audio", "M LUFS", "level",
        "p99 ms", "restarts",
    ]);
    for b in bots {
        let live = b.live.as_ref();
        t.add_row(vec![
            b.id.clone(),
            printable(&b.name),
            b.kind.name().to_string(),
            b.state.name().to_string(),
            b.reason.map_or("-".into(), |r| r.name().to_string()),
            b.preset.clone(),
            b.uptime_s.map_or("-".into(), human_duration),
            live.map_or("-".into(), |l| human_duration(l.audio_s)),
            opt(live.and_then(|l| l.meters.momentary_lufs), ""),
            opt(live.and_then(|l| l.meters.rms_dbfs), " dB"),
            live.and_then(|l| l.p99_ms)
                .map_or("-".into(), |v| format!("{v:.3}")),
            b.restarts.to_string(),
        ]);
    }
    t
}

fn status(ctx: &Ctx, id: &str) -> Result<()> {
    let b = call_bot(ctx, Request::BotStatus { id: id.to_string() })?;
    if ctx.out.json {
        ctx.out.json(&b);
    } else {
        ctx.out.text(render(&b));
    }
    Ok(())
}

/// The human form of `orch bot status`.
pub fn render(b: &BotInfo) -> String {
    let mut rows = vec![
        ("id", b.id.clone()),
        ("name", printable(&b.name)),
        ("kind", b.kind.name().to_string()),
        ("source", printable(&b.source)),
        (
            "state",
            format!(
                "{}{}{}",
                b.state.name(),
                b.reason.map(|r| format!(" ({r})")).unwrap_or_default(),
                b.detail
                    .as_deref()
                    .map(|d| format!(": {}", printable(d)))
                    .unwrap_or_default()
            ),
        ),
        ("preset", b.preset.clone()),
        ("restarts", b.restarts.to_string()),
    ];
    if let Some(u) = b.uptime_s {
        rows.push(("uptime", human_duration(u)));
    }
    if let Some(s) = &b.session_id {
        rows.push(("session", s.clone()));
    }
    if let Some(p) = b.pid {
        rows.push(("pid", p.to_string()));
    }
    if let Some(c) = b.cpu_s {
        rows.push(("cpu", format!("{c:.2} s")));
    }
    if let Some(r) = b.rss_kib {
        rows.push(("rss", format!("{:.1} MiB", r as f64 / 1024.0)));
    }
    if let Some(l) = &b.live {
        let m = &l.meters;
        rows.push(("stream", format!("{} Hz, {} ch", l.sample_rate, l.channels)));
        rows.push((
            "audio",
            format!(
                "{:.1} s in {} blocks ({} dropped)",
                l.audio_s, l.blocks, l.dropped_blocks
            ),
        ));
        rows.push((
            "loudness",
            format!(
                "M {}  S {}  I {} LUFS  TP {} dBTP",
                opt(m.momentary_lufs, ""),
                opt(m.short_term_lufs, ""),
                opt(m.integrated_lufs, ""),
                opt(m.true_peak_dbtp, "")
            ),
        ));
        rows.push((
            "level",
            format!(
                "{} dBFS rms, centroid {} Hz",
                opt(m.rms_dbfs, ""),
                opt(m.centroid_hz, "")
            ),
        ));
        if let Some(s) = l.speech {
            rows.push(("speech", if s { "yes" } else { "no" }.to_string()));
        }
        rows.push((
            "processing",
            format!(
                "p50 {} / p95 {} / p99 {} ms per block, {}x realtime",
                l.p50_ms.map_or("-".into(), |v| format!("{v:.3}")),
                l.p95_ms.map_or("-".into(), |v| format!("{v:.3}")),
                l.p99_ms.map_or("-".into(), |v| format!("{v:.3}")),
                l.realtime_factor.map_or("-".into(), |v| format!("{v:.0}"))
            ),
        ));
    }
    if let Some(t) = &b.transcription {
        rows.push((
            "transcription",
            format!(
                "{} chunks sent, {} pending, {} dropped, {} skipped (silent), {} failed; {} lines",
                t.chunks_sent,
                t.chunks_pending,
                t.chunks_dropped,
                t.chunks_skipped,
                t.chunks_failed,
                t.lines
            ),
        ));
        rows.push((
            "engine",
            format!(
                "latency p50 {} / p95 {} ms, breaker {}{}",
                t.latency_p50_ms.map_or("-".into(), |v| format!("{v:.0}")),
                t.latency_p95_ms.map_or("-".into(), |v| format!("{v:.0}")),
                t.breaker.as_deref().unwrap_or("-"),
                t.last_error
                    .as_deref()
                    .map(|e| format!(" (last error: {})", printable(e)))
                    .unwrap_or_default()
            ),
        ));
    }
    for l in b.translation.iter().flatten() {
        rows.push((
            "translation",
            format!(
                "{}: {} translated, {} failed, {} dropped; latency p50 {} / p95 {} ms{}",
                l.lang,
                l.translated,
                l.failed,
                l.dropped,
                l.p50_ms.map_or("-".into(), |v| format!("{v:.0}")),
                l.p95_ms.map_or("-".into(), |v| format!("{v:.0}")),
                l.last_error
                    .as_deref()
                    .map(|e| format!(" (last error: {})", printable(e)))
                    .unwrap_or_default()
            ),
        ));
    }
    for a in &b.alerts {
        let message = a.message().unwrap_or("");
        rows.push((
            "alert",
            format!(
                "{} {}: {}",
                super::daemon::format_time(a.time),
                a.severity,
                printable(message)
            ),
        ));
    }
    let mut out = key_values(&rows);
    if let Some(p) = b.live.as_ref().and_then(|l| l.pipeline.as_ref()) {
        if p.stages.is_empty() {
            out.push_str("\n\nno DSP stages enabled (pass-through)");
            return out;
        }
        let mut t = table(&[
            "stage", "mean ms", "max ms", "in dB", "out dB", "gain", "speech",
        ]);
        for s in &p.stages {
            let tel = &s.telemetry;
            t.add_row(vec![
                s.stage.name().to_string(),
                format!("{:.3}", s.time.mean_ms),
                format!("{:.3}", s.time.max_ms),
                opt(s.input_level_db, ""),
                opt(s.output_level_db, ""),
                tel.gain_reduction_db
                    .map(|g| format!("-{:.1} dB", g.abs()))
                    .or(tel.gain_db.map(|g| format!("{g:+.1} dB")))
                    .unwrap_or_else(|| "-".into()),
                tel.speech
                    .map_or("-".into(), |s| if s { "yes".into() } else { "no".into() }),
            ]);
        }
        out.push_str("\n\n");
        out.push_str(&t.to_string());
    }
    out
}

fn terminate(ctx: &Ctx, a: TerminateArgs) -> Result<()> {
    let b = call_bot(
        ctx,
        Request::BotTerminate {
            id: a.id,
            timeout_s: a.timeout,
            force: a.force,
        },
    )?;
    if ctx.out.json {
        ctx.out.json(&b);
    } else {
        ctx.out.text(format!(
            "bot {} {}{}",
            b.id,
            b.state.name(),
            b.reason.map(|r| format!(" ({r})")).unwrap_or_default()
        ));
    }
    Ok(())
}

fn logs(ctx: &Ctx, a: BotLogsArgs) -> Result<()> {
    block_on(async {
        let mut c = connect(ctx).await?;
        c.subscribe(Request::BotLogs {
            id: a.id,
            lines: a.lines,
            follow: a.follow,
        })
        .await?;
        loop {
            let next = tokio::select! {
                ev = c.next_event() => ev?,
                _ = tokio::signal::ctrl_c() => None,
            };
            let Some((_, ev)) = next else { break };
            if ctx.out.json {
                ctx.out.json(&ev);
            } else if let Event::BotLog { time, line, .. } = ev {
                println!("{} {}", super::daemon::format_time(time), printable(&line));
            }
        }
        Ok(())
    })
}

fn watch(ctx: &Ctx, a: WatchArgs) -> Result<()> {
    if !(a.interval.is_finite() && (0.1..=3600.0).contains(&a.interval)) {
        return Err(Error::Invalid(format!(
            "--interval {} is outside 0.1 to 3600 s",
            a.interval
        )));
    }
    let tty = std::io::stdout().is_terminal() && !ctx.out.json;
    block_on(async {
        let mut c = connect(ctx).await?;
        let mut n = 0u64;
        loop {
            let req = Request::BotList {
                all: false,
                state: None,
            };
            let bots = ask(&mut c, req, reply!(Response::Bots { bots } => bots)).await?;
            if ctx.out.json {
                ctx.out
                    .json(&serde_json::json!({ "time": orch::protocol::now_unix(), "bots": bots }));
            } else {
                let mut out = std::io::stdout().lock();
                if tty {
                    // Clear the screen and go home, like top.
                    let _ = write!(out, "\x1b[2J\x1b[H");
                }
                let _ = writeln!(out, "orch bots: {} live   (Ctrl-C to quit)\n", bots.len());
                let _ = writeln!(out, "{}", bot_table(&bots));
                let _ = out.flush();
            }
            n += 1;
            if a.count.is_some_and(|c| n >= c) {
                return Ok(());
            }
            tokio::select! {
                _ = tokio::time::sleep(Duration::from_secs_f64(a.interval)) => {}
                _ = tokio::signal::ctrl_c() => return Ok(()),
            }
        }
    })
}
