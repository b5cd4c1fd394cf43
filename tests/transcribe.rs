//! `orch transcribe` against a real speech-to-text engine (faster-whisper-server with
//! Whisper tiny.en, started by scripts/engines) on real speech (espeak-ng): word error
//! rate, no doubled words at chunk seams, SRT/VTT/JSON/text output, and every kind of
//! bad input or failing engine ending in one line and a documented exit code.

mod helper;

use std::time::{Duration, Instant};

use helper::Env;
use helper::engines::{StandIn, espeak, free_port, paragraph, stand_in, whisper_url};
use orch::transcribe::{normal_words, word_error_rate};

const SENTENCES: &[&str] = &[
    "The quick brown fox jumps over the lazy dog.",
    "A small boat sailed across the quiet lake at dawn.",
    "Please remember to send the budget report before Friday.",
    "Our team will meet again next Tuesday to review the results.",
    "The new library opens downtown in early spring.",
];

fn transcribe(env: &Env, args: &[&str]) -> helper::Run {
    let mut all = vec!["transcribe", "--url", whisper_url()];
    all.extend_from_slice(args);
    env.orch(&all)
}

/// The text of a `--format json` transcript.
fn text_of(report: &serde_json::Value) -> String {
    report["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["text"].as_str().unwrap())
        .collect::<Vec<_>>()
        .join(" ")
}

/// No run of three words appears twice in `hyp` unless it does in `reference`.
fn assert_no_doubled_words(reference: &str, hyp: &str) {
    let r = normal_words(reference);
    let h = normal_words(hyp);
    let count = |ws: &[String], tri: &[String]| ws.windows(3).filter(|w| *w == tri).count();
    for tri in h.windows(3) {
        assert!(
            count(&h, tri) <= count(&r, tri).max(1),
            "`{}` is doubled in: {hyp}",
            tri.join(" ")
        );
    }
    for pair in h.windows(2) {
        assert!(
            pair[0] != pair[1] || reference.contains(&format!("{0} {0}", pair[0])),
            "doubled `{}` in: {hyp}",
            pair[0]
        );
    }
}

#[test]
fn speech_with_pauses_reads_within_a_word_error_rate_of_0_2() {
    let env = Env::new();
    let wav = env.dir.path().join("talk.wav");
    paragraph(&wav, SENTENCES, 0.4);
    let run = transcribe(
        &env,
        &["--bypass", "--format", "json", wav.to_str().unwrap()],
    );
    run.ok();
    let report = run.json();
    let hyp = text_of(&report);
    let reference = SENTENCES.join(" ");
    let wer = word_error_rate(&reference, &hyp);
    assert!(wer <= 0.2, "word error rate {wer:.2}: {hyp}");
    assert_no_doubled_words(&reference, &hyp);
    // Lines carry the default speaker and times on the file's clock, in order.
    let lines = report["lines"].as_array().unwrap();
    let duration = report["duration_s"].as_f64().unwrap();
    let mut last = 0.0;
    for l in lines {
        assert_eq!(l["speaker"], "Speaker 1");
        let (s, e) = (l["start_s"].as_f64().unwrap(), l["end_s"].as_f64().unwrap());
        assert!(s >= last - 0.5 && s <= e && e <= duration + 0.01, "{l}");
        last = s;
    }
    // Chunks ended at the pauses between sentences.
    assert!(
        report["chunks"]["pause"].as_u64().unwrap() >= 4,
        "{}",
        report["chunks"]
    );
    assert_eq!(report["engine"], "openai");
}

#[test]
fn speech_that_crosses_chunk_seams_is_not_doubled() {
    // One long sentence without pauses: cut inside speech, chunks overlap by 0.5 s
    // (without the stretch, so it is cut at every 3 s).
    let env = Env::new();
    env.write_config("[transcription]\nstretch_s = 0.0\n");
    let wav = env.dir.path().join("long.wav");
    let sentence = "Yesterday afternoon the committee members carefully reviewed every single \
                    proposal that the engineering department had submitted during the winter";
    espeak(&wav, sentence);
    let run = transcribe(
        &env,
        &["--bypass", "--format", "json", wav.to_str().unwrap()],
    );
    run.ok();
    let report = run.json();
    let chunks = &report["chunks"];
    assert!(
        chunks["gap"].as_u64().unwrap() + chunks["length"].as_u64().unwrap() >= 2,
        "the sentence was cut inside speech: {chunks}"
    );
    let hyp = text_of(&report);
    assert_no_doubled_words(sentence, &hyp);
    let wer = word_error_rate(sentence, &hyp);
    assert!(wer <= 0.3, "word error rate {wer:.2}: {hyp}");
}

#[test]
fn subtitles_have_their_own_timestamps_and_cue_limits() {
    let env = Env::new();
    env.write_config("[transcription]\nmax_cue_s = 2.5\nmax_cue_chars = 32\n");
    let wav = env.dir.path().join("talk.wav");
    paragraph(&wav, &SENTENCES[..2], 0.5);
    let srt = env.dir.path().join("talk.srt");
    transcribe(
        &env,
        &[
            "--bypass",
            wav.to_str().unwrap(),
            "-o",
            srt.to_str().unwrap(),
        ],
    )
    .ok();
    let text = std::fs::read_to_string(&srt).unwrap();
    let blocks: Vec<&str> = text.trim().split("\n\n").collect();
    assert!(blocks.len() >= 3, "{text}");
    let mut words = String::new();
    for (i, b) in blocks.iter().enumerate() {
        let lines: Vec<&str> = b.lines().collect();
        assert_eq!(lines[0], (i + 1).to_string(), "{text}");
        let (start, end) = lines[1].split_once(" --> ").expect("a timing line");
        assert!(
            start.contains(',') && end.contains(','),
            "SRT uses commas: {b}"
        );
        let secs = |t: &str| {
            let (hms, ms) = t.split_once(',').unwrap();
            let p: Vec<f64> = hms.split(':').map(|x| x.parse().unwrap()).collect();
            p[0] * 3600.0 + p[1] * 60.0 + p[2] + ms.parse::<f64>().unwrap() / 1000.0
        };
        assert!(
            secs(end) - secs(start) <= 2.5 + 1e-3 && secs(end) >= secs(start),
            "{b}"
        );
        let caption = lines[2]
            .strip_prefix("Speaker 1: ")
            .expect("the speaker's name");
        assert!(caption.chars().count() <= 32, "{b}");
        words.push_str(caption);
        words.push(' ');
    }
    let wer = word_error_rate(&SENTENCES[..2].join(" "), &words);
    assert!(wer <= 0.25, "{wer}: {words}");

    let vtt = transcribe(
        &env,
        &["--bypass", "--format", "vtt", wav.to_str().unwrap()],
    );
    vtt.ok();
    let out = vtt.stdout();
    assert!(out.starts_with("WEBVTT\n\n"), "{out}");
    let timing = out.lines().nth(2).unwrap();
    assert!(
        timing.contains(" --> ") && timing.contains('.') && !timing.contains(','),
        "{out}"
    );
    assert!(out.contains("<v Speaker 1>"), "{out}");

    let txt = transcribe(&env, &["--bypass", wav.to_str().unwrap()]);
    txt.ok().stdout_has("[00:00:0").stdout_has("] Speaker 1: ");
}

#[test]
fn several_files_go_into_a_directory_and_the_dsp_chain_can_run_first() {
    let env = Env::new();
    let a = env.dir.path().join("a.wav");
    let b = env.dir.path().join("b.wav");
    paragraph(&a, &SENTENCES[..1], 0.3);
    paragraph(&b, &SENTENCES[2..3], 0.3);
    let out = env.dir.path().join("out");
    transcribe(
        &env,
        &[
            "--preset",
            "voice",
            "--format",
            "json",
            a.to_str().unwrap(),
            b.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ],
    )
    .ok();
    for (name, sentence) in [("a.json", SENTENCES[0]), ("b.json", SENTENCES[2])] {
        let report: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(out.join(name)).unwrap()).unwrap();
        let wer = word_error_rate(sentence, &text_of(&report));
        assert!(wer <= 0.25, "{name}: {wer}");
    }
    // Subtitles of several files need a directory.
    transcribe(
        &env,
        &["--format", "srt", a.to_str().unwrap(), b.to_str().unwrap()],
    )
    .fails_with(2)
    .one_line_error();
}

