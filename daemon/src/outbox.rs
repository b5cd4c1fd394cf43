//! A connection's queue of replies and events on their way to the client, bounded in
//! bytes rather than in messages: a client that sends requests and never reads costs
//! orchd at most [`BUDGET`] bytes of encoded frames (plus the kernel's socket
//! buffers), whatever the size of the answers. A sender waits while the queue is full,
//! which stops the connection reading further requests.

use std::sync::Arc;

use orch::protocol::ServerMessage;
use orch::protocol::frame;
use tokio::io::AsyncWrite;
use tokio::sync::{OwnedSemaphorePermit, Semaphore, mpsc};
use tokio::task::JoinHandle;

/// Bytes of encoded frames one connection may have queued. A single frame larger than
/// this goes alone.
pub const BUDGET: usize = 256 * 1024;

/// What each queued frame costs beyond its bytes (the queue entry).
const PER_FRAME: usize = 64;

/// The connection is gone.
#[derive(Debug)]
pub struct Closed;

/// The sending side, cloned by every stream of the connection.
#[derive(Clone)]
pub struct Outbox {
    tx: mpsc::UnboundedSender<(Vec<u8>, OwnedSemaphorePermit)>,
    budget: Arc<Semaphore>,
}

impl Outbox {
    /// Start the writer task on `writer`; it ends when every `Outbox` is dropped (after
    /// writing what was queued) or the client stops accepting bytes.
    pub fn start<W>(mut writer: W) -> (Outbox, JoinHandle<()>)
    where
        W: AsyncWrite + Unpin + Send + 'static,
    {
        let (tx, mut rx) = mpsc::unbounded_channel::<(Vec<u8>, OwnedSemaphorePermit)>();
        let task = tokio::spawn(async move {
            while let Some((bytes, permit)) = rx.recv().await {
                let written = frame::write_frame(&mut writer, &bytes).await;
                drop((bytes, permit));
                if written.is_err() {
                    break;
                }
            }
        });
        let budget = Arc::new(Semaphore::new(BUDGET));
        (Outbox { tx, budget }, task)
    }

    /// Encode and queue `msg`, waiting while the connection's queue is full.
    pub async fn send(&self, msg: ServerMessage) -> Result<(), Closed> {
        let bytes = frame::encode(&msg);
        let cost = (bytes.len() + PER_FRAME).min(BUDGET) as u32;
        let permit = self
            .budget
            .clone()
            .acquire_many_owned(cost)
            .await
            .map_err(|_| Closed)?;
        self.tx.send((bytes, permit)).map_err(|_| Closed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use orch::protocol::{Response, ServerBody};

    fn pong(id: u64) -> ServerMessage {
        ServerMessage {
            id,
            body: ServerBody::Response(Response::Pong),
        }
    }

    #[tokio::test]
    async fn a_client_that_never_reads_holds_at_most_the_budget() {
        // A pipe the client never reads: the writer task blocks once the pipe is full.
        let (client, server) = tokio::io::duplex(1024);
        let (outbox, _task) = Outbox::start(server);
        let mut sent = 0usize;
        loop {
            let send = outbox.send(pong(sent as u64));
            match tokio::time::timeout(std::time::Duration::from_millis(200), send).await {
                Ok(r) => r.unwrap(),
                Err(_) => break,
            }
            sent += 1;
        }
        let frame = frame::encode(&pong(0)).len();
        // What sits queued: the budget (with the per-frame cost) and the pipe's buffer.
        assert!(sent * (frame + PER_FRAME) <= BUDGET + 1024 + 2 * (frame + PER_FRAME + 4));
        assert!(sent * (frame + PER_FRAME) >= BUDGET / 2, "{sent}");
        drop(client);
    }
}
