//! The preset file: what `orch preset export` writes and `orch preset import` reads.
//!
//! A preset file is a chain file (see `docs/chain.md`) whose `version` key is replaced by
//! `format_version` and which carries a `[preset]` table:
//!
//! ```toml
//! format_version = 1          # this file format (and the chain format inside it)
//!
//! [preset]
//! name = "my_voice"           # [a-z0-9][a-z0-9_-]{0,63}
//! description = "Speech with more presence"
//! category = "voice"          # optional, default "user"
//!
//! [[stage]]                   # the chain: one table per stage, in processing order
//! type = "compression"
//! threshold_db = -18.0
//! ratio = 2.5
//! ```
//!
//! Unknown keys are refused. Errors name the file, the line and the key.

use serde::Deserialize;

use super::Preset;
use super::model::{DEFAULT_CATEGORY, validate_category, validate_description, validate_name};
use crate::dsp::chain::{CHAIN_VERSION, ChainConfig};
use crate::{Error, Result};

/// The preset file format version this build reads and writes.
pub const FORMAT_VERSION: u32 = 1;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    format_version: Option<toml::Spanned<toml::Value>>,
    preset: Option<RawHeader>,
    #[serde(default)]
    #[allow(dead_code)]
    stage: Vec<toml::Table>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHeader {
    name: toml::Spanned<String>,
    #[serde(default)]
    description: Option<toml::Spanned<String>>,
    #[serde(default)]
    category: Option<toml::Spanned<String>>,
}

/// 1-based line of byte offset `pos`.
fn line_of(text: &str, pos: usize) -> usize {
    text[..pos.min(text.len())].matches('\n').count() + 1
}

/// The preset as a preset file: the header, then per stage `type`, `enabled` and the
/// gains first and the stage's parameters after them.
pub fn to_file_string(preset: &Preset) -> String {
    let quote = |s: &str| toml::Value::String(s.to_string()).to_string();
    let mut out = format!(
        "# orch preset (docs/presets.md). Import with `orch preset import FILE`.\n\
         format_version = {FORMAT_VERSION}\n\n\
         [preset]\nname = {}\ndescription = {}\ncategory = {}\n",
        quote(&preset.name),
        quote(&preset.description),
        quote(&preset.category),
    );
    for s in &preset.chain.stages {
        out.push_str(&format!(
            "\n[[stage]]\ntype = {}\nenabled = {}\ngain_in_db = {}\ngain_out_db = {}\n",
            quote(s.kind().name()),
            s.enabled,
            toml::Value::Float(s.gain_in_db),
            toml::Value::Float(s.gain_out_db),
        ));
        let mut doc = toml::Table::new();
        doc.insert(
            "stage".into(),
            toml::Value::Array(vec![toml::Value::Table(s.params.to_table())]),
        );
        let text = toml::to_string(&doc).expect("stage parameters serialize");
        // `[[stage]]` comes first in `text`: the parameters follow it.
        let body = text
            .trim_start()
            .strip_prefix("[[stage]]\n")
            .unwrap_or(&text);
        out.push_str(body);
    }
    out
}

/// Parse and validate a preset file. `origin` (the file name) starts every error,
/// followed by the line and key at fault. The result is a user preset.
pub fn from_file_str(text: &str, origin: &str) -> Result<Preset> {
    let fail = |line: Option<usize>, msg: String| {
        Error::Invalid(match line {
            Some(l) => format!("{origin}: line {l}: {msg}"),
            None => format!("{origin}: {msg}"),
        })
    };
    let raw: RawFile = toml::from_str(text).map_err(|e| {
        let line = e.span().map(|s| line_of(text, s.start));
        let msg = e.message().trim().lines().next().unwrap_or("").to_string();
        fail(
            line,
            msg.replace("unknown field", "unknown key")
                .replace("missing field", "missing key"),
        )
    })?;
    let version = raw.format_version.ok_or_else(|| {
        fail(
            None,
            format!("missing `format_version = {FORMAT_VERSION}` at the top"),
        )
    })?;
    match version.get_ref() {
        toml::Value::Integer(v) if *v == i64::from(FORMAT_VERSION) => {}
        other => {
            return Err(fail(
                Some(line_of(text, version.span().start)),
                format!(
                    "key `format_version`: unsupported preset format {other} \
                     (this orch reads {FORMAT_VERSION})"
                ),
            ));
        }
    }
    let header = raw.preset.ok_or_else(|| {
        fail(
            None,
            "missing the `[preset]` table (name, description, category)".into(),
        )
    })?;
    let at = |span: std::ops::Range<usize>, key: &str, e: Error| {
        fail(
            Some(line_of(text, span.start)),
            format!("key `preset.{key}`: {e}"),
        )
    };
    let name = header.name.get_ref().clone();
    validate_name(&name).map_err(|e| at(header.name.span(), "name", e))?;
    let description = match &header.description {
        Some(d) => {
            validate_description(d.get_ref()).map_err(|e| at(d.span(), "description", e))?;
            d.get_ref().clone()
        }
        None => String::new(),
    };
    let category = match &header.category {
        Some(c) => {
            validate_category(c.get_ref()).map_err(|e| at(c.span(), "category", e))?;
            c.get_ref().clone()
        }
        None => DEFAULT_CATEGORY.to_string(),
    };
    let chain = ChainConfig::from_toml_str(&chain_text(text), origin)?;
    Ok(Preset {
        name,
        description,
        category,
        builtin: false,
        chain,
    })
}

