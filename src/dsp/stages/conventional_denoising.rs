//! `conventional_denoising`: time-domain denoisers, all streaming with a
//! fixed latency per mode.
//!
//! Modes (window sizes, sigmas and kernels are in samples at the stream rate):
//! - `median_filter`: running median of `median_kernel_size` samples (centred; latency
//!   `k / 2`);
//! - `gaussian_filter`: FIR Gaussian of `gaussian_sigma`, radius `ceil(3σ)` (latency =
//!   radius);
//! - `bilateral_filter`: 1-D bilateral filter (Tomasi & Manduchi 1998) over
//!   `window_size` samples with spatial `bilateral_sigma_space` (samples) and range
//!   `bilateral_sigma_color` (amplitude) (latency `window_size / 2`);
//! - `wavelet_denoising`: wavelet shrinkage (Donoho & Johnstone 1994) on overlapping
//!   blocks: square-root-Hann-windowed frames of about 32 ms (a power of two, 50 %
//!   overlap, overlap-added by [`crate::dsp::stft::OverlapAdd`]), each transformed by a
//!   periodic orthogonal DWT (`haar`, `db2` or `db4`, `wavelet_levels` levels), details
//!   thresholded (`soft` or `hard`) at the universal threshold `σ·sqrt(2 ln N)·strength`
//!   with `σ = MAD / 0.6745` of the finest details of the frame, then inverted; latency
//!   `N - 1`. `strength` acts through the threshold only;
//! - `adaptive_filter`: adaptive line enhancer, an NLMS predictor (Widrow 1975) of
//!   `32 · window_size` taps (160 by default, 10 ms at 16 kHz), step `adaptation_rate`, fed with the input delayed by one
//!   sample: it predicts the correlated (voiced) part and leaves out the white part;
//!   latency 0;
//! - `rnr_filter`: the reference's cascade, pre-emphasis (coefficient
//!   `high_freq_emphasis`) → median of 3 → Gaussian (`gaussian_sigma`) → energy gate
//!   (samples whose 5 ms RMS falls under `threshold` times the 500 ms RMS are scaled by
//!   0.3, with a 5 ms smoothed gain) → de-emphasis (which the reference forgot, tilting
//!   the spectrum); latency `1 + radius`;
//! - `disabled`: pass-through.
//!
//! Except for the wavelet mode, the filtered signal is blended with the (delayed) input
//! by `strength`; with `preserve_transients` the blend backs off where a 1 ms envelope
//! jumps above twice a 50 ms envelope, so attacks stay sharp. Changing the mode or a
//! size with [`ConventionalDenoising::set_params`] changes [`Stage::latency`].

use serde::{Deserialize, Serialize};

use crate::audio::Planar;
use crate::dsp::params::{ParamError, check_range};
use crate::dsp::stft::{OverlapAdd, Window};
use crate::dsp::{Stage, StageKind, StreamFormat};

const STAGE: &str = "conventional_denoising";

/// Denoising algorithm.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConventionalMode {
    /// Pass-through.
    Disabled,
    /// Running median.
    #[default]
    MedianFilter,
    /// Gaussian FIR smoothing.
    GaussianFilter,
    /// Edge-preserving bilateral filter.
    BilateralFilter,
    /// Wavelet shrinkage on overlapping blocks.
    WaveletDenoising,
    /// NLMS adaptive line enhancer.
    AdaptiveFilter,
    /// Pre-emphasis, median, Gaussian, energy gate, de-emphasis.
    RnrFilter,
}

/// Orthogonal wavelet for `wavelet_denoising`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WaveletType {
    /// Haar (db1), 2 taps.
    Haar,
    /// Daubechies 2 vanishing moments, 4 taps.
    Db2,
    /// Daubechies 4 vanishing moments, 8 taps.
    #[default]
    Db4,
}

impl WaveletType {
    /// Reconstruction low-pass (scaling) filter, orthonormal.
    fn scaling(self) -> &'static [f32] {
        match self {
            WaveletType::Haar => &[
                std::f32::consts::FRAC_1_SQRT_2,
                std::f32::consts::FRAC_1_SQRT_2,
            ],
            WaveletType::Db2 => &[0.482_962_9, 0.836_516_3, 0.224_143_87, -0.129_409_52],
            WaveletType::Db4 => &[
                0.230_377_81,
                0.714_846_57,
                0.630_880_8,
                -0.027_983_77,
                -0.187_034_81,
                0.030_841_382,
                0.032_883_01,
                -0.010_597_402,
            ],
        }
    }
}

/// Soft or hard thresholding of wavelet details.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ThresholdMode {
    /// Shrink towards zero by the threshold.
    #[default]
    Soft,
    /// Zero below the threshold, keep above.
    Hard,
}

