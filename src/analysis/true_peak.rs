//! True peak per ITU-R BS.1770-4 Annex 2: the highest magnitude of the signal oversampled
//! 4x (below 96 kHz) or 2x (below 192 kHz) with a polyphase FIR, or the sample peak from
//! 192 kHz on.
//!
//! The interpolator is libebur128's (and the ebur128 crate's): a 48-tap Hann-windowed
//! sinc, so 12 taps per phase at 4x and 24 at 2x. Phase 0 of that filter is the input
//! itself (its only non-zero tap is 1 at the centre), so it is the sample peak, and only
//! the other phases are computed: 36 multiply-adds per sample at 4x instead of 48.
//!
//! Written for speed, with identical results:
//! - each channel is scanned on its own contiguous slice, eight outputs at a time with
//!   the taps in the inner loop, so the compiler keeps the accumulators in SIMD
//!   registers;
//! - a chunk of 256 samples is skipped when it cannot raise the peak: every output is at
//!   most `gain` (the largest sum of absolute taps of a phase) times the largest input
//!   magnitude under the filter, so a chunk whose inputs stay below `peak / gain` is
//!   left out exactly. Once the loudest passage has been seen, quieter audio costs only
//!   the sample-peak scan.

use crate::audio::decode::MAX_CHANNELS;

/// Taps of the prototype filter (libebur128's).
const TAPS: usize = 48;
/// Outputs computed together (the SIMD width the inner loop is shaped for).
const LANES: usize = 8;
/// Inputs per skip decision.
const CHUNK: usize = 256;

/// Polyphase FIR of `P` interpolated phases with `T` taps each.
#[derive(Debug, Clone)]
struct Phases<const T: usize, const P: usize> {
    /// Taps in correlation order: output `i` of phase `p` is
    /// `sum_k taps[p][k] * ext[i + k]`, where `ext` is the last `T - 1` inputs followed
    /// by the block.
    taps: [[f32; T]; P],
    /// Largest `sum_k |taps[p][k]|` over the phases (and at least 1, for phase 0).
    gain: f32,
}

impl<const T: usize, const P: usize> Phases<T, P> {
    /// The phases 1..=P of the 48-tap filter split `P + 1` ways.
    fn new() -> Self {
        let factor = P + 1;
        assert_eq!(T * factor, TAPS);
        let coeff = |j: usize| {
            // libebur128: Hann window over 48 taps and a sinc at the oversampled rate.
            let j = j as f64;
            let window = TAPS as f64;
            let w = 0.5 * (1.0 - (2.0 * std::f64::consts::PI * j / window).cos());
            let m = j - window / 2.0;
            let c = if m.abs() > 1e-6 {
                let x = m * std::f64::consts::PI / factor as f64;
                w * x.sin() / x
            } else {
                w
            };
            c as f32
        };
        let mut taps = [[0.0; T]; P];
        for (p, phase) in taps.iter_mut().enumerate() {
            for (k, tap) in phase.iter_mut().enumerate() {
                // Tap k of phase p+1 applies to the input k samples back; in correlation
                // order the newest input comes last.
                *tap = coeff((T - 1 - k) * factor + p + 1);
            }
        }
        let gain = taps
            .iter()
            .map(|t| t.iter().map(|c| c.abs()).sum::<f32>())
            .fold(1.0f32, f32::max)
            // Float rounding of the sums must never make the skip test unsafe.
            * 1.0001;
        Self { taps, gain }
    }

    /// Highest |output| of every phase for the inputs `ext[T - 1..]` (`ext` starts with
    /// the `T - 1` inputs before them).
    fn scan(&self, ext: &[f32]) -> f32 {
        let n = ext.len() + 1 - T;
        let mut top = [0.0f32; LANES];
        let whole = n - n % LANES;
        let mut i = 0;
        while i < whole {
            let mut acc = [[0.0f32; LANES]; P];
            for k in 0..T {
                let w: &[f32; LANES] = ext[i + k..i + k + LANES].try_into().expect("lanes");
                for (acc, taps) in acc.iter_mut().zip(&self.taps) {
                    let c = taps[k];
                    for l in 0..LANES {
                        acc[l] += c * w[l];
                    }
                }
            }
            for acc in &acc {
                for l in 0..LANES {
                    let a = acc[l].abs();
                    top[l] = if a > top[l] { a } else { top[l] };
                }
            }
            i += LANES;
        }
        let mut best = top.into_iter().fold(0.0f32, f32::max);
        for i in whole..n {
            for taps in &self.taps {
                let y: f32 = taps.iter().zip(&ext[i..i + T]).map(|(c, x)| c * x).sum();
                best = best.max(y.abs());
            }
        }
        best
    }
}

