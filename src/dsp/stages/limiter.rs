//! Limiter: a look-ahead true-peak brick-wall limiter that never lets the true peak of its
//! output pass the ceiling.
//!
//! Algorithm (after the classic look-ahead limiter design, e.g. Giannoulis, Massberg and
//! Reiss, "Digital Dynamic Range Compressor Design", JAES 2012, and ITU-R BS.1770-4
//! Annex 2 for the true-peak detector):
//! 1. Every input frame is upsampled 4x (2x from 96 kHz) with the same 48-tap
//!    Hann-windowed sinc interpolator BS.1770 meters use; the largest magnitude over the
//!    channels (stereo-linked) is the frame's true peak.
//! 2. A static curve gives the gain that keeps that peak at the ceiling (with
//!    `soft_clip`, a 2 dB soft knee that starts below the ceiling and still never passes
//!    it; it replaces the Python service's tanh clipper, which distorted).
//! 3. A sliding minimum holds the required gain over the look-ahead window plus the
//!    interpolator's reach on both sides, and a moving average of the look-ahead length
//!    turns the steps into smooth ramps that are complete before the peak arrives: every
//!    sample near a peak gets at most the gain that peak needs.
//! 4. Gain recovery is a one-pole release; the audio is delayed by the look-ahead so the
//!    gain meets the sample it was computed for. [`Stage::latency`] reports that delay.
//!
//! Cost per frame: the interpolator (48 multiply-adds per channel, run as FIR filters
//! across the block so they vectorise), an amortised O(1) sliding minimum and an O(1)
//! running mean. A block whose samples cannot reach the knee even after interpolation
//! (bounded by the interpolator's absolute tap sum) skips the interpolator, and when no
//! gain is held or recovering either, everything but the delay.

use std::collections::VecDeque;

use serde::{Deserialize, Serialize};

use crate::audio::Planar;
use crate::dsp::params::{ParamError, check_range};
use crate::dsp::util::{DelayLine, apply_gains, ms_to_frames, one_pole_coeff};
use crate::dsp::{Stage, StageKind, StageTelemetry, StreamFormat};

const NAME: &str = "limiter";
/// Width of the soft knee used by `soft_clip`, in dB.
const SOFT_KNEE_DB: f64 = 2.0;
/// Headroom kept under the ceiling for the gain ramps' effect on inter-sample peaks.
const SAFETY_DB: f64 = 0.02;

/// Parameters of the limiter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LimiterParams {
    /// Ceiling for the true peak of the output, in dBTP (-30 to 0).
    pub threshold_db: f64,
    /// Time for the gain to recover, in ms (1 to 500).
    pub release_ms: f64,
    /// Look-ahead in ms (0 to 20). Never shorter than 24 frames (0.5 ms at 48 kHz), and the
    /// true-peak detector adds 13 frames on top.
    pub lookahead_ms: f64,
    /// Start limiting softly 1 dB below the ceiling (a soft knee) instead of at it.
    pub soft_clip: bool,
}

impl Default for LimiterParams {
    fn default() -> Self {
        Self {
            threshold_db: -1.0,
            release_ms: 50.0,
            lookahead_ms: 5.0,
            soft_clip: true,
        }
    }
}

impl LimiterParams {
    /// Check every parameter against its range.
    pub fn validate(&self) -> Result<(), ParamError> {
        check_range(NAME, "threshold_db", self.threshold_db, -30.0, 0.0)?;
        check_range(NAME, "release_ms", self.release_ms, 1.0, 500.0)?;
        check_range(NAME, "lookahead_ms", self.lookahead_ms, 0.0, 20.0)?;
        Ok(())
    }
}

