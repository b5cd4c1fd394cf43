//! End-to-end tests of `orch process` and `orch normalize`: the real binary on WAV files
//! generated here, with a scrubbed environment.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

struct Env {
    dir: tempfile::TempDir,
}

impl Env {
    fn new() -> Self {
        Self {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Run `orch` with `args`; HOME in the temp dir, ORCH_* and NO_COLOR removed.
    fn orch(&self, args: &[&str]) -> Output {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_orch"));
        for (k, _) in std::env::vars_os() {
            if k.to_string_lossy().starts_with("ORCH_") {
                cmd.env_remove(&k);
            }
        }
        cmd.env_remove("NO_COLOR")
            .env("HOME", self.dir.path())
            .env("XDG_CONFIG_HOME", self.dir.path().join("config"))
            .env("XDG_DATA_HOME", self.dir.path().join("data"))
            .env("XDG_RUNTIME_DIR", self.dir.path().join("run"))
            .current_dir(self.dir.path())
            .args(args);
        let out = cmd.output().expect("run orch");
        eprintln!(
            "$ orch {}\n--- stdout\n{}--- stderr\n{}--- status {:?}",
            args.join(" "),
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr),
            out.status.code()
        );
        out
    }
}

fn json(out: &Output) -> Value {
    let text = String::from_utf8_lossy(&out.stdout);
    serde_json::from_str(text.lines().next().expect("a JSON line")).expect("valid JSON")
}

/// A speech-like test signal: harmonics with syllables, a pause and noise.
fn speech(sr: u32, seconds: f64, amp: f64) -> Vec<f32> {
    let n = (f64::from(sr) * seconds) as usize;
    let mut seed = 12345u64;
    (0..n)
        .map(|i| {
            let t = i as f64 / f64::from(sr);
            let syll = (0.5 - 0.5 * (2.0 * std::f64::consts::PI * 4.0 * t).cos()).powi(2);
            let pause = if (1.0..1.5).contains(&t) { 0.0 } else { 1.0 };
            let v: f64 = (1..10)
                .map(|h| (2.0 * std::f64::consts::PI * 150.0 * h as f64 * t).sin() / h as f64)
                .sum();
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let noise = (seed >> 40) as f64 / (1u64 << 23) as f64 - 1.0;
            (amp * (syll * pause * v * 0.6 + 0.01 * noise)) as f32
        })
        .collect()
}

fn write_wav(path: &Path, sr: u32, channels: &[Vec<f32>], float: bool) {
    let spec = hound::WavSpec {
        channels: channels.len() as u16,
        sample_rate: sr,
        bits_per_sample: if float { 32 } else { 16 },
        sample_format: if float {
            hound::SampleFormat::Float
        } else {
            hound::SampleFormat::Int
        },
    };
    let mut w = hound::WavWriter::create(path, spec).unwrap();
    for i in 0..channels[0].len() {
        for ch in channels {
            if float {
                w.write_sample(ch[i]).unwrap();
            } else {
                w.write_sample((ch[i].clamp(-1.0, 1.0) * 32767.0) as i16)
                    .unwrap();
            }
        }
    }
    w.finalize().unwrap();
}

fn read_wav(path: &Path) -> (hound::WavSpec, Vec<Vec<f32>>) {
    let mut r = hound::WavReader::open(path).unwrap();
    let spec = r.spec();
    let ch = spec.channels as usize;
    let samples: Vec<f32> = match spec.sample_format {
        hound::SampleFormat::Float => r.samples::<f32>().map(Result::unwrap).collect(),
        hound::SampleFormat::Int => {
            let scale = (1u64 << (spec.bits_per_sample - 1)) as f32;
            r.samples::<i32>()
                .map(|s| s.unwrap() as f32 / scale)
                .collect()
        }
    };
    let planar = (0..ch)
        .map(|c| samples.iter().skip(c).step_by(ch).copied().collect())
        .collect();
    (spec, planar)
}

#[test]
fn process_default_chain_keeps_rate_length_and_alignment() {
    let env = Env::new();
    let input = env.path("in.wav");
    let sig = speech(16_000, 3.0, 0.5);
    write_wav(&input, 16_000, &[sig.clone(), sig.clone()], false);
    let out = env.orch(&[
        "process",
        input.to_str().unwrap(),
        "out.wav",
        "--report",
        "--json",
        "--block-size",
        "480",
    ]);
    assert!(out.status.success());
    let v = json(&out);
    assert_eq!(v["sample_rate"], 16_000);
    assert_eq!(v["channels"], 2);
    assert_eq!(v["frames"], sig.len() as u64);
    assert!(v["latency_samples"].as_u64().unwrap() > 0);
    let stages = v["report"]["metrics"]["stages"].as_array().unwrap();
    assert!(stages.iter().any(|s| s["stage"] == "limiter"));
    assert!(v["report"]["before"]["integrated_lufs"].is_number());
    assert!(v["report"]["after"]["true_peak_dbtp"].as_f64().unwrap() <= -1.0);
    let (spec, o) = read_wav(&env.path("out.wav"));
    assert_eq!(spec.sample_rate, 16_000);
    assert_eq!(spec.bits_per_sample, 16);
    assert_eq!(o[0].len(), sig.len());
}

#[test]
fn only_limiter_output_is_aligned_with_the_input() {
    // With a quiet input the limiter is an identity after latency compensation: output
    // sample i must equal input sample i.
    let env = Env::new();
    let sig = speech(48_000, 1.0, 0.2);
    write_wav(
        &env.path("in.wav"),
        48_000,
        std::slice::from_ref(&sig),
        true,
    );
    let out = env.orch(&[
        "process",
        "in.wav",
        "out.wav",
        "--only",
        "limiter",
        "--block-size",
        "7",
    ]);
    assert!(out.status.success());
    let (spec, o) = read_wav(&env.path("out.wav"));
    assert_eq!(
        spec.sample_format,
        hound::SampleFormat::Float,
        "f32 in, f32 out"
    );
    assert_eq!(o[0].len(), sig.len());
    let err = sig
        .iter()
        .zip(&o[0])
        .map(|(a, b)| (a - b).abs())
        .fold(0.0, f32::max);
    assert!(err < 1e-6, "misaligned by {err}");
}

#[test]
fn process_with_a_chain_file_and_bypass() {
    let env = Env::new();
    write_wav(
        &env.path("in.wav"),
        48_000,
        &[speech(48_000, 1.0, 0.5)],
        false,
    );
    std::fs::write(
        env.path("chain.toml"),
        "version = 1\n\n[[stage]]\ntype = \"equalizer\"\npreset = \"broadcast\"\n\n\
         [[stage]]\ntype = \"compression\"\nthreshold_db = -30\nratio = 4\n\n\
         [[stage]]\ntype = \"limiter\"\nthreshold_db = -3\n",
    )
    .unwrap();
    let out = env.orch(&[
        "process",
        "in.wav",
        "out.wav",
        "--chain",
        "chain.toml",
        "--bypass",
        "compression",
        "--format",
        "s24",
        "--json",
    ]);
    assert!(out.status.success());
    let v = json(&out);
    assert_eq!(v["stages"], serde_json::json!(["equalizer", "limiter"]));
    assert_eq!(v["format"], "s24");
    assert_eq!(read_wav(&env.path("out.wav")).0.bits_per_sample, 24);
}

#[test]
fn process_errors_are_one_line_with_the_right_exit_code() {
    let env = Env::new();
    write_wav(
        &env.path("in.wav"),
        16_000,
        &[speech(16_000, 0.5, 0.5)],
        false,
    );
    std::fs::write(
        env.path("bad.toml"),
        "version = 1\n[[stage]]\ntype = \"compression\"\nratio = 0.5\n",
    )
    .unwrap();
    let out = env.orch(&["process", "in.wav", "o.wav", "--chain", "bad.toml"]);
    assert_eq!(out.status.code(), Some(5));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("bad.toml: line 4: stage `compression`: parameter `ratio` = 0.5 is invalid (allowed: 1 to 20)"),
        "{err}"
    );
    let out = env.orch(&["process", "in.wav", "o.wav", "--chain", "typo.toml"]);
    assert_eq!(out.status.code(), Some(4));
    let out = env.orch(&["process", "missing.wav", "o.wav"]);
    assert_eq!(out.status.code(), Some(4));
    // Not a built-in, and no daemon to look up user presets in.
    let out = env.orch(&[
        "--no-autostart",
        "process",
        "in.wav",
        "o.wav",
        "--preset",
        "no-such",
    ]);
    assert_eq!(out.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&out.stderr).contains("preset `no-such` is not a built-in"));
    let out = env.orch(&["process", "in.wav", "o.wav", "--bypass", "reverb"]);
    assert_eq!(out.status.code(), Some(2));
    let out = env.orch(&["process", "in.wav", "in.wav"]);
    assert_eq!(out.status.code(), Some(5));
}

