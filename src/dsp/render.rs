//! Offline rendering: a decoder's audio through a pipeline, with the chain's latency
//! compensated (the first `latency` output frames are dropped and the tail is flushed
//! with silence), so the output lines up with the input sample for sample and has the
//! same length. What `orch process`, `orch transcribe` and preset comparisons share.

use crate::Result;
use crate::audio::{Decoder, Planar};
use crate::dsp::pipeline::Pipeline;

/// Drop the first `n` frames of a block.
pub fn drop_front(block: &mut Planar, n: usize) {
    let len = block.len();
    let n = n.min(len);
    if n == 0 {
        return;
    }
    for ch in block.channels_mut() {
        ch.copy_within(n..len, 0);
    }
    block.set_len(len - n);
}

/// Run `pipeline` (none: the audio as it is) over the decoder's audio in blocks of
/// `block_size`. `on_input` sees every block read, `on_output` every block of output
/// (latency removed). Returns the frames given to `on_output`.
pub fn render(
    decoder: &mut Decoder,
    pipeline: Option<&mut Pipeline>,
    block_size: usize,
    on_input: impl FnMut(&Planar),
    on_output: impl FnMut(&Planar) -> Result<()>,
) -> Result<u64> {
    render_timed(decoder, pipeline, block_size, on_input, on_output).map(|(frames, _)| frames)
}

/// [`render`], also returning the seconds spent in the pipeline (preset comparisons
/// report it as processing time and realtime factor).
pub fn render_timed(
    decoder: &mut Decoder,
    mut pipeline: Option<&mut Pipeline>,
    block_size: usize,
    mut on_input: impl FnMut(&Planar),
    mut on_output: impl FnMut(&Planar) -> Result<()>,
) -> Result<(u64, f64)> {
    let mut busy = 0.0f64;
    let mut process = |p: &mut Pipeline, block: &mut Planar| {
        let t0 = std::time::Instant::now();
        p.process(block);
        busy += t0.elapsed().as_secs_f64();
    };
    let channels = decoder.info().channels;
    let mut block = Planar::new(channels, block_size);
    let mut skip = pipeline.as_ref().map_or(0, |p| p.latency());
    let mut tail = skip;
    let mut written = 0u64;
    let mut out = |block: &mut Planar, skip: &mut usize| -> Result<()> {
        let d = (*skip).min(block.len());
        drop_front(block, d);
        *skip -= d;
        if !block.is_empty() {
            on_output(block)?;
            written += block.len() as u64;
        }
        Ok(())
    };
    loop {
        let more = decoder.read(&mut block)?;
        if !more || block.is_empty() {
            break;
        }
        on_input(&block);
        if let Some(p) = pipeline.as_deref_mut() {
            process(p, &mut block);
        }
        out(&mut block, &mut skip)?;
    }
    // Flush the chain's delay with silence; those frames complete the output.
    while tail > 0 {
        let n = tail.min(block_size);
        block.set_len(n);
        for ch in block.channels_mut() {
            ch.fill(0.0);
        }
        if let Some(p) = pipeline.as_deref_mut() {
            process(p, &mut block);
        }
        tail -= n;
        out(&mut block, &mut skip)?;
    }
    Ok((written, busy))
}
