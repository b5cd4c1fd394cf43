//! Cutting 16 kHz mono audio into chunks for a speech-to-text engine.
//!
//! Every 10 ms frame gets a speech decision from the DSP engine's VAD (its `webrtc`
//! mode, no hangover) and a power. A chunk ends at the first of:
//! - **a pause**: `pause_ms` of non-speech after at least `min_chunk_s` of audio with
//!   speech in it; no word is cut and the caption comes as soon as the phrase ends;
//! - **a gap**, when the chunk reaches `chunk_s` without a pause and runs on for
//!   `stretch_s` more without one either: the middle of the longest run of at least 50 ms within its last second that is 20 dB or more below
//!   the chunk's loud frames (most often the silence between two words, sometimes the
//!   closure of a stop consonant inside one), not before `min_chunk_s`;
//! - **its length**, when there is no gap either, at `chunk_s + stretch_s`.
//!
//! The stretch is what keeps sentences whole: speech still running at `chunk_s` most
//! often ends within a second or two, and a chunk that ends there is read with all its
//! words (better accuracy) and needs no overlap, so its lines go out at once (lower
//! latency). A chunk with no speech at `chunk_s` ends there.
//!
//! After a gap or a length cut, both inside speech, the next chunk starts `overlap_s`
//! earlier, so a word cut there is whole in one of the two (the merger then drops what
//! the overlap doubled). The overlap is the same audio as the end of the chunk before,
//! so the original service's linear cross-fade of the two is the identity and is not
//! computed.
//!
//! Chunks without speech (fewer than 50 ms of speech frames) are counted and never
//! given out; their sequence numbers are still used, so the numbering shows them.

use serde::{Deserialize, Serialize};

use super::ENGINE_RATE;
use super::quality::{ChunkQuality, measure};
use crate::audio::Planar;
use crate::config::TranscriptionConfig;
use crate::dsp::stages::vad::{Vad, VadParams};
use crate::dsp::{Stage, StreamFormat};

/// Samples per analysis frame (10 ms).
const FRAME: usize = ENGINE_RATE as usize / 100;
/// Speech frames a chunk needs to be sent.
const MIN_SPEECH_FRAMES: usize = 5;
/// Shortest gap (frames) a chunk may be cut at.
const MIN_GAP_FRAMES: usize = 5;
/// How far back from the longest length a gap is looked for (frames).
const GAP_SEARCH_FRAMES: usize = 100;

/// How chunks are cut.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ChunkingParams {
    /// Length at which a chunk ends unless it is in speech, seconds.
    pub chunk_s: f64,
    /// Seconds past `chunk_s` a chunk in speech runs on, waiting for a pause.
    pub stretch_s: f64,
    /// Overlap after a cut inside speech, seconds.
    pub overlap_s: f64,
    /// Non-speech that ends a chunk, milliseconds.
    pub pause_ms: f64,
    /// Shortest chunk a pause or gap may end, seconds.
    pub min_chunk_s: f64,
}

impl Default for ChunkingParams {
    fn default() -> Self {
        ChunkingParams::from_config(&TranscriptionConfig::default())
    }
}

impl ChunkingParams {
    /// The parameters of a (validated) `[transcription]` configuration.
    pub fn from_config(cfg: &TranscriptionConfig) -> ChunkingParams {
        let (chunk_s, overlap_s) = cfg.chunk_and_overlap();
        ChunkingParams {
            chunk_s,
            stretch_s: cfg.stretch_s,
            overlap_s,
            pause_ms: cfg.pause_ms,
            min_chunk_s: cfg.min_chunk_s.min(chunk_s),
        }
    }
}

/// Why a chunk ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Cut {
    /// A speech pause.
    Pause,
    /// A quiet gap at the longest length: the next chunk overlaps this one.
    Gap,
    /// The longest length, inside speech: the next chunk overlaps this one.
    Length,
    /// The end of the audio.
    End,
}

