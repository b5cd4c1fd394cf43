//! The meeting bot end to end: orchd starts the bundled `orch-meet`, which joins the
//! meeting simulator (tests/meeting/simulator.html, shaped like a Google Meet call) in
//! Debian's headless Chromium, streams the call's audio and speakers into orch, and
//! shows the bot's webcam as its camera. Real browser, real speech (espeak-ng), real
//! speech-to-text (Whisper); `scripts/engines install` installs them all.

mod helper;

use std::process::Command;
use std::time::Duration;

use helper::engines::{espeak, ocr, whisper_url};
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

#[test]
fn a_host_who_denies_or_never_answers_fails_the_bot_at_the_lobby_without_a_restart() {
    let env = Env::new();
    env.write_config("[meeting]\nlobby_timeout_s = 5\n");
    let _d = env.daemon(&[]);
    let sim = simulator(&env);
    let denied = spawn_meeting(&env, &sim.url("lobby=deny&admit_ms=500"), &[]);
    let ignored = spawn_meeting(&env, &sim.url("lobby=never"), &["--dedup-key", "other"]);
    ended_with(
        &env,
        &denied,
        "failed",
        "lobby_denied",
        Duration::from_secs(30),
    );
    ended_with(
        &env,
        &ignored,
        "failed",
        "lobby_timeout",
        Duration::from_secs(40),
    );
    for bot in [&denied, &ignored] {
        let st = env.bot(bot);
        assert_eq!(st["restarts"], 0, "{st}");
        assert_no_browser_left(&env, bot);
    }
    // The reason is stored with the transition.
    let evs = events(&env, &denied);
    assert!(
        evs.iter()
            .any(|e| e["event"]["to_state"] == "failed" && e["event"]["reason"] == "lobby_denied"),
        "{evs:?}"
    );
}

#[test]
fn the_bot_leaves_when_everyone_else_left_or_nobody_came() {
    let env = Env::new();
    env.write_config("[meeting]\nalone_timeout_s = 2\nempty_timeout_s = 4\n");
    let _d = env.daemon(&[]);
    let sim = simulator(&env);
    let bot = spawn_meeting(&env, &sim.url("admit_ms=300&rounds=0"), &[]);
    env.wait_bot(&bot, "running", Duration::from_secs(60));
    wait_for(Duration::from_secs(20), "the participants", || {
        events(&env, &bot)
            .iter()
            .any(|e| e.to_string().contains("Bob Example"))
    });
    sim.control("leave_all");
    ended_with(&env, &bot, "stopped", "left_alone", Duration::from_secs(20));
    let evs = events(&env, &bot);
    assert!(
        evs.iter()
            .any(|e| e.to_string().contains("left") && e.to_string().contains("Alice Example")),
        "{evs:?}"
    );
    assert_no_browser_left(&env, &bot);

    let empty = spawn_meeting(
        &env,
        &sim.url("admit_ms=300&alone=1"),
        &["--dedup-key", "empty"],
    );
    ended_with(
        &env,
        &empty,
        "stopped",
        "nobody_joined",
        Duration::from_secs(40),
    );
    assert_no_browser_left(&env, &empty);
}

#[test]
fn a_killed_or_hung_browser_is_restarted_and_terminate_leaves_no_browser_behind() {
    let env = Env::new();
    env.write_config("[bots]\nstall_timeout_s = 3\nrestart_backoff_s = 0.2\nmax_restarts = 5\n");
    let _d = env.daemon(&[]);
    let sim = simulator(&env);
    let bot = spawn_meeting(&env, &sim.url("admit_ms=300&rounds=0"), &[]);
    env.wait_bot(&bot, "running", Duration::from_secs(60));
    let first = browser_pids(&env, &bot)[0];
    // SIGKILL the browser: orch-meet fails, orchd restarts it, it joins again.
    assert!(
        Command::new("kill")
            .args(["-9", &first.to_string()])
            .status()
            .unwrap()
            .success()
    );
    wait_for(
        Duration::from_secs(60),
        "a second browser in the call",
        || {
            let st = env.bot(&bot);
            st["restarts"].as_u64() == Some(1) && st["state"] == "running"
        },
    );
    assert_eq!(browser_pids(&env, &bot).len(), 2);
    wait_for(
        Duration::from_secs(10),
        "the killed browser's helpers to go",
        || group_members(first).is_empty(),
    );
    // Kill the meeting program itself: its browser goes with it.
    let program = env.bot(&bot)["pid"].as_u64().unwrap() as u32;
    let second = browser_pids(&env, &bot)[1];
    assert!(
        Command::new("kill")
            .args(["-9", &program.to_string()])
            .status()
            .unwrap()
            .success()
    );
    wait_for(
        Duration::from_secs(10),
        "the orphaned browser to go",
        || group_members(second).is_empty(),
    );
    env.wait_bot(&bot, "running", Duration::from_secs(60));
    // A hung browser (stopped): no audio comes, the bot stalls and is restarted, and
    // the hung browser is killed with its program.
    let third = *browser_pids(&env, &bot).last().unwrap();
    assert!(
        Command::new("kill")
            .args(["-STOP", &third.to_string()])
            .status()
            .unwrap()
            .success()
    );
    wait_for(Duration::from_secs(60), "a restart after the stall", || {
        let st = env.bot(&bot);
        st["restarts"].as_u64() == Some(3) && st["state"] == "running"
    });
    wait_for(Duration::from_secs(10), "the hung browser to go", || {
        group_members(third).is_empty()
    });
    let evs = events(&env, &bot);
    assert!(
        evs.iter().any(|e| e["event"]["reason"] == "stalled"),
        "{evs:?}"
    );
    env.orch(&["bot", "terminate", &bot]).ok();
    ended_with(
        &env,
        &bot,
        "stopped",
        "terminated_by_user",
        Duration::from_secs(20),
    );
    assert_no_browser_left(&env, &bot);
}

#[test]
fn people_in_the_call_see_the_captions_on_the_bot_s_camera() {
    let env = Env::new();
    env.write_config(&format!(
        "[transcription]\nurl = \"{}\"\n[webcam]\ncaption_s = 30\n",
        whisper_url()
    ));
    let d = env.daemon(&[]);
    let sim = simulator(&env);
    let bot = spawn_meeting(
        &env,
        &sim.url("admit_ms=300"),
        &[
            "--transcribe",
            "--language",
            "en",
            "--webcam",
            "--webcam-set",
            "size=1280x720",
        ],
    );
    env.wait_bot(&bot, "running", Duration::from_secs(60));
    let join = sim.state.lock().unwrap().joins.first().cloned().unwrap();
    assert_eq!(join["camera"], true, "{join}");
    // The simulator's tile of the bot shows what the webcam draws: the spoken words.
    let png = env.dir.path().join("tile.png");
    let mut text = String::new();
    wait_for(
        Duration::from_secs(90),
        "the caption on the bot's tile",
        || {
            let Some(tile) = sim.state.lock().unwrap().tile.clone() else {
                return false;
            };
            std::fs::write(&png, tile).unwrap();
            text = ocr(&png);
            text.contains("budget") || text.contains("library")
        },
    );
    assert!(sim.state.lock().unwrap().tiles > 1);
    // orchd shutting down takes the browser with it.
    let browser = browser_pids(&env, &bot)[0];
    d.signal("TERM");
    wait_for(Duration::from_secs(20), "no browser left", || {
        group_members(browser).is_empty()
    });
}