#[test]
fn a_silent_file_gives_an_empty_transcript_and_a_note() {
    let env = Env::new();
    let wav = env.dir.path().join("silence.wav");
    helper::audio::silence_wav(&wav, 16_000, 5.0);
    let run = transcribe(&env, &["--bypass", wav.to_str().unwrap()]);
    run.ok().stderr_has("no speech");
    assert_eq!(run.stdout().trim(), "");
    let json = transcribe(&env, &["--format", "json", wav.to_str().unwrap()]);
    json.ok();
    let report = json.json();
    assert_eq!(report["lines"], serde_json::json!([]));
    assert!(report["chunks"]["skipped"].as_u64().unwrap() >= 1);
}

#[test]
fn bad_input_ends_in_one_line_with_its_exit_code() {
    let env = Env::new();
    let wav = env.dir.path().join("talk.wav");
    espeak(&wav, "Hello there.");
    let w = wav.to_str().unwrap();
    // An unknown language code, an unknown format, a missing file.
    env.orch(&["transcribe", "--language", "xx", w])
        .fails_with(5)
        .one_line_error()
        .stderr_has("xx");
    env.orch(&["transcribe", "--format", "docx", w])
        .fails_with(2);
    env.orch(&["transcribe", "/nonexistent.wav"])
        .fails_with(4)
        .one_line_error();
    // A bad URL in the configuration is refused before anything runs.
    env.orch(&["transcribe", "--url", "ftp://x", w])
        .fails_with(5)
        .one_line_error();
}