impl Cut {
    pub fn name(self) -> &'static str {
        match self {
            Cut::Pause => "pause",
            Cut::Gap => "gap",
            Cut::Length => "length",
            Cut::End => "end",
        }
    }
}

/// One chunk of 16 kHz mono audio with its lineage.
#[derive(Debug, Clone, PartialEq)]
pub struct Chunk {
    /// Position in the session, from 0 (skipped chunks take numbers too).
    pub seq: u64,
    /// Start and end on the session clock, seconds.
    pub start_s: f64,
    pub end_s: f64,
    /// Seconds at its start that the chunk before also holds.
    pub overlap_s: f64,
    /// Why it ended.
    pub cut: Cut,
    /// Seconds of speech frames in it.
    pub speech_s: f64,
    pub quality: ChunkQuality,
    pub samples: Vec<f32>,
}

impl Chunk {
    /// The chunk as 16-bit WAV.
    pub fn to_wav(&self) -> Vec<u8> {
        super::wav_bytes(&self.samples, ENGINE_RATE)
    }

    /// Duration in seconds.
    pub fn duration_s(&self) -> f64 {
        self.samples.len() as f64 / f64::from(ENGINE_RATE)
    }
}

#[derive(Debug, Clone, Copy)]
struct Frame {
    speech: bool,
    power: f32,
}

/// What a chunker has cut so far.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct ChunkerStats {
    /// Chunks given out.
    pub chunks: u64,
    /// Chunks without speech, not given out.
    pub skipped: u64,
    /// Chunks given out, by the reason they ended.
    pub pause: u64,
    pub gap: u64,
    pub length: u64,
}

/// Cuts a stream of 16 kHz mono samples into chunks.
pub struct Chunker {
    params: ChunkParamsFrames,
    vad: Vad,
    block: Planar,
    /// Samples of the chunk being built; `buf[0]` is sample `buf_start` of the session.
    buf: Vec<f32>,
    buf_start: u64,
    /// One entry per whole frame of `buf`.
    frames: Vec<Frame>,
    /// Frames at the start of `buf` that the last chunk also held.
    overlap_frames: usize,
    seq: u64,
    stats: ChunkerStats,
}

#[derive(Debug, Clone, Copy)]
struct ChunkParamsFrames {
    chunk: usize,
    /// `chunk` plus the stretch.
    longest: usize,
    overlap: usize,
    pause: usize,
    min_chunk: usize,
}

impl std::fmt::Debug for Chunker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Chunker")
            .field("seq", &self.seq)
            .field("stats", &self.stats)
            .finish()
    }
}

impl Chunker {
    /// A chunker whose session clock starts at 0.
    pub fn new(params: ChunkingParams) -> Chunker {
        let frames = |s: f64| (s * 100.0).round().max(0.0) as usize;
        let p = ChunkParamsFrames {
            chunk: frames(params.chunk_s).max(1),
            longest: frames(params.chunk_s + params.stretch_s).max(1),
            overlap: frames(params.overlap_s),
            pause: (params.pause_ms / 10.0).round().max(1.0) as usize,
            min_chunk: frames(params.min_chunk_s),
        };
        let mut vad = Vad::new(VadParams {
            frame_ms: 10,
            hangover_ms: 0.0,
            ..VadParams::default()
        });
        vad.prepare(StreamFormat {
            sample_rate: ENGINE_RATE,
            channels: 1,
            max_block: FRAME,
        });
        Chunker {
            params: ChunkParamsFrames {
                overlap: p.overlap.min(p.chunk.saturating_sub(1)),
                ..p
            },
            vad,
            block: Planar::new(1, FRAME),
            buf: Vec::with_capacity((p.longest + 1) * FRAME),
            buf_start: 0,
            frames: Vec::with_capacity(p.longest + 1),
            overlap_frames: 0,
            seq: 0,
            stats: ChunkerStats::default(),
        }
    }

