//! The latencies of an engine's last calls, and their percentiles (what `orch bot
//! status` shows for transcription and for each translation language).

use std::collections::VecDeque;

/// Calls kept.
const WINDOW: usize = 256;

/// The last [`WINDOW`] latencies, in milliseconds.
#[derive(Debug, Clone, Default)]
pub struct Latencies {
    last: VecDeque<f64>,
}

impl Latencies {
    /// Record one call.
    pub fn push(&mut self, ms: f64) {
        if self.last.len() == WINDOW {
            self.last.pop_front();
        }
        self.last.push_back(ms);
    }

    /// The `q` quantile (0 to 1) of the kept calls; none before the first.
    pub fn percentile(&self, q: f64) -> Option<f64> {
        if self.last.is_empty() {
            return None;
        }
        let mut sorted: Vec<f64> = self.last.iter().copied().collect();
        sorted.sort_by(f64::total_cmp);
        Some(sorted[((sorted.len() - 1) as f64 * q).round() as usize])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_of_the_last_calls_only() {
        let mut l = Latencies::default();
        assert_eq!(l.percentile(0.5), None);
        for ms in 0..(WINDOW + 100) {
            l.push(ms as f64);
        }
        // The first 100 fell out of the window.
        assert_eq!(l.percentile(0.0), Some(100.0));
        assert_eq!(l.percentile(1.0), Some((WINDOW + 99) as f64));
        assert_eq!(l.percentile(0.5), Some(228.0));
    }
}
