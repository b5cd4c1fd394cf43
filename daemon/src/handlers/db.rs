//! `orch db status`.

use std::sync::Arc;

use orch::protocol::Response;

use super::respond;
use crate::state::State;

/// Schema version, file, size, journal mode and counts.
pub async fn status(state: &Arc<State>) -> Response {
    respond(state.with_db(|db| db.info()).await, Response::Db)
}
