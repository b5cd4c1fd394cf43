//! `orch process IN OUT`: run the DSP chain over a file in-process and write a WAV or FLAC file.
//!
//! The chain's latency is compensated (the first `latency` output frames are dropped and
//! the tail is flushed with silence), so the output lines up with the input sample for
//! sample and has the same length.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::time::Instant;

use clap::{Args, ValueEnum};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use orch::analysis::loudness::{LoudnessMeter, LoudnessReport};
use orch::analysis::quality::{QualityAnalyzer, QualityReport};
use orch::audio::write::{FileFormat, SampleFormat, WavWriter};
use orch::audio::{AudioInfo, Decoder, Planar};
use orch::dsp::StageKind;
use orch::dsp::StreamFormat;
use orch::dsp::chain::ChainConfig;
use orch::dsp::pipeline::{Pipeline, PipelineMetrics};
pub(crate) use orch::dsp::render::{drop_front, render};
use orch::{Error, Result};
use serde::Serialize;

use super::Ctx;
use crate::output::{key_values, table};

/// Arguments of `orch process`.
#[derive(Debug, Args)]
pub struct ProcessArgs {
    /// Input audio file (WAV, FLAC, MP3, Ogg Vorbis, AAC/M4A).
    #[arg(value_name = "IN")]
    pub input: PathBuf,

    /// Output file, at the input's sample rate and channel count: WAV, or FLAC for a
    /// `.flac` name (names of formats orch does not write, such as `.mp3`, are refused).
    #[arg(value_name = "OUT")]
    pub output: PathBuf,

    /// Output file format, whatever the name says [default: from OUT's extension, WAV
    /// when it names no format].
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub output_format: Option<OutputFileFormat>,

    /// Chain preset: a built-in (`orch preset list`) or a user preset (looked up through
    /// orchd) [default: the configured `dsp.default_preset`, itself `default`].
    #[arg(long, value_name = "NAME", conflicts_with = "chain")]
    pub preset: Option<String>,

    /// Chain file (TOML, `version = 1` and `[[stage]]` tables; see docs/chain.md).
    #[arg(long, value_name = "FILE.toml")]
    pub chain: Option<PathBuf>,

    /// Disable a stage of the chain (repeatable, or comma-separated).
    #[arg(long, value_name = "STAGE", value_parser = parse_stage, value_delimiter = ',')]
    pub bypass: Vec<StageKind>,

    /// Run only this stage (enabled even if the chain disables it).
    #[arg(long, value_name = "STAGE", value_parser = parse_stage, conflicts_with = "bypass")]
    pub only: Option<StageKind>,

    /// Frames per processing block (1 to 65536); the output does not depend on it.
    #[arg(long, default_value_t = 1024, value_name = "N",
          value_parser = clap::value_parser!(u32).range(1..=65536))]
    pub block_size: u32,

    /// Output sample format [default: s16 for up to 16-bit and lossy input, s24 for
    /// deeper integers, f32 for float input (s24 in FLAC, which stores integers)].
    #[arg(long, value_enum, value_name = "FMT")]
    pub format: Option<OutFormat>,

    /// Print per-stage metrics and loudness, true peak and SNR before and after.
    #[arg(long)]
    pub report: bool,
}

/// The file formats orch writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFileFormat {
    /// RIFF/WAVE.
    Wav,
    /// FLAC (lossless, 16 or 24-bit).
    Flac,
}

/// The file and sample formats of an output: `--output-format` or the name's extension,
/// then `--format` or the input's depth class (float input becomes s24 in FLAC).
pub(crate) fn output_formats(
    output: &Path,
    file: Option<OutputFileFormat>,
    sample: Option<OutFormat>,
    info: &AudioInfo,
) -> Result<(FileFormat, OutFormat)> {
    let file = match file {
        Some(OutputFileFormat::Wav) => FileFormat::Wav,
        Some(OutputFileFormat::Flac) => FileFormat::Flac,
        None => FileFormat::from_path(output)?,
    };
    let sample = match (sample, file) {
        (Some(s), _) => s,
        (None, FileFormat::Flac) if OutFormat::for_input(info) == OutFormat::F32 => OutFormat::S24,
        (None, _) => OutFormat::for_input(info),
    };
    Ok((file, sample))
}

/// WAV sample formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum OutFormat {
    /// 16-bit integer (TPDF dither).
    S16,
    /// 24-bit integer (TPDF dither).
    S24,
    /// 32-bit float.
    F32,
}

