//! Loudness per ITU-R BS.1770-4 / EBU R128 (Tech 3341, 3342): integrated loudness,
//! loudness range, momentary and short-term maxima, true peak and sample peak.
//!
//! Written here rather than taken from the ebur128 crate, which spent two thirds of
//! `orch analyze`'s time (its results are the reference of the unit tests below):
//!
//! - K-weighting: the BS.1770 pre-filter (high shelf) and RLB high-pass as two biquads in
//!   f64, with coefficients for any rate computed as libebur128 does. Each biquad is in
//!   direct form I with the feedback of the last output added last, so a sample waits
//!   on one multiply-add of the previous one, and two channels run in one loop.
//! - Audio is cut into 100 ms hops; the K-weighted, channel-weighted mean square of each
//!   hop is the unit everything else is built from. A 400 ms gating block (75 % overlap)
//!   is the mean of four consecutive hops, a 3 s short-term block the mean of thirty.
//!   Momentary and short-term loudness are read after every hop, so their maxima are
//!   sampled at 10 Hz as EBU Tech 3341 asks, and a timeline point comes for free. A
//!   window that is not full yet (the first 0.4 s or 3 s) has no value.
//! - Integrated loudness: BS.1770-4 gating (absolute -70 LUFS, relative -10 LU) over the
//!   exact energy of every 400 ms block. LRA: EBU Tech 3342 (short-term blocks every
//!   100 ms, absolute -70 LUFS and relative -20 LU gates, 10th to 95th percentile). For
//!   files the energies of the blocks above -70 LUFS are kept as f32 (4 bytes per 100 ms
//!   each: at most 80 bytes per second of audio); a live meter ([`LoudnessMeter::live`])
//!   keeps them in 0.01 LU bins with exact sums instead, bounded memory for streams of
//!   any length ([`super::gating`]).
//! - True peak: [`super::true_peak`].
//!
//! Channel weighting follows BS.1770: each channel counts once (a mono file is one
//! channel, so a -23 dBFS mono sine reads -26 LUFS); with `dual_mono` a mono channel
//! counts twice (the same sine reads -23 LUFS, as if played on two loudspeakers). Channels
//! 4 of 5.1 and above follow the SMPTE/WAV order L R C LFE Ls Rs: the LFE is excluded
//! and the surrounds are weighted 1.41 (+1.5 dB).

use serde::Serialize;

use super::gating::Blocks;
use super::kernels::{Biquad, BiquadState};
use super::true_peak::TruePeakMeter;
use crate::audio::Planar;
use crate::{Error, Result};

/// Most channels a meter takes (the decoder's limit).
const MAX_CH: usize = crate::audio::decode::MAX_CHANNELS;

/// Energy of a block at the absolute gate, -70 LUFS.
const ABS_GATE: f64 = 1.172_465_304_582_298e-7; // 10^((-70 + 0.691) / 10)

/// Loudness (LUFS) of a mean-square energy, `None` for zero.
fn loudness(energy: f64) -> Option<f64> {
    (energy > 0.0 && energy.is_finite()).then(|| 10.0 * energy.log10() - 0.691)
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

/// The K-weighting filter: BS.1770's pre-filter (a high shelf, +4 dB above 1.7 kHz) and
/// its RLB high-pass (38 Hz), for any sample rate (libebur128's bilinear design, which
/// gives BS.1770's published 48 kHz coefficients).
#[derive(Debug, Clone, Copy)]
struct KWeighting {
    shelf: Biquad,
    high_pass: Biquad,
}

impl KWeighting {
    fn new(rate: f64) -> Self {
        let f0 = 1681.974450955533;
        let g = 3.999843853973347;
        let q = 0.7071752369554196;
        let k = (std::f64::consts::PI * f0 / rate).tan();
        let vh = 10f64.powf(g / 20.0);
        let vb = vh.powf(0.4996667741545416);
        let a0 = 1.0 + k / q + k * k;
        let shelf = Biquad {
            b: [
                (vh + vb * k / q + k * k) / a0,
                2.0 * (k * k - vh) / a0,
                (vh - vb * k / q + k * k) / a0,
            ],
            a: [2.0 * (k * k - 1.0) / a0, (1.0 - k / q + k * k) / a0],
        };
        let f0 = 38.13547087602444;
        let q = 0.5003270373238773;
        let k = (std::f64::consts::PI * f0 / rate).tan();
        let a0 = 1.0 + k / q + k * k;
        let high_pass = Biquad {
            b: [1.0, -2.0, 1.0],
            a: [2.0 * (k * k - 1.0) / a0, (1.0 - k / q + k * k) / a0],
        };
        Self { shelf, high_pass }
    }

    /// Filter `N` channels side by side (so their dependency chains overlap), adding
    /// the squares of each filtered channel to `sum` (sample by sample, so the result
    /// does not depend on how the audio was cut into blocks).
    #[inline(always)]
    fn sum_squares<const N: usize>(
        &self,
        state: &mut [[BiquadState; 2]; N],
        sum: &mut [f64; N],
        x: [&[f32]; N],
    ) {
        let len = x[0].len();
        let mut st = *state;
        let mut acc = *sum;
        #[expect(
            clippy::needless_range_loop,
            reason = "N slices read at one index, channels innermost"
        )]
        for i in 0..len {
            for c in 0..N {
                let v = self.shelf.run(&mut st[c][0], f64::from(x[c][i]));
                let v = self.high_pass.run(&mut st[c][1], v);
                acc[c] += v * v;
            }
        }
        *state = st;
        *sum = acc;
    }
}

