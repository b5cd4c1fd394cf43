//! Exponential backoff between restarts: `initial * 2^n`, capped, with the number of
//! restarts limited by the configuration.

use std::time::Duration;

/// The restart policy of bots (from `[bots]` in the configuration).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Backoff {
    /// Delay before the first restart.
    pub initial: Duration,
    /// Longest delay.
    pub max: Duration,
    /// Most restarts of one bot before it is marked failed (0: never restart).
    pub max_restarts: u32,
}

impl Backoff {
    /// The delay before restart number `n` (0-based), or `None` when the limit is
    /// reached.
    pub fn delay(&self, n: u32) -> Option<Duration> {
        if n >= self.max_restarts {
            return None;
        }
        let factor = 2u32.saturating_pow(n.min(20));
        Some(self.initial.saturating_mul(factor).min(self.max))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doubles_up_to_the_cap_and_stops_at_the_limit() {
        let b = Backoff {
            initial: Duration::from_millis(100),
            max: Duration::from_millis(500),
            max_restarts: 4,
        };
        let d: Vec<_> = (0..5).map(|n| b.delay(n)).collect();
        assert_eq!(
            d,
            vec![
                Some(Duration::from_millis(100)),
                Some(Duration::from_millis(200)),
                Some(Duration::from_millis(400)),
                Some(Duration::from_millis(500)),
                None
            ]
        );
        let never = Backoff {
            max_restarts: 0,
            ..b
        };
        assert_eq!(never.delay(0), None);
    }
}
