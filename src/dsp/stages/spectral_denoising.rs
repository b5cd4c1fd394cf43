//! `spectral_denoising`: STFT-domain noise suppression with a tracked noise spectrum.
//!
//! Algorithm:
//! - streaming STFT ([`crate::dsp::stft`]) of `fft_size` samples (power of two, 256 to
//!   4096) with hop `fft_size / 4` and Hann analysis and synthesis windows, overlap-added
//!   across blocks: constant latency of `fft_size - 1` frames, output independent of the
//!   block size (the Python version dropped its overlap buffer);
//! - noise power spectrum per channel by minima-controlled recursive averaging (MCRA,
//!   [`crate::dsp::noise_estimate`]): a bin is noise-like while its smoothed power stays
//!   below `vad_threshold²` times its tracked minimum, and there the estimate moves by
//!   `noise_update_rate` per 10 ms; it never drops below the per-bin power of white
//!   noise at `noise_floor_db` dBFS;
//! - gains per bin, with `s = reduction_strength` and `floor = spectral_floor`:
//!   - `wiener_filter`: Wiener gain `(ξ/(1+ξ))^s` on the a priori SNR `ξ` estimated by
//!     the decision-directed rule of Ephraim and Malah (1984, β = 0.98), which removes
//!     most of the musical noise of the plain a posteriori Wiener gain;
//!   - `spectral_subtraction`: magnitude subtraction `|X| - s·|N|` (Boll 1979);
//!   - `adaptive`: per frame, subtraction with `1.5·s` below 5 dB frame SNR, the Wiener
//!     gain from 5 to 15 dB, subtraction with `0.3·s` above;
//!   - `minimal`: subtraction with `0.2·s` and a floor of at least 0.8;
//! - gains are smoothed over time (`smoothing_factor` per frame when they fall, half of
//!   it when they rise, so onsets are not smeared), then floored at `spectral_floor`.

use serde::{Deserialize, Serialize};

use crate::audio::Planar;
use crate::dsp::noise_estimate::NoiseEstimate;
use crate::dsp::params::{ParamError, check_range};
use crate::dsp::stft::{Stft, Window};
use crate::dsp::util::{fast_exp2, fast_log2, sum_f32};
use crate::dsp::{Stage, StageKind, StreamFormat};
use rustfft::num_complex::Complex32;

const STAGE: &str = "spectral_denoising";

/// Gain rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SpectralMode {
    /// Gentle subtraction (0.2 x strength) with an 80 % floor.
    Minimal,
    /// Magnitude spectral subtraction.
    SpectralSubtraction,
    /// Decision-directed Wiener filter.
    #[default]
    WienerFilter,
    /// Picks subtraction or Wiener per frame from the frame SNR.
    Adaptive,
}

/// Parameters of the `spectral_denoising` stage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SpectralDenoisingParams {
    /// Gain rule.
    pub mode: SpectralMode,
    /// How hard to suppress, 0 to 1.
    pub reduction_strength: f64,
    /// Smallest gain per bin, 0.01 to 1.
    pub spectral_floor: f64,
    /// FFT length in samples, a power of two from 256 to 4096 (hop = a quarter).
    pub fft_size: usize,
    /// Temporal smoothing of the gains per frame, 0 to 0.99.
    pub smoothing_factor: f64,
    /// Share of a noise-like frame taken into the noise estimate per 10 ms, 0.01 to 0.5.
    pub noise_update_rate: f64,
    /// Magnitude ratio over the tracked minimum above which a bin counts as speech, 1 to 10.
    pub vad_threshold: f64,
    /// Lowest noise level assumed, as white-noise RMS in dBFS, -80 to -20.
    pub noise_floor_db: f64,
}

impl Default for SpectralDenoisingParams {
    fn default() -> Self {
        Self {
            mode: SpectralMode::WienerFilter,
            reduction_strength: 0.7,
            spectral_floor: 0.1,
            fft_size: 1024,
            smoothing_factor: 0.8,
            noise_update_rate: 0.1,
            vad_threshold: 2.0,
            noise_floor_db: -60.0,
        }
    }
}

