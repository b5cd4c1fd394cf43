//! orch-meet's side of the bot protocol (docs/protocol.md, "Bot protocol"): one
//! connection that attaches to the bot and carries its audio, participants and end.

use std::path::Path;

use orch::audio::pcm::RawFormat;
use orch::protocol::client::ClientWriter;
use orch::protocol::{Client, Request, Response, ServerBody};
use tokio::sync::mpsc;

/// The connection to orchd.
pub struct Link {
    writer: ClientWriter,
    replies: mpsc::UnboundedReceiver<(u64, Response)>,
    bot_id: String,
}

impl Link {
    /// Connect and shake hands. Failures orchd sends back (there are no replies to
    /// audio on success) go to the log.
    pub async fn connect(socket: &Path, bot_id: &str) -> Result<Link, String> {
        let client = Client::connect(socket).await.map_err(|e| e.to_string())?;
        let (mut reader, writer) = client.split();
        let (tx, replies) = mpsc::unbounded_channel();
        tokio::spawn(async move {
            while let Ok(Some(msg)) = reader.next().await {
                if let ServerBody::Response(r) = msg.body {
                    if let Response::Failure(f) = &r {
                        eprintln!("orchd: {}", f.message);
                    }
                    let _ = tx.send((msg.id, r));
                }
            }
            // Dropping `tx` tells the session that orchd is gone.
        });
        Ok(Link {
            writer,
            replies,
            bot_id: bot_id.to_string(),
        })
    }

    async fn call(&mut self, request: Request) -> Result<Response, String> {
        let id = self.writer.send(request).await.map_err(|e| e.to_string())?;
        loop {
            match self.replies.recv().await {
                Some((rid, r)) if rid == id => return Ok(r),
                Some(_) => {}
                None => return Err("orchd closed the connection".into()),
            }
        }
    }

    /// Attach to the bot: from now on its audio is `rate` Hz, `channels` channels.
    pub async fn attach(&mut self, rate: u32, channels: usize) -> Result<(), String> {
        let r = self
            .call(Request::BotAttach {
                bot_id: self.bot_id.clone(),
                sample_rate: rate,
                channels,
            })
            .await?;
        match r {
            Response::Ok { .. } => Ok(()),
            Response::Failure(f) => Err(f.message),
            other => Err(format!("unexpected reply to bot_attach: {other:?}")),
        }
    }

    /// Send base64 s16le audio; never waits for a reply.
    pub async fn audio(&mut self, data: String) -> Result<(), String> {
        self.writer
            .send(Request::BotAudio {
                format: RawFormat::S16Le,
                data,
            })
            .await
            .map(|_| ())
            .map_err(|e| e.to_string())
    }

    /// Report a participant joining, leaving or starting to speak.
    pub async fn participant(&mut self, event: &str, id: &str, name: &str) -> Result<(), String> {
        self.writer
            .send(Request::BotParticipant {
                event: event.into(),
                participant_id: id.into(),
                name: Some(name.into()),
            })
            .await
            .map(|_| ())
            .map_err(|e| e.to_string())
    }

    /// Say why the meeting ended, and wait until orchd has it.
    pub async fn end(&mut self, reason: &str, detail: &str) -> Result<(), String> {
        match self
            .call(Request::BotEnd {
                bot_id: self.bot_id.clone(),
                reason: reason.into(),
                detail: Some(detail.into()),
            })
            .await?
        {
            Response::Ok { .. } => Ok(()),
            Response::Failure(f) => Err(f.message),
            other => Err(format!("unexpected reply to bot_end: {other:?}")),
        }
    }

    /// Whether orchd has closed the connection (checked without waiting).
    pub fn closed(&mut self) -> bool {
        loop {
            match self.replies.try_recv() {
                Ok(_) => {}
                Err(mpsc::error::TryRecvError::Empty) => return false,
                Err(mpsc::error::TryRecvError::Disconnected) => return true,
            }
        }
    }
}
