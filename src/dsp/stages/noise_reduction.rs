//! `noise_reduction`: power spectral subtraction with a tracked noise estimate (Boll
//! 1979, with Berouti, Schwartz and Makhoul's over-subtraction and spectral floor,
//! 1979), or the RNNoise recurrent network (J.-M. Valin, "A Hybrid DSP/Deep Learning
//! Approach to Real-Time Full-Band Speech Enhancement", 2018) through the `nnnoiseless`
//! crate in mode `rnn`.
//!
//! Spectral modes:
//! - streaming STFT ([`crate::dsp::stft`]) of about 32 ms at the stream rate (a multiple
//!   of 32 samples: 512 at 16 kHz, 1536 at 48 kHz), 50 % overlap, square-root Hann
//!   analysis and synthesis windows; latency `size - 1` frames;
//! - noise power per bin by minima-controlled recursive averaging
//!   ([`crate::dsp::noise_estimate`]), moving by `adaptation_rate` per 10 ms where a bin
//!   is noise-like, so it follows changing noise and needs no noise-only lead-in;
//! - a frame is noise-like when its mean magnitude is under 1.5 times the noise's (the
//!   reference's rule);
//! - subtraction factor `alpha`: light 0.3, moderate 0.7, aggressive 0.95, adaptive from
//!   the frame SNR (0.95 at 0 dB and below to 0.3 at 20 dB and above, as Berouti);
//!   the power gain is `1 - β·N/P` with over-subtraction `β = 4·alpha·
//!   stationary_noise_reduction`;
//! - voice protection (moderate, aggressive and adaptive, when `voice_protection`):
//!   on speech-like frames bins from 300 to 3400 Hz get half the over-subtraction;
//! - spectral floor: 10 % of the original magnitude (-20 dB) on speech-like frames; on
//!   noise-like frames it glides towards `noise_floor_db`, by
//!   `non_stationary_noise_reduction` (geometric interpolation), so pauses are pushed
//!   further down than speech;
//! - gains fall by at most 0.6x per frame (as RNNoise does) to limit musical noise;
//! - `strength` blends the gain with unity: `1 - strength·(1 - g)`.
//!
//! Mode `rnn`: RNNoise needs 48 kHz and 480-sample frames with 16-bit scaling. At other
//! rates the stream is resampled to 48 kHz and back with rubato's synchronous FFT
//! resampler (fixed chunks); everything is driven by sample counts, so the output does
//! not depend on the block size, and the output is delayed by a constant
//! [`Stage::latency`] = buffering (computed exactly in `prepare`) + both resamplers'
//! delays + RNNoise's own 480-sample (10 ms) delay: 959 frames at 48 kHz (20 ms), 479
//! at 16 kHz (29.9 ms), 1322 at 44.1 kHz (30 ms), checked against the measured delay by
//! a test. In the 44.1 kHz family the resamplers' delay is not a whole number of stream
//! samples; the reported latency is rounded. `strength` blends with the dry signal aligned inside the chain. The
//! network's voice probability is reported as `speech_probability` (and `speech` above
//! 0.5). Caveat: nnnoiseless keeps its FFT plans in thread-local caches, so the first
//! frame processed on a new thread allocates them once.

use nnnoiseless::DenoiseState;
use rubato::{FftFixedInOut, Resampler};
use rustfft::num_complex::Complex32;
use serde::{Deserialize, Serialize};

use crate::audio::Planar;
use crate::dsp::noise_estimate::NoiseEstimate;
use crate::dsp::params::{ParamError, check_range};
use crate::dsp::stft::{Stft, Window};
use crate::dsp::util::sum_f32;
use crate::dsp::{Stage, StageKind, StageTelemetry, StreamFormat};

const STAGE: &str = "noise_reduction";

/// Reduction method.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NoiseReductionMode {
    /// Pass audio through untouched.
    Disabled,
    /// Subtraction factor 0.3.
    Light,
    /// Subtraction factor 0.7, voice protection.
    #[default]
    Moderate,
    /// Subtraction factor 0.95, voice protection.
    Aggressive,
    /// Subtraction factor from the frame SNR.
    Adaptive,
    /// RNNoise recurrent network (nnnoiseless), resampled to 48 kHz.
    Rnn,
}

