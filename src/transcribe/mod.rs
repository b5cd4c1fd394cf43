//! Speech to text: a bot's or a file's cleaned audio cut into chunks, sent to an engine,
//! and the chunk results merged into one transcript.
//!
//! The flow, one stage per file:
//! - [`resample`]: any rate and channel count to the engines' 16 kHz mono (rubato);
//! - [`chunker`]: chunks that end at a speech pause where there is one (the VAD), else
//!   at the quietest gap between words, else at the longest length with an overlap;
//!   chunks without speech are counted and not sent; each carries its lineage and the
//!   quality fields of [`quality`];
//! - the engine, behind [`Transcriber`], one file each: [`openai`] (any
//!   OpenAI-compatible `/v1/audio/transcriptions`) and [`livetranslate`] (the
//!   LiveTranslate whisper service); [`Engine`] adds the retries and circuit breaker of
//!   [`crate::engine`];
//! - [`merge`]: neighbouring chunk results joined without doubling the words of an
//!   overlap (by word times when the engine gives them, else by the longest common run
//!   of words at the seam);
//! - [`subtitles`]: SRT, WebVTT, text and JSON;
//! - [`file`]: all of it over files, in-process (`orch transcribe`);
//! - [`live`]: all of it for a bot, beside its audio thread, never holding it up.

pub mod chunker;
pub mod file;
pub mod live;
pub mod livetranslate;
pub mod merge;
pub mod openai;
pub mod quality;
pub mod resample;
pub mod speakers;
pub mod subtitles;

use std::io::Cursor;
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use crate::config::{TranscriptionConfig, TranscriptionEngine};
use crate::engine::{Breaker, BreakerSnapshot, EngineError, Guard, RetryPolicy};
use crate::lang::Lang;

pub use crate::records::Word;
pub use chunker::{Chunk, Chunker, ChunkingParams, Cut};
pub use merge::Merger;

/// The sample rate engines get.
pub const ENGINE_RATE: u32 = 16_000;

/// One segment of an engine's answer (a phrase or sentence).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Segment {
    pub text: String,
    pub start_s: f64,
    pub end_s: f64,
    /// 0 to 1: exp of the average log probability, when the engine gives it.
    pub confidence: Option<f64>,
    /// The engine's speaker label (diarization), when it gives one.
    pub speaker: Option<String>,
    /// The words with their times, when the engine gives them.
    pub words: Vec<Word>,
}

/// An engine's answer for one chunk; times from the chunk's start.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct EngineResult {
    pub text: String,
    pub language: Option<String>,
    pub segments: Vec<Segment>,
}

/// What an engine is asked besides the audio.
#[derive(Debug, Clone, Default)]
pub struct Request<'a> {
    /// The session the chunk belongs to (`file:NAME` for files).
    pub session: &'a str,
    pub language: Option<&'a Lang>,
    pub prompt: Option<&'a str>,
}

/// A speech-to-text engine: one chunk of 16 kHz mono audio to text.
pub trait Transcriber: Send + Sync {
    /// The engine's name as the configuration spells it.
    fn name(&self) -> &'static str;

    /// Transcribe one chunk (`wav`: 16-bit 16 kHz mono WAV). Blocks for the round trip,
    /// bounded by the engine's timeouts: call it from a worker thread.
    fn transcribe(
        &self,
        chunk: &Chunk,
        wav: &[u8],
        request: &Request<'_>,
    ) -> Result<EngineResult, EngineError>;
}

/// An engine behind its breaker and retries: what transcribes chunks.
/// Cheap to clone; clones share the engine and the breaker.
#[derive(Clone)]
pub struct Engine {
    inner: Arc<dyn Transcriber>,
    guard: Guard,
    language: Option<Lang>,
    prompt: Option<String>,
}

impl std::fmt::Debug for Engine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Engine")
            .field("engine", &self.inner.name())
            .finish()
    }
}

/// One chunk's transcription, with what it cost.
#[derive(Debug, Clone)]
pub struct ChunkResult {
    pub result: EngineResult,
    pub latency: Duration,
}

impl Engine {
    /// Wrap `inner` with a breaker and retry policy.
    pub fn new(inner: Arc<dyn Transcriber>, guard: Guard) -> Engine {
        Engine {
            inner,
            guard,
            language: None,
            prompt: None,
        }
    }

