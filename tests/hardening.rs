//! End-to-end tests of orchd under attack and under bad conditions: out-of-range numbers
//! and names at every entry point, file permissions, a planted lock-file symlink, a full
//! disk, orphaned children, FIFOs, abusive clients and a second user.

mod helper;

use std::io::Write;
use std::path::Path;
use std::process::Stdio;

use helper::Env;

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// Feed `pcm` to `orch analyze --live - ...` and return the run.
fn live_stdin(env: &Env, args: &[&str], pcm: &[u8]) -> helper::Run {
    let mut child = env
        .command(&helper::orch_bin())
        .args(["analyze", "--live", "-"])
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let _ = child.stdin.take().unwrap().write_all(pcm);
    helper::Run::new(
        format!("orch analyze --live - {}", args.join(" ")),
        child.wait_with_output().unwrap(),
    )
}

#[test]
fn live_analysis_refuses_rates_the_file_path_refuses() {
    let env = Env::new();
    let _d = env.daemon(&[]);
    let pcm = vec![0u8; 4000];
    for rate in ["1", "3", "4", "7999", "192001"] {
        live_stdin(
            &env,
            &["--format", "s16le", "--rate", rate, "--channels", "1"],
            &pcm,
        )
        .fails_with(5)
        .one_line_error()
        .stderr_has("outside the supported 8000 to 192000 Hz");
    }
    // The daemon is unharmed and still serves.
    env.orch(&["status"]).ok();
}

#[test]
fn durations_and_numbers_are_range_checked_at_the_edge() {
    let env = Env::new();
    let _d = env.daemon(&[]);
    let wav = env.dir.path().join("a.wav");
    helper::audio::speech_like_wav(&wav, 16000, 1.0);
    for (flag, v) in [
        ("--silence-timeout", "1e308"),
        ("--max-duration", "1e308"),
        ("--silence-timeout", "0.0001"),
        ("--max-duration", "inf"),
    ] {
        env.orch(&[
            "bot",
            "spawn",
            "--kind",
            "file",
            "--source",
            s(&wav),
            flag,
            v,
        ])
        .fails_with(5)
        .one_line_error()
        .stderr_has(flag);
    }
    for rate in ["1", "400000"] {
        env.orch(&[
            "bot",
            "spawn",
            "--kind",
            "command",
            "--source",
            "true",
            "--format",
            "s16le",
            "--rate",
            rate,
            "--channels",
            "1",
        ])
        .fails_with(5)
        .stderr_has("sample rate");
    }
    env.orch(&["bot", "watch", "--interval", "1e308", "--count", "1"])
        .fails_with(5)
        .stderr_has("--interval");
    // Nothing was spawned and the daemon never panicked.
    assert_eq!(
        env.orch(&["--json", "bot", "list", "--all"]).json()["bots"]
            .as_array()
            .map(|a| a.len()),
        Some(0)
    );
    env.orch(&["status"]).ok();
}

#[test]
fn bot_names_have_a_length_and_a_character_set() {
    let env = Env::new();
    let _d = env.daemon(&[]);
    let wav = env.dir.path().join("a.wav");
    helper::audio::speech_like_wav(&wav, 16000, 1.0);
    let long = "n".repeat(100_000);
    for name in [
        "\x1b[31mred\x1b[0m",
        "two\nlines",
        long.as_str(),
        "",
        ".dot",
        "a b",
    ] {
        let r = env.orch(&[
            "bot",
            "spawn",
            "--kind",
            "file",
            "--source",
            s(&wav),
            "--name",
            name,
        ]);
        r.fails_with(5).one_line_error().stderr_has("--name");
        assert!(!r.stderr().contains('\x1b'), "{}", r.stderr());
        assert!(r.stderr().len() < 400, "the error echoes the whole name");
    }
    env.orch(&[
        "bot",
        "spawn",
        "--kind",
        "file",
        "--source",
        s(&wav),
        "--name",
        "Room-4.b_2",
    ])
    .ok();
}

#[test]
fn control_characters_from_the_daemon_are_printed_escaped() {
    let env = Env::new();
    let _d = env.daemon(&[]);
    // A command line with an escape sequence is a legitimate source; showing it must
    // not drive the terminal.
    let r = env.orch(&[
        "bot",
        "spawn",
        "--kind",
        "command",
        "--source",
        "printf '\\033[2J' >&2; exit 3",
    ]);
    r.ok();
    let id = r.stdout().trim().to_string();
    helper::wait_for(std::time::Duration::from_secs(10), "the bot to end", || {
        let v = env.orch(&["--json", "bot", "status", &id]).json();
        v["state"] == "failed" || v["state"] == "stopped"
    });
    for args in [
        vec!["bot", "status", id.as_str()],
        vec!["bot", "list", "--all"],
        vec![
            "events",
            "--bot",
            id.as_str(),
            "--history",
            "50",
            "--no-follow",
        ],
    ] {
        let r = env.orch(&args);
        r.ok();
        assert!(
            !r.stdout().contains('\x1b'),
            "raw escape in {args:?}: {:?}",
            r.stdout()
        );
    }
}

