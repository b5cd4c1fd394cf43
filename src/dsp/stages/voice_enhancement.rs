//! Voice enhancement: parallel tone shaping with RBJ-cookbook biquads plus a harmonic
//! exciter and a dynamic de-esser.
//!
//! `y = x + clarity·0.3·tanh(3·hp3k(x))/3 + presence·bp(2–5 kHz)(x)
//!        + warmth·0.5·lp500(x) + brightness·0.5·hp5k(x) − s·bp(6–10 kHz)(x)`
//! - clarity: a soft tanh exciter on the band above 3 kHz (adds upper harmonics);
//! - presence: the 2–5 kHz band added in; warmth/brightness: the band below 500 Hz or above
//!   5 kHz added (positive) or taken away (negative);
//! - de-esser: the 6–10 kHz band is subtracted by `s = sibilance_control · k`, where `k`
//!   (0..1) grows when that band carries more than a quarter of the signal's envelope,
//!   i.e. only on sibilants (the Python version cut it all the time);
//! - normalize: a running peak normaliser toward -1 dBFS (gain at most +20 dB, only ever
//!   lowered by new peaks, smoothed over 50 ms), since whole-signal peak normalisation
//!   cannot stream.
//!
//! Bands that do not fit below 0.45 × the sample rate are left out.

use serde::{Deserialize, Serialize};

use crate::audio::Planar;
use crate::dsp::params::{ParamError, check_range};
use crate::dsp::util::{fast_tanh, one_pole_coeff};
use crate::dsp::{Stage, StageKind, StageTelemetry, StreamFormat};
use crate::signal::biquad::{BiquadBank, Coeffs, Shape};

const NAME: &str = "voice_enhancement";
const Q: f64 = std::f64::consts::FRAC_1_SQRT_2;
/// Peak the normaliser aims for (-1 dBFS).
const NORMALIZE_PEAK: f32 = 0.891_250_9;
const NORMALIZE_MAX_GAIN: f32 = 10.0;

/// Parameters of voice enhancement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct VoiceEnhancementParams {
    /// Running peak normalisation toward -1 dBFS.
    pub normalize: bool,
    /// Harmonic exciter amount (0 to 1).
    pub clarity_enhancement: f64,
    /// 2–5 kHz presence boost (0 to 1).
    pub presence_boost: f64,
    /// Low band below 500 Hz, added or removed (-1 to 1).
    pub warmth_adjustment: f64,
    /// High band above 5 kHz, added or removed (-1 to 1).
    pub brightness_adjustment: f64,
    /// De-essing depth on the 6–10 kHz band (0 to 1).
    pub sibilance_control: f64,
}

impl Default for VoiceEnhancementParams {
    fn default() -> Self {
        Self {
            normalize: false,
            clarity_enhancement: 0.2,
            presence_boost: 0.1,
            warmth_adjustment: 0.0,
            brightness_adjustment: 0.0,
            sibilance_control: 0.1,
        }
    }
}

impl VoiceEnhancementParams {
    /// Check every parameter against its range.
    pub fn validate(&self) -> Result<(), ParamError> {
        check_range(
            NAME,
            "clarity_enhancement",
            self.clarity_enhancement,
            0.0,
            1.0,
        )?;
        check_range(NAME, "presence_boost", self.presence_boost, 0.0, 1.0)?;
        check_range(NAME, "warmth_adjustment", self.warmth_adjustment, -1.0, 1.0)?;
        check_range(
            NAME,
            "brightness_adjustment",
            self.brightness_adjustment,
            -1.0,
            1.0,
        )?;
        check_range(NAME, "sibilance_control", self.sibilance_control, 0.0, 1.0)?;
        Ok(())
    }
}

/// The filters of a band (one or two in series); none when the band does not fit the
/// sample rate.
fn band(shapes: &[(Shape, f64)], sr: f64) -> Vec<Coeffs> {
    let fits = |f: f64| f < 0.45 * sr;
    // A low-pass above the range is dropped; anything else makes the band empty.
    shapes
        .iter()
        .filter(|&&(s, f)| fits(f) || !matches!(s, Shape::LowPass { .. }))
        .map(|&(s, f)| fits(f).then(|| Coeffs::new(s, f, sr)))
        .collect::<Option<_>>()
        .unwrap_or_default()
}

