//! Loudness per ITU-R BS.1770-4 / EBU R128 (Tech 3341, 3342) with the `ebur128` crate:
//! integrated loudness, loudness range, momentary and short-term maxima, true peak and
//! sample peak.
//!
//! Audio is fed to the meter in 100 ms hops, and momentary (400 ms) and short-term (3 s)
//! loudness are read after every hop, so their maxima are sampled at 10 Hz as EBU Tech
//! 3341 asks, and a timeline point comes for free. A window that is not full yet (the
//! first 0.4 s or 3 s) has no value. Gating keeps the exact energy of every block (8
//! bytes per 100 ms plus 8 per second for the LRA: about 7.6 MB for 24 hours) rather
//! than ebur128's 0.1 dB histogram, whose bin centres would shift results by up to
//! 0.05 LU (a -23.00 LUFS tone would read -23.05).
//!
//! Channel weighting follows BS.1770: each channel counts once (a mono file is one
//! channel, so a -23 dBFS mono sine reads -26 LUFS); with `dual_mono` a mono channel
//! counts twice (the same sine reads -23 LUFS, as if played on two loudspeakers). Channels
//! 4 of 5.1 and above follow the SMPTE/WAV order L R C LFE Ls Rs: the LFE is excluded
//! and the surrounds are weighted +1.5 dB.

use ebur128::{Channel, EbuR128, Mode};
use serde::Serialize;

use crate::audio::Planar;
use crate::{Error, Result};

/// Most channels a meter takes (the decoder's limit).
const MAX_CH: usize = crate::audio::decode::MAX_CHANNELS;

/// A loudness value in LUFS or dB that is `None` when undefined (silence, -inf).
fn defined(v: f64) -> Option<f64> {
    v.is_finite().then_some(v)
}

/// Amplitude to dB, `None` for zero.
pub(crate) fn amp_db(a: f64) -> Option<f64> {
    (a > 0.0 && a.is_finite()).then(|| 20.0 * a.log10())
}

/// The loudness results, `None` where undefined.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct LoudnessReport {
    /// Gated integrated loudness (LUFS).
    pub integrated_lufs: Option<f64>,
    /// Loudness range (LU), from 3 s of audio on.
    pub lra_lu: Option<f64>,
    /// Highest momentary (400 ms) loudness (LUFS).
    pub momentary_max_lufs: Option<f64>,
    /// Highest short-term (3 s) loudness (LUFS).
    pub short_term_max_lufs: Option<f64>,
    /// Highest true peak over all channels (dBTP, 4x oversampled below 96 kHz).
    pub true_peak_dbtp: Option<f64>,
    /// Highest sample peak over all channels (dBFS).
    pub sample_peak_dbfs: Option<f64>,
    /// True peak per channel (dBTP).
    pub true_peak_per_channel_dbtp: Vec<Option<f64>>,
    /// Sample peak per channel (dBFS).
    pub sample_peak_per_channel_dbfs: Vec<Option<f64>>,
    /// The absolute-gated relative threshold used for the integrated loudness (LUFS).
    pub relative_threshold_lufs: Option<f64>,
    /// True when a mono channel was counted twice (`--dual-mono`).
    pub dual_mono: bool,
}

/// One 100 ms hop of the loudness meter.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hop {
    /// End of the hop, in seconds from the start.
    pub t_s: f64,
    /// Momentary loudness at the end of the hop (None before 0.4 s or in silence).
    pub momentary_lufs: Option<f64>,
    /// Short-term loudness at the end of the hop (None before 3 s or in silence).
    pub short_term_lufs: Option<f64>,
}

/// Streaming BS.1770 meter fed with planar blocks of any size.
pub struct LoudnessMeter {
    meter: EbuR128,
    channels: usize,
    hop: usize,
    /// Pending frames of the current 100 ms hop.
    pending: Vec<Vec<f32>>,
    filled: usize,
    hops: u64,
    sample_rate: u32,
    momentary_max: f64,
    short_term_max: f64,
    last: Option<Hop>,
    dual_mono: bool,
    /// Weighted energy of the last 30 hops (a ring indexed by hop number).
    energies: [f64; 30],
}

