//! The virtual webcam through the real binaries: frames read back by tesseract OCR
//! (Debian `tesseract-ocr`) and Y4M streams by ffprobe (Debian `ffmpeg`), both installed
//! by scripts/engines; live captions from the real speech-to-text engine and Apertium.

mod helper;

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use helper::Env;
use helper::engines::{ocr, paragraph, whisper_url};

/// Text tesseract reads in a PNG, lower-cased with single spaces.
const CAPTIONS: &str = r#"[
 {"text": "Good morning everyone, let us start with the quarterly numbers.", "speaker": "Ada Lovelace", "source_language": "en", "confidence": 0.93, "original": true},
 {"text": "Buenos dias a todos, empecemos con las cifras trimestrales.", "speaker": "Ada Lovelace", "source_language": "en", "target_language": "es", "confidence": 0.93},
 {"text": "Revenue grew by twelve percent this winter.", "speaker": "Grace Hopper", "source_language": "en", "confidence": 0.71, "original": true}
]"#;

#[test]
fn every_mode_and_theme_shows_the_captions_and_speakers_to_ocr() {
    let env = Env::new();
    let caps = env.dir.path().join("captions.json");
    std::fs::write(&caps, CAPTIONS).unwrap();
    let modes = [
        "overlay",
        "sidebar",
        "bottom_banner",
        "floating",
        "fullscreen",
        "picture_in_picture",
    ];
    let themes = ["dark", "light", "high_contrast", "minimal", "corporate"];
    let mut jobs = Vec::new();
    for mode in modes {
        for theme in themes {
            let png = env.dir.path().join(format!("{mode}-{theme}.png"));
            env.orch(&[
                "webcam",
                "render",
                "--captions",
                caps.to_str().unwrap(),
                "-o",
                png.to_str().unwrap(),
                "--mode",
                mode,
                "--theme",
                theme,
            ])
            .ok();
            jobs.push((format!("{mode}/{theme}"), png));
        }
    }
    // Every frame differs from every other: each mode and theme draws its own way.
    let mut seen = std::collections::HashSet::new();
    for (name, png) in &jobs {
        assert!(
            seen.insert(std::fs::read(png).unwrap()),
            "{name} repeats another frame"
        );
    }
    // OCR on both cores.
    let (a, b) = jobs.split_at(jobs.len() / 2);
    let check = |part: &[(String, std::path::PathBuf)]| {
        for (name, png) in part {
            let text = ocr(png);
            for want in ["ada lovelace", "twelve percent", "translation", "cifras"] {
                assert!(text.contains(want), "{name}: no {want:?} in {text:?}");
            }
            // The newest box comes first where boxes stack top down.
            if name.starts_with("overlay") {
                let newest = text.find("twelve percent").unwrap();
                let oldest = text.find("quarterly").unwrap();
                assert!(newest < oldest, "{name}: newest first: {text:?}");
            }
        }
    };
    std::thread::scope(|s| {
        s.spawn(|| check(a));
        check(b);
    });

    // Bad input: a clear error and exit 5.
    let out = env.dir.path().join("x.png");
    let render = |captions: &Path, extra: &[&str]| {
        let mut a = vec![
            "webcam",
            "render",
            "--captions",
            captions.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ];
        a.extend_from_slice(extra);
        env.orch(&a)
    };
    let bad = env.dir.path().join("bad.json");
    std::fs::write(&bad, "{\"speaker\": \"nobody\"}\n").unwrap();
    render(&bad, &[])
        .fails_with(5)
        .stderr_has("missing field `text`");
    render(&caps, &["--mode", "cinema"])
        .fails_with(5)
        .stderr_has("not a display mode");
    render(&caps, &["--size", "4000x720"])
        .fails_with(5)
        .stderr_has("width: 4000 is outside 640 to 1920");
}

/// A file bot that plays speech-like sound for as long as the test needs.
fn looping_bot(env: &Env, extra: &[&str]) -> String {
    let wav = env.dir.path().join("sound.wav");
    if !wav.exists() {
        helper::audio::speech_like_wav(&wav, 48_000, 2.0);
    }
    let mut args = vec![
        "--kind",
        "file",
        "--source",
        wav.to_str().unwrap(),
        "--loop",
    ];
    args.extend_from_slice(extra);
    env.spawn_bot(&args)
}

