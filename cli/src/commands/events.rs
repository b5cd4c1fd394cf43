//! `orch events`: bot state changes, alerts and participant events as they happen
//! (NDJSON with `--json`), optionally after the stored history.

use clap::Args;
use orch::Result;
use orch::protocol::{Event, Request, Response, Topic};
use orch::store::bots::EventRow;

use super::Ctx;
use super::daemon::format_time;
use crate::connect::{ask, block_on, connect, reply};

/// Arguments of `orch events`.
#[derive(Debug, Args)]
pub struct EventsArgs {
    /// Only events of this bot (id, unique prefix or name).
    #[arg(long)]
    pub bot: Option<String>,
    /// Print this many stored events first.
    #[arg(long, default_value_t = 0, value_name = "N")]
    pub history: u32,
    /// Print the stored events of this long ago and later first (state changes, alerts,
    /// participants, also of bots that ended): 30m, 12h, 7d, or a time (2026-12-03,
    /// 2026-12-03T14:30, local unless it ends in Z or +HH:MM).
    #[arg(long, value_parser = crate::age::parse_since, value_name = "AGE|TIME")]
    pub since: Option<f64>,
    /// Print the stored history and exit instead of following.
    #[arg(long)]
    pub no_follow: bool,
}

/// Run `orch events`.
pub fn run(ctx: &Ctx, a: EventsArgs) -> Result<()> {
    block_on(async {
        let mut c = connect(ctx).await?;
        // Resolve the bot once so prefixes and names work for the live filter too.
        let bot_id = match &a.bot {
            Some(b) => {
                let req = Request::BotStatus { id: b.clone() };
                Some(ask(&mut c, req, reply!(Response::Bot(info) => info.id)).await?)
            }
            None => None,
        };
        let history = match (a.since, a.history) {
            (Some(_), 0) => 100_000,
            (None, 0) if a.no_follow => 100,
            (_, n) => n,
        };
        if history > 0 {
            let req = Request::BotEvents {
                id: bot_id.clone(),
                limit: history,
                since: a.since.map(|age| orch::protocol::now_unix() - age),
            };
            let events = ask(&mut c, req, reply!(Response::Events { events } => events)).await?;
            for e in &events {
                print_stored(ctx, e);
            }
        }
        if a.no_follow {
            return Ok(());
        }
        c.subscribe(Request::Subscribe {
            topics: vec![Topic::Bots, Topic::Daemon],
        })
        .await?;
        loop {
            let next = tokio::select! {
                ev = c.next_event() => ev?,
                _ = tokio::signal::ctrl_c() => None,
            };
            let Some((_, ev)) = next else { break };
            if matches!(ev, Event::Meters { .. }) {
                continue;
            }
            if let Some(want) = &bot_id
                && event_bot(&ev).is_some_and(|b| b != want)
            {
                continue;
            }
            print_live(ctx, &ev);
        }
        Ok(())
    })
}

fn event_bot(ev: &Event) -> Option<&str> {
    match ev {
        Event::BotState { bot_id, .. }
        | Event::BotAlert { bot_id, .. }
        | Event::Participant { bot_id, .. }
        | Event::Meters { bot_id, .. }
        | Event::Transcript { bot_id, .. }
        | Event::BotLog { bot_id, .. } => Some(bot_id),
        _ => None,
    }
}

fn print_stored(ctx: &Ctx, e: &EventRow) {
    if ctx.out.json {
        ctx.out
            .json(&serde_json::json!({ "type": "stored", "event": e }));
        return;
    }
    if e.kind == "alert" {
        let message = e.message().unwrap_or("");
        let line = format!(
            "{} {} {}: {message}",
            format_time(e.time),
            e.bot_id,
            e.severity
        );
        println!("{}", crate::output::printable(&line));
        return;
    }
    let what = match (&e.from_state, &e.to_state) {
        (Some(f), Some(t)) => format!("{f} -> {t}"),
        (None, Some(t)) => format!("-> {t}"),
        _ => e.kind.clone(),
    };
    let detail = e
        .data
        .get("detail")
        .and_then(|d| d.as_str())
        .map(|d| format!(": {d}"))
        .unwrap_or_default();
    let detail = crate::output::printable(&detail);
    println!(
        "{} {} {what} ({}){detail}",
        format_time(e.time),
        e.bot_id,
        e.reason.as_deref().unwrap_or("-")
    );
}

fn print_live(ctx: &Ctx, ev: &Event) {
    if ctx.out.json {
        ctx.out.json(ev);
        return;
    }
    let line = match ev {
        Event::BotState {
            time,
            bot_id,
            from,
            to,
            reason,
            detail,
        } => format!(
            "{} {bot_id} {from} -> {to} ({reason}){}",
            format_time(*time),
            detail
                .as_deref()
                .map(|d| format!(": {d}"))
                .unwrap_or_default()
        ),
        Event::BotAlert {
            time,
            bot_id,
            severity,
            message,
        } => {
            format!("{} {bot_id} {severity}: {message}", format_time(*time))
        }
        Event::Participant {
            time,
            bot_id,
            event,
            participant_id,
            name,
        } => format!(
            "{} {bot_id} participant {} {event}",
            format_time(*time),
            name.as_deref().unwrap_or(participant_id)
        ),
        Event::Transcript { time, bot_id, line } => format!(
            "{} {bot_id} transcript [{:.1}-{:.1} s] {}: {}",
            format_time(*time),
            line.start_s,
            line.end_s,
            line.speaker,
            line.text
        ),
        Event::ConfigReloaded { time, message, .. } => {
            format!("{} orchd {message}", format_time(*time))
        }
        Event::ShuttingDown { time, reason } => {
            format!("{} orchd shutting down: {reason}", format_time(*time))
        }
        _ => return,
    };
    println!("{}", crate::output::printable(&line));
}
