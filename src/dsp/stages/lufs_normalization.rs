//! LUFS normalization: a streaming loudness normaliser driven by a running ITU-R BS.1770-4
//! / EBU R128 measurement (K-weighting and 100 ms hop energies from
//! [`crate::analysis::loudness::HopEnergy`], the meter `orch analyze` uses; 400 ms gating
//! blocks; absolute and relative gates), with a maximum gain, smoothing, look-ahead and
//! an optional true-peak ceiling.
//!
//! Every 100 ms of input (a fixed hop, so the result never depends on block size):
//! 1. the loudness of the last `measurement_window_s` (in whole 100 ms hops) is the mean of
//!    the last hop energies, kept in a ring of 10 s;
//! 2. if it passes the absolute gate (`gating_threshold_db`) and the relative gate
//!    (within 10 LU of the integrated loudness so far, gated as BS.1770 from a histogram
//!    of 400 ms block energies in 0.1 LU bins: constant memory for any stream length), and is off the target by more than
//!    `lufs_tolerance` (then corrected until settled: a hysteresis), the desired gain becomes `target - loudness`, clamped to
//!    ±`max_gain_db` (pauses and noise therefore never pump the gain);
//! 3. the gain moves toward it by `adjustment_speed` (an exponential moving average per
//!    hop) and is ramped linearly sample by sample over the next hop.
//!
//! The gain acts on the audio delayed by `lookahead_s`, so it reacts before the audio it
//! was measured on arrives. With `true_peak_limiting` the stage ends with orch's
//! look-ahead true-peak limiter at `max_peak_db`, which never lets the true peak pass it.
//! Both delays are reported as latency. No gain change is made until
//! `momentary_window_s` of audio has been measured.
//!
//! `mode` picks the target: streaming -14, broadcast_tv -23 (EBU R128), broadcast_radio
//! -16, podcast -18, youtube -14, netflix -27, or custom (`target_lufs`).
//! `short_term_window_s` sets the short-term loudness reported in telemetry;
//! `peak_tolerance_db` is accepted for compatibility but not needed: the limiter holds
//! the ceiling exactly.

use serde::{Deserialize, Serialize};

use crate::analysis::loudness::HopEnergy;
use crate::audio::Planar;
use crate::dsp::params::{ParamError, check_range, db_to_lin};
use crate::dsp::stages::limiter::{Limiter, LimiterParams};
use crate::dsp::util::{DelayLine, GainRamp, apply_gains};
use crate::dsp::{Stage, StageKind, StageTelemetry, StreamFormat};

const NAME: &str = "lufs_normalization";
/// Control period: the gain is recomputed every 100 ms of audio.
const HOP_S: f64 = 0.1;
/// Hop energies kept: 10 s, the longest window.
const RING_HOPS: usize = 100;

/// Named loudness targets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LufsMode {
    /// -14 LUFS (Spotify, Apple Music...).
    Streaming,
    /// -23 LUFS (EBU R128).
    BroadcastTv,
    /// -16 LUFS.
    BroadcastRadio,
    /// -18 LUFS.
    Podcast,
    /// -14 LUFS.
    Youtube,
    /// -27 LUFS (dialogue-gated Netflix target).
    Netflix,
    /// `target_lufs`.
    Custom,
}

impl LufsMode {
    /// Every mode.
    pub const ALL: [LufsMode; 7] = [
        LufsMode::Streaming,
        LufsMode::BroadcastTv,
        LufsMode::BroadcastRadio,
        LufsMode::Podcast,
        LufsMode::Youtube,
        LufsMode::Netflix,
        LufsMode::Custom,
    ];