/// Lanes of the tone bank (one filter per band, all fed with the input; lane 3 unused).
const EXCITER: usize = 0;
const WARMTH: usize = 1;
const BRIGHTNESS: usize = 2;
/// Lanes of the two band-pass banks (a high-pass, then a low-pass).
const PRESENCE: usize = 0;
const SIBILANCE: usize = 1;

/// One channel's filters: the single-filter bands side by side in one bank, the two
/// band-passes (presence, sibilance) as a bank of high-passes then a bank of low-passes.
/// The two groups run as separate passes, each small enough to keep its state and most
/// coefficients in registers.
#[derive(Debug, Clone, Copy)]
struct Channel {
    tone: BiquadBank<4>,
    band_high: BiquadBank<2>,
    band_low: BiquadBank<2>,
    sib_env: f32,
    full_env: f32,
}

impl Channel {
    fn new(sr: f64) -> Self {
        let hp = |f: f64| (Shape::HighPass { q: Q }, f);
        let lp = |f: f64| (Shape::LowPass { q: Q }, f);
        let first = |b: Vec<Coeffs>| b.first().copied().unwrap_or(Coeffs::ZERO);
        let second = |b: Vec<Coeffs>| b.get(1).copied().unwrap_or(Coeffs::IDENTITY);
        let mut tone = [Coeffs::ZERO; 4];
        tone[EXCITER] = first(band(&[hp(3000.0)], sr));
        tone[WARMTH] = first(band(&[lp(500.0)], sr));
        tone[BRIGHTNESS] = first(band(&[hp(5000.0)], sr));
        let presence = band(&[hp(2000.0), lp(5000.0)], sr);
        let sibilance = band(&[hp(6000.0), lp(10_000.0)], sr);
        Self {
            tone: BiquadBank::new(tone),
            band_high: BiquadBank::new([first(presence.clone()), first(sibilance.clone())]),
            band_low: BiquadBank::new([second(presence), second(sibilance)]),
            sib_env: 0.0,
            full_env: 0.0,
        }
    }
}

/// The voice enhancement stage.
pub struct VoiceEnhancement {
    params: VoiceEnhancementParams,
    format: Option<StreamFormat>,
    channels: Vec<Channel>,
    env_coeff: f32,
    norm_coeff: f32,
    peak: f32,
    norm_gain: f32,
    /// Per-frame intermediates of a block (exciter band, envelope-free mix, sibilance
    /// band, sibilance envelope, full-band envelope).
    scratch: [Vec<f32>; 5],
}

impl VoiceEnhancement {
    /// A voice enhancer with `params`.
    pub fn new(params: VoiceEnhancementParams) -> Self {
        Self {
            params,
            format: None,
            channels: Vec::new(),
            env_coeff: 0.0,
            norm_coeff: 0.0,
            peak: 0.0,
            norm_gain: 1.0,
            scratch: Default::default(),
        }
    }

    /// The parameters in use.
    pub fn params(&self) -> &VoiceEnhancementParams {
        &self.params
    }

    /// Change the amounts; the filters (fixed frequencies) keep their state.
    pub fn set_params(&mut self, p: VoiceEnhancementParams) {
        self.params = p;
    }
}

impl Stage for VoiceEnhancement {
    fn kind(&self) -> StageKind {
        StageKind::VoiceEnhancement
    }

    fn prepare(&mut self, format: StreamFormat) {
        self.format = Some(format);
        let sr = f64::from(format.sample_rate);
        let ch = Channel::new(sr);
        self.channels = vec![ch; format.channels];
        self.scratch = std::array::from_fn(|_| vec![0.0; format.max_block]);
        self.env_coeff = one_pole_coeff(5.0, sr) as f32;
        self.norm_coeff = one_pole_coeff(50.0, sr) as f32;
        self.peak = 0.0;
        self.norm_gain = 1.0;
    }