/// Parameters of the `noise_reduction` stage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct NoiseReductionParams {
    /// Reduction method.
    pub mode: NoiseReductionMode,
    /// Wet amount, 0 (no change) to 1 (full reduction).
    pub strength: f64,
    /// Subtract less in the 300-3400 Hz voice band on speech-like frames.
    pub voice_protection: bool,
    /// Scales the over-subtraction of the tracked (stationary) noise, 0 to 1.
    pub stationary_noise_reduction: f64,
    /// How far noise-only frames are pushed below the 10 % floor towards
    /// `noise_floor_db`, 0 to 1.
    pub non_stationary_noise_reduction: f64,
    /// Deepest gain applied to noise-only frames, -80 to -6 dB.
    pub noise_floor_db: f64,
    /// Share of a noise-like frame taken into the noise estimate per 10 ms, 0.01 to 1.
    pub adaptation_rate: f64,
}

impl Default for NoiseReductionParams {
    fn default() -> Self {
        Self {
            mode: NoiseReductionMode::Moderate,
            strength: 0.7,
            voice_protection: true,
            stationary_noise_reduction: 0.8,
            non_stationary_noise_reduction: 0.5,
            noise_floor_db: -40.0,
            adaptation_rate: 0.1,
        }
    }
}

impl NoiseReductionParams {
    /// Check every parameter against its range.
    pub fn validate(&self) -> Result<(), ParamError> {
        check_range(STAGE, "strength", self.strength, 0.0, 1.0)?;
        check_range(
            STAGE,
            "stationary_noise_reduction",
            self.stationary_noise_reduction,
            0.0,
            1.0,
        )?;
        check_range(
            STAGE,
            "non_stationary_noise_reduction",
            self.non_stationary_noise_reduction,
            0.0,
            1.0,
        )?;
        check_range(STAGE, "noise_floor_db", self.noise_floor_db, -80.0, -6.0)?;
        check_range(STAGE, "adaptation_rate", self.adaptation_rate, 0.01, 1.0)?;
        Ok(())
    }
}

/// Spectral floor on speech-like frames (10 % of the magnitude).
const SPECTRAL_FLOOR: f32 = 0.1;

/// Derived constants of the spectral path.
#[derive(Debug, Clone, Copy)]
struct Config {
    mode: NoiseReductionMode,
    strength: f32,
    beta_per_alpha: f32,
    protect: bool,
    noise_floor: f32,
    band: (usize, usize),
}

impl Config {
    fn new(p: &NoiseReductionParams, sample_rate: u32, size: usize) -> Self {
        let bin_hz = sample_rate as f32 / size as f32;
        let pause_floor = SPECTRAL_FLOOR.powf(1.0 - p.non_stationary_noise_reduction as f32)
            * (10f32.powf(p.noise_floor_db as f32 / 20.0))
                .powf(p.non_stationary_noise_reduction as f32);
        Self {
            mode: p.mode,
            strength: p.strength as f32,
            beta_per_alpha: 4.0 * p.stationary_noise_reduction as f32,
            protect: p.voice_protection
                && matches!(
                    p.mode,
                    NoiseReductionMode::Moderate
                        | NoiseReductionMode::Aggressive
                        | NoiseReductionMode::Adaptive
                ),
            noise_floor: pause_floor.min(SPECTRAL_FLOOR),
            band: (
                (300.0 / bin_hz).round() as usize,
                (3400.0 / bin_hz).round() as usize,
            ),
        }
    }
}

/// Per-channel state of the spectral path.
#[derive(Debug, Clone)]
struct SpectralState {
    noise: NoiseEstimate,
    power: Vec<f32>,
    gain: Vec<f32>,
    floor: f32,
    warmup: u32,
    noise_frames: u64,
    frames: u64,
}

impl SpectralState {
    fn reset(&mut self) {
        self.noise.reset();
        self.gain.fill(1.0);
        self.floor = SPECTRAL_FLOOR;
        self.warmup = 1;
        self.noise_frames = 0;
        self.frames = 0;
    }