impl std::fmt::Debug for LoudnessMeter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LoudnessMeter")
            .field("channels", &self.channels)
            .field("sample_rate", &self.sample_rate)
            .field("hops", &self.hops)
            .finish_non_exhaustive()
    }
}

impl LoudnessMeter {
    /// A meter for `channels` channels at `sample_rate`; `dual_mono` counts a mono
    /// channel twice.
    pub fn new(sample_rate: u32, channels: usize, dual_mono: bool) -> Result<Self> {
        if channels == 0 || channels > MAX_CH {
            return Err(Error::Invalid(format!(
                "loudness meter: {channels} channels (allowed: 1 to {MAX_CH})"
            )));
        }
        let mode = Mode::I | Mode::LRA | Mode::M | Mode::S | Mode::TRUE_PEAK;
        let mut meter = EbuR128::new(channels as u32, sample_rate, mode)
            .map_err(|e| Error::Invalid(format!("loudness meter: {e}")))?;
        let dual_mono = dual_mono && channels == 1;
        if dual_mono {
            meter
                .set_channel(0, Channel::DualMono)
                .map_err(|e| Error::Invalid(format!("loudness meter: {e}")))?;
        } else if channels >= 4 {
            // SMPTE / WAVEFORMATEXTENSIBLE order: L R C LFE Ls Rs (then unweighted).
            let map = [
                Channel::Left,
                Channel::Right,
                Channel::Center,
                Channel::Unused,
                Channel::LeftSurround,
                Channel::RightSurround,
                Channel::Left,
                Channel::Right,
            ];
            for (i, ch) in map.iter().take(channels).enumerate() {
                meter
                    .set_channel(i as u32, *ch)
                    .map_err(|e| Error::Invalid(format!("loudness meter: {e}")))?;
            }
        }
        let hop = (sample_rate as usize + 5) / 10;
        Ok(Self {
            meter,
            channels,
            hop,
            pending: vec![vec![0.0; hop]; channels],
            filled: 0,
            hops: 0,
            sample_rate,
            momentary_max: f64::NEG_INFINITY,
            short_term_max: f64::NEG_INFINITY,
            last: None,
            dual_mono,
            energies: [0.0; 30],
        })
    }

    /// Frames per 100 ms hop.
    pub fn hop_frames(&self) -> usize {
        self.hop
    }

    /// Feed a block; `on_hop` is called after every completed 100 ms hop.
    pub fn push(&mut self, block: &Planar, on_hop: impl FnMut(&Hop)) {
        let mut planes: [&[f32]; MAX_CH] = [&[]; MAX_CH];
        for (c, plane) in planes.iter_mut().enumerate().take(self.channels) {
            *plane = block.channel(c);
        }
        self.push_planes(&planes[..self.channels], on_hop);
    }

    /// Feed one slice per channel (all of one length); `on_hop` is called after every
    /// completed 100 ms hop.
    pub fn push_planes(&mut self, block: &[&[f32]], mut on_hop: impl FnMut(&Hop)) {
        let len = block.first().map_or(0, |p| p.len());
        let mut at = 0;
        while at < len {
            let n = (self.hop - self.filled).min(len - at);
            if self.filled == 0 && n == self.hop {
                // A whole hop straight from the block, no copy.
                let mut planes: [&[f32]; MAX_CH] = [&[]; MAX_CH];
                for (plane, src) in planes.iter_mut().zip(block) {
                    *plane = &src[at..at + n];
                }
                self.add(&planes[..self.channels]);
            } else {
                for (pending, src) in self.pending.iter_mut().zip(block) {
                    pending[self.filled..self.filled + n].copy_from_slice(&src[at..at + n]);
                }
                self.filled += n;
                if self.filled == self.hop {
                    let pending = std::mem::take(&mut self.pending);
                    let mut planes: [&[f32]; MAX_CH] = [&[]; MAX_CH];
                    for (plane, p) in planes.iter_mut().zip(&pending) {
                        *plane = p;
                    }
                    self.add(&planes[..self.channels]);
                    self.pending = pending;
                    self.filled = 0;
                }
            }
            at += n;
            if self.filled == 0 {
                if let Some(h) = &self.last {
                    on_hop(h);
                }
            }
        }
    }

