//! The pipeline: stages built from a [`ChainConfig`] for one [`StreamFormat`], run in
//! order on every block, with the gains, switches and metrics applied once for all
//! stages.
//!
//! Realtime contract: after [`Pipeline::new`] (or an [`Pipeline::update`] that rebuilds),
//! [`Pipeline::process`] neither allocates, locks nor does I/O. Metrics are plain fields
//! (timing histograms of fixed size) read with [`Pipeline::metrics`].
//!
//! Live changes ([`Pipeline::update`]) follow CamillaDSP's config diff: when the enabled
//! stages and their order are unchanged, parameters are updated in place (filters and
//! envelopes keep their state, gains glide over 10 ms: no click). Any other change —
//! stages added, removed, moved, switched, or a parameter that changes a stage's latency
//! such as a look-ahead — builds a new chain and crossfades from the old one over 15 ms
//! with equal-power (sine/cosine) gains.
//!
//! A live change is made in two steps so that the audio thread never builds a stage:
//! [`PreparedChain::new`] (on the control side: it validates, diffs, and builds and
//! prepares any new stages, allocating as it needs) and [`Pipeline::apply`] (on the audio
//! thread: swaps parameters or slots, allocates nothing, and hands back what it replaced
//! as [`Retired`], to be dropped on the control side). [`Pipeline::update`] does both,
//! for offline use.

use std::time::Instant;

use serde::{Deserialize, Serialize};

use crate::audio::Planar;
use crate::dsp::chain::{ChainConfig, StageParams};
use crate::dsp::params::db_to_lin;
use crate::dsp::stages::agc::Agc;
use crate::dsp::stages::compression::Compression;
use crate::dsp::stages::conventional_denoising::ConventionalDenoising;
use crate::dsp::stages::equalizer::Equalizer;
use crate::dsp::stages::limiter::Limiter;
use crate::dsp::stages::lufs_normalization::LufsNormalization;
use crate::dsp::stages::noise_reduction::NoiseReduction;
use crate::dsp::stages::spectral_denoising::SpectralDenoising;
use crate::dsp::stages::vad::Vad;
use crate::dsp::stages::voice_enhancement::VoiceEnhancement;
use crate::dsp::stages::voice_filter::VoiceFilter;
use crate::dsp::util::{GainRamp, energy, energy_db, ms_to_frames};
use crate::dsp::{Stage, StageKind, StageTelemetry, StreamFormat};
use crate::{Error, Result};

/// Length of a chain crossfade.
pub const CROSSFADE_MS: f64 = 15.0;
/// Glide time of stage input/output gains.
const GAIN_RAMP_MS: f64 = 10.0;

/// Declares [`AnyStage`]: enum dispatch over the stage types (no vtable, typed updates).
macro_rules! any_stage {
    ($($kind:ident => $ty:ident),* $(,)?) => {
        /// One stage of any kind.
        // Stages live in a Vec built once; their size difference costs nothing per block.
        #[allow(clippy::large_enum_variant)]
        pub enum AnyStage {
            $(
                #[allow(missing_docs)]
                $kind($ty),
            )*
        }

        impl AnyStage {
            /// A stage built from its parameters.
            pub fn new(params: &StageParams) -> AnyStage {
                match params {
                    $(StageParams::$kind(p) => AnyStage::$kind($ty::new(p.clone())),)*
                }
            }

            /// Update parameters in place; false when they are for another kind.
            pub fn set_params(&mut self, params: &StageParams) -> bool {
                match (self, params) {
                    $((AnyStage::$kind(s), StageParams::$kind(p)) => {
                        s.set_params(p.clone());
                        true
                    })*
                    #[allow(unreachable_patterns)]
                    _ => false,
                }
            }

            fn inner(&mut self) -> &mut dyn Stage {
                match self {
                    $(AnyStage::$kind(s) => s,)*
                }
            }

            fn inner_ref(&self) -> &dyn Stage {
                match self {
                    $(AnyStage::$kind(s) => s,)*
                }
            }
        }
    };
}

any_stage! {
    Vad => Vad,
    VoiceFilter => VoiceFilter,
    NoiseReduction => NoiseReduction,
    VoiceEnhancement => VoiceEnhancement,
    Equalizer => Equalizer,
    SpectralDenoising => SpectralDenoising,
    ConventionalDenoising => ConventionalDenoising,
    LufsNormalization => LufsNormalization,
    Agc => Agc,
    Compression => Compression,
    Limiter => Limiter,
}

