//! Transcribing files in-process: each file decoded, run through the DSP chain (or
//! not), converted to 16 kHz mono and cut into chunks by one producer thread, the
//! chunks transcribed by `in_flight` worker threads at once (across files), and each
//! file's results merged in chunk order once its last chunk is back.
//!
//! Memory is bounded whatever the length: the producer waits when `2 · in_flight`
//! chunks are queued, and a file holds only its chunk results (text) until it ends.
//! An engine failure (after its retries, or an open breaker) stops everything and is
//! returned: a transcript with holes would be wrong without saying so.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::time::Duration;

use super::chunker::ChunkerStats;
use super::merge::Seam;
use super::resample::ToEngineRate;
use super::{Chunk, Chunker, ChunkingParams, Engine, EngineResult, Line, Merger};
use crate::audio::Decoder;
use crate::dsp::StreamFormat;
use crate::dsp::chain::ChainConfig;
use crate::dsp::pipeline::Pipeline;
use crate::dsp::render::render;
use crate::engine::EngineError;
use crate::{Error, Result};

/// How files are transcribed.
#[derive(Debug, Clone)]
pub struct Options {
    /// The DSP chain the audio runs through first; none sends it as it is.
    pub chain: Option<ChainConfig>,
    pub chunking: ChunkingParams,
    /// Requests in flight at once.
    pub in_flight: usize,
}

/// One file's transcript.
#[derive(Debug, Clone)]
pub struct FileTranscript {
    pub path: PathBuf,
    pub duration_s: f64,
    pub lines: Vec<Line>,
    pub chunks: ChunkerStats,
    /// The language the engine heard most.
    pub language: Option<String>,
    /// Seconds the engine spent on the file's chunks (summed over requests).
    pub engine_s: f64,
}

enum Msg {
    Result {
        file: usize,
        seam: Seam,
        result: std::result::Result<(EngineResult, Duration), EngineError>,
    },
    End {
        file: usize,
        result: Result<(f64, ChunkerStats)>,
    },
}

#[derive(Default)]
struct FileState {
    results: BTreeMap<u64, (Seam, EngineResult)>,
    engine_s: f64,
    end: Option<(f64, ChunkerStats)>,
}

