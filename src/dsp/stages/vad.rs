//! `vad`: voice activity detection by frame energy against adaptive noise floors, with
//! hangover, and an optional gate.
//!
//! Algorithm:
//! - the channels are mixed to mono for detection (one decision for the stream, so a
//!   stereo image is gated as a whole);
//! - per frame of `frame_ms` (10, 20 or 30 ms) the full-band RMS is measured (after a
//!   50 Hz RBJ high-pass that removes DC and rumble) and compared with a noise floor
//!   tracked in dB: it follows falling levels fast and rising ones slowly (faster in
//!   pauses than in speech, so a lasting change of background noise is learnt within
//!   seconds); the floor starts at 0.01 (-40 dBFS) as in the reference;
//! - voicing is measured by the normalised autocorrelation of the frame at the lags of a
//!   fundamental between `voice_freq_min_hz` and `voice_freq_max_hz`, computed on the
//!   signal low-passed at 1 kHz and decimated to 8-16 kHz (the classic
//!   periodicity/pitch-prediction VAD feature, as in ITU-T G.729 Annex B and the
//!   long-term predictor of GSM 06.32's VAD): voiced speech scores near 1, noise near 0,
//!   whatever its level or colour;
//! - the SNR threshold is `2 + 1.5·aggressiveness - 6·(sensitivity - 0.5)` dB, the
//!   voicing threshold `0.40 + 0.05·aggressiveness - 0.1·(sensitivity - 0.5)`, and every
//!   mode also requires the RMS to exceed `energy_threshold · 2 · (1 - sensitivity)` (an
//!   absolute gate, off at sensitivity 1):
//!   - `basic`: full-band SNR over the floor;
//!   - `webrtc`: voicing, with at least half the SNR threshold (the reference's
//!     "webrtc" was itself a simulation, a band-energy ratio that passes white noise);
//!   - `aggressive`: both the SNR and the voicing tests;
//!   - `silero`: no neural model ships with orch, so it falls back to `basic`, as the
//!     reference did;
//!   - `disabled`: no detection at all (the reference fell back to basic here; orch
//!     takes the name at its word), telemetry reports nothing and the gate stays open;
//! - confidence is a logistic of the margin over the deciding threshold, so it crosses
//!   0.5 at the threshold; a speech decision is held for `hangover_ms` after the last
//!   speech frame so word endings and short gaps are not chopped.
//!
//! Audio passes through unchanged unless `gate` is on. The gate attenuates pauses by
//! `gate_depth_db` with linear fades of `gate_fade_ms`; it looks one frame ahead (the
//! stage then adds `frame_ms` of latency) so the decision for a frame applies to that
//! same frame and word onsets are not cut. Changing `gate` or `frame_ms` with
//! [`Vad::set_params`] changes [`Stage::latency`].

use serde::{Deserialize, Serialize};

use crate::audio::Planar;
use crate::dsp::params::{ParamError, check_range, db_to_lin};
use crate::dsp::util::dot;
use crate::dsp::{Stage, StageKind, StageTelemetry, StreamFormat};
use crate::signal::biquad::{Biquad, Coeffs, Shape};

const STAGE: &str = "vad";

/// Longest frame after decimation (30 ms at under 16 kHz).
const MAX_FRAME: usize = 480;
/// Longest autocorrelation lag (a 50 Hz fundamental at under 16 kHz).
const MAX_LAG: usize = 320;
/// Decimated history kept for the autocorrelation (a power of two above
/// `MAX_FRAME + MAX_LAG`).
const HIST: usize = 1024;

/// Detection method.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VadMode {
    /// No detection; audio passes, telemetry reports nothing.
    Disabled,
    /// Full-band energy against an adaptive noise floor.
    Basic,
    /// Voicing (periodicity at a voice fundamental) plus a lenient energy test.
    #[default]
    Webrtc,
    /// Both `basic` and `webrtc` tests must pass.
    Aggressive,
    /// Neural VAD in the reference; falls back to `basic` in orch.
    Silero,
}