impl Stage for AnyStage {
    fn kind(&self) -> StageKind {
        self.inner_ref().kind()
    }
    fn prepare(&mut self, format: StreamFormat) {
        self.inner().prepare(format);
    }
    fn process(&mut self, audio: &mut Planar) {
        self.inner().process(audio);
    }
    fn latency(&self) -> usize {
        self.inner_ref().latency()
    }
    fn reset(&mut self) {
        self.inner().reset();
    }
    fn telemetry(&self) -> StageTelemetry {
        self.inner_ref().telemetry()
    }
}

/// Processing-time statistics of a stage or of the whole chain, per block, in ms.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct TimingStats {
    /// The last block.
    pub last_ms: f64,
    /// Mean over every block.
    pub mean_ms: f64,
    /// Mean over the last 10 blocks.
    pub recent_mean_ms: f64,
    /// The slowest block.
    pub max_ms: f64,
    /// Percentiles from a log-spaced histogram (bins 9% wide).
    pub p50_ms: f64,
    /// 95th percentile.
    pub p95_ms: f64,
    /// 99th percentile.
    pub p99_ms: f64,
}

/// Per-block timing with a fixed-size histogram (no allocation while recording).
#[derive(Debug, Clone)]
struct Timing {
    blocks: u64,
    total_s: f64,
    last_s: f64,
    max_s: f64,
    recent: [f64; 10],
    hist: [u32; Timing::BINS],
}

impl Timing {
    /// Bins of 2^(1/8) from 0.1 µs: the last bin (above ~0.8 s) catches everything slower.
    const BINS: usize = 192;
    const BASE_S: f64 = 1e-7;

    fn new() -> Self {
        Self {
            blocks: 0,
            total_s: 0.0,
            last_s: 0.0,
            max_s: 0.0,
            recent: [0.0; 10],
            hist: [0; Self::BINS],
        }
    }

    #[inline]
    fn record(&mut self, s: f64) {
        self.recent[(self.blocks % 10) as usize] = s;
        self.blocks += 1;
        self.total_s += s;
        self.last_s = s;
        self.max_s = self.max_s.max(s);
        let bin = if s <= Self::BASE_S {
            0
        } else {
            ((s / Self::BASE_S).log2() * 8.0) as usize
        };
        self.hist[bin.min(Self::BINS - 1)] += 1;
    }

    fn percentile_s(&self, q: f64) -> f64 {
        if self.blocks == 0 {
            return 0.0;
        }
        let want = (q * self.blocks as f64).ceil().max(1.0) as u64;
        let mut seen = 0u64;
        for (i, &c) in self.hist.iter().enumerate() {
            seen += u64::from(c);
            if seen >= want {
                // Upper edge of the bin, never above the true maximum.
                return (Self::BASE_S * 2f64.powf((i + 1) as f64 / 8.0)).min(self.max_s);
            }
        }
        self.max_s
    }

    fn stats(&self) -> TimingStats {
        let ms = 1e3;
        let n = self.blocks.min(10) as usize;
        TimingStats {
            last_ms: self.last_s * ms,
            mean_ms: if self.blocks == 0 {
                0.0
            } else {
                self.total_s / self.blocks as f64 * ms
            },
            recent_mean_ms: if n == 0 {
                0.0
            } else {
                self.recent[..n].iter().sum::<f64>() / n as f64 * ms
            },
            max_ms: self.max_s * ms,
            p50_ms: self.percentile_s(0.50) * ms,
            p95_ms: self.percentile_s(0.95) * ms,
            p99_ms: self.percentile_s(0.99) * ms,
        }
    }
}

/// A stage's processing-time budget per block (target and maximum, from
/// [`StageKind::latency_budget_ms`]) and whether the stage meets it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct LatencyBudget {
    /// Target processing time per block in ms.
    pub target_ms: f64,
    /// Maximum processing time per block in ms.
    pub max_ms: f64,
    /// Mean of the last 10 blocks within the target.
    pub target_met: bool,
    /// Slowest of the last 10 blocks within the maximum.
    pub max_met: bool,
}

