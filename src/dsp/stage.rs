//! The [`Stage`] trait: the one interface every DSP stage implements.
//!
//! Contract (the audio path never waits):
//! - every buffer a stage needs is allocated in [`Stage::prepare`]; [`Stage::process`]
//!   never allocates, locks or does I/O;
//! - output never depends on how the input was cut into blocks: a stage that works on
//!   frames (STFT, look-ahead) buffers internally and reports the delay it adds in
//!   [`Stage::latency`];
//! - input and output gains, enable/bypass and timing are applied by the pipeline around
//!   the stage, once for all stages.

use serde::{Deserialize, Serialize};

use crate::audio::Planar;

/// The eleven stage kinds, listed in the default chain order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StageKind {
    Vad,
    VoiceFilter,
    NoiseReduction,
    VoiceEnhancement,
    Equalizer,
    SpectralDenoising,
    ConventionalDenoising,
    LufsNormalization,
    Agc,
    Compression,
    Limiter,
}

impl StageKind {
    /// Every kind, in the default chain order.
    pub const ALL: [StageKind; 11] = [
        StageKind::Vad,
        StageKind::VoiceFilter,
        StageKind::NoiseReduction,
        StageKind::VoiceEnhancement,
        StageKind::Equalizer,
        StageKind::SpectralDenoising,
        StageKind::ConventionalDenoising,
        StageKind::LufsNormalization,
        StageKind::Agc,
        StageKind::Compression,
        StageKind::Limiter,
    ];

    /// The stage's name as used in configs, flags and output (`snake_case`).
    pub fn name(self) -> &'static str {
        match self {
            StageKind::Vad => "vad",
            StageKind::VoiceFilter => "voice_filter",
            StageKind::NoiseReduction => "noise_reduction",
            StageKind::VoiceEnhancement => "voice_enhancement",
            StageKind::Equalizer => "equalizer",
            StageKind::SpectralDenoising => "spectral_denoising",
            StageKind::ConventionalDenoising => "conventional_denoising",
            StageKind::LufsNormalization => "lufs_normalization",
            StageKind::Agc => "agc",
            StageKind::Compression => "compression",
            StageKind::Limiter => "limiter",
        }
    }

    /// Parse a stage name; `None` when it names no stage.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.name() == name)
    }

    /// Per-block processing budget (target, max) in milliseconds, from the reference
    /// service. Reported as metrics, never asserted.
    pub fn latency_budget_ms(self) -> (f64, f64) {
        match self {
            StageKind::Vad => (5.0, 10.0),
            StageKind::VoiceFilter => (8.0, 15.0),
            StageKind::NoiseReduction => (15.0, 25.0),
            StageKind::VoiceEnhancement => (10.0, 20.0),
            StageKind::Equalizer => (12.0, 22.0),
            StageKind::SpectralDenoising => (20.0, 35.0),
            StageKind::ConventionalDenoising => (8.0, 15.0),
            StageKind::LufsNormalization => (18.0, 30.0),
            StageKind::Agc => (12.0, 20.0),
            StageKind::Compression => (8.0, 15.0),
            StageKind::Limiter => (6.0, 12.0),
        }
    }
}

impl std::fmt::Display for StageKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// The stream a stage is prepared for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StreamFormat {
    /// Samples per second per channel (8 000 to 96 000).
    pub sample_rate: u32,
    /// Channel count (1 or 2 in the live path; more for files).
    pub channels: usize,
    /// Largest block [`Stage::process`] will be given, in frames.
    pub max_block: usize,
}

/// What a stage reports about the block it last processed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct StageTelemetry {
    /// Current gain reduction in dB (positive = reducing), for dynamics stages.
    pub gain_reduction_db: Option<f32>,
    /// Current gain applied in dB, for AGC and loudness normalization.
    pub gain_db: Option<f32>,
    /// Speech detected in the last block, for the VAD (and the `rnn` denoiser).
    pub speech: Option<bool>,
    /// Speech probability or confidence in 0..=1.
    pub speech_probability: Option<f32>,
    /// Share of the frames since the stage was prepared or reset that counted as speech
    /// (hangover included), 0..=1, for the VAD.
    #[serde(default)]
    pub speech_ratio: Option<f32>,
}

/// One DSP stage. See the module documentation for the realtime contract.
pub trait Stage: Send {
    /// Which stage this is.
    fn kind(&self) -> StageKind;

    /// Allocate buffers and compute coefficients for `format`; clears all state.
    fn prepare(&mut self, format: StreamFormat);

    /// Process one planar block in place (`audio.len() <= format.max_block`).
    fn process(&mut self, audio: &mut Planar);

    /// Delay this stage adds, in frames.
    fn latency(&self) -> usize {
        0
    }

    /// Forget all signal history (filters, envelopes, noise estimates), keep parameters.
    fn reset(&mut self);

    /// What the stage measured on the last block.
    fn telemetry(&self) -> StageTelemetry {
        StageTelemetry::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_in_order() {
        for k in StageKind::ALL {
            assert_eq!(StageKind::from_name(k.name()), Some(k));
        }
        assert_eq!(StageKind::ALL[0].name(), "vad");
        assert_eq!(StageKind::ALL[10].name(), "limiter");
        assert_eq!(StageKind::from_name("nope"), None);
    }
}
