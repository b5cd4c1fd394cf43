//! What a bot's audio thread shares with the rest of the daemon. The audio thread
//! only ever try-locks (skipping an update rather than waiting) and uses atomics.

use std::collections::VecDeque;
use std::sync::atomic::{AtomicBool, AtomicU32, AtomicU64, Ordering};
use std::sync::{Mutex, TryLockError};

use orch::analysis::Meters;
use orch::bots::model::BotLive;
use orch::dsp::StreamFormat;
use orch::dsp::chain::ChainConfig;
use orch::dsp::perf_window::WindowSummary;
use orch::dsp::pipeline::{PreparedChain, Retired};
use orch::protocol::{Event, now_unix};
use tokio::sync::broadcast;

/// Lines of a bot's log kept for `orch bot logs`.
const LOG_LINES: usize = 500;

/// A chain for the audio thread, with its preset's name.
pub enum PendingChain {
    /// Prepared off the audio thread for the chain it runs: it only swaps it in.
    Prepared(String, PreparedChain),
    /// For a run whose source has not opened yet: built when it opens.
    Raw(String, ChainConfig),
}

/// Shared between the audio thread, the bot's runner task and request handlers.
pub struct Shared {
    /// The bot's id.
    pub bot_id: String,
    /// Set to ask the audio thread to stop.
    pub stop: AtomicBool,
    /// Milliseconds since the Unix epoch of the last block of audio.
    pub last_audio_ms: AtomicU64,
    /// Worker process id (0: none).
    pid: AtomicU32,
    /// The process group of the worker's program (its guard leads it); 0: none.
    group: AtomicU32,
    /// Kernel thread id of the audio thread (0: none).
    tid: AtomicU32,
    /// Audio layout announced by an attached meeting program.
    layout: Mutex<Option<(u32, usize)>>,
    /// Why the meeting ended, as its program reported with `bot_end`.
    meeting_end: Mutex<Option<(orch::bots::Reason, Option<String>)>>,
    /// Live figures, refreshed about ten times a second.
    pub live: Mutex<Option<BotLive>>,
    /// A new chain (and its preset name) waiting to be applied by the audio thread.
    pub pending_chain: Mutex<Option<PendingChain>>,
    /// What the audio thread made of the last prepared chain it took: what it replaced
    /// (for the control side to drop), or why it refused it.
    pub chain_outcome: Mutex<Option<Result<Retired, String>>>,
    /// The stream format and chain the audio thread runs (None until its source opens).
    pub running_chain: Mutex<Option<(StreamFormat, ChainConfig)>>,
    /// Meters of this bot, ten times a second.
    pub meters: broadcast::Sender<Event>,
    /// Recent log lines and a broadcast of new ones.
    logs: Mutex<VecDeque<Event>>,
    /// New log lines.
    pub log_tx: broadcast::Sender<Event>,
    /// Live transcription of the current run, when the bot transcribes.
    pub transcriber: Mutex<Option<orch::transcribe::live::LiveTranscriber>>,
    /// A tap for the audio thread to take (transcription turned on during a run), and
    /// whether it hears the audio before the chain.
    pub pending_tap: Mutex<Option<(orch::transcribe::live::AudioTap, bool)>>,
    /// The current run's sample rate and block length, once its source is open.
    pub blocks: Mutex<Option<(u32, usize)>>,
    /// Transcription was turned on by `bot config` (later runs transcribe too).
    pub transcribe_added: AtomicBool,
    /// The figures of the current run's translation, when the bot translates.
    pub translation: Mutex<Option<orch::translate::live::Watch>>,
    /// The current run's translation workers (their target languages change live).
    pub translation_control: Mutex<Option<crate::translation::LiveControl>>,
    /// Processing windows the audio thread finished (end time, figures), waiting to
    /// be stored; the oldest goes when the runner falls behind.
    windows: Mutex<VecDeque<(f64, WindowSummary)>>,
    /// The analysis report of the last run that ended, until the runner stores it.
    report: Mutex<Option<serde_json::Value>>,
    /// Leave rules in force (f64 bits), changed live by `orch bot config --set`.
    max_duration_s: AtomicU64,
    silence_timeout_s: AtomicU64,
    /// Transcription paused (`orch bot config --set transcribe=false`): no audio goes
    /// to the chunker until it is resumed.
    pub transcribe_paused: AtomicBool,
}

