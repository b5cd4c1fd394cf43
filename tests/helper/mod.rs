//! Fixtures for the end-to-end tests: a scrubbed environment in a temp dir, the real
//! `orch` and `orchd` binaries, a daemon guard, and pollers with deadlines (never bare
//! sleeps).

#![allow(dead_code)]

pub mod audio;
pub mod engines;
pub mod meeting;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

/// The `orch` binary under test. Tests of other packages than the CLI's (the meeting
/// tests belong to `orch-meet`) find it beside their own executable's directory, where
/// `cargo test --workspace` builds every binary before running any test.
pub fn orch_bin() -> PathBuf {
    match option_env!("CARGO_BIN_EXE_orch") {
        Some(p) => PathBuf::from(p),
        None => std::env::current_exe()
            .expect("the test's path")
            .parent()
            .and_then(Path::parent)
            .expect("target/<profile>/deps")
            .join("orch"),
    }
}

/// The `orchd` binary under test (built next to `orch` by `cargo test --workspace`).
pub fn orchd_bin() -> PathBuf {
    let p = orch_bin().with_file_name("orchd");
    assert!(
        p.exists(),
        "{} is missing: run the suite with `cargo test --workspace`",
        p.display()
    );
    p
}

/// A private world for one test: HOME, XDG directories, socket and data dir.
pub struct Env {
    pub dir: tempfile::TempDir,
    pub home: PathBuf,
    pub socket: PathBuf,
    pub data_dir: PathBuf,
    pub config_dir: PathBuf,
}

impl Env {
    pub fn new() -> Env {
        let dir = tempfile::tempdir().expect("temp dir");
        let home = dir.path().join("home");
        std::fs::create_dir_all(&home).unwrap();
        Env {
            socket: dir.path().join("run").join("orch").join("orchd.sock"),
            data_dir: dir.path().join("data").join("orch"),
            config_dir: dir.path().join("config").join("orch"),
            home,
            dir,
        }
    }

    /// The default config file path inside this world.
    pub fn config_file(&self) -> PathBuf {
        self.config_dir.join("config.toml")
    }

    /// Write the default config file.
    pub fn write_config(&self, text: &str) {
        std::fs::create_dir_all(&self.config_dir).unwrap();
        std::fs::write(self.config_file(), text).unwrap();
    }

    /// A command with the environment scrubbed and pointed into this world.
    pub fn command(&self, bin: &Path) -> Command {
        let mut cmd = Command::new(bin);
        for (k, _) in std::env::vars_os() {
            let k = k.to_string_lossy().to_string();
            if k.starts_with("ORCH_")
                || k == "NO_COLOR"
                || k == "RUST_LOG"
                || k.starts_with("XDG_")
                || k == "NOTIFY_SOCKET"
                || k.starts_with("LISTEN_")
            {
                cmd.env_remove(&k);
            }
        }
        cmd.env("HOME", &self.home)
            .env("XDG_RUNTIME_DIR", self.dir.path().join("run"))
            .env("XDG_DATA_HOME", self.dir.path().join("data"))
            .env("XDG_CONFIG_HOME", self.dir.path().join("config"))
            .stdin(Stdio::null());
        cmd
    }

    /// Run `orch args...` to completion.
    pub fn orch(&self, args: &[&str]) -> Run {
        let out = self
            .command(&orch_bin())
            .args(args)
            .output()
            .expect("orch runs");
        Run::new(format!("orch {}", args.join(" ")), out)
    }

    /// Run `orch args...` with `input` on its standard input.
    pub fn orch_stdin(&self, args: &[&str], input: &str) -> Run {
        use std::io::Write;
        let mut child = self
            .command(&orch_bin())
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("orch runs");
        let mut stdin = child.stdin.take().expect("piped");
        let input = input.to_string();
        let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
        let out = child.wait_with_output().expect("orch runs");
        writer.join().unwrap().expect("orch reads its input");
        Run::new(format!("orch {} < input", args.join(" ")), out)
    }

    /// Start `orchd` with extra args and wait until it answers.
    pub fn daemon(&self, args: &[&str]) -> Daemon {
        let d = self.spawn_daemon(args);
        d.wait_ready(self);
        d
    }

    /// Start `orchd` without waiting.
    pub fn spawn_daemon(&self, args: &[&str]) -> Daemon {
        let child = self
            .command(&orchd_bin())
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("orchd starts");
        Daemon { child: Some(child) }
    }

    /// `orch --json bot status ID`.
    pub fn bot(&self, id: &str) -> serde_json::Value {
        self.orch(&["--json", "bot", "status", id]).json()
    }

    /// Wait until bot `id` is in state `want`; its last status.
    pub fn wait_bot(&self, id: &str, want: &str, within: Duration) -> serde_json::Value {
        let mut last = serde_json::Value::Null;
        wait_for(within, &format!("bot {id} to be {want}"), || {
            last = self.bot(id);
            last["state"] == want
        });
        last
    }

    /// `orch bot spawn ARGS...`; the new bot's id.
    pub fn spawn_bot(&self, args: &[&str]) -> String {
        let mut a = vec!["--json", "bot", "spawn"];
        a.extend_from_slice(args);
        let r = self.orch(&a);
        r.ok();
        r.json()["id"].as_str().unwrap().to_string()
    }