/// The K-weighted, channel-weighted mean square of every 100 ms hop of a stream: the
/// unit BS.1770 measurements are built from. Shared by [`LoudnessMeter`] and the DSP
/// engine's loudness normalization.
#[derive(Debug, Clone)]
pub struct HopEnergy {
    channels: usize,
    hop: usize,
    filter: KWeighting,
    /// Channel weights (0 for the LFE, which is then not filtered at all).
    weights: [f64; MAX_CH],
    state: [[BiquadState; 2]; MAX_CH],
    /// Sum of squares of the K-weighted signal in the current hop, per channel.
    hop_sum: [f64; MAX_CH],
    /// Frames of the current hop so far.
    filled: usize,
}

impl HopEnergy {
    /// Hops for `channels` channels (1 to 8) at `sample_rate`; `dual_mono` counts a mono
    /// channel twice. Channels 4 and up follow the SMPTE order (LFE excluded, surrounds
    /// +1.5 dB).
    pub fn new(sample_rate: u32, channels: usize, dual_mono: bool) -> Result<Self> {
        if channels == 0 || channels > MAX_CH {
            return Err(Error::Invalid(format!(
                "loudness meter: {channels} channels (allowed: 1 to {MAX_CH})"
            )));
        }
        if !(1..=1_000_000).contains(&sample_rate) {
            return Err(Error::Invalid(format!(
                "loudness meter: sample rate {sample_rate} Hz is invalid"
            )));
        }
        let mut weights = [1.0; MAX_CH];
        if dual_mono && channels == 1 {
            weights[0] = 2.0;
        } else if channels >= 4 {
            // SMPTE / WAVEFORMATEXTENSIBLE order: L R C LFE Ls Rs (then unweighted).
            weights[3] = 0.0;
            weights[4] = 1.41;
            weights[5] = 1.41;
        }
        Ok(Self {
            channels,
            hop: (sample_rate as usize + 5) / 10,
            filter: KWeighting::new(f64::from(sample_rate)),
            weights,
            state: Default::default(),
            hop_sum: [0.0; MAX_CH],
            filled: 0,
        })
    }

    /// Frames per 100 ms hop.
    pub fn hop_frames(&self) -> usize {
        self.hop
    }

    /// Take frames of `block` (one slice per channel) from `at` up to the end of the
    /// current hop or of the block. Returns how many frames were taken and, when they
    /// completed a hop, its energy.
    pub fn feed(&mut self, block: &[&[f32]], at: usize) -> (usize, Option<f64>) {
        let len = block.first().map_or(0, |p| p.len());
        let n = (self.hop - self.filled).min(len.saturating_sub(at));
        let mut seg: [&[f32]; MAX_CH] = [&[]; MAX_CH];
        for (s, p) in seg.iter_mut().zip(block) {
            *s = &p[at..at + n];
        }
        self.add(&seg[..self.channels]);
        self.filled += n;
        if self.filled < self.hop {
            return (n, None);
        }
        self.filled = 0;
        let mut energy = 0.0;
        for c in 0..self.channels {
            energy += self.weights[c] * self.hop_sum[c] / self.hop as f64;
            self.hop_sum[c] = 0.0;
            for s in &mut self.state[c] {
                s.flush_tiny();
            }
        }
        (n, Some(energy))
    }

