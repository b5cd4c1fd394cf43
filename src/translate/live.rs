//! Live translation of a bot's transcript lines into each of its target languages.
//!
//! The contract: [`Live::push`] never blocks (the caller is the transcription path).
//! Each target language has its own worker thread and its own bounded queue, so the
//! languages are translated concurrently and a slow or failing language holds up no
//! other; when a queue is full the line is dropped for that language and counted.
//! Results go to the `on_result` callback on the worker's thread, in line order per
//! language. [`Live::close`] stops taking lines, lets the queued ones finish and joins.

use std::sync::mpsc::{self, SyncSender, TrySendError};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

use super::{Lang, LineContext, LineTranslator, TranslateError, Translation};
use crate::engine::Latencies;
use crate::engine::breaker::Transition;

/// One finished transcript line to translate.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceLine {
    /// The transcript line's id (what the translation is stored against).
    pub id: i64,
    /// Its text.
    pub text: String,
    /// Its language.
    pub lang: Lang,
    /// Start and end on the session clock, in seconds.
    pub start_s: f64,
    pub end_s: f64,
}

/// A line's translation into one language, or why it failed.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub line: Arc<SourceLine>,
    pub to: Lang,
    pub result: Result<Translation, TranslateError>,
    /// Changes of the engine's circuit breaker during this line's call.
    pub breaker: Vec<Transition>,
}

pub use crate::records::LangStats;

#[derive(Debug, Default)]
struct Counters {
    stats: LangStats,
    latencies: Latencies,
}

struct Worker {
    to: Lang,
    tx: Option<SyncSender<Arc<SourceLine>>>,
    counters: Arc<Mutex<Counters>>,
    thread: Option<JoinHandle<()>>,
}

type OnResult = Arc<dyn Fn(Outcome) + Send + Sync>;

/// The translation workers of one bot.
pub struct Live {
    translator: LineTranslator,
    capacity: usize,
    on_result: OnResult,
    workers: Vec<Worker>,
    /// Workers of languages no longer wanted, finishing their queues.
    retired: Vec<JoinHandle<()>>,
    watch: Watch,
}

impl std::fmt::Debug for Live {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Live")
            .field("languages", &self.workers.len())
            .finish()
    }
}

impl Live {
    /// Start one worker per target language, each with a queue of `capacity` lines.
    pub fn start(
        translator: LineTranslator,
        targets: &[Lang],
        capacity: usize,
        on_result: impl Fn(Outcome) + Send + Sync + 'static,
    ) -> std::io::Result<Live> {
        let mut live = Live {
            translator,
            capacity: capacity.max(1),
            on_result: Arc::new(on_result),
            workers: Vec::new(),
            retired: Vec::new(),
            watch: Watch::default(),
        };
        live.set_targets(targets)?;
        Ok(live)
    }

    /// Translate into `targets` from now on: languages kept go on as they were, new
    /// ones get a worker, dropped ones finish what they have queued and stop. (After
    /// [`Live::close`], new workers' results go nowhere.)
    pub fn set_targets(&mut self, targets: &[Lang]) -> std::io::Result<()> {
        let mut old: Vec<Worker> = std::mem::take(&mut self.workers);
        let mut next = Vec::with_capacity(targets.len());
        for to in targets {
            if next.iter().any(|w: &Worker| &w.to == to) {
                continue;
            }
            match old.iter().position(|w| &w.to == to) {
                Some(i) => next.push(old.remove(i)),
                None => next.push(self.spawn(to)?),
            }
        }
        for mut w in old {
            w.tx = None;
            self.retired.extend(w.thread.take());
        }
        self.workers = next;
        *self
            .watch
            .counters
            .lock()
            .unwrap_or_else(|p| p.into_inner()) =
            self.workers.iter().map(|w| w.counters.clone()).collect();
        Ok(())
    }

    /// The languages translated into, in order.
    pub fn targets(&self) -> Vec<Lang> {
        self.workers.iter().map(|w| w.to.clone()).collect()
    }