/// Finished windows kept until the runner stores them.
const WINDOWS_KEPT: usize = 64;

impl Shared {
    /// Fresh shared state for bot `id`.
    pub fn new(bot_id: &str) -> Shared {
        Shared {
            bot_id: bot_id.to_string(),
            stop: AtomicBool::new(false),
            last_audio_ms: AtomicU64::new(now_ms()),
            pid: AtomicU32::new(0),
            group: AtomicU32::new(0),
            tid: AtomicU32::new(0),
            layout: Mutex::new(None),
            meeting_end: Mutex::new(None),
            live: Mutex::new(None),
            pending_chain: Mutex::new(None),
            chain_outcome: Mutex::new(None),
            running_chain: Mutex::new(None),
            meters: broadcast::channel(64).0,
            logs: Mutex::new(VecDeque::new()),
            log_tx: broadcast::channel(256).0,
            transcriber: Mutex::new(None),
            pending_tap: Mutex::new(None),
            blocks: Mutex::new(None),
            transcribe_added: AtomicBool::new(false),
            translation: Mutex::new(None),
            translation_control: Mutex::new(None),
            windows: Mutex::new(VecDeque::with_capacity(WINDOWS_KEPT)),
            report: Mutex::new(None),
            max_duration_s: AtomicU64::new(f64::INFINITY.to_bits()),
            silence_timeout_s: AtomicU64::new(f64::INFINITY.to_bits()),
            transcribe_paused: AtomicBool::new(false),
        }
    }

    /// Record the worker's pid.
    pub fn set_pid(&self, pid: Option<u32>) {
        self.pid.store(pid.unwrap_or(0), Ordering::Relaxed);
    }

    /// The worker's pid.
    pub fn pid(&self) -> Option<u32> {
        match self.pid.load(Ordering::Relaxed) {
            0 => None,
            p => Some(p),
        }
    }

    /// Record the process group a stop signals.
    pub fn set_group(&self, group: Option<u32>) {
        self.group.store(group.unwrap_or(0), Ordering::Relaxed);
    }

    /// The process group a stop signals.
    pub fn group(&self) -> Option<u32> {
        match self.group.load(Ordering::Relaxed) {
            0 => None,
            g => Some(g),
        }
    }

    /// Record the calling thread as the audio thread.
    pub fn set_current_thread(&self) {
        // SAFETY: gettid has no preconditions.
        #[allow(unsafe_code)]
        let tid = unsafe { libc::gettid() };
        self.tid.store(tid as u32, Ordering::Relaxed);
    }

    /// Kernel thread id of the audio thread.
    pub fn tid(&self) -> Option<u32> {
        match self.tid.load(Ordering::Relaxed) {
            0 => None,
            t => Some(t),
        }
    }

    /// Record the layout announced by an attached meeting program.
    pub fn set_layout(&self, rate: u32, channels: usize) {
        if let Ok(mut l) = self.layout.lock() {
            *l = Some((rate, channels));
        }
    }

    /// Forget the layout of an earlier run's program (a new one must attach again).
    pub fn clear_layout(&self) {
        if let Ok(mut l) = self.layout.lock() {
            *l = None;
        }
    }

    /// The announced layout.
    pub fn layout(&self) -> Option<(u32, usize)> {
        self.layout.lock().ok().and_then(|l| *l)
    }

