//! End-to-end tests of the foundation: the real `orchd` on a real socket with a real
//! SQLite file, driven by the real `orch`.

mod helper;

use std::time::Duration;

use helper::{Env, alive, wait_for};

/// The newest schema: the highest `V<n>__` among the migrations in `migrations/`.
fn latest_schema() -> u32 {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../migrations");
    std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| {
            let name = e.unwrap().file_name().into_string().unwrap();
            name.strip_prefix('V')?.split_once("__")?.0.parse().ok()
        })
        .max()
        .expect("migrations/ has migrations")
}

#[test]
fn status_reports_the_daemon() {
    let env = Env::new();
    let d = env.daemon(&[]);
    let st = env.orch(&["--json", "status"]);
    st.ok();
    let v = st.json();
    assert_eq!(v["pid"], d.pid());
    assert_eq!(v["schema_version"], latest_schema());
    assert_eq!(v["socket"], env.socket.to_str().unwrap());
    assert_eq!(v["data_dir"], env.data_dir.to_str().unwrap());
    assert_eq!(v["counts"]["bots"], 0);
    assert_eq!(v["started_by"], "foreground");
    assert!(v["uptime_s"].as_f64().unwrap() >= 0.0);
    // Human output is an aligned table of the same facts.
    env.orch(&["status"])
        .ok()
        .stdout_has(&format!("schema      version {}", latest_schema()));
    env.orch(&["db", "status"])
        .ok()
        .stdout_has("journal    wal");
    let db = env.orch(&["--json", "db", "status"]);
    assert_eq!(db.json()["latest_version"], latest_schema());
}

#[test]
fn autostart_starts_the_daemon_and_stop_stops_it() {
    let env = Env::new();
    env.orch(&["--no-autostart", "status"])
        .fails_with(3)
        .one_line_error()
        .stderr_has("autostart is off");
    let st = env.orch(&["--json", "status"]);
    st.ok();
    let pid = st.json()["pid"].as_u64().unwrap() as u32;
    assert!(alive(pid));
    assert_eq!(st.json()["started_by"], "cli");
    env.orch(&["daemon", "status"]).ok().stdout_has("running");
    env.orch(&["daemon", "start"])
        .ok()
        .stdout_has("already running");
    // The daemon logs go to the data dir and through the socket.
    env.orch(&["daemon", "logs", "-n", "20"])
        .ok()
        .stdout_has("ready");
    env.orch(&["daemon", "stop"]).ok().stdout_has("stopped");
    assert!(!alive(pid));
    assert!(!env.socket.exists(), "socket left behind");
    env.orch(&["daemon", "status"]).fails_with(3);
    env.orch(&["daemon", "stop"]).ok().stdout_has("not running");
    // Without a daemon, logs come from the file an autostarted daemon wrote.
    env.orch(&["daemon", "logs"]).ok().stdout_has("stopped");
    // `daemon start` says it once.
    let started = env.orch(&["daemon", "start"]);
    started.ok().stdout_has("orchd started (pid");
    assert!(
        !started.stderr().contains("started orchd"),
        "{}",
        started.stderr()
    );
    env.orch(&["daemon", "stop"]).ok();
}

#[test]
fn quiet_prints_the_data_and_nothing_else() {
    let env = Env::new();
    let _d = env.daemon(&[]);
    let pid = env.orch(&["--json", "status"]).json()["pid"]
        .as_u64()
        .unwrap();
    let st = env.orch(&["-q", "status"]);
    assert_eq!(st.ok().stdout().trim(), pid.to_string());
    let presets = env.orch(&["-q", "preset", "list"]).stdout();
    let names: Vec<&str> = presets.lines().collect();
    assert!(names.contains(&"default") && names.len() >= 13, "{presets}");
    assert!(names.iter().all(|n| !n.contains(' ')), "{presets}");
    let wav = env.dir.path().join("s.wav");
    helper::audio::speech_like_wav(&wav, 16000, 30.0);
    let id = env.spawn_bot(&["--kind", "file", "--source", wav.to_str().unwrap()]);
    assert_eq!(env.orch(&["-q", "bot", "list"]).stdout().trim(), id);
    let report = env.orch(&["-q", "analyze", wav.to_str().unwrap()]);
    report.ok().stdout_has("loudness");
    assert!(report.stderr().is_empty(), "{}", report.stderr());
}

