//! The listening side: claim the socket (refusing when a live orchd holds it, replacing
//! a stale one), accept connections, check peers, and shut down in bounded time.

use std::fs::{File, OpenOptions};
use std::os::fd::AsRawFd;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use interprocess::local_socket::tokio::{Listener, Stream};
use interprocess::local_socket::traits::StreamCommon as _;
use interprocess::local_socket::traits::tokio::Listener as _;
use interprocess::local_socket::{GenericFilePath, ListenerOptions, ToFsName};
use orch::config::Loaded;
use orch::store::Db;
use orch::{Error, Result};
use tokio::sync::{broadcast, watch};

use crate::conn::Peer;
use crate::logging::{LogHub, ReloadHandle};
use crate::state::State;
use crate::{Args, Mode, conn, shutdown, systemd};

/// Serve until shutdown.
pub async fn serve(
    args: Args,
    loaded: Loaded,
    hub: LogHub,
    log_reload: Option<ReloadHandle>,
    mode: Mode,
) -> Result<()> {
    let config = loaded.config.clone();
    let socket = config.daemon.socket.clone();
    let activated = if mode == Mode::Process {
        systemd::activated_socket()
    } else {
        None
    };
    let started_by = if activated.is_some() {
        "socket_activated"
    } else if mode == Mode::Process && systemd::under_systemd() {
        "systemd"
    } else if std::env::var_os("ORCH_STARTED_BY").is_some_and(|v| v == "cli") {
        "cli"
    } else {
        "foreground"
    };

    // Claim the socket first (a live daemon wins), then open the database, and only
    // then bind: a daemon that cannot open its state never answers on the socket.
    let allowed_gid = match &config.daemon.allowed_group {
        Some(g) => Some(resolve_group(g)?),
        None => None,
    };
    let lock = match &activated {
        Some(_) => None,
        None => Some(claim_socket(&socket, allowed_gid)?),
    };
    let db_path = config.db_path();
    let db = tokio::task::spawn_blocking(move || Db::open(&db_path))
        .await
        .map_err(|e| Error::Other(format!("database task failed: {e}")))??;
    // The metrics address is bound before the socket: a daemon that cannot serve
    // either never answers.
    let metrics_listener = match config.metrics.address()? {
        Some(addr) => Some(crate::metrics::bind(addr).await?),
        None => None,
    };

    let (listener, _lock) = match activated {
        Some(fd) => {
            let l = interprocess::os::unix::uds_local_socket::tokio::Listener::try_from(fd)
                .map_err(|e| {
                    Error::Other(format!("cannot use the socket passed by systemd: {e}"))
                })?;
            (Listener::from(l), None)
        }
        None => (bind(&socket, allowed_gid)?, lock),
    };
    let owns_socket_file = _lock.is_some();

    let (events, _) = broadcast::channel(1024);
    let (shutdown_tx, shutdown_rx) = watch::channel(false);
    let state = Arc::new(State {
        config: std::sync::RwLock::new(loaded),
        args,
        db: Arc::new(Mutex::new(db)),
        events,
        logs: hub,
        log_reload,
        shutdown: shutdown_tx,
        started: Instant::now(),
        started_by: started_by.to_string(),
        clients: 0.into(),
        subscriptions: 0.into(),
        supervisor: Default::default(),
        transcription: Default::default(),
        translation: Default::default(),
        unsaved: Default::default(),
    });
    crate::supervisor::recover(&state).await?;
    tokio::spawn(crate::retention::sweep(state.clone()));
    crate::unsaved::spawn_retry(state.clone());
    crate::memory::spawn(shutdown_rx.clone());
    if let Some(l) = metrics_listener {
        tokio::spawn(crate::metrics::serve(state.clone(), l));
    }

    if mode == Mode::Process {
        shutdown::install_signal_handlers(state.clone())?;
        if let Some(every) = systemd::watchdog_interval() {
            let mut rx = shutdown_rx.clone();
            tokio::spawn(async move {
                let mut tick = tokio::time::interval(every);
                loop {
                    tokio::select! {
                        _ = tick.tick() => systemd::watchdog_ping(),
                        _ = rx.changed() => break,
                    }
                }
            });
        }
        systemd::ready(&format!("serving {}", socket.display()));
    }
    tracing::info!(
        socket = %socket.display(),
        pid = std::process::id(),
        "orchd {} ready",
        orch::VERSION
    );

    let own_uid = orch::paths::uid();
    let max_clients = config.daemon.max_clients;
    let mut tasks = tokio::task::JoinSet::new();
    let mut rx = shutdown_rx.clone();
    loop {
        tokio::select! {
            accepted = listener.accept() => {
                let stream = match accepted {
                    Ok(s) => s,
                    Err(e) => {
                        tracing::warn!("accept failed: {e}");
                        tokio::time::sleep(Duration::from_millis(50)).await;
                        continue;
                    }
                };
                let verdict = check_peer(&stream, own_uid, allowed_gid);
                // The last slots are the owner's: group members cannot lock them out.
                let limit = match verdict {
                    Ok(Peer::Owner) => max_clients,
                    _ => max_clients - owner_reserve(max_clients),
                };
                let full = state.clients.load(std::sync::atomic::Ordering::Relaxed) >= limit;
                let st = state.clone();
                let srx = shutdown_rx.clone();
                tasks.spawn(async move {
                    match verdict {
                        Err(why) => conn::refuse(stream, &why).await,
                        Ok(_) if full => conn::refuse_busy(stream, max_clients).await,
                        Ok(peer) => conn::serve(st, stream, peer, srx).await,
                    }
                });
            }
            Some(_) = tasks.join_next(), if !tasks.is_empty() => {}
            _ = rx.changed() => break,
        }
    }

    // Graceful shutdown: stop accepting, tell everyone, give connections bounded time.
    if mode == Mode::Process {
        systemd::stopping();
    }
    tracing::info!("shutting down");
    drop(listener);
    let timeout = Duration::from_secs(config.daemon.shutdown_timeout_s);
    // Stop bots first (their final states are stored), then let connections drain.
    state.supervisor.shutdown_all(timeout).await;
    {
        let state = state.clone();
        let _ = tokio::task::spawn_blocking(move || state.transcription.stop()).await;
    }
    let drained = tokio::time::timeout(timeout, async {
        while tasks.join_next().await.is_some() {}
    })
    .await;
    if drained.is_err() {
        tracing::warn!("connections still open after {timeout:?}; closing them");
        tasks.abort_all();
    }
    // Finish writes: checkpoint the WAL into the main file.
    let db = state.db.clone();
    let _ = tokio::task::spawn_blocking(move || {
        if let Ok(db) = db.lock() {
            let _ = db.conn().execute_batch("PRAGMA wal_checkpoint(TRUNCATE);");
        }
    })
    .await;
    if owns_socket_file {
        let _ = std::fs::remove_file(&socket);
    }
    tracing::info!("stopped");
    Ok(())
}

