//! Translation of transcript lines: engines behind one trait, a glossary, pass-through.
//!
//! The contract every engine keeps:
//! - **What may block.** [`Translator::translate`] blocks its thread for one line's
//!   round trip, bounded by the engine's timeouts: call it from a worker thread or
//!   `spawn_blocking`, never from an audio thread or a tokio worker.
//! - **When it is down.** A call fails with an [`EngineError`] naming the engine and
//!   what to do; it never panics and never hangs past its timeouts. An engine that
//!   needs a process (Apertium) restarts it on the next call.
//! - **Guarded.** [`LineTranslator`] calls every engine through a [`Guard`], as
//!   speech-to-text does: transient failures (no connection, timeouts, 5xx, a crashed
//!   pipeline) are retried with backoff, and a circuit breaker per engine opens after
//!   failures in a row. What an engine can never do ([`Translator::supports`]: a missing
//!   Apertium pair) is a permanent [`TranslateError`], checked before the call, never
//!   retried and never counted against the engine.
//! - **Who translates what.** [`LineTranslator`] wraps an engine with the glossary and
//!   the pass-through rule: a line whose language is the target is returned as it is,
//!   marked as the original, without calling the engine; so is a blank line.
//!
//! One file per engine: [`apertium`] (offline), [`libretranslate`], [`openai`] (any
//! OpenAI-compatible chat completions server) and [`livetranslate`] (the LiveTranslate
//! translation service). [`live`] runs a bot's lines through a `LineTranslator` into
//! each target language concurrently, without ever blocking the caller.

pub mod apertium;
mod glossary;
pub mod libretranslate;
pub mod live;
pub mod livetranslate;
pub mod openai;

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

pub use crate::lang::{Lang, UnknownLang};
pub use glossary::{Glossary, GlossaryError, Protected};

use crate::config::{TranslationConfig, TranslationEngine};
use crate::engine::breaker::Transition;
use crate::engine::{Breaker, BreakerSnapshot, EngineError, Guard, RetryPolicy};

/// A translation engine: one line from one language into another.
pub trait Translator: Send + Sync {
    /// The engine's name as the configuration spells it (`apertium`).
    fn name(&self) -> &'static str;

    /// Whether the engine can ever translate `from` -> `to` here; an error is permanent
    /// (not retried, not a failure of the engine). Default: every pair.
    fn supports(&self, _from: &Lang, _to: &Lang) -> Result<(), TranslateError> {
        Ok(())
    }

    /// Translate one line. Blocks for the round trip (bounded by the engine's timeouts).
    fn translate(
        &self,
        text: &str,
        from: &Lang,
        to: &Lang,
        context: &LineContext<'_>,
    ) -> Result<String, EngineError>;
}

/// What is known of a line besides its text, for engines that record it (LiveTranslate).
/// Every field may be missing; engines that do not use it ignore it.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct LineContext<'a> {
    /// The session the line belongs to (a bot's id).
    pub session: Option<&'a str>,
    /// The transcript line's id.
    pub line_id: Option<i64>,
    /// Who spoke it.
    pub speaker: Option<&'a str>,
    /// Start and end on the session clock, in seconds.
    pub start_s: Option<f64>,
    pub end_s: Option<f64>,
}

