//! Voice filter: voice-band emphasis with Butterworth band-passes built from RBJ-cookbook
//! biquads (a 2nd-order high-pass then a 2nd-order low-pass per band, as scipy's
//! order-2 band-pass), then a 4th-order Butterworth low-pass at the roll-off.
//!
//! `y = x + (voice_band_gain - 1) * (fundamental + formant1 + formant2)`, then the
//! roll-off low-pass (skipped at or above 0.45 × the sample rate). `voice_band_gain` 1 is
//! neutral, above 1 emphasises the voice bands, below 1 attenuates them. Without
//! `preserve_formants` only the fundamental band is used.
//!
//! The Python service ran these filters zero-phase (forward and backward over each
//! block), which cannot stream: orch runs them causally, so the band components carry
//! the filters' phase shift (no added latency, small phase colouring at the band edges).

use serde::{Deserialize, Serialize};

use crate::audio::Planar;
use crate::dsp::params::{ParamError, check_range};
use crate::dsp::{Stage, StageKind, StreamFormat};
use crate::signal::biquad::{Biquad, BiquadBank, Coeffs, Shape};

const NAME: &str = "voice_filter";
const BUTTERWORTH_Q: f64 = std::f64::consts::FRAC_1_SQRT_2;
/// Q of the two sections of a 4th-order Butterworth filter.
const BUTTERWORTH4_Q: [f64; 2] = [0.541_196_100_146_197, 1.306_562_964_876_376_6];

/// Parameters of the voice filter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct VoiceFilterParams {
    /// Lower edge of the fundamental band in Hz (50 to 200).
    pub fundamental_min_hz: f64,
    /// Upper edge of the fundamental band in Hz (200 to 500).
    pub fundamental_max_hz: f64,
    /// Lower edge of the first formant band in Hz (100 to 1000).
    pub formant1_min_hz: f64,
    /// Upper edge of the first formant band in Hz (500 to 2000).
    pub formant1_max_hz: f64,
    /// Lower edge of the second formant band in Hz (500 to 3000).
    pub formant2_min_hz: f64,
    /// Upper edge of the second formant band in Hz (1500 to 5000).
    pub formant2_max_hz: f64,
    /// Include the formant bands.
    pub preserve_formants: bool,
    /// Weight of the voice bands (0.1 to 3; 1 is neutral).
    pub voice_band_gain: f64,
    /// Corner of the final 4th-order low-pass in Hz (1000 to 24000).
    pub high_freq_rolloff_hz: f64,
}

impl Default for VoiceFilterParams {
    fn default() -> Self {
        Self {
            fundamental_min_hz: 85.0,
            fundamental_max_hz: 300.0,
            formant1_min_hz: 200.0,
            formant1_max_hz: 1000.0,
            formant2_min_hz: 900.0,
            formant2_max_hz: 3000.0,
            preserve_formants: true,
            voice_band_gain: 1.1,
            high_freq_rolloff_hz: 8000.0,
        }
    }
}

impl VoiceFilterParams {
    /// Check every parameter against its range, and each band's edges against each other.
    pub fn validate(&self) -> Result<(), ParamError> {
        check_range(
            NAME,
            "fundamental_min_hz",
            self.fundamental_min_hz,
            50.0,
            200.0,
        )?;
        check_range(
            NAME,
            "fundamental_max_hz",
            self.fundamental_max_hz,
            200.0,
            500.0,
        )?;
        check_range(NAME, "formant1_min_hz", self.formant1_min_hz, 100.0, 1000.0)?;
        check_range(NAME, "formant1_max_hz", self.formant1_max_hz, 500.0, 2000.0)?;
        check_range(NAME, "formant2_min_hz", self.formant2_min_hz, 500.0, 3000.0)?;
        check_range(
            NAME,
            "formant2_max_hz",
            self.formant2_max_hz,
            1500.0,
            5000.0,
        )?;
        check_range(NAME, "voice_band_gain", self.voice_band_gain, 0.1, 3.0)?;
        check_range(
            NAME,
            "high_freq_rolloff_hz",
            self.high_freq_rolloff_hz,
            1000.0,
            24_000.0,
        )?;
        for (lo_name, lo, hi_name, hi) in [
            (
                "fundamental_min_hz",
                self.fundamental_min_hz,
                "fundamental_max_hz",
                self.fundamental_max_hz,
            ),
            (
                "formant1_min_hz",
                self.formant1_min_hz,
                "formant1_max_hz",
                self.formant1_max_hz,
            ),
            (
                "formant2_min_hz",
                self.formant2_min_hz,
                "formant2_max_hz",
                self.formant2_max_hz,
            ),
        ] {
            if lo >= hi {
                return Err(ParamError {
                    stage: NAME,
                    param: hi_name.to_string(),
                    value: format!("{hi}"),
                    allowed: format!("above {lo_name} ({lo})"),
                });
            }
        }
        Ok(())
    }

