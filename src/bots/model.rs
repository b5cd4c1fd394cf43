//! What a bot is: its spec (what `orch bot spawn` asks for) and its info (what
//! `orch bot status` shows).

use serde::{Deserialize, Serialize};

use super::{BotState, Reason};
use crate::analysis::Meters;
use crate::audio::pcm::RawFormat;
use crate::dsp::pipeline::PipelineMetrics;
use crate::{Error, Result};

/// Where a bot's audio comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BotKind {
    /// Replays an audio file in real time.
    File,
    /// Runs a program that writes audio to stdout.
    Command,
    /// Hands a meeting URL to the configured meeting-bot program, which streams audio
    /// back over the bot protocol.
    Meeting,
}

impl BotKind {
    /// The name used in the database, flags and JSON.
    pub fn name(self) -> &'static str {
        match self {
            BotKind::File => "file",
            BotKind::Command => "command",
            BotKind::Meeting => "meeting",
        }
    }

    /// Parse a kind name.
    pub fn from_name(s: &str) -> Option<BotKind> {
        [BotKind::File, BotKind::Command, BotKind::Meeting]
            .into_iter()
            .find(|k| k.name() == s)
    }
}

/// Meeting platforms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Platform {
    /// Google Meet.
    GoogleMeet,
    /// Zoom.
    Zoom,
    /// Microsoft Teams.
    Teams,
}

impl Platform {
    /// The name used in flags and JSON.
    pub fn name(self) -> &'static str {
        match self {
            Platform::GoogleMeet => "google_meet",
            Platform::Zoom => "zoom",
            Platform::Teams => "teams",
        }
    }
}

/// The format of raw PCM a command writes.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct RawInput {
    /// Sample encoding.
    pub format: RawFormat,
    /// Samples per second.
    pub sample_rate: u32,
    /// Channels (interleaved).
    pub channels: usize,
}

/// Everything `orch bot spawn` asks for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BotSpec {
    /// Kind of source.
    pub kind: BotKind,
    /// A human name (default: the id).
    pub name: Option<String>,
    /// File path (file), shell command line or template name (command).
    pub source: Option<String>,
    /// Meeting URL (meeting).
    pub meeting_url: Option<String>,
    /// Meeting platform (meeting).
    pub platform: Option<Platform>,
    /// DSP preset (default: the configured default preset).
    pub preset: Option<String>,
    /// Spoken language (ISO 639-1), for transcription.
    pub language: Option<String>,
    /// Transcribe the bot's cleaned audio (`[transcription]`).
    #[serde(default)]
    pub transcribe: bool,
    /// Languages to translate into.
    #[serde(default)]
    pub target_languages: Vec<String>,
    /// A glossary for this bot's translations (absolute path), instead of
    /// `translation.glossary`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub glossary: Option<std::path::PathBuf>,
    /// Refuse a second live bot with the same key (the same meeting joined twice).
    pub dedup_key: Option<String>,
    /// Playback speed of a file bot (1.0 = real time).
    #[serde(default = "one")]
    pub speed: f64,
    /// Loop a file bot forever.
    #[serde(default)]
    pub looped: bool,
    /// Raw PCM format of a command's stdout; `None` means a container symphonia decodes.
    pub raw: Option<RawInput>,
    /// End the bot after this many seconds (default from the configuration).
    pub max_duration_s: Option<f64>,
    /// End the bot after this many seconds without speech (default from the configuration).
    pub silence_timeout_s: Option<f64>,
    /// A virtual webcam started with the bot (and stopped with it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub webcam: Option<WebcamSpec>,
}

/// The webcam of `orch bot spawn --webcam`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct WebcamSpec {
    /// `key=value` settings over `[webcam]`.
    #[serde(default)]
    pub set: Vec<String>,
    /// `y4m:PATH` or `v4l2:/dev/videoN`.
    #[serde(default)]
    pub output: Option<String>,
}

/// The longest `--max-duration` or `--silence-timeout`: one year, in seconds.
pub const MAX_DURATION_S: f64 = 31_536_000.0;
/// The longest bot name, in characters.
pub const MAX_NAME_LEN: usize = 64;

