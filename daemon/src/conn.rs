//! One client connection: handshake, then requests answered in order, with streams
//! (subscriptions) pushed alongside through the same writer task.
//!
//! A malformed, unknown or oversized frame gets a failure reply and closes this
//! connection only. A slow client only fills its own queue, bounded in bytes (see
//! [`Outbox`]). Before `hello` a client may send only a small frame, and must send it
//! within [`HELLO_WITHIN`]: idle sockets do not hold client slots.

use std::collections::HashMap;
use std::sync::Arc;

use interprocess::local_socket::tokio::Stream;
use orch::protocol::frame::{self, FrameError};
use orch::protocol::{
    ClientMessage, Failure, FailureKind, PROTOCOL_VERSION, Request, Response, ServerBody,
    ServerMessage,
};
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::sync::watch;
use tokio::task::JoinHandle;

use crate::handlers;
pub use crate::handlers::access::Peer;
pub use crate::outbox::Outbox;
use crate::state::State;

/// How long a new connection has to say `hello`.
pub const HELLO_WITHIN: std::time::Duration = std::time::Duration::from_secs(5);
/// How long a closing connection's last frames may take to reach a client that does
/// not read them.
const LAST_WRITES_WITHIN: std::time::Duration = std::time::Duration::from_secs(2);

/// The largest frame before `hello` (a hello is about 80 bytes).
const HELLO_MAX_FRAME: u32 = 4096;

/// The per-connection context handlers get.
pub struct Conn {
    /// Queue to the writer task.
    pub tx: Outbox,
    /// Open streams by request id.
    pub streams: HashMap<u64, JoinHandle<()>>,
    /// Fires on daemon shutdown.
    pub shutdown: watch::Receiver<bool>,
    /// The meeting bot this connection pushes audio for.
    pub attached: Option<crate::handlers::attach::Attached>,
    /// A live analysis of audio pushed on this connection.
    pub live: Option<Box<crate::handlers::live::LiveSession>>,
    /// Who the client is (the owner, or a member of the allowed group).
    pub peer: Peer,
}

impl Conn {
    /// Queue a reply.
    pub async fn reply(&self, id: u64, response: Response) {
        let _ = self
            .tx
            .send(ServerMessage {
                id,
                body: ServerBody::Response(response),
            })
            .await;
    }
}

/// Refuse a connection with a reason (peer not allowed).
pub async fn refuse(stream: Stream, why: &str) {
    tracing::warn!("refused a connection: {why}");
    refuse_with(stream, Failure::new(FailureKind::Protocol, why)).await;
}

/// Refuse a connection because the client limit is reached.
pub async fn refuse_busy(stream: Stream, max: u32) {
    let msg = format!("orchd serves at most {max} clients (daemon.max_clients)");
    refuse_with(stream, Failure::new(FailureKind::Busy, msg)).await;
}

/// Read the client's hello (so closing does not reset the connection and lose the
/// reply), answer with `failure` under id 0, and close.
async fn refuse_with(stream: Stream, failure: Failure) {
    let (mut r, mut w) = tokio::io::split(stream);
    let _ = tokio::time::timeout(
        std::time::Duration::from_secs(2),
        frame::read_frame(&mut r, 4096),
    )
    .await;
    let _ = frame::write_message(
        &mut w,
        &ServerMessage {
            id: 0,
            body: ServerBody::Response(Response::Failure(failure)),
        },
    )
    .await;
    let _ = tokio::io::AsyncWriteExt::shutdown(&mut w).await;
}

/// Serve one connection until it closes, misbehaves or the daemon shuts down.
pub async fn serve(state: Arc<State>, stream: Stream, peer: Peer, shutdown: watch::Receiver<bool>) {
    let _count = state.client_guard();
    let (reader, writer) = tokio::io::split(stream);
    serve_io(state, reader, writer, peer, shutdown).await;
}

