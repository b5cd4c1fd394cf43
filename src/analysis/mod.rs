//! Streaming audio analysis: push planar blocks, read a snapshot or a report at any time.
//!
//! - [`loudness`]: BS.1770 / EBU R128 loudness, LRA, true and sample peak.
//! - [`true_peak`]: the 4x polyphase true-peak scanner of BS.1770 Annex 2.
//! - [`spectrum`]: Welch-averaged spectrum, peaks, centroid, roll-off, flatness, bands, THD.
//! - [`quality`]: RMS, crest factor, DC, clipping, noise floor, SNR, dynamic range,
//!   silence and speech ratios.
//! - [`timeline`]: loudness and level per 100 ms.
//! - [`assessment`]: standards compliance, grades and recommendations.
//! - [`report`]: the serialised report (keys documented in `docs/analysis.md`).
//!
//! [`Analyzer`] runs them all on one stream; [`analyze_file`] and [`analyze_decoder`]
//! are the offline entry points, [`Analyzer::meters`] the cheap live snapshot.

pub mod assessment;
mod gating;
mod kernels;
pub mod loudness;
pub mod quality;
pub mod report;
pub mod spectrum;
pub mod timeline;
pub mod true_peak;

use std::path::Path;
use std::sync::mpsc;

use serde::Serialize;

use crate::Result;
use crate::audio::Planar;
use crate::audio::decode::{AudioInfo, Decoder, MAX_CHANNELS};

pub use assessment::{Assessment, Grade};
pub use loudness::{LoudnessMeter, LoudnessReport};
pub use quality::{QualityAnalyzer, QualityReport};
pub use report::Report;
pub use spectrum::{SpectrumAnalyzer, SpectrumReport};
pub use timeline::{Timeline, TimelinePoint};

/// Frames per block read from a decoder.
const READ_BLOCK: usize = 8192;

/// What to analyse and how.
#[derive(Debug, Clone, PartialEq)]
pub struct AnalysisOptions {
    /// FFT size of the spectrum (a power of two, 256 to 65536).
    pub fft_size: usize,
    /// How many spectral peaks to report.
    pub max_peaks: usize,
    /// Keep one timeline point per 100 ms in the report.
    pub timeline: bool,
    /// Count a mono channel twice (as played on two loudspeakers).
    pub dual_mono: bool,
    /// Target of the assessment's recommendations (LUFS).
    pub target_lufs: f64,
    /// Points of the log-frequency spectrum curve to keep for plots (0: none).
    pub curve_points: usize,
}

impl Default for AnalysisOptions {
    fn default() -> Self {
        Self {
            fft_size: spectrum::DEFAULT_FFT,
            max_peaks: 5,
            timeline: false,
            dual_mono: false,
            target_lufs: assessment::DEFAULT_TARGET_LUFS,
            curve_points: 0,
        }
    }
}

impl AnalysisOptions {
    /// Reject invalid options with a one-line error.
    pub fn validate(&self) -> Result<()> {
        spectrum::check_fft_size(self.fft_size)?;
        if !(self.target_lufs.is_finite() && (-70.0..=0.0).contains(&self.target_lufs)) {
            return Err(crate::Error::Invalid(format!(
                "target loudness {} LUFS is invalid (allowed: -70 to 0)",
                self.target_lufs
            )));
        }
        Ok(())
    }
}

/// A cheap snapshot for live meters, `None` where undefined.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, serde::Deserialize)]
pub struct Meters {
    /// Audio analysed so far (s).
    pub t_s: f64,
    /// Momentary loudness of the last 400 ms (LUFS).
    pub momentary_lufs: Option<f64>,
    /// Short-term loudness of the last 3 s (LUFS).
    pub short_term_lufs: Option<f64>,
    /// Integrated loudness so far (LUFS).
    pub integrated_lufs: Option<f64>,
    /// Highest true peak so far (dBTP).
    pub true_peak_dbtp: Option<f64>,
    /// RMS level of the last 100 ms (dBFS).
    pub rms_dbfs: Option<f64>,
    /// Sample peak of the last 100 ms (dBFS).
    pub peak_dbfs: Option<f64>,
    /// Spectral centroid of the latest FFT frame (Hz).
    pub centroid_hz: Option<f64>,
}

