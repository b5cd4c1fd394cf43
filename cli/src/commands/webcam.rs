//! `orch webcam start|stop|status|config|snapshot|render`: a bot's virtual webcam, its
//! live captions drawn as video; `render` draws captions from a file with no daemon.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use base64::Engine as _;
use clap::{Args, Subcommand};
use orch::protocol::{Request, Response};
use orch::webcam::{Board, Header, Renderer, Settings, Status};
use orch::{Error, Result};

use super::Ctx;
use crate::connect::{block_on, reply, request};
use crate::output::{key_values, printable};

/// `orch webcam ...`
#[derive(Debug, Subcommand)]
pub enum WebcamCommand {
    /// Start a bot's webcam: its transcript and translations drawn as video.
    Start(StartArgs),
    /// Stop a bot's webcam.
    Stop(IdArgs),
    /// A webcam's figures: frames, average fps, captions, speakers, its output.
    Status(IdArgs),
    /// Show a webcam's settings, or change them live with --set.
    Config(ConfigArgs),
    /// Save the webcam's current frame as PNG.
    Snapshot(SnapshotArgs),
    /// Draw captions from a file into a PNG, with no daemon (try modes and themes).
    Render(RenderArgs),
}

/// Settings flags shared by `start` and `render`.
#[derive(Debug, Args)]
pub struct Look {
    /// Display mode: overlay, sidebar, bottom_banner, floating, fullscreen,
    /// picture_in_picture.
    #[arg(long, value_name = "MODE")]
    pub mode: Option<String>,
    /// Theme: dark, light, high_contrast, minimal, corporate.
    #[arg(long, value_name = "THEME")]
    pub theme: Option<String>,
    /// Frame size, WIDTHxHEIGHT (640x480 to 1920x1080, even).
    #[arg(long, value_name = "WxH")]
    pub size: Option<String>,
    /// Any other setting (max_captions, caption_s, font_size, background_opacity,
    /// show_speaker_names, show_confidence, show_timestamps, show, languages). Repeat
    /// for several.
    #[arg(long = "set", value_name = "KEY=VALUE")]
    pub set: Vec<String>,
}

impl Look {
    fn pairs(&self) -> Vec<String> {
        let mut v = Vec::new();
        if let Some(m) = &self.mode {
            v.push(format!("mode={m}"));
        }
        if let Some(t) = &self.theme {
            v.push(format!("theme={t}"));
        }
        if let Some(s) = &self.size {
            v.push(format!("size={s}"));
        }
        v.extend(self.set.iter().cloned());
        v
    }
}

/// Arguments of `orch webcam start`.
#[derive(Debug, Args)]
pub struct StartArgs {
    /// Bot id, a unique prefix of it, or the bot's name.
    pub id: String,
    #[command(flatten)]
    pub look: Look,
    /// Frames per second (15 to 60).
    #[arg(long)]
    pub fps: Option<u32>,
    /// Where frames go: y4m:PATH (a file, or a FIFO that ffmpeg or Chromium reads),
    /// v4l2:/dev/videoN (a v4l2loopback device), or - for Y4M on standard output
    /// (the command then runs until the reader or Ctrl-C ends it).
    #[arg(long, short, value_name = "OUT")]
    pub output: Option<String>,
}

/// A bot.
#[derive(Debug, Args)]
pub struct IdArgs {
    /// Bot id, a unique prefix of it, or the bot's name.
    pub id: String,
}

/// Arguments of `orch webcam config`.
#[derive(Debug, Args)]
pub struct ConfigArgs {
    /// Bot id, a unique prefix of it, or the bot's name.
    pub id: String,
    /// Change a setting live: mode, theme, max_captions, caption_s, font_size,
    /// background_opacity, show_speaker_names, show_confidence, show_timestamps, show
    /// (all, transcript, translation), languages (es,fr). Size and fps are fixed while
    /// it runs. Repeat for several; a bad one changes nothing (exit 5).
    #[arg(long = "set", value_name = "KEY=VALUE")]
    pub set: Vec<String>,
}

/// Arguments of `orch webcam snapshot`.
#[derive(Debug, Args)]
pub struct SnapshotArgs {
    /// Bot id, a unique prefix of it, or the bot's name.
    pub id: String,
    /// The PNG file to write.
    #[arg(long, short, value_name = "FILE.png")]
    pub output: PathBuf,
}

/// Arguments of `orch webcam render`.
#[derive(Debug, Args)]
pub struct RenderArgs {
    /// Captions: a JSON array of objects with `text` and optionally `speaker`,
    /// `speaker_label`, `source_language`, `target_language`, `confidence`, `original`;
    /// or one object per line (what `orch --json transcript show` prints).
    #[arg(long, value_name = "FILE.json")]
    pub captions: PathBuf,
    /// The PNG file to write.
    #[arg(long, short, value_name = "FILE.png")]
    pub output: PathBuf,
    #[command(flatten)]
    pub look: Look,
    /// The bot name in the header.
    #[arg(long, default_value = "demo")]
    pub bot: String,
}

