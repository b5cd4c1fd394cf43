//! `orch analyze`: loudness, spectrum and quality of files or raw PCM on stdin, in
//! process (no daemon). Several files run in parallel, one thread per core.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use clap::{Args, ValueEnum};
use indicatif::{MultiProgress, ProgressBar, ProgressDrawTarget, ProgressStyle};
use orch::Error;
use orch::analysis::{AnalysisOptions, Report, analyze_decoder};
use orch::audio::{Decoder, RawFormat};
use serde::Serialize;

use super::Ctx;
mod live;
mod plot;
mod show;

/// Arguments of `orch analyze`.
#[derive(Debug, Args)]
pub struct AnalyzeArgs {
    /// Audio files (WAV, FLAC, MP3, Ogg Vorbis, AAC/M4A); `-` reads raw PCM from stdin
    /// and needs --format, --rate and --channels.
    #[arg(required_unless_present = "live", value_name = "FILE")]
    pub files: Vec<PathBuf>,

    /// FFT size of the averaged spectrum: a power of two from 256 to 65536.
    #[arg(long, default_value_t = orch::analysis::spectrum::DEFAULT_FFT, value_name = "N")]
    pub fft_size: usize,

    /// How many spectral peaks to list.
    #[arg(long, default_value_t = 5, value_name = "N")]
    pub peaks: usize,

    /// Add momentary and short-term loudness and the level every 100 ms.
    #[arg(long)]
    pub timeline: bool,

    /// Draw the spectrum and the loudness over time into an image: SVG or PNG after the
    /// extension. With several files, each image is named OUT-<file stem>.svg (or .png).
    #[arg(long, value_name = "OUT.svg|OUT.png")]
    pub plot: Option<PathBuf>,

    /// Count a mono channel twice, as if played on two loudspeakers (a -23 dBFS mono sine
    /// then reads -23 LUFS instead of -26).
    #[arg(long)]
    pub dual_mono: bool,

    /// Loudness target the recommendations refer to, in LUFS (-70 to 0).
    #[arg(long, default_value_t = -23.0, allow_negative_numbers = true, value_name = "LUFS")]
    pub target: f64,

    /// Sample format of raw PCM on stdin (`-`).
    #[arg(long, value_enum, value_name = "FMT")]
    pub format: Option<RawFormatArg>,

    /// Sample rate of raw PCM on stdin, in Hz (8000 to 192000).
    #[arg(long, value_name = "HZ")]
    pub rate: Option<u32>,

    /// Channel count of raw PCM on stdin (1 to 8).
    #[arg(long, value_name = "N")]
    pub channels: Option<usize>,

    /// Files analysed at once [default: the number of cores].
    #[arg(long, short = 'j', value_name = "N")]
    pub jobs: Option<usize>,

    /// Live meters ten times a second from a running bot (its id) or from raw PCM on
    /// stdin streamed through the daemon (`-`, with --format, --rate and --channels).
    /// Ctrl-C ends it and prints the summary.
    #[arg(long, value_name = "SOURCE")]
    pub live: Option<String>,

    /// Also store each report in orchd's database (`orch analytics analyses` lists
    /// them; the daemon is started when none runs).
    #[arg(long, conflicts_with = "live")]
    pub save: bool,
}

/// Raw PCM sample formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RawFormatArg {
    /// Signed 16-bit little-endian.
    S16le,
    /// Signed 24-bit little-endian (3 bytes).
    S24le,
    /// 32-bit float little-endian.
    F32le,
}

impl From<RawFormatArg> for RawFormat {
    fn from(f: RawFormatArg) -> Self {
        match f {
            RawFormatArg::S16le => RawFormat::S16Le,
            RawFormatArg::S24le => RawFormat::S24Le,
            RawFormatArg::F32le => RawFormat::F32Le,
        }
    }
}

