//! AGC: automatic gain control that brings the speech level to a target, in the style of
//! a broadcast leveller (a slow RMS level detector driving a gain computer, after the
//! WebRTC AGC and Giannoulis et al. 2012 for the attack/release/hold smoothing).
//!
//! Per frame (stereo-linked):
//! 1. a one-pole mean-square detector over the look-ahead input (10 ms for `fast`,
//!    50 ms for `medium` and `adaptive`, 200 ms for `slow`);
//! 2. the desired gain `target - level`, eased inside a `knee_db` dead zone around the
//!    target (no hunting on small errors) and clamped to `min_gain_db..max_gain_db`;
//! 3. a noise gate with hysteresis (opens at `noise_gate_threshold_db`, closes 6 dB
//!    below it): while closed the gain freezes, so pauses and background noise are not
//!    pumped up;
//! 4. dB-domain smoothing: attack when the gain must fall, release after `hold_ms`
//!    when it may rise. `adaptive` scales both times by the level's variability (steady
//!    programme: faster, fluctuating speech: slower) and by `adaptation_rate`.
//!
//! The audio is delayed by `lookahead_ms` so the gain is ready before a loud onset.
//! All state is scalar: O(1) per frame (the Python AGC shifted a list every sample).

use serde::{Deserialize, Serialize};

use crate::audio::Planar;
use crate::dsp::params::{ParamError, check_range};
use crate::dsp::util::{
    DelayLine, apply_gains, fast_db_to_amp, fast_power_to_db, ms_to_frames, one_pole_coeff,
};
use crate::dsp::{Stage, StageKind, StageTelemetry, StreamFormat};

const NAME: &str = "agc";

/// How fast the AGC follows the level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AgcMode {
    /// Pass audio through (still delayed by the look-ahead).
    Disabled,
    /// 10 ms level detector.
    Fast,
    /// 50 ms level detector.
    Medium,
    /// 200 ms level detector.
    Slow,
    /// 50 ms detector; smoothing adapts to the level's variability.
    Adaptive,
}

/// Parameters of the AGC.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AgcParams {
    /// Detector speed.
    pub mode: AgcMode,
    /// RMS level to reach, in dBFS (-40 to 0).
    pub target_level_db: f64,
    /// Largest boost in dB (0 to 40).
    pub max_gain_db: f64,
    /// Largest cut in dB, negative (-40 to 0).
    pub min_gain_db: f64,
    /// Time for the gain to fall, in ms (0.1 to 100).
    pub attack_ms: f64,
    /// Time for the gain to rise, in ms (1 to 1000).
    pub release_ms: f64,
    /// Time the gain is held before rising, in ms (0 to 500).
    pub hold_ms: f64,
    /// Dead zone around the target where corrections are eased, in dB (0 to 10).
    pub knee_db: f64,
    /// Look-ahead delay in ms (0 to 20); reported as latency.
    pub lookahead_ms: f64,
    /// Speed scale of the `adaptive` mode (0.01 to 1; 0.1 = nominal times).
    pub adaptation_rate: f64,
    /// Level under which the gain freezes, in dBFS (-80 to -20).
    pub noise_gate_threshold_db: f64,
}

impl Default for AgcParams {
    fn default() -> Self {
        Self {
            mode: AgcMode::Medium,
            target_level_db: -18.0,
            max_gain_db: 12.0,
            min_gain_db: -12.0,
            attack_ms: 10.0,
            release_ms: 100.0,
            hold_ms: 50.0,
            knee_db: 2.0,
            lookahead_ms: 5.0,
            adaptation_rate: 0.1,
            noise_gate_threshold_db: -60.0,
        }
    }
}

impl AgcParams {
    /// Check every parameter against its range.
    pub fn validate(&self) -> Result<(), ParamError> {
        check_range(NAME, "target_level_db", self.target_level_db, -40.0, 0.0)?;
        check_range(NAME, "max_gain_db", self.max_gain_db, 0.0, 40.0)?;
        check_range(NAME, "min_gain_db", self.min_gain_db, -40.0, 0.0)?;
        check_range(NAME, "attack_ms", self.attack_ms, 0.1, 100.0)?;
        check_range(NAME, "release_ms", self.release_ms, 1.0, 1000.0)?;
        check_range(NAME, "hold_ms", self.hold_ms, 0.0, 500.0)?;
        check_range(NAME, "knee_db", self.knee_db, 0.0, 10.0)?;
        check_range(NAME, "lookahead_ms", self.lookahead_ms, 0.0, 20.0)?;
        check_range(NAME, "adaptation_rate", self.adaptation_rate, 0.01, 1.0)?;
        check_range(
            NAME,
            "noise_gate_threshold_db",
            self.noise_gate_threshold_db,
            -80.0,
            -20.0,
        )?;
        Ok(())
    }

