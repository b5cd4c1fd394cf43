//! End-to-end tests of bots: a real orchd supervising real file bots, command bots
//! (child processes) and a meeting bot (a small program speaking the bot protocol).

mod helper;

use std::path::{Path, PathBuf};
use std::time::Duration;

use helper::{Env, alive, wait_for};
use serde_json::Value;

/// A python program writing s16le mono 16 kHz sine audio to stdout in real time,
/// forever (a stand-in for arecord or ffmpeg).
const SINE_WRITER: &str = r#"
import math, struct, sys, time
rate, block = 16000, 320
t0, n = time.time(), 0
while True:
    buf = b"".join(struct.pack("<h", int(8000 * math.sin(2 * math.pi * 220 * (n + i) / rate))) for i in range(block))
    sys.stdout.buffer.write(buf); sys.stdout.buffer.flush()
    n += block
    delay = t0 + n / rate - time.time()
    if delay > 0: time.sleep(delay)
"#;

/// python3 runs the stand-in programs; it is on every machine the project runs on (its
/// scripts/engines needs it too), so a missing one is a failure, not a skip.
fn require_python() {
    let ok = std::process::Command::new("python3")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(
        ok,
        "python3 is needed for the stand-in audio and meeting programs"
    );
}

fn bot(env: &Env, id: &str) -> Value {
    env.bot(id)
}

fn wait_state(env: &Env, id: &str, want: &str, within: Duration) -> Value {
    env.wait_bot(id, want, within)
}

fn spawn(env: &Env, args: &[&str]) -> String {
    env.spawn_bot(args)
}

fn speech(env: &Env, secs: f64) -> PathBuf {
    let p = env.dir.path().join(format!("speech-{secs}.wav"));
    helper::audio::speech_like_wav(&p, 16000, secs);
    p
}

