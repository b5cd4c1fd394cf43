//! Streaming audio decoding with symphonia (WAV, FLAC, MP3, Ogg Vorbis, AAC/M4A, ...) and
//! raw PCM from any reader.
//!
//! A [`Decoder`] hands out planar `f32` blocks of the caller's size, one packet at a time:
//! memory holds one decoded packet and one block, whatever the file's length. Integers
//! map to full scale ±1 by dividing by 2^(bits-1) (so the most negative code is -1.0 and
//! the most positive one is just under 1.0).
//!
//! Errors before any audio is decoded (missing, empty, not audio, unsupported codec, zero
//! channels, a sample rate out of range) are one-line [`Error`]s. What a WAV header says
//! is checked before symphonia reads it, and every call into symphonia runs inside
//! [`contained`], so a decoder that panics on a malformed file ends as an error (or, once
//! audio was delivered, as a warning), never as a crash. Damage found later (a truncated file, corrupt
//! packets) does not fail: the decoder delivers what decodes and says where and why it
//! stopped in [`Decoder::warning`].

use std::fs::File;
use std::io::{ErrorKind, Read};
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;

use symphonia::core::audio::{AudioBuffer, AudioBufferRef, Signal};
use symphonia::core::codecs::{
    CODEC_TYPE_ALAC, CODEC_TYPE_FLAC, CODEC_TYPE_NULL, CodecType, DecoderOptions,
};
use symphonia::core::errors::Error as SymError;
use symphonia::core::formats::{FormatOptions, FormatReader};
use symphonia::core::io::MediaSourceStream;
use symphonia::core::meta::MetadataOptions;
use symphonia::core::probe::Hint;

use super::contain::contained;
pub use super::pcm::RawFormat;
use super::pcm::RawReader;
use crate::audio::Planar;
use crate::{Error, Result};

/// Lowest sample rate orch accepts, in Hz.
pub const MIN_SAMPLE_RATE: u32 = 8_000;
/// Highest sample rate orch accepts, in Hz.
pub const MAX_SAMPLE_RATE: u32 = 192_000;
/// Most channels orch accepts.
pub const MAX_CHANNELS: usize = 8;

/// Consecutive corrupt packets after which decoding gives up.
const MAX_CONSECUTIVE_ERRORS: u32 = 64;

/// What a decoder knows about its stream before decoding it.
#[derive(Debug, Clone, PartialEq)]
pub struct AudioInfo {
    /// Sample rate in Hz.
    pub sample_rate: u32,
    /// Channel count (1 to 8).
    pub channels: usize,
    /// Length in frames when the container says (estimates for some lossy formats).
    pub frames: Option<u64>,
    /// Short codec name, e.g. `pcm_s16le`, `flac`, `mp3`, `vorbis`, `aac`, `raw_f32le`.
    pub codec: String,
    /// Bits per sample of integer PCM, FLAC and ALAC; 32/64 for float PCM; `None` for lossy.
    pub bits_per_sample: Option<u32>,
    /// True unless samples are stored as integers (lossy codecs decode to float).
    pub float: bool,
}

impl AudioInfo {
    /// Length in seconds when the frame count is known.
    pub fn duration_s(&self) -> Option<f64> {
        self.frames.map(|f| f as f64 / self.sample_rate as f64)
    }

    /// The magnitude at or beyond which a decoded sample counts as clipped: the
    /// format's largest positive code for integers (e.g. 32767/32768 for 16 bits, the
    /// most negative code is below its negative), 1.0 for float and lossy formats.
    pub fn clip_level(&self) -> f32 {
        match (self.float, self.bits_per_sample) {
            (false, Some(bits)) if (2..=32).contains(&bits) => {
                let full = (1u64 << (bits - 1)) as f64;
                ((full - 1.0) / full) as f32
            }
            _ => 1.0,
        }
    }
}

/// A streaming decoder of one file or raw PCM stream.
pub struct Decoder {
    info: AudioInfo,
    source: Source,
    /// Why decoding stopped early, if it did.
    warning: Option<String>,
    non_finite: u64,
    /// Everything worth saying, rebuilt when something changes.
    summary: Option<String>,
}

