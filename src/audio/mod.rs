//! Audio input and output: decoding, raw PCM, WAV writing and the planar block type.

pub mod buf;
pub mod contain;
pub mod decode;
pub mod pcm;
pub mod write;

#[cfg(test)]
mod fuzz;

pub use buf::Planar;
pub use decode::{AudioInfo, Decoder, RawFormat};
pub use write::{FileFormat, SampleFormat, WavWriter};
