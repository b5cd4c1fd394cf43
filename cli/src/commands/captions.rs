//! `orch captions BOT`: a meeting followed in the terminal. Each finished transcript
//! line with its time and speaker, then its translations as they arrive, indented under
//! it (NDJSON with `--json`: lines, then translation rows), until the bot ends or
//! Ctrl-C. A bot that has ended prints its last session's captions and exits.

use clap::Args;
use orch::Result;

use super::Ctx;

/// Arguments of `orch captions`.
#[derive(Debug, Args)]
pub struct CaptionsArgs {
    /// A bot (id, unique prefix or name), or a session id.
    #[arg(value_name = "BOT|SESSION")]
    pub target: String,
    /// Only these translations (ISO 639-1; default: every target language of the bot).
    #[arg(long, value_name = "LANG", value_delimiter = ',')]
    pub lang: Vec<String>,
}

/// Run `orch captions`.
pub fn run(ctx: &Ctx, a: CaptionsArgs) -> Result<()> {
    super::transcript::follow(ctx, a.target, Some(a.lang), true)
}
