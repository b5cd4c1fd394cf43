//! Compression: a feed-forward dynamic range compressor with a soft knee, after
//! Giannoulis, Massberg and Reiss, "Digital Dynamic Range Compressor Design — A Tutorial
//! and Analysis", JAES 60(6), 2012.
//!
//! Side chain per frame (stereo-linked: the louder channel drives both):
//! 1. level detection in dB: the peak |x| (or, in `voice_optimized` mode, a 10 ms RMS);
//! 2. the static gain computer (threshold T, ratio R, knee width W):
//!    `y = x` below `T - W/2`, `y = T + (x - T)/R` above `T + W/2`, and in between
//!    `y = x + (1/R - 1)(x - T + W/2)^2 / (2W)`;
//! 3. the gain reduction `y - x` smoothed in the dB domain by a branching one-pole
//!    (attack when the reduction grows, release when it shrinks);
//! 4. make-up gain, applied to the audio delayed by the look-ahead (reported as latency).
//!
//! Modes: `soft_knee` (the knee as set), `hard_knee` (W = 0), `voice_optimized` (RMS
//! detection, a knee of at least 6 dB), `adaptive` (program-dependent release: short
//! after brief peaks, the full release time under sustained compression), `disabled`
//! (passes audio through).

use serde::{Deserialize, Serialize};

use crate::audio::Planar;
use crate::dsp::params::{ParamError, check_range, db_to_lin};
use crate::dsp::util::{
    DB_PER_OCTAVE, DelayLine, GainRamp, apply_gains, fast_db_to_amp, fast_log2, ms_to_frames,
    one_pole_coeff,
};
use crate::dsp::{Stage, StageKind, StageTelemetry, StreamFormat};

const NAME: &str = "compression";

/// How the compressor detects level and shapes its curve.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CompressionMode {
    /// Pass audio through.
    Disabled,
    /// Peak detection with the configured knee.
    SoftKnee,
    /// Peak detection, no knee.
    HardKnee,
    /// Peak detection with program-dependent release.
    Adaptive,
    /// RMS detection (10 ms) and a knee of at least 6 dB: gentle on speech.
    VoiceOptimized,
}

/// Parameters of the compressor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CompressionParams {
    /// Detector and curve variant.
    pub mode: CompressionMode,
    /// Level above which gain is reduced, in dBFS (-60 to 0).
    pub threshold_db: f64,
    /// Input dB above threshold per output dB (1 to 20).
    pub ratio: f64,
    /// Width of the soft knee in dB (0 to 10).
    pub knee_db: f64,
    /// Time for the gain reduction to grow, in ms (0.1 to 100).
    pub attack_ms: f64,
    /// Time for the gain reduction to recover, in ms (1 to 1000).
    pub release_ms: f64,
    /// Gain added after compression, in dB (-20 to 40).
    pub makeup_gain_db: f64,
    /// Look-ahead delay in ms (0 to 20); reported as latency.
    pub lookahead_ms: f64,
}

impl Default for CompressionParams {
    fn default() -> Self {
        Self {
            mode: CompressionMode::SoftKnee,
            threshold_db: -20.0,
            ratio: 3.0,
            knee_db: 2.0,
            attack_ms: 5.0,
            release_ms: 100.0,
            makeup_gain_db: 0.0,
            lookahead_ms: 5.0,
        }
    }
}

impl CompressionParams {
    /// Check every parameter against its range.
    pub fn validate(&self) -> Result<(), ParamError> {
        check_range(NAME, "threshold_db", self.threshold_db, -60.0, 0.0)?;
        check_range(NAME, "ratio", self.ratio, 1.0, 20.0)?;
        check_range(NAME, "knee_db", self.knee_db, 0.0, 10.0)?;
        check_range(NAME, "attack_ms", self.attack_ms, 0.1, 100.0)?;
        check_range(NAME, "release_ms", self.release_ms, 1.0, 1000.0)?;
        check_range(NAME, "makeup_gain_db", self.makeup_gain_db, -20.0, 40.0)?;
        check_range(NAME, "lookahead_ms", self.lookahead_ms, 0.0, 20.0)?;
        Ok(())
    }

