//! Prometheus metrics of the process, in the text exposition format (version 0.0.4,
//! which `promtool check metrics` and every Prometheus server read).
//!
//! Two kinds of families live in one registry:
//! - **observed** where things happen, lock-free and without allocating (safe on an
//!   audio thread): block processing times, engine calls and their latency, breaker
//!   states;
//! - **sampled** at each scrape from the daemon's state by [`Scrape`]: bots by state and
//!   the per-bot counters the bots already keep (blocks, drops, chunks, lines,
//!   translations). A bot that ends leaves the sampled families with its series.
//!
//! Names and units follow the Prometheus conventions: base units (seconds, bytes),
//! `_total` for counters, one `orch_` prefix.

use std::sync::{LazyLock, Mutex, MutexGuard};

use prometheus::{Counter, Gauge, GaugeVec};
use prometheus::{
    Encoder, Histogram, HistogramOpts, HistogramVec, IntCounter, IntCounterVec, IntGauge,
    IntGaugeVec, Opts, Registry, TextEncoder,
};

/// Block processing time buckets (seconds): a 20 ms block takes tens of microseconds
/// to a few milliseconds; anything near the block length is trouble.
const BLOCK_BUCKETS: &[f64] = &[
    0.000_05, 0.000_1, 0.000_25, 0.000_5, 0.001, 0.002_5, 0.005, 0.01, 0.02, 0.05, 0.1,
];

/// Engine call buckets (seconds): a translation takes milliseconds, a chunk of speech
/// up to seconds.
const ENGINE_BUCKETS: &[f64] = &[
    0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0,
];

/// The process's metrics.
pub struct Metrics {
    registry: Registry,
    /// Serializes scrapes, so one scrape's reset never shows in another's output.
    scrape: Mutex<()>,
    block_seconds: HistogramVec,
    engine_requests: IntCounterVec,
    engine_seconds: HistogramVec,
    breaker: IntGaugeVec,
    bots: IntGaugeVec,
    bot_restarts: IntCounter,
    bot_blocks: IntCounterVec,
    bot_dropped_blocks: IntCounterVec,
    bot_audio_seconds: GaugeVec,
    bot_realtime_factor: GaugeVec,
    chunks: IntCounterVec,
    transcript_lines: IntCounterVec,
    translations: IntCounterVec,
    webcam_frames: IntCounterVec,
    webcam_draws: IntCounterVec,
    webcam_captions: IntCounterVec,
    uptime: Gauge,
    cpu: Counter,
    rss: IntGauge,
}

impl std::fmt::Debug for Metrics {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Metrics").finish_non_exhaustive()
    }
}

/// The metrics of this process.
pub fn global() -> &'static Metrics {
    static METRICS: LazyLock<Metrics> = LazyLock::new(Metrics::new);
    &METRICS
}

/// The breaker states, as the `state` label spells them.
const BREAKER_STATES: [&str; 3] = ["closed", "open", "half_open"];

/// Bot states, as the `state` label spells them (every one is always present).
pub const BOT_STATES: [&str; 7] = [
    "requested",
    "starting",
    "running",
    "recovering",
    "stopping",
    "stopped",
    "failed",
];