#[test]
fn an_unreachable_engine_exits_6_naming_it() {
    let env = Env::new();
    env.write_config("[transcription]\nretries = 1\n");
    let wav = env.dir.path().join("talk.wav");
    espeak(&wav, "Hello there, this goes nowhere.");
    let url = format!("http://127.0.0.1:{}", free_port());
    env.orch(&["transcribe", "--url", &url, wav.to_str().unwrap()])
        .fails_with(6)
        .one_line_error()
        .stderr_has("cannot reach");
}

#[test]
fn an_engine_that_fails_answers_garbage_or_hangs_exits_6_without_hanging() {
    // No real engine can be told to fail on demand: a stand-in server on loopback.
    let env = Env::new();
    env.write_config(
        "[transcription]\nretries = 2\nread_timeout_s = 1.0\nconnect_timeout_s = 1.0\n",
    );
    let wav = env.dir.path().join("talk.wav");
    espeak(&wav, "Hello there, this goes to a broken engine.");
    let w = wav.to_str().unwrap();

    let (url, hits) = stand_in(StandIn::Fails);
    env.orch(&["transcribe", "--url", &url, w])
        .fails_with(6)
        .one_line_error()
        .stderr_has("HTTP 500");
    // The first try and its two retries.
    assert_eq!(hits.load(std::sync::atomic::Ordering::SeqCst), 3);

    let (url, hits) = stand_in(StandIn::Garbage);
    env.orch(&["transcribe", "--url", &url, w])
        .fails_with(6)
        .one_line_error()
        .stderr_has("cannot read");
    // An answer that cannot be read is not retried.
    assert_eq!(hits.load(std::sync::atomic::Ordering::SeqCst), 1);

    let (url, _) = stand_in(StandIn::Hangs);
    let t0 = Instant::now();
    env.orch(&["transcribe", "--url", &url, w])
        .fails_with(6)
        .one_line_error()
        .stderr_has("no answer");
    assert!(
        t0.elapsed() < Duration::from_secs(60),
        "a hanging engine must time out"
    );
}

// --- Live: bots spawned with --transcribe, through a real orchd. ---

fn bot_status(env: &Env, id: &str) -> serde_json::Value {
    env.orch(&["--json", "bot", "status", id]).json()
}

fn spawn_transcribing(env: &Env, wav: &std::path::Path, extra: &[&str]) -> String {
    let mut args = vec![
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
    ];
    args.extend_from_slice(extra);
    let run = env.orch(&args);
    run.ok();
    run.json()["id"].as_str().unwrap().to_string()
}