    /// K-weight a segment within one hop into the hop's sums.
    fn add(&mut self, seg: &[&[f32]]) {
        let mut c = 0;
        while c < seg.len() {
            if c + 1 < seg.len() && self.weights[c] > 0.0 && self.weights[c + 1] > 0.0 {
                let mut st = [self.state[c], self.state[c + 1]];
                let mut sum = [self.hop_sum[c], self.hop_sum[c + 1]];
                self.filter
                    .sum_squares(&mut st, &mut sum, [seg[c], seg[c + 1]]);
                [self.state[c], self.state[c + 1]] = st;
                [self.hop_sum[c], self.hop_sum[c + 1]] = sum;
                c += 2;
            } else {
                if self.weights[c] > 0.0 {
                    let mut st = [self.state[c]];
                    let mut sum = [self.hop_sum[c]];
                    self.filter.sum_squares(&mut st, &mut sum, [seg[c]]);
                    self.state[c] = st[0];
                    self.hop_sum[c] = sum[0];
                }
                c += 1;
            }
        }
    }
}

/// Streaming BS.1770 meter fed with planar blocks of any size.
#[derive(Debug, Clone)]
pub struct LoudnessMeter {
    channels: usize,
    dual_mono: bool,
    energy: HopEnergy,
    hops: u64,
    /// Weighted mean square of the last 30 hops (a ring indexed by hop number).
    energies: [f64; 30],
    /// Energies of the 400 ms gating blocks above the absolute gate.
    gating_blocks: Blocks,
    /// Energies of the 3 s short-term blocks above the absolute gate (for the LRA).
    short_term_blocks: Blocks,
    momentary_max: f64,
    short_term_max: f64,
    last: Option<Hop>,
    peaks: TruePeakMeter,
}

impl LoudnessMeter {
    /// A meter for `channels` channels at `sample_rate`; `dual_mono` counts a mono
    /// channel twice.
    pub fn new(sample_rate: u32, channels: usize, dual_mono: bool) -> Result<Self> {
        Ok(Self {
            channels,
            dual_mono: dual_mono && channels == 1,
            energy: HopEnergy::new(sample_rate, channels, dual_mono)?,
            hops: 0,
            energies: [0.0; 30],
            gating_blocks: Blocks::exact(),
            short_term_blocks: Blocks::exact(),
            momentary_max: f64::NEG_INFINITY,
            short_term_max: f64::NEG_INFINITY,
            last: None,
            peaks: TruePeakMeter::new(sample_rate, channels),
        })
    }

    /// The same meter with bounded memory for a live stream: gating blocks in a
    /// histogram of 0.01 LU bins (about 320 kB, whatever the length).
    pub fn live(mut self) -> Self {
        self.gating_blocks = Blocks::histogram();
        self.short_term_blocks = Blocks::histogram();
        self
    }

    /// Frames per 100 ms hop.
    pub fn hop_frames(&self) -> usize {
        self.energy.hop_frames()
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
        let block = &block[..self.channels.min(block.len())];
        let len = block.first().map_or(0, |p| p.len());
        self.peaks.push(block);
        let mut at = 0;
        while at < len {
            let (n, closed) = self.energy.feed(block, at);
            at += n;
            if let Some(energy) = closed {
                self.close_hop(energy);
                if let Some(h) = &self.last {
                    on_hop(h);
                }
            }
        }
    }

    /// End of the stream. A partial last hop belongs to no gating block (as in
    /// BS.1770); its samples already count for the peaks.
    pub fn flush(&mut self) {}

    fn close_hop(&mut self, energy: f64) {
        self.energies[(self.hops % 30) as usize] = energy;
        self.hops += 1;
        let mean_of_last = |n: u64| -> f64 {
            let sum: f64 = (self.hops - n..self.hops)
                .map(|i| self.energies[(i % 30) as usize])
                .sum();
            sum / n as f64
        };
        let mut momentary = None;
        if self.hops >= 4 {
            let e = mean_of_last(4);
            if e >= ABS_GATE {
                self.gating_blocks.push(e);
            }
            momentary = loudness(e);
        }
        let mut short_term = None;
        if self.hops >= 30 {
            let e = mean_of_last(30);
            if e >= ABS_GATE {
                self.short_term_blocks.push(e);
            }
            short_term = loudness(e);
        }
        if let Some(m) = momentary {
            self.momentary_max = self.momentary_max.max(m);
        }
        if let Some(s) = short_term {
            self.short_term_max = self.short_term_max.max(s);
        }
        self.last = Some(Hop {
            t_s: self.hops as f64 / 10.0,
            momentary_lufs: momentary,
            short_term_lufs: short_term,
        });
    }

