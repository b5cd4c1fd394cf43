//! `orch analytics sessions|bot|performance`.

use clap::{Args, Subcommand};
use orch::Result;
use orch::protocol::{Request, Response};
use orch::store::bots::SessionRow;

use super::Ctx;
use super::bot::parse_age;
use super::status::human_duration;
use crate::connect::{ask, block_on, connect, reply, request};
use crate::output::{key_values, table};

/// Subcommands of `orch analytics`.
#[derive(Debug, Subcommand)]
pub enum AnalyticsCommand {
    /// Bot sessions: start, duration, source, preset, audio, restarts, errors, end reason.
    Sessions(SessionsArgs),
    /// One bot: its sessions and current processing figures.
    Bot(BotArgs),
    /// Per-bot processing time per block (p50, p95, p99), realtime factor, dropped
    /// blocks, restarts; daemon CPU, memory and bot counts.
    Performance,
}

/// Arguments of `orch analytics sessions`.
#[derive(Debug, Args)]
pub struct SessionsArgs {
    /// Only sessions started within this long: 30m, 12h, 7d (default: all).
    #[arg(long, value_parser = parse_age)]
    pub since: Option<f64>,
}

/// Arguments of `orch analytics bot`.
#[derive(Debug, Args)]
pub struct BotArgs {
    /// Bot id, unique prefix or name.
    pub id: String,
}

/// Run `orch analytics ...`.
pub fn run(ctx: &Ctx, cmd: AnalyticsCommand) -> Result<()> {
    match cmd {
        AnalyticsCommand::Sessions(a) => {
            let since = a.since.map_or(0.0, |s| orch::protocol::now_unix() - s);
            let sessions = fetch_sessions(ctx, since, None)?;
            if ctx.out.json {
                ctx.out.json(&serde_json::json!({ "sessions": sessions }));
            } else {
                ctx.out.text(sessions_table(&sessions));
            }
            Ok(())
        }
        AnalyticsCommand::Bot(a) => {
            let (bot, sessions) = block_on(async {
                let mut c = connect(ctx).await?;
                let req = Request::BotStatus { id: a.id.clone() };
                let bot = ask(&mut c, req, reply!(Response::Bot(b) => *b)).await?;
                let req = Request::AnalyticsSessions {
                    since: 0.0,
                    bot_id: Some(bot.id.clone()),
                };
                let sessions = ask(
                    &mut c,
                    req,
                    reply!(Response::Sessions { sessions } => sessions),
                )
                .await?;
                Ok::<_, orch::Error>((bot, sessions))
            })?;
            if ctx.out.json {
                ctx.out
                    .json(&serde_json::json!({ "bot": bot, "sessions": sessions }));
            } else {
                ctx.out.text(super::bot::render(&bot));
                ctx.out.text("");
                ctx.out.text(sessions_table(&sessions));
            }
            Ok(())
        }
        AnalyticsCommand::Performance => {
            let p = request(
                ctx,
                Request::AnalyticsPerformance,
                reply!(Response::Performance(p) => *p),
            )?;
            if ctx.out.json {
                ctx.out.json(&p);
                return Ok(());
            }
            let states = p
                .bots_by_state
                .iter()
                .map(|(k, v)| format!("{v} {k}"))
                .collect::<Vec<_>>()
                .join(", ");
            ctx.out.text(key_values(&[
                ("uptime", human_duration(p.uptime_s)),
                (
                    "daemon cpu",
                    p.daemon_cpu_s.map_or("-".into(), |c| format!("{c:.2} s")),
                ),
                (
                    "daemon rss",
                    p.daemon_rss_kib
                        .map_or("-".into(), |r| format!("{:.1} MiB", r as f64 / 1024.0)),
                ),
                ("live bots", p.live_bots.to_string()),
                (
                    "bots",
                    if states.is_empty() {
                        "none".into()
                    } else {
                        states
                    },
                ),
                ("restarts", p.total_restarts.to_string()),
                ("failed sessions", p.failed_sessions.to_string()),
            ]));
            if !p.bots.is_empty() {
                let mut t = table(&[
                    "id",
                    "name",
                    "blocks",
                    "dropped",
                    "p50 ms",
                    "p95 ms",
                    "p99 ms",
                    "rt factor",
                    "restarts",
                ]);
                let f = |v: Option<f64>| v.map_or("-".into(), |v| format!("{v:.3}"));
                for b in &p.bots {
                    t.add_row(vec![
                        b.id.clone(),
                        b.name.clone(),
                        b.blocks.to_string(),
                        b.dropped_blocks.to_string(),
                        f(b.p50_ms),
                        f(b.p95_ms),
                        f(b.p99_ms),
                        b.realtime_factor.map_or("-".into(), |v| format!("{v:.0}x")),
                        b.restarts.to_string(),
                    ]);
                }
                ctx.out.text(format!("\n{t}"));
            }
            Ok(())
        }
    }
}

fn fetch_sessions(ctx: &Ctx, since: f64, bot_id: Option<String>) -> Result<Vec<SessionRow>> {
    request(
        ctx,
        Request::AnalyticsSessions { since, bot_id },
        reply!(Response::Sessions { sessions } => sessions),
    )
}

fn sessions_table(sessions: &[SessionRow]) -> String {
    if sessions.is_empty() {
        return "no sessions".into();
    }
    let mut t = table(&[
        "session", "bot", "started", "duration", "preset", "audio", "restarts", "errors", "end",
    ]);
    let now = orch::protocol::now_unix();
    for s in sessions {
        t.add_row(vec![
            s.id.clone(),
            s.bot_id.clone(),
            super::daemon::format_time(s.started_at),
            human_duration(s.ended_at.unwrap_or(now) - s.started_at),
            s.preset.clone().unwrap_or_default(),
            format!("{:.1} s", s.audio_seconds),
            s.restarts.to_string(),
            s.errors.to_string(),
            s.end_reason.clone().unwrap_or_else(|| "live".into()),
        ]);
    }
    t.to_string()
}
