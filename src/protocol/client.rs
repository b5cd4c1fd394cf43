//! The client side: connect, shake hands, send requests, read replies and events.

use std::path::{Path, PathBuf};

use interprocess::local_socket::tokio::Stream;
use interprocess::local_socket::traits::tokio::Stream as _;
use interprocess::local_socket::{GenericFilePath, ToFsName};

use super::PROTOCOL_VERSION;
use super::frame::{self, DEFAULT_MAX_FRAME, FrameError};
use super::message::{ClientMessage, Event, Request, Response, ServerBody, ServerMessage};
use crate::{Error, Result};

/// A connection to orchd that has completed the version handshake.
#[derive(Debug)]
pub struct Client {
    stream: Stream,
    socket: PathBuf,
    next_id: u64,
    daemon_version: String,
}

impl Client {
    /// Connect to the daemon at `socket` and shake hands.
    pub async fn connect(socket: &Path) -> Result<Client> {
        let unreachable = |why: String| {
            Error::Unreachable(format!("cannot reach orchd at {}: {why}", socket.display()))
        };
        let name = socket
            .to_fs_name::<GenericFilePath>()
            .map_err(|e| unreachable(e.to_string()))?;
        let stream = Stream::connect(name).await.map_err(|e| {
            unreachable(match e.kind() {
                std::io::ErrorKind::NotFound => "no socket (is orchd running?)".into(),
                std::io::ErrorKind::ConnectionRefused => {
                    "connection refused (stale socket: orchd is not running)".into()
                }
                _ => e.to_string(),
            })
        })?;
        let mut client = Client {
            stream,
            socket: socket.to_path_buf(),
            next_id: 1,
            daemon_version: String::new(),
        };
        let reply = client
            .request(Request::Hello {
                protocol: PROTOCOL_VERSION,
                client_version: crate::VERSION.to_string(),
            })
            .await
            .map_err(|e| match e {
                Error::Protocol(m) => unreachable(m),
                other => other,
            })?;
        match reply {
            Response::Hello { daemon_version, .. } => {
                client.daemon_version = daemon_version;
                Ok(client)
            }
            // Refused peer, full daemon or another protocol version: we cannot use it.
            Response::Failure(f) => Err(Error::Refused(f.message)),
            other => Err(Error::Protocol(format!(
                "unexpected handshake reply {other:?}: are client and daemon the same version?"
            ))),
        }
    }

    /// The daemon's program version.
    pub fn daemon_version(&self) -> &str {
        &self.daemon_version
    }

    /// The socket this client is connected to.
    pub fn socket(&self) -> &Path {
        &self.socket
    }

    /// Send `request` and wait for its reply (a [`Response::Failure`] is returned as is).
    pub async fn request(&mut self, request: Request) -> Result<Response> {
        let id = self.send(request).await?;
        loop {
            let msg = self.read().await?;
            // Id 0 carries connection-level failures (refused peer, bad frame).
            let connection_failure =
                msg.id == 0 && matches!(msg.body, ServerBody::Response(Response::Failure(_)));
            if msg.id != id && !connection_failure {
                continue;
            }
            match msg.body {
                ServerBody::Response(r) => return Ok(r),
                ServerBody::Event(_) => continue,
                ServerBody::End => {
                    return Err(Error::Protocol("the daemon ended the request".into()));
                }
            }
        }
    }

    /// Like [`Client::request`], but a failure reply becomes an `Err`.
    pub async fn call(&mut self, request: Request) -> Result<Response> {
        match self.request(request).await? {
            Response::Failure(f) => Err(f.into_error()),
            r => Ok(r),
        }
    }

    /// Send a request without waiting; returns its id (for subscriptions).
    pub async fn send(&mut self, request: Request) -> Result<u64> {
        let id = self.next_id;
        self.next_id += 1;
        frame::write_message(&mut self.stream, &ClientMessage { id, request })
            .await
            .map_err(lost)?;
        Ok(id)
    }

    /// Open a stream (`Subscribe` or `Logs` with follow); events come from
    /// [`Client::next_event`].
    pub async fn subscribe(&mut self, request: Request) -> Result<u64> {
        let id = self.send(request).await?;
        loop {
            let msg = self.read().await?;
            if msg.id == id {
                return match msg.body {
                    ServerBody::Response(Response::Failure(f)) => Err(f.into_error()),
                    ServerBody::Response(_) => Ok(id),
                    ServerBody::Event(_) | ServerBody::End => Ok(id),
                };
            }
        }
    }

    /// The next event of any open stream; `Ok(None)` when the stream ended or the
    /// daemon closed the connection.
    pub async fn next_event(&mut self) -> Result<Option<(u64, Event)>> {
        loop {
            let msg =
                match frame::read_message::<ServerMessage, _>(&mut self.stream, DEFAULT_MAX_FRAME)
                    .await
                {
                    Ok(Some(m)) => m,
                    Ok(None) => return Ok(None),
                    Err(e) => return Err(lost(e)),
                };
            match msg.body {
                ServerBody::Event(e) => return Ok(Some((msg.id, e))),
                ServerBody::End => return Ok(None),
                ServerBody::Response(_) => continue,
            }
        }
    }

    async fn read(&mut self) -> Result<ServerMessage> {
        match frame::read_message::<ServerMessage, _>(&mut self.stream, DEFAULT_MAX_FRAME).await {
            Ok(Some(m)) => Ok(m),
            Ok(None) => Err(Error::Protocol("orchd closed the connection".to_string())),
            Err(e) => Err(lost(e)),
        }
    }
}

impl Client {
    /// Split into a reader of server messages and a writer of requests, to read events
    /// while sending (live audio).
    pub fn split(self) -> (ClientReader, ClientWriter) {
        let (r, w) = tokio::io::split(self.stream);
        (
            ClientReader { r },
            ClientWriter {
                w,
                next_id: self.next_id,
            },
        )
    }
}

/// The reading half of a split [`Client`].
#[derive(Debug)]
pub struct ClientReader {
    r: tokio::io::ReadHalf<Stream>,
}

impl ClientReader {
    /// The next message from the daemon; `Ok(None)` when it closed the connection.
    pub async fn next(&mut self) -> Result<Option<ServerMessage>> {
        frame::read_message::<ServerMessage, _>(&mut self.r, DEFAULT_MAX_FRAME)
            .await
            .map_err(lost)
    }
}

/// The writing half of a split [`Client`].
#[derive(Debug)]
pub struct ClientWriter {
    w: tokio::io::WriteHalf<Stream>,
    next_id: u64,
}

impl ClientWriter {
    /// Send a request; returns its id.
    pub async fn send(&mut self, request: Request) -> Result<u64> {
        let id = self.next_id;
        self.next_id += 1;
        frame::write_message(&mut self.w, &ClientMessage { id, request })
            .await
            .map_err(lost)?;
        Ok(id)
    }
}

fn lost(e: FrameError) -> Error {
    match e {
        FrameError::Decode(_) => Error::Protocol(e.to_string()),
        other => Error::Protocol(format!("lost the connection to orchd: {other}")),
    }
}
