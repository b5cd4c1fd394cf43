//! `orch status`.

use clap::Args;

use super::Ctx;

/// Arguments of `orch status`.
#[derive(Debug, Args)]
pub struct StatusArgs {}

/// Run `orch status`.
pub fn run(_ctx: &Ctx, _args: StatusArgs) -> orch::Result<()> {
    Err(orch::Error::Other("status: being written".into()))
}