    fn frame(&mut self, spec: &mut [Complex32], cfg: &Config) {
        if self.warmup > 0 {
            // The first frame holds the STFT's zero history.
            self.warmup -= 1;
            return;
        }
        let n = spec.len().min(self.power.len());
        let spec = &mut spec[..n];
        for (p, x) in self.power[..n].iter_mut().zip(spec.iter()) {
            *p = x.norm_sqr();
        }
        self.noise.update(&self.power[..n]);
        let power = &self.power[..n];
        let noise = &self.noise.noise()[..n];
        self.frames += 1;
        let noise_like = sum_sqrt(power) < 1.5 * sum_sqrt(noise);
        if noise_like {
            self.noise_frames += 1;
        }
        let alpha = match cfg.mode {
            NoiseReductionMode::Light => 0.3,
            NoiseReductionMode::Aggressive => 0.95,
            NoiseReductionMode::Adaptive => {
                let (pow_x, pow_n) = (f64::from(sum_f32(power)), f64::from(sum_f32(noise)));
                let snr_db = 10.0 * ((pow_x - pow_n).max(1e-30) / pow_n.max(1e-30)).log10();
                (0.95 - (0.95 - 0.3) * (snr_db / 20.0).clamp(0.0, 1.0)) as f32
            }
            _ => 0.7,
        };
        let beta = alpha * cfg.beta_per_alpha;
        let target_floor = if noise_like {
            cfg.noise_floor
        } else {
            SPECTRAL_FLOOR
        };
        self.floor = 0.5 * self.floor + 0.5 * target_floor;
        let protect = cfg.protect && !noise_like;
        // The over-subtraction is constant over three bin ranges (below, inside and
        // above the protected voice band): one branch-free loop each.
        let (lo, hi) = if protect {
            (
                cfg.band.0.min(n),
                (cfg.band.1 + 1).clamp(cfg.band.0.min(n), n),
            )
        } else {
            (n, n)
        };
        let gain = &mut self.gain[..n];
        let floor = self.floor;
        for (range, b) in [(0..lo, beta), (lo..hi, 0.5 * beta), (hi..n, beta)] {
            subtraction_gains(
                &mut gain[range.clone()],
                &power[range.clone()],
                &noise[range],
                b,
                floor,
            );
        }
        let strength = cfg.strength;
        for (x, &g) in spec.iter_mut().zip(gain.iter()) {
            *x *= 1.0 - strength * (1.0 - g);
        }
    }
}

/// Sum of `sqrt(v)` in f32 over eight interleaved lanes, so the loop vectorises.
fn sum_sqrt(v: &[f32]) -> f32 {
    let chunks = v.chunks_exact(8);
    let rest = chunks.remainder();
    let mut acc = [0.0f32; 8];
    for c in chunks {
        for k in 0..8 {
            acc[k] += c[k].sqrt();
        }
    }
    let lanes = ((acc[0] + acc[4]) + (acc[1] + acc[5])) + ((acc[2] + acc[6]) + (acc[3] + acc[7]));
    lanes + rest.iter().map(|x| x.sqrt()).sum::<f32>()
}

/// Power subtraction gains for one run of bins with over-subtraction `b`: the magnitude
/// gain `sqrt(max(1 - b·N/P, 0))`, at least `floor`, falling by at most 0.6x from the
/// previous frame's gain (in `gain`, which receives the new one), at most 1.
fn subtraction_gains(gain: &mut [f32], power: &[f32], noise: &[f32], b: f32, floor: f32) {
    let n = gain.len().min(power.len()).min(noise.len());
    let (gain, power, noise) = (&mut gain[..n], &power[..n], &noise[..n]);
    for k in 0..n {
        // Plain compare-and-select (the operands are never NaN for a finite input):
        // cheaper than `f32::max`/`min`, whose NaN handling costs extra per lane. A
        // NaN `g2` (from a NaN input) ends at `floor`, as `f32::max` would do.
        let p = power[k];
        let p = if p > 1e-30 { p } else { 1e-30 };
        let g2 = 1.0 - b * noise[k] / p;
        let g2 = if g2 > 0.0 { g2 } else { 0.0 };
        let g = g2.sqrt();
        let g = if g > floor { g } else { floor };
        let fall = 0.6 * gain[k];
        let g = if g > fall { g } else { fall };
        gain[k] = if g < 1.0 { g } else { 1.0 };
    }
}

struct SpectralChannel {
    stft: Stft,
    state: SpectralState,
}

/// The RNNoise path: resample to 48 kHz, 480-sample frames, resample back.
struct RnnChain {
    channels: usize,
    up: Option<FftFixedInOut<f32>>,
    down: Option<FftFixedInOut<f32>>,
    in_buf: Vec<Vec<f32>>,
    in_count: usize,
    up_out: Vec<Vec<f32>>,
    nets: Vec<Box<DenoiseState<'static>>>,
    frame_in: Vec<Vec<f32>>,
    prev_in: Vec<Vec<f32>>,
    frame_out: Vec<Vec<f32>>,
    frame_count: usize,
    sample48: Vec<f32>,
    down_in: Vec<Vec<f32>>,
    down_count: usize,
    down_out: Vec<Vec<f32>>,
    out_ring: Vec<Vec<f32>>,
    ring_read: usize,
    ring_write: usize,
    buffering: usize,
    latency: usize,
    probability: f32,
    frames: u64,
}

/// RNNoise frame length at 48 kHz.
const RNN_FRAME: usize = DenoiseState::FRAME_SIZE;
const RNN_RATE: usize = 48_000;
const PCM_SCALE: f32 = 32_768.0;