/// A polyphase true-peak interpolator: BS.1770-4 Annex 2 style, 48 taps, 4x below 96 kHz
/// and 2x from 96 kHz, identical to the one of the `ebur128` meter. Works a block at a
/// time: each phase is an FIR filter run across the block, which vectorises.
#[derive(Debug, Clone)]
pub struct TruePeakDetector {
    factor: usize,
    taps: usize,
    /// `coeffs[k * factor + p]`: tap `k` of phase `p`.
    coeffs: Vec<f32>,
    /// The largest sum of absolute taps over the phases: no interpolated point can exceed
    /// the largest input magnitude in reach times this.
    gain_bound: f32,
    /// Per channel, the last `taps - 1` inputs followed by room for one block.
    lines: Vec<Vec<f32>>,
    /// One phase's output over a block.
    phase_out: Vec<f32>,
}

impl TruePeakDetector {
    const TOTAL_TAPS: usize = 48;

    /// A detector for `channels` channels at `sample_rate`, fed blocks of at most
    /// `max_block` frames.
    pub fn new(channels: usize, sample_rate: u32, max_block: usize) -> Self {
        let factor = if sample_rate < 96_000 { 4 } else { 2 };
        let taps = Self::TOTAL_TAPS / factor;
        let mut coeffs = vec![0.0f32; Self::TOTAL_TAPS];
        let window = Self::TOTAL_TAPS as f64;
        for (j, c) in coeffs.iter_mut().enumerate() {
            let jf = j as f64;
            let w = 0.5 * (1.0 - (2.0 * std::f64::consts::PI * jf / window).cos());
            let m = jf - window / 2.0;
            let x = m * std::f64::consts::PI / factor as f64;
            *c = if m.abs() > 1e-6 { w * x.sin() / x } else { w } as f32;
        }
        let gain_bound = (0..factor)
            .map(|p| coeffs.iter().skip(p).step_by(factor).map(|c| c.abs()).sum())
            .fold(0.0f32, f32::max)
            * 1.001;
        Self {
            factor,
            taps,
            coeffs,
            gain_bound,
            lines: vec![vec![0.0; taps - 1 + max_block]; channels],
            phase_out: vec![0.0; max_block],
        }
    }

    /// Frames between an input and the interpolated points around it.
    pub fn delay(&self) -> usize {
        self.taps / 2
    }

    /// Feed one block and write, for every frame, the largest magnitude among the
    /// interpolated points over all channels into `peaks` (`peaks.len()` = the block's
    /// length); frames whose points cannot pass `below` get 0. Returns false, leaving
    /// `peaks` untouched, when no point of the block can pass `below`.
    pub fn process(&mut self, audio: &Planar, below: f32, peaks: &mut [f32]) -> bool {
        /// Frames checked against the bound at a time: peaks are rare, so most chunks
        /// of a loud block still skip the interpolator.
        const CHUNK: usize = 64;
        let n = audio.len();
        let hist = self.taps - 1;
        for (line, input) in self.lines.iter_mut().zip(audio.channels_iter()) {
            line[hist..hist + n].copy_from_slice(input);
        }
        let mut loud = false;
        let mut start = 0;
        while start < n {
            let len = CHUNK.min(n - start);
            // Every input the chunk's interpolated points reach.
            let reach = self.lines.iter().fold(0.0f32, |m, line| {
                line[start..start + hist + len]
                    .iter()
                    .fold(m, |m, x| m.max(x.abs()))
            });
            if reach * self.gain_bound > below {
                if !loud {
                    peaks.fill(0.0);
                    loud = true;
                }
                let peaks = &mut peaks[start..start + len];
                for line in &self.lines {
                    for p in 0..self.factor {
                        let out = &mut self.phase_out[..len];
                        // y[i] = sum_k c[k][p] * x[i - k], newest sample first; 16
                        // outputs at a time kept in registers across all taps.
                        let phase = self.coeffs.iter().skip(p).step_by(self.factor);
                        let mut at = 0;
                        while at < len {
                            let base = start + hist + at;
                            if len - at >= 16 {
                                out[at..at + 16].copy_from_slice(&fir::<16>(
                                    phase.clone(),
                                    line,
                                    base,
                                ));
                                at += 16;
                            } else {
                                out[at] = fir::<1>(phase.clone(), line, base)[0];
                                at += 1;
                            }
                        }
                        for (peak, y) in peaks.iter_mut().zip(out.iter()) {
                            *peak = peak.max(y.abs());
                        }
                    }
                }
            }
            start += len;
        }
        for line in &mut self.lines {
            line.copy_within(n..n + hist, 0);
        }
        loud
    }