impl std::fmt::Debug for Decoder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Decoder")
            .field("info", &self.info)
            .field("warning", &self.warning)
            .finish_non_exhaustive()
    }
}

enum Source {
    File(Box<FileSource>),
    Raw(RawReader),
}

struct FileSource {
    format: Box<dyn FormatReader>,
    decoder: Box<dyn symphonia::core::codecs::Decoder>,
    track_id: u32,
    /// The last decoded packet, converted to f32, and how much of it was handed out.
    buf: AudioBuffer<f32>,
    pos: usize,
    done: bool,
    frames_decoded: u64,
    corrupt_packets: u64,
    first_corrupt: Option<(f64, String)>,
    /// Lossless formats know their exact length; lossy ones may estimate it.
    exact_length: bool,
}

/// What [`Decoder::open`] reads: a regular file, not a directory, FIFO, socket or
/// device (reading those can block for ever). `meta` is the path's metadata; `stat`
/// never blocks on a FIFO, so callers can check before they open.
pub fn check_regular(path: &Path, meta: &std::fs::Metadata) -> Result<()> {
    if meta.is_dir() {
        return Err(Error::Invalid(format!(
            "{}: is a directory, not an audio file",
            path.display()
        )));
    }
    if !meta.is_file() {
        return Err(Error::Invalid(format!(
            "{}: not a regular file (a FIFO, socket or device); pipe a stream into \
             `orch analyze -`, or use a command bot (`--kind command --source 'cat FILE'`)",
            path.display()
        )));
    }
    Ok(())
}

impl Decoder {
    /// Open an audio file (`-` is not handled here: use [`Decoder::from_raw`] on stdin).
    pub fn open(path: &Path) -> Result<Decoder> {
        // Opened without blocking: a FIFO with no writer would otherwise hold this
        // thread in `open` for ever. Only regular files are read (below), and reads of
        // a regular file never wait.
        let file = std::fs::OpenOptions::new()
            .read(true)
            .custom_flags(libc::O_NONBLOCK)
            .open(path)
            .map_err(|e| Error::io("cannot open", path, e))?;
        let meta = file
            .metadata()
            .map_err(|e| Error::io("cannot read", path, e))?;
        check_regular(path, &meta)?;
        if meta.len() == 0 {
            return Err(Error::Invalid(format!(
                "{}: empty file (0 bytes)",
                path.display()
            )));
        }
        check_wav_header(path, &file)?;
        let mss = MediaSourceStream::new(Box::new(file), Default::default());
        let mut hint = Hint::new();
        if let Some(ext) = path.extension().and_then(|e| e.to_str()) {
            hint.with_extension(ext);
        }
        Self::probe(mss, hint, path)
    }

    /// Decode a container or codec stream symphonia recognises from a non-seekable
    /// reader (a pipe from a program). `label` names the stream in errors.
    pub fn from_reader(r: Box<dyn Read + Send + Sync>, label: &str) -> Result<Decoder> {
        let source = symphonia::core::io::ReadOnlySource::new(r);
        let mss = MediaSourceStream::new(Box::new(source), Default::default());
        Self::probe(mss, Hint::new(), Path::new(label))
    }

    fn probe(mss: MediaSourceStream, hint: Hint, path: &Path) -> Result<Decoder> {
        contained(|| Self::probe_uncontained(mss, hint, path)).unwrap_or_else(|why| {
            Err(Error::Invalid(format!(
                "{}: malformed audio: the decoder failed on it ({why})",
                path.display()
            )))
        })
    }