    /// The engine the `[transcription]` configuration names.
    pub fn from_config(cfg: &TranscriptionConfig) -> crate::Result<Engine> {
        let key = cfg.api_key()?;
        let connect = Duration::from_secs_f64(cfg.connect_timeout_s);
        let read = Duration::from_secs_f64(cfg.read_timeout_s);
        let url = cfg.url.trim_end_matches('/').to_string();
        let inner: Arc<dyn Transcriber> = match cfg.engine {
            TranscriptionEngine::Openai => Arc::new(openai::OpenAi::new(
                &url,
                cfg.model.clone(),
                key,
                connect,
                read,
            )),
            TranscriptionEngine::Livetranslate => {
                Arc::new(livetranslate::LiveTranslate::new(&url, connect, read))
            }
        };
        let breaker = Breaker::new(
            format!("{} at {url}", cfg.engine.name()),
            cfg.breaker_failures,
            Duration::from_secs_f64(cfg.breaker_open_s),
        );
        let policy = RetryPolicy {
            retries: cfg.retries,
            ..RetryPolicy::default()
        };
        let language = cfg.language.as_deref().map(Lang::parse).transpose()?;
        Ok(Engine {
            inner,
            guard: Guard::new(breaker, policy).observed("transcription", cfg.engine.name()),
            language,
            prompt: cfg.prompt.clone(),
        })
    }

    /// The same engine asked for another language.
    pub fn with_language(mut self, language: Option<Lang>) -> Engine {
        if language.is_some() {
            self.language = language;
        }
        self
    }

    /// The language asked for, if any.
    pub fn language(&self) -> Option<&Lang> {
        self.language.as_ref()
    }

    /// The engine's name.
    pub fn name(&self) -> &'static str {
        self.inner.name()
    }

    /// The breaker now.
    pub fn breaker(&self) -> BreakerSnapshot {
        self.guard.breaker().snapshot()
    }

    /// Transcribe one chunk through the breaker and retries. `context` is what was said
    /// just before (the previous chunk's text): its last words go to the engine after
    /// the configured prompt, as Whisper conditions on earlier text.
    pub fn transcribe(
        &self,
        session: &str,
        chunk: &Chunk,
        context: Option<&str>,
        on_breaker: impl FnMut(crate::engine::breaker::Transition),
    ) -> Result<ChunkResult, EngineError> {
        let wav = chunk.to_wav();
        let prompt = prompt(self.prompt.as_deref(), context);
        let request = Request {
            session,
            language: self.language.as_ref(),
            prompt: prompt.as_deref(),
        };
        let t0 = Instant::now();
        let result = self
            .guard
            .call(|| self.inner.transcribe(chunk, &wav, &request), on_breaker)?;
        Ok(ChunkResult {
            result,
            latency: t0.elapsed(),
        })
    }
}

/// Characters of earlier text sent as context (Whisper reads at most 224 tokens of it).
const CONTEXT_CHARS: usize = 200;

/// The configured prompt, then the last words of `context`.
fn prompt(configured: Option<&str>, context: Option<&str>) -> Option<String> {
    let context = context.map(str::trim).filter(|c| !c.is_empty()).map(|c| {
        if c.len() <= CONTEXT_CHARS {
            return c;
        }
        let mut from = c.len() - CONTEXT_CHARS;
        while !c.is_char_boundary(from) {
            from += 1;
        }
        let tail = &c[from..];
        tail.split_once(' ').map_or(tail, |(_, rest)| rest)
    });
    match (configured.map(str::trim).filter(|p| !p.is_empty()), context) {
        (Some(p), Some(c)) => Some(format!("{p} {c}")),
        (p, c) => p.or(c).map(str::to_string),
    }
}

/// An engine's JSON answer, or why it is not one.
fn read_answer<T: serde::de::DeserializeOwned>(url: &str, body: &str) -> Result<T, EngineError> {
    serde_json::from_str(body).map_err(|e| EngineError::BadAnswer {
        url: url.to_string(),
        detail: format!("not a transcription ({e})"),
    })
}

/// An answer without the transcription's text.
fn no_text(url: &str) -> EngineError {
    EngineError::BadAnswer {
        url: url.to_string(),
        detail: "no `text` in the answer".into(),
    }
}