impl Metrics {
    fn new() -> Metrics {
        let registry = Registry::new();
        fn reg<C: prometheus::core::Collector + Clone + 'static>(r: &Registry, c: C) -> C {
            r.register(Box::new(c.clone()))
                .expect("metric names are unique");
            c
        }
        let counters = |name: &str, help: &str, labels: &[&str]| {
            reg(
                &registry,
                IntCounterVec::new(Opts::new(name, help), labels).expect("valid metric"),
            )
        };
        let gauges = |name: &str, help: &str, labels: &[&str]| {
            reg(
                &registry,
                GaugeVec::new(Opts::new(name, help), labels).expect("valid metric"),
            )
        };
        let histograms = |name: &str, help: &str, labels: &[&str], buckets: &[f64]| {
            reg(
                &registry,
                HistogramVec::new(
                    HistogramOpts::new(name, help).buckets(buckets.to_vec()),
                    labels,
                )
                .expect("valid metric"),
            )
        };
        Metrics {
            block_seconds: histograms(
                "orch_block_duration_seconds",
                "Time to run one audio block through a bot's chain and analyzer.",
                &["bot"],
                BLOCK_BUCKETS,
            ),
            engine_requests: counters(
                "orch_engine_requests_total",
                "Calls to external engines by outcome: ok, error, or rejected by an open circuit breaker.",
                &["service", "engine", "outcome"],
            ),
            engine_seconds: histograms(
                "orch_engine_request_duration_seconds",
                "Time of one call to an external engine (each try counts).",
                &["service", "engine"],
                ENGINE_BUCKETS,
            ),
            breaker: reg(
                &registry,
                IntGaugeVec::new(
                    Opts::new(
                        "orch_engine_breaker_state",
                        "Circuit breaker of an engine: 1 for its current state, 0 for the others.",
                    ),
                    &["service", "engine", "state"],
                )
                .expect("valid metric"),
            ),
            bots: reg(
                &registry,
                IntGaugeVec::new(Opts::new("orch_bots", "Bots by state."), &["state"])
                    .expect("valid metric"),
            ),
            bot_restarts: reg(
                &registry,
                IntCounter::new(
                    "orch_bot_restarts_total",
                    "Restarts of bots (of every bot the database holds).",
                )
                .expect("valid metric"),
            ),
            bot_blocks: counters(
                "orch_bot_blocks_total",
                "Audio blocks processed by a live bot in its current run.",
                &["bot"],
            ),
            bot_dropped_blocks: counters(
                "orch_bot_dropped_blocks_total",
                "Blocks a live bot fell behind real time on, in its current run.",
                &["bot"],
            ),
            bot_audio_seconds: gauges(
                "orch_bot_audio_seconds",
                "Seconds of audio a live bot has processed in its current run.",
                &["bot"],
            ),
            bot_realtime_factor: gauges(
                "orch_bot_realtime_factor",
                "Audio time over processing time of a live bot's chain (higher is faster).",
                &["bot"],
            ),
            chunks: counters(
                "orch_transcription_chunks_total",
                "Chunks of a live bot's speech by outcome: sent, skipped (no speech), dropped (queue full), failed.",
                &["bot", "outcome"],
            ),
            transcript_lines: counters(
                "orch_transcript_lines_total",
                "Transcript lines a live bot made in its current run.",
                &["bot"],
            ),
            translations: counters(
                "orch_translations_total",
                "Transcript lines of a live bot translated, by target language and outcome: translated, failed, dropped.",
                &["bot", "language", "outcome"],
            ),
            webcam_frames: counters(
                "orch_webcam_frames_total",
                "Frame intervals of a bot's webcam by outcome: produced (every interval), written (to its output), dropped (a slow output missed it).",
                &["bot", "outcome"],
            ),
            webcam_draws: counters(
                "orch_webcam_draws_total",
                "Frames a bot's webcam drew anew (a caption came or went, a setting changed).",
                &["bot"],
            ),
            webcam_captions: counters(
                "orch_webcam_captions_total",
                "Captions a bot's webcam received.",
                &["bot"],
            ),
            uptime: reg(
                &registry,
                Gauge::new("orch_uptime_seconds", "Seconds since the daemon started.")
                    .expect("valid metric"),
            ),
            cpu: reg(
                &registry,
                Counter::new(
                    "process_cpu_seconds_total",
                    "User and system CPU time of the daemon, seconds.",
                )
                .expect("valid metric"),
            ),
            rss: reg(
                &registry,
                IntGauge::new(
                    "process_resident_memory_bytes",
                    "Resident memory of the daemon, bytes.",
                )
                .expect("valid metric"),
            ),
            registry,
            scrape: Mutex::new(()),
        }
    }

    /// The block timer of one bot's run; dropping it removes the bot's series.
    pub fn block_timer(&self, bot: &str) -> BlockTimer {
        BlockTimer {
            histogram: self.block_seconds.with_label_values(&[bot]),
            bot: bot.to_string(),
        }
    }

    /// Counters of one engine (`service` is `transcription` or `translation`).
    pub fn engine(&self, service: &str, engine: &str) -> EngineMetrics {
        let outcome = |o: &str| {
            self.engine_requests
                .with_label_values(&[service, engine, o])
        };
        let states = BREAKER_STATES.map(|s| self.breaker.with_label_values(&[service, engine, s]));
        let m = EngineMetrics {
            ok: outcome("ok"),
            error: outcome("error"),
            rejected: outcome("rejected"),
            seconds: self.engine_seconds.with_label_values(&[service, engine]),
            states,
        };
        m.breaker("closed");
        m
    }

    /// Start a scrape: set the sampled families, then [`Scrape::finish`].
    pub fn scrape(&self) -> Scrape<'_> {
        let guard = self.scrape.lock().unwrap_or_else(|p| p.into_inner());
        for f in [
            &self.bot_blocks,
            &self.bot_dropped_blocks,
            &self.chunks,
            &self.transcript_lines,
            &self.translations,
            &self.webcam_frames,
            &self.webcam_draws,
            &self.webcam_captions,
        ] {
            f.reset();
        }
        self.bot_audio_seconds.reset();
        self.bot_realtime_factor.reset();
        Scrape {
            m: self,
            _guard: guard,
        }
    }
}

