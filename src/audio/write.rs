//! Audio file output: WAV over hound (16/24-bit integer or 32-bit float) and FLAC over
//! flacenc (16/24-bit integer), chosen by [`FileFormat`].
//!
//! Integer quantisation is the inverse of the decoder's: a sample x maps to
//! round(x · 2^(bits-1) + d) clamped to the format's codes, where d is triangular (TPDF)
//! dither of ±1 LSB peak (two uniform variables of ±½ LSB), which decorrelates the
//! rounding error from the signal. Samples beyond full scale are clipped and counted.

use std::fs::File;
use std::io::BufWriter;
use std::path::{Path, PathBuf};

use crate::audio::Planar;
use crate::{Error, Result};

/// Sample format of a written WAV file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SampleFormat {
    /// 16-bit signed integers.
    S16,
    /// 24-bit signed integers.
    S24,
    /// 32-bit IEEE float (no dither, no clipping).
    F32,
}

impl SampleFormat {
    /// Bits per sample.
    pub fn bits(self) -> u16 {
        match self {
            SampleFormat::S16 => 16,
            SampleFormat::S24 => 24,
            SampleFormat::F32 => 32,
        }
    }
}

/// The file formats orch writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileFormat {
    /// RIFF/WAVE.
    Wav,
    /// FLAC (lossless; integer samples only).
    Flac,
}

impl FileFormat {
    /// Every format orch writes, by name.
    pub const NAMES: &'static str = "wav, flac";

    /// The format a file name asks for: `.wav`/`.wave` and `.flac`; any other name is
    /// written as WAV, except the names of audio formats orch reads but does not write
    /// (`.mp3`, `.ogg`, `.opus`, ...), which are refused as a usage error rather than
    /// filled with WAV data.
    pub fn from_path(path: &Path) -> Result<FileFormat> {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match ext.as_deref() {
            Some("flac") => Ok(FileFormat::Flac),
            Some(
                e @ ("mp3" | "ogg" | "oga" | "opus" | "webm" | "m4a" | "aac" | "mp4" | "mka"
                | "wma" | "aif" | "aiff" | "caf"),
            ) => Err(Error::Usage(format!(
                "{}: orch does not write .{e} files; it writes {} (name the file .wav or .flac, or choose with --output-format)",
                path.display(),
                Self::NAMES
            ))),
            _ => Ok(FileFormat::Wav),
        }
    }
}

/// A streaming audio file writer taking planar blocks (WAV or FLAC).
pub struct WavWriter {
    inner: Container,
    path: PathBuf,
    format: SampleFormat,
    channels: usize,
    dither: bool,
    rng: u64,
    clipped: u64,
    /// Integer codes of the block being written, interleaved (reused across blocks).
    codes: Vec<i32>,
}

impl std::fmt::Debug for WavWriter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WavWriter")
            .field("path", &self.path)
            .field("format", &self.format)
            .field("channels", &self.channels)
            .finish_non_exhaustive()
    }
}

impl WavWriter {
    /// Create (or truncate) the WAV file `path` for `channels` channels at
    /// `sample_rate`. Dither is on for integer formats; see [`WavWriter::set_dither`].
    pub fn create(
        path: &Path,
        sample_rate: u32,
        channels: usize,
        format: SampleFormat,
    ) -> Result<WavWriter> {
        Self::create_as(path, FileFormat::Wav, sample_rate, channels, format)
    }

    /// Create (or truncate) `path` as a `file` file (see [`WavWriter::create`]).
    pub fn create_as(
        path: &Path,
        file: FileFormat,
        sample_rate: u32,
        channels: usize,
        format: SampleFormat,
    ) -> Result<WavWriter> {
        if channels == 0 || channels > u16::MAX as usize {
            return Err(Error::Invalid(format!(
                "{}: cannot write a WAV file with {channels} channels",
                path.display()
            )));
        }
        if sample_rate == 0 {
            return Err(Error::Invalid(format!(
                "{}: cannot write a WAV file at 0 Hz",
                path.display()
            )));
        }
        let spec = hound::WavSpec {
            channels: channels as u16,
            sample_rate,
            bits_per_sample: format.bits(),
            sample_format: match format {
                SampleFormat::F32 => hound::SampleFormat::Float,
                _ => hound::SampleFormat::Int,
            },
        };
        let inner = match file {
            FileFormat::Wav => Container::Wav(
                hound::WavWriter::create(path, spec).map_err(|e| hound_error(path, e))?,
            ),
            FileFormat::Flac => Container::Flac(Box::new(FlacOut::create(
                path,
                sample_rate,
                channels,
                format,
            )?)),
        };
        Ok(WavWriter {
            inner,
            path: path.to_path_buf(),
            format,
            channels,
            dither: true,
            // Seeded from the path so runs are reproducible.
            rng: seed(path),
            clipped: 0,
            codes: Vec::new(),
        })
    }

