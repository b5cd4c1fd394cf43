//! `openai`: any OpenAI-compatible `POST {url}/v1/chat/completions` (Ollama, vLLM,
//! llama.cpp server, OpenAI) asked to translate: a fixed system instruction naming the
//! two languages, the line as the user's message, `temperature: 0`, the configured
//! `model`, and `Authorization: Bearer KEY` when the configuration names a variable
//! holding a key. The answer is `choices[0].message.content`, trimmed.
//!
//! The instruction asks for the translation only and for the glossary's placeholders
//! (`ZQX0`, `ZQX1`, ...) to be kept as they are, so glossary terms survive a model too.
//!
//! What may block: one request per line, bounded by the connect and read timeouts.

use std::time::Duration;

use serde::Deserialize;

use super::{Lang, LineContext, Translator};
use crate::engine::EngineError;
use crate::engine::http::OpenAiRoute;

/// An OpenAI-compatible chat completions server.
#[derive(Debug)]
pub struct OpenAi {
    route: OpenAiRoute,
    model: Option<String>,
}

impl OpenAi {
    /// A server at `url` (the base, with or without `/v1`).
    pub fn new(
        url: &str,
        model: Option<String>,
        key: Option<String>,
        connect: Duration,
        read: Duration,
    ) -> OpenAi {
        OpenAi {
            route: OpenAiRoute::new(url, "/v1/chat/completions", key, connect, read),
            model,
        }
    }
}

/// Names of common languages, for the instruction (others go by their code).
const NAMES: &[(&str, &str)] = &[
    ("ar", "Arabic"),
    ("ca", "Catalan"),
    ("de", "German"),
    ("en", "English"),
    ("es", "Spanish"),
    ("fr", "French"),
    ("hi", "Hindi"),
    ("it", "Italian"),
    ("ja", "Japanese"),
    ("ko", "Korean"),
    ("nl", "Dutch"),
    ("pl", "Polish"),
    ("pt", "Portuguese"),
    ("ru", "Russian"),
    ("sv", "Swedish"),
    ("tr", "Turkish"),
    ("uk", "Ukrainian"),
    ("zh", "Chinese"),
];

/// `Spanish (es)`, or the tag alone for a language without a name here.
fn language(l: &Lang) -> String {
    match NAMES.iter().find(|(code, _)| *code == l.code()) {
        Some((_, name)) => format!("{name} ({l})"),
        None => format!("the language with the tag {l}"),
    }
}

/// The system instruction for `from` -> `to`.
fn instruction(from: &Lang, to: &Lang) -> String {
    format!(
        "You are a translator. Translate the user's text from {} into {}. \
         Output only the translation: no notes, no quotes, no explanations. \
         Keep every token made of {} and digits (like {m}0 or {m}12) exactly as written.",
        language(from),
        language(to),
        super::glossary::MARK,
        m = super::glossary::MARK,
    )
}

#[derive(Debug, Deserialize)]
struct Answer {
    #[serde(default)]
    choices: Vec<Choice>,
}

#[derive(Debug, Deserialize)]
struct Choice {
    message: Option<Message>,
}

#[derive(Debug, Deserialize)]
struct Message {
    content: Option<String>,
}

impl Translator for OpenAi {
    fn name(&self) -> &'static str {
        "openai"
    }

    fn translate(
        &self,
        text: &str,
        from: &Lang,
        to: &Lang,
        _context: &LineContext<'_>,
    ) -> Result<String, EngineError> {
        let mut body = serde_json::json!({
            "messages": [
                {"role": "system", "content": instruction(from, to)},
                {"role": "user", "content": text},
            ],
            "temperature": 0,
            "stream": false,
        });
        if let Some(model) = &self.model {
            body["model"] = model.as_str().into();
        }
        let answer = self
            .route
            .post("application/json", body.to_string().as_bytes())
            .map_err(super::server_message)?;
        parse(&self.route.url, &answer)
    }
}

/// The first choice's message, trimmed.
fn parse(url: &str, body: &str) -> Result<String, EngineError> {
    let a: Answer = super::read_answer(url, body)?;
    a.choices
        .into_iter()
        .next()
        .and_then(|c| c.message)
        .and_then(|m| m.content)
        .map(|t| t.trim().to_string())
        .ok_or_else(|| super::no_text(url, "choices[0].message.content"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_choice_is_the_translation() {
        let body = r#"{"id":"x","object":"chat.completion","choices":[
            {"index":0,"message":{"role":"assistant","content":"\n Hola, ZQX0. \n"},"finish_reason":"stop"}]}"#;
        assert_eq!(parse("u", body).unwrap(), "Hola, ZQX0.");
        assert!(matches!(
            parse("u", r#"{"choices":[]}"#),
            Err(EngineError::BadAnswer { .. })
        ));
        assert!(matches!(
            parse("u", r#"{"choices":[{"message":{"content":null}}]}"#),
            Err(EngineError::BadAnswer { .. })
        ));
        assert!(matches!(
            parse("u", "nope"),
            Err(EngineError::BadAnswer { .. })
        ));
    }

    #[test]
    fn the_instruction_names_both_languages_and_the_placeholders() {
        let i = instruction(&Lang::parse("en").unwrap(), &Lang::parse("pt-BR").unwrap());
        assert!(
            i.contains("from English (en) into Portuguese (pt-BR)"),
            "{i}"
        );
        assert!(i.contains("ZQX0"), "{i}");
        let e = super::super::server_message(EngineError::Status {
            url: "u".into(),
            status: 401,
            detail: r#"{"error":{"message":"Incorrect API key provided","type":"invalid_request_error"}}"#.into(),
        });
        assert_eq!(
            e.to_string(),
            "u answered HTTP 401: Incorrect API key provided"
        );
    }

    #[test]
    fn the_endpoint_takes_a_base_with_or_without_v1() {
        let d = Duration::from_secs(1);
        for url in [
            "http://h:1",
            "http://h:1/",
            "http://h:1/v1",
            "http://h:1/v1/",
        ] {
            let e = OpenAi::new(url, None, None, d, d);
            assert_eq!(e.route.url, "http://h:1/v1/chat/completions", "{url}");
        }
    }
}
