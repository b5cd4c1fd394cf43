//! Small realtime building blocks shared by the stages and the pipeline: time constants,
//! delay lines, gain ramps and block levels. Everything here allocates only in its
//! constructor.

use crate::audio::Planar;

/// Coefficient of a one-pole smoother with time constant `time_ms` at `sample_rate`
/// (`y += (1 - a) * (x - y)`). A zero time gives 0 (no smoothing).
pub fn one_pole_coeff(time_ms: f64, sample_rate: f64) -> f64 {
    let samples = time_ms * 1e-3 * sample_rate;
    if samples <= 0.0 {
        0.0
    } else {
        (-1.0 / samples).exp()
    }
}

/// `log2(10)`: dB of amplitude to powers of two (`gain = 2^(dB * LOG2_10 / 20)`).
const LOG2_10: f32 = std::f32::consts::LOG2_10;
/// `20 * log10(2)`: from `log2` of an amplitude to dB.
pub const DB_PER_OCTAVE: f32 = 6.020_6;

/// `2^x` in f32 without a libm call: split into an integer power (built in the exponent
/// bits) and a remainder in [-0.5, 0.5] evaluated by its degree-6 Taylor polynomial.
/// Rounding and the exponent come from the float bit pattern (adding `1.5 * 2^23` leaves
/// `round(x)` in the low mantissa bits) rather than float-to-int casts, which Rust
/// saturates and which would keep loops over slices from vectorising. Relative error
/// below 3e-7 (about 3e-6 dB); `x` is clamped to [-126, 126], so the result is always a
/// normal number. NaN in, NaN out.
#[inline(always)]
pub fn fast_exp2(x: f32) -> f32 {
    const MAGIC: f32 = 12_582_912.0; // 1.5 * 2^23
    let x = x.clamp(-126.0, 126.0);
    let t = x + MAGIC;
    let n = t - MAGIC;
    let f = x - n;
    const C: [f32; 6] = [
        std::f32::consts::LN_2,
        0.240_226_5,
        0.055_504_11,
        0.009_618_129,
        0.001_333_355_8,
        0.000_154_035_3,
    ];
    let p = 1.0 + f * (C[0] + f * (C[1] + f * (C[2] + f * (C[3] + f * (C[4] + f * C[5])))));
    // t's bits are MAGIC's plus round(x) (two's complement in the low bits).
    let int = t.to_bits().wrapping_sub(MAGIC.to_bits());
    f32::from_bits(int.wrapping_add(127) << 23) * p
}

/// `log2(x)` in f32 for positive `x` without a libm call: exponent bits plus
/// `2 atanh(s) / ln 2` of the mantissa, reduced to [sqrt(1/2), sqrt(2)) with integer
/// operations only so the series converges fast (to `s^7`, no branch, no float-to-int
/// cast: loops over slices vectorise). Absolute error within a few f32 ulps of the
/// result (below 2.5e-6 for 1e-9..1e3); zero, negative, subnormal and NaN inputs give
/// -126 (the smallest normal number), +inf gives 128.
#[inline(always)]
pub fn fast_log2(x: f32) -> f32 {
    // `x > MIN_POSITIVE` is false for NaN too: a plain select, unlike `f32::max`.
    let x = if x > f32::MIN_POSITIVE {
        x
    } else {
        f32::MIN_POSITIVE
    };
    const SQRT_HALF_BITS: i32 = 0x3f35_04f3;
    let bits = x.to_bits() as i32;
    // Exponent of x relative to sqrt(1/2): the mantissa m = x / 2^e is in
    // [sqrt(1/2), sqrt(2)).
    let e = (bits - SQRT_HALF_BITS) >> 23;
    let m = f32::from_bits((bits - (e << 23)) as u32);
    let s = (m - 1.0) / (m + 1.0);
    let s2 = s * s;
    let series = s * (1.0 + s2 * (1.0 / 3.0 + s2 * (0.2 + s2 * (1.0 / 7.0))));
    e as f32 + series * (2.0 / std::f32::consts::LN_2)
}

/// Amplitude to dB (`20 log10 x`) with [`fast_log2`]; at most about -759 dB for 0.
#[inline]
pub fn fast_amp_to_db(x: f32) -> f32 {
    fast_log2(x) * DB_PER_OCTAVE
}

/// Power to dB (`10 log10 x`) with [`fast_log2`].
#[inline]
pub fn fast_power_to_db(x: f32) -> f32 {
    fast_log2(x) * (0.5 * DB_PER_OCTAVE)
}

/// dB to an amplitude gain (`10^(dB / 20)`) with [`fast_exp2`].
#[inline]
pub fn fast_db_to_amp(db: f32) -> f32 {
    fast_exp2(db * (LOG2_10 / 20.0))
}