/// Parameters of the `conventional_denoising` stage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ConventionalDenoisingParams {
    /// Algorithm.
    pub mode: ConventionalMode,
    /// Blend of the filtered signal (wavelet: scale of the threshold), 0 to 1.
    pub strength: f64,
    /// Bilateral window and LMS size (taps = 32x), odd, 3 to 21 samples.
    pub window_size: usize,
    /// Energy-gate threshold of `rnr_filter`, relative to the long-term RMS, 0 to 1.
    pub threshold: f64,
    /// NLMS step of `adaptive_filter`, 0.01 to 0.9.
    pub adaptation_rate: f64,
    /// Back off the blend on attacks.
    pub preserve_transients: bool,
    /// Pre-emphasis coefficient of `rnr_filter`, 0 to 1.
    pub high_freq_emphasis: f64,
    /// Median length, odd, 3 to 15 samples.
    pub median_kernel_size: usize,
    /// Gaussian standard deviation, 0.1 to 5 samples.
    pub gaussian_sigma: f64,
    /// Bilateral range sigma (amplitude), 0.01 to 1.
    pub bilateral_sigma_color: f64,
    /// Bilateral spatial sigma, 0.1 to 5 samples.
    pub bilateral_sigma_space: f64,
    /// Wavelet family.
    pub wavelet_type: WaveletType,
    /// DWT levels, 1 to 6.
    pub wavelet_levels: u32,
    /// Soft or hard thresholding.
    pub wavelet_threshold_mode: ThresholdMode,
}

impl Default for ConventionalDenoisingParams {
    fn default() -> Self {
        Self {
            mode: ConventionalMode::MedianFilter,
            strength: 0.5,
            window_size: 5,
            threshold: 0.1,
            adaptation_rate: 0.1,
            preserve_transients: true,
            high_freq_emphasis: 0.3,
            median_kernel_size: 3,
            gaussian_sigma: 1.0,
            bilateral_sigma_color: 0.1,
            bilateral_sigma_space: 1.0,
            wavelet_type: WaveletType::Db4,
            wavelet_levels: 4,
            wavelet_threshold_mode: ThresholdMode::Soft,
        }
    }
}

fn check_odd(param: &str, v: usize, min: usize, max: usize) -> Result<(), ParamError> {
    if v % 2 == 1 && (min..=max).contains(&v) {
        Ok(())
    } else {
        Err(ParamError {
            stage: STAGE,
            param: param.into(),
            value: v.to_string(),
            allowed: format!("an odd number from {min} to {max}"),
        })
    }
}

impl ConventionalDenoisingParams {
    /// Check every parameter against its range.
    pub fn validate(&self) -> Result<(), ParamError> {
        check_range(STAGE, "strength", self.strength, 0.0, 1.0)?;
        check_odd("window_size", self.window_size, 3, 21)?;
        check_range(STAGE, "threshold", self.threshold, 0.0, 1.0)?;
        check_range(STAGE, "adaptation_rate", self.adaptation_rate, 0.01, 0.9)?;
        check_range(
            STAGE,
            "high_freq_emphasis",
            self.high_freq_emphasis,
            0.0,
            1.0,
        )?;
        check_odd("median_kernel_size", self.median_kernel_size, 3, 15)?;
        check_range(STAGE, "gaussian_sigma", self.gaussian_sigma, 0.1, 5.0)?;
        check_range(
            STAGE,
            "bilateral_sigma_color",
            self.bilateral_sigma_color,
            0.01,
            1.0,
        )?;
        check_range(
            STAGE,
            "bilateral_sigma_space",
            self.bilateral_sigma_space,
            0.1,
            5.0,
        )?;
        check_range(
            STAGE,
            "wavelet_levels",
            f64::from(self.wavelet_levels),
            1.0,
            6.0,
        )?;
        Ok(())
    }
}

/// History ring length (power of two, above the longest window of 31).
const RING: usize = 64;
const MASK: usize = RING - 1;
/// Longest Gaussian kernel (radius 15).
const MAX_KERNEL: usize = 31;
/// Most LMS taps (32 x 21).
const MAX_TAPS: usize = 672;

/// Settings derived from the parameters and the rate (no allocation).
#[derive(Debug, Clone, Copy)]
struct Derived {
    gauss: [f32; MAX_KERNEL],
    radius: usize,
    fast: f32,
    slow: f32,
    gate_short: f32,
    gate_long: f32,
    gate_smooth: f32,
}