/// A `y4m:`/`v4l2:` output with its path made absolute against the working directory
/// (the daemon runs elsewhere).
pub fn absolute_output(o: &str) -> Result<String> {
    let Some((kind, path)) = o.split_once(':') else {
        return Ok(o.to_string());
    };
    let p = Path::new(path);
    if p.is_absolute() || path.is_empty() {
        return Ok(o.to_string());
    }
    let cwd = std::env::current_dir()
        .map_err(|e| Error::Invalid(format!("cannot read the working directory: {e}")))?;
    Ok(format!("{kind}:{}", cwd.join(p).display()))
}

/// Run `orch webcam`.
pub fn run(ctx: &Ctx, cmd: WebcamCommand) -> Result<()> {
    match cmd {
        WebcamCommand::Start(a) => start(ctx, a),
        WebcamCommand::Stop(a) => show(ctx, Request::WebcamStop { id: a.id }),
        WebcamCommand::Status(a) => show(
            ctx,
            Request::WebcamStatus {
                id: a.id,
                set: Vec::new(),
            },
        ),
        WebcamCommand::Config(a) => show(
            ctx,
            Request::WebcamStatus {
                id: a.id,
                set: a.set,
            },
        ),
        WebcamCommand::Snapshot(a) => snapshot(ctx, a),
        WebcamCommand::Render(a) => render(ctx, a),
    }
}

fn show(ctx: &Ctx, req: Request) -> Result<()> {
    let s = request(ctx, req, reply!(Response::Webcam(s) => *s))?;
    print(ctx, &s);
    Ok(())
}

fn print(ctx: &Ctx, s: &Status) {
    if ctx.out.json {
        ctx.out.json(s);
        return;
    }
    let c = &s.settings;
    let on_off = |b: bool| if b { "on" } else { "off" };
    let rows = [
        ("bot", format!("{} ({})", s.bot_id, printable(&s.bot_name))),
        (
            "session",
            s.session_id.clone().unwrap_or_else(|| "-".into()),
        ),
        (
            "output",
            match &s.output {
                Some(o) => format!("{} ({})", printable(o), s.output_state),
                None => "none (snapshots only)".into(),
            },
        ),
        ("size", format!("{}x{} at {} fps", c.width, c.height, c.fps)),
        ("mode", c.mode.name().into()),
        ("theme", c.theme.name().into()),
        (
            "captions",
            format!(
                "{} shown now (at most {}, each {} s), {} in all",
                s.current_captions, c.max_captions, c.caption_s, s.captions
            ),
        ),
        (
            "show",
            format!(
                "{}{}",
                c.show.name(),
                if c.languages.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", c.languages.join(", "))
                }
            ),
        ),
        (
            "text",
            format!(
                "{} px, background {:.0} %, speakers {}, confidence {}, times {}",
                c.font_size,
                c.background_opacity * 100.0,
                on_off(c.show_speaker_names),
                on_off(c.show_confidence),
                on_off(c.show_timestamps)
            ),
        ),
        ("speakers", s.speakers.to_string()),
        (
            "frames",
            format!(
                "{} in {:.1} s ({:.1} fps), {} drawn, {} written, {} dropped",
                s.frames, s.duration_s, s.average_fps, s.renders, s.written, s.dropped
            ),
        ),
        (
            "timing",
            match (
                s.render_ms,
                s.caption_to_frame_ms_p50,
                s.caption_to_frame_ms_p95,
            ) {
                (Some(r), Some(p50), Some(p95)) => {
                    format!("draw {r:.1} ms; caption to frame p50 {p50:.0} ms, p95 {p95:.0} ms")
                }
                (Some(r), _, _) => format!("draw {r:.1} ms"),
                _ => "-".into(),
            },
        ),
        (
            "last caption",
            s.last_caption_time
                .map(|t| format!("{:.1} s ago", (orch::protocol::now_unix() - t).max(0.0)))
                .unwrap_or_else(|| "-".into()),
        ),
    ];
    ctx.out.text(key_values(&rows));
}

fn start(ctx: &Ctx, a: StartArgs) -> Result<()> {
    let mut set = a.look.pairs();
    if let Some(f) = a.fps {
        set.push(format!("fps={f}"));
    }
    if a.output.as_deref() == Some("-") {
        return stream_to_stdout(ctx, a.id, set);
    }
    let output = a.output.as_deref().map(absolute_output).transpose()?;
    show(
        ctx,
        Request::WebcamStart {
            id: a.id,
            set,
            output,
        },
    )
}

