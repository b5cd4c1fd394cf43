//! Live translation and captions through a real orchd, the real speech-to-text engine
//! (faster-whisper-server, Whisper tiny.en) and real Apertium (Debian `apertium-eng-spa`),
//! all installed by scripts/engines: a file bot spawned with `--target-language es`
//! gives Spanish captions equal to what `apertium -u eng-spa` makes of each transcript
//! line, glossary terms survive, a missing pair fails clearly without stopping the
//! bot, and bilingual SRT and WebVTT parse with the standard parsers (Python's `srt`
//! and `webvtt-py`).

mod helper;

use std::process::Command;
use std::time::Duration;

use helper::Env;
use helper::engines::{apertium, paragraph, whisper_url};

const SENTENCES: &[&str] = &[
    "Good morning everyone, thank you for coming today.",
    "Please remember to send the budget report before Friday.",
    "The new library opens downtown in early spring.",
];

/// Run a Python check over a file; its stdout.
fn python(script: &str, file: &std::path::Path) -> String {
    let out = Command::new("python3")
        .args(["-c", script, file.to_str().unwrap()])
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn a_bot_with_target_languages_gives_live_captions_and_bilingual_subtitles() {
    let env = Env::new();
    let glossary = env.dir.path().join("glossary.toml");
    std::fs::write(&glossary, "keep = [\"Friday\"]\n").unwrap();
    env.write_config(&format!("[transcription]\nurl = \"{}\"\n", whisper_url()));
    let _d = env.daemon(&[]);
    let wav = env.dir.path().join("talk.wav");
    paragraph(&wav, SENTENCES, 0.5);
    let run = env.orch(&[
        "--json",
        "bot",
        "spawn",
        "--kind",
        "file",
        "--source",
        wav.to_str().unwrap(),
        "--speed",
        "2",
        "--transcribe",
        "--language",
        "en",
        "--target-language",
        "es",
        "--target-language",
        "ja",
        // This bot's own glossary.
        "--glossary",
        glossary.to_str().unwrap(),
    ]);
    run.ok();
    let id = run.json()["id"].as_str().unwrap().to_string();
    // While it runs, its status shows each language's figures.
    helper::wait_for(Duration::from_secs(60), "a line to be translated", || {
        let b = env.orch(&["--json", "bot", "status", &id]).json();
        b["translation"][0]["translated"].as_u64().unwrap_or(0) >= 1 || b["state"] == "stopped"
    });

    // Captions follow the bot until it ends: lines, then their translations.
    let captions = env.orch(&["--json", "captions", &id, "--lang", "es"]);
    captions.ok();
    let objects: Vec<serde_json::Value> = captions
        .stdout()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let lines: Vec<&serde_json::Value> = objects
        .iter()
        .filter(|o| o.get("chunk_seq").is_some())
        .collect();
    assert!(lines.len() >= 2, "{}", captions.stdout());
    let spanish = |line: &serde_json::Value| -> Vec<String> {
        let id = line["id"].as_i64().unwrap();
        objects
            .iter()
            .filter(|o| o["transcript_id"].as_i64() == Some(id))
            .chain(
                line["translations"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter(|t| t["target_language"] == "es"),
            )
            .map(|t| {
                assert_eq!(t["target_language"], "es", "{t}");
                t["text"].as_str().unwrap().to_string()
            })
            .collect()
    };
    let mut friday = false;
    for line in &lines {
        let text = line["text"].as_str().unwrap();
        let es = spanish(line);
        assert_eq!(es.len(), 1, "one Spanish caption for {text:?}: {es:?}");
        if text.contains("Friday") {
            // The glossary keeps the term as it is.
            friday = true;
            assert!(
                es[0].contains("Friday") && !es[0].to_lowercase().contains("viernes"),
                "{}",
                es[0]
            );
        } else {
            assert_eq!(es[0], apertium("eng-spa", text), "for {text:?}");
        }
    }
    assert!(friday, "no line said Friday: {}", captions.stdout());
    // The missing pair was an alert in the bot's history, naming what to install; the
    // bot still ended normally.
    let events = env
        .orch(&["--json", "events", "--bot", &id, "--no-follow"])
        .stdout();
    assert!(events.contains("translation into ja failed"), "{events}");
    assert!(events.contains("apertium"), "{events}");
    assert_eq!(
        env.orch(&["--json", "bot", "status", &id]).json()["state"],
        "stopped"
    );

    // The engine's breaker shows in the daemon's status.
    let status = env.orch(&["--json", "status"]).json();
    assert_eq!(status["translation"]["state"], "closed", "{status}");
    // The translated transcript, and bilingual subtitles that standard parsers read.
    let session = lines[0]["session_id"].as_str().unwrap().to_string();
    let es = env.orch(&["transcript", "show", &session, "--lang", "es"]);
    es.ok().stdout_has("es: ");
    let srt = env.dir.path().join("talk.srt");
    env.orch(&[
        "transcript",
        "export",
        &session,
        "--lang",
        "en,es",
        "--format",
        "srt",
        "-o",
        srt.to_str().unwrap(),
    ])
    .ok();
    let vtt = env.dir.path().join("talk.vtt");
    env.orch(&[
        "transcript",
        "export",
        &session,
        "--lang",
        "en,es",
        "--format",
        "vtt",
        "-o",
        vtt.to_str().unwrap(),
    ])
    .ok();
    let check = r#"
import sys, srt
subs = list(srt.parse(open(sys.argv[1]).read()))
assert subs, "no cues"
for a, b in zip(subs, subs[1:]):
    assert a.start <= a.end <= b.start, (a, b)
for s in subs:
    print(len(s.content.split("\n")))
"#;
    let counts = python(check, &srt);
    assert!(counts.lines().all(|n| n == "2"), "{counts}");
    let check = r#"
import sys, webvtt
caps = list(webvtt.read(sys.argv[1]))
assert caps, "no cues"
for a, b in zip(caps, caps[1:]):
    assert a.start_in_seconds <= a.end_in_seconds <= b.start_in_seconds, (a, b)
for c in caps:
    print(len(c.lines))
"#;
    let counts = python(check, &vtt);
    assert!(counts.lines().all(|n| n == "2"), "{counts}");
    let text = std::fs::read_to_string(&srt).unwrap();
    let first_es = spanish(lines[0]).remove(0);
    let first_words: Vec<&str> = first_es.split_whitespace().take(2).collect();
    assert!(text.contains(&first_words.join(" ")), "{text}");
    // A bad language code, or a glossary that cannot be read, is refused with exit 5.
    env.orch(&["transcript", "export", &session, "--lang", "xx"])
        .fails_with(5)
        .one_line_error();
    std::fs::write(&glossary, "keep = [\"Friday\"\n").unwrap();
    env.orch(&[
        "bot",
        "spawn",
        "--kind",
        "file",
        "--source",
        wav.to_str().unwrap(),
        "--target-language",
        "es",
        "--glossary",
        glossary.to_str().unwrap(),
    ])
    .fails_with(5)
    .one_line_error()
    .stderr_has("glossary");
}

#[test]
fn orch_transcribe_translate_writes_a_subtitle_file_per_language() {
    let env = Env::new();
    let wav = env.dir.path().join("talk.wav");
    paragraph(&wav, &SENTENCES[..2], 0.5);
    let url = whisper_url();
    // JSON: each line's translation, as Apertium gives it.
    let run = env.orch(&[
        "transcribe",
        "--url",
        url,
        "--language",
        "en",
        "--translate",
        "es",
        "--format",
        "json",
        wav.to_str().unwrap(),
    ]);
    run.ok();
    let report = run.json();
    let lines = report["lines"].as_array().unwrap();
    let es = report["translations"]["es"].as_array().unwrap();
    assert!(!lines.is_empty());
    assert_eq!(lines.len(), es.len());
    for (l, t) in lines.iter().zip(es) {
        assert_eq!(
            t.as_str().unwrap(),
            apertium("eng-spa", l["text"].as_str().unwrap())
        );
    }
    // Files: the original and one per language next to it.
    let out = env.dir.path().join("talk.srt");
    env.orch(&[
        "transcribe",
        "--url",
        url,
        "--language",
        "en",
        "--translate",
        "es",
        "-o",
        out.to_str().unwrap(),
        wav.to_str().unwrap(),
    ])
    .ok();
    let es_file = env.dir.path().join("talk.es.srt");
    let check = r#"
import sys, srt
subs = list(srt.parse(open(sys.argv[1]).read()))
for a, b in zip(subs, subs[1:]):
    assert a.start <= a.end <= b.start, (a, b)
print(" ".join(s.content.split(": ", 1)[1] for s in subs))
"#;
    let spanish = python(check, &es_file);
    let want: Vec<String> = es.iter().map(|t| t.as_str().unwrap().to_string()).collect();
    assert_eq!(
        spanish.split_whitespace().collect::<Vec<_>>(),
        want.join(" ").split_whitespace().collect::<Vec<_>>()
    );
    assert!(python(check, &out).contains("budget"));
    // An unknown language is refused before any work.
    env.orch(&[
        "transcribe",
        "--url",
        url,
        "--translate",
        "xx",
        wav.to_str().unwrap(),
    ])
    .fails_with(5)
    .one_line_error();
}

#[test]
fn a_translation_engine_that_is_down_opens_its_breaker_without_stopping_the_bot() {
    // Nothing listens on the translation port: every call fails to connect.
    let env = Env::new();
    let dead = helper::engines::free_port();
    let metrics = helper::engines::free_port();
    env.write_config(&format!(
        "[transcription]\nurl = \"{}\"\n[translation]\nengine = \"libretranslate\"\n\
         url = \"http://127.0.0.1:{dead}\"\nretries = 0\nbreaker_failures = 1\n\
         [metrics]\nlisten = \"127.0.0.1:{metrics}\"\n",
        whisper_url()
    ));
    let _d = env.daemon(&[]);
    let wav = env.dir.path().join("talk.wav");
    paragraph(&wav, &SENTENCES[..2], 0.5);
    let run = env.orch(&[
        "--json",
        "bot",
        "spawn",
        "--kind",
        "file",
        "--source",
        wav.to_str().unwrap(),
        "--speed",
        "2",
        "--transcribe",
        "--language",
        "en",
        "--target-language",
        "es",
    ]);
    run.ok();
    let id = run.json()["id"].as_str().unwrap().to_string();
    // The captions still come, without translations; the bot ends normally.
    let captions = env.orch(&["--json", "captions", &id]);
    captions.ok();
    assert!(
        captions.stdout().contains("chunk_seq"),
        "{}",
        captions.stdout()
    );
    assert!(!captions.stdout().contains("target_language"));
    let events = env
        .orch(&["--json", "events", "--bot", &id, "--no-follow"])
        .stdout();
    assert!(
        events.contains("translation engine breaker closed -> open"),
        "{events}"
    );
    assert_eq!(
        env.orch(&["--json", "bot", "status", &id]).json()["state"],
        "stopped"
    );
    let status = env.orch(&["--json", "status"]).json();
    assert_eq!(status["translation"]["state"], "open", "{status}");
    // The metrics count the calls of both engines and show the open breaker.
    let (_, text) = helper::http_get(metrics, "/metrics");
    let m = |s: &str| helper::metric(&text, s).unwrap_or(0.0);
    assert_eq!(
        m(
            r#"orch_engine_breaker_state{engine="libretranslate",service="translation",state="open"}"#
        ),
        1.0,
        "{text}"
    );
    assert!(
        m(
            r#"orch_engine_requests_total{engine="libretranslate",outcome="error",service="translation"}"#
        ) >= 1.0
    );
    assert!(
        m(r#"orch_engine_requests_total{engine="openai",outcome="ok",service="transcription"}"#)
            >= 1.0
    );
    assert!(
        m(r#"orch_engine_request_duration_seconds_count{engine="openai",service="transcription"}"#)
            >= 1.0
    );
}

#[test]
fn target_languages_and_transcription_change_on_a_running_bot() {
    let env = Env::new();
    env.write_config(&format!("[transcription]\nurl = \"{}\"\n", whisper_url()));
    let _d = env.daemon(&[]);
    let wav = env.dir.path().join("talk.wav");
    paragraph(&wav, SENTENCES, 1.0);
    let run = env.orch(&[
        "--json",
        "bot",
        "spawn",
        "--kind",
        "file",
        "--source",
        wav.to_str().unwrap(),
        "--transcribe",
        "--language",
        "en",
    ]);
    run.ok();
    let id = run.json()["id"].as_str().unwrap().to_string();
    // No target language yet: the first line comes untranslated.
    // `transcript show --json`: NDJSON, lines with their translations.
    let objects = |env: &Env| -> Vec<serde_json::Value> {
        env.orch(&["--json", "transcript", "show", &id, "--lang", "es"])
            .stdout()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    };
    let spanish = |objs: &[serde_json::Value]| {
        objs.iter().any(|o| {
            o["target_language"] == "es"
                || o["translations"]
                    .as_array()
                    .is_some_and(|t| t.iter().any(|t| t["target_language"] == "es"))
        })
    };
    helper::wait_for(Duration::from_secs(60), "a first line", || {
        !objects(&env).is_empty()
    });
    assert!(!spanish(&objects(&env)), "nothing is translated yet");
    let set = env.orch(&[
        "--json",
        "bot",
        "config",
        &id,
        "--set",
        "target_languages=es",
    ]);
    set.ok();
    assert_eq!(set.json()["target_languages"], serde_json::json!(["es"]));
    // The lines after the change are translated; the bot ends normally.
    helper::wait_for(Duration::from_secs(60), "a Spanish caption", || {
        spanish(&objects(&env))
    });
    let b = env.orch(&["--json", "bot", "status", &id]).json();
    assert_eq!(
        b["spec"]["target_languages"],
        serde_json::json!(["es"]),
        "{b}"
    );
    // Pausing transcription on a running bot: accepted and shown; an unknown
    // language is refused and changes nothing.
    if b["state"] == "running" {
        env.orch(&["bot", "config", &id, "--set", "transcribe=false"])
            .ok();
        env.orch(&["bot", "config", &id]).ok().stdout_has("paused");
        env.orch(&["bot", "config", &id, "--set", "transcribe=true"])
            .ok();
    }
    env.orch(&["bot", "config", &id, "--set", "target_languages=es,zz9"])
        .fails_with(5);
}

#[test]
fn transcription_turns_on_for_a_running_bot_spawned_without_it() {
    let env = Env::new();
    env.write_config(&format!("[transcription]\nurl = \"{}\"\n", whisper_url()));
    let _d = env.daemon(&[]);
    let wav = env.dir.path().join("talk.wav");
    // Four seconds of silence first, so the bot runs before anyone speaks.
    let silence = env.dir.path().join("silence.wav");
    helper::audio::silence_wav(&silence, 22_050, 4.0);
    paragraph(&wav, SENTENCES, 1.0);
    let joined = env.dir.path().join("joined.wav");
    let status = Command::new("sox")
        .args([&silence, &wav, &joined])
        .status()
        .expect("sox is installed (scripts/engines install)");
    assert!(status.success());
    let id = env.spawn_bot(&[
        "--kind",
        "file",
        "--source",
        joined.to_str().unwrap(),
        "--language",
        "en",
    ]);
    env.wait_bot(&id, "running", Duration::from_secs(20));
    assert!(env.bot(&id)["transcription"].is_null());
    std::thread::sleep(Duration::from_secs(3));
    // On, with a caption language, in one change.
    let set = env.orch(&[
        "--json",
        "bot",
        "config",
        &id,
        "--set",
        "transcribe=true",
        "--set",
        "target_languages=es",
    ]);
    set.ok();
    assert_eq!(set.json()["transcribe"], true, "{}", set.stdout());
    // The spoken words arrive, translated, on the session's clock (after the silence).
    let mut lines = Vec::new();
    helper::wait_for(
        Duration::from_secs(60),
        "lines after turning transcription on",
        || {
            lines = env
                .orch(&["--json", "transcript", "show", &id, "--lang", "es"])
                .stdout()
                .lines()
                .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
                .filter(|o| o.get("chunk_seq").is_some())
                .collect();
            lines.iter().any(|l| {
                l["translations"]
                    .as_array()
                    .is_some_and(|t| t.iter().any(|t| t["target_language"] == "es"))
            })
        },
    );
    let first = &lines[0];
    let text = first["text"].as_str().unwrap().to_lowercase();
    assert!(
        text.contains("morning") || text.contains("budget") || text.contains("library"),
        "{first}"
    );
    // The first sentence ends about 7 s into the session (4 s of silence, then it): on
    // the transcription's own clock, started 3 s in, it would end near 4 s.
    assert!(
        first["end_s"].as_f64().unwrap() >= 5.5,
        "session clock: {first}"
    );
    // Stored with the bot: its spec now transcribes.
    assert_eq!(env.bot(&id)["spec"]["transcribe"], true);
}