/// Take the socket's lock file. Fails when a live orchd holds it; removes a stale socket.
/// The socket's directory must be writable by its owner only (another user could
/// otherwise plant the socket or the lock file), and the lock file is never a symlink.
/// With an allowed group, the directory is 0710 and the group's (members may enter it,
/// not list or write it).
fn claim_socket(socket: &Path, group: Option<u32>) -> Result<File> {
    let dir = socket
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    if !dir.exists() {
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)
            .map_err(|e| Error::io("cannot create socket directory", dir, e))?;
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))
            .map_err(|e| Error::io("cannot restrict socket directory", dir, e))?;
    }
    check_socket_dir(dir)?;
    if let Some(gid) = group {
        open_to_group(dir, gid)?;
    }
    let lock_path = lock_path(socket);
    let mut lock = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .read(true)
        .mode(0o600)
        .custom_flags(libc::O_NOFOLLOW | libc::O_CLOEXEC)
        .open(&lock_path)
        .map_err(|e| match e.raw_os_error() {
            Some(libc::ELOOP) => Error::Invalid(format!(
                "lock file {} is a symbolic link; refusing to follow it",
                lock_path.display()
            )),
            _ => Error::io("cannot open lock file", &lock_path, e),
        })?;
    // SAFETY: flock on a descriptor we own; no memory is involved.
    #[allow(unsafe_code)]
    let rc = unsafe { libc::flock(lock.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) };
    if rc != 0 {
        let mut pid = String::new();
        let _ = std::io::Read::read_to_string(&mut lock, &mut pid);
        let pid = pid.trim();
        return Err(Error::Other(format!(
            "orchd is already running on {}{}",
            socket.display(),
            if pid.is_empty() {
                String::new()
            } else {
                format!(" (pid {pid})")
            }
        )));
    }
    lock.set_len(0).ok();
    let _ = std::io::Write::write_all(&mut lock, format!("{}\n", std::process::id()).as_bytes());
    if socket.exists() {
        tracing::info!("removing stale socket {}", socket.display());
        std::fs::remove_file(socket)
            .map_err(|e| Error::io("cannot remove stale socket", socket, e))?;
    }
    Ok(lock)
}

