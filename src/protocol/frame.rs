//! Framing: a 4-byte big-endian payload length, then that many bytes of JSON.
//!
//! The length is checked against the cap *before* anything is allocated, so an
//! oversized or hostile frame costs nothing but the connection, and a frame's buffer
//! grows with the bytes that actually arrive, so announcing 16 MiB and sending ten
//! bytes costs ten bytes.

use serde::{Serialize, de::DeserializeOwned};
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};

/// Default largest frame: 16 MiB.
pub const DEFAULT_MAX_FRAME: u32 = 16 * 1024 * 1024;

/// The buffer a frame starts with; larger ones grow as their bytes arrive.
const FIRST_READ: usize = 64 * 1024;

/// What can go wrong reading or writing a frame.
#[derive(Debug, thiserror::Error)]
pub enum FrameError {
    /// The peer announced a frame over the cap.
    #[error("frame of {len} bytes exceeds the limit of {max} bytes")]
    TooLarge { len: u32, max: u32 },
    /// The payload is not valid JSON for the expected message.
    #[error("unexpected message: are client and daemon the same version? ({0})")]
    Decode(String),
    /// The connection failed or closed mid-frame.
    #[error("connection error: {0}")]
    Io(#[from] std::io::Error),
}

/// Read one frame's payload. `Ok(None)` on a clean end of stream before a frame starts.
pub async fn read_frame<R: AsyncRead + Unpin>(
    r: &mut R,
    max: u32,
) -> Result<Option<Vec<u8>>, FrameError> {
    let mut len = [0u8; 4];
    match r.read_exact(&mut len).await {
        Ok(_) => {}
        Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => return Ok(None),
        Err(e) => return Err(e.into()),
    }
    let len = u32::from_be_bytes(len);
    if len > max {
        return Err(FrameError::TooLarge { len, max });
    }
    let mut buf = Vec::with_capacity((len as usize).min(FIRST_READ));
    (&mut *r).take(u64::from(len)).read_to_end(&mut buf).await?;
    if buf.len() < len as usize {
        return Err(FrameError::Io(std::io::ErrorKind::UnexpectedEof.into()));
    }
    Ok(Some(buf))
}

/// Write one frame.
pub async fn write_frame<W: AsyncWrite + Unpin>(
    w: &mut W,
    payload: &[u8],
) -> Result<(), FrameError> {
    let len = u32::try_from(payload.len()).map_err(|_| FrameError::TooLarge {
        len: u32::MAX,
        max: u32::MAX,
    })?;
    let mut buf = Vec::with_capacity(4 + payload.len());
    buf.extend_from_slice(&len.to_be_bytes());
    buf.extend_from_slice(payload);
    w.write_all(&buf).await?;
    w.flush().await?;
    Ok(())
}

/// Encode a message as a frame payload.
pub fn encode<T: Serialize>(msg: &T) -> Vec<u8> {
    serde_json::to_vec(msg).expect("protocol messages serialize")
}

/// Decode a frame payload.
pub fn decode<T: DeserializeOwned>(payload: &[u8]) -> Result<T, FrameError> {
    serde_json::from_slice(payload).map_err(|e| FrameError::Decode(e.to_string()))
}

/// Read and decode one message; `Ok(None)` at a clean end of stream.
pub async fn read_message<T: DeserializeOwned, R: AsyncRead + Unpin>(
    r: &mut R,
    max: u32,
) -> Result<Option<T>, FrameError> {
    match read_frame(r, max).await? {
        Some(p) => decode(&p).map(Some),
        None => Ok(None),
    }
}

/// Encode and write one message.
pub async fn write_message<T: Serialize, W: AsyncWrite + Unpin>(
    w: &mut W,
    msg: &T,
) -> Result<(), FrameError> {
    write_frame(w, &encode(msg)).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::{ClientMessage, Request};

    #[tokio::test]
    async fn round_trip_over_a_duplex_pipe() {
        let (mut a, mut b) = tokio::io::duplex(64);
        let msg = ClientMessage {
            id: 7,
            request: Request::Ping,
        };
        let writer = tokio::spawn(async move {
            write_message(&mut a, &msg).await.unwrap();
            write_message(&mut a, &msg).await.unwrap();
        });
        for _ in 0..2 {
            let got: ClientMessage = read_message(&mut b, 1024).await.unwrap().unwrap();
            assert_eq!(got.id, 7);
            assert!(matches!(got.request, Request::Ping));
        }
        writer.await.unwrap();
        assert!(
            read_message::<ClientMessage, _>(&mut b, 1024)
                .await
                .unwrap()
                .is_none()
        );
    }

    #[tokio::test]
    async fn oversized_frame_is_refused_before_allocating() {
        let (mut a, mut b) = tokio::io::duplex(64);
        a.write_all(&u32::MAX.to_be_bytes()).await.unwrap();
        let err = read_frame(&mut b, 1024).await.unwrap_err();
        assert!(matches!(
            err,
            FrameError::TooLarge {
                len: u32::MAX,
                max: 1024
            }
        ));
    }

    #[tokio::test]
    async fn unknown_message_is_a_decode_error() {
        let (mut a, mut b) = tokio::io::duplex(256);
        write_frame(&mut a, br#"{"id":1,"request":{"type":"launch_rockets"}}"#)
            .await
            .unwrap();
        let err = read_message::<ClientMessage, _>(&mut b, 1024)
            .await
            .unwrap_err();
        assert!(err.to_string().starts_with("unexpected message"), "{err}");
    }

    #[tokio::test]
    async fn truncated_frame_is_an_io_error() {
        let (mut a, mut b) = tokio::io::duplex(256);
        a.write_all(&10u32.to_be_bytes()).await.unwrap();
        a.write_all(b"abc").await.unwrap();
        drop(a);
        assert!(matches!(
            read_frame(&mut b, 1024).await,
            Err(FrameError::Io(_))
        ));
    }
}
