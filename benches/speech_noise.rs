//! Deterministic speech-like test audio with background noise, shared by the DSP
//! benchmark (`benches/dsp.rs`) and the test-file generator
//! (`examples/gen_test_audio.rs`).
//!
//! "Words" of 0.3 to 1.2 s of voiced sound (a gliding fundamental of 90 to 240 Hz, its
//! harmonics up to 4 kHz weighted by two formant peaks, a 4 Hz syllable envelope) with
//! 0.2 to 0.8 s pauses, over pinkish noise about 25 dB below the speech (a fan or room
//! hum) plus a 50 Hz hum, so every stage (VAD, denoisers, dynamics) has work to do.

// Each includer uses a different subset.
#![allow(dead_code)]

use std::f64::consts::TAU;

/// Streaming generator: call [`SpeechNoise::next_sample`] once per frame.
pub struct SpeechNoise {
    sr: f64,
    rng: u64,
    /// Frames left in the current word or pause.
    left: usize,
    word_len: usize,
    speaking: bool,
    f0_start: f64,
    f0_end: f64,
    formant1: f64,
    formant2: f64,
    amp: f64,
    phase: f64,
    hum_phase: f64,
    /// Paul Kellet's economy pink filter state.
    pink: [f64; 3],
    /// Harmonic weights of the current word (index = harmonic number).
    weights: [f64; 48],
}

impl SpeechNoise {
    /// A generator at `sample_rate` Hz; `seed` picks the words.
    pub fn new(sample_rate: u32, seed: u64) -> Self {
        let mut g = Self {
            sr: f64::from(sample_rate),
            rng: seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1,
            left: (0.3 * f64::from(sample_rate)) as usize,
            word_len: 1,
            speaking: false,
            f0_start: 120.0,
            f0_end: 120.0,
            formant1: 500.0,
            formant2: 1500.0,
            amp: 0.3,
            phase: 0.0,
            hum_phase: 0.0,
            pink: [0.0; 3],
            weights: [0.0; 48],
        };
        g.left = g.left.max(1);
        g
    }

    fn uniform(&mut self) -> f64 {
        self.rng ^= self.rng << 13;
        self.rng ^= self.rng >> 7;
        self.rng ^= self.rng << 17;
        (self.rng >> 11) as f64 / (1u64 << 53) as f64
    }

    fn next_segment(&mut self) {
        self.speaking = !self.speaking;
        let seconds = if self.speaking {
            0.3 + 0.9 * self.uniform()
        } else {
            0.2 + 0.6 * self.uniform()
        };
        self.word_len = ((seconds * self.sr) as usize).max(1);
        self.left = self.word_len;
        if self.speaking {
            self.f0_start = 90.0 + 150.0 * self.uniform();
            self.f0_end = 90.0 + 150.0 * self.uniform();
            self.formant1 = 350.0 + 550.0 * self.uniform();
            self.formant2 = 1000.0 + 1500.0 * self.uniform();
            self.amp = 0.15 + 0.25 * self.uniform();
            let f0 = 0.5 * (self.f0_start + self.f0_end);
            let (f1, f2) = (self.formant1, self.formant2);
            for (h, w) in self.weights.iter_mut().enumerate() {
                let f = f0 * h as f64;
                *w = if h == 0 || f > 4000.0 || f > 0.45 * self.sr {
                    0.0
                } else {
                    let peak = |fc: f64, bw: f64| 1.0 / (1.0 + ((f - fc) / bw).powi(2));
                    (0.3 + peak(f1, 150.0) + 0.6 * peak(f2, 250.0)) / (h as f64).sqrt()
                };
            }
        }
    }

    /// The next sample (peak below 1).
    pub fn next_sample(&mut self) -> f32 {
        if self.left == 0 {
            self.next_segment();
        }
        self.left -= 1;
        let mut voice = 0.0;
        if self.speaking {
            let pos = 1.0 - self.left as f64 / self.word_len as f64;
            let f0 = self.f0_start + (self.f0_end - self.f0_start) * pos;
            self.phase = (self.phase + f0 / self.sr).fract();
            let mut sum = 0.0;
            for (h, &w) in self.weights.iter().enumerate().skip(1) {
                if w != 0.0 {
                    sum += w * (TAU * self.phase * h as f64).sin();
                }
            }
            let t = (self.word_len - self.left) as f64 / self.sr;
            let syllable = 0.55 - 0.45 * (TAU * 4.0 * t).cos();
            // 20 ms fades at both ends of the word.
            let edge =
                ((self.word_len - self.left).min(self.left) as f64 / (0.02 * self.sr)).min(1.0);
            voice = 0.35 * self.amp * sum * syllable * edge;
        }
        let white = 2.0 * self.uniform() - 1.0;
        self.pink[0] = 0.99765 * self.pink[0] + white * 0.099_046;
        self.pink[1] = 0.96300 * self.pink[1] + white * 0.296_516_4;
        self.pink[2] = 0.57000 * self.pink[2] + white * 1.052_691_3;
        let pink = (self.pink[0] + self.pink[1] + self.pink[2] + white * 0.1848) * 0.05;
        self.hum_phase = (self.hum_phase + 50.0 / self.sr).fract();
        let hum = 0.004 * (TAU * self.hum_phase).sin();
        (voice + 0.02 * pink + hum) as f32
    }

    /// Fill `out` with the next samples.
    pub fn fill(&mut self, out: &mut [f32]) {
        for x in out {
            *x = self.next_sample();
        }
    }
}