/// Metrics of one stage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StageMetrics {
    /// Stage name.
    pub stage: StageKind,
    /// Position in the chain (0-based, counting disabled entries).
    pub position: usize,
    /// Blocks processed.
    pub blocks: u64,
    /// Processing time per block.
    pub time: TimingStats,
    /// RMS level of the last block before the input gain, dBFS (`null`: silence).
    pub input_level_db: Option<f64>,
    /// RMS level of the last block after the output gain, dBFS (`null`: silence).
    pub output_level_db: Option<f64>,
    /// RMS level of everything the stage received so far, dBFS (`null`: silence).
    pub mean_input_level_db: Option<f64>,
    /// RMS level of everything the stage put out so far, dBFS (`null`: silence).
    pub mean_output_level_db: Option<f64>,
    /// Delay the stage adds, in frames.
    pub latency_samples: usize,
    /// Its processing-time budget.
    pub budget: LatencyBudget,
    /// What the stage reports (gain reduction, gain, speech).
    pub telemetry: StageTelemetry,
}

/// Metrics of the whole pipeline (serializable for the daemon).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PipelineMetrics {
    /// Sample rate in Hz.
    pub sample_rate: u32,
    /// Channels.
    pub channels: usize,
    /// Blocks processed.
    pub blocks: u64,
    /// Frames processed.
    pub frames: u64,
    /// Total delay of the enabled stages, in frames.
    pub latency_samples: usize,
    /// The same in ms.
    pub latency_ms: f64,
    /// Processing time of the whole chain per block.
    pub time: TimingStats,
    /// RMS level of the last input block, dBFS (`null`: silence).
    pub input_level_db: Option<f64>,
    /// RMS level of the last output block, dBFS (`null`: silence).
    pub output_level_db: Option<f64>,
    /// Seconds of audio per second of processing so far (`null` before any block).
    pub realtime_factor: Option<f64>,
    /// Chain swaps done with a crossfade.
    pub crossfades: u64,
    /// The enabled stages, in order.
    pub stages: Vec<StageMetrics>,
}

struct Slot {
    position: usize,
    stage: AnyStage,
    params: StageParams,
    gain_in: GainRamp,
    gain_out: GainRamp,
    timing: Timing,
    input_db: Option<f64>,
    output_db: Option<f64>,
    /// Sums of squares and sample counts of everything in and out.
    in_energy: (f64, usize),
    out_energy: (f64, usize),
}

impl Slot {
    /// Run the stage over `audio`. With levels measured, `input` is the block's energy
    /// as it arrives (the previous stage's output energy: the same samples, so it is
    /// not summed twice) and the return value is the energy this stage passes on.
    #[inline]
    fn run(&mut self, audio: &mut Planar, input: Option<(f64, usize)>) -> Option<(f64, usize)> {
        let t0 = Instant::now();
        if let Some((e, n)) = input {
            self.input_db = energy_db(e, n);
            self.in_energy.0 += e;
            self.in_energy.1 += n;
        }
        self.gain_in.apply(audio);
        self.stage.process(audio);
        self.gain_out.apply(audio);
        let output = input.map(|_| energy(audio));
        if let Some((e, n)) = output {
            self.output_db = energy_db(e, n);
            self.out_energy.0 += e;
            self.out_energy.1 += n;
        }
        self.timing.record(t0.elapsed().as_secs_f64());
        output
    }
}

struct Fade {
    slots: Vec<Slot>,
    pos: usize,
    len: usize,
}

/// A running chain of stages for one stream format.
pub struct Pipeline {
    format: StreamFormat,
    config: ChainConfig,
    slots: Vec<Slot>,
    fade: Option<Fade>,
    retired: Vec<Slot>,
    scratch: Planar,
    timing: Timing,
    frames: u64,
    input_db: Option<f64>,
    output_db: Option<f64>,
    crossfades: u64,
    measure_levels: bool,
}

impl std::fmt::Debug for Pipeline {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pipeline")
            .field("format", &self.format)
            .field("stages", &self.config.enabled_kinds())
            .finish_non_exhaustive()
    }
}

