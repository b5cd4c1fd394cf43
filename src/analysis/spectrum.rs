//! Averaged power spectrum (Welch's method: Hann window, 50% overlap) with rustfft, and
//! what is read from it: the strongest peaks with sub-bin frequency, centroid, 85%
//! roll-off, flatness, speech-band levels and THD for tonal signals.
//!
//! Channels are averaged power-wise (no phase cancellation). Two channels share one
//! complex FFT: with z = x + iy, |X[k]|² + |Y[k]|² = (|Z[k]|² + |Z[N-k]|²) / 2.
//!
//! Scales: a peak's `level_db` is the amplitude of the sinusoid in dB re full scale (a
//! full-scale sine reads 0.0), the window's gain removed. Band levels are mean-square
//! levels (Parseval, with the window's power gain removed) in dBFS on the same scale as
//! `rms_dbfs` (a full-scale sine reads -3.01). Peak frequency and level are refined
//! with the Hann window's exact two-bin ratio (Grandke): for a tone at bin k + d, the
//! magnitudes of bins k+1 and k are in the ratio (1 + d) / (2 - d), and the window
//! attenuates it by sinc(d) / (1 - d²); exact for an isolated stationary tone.

use std::sync::Arc;

use rustfft::num_complex::Complex;
use rustfft::{Fft, FftPlanner};
use serde::Serialize;

use crate::{Error, Result};

/// Smallest FFT size accepted.
pub const MIN_FFT: usize = 256;
/// Largest FFT size accepted.
pub const MAX_FFT: usize = 65_536;
/// Default FFT size.
pub const DEFAULT_FFT: usize = 8192;

/// Bins either side of a peak that belong to it (Hann main lobe is ±2 bins).
const LOBE: usize = 3;

/// The bands reported, in Hz: a split of the speech range.
pub const BANDS: [(&str, f64, f64); 6] = [
    ("sub", 20.0, 80.0),
    ("low", 80.0, 300.0),
    ("low_mid", 300.0, 1000.0),
    ("mid", 1000.0, 3000.0),
    ("presence", 3000.0, 6000.0),
    ("high", 6000.0, 20_000.0),
];

/// A spectral peak.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Peak {
    /// Interpolated frequency (Hz).
    pub freq_hz: f64,
    /// Sinusoid amplitude in dB re full scale (full-scale sine = 0.0).
    pub level_db: f64,
}

/// Energy in one band.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Band {
    /// Band name (`sub`, `low`, `low_mid`, `mid`, `presence`, `high`).
    pub name: &'static str,
    /// Lower edge (Hz).
    pub low_hz: f64,
    /// Upper edge (Hz, at most Nyquist).
    pub high_hz: f64,
    /// Mean-square level of the band (dBFS, full-scale sine = -3.01); null when empty.
    pub level_dbfs: Option<f64>,
    /// Share of the total power (0 to 1); null in silence.
    pub share: Option<f64>,
}

/// Everything read from the averaged spectrum; `None` where undefined (silence).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct SpectrumReport {
    /// FFT size used.
    pub fft_size: usize,
    /// Bin spacing (Hz).
    pub resolution_hz: f64,
    /// Number of windowed frames averaged.
    pub frames: u64,
    /// Power-weighted mean frequency (Hz).
    pub centroid_hz: Option<f64>,
    /// Frequency below which 85% of the power lies (Hz).
    pub rolloff_hz: Option<f64>,
    /// Geometric over arithmetic mean of the power spectrum (0 = tonal, 1 = white noise).
    pub flatness: Option<f64>,
    /// The strongest peaks, loudest first.
    pub peaks: Vec<Peak>,
    /// Speech bands below Nyquist.
    pub bands: Vec<Band>,
    /// Fundamental of a tonal signal (Hz); null when the signal is not tonal.
    pub fundamental_hz: Option<f64>,
    /// Total harmonic distortion (harmonics 2 to 10, percent of the fundamental's
    /// amplitude); null when the signal is not tonal.
    pub thd_percent: Option<f64>,
    /// Tone-plus-harmonics power over the rest (dB), for tonal signals; null otherwise.
    pub tonal_snr_db: Option<f64>,
    /// The averaged spectrum on a log-frequency grid, `[freq_hz, level_db]` (the loudest
    /// bin of each grid cell, on the peaks' scale); only kept for plots.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub curve: Option<Vec<[f64; 2]>>,
}

