//! Streaming short-time Fourier transform with weighted overlap-add (WOLA; Crochiere
//! 1980, Allen & Rabiner 1977), shared by the spectral stages.
//!
//! Unlike the Python chain, which overlap-added frames only inside each block and dropped
//! the overlap buffer (a deep periodic dip, output depending on block size), the state
//! here lives across blocks: input is gathered sample by sample into a frame FIFO, every
//! `hop` samples one frame is analysed, handed to the caller, synthesised and
//! overlap-added into a persistent accumulator. Output is the input delayed by a constant
//! `size - 1` frames ([`OverlapAdd::latency`]) whatever the block size, and with an
//! identity callback it reconstructs the input exactly (up to rounding): the synthesis
//! window is normalised so that the analysis × synthesis windows sum to one over the
//! overlapping frames.

use rustfft::num_complex::Complex32;

use crate::dsp::real_fft::RealFft;

/// Window shapes (periodic, so that shifted copies add up to a constant).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Window {
    /// No window (all ones).
    Rectangular,
    /// Periodic Hann.
    Hann,
    /// Square root of the periodic Hann (analysis and synthesis pair for 50 % overlap).
    SqrtHann,
}

impl Window {
    /// The `n` window coefficients.
    pub fn coefficients(self, n: usize) -> Vec<f32> {
        (0..n)
            .map(|i| {
                let hann = 0.5 - 0.5 * (2.0 * std::f64::consts::PI * i as f64 / n as f64).cos();
                match self {
                    Window::Rectangular => 1.0,
                    Window::Hann => hann as f32,
                    Window::SqrtHann => hann.sqrt() as f32,
                }
            })
            .collect()
    }
}

/// Streaming framer: collects hop-spaced frames of `size` samples, lets a callback
/// transform each analysis-windowed frame in place, and overlap-adds the results with
/// the synthesis window. One instance per channel.
#[derive(Debug, Clone)]
pub struct OverlapAdd {
    size: usize,
    hop: usize,
    analysis: Vec<f32>,
    synthesis: Vec<f32>,
    in_fifo: Vec<f32>,
    out_fifo: Vec<f32>,
    accum: Vec<f32>,
    frame: Vec<f32>,
    rover: usize,
}

impl OverlapAdd {
    /// A framer of `size` samples every `hop` samples (`hop` must divide `size`).
    ///
    /// # Panics
    /// When `hop` is zero or does not divide `size`, or the windows do not overlap
    /// to a non-zero sum: those are programming errors of the calling stage.
    pub fn new(size: usize, hop: usize, analysis: Window, synthesis: Window) -> Self {
        Self::with_gain(size, hop, analysis, synthesis, 1.0)
    }

    /// Like [`OverlapAdd::new`], with every output frame scaled by `gain` (folded into
    /// the synthesis window, so it costs nothing per frame).
    ///
    /// # Panics
    /// As [`OverlapAdd::new`].
    pub fn with_gain(
        size: usize,
        hop: usize,
        analysis: Window,
        synthesis: Window,
        gain: f64,
    ) -> Self {
        assert!(
            hop > 0 && size % hop == 0,
            "hop {hop} must divide size {size}"
        );
        let analysis = analysis.coefficients(size);
        let mut synthesis = synthesis.coefficients(size);
        // Normalise so that sum over overlapping frames of analysis·synthesis == 1 at
        // every position: exact reconstruction for any window pair.
        let mut sums = vec![0.0f64; hop];
        for i in 0..size {
            sums[i % hop] += f64::from(analysis[i]) * f64::from(synthesis[i]);
        }
        for (i, s) in synthesis.iter_mut().enumerate() {
            let sum = sums[i % hop];
            assert!(sum > 1e-9, "windows do not overlap-add to a non-zero sum");
            *s = (f64::from(*s) * gain / sum) as f32;
        }
        Self {
            size,
            hop,
            analysis,
            synthesis,
            in_fifo: vec![0.0; size],
            out_fifo: vec![0.0; hop],
            accum: vec![0.0; size],
            frame: vec![0.0; size],
            rover: size - hop,
        }
    }

    /// Frame length in samples.
    pub fn size(&self) -> usize {
        self.size
    }

    /// Hop in samples.
    pub fn hop(&self) -> usize {
        self.hop
    }

    /// Constant delay from input to output, in samples.
    pub fn latency(&self) -> usize {
        self.size - 1
    }

    /// Forget all signal history.
    pub fn reset(&mut self) {
        self.in_fifo.fill(0.0);
        self.out_fifo.fill(0.0);
        self.accum.fill(0.0);
        self.rover = self.size - self.hop;
    }

    /// Process `io` in place; `f` is called once per completed frame with the
    /// analysis-windowed frame to transform in place.
    pub fn process(&mut self, io: &mut [f32], mut f: impl FnMut(&mut [f32])) {
        // Same as moving one sample at a time (push into the input FIFO, pop from the
        // output FIFO, run a frame whenever the FIFO fills), but in runs of whole
        // slices up to the next frame boundary: two copies instead of a branch per
        // sample.
        let start = self.size - self.hop;
        let mut io = io;
        while !io.is_empty() {
            let run = (self.size - self.rover).min(io.len());
            let (head, rest) = io.split_at_mut(run);
            let at = self.rover - start;
            self.in_fifo[self.rover..self.rover + run].copy_from_slice(head);
            self.rover += run;
            if self.rover == self.size {
                // The run's last sample reads the new frame's first output sample;
                // the ones before it read the old output FIFO.
                head[..run - 1].copy_from_slice(&self.out_fifo[at + 1..at + run]);
                self.run_frame(&mut f);
                self.rover = start;
                head[run - 1] = self.out_fifo[0];
            } else {
                head.copy_from_slice(&self.out_fifo[at + 1..at + 1 + run]);
            }
            io = rest;
        }
    }

