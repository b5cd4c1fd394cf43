//! Joining chunk results into one transcript without doubling the words of an overlap.
//!
//! Chunks cut at a pause do not overlap: their lines go out as they are. A chunk cut
//! inside speech (at a gap or its longest length) overlaps the next by `overlap_s`, and a word at
//! either edge may be cut in one of them and whole in the other. Its last lines are
//! held back until the next chunk's result arrives, then the seam is chosen:
//! - with word times from the engine, at the middle of the overlap: the earlier chunk
//!   keeps the words whose middle is before it, the later one the others;
//! - without them, at the longest run of words both sides share (the earlier chunk
//!   keeps the run, the later one what follows it), looked for in the earlier chunk's
//!   last words and the later chunk's first ones;
//! - when they share no run, at the middle of the overlap, with word times spread over
//!   each segment by the length of the words.
//!
//! Results must come in chunk order; a chunk that was skipped (no speech) shows as a
//! gap in the sequence numbers, and what was held back then goes out as it is.

use super::{Chunk, EngineResult, Line, Word, normal_words, spread_words};

/// Seconds either side of an overlap in which words may be doubled.
const SLACK_S: f64 = 0.6;

/// The lineage of a chunk the merger needs.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Seam {
    pub seq: u64,
    pub start_s: f64,
    pub end_s: f64,
    pub overlap_s: f64,
    /// The chunk ended inside speech: the next one overlaps it.
    pub overlapped: bool,
}

impl From<&Chunk> for Seam {
    fn from(c: &Chunk) -> Seam {
        Seam {
            seq: c.seq,
            start_s: c.start_s,
            end_s: c.end_s,
            overlap_s: c.overlap_s,
            overlapped: matches!(c.cut, super::Cut::Gap | super::Cut::Length),
        }
    }
}

#[derive(Debug, Clone)]
struct Tok {
    text: String,
    norm: String,
    start_s: f64,
    end_s: f64,
    probability: Option<f64>,
}

#[derive(Debug, Clone)]
struct Part {
    toks: Vec<Tok>,
    start_s: f64,
    end_s: f64,
    speaker: Option<String>,
    confidence: Option<f64>,
    language: Option<String>,
    chunk: u64,
    timed: bool,
}

/// Joins chunk results in order into transcript lines.
#[derive(Debug)]
pub struct Merger {
    /// The overlap the chunker gives a chunk after a cut inside speech.
    overlap_s: f64,
    held: Vec<Part>,
    held_seam: Option<Seam>,
}

impl Merger {
    /// A merger for chunks that overlap by `overlap_s` after a cut inside speech.
    pub fn new(overlap_s: f64) -> Merger {
        Merger {
            overlap_s,
            held: Vec::new(),
            held_seam: None,
        }
    }

    /// The result of the next chunk; returns the lines that are now final.
    pub fn push(&mut self, seam: Seam, result: &EngineResult) -> Vec<Line> {
        let mut parts = parts(&seam, result);
        let mut out = Vec::new();
        if let Some(prev) = self.held_seam.take() {
            let mut held = std::mem::take(&mut self.held);
            if seam.seq == prev.seq + 1 && seam.overlap_s > 0.0 {
                join(&mut held, &mut parts, &seam);
            }
            out.extend(held.into_iter().filter_map(line));
        }
        if seam.overlapped {
            // Hold back what the next chunk may double.
            let next_start = seam.end_s - self.overlap_s;
            let split = parts
                .iter()
                .position(|p| p.end_s > next_start - SLACK_S)
                .unwrap_or(parts.len());
            self.held = parts.split_off(split);
            self.held_seam = Some(seam);
        }
        out.extend(parts.into_iter().filter_map(line));
        out
    }

    /// The end of the session: what was held back.
    pub fn finish(&mut self) -> Vec<Line> {
        self.held_seam = None;
        std::mem::take(&mut self.held)
            .into_iter()
            .filter_map(line)
            .collect()
    }
}

/// The segments of one result as parts with absolute word times.
fn parts(seam: &Seam, r: &EngineResult) -> Vec<Part> {
    r.segments
        .iter()
        .map(|s| {
            let timed = !s.words.is_empty();
            let start_s = seam.start_s + s.start_s.max(0.0);
            let end_s = seam.start_s + s.end_s.max(s.start_s.max(0.0));
            let toks = if timed {
                s.words
                    .iter()
                    .filter_map(|w| tok(w, seam.start_s))
                    .collect()
            } else {
                spread_words(&s.text, start_s, end_s)
                    .iter()
                    .filter_map(|w| tok(w, 0.0))
                    .collect()
            };
            Part {
                toks,
                start_s,
                end_s,
                speaker: s.speaker.clone(),
                confidence: s.confidence,
                language: r.language.clone(),
                chunk: seam.seq,
                timed,
            }
        })
        .collect()
}