impl Derived {
    fn new(p: &ConventionalDenoisingParams, sample_rate: u32) -> Self {
        let sr = f64::from(sample_rate);
        let sigma = p.gaussian_sigma;
        let radius = ((3.0 * sigma).ceil() as usize).clamp(1, MAX_KERNEL / 2);
        let mut gauss = [0.0f32; MAX_KERNEL];
        let mut sum = 0.0f64;
        for (i, g) in gauss.iter_mut().enumerate().take(2 * radius + 1) {
            let d = i as f64 - radius as f64;
            let v = (-d * d / (2.0 * sigma * sigma)).exp();
            *g = v as f32;
            sum += v;
        }
        for g in &mut gauss {
            *g = (f64::from(*g) / sum) as f32;
        }
        let coef = |tau_s: f64| (-1.0 / (tau_s * sr)).exp() as f32;
        Self {
            gauss,
            radius,
            fast: coef(0.001),
            slow: coef(0.050),
            gate_short: coef(0.005),
            gate_long: coef(0.500),
            gate_smooth: coef(0.005),
        }
    }
}

/// Per-channel history and state.
#[derive(Debug, Clone)]
struct Channel {
    hist: [f32; RING],
    pos: usize,
    env_fast: f32,
    env_slow: f32,
    // adaptive_filter
    taps: Vec<f32>,
    lms_x: Vec<f32>,
    lms_pos: usize,
    // rnr_filter
    prev_in: f32,
    emph: [f32; RING],
    med: [f32; RING],
    rnr_pos: usize,
    pow_short: f32,
    pow_long: f32,
    gate_gain: f32,
    deemph: f32,
    // wavelet_denoising
    ola: OverlapAdd,
}

impl Channel {
    fn new(wavelet_frame: usize) -> Self {
        Self {
            hist: [0.0; RING],
            pos: 0,
            env_fast: 0.0,
            env_slow: 0.0,
            taps: vec![0.0; MAX_TAPS],
            lms_x: vec![0.0; 2 * MAX_TAPS],
            lms_pos: 0,
            prev_in: 0.0,
            emph: [0.0; RING],
            med: [0.0; RING],
            rnr_pos: 0,
            pow_short: 0.0,
            pow_long: 0.0,
            gate_gain: 1.0,
            deemph: 0.0,
            ola: OverlapAdd::new(
                wavelet_frame,
                wavelet_frame / 2,
                Window::SqrtHann,
                Window::SqrtHann,
            ),
        }
    }

    fn reset(&mut self) {
        self.hist = [0.0; RING];
        self.pos = 0;
        self.env_fast = 0.0;
        self.env_slow = 0.0;
        self.taps.fill(0.0);
        self.lms_x.fill(0.0);
        self.lms_pos = 0;
        self.prev_in = 0.0;
        self.emph = [0.0; RING];
        self.med = [0.0; RING];
        self.rnr_pos = 0;
        self.pow_short = 0.0;
        self.pow_long = 0.0;
        self.gate_gain = 1.0;
        self.deemph = 0.0;
        self.ola.reset();
    }

    /// The sample `back` samples before the newest one.
    #[inline]
    fn at(&self, back: usize) -> f32 {
        self.hist[(self.pos + RING - back) & MASK]
    }
}

/// Median of `v` (odd length up to 15) without allocating.
fn median(v: &mut [f32]) -> f32 {
    v.sort_unstable_by(f32::total_cmp);
    v[v.len() / 2]
}

/// Scratch for the wavelet mode (shared by channels, processed one after another).
#[derive(Debug, Clone)]
struct WaveletScratch {
    tmp: Vec<f32>,
    mad: Vec<f32>,
}

fn dwt_level(x: &mut [f32], tmp: &mut [f32], h: &[f32]) {
    let n = x.len();
    let half = n / 2;
    let l = h.len();
    for i in 0..half {
        let (mut a, mut d) = (0.0f32, 0.0f32);
        for (k, &hk) in h.iter().enumerate() {
            let xv = x[(2 * i + k) % n];
            let g = if k % 2 == 0 {
                h[l - 1 - k]
            } else {
                -h[l - 1 - k]
            };
            a += hk * xv;
            d += g * xv;
        }
        tmp[i] = a;
        tmp[half + i] = d;
    }
    x.copy_from_slice(&tmp[..n]);
}

fn idwt_level(x: &mut [f32], tmp: &mut [f32], h: &[f32]) {
    let n = x.len();
    let half = n / 2;
    let l = h.len();
    tmp[..n].fill(0.0);
    for i in 0..half {
        let (a, d) = (x[i], x[half + i]);
        for (k, &hk) in h.iter().enumerate() {
            let g = if k % 2 == 0 {
                h[l - 1 - k]
            } else {
                -h[l - 1 - k]
            };
            tmp[(2 * i + k) % n] += hk * a + g * d;
        }
    }
    x.copy_from_slice(&tmp[..n]);
}