    fn probe_uncontained(mss: MediaSourceStream, hint: Hint, path: &Path) -> Result<Decoder> {
        let fmt_opts = FormatOptions {
            enable_gapless: true,
            ..Default::default()
        };
        let probed = symphonia::default::get_probe()
            .format(&hint, mss, &fmt_opts, &MetadataOptions::default())
            .map_err(|e| probe_error(path, e))?;
        let format = probed.format;

        let track = format
            .tracks()
            .iter()
            .find(|t| t.codec_params.codec != CODEC_TYPE_NULL)
            .ok_or_else(|| {
                Error::Invalid(format!("{}: contains no audio track", path.display()))
            })?;
        let params = track.codec_params.clone();
        let track_id = track.id;
        let codec_name = codec_name(params.codec);
        let decoder = symphonia::default::get_codecs()
            .make(&params, &DecoderOptions::default())
            .map_err(|e| match e {
                SymError::Unsupported(_) => Error::Invalid(format!(
                    "{}: unsupported codec {codec_name} (orch decodes PCM, ADPCM, FLAC, ALAC, MP3, Vorbis, AAC)",
                    path.display()
                )),
                other => Error::Invalid(format!(
                    "{}: cannot decode {codec_name}: {other}",
                    path.display()
                )),
            })?;

        let integer = is_integer_codec(params.codec, &codec_name);
        let float_pcm = codec_name.starts_with("pcm_f");
        let mut source = FileSource {
            format,
            decoder,
            track_id,
            buf: AudioBuffer::unused(),
            pos: 0,
            done: false,
            frames_decoded: 0,
            corrupt_packets: 0,
            first_corrupt: None,
            exact_length: integer || float_pcm,
        };
        let mut warning = None;
        let (mut sample_rate, mut channels) =
            (params.sample_rate, params.channels.map(|c| c.count()));
        if sample_rate.is_none() || channels.is_none() {
            // Some containers only tell after the first packet: decode it now.
            warning = source.next_buffer(0);
            if !source.buf.is_unused() {
                let spec = source.buf.spec();
                sample_rate = sample_rate.or(Some(spec.rate));
                channels = channels.or(Some(spec.channels.count()));
            }
        }
        let sample_rate = sample_rate.ok_or_else(|| {
            Error::Invalid(format!(
                "{}: the stream does not say its sample rate",
                path.display()
            ))
        })?;
        let channels = channels.unwrap_or(0);
        check_layout(&path.display().to_string(), sample_rate, channels)?;

        let info = AudioInfo {
            sample_rate,
            channels,
            frames: params.n_frames,
            codec: codec_name,
            bits_per_sample: if integer || float_pcm {
                params.bits_per_sample
            } else {
                None
            },
            float: !integer,
        };
        let mut d = Decoder {
            info,
            source: Source::File(Box::new(source)),
            warning,
            non_finite: 0,
            summary: None,
        };
        d.summary = d.build_summary();
        Ok(d)
    }

    /// Read raw interleaved little-endian PCM (e.g. stdin) of the given layout.
    pub fn from_raw(
        r: Box<dyn Read + Send>,
        fmt: RawFormat,
        sample_rate: u32,
        channels: usize,
    ) -> Result<Decoder> {
        check_layout("raw PCM input", sample_rate, channels)?;
        Ok(Decoder {
            info: AudioInfo {
                sample_rate,
                channels,
                frames: None,
                codec: format!("raw_{}", fmt.name()),
                bits_per_sample: Some(fmt.bits()),
                float: fmt.is_float(),
            },
            source: Source::Raw(RawReader::new(r, fmt, channels, sample_rate)),
            warning: None,
            non_finite: 0,
            summary: None,
        })
    }

    /// What the stream is.
    pub fn info(&self) -> &AudioInfo {
        &self.info
    }

    /// Fill `out` (a [`Planar`] with the decoder's channel count) with up to
    /// `out.capacity()` frames; `Ok(false)` at the end, when nothing more was read.
    ///
    /// Non-finite samples (NaN, infinity in float files) are replaced by 0 and counted in
    /// [`Decoder::warning`].
    pub fn read(&mut self, out: &mut Planar) -> Result<bool> {
        if out.channels() != self.info.channels {
            return Err(Error::Other(format!(
                "decoder has {} channel(s) but the block has {}",
                self.info.channels,
                out.channels()
            )));
        }
        let before = (
            self.non_finite,
            self.corrupt_packets(),
            self.warning.is_some(),
        );
        let more = match &mut self.source {
            Source::Raw(r) => {
                let more = r.read(out)?;
                if let Some(w) = r.warning.take() {
                    self.warning = Some(w);
                }
                more
            }
            Source::File(s) => {
                let (more, warning) = s.read(out, self.info.channels);
                if warning.is_some() {
                    self.warning = warning;
                }
                more
            }
        };
        // Integer samples are always finite: only float sources need the scan.
        if self.info.float {
            for ch in out.channels_mut() {
                if ch.iter().all(|s| s.is_finite()) {
                    continue;
                }
                for s in ch.iter_mut() {
                    if !s.is_finite() {
                        *s = 0.0;
                        self.non_finite += 1;
                    }
                }
            }
        }
        if before
            != (
                self.non_finite,
                self.corrupt_packets(),
                self.warning.is_some(),
            )
            || (self.summary.is_none() && self.warning.is_some())
        {
            self.summary = self.build_summary();
        }
        Ok(more)
    }

