//! `livetranslate`: the LiveTranslate whisper service's `POST {url}/transcribe/chunk`,
//! with the form fields its audio coordinator sent (`audio` = the chunk's WAV,
//! `session_id`, `chunk_id`, `chunk_sequence`, `chunk_start_time`, `chunk_end_time`,
//! `metadata` as JSON), so that service can be reused as it is. Its answer has `text`
//! and may have `language`, `confidence`, `segments` and `speaker_info`.

use std::time::Duration;

use serde::Deserialize;

use super::{Chunk, EngineResult, Request, Segment, Transcriber};
use crate::engine::EngineError;
use crate::engine::http::{Http, Multipart};

/// The LiveTranslate whisper service.
#[derive(Debug)]
pub struct LiveTranslate {
    http: Http,
    endpoint: String,
}

impl LiveTranslate {
    pub fn new(url: &str, connect: Duration, read: Duration) -> LiveTranslate {
        LiveTranslate {
            http: Http::new(connect, read),
            endpoint: format!("{}/transcribe/chunk", url.trim_end_matches('/')),
        }
    }
}

#[derive(Debug, Deserialize)]
struct Answer {
    text: Option<String>,
    language: Option<String>,
    confidence: Option<f64>,
    #[serde(default)]
    segments: Vec<AnswerSegment>,
    speaker_info: Option<serde_json::Value>,
}

#[derive(Debug, Deserialize)]
struct AnswerSegment {
    #[serde(default)]
    text: String,
    #[serde(default)]
    start: f64,
    #[serde(default)]
    end: f64,
    speaker: Option<String>,
}

impl Transcriber for LiveTranslate {
    fn name(&self) -> &'static str {
        "livetranslate"
    }

    fn transcribe(
        &self,
        chunk: &Chunk,
        wav: &[u8],
        request: &Request<'_>,
    ) -> Result<EngineResult, EngineError> {
        let metadata = serde_json::json!({
            "source_type": "bot_audio",
            "quality_score": chunk.quality.overall_quality_score,
            "overlap_metadata": {
                "overlap_applied": chunk.overlap_s > 0.0,
                "overlap_samples": (chunk.overlap_s * f64::from(super::ENGINE_RATE)).round() as u64,
                "overlap_duration": chunk.overlap_s,
            },
            "language": request.language.map(|l| l.code()),
        });
        let (content_type, body) = Multipart::new()
            .file("audio", "chunk.wav", "audio/wav", wav)
            .text("session_id", request.session)
            .text("chunk_id", &format!("{}-{}", request.session, chunk.seq))
            .text("chunk_sequence", &chunk.seq.to_string())
            .text("chunk_start_time", &format!("{:.3}", chunk.start_s))
            .text("chunk_end_time", &format!("{:.3}", chunk.end_s))
            .text("metadata", &metadata.to_string())
            .finish();
        let text = self.http.post(&self.endpoint, &content_type, &body, None)?;
        parse(&self.endpoint, &text, chunk.duration_s())
    }
}

fn parse(url: &str, text: &str, duration: f64) -> Result<EngineResult, EngineError> {
    let a: Answer = super::read_answer(url, text)?;
    let Some(full) = a.text else {
        return Err(super::no_text(url));
    };
    let speaker = a.speaker_info.as_ref().and_then(|s| {
        s.get("speaker_id")
            .or_else(|| s.get("speaker"))
            .and_then(|v| v.as_str())
            .map(str::to_string)
    });
    let clamp = super::within(duration);
    let mut segments: Vec<Segment> = a
        .segments
        .iter()
        .filter(|s| !s.text.trim().is_empty())
        .map(|s| Segment {
            text: s.text.trim().to_string(),
            start_s: clamp(s.start),
            end_s: clamp(s.end),
            confidence: a.confidence,
            speaker: s.speaker.clone().or_else(|| speaker.clone()),
            words: Vec::new(),
        })
        .collect();
    if segments.is_empty() && !full.trim().is_empty() {
        segments.push(Segment {
            text: full.trim().to_string(),
            start_s: 0.0,
            end_s: duration,
            confidence: a.confidence,
            speaker,
            words: Vec::new(),
        });
    }
    Ok(EngineResult {
        text: full.trim().to_string(),
        language: a.language,
        segments,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_services_answer_with_a_speaker() {
        let r = parse(
            "u",
            r#"{"text":"hola","language":"es","confidence":0.8,"speaker_info":{"speaker_id":"SPEAKER_01"}}"#,
            2.0,
        )
        .unwrap();
        assert_eq!(r.segments.len(), 1);
        assert_eq!(r.segments[0].speaker.as_deref(), Some("SPEAKER_01"));
        assert_eq!(r.segments[0].end_s, 2.0);
        assert!(parse("u", "[]", 1.0).is_err());
    }
}
