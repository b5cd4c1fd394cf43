//! FFT of a real frame of even length `N` through a complex FFT of `N/2` (rustfft): the
//! even and odd samples go in as the real and imaginary parts, and one pass splits the
//! result into the real signal's `N/2 + 1` bins (the inverse merges them back first).
//!
//! The split and merge are written as element-wise loops over a conjugated, reversed
//! copy of the spectrum, so they vectorise; in the realfft crate they are a scalar loop
//! walking the spectrum from both ends, which costs about as much as the complex FFT
//! itself. Scaling follows the usual unnormalised convention: `inverse(forward(x))` is
//! `N·x`.

use std::sync::Arc;

use rustfft::num_complex::Complex32;
use rustfft::{Fft, FftPlanner};

/// Forward and inverse real FFTs of one length, with their buffers.
pub struct RealFft {
    half: usize,
    forward: Arc<dyn Fft<f32>>,
    inverse: Arc<dyn Fft<f32>>,
    /// `W^k = e^(-2πik/N)` for `k < N/2`.
    twiddles: Vec<Complex32>,
    /// The packed half-length signal and its spectrum.
    packed: Vec<Complex32>,
    /// `conj(Z[N/2 - k])` at `k` (index 0 unused).
    mirrored: Vec<Complex32>,
    scratch: Vec<Complex32>,
}

impl std::fmt::Debug for RealFft {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RealFft")
            .field("len", &(2 * self.half))
            .finish()
    }
}

impl RealFft {
    /// Transforms of `len` samples (even, at least 2); allocates everything.
    pub fn new(len: usize) -> Self {
        assert!(
            len >= 2 && len % 2 == 0,
            "real FFT length {len} must be even"
        );
        let half = len / 2;
        let mut planner = FftPlanner::<f32>::new();
        let forward = planner.plan_fft_forward(half);
        let inverse = planner.plan_fft_inverse(half);
        let scratch_len = forward
            .get_inplace_scratch_len()
            .max(inverse.get_inplace_scratch_len());
        let twiddles = (0..half)
            .map(|k| {
                let phase = -2.0 * std::f64::consts::PI * k as f64 / len as f64;
                Complex32::new(phase.cos() as f32, phase.sin() as f32)
            })
            .collect();
        Self {
            half,
            forward,
            inverse,
            twiddles,
            packed: vec![Complex32::default(); half],
            mirrored: vec![Complex32::default(); half],
            scratch: vec![Complex32::default(); scratch_len],
        }
    }

    /// Frame length `N`.
    pub fn len(&self) -> usize {
        2 * self.half
    }

    /// Always false: the length is at least 2.
    pub fn is_empty(&self) -> bool {
        false
    }

    /// Number of bins of a spectrum, `N/2 + 1`.
    pub fn bins(&self) -> usize {
        self.half + 1
    }

    /// The spectrum of `input` (`N` samples) into `out` (`N/2 + 1` bins).
    pub fn forward(&mut self, input: &[f32], out: &mut [Complex32]) {
        let h = self.half;
        assert_eq!((input.len(), out.len()), (2 * h, h + 1), "real FFT sizes");
        for (z, pair) in self.packed.iter_mut().zip(input.chunks_exact(2)) {
            *z = Complex32::new(pair[0], pair[1]);
        }
        self.forward
            .process_with_scratch(&mut self.packed, &mut self.scratch);
        let z = &self.packed;
        mirror(z, &mut self.mirrored);
        // X[k] = ½(Z[k] + conj Z[h-k]) - ½i·W^k·(Z[k] - conj Z[h-k]); X[0], X[h] from Z[0].
        out[0] = Complex32::new(z[0].re + z[0].im, 0.0);
        out[h] = Complex32::new(z[0].re - z[0].im, 0.0);
        for (((x, &a), &b), &w) in out[1..h]
            .iter_mut()
            .zip(&z[1..])
            .zip(&self.mirrored[1..])
            .zip(&self.twiddles[1..])
        {
            let (sum, t) = (a + b, w * (a - b));
            *x = Complex32::new(0.5 * (sum.re + t.im), 0.5 * (sum.im - t.re));
        }
    }