    /// The last completed hop.
    pub fn last_hop(&self) -> Option<Hop> {
        self.last
    }

    /// The relative gate energy and the gated mean energy of the 400 ms blocks.
    fn gated(&self) -> Option<(f64, f64)> {
        let (sum, n) = self.gating_blocks.above(0.0);
        if n == 0 {
            return None;
        }
        let relative = sum / n as f64 * 0.1; // -10 LU
        let (sum, n) = self.gating_blocks.above(relative);
        (n > 0).then(|| (relative, sum / n as f64))
    }

    /// Integrated loudness so far (LUFS), `None` while undefined.
    pub fn integrated(&self) -> Option<f64> {
        self.gated().and_then(|(_, e)| loudness(e))
    }

    /// Loudness range so far (LU), `None` while undefined (no short-term block above
    /// the gates).
    pub fn loudness_range(&self) -> Option<f64> {
        let (sum, n) = self.short_term_blocks.above(0.0);
        if n == 0 {
            return None;
        }
        let relative = sum / n as f64 * 0.01; // -20 LU
        // Nearest-rank percentiles, as libebur128.
        let (low, high) = self.short_term_blocks.percentiles(relative, 0.10, 0.95)?;
        Some(loudness(high)? - loudness(low)?)
    }

    /// Highest true peak so far over all channels, linear.
    pub fn true_peak(&self) -> f64 {
        (0..self.channels)
            .map(|c| self.peaks.true_peak(c))
            .fold(0.0, f64::max)
    }

