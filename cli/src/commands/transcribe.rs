//! `orch transcribe FILE...`: speech to text in-process, no daemon needed. Each file is
//! decoded, run through the DSP chain (`--preset`, or `transcription.preset`; `--bypass`
//! sends it as it is), cut into chunks at speech pauses and sent to the configured
//! engine (`[transcription]`); the transcript is printed or written as text, JSON, SRT or
//! WebVTT. `--translate es,fr` also translates every line through the configured
//! translation engine (`[translation]`) and writes one file per language next to the
//! output (`talk.srt`, `talk.es.srt`, `talk.fr.srt`); on standard output each line is
//! followed by its translations.

use std::path::{Path, PathBuf};
use std::time::Instant;

use clap::{Args, ValueEnum};
use orch::lang::Lang;
use orch::transcribe::chunker::ChunkerStats;
use orch::transcribe::file::{FileTranscript, Options, transcribe_files};
use orch::transcribe::subtitles::{self, CueLimits, Format};
use orch::transcribe::{ChunkingParams, Engine, Line};
use orch::{Error, Result};
use serde::Serialize;

use super::Ctx;

/// Output formats of transcripts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TranscriptFormat {
    /// `[hh:mm:ss] Speaker: text`, a line each.
    Txt,
    /// One JSON object: lines with times, speakers, words, and the chunk counts.
    Json,
    /// SubRip subtitles.
    Srt,
    /// WebVTT subtitles.
    Vtt,
}

impl TranscriptFormat {
    fn format(self) -> Format {
        match self {
            TranscriptFormat::Txt => Format::Txt,
            TranscriptFormat::Json => Format::Json,
            TranscriptFormat::Srt => Format::Srt,
            TranscriptFormat::Vtt => Format::Vtt,
        }
    }
}

/// Arguments of `orch transcribe`.
#[derive(Debug, Args)]
pub struct TranscribeArgs {
    /// Audio files (WAV, FLAC, MP3, Ogg Vorbis, AAC/M4A).
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<PathBuf>,

    /// DSP preset the audio runs through first [default: `transcription.preset`].
    #[arg(long, value_name = "NAME", conflicts_with = "bypass")]
    pub preset: Option<String>,

    /// Send the audio as it is, without the DSP chain.
    #[arg(long)]
    pub bypass: bool,

    /// Output format [default: from -o's extension, else txt (json with --json)].
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<TranscriptFormat>,

    /// Write here instead of standard output; a directory for several files (each
    /// written as NAME.FORMAT inside it).
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<PathBuf>,

    /// Language of the speech (ISO 639-1, like en) [default: `transcription.language`,
    /// else the engine detects it].
    #[arg(long, value_name = "LANG")]
    pub language: Option<String>,

    /// The engine's base URL [default: `transcription.url`].
    #[arg(long, value_name = "URL")]
    pub url: Option<String>,

    /// Also translate the transcript into these languages (ISO 639-1) through
    /// `[translation]`: with -o, one file per language next to it (NAME.LANG.FORMAT).
    #[arg(long, value_name = "LANG", value_delimiter = ',')]
    pub translate: Vec<String>,
}

/// The translations `--translate` asks for: the translator and the target languages.
struct Translate {
    translator: orch::translate::LineTranslator,
    langs: Vec<Lang>,
    /// The language of lines the engine did not label.
    source: Option<Lang>,
}

/// One file's transcript, as `--format json` writes it.
#[derive(Debug, Serialize)]
struct Report<'a> {
    file: String,
    duration_s: f64,
    language: Option<&'a str>,
    engine: &'static str,
    lines: &'a [Line],
    /// Each line's text in each `--translate` language, in line order.
    #[serde(skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    translations: std::collections::BTreeMap<String, Vec<String>>,
    chunks: ChunkerStats,
    /// Seconds the engine spent, summed over requests.
    engine_s: f64,
}

