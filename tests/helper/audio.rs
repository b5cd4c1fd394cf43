//! Test audio generated in the tests (no committed fixtures needed).

use std::path::Path;

/// Write a mono 16-bit WAV of `secs` seconds: a speech-like tone burst pattern
/// (voiced 150 Hz harmonics, on 300 ms / off 200 ms) over faint noise.
pub fn speech_like_wav(path: &Path, rate: u32, secs: f64) {
    let spec = hound::WavSpec {
        channels: 1,
        sample_rate: rate,
        bits_per_sample: 16,
        sample_format: hound::SampleFormat::Int,
    };
    let mut w = hound::WavWriter::create(path, spec).unwrap();
    let n = (f64::from(rate) * secs) as usize;
    let mut seed: u32 = 12345;
    for i in 0..n {
        let t = i as f64 / f64::from(rate);
        let on = (t % 0.5) < 0.3;
        let mut x = 0.0;
        if on {
            for h in 1..8 {
                x += (2.0 * std::f64::consts::PI * 150.0 * h as f64 * t).sin() / h as f64;
            }
            x *= 0.2;
        }
        seed = seed.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
        x += ((seed >> 8) as f64 / (1u32 << 24) as f64 - 0.5) * 0.01;
        w.write_sample((x * 32767.0) as i16).unwrap();
    }
    w.finalize().unwrap();
}

/// Write a silent mono 16-bit WAV.
pub fn silence_wav(path: &Path, rate: u32, secs: f64) {
    let spec = hound::WavSpec {
        channels: 1,
        sample_rate: rate,
        bits_per_sample: 16,
        sample_format: hound::SampleFormat::Int,
    };
    let mut w = hound::WavWriter::create(path, spec).unwrap();
    for _ in 0..(f64::from(rate) * secs) as usize {
        w.write_sample(0i16).unwrap();
    }
    w.finalize().unwrap();
}

/// Copy a 16-bit WAV with its samples scaled by `gain_db` (clamped to the 16-bit range).
pub fn scaled_wav(src: &Path, dst: &Path, gain_db: f64) {
    let mut r = hound::WavReader::open(src).unwrap();
    let mut w = hound::WavWriter::create(dst, r.spec()).unwrap();
    let g = 10f64.powf(gain_db / 20.0);
    for s in r.samples::<i16>() {
        let v = (f64::from(s.unwrap()) * g).round().clamp(-32768.0, 32767.0);
        w.write_sample(v as i16).unwrap();
    }
    w.finalize().unwrap();
}
