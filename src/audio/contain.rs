//! Panic containment for third-party decoders.
//!
//! symphonia 0.5 (and any codec behind it) may panic on malformed input (a WAV header
//! with a sample rate of 0 divides by zero inside the reader). A file must never take
//! the process down, so every call into a decoder goes through [`contained`]: a panic
//! becomes an `Err` with the panic's message, and the default panic hook's report (the
//! "thread panicked at" lines and backtrace note) is silenced for panics raised inside
//! such a call only. Panics anywhere else are reported as usual.

use std::cell::Cell;
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;
use std::sync::atomic::{AtomicU64, Ordering};

thread_local! {
    static INSIDE: Cell<u32> = const { Cell::new(0) };
}

static HOOK: Once = Once::new();
static CONTAINED: AtomicU64 = AtomicU64::new(0);

/// Run `f`, turning a panic inside it into `Err(message)`.
///
/// The state `f` touched may be inconsistent after a panic: callers drop it (or mark it
/// finished) rather than call into it again.
pub fn contained<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    HOOK.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if INSIDE.with(Cell::get) == 0 {
                previous(info);
            }
        }));
    });
    INSIDE.with(|c| c.set(c.get() + 1));
    let result = panic::catch_unwind(AssertUnwindSafe(f));
    INSIDE.with(|c| c.set(c.get() - 1));
    result.map_err(|payload| {
        CONTAINED.fetch_add(1, Ordering::Relaxed);
        let msg = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_string());
        // One line: the first line of the message.
        msg.lines().next().unwrap_or_default().to_string()
    })
}

/// How many panics [`contained`] has caught in this process (the decoder fuzz test
/// uses it to recognise inputs worth keeping as regression cases).
pub fn contained_panics() -> u64 {
    CONTAINED.load(Ordering::Relaxed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_an_error_and_values_pass_through() {
        assert_eq!(contained(|| 7), Ok(7));
        let before = contained_panics();
        let e = contained(|| -> u32 { panic!("attempt to divide by zero\nmore") }).unwrap_err();
        assert_eq!(e, "attempt to divide by zero");
        assert_eq!(contained_panics(), before + 1);
        let e = contained(|| -> u32 { panic!("{} frames", 3) }).unwrap_err();
        assert_eq!(e, "3 frames");
    }
}