/// The chain part of a (structurally valid) preset file as chain-file text with the same
/// line numbers: the top-level keys become `version = 1` on the first line, the
/// `[preset]` table becomes blank lines, the `[[stage]]` tables are kept as they are.
fn chain_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    out.push_str(&format!("version = {CHAIN_VERSION}"));
    let mut keep = false;
    for (i, line) in text.split_inclusive('\n').enumerate() {
        let t = line.trim_start();
        if t.starts_with('[') {
            let header = t.trim_start_matches('[').trim_start();
            keep =
                !(header.starts_with("preset") && header[6..].trim_start().starts_with([']', '.']));
        }
        if i > 0 && keep {
            out.push_str(line);
        } else if line.ends_with('\n') {
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::presets::builtin::builtins;

    #[test]
    fn every_builtin_round_trips_through_a_file() {
        for b in builtins() {
            let text = to_file_string(&b);
            let back = from_file_str(&text, "x.toml").unwrap_or_else(|e| panic!("{e}\n{text}"));
            assert_eq!(back.chain, b.chain);
            assert_eq!(
                (&back.name, &back.description, &back.category),
                (&b.name, &b.description, &b.category)
            );
            assert!(!back.builtin);
        }
    }

    fn err(text: &str) -> String {
        from_file_str(text, "p.toml").unwrap_err().to_string()
    }

    #[test]
    fn minimal_file_and_defaults() {
        let p = from_file_str(
            "format_version = 1\n[preset]\nname = \"x\"\n[[stage]]\ntype = \"limiter\"\n",
            "p.toml",
        )
        .unwrap();
        assert_eq!(p.category, "user");
        assert_eq!(p.description, "");
        assert_eq!(p.chain.stages.len(), 1);
        // The header may come after the stages too.
        let p = from_file_str(
            "format_version = 1\n[[stage]]\ntype = \"limiter\"\n\n[preset]\nname = \"y\"\n",
            "p.toml",
        )
        .unwrap();
        assert_eq!(p.name, "y");
    }

    #[test]
    fn errors_name_file_line_and_key() {
        let head = "format_version = 1\n[preset]\nname = \"x\"\n";
        let e = err(&format!(
            "{head}[[stage]]\ntype = \"compression\"\n\nratio = 0.5\n"
        ));
        assert_eq!(
            e,
            "p.toml: line 7: stage `compression`: parameter `ratio` = 0.5 is invalid (allowed: 1 to 20)"
        );
        let e = err(&format!(
            "{head}[[stage]]\ntype = \"compression\"\nratoi = 3\n"
        ));
        assert!(
            e.starts_with("p.toml: line 6: stage #1: unknown key `ratoi`"),
            "{e}"
        );
        let e = err("format_version = 1\n[preset]\nname = \"Bad Name\"\n");
        assert!(
            e.starts_with("p.toml: line 3: key `preset.name`: preset name `Bad Name` is invalid"),
            "{e}"
        );
        let e = err("format_version = 1\n[preset]\nname = \"x\"\ncolour = \"red\"\n");
        assert!(e.starts_with("p.toml: line 4: unknown key `colour`"), "{e}");
        let e = err("format_version = 1\nversion = 1\n[preset]\nname = \"x\"\n");
        assert!(
            e.starts_with("p.toml: line 2: unknown key `version`"),
            "{e}"
        );
        let e = err("format_version = 2\n[preset]\nname = \"x\"\n");
        assert!(
            e.starts_with("p.toml: line 1: key `format_version`: unsupported"),
            "{e}"
        );
        let e = err("[preset]\nname = \"x\"\n");
        assert!(e.contains("missing `format_version = 1`"), "{e}");
        let e = err("format_version = 1\n");
        assert!(e.contains("missing the `[preset]` table"), "{e}");
        let e = err("format_version = 1\n[preset]\ndescription = \"d\"\n");
        assert!(e.contains("missing key `name`"), "{e}");
        let e = err("format_version = 1\n[preset]\nname = \"x\"\ncategory = \"A B\"\n");
        assert!(
            e.starts_with("p.toml: line 4: key `preset.category`"),
            "{e}"
        );
        let e = err("format_version = 1\n[preset\n");
        assert!(e.starts_with("p.toml: line 2:"), "{e}");
        let e = err(&format!("{head}[[stage]]\ntype = \"reverb\"\n"));
        assert!(
            e.starts_with("p.toml: line 5: stage #1: key `type`: unknown stage"),
            "{e}"
        );
    }
}
