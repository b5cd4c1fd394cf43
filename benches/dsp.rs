//! DSP engine benchmarks: time per 10 ms block (480 frames, 48 kHz mono) of every stage
//! in its default mode (plus `noise_reduction` in `rnn` mode and the equalizer with a
//! five-band preset), and of whole chains: the default chain, and all 11 stages enabled
//! (`benches/chains/all-stages.toml`), each with the default noise reduction and `rnn`.
//!
//! Input: 20 s of speech-like audio with pink noise and hum (`speech_noise.rs`), fed
//! block after block in a loop so trackers, gates and STFT stages see a real stream.
//! Each iteration copies one block in (480 samples, a few ns) and processes it.
//!
//! ```text
//! cargo bench -p orch --bench dsp                  # everything
//! cargo bench -p orch --bench dsp -- chain/        # only the chains
//! ```
//! Results and how they compare with the targets: docs/benchmarks.md.

mod speech_noise;

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use orch::audio::Planar;
use orch::dsp::chain::{ChainConfig, StageParams};
use orch::dsp::pipeline::{AnyStage, Pipeline};
use orch::dsp::stages::equalizer::{EqPreset, EqualizerParams};
use orch::dsp::stages::noise_reduction::{NoiseReductionMode, NoiseReductionParams};
use orch::dsp::{Stage, StageKind, StreamFormat};

const RATE: u32 = 48_000;
const BLOCK: usize = 480;

fn format() -> StreamFormat {
    StreamFormat {
        sample_rate: RATE,
        channels: 1,
        max_block: BLOCK,
    }
}

/// 20 s of test audio.
fn signal() -> Vec<f32> {
    let mut s = vec![0.0; RATE as usize * 20];
    speech_noise::SpeechNoise::new(RATE, 7).fill(&mut s);
    s
}

/// A looping block source over `signal`.
struct Feed<'a> {
    signal: &'a [f32],
    pos: usize,
    block: Planar,
}

impl<'a> Feed<'a> {
    fn new(signal: &'a [f32]) -> Self {
        Self {
            signal,
            pos: 0,
            block: Planar::new(1, BLOCK),
        }
    }

    fn next(&mut self) -> &mut Planar {
        if self.pos + BLOCK > self.signal.len() {
            self.pos = 0;
        }
        self.block.set_len(BLOCK);
        self.block
            .channel_mut(0)
            .copy_from_slice(&self.signal[self.pos..self.pos + BLOCK]);
        self.pos += BLOCK;
        &mut self.block
    }
}

fn load_chain(name: &str) -> ChainConfig {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("benches/chains")
        .join(name);
    ChainConfig::load(&path).unwrap_or_else(|e| panic!("{e}"))
}

fn stages(c: &mut Criterion) {
    let signal = signal();
    let mut group = c.benchmark_group("stage");
    group.throughput(Throughput::Elements(BLOCK as u64));
    let mut cases: Vec<(String, StageParams)> = StageKind::ALL
        .into_iter()
        .map(|k| {
            let p = StageParams::default_for(k).expect("every stage is built");
            (k.name().to_string(), p)
        })
        .collect();
    cases.insert(
        3,
        (
            "noise_reduction_rnn".into(),
            StageParams::NoiseReduction(NoiseReductionParams {
                mode: NoiseReductionMode::Rnn,
                ..NoiseReductionParams::default()
            }),
        ),
    );
    cases.insert(
        6,
        (
            "equalizer_voice_enhance".into(),
            StageParams::Equalizer(EqualizerParams {
                preset: EqPreset::VoiceEnhance,
                bands: Vec::new(),
            }),
        ),
    );
    for (name, params) in cases {
        let mut stage = AnyStage::new(&params);
        stage.prepare(format());
        let mut feed = Feed::new(&signal);
        // Warm the stage up on 2 s so trackers settle before timing.
        for _ in 0..200 {
            stage.process(feed.next());
        }
        group.bench_function(&name, |b| {
            b.iter(|| {
                let block = feed.next();
                stage.process(block);
                black_box(block.channel(0)[0]);
            })
        });
    }
    group.finish();
}

fn chains(c: &mut Criterion) {
    let signal = signal();
    let mut group = c.benchmark_group("chain");
    group.throughput(Throughput::Elements(BLOCK as u64));
    let cases = [
        ("default", ChainConfig::default()),
        ("default_rnn", load_chain("default-rnn.toml")),
        ("all_11", load_chain("all-stages.toml")),
        ("all_11_rnn", load_chain("all-stages-rnn.toml")),
    ];
    for (name, config) in cases {
        let mut pipeline = Pipeline::new(&config, format()).expect("valid chain");
        let mut feed = Feed::new(&signal);
        for _ in 0..200 {
            pipeline.process(feed.next());
        }
        group.bench_function(name, |b| {
            b.iter(|| {
                let block = feed.next();
                pipeline.process(block);
                black_box(block.channel(0)[0]);
            })
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    targets = stages, chains
}
criterion_main!(benches);
