//! The quality fields of one chunk: level, peak, zero crossings, an SNR estimate, voice
//! activity, clipping, noise, spectral centroid, bandwidth and roll-off, and an overall
//! score from their weighted factors.

use serde::{Deserialize, Serialize};

use crate::dsp::real_fft::RealFft;

/// Level below which a sample counts as silence (linear).
const SILENCE: f64 = 0.01;

/// What one chunk's audio looks like.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct ChunkQuality {
    pub rms_level: f64,
    pub peak_level: f64,
    /// Sign changes per sample.
    pub zero_crossing_rate: f64,
    /// Mean power over the 10th percentile of |x| squared, in dB; -60 when silent.
    pub snr_db: f64,
    pub voice_activity_detected: bool,
    pub voice_activity_confidence: f64,
    /// Share of samples above the silence level.
    pub speaking_time_ratio: f64,
    pub clipping_detected: bool,
    pub distortion_level: f64,
    pub noise_level: f64,
    /// Power-weighted mean frequency and spread, and the 95 % power point, in Hz
    /// (chunks of over 512 samples).
    pub spectral_centroid_hz: Option<f64>,
    pub spectral_bandwidth_hz: Option<f64>,
    pub spectral_rolloff_hz: Option<f64>,
    /// 0 to 1.
    pub overall_quality_score: f64,
}

/// Measure `x` (mono at `rate`).
pub fn measure(x: &[f32], rate: u32) -> ChunkQuality {
    let n = x.len();
    if n == 0 {
        return ChunkQuality {
            snr_db: -60.0,
            ..ChunkQuality::default()
        };
    }
    let power = x.iter().map(|&s| f64::from(s) * f64::from(s)).sum::<f64>() / n as f64;
    let rms = power.sqrt();
    let peak = x.iter().fold(0.0f64, |m, &s| m.max(f64::from(s).abs()));
    let crossings = x
        .windows(2)
        .filter(|w| (w[0] >= 0.0) != (w[1] >= 0.0))
        .count();
    let zcr = crossings as f64 / n as f64;
    let mut mags: Vec<f32> = x.iter().map(|s| s.abs()).collect();
    let k = n / 10;
    let (_, p10, _) = mags.select_nth_unstable_by(k, f32::total_cmp);
    let noise = f64::from(*p10);
    let snr_db = if power <= 1e-20 {
        -60.0
    } else {
        10.0 * (power / (noise * noise).max(1e-20)).log10()
    };
    let voice = rms > SILENCE && zcr > 0.01 && snr_db > -10.0;
    let voice_conf = ((rms - SILENCE) / 0.05).clamp(0.0, 1.0);
    let speaking = x.iter().filter(|s| f64::from(s.abs()) > SILENCE).count() as f64 / n as f64;
    let clipping = peak > 0.95;
    let distortion = if clipping { peak } else { 0.0 };
    let noise_level = (noise / 0.01).min(1.0);
    let (centroid, bandwidth, rolloff) = if n > 512 {
        spectral(x, rate)
    } else {
        (None, None, None)
    };
    let level_f = (rms / 0.1).clamp(0.0, 1.0);
    let snr_f = ((snr_db + 10.0) / 30.0).clamp(0.0, 1.0);
    let voice_f = if voice { voice_conf } else { 0.0 };
    let score = 0.2 * level_f
        + 0.3 * snr_f
        + 0.3 * voice_f
        + 0.1 * (1.0 - distortion).clamp(0.0, 1.0)
        + 0.1 * (1.0 - noise_level);
    ChunkQuality {
        rms_level: rms,
        peak_level: peak,
        zero_crossing_rate: zcr,
        snr_db,
        voice_activity_detected: voice,
        voice_activity_confidence: voice_conf,
        speaking_time_ratio: speaking,
        clipping_detected: clipping,
        distortion_level: distortion,
        noise_level,
        spectral_centroid_hz: centroid,
        spectral_bandwidth_hz: bandwidth,
        spectral_rolloff_hz: rolloff,
        overall_quality_score: score.clamp(0.0, 1.0),
    }
}

/// Centroid, bandwidth and 95 % roll-off of the power spectrum of `x` (averaged over
/// Hann windows of 1024).
fn spectral(x: &[f32], rate: u32) -> (Option<f64>, Option<f64>, Option<f64>) {
    const N: usize = 1024;
    let n = N.min(x.len().next_power_of_two() / 2).max(512);
    let mut fft = RealFft::new(n);
    let window: Vec<f32> = (0..n)
        .map(|i| (0.5 - 0.5 * (2.0 * std::f64::consts::PI * i as f64 / n as f64).cos()) as f32)
        .collect();
    let mut acc = vec![0.0f64; n / 2 + 1];
    let mut frame = vec![0.0f32; n];
    let mut spec = vec![rustfft::num_complex::Complex32::default(); fft.bins()];
    let mut start = 0;
    while start + n <= x.len() {
        for (o, (&s, &w)) in frame
            .iter_mut()
            .zip(x[start..start + n].iter().zip(&window))
        {
            *o = s * w;
        }
        fft.forward(&frame, &mut spec);
        for (a, c) in acc.iter_mut().zip(spec.iter()) {
            *a += f64::from(c.norm_sqr());
        }
        start += n / 2;
    }
    let total: f64 = acc.iter().sum();
    if total <= 1e-20 {
        return (None, None, None);
    }
    let hz = |k: usize| k as f64 * f64::from(rate) / n as f64;
    let centroid = acc.iter().enumerate().map(|(k, p)| hz(k) * p).sum::<f64>() / total;
    let var = acc
        .iter()
        .enumerate()
        .map(|(k, p)| (hz(k) - centroid).powi(2) * p)
        .sum::<f64>()
        / total;
    let mut cum = 0.0;
    let mut rolloff = hz(acc.len() - 1);
    for (k, p) in acc.iter().enumerate() {
        cum += p;
        if cum >= 0.95 * total {
            rolloff = hz(k);
            break;
        }
    }
    (Some(centroid), Some(var.sqrt()), Some(rolloff))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tone_is_voice_with_its_frequency_and_silence_is_not() {
        let tone: Vec<f32> = (0..16_000)
            .map(|i| (2.0 * std::f32::consts::PI * 1000.0 * i as f32 / 16_000.0).sin() * 0.3)
            .collect();
        let q = measure(&tone, 16_000);
        assert!((q.rms_level - 0.3 / 2f64.sqrt()).abs() < 1e-3);
        assert!(q.voice_activity_detected);
        assert!(
            (q.spectral_centroid_hz.unwrap() - 1000.0).abs() < 30.0,
            "{q:?}"
        );
        assert!(!q.clipping_detected);
        let silent = measure(&vec![0.0; 8000], 16_000);
        assert!(!silent.voice_activity_detected);
        assert_eq!(silent.snr_db, -60.0);
        assert_eq!(silent.spectral_centroid_hz, None);
    }
}