    /// The signal (`N` samples, times `N`) of `spectrum` (`N/2 + 1` bins; the imaginary
    /// parts of the first and last bins are ignored) into `out`.
    pub fn inverse(&mut self, spectrum: &[Complex32], out: &mut [f32]) {
        let h = self.half;
        assert_eq!(
            (spectrum.len(), out.len()),
            (h + 1, 2 * h),
            "real FFT sizes"
        );
        mirror(&spectrum[..h + 1], &mut self.mirrored);
        // Z[k] = E + i·O with E = X[k] + conj X[h-k], O = (X[k] - conj X[h-k])·W^-k.
        let (first, last) = (spectrum[0].re, spectrum[h].re);
        self.packed[0] = Complex32::new(first + last, first - last);
        for (((z, &a), &b), &w) in self.packed[1..]
            .iter_mut()
            .zip(&spectrum[1..h])
            .zip(&self.mirrored[1..])
            .zip(&self.twiddles[1..])
        {
            let (e, o) = (a + b, (a - b) * w.conj());
            *z = Complex32::new(e.re - o.im, e.im + o.re);
        }
        self.inverse
            .process_with_scratch(&mut self.packed, &mut self.scratch);
        for (pair, z) in out.chunks_exact_mut(2).zip(&self.packed) {
            pair[0] = z.re;
            pair[1] = z.im;
        }
    }
}

/// `mirrored[k] = conj(spectrum[h - k])` for `0 < k < h`, where `h` is
/// `mirrored.len()` (a reversed copy, which vectorises).
fn mirror(spectrum: &[Complex32], mirrored: &mut [Complex32]) {
    let h = mirrored.len();
    for (m, s) in mirrored[1..].iter_mut().zip(spectrum[1..h].iter().rev()) {
        *m = s.conj();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn signal(n: usize, seed: u32) -> Vec<f32> {
        let mut s = seed;
        (0..n)
            .map(|_| {
                s = s.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
                (s >> 8) as f32 / (1 << 24) as f32 - 0.5
            })
            .collect()
    }

    /// The plain DFT, in f64.
    fn dft(x: &[f32]) -> Vec<(f64, f64)> {
        let n = x.len();
        (0..=n / 2)
            .map(|k| {
                x.iter().enumerate().fold((0.0, 0.0), |(re, im), (t, &v)| {
                    let p = -2.0 * std::f64::consts::PI * (k * t) as f64 / n as f64;
                    (re + f64::from(v) * p.cos(), im + f64::from(v) * p.sin())
                })
            })
            .collect()
    }

    #[test]
    fn forward_matches_the_dft() {
        for n in [2, 4, 6, 16, 48, 256] {
            let x = signal(n, n as u32);
            let mut fft = RealFft::new(n);
            let mut out = vec![Complex32::default(); fft.bins()];
            fft.forward(&x, &mut out);
            for (k, (got, want)) in out.iter().zip(dft(&x)).enumerate() {
                let err = (f64::from(got.re) - want.0).hypot(f64::from(got.im) - want.1);
                assert!(err < 1e-4 * n as f64, "n {n} bin {k}: {got} vs {want:?}");
            }
        }
    }

    #[test]
    fn inverse_of_forward_is_n_times_the_signal() {
        for n in [2, 8, 1024] {
            let x = signal(n, 7);
            let mut fft = RealFft::new(n);
            let mut spectrum = vec![Complex32::default(); fft.bins()];
            fft.forward(&x, &mut spectrum);
            let mut back = vec![0.0; n];
            fft.inverse(&spectrum, &mut back);
            for (i, (&b, &a)) in back.iter().zip(&x).enumerate() {
                assert!((b / n as f32 - a).abs() < 1e-5, "n {n} sample {i}");
            }
        }
    }
}
