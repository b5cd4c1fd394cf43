//! Frames as video: RGB24 and I420 (BT.601, limited range, chroma averaged over 2x2),
//! the YUV4MPEG2 stream ffmpeg and Chromium's fake camera read, and PNG snapshots.

use std::path::{Path, PathBuf};

use tiny_skia::Pixmap;

/// Where a webcam's frames go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Output {
    /// A YUV4MPEG2 stream into a file or a FIFO (absolute path).
    Y4m(PathBuf),
    /// A v4l2loopback device (`/dev/videoN`), I420 frames.
    V4l2(PathBuf),
}

impl Output {
    /// Parse `y4m:PATH` or `v4l2:/dev/videoN` (the path absolute).
    pub fn parse(s: &str) -> Result<Output, String> {
        let (kind, path) = s.split_once(':').ok_or_else(|| {
            format!("output `{s}` is not y4m:PATH, v4l2:/dev/videoN or - (standard output)")
        })?;
        let path = Path::new(path);
        if !path.is_absolute() {
            return Err(format!("output `{s}`: the path must be absolute"));
        }
        match kind {
            "y4m" => Ok(Output::Y4m(path.to_path_buf())),
            "v4l2" => Ok(Output::V4l2(path.to_path_buf())),
            _ => Err(format!("output `{s}`: `{kind}` is not y4m or v4l2")),
        }
    }
}

impl std::fmt::Display for Output {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Output::Y4m(p) => write!(f, "y4m:{}", p.display()),
            Output::V4l2(p) => write!(f, "v4l2:{}", p.display()),
        }
    }
}

/// One rendered frame in the forms the outputs want.
#[derive(Debug, Clone)]
pub struct Frame {
    pub width: u32,
    pub height: u32,
    /// Planar Y, then U, then V (quarter size each).
    pub i420: Vec<u8>,
}

impl Frame {
    /// Convert an opaque frame (the renderer fills the background first).
    pub fn from_pixmap(p: &Pixmap) -> Frame {
        Frame {
            width: p.width(),
            height: p.height(),
            i420: i420(p.data(), p.width() as usize, p.height() as usize),
        }
    }
}

/// RGBA (opaque) to I420. Width and height are even.
pub fn i420(rgba: &[u8], w: usize, h: usize) -> Vec<u8> {
    let (cw, ch) = (w / 2, h / 2);
    let mut out = vec![0u8; w * h + 2 * cw * ch];
    let (y_plane, uv) = out.split_at_mut(w * h);
    let (u_plane, v_plane) = uv.split_at_mut(cw * ch);
    for (i, px) in rgba.chunks_exact(4).enumerate() {
        let (r, g, b) = (px[0] as i32, px[1] as i32, px[2] as i32);
        y_plane[i] = (((66 * r + 129 * g + 25 * b + 128) >> 8) + 16) as u8;
    }
    for cy in 0..ch {
        for cx in 0..cw {
            let (mut r, mut g, mut b) = (0i32, 0i32, 0i32);
            for (dx, dy) in [(0, 0), (1, 0), (0, 1), (1, 1)] {
                let o = ((2 * cy + dy) * w + 2 * cx + dx) * 4;
                r += rgba[o] as i32;
                g += rgba[o + 1] as i32;
                b += rgba[o + 2] as i32;
            }
            let (r, g, b) = ((r + 2) / 4, (g + 2) / 4, (b + 2) / 4);
            u_plane[cy * cw + cx] = (((-38 * r - 74 * g + 112 * b + 128) >> 8) + 128) as u8;
            v_plane[cy * cw + cx] = (((112 * r - 94 * g - 18 * b + 128) >> 8) + 128) as u8;
        }
    }
    out
}

/// RGB24 (no alpha) of an opaque frame.
pub fn rgb24(p: &Pixmap) -> Vec<u8> {
    p.data()
        .chunks_exact(4)
        .flat_map(|px| [px[0], px[1], px[2]])
        .collect()
}

/// The stream header of a YUV4MPEG2 stream of I420 frames.
pub fn y4m_header(width: u32, height: u32, fps: u32) -> String {
    format!("YUV4MPEG2 W{width} H{height} F{fps}:1 Ip A1:1 C420jpeg XCOLORRANGE=LIMITED\n")
}

/// What goes before each frame's planes.
pub const Y4M_FRAME: &[u8] = b"FRAME\n";

/// A PNG of the frame.
pub fn png(p: &Pixmap) -> crate::Result<Vec<u8>> {
    p.encode_png()
        .map_err(|e| crate::Error::Invalid(format!("cannot encode the frame as PNG: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn primaries_convert_to_bt601_limited_range() {
        let mut p = Pixmap::new(2, 2).unwrap();
        p.fill(tiny_skia::Color::WHITE);
        let f = Frame::from_pixmap(&p);
        assert_eq!(f.i420, [235, 235, 235, 235, 128, 128]);
        p.fill(tiny_skia::Color::BLACK);
        assert_eq!(Frame::from_pixmap(&p).i420, [16, 16, 16, 16, 128, 128]);
        p.fill(tiny_skia::Color::from_rgba8(255, 0, 0, 255));
        let red = Frame::from_pixmap(&p).i420;
        assert_eq!((red[0], red[4], red[5]), (82, 90, 240));
        assert_eq!(rgb24(&p), [255, 0, 0].repeat(4));
    }
}
