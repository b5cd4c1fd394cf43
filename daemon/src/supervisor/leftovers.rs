//! Processes a dead orchd left behind. A bot's program gets a parent-death signal, but
//! what it started in turn (the members of a shell pipeline, a browser) may outlive
//! it. Every process of a bot carries `ORCH_BOT_ID` and `ORCH_SOCKET` in its
//! environment, so a restarting orchd finds them by those two values and ends them
//! before it resumes or fails the bot: a meeting is never joined twice.

use std::path::Path;
use std::time::{Duration, Instant};

/// End the processes of this user whose environment names one of `bot_ids` on
/// `socket`: SIGTERM, then SIGKILL for those still there after `grace`. Returns how many
/// were found.
pub fn end(bot_ids: &[String], socket: &Path, grace: Duration) -> usize {
    if bot_ids.is_empty() {
        return 0;
    }
    let pids = find(bot_ids, socket);
    if pids.is_empty() {
        return 0;
    }
    for &pid in &pids {
        signal(pid, libc::SIGTERM);
    }
    let deadline = Instant::now() + grace;
    while Instant::now() < deadline && pids.iter().any(|&p| alive(p)) {
        std::thread::sleep(Duration::from_millis(20));
    }
    for &pid in pids.iter().filter(|&&p| alive(p)) {
        signal(pid, libc::SIGKILL);
    }
    pids.len()
}

/// Processes of this user (not this one) whose environment holds
/// `ORCH_BOT_ID=<one of bot_ids>` and `ORCH_SOCKET=<socket>`.
fn find(bot_ids: &[String], socket: &Path) -> Vec<i32> {
    use std::os::unix::fs::MetadataExt;
    let me = std::process::id() as i32;
    let uid = orch::paths::uid();
    let socket_var = {
        let mut v = b"ORCH_SOCKET=".to_vec();
        v.extend_from_slice(socket.as_os_str().as_encoded_bytes());
        v
    };
    let id_vars: Vec<Vec<u8>> = bot_ids
        .iter()
        .map(|id| format!("ORCH_BOT_ID={id}").into_bytes())
        .collect();
    let Ok(dir) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    let mut found = Vec::new();
    for entry in dir.flatten() {
        let Some(pid) = entry
            .file_name()
            .to_str()
            .and_then(|s| s.parse::<i32>().ok())
        else {
            continue;
        };
        if pid == me || entry.metadata().map(|m| m.uid()).ok() != Some(uid) {
            continue;
        }
        let Ok(env) = std::fs::read(entry.path().join("environ")) else {
            continue;
        };
        let mut vars = env.split(|&b| b == 0);
        let (mut has_id, mut has_socket) = (false, false);
        for v in &mut vars {
            has_id |= id_vars.iter().any(|id| id.as_slice() == v);
            has_socket |= v == socket_var.as_slice();
        }
        if has_id && has_socket {
            found.push(pid);
        }
    }
    found
}

fn alive(pid: i32) -> bool {
    // A zombie has ended; its parent (not us) reaps it.
    match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
        Ok(stat) => stat
            .rsplit_once(')')
            .is_some_and(|(_, rest)| !rest.trim_start().starts_with('Z')),
        Err(_) => false,
    }
}

#[allow(unsafe_code)]
fn signal(pid: i32, sig: i32) {
    // SAFETY: kill(2) on a pid; no memory involved.
    unsafe {
        libc::kill(pid, sig);
    }
}
