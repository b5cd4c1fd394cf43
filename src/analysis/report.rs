//! The analysis report: one serde struct whose JSON keys are documented in
//! `docs/analysis.md`. Undefined values are `null`, never -inf, NaN or a sentinel.

use serde::Serialize;

use super::assessment::Assessment;
use super::loudness::LoudnessReport;
use super::quality::QualityReport;
use super::spectrum::SpectrumReport;
use super::timeline::TimelinePoint;

/// Everything `orch analyze` reports for one input.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// The input as named on the command line (`-` for stdin).
    pub file: String,
    /// Sample rate (Hz).
    pub sample_rate: u32,
    /// Channel count.
    pub channels: usize,
    /// Length of the decoded audio (s).
    pub duration_s: f64,
    /// Decoded frames (samples per channel).
    pub frames: u64,
    /// Codec short name (`pcm_s16le`, `flac`, `mp3`, `raw_f32le`, ...).
    pub codec: String,
    /// Bits per sample of integer and float PCM, FLAC and ALAC; null for lossy codecs.
    pub bits_per_sample: Option<u32>,
    /// Set when decoding stopped early or skipped damaged data: where and why.
    pub warning: Option<String>,
    pub loudness: LoudnessReport,
    pub spectrum: SpectrumReport,
    pub quality: QualityReport,
    pub assessment: Assessment,
    /// One point per 100 ms (only with `--timeline`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timeline: Option<Vec<TimelinePoint>>,
}
