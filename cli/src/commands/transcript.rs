//! `orch transcript show|export`: a bot session's transcript from orchd. `show` prints
//! the lines so far and, with `--follow`, each new line as it is transcribed (NDJSON
//! with `--json`) until the bot ends or Ctrl-C; `export` writes SRT, WebVTT, JSON or
//! text with the speakers' names. `--lang` adds (or, alone, gives) the translations:
//! `--lang es` the Spanish transcript, `--lang en,es` bilingual subtitles.

use std::collections::HashMap;
use std::path::PathBuf;

use clap::{Args, Subcommand};
use orch::lang::Lang;
use orch::protocol::{Event, Request, Response, Topic};
use orch::records::{TranscriptRow, TranslationRow};
use orch::transcribe::Line;
use orch::transcribe::subtitles::{self, CueLimits};
use orch::{Error, Result};

use super::Ctx;
use super::transcribe::TranscriptFormat;
use crate::connect::{ask, block_on, connect, reply};

/// `orch transcript ...`
#[derive(Debug, Subcommand)]
pub enum TranscriptCommand {
    /// Print a session's transcript (of a bot: its newest session).
    Show(ShowArgs),
    /// Write a session's transcript as SRT, WebVTT, JSON or text.
    Export(ExportArgs),
}

/// Arguments of `orch transcript show`.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// A session id, or a bot (id, unique prefix or name) for its newest session.
    #[arg(value_name = "BOT|SESSION")]
    pub target: String,
    /// Keep printing lines as they are transcribed, until the bot ends (Ctrl-C stops).
    #[arg(short, long)]
    pub follow: bool,
    /// Also print each line's translation into these languages (ISO 639-1).
    #[arg(long, value_name = "LANG", value_delimiter = ',')]
    pub lang: Vec<String>,
}

/// Arguments of `orch transcript export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// A session id, or a bot (id, unique prefix or name) for its newest session.
    #[arg(value_name = "BOT|SESSION")]
    pub target: String,
    /// Output format.
    #[arg(long, value_enum, value_name = "FORMAT", default_value = "srt")]
    pub format: TranscriptFormat,
    /// Write here instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// The transcript in these languages, in this order (ISO 639-1): `es` the Spanish
    /// translation, `en,es` two lines per cue. The line's own language is its text.
    #[arg(long, value_name = "LANG", value_delimiter = ',')]
    pub lang: Vec<String>,
}

/// Run `orch transcript`.
pub fn run(ctx: &Ctx, cmd: TranscriptCommand) -> Result<()> {
    match cmd {
        TranscriptCommand::Show(a) => {
            let langs = (!a.lang.is_empty()).then_some(a.lang);
            follow(ctx, a.target, langs, a.follow)
        }
        TranscriptCommand::Export(a) => export(ctx, a),
    }
}

/// Languages as given, checked and in canonical form.
pub fn parse_langs(langs: &[String]) -> Result<Vec<String>> {
    langs
        .iter()
        .map(|l| {
            Lang::parse(l)
                .map(|l| l.to_string())
                .map_err(|e| Error::Invalid(e.to_string()))
        })
        .collect()
}

fn line(r: &TranscriptRow) -> Line {
    Line {
        start_s: r.start_s,
        end_s: r.end_s,
        text: r.text.clone(),
        speaker: r.speaker.clone(),
        language: r.language.clone(),
        confidence: r.confidence,
        chunk: r.chunk_seq,
        words: r.words.clone(),
    }
}

/// The line's text in `lang`: its own text in its own language, else its translation
/// (empty when there is none).
fn text_in(r: &TranscriptRow, lang: &str, by_line: &HashMap<(i64, String), String>) -> String {
    let own = r
        .language
        .as_deref()
        .and_then(|l| Lang::parse(l).ok())
        .zip(Lang::parse(lang).ok())
        .is_some_and(|(a, b)| a.same_language(&b));
    if own {
        return r.text.clone();
    }
    by_line
        .get(&(r.id, lang.to_string()))
        .cloned()
        .unwrap_or_default()
}

fn print_line(ctx: &Ctx, r: &TranscriptRow, translations: &[&TranslationRow]) {
    if ctx.out.json {
        let mut v = serde_json::to_value(r).expect("a line serializes");
        if !translations.is_empty() {
            v["translations"] = serde_json::to_value(translations).expect("rows serialize");
        }
        ctx.out.json(&v);
    } else {
        ctx.out.text(crate::output::printable(
            subtitles::txt(&[line(r)]).trim_end(),
        ));
        for t in translations {
            print_translation(ctx, t);
        }
    }
}

fn print_translation(ctx: &Ctx, t: &TranslationRow) {
    if ctx.out.json {
        ctx.out.json(t);
    } else {
        ctx.out.text(crate::output::printable(&format!(
            "{:11}{}: {}",
            "", t.target_language, t.text
        )));
    }
}

