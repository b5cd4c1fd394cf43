//! Write deterministic speech-like test audio with background noise as a WAV file, for
//! `scripts/bench-dsp` and manual listening.
//!
//! ```text
//! cargo run --release --example gen_test_audio -- OUT.wav [SECONDS] [RATE] [CHANNELS]
//! ```
//! Defaults: 600 s, 48 000 Hz, 1 channel; 16-bit PCM.

#[path = "../benches/speech_noise.rs"]
mod speech_noise;

use speech_noise::SpeechNoise;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: gen_test_audio OUT.wav [SECONDS] [RATE] [CHANNELS]";
    let Some(out) = args.first() else {
        eprintln!("{usage}");
        std::process::exit(2);
    };
    let num = |i: usize, default: f64| -> f64 {
        args.get(i).map_or(default, |s| {
            s.parse().unwrap_or_else(|_| {
                eprintln!("gen_test_audio: `{s}` is not a number\n{usage}");
                std::process::exit(2)
            })
        })
    };
    let seconds = num(1, 600.0);
    let rate = num(2, 48_000.0) as u32;
    let channels = num(3, 1.0) as u16;
    let ok = seconds > 0.0 && (8_000..=192_000).contains(&rate) && (1..=8).contains(&channels);
    if !ok {
        eprintln!("gen_test_audio: need SECONDS > 0, RATE 8000-192000, CHANNELS 1-8\n{usage}");
        std::process::exit(2);
    }
    let spec = hound::WavSpec {
        channels,
        sample_rate: rate,
        bits_per_sample: 16,
        sample_format: hound::SampleFormat::Int,
    };
    let mut writer = hound::WavWriter::create(out, spec).unwrap_or_else(|e| {
        eprintln!("gen_test_audio: cannot create {out}: {e}");
        std::process::exit(1)
    });
    let mut gens: Vec<SpeechNoise> = (0..channels)
        .map(|c| SpeechNoise::new(rate, 7 + u64::from(c)))
        .collect();
    let frames = (seconds * f64::from(rate)) as u64;
    for _ in 0..frames {
        for g in &mut gens {
            let v = (g.next_sample() * 32767.0).round().clamp(-32768.0, 32767.0) as i16;
            writer.write_sample(v).expect("write sample");
        }
    }
    writer.finalize().expect("finalize WAV");
}
