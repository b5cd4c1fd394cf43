//! One file per stage. Each file starts with a doc comment naming its algorithm and
//! reference, and holds its parameter struct, validation, `prepare`, `process` and
//! unit tests against known answers.

pub mod agc;
pub mod compression;
pub mod conventional_denoising;
pub mod equalizer;
pub mod limiter;
pub mod lufs_normalization;
pub mod noise_reduction;
pub mod spectral_denoising;
pub mod vad;
pub mod voice_enhancement;
pub mod voice_filter;