/// Print a session's lines (with their translations into `langs`: every language when
/// empty, none when absent), then, with `follow`, new lines and translations as they
/// come until the bot ends or Ctrl-C. What `orch transcript show` and `orch captions`
/// do.
pub fn follow(ctx: &Ctx, target: String, langs: Option<Vec<String>>, follow: bool) -> Result<()> {
    let langs = langs.map(|l| parse_langs(&l)).transpose()?;
    block_on(async {
        let mut c = connect(ctx).await?;
        if follow {
            // Subscribe first so no line falls between the stored ones and the stream.
            c.subscribe(Request::Subscribe {
                topics: vec![Topic::Bots],
            })
            .await?;
        }
        let req = Request::TranscriptGet {
            target,
            langs: langs.clone(),
        };
        let (session, bot, live, lines, translations) = ask(
            &mut c,
            req,
            reply!(Response::Transcript { session_id, bot_id, live, lines, translations } => (session_id, bot_id, live, lines, translations)),
        )
        .await?;
        let mut last_id = 0;
        // Rows get growing ids: anything at or below the newest one shown is already out.
        let mut last_translation = translations.iter().map(|t| t.id).max().unwrap_or(0);
        for r in &lines {
            let mine: Vec<&TranslationRow> = translations
                .iter()
                .filter(|t| t.transcript_id == r.id)
                .collect();
            print_line(ctx, r, &mine);
            last_id = last_id.max(r.id);
        }
        if lines.is_empty() && !follow {
            ctx.out
                .note(format!("session {session}: no transcript lines"));
        }
        if !follow || !live {
            return Ok(());
        }
        let wanted = |lang: &str| {
            langs
                .as_ref()
                .is_some_and(|l| l.is_empty() || l.iter().any(|x| x == lang))
        };
        loop {
            let next = tokio::select! {
                ev = c.next_event() => ev?,
                _ = tokio::signal::ctrl_c() => None,
            };
            let Some((_, ev)) = next else { break };
            match ev {
                Event::Transcript { line, .. }
                    if line.session_id == session && line.id > last_id =>
                {
                    last_id = line.id;
                    print_line(ctx, &line, &[]);
                }
                Event::Translation { translation: t, .. }
                    if t.session_id == session
                        && wanted(&t.target_language)
                        && t.id > last_translation =>
                {
                    last_translation = t.id;
                    print_translation(ctx, &t);
                }
                Event::BotState { bot_id, to, .. } if bot_id == bot && to.is_terminal() => break,
                _ => {}
            }
        }
        Ok(())
    })
}

fn export(ctx: &Ctx, a: ExportArgs) -> Result<()> {
    let cfg = crate::connect::config(ctx)?.config.transcription;
    let limits = CueLimits {
        max_s: cfg.max_cue_s,
        max_chars: cfg.max_cue_chars,
    };
    let langs = parse_langs(&a.lang)?;
    let (session, lines, translations) = block_on(async {
        let mut c = connect(ctx).await?;
        let req = Request::TranscriptGet {
            target: a.target,
            langs: (!langs.is_empty()).then(|| langs.clone()),
        };
        ask(
            &mut c,
            req,
            reply!(Response::Transcript { session_id, lines, translations, .. } => (session_id, lines, translations)),
        )
        .await
    })?;
    let ls: Vec<Line> = lines.iter().map(line).collect();
    let text = if langs.is_empty() {
        match a.format {
            TranscriptFormat::Txt => subtitles::txt(&ls),
            TranscriptFormat::Srt => subtitles::srt(&ls, limits),
            TranscriptFormat::Vtt => subtitles::vtt(&ls, limits),
            TranscriptFormat::Json => json(&session, &lines, &[]),
        }
    } else {
        let by_line: HashMap<(i64, String), String> = translations
            .iter()
            .map(|t| ((t.transcript_id, t.target_language.clone()), t.text.clone()))
            .collect();
        let texts: Vec<Vec<String>> = lines
            .iter()
            .map(|r| langs.iter().map(|l| text_in(r, l, &by_line)).collect())
            .collect();
        match a.format {
            TranscriptFormat::Txt => subtitles::txt_multi(&ls, &texts, &langs),
            TranscriptFormat::Srt => {
                subtitles::srt_cues(&subtitles::multi_cues(&ls, &texts, limits))
            }
            TranscriptFormat::Vtt => {
                subtitles::vtt_cues(&subtitles::multi_cues(&ls, &texts, limits))
            }
            TranscriptFormat::Json => json(&session, &lines, &translations),
        }
    };
    match &a.output {
        Some(path) => std::fs::write(path, text).map_err(|e| Error::io("cannot write", path, e)),
        None => {
            print!("{text}");
            Ok(())
        }
    }
}

/// The session's lines, each with its translations.
fn json(session: &str, lines: &[TranscriptRow], translations: &[TranslationRow]) -> String {
    let lines: Vec<serde_json::Value> = lines
        .iter()
        .map(|r| {
            let mut v = serde_json::to_value(r).expect("a line serializes");
            let mine: Vec<&TranslationRow> = translations
                .iter()
                .filter(|t| t.transcript_id == r.id)
                .collect();
            if !mine.is_empty() {
                v["translations"] = serde_json::to_value(mine).expect("rows serialize");
            }
            v
        })
        .collect();
    serde_json::to_string(&serde_json::json!({ "session_id": session, "lines": lines }))
        .expect("lines serialize")
        + "\n"
}
