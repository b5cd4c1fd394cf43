//! Signal quality: RMS, crest factor, DC offset, clipping, noise floor, SNR, dynamic
//! range, silence and speech ratios.
//!
//! Levels are plain (unweighted) RMS against full scale over all channels: a full-scale
//! sine reads -3.01 dBFS. The signal is cut into 50 ms windows whose RMS levels go into a
//! 0.1 dB histogram, so memory stays constant whatever the length; percentiles come from
//! that histogram:
//! - noise floor: the 10th percentile of window levels, digital silence (below
//!   -140 dBFS) left out;
//! - SNR: mean power of the windows more than 6 dB above the noise floor, over the noise
//!   floor (undefined when no window rises 6 dB above it, e.g. a steady tone or noise);
//! - dynamic range: loudest window over the noise floor;
//! - silence ratio: share of windows below -60 dBFS;
//! - speech ratio: share of windows more than 6 dB above the noise floor and above
//!   -60 dBFS whose energy lies mostly (>= 50%) in the 300-3400 Hz speech band (a
//!   band-pass of the channel mix) and whose zero-crossing rate is that of voice
//!   (below 0.35 per sample).
//!
//! A sample is clipped when its magnitude reaches the format's clip level: the largest
//! positive code for integer formats, 1.0 for float.

use serde::Serialize;

use super::kernels::{self, Biquad, BiquadState};
use crate::signal::biquad::{Coeffs, Shape};

/// Windows below this RMS level count as silence (dBFS).
pub const SILENCE_DBFS: f64 = -60.0;
/// Windows below this level are digital silence, ignored by the noise floor (dBFS).
const DIGITAL_SILENCE_DBFS: f64 = -140.0;
/// Length of an analysis window (s).
const WINDOW_S: f64 = 0.05;
/// Histogram range and resolution (dB).
const HIST_MIN: f64 = -160.0;
const HIST_MAX: f64 = 20.0;
const HIST_STEP: f64 = 0.1;
const HIST_BINS: usize = ((HIST_MAX - HIST_MIN) / HIST_STEP) as usize;

/// The quality results, `None` where undefined.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct QualityReport {
    /// RMS over all channels (dBFS; full-scale sine = -3.01).
    pub rms_dbfs: Option<f64>,
    /// Highest sample magnitude (dBFS).
    pub peak_dbfs: Option<f64>,
    /// Peak over RMS (dB).
    pub crest_factor_db: Option<f64>,
    /// Mean sample value over all channels (linear, full scale = 1).
    pub dc_offset: Option<f64>,
    /// Mean sample value per channel (linear).
    pub dc_offset_per_channel: Vec<Option<f64>>,
    /// Samples (over all channels) at or beyond the format's clip level.
    pub clipped_samples: u64,
    /// `clipped_samples` over the number of samples.
    pub clipped_ratio: Option<f64>,
    /// The clip level used (linear).
    pub clip_level: f64,
    /// 10th percentile of the 50 ms window levels (dBFS).
    pub noise_floor_dbfs: Option<f64>,
    /// Active signal over noise floor (dB).
    pub snr_db: Option<f64>,
    /// Loudest 50 ms window over the noise floor (dB).
    pub dynamic_range_db: Option<f64>,
    /// Share of 50 ms windows below -60 dBFS.
    pub silence_ratio: Option<f64>,
    /// Share of 50 ms windows that look like speech.
    pub speech_ratio: Option<f64>,
}

/// Streaming quality analyzer.
#[derive(Debug)]
pub struct QualityAnalyzer {
    channels: usize,
    clip_level: f32,
    samples: u64,
    sum_sq: f64,
    sum: Vec<f64>,
    peak: f32,
    clipped: u64,
    // Window state.
    win_len: usize,
    win_filled: usize,
    win_sq: f64,
    win_band_sq: f64,
    win_mix_sq: f64,
    win_zc: u32,
    last_sign: bool,
    max_window_db: f64,
    /// The speech band-pass (300 Hz high-pass, 3.4 kHz low-pass) and its state.
    hp: Biquad,
    lp: Biquad,
    band_state: [BiquadState; 2],
    /// The channel mix of the current segment (one window at most).
    mix: Vec<f32>,
    /// Window levels, and those of windows that look like speech.
    hist: Vec<u32>,
    speech_hist: Vec<u32>,
    windows: u64,
}