    fn process(&mut self, audio: &mut Planar) {
        let p = &self.params;
        let clarity = (p.clarity_enhancement * 0.3) as f32;
        let presence = p.presence_boost as f32;
        let warmth = (p.warmth_adjustment * 0.5) as f32;
        let brightness = (p.brightness_adjustment * 0.5) as f32;
        let sibilance = p.sibilance_control as f32;
        let env_c = self.env_coeff;
        for (c, buf) in self.channels.iter_mut().zip(audio.channels_mut()) {
            let n = buf.len();
            let [exc, pres, sib_band, sib_env_buf, full_env_buf] = &mut self.scratch;
            // Pass 1, sample by sample (the filters are recursions): the band-passes,
            // then the single-filter bands. Filters always run so their state is current
            // when an amount changes; they run on local copies so their states stay in
            // registers through the block.
            let (mut high, mut low) = (c.band_high, c.band_low);
            let mut tone = c.tone;
            // Two frames per step (`BiquadBank::step2`), then an odd last frame.
            let pairs = n / 2;
            for i in (0..pairs).map(|p| 2 * p) {
                let (u, v) = (f64::from(buf[i]), f64::from(buf[i + 1]));
                let (hu, hv) = high.step2([u; 2], [v; 2]);
                let (bu, bv) = low.step2(hu, hv);
                (sib_band[i], sib_band[i + 1]) = (bu[SIBILANCE] as f32, bv[SIBILANCE] as f32);
                (pres[i], pres[i + 1]) = (
                    presence * bu[PRESENCE] as f32,
                    presence * bv[PRESENCE] as f32,
                );
            }
            for i in (0..pairs).map(|p| 2 * p) {
                let (u, v) = (f64::from(buf[i]), f64::from(buf[i + 1]));
                let (a, b) = tone.step2([u; 4], [v; 4]);
                (exc[i], exc[i + 1]) = (a[EXCITER] as f32, b[EXCITER] as f32);
                pres[i] += warmth * a[WARMTH] as f32 + brightness * a[BRIGHTNESS] as f32;
                pres[i + 1] += warmth * b[WARMTH] as f32 + brightness * b[BRIGHTNESS] as f32;
            }
            if n % 2 == 1 {
                let i = n - 1;
                let x = f64::from(buf[i]);
                let b = low.tick(high.tick([x; 2]));
                let a = tone.tick([x; 4]);
                sib_band[i] = b[SIBILANCE] as f32;
                exc[i] = a[EXCITER] as f32;
                pres[i] = presence * b[PRESENCE] as f32
                    + (warmth * a[WARMTH] as f32 + brightness * a[BRIGHTNESS] as f32);
            }
            high.flush_denormals();
            low.flush_denormals();
            (c.band_high, c.band_low) = (high, low);
            tone.flush_denormals();
            c.tone = tone;
            // Pass 2: the de-esser's envelopes (one-pole recursions, nothing else).
            // Two frames per step: y[i+1] = c²·y[i-1] + (c(1-c)·x[i] + (1-c)·x[i+1]), so
            // the recursion is one multiply and one add per two frames.
            let (b, c2) = (1.0 - env_c, env_c * env_c);
            let (mut sib_env, mut full_env) = (c.sib_env, c.full_env);
            for i in 0..n {
                sib_env_buf[i] = sib_band[i].abs();
                full_env_buf[i] = buf[i].abs();
            }
            for (s, f) in sib_env_buf[..n]
                .chunks_exact_mut(2)
                .zip(full_env_buf[..n].chunks_exact_mut(2))
            {
                let (s0, f0) = (b * s[0], b * f[0]);
                (s[0], f[0]) = (env_c * sib_env + s0, env_c * full_env + f0);
                sib_env = c2 * sib_env + (env_c * s0 + b * s[1]);
                full_env = c2 * full_env + (env_c * f0 + b * f[1]);
                (s[1], f[1]) = (sib_env, full_env);
            }
            if n % 2 == 1 {
                let i = n - 1;
                sib_env = env_c * sib_env + b * sib_env_buf[i];
                full_env = env_c * full_env + b * full_env_buf[i];
                (sib_env_buf[i], full_env_buf[i]) = (sib_env, full_env);
            }
            (c.sib_env, c.full_env) = (sib_env, full_env);
            // Pass 3, vectorised: exciter, de-esser (its envelope ratio: the divisions
            // are here, many per instruction, not in the serial pass) and the mix.
            for i in 0..n {
                let ratio = sib_env_buf[i] / (full_env_buf[i] + 1e-9);
                let k = (2.0 * (ratio - 0.25)).clamp(0.0, 1.0);
                buf[i] +=
                    clarity * fast_tanh(3.0 * exc[i]) / 3.0 + pres[i] - sibilance * k * sib_band[i];
            }
        }
        if p.normalize {
            let n = audio.len();
            for i in 0..n {
                let mut peak = 0.0f32;
                for ch in 0..audio.channels() {
                    peak = peak.max(audio.channel(ch)[i].abs());
                }
                self.peak = self.peak.max(peak);
                let target = if self.peak > 1e-6 {
                    (NORMALIZE_PEAK / self.peak).min(NORMALIZE_MAX_GAIN)
                } else {
                    1.0
                };
                // Fall at once (never overshoot), rise smoothly.
                self.norm_gain = if target < self.norm_gain {
                    target
                } else {
                    target + self.norm_coeff * (self.norm_gain - target)
                };
                for ch in audio.channels_mut() {
                    ch[i] *= self.norm_gain;
                }
            }
        }
    }

