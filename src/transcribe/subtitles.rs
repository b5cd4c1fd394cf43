//! Transcript lines as subtitles (SRT, WebVTT) and as text, with speaker names.
//!
//! Lines longer than the cue limits (seconds, characters) are split between words;
//! each piece gets the time of its words (from the engine's word times, or spread over
//! the line by the length of the words). SRT writes `00:00:01,000` with the speaker as
//! `Name: ` before the text; WebVTT writes `00:00:01.000` and the speaker as a voice
//! span, `<v Name>`.
//!
//! A transcript in several languages (the line and its translations) is written with
//! one text line per language in each cue, in the order asked for: a line too long for
//! one cue is split into the same number of pieces in every language, balanced by
//! characters, and the pieces share the line's time evenly.

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

/// One subtitle cue: its text in one language or several (one text line each).
#[derive(Debug, Clone, PartialEq)]
pub struct Cue {
    pub start_s: f64,
    pub end_s: f64,
    pub speaker: String,
    pub texts: Vec<String>,
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
    no_overlap(&mut out);
    out
}

/// Cues never overlap the next one.
fn no_overlap(cues: &mut [Cue]) {
    for i in 1..cues.len() {
        if cues[i - 1].end_s > cues[i].start_s {
            cues[i - 1].end_s = cues[i].start_s.max(cues[i - 1].start_s);
        }
    }
}

/// The cues of `lines` in several languages: `texts[i]` holds line `i`'s text in each
/// language, in the order shown (an empty text, a missing translation, is left out of
/// its cue).
pub fn multi_cues(lines: &[Line], texts: &[Vec<String>], limits: CueLimits) -> Vec<Cue> {
    let mut out = Vec::new();
    for (line, texts) in lines.iter().zip(texts) {
        let duration = (line.end_s - line.start_s).max(0.0);
        let by_chars = texts
            .iter()
            .map(|t| t.chars().count().div_ceil(limits.max_chars.max(1)))
            .max()
            .unwrap_or(1);
        let by_time = (duration / limits.max_s).ceil() as usize;
        let n = by_chars.max(by_time).max(1);
        let pieces: Vec<Vec<String>> = texts.iter().map(|t| split_even(t, n)).collect();
        for k in 0..n {
            let texts: Vec<String> = pieces
                .iter()
                .map(|p| p[k].clone())
                .filter(|t| !t.is_empty())
                .collect();
            if texts.is_empty() {
                continue;
            }
            out.push(Cue {
                start_s: line.start_s + duration * k as f64 / n as f64,
                end_s: line.start_s + duration * (k + 1) as f64 / n as f64,
                speaker: line.speaker.clone(),
                texts,
            });
        }
    }
    no_overlap(&mut out);
    out
}

/// `text` in `n` pieces of whole words, balanced by characters (some may be empty).
fn split_even(text: &str, n: usize) -> Vec<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let total: usize = words.iter().map(|w| w.chars().count() + 1).sum();
    let mut pieces = vec![String::new(); n];
    let mut seen = 0;
    for w in words {
        let len = w.chars().count() + 1;
        // The piece this word's middle falls in.
        let k = ((seen + len / 2) * n / total.max(1)).min(n - 1);
        seen += len;
        if !pieces[k].is_empty() {
            pieces[k].push(' ');
        }
        pieces[k].push_str(w);
    }
    pieces
}

