//! A bot's audio thread: source -> DSP pipeline -> live analysis, paced to real time
//! for files. It never touches SQLite or tokio; it talks through [`Shared`] (atomics
//! and try-locks) and a channel to its runner.

use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use orch::analysis::{AnalysisOptions, Analyzer};
use orch::audio::Planar;
use orch::bots::model::BotLive;
use orch::bots::{BotSpec, Reason};
use orch::dsp::StreamFormat;
use orch::dsp::chain::ChainConfig;
use orch::dsp::perf_window::PerfWindow;
use orch::dsp::pipeline::Pipeline;
use orch::transcribe::live::{LiveEvent, LiveParams, LiveTranscriber};
use tokio::sync::mpsc::UnboundedSender;

use super::shared::{PendingChain, Shared};
use super::source::{PushRx, Source, SourceEnd};

/// How often live figures are published.
const PUBLISH_EVERY: Duration = Duration::from_millis(100);
/// Below this RMS level a block counts as silence when no VAD stage runs.
const ACTIVITY_DBFS: f64 = -45.0;

/// What the audio thread needs to run.
pub struct WorkerParams {
    pub spec: BotSpec,
    pub chain: ChainConfig,
    pub preset: String,
    pub block_ms: f64,
    pub command_line: Option<String>,
    pub meeting: Option<super::source::MeetingLaunch>,
    pub socket: std::path::PathBuf,
    pub push: Option<PushRx>,
    pub stop_grace: Duration,
    /// Live transcription of the cleaned audio, when the bot transcribes.
    pub transcribe: Option<TranscribeSetup>,
}

/// What the audio thread needs to start live transcription once the stream is open.
pub struct TranscribeSetup {
    pub engine: orch::transcribe::Engine,
    pub in_flight: orch::engine::InFlight,
    pub chunking: orch::transcribe::ChunkingParams,
    pub queue_s: f64,
    pub session: String,
    pub on_event: Arc<dyn Fn(LiveEvent) + Send + Sync>,
    /// Set to the Unix time of the first audio (the origin of the chunks' clock).
    pub origin: Arc<std::sync::atomic::AtomicU64>,
    /// A managed engine's readiness: chunks wait while it starts.
    pub ready: Option<Arc<std::sync::atomic::AtomicBool>>,
    /// The engine hears the audio before the bot's chain (`transcription.preset =
    /// "none"`, which docs/benchmarks.md shows the engine prefers), else after it.
    pub before_chain: bool,
}

/// Start a run's live transcription for audio of `rate` Hz in blocks of at most
/// `block` frames: the transcriber goes into `shared` (where the runner finishes it and
/// status requests read it), the tap to whoever feeds it audio.
pub fn start_transcription(
    t: TranscribeSetup,
    rate: u32,
    block: usize,
    shared: &Shared,
) -> Option<orch::transcribe::live::AudioTap> {
    t.origin
        .store(orch::protocol::now_unix().to_bits(), Ordering::Relaxed);
    let on_event = t.on_event.clone();
    let started = LiveTranscriber::start(
        LiveParams {
            engine: t.engine,
            in_flight: t.in_flight,
            chunking: t.chunking,
            queue_s: t.queue_s,
            sample_rate: rate,
            max_block: block,
            session: t.session,
            ready: t.ready,
        },
        move |ev| on_event(ev),
    );
    match started {
        Ok((transcriber, tap)) => {
            *shared.transcriber.lock().unwrap_or_else(|e| e.into_inner()) = Some(transcriber);
            Some(tap)
        }
        Err(e) => {
            shared.log(&format!("cannot start transcription: {e}"));
            None
        }
    }
}

/// Messages from the audio thread to the bot's runner.
#[derive(Debug)]
pub enum WorkerMsg {
    /// The source is open and audio flows.
    Opened { sample_rate: u32, channels: usize },
    /// The thread is done.
    Exited {
        reason: Reason,
        detail: Option<String>,
    },
}

/// Start the audio thread.
pub fn spawn(
    params: WorkerParams,
    shared: Arc<Shared>,
    tx: UnboundedSender<WorkerMsg>,
) -> std::io::Result<std::thread::JoinHandle<()>> {
    std::thread::Builder::new()
        .name(format!("bot-{}", shared.bot_id))
        .stack_size(256 * 1024)
        .spawn(move || {
            shared.set_current_thread();
            let (reason, detail) = run(params, &shared, &tx);
            let _ = tx.send(WorkerMsg::Exited { reason, detail });
        })
}

/// The end a meeting program reported with `bot_end`, else `reason`.
fn meeting_end_or(
    shared: &Shared,
    reason: Reason,
    detail: Option<String>,
) -> (Reason, Option<String>) {
    match shared.take_meeting_end() {
        Some((r, d)) => (r, d.or(detail)),
        None => (reason, detail),
    }
}

