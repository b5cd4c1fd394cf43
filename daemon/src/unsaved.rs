//! Bot state changes on their way to the database, kept in order until they are stored.
//!
//! A bot's state in memory is what its process did (a terminated bot has stopped, disk
//! or no disk); the database must follow it, in the same order, or a bot stays
//! `running` there for ever and holds its dedup key. So every change goes through this
//! queue: it is stored at once when the database can take it; when it cannot (a full
//! disk, an I/O error), it waits here with the ones after it, the failure is shown
//! (`orch status`, the bot's status, the log, the request that caused it) and a retry
//! task stores the queue as soon as the database takes writes again.

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use orch::bots::{BotState, Reason};

use crate::state::State;

/// How often stored-later changes are retried.
pub const RETRY_EVERY: Duration = Duration::from_secs(2);

/// One bot state change.
#[derive(Debug, Clone)]
pub struct Change {
    pub bot_id: String,
    pub to: BotState,
    pub reason: Reason,
    pub detail: Option<String>,
    pub session_id: Option<String>,
    pub time: f64,
}

/// The queue, and what the last write said.
#[derive(Default)]
pub struct Unsaved {
    /// Held across the writes, so changes are stored in the order they happened.
    queue: tokio::sync::Mutex<VecDeque<Change>>,
    /// Per bot, its newest change not yet stored (what its status shows meanwhile).
    latest: Mutex<HashMap<String, Change>>,
    /// Why storing fails, while it does.
    failing: Mutex<Option<String>>,
}

impl Unsaved {
    /// Queue `change` and store what is queued. `Err` says why it is not stored yet.
    pub async fn record(&self, state: &Arc<State>, change: Change) -> Result<(), String> {
        let mut queue = self.queue.lock().await;
        self.lock_latest()
            .insert(change.bot_id.clone(), change.clone());
        queue.push_back(change);
        self.store(state, &mut queue).await
    }

    /// Store what is queued (the retry task).
    pub async fn retry(&self, state: &Arc<State>) {
        let mut queue = self.queue.lock().await;
        if !queue.is_empty() {
            let _ = self.store(state, &mut queue).await;
        }
    }

    async fn store(&self, state: &Arc<State>, queue: &mut VecDeque<Change>) -> Result<(), String> {
        let mut stored = 0;
        while let Some(c) = queue.front().cloned() {
            let db = state.db.clone();
            let write = tokio::task::spawn_blocking(move || {
                let db = db
                    .lock()
                    .map_err(|_| "database handle poisoned".to_string())?;
                match db.set_bot_state(
                    &c.bot_id,
                    c.to,
                    c.reason,
                    c.detail.as_deref(),
                    c.session_id.as_deref(),
                    c.time,
                ) {
                    Ok(_) => Ok(()),
                    // The storage failed: keep the change and try again later.
                    Err(e @ orch::Error::Database { .. }) => {
                        Err(match orch::disk::no_space(db.path()) {
                            Some(full) => format!("{full}: {e}"),
                            None => e.to_string(),
                        })
                    }
                    // The bot is gone or the change makes no sense for the stored
                    // state: storing it later will not help.
                    Err(e) => {
                        tracing::error!(bot = %c.bot_id, "state change dropped: {e}");
                        Ok(())
                    }
                }
            })
            .await
            .unwrap_or_else(|e| Err(format!("database task failed: {e}")));
            match write {
                Ok(()) => {
                    let done = queue.pop_front().expect("the change just stored");
                    let mut latest = self.lock_latest();
                    if !queue.iter().any(|c| c.bot_id == done.bot_id) {
                        latest.remove(&done.bot_id);
                    }
                    stored += 1;
                }
                Err(why) => {
                    let mut failing = self.failing.lock().unwrap_or_else(|p| p.into_inner());
                    if failing.is_none() {
                        tracing::error!(
                            "cannot store bot state changes: {why}; they are kept in memory \
                             and stored when the database takes writes again"
                        );
                    }
                    *failing = Some(why.clone());
                    return Err(why);
                }
            }
        }
        let mut failing = self.failing.lock().unwrap_or_else(|p| p.into_inner());
        if failing.take().is_some() {
            tracing::info!("the database takes writes again: stored {stored} kept state changes");
        }
        Ok(())
    }

    /// The newest change of `bot_id` not yet stored.
    pub fn pending(&self, bot_id: &str) -> Option<Change> {
        self.lock_latest().get(bot_id).cloned()
    }

    /// Why storing fails and how many changes wait, while it does.
    pub fn failing(&self) -> Option<(String, usize)> {
        let why = self
            .failing
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone()?;
        Some((why, self.lock_latest().len()))
    }

    fn lock_latest(&self) -> std::sync::MutexGuard<'_, HashMap<String, Change>> {
        self.latest.lock().unwrap_or_else(|p| p.into_inner())
    }
}

/// Retry stored-later changes until orchd shuts down.
pub fn spawn_retry(state: Arc<State>) {
    tokio::spawn(async move {
        let mut shutdown = state.shutdown.subscribe();
        let mut tick = tokio::time::interval(RETRY_EVERY);
        loop {
            tokio::select! {
                _ = tick.tick() => state.unsaved.retry(&state).await,
                _ = shutdown.changed() => break,
            }
        }
    });
}