/// All analyzers on one stream. Output never depends on how the input is cut into
/// blocks.
#[derive(Debug)]
pub struct Analyzer {
    loudness: LoudnessMeter,
    /// Runs beside the loudness meter (on its thread offline).
    quality: QualityAnalyzer,
    rest: Others,
    channels: usize,
    sample_rate: u32,
    target_lufs: f64,
    curve_points: usize,
}

/// The spectrum and the timeline, on the decoding thread offline (the loudness meter
/// and the quality analyzer run on the other).
#[derive(Debug)]
struct Others {
    spectrum: SpectrumAnalyzer,
    timeline: Timeline,
    channels: usize,
    frames: u64,
    /// Frames per 100 ms hop (the loudness meter's) and the position in the current one.
    hop: usize,
    hop_pos: usize,
    hops: u64,
}

impl Others {
    /// Feed one slice per channel, cut at the loudness meter's 100 ms boundaries so each
    /// timeline point's level covers exactly the meter's hop. `on_segment` gets every
    /// segment and whether it closed a hop.
    fn push_planes(
        &mut self,
        block: &[&[f32]],
        mut on_segment: impl FnMut(&[&[f32]], &mut Timeline),
    ) {
        let len = block.first().map_or(0, |p| p.len());
        let mut at = 0;
        while at < len {
            let n = (self.hop - self.hop_pos).min(len - at);
            let mut seg: [&[f32]; MAX_CHANNELS] = [&[]; MAX_CHANNELS];
            for (s, p) in seg.iter_mut().zip(block) {
                *s = &p[at..at + n];
            }
            let seg = &seg[..self.channels];
            self.timeline.push_planes(seg);
            self.spectrum.push_planes(seg);
            self.hop_pos = (self.hop_pos + n) % self.hop;
            if self.hop_pos == 0 {
                self.hops += 1;
                self.timeline.close_level(self.hops as f64 / 10.0);
            }
            on_segment(seg, &mut self.timeline);
            at += n;
        }
        self.frames += len as u64;
    }

    fn finish(&mut self) {
        self.spectrum.flush();
    }
}

impl Analyzer {
    /// Analyzers for a stream of `channels` at `sample_rate`, counting samples at or
    /// beyond `clip_level` as clipped.
    pub fn new(
        sample_rate: u32,
        channels: usize,
        clip_level: f32,
        opts: &AnalysisOptions,
    ) -> Result<Self> {
        opts.validate()?;
        crate::audio::decode::check_layout("audio", sample_rate, channels)?;
        let loudness = LoudnessMeter::new(sample_rate, channels, opts.dual_mono)?;
        let hop = loudness.hop_frames();
        Ok(Self {
            loudness,
            quality: QualityAnalyzer::new(sample_rate, channels, clip_level),
            rest: Others {
                spectrum: SpectrumAnalyzer::new(
                    sample_rate,
                    channels,
                    opts.fft_size,
                    opts.max_peaks,
                )?,
                timeline: Timeline::new(opts.timeline),
                channels,
                frames: 0,
                hop,
                hop_pos: 0,
                hops: 0,
            },
            channels,
            sample_rate,
            target_lufs: opts.target_lufs,
            curve_points: opts.curve_points,
        })
    }

    /// The same analyzer for a live stream of any length: loudness gating in bounded
    /// memory (a histogram of 0.01 LU bins instead of every block).
    pub fn live(mut self) -> Self {
        self.loudness = self.loudness.live();
        self
    }