impl SpectralDenoisingParams {
    /// Check every parameter against its range.
    pub fn validate(&self) -> Result<(), ParamError> {
        check_range(
            STAGE,
            "reduction_strength",
            self.reduction_strength,
            0.0,
            1.0,
        )?;
        check_range(STAGE, "spectral_floor", self.spectral_floor, 0.01, 1.0)?;
        if !(256..=4096).contains(&self.fft_size) || !self.fft_size.is_power_of_two() {
            return Err(ParamError {
                stage: STAGE,
                param: "fft_size".into(),
                value: self.fft_size.to_string(),
                allowed: "a power of two from 256 to 4096".into(),
            });
        }
        check_range(STAGE, "smoothing_factor", self.smoothing_factor, 0.0, 0.99)?;
        check_range(
            STAGE,
            "noise_update_rate",
            self.noise_update_rate,
            0.01,
            0.5,
        )?;
        check_range(STAGE, "vad_threshold", self.vad_threshold, 1.0, 10.0)?;
        check_range(STAGE, "noise_floor_db", self.noise_floor_db, -80.0, -20.0)?;
        Ok(())
    }
}

/// Derived per-frame constants.
#[derive(Debug, Clone, Copy)]
struct Config {
    mode: SpectralMode,
    strength: f32,
    floor: f32,
    smooth_fall: f32,
    smooth_rise: f32,
}

impl Config {
    fn new(p: &SpectralDenoisingParams) -> Self {
        Self {
            mode: p.mode,
            strength: p.reduction_strength as f32,
            floor: p.spectral_floor as f32,
            smooth_fall: p.smoothing_factor as f32,
            smooth_rise: 0.5 * p.smoothing_factor as f32,
        }
    }
}

/// Per-channel state apart from the STFT.
#[derive(Debug, Clone)]
struct ChannelState {
    noise: NoiseEstimate,
    power: Vec<f32>,
    gain: Vec<f32>,
    prev_clean: Vec<f32>,
    /// Scratch: the frame's gains before smoothing.
    raw: Vec<f32>,
    frames: u64,
    gain_db_sum: f64,
    warmup: u32,
    warmup_frames: u32,
}

impl ChannelState {
    const DD_BETA: f32 = 0.98;

    fn reset(&mut self) {
        self.noise.reset();
        self.gain.fill(1.0);
        self.prev_clean.fill(0.0);
        self.frames = 0;
        self.gain_db_sum = 0.0;
        self.warmup = self.warmup_frames;
    }