impl OutFormat {
    /// The default for an input: keep its depth class.
    pub fn for_input(info: &AudioInfo) -> OutFormat {
        match (info.float, info.bits_per_sample) {
            (false, Some(b)) if b > 16 => OutFormat::S24,
            (true, Some(_)) => OutFormat::F32,
            _ => OutFormat::S16,
        }
    }

    /// The writer's format.
    pub fn sample_format(self) -> SampleFormat {
        match self {
            OutFormat::S16 => SampleFormat::S16,
            OutFormat::S24 => SampleFormat::S24,
            OutFormat::F32 => SampleFormat::F32,
        }
    }
}

/// Parse a stage name for clap.
pub fn parse_stage(s: &str) -> std::result::Result<StageKind, String> {
    StageKind::from_name(s).ok_or_else(|| {
        let names: Vec<&str> = StageKind::ALL.iter().map(|k| k.name()).collect();
        format!("unknown stage `{s}` (one of: {})", names.join(", "))
    })
}

/// Loudness, true peak and SNR of one side of the processing.
#[derive(Debug, Clone, Serialize)]
pub struct Measurement {
    /// Integrated loudness (LUFS).
    pub integrated_lufs: Option<f64>,
    /// Loudness range (LU).
    pub lra_lu: Option<f64>,
    /// True peak (dBTP).
    pub true_peak_dbtp: Option<f64>,
    /// RMS (dBFS).
    pub rms_dbfs: Option<f64>,
    /// Noise floor: 10th percentile of 50 ms levels (dBFS).
    pub noise_floor_dbfs: Option<f64>,
    /// Active signal over the noise floor (dB).
    pub snr_db: Option<f64>,
}

/// Streaming loudness plus quality analysis of one signal.
pub(crate) struct Analysis {
    loudness: LoudnessMeter,
    quality: QualityAnalyzer,
}

impl Analysis {
    pub(crate) fn new(sample_rate: u32, channels: usize, clip: f32) -> Result<Self> {
        Ok(Self {
            loudness: LoudnessMeter::new(sample_rate, channels, false)?,
            quality: QualityAnalyzer::new(sample_rate, channels, clip),
        })
    }

    pub(crate) fn push(&mut self, block: &Planar) {
        if block.is_empty() {
            return;
        }
        self.loudness.push(block, |_| {});
        let planes: Vec<&[f32]> = (0..block.channels()).map(|c| block.channel(c)).collect();
        self.quality.push_planes(&planes);
    }

    pub(crate) fn finish(mut self) -> (LoudnessReport, QualityReport) {
        self.loudness.flush();
        self.quality.flush();
        (self.loudness.report(), self.quality.report())
    }

    pub(crate) fn measurement(self) -> Measurement {
        let (l, q) = self.finish();
        Measurement {
            integrated_lufs: l.integrated_lufs,
            lra_lu: l.lra_lu,
            true_peak_dbtp: l.true_peak_dbtp,
            rms_dbfs: q.rms_dbfs,
            noise_floor_dbfs: q.noise_floor_dbfs,
            snr_db: q.snr_db,
        }
    }
}

/// `--json` output of `orch process` (documented in docs/chain.md).
#[derive(Debug, Serialize)]
struct ProcessOutput {
    input: String,
    output: String,
    sample_rate: u32,
    channels: usize,
    frames: u64,
    duration_s: f64,
    format: OutFormat,
    block_size: u32,
    stages: Vec<StageKind>,
    latency_samples: usize,
    elapsed_s: f64,
    realtime_factor: Option<f64>,
    clipped_samples: u64,
    warning: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    report: Option<ProcessReport>,
}

#[derive(Debug, Serialize)]
struct ProcessReport {
    before: Measurement,
    after: Measurement,
    metrics: PipelineMetrics,
}

/// Resolve the chain from --preset/--chain, then apply --bypass/--only.
pub(crate) fn resolve_chain(
    ctx: &Ctx,
    preset: Option<&str>,
    chain: Option<&Path>,
    bypass: &[StageKind],
    only: Option<StageKind>,
) -> Result<ChainConfig> {
    let mut config = match chain {
        Some(path) => ChainConfig::load(path)?,
        None => super::preset::resolve_chain(ctx, preset)?.1,
    };
    for &kind in bypass {
        if !config.bypass(kind) {
            ctx.out
                .warn(format!("--bypass {kind}: the chain has no `{kind}` stage"));
        }
    }
    if let Some(kind) = only {
        config.only(kind)?;
    }
    Ok(config)
}

