//! The virtual webcam: a bot's live captions drawn as video frames.
//!
//! `settings.rs` (size, rate, display mode, theme, what boxes show; one check for the
//! configuration file, the command line and live changes), `board.rs` (the captions in
//! force, their expiry and the speakers' colours), `theme.rs` (palettes), `text.rs`
//! (embedded DejaVu Sans, shaping, line breaking, drawing), `render.rs` (the layout of
//! each display mode), `video.rs` (I420, YUV4MPEG2, PNG). The daemon feeds a board from
//! a bot's `transcript` and `translation` events and renders only when it changed;
//! `orch webcam render` draws captions from a file with no daemon.

pub mod board;
pub mod render;
pub mod settings;
pub mod text;
pub mod theme;
pub mod video;

pub use board::{Board, Caption};
pub use render::{Header, Renderer, WAITING};
pub use settings::{Mode, Settings, Show, Theme};
pub use video::{Frame, Output};

/// Read captions given as a JSON array of objects, or one object per line (what
/// `orch --json transcript show` prints); each needs `text`.
pub fn parse_captions(src: &str) -> Result<Vec<Caption>, String> {
    let t = src.trim_start();
    if t.starts_with('[') {
        return serde_json::from_str(t).map_err(|e| format!("not a JSON array of captions: {e}"));
    }
    t.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            serde_json::from_str(l).map_err(|e| format!("line {}: not a caption: {e}", i + 1))
        })
        .collect()
}

/// What `orch webcam status` reports of a running webcam.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Status {
    pub bot_id: String,
    pub bot_name: String,
    pub session_id: Option<String>,
    /// Where frames go (`y4m:PATH`, `v4l2:/dev/videoN`), if anywhere.
    pub output: Option<String>,
    /// Frames are reaching the output now (a reader is attached).
    pub streaming: bool,
    /// Why the output is not streaming, when it is not.
    pub output_state: String,
    pub settings: Settings,
    /// Frame ticks since the start (each one a frame written or repeated).
    pub frames: u64,
    /// Frames drawn anew (a caption came or went, or a setting changed).
    pub renders: u64,
    /// Ticks a slow or absent reader missed.
    pub dropped: u64,
    /// Frames written to the output.
    pub written: u64,
    pub duration_s: f64,
    pub average_fps: f64,
    /// Captions received in all.
    pub captions: u64,
    /// Captions on the board now.
    pub current_captions: usize,
    pub speakers: usize,
    /// Unix time of the last caption.
    pub last_caption_time: Option<f64>,
    /// Time to draw a frame (median of the last draws), milliseconds.
    pub render_ms: Option<f64>,
    /// From a caption's event to the first frame out that shows it (written to the
    /// output, or due on the frame clock without one), median and 95th percentile of the
    /// last captions, milliseconds.
    pub caption_to_frame_ms_p50: Option<f64>,
    pub caption_to_frame_ms_p95: Option<f64>,
}

/// The largest captions file `orch webcam render` reads.
pub const MAX_CAPTIONS_BYTES: u64 = 16 * 1024 * 1024;

/// Read a captions file (see [`parse_captions`]), at most [`MAX_CAPTIONS_BYTES`].
pub fn read_captions(path: &std::path::Path) -> crate::Result<Vec<Caption>> {
    use std::io::Read;
    let f = std::fs::File::open(path).map_err(|e| crate::Error::io("cannot read", path, e))?;
    let mut text = String::new();
    f.take(MAX_CAPTIONS_BYTES + 1)
        .read_to_string(&mut text)
        .map_err(|e| crate::Error::io("cannot read", path, e))?;
    let bad = |m: String| crate::Error::Invalid(format!("{}: {m}", path.display()));
    if text.len() as u64 > MAX_CAPTIONS_BYTES {
        return Err(bad(format!("larger than {} MiB", MAX_CAPTIONS_BYTES >> 20)));
    }
    let captions = parse_captions(&text).map_err(bad)?;
    if captions.is_empty() {
        return Err(bad("no captions in it".into()));
    }
    Ok(captions)
}
