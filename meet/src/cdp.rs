//! The Chrome DevTools Protocol over `--remote-debugging-pipe`: JSON messages ended by
//! a NUL byte, commands on the browser's fd 3, replies and events on its fd 4. A pipe
//! rather than a port: no other local user can reach the browser, and nothing has to
//! find a free port or parse the browser's stderr.

use std::collections::HashMap;
use std::fs::File;
use std::io::{BufRead, BufReader, Read, Write};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::{Value, json};
use tokio::sync::{mpsc, oneshot};

/// How long a command may wait for its reply before the browser counts as hung.
const CALL_TIMEOUT: Duration = Duration::from_secs(15);

/// Largest message read from the browser (a page's DOM can be big; audio is small).
const MAX_MESSAGE: usize = 64 * 1024 * 1024;

type Pending = Arc<Mutex<HashMap<u64, oneshot::Sender<Result<Value, String>>>>>;

/// An event from the browser: its method, params and the session it came from.
#[derive(Debug, Clone)]
pub struct CdpEvent {
    /// For example `Runtime.bindingCalled`.
    pub method: String,
    /// The event's parameters.
    pub params: Value,
    /// The target session, for events of an attached page.
    pub session: Option<String>,
}

/// The command side of a DevTools connection; cheap to clone.
#[derive(Clone)]
pub struct Cdp {
    writer: Arc<Mutex<File>>,
    pending: Pending,
    next_id: Arc<AtomicU64>,
}

impl Cdp {
    /// Start reading `from_browser` on a thread; events go to the returned receiver,
    /// which closes when the browser goes away.
    pub fn new(to_browser: File, from_browser: File) -> (Cdp, mpsc::UnboundedReceiver<CdpEvent>) {
        let pending: Pending = Arc::default();
        let (tx, rx) = mpsc::unbounded_channel();
        let p = pending.clone();
        std::thread::Builder::new()
            .name("cdp-reader".into())
            .spawn(move || read_loop(from_browser, &p, &tx))
            .expect("spawn the DevTools reader");
        let cdp = Cdp {
            writer: Arc::new(Mutex::new(to_browser)),
            pending,
            next_id: Arc::new(AtomicU64::new(1)),
        };
        (cdp, rx)
    }

    /// Call `method` (in page `session`, or on the browser) and wait for its result.
    pub async fn call(
        &self,
        method: &str,
        params: Value,
        session: Option<&str>,
    ) -> Result<Value, String> {
        let id = self.next_id.fetch_add(1, Ordering::Relaxed);
        let mut msg = json!({ "id": id, "method": method, "params": params });
        if let Some(s) = session {
            msg["sessionId"] = json!(s);
        }
        let (tx, rx) = oneshot::channel();
        self.pending
            .lock()
            .map_err(|_| "DevTools state poisoned".to_string())?
            .insert(id, tx);
        let mut bytes = serde_json::to_vec(&msg).map_err(|e| e.to_string())?;
        bytes.push(0);
        let written = self
            .writer
            .lock()
            .map_err(|_| "DevTools writer poisoned".to_string())?
            .write_all(&bytes);
        if let Err(e) = written {
            self.forget(id);
            return Err(format!("the browser is gone ({e})"));
        }
        match tokio::time::timeout(CALL_TIMEOUT, rx).await {
            Ok(Ok(reply)) => reply.map_err(|e| format!("{method}: {e}")),
            Ok(Err(_)) => Err("the browser is gone".into()),
            Err(_) => {
                self.forget(id);
                Err(format!(
                    "the browser did not answer {method} within {} s (hung)",
                    CALL_TIMEOUT.as_secs()
                ))
            }
        }
    }

    fn forget(&self, id: u64) {
        if let Ok(mut p) = self.pending.lock() {
            p.remove(&id);
        }
    }
}

fn read_loop(from: File, pending: &Pending, events: &mpsc::UnboundedSender<CdpEvent>) {
    let mut reader = BufReader::with_capacity(1 << 16, from);
    let mut buf = Vec::new();
    loop {
        buf.clear();
        match reader
            .by_ref()
            .take(MAX_MESSAGE as u64)
            .read_until(0, &mut buf)
        {
            Ok(0) | Err(_) => break,
            Ok(_) => {}
        }
        if buf.last() != Some(&0) {
            // The browser closed mid-message, or sent one larger than we read.
            break;
        }
        buf.pop();
        let Ok(msg) = serde_json::from_slice::<Value>(&buf) else {
            continue;
        };
        if let Some(id) = msg.get("id").and_then(Value::as_u64) {
            let reply = match msg.get("error") {
                Some(e) => Err(e
                    .get("message")
                    .and_then(Value::as_str)
                    .unwrap_or("error")
                    .to_string()),
                None => Ok(msg.get("result").cloned().unwrap_or(Value::Null)),
            };
            let tx = pending.lock().ok().and_then(|mut p| p.remove(&id));
            if let Some(tx) = tx {
                let _ = tx.send(reply);
            }
        } else if let Some(method) = msg.get("method").and_then(Value::as_str) {
            let ev = CdpEvent {
                method: method.to_string(),
                params: msg.get("params").cloned().unwrap_or(Value::Null),
                session: msg
                    .get("sessionId")
                    .and_then(Value::as_str)
                    .map(str::to_string),
            };
            if events.send(ev).is_err() {
                break;
            }
        }
    }
    // Fail whoever still waits: the browser is gone.
    if let Ok(mut p) = pending.lock() {
        p.clear();
    }
}