/// The NDJSON lines of `orch --json transcript show ID` (with `--follow`: until the bot
/// ends).
fn transcript_lines(env: &Env, id: &str, follow: bool) -> Vec<serde_json::Value> {
    let mut args = vec!["--json", "transcript", "show", id];
    if follow {
        args.push("--follow");
    }
    let run = env.orch(&args);
    run.ok();
    run.stdout()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn joined(lines: &[serde_json::Value]) -> String {
    lines
        .iter()
        .map(|l| l["text"].as_str().unwrap())
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn a_transcribing_file_bot_streams_its_lines_and_keeps_them() {
    let env = Env::new();
    env.write_config(&format!("[transcription]\nurl = \"{}\"\n", whisper_url()));
    let _d = env.daemon(&[]);
    let wav = env.dir.path().join("talk.wav");
    paragraph(&wav, SENTENCES, 0.4);
    let id = spawn_transcribing(&env, &wav, &["--speed", "2"]);
    // While it runs, its status shows the transcription's figures.
    helper::wait_for(Duration::from_secs(30), "a chunk to be transcribed", || {
        let b = bot_status(&env, &id);
        b["transcription"]["chunks_sent"].as_u64().unwrap_or(0) >= 1 || b["state"] == "stopped"
    });
    let lines = transcript_lines(&env, &id, true);
    let reference = SENTENCES.join(" ");
    let hyp = joined(&lines);
    let wer = word_error_rate(&reference, &hyp);
    assert!(wer <= 0.2, "word error rate {wer:.2}: {hyp}");
    assert_no_doubled_words(&reference, &hyp);
    let ids: Vec<i64> = lines.iter().map(|l| l["id"].as_i64().unwrap()).collect();
    assert!(ids.windows(2).all(|w| w[0] < w[1]), "{ids:?}");
    // Stored: the same lines after the bot ended, also by session id.
    let session = lines[0]["session_id"].as_str().unwrap().to_string();
    assert_eq!(joined(&transcript_lines(&env, &session, false)), hyp);
    // A name for the speaker shows in every line, and in the subtitles.
    env.orch(&["speakers", "map", &id, "Speaker 1", "Ana"]).ok();
    let srt = env.orch(&["transcript", "export", &session, "--format", "srt"]);
    srt.ok().stdout_has("00:00:0").stdout_has("Ana: ");
    let speakers = env.orch(&["--json", "speakers", "list", &id]);
    speakers.ok();
    assert_eq!(speakers.json()["speakers"][0]["name"], "Ana");
    // Unknown targets and labels fail clearly.
    env.orch(&["transcript", "show", "nosuchbot"])
        .fails_with(4)
        .one_line_error();
    env.orch(&["speakers", "map", &id, "Speaker 1", ""])
        .fails_with(5)
        .one_line_error();
    env.orch(&["transcript", "export", &id, "--format", "docx"])
        .fails_with(2);
}

#[test]
fn a_killed_engine_opens_the_breaker_and_the_queued_chunks_follow_when_it_returns() {
    let env = Env::new();
    let port = free_port();
    let mut server = helper::engines::start_whisper(port);
    env.write_config(&format!(
        "[transcription]\nurl = \"http://127.0.0.1:{port}\"\nretries = 0\nbreaker_failures = 2\n\
         breaker_open_s = 1.0\nconnect_timeout_s = 1.0\nread_timeout_s = 10.0\n"
    ));
    let _d = env.daemon(&[]);
    let wav = env.dir.path().join("talk.wav");
    paragraph(&wav, SENTENCES, 0.4);
    // A long silent tail keeps the bot running while the engine is down and starts
    // again, however slow the machine: a bot that ends with the breaker open fails its
    // queue by design, which is not what this test is about.
    helper::engines::pad_with_silence(&wav, 120.0);
    let id = spawn_transcribing(&env, &wav, &[]);
    helper::wait_for(Duration::from_secs(30), "the first line", || {
        !transcript_lines(&env, &id, false).is_empty()
    });
    server.kill().unwrap();
    server.wait().unwrap();
    helper::wait_for(Duration::from_secs(20), "the breaker to open", || {
        bot_status(&env, &id)["transcription"]["breaker"] == "open"
    });
    let b = bot_status(&env, &id);
    assert_eq!(b["state"], "running", "the bot keeps running: {b}");
    // orch status shows the engine's breaker.
    let st = env.orch(&["--json", "status"]).json();
    let breaker = st["transcription"]["state"]
        .as_str()
        .unwrap_or("")
        .to_string();
    assert!(breaker == "open" || breaker == "half_open", "{st}");
    helper::wait_for(Duration::from_secs(20), "chunks to queue", || {
        bot_status(&env, &id)["transcription"]["chunks_pending"]
            .as_u64()
            .unwrap_or(0)
            >= 1
    });
    let mut server = helper::engines::start_whisper(port);
    let reference = SENTENCES.join(" ");
    helper::wait_for(Duration::from_secs(90), "the queue to drain", || {
        let b = bot_status(&env, &id);
        b["transcription"]["breaker"] == "closed"
            && b["transcription"]["chunks_pending"] == 0
            && word_error_rate(&reference, &joined(&transcript_lines(&env, &id, false))) <= 0.25
    });
    let b = bot_status(&env, &id);
    assert_eq!(b["state"], "running", "{b}");
    assert_eq!(b["live"]["dropped_blocks"], 0, "{b}");
    assert_eq!(b["transcription"]["chunks_dropped"], 0, "{b}");
    assert_eq!(b["transcription"]["audio_blocks_lost"], 0, "{b}");
    env.orch(&["bot", "terminate", &id]).ok();
    let lines = transcript_lines(&env, &id, true);
    let hyp = joined(&lines);
    let wer = word_error_rate(&reference, &hyp);
    assert!(
        wer <= 0.25,
        "nothing lost within the queue: {wer:.2}: {hyp}"
    );
    // The breaker's changes were alerts, stored with the bot's events.
    let events = env.orch(&["events", "--bot", &id, "--no-follow", "--history", "200"]);
    events
        .ok()
        .stdout_has("error: transcription engine breaker closed -> open");
    let alerts = env.orch(&[
        "--json",
        "events",
        "--bot",
        &id,
        "--no-follow",
        "--history",
        "200",
    ]);
    assert!(
        alerts.stdout().contains("closed -> open"),
        "{}",
        alerts.stdout()
    );
    server.kill().unwrap();
    server.wait().unwrap();
}

#[test]
fn orchd_runs_the_configured_engine_and_stops_it_on_shutdown() {
    let env = Env::new();
    let port = free_port();
    let engines = helper::engines::repo().join("scripts/engines");
    env.write_config(&format!(
        "[transcription]\nurl = \"http://127.0.0.1:{port}\"\ncommand = \"{} serve {port}\"\n",
        engines.display()
    ));
    let d = env.daemon(&[]);
    let wav = env.dir.path().join("talk.wav");
    paragraph(&wav, &SENTENCES[..2], 0.4);
    // The bot starts at once; its chunks wait while orchd starts the engine.
    let id = spawn_transcribing(&env, &wav, &[]);
    let lines = transcript_lines(&env, &id, true);
    let reference = SENTENCES[..2].join(" ");
    let hyp = joined(&lines);
    let wer = word_error_rate(&reference, &hyp);
    assert!(wer <= 0.25, "word error rate {wer:.2}: {hyp}");
    let up = || std::net::TcpStream::connect(("127.0.0.1", port)).is_ok();
    assert!(up(), "the engine orchd started answers");
    env.orch(&["daemon", "stop"]).ok();
    d.wait_exit(Duration::from_secs(20));
    helper::wait_for(
        Duration::from_secs(10),
        "the engine to stop with orchd",
        || !up(),
    );
}

/// A meeting program speaking the bot protocol: it streams two people's speech in real
/// time and, as a meeting page would, names the active speaker before each one talks.
const SPEAKING_MEETING: &str = r#"#!/usr/bin/env python3
import base64, json, socket, struct, sys, time, wave
args = dict(zip(sys.argv[1::2], sys.argv[2::2]))
s = socket.socket(socket.AF_UNIX); s.connect(args["--socket"])
def send(i, req):
    b = json.dumps({"id": i, "request": req}).encode()
    s.sendall(struct.pack(">I", len(b)) + b)
def recv():
    n = struct.unpack(">I", s.recv(4, socket.MSG_WAITALL))[0]
    return json.loads(s.recv(n, socket.MSG_WAITALL))
send(1, {"type": "hello", "protocol": 1, "client_version": "speaking-meeting"}); recv()
turns = []
for who, path in [("Ada Lovelace", sys.argv[-2]), ("Grace Hopper", sys.argv[-1])]:
    with wave.open(path) as w:
        rate = w.getframerate(); turns.append((who, w.readframes(w.getnframes())))
send(2, {"type": "bot_attach", "bot_id": args["--bot-id"], "sample_rate": rate, "channels": 1})
assert recv()["response"]["type"] == "ok"
for i, (who, _) in enumerate(turns):
    send(3 + i, {"type": "bot_participant", "event": "joined", "participant_id": f"p{i}", "name": who})
t0, sent = time.time(), 0
def push(pcm):
    global sent
    step = rate // 50 * 2
    for k in range(0, len(pcm), step):
        send(10, {"type": "bot_audio", "format": "s16le", "data": base64.b64encode(pcm[k:k + step]).decode()})
        sent += len(pcm[k:k + step]) // 2
        d = t0 + sent / rate - time.time()
        if d > 0: time.sleep(d)
for i, (who, pcm) in enumerate(turns):
    send(20 + i, {"type": "bot_participant", "event": "speaking", "participant_id": f"p{i}", "name": who})
    push(pcm + b"\0\0" * int(rate * 1.0))
"#;

#[test]
fn a_meeting_bot_s_lines_go_to_the_participant_speaking() {
    let env = Env::new();
    let program = env.dir.path().join("meeting.py");
    std::fs::write(&program, SPEAKING_MEETING).unwrap();
    let ada = env.dir.path().join("ada.wav");
    let grace = env.dir.path().join("grace.wav");
    paragraph(&ada, &[SENTENCES[0]], 0.3);
    paragraph(&grace, &[SENTENCES[1]], 0.3);
    env.write_config(&format!(
        "[transcription]\nurl = \"{}\"\n[bots]\nmeeting_program = \"{}\"\n",
        whisper_url(),
        env.dir.path().join("run-meeting.sh").display()
    ));
    // The configured program gets the bot protocol's arguments; the wrapper adds the
    // two speakers' audio after them.
    let wrapper = env.dir.path().join("run-meeting.sh");
    std::fs::write(
        &wrapper,
        format!(
            "#!/bin/sh\nexec python3 {} \"$@\" {} {}\n",
            program.display(),
            ada.display(),
            grace.display()
        ),
    )
    .unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&wrapper, std::fs::Permissions::from_mode(0o755)).unwrap();
    let _d = env.daemon(&[]);
    let run = env.orch(&[
        "--json",
        "bot",
        "spawn",
        "--kind",
        "meeting",
        "--meeting-url",
        "https://meet.google.com/abc-defg-hij",
        "--platform",
        "google_meet",
        "--transcribe",
        "--language",
        "en",
    ]);
    run.ok();
    let id = run.json()["id"].as_str().unwrap().to_string();
    let lines = transcript_lines(&env, &id, true);
    assert!(lines.len() >= 2, "{lines:?}");
    let said = |who: &str| {
        lines
            .iter()
            .filter(|l| l["speaker"] == who)
            .map(|l| l["text"].as_str().unwrap())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let (a, g) = (said("Ada Lovelace"), said("Grace Hopper"));
    assert!(
        word_error_rate(SENTENCES[0], &a) <= 0.3,
        "Ada said {:?}, lines {lines:?}",
        a
    );
    assert!(
        word_error_rate(SENTENCES[1], &g) <= 0.3,
        "Grace said {:?}, lines {lines:?}",
        g
    );
    for l in &lines {
        assert_eq!(l["speaker_method"], "participant", "{l}");
        assert!(l["speaker_confidence"].as_f64().unwrap() > 0.5, "{l}");
    }
    env.orch(&["speakers", "list", &id])
        .ok()
        .stdout_has("Ada Lovelace")
        .stdout_has("Grace Hopper");
}