    /// Forget the history.
    pub fn reset(&mut self) {
        for line in &mut self.lines {
            line.fill(0.0);
        }
    }
}

/// `W` consecutive outputs of one interpolation phase, `y[i] = sum_k c[k]·x[base + i - k]`
/// (newest sample first), kept in registers across all taps.
#[inline(always)]
fn fir<'a, const W: usize>(
    taps: impl Iterator<Item = &'a f32>,
    line: &[f32],
    base: usize,
) -> [f32; W] {
    let mut acc = [0.0f32; W];
    for (k, &c) in taps.enumerate() {
        for (a, &x) in acc.iter_mut().zip(&line[base - k..base - k + W]) {
            *a += c * x;
        }
    }
    acc
}

/// Sliding minimum over a fixed window (monotone deque with a fixed capacity).
#[derive(Debug, Clone)]
struct SlidingMin {
    window: usize,
    deque: VecDeque<(u64, f32)>,
    index: u64,
}

impl SlidingMin {
    fn new(window: usize) -> Self {
        Self {
            window: window.max(1),
            deque: VecDeque::with_capacity(window.max(1) + 1),
            index: 0,
        }
    }

    #[inline]
    fn push(&mut self, v: f32) -> f32 {
        while let Some(&(_, back)) = self.deque.back() {
            if back >= v {
                self.deque.pop_back();
            } else {
                break;
            }
        }
        self.deque.push_back((self.index, v));
        let oldest = self.index.saturating_sub(self.window as u64 - 1);
        while let Some(&(i, _)) = self.deque.front() {
            if i < oldest {
                self.deque.pop_front();
            } else {
                break;
            }
        }
        self.index += 1;
        self.deque.front().map_or(v, |&(_, m)| m)
    }

    /// True when every value in the window is 1 (the largest a gain can be).
    fn is_unity(&self) -> bool {
        self.deque.front().is_none_or(|&(_, m)| m >= 1.0)
    }

    /// The same as pushing `n` ones, when [`SlidingMin::is_unity`].
    fn push_unity(&mut self, n: usize) {
        if n > 0 {
            self.deque.clear();
            self.index += n as u64;
            self.deque.push_back((self.index - 1, 1.0));
        }
    }

    fn reset(&mut self) {
        self.deque.clear();
        self.index = 0;
    }
}

/// Moving average over a fixed window, initialised to 1 (unity gain).
#[derive(Debug, Clone)]
struct MovingMean {
    buf: Vec<f64>,
    pos: usize,
    sum: f64,
    /// How many ones were pushed in a row.
    ones: usize,
}

impl MovingMean {
    fn new(len: usize) -> Self {
        let len = len.max(1);
        Self {
            buf: vec![1.0; len],
            pos: 0,
            sum: len as f64,
            ones: len,
        }
    }

    /// True when the whole window holds ones.
    fn is_unity(&self) -> bool {
        self.ones >= self.buf.len()
    }

    /// The same as pushing `n` ones, when [`MovingMean::is_unity`].
    fn push_unity(&mut self, n: usize) {
        self.pos = (self.pos + n) % self.buf.len();
        self.sum = self.buf.len() as f64;
        self.ones = self.ones.saturating_add(n);
    }

    #[inline]
    fn push(&mut self, v: f32) -> f32 {
        self.ones = if v >= 1.0 { self.ones + 1 } else { 0 };
        let v = f64::from(v);
        self.sum += v - self.buf[self.pos];
        self.buf[self.pos] = v;
        self.pos += 1;
        if self.pos == self.buf.len() {
            self.pos = 0;
            // Re-sum once per window so rounding never accumulates.
            self.sum = self.buf.iter().sum();
        }
        (self.sum / self.buf.len() as f64) as f32
    }

