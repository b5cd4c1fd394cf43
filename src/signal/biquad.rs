//! Second-order IIR sections with coefficients from Robert Bristow-Johnson's
//! "Cookbook formulae for audio EQ biquad filter coefficients", with `f64` state.
//!
//! A lone filter is bound by its recursion (each output waits for the last), so
//! [`Biquad::process`] runs two samples per step in the look-ahead form of Parhi and
//! Messerschmitt ("Pipeline interleaving and parallelism in recursive digital filters",
//! 1989): both outputs come straight from the two previous ones, which halves the serial
//! chain per sample. [`BiquadBank`] runs parallel filters as SIMD lanes, with the same
//! two-sample step.

use std::f64::consts::PI;

/// The filter shapes of the RBJ cookbook that orch uses.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Shape {
    /// Low-pass with resonance `q`.
    LowPass { q: f64 },
    /// High-pass with resonance `q`.
    HighPass { q: f64 },
    /// Band-pass, constant 0 dB peak gain.
    BandPass { q: f64 },
    /// Peaking EQ with `gain_db` at the centre.
    Peaking { q: f64, gain_db: f64 },
    /// Low shelf with `gain_db` below the corner (shelf slope from `q`).
    LowShelf { q: f64, gain_db: f64 },
    /// High shelf with `gain_db` above the corner.
    HighShelf { q: f64, gain_db: f64 },
}

/// Normalised biquad coefficients (a0 = 1).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Coeffs {
    pub b0: f64,
    pub b1: f64,
    pub b2: f64,
    pub a1: f64,
    pub a2: f64,
}

impl Coeffs {
    /// The identity filter.
    pub const IDENTITY: Coeffs = Coeffs {
        b0: 1.0,
        b1: 0.0,
        b2: 0.0,
        a1: 0.0,
        a2: 0.0,
    };

    /// The filter that outputs silence.
    pub const ZERO: Coeffs = Coeffs {
        b0: 0.0,
        b1: 0.0,
        b2: 0.0,
        a1: 0.0,
        a2: 0.0,
    };

    /// Coefficients for `shape` at `freq_hz` and `sample_rate`. A frequency at or above
    /// Nyquist is pulled just below it.
    pub fn new(shape: Shape, freq_hz: f64, sample_rate: f64) -> Coeffs {
        let f = freq_hz.clamp(1.0, sample_rate * 0.4999);
        let w0 = 2.0 * PI * f / sample_rate;
        let (sin, cos) = w0.sin_cos();
        let (b0, b1, b2, a0, a1, a2) = match shape {
            Shape::LowPass { q } => {
                let alpha = sin / (2.0 * q);
                let b1 = 1.0 - cos;
                (b1 / 2.0, b1, b1 / 2.0, 1.0 + alpha, -2.0 * cos, 1.0 - alpha)
            }
            Shape::HighPass { q } => {
                let alpha = sin / (2.0 * q);
                let b1 = -(1.0 + cos);
                (
                    -b1 / 2.0,
                    b1,
                    -b1 / 2.0,
                    1.0 + alpha,
                    -2.0 * cos,
                    1.0 - alpha,
                )
            }
            Shape::BandPass { q } => {
                let alpha = sin / (2.0 * q);
                (alpha, 0.0, -alpha, 1.0 + alpha, -2.0 * cos, 1.0 - alpha)
            }
            Shape::Peaking { q, gain_db } => {
                let a = 10f64.powf(gain_db / 40.0);
                let alpha = sin / (2.0 * q);
                (
                    1.0 + alpha * a,
                    -2.0 * cos,
                    1.0 - alpha * a,
                    1.0 + alpha / a,
                    -2.0 * cos,
                    1.0 - alpha / a,
                )
            }
            Shape::LowShelf { q, gain_db } => {
                let a = 10f64.powf(gain_db / 40.0);
                let alpha = sin / (2.0 * q);
                let k = 2.0 * a.sqrt() * alpha;
                (
                    a * ((a + 1.0) - (a - 1.0) * cos + k),
                    2.0 * a * ((a - 1.0) - (a + 1.0) * cos),
                    a * ((a + 1.0) - (a - 1.0) * cos - k),
                    (a + 1.0) + (a - 1.0) * cos + k,
                    -2.0 * ((a - 1.0) + (a + 1.0) * cos),
                    (a + 1.0) + (a - 1.0) * cos - k,
                )
            }
            Shape::HighShelf { q, gain_db } => {
                let a = 10f64.powf(gain_db / 40.0);
                let alpha = sin / (2.0 * q);
                let k = 2.0 * a.sqrt() * alpha;
                (
                    a * ((a + 1.0) + (a - 1.0) * cos + k),
                    -2.0 * a * ((a - 1.0) + (a + 1.0) * cos),
                    a * ((a + 1.0) + (a - 1.0) * cos - k),
                    (a + 1.0) - (a - 1.0) * cos + k,
                    2.0 * ((a - 1.0) - (a + 1.0) * cos),
                    (a + 1.0) - (a - 1.0) * cos - k,
                )
            }
        };
        Coeffs {
            b0: b0 / a0,
            b1: b1 / a0,
            b2: b2 / a0,
            a1: a1 / a0,
            a2: a2 / a0,
        }
    }

