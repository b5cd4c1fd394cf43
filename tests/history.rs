//! History that lasts: bot logs on disk (after the bot ended, after kill -9 of orchd),
//! alerts stored with their severity (`orch events --since`, `orch bot status`), and
//! `orch db cleanup`, which removes everything of old sessions and nothing else.

mod helper;

use std::path::{Path, PathBuf};
use std::time::Duration;

use helper::Env;
use serde_json::Value;

fn wait_state(env: &Env, id: &str, want: &str) -> Value {
    env.wait_bot(id, want, Duration::from_secs(20))
}

fn spawn(env: &Env, args: &[&str]) -> String {
    env.spawn_bot(args)
}

fn speech(env: &Env, name: &str, secs: f64) -> PathBuf {
    let p = env.dir.path().join(name);
    helper::audio::speech_like_wav(&p, 16000, secs);
    p
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// Log files under the data directory, as paths relative to `logs/`.
fn log_files(env: &Env) -> Vec<String> {
    let root = env.data_dir.join("logs");
    let mut out = Vec::new();
    for bot in std::fs::read_dir(&root).into_iter().flatten().flatten() {
        for f in std::fs::read_dir(bot.path()).unwrap().flatten() {
            out.push(
                f.path()
                    .strip_prefix(&root)
                    .unwrap()
                    .to_string_lossy()
                    .to_string(),
            );
        }
    }
    out.sort();
    out
}

#[test]
fn logs_outlive_the_bot_and_a_killed_daemon() {
    let env = Env::new();
    let d = env.daemon(&[]);
    // A bot that ends by itself, and one still running when orchd is killed.
    let short = speech(&env, "short.wav", 1.0);
    let ended = spawn(
        &env,
        &["--kind", "file", "--source", s(&short), "--speed", "4"],
    );
    wait_state(&env, &ended, "stopped");
    let long = speech(&env, "long.wav", 60.0);
    let running = spawn(&env, &["--kind", "file", "--source", s(&long)]);
    wait_state(&env, &running, "running");

    let logs = env.orch(&["bot", "logs", &ended]);
    logs.ok()
        .stdout_has("requested -> starting")
        .stdout_has("stopping -> stopped (source_ended)");
    let json = env.orch(&["--json", "bot", "logs", &ended, "-n", "1"]);
    let lines: Vec<Value> = json
        .stdout()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 1, "{}", json.stdout());
    assert_eq!(lines[0]["type"], "bot_log");
    assert!(lines[0]["line"].as_str().unwrap().contains("-> stopped"));

    // kill -9: nothing is flushed at exit, yet both logs are there after a restart.
    d.signal("KILL");
    drop(d);
    let _d = env.daemon(&[]);
    env.orch(&["bot", "logs", &ended])
        .ok()
        .stdout_has("stopping -> stopped (source_ended)");
    env.orch(&["bot", "logs", &running])
        .ok()
        .stdout_has("starting -> running");
    // Every file is the owner's alone, like the rest of the data directory.
    use std::os::unix::fs::PermissionsExt;
    for f in log_files(&env) {
        let mode = std::fs::metadata(env.data_dir.join("logs").join(&f))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600, "{f}");
    }
    // A bot that does not exist is still a not-found.
    env.orch(&["bot", "logs", "nope"]).fails_with(4);
}