fn bin_of(db: f64) -> usize {
    (((db - HIST_MIN) / HIST_STEP).floor().max(0.0) as usize).min(HIST_BINS - 1)
}

fn db_of(bin: usize) -> f64 {
    HIST_MIN + (bin as f64 + 0.5) * HIST_STEP
}

fn pow_db(p: f64) -> Option<f64> {
    (p > 0.0 && p.is_finite()).then(|| 10.0 * p.log10())
}

impl QualityAnalyzer {
    /// An analyzer counting samples at or beyond `clip_level` as clipped.
    pub fn new(sample_rate: u32, channels: usize, clip_level: f32) -> Self {
        let rate = sample_rate as f64;
        let q = std::f64::consts::FRAC_1_SQRT_2;
        Self {
            channels,
            clip_level,
            samples: 0,
            sum_sq: 0.0,
            sum: vec![0.0; channels],
            peak: 0.0,
            clipped: 0,
            win_len: ((rate * WINDOW_S).round() as usize).max(1),
            win_filled: 0,
            win_sq: 0.0,
            win_band_sq: 0.0,
            win_mix_sq: 0.0,
            win_zc: 0,
            last_sign: false,
            max_window_db: f64::NEG_INFINITY,
            hp: Biquad::from_coeffs(&Coeffs::new(Shape::HighPass { q }, 300.0, rate)),
            lp: Biquad::from_coeffs(&Coeffs::new(Shape::LowPass { q }, 3400.0, rate)),
            band_state: Default::default(),
            mix: vec![0.0; ((rate * WINDOW_S).round() as usize).max(1)],
            hist: vec![0; HIST_BINS],
            speech_hist: vec![0; HIST_BINS],
            windows: 0,
        }
    }

    /// Feed one slice per channel, all of one length.
    pub fn push_planes(&mut self, block: &[&[f32]]) {
        let len = block.first().map_or(0, |p| p.len());
        let mut at = 0;
        while at < len {
            let n = (self.win_len - self.win_filled).min(len - at);
            self.push_segment(block, at, n);
            at += n;
            if self.win_filled == self.win_len {
                self.close_window();
            }
        }
        self.samples += (len * self.channels) as u64;
    }

    /// Frames `at..at + n` of the block, all inside the current 50 ms window.
    fn push_segment(&mut self, block: &[&[f32]], at: usize, n: usize) {
        // Per channel: sums, peak and clipping (vectorised).
        for (c, ch) in block.iter().enumerate() {
            let s = kernels::stats(&ch[at..at + n], self.clip_level);
            self.sum[c] += s.sum;
            self.win_sq += s.sum_sq;
            self.peak = self.peak.max(s.peak);
            self.clipped += s.clipped;
        }
        // The channel mix, its power and zero crossings (vectorised).
        let mix = &mut self.mix[..n];
        mix.copy_from_slice(&block[0][at..at + n]);
        for ch in &block[1..] {
            for (m, &x) in mix.iter_mut().zip(&ch[at..at + n]) {
                *m += x;
            }
        }
        if self.channels > 1 {
            let inv = 1.0 / self.channels as f32;
            mix.iter_mut().for_each(|m| *m *= inv);
        }
        let (mix_sq, _) = kernels::power_peak(mix);
        self.win_mix_sq += mix_sq;
        let first = (mix[0] >= 0.0) != self.last_sign;
        let crossings = mix
            .windows(2)
            .filter(|w| (w[0] >= 0.0) != (w[1] >= 0.0))
            .count();
        self.win_zc += u32::from(first) + crossings as u32;
        self.last_sign = mix[n - 1] >= 0.0;
        // The speech band: the only sequential loop.
        let [mut hs, mut ls] = self.band_state;
        let mut band_sq = 0.0;
        for &m in mix.iter() {
            let band = self.lp.run(&mut ls, self.hp.run(&mut hs, f64::from(m)));
            band_sq += band * band;
        }
        self.band_state = [hs, ls];
        self.win_band_sq += band_sq;
        self.win_filled += n;
    }

