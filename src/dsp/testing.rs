//! Test helpers shared by the stage tests: run a stage over a signal in blocks, and
//! prove that its output does not depend on the block size.

use crate::audio::Planar;
use crate::dsp::{Stage, StreamFormat};

/// Block sizes every stage must be invariant to.
pub(crate) const BLOCK_SIZES: [usize; 5] = [1, 7, 64, 480, 4096];

/// Run `stage` (prepared here) over planar `input` cut into blocks of `block` frames.
pub(crate) fn run_stage(
    stage: &mut dyn Stage,
    sample_rate: u32,
    input: &[Vec<f32>],
    block: usize,
) -> Vec<Vec<f32>> {
    let channels = input.len();
    let frames = input[0].len();
    stage.prepare(StreamFormat {
        sample_rate,
        channels,
        max_block: block,
    });
    let mut out = vec![Vec::with_capacity(frames); channels];
    let mut buf = Planar::new(channels, block);
    let mut pos = 0;
    while pos < frames {
        let n = block.min(frames - pos);
        buf.set_len(n);
        for (c, ch) in input.iter().enumerate() {
            buf.channel_mut(c).copy_from_slice(&ch[pos..pos + n]);
        }
        stage.process(&mut buf);
        for (c, o) in out.iter_mut().enumerate() {
            o.extend_from_slice(buf.channel(c));
        }
        pos += n;
    }
    out
}

/// Assert that stages made by `make` give the same output (within 1e-6) for every
/// block size of [`BLOCK_SIZES`]; returns the output.
pub(crate) fn assert_block_invariant(
    make: impl Fn() -> Box<dyn Stage>,
    sample_rate: u32,
    input: &[Vec<f32>],
) -> Vec<Vec<f32>> {
    let mut reference: Option<Vec<Vec<f32>>> = None;
    for block in BLOCK_SIZES {
        let mut stage = make();
        let out = run_stage(stage.as_mut(), sample_rate, input, block);
        match &reference {
            None => reference = Some(out),
            Some(r) => {
                for (c, (a, b)) in r.iter().zip(&out).enumerate() {
                    for (i, (x, y)) in a.iter().zip(b).enumerate() {
                        assert!(
                            (x - y).abs() <= 1e-6,
                            "{}: block {block}, channel {c}, frame {i}: {y} vs {x} with block {}",
                            stage.kind(),
                            BLOCK_SIZES[0]
                        );
                        assert!(y.is_finite(), "non-finite output");
                    }
                }
            }
        }
    }
    reference.expect("at least one block size")
}
