//! What a webcam shows: the captions that arrived and have not expired, the speakers
//! and their colours, and the counts `orch webcam status` reports. Times are seconds on
//! any one clock the caller chooses (the daemon: since the webcam started).

use std::collections::VecDeque;

use serde::{Deserialize, Serialize};

use super::settings::{Settings, Show};
use super::theme::{Rgb, SPEAKER_COLOURS};
use crate::records::{TranscriptRow, TranslationRow};

/// One caption: a transcript line, or a line translated into one language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Caption {
    /// The text shown.
    #[serde(alias = "translated_text")]
    pub text: String,
    /// The speaker's name.
    #[serde(default, alias = "speaker_name")]
    pub speaker: Option<String>,
    /// A diarization label (`SPEAKER_00`), shown after the name.
    #[serde(default, alias = "speaker_id")]
    pub speaker_label: Option<String>,
    /// The spoken language.
    #[serde(default, alias = "language")]
    pub source_language: Option<String>,
    /// The language of `text`; none or equal to the source for a transcript line.
    #[serde(default)]
    pub target_language: Option<String>,
    /// 0 to 1.
    #[serde(default, alias = "translation_confidence")]
    pub confidence: Option<f64>,
    /// A transcript line (label TRANSCRIPTION), not a translation.
    #[serde(default, alias = "is_original_transcription")]
    pub original: bool,
    /// When it was said (Unix seconds), for `show_timestamps`.
    #[serde(default)]
    pub time: Option<f64>,
}

impl Caption {
    /// A transcript line.
    pub fn from_line(line: &TranscriptRow, time: Option<f64>) -> Caption {
        Caption {
            text: line.text.clone(),
            speaker: Some(line.speaker.clone()),
            speaker_label: line.speaker_label.clone(),
            source_language: line.language.clone(),
            target_language: None,
            confidence: line.confidence,
            original: true,
            time,
        }
    }

    /// TRANSCRIPTION when it is the spoken text, TRANSLATION otherwise.
    pub fn label(&self) -> &'static str {
        let same = match (&self.source_language, &self.target_language) {
            (_, None) => true,
            (Some(s), Some(t)) => s == t,
            (None, Some(_)) => false,
        };
        if self.original || same {
            "TRANSCRIPTION"
        } else {
            "TRANSLATION"
        }
    }

    /// The name shown: `Name (SPEAKER_00)` when a diarization label is known, else the
    /// name, else the label, else `Unknown Speaker`.
    pub fn speaker_shown(&self) -> String {
        let name = self.speaker.as_deref().filter(|s| !s.trim().is_empty());
        let label = self
            .speaker_label
            .as_deref()
            .filter(|s| !s.trim().is_empty());
        match (name, label) {
            (Some(n), Some(l)) if n != l => format!("{n} ({l})"),
            (Some(n), _) => n.to_string(),
            (None, Some(l)) => l.to_string(),
            (None, None) => "Unknown Speaker".to_string(),
        }
    }

    /// `en → es`, or the one language of a transcript line.
    pub fn languages(&self) -> Option<String> {
        match (&self.source_language, &self.target_language) {
            (Some(s), Some(t)) if s != t => Some(format!("{s} → {t}")),
            (Some(s), _) => Some(s.clone()),
            (None, Some(t)) => Some(format!("? → {t}")),
            (None, None) => None,
        }
    }
}

/// A caption on the board.
#[derive(Debug, Clone)]
pub struct Entry {
    pub caption: Caption,
    /// When it arrived.
    pub at: f64,
    pub colour: Rgb,
}

/// Captions kept at most (the newest; boxes show at most 10).
const KEEP: usize = 64;
/// Transcript lines remembered so their translations find their speaker.
const LINES_KEPT: usize = 256;

/// The captions in force and what has been shown.
#[derive(Debug, Default)]
pub struct Board {
    entries: VecDeque<Entry>,
    speakers: Vec<String>,
    lines: VecDeque<(i64, Caption)>,
    /// Captions added in all.
    pub added: u64,
    /// When the last caption arrived.
    pub last_at: Option<f64>,
}

impl Board {
    /// An empty board.
    pub fn new() -> Board {
        Board::default()
    }

    /// Add a caption that arrived at `now`.
    pub fn add(&mut self, caption: Caption, now: f64) {
        let who = caption.speaker_shown();
        let index = match self.speakers.iter().position(|s| *s == who) {
            Some(i) => i,
            None => {
                self.speakers.push(who);
                self.speakers.len() - 1
            }
        };
        let colour = SPEAKER_COLOURS[index % SPEAKER_COLOURS.len()];
        self.entries.push_back(Entry {
            caption,
            at: now,
            colour,
        });
        if self.entries.len() > KEEP {
            self.entries.pop_front();
        }
        self.added += 1;
        self.last_at = Some(now);
    }

