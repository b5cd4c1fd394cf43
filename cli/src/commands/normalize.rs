//! `orch normalize`: two-pass loudness normalization of files (the job of ffmpeg's
//! two-pass `loudnorm`, in one command).
//!
//! 1. Measure the input (BS.1770 integrated loudness, true peak, LRA, gating threshold).
//! 2. The gain is `target - input_i`. If the true peak after that gain stays under the
//!    ceiling, apply it as is: `normalization_type = "linear"`. Otherwise apply it and run
//!    orch's look-ahead true-peak limiter at the ceiling, re-measuring and correcting the
//!    gain (secant method, at most 8 passes) so the limited result still lands on the target:
//!    `normalization_type = "limited"` (and say so on stderr).
//! 3. Write the file (WAV or FLAC) and measure what was written: `output_*`.
//!
//! The dynamics are never compressed: an input LRA above `--lra` is reported, not
//! changed (use a chain with `compression` for that).

use std::path::{Path, PathBuf};

use clap::Args;
use orch::audio::write::{FileFormat, WavWriter};
use orch::audio::{Decoder, Planar};
use orch::dsp::stages::limiter::{Limiter, LimiterParams};
use orch::dsp::stages::lufs_normalization::LufsMode;
use orch::dsp::{Stage, StreamFormat};
use orch::{Error, Result};
use serde::Serialize;

use super::Ctx;
use super::process::{
    Analysis, OutFormat, OutputFileFormat, check_distinct, drop_front, output_formats, progress,
};
use crate::output::key_values;

/// Extensions picked up when a folder is given.
const AUDIO_EXTENSIONS: [&str; 10] = [
    "wav", "wave", "flac", "mp3", "ogg", "oga", "m4a", "aac", "aif", "aiff",
];
/// Largest correction passes for the limited case.
const MAX_PASSES: usize = 8;
const BLOCK: usize = 4096;

/// Arguments of `orch normalize`.
#[derive(Debug, Args)]
pub struct NormalizeArgs {
    /// `IN OUT`, or with --out-dir any number of input files and folders (the audio
    /// files directly inside a folder are taken).
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Write `<input stem>.wav` (`.flac` with `--output-format flac`) files into this
    /// folder (created if missing).
    #[arg(long, value_name = "DIR")]
    pub out_dir: Option<PathBuf>,

    /// Integrated loudness target: LUFS from -70 to -5, or a name: broadcast_tv (-23),
    /// broadcast_radio (-16), podcast (-18), streaming (-14), youtube (-14), netflix (-27).
    #[arg(long, default_value = "-23", allow_hyphen_values = true, value_name = "LUFS|NAME",
          value_parser = parse_target)]
    pub target: f64,

    /// True-peak ceiling in dBTP (-9 to 0); the output never passes it.
    #[arg(long, default_value_t = -1.0, allow_negative_numbers = true, value_name = "DBTP")]
    pub true_peak: f64,

    /// Loudness range the result should stay within, in LU (1 to 50). orch does not
    /// compress: a wider input is reported, not changed.
    #[arg(long, default_value_t = 11.0, value_name = "LU")]
    pub lra: f64,

    /// Output sample format [default: from the input, as `orch process`].
    #[arg(long, value_enum, value_name = "FMT")]
    pub format: Option<OutFormat>,

    /// Output file format, whatever the name says [default: from OUT's extension, WAV
    /// when it names no format; `.mp3` and other formats orch does not write are refused].
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub output_format: Option<OutputFileFormat>,
}

/// Parse `--target`.
fn parse_target(s: &str) -> std::result::Result<f64, String> {
    let v = if let Ok(v) = s.parse::<f64>() {
        v
    } else {
        LufsMode::from_name(s)
            .and_then(LufsMode::target)
            .ok_or_else(|| {
                format!(
                    "`{s}` is neither a number of LUFS nor one of: broadcast_tv, \
                     broadcast_radio, podcast, streaming, youtube, netflix"
                )
            })?
    };
    if !(-70.0..=-5.0).contains(&v) || !v.is_finite() {
        return Err(format!("{v} LUFS is outside -70 to -5"));
    }
    Ok(v)
}

