//! Removing old history: `orch db cleanup` (and `orch bot cleanup`), and the hourly
//! sweep of `daemon.retention_days`. The database rows go in one transaction; then the
//! log files of the sessions removed.

use std::sync::Arc;
use std::time::Duration;

use orch::protocol::Removed;

use crate::state::State;

/// How often `daemon.retention_days` is applied.
const SWEEP_EVERY: Duration = Duration::from_secs(3600);

/// Remove the bots that ended before `cutoff` (Unix s) with their whole history.
pub async fn cleanup(state: &Arc<State>, cutoff: f64) -> Result<Removed, orch::protocol::Failure> {
    let data_dir = state
        .config
        .read()
        .expect("config lock")
        .config
        .daemon
        .data_dir
        .clone();
    state
        .with_db(move |db| {
            let (mut removed, sessions) = db.cleanup_bots(cutoff)?;
            removed.log_files = orch::store::logs::remove_sessions(
                &data_dir,
                sessions.iter().map(|(b, s)| (b.as_str(), s.as_str())),
            )?;
            Ok(removed)
        })
        .await
}

/// Apply `daemon.retention_days` now and every hour, until shutdown (the setting is
/// read each time, so a reload changes it).
pub async fn sweep(state: Arc<State>) {
    let mut shutdown = state.shutdown.subscribe();
    let mut tick = tokio::time::interval(SWEEP_EVERY);
    loop {
        tokio::select! {
            _ = tick.tick() => {}
            _ = shutdown.changed() => return,
        }
        let days = state
            .config
            .read()
            .expect("config lock")
            .config
            .daemon
            .retention_days;
        let Some(days) = days else { continue };
        let cutoff = orch::protocol::now_unix() - days * 86_400.0;
        match cleanup(&state, cutoff).await {
            Ok(r) if r.bots > 0 => tracing::info!(
                "retention: removed {} bot(s) that ended over {days} day(s) ago, with {} session(s)",
                r.bots,
                r.sessions
            ),
            Ok(_) => {}
            Err(f) => tracing::warn!("retention: {}", f.message),
        }
    }
}
