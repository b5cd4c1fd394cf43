//! `orch translate` through the HTTP translation engines (`libretranslate`, `openai`,
//! `livetranslate`), end to end with the real binary and a config file naming the engine.
//!
//! The servers here are small stand-ins on loopback, written in this file: they stand in
//! for the real LibreTranslate, OpenAI-compatible and LiveTranslate services, which
//! cannot be installed here (and could not be told to fail on cue). They check the
//! shape of each request (path, JSON fields, the `Authorization` header present only
//! when a key is configured) and answer as the real services do. The failure cases
//! (5xx retried, garbage, a server that hangs) use `helper::engines::stand_in`.

mod helper;

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use helper::engines::{StandIn, stand_in};
use helper::{Env, Run, orch_bin};
use serde_json::{Value, json};

/// One request as a stand-in saw it.
#[derive(Debug, Clone)]
struct Seen {
    path: String,
    auth: Option<String>,
    body: Value,
}

type Log = Arc<Mutex<Vec<Seen>>>;

/// How a stand-in answers a request: a status and a JSON body.
type Reply = fn(&Seen) -> (u16, Value);

/// A stand-in server that records every request and answers it with `reply`'s status
/// and JSON body; returns its base URL and the record.
fn serve(reply: impl Fn(&Seen) -> (u16, Value) + Send + Sync + 'static) -> (String, Log) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let log: Log = Arc::default();
    let record = log.clone();
    let reply = Arc::new(reply);
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut s) = stream else { continue };
            let (record, reply) = (record.clone(), reply.clone());
            std::thread::spawn(move || {
                let Some(seen) = read_request(&mut s) else {
                    return;
                };
                let (status, body) = reply(&seen);
                record.lock().unwrap().push(seen);
                let body = body.to_string();
                let _ = write!(
                    s,
                    "HTTP/1.1 {status} X\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                    body.len()
                );
            });
        }
    });
    (url, log)
}

/// Read one HTTP request: its path, `Authorization` header and JSON body.
fn read_request(s: &mut TcpStream) -> Option<Seen> {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 8192];
    loop {
        let n = s.read(&mut chunk).ok()?;
        if n == 0 {
            return None;
        }
        buf.extend_from_slice(&chunk[..n]);
        let Some(end) = buf.windows(4).position(|w| w == b"\r\n\r\n") else {
            continue;
        };
        let head = String::from_utf8_lossy(&buf[..end]).to_string();
        let header = |name: &str| {
            head.lines().find_map(|l| {
                let (k, v) = l.split_once(':')?;
                k.eq_ignore_ascii_case(name).then(|| v.trim().to_string())
            })
        };
        let len: usize = header("content-length")?.parse().ok()?;
        if buf.len() < end + 4 + len {
            continue;
        }
        return Some(Seen {
            path: head.split_whitespace().nth(1)?.to_string(),
            auth: header("authorization"),
            body: serde_json::from_slice(&buf[end + 4..end + 4 + len]).ok()?,
        });
    }
}

/// What the stand-ins make of English: a few words in Spanish, the rest as it is
/// (placeholders included, as the real engines keep them).
fn spanish(text: &str) -> String {
    text.replace("Hello", "Hola").replace("moved", "movió")
}

/// An env whose config names `engine` at `url`, with `extra` lines in `[translation]`.
fn env_with(engine: &str, url: &str, extra: &str) -> Env {
    let env = Env::new();
    env.write_config(&format!(
        "[translation]\nengine = \"{engine}\"\nurl = \"{url}\"\n{extra}"
    ));
    env
}

/// `orch translate --from en --to es TEXT`, with `vars` set in its environment.
fn translate(env: &Env, text: &str, vars: &[(&str, &str)]) -> Run {
    let args = ["translate", "--from", "en", "--to", "es", text];
    let mut cmd = env.command(&orch_bin());
    cmd.args(args);
    for (k, v) in vars {
        cmd.env(k, v);
    }
    Run::new(format!("orch {}", args.join(" ")), cmd.output().unwrap())
}

fn libretranslate_reply(seen: &Seen) -> (u16, Value) {
    let q = seen.body["q"].as_str().unwrap_or_default();
    (200, json!({ "translatedText": spanish(q) }))
}

fn openai_reply(seen: &Seen) -> (u16, Value) {
    let text = seen.body["messages"][1]["content"]
        .as_str()
        .unwrap_or_default();
    (
        200,
        json!({"object": "chat.completion", "choices": [
            {"index": 0, "message": {"role": "assistant", "content": format!(" {}\n", spanish(text))}}
        ]}),
    )
}