impl RnnChain {
    fn new(sample_rate: u32, channels: usize) -> Self {
        let rate = sample_rate as usize;
        let (up, down) = if rate == RNN_RATE {
            (None, None)
        } else {
            // Chunks are whole multiples of the rates' smallest common period, chosen
            // even so both resamplers' delays (half a chunk) are whole 48 kHz samples.
            let g = gcd(rate, RNN_RATE);
            let (unit_in, unit_48) = (rate / g, RNN_RATE / g);
            let mut chunks = (rate / 100).div_ceil(unit_in).max(1);
            if (chunks * unit_48) % 2 == 1 {
                chunks += 1;
            }
            let mut down_chunks = RNN_FRAME.div_ceil(unit_48).max(1);
            if (down_chunks * unit_48) % 2 == 1 {
                down_chunks += 1;
            }
            // Valid rates are checked by the engine (8 to 96 kHz): construction
            // cannot fail.
            let up = FftFixedInOut::<f32>::new(rate, RNN_RATE, chunks * unit_in, channels)
                .expect("resampler to 48 kHz");
            let down = FftFixedInOut::<f32>::new(RNN_RATE, rate, down_chunks * unit_48, channels)
                .expect("resampler from 48 kHz");
            (Some(up), Some(down))
        };
        let up_in = up.as_ref().map_or(1, |r| r.input_frames_next());
        let up_out_len = up.as_ref().map_or(1, |r| r.output_frames_next());
        let down_in = down.as_ref().map_or(RNN_FRAME, |r| r.input_frames_next());
        let down_out_len = down.as_ref().map_or(RNN_FRAME, |r| r.output_frames_next());
        let (buffering, capacity) =
            Self::plan(up.is_some(), up_in, up_out_len, down_in, down_out_len, rate);
        // Delay through the 48 kHz domain: up-resampler + RNNoise's frame + down-resampler
        // (each resampler delays by half its chunk), rounded to whole stream samples.
        let mut delay_48k = RNN_FRAME;
        if up.is_some() {
            delay_48k += up_out_len / 2 + down_in / 2;
        }
        let latency =
            buffering + (delay_48k as f64 * rate as f64 / RNN_RATE as f64).round() as usize;
        let chans = |n: usize| vec![vec![0.0f32; n]; channels];
        let mut chain = Self {
            channels,
            in_buf: chans(up_in),
            in_count: 0,
            up_out: chans(up_out_len),
            nets: (0..channels).map(|_| DenoiseState::new()).collect(),
            frame_in: chans(RNN_FRAME),
            prev_in: chans(RNN_FRAME),
            frame_out: chans(RNN_FRAME),
            frame_count: 0,
            sample48: vec![0.0; channels],

            down_in: chans(down_in),
            down_count: 0,
            down_out: chans(down_out_len),
            out_ring: chans(capacity),
            ring_read: 0,
            ring_write: 0,
            buffering,
            latency,
            probability: 0.0,
            frames: 0,
            up,
            down,
        };
        chain.reset();
        chain
    }

    /// Simulate the sample counts through the chain: the smallest pre-fill of the output
    /// ring that never runs dry whatever the block size, and the ring size needed.
    fn plan(
        resample: bool,
        up_in: usize,
        up_out: usize,
        down_in: usize,
        down_out: usize,
        rate: usize,
    ) -> (usize, usize) {
        let (mut a, mut b, mut c) = (0usize, 0usize, 0usize);
        let mut produced = 0usize;
        let mut deficit = 0usize;
        let mut max_fill = 0usize;
        for n in 1..=2 * rate {
            let mut at48 = 0;
            if resample {
                a += 1;
                if a == up_in {
                    a = 0;
                    at48 = up_out;
                }
            } else {
                at48 = 1;
            }
            for _ in 0..at48 {
                b += 1;
                if b == RNN_FRAME {
                    b = 0;
                    if resample {
                        c += RNN_FRAME;
                        while c >= down_in {
                            c -= down_in;
                            produced += down_out;
                        }
                    } else {
                        produced += RNN_FRAME;
                    }
                }
            }
            deficit = deficit.max(n.saturating_sub(produced));
            max_fill = max_fill.max(produced.saturating_sub(n));
        }
        (deficit, deficit + max_fill + 2)
    }

