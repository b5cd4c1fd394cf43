//! `orch daemon start|stop|status|logs`.

use std::time::{Duration, Instant};

use clap::{Args, Subcommand};
use orch::protocol::{Client, Event, Request, Response};
use orch::{Error, Result};
use serde_json::json;

use super::Ctx;
use crate::connect::{self, block_on, reply};

/// Subcommands of `orch daemon`.
#[derive(Debug, Subcommand)]
pub enum DaemonCommand {
    /// Start orchd in the background (a no-op when it already runs).
    Start,
    /// Stop orchd gracefully and wait until it has exited.
    Stop(StopArgs),
    /// Say whether orchd is running (exit code 3 when it is not).
    Status,
    /// Show orchd's recent log lines.
    Logs(LogsArgs),
}

/// Arguments of `orch daemon stop`.
#[derive(Debug, Args)]
pub struct StopArgs {
    /// Seconds to wait for the daemon to exit.
    #[arg(long, default_value_t = 15.0, value_name = "SECONDS")]
    pub timeout: f64,
}

/// Arguments of `orch daemon logs`.
#[derive(Debug, Args)]
pub struct LogsArgs {
    /// How many recent lines to show.
    #[arg(long, short = 'n', default_value_t = 50, value_name = "N")]
    pub lines: u32,
    /// Keep printing new lines until interrupted.
    #[arg(long, short)]
    pub follow: bool,
}

/// Run `orch daemon ...`.
pub fn run(ctx: &Ctx, cmd: DaemonCommand) -> Result<()> {
    match cmd {
        DaemonCommand::Start => block_on(start(ctx)),
        DaemonCommand::Stop(a) => block_on(stop(ctx, a)),
        DaemonCommand::Status => block_on(status(ctx)),
        DaemonCommand::Logs(a) => block_on(logs(ctx, a)),
    }
}

async fn start(ctx: &Ctx) -> Result<()> {
    let loaded = connect::config(ctx)?;
    let socket = loaded.config.daemon.socket.clone();
    let (pid, already) = match Client::connect(&socket).await {
        Ok(mut c) => (daemon_pid(&mut c).await?, true),
        Err(Error::Unreachable(_)) => {
            let timeout = Duration::from_secs_f64(loaded.config.cli.autostart_timeout_s);
            (
                connect::start_daemon(ctx, &loaded, timeout, false).await?,
                false,
            )
        }
        Err(e) => return Err(e),
    };
    if ctx.out.json {
        ctx.out.json(
            &json!({"running": true, "pid": pid, "socket": socket, "already_running": already}),
        );
    } else if already {
        ctx.out.text(format!(
            "orchd is already running (pid {pid}) on {}",
            socket.display()
        ));
    } else {
        ctx.out
            .text(format!("orchd started (pid {pid}) on {}", socket.display()));
    }
    Ok(())
}

async fn stop(ctx: &Ctx, args: StopArgs) -> Result<()> {
    let loaded = connect::config(ctx)?;
    let socket = loaded.config.daemon.socket.clone();
    let mut client = match Client::connect(&socket).await {
        Ok(c) => c,
        Err(Error::Unreachable(_)) => {
            if ctx.out.json {
                ctx.out
                    .json(&json!({"stopped": false, "was_running": false}));
            } else {
                ctx.out.text("orchd is not running");
            }
            return Ok(());
        }
        Err(e) => return Err(e),
    };
    let pid = daemon_pid(&mut client).await?;
    client.call(Request::Shutdown).await?;
    drop(client);
    let deadline = Instant::now() + Duration::from_secs_f64(args.timeout.max(0.1));
    while process_alive(pid) {
        if Instant::now() > deadline {
            return Err(Error::Other(format!(
                "orchd (pid {pid}) is still running after {:.0} s",
                args.timeout
            )));
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    if ctx.out.json {
        ctx.out
            .json(&json!({"stopped": true, "was_running": true, "pid": pid}));
    } else {
        ctx.out.text(format!("orchd (pid {pid}) stopped"));
    }
    Ok(())
}

async fn status(ctx: &Ctx) -> Result<()> {
    let loaded = connect::config(ctx)?;
    let socket = loaded.config.daemon.socket.clone();
    match Client::connect(&socket).await {
        Ok(mut c) => {
            let pid = daemon_pid(&mut c).await?;
            if ctx.out.json {
                ctx.out.json(&json!({"running": true, "pid": pid, "socket": socket, "version": c.daemon_version()}));
            } else {
                ctx.out.text(format!(
                    "orchd is running (pid {pid}, version {}) on {}",
                    c.daemon_version(),
                    socket.display()
                ));
            }
            Ok(())
        }
        Err(Error::Unreachable(why)) => {
            if ctx.out.json {
                ctx.out.json(&json!({"running": false, "socket": socket}));
            }
            Err(Error::Unreachable(why))
        }
        Err(e) => Err(e),
    }
}

async fn logs(ctx: &Ctx, args: LogsArgs) -> Result<()> {
    let mut client = match connect::connect_existing(ctx).await {
        Ok(c) => c,
        Err(Error::Unreachable(why)) => {
            // Not running: show the log file an autostarted daemon left behind.
            let log = connect::config(ctx)?.config.log_path();
            let text = std::fs::read_to_string(&log).map_err(|_| {
                Error::Unreachable(format!("{why}; and no log file at {}", log.display()))
            })?;
            let lines: Vec<&str> = text.lines().collect();
            for l in &lines[lines.len().saturating_sub(args.lines as usize)..] {
                if ctx.out.json {
                    ctx.out.json(&json!({"message": l}));
                } else {
                    println!("{l}");
                }
            }
            return Ok(());
        }
        Err(e) => return Err(e),
    };
    client
        .subscribe(Request::Logs {
            lines: args.lines,
            follow: args.follow,
        })
        .await?;
    loop {
        let next = tokio::select! {
            ev = client.next_event() => ev?,
            _ = tokio::signal::ctrl_c() => None,
        };
        let Some((_, ev)) = next else { break };
        if ctx.out.json {
            ctx.out.json(&ev);
        } else if let Event::Log {
            time,
            level,
            message,
        } = ev
        {
            println!("{} {level:>5} {message}", format_time(time));
        }
    }
    Ok(())
}

async fn daemon_pid(client: &mut Client) -> Result<u32> {
    connect::ask(
        client,
        Request::Status,
        reply!(Response::Status(s) => s.pid),
    )
    .await
}

fn process_alive(pid: u32) -> bool {
    std::path::Path::new(&format!("/proc/{pid}")).exists() && !is_zombie(pid)
}

fn is_zombie(pid: u32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .ok()
        .and_then(|s| {
            s.rsplit(')')
                .next()
                .map(|r| r.trim_start().starts_with('Z'))
        })
        .unwrap_or(false)
}

/// `HH:MM:SS.mmm` UTC of a Unix time.
pub fn format_time(t: f64) -> String {
    let ms = (t * 1000.0) as u64;
    let s = ms / 1000;
    format!(
        "{:02}:{:02}:{:02}.{:03}",
        s / 3600 % 24,
        s / 60 % 60,
        s % 60,
        ms % 1000
    )
}