fn mode(p: &Path) -> u32 {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(p)
        .unwrap_or_else(|e| panic!("{}: {e}", p.display()))
        .mode()
        & 0o777
}

#[test]
fn state_files_are_private_to_the_owner() {
    let env = Env::new();
    // Autostart creates the data directory, the database and the daemon log.
    env.orch(&["status"]).ok();
    let d = &env.data_dir;
    assert_eq!(mode(d), 0o700, "data directory");
    for f in ["orch.db", "orch.db-wal", "orch.db-shm", "orchd.log"] {
        assert_eq!(mode(&d.join(f)), 0o600, "{f}");
    }
    env.orch(&["daemon", "stop"]).ok();
}

#[test]
fn existing_wide_modes_are_fixed_with_a_warning() {
    use std::os::unix::fs::PermissionsExt;
    let env = Env::new();
    env.orch(&["status"]).ok();
    env.orch(&["daemon", "stop"]).ok();
    let d = &env.data_dir;
    let set =
        |p: &Path, m: u32| std::fs::set_permissions(p, std::fs::Permissions::from_mode(m)).unwrap();
    set(d, 0o755);
    set(&d.join("orch.db"), 0o644);
    let daemon = env.daemon(&[]);
    assert_eq!(mode(d), 0o700);
    assert_eq!(mode(&d.join("orch.db")), 0o600);
    daemon.signal("TERM");
    let out = daemon.wait_exit(std::time::Duration::from_secs(20));
    let err = out.stderr();
    assert!(
        err.contains("was mode 755") && err.contains("was mode 644"),
        "{err}"
    );
}

#[test]
fn a_planted_lock_symlink_is_not_followed() {
    use std::os::unix::fs::PermissionsExt;
    let env = Env::new();
    let run = env.socket.parent().unwrap();
    std::fs::create_dir_all(run).unwrap();
    std::fs::set_permissions(run, std::fs::Permissions::from_mode(0o700)).unwrap();
    let victim = env.dir.path().join("victim");
    std::fs::write(&victim, "precious\n").unwrap();
    std::os::unix::fs::symlink(&victim, run.join("orchd.sock.lock")).unwrap();
    let out = env
        .spawn_daemon(&[])
        .wait_exit(std::time::Duration::from_secs(10));
    out.fails_with(5).stderr_has("symbolic link");
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious\n");
    assert!(!env.socket.exists());
}

#[test]
fn sockets_in_directories_others_can_write_are_refused() {
    use std::os::unix::fs::PermissionsExt;
    for m in [0o777, 0o1777, 0o770] {
        let env = Env::new();
        let run = env.socket.parent().unwrap();
        std::fs::create_dir_all(run).unwrap();
        std::fs::set_permissions(run, std::fs::Permissions::from_mode(m)).unwrap();
        let out = env
            .spawn_daemon(&[])
            .wait_exit(std::time::Duration::from_secs(10));
        out.fails_with(5)
            .one_line_error()
            .stderr_has("writable by other users");
        assert!(!run.join("orchd.sock.lock").exists());
    }
}

fn mkfifo(p: &Path) {
    let st = std::process::Command::new("mkfifo")
        .arg(p)
        .status()
        .unwrap();
    assert!(st.success());
}

#[test]
fn config_and_chain_files_are_bounded_in_size_and_time() {
    let env = Env::new();
    let wav = env.dir.path().join("a.wav");
    helper::audio::speech_like_wav(&wav, 16000, 0.5);
    let out = env.dir.path().join("b.wav");
    // /dev/zero never ends: a size error, not a process that grows until it is killed.
    env.orch(&["--config", "/dev/zero", "config", "show"])
        .fails_with(5)
        .one_line_error()
        .stderr_has("too large for a config file");
    env.orch(&["process", s(&wav), s(&out), "--chain", "/dev/zero"])
        .fails_with(5)
        .one_line_error()
        .stderr_has("too large for a chain file");
    // A FIFO nobody writes is refused at once.
    let fifo = env.dir.path().join("chain.fifo");
    mkfifo(&fifo);
    env.orch(&["process", s(&wav), s(&out), "--chain", s(&fifo)])
        .fails_with(5)
        .one_line_error()
        .stderr_has("nothing to read");
}

