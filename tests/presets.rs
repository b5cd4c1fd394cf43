//! End-to-end tests of `orch preset`: built-ins without a daemon, user presets through
//! the real `orchd` and its SQLite file, the preset file format, diff and compare on
//! generated audio, and `orch process --preset` with a user preset.

mod helper;

use std::path::Path;

use helper::Env;
use serde_json::Value;

/// User presets stored in the test daemon's database, read directly.
fn rows(env: &Env) -> i64 {
    let db = rusqlite::Connection::open(env.data_dir.join("orch.db")).unwrap();
    db.query_row("SELECT count(*) FROM presets", [], |r| r.get(0))
        .unwrap()
}

/// Every stored preset's (name, chain text), to prove a refused change wrote nothing.
fn snapshot(env: &Env) -> Vec<(String, String, String)> {
    let db = rusqlite::Connection::open(env.data_dir.join("orch.db")).unwrap();
    let mut stmt = db
        .prepare("SELECT name, description, chain FROM presets ORDER BY name")
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

/// A 1.5 s mono 16 kHz WAV of speech-like tone bursts over a little noise.
fn write_wav(path: &Path) {
    helper::audio::speech_like_wav(path, 16_000, 1.5);
}

#[test]
fn builtins_work_without_a_daemon() {
    let env = Env::new();
    let list = env.orch(&["--no-autostart", "--json", "preset", "list"]);
    list.ok().stderr_has("user presets not shown");
    let v = list.json();
    let presets = v["presets"].as_array().unwrap();
    assert_eq!(presets.len(), 13);
    assert_eq!(v["user_presets"], false);
    assert!(presets.iter().all(|p| p["builtin"] == true));
    let names: Vec<&str> = presets
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    for n in [
        "default",
        "voice",
        "noisy",
        "music",
        "minimal",
        "aggressive",
        "conference",
        "broadcast",
        "broadcast_standard",
        "voice_clarity",
        "music_mastering",
        "real_time_low_latency",
        "podcast_production",
    ] {
        assert!(names.contains(&n), "{n} missing from {names:?}");
    }
    let minimal = presets.iter().find(|p| p["name"] == "minimal").unwrap();
    assert_eq!(minimal["stages"], serde_json::json!([]));
    env.orch(&["--no-autostart", "preset", "list"])
        .ok()
        .stdout_has("broadcast_standard     broadcast  built-in  5/11");

    let show = env.orch(&["--no-autostart", "--json", "preset", "show", "voice"]);
    let v = show.ok().json();
    assert_eq!(v["category"], "voice");
    assert_eq!(v["chain"]["version"], 1);
    env.orch(&["--no-autostart", "preset", "show", "broadcast"])
        .ok()
        .stdout_has("threshold_db=-0.5");
    env.orch(&["--no-autostart", "preset", "show", "voice", "--toml"])
        .ok()
        .stdout_has("format_version = 1");
    env.orch(&["--no-autostart", "preset", "export", "music"])
        .ok()
        .stdout_has("name = \"music\"");
    env.orch(&["--no-autostart", "preset", "diff", "default", "noisy"])
        .ok()
        .stdout_has("noise_reduction");

    // A name that is no built-in needs the daemon: exit 3, saying why.
    env.orch(&["--no-autostart", "preset", "show", "mine"])
        .fails_with(3)
        .one_line_error()
        .stderr_has("preset `mine` is not a built-in, and user presets need orchd");
    env.orch(&["--no-autostart", "preset", "show", "Not A Name"])
        .fails_with(5)
        .one_line_error()
        .stderr_has("preset name `Not A Name` is invalid");
}

#[test]
fn crud_round_trip_through_the_daemon() {
    let env = Env::new();
    let _d = env.daemon(&[]);
    let made = env.orch(&[
        "--json",
        "preset",
        "create",
        "loud-voice",
        "--from",
        "voice",
        "--description",
        "Voice, squeezed harder",
        "--set",
        "compression.ratio=4",
        "--set",
        "agc.max_gain_db=18",
        "--set",
        "equalizer.enabled=true",
        "--set",
        "equalizer.bands[3].gain_db=2.5",
    ]);
    let v = made.ok().json();
    assert_eq!(v["name"], "loud-voice");
    assert_eq!(v["category"], "voice");
    assert_eq!(v["builtin"], false);
    assert_eq!(rows(&env), 1);

    let list = env.orch(&["--json", "preset", "list"]).ok().json();
    assert_eq!(list["user_presets"], true);
    let all = list["presets"].as_array().unwrap();
    assert_eq!(all.len(), 14);
    assert_eq!(all[13]["name"], "loud-voice");
    assert_eq!(all[13]["builtin"], false);
    env.orch(&["preset", "list", "--category", "voice"])
        .ok()
        .stdout_has("loud-voice");

    let shown = env
        .orch(&["--json", "preset", "show", "loud-voice"])
        .ok()
        .json();
    assert_eq!(shown, v);
    env.orch(&["preset", "show", "loud-voice"])
        .ok()
        .stdout_has("source       user")
        .stdout_has("ratio=4.0");

    let updated = env
        .orch(&[
            "--json",
            "preset",
            "update",
            "loud-voice",
            "--set",
            "limiter.threshold_db=-2",
            "--category",
            "custom",
        ])
        .ok()
        .json();
    assert_eq!(updated["category"], "custom");
    env.orch(&["preset", "diff", "loud-voice", "voice"])
        .ok()
        .stdout_has("limiter")
        .stdout_has("threshold_db")
        .stdout_has("bands[3].gain_db");

    env.orch(&["preset", "rename", "loud-voice", "squeezed"])
        .ok()
        .stdout_has("renamed preset `loud-voice` to `squeezed`");
    env.orch(&["preset", "show", "loud-voice"])
        .fails_with(4)
        .one_line_error();
    let renamed = env
        .orch(&["--json", "preset", "show", "squeezed"])
        .ok()
        .json();
    assert_eq!(renamed["chain"], updated["chain"]);

    // The daemon's status counts it.
    let st = env.orch(&["--json", "status"]).ok().json();
    assert_eq!(st["counts"]["presets"], 1);

    env.orch(&["preset", "delete", "squeezed"])
        .ok()
        .stdout_has("deleted preset `squeezed`");
    assert_eq!(rows(&env), 0);
    env.orch(&["preset", "delete", "squeezed"])
        .fails_with(4)
        .stderr_has("preset `squeezed` not found");
}

#[test]
fn export_then_import_gives_an_identical_preset() {
    let env = Env::new();
    let _d = env.daemon(&[]);
    env.orch(&[
        "preset",
        "create",
        "pod",
        "--from",
        "podcast_production",
        "--description",
        "Our show",
        "--set",
        "lufs_normalization.target_lufs=-17",
        "--set",
        "equalizer.bands[1].bandwidth_octaves=0.7",
    ])
    .ok();
    let before = env.orch(&["--json", "preset", "show", "pod"]).ok().json();
    let file = env.dir.path().join("pod.toml");
    env.orch(&["preset", "export", "pod", "-o", file.to_str().unwrap()])
        .ok();
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("format_version = 1\n"), "{text}");
    assert!(text.contains("[preset]\nname = \"pod\""), "{text}");

    env.orch(&["preset", "delete", "pod"]).ok();
    env.orch(&["preset", "import", file.to_str().unwrap()])
        .ok()
        .stdout_has("imported preset `pod`");
    let after = env.orch(&["--json", "preset", "show", "pod"]).ok().json();
    assert_eq!(after, before);

    // Importing again needs --replace; --name stores a copy.
    env.orch(&["preset", "import", file.to_str().unwrap()])
        .fails_with(5)
        .one_line_error()
        .stderr_has("already exists");
    env.orch(&["preset", "import", file.to_str().unwrap(), "--replace"])
        .ok()
        .stdout_has("replaced");
    env.orch(&["preset", "import", file.to_str().unwrap(), "--name", "pod2"])
        .ok();
    let copy = env.orch(&["--json", "preset", "show", "pod2"]).ok().json();
    assert_eq!(copy["chain"], before["chain"]);
    // A built-in exported and imported under a new name equals the built-in.
    let voice = env.dir.path().join("voice.toml");
    env.orch(&["preset", "export", "voice", "-o", voice.to_str().unwrap()])
        .ok();
    env.orch(&[
        "preset",
        "import",
        voice.to_str().unwrap(),
        "--name",
        "my-voice",
    ])
    .ok();
    let a = env.orch(&["--json", "preset", "show", "voice"]).ok().json();
    let b = env
        .orch(&["--json", "preset", "show", "my-voice"])
        .ok()
        .json();
    assert_eq!(a["chain"], b["chain"]);
    assert_eq!(a["description"], b["description"]);
    env.orch(&["preset", "diff", "voice", "my-voice"])
        .ok()
        .stdout_has("identical");
    assert_eq!(rows(&env), 3);
}