    /// The knee width the mode actually uses.
    pub fn effective_knee_db(&self) -> f64 {
        match self.mode {
            CompressionMode::HardKnee => 0.0,
            CompressionMode::VoiceOptimized => self.knee_db.max(6.0),
            _ => self.knee_db,
        }
    }

    /// The static curve: output level in dB for a steady input level `x_db` (without
    /// make-up gain).
    pub fn static_curve_db(&self, x_db: f64) -> f64 {
        if self.mode == CompressionMode::Disabled {
            return x_db;
        }
        let t = self.threshold_db;
        let r = self.ratio;
        let w = self.effective_knee_db();
        let over = x_db - t;
        if 2.0 * over < -w {
            x_db
        } else if w > 0.0 && 2.0 * over.abs() <= w {
            let d = over + w / 2.0;
            x_db + (1.0 / r - 1.0) * d * d / (2.0 * w)
        } else {
            t + over / r
        }
    }
}

/// The compressor stage.
pub struct Compression {
    params: CompressionParams,
    format: Option<StreamFormat>,
    delay: DelayLine,
    makeup: GainRamp,
    attack: f64,
    release: f64,
    fast_release: f64,
    rms_coeff: f64,
    sustain_coeff: f64,
    /// Smoothed gain reduction in dB (<= 0).
    gr_db: f64,
    /// Mean square for the RMS detector.
    ms: f64,
    /// Slow average of the gain reduction, for the adaptive release.
    sustain_db: f64,
    block_max_gr: f64,
    /// The gain of every frame of the current block.
    gains: Vec<f32>,
    makeup_gains: Vec<f32>,
}

impl Compression {
    /// A compressor with `params`.
    pub fn new(params: CompressionParams) -> Self {
        Self {
            makeup: GainRamp::new(db_to_lin(params.makeup_gain_db as f32), 1),
            params,
            format: None,
            delay: DelayLine::new(1, 0),
            attack: 0.0,
            release: 0.0,
            fast_release: 0.0,
            rms_coeff: 0.0,
            sustain_coeff: 0.0,
            gr_db: 0.0,
            ms: 0.0,
            sustain_db: 0.0,
            block_max_gr: 0.0,
            gains: Vec::new(),
            makeup_gains: Vec::new(),
        }
    }

    /// The parameters in use.
    pub fn params(&self) -> &CompressionParams {
        &self.params
    }

    /// Change parameters keeping the envelope; make-up gain glides over 10 ms. A new
    /// look-ahead resizes the delay (the pipeline crossfades such changes).
    pub fn set_params(&mut self, p: CompressionParams) {
        let relayout = p.lookahead_ms != self.params.lookahead_ms;
        self.params = p;
        if let Some(f) = self.format {
            if relayout {
                self.prepare(f);
            } else {
                self.update_coeffs(f);
                self.makeup
                    .set_target(db_to_lin(self.params.makeup_gain_db as f32));
            }
        }
    }

    fn update_coeffs(&mut self, f: StreamFormat) {
        let sr = f64::from(f.sample_rate);
        self.attack = one_pole_coeff(self.params.attack_ms, sr);
        self.release = one_pole_coeff(self.params.release_ms, sr);
        self.fast_release = one_pole_coeff(self.params.release_ms / 4.0, sr);
        self.rms_coeff = one_pole_coeff(10.0, sr);
        self.sustain_coeff = one_pole_coeff(300.0, sr);
    }
}

impl Stage for Compression {
    fn kind(&self) -> StageKind {
        StageKind::Compression
    }

    fn prepare(&mut self, format: StreamFormat) {
        self.format = Some(format);
        self.update_coeffs(format);
        self.delay = DelayLine::new(
            format.channels,
            ms_to_frames(self.params.lookahead_ms, format.sample_rate),
        );
        self.makeup = GainRamp::new(
            db_to_lin(self.params.makeup_gain_db as f32),
            ms_to_frames(10.0, format.sample_rate),
        );
        self.gr_db = 0.0;
        self.ms = 0.0;
        self.sustain_db = 0.0;
        self.gains = vec![0.0; format.max_block];
        self.makeup_gains = vec![1.0; format.max_block];
    }

