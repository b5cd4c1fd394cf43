//! orch core library: everything that is not argument parsing or process plumbing.
//!
//! - [`protocol`]: the messages between `orch` and `orchd`, their framing and a client.
//! - [`config`]: the one typed configuration, its loading and validation.
//! - [`store`]: the SQLite state and its migrations.
//! - [`audio`]: decoding, raw PCM input, WAV output and the planar block type.
//! - [`engine`]: calls to external engines: HTTP with bounded time and size, retries,
//!   circuit breakers.
//! - [`signal`]: filter primitives shared by `analysis` and `dsp`.
//! - [`analysis`]: streaming loudness, spectrum and quality analyzers.
//! - [`dsp`]: the realtime voice-processing engine (stages and pipeline).
//! - [`presets`]: built-in and user presets (named chains), their file format and diff.
//! - [`lang`]: language codes (ISO 639-1 with an optional region).
//! - [`metrics`]: Prometheus metrics of the process (observed and sampled).
//! - [`records`]: the rows and counts the store returns and the protocol carries.
//! - [`transcribe`]: speech to text: chunking, engines, merging, subtitles, files.
//! - [`translate`]: translation engines, the glossary and per-line translation.

pub mod analysis;
pub mod audio;
pub mod bots;
pub mod config;
pub mod disk;
pub mod dsp;
pub mod engine;
pub mod error;
pub mod lang;
#[cfg(test)]
mod layers;
pub mod metrics;
pub mod paths;
pub mod presets;
pub mod private;
pub mod protocol;
pub mod records;
pub mod signal;
pub mod store;
#[cfg(test)]
pub(crate) mod test_signals;
pub mod text_file;
pub mod transcribe;
pub mod translate;
pub mod webcam;

pub use error::{Error, ExitCode, Result};

/// Version of this build, shared by both binaries.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
