//! Where a bot's audio comes from: a file replayed in real time, a program's stdout,
//! or frames pushed over the bot protocol by a meeting-bot program.

use std::collections::VecDeque;
use std::io::{BufRead, BufReader};
use std::os::unix::process::CommandExt;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::Duration;

use orch::audio::Planar;
use orch::audio::decode::Decoder;
use orch::bots::{BotKind, BotSpec};
use orch::protocol::{Failure, FailureKind};

use super::shared::Shared;

/// A file bot's source must be a regular file that exists now: a missing one fails the
/// spawn (not found), and a FIFO or device is refused, because reading one can block
/// the bot where terminate cannot reach it.
pub fn check_file(path: &str) -> Result<(), Failure> {
    let p = std::path::Path::new(path);
    let meta = std::fs::metadata(p).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => Failure::new(
            FailureKind::NotFound,
            format!("audio file not found: {path}"),
        ),
        _ => Failure::new(FailureKind::Invalid, format!("cannot read {path}: {e}")),
    })?;
    orch::audio::decode::check_regular(p, &meta).map_err(crate::state::failure)
}

/// Why a source stopped giving audio.
#[derive(Debug)]
pub enum SourceEnd {
    /// The end of the stream: file played, program exited with status 0.
    Ended,
    /// The stream broke: a program died or exited non-zero, a decode error.
    Crashed(String),
}