    fn process(&mut self, audio: &mut Planar) {
        let p = &self.params;
        if p.mode == CompressionMode::Disabled {
            // Keep the latency constant: the delay still runs.
            self.delay.process(audio);
            self.block_max_gr = 0.0;
            return;
        }
        let n = audio.len();
        let channels = audio.channels();
        let rms = p.mode == CompressionMode::VoiceOptimized;
        let adaptive = p.mode == CompressionMode::Adaptive;
        let mut block_max = 0.0f64;
        // Pass 1: the detector level of every frame (the RMS detector is a recursion),
        // then, vectorised, the gain the static curve asks for at that level, in dB.
        // The recursions run on local copies of their state (kept in registers, not
        // stored and reloaded through `self` on every frame).
        let (rms_c, mut ms) = (self.rms_coeff, self.ms);
        let gains = &mut self.gains[..n];
        for (i, level) in gains.iter_mut().enumerate() {
            let mut peak = 0.0f32;
            let mut sq = 0.0f32;
            for ch in 0..channels {
                let x = audio.channel(ch)[i];
                peak = peak.max(x.abs());
                sq = sq.max(x * x);
            }
            *level = if rms {
                // One multiply and one add on the recursion: `c·ms + (1 - c)·sq`.
                ms = rms_c * ms + (1.0 - rms_c) * f64::from(sq);
                ms.sqrt() as f32
            } else {
                peak
            };
        }
        self.ms = ms;
        let t = p.threshold_db as f32;
        let w = p.effective_knee_db() as f32;
        let slope = 1.0 / p.ratio as f32 - 1.0;
        let knee_scale = if w > 0.0 { slope / (2.0 * w) } else { 0.0 };
        for g in gains.iter_mut() {
            let over = fast_log2(*g) * DB_PER_OCTAVE - t;
            let d = over + 0.5 * w;
            // Below the knee nothing, in it the quadratic, above it the ratio.
            *g = if 2.0 * over < -w {
                0.0
            } else if 2.0 * over <= w {
                knee_scale * d * d
            } else {
                slope * over
            };
        }
        // Pass 2, sample by sample (the envelope is a recursion): the smoothed gain
        // reduction, written over the target it follows.
        let mut reducing = false;
        let (attack, release, fast_release) = (self.attack, self.release, self.fast_release);
        let sustain_c = self.sustain_coeff;
        let (mut gr_db, mut sustain_db) = (self.gr_db, self.sustain_db);
        for gain_db in gains.iter_mut() {
            let target = f64::from(*gain_db);
            if target == 0.0 && gr_db == 0.0 && !adaptive {
                continue;
            }
            let coeff = if target < gr_db {
                attack
            } else if adaptive {
                // Sustained compression releases slowly, isolated peaks quickly.
                let sustained = (-sustain_db / 6.0).clamp(0.0, 1.0);
                fast_release + sustained * (release - fast_release)
            } else {
                release
            };
            gr_db = coeff * gr_db + (1.0 - coeff) * target;
            if adaptive {
                sustain_db = gr_db + sustain_c * (sustain_db - gr_db);
            }
            block_max = block_max.max(-gr_db);
            if target == 0.0 && gr_db > -1e-9 {
                // Released: end the exponential tail (1e-9 dB) so idle costs nothing.
                gr_db = 0.0;
            }
            *gain_db = gr_db as f32;
            reducing |= gr_db != 0.0;
        }
        (self.gr_db, self.sustain_db) = (gr_db, sustain_db);
        // Pass 3, vectorised: dB to linear, times the make-up gain; then the delayed
        // audio times the gains (skipped when they are all exactly 1).
        let makeup = &mut self.makeup_gains[..n];
        self.makeup.fill(makeup);
        if reducing {
            for (g, m) in gains.iter_mut().zip(makeup.iter()) {
                *g = fast_db_to_amp(*g) * m;
            }
        } else {
            gains.copy_from_slice(makeup);
        }
        self.delay.process(audio);
        if reducing || makeup.iter().any(|&m| m != 1.0) {
            apply_gains(audio, gains);
        }
        self.block_max_gr = block_max;
    }