fn run(
    p: WorkerParams,
    shared: &Arc<Shared>,
    tx: &UnboundedSender<WorkerMsg>,
) -> (Reason, Option<String>) {
    let mut source = match Source::open(
        &p.spec,
        p.command_line.as_deref(),
        p.push,
        p.meeting.as_ref(),
        &shared.bot_id,
        &p.socket,
        shared,
    ) {
        Ok(s) => s,
        Err(e) => return meeting_end_or(shared, Reason::SourceError, Some(e)),
    };
    let (rate, channels) = source.layout();
    let block = ((f64::from(rate) * p.block_ms / 1000.0).round() as usize).max(1);
    let format = StreamFormat {
        sample_rate: rate,
        channels,
        max_block: block,
    };
    let mut pipeline = match Pipeline::new(&p.chain, format) {
        Ok(pl) => pl,
        Err(e) => {
            source.stop(p.stop_grace);
            return (Reason::SourceError, Some(e.to_string()));
        }
    };
    let mut preset = p.preset.clone();
    // A preset applied before the source opened is built now, before the first block.
    let mut running = p.chain.clone();
    let early = shared.pending_chain.lock().ok().and_then(|mut c| c.take());
    match early {
        Some(PendingChain::Raw(name, chain)) if pipeline.update(&chain).is_ok() => {
            preset = name;
            running = chain;
        }
        // Prepared for an earlier run: this run's chain is rebuilt from the bot's preset.
        _ => {}
    }
    *shared
        .running_chain
        .lock()
        .unwrap_or_else(|e| e.into_inner()) = Some((format, running));
    let mut undelivered: Option<Result<orch::dsp::pipeline::Retired, String>> = None;
    let analyzer = match Analyzer::new(rate, channels, 1.0, &AnalysisOptions::default()) {
        Ok(a) => a.live(),
        Err(e) => {
            source.stop(p.stop_grace);
            return (Reason::SourceError, Some(e.to_string()));
        }
    };
    // The tap lives on this thread and ends with it; the transcriber is kept in
    // `shared`, where the runner finishes it and status requests read it.
    let mut before_chain = p.transcribe.as_ref().is_some_and(|t| t.before_chain);
    let mut tap = p
        .transcribe
        .and_then(|t| start_transcription(t, rate, block, shared));
    *shared.blocks.lock().unwrap_or_else(|e| e.into_inner()) = Some((rate, block));
    let _ = tx.send(WorkerMsg::Opened {
        sample_rate: rate,
        channels,
    });
    shared.log(&format!(
        "source open: {rate} Hz, {channels} channel(s), {block}-frame blocks, chain latency {} frames",
        pipeline.latency()
    ));

    let mut buf = Planar::new(channels, block);
    let speed = p.spec.speed;
    let paced = source.paced();
    let started = Instant::now();
    let mut deadline = started;
    let mut frames: u64 = 0;
    let mut blocks: u64 = 0;
    let mut dropped: u64 = 0;
    let mut last_publish = Instant::now();
    let mut last_activity = Instant::now();
    // Resolved once: observing a block's time is lock-free and allocates nothing.
    let timer = orch::metrics::global().block_timer(&shared.bot_id);
    // The processing window being filled and the session's analysis: what is left of
    // the window, and the analysis report, are handed over on every exit.
    let mut end = RunEnd {
        shared,
        window: PerfWindow::new(),
        analyzer,
        source: p.spec.source_label(),
    };

    loop {
        if shared.stop.load(Ordering::Relaxed) {
            source.stop(p.stop_grace);
            return (Reason::Finished, None);
        }
        // A chain change: prepared on the control side, swapped in here without
        // building or freeing anything (chain_change.rs).
        if undelivered.is_none()
            && let Ok(mut pending) = shared.pending_chain.try_lock()
            && let Some(change) = pending.take()
        {
            drop(pending);
            match change {
                PendingChain::Prepared(name, prepared) => match pipeline.apply(prepared) {
                    Ok(retired) => {
                        preset = name;
                        undelivered = Some(Ok(retired));
                    }
                    Err((back, e)) => {
                        // Refused: it goes back to the control side to be dropped.
                        undelivered = Some(Err(e.to_string()));
                        drop(back);
                    }
                },
                // Queued before the source opened and found only now: build it here
                // (once, rare) rather than lose it.
                PendingChain::Raw(name, chain) => {
                    if pipeline.update(&chain).is_ok() {
                        preset = name;
                        if let Ok(mut r) = shared.running_chain.try_lock() {
                            *r = Some((format, chain));
                        }
                    }
                }
            }
        }
        if let Some(outcome) = undelivered.take() {
            match shared.chain_outcome.try_lock() {
                Ok(mut o) => *o = Some(outcome),
                Err(_) => undelivered = Some(outcome),
            }
        }
        match source.read(&mut buf) {
            Ok(true) => {}
            Ok(false) => continue,
            Err(SourceEnd::Ended) => {
                publish(
                    shared,
                    &pipeline,
                    &end.analyzer,
                    frames,
                    blocks,
                    dropped,
                    rate,
                    channels,
                    &preset,
                );
                return meeting_end_or(shared, Reason::SourceEnded, None);
            }
            Err(SourceEnd::Crashed(why)) => {
                source.stop(p.stop_grace);
                return meeting_end_or(shared, Reason::Crashed, Some(why));
            }
        }
        shared.touch();
        if tap.is_none()
            && let Ok(mut pending) = shared.pending_tap.try_lock()
            && let Some((t, before)) = pending.take()
        {
            tap = Some(t);
            before_chain = before;
        }
        let transcribing = !shared.transcribe_paused.load(Ordering::Relaxed);
        if transcribing
            && before_chain
            && let Some(tap) = &tap
        {
            tap.push(&buf);
        }
        let t0 = Instant::now();
        pipeline.process(&mut buf);
        end.analyzer.push(&buf);
        let busy = t0.elapsed().as_secs_f64();
        timer.observe(busy);
        end.window.record(busy, buf.len() as f64 / f64::from(rate));
        // (A microsecond of slack: 500 blocks of 0.02 s sum to a hair under 10.)
        if end.window.audio_s() + 1e-6 >= WINDOW_S {
            shared.push_window(end.window.summary());
            end.window.reset();
        }
        if transcribing
            && !before_chain
            && let Some(tap) = &tap
        {
            tap.push(&buf);
        }
        frames += buf.len() as u64;
        blocks += 1;
        let audio_s = frames as f64 / f64::from(rate);

        // Publish at once after the first block (spawn to first audio is visible), then
        // ten times a second.
        if blocks == 1 || last_publish.elapsed() >= PUBLISH_EVERY {
            last_publish = Instant::now();
            let active = publish(
                shared,
                &pipeline,
                &end.analyzer,
                frames,
                blocks,
                dropped,
                rate,
                channels,
                &preset,
            );
            if active {
                last_activity = Instant::now();
            }
        }
        // Read every block: `orch bot config --set` changes them live.
        let (max_duration_s, silence_s) = shared.leave_rules();
        let silence = Duration::try_from_secs_f64(silence_s).unwrap_or(Duration::MAX);
        if audio_s >= max_duration_s {
            source.stop(p.stop_grace);
            return (
                Reason::MaxDuration,
                Some(format!("after {audio_s:.1} s of audio")),
            );
        }
        if last_activity.elapsed() >= silence {
            source.stop(p.stop_grace);
            return (
                Reason::SilenceTimeout,
                Some(format!("no speech for {:.0} s", silence.as_secs_f64())),
            );
        }
        if paced {
            deadline += Duration::from_secs_f64(buf.len() as f64 / f64::from(rate) / speed);
            let now = Instant::now();
            if deadline > now {
                std::thread::sleep(deadline - now);
            } else if now - deadline > Duration::from_millis(200) {
                // Processing fell behind real time: count it and catch up.
                dropped += 1;
                end.window.dropped();
                deadline = now;
            }
        }
    }
}