/// Refuse a socket directory that anyone but its owner may write to (like /tmp), or
/// that belongs to another user (root's directories are fine).
fn check_socket_dir(dir: &Path) -> Result<()> {
    use std::os::unix::fs::MetadataExt;
    let meta =
        std::fs::metadata(dir).map_err(|e| Error::io("cannot read socket directory", dir, e))?;
    let mode = meta.mode() & 0o7777;
    let me = orch::paths::uid();
    if mode & 0o022 != 0 {
        return Err(Error::Invalid(format!(
            "socket directory {} is writable by other users (mode {mode:o}); \
             put the socket in a directory of its own (mode 700)",
            dir.display()
        )));
    }
    if meta.uid() != me && meta.uid() != 0 {
        return Err(Error::Invalid(format!(
            "socket directory {} belongs to uid {}, not to this user (uid {me})",
            dir.display(),
            meta.uid()
        )));
    }
    Ok(())
}

fn lock_path(socket: &Path) -> PathBuf {
    let mut s = socket.as_os_str().to_owned();
    s.push(".lock");
    PathBuf::from(s)
}

/// Let members of `gid` enter the socket directory: group `gid`, search permission.
/// Only a directory this user owns is changed; another one must allow it already.
fn open_to_group(dir: &Path, gid: u32) -> Result<()> {
    use std::os::unix::fs::MetadataExt;
    let meta =
        std::fs::metadata(dir).map_err(|e| Error::io("cannot read socket directory", dir, e))?;
    if meta.uid() != orch::paths::uid() {
        return Ok(());
    }
    if meta.gid() != gid {
        std::os::unix::fs::chown(dir, None, Some(gid))
            .map_err(|e| Error::io("cannot give the socket directory to the group", dir, e))?;
    }
    let mode = meta.mode() & 0o7777;
    if mode & 0o010 == 0 {
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(mode | 0o010))
            .map_err(|e| Error::io("cannot open the socket directory to the group", dir, e))?;
    }
    Ok(())
}

/// How many client slots only the owner may take.
fn owner_reserve(max_clients: u32) -> u32 {
    (max_clients / 16).clamp(1, 16).min(max_clients - 1)
}

fn bind(socket: &Path, group: Option<u32>) -> Result<Listener> {
    let name = socket
        .to_fs_name::<GenericFilePath>()
        .map_err(|e| Error::io("invalid socket path", socket, e))?;
    let listener = ListenerOptions::new()
        .name(name)
        .reclaim_name(false)
        .create_tokio()
        .map_err(|e| Error::io("cannot listen on", socket, e))?;
    let mode = match group {
        Some(gid) => {
            std::os::unix::fs::chown(socket, None, Some(gid))
                .map_err(|e| Error::io("cannot give the socket to the group", socket, e))?;
            0o660
        }
        None => 0o600,
    };
    std::fs::set_permissions(socket, std::fs::Permissions::from_mode(mode))
        .map_err(|e| Error::io("cannot restrict socket", socket, e))?;
    Ok(listener)
}

/// Allow the daemon's own user (and root), or members of the allowed group.
fn check_peer(
    stream: &Stream,
    own_uid: u32,
    allowed_gid: Option<u32>,
) -> std::result::Result<Peer, String> {
    let creds = stream
        .peer_creds()
        .map_err(|e| format!("cannot read peer credentials: {e}"))?;
    let uid = creds.euid().ok_or("peer credentials carry no uid")?;
    if uid == own_uid || uid == 0 {
        return Ok(Peer::Owner);
    }
    if let Some(gid) = allowed_gid {
        let mut gids = creds
            .pid()
            .map(|pid| supplementary_groups(pid as u32))
            .unwrap_or_default();
        gids.extend(creds.egid());
        if gids.contains(&gid) {
            return Ok(Peer::Member { uid, gids });
        }
    }
    Err(format!(
        "permission denied: uid {uid} may not use this orchd (owner uid {own_uid}; see daemon.allowed_group)"
    ))
}

fn supplementary_groups(pid: u32) -> Vec<u32> {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines().find_map(|l| l.strip_prefix("Groups:")).map(|g| {
                g.split_whitespace()
                    .filter_map(|x| x.parse().ok())
                    .collect()
            })
        })
        .unwrap_or_default()
}

fn resolve_group(name: &str) -> Result<u32> {
    orch::paths::group_id(name).ok_or_else(|| {
        Error::Config(format!(
            "key `daemon.allowed_group`: no group named `{name}`"
        ))
    })
}
