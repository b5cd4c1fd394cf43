//! Signals: SIGTERM and SIGINT start a graceful shutdown; SIGHUP reloads the
//! configuration (an invalid file keeps the running one).

use std::sync::Arc;

use orch::{Error, Result};
use tokio::signal::unix::{SignalKind, signal};

use crate::state::State;
use crate::systemd;

/// Spawn the signal-handling task.
pub fn install_signal_handlers(state: Arc<State>) -> Result<()> {
    let sig = |kind: SignalKind, name: &str| {
        signal(kind).map_err(|e| Error::Other(format!("cannot handle {name}: {e}")))
    };
    let mut term = sig(SignalKind::terminate(), "SIGTERM")?;
    let mut int = sig(SignalKind::interrupt(), "SIGINT")?;
    let mut hup = sig(SignalKind::hangup(), "SIGHUP")?;
    tokio::spawn(async move {
        loop {
            tokio::select! {
                _ = term.recv() => {
                    tracing::info!("SIGTERM received");
                    state.request_shutdown();
                }
                _ = int.recv() => {
                    tracing::info!("SIGINT received");
                    state.request_shutdown();
                }
                _ = hup.recv() => {
                    tracing::info!("SIGHUP received: reloading the configuration");
                    if state.reload_config().await.is_ok() {
                        systemd::reloaded("configuration reloaded");
                    }
                }
            }
        }
    });
    Ok(())
}
