//! `orchd`: parse arguments, set up logging, run the daemon.

use clap::Parser;

fn main() -> std::process::ExitCode {
    let args = orch_daemon::Args::parse();
    orch_daemon::main(args)
}