/// How a meeting bot's program is started.
#[derive(Debug, Clone)]
pub struct MeetingLaunch {
    /// The program: `bots.meeting_program`, or the bundled `orch-meet`.
    pub program: PathBuf,
    /// `[meeting]` settings for it, as environment variables.
    pub env: Vec<(&'static str, String)>,
    /// How long it may take to attach: loading the page, then the lobby.
    pub attach_timeout: Duration,
}

impl MeetingLaunch {
    /// The launch of `spec`'s meeting program under `cfg`, or why there is none.
    pub fn new(cfg: &orch::config::Config, spec: &BotSpec) -> Result<MeetingLaunch, String> {
        let program = match &cfg.bots.meeting_program {
            Some(p) if p.components().count() > 1 && !p.is_file() => {
                return Err(format!(
                    "bots.meeting_program `{}` does not exist",
                    p.display()
                ));
            }
            Some(p) => p.clone(),
            None => bundled_program().ok_or(
                "meeting bots need `bots.meeting_program` in the configuration (orch-meet, \
                 the bundled program, is not installed beside orchd)",
            )?,
        };
        Ok(MeetingLaunch {
            program,
            env: cfg.meeting.program_env(spec.name.as_deref()),
            attach_timeout: Duration::from_secs_f64(cfg.meeting.attach_timeout_s()),
        })
    }
}

/// `orch-meet` in the directory of the running `orchd`, when it is there.
fn bundled_program() -> Option<PathBuf> {
    let exe = std::env::current_exe().ok()?;
    let p = exe.parent()?.join("orch-meet");
    p.is_file().then_some(p)
}

/// Audio pushed by a meeting-bot program: interleaved samples.
pub type PushRx = Receiver<Vec<f32>>;

/// One opened source.
pub enum Source {
    /// A decoded file, paced to real time by the worker.
    File {
        decoder: Decoder,
        path: PathBuf,
        looped: bool,
    },
    /// A child process writing audio on stdout.
    Command { decoder: Decoder, child: Child },
    /// A meeting-bot program pushing frames through the daemon.
    Push {
        rx: PushRx,
        child: Option<Child>,
        pending: VecDeque<f32>,
        rate: u32,
        channels: usize,
    },
}

impl Source {
    /// Open the source described by `spec`. Errors are one line for the bot's status.
    pub fn open(
        spec: &BotSpec,
        command_line: Option<&str>,
        push: Option<PushRx>,
        meeting: Option<&MeetingLaunch>,
        bot_id: &str,
        socket: &std::path::Path,
        shared: &Arc<Shared>,
    ) -> Result<Source, String> {
        match spec.kind {
            BotKind::File => {
                let path = PathBuf::from(spec.source.as_deref().unwrap_or_default());
                let decoder = Decoder::open(&path).map_err(|e| e.to_string())?;
                Ok(Source::File {
                    decoder,
                    path,
                    looped: spec.looped,
                })
            }
            BotKind::Command => {
                let line = command_line.unwrap_or_default();
                let mut cmd = Command::new("/bin/sh");
                cmd.arg("-c")
                    .arg(line)
                    .env("ORCH_SOCKET", socket)
                    .env("ORCH_BOT_ID", bot_id)
                    .stdin(Stdio::null())
                    .stdout(Stdio::piped())
                    .stderr(Stdio::piped())
                    .process_group(0);
                // Nobody reads its output once orchd is gone.
                let mut child = spawn_guarded(&mut cmd, libc::SIGKILL, shared, |e| {
                    format!("cannot run `{line}`: {e}")
                })?;
                forward_stderr(&mut child, shared);
                let stdout = child.stdout.take().expect("stdout is piped");
                let decoder = match spec.raw {
                    Some(raw) => Decoder::from_raw(
                        Box::new(stdout),
                        raw.format,
                        raw.sample_rate,
                        raw.channels,
                    ),
                    None => Decoder::from_reader(Box::new(stdout), "the command's output"),
                };
                match decoder {
                    Ok(decoder) => Ok(Source::Command { decoder, child }),
                    Err(e) => {
                        let status = stop_child(&mut child, Duration::from_millis(200));
                        Err(format!("{e} ({})", describe_status(status)))
                    }
                }
            }
            BotKind::Meeting => {
                let rx = push.ok_or("no audio channel for a meeting bot")?;
                let launch = meeting.ok_or("no meeting program for a meeting bot")?;
                // Running starts when this run's program attaches, not an earlier one's.
                shared.clear_layout();
                let program = &launch.program;
                let mut cmd = Command::new(program);
                cmd.arg("--bot-id")
                    .arg(bot_id)
                    .arg("--socket")
                    .arg(socket)
                    .arg("--platform")
                    .arg(spec.platform.map(|p| p.name()).unwrap_or_default())
                    .env("ORCH_SOCKET", socket)
                    .env("ORCH_BOT_ID", bot_id)
                    // In the environment, not the arguments: `ps` shows arguments to
                    // every user, and meeting URLs carry passwords.
                    .env(
                        "ORCH_MEETING_URL",
                        spec.meeting_url.as_deref().unwrap_or_default(),
                    )
                    .envs(launch.env.iter().map(|(k, v)| (k, v)))
                    .stdin(Stdio::null())
                    .stdout(Stdio::piped())
                    .stderr(Stdio::piped())
                    .process_group(0);
                // SIGTERM: the program leaves the call and closes its browser.
                let mut child = spawn_guarded(&mut cmd, libc::SIGTERM, shared, |e| {
                    format!("cannot run meeting program {}: {e}", program.display())
                })?;
                forward_stderr(&mut child, shared);
                if let Some(out) = child.stdout.take() {
                    forward_lines(out, shared.clone());
                }
                // The program announces its audio layout when it attaches.
                let deadline = std::time::Instant::now() + launch.attach_timeout;
                let (rate, channels) = loop {
                    if let Some(layout) = shared.layout() {
                        break layout;
                    }
                    if let Ok(Some(status)) = child.try_wait() {
                        return Err(format!(
                            "the meeting program {} before attaching",
                            describe_status(Some(status))
                        ));
                    }
                    if shared.stop.load(std::sync::atomic::Ordering::Relaxed)
                        || std::time::Instant::now() > deadline
                    {
                        stop_child(&mut child, Duration::from_secs(1));
                        return Err(format!(
                            "the meeting program did not attach within {} s",
                            launch.attach_timeout.as_secs()
                        ));
                    }
                    std::thread::sleep(Duration::from_millis(20));
                };
                Ok(Source::Push {
                    rx,
                    child: Some(child),
                    pending: VecDeque::new(),
                    rate,
                    channels,
                })
            }
        }
    }

    /// Sample rate and channels.
    pub fn layout(&self) -> (u32, usize) {
        match self {
            Source::File { decoder, .. } | Source::Command { decoder, .. } => {
                (decoder.info().sample_rate, decoder.info().channels)
            }
            Source::Push { rate, channels, .. } => (*rate, *channels),
        }
    }

    /// Whether the worker must pace reading to real time.
    pub fn paced(&self) -> bool {
        matches!(self, Source::File { .. })
    }