    /// What has been cut so far.
    pub fn stats(&self) -> ChunkerStats {
        self.stats
    }

    /// Take samples; `emit` gets each chunk with speech as it is cut.
    pub fn push(&mut self, samples: &[f32], mut emit: impl FnMut(Chunk)) {
        let mut rest = samples;
        while !rest.is_empty() {
            let partial = self.buf.len() - self.frames.len() * FRAME;
            let take = (FRAME - partial).min(rest.len());
            self.buf.extend_from_slice(&rest[..take]);
            rest = &rest[take..];
            if self.buf.len() - self.frames.len() * FRAME == FRAME {
                self.analyse_last_frame();
                self.decide(&mut emit);
            }
        }
    }

    /// The end of the stream: the rest as a last chunk (when it has speech).
    pub fn finish(&mut self, mut emit: impl FnMut(Chunk)) {
        if self.buf.len() > self.overlap_frames * FRAME {
            let n = self.buf.len();
            self.cut(n, 0, Cut::End, &mut emit);
        }
    }

    fn analyse_last_frame(&mut self) {
        let start = self.frames.len() * FRAME;
        let frame = &self.buf[start..start + FRAME];
        let power = frame.iter().map(|s| s * s).sum::<f32>() / FRAME as f32;
        self.block.set_len(FRAME);
        self.block.channel_mut(0).copy_from_slice(frame);
        self.vad.process(&mut self.block);
        self.frames.push(Frame {
            speech: self.vad.is_speech(),
            power,
        });
    }

    fn speech_frames(&self) -> usize {
        self.frames[self.overlap_frames.min(self.frames.len())..]
            .iter()
            .filter(|f| f.speech)
            .count()
    }

    fn decide(&mut self, emit: &mut impl FnMut(Chunk)) {
        let p = self.params;
        let n = self.frames.len();
        let trailing_pause = self.frames.iter().rev().take_while(|f| !f.speech).count();
        if n >= p.min_chunk
            && trailing_pause >= p.pause
            && self.speech_frames() >= MIN_SPEECH_FRAMES
        {
            self.cut(n * FRAME, 0, Cut::Pause, emit);
            return;
        }
        if n < p.chunk {
            return;
        }
        if self.speech_frames() < MIN_SPEECH_FRAMES {
            self.cut(n * FRAME, 0, Cut::Pause, emit);
            return;
        }
        if n < p.longest {
            return;
        }
        if let Some(at) = self.gap() {
            self.cut(at * FRAME, p.overlap * FRAME, Cut::Gap, emit);
        } else {
            self.cut(n * FRAME, p.overlap * FRAME, Cut::Length, emit);
        }
    }

    /// The frame at the middle of the longest quiet run in the last second.
    fn gap(&self) -> Option<usize> {
        let n = self.frames.len();
        let mut powers: Vec<f32> = self.frames.iter().map(|f| f.power).collect();
        let k = n * 9 / 10;
        let (_, loud, _) = powers.select_nth_unstable_by(k.min(n - 1), f32::total_cmp);
        let quiet = *loud * 0.01;
        let from = n
            .saturating_sub(GAP_SEARCH_FRAMES)
            .max(self.params.min_chunk)
            .max(self.overlap_frames);
        let mut best: Option<(usize, usize)> = None;
        let mut run_start = None;
        for i in from..=n {
            let is_quiet = i < n && self.frames[i].power <= quiet;
            match (is_quiet, run_start) {
                (true, None) => run_start = Some(i),
                (false, Some(s)) => {
                    let len = i - s;
                    if len >= MIN_GAP_FRAMES && best.is_none_or(|(_, l)| len > l) {
                        best = Some((s, len));
                    }
                    run_start = None;
                }
                _ => {}
            }
        }
        best.map(|(s, len)| s + len / 2)
    }

