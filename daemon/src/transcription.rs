//! The daemon's speech-to-text engine: one per configuration, shared by every bot (one
//! circuit breaker, one limit on requests in flight), and each transcribing bot's
//! writer task, which stores chunks and lines in order and publishes them.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use orch::config::TranscriptionConfig;
use orch::engine::InFlight;
use orch::protocol::{Event, now_unix};
use orch::records::TranscriptRow;
use orch::transcribe::Engine;
use orch::transcribe::live::LiveEvent;
use orch::transcribe::speakers;
use tokio::sync::mpsc;

use crate::managed_engine::ManagedEngine;
use crate::state::State;
use crate::translation::BotTranslation;

/// The engine of the configuration in force, built on first use and rebuilt when the
/// `[transcription]` section changes.
#[derive(Default)]
pub struct Transcription {
    current: Mutex<Option<(TranscriptionConfig, Engine, InFlight)>>,
    /// The engine process orchd runs (`transcription.command`).
    managed: Mutex<Option<ManagedEngine>>,
}

impl Transcription {
    /// The engine's breaker, once an engine was built.
    pub fn breaker(&self) -> Option<orch::engine::BreakerSnapshot> {
        let cur = self.current.lock().unwrap_or_else(|p| p.into_inner());
        cur.as_ref().map(|(_, e, _)| e.breaker())
    }

    /// Stop the engine process orchd runs, if any (blocks up to a few seconds).
    pub fn stop(&self) {
        let managed = self
            .managed
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .take();
        drop(managed);
    }

    /// The engine and the limit on requests for `cfg`; starts the configured engine
    /// process (or replaces it, when the command changed).
    /// The flag is the managed engine's readiness (none when orchd runs no engine).
    pub fn engine(
        &self,
        cfg: &TranscriptionConfig,
    ) -> orch::Result<(Engine, InFlight, Option<Arc<AtomicBool>>)> {
        let ready = {
            let mut managed = self.managed.lock().unwrap_or_else(|p| p.into_inner());
            let same = managed.as_ref().map(|m| m.command()) == cfg.command.as_deref();
            if !same {
                // Dropping the old one stops it.
                *managed = cfg
                    .command
                    .as_deref()
                    .map(|c| ManagedEngine::start(c, &cfg.url));
            }
            managed.as_ref().map(|m| m.ready())
        };
        let mut cur = self.current.lock().unwrap_or_else(|p| p.into_inner());
        if let Some((c, e, l)) = cur.as_ref()
            && c == cfg
        {
            return Ok((e.clone(), l.clone(), ready));
        }
        let engine = Engine::from_config(cfg)?;
        let limit = InFlight::new(cfg.max_in_flight);
        *cur = Some((cfg.clone(), engine.clone(), limit.clone()));
        Ok((engine, limit, ready))
    }
}

/// Start a bot's writer task; returns the callback live transcription reports to, and
/// the task, which ends once every copy of the callback is gone and all it was given is
/// stored and published (and, with `translation`, each line translated, stored and
/// published too).
pub fn writer(
    state: Arc<State>,
    bot_id: String,
    session_id: String,
    (origin, clock): (Arc<AtomicU64>, Arc<SessionClock>),
    translation: Option<BotTranslation>,
) -> (
    impl Fn(LiveEvent) + Send + Sync + 'static,
    tokio::task::JoinHandle<()>,
) {
    let (tx, mut rx) = mpsc::unbounded_channel::<LiveEvent>();
    let task = tokio::spawn(async move {
        let mut run: Option<RunClock> = None;
        while let Some(ev) = rx.recv().await {
            // Events come once the run's audio has begun, so its origin is set.
            let r = match run {
                Some(r) => r,
                None => {
                    let r = clock.start_run(f64::from_bits(origin.load(Ordering::Relaxed)));
                    if r.session_origin > 0.0 {
                        run = Some(r);
                    }
                    r
                }
            };
            let ev = r.shift(ev);
            if let LiveEvent::Chunk(c) = &ev {
                clock.saw_chunk(c.seq);
            }
            let line = handle(&state, &bot_id, &session_id, r.session_origin, ev).await;
            if let (Some(t), Some(line)) = (&translation, line) {
                t.push(&line);
            }
        }
        if let Some(t) = translation {
            t.finish().await;
        }
    });
    let send = move |ev| {
        let _ = tx.send(ev);
    };
    (send, task)
}

/// A bot session's transcription clock across restarts: the first run's audio starts
/// it at 0 s; a later run's lines and chunks are shifted by when that run began, and
/// its chunk numbers go on from the last run's, so a session's transcript and
/// subtitles keep one timeline.
#[derive(Debug, Default)]
pub struct SessionClock {
    /// Unix time of the session's first audio (f64 bits; 0: none yet).
    origin: AtomicU64,
    /// The next chunk number a new run starts from.
    next_seq: AtomicU64,
}

/// Where one run sits on its session's clock.
#[derive(Debug, Clone, Copy)]
struct RunClock {
    session_origin: f64,
    offset_s: f64,
    seq_base: u64,
}

impl SessionClock {
    /// Set the session's origin (Unix s) unless a run already did.
    pub fn seed(&self, origin: f64) {
        let _ =
            self.origin
                .compare_exchange(0, origin.to_bits(), Ordering::Relaxed, Ordering::Relaxed);
    }

