//! Raw interleaved little-endian PCM from any reader (stdin with `-`): s16le, s24le, f32le.
//!
//! Reads one block at a time into a fixed byte buffer, so memory does not grow with the
//! stream's length. A stream that ends inside a frame keeps the complete frames and says
//! how many bytes it dropped.

use std::fmt;
use std::io::{ErrorKind, Read};
use std::str::FromStr;

use crate::audio::Planar;
use crate::{Error, Result};

/// Sample encoding of raw PCM input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum RawFormat {
    #[serde(rename = "s16le")]
    /// Signed 16-bit little-endian integers.
    S16Le,
    /// Signed 24-bit little-endian integers packed in 3 bytes.
    #[serde(rename = "s24le")]
    S24Le,
    /// 32-bit little-endian IEEE floats (full scale is 1.0).
    #[serde(rename = "f32le")]
    F32Le,
}

impl RawFormat {
    /// Every format, for help texts and errors.
    pub const ALL: [RawFormat; 3] = [RawFormat::S16Le, RawFormat::S24Le, RawFormat::F32Le];

    /// The name used on the command line (`s16le`, `s24le`, `f32le`).
    pub fn name(self) -> &'static str {
        match self {
            RawFormat::S16Le => "s16le",
            RawFormat::S24Le => "s24le",
            RawFormat::F32Le => "f32le",
        }
    }

    /// Bytes per sample.
    pub fn bytes(self) -> usize {
        match self {
            RawFormat::S16Le => 2,
            RawFormat::S24Le => 3,
            RawFormat::F32Le => 4,
        }
    }

    /// Bits per sample.
    pub fn bits(self) -> u32 {
        self.bytes() as u32 * 8
    }

    /// True for floating-point samples.
    pub fn is_float(self) -> bool {
        self == RawFormat::F32Le
    }

    /// Decode one sample from exactly `self.bytes()` bytes to `f32` full scale ±1.
    #[inline]
    fn sample(self, b: &[u8]) -> f32 {
        match self {
            RawFormat::S16Le => i16::from_le_bytes([b[0], b[1]]) as f32 / 32_768.0,
            RawFormat::S24Le => {
                // Put the 3 bytes in the top of an i32 and shift back to sign-extend.
                let v = i32::from_le_bytes([0, b[0], b[1], b[2]]) >> 8;
                v as f32 / 8_388_608.0
            }
            RawFormat::F32Le => f32::from_le_bytes([b[0], b[1], b[2], b[3]]),
        }
    }
}

impl fmt::Display for RawFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for RawFormat {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self> {
        RawFormat::ALL
            .into_iter()
            .find(|f| f.name() == s)
            .ok_or_else(|| {
                Error::Invalid(format!(
                    "unknown raw PCM format `{s}` (allowed: s16le, s24le, f32le)"
                ))
            })
    }
}

/// Streaming reader of raw interleaved PCM.
pub(crate) struct RawReader {
    reader: Box<dyn Read + Send>,
    format: RawFormat,
    channels: usize,
    bytes: Vec<u8>,
    done: bool,
    /// Set when the stream ended inside a frame or a read failed.
    pub(crate) warning: Option<String>,
    frames_read: u64,
    sample_rate: u32,
}

impl RawReader {
    pub(crate) fn new(
        reader: Box<dyn Read + Send>,
        format: RawFormat,
        channels: usize,
        sample_rate: u32,
    ) -> Self {
        Self {
            reader,
            format,
            channels,
            bytes: Vec::new(),
            done: false,
            warning: None,
            frames_read: 0,
            sample_rate,
        }
    }

    /// Fill `out` with up to its capacity of frames; false when the stream has ended and
    /// nothing was read.
    pub(crate) fn read(&mut self, out: &mut Planar) -> Result<bool> {
        out.set_len(0);
        if self.done {
            return Ok(false);
        }
        let frame_bytes = self.format.bytes() * self.channels;
        let want = out.capacity() * frame_bytes;
        if self.bytes.len() != want {
            self.bytes.resize(want, 0);
        }
        // Fill the byte buffer completely unless the stream ends: `want` is a whole
        // number of frames, so a partial frame can only remain at the end.
        let mut filled = 0;
        while filled < want {
            match self.reader.read(&mut self.bytes[filled..want]) {
                Ok(0) => {
                    self.done = true;
                    break;
                }
                Ok(n) => filled += n,
                Err(e) if e.kind() == ErrorKind::Interrupted => continue,
                Err(e) => {
                    self.done = true;
                    self.warning = Some(format!(
                        "reading raw PCM failed after {:.3} s: {e}",
                        self.time_s()
                    ));
                    break;
                }
            }
        }
        let frames = filled / frame_bytes;
        let rest = filled - frames * frame_bytes;
        if self.done && rest > 0 && self.warning.is_none() {
            self.warning = Some(format!(
                "raw PCM ended inside a frame after {:.3} s: {rest} trailing byte(s) ignored",
                (self.frames_read + frames as u64) as f64 / self.sample_rate as f64
            ));
        }
        out.set_len(frames);
        let (format, bps) = (self.format, self.format.bytes());
        for (c, dst) in out.channels_mut().enumerate() {
            for (f, d) in dst.iter_mut().enumerate() {
                let at = f * frame_bytes + c * bps;
                *d = format.sample(&self.bytes[at..at + bps]);
            }
        }
        self.frames_read += frames as u64;
        Ok(frames > 0)
    }