#[test]
fn a_config_file_replaced_by_a_fifo_never_freezes_the_daemon() {
    let env = Env::new();
    env.write_config("[bots]\nmax_concurrent = 3\n");
    let _d = env.daemon(&[]);
    // The CLI reads its own copy; only the daemon's file becomes a FIFO.
    let cli_config = env.dir.path().join("cli.toml");
    std::fs::copy(env.config_file(), &cli_config).unwrap();
    let cli = |args: &[&str]| {
        let mut all = vec!["--config", s(&cli_config)];
        all.extend_from_slice(args);
        env.orch(&all)
    };
    std::fs::remove_file(env.config_file()).unwrap();
    mkfifo(&env.config_file());
    // A writer that holds the FIFO open and never finishes.
    let mut w = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open(env.config_file())
        .unwrap();
    w.write_all(b"[bots]\n").unwrap();
    let reload = |env: &Env| {
        env.command(&helper::orch_bin())
            .args(["--config", s(&cli_config), "config", "reload"])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    };
    let (a, b) = (reload(&env), reload(&env));
    // While both reloads wait on the FIFO, the daemon answers everyone else.
    std::thread::sleep(std::time::Duration::from_millis(500));
    cli(&["status"]).ok();
    cli(&["bot", "list"]).ok();
    for r in [a, b] {
        helper::Run::new("orch config reload".into(), r.wait_with_output().unwrap())
            .fails_with(5)
            .one_line_error()
            .stderr_has("not read to its end within 5 s");
    }
    // The running configuration was kept.
    cli(&["config", "show"])
        .ok()
        .stdout_has("max_concurrent = 3");
    drop(w);
}

#[test]
fn a_file_bot_s_source_must_be_a_regular_file_that_exists() {
    let env = Env::new();
    let _d = env.daemon(&[]);
    let fifo = env.dir.path().join("audio.fifo");
    mkfifo(&fifo);
    env.orch(&["bot", "spawn", "--kind", "file", "--source", s(&fifo)])
        .fails_with(5)
        .one_line_error()
        .stderr_has("not a regular file");
    env.orch(&["bot", "spawn", "--kind", "file", "--source", "/no/such.wav"])
        .fails_with(4)
        .one_line_error()
        .stderr_has("audio file not found: /no/such.wav");
    // Nothing was stored for the refused spawns, and terminate has nothing to wait on.
    let list = env.orch(&["--json", "bot", "list", "--all"]).json();
    assert_eq!(list["bots"].as_array().unwrap().len(), 0, "{list}");
    // The CLI's own readers refuse a FIFO the same way instead of blocking.
    env.orch(&["analyze", s(&fifo)])
        .fails_with(5)
        .one_line_error()
        .stderr_has("not a regular file");
}

/// Processes whose environment names bot `id`.
fn bot_pids(id: &str) -> Vec<u32> {
    let want = format!("ORCH_BOT_ID={id}");
    let mut pids = Vec::new();
    for e in std::fs::read_dir("/proc").unwrap().flatten() {
        let Some(pid) = e.file_name().to_str().and_then(|s| s.parse::<u32>().ok()) else {
            continue;
        };
        if let Ok(env) = std::fs::read(e.path().join("environ"))
            && env.split(|&b| b == 0).any(|v| v == want.as_bytes())
            && helper::alive(pid)
        {
            pids.push(pid);
        }
    }
    pids
}

