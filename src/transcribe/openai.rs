//! `openai`: any OpenAI-compatible `POST {url}/v1/audio/transcriptions` (faster-whisper-
//! server, speaches, vLLM, OpenAI, Groq): multipart WAV with `model`, `language`,
//! `prompt`, `temperature=0`, `response_format=verbose_json` and word and segment
//! timestamps; the answer's segments and words are used when it has them, its text
//! otherwise.
//!
//! Segments the engine itself marks as probably not speech (`no_speech_prob` over 0.6
//! with an average log probability under -1, Whisper's own rule) are dropped: they are
//! what Whisper invents over breath and noise.

use std::time::Duration;

use serde::Deserialize;

use super::{Chunk, EngineResult, Request, Segment, Transcriber, Word};
use crate::engine::EngineError;
use crate::engine::http::{Multipart, OpenAiRoute};

/// The OpenAI-compatible engine.
#[derive(Debug)]
pub struct OpenAi {
    route: OpenAiRoute,
    model: Option<String>,
}

impl OpenAi {
    /// An engine at `url` (the base, with or without `/v1`).
    pub fn new(
        url: &str,
        model: Option<String>,
        key: Option<String>,
        connect: Duration,
        read: Duration,
    ) -> OpenAi {
        OpenAi {
            route: OpenAiRoute::new(url, "/v1/audio/transcriptions", key, connect, read),
            model,
        }
    }
}

#[derive(Debug, Deserialize)]
struct Answer {
    text: Option<String>,
    language: Option<String>,
    #[serde(default)]
    segments: Vec<AnswerSegment>,
    #[serde(default)]
    words: Vec<AnswerWord>,
}

#[derive(Debug, Deserialize)]
struct AnswerSegment {
    #[serde(default)]
    text: String,
    #[serde(default)]
    start: f64,
    #[serde(default)]
    end: f64,
    avg_logprob: Option<f64>,
    no_speech_prob: Option<f64>,
    speaker: Option<String>,
    #[serde(default)]
    words: Vec<AnswerWord>,
}

#[derive(Debug, Deserialize)]
struct AnswerWord {
    word: String,
    start: f64,
    end: f64,
    probability: Option<f64>,
}

impl AnswerWord {
    fn word(&self) -> Word {
        Word {
            text: self.word.trim().to_string(),
            start_s: self.start,
            end_s: self.end,
            probability: self.probability,
        }
    }
}

impl Transcriber for OpenAi {
    fn name(&self) -> &'static str {
        "openai"
    }

    fn transcribe(
        &self,
        chunk: &Chunk,
        wav: &[u8],
        request: &Request<'_>,
    ) -> Result<EngineResult, EngineError> {
        let mut form = Multipart::new()
            .file(
                "file",
                &format!("chunk-{}.wav", chunk.seq),
                "audio/wav",
                wav,
            )
            .text("response_format", "verbose_json")
            .text("temperature", "0")
            .text("timestamp_granularities[]", "word")
            .text("timestamp_granularities[]", "segment");
        if let Some(m) = &self.model {
            form = form.text("model", m);
        }
        if let Some(l) = request.language {
            form = form.text("language", l.code());
        }
        if let Some(p) = request.prompt {
            form = form.text("prompt", p);
        }
        let (content_type, body) = form.finish();
        let text = self.route.post(&content_type, &body)?;
        parse(&self.route.url, &text, chunk.duration_s())
    }
}

