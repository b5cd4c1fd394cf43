//! `orch config show|reload` against the running daemon.

use std::sync::Arc;

use orch::config::{Loaded, Source};
use orch::protocol::{ConfigInfo, Response};

use super::respond;
use crate::state::State;

fn info(l: &Loaded) -> ConfigInfo {
    ConfigInfo {
        path: l.path.clone(),
        from_file: l.source == Source::File,
        toml: l.config.to_toml(),
    }
}

/// The configuration in force.
pub fn get(state: &Arc<State>) -> Response {
    let l = state.config.read().expect("config lock");
    Response::Config(info(&l))
}

/// Reload from the file; an invalid file keeps the running configuration.
pub async fn reload(state: &Arc<State>) -> Response {
    respond(state.reload_config().await, |l| Response::Config(info(&l)))
}