#[test]
fn invalid_files_and_values_are_refused_with_nothing_changed() {
    let env = Env::new();
    let _d = env.daemon(&[]);
    env.orch(&["preset", "create", "mine", "--from", "default"])
        .ok();
    let before = snapshot(&env);
    assert_eq!(before.len(), 1);

    // Out-of-range and mistyped values, unknown stages and parameters.
    env.orch(&[
        "preset",
        "update",
        "mine",
        "--set",
        "limiter.threshold_db=-3",
        "--set",
        "compression.ratio=0.5",
    ])
    .fails_with(5)
    .one_line_error()
    .stderr_has("stage `compression`: parameter `ratio` = 0.5 is invalid (allowed: 1 to 20)");
    env.orch(&["preset", "update", "mine", "--set", "agc.max_gain_db=loud"])
        .fails_with(5)
        .stderr_has("--set agc.max_gain_db=loud: expected a number");
    env.orch(&["preset", "update", "mine", "--set", "reverb.mix=1"])
        .fails_with(5)
        .stderr_has("unknown stage `reverb`");
    env.orch(&["preset", "update", "mine", "--set", "limiter.ceiling=1"])
        .fails_with(5)
        .stderr_has("stage `limiter` has no parameter `ceiling`");
    env.orch(&[
        "preset",
        "create",
        "other",
        "--from",
        "voice",
        "--set",
        "vad.frame_ms=25",
    ])
    .fails_with(5)
    .stderr_has("parameter `frame_ms` = 25");
    env.orch(&["preset", "create", "other", "--from", "nope"])
        .fails_with(4)
        .stderr_has("preset `nope` not found");
    env.orch(&["preset", "create", "mine", "--from", "voice"])
        .fails_with(5)
        .stderr_has("already exists");

    // Built-ins are read-only and their names reserved.
    for args in [
        &["preset", "update", "voice", "--set", "compression.ratio=2"][..],
        &["preset", "delete", "voice"],
        &["preset", "rename", "voice", "vox"],
        &["preset", "rename", "mine", "music"],
        &["preset", "create", "music", "--from", "default"],
    ] {
        env.orch(args)
            .fails_with(5)
            .one_line_error()
            .stderr_has("built");
    }

    // Bad files: refused whole with file, line and key.
    let bad = |name: &str, text: &str| {
        let p = env.dir.path().join(name);
        std::fs::write(&p, text).unwrap();
        p.to_str().unwrap().to_string()
    };
    let f = bad(
        "range.toml",
        "format_version = 1\n[preset]\nname = \"mine\"\n\n[[stage]]\ntype = \"compression\"\nratio = 50\n",
    );
    env.orch(&["preset", "import", &f, "--replace"])
        .fails_with(5)
        .one_line_error()
        .stderr_has("range.toml: line 7: stage `compression`: parameter `ratio` = 50 is invalid (allowed: 1 to 20)");
    let f = bad(
        "typo.toml",
        "format_version = 1\n[preset]\nname = \"fresh\"\n[[stage]]\ntype = \"limiter\"\nthreshhold_db = -1\n",
    );
    env.orch(&["preset", "import", &f])
        .fails_with(5)
        .stderr_has("typo.toml: line 6: stage #1: unknown key `threshhold_db`");
    let f = bad(
        "head.toml",
        "format_version = 1\n[preset]\nname = \"fresh\"\nowner = \"me\"\n",
    );
    env.orch(&["preset", "import", &f])
        .fails_with(5)
        .stderr_has("head.toml: line 4: unknown key `owner`");
    let f = bad(
        "ver.toml",
        "format_version = 9\n[preset]\nname = \"fresh\"\n",
    );
    env.orch(&["preset", "import", &f])
        .fails_with(5)
        .stderr_has("ver.toml: line 1: key `format_version`");
    let f = bad(
        "syntax.toml",
        "format_version = 1\n[preset\nname = \"fresh\"\n",
    );
    env.orch(&["preset", "import", &f])
        .fails_with(5)
        .stderr_has("syntax.toml: line 2");
    let f = bad(
        "builtin.toml",
        "format_version = 1\n[preset]\nname = \"voice\"\n",
    );
    env.orch(&["preset", "import", &f, "--replace"])
        .fails_with(5)
        .stderr_has("`voice` is the name of a built-in preset");
    env.orch(&["preset", "import", "missing.toml"])
        .fails_with(4);

    assert_eq!(snapshot(&env), before, "a refused change wrote something");
}