    /// The mode's name.
    pub fn name(self) -> &'static str {
        match self {
            LufsMode::Streaming => "streaming",
            LufsMode::BroadcastTv => "broadcast_tv",
            LufsMode::BroadcastRadio => "broadcast_radio",
            LufsMode::Podcast => "podcast",
            LufsMode::Youtube => "youtube",
            LufsMode::Netflix => "netflix",
            LufsMode::Custom => "custom",
        }
    }

    /// The mode's target in LUFS (`None` for custom).
    pub fn target(self) -> Option<f64> {
        match self {
            LufsMode::Streaming | LufsMode::Youtube => Some(-14.0),
            LufsMode::BroadcastTv => Some(-23.0),
            LufsMode::BroadcastRadio => Some(-16.0),
            LufsMode::Podcast => Some(-18.0),
            LufsMode::Netflix => Some(-27.0),
            LufsMode::Custom => None,
        }
    }

    /// Parse a mode name.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|m| m.name() == name)
    }
}

/// Parameters of LUFS normalization.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LufsNormalizationParams {
    /// Named target; `custom` uses `target_lufs`.
    pub mode: LufsMode,
    /// Target in LUFS for `custom` (-60 to 0). Any other mode has its own target: a
    /// `target_lufs` other than that target (or the default, -14) is refused, never
    /// ignored.
    pub target_lufs: f64,
    /// True-peak ceiling in dBTP (-6 to 0).
    pub max_peak_db: f64,
    /// Absolute gate in LUFS: quieter audio never changes the gain (-80 to -40).
    pub gating_threshold_db: f64,
    /// Window the gain follows, in s (0.1 to 10).
    pub measurement_window_s: f64,
    /// Short-term loudness window reported in telemetry, in s (0.1 to 10).
    pub short_term_window_s: f64,
    /// Audio measured before the first gain change, in s (0.1 to 1).
    pub momentary_window_s: f64,
    /// Look-ahead delay in s (0.01 to 1).
    pub lookahead_s: f64,
    /// Share of the remaining error corrected every 100 ms (0.01 to 1).
    pub adjustment_speed: f64,
    /// End with the true-peak limiter at `max_peak_db`.
    pub true_peak_limiting: bool,
    /// Errors smaller than this are left alone, in LU (0.1 to 3).
    pub lufs_tolerance: f64,
    /// Accepted for compatibility (0.01 to 1); the limiter holds the ceiling exactly.
    pub peak_tolerance_db: f64,
    /// Largest boost or cut in dB (0 to 40).
    pub max_gain_db: f64,
}

impl Default for LufsNormalizationParams {
    fn default() -> Self {
        Self {
            mode: LufsMode::Streaming,
            target_lufs: -14.0,
            max_peak_db: -1.0,
            gating_threshold_db: -70.0,
            measurement_window_s: 3.0,
            short_term_window_s: 3.0,
            momentary_window_s: 0.4,
            lookahead_s: 0.1,
            adjustment_speed: 0.5,
            true_peak_limiting: true,
            lufs_tolerance: 0.5,
            peak_tolerance_db: 0.1,
            max_gain_db: 20.0,
        }
    }
}

impl LufsNormalizationParams {
    /// Check every parameter against its range.
    pub fn validate(&self) -> Result<(), ParamError> {
        check_range(NAME, "target_lufs", self.target_lufs, -60.0, 0.0)?;
        let default = Self::default().target_lufs;
        if let Some(target) = self.mode.target()
            && self.target_lufs != target
            && self.target_lufs != default
        {
            return Err(ParamError {
                stage: NAME,
                param: "target_lufs".into(),
                value: self.target_lufs.to_string(),
                allowed: format!(
                    "only with mode = \"custom\"; mode \"{}\" sets its own {target} LUFS",
                    self.mode.name()
                ),
            });
        }
        check_range(NAME, "max_peak_db", self.max_peak_db, -6.0, 0.0)?;
        check_range(
            NAME,
            "gating_threshold_db",
            self.gating_threshold_db,
            -80.0,
            -40.0,
        )?;
        check_range(
            NAME,
            "measurement_window_s",
            self.measurement_window_s,
            0.1,
            10.0,
        )?;
        check_range(
            NAME,
            "short_term_window_s",
            self.short_term_window_s,
            0.1,
            10.0,
        )?;
        check_range(
            NAME,
            "momentary_window_s",
            self.momentary_window_s,
            0.1,
            1.0,
        )?;
        check_range(NAME, "lookahead_s", self.lookahead_s, 0.01, 1.0)?;
        check_range(NAME, "adjustment_speed", self.adjustment_speed, 0.01, 1.0)?;
        check_range(NAME, "lufs_tolerance", self.lufs_tolerance, 0.1, 3.0)?;
        check_range(NAME, "peak_tolerance_db", self.peak_tolerance_db, 0.01, 1.0)?;
        check_range(NAME, "max_gain_db", self.max_gain_db, 0.0, 40.0)?;
        Ok(())
    }

