//! `orch db status`.

use clap::Subcommand;
use orch::Result;
use orch::protocol::{DbInfo, Request, Response};

use super::Ctx;
use crate::connect::{reply, request};
use crate::output::key_values;

/// Subcommands of `orch db`.
#[derive(Debug, Subcommand)]
pub enum DbCommand {
    /// Show the database file, its schema version, size and row counts.
    Status,
}

/// Run `orch db ...`.
pub fn run(ctx: &Ctx, cmd: DbCommand) -> Result<()> {
    match cmd {
        DbCommand::Status => {
            let info = request(ctx, Request::DbStatus, reply!(Response::Db(i) => i))?;
            if ctx.out.json {
                ctx.out.json(&info);
            } else {
                ctx.out.text(render(&info));
            }
            Ok(())
        }
    }
}

fn render(i: &DbInfo) -> String {
    let c = &i.counts;
    key_values(&[
        ("file", i.path.display().to_string()),
        (
            "schema",
            format!(
                "version {} (this orch knows up to {})",
                i.schema_version, i.latest_version
            ),
        ),
        ("size", format!("{:.1} KiB", i.size_bytes as f64 / 1024.0)),
        ("journal", i.journal_mode.clone()),
        (
            "rows",
            format!(
                "{} bots, {} sessions, {} presets, {} analyses",
                c.bots, c.sessions, c.presets, c.analyses
            ),
        ),
    ])
}
