//! `libretranslate`: a LibreTranslate server's `POST {url}/translate` with JSON
//! `{q, source, target, format: "text", api_key?}`; the answer is `{translatedText}`.
//! The server explains refusals as `{error: "..."}` (a wrong key, an unknown language):
//! that message is what the error shows. The key, when the configuration names a
//! variable holding one, goes in the body as `api_key`, as LibreTranslate expects.
//!
//! What may block: one request per line, bounded by the connect and read timeouts.

use std::time::Duration;

use serde::Deserialize;

use super::{Lang, LineContext, Translator};
use crate::engine::EngineError;
use crate::engine::http::Http;

/// A LibreTranslate server.
#[derive(Debug)]
pub struct LibreTranslate {
    http: Http,
    endpoint: String,
    key: Option<String>,
}

impl LibreTranslate {
    /// A server at `url` (its base, without `/translate`).
    pub fn new(
        url: &str,
        key: Option<String>,
        connect: Duration,
        read: Duration,
    ) -> LibreTranslate {
        LibreTranslate {
            http: Http::new(connect, read),
            endpoint: format!("{}/translate", url.trim_end_matches('/')),
            key,
        }
    }
}

#[derive(Debug, Deserialize)]
struct Answer {
    #[serde(rename = "translatedText")]
    translated_text: Option<String>,
    error: Option<String>,
}

impl Translator for LibreTranslate {
    fn name(&self) -> &'static str {
        "libretranslate"
    }

    fn translate(
        &self,
        text: &str,
        from: &Lang,
        to: &Lang,
        _context: &LineContext<'_>,
    ) -> Result<String, EngineError> {
        let mut body = serde_json::json!({
            "q": text,
            "source": from.code(),
            "target": to.code(),
            "format": "text",
        });
        if let Some(key) = &self.key {
            body["api_key"] = key.as_str().into();
        }
        let answer = self
            .http
            .post(
                &self.endpoint,
                "application/json",
                body.to_string().as_bytes(),
                None,
            )
            .map_err(super::server_message)?;
        parse(&self.endpoint, &answer)
    }
}

/// The server's answer as the translated text.
fn parse(url: &str, body: &str) -> Result<String, EngineError> {
    let a: Answer = super::read_answer(url, body)?;
    match (a.translated_text, a.error) {
        (Some(t), _) => Ok(t.trim().to_string()),
        (None, Some(error)) => Err(EngineError::BadAnswer {
            url: url.to_string(),
            detail: error,
        }),
        (None, None) => Err(super::no_text(url, "translatedText")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_and_refusals() {
        assert_eq!(
            parse("u", r#"{"translatedText":" Hola mundo "}"#).unwrap(),
            "Hola mundo"
        );
        let e = parse("u", r#"{"error":"target language not supported"}"#).unwrap_err();
        assert!(
            e.to_string().contains("target language not supported"),
            "{e}"
        );
        assert!(matches!(
            parse("u", "{}"),
            Err(EngineError::BadAnswer { .. })
        ));
        assert!(matches!(
            parse("u", "<html>"),
            Err(EngineError::BadAnswer { .. })
        ));
    }

    #[test]
    fn http_errors_carry_the_servers_message() {
        let e = super::super::server_message(EngineError::Status {
            url: "u".into(),
            status: 403,
            detail: r#"{"error":"Invalid API key"}"#.into(),
        });
        assert_eq!(e.to_string(), "u answered HTTP 403: Invalid API key");
        assert!(!e.is_transient());
    }
}
