//! `[metrics] listen`: orchd's Prometheus endpoint, checked with the real tools of the
//! Debian `prometheus` package: `promtool check metrics` on a scrape while 20 bots
//! run, and a real Prometheus server scraping orchd on loopback and answering a query.

mod helper;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use helper::engines::free_port;
use helper::{Env, http_get as get, metric as sample, wait_for};
use serde_json::Value;

fn metrics_env(port: u16) -> Env {
    let env = Env::new();
    env.write_config(&format!("[metrics]\nlisten = \"127.0.0.1:{port}\"\n"));
    env
}

fn speech(env: &Env, secs: f64) -> PathBuf {
    let p = env.dir.path().join("speech.wav");
    helper::audio::speech_like_wav(&p, 16000, secs);
    p
}

fn spawn_file_bot(env: &Env, wav: &Path, name: &str) -> String {
    let r = env.orch(&[
        "--json",
        "bot",
        "spawn",
        "--kind",
        "file",
        "--source",
        wav.to_str().unwrap(),
        "--name",
        name,
    ]);
    r.ok();
    r.json()["id"].as_str().unwrap().to_string()
}

#[test]
fn a_scrape_under_twenty_bots_passes_promtool() {
    let port = free_port();
    let env = metrics_env(port);
    let _d = env.daemon(&[]);
    let wav = speech(&env, 30.0);
    let ids: Vec<String> = (0..20)
        .map(|i| spawn_file_bot(&env, &wav, &format!("bot{i}")))
        .collect();
    let mut text = String::new();
    wait_for(
        Duration::from_secs(30),
        "20 running bots with blocks",
        || {
            let (status, body) = get(port, "/metrics");
            assert_eq!(status, "HTTP/1.1 200 OK");
            text = body;
            sample(&text, "orch_bots{state=\"running\"}") == Some(20.0)
                && ids.iter().all(|id| {
                    sample(&text, &format!("orch_bot_blocks_total{{bot=\"{id}\"}}"))
                        .is_some_and(|n| n > 0.0)
                        && sample(
                            &text,
                            &format!("orch_block_duration_seconds_count{{bot=\"{id}\"}}"),
                        )
                        .is_some_and(|n| n > 0.0)
                })
        },
    );
    let mut check = Command::new("promtool")
        .args(["check", "metrics"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("promtool runs (Debian package prometheus: scripts/engines install)");
    check
        .stdin
        .take()
        .unwrap()
        .write_all(text.as_bytes())
        .unwrap();
    let out = check.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "promtool check metrics: {}{}\n{text}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(sample(&text, "process_resident_memory_bytes").is_some_and(|b| b > 1e6));

    // Ended bots leave the per-bot series; the state counts follow.
    for id in &ids {
        env.orch(&["bot", "terminate", id]).ok();
    }
    let (_, text) = get(port, "/metrics");
    assert_eq!(sample(&text, "orch_bots{state=\"stopped\"}"), Some(20.0));
    assert_eq!(sample(&text, "orch_bots{state=\"running\"}"), Some(0.0));
    assert!(!text.contains("orch_bot_blocks_total{"), "{text}");

    // Anything but GET /metrics is refused plainly.
    assert_eq!(get(port, "/nope").0, "HTTP/1.1 404 Not Found");
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    s.write_all(b"DELETE /metrics HTTP/1.1\r\n\r\n").unwrap();
    let mut out = String::new();
    s.read_to_string(&mut out).unwrap();
    assert!(out.starts_with("HTTP/1.1 405"), "{out}");
}

/// A Prometheus server for one test, stopped when dropped.
struct Prometheus(Child);

impl Drop for Prometheus {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn a_real_prometheus_scrapes_orchd_and_answers_a_query() {
    let port = free_port();
    let env = metrics_env(port);
    let _d = env.daemon(&[]);
    let wav = speech(&env, 30.0);
    let id = spawn_file_bot(&env, &wav, "scraped");

    let web = free_port();
    let dir = env.dir.path().join("prometheus");
    std::fs::create_dir_all(&dir).unwrap();
    let config = dir.join("prometheus.yml");
    std::fs::write(
        &config,
        format!(
            "global:\n  scrape_interval: 1s\n  scrape_timeout: 1s\n\
             scrape_configs:\n  - job_name: orch\n    static_configs:\n      - targets: ['127.0.0.1:{port}']\n"
        ),
    )
    .unwrap();
    let _p = Prometheus(
        Command::new("prometheus")
            .arg(format!("--config.file={}", config.display()))
            .arg(format!(
                "--storage.tsdb.path={}",
                dir.join("data").display()
            ))
            .arg(format!("--web.listen-address=127.0.0.1:{web}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("prometheus runs (Debian package prometheus: scripts/engines install)"),
    );
    let query = |q: &str| -> Option<Value> {
        let mut s = TcpStream::connect(("127.0.0.1", web)).ok()?;
        s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
        write!(
            s,
            "GET /api/v1/query?query={q} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
        )
        .ok()?;
        let mut out = String::new();
        s.read_to_string(&mut out).ok()?;
        let body = out.split_once("\r\n\r\n")?.1;
        serde_json::from_str(body).ok()
    };
    let mut answer = Value::Null;
    wait_for(
        Duration::from_secs(40),
        "Prometheus to hold the bot's block counter",
        || {
            answer = query("orch_bot_blocks_total").unwrap_or(Value::Null);
            answer["data"]["result"].as_array().is_some_and(|r| {
                r.iter().any(|s| {
                    s["metric"]["bot"] == id.as_str()
                        && s["metric"]["job"] == "orch"
                        && s["value"][1]
                            .as_str()
                            .and_then(|v| v.parse::<f64>().ok())
                            .is_some_and(|v| v > 0.0)
                })
            })
        },
    );
    let up = query("up").expect("Prometheus answers");
    assert_eq!(up["data"]["result"][0]["value"][1], "1", "{up}");
    env.orch(&["bot", "terminate", &id]).ok();
}

#[test]
fn a_bad_or_taken_metrics_address_stops_orchd_with_a_config_error() {
    let env = Env::new();
    env.write_config("[metrics]\nlisten = \"localhost-9464\"\n");
    let r = env.spawn_daemon(&[]).wait_exit(Duration::from_secs(10));
    r.fails_with(5)
        .stderr_has("metrics.listen")
        .stderr_has("localhost-9464");

    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port();
    let env = metrics_env(port);
    let r = env.spawn_daemon(&[]).wait_exit(Duration::from_secs(10));
    r.fails_with(5)
        .stderr_has(&format!("cannot listen on 127.0.0.1:{port}"));
    assert!(
        !env.socket.exists(),
        "a daemon that cannot start leaves no socket"
    );
}

#[test]
fn status_system_shows_what_the_daemon_and_each_bot_use() {
    let env = Env::new();
    let _d = env.daemon(&[]);
    let wav = speech(&env, 30.0);
    let file_bot = spawn_file_bot(&env, &wav, "in-process");
    let r = env.orch(&[
        "--json",
        "bot",
        "spawn",
        "--kind",
        "command",
        "--source",
        "exec cat /dev/zero",
        "--format",
        "s16le",
        "--name",
        "worker",
    ]);
    r.ok();
    let command_bot = r.json()["id"].as_str().unwrap().to_string();
    let mut sys = Value::Null;
    wait_for(Duration::from_secs(20), "both bots with figures", || {
        sys = env.orch(&["--json", "status"]).json()["system"].clone();
        sys["bots"]
            .as_array()
            .is_some_and(|b| b.len() == 2 && b.iter().all(|b| b["cpu_s"].as_f64().is_some()))
    });
    assert!(sys["rss_kib"].as_u64().unwrap() > 1000, "{sys}");
    assert!(sys["threads"].as_u64().unwrap() >= 3, "{sys}");
    assert!(sys["open_files"].as_u64().unwrap() >= 3, "{sys}");
    // The database and its journal are in the data directory.
    assert!(sys["data_dir_bytes"].as_u64().unwrap() > 4096, "{sys}");
    let (free, total) = (
        sys["disk_free_bytes"].as_u64().unwrap(),
        sys["disk_total_bytes"].as_u64().unwrap(),
    );
    assert!(free > 0 && free <= total, "{sys}");
    let bots = sys["bots"].as_array().unwrap();
    let of = |id: &str| bots.iter().find(|b| b["id"] == id).unwrap().clone();
    let (f, c) = (of(&file_bot), of(&command_bot));
    assert!(f["pid"].is_null() && f["rss_kib"].is_null(), "{f}");
    assert!(
        c["pid"].as_u64().is_some() && c["rss_kib"].as_u64().unwrap() > 0,
        "{c}"
    );
    env.orch(&["status", "--system"])
        .ok()
        .stdout_has("open files")
        .stdout_has("free of")
        .stdout_has(&command_bot)
        .stdout_has("(thread)");
    // Without --system the text stays short.
    let plain = env.orch(&["status"]);
    assert!(!plain.stdout().contains("open files"), "{}", plain.stdout());
    for id in [&file_bot, &command_bot] {
        env.orch(&["bot", "terminate", id]).ok();
    }
}
