//! The `orch` command-line client. `cli.rs` is the clap tree (its doc comments are the
//! help, the man pages and the completions); `commands/` holds one file per command.

pub mod age;
pub mod cli;
pub mod commands;
pub mod connect;
pub mod output;

use clap::Parser;

pub use cli::Cli;

/// Entry point of the `orch` binary.
pub fn main() -> std::process::ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // clap prints help/version to stdout with code 0, usage errors with code 2.
            let _ = e.print();
            return std::process::ExitCode::from(e.exit_code() as u8);
        }
    };
    let out = output::Output::new(&cli.global);
    match commands::dispatch(cli) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            if !matches!(e, orch::Error::Reported { .. }) {
                out.error(&e);
            }
            std::process::ExitCode::from(e.exit_code().code())
        }
    }
}