    /// The target the mode selects, in LUFS.
    pub fn effective_target(&self) -> f64 {
        self.mode.target().unwrap_or(self.target_lufs)
    }

    fn limiter_params(&self) -> LimiterParams {
        LimiterParams {
            threshold_db: self.max_peak_db,
            release_ms: 50.0,
            lookahead_ms: 5.0,
            soft_clip: false,
        }
    }
}

/// Integrated loudness as BS.1770-4 gates it, from a histogram of 400 ms block energies
/// (0.1 LU bins from -70 to +10 LUFS, each keeping the exact sum of its energies).
#[derive(Debug, Clone)]
struct GatedHistogram {
    counts: Vec<u32>,
    sums: Vec<f64>,
    total: f64,
    blocks: u64,
}

impl GatedHistogram {
    const BINS: usize = 800;
    /// Energy of -70 LUFS, the absolute gate.
    const ABS_GATE: f64 = 1.172_465_304_582_298e-7;

    fn new() -> Self {
        Self {
            counts: vec![0; Self::BINS],
            sums: vec![0.0; Self::BINS],
            total: 0.0,
            blocks: 0,
        }
    }

    fn bin(energy: f64) -> usize {
        let lufs = -0.691 + 10.0 * energy.log10();
        (((lufs + 70.0) * 10.0).max(0.0) as usize).min(Self::BINS - 1)
    }

    /// Count one gating block.
    fn add(&mut self, energy: f64) {
        if energy >= Self::ABS_GATE {
            let b = Self::bin(energy);
            self.counts[b] += 1;
            self.sums[b] += energy;
            self.total += energy;
            self.blocks += 1;
        }
    }

    /// Integrated loudness so far (LUFS), `None` before any block passed the gate.
    fn integrated(&self) -> Option<f64> {
        if self.blocks == 0 {
            return None;
        }
        // Relative gate at -10 LU; its own bin counts whole.
        let first = Self::bin(self.total / self.blocks as f64 * 0.1);
        let (sum, n) = (first..Self::BINS).fold((0.0, 0u64), |(s, n), b| {
            (s + self.sums[b], n + u64::from(self.counts[b]))
        });
        (n > 0).then(|| -0.691 + 10.0 * (sum / n as f64).log10())
    }

    fn reset(&mut self) {
        self.counts.fill(0);
        self.sums.fill(0.0);
        self.total = 0.0;
        self.blocks = 0;
    }
}

/// The LUFS normalization stage.
pub struct LufsNormalization {
    params: LufsNormalizationParams,
    format: Option<StreamFormat>,
    /// K-weighted hop energies (`None` only for a format the meter refuses).
    meter: Option<HopEnergy>,
    gating: GatedHistogram,
    delay: DelayLine,
    limiter: Option<Limiter>,
    ramp: GainRamp,
    /// The gain of every frame of the current block.
    gains: Vec<f32>,
    hop: usize,
    hop_pos: usize,
    measured_frames: u64,
    gain_db: f64,
    short_term: Option<f64>,
    adjusting: bool,
    /// Energies of the last [`RING_HOPS`] hops (100 ms each, newest at `seg_pos - 1`).
    segments: Vec<f64>,
    seg_pos: usize,
    seg_count: usize,
}

