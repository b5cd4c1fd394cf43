//! Equalizer: a parametric EQ of RBJ-cookbook biquads (Robert Bristow-Johnson, "Cookbook
//! formulae for audio EQ biquad filter coefficients") in series, one per band, with the
//! filter state kept across blocks.
//!
//! Each band is a peaking, low/high shelf or low/high-pass filter. For peaking bands the
//! bandwidth in octaves gives Q by the cookbook's relation (clamped to 0.1..30); shelves
//! and pass filters use the same relation halved, so 1 octave is the Butterworth
//! Q = 1/√2. Peaking and shelving bands with |gain| < 0.1 dB are skipped (they are
//! identities); the gain of a pass filter is ignored. Bands at or above 0.45 × the
//! sample rate are skipped at low sample rates (they would fold onto Nyquist).
//!
//! Six named EQ presets (`flat`, `voice_enhance`,
//! `bass_boost`, `treble_boost`, `mid_cut`, `broadcast`) are available as `preset`; a
//! preset's bands come first, then the `bands` of the configuration.

use serde::{Deserialize, Serialize};

use crate::audio::Planar;
use crate::dsp::params::{ParamError, check_range};
use crate::dsp::{Stage, StageKind, StreamFormat};
use crate::signal::biquad::{Biquad, Coeffs, Shape, q_from_octaves};

const NAME: &str = "equalizer";

/// Filter type of one band.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FilterType {
    /// Bell boost or cut around the frequency.
    Peaking,
    /// Boost or cut below the frequency.
    LowShelf,
    /// Boost or cut above the frequency.
    HighShelf,
    /// Remove content above the frequency (gain ignored).
    LowPass,
    /// Remove content below the frequency (gain ignored).
    HighPass,
}

/// One EQ band.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct EqBand {
    /// Whether the band is applied.
    pub enabled: bool,
    /// Centre or corner frequency in Hz (20 to 20000).
    pub frequency_hz: f64,
    /// Gain in dB (-20 to 20); ignored by pass filters.
    pub gain_db: f64,
    /// Bandwidth in octaves (0.1 to 5).
    pub bandwidth_octaves: f64,
    /// Filter shape.
    pub filter_type: FilterType,
}

impl Default for EqBand {
    fn default() -> Self {
        Self {
            enabled: true,
            frequency_hz: 1000.0,
            gain_db: 0.0,
            bandwidth_octaves: 1.0,
            filter_type: FilterType::Peaking,
        }
    }
}

impl EqBand {
    fn new(filter_type: FilterType, frequency_hz: f64, gain_db: f64, bw: f64) -> Self {
        Self {
            enabled: true,
            frequency_hz,
            gain_db,
            bandwidth_octaves: bw,
            filter_type,
        }
    }

    /// The band's biquad coefficients at `sample_rate`, or `None` when it does nothing.
    pub fn coeffs(&self, sample_rate: f64) -> Option<Coeffs> {
        if !self.enabled || self.frequency_hz >= 0.45 * sample_rate {
            return None;
        }
        let q = q_from_octaves(self.bandwidth_octaves).clamp(0.1, 30.0);
        let half_q = (q / 2.0).clamp(0.1, 30.0);
        let g = self.gain_db;
        let shape = match self.filter_type {
            FilterType::Peaking if g.abs() >= 0.1 => Shape::Peaking { q, gain_db: g },
            FilterType::LowShelf if g.abs() >= 0.1 => Shape::LowShelf {
                q: half_q,
                gain_db: g,
            },
            FilterType::HighShelf if g.abs() >= 0.1 => Shape::HighShelf {
                q: half_q,
                gain_db: g,
            },
            FilterType::LowPass => Shape::LowPass { q: half_q },
            FilterType::HighPass => Shape::HighPass { q: half_q },
            _ => return None,
        };
        Some(Coeffs::new(shape, self.frequency_hz, sample_rate))
    }
}

/// The named EQ presets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EqPreset {
    /// No bands.
    Flat,
    /// 80 Hz HP, 200 Hz -3, 1 kHz +2, 3 kHz +3, 8 kHz shelf +1.
    VoiceEnhance,
    /// 60 Hz shelf +4, 120 Hz +3, 250 Hz +1.
    BassBoost,
    /// 2 kHz +2, 5 kHz +3, 10 kHz shelf +4.
    TrebleBoost,
    /// 100 Hz shelf +2, 400 Hz -4, 1.2 kHz -3, 3 kHz -2, 8 kHz shelf +3.
    MidCut,
    /// 80 Hz HP, 200 Hz -2, 800 Hz +1, 2.5 kHz +3, 7 kHz LP.
    Broadcast,
}