#[test]
fn normalize_linear_and_limited_hit_the_target_under_the_ceiling() {
    let env = Env::new();
    write_wav(
        &env.path("quiet.wav"),
        48_000,
        &[speech(48_000, 4.0, 0.05)],
        false,
    );
    // Linear: -23 LUFS is reachable without touching the ceiling.
    let out = env.orch(&["normalize", "quiet.wav", "a.wav", "--json"]);
    assert!(out.status.success());
    let v = json(&out);
    assert_eq!(v["normalization_type"], "linear");
    for key in [
        "input_i",
        "input_tp",
        "input_lra",
        "input_thresh",
        "output_i",
        "output_tp",
        "output_lra",
        "output_thresh",
        "target_offset",
    ] {
        assert!(v[key].is_number(), "{key}");
    }
    assert!((v["output_i"].as_f64().unwrap() + 23.0).abs() < 0.5);
    assert!(v["output_tp"].as_f64().unwrap() <= -1.0);
    // Limited: -12 LUFS needs more than the peaks allow.
    let out = env.orch(&[
        "normalize",
        "quiet.wav",
        "b.wav",
        "--target",
        "-12",
        "--json",
    ]);
    assert!(out.status.success());
    let v = json(&out);
    assert_eq!(v["normalization_type"], "limited");
    assert!((v["output_i"].as_f64().unwrap() + 12.0).abs() < 0.5, "{v}");
    assert!(v["output_tp"].as_f64().unwrap() <= -1.0, "{v}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("true-peak limiter"));
}

#[test]
fn normalize_a_folder_into_an_out_dir() {
    let env = Env::new();
    std::fs::create_dir(env.path("in")).unwrap();
    write_wav(
        &env.path("in/one.wav"),
        16_000,
        &[speech(16_000, 2.0, 0.3)],
        false,
    );
    write_wav(
        &env.path("in/two.wav"),
        44_100,
        &[speech(44_100, 2.0, 0.1)],
        true,
    );
    std::fs::write(env.path("in/notes.txt"), "not audio").unwrap();
    let out = env.orch(&[
        "normalize",
        "in",
        "--out-dir",
        "out",
        "--target",
        "podcast",
        "--json",
    ]);
    assert!(out.status.success());
    let lines: Vec<Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    for v in &lines {
        assert!((v["output_i"].as_f64().unwrap() + 18.0).abs() < 0.5, "{v}");
    }
    assert_eq!(read_wav(&env.path("out/two.wav")).0.sample_rate, 44_100);
    // Bad usage: two inputs and no --out-dir; a bad target name.
    let out = env.orch(&["normalize", "in/one.wav", "in/two.wav", "x.wav"]);
    assert_eq!(out.status.code(), Some(5));
    let out = env.orch(&["normalize", "in/one.wav", "x.wav", "--target", "loud"]);
    assert_eq!(out.status.code(), Some(2));
}
