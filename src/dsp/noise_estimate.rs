//! Noise power spectrum tracking by minima-controlled recursive averaging (MCRA; I. Cohen
//! and B. Berdugo, "Noise estimation by minima controlled recursive averaging for robust
//! speech enhancement", IEEE Signal Processing Letters 9(1), 2002), shared by the
//! spectral stages.
//!
//! Per bin: the power is smoothed in time (and over three neighbouring bins), its minimum
//! is tracked over a window of about 1.5 s (two interleaved sub-windows, so the minimum
//! can rise again when the noise gets louder), the ratio of smoothed power to minimum
//! gives a speech-presence indicator, itself smoothed into a probability, and the noise
//! estimate is a recursive average whose update stops where speech is present (and
//! whose input is clipped at delta times the estimate, so a sudden onset cannot leak in
//! before the presence probability has risen). Unlike
//! the Python profile, which only learned on frames quieter than 1.5x the profile and
//! never recovered from a loud start, it follows rising and falling noise and needs no
//! noise-only lead-in.
//!
//! All time constants are given per second of audio and converted to the frame rate, so
//! the behaviour does not depend on the FFT size or the sample rate.

/// One channel's noise estimate over `bins` frequency bins.
#[derive(Debug, Clone)]
pub struct NoiseEstimate {
    smoothed: Vec<f32>,
    min: Vec<f32>,
    tmp_min: Vec<f32>,
    presence: Vec<f32>,
    noise: Vec<f32>,
    frames_in_window: usize,
    window_frames: usize,
    frame_count: u64,
    alpha_s: f32,
    alpha_p: f32,
    alpha_d: f32,
    delta: f32,
    floor: f32,
}

/// The per-frame constants of one MCRA step.
#[derive(Debug, Clone, Copy)]
struct StepConsts {
    alpha_s: f32,
    alpha_p: f32,
    alpha_d: f32,
    delta: f32,
    floor: f32,
}

impl StepConsts {
    /// One bin's MCRA step after the first frame: frequency-smoothed power `sf` and raw
    /// power `p` in; new smoothed power, minimum, running minimum, presence probability
    /// and noise estimate out. Branch-free (selects only), so loops over it vectorise.
    #[inline(always)]
    #[allow(clippy::too_many_arguments)]
    fn step(
        self,
        sf: f32,
        p: f32,
        smoothed: f32,
        min: f32,
        tmp_min: f32,
        presence: f32,
        noise: f32,
    ) -> (f32, f32, f32, f32, f32) {
        // Plain compare-and-select instead of `f32::min`/`max` (which add NaN fix-ups
        // to every lane): the same results for every non-NaN value.
        let s = self.alpha_s * smoothed + (1.0 - self.alpha_s) * sf;
        // Decays (silence; presence in long pauses) are cut at 1e-30, far below any
        // value that changes a decision (the presence test uses at least 1e-20):
        // otherwise they would end in subnormal numbers, where every operation is a
        // slow microcode assist, and stay there (0.6 times the smallest subnormal
        // rounds back up to it).
        let s = if s > 1e-30 { s } else { 0.0 };
        let min = if s < min { s } else { min };
        let tmp_min = if s < tmp_min { s } else { tmp_min };
        let min_pos = if min > 1e-20 { min } else { 1e-20 };
        let speech = if s > self.delta * min_pos { 1.0 } else { 0.0 };
        let presence = self.alpha_p * presence + (1.0 - self.alpha_p) * speech;
        let presence = if presence > 1e-30 { presence } else { 0.0 };
        let a = self.alpha_d + (1.0 - self.alpha_d) * presence;
        // Clip outliers (onsets before the presence probability has risen) at delta
        // times the estimate: costs under 2 % bias on noise-only bins.
        let clip = self.delta * noise;
        let x = if p < clip { p } else { clip };
        // Never below the floor; NaN-safe (the comparison is false for NaN), so a NaN
        // estimate becomes the floor too.
        let noise = a * noise + (1.0 - a) * x;
        let noise = if noise > self.floor {
            noise
        } else {
            self.floor
        };
        (s, min, tmp_min, presence, noise)
    }
}

/// Reference frame period for the MCRA constants (16 ms hop, as in the paper).
const REF_HOP_S: f64 = 0.016;

impl NoiseEstimate {
    /// A tracker for `bins` bins at `frames_per_second` frames per second.
    ///
    /// `update_rate` is the share of a noise-only frame taken into the estimate per
    /// 10 ms (0.01 to 1); `presence_ratio` is the smoothed-power-to-minimum power ratio
    /// above which a bin counts as speech (MCRA's delta, 5 in the paper); `floor` is the
    /// smallest noise power reported.
    pub fn new(
        bins: usize,
        frames_per_second: f64,
        update_rate: f64,
        presence_ratio: f64,
        floor: f32,
    ) -> Self {
        let hop_s = 1.0 / frames_per_second;
        let per_frame = |alpha_ref: f64, ref_s: f64| alpha_ref.powf(hop_s / ref_s) as f32;
        // Two sub-windows of 0.75 s each: the minimum covers 0.75 to 1.5 s.
        let window_frames = ((0.75 * frames_per_second).round() as usize).max(1);
        let mut e = Self {
            smoothed: vec![0.0; bins],
            min: vec![0.0; bins],
            tmp_min: vec![0.0; bins],
            presence: vec![0.0; bins],
            noise: vec![0.0; bins],
            frames_in_window: 0,
            window_frames,
            frame_count: 0,
            alpha_s: per_frame(0.8, REF_HOP_S),
            alpha_p: per_frame(0.2, REF_HOP_S),
            alpha_d: 0.0,
            delta: presence_ratio as f32,
            floor,
        };
        e.set_rates(frames_per_second, update_rate, presence_ratio, floor);
        e
    }