    /// Feed any partial hop left at the end of the stream (it counts for the peaks and,
    /// through the meter's own buffering, for nothing else).
    pub fn flush(&mut self) {
        if self.filled > 0 {
            let pending = std::mem::take(&mut self.pending);
            let planes: Vec<&[f32]> = pending.iter().map(|p| &p[..self.filled]).collect();
            let _ = self.meter.add_frames_planar_f32(&planes);
            self.pending = pending;
            self.filled = 0;
        }
    }

    fn add(&mut self, planes: &[&[f32]]) {
        // Errors are impossible here: the channel count matches and the mode has M and S.
        let _ = self.meter.add_frames_planar_f32(planes);
        // The weighted energy of this 100 ms hop; momentary and short-term loudness are
        // the means of the last 4 and 30 hops. (Asking the meter for its 400 ms and 3 s
        // windows every hop would sum 34 values per sample.)
        let hop_energy = self
            .meter
            .loudness_window(100)
            .ok()
            .filter(|l| l.is_finite())
            .map_or(0.0, |l| 10f64.powf((l + 0.691) / 10.0));
        self.energies[(self.hops % 30) as usize] = hop_energy;
        self.hops += 1;
        let t_s = self.hops as f64 / 10.0;
        let mean_of_last = |n: u64| {
            let sum: f64 = (self.hops - n..self.hops)
                .map(|i| self.energies[(i % 30) as usize])
                .sum();
            let e = sum / n as f64;
            (e > 0.0).then(|| -0.691 + 10.0 * e.log10())
        };
        let momentary = if self.hops >= 4 {
            mean_of_last(4)
        } else {
            None
        };
        let short_term = if self.hops >= 30 {
            mean_of_last(30)
        } else {
            None
        };
        if let Some(m) = momentary {
            self.momentary_max = self.momentary_max.max(m);
        }
        if let Some(s) = short_term {
            self.short_term_max = self.short_term_max.max(s);
        }
        self.last = Some(Hop {
            t_s,
            momentary_lufs: momentary,
            short_term_lufs: short_term,
        });
    }

    /// The last completed hop.
    pub fn last_hop(&self) -> Option<Hop> {
        self.last
    }

    /// Integrated loudness so far (LUFS), `None` while undefined.
    pub fn integrated(&self) -> Option<f64> {
        self.meter.loudness_global().ok().and_then(defined)
    }

    /// Highest true peak so far over all channels, linear.
    pub fn true_peak(&self) -> f64 {
        (0..self.channels)
            .filter_map(|c| self.meter.true_peak(c as u32).ok())
            .fold(0.0, f64::max)
    }

