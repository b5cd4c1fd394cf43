//! The daemon's translation: one engine per `[translation]` configuration, shared by
//! every bot (one circuit breaker), and each translating bot's workers, whose results
//! a task stores and publishes as `translation` events.
//!
//! The transcription writer hands each stored line to [`BotTranslation::push`], which
//! never waits: every target language has its own worker and bounded queue
//! (`orch::translate::live`), so a slow engine holds up neither transcription nor the
//! other languages.

use std::sync::{Arc, Mutex};

use orch::config::TranslationConfig;
use orch::protocol::{Event, now_unix};
use orch::records::{TranscriptRow, TranslationRow};
use orch::translate::live::{Live, Outcome, SourceLine, Watch};
use orch::translate::{Lang, LineTranslator};
use tokio::sync::mpsc;

use crate::state::State;

/// Lines a target language keeps queued while its engine is slow.
const QUEUE_LINES: usize = 64;

/// The engine of the configuration in force, built on first use and rebuilt when the
/// `[translation]` section changes.
#[derive(Default)]
pub struct Translation {
    current: Mutex<Option<(TranslationConfig, LineTranslator)>>,
}

impl Translation {
    /// The engine's breaker, once an engine was built.
    pub fn breaker(&self) -> Option<orch::engine::BreakerSnapshot> {
        let cur = self.current.lock().unwrap_or_else(|p| p.into_inner());
        cur.as_ref().map(|(_, t)| t.breaker())
    }

    /// The translator for `cfg`.
    pub fn translator(&self, cfg: &TranslationConfig) -> orch::Result<LineTranslator> {
        let mut cur = self.current.lock().unwrap_or_else(|p| p.into_inner());
        if let Some((c, t)) = cur.as_ref()
            && c == cfg
        {
            return Ok(t.clone());
        }
        let t = LineTranslator::from_config(cfg)?;
        *cur = Some((cfg.clone(), t.clone()));
        Ok(t)
    }
}

/// A bot's translation workers, shared with `orch bot config` (which changes the
/// target languages).
pub type LiveControl = Arc<Mutex<Live>>;

/// One bot's live translation for one session.
pub struct BotTranslation {
    live: LiveControl,
    /// The language of lines the engine did not label.
    source: Option<Lang>,
    store: tokio::task::JoinHandle<()>,
}

impl BotTranslation {
    /// Start translating a bot's lines into `targets`; returns it and a handle on its
    /// figures.
    pub fn start(
        state: Arc<State>,
        bot_id: String,
        session_id: String,
        translator: LineTranslator,
        targets: &[Lang],
        source: Option<Lang>,
    ) -> orch::Result<(BotTranslation, Watch, LiveControl)> {
        let (tx, rx) = mpsc::unbounded_channel::<Outcome>();
        let live = Live::start(translator, targets, QUEUE_LINES, move |o| {
            let _ = tx.send(o);
        })
        .map_err(|e| orch::Error::Other(format!("cannot start a thread: {e}")))?;
        let watch = live.watch();
        let live = Arc::new(Mutex::new(live));
        let store = tokio::spawn(store(state, bot_id, session_id, rx));
        Ok((
            BotTranslation {
                live: live.clone(),
                source,
                store,
            },
            watch,
            live,
        ))
    }

    /// Queue a stored line for every target language; never waits.
    pub fn push(&self, line: &TranscriptRow) {
        let lang = line
            .language
            .as_deref()
            .and_then(|l| Lang::parse(l).ok())
            .or_else(|| self.source.clone());
        let live = self.live.lock().unwrap_or_else(|p| p.into_inner());
        let Some(lang) = lang else {
            // Neither the engine nor the bot says what language the line is in: it
            // cannot be translated, and counts as failed (orch bot status says why).
            live.reject(
                "the line's language is unknown: give the bot --language, or set transcription.language",
            );
            return;
        };
        live.push(SourceLine {
            id: line.id,
            text: line.text.clone(),
            lang,
            start_s: line.start_s,
            end_s: line.end_s,
        });
    }

    /// No more lines: translate the queued ones, then wait until all are stored.
    pub async fn finish(self) {
        let live = self.live;
        let _ = tokio::task::spawn_blocking(move || {
            live.lock().unwrap_or_else(|p| p.into_inner()).close()
        })
        .await;
        let _ = self.store.await;
    }
}

/// Store and publish each outcome; a language that starts failing is an alert (once,
/// until it works again).
async fn store(
    state: Arc<State>,
    bot_id: String,
    session_id: String,
    mut rx: mpsc::UnboundedReceiver<Outcome>,
) {
    let mut failing: Vec<String> = Vec::new();
    while let Some(o) = rx.recv().await {
        let to = o.to.to_string();
        for t in &o.breaker {
            let severity = if t.to.to_string() == "open" {
                "error"
            } else {
                "info"
            };
            let detail = o
                .result
                .as_ref()
                .err()
                .map(|e| format!(": {e}"))
                .unwrap_or_default();
            let message = format!("translation engine breaker {} -> {}{detail}", t.from, t.to);
            crate::alerts::alert(&state, &bot_id, &session_id, severity, &message).await;
        }
        match o.result {
            Ok(t) => {
                failing.retain(|l| *l != to);
                let row = TranslationRow {
                    id: 0,
                    session_id: session_id.clone(),
                    transcript_id: o.line.id,
                    source_language: Some(o.line.lang.to_string()),
                    target_language: to,
                    text: t.text,
                    engine: t.engine,
                    original: t.original,
                    latency_ms: (!t.original).then_some(t.latency_ms),
                    start_s: o.line.start_s,
                    end_s: o.line.end_s,
                };
                let now = now_unix();
                match state
                    .with_db(move |db| db.insert_translation(&row, now))
                    .await
                {
                    Ok(translation) => state.publish(Event::Translation {
                        time: now,
                        bot_id: bot_id.clone(),
                        translation,
                    }),
                    Err(f) => {
                        tracing::error!(bot = %bot_id, "cannot store a translation: {}", f.message)
                    }
                }
            }
            Err(e) => {
                if failing.contains(&to) {
                    continue;
                }
                failing.push(to.clone());
                let message = format!("translation into {to} failed: {e}");
                tracing::warn!(bot = %bot_id, "{message}");
                crate::alerts::alert(&state, &bot_id, &session_id, "warning", &message).await;
            }
        }
    }
}