    fn reset(&mut self) {
        if let Some(f) = self.format {
            self.prepare(f);
        }
    }

    fn telemetry(&self) -> StageTelemetry {
        StageTelemetry {
            gain_db: self.params.normalize.then(|| 20.0 * self.norm_gain.log10()),
            ..StageTelemetry::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dsp::testing;
    use crate::test_signals;

    fn gain_db(p: &VoiceEnhancementParams, freq: f64, sr: u32) -> f64 {
        let input = test_signals::sine(freq, 0.1, sr, sr as usize / 2);
        let mut ve = VoiceEnhancement::new(p.clone());
        let out = testing::run_stage(&mut ve, sr, &[input], 256);
        let peak = out[0][sr as usize / 4..]
            .iter()
            .fold(0.0f32, |m, x| m.max(x.abs()));
        20.0 * (f64::from(peak) / 0.1).log10()
    }

    #[test]
    fn shapes_the_bands_it_names() {
        let sr = 48_000;
        let zero = VoiceEnhancementParams {
            clarity_enhancement: 0.0,
            presence_boost: 0.0,
            sibilance_control: 0.0,
            ..VoiceEnhancementParams::default()
        };
        assert!(
            gain_db(&zero, 1000.0, sr).abs() < 0.01,
            "all amounts 0: identity"
        );
        let presence = VoiceEnhancementParams {
            presence_boost: 1.0,
            ..zero.clone()
        };
        assert!(gain_db(&presence, 3200.0, sr) > 3.0);
        let warm = VoiceEnhancementParams {
            warmth_adjustment: 1.0,
            ..zero.clone()
        };
        assert!(gain_db(&warm, 100.0, sr) > 2.5);
        assert!(gain_db(&warm, 4000.0, sr) < 0.3);
        let dark = VoiceEnhancementParams {
            brightness_adjustment: -1.0,
            ..zero.clone()
        };
        assert!(gain_db(&dark, 12_000.0, sr) < -4.0);
        // The de-esser cuts a lone sibilant tone, not a vowel.
        let deess = VoiceEnhancementParams {
            sibilance_control: 1.0,
            ..zero
        };
        assert!(gain_db(&deess, 7500.0, sr) < -3.0);
        assert!(gain_db(&deess, 500.0, sr).abs() < 0.1);
    }

    #[test]
    fn normalize_never_passes_minus_one_dbfs() {
        let sr = 16_000;
        let mut sig = test_signals::sine(200.0, 0.1, sr, sr as usize);
        sig.extend(test_signals::sine(200.0, 0.6, sr, sr as usize));
        let mut ve = VoiceEnhancement::new(VoiceEnhancementParams {
            normalize: true,
            clarity_enhancement: 0.0,
            presence_boost: 0.0,
            sibilance_control: 0.0,
            ..VoiceEnhancementParams::default()
        });
        let out = testing::run_stage(&mut ve, sr, &[sig], 160);
        let peak = out[0].iter().fold(0.0f32, |m, x| m.max(x.abs()));
        assert!(peak <= NORMALIZE_PEAK * 1.0001, "{peak}");
        assert!(
            out[0][sr as usize / 2..sr as usize]
                .iter()
                .any(|x| x.abs() > 0.8)
        );
    }

    #[test]
    fn block_size_invariant() {
        for sr in [16_000, 48_000] {
            testing::assert_stage_block_invariant("voice_enhancement", sr, 2, || {
                VoiceEnhancement::new(VoiceEnhancementParams {
                    normalize: true,
                    warmth_adjustment: 0.5,
                    brightness_adjustment: -0.3,
                    ..VoiceEnhancementParams::default()
                })
            });
        }
    }

    #[test]
    fn bad_parameters_are_rejected() {
        let e = VoiceEnhancementParams {
            warmth_adjustment: -2.0,
            ..VoiceEnhancementParams::default()
        }
        .validate()
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            "stage `voice_enhancement`: parameter `warmth_adjustment` = -2 is invalid (allowed: -1 to 1)"
        );
    }
}
