//! A blocking HTTP client with bounded time and size (over ureq), and multipart bodies.

use std::time::Duration;

use super::EngineError;

/// The largest answer read from an engine.
pub const MAX_BODY: u64 = 16 << 20;

/// An HTTP client for one engine.
#[derive(Debug, Clone)]
pub struct Http {
    agent: ureq::Agent,
    limit_s: f64,
}

impl Http {
    /// A client that gives up connecting after `connect` and on the whole answer after
    /// `connect + read`.
    pub fn new(connect: Duration, read: Duration) -> Http {
        let config = ureq::Agent::config_builder()
            .timeout_connect(Some(connect))
            .timeout_global(Some(connect + read))
            .http_status_as_error(false)
            .user_agent(format!("orch/{}", crate::VERSION))
            .build();
        Http {
            agent: config.into(),
            limit_s: (connect + read).as_secs_f64(),
        }
    }

    /// POST `body` to `url`; the answer's text on a 2xx status.
    pub fn post(
        &self,
        url: &str,
        content_type: &str,
        body: &[u8],
        bearer: Option<&str>,
    ) -> Result<String, EngineError> {
        let mut req = self.agent.post(url).header("Content-Type", content_type);
        if let Some(key) = bearer {
            req = req.header("Authorization", format!("Bearer {key}"));
        }
        let mut resp = req.send(body).map_err(|e| self.error(url, e))?;
        let status = resp.status().as_u16();
        let text = resp
            .body_mut()
            .with_config()
            .limit(MAX_BODY)
            .read_to_string()
            .map_err(|e| self.error(url, e))?;
        if !(200..300).contains(&status) {
            return Err(EngineError::Status {
                url: url.to_string(),
                status,
                detail: first_line(&text, 200),
            });
        }
        Ok(text)
    }

    /// GET `url`; whether it answered 2xx.
    pub fn ok(&self, url: &str) -> Result<bool, EngineError> {
        let resp = self.agent.get(url).call().map_err(|e| self.error(url, e))?;
        Ok(resp.status().is_success())
    }

    fn error(&self, url: &str, e: ureq::Error) -> EngineError {
        let timeout = || EngineError::Timeout {
            url: url.to_string(),
            limit_s: self.limit_s,
        };
        match e {
            ureq::Error::Timeout(_) => timeout(),
            ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::TimedOut => timeout(),
            ureq::Error::BodyExceedsLimit(n) => EngineError::BadAnswer {
                url: url.to_string(),
                detail: format!("the answer is larger than {n} bytes"),
            },
            ureq::Error::BadUri(d) => EngineError::Config(format!("bad engine URL {url}: {d}")),
            e => EngineError::Unreachable {
                url: url.to_string(),
                detail: e.to_string(),
            },
        }
    }
}

/// One route of an OpenAI-compatible server: its client, full URL and API key.
#[derive(Debug, Clone)]
pub struct OpenAiRoute {
    http: Http,
    /// The route's full URL.
    pub url: String,
    key: Option<String>,
}

impl OpenAiRoute {
    /// `path` (like `/v1/audio/transcriptions`) of the server at `base`, given with or
    /// without `/v1`; `key` is sent as a bearer token.
    pub fn new(
        base: &str,
        path: &str,
        key: Option<String>,
        connect: Duration,
        read: Duration,
    ) -> OpenAiRoute {
        let base = base.trim_end_matches('/').trim_end_matches("/v1");
        OpenAiRoute {
            http: Http::new(connect, read),
            url: format!("{base}{path}"),
            key,
        }
    }

    /// POST `body`; the answer's text on a 2xx status.
    pub fn post(&self, content_type: &str, body: &[u8]) -> Result<String, EngineError> {
        self.http
            .post(&self.url, content_type, body, self.key.as_deref())
    }
}

/// The first line of `text`, at most `max` characters.
pub fn first_line(text: &str, max: usize) -> String {
    let line = text.trim().lines().next().unwrap_or("");
    line.chars().take(max).collect()
}

/// A `multipart/form-data` body.
#[derive(Debug)]
pub struct Multipart {
    boundary: String,
    body: Vec<u8>,
}

impl Default for Multipart {
    fn default() -> Self {
        Self::new()
    }
}

impl Multipart {
    pub fn new() -> Multipart {
        // A boundary that cannot occur in the fields (text fields are checked below; the
        // file is binary, so the boundary carries the body's length and a time stamp).
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0);
        Multipart {
            boundary: format!("----orch-{nanos:032x}"),
            body: Vec::new(),
        }
    }

    fn head(&mut self, disposition: &str) {
        self.body.extend_from_slice(b"--");
        self.body.extend_from_slice(self.boundary.as_bytes());
        self.body
            .extend_from_slice(b"\r\nContent-Disposition: form-data; ");
        self.body.extend_from_slice(disposition.as_bytes());
        self.body.extend_from_slice(b"\r\n");
    }

    /// A text field.
    pub fn text(mut self, name: &str, value: &str) -> Multipart {
        self.head(&format!("name=\"{}\"", quote(name)));
        self.body.extend_from_slice(b"\r\n");
        self.body.extend_from_slice(value.as_bytes());
        self.body.extend_from_slice(b"\r\n");
        self
    }

    /// A file field.
    pub fn file(
        mut self,
        name: &str,
        filename: &str,
        content_type: &str,
        data: &[u8],
    ) -> Multipart {
        self.head(&format!(
            "name=\"{}\"; filename=\"{}\"",
            quote(name),
            quote(filename)
        ));
        self.body
            .extend_from_slice(format!("Content-Type: {content_type}\r\n\r\n").as_bytes());
        self.body.extend_from_slice(data);
        self.body.extend_from_slice(b"\r\n");
        self
    }

    /// The content type and the body.
    pub fn finish(mut self) -> (String, Vec<u8>) {
        self.body.extend_from_slice(b"--");
        self.body.extend_from_slice(self.boundary.as_bytes());
        self.body.extend_from_slice(b"--\r\n");
        (
            format!("multipart/form-data; boundary={}", self.boundary),
            self.body,
        )
    }
}

/// A field or file name as a quoted-string: no quotes, backslashes or line breaks.
fn quote(s: &str) -> String {
    s.chars()
        .map(|c| {
            if matches!(c, '"' | '\\' | '\r' | '\n') {
                '_'
            } else {
                c
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn multipart_bodies_frame_every_field() {
        let (ct, body) = Multipart::new()
            .text("model", "tiny.en")
            .file("file", "a\"b.wav", "audio/wav", b"RIFF\0\x01")
            .finish();
        let boundary = ct.strip_prefix("multipart/form-data; boundary=").unwrap();
        let text = String::from_utf8_lossy(&body);
        assert_eq!(text.matches(boundary).count(), 3);
        assert!(text.contains("name=\"model\"\r\n\r\ntiny.en\r\n"));
        assert!(text.contains("filename=\"a_b.wav\"\r\nContent-Type: audio/wav\r\n\r\nRIFF"));
        assert!(text.ends_with(&format!("--{boundary}--\r\n")));
    }

    #[test]
    fn an_address_nobody_listens_on_is_unreachable_not_a_hang() {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let http = Http::new(Duration::from_secs(2), Duration::from_secs(2));
        let e = http
            .post(
                &format!("http://127.0.0.1:{port}/x"),
                "text/plain",
                b"",
                None,
            )
            .unwrap_err();
        assert!(matches!(e, EngineError::Unreachable { .. }), "{e}");
        assert!(e.is_transient());
    }
}