impl Pipeline {
    /// Validate `config` and build its enabled stages for `format`.
    pub fn new(config: &ChainConfig, format: StreamFormat) -> Result<Pipeline> {
        if !(8_000..=192_000).contains(&format.sample_rate) {
            return Err(Error::Invalid(format!(
                "sample rate {} Hz is outside the DSP engine's range (8000 to 192000 Hz)",
                format.sample_rate
            )));
        }
        if format.channels == 0 || format.max_block == 0 {
            return Err(Error::Invalid(
                "the DSP engine needs at least one channel and a block of at least one frame"
                    .into(),
            ));
        }
        config.check()?;
        Ok(Pipeline {
            slots: build_slots(config, format),
            format,
            config: config.clone(),
            fade: None,
            retired: Vec::new(),
            scratch: Planar::new(format.channels, format.max_block),
            timing: Timing::new(),
            frames: 0,
            input_db: None,
            output_db: None,
            crossfades: 0,
            measure_levels: true,
        })
    }

    /// The stream format the pipeline was built for.
    pub fn format(&self) -> StreamFormat {
        self.format
    }

    /// The chain in use.
    pub fn config(&self) -> &ChainConfig {
        &self.config
    }

    /// Measure input/output levels of every stage (on by default; off saves two passes
    /// over each block per stage).
    pub fn set_measure_levels(&mut self, on: bool) {
        self.measure_levels = on;
    }

    /// Total delay of the chain in frames.
    pub fn latency(&self) -> usize {
        self.slots.iter().map(|s| s.stage.latency()).sum()
    }

    /// Process one block in place (`audio.len() <= max_block`, the format's channels).
    pub fn process(&mut self, audio: &mut Planar) {
        debug_assert!(audio.len() <= self.format.max_block);
        debug_assert_eq!(audio.channels(), self.format.channels);
        let t0 = Instant::now();
        let mut level = self.measure_levels.then(|| energy(audio));
        if let Some((e, n)) = level {
            self.input_db = energy_db(e, n);
        }
        if let Some(fade) = &mut self.fade {
            self.scratch.set_len(audio.len());
            for ch in 0..audio.channels() {
                self.scratch
                    .channel_mut(ch)
                    .copy_from_slice(audio.channel(ch));
            }
            for slot in &mut fade.slots {
                slot.run(&mut self.scratch, None);
            }
            for slot in &mut self.slots {
                level = slot.run(audio, level);
            }
            // The crossfade changes the block after the last stage: measure it again.
            level = level.map(|_| energy(audio));
            let n = audio.len();
            for i in 0..n {
                let x = ((fade.pos + i).min(fade.len) as f32 / fade.len as f32)
                    * std::f32::consts::FRAC_PI_2;
                let (new_g, old_g) = x.sin_cos();
                for ch in 0..audio.channels() {
                    let old = self.scratch.channel(ch)[i];
                    let new = &mut audio.channel_mut(ch)[i];
                    *new = *new * new_g + old * old_g;
                }
            }
            fade.pos += n;
            if fade.pos >= fade.len {
                // Keep the old stages until the next change hands them back: no
                // deallocation here.
                let done = self.fade.take().expect("fade is active");
                self.retired = done.slots;
            }
        } else {
            for slot in &mut self.slots {
                level = slot.run(audio, level);
            }
        }
        if let Some((e, n)) = level {
            self.output_db = energy_db(e, n);
        }
        self.frames += audio.len() as u64;
        self.timing.record(t0.elapsed().as_secs_f64());
    }

    /// Apply a new chain: [`PreparedChain::new`] then [`Pipeline::apply`], in one call
    /// (it allocates: offline use). Invalid chains are rejected and the running chain
    /// is kept.
    pub fn update(&mut self, config: &ChainConfig) -> Result<()> {
        let prepared = PreparedChain::new(&self.config, config, self.format)?;
        self.apply(prepared).map(drop).map_err(|(_, e)| e)
    }