/// Run `orch analyze`.
pub fn run(ctx: &Ctx, args: AnalyzeArgs) -> orch::Result<()> {
    if let Some(source) = &args.live {
        if !args.files.is_empty() {
            return Err(Error::Invalid(
                "--live takes its source instead of FILE arguments".into(),
            ));
        }
        let raw = match (args.format, args.rate, args.channels) {
            (Some(f), Some(r), Some(c)) => Some((RawFormat::from(f), r, c)),
            _ => None,
        };
        return live::run(ctx, source, raw);
    }
    let opts = AnalysisOptions {
        fft_size: args.fft_size,
        max_peaks: args.peaks,
        timeline: args.timeline || args.plot.is_some(),
        dual_mono: args.dual_mono,
        target_lufs: args.target,
        curve_points: if args.plot.is_some() {
            plot::CURVE_POINTS
        } else {
            0
        },
    };
    opts.validate()?;
    if let Some(p) = &args.plot {
        plot::check_path(p)?;
    }
    let stdin_count = args.files.iter().filter(|f| is_stdin(f)).count();
    if stdin_count > 1 {
        return Err(Error::Invalid("`-` (stdin) can be given only once".into()));
    }
    let raw = if stdin_count == 1 {
        match (args.format, args.rate, args.channels) {
            (Some(f), Some(r), Some(c)) => Some((RawFormat::from(f), r, c)),
            _ => {
                return Err(Error::Invalid(
                    "reading raw PCM from stdin (`-`) needs --format, --rate and --channels".into(),
                ));
            }
        }
    } else {
        None
    };

    let files = &args.files;
    let jobs = args
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .clamp(1, files.len().max(1));
    let progress = (std::io::stderr().is_terminal() && !ctx.out.quiet).then(MultiProgress::new);

    let results: Vec<Mutex<Option<orch::Result<Report>>>> =
        files.iter().map(|_| Mutex::new(None)).collect();
    let next = AtomicUsize::new(0);
    std::thread::scope(|s| {
        for _ in 0..jobs {
            s.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(file) = files.get(i) else { break };
                    let r = analyze_one(file, raw, &opts, progress.as_ref());
                    *results[i].lock().expect("result slot") = Some(r);
                }
            });
        }
    });
    if let Some(p) = &progress {
        let _ = p.clear();
    }

    let several = files.len() > 1;
    let mut failed = 0;
    let mut first_error: Option<Error> = None;
    let mut json_items = Vec::new();
    for (file, slot) in files.iter().zip(results) {
        let result = slot
            .into_inner()
            .expect("result slot")
            .expect("every file analysed");
        match result {
            Ok(mut report) => {
                if let Some(w) = &report.warning {
                    ctx.out.warn(format!("{}: {w}", report.file));
                }
                if let Some(out) = &args.plot {
                    let path = plot::output_path(out, file, several);
                    plot::write(&path, &report)?;
                    ctx.out.note(format!("plot written to {}", path.display()));
                }
                if !args.timeline {
                    report.timeline = None;
                }
                report.spectrum.curve = None;
                if args.save {
                    save(ctx, &report)?;
                }
                if ctx.out.json {
                    json_items.push(Item::Report(Box::new(report)));
                } else {
                    // The report is the data asked for: `-q` drops only progress and notes.
                    ctx.out.data(show::human(&report, ctx.out.color));
                }
            }
            Err(e) => {
                if !several {
                    return Err(e);
                }
                ctx.out.error(&e);
                if ctx.out.json {
                    json_items.push(Item::Error {
                        file: file.display().to_string(),
                        error: e.to_string(),
                        exit_code: e.exit_code().code(),
                    });
                }
                failed += 1;
                first_error.get_or_insert(e);
            }
        }
    }
    if ctx.out.json {
        if several {
            ctx.out.json(&json_items);
        } else if let Some(item) = json_items.first() {
            ctx.out.json(item);
        }
    }
    match first_error {
        // The error lines are already printed: leave with the first one's code.
        Some(e) => Err(Error::Reported {
            failed,
            exit: e.exit_code(),
        }),
        None => Ok(()),
    }
}

/// Store a report in the daemon's database.
fn save(ctx: &Ctx, report: &Report) -> orch::Result<()> {
    let body = serde_json::to_value(report).map_err(|e| Error::Other(e.to_string()))?;
    let msg = crate::connect::request(
        ctx,
        orch::protocol::Request::AnalysisSave {
            source: report.file.clone(),
            report: body,
        },
        crate::connect::reply!(orch::protocol::Response::Ok { message } => message),
    )?;
    ctx.out.note(format!("{}: {msg}", report.file));
    Ok(())
}

/// One element of the `--json` array: a report, or the error of a file that failed.
#[derive(Debug, Serialize)]
#[serde(untagged)]
enum Item {
    Report(Box<Report>),
    Error {
        file: String,
        error: String,
        exit_code: u8,
    },
}

fn is_stdin(p: &Path) -> bool {
    p.as_os_str() == "-"
}

/// Decode and analyse one input, with a progress bar when drawing one.
fn analyze_one(
    file: &Path,
    raw: Option<(RawFormat, u32, usize)>,
    opts: &AnalysisOptions,
    progress: Option<&MultiProgress>,
) -> orch::Result<Report> {
    let (decoder, name) = if is_stdin(file) {
        let (fmt, rate, channels) = raw.expect("raw layout checked");
        let stdin: Box<dyn std::io::Read + Send> = Box::new(std::io::stdin());
        (
            Decoder::from_raw(stdin, fmt, rate, channels)?,
            "-".to_string(),
        )
    } else {
        (Decoder::open(file)?, file.display().to_string())
    };
    let bar = progress.map(|mp| {
        let info = decoder.info();
        let bar = match info.frames {
            Some(total) => ProgressBar::new(total).with_style(
                ProgressStyle::with_template("{prefix} [{bar:30}] {percent:>3}% eta {eta}")
                    .expect("template")
                    .progress_chars("=> "),
            ),
            None => ProgressBar::new_spinner().with_style(
                ProgressStyle::with_template("{prefix} {spinner} {msg}").expect("template"),
            ),
        };
        let bar = mp.add(bar);
        bar.set_draw_target(ProgressDrawTarget::stderr_with_hz(10));
        bar.set_prefix(short_name(&name));
        (bar, info.sample_rate)
    });
    let mut on_progress = |frames: u64| {
        if let Some((bar, rate)) = &bar {
            bar.set_position(frames);
            if bar.length().is_none() {
                bar.set_message(format!("{:.0} s", frames as f64 / *rate as f64));
            }
        }
    };
    let result = analyze_decoder(decoder, &name, opts, &mut on_progress);
    if let Some((bar, _)) = bar {
        bar.finish_and_clear();
    }
    match result {
        // A valid container with no samples has nothing to measure: say so, exit 5.
        Ok(r) if r.frames == 0 => Err(orch::Error::Invalid(format!(
            "{name}: no audio (it decodes to 0 samples)"
        ))),
        other => other,
    }
}

fn short_name(name: &str) -> String {
    let base = Path::new(name)
        .file_name()
        .map_or_else(|| name.to_string(), |f| f.to_string_lossy().to_string());
    if base.chars().count() > 24 {
        let tail: String = base
            .chars()
            .rev()
            .take(23)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        format!("…{tail}")
    } else {
        format!("{base:<24}")
    }
}
