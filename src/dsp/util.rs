//! Small realtime building blocks shared by the stages and the pipeline: time constants,
//! delay lines, gain ramps and block levels. Everything here allocates only in its
//! constructor.

use crate::audio::Planar;

/// Coefficient of a one-pole smoother with time constant `time_ms` at `sample_rate`
/// (`y += (1 - a) * (x - y)`). A zero time gives 0 (no smoothing).
pub fn one_pole_coeff(time_ms: f64, sample_rate: f64) -> f64 {
    let samples = time_ms * 1e-3 * sample_rate;
    if samples <= 0.0 {
        0.0
    } else {
        (-1.0 / samples).exp()
    }
}

/// Milliseconds to a whole number of frames (rounded).
pub fn ms_to_frames(ms: f64, sample_rate: u32) -> usize {
    (ms * 1e-3 * f64::from(sample_rate)).round().max(0.0) as usize
}

/// A fixed delay of `len` frames per channel (ring buffers sized once).
#[derive(Debug, Clone)]
pub struct DelayLine {
    bufs: Vec<Vec<f32>>,
    pos: usize,
}

impl DelayLine {
    /// A silent delay of `len` frames for `channels` channels.
    pub fn new(channels: usize, len: usize) -> Self {
        Self {
            bufs: vec![vec![0.0; len]; channels],
            pos: 0,
        }
    }

    /// Delay in frames.
    pub fn len(&self) -> usize {
        self.bufs.first().map_or(0, Vec::len)
    }

    /// True for a zero-length delay.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Push one sample of channel `ch` and return the one `len` frames older. Call for
    /// every channel of a frame, then [`DelayLine::advance`].
    #[inline]
    pub fn swap(&mut self, ch: usize, x: f32) -> f32 {
        let buf = &mut self.bufs[ch];
        if buf.is_empty() {
            return x;
        }
        std::mem::replace(&mut buf[self.pos], x)
    }

    /// Move to the next frame.
    #[inline]
    pub fn advance(&mut self) {
        let len = self.len();
        if len > 0 {
            self.pos += 1;
            if self.pos == len {
                self.pos = 0;
            }
        }
    }

    /// Delay a whole block in place.
    pub fn process(&mut self, audio: &mut Planar) {
        if self.is_empty() {
            return;
        }
        let n = audio.len();
        let channels = audio.channels().min(self.bufs.len());
        for i in 0..n {
            for ch in 0..channels {
                let x = audio.channel(ch)[i];
                audio.channel_mut(ch)[i] = self.swap(ch, x);
            }
            self.advance();
        }
    }

    /// Silence the delay.
    pub fn reset(&mut self) {
        for b in &mut self.bufs {
            b.fill(0.0);
        }
        self.pos = 0;
    }
}

/// A linear gain that glides to a new target over a fixed number of frames, sample by
/// sample, so changes never click and never depend on block boundaries.
#[derive(Debug, Clone, Copy)]
pub struct GainRamp {
    current: f32,
    target: f32,
    step: f32,
    remaining: usize,
    ramp_frames: usize,
}

impl GainRamp {
    /// A gain of `gain` (linear) gliding over `ramp_frames` on change.
    pub fn new(gain: f32, ramp_frames: usize) -> Self {
        Self {
            current: gain,
            target: gain,
            step: 0.0,
            remaining: 0,
            ramp_frames: ramp_frames.max(1),
        }
    }

    /// Glide to `gain` (linear).
    pub fn set_target(&mut self, gain: f32) {
        if gain == self.target {
            return;
        }
        self.target = gain;
        self.remaining = self.ramp_frames;
        self.step = (self.target - self.current) / self.ramp_frames as f32;
    }

    /// Jump to `gain` at once.
    pub fn set_now(&mut self, gain: f32) {
        self.current = gain;
        self.target = gain;
        self.remaining = 0;
    }

    /// True when the gain is exactly 1 and not moving: the block can be skipped.
    pub fn is_unity(&self) -> bool {
        self.remaining == 0 && self.current == 1.0
    }

    /// The gain for the next frame.
    #[inline]
    pub fn next_gain(&mut self) -> f32 {
        if self.remaining > 0 {
            self.remaining -= 1;
            self.current = if self.remaining == 0 {
                self.target
            } else {
                self.current + self.step
            };
        }
        self.current
    }

    /// Apply to a block in place.
    pub fn apply(&mut self, audio: &mut Planar) {
        if self.is_unity() {
            return;
        }
        if self.remaining == 0 {
            let g = self.current;
            for ch in audio.channels_mut() {
                for s in ch {
                    *s *= g;
                }
            }
            return;
        }
        let n = audio.len();
        for i in 0..n {
            let g = self.next_gain();
            for ch in audio.channels_mut() {
                ch[i] *= g;
            }
        }
    }
}

/// Sum of squares and sample count of a block over all channels.
pub fn energy(audio: &Planar) -> (f64, usize) {
    let mut sum = 0.0f64;
    for ch in 0..audio.channels() {
        let mut s32 = 0.0f32;
        for &s in audio.channel(ch) {
            s32 += s * s;
        }
        sum += f64::from(s32);
    }
    (sum, audio.len() * audio.channels())
}

/// RMS level in dBFS from a sum of squares over `n` samples; `None` for silence (RMS
/// below 1e-10) or no samples.
pub fn energy_db(sum: f64, n: usize) -> Option<f64> {
    if n == 0 {
        return None;
    }
    let rms = (sum / n as f64).sqrt();
    (rms >= 1e-10).then(|| 20.0 * rms.log10())
}

/// RMS level of a block in dBFS over all channels; `None` for silence (RMS below 1e-10)
/// or an empty block.
pub fn rms_db(audio: &Planar) -> Option<f64> {
    let (sum, n) = energy(audio);
    energy_db(sum, n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delay_line_delays() {
        let mut d = DelayLine::new(1, 3);
        let out: Vec<f32> = (1..=6)
            .map(|x| {
                let y = d.swap(0, x as f32);
                d.advance();
                y
            })
            .collect();
        assert_eq!(out, vec![0.0, 0.0, 0.0, 1.0, 2.0, 3.0]);
    }

    #[test]
    fn ramp_reaches_target() {
        let mut r = GainRamp::new(1.0, 4);
        r.set_target(0.0);
        let v: Vec<f32> = (0..6).map(|_| r.next_gain()).collect();
        assert_eq!(v, vec![0.75, 0.5, 0.25, 0.0, 0.0, 0.0]);
    }
}
