//! `orch analytics sessions|bot|performance|analyses`: live figures, the stored windows
//! of every session (ended ones too), and stored analysis reports (`orch analyze
//! --save`).

use std::collections::BTreeMap;
use std::sync::Arc;

use orch::protocol::{BotPerformance, Performance, Response};

use super::respond;
use crate::state::State;
use crate::supervisor;

/// Sessions since `since`, of one bot when given.
pub async fn sessions(state: &Arc<State>, since: f64, bot: Option<String>) -> Response {
    let bot_id = match bot {
        Some(b) => match supervisor::find(state, &b).await {
            Ok(r) => Some(r.id),
            Err(f) => return Response::Failure(f),
        },
        None => None,
    };
    respond(
        state
            .with_db(move |db| db.sessions(since, bot_id.as_deref()))
            .await,
        |sessions| Response::Sessions { sessions },
    )
}

/// Per-bot processing figures, those of the sessions since `since` (of one bot when
/// given), and daemon resources.
pub async fn performance(state: &Arc<State>, since: f64, bot: Option<String>) -> Response {
    let bot_id = match bot {
        Some(b) => match supervisor::find(state, &b).await {
            Ok(r) => Some(r.id),
            Err(f) => return Response::Failure(f),
        },
        None => None,
    };
    let rows = state
        .with_db(move |db| {
            let all = db.bots(true, None)?;
            let failed: u64 = db
                .conn()
                .query_row(
                    "SELECT count(*) FROM sessions WHERE end_reason IN ('restart_limit','source_error','crashed','interrupted')",
                    [],
                    |r| r.get::<_, i64>(0),
                )
                .map(|n| n as u64)
                .map_err(|e| orch::Error::Other(e.to_string()))?;
            let sessions = db.session_performance(since, bot_id.as_deref())?;
            Ok((all, failed, sessions, bot_id))
        })
        .await;
    respond(rows, |(all, failed, sessions, bot_id)| {
        let mut by_state = BTreeMap::new();
        let mut restarts = 0u64;
        let mut bots = Vec::new();
        for row in all {
            let info = supervisor::info(state, row);
            *by_state
                .entry(info.state.name().to_string())
                .or_insert(0u64) += 1;
            restarts += u64::from(info.restarts);
            if let Some(l) = info
                .live
                .as_ref()
                .filter(|_| bot_id.is_none() || bot_id.as_ref() == Some(&info.id))
            {
                bots.push(BotPerformance {
                    id: info.id.clone(),
                    name: info.name.clone(),
                    blocks: l.blocks,
                    dropped_blocks: l.dropped_blocks,
                    p50_ms: l.p50_ms,
                    p95_ms: l.p95_ms,
                    p99_ms: l.p99_ms,
                    realtime_factor: l.realtime_factor,
                    restarts: info.restarts,
                });
            }
        }
        Response::Performance(Box::new(Performance {
            live_bots: bots.len() as u64,
            bots,
            daemon_cpu_s: supervisor::process_cpu_s(std::process::id()),
            daemon_rss_kib: supervisor::self_rss_kib(),
            uptime_s: state.started.elapsed().as_secs_f64(),
            bots_by_state: by_state,
            total_restarts: restarts,
            failed_sessions: failed,
            sessions,
        }))
    })
}

/// The stored processing windows of a session (or a bot's newest).
pub async fn windows(state: &Arc<State>, target: &str) -> Response {
    let (session_id, bot_id, _) = match super::transcripts::session_of(state, target).await {
        Ok(found) => found,
        Err(f) => return Response::Failure(f),
    };
    let sid = session_id.clone();
    respond(state.with_db(move |db| db.windows(&sid)).await, |windows| {
        Response::Windows {
            session_id,
            bot_id,
            windows,
        }
    })
}

/// Largest report `orch analyze --save` may store.
const MAX_REPORT_BYTES: usize = 4 * 1024 * 1024;

/// Store a file's analysis report.
pub async fn save(state: &Arc<State>, source: String, report: serde_json::Value) -> Response {
    let size = report.to_string().len();
    if !report.is_object() || size > MAX_REPORT_BYTES {
        return Response::Failure(orch::protocol::Failure::new(
            orch::protocol::FailureKind::Invalid,
            format!("a report must be a JSON object of at most {MAX_REPORT_BYTES} bytes ({size})"),
        ));
    }
    respond(
        state
            .with_db(move |db| {
                db.insert_analysis(&source, None, &report, orch::protocol::now_unix())
            })
            .await,
        |id| Response::Ok {
            message: format!("saved analysis {id}"),
        },
    )
}

/// Stored reports since `since`, or the one with `id` (with its body).
pub async fn analyses(state: &Arc<State>, since: f64, id: Option<i64>) -> Response {
    let found = state
        .with_db(move |db| match id {
            Some(id) => db.analysis(id).map(|a| a.into_iter().collect::<Vec<_>>()),
            None => db.analyses(since),
        })
        .await;
    match (found, id) {
        (Ok(a), Some(id)) if a.is_empty() => Response::Failure(orch::protocol::Failure::new(
            orch::protocol::FailureKind::NotFound,
            format!("analysis {id} not found"),
        )),
        (r, _) => respond(r, |analyses| Response::Analyses { analyses }),
    }
}