    fn bands(&self) -> Vec<(f64, f64)> {
        let mut v = vec![(self.fundamental_min_hz, self.fundamental_max_hz)];
        if self.preserve_formants {
            v.push((self.formant1_min_hz, self.formant1_max_hz));
            v.push((self.formant2_min_hz, self.formant2_max_hz));
        }
        v
    }
}

/// Most bands: the fundamental and two formants.
const MAX_BANDS: usize = 3;

/// One channel's filters: the high-pass of every band side by side in one bank, their
/// low-passes in another (unused lanes output silence), then the roll-off.
#[derive(Debug, Clone)]
struct ChannelFilters {
    high: BiquadBank<4>,
    low: BiquadBank<4>,
    rolloff: Option<[Biquad; 2]>,
}

impl ChannelFilters {
    /// Coefficients of each band's high-pass and low-pass.
    fn band_coeffs(bands: &[(f64, f64)], sr: f64) -> ([Coeffs; 4], [Coeffs; 4]) {
        let mut high = [Coeffs::ZERO; 4];
        let mut low = [Coeffs::ZERO; 4];
        for (k, &(lo, hi)) in bands.iter().enumerate().take(MAX_BANDS) {
            let hi = hi.min(0.45 * sr);
            high[k] = Coeffs::new(Shape::HighPass { q: BUTTERWORTH_Q }, lo, sr);
            low[k] = Coeffs::new(Shape::LowPass { q: BUTTERWORTH_Q }, hi, sr);
        }
        (high, low)
    }
}

/// The voice filter stage.
pub struct VoiceFilter {
    params: VoiceFilterParams,
    format: Option<StreamFormat>,
    channels: Vec<ChannelFilters>,
}

impl VoiceFilter {
    /// A voice filter with `params`.
    pub fn new(params: VoiceFilterParams) -> Self {
        Self {
            params,
            format: None,
            channels: Vec::new(),
        }
    }

    /// The parameters in use.
    pub fn params(&self) -> &VoiceFilterParams {
        &self.params
    }

    /// Change parameters; filter states are kept when the band layout is unchanged.
    pub fn set_params(&mut self, p: VoiceFilterParams) {
        let old = std::mem::replace(&mut self.params, p);
        let Some(f) = self.format else { return };
        let fresh = self.build(f);
        let same_layout = old.preserve_formants == self.params.preserve_formants
            && self.channels.first().map(|c| c.rolloff.is_some())
                == fresh.first().map(|c| c.rolloff.is_some());
        if !same_layout {
            self.channels = fresh;
            return;
        }
        for (cur, new) in self.channels.iter_mut().zip(fresh) {
            for lane in 0..4 {
                cur.high.set_coeffs(lane, new.high.coeffs(lane));
                cur.low.set_coeffs(lane, new.low.coeffs(lane));
            }
            if let (Some(a), Some(b)) = (cur.rolloff.as_mut(), new.rolloff) {
                for (x, y) in a.iter_mut().zip(&b) {
                    x.set_coeffs(y.coeffs());
                }
            }
        }
    }

    fn build(&self, f: StreamFormat) -> Vec<ChannelFilters> {
        let sr = f64::from(f.sample_rate);
        let bands: Vec<(f64, f64)> = self
            .params
            .bands()
            .into_iter()
            .filter(|&(lo, _)| lo < 0.45 * sr)
            .collect();
        let (high, low) = ChannelFilters::band_coeffs(&bands, sr);
        let rolloff = (self.params.high_freq_rolloff_hz < 0.45 * sr).then(|| {
            BUTTERWORTH4_Q.map(|q| {
                Biquad::new(Coeffs::new(
                    Shape::LowPass { q },
                    self.params.high_freq_rolloff_hz,
                    sr,
                ))
            })
        });
        (0..f.channels)
            .map(|_| ChannelFilters {
                high: BiquadBank::new(high),
                low: BiquadBank::new(low),
                rolloff,
            })
            .collect()
    }
}