fn wavelet_frame(frame: &mut [f32], s: &mut WaveletScratch, p: &ConventionalDenoisingParams) {
    let h = p.wavelet_type.scaling();
    let n = frame.len();
    let levels = p.wavelet_levels as usize;
    let mut len = n;
    for _ in 0..levels {
        dwt_level(&mut frame[..len], &mut s.tmp, h);
        len /= 2;
    }
    // Noise from the finest details (second half of the frame).
    let finest = &frame[n / 2..];
    for (m, &d) in s.mad.iter_mut().zip(finest) {
        *m = d.abs();
    }
    let mid = s.mad.len() / 2;
    let (_, med, _) = s.mad.select_nth_unstable_by(mid, f32::total_cmp);
    let sigma = *med / 0.6745;
    let thr = sigma * (2.0 * (n as f32).ln()).sqrt() * p.strength as f32;
    for d in &mut frame[len..] {
        *d = match p.wavelet_threshold_mode {
            ThresholdMode::Soft => d.signum() * (d.abs() - thr).max(0.0),
            ThresholdMode::Hard => {
                if d.abs() > thr {
                    *d
                } else {
                    0.0
                }
            }
        };
    }
    for _ in 0..levels {
        len *= 2;
        idwt_level(&mut frame[..len], &mut s.tmp, h);
    }
}

/// The `conventional_denoising` stage.
pub struct ConventionalDenoising {
    params: ConventionalDenoisingParams,
    derived: Derived,
    sample_rate: u32,
    channels: Vec<Channel>,
    scratch: WaveletScratch,
    wavelet_frame: usize,
}

impl std::fmt::Debug for ConventionalDenoising {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ConventionalDenoising")
            .field("params", &self.params)
            .finish()
    }
}

/// Wavelet block: a power of two near 32 ms, at least 256 samples.
fn wavelet_frame_size(sample_rate: u32) -> usize {
    let target = f64::from(sample_rate) * 0.032;
    let mut n = 256;
    while (n as f64) * 1.5 < target {
        n *= 2;
    }
    n
}

impl ConventionalDenoising {
    /// A denoiser with `params` (validate them first); call [`Stage::prepare`] before use.
    pub fn new(params: ConventionalDenoisingParams) -> Self {
        Self {
            derived: Derived::new(&params, 48_000),
            params,
            sample_rate: 48_000,
            channels: Vec::new(),
            scratch: WaveletScratch {
                tmp: Vec::new(),
                mad: Vec::new(),
            },
            wavelet_frame: 256,
        }
    }

    /// The current parameters.
    pub fn params(&self) -> &ConventionalDenoisingParams {
        &self.params
    }

    /// Change parameters in place, keeping the signal history.
    pub fn set_params(&mut self, params: ConventionalDenoisingParams) {
        self.params = params;
        self.derived = Derived::new(&self.params, self.sample_rate);
    }