/// `tanh(x)` from [`fast_exp2`]: `1 - 2 / (e^(2x) + 1)`, odd, saturating at ±1,
/// absolute error below 1e-6.
#[inline]
pub fn fast_tanh(x: f32) -> f32 {
    let a = x.abs().min(20.0);
    let e = fast_exp2(a * (2.0 * std::f32::consts::LOG2_E));
    let t = 1.0 - 2.0 / (e + 1.0);
    t.copysign(x)
}

/// Milliseconds to a whole number of frames (rounded).
pub fn ms_to_frames(ms: f64, sample_rate: u32) -> usize {
    (ms * 1e-3 * f64::from(sample_rate)).round().max(0.0) as usize
}

/// A fixed delay of `len` frames per channel (ring buffers sized once).
#[derive(Debug, Clone)]
pub struct DelayLine {
    bufs: Vec<Vec<f32>>,
    pos: usize,
}

impl DelayLine {
    /// A silent delay of `len` frames for `channels` channels.
    pub fn new(channels: usize, len: usize) -> Self {
        Self {
            bufs: vec![vec![0.0; len]; channels],
            pos: 0,
        }
    }

    /// Delay in frames.
    pub fn len(&self) -> usize {
        self.bufs.first().map_or(0, Vec::len)
    }

    /// True for a zero-length delay.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Push one sample of channel `ch` and return the one `len` frames older. Call for
    /// every channel of a frame, then [`DelayLine::advance`].
    #[inline]
    pub fn swap(&mut self, ch: usize, x: f32) -> f32 {
        let buf = &mut self.bufs[ch];
        if buf.is_empty() {
            return x;
        }
        std::mem::replace(&mut buf[self.pos], x)
    }

    /// Move to the next frame.
    #[inline]
    pub fn advance(&mut self) {
        let len = self.len();
        if len > 0 {
            self.pos += 1;
            if self.pos == len {
                self.pos = 0;
            }
        }
    }

    /// Delay a whole block in place.
    pub fn process(&mut self, audio: &mut Planar) {
        if self.is_empty() {
            return;
        }
        let len = self.len();
        let n = audio.len();
        for (buf, io) in self.bufs.iter_mut().zip(audio.channels_mut()) {
            // The ring and the block trade places chunk by chunk: what leaves the ring
            // is the output, what enters it is the input.
            let mut done = 0;
            let mut pos = self.pos;
            while done < n {
                let chunk = (n - done).min(len - pos);
                io[done..done + chunk].swap_with_slice(&mut buf[pos..pos + chunk]);
                done += chunk;
                pos = (pos + chunk) % len;
            }
        }
        self.pos = (self.pos + n) % len;
    }

    /// Silence the delay.
    pub fn reset(&mut self) {
        for b in &mut self.bufs {
            b.fill(0.0);
        }
        self.pos = 0;
    }
}

/// A linear gain that glides to a new target over a fixed number of frames, sample by
/// sample, so changes never click and never depend on block boundaries.
#[derive(Debug, Clone, Copy)]
pub struct GainRamp {
    current: f32,
    target: f32,
    step: f32,
    remaining: usize,
    ramp_frames: usize,
}

impl GainRamp {
    /// A gain of `gain` (linear) gliding over `ramp_frames` on change.
    pub fn new(gain: f32, ramp_frames: usize) -> Self {
        Self {
            current: gain,
            target: gain,
            step: 0.0,
            remaining: 0,
            ramp_frames: ramp_frames.max(1),
        }
    }

    /// Glide to `gain` (linear).
    pub fn set_target(&mut self, gain: f32) {
        if gain == self.target {
            return;
        }
        self.target = gain;
        self.remaining = self.ramp_frames;
        self.step = (self.target - self.current) / self.ramp_frames as f32;
    }

    /// Jump to `gain` at once.
    pub fn set_now(&mut self, gain: f32) {
        self.current = gain;
        self.target = gain;
        self.remaining = 0;
    }

    /// True when the gain is exactly 1 and not moving: the block can be skipped.
    pub fn is_unity(&self) -> bool {
        self.remaining == 0 && self.current == 1.0
    }

    /// The gain for the next frame.
    #[inline]
    pub fn next_gain(&mut self) -> f32 {
        if self.remaining > 0 {
            self.remaining -= 1;
            self.current = if self.remaining == 0 {
                self.target
            } else {
                self.current + self.step
            };
        }
        self.current
    }

    /// Write the gains of the next `out.len()` frames.
    pub fn fill(&mut self, out: &mut [f32]) {
        if self.remaining == 0 {
            out.fill(self.current);
        } else {
            for g in out {
                *g = self.next_gain();
            }
        }
    }