    /// Record why the meeting program says its meeting ended.
    pub fn set_meeting_end(&self, reason: orch::bots::Reason, detail: Option<String>) {
        if let Ok(mut e) = self.meeting_end.lock() {
            *e = Some((reason, detail));
        }
    }

    /// Take the reported end of the meeting, if the program sent one.
    pub fn take_meeting_end(&self) -> Option<(orch::bots::Reason, Option<String>)> {
        self.meeting_end.lock().ok().and_then(|mut e| e.take())
    }

    /// Note that audio arrived now.
    pub fn touch(&self) {
        self.last_audio_ms.store(now_ms(), Ordering::Relaxed);
    }

    /// Seconds since the last audio.
    pub fn idle_s(&self) -> f64 {
        now_ms().saturating_sub(self.last_audio_ms.load(Ordering::Relaxed)) as f64 / 1e3
    }

    /// Publish live figures without ever waiting (skipped when the lock is busy).
    pub fn publish_live(&self, live: BotLive, meters: Meters) {
        match self.live.try_lock() {
            Ok(mut g) => *g = Some(live),
            Err(TryLockError::WouldBlock) => {}
            Err(TryLockError::Poisoned(_)) => {}
        }
        let _ = self.meters.send(Event::Meters {
            bot_id: self.bot_id.clone(),
            meters,
        });
    }

    /// A copy of the live figures.
    pub fn live(&self) -> Option<BotLive> {
        self.live.lock().ok().and_then(|g| g.clone())
    }

    /// Append a line to the bot's log.
    pub fn log(&self, line: &str) {
        let ev = Event::BotLog {
            time: now_unix(),
            bot_id: self.bot_id.clone(),
            line: line.to_string(),
        };
        if let Ok(mut q) = self.logs.lock() {
            if q.len() == LOG_LINES {
                q.pop_front();
            }
            q.push_back(ev.clone());
        }
        let _ = self.log_tx.send(ev);
    }

    /// A processing window ended now (from the audio thread: never waits, never
    /// allocates; skipped when the lock is busy).
    pub fn push_window(&self, w: WindowSummary) {
        if let Ok(mut q) = self.windows.try_lock() {
            if q.len() == WINDOWS_KEPT {
                q.pop_front();
            }
            q.push_back((now_unix(), w));
        }
    }

    /// The windows finished since the last call.
    pub fn take_windows(&self) -> Vec<(f64, WindowSummary)> {
        self.windows
            .lock()
            .map(|mut q| q.drain(..).collect())
            .unwrap_or_default()
    }

    /// Set the leave rules (seconds of audio, seconds without speech).
    pub fn set_leave_rules(&self, max_duration_s: f64, silence_timeout_s: f64) {
        self.max_duration_s
            .store(max_duration_s.to_bits(), Ordering::Relaxed);
        self.silence_timeout_s
            .store(silence_timeout_s.to_bits(), Ordering::Relaxed);
    }

    /// The leave rules in force: (max duration, silence timeout), seconds.
    pub fn leave_rules(&self) -> (f64, f64) {
        (
            f64::from_bits(self.max_duration_s.load(Ordering::Relaxed)),
            f64::from_bits(self.silence_timeout_s.load(Ordering::Relaxed)),
        )
    }

    /// The report of a run that ended (its audio thread, at the end).
    pub fn set_report(&self, report: Option<serde_json::Value>) {
        if let Ok(mut r) = self.report.lock() {
            *r = report;
        }
    }

    /// The report of the last run that ended, once.
    pub fn take_report(&self) -> Option<serde_json::Value> {
        self.report.lock().ok().and_then(|mut r| r.take())
    }

    /// The last `n` log lines.
    pub fn recent_logs(&self, n: usize) -> Vec<Event> {
        let q = self.logs.lock().map(|q| q.clone()).unwrap_or_default();
        q.iter().skip(q.len().saturating_sub(n)).cloned().collect()
    }
}

fn now_ms() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as u64)
        .unwrap_or(0)
}
