//! `orch bot ...`: spawn, list, status, terminate, logs, cleanup, apply a preset,
//! meters and stored events.

use std::sync::Arc;
use std::time::Duration;

use orch::bots::{BotSpec, BotState};
use orch::protocol::{Event, Failure, FailureKind, Response};

use super::respond;
use super::stream::{self, Live};
use crate::conn::Conn;
use crate::state::State;
use crate::supervisor::{self, Control};

/// Spawn a bot; the reply is its info in state `requested` (or later).
pub async fn spawn(state: &Arc<State>, spec: BotSpec) -> Response {
    match supervisor::spawn(state, spec).await {
        Ok(id) => status(state, &id).await,
        Err(f) => Response::Failure(f),
    }
}

/// Bots, newest first.
pub async fn list(state: &Arc<State>, all: bool, filter: Option<BotState>) -> Response {
    let rows = state.with_db(move |db| db.bots(all, filter)).await;
    respond(rows, |rows| {
        let mut bots: Vec<_> = rows
            .into_iter()
            .map(|r| supervisor::info(state, r))
            .collect();
        // The in-memory state is fresher than the row read a moment ago.
        if let Some(s) = filter {
            bots.retain(|b| b.state == s);
        }
        Response::Bots { bots }
    })
}

/// One bot.
/// Alerts `orch bot status` shows.
const STATUS_ALERTS: usize = 5;

pub async fn status(state: &Arc<State>, id: &str) -> Response {
    let row = match supervisor::find(state, id).await {
        Ok(r) => r,
        Err(f) => return Response::Failure(f),
    };
    let bot_id = row.id.clone();
    let alerts = state
        .with_db(move |db| db.bot_alerts(&bot_id, STATUS_ALERTS))
        .await
        .unwrap_or_default();
    let mut info = supervisor::info(state, row);
    info.alerts = alerts;
    Response::Bot(Box::new(info))
}

/// Stop a bot and wait until it has ended.
pub async fn terminate(
    state: &Arc<State>,
    id: &str,
    timeout_s: Option<f64>,
    force: bool,
) -> Response {
    let row = match supervisor::find(state, id).await {
        Ok(r) => r,
        Err(f) => return Response::Failure(f),
    };
    let Some(handle) = state.supervisor.get(&row.id) else {
        // Already ended: report it as it is.
        return Response::Bot(Box::new(supervisor::info(state, row)));
    };
    let default = state
        .config
        .read()
        .map(|c| c.config.bots.terminate_timeout_s)
        .unwrap_or(5.0);
    let timeout = timeout_s.unwrap_or(default);
    if !(timeout.is_finite() && (0.0..=3600.0).contains(&timeout)) {
        return Response::Failure(Failure::new(
            FailureKind::Invalid,
            format!("--timeout {timeout} is outside 0 to 3600 seconds"),
        ));
    }
    let _ = handle.control.send(Control::Terminate {
        force,
        timeout: Duration::from_secs_f64(timeout),
    });
    let mut done = handle.done.clone();
    // The runner kills after `timeout`; allow it time to store the end.
    let wait = Duration::from_secs_f64(timeout + 10.0);
    if tokio::time::timeout(wait, async { done.wait_for(|d| *d).await.map(|_| ()) })
        .await
        .is_err()
    {
        return Response::Failure(Failure::new(
            FailureKind::Internal,
            format!(
                "bot {} did not end within {:.0} s",
                row.id,
                wait.as_secs_f64()
            ),
        ));
    }
    // Ended, but the database has not taken its end yet: the caller must know.
    if let (Some(c), Some((why, _))) = (state.unsaved.pending(&row.id), state.unsaved.failing()) {
        return Response::Failure(Failure::new(
            FailureKind::Internal,
            format!(
                "bot {} is {} ({}), but that is not stored yet: {why}; orchd keeps it and \
                 stores it when the database takes writes again",
                row.id, c.to, c.reason
            ),
        ));
    }
    status(state, &row.id).await
}