    /// Give out `buf[..at]` as a chunk; keep `buf[at - overlap..]` for the next.
    fn cut(&mut self, at: usize, overlap: usize, cut: Cut, emit: &mut impl FnMut(Chunk)) {
        let at_frames = at.div_ceil(FRAME).min(self.frames.len());
        let speech = self.frames[self.overlap_frames.min(at_frames)..at_frames]
            .iter()
            .filter(|f| f.speech)
            .count();
        let seq = self.seq;
        self.seq += 1;
        let rate = f64::from(ENGINE_RATE);
        if speech >= MIN_SPEECH_FRAMES {
            let samples = self.buf[..at].to_vec();
            let chunk = Chunk {
                seq,
                start_s: self.buf_start as f64 / rate,
                end_s: (self.buf_start + at as u64) as f64 / rate,
                overlap_s: (self.overlap_frames * FRAME) as f64 / rate,
                cut,
                speech_s: speech as f64 / 100.0,
                quality: measure(&samples, ENGINE_RATE),
                samples,
            };
            self.stats.chunks += 1;
            match cut {
                Cut::Pause => self.stats.pause += 1,
                Cut::Gap => self.stats.gap += 1,
                Cut::Length => self.stats.length += 1,
                Cut::End => {}
            }
            emit(chunk);
        } else {
            self.stats.skipped += 1;
        }
        let keep_from = at - overlap.min(at);
        self.buf.drain(..keep_from);
        self.frames
            .drain(..(keep_from / FRAME).min(self.frames.len()));
        self.buf_start += keep_from as u64;
        self.overlap_frames = overlap / FRAME;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_signals::speech_like;

    fn cut_all(x: &[f32], params: ChunkingParams, block: usize) -> (Vec<Chunk>, ChunkerStats) {
        let mut c = Chunker::new(params);
        let mut out = Vec::new();
        for b in x.chunks(block) {
            c.push(b, |ch| out.push(ch));
        }
        c.finish(|ch| out.push(ch));
        (out, c.stats())
    }

    #[test]
    fn speech_with_pauses_is_cut_at_the_pauses_and_never_inside_a_word() {
        let (x, labels) = speech_like(ENGINE_RATE, 20.0, 7);
        let (chunks, stats) = cut_all(&x, ChunkingParams::default(), 333);
        assert!(chunks.len() >= 5, "{stats:?}");
        for c in &chunks {
            assert!(
                c.duration_s() <= 6.0 + 1e-9,
                "{:?}",
                (c.seq, c.duration_s())
            );
            assert!(
                c.duration_s() >= 1.0 || c.cut == Cut::End,
                "{:?}",
                (c.seq, c.cut)
            );
            let end = (c.end_s * 16_000.0) as usize;
            if c.cut != Cut::End && c.cut != Cut::Length {
                assert!(!labels[end - 1], "chunk {} ends inside a word", c.seq);
            }
            assert_eq!(c.samples[..], x[(c.start_s * 16_000.0) as usize..end]);
        }
        assert!(stats.pause >= stats.chunks / 2, "{stats:?}");
        // Lineage: sequence numbers grow, chunks follow each other on the clock.
        for w in chunks.windows(2) {
            assert!(w[1].seq > w[0].seq);
            assert!(
                (w[1].start_s - (w[0].end_s - w[1].overlap_s)).abs() < 1e-9
                    || w[1].start_s > w[0].end_s
            );
        }
    }

    #[test]
    fn the_block_size_does_not_change_the_chunks() {
        let (x, _) = speech_like(ENGINE_RATE, 12.0, 3);
        let (a, _) = cut_all(&x, ChunkingParams::default(), 160);
        let (b, _) = cut_all(&x, ChunkingParams::default(), 4097);
        assert_eq!(a, b);
    }

    #[test]
    fn speech_without_pauses_is_cut_at_the_longest_length_with_an_overlap() {
        // A steady voiced tone never pauses and has no gap.
        let x: Vec<f32> = (0..16_000 * 14)
            .map(|i| {
                let t = i as f32 / 16_000.0;
                (0..8)
                    .map(|h| {
                        (2.0 * std::f32::consts::PI * 150.0 * (h + 1) as f32 * t).sin()
                            / (h + 1) as f32
                    })
                    .sum::<f32>()
                    * 0.2
            })
            .collect();
        let (chunks, stats) = cut_all(&x, ChunkingParams::default(), 1000);
        assert!(stats.length >= 2, "{stats:?}");
        assert_eq!(chunks[0].cut, Cut::Length);
        assert!((chunks[0].duration_s() - 6.0).abs() < 1e-9);
        assert!((chunks[1].overlap_s - 0.5).abs() < 1e-9);
        assert!((chunks[1].start_s - 5.5).abs() < 1e-9);
        // Without a stretch, at chunk_s, as the original service cut.
        let fixed = ChunkingParams {
            stretch_s: 0.0,
            ..ChunkingParams::default()
        };
        let (chunks, _) = cut_all(&x, fixed, 1000);
        assert!((chunks[0].duration_s() - 3.0).abs() < 1e-9);
        assert!((chunks[1].start_s - 2.5).abs() < 1e-9);
    }

    #[test]
    fn speech_running_past_chunk_s_ends_at_the_pause_after_it() {
        // 4.2 s of unbroken voice, 0.5 s of silence, then more voice.
        let voice = |n: usize, from: usize| -> Vec<f32> {
            (from..from + n)
                .map(|i| {
                    let t = i as f32 / 16_000.0;
                    (2.0 * std::f32::consts::PI * 180.0 * t).sin() * 0.2
                        + (2.0 * std::f32::consts::PI * 360.0 * t).sin() * 0.1
                })
                .collect()
        };
        let mut x = voice(16_000 * 42 / 10, 0);
        x.extend(std::iter::repeat_n(0.0, 8_000));
        x.extend(voice(16_000 * 2, 0));
        let (chunks, _) = cut_all(&x, ChunkingParams::default(), 320);
        assert_eq!(chunks[0].cut, Cut::Pause, "{:?}", chunks[0].end_s);
        assert!(
            chunks[0].end_s > 4.2 && chunks[0].end_s < 4.7,
            "{}",
            chunks[0].end_s
        );
        assert_eq!(chunks[1].overlap_s, 0.0);
    }

    #[test]
    fn silence_gives_no_chunks_and_is_counted() {
        let (chunks, stats) = cut_all(&vec![0.0; 16_000 * 10], ChunkingParams::default(), 512);
        assert!(chunks.is_empty());
        assert!(stats.skipped >= 3, "{stats:?}");
    }

    #[test]
    fn long_speech_is_cut_at_a_gap_between_words() {
        // Words of 0.8 s with 120 ms gaps: shorter than a pause, long enough to cut at.
        let (x, _) = speech_like(ENGINE_RATE, 30.0, 11);
        let mut y = Vec::new();
        let mut i = 0;
        while i + 12_800 <= x.len() {
            // Keep only voiced stretches, joined with 120 ms of silence.
            if x[i..i + 12_800].iter().all(|s| s.abs() > 0.0) {
                y.extend_from_slice(&x[i..i + 12_800]);
                y.extend(std::iter::repeat_n(0.0, 1_920));
                i += 12_800;
            } else {
                i += 160;
            }
        }
        assert!(y.len() > 16_000 * 6);
        let (chunks, stats) = cut_all(&y, ChunkingParams::default(), 1000);
        assert!(stats.gap >= 1, "{stats:?}");
        for c in chunks.iter().filter(|c| c.cut == Cut::Gap) {
            assert_eq!(
                c.samples.last(),
                Some(&0.0),
                "chunk {} ends in a word",
                c.seq
            );
        }
    }
}
