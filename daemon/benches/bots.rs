//! Bot benchmarks (`cargo bench -p orch-daemon --bench bots`, or `scripts/bench bots`):
//! spawn to first processed audio of a file bot, concurrent realtime bots with the
//! `conference` preset and live analysis (dropped blocks, per-block times), and daemon
//! memory per bot. Needs the release binaries; prints results, asserts nothing.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use orch::bots::{BotKind, BotSpec};
use orch::protocol::{Client, Request, Response};

fn bin(name: &str) -> PathBuf {
    let exe = std::env::current_exe().unwrap();
    let p = exe.parent().unwrap().parent().unwrap().join(name);
    assert!(
        p.exists(),
        "{} missing: run `cargo build --release --workspace` first",
        p.display()
    );
    p
}

fn rss_kib(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .unwrap()
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|l| l.split_whitespace().next())
        .and_then(|v| v.parse().ok())
        .unwrap()
}

fn cpu_s(pid: u32) -> f64 {
    let s = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap();
    let f: Vec<&str> = s.rsplit(')').next().unwrap().split_whitespace().collect();
    (f[11].parse::<f64>().unwrap() + f[12].parse::<f64>().unwrap()) / 100.0
}

fn wav(path: &Path, secs: f64) {
    let spec = hound::WavSpec {
        channels: 1,
        sample_rate: 16000,
        bits_per_sample: 16,
        sample_format: hound::SampleFormat::Int,
    };
    let mut w = hound::WavWriter::create(path, spec).unwrap();
    for i in 0..(16000.0 * secs) as usize {
        let t = i as f64 / 16000.0;
        let on = (t % 0.5) < 0.3;
        let mut x = 0.0;
        if on {
            for h in 1..6 {
                x += (2.0 * std::f64::consts::PI * 140.0 * h as f64 * t).sin() / h as f64;
            }
        }
        x = x * 0.2 + ((i * 7919 % 1000) as f64 / 1000.0 - 0.5) * 0.01;
        w.write_sample((x * 32767.0) as i16).unwrap();
    }
    w.finalize().unwrap();
}

async fn call(c: &mut Client, r: Request) -> Response {
    c.call(r).await.unwrap()
}

fn spec(file: &Path, preset: &str) -> BotSpec {
    let mut s = BotSpec::new(BotKind::File);
    s.source = Some(file.display().to_string());
    s.preset = Some(preset.into());
    s.looped = true;
    s
}

fn pct(v: &mut [f64], p: f64) -> f64 {
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    v[((v.len() - 1) as f64 * p).round() as usize]
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let steps: Vec<usize> = std::env::var("ORCH_BENCH_BOTS")
        .unwrap_or_else(|_| "25,50,100,150".into())
        .split(',')
        .filter_map(|s| s.trim().parse().ok())
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("speech.wav");
    wav(&file, 10.0);
    let cfg = dir.path().join("config.toml");
    std::fs::write(
        &cfg,
        "[bots]\nmax_concurrent = 1000\nsilence_timeout_s = 3600.0\n",
    )
    .unwrap();
    let socket = dir.path().join("orchd.sock");
    let mut child = Command::new(bin("orchd"))
        .args([
            "--socket",
            socket.to_str().unwrap(),
            "--data-dir",
            dir.path().join("data").to_str().unwrap(),
            "--config",
            cfg.to_str().unwrap(),
            "--log-level",
            "warn",
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let pid = child.id();
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let mut c = loop {
            if let Ok(c) = Client::connect(&socket).await {
                break c;
            }
            tokio::time::sleep(Duration::from_millis(5)).await;
        };
        tokio::time::sleep(Duration::from_millis(300)).await;
        let idle = rss_kib(pid);
        println!("{:<44} {idle} KiB", "orchd idle RSS");

        // Spawn to first processed audio.
        let mut first = Vec::new();
        for _ in 0..20 {
            let t = Instant::now();
            let id = match call(&mut c, Request::BotSpawn { spec: spec(&file, "conference") }).await {
                Response::Bot(b) => b.id,
                other => panic!("{other:?}"),
            };
            loop {
                if let Response::Bot(b) = call(&mut c, Request::BotStatus { id: id.clone() }).await
                    && b.live.as_ref().is_some_and(|l| l.blocks > 0)
                {
                    break;
                }
                tokio::time::sleep(Duration::from_micros(500)).await;
            }
            first.push(t.elapsed().as_secs_f64() * 1e3);
            call(&mut c, Request::BotTerminate { id, timeout_s: Some(1.0), force: true }).await;
        }
        println!(
            "{:<44} median {:.1} ms, p95 {:.1} ms (n=20; first live figures are published after 100 ms of audio at most)",
            "file bot spawn to first processed audio",
            pct(&mut first.clone(), 0.5),
            pct(&mut first, 0.95)
        );

        // Concurrent realtime bots.
        let mut live: Vec<String> = Vec::new();
        for &n in &steps {
            while live.len() < n {
                match call(&mut c, Request::BotSpawn { spec: spec(&file, "conference") }).await {
                    Response::Bot(b) => live.push(b.id),
                    other => panic!("{other:?}"),
                }
            }
            tokio::time::sleep(Duration::from_secs(3)).await; // settle
            let (cpu0, t0) = (cpu_s(pid), Instant::now());
            let before = match call(&mut c, Request::AnalyticsPerformance { since: Some(orch::protocol::now_unix()), bot: None }).await {
                Response::Performance(p) => p.bots.iter().map(|b| b.dropped_blocks).sum::<u64>(),
                other => panic!("{other:?}"),
            };
            tokio::time::sleep(Duration::from_secs(10)).await;
            let cpu = (cpu_s(pid) - cpu0) / t0.elapsed().as_secs_f64();
            let perf = match call(&mut c, Request::AnalyticsPerformance { since: Some(orch::protocol::now_unix()), bot: None }).await {
                Response::Performance(p) => p,
                other => panic!("{other:?}"),
            };
            let dropped = perf.bots.iter().map(|b| b.dropped_blocks).sum::<u64>() - before;
            let mut p50: Vec<f64> = perf.bots.iter().filter_map(|b| b.p50_ms).collect();
            let mut p99: Vec<f64> = perf.bots.iter().filter_map(|b| b.p99_ms).collect();
            let rss = rss_kib(pid);
            println!(
                "{n:>4} conference bots at 16 kHz mono: dropped {dropped} blocks in 10 s, per-block chain p50 {:.3} ms / worst bot p99 {:.3} ms (20 ms blocks), daemon CPU {:.0}% of one core, RSS {} KiB = {:.2} MiB per bot over idle",
                pct(&mut p50, 0.5),
                pct(&mut p99, 1.0),
                cpu * 100.0,
                rss,
                (rss.saturating_sub(idle)) as f64 / 1024.0 / n as f64
            );
        }
        for id in live {
            let _ = c.call(Request::BotTerminate { id, timeout_s: Some(1.0), force: true }).await;
        }
    });
    let _ = child.kill();
    let _ = child.wait();
}
