//! `livetranslate`: the LiveTranslate translation service's `POST {url}/api/translate`,
//! with the JSON its audio coordinator sent, so that service can be reused as it is:
//! `{session_id, text, source_language, target_language, speaker_id, speaker_name,
//! start_timestamp, end_timestamp, metadata: {transcript_id, chunk_id, confidence}}`.
//! What the line's [`LineContext`] does not know is sent as null. The answer is
//! `{translated_text}`.
//!
//! What may block: one request per line, bounded by the connect and read timeouts.

use std::time::Duration;

use serde::Deserialize;

use super::{Lang, LineContext, Translator};
use crate::engine::EngineError;
use crate::engine::http::Http;

/// The LiveTranslate translation service.
#[derive(Debug)]
pub struct LiveTranslate {
    http: Http,
    endpoint: String,
}

impl LiveTranslate {
    /// The service at `url` (its base, without `/api/translate`).
    pub fn new(url: &str, connect: Duration, read: Duration) -> LiveTranslate {
        LiveTranslate {
            http: Http::new(connect, read),
            endpoint: format!("{}/api/translate", url.trim_end_matches('/')),
        }
    }
}

#[derive(Debug, Deserialize)]
struct Answer {
    translated_text: Option<String>,
}

/// The request body for one line.
fn request(text: &str, from: &Lang, to: &Lang, c: &LineContext<'_>) -> serde_json::Value {
    serde_json::json!({
        "session_id": c.session,
        "text": text,
        "source_language": from.code(),
        "target_language": to.code(),
        "speaker_id": c.speaker,
        "speaker_name": c.speaker,
        "start_timestamp": c.start_s,
        "end_timestamp": c.end_s,
        "metadata": {
            "transcript_id": c.line_id,
            "chunk_id": null,
            "confidence": null,
        },
    })
}

impl Translator for LiveTranslate {
    fn name(&self) -> &'static str {
        "livetranslate"
    }

    fn translate(
        &self,
        text: &str,
        from: &Lang,
        to: &Lang,
        context: &LineContext<'_>,
    ) -> Result<String, EngineError> {
        let body = request(text, from, to, context).to_string();
        let answer = self
            .http
            .post(&self.endpoint, "application/json", body.as_bytes(), None)
            .map_err(super::server_message)?;
        parse(&self.endpoint, &answer)
    }
}

fn parse(url: &str, body: &str) -> Result<String, EngineError> {
    let a: Answer = super::read_answer(url, body)?;
    a.translated_text
        .map(|t| t.trim().to_string())
        .ok_or_else(|| super::no_text(url, "translated_text"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_services_answer() {
        let body = r#"{"translated_text":"Hola","source_language":"en","target_language":"es","confidence":0.9}"#;
        assert_eq!(parse("u", body).unwrap(), "Hola");
        assert!(matches!(
            parse("u", r#"{"text":"Hola"}"#),
            Err(EngineError::BadAnswer { .. })
        ));
    }

    #[test]
    fn the_request_carries_the_context_and_nulls_for_the_rest() {
        let (en, es) = (Lang::parse("en").unwrap(), Lang::parse("es").unwrap());
        let c = LineContext {
            session: Some("bot-1"),
            line_id: Some(7),
            speaker: Some("Speaker 2"),
            start_s: Some(1.5),
            end_s: Some(3.0),
        };
        let r = request("Hi", &en, &es, &c);
        assert_eq!(r["session_id"], "bot-1");
        assert_eq!(r["source_language"], "en");
        assert_eq!(r["target_language"], "es");
        assert_eq!(r["speaker_name"], "Speaker 2");
        assert_eq!(r["end_timestamp"], 3.0);
        assert_eq!(r["metadata"]["transcript_id"], 7);
        let r = request("Hi", &en, &es, &LineContext::default());
        assert!(r["session_id"].is_null() && r["start_timestamp"].is_null());
        assert_eq!(r["text"], "Hi");
    }
}
