//! Any rate and channel count to 16 kHz mono, streaming: channels are averaged, then
//! resampled by rubato's synchronous FFT resampler. The resampler's delay is removed,
//! so output sample `n` is the input at time `n / 16000` s.

use rubato::{FftFixedIn, Resampler};

use super::ENGINE_RATE;
use crate::{Error, Result};

/// A streaming converter to 16 kHz mono.
pub struct ToEngineRate {
    fft: Option<FftFixedIn<f32>>,
    /// Mono input waiting for a whole resampler block.
    pending: Vec<f32>,
    out: Vec<Vec<f32>>,
    /// Output frames still to drop (the resampler's delay).
    skip: usize,
    /// Input frames taken, and output frames given (to flush exactly).
    frames_in: u64,
    frames_out: u64,
    rate: u32,
}

impl std::fmt::Debug for ToEngineRate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ToEngineRate")
            .field("rate", &self.rate)
            .finish()
    }
}

impl ToEngineRate {
    /// A converter from `rate`.
    pub fn new(rate: u32) -> Result<ToEngineRate> {
        let fft = if rate == ENGINE_RATE {
            None
        } else {
            let r = FftFixedIn::<f32>::new(rate as usize, ENGINE_RATE as usize, 1024, 2, 1)
                .map_err(|e| Error::Invalid(format!("cannot resample {rate} Hz to 16 kHz: {e}")))?;
            Some(r)
        };
        let skip = fft.as_ref().map_or(0, |f| f.output_delay());
        let out = vec![vec![0.0; fft.as_ref().map_or(0, |f| f.output_frames_max())]];
        Ok(ToEngineRate {
            fft,
            pending: Vec::new(),
            out,
            skip,
            frames_in: 0,
            frames_out: 0,
            rate,
        })
    }

    /// Take one block (planes of equal length); `emit` gets 16 kHz mono as it is made.
    pub fn push(&mut self, planes: &[&[f32]], mut emit: impl FnMut(&[f32])) {
        let Some(len) = planes.first().map(|p| p.len()) else {
            return;
        };
        let inv = 1.0 / planes.len() as f32;
        let start = self.pending.len();
        self.pending.resize(start + len, 0.0);
        for p in planes {
            for (o, &x) in self.pending[start..].iter_mut().zip(p.iter()) {
                *o += x * inv;
            }
        }
        self.frames_in += len as u64;
        self.drain(&mut emit, false);
    }

    /// The end of the input: flush what the resampler holds.
    pub fn finish(&mut self, mut emit: impl FnMut(&[f32])) {
        self.drain(&mut emit, true);
    }

    fn drain(&mut self, emit: &mut impl FnMut(&[f32]), last: bool) {
        let Some(fft) = &mut self.fft else {
            emit(&self.pending);
            self.frames_out += self.pending.len() as u64;
            self.pending.clear();
            return;
        };
        let mut used = 0;
        loop {
            let need = fft.input_frames_next();
            let have = self.pending.len() - used;
            let wanted = (self.frames_in * ENGINE_RATE as u64).div_ceil(self.rate as u64);
            if have < need && !(last && self.frames_out < wanted) {
                break;
            }
            let (taken, made) = if have >= need {
                fft.process_into_buffer(&[&self.pending[used..used + need]], &mut self.out, None)
            } else if have > 0 {
                fft.process_partial_into_buffer(Some(&[&self.pending[used..]]), &mut self.out, None)
            } else {
                fft.process_partial_into_buffer(None::<&[&[f32]]>, &mut self.out, None)
            }
            .expect("buffers sized by the resampler");
            used += taken.min(have);
            let mut part = &self.out[0][..made];
            let d = self.skip.min(part.len());
            part = &part[d..];
            self.skip -= d;
            if last {
                let left = wanted.saturating_sub(self.frames_out) as usize;
                part = &part[..part.len().min(left)];
            }
            if !part.is_empty() {
                emit(part);
                self.frames_out += part.len() as u64;
            }
        }
        self.pending.drain(..used);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn convert(rate: u32, input: &[f32], block: usize) -> Vec<f32> {
        let mut r = ToEngineRate::new(rate).unwrap();
        let mut out = Vec::new();
        for b in input.chunks(block) {
            r.push(&[b, b], |s| out.extend_from_slice(s));
        }
        r.finish(|s| out.extend_from_slice(s));
        out
    }

    #[test]
    fn a_sine_keeps_its_time_length_and_phase() {
        for rate in [8_000u32, 16_000, 44_100, 48_000] {
            let n = rate as usize; // one second
            let f = 440.0;
            let input: Vec<f32> = (0..n)
                .map(|i| {
                    (2.0 * std::f64::consts::PI * f * i as f64 / rate as f64).sin() as f32 * 0.5
                })
                .collect();
            let out = convert(rate, &input, 441);
            assert_eq!(out.len(), 16_000, "{rate} Hz");
            // In the middle (away from the edges) it is the same sine at 16 kHz.
            let err = (4000..12000)
                .map(|i| {
                    let want = (2.0 * std::f64::consts::PI * f * i as f64 / 16_000.0).sin() * 0.5;
                    (out[i] as f64 - want).abs()
                })
                .fold(0.0, f64::max);
            // Within half a sample at 16 kHz (a one-sample shift errs by 0.086 here).
            assert!(err < 0.05, "{rate} Hz: error {err}");
        }
    }
}
