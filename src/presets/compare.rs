//! Side-by-side comparison: one file run through several presets' chains in-process,
//! each output measured by the analysis engine ([`crate::analysis`]).
//!
//! Every chain gets the same decoded input in blocks of [`BLOCK`] frames; its latency is
//! compensated (the first `latency` output frames are dropped and the tail flushed with
//! silence) so each output lines up with the input. Processing time counts only the
//! chain's own work, not decoding, analysis or writing.

use std::path::{Path, PathBuf};

use serde::Serialize;

use super::Preset;
use crate::analysis::{AnalysisOptions, Analyzer, Report};
use crate::audio::{Decoder, SampleFormat, WavWriter};
use crate::dsp::pipeline::Pipeline;
use crate::dsp::render::render_timed;
use crate::dsp::{StageKind, StreamFormat};
use crate::{Error, Result};

/// Frames per processing block.
pub const BLOCK: usize = 1024;

/// What the comparison measures on one signal; `null` where undefined.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Metrics {
    /// Integrated loudness (LUFS).
    pub integrated_lufs: Option<f64>,
    /// Highest true peak (dBTP).
    pub true_peak_dbtp: Option<f64>,
    /// Loudness range (LU).
    pub lra_lu: Option<f64>,
    /// Signal-to-noise estimate (dB).
    pub snr_db: Option<f64>,
    /// Spectral centroid (Hz).
    pub centroid_hz: Option<f64>,
    /// Share of the audio classified as speech (0 to 1).
    pub speech_ratio: Option<f64>,
}

impl Metrics {
    fn from_report(r: &Report) -> Metrics {
        Metrics {
            integrated_lufs: r.loudness.integrated_lufs,
            true_peak_dbtp: r.loudness.true_peak_dbtp,
            lra_lu: r.loudness.lra_lu,
            snr_db: r.quality.snr_db,
            centroid_hz: r.spectrum.centroid_hz,
            speech_ratio: r.quality.speech_ratio,
        }
    }
}

/// One preset's result.
#[derive(Debug, Clone, Serialize)]
pub struct PresetResult {
    /// Preset name.
    pub preset: String,
    /// Whether it is a built-in.
    pub builtin: bool,
    /// The enabled stages, in order.
    pub stages: Vec<StageKind>,
    /// The chain's latency (compensated in the output), in ms.
    pub latency_ms: f64,
    /// The output's measurements.
    #[serde(flatten)]
    pub metrics: Metrics,
    /// Time the chain took to process the whole file, in ms.
    pub processing_ms: f64,
    /// Audio duration over processing time (`null` when too fast to time).
    pub realtime_factor: Option<f64>,
    /// The processed file, when kept.
    pub output: Option<PathBuf>,
}

/// The whole comparison.
#[derive(Debug, Clone, Serialize)]
pub struct Comparison {
    /// The input as given.
    pub file: String,
    /// Its sample rate (Hz).
    pub sample_rate: u32,
    /// Its channel count.
    pub channels: usize,
    /// Its duration (s).
    pub duration_s: f64,
    /// The input's measurements.
    pub input: Metrics,
    /// One result per preset, in the order asked.
    pub results: Vec<PresetResult>,
}

