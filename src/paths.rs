//! Default locations: socket, data directory, configuration file.
//!
//! Precedence everywhere is flag > environment (`ORCH_SOCKET`, `ORCH_DATA_DIR`,
//! `ORCH_CONFIG`) > config file > these defaults.

use std::path::PathBuf;

/// File name of the socket inside the runtime directory.
pub const SOCKET_NAME: &str = "orchd.sock";
/// File name of the SQLite database inside the data directory.
pub const DB_NAME: &str = "orch.db";
/// File name of the daemon's log inside the data directory (written by `orch daemon start`).
pub const LOG_NAME: &str = "orchd.log";

fn env_path(var: &str) -> Option<PathBuf> {
    std::env::var_os(var)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
}

fn is_root() -> bool {
    // SAFETY-free: geteuid has no preconditions.
    uid() == 0
}

/// The id of group `name` (a name in `/etc/group`, or a number).
pub fn group_id(name: &str) -> Option<u32> {
    if let Ok(gid) = name.parse::<u32>() {
        return Some(gid);
    }
    std::fs::read_to_string("/etc/group")
        .unwrap_or_default()
        .lines()
        .find_map(|line| {
            let mut f = line.split(':');
            (f.next() == Some(name))
                .then(|| f.nth(1).and_then(|g| g.parse().ok()))
                .flatten()
        })
}

/// The effective user id of this process.
pub fn uid() -> u32 {
    #[cfg(unix)]
    {
        // libc::geteuid is always safe to call.
        #[allow(unsafe_code)]
        unsafe {
            libc::geteuid()
        }
    }
    #[cfg(not(unix))]
    {
        0
    }
}

/// The per-user runtime directory holding the socket: `$XDG_RUNTIME_DIR/orch`, or
/// `/run/orch` for root, or `$TMPDIR/orch-<uid>` when neither is set.
pub fn runtime_dir() -> PathBuf {
    if let Some(dir) = env_path("XDG_RUNTIME_DIR") {
        return dir.join("orch");
    }
    if is_root() {
        return PathBuf::from("/run/orch");
    }
    std::env::temp_dir().join(format!("orch-{}", uid()))
}

/// The default socket path.
pub fn default_socket() -> PathBuf {
    runtime_dir().join(SOCKET_NAME)
}

/// The default data directory: `$XDG_DATA_HOME/orch` (`/var/lib/orch` for root).
pub fn default_data_dir() -> PathBuf {
    if let Some(dir) = env_path("XDG_DATA_HOME") {
        return dir.join("orch");
    }
    if is_root() {
        return PathBuf::from("/var/lib/orch");
    }
    match directories::BaseDirs::new() {
        Some(b) => b.data_dir().join("orch"),
        None => std::env::temp_dir().join(format!("orch-data-{}", uid())),
    }
}

/// The default configuration file: `$XDG_CONFIG_HOME/orch/config.toml`
/// (`/etc/orch/config.toml` for root).
pub fn default_config_file() -> PathBuf {
    if let Some(dir) = env_path("XDG_CONFIG_HOME") {
        return dir.join("orch").join("config.toml");
    }
    if is_root() {
        return PathBuf::from("/etc/orch/config.toml");
    }
    match directories::BaseDirs::new() {
        Some(b) => b.config_dir().join("orch").join("config.toml"),
        None => PathBuf::from("/etc/orch/config.toml"),
    }
}
