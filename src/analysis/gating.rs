//! The energies of a meter's gating blocks (400 ms for integrated loudness, 3 s for the
//! loudness range), kept one of two ways:
//!
//! - **exact** (files): every block above the absolute gate as f32, 4 bytes per 100 ms;
//! - **histogram** (live streams, which may run for weeks): 0.01 LU bins from -70 to
//!   +30 LUFS, each with its block count and the exact sum of its energies, so memory
//!   stays at 160 kB whatever the length. Gated means are exact except for blocks in the
//!   one bin the relative gate falls into (within 0.01 LU of the gate, counted by the
//!   bin's centre); percentiles are the mean energy of the bin they fall into.

/// Bins per LU of the histogram.
const PER_LU: f64 = 100.0;
/// Lowest loudness of the histogram (the absolute gate).
const LOW_LUFS: f64 = -70.0;
/// Bins: -70 to +30 LUFS.
const BINS: usize = 100 * 100;

fn lufs(energy: f64) -> f64 {
    -0.691 + 10.0 * energy.log10()
}

fn bin(energy: f64) -> usize {
    (((lufs(energy) - LOW_LUFS) * PER_LU).floor().max(0.0) as usize).min(BINS - 1)
}

/// Gating-block energies above the absolute gate.
#[derive(Debug, Clone)]
pub enum Blocks {
    Exact(Vec<f32>),
    Histogram(Box<Histogram>),
}

/// Counts and energy sums per 0.01 LU bin.
#[derive(Debug, Clone)]
pub struct Histogram {
    count: Vec<u32>,
    sum: Vec<f64>,
}

impl Blocks {
    /// Every block kept (exact results).
    pub fn exact() -> Blocks {
        Blocks::Exact(Vec::new())
    }

    /// Bounded memory (live streams).
    pub fn histogram() -> Blocks {
        Blocks::Histogram(Box::new(Histogram {
            count: vec![0; BINS],
            sum: vec![0.0; BINS],
        }))
    }

    /// Add a block's energy (at or above the absolute gate).
    pub fn push(&mut self, energy: f64) {
        match self {
            Blocks::Exact(v) => v.push(energy as f32),
            Blocks::Histogram(h) => {
                let b = bin(energy);
                h.count[b] = h.count[b].saturating_add(1);
                h.sum[b] += energy;
            }
        }
    }

    /// Sum and count of the energies at or above `gate` (0: all).
    pub fn above(&self, gate: f64) -> (f64, u64) {
        match self {
            Blocks::Exact(v) => {
                let g = gate as f32;
                v.iter()
                    .filter(|&&e| e >= g)
                    .fold((0.0, 0), |(s, n), &e| (s + f64::from(e), n + 1))
            }
            Blocks::Histogram(h) => {
                let first = if gate > 0.0 {
                    // The bin the gate falls into counts when its centre is above it.
                    let b = bin(gate);
                    let centre = LOW_LUFS + (b as f64 + 0.5) / PER_LU;
                    if centre >= lufs(gate) { b } else { b + 1 }
                } else {
                    0
                };
                (first..BINS).fold((0.0, 0), |(s, n), b| {
                    (s + h.sum[b], n + u64::from(h.count[b]))
                })
            }
        }
    }

    /// The energies at nearest ranks `lo` and `hi` (0 to 1) of the blocks at or above
    /// `gate`, as libebur128 takes them for the loudness range.
    pub fn percentiles(&self, gate: f64, lo: f64, hi: f64) -> Option<(f64, f64)> {
        match self {
            Blocks::Exact(v) => {
                let g = gate as f32;
                let mut kept: Vec<f32> = v.iter().copied().filter(|&e| e >= g).collect();
                if kept.is_empty() {
                    return None;
                }
                let last = (kept.len() - 1) as f64;
                let (l, h) = ((last * lo + 0.5) as usize, (last * hi + 0.5) as usize);
                let (_, &mut high, _) = kept.select_nth_unstable_by(h, f32::total_cmp);
                let (_, &mut low, _) = kept.select_nth_unstable_by(l, f32::total_cmp);
                Some((f64::from(low), f64::from(high)))
            }
            Blocks::Histogram(hist) => {
                let (_, n) = self.above(gate);
                if n == 0 {
                    return None;
                }
                let first = (0..BINS)
                    .find(|&b| {
                        let centre = LOW_LUFS + (b as f64 + 0.5) / PER_LU;
                        centre >= lufs(gate.max(f64::MIN_POSITIVE))
                    })
                    .unwrap_or(BINS);
                let last = (n - 1) as f64;
                let at = |rank: u64| -> f64 {
                    let mut seen = 0u64;
                    for b in first..BINS {
                        seen += u64::from(hist.count[b]);
                        if seen > rank {
                            return hist.sum[b] / f64::from(hist.count[b]);
                        }
                    }
                    0.0
                };
                Some((at((last * lo + 0.5) as u64), at((last * hi + 0.5) as u64)))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn energy(lufs: f64) -> f64 {
        10f64.powf((lufs + 0.691) / 10.0)
    }

    #[test]
    fn the_histogram_agrees_with_the_exact_blocks() {
        let (mut exact, mut hist) = (Blocks::exact(), Blocks::histogram());
        // A wandering level: speech-like loudness between -45 and -10 LUFS.
        let mut x = 0.3f64;
        for i in 0..20_000 {
            x = (x * 3.9 * (1.0 - x)).clamp(0.001, 0.999);
            let l = -45.0 + 35.0 * x + 3.0 * ((i as f64) * 0.01).sin();
            exact.push(energy(l));
            hist.push(energy(l));
        }
        for gate_lufs in [-70.0, -30.0, -24.3, -20.0] {
            let gate = if gate_lufs <= -70.0 {
                0.0
            } else {
                energy(gate_lufs)
            };
            let (se, ne) = exact.above(gate);
            let (sh, nh) = hist.above(gate);
            let (le, lh) = (lufs(se / ne as f64), lufs(sh / nh as f64));
            assert!((le - lh).abs() < 0.005, "gate {gate_lufs}: {le} vs {lh}");
        }
        let (a, b) = exact.percentiles(energy(-40.0), 0.1, 0.95).unwrap();
        let (c, d) = hist.percentiles(energy(-40.0), 0.1, 0.95).unwrap();
        let lra_e = lufs(b) - lufs(a);
        let lra_h = lufs(d) - lufs(c);
        assert!((lra_e - lra_h).abs() < 0.02, "{lra_e} vs {lra_h}");
        // The histogram's memory does not grow with the stream.
        if let Blocks::Histogram(h) = &hist {
            assert_eq!((h.count.len(), h.sum.len()), (BINS, BINS));
        }
    }
}