#[test]
fn diff_lists_each_differing_parameter() {
    let env = Env::new();
    let d = env
        .orch(&[
            "--no-autostart",
            "--json",
            "preset",
            "diff",
            "voice",
            "noisy",
        ])
        .ok()
        .json();
    assert_eq!(d["a"], "voice");
    assert_eq!(d["identical"], false);
    let diffs = d["differences"].as_array().unwrap();
    let ratio = diffs
        .iter()
        .find(|x| x["stage"] == "compression" && x["param"] == "ratio")
        .unwrap();
    assert_eq!(ratio["change"], "changed");
    assert_eq!(ratio["a"], 2.5);
    assert_eq!(ratio["b"], 4.0);
    let mode = diffs
        .iter()
        .find(|x| x["stage"] == "vad" && x["param"] == "mode")
        .unwrap();
    assert_eq!(
        (mode["a"].as_str(), mode["b"].as_str()),
        (Some("webrtc"), Some("aggressive"))
    );
    // Only real differences: the limiter is the same in both.
    assert!(!diffs.iter().any(|x| x["stage"] == "limiter"));
    let same = env
        .orch(&[
            "--no-autostart",
            "--json",
            "preset",
            "diff",
            "voice",
            "voice",
        ])
        .ok()
        .json();
    assert_eq!(same["identical"], true);
    let human = env.orch(&[
        "--no-autostart",
        "preset",
        "diff",
        "music",
        "music_mastering",
    ]);
    human
        .ok()
        .stdout_has("STAGE")
        .stdout_has("enabled")
        .stdout_has("music_mastering");
}