/// Transcribe `paths`. `progress(file, frames)` hears the frames read; `done(file,
/// transcript)` gets each file as it ends (in the order they end). Returns the first
/// engine failure.
pub fn transcribe_files(
    paths: &[PathBuf],
    engine: &Engine,
    opts: &Options,
    progress: &(dyn Fn(usize, u64) + Sync),
    mut done: impl FnMut(usize, Result<FileTranscript>),
) -> std::result::Result<(), EngineError> {
    let in_flight = opts.in_flight.max(1);
    let abort = AtomicBool::new(false);
    let (job_tx, job_rx) = mpsc::sync_channel::<(usize, Chunk)>(2 * in_flight);
    let job_rx = std::sync::Mutex::new(job_rx);
    let (msg_tx, msg_rx) = mpsc::channel::<Msg>();
    let mut failure = None;
    std::thread::scope(|scope| {
        for _ in 0..in_flight {
            let msg_tx = msg_tx.clone();
            let (job_rx, abort) = (&job_rx, &abort);
            scope.spawn(move || {
                loop {
                    let job = job_rx.lock().unwrap_or_else(|p| p.into_inner()).recv();
                    let Ok((file, chunk)) = job else { break };
                    if abort.load(Ordering::Relaxed) {
                        continue;
                    }
                    let session = format!("file:{}", paths[file].display());
                    let result = engine
                        .transcribe(&session, &chunk, None, |_| {})
                        .map(|r| (r.result, r.latency));
                    let seam = Seam::from(&chunk);
                    if msg_tx.send(Msg::Result { file, seam, result }).is_err() {
                        break;
                    }
                }
            });
        }
        {
            let msg_tx = msg_tx.clone();
            let abort = &abort;
            scope.spawn(move || {
                for (file, path) in paths.iter().enumerate() {
                    if abort.load(Ordering::Relaxed) {
                        break;
                    }
                    let result = produce(
                        path,
                        opts,
                        abort,
                        |frames| progress(file, frames),
                        |chunk| job_tx.send((file, chunk)).is_ok(),
                    );
                    if msg_tx.send(Msg::End { file, result }).is_err() {
                        break;
                    }
                }
            });
        }
        drop(msg_tx);
        let mut files: BTreeMap<usize, FileState> = BTreeMap::new();
        for msg in msg_rx {
            let file = match msg {
                Msg::Result { file, seam, result } => {
                    match result {
                        Ok((r, latency)) => {
                            let st = files.entry(file).or_default();
                            st.engine_s += latency.as_secs_f64();
                            st.results.insert(seam.seq, (seam, r));
                        }
                        Err(e) => {
                            abort.store(true, Ordering::Relaxed);
                            failure.get_or_insert(e);
                        }
                    }
                    file
                }
                Msg::End { file, result } => {
                    match result {
                        Ok(end) => files.entry(file).or_default().end = Some(end),
                        Err(e) => {
                            files.remove(&file);
                            done(file, Err(e));
                            continue;
                        }
                    }
                    file
                }
            };
            if failure.is_some() {
                continue;
            }
            let complete = files.get(&file).is_some_and(|st| {
                st.end
                    .is_some_and(|(_, stats)| st.results.len() as u64 == stats.chunks)
            });
            if complete && let Some(st) = files.remove(&file) {
                done(file, Ok(finish(&paths[file], st, opts.chunking.overlap_s)));
            }
        }
    });
    match failure {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

/// Merge a complete file's results.
fn finish(path: &Path, st: FileState, overlap_s: f64) -> FileTranscript {
    let (duration_s, chunks) = st.end.unwrap_or_default();
    let mut merger = Merger::new(overlap_s);
    let mut lines = Vec::new();
    let mut langs: BTreeMap<String, usize> = BTreeMap::new();
    for (seam, r) in st.results.values() {
        if let Some(l) = &r.language {
            *langs.entry(l.clone()).or_default() += 1;
        }
        lines.extend(merger.push(*seam, r));
    }
    lines.extend(merger.finish());
    let language = langs.into_iter().max_by_key(|(_, n)| *n).map(|(l, _)| l);
    FileTranscript {
        path: path.to_path_buf(),
        duration_s,
        lines,
        chunks,
        language,
        engine_s: st.engine_s,
    }
}

/// Decode, process, resample and chunk one file; `send` takes each chunk (false: stop).
fn produce(
    path: &Path,
    opts: &Options,
    abort: &AtomicBool,
    progress: impl Fn(u64),
    mut send: impl FnMut(Chunk) -> bool,
) -> Result<(f64, ChunkerStats)> {
    const BLOCK: usize = 4096;
    let mut decoder = Decoder::open(path)?;
    let info = decoder.info().clone();
    let mut pipeline = match &opts.chain {
        Some(chain) => Some(
            Pipeline::new(
                chain,
                StreamFormat {
                    sample_rate: info.sample_rate,
                    channels: info.channels,
                    max_block: BLOCK,
                },
            )
            .map_err(|e| Error::Invalid(format!("{}: {e}", path.display())))?,
        ),
        None => None,
    };
    let mut resampler = ToEngineRate::new(info.sample_rate)?;
    let mut chunker = Chunker::new(opts.chunking);
    let mut open = true;
    let frames = render(
        &mut decoder,
        pipeline.as_mut(),
        BLOCK,
        |b| progress(b.len() as u64),
        |b| {
            if abort.load(Ordering::Relaxed) || !open {
                return Err(Error::Other("stopped".into()));
            }
            let planes: Vec<&[f32]> = b.channels_iter().collect();
            resampler.push(&planes, |s| {
                chunker.push(s, |c| open &= send(c));
            });
            Ok(())
        },
    );
    if abort.load(Ordering::Relaxed) {
        return Err(Error::Other("stopped".into()));
    }
    let frames = frames?;
    resampler.finish(|s| chunker.push(s, |c| open &= send(c)));
    chunker.finish(|c| open &= send(c));
    Ok((frames as f64 / f64::from(info.sample_rate), chunker.stats()))
}
