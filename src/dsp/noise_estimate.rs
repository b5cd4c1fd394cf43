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
        let first = self.frame_count == 0;
        self.frame_count += 1;
        for k in 0..n {
            // Three-bin frequency smoothing (b = 0.25, 0.5, 0.25).
            let lo = power[k.saturating_sub(1)];
            let hi = power[(k + 1).min(n - 1)];
            let sf = 0.25 * lo + 0.5 * power[k] + 0.25 * hi;
            if first {
                self.smoothed[k] = sf;
                self.min[k] = sf;
                self.tmp_min[k] = sf;
                self.noise[k] = power[k];
                continue;
            }
            let s = self.alpha_s * self.smoothed[k] + (1.0 - self.alpha_s) * sf;
            self.smoothed[k] = s;
            self.min[k] = self.min[k].min(s);
            self.tmp_min[k] = self.tmp_min[k].min(s);
            let speech = if s > self.delta * self.min[k].max(1e-20) {
                1.0
            } else {
                0.0
            };
            let p = self.alpha_p * self.presence[k] + (1.0 - self.alpha_p) * speech;
            self.presence[k] = p;
            let a = self.alpha_d + (1.0 - self.alpha_d) * p;
            // Clip outliers (onsets before the presence probability has risen) at
            // delta times the estimate: costs under 2 % bias on noise-only bins.
            let x = power[k].min(self.delta * self.noise[k]);
            self.noise[k] = a * self.noise[k] + (1.0 - a) * x;
        }
        if !first {
            self.frames_in_window += 1;
            if self.frames_in_window >= self.window_frames {
                self.frames_in_window = 0;
                for k in 0..n {
                    self.min[k] = self.tmp_min[k].min(self.smoothed[k]);
                    self.tmp_min[k] = self.smoothed[k];
                }
            }
        }
        for v in &mut self.noise[..n] {
            // NaN-safe: a NaN estimate becomes the floor too.
            *v = if v.is_nan() {
                self.floor
            } else {
                v.max(self.floor)
            };
        }
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