    /// Everything measured so far.
    pub fn report(&self) -> LoudnessReport {
        let integrated = self.integrated();
        // LRA needs short-term blocks (3 s) above the absolute gate.
        let lra = if integrated.is_some() && self.hops >= 30 {
            self.meter.loudness_range().ok().filter(|v| v.is_finite())
        } else {
            None
        };
        let tp: Vec<f64> = (0..self.channels)
            .map(|c| self.meter.true_peak(c as u32).unwrap_or(0.0))
            .collect();
        let sp: Vec<f64> = (0..self.channels)
            .map(|c| self.meter.sample_peak(c as u32).unwrap_or(0.0))
            .collect();
        LoudnessReport {
            integrated_lufs: integrated,
            lra_lu: lra,
            momentary_max_lufs: defined(self.momentary_max),
            short_term_max_lufs: defined(self.short_term_max),
            true_peak_dbtp: amp_db(tp.iter().copied().fold(0.0, f64::max)),
            sample_peak_dbfs: amp_db(sp.iter().copied().fold(0.0, f64::max)),
            true_peak_per_channel_dbtp: tp.into_iter().map(amp_db).collect(),
            sample_peak_per_channel_dbfs: sp.into_iter().map(amp_db).collect(),
            relative_threshold_lufs: integrated
                .and_then(|_| self.meter.relative_threshold().ok())
                .and_then(defined),
            dual_mono: self.dual_mono,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sine(rate: u32, secs: f64, freq: f64, amp_db: f64, channels: usize) -> Planar {
        let n = (rate as f64 * secs) as usize;
        let a = 10f64.powf(amp_db / 20.0);
        let mut p = Planar::new(channels, n);
        p.set_len(n);
        for c in 0..channels {
            for (i, s) in p.channel_mut(c).iter_mut().enumerate() {
                *s =
                    (a * (2.0 * std::f64::consts::PI * freq * i as f64 / rate as f64).sin()) as f32;
            }
        }
        p
    }

    fn feed(m: &mut LoudnessMeter, p: &Planar, block: usize) {
        let mut b = Planar::new(p.channels(), block);
        let mut at = 0;
        while at < p.len() {
            let n = block.min(p.len() - at);
            b.set_len(n);
            for c in 0..p.channels() {
                b.channel_mut(c).copy_from_slice(&p.channel(c)[at..at + n]);
            }
            m.push(&b, |_| {});
            at += n;
        }
        m.flush();
    }

    #[test]
    fn mono_sine_reads_minus_26_and_dual_mono_minus_23() {
        let p = sine(48_000, 5.0, 997.0, -23.0, 1);
        let mut m = LoudnessMeter::new(48_000, 1, false).unwrap();
        feed(&mut m, &p, 1000);
        let r = m.report();
        let i = r.integrated_lufs.unwrap();
        assert!((i + 26.01).abs() < 0.05, "{i}");
        let mut m = LoudnessMeter::new(48_000, 1, true).unwrap();
        feed(&mut m, &p, 1000);
        let i = m.report().integrated_lufs.unwrap();
        assert!((i + 23.0).abs() < 0.05, "{i}");
    }

    #[test]
    fn block_size_does_not_change_results() {
        let p = sine(44_100, 4.0, 440.0, -12.0, 2);
        let mut a = LoudnessMeter::new(44_100, 2, false).unwrap();
        feed(&mut a, &p, 64);
        let mut b = LoudnessMeter::new(44_100, 2, false).unwrap();
        feed(&mut b, &p, 10_000);
        assert_eq!(a.report(), b.report());
    }

    #[test]
    fn momentary_and_short_term_match_the_meters_own_windows() {
        let rate = 44_100;
        let mut m = LoudnessMeter::new(rate, 2, false).unwrap();
        let hop = m.hop_frames();
        let mut block = Planar::new(2, hop);
        block.set_len(hop);
        for h in 0..60 {
            let amp = 0.05 + 0.04 * ((h as f32) * 0.7).sin();
            for c in 0..2 {
                for (i, s) in block.channel_mut(c).iter_mut().enumerate() {
                    let t = (h * hop + i) as f32 / rate as f32;
                    *s = amp * (2.0 * std::f32::consts::PI * (300.0 + 500.0 * c as f32) * t).sin();
                }
            }
            m.push(&block, |_| {});
            let hop = m.last_hop().unwrap();
            if let Some(mom) = hop.momentary_lufs {
                let want = m.meter.loudness_momentary().unwrap();
                assert!((mom - want).abs() < 1e-9, "{mom} vs {want}");
            }
            if let Some(st) = hop.short_term_lufs {
                let want = m.meter.loudness_shortterm().unwrap();
                assert!((st - want).abs() < 1e-9, "{st} vs {want}");
            }
        }
        assert!(m.report().short_term_max_lufs.is_some());
    }

    #[test]
    fn silence_and_short_audio_are_null() {
        let mut m = LoudnessMeter::new(48_000, 2, false).unwrap();
        let mut p = Planar::new(2, 48_000);
        p.set_len(48_000);
        feed(&mut m, &p, 4800);
        let r = m.report();
        assert_eq!(r.integrated_lufs, None);
        assert_eq!(r.lra_lu, None);
        assert_eq!(r.momentary_max_lufs, None);
        assert_eq!(r.true_peak_dbtp, None);
        assert_eq!(r.sample_peak_dbfs, None);

        let p = sine(48_000, 0.3, 1000.0, -20.0, 1);
        let mut m = LoudnessMeter::new(48_000, 1, false).unwrap();
        feed(&mut m, &p, 4800);
        let r = m.report();
        assert_eq!(r.integrated_lufs, None);
        assert_eq!(r.momentary_max_lufs, None);
        assert!(r.sample_peak_dbfs.is_some());
    }
}