fn writer_script(env: &Env) -> PathBuf {
    let p = env.dir.path().join("sine.py");
    std::fs::write(&p, SINE_WRITER).unwrap();
    p
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn file_bot_runs_reports_meters_and_terminates() {
    let env = Env::new();
    let _d = env.daemon(&[]);
    let wav = speech(&env, 30.0);
    let id = spawn(
        &env,
        &["--kind", "file", "--source", s(&wav), "--name", "demo"],
    );
    let b = wait_state(&env, &id, "running", Duration::from_secs(10));
    assert_eq!(b["name"], "demo");
    assert_eq!(b["preset"], "default");
    wait_for(Duration::from_secs(10), "meters", || {
        bot(&env, &id)["live"]["meters"]["momentary_lufs"].is_number()
    });
    let b = bot(&env, &id);
    let live = &b["live"];
    assert_eq!(live["sample_rate"], 16000);
    assert!(live["audio_s"].as_f64().unwrap() > 0.3);
    assert!(live["pipeline"]["stages"].as_array().unwrap().len() >= 5);
    assert!(b["uptime_s"].as_f64().unwrap() > 0.0);
    // Human status shows the stage table.
    env.orch(&["bot", "status", &id])
        .ok()
        .stdout_has("noise_reduction");
    env.orch(&["bot", "list"]).ok().stdout_has("demo");
    // A unique prefix and the name work as ids.
    assert_eq!(bot(&env, &id[..5])["id"], id.as_str());
    assert_eq!(bot(&env, "demo")["id"], id.as_str());

    let t = env.orch(&["--json", "bot", "terminate", &id]);
    t.ok();
    assert_eq!(t.json()["state"], "stopped");
    assert_eq!(t.json()["reason"], "terminated_by_user");
    env.orch(&["bot", "list"]).ok();
    assert!(!env.orch(&["bot", "list"]).stdout().contains(&id));
    env.orch(&["bot", "list", "--all"]).ok().stdout_has(&id);
    // The whole history is stored.
    let ev = env.orch(&["--json", "events", "--bot", &id, "--no-follow"]);
    let states: Vec<String> = ev
        .stdout()
        .lines()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .filter_map(|v| v["event"]["to_state"].as_str().map(str::to_string))
        .collect();
    assert_eq!(
        states,
        ["requested", "starting", "running", "stopping", "stopped"]
    );
    let sessions = env.orch(&["--json", "analytics", "sessions"]).json();
    let s0 = &sessions["sessions"][0];
    assert_eq!(s0["bot_id"], id.as_str());
    assert_eq!(s0["end_reason"], "terminated_by_user");
    assert!(s0["audio_seconds"].as_f64().unwrap() > 0.0);
}

#[test]
fn missing_and_corrupt_sources_fail_with_the_reason() {
    let env = Env::new();
    let _d = env.daemon(&[]);
    // A missing file is refused at spawn (exit 4), and no bot is made.
    env.orch(&[
        "bot",
        "spawn",
        "--kind",
        "file",
        "--source",
        "/no/such/file.wav",
    ])
    .fails_with(4)
    .one_line_error()
    .stderr_has("audio file not found: /no/such/file.wav");
    let v = env.orch(&["--json", "bot", "list", "--all"]).json();
    assert!(v["bots"].as_array().unwrap().is_empty(), "{v}");
    // A file that is not audio fails the bot, saying why.
    let junk = env.dir.path().join("junk.wav");
    std::fs::write(&junk, b"RIFF this is not really a wave file at all").unwrap();
    let id = spawn(&env, &["--kind", "file", "--source", s(&junk)]);
    let b = wait_state(&env, &id, "failed", Duration::from_secs(10));
    assert_eq!(b["reason"], "source_error");
    env.orch(&["bot", "status", &id])
        .ok()
        .stdout_has("failed (source_error)");
}

#[test]
fn leave_rules_end_bots_with_their_reason() {
    let env = Env::new();
    let _d = env.daemon(&[]);
    // Source ended: a short file played fast.
    let short = speech(&env, 2.0);
    let a = spawn(
        &env,
        &["--kind", "file", "--source", s(&short), "--speed", "20"],
    );
    // Max duration.
    let long = speech(&env, 60.0);
    let b = spawn(
        &env,
        &[
            "--kind",
            "file",
            "--source",
            s(&long),
            "--speed",
            "10",
            "--max-duration",
            "1",
        ],
    );
    // Silence timeout.
    let quiet = env.dir.path().join("quiet.wav");
    helper::audio::silence_wav(&quiet, 16000, 60.0);
    let c = spawn(
        &env,
        &[
            "--kind",
            "file",
            "--source",
            s(&quiet),
            "--speed",
            "10",
            "--silence-timeout",
            "0.5",
        ],
    );
    for (id, reason) in [
        (a, "source_ended"),
        (b, "max_duration"),
        (c, "silence_timeout"),
    ] {
        let v = wait_state(&env, &id, "stopped", Duration::from_secs(15));
        assert_eq!(v["reason"], reason, "{v}");
    }
}

#[test]
fn bot_limit_and_dedup_key() {
    let env = Env::new();
    env.write_config("[bots]\nmax_concurrent = 2\n");
    let _d = env.daemon(&[]);
    let wav = speech(&env, 30.0);
    let a = spawn(
        &env,
        &[
            "--kind",
            "file",
            "--source",
            s(&wav),
            "--dedup-key",
            "meet-1",
        ],
    );
    env.orch(&[
        "bot",
        "spawn",
        "--kind",
        "file",
        "--source",
        s(&wav),
        "--dedup-key",
        "meet-1",
    ])
    .fails_with(5)
    .one_line_error()
    .stderr_has(&format!("bot {a} is already live with dedup key `meet-1`"));
    let _b = spawn(&env, &["--kind", "file", "--source", s(&wav)]);
    env.orch(&["bot", "spawn", "--kind", "file", "--source", s(&wav)])
        .fails_with(1)
        .one_line_error()
        .stderr_has("bot limit reached: 2 bots live (bots.max_concurrent = 2)");
    env.orch(&["bot", "terminate", &a]).ok();
    let _c = spawn(
        &env,
        &[
            "--kind",
            "file",
            "--source",
            s(&wav),
            "--dedup-key",
            "meet-1",
        ],
    );
}

#[test]
fn zero_means_no_bots() {
    let env = Env::new();
    env.write_config("[bots]\nmax_concurrent = 0\n");
    let _d = env.daemon(&[]);
    let wav = env.dir.path().join("quiet.wav");
    helper::audio::silence_wav(&wav, 16000, 1.0);
    env.orch(&["bot", "spawn", "--kind", "file", "--source", s(&wav)])
        .fails_with(1)
        .stderr_has("bots are disabled");
}

#[test]
fn bad_spawn_arguments_are_refused() {
    let env = Env::new();
    env.orch(&["bot", "spawn", "--kind", "file"])
        .fails_with(5)
        .stderr_has("--source");
    env.orch(&[
        "bot",
        "spawn",
        "--kind",
        "meeting",
        "--meeting-url",
        "https://meet.google.com/x",
    ])
    .fails_with(5)
    .stderr_has("--platform");
    env.orch(&[
        "bot", "spawn", "--kind", "file", "--source", "a.wav", "--speed", "0",
    ])
    .fails_with(5)
    .stderr_has("--speed");
    env.orch(&["bot", "spawn", "--kind", "dragon"])
        .fails_with(2);
    // A meeting program that is not there is refused at spawn.
    env.write_config("[bots]\nmeeting_program = \"/nonexistent/meet-bot\"\n");
    let _d = env.daemon(&[]);
    env.orch(&[
        "bot",
        "spawn",
        "--kind",
        "meeting",
        "--meeting-url",
        "https://meet.google.com/abc",
        "--platform",
        "google-meet",
    ])
    .fails_with(5)
    .stderr_has("bots.meeting_program `/nonexistent/meet-bot` does not exist");
    env.orch(&["bot", "status", "nope"])
        .fails_with(4)
        .stderr_has("bot `nope` not found");
    env.orch(&["bot", "terminate", "nope"]).fails_with(4);
}

#[test]
fn twenty_file_bots_at_once() {
    let env = Env::new();
    let _d = env.daemon(&[]);
    let wav = speech(&env, 30.0);
    let ids: Vec<String> = (0..20)
        .map(|i| {
            spawn(
                &env,
                &[
                    "--kind",
                    "file",
                    "--source",
                    s(&wav),
                    "--name",
                    &format!("bot{i}"),
                ],
            )
        })
        .collect();
    wait_for(Duration::from_secs(20), "20 running bots", || {
        let v = env
            .orch(&["--json", "bot", "list", "--state", "running"])
            .json();
        v["bots"].as_array().unwrap().len() == 20
    });
    let st = env.orch(&["--json", "status"]).json();
    assert_eq!(st["counts"]["running_bots"], 20);
    for id in &ids {
        env.orch(&["bot", "terminate", id]).ok();
    }
    let v = env.orch(&["--json", "bot", "list"]).json();
    assert!(v["bots"].as_array().unwrap().is_empty(), "{v}");
    let perf = env.orch(&["--json", "analytics", "performance"]).json();
    assert_eq!(perf["bots_by_state"]["stopped"], 20);
}

#[test]
fn killed_command_bot_recovers_then_fails_after_the_limit() {
    require_python();
    let env = Env::new();
    env.write_config("[bots]\nmax_restarts = 2\nrestart_backoff_s = 0.1\n");
    let _d = env.daemon(&[]);
    let script = writer_script(&env);
    let cmd = format!("exec python3 {}", s(&script));
    let id = spawn(
        &env,
        &[
            "--kind", "command", "--source", &cmd, "--format", "s16le", "--rate", "16000",
        ],
    );
    let mut pid = 0;
    for restart in 0..=2u64 {
        // Wait for this life of the bot: running again, counted, with a new process.
        let mut b2 = Value::Null;
        wait_for(
            Duration::from_secs(15),
            &format!("restart {restart} running"),
            || {
                b2 = bot(&env, &id);
                b2["state"] == "running"
                    && b2["restarts"] == restart
                    && b2["pid"].as_u64().is_some_and(|p| p as u32 != pid)
            },
        );
        pid = b2["pid"].as_u64().unwrap() as u32;
        assert!(b2["rss_kib"].as_u64().unwrap() > 0);
        std::process::Command::new("kill")
            .args(["-9", &pid.to_string()])
            .status()
            .unwrap();
    }
    let b = wait_state(&env, &id, "failed", Duration::from_secs(15));
    assert_eq!(b["reason"], "restart_limit");
    assert!(b["detail"].as_str().unwrap().contains("signal 9"), "{b}");
    assert!(!alive(pid));
    let ev = env.orch(&["events", "--bot", &id, "--no-follow"]).stdout();
    assert_eq!(
        ev.matches("running -> recovering (crashed)").count(),
        2,
        "{ev}"
    );
}

#[test]
fn a_stalled_command_is_restarted() {
    let env = Env::new();
    env.write_config("[bots]\nmax_restarts = 1\nrestart_backoff_s = 0.1\nstall_timeout_s = 0.5\n");
    let _d = env.daemon(&[]);
    // Writes one second of silence-free audio, then hangs without exiting.
    let raw = env.dir.path().join("tone.raw");
    let tone: Vec<u8> = (0..16000)
        .flat_map(|i| ((8000.0 * (i as f64 * 0.1).sin()) as i16).to_le_bytes())
        .collect();
    std::fs::write(&raw, tone).unwrap();
    let cmd = format!("cat {}; exec sleep 600", s(&raw));
    let id = spawn(
        &env,
        &["--kind", "command", "--source", &cmd, "--format", "s16le"],
    );
    let b = wait_state(&env, &id, "failed", Duration::from_secs(20));
    assert_eq!(b["reason"], "restart_limit");
    let ev = env.orch(&["events", "--bot", &id, "--no-follow"]).stdout();
    assert!(ev.contains("running -> recovering (stalled)"), "{ev}");
}

#[test]
fn a_command_that_never_writes_stalls_at_the_start_timeout() {
    let env = Env::new();
    env.write_config("[bots]\nmax_restarts = 1\nrestart_backoff_s = 0.1\nstart_timeout_s = 1\n");
    let _d = env.daemon(&[]);
    let id = spawn(&env, &["--kind", "command", "--source", "exec sleep 600"]);
    let b = wait_state(&env, &id, "failed", Duration::from_secs(20));
    assert_eq!(b["reason"], "restart_limit", "{b}");
    assert!(
        b["detail"]
            .as_str()
            .unwrap()
            .contains("wrote no audio within 1 s"),
        "{b}"
    );
    let ev = env.orch(&["events", "--bot", &id, "--no-follow"]).stdout();
    assert!(ev.contains("starting -> recovering (stalled)"), "{ev}");
}

#[test]
fn a_crashed_daemon_leaves_interrupted_bots_and_an_intact_database() {
    let env = Env::new();
    let d = env.daemon(&[]);
    let wav = speech(&env, 60.0);
    let a = spawn(&env, &["--kind", "file", "--source", s(&wav)]);
    let b = spawn(&env, &["--kind", "file", "--source", s(&wav)]);
    wait_state(&env, &a, "running", Duration::from_secs(10));
    wait_state(&env, &b, "running", Duration::from_secs(10));
    d.signal("KILL");
    let _ = d.wait_exit(Duration::from_secs(5));
    // Restart: the socket is stale, the bots are marked interrupted.
    let _d2 = env.daemon(&[]);
    for id in [&a, &b] {
        let v = bot(&env, id);
        assert_eq!(v["state"], "failed");
        assert_eq!(v["reason"], "interrupted");
    }
    let sessions = env.orch(&["--json", "analytics", "sessions"]).json();
    for s in sessions["sessions"].as_array().unwrap() {
        assert_eq!(s["end_reason"], "interrupted");
    }
    let db = rusqlite::Connection::open(env.data_dir.join("orch.db")).unwrap();
    let check: String = db
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
}

#[test]
fn interrupted_bots_can_be_resumed() {
    let env = Env::new();
    env.write_config("[bots]\nresume_interrupted = true\n");
    let d = env.daemon(&[]);
    let wav = speech(&env, 60.0);
    let a = spawn(&env, &["--kind", "file", "--source", s(&wav)]);
    wait_state(&env, &a, "running", Duration::from_secs(10));
    d.signal("KILL");
    let _ = d.wait_exit(Duration::from_secs(5));
    let _d2 = env.daemon(&[]);
    let v = wait_state(&env, &a, "running", Duration::from_secs(10));
    assert!(v["session_id"].is_string());
    let ev = env.orch(&["events", "--bot", &a, "--no-follow"]).stdout();
    assert!(ev.contains("running -> recovering (interrupted)"), "{ev}");
    assert!(ev.contains("recovering -> starting (resumed)"), "{ev}");
}

#[test]
fn daemon_shutdown_stops_bots_cleanly() {
    let env = Env::new();
    let d = env.daemon(&[]);
    let wav = speech(&env, 60.0);
    let a = spawn(&env, &["--kind", "file", "--source", s(&wav)]);
    wait_state(&env, &a, "running", Duration::from_secs(10));
    d.signal("TERM");
    assert_eq!(d.wait_exit(Duration::from_secs(15)).code(), 0);
    let _d2 = env.daemon(&[]);
    let v = bot(&env, &a);
    assert_eq!(v["state"], "stopped");
    assert_eq!(v["reason"], "daemon_shutdown");
}

#[test]
fn cleanup_removes_ended_bots() {
    let env = Env::new();
    let _d = env.daemon(&[]);
    let junk = env.dir.path().join("junk.wav");
    std::fs::write(&junk, b"not audio").unwrap();
    let id = spawn(&env, &["--kind", "file", "--source", s(&junk)]);
    wait_state(&env, &id, "failed", Duration::from_secs(10));
    env.orch(&["bot", "cleanup", "--older-than", "1h"])
        .ok()
        .stdout_has("removed 0");
    env.orch(&["bot", "cleanup", "--older-than", "0s"])
        .ok()
        .stdout_has("removed 1");
    env.orch(&["bot", "status", &id]).fails_with(4);
    env.orch(&["bot", "cleanup", "--older-than", "soon"])
        .fails_with(2);
}

/// A meeting-bot program: speaks the bot protocol over the daemon's socket, sends a
/// participant event and two seconds of audio, then exits.
const MEETING_PROGRAM: &str = r#"#!/usr/bin/env python3
import base64, json, math, os, socket, struct, sys, time
args = dict(zip(sys.argv[1::2], sys.argv[2::2]))
# The meeting URL (it carries passwords) comes in the environment, never in argv.
assert "--meeting-url" not in args and not any("meet.google" in a for a in sys.argv), sys.argv
assert os.environ["ORCH_MEETING_URL"] == "https://meet.google.com/abc-defg-hij", os.environ
s = socket.socket(socket.AF_UNIX); s.connect(args["--socket"])
def send(i, req):
    b = json.dumps({"id": i, "request": req}).encode()
    s.sendall(struct.pack(">I", len(b)) + b)
def recv():
    n = struct.unpack(">I", s.recv(4, socket.MSG_WAITALL))[0]
    return json.loads(s.recv(n, socket.MSG_WAITALL))
send(1, {"type": "hello", "protocol": 1, "client_version": "fake-meeting-bot"}); recv()
send(2, {"type": "bot_attach", "bot_id": args["--bot-id"], "sample_rate": 16000, "channels": 1})
r = recv()
assert r["response"]["type"] == "ok", r
send(3, {"type": "bot_participant", "event": "joined", "participant_id": "p1", "name": "Ada"})
rate, n = 16000, 0
t0 = time.time()
while n < 2 * rate:
    pcm = b"".join(struct.pack("<h", int(6000 * math.sin(2 * math.pi * 300 * (n + i) / rate))) for i in range(320))
    send(10, {"type": "bot_audio", "format": "s16le", "data": base64.b64encode(pcm).decode()})
    n += 320
    d = t0 + n / rate - time.time()
    if d > 0: time.sleep(d)
print("meeting over", flush=True)
"#;

#[test]
fn meeting_bot_streams_audio_over_the_bot_protocol() {
    require_python();
    let env = Env::new();
    let prog = env.dir.path().join("meetbot.py");
    std::fs::write(&prog, MEETING_PROGRAM).unwrap();
    std::fs::set_permissions(&prog, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    env.write_config(&format!("[bots]\nmeeting_program = \"{}\"\n", s(&prog)));
    let _d = env.daemon(&[]);
    let id = spawn(
        &env,
        &[
            "--kind",
            "meeting",
            "--meeting-url",
            "https://meet.google.com/abc-defg-hij",
            "--platform",
            "google-meet",
            "--language",
            "en",
            "--target-language",
            "de",
        ],
    );
    wait_state(&env, &id, "running", Duration::from_secs(15));
    wait_for(Duration::from_secs(10), "pushed audio", || {
        bot(&env, &id)["live"]["audio_s"].as_f64().unwrap_or(0.0) > 0.5
    });
    let v = wait_state(&env, &id, "stopped", Duration::from_secs(15));
    assert_eq!(v["reason"], "source_ended");
    let ev = env.orch(&["events", "--bot", &id, "--no-follow"]).stdout();
    assert!(ev.contains("participant"), "{ev}");
    let json = env
        .orch(&["--json", "events", "--bot", &id, "--no-follow"])
        .stdout();
    assert!(json.contains("Ada"), "{json}");
}

#[test]
fn analyze_live_on_a_running_bot() {
    let env = Env::new();
    let _d = env.daemon(&[]);
    let wav = speech(&env, 1.5);
    let id = spawn(&env, &["--kind", "file", "--source", s(&wav)]);
    // Meters stream until the file ends, then the summary.
    let r = env.orch(&["--json", "analyze", "--live", &id]);
    r.ok();
    let lines: Vec<Value> = r
        .stdout()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let meters: Vec<&Value> = lines.iter().filter(|v| v["type"] == "meters").collect();
    assert!(meters.len() >= 5, "{}", r.stdout());
    assert!(
        meters
            .iter()
            .any(|m| m["meters"]["momentary_lufs"].is_number())
    );
    let summary = lines.last().unwrap();
    assert_eq!(summary["type"], "summary");
    assert_eq!(summary["state"], "stopped");
    env.orch(&["analyze", "--live", "nope"]).fails_with(4);
}

#[test]
fn analyze_live_from_stdin_through_the_daemon() {
    use std::io::Write;
    let env = Env::new();
    let _d = env.daemon(&[]);
    // Two seconds of a -20 dBFS 1 kHz sine as s16le, 48 kHz stereo.
    let mut pcm = Vec::new();
    for i in 0..96_000 {
        let v = (0.1 * 32767.0 * (2.0 * std::f64::consts::PI * 1000.0 * i as f64 / 48_000.0).sin())
            as i16;
        pcm.extend_from_slice(&v.to_le_bytes());
        pcm.extend_from_slice(&v.to_le_bytes());
    }
    let mut child = env
        .command(&helper::orch_bin())
        .args([
            "--json",
            "analyze",
            "--live",
            "-",
            "--format",
            "s16le",
            "--rate",
            "48000",
            "--channels",
            "2",
        ])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(&pcm).unwrap();
    let out = child.wait_with_output().unwrap();
    let r = helper::Run::new("orch analyze --live -".into(), out);
    r.ok();
    let last: Value = serde_json::from_str(r.stdout().lines().last().unwrap()).unwrap();
    let report = &last["report"];
    assert!(
        (report["duration_s"].as_f64().unwrap() - 2.0).abs() < 0.01,
        "{report}"
    );
    // A -20 dBFS sine in both channels of a stereo stream reads -20 LUFS (+/- 0.1).
    let i = report["loudness"]["integrated_lufs"].as_f64().unwrap();
    assert!((i + 20.0).abs() < 0.2, "integrated {i}");
    env.orch(&["analyze", "--live", "-"])
        .fails_with(5)
        .stderr_has("--format");
}

fn stage_names(v: &Value) -> Vec<String> {
    v["live"]["pipeline"]["stages"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|s| s["stage"].as_str().unwrap().to_string())
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn presets_apply_to_a_running_bot() {
    let env = Env::new();
    let _d = env.daemon(&[]);
    let wav = speech(&env, 60.0);
    // A user preset from the database works for spawn like a built-in.
    env.orch(&[
        "preset",
        "create",
        "gentle",
        "--from",
        "voice",
        "--set",
        "compression.ratio=2",
    ])
    .ok();
    let id = spawn(
        &env,
        &["--kind", "file", "--source", s(&wav), "--preset", "gentle"],
    );
    wait_state(&env, &id, "running", Duration::from_secs(10));
    wait_for(Duration::from_secs(10), "pipeline metrics", || {
        !stage_names(&bot(&env, &id)).is_empty()
    });
    let before = stage_names(&bot(&env, &id));
    assert_eq!(bot(&env, &id)["preset"], "gentle");

    // Same stages, other parameters: updated in place.
    let r = env.orch(&["--json", "preset", "apply", "broadcast", "--bot", &id]);
    r.ok();
    assert_eq!(r.json()["preset"], "broadcast");
    wait_for(
        Duration::from_secs(10),
        "broadcast in the audio thread",
        || bot(&env, &id)["live"]["preset"] == "broadcast",
    );
    // Other stages: the chain is rebuilt (crossfaded) without stopping the audio.
    env.orch(&["preset", "apply", "minimal", "--bot", &id]).ok();
    wait_for(Duration::from_secs(10), "the pass-through chain", || {
        let v = bot(&env, &id);
        v["live"]["preset"] == "minimal" && stage_names(&v).is_empty()
    });
    assert!(!before.is_empty());
    // The audio never stopped.
    assert_eq!(bot(&env, &id)["state"], "running");
    assert_eq!(bot(&env, &id)["restarts"], 0);
    let ev = env
        .orch(&["--json", "events", "--bot", &id, "--no-follow"])
        .stdout();
    assert!(ev.contains("preset_applied"), "{ev}");

    env.orch(&["preset", "apply", "no-such-preset", "--bot", &id])
        .fails_with(4);
    env.orch(&[
        "bot",
        "spawn",
        "--kind",
        "file",
        "--source",
        s(&wav),
        "--preset",
        "no-such-preset",
    ])
    .fails_with(4)
    .stderr_has("no-such-preset");
    env.orch(&["bot", "terminate", &id]).ok();
    env.orch(&["preset", "apply", "voice", "--bot", &id])
        .fails_with(5)
        .stderr_has("only a live bot");
}

#[test]
fn bot_config_changes_a_running_bot_live_or_changes_nothing() {
    let env = Env::new();
    let _d = env.daemon(&[]);
    let wav = speech(&env, 30.0);
    let id = spawn(&env, &["--kind", "file", "--source", s(&wav)]);
    wait_state(&env, &id, "running", Duration::from_secs(10));
    let cfg = |extra: &[&str]| {
        let mut a = vec!["--json", "bot", "config", id.as_str()];
        a.extend_from_slice(extra);
        env.orch(&a)
    };
    let before = cfg(&[]).json();
    assert_eq!(before["max_duration_s"], 14400.0);
    assert_eq!(before["preset"], "default");
    assert_eq!(before["transcribe"], false);
    assert!(
        before["live_keys"].as_array().unwrap().len() >= 4,
        "{before}"
    );

    // Unknown keys and bad values exit 5 and change nothing, even beside good ones.
    for bad in [
        &["--set", "color=red"][..],
        &["--set", "max_duration_s=600", "--set", "transcribe=maybe"],
        &["--set", "silence_timeout_s=-1"],
        &["--set", "webcam.mode=sidebar"],
        &["--set", "webcam=maybe"],
    ] {
        cfg(bad).fails_with(5).one_line_error();
    }
    cfg(&["--set", "preset=no-such-preset"]).fails_with(4);
    let same = cfg(&[]).json();
    assert_eq!(same["max_duration_s"], 14400.0, "{same}");
    assert_eq!(same["preset"], "default");
    assert_eq!(same["transcribe"], false);
    // Transcription turns on for a bot spawned without it (the engine need not be up:
    // chunks wait behind its breaker, as for a bot spawned with --transcribe).
    let on = cfg(&["--set", "transcribe=true"]);
    on.ok();
    assert_eq!(on.json()["transcribe"], true, "{}", on.stdout());
    assert!(env.bot(&id)["transcription"].is_object());

    // Good ones apply at once: the chain switches and the new leave rule ends the bot.
    let r = cfg(&["--set", "preset=voice", "--set", "max_duration_s=4"]);
    r.ok();
    let v = r.json();
    assert_eq!(
        v["changed"],
        serde_json::json!(["preset", "max_duration_s"])
    );
    assert_eq!(v["max_duration_s"], 4.0);
    let b = wait_state(&env, &id, "stopped", Duration::from_secs(15));
    assert_eq!(b["reason"], "max_duration", "{b}");
    assert_eq!(b["preset"], "voice");
    assert_eq!(b["spec"]["max_duration_s"], 4.0, "stored with the bot: {b}");
    env.orch(&["bot", "logs", &id])
        .ok()
        .stdout_has("config: max_duration_s 14400 -> 4")
        .stdout_has("preset voice applied");
    // An ended bot shows its settings; nothing changes any more.
    env.orch(&["bot", "config", &id])
        .ok()
        .stdout_has("nothing (the bot has ended)");
    cfg(&["--set", "preset=default"]).fails_with(5);
}
