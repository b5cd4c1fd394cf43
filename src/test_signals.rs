//! Deterministic test signals with known answers, for every module's tests: two small
//! generators (`Rng`, PCG with uniform and normal draws; `Noise`, xorshift in -1..1), sines,
//! white and pink noise, a labelled speech-like track, a voice-like signal with syllables,
//! pauses and bursts, and RMS/SNR measures against a reference.

use std::f64::consts::PI;

/// Small deterministic generator (PCG-XSH-RR 32) so tests need no RNG crate.
#[derive(Debug, Clone)]
pub(crate) struct Rng(u64);

impl Rng {
    pub(crate) fn new(seed: u64) -> Self {
        Self(
            seed.wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407),
        )
    }

    pub(crate) fn next_u32(&mut self) -> u32 {
        let old = self.0;
        self.0 = old
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let xorshifted = (((old >> 18) ^ old) >> 27) as u32;
        let rot = (old >> 59) as u32;
        xorshifted.rotate_right(rot)
    }

    /// Uniform in [0, 1).
    pub(crate) fn uniform(&mut self) -> f64 {
        f64::from(self.next_u32()) / 4294967296.0
    }

    /// Standard normal (Box-Muller).
    pub(crate) fn normal(&mut self) -> f64 {
        let u1 = self.uniform().max(1e-12);
        let u2 = self.uniform();
        (-2.0 * u1.ln()).sqrt() * (2.0 * std::f64::consts::PI * u2).cos()
    }
}

/// A speech-like track: "words" of voiced harmonic sound (gliding f0 of 100-220 Hz,
/// harmonics up to 3.4 kHz shaped by two formant peaks, 4 Hz syllable modulation) of
/// 0.4-1.0 s separated by 0.3-0.7 s pauses, starting with a pause. Returns the signal
/// (peak about 0.5) and the per-sample speech label.
pub(crate) fn speech_like(sample_rate: u32, seconds: f64, seed: u64) -> (Vec<f32>, Vec<bool>) {
    let sr = f64::from(sample_rate);
    let n = (seconds * sr) as usize;
    let mut rng = Rng::new(seed);
    let mut x = vec![0.0f32; n];
    let mut labels = vec![false; n];
    let mut pos = (0.4 * sr) as usize;
    while pos < n {
        let len = ((0.4 + 0.6 * rng.uniform()) * sr) as usize;
        let end = (pos + len).min(n);
        let f0_start = 100.0 + 120.0 * rng.uniform();
        let f0_end = 100.0 + 120.0 * rng.uniform();
        let f1 = 400.0 + 500.0 * rng.uniform();
        let f2 = 1000.0 + 1500.0 * rng.uniform();
        let amp = 0.3 + 0.2 * rng.uniform();
        let mut phase = 0.0f64;
        let fade = 0.02 * sr;
        for i in pos..end {
            let t = (i - pos) as f64;
            let frac = t / len as f64;
            let f0 = f0_start + (f0_end - f0_start) * frac;
            phase += 2.0 * std::f64::consts::PI * f0 / sr;
            let mut s = 0.0;
            let mut h = 1.0;
            while h * f0 < 3400.0f64.min(0.45 * sr) {
                let f = h * f0;
                let g = 1.0 / (1.0 + ((f - f1) / 150.0).powi(2))
                    + 0.5 / (1.0 + ((f - f2) / 250.0).powi(2))
                    + 0.05;
                s += g * (h * phase).sin() / h.sqrt();
                h += 1.0;
            }
            let syll = 0.7 + 0.3 * (2.0 * std::f64::consts::PI * 4.0 * t / sr).sin();
            let env = (t / fade).min(1.0) * ((end - i) as f64 / fade).min(1.0);
            x[i] = (amp * 0.35 * s * syll * env) as f32;
            labels[i] = true;
        }
        pos = end + ((0.3 + 0.4 * rng.uniform()) * sr) as usize;
    }
    (x, labels)
}

/// White Gaussian noise of the given RMS.
pub(crate) fn white_noise(n: usize, rms: f64, seed: u64) -> Vec<f32> {
    let mut rng = Rng::new(seed);
    (0..n).map(|_| (rng.normal() * rms) as f32).collect()
}

