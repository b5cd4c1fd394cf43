//! `orch daemon`.

use clap::Subcommand;

use super::Ctx;

/// Subcommands of `orch daemon`.
#[derive(Debug, Subcommand)]
pub enum DaemonCommand {
    /// Show the status.
    Status,
}

/// Run `orch daemon`.
pub fn run(_ctx: &Ctx, _cmd: DaemonCommand) -> orch::Result<()> {
    Err(orch::Error::Other("daemon: being written".into()))
}