/// Why a line could not be translated.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum TranslateError {
    /// The engine cannot translate this pair here.
    #[error(
        "no Apertium pair for {from} -> {to} is installed in {} (looked for {looked_for}): {install}",
        dir.display()
    )]
    MissingPair {
        from: Lang,
        to: Lang,
        dir: PathBuf,
        looked_for: String,
        install: String,
    },
    /// The engine failed: unreachable, timing out, answering with an error, or rested
    /// by its circuit breaker.
    #[error(transparent)]
    Engine(#[from] EngineError),
    /// The glossary cannot be used.
    #[error(transparent)]
    Glossary(#[from] GlossaryError),
}

impl From<TranslateError> for crate::Error {
    fn from(e: TranslateError) -> crate::Error {
        match e {
            TranslateError::MissingPair { .. } => crate::Error::Missing(e.to_string()),
            TranslateError::Glossary(_) => crate::Error::Config(e.to_string()),
            TranslateError::Engine(e) => e.into(),
        }
    }
}

/// An engine's JSON answer, or why it is not one.
fn read_answer<T: serde::de::DeserializeOwned>(url: &str, body: &str) -> Result<T, EngineError> {
    serde_json::from_str(body).map_err(|e| EngineError::BadAnswer {
        url: url.to_string(),
        detail: format!("not a translation ({e})"),
    })
}

/// An answer without the translation in `field`.
fn no_text(url: &str, field: &str) -> EngineError {
    EngineError::BadAnswer {
        url: url.to_string(),
        detail: format!("no `{field}` in the answer"),
    }
}

/// An HTTP error with the server's own message when its body is JSON that carries one
/// (`{"error": "..."}`, `{"error": {"message": "..."}}`, `{"detail": "..."}`), so the
/// user reads "Invalid API key" rather than a JSON document.
fn server_message(e: EngineError) -> EngineError {
    let EngineError::Status {
        url,
        status,
        detail,
    } = e
    else {
        return e;
    };
    let message = serde_json::from_str::<serde_json::Value>(&detail)
        .ok()
        .and_then(|v| {
            let m = v.get("error").or_else(|| v.get("detail"))?;
            let m = m.get("message").unwrap_or(m);
            m.as_str().map(str::to_string)
        });
    EngineError::Status {
        url,
        status,
        detail: message.unwrap_or(detail),
    }
}

/// One translated line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Translation {
    /// The language translated into.
    pub lang: Lang,
    /// The translated text (the line itself when `original`).
    pub text: String,
    /// The engine that translated it, or `original` for a pass-through.
    pub engine: String,
    /// The line was already in the target language and is passed through as it is.
    pub original: bool,
    /// Time the engine took, in milliseconds (0 for a pass-through).
    pub latency_ms: f64,
}

/// An engine behind its breaker and retries, with the glossary and the pass-through
/// rule: what translates lines. Cheap to clone; clones share the engine and the breaker.
#[derive(Clone)]
pub struct LineTranslator {
    engine: Arc<dyn Translator>,
    guard: Guard,
    glossary: Arc<Glossary>,
}

impl std::fmt::Debug for LineTranslator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LineTranslator")
            .field("engine", &self.engine.name())
            .finish()
    }
}

impl LineTranslator {
    /// Wrap `engine` with `guard` (its breaker and retries) and `glossary`.
    pub fn new(engine: Arc<dyn Translator>, guard: Guard, glossary: Glossary) -> LineTranslator {
        LineTranslator {
            engine,
            guard,
            glossary: Arc::new(glossary),
        }
    }

    /// The engine, guard and glossary the `[translation]` configuration names.
    pub fn from_config(cfg: &TranslationConfig) -> crate::Result<LineTranslator> {
        let glossary = match &cfg.glossary {
            Some(path) => Glossary::load(path).map_err(TranslateError::from)?,
            None => Glossary::default(),
        };
        let connect = Duration::from_secs_f64(cfg.connect_timeout_s);
        let read = Duration::from_secs_f64(cfg.read_timeout_s);
        let name = cfg.engine.name();
        let url = match (&cfg.url, cfg.engine.is_http()) {
            (Some(url), true) => url.trim_end_matches('/').to_string(),
            (None, true) => {
                return Err(crate::Error::Config(format!(
                    "key `translation.url`: the {name} engine needs the URL of its server"
                )));
            }
            (_, false) => String::new(),
        };
        let key = cfg.api_key()?;
        let engine: Arc<dyn Translator> = match cfg.engine {
            TranslationEngine::Apertium => {
                Arc::new(apertium::Apertium::new(&cfg.apertium_dir, read))
            }
            TranslationEngine::Libretranslate => Arc::new(libretranslate::LibreTranslate::new(
                &url, key, connect, read,
            )),
            TranslationEngine::Openai => Arc::new(openai::OpenAi::new(
                &url,
                cfg.model.clone(),
                key,
                connect,
                read,
            )),
            TranslationEngine::Livetranslate => {
                Arc::new(livetranslate::LiveTranslate::new(&url, connect, read))
            }
        };
        let breaker = Breaker::new(
            if url.is_empty() {
                name.to_string()
            } else {
                format!("{name} at {url}")
            },
            cfg.breaker_failures,
            Duration::from_secs_f64(cfg.breaker_open_s),
        );
        let policy = RetryPolicy {
            retries: cfg.retries,
            ..RetryPolicy::default()
        };
        Ok(LineTranslator::new(
            engine,
            Guard::new(breaker, policy).observed("translation", name),
            glossary,
        ))
    }