/// Parameters of the `vad` stage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct VadParams {
    /// Detection method.
    pub mode: VadMode,
    /// 0 (lenient) to 3 (strict): raises the SNR threshold by 2 dB a step.
    pub aggressiveness: u8,
    /// Absolute RMS gate, 0 to 1, scaled by `2 · (1 - sensitivity)`.
    pub energy_threshold: f64,
    /// Lowest voice fundamental searched, 50 to 500 Hz.
    pub voice_freq_min_hz: f64,
    /// Highest voice fundamental searched, 100 to 1000 Hz (above the lowest).
    pub voice_freq_max_hz: f64,
    /// Analysis frame: 10, 20 or 30 ms.
    pub frame_ms: u32,
    /// 0 to 1: higher detects quieter speech (lowers the thresholds).
    pub sensitivity: f64,
    /// How long speech is held after the last speech frame, 0 to 2000 ms.
    pub hangover_ms: f64,
    /// Attenuate pauses (otherwise audio passes unchanged).
    pub gate: bool,
    /// Gain applied to pauses when gating, -80 to 0 dB.
    pub gate_depth_db: f64,
    /// Fade time of the gate, 1 to 100 ms.
    pub gate_fade_ms: f64,
}

impl Default for VadParams {
    fn default() -> Self {
        Self {
            mode: VadMode::Webrtc,
            aggressiveness: 2,
            energy_threshold: 0.01,
            voice_freq_min_hz: 85.0,
            voice_freq_max_hz: 300.0,
            frame_ms: 30,
            sensitivity: 0.5,
            hangover_ms: 200.0,
            gate: false,
            gate_depth_db: -30.0,
            gate_fade_ms: 10.0,
        }
    }
}

impl VadParams {
    /// Check every parameter against its range.
    pub fn validate(&self) -> Result<(), ParamError> {
        check_range(
            STAGE,
            "aggressiveness",
            f64::from(self.aggressiveness),
            0.0,
            3.0,
        )?;
        check_range(STAGE, "energy_threshold", self.energy_threshold, 0.0, 1.0)?;
        check_range(
            STAGE,
            "voice_freq_min_hz",
            self.voice_freq_min_hz,
            50.0,
            500.0,
        )?;
        check_range(
            STAGE,
            "voice_freq_max_hz",
            self.voice_freq_max_hz,
            100.0,
            1000.0,
        )?;
        if self.voice_freq_max_hz <= self.voice_freq_min_hz {
            return Err(ParamError {
                stage: STAGE,
                param: "voice_freq_max_hz".into(),
                value: format!("{}", self.voice_freq_max_hz),
                allowed: format!("above voice_freq_min_hz ({})", self.voice_freq_min_hz),
            });
        }
        if ![10, 20, 30].contains(&self.frame_ms) {
            return Err(ParamError {
                stage: STAGE,
                param: "frame_ms".into(),
                value: self.frame_ms.to_string(),
                allowed: "one of: 10, 20, 30".into(),
            });
        }
        check_range(STAGE, "sensitivity", self.sensitivity, 0.0, 1.0)?;
        check_range(STAGE, "hangover_ms", self.hangover_ms, 0.0, 2000.0)?;
        check_range(STAGE, "gate_depth_db", self.gate_depth_db, -80.0, 0.0)?;
        check_range(STAGE, "gate_fade_ms", self.gate_fade_ms, 1.0, 100.0)?;
        Ok(())
    }

    fn threshold_db(&self) -> f64 {
        2.0 + 1.5 * f64::from(self.aggressiveness) - 6.0 * (self.sensitivity - 0.5)
    }

    fn voicing_threshold(&self) -> f64 {
        0.40 + 0.05 * f64::from(self.aggressiveness) - 0.1 * (self.sensitivity - 0.5)
    }
}

/// A noise floor tracked in dB: fast down, slow up.
#[derive(Debug, Clone, Copy)]
struct Floor {
    db: f64,
}

impl Floor {
    const START_DB: f64 = -40.0;

    fn update(&mut self, level_db: f64, speech: bool, k: &FloorRates) {
        let rate = if level_db < self.db {
            k.down
        } else if speech {
            k.up_speech
        } else {
            k.up_pause
        };
        self.db += (level_db - self.db) * rate;
    }
}

/// Per-frame floor update rates (converted from per-30 ms values).
#[derive(Debug, Clone, Copy, Default)]
struct FloorRates {
    down: f64,
    up_pause: f64,
    up_speech: f64,
}