/// Streaming Welch spectrum analyzer.
pub struct SpectrumAnalyzer {
    n: usize,
    rate: f64,
    channels: usize,
    window: Vec<f32>,
    fft: Arc<dyn Fft<f32>>,
    buf: Vec<Complex<f32>>,
    scratch: Vec<Complex<f32>>,
    /// Input frames of the current window, per channel.
    input: Vec<Vec<f32>>,
    filled: usize,
    /// Sum over frames and channels of the power spectrum, bins 0..=n/2.
    power: Vec<f64>,
    /// Power spectrum of the latest frame (for live meters).
    latest: Vec<f32>,
    frames: u64,
    max_peaks: usize,
}

impl std::fmt::Debug for SpectrumAnalyzer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SpectrumAnalyzer")
            .field("fft_size", &self.n)
            .field("frames", &self.frames)
            .finish_non_exhaustive()
    }
}

/// Check an FFT size: a power of two from 256 to 65536.
pub fn check_fft_size(n: usize) -> Result<()> {
    if n.is_power_of_two() && (MIN_FFT..=MAX_FFT).contains(&n) {
        Ok(())
    } else {
        Err(Error::Invalid(format!(
            "FFT size {n} is invalid (allowed: a power of two from {MIN_FFT} to {MAX_FFT})"
        )))
    }
}

impl SpectrumAnalyzer {
    /// An analyzer with an `fft_size`-point FFT reporting up to `max_peaks` peaks.
    pub fn new(
        sample_rate: u32,
        channels: usize,
        fft_size: usize,
        max_peaks: usize,
    ) -> Result<Self> {
        check_fft_size(fft_size)?;
        let n = fft_size;
        let fft = FftPlanner::<f32>::new().plan_fft_forward(n);
        let scratch = vec![Complex::default(); fft.get_inplace_scratch_len()];
        // Periodic Hann (the form whose 50%-overlapped copies sum to a constant).
        let window = (0..n)
            .map(|i| {
                let x = std::f64::consts::PI * i as f64 / n as f64;
                (x.sin() * x.sin()) as f32
            })
            .collect();
        Ok(Self {
            n,
            rate: sample_rate as f64,
            channels,
            window,
            fft,
            buf: vec![Complex::default(); n],
            scratch,
            input: vec![vec![0.0; n]; channels],
            filled: 0,
            power: vec![0.0; n / 2 + 1],
            latest: vec![0.0; n / 2 + 1],
            frames: 0,
            max_peaks,
        })
    }

    /// Feed one slice per channel, all of one length.
    pub fn push_planes(&mut self, block: &[&[f32]]) {
        let len = block.first().map_or(0, |p| p.len());
        let mut at = 0;
        while at < len {
            let k = (self.n - self.filled).min(len - at);
            for (inp, src) in self.input.iter_mut().zip(block) {
                inp[self.filled..self.filled + k].copy_from_slice(&src[at..at + k]);
            }
            self.filled += k;
            at += k;
            if self.filled == self.n {
                self.frame();
                let half = self.n / 2;
                for inp in &mut self.input {
                    inp.copy_within(half.., 0);
                }
                self.filled = half;
            }
        }
    }

    /// Analyse one full window of input (`filled` frames, zero-padded past that).
    fn frame(&mut self) {
        let n = self.n;
        let half = n / 2;
        self.latest.iter_mut().for_each(|p| *p = 0.0);
        let mut c = 0;
        while c < self.channels {
            let f = self.filled;
            let (filled, rest) = self.buf.split_at_mut(f);
            let x = &self.input[c][..f];
            let w = &self.window[..f];
            match self.input.get(c + 1) {
                Some(y) => {
                    for (((b, &x), &y), &w) in filled.iter_mut().zip(x).zip(&y[..f]).zip(w) {
                        *b = Complex::new(x * w, y * w);
                    }
                }
                None => {
                    for ((b, &x), &w) in filled.iter_mut().zip(x).zip(w) {
                        *b = Complex::new(x * w, 0.0);
                    }
                }
            }
            rest.fill(Complex::default());
            self.fft
                .process_with_scratch(&mut self.buf, &mut self.scratch);
            // The two channels' power summed (a lone real channel has a == b): bin k
            // and its mirror n - k (bin 0 is its own mirror).
            self.latest[0] += self.buf[0].norm_sqr();
            let mirrored = self.buf[half..].iter().rev();
            for ((p, z), m) in self.latest[1..=half]
                .iter_mut()
                .zip(&self.buf[1..=half])
                .zip(mirrored)
            {
                *p += (z.norm_sqr() + m.norm_sqr()) * 0.5;
            }
            c += 2;
        }
        let scale = 1.0 / self.channels as f32;
        for (acc, p) in self.power.iter_mut().zip(&mut self.latest) {
            *p *= scale;
            *acc += *p as f64;
        }
        self.frames += 1;
    }

