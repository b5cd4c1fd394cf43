//! Retries with exponential backoff, behind a circuit breaker.

use std::sync::Arc;
use std::time::{Duration, Instant};

use super::EngineError;
use super::breaker::{Breaker, Transition};
use crate::metrics::EngineMetrics;

/// How often and how patiently a failed call is tried again.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RetryPolicy {
    /// Tries after the first one.
    pub retries: u32,
    /// Wait before the first retry; doubled for each further one.
    pub backoff: Duration,
    /// The longest wait.
    pub max_backoff: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            retries: 2,
            backoff: Duration::from_millis(500),
            max_backoff: Duration::from_secs(8),
        }
    }
}

impl RetryPolicy {
    /// The wait before retry `n` (0-based).
    pub fn delay(&self, n: u32) -> Duration {
        self.backoff
            .saturating_mul(1u32 << n.min(16))
            .min(self.max_backoff)
    }
}

/// An engine's breaker and retry policy: what every call to it goes through.
/// Cheap to clone; clones share the breaker.
#[derive(Debug, Clone)]
pub struct Guard {
    breaker: Arc<Breaker>,
    policy: RetryPolicy,
    metrics: Option<EngineMetrics>,
}

impl Guard {
    pub fn new(breaker: Breaker, policy: RetryPolicy) -> Guard {
        Guard {
            breaker: Arc::new(breaker),
            policy,
            metrics: None,
        }
    }

    /// Count calls, their latency and the breaker's state in the process's metrics,
    /// as `service` (`transcription`, `translation`) engine `engine`.
    pub fn observed(mut self, service: &str, engine: &str) -> Guard {
        self.metrics = Some(crate::metrics::global().engine(service, engine));
        self
    }

    /// The breaker (for status and events).
    pub fn breaker(&self) -> &Breaker {
        &self.breaker
    }

    /// Call `f` through the breaker, retrying transient failures with backoff.
    /// `on_transition` hears every change of the breaker's state.
    pub fn call<T>(
        &self,
        mut f: impl FnMut() -> Result<T, EngineError>,
        mut on_transition: impl FnMut(Transition),
    ) -> Result<T, EngineError> {
        let m = self.metrics.as_ref();
        let mut on_transition = |t: Transition| {
            if let Some(m) = m {
                m.breaker(t.to.name());
            }
            on_transition(t);
        };
        let mut attempt = 0;
        loop {
            match self.breaker.admit() {
                Ok(Some(t)) => on_transition(t),
                Ok(None) => {}
                Err(e) => {
                    if let Some(m) = m {
                        m.rejected();
                    }
                    return Err(e);
                }
            }
            let started = Instant::now();
            let result = f();
            if let Some(m) = m {
                m.call(started.elapsed().as_secs_f64(), result.is_ok());
            }
            match result {
                Ok(v) => {
                    if let Some(t) = self.breaker.success() {
                        on_transition(t);
                    }
                    return Ok(v);
                }
                Err(e) => {
                    if let Some(t) = self.breaker.failure(&e) {
                        on_transition(t);
                    }
                    if !e.is_transient() || attempt >= self.policy.retries {
                        return Err(e);
                    }
                    std::thread::sleep(self.policy.delay(attempt));
                    attempt += 1;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::BreakerState;

    fn policy(retries: u32) -> RetryPolicy {
        RetryPolicy {
            retries,
            backoff: Duration::from_millis(1),
            max_backoff: Duration::from_millis(4),
        }
    }

    #[test]
    fn transient_failures_are_retried_and_permanent_ones_are_not() {
        let guard = Guard::new(Breaker::new("e", 10, Duration::from_secs(60)), policy(2));
        let mut calls = 0;
        let r = guard.call(
            || {
                calls += 1;
                if calls < 3 {
                    Err(EngineError::Status {
                        url: "u".into(),
                        status: 503,
                        detail: String::new(),
                    })
                } else {
                    Ok(calls)
                }
            },
            |_| {},
        );
        assert_eq!(r, Ok(3));
        let mut calls = 0;
        let r: Result<(), _> = guard.call(
            || {
                calls += 1;
                Err(EngineError::Status {
                    url: "u".into(),
                    status: 400,
                    detail: String::new(),
                })
            },
            |_| {},
        );
        assert!(r.is_err());
        assert_eq!(calls, 1);
    }

    #[test]
    fn an_open_breaker_refuses_without_calling() {
        let guard = Guard::new(Breaker::new("e", 2, Duration::from_secs(60)), policy(5));
        let mut calls = 0;
        let mut seen = Vec::new();
        let r: Result<(), _> = guard.call(
            || {
                calls += 1;
                Err(EngineError::Timeout {
                    url: "u".into(),
                    limit_s: 1.0,
                })
            },
            |t| seen.push(t.to),
        );
        assert!(matches!(r, Err(EngineError::Open { .. })));
        assert_eq!(calls, 2);
        assert_eq!(seen, vec![BreakerState::Open]);
        assert_eq!(policy(0).delay(10), Duration::from_millis(4));
    }
}