#[test]
fn a_killed_orchd_leaves_no_command_bot_behind() {
    use std::time::Duration;
    let env = Env::new();
    env.write_config("[bots]\nresume_interrupted = true\nstart_timeout_s = 600\n");
    let d = env.daemon(&[]);
    // Commands that write nothing: a lone one (dash forks it: shell and sleep), a
    // pipeline, and one that leaves the bot's process group and session.
    let lone = env.spawn_bot(&["--kind", "command", "--source", "sleep 300"]);
    let piped = env.spawn_bot(&["--kind", "command", "--source", "sleep 301 | cat"]);
    let escaped = env.spawn_bot(&["--kind", "command", "--source", "setsid sleep 302"]);
    let started = || {
        bot_pids(&lone).len() >= 2 && bot_pids(&piped).len() >= 3 && bot_pids(&escaped).len() >= 2
    };
    helper::wait_for(Duration::from_secs(10), "the commands to start", started);
    let before: Vec<Vec<u32>> = [&lone, &piped, &escaped].map(|b| bot_pids(b)).into();
    d.signal("KILL");
    let _ = d.wait_exit(Duration::from_secs(5));
    // The guard between orchd and each command ends the command's process group.
    helper::wait_for(
        Duration::from_secs(5),
        "the commands to die with orchd",
        || before[..2].iter().flatten().all(|&p| !helper::alive(p)),
    );
    let outside: Vec<u32> = before[2]
        .iter()
        .copied()
        .filter(|&p| helper::alive(p))
        .collect();
    assert_eq!(
        outside.len(),
        1,
        "only the escaped sleep is left: {outside:?}"
    );
    // A restarting orchd ends what is left before it resumes the bots.
    let _d2 = env.daemon(&[]);
    helper::wait_for(
        Duration::from_secs(10),
        "the escaped process to end",
        || !helper::alive(outside[0]),
    );
    helper::wait_for(Duration::from_secs(10), "the resumed commands", started);
    // Only the resumed copies run.
    for (id, before) in [&lone, &piped, &escaped].into_iter().zip(&before) {
        let now = bot_pids(id);
        assert!(
            now.iter().all(|p| !before.contains(p)),
            "{before:?} {now:?}"
        );
    }
    let ev = env
        .orch(&["events", "--bot", &lone, "--no-follow"])
        .stdout();
    assert!(ev.contains("recovering -> starting (resumed)"), "{ev}");
    // The resumed escaped sleep is outside every group orchd stops: end it here.
    for p in bot_pids(&escaped) {
        let _ = std::process::Command::new("kill")
            .args(["-KILL", &p.to_string()])
            .status();
    }
}

/// Read one frame's JSON from a raw connection.
fn read_frame(s: &mut std::os::unix::net::UnixStream) -> Option<serde_json::Value> {
    use std::io::Read;
    let mut len = [0u8; 4];
    s.read_exact(&mut len).ok()?;
    let mut buf = vec![0u8; u32::from_be_bytes(len) as usize];
    s.read_exact(&mut buf).ok()?;
    serde_json::from_slice(&buf).ok()
}

fn send_frame(s: &mut std::os::unix::net::UnixStream, v: &serde_json::Value) {
    let b = serde_json::to_vec(v).unwrap();
    s.write_all(&(b.len() as u32).to_be_bytes()).unwrap();
    s.write_all(&b).unwrap();
}

fn hello() -> serde_json::Value {
    serde_json::json!({"id": 1, "request": {"type": "hello", "protocol": 1, "client_version": "test"}})
}

#[test]
fn idle_sockets_are_closed_and_never_lock_the_owner_out() {
    use std::os::unix::net::UnixStream;
    use std::time::{Duration, Instant};
    let env = Env::new();
    env.write_config("[daemon]\nmax_clients = 16\n");
    let _d = env.daemon(&[]);
    // Every slot taken by a socket that never says hello.
    let mut idle: Vec<UnixStream> = (0..16)
        .map(|_| UnixStream::connect(&env.socket).unwrap())
        .collect();
    std::thread::sleep(Duration::from_millis(300));
    // A busy daemon is not a missing one: exit 3, and no second orchd is started.
    env.orch(&["status"])
        .fails_with(3)
        .one_line_error()
        .stderr_has("orchd serves at most 16 clients");
    // Within a few seconds orchd closes them, saying why, and serves again.
    let t = Instant::now();
    for s in &mut idle {
        s.set_read_timeout(Some(Duration::from_secs(15))).unwrap();
        let v = read_frame(s).expect("a closing reply");
        let msg = v["response"]["message"]
            .as_str()
            .unwrap_or_default()
            .to_string();
        assert!(msg.contains("no hello within 5 s"), "{v}");
    }
    assert!(t.elapsed() < Duration::from_secs(15));
    env.orch(&["status"]).ok();
}