    fn reset(&mut self) {
        if let Some(r) = &mut self.up {
            r.reset();
        }
        if let Some(r) = &mut self.down {
            r.reset();
        }
        for v in [
            &mut self.in_buf,
            &mut self.up_out,
            &mut self.frame_in,
            &mut self.prev_in,
            &mut self.frame_out,
            &mut self.down_in,
            &mut self.down_out,
            &mut self.out_ring,
        ] {
            for ch in v.iter_mut() {
                ch.fill(0.0);
            }
        }
        for net in &mut self.nets {
            **net = (*DenoiseState::new()).clone();
        }
        self.in_count = 0;
        self.frame_count = 0;
        self.down_count = 0;
        self.ring_read = 0;
        self.ring_write = self.buffering;
        self.probability = 0.0;
        self.frames = 0;
    }

    /// Append one output frame (all channels) from `src[ch][j]` to the ring.
    fn push_out(ring: &mut [Vec<f32>], write: &mut usize, src: &[Vec<f32>], j: usize) {
        let cap = ring[0].len();
        for (r, s) in ring.iter_mut().zip(src) {
            r[*write] = s[j];
        }
        *write = (*write + 1) % cap;
    }

    /// A full 480-sample frame per channel is in `frame_in`.
    fn frame_ready(&mut self, strength: f32) {
        let mut prob = 0.0f32;
        for ch in 0..self.channels {
            let p = self.nets[ch].process_frame(&mut self.frame_out[ch], &self.frame_in[ch]);
            prob = prob.max(p);
            // RNNoise delays by one frame: blend with the previous dry frame.
            for (o, &d) in self.frame_out[ch].iter_mut().zip(&self.prev_in[ch]) {
                *o = (strength * *o + (1.0 - strength) * d) / PCM_SCALE;
            }
            std::mem::swap(&mut self.prev_in[ch], &mut self.frame_in[ch]);
        }
        self.probability = prob;
        self.frames += 1;
        let Some(down) = &mut self.down else {
            for k in 0..RNN_FRAME {
                Self::push_out(&mut self.out_ring, &mut self.ring_write, &self.frame_out, k);
            }
            return;
        };
        let down_len = self.down_in[0].len();
        for k in 0..RNN_FRAME {
            for (d, f) in self.down_in.iter_mut().zip(&self.frame_out) {
                d[self.down_count] = f[k];
            }
            self.down_count += 1;
            if self.down_count == down_len {
                self.down_count = 0;
                // Buffer sizes match the resampler by construction: cannot fail.
                let _ = down.process_into_buffer(&self.down_in, &mut self.down_out, None);
                for j in 0..self.down_out[0].len() {
                    Self::push_out(&mut self.out_ring, &mut self.ring_write, &self.down_out, j);
                }
            }
        }
    }

    /// One 48 kHz sample per channel is in `sample48`.
    fn push_48k(&mut self, strength: f32) {
        for (f, &x) in self.frame_in.iter_mut().zip(&self.sample48) {
            f[self.frame_count] = x * PCM_SCALE;
        }
        self.frame_count += 1;
        if self.frame_count == RNN_FRAME {
            self.frame_count = 0;
            self.frame_ready(strength);
        }
    }

    fn process(&mut self, audio: &mut Planar, strength: f32) {
        let chans = self.channels.min(audio.channels());
        for i in 0..audio.len() {
            if self.up.is_some() {
                for ch in 0..chans {
                    self.in_buf[ch][self.in_count] = audio.channel(ch)[i];
                }
                self.in_count += 1;
                if self.in_count == self.in_buf[0].len() {
                    self.in_count = 0;
                    if let Some(up) = &mut self.up {
                        // Buffer sizes match the resampler by construction.
                        let _ = up.process_into_buffer(&self.in_buf, &mut self.up_out, None);
                    }
                    for j in 0..self.up_out[0].len() {
                        for ch in 0..self.channels {
                            self.sample48[ch] = self.up_out[ch][j];
                        }
                        self.push_48k(strength);
                    }
                }
            } else {
                for ch in 0..chans {
                    self.sample48[ch] = audio.channel(ch)[i];
                }
                self.push_48k(strength);
            }
            let cap = self.out_ring[0].len();
            for ch in 0..chans {
                audio.channel_mut(ch)[i] = self.out_ring[ch][self.ring_read];
            }
            self.ring_read = (self.ring_read + 1) % cap;
        }
    }
}

fn gcd(a: usize, b: usize) -> usize {
    if b == 0 { a } else { gcd(b, a % b) }
}

/// The `noise_reduction` stage.
pub struct NoiseReduction {
    params: NoiseReductionParams,
    format: Option<StreamFormat>,
    cfg: Option<Config>,
    spectral: Vec<SpectralChannel>,
    rnn: Option<RnnChain>,
}