/// Check a bot name: 1 to 64 of `A-Z a-z 0-9 _ - .`, starting with a letter or digit, so
/// a name can never carry terminal escapes or swell a listing.
pub fn validate_name(name: &str) -> Result<()> {
    let mut chars = name.chars();
    let ok = matches!(chars.next(), Some(c) if c.is_ascii_alphanumeric())
        && name.len() <= MAX_NAME_LEN
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'));
    if ok {
        return Ok(());
    }
    let shown: String = name.chars().take(MAX_NAME_LEN).collect();
    Err(Error::Invalid(format!(
        "--name {:?}{} is invalid: use 1 to {MAX_NAME_LEN} letters, digits, `_`, `-` or `.`, \
         starting with a letter or digit",
        shown,
        if shown.len() < name.len() { "..." } else { "" }
    )))
}

fn one() -> f64 {
    1.0
}

impl BotSpec {
    /// A spec of `kind` with everything else unset.
    pub fn new(kind: BotKind) -> BotSpec {
        BotSpec {
            kind,
            name: None,
            source: None,
            meeting_url: None,
            platform: None,
            preset: None,
            language: None,
            transcribe: false,
            target_languages: Vec::new(),
            glossary: None,
            dedup_key: None,
            speed: 1.0,
            looped: false,
            raw: None,
            max_duration_s: None,
            silence_timeout_s: None,
            webcam: None,
        }
    }

    /// Check the spec for its kind; errors are one line and say which flag is wrong.
    pub fn validate(&self) -> Result<()> {
        let bad = |m: String| Err(Error::Invalid(m));
        match self.kind {
            BotKind::File | BotKind::Command => {
                if self.source.as_deref().is_none_or(|s| s.trim().is_empty()) {
                    return bad(format!("a {} bot needs --source", self.kind.name()));
                }
                if self.meeting_url.is_some() || self.platform.is_some() {
                    return bad(format!(
                        "--meeting-url and --platform are for meeting bots, not {} bots",
                        self.kind.name()
                    ));
                }
            }
            BotKind::Meeting => {
                let Some(url) = self.meeting_url.as_deref() else {
                    return bad("a meeting bot needs --meeting-url".into());
                };
                if !(url.starts_with("https://") || url.starts_with("http://")) {
                    return bad(format!("--meeting-url `{url}` is not an http(s) URL"));
                }
                if self.platform.is_none() {
                    return bad("a meeting bot needs --platform (google-meet, zoom, teams)".into());
                }
            }
        }
        if self.kind != BotKind::File && (self.speed != 1.0 || self.looped) {
            return bad("--speed and --loop are for file bots".into());
        }
        if !(self.speed.is_finite() && (0.1..=100.0).contains(&self.speed)) {
            return bad(format!("--speed {} is outside 0.1 to 100", self.speed));
        }
        if let Some(r) = &self.raw {
            crate::audio::decode::check_layout("--rate/--channels", r.sample_rate, r.channels)?;
        }
        if let Some(name) = &self.name {
            validate_name(name)?;
        }
        for (flag, v) in [
            ("--max-duration", self.max_duration_s),
            ("--silence-timeout", self.silence_timeout_s),
        ] {
            if let Some(v) = v
                && !(v.is_finite() && (0.1..=MAX_DURATION_S).contains(&v))
            {
                return bad(format!(
                    "{flag} {v} is outside 0.1 to {MAX_DURATION_S} seconds (one year)"
                ));
            }
        }
        for l in self.language.iter().chain(&self.target_languages) {
            crate::lang::Lang::parse(l)?;
        }
        if let Some(w) = &self.webcam {
            crate::webcam::Settings::default()
                .with_changes(&w.set)
                .map_err(|e| Error::Invalid(format!("--webcam-set {e}")))?;
            if let Some(o) = &w.output {
                crate::webcam::Output::parse(o)
                    .map_err(|e| Error::Invalid(format!("--webcam-output {e}")))?;
            }
        }
        if let Some(k) = &self.dedup_key
            && k.trim().is_empty()
        {
            return bad("--dedup-key must not be empty".into());
        }
        Ok(())
    }

    /// What to show as the source: file, command or meeting URL.
    pub fn source_label(&self) -> String {
        match self.kind {
            BotKind::Meeting => self.meeting_url.clone().unwrap_or_default(),
            _ => self.source.clone().unwrap_or_default(),
        }
    }
}

