//! `orch daemon logs [--follow]`: recent lines, then new ones as they come.

use std::sync::Arc;

use super::stream::{self, Live};
use crate::conn::Conn;
use crate::state::State;

/// Send the last `lines` lines; with `follow`, keep streaming.
pub async fn logs(state: &Arc<State>, conn: &mut Conn, id: u64, lines: u32, follow: bool) {
    // Subscribe before reading the backlog so no line falls between the two.
    let rx = state.logs.subscribe();
    let backlog = state.logs.recent(lines as usize);
    let live = follow.then(|| Live {
        rx,
        filter: Box::new(|_| true),
        done: None,
    });
    stream::open(state, conn, id, backlog, live).await;
}
