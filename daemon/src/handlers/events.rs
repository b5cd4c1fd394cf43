//! `orch events`: daemon events pushed to subscribers. A slow subscriber lags behind
//! (it misses events) and never slows the daemon: the bus is a broadcast channel.

use std::sync::Arc;

use orch::protocol::{Event, Failure, FailureKind, Response, ServerBody, ServerMessage, Topic};
use tokio::sync::broadcast::error::RecvError;

use crate::conn::Conn;
use crate::state::State;

/// Open a subscription to `topics` (all when empty).
pub async fn subscribe(state: &Arc<State>, conn: &mut Conn, id: u64, topics: Vec<Topic>) {
    let mut rx = state.events.subscribe();
    conn.reply(
        id,
        Response::Ok {
            message: "subscribed".into(),
        },
    )
    .await;
    let tx = conn.tx.clone();
    let guard = state.subscription_guard();
    let mut shutdown = conn.shutdown.clone();
    let wants = move |e: &Event| topics.is_empty() || topics.contains(&e.topic());
    let task = tokio::spawn(async move {
        let _guard = guard;
        loop {
            let ev = tokio::select! {
                ev = rx.recv() => ev,
                _ = shutdown.changed() => {
                    // Deliver the shutdown notice that was just published, then end.
                    while let Ok(ev) = rx.try_recv() {
                        if wants(&ev) {
                            let _ = tx.send(ServerMessage { id, body: ServerBody::Event(ev) }).await;
                        }
                    }
                    break;
                }
            };
            match ev {
                Ok(ev) if wants(&ev) => {
                    if tx
                        .send(ServerMessage {
                            id,
                            body: ServerBody::Event(ev),
                        })
                        .await
                        .is_err()
                    {
                        return;
                    }
                }
                Ok(_) | Err(RecvError::Lagged(_)) => continue,
                Err(RecvError::Closed) => break,
            }
        }
        let _ = tx
            .send(ServerMessage {
                id,
                body: ServerBody::End,
            })
            .await;
    });
    conn.streams.insert(id, task);
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