/// One scrape in progress: the sampled values of this moment.
pub struct Scrape<'a> {
    m: &'a Metrics,
    _guard: MutexGuard<'a, ()>,
}

impl std::fmt::Debug for Scrape<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Scrape").finish_non_exhaustive()
    }
}

/// What a live bot's run has done so far.
#[derive(Debug, Clone, Default)]
pub struct BotSample<'a> {
    pub bot: &'a str,
    pub blocks: u64,
    pub dropped_blocks: u64,
    pub audio_s: f64,
    pub realtime_factor: Option<f64>,
    pub transcription: Option<&'a crate::records::TranscriptionStats>,
    pub translation: &'a [crate::records::LangStats],
    pub webcam: Option<WebcamSample>,
}

/// What a bot's webcam has done so far.
#[derive(Debug, Clone, Copy, Default)]
pub struct WebcamSample {
    /// Frame intervals, frames written to the output, intervals a slow output missed.
    pub frames: u64,
    pub written: u64,
    pub dropped: u64,
    /// Frames drawn anew.
    pub draws: u64,
    pub captions: u64,
}

impl Scrape<'_> {
    /// Bots by state (states not given are 0), and restarts of all bots.
    pub fn bots(&self, by_state: &[(String, u64)], restarts: u64) {
        for s in BOT_STATES {
            let n = by_state.iter().find(|(k, _)| k == s).map_or(0, |(_, n)| *n);
            self.m.bots.with_label_values(&[s]).set(n as i64);
        }
        let r = &self.m.bot_restarts;
        // A counter only grows: a cleanup that deleted bots restarts it from zero.
        if restarts < r.get() {
            r.reset();
        }
        r.inc_by(restarts - r.get());
    }

    /// One live bot.
    pub fn bot(&self, b: &BotSample<'_>) {
        let m = self.m;
        m.bot_blocks.with_label_values(&[b.bot]).inc_by(b.blocks);
        m.bot_dropped_blocks
            .with_label_values(&[b.bot])
            .inc_by(b.dropped_blocks);
        m.bot_audio_seconds
            .with_label_values(&[b.bot])
            .set(b.audio_s);
        if let Some(f) = b.realtime_factor.filter(|f| f.is_finite()) {
            m.bot_realtime_factor.with_label_values(&[b.bot]).set(f);
        }
        if let Some(t) = b.transcription {
            for (outcome, n) in [
                ("sent", t.chunks_sent),
                ("skipped", t.chunks_skipped),
                ("dropped", t.chunks_dropped),
                ("failed", t.chunks_failed),
            ] {
                m.chunks.with_label_values(&[b.bot, outcome]).inc_by(n);
            }
            m.transcript_lines
                .with_label_values(&[b.bot])
                .inc_by(t.lines);
        }
        if let Some(w) = &b.webcam {
            self.webcam(b.bot, w);
        }
        for l in b.translation {
            for (outcome, n) in [
                ("translated", l.translated),
                ("failed", l.failed),
                ("dropped", l.dropped),
            ] {
                m.translations
                    .with_label_values(&[b.bot, &l.lang, outcome])
                    .inc_by(n);
            }
        }
    }

    /// A bot's webcam, when it has one.
    fn webcam(&self, bot: &str, w: &WebcamSample) {
        let m = self.m;
        for (outcome, n) in [
            ("produced", w.frames),
            ("written", w.written),
            ("dropped", w.dropped),
        ] {
            m.webcam_frames.with_label_values(&[bot, outcome]).inc_by(n);
        }
        m.webcam_draws.with_label_values(&[bot]).inc_by(w.draws);
        m.webcam_captions
            .with_label_values(&[bot])
            .inc_by(w.captions);
    }

    /// The daemon process.
    pub fn process(&self, uptime_s: f64, cpu_s: Option<f64>, rss_bytes: Option<u64>) {
        self.m.uptime.set(uptime_s);
        if let Some(c) = cpu_s {
            let seen = self.m.cpu.get();
            if c > seen {
                self.m.cpu.inc_by(c - seen);
            }
        }
        if let Some(r) = rss_bytes {
            self.m.rss.set(r as i64);
        }
    }

    /// Everything, in the text exposition format.
    pub fn finish(self) -> String {
        let mut out = Vec::new();
        TextEncoder::new()
            .encode(&self.m.registry.gather(), &mut out)
            .expect("writing to memory cannot fail");
        String::from_utf8(out).expect("the text format is UTF-8")
    }
}

