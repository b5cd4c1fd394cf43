//! Audio input and output: decoding, raw PCM, WAV writing and the planar block type.

pub mod buf;

pub use buf::Planar;