fn livetranslate_reply(seen: &Seen) -> (u16, Value) {
    let text = seen.body["text"].as_str().unwrap_or_default();
    (
        200,
        json!({ "translated_text": spanish(text), "confidence": 0.9 }),
    )
}

#[test]
fn libretranslate_gets_the_documented_request_and_the_key_only_when_configured() {
    let (url, log) = serve(libretranslate_reply);
    let env = env_with("libretranslate", &url, "");
    translate(&env, "Hello world", &[])
        .ok()
        .stdout_has("Hola world");
    let seen = log.lock().unwrap().pop().unwrap();
    assert_eq!(seen.path, "/translate");
    assert_eq!(
        seen.body,
        json!({"q": "Hello world", "source": "en", "target": "es", "format": "text"})
    );
    assert_eq!(seen.auth, None);

    let env = env_with("libretranslate", &url, "api_key_env = \"LT_TEST_KEY\"\n");
    translate(&env, "Hello", &[("LT_TEST_KEY", "s3cret-key")])
        .ok()
        .stdout_has("Hola");
    let seen = log.lock().unwrap().pop().unwrap();
    assert_eq!(seen.body["api_key"], "s3cret-key");
    // The key is read from the environment, never shown.
    let mut cmd = env.command(&orch_bin());
    cmd.args(["config", "show"])
        .env("LT_TEST_KEY", "s3cret-key");
    let show = Run::new("orch config show".into(), cmd.output().unwrap());
    show.ok().stdout_has("api_key_env = \"LT_TEST_KEY\"");
    assert!(!show.stdout().contains("s3cret"), "{}", show.stdout());
    // A named variable that is not set is a configuration error (exit 5).
    translate(&env, "Hello", &[])
        .fails_with(5)
        .one_line_error()
        .stderr_has("LT_TEST_KEY is not set");
}

#[test]
fn openai_gets_a_chat_completion_with_a_bearer_key_only_when_configured() {
    let (url, log) = serve(openai_reply);
    let env = env_with("openai", &url, "model = \"qwen2.5:7b\"\n");
    let run = translate(&env, "Hello there", &[]);
    run.ok();
    assert_eq!(run.stdout(), "Hola there\n");
    let seen = log.lock().unwrap().pop().unwrap();
    assert_eq!(seen.path, "/v1/chat/completions");
    assert_eq!(seen.auth, None);
    assert_eq!(seen.body["model"], "qwen2.5:7b");
    assert_eq!(seen.body["temperature"], 0);
    let messages = seen.body["messages"].as_array().unwrap();
    assert_eq!(messages.len(), 2);
    assert_eq!(messages[0]["role"], "system");
    let system = messages[0]["content"].as_str().unwrap();
    assert!(
        system.contains("English (en)") && system.contains("Spanish (es)"),
        "{system}"
    );
    assert!(system.contains("ZQX"), "{system}");
    assert_eq!(
        messages[1],
        json!({"role": "user", "content": "Hello there"})
    );

    let env = env_with(
        "openai",
        &format!("{url}/v1"),
        "api_key_env = \"OAI_TEST_KEY\"\n",
    );
    translate(&env, "Hello", &[("OAI_TEST_KEY", "sk-test")])
        .ok()
        .stdout_has("Hola");
    let seen = log.lock().unwrap().pop().unwrap();
    assert_eq!(seen.path, "/v1/chat/completions");
    assert_eq!(seen.auth.as_deref(), Some("Bearer sk-test"));
    assert!(seen.body.get("model").is_none(), "{}", seen.body);
}

#[test]
fn livetranslate_gets_the_services_request() {
    let (url, log) = serve(livetranslate_reply);
    let env = env_with("livetranslate", &url, "");
    translate(&env, "Hello everyone", &[])
        .ok()
        .stdout_has("Hola everyone");
    let seen = log.lock().unwrap().pop().unwrap();
    assert_eq!(seen.path, "/api/translate");
    assert_eq!(seen.auth, None);
    let b = &seen.body;
    assert_eq!(b["text"], "Hello everyone");
    assert_eq!(b["source_language"], "en");
    assert_eq!(b["target_language"], "es");
    // `orch translate` knows no session, speaker or times: they go as null.
    for key in [
        "session_id",
        "speaker_id",
        "speaker_name",
        "start_timestamp",
        "end_timestamp",
    ] {
        assert!(b[key].is_null(), "{key}: {b}");
    }
    assert!(b["metadata"].is_object(), "{b}");
}

