//! `orch status`.

use std::sync::Arc;
use std::sync::atomic::Ordering;

use orch::protocol::{PROTOCOL_VERSION, Response, StatusInfo};

use super::respond;
use crate::state::State;

/// Version, uptime, pid, paths, schema version, counts, breakers and what the daemon
/// and its bots use of the machine.
pub async fn status(state: &Arc<State>) -> Response {
    let counts = state
        .with_db(|db| Ok((db.schema_version()?, db.counts()?)))
        .await;
    let (socket, data_dir, config_file) = {
        let c = state.config.read().expect("config lock");
        (
            c.config.daemon.socket.clone(),
            c.config.daemon.data_dir.clone(),
            (c.source == orch::config::Source::File).then(|| c.path.clone()),
        )
    };
    let system = {
        let (state, dir) = (state.clone(), data_dir.clone());
        tokio::task::spawn_blocking(move || crate::supervisor::system(&state, &dir))
            .await
            .ok()
    };
    let failing = state.unsaved.failing();
    respond(counts, |(schema_version, counts)| {
        Response::Status(Box::new(StatusInfo {
            version: orch::VERSION.to_string(),
            protocol: PROTOCOL_VERSION,
            pid: std::process::id(),
            uptime_s: state.started.elapsed().as_secs_f64(),
            socket,
            data_dir,
            config_file,
            schema_version,
            clients: state.clients.load(Ordering::Relaxed),
            subscriptions: state.subscriptions.load(Ordering::Relaxed),
            counts,
            started_by: state.started_by.clone(),
            transcription: state.transcription.breaker(),
            translation: state.translation.breaker(),
            system,
            unsaved_bots: failing.as_ref().map_or(0, |f| f.1 as u32),
            storage_error: failing.map(|f| f.0),
        }))
    })
}