fn tok(w: &Word, offset: f64) -> Option<Tok> {
    let text = w.text.trim().to_string();
    let norm = normal_words(&text).join(" ");
    if text.is_empty() {
        return None;
    }
    Some(Tok {
        text,
        norm,
        start_s: offset + w.start_s,
        end_s: offset + w.end_s.max(w.start_s),
        probability: w.probability,
    })
}

/// Choose the seam between `held` (the end of the earlier chunk) and `next` (the later
/// chunk, which starts at `seam.start_s` and overlaps by `seam.overlap_s`), and drop
/// the doubled words from both.
fn join(held: &mut [Part], next: &mut [Part], seam: &Seam) {
    let middle = seam.start_s + seam.overlap_s / 2.0;
    let head_end = seam.start_s + seam.overlap_s + SLACK_S;
    let timed = held.iter().chain(next.iter()).all(|p| p.timed);
    if !timed && let Some((a_end, b_end)) = common_run(held, next, seam.start_s - SLACK_S, head_end)
    {
        keep(held, |i, _| i < a_end);
        keep(next, |i, _| i >= b_end);
        return;
    }
    keep(held, |_, t| (t.start_s + t.end_s) / 2.0 < middle);
    keep(next, |_, t| (t.start_s + t.end_s) / 2.0 >= middle);
}

/// Keep the tokens (numbered across all parts) that `f` accepts.
fn keep(parts: &mut [Part], mut f: impl FnMut(usize, &Tok) -> bool) {
    let mut i = 0;
    for p in parts.iter_mut() {
        p.toks.retain(|t| {
            let k = f(i, t);
            i += 1;
            k
        });
    }
}

/// The longest run of words that both the tail of `a` (words ending after `tail_from`)
/// and the head of `b` (words starting before `head_to`) hold. Returns the index
/// (across `a`'s parts) just after the run in `a`, and the index (across `b`'s parts)
/// just after it in `b`. Runs of one word count only for words of four letters or more.
fn common_run(a: &[Part], b: &[Part], tail_from: f64, head_to: f64) -> Option<(usize, usize)> {
    let a: Vec<(usize, &Tok)> = a
        .iter()
        .flat_map(|p| p.toks.iter())
        .enumerate()
        .filter(|(_, t)| t.end_s > tail_from)
        .collect();
    let b: Vec<(usize, &Tok)> = b
        .iter()
        .flat_map(|p| p.toks.iter())
        .enumerate()
        .filter(|(_, t)| t.start_s < head_to)
        .collect();
    let mut best: Option<(usize, usize, usize)> = None; // (len, a_end, b_end)
    for i in 0..a.len() {
        for j in 0..b.len() {
            let mut len = 0;
            while i + len < a.len()
                && j + len < b.len()
                && !a[i + len].1.norm.is_empty()
                && a[i + len].1.norm == b[j + len].1.norm
            {
                len += 1;
            }
            if len == 0 || (len == 1 && a[i].1.norm.chars().count() < 4) {
                continue;
            }
            if best.is_none_or(|(l, _, _)| len > l) {
                best = Some((len, a[i + len - 1].0 + 1, b[j + len - 1].0 + 1));
            }
        }
    }
    best.map(|(_, a_end, b_end)| (a_end, b_end))
}