impl FloorRates {
    fn new(frame_ms: u32) -> Self {
        let conv = |k30: f64| 1.0 - (1.0 - k30).powf(f64::from(frame_ms) / 30.0);
        Self {
            down: conv(0.5),
            up_pause: conv(0.1),
            up_speech: conv(0.005),
        }
    }
}

/// The `vad` stage.
pub struct Vad {
    params: VadParams,
    sample_rate: u32,
    channels: usize,
    // Detection state.
    dc_block: Biquad,
    lp: [Biquad; 2],
    decim: usize,
    decim_phase: usize,
    /// Decimated history for the autocorrelation (ring, `HIST` long).
    hist: Vec<f32>,
    hist_pos: usize,
    /// The history unrolled for [`Vad::voicing`].
    line: Vec<f32>,
    frame_len: usize,
    frame_pos: usize,
    energy_full: f64,
    floor_full: Floor,
    voicing: f64,
    rates: FloorRates,
    hang_frames: u32,
    hang_left: u32,
    speech: bool,
    confidence: f32,
    frames: u64,
    speech_frames: u64,
    // Gate state.
    delay: Vec<Vec<f32>>,
    delay_pos: usize,
    gain: f32,
    target: f32,
}

impl std::fmt::Debug for Vad {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Vad")
            .field("params", &self.params)
            .field("speech", &self.speech)
            .finish()
    }
}

impl Vad {
    /// A VAD with `params` (validate them first); call [`Stage::prepare`] before use.
    pub fn new(params: VadParams) -> Self {
        let mut v = Self {
            params,
            sample_rate: 48_000,
            channels: 0,
            dc_block: Biquad::new(Coeffs::IDENTITY),
            lp: [Biquad::new(Coeffs::IDENTITY); 2],
            decim: 1,
            decim_phase: 0,
            hist: vec![0.0; HIST],
            hist_pos: 0,
            line: vec![0.0; MAX_FRAME + MAX_LAG],
            frame_len: 1,
            frame_pos: 0,
            energy_full: 0.0,
            floor_full: Floor {
                db: Floor::START_DB,
            },
            voicing: 0.0,
            rates: FloorRates::default(),
            hang_frames: 0,
            hang_left: 0,
            speech: false,
            confidence: 0.0,
            frames: 0,
            speech_frames: 0,
            delay: Vec::new(),
            delay_pos: 0,
            gain: 1.0,
            target: 1.0,
        };
        v.configure();
        v
    }

    /// The current parameters.
    pub fn params(&self) -> &VadParams {
        &self.params
    }

    /// Change parameters in place, keeping floors and filter state.
    pub fn set_params(&mut self, params: VadParams) {
        let frame_changed = params.frame_ms != self.params.frame_ms;
        let gate_changed = params.gate != self.params.gate;
        self.params = params;
        self.configure();
        if frame_changed || gate_changed {
            self.frame_pos = 0;
            self.energy_full = 0.0;
            self.delay_pos = 0;
            for d in &mut self.delay {
                d.fill(0.0);
            }
        }
    }

    /// Whether the last completed frame (with hangover) was speech.
    pub fn is_speech(&self) -> bool {
        self.speech
    }

    /// The full-band noise floor in dBFS.
    pub fn noise_floor_db(&self) -> f64 {
        self.floor_full.db
    }

    fn configure(&mut self) {
        let sr = f64::from(self.sample_rate);
        let p = &self.params;
        let q = std::f64::consts::FRAC_1_SQRT_2;
        self.dc_block
            .set_coeffs(Coeffs::new(Shape::HighPass { q }, 50.0, sr));
        // Fourth-order Butterworth low-pass at 1 kHz before decimating to 8-16 kHz.
        self.decim = (self.sample_rate / 8000).max(1) as usize;
        for (lp, q) in self
            .lp
            .iter_mut()
            .zip([0.541_196_100_146_197, 1.306_562_964_876_376_5])
        {
            lp.set_coeffs(Coeffs::new(Shape::LowPass { q }, 1000.0, sr));
        }
        self.frame_len = (self.sample_rate as usize * p.frame_ms as usize / 1000).max(1);
        self.rates = FloorRates::new(p.frame_ms);
        self.hang_frames = (p.hangover_ms / f64::from(p.frame_ms)).ceil() as u32;
    }