    /// Magnitude response in dB at `freq_hz`.
    pub fn magnitude_db(&self, freq_hz: f64, sample_rate: f64) -> f64 {
        let w = 2.0 * PI * freq_hz / sample_rate;
        let (s1, c1) = w.sin_cos();
        let (s2, c2) = (2.0 * w).sin_cos();
        let num_re = self.b0 + self.b1 * c1 + self.b2 * c2;
        let num_im = -(self.b1 * s1 + self.b2 * s2);
        let den_re = 1.0 + self.a1 * c1 + self.a2 * c2;
        let den_im = -(self.a1 * s1 + self.a2 * s2);
        let num = num_re * num_re + num_im * num_im;
        let den = den_re * den_re + den_im * den_im;
        10.0 * (num / den).log10()
    }
}

/// Q of a band `octaves` wide (RBJ: 1/Q = 2 sinh(ln2/2 · BW)).
pub fn q_from_octaves(octaves: f64) -> f64 {
    1.0 / (2.0 * ((2f64.ln() / 2.0) * octaves).sinh())
}

/// One biquad with its state: a one-lane [`BiquadBank`] (direct form I, the last two
/// inputs and outputs), so the single filter and the bank share one arithmetic.
#[derive(Debug, Clone, Copy)]
pub struct Biquad(BiquadBank<1>);

impl Biquad {
    /// A filter with `coeffs` and silent state.
    pub fn new(coeffs: Coeffs) -> Self {
        Self(BiquadBank::new([coeffs]))
    }

    /// Replace the coefficients, keeping the state (no click on small changes).
    pub fn set_coeffs(&mut self, coeffs: Coeffs) {
        self.0.set_coeffs(0, coeffs);
    }

    /// The current coefficients.
    pub fn coeffs(&self) -> Coeffs {
        self.0.coeffs(0)
    }

    /// Clear the state.
    pub fn reset(&mut self) {
        self.0.reset();
    }

    /// Filter one sample, flushing a vanishing state to zero.
    #[inline]
    pub fn tick(&mut self, x: f32) -> f32 {
        let y = self.tick_raw(x);
        self.flush_denormals();
        y
    }

    /// Filter one sample without the denormal check: the hot loops of the stages use
    /// this and call [`Biquad::flush_denormals`] once per block (a state needs hundreds
    /// of thousands of samples to decay from 1e-25 to a denormal, far longer than a
    /// block), which saves two compares and branches per filter and sample.
    #[inline]
    pub fn tick_raw(&mut self, x: f32) -> f32 {
        self.tick_f64(f64::from(x)) as f32
    }