    /// The engine's name.
    pub fn engine(&self) -> &'static str {
        self.engine.name()
    }

    /// The engine's breaker now.
    pub fn breaker(&self) -> BreakerSnapshot {
        self.guard.breaker().snapshot()
    }

    /// The same engine and breaker with another glossary (a bot's own).
    pub fn with_glossary(&self, glossary: Glossary) -> LineTranslator {
        LineTranslator {
            engine: self.engine.clone(),
            guard: self.guard.clone(),
            glossary: Arc::new(glossary),
        }
    }

    /// Translate one line from `from` into `to` without context, ignoring the breaker's
    /// changes of state (see [`LineTranslator::translate`]).
    pub fn line(&self, text: &str, from: &Lang, to: &Lang) -> Result<Translation, TranslateError> {
        self.translate(text, from, to, &LineContext::default(), |_| {})
    }

    /// Translate one line from `from` into `to`: passed through when the languages are
    /// the same or the line is blank, else with the glossary's terms protected, through
    /// the breaker and retries. `on_breaker` hears every change of the breaker's state.
    pub fn translate(
        &self,
        text: &str,
        from: &Lang,
        to: &Lang,
        context: &LineContext<'_>,
        on_breaker: impl FnMut(Transition),
    ) -> Result<Translation, TranslateError> {
        if from.same_language(to) || text.trim().is_empty() {
            return Ok(Translation {
                lang: to.clone(),
                text: text.to_string(),
                engine: "original".into(),
                original: true,
                latency_ms: 0.0,
            });
        }
        self.engine.supports(from, to)?;
        let protected = self.glossary.protect(text, to);
        let t0 = Instant::now();
        let out = self.guard.call(
            || self.engine.translate(&protected.text, from, to, context),
            on_breaker,
        )?;
        let latency_ms = t0.elapsed().as_secs_f64() * 1000.0;
        Ok(Translation {
            lang: to.clone(),
            text: protected.restore(&out),
            engine: self.engine.name().into(),
            original: false,
            latency_ms,
        })
    }
}

#[cfg(test)]
mod tests {
    use std::io::{Read, Write};
    use std::net::{SocketAddr, TcpListener};

    use super::*;
    use crate::engine::BreakerState;

    fn en_es() -> (Lang, Lang) {
        (Lang::parse("en").unwrap(), Lang::parse("es").unwrap())
    }

    /// An address nothing listens on (bound, then let go).
    fn dead_address() -> SocketAddr {
        TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
    }

    /// Answer one request on `listener` the way LibreTranslate does.
    fn answer_once(listener: TcpListener, translated: &'static str) {
        std::thread::spawn(move || {
            let (mut s, _) = listener.accept().unwrap();
            let mut buf = Vec::new();
            let mut chunk = [0u8; 4096];
            // The request is small: read until its JSON body is complete.
            while !buf.ends_with(b"}") {
                let n = s.read(&mut chunk).unwrap();
                if n == 0 {
                    break;
                }
                buf.extend_from_slice(&chunk[..n]);
            }
            let body = format!("{{\"translatedText\":\"{translated}\"}}");
            write!(
                s,
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            )
            .unwrap();
        });
    }