    fn gate_active(&self) -> bool {
        self.params.gate && self.params.mode != VadMode::Disabled
    }

    /// Highest normalised autocorrelation of the last decimated frame over the lags of
    /// a fundamental in the voice range. The history is unrolled oldest first into a
    /// scratch line so every lag is one dot product of contiguous slices (vectorised),
    /// and the lagged window's energy slides by one sample per lag.
    fn voicing(&mut self) -> f64 {
        let rate = f64::from(self.sample_rate) / self.decim as f64;
        let min_lag = (rate / self.params.voice_freq_max_hz).floor().max(1.0) as usize;
        let max_lag = ((rate / self.params.voice_freq_min_hz).ceil() as usize).min(MAX_LAG);
        if min_lag > max_lag {
            return 0.0;
        }
        let n = (self.frame_len / self.decim).clamp(1, MAX_FRAME);
        let span = n + max_lag;
        // line[j] = the sample `span - 1 - j` steps back; the frame is line[max_lag..].
        for (j, v) in self.line[..span].iter_mut().enumerate() {
            *v = self.hist[(self.hist_pos + HIST - span + j) & (HIST - 1)];
        }
        let line = &self.line[..span];
        let frame = &line[max_lag..];
        let xx = dot(frame, frame);
        // Energy of the window `lag` samples back, for lag = max_lag, sliding toward min_lag.
        let window = |lag: usize| &line[max_lag - lag..span - lag];
        let mut yy = dot(window(max_lag), window(max_lag));
        let mut best = 0.0f64;
        for lag in (min_lag..=max_lag).rev() {
            if lag < max_lag {
                // Slide one sample newer: add the newest, drop the oldest.
                let add = f64::from(line[span - 1 - lag]);
                let drop = f64::from(line[max_lag - lag - 1]);
                yy += add * add - drop * drop;
            }
            let xy = dot(frame, window(lag));
            let r = xy / (xx * yy.max(0.0)).sqrt().max(1e-20);
            best = best.max(r);
        }
        best
    }

    /// Detection input for frames `range` of `audio`: the mono mix, its high-passed
    /// energy into the frame's sum, and the decimated low band into the history.
    fn detect(&mut self, audio: &Planar, range: std::ops::Range<usize>, chans: usize, inv: f32) {
        let (mut dc, [mut lp0, mut lp1]) = (self.dc_block, self.lp);
        let mut energy = self.energy_full;
        let (decim, mut phase, mut pos) = (self.decim, self.decim_phase, self.hist_pos);
        for i in range {
            let mut m = 0.0f32;
            for c in 0..chans {
                m += audio.channel(c)[i];
            }
            m *= inv;
            let full = f64::from(dc.tick_raw(m));
            energy += full * full;
            let low = lp1.tick_raw(lp0.tick_raw(m));
            phase += 1;
            if phase >= decim {
                phase = 0;
                self.hist[pos] = low;
                pos = (pos + 1) & (HIST - 1);
            }
        }
        (self.dc_block, self.lp) = (dc, [lp0, lp1]);
        self.energy_full = energy;
        (self.decim_phase, self.hist_pos) = (phase, pos);
    }

    /// The gate over frames `range`: the audio leaves through the one-frame delay,
    /// scaled by a gain that ramps toward the last decision's target.
    fn gate(&mut self, audio: &mut Planar, range: std::ops::Range<usize>, chans: usize, step: f32) {
        let (target, mut gain, mut pos) = (self.target, self.gain, self.delay_pos);
        let frame_len = self.frame_len;
        for i in range {
            // The sample leaving the delay belongs to the frame decided last.
            if gain < target {
                gain = (gain + step).min(target);
            } else if gain > target {
                gain = (gain - step).max(target);
            }
            for c in 0..chans {
                let d = &mut self.delay[c][pos];
                let x = audio.channel(c)[i];
                let y = *d;
                *d = x;
                audio.channel_mut(c)[i] = y * gain;
            }
            pos = if pos + 1 >= frame_len { 0 } else { pos + 1 };
        }
        (self.gain, self.delay_pos) = (gain, pos);
    }