    /// A run whose audio began at `run_origin` (Unix s; 0: not yet known, which
    /// shifts nothing).
    fn start_run(&self, run_origin: f64) -> RunClock {
        if run_origin <= 0.0 {
            return RunClock {
                session_origin: 0.0,
                offset_s: 0.0,
                seq_base: self.next_seq.load(Ordering::Relaxed),
            };
        }
        let first = match self.origin.compare_exchange(
            0,
            run_origin.to_bits(),
            Ordering::Relaxed,
            Ordering::Relaxed,
        ) {
            Ok(_) => run_origin,
            Err(bits) => f64::from_bits(bits),
        };
        RunClock {
            session_origin: first,
            offset_s: (run_origin - first).max(0.0),
            seq_base: self.next_seq.load(Ordering::Relaxed),
        }
    }

    fn saw_chunk(&self, seq: u64) {
        self.next_seq.fetch_max(seq + 1, Ordering::Relaxed);
    }
}

impl RunClock {
    /// An event of the run on the session's clock.
    fn shift(&self, ev: LiveEvent) -> LiveEvent {
        let (dt, base) = (self.offset_s, self.seq_base);
        match ev {
            LiveEvent::Line(mut l) => {
                l.start_s += dt;
                l.end_s += dt;
                l.chunk += base;
                for w in &mut l.words {
                    w.start_s += dt;
                    w.end_s += dt;
                }
                LiveEvent::Line(l)
            }
            LiveEvent::Chunk(mut c) => {
                c.seq += base;
                c.start_s += dt;
                c.end_s += dt;
                LiveEvent::Chunk(c)
            }
            other => other,
        }
    }
}

/// The speaker of a line: the engine's diarization label; else, in a meeting, the
/// participant whose `speaking` events cover the line most; else `Speaker 1`.
async fn speaker_of(
    state: &Arc<State>,
    session_id: &str,
    origin: f64,
    l: &orch::transcribe::Line,
) -> (String, Option<String>, &'static str, f64) {
    if l.speaker != "Speaker 1" {
        return (l.speaker.clone(), Some(l.speaker.clone()), "engine", 0.8);
    }
    if origin > 0.0 {
        let (sid, from, to) = (session_id.to_string(), origin + l.start_s, origin + l.end_s);
        if let Ok(events) = state.with_db(move |db| db.speaking(&sid, from, to)).await
            && let Some((name, share)) = speakers::attribute(&events, from, to)
        {
            return (name.clone(), Some(name), "participant", share);
        }
    }
    (l.speaker.clone(), None, "default", 0.0)
}

/// Store and publish one event; returns the line stored, if it was one.
async fn handle(
    state: &Arc<State>,
    bot_id: &str,
    session_id: &str,
    origin: f64,
    ev: LiveEvent,
) -> Option<TranscriptRow> {
    let now = now_unix();
    match ev {
        LiveEvent::Line(l) => {
            let (speaker, label, method, speaker_confidence) =
                speaker_of(state, session_id, origin, &l).await;
            let row = TranscriptRow {
                id: 0,
                session_id: session_id.to_string(),
                chunk_seq: l.chunk,
                start_s: l.start_s,
                end_s: l.end_s,
                text: l.text,
                language: l.language,
                confidence: l.confidence,
                speaker,
                speaker_label: label,
                speaker_method: method.into(),
                speaker_confidence,
                words: l.words,
            };
            match state
                .with_db(move |db| db.insert_transcript(&row, now))
                .await
            {
                Ok(line) => {
                    state.publish(Event::Transcript {
                        time: now,
                        bot_id: bot_id.to_string(),
                        line: line.clone(),
                    });
                    return Some(line);
                }
                Err(f) => {
                    tracing::error!(bot = %bot_id, "cannot store a transcript line: {}", f.message)
                }
            }
        }
        LiveEvent::Chunk(c) => {
            if c.status == "dropped" {
                crate::alerts::alert(
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
            crate::alerts::alert(state, bot_id, session_id, severity, &message).await;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(start_s: f64, chunk: u64) -> LiveEvent {
        LiveEvent::Line(orch::transcribe::Line {
            start_s,
            end_s: start_s + 2.0,
            text: "hello there".into(),
            speaker: "Speaker 1".into(),
            language: None,
            confidence: None,
            chunk,
            words: orch::transcribe::spread_words("hello there", start_s, start_s + 2.0),
        })
    }

    #[test]
    fn a_restarted_run_continues_the_session_clock() {
        let clock = SessionClock::default();
        let first = clock.start_run(1000.0);
        let LiveEvent::Line(l) = first.shift(line(4.0, 1)) else {
            unreachable!()
        };
        assert_eq!((l.start_s, l.chunk), (4.0, 1));
        clock.saw_chunk(1);
        // The bot restarted; its second run began 30 s after the first and counts its
        // chunks and time from 0 again.
        let second = clock.start_run(1030.0);
        assert_eq!(second.session_origin, 1000.0);
        let LiveEvent::Line(l) = second.shift(line(1.5, 0)) else {
            unreachable!()
        };
        assert_eq!((l.start_s, l.end_s, l.chunk), (31.5, 33.5, 2));
        assert_eq!(l.words[0].start_s, 31.5);
        // An unknown origin shifts nothing and fixes nothing.
        let unknown = SessionClock::default().start_run(0.0);
        assert_eq!((unknown.session_origin, unknown.offset_s), (0.0, 0.0));
    }
}