/// Seconds of audio in one processing window (`orch analytics bot`).
const WINDOW_S: f64 = 10.0;

/// What a run hands over when its loop ends, however it ends: the partial processing
/// window, and the analysis report of all its audio (stored with the session).
struct RunEnd<'a> {
    shared: &'a Shared,
    window: PerfWindow,
    analyzer: Analyzer,
    source: String,
}

impl Drop for RunEnd<'_> {
    fn drop(&mut self) {
        if self.window.blocks() > 0 {
            self.shared.push_window(self.window.summary());
        }
        if self.analyzer.frames() > 0 {
            let report = self.analyzer.finish_stream(&self.source, "live");
            self.shared.set_report(serde_json::to_value(report).ok());
        }
    }
}

/// Publish live figures; returns whether the stream is active (speech, or level
/// above the activity threshold when no VAD runs).
#[allow(clippy::too_many_arguments)]
fn publish(
    shared: &Shared,
    pipeline: &Pipeline,
    analyzer: &Analyzer,
    frames: u64,
    blocks: u64,
    dropped: u64,
    rate: u32,
    channels: usize,
    preset: &str,
) -> bool {
    let metrics = pipeline.metrics();
    let meters = analyzer.meters();
    let speech = metrics.stages.iter().find_map(|s| s.telemetry.speech);
    let active = speech.unwrap_or_else(|| meters.rms_dbfs.is_some_and(|l| l > ACTIVITY_DBFS));
    let t = metrics.time;
    let has = metrics.blocks > 0;
    let live = BotLive {
        audio_s: frames as f64 / f64::from(rate),
        blocks,
        dropped_blocks: dropped,
        p50_ms: has.then_some(t.p50_ms),
        p95_ms: has.then_some(t.p95_ms),
        p99_ms: has.then_some(t.p99_ms),
        realtime_factor: metrics.realtime_factor,
        meters,
        speech,
        pipeline: Some(metrics),
        preset: preset.to_string(),
        sample_rate: rate,
        channels,
    };
    shared.publish_live(live, meters);
    active
}
