//! Translation of transcript lines: engines behind one trait, a glossary, pass-through.
//!
//! The contract every engine keeps:
//! - **What may block.** [`Translator::translate`] blocks its thread for one line's
//!   round trip, bounded by the engine's timeout: call it from a worker thread or
//!   `spawn_blocking`, never from an audio thread or a tokio worker.
//! - **When it is down.** A call fails with a [`TranslateError`] naming the engine and
//!   what to do; it never panics and never hangs past its timeout. An engine that
//!   needs a process (Apertium) restarts it on the next call.
//! - **Who translates what.** [`LineTranslator`] wraps an engine with the glossary and
//!   the pass-through rule: a line whose language is the target is returned as it is,
//!   marked as the original, without calling the engine.
//!
//! One file per engine: [`apertium`]. [`live`] runs a bot's lines through a
//! `LineTranslator` into each target language concurrently, without ever blocking the
//! caller.

pub mod apertium;
mod glossary;
pub mod live;

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

pub use crate::lang::{Lang, UnknownLang};
pub use glossary::{Glossary, GlossaryError, Protected};

use crate::config::{TranslationConfig, TranslationEngine};

/// A translation engine: one line from one language into another.
pub trait Translator: Send + Sync {
    /// The engine's name as the configuration spells it (`apertium`).
    fn name(&self) -> &'static str;

    /// Translate one line. Blocks for the round trip (bounded by the engine's timeout).
    fn translate(&self, text: &str, from: &Lang, to: &Lang) -> Result<String, TranslateError>;
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
    /// A program the engine needs could not be started.
    #[error("cannot start {program}: {detail}")]
    Start { program: String, detail: String },
    /// The engine's process failed.
    #[error("the Apertium pipeline {pair} failed: {detail}")]
    Pipeline { pair: String, detail: String },
    /// No answer within the time limit.
    #[error("no translation from {what} within {limit_s} s")]
    Timeout { what: String, limit_s: f64 },
    /// The glossary cannot be used.
    #[error(transparent)]
    Glossary(#[from] GlossaryError),
}

impl From<TranslateError> for crate::Error {
    fn from(e: TranslateError) -> crate::Error {
        match e {
            TranslateError::MissingPair { .. } => crate::Error::Missing(e.to_string()),
            TranslateError::Glossary(_) => crate::Error::Config(e.to_string()),
            _ => crate::Error::Other(e.to_string()),
        }
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

/// An engine with the glossary and the pass-through rule: what translates lines.
/// Cheap to clone (the engine is shared).
#[derive(Clone)]
pub struct LineTranslator {
    engine: Arc<dyn Translator>,
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
    /// Wrap `engine` with `glossary`.
    pub fn new(engine: Arc<dyn Translator>, glossary: Glossary) -> LineTranslator {
        LineTranslator {
            engine,
            glossary: Arc::new(glossary),
        }
    }

    /// The engine and glossary the `[translation]` configuration names.
    pub fn from_config(cfg: &TranslationConfig) -> Result<LineTranslator, TranslateError> {
        let glossary = match &cfg.glossary {
            Some(path) => Glossary::load(path)?,
            None => Glossary::default(),
        };
        let timeout = Duration::from_secs_f64(cfg.timeout_s);
        let engine: Arc<dyn Translator> = match cfg.engine {
            TranslationEngine::Apertium => {
                Arc::new(apertium::Apertium::new(&cfg.apertium_dir, timeout))
            }
        };
        Ok(LineTranslator::new(engine, glossary))
    }

    /// The engine's name.
    pub fn engine(&self) -> &'static str {
        self.engine.name()
    }

    /// The same engine with another glossary (a bot's own).
    pub fn with_glossary(&self, glossary: Glossary) -> LineTranslator {
        LineTranslator {
            engine: self.engine.clone(),
            glossary: Arc::new(glossary),
        }
    }

    /// Translate one line from `from` into `to`: passed through when the languages are
    /// the same, else with the glossary's terms protected.
    pub fn line(&self, text: &str, from: &Lang, to: &Lang) -> Result<Translation, TranslateError> {
        if from.same_language(to) {
            return Ok(Translation {
                lang: to.clone(),
                text: text.to_string(),
                engine: "original".into(),
                original: true,
                latency_ms: 0.0,
            });
        }
        let protected = self.glossary.protect(text, to);
        let t0 = Instant::now();
        let out = self.engine.translate(&protected.text, from, to)?;
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
