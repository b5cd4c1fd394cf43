//! Reaching the daemon: resolve the socket, connect, and start orchd in the background
//! when it is not running (unless `--no-autostart` or `cli.autostart = false`).

use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use orch::config::Loaded;
use orch::protocol::{Client, Request, Response};
use orch::{Error, Result};

use crate::commands::Ctx;

/// Run a future on a small runtime (the CLI is otherwise synchronous).
pub fn block_on<F: std::future::Future>(f: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("tokio runtime starts")
        .block_on(f)
}

/// The reply a request expects: `reply!(Response::Bot(b) => *b)` is a function that
/// takes that kind of reply and returns the value, or hands any other reply back (for
/// [`ask`] to report as [`unexpected`]).
macro_rules! reply {
    ($pat:pat => $out:expr) => {
        |r: orch::protocol::Response| match r {
            $pat => Ok($out),
            other => Err(Box::new(other)),
        }
    };
}
pub(crate) use reply;

/// A reply of the wrong kind: the daemon and client disagree on the protocol.
pub fn unexpected(r: Response) -> Error {
    Error::Protocol(format!(
        "unexpected reply from orchd ({r:?}): are client and daemon the same version?"
    ))
}

/// Send `req` on an open connection and take the reply `pick` expects (see [`reply!`]).
pub async fn ask<T>(
    client: &mut Client,
    req: Request,
    pick: impl FnOnce(Response) -> std::result::Result<T, Box<Response>>,
) -> Result<T> {
    pick(client.call(req).await?).map_err(|r| unexpected(*r))
}

/// One request to the daemon, started first when needed and allowed ([`connect`]), and
/// the reply `pick` expects.
pub fn request<T>(
    ctx: &Ctx,
    req: Request,
    pick: impl FnOnce(Response) -> std::result::Result<T, Box<Response>>,
) -> Result<T> {
    block_on(async { ask(&mut connect(ctx).await?, req, pick).await })
}

/// One request to a running daemon only ([`connect_existing`]), and the reply `pick`
/// expects.
pub fn request_existing<T>(
    ctx: &Ctx,
    req: Request,
    pick: impl FnOnce(Response) -> std::result::Result<T, Box<Response>>,
) -> Result<T> {
    block_on(async { ask(&mut connect_existing(ctx).await?, req, pick).await })
}

/// The configuration as the CLI sees it, with `--socket`/`--data-dir` applied.
pub fn config(ctx: &Ctx) -> Result<Loaded> {
    let mut loaded = orch::config::load(ctx.global.config.as_deref())?;
    // Once per command, however often it reads the configuration.
    static WARNED: std::sync::Once = std::sync::Once::new();
    WARNED.call_once(|| {
        for w in &loaded.warnings {
            ctx.out.warn(w);
        }
    });
    if let Some(s) = &ctx.global.socket {
        loaded.config.daemon.socket = s.clone();
    }
    if let Some(d) = &ctx.global.data_dir {
        loaded.config.daemon.data_dir = d.clone();
    }
    Ok(loaded)
}

/// Connect to a running daemon; never starts one.
pub async fn connect_existing(ctx: &Ctx) -> Result<Client> {
    let loaded = config(ctx)?;
    Client::connect(&loaded.config.daemon.socket).await
}

/// Connect, starting orchd first when it is not running and autostart is allowed.
pub async fn connect(ctx: &Ctx) -> Result<Client> {
    let loaded = config(ctx)?;
    let socket = loaded.config.daemon.socket.clone();
    match Client::connect(&socket).await {
        Ok(c) => Ok(c),
        Err(Error::Unreachable(why)) => {
            if ctx.global.no_autostart || !loaded.config.cli.autostart {
                return Err(Error::Unreachable(format!(
                    "{why} (autostart is off: run `orch daemon start`)"
                )));
            }
            let timeout = Duration::from_secs_f64(loaded.config.cli.autostart_timeout_s);
            start_daemon(ctx, &loaded, timeout, true).await?;
            Client::connect(&socket).await
        }
        Err(e) => Err(e),
    }
}

/// The orchd binary: next to this `orch`, else on `PATH`.
pub fn orchd_path() -> PathBuf {
    if let Ok(exe) = std::env::current_exe() {
        let sibling = exe.with_file_name("orchd");
        if sibling.exists() {
            return sibling;
        }
    }
    PathBuf::from("orchd")
}

/// Spawn orchd detached (its own process group, output appended to the log file) and
/// wait until it answers. Returns its pid. `announce`: say so on stderr (an autostart;
/// `orch daemon start` prints its own line).
pub async fn start_daemon(
    ctx: &Ctx,
    loaded: &Loaded,
    timeout: Duration,
    announce: bool,
) -> Result<u32> {
    let cfg = &loaded.config;
    let log = cfg.log_path();
    let (log_file, warnings) = orch::private::dir(&cfg.daemon.data_dir)
        .and_then(|w| orch::private::append(&log).map(|(f, w2)| (f, w.into_iter().chain(w2))))?;
    for w in warnings {
        ctx.out.warn(w);
    }
    let log_err = log_file
        .try_clone()
        .map_err(|e| Error::io("cannot open daemon log", &log, e))?;
    let orchd = orchd_path();
    let mut cmd = Command::new(&orchd);
    cmd.arg("--socket")
        .arg(&cfg.daemon.socket)
        .arg("--data-dir")
        .arg(&cfg.daemon.data_dir)
        .stdin(Stdio::null())
        .stdout(log_file)
        .stderr(log_err)
        // `orch status` then says `started by cli`.
        .env("ORCH_STARTED_BY", "cli")
        .process_group(0);
    if loaded.source == orch::config::Source::File || ctx.global.config.is_some() {
        cmd.arg("--config").arg(&loaded.path);
    }
    let mut child = cmd
        .spawn()
        .map_err(|e| Error::Unreachable(format!("cannot start {}: {e}", orchd.display())))?;
    let pid = child.id();
    let deadline = Instant::now() + timeout;
    loop {
        if let Some(status) = child.try_wait().ok().flatten() {
            // On a full disk the log may hold nothing: say what stopped it.
            let why = last_line(&log)
                .or_else(|| orch::disk::no_space(&cfg.daemon.data_dir))
                .unwrap_or_else(|| format!("see {}", log.display()));
            return Err(Error::Unreachable(format!(
                "orchd exited during start-up ({status}): {why}"
            )));
        }
        if Client::connect(&cfg.daemon.socket).await.is_ok() {
            if announce {
                ctx.out.note(format!("started orchd (pid {pid})"));
            }
            return Ok(pid);
        }
        if Instant::now() >= deadline {
            return Err(Error::Unreachable(format!(
                "orchd (pid {pid}) did not become ready within {:.1} s; see {}",
                timeout.as_secs_f64(),
                log.display()
            )));
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
}

/// The last non-empty line of a file.
pub fn last_line(path: &Path) -> Option<String> {
    let text = std::fs::read_to_string(path).ok()?;
    text.lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .map(|l| l.trim().to_string())
}