    /// Swap in a prepared chain: parameters set in place, or the new stages crossfaded
    /// in. Allocates nothing and builds nothing (realtime-safe); what it replaced comes
    /// back as [`Retired`]. Refused (and handed back) when it was prepared for another
    /// stream format or another running chain.
    pub fn apply(
        &mut self,
        mut prepared: PreparedChain,
    ) -> std::result::Result<Retired, (Box<PreparedChain>, Error)> {
        let matches = match &prepared.change {
            Change::InPlace(p) => {
                p.len() == self.slots.len()
                    && self
                        .slots
                        .iter()
                        .zip(p)
                        .all(|(s, (_, params, _, _))| s.stage.kind() == params.kind())
            }
            Change::Rebuild(_) => true,
        };
        if prepared.format != self.format || !matches {
            return Err((
                Box::new(prepared),
                Error::Invalid("the chain changed while the new one was prepared".into()),
            ));
        }
        let retired_slots = std::mem::take(&mut self.retired);
        let mut faded = None;
        let in_place = match std::mem::replace(&mut prepared.change, Change::InPlace(Vec::new())) {
            Change::InPlace(mut items) => {
                for (slot, (pos, params, gain_in, gain_out)) in
                    self.slots.iter_mut().zip(items.drain(..))
                {
                    slot.position = pos;
                    if slot.params != params {
                        slot.stage.set_params(&params);
                        prepared
                            .spare
                            .push(std::mem::replace(&mut slot.params, params));
                    } else {
                        prepared.spare.push(params);
                    }
                    slot.gain_in.set_target(gain_in);
                    slot.gain_out.set_target(gain_out);
                }
                Some(items)
            }
            Change::Rebuild(new_slots) => {
                let old = std::mem::replace(&mut self.slots, new_slots);
                // A fade already running is cut short: its old chain goes back too.
                faded = self.fade.take().map(|f| f.slots);
                self.fade = Some(Fade {
                    slots: old,
                    pos: 0,
                    len: ms_to_frames(CROSSFADE_MS, self.format.sample_rate).max(1),
                });
                self.crossfades += 1;
                None
            }
        };
        let old_config = std::mem::replace(&mut self.config, prepared.config);
        Ok(Retired {
            _slots: retired_slots,
            _faded: faded,
            _params: prepared.spare,
            _in_place: in_place,
            _config: old_config,
        })
    }

    /// Forget all signal history of every stage (keeps the chain).
    pub fn reset(&mut self) {
        for s in &mut self.slots {
            s.stage.reset();
        }
        self.fade = None;
    }

    /// Current metrics.
    pub fn metrics(&self) -> PipelineMetrics {
        let sr = self.format.sample_rate;
        let latency = self.latency();
        PipelineMetrics {
            sample_rate: sr,
            channels: self.format.channels,
            blocks: self.timing.blocks,
            frames: self.frames,
            latency_samples: latency,
            latency_ms: latency as f64 * 1e3 / f64::from(sr),
            time: self.timing.stats(),
            input_level_db: self.input_db,
            output_level_db: self.output_db,
            realtime_factor: (self.timing.total_s > 0.0)
                .then(|| self.frames as f64 / f64::from(sr) / self.timing.total_s),
            crossfades: self.crossfades,
            stages: self
                .slots
                .iter()
                .map(|s| {
                    let kind = s.stage.kind();
                    let (target_ms, max_ms) = kind.latency_budget_ms();
                    let time = s.timing.stats();
                    let recent_max = s.timing.recent[..s.timing.blocks.min(10) as usize]
                        .iter()
                        .fold(0.0f64, |m, &x| m.max(x))
                        * 1e3;
                    StageMetrics {
                        stage: kind,
                        position: s.position,
                        blocks: s.timing.blocks,
                        time,
                        input_level_db: s.input_db,
                        output_level_db: s.output_db,
                        mean_input_level_db: energy_db(s.in_energy.0, s.in_energy.1),
                        mean_output_level_db: energy_db(s.out_energy.0, s.out_energy.1),
                        latency_samples: s.stage.latency(),
                        budget: LatencyBudget {
                            target_ms,
                            max_ms,
                            target_met: time.recent_mean_ms <= target_ms,
                            max_met: recent_max <= max_ms,
                        },
                        telemetry: s.stage.telemetry(),
                    }
                })
                .collect(),
        }
    }
}

/// A chain change ready for [`Pipeline::apply`]: validated against the running chain
/// and the stream format, new stages built and prepared. Made off the audio thread.
pub struct PreparedChain {
    format: StreamFormat,
    config: ChainConfig,
    change: Change,
    /// Room for the parameters the change replaces (no allocation when applied).
    spare: Vec<StageParams>,
}

enum Change {
    /// The same stages with the same latencies: (position, parameters, gain in, gain
    /// out) for each slot, set in place.
    InPlace(Vec<(usize, StageParams, f32, f32)>),
    /// New stages, crossfaded from the old ones.
    Rebuild(Vec<Slot>),
}

impl std::fmt::Debug for PreparedChain {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PreparedChain")
            .field("stages", &self.config.enabled_kinds())
            .field("rebuild", &matches!(self.change, Change::Rebuild(_)))
            .finish_non_exhaustive()
    }
}

