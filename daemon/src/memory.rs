//! Giving freed memory back to the system. The allocator keeps what a burst of clients
//! freed (answers queued for clients that did not read, large frames) for reuse, so
//! orchd's resident size would stay at its high-water mark; after connections close,
//! orchd asks it to return free pages, at most once per [`EVERY`].

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// The longest a release waits, and the shortest time between two.
pub const EVERY: Duration = Duration::from_secs(2);

static PENDING: AtomicBool = AtomicBool::new(false);

/// Ask for free memory to be returned soon (a connection just closed).
pub fn release_soon() {
    PENDING.store(true, Ordering::Relaxed);
}

/// Run releases until `shutdown` fires.
pub fn spawn(mut shutdown: tokio::sync::watch::Receiver<bool>) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(EVERY);
        loop {
            tokio::select! {
                _ = tick.tick() => {
                    if PENDING.swap(false, Ordering::Relaxed) {
                        let _ = tokio::task::spawn_blocking(release).await;
                    }
                }
                _ = shutdown.changed() => break,
            }
        }
    });
}

/// Two malloc arenas instead of one per thread (glibc's default is 8 per core): a burst
/// of connections handled on many threads otherwise leaves memory spread over arenas
/// that no trim can give back. orchd's audio threads allocate nothing in steady state,
/// so they do not contend for them. Call before any thread starts.
pub fn limit_arenas() {
    // SAFETY: mallopt only sets an allocator parameter; called while single-threaded.
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    #[allow(unsafe_code)]
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 2);
    }
}

fn release() {
    // SAFETY: malloc_trim only walks the allocator's own free lists.
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    #[allow(unsafe_code)]
    unsafe {
        libc::malloc_trim(0);
    }
}