#[test]
fn a_large_frame_before_hello_is_refused_without_reading_it() {
    use std::os::unix::net::UnixStream;
    let env = Env::new();
    let _d = env.daemon(&[]);
    let mut s = UnixStream::connect(&env.socket).unwrap();
    s.set_read_timeout(Some(std::time::Duration::from_secs(10)))
        .unwrap();
    // 16 MiB announced, a few bytes sent.
    s.write_all(&(16u32 * 1024 * 1024).to_be_bytes()).unwrap();
    s.write_all(b"{\"id\":").unwrap();
    let v = read_frame(&mut s).expect("a refusal");
    let msg = v["response"]["message"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    assert!(msg.contains("exceeds the limit of 4096 bytes"), "{v}");
    // After hello the configured limit applies: a 64 KiB frame is read.
    let mut s = UnixStream::connect(&env.socket).unwrap();
    send_frame(&mut s, &hello());
    assert_eq!(read_frame(&mut s).unwrap()["response"]["type"], "hello");
    let pad = "x".repeat(64 * 1024);
    send_frame(
        &mut s,
        &serde_json::json!({"id": 2, "request": {"type": "preset_get", "name": pad}}),
    );
    let v = read_frame(&mut s).unwrap();
    assert_eq!(v["id"], 2, "{v}");
}

fn rss_kib(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .unwrap()
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.split_whitespace().next())
        .and_then(|v| v.parse().ok())
        .unwrap()
}

#[test]
fn clients_that_never_read_cost_bounded_memory() {
    use std::os::unix::net::UnixStream;
    let env = Env::new();
    let d = env.daemon(&[]);
    let before = rss_kib(d.pid());
    // Each client pipelines thousands of requests with large answers and reads none.
    let clients: Vec<UnixStream> = (0..20).map(|_| non_reader(&env.socket)).collect();
    std::thread::sleep(std::time::Duration::from_secs(2));
    let grown = rss_kib(d.pid()).saturating_sub(before);
    // 256 KiB of queued answers per client plus socket buffers: far below the 16 MB per
    // client a count of frames allowed.
    assert!(
        grown < 40 * 1024,
        "orchd grew by {grown} KiB for 20 clients"
    );
    drop(clients);
    env.orch(&["status"]).ok();
}

fn own_uid() -> u32 {
    std::fs::read_to_string("/proc/self/status")
        .unwrap()
        .lines()
        .find_map(|l| l.strip_prefix("Uid:"))
        .and_then(|l| l.split_whitespace().next())
        .unwrap()
        .parse()
        .unwrap()
}

#[test]
fn group_members_may_do_all_but_run_commands_of_their_own() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    use std::time::Duration;
    // A real second user in a real group: nobody (65534) in nogroup (65534). Only root
    // can run a process as them; CI runs as root.
    assert_eq!(
        own_uid(),
        0,
        "this test runs orch as uid 65534: it needs root"
    );
    let env = Env::new();
    env.write_config(
        "[daemon]\nallowed_group = \"nogroup\"\n[bots.commands]\nquiet = \"sleep 30\"\n",
    );
    // Everything the member needs sits in a directory anyone may enter.
    let dir = tempfile::Builder::new()
        .prefix("orch-group")
        .tempdir()
        .unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let socket = dir.path().join("run").join("orchd.sock");
    let _d = env.spawn_daemon(&["--socket", s(&socket)]);
    helper::wait_for(Duration::from_secs(10), "orchd", || {
        env.orch(&["--no-autostart", "--socket", s(&socket), "status"])
            .code()
            == 0
    });
    // The socket is the group's; its directory lets the group (and nobody else) in.
    let meta = std::fs::metadata(&socket).unwrap();
    assert_eq!((meta.mode() & 0o777, meta.gid()), (0o660, 65534));
    let run = std::fs::metadata(socket.parent().unwrap()).unwrap();
    assert_eq!((run.mode() & 0o777, run.gid()), (0o710, 65534));

    let orch = dir.path().join("orch");
    std::fs::copy(helper::orch_bin(), &orch).unwrap();
    let home = dir.path().join("home");
    std::fs::create_dir(&home).unwrap();
    std::fs::set_permissions(&home, std::fs::Permissions::from_mode(0o777)).unwrap();
    let member = |args: &[&str]| {
        use std::os::unix::process::CommandExt;
        let out = env
            .command(&orch)
            .env("HOME", &home)
            .env("XDG_CONFIG_HOME", home.join("config"))
            .env("XDG_DATA_HOME", home.join("data"))
            .env("XDG_RUNTIME_DIR", home.join("run"))
            .args(["--no-autostart", "--socket", s(&socket)])
            .args(args)
            .uid(65534)
            .gid(65534)
            .output()
            .expect("orch runs as uid 65534");
        helper::Run::new(format!("orch {args:?} as nobody"), out)
    };
    member(&["status"]).ok();
    member(&["preset", "list"]).ok().stdout_has("default");

    // A command line of the member's own would run as orchd's user: refused.
    let pwned = dir.path().join("pwned.txt");
    let line = format!("id > {}", s(&pwned));
    member(&["bot", "spawn", "--kind", "command", "--source", &line])
        .fails_with(1)
        .one_line_error()
        .stderr_has("permission denied")
        .stderr_has("not a command template of bots.commands");
    // A template named in the configuration is the owner's choice: allowed.
    let id = member(&[
        "-q", "bot", "spawn", "--kind", "command", "--source", "quiet",
    ])
    .ok()
    .stdout()
    .trim()
    .to_string();
    let mut cmdline = String::new();
    helper::wait_for(Duration::from_secs(10), "the template's command", || {
        let b = env
            .orch(&["--json", "--socket", s(&socket), "bot", "status", &id])
            .json();
        cmdline = b["pid"]
            .as_u64()
            .and_then(|p| std::fs::read(format!("/proc/{p}/cmdline")).ok())
            .map(|c| String::from_utf8_lossy(&c).replace('\0', " "))
            .unwrap_or_default();
        !cmdline.is_empty()
    });
    assert!(cmdline.contains("sleep 30"), "{cmdline}");
    // A webcam may not write a file as orchd's user.
    member(&[
        "webcam",
        "start",
        &id,
        "--output",
        &format!("y4m:{}/cam.y4m", s(dir.path())),
    ])
    .fails_with(1)
    .stderr_has("permission denied");
    assert!(!dir.path().join("cam.y4m").exists());
    // A file bot reads only what the member could read.
    let secret = dir.path().join("secret.wav");
    helper::audio::silence_wav(&secret, 16000, 1.0);
    std::fs::set_permissions(&secret, std::fs::Permissions::from_mode(0o600)).unwrap();
    member(&["bot", "spawn", "--kind", "file", "--source", s(&secret)])
        .fails_with(1)
        .stderr_has("is not readable by you");
    std::fs::set_permissions(&secret, std::fs::Permissions::from_mode(0o644)).unwrap();
    member(&["bot", "spawn", "--kind", "file", "--source", s(&secret)]).ok();
    // The member never got its own command run.
    std::thread::sleep(Duration::from_millis(300));
    assert!(!pwned.exists());
    // Everyone else is still refused.
    let out = {
        use std::os::unix::process::CommandExt;
        env.command(&orch)
            .env("HOME", &home)
            .env("XDG_CONFIG_HOME", home.join("config"))
            .env("XDG_RUNTIME_DIR", home.join("run"))
            .args(["--no-autostart", "--socket", s(&socket), "status"])
            .uid(65534)
            .gid(1)
            .output()
            .unwrap()
    };
    helper::Run::new("orch status as nobody outside the group".into(), out).fails_with(3);
}