/// Live figures of a running bot.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct BotLive {
    /// Seconds of audio processed in this session.
    pub audio_s: f64,
    /// Blocks processed.
    pub blocks: u64,
    /// Blocks dropped because processing fell behind.
    pub dropped_blocks: u64,
    /// Per-block processing time (ms): median, 95th and 99th percentiles.
    pub p50_ms: Option<f64>,
    /// 95th percentile.
    pub p95_ms: Option<f64>,
    /// 99th percentile.
    pub p99_ms: Option<f64>,
    /// Audio seconds processed per second of processing time.
    pub realtime_factor: Option<f64>,
    /// Loudness and level meters.
    pub meters: Meters,
    /// Speech detected in the last block.
    pub speech: Option<bool>,
    /// The DSP chain's metrics (per stage: time, levels, gain reduction, speech).
    pub pipeline: Option<PipelineMetrics>,
    /// The preset in use.
    pub preset: String,
    /// Sample rate of the stream.
    pub sample_rate: u32,
    /// Channels of the stream.
    pub channels: usize,
}

/// What `orch bot status` and `orch bot list` show.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BotInfo {
    /// Bot id.
    pub id: String,
    /// Human name.
    pub name: String,
    /// Kind of source.
    pub kind: BotKind,
    /// File, command or meeting URL.
    pub source: String,
    /// Current state.
    pub state: BotState,
    /// Why it is in that state.
    pub reason: Option<Reason>,
    /// Extra detail on the reason (an error message).
    pub detail: Option<String>,
    /// Current DSP preset.
    pub preset: String,
    /// Dedup key, if any.
    pub dedup_key: Option<String>,
    /// Restarts so far.
    pub restarts: u32,
    /// When it was spawned (Unix s).
    pub created_at: f64,
    /// When it ended (Unix s).
    pub ended_at: Option<f64>,
    /// Seconds since the current session started (live bots).
    pub uptime_s: Option<f64>,
    /// The current session id.
    pub session_id: Option<String>,
    /// Worker process id (command and meeting bots).
    pub pid: Option<u32>,
    /// CPU time of the worker process (s).
    pub cpu_s: Option<f64>,
    /// Resident memory of the worker process (KiB).
    pub rss_kib: Option<u64>,
    /// Live figures (live bots only).
    pub live: Option<BotLive>,
    /// Messages of audio a meeting program pushed that were dropped because the bot's
    /// queue was full (live meeting bots only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pushed_dropped: Option<u64>,
    /// What live transcription has done (transcribing live bots only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transcription: Option<crate::records::TranscriptionStats>,
    /// What live translation has done, per target language (translating live bots only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub translation: Option<Vec<crate::records::LangStats>>,
    /// Its most recent alerts, newest last (`orch bot status`; also after it ended).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub alerts: Vec<crate::records::EventRow>,
    /// The spec it was spawned with.
    pub spec: BotSpec,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn specs_are_checked_per_kind() {
        let mut s = BotSpec::new(BotKind::File);
        assert!(s.validate().unwrap_err().to_string().contains("--source"));
        s.source = Some("a.wav".into());
        s.validate().unwrap();
        s.speed = 0.0;
        assert!(s.validate().unwrap_err().to_string().contains("--speed"));
        let mut m = BotSpec::new(BotKind::Meeting);
        m.meeting_url = Some("meet.google.com/abc".into());
        m.platform = Some(Platform::GoogleMeet);
        assert!(
            m.validate()
                .unwrap_err()
                .to_string()
                .contains("not an http")
        );
        m.meeting_url = Some("https://meet.google.com/abc-defg-hij".into());
        m.validate().unwrap();
        m.target_languages = vec!["de; rm -rf".into()];
        assert!(m.validate().is_err());
        let mut c = BotSpec::new(BotKind::Command);
        c.source = Some("arecord -f S16_LE".into());
        c.looped = true;
        assert!(c.validate().unwrap_err().to_string().contains("file bots"));
    }

    #[test]
    fn spec_json_round_trip() {
        let mut s = BotSpec::new(BotKind::Command);
        s.source = Some("ffmpeg -i x -f s16le -".into());
        s.raw = Some(RawInput {
            format: RawFormat::S16Le,
            sample_rate: 16000,
            channels: 1,
        });
        let j = serde_json::to_string(&s).unwrap();
        let back: BotSpec = serde_json::from_str(&j).unwrap();
        assert_eq!(back, s);
    }
}
