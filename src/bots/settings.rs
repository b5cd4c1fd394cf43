//! The settings of a running bot that `orch bot config --set key=value` changes live:
//! parsed and checked all together, so a bad one changes nothing.

use serde::{Deserialize, Serialize};

use crate::{Error, Result};

/// The keys that change on a running bot, as `--set` spells them.
pub const LIVE_KEYS: [&str; 7] = [
    "preset",
    "max_duration_s",
    "silence_timeout_s",
    "transcribe",
    "target_languages",
    "webcam",
    "webcam.KEY",
];

/// One change.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    /// Switch to this preset (crossfaded, as `orch preset apply`).
    Preset(String),
    /// End the bot after this many seconds of audio.
    MaxDuration(f64),
    /// End the bot after this many seconds without speech.
    SilenceTimeout(f64),
    /// Send audio to speech to text (true) or pause it (false).
    Transcribe(bool),
    /// Translate each line into these languages from now on (none: stop translating).
    TargetLanguages(Vec<crate::lang::Lang>),
    /// Start (true) or stop the bot's webcam.
    Webcam(bool),
    /// `webcam.KEY=VALUE` items, as `KEY=VALUE` (`orch webcam config --set`).
    WebcamSettings(Vec<String>),
}

impl Change {
    /// The key it sets.
    pub fn key(&self) -> &'static str {
        match self {
            Change::Preset(_) => "preset",
            Change::MaxDuration(_) => "max_duration_s",
            Change::SilenceTimeout(_) => "silence_timeout_s",
            Change::Transcribe(_) => "transcribe",
            Change::TargetLanguages(_) => "target_languages",
            Change::Webcam(_) => "webcam",
            Change::WebcamSettings(_) => "webcam settings",
        }
    }
}

/// Parse `key=value` items; the first bad one is the error (exit 5), naming it.
pub fn parse(items: &[String]) -> Result<Vec<Change>> {
    let mut out: Vec<Change> = Vec::new();
    for item in items {
        let (key, value) = item
            .split_once('=')
            .ok_or_else(|| Error::Invalid(format!("`{item}` is not key=value")))?;
        let (key, value) = (key.trim(), value.trim());
        let seconds = |what: &str| -> Result<f64> {
            match value.parse::<f64>() {
                Ok(v) if v.is_finite() && (1.0..=31_536_000.0).contains(&v) => Ok(v),
                _ => Err(Error::Invalid(format!(
                    "{key} = `{value}`: {what} must be 1 to 31536000 seconds"
                ))),
            }
        };
        if let Some(wkey) = key.strip_prefix("webcam.") {
            let pair = format!("{wkey}={value}");
            crate::webcam::Settings::default()
                .with_changes(std::slice::from_ref(&pair))
                .map_err(|e| Error::Invalid(format!("webcam.{e}")))?;
            match out.iter_mut().find_map(|c| match c {
                Change::WebcamSettings(v) => Some(v),
                _ => None,
            }) {
                Some(v) => v.push(pair),
                None => out.push(Change::WebcamSettings(vec![pair])),
            }
            continue;
        }
        let change = match key {
            "webcam" => Change::Webcam(match value {
                "true" | "on" | "yes" => true,
                "false" | "off" | "no" => false,
                _ => {
                    return Err(Error::Invalid(format!("webcam = `{value}`: not on or off")));
                }
            }),
            "preset" => {
                crate::presets::validate_name(value)
                    .map_err(|e| Error::Invalid(format!("preset = `{value}`: {e}")))?;
                Change::Preset(value.to_string())
            }
            "max_duration_s" => Change::MaxDuration(seconds("the longest run")?),
            "silence_timeout_s" => Change::SilenceTimeout(seconds("the silence allowed")?),
            "transcribe" => Change::Transcribe(match value {
                "true" | "on" | "yes" => true,
                "false" | "off" | "no" => false,
                _ => {
                    return Err(Error::Invalid(format!(
                        "transcribe = `{value}`: not true or false"
                    )));
                }
            }),
            "target_languages" => {
                let mut langs: Vec<crate::lang::Lang> = Vec::new();
                for l in value.split(',').map(str::trim).filter(|l| !l.is_empty()) {
                    let lang = crate::lang::Lang::parse(l).map_err(|e| {
                        Error::Invalid(format!("target_languages = `{value}`: {e}"))
                    })?;
                    if !langs.contains(&lang) {
                        langs.push(lang);
                    }
                }
                Change::TargetLanguages(langs)
            }
            _ => {
                return Err(Error::Invalid(format!(
                    "`{key}` is not a setting that changes on a running bot (one of {})",
                    LIVE_KEYS.join(", ")
                )));
            }
        };
        if out.iter().any(|c| c.key() == change.key()) {
            return Err(Error::Invalid(format!("{key} is set twice")));
        }
        out.push(change);
    }
    Ok(out)
}

/// A bot's effective settings (`orch bot config`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Settings {
    pub id: String,
    pub name: String,
    pub kind: String,
    pub source: String,
    pub state: String,
    pub preset: String,
    pub language: Option<String>,
    /// Spawned with transcription (`--transcribe` or `transcription.all_bots`).
    pub transcribe: bool,
    /// Transcription paused by `--set transcribe=false`.
    pub transcribe_paused: bool,
    pub target_languages: Vec<String>,
    pub glossary: Option<String>,
    /// Leave rules in force (the bot's own, else the configuration's).
    pub max_duration_s: f64,
    pub silence_timeout_s: f64,
    pub speed: f64,
    pub looped: bool,
    pub dedup_key: Option<String>,
    /// The running webcam's settings and output, if it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub webcam: Option<crate::webcam::Settings>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub webcam_output: Option<String>,
    /// The keys `--set` may change while the bot runs.
    pub live_keys: Vec<String>,
    /// What this request changed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub changed: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(items: &[&str]) -> Result<Vec<Change>> {
        parse(&items.iter().map(|s| s.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn good_settings_parse_and_bad_ones_name_themselves() {
        assert_eq!(
            p(&["preset=voice", "max_duration_s = 600", "transcribe=off"]).unwrap(),
            [
                Change::Preset("voice".into()),
                Change::MaxDuration(600.0),
                Change::Transcribe(false)
            ]
        );
        let es = crate::lang::Lang::parse("es").unwrap();
        let fr = crate::lang::Lang::parse("fr").unwrap();
        assert_eq!(
            p(&["target_languages=es, fr,es"]).unwrap(),
            [Change::TargetLanguages(vec![es, fr])]
        );
        assert_eq!(
            p(&["target_languages="]).unwrap(),
            [Change::TargetLanguages(vec![])]
        );
        for (bad, says) in [
            (&["color=red"][..], "`color` is not a setting"),
            (&["max_duration_s=0"], "1 to 31536000"),
            (&["silence_timeout_s=soon"], "silence_timeout_s = `soon`"),
            (&["transcribe=maybe"], "not true or false"),
            (&["preset"], "not key=value"),
            (&["preset=a", "preset=b"], "set twice"),
            (&["preset=../x"], "preset = `../x`"),
            (&["target_languages=es,xx1"], "target_languages = `es,xx1`"),
        ] {
            let e = p(bad).unwrap_err().to_string();
            assert!(e.contains(says), "{bad:?}: {e}");
        }
    }
}