    /// Analyzers for a decoder's stream.
    pub fn for_info(info: &AudioInfo, opts: &AnalysisOptions) -> Result<Self> {
        Self::new(info.sample_rate, info.channels, info.clip_level(), opts)
    }

    /// Frames analysed so far.
    pub fn frames(&self) -> u64 {
        self.rest.frames
    }

    /// Feed a block (its channel count must be the analyzer's).
    pub fn push(&mut self, block: &Planar) {
        let mut planes: [&[f32]; MAX_CHANNELS] = [&[]; MAX_CHANNELS];
        for (c, p) in planes.iter_mut().enumerate().take(self.channels) {
            *p = block.channel(c);
        }
        self.push_planes(&planes[..self.channels]);
    }

    /// Feed one slice per channel, all of one length.
    pub fn push_planes(&mut self, block: &[&[f32]]) {
        let loudness = &mut self.loudness;
        self.rest.push_planes(block, |seg, timeline| {
            loudness.push_planes(seg, |hop| timeline.set_loudness(hop));
        });
        self.quality.push_planes(block);
    }

    /// End of the stream: analyse what partial windows remain.
    pub fn finish(&mut self) {
        self.loudness.flush();
        self.quality.flush();
        self.rest.finish();
    }

    /// A cheap snapshot for live meters.
    pub fn meters(&self) -> Meters {
        let hop = self.loudness.last_hop();
        let point = self.rest.timeline.last();
        Meters {
            t_s: self.rest.frames as f64 / self.sample_rate as f64,
            momentary_lufs: hop.and_then(|h| h.momentary_lufs),
            short_term_lufs: hop.and_then(|h| h.short_term_lufs),
            integrated_lufs: self.loudness.integrated(),
            true_peak_dbtp: loudness::amp_db(self.loudness.true_peak()),
            rms_dbfs: point.and_then(|p| p.rms_dbfs),
            peak_dbfs: point.and_then(|p| p.peak_dbfs),
            centroid_hz: self.rest.spectrum.latest_centroid(),
        }
    }

    /// End a live stream (float PCM with no container, `codec` naming where it came
    /// from) and report all of it as `source`.
    pub fn finish_stream(&mut self, source: &str, codec: &str) -> Report {
        self.finish();
        let info = AudioInfo {
            sample_rate: self.sample_rate,
            channels: self.channels,
            frames: Some(self.frames()),
            codec: codec.into(),
            bits_per_sample: None,
            float: true,
        };
        self.report(source, &info, None)
    }

    /// The full report so far (call [`Analyzer::finish`] first at the end of a stream).
    pub fn report(&self, file: &str, info: &AudioInfo, warning: Option<&str>) -> Report {
        let loudness = self.loudness.report();
        let mut spectrum = self.rest.spectrum.report();
        if self.curve_points > 0 {
            spectrum.curve = Some(self.rest.spectrum.curve(self.curve_points));
        }
        let mut quality = self.quality.report();
        // A steady tone has no quiet windows to find a noise floor in: use the spectral
        // tone-to-rest ratio instead.
        if quality.snr_db.is_none() {
            quality.snr_db = spectrum.tonal_snr_db;
        }
        let assessment = assessment::assess(&loudness, &quality, self.target_lufs);
        Report {
            file: file.to_string(),
            sample_rate: self.sample_rate,
            channels: self.channels,
            duration_s: self.rest.frames as f64 / self.sample_rate as f64,
            frames: self.rest.frames,
            codec: info.codec.clone(),
            bits_per_sample: info.bits_per_sample,
            warning: warning.map(str::to_string),
            loudness,
            spectrum,
            quality,
            assessment,
            timeline: self.rest.timeline.points().map(<[TimelinePoint]>::to_vec),
        }
    }
}

/// Blocks in flight between the two threads of [`analyze_decoder`].
const POOL: usize = 4;