/// Pink (1/f) noise of about the given RMS (Paul Kellett's filter on white noise).
pub(crate) fn pink_noise(n: usize, rms: f64, seed: u64) -> Vec<f32> {
    let mut rng = Rng::new(seed);
    let mut b = [0.0f64; 7];
    let mut out: Vec<f64> = (0..n)
        .map(|_| {
            let w = rng.normal();
            b[0] = 0.99886 * b[0] + w * 0.0555179;
            b[1] = 0.99332 * b[1] + w * 0.0750759;
            b[2] = 0.96900 * b[2] + w * 0.1538520;
            b[3] = 0.86650 * b[3] + w * 0.3104856;
            b[4] = 0.55000 * b[4] + w * 0.5329522;
            b[5] = -0.7616 * b[5] - w * 0.0168980;
            let p = b[..6].iter().sum::<f64>() + b[6] + w * 0.5362;
            b[6] = w * 0.115926;
            p
        })
        .collect();
    let cur = (out.iter().map(|v| v * v).sum::<f64>() / n as f64).sqrt();
    for v in &mut out {
        *v *= rms / cur;
    }
    out.into_iter().map(|v| v as f32).collect()
}

/// RMS of a slice.
pub(crate) fn rms(x: &[f32]) -> f64 {
    (x.iter().map(|&v| f64::from(v) * f64::from(v)).sum::<f64>() / x.len().max(1) as f64).sqrt()
}

/// `clean + noise` scaled so the noise sits `snr_db` below the clean signal's RMS
/// (measured over the whole track).
pub(crate) fn mix_at_snr(clean: &[f32], noise: &[f32], snr_db: f64) -> Vec<f32> {
    let g = rms(clean) / rms(noise) / 10f64.powf(snr_db / 20.0);
    clean
        .iter()
        .zip(noise)
        .map(|(&c, &n)| c + (f64::from(n) * g) as f32)
        .collect()
}

/// SNR in dB of `processed` against the `clean` reference, with `processed` delayed by
/// `latency` frames, measured from frame `skip` of the clean signal on.
#[allow(dead_code)] // used by the spectral stage tests
pub(crate) fn snr_db(clean: &[f32], processed: &[f32], latency: usize, skip: usize) -> f64 {
    let mut sig = 0.0f64;
    let mut err = 0.0f64;
    for (i, &c) in clean.iter().enumerate().skip(skip) {
        let Some(&y) = processed.get(i + latency) else {
            break;
        };
        let c = f64::from(c);
        sig += c * c;
        err += (f64::from(y) - c).powi(2);
    }
    10.0 * (sig / err.max(1e-30)).log10()
}

/// A deterministic white noise generator (xorshift), uniform in -1..1.
#[derive(Debug, Clone)]
pub(crate) struct Noise(u64);

impl Noise {
    /// A generator with `seed` (any value).
    pub(crate) fn new(seed: u64) -> Self {
        Self(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    /// The next sample in -1..1.
    pub(crate) fn next_f32(&mut self) -> f32 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        ((self.0 >> 40) as f32 / (1u64 << 23) as f32) - 1.0
    }
}

/// A sine of `freq` Hz and peak `amp`, `frames` long.
pub(crate) fn sine(freq: f64, amp: f64, sample_rate: u32, frames: usize) -> Vec<f32> {
    (0..frames)
        .map(|i| (amp * (2.0 * PI * freq * i as f64 / f64::from(sample_rate)).sin()) as f32)
        .collect()
}

/// White noise of peak `amp`.
pub(crate) fn noise(amp: f32, frames: usize, seed: u64) -> Vec<f32> {
    let mut n = Noise::new(seed);
    (0..frames).map(|_| amp * n.next_f32()).collect()
}

/// A voice-like test signal: a 140 Hz harmonic "voice" with formant-like weights,
/// syllables at about 4 Hz, a pause, loud bursts and a noise floor, so dynamics,
/// filters, gates and level trackers all have something to do.
pub(crate) fn voice(sample_rate: u32, frames: usize, seed: u64) -> Vec<f32> {
    let sr = f64::from(sample_rate);
    let mut n = Noise::new(seed);
    (0..frames)
        .map(|i| {
            let t = i as f64 / sr;
            let f0 = 140.0 * (1.0 + 0.05 * (2.0 * PI * 3.0 * t).sin());
            let mut v = 0.0;
            for h in 1..=12 {
                let f = f0 * h as f64;
                if f < sr * 0.45 {
                    let w = match f as u32 {
                        0..=400 => 1.0,
                        401..=1200 => 0.7,
                        1201..=3000 => 0.35,
                        _ => 0.1,
                    };
                    v += w / h as f64 * (2.0 * PI * f * t).sin();
                }
            }
            // Syllables, a pause in the middle third, a loud burst in the last fifth.
            let syll = (0.5 - 0.5 * (2.0 * PI * 4.0 * t).cos()).powi(2);
            let phase = i as f64 / frames as f64;
            let env = if (0.33..0.5).contains(&phase) {
                0.0
            } else if phase > 0.8 {
                0.9
            } else {
                0.3
            };
            (0.5 * v * syll * env) as f32 + 0.003 * n.next_f32()
        })
        .collect()
}