/// A part as a line (none when no word is left).
fn line(p: Part) -> Option<Line> {
    let first = p.toks.first()?;
    let last = p.toks.last()?;
    let text = p
        .toks
        .iter()
        .map(|t| t.text.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    let (start_s, end_s) = if p.timed {
        (first.start_s, last.end_s)
    } else {
        // Spread times are estimates: keep the segment's own edges where they hold.
        (first.start_s.max(p.start_s), last.end_s.min(p.end_s))
    };
    let words = if p.timed {
        p.toks
            .iter()
            .map(|t| Word {
                text: t.text.clone(),
                start_s: t.start_s,
                end_s: t.end_s,
                probability: t.probability,
            })
            .collect()
    } else {
        Vec::new()
    };
    Some(Line {
        start_s,
        end_s,
        text,
        speaker: p.speaker.unwrap_or_else(|| "Speaker 1".into()),
        language: p.language,
        confidence: p.confidence,
        chunk: p.chunk,
        words,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::transcribe::Segment;

    fn seg(text: &str, start: f64, end: f64) -> Segment {
        Segment {
            text: text.into(),
            start_s: start,
            end_s: end,
            confidence: None,
            speaker: None,
            words: Vec::new(),
        }
    }

    fn result(segs: Vec<Segment>) -> EngineResult {
        EngineResult {
            text: segs
                .iter()
                .map(|s| s.text.as_str())
                .collect::<Vec<_>>()
                .join(" "),
            language: Some("en".into()),
            segments: segs,
        }
    }

    fn text(lines: &[Line]) -> String {
        lines
            .iter()
            .map(|l| l.text.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn words_of_an_overlap_appear_once_by_the_common_run() {
        let mut m = Merger::new(0.5);
        let a = Seam {
            seq: 0,
            start_s: 0.0,
            end_s: 3.0,
            overlap_s: 0.0,
            overlapped: true,
        };
        let b = Seam {
            seq: 1,
            start_s: 2.5,
            end_s: 5.5,
            overlap_s: 0.5,
            overlapped: false,
        };
        let mut lines = m.push(
            a,
            &result(vec![
                seg("The quick brown fox", 0.0, 1.4),
                seg("jumps over the lazy n", 1.5, 3.0),
            ]),
        );
        assert_eq!(
            text(&lines),
            "The quick brown fox",
            "the seam's line is held"
        );
        lines.extend(m.push(
            b,
            &result(vec![seg("the lazy dog. It ran away.", 0.0, 3.0)]),
        ));
        lines.extend(m.finish());
        assert_eq!(
            text(&lines),
            "The quick brown fox jumps over the lazy dog. It ran away."
        );
    }

    #[test]
    fn word_times_choose_the_seam_when_the_engine_gives_them() {
        let w = |t: &str, s: f64, e: f64| Word {
            text: t.into(),
            start_s: s,
            end_s: e,
            probability: Some(0.9),
        };
        let mut m = Merger::new(0.5);
        let a = Seam {
            seq: 4,
            start_s: 10.0,
            end_s: 13.0,
            overlap_s: 0.0,
            overlapped: true,
        };
        let b = Seam {
            seq: 5,
            start_s: 12.5,
            end_s: 14.0,
            overlap_s: 0.5,
            overlapped: false,
        };
        let mut sa = seg("one two thr", 0.0, 3.0);
        sa.words = vec![w("one", 0.2, 1.0), w("two", 1.2, 2.4), w("thr", 2.8, 3.0)];
        let mut sb = seg("three four", 0.0, 1.5);
        sb.words = vec![w("three", 0.2, 0.6), w("four", 0.8, 1.4)];
        let mut lines = m.push(a, &result(vec![sa]));
        lines.extend(m.push(b, &result(vec![sb])));
        lines.extend(m.finish());
        assert_eq!(text(&lines), "one two three four");
        assert!((lines[0].start_s - 10.2).abs() < 1e-9);
        assert!((lines.last().unwrap().end_s - 13.9).abs() < 1e-9);
    }

    #[test]
    fn chunks_cut_at_pauses_pass_as_they_are_and_a_skipped_chunk_releases_the_held_lines() {
        let mut m = Merger::new(0.5);
        let a = Seam {
            seq: 0,
            start_s: 0.0,
            end_s: 2.0,
            overlap_s: 0.0,
            overlapped: false,
        };
        assert_eq!(
            text(&m.push(a, &result(vec![seg("Hello there.", 0.1, 1.5)]))),
            "Hello there."
        );
        let b = Seam {
            seq: 1,
            start_s: 2.0,
            end_s: 5.0,
            overlap_s: 0.0,
            overlapped: true,
        };
        assert_eq!(
            text(&m.push(b, &result(vec![seg("Good day to you", 0.0, 3.0)]))),
            ""
        );
        // Chunk 2 had no speech: chunk 3 does not overlap chunk 1.
        let d = Seam {
            seq: 3,
            start_s: 8.0,
            end_s: 9.0,
            overlap_s: 0.0,
            overlapped: false,
        };
        assert_eq!(
            text(&m.push(d, &result(vec![seg("Good day to you", 0.0, 1.0)]))),
            "Good day to you Good day to you"
        );
    }
}
