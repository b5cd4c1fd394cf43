//! Per-block cost of a DSP chain: runs the chain over generated speech-like audio with
//! noise (`benches/speech_noise.rs`) in fixed blocks, times every block and prints the
//! distribution (p50, p90, p99, p99.9, max, mean) for the whole chain, and per stage
//! (from the pipeline's own histograms, 9 % bins).
//!
//! ```text
//! cargo run --release --example block_cost -- [CHAIN] [--seconds S] [--block N] [--rate HZ] [--json|--row]
//! ```
//! `--json` prints one JSON object; `--row` one Markdown table row (chain, stages, p50,
//! p90, p99, p99.9, max, mean in ms) for `scripts/bench-dsp`.
//! CHAIN is `default` (the built-in default chain) or a chain TOML file. Defaults: 60 s,
//! 480 frames (10 ms at 48 kHz), 48 000 Hz mono. Used by `scripts/bench-dsp`.

#[path = "../benches/speech_noise.rs"]
mod speech_noise;

use std::path::Path;
use std::time::Instant;

use orch::audio::Planar;
use orch::dsp::StreamFormat;
use orch::dsp::chain::ChainConfig;
use orch::dsp::pipeline::Pipeline;

struct Args {
    chain: String,
    seconds: f64,
    block: usize,
    rate: u32,
    json: bool,
    row: bool,
}

fn parse_args() -> Result<Args, String> {
    let mut a = Args {
        chain: "default".into(),
        seconds: 60.0,
        block: 480,
        rate: 48_000,
        json: false,
        row: false,
    };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        let mut value = |name: &str| -> Result<f64, String> {
            let v = it.next().ok_or(format!("{name} needs a value"))?;
            v.parse::<f64>()
                .map_err(|_| format!("{name}: `{v}` is not a number"))
        };
        match arg.as_str() {
            "--seconds" => a.seconds = value("--seconds")?,
            "--block" => a.block = value("--block")? as usize,
            "--rate" => a.rate = value("--rate")? as u32,
            "--json" => a.json = true,
            "--row" => a.row = true,
            s if s.starts_with('-') => return Err(format!("unknown flag {s}")),
            s => a.chain = s.to_string(),
        }
    }
    if a.seconds.is_nan() || a.seconds <= 0.0 || a.block == 0 {
        return Err("need --seconds > 0 and --block > 0".into());
    }
    Ok(a)
}

fn percentile(sorted: &[f64], q: f64) -> f64 {
    let i = ((q * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len()) - 1;
    sorted[i]
}

fn main() {
    let args = parse_args().unwrap_or_else(|e| {
        eprintln!(
            "block_cost: {e}\nusage: block_cost [default|CHAIN.toml] [--seconds S] [--block N] [--rate HZ] [--json|--row]"
        );
        std::process::exit(2)
    });
    let config = if args.chain == "default" {
        ChainConfig::default()
    } else {
        ChainConfig::load(Path::new(&args.chain)).unwrap_or_else(|e| {
            eprintln!("block_cost: {e}");
            std::process::exit(5)
        })
    };
    let format = StreamFormat {
        sample_rate: args.rate,
        channels: 1,
        max_block: args.block,
    };
    let mut pipeline = Pipeline::new(&config, format).unwrap_or_else(|e| {
        eprintln!("block_cost: {e}");
        std::process::exit(5)
    });
    let mut signal = vec![0.0f32; (args.seconds * f64::from(args.rate)) as usize];
    speech_noise::SpeechNoise::new(args.rate, 7).fill(&mut signal);
    let mut block = Planar::new(1, args.block);
    let mut times = Vec::with_capacity(signal.len() / args.block + 1);
    let started = Instant::now();
    for chunk in signal.chunks(args.block) {
        block.set_len(chunk.len());
        block.channel_mut(0).copy_from_slice(chunk);
        let t0 = Instant::now();
        pipeline.process(&mut block);
        times.push(t0.elapsed().as_secs_f64() * 1e3);
        std::hint::black_box(block.channel(0).first());
    }
    let wall = started.elapsed().as_secs_f64();
    let mean = times.iter().sum::<f64>() / times.len() as f64;
    times.sort_by(f64::total_cmp);
    let metrics = pipeline.metrics();
    let stages: Vec<serde_json::Value> = metrics
        .stages
        .iter()
        .map(|s| {
            serde_json::json!({
                "stage": s.stage.name(),
                "mean_ms": s.time.mean_ms,
                "p50_ms": s.time.p50_ms,
                "p99_ms": s.time.p99_ms,
                "max_ms": s.time.max_ms,
            })
        })
        .collect();
    let block_ms = args.block as f64 * 1e3 / f64::from(args.rate);
    let out = serde_json::json!({
        "chain": args.chain,
        "stages_enabled": metrics.stages.len(),
        "sample_rate": args.rate,
        "block_frames": args.block,
        "block_ms": block_ms,
        "blocks": times.len(),
        "p50_ms": percentile(&times, 0.50),
        "p90_ms": percentile(&times, 0.90),
        "p99_ms": percentile(&times, 0.99),
        "p999_ms": percentile(&times, 0.999),
        "max_ms": times[times.len() - 1],
        "mean_ms": mean,
        "realtime_factor": args.seconds / wall,
        "latency_samples": pipeline.latency(),
        "stages": stages,
    });
    if args.json {
        println!("{out}");
        return;
    }
    if args.row {
        let name = Path::new(&args.chain)
            .file_stem()
            .map_or(args.chain.clone(), |s| s.to_string_lossy().into_owned());
        println!(
            "| {name} | {} | {:.4} | {:.4} | {:.4} | {:.4} | {:.4} | {:.4} |",
            metrics.stages.len(),
            percentile(&times, 0.50),
            percentile(&times, 0.90),
            percentile(&times, 0.99),
            percentile(&times, 0.999),
            times[times.len() - 1],
            mean
        );
        return;
    }
    println!(
        "{}: {} stages, {} blocks of {} frames ({block_ms:.1} ms) at {} Hz",
        args.chain,
        metrics.stages.len(),
        times.len(),
        args.block,
        args.rate
    );
    println!(
        "whole chain per block: p50 {:.4} ms  p90 {:.4}  p99 {:.4}  p99.9 {:.4}  max {:.4}  mean {:.4}  ({:.0}x realtime)",
        percentile(&times, 0.50),
        percentile(&times, 0.90),
        percentile(&times, 0.99),
        percentile(&times, 0.999),
        times[times.len() - 1],
        mean,
        args.seconds / wall
    );
    println!(
        "{:<24} {:>9} {:>9} {:>9} {:>9}",
        "stage", "mean ms", "p50 ms", "p99 ms", "max ms"
    );
    for s in &metrics.stages {
        println!(
            "{:<24} {:>9.4} {:>9.4} {:>9.4} {:>9.4}",
            s.stage.name(),
            s.time.mean_ms,
            s.time.p50_ms,
            s.time.p99_ms,
            s.time.max_ms
        );
    }
}
