//! Planar audio blocks: one contiguous `f32` buffer per channel.

/// A planar block of audio owned by the caller and reused block after block.
///
/// Capacity is fixed at construction (`max_frames` per channel); [`Planar::set_len`]
/// changes the number of valid frames without allocating, so the realtime path never
/// allocates.
#[derive(Debug, Clone)]
pub struct Planar {
    data: Vec<Vec<f32>>,
    len: usize,
}

impl Planar {
    /// A silent block of `channels` channels able to hold `max_frames` frames.
    pub fn new(channels: usize, max_frames: usize) -> Self {
        Self {
            data: (0..channels).map(|_| vec![0.0; max_frames]).collect(),
            len: 0,
        }
    }

    /// Number of channels.
    pub fn channels(&self) -> usize {
        self.data.len()
    }

    /// Number of valid frames.
    pub fn len(&self) -> usize {
        self.len
    }

    /// True when the block holds no frame.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Largest number of frames the block can hold.
    pub fn capacity(&self) -> usize {
        self.data.first().map_or(0, Vec::len)
    }

    /// Set the number of valid frames (at most [`Planar::capacity`]).
    ///
    /// # Panics
    /// When `len` exceeds the capacity: that is a bug in the caller.
    pub fn set_len(&mut self, len: usize) {
        assert!(len <= self.capacity(), "block length {len} over capacity");
        self.len = len;
    }

    /// The valid frames of one channel.
    pub fn channel(&self, ch: usize) -> &[f32] {
        &self.data[ch][..self.len]
    }

    /// The valid frames of one channel, mutable.
    pub fn channel_mut(&mut self, ch: usize) -> &mut [f32] {
        let len = self.len;
        &mut self.data[ch][..len]
    }

    /// Iterate over the valid frames of every channel.
    pub fn channels_iter(&self) -> impl Iterator<Item = &[f32]> {
        self.data.iter().map(move |c| &c[..self.len])
    }

    /// Iterate over the valid frames of every channel, mutable.
    pub fn channels_mut(&mut self) -> impl Iterator<Item = &mut [f32]> {
        let len = self.len;
        self.data.iter_mut().map(move |c| &mut c[..len])
    }

    /// Fill from interleaved samples; the frame count is `interleaved.len() / channels`.
    pub fn copy_from_interleaved(&mut self, interleaved: &[f32]) {
        let ch = self.channels();
        let frames = interleaved.len() / ch;
        self.set_len(frames);
        for (c, buf) in self.data.iter_mut().enumerate() {
            for (f, s) in buf[..frames].iter_mut().enumerate() {
                *s = interleaved[f * ch + c];
            }
        }
    }

    /// Write the valid frames interleaved into `out` (resized to fit).
    pub fn copy_to_interleaved(&self, out: &mut Vec<f32>) {
        let ch = self.channels();
        out.clear();
        out.reserve(self.len * ch);
        for f in 0..self.len {
            for c in 0..ch {
                out.push(self.data[c][f]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interleave_round_trip() {
        let mut p = Planar::new(2, 8);
        p.copy_from_interleaved(&[1.0, -1.0, 2.0, -2.0, 3.0, -3.0]);
        assert_eq!(p.len(), 3);
        assert_eq!(p.channel(0), &[1.0, 2.0, 3.0]);
        assert_eq!(p.channel(1), &[-1.0, -2.0, -3.0]);
        let mut out = Vec::new();
        p.copy_to_interleaved(&mut out);
        assert_eq!(out, vec![1.0, -1.0, 2.0, -2.0, 3.0, -3.0]);
    }
}