impl LufsNormalization {
    /// A normaliser with `params`.
    pub fn new(params: LufsNormalizationParams) -> Self {
        Self {
            params,
            format: None,
            meter: None,
            gating: GatedHistogram::new(),
            delay: DelayLine::new(1, 0),
            limiter: None,
            ramp: GainRamp::new(1.0, 1),
            gains: Vec::new(),
            hop: 1,
            hop_pos: 0,
            measured_frames: 0,
            gain_db: 0.0,
            short_term: None,
            adjusting: false,
            segments: vec![0.0; RING_HOPS],
            seg_pos: 0,
            seg_count: 0,
        }
    }

    /// Loudness of the last `hops` hops (LUFS), `None` for silence or before that much
    /// audio was measured.
    fn window_loudness(&self, hops: usize) -> Option<f64> {
        if hops == 0 || hops > self.seg_count {
            return None;
        }
        let n = self.segments.len();
        let sum: f64 = (1..=hops)
            .map(|i| self.segments[(self.seg_pos + n - i) % n])
            .sum();
        let energy = sum / hops as f64;
        (energy > 0.0).then(|| -0.691 + 10.0 * energy.log10())
    }

    /// The parameters in use.
    pub fn params(&self) -> &LufsNormalizationParams {
        &self.params
    }

    /// Change parameters keeping the measurement and the current gain (which then moves
    /// to the new target at the adjustment speed). A new look-ahead, window length or
    /// limiter switch re-prepares the stage (the pipeline crossfades such changes).
    pub fn set_params(&mut self, p: LufsNormalizationParams) {
        let old = std::mem::replace(&mut self.params, p);
        let Some(f) = self.format else { return };
        let relayout = old.lookahead_s != self.params.lookahead_s
            || old.true_peak_limiting != self.params.true_peak_limiting
            || old.measurement_window_s.max(old.short_term_window_s)
                != self
                    .params
                    .measurement_window_s
                    .max(self.params.short_term_window_s);
        if relayout {
            self.prepare(f);
        } else if let Some(l) = &mut self.limiter {
            l.set_params(self.params.limiter_params());
        }
    }

    /// The gain currently aimed at, in dB.
    pub fn gain_db(&self) -> f64 {
        self.gain_db
    }

    /// A hop of `energy` ended: record it and steer the gain.
    fn update_gain(&mut self, energy: f64) {
        let n = self.segments.len();
        self.segments[self.seg_pos] = energy;
        self.seg_pos = (self.seg_pos + 1) % n;
        self.seg_count = (self.seg_count + 1).min(n);
        if self.seg_count >= 4 {
            // The 400 ms gating block that just ended (75 % overlap, as BS.1770).
            let block = (1..=4)
                .map(|i| self.segments[(self.seg_pos + n - i) % n])
                .sum::<f64>()
                / 4.0;
            self.gating.add(block);
        }
        let sr = self.format.map_or(48_000, |f| f.sample_rate);
        let p = &self.params;
        let elapsed_s = self.measured_frames as f64 / f64::from(sr);
        let window_hops = |s: f64| ((s.min(elapsed_s) * 10.0 + 1e-9).floor() as usize).max(1);
        self.short_term = self.window_loudness(window_hops(p.short_term_window_s));
        if elapsed_s + 1e-9 < p.momentary_window_s {
            return;
        }
        let Some(loudness) = self.window_loudness(window_hops(p.measurement_window_s)) else {
            return;
        };
        let integrated = self.gating.integrated();
        let gated =
            loudness < p.gating_threshold_db || integrated.is_some_and(|i| loudness < i - 10.0);
        if gated {
            return;
        }
        // `loudness` is measured on the input (before the gain): the gain wanted is the
        // input's distance to the target; within the tolerance the gain is left alone.
        let wanted = (p.effective_target() - loudness).clamp(-p.max_gain_db, p.max_gain_db);
        // Hysteresis: start correcting beyond the tolerance, then settle fully.
        if !self.adjusting && (wanted - self.gain_db).abs() < p.lufs_tolerance {
            return;
        }
        self.gain_db += p.adjustment_speed * (wanted - self.gain_db);
        self.adjusting = (wanted - self.gain_db).abs() > 0.05;
        self.ramp.set_target(db_to_lin(self.gain_db as f32));
    }
}