    fn detector_ms(&self) -> f64 {
        match self.mode {
            AgcMode::Fast => 10.0,
            AgcMode::Slow => 200.0,
            _ => 50.0,
        }
    }
}

/// Attack/release coefficients for one speed class.
#[derive(Debug, Clone, Copy, Default)]
struct Speeds {
    attack: f32,
    release: f32,
}

/// The AGC stage.
pub struct Agc {
    params: AgcParams,
    format: Option<StreamFormat>,
    delay: DelayLine,
    det_coeff: f32,
    /// Speeds for steady, normal and fluctuating programme (only `adaptive` uses all).
    speeds: [Speeds; 3],
    var_coeff: f32,
    hold_frames: u32,
    ms: f32,
    gain_db: f32,
    hold: u32,
    gate_open: bool,
    level_mean: f32,
    level_var: f32,
    /// The gain of every frame of the current block.
    gains: Vec<f32>,
}

impl Agc {
    /// An AGC with `params`.
    pub fn new(params: AgcParams) -> Self {
        Self {
            params,
            format: None,
            delay: DelayLine::new(1, 0),
            det_coeff: 0.0,
            speeds: [Speeds::default(); 3],
            var_coeff: 0.0,
            hold_frames: 0,
            ms: 0.0,
            gain_db: 0.0,
            hold: 0,
            gate_open: false,
            level_mean: -100.0,
            level_var: 0.0,
            gains: Vec::new(),
        }
    }

    /// The parameters in use.
    pub fn params(&self) -> &AgcParams {
        &self.params
    }

    /// Change parameters keeping the current gain and level (the gain then moves to the
    /// new target with the attack/release times, so nothing jumps). A new look-ahead
    /// resizes the delay (the pipeline crossfades such changes).
    pub fn set_params(&mut self, p: AgcParams) {
        let relayout = p.lookahead_ms != self.params.lookahead_ms;
        self.params = p;
        if let Some(f) = self.format {
            if relayout {
                self.prepare(f);
            } else {
                self.update_coeffs(f);
            }
        }
    }

    /// The gain currently applied, in dB.
    pub fn gain_db(&self) -> f32 {
        self.gain_db
    }

    fn update_coeffs(&mut self, f: StreamFormat) {
        let sr = f64::from(f.sample_rate);
        let p = &self.params;
        self.det_coeff = one_pole_coeff(p.detector_ms(), sr) as f32;
        let scale = if p.mode == AgcMode::Adaptive {
            0.1 / p.adaptation_rate
        } else {
            1.0
        };
        let classes = if p.mode == AgcMode::Adaptive {
            [0.5, 1.0, 3.0]
        } else {
            [1.0, 1.0, 1.0]
        };
        for (s, c) in self.speeds.iter_mut().zip(classes) {
            s.attack = one_pole_coeff(p.attack_ms * scale * c, sr) as f32;
            s.release = one_pole_coeff(p.release_ms * scale * c, sr) as f32;
        }
        self.var_coeff = one_pole_coeff(500.0, sr) as f32;
        self.hold_frames = ms_to_frames(p.hold_ms, f.sample_rate) as u32;
    }
}

impl Stage for Agc {
    fn kind(&self) -> StageKind {
        StageKind::Agc
    }

    fn prepare(&mut self, format: StreamFormat) {
        self.format = Some(format);
        self.update_coeffs(format);
        self.delay = DelayLine::new(
            format.channels,
            ms_to_frames(self.params.lookahead_ms, format.sample_rate),
        );
        self.gains = vec![0.0; format.max_block];
        self.reset();
    }