    /// Set when decoding stopped early on corrupt or truncated data (where and why), when
    /// corrupt packets were skipped, or when non-finite samples were replaced.
    pub fn warning(&self) -> Option<&str> {
        self.summary.as_deref()
    }

    fn corrupt_packets(&self) -> u64 {
        match &self.source {
            Source::File(s) => s.corrupt_packets,
            Source::Raw(_) => 0,
        }
    }

    fn build_summary(&self) -> Option<String> {
        let mut parts: Vec<String> = Vec::new();
        if let Some(w) = &self.warning {
            parts.push(w.clone());
        }
        if let Source::File(s) = &self.source {
            if let Some((t, why)) = &s.first_corrupt {
                parts.push(format!(
                    "skipped {} corrupt packet(s), the first at {t:.3} s ({why})",
                    s.corrupt_packets
                ));
            }
        }
        if self.non_finite > 0 {
            parts.push(format!(
                "replaced {} non-finite sample(s) (NaN or infinity) by 0",
                self.non_finite
            ));
        }
        (!parts.is_empty()).then(|| parts.join("; "))
    }
}

impl FileSource {
    /// Copy pending decoded frames into `out`, decoding packets as needed.
    fn read(&mut self, out: &mut Planar, channels: usize) -> (bool, Option<String>) {
        let cap = out.capacity();
        let mut filled = 0;
        let mut warning = None;
        out.set_len(cap);
        while filled < cap {
            let avail = if self.buf.is_unused() {
                0
            } else {
                self.buf.frames() - self.pos
            };
            if avail == 0 {
                if self.done {
                    break;
                }
                if let Some(w) = self.next_buffer(channels) {
                    warning = Some(w);
                }
                continue;
            }
            let n = avail.min(cap - filled);
            for (c, dst) in out.channels_mut().enumerate() {
                dst[filled..filled + n].copy_from_slice(&self.buf.chan(c)[self.pos..self.pos + n]);
            }
            self.pos += n;
            filled += n;
        }
        out.set_len(filled);
        (filled > 0, warning)
    }

    fn time_s(&self) -> f64 {
        let rate = self.buf_rate().unwrap_or(1) as f64;
        self.frames_decoded as f64 / rate
    }

    fn buf_rate(&self) -> Option<u32> {
        (!self.buf.is_unused()).then(|| self.buf.spec().rate)
    }