/// Run `orch transcribe`.
pub fn run(ctx: &Ctx, args: TranscribeArgs) -> Result<()> {
    let loaded = crate::connect::config(ctx)?.config;
    let mut config = loaded.transcription;
    if let Some(url) = &args.url {
        config.url = url.clone();
        config.validate()?;
    }
    let language = args.language.as_deref().map(Lang::parse).transpose()?;
    let format = match (args.format, &args.output) {
        (Some(f), _) => f.format(),
        (None, Some(out)) if args.files.len() == 1 => {
            Format::from_extension(out).unwrap_or(Format::Txt)
        }
        _ if ctx.out.json => Format::Json,
        _ => Format::Txt,
    };
    let several = args.files.len() > 1;
    if several && args.output.is_none() && matches!(format, Format::Srt | Format::Vtt) {
        return Err(Error::Usage(format!(
            "{} subtitles of several files need -o DIR (a file each)",
            format.name()
        )));
    }
    if several && let Some(dir) = &args.output {
        std::fs::create_dir_all(dir).map_err(|e| Error::io("cannot create", dir, e))?;
    }
    for f in &args.files {
        if !f.exists() {
            return Err(Error::FileNotFound {
                what: "audio file",
                path: f.clone(),
            });
        }
    }
    let preset = match (&args.preset, args.bypass) {
        (_, true) => None,
        (Some(p), false) => Some(p.clone()),
        (None, false) if config.preset == "none" => None,
        (None, false) => Some(config.preset.clone()),
    };
    let chain = match preset {
        Some(p) => Some(super::preset::resolve_chain(ctx, Some(&p))?.1),
        None => None,
    };
    let engine = Engine::from_config(&config)?.with_language(language);
    let translate = if args.translate.is_empty() {
        None
    } else {
        Some(Translate {
            translator: orch::translate::LineTranslator::from_config(&loaded.translation)?,
            langs: args
                .translate
                .iter()
                .map(|l| Lang::parse(l))
                .collect::<std::result::Result<_, _>>()?,
            source: engine.language().cloned(),
        })
    };
    let opts = Options {
        chain,
        chunking: ChunkingParams::from_config(&config),
        in_flight: config.max_in_flight,
    };
    let limits = CueLimits {
        max_s: config.max_cue_s,
        max_chars: config.max_cue_chars,
    };
    let total: Option<u64> = args
        .files
        .iter()
        .map(|f| {
            orch::audio::Decoder::open(f)
                .ok()
                .and_then(|d| d.info().frames)
        })
        .sum();
    let bar = super::process::progress(ctx, total, "transcribing");
    let started = Instant::now();
    let mut failed = None::<Error>;
    let mut failures = 0;
    let result = transcribe_files(
        &args.files,
        &engine,
        &opts,
        &|_, frames| bar.inc(frames),
        |i, t| match t.and_then(|t| {
            let translated = translate_lines(translate.as_ref(), &t)?;
            emit(
                ctx,
                &args,
                &engine,
                &t,
                &translated,
                format,
                limits,
                several,
            )
        }) {
            Ok(()) => {}
            Err(e) => {
                bar.suspend(|| {
                    ctx.out
                        .error(&Error::Invalid(format!("{}: {e}", args.files[i].display())))
                });
                failures += 1;
                failed.get_or_insert(e);
            }
        },
    );
    bar.finish_and_clear();
    result?;
    note_done(ctx, &args, started);
    match failed {
        Some(e) if several => Err(Error::Reported {
            failed: failures,
            exit: e.exit_code(),
        }),
        Some(e) => Err(e),
        None => Ok(()),
    }
}

fn note_done(ctx: &Ctx, args: &TranscribeArgs, started: Instant) {
    if args.output.is_some() {
        ctx.out.note(format!(
            "transcribed {} file(s) in {:.1} s",
            args.files.len(),
            started.elapsed().as_secs_f64()
        ));
    }
}

/// Each `--translate` language and the file's lines in it.
fn translate_lines(
    translate: Option<&Translate>,
    t: &FileTranscript,
) -> Result<Vec<(Lang, Vec<Line>)>> {
    let Some(tr) = translate else {
        return Ok(Vec::new());
    };
    let mut out = Vec::new();
    for to in &tr.langs {
        let mut lines = Vec::with_capacity(t.lines.len());
        for l in &t.lines {
            let from = l
                .language
                .as_deref()
                .and_then(|l| Lang::parse(l).ok())
                .or_else(|| tr.source.clone())
                .ok_or_else(|| {
                    Error::Invalid(
                        "the speech's language is unknown: give --language to translate".into(),
                    )
                })?;
            let text = tr.translator.line(&l.text, &from, to)?.text;
            lines.push(Line {
                text,
                language: Some(to.to_string()),
                // The words' times belong to the original; cues spread the translation.
                words: Vec::new(),
                ..l.clone()
            });
        }
        out.push((to.clone(), lines));
    }
    Ok(out)
}