/// Times from an engine, kept within the chunk (`0..=duration`; not-a-number is 0).
fn within(duration: f64) -> impl Fn(f64) -> f64 {
    move |t| {
        if t.is_finite() {
            t.clamp(0.0, duration)
        } else {
            0.0
        }
    }
}

/// 16-bit PCM WAV of mono samples at `rate`.
pub fn wav_bytes(samples: &[f32], rate: u32) -> Vec<u8> {
    let spec = hound::WavSpec {
        channels: 1,
        sample_rate: rate,
        bits_per_sample: 16,
        sample_format: hound::SampleFormat::Int,
    };
    let mut out = Cursor::new(Vec::with_capacity(44 + samples.len() * 2));
    {
        let mut w = hound::WavWriter::new(&mut out, spec).expect("WAV header into memory");
        let mut w16 = w.get_i16_writer(samples.len() as u32);
        for &s in samples {
            w16.write_sample((s.clamp(-1.0, 1.0) * 32767.0).round() as i16);
        }
        w16.flush().expect("WAV samples into memory");
        w.finalize().expect("WAV into memory");
    }
    out.into_inner()
}

/// One line of a transcript: times on the session clock.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Line {
    pub start_s: f64,
    pub end_s: f64,
    pub text: String,
    pub speaker: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub confidence: Option<f64>,
    /// The chunk it came from.
    pub chunk: u64,
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub words: Vec<Word>,
}

/// The words of `text` with times spread over `start..end` in proportion to their
/// length (a word and its following space): word times for lines whose engine gave none.
pub fn spread_words(text: &str, start: f64, end: f64) -> Vec<Word> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let total = words
        .iter()
        .map(|w| w.chars().count() + 1)
        .sum::<usize>()
        .max(1) as f64;
    let span = (end - start).max(0.0);
    let mut at = 0usize;
    words
        .iter()
        .map(|w| {
            let s = start + span * at as f64 / total;
            at += w.chars().count() + 1;
            Word {
                text: (*w).to_string(),
                start_s: s,
                end_s: start + span * at as f64 / total,
                probability: None,
            }
        })
        .collect()
}

/// The words of `text`, lowercased, without punctuation: what comparisons of
/// transcripts use.
pub fn normal_words(text: &str) -> Vec<String> {
    text.split_whitespace()
        .map(|w| {
            w.chars()
                .filter(|c| c.is_alphanumeric() || *c == '\'')
                .flat_map(char::to_lowercase)
                .collect::<String>()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// Word error rate of `hypothesis` against `reference`: (substitutions + deletions +
/// insertions) / reference words, on [`normal_words`].
pub fn word_error_rate(reference: &str, hypothesis: &str) -> f64 {
    let r = normal_words(reference);
    let h = normal_words(hypothesis);
    if r.is_empty() {
        return if h.is_empty() { 0.0 } else { 1.0 };
    }
    let mut prev: Vec<usize> = (0..=h.len()).collect();
    let mut cur = vec![0; h.len() + 1];
    for (i, rw) in r.iter().enumerate() {
        cur[0] = i + 1;
        for (j, hw) in h.iter().enumerate() {
            let sub = prev[j] + usize::from(rw != hw);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[h.len()] as f64 / r.len() as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_error_rate_counts_edits_over_reference_words() {
        assert_eq!(word_error_rate("the cat sat", "The cat, sat."), 0.0);
        assert!((word_error_rate("the cat sat", "the bat sat down") - 2.0 / 3.0).abs() < 1e-9);
        assert_eq!(word_error_rate("", ""), 0.0);
        assert_eq!(word_error_rate("a b", ""), 1.0);
    }

    #[test]
    fn chunks_go_out_as_16_bit_wav() {
        let wav = wav_bytes(&[0.0, 0.5, -1.0, 2.0], ENGINE_RATE);
        let r = hound::WavReader::new(Cursor::new(wav)).unwrap();
        assert_eq!(r.spec().sample_rate, 16_000);
        let s: Vec<i16> = r.into_samples().map(|s| s.unwrap()).collect();
        assert_eq!(s, vec![0, 16384, -32767, 32767]);
    }
}