impl std::fmt::Debug for NoiseReduction {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NoiseReduction")
            .field("params", &self.params)
            .finish()
    }
}

/// STFT length of about 32 ms at `sample_rate`, a multiple of 32 samples.
fn frame_size(sample_rate: u32) -> usize {
    ((f64::from(sample_rate) * 0.032 / 32.0).round() as usize).max(2) * 32
}

impl NoiseReduction {
    /// A noise reducer with `params` (validate them first); call [`Stage::prepare`]
    /// before use.
    pub fn new(params: NoiseReductionParams) -> Self {
        Self {
            params,
            format: None,
            cfg: None,
            spectral: Vec::new(),
            rnn: None,
        }
    }

    /// The current parameters.
    pub fn params(&self) -> &NoiseReductionParams {
        &self.params
    }

    /// Change parameters in place, keeping the noise estimates. Switching into or out
    /// of `rnn` or `disabled` changes [`Stage::latency`]; the first switch to `rnn`
    /// after `prepare` builds the network and resamplers (allocating), so treat a mode
    /// change as structural.
    pub fn set_params(&mut self, params: NoiseReductionParams) {
        let old_mode = self.params.mode;
        self.params = params;
        let Some(f) = self.format else { return };
        let size = frame_size(f.sample_rate);
        self.cfg = Some(Config::new(&self.params, f.sample_rate, size));
        let fps = f64::from(f.sample_rate) / (size / 2) as f64;
        for ch in &mut self.spectral {
            ch.state.noise.set_rates(
                fps,
                self.params.adaptation_rate,
                NOISE_DELTA,
                noise_floor(size),
            );
        }
        if self.params.mode != old_mode {
            if self.params.mode == NoiseReductionMode::Rnn {
                match &mut self.rnn {
                    Some(r) => r.reset(),
                    None => self.rnn = Some(RnnChain::new(f.sample_rate, f.channels)),
                }
            } else {
                for ch in &mut self.spectral {
                    ch.stft.reset();
                    ch.state.reset();
                }
            }
        }
    }

    /// Share of frames judged noise-only so far (spectral modes; `None` before the
    /// first frame or in `rnn` and `disabled`).
    pub fn noise_frame_share(&self) -> Option<f64> {
        let frames: u64 = self.spectral.iter().map(|c| c.state.frames).sum();
        let noise: u64 = self.spectral.iter().map(|c| c.state.noise_frames).sum();
        (frames > 0 && self.uses_spectral()).then(|| noise as f64 / frames as f64)
    }

    fn uses_spectral(&self) -> bool {
        !matches!(
            self.params.mode,
            NoiseReductionMode::Disabled | NoiseReductionMode::Rnn
        )
    }
}

/// MCRA presence ratio (smoothed power over its minimum) for this stage.
const NOISE_DELTA: f64 = 5.0;

/// Smallest noise power per bin: white noise at -100 dBFS through the window.
fn noise_floor(size: usize) -> f32 {
    (1e-10 * 0.5 * size as f64) as f32
}

impl Stage for NoiseReduction {
    fn kind(&self) -> StageKind {
        StageKind::NoiseReduction
    }

    fn prepare(&mut self, format: StreamFormat) {
        self.format = Some(format);
        let size = frame_size(format.sample_rate);
        let hop = size / 2;
        let bins = size / 2 + 1;
        let fps = f64::from(format.sample_rate) / hop as f64;
        self.cfg = Some(Config::new(&self.params, format.sample_rate, size));
        self.spectral = (0..format.channels)
            .map(|_| SpectralChannel {
                stft: Stft::new(size, hop, Window::SqrtHann, Window::SqrtHann),
                state: SpectralState {
                    noise: NoiseEstimate::new(
                        bins,
                        fps,
                        self.params.adaptation_rate,
                        NOISE_DELTA,
                        noise_floor(size),
                    ),
                    power: vec![0.0; bins],
                    gain: vec![1.0; bins],
                    floor: SPECTRAL_FLOOR,
                    warmup: 1,
                    noise_frames: 0,
                    frames: 0,
                },
            })
            .collect();
        self.rnn = (self.params.mode == NoiseReductionMode::Rnn)
            .then(|| RnnChain::new(format.sample_rate, format.channels));
    }

    fn process(&mut self, audio: &mut Planar) {
        match self.params.mode {
            NoiseReductionMode::Disabled => {}
            NoiseReductionMode::Rnn => {
                if let Some(rnn) = &mut self.rnn {
                    rnn.process(audio, self.params.strength as f32);
                }
            }
            _ => {
                let Some(cfg) = self.cfg else { return };
                for (ch, io) in self.spectral.iter_mut().zip(audio.channels_mut()) {
                    let state = &mut ch.state;
                    ch.stft.process(io, |spec| state.frame(spec, &cfg));
                }
            }
        }
    }