    /// Feed the end of the stream: a stream shorter than one window is analysed
    /// zero-padded.
    pub fn flush(&mut self) {
        if self.frames == 0 && self.filled > 0 {
            self.frame();
            self.filled = 0;
        }
    }

    /// Spectral centroid of the latest frame (Hz), for live meters.
    pub fn latest_centroid(&self) -> Option<f64> {
        // Summed in place: the live meters ask ten times a second, on the audio thread.
        let df = self.rate / self.n as f64;
        let (mut num, mut den) = (0.0, 0.0);
        for (k, &v) in self.latest.iter().enumerate().skip(1) {
            num += f64::from(v) * k as f64 * df;
            den += f64::from(v);
        }
        (den > 1e-30).then(|| num / den)
    }

    /// The averaged spectrum on `points` log-spaced cells from 20 Hz to Nyquist:
    /// `[centre Hz, level dB]`, the level of the loudest bin in the cell (sinusoid scale,
    /// floored at -150 dB). Empty before the first frame.
    pub fn curve(&self, points: usize) -> Vec<[f64; 2]> {
        if self.frames == 0 || points < 2 {
            return Vec::new();
        }
        let n = self.n;
        let df = self.rate / n as f64;
        let wsum: f64 = self.window.iter().map(|&w| w as f64).sum();
        let norm = 4.0 / (wsum * wsum) / self.frames as f64;
        let (lo, hi) = (20.0f64.max(df), self.rate / 2.0);
        let ratio = (hi / lo).ln();
        let mut out = Vec::with_capacity(points);
        for i in 0..points {
            let f0 = lo * (ratio * i as f64 / points as f64).exp();
            let f1 = lo * (ratio * (i + 1) as f64 / points as f64).exp();
            let k0 = (f0 / df).round() as usize;
            let k1 = ((f1 / df).round() as usize).max(k0 + 1).min(n / 2 + 1);
            let Some(p) = self.power[k0.min(n / 2)..k1]
                .iter()
                .copied()
                .reduce(f64::max)
            else {
                continue;
            };
            let db = if p > 0.0 {
                10.0 * (p * norm).log10()
            } else {
                -150.0
            };
            out.push([(f0 * f1).sqrt(), db.max(-150.0)]);
        }
        out
    }

    /// Everything read from the spectrum averaged so far.
    pub fn report(&self) -> SpectrumReport {
        let n = self.n;
        let df = self.rate / n as f64;
        let mut rep = SpectrumReport {
            fft_size: n,
            resolution_hz: df,
            frames: self.frames,
            ..Default::default()
        };
        if self.frames == 0 {
            return rep;
        }
        let p: Vec<f64> = self.power.iter().map(|v| v / self.frames as f64).collect();
        let wsum: f64 = self.window.iter().map(|&w| w as f64).sum();
        let wsq: f64 = self.window.iter().map(|&w| (w as f64) * (w as f64)).sum();
        // Amplitude of a sine at bin k is 2|X[k]| / sum(w).
        let amp_norm = 4.0 / (wsum * wsum);
        // Mean square of bin k (one-sided, DC/Nyquist once): factor 2 / (N · sum(w²)).
        let ms = |k: usize| {
            let f = if k == 0 || k == n / 2 { 1.0 } else { 2.0 };
            p[k] * f / (n as f64 * wsq)
        };
        let total: f64 = (1..=n / 2).map(ms).sum();
        if total <= 1e-30 {
            rep.bands = bands(&p, df, self.rate, ms, None);
            return rep;
        }
        rep.centroid_hz = centroid(&p, df);
        rep.rolloff_hz = {
            let mut acc = 0.0;
            (1..=n / 2)
                .find(|&k| {
                    acc += ms(k);
                    acc >= 0.85 * total
                })
                .map(|k| k as f64 * df)
        };
        rep.flatness = {
            let bins = &p[1..n / 2];
            let floor = 1e-30;
            let log_mean = bins.iter().map(|v| (v + floor).ln()).sum::<f64>() / bins.len() as f64;
            let mean = bins.iter().sum::<f64>() / bins.len() as f64;
            Some((log_mean.exp() / mean).clamp(0.0, 1.0))
        };
        rep.peaks = find_peaks(&p, df, amp_norm, self.max_peaks);
        rep.bands = bands(&p, df, self.rate, ms, Some(total));
        if let Some(f0) = rep.peaks.first() {
            let k0 = (f0.freq_hz / df).round() as usize;
            let lobe = |k: usize| -> f64 {
                let lo = k.saturating_sub(LOBE).max(1);
                let hi = (k + LOBE).min(n / 2);
                (lo..=hi).map(ms).sum()
            };
            let fund = lobe(k0);
            let rest_start = 1 + LOBE; // skip DC and its lobe
            let total_ac: f64 = (rest_start..=n / 2).map(ms).sum();
            if k0 > 2 * LOBE && fund >= 0.5 * total_ac {
                let mut harm = 0.0;
                for h in 2..=10 {
                    let kh = (h as f64 * f0.freq_hz / df).round() as usize;
                    if kh + LOBE > n / 2 {
                        break;
                    }
                    harm += lobe(kh);
                }
                rep.fundamental_hz = Some(f0.freq_hz);
                rep.thd_percent = Some(100.0 * (harm / fund).sqrt());
                let rest = (total_ac - fund - harm).max(0.0);
                rep.tonal_snr_db = (rest > 0.0).then(|| 10.0 * ((fund + harm) / rest).log10());
            }
        }
        rep
    }
}