/// A 4 MiB tmpfs, unmounted when dropped. Mounting needs root; CI runs as root.
struct SmallDisk {
    dir: tempfile::TempDir,
}

impl SmallDisk {
    fn new() -> SmallDisk {
        assert_eq!(own_uid(), 0, "mounting a small tmpfs needs root");
        let dir = tempfile::Builder::new()
            .prefix("orch-disk")
            .tempdir()
            .unwrap();
        let ok = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", "size=4m,mode=0700", "tmpfs"])
            .arg(dir.path())
            .status()
            .unwrap()
            .success();
        assert!(ok, "mount -t tmpfs failed");
        SmallDisk { dir }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Take every free byte.
    fn fill(&self) {
        let mut f = std::fs::File::create(self.path().join("filler")).unwrap();
        let block = vec![0u8; 64 * 1024];
        while f.write_all(&block).is_ok() {}
        let _ = f.sync_all();
    }

    fn free(&self) {
        std::fs::remove_file(self.path().join("filler")).unwrap();
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount")
            .arg("-l")
            .arg(self.dir.path())
            .status();
    }
}

#[test]
fn a_full_disk_keeps_state_changes_until_space_returns() {
    use std::time::Duration;
    let disk = SmallDisk::new();
    let env = Env::new();
    let data = disk.path().join("orch");
    let _d = env.daemon(&["--data-dir", s(&data)]);
    let wav = env.dir.path().join("long.wav");
    helper::audio::speech_like_wav(&wav, 16000, 60.0);
    let id = env.spawn_bot(&[
        "--kind",
        "file",
        "--source",
        s(&wav),
        "--dedup-key",
        "room-1",
    ]);
    env.wait_bot(&id, "running", Duration::from_secs(10));
    disk.fill();
    // The bot stops; its end cannot be stored, and the caller is told so.
    env.orch(&["bot", "terminate", &id])
        .fails_with(1)
        .one_line_error()
        .stderr_has("is stopped (terminated_by_user), but that is not stored yet")
        .stderr_has("no space left on tmpfs");
    env.orch(&["bot", "status", &id])
        .ok()
        .stdout_has("stopped (terminated_by_user)");
    let st = env.orch(&["--json", "status"]).json();
    assert!(
        st["storage_error"]
            .as_str()
            .unwrap()
            .contains("database or disk is full"),
        "{st}"
    );
    assert_eq!(st["unsaved_bots"], 1);
    env.orch(&["status"]).ok().stdout_has("FAILING");
    // Space returns: orchd stores what it kept, in order, by itself.
    disk.free();
    helper::wait_for(
        Duration::from_secs(10),
        "the kept changes to be stored",
        || env.orch(&["--json", "status"]).json()["storage_error"].is_null(),
    );
    let ev = env.orch(&["events", "--bot", &id, "--no-follow"]).stdout();
    assert!(
        ev.contains("running -> stopping (terminated_by_user)"),
        "{ev}"
    );
    assert!(
        ev.contains("stopping -> stopped (terminated_by_user)"),
        "{ev}"
    );
    // The dedup key is free again, and the stored bot is what happened.
    env.spawn_bot(&[
        "--kind",
        "file",
        "--source",
        s(&wav),
        "--dedup-key",
        "room-1",
    ]);
    let v = env.orch(&["--json", "bot", "status", &id]).json();
    assert_eq!(
        (v["state"].as_str(), v["reason"].as_str()),
        (Some("stopped"), Some("terminated_by_user"))
    );
}

#[test]
fn orchd_on_a_full_disk_says_so() {
    let disk = SmallDisk::new();
    let env = Env::new();
    disk.fill();
    let data = disk.path().join("orch");
    // Started by hand.
    let out = env
        .command(&helper::orchd_bin())
        .args(["--data-dir", s(&data)])
        .output()
        .unwrap();
    helper::Run::new("orchd on a full disk".into(), out)
        .fails_with(1)
        .one_line_error()
        .stderr_has("no space left on tmpfs");
    // Autostarted: its log may stay empty, and the CLI names the full disk instead.
    env.orch(&["--data-dir", s(&data), "status"])
        .fails_with(3)
        .one_line_error()
        .stderr_has("orchd exited during start-up (exit status: 1)")
        .stderr_has("no space left on tmpfs");
}

#[test]
fn shutdown_does_not_wait_for_a_client_that_never_reads() {
    use std::time::Duration;
    let env = Env::new();
    env.write_config("[daemon]\nshutdown_timeout_s = 300\n");
    let d = env.daemon(&[]);
    // Requests whose answers fill the connection's outbox and the kernel's buffers.
    let s = non_reader(&env.socket);
    std::thread::sleep(Duration::from_millis(500));
    d.signal("TERM");
    // Far less than the 300 s shutdown timeout: the stuck client is cut.
    d.wait_exit(Duration::from_secs(60)).ok();
    drop(s);
}

#[test]
fn smaller_inputs_are_refused_or_named() {
    let env = Env::new();
    // A group that does not exist is a config error, before orchd ever starts.
    let cfg = env.dir.path().join("group.toml");
    std::fs::write(&cfg, "[daemon]\nallowed_group = \"nosuchgroup\"\n").unwrap();
    env.orch(&["config", "check", "--config", s(&cfg)])
        .fails_with(5)
        .one_line_error()
        .stderr_has("no group named `nosuchgroup`");
    // A misspelled variable is named, with the setting it probably meant.
    let out = env
        .command(&helper::orch_bin())
        .args(["config", "check"])
        .env("ORCH_BOTS_MAX_CONCURENT", "3")
        .output()
        .unwrap();
    helper::Run::new("orch config check".into(), out)
        .ok()
        .stderr_has("ORCH_BOTS_MAX_CONCURENT is not an orch setting (did you mean ORCH_BOTS_MAX_CONCURRENT?)");
    // A valid WAV with no samples has no audio to analyse or process.
    let empty = env.dir.path().join("no-samples.wav");
    helper::audio::silence_wav(&empty, 16000, 0.0);
    env.orch(&["analyze", s(&empty)])
        .fails_with(5)
        .one_line_error()
        .stderr_has("no audio (it decodes to 0 samples)");
    let out = env.dir.path().join("out.wav");
    env.orch(&["process", s(&empty), s(&out)])
        .fails_with(5)
        .stderr_has("nothing written");
    assert!(!out.exists());
}

/// Connections that misbehave in every way the protocol allows, `scale` of each kind
/// per 100: idle sockets, random bytes, huge length prefixes, pipelined requests never
/// read.
fn abuse(socket: &Path, scale: usize) -> Vec<std::os::unix::net::UnixStream> {
    use std::os::unix::net::UnixStream;
    let connect = || UnixStream::connect(socket).unwrap();
    let mut abusers: Vec<UnixStream> = (0..3 * scale).map(|_| connect()).collect();
    let mut seed = 0x9e37_79b9_7f4a_7c15u64;
    for i in 0..scale {
        let mut s = connect();
        s.set_nonblocking(true).unwrap();
        let bytes: Vec<u8> = if i % 2 == 0 {
            (0..4096)
                .map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    seed as u8
                })
                .collect()
        } else {
            let mut f = (16u32 << 20).to_be_bytes().to_vec();
            f.extend(std::iter::repeat_n(b'{', 1 << 20));
            f
        };
        let _ = s.write(&bytes);
        abusers.push(s);
    }
    abusers.extend((0..scale.div_ceil(5)).map(|_| non_reader(socket)));
    abusers
}