    fn process_channel(
        ch: &mut Channel,
        io: &mut [f32],
        p: &ConventionalDenoisingParams,
        d: &Derived,
    ) {
        if p.mode == ConventionalMode::MedianFilter {
            for chunk in io.chunks_mut(MEDIAN_CHUNK) {
                Self::median_chunk(ch, chunk, p, d);
            }
            return;
        }
        let strength = p.strength as f32;
        for x in io.iter_mut() {
            let input = *x;
            ch.pos = (ch.pos + 1) & MASK;
            ch.hist[ch.pos] = input;
            let (filtered, dry) = match p.mode {
                ConventionalMode::Disabled | ConventionalMode::WaveletDenoising => return,
                ConventionalMode::MedianFilter => {
                    let k = p.median_kernel_size;
                    let mut w = [0.0f32; 15];
                    for (j, v) in w.iter_mut().enumerate().take(k) {
                        *v = ch.at(j);
                    }
                    (median(&mut w[..k]), ch.at(k / 2))
                }
                ConventionalMode::GaussianFilter => {
                    let r = d.radius;
                    let mut acc = 0.0f32;
                    for j in 0..=2 * r {
                        acc += d.gauss[j] * ch.at(j);
                    }
                    (acc, ch.at(r))
                }
                ConventionalMode::BilateralFilter => {
                    let half = p.window_size / 2;
                    let centre = ch.at(half);
                    let ss = 2.0 * (p.bilateral_sigma_space * p.bilateral_sigma_space) as f32;
                    let sc = 2.0 * (p.bilateral_sigma_color * p.bilateral_sigma_color) as f32;
                    let (mut num, mut den) = (0.0f32, 0.0f32);
                    for j in 0..p.window_size {
                        let v = ch.at(j);
                        let dist = j as f32 - half as f32;
                        let diff = v - centre;
                        let w = (-(dist * dist) / ss - diff * diff / sc).exp();
                        num += w * v;
                        den += w;
                    }
                    (num / den.max(1e-30), centre)
                }
                ConventionalMode::AdaptiveFilter => {
                    // NLMS prediction of x[n] from x[n-1..n-M].
                    let m = (32 * p.window_size).min(MAX_TAPS);
                    // The history is stored twice over (at `pos` and `pos + MAX_TAPS`), so
                    // the last `m` samples are one contiguous slice, oldest first.
                    let end = ch.lms_pos + MAX_TAPS + 1;
                    let hist = &ch.lms_x[end - m..end];
                    let taps = &mut ch.taps[..m];
                    let (mut y, mut energy) = (0.0f32, 0.0f32);
                    for (&w, &r) in taps.iter().zip(hist) {
                        y += w * r;
                        energy += r * r;
                    }
                    let e = input - y;
                    let step = p.adaptation_rate as f32 * e / (1e-6 + energy);
                    for (w, &r) in taps.iter_mut().zip(hist) {
                        *w += step * r;
                    }
                    ch.lms_pos = (ch.lms_pos + 1) % MAX_TAPS;
                    ch.lms_x[ch.lms_pos] = input;
                    ch.lms_x[ch.lms_pos + MAX_TAPS] = input;
                    (y, input)
                }
                ConventionalMode::RnrFilter => {
                    let a = p.high_freq_emphasis as f32;
                    let e = input - a * ch.prev_in;
                    ch.prev_in = input;
                    ch.rnr_pos = (ch.rnr_pos + 1) & MASK;
                    let rp = ch.rnr_pos;
                    ch.emph[rp] = e;
                    let mut w = [
                        ch.emph[rp],
                        ch.emph[(rp + RING - 1) & MASK],
                        ch.emph[(rp + RING - 2) & MASK],
                    ];
                    ch.med[rp] = median(&mut w);
                    let r = d.radius;
                    let mut g = 0.0f32;
                    for j in 0..=2 * r {
                        g += d.gauss[j] * ch.med[(rp + RING - j) & MASK];
                    }
                    let sq = g * g;
                    ch.pow_short = d.gate_short * ch.pow_short + (1.0 - d.gate_short) * sq;
                    ch.pow_long = d.gate_long * ch.pow_long + (1.0 - d.gate_long) * sq;
                    let thr = p.threshold as f32;
                    let target = if ch.pow_short < thr * thr * ch.pow_long {
                        0.3
                    } else {
                        1.0
                    };
                    ch.gate_gain = d.gate_smooth * ch.gate_gain + (1.0 - d.gate_smooth) * target;
                    let gated = g * ch.gate_gain;
                    ch.deemph = gated + a * ch.deemph;
                    (ch.deemph, ch.at(1 + r))
                }
            };
            let mut s = strength;
            if p.preserve_transients {
                let mag = dry.abs();
                ch.env_fast = d.fast * ch.env_fast + (1.0 - d.fast) * mag;
                ch.env_slow = d.slow * ch.env_slow + (1.0 - d.slow) * mag;
                let ratio = ch.env_fast / (ch.env_slow + 1e-9);
                let t = ((ratio - 2.0) / 2.0).clamp(0.0, 1.0);
                s *= 1.0 - t;
            }
            *x = dry + s * (filtered - dry);
        }
    }
}

impl ConventionalDenoising {
    /// `median_filter` over a chunk of at most [`MEDIAN_CHUNK`] samples, in passes
    /// rather than sample by sample: the medians of the whole chunk first (over the
    /// history and the chunk laid out in one array; for the default 3 samples a
    /// min/max network that LLVM vectorises), then the serial transient envelopes
    /// and the blend. The same output as the per-sample loop.
    fn median_chunk(
        ch: &mut Channel,
        io: &mut [f32],
        p: &ConventionalDenoisingParams,
        d: &Derived,
    ) {
        let k = p.median_kernel_size;
        let n = io.len();
        // The k - 1 previous samples, oldest first, then the chunk.
        let mut ext = [0.0f32; MEDIAN_CHUNK + 14];
        for (j, e) in ext[..k - 1].iter_mut().enumerate() {
            *e = ch.at(k - 2 - j);
        }
        ext[k - 1..k - 1 + n].copy_from_slice(io);
        let ext = &ext[..k - 1 + n];
        // Medians into `filtered`; the dry (centre) sample of output i is
        // ext[i + k - 1 - k / 2].
        let mut filtered = [0.0f32; MEDIAN_CHUNK];
        let filtered = &mut filtered[..n];
        if k == 3 {
            let (a, b, c) = (&ext[..n], &ext[1..n + 1], &ext[2..n + 2]);
            for i in 0..n {
                filtered[i] = median3(a[i], b[i], c[i]);
            }
        } else {
            let mut w = [0.0f32; 15];
            for (i, f) in filtered.iter_mut().enumerate() {
                w[..k].copy_from_slice(&ext[i..i + k]);
                *f = median(&mut w[..k]);
            }
        }
        let dry = &ext[k - 1 - k / 2..k - 1 - k / 2 + n];
        let strength = p.strength as f32;
        if p.preserve_transients {
            let (mut fast, mut slow) = (ch.env_fast, ch.env_slow);
            for ((x, &f), &dry) in io.iter_mut().zip(filtered.iter()).zip(dry) {
                let mag = dry.abs();
                fast = d.fast * fast + (1.0 - d.fast) * mag;
                slow = d.slow * slow + (1.0 - d.slow) * mag;
                let ratio = fast / (slow + 1e-9);
                let t = ((ratio - 2.0) / 2.0).clamp(0.0, 1.0);
                let s = strength * (1.0 - t);
                *x = dry + s * (f - dry);
            }
            (ch.env_fast, ch.env_slow) = (fast, slow);
        } else {
            for ((x, &f), &dry) in io.iter_mut().zip(filtered.iter()).zip(dry) {
                *x = dry + strength * (f - dry);
            }
        }
        // Keep the shared history ring current (other modes read it after a change).
        let new = &ext[k - 1..];
        for &x in &new[n.saturating_sub(RING)..] {
            ch.pos = (ch.pos + 1) & MASK;
            ch.hist[ch.pos] = x;
        }
    }
}