/// The content type of [`Scrape::finish`]'s text.
pub const CONTENT_TYPE: &str = "text/plain; version=0.0.4; charset=utf-8";

/// Times one bot's blocks. Observing is lock-free and allocates nothing.
pub struct BlockTimer {
    histogram: Histogram,
    bot: String,
}

impl std::fmt::Debug for BlockTimer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BlockTimer")
            .field("bot", &self.bot)
            .finish()
    }
}

impl BlockTimer {
    /// One block took `seconds`.
    pub fn observe(&self, seconds: f64) {
        self.histogram.observe(seconds);
    }
}

impl Drop for BlockTimer {
    fn drop(&mut self) {
        let _ = global().block_seconds.remove_label_values(&[&self.bot]);
    }
}

/// The counters of one engine, resolved once.
#[derive(Clone)]
pub struct EngineMetrics {
    ok: IntCounter,
    error: IntCounter,
    rejected: IntCounter,
    seconds: Histogram,
    states: [IntGauge; 3],
}

impl std::fmt::Debug for EngineMetrics {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EngineMetrics").finish_non_exhaustive()
    }
}

impl EngineMetrics {
    /// A call that took `seconds` and succeeded or not.
    pub fn call(&self, seconds: f64, ok: bool) {
        self.seconds.observe(seconds);
        if ok { &self.ok } else { &self.error }.inc();
    }

    /// A call the open breaker refused.
    pub fn rejected(&self) {
        self.rejected.inc();
    }

    /// The breaker is now in `state` (`closed`, `open` or `half_open`).
    pub fn breaker(&self, state: &str) {
        for (s, g) in BREAKER_STATES.iter().zip(&self.states) {
            g.set(i64::from(*s == state));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_scrape_holds_what_was_observed_and_sampled() {
        let m = global();
        let e = m.engine("translation", "test-engine");
        e.call(0.02, true);
        e.call(0.5, false);
        e.rejected();
        e.breaker("open");
        let timer = m.block_timer("bot-under-test");
        timer.observe(0.0003);
        let stats = crate::records::TranscriptionStats {
            chunks_sent: 4,
            lines: 3,
            ..Default::default()
        };
        let s = m.scrape();
        s.bots(&[("running".into(), 2)], 5);
        s.bot(&BotSample {
            bot: "bot-under-test",
            blocks: 150,
            transcription: Some(&stats),
            ..Default::default()
        });
        let text = s.finish();
        for want in [
            "orch_engine_requests_total{engine=\"test-engine\",outcome=\"ok\",service=\"translation\"} 1",
            "orch_engine_requests_total{engine=\"test-engine\",outcome=\"rejected\",service=\"translation\"} 1",
            "orch_engine_breaker_state{engine=\"test-engine\",service=\"translation\",state=\"open\"} 1",
            "orch_engine_breaker_state{engine=\"test-engine\",service=\"translation\",state=\"closed\"} 0",
            "orch_block_duration_seconds_count{bot=\"bot-under-test\"} 1",
            "orch_bots{state=\"running\"} 2",
            "orch_bots{state=\"failed\"} 0",
            "orch_bot_restarts_total 5",
            "orch_bot_blocks_total{bot=\"bot-under-test\"} 150",
            "orch_transcription_chunks_total{bot=\"bot-under-test\",outcome=\"sent\"} 4",
            "orch_transcript_lines_total{bot=\"bot-under-test\"} 3",
        ] {
            assert!(text.contains(want), "missing {want} in\n{text}");
        }
        // The next scrape samples anew: a bot no longer given is gone, counters stay.
        drop(timer);
        let s = m.scrape();
        s.bots(&[], 5);
        let text = s.finish();
        assert!(!text.contains("bot-under-test"), "{text}");
        assert!(text.contains("orch_bot_restarts_total 5"), "{text}");
    }
}
