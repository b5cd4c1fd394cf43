//! The realtime DSP engine: eleven voice-processing stages behind one [`Stage`] trait,
//! chained by the pipeline.

pub mod biquad;
pub mod chain;
pub mod params;
pub mod pipeline;
pub mod stage;
pub mod stages;
#[cfg(test)]
pub mod testing;
pub mod util;

pub use params::ParamError;
pub use stage::{Stage, StageKind, StageTelemetry, StreamFormat};