    /// Decode the next packet of our track into `buf`. Sets `done` at the end of the
    /// stream or when it cannot go on; returns a warning when it stopped early.
    /// `channels` 0 accepts any layout (used while priming).
    fn next_buffer(&mut self, channels: usize) -> Option<String> {
        self.pos = 0;
        if !self.buf.is_unused() {
            self.buf.clear();
        }
        let mut consecutive_errors = 0;
        loop {
            let format = &mut self.format;
            let next = match contained(|| format.next_packet()) {
                Ok(next) => next,
                Err(why) => {
                    self.done = true;
                    return Some(self.decoder_failed(&why));
                }
            };
            let packet = match next {
                Ok(p) => p,
                Err(SymError::IoError(e)) if e.kind() == ErrorKind::UnexpectedEof => {
                    self.done = true;
                    return self.check_length();
                }
                Err(SymError::ResetRequired) => {
                    self.done = true;
                    return Some(format!(
                        "decoding stopped at {:.3} s: the stream changes its parameters (chained stream), the rest is not analysed",
                        self.time_s()
                    ));
                }
                Err(e) => {
                    self.done = true;
                    return Some(format!("decoding stopped at {:.3} s: {e}", self.time_s()));
                }
            };
            if packet.track_id() != self.track_id {
                continue;
            }
            let decoder = &mut self.decoder;
            let decoded = match contained(|| decoder.decode(&packet)) {
                Ok(decoded) => decoded,
                Err(why) => {
                    self.done = true;
                    return Some(self.decoder_failed(&why));
                }
            };
            match decoded {
                Ok(decoded) => {
                    if decoded.frames() == 0 {
                        continue;
                    }
                    let spec = *decoded.spec();
                    if channels != 0 && spec.channels.count() != channels {
                        self.done = true;
                        return Some(format!(
                            "decoding stopped at {:.3} s: the channel count changes from {channels} to {}",
                            self.time_s(),
                            spec.channels.count()
                        ));
                    }
                    if self.buf.is_unused()
                        || *self.buf.spec() != spec
                        || self.buf.capacity() < decoded.capacity()
                    {
                        self.buf = decoded.make_equivalent::<f32>();
                    }
                    convert(&decoded, &mut self.buf);
                    self.frames_decoded += self.buf.frames() as u64;
                    return None;
                }
                Err(SymError::DecodeError(why)) => {
                    self.corrupt_packets += 1;
                    if self.first_corrupt.is_none() {
                        self.first_corrupt = Some((self.time_s(), why.to_string()));
                    }
                    consecutive_errors += 1;
                    if consecutive_errors >= MAX_CONSECUTIVE_ERRORS {
                        self.done = true;
                        return Some(format!(
                            "decoding stopped at {:.3} s after {MAX_CONSECUTIVE_ERRORS} corrupt packets in a row: {why}",
                            self.time_s()
                        ));
                    }
                }
                Err(SymError::IoError(e)) if e.kind() == ErrorKind::UnexpectedEof => {
                    self.done = true;
                    return Some(format!(
                        "the file is truncated: decoding stopped at {:.3} s inside a packet",
                        self.time_s()
                    ));
                }
                Err(e) => {
                    self.done = true;
                    return Some(format!("decoding stopped at {:.3} s: {e}", self.time_s()));
                }
            }
        }
    }

    fn decoder_failed(&self, why: &str) -> String {
        format!(
            "decoding stopped at {:.3} s: the decoder failed on malformed data ({why})",
            self.time_s()
        )
    }

    /// At the end of the stream: warn when the container promised more frames.
    fn check_length(&self) -> Option<String> {
        let expected = self
            .format
            .tracks()
            .iter()
            .find(|t| t.id == self.track_id)
            .and_then(|t| t.codec_params.n_frames)?;
        // Lossy formats estimate their length; only a clear shortfall counts.
        let slack = if self.exact_length { 0 } else { 4096 };
        (self.frames_decoded + slack < expected).then(|| {
            format!(
                "the file is truncated: decoding stopped at {:.3} s, {} of {} frames decoded",
                self.time_s(),
                self.frames_decoded,
                expected
            )
        })
    }
}

/// Convert any decoded sample type to f32 full scale ±1.
fn convert(src: &AudioBufferRef<'_>, dst: &mut AudioBuffer<f32>) {
    match src {
        AudioBufferRef::F32(b) => b.convert(dst),
        AudioBufferRef::F64(b) => b.convert(dst),
        AudioBufferRef::S32(b) => b.convert(dst),
        AudioBufferRef::S24(b) => b.convert(dst),
        AudioBufferRef::S16(b) => b.convert(dst),
        AudioBufferRef::S8(b) => b.convert(dst),
        AudioBufferRef::U32(b) => b.convert(dst),
        AudioBufferRef::U24(b) => b.convert(dst),
        AudioBufferRef::U16(b) => b.convert(dst),
        AudioBufferRef::U8(b) => b.convert(dst),
    }
}

fn is_integer_codec(codec: CodecType, name: &str) -> bool {
    name.starts_with("pcm_s")
        || name.starts_with("pcm_u")
        || codec == CODEC_TYPE_FLAC
        || codec == CODEC_TYPE_ALAC
}