/// Samples per pass of the `median_filter` fast path (stack buffers of this size).
const MEDIAN_CHUNK: usize = 256;

/// Median of three without sorting: `max(min(a, b), min(max(a, b), c))`.
#[inline(always)]
fn median3(a: f32, b: f32, c: f32) -> f32 {
    a.min(b).max(a.max(b).min(c))
}

impl Stage for ConventionalDenoising {
    fn kind(&self) -> StageKind {
        StageKind::ConventionalDenoising
    }

    fn prepare(&mut self, format: StreamFormat) {
        self.sample_rate = format.sample_rate;
        self.derived = Derived::new(&self.params, format.sample_rate);
        self.wavelet_frame = wavelet_frame_size(format.sample_rate);
        self.channels = (0..format.channels)
            .map(|_| Channel::new(self.wavelet_frame))
            .collect();
        self.scratch = WaveletScratch {
            tmp: vec![0.0; self.wavelet_frame],
            mad: vec![0.0; self.wavelet_frame / 2],
        };
    }

    fn process(&mut self, audio: &mut Planar) {
        let p = &self.params;
        match p.mode {
            ConventionalMode::Disabled => {}
            ConventionalMode::WaveletDenoising => {
                let scratch = &mut self.scratch;
                for (ch, io) in self.channels.iter_mut().zip(audio.channels_mut()) {
                    ch.ola.process(io, |frame| wavelet_frame(frame, scratch, p));
                }
            }
            _ => {
                for (ch, io) in self.channels.iter_mut().zip(audio.channels_mut()) {
                    Self::process_channel(ch, io, p, &self.derived);
                }
            }
        }
    }

    fn latency(&self) -> usize {
        let p = &self.params;
        match p.mode {
            ConventionalMode::Disabled | ConventionalMode::AdaptiveFilter => 0,
            ConventionalMode::MedianFilter => p.median_kernel_size / 2,
            ConventionalMode::GaussianFilter => self.derived.radius,
            ConventionalMode::BilateralFilter => p.window_size / 2,
            ConventionalMode::RnrFilter => 1 + self.derived.radius,
            ConventionalMode::WaveletDenoising => self.wavelet_frame - 1,
        }
    }