#[test]
fn alerts_are_stored_with_their_severity() {
    let env = Env::new();
    env.write_config("[bots]\nmax_restarts = 1\nrestart_backoff_s = 0.1\n");
    let d = env.daemon(&[]);
    // A command that writes a little audio and then dies, every time.
    let cmd = "head -c 3200 /dev/urandom; echo 'boom' >&2; exit 3";
    let id = spawn(
        &env,
        &["--kind", "command", "--source", cmd, "--format", "s16le"],
    );
    let b = wait_state(&env, &id, "failed");
    assert_eq!(b["reason"], "restart_limit");
    let severities: Vec<&str> = b["alerts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["severity"].as_str().unwrap())
        .collect();
    assert_eq!(severities, ["warning", "warning", "error"], "{b}");
    env.orch(&["bot", "status", &id])
        .ok()
        .stdout_has("alert")
        .stdout_has("error: bot")
        .stdout_has("failed: gave up after 1 restart(s)");

    // After a kill -9 of orchd, the history still holds them.
    d.signal("KILL");
    drop(d);
    let _d = env.daemon(&[]);
    let ev = env.orch(&["events", "--since", "1h", "--no-follow"]);
    ev.ok()
        .stdout_has(&format!("{id} warning: bot {id} crashed"))
        .stdout_has(&format!("{id} error: bot {id} failed"));
    // --since is a window: nothing is that recent after a pause.
    std::thread::sleep(Duration::from_millis(1100));
    let recent = env.orch(&["--json", "events", "--since", "1s", "--no-follow"]);
    recent.ok();
    assert!(!recent.stdout().contains(&id), "{}", recent.stdout());
    env.orch(&["events", "--since", "yesterday"]).fails_with(2);
    // A time works as well as an age: a minute before now (UTC), then one in the future.
    let minute_ago = orch::protocol::now_unix() as i64 - 60;
    let (days, secs) = (minute_ago.div_euclid(86_400), minute_ago.rem_euclid(86_400));
    let since = format!(
        "{}T{:02}:{:02}:{:02}Z",
        civil(days),
        secs / 3600,
        secs / 60 % 60,
        secs % 60
    );
    env.orch(&["events", "--since", &since, "--no-follow"])
        .ok()
        .stdout_has(&format!("{id} error: bot {id} failed"));
    env.orch(&["events", "--since", "2999-01-01"])
        .fails_with(2)
        .stderr_has("in the future");
}

/// `YYYY-MM-DD` of a day count since 1970-01-01 (civil-from-days).
fn civil(days: i64) -> String {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

#[test]
fn cleanup_removes_old_sessions_with_everything_and_nothing_else() {
    let env = Env::new();
    let _d = env.daemon(&[]);
    let wav = speech(&env, "short.wav", 1.0);
    let old = spawn(
        &env,
        &["--kind", "file", "--source", s(&wav), "--speed", "4"],
    );
    wait_state(&env, &old, "stopped");
    std::thread::sleep(Duration::from_millis(1500));
    let new = spawn(
        &env,
        &["--kind", "file", "--source", s(&wav), "--speed", "4"],
    );
    wait_state(&env, &new, "stopped");
    let before = env.orch(&["--json", "db", "status"]).json();
    let files = log_files(&env);
    assert_eq!(files.len(), 2, "{files:?}");
    assert!(
        before["history"]["events"].as_u64().unwrap() >= 8,
        "{before}"
    );
    assert!(
        before["history"]["stats_windows"].as_u64().unwrap() >= 2,
        "{before}"
    );
    assert_eq!(before["history"]["log_files"], 2);

    let r = env.orch(&["--json", "db", "cleanup", "--older-than", "1s"]);
    r.ok();
    let removed = r.json();
    assert_eq!(removed["bots"], 1, "{removed}");
    assert_eq!(removed["sessions"], 1, "{removed}");
    assert_eq!(removed["log_files"], 1, "{removed}");
    let after = env.orch(&["--json", "db", "status"]).json();
    for k in ["events", "stats_windows"] {
        assert_eq!(
            before["history"][k].as_u64().unwrap() - removed[k].as_u64().unwrap(),
            after["history"][k].as_u64().unwrap(),
            "{k}: {before} {removed} {after}"
        );
        assert!(removed[k].as_u64().unwrap() > 0, "{k}: {removed}");
    }
    // The old bot is gone with its log; the new one keeps everything.
    env.orch(&["bot", "status", &old]).fails_with(4);
    assert!(log_files(&env).iter().all(|f| f.starts_with(&new)));
    assert_eq!(log_files(&env).len(), 1);
    env.orch(&["bot", "logs", &new])
        .ok()
        .stdout_has("-> stopped");
    env.orch(&["db", "status"])
        .ok()
        .stdout_has("retention")
        .stdout_has("kept until `orch db cleanup`");
}

#[test]
fn retention_days_is_checked() {
    let env = Env::new();
    env.write_config("[daemon]\nretention_days = 0\n");
    env.orch(&["config", "check"])
        .fails_with(5)
        .stderr_has("daemon.retention_days");
    env.write_config("[daemon]\nretention_days = 30\n");
    let _d = env.daemon(&[]);
    env.orch(&["db", "status"])
        .ok()
        .stdout_has("ended bots removed after 30 day(s)");
}

#[test]
fn analytics_read_the_windows_of_ended_sessions() {
    let env = Env::new();
    let d = env.daemon(&[]);
    // 25 s of audio at 5x: two full 10 s windows and a last one of 5 s.
    let wav = speech(&env, "talk.wav", 25.0);
    let id = spawn(
        &env,
        &["--kind", "file", "--source", s(&wav), "--speed", "5"],
    );
    wait_state(&env, &id, "stopped");
    d.signal("KILL");
    drop(d);
    let _d = env.daemon(&[]);

    let v = env.orch(&["--json", "analytics", "bot", &id]).json();
    let windows = v["windows"].as_array().unwrap();
    assert_eq!(windows.len(), 3, "{v}");
    let blocks: u64 = windows.iter().map(|w| w["blocks"].as_u64().unwrap()).sum();
    assert_eq!(blocks, 1250, "25 s of 20 ms blocks: {v}");
    assert_eq!(windows[0]["blocks"], 500);
    for w in windows {
        assert!(w["p95_ms"].as_f64().unwrap() > 0.0, "{w}");
        assert!(w["realtime_factor"].as_f64().unwrap() > 1.0, "{w}");
        assert!(
            w["end"].as_f64().unwrap() > w["start"].as_f64().unwrap(),
            "{w}"
        );
    }
    let text = env.orch(&["analytics", "bot", &id]);
    text.ok().stdout_has("p95 block time per 10 s window");

    let p = env
        .orch(&[
            "--json",
            "analytics",
            "performance",
            "--bot",
            &id,
            "--since",
            "1h",
        ])
        .json();
    let sessions = p["sessions"].as_array().unwrap();
    assert_eq!(sessions.len(), 1, "{p}");
    assert_eq!(sessions[0]["windows"], 3);
    assert_eq!(sessions[0]["blocks"], 1250);
    assert_eq!(sessions[0]["end_reason"], "source_ended");
    assert!(p["bots"].as_array().unwrap().is_empty(), "no live bot: {p}");
    env.orch(&["analytics", "performance"])
        .ok()
        .stdout_has("WORST P95 MS")
        .stdout_has(&id);
    env.orch(&["analytics", "bot", "nope"]).fails_with(4);
}

#[test]
fn analysis_reports_are_stored_for_bot_sessions_and_saved_files() {
    let env = Env::new();
    let _d = env.daemon(&[]);
    let wav = speech(&env, "talk.wav", 4.0);
    let id = spawn(
        &env,
        &["--kind", "file", "--source", s(&wav), "--speed", "4"],
    );
    wait_state(&env, &id, "stopped");
    // A file analysed and saved: the same report orch analyze --json prints.
    let printed = env.orch(&["--json", "analyze", "--save", s(&wav)]);
    printed.ok();
    let printed = printed.json();

    let list = env
        .orch(&["--json", "analytics", "analyses", "--since", "1h"])
        .json();
    let rows = list["analyses"].as_array().unwrap();
    assert_eq!(rows.len(), 2, "{list}");
    let file_row = rows.iter().find(|r| r["session_id"].is_null()).unwrap();
    let bot_row = rows.iter().find(|r| !r["session_id"].is_null()).unwrap();
    assert!(
        bot_row["source"].as_str().unwrap().contains(&id),
        "{bot_row}"
    );
    // The bot's report covers all its audio (4 s, through its chain).
    assert!(
        (bot_row["duration_s"].as_f64().unwrap() - 4.0).abs() < 0.05,
        "{bot_row}"
    );
    assert!(
        bot_row["integrated_lufs"].as_f64().unwrap() < -5.0,
        "{bot_row}"
    );
    assert_eq!(
        file_row["integrated_lufs"],
        printed["loudness"]["integrated_lufs"]
    );

    let full = env.orch(&["analytics", "analyses", "--id", &file_row["id"].to_string()]);
    full.ok();
    assert_eq!(full.json(), printed);
    env.orch(&["analytics", "analyses"])
        .ok()
        .stdout_has("LUFS")
        .stdout_has(&format!("bot {id}"));
    env.orch(&["analytics", "analyses", "--id", "999999"])
        .fails_with(4);

    // The bot's report goes with its bot; the saved file's stays.
    env.orch(&["db", "cleanup", "--older-than", "0s"]).ok();
    let list = env.orch(&["--json", "analytics", "analyses"]).json();
    assert_eq!(list["analyses"].as_array().unwrap().len(), 1, "{list}");
}