fn codec_name(codec: CodecType) -> String {
    use symphonia::core::codecs as c;
    if let Some(d) = symphonia::default::get_codecs().get_codec(codec) {
        return d.short_name.to_string();
    }
    // Codecs symphonia recognises in containers but cannot decode.
    let known = [
        (c::CODEC_TYPE_OPUS, "opus"),
        (c::CODEC_TYPE_SPEEX, "speex"),
        (c::CODEC_TYPE_MP1, "mp1"),
        (c::CODEC_TYPE_MP2, "mp2"),
        (c::CODEC_TYPE_EAC3, "eac3"),
        (c::CODEC_TYPE_AC4, "ac4"),
        (c::CODEC_TYPE_DCA, "dts"),
        (c::CODEC_TYPE_WMA, "wma"),
        (c::CODEC_TYPE_WAVPACK, "wavpack"),
        (c::CODEC_TYPE_MONKEYS_AUDIO, "ape"),
        (c::CODEC_TYPE_TTA, "tta"),
        (c::CODEC_TYPE_MUSEPACK, "musepack"),
        (c::CODEC_TYPE_ATRAC1, "atrac1"),
        (c::CODEC_TYPE_ATRAC3, "atrac3"),
        (c::CODEC_TYPE_ATRAC3PLUS, "atrac3plus"),
        (c::CODEC_TYPE_ATRAC9, "atrac9"),
        (c::CODEC_TYPE_ADPCM_G722, "adpcm_g722"),
        (c::CODEC_TYPE_ADPCM_G726, "adpcm_g726"),
        (c::CODEC_TYPE_ADPCM_G726LE, "adpcm_g726le"),
    ];
    known
        .iter()
        .find(|(k, _)| *k == codec)
        .map(|(_, n)| n.to_string())
        .unwrap_or_else(|| format!("with id {codec}"))
}

/// Reject layouts orch does not handle, naming the value and the range. Every entry
/// point (files, raw PCM, live analysis, bots, meeting programs) checks through here.
pub fn check_layout(what: &str, sample_rate: u32, channels: usize) -> Result<()> {
    if channels == 0 {
        return Err(Error::Invalid(format!("{what}: zero channels")));
    }
    if channels > MAX_CHANNELS {
        return Err(Error::Invalid(format!(
            "{what}: {channels} channels is more than orch supports (1 to {MAX_CHANNELS})"
        )));
    }
    if !(MIN_SAMPLE_RATE..=MAX_SAMPLE_RATE).contains(&sample_rate) {
        return Err(Error::Invalid(format!(
            "{what}: sample rate {sample_rate} Hz is outside the supported {MIN_SAMPLE_RATE} to {MAX_SAMPLE_RATE} Hz"
        )));
    }
    Ok(())
}

/// Check what a RIFF/WAVE header says (channel count, sample rate) before symphonia
/// trusts it: symphonia 0.5 divides by the sample rate and only says "invalid channel
/// count" for zero channels. Files that are not WAV pass.
fn check_wav_header(path: &Path, file: &File) -> Result<()> {
    let Some((channels, rate)) = wav_fmt(file) else {
        return Ok(());
    };
    let shown = path.display();
    if channels == 0 {
        return Err(Error::Invalid(format!(
            "{shown}: zero channels in the WAV header"
        )));
    }
    if rate == 0 {
        return Err(Error::Invalid(format!(
            "{shown}: the WAV header says sample rate 0 Hz"
        )));
    }
    Ok(())
}

/// Turn a probe failure into a one-line error.
fn probe_error(path: &Path, e: SymError) -> Error {
    let shown = path.display();
    match e {
        SymError::Unsupported(why) if why.starts_with("core (probe)") => Error::Invalid(format!(
            "{shown}: not an audio file (no supported audio format recognised)"
        )),
        SymError::Unsupported(why) => {
            Error::Invalid(format!("{shown}: unsupported codec or format ({why})"))
        }
        SymError::IoError(io) if io.kind() == ErrorKind::UnexpectedEof => Error::Invalid(format!(
            "{shown}: not an audio file or its header is truncated"
        )),
        SymError::IoError(io) => Error::io("cannot read", path, io),
        SymError::DecodeError(why) => {
            Error::Invalid(format!("{shown}: malformed audio header: {why}"))
        }
        other => Error::Invalid(format!("{shown}: cannot read audio: {other}")),
    }
}