    fn frame(&mut self, spec: &mut [Complex32], cfg: &Config) {
        // The first frames hold the STFT's zero history: learning from them would
        // start the noise estimate and its minimum far too low.
        if self.warmup > 0 {
            self.warmup -= 1;
            return;
        }
        let n = spec.len().min(self.power.len());
        let spec = &mut spec[..n];
        for (p, x) in self.power[..n].iter_mut().zip(spec.iter()) {
            *p = x.norm_sqr();
        }
        self.noise.update(&self.power[..n]);
        let first = self.frames == 0;
        self.frames += 1;
        let s = cfg.strength;
        let sum_p = f64::from(sum_f32(&self.power[..n]));
        let floor = match cfg.mode {
            SpectralMode::Minimal => cfg.floor.max(0.8),
            _ => cfg.floor,
        };
        // The rule is chosen once per frame; each arm runs its own loop, free of
        // branches, which LLVM vectorises.
        let rule = match cfg.mode {
            SpectralMode::WienerFilter => Rule::Wiener,
            SpectralMode::SpectralSubtraction => Rule::Subtract(s),
            SpectralMode::Minimal => Rule::Subtract(0.2 * s),
            SpectralMode::Adaptive => {
                // Frame SNR for the adaptive rule.
                let sum_n = f64::from(sum_f32(&self.noise.noise()[..n]));
                let frame_snr_db = 10.0 * ((sum_p - sum_n).max(1e-30) / sum_n.max(1e-30)).log10();
                if frame_snr_db < 5.0 {
                    Rule::Subtract(1.5 * s)
                } else if frame_snr_db <= 15.0 {
                    Rule::Wiener
                } else {
                    Rule::Subtract(0.3 * s)
                }
            }
        };
        // Raw gains into `raw`, in short loops: a long dependency chain per bin
        // (divisions, logarithm, exponential) in one loop body would leave the CPU
        // waiting on latency; short bodies let it overlap many bins.
        let power = &self.power[..n];
        let noise = &self.noise.noise()[..n];
        let raw = &mut self.raw[..n];
        match rule {
            Rule::Wiener => {
                // Decision-directed a priori SNR (β = 0.98; on the first frame, the
                // maximum-likelihood estimate alone): ξ = num / N with
                // num = β·prev_clean + (1 - β)·max(P - N, 0), so ξ/(1+ξ) = num / (num + N),
                // one division per bin.
                let beta = if first { 0.0 } else { Self::DD_BETA };
                let prev_clean = &self.prev_clean[..n];
                for k in 0..n {
                    let ml = power[k] - noise[k];
                    let ml = if ml > 0.0 { ml } else { 0.0 };
                    let num = beta * prev_clean[k] + (1.0 - beta) * ml;
                    raw[k] = num / (num + noise[k]);
                }
                // (ξ/(1+ξ))^s; ξ = 0 gives 2^(-126 s), zero for every purpose.
                for r in raw.iter_mut() {
                    *r = fast_exp2(s * fast_log2(*r));
                }
            }
            Rule::Subtract(k) => {
                for ((r, &p), &noise) in raw.iter_mut().zip(power).zip(noise) {
                    let p = if p > 1e-30 { p } else { 1e-30 };
                    *r = 1.0 - k * (noise / p).sqrt();
                }
            }
        }
        self.smooth_gains(n, cfg.smooth_fall, cfg.smooth_rise, floor);
        for (x, &g) in spec.iter_mut().zip(&self.gain[..n]) {
            *x *= g;
        }
        // The frame's power change in dB (one logarithm per frame, not per bin):
        // `prev_clean` now holds the kept power per bin.
        let kept = f64::from(sum_f32(&self.prev_clean[..n]));
        self.gain_db_sum += 10.0 * (kept.max(1e-30) / sum_p.max(1e-30)).log10();
    }

    /// The raw gains in `raw`, clamped to [0, 1] (1 where the rule failed), smoothed
    /// over time (`fall` when they fall, `rise` when they rise) and floored, into
    /// `gain`; also stores the kept power `g²·|X|²` for the next frame's
    /// decision-directed estimate.
    fn smooth_gains(&mut self, n: usize, fall: f32, rise: f32, floor: f32) {
        let power = &self.power[..n];
        let raw = &self.raw[..n];
        let prev_clean = &mut self.prev_clean[..n];
        let gain = &mut self.gain[..n];
        for k in 0..n {
            let g = raw[k];
            // Plain selects (the operands are finite), cheaper than `clamp` and `max`.
            let ok = g.is_finite();
            let g = if g > 1.0 { 1.0 } else { g };
            let g = if g < 0.0 { 0.0 } else { g };
            let g = if ok { g } else { 1.0 };
            let prev = gain[k];
            let a = if g < prev { fall } else { rise };
            let g = a * prev + (1.0 - a) * g;
            let g = if g > floor { g } else { floor };
            gain[k] = g;
            prev_clean[k] = g * g * power[k];
        }
    }
}

/// The per-frame gain rule, chosen once per frame.
#[derive(Debug, Clone, Copy)]
enum Rule {
    /// Decision-directed Wiener gain.
    Wiener,
    /// Magnitude subtraction with this factor.
    Subtract(f32),
}

/// One channel: its STFT and its state.
struct Channel {
    stft: Stft,
    state: ChannelState,
}

/// The noise spectrum a channel has learnt (for inspection, not the audio path).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NoiseSpectrum {
    /// Centre frequency of each bin.
    pub frequencies_hz: Vec<f64>,
    /// Noise level per bin in dB (relative to the full-scale sine bin power).
    pub noise_db: Vec<f64>,
    /// Frames the estimate has seen.
    pub estimation_frames: u64,
    /// True once at least 20 frames were seen.
    pub is_converged: bool,
}

