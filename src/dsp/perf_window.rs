//! Processing figures of a live stream over fixed windows of audio (10 s for bots):
//! block times as a log-binned histogram, drops, and the realtime factor. Recording
//! is a few arithmetic operations on fixed arrays, safe on the audio thread; a
//! window's summary is a plain `Copy` value.

use serde::{Deserialize, Serialize};

/// Bins of 2^(1/4) from 1 µs; the last (above about 65 ms) catches everything slower.
const BINS: usize = 64;
const BASE_S: f64 = 1e-6;

/// One window being filled.
#[derive(Debug, Clone)]
pub struct PerfWindow {
    bins: [u32; BINS],
    blocks: u64,
    dropped: u64,
    busy_s: f64,
    audio_s: f64,
    max_s: f64,
}

/// What one window held.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct WindowSummary {
    /// Blocks processed, and those the stream fell behind real time on.
    pub blocks: u64,
    pub dropped_blocks: u64,
    /// Seconds of audio in the window.
    pub audio_s: f64,
    /// Block processing time percentiles and maximum, milliseconds (bin upper edges,
    /// within 19 %, never above the maximum).
    pub p50_ms: f64,
    pub p95_ms: f64,
    pub p99_ms: f64,
    pub max_ms: f64,
    /// Audio time over processing time.
    pub realtime_factor: Option<f64>,
}

impl Default for PerfWindow {
    fn default() -> Self {
        Self::new()
    }
}

impl PerfWindow {
    pub fn new() -> Self {
        PerfWindow {
            bins: [0; BINS],
            blocks: 0,
            dropped: 0,
            busy_s: 0.0,
            audio_s: 0.0,
            max_s: 0.0,
        }
    }

    /// A block of `audio_s` seconds took `busy_s` to process.
    #[inline]
    pub fn record(&mut self, busy_s: f64, audio_s: f64) {
        self.blocks += 1;
        self.busy_s += busy_s;
        self.audio_s += audio_s;
        self.max_s = self.max_s.max(busy_s);
        let bin = if busy_s <= BASE_S {
            0
        } else {
            ((busy_s / BASE_S).log2() * 4.0) as usize
        };
        self.bins[bin.min(BINS - 1)] += 1;
    }

    /// The stream fell behind real time once.
    pub fn dropped(&mut self) {
        self.dropped += 1;
    }

    /// Seconds of audio so far.
    pub fn audio_s(&self) -> f64 {
        self.audio_s
    }

    /// Blocks so far.
    pub fn blocks(&self) -> u64 {
        self.blocks
    }

    fn percentile_s(&self, q: f64) -> f64 {
        let want = (q * self.blocks as f64).ceil().max(1.0) as u64;
        let mut seen = 0u64;
        for (i, &c) in self.bins.iter().enumerate() {
            seen += u64::from(c);
            if seen >= want {
                return (BASE_S * 2f64.powf((i + 1) as f64 / 4.0)).min(self.max_s);
            }
        }
        self.max_s
    }

    /// The window's figures.
    pub fn summary(&self) -> WindowSummary {
        let ms = |s: f64| if self.blocks == 0 { 0.0 } else { s * 1e3 };
        WindowSummary {
            blocks: self.blocks,
            dropped_blocks: self.dropped,
            audio_s: self.audio_s,
            p50_ms: ms(self.percentile_s(0.50)),
            p95_ms: ms(self.percentile_s(0.95)),
            p99_ms: ms(self.percentile_s(0.99)),
            max_ms: ms(self.max_s),
            realtime_factor: (self.busy_s > 0.0).then(|| self.audio_s / self.busy_s),
        }
    }

    /// Start the next window.
    pub fn reset(&mut self) {
        *self = PerfWindow::new();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_come_from_the_window_only() {
        let mut w = PerfWindow::new();
        for i in 0..100 {
            // 90 blocks of 0.1 ms, 10 of 2 ms: p50 near 0.1, p95 and p99 near 2.
            w.record(if i % 10 == 0 { 0.002 } else { 0.0001 }, 0.02);
        }
        w.dropped();
        let s = w.summary();
        assert_eq!((s.blocks, s.dropped_blocks), (100, 1));
        assert!((s.audio_s - 2.0).abs() < 1e-9);
        assert!((0.1..=0.12).contains(&s.p50_ms), "{s:?}");
        assert!((1.9..=2.0).contains(&s.p95_ms), "{s:?}");
        assert_eq!(s.max_ms, 2.0);
        let rt = s.realtime_factor.unwrap();
        assert!(
            (rt - 2.0 / (0.002 * 10.0 + 0.0001 * 90.0)).abs() < 1e-6,
            "{rt}"
        );
        w.reset();
        assert_eq!(w.summary().blocks, 0);
        assert_eq!(w.summary().realtime_factor, None);
        assert_eq!(w.summary().p95_ms, 0.0);
    }
}