/// The connection loop, generic over the transport.
pub async fn serve_io<R, W>(
    state: Arc<State>,
    mut reader: R,
    writer: W,
    peer: Peer,
    shutdown: watch::Receiver<bool>,
) where
    R: AsyncRead + Unpin,
    W: AsyncWrite + Unpin + Send + 'static,
{
    let max = state
        .config
        .read()
        .map(|c| c.config.daemon.max_frame_bytes)
        .unwrap_or(frame::DEFAULT_MAX_FRAME);
    let (tx, writer_task) = Outbox::start(writer);
    let mut conn = Conn {
        tx,
        streams: HashMap::new(),
        shutdown: shutdown.clone(),
        attached: None,
        live: None,
        peer,
    };
    let mut stop = shutdown;

    let fail = |kind, msg: String| Response::Failure(Failure::new(kind, msg));
    let mut greeted = false;
    let hello_by = tokio::time::Instant::now() + HELLO_WITHIN;
    loop {
        let limit = if greeted { max } else { HELLO_MAX_FRAME };
        let msg = tokio::select! {
            m = frame::read_message::<ClientMessage, _>(&mut reader, limit) => m,
            _ = stop.changed() => break,
            _ = tokio::time::sleep_until(hello_by), if !greeted => {
                conn.reply(
                    0,
                    fail(
                        FailureKind::Protocol,
                        format!("no hello within {} s; closing", HELLO_WITHIN.as_secs()),
                    ),
                )
                .await;
                break;
            }
        };
        let msg = match msg {
            Ok(Some(m)) => m,
            Ok(None) => break,
            Err(FrameError::Io(_)) => break,
            Err(e @ FrameError::TooLarge { .. }) => {
                tracing::warn!("closing a connection: {e}");
                conn.reply(0, fail(FailureKind::Protocol, e.to_string()))
                    .await;
                break;
            }
            Err(e @ FrameError::Decode(_)) => {
                tracing::warn!("closing a connection: {e}");
                conn.reply(
                    0,
                    fail(
                        FailureKind::Protocol,
                        "unexpected message: are client and daemon the same version?".into(),
                    ),
                )
                .await;
                break;
            }
        };
        if !greeted {
            match msg.request {
                Request::Hello { protocol, .. } if protocol == PROTOCOL_VERSION => {
                    greeted = true;
                    conn.reply(
                        msg.id,
                        Response::Hello {
                            protocol: PROTOCOL_VERSION,
                            daemon_version: orch::VERSION.to_string(),
                        },
                    )
                    .await;
                    continue;
                }
                Request::Hello {
                    protocol,
                    client_version,
                } => {
                    conn.reply(
                        msg.id,
                        fail(
                            FailureKind::VersionMismatch,
                            format!(
                                "version mismatch: orch {client_version} speaks protocol {protocol}, \
                                 orchd {} speaks protocol {PROTOCOL_VERSION}; use the same version for both",
                                orch::VERSION
                            ),
                        ),
                    )
                    .await;
                    break;
                }
                _ => {
                    conn.reply(
                        msg.id,
                        fail(
                            FailureKind::Protocol,
                            "the first message must be a hello with the protocol version".into(),
                        ),
                    )
                    .await;
                    break;
                }
            }
        }
        // A reply to a client that does not read waits for room in its outbox; shutdown
        // does not wait for it.
        tokio::select! {
            _ = handlers::handle(&state, &mut conn, msg.id, msg.request) => {}
            _ = stop.changed() => break,
        }
        conn.streams.retain(|_, h| !h.is_finished());
    }
    // Streams end by themselves on shutdown (after their last events); on a client
    // hang-up they are cut.
    let shutting_down = *stop.borrow();
    for (id, mut h) in conn.streams.drain() {
        let finished = shutting_down
            && tokio::time::timeout(std::time::Duration::from_secs(1), &mut h)
                .await
                .is_ok();
        if !finished {
            h.abort();
            let end = conn.tx.send(ServerMessage {
                id,
                body: ServerBody::End,
            });
            let _ = tokio::time::timeout(LAST_WRITES_WITHIN, end).await;
        }
    }
    drop(conn);
    // What is queued goes out, unless the client does not read it.
    let mut writer_task = writer_task;
    if tokio::time::timeout(LAST_WRITES_WITHIN, &mut writer_task)
        .await
        .is_err()
    {
        writer_task.abort();
    }
    crate::memory::release_soon();
}
