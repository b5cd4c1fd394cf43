//! Live transcription of one bot's cleaned audio.
//!
//! The contract:
//! - **The audio thread never waits.** [`AudioTap::push`] copies a block into a buffer
//!   from a fixed pool and hands it over without blocking or allocating; when the pool
//!   is empty (the chunking thread is behind) the block is counted as lost.
//! - **A slow or dead engine never stalls the bot.** Chunks wait in a queue of at most
//!   `queue_s` seconds of audio; beyond it the oldest is dropped, counted and reported.
//!   A chunk whose request failed for a reason that may pass (no connection, a timeout,
//!   5xx, an open breaker) goes back to the head of the queue and is tried again, so
//!   when the engine returns the queued chunks are transcribed in order and nothing
//!   within the bound is lost. A chunk the engine refuses for good is counted as failed.
//! - **Bounded across bots.** Every request takes a slot of the shared [`InFlight`].
//!
//! Two threads per bot: one resamples and cuts chunks, one sends them and merges the
//! results into lines. Events go to `on_event` on those threads.

use std::collections::VecDeque;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, SyncSender, TrySendError};
use std::sync::{Arc, Condvar, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use super::chunker::ChunkerStats;
use super::merge::Seam;
use super::resample::ToEngineRate;
use super::{Chunk, Chunker, ChunkingParams, Engine, Line, Merger};
use crate::audio::Planar;
use crate::engine::{BreakerState, EngineError, InFlight, Latencies};

/// Blocks the tap's pool holds (about 1.3 s of 20 ms blocks).
const POOL: usize = 64;
/// Longest wait between tries while the engine is down.
const RETRY_WAIT: Duration = Duration::from_millis(500);

pub use crate::records::ChunkRow as ChunkRecord;
pub use crate::records::TranscriptionStats as LiveStats;

/// What live transcription reports.
#[derive(Debug, Clone)]
pub enum LiveEvent {
    /// A finished transcript line.
    Line(Line),
    /// A chunk was transcribed, failed for good, or dropped.
    Chunk(ChunkRecord),
    /// The engine's breaker changed state.
    Breaker {
        from: BreakerState,
        to: BreakerState,
        detail: Option<String>,
    },
}

type OnEvent = Arc<dyn Fn(LiveEvent) + Send + Sync>;

struct Queue {
    chunks: VecDeque<Chunk>,
    /// No more chunks will come.
    closed: bool,
}

struct Inner {
    queue: Mutex<Queue>,
    wake: Condvar,
    stats: Mutex<LiveStats>,
    lost: AtomicU64,
    /// Stop trying the engine once this passes (set when the bot ends).
    drain_until: Mutex<Option<Instant>>,
    stopping: AtomicBool,
}

impl Inner {
    fn stats(&self) -> std::sync::MutexGuard<'_, LiveStats> {
        self.stats.lock().unwrap_or_else(|p| p.into_inner())
    }
    fn queue(&self) -> std::sync::MutexGuard<'_, Queue> {
        self.queue.lock().unwrap_or_else(|p| p.into_inner())
    }
}

/// The audio thread's end: hands blocks to the chunking thread without waiting.
pub struct AudioTap {
    tx: SyncSender<Vec<f32>>,
    pool: Receiver<Vec<f32>>,
    inner: Arc<Inner>,
}

impl std::fmt::Debug for AudioTap {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AudioTap").finish()
    }
}

impl AudioTap {
    /// Hand over one processed block (channels are averaged). Never blocks.
    pub fn push(&self, block: &Planar) {
        let Ok(mut buf) = self.pool.try_recv() else {
            self.inner.lost.fetch_add(1, Ordering::Relaxed);
            return;
        };
        buf.clear();
        let n = block.len().min(buf.capacity());
        buf.resize(n, 0.0);
        let inv = 1.0 / block.channels().max(1) as f32;
        for ch in block.channels_iter() {
            for (o, &x) in buf.iter_mut().zip(ch) {
                *o += x * inv;
            }
        }
        match self.tx.try_send(buf) {
            Ok(()) => {}
            Err(TrySendError::Full(_) | TrySendError::Disconnected(_)) => {
                self.inner.lost.fetch_add(1, Ordering::Relaxed);
            }
        }
    }
}

/// A bot's live transcription: its two threads and its figures.
pub struct LiveTranscriber {
    inner: Arc<Inner>,
    engine: Engine,
    threads: Vec<JoinHandle<()>>,
}

impl std::fmt::Debug for LiveTranscriber {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LiveTranscriber").finish()
    }
}