impl Stage for LufsNormalization {
    fn kind(&self) -> StageKind {
        StageKind::LufsNormalization
    }

    fn prepare(&mut self, format: StreamFormat) {
        self.format = Some(format);
        let p = &self.params;
        self.meter = HopEnergy::new(format.sample_rate, format.channels, false).ok();
        self.gating.reset();
        let sr = f64::from(format.sample_rate);
        self.delay = DelayLine::new(format.channels, (p.lookahead_s * sr).round() as usize);
        self.limiter = p.true_peak_limiting.then(|| {
            let mut l = Limiter::new(p.limiter_params());
            l.prepare(format);
            l
        });
        self.hop = self.meter.as_ref().map_or(
            ((HOP_S * sr).round() as usize).max(1),
            HopEnergy::hop_frames,
        );
        self.gains = vec![1.0; format.max_block];
        self.segments.fill(0.0);
        self.seg_pos = 0;
        self.seg_count = 0;
        self.ramp = GainRamp::new(1.0, self.hop);
        self.hop_pos = 0;
        self.measured_frames = 0;
        self.gain_db = 0.0;
        self.short_term = None;
        self.adjusting = false;
    }

    fn process(&mut self, audio: &mut Planar) {
        let n = audio.len();
        let mut planes: [&[f32]; 8] = [&[]; 8];
        let channels = audio.channels().min(planes.len());
        let mut start = 0;
        while start < n {
            let take = (n - start).min(self.hop - self.hop_pos);
            // Measure the input, before the look-ahead delay.
            let mut closed = None;
            if let Some(meter) = &mut self.meter {
                for (ch, plane) in planes.iter_mut().enumerate().take(channels) {
                    *plane = &audio.channel(ch)[..start + take];
                }
                closed = meter.feed(&planes[..channels], start).1;
            }
            self.ramp.fill(&mut self.gains[start..start + take]);
            self.hop_pos += take;
            self.measured_frames += take as u64;
            if self.hop_pos == self.hop {
                self.hop_pos = 0;
                self.update_gain(closed.unwrap_or(0.0));
            }
            start += take;
        }
        self.delay.process(audio);
        apply_gains(audio, &self.gains[..n]);
        if let Some(l) = &mut self.limiter {
            l.process(audio);
        }
    }

    fn latency(&self) -> usize {
        self.delay.len() + self.limiter.as_ref().map_or(0, Stage::latency)
    }

    fn reset(&mut self) {
        if let Some(f) = self.format {
            self.prepare(f);
        }
    }