    fn reset(&mut self) {
        self.buf.fill(1.0);
        self.pos = 0;
        self.sum = self.buf.len() as f64;
        self.ones = self.buf.len();
    }
}

/// The look-ahead true-peak limiter stage.
pub struct Limiter {
    params: LimiterParams,
    format: Option<StreamFormat>,
    detector: TruePeakDetector,
    hold: SlidingMin,
    mean: MovingMean,
    delay: DelayLine,
    release_coeff: f64,
    /// `release_coeff` to the powers 1, 2, … (one per frame of the largest block): a
    /// recovery from `env` toward 1 is `1 + (env - 1)·c^k`, computed for a whole block
    /// at once instead of one dependent step per frame.
    recovery: Vec<f64>,
    /// The gain envelope, in `f64` so the block-wise recovery and the frame-by-frame
    /// recursion agree to far below `f32` resolution, however the blocks are cut.
    env: f64,
    ceiling_db: f64,
    knee_db: f64,
    /// Linear peak where the knee starts (slightly under).
    knee_start: f32,
    /// Smallest gain of the last block (for telemetry).
    block_min_gain: f32,
    /// Per frame of the block: true peak, then gain.
    peaks: Vec<f32>,
    gains: Vec<f32>,
}

impl Limiter {
    /// A limiter with `params` (call [`Stage::prepare`] before processing).
    pub fn new(params: LimiterParams) -> Self {
        let mut l = Self {
            params,
            format: None,
            detector: TruePeakDetector::new(1, 48_000, 0),
            hold: SlidingMin::new(1),
            mean: MovingMean::new(1),
            delay: DelayLine::new(1, 0),
            release_coeff: 0.0,
            recovery: Vec::new(),
            env: 1.0,
            ceiling_db: 0.0,
            knee_db: 0.0,
            knee_start: 0.0,
            block_min_gain: 1.0,
            peaks: Vec::new(),
            gains: Vec::new(),
        };
        l.update_curve();
        l
    }

    /// The parameters in use.
    pub fn params(&self) -> &LimiterParams {
        &self.params
    }

    /// Change parameters in place. The ceiling, knee and release change at once (the
    /// gain stays smooth through the averaging window); a new look-ahead resizes the
    /// delay and restarts the detector, so the pipeline treats it as a chain change.
    pub fn set_params(&mut self, p: LimiterParams) {
        let relayout = p.lookahead_ms != self.params.lookahead_ms;
        self.params = p;
        self.update_curve();
        if let Some(f) = self.format {
            if relayout {
                self.prepare(f);
            } else {
                self.set_release(f.sample_rate);
            }
        }
    }

    /// The release coefficient for `sample_rate` and its powers (fills the table in
    /// place once [`Stage::prepare`] has sized it).
    fn set_release(&mut self, sample_rate: u32) {
        self.release_coeff = one_pole_coeff(self.params.release_ms, f64::from(sample_rate));
        let mut p = 1.0;
        for r in &mut self.recovery {
            p *= self.release_coeff;
            *r = p;
        }
    }

    fn update_curve(&mut self) {
        self.ceiling_db = self.params.threshold_db - SAFETY_DB;
        self.knee_db = if self.params.soft_clip {
            SOFT_KNEE_DB
        } else {
            0.0
        };
        // Rounded down a little so the exact test below decides at the boundary.
        self.knee_start =
            (10f64.powf((self.ceiling_db - self.knee_db / 2.0) / 20.0) * 0.999) as f32;
    }

    /// Look-ahead window in frames: the setting, but never shorter than the
    /// interpolator's span, so gain ramps stay smooth over every interpolated point.
    fn window(&self, sample_rate: u32) -> usize {
        let span = 2 * (TruePeakDetector::TOTAL_TAPS / if sample_rate < 96_000 { 4 } else { 2 });
        ms_to_frames(self.params.lookahead_ms, sample_rate).max(span)
    }