    fn process(&mut self, audio: &mut Planar) {
        let n = audio.len();
        let channels = audio.channels();
        if self.params.mode == AgcMode::Disabled {
            self.delay.process(audio);
            return;
        }
        let p = &self.params;
        let target = p.target_level_db as f32;
        let (gmin, gmax) = (p.min_gain_db as f32, p.max_gain_db as f32);
        let half_knee = (p.knee_db as f32) / 2.0;
        let gate_open_db = p.noise_gate_threshold_db as f32;
        let gate_close_db = gate_open_db - 6.0;
        let adaptive = p.mode == AgcMode::Adaptive;
        let inv_channels = 1.0 / channels as f32;
        // The recursions run on local copies of their state: kept in registers for the
        // block, not stored and reloaded through `self` on every frame.
        let (det_c, var_c, speeds, hold_frames) = (
            self.det_coeff,
            self.var_coeff,
            self.speeds,
            self.hold_frames,
        );
        let mut ms = self.ms;
        // Pass 1: the detector (a recursion) per frame, then its level in dB (vectorised).
        let gains = &mut self.gains[..n];
        for (i, level) in gains.iter_mut().enumerate() {
            let mut sq = 0.0f32;
            for ch in 0..channels {
                let x = audio.channel(ch)[i];
                sq += x * x;
            }
            // One multiply and one add on the recursion: `c·ms + (1 - c)·sq`.
            ms = det_c * ms + (1.0 - det_c) * (sq * inv_channels);
            *level = ms;
        }
        self.ms = ms;
        for level in gains.iter_mut() {
            *level = fast_power_to_db(level.max(1e-12));
        }
        // Pass 2, sample by sample (gate and gain are recursions): the gain in dB,
        // written over the level it was computed from.
        let (mut gate_open, mut gain_db, mut hold) = (self.gate_open, self.gain_db, self.hold);
        let (mut level_mean, mut level_var) = (self.level_mean, self.level_var);
        for gain in gains.iter_mut() {
            let level_db = *gain;
            if gate_open {
                if level_db < gate_close_db {
                    gate_open = false;
                }
            } else if level_db >= gate_open_db {
                gate_open = true;
            }
            let speed = if adaptive {
                let d = level_db - level_mean;
                level_mean = var_c * level_mean + (1.0 - var_c) * level_db;
                level_var = var_c * level_var + (1.0 - var_c) * (d * d);
                if level_var < 4.0 {
                    speeds[0]
                } else if level_var > 36.0 {
                    speeds[2]
                } else {
                    speeds[1]
                }
            } else {
                speeds[1]
            };
            if gate_open {
                let e = target - level_db;
                let e = if half_knee > 0.0 && e.abs() < half_knee {
                    e * e.abs() / half_knee
                } else {
                    e
                };
                let desired = e.clamp(gmin, gmax);
                if desired < gain_db {
                    gain_db = speed.attack * gain_db + (1.0 - speed.attack) * desired;
                    hold = hold_frames;
                } else if hold > 0 {
                    hold -= 1;
                } else {
                    gain_db = speed.release * gain_db + (1.0 - speed.release) * desired;
                }
            }
            *gain = gain_db;
        }
        (self.gate_open, self.gain_db, self.hold) = (gate_open, gain_db, hold);
        (self.level_mean, self.level_var) = (level_mean, level_var);
        // Pass 3, vectorised: dB to linear; the delayed audio times the gains.
        for g in gains.iter_mut() {
            *g = fast_db_to_amp(*g);
        }
        self.delay.process(audio);
        apply_gains(audio, gains);
    }

    fn latency(&self) -> usize {
        self.delay.len()
    }

    fn reset(&mut self) {
        self.delay.reset();
        self.ms = 0.0;
        self.gain_db = 0.0;
        self.hold = 0;
        self.gate_open = false;
        self.level_mean = -100.0;
        self.level_var = 0.0;
    }

    fn telemetry(&self) -> StageTelemetry {
        StageTelemetry {
            gain_db: Some(self.gain_db),
            ..StageTelemetry::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dsp::testing;
    use crate::test_signals;

    fn rms_db(x: &[f32]) -> f64 {
        let ms: f64 = x.iter().map(|&s| f64::from(s) * f64::from(s)).sum::<f64>() / x.len() as f64;
        10.0 * ms.log10()
    }

    #[test]
    fn brings_quiet_and_loud_tones_to_the_target() {
        let sr = 16_000;
        for (level, expect) in [(-30.0, -18.0), (-10.0, -18.0), (-40.0, -28.0)] {
            // A sine's RMS is its peak - 3.01 dB.
            let amp = 10f64.powf((level + 3.0103) / 20.0);
            let input = test_signals::sine(300.0, amp, sr, sr as usize * 2);
            let mut agc = Agc::new(AgcParams::default());
            let out = testing::run_stage(&mut agc, sr, &[input], 160);
            let got = rms_db(&out[0][out[0].len() - 1600..]);
            // -40 dB input needs +22 dB: clamped to the 12 dB maximum.
            assert!((got - expect).abs() < 0.5, "{level} dB in: {got:.2} dB out");
        }
    }

    #[test]
    fn noise_gate_freezes_gain_in_silence() {
        let sr = 16_000;
        let input = test_signals::noise(0.0005, sr as usize, 5); // about -69 dBFS RMS
        let mut agc = Agc::new(AgcParams::default());
        let out = testing::run_stage(&mut agc, sr, std::slice::from_ref(&input), 160);
        assert_eq!(agc.gain_db(), 0.0);
        assert!((rms_db(&out[0]) - rms_db(&input)).abs() < 0.1);
    }

    #[test]
    fn block_size_invariant() {
        for mode in [AgcMode::Fast, AgcMode::Adaptive, AgcMode::Slow] {
            testing::assert_stage_block_invariant("agc", 48_000, 2, move || {
                Agc::new(AgcParams {
                    mode,
                    ..AgcParams::default()
                })
            });
        }
    }

    #[test]
    fn bad_parameters_are_rejected() {
        let e = AgcParams {
            max_gain_db: 50.0,
            ..AgcParams::default()
        }
        .validate()
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            "stage `agc`: parameter `max_gain_db` = 50 is invalid (allowed: 0 to 40)"
        );
    }
}