impl EqPreset {
    /// Every preset.
    pub const ALL: [EqPreset; 6] = [
        EqPreset::Flat,
        EqPreset::VoiceEnhance,
        EqPreset::BassBoost,
        EqPreset::TrebleBoost,
        EqPreset::MidCut,
        EqPreset::Broadcast,
    ];

    /// The preset's bands.
    pub fn bands(self) -> Vec<EqBand> {
        use FilterType::*;
        let b = EqBand::new;
        match self {
            EqPreset::Flat => vec![],
            EqPreset::VoiceEnhance => vec![
                b(HighPass, 80.0, -6.0, 1.0),
                b(Peaking, 200.0, -3.0, 1.5),
                b(Peaking, 1000.0, 2.0, 1.0),
                b(Peaking, 3000.0, 3.0, 1.2),
                b(HighShelf, 8000.0, 1.0, 1.0),
            ],
            EqPreset::BassBoost => vec![
                b(LowShelf, 60.0, 4.0, 1.0),
                b(Peaking, 120.0, 3.0, 1.5),
                b(Peaking, 250.0, 1.0, 1.0),
            ],
            EqPreset::TrebleBoost => vec![
                b(Peaking, 2000.0, 2.0, 1.0),
                b(Peaking, 5000.0, 3.0, 1.2),
                b(HighShelf, 10000.0, 4.0, 1.0),
            ],
            EqPreset::MidCut => vec![
                b(LowShelf, 100.0, 2.0, 1.0),
                b(Peaking, 400.0, -4.0, 2.0),
                b(Peaking, 1200.0, -3.0, 1.5),
                b(Peaking, 3000.0, -2.0, 1.0),
                b(HighShelf, 8000.0, 3.0, 1.0),
            ],
            EqPreset::Broadcast => vec![
                b(HighPass, 80.0, -12.0, 1.0),
                b(Peaking, 200.0, -2.0, 1.0),
                b(Peaking, 800.0, 1.0, 1.5),
                b(Peaking, 2500.0, 3.0, 1.2),
                b(LowPass, 7000.0, -6.0, 1.0),
            ],
        }
    }
}

/// Parameters of the equalizer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct EqualizerParams {
    /// A named preset whose bands come before `bands`.
    pub preset: EqPreset,
    /// The bands (default: the reference's five disabled bands).
    pub bands: Vec<EqBand>,
}

impl Default for EqualizerParams {
    fn default() -> Self {
        use FilterType::*;
        let off = |t, f| EqBand {
            enabled: false,
            ..EqBand::new(t, f, 0.0, 1.0)
        };
        Self {
            preset: EqPreset::Flat,
            bands: vec![
                off(HighPass, 80.0),
                off(Peaking, 200.0),
                off(Peaking, 800.0),
                off(Peaking, 3200.0),
                off(HighShelf, 8000.0),
            ],
        }
    }
}

impl EqualizerParams {
    /// Check every band.
    pub fn validate(&self) -> Result<(), ParamError> {
        if self.bands.len() > 32 {
            return Err(ParamError {
                stage: NAME,
                param: "bands".into(),
                value: format!("{} bands", self.bands.len()),
                allowed: "at most 32 bands".into(),
            });
        }
        for (i, b) in self.bands.iter().enumerate() {
            check_range(
                NAME,
                &format!("bands[{i}].frequency_hz"),
                b.frequency_hz,
                20.0,
                20_000.0,
            )?;
            check_range(NAME, &format!("bands[{i}].gain_db"), b.gain_db, -20.0, 20.0)?;
            check_range(
                NAME,
                &format!("bands[{i}].bandwidth_octaves"),
                b.bandwidth_octaves,
                0.1,
                5.0,
            )?;
        }
        Ok(())
    }

    /// The bands actually applied: the preset's, then the configured ones.
    pub fn effective_bands(&self) -> Vec<EqBand> {
        let mut v = self.preset.bands();
        v.extend(self.bands.iter().cloned());
        v
    }

    /// Magnitude response of the whole EQ in dB at `freq_hz`.
    pub fn magnitude_db(&self, freq_hz: f64, sample_rate: f64) -> f64 {
        self.effective_bands()
            .iter()
            .filter_map(|b| b.coeffs(sample_rate))
            .map(|c| c.magnitude_db(freq_hz, sample_rate))
            .sum()
    }
}

/// The equalizer stage.
pub struct Equalizer {
    params: EqualizerParams,
    format: Option<StreamFormat>,
    /// `filters[channel][band]`, only the bands that do something.
    filters: Vec<Vec<Biquad>>,
}

impl Equalizer {
    /// An equalizer with `params`.
    pub fn new(params: EqualizerParams) -> Self {
        Self {
            params,
            format: None,
            filters: Vec::new(),
        }
    }