    #[test]
    fn the_breaker_opens_on_a_dead_engine_and_recovers_after_the_cool_down() {
        let addr = dead_address();
        let cfg = TranslationConfig {
            engine: TranslationEngine::Libretranslate,
            url: Some(format!("http://{addr}")),
            retries: 0,
            breaker_failures: 3,
            breaker_open_s: 0.3,
            connect_timeout_s: 2.0,
            read_timeout_s: 2.0,
            ..TranslationConfig::default()
        };
        let t = LineTranslator::from_config(&cfg).unwrap();
        let (en, es) = en_es();
        let none = LineContext::default();
        let mut seen = Vec::new();
        for _ in 0..3 {
            let e = t
                .translate("Hello.", &en, &es, &none, |tr| seen.push(tr.to))
                .unwrap_err();
            assert!(
                matches!(e, TranslateError::Engine(EngineError::Unreachable { .. })),
                "{e}"
            );
        }
        assert_eq!(seen, [BreakerState::Open]);
        let b = t.breaker();
        assert_eq!((b.state, b.failures, b.failed), (BreakerState::Open, 3, 3));
        assert_eq!(b.engine, format!("libretranslate at http://{addr}"));
        // While open, lines fail at once without a call, and say when to expect more.
        let e = t.line("Hello.", &en, &es).unwrap_err();
        assert!(
            matches!(e, TranslateError::Engine(EngineError::Open { .. })),
            "{e}"
        );
        assert!(matches!(crate::Error::from(e), crate::Error::Engine(_)));
        // The engine comes back at the same address; after the cool-down one trial
        // call goes through and closes the breaker.
        answer_once(TcpListener::bind(addr).unwrap(), "Hola.");
        std::thread::sleep(Duration::from_millis(350));
        let tr = t
            .translate("Hello.", &en, &es, &none, |tr| seen.push(tr.to))
            .unwrap();
        assert_eq!(
            (tr.text.as_str(), tr.engine.as_str()),
            ("Hola.", "libretranslate")
        );
        assert_eq!(
            seen,
            [
                BreakerState::Open,
                BreakerState::HalfOpen,
                BreakerState::Closed
            ]
        );
        assert_eq!(t.breaker().state, BreakerState::Closed);
    }

    #[test]
    fn a_missing_pair_is_permanent_and_no_failure_of_the_engine() {
        let cfg = TranslationConfig {
            apertium_dir: PathBuf::from("/nonexistent/apertium"),
            breaker_failures: 1,
            ..TranslationConfig::default()
        };
        let t = LineTranslator::from_config(&cfg).unwrap();
        let (en, es) = en_es();
        for _ in 0..3 {
            let e = t.line("Hello.", &en, &es).unwrap_err();
            assert!(matches!(e, TranslateError::MissingPair { .. }), "{e}");
        }
        let b = t.breaker();
        assert_eq!((b.state, b.failed), (BreakerState::Closed, 0));
        // Blank lines and lines already in the target language never reach the engine.
        assert!(t.line("  ", &en, &es).unwrap().original);
        assert!(t.line("Hello.", &en, &en).unwrap().original);
    }

    #[test]
    fn http_engines_need_a_url_and_their_key() {
        let cfg = TranslationConfig {
            engine: TranslationEngine::Openai,
            ..TranslationConfig::default()
        };
        let e = LineTranslator::from_config(&cfg).unwrap_err().to_string();
        assert!(e.contains("translation.url"), "{e}");
        let cfg = TranslationConfig {
            url: Some("http://127.0.0.1:1".into()),
            api_key_env: Some("ORCH_TEST_SURELY_UNSET_KEY".into()),
            ..cfg
        };
        let e = LineTranslator::from_config(&cfg).unwrap_err();
        assert!(matches!(e, crate::Error::Config(_)), "{e}");
        assert!(
            e.to_string()
                .contains("ORCH_TEST_SURELY_UNSET_KEY is not set"),
            "{e}"
        );
    }
}