/// Refuse to overwrite the input with the output.
pub(crate) fn check_distinct(input: &Path, output: &Path) -> Result<()> {
    let same = match (input.canonicalize(), output.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    };
    if same {
        return Err(Error::Invalid(format!(
            "{}: the output would overwrite the input",
            output.display()
        )));
    }
    Ok(())
}

/// A progress bar on stderr when it is a terminal and output is for humans.
pub(crate) fn progress(ctx: &Ctx, total: Option<u64>, label: &str) -> ProgressBar {
    if ctx.out.json || ctx.out.quiet || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = match total {
        Some(t) => ProgressBar::new(t).with_style(
            ProgressStyle::with_template("{msg} [{bar:30}] {percent:>3}% {elapsed}/{eta}")
                .expect("valid template")
                .progress_chars("=> "),
        ),
        None => ProgressBar::new_spinner(),
    };
    bar.set_draw_target(ProgressDrawTarget::stderr());
    bar.set_message(label.to_string());
    bar
}

/// Run `pipeline` over the decoder's audio into `writer`, compensating its latency.
/// `on_input`/`on_output` see every block before and after. Returns frames written.
pub(crate) fn run_file(
    decoder: &mut Decoder,
    pipeline: &mut Pipeline,
    writer: &mut WavWriter,
    block_size: usize,
    bar: &ProgressBar,
    mut on_input: impl FnMut(&Planar),
    mut on_output: impl FnMut(&Planar),
) -> Result<u64> {
    render(
        decoder,
        Some(pipeline),
        block_size,
        |b| {
            on_input(b);
            bar.inc(b.len() as u64);
        },
        |b| {
            on_output(b);
            writer.write(b)
        },
    )
}

/// Run `orch process`.
pub fn run(ctx: &Ctx, args: ProcessArgs) -> Result<()> {
    let config = resolve_chain(
        ctx,
        args.preset.as_deref(),
        args.chain.as_deref(),
        &args.bypass,
        args.only,
    )?;
    check_distinct(&args.input, &args.output)?;
    if args.output_format.is_none() {
        FileFormat::from_path(&args.output)?;
    }
    let mut decoder = Decoder::open(&args.input)?;
    let info = decoder.info().clone();
    let (file_format, format) =
        output_formats(&args.output, args.output_format, args.format, &info)?;
    let block_size = args.block_size as usize;
    let mut pipeline = Pipeline::new(
        &config,
        StreamFormat {
            sample_rate: info.sample_rate,
            channels: info.channels,
            max_block: block_size,
        },
    )
    .map_err(|e| Error::Invalid(format!("{}: {e}", args.input.display())))?;
    // Per-stage levels are only shown by `--report`: without it, skip measuring them.
    pipeline.set_measure_levels(args.report);
    let mut writer = WavWriter::create_as(
        &args.output,
        file_format,
        info.sample_rate,
        info.channels,
        format.sample_format(),
    )?;
    let mut before = if args.report {
        Some(Analysis::new(
            info.sample_rate,
            info.channels,
            info.clip_level(),
        )?)
    } else {
        None
    };
    let mut after = if args.report {
        Some(Analysis::new(info.sample_rate, info.channels, 1.0)?)
    } else {
        None
    };
    let bar = progress(ctx, info.frames, "processing");
    let started = Instant::now();
    let frames = run_file(
        &mut decoder,
        &mut pipeline,
        &mut writer,
        block_size,
        &bar,
        |b| {
            if let Some(a) = &mut before {
                a.push(b);
            }
        },
        |b| {
            if let Some(a) = &mut after {
                a.push(b);
            }
        },
    )?;
    let clipped = writer.clipped_samples();
    writer.finish()?;
    bar.finish_and_clear();
    if frames == 0 {
        let _ = std::fs::remove_file(&args.output);
        return Err(orch::Error::Invalid(format!(
            "{}: no audio (it decodes to 0 samples); nothing written",
            args.input.display()
        )));
    }
    let elapsed = started.elapsed().as_secs_f64();
    let duration_s = frames as f64 / f64::from(info.sample_rate);
    let warning = decoder.warning().map(str::to_string);
    if let Some(w) = &warning {
        ctx.out.warn(format!("{}: {w}", args.input.display()));
    }
    if clipped > 0 {
        ctx.out.warn(format!(
            "{}: {clipped} samples clipped at full scale (use --format f32 or a limiter)",
            args.output.display()
        ));
    }
    let report = match (before, after) {
        (Some(b), Some(a)) => Some(ProcessReport {
            before: b.measurement(),
            after: a.measurement(),
            metrics: pipeline.metrics(),
        }),
        _ => None,
    };
    let out = ProcessOutput {
        input: args.input.display().to_string(),
        output: args.output.display().to_string(),
        sample_rate: info.sample_rate,
        channels: info.channels,
        frames,
        duration_s,
        format,
        block_size: args.block_size,
        stages: config.enabled_kinds(),
        latency_samples: pipeline.latency(),
        elapsed_s: elapsed,
        realtime_factor: (elapsed > 0.0).then(|| duration_s / elapsed),
        clipped_samples: clipped,
        warning,
        report,
    };
    if ctx.out.json {
        ctx.out.json(&out);
    } else {
        print_human(ctx, &out);
    }
    Ok(())
}

