//! `orch db status|cleanup`.

use clap::{Args, Subcommand};
use orch::Result;
use orch::protocol::{DbInfo, Removed, Request, Response};

use super::Ctx;
use crate::connect::{reply, request};
use crate::output::key_values;

/// Subcommands of `orch db`.
#[derive(Debug, Subcommand)]
pub enum DbCommand {
    /// Show the database file, its schema version, size, row counts, the history kept
    /// (events, statistics, transcripts, logs on disk) and the retention setting.
    Status,
    /// Delete bots that ended long ago with everything of their sessions: events,
    /// statistics, chunks, transcripts, translations, analyses and log files.
    Cleanup(CleanupArgs),
}

/// Arguments of `orch db cleanup` (and `orch bot cleanup`).
#[derive(Debug, Args)]
pub struct CleanupArgs {
    /// Only bots that ended longer ago than this: 30s, 15m, 12h, 7d (default: 7d).
    #[arg(long, default_value = "7d", value_parser = crate::age::parse_age)]
    pub older_than: f64,
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
        DbCommand::Cleanup(a) => cleanup(ctx, a),
    }
}

/// Run a cleanup and print what it removed.
pub fn cleanup(ctx: &Ctx, a: CleanupArgs) -> Result<()> {
    let removed = request(
        ctx,
        Request::BotCleanup {
            older_than_s: a.older_than,
        },
        reply!(Response::Removed(r) => r),
    )?;
    if ctx.out.json {
        ctx.out.json(&removed);
    } else {
        ctx.out.text(render_removed(&removed));
    }
    Ok(())
}

fn render_removed(r: &Removed) -> String {
    format!(
        "removed {} ended bot(s), {} session(s): {} events, {} statistics windows, {} chunks, \
         {} transcript lines, {} translations, {} analyses, {} log files",
        r.bots,
        r.sessions,
        r.events,
        r.stats_windows,
        r.chunks,
        r.transcript_lines,
        r.translations,
        r.analyses,
        r.log_files
    )
}

fn render(i: &DbInfo) -> String {
    let c = &i.counts;
    let h = &i.history;
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
        (
            "history",
            format!(
                "{} events, {} statistics windows, {} chunks, {} transcript lines, {} translations",
                h.events, h.stats_windows, h.chunks, h.transcript_lines, h.translations
            ),
        ),
        (
            "logs",
            format!(
                "{} files, {:.1} KiB",
                h.log_files,
                h.log_bytes as f64 / 1024.0
            ),
        ),
        (
            "oldest",
            h.oldest_session
                .map_or("-".into(), super::daemon::format_time),
        ),
        (
            "retention",
            i.retention_days
                .map_or("none: kept until `orch db cleanup`".into(), |d| {
                    format!("ended bots removed after {d} day(s)")
                }),
        ),
    ])
}
