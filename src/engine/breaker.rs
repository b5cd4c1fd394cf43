//! A circuit breaker: closed while calls succeed, open after `threshold` failures in a
//! row (calls fail at once), half-open after `cool_down` (one trial call goes through;
//! its success closes the breaker, its failure opens it again).

use std::sync::Mutex;
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use super::EngineError;

/// The breaker's position.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BreakerState {
    /// Calls go through.
    Closed,
    /// Calls fail at once until the cool-down ends.
    Open,
    /// One trial call is under way.
    HalfOpen,
}

impl BreakerState {
    /// The name, as serialized.
    pub fn name(self) -> &'static str {
        match self {
            BreakerState::Closed => "closed",
            BreakerState::Open => "open",
            BreakerState::HalfOpen => "half_open",
        }
    }
}

impl std::fmt::Display for BreakerState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// What `orch status` shows of a breaker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BreakerSnapshot {
    pub engine: String,
    pub state: BreakerState,
    /// Failures in a row.
    pub failures: u32,
    /// Calls that succeeded, and that failed, since the start.
    pub ok: u64,
    pub failed: u64,
    /// The last failure.
    pub last_error: Option<String>,
}

#[derive(Debug)]
struct Inner {
    state: BreakerState,
    failures: u32,
    opened_at: Option<Instant>,
    ok: u64,
    failed: u64,
    last_error: Option<String>,
}

/// A circuit breaker for one engine. Shared between threads.
#[derive(Debug)]
pub struct Breaker {
    engine: String,
    threshold: u32,
    cool_down: Duration,
    inner: Mutex<Inner>,
}

/// A change of state a caller may want to announce (an event, an alert).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Transition {
    pub from: BreakerState,
    pub to: BreakerState,
}

impl Breaker {
    /// A closed breaker that opens after `threshold` failures in a row and lets a trial
    /// through after `cool_down`.
    pub fn new(engine: impl Into<String>, threshold: u32, cool_down: Duration) -> Breaker {
        Breaker {
            engine: engine.into(),
            threshold: threshold.max(1),
            cool_down,
            inner: Mutex::new(Inner {
                state: BreakerState::Closed,
                failures: 0,
                opened_at: None,
                ok: 0,
                failed: 0,
                last_error: None,
            }),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// May a call go through now? An open breaker whose cool-down has ended becomes
    /// half-open and admits this one call; other callers are refused until it ends.
    pub fn admit(&self) -> Result<Option<Transition>, EngineError> {
        let mut i = self.lock();
        match i.state {
            BreakerState::Closed => Ok(None),
            BreakerState::Open => {
                let since = i.opened_at.map(|t| t.elapsed()).unwrap_or_default();
                if since >= self.cool_down {
                    i.state = BreakerState::HalfOpen;
                    Ok(Some(Transition {
                        from: BreakerState::Open,
                        to: BreakerState::HalfOpen,
                    }))
                } else {
                    Err(EngineError::Open {
                        engine: self.engine.clone(),
                        failures: i.failures,
                        retry_in_s: (self.cool_down - since).as_secs_f64(),
                    })
                }
            }
            BreakerState::HalfOpen => Err(EngineError::Open {
                engine: self.engine.clone(),
                failures: i.failures,
                retry_in_s: 0.0,
            }),
        }
    }

    /// Record a call that succeeded.
    pub fn success(&self) -> Option<Transition> {
        let mut i = self.lock();
        i.ok += 1;
        i.failures = 0;
        let from = i.state;
        i.state = BreakerState::Closed;
        i.opened_at = None;
        (from != BreakerState::Closed).then_some(Transition {
            from,
            to: BreakerState::Closed,
        })
    }

    /// Record a call that failed.
    pub fn failure(&self, error: &EngineError) -> Option<Transition> {
        let mut i = self.lock();
        i.failed += 1;
        i.failures = i.failures.saturating_add(1);
        i.last_error = Some(error.to_string());
        let from = i.state;
        if from == BreakerState::HalfOpen || i.failures >= self.threshold {
            i.state = BreakerState::Open;
            i.opened_at = Some(Instant::now());
        }
        (from != i.state).then_some(Transition { from, to: i.state })
    }

    /// The breaker now.
    pub fn snapshot(&self) -> BreakerSnapshot {
        let i = self.lock();
        BreakerSnapshot {
            engine: self.engine.clone(),
            state: i.state,
            failures: i.failures,
            ok: i.ok,
            failed: i.failed,
            last_error: i.last_error.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err() -> EngineError {
        EngineError::Unreachable {
            url: "u".into(),
            detail: "refused".into(),
        }
    }

    #[test]
    fn opens_after_the_threshold_and_half_opens_after_the_cool_down() {
        let b = Breaker::new("e", 3, Duration::from_millis(30));
        for _ in 0..2 {
            assert!(b.admit().is_ok());
            assert_eq!(b.failure(&err()), None);
        }
        assert_eq!(
            b.failure(&err()),
            Some(Transition {
                from: BreakerState::Closed,
                to: BreakerState::Open
            })
        );
        assert!(matches!(
            b.admit(),
            Err(EngineError::Open { failures: 3, .. })
        ));
        std::thread::sleep(Duration::from_millis(40));
        assert!(matches!(b.admit(), Ok(Some(_))));
        // Only the one trial call while half-open.
        assert!(b.admit().is_err());
        // The trial fails: open again at once.
        assert_eq!(b.failure(&err()).map(|t| t.to), Some(BreakerState::Open));
        std::thread::sleep(Duration::from_millis(40));
        assert!(b.admit().is_ok());
        assert_eq!(b.success().map(|t| t.to), Some(BreakerState::Closed));
        let s = b.snapshot();
        assert_eq!(
            (s.state, s.failures, s.ok, s.failed),
            (BreakerState::Closed, 0, 1, 4)
        );
    }

    #[test]
    fn a_success_resets_the_count() {
        let b = Breaker::new("e", 2, Duration::from_secs(60));
        b.failure(&err());
        b.success();
        assert_eq!(b.failure(&err()), None);
        assert_eq!(b.snapshot().state, BreakerState::Closed);
    }
}