    /// Turn TPDF dither on or off (integer formats only; float is never dithered).
    pub fn set_dither(&mut self, on: bool) {
        self.dither = on;
    }

    /// Samples clipped so far (beyond the integer format's range).
    pub fn clipped_samples(&self) -> u64 {
        self.clipped
    }

    /// Append a block (its channel count must match the writer's).
    pub fn write(&mut self, block: &Planar) -> Result<()> {
        if block.channels() != self.channels {
            return Err(Error::Other(format!(
                "{}: writer has {} channel(s) but the block has {}",
                self.path.display(),
                self.channels,
                block.channels()
            )));
        }
        let frames = block.len();
        match self.format {
            SampleFormat::F32 => {
                let Container::Wav(inner) = &mut self.inner else {
                    unreachable!("FLAC refuses float samples at create");
                };
                for f in 0..frames {
                    for c in 0..self.channels {
                        inner
                            .write_sample(block.channel(c)[f])
                            .map_err(|e| hound_error(&self.path, e))?;
                    }
                }
            }
            SampleFormat::S16 | SampleFormat::S24 => {
                let bits = self.format.bits() as i32;
                let scale = (1i64 << (bits - 1)) as f64;
                let (lo, hi) = (-scale, scale - 1.0);
                self.codes.clear();
                for f in 0..frames {
                    for c in 0..self.channels {
                        let x = block.channel(c)[f] as f64 * scale;
                        let d = if self.dither { self.tpdf() } else { 0.0 };
                        // Round to nearest without a libm call (no SSE4.1 in the baseline
                        // target): adding and taking away 1.5 * 2^52 rounds any value
                        // below 2^51, and the clamp keeps it there (NaN stays NaN).
                        const MAGIC: f64 = 6_755_399_441_055_744.0;
                        let v = ((x + d).clamp(lo - 2.0, hi + 2.0) + MAGIC) - MAGIC;
                        let q = if v > hi {
                            // 1.0 itself maps to the largest code without counting.
                            if x > scale + 0.5 {
                                self.clipped += 1;
                            }
                            hi
                        } else if v < lo {
                            if x < lo - 0.5 {
                                self.clipped += 1;
                            }
                            lo
                        } else if v.is_nan() {
                            0.0
                        } else {
                            v
                        };
                        self.codes.push(q as i32);
                    }
                }
                self.write_codes()?;
            }
        }
        Ok(())
    }

    /// Write the header's final sizes and close the file.
    pub fn finish(self) -> Result<()> {
        let path = self.path;
        match self.inner {
            Container::Wav(w) => w.finalize().map_err(|e| hound_error(&path, e)),
            Container::Flac(f) => f.finish(&path),
        }
    }

    /// Write the block's codes: 16-bit through hound's block writer (one buffered copy
    /// of the whole block instead of a checked write per sample), 24-bit sample by
    /// sample.
    fn write_codes(&mut self) -> Result<()> {
        let path = &self.path;
        let inner = match &mut self.inner {
            Container::Wav(w) => w,
            Container::Flac(f) => return f.push(&self.codes, path),
        };
        if self.format == SampleFormat::S16 {
            let mut w = inner.get_i16_writer(self.codes.len() as u32);
            for &c in &self.codes {
                w.write_sample(c as i16);
            }
            w.flush().map_err(|e| hound_error(path, e))
        } else {
            for &c in &self.codes {
                inner.write_sample(c).map_err(|e| hound_error(path, e))?;
            }
            Ok(())
        }
    }

