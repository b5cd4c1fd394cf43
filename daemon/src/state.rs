//! The daemon's shared state: configuration, database handle, event bus, counters.
//! Nothing here is touched from an audio thread.

use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::time::Instant;

use orch::config::Loaded;
use orch::protocol::{Event, Failure, FailureKind};
use orch::store::Db;
use tokio::sync::{broadcast, watch};

use crate::logging::{LogHub, ReloadHandle};
use crate::{Args, apply_flags};

/// How long a configuration reload may take, a backstop: reading the file is bounded
/// to [`orch::text_file::READ_WITHIN`] on its own.
const CONFIG_READ_LIMIT: std::time::Duration = std::time::Duration::from_secs(10);

/// Shared by every connection task.
pub struct State {
    /// The configuration in force.
    pub config: RwLock<Loaded>,
    /// The flags orchd was started with (they keep winning over reloaded files).
    pub args: Args,
    /// The database, behind a mutex used only from blocking tasks.
    pub db: Arc<Mutex<Db>>,
    /// Daemon events for subscribers.
    pub events: broadcast::Sender<Event>,
    /// Recent log lines.
    pub logs: LogHub,
    /// Changes the log filter on reload.
    pub log_reload: Option<ReloadHandle>,
    /// Set to true to start a graceful shutdown.
    pub shutdown: watch::Sender<bool>,
    /// When the daemon started.
    pub started: Instant,
    /// `foreground`, `systemd` or `socket_activated`.
    pub started_by: String,
    /// Connected clients.
    pub clients: AtomicU32,
    /// Open subscriptions.
    pub subscriptions: AtomicU32,
    /// The live bots.
    pub supervisor: crate::supervisor::Supervisor,
    /// The speech-to-text engine bots share.
    pub transcription: crate::transcription::Transcription,
    /// The translation engine bots share.
    pub translation: crate::translation::Translation,
    /// Bot state changes not stored yet (a full disk).
    pub unsaved: crate::unsaved::Unsaved,
}

impl std::fmt::Debug for State {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("State").finish_non_exhaustive()
    }
}

impl State {
    /// Run `f` on the database in a blocking task.
    pub async fn with_db<T, F>(&self, f: F) -> Result<T, Failure>
    where
        T: Send + 'static,
        F: FnOnce(&Db) -> orch::Result<T> + Send + 'static,
    {
        let db = self.db.clone();
        tokio::task::spawn_blocking(move || {
            let db = db
                .lock()
                .map_err(|_| Failure::new(FailureKind::Internal, "database handle poisoned"))?;
            f(&db).map_err(failure)
        })
        .await
        .map_err(|e| Failure::new(FailureKind::Internal, format!("database task failed: {e}")))?
    }

    /// Publish an event to subscribers (never blocks; slow subscribers lag).
    pub fn publish(&self, event: Event) {
        let _ = self.events.send(event);
    }

    /// Ask for a graceful shutdown: subscribers hear about it first, then every loop
    /// sees the flag.
    pub fn request_shutdown(&self) {
        if *self.shutdown.borrow() {
            return;
        }
        self.publish(Event::ShuttingDown {
            time: orch::protocol::now_unix(),
            reason: "shutdown requested".into(),
        });
        let _ = self.shutdown.send(true);
    }

    /// Re-read the configuration file. An invalid file keeps the old configuration.
    ///
    /// The file is read on a blocking task with a time limit, so a configuration path
    /// replaced by a FIFO or a device never stalls the runtime, and a file that is too
    /// large is refused by the bounded reader.
    pub async fn reload_config(&self) -> Result<Loaded, Failure> {
        let path = self
            .config
            .read()
            .map(|c| c.path.clone())
            .map_err(|_| Failure::new(FailureKind::Internal, "config lock poisoned"))?;
        let required = self.args.config.is_some() || std::env::var_os("ORCH_CONFIG").is_some();
        let file = path.clone();
        let read = tokio::task::spawn_blocking(move || orch::config::load_file(&file, required));
        let read = match tokio::time::timeout(CONFIG_READ_LIMIT, read).await {
            Ok(Ok(r)) => r,
            Ok(Err(e)) => Err(orch::Error::Other(format!(
                "reading the configuration: {e}"
            ))),
            Err(_) => Err(orch::Error::Invalid(format!(
                "{}: not read within {} s (a FIFO or device, not a file?)",
                path.display(),
                CONFIG_READ_LIMIT.as_secs()
            ))),
        };
        let result = read.and_then(|mut l| {
            apply_flags(&mut l.config, &self.args);
            l.config.validate()?;
            Ok(l)
        });
        let event = |ok: bool, message: String| Event::ConfigReloaded {
            time: orch::protocol::now_unix(),
            ok,
            message,
        };
        match result {
            Ok(new) => {
                let mut cur = self
                    .config
                    .write()
                    .map_err(|_| Failure::new(FailureKind::Internal, "config lock poisoned"))?;
                let mut notes = Vec::new();
                if new.config.daemon.socket != cur.config.daemon.socket {
                    notes.push("daemon.socket");
                }
                if new.config.daemon.data_dir != cur.config.daemon.data_dir {
                    notes.push("daemon.data_dir");
                }
                if new.config.daemon.log_level != cur.config.daemon.log_level
                    && let Some(h) = &self.log_reload
                {
                    let _ = h.reload(crate::logging::filter(&new.config.daemon.log_level));
                }
                let mut message = format!("configuration reloaded from {}", path.display());
                if !notes.is_empty() {
                    message.push_str(&format!(
                        " ({} take effect after a restart)",
                        notes.join(", ")
                    ));
                }
                *cur = new.clone();
                drop(cur);
                tracing::info!("{message}");
                self.publish(event(true, message));
                Ok(new)
            }
            Err(e) => {
                let message = format!("reload refused, keeping the running configuration: {e}");
                tracing::error!("{message}");
                self.publish(event(false, message.clone()));
                Err(Failure::new(FailureKind::Invalid, message))
            }
        }
    }

    /// Count a connected client; the guard uncounts it.
    pub fn client_guard(self: &Arc<Self>) -> CountGuard {
        self.clients.fetch_add(1, Ordering::Relaxed);
        CountGuard {
            state: self.clone(),
            which: Counter::Clients,
        }
    }

    /// Count an open subscription; the guard uncounts it.
    pub fn subscription_guard(self: &Arc<Self>) -> CountGuard {
        self.subscriptions.fetch_add(1, Ordering::Relaxed);
        CountGuard {
            state: self.clone(),
            which: Counter::Subscriptions,
        }
    }
}

enum Counter {
    Clients,
    Subscriptions,
}

/// Decrements a counter when dropped.
pub struct CountGuard {
    state: Arc<State>,
    which: Counter,
}

impl Drop for CountGuard {
    fn drop(&mut self) {
        let c = match self.which {
            Counter::Clients => &self.state.clients,
            Counter::Subscriptions => &self.state.subscriptions,
        };
        c.fetch_sub(1, Ordering::Relaxed);
    }
}

/// Map a library error to a protocol failure.
pub fn failure(e: orch::Error) -> Failure {
    let kind = match e.exit_code() {
        orch::ExitCode::NotFound => FailureKind::NotFound,
        orch::ExitCode::Invalid => FailureKind::Invalid,
        _ => FailureKind::Internal,
    };
    Failure::new(kind, e.to_string())
}