/// The interpolator for a sample rate.
#[derive(Debug, Clone)]
enum Interp {
    /// 4x: three phases of 12 taps.
    Four(Phases<12, 3>),
    /// 2x: one phase of 24 taps.
    Two(Phases<24, 1>),
    /// 192 kHz and above: the sample peak is the true peak.
    None,
}

impl Interp {
    fn history(&self) -> usize {
        match self {
            Self::Four(_) => 11,
            Self::Two(_) => 23,
            Self::None => 0,
        }
    }

    fn gain(&self) -> f32 {
        match self {
            Self::Four(p) => p.gain,
            Self::Two(p) => p.gain,
            Self::None => 1.0,
        }
    }

    fn scan(&self, ext: &[f32]) -> f32 {
        match self {
            Self::Four(p) => p.scan(ext),
            Self::Two(p) => p.scan(ext),
            Self::None => 0.0,
        }
    }
}

/// Streaming true-peak and sample-peak meter for up to 8 planar channels.
#[derive(Debug, Clone)]
pub struct TruePeakMeter {
    interp: Interp,
    channels: usize,
    /// Per channel: the last `history` inputs, then room for one block.
    ext: Vec<Vec<f32>>,
    /// Largest block [`TruePeakMeter::push`] takes without splitting.
    max_block: usize,
    true_peak: [f32; MAX_CHANNELS],
    sample_peak: [f32; MAX_CHANNELS],
}

impl TruePeakMeter {
    /// A meter for `channels` (1 to 8) at `sample_rate`; blocks of any length are taken,
    /// and nothing is allocated after this.
    pub fn new(sample_rate: u32, channels: usize) -> Self {
        let interp = if sample_rate < 96_000 {
            Interp::Four(Phases::new())
        } else if sample_rate < 192_000 {
            Interp::Two(Phases::new())
        } else {
            Interp::None
        };
        let max_block = 4096;
        let ext = vec![vec![0.0; interp.history() + max_block]; channels];
        Self {
            interp,
            channels,
            ext,
            max_block,
            true_peak: [0.0; MAX_CHANNELS],
            sample_peak: [0.0; MAX_CHANNELS],
        }
    }

    /// Feed one slice per channel, all of one length.
    pub fn push(&mut self, block: &[&[f32]]) {
        let len = block.first().map_or(0, |p| p.len());
        let mut at = 0;
        while at < len {
            let n = self.max_block.min(len - at);
            for (c, plane) in block.iter().enumerate().take(self.channels) {
                self.push_channel(c, &plane[at..at + n]);
            }
            at += n;
        }
    }

    fn push_channel(&mut self, c: usize, x: &[f32]) {
        let hist = self.interp.history();
        let gain = self.interp.gain();
        let ext = &mut self.ext[c];
        ext[hist..hist + x.len()].copy_from_slice(x);
        let ext_all = &ext[..hist + x.len()];
        let mut peak = self.true_peak[c].max(self.sample_peak[c]);
        let mut sample_peak = self.sample_peak[c];
        let mut start = 0;
        while start < x.len() {
            let n = CHUNK.min(x.len() - start);
            let window = &ext_all[start..start + hist + n];
            let own = super::kernels::peak(&window[hist..]);
            let top = own.max(super::kernels::peak(&window[..hist]));
            sample_peak = sample_peak.max(own);
            peak = peak.max(own);
            if top * gain > peak {
                peak = peak.max(self.interp.scan(window));
            }
            start += n;
        }
        self.sample_peak[c] = sample_peak;
        self.true_peak[c] = peak;
        // Keep the last `hist` inputs for the next block.
        let end = hist + x.len();
        ext.copy_within(end - hist..end, 0);
    }

    /// Highest true peak of channel `c` so far (linear; at least its sample peak).
    pub fn true_peak(&self, c: usize) -> f64 {
        f64::from(self.true_peak[c].max(self.sample_peak[c]))
    }

