//! The realtime DSP engine: eleven voice-processing stages behind one [`Stage`] trait,
//! chained by the pipeline.

pub mod chain;
pub mod noise_estimate;
pub mod params;
pub mod perf_window;
pub mod pipeline;
pub mod real_fft;
pub mod render;
pub mod stage;
pub mod stages;
pub mod stft;
#[cfg(test)]
pub(crate) mod testing;
pub mod util;

pub use params::ParamError;
pub use stage::{Stage, StageKind, StageTelemetry, StreamFormat};
