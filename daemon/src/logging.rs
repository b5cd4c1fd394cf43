//! Logging: `tracing` to stderr (plain when stderr is not a terminal, as journald
//! wants), plus a [`LogHub`] keeping recent lines for `orch daemon logs`.

use std::collections::VecDeque;
use std::fmt::Write as _;
use std::io::IsTerminal;
use std::sync::{Arc, Mutex};

use orch::protocol::{Event, now_unix};
use tokio::sync::broadcast;
use tracing::field::{Field, Visit};
use tracing_subscriber::layer::{Context, SubscriberExt};
use tracing_subscriber::util::SubscriberInitExt;
use tracing_subscriber::{EnvFilter, Layer, Registry, reload};

/// How many recent log lines the hub keeps.
const KEEP_LINES: usize = 1000;

/// Recent log lines and a broadcast of new ones.
#[derive(Debug, Clone)]
pub struct LogHub {
    inner: Arc<Mutex<VecDeque<Event>>>,
    tx: broadcast::Sender<Event>,
}

impl Default for LogHub {
    fn default() -> Self {
        Self::new()
    }
}

impl LogHub {
    /// An empty hub.
    pub fn new() -> Self {
        let (tx, _) = broadcast::channel(256);
        Self {
            inner: Arc::new(Mutex::new(VecDeque::with_capacity(KEEP_LINES))),
            tx,
        }
    }

    /// Record a line.
    pub fn push(&self, level: &str, message: String) {
        let ev = Event::Log {
            time: now_unix(),
            level: level.to_string(),
            message,
        };
        if let Ok(mut q) = self.inner.lock() {
            if q.len() == KEEP_LINES {
                q.pop_front();
            }
            q.push_back(ev.clone());
        }
        let _ = self.tx.send(ev);
    }

    /// The last `n` lines.
    pub fn recent(&self, n: usize) -> Vec<Event> {
        let q = self.inner.lock().map(|q| q.clone()).unwrap_or_default();
        q.iter().skip(q.len().saturating_sub(n)).cloned().collect()
    }

    /// New lines as they come.
    pub fn subscribe(&self) -> broadcast::Receiver<Event> {
        self.tx.subscribe()
    }
}

/// Changes the log filter of a running daemon (on config reload).
pub type ReloadHandle = reload::Handle<EnvFilter, Registry>;

/// Build the filter: `RUST_LOG` wins over the configured level.
pub fn filter(level: &str) -> EnvFilter {
    match std::env::var("RUST_LOG") {
        Ok(v) if !v.is_empty() => EnvFilter::new(v),
        _ => EnvFilter::new(level),
    }
}

/// Install the global subscriber (once per process).
pub fn init(level: &str, hub: LogHub) -> ReloadHandle {
    let (filter_layer, handle) = reload::Layer::new(filter(level));
    let ansi = std::io::stderr().is_terminal();
    let fmt = tracing_subscriber::fmt::layer()
        .with_writer(std::io::stderr)
        .with_ansi(ansi)
        .with_target(false)
        // A log write that fails (stderr is a log file on a full disk) is dropped: the
        // default reports it with `eprintln!`, which panics writing to that same file.
        .log_internal_errors(false);
    let _ = tracing_subscriber::registry()
        .with(filter_layer)
        .with(fmt)
        .with(HubLayer { hub })
        .try_init();
    handle
}

struct HubLayer {
    hub: LogHub,
}

impl<S: tracing::Subscriber> Layer<S> for HubLayer {
    fn on_event(&self, event: &tracing::Event<'_>, _ctx: Context<'_, S>) {
        let mut v = LineVisitor(String::new());
        event.record(&mut v);
        self.hub
            .push(event.metadata().level().as_str(), v.0.trim().to_string());
    }
}

struct LineVisitor(String);

impl Visit for LineVisitor {
    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        if field.name().starts_with("log.") {
            return;
        }
        if field.name() == "message" {
            let _ = write!(self.0, "{value:?} ");
        } else {
            let _ = write!(self.0, "{}={value:?} ", field.name());
        }
    }

    fn record_str(&mut self, field: &Field, value: &str) {
        if field.name().starts_with("log.") {
            return;
        }
        if field.name() == "message" {
            let _ = write!(self.0, "{value} ");
        } else {
            let _ = write!(self.0, "{}={value} ", field.name());
        }
    }
}
