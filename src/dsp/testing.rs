//! Test helpers shared by every stage's unit tests: running a processor over a signal
//! in blocks of a given size, and the block-size invariance check every stage and the
//! whole chain must pass. The signals come from `crate::test_signals`.
//!
//! ```ignore
//! use crate::dsp::testing;
//! testing::assert_stage_block_invariant("compression", 48_000, 2, || {
//!     Compression::new(CompressionParams::default())
//! });
//! ```

use crate::audio::Planar;
use crate::dsp::{Stage, StreamFormat};

/// The block sizes every stage must agree on.
pub const BLOCK_SIZES: [usize; 5] = [1, 7, 64, 480, 4096];

/// Largest difference allowed between block sizes.
pub const TOLERANCE: f32 = 1e-6;

/// Run `process` over `input` (planar, one Vec per channel) in blocks of `block` frames.
pub fn run_blocks(
    input: &[Vec<f32>],
    block: usize,
    process: &mut dyn FnMut(&mut Planar),
) -> Vec<Vec<f32>> {
    let channels = input.len();
    let frames = input[0].len();
    let mut buf = Planar::new(channels, block);
    let mut out = vec![Vec::with_capacity(frames); channels];
    let mut pos = 0;
    while pos < frames {
        let n = block.min(frames - pos);
        buf.set_len(n);
        for (ch, src) in input.iter().enumerate() {
            buf.channel_mut(ch).copy_from_slice(&src[pos..pos + n]);
        }
        process(&mut buf);
        for (ch, dst) in out.iter_mut().enumerate() {
            dst.extend_from_slice(buf.channel(ch));
        }
        pos += n;
    }
    out
}

/// Prepare `stage` for `sample_rate`, the input's channels and `block`, and run it over
/// planar `input` cut into blocks of `block` frames.
pub fn run_stage(
    stage: &mut dyn Stage,
    sample_rate: u32,
    input: &[Vec<f32>],
    block: usize,
) -> Vec<Vec<f32>> {
    stage.prepare(StreamFormat {
        sample_rate,
        channels: input.len(),
        max_block: block,
    });
    run_blocks(input, block, &mut |b| stage.process(b))
}

/// Largest absolute difference between two planar signals (they must be equally long).
pub fn max_diff(a: &[Vec<f32>], b: &[Vec<f32>]) -> f32 {
    assert_eq!(a.len(), b.len(), "channel counts differ");
    a.iter()
        .zip(b)
        .flat_map(|(x, y)| {
            assert_eq!(x.len(), y.len(), "lengths differ");
            x.iter().zip(y).map(|(p, q)| (p - q).abs())
        })
        .fold(0.0, f32::max)
}

/// A block processor: called with each block in turn.
pub type Processor = Box<dyn FnMut(&mut Planar)>;

/// Makes a fresh [`Processor`] for blocks of at most the given number of frames.
pub type MakeProcessor<'a> = dyn FnMut(usize) -> Processor + 'a;

/// The generic block-size invariance check: `make(max_block)` returns a fresh processor
/// for blocks of at most `max_block` frames; its output over `input` must agree within
/// [`TOLERANCE`] for every size in [`BLOCK_SIZES`].
pub fn assert_processor_block_invariant(
    label: &str,
    input: &[Vec<f32>],
    make: &mut MakeProcessor<'_>,
) {
    let reference = {
        let mut p = make(4096);
        run_blocks(input, 4096, &mut *p)
    };
    assert!(
        reference.iter().flatten().all(|s| s.is_finite()),
        "{label}: non-finite output"
    );
    for block in BLOCK_SIZES {
        let mut p = make(block);
        let out = run_blocks(input, block, &mut *p);
        let d = max_diff(&reference, &out);
        assert!(
            d <= TOLERANCE,
            "{label}: block size {block} differs from 4096 by {d:e} (allowed {TOLERANCE:e})"
        );
    }
}

/// Block-size invariance of the stages made by `make` over `input`; returns the output
/// (with 4096-frame blocks).
pub fn assert_block_invariant(
    make: impl Fn() -> Box<dyn Stage>,
    sample_rate: u32,
    input: &[Vec<f32>],
) -> Vec<Vec<f32>> {
    let label = make().kind().name();
    let channels = input.len();
    assert_processor_block_invariant(label, input, &mut |block| {
        let mut stage = make();
        stage.prepare(StreamFormat {
            sample_rate,
            channels,
            max_block: block,
        });
        Box::new(move |b: &mut Planar| stage.process(b))
    });
    run_stage(make().as_mut(), sample_rate, input, 4096)
}

/// [`assert_processor_block_invariant`] for one stage on a speech-like signal (about 1.2 s; the
/// channels differ) at `sample_rate` with `channels` channels.
pub fn assert_stage_block_invariant<S, F>(label: &str, sample_rate: u32, channels: usize, make: F)
where
    S: Stage + 'static,
    F: Fn() -> S,
{
    let frames = (sample_rate as usize * 6) / 5;
    let input: Vec<Vec<f32>> = (0..channels)
        .map(|ch| {
            let mut s = crate::test_signals::voice(sample_rate, frames, 7 + ch as u64);
            for (i, v) in s.iter_mut().enumerate() {
                *v *= 1.0 + 0.2 * ch as f32 * ((i % 100) as f32 / 100.0);
            }
            s
        })
        .collect();
    assert_processor_block_invariant(label, &input, &mut |block| {
        let mut stage = make();
        stage.prepare(StreamFormat {
            sample_rate,
            channels,
            max_block: block,
        });
        Box::new(move |b: &mut Planar| stage.process(b))
    });
}

/// True-peak level in dBTP of a planar signal, measured by the `ebur128` crate (the
/// BS.1770 meter the tests hold the limiter to); `None` for silence.
pub fn true_peak_dbtp(signal: &[Vec<f32>], sample_rate: u32) -> Option<f64> {
    let mut m = ebur128::EbuR128::new(signal.len() as u32, sample_rate, ebur128::Mode::TRUE_PEAK)
        .expect("meter");
    let refs: Vec<&[f32]> = signal.iter().map(Vec::as_slice).collect();
    m.add_frames_planar_f32(&refs).expect("frames");
    let tp = (0..signal.len() as u32)
        .map(|c| m.true_peak(c).expect("tp"))
        .fold(0.0, f64::max);
    (tp > 0.0).then(|| 20.0 * tp.log10())
}

/// Integrated loudness in LUFS (BS.1770 gating); `None` when everything is gated.
pub fn integrated_lufs(signal: &[Vec<f32>], sample_rate: u32) -> Option<f64> {
    let mut m =
        ebur128::EbuR128::new(signal.len() as u32, sample_rate, ebur128::Mode::I).expect("meter");
    let refs: Vec<&[f32]> = signal.iter().map(Vec::as_slice).collect();
    m.add_frames_planar_f32(&refs).expect("frames");
    let l = m.loudness_global().expect("loudness");
    l.is_finite().then_some(l)
}
