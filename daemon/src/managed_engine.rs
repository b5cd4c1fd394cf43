//! A speech-to-text engine orchd runs itself (`transcription.command`): started when a
//! transcribing bot first needs it, supervised like a bot (restarted with backoff when
//! it exits), and stopped, with its whole process group, when orchd shuts down or the
//! command changes. Bots do not wait for it: their chunks queue until it answers.

use std::os::unix::process::CommandExt;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use orch::bots::backoff::Backoff;

use crate::supervisor::signal_group;

/// How long the engine may take to answer after it starts before it counts as failed.
const START_TIMEOUT: Duration = Duration::from_secs(120);

/// One managed engine process and its supervising thread.
pub struct ManagedEngine {
    command: String,
    stop: Arc<AtomicBool>,
    /// The engine answers (set once it does, cleared when it exits).
    ready: Arc<AtomicBool>,
    child: Arc<Mutex<Option<u32>>>,
    thread: Option<JoinHandle<()>>,
}

impl std::fmt::Debug for ManagedEngine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ManagedEngine")
            .field("command", &self.command)
            .finish()
    }
}

impl ManagedEngine {
    /// Start `command` (through `/bin/sh -c`) and keep it running; `url` is where it
    /// answers once up.
    pub fn start(command: &str, url: &str) -> ManagedEngine {
        let stop = Arc::new(AtomicBool::new(false));
        let ready = Arc::new(AtomicBool::new(false));
        let child = Arc::new(Mutex::new(None));
        let thread = {
            let (command, url, stop, ready, child) = (
                command.to_string(),
                url.to_string(),
                stop.clone(),
                ready.clone(),
                child.clone(),
            );
            std::thread::Builder::new()
                .name("engine-process".into())
                .spawn(move || supervise(&command, &url, &stop, &ready, &child))
                .ok()
        };
        ManagedEngine {
            command: command.to_string(),
            stop,
            ready,
            child,
            thread,
        }
    }

    /// Whether the engine answers now (bots wait for it instead of failing).
    pub fn ready(&self) -> Arc<AtomicBool> {
        self.ready.clone()
    }

    /// The command it runs.
    pub fn command(&self) -> &str {
        &self.command
    }

    /// The engine's process id now, if it runs.
    pub fn pid(&self) -> Option<u32> {
        *self.child.lock().unwrap_or_else(|p| p.into_inner())
    }
}

impl Drop for ManagedEngine {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(pid) = self.pid() {
            signal_group(pid, libc::SIGTERM);
        }
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

fn supervise(
    command: &str,
    url: &str,
    stop: &AtomicBool,
    ready: &AtomicBool,
    slot: &Mutex<Option<u32>>,
) {
    let backoff = Backoff {
        initial: Duration::from_millis(500),
        max: Duration::from_secs(30),
        max_restarts: u32::MAX,
    };
    let mut restarts = 0u32;
    while !stop.load(Ordering::SeqCst) {
        let started = Instant::now();
        let mut child = match Command::new("/bin/sh")
            .arg("-c")
            .arg(command)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()
        {
            Ok(c) => c,
            Err(e) => {
                tracing::error!("cannot start the transcription engine `{command}`: {e}");
                wait_or_stop(stop, backoff.delay(restarts).unwrap_or(backoff.max));
                restarts = restarts.saturating_add(1);
                continue;
            }
        };
        *slot.lock().unwrap_or_else(|p| p.into_inner()) = Some(child.id());
        tracing::info!(pid = child.id(), "transcription engine started: {command}");
        if wait_healthy(url, &mut child, stop) {
            tracing::info!("transcription engine answers at {url}");
            ready.store(true, Ordering::SeqCst);
            restarts = 0;
        }
        let status = wait_exit(&mut child, stop);
        ready.store(false, Ordering::SeqCst);
        *slot.lock().unwrap_or_else(|p| p.into_inner()) = None;
        if stop.load(Ordering::SeqCst) {
            break;
        }
        tracing::warn!(
            "transcription engine exited ({}) after {:.1} s; restarting",
            status.map_or("killed".to_string(), |s| s.to_string()),
            started.elapsed().as_secs_f64()
        );
        wait_or_stop(stop, backoff.delay(restarts).unwrap_or(backoff.max));
        restarts = restarts.saturating_add(1);
    }
}

/// Wait until `url` answers HTTP (any status), the child exits, or time runs out.
fn wait_healthy(url: &str, child: &mut Child, stop: &AtomicBool) -> bool {
    let http = orch::engine::http::Http::new(Duration::from_secs(1), Duration::from_secs(2));
    let health = format!("{}/health", url.trim_end_matches('/'));
    let deadline = Instant::now() + START_TIMEOUT;
    while Instant::now() < deadline && !stop.load(Ordering::SeqCst) {
        if http.ok(&health).is_ok() {
            return true;
        }
        if matches!(child.try_wait(), Ok(Some(_))) {
            return false;
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    false
}

/// Wait for the child to exit; on stop, end its process group (TERM, then KILL).
fn wait_exit(child: &mut Child, stop: &AtomicBool) -> Option<std::process::ExitStatus> {
    loop {
        if let Ok(Some(s)) = child.try_wait() {
            return Some(s);
        }
        if stop.load(Ordering::SeqCst) {
            signal_group(child.id(), libc::SIGTERM);
            let deadline = Instant::now() + Duration::from_secs(5);
            while Instant::now() < deadline {
                if let Ok(Some(s)) = child.try_wait() {
                    return Some(s);
                }
                std::thread::sleep(Duration::from_millis(50));
            }
            signal_group(child.id(), libc::SIGKILL);
            return child.wait().ok();
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn wait_or_stop(stop: &AtomicBool, d: Duration) {
    let end = Instant::now() + d;
    while Instant::now() < end && !stop.load(Ordering::SeqCst) {
        std::thread::sleep(Duration::from_millis(50));
    }
}