    fn spawn(&self, to: &Lang) -> std::io::Result<Worker> {
        let (tx, rx) = mpsc::sync_channel::<Arc<SourceLine>>(self.capacity);
        let counters = Arc::new(Mutex::new(Counters {
            stats: LangStats {
                lang: to.to_string(),
                ..LangStats::default()
            },
            latencies: Latencies::default(),
        }));
        let (c, t, to_, cb) = (
            counters.clone(),
            self.translator.clone(),
            to.clone(),
            self.on_result.clone(),
        );
        let thread = std::thread::Builder::new()
            .name(format!("translate-{to}"))
            .spawn(move || {
                let to = to_;
                for line in rx {
                    let context = LineContext {
                        line_id: Some(line.id),
                        start_s: Some(line.start_s),
                        end_s: Some(line.end_s),
                        ..LineContext::default()
                    };
                    let mut breaker = Vec::new();
                    let result =
                        t.translate(&line.text, &line.lang, &to, &context, |tr| breaker.push(tr));
                    {
                        let mut c = c.lock().unwrap_or_else(|p| p.into_inner());
                        match &result {
                            Ok(tr) => {
                                c.stats.translated += 1;
                                if !tr.original {
                                    c.latencies.push(tr.latency_ms);
                                }
                            }
                            Err(e) => {
                                c.stats.failed += 1;
                                c.stats.last_error = Some(e.to_string());
                            }
                        }
                    }
                    cb(Outcome {
                        line,
                        to: to.clone(),
                        result,
                        breaker,
                    });
                }
            })?;
        Ok(Worker {
            to: to.clone(),
            tx: Some(tx),
            counters,
            thread: Some(thread),
        })
    }

    /// Queue a line for every target language; never blocks.
    pub fn push(&self, line: SourceLine) {
        let line = Arc::new(line);
        for w in &self.workers {
            let Some(tx) = &w.tx else { continue };
            if let Err(TrySendError::Full(_) | TrySendError::Disconnected(_)) =
                tx.try_send(line.clone())
            {
                w.counters
                    .lock()
                    .unwrap_or_else(|p| p.into_inner())
                    .stats
                    .dropped += 1;
            }
        }
    }

    /// A line that cannot be translated at all (its language is unknown): counted as
    /// failed in every target language, with `why` as the last error.
    pub fn reject(&self, why: &str) {
        for w in &self.workers {
            let mut c = w.counters.lock().unwrap_or_else(|p| p.into_inner());
            c.stats.failed += 1;
            c.stats.last_error = Some(why.to_string());
        }
    }

    /// Each language's figures, in target order.
    pub fn stats(&self) -> Vec<LangStats> {
        self.watch().stats()
    }

    /// A handle on the figures, for readers elsewhere (`orch bot status`); it follows
    /// changes of the target languages.
    pub fn watch(&self) -> Watch {
        self.watch.clone()
    }

    /// Stop taking lines, finish the queued ones and join the workers. The result
    /// callback is let go too (whatever it holds, a channel's sender, closes).
    pub fn close(&mut self) -> Vec<LangStats> {
        self.on_result = Arc::new(|_| {});
        for w in &mut self.workers {
            w.tx = None;
        }
        for w in &mut self.workers {
            if let Some(t) = w.thread.take() {
                let _ = t.join();
            }
        }
        for t in self.retired.drain(..) {
            let _ = t.join();
        }
        self.stats()
    }
}

/// The figures of a [`Live`]'s languages, readable while it runs and after.
#[derive(Debug, Clone, Default)]
pub struct Watch {
    counters: Arc<Mutex<Vec<Arc<Mutex<Counters>>>>>,
}

impl Watch {
    /// Each language's figures, in target order.
    pub fn stats(&self) -> Vec<LangStats> {
        let counters = self
            .counters
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone();
        counters
            .iter()
            .map(|c| {
                let c = c.lock().unwrap_or_else(|p| p.into_inner());
                let mut s = c.stats.clone();
                s.p50_ms = c.latencies.percentile(0.50);
                s.p95_ms = c.latencies.percentile(0.95);
                s
            })
            .collect()
    }
}