    /// Whether the socket answers a status request.
    pub fn daemon_answers(&self) -> bool {
        self.orch(&["--no-autostart", "daemon", "status"]).code() == 0
    }
}

/// A running orchd, killed when dropped.
pub struct Daemon {
    pub child: Option<Child>,
}

impl Daemon {
    pub fn pid(&self) -> u32 {
        self.child.as_ref().unwrap().id()
    }

    pub fn wait_ready(&self, env: &Env) {
        wait_for(Duration::from_secs(10), "orchd to be ready", || {
            env.socket.exists() && env.daemon_answers()
        });
    }

    /// Send a signal.
    pub fn signal(&self, sig: &str) {
        let ok = Command::new("kill")
            .args([&format!("-{sig}"), &self.pid().to_string()])
            .status()
            .unwrap()
            .success();
        assert!(ok, "kill -{sig} failed");
    }

    /// Wait for the process to exit; returns its output.
    pub fn wait_exit(mut self, within: Duration) -> Run {
        let mut child = self.child.take().unwrap();
        let deadline = Instant::now() + within;
        loop {
            if child.try_wait().unwrap().is_some() {
                let out = child.wait_with_output().unwrap();
                return Run::new("orchd".into(), out);
            }
            if Instant::now() > deadline {
                let _ = child.kill();
                let out = child.wait_with_output().unwrap();
                panic!(
                    "orchd did not exit within {within:?}\nstderr:\n{}",
                    String::from_utf8_lossy(&out.stderr)
                );
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }
}

/// A daemon some `orch` command of the test autostarted outlives the test unless it is
/// stopped here (its directory is gone with the test).
impl Drop for Env {
    fn drop(&mut self) {
        if self.socket.exists() {
            let _ = self
                .command(&orch_bin())
                .args(["--no-autostart", "daemon", "stop"])
                .output();
        }
    }
}

impl Drop for Daemon {
    fn drop(&mut self) {
        if let Some(mut c) = self.child.take() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }
}

/// The result of running a binary, with assertions that print everything on failure.
pub struct Run {
    pub what: String,
    pub out: Output,
}

impl Run {
    pub fn new(what: String, out: Output) -> Run {
        Run { what, out }
    }

    pub fn code(&self) -> i32 {
        self.out.status.code().unwrap_or(-1)
    }

    pub fn stdout(&self) -> String {
        String::from_utf8_lossy(&self.out.stdout).to_string()
    }

    pub fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.out.stderr).to_string()
    }

    fn dump(&self) -> String {
        format!(
            "`{}` exited with {:?}\n--- stdout ---\n{}\n--- stderr ---\n{}",
            self.what,
            self.out.status.code(),
            self.stdout(),
            self.stderr()
        )
    }

    /// Assert exit code 0.
    pub fn ok(&self) -> &Self {
        assert!(self.out.status.success(), "{}", self.dump());
        self
    }

    /// Assert a given exit code.
    pub fn fails_with(&self, code: i32) -> &Self {
        assert_eq!(self.code(), code, "{}", self.dump());
        self
    }

    /// Assert stderr contains `text`.
    pub fn stderr_has(&self, text: &str) -> &Self {
        assert!(
            self.stderr().contains(text),
            "expected stderr to contain {text:?}\n{}",
            self.dump()
        );
        self
    }

    /// Assert stdout contains `text`.
    pub fn stdout_has(&self, text: &str) -> &Self {
        assert!(
            self.stdout().contains(text),
            "expected stdout to contain {text:?}\n{}",
            self.dump()
        );
        self
    }

    /// Stdout parsed as one JSON value.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(self.stdout().trim())
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e})\n{}", self.dump()))
    }

    /// Stderr is exactly one line.
    pub fn one_line_error(&self) -> &Self {
        let err = self.stderr();
        assert_eq!(
            err.trim_end().lines().count(),
            1,
            "error is not one line\n{}",
            self.dump()
        );
        self
    }
}

/// Poll `f` until it is true or the deadline passes.
pub fn wait_for(within: Duration, what: &str, mut f: impl FnMut() -> bool) {
    let deadline = Instant::now() + within;
    while !f() {
        assert!(
            Instant::now() < deadline,
            "timed out after {within:?} waiting for {what}"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// Whether a process exists (and is not a zombie).
pub fn alive(pid: u32) -> bool {
    match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
        Ok(s) => !s
            .rsplit(')')
            .next()
            .unwrap_or("")
            .trim_start()
            .starts_with('Z'),
        Err(_) => false,
    }
}

/// GET `path` from `port` on loopback: (status line, body).
pub fn http_get(port: u16, path: &str) -> (String, String) {
    use std::io::{Read, Write};
    let mut s = std::net::TcpStream::connect(("127.0.0.1", port)).expect("connects");
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    write!(s, "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").unwrap();
    let mut out = String::new();
    s.read_to_string(&mut out).expect("an answer");
    let (head, body) = out.split_once("\r\n\r\n").expect("a head and a body");
    (head.lines().next().unwrap().to_string(), body.to_string())
}

/// The value of the sample `series` (exact name and labels) in a Prometheus scrape.
pub fn metric(text: &str, series: &str) -> Option<f64> {
    text.lines()
        .find_map(|l| l.strip_prefix(series)?.strip_prefix(' '))
        .and_then(|v| v.trim().parse().ok())
}