/// The channel count and sample rate in a RIFF/WAVE `fmt ` chunk, if the file is one.
/// Reads at offset 0 without moving the file's position.
fn wav_fmt(f: &File) -> Option<(u16, u32)> {
    use std::os::unix::fs::FileExt;
    let mut head = [0u8; 4096];
    let mut n = 0;
    while n < head.len() {
        match f.read_at(&mut head[n..], n as u64) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(_) => return None,
        }
    }
    let head = &head[..n];
    if head.len() < 12 || &head[0..4] != b"RIFF" || &head[8..12] != b"WAVE" {
        return None;
    }
    let mut at = 12;
    while at + 8 <= head.len() {
        let id = &head[at..at + 4];
        let len = u32::from_le_bytes(head[at + 4..at + 8].try_into().ok()?) as usize;
        if id == b"fmt " {
            let fmt = head.get(at + 8..at + 16)?;
            return Some((
                u16::from_le_bytes([fmt[2], fmt[3]]),
                u32::from_le_bytes([fmt[4], fmt[5], fmt[6], fmt[7]]),
            ));
        }
        at = at.checked_add(8 + len + (len & 1))?;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audio::write::{SampleFormat, WavWriter};
    use std::path::PathBuf;

    fn sine_file(dir: &Path, name: &str, fmt: SampleFormat, rate: u32, channels: usize) -> PathBuf {
        let path = dir.join(name);
        let mut w = WavWriter::create(&path, rate, channels, fmt).unwrap();
        w.set_dither(false);
        let mut block = Planar::new(channels, 1000);
        block.set_len(1000);
        for c in 0..channels {
            for (i, s) in block.channel_mut(c).iter_mut().enumerate() {
                *s = 0.5 * (2.0 * std::f32::consts::PI * 1000.0 * i as f32 / rate as f32).sin();
            }
        }
        for _ in 0..3 {
            w.write(&block).unwrap();
        }
        w.finish().unwrap();
        path
    }

    fn read_all(d: &mut Decoder, block: usize) -> Vec<Vec<f32>> {
        let mut out = vec![Vec::new(); d.info().channels];
        let mut p = Planar::new(d.info().channels, block);
        while d.read(&mut p).unwrap() {
            for (c, o) in out.iter_mut().enumerate() {
                o.extend_from_slice(p.channel(c));
            }
        }
        out
    }

    #[test]
    fn wav_formats_round_trip() {
        let dir = tempfile::tempdir().unwrap();
        for (fmt, bits, float, tol) in [
            (SampleFormat::S16, 16, false, 1.0 / 32768.0),
            (SampleFormat::S24, 24, false, 1.0 / 8_388_608.0),
            (SampleFormat::F32, 32, true, 0.0),
        ] {
            let p = sine_file(dir.path(), &format!("{bits}.wav"), fmt, 44_100, 2);
            let mut d = Decoder::open(&p).unwrap();
            assert_eq!(d.info().sample_rate, 44_100);
            assert_eq!(d.info().channels, 2);
            assert_eq!(d.info().frames, Some(3000));
            assert_eq!(d.info().bits_per_sample, Some(bits));
            assert_eq!(d.info().float, float);
            let all = read_all(&mut d, 333);
            assert_eq!(all[0].len(), 3000);
            for (i, s) in all[1].iter().enumerate() {
                let want = 0.5
                    * (2.0 * std::f32::consts::PI * 1000.0 * (i % 1000) as f32 / 44_100.0).sin();
                assert!(
                    (s - want).abs() <= tol,
                    "{bits} bit sample {i}: {s} vs {want}"
                );
            }
            assert!(d.warning().is_none());
        }
    }

    #[test]
    fn clip_level_is_the_largest_code() {
        let mut info = AudioInfo {
            sample_rate: 48_000,
            channels: 1,
            frames: None,
            codec: "pcm_s16le".into(),
            bits_per_sample: Some(16),
            float: false,
        };
        assert_eq!(info.clip_level(), 32767.0 / 32768.0);
        info.float = true;
        info.bits_per_sample = Some(32);
        assert_eq!(info.clip_level(), 1.0);
    }

    #[test]
    fn bad_inputs_give_one_line_errors() {
        let dir = tempfile::tempdir().unwrap();
        let missing = Decoder::open(&dir.path().join("nope.wav")).unwrap_err();
        assert_eq!(missing.exit_code(), crate::ExitCode::NotFound);

        let empty = dir.path().join("empty.wav");
        std::fs::write(&empty, b"").unwrap();
        let e = Decoder::open(&empty).unwrap_err();
        assert!(e.to_string().contains("empty file"), "{e}");
        assert_eq!(e.exit_code(), crate::ExitCode::Invalid);

        let text = dir.path().join("notes.wav");
        std::fs::write(
            &text,
            "this is not audio at all, just some words\n".repeat(20),
        )
        .unwrap();
        let e = Decoder::open(&text).unwrap_err();
        assert!(e.to_string().contains("not an audio file"), "{e}");
        assert_eq!(e.exit_code(), crate::ExitCode::Invalid);

        // A valid WAV with its channel count patched to 0.
        let p = sine_file(dir.path(), "zero.wav", SampleFormat::S16, 8000, 1);
        let mut bytes = std::fs::read(&p).unwrap();
        bytes[22] = 0;
        bytes[23] = 0;
        std::fs::write(&p, bytes).unwrap();
        let e = Decoder::open(&p).unwrap_err();
        assert!(e.to_string().contains("zero channels"), "{e}");
        assert_eq!(e.exit_code(), crate::ExitCode::Invalid);

        // Its sample rate patched to 0 (symphonia divides by it).
        let p = sine_file(dir.path(), "rate0.wav", SampleFormat::S16, 8000, 1);
        let mut bytes = std::fs::read(&p).unwrap();
        bytes[24..28].copy_from_slice(&[0; 4]);
        std::fs::write(&p, bytes).unwrap();
        let e = Decoder::open(&p).unwrap_err();
        assert!(e.to_string().contains("sample rate 0 Hz"), "{e}");
        assert_eq!(e.exit_code(), crate::ExitCode::Invalid);
    }

    #[test]
    fn truncated_wav_delivers_what_decodes_and_warns() {
        let dir = tempfile::tempdir().unwrap();
        let p = sine_file(dir.path(), "t.wav", SampleFormat::S16, 8000, 1);
        let bytes = std::fs::read(&p).unwrap();
        // Keep the header (44 bytes) and 1000 of the 3000 frames.
        std::fs::write(&p, &bytes[..44 + 2000]).unwrap();
        let mut d = Decoder::open(&p).unwrap();
        let all = read_all(&mut d, 256);
        assert_eq!(all[0].len(), 1000);
        let w = d.warning().expect("a truncation warning");
        assert!(w.contains("truncated"), "{w}");
    }

    #[test]
    fn raw_layout_is_checked() {
        let r = || Box::new(std::io::empty()) as Box<dyn Read + Send>;
        let e = Decoder::from_raw(r(), RawFormat::S16Le, 48_000, 0).unwrap_err();
        assert!(e.to_string().contains("zero channels"));
        let e = Decoder::from_raw(r(), RawFormat::S16Le, 4_000, 1).unwrap_err();
        assert!(e.to_string().contains("4000 Hz"), "{e}");
        let mut d = Decoder::from_raw(r(), RawFormat::F32Le, 48_000, 2).unwrap();
        assert_eq!(d.info().codec, "raw_f32le");
        let mut p = Planar::new(2, 64);
        assert!(!d.read(&mut p).unwrap());
    }

    #[test]
    fn non_finite_samples_are_zeroed_and_reported() {
        let bytes: Vec<u8> = [0.5f32, f32::NAN, f32::INFINITY, -0.25]
            .iter()
            .flat_map(|v| v.to_le_bytes())
            .collect();
        let mut d = Decoder::from_raw(
            Box::new(std::io::Cursor::new(bytes)),
            RawFormat::F32Le,
            8000,
            1,
        )
        .unwrap();
        let all = read_all(&mut d, 16);
        assert_eq!(all[0], vec![0.5, 0.0, 0.0, -0.25]);
        assert!(
            d.warning().unwrap().contains("2 non-finite"),
            "{:?}",
            d.warning()
        );
    }
}