    /// Triangular dither in LSB, in (-1, 1): the difference of two independent uniform
    /// variables, the two 32-bit halves of one xorshift64* draw.
    #[inline]
    fn tpdf(&mut self) -> f64 {
        let mut x = self.rng;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.rng = x;
        let r = x.wrapping_mul(0x2545_F491_4F6C_DD1D);
        ((r >> 32) as f64 - (r & 0xFFFF_FFFF) as f64) * (1.0 / 4_294_967_296.0)
    }
}

enum Container {
    Wav(hound::WavWriter<BufWriter<File>>),
    Flac(Box<FlacOut>),
}

/// FLAC frames of `BLOCK` frames encoded as they fill (the encoded stream is kept
/// until [`FlacOut::finish`], which knows the length and MD5 for STREAMINFO).
struct FlacOut {
    file: File,
    config: flacenc::error::Verified<flacenc::config::Encoder>,
    stream: flacenc::component::Stream,
    buf: (flacenc::source::FrameBuf, flacenc::source::Context),
    pending: Vec<i32>,
    channels: usize,
}

impl FlacOut {
    const BLOCK: usize = 4096;

    fn create(path: &Path, rate: u32, channels: usize, format: SampleFormat) -> Result<FlacOut> {
        use flacenc::error::Verify;
        let shown = path.display();
        if format == SampleFormat::F32 {
            return Err(Error::Usage(format!(
                "{shown}: FLAC stores integer samples: choose --format s16 or s24"
            )));
        }
        if channels > 8 {
            return Err(Error::Invalid(format!(
                "{shown}: FLAC holds at most 8 channels, not {channels}"
            )));
        }
        let bits = usize::from(format.bits());
        let invalid =
            |e: &dyn std::fmt::Display| Error::Invalid(format!("{shown}: cannot write FLAC: {e}"));
        let config = flacenc::config::Encoder::default()
            .into_verified()
            .map_err(|(_, e)| invalid(&e))?;
        let mut stream = flacenc::component::Stream::new(rate as usize, channels, bits)
            .map_err(|e| invalid(&e))?;
        stream
            .stream_info_mut()
            .set_block_sizes(Self::BLOCK, Self::BLOCK)
            .map_err(|e| invalid(&e))?;
        let file = File::create(path).map_err(|e| Error::io("cannot write", path, e))?;
        Ok(FlacOut {
            file,
            config,
            stream,
            buf: (
                flacenc::source::FrameBuf::with_size(channels, Self::BLOCK)
                    .map_err(|e| invalid(&e))?,
                flacenc::source::Context::new(bits, channels),
            ),
            pending: Vec::with_capacity(Self::BLOCK * channels),
            channels,
        })
    }

    fn push(&mut self, codes: &[i32], path: &Path) -> Result<()> {
        self.pending.extend_from_slice(codes);
        let n = Self::BLOCK * self.channels;
        let mut at = 0;
        while self.pending.len() - at >= n {
            self.encode(at, at + n, path)?;
            at += n;
        }
        self.pending.drain(..at);
        Ok(())
    }

    fn encode(&mut self, from: usize, to: usize, path: &Path) -> Result<()> {
        use flacenc::source::Fill;
        let failed = |e: &dyn std::fmt::Display| {
            Error::Other(format!("cannot write {}: {e}", path.display()))
        };
        self.buf
            .fill_interleaved(&self.pending[from..to])
            .map_err(|e| failed(&e))?;
        let number = self.buf.1.current_frame_number().unwrap_or(0);
        let frame = flacenc::encode_fixed_size_frame(
            &self.config,
            &self.buf.0,
            number,
            self.stream.stream_info(),
        )
        .map_err(|e| failed(&e))?;
        self.stream.add_frame(frame);
        Ok(())
    }

    fn finish(mut self, path: &Path) -> Result<()> {
        use flacenc::component::BitRepr;
        use std::io::Write;
        if !self.pending.is_empty() {
            self.encode(0, self.pending.len(), path)?;
        }
        let md5 = self.buf.1.md5_digest();
        let total = self.buf.1.total_samples();
        let info = self.stream.stream_info_mut();
        // A fixed-blocksize stream says min = max (the last block may be shorter); readers
        // such as symphonia reject frame-numbered streams whose STREAMINFO says otherwise.
        info.set_block_sizes(Self::BLOCK, Self::BLOCK)
            .map_err(|e| Error::Other(format!("cannot write {}: {e}", path.display())))?;
        info.set_md5_digest(&md5);
        info.set_total_samples(total);
        let mut sink = flacenc::bitsink::ByteSink::new();
        self.stream
            .write(&mut sink)
            .map_err(|e| Error::Other(format!("cannot write {}: {e}", path.display())))?;
        self.file
            .write_all(sink.as_slice())
            .and_then(|()| self.file.sync_data())
            .map_err(|e| Error::io("cannot write", path, e))
    }
}