    /// Apply to a block in place.
    pub fn apply(&mut self, audio: &mut Planar) {
        if self.is_unity() {
            return;
        }
        if self.remaining == 0 {
            let g = self.current;
            for ch in audio.channels_mut() {
                for s in ch {
                    *s *= g;
                }
            }
            return;
        }
        let n = audio.len();
        for i in 0..n {
            let g = self.next_gain();
            for ch in audio.channels_mut() {
                ch[i] *= g;
            }
        }
    }
}

/// Multiply every channel of a block by a per-frame gain (`gains.len()` = the block's
/// length).
pub fn apply_gains(audio: &mut Planar, gains: &[f32]) {
    for ch in audio.channels_mut() {
        for (x, g) in ch.iter_mut().zip(gains) {
            *x *= g;
        }
    }
}

/// Sum of squares and sample count of a block over all channels.
pub fn energy(audio: &Planar) -> (f64, usize) {
    let mut sum = 0.0f64;
    for ch in 0..audio.channels() {
        // Eight partial sums so the loop vectorises.
        let samples = audio.channel(ch);
        let chunks = samples.chunks_exact(8);
        let rest = chunks.remainder();
        let mut acc = [0.0f32; 8];
        for c in chunks {
            for k in 0..8 {
                acc[k] += c[k] * c[k];
            }
        }
        let mut s32: f32 = acc.iter().sum();
        for &s in rest {
            s32 += s * s;
        }
        sum += f64::from(s32);
    }
    (sum, audio.len() * audio.channels())
}

/// RMS level in dBFS from a sum of squares over `n` samples; `None` for silence (RMS
/// below 1e-10) or no samples.
pub fn energy_db(sum: f64, n: usize) -> Option<f64> {
    if n == 0 {
        return None;
    }
    let rms = (sum / n as f64).sqrt();
    (rms >= 1e-10).then(|| 20.0 * rms.log10())
}

/// RMS level of a block in dBFS over all channels; `None` for silence (RMS below 1e-10)
/// or an empty block.
pub fn rms_db(audio: &Planar) -> Option<f64> {
    let (sum, n) = energy(audio);
    energy_db(sum, n)
}

/// Sum of `v` in f32 over eight interleaved partial sums, so the loop vectorises (a
/// plain fold cannot be reordered by the compiler) and is more accurate than a serial
/// sum.
pub fn sum_f32(v: &[f32]) -> f32 {
    let chunks = v.chunks_exact(8);
    let rest = chunks.remainder();
    let mut acc = [0.0f32; 8];
    for c in chunks {
        for k in 0..8 {
            acc[k] += c[k];
        }
    }
    let lanes = ((acc[0] + acc[4]) + (acc[1] + acc[5])) + ((acc[2] + acc[6]) + (acc[3] + acc[7]));
    lanes + rest.iter().sum::<f32>()
}

