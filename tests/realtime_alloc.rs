//! The realtime promise, checked with a counting global allocator: once warmed up, a
//! bot's per-block work (the DSP pipeline, the live analyzer and its meters snapshot)
//! allocates nothing, for the default chain and for all 11 stages (with the spectral
//! noise reduction and with RNNoise). Only the test's own thread is counted.
#![allow(unsafe_code)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::path::Path;

use orch::analysis::{AnalysisOptions, Analyzer};
use orch::audio::Planar;
use orch::dsp::StreamFormat;
use orch::dsp::chain::ChainConfig;
use orch::dsp::pipeline::{Pipeline, PreparedChain};

struct Counting;

thread_local! {
    static COUNTING: Cell<bool> = const { Cell::new(false) };
    static ALLOCATIONS: Cell<u64> = const { Cell::new(0) };
    static FREES: Cell<u64> = const { Cell::new(0) };
}

fn note() {
    if COUNTING.with(Cell::get) {
        ALLOCATIONS.with(|a| a.set(a.get() + 1));
    }
}

// SAFETY: every call is passed on to the system allocator unchanged; the counters are
// const-initialised thread locals, which never allocate.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        note();
        unsafe { System.alloc(layout) }
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        note();
        unsafe { System.alloc_zeroed(layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        note();
        unsafe { System.realloc(ptr, layout, new_size) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        if COUNTING.with(Cell::get) {
            FREES.with(|a| a.set(a.get() + 1));
        }
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

const RATE: u32 = 48_000;
const BLOCK: usize = 480;

/// Speech-like test audio: a 150 Hz voice with harmonics, on 300 ms and off 200 ms,
/// over faint noise.
fn signal(secs: usize) -> Vec<f32> {
    let mut seed = 0x2545_f491_u32;
    (0..RATE as usize * secs)
        .map(|i| {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            let noise = (seed as f32 / u32::MAX as f32 - 0.5) * 0.01;
            let t = i as f32 / RATE as f32;
            let on = (t % 0.5) < 0.3;
            let voice: f32 = (1..6)
                .map(|h| (2.0 * std::f32::consts::PI * 150.0 * h as f32 * t).sin() / h as f32)
                .sum();
            noise + if on { 0.1 * voice } else { 0.0 }
        })
        .collect()
}

fn chain(name: &str) -> ChainConfig {
    if name == "default" {
        return ChainConfig::default();
    }
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("benches/chains")
        .join(format!("{name}.toml"));
    ChainConfig::load(&path).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn the_per_block_work_allocates_nothing_in_steady_state() {
    let audio = signal(30);
    for name in ["default", "all-stages", "all-stages-rnn"] {
        let format = StreamFormat {
            sample_rate: RATE,
            channels: 1,
            max_block: BLOCK,
        };
        let mut pipeline = Pipeline::new(&chain(name), format).unwrap();
        let mut analyzer = Analyzer::new(RATE, 1, 1.0, &AnalysisOptions::default())
            .unwrap()
            .live();
        let mut block = Planar::new(1, BLOCK);
        // Allocations of each part: pipeline, analyzer, meters.
        let mut counts = [0u64; 3];
        let mut run = |from: usize, blocks: usize, count: bool, counts: &mut [u64; 3]| {
            let mut part = |i: usize, f: &mut dyn FnMut()| {
                COUNTING.with(|c| c.set(count));
                f();
                COUNTING.with(|c| c.set(false));
                counts[i] += ALLOCATIONS.with(|a| a.replace(0));
            };
            for i in 0..blocks {
                let at = (from + i * BLOCK) % (audio.len() - BLOCK);
                block.set_len(BLOCK);
                block.channel_mut(0).copy_from_slice(&audio[at..at + BLOCK]);
                part(0, &mut || pipeline.process(&mut block));
                part(1, &mut || analyzer.push(&block));
                part(2, &mut || {
                    std::hint::black_box(analyzer.meters());
                });
            }
        };
        // Warm up: 20 s (every stage's trackers, the spectrum's frames, the meters).
        run(0, 2000, false, &mut counts);
        run(2000 * BLOCK, 1000, true, &mut counts);
        assert_eq!(
            counts,
            [0, 0, 0],
            "chain {name}: allocations in 1000 blocks by the pipeline, the analyzer, the meters"
        );
    }
}

#[test]
fn a_chain_change_prepared_off_the_audio_thread_allocates_and_frees_nothing_on_it() {
    let audio = signal(10);
    let format = StreamFormat {
        sample_rate: RATE,
        channels: 1,
        max_block: BLOCK,
    };
    let running = ChainConfig::default();
    let mut louder = running.clone();
    louder
        .stage_mut(orch::dsp::StageKind::Compression)
        .expect("the default chain compresses")
        .gain_out_db = -2.0;
    // A gain change is set in place; another preset's stages are crossfaded in.
    for (what, next) in [("in place", louder), ("rebuild", chain("all-stages"))] {
        let mut pipeline = Pipeline::new(&running, format).unwrap();
        let mut block = Planar::new(1, BLOCK);
        let mut feed = |pipeline: &mut Pipeline, from: usize, blocks: usize| {
            for i in 0..blocks {
                let at = (from + i * BLOCK) % (audio.len() - BLOCK);
                block.set_len(BLOCK);
                block.channel_mut(0).copy_from_slice(&audio[at..at + BLOCK]);
                pipeline.process(&mut block);
            }
        };
        feed(&mut pipeline, 0, 500);
        // The control side: validate, diff, build and prepare the new stages.
        let prepared = PreparedChain::new(&running, &next, format).unwrap();
        // The audio thread: swap, then run through the whole crossfade.
        ALLOCATIONS.with(|a| a.set(0));
        FREES.with(|a| a.set(0));
        COUNTING.with(|c| c.set(true));
        let retired = pipeline.apply(prepared);
        feed(&mut pipeline, 500 * BLOCK, 200);
        COUNTING.with(|c| c.set(false));
        let (allocs, frees) = (ALLOCATIONS.with(Cell::get), FREES.with(Cell::get));
        // Back on the control side: what it replaced is freed there.
        assert!(retired.is_ok(), "{what}: the change was refused");
        drop(retired);
        assert_eq!(pipeline.config(), &next, "{what}");
        assert_eq!(
            (allocs, frees),
            (0, 0),
            "{what}: allocations and frees on the audio thread for a chain change"
        );
    }
    // A change prepared for another chain is refused, not half applied.
    let mut pipeline = Pipeline::new(&chain("all-stages"), format).unwrap();
    let stale = PreparedChain::new(&running, &running, format).unwrap();
    assert!(pipeline.apply(stale).is_err());
    assert_eq!(pipeline.config(), &chain("all-stages"));
}