fn seed(path: &Path) -> u64 {
    let mut h: u64 = 0x9E37_79B9_7F4A_7C15;
    for b in path.as_os_str().as_encoded_bytes() {
        h = (h ^ *b as u64).wrapping_mul(0x100_0000_01B3);
    }
    h | 1
}

fn hound_error(path: &Path, e: hound::Error) -> Error {
    match e {
        hound::Error::IoError(io) => Error::io("cannot write", path, io),
        other => Error::Other(format!("cannot write {}: {other}", path.display())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(vals: &[f32]) -> Planar {
        let mut p = Planar::new(1, vals.len());
        p.set_len(vals.len());
        p.channel_mut(0).copy_from_slice(vals);
        p
    }

    #[test]
    fn rounds_and_clips_without_dither() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.wav");
        let mut w = WavWriter::create(&path, 8000, 1, SampleFormat::S16).unwrap();
        w.set_dither(false);
        w.write(&block(&[
            0.0,
            0.5,
            -1.0,
            1.0,
            2.0,
            -3.0,
            1.4 / 32768.0,
            1.6 / 32768.0,
        ]))
        .unwrap();
        assert_eq!(w.clipped_samples(), 2);
        w.finish().unwrap();
        let got: Vec<i16> = hound::WavReader::open(&path)
            .unwrap()
            .samples::<i16>()
            .map(|s| s.unwrap())
            .collect();
        assert_eq!(got, vec![0, 16384, -32768, 32767, 32767, -32768, 1, 2]);
    }

    #[test]
    fn tpdf_dither_is_unbiased_and_within_one_lsb() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("d.wav");
        let mut w = WavWriter::create(&path, 8000, 1, SampleFormat::S16).unwrap();
        let x = 100.25f32 / 32768.0;
        w.write(&block(&vec![x; 20_000])).unwrap();
        w.finish().unwrap();
        let got: Vec<i16> = hound::WavReader::open(&path)
            .unwrap()
            .samples::<i16>()
            .map(|s| s.unwrap())
            .collect();
        assert!(got.iter().all(|&v| (99..=101).contains(&v)));
        let mean = got.iter().map(|&v| v as f64).sum::<f64>() / got.len() as f64;
        assert!((mean - 100.25).abs() < 0.05, "mean {mean}");
    }

    #[test]
    fn writes_24_bit_and_float() {
        let dir = tempfile::tempdir().unwrap();
        let p24 = dir.path().join("b.wav");
        let mut w = WavWriter::create(&p24, 96_000, 1, SampleFormat::S24).unwrap();
        w.set_dither(false);
        w.write(&block(&[0.25, -1.0])).unwrap();
        w.finish().unwrap();
        let r = hound::WavReader::open(&p24).unwrap();
        assert_eq!(r.spec().bits_per_sample, 24);
        let got: Vec<i32> = r.into_samples::<i32>().map(|s| s.unwrap()).collect();
        assert_eq!(got, vec![2_097_152, -8_388_608]);

        let pf = dir.path().join("f.wav");
        let mut w = WavWriter::create(&pf, 48_000, 1, SampleFormat::F32).unwrap();
        w.write(&block(&[0.125, 1.5])).unwrap();
        w.finish().unwrap();
        let got: Vec<f32> = hound::WavReader::open(&pf)
            .unwrap()
            .samples::<f32>()
            .map(|s| s.unwrap())
            .collect();
        assert_eq!(got, vec![0.125, 1.5]);
    }

    #[test]
    fn bad_layout_and_path_are_errors() {
        let dir = tempfile::tempdir().unwrap();
        assert!(WavWriter::create(&dir.path().join("x.wav"), 8000, 0, SampleFormat::S16).is_err());
        let e = WavWriter::create(
            &dir.path().join("no/such/dir.wav"),
            8000,
            1,
            SampleFormat::S16,
        )
        .unwrap_err();
        assert_eq!(e.exit_code(), crate::ExitCode::NotFound);
    }
}