/// `--output -`: the daemon writes into a private FIFO; this command copies it to
/// standard output until the reader goes, the webcam ends or Ctrl-C, then stops the
/// webcam it started.
fn stream_to_stdout(ctx: &Ctx, id: String, set: Vec<String>) -> Result<()> {
    let dir = tempfile::Builder::new()
        .prefix("orch-webcam-")
        .tempdir()
        .map_err(|e| Error::Invalid(format!("cannot make a temporary directory: {e}")))?;
    let fifo = dir.path().join("frames.y4m");
    mkfifo(&fifo)?;
    let status = request(
        ctx,
        Request::WebcamStart {
            id: id.clone(),
            set,
            output: Some(format!("y4m:{}", fifo.display())),
        },
        reply!(Response::Webcam(s) => *s),
    )?;
    ctx.out.note(format!(
        "webcam of {} streaming Y4M {}x{} at {} fps to standard output; Ctrl-C stops it",
        status.bot_id, status.settings.width, status.settings.height, status.settings.fps
    ));
    let copier = std::thread::spawn(move || -> std::io::Result<u64> {
        let mut src = std::fs::File::open(&fifo)?;
        let mut out = std::io::stdout().lock();
        let mut buf = vec![0u8; 1 << 20];
        let mut total = 0u64;
        loop {
            let n = src.read(&mut buf)?;
            if n == 0 {
                return Ok(total);
            }
            out.write_all(&buf[..n])?;
            total += n as u64;
        }
    });
    // Wait for the copy to end, or for Ctrl-C.
    block_on(async {
        let done = tokio::task::spawn_blocking(move || copier.join());
        tokio::select! {
            _ = done => {}
            _ = tokio::signal::ctrl_c() => {}
        }
    });
    let stopped = request(
        ctx,
        Request::WebcamStop {
            id: status.bot_id.clone(),
        },
        reply!(Response::Webcam(s) => *s),
    );
    drop(dir);
    match stopped {
        Ok(_) => Ok(()),
        // The bot (and so its webcam) ended first: nothing left to stop.
        Err(Error::NotFound { .. }) | Err(Error::Invalid(_)) => Ok(()),
        Err(e) => Err(e),
    }
}

fn mkfifo(path: &Path) -> Result<()> {
    use std::os::unix::ffi::OsStrExt;
    let c = std::ffi::CString::new(path.as_os_str().as_bytes())
        .map_err(|_| Error::Invalid("a temporary path with a NUL byte".into()))?;
    // SAFETY: `c` is a valid NUL-terminated path that outlives the call.
    #[allow(unsafe_code)]
    let rc = unsafe { libc::mkfifo(c.as_ptr(), 0o600) };
    if rc != 0 {
        return Err(Error::io(
            "cannot make a FIFO",
            path,
            std::io::Error::last_os_error(),
        ));
    }
    Ok(())
}

fn snapshot(ctx: &Ctx, a: SnapshotArgs) -> Result<()> {
    let b64 = request(
        ctx,
        Request::WebcamSnapshot { id: a.id },
        reply!(Response::Image { png_base64 } => png_base64),
    )?;
    let png = base64::engine::general_purpose::STANDARD
        .decode(b64)
        .map_err(|e| Error::Invalid(format!("the daemon sent a bad image: {e}")))?;
    write_png(ctx, &a.output, &png)
}

fn write_png(ctx: &Ctx, path: &Path, png: &[u8]) -> Result<()> {
    std::fs::write(path, png).map_err(|e| Error::io("cannot write", path, e))?;
    if ctx.out.json {
        ctx.out
            .json(&serde_json::json!({ "path": path, "bytes": png.len() }));
    } else {
        ctx.out
            .note(format!("wrote {} ({} bytes)", path.display(), png.len()));
    }
    Ok(())
}

fn render(ctx: &Ctx, a: RenderArgs) -> Result<()> {
    let base = crate::connect::config(ctx)?.config.webcam;
    let settings: Settings = base.with_changes(&a.look.pairs()).map_err(Error::Invalid)?;
    let captions = orch::webcam::read_captions(&a.captions)?;
    let mut board = Board::new();
    // Oldest first, a second apart, all inside their display time.
    let n = captions.len();
    for (i, c) in captions.into_iter().enumerate() {
        board.add(c, i as f64 - n as f64);
    }
    let mut r = Renderer::new(&settings)?;
    let header = Header {
        bot: a.bot,
        session: None,
    };
    let png = orch::webcam::video::png(r.render(&board, &settings, &header))?;
    write_png(ctx, &a.output, &png)
}