/// One file's result; keys follow ffmpeg's loudnorm (numbers, not strings).
#[derive(Debug, Serialize)]
struct NormalizeOutput {
    input: String,
    output: String,
    input_i: Option<f64>,
    input_tp: Option<f64>,
    input_lra: Option<f64>,
    input_thresh: Option<f64>,
    output_i: Option<f64>,
    output_tp: Option<f64>,
    output_lra: Option<f64>,
    output_thresh: Option<f64>,
    /// `target_i - output_i`, in LU.
    target_offset: Option<f64>,
    /// `linear` (one gain) or `limited` (gain plus the true-peak limiter).
    normalization_type: &'static str,
    target_i: f64,
    target_tp: f64,
    target_lra: f64,
    /// Gain applied, in dB.
    gain_db: f64,
    /// Largest gain reduction of the limiter, in dB (0 for linear).
    limiter_reduction_db: f64,
}

/// Loudness figures of one pass.
struct Pass {
    i: Option<f64>,
    tp: Option<f64>,
    lra: Option<f64>,
    thresh: Option<f64>,
    max_reduction_db: f64,
}

/// Decode `path`, apply `gain_db` and (optionally) the limiter, measure the result and
/// write it to `writer` when given.
fn pass(
    path: &Path,
    gain_db: f64,
    limiter: Option<&LimiterParams>,
    mut writer: Option<&mut WavWriter>,
) -> Result<Pass> {
    let mut dec = Decoder::open(path)?;
    let info = dec.info().clone();
    let mut analysis = Analysis::new(info.sample_rate, info.channels, 1.0)?;
    let mut lim = limiter.map(|p| {
        let mut l = Limiter::new(p.clone());
        l.prepare(StreamFormat {
            sample_rate: info.sample_rate,
            channels: info.channels,
            max_block: BLOCK,
        });
        l
    });
    let latency = lim.as_ref().map_or(0, Stage::latency);
    let (mut skip, mut tail) = (latency, latency);
    let g = 10f32.powf(gain_db as f32 / 20.0);
    let mut block = Planar::new(info.channels, BLOCK);
    let mut max_red = 0.0f64;
    let mut emit = |block: &mut Planar, skip: &mut usize, analysis: &mut Analysis| -> Result<()> {
        let d = (*skip).min(block.len());
        drop_front(block, d);
        *skip -= d;
        if !block.is_empty() {
            analysis.push(block);
            if let Some(w) = writer.as_deref_mut() {
                w.write(block)?;
            }
        }
        Ok(())
    };
    loop {
        if !dec.read(&mut block)? || block.is_empty() {
            break;
        }
        for ch in block.channels_mut() {
            for s in ch {
                *s *= g;
            }
        }
        if let Some(l) = &mut lim {
            l.process(&mut block);
            max_red = max_red.max(f64::from(l.telemetry().gain_reduction_db.unwrap_or(0.0)));
        }
        emit(&mut block, &mut skip, &mut analysis)?;
    }
    while tail > 0 {
        let n = tail.min(BLOCK);
        block.set_len(n);
        for ch in block.channels_mut() {
            ch.fill(0.0);
        }
        if let Some(l) = &mut lim {
            l.process(&mut block);
        }
        tail -= n;
        emit(&mut block, &mut skip, &mut analysis)?;
    }
    let (l, _) = analysis.finish();
    Ok(Pass {
        i: l.integrated_lufs,
        tp: l.true_peak_dbtp,
        lra: l.lra_lu,
        thresh: l.relative_threshold_lufs,
        max_reduction_db: max_red,
    })
}

