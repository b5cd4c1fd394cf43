//! Transcript lines as subtitles (SRT, WebVTT) and as text, with speaker names.
//!
//! Lines longer than the cue limits (seconds, characters) are split between words;
//! each piece gets the time of its words (from the engine's word times, or spread over
//! the line by the length of the words). SRT writes `00:00:01,000` with the speaker as
//! `Name: ` before the text; WebVTT writes `00:00:01.000` and the speaker as a voice
//! span, `<v Name>`.

use serde::{Deserialize, Serialize};

use super::{Line, Word, spread_words};

/// The formats a transcript is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Srt,
    Vtt,
    Json,
    Txt,
}

impl Format {
    pub const ALL: [Format; 4] = [Format::Srt, Format::Vtt, Format::Json, Format::Txt];

    pub fn name(self) -> &'static str {
        match self {
            Format::Srt => "srt",
            Format::Vtt => "vtt",
            Format::Json => "json",
            Format::Txt => "txt",
        }
    }

    /// The format a file name's extension names.
    pub fn from_extension(path: &std::path::Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Format::ALL.into_iter().find(|f| f.name() == ext)
    }
}

/// Limits of one cue.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CueLimits {
    pub max_s: f64,
    pub max_chars: usize,
}

/// One subtitle cue.
#[derive(Debug, Clone, PartialEq)]
pub struct Cue {
    pub start_s: f64,
    pub end_s: f64,
    pub speaker: String,
    pub text: String,
}

/// The cues of `lines`, each within `limits`.
pub fn cues(lines: &[Line], limits: CueLimits) -> Vec<Cue> {
    let mut out = Vec::new();
    for line in lines {
        // (text, start, end) of every word.
        let words = if line.words.is_empty() {
            spread_words(&line.text, line.start_s, line.end_s)
        } else {
            line.words.clone()
        };
        let mut cur: Vec<&Word> = Vec::new();
        let mut chars = 0;
        for w in &words {
            let len = w.text.chars().count();
            let too_long = !cur.is_empty()
                && (chars + 1 + len > limits.max_chars || w.end_s - cur[0].start_s > limits.max_s);
            if too_long {
                out.push(cue(&cur, &line.speaker));
                cur.clear();
                chars = 0;
            }
            chars += if cur.is_empty() { len } else { len + 1 };
            cur.push(w);
        }
        if !cur.is_empty() {
            out.push(cue(&cur, &line.speaker));
        }
    }
    // Cues never overlap the next one.
    for i in 1..out.len() {
        if out[i - 1].end_s > out[i].start_s {
            out[i - 1].end_s = out[i].start_s.max(out[i - 1].start_s);
        }
    }
    out
}

fn cue(words: &[&Word], speaker: &str) -> Cue {
    Cue {
        start_s: words[0].start_s,
        end_s: words[words.len() - 1].end_s.max(words[0].start_s),
        speaker: speaker.to_string(),
        text: words
            .iter()
            .map(|w| w.text.as_str())
            .collect::<Vec<_>>()
            .join(" "),
    }
}

/// `hh:mm:ss` and milliseconds after `sep`.
pub fn timestamp(seconds: f64, sep: char) -> String {
    let ms = (seconds.max(0.0) * 1000.0).round() as u64;
    format!(
        "{:02}:{:02}:{:02}{sep}{:03}",
        ms / 3_600_000,
        ms / 60_000 % 60,
        ms / 1000 % 60,
        ms % 1000
    )
}

/// SubRip.
pub fn srt(lines: &[Line], limits: CueLimits) -> String {
    let mut s = String::new();
    for (i, c) in cues(lines, limits).iter().enumerate() {
        s.push_str(&format!(
            "{}\n{} --> {}\n{}: {}\n\n",
            i + 1,
            timestamp(c.start_s, ','),
            timestamp(c.end_s, ','),
            c.speaker,
            c.text
        ));
    }
    s
}

/// WebVTT.
pub fn vtt(lines: &[Line], limits: CueLimits) -> String {
    let mut s = String::from("WEBVTT\n\n");
    for c in cues(lines, limits) {
        let speaker: String = c
            .speaker
            .chars()
            .filter(|ch| !matches!(ch, '<' | '>'))
            .collect();
        s.push_str(&format!(
            "{} --> {}\n<v {}>{}\n\n",
            timestamp(c.start_s, '.'),
            timestamp(c.end_s, '.'),
            speaker,
            c.text.replace('&', "&amp;").replace('<', "&lt;")
        ));
    }
    s
}

/// Plain text: one line per transcript line, `[hh:mm:ss] Speaker: text`.
pub fn txt(lines: &[Line]) -> String {
    let mut s = String::new();
    for l in lines {
        let t = timestamp(l.start_s, '.');
        s.push_str(&format!("[{}] {}: {}\n", &t[..8], l.speaker, l.text));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(start: f64, end: f64, text: &str) -> Line {
        Line {
            start_s: start,
            end_s: end,
            text: text.into(),
            speaker: "Ana".into(),
            language: None,
            confidence: None,
            chunk: 0,
            words: Vec::new(),
        }
    }

    const LIMITS: CueLimits = CueLimits {
        max_s: 6.0,
        max_chars: 20,
    };

    #[test]
    fn srt_and_vtt_differ_in_their_separators_and_speaker_marks() {
        let lines = [
            line(1.0, 2.5, "Good morning."),
            line(3661.25, 3662.0, "Bye <now>"),
        ];
        let srt = srt(&lines, LIMITS);
        assert_eq!(
            srt,
            "1\n00:00:01,000 --> 00:00:02,500\nAna: Good morning.\n\n2\n01:01:01,250 --> 01:01:02,000\nAna: Bye <now>\n\n"
        );
        let vtt = vtt(&lines, LIMITS);
        assert!(
            vtt.starts_with("WEBVTT\n\n00:00:01.000 --> 00:00:02.500\n<v Ana>Good morning.\n"),
            "{vtt}"
        );
        assert!(vtt.contains("<v Ana>Bye &lt;now>"));
        assert_eq!(txt(&lines[..1]), "[00:00:01] Ana: Good morning.\n");
    }

    #[test]
    fn long_lines_are_split_into_cues_within_the_limits() {
        let l = line(
            0.0,
            12.0,
            "one two three four five six seven eight nine ten eleven twelve",
        );
        let cs = cues(&[l], LIMITS);
        assert!(cs.len() >= 3);
        for c in &cs {
            assert!(c.text.chars().count() <= 20, "{c:?}");
            assert!(c.end_s - c.start_s <= 6.0 + 1e-9);
        }
        assert_eq!(
            cs.iter()
                .map(|c| c.text.as_str())
                .collect::<Vec<_>>()
                .join(" "),
            "one two three four five six seven eight nine ten eleven twelve"
        );
        assert_eq!(cs[0].start_s, 0.0);
        assert!((cs.last().unwrap().end_s - 12.0).abs() < 1e-9);
    }
}