/// Analyse everything a decoder delivers. `progress` gets the frames done so far.
///
/// Two threads of about equal work: this one decodes and runs the spectrum and the
/// timeline; a scoped thread runs the loudness meter and the quality analyzer on the
/// same blocks, which travel through a small pool so nothing is allocated per block.
pub fn analyze_decoder(
    mut dec: Decoder,
    file: &str,
    opts: &AnalysisOptions,
    progress: &mut dyn FnMut(u64),
) -> Result<Report> {
    let info = dec.info().clone();
    let mut a = Analyzer::for_info(&info, opts)?;
    let (to_meter, meter_in) = mpsc::sync_channel::<Planar>(POOL);
    let (to_decoder, free) = mpsc::sync_channel::<Planar>(POOL);
    for _ in 0..POOL {
        let _ = to_decoder.send(Planar::new(info.channels, READ_BLOCK));
    }
    let keep_hops = a.rest.timeline.keeps_points();
    let loudness = &mut a.loudness;
    let quality = &mut a.quality;
    let rest = &mut a.rest;
    let (decoded, hops) = std::thread::scope(|s| {
        let meter = s.spawn(move || {
            let mut hops = Vec::new();
            for block in meter_in {
                loudness.push(&block, |h| {
                    if keep_hops {
                        hops.push(*h);
                    }
                });
                quality.push_planes(&planes(&block)[..block.channels()]);
                // The decoder may have stopped early: then nobody takes blocks back.
                let _ = to_decoder.send(block);
            }
            loudness.flush();
            quality.flush();
            hops
        });
        let decoded = (|| -> Result<()> {
            while let Ok(mut block) = free.recv() {
                if !dec.read(&mut block)? {
                    break;
                }
                rest.push_planes(&planes(&block)[..block.channels()], |_, _| {});
                progress(rest.frames);
                if to_meter.send(block).is_err() {
                    break;
                }
            }
            Ok(())
        })();
        drop(to_meter);
        let hops = meter.join().expect("loudness thread panicked");
        (decoded, hops)
    });
    decoded?;
    a.rest.finish();
    a.rest.timeline.set_all_loudness(&hops);
    Ok(a.report(file, &info, dec.warning()))
}

fn planes(block: &Planar) -> [&[f32]; MAX_CHANNELS] {
    let mut planes: [&[f32]; MAX_CHANNELS] = [&[]; MAX_CHANNELS];
    for (c, p) in planes.iter_mut().enumerate().take(block.channels()) {
        *p = block.channel(c);
    }
    planes
}

