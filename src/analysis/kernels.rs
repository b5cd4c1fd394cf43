//! The hot loops shared by the analyzers, shaped for the compiler: sums kept in eight
//! independent lanes so they vectorise (a result differs from a strictly sequential sum
//! only by rounding), and a biquad whose loop-carried path is a single multiply-add.

/// Lanes of the vectorised sums.
const LANES: usize = 8;

/// Statistics of one slice of samples.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct Stats {
    /// Sum of the samples.
    pub sum: f64,
    /// Sum of their squares.
    pub sum_sq: f64,
    /// Largest magnitude.
    pub peak: f32,
    /// Samples whose magnitude is at or above the clip level given.
    pub clipped: u64,
}

/// Sum, sum of squares, peak magnitude and count of samples at or above `clip`.
pub(crate) fn stats(x: &[f32], clip: f32) -> Stats {
    let mut sum = [0.0f64; LANES];
    let mut sq = [0.0f64; LANES];
    let mut peak = [0.0f32; LANES];
    let mut clipped = [0u32; LANES];
    let chunks = x.chunks_exact(LANES);
    let rest = chunks.remainder();
    for c in chunks {
        for l in 0..LANES {
            let v = c[l];
            let d = f64::from(v);
            sum[l] += d;
            sq[l] += d * d;
            let a = v.abs();
            peak[l] = if a > peak[l] { a } else { peak[l] };
            clipped[l] += u32::from(a >= clip);
        }
    }
    let mut s = Stats {
        sum: sum.iter().sum(),
        sum_sq: sq.iter().sum(),
        peak: peak.iter().copied().fold(0.0, f32::max),
        clipped: clipped.iter().map(|&c| u64::from(c)).sum(),
    };
    for &v in rest {
        let d = f64::from(v);
        s.sum += d;
        s.sum_sq += d * d;
        s.peak = s.peak.max(v.abs());
        s.clipped += u64::from(v.abs() >= clip);
    }
    s
}

/// Sum of squares and peak magnitude (the cheaper part of [`stats`]).
pub(crate) fn power_peak(x: &[f32]) -> (f64, f32) {
    let mut sq = [0.0f64; LANES];
    let mut peak = [0.0f32; LANES];
    let chunks = x.chunks_exact(LANES);
    let rest = chunks.remainder();
    for c in chunks {
        for l in 0..LANES {
            let d = f64::from(c[l]);
            sq[l] += d * d;
            let a = c[l].abs();
            peak[l] = if a > peak[l] { a } else { peak[l] };
        }
    }
    let mut s: f64 = sq.iter().sum();
    let mut p = peak.iter().copied().fold(0.0, f32::max);
    for &v in rest {
        s += f64::from(v) * f64::from(v);
        p = p.max(v.abs());
    }
    (s, p)
}

/// Largest magnitude.
pub(crate) fn peak(x: &[f32]) -> f32 {
    let mut peak = [0.0f32; LANES];
    let chunks = x.chunks_exact(LANES);
    let rest = chunks.remainder();
    for c in chunks {
        for l in 0..LANES {
            let a = c[l].abs();
            peak[l] = if a > peak[l] { a } else { peak[l] };
        }
    }
    rest.iter()
        .fold(peak.iter().copied().fold(0.0, f32::max), |p, v| {
            p.max(v.abs())
        })
}

/// One biquad section in direct form I (f64).
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Biquad {
    /// Feed-forward coefficients b0, b1, b2.
    pub b: [f64; 3],
    /// Feedback coefficients a1, a2 (a0 = 1).
    pub a: [f64; 2],
}

/// The state of one biquad on one signal: the last two inputs and outputs.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct BiquadState {
    pub x1: f64,
    pub x2: f64,
    pub y1: f64,
    pub y2: f64,
}

impl Biquad {
    /// The section of the orch DSP coefficients.
    pub fn from_coeffs(c: &crate::signal::biquad::Coeffs) -> Self {
        Self {
            b: [c.b0, c.b1, c.b2],
            a: [c.a1, c.a2],
        }
    }

    /// Filter one sample.
    #[inline(always)]
    pub fn run(&self, s: &mut BiquadState, x: f64) -> f64 {
        // Everything that does not depend on the previous output first: the feedback of
        // y1 is the only operation on the loop-carried path.
        let t = self.b[0] * x + self.b[1] * s.x1 + self.b[2] * s.x2 - self.a[1] * s.y2;
        let y = t - self.a[0] * s.y1;
        s.x2 = s.x1;
        s.x1 = x;
        s.y2 = s.y1;
        s.y1 = y;
        y
    }
}

impl BiquadState {
    /// Zero values too small to matter (call every block), so a long silence never
    /// reaches the slow subnormal range.
    pub fn flush_tiny(&mut self) {
        for v in [&mut self.x1, &mut self.x2, &mut self.y1, &mut self.y2] {
            if v.abs() < 1e-30 {
                *v = 0.0;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stats_match_the_sequential_definitions() {
        let x: Vec<f32> = (0..1003)
            .map(|i| ((i as f32 * 0.37).sin() * 1.2).clamp(-1.0, 1.0))
            .collect();
        let s = stats(&x, 1.0);
        let sum: f64 = x.iter().map(|&v| f64::from(v)).sum();
        let sq: f64 = x.iter().map(|&v| f64::from(v) * f64::from(v)).sum();
        assert!((s.sum - sum).abs() < 1e-9);
        assert!((s.sum_sq - sq).abs() < 1e-9);
        assert_eq!(s.peak, 1.0);
        assert_eq!(
            s.clipped,
            x.iter().filter(|v| v.abs() >= 1.0).count() as u64
        );
        let (p, k) = power_peak(&x);
        assert!((p - sq).abs() < 1e-9);
        assert_eq!(k, 1.0);
        assert_eq!(
            peak(&x[..13]),
            x[..13].iter().fold(0.0f32, |m, v| m.max(v.abs()))
        );
        assert_eq!(stats(&[], 1.0), Stats::default());
    }

    #[test]
    fn biquad_matches_the_dsp_biquad() {
        use crate::signal::biquad::{Biquad as DspBiquad, Coeffs, Shape};
        let c = Coeffs::new(
            Shape::HighPass {
                q: std::f64::consts::FRAC_1_SQRT_2,
            },
            300.0,
            48_000.0,
        );
        let mut reference = DspBiquad::new(c);
        let fast = Biquad::from_coeffs(&c);
        let mut s = BiquadState::default();
        for i in 0..2000 {
            let x = ((i as f32) * 0.05).sin() * 0.5;
            let want = reference.tick(x);
            let got = fast.run(&mut s, f64::from(x));
            assert!((got - f64::from(want)).abs() < 1e-6, "{i}: {got} vs {want}");
        }
    }
}
