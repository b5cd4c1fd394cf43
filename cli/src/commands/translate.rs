//! `orch translate --from L --to L [TEXT | -]`: one-shot translation through the
//! configured engine (`[translation]`), in-process, no daemon needed. Several lines on
//! standard input are translated one by one, in order.

use std::io::BufRead;
use std::path::PathBuf;

use clap::Args;
use orch::translate::{Glossary, Lang, LineTranslator, Translation};
use orch::{Error, Result};
use serde::Serialize;

use super::Ctx;

/// Arguments of `orch translate`.
#[derive(Debug, Args)]
pub struct TranslateArgs {
    /// Language of the text (ISO 639-1, like en).
    #[arg(long, value_name = "LANG")]
    pub from: String,

    /// Language to translate into (repeatable, or comma-separated).
    #[arg(long, value_name = "LANG", required = true, value_delimiter = ',')]
    pub to: Vec<String>,

    /// A glossary file instead of the configured `translation.glossary`.
    #[arg(long, value_name = "FILE.toml")]
    pub glossary: Option<PathBuf>,

    /// The text; `-` or nothing reads standard input, one line per translation.
    #[arg(value_name = "TEXT")]
    pub text: Option<String>,
}

/// One translated line, as `--json` prints it.
#[derive(Debug, Serialize)]
struct Line<'a> {
    from: &'a Lang,
    source: &'a str,
    #[serde(flatten)]
    translation: &'a Translation,
}

/// Run `orch translate`.
pub fn run(ctx: &Ctx, args: TranslateArgs) -> Result<()> {
    let from = Lang::parse(&args.from)?;
    let targets = args
        .to
        .iter()
        .map(|t| Lang::parse(t))
        .collect::<Result<Vec<_>, _>>()?;
    let config = crate::connect::config(ctx)?.config;
    let mut translator = LineTranslator::from_config(&config.translation)?;
    if let Some(path) = &args.glossary {
        if !path.exists() {
            return Err(Error::FileNotFound {
                what: "glossary",
                path: path.clone(),
            });
        }
        translator = translator
            .with_glossary(Glossary::load(path).map_err(|e| Error::Invalid(e.to_string()))?);
    }
    let one = |text: &str| -> Result<()> {
        for to in &targets {
            let t = translator.line(text, &from, to)?;
            if ctx.out.json {
                ctx.out.json(&Line {
                    from: &from,
                    source: text,
                    translation: &t,
                });
            } else if targets.len() > 1 {
                ctx.out.text(format!("{to}\t{}", t.text));
            } else {
                ctx.out.text(&t.text);
            }
        }
        Ok(())
    };
    match args.text.as_deref() {
        Some(text) if text != "-" => one(text),
        _ => {
            for line in std::io::stdin().lock().lines() {
                let line = line.map_err(|e| Error::io("cannot read", "standard input", e))?;
                one(&line)?;
            }
            Ok(())
        }
    }
}