#[test]
fn compare_runs_a_generated_file_through_two_presets() {
    let env = Env::new();
    let input = env.dir.path().join("talk.wav");
    write_wav(&input);
    let out_dir = env.dir.path().join("listen");
    let run = env.orch(&[
        "--no-autostart",
        "--json",
        "preset",
        "compare",
        "minimal",
        "broadcast",
        "--file",
        input.to_str().unwrap(),
        "--write-dir",
        out_dir.to_str().unwrap(),
    ]);
    let v = run.ok().json();
    assert_eq!(v["sample_rate"], 16000);
    assert_eq!(v["duration_s"], 1.5);
    let results = v["results"].as_array().unwrap();
    assert_eq!(results.len(), 2);
    let input_lufs = v["input"]["integrated_lufs"].as_f64().unwrap();
    let minimal = &results[0];
    assert_eq!(minimal["preset"], "minimal");
    // Pass-through: the output measures like the input.
    let min_lufs = minimal["integrated_lufs"].as_f64().unwrap();
    assert!(
        (min_lufs - input_lufs).abs() < 0.05,
        "{min_lufs} vs {input_lufs}"
    );
    let broadcast = &results[1];
    for key in [
        "integrated_lufs",
        "true_peak_dbtp",
        "snr_db",
        "centroid_hz",
        "speech_ratio",
        "processing_ms",
        "latency_ms",
    ] {
        assert!(broadcast[key].is_number(), "{key}: {}", broadcast[key]);
    }
    assert!(broadcast["true_peak_dbtp"].as_f64().unwrap() <= -0.4);
    for name in ["talk.minimal.wav", "talk.broadcast.wav"] {
        let r = hound::WavReader::open(out_dir.join(name)).unwrap();
        assert_eq!(r.duration(), 24_000, "{name}: same length as the input");
    }
    let human = env.orch(&[
        "--no-autostart",
        "preset",
        "compare",
        "minimal",
        "voice",
        "--file",
        input.to_str().unwrap(),
    ]);
    human
        .ok()
        .stdout_has("loudness LUFS")
        .stdout_has("speech ratio")
        .stdout_has("voice");
    env.orch(&[
        "--no-autostart",
        "preset",
        "compare",
        "voice",
        "--file",
        "nope.wav",
    ])
    .fails_with(4);
    let not_audio = env.dir.path().join("x.wav");
    std::fs::write(&not_audio, "not audio").unwrap();
    env.orch(&[
        "--no-autostart",
        "preset",
        "compare",
        "voice",
        "--file",
        not_audio.to_str().unwrap(),
    ])
    .one_line_error();
}

