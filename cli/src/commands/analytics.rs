//! `orch analytics sessions|bot|performance`.

use clap::{Args, Subcommand};
use orch::Result;
use orch::protocol::{Request, Response};
use orch::records::{SessionPerformance, StatsWindow};
use orch::store::bots::SessionRow;

use super::Ctx;
use super::status::human_duration;
use crate::connect::{ask, block_on, connect, reply, request};
use crate::output::{key_values, table};

/// Subcommands of `orch analytics`.
#[derive(Debug, Subcommand)]
pub enum AnalyticsCommand {
    /// Bot sessions: start, duration, source, preset, audio, restarts, errors, end reason.
    Sessions(SessionsArgs),
    /// One bot: its sessions, current processing figures, and the 10 s processing
    /// windows of its newest session (block times, drops, realtime factor), with a
    /// chart of the block time.
    Bot(BotArgs),
    /// Per-bot processing time per block (p50, p95, p99), realtime factor, dropped
    /// blocks, restarts; daemon CPU, memory and bot counts; and every session's worst
    /// window (ended sessions too).
    Performance(PerformanceArgs),
    /// Stored analysis reports: each bot session's (when a run ends) and files saved
    /// with `orch analyze --save`; `--id N` prints one report in full.
    Analyses(AnalysesArgs),
}

/// Arguments of `orch analytics analyses`.
#[derive(Debug, Args)]
pub struct AnalysesArgs {
    /// Only reports stored within this long (30m, 12h, 7d) or since a time
    /// (2026-12-03, 2026-12-03T14:30, local unless it ends in Z or +HH:MM; default: all).
    #[arg(long, value_parser = crate::age::parse_since, value_name = "AGE|TIME")]
    pub since: Option<f64>,
    /// Print this report in full (the `orch analyze --json` object).
    #[arg(long, value_name = "N", conflicts_with = "since")]
    pub id: Option<i64>,
}

/// Arguments of `orch analytics performance`.
#[derive(Debug, Args)]
pub struct PerformanceArgs {
    /// Only this bot (id, unique prefix or name).
    #[arg(long)]
    pub bot: Option<String>,
    /// Only sessions started within this long (30m, 12h, 7d) or since a time
    /// (2026-12-03, 2026-12-03T14:30, local unless it ends in Z or +HH:MM; default: all).
    #[arg(long, value_parser = crate::age::parse_since, value_name = "AGE|TIME")]
    pub since: Option<f64>,
}

/// Arguments of `orch analytics sessions`.
#[derive(Debug, Args)]
pub struct SessionsArgs {
    /// Only sessions started within this long (30m, 12h, 7d) or since a time
    /// (2026-12-03, 2026-12-03T14:30, local unless it ends in Z or +HH:MM; default: all).
    #[arg(long, value_parser = crate::age::parse_since, value_name = "AGE|TIME")]
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
            let (bot, sessions, windows) = block_on(async {
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
                let windows = if sessions.is_empty() {
                    Vec::new()
                } else {
                    let req = Request::AnalyticsWindows {
                        target: bot.id.clone(),
                    };
                    ask(
                        &mut c,
                        req,
                        reply!(Response::Windows { windows, .. } => windows),
                    )
                    .await?
                };
                Ok::<_, orch::Error>((bot, sessions, windows))
            })?;
            if ctx.out.json {
                ctx.out.json(&serde_json::json!({
                    "bot": bot,
                    "sessions": sessions,
                    "windows": windows,
                }));
            } else {
                ctx.out.text(super::bot::render(&bot));
                ctx.out.text("");
                ctx.out.text(sessions_table(&sessions));
                if !windows.is_empty() {
                    ctx.out.text("");
                    ctx.out.text(windows_text(&windows));
                }
            }
            Ok(())
        }
        AnalyticsCommand::Analyses(a) => {
            let analyses = request(
                ctx,
                Request::Analyses {
                    since: a.since.map_or(0.0, |age| orch::protocol::now_unix() - age),
                    id: a.id,
                },
                reply!(Response::Analyses { analyses } => analyses),
            )?;
            if a.id.is_some() {
                let report = analyses.into_iter().next().and_then(|a| a.report);
                ctx.out.json(&report.unwrap_or_default());
            } else if ctx.out.json {
                ctx.out.json(&serde_json::json!({ "analyses": analyses }));
            } else if analyses.is_empty() {
                ctx.out.text("no stored analyses");
            } else {
                let f =
                    |v: Option<f64>, unit: &str| v.map_or("-".into(), |v| format!("{v:.1}{unit}"));
                let mut t = table(&[
                    "id",
                    "stored",
                    "source",
                    "duration",
                    "integrated",
                    "true peak",
                ]);
                for a in &analyses {
                    t.add_row(vec![
                        a.id.to_string(),
                        super::daemon::format_time(a.created_at),
                        crate::output::printable(&a.source),
                        f(a.duration_s, " s"),
                        f(a.integrated_lufs, " LUFS"),
                        f(a.true_peak_dbtp, " dBTP"),
                    ]);
                }
                ctx.out.text(t.to_string());
            }
            Ok(())
        }
        AnalyticsCommand::Performance(a) => {
            let p = request(
                ctx,
                Request::AnalyticsPerformance {
                    since: a.since.map(|age| orch::protocol::now_unix() - age),
                    bot: a.bot,
                },
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
            if !p.sessions.is_empty() {
                ctx.out
                    .text(format!("\n{}", performance_table(&p.sessions)));
            }
            Ok(())
        }
    }
}