    /// Highest sample magnitude of channel `c` so far (linear).
    pub fn sample_peak(&self, c: usize) -> f64 {
        f64::from(self.sample_peak[c])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The straightforward polyphase interpolation of every phase (0 included), as
    /// libebur128 computes it, for comparison.
    fn reference(rate: u32, x: &[f32]) -> f32 {
        let factor = if rate < 96_000 {
            4
        } else if rate < 192_000 {
            2
        } else {
            return x.iter().fold(0.0, |m, v| m.max(v.abs()));
        };
        let taps = TAPS / factor;
        let h: Vec<f64> = (0..TAPS)
            .map(|j| {
                let j = j as f64;
                let w = 0.5 * (1.0 - (2.0 * std::f64::consts::PI * j / 48.0).cos());
                let m = j - 24.0;
                if m.abs() > 1e-6 {
                    let a = m * std::f64::consts::PI / factor as f64;
                    w * a.sin() / a
                } else {
                    w
                }
            })
            .collect();
        let mut best = 0.0f64;
        for n in 0..x.len() {
            for p in 0..factor {
                let mut y = 0.0;
                for k in 0..taps {
                    if n >= k {
                        y += h[k * factor + p] * f64::from(x[n - k]);
                    }
                }
                best = best.max(y.abs());
            }
        }
        best as f32
    }

    fn signal(n: usize, seed: u32) -> Vec<f32> {
        // A few tones and a noisy burst with level changes: peaks everywhere.
        let mut s = seed;
        (0..n)
            .map(|i| {
                s = s.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
                let noise = (s >> 8) as f32 / (1 << 24) as f32 - 0.5;
                let t = i as f32;
                let env = if (i / 700) % 3 == 0 { 0.9 } else { 0.2 };
                env * (0.5 * (t * 0.9).sin() + 0.3 * (t * 2.7 + 1.0).sin() + 0.4 * noise)
            })
            .collect()
    }

    #[test]
    fn equals_the_straightforward_interpolation_at_every_rate_and_block_size() {
        for rate in [8_000, 44_100, 48_000, 96_000, 176_400, 192_000] {
            let x = signal(5_003, rate);
            let want = reference(rate, &x);
            for block in [1, 7, 256, 1000, 5003] {
                let mut m = TruePeakMeter::new(rate, 1);
                for b in x.chunks(block) {
                    m.push(&[b]);
                }
                let got = m.true_peak(0) as f32;
                assert!(
                    (got - want).abs() <= 1e-6 * want,
                    "{rate} Hz, block {block}: {got} vs {want}"
                );
                let sp = x.iter().fold(0.0f32, |m, v| m.max(v.abs()));
                assert_eq!(m.sample_peak(0) as f32, sp);
            }
        }
    }

    #[test]
    fn skipping_quiet_chunks_never_misses_a_later_peak() {
        // Loud first, then quiet, then a short inter-sample peak above everything.
        let mut x: Vec<f32> = (0..4000).map(|i| 0.5 * (i as f32 * 0.3).sin()).collect();
        x.extend((0..4000).map(|i| 0.01 * (i as f32 * 0.5).sin()));
        // fs/4 at 45°: samples at ±0.6 * 0.7071, true peak 0.6.
        x.extend((0..64).map(|i| {
            0.6 * (std::f32::consts::FRAC_PI_2 * i as f32 + std::f32::consts::FRAC_PI_4).sin()
        }));
        x.extend(std::iter::repeat_n(0.0, 100));
        let mut m = TruePeakMeter::new(48_000, 1);
        m.push(&[&x]);
        let want = reference(48_000, &x);
        assert!((m.true_peak(0) as f32 - want).abs() < 1e-6, "{want}");
        assert!(want > 0.58, "{want}");
    }

    #[test]
    fn channels_are_independent() {
        let a = signal(3000, 1);
        let b: Vec<f32> = signal(3000, 2).iter().map(|v| v * 0.25).collect();
        let mut m = TruePeakMeter::new(44_100, 2);
        for (ca, cb) in a.chunks(500).zip(b.chunks(500)) {
            m.push(&[ca, cb]);
        }
        assert!((m.true_peak(0) as f32 - reference(44_100, &a)).abs() < 1e-6);
        assert!((m.true_peak(1) as f32 - reference(44_100, &b)).abs() < 1e-6);
    }
}