    fn run_frame(&mut self, f: &mut impl FnMut(&mut [f32])) {
        for ((d, &x), &w) in self.frame.iter_mut().zip(&self.in_fifo).zip(&self.analysis) {
            *d = x * w;
        }
        f(&mut self.frame);
        for ((a, &y), &w) in self.accum.iter_mut().zip(&self.frame).zip(&self.synthesis) {
            *a += y * w;
        }
        let hop = self.hop;
        self.out_fifo.copy_from_slice(&self.accum[..hop]);
        self.accum.copy_within(hop.., 0);
        let n = self.size;
        self.accum[n - hop..].fill(0.0);
        self.in_fifo.copy_within(hop.., 0);
    }
}

/// A streaming STFT for one channel: [`OverlapAdd`] plus a real FFT. The callback sees
/// the `size / 2 + 1` bins of each frame (unnormalised forward transform) and may
/// change them; the inverse transform is scaled (through the synthesis window) so an
/// untouched spectrum reconstructs the input.
pub struct Stft {
    ola: OverlapAdd,
    fft: RealFft,
    spectrum: Vec<Complex32>,
}

impl std::fmt::Debug for Stft {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Stft")
            .field("size", &self.ola.size)
            .field("hop", &self.ola.hop)
            .finish()
    }
}

impl Stft {
    /// An STFT of `size` samples (even) every `hop` samples; allocates everything.
    pub fn new(size: usize, hop: usize, analysis: Window, synthesis: Window) -> Self {
        assert!(size % 2 == 0, "STFT size {size} must be even");
        let fft = RealFft::new(size);
        Self {
            // The inverse transform is unnormalised: its 1/size goes into the
            // synthesis window.
            ola: OverlapAdd::with_gain(size, hop, analysis, synthesis, 1.0 / size as f64),
            spectrum: vec![Complex32::default(); fft.bins()],
            fft,
        }
    }

    /// Frame length in samples.
    pub fn size(&self) -> usize {
        self.ola.size
    }

    /// Hop in samples.
    pub fn hop(&self) -> usize {
        self.ola.hop
    }

    /// Number of frequency bins (`size / 2 + 1`).
    pub fn bins(&self) -> usize {
        self.ola.size / 2 + 1
    }

    /// Constant delay from input to output, in samples.
    pub fn latency(&self) -> usize {
        self.ola.latency()
    }

    /// Forget all signal history.
    pub fn reset(&mut self) {
        self.ola.reset();
    }

    /// Process `io` in place, calling `f` with the spectrum of every completed frame.
    pub fn process(&mut self, io: &mut [f32], mut f: impl FnMut(&mut [Complex32])) {
        let Self { ola, fft, spectrum } = self;
        ola.process(io, |frame| {
            fft.forward(frame, spectrum);
            f(spectrum);
            // The inverse takes the DC and Nyquist bins as real, as a real signal's are.
            fft.inverse(spectrum, frame);
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn signal(n: usize) -> Vec<f32> {
        (0..n)
            .map(|i| {
                let t = i as f32;
                0.5 * (t * 0.031).sin()
                    + 0.3 * (t * 0.47).sin()
                    + 0.1 * ((i * 7919 % 113) as f32 / 113.0 - 0.5)
            })
            .collect()
    }

    fn run(stft: &mut Stft, x: &[f32], block: usize) -> Vec<f32> {
        let mut out = x.to_vec();
        for chunk in out.chunks_mut(block) {
            stft.process(chunk, |_| {});
        }
        out
    }

    #[test]
    fn identity_reconstructs_with_constant_latency() {
        for (size, hop, a, s) in [
            (512, 256, Window::SqrtHann, Window::SqrtHann),
            (1024, 256, Window::Hann, Window::Hann),
            (96, 48, Window::Hann, Window::Rectangular),
        ] {
            let x = signal(5000);
            let mut stft = Stft::new(size, hop, a, s);
            let lat = stft.latency();
            assert_eq!(lat, size - 1);
            let y = run(&mut stft, &x, 333);
            // The first frames see the zero history; compare once every overlapping
            // frame covers real input.
            for i in size..x.len() - lat {
                assert!(
                    (y[i + lat] - x[i]).abs() < 1e-5,
                    "size {size} hop {hop}: sample {i}: {} vs {}",
                    y[i + lat],
                    x[i]
                );
            }
        }
    }

    #[test]
    fn output_independent_of_block_size() {
        let x = signal(6000);
        let mut reference = None;
        for block in [1, 7, 64, 480, 4096] {
            let mut stft = Stft::new(256, 64, Window::Hann, Window::Hann);
            let mut out = x.clone();
            for chunk in out.chunks_mut(block) {
                stft.process(chunk, |spec| {
                    for (k, b) in spec.iter_mut().enumerate() {
                        *b *= 1.0 / (1.0 + k as f32 * 0.01);
                    }
                });
            }
            match &reference {
                None => reference = Some(out),
                Some(r) => {
                    for (a, b) in r.iter().zip(&out) {
                        assert!((a - b).abs() < 1e-6, "block {block}");
                    }
                }
            }
        }
    }
}