    /// Close the current frame: decide speech or pause.
    fn end_frame(&mut self) {
        let n = self.frame_len as f64;
        let rms_full = (self.energy_full / n).sqrt();
        let level_full = 20.0 * (rms_full + 1e-10).log10();
        self.energy_full = 0.0;
        let voiced = matches!(self.params.mode, VadMode::Webrtc | VadMode::Aggressive);
        if voiced {
            self.voicing = self.voicing();
        }
        let p = &self.params;
        let thr = p.threshold_db();
        let abs_min = p.energy_threshold * 2.0 * (1.0 - p.sensitivity);
        let snr = level_full - self.floor_full.db;
        let loud = rms_full > abs_min;
        let (raw, margin) = match p.mode {
            VadMode::Basic | VadMode::Silero | VadMode::Disabled => {
                (loud && snr > thr, (snr - thr) / 3.0)
            }
            VadMode::Webrtc | VadMode::Aggressive => {
                let v = self.voicing;
                let vthr = p.voicing_threshold();
                let snr_thr = if p.mode == VadMode::Webrtc {
                    0.5 * thr
                } else {
                    thr
                };
                let vm = (v - vthr) / 0.05;
                let em = (snr - snr_thr) / 3.0;
                (loud && v > vthr && snr > snr_thr, vm.min(em))
            }
        };
        self.confidence = (1.0 / (1.0 + (-margin).exp())) as f32;
        if raw {
            self.hang_left = self.hang_frames;
            self.speech = true;
        } else if self.hang_left > 0 {
            self.hang_left -= 1;
            self.speech = true;
        } else {
            self.speech = false;
        }
        self.floor_full.update(level_full, raw, &self.rates);
        self.frames += 1;
        self.speech_frames += u64::from(self.speech);
        self.target = if self.speech {
            1.0
        } else {
            db_to_lin(self.params.gate_depth_db as f32)
        };
    }
}

impl Stage for Vad {
    fn kind(&self) -> StageKind {
        StageKind::Vad
    }

    fn prepare(&mut self, format: StreamFormat) {
        self.sample_rate = format.sample_rate;
        self.channels = format.channels;
        let max_frame = format.sample_rate as usize * 30 / 1000 + 1;
        self.delay = vec![vec![0.0; max_frame]; format.channels];
        self.configure();
        self.reset();
    }

    fn process(&mut self, audio: &mut Planar) {
        if self.params.mode == VadMode::Disabled {
            return;
        }
        let chans = audio.channels().min(self.delay.len());
        if chans == 0 {
            return;
        }
        let gate = self.gate_active();
        let inv = 1.0 / chans as f32;
        let depth = db_to_lin(self.params.gate_depth_db as f32);
        let fade_samples = (self.params.gate_fade_ms * 1e-3 * f64::from(self.sample_rate)).max(1.0);
        let step = ((1.0 - depth) as f64 / fade_samples) as f32;
        let frame_len = self.frame_len;
        // Segment by segment up to each frame's end, so the per-sample loops carry no
        // frame bookkeeping and run on local copies of their state (in registers).
        let n = audio.len();
        let mut start = 0;
        while start < n {
            let end = n.min(start + frame_len - self.frame_pos);
            self.detect(audio, start..end, chans, inv);
            if gate {
                self.gate(audio, start..end, chans, step);
            }
            self.frame_pos += end - start;
            if self.frame_pos >= frame_len {
                self.frame_pos = 0;
                self.end_frame();
            }
            start = end;
        }
        self.dc_block.flush_denormals();
        self.lp.iter_mut().for_each(Biquad::flush_denormals);
    }

    fn latency(&self) -> usize {
        if self.gate_active() {
            self.frame_len
        } else {
            0
        }
    }

    fn reset(&mut self) {
        self.dc_block.reset();
        for lp in &mut self.lp {
            lp.reset();
        }
        self.decim_phase = 0;
        self.hist.fill(0.0);
        self.hist_pos = 0;
        self.frame_pos = 0;
        self.energy_full = 0.0;
        self.floor_full = Floor {
            db: Floor::START_DB,
        };
        self.voicing = 0.0;
        self.hang_left = 0;
        self.speech = false;
        self.confidence = 0.0;
        self.frames = 0;
        self.speech_frames = 0;
        for d in &mut self.delay {
            d.fill(0.0);
        }
        self.delay_pos = 0;
        self.gain = 1.0;
        self.target = 1.0;
    }

