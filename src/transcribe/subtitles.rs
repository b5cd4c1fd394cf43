//! Transcript lines as subtitles (SRT, WebVTT) and as text, with speaker names.
//!
//! Lines longer than the cue limits (seconds, characters) are split between words;
//! each piece gets the time of its words (from the engine's word times, or spread over
//! the line by the length of the words). SRT writes `00:00:01,000` with the speaker as
//! `Name: ` before the text; WebVTT writes `00:00:01.000` and the speaker as a voice
//! span, `<v Name>`.

use serde::{Deserialize, Serialize};

use super::Line;

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
        let words: Vec<(String, f64, f64)> = if line.words.is_empty() {
            let ws: Vec<&str> = line.text.split_whitespace().collect();
            let total: usize = ws.iter().map(|w| w.chars().count() + 1).sum();
            let span = (line.end_s - line.start_s).max(0.0);
            let mut at = 0;
            ws.iter()
                .map(|w| {
                    let s = line.start_s + span * at as f64 / total.max(1) as f64;
                    at += w.chars().count() + 1;
                    let e = line.start_s + span * at as f64 / total.max(1) as f64;
                    ((*w).to_string(), s, e)
                })
                .collect()
        } else {
            line.words
                .iter()
                .map(|w| (w.text.clone(), w.start_s, w.end_s))
                .collect()
        };
        let mut cur: Vec<&(String, f64, f64)> = Vec::new();
        let mut chars = 0;
        for w in &words {
            let len = w.0.chars().count();
            let too_long = !cur.is_empty()
                && (chars + 1 + len > limits.max_chars || w.2 - cur[0].1 > limits.max_s);
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

fn cue(words: &[&(String, f64, f64)], speaker: &str) -> Cue {
    Cue {
        start_s: words[0].1,
        end_s: words[words.len() - 1].2.max(words[0].1),
        speaker: speaker.to_string(),
        text: words
            .iter()
            .map(|w| w.0.as_str())
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
