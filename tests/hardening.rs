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