#[test]
fn glossary_terms_survive_every_http_engine() {
    let glossary_text = "keep = [\"Acme Cloud\"]\n[translate.es]\n\"meeting notes\" = \"acta\"\n";
    let text = "Hello, the meeting notes moved to Acme Cloud.";
    let replies: [(&str, Reply); 3] = [
        ("libretranslate", libretranslate_reply),
        ("openai", openai_reply),
        ("livetranslate", livetranslate_reply),
    ];
    for (engine, reply) in replies {
        let (url, log) = serve(reply);
        let env = env_with(engine, &url, "");
        let glossary = env.dir.path().join("glossary.toml");
        std::fs::write(&glossary, glossary_text).unwrap();
        let run = env.orch(&[
            "translate",
            "--from",
            "en",
            "--to",
            "es",
            "--glossary",
            glossary.to_str().unwrap(),
            text,
        ]);
        run.ok();
        assert_eq!(
            run.stdout(),
            "Hola, the acta movió to Acme Cloud.\n",
            "{engine}"
        );
        // The engine saw placeholders, never the terms.
        let sent = log.lock().unwrap().pop().unwrap().body.to_string();
        assert!(sent.contains("ZQX"), "{engine}: {sent}");
        assert!(
            !sent.contains("Acme") && !sent.contains("meeting notes"),
            "{engine}: {sent}"
        );
    }
}

#[test]
fn a_refusal_is_one_line_with_the_servers_message_and_not_retried() {
    let (url, log) = serve(|_| (403, json!({"error": "Invalid API key"})));
    let env = env_with("libretranslate", &url, "retries = 3\n");
    translate(&env, "Hello", &[])
        .fails_with(6)
        .one_line_error()
        .stderr_has(&format!(
            "{url}/translate answered HTTP 403: Invalid API key"
        ));
    assert_eq!(log.lock().unwrap().len(), 1);
}

#[test]
fn server_errors_are_retried_then_fail() {
    let (url, count) = stand_in(StandIn::Fails);
    let env = env_with("openai", &url, "retries = 2\n");
    translate(&env, "Hello", &[])
        .fails_with(6)
        .one_line_error()
        .stderr_has("answered HTTP 500: model crashed");
    assert_eq!(count.load(std::sync::atomic::Ordering::SeqCst), 3);
}

#[test]
fn garbage_answers_fail_without_retries() {
    let (url, count) = stand_in(StandIn::Garbage);
    let env = env_with("livetranslate", &url, "retries = 2\n");
    translate(&env, "Hello", &[])
        .fails_with(6)
        .one_line_error()
        .stderr_has("sent an answer orch cannot read");
    assert_eq!(count.load(std::sync::atomic::Ordering::SeqCst), 1);
}

#[test]
fn a_hanging_server_times_out() {
    let (url, _) = stand_in(StandIn::Hangs);
    let env = env_with(
        "libretranslate",
        &url,
        "connect_timeout_s = 0.5\nread_timeout_s = 0.5\nretries = 0\n",
    );
    let t0 = Instant::now();
    translate(&env, "Hello", &[])
        .fails_with(6)
        .one_line_error()
        .stderr_has("no answer from")
        .stderr_has("within 1 s");
    assert!(t0.elapsed() < Duration::from_secs(10), "{:?}", t0.elapsed());
}

#[test]
fn the_configuration_is_checked() {
    let env = Env::new();
    let cases = [
        ("engine = \"openai\"\n", "key `translation.url`"),
        (
            "engine = \"libretranslate\"\nurl = \"ftp://x\"\n",
            "`ftp://x` is not an http:// or https:// URL",
        ),
        ("read_timeout_s = 0.0\n", "key `translation.read_timeout_s`"),
        ("retries = 11\n", "key `translation.retries`"),
        (
            "breaker_failures = 0\n",
            "key `translation.breaker_failures`",
        ),
        (
            "breaker_open_s = -1.0\n",
            "key `translation.breaker_open_s`",
        ),
        (
            "api_key_env = \"NOT A VAR\"\n",
            "key `translation.api_key_env`",
        ),
    ];
    for (lines, message) in cases {
        env.write_config(&format!("[translation]\n{lines}"));
        translate(&env, "Hello", &[])
            .fails_with(5)
            .one_line_error()
            .stderr_has(message);
    }
    // Files that still use the old name of the read timeout keep working.
    env.write_config("[translation]\ntimeout_s = 12.5\n");
    env.orch(&["config", "show"])
        .ok()
        .stdout_has("read_timeout_s = 12.5");
}