/// What a bot's transcription needs.
#[derive(Clone)]
pub struct LiveParams {
    pub engine: Engine,
    pub in_flight: InFlight,
    pub chunking: ChunkingParams,
    /// Seconds of chunks kept while the engine is slow or down.
    pub queue_s: f64,
    /// The bot's stream.
    pub sample_rate: u32,
    pub max_block: usize,
    /// The session the chunks belong to (sent to engines that take it).
    pub session: String,
    /// When set, the engine is one orchd starts: chunks wait (in the queue) until this
    /// says it answers, instead of failing against it while it starts.
    pub ready: Option<Arc<AtomicBool>>,
}

impl LiveTranscriber {
    /// Start the threads; returns the transcriber and the audio thread's tap.
    pub fn start(
        p: LiveParams,
        on_event: impl Fn(LiveEvent) + Send + Sync + 'static,
    ) -> crate::Result<(LiveTranscriber, AudioTap)> {
        let on_event: OnEvent = Arc::new(on_event);
        let mut resampler = ToEngineRate::new(p.sample_rate)?;
        let inner = Arc::new(Inner {
            queue: Mutex::new(Queue {
                chunks: VecDeque::new(),
                closed: false,
            }),
            wake: Condvar::new(),
            stats: Mutex::new(LiveStats {
                breaker: Some(p.engine.breaker().state.to_string()),
                ..LiveStats::default()
            }),
            lost: AtomicU64::new(0),
            drain_until: Mutex::new(None),
            stopping: AtomicBool::new(false),
        });
        let (tx, rx) = mpsc::sync_channel::<Vec<f32>>(POOL);
        let (pool_tx, pool_rx) = mpsc::sync_channel::<Vec<f32>>(POOL);
        for _ in 0..POOL {
            let _ = pool_tx.try_send(Vec::with_capacity(p.max_block.max(1)));
        }
        let chunker_thread = {
            let inner = inner.clone();
            let on_event = on_event.clone();
            let queue_s = p.queue_s;
            let mut chunker = Chunker::new(p.chunking);
            std::thread::Builder::new()
                .name("transcribe-chunks".into())
                .spawn(move || {
                    let mut enqueue = |c: Chunk| enqueue(&inner, &on_event, queue_s, c);
                    for buf in rx {
                        resampler.push(&[&buf], |s| chunker.push(s, &mut enqueue));
                        let _ = pool_tx.try_send(buf);
                        inner.stats().chunks_skipped = chunker.stats().skipped;
                    }
                    resampler.finish(|s| chunker.push(s, &mut enqueue));
                    chunker.finish(&mut enqueue);
                    let stats: ChunkerStats = chunker.stats();
                    inner.stats().chunks_skipped = stats.skipped;
                    inner.queue().closed = true;
                    inner.wake.notify_all();
                })
                .map_err(|e| crate::Error::Other(format!("cannot start a thread: {e}")))?
        };
        let sender_thread = {
            let inner = inner.clone();
            let params = p.clone();
            std::thread::Builder::new()
                .name("transcribe-send".into())
                .spawn(move || send_loop(&inner, &params, &on_event))
                .map_err(|e| crate::Error::Other(format!("cannot start a thread: {e}")))?
        };
        let tap = AudioTap {
            tx,
            pool: pool_rx,
            inner: inner.clone(),
        };
        Ok((
            LiveTranscriber {
                inner,
                engine: p.engine,
                threads: vec![chunker_thread, sender_thread],
            },
            tap,
        ))
    }

    /// The figures now.
    pub fn stats(&self) -> LiveStats {
        let mut s = self.inner.stats().clone();
        s.chunks_pending = self.inner.queue().chunks.len() as u64;
        s.audio_blocks_lost = self.inner.lost.load(Ordering::Relaxed);
        s.breaker = Some(self.engine.breaker().state.to_string());
        s
    }

    /// The bot ended (its tap is dropped): transcribe what is queued, trying the
    /// engine for at most `drain`, then stop. Blocks until both threads end.
    pub fn finish(mut self, drain: Duration) -> LiveStats {
        *self
            .inner
            .drain_until
            .lock()
            .unwrap_or_else(|p| p.into_inner()) = Some(Instant::now() + drain);
        self.inner.wake.notify_all();
        for t in self.threads.drain(..) {
            let _ = t.join();
        }
        self.stats()
    }
}

impl Drop for LiveTranscriber {
    fn drop(&mut self) {
        self.inner.stopping.store(true, Ordering::Relaxed);
        self.inner.wake.notify_all();
    }
}

/// Queue a chunk; drop the oldest beyond `queue_s` seconds.
fn enqueue(inner: &Inner, on_event: &OnEvent, queue_s: f64, chunk: Chunk) {
    let mut dropped = Vec::new();
    {
        let mut q = inner.queue();
        q.chunks.push_back(chunk);
        let mut total: f64 = q.chunks.iter().map(Chunk::duration_s).sum();
        while total > queue_s && q.chunks.len() > 1 {
            let old = q.chunks.pop_front().expect("longer than one");
            total -= old.duration_s();
            dropped.push(old);
        }
    }
    inner.wake.notify_all();
    for old in dropped {
        inner.stats().chunks_dropped += 1;
        on_event(LiveEvent::Chunk(record(
            &old,
            "dropped",
            "",
            None,
            Some(format!("the queue of {queue_s} s was full")),
        )));
    }
}