/// Dot product in f32 over interleaved partial sums (vectorises), the lanes added in
/// f64: 32 partial sums (four independent vector chains, so the additions overlap
/// instead of waiting on each other), folded to 8 that also take the rest.
pub fn dot(a: &[f32], b: &[f32]) -> f64 {
    let mut wide = [0.0f32; 32];
    let (ca, cb) = (a.chunks_exact(32), b.chunks_exact(32));
    let (ra, rb) = (ca.remainder(), cb.remainder());
    for (x, y) in ca.zip(cb) {
        for k in 0..32 {
            wide[k] += x[k] * y[k];
        }
    }
    let mut acc = [0.0f32; 8];
    for k in 0..8 {
        acc[k] = (wide[k] + wide[k + 8]) + (wide[k + 16] + wide[k + 24]);
    }
    let (ca, cb) = (ra.chunks_exact(8), rb.chunks_exact(8));
    let tail: f32 = ca
        .remainder()
        .iter()
        .zip(cb.remainder())
        .map(|(x, y)| x * y)
        .sum();
    for (x, y) in ca.zip(cb) {
        for k in 0..8 {
            acc[k] += x[k] * y[k];
        }
    }
    acc.iter().map(|&v| f64::from(v)).sum::<f64>() + f64::from(tail)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delay_line_delays() {
        let mut d = DelayLine::new(1, 3);
        let out: Vec<f32> = (1..=6)
            .map(|x| {
                let y = d.swap(0, x as f32);
                d.advance();
                y
            })
            .collect();
        assert_eq!(out, vec![0.0, 0.0, 0.0, 1.0, 2.0, 3.0]);
    }

    #[test]
    fn delay_line_blocks_match_sample_by_sample() {
        let input: Vec<f32> = (1..=50).map(|x| x as f32).collect();
        for (len, block) in [(3, 1), (3, 7), (5, 2), (7, 7), (4, 16), (1, 5)] {
            let mut d = DelayLine::new(2, len);
            let mut out = Vec::new();
            for chunk in input.chunks(block) {
                let mut b = Planar::new(2, block);
                b.set_len(chunk.len());
                b.channel_mut(0).copy_from_slice(chunk);
                b.channel_mut(1).copy_from_slice(chunk);
                d.process(&mut b);
                assert_eq!(b.channel(0), b.channel(1));
                out.extend_from_slice(b.channel(0));
            }
            let want: Vec<f32> = std::iter::repeat_n(0.0, len)
                .chain(input.iter().copied())
                .take(input.len())
                .collect();
            assert_eq!(out, want, "delay {len}, blocks of {block}");
        }
    }

    #[test]
    fn dot_matches_a_plain_sum() {
        for n in [0, 1, 7, 8, 19, 480] {
            let a: Vec<f32> = (0..n).map(|i| (i % 13) as f32 - 6.0).collect();
            let b: Vec<f32> = (0..n).map(|i| (i % 5) as f32 * 0.5).collect();
            let want: f64 = a.iter().zip(&b).map(|(x, y)| f64::from(x * y)).sum();
            assert_eq!(dot(&a, &b), want, "n = {n}");
        }
    }

    #[test]
    fn ramp_reaches_target() {
        let mut r = GainRamp::new(1.0, 4);
        r.set_target(0.0);
        let v: Vec<f32> = (0..6).map(|_| r.next_gain()).collect();
        assert_eq!(v, vec![0.75, 0.5, 0.25, 0.0, 0.0, 0.0]);
    }

    #[test]
    fn fast_math_matches_libm() {
        let mut worst = [0.0f64; 4];
        for i in 0..200_000 {
            let t = i as f64 / 200_000.0;
            // exp2 over [-40, 40], relative error.
            let x = (-40.0 + 80.0 * t) as f32;
            let want = 2f64.powf(f64::from(x));
            worst[0] = worst[0].max((f64::from(fast_exp2(x)) - want).abs() / want);
            // log2 over 1e-9 .. 1e3, absolute error.
            let y = 10f64.powf(-9.0 + 12.0 * t) as f32;
            worst[1] = worst[1].max((f64::from(fast_log2(y)) - f64::from(y).log2()).abs());
            // tanh over [-6, 6], absolute error.
            let z = (-6.0 + 12.0 * t) as f32;
            worst[2] = worst[2].max((f64::from(fast_tanh(z)) - f64::from(z).tanh()).abs());
            // dB round trip.
            let db = (-120.0 + 160.0 * t) as f32;
            worst[3] = worst[3].max(f64::from((fast_amp_to_db(fast_db_to_amp(db)) - db).abs()));
        }
        assert!(worst[0] < 3e-7, "exp2 relative error {}", worst[0]);
        assert_eq!(fast_exp2(-1000.0), 2f32.powi(-126));
        assert_eq!(fast_exp2(1000.0), 2f32.powi(126));
        assert!(fast_exp2(f32::NAN).is_nan());
        // Absolute error within a few ulps of the result, like fast_log2: below 2.5e-6
        // for 1e-9..1e3, and below 1e-6 + 1e-7 |log2 x| from 1e-37 to 1e37.
        for i in 0..200_000 {
            let y = 10f64.powf(-37.0 + 74.0 * i as f64 / 200_000.0) as f32;
            let want = f64::from(y).log2();
            let err = (f64::from(fast_log2(y)) - want).abs();
            let allowed = if (1e-9..=1e3).contains(&y) {
                2.5e-6
            } else {
                1e-6 + 1e-7 * want.abs()
            };
            assert!(err < allowed, "log2({y}) error {err}");
        }
        for bad in [0.0, -1.0, f32::NAN, 1e-40] {
            assert_eq!(fast_log2(bad), -126.0, "log2({bad})");
        }
        assert!(worst[1] < 2.5e-6, "log2 error {}", worst[1]);
        assert!(worst[2] < 1e-6, "tanh error {}", worst[2]);
        assert!(worst[3] < 1e-4, "dB round trip error {}", worst[3]);
        assert_eq!(fast_tanh(0.0), 0.0);
        assert_eq!(fast_tanh(100.0), 1.0);
        assert_eq!(fast_tanh(-100.0), -1.0);
        assert!(fast_log2(0.0).is_finite() && fast_log2(-1.0) == fast_log2(0.0));
        assert!(fast_power_to_db(1.0).abs() < 1e-6);
        assert!(fast_db_to_amp(-1000.0) > 0.0);
    }
}
