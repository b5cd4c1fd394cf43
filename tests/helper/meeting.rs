//! The meeting simulator (tests/meeting/simulator.html, a page shaped like a Google Meet
//! call) served on 127.0.0.1, with the two speakers' lines spoken by espeak-ng, a control
//! the page polls (end the call, everyone leaves), and what the page posts back: the name
//! it was given and the bot's camera tile.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// What the page reported and what the test told it.
#[derive(Default)]
pub struct SimState {
    /// `{"end": bool, "leave_all": bool}` for the page.
    pub control: serde_json::Value,
    /// What the page saw at "Ask to join": `{name, mic, camera}`.
    pub joins: Vec<serde_json::Value>,
    /// The latest PNG of the bot's camera tile.
    pub tile: Option<Vec<u8>>,
    /// Tiles received.
    pub tiles: usize,
}

/// A running simulator.
pub struct Simulator {
    pub port: u16,
    pub state: Arc<Mutex<SimState>>,
}

impl Simulator {
    /// Serve the page and `speech_dir`'s `alice.wav` and `bob.wav`.
    pub fn start(speech_dir: &Path) -> Simulator {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind the simulator");
        let port = listener.local_addr().unwrap().port();
        let state = Arc::new(Mutex::new(SimState {
            control: serde_json::json!({ "end": false, "leave_all": false }),
            ..Default::default()
        }));
        let (st, dir) = (state.clone(), speech_dir.to_path_buf());
        std::thread::spawn(move || {
            for conn in listener.incoming().flatten() {
                let (st, dir) = (st.clone(), dir.clone());
                std::thread::spawn(move || serve(conn, &st, &dir));
            }
        });
        Simulator { port, state }
    }

    /// The meeting's URL with `query` (for example `lobby=deny`).
    pub fn url(&self, query: &str) -> String {
        format!("http://127.0.0.1:{}/meet/abc-defg-hij?{query}", self.port)
    }

    /// Set a control flag the page acts on.
    pub fn control(&self, key: &str) {
        self.state.lock().unwrap().control[key] = serde_json::json!(true);
    }
}

/// The page's file.
pub fn page_path() -> PathBuf {
    super::engines::repo().join("tests/meeting/simulator.html")
}

fn serve(mut conn: TcpStream, state: &Mutex<SimState>, dir: &Path) {
    let mut reader = BufReader::new(conn.try_clone().unwrap());
    let mut line = String::new();
    if reader.read_line(&mut line).is_err() {
        return;
    }
    let mut parts = line.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or("/"));
    let path = target.split('?').next().unwrap_or("/");
    let mut length = 0usize;
    loop {
        let mut h = String::new();
        if reader.read_line(&mut h).is_err() || h.trim().is_empty() {
            break;
        }
        if let Some((k, v)) = h.split_once(':')
            && k.eq_ignore_ascii_case("content-length")
        {
            length = v.trim().parse().unwrap_or(0);
        }
    }
    let mut body = vec![0; length.min(32 << 20)];
    if reader.read_exact(&mut body).is_err() {
        return;
    }
    let (status, kind, data): (&str, &str, Vec<u8>) = match (method, path) {
        ("GET", p) if p.starts_with("/meet/") => (
            "200 OK",
            "text/html; charset=utf-8",
            std::fs::read(page_path()).unwrap(),
        ),
        ("GET", "/speech/alice.wav") => ("200 OK", "audio/wav", read(&dir.join("alice.wav"))),
        ("GET", "/speech/bob.wav") => ("200 OK", "audio/wav", read(&dir.join("bob.wav"))),
        ("GET", "/control") => (
            "200 OK",
            "application/json",
            state.lock().unwrap().control.to_string().into_bytes(),
        ),
        ("POST", "/log") => {
            if let Ok(v) = serde_json::from_slice(&body) {
                state.lock().unwrap().joins.push(v);
            }
            ("204 No Content", "text/plain", Vec::new())
        }
        ("POST", "/tile") => {
            let mut s = state.lock().unwrap();
            s.tile = Some(body);
            s.tiles += 1;
            ("204 No Content", "text/plain", Vec::new())
        }
        _ => ("404 Not Found", "text/plain", b"not found".to_vec()),
    };
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n",
        data.len()
    );
    let _ = conn.write_all(head.as_bytes());
    let _ = conn.write_all(&data);
}

fn read(p: &Path) -> Vec<u8> {
    std::fs::read(p).unwrap_or_default()
}