    fn latency(&self) -> usize {
        match self.params.mode {
            NoiseReductionMode::Disabled => 0,
            NoiseReductionMode::Rnn => self.rnn.as_ref().map_or(0, |r| r.latency),
            _ => self.format.map_or(0, |f| frame_size(f.sample_rate) - 1),
        }
    }

    fn reset(&mut self) {
        for ch in &mut self.spectral {
            ch.stft.reset();
            ch.state.reset();
        }
        if let Some(r) = &mut self.rnn {
            r.reset();
        }
    }

    fn telemetry(&self) -> StageTelemetry {
        match (&self.rnn, self.params.mode) {
            (Some(r), NoiseReductionMode::Rnn) if r.frames > 0 => StageTelemetry {
                speech: Some(r.probability > 0.5),
                speech_probability: Some(r.probability),
                ..StageTelemetry::default()
            },
            _ => StageTelemetry::default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dsp::testing::{assert_block_invariant, run_stage};
    use crate::test_signals::{mix_at_snr, pink_noise, snr_db, speech_like, white_noise};

    const MODES: [NoiseReductionMode; 6] = [
        NoiseReductionMode::Disabled,
        NoiseReductionMode::Light,
        NoiseReductionMode::Moderate,
        NoiseReductionMode::Aggressive,
        NoiseReductionMode::Adaptive,
        NoiseReductionMode::Rnn,
    ];

    fn params(mode: NoiseReductionMode) -> NoiseReductionParams {
        NoiseReductionParams {
            mode,
            ..NoiseReductionParams::default()
        }
    }

    #[test]
    fn raises_snr_of_speech_in_noise() {
        for sr in [16_000, 48_000] {
            let (clean, _) = speech_like(sr, 6.0, 41);
            let skip = sr as usize;
            for (name, noise) in [
                ("white", white_noise(clean.len(), 1.0, 51)),
                ("pink", pink_noise(clean.len(), 1.0, 52)),
            ] {
                let noisy = mix_at_snr(&clean, &noise, 5.0);
                let before = snr_db(&clean, &noisy, 0, skip);
                for mode in MODES {
                    let mut st = NoiseReduction::new(NoiseReductionParams {
                        strength: 1.0,
                        ..params(mode)
                    });
                    let out = run_stage(&mut st, sr, std::slice::from_ref(&noisy), 480);
                    let after = snr_db(&clean, &out[0], st.latency(), skip);
                    let gain = after - before;
                    println!(
                        "{sr} Hz, {name} noise, {mode:?} (latency {}): SNR {before:.2} -> {after:.2} dB ({gain:+.2} dB)",
                        st.latency()
                    );
                    let min = match mode {
                        NoiseReductionMode::Disabled => {
                            assert_eq!(out[0], noisy);
                            continue;
                        }
                        NoiseReductionMode::Light => 1.0,
                        NoiseReductionMode::Rnn => 1.0,
                        _ => 3.0,
                    };
                    assert!(
                        gain >= min,
                        "{sr} {name} {mode:?}: SNR gain {gain:.2} dB under {min}"
                    );
                }
            }
        }
    }

    /// The delay at which `y` best matches `x` (normalised cross-correlation).
    fn best_lag(x: &[f32], y: &[f32], max_lag: usize) -> usize {
        (0..max_lag)
            .max_by(|&a, &b| {
                let c = |lag: usize| {
                    x.iter()
                        .zip(&y[lag..])
                        .map(|(&a, &b)| f64::from(a) * f64::from(b))
                        .sum::<f64>()
                };
                c(a).total_cmp(&c(b))
            })
            .unwrap()
    }

    #[test]
    fn rnn_reports_its_true_latency_and_is_transparent_at_zero_strength() {
        for sr in [8_000, 11_025, 16_000, 44_100, 48_000, 96_000] {
            let (clean, _) = speech_like(sr, 2.0, 9);
            let mut st = NoiseReduction::new(NoiseReductionParams {
                strength: 0.0,
                ..params(NoiseReductionMode::Rnn)
            });
            let out = run_stage(&mut st, sr, std::slice::from_ref(&clean), 256);
            let lat = st.latency();
            let measured = best_lag(&clean, &out[0], lat + 200);
            let err = snr_db(&clean, &out[0], lat, sr as usize / 2);
            println!(
                "{sr} Hz: rnn latency {lat} frames ({:.1} ms), measured {measured}, dry SNR {err:.1} dB",
                lat as f64 * 1000.0 / sr as f64
            );
            assert!(
                measured.abs_diff(lat) <= 1,
                "{sr} Hz: reported {lat}, measured {measured}"
            );
            // Rates in the 44.1 kHz family: the resamplers' delay is a fraction of a
            // stream sample off the whole-sample latency, which costs SNR at high
            // frequencies against a sample-aligned reference (not audible).
            let min = if 48_000 % sr == 0 || sr % 48_000 == 0 {
                30.0
            } else {
                12.0
            };
            assert!(
                err > min,
                "{sr} Hz: resampled dry path only {err:.1} dB clean"
            );
        }
    }

    #[test]
    fn rnn_speech_probability_in_telemetry() {
        let sr = 48_000;
        let (clean, _) = speech_like(sr, 2.0, 2);
        let mut st = NoiseReduction::new(params(NoiseReductionMode::Rnn));
        assert_eq!(st.telemetry(), StageTelemetry::default());
        run_stage(&mut st, sr, &[clean], 480);
        let t = st.telemetry();
        let p = t.speech_probability.expect("probability");
        assert!((0.0..=1.0).contains(&p));
        assert_eq!(t.speech, Some(p > 0.5));
    }

    #[test]
    fn block_size_invariant_every_mode_and_stereo_per_channel() {
        for sr in [16_000, 44_100] {
            let (clean, _) = speech_like(sr, 1.0, 6);
            let noisy = mix_at_snr(&clean, &white_noise(clean.len(), 1.0, 3), 5.0);
            let other = mix_at_snr(&clean, &pink_noise(clean.len(), 1.0, 4), 0.0);
            for mode in MODES {
                let p = params(mode);
                let stereo = assert_block_invariant(
                    || Box::new(NoiseReduction::new(p.clone())),
                    sr,
                    &[noisy.clone(), other.clone()],
                );
                let mono = assert_block_invariant(
                    || Box::new(NoiseReduction::new(p.clone())),
                    sr,
                    std::slice::from_ref(&noisy),
                );
                for (a, b) in stereo[0].iter().zip(&mono[0]) {
                    assert!((a - b).abs() <= 1e-6, "{mode:?}: channels not independent");
                }
            }
        }
    }

    #[test]
    fn mode_switch_in_place() {
        let sr = 16_000;
        let mut st = NoiseReduction::new(params(NoiseReductionMode::Moderate));
        let (clean, _) = speech_like(sr, 0.5, 1);
        run_stage(&mut st, sr, std::slice::from_ref(&clean), 160);
        let spectral_latency = st.latency();
        st.set_params(params(NoiseReductionMode::Rnn));
        assert!(st.latency() > 0 && st.latency() != spectral_latency);
        st.set_params(params(NoiseReductionMode::Disabled));
        assert_eq!(st.latency(), 0);
        assert_eq!(st.params().mode, NoiseReductionMode::Disabled);
    }

    #[test]
    fn rejects_bad_parameters() {
        let d = NoiseReductionParams::default;
        for (p, param) in [
            (
                NoiseReductionParams {
                    strength: -0.1,
                    ..d()
                },
                "strength",
            ),
            (
                NoiseReductionParams {
                    stationary_noise_reduction: 2.0,
                    ..d()
                },
                "stationary_noise_reduction",
            ),
            (
                NoiseReductionParams {
                    non_stationary_noise_reduction: 1.5,
                    ..d()
                },
                "non_stationary_noise_reduction",
            ),
            (
                NoiseReductionParams {
                    noise_floor_db: 0.0,
                    ..d()
                },
                "noise_floor_db",
            ),
            (
                NoiseReductionParams {
                    adaptation_rate: 0.0,
                    ..d()
                },
                "adaptation_rate",
            ),
        ] {
            let e = p.validate().unwrap_err();
            assert_eq!((e.stage, e.param.as_str()), (STAGE, param));
        }
        assert_eq!(
            NoiseReductionParams {
                adaptation_rate: 0.0,
                ..d()
            }
            .validate()
            .unwrap_err()
            .to_string(),
            "stage `noise_reduction`: parameter `adaptation_rate` = 0 is invalid (allowed: 0.01 to 1)"
        );
        assert!(d().validate().is_ok());
        let p: NoiseReductionParams = toml::from_str("mode = \"rnn\"").unwrap();
        assert_eq!(p.mode, NoiseReductionMode::Rnn);
        assert!(toml::from_str::<NoiseReductionParams>("mode = \"heavy\"").is_err());
        assert!(toml::from_str::<NoiseReductionParams>("gain = 1").is_err());
    }
}
