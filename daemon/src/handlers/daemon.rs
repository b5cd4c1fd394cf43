//! Daemon lifecycle requests.

use std::sync::Arc;

use orch::protocol::Response;

use crate::state::State;

/// Start a graceful shutdown; the reply is sent before connections close.
pub fn shutdown(state: &Arc<State>) -> Response {
    tracing::info!("shutdown requested by a client");
    let st = state.clone();
    // Let the reply reach the client before the shutdown closes its connection.
    tokio::spawn(async move {
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        st.request_shutdown();
    });
    Response::Ok {
        message: "orchd is shutting down".into(),
    }
}
