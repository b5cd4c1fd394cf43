//! `orch config`.

use clap::Subcommand;

use super::Ctx;

/// Subcommands of `orch config`.
#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Show the status.
    Status,
}

/// Run `orch config`.
pub fn run(_ctx: &Ctx, _cmd: ConfigCommand) -> orch::Result<()> {
    Err(orch::Error::Other("config: being written".into()))
}
