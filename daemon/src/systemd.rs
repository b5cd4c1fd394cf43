//! systemd integration: readiness (`Type=notify`), stopping, watchdog pings and socket
//! activation (`LISTEN_FDS`). All of it is a no-op outside systemd.

use std::os::fd::{FromRawFd, OwnedFd};
use std::time::Duration;

use sd_notify::NotifyState;

/// Tell systemd we are ready to serve.
pub fn ready(status: &str) {
    let _ = sd_notify::notify(&[NotifyState::Ready, NotifyState::Status(status)]);
}

/// Tell systemd we are stopping.
pub fn stopping() {
    let _ = sd_notify::notify(&[NotifyState::Stopping]);
}

/// Tell systemd we are reloading, then ready again.
pub fn reloaded(status: &str) {
    let _ = sd_notify::notify(&[NotifyState::Ready, NotifyState::Status(status)]);
}

/// The watchdog interval when `WatchdogSec` is set: ping at half of it.
pub fn watchdog_interval() -> Option<Duration> {
    sd_notify::watchdog_enabled().map(|d| d / 2)
}

/// Ping the watchdog.
pub fn watchdog_ping() {
    let _ = sd_notify::notify(&[NotifyState::Watchdog]);
}

/// True when started by systemd as a service (`NOTIFY_SOCKET` set).
pub fn under_systemd() -> bool {
    std::env::var_os("NOTIFY_SOCKET").is_some()
}

/// The first socket passed by systemd socket activation, if any.
pub fn activated_socket() -> Option<OwnedFd> {
    let mut fds = sd_notify::listen_fds().ok()?;
    let fd = fds.next()?;
    // SAFETY: systemd passed us this descriptor (LISTEN_PID matched our pid) and nothing
    // else in the process owns it.
    #[allow(unsafe_code)]
    Some(unsafe { OwnedFd::from_raw_fd(fd) })
}