/// Normalize one file.
fn normalize_one(ctx: &Ctx, args: &NormalizeArgs, input: &Path, output: &Path) -> Result<()> {
    check_distinct(input, output)?;
    if args.output_format.is_none() {
        FileFormat::from_path(output)?;
    }
    let bar = progress(ctx, None, &format!("normalizing {}", input.display()));
    bar.enable_steady_tick(std::time::Duration::from_millis(200));
    let measured = pass(input, 0.0, None, None)?;
    let Some(input_i) = measured.i else {
        return Err(Error::Invalid(format!(
            "{}: no measurable loudness (silent, or shorter than 400 ms): nothing to normalize",
            input.display()
        )));
    };
    let target = args.target;
    let ceiling = args.true_peak;
    let mut gain = target - input_i;
    let predicted_tp = measured.tp.map(|tp| tp + gain);
    let limiter = LimiterParams {
        threshold_db: ceiling,
        release_ms: 100.0,
        lookahead_ms: 5.0,
        soft_clip: false,
    };
    // Keep a hair of room for the integer formats' dither.
    let limited = predicted_tp.is_some_and(|tp| tp > ceiling - 0.01);
    if limited {
        // The limiter takes loudness away: find the gain whose limited output meets the
        // target by the secant method on (gain, loudness) pairs.
        let mut prev: Option<(f64, f64)> = None;
        for _ in 0..MAX_PASSES {
            let Some(i) = pass(input, gain, Some(&limiter), None)?.i else {
                break;
            };
            let err = target - i;
            if err.abs() < 0.05 {
                break;
            }
            let slope = match prev {
                Some((g0, i0)) if (gain - g0).abs() > 1e-6 && (i - i0).abs() > 1e-6 => {
                    ((i - i0) / (gain - g0)).clamp(0.05, 1.0)
                }
                _ => 1.0,
            };
            prev = Some((gain, i));
            gain = (gain + err / slope).min(target - input_i + 40.0);
        }
    }
    let dec = Decoder::open(input)?;
    let info = dec.info().clone();
    drop(dec);
    let (file_format, format) = output_formats(output, args.output_format, args.format, &info)?;
    let mut writer = WavWriter::create_as(
        output,
        file_format,
        info.sample_rate,
        info.channels,
        format.sample_format(),
    )?;
    let written = pass(input, gain, limited.then_some(&limiter), Some(&mut writer))?;
    writer.finish()?;
    // Measure what was actually written (after quantisation and dither).
    let out = pass(output, 0.0, None, None)?;
    bar.finish_and_clear();
    if limited {
        ctx.out.warn(format!(
            "{}: a linear gain of {:+.1} dB would put the true peak at {:+.1} dBTP, above the \
             {ceiling} dBTP ceiling: applied {gain:+.1} dB with the true-peak limiter \
             (up to {:.1} dB of peak reduction)",
            input.display(),
            target - input_i,
            predicted_tp.unwrap_or(0.0),
            written.max_reduction_db
        ));
    }
    if let Some(i) = out.i
        && (i - target).abs() > 0.5
    {
        ctx.out.warn(format!(
            "{}: output is {i:.1} LUFS, {:.1} LU from the {target} LUFS target: the true-peak \
             ceiling does not leave room for that loudness without heavier limiting",
            input.display(),
            i - target
        ));
    }
    if let Some(lra) = measured.lra
        && lra > args.lra
    {
        ctx.out.warn(format!(
            "{}: loudness range {lra:.1} LU exceeds --lra {} LU; orch normalizes linearly and \
             left the dynamics unchanged (use `orch process` with compression to reduce it)",
            input.display(),
            args.lra
        ));
    }
    let result = NormalizeOutput {
        input: input.display().to_string(),
        output: output.display().to_string(),
        input_i: measured.i,
        input_tp: measured.tp,
        input_lra: measured.lra,
        input_thresh: measured.thresh,
        output_i: out.i,
        output_tp: out.tp,
        output_lra: out.lra,
        output_thresh: out.thresh,
        target_offset: out.i.map(|i| target - i),
        normalization_type: if limited { "limited" } else { "linear" },
        target_i: target,
        target_tp: ceiling,
        target_lra: args.lra,
        gain_db: gain,
        limiter_reduction_db: written.max_reduction_db,
    };
    if ctx.out.json {
        ctx.out.json(&result);
    } else {
        let f = |v: Option<f64>, unit: &str| v.map_or("-".into(), |x| format!("{x:.1} {unit}"));
        ctx.out.text(key_values(&[
            ("file", format!("{} -> {}", result.input, result.output)),
            (
                "input",
                format!(
                    "{}, {}, LRA {}",
                    f(result.input_i, "LUFS"),
                    f(result.input_tp, "dBTP"),
                    f(result.input_lra, "LU")
                ),
            ),
            (
                "output",
                format!(
                    "{}, {}, LRA {}",
                    f(result.output_i, "LUFS"),
                    f(result.output_tp, "dBTP"),
                    f(result.output_lra, "LU")
                ),
            ),
            (
                "applied",
                format!("{:+.2} dB, {}", result.gain_db, result.normalization_type),
            ),
        ]));
    }
    Ok(())
}

