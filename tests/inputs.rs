//! End-to-end tests of what `orch` reads and writes: malformed headers and the decoder
//! crash corpus (`tests/fixtures/fuzz/crashes`), output formats by name and by
//! `--output-format`, and Opus recordings. The real binary on real files.

mod helper;

use std::path::{Path, PathBuf};

use helper::Env;

fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures")
        .join(rel)
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// A WAV header saying sample rate 0 made symphonia panic (exit 101 and a backtrace).
#[test]
fn a_wav_with_sample_rate_0_is_invalid_input_in_one_line() {
    let env = Env::new();
    let wav = env.dir.path().join("rate0.wav");
    helper::audio::speech_like_wav(&wav, 16_000, 0.2);
    let mut bytes = std::fs::read(&wav).unwrap();
    bytes[24..28].copy_from_slice(&[0; 4]);
    std::fs::write(&wav, bytes).unwrap();
    let out = env.dir.path().join("out.wav");
    for args in [
        vec!["analyze", s(&wav)],
        vec!["process", s(&wav), s(&out)],
        vec!["normalize", s(&wav), s(&out)],
    ] {
        env.orch(&args)
            .fails_with(5)
            .one_line_error()
            .stderr_has("sample rate 0 Hz");
    }
}

/// Every input on which a decoder panicked during fuzzing ends as exit 0 (decoded with
/// a warning) or 5 (invalid input) with a one-line message, never as a crash.
#[test]
fn the_decoder_crash_corpus_never_crashes_orch() {
    let env = Env::new();
    let dir = fixture("fuzz/crashes");
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "md") {
            continue;
        }
        let run = env.orch(&["analyze", s(&path)]);
        assert!(
            run.code() == 0 || run.code() == 5,
            "{}: exit {}\n{}",
            path.display(),
            run.code(),
            run.stderr()
        );
        if run.code() == 5 {
            run.one_line_error();
        }
        assert!(!run.stderr().contains("panicked"), "{}", run.stderr());
        n += 1;
    }
    assert!(n > 0, "the crash corpus is empty");
}

/// `.flac` outputs are FLAC (they were WAV data under a FLAC name); `--output-format`
/// chooses whatever the name; names of formats orch does not write are usage errors.
#[test]
fn outputs_are_written_in_the_format_their_name_or_flag_says() {
    let env = Env::new();
    let dir = env.dir.path();
    let input = dir.join("in.wav");
    helper::audio::speech_like_wav(&input, 16_000, 1.0);
    let flac = dir.join("out.flac");
    env.orch(&["process", s(&input), s(&flac)]).ok();
    assert_eq!(&std::fs::read(&flac).unwrap()[..4], b"fLaC");
    // It decodes to the same length and loudness as the WAV written from the same input.
    let wav = dir.join("out.wav");
    env.orch(&["process", s(&input), s(&wav)]).ok();
    let a = env.orch(&["analyze", s(&flac), "--json"]).ok().json();
    let b = env.orch(&["analyze", s(&wav), "--json"]).ok().json();
    assert_eq!(a["codec"], "flac", "{a}");
    assert_eq!(a["frames"], b["frames"]);
    let (la, lb) = (
        a["loudness"]["integrated_lufs"].as_f64().unwrap(),
        b["loudness"]["integrated_lufs"].as_f64().unwrap(),
    );
    assert!((la - lb).abs() < 0.05, "{la} vs {lb}");

    env.orch(&["normalize", s(&input), s(&dir.join("n.flac"))])
        .ok();
    assert_eq!(&std::fs::read(dir.join("n.flac")).unwrap()[..4], b"fLaC");

    let named = dir.join("named.out");
    env.orch(&["process", s(&input), s(&named), "--output-format", "flac"])
        .ok();
    assert_eq!(&std::fs::read(&named).unwrap()[..4], b"fLaC");

    for cmd in ["process", "normalize"] {
        let mp3 = dir.join("out.mp3");
        env.orch(&[cmd, s(&input), s(&mp3)])
            .fails_with(2)
            .one_line_error()
            .stderr_has("wav, flac");
        assert!(!mp3.exists(), "{cmd} wrote {}", mp3.display());
    }
}

/// `target_lufs` outside `mode = "custom"` was silently ignored: refused, naming both.
#[test]
fn target_lufs_outside_custom_mode_is_refused() {
    let env = Env::new();
    let dir = env.dir.path();
    let input = dir.join("in.wav");
    helper::audio::speech_like_wav(&input, 16_000, 0.5);
    let chain = dir.join("chain.toml");
    std::fs::write(
        &chain,
        "version = 1\n[[stage]]\ntype = \"lufs_normalization\"\nmode = \"podcast\"\ntarget_lufs = -20\n",
    )
    .unwrap();
    env.orch(&[
        "process",
        s(&input),
        s(&dir.join("o.wav")),
        "--chain",
        s(&chain),
    ])
    .fails_with(5)
    .one_line_error()
    .stderr_has("target_lufs")
    .stderr_has("custom");
    std::fs::write(
        &chain,
        "version = 1\n[[stage]]\ntype = \"lufs_normalization\"\nmode = \"custom\"\ntarget_lufs = -20\n",
    )
    .unwrap();
    env.orch(&[
        "process",
        s(&input),
        s(&dir.join("o.wav")),
        "--chain",
        s(&chain),
    ])
    .ok();
}