    /// One sample in `f64`, without the denormal check.
    #[inline(always)]
    fn tick_f64(&mut self, x: f64) -> f64 {
        self.0.tick([x])[0]
    }

    /// Two consecutive samples in one step ([`BiquadBank::step2`]).
    #[inline(always)]
    fn step2(&mut self, u: f64, v: f64) -> (f64, f64) {
        let (a, b) = self.0.step2([u], [v]);
        (a[0], b[0])
    }

    /// Flush a vanishing recursive state (below 1e-25) to zero, so silence never runs
    /// into slow denormal arithmetic.
    #[inline]
    pub fn flush_denormals(&mut self) {
        self.0.flush_denormals();
    }

    /// Filter a slice in place, two samples per step ([`Biquad::step2`]).
    pub fn process(&mut self, buf: &mut [f32]) {
        Self::process_cascade(std::slice::from_mut(self), buf);
    }

    /// Run `filters` in series over a slice in place, two samples per step through all
    /// of them (the sections' recursions overlap; between sections the signal stays in
    /// `f64`).
    pub fn process_cascade(filters: &mut [Biquad], buf: &mut [f32]) {
        match filters {
            [] => {}
            [a] => cascade(&mut [a], buf),
            [a, b] => cascade(&mut [a, b], buf),
            [a, b, rest @ ..] => {
                cascade(&mut [a, b], buf);
                Self::process_cascade(rest, buf);
            }
        }
    }
}

/// [`Biquad::process_cascade`] for `N` sections on local copies.
#[inline(always)]
fn cascade<const N: usize>(filters: &mut [&mut Biquad; N], buf: &mut [f32]) {
    let mut f: [Biquad; N] = std::array::from_fn(|k| *filters[k]);
    let mut pairs = buf.chunks_exact_mut(2);
    for pair in &mut pairs {
        let (mut u, mut v) = (f64::from(pair[0]), f64::from(pair[1]));
        for s in &mut f {
            (u, v) = s.step2(u, v);
        }
        pair[0] = u as f32;
        pair[1] = v as f32;
    }
    for x in pairs.into_remainder() {
        let mut y = f64::from(*x);
        for s in &mut f {
            y = s.tick_f64(y);
        }
        *x = y as f32;
    }
    for (dst, mut s) in filters.iter_mut().zip(f) {
        s.flush_denormals();
        **dst = s;
    }
}

/// `L` biquads run side by side, each with its own coefficients and input, in lockstep:
/// one SIMD lane each, so a bank of parallel bands costs about what one filter does.
/// Each lane computes exactly what a [`Biquad`] with the same coefficients would.
/// ([`Biquad`] is the one-lane bank.)
#[derive(Debug, Clone, Copy)]
pub struct BiquadBank<const L: usize> {
    b0: [f64; L],
    b1: [f64; L],
    b2: [f64; L],
    a1: [f64; L],
    a2: [f64; L],
    x1: [f64; L],
    x2: [f64; L],
    y1: [f64; L],
    y2: [f64; L],
}

impl<const L: usize> BiquadBank<L> {
    /// A bank with one filter per lane, silent state.
    pub fn new(coeffs: [Coeffs; L]) -> Self {
        Self {
            b0: coeffs.map(|c| c.b0),
            b1: coeffs.map(|c| c.b1),
            b2: coeffs.map(|c| c.b2),
            a1: coeffs.map(|c| c.a1),
            a2: coeffs.map(|c| c.a2),
            x1: [0.0; L],
            x2: [0.0; L],
            y1: [0.0; L],
            y2: [0.0; L],
        }
    }

    /// Replace the coefficients of one lane, keeping its state.
    pub fn set_coeffs(&mut self, lane: usize, c: Coeffs) {
        self.b0[lane] = c.b0;
        self.b1[lane] = c.b1;
        self.b2[lane] = c.b2;
        self.a1[lane] = c.a1;
        self.a2[lane] = c.a2;
    }