/// A client that says hello, then pipelines 3,000 requests and never reads an answer.
fn non_reader(socket: &Path) -> std::os::unix::net::UnixStream {
    let mut s = std::os::unix::net::UnixStream::connect(socket).unwrap();
    send_frame(&mut s, &hello());
    s.set_nonblocking(true).unwrap();
    let mut batch = Vec::new();
    for i in 0..3000u64 {
        let b = serde_json::to_vec(
            &serde_json::json!({"id": i + 2, "request": {"type": "preset_list"}}),
        )
        .unwrap();
        batch.extend_from_slice(&(b.len() as u32).to_be_bytes());
        batch.extend_from_slice(&b);
    }
    // Write what the socket takes; the rest stays here.
    let _ = s.write(&batch);
    s
}

#[test]
fn protocol_abuse_leaves_orchd_as_it_was() {
    use std::time::Duration;
    let env = Env::new();
    let d = env.daemon(&[]);
    // Warm up (thread pools, lazily built tables), then take the starting value.
    drop(abuse(&env.socket, 10));
    std::thread::sleep(Duration::from_secs(3));
    let before = rss_kib(d.pid());
    // 300 idle sockets, 100 of random bytes or huge frames, 20 that never read.
    let abusers = abuse(&env.socket, 100);
    // The owner gets in throughout.
    env.orch(&["status"]).ok();
    std::thread::sleep(Duration::from_secs(1));
    env.orch(&["bot", "list"]).ok();
    drop(abusers);
    // Once they are gone, orchd returns to within 20 % of where it started.
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    let mut now = rss_kib(d.pid());
    while now > before + before / 5 && std::time::Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(200));
        now = rss_kib(d.pid());
    }
    assert!(
        now <= before + before / 5,
        "orchd kept {now} KiB after the clients went (it started at {before} KiB)"
    );
    env.orch(&["status"]).ok().stdout_has("1 connected");
}