fn record(
    c: &Chunk,
    status: &str,
    engine: &str,
    latency: Option<Duration>,
    error: Option<String>,
) -> ChunkRecord {
    ChunkRecord {
        seq: c.seq,
        start_s: c.start_s,
        end_s: c.end_s,
        overlap_s: c.overlap_s,
        cut: c.cut.name().into(),
        speech_s: c.speech_s,
        quality_score: Some(c.quality.overall_quality_score),
        quality: serde_json::to_value(&c.quality).unwrap_or_default(),
        status: status.into(),
        engine: engine.into(),
        latency_ms: latency.map(|d| d.as_secs_f64() * 1000.0),
        error,
    }
}

/// Wait for the next chunk: `None` when none will come, or when the bot is gone.
fn next_chunk(inner: &Inner) -> Option<Chunk> {
    let mut q = inner.queue();
    loop {
        if inner.stopping.load(Ordering::Relaxed) {
            return None;
        }
        if let Some(c) = q.chunks.pop_front() {
            return Some(c);
        }
        if q.closed {
            return None;
        }
        q = inner
            .wake
            .wait_timeout(q, Duration::from_millis(200))
            .unwrap_or_else(|p| p.into_inner())
            .0;
    }
}

fn draining(inner: &Inner) -> bool {
    inner
        .drain_until
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .is_some()
}

fn draining_expired(inner: &Inner) -> bool {
    inner
        .drain_until
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .is_some_and(|t| Instant::now() >= t)
}

fn send_loop(inner: &Inner, p: &LiveParams, on_event: &OnEvent) {
    let mut merger = Merger::new(p.chunking.overlap_s);
    let mut latencies = Latencies::default();
    // The previous chunk's text: the engine reads each chunk knowing what came before.
    let mut context = String::new();
    let name = p.engine.name();
    while let Some(chunk) = next_chunk(inner) {
        if let Some(ready) = &p.ready {
            while !ready.load(Ordering::Relaxed)
                && !inner.stopping.load(Ordering::Relaxed)
                && !draining_expired(inner)
            {
                std::thread::sleep(Duration::from_millis(100));
            }
        }
        let result = {
            let _slot = p.in_flight.acquire();
            p.engine
                .transcribe(&p.session, &chunk, Some(&context), |t| {
                    let detail = p.engine.breaker().last_error;
                    on_event(LiveEvent::Breaker {
                        from: t.from,
                        to: t.to,
                        detail,
                    });
                })
        };
        match result {
            Ok(r) => {
                let ms = r.latency.as_secs_f64() * 1000.0;
                latencies.push(ms);
                let lines = merger.push(Seam::from(&chunk), &r.result);
                context.clone_from(&r.result.text);
                {
                    let mut s = inner.stats();
                    s.chunks_sent += 1;
                    s.lines += lines.len() as u64;
                    s.latency_p50_ms = latencies.percentile(0.50);
                    s.latency_p95_ms = latencies.percentile(0.95);
                }
                on_event(LiveEvent::Chunk(record(
                    &chunk,
                    "transcribed",
                    name,
                    Some(r.latency),
                    None,
                )));
                for l in lines {
                    on_event(LiveEvent::Line(l));
                }
            }
            // Stopping with the breaker open: the engine is down, so the queue fails
            // now instead of holding the bot's stop for the whole drain window.
            Err(e)
                if retry_later(&e)
                    && !draining_expired(inner)
                    && !(draining(inner) && matches!(e, EngineError::Open { .. })) =>
            {
                inner.stats().last_error = Some(e.to_string());
                inner.queue().chunks.push_front(chunk);
                let wait = match &e {
                    EngineError::Open { retry_in_s, .. } => {
                        Duration::from_secs_f64(*retry_in_s).min(RETRY_WAIT)
                    }
                    _ => RETRY_WAIT,
                };
                std::thread::sleep(wait.max(Duration::from_millis(50)));
            }
            Err(e) => {
                let mut s = inner.stats();
                s.chunks_failed += 1;
                s.last_error = Some(e.to_string());
                drop(s);
                on_event(LiveEvent::Chunk(record(
                    &chunk,
                    "failed",
                    name,
                    None,
                    Some(e.to_string()),
                )));
            }
        }
    }
    let lines = merger.finish();
    inner.stats().lines += lines.len() as u64;
    for l in lines {
        on_event(LiveEvent::Line(l));
    }
}

/// Failures that may pass: the chunk waits for the engine.
fn retry_later(e: &EngineError) -> bool {
    e.is_transient() || matches!(e, EngineError::Open { .. })
}
