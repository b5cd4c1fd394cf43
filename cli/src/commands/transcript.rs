//! `orch transcript show|export`: a bot session's transcript from orchd. `show` prints
//! the lines so far and, with `--follow`, each new line as it is transcribed (NDJSON
//! with `--json`) until the bot ends or Ctrl-C; `export` writes SRT, WebVTT, JSON or
//! text with the speakers' names.

use std::path::PathBuf;

use clap::{Args, Subcommand};
use orch::protocol::{Event, Request, Response, Topic};
use orch::records::TranscriptRow;
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
}

/// Run `orch transcript`.
pub fn run(ctx: &Ctx, cmd: TranscriptCommand) -> Result<()> {
    match cmd {
        TranscriptCommand::Show(a) => show(ctx, a),
        TranscriptCommand::Export(a) => export(ctx, a),
    }
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

fn print(ctx: &Ctx, r: &TranscriptRow) {
    if ctx.out.json {
        ctx.out.json(r);
    } else {
        ctx.out.text(crate::output::printable(
            subtitles::txt(&[line(r)]).trim_end(),
        ));
    }
}

fn show(ctx: &Ctx, a: ShowArgs) -> Result<()> {
    block_on(async {
        let mut c = connect(ctx).await?;
        if a.follow {
            // Subscribe first so no line falls between the stored ones and the stream.
            c.subscribe(Request::Subscribe {
                topics: vec![Topic::Bots],
            })
            .await?;
        }
        let req = Request::TranscriptGet {
            target: a.target.clone(),
        };
        let (session, bot, live, lines) = ask(
            &mut c,
            req,
            reply!(Response::Transcript { session_id, bot_id, live, lines } => (session_id, bot_id, live, lines)),
        )
        .await?;
        let mut last_id = 0;
        for r in &lines {
            print(ctx, r);
            last_id = last_id.max(r.id);
        }
        if lines.is_empty() && !a.follow {
            ctx.out
                .note(format!("session {session}: no transcript lines"));
        }
        if !a.follow || !live {
            return Ok(());
        }
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
                    print(ctx, &line);
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
    let (session, lines) = block_on(async {
        let mut c = connect(ctx).await?;
        let req = Request::TranscriptGet { target: a.target };
        ask(
            &mut c,
            req,
            reply!(Response::Transcript { session_id, lines, .. } => (session_id, lines)),
        )
        .await
    })?;
    let ls: Vec<Line> = lines.iter().map(line).collect();
    let text = match a.format {
        TranscriptFormat::Txt => subtitles::txt(&ls),
        TranscriptFormat::Srt => subtitles::srt(&ls, limits),
        TranscriptFormat::Vtt => subtitles::vtt(&ls, limits),
        TranscriptFormat::Json => {
            serde_json::to_string(&serde_json::json!({ "session_id": session, "lines": lines }))
                .expect("lines serialize")
                + "\n"
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