    fn reset(&mut self) {
        for ch in &mut self.channels {
            ch.reset();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dsp::testing::{assert_block_invariant, run_stage};
    use crate::test_signals::{mix_at_snr, snr_db, speech_like, white_noise};

    const MODES: [ConventionalMode; 7] = [
        ConventionalMode::Disabled,
        ConventionalMode::MedianFilter,
        ConventionalMode::GaussianFilter,
        ConventionalMode::BilateralFilter,
        ConventionalMode::WaveletDenoising,
        ConventionalMode::AdaptiveFilter,
        ConventionalMode::RnrFilter,
    ];

    fn params(mode: ConventionalMode) -> ConventionalDenoisingParams {
        ConventionalDenoisingParams {
            mode,
            strength: 1.0,
            preserve_transients: false,
            ..ConventionalDenoisingParams::default()
        }
    }

    fn run(p: ConventionalDenoisingParams, sr: u32, x: &[f32]) -> (Vec<f32>, usize) {
        let mut st = ConventionalDenoising::new(p);
        let out = run_stage(&mut st, sr, &[x.to_vec()], 256);
        (out.into_iter().next().unwrap(), st.latency())
    }

    #[test]
    fn wavelets_are_orthonormal_and_reconstruct() {
        for w in [WaveletType::Haar, WaveletType::Db2, WaveletType::Db4] {
            let h = w.scaling();
            let sum: f32 = h.iter().sum();
            assert!(
                (sum - std::f32::consts::SQRT_2).abs() < 1e-5,
                "{w:?} sum {sum}"
            );
            for shift in (0..h.len()).step_by(2) {
                let dot: f32 = (0..h.len() - shift).map(|k| h[k] * h[k + shift]).sum();
                let want = if shift == 0 { 1.0 } else { 0.0 };
                assert!((dot - want).abs() < 1e-5, "{w:?} shift {shift}: {dot}");
            }
            // Zero threshold: the block transform reconstructs the input.
            let sr = 16_000;
            let (x, _) = speech_like(sr, 1.0, 3);
            let p = ConventionalDenoisingParams {
                wavelet_type: w,
                wavelet_levels: 6,
                strength: 0.0,
                ..params(ConventionalMode::WaveletDenoising)
            };
            let (y, lat) = run(p, sr, &x);
            assert_eq!(lat, 511);
            for i in 1024..x.len() - lat {
                assert!((y[i + lat] - x[i]).abs() < 1e-4, "{w:?} sample {i}");
            }
        }
    }

    #[test]
    fn median_removes_clicks() {
        let sr = 16_000;
        let clean: Vec<f32> = (0..sr as usize)
            .map(|i| 0.3 * (i as f32 * 2.0 * std::f32::consts::PI * 150.0 / sr as f32).sin())
            .collect();
        let clicky: Vec<f32> = clean
            .iter()
            .enumerate()
            .map(|(i, &v)| if i % 397 == 0 { v + 0.8 } else { v })
            .collect();
        let (y, lat) = run(params(ConventionalMode::MedianFilter), sr, &clicky);
        let before = snr_db(&clean, &clicky, 0, 100);
        let after = snr_db(&clean, &y, lat, 100);
        assert!(
            after > before + 15.0,
            "median: {before:.1} -> {after:.1} dB"
        );
    }

    #[test]
    fn gaussian_passes_lows_and_cuts_highs() {
        let sr = 16_000;
        let tone = |f: f32| -> Vec<f32> {
            (0..sr as usize)
                .map(|i| 0.5 * (i as f32 * 2.0 * std::f32::consts::PI * f / sr as f32).sin())
                .collect()
        };
        let energy = |v: &[f32]| v[2000..].iter().map(|s| s * s).sum::<f32>();
        let low = tone(100.0);
        let (y, _) = run(params(ConventionalMode::GaussianFilter), sr, &low);
        let db = 10.0 * (energy(&y) / energy(&low)).log10();
        assert!(db > -0.1, "100 Hz through gaussian: {db:.2} dB");
        let high = tone(6000.0);
        let (y, _) = run(params(ConventionalMode::GaussianFilter), sr, &high);
        let db = 10.0 * (energy(&y) / energy(&high)).log10();
        // H(f) = exp(-2 π² σ² (f/fs)²) = -24 dB at 6 kHz / 16 kHz, σ = 1.
        assert!(db < -20.0, "6 kHz through gaussian: {db:.2} dB");
    }

    #[test]
    fn bilateral_keeps_edges_and_smooths_noise() {
        let sr = 16_000;
        let clean: Vec<f32> = (0..sr as usize)
            .map(|i| if (i / 400) % 2 == 0 { 0.5 } else { -0.5 })
            .collect();
        let noise = white_noise(clean.len(), 0.03, 5);
        let noisy: Vec<f32> = clean.iter().zip(&noise).map(|(a, b)| a + b).collect();
        let p = ConventionalDenoisingParams {
            window_size: 9,
            bilateral_sigma_space: 3.0,
            ..params(ConventionalMode::BilateralFilter)
        };
        let (y, lat) = run(p, sr, &noisy);
        let before = snr_db(&clean, &noisy, 0, 100);
        let after = snr_db(&clean, &y, lat, 100);
        println!("bilateral on a noisy square wave: {before:.1} -> {after:.1} dB");
        assert!(
            after > before + 3.0,
            "bilateral: {before:.1} -> {after:.1} dB"
        );
    }

    #[test]
    fn wavelet_adaptive_and_rnr_raise_snr_of_speech_in_white_noise() {
        let sr = 16_000;
        let (clean, _) = speech_like(sr, 4.0, 8);
        let noisy = mix_at_snr(&clean, &white_noise(clean.len(), 1.0, 9), 5.0);
        let before = snr_db(&clean, &noisy, 0, sr as usize);
        for (mode, min) in [
            (ConventionalMode::WaveletDenoising, 3.0),
            (ConventionalMode::AdaptiveFilter, 3.0),
            (ConventionalMode::GaussianFilter, 3.0),
            (ConventionalMode::RnrFilter, 3.0),
        ] {
            let (y, lat) = run(params(mode), sr, &noisy);
            let after = snr_db(&clean, &y, lat, sr as usize);
            println!(
                "{mode:?}: SNR {before:.2} -> {after:.2} dB ({:+.2} dB)",
                after - before
            );
            assert!(
                after - before >= min,
                "{mode:?}: {before:.2} -> {after:.2} dB"
            );
        }
    }

    #[test]
    fn transient_preservation_keeps_attacks() {
        let sr = 16_000;
        // Silence, then a sudden burst of a 5 kHz tone (which the gaussian would dull).
        let x: Vec<f32> = (0..8000)
            .map(|i| {
                if i >= 4000 {
                    0.5 * (i as f32 * 2.0 * std::f32::consts::PI * 5000.0 / sr as f32).sin()
                } else {
                    0.0
                }
            })
            .collect();
        let attack = |preserve: bool| {
            let p = ConventionalDenoisingParams {
                preserve_transients: preserve,
                ..params(ConventionalMode::GaussianFilter)
            };
            let (y, lat) = run(p, sr, &x);
            y[4000 + lat..4000 + lat + 16]
                .iter()
                .map(|v| v * v)
                .sum::<f32>()
        };
        assert!(attack(true) > 2.0 * attack(false));
    }

    #[test]
    fn block_size_invariant_every_mode_and_stereo_per_channel() {
        let sr = 16_000;
        let (clean, _) = speech_like(sr, 1.0, 2);
        let noisy = mix_at_snr(&clean, &white_noise(clean.len(), 1.0, 7), 5.0);
        let quiet: Vec<f32> = noisy.iter().map(|v| v * 0.2).collect();
        for mode in MODES {
            let p = ConventionalDenoisingParams {
                mode,
                ..ConventionalDenoisingParams::default()
            };
            let stereo = assert_block_invariant(
                || Box::new(ConventionalDenoising::new(p.clone())),
                sr,
                &[noisy.clone(), quiet.clone()],
            );
            let mono = assert_block_invariant(
                || Box::new(ConventionalDenoising::new(p.clone())),
                sr,
                std::slice::from_ref(&noisy),
            );
            assert_eq!(stereo[0], mono[0], "{mode:?}");
        }
    }

    #[test]
    fn rejects_bad_parameters() {
        let d = ConventionalDenoisingParams::default;
        for (p, param) in [
            (
                ConventionalDenoisingParams {
                    strength: 1.5,
                    ..d()
                },
                "strength",
            ),
            (
                ConventionalDenoisingParams {
                    window_size: 4,
                    ..d()
                },
                "window_size",
            ),
            (
                ConventionalDenoisingParams {
                    window_size: 23,
                    ..d()
                },
                "window_size",
            ),
            (
                ConventionalDenoisingParams {
                    median_kernel_size: 2,
                    ..d()
                },
                "median_kernel_size",
            ),
            (
                ConventionalDenoisingParams {
                    median_kernel_size: 17,
                    ..d()
                },
                "median_kernel_size",
            ),
            (
                ConventionalDenoisingParams {
                    adaptation_rate: 0.95,
                    ..d()
                },
                "adaptation_rate",
            ),
            (
                ConventionalDenoisingParams {
                    gaussian_sigma: 0.0,
                    ..d()
                },
                "gaussian_sigma",
            ),
            (
                ConventionalDenoisingParams {
                    bilateral_sigma_color: 2.0,
                    ..d()
                },
                "bilateral_sigma_color",
            ),
            (
                ConventionalDenoisingParams {
                    bilateral_sigma_space: 6.0,
                    ..d()
                },
                "bilateral_sigma_space",
            ),
            (
                ConventionalDenoisingParams {
                    wavelet_levels: 7,
                    ..d()
                },
                "wavelet_levels",
            ),
            (
                ConventionalDenoisingParams {
                    threshold: -0.1,
                    ..d()
                },
                "threshold",
            ),
            (
                ConventionalDenoisingParams {
                    high_freq_emphasis: 1.1,
                    ..d()
                },
                "high_freq_emphasis",
            ),
        ] {
            let e = p.validate().unwrap_err();
            assert_eq!((e.stage, e.param.as_str()), (STAGE, param));
        }
        assert_eq!(
            ConventionalDenoisingParams {
                median_kernel_size: 4,
                ..d()
            }
            .validate()
            .unwrap_err()
            .to_string(),
            "stage `conventional_denoising`: parameter `median_kernel_size` = 4 is invalid (allowed: an odd number from 3 to 15)"
        );
        assert!(d().validate().is_ok());
        let p: ConventionalDenoisingParams =
            toml::from_str("mode = \"wavelet_denoising\"\nwavelet_type = \"db2\"\nwavelet_threshold_mode = \"hard\"").unwrap();
        assert_eq!(p.wavelet_type, WaveletType::Db2);
        assert!(toml::from_str::<ConventionalDenoisingParams>("wavelet_type = \"sym8\"").is_err());
        assert!(toml::from_str::<ConventionalDenoisingParams>("kernel = 3").is_err());
    }
}
