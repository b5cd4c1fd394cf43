//! Daemon benchmarks (run with `cargo bench -p orch-daemon --bench daemon`, or
//! `scripts/bench`): orchd start to ready, idle RSS, status round trip in-process and
//! as a whole `orch status` command. Prints medians and tails; no assertions.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use orch::protocol::{Client, Request, Response};

fn bin(name: &str) -> PathBuf {
    // target/release/deps/daemon-xxxx -> target/release/<name>
    let exe = std::env::current_exe().unwrap();
    let dir = exe.parent().unwrap().parent().unwrap();
    let p = dir.join(name);
    assert!(
        p.exists(),
        "{} missing: build with `cargo build --release --workspace` first",
        p.display()
    );
    p
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn summary(name: &str, mut v: Vec<f64>, unit: &str) {
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    println!(
        "{name:<34} median {:>8.3} {unit}   p95 {:>8.3} {unit}   p99 {:>8.3} {unit}   (n={})",
        percentile(&v, 0.5),
        percentile(&v, 0.95),
        percentile(&v, 0.99),
        v.len()
    );
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

fn spawn(orchd: &Path, dir: &Path) -> std::process::Child {
    Command::new(orchd)
        .env("XDG_RUNTIME_DIR", dir.join("run"))
        .env("XDG_DATA_HOME", dir.join("data"))
        .env("XDG_CONFIG_HOME", dir.join("config"))
        .env_remove("ORCH_SOCKET")
        .env_remove("ORCH_CONFIG")
        .env_remove("ORCH_DATA_DIR")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return; // `cargo test --benches` probes benches this way
    }
    let orchd = bin("orchd");
    let orch = bin("orch");
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();

    // Start to ready: spawn until the socket answers a handshake (fresh database each time).
    let mut ready = Vec::new();
    for _ in 0..20 {
        let dir = tempfile::tempdir().unwrap();
        let socket = dir.path().join("run/orch/orchd.sock");
        let t = Instant::now();
        let mut child = spawn(&orchd, dir.path());
        rt.block_on(async {
            while Client::connect(&socket).await.is_err() {
                tokio::time::sleep(Duration::from_micros(200)).await;
            }
        });
        ready.push(t.elapsed().as_secs_f64() * 1e3);
        child.kill().unwrap();
        child.wait().unwrap();
    }
    summary("orchd start to ready", ready, "ms");

    let dir = tempfile::tempdir().unwrap();
    let socket = dir.path().join("run/orch/orchd.sock");
    let mut child = spawn(&orchd, dir.path());
    rt.block_on(async {
        while Client::connect(&socket).await.is_err() {
            tokio::time::sleep(Duration::from_millis(1)).await;
        }
    });
    std::thread::sleep(Duration::from_millis(500));
    println!("{:<34} {} KiB", "orchd idle RSS", rss_kib(child.id()));

    let rtt = rt.block_on(async {
        let mut c = Client::connect(&socket).await.unwrap();
        let mut v = Vec::new();
        for i in 0..3000 {
            let t = Instant::now();
            let r = c.call(Request::Status).await.unwrap();
            assert!(matches!(r, Response::Status(_)));
            if i >= 100 {
                v.push(t.elapsed().as_secs_f64() * 1e3);
            }
        }
        v
    });
    summary("status round trip (connected)", rtt, "ms");

    let mut cmd = Vec::new();
    for _ in 0..100 {
        let t = Instant::now();
        let ok = Command::new(&orch)
            .args(["--no-autostart", "status"])
            .env("XDG_RUNTIME_DIR", dir.path().join("run"))
            .env("XDG_CONFIG_HOME", dir.path().join("config"))
            .env_remove("ORCH_SOCKET")
            .stdout(Stdio::null())
            .status()
            .unwrap()
            .success();
        assert!(ok);
        cmd.push(t.elapsed().as_secs_f64() * 1e3);
    }
    summary("`orch status` whole command", cmd, "ms");
    println!(
        "{:<34} {} KiB",
        "orchd RSS after the runs",
        rss_kib(child.id())
    );
    child.kill().unwrap();
    child.wait().unwrap();
}