    fn time_s(&self) -> f64 {
        self.frames_read as f64 / self.sample_rate as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_each_format() {
        let s16: Vec<u8> = [16384i16, -32768, 32767, 0]
            .iter()
            .flat_map(|v| v.to_le_bytes())
            .collect();
        let mut r = RawReader::new(
            Box::new(std::io::Cursor::new(s16)),
            RawFormat::S16Le,
            2,
            8000,
        );
        let mut p = Planar::new(2, 16);
        assert!(r.read(&mut p).unwrap());
        assert_eq!(p.len(), 2);
        assert_eq!(p.channel(0), &[0.5, 32767.0 / 32768.0]);
        assert_eq!(p.channel(1), &[-1.0, 0.0]);
        assert!(!r.read(&mut p).unwrap());

        let s24 = vec![0x00, 0x00, 0x80, 0xff, 0xff, 0x7f, 0x00, 0x00, 0x40];
        let mut r = RawReader::new(
            Box::new(std::io::Cursor::new(s24)),
            RawFormat::S24Le,
            1,
            8000,
        );
        let mut p = Planar::new(1, 2);
        assert!(r.read(&mut p).unwrap());
        assert_eq!(p.channel(0), &[-1.0, 8_388_607.0 / 8_388_608.0]);
        assert!(r.read(&mut p).unwrap());
        assert_eq!(p.channel(0), &[0.5]);
        assert!(!r.read(&mut p).unwrap());
        assert!(r.warning.is_none());

        let f32s: Vec<u8> = [0.25f32, -2.0, 1.0]
            .iter()
            .flat_map(|v| v.to_le_bytes())
            .collect();
        let mut r = RawReader::new(
            Box::new(std::io::Cursor::new(f32s)),
            RawFormat::F32Le,
            1,
            8000,
        );
        let mut p = Planar::new(1, 8);
        assert!(r.read(&mut p).unwrap());
        assert_eq!(p.channel(0), &[0.25, -2.0, 1.0]);
    }

    #[test]
    fn partial_frame_at_the_end_is_reported() {
        let bytes = vec![0u8; 2 * 2 * 3 + 3];
        let mut r = RawReader::new(
            Box::new(std::io::Cursor::new(bytes)),
            RawFormat::S16Le,
            2,
            8000,
        );
        let mut p = Planar::new(2, 2);
        let mut frames = 0;
        while r.read(&mut p).unwrap() {
            frames += p.len();
        }
        assert_eq!(frames, 3);
        assert!(r.warning.as_deref().unwrap().contains("3 trailing byte"));
    }

    /// A reader that returns one byte at a time must give the same frames.
    #[test]
    fn short_reads_keep_frame_alignment() {
        struct OneByte(std::io::Cursor<Vec<u8>>);
        impl Read for OneByte {
            fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
                let n = buf.len().min(1);
                self.0.read(&mut buf[..n])
            }
        }
        let vals: Vec<i16> = (0..50).map(|i| i * 100 - 2500).collect();
        let bytes: Vec<u8> = vals.iter().flat_map(|v| v.to_le_bytes()).collect();
        let mut r = RawReader::new(
            Box::new(OneByte(std::io::Cursor::new(bytes))),
            RawFormat::S16Le,
            2,
            8000,
        );
        let mut p = Planar::new(2, 7);
        let mut got = Vec::new();
        while r.read(&mut p).unwrap() {
            for f in 0..p.len() {
                got.push((p.channel(0)[f] * 32768.0) as i16);
                got.push((p.channel(1)[f] * 32768.0) as i16);
            }
        }
        assert_eq!(got, vals);
    }
}