    /// Gain (linear) that keeps a true peak of `peak` under the ceiling.
    #[inline]
    fn required_gain(&self, peak: f32) -> f32 {
        let t = self.ceiling_db;
        let w = self.knee_db;
        // Fast path: below the knee, no dB conversion.
        if peak <= self.knee_start {
            return 1.0;
        }
        let x = 20.0 * f64::from(peak.max(1e-12)).log10();
        if x <= t - w / 2.0 {
            return 1.0;
        }
        let y = if w > 0.0 && x < t + w / 2.0 {
            let d = x - t + w / 2.0;
            x - d * d / (2.0 * w)
        } else {
            t
        };
        10f64.powf((y - x) / 20.0) as f32
    }
}

impl Stage for Limiter {
    fn kind(&self) -> StageKind {
        StageKind::Limiter
    }

    fn prepare(&mut self, format: StreamFormat) {
        self.format = Some(format);
        self.detector =
            TruePeakDetector::new(format.channels, format.sample_rate, format.max_block);
        self.peaks = vec![0.0; format.max_block];
        self.gains = vec![1.0; format.max_block];
        let w = self.window(format.sample_rate);
        let reach = self.detector.delay() + 1;
        self.hold = SlidingMin::new(w + 2 * reach);
        self.mean = MovingMean::new(w);
        self.delay = DelayLine::new(format.channels, self.detector.delay() + (w - 1) + reach);
        self.recovery = vec![0.0; format.max_block];
        self.set_release(format.sample_rate);
        self.env = 1.0;
        self.block_min_gain = 1.0;
    }

    fn process(&mut self, audio: &mut Planar) {
        let n = audio.len();
        let loud = self
            .detector
            .process(audio, self.knee_start, &mut self.peaks[..n]);
        let quiet = !loud
            || self.peaks[..n]
                .iter()
                .fold(0.0f32, |m, &p| m.max(p))
                .le(&self.knee_start);
        if quiet && self.hold.is_unity() && self.mean.is_unity() {
            // Nothing to limit and nothing held: the hold and the average stay at 1,
            // the envelope only recovers toward 1.
            self.hold.push_unity(n);
            self.mean.push_unity(n);
            if self.env == 1.0 {
                self.delay.process(audio);
                self.block_min_gain = 1.0;
                return;
            }
            self.block_min_gain = self.env as f32;
            let d = self.env - 1.0;
            for (g, &p) in self.gains[..n].iter_mut().zip(&self.recovery) {
                *g = (1.0 + d * p) as f32;
            }
            self.env = 1.0 + d * self.recovery[n - 1];
        } else {
            for i in 0..n {
                self.gains[i] = if loud {
                    self.required_gain(self.peaks[i])
                } else {
                    1.0
                };
            }
            let gains = &mut self.gains[..n];
            // The envelope runs on a local copy (in a register, not through `self`).
            let (c, mut env) = (self.release_coeff, self.env);
            let mut block_min = 1.0f32;
            for g in gains.iter_mut() {
                let a = f64::from(self.mean.push(self.hold.push(*g)));
                env = if a < env { a } else { c * env + (1.0 - c) * a };
                *g = env as f32;
                block_min = block_min.min(*g);
            }
            self.env = env;
            self.block_min_gain = block_min;
        }
        if self.env as f32 == 1.0 {
            // Recovered to within `f32` resolution: exactly 1, so the next quiet block
            // takes the no-op path.
            self.env = 1.0;
        }
        self.delay.process(audio);
        apply_gains(audio, &self.gains[..n]);
    }

    fn latency(&self) -> usize {
        self.delay.len()
    }

    fn reset(&mut self) {
        self.detector.reset();
        self.hold.reset();
        self.mean.reset();
        self.delay.reset();
        self.env = 1.0;
        self.block_min_gain = 1.0;
    }