    /// The parameters in use.
    pub fn params(&self) -> &EqualizerParams {
        &self.params
    }

    /// Change the bands. When the number of active bands is unchanged the filters keep
    /// their state and only their coefficients change; otherwise they are rebuilt.
    pub fn set_params(&mut self, p: EqualizerParams) {
        self.params = p;
        let Some(f) = self.format else { return };
        let coeffs = self.coeffs(f);
        if self.filters.first().map(Vec::len) == Some(coeffs.len()) {
            for chan in &mut self.filters {
                for (bq, c) in chan.iter_mut().zip(&coeffs) {
                    bq.set_coeffs(*c);
                }
            }
        } else {
            self.prepare(f);
        }
    }

    fn coeffs(&self, f: StreamFormat) -> Vec<Coeffs> {
        self.params
            .effective_bands()
            .iter()
            .filter_map(|b| b.coeffs(f64::from(f.sample_rate)))
            .collect()
    }
}

impl Stage for Equalizer {
    fn kind(&self) -> StageKind {
        StageKind::Equalizer
    }

    fn prepare(&mut self, format: StreamFormat) {
        self.format = Some(format);
        let coeffs = self.coeffs(format);
        self.filters = (0..format.channels)
            .map(|_| coeffs.iter().map(|c| Biquad::new(*c)).collect())
            .collect();
    }

    fn process(&mut self, audio: &mut Planar) {
        for (chan, buf) in self.filters.iter_mut().zip(audio.channels_mut()) {
            for bq in chan.iter_mut() {
                bq.process(buf);
            }
        }
    }

    fn reset(&mut self) {
        for bq in self.filters.iter_mut().flatten() {
            bq.reset();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dsp::testing;
    use crate::test_signals;

    fn measured_gain_db(eq: &mut Equalizer, freq: f64, sr: u32) -> f64 {
        let amp = 0.25;
        let input = test_signals::sine(freq, amp, sr, sr as usize);
        let out = testing::run_stage(eq, sr, &[input], 480);
        let tail = &out[0][sr as usize / 2..];
        let peak = tail.iter().fold(0.0f32, |m, x| m.max(x.abs()));
        20.0 * (f64::from(peak) / amp).log10()
    }

    #[test]
    fn magnitude_at_centre_within_a_tenth_of_a_db() {
        for sr in [16_000, 48_000] {
            for (freq, gain, bw) in [(1000.0, 6.0, 1.0), (250.0, -9.0, 0.5), (3000.0, 12.0, 2.0)] {
                let mut eq = Equalizer::new(EqualizerParams {
                    preset: EqPreset::Flat,
                    bands: vec![EqBand::new(FilterType::Peaking, freq, gain, bw)],
                });
                let got = measured_gain_db(&mut eq, freq, sr);
                assert!(
                    (got - gain).abs() < 0.1,
                    "{freq} Hz {gain} dB at {sr} Hz: measured {got:.3} dB"
                );
            }
        }
    }

    #[test]
    fn presets_shape_the_response() {
        let sr = 48_000.0;
        let voice = EqualizerParams {
            preset: EqPreset::VoiceEnhance,
            ..EqualizerParams::default()
        };
        assert!(voice.magnitude_db(30.0, sr) < -10.0, "high-pass at 80 Hz");
        assert!(voice.magnitude_db(3000.0, sr) > 2.5);
        let bass = EqualizerParams {
            preset: EqPreset::BassBoost,
            ..EqualizerParams::default()
        };
        assert!(bass.magnitude_db(30.0, sr) > 4.0);
        let flat = EqualizerParams::default();
        assert_eq!(flat.magnitude_db(1000.0, sr), 0.0);
        for p in EqPreset::ALL {
            EqualizerParams {
                preset: p,
                ..EqualizerParams::default()
            }
            .validate()
            .unwrap();
        }
    }

    #[test]
    fn block_size_invariant() {
        testing::assert_stage_block_invariant("equalizer", 48_000, 2, || {
            Equalizer::new(EqualizerParams {
                preset: EqPreset::MidCut,
                ..EqualizerParams::default()
            })
        });
    }

    #[test]
    fn bad_parameters_are_rejected() {
        let mut p = EqualizerParams::default();
        p.bands[2].gain_db = 25.0;
        assert_eq!(
            p.validate().unwrap_err().to_string(),
            "stage `equalizer`: parameter `bands[2].gain_db` = 25 is invalid (allowed: -20 to 20)"
        );
        let p: Result<EqualizerParams, _> = toml::from_str("preset = \"loud\"");
        assert!(p.is_err());
    }
}