/// Delete ended bots older than `older_than_s`.
pub async fn cleanup(state: &Arc<State>, older_than_s: f64) -> Response {
    if !(older_than_s.is_finite() && older_than_s >= 0.0) {
        return Response::Failure(Failure::new(
            FailureKind::Invalid,
            format!("--older-than {older_than_s} must be zero or more seconds"),
        ));
    }
    let cutoff = orch::protocol::now_unix() - older_than_s;
    respond(
        crate::retention::cleanup(state, cutoff).await,
        Response::Removed,
    )
}

/// Switch a live bot's chain to `preset` (applied in the audio thread, crossfaded).
pub async fn apply_preset(state: &Arc<State>, id: &str, preset: &str) -> Response {
    let (row, handle) = match supervisor::find_live(state, id, "change preset").await {
        Ok(found) => found,
        Err(f) => return Response::Failure(f),
    };
    let chain = match supervisor::resolve_preset(state, preset).await {
        Ok(c) => c,
        Err(f) => return Response::Failure(f),
    };
    if let Err(f) = supervisor::change_chain(&handle, preset, chain).await {
        return Response::Failure(f);
    }
    let (bid, name, now) = (
        row.id.clone(),
        preset.to_string(),
        orch::protocol::now_unix(),
    );
    let stored = state
        .with_db(move |db| {
            db.set_bot_preset(&bid, &name, now)?;
            db.add_bot_event(
                &bid,
                None,
                "info",
                "info",
                Some("preset_applied"),
                &serde_json::json!({ "preset": name }),
                now,
            )
        })
        .await;
    if let Err(f) = stored {
        return Response::Failure(f);
    }
    status(state, &row.id).await
}

/// Stored events at or after `since` (Unix time), oldest first.
pub async fn events(state: &Arc<State>, id: Option<String>, limit: u32, since: f64) -> Response {
    let bot_id = match id {
        Some(id) => match supervisor::find(state, &id).await {
            Ok(r) => Some(r.id),
            Err(f) => return Response::Failure(f),
        },
        None => None,
    };
    respond(
        state
            .with_db(move |db| db.bot_events(bot_id.as_deref(), since, limit.clamp(1, 100_000)))
            .await,
        |events| Response::Events { events },
    )
}

/// A bot's log: recent lines, then with `follow` new ones until the bot ends.
pub async fn logs(
    state: &Arc<State>,
    conn: &mut Conn,
    id: u64,
    bot: &str,
    lines: u32,
    follow: bool,
) {
    let row = match supervisor::find(state, bot).await {
        Ok(row) => row,
        Err(f) => return conn.reply(id, Response::Failure(f)).await,
    };
    let Some(handle) = state.supervisor.get(&row.id) else {
        // An ended bot: its last session's log from disk.
        let data_dir = state
            .config
            .read()
            .expect("config lock")
            .config
            .daemon
            .data_dir
            .clone();
        let bot_id = row.id.clone();
        let backlog = state
            .with_db(move |db| {
                let Some(session) = db.latest_session(&bot_id)? else {
                    return Ok(Vec::new());
                };
                let lines = orch::store::logs::tail(&data_dir, &bot_id, &session, lines as usize)?;
                Ok(lines
                    .into_iter()
                    .map(|l| Event::BotLog {
                        time: l.time,
                        bot_id: bot_id.clone(),
                        line: l.line,
                    })
                    .collect())
            })
            .await;
        return match backlog {
            Ok(b) => stream::open(state, conn, id, b, None).await,
            Err(f) => conn.reply(id, Response::Failure(f)).await,
        };
    };
    let rx = handle.shared.log_tx.subscribe();
    let backlog = handle.shared.recent_logs(lines as usize);
    let live = follow.then(|| Live {
        rx,
        filter: Box::new(|_| true),
        done: Some(handle.done.clone()),
    });
    stream::open(state, conn, id, backlog, live).await;
}

/// Meters of a live bot, ten times a second, until it ends.
pub async fn meters(state: &Arc<State>, conn: &mut Conn, id: u64, bot: &str) {
    let handle = match supervisor::find_live(state, bot, "be metered").await {
        Ok((_, handle)) => handle,
        Err(f) => return conn.reply(id, Response::Failure(f)).await,
    };
    let live = Live {
        rx: handle.shared.meters.subscribe(),
        filter: Box::new(|_| true),
        done: Some(handle.done.clone()),
    };
    stream::open(state, conn, id, Vec::new(), Some(live)).await;
}
