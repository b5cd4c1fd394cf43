//! `orch daemon logs [--follow]`: recent lines, then new ones as they come.

use std::sync::Arc;

use orch::protocol::{Response, ServerBody, ServerMessage};
use tokio::sync::broadcast::error::RecvError;

use crate::conn::Conn;
use crate::state::State;

/// Send the last `lines` lines; with `follow`, keep streaming.
pub async fn logs(state: &Arc<State>, conn: &mut Conn, id: u64, lines: u32, follow: bool) {
    // Subscribe before reading the backlog so no line falls between the two.
    let mut live = state.logs.subscribe();
    conn.reply(
        id,
        Response::Ok {
            message: "logs".into(),
        },
    )
    .await;
    for ev in state.logs.recent(lines as usize) {
        let _ = conn
            .tx
            .send(ServerMessage {
                id,
                body: ServerBody::Event(ev),
            })
            .await;
    }
    if !follow {
        let _ = conn
            .tx
            .send(ServerMessage {
                id,
                body: ServerBody::End,
            })
            .await;
        return;
    }
    let tx = conn.tx.clone();
    let guard = state.subscription_guard();
    let mut shutdown = conn.shutdown.clone();
    let task = tokio::spawn(async move {
        let _guard = guard;
        loop {
            let ev = tokio::select! {
                ev = live.recv() => ev,
                _ = shutdown.changed() => break,
            };
            match ev {
                Ok(ev) => {
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
                Err(RecvError::Lagged(_)) => continue,
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