    fn telemetry(&self) -> StageTelemetry {
        if self.params.mode == VadMode::Disabled || self.frames == 0 {
            return StageTelemetry::default();
        }
        StageTelemetry {
            speech: Some(self.speech),
            speech_probability: Some(self.confidence),
            speech_ratio: Some((self.speech_frames as f64 / self.frames as f64) as f32),
            ..StageTelemetry::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dsp::testing::{assert_block_invariant, run_stage};
    use crate::test_signals::{mix_at_snr, pink_noise, speech_like, white_noise};

    /// Per-frame VAD decisions over `x` (blocks of exactly one frame).
    fn decisions(params: VadParams, sr: u32, x: &[f32]) -> Vec<bool> {
        let frame = sr as usize * params.frame_ms as usize / 1000;
        let mut vad = Vad::new(params);
        vad.prepare(StreamFormat {
            sample_rate: sr,
            channels: 1,
            max_block: frame,
        });
        let mut buf = Planar::new(1, frame);
        x.chunks_exact(frame)
            .map(|c| {
                buf.copy_from_interleaved(c);
                vad.process(&mut buf);
                vad.telemetry().speech.expect("speech flag")
            })
            .collect()
    }

    /// Precision and recall against per-frame labels (speech when most of the frame is).
    fn precision_recall(
        detected: &[bool],
        labels: &[bool],
        frame: usize,
        skip: usize,
    ) -> (f64, f64) {
        let (mut tp, mut fp, mut fnn) = (0.0, 0.0, 0.0);
        for (f, &d) in detected.iter().enumerate().skip(skip) {
            let l = labels[f * frame..(f + 1) * frame]
                .iter()
                .filter(|&&s| s)
                .count()
                * 2
                > frame;
            match (d, l) {
                (true, true) => tp += 1.0,
                (true, false) => fp += 1.0,
                (false, true) => fnn += 1.0,
                _ => {}
            }
        }
        (tp / (tp + fp), tp / (tp + fnn))
    }

    #[test]
    fn precision_and_recall_on_labelled_track() {
        let sr = 16_000;
        let (clean, labels) = speech_like(sr, 20.0, 7);
        let mut failures = 0;
        for (name, noise) in [
            ("white", white_noise(clean.len(), 1.0, 11)),
            ("pink", pink_noise(clean.len(), 1.0, 12)),
        ] {
            let noisy = mix_at_snr(&clean, &noise, 10.0);
            println!("clean rms {:.4}", crate::test_signals::rms(&clean));
            for mode in [VadMode::Basic, VadMode::Webrtc, VadMode::Aggressive] {
                for frame_ms in [10, 30] {
                    let params = VadParams {
                        mode,
                        frame_ms,
                        hangover_ms: 0.0,
                        ..VadParams::default()
                    };
                    let frame = sr as usize * frame_ms as usize / 1000;
                    let d = decisions(params, sr, &noisy);
                    // Skip the first second: the floors start at -40 dBFS.
                    let skip = 1000 / frame_ms as usize;
                    let (p, r) = precision_recall(&d, &labels, frame, skip);
                    println!(
                        "{name} noise, 10 dB SNR, {mode:?} {frame_ms} ms: precision {p:.3}, recall {r:.3}"
                    );
                    failures += usize::from(!(p >= 0.9 && r >= 0.9));
                }
            }
        }
        assert_eq!(failures, 0);
    }

    #[test]
    fn hangover_keeps_word_endings() {
        let sr = 16_000;
        let (clean, labels) = speech_like(sr, 12.0, 3);
        let noisy = mix_at_snr(&clean, &white_noise(clean.len(), 1.0, 5), 10.0);
        let frame = 480;
        let d = decisions(VadParams::default(), sr, &noisy);
        let (_, recall) = precision_recall(&d, &labels, frame, 33);
        assert!(recall >= 0.97, "recall with hangover {recall}");
    }

    #[test]
    fn passes_audio_unchanged_without_gate() {
        let sr = 16_000;
        let (clean, _) = speech_like(sr, 2.0, 1);
        let out = run_stage(
            &mut Vad::new(VadParams::default()),
            sr,
            std::slice::from_ref(&clean),
            256,
        );
        assert_eq!(out[0], clean);
    }

    #[test]
    fn gate_attenuates_pauses_not_speech() {
        let sr = 16_000;
        let (clean, labels) = speech_like(sr, 8.0, 9);
        let noisy = mix_at_snr(&clean, &white_noise(clean.len(), 1.0, 2), 15.0);
        let params = VadParams {
            gate: true,
            gate_depth_db: -40.0,
            ..VadParams::default()
        };
        let mut vad = Vad::new(params);
        let out = run_stage(&mut vad, sr, std::slice::from_ref(&noisy), 160);
        let lat = vad.latency();
        assert_eq!(lat, 480);
        let (mut speech_in, mut speech_out, mut pause_in, mut pause_out) = (0.0, 0.0, 0.0, 0.0);
        // Compare away from the edges of words (fades and hangover).
        let margin = 4000;
        for i in sr as usize..noisy.len() - lat {
            let near_edge = labels[i.saturating_sub(margin)..(i + margin).min(labels.len())]
                .iter()
                .any(|&l| l != labels[i]);
            if near_edge {
                continue;
            }
            let (a, b) = (
                f64::from(noisy[i]).powi(2),
                f64::from(out[0][i + lat]).powi(2),
            );
            if labels[i] {
                speech_in += a;
                speech_out += b;
            } else {
                pause_in += a;
                pause_out += b;
            }
        }
        let speech_change = 10.0 * (speech_out / speech_in).log10();
        let pause_change = 10.0 * (pause_out / pause_in).log10();
        assert!(
            speech_change.abs() < 0.5,
            "speech changed by {speech_change} dB"
        );
        assert!(pause_change < -35.0, "pauses only {pause_change} dB down");
    }

    #[test]
    fn block_size_invariant_every_mode_mono_and_stereo() {
        let sr = 16_000;
        let (clean, _) = speech_like(sr, 2.0, 4);
        let noisy = mix_at_snr(&clean, &white_noise(clean.len(), 1.0, 8), 10.0);
        let right: Vec<f32> = noisy.iter().rev().copied().collect();
        for mode in [
            VadMode::Disabled,
            VadMode::Basic,
            VadMode::Webrtc,
            VadMode::Aggressive,
            VadMode::Silero,
        ] {
            for gate in [false, true] {
                let params = VadParams {
                    mode,
                    gate,
                    ..VadParams::default()
                };
                assert_block_invariant(
                    || Box::new(Vad::new(params.clone())),
                    sr,
                    std::slice::from_ref(&noisy),
                );
                assert_block_invariant(
                    || Box::new(Vad::new(params.clone())),
                    sr,
                    &[noisy.clone(), right.clone()],
                );
            }
        }
    }

    #[test]
    fn rejects_bad_parameters() {
        let bad = [
            VadParams {
                aggressiveness: 4,
                ..VadParams::default()
            },
            VadParams {
                frame_ms: 25,
                ..VadParams::default()
            },
            VadParams {
                sensitivity: 1.5,
                ..VadParams::default()
            },
            VadParams {
                voice_freq_min_hz: 20.0,
                ..VadParams::default()
            },
            VadParams {
                voice_freq_min_hz: 400.0,
                voice_freq_max_hz: 300.0,
                ..VadParams::default()
            },
            VadParams {
                gate_depth_db: 3.0,
                ..VadParams::default()
            },
            VadParams {
                energy_threshold: f64::NAN,
                ..VadParams::default()
            },
        ];
        for p in bad {
            let e = p.validate().unwrap_err();
            assert_eq!(e.stage, "vad");
            assert!(e.to_string().contains("allowed"), "{e}");
        }
        let e = VadParams {
            frame_ms: 25,
            ..VadParams::default()
        }
        .validate()
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            "stage `vad`: parameter `frame_ms` = 25 is invalid (allowed: one of: 10, 20, 30)"
        );
        assert!(VadParams::default().validate().is_ok());
    }

    #[test]
    fn params_deserialize_with_defaults_and_reject_unknown_keys() {
        let p: VadParams = toml::from_str("mode = \"aggressive\"\nframe_ms = 20").unwrap();
        assert_eq!(p.mode, VadMode::Aggressive);
        assert_eq!(p.aggressiveness, 2);
        assert!(toml::from_str::<VadParams>("threshold = 1").is_err());
        assert!(toml::from_str::<VadParams>("mode = \"loud\"").is_err());
    }
}