/// Run `input` through each preset's chain. With `write_dir`, each output is kept as
/// `DIR/<input stem>.<preset>.wav` (32-bit float, so nothing clips).
pub fn compare_file(
    input: &Path,
    presets: &[Preset],
    write_dir: Option<&Path>,
) -> Result<Comparison> {
    if presets.is_empty() {
        return Err(Error::Invalid("compare needs at least one preset".into()));
    }
    if let Some(dir) = write_dir {
        std::fs::create_dir_all(dir)
            .map_err(|e| Error::io("cannot create output directory", dir, e))?;
    }
    let opts = AnalysisOptions::default();
    let stem = input
        .file_stem()
        .map_or_else(|| "audio".to_string(), |s| s.to_string_lossy().to_string());
    let mut input_report = None;
    let mut results = Vec::with_capacity(presets.len());
    let mut info = None;
    for preset in presets {
        let mut dec = Decoder::open(input)?;
        let i = dec.info().clone();
        let format = StreamFormat {
            sample_rate: i.sample_rate,
            channels: i.channels,
            max_block: BLOCK,
        };
        let mut pipeline = Pipeline::new(&preset.chain, format)
            .map_err(|e| Error::Invalid(format!("preset `{}`: {e}", preset.name)))?;
        pipeline.set_measure_levels(false);
        let mut in_an = if input_report.is_none() {
            Some(Analyzer::for_info(&i, &opts)?)
        } else {
            None
        };
        let mut out_an = Analyzer::new(i.sample_rate, i.channels, 1.0, &opts)?;
        let output = write_dir.map(|d| d.join(format!("{stem}.{}.wav", preset.name)));
        if let Some(o) = &output
            && o.canonicalize().ok() == input.canonicalize().ok()
        {
            return Err(Error::Invalid(format!(
                "{}: the output would overwrite the input",
                o.display()
            )));
        }
        let mut writer = match &output {
            Some(o) => Some(WavWriter::create(
                o,
                i.sample_rate,
                i.channels,
                SampleFormat::F32,
            )?),
            None => None,
        };
        let (_, busy) = render_timed(
            &mut dec,
            Some(&mut pipeline),
            BLOCK,
            |block| {
                if let Some(a) = &mut in_an {
                    a.push(block);
                }
            },
            |block| {
                out_an.push(block);
                match &mut writer {
                    Some(w) => w.write(block),
                    None => Ok(()),
                }
            },
        )?;
        if let Some(w) = writer {
            w.finish()?;
        }
        out_an.finish();
        let name = input.display().to_string();
        if let Some(mut a) = in_an {
            a.finish();
            input_report = Some(a.report(&name, &i, dec.warning()));
        }
        let report = out_an.report(&name, &i, None);
        let duration = report.duration_s;
        results.push(PresetResult {
            preset: preset.name.clone(),
            builtin: preset.builtin,
            stages: preset.enabled_stages(),
            latency_ms: pipeline.latency() as f64 * 1e3 / f64::from(i.sample_rate),
            metrics: Metrics::from_report(&report),
            processing_ms: busy * 1e3,
            realtime_factor: (busy > 0.0).then(|| duration / busy),
            output,
        });
        info = Some(i);
    }
    let input_report = input_report.expect("at least one preset ran");
    let info = info.expect("at least one preset ran");
    Ok(Comparison {
        file: input.display().to_string(),
        sample_rate: info.sample_rate,
        channels: info.channels,
        duration_s: input_report.duration_s,
        input: Metrics::from_report(&input_report),
        results,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::presets::builtin::builtin;

    /// A mono 16-bit WAV of the DSP tests' speech-like signal.
    fn write_tone(path: &Path, rate: u32, secs: f32) {
        let spec = hound::WavSpec {
            channels: 1,
            sample_rate: rate,
            bits_per_sample: 16,
            sample_format: hound::SampleFormat::Int,
        };
        let mut w = hound::WavWriter::create(path, spec).unwrap();
        let frames = (rate as f32 * secs) as usize;
        for s in crate::test_signals::voice(rate, frames, 5) {
            w.write_sample((s * 32767.0) as i16).unwrap();
        }
        w.finalize().unwrap();
    }

    #[test]
    fn compares_two_presets_and_keeps_aligned_outputs() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("talk.wav");
        write_tone(&input, 16_000, 1.5);
        let presets = [builtin("minimal").unwrap(), builtin("broadcast").unwrap()];
        let out = dir.path().join("out");
        let c = compare_file(&input, &presets, Some(&out)).unwrap();
        assert_eq!(c.results.len(), 2);
        assert_eq!(c.sample_rate, 16_000);
        assert!((c.duration_s - 1.5).abs() < 1e-6);
        // minimal passes audio through: same loudness as the input.
        let min = &c.results[0];
        let (a, b) = (
            c.input.integrated_lufs.unwrap(),
            min.metrics.integrated_lufs.unwrap(),
        );
        assert!((a - b).abs() < 0.1, "{a} vs {b}");
        assert!(min.stages.is_empty());
        let bc = &c.results[1];
        assert!(bc.latency_ms > 0.0);
        assert!(bc.metrics.true_peak_dbtp.unwrap() <= 0.0);
        for r in &c.results {
            let path = r.output.as_ref().unwrap();
            let w = hound::WavReader::open(path).unwrap();
            assert_eq!(w.duration(), 24_000, "{}", path.display());
        }
        assert!(out.join("talk.broadcast.wav").exists());
        // JSON has nulls, not NaN.
        let json = serde_json::to_string(&c).unwrap();
        assert!(!json.contains("NaN") && !json.contains("inf"));
    }

    #[test]
    fn missing_file_is_not_found() {
        let e = compare_file(
            Path::new("/no/such.wav"),
            &[builtin("voice").unwrap()],
            None,
        )
        .unwrap_err();
        assert_eq!(e.exit_code(), crate::ExitCode::NotFound);
    }
}
