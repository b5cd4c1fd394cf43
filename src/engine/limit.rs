//! A counting limit on calls in flight, shared by every caller of an engine (all bots
//! and files): `acquire` waits for a free slot, the slot frees itself when dropped.

use std::sync::{Arc, Condvar, Mutex};

/// At most `n` holders at once.
#[derive(Debug, Clone)]
pub struct InFlight {
    inner: Arc<(Mutex<usize>, Condvar)>,
    max: usize,
}

/// One slot; freed when dropped.
#[derive(Debug)]
pub struct Slot {
    inner: Arc<(Mutex<usize>, Condvar)>,
}

impl InFlight {
    pub fn new(max: usize) -> InFlight {
        InFlight {
            inner: Arc::new((Mutex::new(0), Condvar::new())),
            max: max.max(1),
        }
    }

    /// Wait for a free slot.
    pub fn acquire(&self) -> Slot {
        let (lock, cv) = &*self.inner;
        let mut n = lock.lock().unwrap_or_else(|p| p.into_inner());
        while *n >= self.max {
            n = cv.wait(n).unwrap_or_else(|p| p.into_inner());
        }
        *n += 1;
        Slot {
            inner: self.inner.clone(),
        }
    }

    /// Slots taken now.
    pub fn in_use(&self) -> usize {
        *self.inner.0.lock().unwrap_or_else(|p| p.into_inner())
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        let (lock, cv) = &*self.inner;
        let mut n = lock.lock().unwrap_or_else(|p| p.into_inner());
        *n -= 1;
        cv.notify_one();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[test]
    fn never_more_than_the_limit_at_once() {
        let limit = InFlight::new(2);
        let now = Arc::new(AtomicUsize::new(0));
        let peak = Arc::new(AtomicUsize::new(0));
        std::thread::scope(|s| {
            for _ in 0..6 {
                let (limit, now, peak) = (limit.clone(), now.clone(), peak.clone());
                s.spawn(move || {
                    let _slot = limit.acquire();
                    let n = now.fetch_add(1, Ordering::SeqCst) + 1;
                    peak.fetch_max(n, Ordering::SeqCst);
                    std::thread::sleep(std::time::Duration::from_millis(20));
                    now.fetch_sub(1, Ordering::SeqCst);
                });
            }
        });
        assert_eq!(peak.load(Ordering::SeqCst), 2);
        assert_eq!(limit.in_use(), 0);
    }
}