/// The `spectral_denoising` stage.
pub struct SpectralDenoising {
    params: SpectralDenoisingParams,
    cfg: Config,
    format: Option<StreamFormat>,
    channels: Vec<Channel>,
}

impl std::fmt::Debug for SpectralDenoising {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SpectralDenoising")
            .field("params", &self.params)
            .finish()
    }
}

impl SpectralDenoising {
    /// A denoiser with `params` (validate them first); call [`Stage::prepare`] before use.
    pub fn new(params: SpectralDenoisingParams) -> Self {
        Self {
            cfg: Config::new(&params),
            params,
            format: None,
            channels: Vec::new(),
        }
    }

    /// The current parameters.
    pub fn params(&self) -> &SpectralDenoisingParams {
        &self.params
    }

    /// Change parameters in place, keeping the noise estimate and gains. A new
    /// `fft_size` cannot keep them: it rebuilds the transforms (allocating, and changing
    /// [`Stage::latency`]), so treat it as a structural change.
    pub fn set_params(&mut self, params: SpectralDenoisingParams) {
        let rebuild = params.fft_size != self.params.fft_size;
        self.params = params;
        self.cfg = Config::new(&self.params);
        match self.format {
            Some(f) if rebuild => self.build(f),
            Some(f) => {
                let (fps, rate, delta, floor) = self.noise_settings(f.sample_rate);
                for ch in &mut self.channels {
                    ch.state.noise.set_rates(fps, rate, delta, floor);
                }
            }
            None => {}
        }
    }

    /// Mean change of frame power so far in dB (negative = reduction), averaged over
    /// frames and channels (`None` before the first frame).
    pub fn average_gain_db(&self) -> Option<f64> {
        let frames: u64 = self.channels.iter().map(|c| c.state.frames).sum();
        (frames > 0).then(|| {
            self.channels
                .iter()
                .map(|c| c.state.gain_db_sum)
                .sum::<f64>()
                / frames as f64
        })
    }

    /// The noise spectrum learnt on `channel` (allocates; not for the audio path).
    pub fn noise_spectrum(&self, channel: usize) -> Option<NoiseSpectrum> {
        let f = self.format?;
        let ch = self.channels.get(channel)?;
        let n = self.params.fft_size;
        let full_scale = (n as f64 / 4.0).powi(2);
        Some(NoiseSpectrum {
            frequencies_hz: (0..=n / 2)
                .map(|k| k as f64 * f64::from(f.sample_rate) / n as f64)
                .collect(),
            noise_db: ch
                .state
                .noise
                .noise()
                .iter()
                .map(|&p| 10.0 * (f64::from(p) / full_scale).max(1e-30).log10())
                .collect(),
            estimation_frames: ch.state.noise.frames(),
            is_converged: ch.state.noise.frames() >= 20,
        })
    }

    fn noise_settings(&self, sample_rate: u32) -> (f64, f64, f64, f32) {
        let n = self.params.fft_size;
        let hop = n / 4;
        let fps = f64::from(sample_rate) / hop as f64;
        // Per-bin power of white noise at noise_floor_db RMS through the Hann window.
        let window_energy = 0.375 * n as f64;
        let floor = 10f64.powf(self.params.noise_floor_db / 10.0) * window_energy;
        (
            fps,
            self.params.noise_update_rate,
            self.params.vad_threshold * self.params.vad_threshold,
            floor as f32,
        )
    }

    fn build(&mut self, format: StreamFormat) {
        let n = self.params.fft_size;
        let bins = n / 2 + 1;
        let (fps, rate, delta, floor) = self.noise_settings(format.sample_rate);
        self.channels = (0..format.channels)
            .map(|_| Channel {
                stft: Stft::new(n, n / 4, Window::Hann, Window::Hann),
                state: ChannelState {
                    noise: NoiseEstimate::new(bins, fps, rate, delta, floor),
                    power: vec![0.0; bins],
                    gain: vec![1.0; bins],
                    prev_clean: vec![0.0; bins],
                    raw: vec![0.0; bins],
                    frames: 0,
                    gain_db_sum: 0.0,
                    warmup: 3,
                    warmup_frames: 3,
                },
            })
            .collect();
    }
}

