//! End-to-end tests of `orch analyze`: the real binary on signals built here (EBU Tech
//! 3341 and 3342 conformance, true peak, formats and rates, spectral peaks) and on every
//! kind of bad input.

mod helper;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use orch::audio::{Planar, SampleFormat, WavWriter};
use serde_json::Value;

/// What a run of `orch` left behind.
struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Run {
    fn show(&self) -> String {
        format!(
            "exit code {}\n--- stdout\n{}\n--- stderr\n{}",
            self.code, self.stdout, self.stderr
        )
    }

    fn json(&self) -> Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e})\n{}", self.show()))
    }
}

/// Run `orch` with a scrubbed environment (ORCH_*, NO_COLOR, HOME in a temp dir).
fn orch(home: &Path, args: &[&str], stdin: Option<&[u8]>) -> Run {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_orch"));
    for (k, _) in std::env::vars_os() {
        let k = k.to_string_lossy().to_string();
        if k.starts_with("ORCH_") || k == "NO_COLOR" || k.starts_with("XDG_") {
            cmd.env_remove(&k);
        }
    }
    cmd.env("HOME", home)
        .current_dir(home)
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        });
    let mut child = cmd.spawn().expect("run orch");
    // Feed stdin from a thread; orch may exit without reading it (usage errors).
    let feeder = stdin.map(|bytes| {
        let mut pipe = child.stdin.take().unwrap();
        let bytes = bytes.to_vec();
        std::thread::spawn(move || {
            let _ = pipe.write_all(&bytes);
        })
    });
    let out = child.wait_with_output().unwrap();
    if let Some(f) = feeder {
        f.join().unwrap();
    }
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).to_string(),
        stderr: String::from_utf8_lossy(&out.stderr).to_string(),
    }
}

/// Write `secs` seconds of `f(t, channel)` as a WAV file.
fn write_wav(
    path: &Path,
    rate: u32,
    channels: usize,
    fmt: SampleFormat,
    secs: f64,
    f: impl Fn(f64, usize) -> f64,
) {
    let mut w = WavWriter::create(path, rate, channels, fmt).unwrap();
    w.set_dither(false);
    let total = (secs * rate as f64).round() as usize;
    let mut block = Planar::new(channels, 48_000);
    let mut at = 0;
    while at < total {
        let n = block.capacity().min(total - at);
        block.set_len(n);
        for c in 0..channels {
            for (i, s) in block.channel_mut(c).iter_mut().enumerate() {
                *s = f((at + i) as f64 / rate as f64, c) as f32;
            }
        }
        w.write(&block).unwrap();
        at += n;
    }
    w.finish().unwrap();
}

/// A stereo 1 kHz sine at 48 kHz, float, through consecutive (level dBFS, seconds)
/// segments: the signals of EBU Tech 3341 and 3342.
fn segments(path: &Path, parts: &[(f64, f64)]) {
    let total: f64 = parts.iter().map(|p| p.1).sum();
    let edges: Vec<(f64, f64)> = parts
        .iter()
        .scan(0.0, |t, &(db, len)| {
            *t += len;
            Some((*t, 10f64.powf(db / 20.0)))
        })
        .collect();
    write_wav(path, 48_000, 2, SampleFormat::F32, total, |t, _| {
        let amp = edges
            .iter()
            .find(|(end, _)| t < *end - 1e-9)
            .map_or(0.0, |e| e.1);
        amp * (2.0 * std::f64::consts::PI * 1000.0 * t).sin()
    });
}

fn num(v: &Value, path: &str) -> f64 {
    let mut cur = v;
    for key in path.split('.') {
        cur = &cur[key];
    }
    cur.as_f64()
        .unwrap_or_else(|| panic!("{path} is not a number: {cur}"))
}

fn close(got: f64, want: f64, tol: f64, what: &str) {
    assert!(
        (got - want).abs() <= tol,
        "{what}: got {got:.4}, want {want} ± {tol}"
    );
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures")
        .join(name)
}