#[test]
fn autostart_can_be_disabled_in_config() {
    let env = Env::new();
    env.write_config("[cli]\nautostart = false\n");
    env.orch(&["status"])
        .fails_with(3)
        .stderr_has("autostart is off");
}

#[test]
fn a_second_daemon_is_refused() {
    let env = Env::new();
    let first = env.daemon(&[]);
    let second = env.spawn_daemon(&[]).wait_exit(Duration::from_secs(10));
    assert_ne!(second.code(), 0);
    second.stderr_has("already running");
    second.stderr_has(&first.pid().to_string());
    // The first keeps serving.
    env.orch(&["status"]).ok();
}

#[test]
fn a_stale_socket_is_replaced() {
    let env = Env::new();
    std::fs::create_dir_all(env.socket.parent().unwrap()).unwrap();
    // A socket file nobody listens on, as a crash leaves it.
    drop(std::os::unix::net::UnixListener::bind(&env.socket).unwrap());
    assert!(env.socket.exists());
    let _d = env.daemon(&[]);
    env.orch(&["status"]).ok();
}

#[test]
fn sigterm_shuts_down_cleanly() {
    let env = Env::new();
    let d = env.daemon(&[]);
    env.orch(&["status"]).ok();
    d.signal("TERM");
    let out = d.wait_exit(Duration::from_secs(10));
    assert_eq!(out.code(), 0, "{}", out.stderr());
    assert!(!env.socket.exists(), "socket left behind");
    let db = rusqlite::Connection::open(env.data_dir.join("orch.db")).unwrap();
    let check: String = db
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    let version: i64 = db
        .query_row(
            "SELECT max(version) FROM refinery_schema_history",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(version, i64::from(latest_schema()));
}

#[test]
fn sigint_shuts_down_too() {
    let env = Env::new();
    let d = env.daemon(&[]);
    d.signal("INT");
    assert_eq!(d.wait_exit(Duration::from_secs(10)).code(), 0);
    assert!(!env.socket.exists());
}

#[test]
fn sighup_reloads_a_good_config_and_keeps_the_old_one_on_a_bad_one() {
    let env = Env::new();
    // The daemon has its own file (like /etc/orch/config.toml); the CLI uses defaults.
    let file = env.dir.path().join("orchd.toml");
    let daemon_config = |text: &str| std::fs::write(&file, text).unwrap();
    daemon_config("[daemon]\nlog_level = \"info\"\n");
    let d = env.daemon(&["--config", file.to_str().unwrap()]);
    let level = |env: &Env| {
        let v = env.orch(&["--json", "config", "show", "--daemon"]).json();
        v["config"]["daemon"]["log_level"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert_eq!(level(&env), "info");

    daemon_config("[daemon]\nlog_level = \"orch=debug,info\"\n");
    d.signal("HUP");
    wait_for(Duration::from_secs(5), "reload", || {
        level(&env) == "orch=debug,info"
    });

    daemon_config("[daemon]\nlog_level = \"debug\"\nno_such_key = 1\n");
    d.signal("HUP");
    wait_for(Duration::from_secs(5), "refusal in the log", || {
        env.orch(&["daemon", "logs", "-n", "1000"])
            .stdout()
            .contains("reload refused")
    });
    assert_eq!(level(&env), "orch=debug,info");
    assert!(alive(d.pid()));
    // The same through the CLI: a clear error, exit 5, old config kept.
    env.orch(&["config", "reload"])
        .fails_with(5)
        .one_line_error()
        .stderr_has("line 3, key `no_such_key`");
    daemon_config("[daemon]\nlog_level = \"warn\"\n");
    env.orch(&["config", "reload"]).ok();
    assert_eq!(level(&env), "warn");
}

#[test]
fn config_commands() {
    let env = Env::new();
    env.orch(&["config", "path"])
        .ok()
        .stdout_has(env.config_file().to_str().unwrap());
    env.orch(&["config", "check"]).ok().stdout_has("defaults");
    env.write_config("[daemon]\nshutdown_timeout_s = 0\n");
    env.orch(&["config", "check"])
        .fails_with(5)
        .one_line_error()
        .stderr_has("daemon.shutdown_timeout_s");
    let bad = env.dir.path().join("bad.toml");
    std::fs::write(&bad, "[cli]\nautostart = \"yes\"\n").unwrap();
    env.orch(&["config", "check", bad.to_str().unwrap()])
        .fails_with(5)
        .stderr_has("line 2, key `autostart`");
    env.orch(&["--json", "config", "check", "/nonexistent/orch.toml"])
        .fails_with(4)
        .stderr_has("\"exit_code\":4");
    env.write_config("[cli]\nautostart_timeout_s = 2.5\n");
    let v = env.orch(&["--json", "config", "show"]).json();
    assert_eq!(v["config"]["cli"]["autostart_timeout_s"], 2.5);
    assert_eq!(v["from_file"], true);
}

#[test]
fn environment_overrides_config() {
    let env = Env::new();
    env.write_config("[cli]\nautostart = true\n");
    let out = env
        .command(&helper::orch_bin())
        .env("ORCH_CLI_AUTOSTART", "false")
        .arg("status")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
}

#[test]
fn a_newer_schema_is_refused_and_left_untouched() {
    let env = Env::new();
    std::fs::create_dir_all(&env.data_dir).unwrap();
    let path = env.data_dir.join("orch.db");
    {
        let db = rusqlite::Connection::open(&path).unwrap();
        db.execute_batch(
            "CREATE TABLE refinery_schema_history (version INTEGER PRIMARY KEY, name TEXT, applied_on TEXT, checksum TEXT);
             INSERT INTO refinery_schema_history VALUES (1, 'init', 'x', '0'), (42, 'future', 'x', '0');",
        )
        .unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    let out = env.spawn_daemon(&[]).wait_exit(Duration::from_secs(10));
    assert_ne!(out.code(), 0);
    out.stderr_has("schema version 42 is newer");
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert!(
        !env.socket.exists(),
        "socket left behind after refusing to start"
    );
}

#[test]
fn usage_errors_exit_2() {
    let env = Env::new();
    env.orch(&["no-such-command"]).fails_with(2);
    env.orch(&["daemon", "logs", "-n", "many"]).fails_with(2);
    env.orch(&["--version"])
        .ok()
        .stdout_has(env!("CARGO_PKG_VERSION"));
}

#[test]
fn errors_are_json_with_json() {
    let env = Env::new();
    let r = env.orch(&["--json", "--no-autostart", "status"]);
    r.fails_with(3).one_line_error();
    let v: serde_json::Value = serde_json::from_str(r.stderr().trim()).unwrap();
    assert_eq!(v["exit_code"], 3);
    assert!(v["error"].as_str().unwrap().contains("orchd"));
}

#[test]
fn another_users_connection_is_refused() {
    // Connecting as uid 65534 needs root; CI runs as root.
    assert_eq!(
        helper_uid(),
        0,
        "this test connects as another user: it needs root"
    );
    let env = Env::new();
    // A socket directory others can traverse, so only the peer check stands in the way.
    let dir = tempfile::Builder::new()
        .prefix("orch-peer")
        .tempdir()
        .unwrap();
    let socket = dir.path().join("s.sock");
    std::fs::set_permissions(
        dir.path(),
        std::os::unix::fs::PermissionsExt::from_mode(0o755),
    )
    .unwrap();
    let _d = env.spawn_daemon(&["--socket", socket.to_str().unwrap()]);
    wait_for(Duration::from_secs(10), "orchd", || {
        env.orch(&[
            "--no-autostart",
            "--socket",
            socket.to_str().unwrap(),
            "status",
        ])
        .code()
            == 0
    });
    std::fs::set_permissions(&socket, std::os::unix::fs::PermissionsExt::from_mode(0o666)).unwrap();
    // orch itself, and its home, where uid 65534 can reach them: the checkout may sit
    // under a directory only its owner can enter (a clean clone in a 0700 temp dir).
    let orch = dir.path().join("orch");
    std::fs::copy(helper::orch_bin(), &orch).unwrap();
    let home = dir.path().join("home");
    std::fs::create_dir(&home).unwrap();
    std::fs::set_permissions(&home, std::os::unix::fs::PermissionsExt::from_mode(0o777)).unwrap();
    let out = {
        use std::os::unix::process::CommandExt;
        env.command(&orch)
            .env("HOME", &home)
            .env("XDG_CONFIG_HOME", home.join("config"))
            .env("XDG_DATA_HOME", home.join("data"))
            .env("XDG_RUNTIME_DIR", home.join("run"))
            .args([
                "--no-autostart",
                "--socket",
                socket.to_str().unwrap(),
                "status",
            ])
            .uid(65534)
            .gid(65534)
            .output()
            .expect("orch runs as uid 65534")
    };
    let r = helper::Run::new("orch status as nobody".into(), out);
    r.fails_with(3)
        .stderr_has("uid 65534 may not use this orchd");
}

fn helper_uid() -> u32 {
    std::fs::read_to_string("/proc/self/status")
        .unwrap()
        .lines()
        .find_map(|l| l.strip_prefix("Uid:"))
        .and_then(|l| l.split_whitespace().next())
        .and_then(|u| u.parse().ok())
        .unwrap()
}

#[test]
fn systemd_readiness_and_stopping_are_notified() {
    let env = Env::new();
    let notify = env.dir.path().join("notify.sock");
    let sock = std::os::unix::net::UnixDatagram::bind(&notify).unwrap();
    sock.set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let mut cmd = env.command(&helper::orchd_bin());
    cmd.env("NOTIFY_SOCKET", &notify)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped());
    let d = helper::Daemon {
        child: Some(cmd.spawn().unwrap()),
    };
    let mut buf = [0u8; 512];
    let n = sock.recv(&mut buf).unwrap();
    let msg = String::from_utf8_lossy(&buf[..n]).to_string();
    assert!(msg.contains("READY=1"), "{msg}");
    // Ready means ready: the socket answers now.
    env.orch(&["--no-autostart", "--json", "status"]).ok();
    assert_eq!(
        env.orch(&["--json", "status"]).json()["started_by"],
        "systemd"
    );
    d.signal("TERM");
    let n = sock.recv(&mut buf).unwrap();
    assert!(String::from_utf8_lossy(&buf[..n]).contains("STOPPING=1"));
    assert_eq!(d.wait_exit(Duration::from_secs(10)).code(), 0);
}

#[test]
fn socket_activation_serves_the_inherited_socket() {
    // python3 passes the listening socket as fd 3; every machine of the project has it
    // (scripts/engines needs it), so a missing one fails here.
    std::process::Command::new("python3")
        .arg("--version")
        .output()
        .expect("python3 is installed (scripts/engines needs it)");
    let env = Env::new();
    let socket = env.dir.path().join("activated.sock");
    // Like systemd: bind and listen, hand the socket over as fd 3 with LISTEN_FDS and
    // LISTEN_PID naming the process that execs orchd.
    let script = r#"
import os, socket, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
s.bind(sys.argv[1]); s.listen(64)
os.dup2(s.fileno(), 3); os.set_inheritable(3, True)
env = dict(os.environ, LISTEN_FDS="1", LISTEN_PID=str(os.getpid()))
os.execve(sys.argv[2], [sys.argv[2]], env)
"#;
    let mut cmd = env.command(std::path::Path::new("python3"));
    cmd.args([
        "-c",
        script,
        socket.to_str().unwrap(),
        helper::orchd_bin().to_str().unwrap(),
    ])
    .stdout(std::process::Stdio::null())
    .stderr(std::process::Stdio::piped());
    let d = helper::Daemon {
        child: Some(cmd.spawn().unwrap()),
    };
    let s = socket.to_str().unwrap();
    wait_for(Duration::from_secs(10), "activated orchd", || {
        env.orch(&["--no-autostart", "--socket", s, "status"])
            .code()
            == 0
    });
    let v = env
        .orch(&["--no-autostart", "--socket", s, "--json", "status"])
        .json();
    assert_eq!(v["started_by"], "socket_activated");
    assert_eq!(v["pid"], d.pid());
    d.signal("TERM");
    assert_eq!(d.wait_exit(Duration::from_secs(10)).code(), 0);
    // The socket belongs to the service manager: orchd leaves it alone.
    assert!(socket.exists());
}