fn status(env: &Env, bot: &str) -> serde_json::Value {
    env.orch(&["--json", "webcam", "status", bot]).json()
}

#[test]
fn a_y4m_stream_has_the_size_rate_and_frame_count_and_a_stalled_reader_never_blocks_the_bot() {
    let env = Env::new();
    let port = helper::engines::free_port();
    env.write_config(&format!("[metrics]\nlisten = \"127.0.0.1:{port}\"\n"));
    let _d = env.daemon(&[]);
    let bot = looping_bot(&env, &[]);
    env.wait_bot(&bot, "running", Duration::from_secs(20));

    // A file: ffprobe reads exactly the frames the webcam says it wrote.
    let file = env.dir.path().join("cam.y4m");
    let started = env.orch(&[
        "--json",
        "webcam",
        "start",
        &bot,
        "--size",
        "640x480",
        "--fps",
        "15",
        "--output",
        &format!("y4m:{}", file.display()),
    ]);
    started.ok();
    assert_eq!(started.json()["settings"]["fps"], 15);
    std::thread::sleep(Duration::from_millis(1500));
    // Prometheus sees the webcam's frames.
    let (_, body) = helper::http_get(port, "/metrics");
    let written = format!("orch_webcam_frames_total{{bot=\"{bot}\",outcome=\"written\"}} ");
    let line = body
        .lines()
        .find(|l| l.starts_with(&written))
        .unwrap_or_else(|| panic!("{body}"));
    assert!(line[written.len()..].parse::<u64>().unwrap() > 0, "{line}");
    let stopped = env.orch(&["--json", "webcam", "stop", &bot]);
    stopped.ok();
    let written = stopped.json()["written"].as_u64().unwrap();
    assert!(written >= 10, "{}", stopped.stdout());
    let probe = Command::new("ffprobe")
        .args([
            "-v",
            "error",
            "-count_frames",
            "-select_streams",
            "v:0",
            "-show_entries",
            "stream=width,height,r_frame_rate,nb_read_frames",
            "-of",
            "json",
        ])
        .arg(&file)
        .output()
        .expect("ffprobe is installed (scripts/engines install)");
    assert!(
        probe.status.success(),
        "{}",
        String::from_utf8_lossy(&probe.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&probe.stdout).unwrap();
    let s = &v["streams"][0];
    assert_eq!(
        (s["width"].as_u64(), s["height"].as_u64()),
        (Some(640), Some(480)),
        "{v}"
    );
    assert_eq!(s["r_frame_rate"], "15/1");
    // The file may hold one frame more than counted when stop came mid-write.
    let frames: u64 = s["nb_read_frames"].as_str().unwrap().parse().unwrap();
    assert!(
        frames == written || frames == written + 1,
        "{frames} frames, {written} written"
    );

    // A FIFO whose reader stops reading: the bot's audio goes on, the webcam counts
    // dropped frames, and stop still answers at once.
    let fifo = env.dir.path().join("cam.fifo");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    env.orch(&[
        "webcam",
        "start",
        &bot,
        "--output",
        &format!("y4m:{}", fifo.display()),
    ])
    .ok();
    let mut reader = std::fs::File::open(&fifo).unwrap();
    let mut head = [0u8; 9];
    reader.read_exact(&mut head).unwrap();
    assert_eq!(&head, b"YUV4MPEG2");
    let audio_s = |b: &serde_json::Value| b["live"]["audio_s"].as_f64().unwrap();
    let before = audio_s(&env.bot(&bot));
    std::thread::sleep(Duration::from_secs(2));
    let b = env.bot(&bot);
    assert_eq!(b["state"], "running");
    // Real time: about two seconds of audio went through while the reader stalled.
    assert!(
        audio_s(&b) - before > 1.0,
        "the bot's audio stalled behind the webcam: {b}"
    );
    let st = status(&env, &bot);
    assert!(st["dropped"].as_u64().unwrap() > 0, "{st}");
    let t = Instant::now();
    env.orch(&["webcam", "stop", &bot]).ok();
    assert!(t.elapsed() < Duration::from_secs(5));
    drop(reader);
    env.orch(&["webcam", "status", &bot])
        .fails_with(4)
        .stderr_has("has no webcam");

    // Output errors are clear.
    env.orch(&["webcam", "start", &bot, "--output", "v4l2:/dev/video99"])
        .fails_with(4)
        .stderr_has("modprobe v4l2loopback");
    env.orch(&["webcam", "start", &bot, "--output", "mp4:/tmp/x"])
        .fails_with(5)
        .stderr_has("not y4m or v4l2");
    env.orch(&["webcam", "start", &bot, "--set", "fps=100"])
        .fails_with(5)
        .stderr_has("fps: 100 is outside 15 to 60");
}

#[test]
fn standard_output_streams_y4m_until_the_reader_goes() {
    let env = Env::new();
    let _d = env.daemon(&[]);
    let bot = looping_bot(&env, &[]);
    env.wait_bot(&bot, "running", Duration::from_secs(20));
    let mut child = env
        .command(&helper::orch_bin())
        .args([
            "webcam", "start", &bot, "--size", "640x480", "--output", "-",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut out = child.stdout.take().unwrap();
    // Header plus three frames, then the reader goes.
    let header = "YUV4MPEG2 W640 H480 F30:1";
    let frame = 6 + 640 * 480 * 3 / 2;
    let mut buf = vec![0u8; 64 + 3 * frame];
    out.read_exact(&mut buf).unwrap();
    assert!(buf.starts_with(header.as_bytes()));
    drop(out);
    let deadline = Instant::now() + Duration::from_secs(10);
    while child.try_wait().unwrap().is_none() {
        assert!(
            Instant::now() < deadline,
            "orch webcam start did not end with its reader"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    // It stopped the webcam it started.
    helper::wait_for(Duration::from_secs(5), "the webcam to stop", || {
        env.orch(&["webcam", "status", &bot]).code() == 4
    });
}

/// `sentences` spoken, then `silence_s` of silence.
fn talk(path: &Path, sentences: &[&str], silence_s: f64) {
    paragraph(path, sentences, 0.6);
    let mut r = hound::WavReader::open(path).unwrap();
    let spec = r.spec();
    let mut all: Vec<i16> = r.samples::<i16>().map(|s| s.unwrap()).collect();
    all.extend(std::iter::repeat_n(
        0,
        (silence_s * spec.sample_rate as f64) as usize,
    ));
    let mut w = hound::WavWriter::create(path, spec).unwrap();
    for s in all {
        w.write_sample(s).unwrap();
    }
    w.finalize().unwrap();
}

#[test]
fn a_transcribing_bot_s_webcam_shows_the_spoken_words_then_waits_again() {
    let env = Env::new();
    env.write_config(&format!(
        "[transcription]\nurl = \"{}\"\n[webcam]\ncaption_s = 4\n",
        whisper_url()
    ));
    let _d = env.daemon(&[]);
    let wav = env.dir.path().join("talk.wav");
    talk(
        &wav,
        &[
            "Please remember to send the budget report before Friday.",
            "The new library opens downtown in early spring.",
        ],
        14.0,
    );
    let y4m = env.dir.path().join("live.y4m");
    let y4m_arg = format!("y4m:{}", y4m.display());
    let bot = env.spawn_bot(&[
        "--kind",
        "file",
        "--source",
        wav.to_str().unwrap(),
        "--transcribe",
        "--language",
        "en",
        "--target-language",
        "es",
        "--webcam",
        "--webcam-set",
        "max_captions=4",
        "--webcam-set",
        "size=640x480",
        "--webcam-set",
        "fps=15",
        "--webcam-output",
        y4m_arg.as_str(),
    ]);
    // The webcam came up with the bot and waits for captions.
    helper::wait_for(Duration::from_secs(10), "the webcam", || {
        env.orch(&["webcam", "status", &bot]).code() == 0
    });
    let png = env.dir.path().join("snap.png");
    let snap = |env: &Env| {
        env.orch(&["webcam", "snapshot", &bot, "-o", png.to_str().unwrap()])
            .ok();
        ocr(&png)
    };
    // Captions arrive: a line and its Spanish translation.
    let mut text = String::new();
    helper::wait_for(
        Duration::from_secs(60),
        "the spoken words on the webcam",
        || {
            let st = status(&env, &bot);
            if st["captions"].as_u64().unwrap_or(0) < 2 {
                return false;
            }
            text = snap(&env);
            (text.contains("budget report") || text.contains("library opens"))
                && text.contains("translation")
        },
    );
    assert!(text.contains("transcription"), "{text}");
    // The language tag `en → es` (OCR reads the arrow as ->, - or +).
    let squeezed = text.replace(' ', "");
    assert!(
        ["en->es", "en-es", "en+es", "en>es", "en→es"]
            .iter()
            .any(|t| squeezed.contains(t)),
        "{text}"
    );
    let st = status(&env, &bot);
    assert!(st["speakers"].as_u64().unwrap() >= 1, "{st}");
    assert!(st["last_caption_time"].as_f64().is_some(), "{st}");
    // The video stream carries the captions too: its frames change, and the delay from a
    // caption to the first frame written with it is measured.
    let bytes = std::fs::read(&y4m).unwrap();
    let header_end = bytes.iter().position(|&b| b == b'\n').unwrap() + 1;
    let frame_len = 6 + 640 * 480 * 3 / 2;
    let frames: Vec<&[u8]> = bytes[header_end..].chunks_exact(frame_len).collect();
    assert!(frames.len() > 15, "{} frames", frames.len());
    assert!(frames.iter().all(|f| f.starts_with(b"FRAME\n")));
    let distinct: std::collections::HashSet<&[u8]> = frames.iter().copied().collect();
    assert!(distinct.len() >= 2, "every frame written is the same");
    let st = status(&env, &bot);
    let p50 = st["caption_to_frame_ms_p50"]
        .as_f64()
        .expect("a caption-to-frame delay");
    assert!(p50 >= 0.0, "{st}");
    // Changed live: the theme, then the boxes show translations only.
    env.orch(&[
        "webcam",
        "config",
        &bot,
        "--set",
        "theme=light",
        "--set",
        "show=translation",
    ])
    .ok()
    .stdout_has("light");
    // After the talk the captions expire and the frame waits again.
    helper::wait_for(Duration::from_secs(40), "the captions to expire", || {
        status(&env, &bot)["current_captions"] == 0
    });
    let text = snap(&env);
    assert!(text.contains("waiting for translations"), "{text}");
    // The webcam stops with its bot.
    env.orch(&["bot", "terminate", &bot]).ok();
    env.orch(&["webcam", "status", &bot]).fails_with(5);
}

#[test]
fn bot_config_turns_the_webcam_on_and_off_and_changes_it() {
    let env = Env::new();
    let _d = env.daemon(&[]);
    let bot = looping_bot(&env, &[]);
    env.wait_bot(&bot, "running", Duration::from_secs(20));
    // A webcam setting without a webcam is refused; nothing changes.
    env.orch(&["bot", "config", &bot, "--set", "webcam.mode=sidebar"])
        .fails_with(5)
        .stderr_has("has no webcam");
    // On, with settings, in one go: shown by bot config and webcam status.
    let on = env.orch(&[
        "--json",
        "bot",
        "config",
        &bot,
        "--set",
        "webcam=on",
        "--set",
        "webcam.mode=sidebar",
        "--set",
        "webcam.theme=corporate",
    ]);
    on.ok();
    assert_eq!(on.json()["webcam"]["mode"], "sidebar", "{}", on.stdout());
    assert_eq!(status(&env, &bot)["settings"]["theme"], "corporate");
    // A bad value changes nothing, also not the other keys given with it.
    env.orch(&[
        "bot",
        "config",
        &bot,
        "--set",
        "webcam.theme=light",
        "--set",
        "webcam.font_size=99",
    ])
    .fails_with(5)
    .stderr_has("font_size");
    assert_eq!(status(&env, &bot)["settings"]["theme"], "corporate");
    env.orch(&["bot", "config", &bot, "--set", "webcam.max_captions=2"])
        .ok();
    assert_eq!(status(&env, &bot)["settings"]["max_captions"], 2);
    // The stored spec keeps the webcam's settings.
    let cfg = env.orch(&["--json", "bot", "status", &bot]).json();
    let set = cfg["spec"]["webcam"]["set"].to_string();
    assert!(
        set.contains("mode=sidebar") && set.contains("max_captions=2"),
        "{set}"
    );
    env.orch(&["bot", "config", &bot, "--set", "webcam=off"])
        .ok();
    env.orch(&["webcam", "status", &bot]).fails_with(4);
    assert!(env.orch(&["--json", "bot", "status", &bot]).json()["spec"]["webcam"].is_null());
}