impl PreparedChain {
    /// Prepare the change from the chain `current` (as running, for `format`) to
    /// `next`. Errors: `next` is not a valid chain.
    pub fn new(
        current: &ChainConfig,
        next: &ChainConfig,
        format: StreamFormat,
    ) -> Result<PreparedChain> {
        next.check()?;
        let old: Vec<&StageParams> = current
            .stages
            .iter()
            .filter(|e| e.enabled)
            .map(|e| &e.params)
            .collect();
        let new: Vec<(usize, &crate::dsp::chain::StageEntry)> = next
            .stages
            .iter()
            .enumerate()
            .filter(|(_, e)| e.enabled)
            .collect();
        let same_layout = old.len() == new.len()
            && old.iter().zip(&new).all(|(a, (_, e))| {
                a.kind() == e.kind() && (**a == e.params || same_latency(a, &e.params, format))
            });
        let change = if same_layout {
            Change::InPlace(
                new.iter()
                    .map(|(pos, e)| {
                        (
                            *pos,
                            e.params.clone(),
                            db_to_lin(e.gain_in_db as f32),
                            db_to_lin(e.gain_out_db as f32),
                        )
                    })
                    .collect(),
            )
        } else {
            Change::Rebuild(build_slots(next, format))
        };
        Ok(PreparedChain {
            format,
            config: next.clone(),
            change,
            spare: Vec::with_capacity(old.len()),
        })
    }

    /// The chain it applies.
    pub fn config(&self) -> &ChainConfig {
        &self.config
    }
}

/// What [`Pipeline::apply`] replaced: drop it off the audio thread.
pub struct Retired {
    _slots: Vec<Slot>,
    _faded: Option<Vec<Slot>>,
    _params: Vec<StageParams>,
    _in_place: Option<Vec<(usize, StageParams, f32, f32)>>,
    _config: ChainConfig,
}

impl std::fmt::Debug for Retired {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Retired").finish_non_exhaustive()
    }
}

/// Whether two parameter sets of one kind give stages of the same latency.
fn same_latency(a: &StageParams, b: &StageParams, format: StreamFormat) -> bool {
    let mut x = AnyStage::new(a);
    let mut y = AnyStage::new(b);
    let small = StreamFormat {
        max_block: 1,
        ..format
    };
    x.prepare(small);
    y.prepare(small);
    x.latency() == y.latency()
}

