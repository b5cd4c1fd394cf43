//! `orch bot config ID [--set key=value...]`: a bot's effective settings; `--set`
//! changes those that change on a running bot (all checked before any is applied).

use clap::Args;
use orch::Result;
use orch::bots::settings::Settings;
use orch::protocol::{Request, Response};

use super::Ctx;
use crate::connect::{reply, request};
use crate::output::{key_values, printable};

/// Arguments of `orch bot config`.
#[derive(Debug, Args)]
pub struct BotConfigArgs {
    /// Bot id, a unique prefix of it, or the bot's name.
    pub id: String,
    /// Change a setting of the running bot, applied at once and stored: preset=NAME,
    /// max_duration_s=S, silence_timeout_s=S, transcribe=true|false (start, pause or resume),
    /// target_languages=es,fr (a transcribing bot's captions; empty: none),
    /// webcam=on|off, webcam.KEY=VALUE (a webcam setting: see `orch webcam config`).
    /// Repeat for several; an unknown key or a bad value changes nothing (exit 5).
    #[arg(long = "set", value_name = "KEY=VALUE")]
    pub set: Vec<String>,
}

/// Run `orch bot config`.
pub fn run(ctx: &Ctx, a: BotConfigArgs) -> Result<()> {
    let s = request(
        ctx,
        Request::BotConfig {
            id: a.id,
            set: a.set,
        },
        reply!(Response::BotConfig(s) => *s),
    )?;
    if ctx.out.json {
        ctx.out.json(&s);
    } else {
        ctx.out.text(render(&s));
    }
    Ok(())
}

fn render(s: &Settings) -> String {
    let on_off = |b: bool| if b { "on" } else { "off" };
    let mut rows = vec![
        ("id", s.id.clone()),
        ("name", printable(&s.name)),
        ("kind", s.kind.clone()),
        ("source", printable(&s.source)),
        ("state", s.state.clone()),
        ("preset", s.preset.clone()),
        ("language", s.language.clone().unwrap_or_else(|| "-".into())),
        (
            "transcribe",
            if s.transcribe && s.transcribe_paused {
                "paused".into()
            } else {
                on_off(s.transcribe).into()
            },
        ),
        (
            "target languages",
            if s.target_languages.is_empty() {
                "-".into()
            } else {
                s.target_languages.join(", ")
            },
        ),
        (
            "glossary",
            s.glossary.as_deref().map_or("-".into(), printable),
        ),
        ("max duration", format!("{} s", s.max_duration_s)),
        ("silence timeout", format!("{} s", s.silence_timeout_s)),
        ("speed", format!("{}x", s.speed)),
        ("looped", on_off(s.looped).into()),
        (
            "dedup key",
            s.dedup_key.clone().unwrap_or_else(|| "-".into()),
        ),
        (
            "webcam",
            match &s.webcam {
                Some(w) => format!(
                    "{} {} {}x{} at {} fps, {}",
                    w.mode.name(),
                    w.theme.name(),
                    w.width,
                    w.height,
                    w.fps,
                    s.webcam_output
                        .as_deref()
                        .map(printable)
                        .unwrap_or_else(|| "no output".into())
                ),
                None => "off".into(),
            },
        ),
        (
            "changes live",
            if s.live_keys.is_empty() {
                "nothing (the bot has ended)".into()
            } else {
                s.live_keys.join(", ")
            },
        ),
    ];
    if !s.changed.is_empty() {
        rows.push(("changed", s.changed.join(", ")));
    }
    key_values(&rows)
}
