//! The meeting bot end to end: orchd starts the bundled `orch-meet`, which joins the
//! meeting simulator (tests/meeting/simulator.html, shaped like a Google Meet call) in
//! Debian's headless Chromium, streams the call's audio and speakers into orch, and
//! shows the bot's webcam as its camera. Real browser, real speech (espeak-ng), real
//! speech-to-text (Whisper); `scripts/engines install` installs them all.

mod helper;

use std::time::Duration;

use helper::engines::{espeak, whisper_url};
use helper::meeting::Simulator;
use helper::{Env, wait_for};

const ALICE: &str = "Please remember to send the budget report before Friday.";
const BOB: &str = "The new library opens downtown in early spring.";

/// The simulator with the two speakers' lines.
fn simulator(env: &Env) -> Simulator {
    let dir = env.dir.path().join("speech");
    std::fs::create_dir_all(&dir).unwrap();
    espeak(&dir.join("alice.wav"), ALICE);
    espeak(&dir.join("bob.wav"), BOB);
    Simulator::start(&dir)
}

fn spawn_meeting(env: &Env, url: &str, extra: &[&str]) -> String {
    let mut args = vec![
        "--kind",
        "meeting",
        "--platform",
        "google-meet",
        "--meeting-url",
        url,
        "--name",
        "notes",
    ];
    args.extend_from_slice(extra);
    env.spawn_bot(&args)
}

/// The bot's stored events (transitions, participants), one JSON object each.
fn events(env: &Env, bot: &str) -> Vec<serde_json::Value> {
    env.orch(&[
        "--json",
        "events",
        "--bot",
        bot,
        "--since",
        "1h",
        "--no-follow",
    ])
    .ok()
    .stdout()
    .lines()
    .map(|l| serde_json::from_str(l).unwrap())
    .collect()
}

/// The process group of the bot's browser, from its log line `browser started (pid N)`.
fn browser_pids(env: &Env, bot: &str) -> Vec<u32> {
    let logs = env.orch(&["bot", "logs", bot]).stdout();
    logs.lines()
        .filter_map(|l| l.split("browser started (pid ").nth(1))
        .filter_map(|r| r.trim_end_matches(')').parse().ok())
        .collect()
}

/// Processes still in the process group `pgid`.
fn group_members(pgid: u32) -> Vec<u32> {
    let mut out = Vec::new();
    for e in std::fs::read_dir("/proc").unwrap().flatten() {
        let Ok(pid) = e.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        let Ok(stat) = std::fs::read_to_string(e.path().join("stat")) else {
            continue;
        };
        // pid (comm) state ppid pgrp ...: the fields after the last ')'.
        let rest = stat.rsplit(')').next().unwrap_or_default();
        let fields: Vec<&str> = rest.split_whitespace().collect();
        if fields.get(2).and_then(|g| g.parse::<u32>().ok()) == Some(pgid) && fields[0] != "Z" {
            out.push(pid);
        }
    }
    out
}

fn assert_no_browser_left(env: &Env, bot: &str) {
    let pids = browser_pids(env, bot);
    assert!(!pids.is_empty(), "the bot's log names its browser");
    for pgid in pids {
        wait_for(Duration::from_secs(10), "the browser to be gone", || {
            group_members(pgid).is_empty()
        });
    }
}

fn ended_with(env: &Env, bot: &str, state: &str, reason: &str, within: Duration) {
    let st = env.wait_bot(bot, state, within);
    assert_eq!(st["reason"], reason, "{st}");
}

#[test]
fn the_bot_joins_hears_both_speakers_by_name_and_leaves_when_the_call_ends() {
    let env = Env::new();
    env.write_config(&format!(
        "[transcription]\nurl = \"{}\"\n[meeting]\ndisplay_name = \"Orch Notes\"\n",
        whisper_url()
    ));
    let _d = env.daemon(&[]);
    let sim = simulator(&env);
    let bot = spawn_meeting(
        &env,
        &sim.url("admit_ms=800"),
        &["--transcribe", "--language", "en"],
    );
    env.wait_bot(&bot, "running", Duration::from_secs(60));
    // The page got the bot's name, with the microphone off and no camera (no webcam).
    let join = sim.state.lock().unwrap().joins.first().cloned().unwrap();
    assert_eq!(join["name"], "Orch Notes", "{join}");
    assert_eq!(join["mic"], false, "{join}");
    assert_eq!(join["camera"], false, "{join}");

    // Both lines reach the transcript, each under its speaker's name.
    let mut lines: Vec<serde_json::Value> = Vec::new();
    wait_for(
        Duration::from_secs(90),
        "both speakers in the transcript",
        || {
            lines = env
                .orch(&["--json", "transcript", "show", &bot])
                .stdout()
                .lines()
                .map(|l| serde_json::from_str(l).unwrap())
                .collect();
            let text = format!("{lines:?}").to_lowercase();
            text.contains("budget") && text.contains("library")
        },
    );
    for line in &lines {
        let text = line["text"].as_str().unwrap().to_lowercase();
        if text.contains("budget") {
            assert_eq!(line["speaker"], "Alice Example", "{line}");
            assert_eq!(line["speaker_method"], "participant", "{line}");
        }
        if text.contains("library") {
            assert_eq!(line["speaker"], "Bob Example", "{line}");
        }
    }
    // The meters heard speech.
    let st = env.bot(&bot);
    assert!(
        st["live"]["meters"]["integrated_lufs"]
            .as_f64()
            .unwrap_or(-200.0)
            > -60.0,
        "{st}"
    );

    // Participants arrived with names.
    let evs = events(&env, &bot);
    let named = |event: &str, name: &str| {
        evs.iter()
            .any(|e| e.to_string().contains(event) && e.to_string().contains(name))
    };
    assert!(named("joined", "Alice Example"), "{evs:?}");
    assert!(named("joined", "Bob Example"), "{evs:?}");
    assert!(named("speaking", "Bob Example"), "{evs:?}");
    assert!(
        !named("joined", "Orch Notes"),
        "the bot is not its own participant"
    );

    // The host ends the call: the bot stops with that reason, and no browser is left.
    sim.control("end");
    ended_with(
        &env,
        &bot,
        "stopped",
        "meeting_ended",
        Duration::from_secs(20),
    );
    assert_no_browser_left(&env, &bot);
}