    /// Everything measured so far.
    pub fn report(&self) -> LoudnessReport {
        let gated = self.gated();
        let integrated = gated.and_then(|(_, e)| loudness(e));
        let tp: Vec<f64> = (0..self.channels)
            .map(|c| self.peaks.true_peak(c))
            .collect();
        let sp: Vec<f64> = (0..self.channels)
            .map(|c| self.peaks.sample_peak(c))
            .collect();
        LoudnessReport {
            integrated_lufs: integrated,
            lra_lu: integrated.and(self.loudness_range()),
            momentary_max_lufs: self.momentary_max.is_finite().then_some(self.momentary_max),
            short_term_max_lufs: self
                .short_term_max
                .is_finite()
                .then_some(self.short_term_max),
            true_peak_dbtp: amp_db(tp.iter().copied().fold(0.0, f64::max)),
            sample_peak_dbfs: amp_db(sp.iter().copied().fold(0.0, f64::max)),
            true_peak_per_channel_dbtp: tp.into_iter().map(amp_db).collect(),
            sample_peak_per_channel_dbfs: sp.into_iter().map(amp_db).collect(),
            relative_threshold_lufs: gated.and_then(|(r, _)| loudness(r)),
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

    /// A stereo-or-more test signal with loudness changes, tones and noise.
    fn varied(rate: u32, channels: usize, secs: f64) -> Planar {
        let n = (rate as f64 * secs) as usize;
        let mut p = Planar::new(channels, n);
        p.set_len(n);
        let mut seed = 7u32;
        for c in 0..channels {
            for (i, s) in p.channel_mut(c).iter_mut().enumerate() {
                seed = seed.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
                let noise = (seed >> 8) as f64 / (1u32 << 24) as f64 - 0.5;
                let t = i as f64 / rate as f64;
                // Steps of 6 dB every 1.3 s plus a slow swing, different per channel.
                let env = 0.02 * 2f64.powi(((t / 1.3) as i32) % 5) * (1.0 + 0.5 * (t * 0.7).sin());
                let tone = (2.0 * std::f64::consts::PI * (60.0 + 700.0 * c as f64) * t).sin();
                *s = (env * (tone + 0.6 * noise)) as f32;
            }
        }
        p
    }

    /// The ebur128 crate's reading of the same audio.
    fn reference(rate: u32, p: &Planar, dual_mono: bool) -> ebur128::EbuR128 {
        use ebur128::{Channel, EbuR128, Mode};
        let mode = Mode::I | Mode::LRA | Mode::M | Mode::S | Mode::TRUE_PEAK;
        let mut r = EbuR128::new(p.channels() as u32, rate, mode).unwrap();
        if dual_mono {
            r.set_channel(0, Channel::DualMono).unwrap();
        } else if p.channels() >= 4 {
            let map = [
                Channel::Left,
                Channel::Right,
                Channel::Center,
                Channel::Unused,
                Channel::LeftSurround,
                Channel::RightSurround,
            ];
            for (i, ch) in map.iter().take(p.channels()).enumerate() {
                r.set_channel(i as u32, *ch).unwrap();
            }
        }
        r
    }

    #[test]
    fn agrees_with_the_ebur128_crate() {
        for (rate, channels, dual) in [
            (48_000, 2, false),
            (44_100, 1, true),
            (16_000, 6, false),
            (96_000, 2, false),
        ] {
            let p = varied(rate, channels, 9.0);
            let mut m = LoudnessMeter::new(rate, channels, dual).unwrap();
            let mut r = reference(rate, &p, dual);
            let hop = m.hop_frames();
            let planes: Vec<&[f32]> = (0..channels).map(|c| p.channel(c)).collect();
            let mut at = 0;
            while at + hop <= p.len() {
                let seg: Vec<&[f32]> = planes.iter().map(|c| &c[at..at + hop]).collect();
                m.push_planes(&seg, |_| {});
                r.add_frames_planar_f32(&seg).unwrap();
                at += hop;
                let h = m.last_hop().unwrap();
                let what = format!("{rate} Hz {channels} ch at {:.1} s", h.t_s);
                if let Some(v) = h.momentary_lufs {
                    let want = r.loudness_momentary().unwrap();
                    assert!((v - want).abs() < 1e-6, "{what}: momentary {v} vs {want}");
                }
                if let Some(v) = h.short_term_lufs {
                    let want = r.loudness_shortterm().unwrap();
                    assert!((v - want).abs() < 1e-6, "{what}: short-term {v} vs {want}");
                }
            }
            let rep = m.report();
            let what = format!("{rate} Hz {channels} ch");
            let i = rep.integrated_lufs.unwrap();
            let want = r.loudness_global().unwrap();
            assert!((i - want).abs() < 1e-4, "{what}: integrated {i} vs {want}");
            let thr = rep.relative_threshold_lufs.unwrap();
            let want = r.relative_threshold().unwrap();
            assert!(
                (thr - want).abs() < 1e-4,
                "{what}: threshold {thr} vs {want}"
            );
            // The crate takes a short-term block every second, this meter every 100 ms.
            let lra = rep.lra_lu.unwrap();
            let want = r.loudness_range().unwrap();
            assert!((lra - want).abs() < 0.5, "{what}: LRA {lra} vs {want}");
            for c in 0..channels {
                let tp = rep.true_peak_per_channel_dbtp[c].unwrap();
                let want = 20.0 * r.true_peak(c as u32).unwrap().log10();
                assert!((tp - want).abs() < 1e-4, "{what}: true peak {tp} vs {want}");
                let sp = rep.sample_peak_per_channel_dbfs[c].unwrap();
                let want = 20.0 * r.sample_peak(c as u32).unwrap().log10();
                assert!(
                    (sp - want).abs() < 1e-9,
                    "{what}: sample peak {sp} vs {want}"
                );
            }
        }
    }

    #[test]
    fn long_silence_flushes_the_filter_state_exactly() {
        // Loud, then a minute of digital silence (the filter state decays towards the
        // subnormal range and is flushed to zero), then the same loud part: it reads the
        // same as the first time, and the silent blocks are gated out.
        let rate = 8_000;
        let loud = sine(rate, 2.0, 100.0, -20.0, 1);
        let mut m = LoudnessMeter::new(rate, 1, false).unwrap();
        feed(&mut m, &loud, 800);
        let first = m.last_hop().unwrap().momentary_lufs.unwrap();
        let mut silent = Planar::new(1, rate as usize * 60);
        silent.set_len(rate as usize * 60);
        feed(&mut m, &silent, 8000);
        assert!(m.energy.state[0].iter().all(|s| s.y1 == 0.0 && s.y2 == 0.0));
        assert_eq!(m.last_hop().unwrap().momentary_lufs, None);
        let before = m.report().integrated_lufs;
        feed(&mut m, &loud, 800);
        let second = m.last_hop().unwrap().momentary_lufs.unwrap();
        assert!((first - second).abs() < 1e-6, "{first} vs {second}");
        assert!((m.report().integrated_lufs.unwrap() - before.unwrap()).abs() < 0.01);
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
