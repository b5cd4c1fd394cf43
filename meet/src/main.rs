//! `orch-meet`: the meeting program orchd starts for meeting bots (docs/protocol.md,
//! "Bot protocol"; docs/meeting.md). It joins the meeting in headless Chromium, sends
//! the call's audio and participants to orchd, shows the bot's webcam as its camera,
//! and says why the meeting ended.
//!
//! Exit status: 0 the meeting ended or the bot was told to leave; 1 an error (orchd
//! restarts the bot with backoff); 2 bad usage; 3 not let in (lobby denied or timed
//! out; orchd fails the bot without a restart).

mod browser;
mod camera;
mod cdp;
mod orchd;
mod platform;
mod session;

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use clap::Parser;

/// Join a meeting in headless Chromium for an orch meeting bot. orchd starts this
/// program; the meeting URL comes in ORCH_MEETING_URL, never as an argument (`ps`
/// shows arguments to every user).
#[derive(Debug, Parser)]
#[command(name = "orch-meet", version)]
struct Args {
    /// The bot this program feeds.
    #[arg(long, env = "ORCH_BOT_ID")]
    bot_id: String,
    /// orchd's socket.
    #[arg(long, env = "ORCH_SOCKET")]
    socket: PathBuf,
    /// The meeting platform.
    #[arg(long, default_value = "google_meet")]
    platform: String,
    /// The browser: a path or a name on PATH.
    #[arg(long, env = "ORCH_MEET_CHROMIUM", default_value = "chromium")]
    chromium: PathBuf,
    /// The name to join with.
    #[arg(long, env = "ORCH_MEET_NAME", default_value = "orch")]
    name: String,
    /// Seconds for the page to show its join button.
    #[arg(long, env = "ORCH_MEET_JOIN_TIMEOUT_S", default_value_t = 60.0)]
    join_timeout_s: f64,
    /// Seconds to wait in the lobby.
    #[arg(long, env = "ORCH_MEET_LOBBY_TIMEOUT_S", default_value_t = 300.0)]
    lobby_timeout_s: f64,
    /// Leave once everyone else has been gone this long.
    #[arg(long, env = "ORCH_MEET_ALONE_TIMEOUT_S", default_value_t = 60.0)]
    alone_timeout_s: f64,
    /// Leave when nobody else came this long after joining.
    #[arg(long, env = "ORCH_MEET_EMPTY_TIMEOUT_S", default_value_t = 900.0)]
    empty_timeout_s: f64,
}

fn seconds(name: &str, v: f64) -> Result<Duration, String> {
    if v.is_finite() && (0.1..=86_400.0).contains(&v) {
        Ok(Duration::from_secs_f64(v))
    } else {
        Err(format!("--{name} {v} is outside 0.1 to 86400 seconds"))
    }
}

fn settings(a: Args) -> Result<session::Settings, String> {
    let url = std::env::var("ORCH_MEETING_URL").unwrap_or_default();
    if !(url.starts_with("https://") || url.starts_with("http://")) {
        return Err("ORCH_MEETING_URL must hold the meeting's http(s) URL".into());
    }
    Ok(session::Settings {
        platform: platform::by_name(&a.platform)?,
        join_timeout: seconds("join-timeout-s", a.join_timeout_s)?,
        lobby_timeout: seconds("lobby-timeout-s", a.lobby_timeout_s)?,
        alone_timeout: seconds("alone-timeout-s", a.alone_timeout_s)?,
        empty_timeout: seconds("empty-timeout-s", a.empty_timeout_s)?,
        bot_id: a.bot_id,
        socket: a.socket,
        url,
        name: a.name,
        chromium: a.chromium,
    })
}

fn main() -> ExitCode {
    let settings = match settings(Args::parse()) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("orch-meet: {e}");
            return ExitCode::from(2);
        }
    };
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("orch-meet: {e}");
            return ExitCode::from(1);
        }
    };
    // The browser is started from this (main) thread, which lives as long as the
    // program: its parent-death signal fires when orch-meet dies, not before.
    match runtime.block_on(session::run(&settings)) {
        Ok(session::Outcome::Left(reason, detail)) => {
            eprintln!(
                "left the meeting: {} ({detail})",
                reason.unwrap_or("told to")
            );
            ExitCode::SUCCESS
        }
        Ok(session::Outcome::Refused(reason, detail)) => {
            eprintln!("orch-meet: {reason}: {detail}");
            ExitCode::from(3)
        }
        Err(e) => {
            eprintln!("orch-meet: {e}");
            ExitCode::from(1)
        }
    }
}