#[test]
fn ebu_tech_3341_and_3342_conformance() {
    let dir = tempfile::tempdir().unwrap();
    // (file, segments, expected integrated, expected LRA)
    type Case = (&'static str, Vec<(f64, f64)>, Option<f64>, Option<f64>);
    let cases: Vec<Case> = vec![
        ("3341-1.wav", vec![(-23.0, 20.0)], Some(-23.0), None),
        ("3341-2.wav", vec![(-33.0, 20.0)], Some(-33.0), None),
        (
            "3341-3.wav",
            vec![(-36.0, 10.0), (-23.0, 60.0), (-36.0, 10.0)],
            Some(-23.0),
            None,
        ),
        (
            "3341-4.wav",
            vec![
                (-72.0, 10.0),
                (-36.0, 10.0),
                (-23.0, 60.0),
                (-36.0, 10.0),
                (-72.0, 10.0),
            ],
            Some(-23.0),
            None,
        ),
        (
            "3341-5.wav",
            vec![(-26.0, 20.0), (-20.0, 20.1), (-26.0, 20.0)],
            Some(-23.0),
            None,
        ),
        (
            "3342-1.wav",
            vec![(-20.0, 20.0), (-30.0, 20.0)],
            None,
            Some(10.0),
        ),
        (
            "3342-2.wav",
            vec![(-20.0, 20.0), (-15.0, 20.0)],
            None,
            Some(5.0),
        ),
        (
            "3342-3.wav",
            vec![(-40.0, 20.0), (-20.0, 20.0)],
            None,
            Some(20.0),
        ),
        (
            "3342-4.wav",
            vec![
                (-50.0, 20.0),
                (-35.0, 20.0),
                (-20.0, 20.0),
                (-35.0, 20.0),
                (-50.0, 20.0),
            ],
            None,
            Some(15.0),
        ),
    ];
    let mut args = vec!["analyze".to_string(), "--json".to_string()];
    for (name, parts, _, _) in &cases {
        let p = dir.path().join(name);
        segments(&p, parts);
        args.push(p.display().to_string());
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let run = orch(dir.path(), &args, None);
    assert_eq!(run.code, 0, "{}", run.show());
    let reports = run.json();
    let reports = reports.as_array().expect("an array for several files");
    assert_eq!(reports.len(), cases.len());
    for ((name, _, integrated, lra), r) in cases.iter().zip(reports) {
        assert!(r["file"].as_str().unwrap().ends_with(name));
        if let Some(want) = integrated {
            close(num(r, "loudness.integrated_lufs"), *want, 0.1, name);
        }
        if let Some(want) = lra {
            close(num(r, "loudness.lra_lu"), *want, 0.1, name);
        }
    }
    // Cases 1 and 2 also hold for the momentary and short-term maxima.
    for (r, want) in reports.iter().zip([-23.0, -33.0]) {
        close(
            num(r, "loudness.momentary_max_lufs"),
            want,
            0.1,
            "momentary max",
        );
        close(
            num(r, "loudness.short_term_max_lufs"),
            want,
            0.1,
            "short-term max",
        );
    }
}

#[test]
fn inter_sample_true_peak_of_known_height() {
    // A sine at fs/4 with a 45° phase: every sample is at ±0.7071 of the peak, so the
    // sample peak is 3.01 dB below the true peak of -6.02 dBTP.
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("tp.wav");
    write_wav(&p, 48_000, 1, SampleFormat::F32, 2.0, |t, _| {
        0.5 * (2.0 * std::f64::consts::PI * 12_000.0 * t + std::f64::consts::FRAC_PI_4).sin()
    });
    let run = orch(
        dir.path(),
        &["analyze", "--json", p.to_str().unwrap()],
        None,
    );
    assert_eq!(run.code, 0, "{}", run.show());
    let r = run.json();
    close(
        num(&r, "loudness.sample_peak_dbfs"),
        -9.03,
        0.02,
        "sample peak",
    );
    close(num(&r, "loudness.true_peak_dbtp"), -6.02, 0.2, "true peak");
    let per_channel = r["loudness"]["true_peak_per_channel_dbtp"]
        .as_array()
        .unwrap();
    assert_eq!(per_channel.len(), 1);
}

#[test]
fn same_content_in_every_format_and_rate_reads_the_same() {
    let dir = tempfile::tempdir().unwrap();
    // Speech-band content with a slow level change: 440 Hz + 2.5 kHz, 3 dB of tremolo.
    let signal = |t: f64, c: usize| {
        let pi2 = 2.0 * std::f64::consts::PI;
        let env = 0.8 + 0.2 * (pi2 * 0.5 * t).sin();
        env * (0.2 * (pi2 * 440.0 * t).sin() + 0.08 * (pi2 * 2500.0 * t + c as f64).sin())
    };
    let mut args = vec!["analyze".to_string(), "--json".to_string()];
    for rate in [44_100, 48_000, 96_000] {
        for (fmt, tag) in [
            (SampleFormat::S16, "s16"),
            (SampleFormat::S24, "s24"),
            (SampleFormat::F32, "f32"),
        ] {
            let p = dir.path().join(format!("c-{rate}-{tag}.wav"));
            write_wav(&p, rate, 2, fmt, 4.0, signal);
            args.push(p.display().to_string());
        }
    }
    // The committed FLAC fixture and the same samples as a 16-bit WAV.
    let wav16k = dir.path().join("two-tone-16k.wav");
    write_wav(&wav16k, 16_000, 1, SampleFormat::S16, 2.0, |t, _| {
        let pi2 = 2.0 * std::f64::consts::PI;
        0.25 * (pi2 * 1000.0 * t).sin() + 0.1 * (pi2 * 3000.0 * t).sin()
    });
    args.push(wav16k.display().to_string());
    args.push(fixture("two-tone-16k.flac").display().to_string());

    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let run = orch(dir.path(), &args, None);
    assert_eq!(run.code, 0, "{}", run.show());
    let all = run.json();
    let all = all.as_array().unwrap();
    let reference = num(&all[4], "loudness.integrated_lufs"); // 48 kHz float
    for r in &all[..9] {
        let what = r["file"].as_str().unwrap();
        close(num(r, "loudness.integrated_lufs"), reference, 0.1, what);
        assert_eq!(r["channels"], 2);
    }
    assert_eq!(all[0]["bits_per_sample"], 16);
    assert_eq!(all[1]["bits_per_sample"], 24);
    assert_eq!(all[2]["codec"], "pcm_f32le");
    assert_eq!(all[8]["sample_rate"], 96_000);
    let (wav, flac) = (&all[9], &all[10]);
    assert_eq!(flac["codec"], "flac");
    assert_eq!(flac["bits_per_sample"], 16);
    close(
        num(flac, "loudness.integrated_lufs"),
        num(wav, "loudness.integrated_lufs"),
        0.1,
        "flac vs wav",
    );
    close(num(flac, "duration_s"), 2.0, 1e-9, "flac duration");
}

#[test]
fn multi_tone_spectral_peaks_within_one_hertz() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("tones.wav");
    let tones = [
        (2017.3, -10.0),
        (523.25, -16.0),
        (7500.8, -24.0),
        (97.6, -30.0),
    ];
    write_wav(&p, 44_100, 1, SampleFormat::S24, 2.0, |t, _| {
        tones
            .iter()
            .map(|(f, db)| 10f64.powf(db / 20.0) * (2.0 * std::f64::consts::PI * f * t).sin())
            .sum()
    });
    let run = orch(
        dir.path(),
        &[
            "analyze",
            "--json",
            "--fft-size",
            "16384",
            p.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(run.code, 0, "{}", run.show());
    let r = run.json();
    let peaks = r["spectrum"]["peaks"].as_array().unwrap();
    assert_eq!(peaks.len(), tones.len(), "{peaks:?}");
    // Sorted by level, loudest first.
    for (p, (f, db)) in peaks.iter().zip(tones) {
        close(num(p, "freq_hz"), f, 1.0, "peak frequency");
        close(num(p, "level_db"), db, 0.5, "peak level");
    }
    assert_eq!(r["spectrum"]["fft_size"], 16384);
}

#[test]
fn conventions_mono_weighting_rms_and_clipping() {
    let dir = tempfile::tempdir().unwrap();
    // A -23 dBFS mono sine reads -26 LUFS; with --dual-mono, -23.
    let mono = dir.path().join("mono.wav");
    write_wav(&mono, 48_000, 1, SampleFormat::F32, 3.0, |t, _| {
        10f64.powf(-23.0 / 20.0) * (2.0 * std::f64::consts::PI * 997.0 * t).sin()
    });
    let run = orch(dir.path(), &["analyze", "--json", "mono.wav"], None);
    assert_eq!(run.code, 0, "{}", run.show());
    close(
        num(&run.json(), "loudness.integrated_lufs"),
        -26.0,
        0.1,
        "mono",
    );
    let run = orch(
        dir.path(),
        &["analyze", "--json", "--dual-mono", "mono.wav"],
        None,
    );
    assert_eq!(run.code, 0, "{}", run.show());
    let r = run.json();
    close(num(&r, "loudness.integrated_lufs"), -23.0, 0.1, "dual mono");
    assert_eq!(r["loudness"]["dual_mono"], true);

    // A full-scale 16-bit sine: RMS -3.01 dBFS, its crests at the full-scale code count
    // as clipped.
    let full = dir.path().join("full.wav");
    write_wav(&full, 8_000, 1, SampleFormat::S16, 1.0, |t, _| {
        (2.0 * std::f64::consts::PI * 2000.0 * t + 0.25).sin() * 1.5
    });
    let run = orch(
        dir.path(),
        &["analyze", "--json", "--timeline", "full.wav"],
        None,
    );
    assert_eq!(run.code, 0, "{}", run.show());
    let r = run.json();
    let q = &r["quality"];
    assert!(q["clipped_samples"].as_u64().unwrap() > 1000, "{q}");
    assert!(num(&r, "quality.clipped_ratio") > 0.1);
    assert_eq!(r["timeline"].as_array().unwrap().len(), 10);
    let sine = dir.path().join("sine.wav");
    // (A phase that never lands a sample on 1.0, which would count as clipped.)
    write_wav(&sine, 48_000, 2, SampleFormat::F32, 1.0, |t, _| {
        (2.0 * std::f64::consts::PI * 1000.0 * t + 0.1).sin()
    });
    let run = orch(dir.path(), &["analyze", "--json", "sine.wav"], None);
    let r = run.json();
    close(
        num(&r, "quality.rms_dbfs"),
        -3.01,
        0.01,
        "rms of a full-scale sine",
    );
    assert_eq!(r["quality"]["clipped_samples"], 0);
    assert!(r.get("timeline").is_none());
    assert!(r["assessment"]["standards"].as_array().unwrap().len() >= 3);
}

#[test]
fn silence_and_short_audio_are_null_not_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let silence = dir.path().join("silence.wav");
    write_wav(&silence, 48_000, 2, SampleFormat::S16, 2.0, |_, _| 0.0);
    let short = dir.path().join("short.wav");
    write_wav(&short, 48_000, 1, SampleFormat::F32, 0.2, |t, _| {
        0.5 * (2.0 * std::f64::consts::PI * 440.0 * t).sin()
    });
    let run = orch(
        dir.path(),
        &["analyze", "--json", "silence.wav", "short.wav"],
        None,
    );
    assert_eq!(run.code, 0, "{}", run.show());
    assert!(!run.stdout.contains("inf") && !run.stdout.contains("NaN"));
    let all = run.json();
    let (s, sh) = (&all[0], &all[1]);
    for key in [
        "integrated_lufs",
        "lra_lu",
        "momentary_max_lufs",
        "short_term_max_lufs",
        "true_peak_dbtp",
        "sample_peak_dbfs",
    ] {
        assert!(
            s["loudness"][key].is_null(),
            "silence {key}: {}",
            s["loudness"]
        );
    }
    for key in ["rms_dbfs", "crest_factor_db", "snr_db", "dynamic_range_db"] {
        assert!(s["quality"][key].is_null(), "silence {key}");
    }
    assert!(s["spectrum"]["centroid_hz"].is_null());
    assert_eq!(s["quality"]["silence_ratio"], 1.0);
    // 200 ms: shorter than one gating block.
    assert!(sh["loudness"]["integrated_lufs"].is_null());
    assert!(sh["loudness"]["momentary_max_lufs"].is_null());
    assert!(sh["loudness"]["sample_peak_dbfs"].is_number());
    // Human output says n/a.
    let run = orch(dir.path(), &["analyze", "silence.wav"], None);
    assert_eq!(run.code, 0, "{}", run.show());
    assert!(run.stdout.contains("n/a"), "{}", run.show());
}

#[test]
fn raw_pcm_from_stdin() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = Vec::new();
    for i in 0..48_000 * 2 {
        let t = i as f64 / 48_000.0;
        let v = (0.1 * (2.0 * std::f64::consts::PI * 1000.0 * t).sin() * 32768.0).round() as i16;
        bytes.extend_from_slice(&v.to_le_bytes()); // left
        bytes.extend_from_slice(&v.to_le_bytes()); // right
    }
    let run = orch(
        dir.path(),
        &[
            "analyze",
            "--json",
            "-",
            "--format",
            "s16le",
            "--rate",
            "48000",
            "--channels",
            "2",
        ],
        Some(&bytes),
    );
    assert_eq!(run.code, 0, "{}", run.show());
    let r = run.json();
    assert_eq!(r["file"], "-");
    assert_eq!(r["codec"], "raw_s16le");
    close(num(&r, "duration_s"), 2.0, 1e-9, "duration");
    close(
        num(&r, "loudness.integrated_lufs"),
        -20.0,
        0.1,
        "stereo -20 dBFS sine",
    );

    // A trailing partial frame is reported, the rest analysed.
    bytes.extend_from_slice(&[1, 2, 3]);
    let run = orch(
        dir.path(),
        &[
            "analyze",
            "-",
            "--format",
            "s16le",
            "--rate",
            "48000",
            "--channels",
            "2",
        ],
        Some(&bytes),
    );
    assert_eq!(run.code, 0, "{}", run.show());
    assert!(run.stderr.contains("3 trailing byte"), "{}", run.show());

    // Without the layout: a clear error.
    let run = orch(dir.path(), &["analyze", "-"], Some(&bytes));
    assert_eq!(run.code, 5, "{}", run.show());
    assert!(
        run.stderr.contains("--format, --rate and --channels"),
        "{}",
        run.show()
    );
    let run = orch(
        dir.path(),
        &[
            "analyze",
            "-",
            "--format",
            "s16le",
            "--rate",
            "48000",
            "--channels",
            "0",
        ],
        Some(&bytes),
    );
    assert_eq!(run.code, 5, "{}", run.show());
    assert!(run.stderr.contains("zero channels"), "{}", run.show());
}

/// Every bad input: its one-line error and exit code.
#[test]
fn bad_inputs_get_one_line_errors_and_exit_codes() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("empty.wav"), b"").unwrap();
    std::fs::write(d.join("notes.wav"), "meeting notes, not audio\n".repeat(40)).unwrap();
    // A WAV whose header says zero channels.
    write_wav(
        &d.join("zero.wav"),
        8000,
        1,
        SampleFormat::S16,
        0.5,
        |t, _| t.sin(),
    );
    let mut bytes = std::fs::read(d.join("zero.wav")).unwrap();
    bytes[22] = 0;
    bytes[23] = 0;
    std::fs::write(d.join("zero.wav"), &bytes).unwrap();
    // A WAV whose format tag (0x0050, MPEG) has no decoder.
    let mut mpeg = std::fs::read(d.join("zero.wav")).unwrap();
    mpeg[22] = 1;
    mpeg[20] = 0x50;
    std::fs::write(d.join("mpeg.wav"), &mpeg).unwrap();
    std::fs::copy(fixture("opus-1k-0.5s.ogg"), d.join("voice.ogg")).unwrap();

    let cases: [(&str, i32, &str); 6] = [
        ("missing.wav", 4, "not found: missing.wav"),
        ("empty.wav", 5, "empty.wav: empty file"),
        ("notes.wav", 5, "notes.wav: not an audio file"),
        ("zero.wav", 5, "zero.wav: zero channels"),
        ("mpeg.wav", 5, "mpeg.wav: unsupported"),
        ("voice.ogg", 5, "voice.ogg: unsupported codec opus"),
    ];
    for (file, code, text) in cases {
        let run = orch(d, &["analyze", file], None);
        assert_eq!(run.code, code, "{file}: {}", run.show());
        assert!(run.stdout.is_empty(), "{file}: {}", run.show());
        let lines: Vec<&str> = run.stderr.lines().collect();
        assert_eq!(lines.len(), 1, "{file}: one line: {}", run.show());
        assert!(lines[0].starts_with("orch: error: "), "{}", run.show());
        assert!(
            lines[0].contains(text),
            "{file}: want `{text}`: {}",
            run.show()
        );
        // JSON mode: the error as a JSON object on stderr.
        let run = orch(d, &["analyze", "--json", file], None);
        assert_eq!(run.code, code);
        let err: Value = serde_json::from_str(run.stderr.trim()).unwrap();
        assert_eq!(err["exit_code"], code);
    }

    // Bad options.
    let good = d.join("good.wav");
    write_wav(&good, 8000, 1, SampleFormat::S16, 0.5, |t, _| {
        0.1 * (6000.0 * t).sin()
    });
    for (args, text) in [
        (vec!["--fft-size", "1000"], "FFT size 1000"),
        (vec!["--target", "5"], "target loudness 5"),
        (vec!["--plot", "out.pdf"], "must be an .svg or .png file"),
        (vec!["--plot", "out"], "must be an .svg or .png file"),
    ] {
        let mut all = vec!["analyze", "good.wav"];
        all.extend(args);
        let run = orch(d, &all, None);
        assert_eq!(run.code, 5, "{}", run.show());
        assert!(run.stderr.contains(text), "{}", run.show());
    }

    // A truncated file: what decodes is analysed, stderr says where it stopped.
    write_wav(
        &d.join("long.wav"),
        8000,
        1,
        SampleFormat::S16,
        2.0,
        |t, _| 0.3 * (2.0 * std::f64::consts::PI * 500.0 * t).sin(),
    );
    let bytes = std::fs::read(d.join("long.wav")).unwrap();
    std::fs::write(d.join("cut.wav"), &bytes[..44 + 8000]).unwrap();
    let run = orch(d, &["analyze", "--json", "cut.wav"], None);
    assert_eq!(run.code, 0, "{}", run.show());
    assert!(run.stderr.contains("truncated"), "{}", run.show());
    assert!(run.stderr.contains("0.500 s"), "{}", run.show());
    let r = run.json();
    close(num(&r, "duration_s"), 0.5, 1e-9, "decoded part");
    assert!(r["warning"].as_str().unwrap().contains("truncated"));

    // A bad file among good ones: the others are reported, the exit code is its own.
    let run = orch(
        d,
        &["analyze", "--json", "good.wav", "missing.wav", "cut.wav"],
        None,
    );
    assert_eq!(run.code, 4, "{}", run.show());
    let all = run.json();
    let all = all.as_array().unwrap();
    assert_eq!(all.len(), 3);
    assert_eq!(all[0]["file"], "good.wav");
    assert_eq!(all[1]["exit_code"], 4);
    assert!(all[1]["error"].as_str().unwrap().contains("missing.wav"));
    assert!(all[2]["loudness"].is_object());
    let run = orch(d, &["analyze", "good.wav", "missing.wav"], None);
    assert_eq!(run.code, 4, "{}", run.show());
    assert!(run.stdout.contains("good.wav"), "{}", run.show());
    assert!(
        run.stderr
            .contains("orch: error: file not found: missing.wav")
    );
}