#[test]
fn process_uses_user_presets_and_the_configured_default() {
    let env = Env::new();
    let input = env.dir.path().join("in.wav");
    write_wav(&input);
    let out = env.dir.path().join("out.wav");
    let (i, o) = (input.to_str().unwrap(), out.to_str().unwrap());
    // A built-in needs no daemon.
    let v = env
        .orch(&[
            "--no-autostart",
            "--json",
            "process",
            i,
            o,
            "--preset",
            "minimal",
        ])
        .ok()
        .json();
    assert_eq!(v["stages"], serde_json::json!([]));
    let _d = env.daemon(&[]);
    env.orch(&[
        "preset",
        "create",
        "just-limit",
        "--from",
        "minimal",
        "--set",
        "limiter.enabled=true",
    ])
    .ok();
    let v: Value = env
        .orch(&["--json", "process", i, o, "--preset", "just-limit"])
        .ok()
        .json();
    assert_eq!(v["stages"], serde_json::json!(["limiter"]));
    // Without --preset: the configured default preset.
    env.write_config("[dsp]\ndefault_preset = \"just-limit\"\n");
    let v: Value = env.orch(&["--json", "process", i, o]).ok().json();
    assert_eq!(v["stages"], serde_json::json!(["limiter"]));
    env.write_config("[dsp]\ndefault_preset = \"No Such\"\n");
    env.orch(&["process", i, o])
        .fails_with(5)
        .stderr_has("dsp.default_preset");
}

/// Every built-in preset whose chain has a VAD hears speech at meeting levels, from
/// -30 to -16 LUFS (`real_time_low_latency` once gated at 0.3 RMS and heard none).
#[test]
fn every_builtin_preset_detects_speech_from_minus_30_to_minus_16_lufs() {
    let env = Env::new();
    let dir = env.dir.path();
    let raw = dir.join("speech.wav");
    helper::audio::speech_like_wav(&raw, 16_000, 3.0);
    let measured = env.orch(&["analyze", raw.to_str().unwrap(), "--json"]);
    let lufs = measured.ok().json()["loudness"]["integrated_lufs"]
        .as_f64()
        .expect("integrated loudness");
    let presets = env.orch(&["preset", "list", "--json"]).ok().json();
    let names: Vec<String> = presets["presets"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["builtin"].as_bool() == Some(true))
        .map(|p| p["name"].as_str().unwrap().to_string())
        .collect();
    assert!(names.len() >= 13, "{names:?}");
    let mut checked = 0;
    for target in [-30.0, -23.0, -16.0] {
        let input = dir.join(format!("speech{target}.wav"));
        helper::audio::scaled_wav(&raw, &input, target - lufs);
        for name in &names {
            let out = dir.join("out.wav");
            let run = env.orch(&[
                "process",
                input.to_str().unwrap(),
                out.to_str().unwrap(),
                "--preset",
                name,
                "--report",
                "--json",
            ]);
            let report = run.ok().json();
            let stages = report["report"]["metrics"]["stages"].as_array().unwrap();
            let Some(vad) = stages.iter().find(|s| s["stage"] == "vad") else {
                continue;
            };
            let ratio = vad["telemetry"]["speech_ratio"].as_f64();
            // The speech is on 60 % of the time; the hangover holds a little more.
            assert!(
                ratio.is_some_and(|r| r > 0.4),
                "preset {name} at {target} LUFS: speech ratio {ratio:?}"
            );
            checked += 1;
        }
    }
    assert!(checked >= 3 * 5, "only {checked} preset runs had a VAD");
}