fn db(v: Option<f64>, unit: &str) -> String {
    v.map_or_else(|| "-".to_string(), |x| format!("{x:.1} {unit}"))
}

fn print_human(ctx: &Ctx, o: &ProcessOutput) {
    let stages: Vec<&str> = o.stages.iter().map(|k| k.name()).collect();
    ctx.out.text(key_values(&[
        ("output", o.output.clone()),
        (
            "audio",
            format!(
                "{:.2} s, {} Hz, {} ch, {}",
                o.duration_s,
                o.sample_rate,
                o.channels,
                format!("{:?}", o.format).to_lowercase()
            ),
        ),
        ("stages", stages.join(" > ")),
        (
            "latency",
            format!(
                "{} samples ({:.1} ms), compensated",
                o.latency_samples,
                o.latency_samples as f64 * 1e3 / f64::from(o.sample_rate)
            ),
        ),
        (
            "speed",
            o.realtime_factor.map_or("-".into(), |r| {
                format!("{r:.0}x realtime ({:.2} s)", o.elapsed_s)
            }),
        ),
    ]));
    let Some(r) = &o.report else { return };
    ctx.out.text("");
    let mut t = table(&[
        "stage",
        "latency",
        "mean ms",
        "p95 ms",
        "max ms",
        "in dBFS",
        "out dBFS",
        "gain/GR dB",
    ]);
    for s in &r.metrics.stages {
        let tel = &s.telemetry;
        let gr = |v: f32| format!("{:.1}", -v.abs()).replace("-0.0", "0.0");
        let dyn_db = match (tel.gain_db, tel.gain_reduction_db) {
            (Some(g), Some(r)) => format!("{g:+.1} / {}", gr(r)),
            (Some(g), None) => format!("{g:+.1}"),
            (None, Some(r)) => gr(r),
            (None, None) => tel
                .speech
                .map_or("-".into(), |sp| if sp { "speech" } else { "pause" }.into()),
        };
        t.add_row(vec![
            s.stage.name().to_string(),
            s.latency_samples.to_string(),
            format!("{:.3}", s.time.mean_ms),
            format!("{:.3}", s.time.p95_ms),
            format!("{:.3}", s.time.max_ms),
            s.mean_input_level_db
                .map_or("-".into(), |v| format!("{v:.1}")),
            s.mean_output_level_db
                .map_or("-".into(), |v| format!("{v:.1}")),
            dyn_db,
        ]);
    }
    ctx.out.text(t.to_string());
    ctx.out.text("");
    let mut a = table(&["", "before", "after"]);
    let rows: [(&str, Option<f64>, Option<f64>, &str); 5] = [
        (
            "loudness",
            r.before.integrated_lufs,
            r.after.integrated_lufs,
            "LUFS",
        ),
        (
            "true peak",
            r.before.true_peak_dbtp,
            r.after.true_peak_dbtp,
            "dBTP",
        ),
        ("LRA", r.before.lra_lu, r.after.lra_lu, "LU"),
        (
            "noise floor",
            r.before.noise_floor_dbfs,
            r.after.noise_floor_dbfs,
            "dBFS",
        ),
        ("SNR", r.before.snr_db, r.after.snr_db, "dB"),
    ];
    for (name, b, af, unit) in rows {
        a.add_row(vec![name.to_string(), db(b, unit), db(af, unit)]);
    }
    ctx.out.text(a.to_string());
}
