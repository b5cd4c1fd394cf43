//! Loudness and level over time, one point per 100 ms hop of the loudness meter.

use serde::Serialize;

use super::loudness::Hop;

/// One 100 ms point of the timeline; `None` where undefined.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct TimelinePoint {
    /// End of the 100 ms hop (s).
    pub t_s: f64,
    /// Momentary loudness, 400 ms window ending here (LUFS).
    pub momentary_lufs: Option<f64>,
    /// Short-term loudness, 3 s window ending here (LUFS).
    pub short_term_lufs: Option<f64>,
    /// RMS of the hop over all channels (dBFS).
    pub rms_dbfs: Option<f64>,
    /// Highest sample magnitude of the hop (dBFS).
    pub peak_dbfs: Option<f64>,
}

/// Accumulates the level of the current hop; the caller closes hops at the loudness
/// meter's boundaries.
#[derive(Debug, Default)]
pub struct Timeline {
    sum_sq: f64,
    samples: u64,
    peak: f32,
    last: Option<TimelinePoint>,
    points: Option<Vec<TimelinePoint>>,
}

impl Timeline {
    /// A timeline that keeps every point when `keep` (for `--timeline` and plots), or
    /// only the latest one (for live meters).
    pub fn new(keep: bool) -> Self {
        Self {
            points: keep.then(Vec::new),
            ..Default::default()
        }
    }

    /// Add frames of the current hop.
    pub fn push_planes(&mut self, block: &[&[f32]]) {
        for ch in block {
            let (sq, peak) = super::kernels::power_peak(ch);
            self.sum_sq += sq;
            self.peak = self.peak.max(peak);
            self.samples += ch.len() as u64;
        }
    }

    /// Close the current hop ending at `t_s` with its level only; the loudness comes
    /// later through [`Timeline::set_loudness`].
    pub fn close_level(&mut self, t_s: f64) {
        self.close(&Hop {
            t_s,
            momentary_lufs: None,
            short_term_lufs: None,
        });
    }

    /// Put the loudness meter's reading into the last closed point.
    pub fn set_loudness(&mut self, hop: &Hop) {
        if let Some(last) = &mut self.last {
            last.momentary_lufs = hop.momentary_lufs;
            last.short_term_lufs = hop.short_term_lufs;
        }
        if let Some(p) = self.points.as_mut().and_then(|p| p.last_mut()) {
            p.momentary_lufs = hop.momentary_lufs;
            p.short_term_lufs = hop.short_term_lufs;
        }
    }

    /// Put the loudness readings of every hop, in order, into the kept points.
    pub fn set_all_loudness(&mut self, hops: &[Hop]) {
        if let Some(points) = &mut self.points {
            for (p, h) in points.iter_mut().zip(hops) {
                p.momentary_lufs = h.momentary_lufs;
                p.short_term_lufs = h.short_term_lufs;
            }
        }
        if let (Some(last), Some(h)) = (&mut self.last, hops.last()) {
            last.momentary_lufs = h.momentary_lufs;
            last.short_term_lufs = h.short_term_lufs;
        }
    }

    /// True when every point is kept.
    pub fn keeps_points(&self) -> bool {
        self.points.is_some()
    }

    /// Close the current hop with the loudness meter's reading.
    pub fn close(&mut self, hop: &Hop) {
        let ms = if self.samples > 0 {
            self.sum_sq / self.samples as f64
        } else {
            0.0
        };
        let p = TimelinePoint {
            t_s: hop.t_s,
            momentary_lufs: hop.momentary_lufs,
            short_term_lufs: hop.short_term_lufs,
            rms_dbfs: (ms > 0.0).then(|| 10.0 * ms.log10()),
            peak_dbfs: (self.peak > 0.0).then(|| 20.0 * (self.peak as f64).log10()),
        };
        if let Some(points) = &mut self.points {
            points.push(p);
        }
        self.last = Some(p);
        self.sum_sq = 0.0;
        self.samples = 0;
        self.peak = 0.0;
    }

    /// The latest closed point.
    pub fn last(&self) -> Option<TimelinePoint> {
        self.last
    }

    /// Every point kept so far.
    pub fn points(&self) -> Option<&[TimelinePoint]> {
        self.points.as_deref()
    }

    /// Take the kept points.
    pub fn take_points(&mut self) -> Option<Vec<TimelinePoint>> {
        self.points.take()
    }
}
