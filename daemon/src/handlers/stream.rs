//! The one way a handler opens a stream: reply `ok`, send a backlog, then forward a
//! broadcast channel's events (filtered) until the source is done, the client
//! unsubscribes or hangs up, or the daemon shuts down; then `end`.
//!
//! A broadcast receiver that falls behind skips what it missed, so a slow client never
//! slows the daemon.

use std::sync::Arc;

use orch::protocol::{Event, Response, ServerBody, ServerMessage};
use tokio::sync::{broadcast, watch};

use crate::conn::Conn;
use crate::state::State;

/// Where a stream's live events come from.
pub struct Live {
    /// The events.
    pub rx: broadcast::Receiver<Event>,
    /// Which ones this client wants.
    pub filter: Box<dyn Fn(&Event) -> bool + Send>,
    /// Becomes true when the source is finished (a bot ended); `None`: never.
    pub done: Option<watch::Receiver<bool>>,
}

/// Open stream `id` on `conn`: `ok`, the backlog, then `live` (or `end` at once).
pub async fn open(
    state: &Arc<State>,
    conn: &mut Conn,
    id: u64,
    backlog: Vec<Event>,
    live: Option<Live>,
) {
    conn.reply(
        id,
        Response::Ok {
            message: "streaming".into(),
        },
    )
    .await;
    let tx = conn.tx.clone();
    let send = move |body| {
        let tx = tx.clone();
        async move { tx.send(ServerMessage { id, body }).await.is_ok() }
    };
    for ev in backlog {
        send(ServerBody::Event(ev)).await;
    }
    let Some(Live {
        mut rx,
        filter,
        done,
    }) = live
    else {
        send(ServerBody::End).await;
        return;
    };
    let guard = state.subscription_guard();
    let mut shutdown = conn.shutdown.clone();
    let task = tokio::spawn(async move {
        let _guard = guard;
        let mut done = done;
        let finished = async |d: &mut Option<watch::Receiver<bool>>| match d {
            Some(d) => d.wait_for(|v| *v).await.map(|_| ()),
            None => std::future::pending().await,
        };
        loop {
            let drain = tokio::select! {
                ev = rx.recv() => match ev {
                    Ok(ev) => {
                        if filter(&ev) && !send(ServerBody::Event(ev)).await {
                            return;
                        }
                        continue;
                    }
                    Err(broadcast::error::RecvError::Lagged(_)) => continue,
                    Err(broadcast::error::RecvError::Closed) => false,
                },
                _ = finished(&mut done) => true,
                _ = shutdown.changed() => true,
            };
            if drain {
                // Deliver what is already queued (a final state, the shutdown notice).
                while let Ok(ev) = rx.try_recv() {
                    if filter(&ev) {
                        send(ServerBody::Event(ev)).await;
                    }
                }
            }
            break;
        }
        send(ServerBody::End).await;
    });
    conn.streams.insert(id, task);
}