    fn latency(&self) -> usize {
        self.delay.len()
    }

    fn reset(&mut self) {
        self.delay.reset();
        self.gr_db = 0.0;
        self.ms = 0.0;
        self.sustain_db = 0.0;
        self.block_max_gr = 0.0;
    }

    fn telemetry(&self) -> StageTelemetry {
        StageTelemetry {
            gain_reduction_db: Some(self.block_max_gr as f32),
            ..StageTelemetry::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dsp::testing;

    /// Steady-state gain of the compressor for a constant-magnitude input (a square
    /// wave, so the peak detector sees a constant level).
    fn measured_gain_db(p: &CompressionParams, level_db: f64) -> f64 {
        let sr = 48_000;
        let a = 10f64.powf(level_db / 20.0) as f32;
        let input: Vec<f32> = (0..sr / 2)
            .map(|i| if (i / 24) % 2 == 0 { a } else { -a })
            .collect();
        let mut c = Compression::new(p.clone());
        let out = testing::run_stage(&mut c, sr as u32, &[input], 480);
        let tail = &out[0][out[0].len() - 100..];
        let peak = tail.iter().fold(0.0f32, |m, x| m.max(x.abs()));
        20.0 * f64::from(peak / a).log10()
    }

    #[test]
    fn static_curve_within_half_a_db() {
        for mode in [
            CompressionMode::SoftKnee,
            CompressionMode::HardKnee,
            CompressionMode::Adaptive,
        ] {
            let p = CompressionParams {
                mode,
                threshold_db: -20.0,
                ratio: 4.0,
                knee_db: 6.0,
                makeup_gain_db: 3.0,
                ..CompressionParams::default()
            };
            for level in [-40.0, -23.0, -20.0, -17.0, -10.0, -3.0] {
                let expected = p.static_curve_db(level) - level + 3.0;
                let got = measured_gain_db(&p, level);
                assert!(
                    (got - expected).abs() < 0.5,
                    "{mode:?} at {level} dB: gain {got:.2} dB, curve says {expected:.2} dB"
                );
            }
        }
    }

    #[test]
    fn static_curve_known_answers() {
        let p = CompressionParams {
            mode: CompressionMode::HardKnee,
            threshold_db: -20.0,
            ratio: 4.0,
            ..CompressionParams::default()
        };
        assert_eq!(p.static_curve_db(-30.0), -30.0);
        assert_eq!(p.static_curve_db(-20.0), -20.0);
        assert_eq!(p.static_curve_db(-4.0), -16.0);
        let soft = CompressionParams {
            knee_db: 4.0,
            mode: CompressionMode::SoftKnee,
            ..p
        };
        // Continuous at the knee edges, below the hard curve inside the knee.
        assert!((soft.static_curve_db(-22.0) + 22.0).abs() < 1e-12);
        assert!((soft.static_curve_db(-18.0) + 19.5).abs() < 1e-12);
        assert!(soft.static_curve_db(-20.0) < -20.0);
    }

    #[test]
    fn block_size_invariant() {
        for mode in [
            CompressionMode::SoftKnee,
            CompressionMode::Adaptive,
            CompressionMode::VoiceOptimized,
        ] {
            testing::assert_stage_block_invariant("compression", 48_000, 2, move || {
                Compression::new(CompressionParams {
                    mode,
                    threshold_db: -30.0,
                    makeup_gain_db: 4.0,
                    ..CompressionParams::default()
                })
            });
        }
    }

    #[test]
    fn bad_parameters_are_rejected() {
        let e = CompressionParams {
            ratio: 0.5,
            ..CompressionParams::default()
        }
        .validate()
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            "stage `compression`: parameter `ratio` = 0.5 is invalid (allowed: 1 to 20)"
        );
    }
}