    fn telemetry(&self) -> StageTelemetry {
        StageTelemetry {
            gain_reduction_db: Some(-20.0 * self.block_min_gain.max(1e-9).log10()),
            ..StageTelemetry::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dsp::testing;
    use crate::test_signals;

    fn limit(params: LimiterParams, input: &[Vec<f32>], sr: u32) -> (Vec<Vec<f32>>, usize) {
        let mut l = Limiter::new(params);
        // Flush the latency with silence so every input sample comes out.
        let mut padded = input.to_vec();
        l.prepare(StreamFormat {
            sample_rate: sr,
            channels: input.len(),
            max_block: 512,
        });
        let lat = l.latency();
        for ch in &mut padded {
            ch.extend(std::iter::repeat_n(0.0, lat));
        }
        let out = testing::run_blocks(&padded, 512, &mut |b| l.process(b));
        (out, lat)
    }

    #[test]
    fn true_peak_never_above_ceiling() {
        for sr in [16_000, 44_100, 48_000, 96_000] {
            let n = sr as usize;
            // Near-Nyquist sines have inter-sample peaks well above their samples; a
            // square-ish burst, a loud tone and noise at +12 dB over the ceiling.
            let mut sig = test_signals::sine(f64::from(sr) / 4.0 * 0.99, 1.0, sr, n / 4);
            sig.extend(test_signals::sine(f64::from(sr) * 0.45, 1.4, sr, n / 4));
            sig.extend(
                test_signals::sine(997.0, 3.0, sr, n / 4)
                    .iter()
                    .map(|x| x.signum() * 2.5),
            );
            sig.extend(test_signals::noise(4.0, n / 4, 3));
            let sig2: Vec<f32> = sig.iter().rev().copied().collect();
            for ceiling in [-1.0, -0.1, -6.0] {
                let (out, _) = limit(
                    LimiterParams {
                        threshold_db: ceiling,
                        ..LimiterParams::default()
                    },
                    &[sig.clone(), sig2.clone()],
                    sr,
                );
                let tp = testing::true_peak_dbtp(&out, sr).unwrap();
                assert!(
                    tp <= ceiling,
                    "{sr} Hz: true peak {tp} dBTP above ceiling {ceiling}"
                );
                // And it actually limits rather than muting.
                assert!(
                    tp > ceiling - 1.0,
                    "{sr} Hz: true peak {tp} far below {ceiling}"
                );
            }
        }
    }

    #[test]
    fn hard_knee_and_zero_lookahead_still_hold_the_ceiling() {
        let sr = 48_000;
        let sig = test_signals::noise(8.0, sr as usize, 11);
        let (out, lat) = limit(
            LimiterParams {
                threshold_db: -3.0,
                lookahead_ms: 0.0,
                soft_clip: false,
                release_ms: 1.0,
            },
            &[sig],
            sr,
        );
        assert!(lat > 0);
        let tp = testing::true_peak_dbtp(&out, sr).unwrap();
        assert!(tp <= -3.0, "{tp}");
    }

    #[test]
    fn quiet_signal_passes_unchanged_but_delayed() {
        let sr = 48_000;
        let sig = test_signals::sine(440.0, 0.5, sr, 4800);
        let (out, lat) = limit(LimiterParams::default(), std::slice::from_ref(&sig), sr);
        assert_eq!(lat, 6 + 240 - 1 + 7);
        for (i, &x) in sig.iter().enumerate() {
            assert!((out[0][i + lat] - x).abs() < 1e-6);
        }
    }

    #[test]
    fn block_size_invariant() {
        testing::assert_stage_block_invariant("limiter", 48_000, 2, || {
            Limiter::new(LimiterParams {
                threshold_db: -12.0,
                ..LimiterParams::default()
            })
        });
    }

    #[test]
    fn bad_parameters_are_rejected() {
        let e = LimiterParams {
            release_ms: 0.0,
            ..LimiterParams::default()
        }
        .validate()
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            "stage `limiter`: parameter `release_ms` = 0 is invalid (allowed: 1 to 500)"
        );
        assert!(
            LimiterParams {
                threshold_db: 1.0,
                ..Default::default()
            }
            .validate()
            .is_err()
        );
    }
}
