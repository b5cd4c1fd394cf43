//! orchd, the orch daemon: owns the SQLite state, serves the local socket, supervises
//! bots and runs the DSP and analysis engines on their live streams.
//!
//! `main.rs` only parses arguments; [`run`] is what tests call to boot a daemon inside
//! the test process (with [`Mode::Test`], which skips process-global signal handlers and
//! systemd notifications so many daemons can run at once).

mod alerts;
mod conn;
mod handlers;
mod logging;
mod managed_engine;
mod memory;
mod metrics;
mod outbox;
mod retention;
mod server;
mod shutdown;
mod state;
mod supervisor;
mod systemd;
mod transcription;
mod translation;
mod unsaved;
mod webcam;

use std::path::PathBuf;

use clap::Parser;

pub use logging::LogHub;
pub use state::State;

/// orchd: the orch daemon.
///
/// Serves the orch CLI on a local socket, keeps state in SQLite and supervises audio
/// bots. Usually started by `orch` on demand, by hand, or by systemd (Type=notify,
/// socket activation supported). SIGTERM/SIGINT shut down gracefully; SIGHUP reloads
/// the configuration.
#[derive(Debug, Clone, Default, Parser)]
#[command(name = "orchd", version, max_term_width = 100)]
pub struct Args {
    /// Socket path [default: $XDG_RUNTIME_DIR/orch/orchd.sock].
    #[arg(long, env = "ORCH_SOCKET", hide_env_values = true, value_name = "PATH")]
    pub socket: Option<PathBuf>,

    /// Data directory holding the database [default: $XDG_DATA_HOME/orch].
    #[arg(
        long,
        env = "ORCH_DATA_DIR",
        hide_env_values = true,
        value_name = "DIR"
    )]
    pub data_dir: Option<PathBuf>,

    /// Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml].
    #[arg(long, env = "ORCH_CONFIG", hide_env_values = true, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// Log level or filter (error, warn, info, debug, trace) [default: from config; RUST_LOG wins].
    #[arg(long, value_name = "LEVEL")]
    pub log_level: Option<String>,
}

/// How the daemon runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// A real process: signal handlers, systemd notifications, global logging.
    Process,
    /// Inside a test: none of the process-global set-up.
    Test,
}

/// Entry point of the `orchd` binary.
pub fn main(args: Args) -> std::process::ExitCode {
    // Everything orchd creates (database, WAL, lock file, socket) is its owner's alone.
    // SAFETY: umask only sets this process's file-creation mask; it cannot fail.
    #[allow(unsafe_code)]
    unsafe {
        libc::umask(0o077);
    }
    memory::limit_arenas();
    let loaded = match load_config(&args) {
        Ok(l) => l,
        Err(e) => {
            say_error(&e.to_string());
            return std::process::ExitCode::from(e.exit_code().code());
        }
    };
    let hub = LogHub::new();
    let reload = logging::init(&loaded.config.daemon.log_level, hub.clone());
    for w in &loaded.warnings {
        tracing::warn!("{w}");
    }
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            say_error(&format!("cannot start the async runtime: {e}"));
            return std::process::ExitCode::FAILURE;
        }
    };
    let result = runtime.block_on(run(args, loaded, hub, Some(reload), Mode::Process));
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            say_error(&e.to_string());
            std::process::ExitCode::from(e.exit_code().code())
        }
    }
}

/// `orchd: error: ...` on stderr. Never panics as `eprintln!` does when stderr is a log
/// file on a full disk: the exit code still tells the error's kind.
fn say_error(message: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "orchd: error: {message}");
}

/// Load the configuration with the command-line flags applied on top.
pub fn load_config(args: &Args) -> orch::Result<orch::config::Loaded> {
    let mut loaded = orch::config::load(args.config.as_deref())?;
    apply_flags(&mut loaded.config, args);
    loaded.config.validate()?;
    Ok(loaded)
}

pub(crate) fn apply_flags(config: &mut orch::config::Config, args: &Args) {
    if let Some(s) = &args.socket {
        config.daemon.socket = s.clone();
    }
    if let Some(d) = &args.data_dir {
        config.daemon.data_dir = d.clone();
    }
    if let Some(l) = &args.log_level {
        config.daemon.log_level = l.clone();
    }
}

/// Run the daemon until it is shut down.
pub async fn run(
    args: Args,
    loaded: orch::config::Loaded,
    hub: LogHub,
    log_reload: Option<logging::ReloadHandle>,
    mode: Mode,
) -> orch::Result<()> {
    server::serve(args, loaded, hub, log_reload, mode).await
}