fn cue(words: &[&Word], speaker: &str) -> Cue {
    Cue {
        start_s: words[0].start_s,
        end_s: words[words.len() - 1].end_s.max(words[0].start_s),
        speaker: speaker.to_string(),
        texts: vec![
            words
                .iter()
                .map(|w| w.text.as_str())
                .collect::<Vec<_>>()
                .join(" "),
        ],
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
    srt_cues(&cues(lines, limits))
}

/// SubRip of cues: the speaker before the first text line.
pub fn srt_cues(cues: &[Cue]) -> String {
    let mut s = String::new();
    for (i, c) in cues.iter().enumerate() {
        s.push_str(&format!(
            "{}\n{} --> {}\n{}: {}\n\n",
            i + 1,
            timestamp(c.start_s, ','),
            timestamp(c.end_s, ','),
            c.speaker,
            // A blank line would end the cue.
            c.texts.join("\n")
        ));
    }
    s
}

/// WebVTT.
pub fn vtt(lines: &[Line], limits: CueLimits) -> String {
    vtt_cues(&cues(lines, limits))
}

/// WebVTT of cues: every text line in the speaker's voice span.
pub fn vtt_cues(cues: &[Cue]) -> String {
    let mut s = String::from("WEBVTT\n\n");
    for c in cues {
        let speaker: String = c
            .speaker
            .chars()
            .filter(|ch| !matches!(ch, '<' | '>'))
            .collect();
        s.push_str(&format!(
            "{} --> {}\n",
            timestamp(c.start_s, '.'),
            timestamp(c.end_s, '.'),
        ));
        for t in &c.texts {
            s.push_str(&format!(
                "<v {}>{}\n",
                speaker,
                t.replace('&', "&amp;").replace('<', "&lt;")
            ));
        }
        s.push('\n');
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

/// Plain text in several languages: each line in the first language, then its text in
/// each other language on its own indented line, `lang: text` (`langs[k]` names
/// `texts[i][k]`; empty texts are left out).
pub fn txt_multi(lines: &[Line], texts: &[Vec<String>], langs: &[String]) -> String {
    let mut s = String::new();
    for (l, texts) in lines.iter().zip(texts) {
        let t = timestamp(l.start_s, '.');
        let first = texts.first().map_or("", String::as_str);
        s.push_str(&format!("[{}] {}: {}\n", &t[..8], l.speaker, first));
        for (lang, text) in langs.iter().zip(texts).skip(1) {
            if !text.is_empty() {
                s.push_str(&format!("{:11}{lang}: {text}\n", ""));
            }
        }
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
    fn bilingual_cues_hold_both_languages_in_the_same_pieces() {
        let lines = [
            line(1.0, 2.5, "Good morning."),
            line(3.0, 9.0, "one two three four five six seven eight"),
        ];
        let texts = vec![
            vec!["Good morning.".to_string(), "Buenos días.".to_string()],
            vec![
                "one two three four five six seven eight".to_string(),
                "uno dos tres cuatro cinco seis siete ocho".to_string(),
            ],
        ];
        let cs = multi_cues(&lines, &texts, LIMITS);
        assert_eq!(cs[0].texts, ["Good morning.", "Buenos días."]);
        assert!(cs.len() >= 3, "{cs:?}");
        for w in cs.windows(2) {
            assert!(w[0].end_s <= w[1].start_s + 1e-9 && w[0].start_s < w[1].start_s);
        }
        for c in &cs[1..] {
            assert_eq!(c.texts.len(), 2, "{c:?}");
            assert!(c.texts.iter().all(|t| t.chars().count() <= 20), "{c:?}");
        }
        let joined = |k: usize| {
            cs[1..]
                .iter()
                .map(|c| c.texts[k].as_str())
                .collect::<Vec<_>>()
                .join(" ")
        };
        assert_eq!(joined(0), texts[1][0]);
        assert_eq!(joined(1), texts[1][1]);
        let srt = srt_cues(&cs);
        assert!(
            srt.starts_with(
                "1\n00:00:01,000 --> 00:00:02,500\nAna: Good morning.\nBuenos días.\n\n2\n"
            ),
            "{srt}"
        );
        let vtt = vtt_cues(&cs[..1]);
        assert_eq!(
            vtt,
            "WEBVTT\n\n00:00:01.000 --> 00:00:02.500\n<v Ana>Good morning.\n<v Ana>Buenos días.\n\n"
        );
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
            assert!(c.texts[0].chars().count() <= 20, "{c:?}");
            assert!(c.end_s - c.start_s <= 6.0 + 1e-9);
        }
        assert_eq!(
            cs.iter()
                .map(|c| c.texts[0].as_str())
                .collect::<Vec<_>>()
                .join(" "),
            "one two three four five six seven eight nine ten eleven twelve"
        );
        assert_eq!(cs[0].start_s, 0.0);
        assert!((cs.last().unwrap().end_s - 12.0).abs() < 1e-9);
    }
}