/// The (input, output) pairs from the arguments.
fn jobs(args: &NormalizeArgs) -> Result<Vec<(PathBuf, PathBuf)>> {
    let Some(dir) = &args.out_dir else {
        if args.paths.len() != 2 {
            return Err(Error::Invalid(format!(
                "give IN OUT, or inputs with --out-dir DIR ({} paths given)",
                args.paths.len()
            )));
        }
        return Ok(vec![(args.paths[0].clone(), args.paths[1].clone())]);
    };
    let mut inputs = Vec::new();
    for p in &args.paths {
        if p.is_dir() {
            let mut found: Vec<PathBuf> = std::fs::read_dir(p)
                .map_err(|e| Error::io("cannot list", p, e))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|f| {
                    f.is_file()
                        && f.extension().and_then(|x| x.to_str()).is_some_and(|x| {
                            AUDIO_EXTENSIONS.contains(&x.to_ascii_lowercase().as_str())
                        })
                })
                .collect();
            found.sort();
            if found.is_empty() {
                return Err(Error::FileNotFound {
                    what: "audio file in folder",
                    path: p.clone(),
                });
            }
            inputs.extend(found);
        } else {
            inputs.push(p.clone());
        }
    }
    std::fs::create_dir_all(dir).map_err(|e| Error::io("cannot create", dir, e))?;
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    for i in inputs {
        let stem = i
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "out".into());
        let ext = match args.output_format {
            Some(OutputFileFormat::Flac) => "flac",
            _ => "wav",
        };
        let o = dir.join(format!("{stem}.{ext}"));
        if !seen.insert(o.clone()) {
            return Err(Error::Invalid(format!(
                "{} and another input would both be written to {}",
                i.display(),
                o.display()
            )));
        }
        out.push((i, o));
    }
    Ok(out)
}

/// Run `orch normalize`.
pub fn run(ctx: &Ctx, args: NormalizeArgs) -> Result<()> {
    if !(-9.0..=0.0).contains(&args.true_peak) {
        return Err(Error::Invalid(format!(
            "--true-peak {} is outside -9 to 0 dBTP",
            args.true_peak
        )));
    }
    if !(1.0..=50.0).contains(&args.lra) {
        return Err(Error::Invalid(format!(
            "--lra {} is outside 1 to 50 LU",
            args.lra
        )));
    }
    let jobs = jobs(&args)?;
    let many = jobs.len() > 1;
    let mut last_err = None;
    for (i, o) in &jobs {
        if let Err(e) = normalize_one(ctx, &args, i, o) {
            if !many {
                return Err(e);
            }
            ctx.out.error(&e);
            last_err = Some(e);
        }
    }
    match last_err {
        Some(e) => Err(Error::Other(format!(
            "some files were not normalized (last error: {e})"
        ))),
        None => Ok(()),
    }
}
