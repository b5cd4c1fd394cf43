//! `orch events`: daemon events pushed to subscribers. A slow subscriber lags behind
//! (it misses events) and never slows the daemon: the bus is a broadcast channel.

use std::sync::Arc;

use orch::protocol::{Event, Failure, FailureKind, Response, ServerBody, ServerMessage, Topic};

use super::stream::{self, Live};
use crate::conn::Conn;
use crate::state::State;

/// Open a subscription to `topics` (all when empty).
pub async fn subscribe(state: &Arc<State>, conn: &mut Conn, id: u64, topics: Vec<Topic>) {
    let live = Live {
        rx: state.events.subscribe(),
        filter: Box::new(move |e: &Event| topics.is_empty() || topics.contains(&e.topic())),
        done: None,
    };
    stream::open(state, conn, id, Vec::new(), Some(live)).await;
}

/// Close the stream opened by request `target`.
pub async fn unsubscribe(conn: &mut Conn, target: u64) -> Response {
    match conn.streams.remove(&target) {
        Some(task) => {
            task.abort();
            let _ = conn
                .tx
                .send(ServerMessage {
                    id: target,
                    body: ServerBody::End,
                })
                .await;
            Response::Ok {
                message: format!("stream {target} closed"),
            }
        }
        None => Response::Failure(Failure::new(
            FailureKind::NotFound,
            format!("no open stream with id {target}"),
        )),
    }
}