/// Print or write one file's transcript (and its translations).
#[allow(clippy::too_many_arguments)]
fn emit(
    ctx: &Ctx,
    args: &TranscribeArgs,
    engine: &Engine,
    t: &FileTranscript,
    translated: &[(Lang, Vec<Line>)],
    format: Format,
    limits: CueLimits,
    several: bool,
) -> Result<()> {
    if t.lines.is_empty() {
        ctx.out.note(format!(
            "{}: no speech found (the transcript is empty)",
            t.path.display()
        ));
    }
    let render = |lines: &[Line]| match format {
        Format::Txt => subtitles::txt(lines),
        Format::Srt => subtitles::srt(lines, limits),
        Format::Vtt => subtitles::vtt(lines, limits),
        Format::Json => {
            let report = Report {
                file: t.path.display().to_string(),
                duration_s: t.duration_s,
                language: t.language.as_deref(),
                engine: engine.name(),
                lines,
                translations: Default::default(),
                chunks: t.chunks,
                engine_s: t.engine_s,
            };
            serde_json::to_string(&report).expect("reports serialize") + "\n"
        }
    };
    match &args.output {
        Some(out) => {
            let path = if several {
                file_in(out, &t.path, format)
            } else {
                out.clone()
            };
            std::fs::write(&path, render(&t.lines))
                .map_err(|e| Error::io("cannot write", &path, e))?;
            for (lang, lines) in translated {
                let path = with_lang(&path, lang);
                std::fs::write(&path, render(lines))
                    .map_err(|e| Error::io("cannot write", &path, e))?;
            }
            Ok(())
        }
        None => {
            if several && format == Format::Txt {
                ctx.out.text(format!("==> {} <==", t.path.display()));
            }
            // On standard output, the languages together: each line, then its
            // translations (bilingual cues in SRT and WebVTT).
            let text = if translated.is_empty() {
                render(&t.lines)
            } else {
                let texts: Vec<Vec<String>> = (0..t.lines.len())
                    .map(|i| {
                        std::iter::once(t.lines[i].text.clone())
                            .chain(translated.iter().map(|(_, ls)| ls[i].text.clone()))
                            .collect()
                    })
                    .collect();
                let mut langs = vec![t.language.clone().unwrap_or_default()];
                langs.extend(translated.iter().map(|(l, _)| l.to_string()));
                match format {
                    Format::Txt => subtitles::txt_multi(&t.lines, &texts, &langs),
                    Format::Srt => {
                        subtitles::srt_cues(&subtitles::multi_cues(&t.lines, &texts, limits))
                    }
                    Format::Vtt => {
                        subtitles::vtt_cues(&subtitles::multi_cues(&t.lines, &texts, limits))
                    }
                    Format::Json => {
                        let report = Report {
                            file: t.path.display().to_string(),
                            duration_s: t.duration_s,
                            language: t.language.as_deref(),
                            engine: engine.name(),
                            lines: &t.lines,
                            translations: translated
                                .iter()
                                .map(|(l, ls)| {
                                    (l.to_string(), ls.iter().map(|l| l.text.clone()).collect())
                                })
                                .collect(),
                            chunks: t.chunks,
                            engine_s: t.engine_s,
                        };
                        serde_json::to_string(&report).expect("reports serialize") + "\n"
                    }
                }
            };
            if format == Format::Json {
                print!("{text}");
            } else {
                ctx.out.text(text.trim_end_matches('\n'));
            }
            Ok(())
        }
    }
}

/// `talk.srt` -> `talk.es.srt`: a translation's file next to the original.
fn with_lang(path: &Path, lang: &Lang) -> PathBuf {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let name = match path.extension() {
        Some(ext) => format!("{stem}.{lang}.{}", ext.to_string_lossy()),
        None => format!("{stem}.{lang}"),
    };
    path.with_file_name(name)
}

/// `DIR/STEM.EXT` for one of several inputs.
fn file_in(dir: &Path, input: &Path, format: Format) -> PathBuf {
    let stem = input
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "transcript".into());
    dir.join(format!("{stem}.{}", format.name()))
}