/// Decode and analyse one file.
pub fn analyze_file(path: &Path, opts: &AnalysisOptions) -> Result<Report> {
    opts.validate()?;
    let dec = Decoder::open(path)?;
    analyze_decoder(dec, &path.display().to_string(), opts, &mut |_| {})
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn block_size_does_not_change_the_report() {
        let rate = 16_000;
        let x: Vec<f32> = (0..rate * 4)
            .map(|i| {
                let t = i as f32 / rate as f32;
                0.3 * (2.0 * std::f32::consts::PI * 440.0 * t).sin() * (1.0 + (3.0 * t).sin()) * 0.5
            })
            .collect();
        let opts = AnalysisOptions {
            timeline: true,
            ..Default::default()
        };
        let info = AudioInfo {
            sample_rate: rate as u32,
            channels: 1,
            frames: None,
            codec: "test".into(),
            bits_per_sample: None,
            float: true,
        };
        let run = |block: usize| {
            let mut a = Analyzer::for_info(&info, &opts).unwrap();
            for chunk in x.chunks(block) {
                a.push_planes(&[chunk]);
            }
            a.finish();
            a.report("x", &info, None)
        };
        let a = run(100);
        let b = run(4096);
        // Equal up to float summation order.
        let close = |x: Option<f64>, y: Option<f64>| match (x, y) {
            (Some(x), Some(y)) => (x - y).abs() < 1e-9,
            (x, y) => x == y,
        };
        assert_eq!(a.loudness, b.loudness);
        assert!(close(a.quality.rms_dbfs, b.quality.rms_dbfs));
        assert_eq!(a.quality.noise_floor_dbfs, b.quality.noise_floor_dbfs);
        assert_eq!(a.quality.speech_ratio, b.quality.speech_ratio);
        assert_eq!(a.quality.silence_ratio, b.quality.silence_ratio);
        assert_eq!(
            a.timeline.as_ref().unwrap().len(),
            b.timeline.as_ref().unwrap().len()
        );
        for (p, q) in a.timeline.iter().flatten().zip(b.timeline.iter().flatten()) {
            assert_eq!(p.momentary_lufs, q.momentary_lufs);
            assert!(close(p.rms_dbfs, q.rms_dbfs));
        }
        assert_eq!(a.timeline.as_ref().unwrap().len(), 40);
        assert_eq!(a.spectrum.frames, b.spectrum.frames);
        let (ca, cb) = (
            a.spectrum.centroid_hz.unwrap(),
            b.spectrum.centroid_hz.unwrap(),
        );
        assert!((ca - cb).abs() < 1e-6);
    }

    #[test]
    fn meters_snapshot_is_defined_after_a_second() {
        let info = AudioInfo {
            sample_rate: 48_000,
            channels: 2,
            frames: None,
            codec: "test".into(),
            bits_per_sample: None,
            float: true,
        };
        let mut a = Analyzer::for_info(&info, &AnalysisOptions::default()).unwrap();
        assert_eq!(a.meters().momentary_lufs, None);
        let x: Vec<f32> = (0..48_000)
            .map(|i| 0.1 * (2.0 * std::f32::consts::PI * 1000.0 * i as f32 / 48_000.0).sin())
            .collect();
        for chunk in x.chunks(480) {
            a.push_planes(&[chunk, chunk]);
        }
        let m = a.meters();
        assert!((m.t_s - 1.0).abs() < 1e-9);
        assert!(m.momentary_lufs.is_some());
        assert!(m.integrated_lufs.is_some());
        assert!((m.rms_dbfs.unwrap() + 23.01).abs() < 0.05);
        assert!((m.centroid_hz.unwrap() - 1000.0).abs() < 100.0);
    }

    #[test]
    fn two_thread_offline_path_equals_the_streaming_one() {
        let rate = 22_050u32;
        let x: Vec<f32> = (0..rate as usize * 5)
            .map(|i| {
                let t = i as f32 / rate as f32;
                0.2 * (2.0 * std::f32::consts::PI * 330.0 * t).sin() * (1.2 + (2.0 * t).sin())
            })
            .collect();
        let bytes: Vec<u8> = x.iter().flat_map(|v| v.to_le_bytes()).collect();
        let opts = AnalysisOptions {
            timeline: true,
            ..Default::default()
        };
        let dec = Decoder::from_raw(
            Box::new(std::io::Cursor::new(bytes)),
            crate::audio::RawFormat::F32Le,
            rate,
            1,
        )
        .unwrap();
        let info = dec.info().clone();
        let par = analyze_decoder(dec, "x", &opts, &mut |_| {}).unwrap();
        let mut a = Analyzer::for_info(&info, &opts).unwrap();
        for chunk in x.chunks(READ_BLOCK) {
            a.push_planes(&[chunk]);
        }
        a.finish();
        let seq = a.report("x", &info, None);
        assert_eq!(par, seq);
        assert!(
            par.timeline
                .unwrap()
                .iter()
                .any(|p| p.short_term_lufs.is_some())
        );
    }

    #[test]
    fn bad_options_are_rejected() {
        let opts = AnalysisOptions {
            fft_size: 3000,
            ..Default::default()
        };
        let e = opts.validate().unwrap_err();
        assert!(e.to_string().contains("FFT size 3000"));
    }
}