    fn telemetry(&self) -> StageTelemetry {
        StageTelemetry {
            gain_db: Some(self.gain_db as f32),
            gain_reduction_db: self
                .limiter
                .as_ref()
                .and_then(|l| l.telemetry().gain_reduction_db),
            ..StageTelemetry::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dsp::testing;
    use crate::test_signals;

    /// A stationary voice-like signal: harmonics with a 4 Hz syllable envelope plus noise.
    fn stationary(sr: u32, seconds: f64, level: f32) -> Vec<f32> {
        let frames = (f64::from(sr) * seconds) as usize;
        let noise = test_signals::noise(0.05, frames, 9);
        (0..frames)
            .map(|i| {
                let t = i as f64 / f64::from(sr);
                let env = 0.6 + 0.4 * (2.0 * std::f64::consts::PI * 4.0 * t).sin();
                let v: f64 = (1..6)
                    .map(|h| (2.0 * std::f64::consts::PI * 180.0 * h as f64 * t).sin() / h as f64)
                    .sum();
                level * ((env * v) as f32 * 0.3 + noise[i])
            })
            .collect()
    }

    #[test]
    fn window_and_integrated_loudness_match_the_ebur128_meter() {
        for sr in [48_000, 16_000] {
            let mut st = LufsNormalization::new(LufsNormalizationParams::default());
            st.prepare(StreamFormat {
                sample_rate: sr,
                channels: 1,
                max_block: 480,
            });
            let input = vec![test_signals::voice(sr, sr as usize * 5, 3)];
            testing::run_blocks(&input, 480, &mut |b| st.process(b));
            let mut meter = ebur128::EbuR128::new(1, sr, ebur128::Mode::I).unwrap();
            meter.set_max_window(3000).unwrap();
            meter.add_frames_planar_f32(&[&input[0]]).unwrap();
            for window in [400u32, 1000, 3000] {
                let ring = st.window_loudness(window as usize / 100).unwrap();
                let direct = meter.loudness_window(window).unwrap();
                assert!(
                    (ring - direct).abs() < 1e-3,
                    "{sr} Hz {window} ms: {ring} vs {direct}"
                );
            }
            let ours = st.gating.integrated().unwrap();
            let reference = meter.loudness_global().unwrap();
            assert!(
                (ours - reference).abs() < 0.1,
                "{sr} Hz integrated: {ours} vs {reference}"
            );
        }
    }

    #[test]
    fn reaches_the_target_within_half_a_lu() {
        let sr = 48_000;
        for (mode, level) in [
            (LufsMode::BroadcastTv, 0.05f32),
            (LufsMode::Streaming, 0.2),
            (LufsMode::Podcast, 0.9),
        ] {
            let p = LufsNormalizationParams {
                mode,
                ..LufsNormalizationParams::default()
            };
            let target = p.effective_target();
            let input = stationary(sr, 10.0, level);
            let in_lufs = testing::integrated_lufs(std::slice::from_ref(&input), sr).unwrap();
            let mut st = LufsNormalization::new(p);
            let out = testing::run_stage(&mut st, sr, &[input], 480);
            // Skip the first 4 s: measurement and convergence.
            let tail = vec![out[0][sr as usize * 4..].to_vec()];
            let got = testing::integrated_lufs(&tail, sr).unwrap();
            assert!(
                (got - target).abs() < 0.5,
                "{mode:?}: input {in_lufs:.1} LUFS, output {got:.2} LUFS, target {target}"
            );
            let tp = testing::true_peak_dbtp(&out, sr).unwrap();
            assert!(tp <= -1.0, "{mode:?}: true peak {tp}");
        }
    }

    #[test]
    fn silence_and_noise_floor_do_not_pump() {
        let sr = 16_000;
        let input = test_signals::noise(0.0001, sr as usize * 2, 4); // about -85 LUFS
        let mut st = LufsNormalization::new(LufsNormalizationParams::default());
        testing::run_stage(&mut st, sr, &[input], 160);
        assert_eq!(st.gain_db(), 0.0);
    }

    #[test]
    fn modes_pick_targets() {
        assert_eq!(
            LufsMode::from_name("netflix").unwrap().target(),
            Some(-27.0)
        );
        let p = LufsNormalizationParams {
            mode: LufsMode::Custom,
            target_lufs: -20.0,
            ..LufsNormalizationParams::default()
        };
        assert_eq!(p.effective_target(), -20.0);
    }

    #[test]
    fn block_size_invariant() {
        testing::assert_stage_block_invariant("lufs_normalization", 16_000, 2, || {
            LufsNormalization::new(LufsNormalizationParams {
                momentary_window_s: 0.1,
                ..LufsNormalizationParams::default()
            })
        });
    }

    #[test]
    fn bad_parameters_are_rejected() {
        let e = LufsNormalizationParams {
            target_lufs: 3.0,
            ..LufsNormalizationParams::default()
        }
        .validate()
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            "stage `lufs_normalization`: parameter `target_lufs` = 3 is invalid (allowed: -60 to 0)"
        );
    }
}