    /// The coefficients of one lane.
    pub fn coeffs(&self, lane: usize) -> Coeffs {
        Coeffs {
            b0: self.b0[lane],
            b1: self.b1[lane],
            b2: self.b2[lane],
            a1: self.a1[lane],
            a2: self.a2[lane],
        }
    }

    /// Filter one sample per lane (no denormal check: call
    /// [`BiquadBank::flush_denormals`] once per block).
    #[inline(always)]
    pub fn tick(&mut self, x: [f64; L]) -> [f64; L] {
        let mut y = [0.0; L];
        for l in 0..L {
            y[l] = ((self.b0[l] * x[l] + self.b1[l] * self.x1[l] + self.b2[l] * self.x2[l])
                - self.a2[l] * self.y2[l])
                - self.a1[l] * self.y1[l];
        }
        (self.x2, self.x1, self.y2, self.y1) = (self.x1, x, self.y1, y);
        y
    }

    /// Filter two consecutive samples per lane in one step:
    /// `y[n] = f[n] - a1·y[n-1] - a2·y[n-2]` and, substituting it,
    /// `y[n+1] = (f[n+1] - a1·f[n]) + (a1² - a2)·y[n-1] + a1·a2·y[n-2]`, where `f` is the
    /// feed-forward part. Both depend only on the outputs before the pair, so the
    /// recursion is one multiply and two additions per two samples. Equal to two
    /// [`BiquadBank::tick`]s to within rounding. Callers run it on a local copy of the
    /// bank (state in registers) and call [`BiquadBank::flush_denormals`] once per block.
    #[inline(always)]
    pub fn step2(&mut self, u: [f64; L], v: [f64; L]) -> ([f64; L], [f64; L]) {
        let (mut ya, mut yb) = ([0.0; L], [0.0; L]);
        for l in 0..L {
            let (b0, b1, b2, a1, a2) = (self.b0[l], self.b1[l], self.b2[l], self.a1[l], self.a2[l]);
            let f0 = b0 * u[l] + b1 * self.x1[l] + b2 * self.x2[l];
            let f1 = b0 * v[l] + b1 * u[l] + b2 * self.x1[l];
            ya[l] = (f0 - a2 * self.y2[l]) - a1 * self.y1[l];
            yb[l] = ((f1 - a1 * f0) + (a1 * a2) * self.y2[l]) + (a1 * a1 - a2) * self.y1[l];
        }
        (self.x2, self.x1, self.y2, self.y1) = (u, v, ya, yb);
        (ya, yb)
    }

    /// Flush vanishing states (below 1e-25) to zero.
    pub fn flush_denormals(&mut self) {
        for y in self.y1.iter_mut().chain(self.y2.iter_mut()) {
            if y.abs() < 1e-25 {
                *y = 0.0;
            }
        }
    }