#[test]
fn plot_is_an_svg_with_both_panels() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("speechy.wav");
    write_wav(&p, 16_000, 1, SampleFormat::S16, 5.0, |t, _| {
        let pi2 = 2.0 * std::f64::consts::PI;
        let gate = if (t * 2.0).fract() < 0.6 { 1.0 } else { 0.02 };
        gate * (0.2 * (pi2 * 180.0 * t).sin() + 0.1 * (pi2 * 900.0 * t).sin())
    });
    let run = orch(
        dir.path(),
        &["analyze", "speechy.wav", "--plot", "out.svg"],
        None,
    );
    assert_eq!(run.code, 0, "{}", run.show());
    let svg = std::fs::read_to_string(dir.path().join("out.svg")).unwrap();
    assert!(svg.starts_with("<svg"));
    assert!(svg.contains("Averaged spectrum"));
    assert!(svg.contains("Loudness over time"));
    assert!(svg.matches("<polyline").count() >= 3);
    assert!(svg.trim_end().ends_with("</svg>"));
}

#[test]
fn plot_as_png_is_the_same_figure_rendered() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["a.wav", "b.wav"] {
        write_wav(
            &dir.path().join(name),
            16_000,
            1,
            SampleFormat::S16,
            4.0,
            |t, _| 0.2 * (2.0 * std::f64::consts::PI * 440.0 * t).sin() * (1.0 + t / 4.0),
        );
    }
    let run = orch(
        dir.path(),
        &["analyze", "--json", "a.wav", "--plot", "out.PNG"],
        None,
    );
    assert_eq!(run.code, 0, "{}", run.show());
    // The JSON report is unchanged by plotting (no curve, no timeline).
    assert!(run.json()["timeline"].is_null());
    let bytes = std::fs::read(dir.path().join("out.PNG")).unwrap();
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "PNG signature");
    let img = resvg::tiny_skia::Pixmap::decode_png(&bytes).expect("a decodable PNG");
    // The 1000 x 730 SVG figure at twice the size.
    assert_eq!((img.width(), img.height()), (2000, 1460));
    // Text was drawn with the embedded fonts: dark pixels in the title line (y 20 to 60
    // in SVG units), and the curves in their colours somewhere.
    let px = |x: u32, y: u32| img.pixel(x, y).unwrap();
    let title_ink = (40..120)
        .flat_map(|y| (140..1400).map(move |x| (x, y)))
        .filter(|&(x, y)| px(x, y).red() < 100)
        .count();
    assert!(title_ink > 500, "no title text: {title_ink} dark pixels");
    let blue = (0..img.height())
        .flat_map(|y| (0..img.width()).map(move |x| (x, y)))
        .filter(|&(x, y)| {
            let p = px(x, y);
            p.blue() > 150 && p.red() < 60
        })
        .count();
    assert!(blue > 1000, "no curves: {blue} blue pixels");

    // Several files: one image each, named after the input, with the extension kept.
    let run = orch(
        dir.path(),
        &["analyze", "a.wav", "b.wav", "--plot", "plot.png"],
        None,
    );
    assert_eq!(run.code, 0, "{}", run.show());
    for f in ["plot-a.png", "plot-b.png"] {
        let bytes = std::fs::read(dir.path().join(f)).unwrap();
        assert!(resvg::tiny_skia::Pixmap::decode_png(&bytes).is_ok(), "{f}");
    }
    // SVG still works.
    let run = orch(dir.path(), &["analyze", "a.wav", "--plot", "p.svg"], None);
    assert_eq!(run.code, 0, "{}", run.show());
    let svg = std::fs::read_to_string(dir.path().join("p.svg")).unwrap();
    assert!(svg.starts_with("<svg"));
}
