//! The daemon's speech-to-text engine: one per configuration, shared by every bot (one
//! circuit breaker, one limit on requests in flight), and each transcribing bot's
//! writer task, which stores chunks and lines in order and publishes them.

use std::sync::{Arc, Mutex};

use orch::config::TranscriptionConfig;
use orch::engine::InFlight;
use orch::protocol::{Event, now_unix};
use orch::records::TranscriptRow;
use orch::transcribe::Engine;
use orch::transcribe::live::LiveEvent;
use tokio::sync::mpsc;

use crate::state::State;

/// The engine of the configuration in force, built on first use and rebuilt when the
/// `[transcription]` section changes.
#[derive(Default)]
pub struct Transcription {
    current: Mutex<Option<(TranscriptionConfig, Engine, InFlight)>>,
}

impl Transcription {
    /// The engine's breaker, once an engine was built.
    pub fn breaker(&self) -> Option<orch::engine::BreakerSnapshot> {
        let cur = self.current.lock().unwrap_or_else(|p| p.into_inner());
        cur.as_ref().map(|(_, e, _)| e.breaker())
    }

    /// The engine and the limit on requests for `cfg`.
    pub fn engine(&self, cfg: &TranscriptionConfig) -> orch::Result<(Engine, InFlight)> {
        let mut cur = self.current.lock().unwrap_or_else(|p| p.into_inner());
        if let Some((c, e, l)) = cur.as_ref()
            && c == cfg
        {
            return Ok((e.clone(), l.clone()));
        }
        let engine = Engine::from_config(cfg)?;
        let limit = InFlight::new(cfg.max_in_flight);
        *cur = Some((cfg.clone(), engine.clone(), limit.clone()));
        Ok((engine, limit))
    }
}

/// Start a bot's writer task; returns the callback live transcription reports to, and
/// the task, which ends once every copy of the callback is gone and all it was given is
/// stored and published.
pub fn writer(
    state: Arc<State>,
    bot_id: String,
    session_id: String,
) -> (
    impl Fn(LiveEvent) + Send + Sync + 'static,
    tokio::task::JoinHandle<()>,
) {
    let (tx, mut rx) = mpsc::unbounded_channel::<LiveEvent>();
    let task = tokio::spawn(async move {
        while let Some(ev) = rx.recv().await {
            handle(&state, &bot_id, &session_id, ev).await;
        }
    });
    let send = move |ev| {
        let _ = tx.send(ev);
    };
    (send, task)
}

async fn handle(state: &Arc<State>, bot_id: &str, session_id: &str, ev: LiveEvent) {
    let now = now_unix();
    match ev {
        LiveEvent::Line(l) => {
            let (label, method) = if l.speaker == "Speaker 1" {
                (None, "default")
            } else {
                (Some(l.speaker.clone()), "engine")
            };
            let row = TranscriptRow {
                id: 0,
                session_id: session_id.to_string(),
                chunk_seq: l.chunk,
                start_s: l.start_s,
                end_s: l.end_s,
                text: l.text,
                language: l.language,
                confidence: l.confidence,
                speaker: l.speaker,
                speaker_label: label,
                speaker_method: method.into(),
                speaker_confidence: if method == "engine" { 0.8 } else { 0.0 },
                words: l.words,
            };
            match state
                .with_db(move |db| db.insert_transcript(&row, now))
                .await
            {
                Ok(line) => state.publish(Event::Transcript {
                    time: now,
                    bot_id: bot_id.to_string(),
                    line,
                }),
                Err(f) => {
                    tracing::error!(bot = %bot_id, "cannot store a transcript line: {}", f.message)
                }
            }
        }
        LiveEvent::Chunk(c) => {
            if c.status == "dropped" {
                alert(
                    state,
                    bot_id,
                    session_id,
                    "warning",
                    &format!(
                        "transcription: chunk {} ({:.1}-{:.1} s) dropped: {}",
                        c.seq,
                        c.start_s,
                        c.end_s,
                        c.error.as_deref().unwrap_or("queue full")
                    ),
                )
                .await;
            }
            let sid = session_id.to_string();
            if let Err(f) = state
                .with_db(move |db| db.insert_chunk(&sid, &c, now))
                .await
            {
                tracing::error!(bot = %bot_id, "cannot store a chunk: {}", f.message);
            }
        }
        LiveEvent::Breaker { from, to, detail } => {
            let severity = if to.to_string() == "open" {
                "error"
            } else {
                "info"
            };
            let message = format!(
                "transcription engine breaker {from} -> {to}{}",
                detail.map(|d| format!(": {d}")).unwrap_or_default()
            );
            alert(state, bot_id, session_id, severity, &message).await;
        }
    }
}

async fn alert(state: &Arc<State>, bot_id: &str, session_id: &str, severity: &str, message: &str) {
    let now = now_unix();
    state.publish(Event::BotAlert {
        time: now,
        bot_id: bot_id.to_string(),
        severity: severity.to_string(),
        message: message.to_string(),
    });
    let (b, s, sev, m) = (
        bot_id.to_string(),
        session_id.to_string(),
        severity.to_string(),
        message.to_string(),
    );
    let _ = state
        .with_db(move |db| {
            db.add_bot_event(
                &b,
                Some(&s),
                "alert",
                if sev == "error" { "error" } else { "warning" },
                None,
                &serde_json::json!({ "message": m }),
                now,
            )
        })
        .await;
}