impl Stage for SpectralDenoising {
    fn kind(&self) -> StageKind {
        StageKind::SpectralDenoising
    }

    fn prepare(&mut self, format: StreamFormat) {
        self.format = Some(format);
        self.build(format);
    }

    fn process(&mut self, audio: &mut Planar) {
        let cfg = self.cfg;
        for (ch, io) in self.channels.iter_mut().zip(audio.channels_mut()) {
            let state = &mut ch.state;
            ch.stft.process(io, |spec| state.frame(spec, &cfg));
        }
    }

    fn latency(&self) -> usize {
        self.params.fft_size - 1
    }

    fn reset(&mut self) {
        for ch in &mut self.channels {
            ch.stft.reset();
            ch.state.reset();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dsp::testing::{assert_block_invariant, run_stage};
    use crate::test_signals::{mix_at_snr, pink_noise, snr_db, speech_like, white_noise};

    const MODES: [SpectralMode; 4] = [
        SpectralMode::Minimal,
        SpectralMode::SpectralSubtraction,
        SpectralMode::WienerFilter,
        SpectralMode::Adaptive,
    ];

    #[test]
    fn raises_snr_of_speech_in_noise() {
        let sr = 16_000;
        let (clean, _) = speech_like(sr, 8.0, 21);
        let skip = sr as usize; // let the noise estimate converge
        for (name, noise) in [
            ("white", white_noise(clean.len(), 1.0, 31)),
            ("pink", pink_noise(clean.len(), 1.0, 32)),
        ] {
            let noisy = mix_at_snr(&clean, &noise, 5.0);
            let before = snr_db(&clean, &noisy, 0, skip);
            for mode in MODES {
                let params = SpectralDenoisingParams {
                    mode,
                    ..SpectralDenoisingParams::default()
                };
                let mut st = SpectralDenoising::new(params);
                let out = run_stage(&mut st, sr, std::slice::from_ref(&noisy), 160);
                let after = snr_db(&clean, &out[0], st.latency(), skip);
                let gain = after - before;
                println!(
                    "{name} noise, {mode:?}: SNR {before:.2} -> {after:.2} dB ({gain:+.2} dB)"
                );
                let min = match mode {
                    SpectralMode::Minimal => 0.7,
                    SpectralMode::SpectralSubtraction => 4.0,
                    _ => 6.0,
                };
                assert!(
                    gain >= min,
                    "{name} {mode:?}: SNR gain {gain:.2} dB below {min} dB"
                );
            }
        }
    }

    #[test]
    fn raises_snr_at_48k_stereo() {
        let sr = 48_000;
        let (clean, _) = speech_like(sr, 5.0, 22);
        let noisy = mix_at_snr(&clean, &white_noise(clean.len(), 1.0, 33), 5.0);
        let noisy_r = mix_at_snr(&clean, &pink_noise(clean.len(), 1.0, 34), 5.0);
        let mut st = SpectralDenoising::new(SpectralDenoisingParams::default());
        let out = run_stage(&mut st, sr, &[noisy.clone(), noisy_r.clone()], 480);
        for (ch, input) in [noisy, noisy_r].iter().enumerate() {
            let before = snr_db(&clean, input, 0, sr as usize);
            let after = snr_db(&clean, &out[ch], st.latency(), sr as usize);
            println!("48 kHz channel {ch}: SNR {before:.2} -> {after:.2} dB");
            assert!(
                after - before >= 6.0,
                "channel {ch}: {before:.2} -> {after:.2}"
            );
        }
    }

    #[test]
    fn reconstructs_clean_signal_without_noise_at_zero_strength() {
        let sr = 16_000;
        let (clean, _) = speech_like(sr, 2.0, 5);
        let params = SpectralDenoisingParams {
            reduction_strength: 0.0,
            ..SpectralDenoisingParams::default()
        };
        let mut st = SpectralDenoising::new(params);
        let out = run_stage(&mut st, sr, std::slice::from_ref(&clean), 480);
        let lat = st.latency();
        for i in 2048..clean.len() - lat {
            assert!((out[0][i + lat] - clean[i]).abs() < 1e-4, "sample {i}");
        }
    }

    #[test]
    fn block_size_invariant_every_mode_and_stereo_per_channel() {
        let sr = 16_000;
        let (clean, _) = speech_like(sr, 1.5, 6);
        let noisy = mix_at_snr(&clean, &white_noise(clean.len(), 1.0, 3), 5.0);
        let quiet: Vec<f32> = noisy.iter().map(|v| v * 0.1).collect();
        for mode in MODES {
            let params = SpectralDenoisingParams {
                mode,
                fft_size: 512,
                ..SpectralDenoisingParams::default()
            };
            let stereo = assert_block_invariant(
                || Box::new(SpectralDenoising::new(params.clone())),
                sr,
                &[noisy.clone(), quiet.clone()],
            );
            // Per-channel state: the left channel is processed as if it were alone.
            let mono = assert_block_invariant(
                || Box::new(SpectralDenoising::new(params.clone())),
                sr,
                std::slice::from_ref(&noisy),
            );
            assert_eq!(stereo[0], mono[0]);
        }
    }

    #[test]
    fn noise_spectrum_converges() {
        let sr = 16_000;
        let noise = white_noise(2 * sr as usize, 0.01, 4);
        let mut st = SpectralDenoising::new(SpectralDenoisingParams::default());
        run_stage(&mut st, sr, &[noise], 512);
        let spec = st.noise_spectrum(0).unwrap();
        assert!(spec.is_converged);
        assert_eq!(spec.frequencies_hz.len(), 513);
        assert!(spec.noise_db.iter().all(|d| d.is_finite()));
        let g = st.average_gain_db().unwrap();
        assert!(g < -3.0, "average gain {g} dB on pure noise");
    }

    #[test]
    fn rejects_bad_parameters() {
        let d = SpectralDenoisingParams::default;
        for (p, param) in [
            (
                SpectralDenoisingParams {
                    fft_size: 1000,
                    ..d()
                },
                "fft_size",
            ),
            (
                SpectralDenoisingParams {
                    fft_size: 8192,
                    ..d()
                },
                "fft_size",
            ),
            (
                SpectralDenoisingParams {
                    reduction_strength: 1.1,
                    ..d()
                },
                "reduction_strength",
            ),
            (
                SpectralDenoisingParams {
                    spectral_floor: 0.0,
                    ..d()
                },
                "spectral_floor",
            ),
            (
                SpectralDenoisingParams {
                    smoothing_factor: 1.0,
                    ..d()
                },
                "smoothing_factor",
            ),
            (
                SpectralDenoisingParams {
                    noise_update_rate: 0.6,
                    ..d()
                },
                "noise_update_rate",
            ),
            (
                SpectralDenoisingParams {
                    vad_threshold: 0.5,
                    ..d()
                },
                "vad_threshold",
            ),
            (
                SpectralDenoisingParams {
                    noise_floor_db: -10.0,
                    ..d()
                },
                "noise_floor_db",
            ),
        ] {
            let e = p.validate().unwrap_err();
            assert_eq!((e.stage, e.param.as_str()), (STAGE, param));
        }
        assert_eq!(
            SpectralDenoisingParams {
                fft_size: 1000,
                ..d()
            }
            .validate()
            .unwrap_err()
            .to_string(),
            "stage `spectral_denoising`: parameter `fft_size` = 1000 is invalid (allowed: a power of two from 256 to 4096)"
        );
        assert!(d().validate().is_ok());
        assert!(toml::from_str::<SpectralDenoisingParams>("mode = \"wiener\"").is_err());
        assert!(toml::from_str::<SpectralDenoisingParams>("fft = 512").is_err());
    }
}