    fn close_window(&mut self) {
        self.band_state.iter_mut().for_each(BiquadState::flush_tiny);
        let n = self.win_filled as f64;
        let ms = self.win_sq / (n * self.channels as f64);
        let db = pow_db(ms).unwrap_or(HIST_MIN);
        let bin = bin_of(db);
        self.hist[bin] += 1;
        self.max_window_db = self.max_window_db.max(db);
        let zcr = self.win_zc as f64 / n;
        let band_share = if self.win_mix_sq > 0.0 {
            self.win_band_sq / self.win_mix_sq
        } else {
            0.0
        };
        if band_share >= 0.5 && zcr < 0.35 {
            self.speech_hist[bin] += 1;
        }
        self.windows += 1;
        self.sum_sq += self.win_sq;
        self.reset_window();
    }

    fn reset_window(&mut self) {
        self.win_filled = 0;
        self.win_sq = 0.0;
        self.win_band_sq = 0.0;
        self.win_mix_sq = 0.0;
        self.win_zc = 0;
    }

    /// Close a last partial window of at least 10 ms.
    pub fn flush(&mut self) {
        if self.win_filled * 5 >= self.win_len {
            self.close_window();
        } else {
            self.sum_sq += self.win_sq;
            self.reset_window();
        }
    }

    /// Everything measured so far.
    pub fn report(&self) -> QualityReport {
        let mut r = QualityReport {
            clipped_samples: self.clipped,
            clip_level: self.clip_level as f64,
            ..Default::default()
        };
        if self.samples == 0 {
            return r;
        }
        let frames = self.samples as f64 / self.channels as f64;
        // The windows closed so far and the current one.
        let ms = (self.sum_sq + self.win_sq) / self.samples as f64;
        r.rms_dbfs = pow_db(ms);
        r.peak_dbfs = pow_db((self.peak as f64) * (self.peak as f64));
        r.crest_factor_db = match (r.peak_dbfs, r.rms_dbfs) {
            (Some(p), Some(s)) => Some(p - s),
            _ => None,
        };
        r.dc_offset = Some(self.sum.iter().sum::<f64>() / self.samples as f64);
        r.dc_offset_per_channel = self.sum.iter().map(|s| Some(s / frames)).collect();
        r.clipped_ratio = Some(self.clipped as f64 / self.samples as f64);
        if self.windows == 0 {
            return r;
        }
        let total = self.windows as f64;
        let silent: u64 = self.hist[..bin_of(SILENCE_DBFS)]
            .iter()
            .map(|&c| c as u64)
            .sum();
        r.silence_ratio = Some(silent as f64 / total);

        let first = bin_of(DIGITAL_SILENCE_DBFS);
        let live: u64 = self.hist[first..].iter().map(|&c| c as u64).sum();
        if live == 0 {
            r.speech_ratio = Some(0.0);
            return r;
        }
        // 10th percentile of the non-silent window levels.
        let target = (live as f64 * 0.1).ceil().max(1.0) as u64;
        let mut acc = 0;
        let mut floor_bin = first;
        for (b, &c) in self.hist.iter().enumerate().skip(first) {
            acc += c as u64;
            if acc >= target {
                floor_bin = b;
                break;
            }
        }
        let floor = db_of(floor_bin);
        r.noise_floor_dbfs = Some(floor);
        r.dynamic_range_db = Some((self.max_window_db - floor).max(0.0));
        let active_from = bin_of(floor + 6.0) + 1;
        let (mut n_act, mut p_act) = (0u64, 0.0);
        for (b, &c) in self.hist.iter().enumerate().skip(active_from) {
            n_act += c as u64;
            p_act += c as f64 * 10f64.powf(db_of(b) / 10.0);
        }
        if n_act > 0 {
            r.snr_db = Some(10.0 * (p_act / n_act as f64).log10() - floor);
        }
        let speech_from = active_from.max(bin_of(SILENCE_DBFS));
        let speech: u64 = self.speech_hist[speech_from..]
            .iter()
            .map(|&c| c as u64)
            .sum();
        r.speech_ratio = Some(speech as f64 / total);
        r
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(x: &[Vec<f32>], rate: u32, clip: f32) -> QualityReport {
        let mut q = QualityAnalyzer::new(rate, x.len(), clip);
        let mut at = 0;
        while at < x[0].len() {
            let n = 777.min(x[0].len() - at);
            let planes: Vec<&[f32]> = x.iter().map(|c| &c[at..at + n]).collect();
            q.push_planes(&planes);
            at += n;
        }
        q.flush();
        q.report()
    }

    fn sine(rate: u32, secs: f64, f: f64, amp: f64) -> Vec<f32> {
        (0..(rate as f64 * secs) as usize)
            .map(|i| (amp * (2.0 * std::f64::consts::PI * f * i as f64 / rate as f64).sin()) as f32)
            .collect()
    }

    #[test]
    fn full_scale_sine_rms_and_crest() {
        let r = run(&[sine(48_000, 1.0, 1000.0, 1.0)], 48_000, 1.0);
        assert!(
            (r.rms_dbfs.unwrap() + 3.0103).abs() < 0.01,
            "{:?}",
            r.rms_dbfs
        );
        assert!((r.crest_factor_db.unwrap() - 3.0103).abs() < 0.01);
        assert!(r.dc_offset.unwrap().abs() < 1e-4);
        assert_eq!(r.silence_ratio, Some(0.0));
        // A steady tone has no window above its own floor: SNR undefined.
        assert_eq!(r.snr_db, None);
        assert!(r.dynamic_range_db.unwrap() < 0.5);
    }

    #[test]
    fn clipping_counts_samples_at_the_clip_level() {
        let x: Vec<f32> = sine(8000, 0.5, 100.0, 1.5)
            .into_iter()
            .map(|v| v.clamp(-1.0, 32767.0 / 32768.0))
            .collect();
        let clip = 32767.0 / 32768.0;
        let expected = x.iter().filter(|v| v.abs() >= clip).count() as u64;
        assert!(expected > 100);
        let r = run(&[x.clone(), x], 8000, clip);
        assert_eq!(r.clipped_samples, 2 * expected);
        assert!((r.clipped_ratio.unwrap() - expected as f64 / 4000.0).abs() < 1e-12);
    }

    #[test]
    fn bursts_over_noise_give_floor_snr_and_silence() {
        // 0.5 s of tone at -20 dBFS amplitude every second over noise at about -66 dBFS rms.
        let rate = 16_000;
        let mut state = 1u32;
        let x: Vec<f32> = (0..rate as usize * 4)
            .map(|i| {
                state = state.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
                let noise = ((state >> 8) as f32 / (1u32 << 24) as f32 - 0.5) * 2.0 * 0.000866;
                let t = i as f64 / rate as f64;
                let tone = if t.fract() < 0.5 {
                    0.1 * (2.0 * std::f64::consts::PI * 700.0 * t).sin()
                } else {
                    0.0
                };
                noise + tone as f32
            })
            .collect();
        let r = run(&[x], rate, 1.0);
        let floor = r.noise_floor_dbfs.unwrap();
        assert!((floor + 66.0).abs() < 1.5, "{floor}");
        let snr = r.snr_db.unwrap();
        assert!((snr - 43.0).abs() < 1.5, "{snr}");
        let sr = r.silence_ratio.unwrap();
        assert!((sr - 0.5).abs() < 0.1, "{sr}");
        // 700 Hz bursts lie in the speech band.
        let sp = r.speech_ratio.unwrap();
        assert!((sp - 0.5).abs() < 0.1, "{sp}");
    }

    #[test]
    fn digital_silence_is_null() {
        let r = run(&[vec![0.0; 8000]], 8000, 1.0);
        assert_eq!(r.rms_dbfs, None);
        assert_eq!(r.crest_factor_db, None);
        assert_eq!(r.noise_floor_dbfs, None);
        assert_eq!(r.snr_db, None);
        assert_eq!(r.silence_ratio, Some(1.0));
        assert_eq!(r.speech_ratio, Some(0.0));
        assert_eq!(r.dc_offset, Some(0.0));
    }
}