    /// Change the update rate, presence ratio and floor in place, keeping the estimate.
    pub fn set_rates(
        &mut self,
        frames_per_second: f64,
        update_rate: f64,
        presence_ratio: f64,
        floor: f32,
    ) {
        let hop_s = 1.0 / frames_per_second;
        let keep_per_10ms = (1.0 - update_rate).clamp(0.0, 1.0);
        self.alpha_d = keep_per_10ms.powf(hop_s / 0.010) as f32;
        self.delta = presence_ratio as f32;
        self.floor = floor;
    }

    /// Forget everything.
    pub fn reset(&mut self) {
        self.frame_count = 0;
        self.frames_in_window = 0;
        for v in [
            &mut self.smoothed,
            &mut self.min,
            &mut self.tmp_min,
            &mut self.presence,
            &mut self.noise,
        ] {
            v.fill(0.0);
        }
    }

    /// Feed one frame's power spectrum `|X|²`.
    pub fn update(&mut self, power: &[f32]) {
        let n = power.len().min(self.noise.len());
        if n == 0 {
            return;
        }
        let first = self.frame_count == 0;
        self.frame_count += 1;
        let power = &power[..n];
        if first {
            for k in 0..n {
                let sf = Self::freq_smoothed(power, k);
                self.smoothed[k] = sf;
                self.min[k] = sf;
                self.tmp_min[k] = sf;
                // NaN-safe (`max` returns the other operand): a NaN becomes the floor.
                self.noise[k] = power[k].max(self.floor);
            }
            return;
        }
        // The edge bins (one neighbour missing) one at a time, the rest in a loop over
        // equal-length slices with no branch, which LLVM vectorises.
        self.update_bin(0, Self::freq_smoothed(power, 0), power[0]);
        if n > 1 {
            self.update_bin(n - 1, Self::freq_smoothed(power, n - 1), power[n - 1]);
        }
        if n > 2 {
            let c = self.consts();
            let m = n - 2;
            let (lo, mid, hi) = (&power[..m], &power[1..m + 1], &power[2..m + 2]);
            let smoothed = &mut self.smoothed[1..m + 1];
            let min = &mut self.min[1..m + 1];
            let tmp_min = &mut self.tmp_min[1..m + 1];
            let presence = &mut self.presence[1..m + 1];
            let noise = &mut self.noise[1..m + 1];
            for k in 0..m {
                let sf = 0.25 * lo[k] + 0.5 * mid[k] + 0.25 * hi[k];
                (smoothed[k], min[k], tmp_min[k], presence[k], noise[k]) = c.step(
                    sf,
                    mid[k],
                    smoothed[k],
                    min[k],
                    tmp_min[k],
                    presence[k],
                    noise[k],
                );
            }
        }
        self.frames_in_window += 1;
        if self.frames_in_window >= self.window_frames {
            self.frames_in_window = 0;
            for k in 0..n {
                self.min[k] = self.tmp_min[k].min(self.smoothed[k]);
                self.tmp_min[k] = self.smoothed[k];
            }
        }
    }

    /// Three-bin frequency smoothing (b = 0.25, 0.5, 0.25), edges repeated.
    #[inline]
    fn freq_smoothed(power: &[f32], k: usize) -> f32 {
        let n = power.len();
        let lo = power[k.saturating_sub(1)];
        let hi = power[(k + 1).min(n - 1)];
        0.25 * lo + 0.5 * power[k] + 0.25 * hi
    }

    fn consts(&self) -> StepConsts {
        StepConsts {
            alpha_s: self.alpha_s,
            alpha_p: self.alpha_p,
            alpha_d: self.alpha_d,
            delta: self.delta,
            floor: self.floor,
        }
    }

    fn update_bin(&mut self, k: usize, sf: f32, p: f32) {
        (
            self.smoothed[k],
            self.min[k],
            self.tmp_min[k],
            self.presence[k],
            self.noise[k],
        ) = self.consts().step(
            sf,
            p,
            self.smoothed[k],
            self.min[k],
            self.tmp_min[k],
            self.presence[k],
            self.noise[k],
        );
    }

    /// The current noise power per bin.
    pub fn noise(&self) -> &[f32] {
        &self.noise
    }

    /// Speech presence probability per bin (0..=1).
    pub fn presence(&self) -> &[f32] {
        &self.presence
    }

    /// Frames seen since the last reset.
    pub fn frames(&self) -> u64 {
        self.frame_count
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converges_to_stationary_noise_and_ignores_bursts() {
        // Frames of "noise" power 1.0 per bin with a loud burst every other half second.
        let fps = 100.0;
        let mut e = NoiseEstimate::new(32, fps, 0.1, 5.0, 1e-12);
        let mut seed = 12345u32;
        for f in 0..600 {
            let burst = (f / 50) % 2 == 1 && (f % 50) < 30;
            let power: Vec<f32> = (0..32)
                .map(|k| {
                    seed = seed.wrapping_mul(1664525).wrapping_add(1013904223);
                    // Exponentially distributed periodogram of unit mean.
                    let u = (seed >> 8) as f32 / (1u32 << 24) as f32;
                    let p = -(1.0 - u).max(1e-7).ln();
                    if burst && k > 4 && k < 20 {
                        p + 100.0
                    } else {
                        p
                    }
                })
                .collect();
            e.update(&power);
        }
        let mean: f32 = e.noise()[5..20].iter().sum::<f32>() / 15.0;
        assert!(mean > 0.3 && mean < 3.0, "noise estimate {mean}");
    }
}
