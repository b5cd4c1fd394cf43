//! `orch analyze --live -`: audio pushed by the client, analysed in the daemon, meters
//! pushed back ten times a second, the full report at the end.

use std::sync::Arc;
use std::time::{Duration, Instant};

use orch::analysis::{AnalysisOptions, Analyzer};
use orch::audio::Planar;
use orch::audio::pcm::{RawFormat, decode_base64};
use orch::protocol::{Event, Failure, FailureKind, Response, ServerBody, ServerMessage};

use crate::conn::Conn;
use crate::state::State;

/// A live analysis on one connection.
pub struct LiveSession {
    analyzer: Analyzer,
    block: Planar,
    sample_rate: u32,
    channels: usize,
    last_meters: Instant,
    stream_id: u64,
}

fn fail(kind: FailureKind, msg: String) -> Response {
    Response::Failure(Failure::new(kind, msg))
}

/// Open the analysis; meters are sent with the id of this request.
pub fn open(
    _state: &Arc<State>,
    conn: &mut Conn,
    id: u64,
    sample_rate: u32,
    channels: usize,
) -> Response {
    if conn.live.is_some() {
        return fail(
            FailureKind::Invalid,
            "a live analysis is already open on this connection".into(),
        );
    }
    let analyzer = match Analyzer::new(sample_rate, channels, 1.0, &AnalysisOptions::default()) {
        Ok(a) => a.live(),
        Err(e) => return fail(FailureKind::Invalid, e.to_string()),
    };
    conn.live = Some(Box::new(LiveSession {
        analyzer,
        block: Planar::new(channels, 8192),
        sample_rate,
        channels,
        last_meters: Instant::now(),
        stream_id: id,
    }));
    Response::Ok {
        message: format!("live analysis open: {sample_rate} Hz, {channels} channel(s)"),
    }
}

/// Analyse pushed audio; `None` on success (meters go out as events).
pub async fn audio(conn: &mut Conn, format: RawFormat, data: &str) -> Option<Response> {
    let Some(live) = conn.live.as_mut() else {
        return Some(fail(
            FailureKind::Invalid,
            "send live_open before live_audio".into(),
        ));
    };
    let Some(samples) = decode_base64(data, format) else {
        return Some(fail(
            FailureKind::Invalid,
            format!("live_audio data is not base64 {format} PCM"),
        ));
    };
    if samples.len() % live.channels != 0 {
        return Some(fail(
            FailureKind::Invalid,
            format!(
                "live_audio holds {} samples, not whole frames of {} channels",
                samples.len(),
                live.channels
            ),
        ));
    }
    for chunk in samples.chunks(live.block.capacity() * live.channels) {
        live.block.copy_from_interleaved(chunk);
        live.analyzer.push(&live.block);
    }
    let _ = live.sample_rate;
    if live.last_meters.elapsed() >= Duration::from_millis(100) {
        live.last_meters = Instant::now();
        let ev = Event::Meters {
            bot_id: "-".into(),
            meters: live.analyzer.meters(),
        };
        let _ = conn
            .tx
            .send(ServerMessage {
                id: live.stream_id,
                body: ServerBody::Event(ev),
            })
            .await;
    }
    None
}

/// Close the analysis and return the full report.
pub fn close(conn: &mut Conn) -> Response {
    let Some(mut live) = conn.live.take() else {
        return fail(
            FailureKind::Invalid,
            "no live analysis is open on this connection".into(),
        );
    };
    let report = live.analyzer.finish_stream("-", "pushed");
    Response::Analysis {
        report: serde_json::to_value(report).unwrap_or_default(),
    }
}