    /// Clear the state.
    pub fn reset(&mut self) {
        self.x1 = [0.0; L];
        self.x2 = [0.0; L];
        self.y1 = [0.0; L];
        self.y2 = [0.0; L];
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bank_lanes_equal_single_filters() {
        let sr = 48_000.0;
        let coeffs = [
            Coeffs::new(Shape::HighPass { q: 0.7 }, 3000.0, sr),
            Coeffs::new(Shape::LowPass { q: 0.7 }, 500.0, sr),
            Coeffs::new(
                Shape::Peaking {
                    q: 1.0,
                    gain_db: 6.0,
                },
                1000.0,
                sr,
            ),
            Coeffs::ZERO,
        ];
        let mut bank = BiquadBank::new(coeffs);
        let mut single = coeffs.map(Biquad::new);
        for i in 0..2000 {
            let x = ((i * 7919) % 200) as f32 / 100.0 - 1.0;
            let y = bank.tick([f64::from(x); 4]);
            for (l, f) in single.iter_mut().enumerate() {
                assert_eq!(y[l] as f32, f.tick_raw(x), "lane {l} sample {i}");
            }
        }
        assert!(bank.tick([1.0; 4])[3] == 0.0);
    }

    fn measured_gain_db(c: Coeffs, freq: f64, sr: f64) -> f64 {
        let mut f = Biquad::new(c);
        let n = sr as usize;
        let mut peak = 0.0f64;
        for i in 0..n {
            let x = (2.0 * PI * freq * i as f64 / sr).sin() as f32;
            let y = f.tick(x);
            if i > n / 2 {
                peak = peak.max(f64::from(y.abs()));
            }
        }
        20.0 * peak.log10()
    }

    #[test]
    fn peaking_gain_at_centre_matches_setting() {
        let sr = 48_000.0;
        for gain in [-12.0, -3.0, 3.0, 9.0] {
            let c = Coeffs::new(
                Shape::Peaking {
                    q: 1.41,
                    gain_db: gain,
                },
                1000.0,
                sr,
            );
            assert!((c.magnitude_db(1000.0, sr) - gain).abs() < 1e-9);
            assert!((measured_gain_db(c, 1000.0, sr) - gain).abs() < 0.05);
        }
    }

    #[test]
    fn lowpass_and_highpass_are_3db_down_at_corner() {
        let sr = 16_000.0;
        let q = std::f64::consts::FRAC_1_SQRT_2;
        let lp = Coeffs::new(Shape::LowPass { q }, 1000.0, sr);
        let hp = Coeffs::new(Shape::HighPass { q }, 1000.0, sr);
        assert!((lp.magnitude_db(1000.0, sr) + 3.01).abs() < 0.01);
        assert!((hp.magnitude_db(1000.0, sr) + 3.01).abs() < 0.01);
        assert!(lp.magnitude_db(6000.0, sr) < -25.0);
        assert!(hp.magnitude_db(100.0, sr) < -35.0);
    }

    #[test]
    fn shelves_reach_their_gain() {
        let sr = 48_000.0;
        let ls = Coeffs::new(
            Shape::LowShelf {
                q: 0.707,
                gain_db: 6.0,
            },
            200.0,
            sr,
        );
        let hs = Coeffs::new(
            Shape::HighShelf {
                q: 0.707,
                gain_db: -6.0,
            },
            4000.0,
            sr,
        );
        assert!((ls.magnitude_db(20.0, sr) - 6.0).abs() < 0.1);
        assert!((hs.magnitude_db(20_000.0, sr) + 6.0).abs() < 0.1);
    }

    #[test]
    fn one_octave_q() {
        assert!((q_from_octaves(1.0) - std::f64::consts::SQRT_2).abs() < 1e-3);
    }

    #[test]
    fn process_in_pairs_equals_sample_by_sample() {
        let sr = 48_000.0;
        let c = Coeffs::new(
            Shape::Peaking {
                q: 0.9,
                gain_db: 9.0,
            },
            120.0,
            sr,
        );
        let input: Vec<f32> = (0..4001)
            .map(|i| ((i * 7919) % 200) as f32 / 100.0 - 1.0)
            .collect();
        let mut one = Biquad::new(c);
        let expected: Vec<f32> = input.iter().map(|&x| one.tick(x)).collect();
        // Odd and even block lengths, so pairs straddle the block edges both ways.
        for block in [1, 2, 7, 480] {
            let mut f = Biquad::new(c);
            let mut out = input.clone();
            for chunk in out.chunks_mut(block) {
                f.process(chunk);
            }
            for (i, (a, b)) in out.iter().zip(&expected).enumerate() {
                assert!((a - b).abs() < 1e-6, "block {block} sample {i}: {a} vs {b}");
            }
        }
    }

    #[test]
    fn process_flushes_a_decayed_state_to_zero() {
        let mut f = Biquad::new(Coeffs::new(Shape::LowPass { q: 0.707 }, 100.0, 48_000.0));
        let mut block = vec![0.0f32; 480];
        block[0] = 1.0;
        for _ in 0..100 {
            f.process(&mut block);
            block.fill(0.0);
        }
        assert_eq!((f.0.y1, f.0.y2), ([0.0], [0.0]));
    }
}