    /// Fill `out` with the next block. `Ok(true)`: audio; `Ok(false)`: nothing yet (push
    /// sources, call again); `Err`: the source ended.
    pub fn read(&mut self, out: &mut Planar) -> Result<bool, SourceEnd> {
        match self {
            Source::File {
                decoder,
                path,
                looped,
            } => match decoder.read(out) {
                Ok(true) => Ok(true),
                Ok(false) if *looped => {
                    *decoder =
                        Decoder::open(path).map_err(|e| SourceEnd::Crashed(e.to_string()))?;
                    decoder
                        .read(out)
                        .map_err(|e| SourceEnd::Crashed(e.to_string()))
                }
                Ok(false) => match decoder.warning() {
                    Some(w) => Err(SourceEnd::Crashed(w.to_string())),
                    None => Err(SourceEnd::Ended),
                },
                Err(e) => Err(SourceEnd::Crashed(e.to_string())),
            },
            Source::Command { decoder, child } => match decoder.read(out) {
                Ok(true) => Ok(true),
                Ok(false) | Err(_) => {
                    let status = child.wait().ok();
                    match status {
                        Some(s) if s.success() => Err(SourceEnd::Ended),
                        other => Err(SourceEnd::Crashed(format!(
                            "the command {}",
                            describe_status(other)
                        ))),
                    }
                }
            },
            Source::Push {
                rx,
                child,
                pending,
                channels,
                ..
            } => {
                let want = out.capacity() * *channels;
                while pending.len() < want {
                    match rx.recv_timeout(Duration::from_millis(50)) {
                        Ok(chunk) => pending.extend(chunk),
                        Err(RecvTimeoutError::Timeout) => {
                            if let Some(c) = child
                                && let Ok(Some(status)) = c.try_wait()
                            {
                                return if status.success() {
                                    Err(SourceEnd::Ended)
                                } else {
                                    Err(SourceEnd::Crashed(format!(
                                        "the meeting program {}",
                                        describe_status(Some(status))
                                    )))
                                };
                            }
                            return Ok(false);
                        }
                        Err(RecvTimeoutError::Disconnected) => return Err(SourceEnd::Ended),
                    }
                }
                let ch = *channels;
                let frames = out.capacity();
                out.set_len(frames);
                for f in 0..frames {
                    for c in 0..ch {
                        out.channel_mut(c)[f] = pending.pop_front().unwrap_or(0.0);
                    }
                }
                Ok(true)
            }
        }
    }

    /// Stop the source: SIGTERM to a child, then SIGKILL after `grace`.
    pub fn stop(&mut self, grace: Duration) {
        match self {
            Source::Command { child, .. } => {
                stop_child(child, grace);
            }
            Source::Push { child: Some(c), .. } => {
                stop_child(c, grace);
            }
            _ => {}
        }
    }
}

/// SIGTERM the child's process group, wait up to `grace`, then SIGKILL.
pub fn stop_child(child: &mut Child, grace: Duration) -> Option<std::process::ExitStatus> {
    if let Ok(Some(s)) = child.try_wait() {
        return Some(s);
    }
    signal_group(child.id(), libc::SIGTERM);
    let deadline = std::time::Instant::now() + grace;
    while std::time::Instant::now() < deadline {
        if let Ok(Some(s)) = child.try_wait() {
            return Some(s);
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    signal_group(child.id(), libc::SIGKILL);
    child.wait().ok()
}

/// Start `cmd` under its guard (see `guard.rs`, `on_death` for when orchd dies) and
/// record the program's pid and the process group a stop signals. `cannot_run` words a
/// failed spawn.
fn spawn_guarded(
    cmd: &mut Command,
    on_death: i32,
    shared: &Shared,
    cannot_run: impl FnOnce(std::io::Error) -> String,
) -> Result<Child, String> {
    let guarded = super::guard::guard(cmd, on_death)
        .map_err(|e| format!("cannot start a guard for the program: {e}"))?;
    let child = cmd.spawn().map_err(cannot_run)?;
    shared.set_pid(guarded.program_pid());
    shared.set_group(Some(child.id()));
    Ok(child)
}

/// Send `sig` to the process group led by `pid`.
pub fn signal_group(pid: u32, sig: i32) {
    // SAFETY: kill(2) with a negative pid signals a process group; no memory involved.
    #[allow(unsafe_code)]
    unsafe {
        libc::kill(-(pid as i32), sig);
    }
}

/// `exited with status 3`, `was killed by signal 9`.
pub fn describe_status(status: Option<std::process::ExitStatus>) -> String {
    use std::os::unix::process::ExitStatusExt;
    match status {
        Some(s) => match (s.code(), s.signal()) {
            (Some(c), _) => format!("exited with status {c}"),
            (_, Some(sig)) => format!("was killed by signal {sig}"),
            _ => "ended".into(),
        },
        None => "ended".into(),
    }
}

fn forward_stderr(child: &mut Child, shared: &Arc<Shared>) {
    if let Some(err) = child.stderr.take() {
        forward_lines(err, shared.clone());
    }
}

/// Copy a child's output lines into the bot's log.
fn forward_lines<R: std::io::Read + Send + 'static>(r: R, shared: Arc<Shared>) {
    let _ = std::thread::Builder::new()
        .name("bot-output".into())
        .spawn(move || {
            for line in BufReader::new(r).lines() {
                match line {
                    Ok(l) => shared.log(&l),
                    Err(_) => break,
                }
            }
        });
}