impl Stage for VoiceFilter {
    fn kind(&self) -> StageKind {
        StageKind::VoiceFilter
    }

    fn prepare(&mut self, format: StreamFormat) {
        self.format = Some(format);
        self.channels = self.build(format);
    }

    fn process(&mut self, audio: &mut Planar) {
        let weight = (self.params.voice_band_gain - 1.0) as f32;
        for (f, buf) in self.channels.iter_mut().zip(audio.channels_mut()) {
            // The filters run on local copies, so their states stay in registers for the
            // block instead of a store and a reload per sample on each recursion; the
            // bands and the roll-off run as two passes, each with few enough live values
            // to fit the registers.
            let (mut high, mut low) = (f.high, f.low);
            // Unused lanes are silent: summing all four is summing the bands.
            let mix = |x: f32, b: [f64; 4]| x + weight * ((b[0] + b[1]) + (b[2] + b[3])) as f32;
            // Two frames per step (`BiquadBank::step2`), then an odd last frame.
            let mut pairs = buf.chunks_exact_mut(2);
            for p in &mut pairs {
                let (u, v) = ([f64::from(p[0]); 4], [f64::from(p[1]); 4]);
                let (hu, hv) = high.step2(u, v);
                let (bu, bv) = low.step2(hu, hv);
                (p[0], p[1]) = (mix(p[0], bu), mix(p[1], bv));
            }
            for s in pairs.into_remainder() {
                *s = mix(*s, low.tick(high.tick([f64::from(*s); 4])));
            }
            if let Some(lp) = &mut f.rolloff {
                Biquad::process_cascade(lp, buf);
            }
            (f.high, f.low) = (high, low);
            f.high.flush_denormals();
            f.low.flush_denormals();
        }
    }

    fn reset(&mut self) {
        if let Some(f) = self.format {
            self.channels = self.build(f);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dsp::testing;
    use crate::test_signals;

    fn gain_db(p: &VoiceFilterParams, freq: f64, sr: u32) -> f64 {
        let input = test_signals::sine(freq, 0.3, sr, sr as usize / 2);
        let mut vf = VoiceFilter::new(p.clone());
        let out = testing::run_stage(&mut vf, sr, &[input], 256);
        let tail = &out[0][sr as usize / 4..];
        let peak = tail.iter().fold(0.0f32, |m, x| m.max(x.abs()));
        20.0 * (f64::from(peak) / 0.3).log10()
    }

    #[test]
    fn emphasises_the_voice_band_and_rolls_off_highs() {
        let sr = 48_000;
        let p = VoiceFilterParams {
            voice_band_gain: 2.0,
            ..VoiceFilterParams::default()
        };
        assert!(gain_db(&p, 150.0, sr) > 3.0, "fundamental boosted");
        assert!(gain_db(&p, 15_000.0, sr) < -20.0, "rolled off above 8 kHz");
        let neutral = VoiceFilterParams {
            voice_band_gain: 1.0,
            ..VoiceFilterParams::default()
        };
        assert!(gain_db(&neutral, 1000.0, sr).abs() < 0.1);
    }

    #[test]
    fn block_size_invariant() {
        for sr in [8_000, 48_000] {
            testing::assert_stage_block_invariant("voice_filter", sr, 2, || {
                VoiceFilter::new(VoiceFilterParams::default())
            });
        }
    }

    #[test]
    fn bad_parameters_are_rejected() {
        let e = VoiceFilterParams {
            voice_band_gain: 5.0,
            ..VoiceFilterParams::default()
        }
        .validate()
        .unwrap_err();
        assert!(e.to_string().contains("`voice_band_gain` = 5"));
        let e = VoiceFilterParams {
            formant1_min_hz: 900.0,
            formant1_max_hz: 800.0,
            ..VoiceFilterParams::default()
        }
        .validate()
        .unwrap_err();
        assert!(e.to_string().contains("formant1_max_hz"), "{e}");
    }
}
