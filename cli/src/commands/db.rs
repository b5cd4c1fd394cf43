//! `orch db`.

use clap::Subcommand;

use super::Ctx;

/// Subcommands of `orch db`.
#[derive(Debug, Subcommand)]
pub enum DbCommand {
    /// Show the status.
    Status,
}

/// Run `orch db`.
pub fn run(_ctx: &Ctx, _cmd: DbCommand) -> orch::Result<()> {
    Err(orch::Error::Other("db: being written".into()))
}