fn build_slots(config: &ChainConfig, format: StreamFormat) -> Vec<Slot> {
    let ramp = ms_to_frames(GAIN_RAMP_MS, format.sample_rate);
    config
        .stages
        .iter()
        .enumerate()
        .filter(|(_, e)| e.enabled)
        .map(|(position, e)| {
            let mut stage = AnyStage::new(&e.params);
            stage.prepare(format);
            Slot {
                position,
                stage,
                params: e.params.clone(),
                gain_in: GainRamp::new(db_to_lin(e.gain_in_db as f32), ramp),
                gain_out: GainRamp::new(db_to_lin(e.gain_out_db as f32), ramp),
                timing: Timing::new(),
                input_db: None,
                output_db: None,
                in_energy: (0.0, 0),
                out_energy: (0.0, 0),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dsp::chain::StageEntry;
    use crate::dsp::stages::compression::CompressionParams;
    use crate::dsp::testing;
    use crate::test_signals;

    fn everything_on() -> ChainConfig {
        let mut c = ChainConfig::default();
        for s in &mut c.stages {
            s.enabled = true;
            s.gain_in_db = 1.0;
            s.gain_out_db = -1.0;
        }
        c
    }

    fn format(sr: u32, channels: usize, max_block: usize) -> StreamFormat {
        StreamFormat {
            sample_rate: sr,
            channels,
            max_block,
        }
    }

    #[test]
    fn whole_chain_is_block_size_invariant() {
        for (sr, ch) in [(48_000, 1), (16_000, 2)] {
            let frames = sr as usize * 6 / 5;
            let input: Vec<Vec<f32>> = (0..ch)
                .map(|c| test_signals::voice(sr, frames, 3 + c as u64))
                .collect();
            let config = everything_on();
            testing::assert_processor_block_invariant("pipeline", &input, &mut |block| {
                let mut p = Pipeline::new(&config, format(sr, ch, block)).unwrap();
                Box::new(move |b: &mut Planar| p.process(b))
            });
        }
    }

    #[test]
    fn gains_apply_once_around_each_stage() {
        let mut c = ChainConfig {
            version: 1,
            stages: vec![StageEntry::new(StageParams::Compression(
                CompressionParams {
                    threshold_db: 0.0,
                    lookahead_ms: 0.0,
                    ..CompressionParams::default()
                },
            ))],
        };
        c.stages[0].gain_in_db = 6.0;
        c.stages[0].gain_out_db = -12.0;
        let mut p = Pipeline::new(&c, format(16_000, 1, 64)).unwrap();
        let input = vec![test_signals::sine(300.0, 0.01, 16_000, 1600)];
        let out = testing::run_blocks(&input, 64, &mut |b| p.process(b));
        let ratio = out[0][1000] / input[0][1000];
        assert!((20.0 * ratio.log10() + 6.0).abs() < 0.01, "{ratio}");
        assert_eq!(p.latency(), 0);
    }

    #[test]
    fn latency_is_the_sum_and_metrics_are_filled() {
        let c = ChainConfig::default();
        let mut p = Pipeline::new(&c, format(48_000, 1, 480)).unwrap();
        let input = vec![test_signals::voice(48_000, 48_000, 1)];
        testing::run_blocks(&input, 480, &mut |b| p.process(b));
        let m = p.metrics();
        assert_eq!(m.blocks, 100);
        assert_eq!(m.latency_samples, p.latency());
        assert_eq!(
            m.latency_samples,
            m.stages.iter().map(|s| s.latency_samples).sum::<usize>()
        );
        let of = |k: StageKind| {
            m.stages
                .iter()
                .find(|s| s.stage == k)
                .unwrap()
                .latency_samples
        };
        // agc 5 ms, compression 5 ms, limiter 5 ms + 13 frames.
        assert_eq!(of(StageKind::Agc) + of(StageKind::Compression), 480);
        assert_eq!(of(StageKind::Limiter), 240 + 12);
        assert_eq!(m.stages.len(), c.enabled_kinds().len());
        assert!(
            m.stages
                .iter()
                .all(|s| s.blocks == 100 && s.time.max_ms >= s.time.p50_ms)
        );
        assert!(m.realtime_factor.unwrap() > 1.0);
        let json = serde_json::to_string(&m).unwrap();
        assert!(json.contains("\"stage\":\"limiter\""));
    }

    #[test]
    fn parameter_changes_update_in_place_and_layout_changes_crossfade() {
        let sr = 48_000;
        let c = ChainConfig::default();
        let mut p = Pipeline::new(&c, format(sr, 1, 480)).unwrap();
        let input = [test_signals::sine(200.0, 0.3, sr, sr as usize)];
        let mut out = Vec::new();
        let mut block = Planar::new(1, 480);
        for (i, chunk) in input[0].chunks(480).enumerate() {
            if i == 30 {
                let mut c2 = c.clone();
                if let Some(StageEntry {
                    params: StageParams::Compression(cp),
                    ..
                }) = c2.stage_mut(StageKind::Compression)
                {
                    cp.threshold_db = -30.0;
                }
                p.update(&c2).unwrap();
                assert_eq!(p.metrics().crossfades, 0, "parameter change is in place");
            }
            if i == 60 {
                let mut c3 = p.config().clone();
                c3.bypass(StageKind::VoiceFilter);
                p.update(&c3).unwrap();
                assert_eq!(p.metrics().crossfades, 1);
            }
            block.copy_from_interleaved(chunk);
            p.process(&mut block);
            out.extend_from_slice(block.channel(0));
        }
        // No click: sample-to-sample steps stay at the level of a 200 Hz sine's.
        let max_step = out
            .windows(2)
            .map(|w| (w[1] - w[0]).abs())
            .fold(0.0, f32::max);
        let sine_step = 0.3 * 2.0 * std::f32::consts::PI * 200.0 / sr as f32;
        assert!(max_step < 3.0 * sine_step, "step {max_step} vs {sine_step}");
        // A rejected update keeps the running chain.
        let mut bad = p.config().clone();
        bad.stages[0].gain_in_db = 99.0;
        assert!(p.update(&bad).is_err());
    }

    #[test]
    fn rejects_bad_formats() {
        let c = ChainConfig::default();
        assert!(Pipeline::new(&c, format(4_000, 1, 64)).is_err());
        assert!(Pipeline::new(&c, format(48_000, 0, 64)).is_err());
    }
}