    /// A transcript line of the bot.
    pub fn line(&mut self, line: &TranscriptRow, time: f64, now: f64) {
        let c = Caption::from_line(line, Some(time));
        self.lines.push_back((line.id, c.clone()));
        if self.lines.len() > LINES_KEPT {
            self.lines.pop_front();
        }
        self.add(c, now);
    }

    /// A translation of one of the bot's lines (pass-throughs of a line already in the
    /// target language are skipped: its transcript box shows it).
    pub fn translation(&mut self, t: &TranslationRow, time: f64, now: f64) {
        if t.original {
            return;
        }
        let line = self
            .lines
            .iter()
            .rev()
            .find(|(id, _)| *id == t.transcript_id)
            .map(|(_, c)| c);
        let caption = Caption {
            text: t.text.clone(),
            speaker: line.and_then(|c| c.speaker.clone()),
            speaker_label: line.and_then(|c| c.speaker_label.clone()),
            source_language: t.source_language.clone(),
            target_language: Some(t.target_language.clone()),
            confidence: line.and_then(|c| c.confidence),
            original: false,
            time: Some(time),
        };
        self.add(caption, now);
    }

    /// Drop captions older than `caption_s`; true when one went.
    pub fn expire(&mut self, now: f64, caption_s: f64) -> bool {
        let before = self.entries.len();
        self.entries.retain(|e| now - e.at < caption_s);
        self.entries.len() != before
    }

    /// When the oldest caption expires.
    pub fn next_expiry(&self, caption_s: f64) -> Option<f64> {
        self.entries
            .iter()
            .map(|e| e.at + caption_s)
            .reduce(f64::min)
    }

    /// The captions to show under `settings`, newest first.
    pub fn shown<'a>(&'a self, settings: &'a Settings) -> impl Iterator<Item = &'a Entry> + 'a {
        self.entries
            .iter()
            .rev()
            .filter(move |e| {
                let transcript = e.caption.label() == "TRANSCRIPTION";
                let kind = match settings.show {
                    Show::All => true,
                    Show::Transcript => transcript,
                    Show::Translation => !transcript,
                };
                let lang = transcript
                    || settings.languages.is_empty()
                    || e.caption
                        .target_language
                        .as_ref()
                        .is_some_and(|t| settings.languages.contains(t));
                kind && lang
            })
            .take(settings.max_captions as usize)
    }

    /// Captions on the board now (before filtering).
    pub fn current(&self) -> usize {
        self.entries.len()
    }

    /// Distinct speakers seen.
    pub fn speakers(&self) -> usize {
        self.speakers.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cap(text: &str, speaker: &str, target: Option<&str>) -> Caption {
        Caption {
            text: text.into(),
            speaker: Some(speaker.into()),
            speaker_label: None,
            source_language: Some("en".into()),
            target_language: target.map(str::to_string),
            confidence: Some(0.9),
            original: target.is_none(),
            time: None,
        }
    }

    #[test]
    fn newest_first_filtered_and_expired() {
        let mut b = Board::new();
        let mut s = Settings::default();
        b.add(cap("one", "Ada", None), 0.0);
        b.add(cap("uno", "Ada", Some("es")), 1.0);
        b.add(cap("un", "Grace", Some("fr")), 2.0);
        let texts: Vec<&str> = b.shown(&s).map(|e| e.caption.text.as_str()).collect();
        assert_eq!(texts, ["un", "uno", "one"]);
        assert_eq!(b.speakers(), 2);
        assert_ne!(b.entries[0].colour, b.entries[2].colour);
        s.languages = vec!["es".into()];
        s.show = Show::Translation;
        let texts: Vec<&str> = b.shown(&s).map(|e| e.caption.text.as_str()).collect();
        assert_eq!(texts, ["uno"]);
        assert_eq!(b.next_expiry(10.0), Some(10.0));
        assert!(b.expire(10.5, 10.0));
        assert_eq!(b.current(), 2);
        assert!(b.expire(12.0, 10.0));
        assert_eq!(b.current(), 0);
        assert!(!b.expire(13.0, 10.0));
    }

    #[test]
    fn labels_and_speakers_follow_the_reference() {
        let mut c = cap("hola", "Ada", Some("es"));
        assert_eq!(c.label(), "TRANSLATION");
        assert_eq!(c.languages().as_deref(), Some("en → es"));
        c.target_language = Some("en".into());
        assert_eq!(c.label(), "TRANSCRIPTION");
        c.speaker_label = Some("SPEAKER_00".into());
        assert_eq!(c.speaker_shown(), "Ada (SPEAKER_00)");
        c.speaker = None;
        assert_eq!(c.speaker_shown(), "SPEAKER_00");
        c.speaker_label = None;
        assert_eq!(c.speaker_shown(), "Unknown Speaker");
    }
}