/// Sessions with their worst window.
fn performance_table(sessions: &[SessionPerformance]) -> String {
    let f = |v: Option<f64>| v.map_or("-".into(), |v| format!("{v:.3}"));
    let mut t = table(&[
        "session",
        "bot",
        "started",
        "end",
        "windows",
        "blocks",
        "dropped",
        "worst p95 ms",
        "worst p99 ms",
        "min rt",
    ]);
    for s in sessions {
        t.add_row(vec![
            s.session_id.clone(),
            s.bot_id.clone(),
            super::daemon::format_time(s.started_at),
            s.end_reason.clone().unwrap_or_else(|| "live".into()),
            s.windows.to_string(),
            s.blocks.to_string(),
            s.dropped_blocks.to_string(),
            f(s.worst_p95_ms),
            f(s.worst_p99_ms),
            s.min_realtime_factor
                .map_or("-".into(), |v| format!("{v:.0}x")),
        ]);
    }
    t.to_string()
}

/// A session's windows: a chart of the p95 block time, then the table.
fn windows_text(windows: &[StatsWindow]) -> String {
    let p95: Vec<f64> = windows.iter().map(|w| w.p95_ms.unwrap_or(0.0)).collect();
    let max = p95.iter().cloned().fold(0.0, f64::max);
    let min = p95.iter().cloned().fold(f64::INFINITY, f64::min);
    let mut out = format!(
        "p95 block time per 10 s window: {} ({min:.3} to {max:.3} ms)\n\n",
        sparkline(&p95)
    );
    let f = |v: Option<f64>| v.map_or("-".into(), |v| format!("{v:.3}"));
    let mut t = table(&[
        "window", "blocks", "dropped", "p50 ms", "p95 ms", "p99 ms", "rt",
    ]);
    for w in windows {
        t.add_row(vec![
            format!(
                "{} +{:.0}s",
                super::daemon::format_time(w.start),
                w.end - w.start
            ),
            w.blocks.to_string(),
            w.dropped_blocks.to_string(),
            f(w.p50_ms),
            f(w.p95_ms),
            f(w.p99_ms),
            w.realtime_factor.map_or("-".into(), |v| format!("{v:.0}x")),
        ]);
    }
    out.push_str(&t.to_string());
    out
}

/// Values as a line of eighth blocks, lowest to highest (at most 60: longer series are
/// averaged into 60 buckets).
pub fn sparkline(values: &[f64]) -> String {
    const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    let n = values.len().min(60);
    if n == 0 {
        return String::new();
    }
    let buckets: Vec<f64> = (0..n)
        .map(|i| {
            let (a, b) = (
                i * values.len() / n,
                ((i + 1) * values.len() / n).max(i * values.len() / n + 1),
            );
            values[a..b].iter().sum::<f64>() / (b - a) as f64
        })
        .collect();
    let lo = buckets.iter().cloned().fold(f64::INFINITY, f64::min);
    let hi = buckets.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
    buckets
        .iter()
        .map(|v| {
            if hi > lo {
                BARS[(((v - lo) / (hi - lo)) * 7.0).round() as usize]
            } else {
                BARS[0]
            }
        })
        .collect()
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

#[cfg(test)]
mod tests {
    use super::sparkline;

    #[test]
    fn sparklines_span_low_to_high() {
        assert_eq!(sparkline(&[]), "");
        assert_eq!(sparkline(&[1.0, 2.0, 3.0, 8.0]), "▁▂▃█");
        assert_eq!(sparkline(&[5.0, 5.0]), "▁▁");
        // Long series are averaged into 60 columns.
        let long: Vec<f64> = (0..600).map(f64::from).collect();
        let s = sparkline(&long);
        assert_eq!(s.chars().count(), 60);
        assert!(s.starts_with('▁') && s.ends_with('█'));
    }
}