impl Drop for Live {
    fn drop(&mut self) {
        // Dropping the senders ends the workers once their queues are empty.
        for w in &mut self.workers {
            w.tx = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn apertium() -> LineTranslator {
        LineTranslator::from_config(&crate::config::TranslationConfig::default()).unwrap()
    }

    fn line(id: i64, text: &str) -> SourceLine {
        SourceLine {
            id,
            text: text.into(),
            lang: Lang::parse("en").unwrap(),
            start_s: id as f64,
            end_s: id as f64 + 1.0,
        }
    }

    /// Real Apertium (Debian apertium-eng-spa): every line reaches every language, in
    /// order, the Spanish equal to `apertium -u eng-spa`, English passed through.
    #[test]
    fn every_line_reaches_every_language_in_order() {
        let t = apertium();
        let got = Arc::new(Mutex::new(Vec::new()));
        let sink = got.clone();
        let targets = [Lang::parse("es").unwrap(), Lang::parse("en").unwrap()];
        let mut live = Live::start(t, &targets, 64, move |o: Outcome| {
            sink.lock().unwrap().push(o);
        })
        .unwrap();
        let texts = ["Good morning.", "The budget is ready.", "Thank you all."];
        for (i, s) in texts.iter().enumerate() {
            live.push(line(i as i64, s));
        }
        let stats = live.close();
        let got = got.lock().unwrap();
        for to in ["es", "en"] {
            let ids: Vec<i64> = got
                .iter()
                .filter(|o| o.to.as_str() == to)
                .map(|o| o.line.id)
                .collect();
            assert_eq!(ids, [0, 1, 2], "{to}");
        }
        for o in got.iter() {
            let tr = o.result.as_ref().unwrap();
            if o.to.as_str() == "en" {
                assert!(tr.original);
                assert_eq!(tr.text, o.line.text);
            } else {
                let want = std::process::Command::new("sh")
                    .arg("-c")
                    .arg(format!(
                        "printf '%s' \"{}\" | apertium -u eng-spa",
                        o.line.text
                    ))
                    .output()
                    .expect("apertium is installed");
                assert_eq!(tr.text, String::from_utf8_lossy(&want.stdout).trim());
            }
        }
        assert_eq!(stats[0].lang, "es");
        assert_eq!(stats[0].translated, 3);
        assert!(stats[0].p50_ms.is_some());
        assert_eq!(stats[1].translated, 3);
        assert_eq!(
            stats[1].p50_ms, None,
            "pass-throughs have no engine latency"
        );
    }

    /// A full queue drops lines for that language and counts them; nothing is lost
    /// silently: translated + failed + dropped = pushed.
    #[test]
    fn a_full_queue_drops_and_counts() {
        let t = apertium();
        let n = Arc::new(Mutex::new(0u64));
        let sink = n.clone();
        let mut live = Live::start(t, &[Lang::parse("es").unwrap()], 1, move |_| {
            *sink.lock().unwrap() += 1;
        })
        .unwrap();
        for i in 0..50 {
            live.push(line(i, "We should move on to the next item."));
        }
        let s = live.close().remove(0);
        assert_eq!(s.translated + s.failed + s.dropped, 50, "{s:?}");
        assert_eq!(*n.lock().unwrap(), s.translated + s.failed);
    }

    /// A line whose language nobody knows is counted failed in every language, with
    /// the reason, instead of vanishing.
    #[test]
    fn a_rejected_line_counts_as_failed_everywhere() {
        let targets = [Lang::parse("es").unwrap(), Lang::parse("ca").unwrap()];
        let mut live = Live::start(apertium(), &targets, 4, |_| {}).unwrap();
        live.reject("language unknown");
        let stats = live.close();
        for s in &stats {
            assert_eq!((s.translated, s.failed, s.dropped), (0, 1, 0), "{s:?}");
            assert_eq!(s.last_error.as_deref(), Some("language unknown"));
        }
    }

    /// Languages change while lines flow: a kept one goes on, an added one starts with
    /// the next line, a removed one finishes its queue and stops.
    #[test]
    fn targets_change_live() {
        let got = Arc::new(Mutex::new(Vec::new()));
        let sink = got.clone();
        let es = Lang::parse("es").unwrap();
        let en = Lang::parse("en").unwrap();
        let mut live = Live::start(
            apertium(),
            std::slice::from_ref(&es),
            8,
            move |o: Outcome| {
                sink.lock().unwrap().push((o.line.id, o.to.to_string()));
            },
        )
        .unwrap();
        let watch = live.watch();
        live.push(line(0, "Good morning."));
        live.set_targets(std::slice::from_ref(&en)).unwrap();
        assert_eq!(live.targets(), std::slice::from_ref(&en));
        assert_eq!(
            watch
                .stats()
                .iter()
                .map(|s| s.lang.clone())
                .collect::<Vec<_>>(),
            ["en"]
        );
        live.push(line(1, "Thank you."));
        live.set_targets(&[en, es]).unwrap();
        live.push(line(2, "See you soon."));
        let stats = live.close();
        let mut got = got.lock().unwrap().clone();
        got.sort();
        assert_eq!(
            got,
            [
                (0, "es".to_string()),
                (1, "en".to_string()),
                (2, "en".to_string()),
                (2, "es".to_string())
            ]
        );
        assert_eq!(stats.len(), 2);
    }
}