#[test]
fn a_kill_9_loop_leaves_no_process_behind() {
    use std::time::Duration;
    let env = Env::new();
    env.write_config("[bots]\nresume_interrupted = true\nstart_timeout_s = 600\n");
    let wav = env.dir.path().join("long.wav");
    helper::audio::silence_wav(&wav, 16000, 600.0);
    let mut d = env.daemon(&[]);
    let cmd = env.spawn_bot(&["--kind", "command", "--source", "sleep 310 | cat"]);
    let file = env.spawn_bot(&["--kind", "file", "--source", s(&wav)]);
    let mut seen: Vec<u32> = Vec::new();
    for round in 0..5 {
        let mut now = Vec::new();
        helper::wait_for(
            Duration::from_secs(15),
            &format!("round {round}'s command"),
            || {
                now = bot_pids(&cmd);
                now.len() >= 3
            },
        );
        // Only this round's processes run: every earlier one is gone.
        assert!(
            seen.iter().all(|&p| !helper::alive(p)),
            "round {round}: {seen:?} {now:?}"
        );
        env.wait_bot(&file, "running", Duration::from_secs(15));
        seen.extend(&now);
        d.signal("KILL");
        let _ = d.wait_exit(Duration::from_secs(5));
        d = env.daemon(&[]);
    }
    env.orch(&["daemon", "stop"]).ok();
    let _ = d.wait_exit(Duration::from_secs(20));
    helper::wait_for(Duration::from_secs(5), "every process to end", || {
        bot_pids(&cmd).is_empty() && seen.iter().all(|&p| !helper::alive(p))
    });
}
