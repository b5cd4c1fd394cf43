//! `[metrics] listen`: `GET /metrics` in the Prometheus text format, over plain HTTP/1.1.
//!
//! One endpoint and nothing else, so a small responder instead of an HTTP framework:
//! the request head is read with a size cap and a deadline, every answer closes the
//! connection, and at most [`MAX_CONNECTIONS`] scrapes run at once (more wait).

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use orch::metrics::{self, BotSample};
use orch::{Error, Result};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Semaphore;

use crate::state::State;
use crate::supervisor;

/// Largest request head read (a scraper sends a few hundred bytes).
const MAX_HEAD: usize = 8 * 1024;
/// Time a client has to send its request head.
const HEAD_TIMEOUT: Duration = Duration::from_secs(5);
/// Scrapes served at once.
const MAX_CONNECTIONS: usize = 16;

/// Bind the metrics address; the error names it.
pub async fn bind(addr: SocketAddr) -> Result<TcpListener> {
    TcpListener::bind(addr).await.map_err(|e| {
        Error::Config(format!(
            "key `metrics.listen`: cannot listen on {addr}: {e}"
        ))
    })
}

/// Serve scrapes until the daemon shuts down.
pub async fn serve(state: Arc<State>, listener: TcpListener) {
    let slots = Arc::new(Semaphore::new(MAX_CONNECTIONS));
    let mut shutdown = state.shutdown.subscribe();
    if let Ok(addr) = listener.local_addr() {
        tracing::info!("metrics on http://{addr}/metrics");
    }
    loop {
        tokio::select! {
            accepted = listener.accept() => {
                let Ok((stream, _)) = accepted else {
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                };
                let Ok(permit) = slots.clone().acquire_owned().await else { return };
                let state = state.clone();
                tokio::spawn(async move {
                    answer(&state, stream).await;
                    drop(permit);
                });
            }
            _ = shutdown.changed() => return,
        }
    }
}

/// Read one request and answer it.
async fn answer(state: &Arc<State>, mut stream: TcpStream) {
    let head = match tokio::time::timeout(HEAD_TIMEOUT, read_head(&mut stream)).await {
        Ok(Some(h)) => h,
        _ => return,
    };
    let mut parts = head.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    let path = target.split('?').next().unwrap_or("");
    let (status, content_type, body) = match (method, path) {
        ("GET" | "HEAD", "/metrics") => ("200 OK", metrics::CONTENT_TYPE, render(state).await),
        ("GET" | "HEAD", "/") => (
            "200 OK",
            "text/plain; charset=utf-8",
            "orchd: metrics at /metrics\n".to_string(),
        ),
        ("GET" | "HEAD", _) => (
            "404 Not Found",
            "text/plain; charset=utf-8",
            "not found: the metrics are at /metrics\n".to_string(),
        ),
        _ => (
            "405 Method Not Allowed",
            "text/plain; charset=utf-8",
            "only GET /metrics\n".to_string(),
        ),
    };
    let mut reply = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    )
    .into_bytes();
    if method != "HEAD" {
        reply.extend_from_slice(body.as_bytes());
    }
    let _ = tokio::time::timeout(HEAD_TIMEOUT, stream.write_all(&reply)).await;
    let _ = stream.shutdown().await;
}

/// The request line, once the whole head has arrived (None: closed, too big, not text).
async fn read_head(stream: &mut TcpStream) -> Option<String> {
    let mut buf = Vec::with_capacity(1024);
    let mut chunk = [0u8; 1024];
    while !buf.windows(4).any(|w| w == b"\r\n\r\n") && !buf.windows(2).any(|w| w == b"\n\n") {
        let n = stream.read(&mut chunk).await.ok()?;
        if n == 0 || buf.len() + n > MAX_HEAD {
            return None;
        }
        buf.extend_from_slice(&chunk[..n]);
    }
    let text = std::str::from_utf8(&buf).ok()?;
    Some(text.lines().next()?.to_string())
}

/// Sample the daemon's state into the metrics and render them.
pub async fn render(state: &Arc<State>) -> String {
    let totals = state.with_db(|db| db.bot_totals()).await;
    let handles = state.supervisor.handles();
    let samples: Vec<_> = handles
        .iter()
        .map(|h| {
            let s = &h.shared;
            let transcription = s
                .transcriber
                .lock()
                .ok()
                .and_then(|t| t.as_ref().map(|t| t.stats()));
            let translation = s
                .translation
                .lock()
                .ok()
                .and_then(|t| t.as_ref().map(|t| t.stats()))
                .unwrap_or_default();
            let webcam = h.webcam.lock().ok().and_then(|w| w.clone()).map(|w| {
                let s = w.status();
                metrics::WebcamSample {
                    frames: s.frames,
                    written: s.written,
                    dropped: s.dropped,
                    draws: s.renders,
                    captions: s.captions,
                }
            });
            (h.id.clone(), s.live(), transcription, translation, webcam)
        })
        .collect();
    let scrape = metrics::global().scrape();
    match totals {
        Ok((by_state, restarts)) => scrape.bots(&by_state, restarts),
        Err(e) => tracing::warn!("metrics: cannot count bots: {}", e.message),
    }
    for (id, live, transcription, translation, webcam) in &samples {
        let mut b = BotSample {
            bot: id,
            transcription: transcription.as_ref(),
            translation,
            webcam: *webcam,
            ..Default::default()
        };
        if let Some(l) = live {
            b.blocks = l.blocks;
            b.dropped_blocks = l.dropped_blocks;
            b.audio_s = l.audio_s;
            b.realtime_factor = l.realtime_factor;
        }
        scrape.bot(&b);
    }
    scrape.process(
        state.started.elapsed().as_secs_f64(),
        supervisor::process_cpu_s(std::process::id()),
        supervisor::self_rss_kib().map(|k| k * 1024),
    );
    scrape.finish()
}