/// The engine's answer as a result; `duration` bounds the times.
fn parse(url: &str, text: &str, duration: f64) -> Result<EngineResult, EngineError> {
    let a: Answer = super::read_answer(url, text)?;
    let Some(full) = a.text else {
        return Err(super::no_text(url));
    };
    let clamp = super::within(duration);
    let mut segments: Vec<Segment> = a
        .segments
        .iter()
        .filter(|s| !(s.no_speech_prob.unwrap_or(0.0) > 0.6 && s.avg_logprob.unwrap_or(0.0) < -1.0))
        .filter(|s| !s.text.trim().is_empty())
        .map(|s| Segment {
            text: s.text.trim().to_string(),
            start_s: clamp(s.start),
            end_s: clamp(s.end),
            confidence: s.avg_logprob.map(|l| l.exp().clamp(0.0, 1.0)),
            speaker: s.speaker.clone(),
            words: s.words.iter().map(AnswerWord::word).collect(),
        })
        .collect();
    // Top-level words (OpenAI's shape): hand each to the segment it falls in.
    if !a.words.is_empty() && segments.iter().all(|s| s.words.is_empty()) {
        for w in &a.words {
            let mid = (w.start + w.end) / 2.0;
            if let Some(s) = segments.iter_mut().find(|s| mid < s.end_s + 1e-6).or(None) {
                s.words.push(w.word());
            } else if let Some(s) = segments.last_mut() {
                s.words.push(w.word());
            }
        }
    }
    if a.segments.is_empty() && !full.trim().is_empty() {
        segments.push(Segment {
            text: full.trim().to_string(),
            start_s: 0.0,
            end_s: duration,
            confidence: None,
            speaker: None,
            words: a.words.iter().map(AnswerWord::word).collect(),
        });
    }
    for s in &mut segments {
        for w in &mut s.words {
            w.start_s = clamp(w.start_s);
            w.end_s = clamp(w.end_s);
        }
    }
    Ok(EngineResult {
        text: full.trim().to_string(),
        language: a.language.map(|l| language_code(&l)),
        segments,
    })
}

/// Whisper names languages in full (`english`) through OpenAI and by code elsewhere.
fn language_code(l: &str) -> String {
    const NAMES: [(&str, &str); 12] = [
        ("english", "en"),
        ("spanish", "es"),
        ("french", "fr"),
        ("german", "de"),
        ("italian", "it"),
        ("portuguese", "pt"),
        ("dutch", "nl"),
        ("catalan", "ca"),
        ("chinese", "zh"),
        ("japanese", "ja"),
        ("russian", "ru"),
        ("korean", "ko"),
    ];
    let lower = l.trim().to_ascii_lowercase();
    NAMES
        .iter()
        .find(|(n, _)| *n == lower)
        .map(|(_, c)| (*c).to_string())
        .unwrap_or(lower)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verbose_json_with_top_level_words_and_invented_segments() {
        let answer = r#"{"text":" Hello there. Thanks.","language":"english","duration":3.0,
            "segments":[{"text":" Hello there.","start":0.0,"end":1.5,"avg_logprob":-0.2,"no_speech_prob":0.01},
                        {"text":" Thanks.","start":1.5,"end":3.4,"avg_logprob":-1.5,"no_speech_prob":0.9}],
            "words":[{"word":" Hello","start":0.1,"end":0.5},{"word":" there.","start":0.6,"end":1.2}]}"#;
        let r = parse("u", answer, 3.0).unwrap();
        assert_eq!(r.language.as_deref(), Some("en"));
        assert_eq!(r.segments.len(), 1);
        assert_eq!(r.segments[0].words.len(), 2);
        assert_eq!(r.segments[0].words[1].text, "there.");
        assert!((r.segments[0].confidence.unwrap() - (-0.2f64).exp()).abs() < 1e-12);
    }

    #[test]
    fn answers_that_are_not_transcriptions_are_errors() {
        assert!(matches!(
            parse("u", "<html>", 1.0),
            Err(EngineError::BadAnswer { .. })
        ));
        assert!(matches!(
            parse("u", "{\"segments\":[]}", 1.0),
            Err(EngineError::BadAnswer { .. })
        ));
        let plain = parse("u", "{\"text\":\"hi\"}", 1.0).unwrap();
        assert_eq!((plain.segments.len(), plain.segments[0].end_s), (1, 1.0));
    }
}
