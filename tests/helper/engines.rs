//! Real engines for the tests (scripts/engines installs them: CI runs `scripts/engines
//! install` first), real speech from espeak-ng, and a small stand-in HTTP server for the
//! failures no real engine can be made to show on demand (HTTP 500, a garbage answer, a
//! server that never answers).

use std::io::{Read, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// The repository's root (the tests belong to the `cli/` crate).
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("cli/ is inside the repository")
        .to_path_buf()
}

/// A port nobody listens on now.
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// A real speech-to-text server (faster-whisper-server with Whisper tiny.en, offline)
/// for this test binary, started on first use; it ends with the test process.
pub fn whisper_url() -> &'static str {
    static SERVER: OnceLock<(Child, String)> = OnceLock::new();
    &SERVER
        .get_or_init(|| {
            let port = free_port();
            let child = start_whisper(port);
            (child, format!("http://127.0.0.1:{port}"))
        })
        .1
}

/// Start a speech-to-text server on `port` and wait until it answers.
pub fn start_whisper(port: u16) -> Child {
    let mut child = Command::new(repo().join("scripts/engines"))
        .args(["serve", &port.to_string()])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("scripts/engines runs");
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        if let Ok(mut s) = std::net::TcpStream::connect(("127.0.0.1", port)) {
            let _ = s.write_all(b"GET /health HTTP/1.0\r\n\r\n");
            let mut buf = String::new();
            let _ = s.read_to_string(&mut buf);
            if buf.contains("ok") {
                return child;
            }
        }
        if let Ok(Some(status)) = child.try_wait() {
            panic!("the speech-to-text server exited ({status}): run scripts/engines install");
        }
        assert!(
            Instant::now() < deadline,
            "the speech-to-text server did not answer within 120 s"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// Speak `text` with espeak-ng (American English, 150 words a minute) into `path`.
pub fn espeak(path: &Path, text: &str) {
    let status = Command::new("espeak-ng")
        .args(["-v", "en-us", "-s", "150", "-w"])
        .arg(path)
        .arg(text)
        .status()
        .expect("espeak-ng is installed (scripts/engines install)");
    assert!(status.success(), "espeak-ng failed");
}

/// `sentences` spoken one after another with `pause_s` of silence between them, into
/// `path` (espeak-ng's 22.05 kHz mono).
pub fn paragraph(path: &Path, sentences: &[&str], pause_s: f64) {
    let dir = tempfile::tempdir().unwrap();
    let mut all: Vec<i16> = Vec::new();
    let mut spec = None;
    for (i, s) in sentences.iter().enumerate() {
        let p = dir.path().join(format!("{i}.wav"));
        espeak(&p, s);
        let mut r = hound::WavReader::open(&p).unwrap();
        spec = Some(r.spec());
        let rate = r.spec().sample_rate as f64;
        all.extend(std::iter::repeat_n(0, (0.1 * rate) as usize));
        all.extend(r.samples::<i16>().map(|s| s.unwrap()));
        all.extend(std::iter::repeat_n(0, (pause_s * rate) as usize));
    }
    let mut w = hound::WavWriter::create(path, spec.unwrap()).unwrap();
    for s in all {
        w.write_sample(s).unwrap();
    }
    w.finalize().unwrap();
}

/// Appends `secs` of silence to a 16-bit WAV file.
pub fn pad_with_silence(path: &Path, secs: f64) {
    let mut r = hound::WavReader::open(path).unwrap();
    let spec = r.spec();
    let mut all: Vec<i16> = r.samples::<i16>().map(|s| s.unwrap()).collect();
    let n = (secs * spec.sample_rate as f64) as usize * spec.channels as usize;
    all.extend(std::iter::repeat_n(0, n));
    let mut w = hound::WavWriter::create(path, spec).unwrap();
    for s in all {
        w.write_sample(s).unwrap();
    }
    w.finalize().unwrap();
}

/// How the stand-in server answers.
#[derive(Debug, Clone, Copy)]
pub enum StandIn {
    /// HTTP 500 with a message.
    Fails,
    /// HTTP 200 with a body that is not JSON.
    Garbage,
    /// Reads the request and never answers.
    Hangs,
}

/// A stand-in HTTP server on loopback (no real engine can be told to fail this way);
/// returns its base URL and a counter of the requests it took.
pub fn stand_in(how: StandIn) -> (String, std::sync::Arc<std::sync::atomic::AtomicUsize>) {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let count = std::sync::Arc::new(AtomicUsize::new(0));
    let counter = count.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut s) = stream else { continue };
            counter.fetch_add(1, Ordering::SeqCst);
            std::thread::spawn(move || {
                read_request(&mut s);
                let (status, body) = match how {
                    StandIn::Fails => (
                        "500 Internal Server Error",
                        "{\"detail\":\"model crashed\"}",
                    ),
                    StandIn::Garbage => ("200 OK", "<html>this is not json"),
                    StandIn::Hangs => {
                        std::thread::sleep(Duration::from_secs(600));
                        return;
                    }
                };
                let _ = write!(
                    s,
                    "HTTP/1.1 {status}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                    body.len()
                );
            });
        }
    });
    (url, count)
}

/// Read one HTTP request (headers and a Content-Length body).
fn read_request(s: &mut std::net::TcpStream) {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 8192];
    loop {
        let Ok(n) = s.read(&mut chunk) else { return };
        if n == 0 {
            return;
        }
        buf.extend_from_slice(&chunk[..n]);
        if let Some(end) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&buf[..end]).to_ascii_lowercase();
            let len = head
                .lines()
                .find_map(|l| l.strip_prefix("content-length:"))
                .and_then(|v| v.trim().parse::<usize>().ok())
                .unwrap_or(0);
            if buf.len() >= end + 4 + len {
                return;
            }
        }
    }
}

/// What the `apertium` command itself makes of `text` (Debian `apertium`, installed by
/// scripts/engines): what orch's Apertium engine must give.
pub fn apertium(pair: &str, text: &str) -> String {
    let mut child = Command::new("apertium")
        .args(["-u", pair])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("apertium is installed (scripts/engines install)");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(text.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "apertium -u {pair} failed");
    String::from_utf8(out.stdout).unwrap().trim().to_string()
}

/// The text tesseract reads in `png`, lower case, on one line.
pub fn ocr(png: &Path) -> String {
    let out = Command::new("tesseract")
        .arg(png)
        .arg("-")
        // One thread each: the tests run OCRs side by side on two cores.
        .env("OMP_THREAD_LIMIT", "1")
        .stderr(Stdio::null())
        .output()
        .expect("tesseract is installed (scripts/engines install)");
    assert!(
        out.status.success(),
        "tesseract failed on {}",
        png.display()
    );
    String::from_utf8_lossy(&out.stdout)
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}
