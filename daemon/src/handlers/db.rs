//! `orch db status` (`orch db cleanup` is `handlers::bots::cleanup`).

use std::sync::Arc;

use orch::protocol::Response;

use super::respond;
use crate::state::State;

/// Schema version, file, size, journal mode and counts.
pub async fn status(state: &Arc<State>) -> Response {
    let (data_dir, retention) = {
        let c = &state.config.read().expect("config lock").config;
        (c.daemon.data_dir.clone(), c.daemon.retention_days)
    };
    respond(state.with_db(|db| db.info()).await, |mut info| {
        (info.history.log_files, info.history.log_bytes) = orch::store::logs::usage(&data_dir);
        info.retention_days = retention;
        Response::Db(info)
    })
}