/// Power-weighted mean frequency, skipping DC.
fn centroid(p: &[f64], df: f64) -> Option<f64> {
    let (mut num, mut den) = (0.0, 0.0);
    for (k, v) in p.iter().enumerate().skip(1) {
        num += v * k as f64 * df;
        den += v;
    }
    (den > 1e-30).then(|| num / den)
}

fn bands(
    p: &[f64],
    df: f64,
    rate: f64,
    ms: impl Fn(usize) -> f64,
    total: Option<f64>,
) -> Vec<Band> {
    let nyq = rate / 2.0;
    BANDS
        .iter()
        .filter(|(_, lo, _)| *lo < nyq)
        .map(|&(name, lo, hi)| {
            let hi = hi.min(nyq);
            let e: f64 = (1..p.len())
                .filter(|&k| {
                    let f = k as f64 * df;
                    f >= lo && f < hi
                })
                .map(&ms)
                .sum();
            Band {
                name,
                low_hz: lo,
                high_hz: hi,
                level_dbfs: (e > 1e-30).then(|| 10.0 * e.log10()),
                share: total.map(|t| e / t),
            }
        })
        .collect()
}

/// Local maxima that dominate ±(LOBE+1) bins, within 70 dB of the strongest, 10 dB above
/// the median bin and 10 dB above the median of the 64 bins around them, loudest first,
/// with sub-bin interpolation.
fn find_peaks(p: &[f64], df: f64, amp_norm: f64, max: usize) -> Vec<Peak> {
    if max == 0 || p.len() < 8 {
        return Vec::new();
    }
    let mut sorted: Vec<f64> = p[1..].to_vec();
    sorted.sort_by(f64::total_cmp);
    let median = sorted[sorted.len() / 2];
    let top = sorted[sorted.len() - 1];
    let floor = (median * 10.0).max(top * 1e-7).max(1e-30);
    let reach = LOBE + 1;
    let mut peaks = Vec::new();
    let mut local = Vec::with_capacity(65);
    for k in 2..p.len() - 1 {
        let v = p[k];
        if v < floor || v <= p[k - 1] || v < p[k + 1] {
            continue;
        }
        let lo = k.saturating_sub(reach).max(1);
        let hi = (k + reach).min(p.len() - 1);
        if (lo..=hi).any(|j| j != k && p[j] > v) {
            continue;
        }
        // Prominence: 10 dB over the median of the 64 bins around (noise has no peaks).
        let (a, b) = (k.saturating_sub(32).max(1), (k + 33).min(p.len()));
        local.clear();
        local.extend_from_slice(&p[a..b]);
        let mid = local.len() / 2;
        let (_, local_median, _) = local.select_nth_unstable_by(mid, f64::total_cmp);
        if v < 10.0 * *local_median {
            continue;
        }
        // Hann-exact interpolation from the larger neighbour (Grandke): for a tone at
        // k + d, the magnitude ratio of bins k+1 and k is (1 + d) / (2 - d).
        let (m, ml, mr) = (v.sqrt(), p[k - 1].sqrt(), p[k + 1].sqrt());
        let d = if mr >= ml {
            let a = mr / m;
            (2.0 * a - 1.0) / (1.0 + a)
        } else {
            let a = ml / m;
            -(2.0 * a - 1.0) / (1.0 + a)
        };
        let d = d.clamp(-0.5, 0.5);
        // Undo the window's attenuation at offset d: W(d) = sinc(d) / (1 - d²).
        let w = if d.abs() < 1e-9 {
            1.0
        } else {
            let x = std::f64::consts::PI * d;
            (x.sin() / x) / (1.0 - d * d)
        };
        let amp2 = (m / w) * (m / w) * amp_norm;
        let level_db = 10.0 * amp2.log10();
        peaks.push(Peak {
            freq_hz: (k as f64 + d) * df,
            level_db,
        });
    }
    peaks.sort_by(|x, y| y.level_db.total_cmp(&x.level_db));
    peaks.truncate(max);
    peaks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tones(rate: u32, secs: f64, parts: &[(f64, f64)], channels: usize) -> Vec<Vec<f32>> {
        let n = (rate as f64 * secs) as usize;
        let ch: Vec<f32> = (0..n)
            .map(|i| {
                let t = i as f64 / rate as f64;
                parts
                    .iter()
                    .map(|(f, db)| {
                        10f64.powf(db / 20.0) * (2.0 * std::f64::consts::PI * f * t).sin()
                    })
                    .sum::<f64>() as f32
            })
            .collect();
        vec![ch; channels]
    }

    fn analyse(x: &[Vec<f32>], rate: u32, fft: usize, block: usize) -> SpectrumReport {
        let mut s = SpectrumAnalyzer::new(rate, x.len(), fft, 8).unwrap();
        let mut at = 0;
        while at < x[0].len() {
            let n = block.min(x[0].len() - at);
            let planes: Vec<&[f32]> = x.iter().map(|c| &c[at..at + n]).collect();
            s.push_planes(&planes);
            at += n;
        }
        s.flush();
        s.report()
    }

    #[test]
    fn multi_tone_peaks_within_a_fraction_of_a_hertz() {
        let parts = [(441.3, -6.0), (1234.5, -12.0), (5017.9, -20.0)];
        for channels in [1, 2, 3] {
            let x = tones(48_000, 2.0, &parts, channels);
            let r = analyse(&x, 48_000, 8192, 1000);
            assert_eq!(r.peaks.len(), 3, "{:?}", r.peaks);
            for (p, (f, db)) in r.peaks.iter().zip(parts) {
                assert!((p.freq_hz - f).abs() < 0.1, "{} vs {f}", p.freq_hz);
                assert!((p.level_db - db).abs() < 0.05, "{} vs {db}", p.level_db);
            }
        }
    }

    #[test]
    fn sine_band_level_matches_rms() {
        let x = tones(48_000, 1.0, &[(1500.0, 0.0)], 1);
        let r = analyse(&x, 48_000, 4096, 4096);
        let mid = r.bands.iter().find(|b| b.name == "mid").unwrap();
        assert!((mid.level_dbfs.unwrap() + 3.01).abs() < 0.05, "{mid:?}");
        assert!(mid.share.unwrap() > 0.99);
        assert!(r.flatness.unwrap() < 0.01);
        assert!((r.centroid_hz.unwrap() - 1500.0).abs() < 50.0);
        assert!((r.rolloff_hz.unwrap() - 1500.0).abs() < 20.0);
        assert!((r.peaks[0].level_db).abs() < 0.01, "{:?}", r.peaks);
    }

    #[test]
    fn thd_of_a_known_harmonic() {
        // 2nd harmonic at 1% of the fundamental's amplitude: THD 1%.
        let x = tones(48_000, 1.0, &[(1000.0, -6.0), (2000.0, -46.0)], 1);
        let r = analyse(&x, 48_000, 8192, 4800);
        assert!((r.fundamental_hz.unwrap() - 1000.0).abs() < 0.5);
        assert!(
            (r.thd_percent.unwrap() - 1.0).abs() < 0.05,
            "{:?}",
            r.thd_percent
        );
    }

    #[test]
    fn white_noise_is_flat_and_not_tonal() {
        let mut state = 12345u32;
        let x: Vec<f32> = (0..48_000)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 17;
                state ^= state << 5;
                (state as f32 / u32::MAX as f32) - 0.5
            })
            .collect();
        let r = analyse(&[x], 48_000, 2048, 512);
        assert!(r.flatness.unwrap() > 0.5, "{:?}", r.flatness);
        assert_eq!(r.thd_percent, None);
    }

    #[test]
    fn silence_is_null_and_bad_sizes_rejected() {
        let r = analyse(&[vec![0.0; 10_000]], 16_000, 1024, 100);
        assert_eq!(r.centroid_hz, None);
        assert_eq!(r.flatness, None);
        assert!(r.peaks.is_empty());
        assert!(r.bands.iter().all(|b| b.level_dbfs.is_none()));
        assert!(check_fft_size(1000).is_err());
        assert!(check_fft_size(128).is_err());
        assert!(check_fft_size(4096).is_ok());
    }
}
