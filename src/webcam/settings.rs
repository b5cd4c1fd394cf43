//! A webcam's settings: size, rate, display mode, theme and what the boxes show, with
//! the ranges of the original service, checked in one place for the configuration file
//! (`[webcam]`), the command line and live `--set key=value` changes.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

/// How captions sit in the frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// Boxes stacked over the whole frame under a session header, newest first.
    Overlay,
    /// A panel on the right holds the boxes; the session fills the left.
    Sidebar,
    /// A ticker across the bottom: the newest captions in a band.
    BottomBanner,
    /// Cards floating in the lower left, newest at the bottom, like a chat.
    Floating,
    /// The newest caption large and centred; older ones small below it.
    Fullscreen,
    /// A small window in the lower right corner holding the newest boxes.
    PictureInPicture,
}

/// Every mode, in the order help texts list them.
pub const MODES: [Mode; 6] = [
    Mode::Overlay,
    Mode::Sidebar,
    Mode::BottomBanner,
    Mode::Floating,
    Mode::Fullscreen,
    Mode::PictureInPicture,
];

/// Colour schemes; each is a palette (`theme.rs`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Theme {
    Dark,
    Light,
    HighContrast,
    Minimal,
    Corporate,
}

/// Every theme.
pub const THEMES: [Theme; 5] = [
    Theme::Dark,
    Theme::Light,
    Theme::HighContrast,
    Theme::Minimal,
    Theme::Corporate,
];

/// Which captions get a box.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Show {
    /// Transcript lines and their translations.
    All,
    /// Transcript lines only.
    Transcript,
    /// Translations only.
    Translation,
}

macro_rules! named {
    ($t:ty, $all:expr, $what:literal) => {
        impl $t {
            /// The name as the configuration and the command line spell it.
            pub fn name(self) -> &'static str {
                NAMES_OF[$all.iter().position(|m| *m == self).unwrap_or(0)]
            }

            /// Parse a name (`-` and `_` both accepted).
            pub fn parse(s: &str) -> Result<$t, String> {
                let want = s.trim().replace('-', "_");
                $all.iter()
                    .zip(NAMES_OF.iter())
                    .find(|(_, n)| **n == want)
                    .map(|(m, _)| *m)
                    .ok_or_else(|| {
                        format!("`{s}` is not a {} (one of {})", $what, NAMES_OF.join(", "))
                    })
            }
        }
    };
}

mod mode_names {
    use super::*;
    const NAMES_OF: [&str; 6] = [
        "overlay",
        "sidebar",
        "bottom_banner",
        "floating",
        "fullscreen",
        "picture_in_picture",
    ];
    named!(Mode, MODES, "display mode");
}

mod theme_names {
    use super::*;
    const NAMES_OF: [&str; 5] = ["dark", "light", "high_contrast", "minimal", "corporate"];
    named!(Theme, THEMES, "theme");
}

mod show_names {
    use super::*;
    const NAMES_OF: [&str; 3] = ["all", "transcript", "translation"];
    named!(
        Show,
        [Show::All, Show::Transcript, Show::Translation],
        "caption choice"
    );
}

/// A webcam's settings. Defaults: 1280x720 at 30 fps, overlay, dark, at most 5 boxes,
/// each shown 10 s, 24 px text, background 80 % opaque.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Settings {
    /// Frame width in pixels, 640 to 1920, even.
    pub width: u32,
    /// Frame height in pixels, 480 to 1080, even.
    pub height: u32,
    /// Frames per second, 15 to 60.
    pub fps: u32,
    pub mode: Mode,
    pub theme: Theme,
    /// Boxes shown at once, 1 to 10 (the newest).
    pub max_captions: u32,
    /// Seconds a caption stays, 1 to 300.
    pub caption_s: f64,
    /// Caption text size in pixels, 10 to 32 (labels and header scale with it).
    pub font_size: u32,
    /// Opacity of the boxes' background, 0 to 1.
    pub background_opacity: f64,
    pub show_speaker_names: bool,
    pub show_confidence: bool,
    /// The time of each caption in its box.
    pub show_timestamps: bool,
    /// Transcript lines, translations or both.
    pub show: Show,
    /// Target languages whose translations get a box (empty: all).
    pub languages: Vec<String>,
    /// Font files tried, in order, for characters the embedded DejaVu Sans lacks
    /// (configuration only).
    pub fonts: Vec<PathBuf>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            width: 1280,
            height: 720,
            fps: 30,
            mode: Mode::Overlay,
            theme: Theme::Dark,
            max_captions: 5,
            caption_s: 10.0,
            font_size: 24,
            background_opacity: 0.8,
            show_speaker_names: true,
            show_confidence: true,
            show_timestamps: false,
            show: Show::All,
            languages: Vec::new(),
            fonts: Vec::new(),
        }
    }
}

/// Keys `--set` takes (all but `fonts`); `width`, `height`, `size` and `fps` only before
/// the webcam starts, since a video stream keeps its size and rate.
pub const KEYS: [&str; 15] = [
    "size",
    "width",
    "height",
    "fps",
    "mode",
    "theme",
    "max_captions",
    "caption_s",
    "font_size",
    "background_opacity",
    "show_speaker_names",
    "show_confidence",
    "show_timestamps",
    "show",
    "languages",
];

/// Keys fixed while a webcam streams.
pub const FIXED_KEYS: [&str; 4] = ["size", "width", "height", "fps"];

impl Settings {
    /// Check every range; the error names the key.
    pub fn check(&self) -> Result<(), (&'static str, String)> {
        let int = |key: &'static str, v: u32, lo: u32, hi: u32| {
            if (lo..=hi).contains(&v) {
                Ok(())
            } else {
                Err((key, format!("{v} is outside {lo} to {hi}")))
            }
        };
        let real = |key: &'static str, v: f64, lo: f64, hi: f64| {
            if v.is_finite() && (lo..=hi).contains(&v) {
                Ok(())
            } else {
                Err((key, format!("{v} is outside {lo} to {hi}")))
            }
        };
        int("width", self.width, 640, 1920)?;
        int("height", self.height, 480, 1080)?;
        if self.width % 2 != 0 || self.height % 2 != 0 {
            return Err((
                "size",
                format!(
                    "{}x{} has an odd side: video frames (4:2:0) need even sizes",
                    self.width, self.height
                ),
            ));
        }
        int("fps", self.fps, 15, 60)?;
        int("max_captions", self.max_captions, 1, 10)?;
        real("caption_s", self.caption_s, 1.0, 300.0)?;
        int("font_size", self.font_size, 10, 32)?;
        real("background_opacity", self.background_opacity, 0.0, 1.0)?;
        for l in &self.languages {
            crate::lang::Lang::parse(l).map_err(|e| ("languages", e.to_string()))?;
        }
        Ok(())
    }

    /// Apply one `key=value` (not checked against the ranges: call [`Settings::check`]
    /// after the last one).
    pub fn set(&mut self, key: &str, value: &str) -> Result<(), String> {
        let v = value.trim();
        let num = |v: &str| -> Result<f64, String> {
            v.parse::<f64>()
                .map_err(|_| format!("{key}: `{v}` is not a number"))
        };
        let whole = |v: &str| -> Result<u32, String> {
            v.parse::<u32>()
                .map_err(|_| format!("{key}: `{v}` is not a whole number"))
        };
        let flag = |v: &str| -> Result<bool, String> {
            match v {
                "true" | "on" | "yes" | "1" => Ok(true),
                "false" | "off" | "no" | "0" => Ok(false),
                _ => Err(format!("{key}: `{v}` is not true or false")),
            }
        };
        match key {
            "size" => (self.width, self.height) = parse_size(v)?,
            "width" => self.width = whole(v)?,
            "height" => self.height = whole(v)?,
            "fps" => self.fps = whole(v)?,
            "mode" => self.mode = Mode::parse(v).map_err(|e| format!("mode: {e}"))?,
            "theme" => self.theme = Theme::parse(v).map_err(|e| format!("theme: {e}"))?,
            "max_captions" => self.max_captions = whole(v)?,
            "caption_s" => self.caption_s = num(v)?,
            "font_size" => self.font_size = whole(v)?,
            "background_opacity" => self.background_opacity = num(v)?,
            "show_speaker_names" => self.show_speaker_names = flag(v)?,
            "show_confidence" => self.show_confidence = flag(v)?,
            "show_timestamps" => self.show_timestamps = flag(v)?,
            "show" => self.show = Show::parse(v).map_err(|e| format!("show: {e}"))?,
            "languages" => {
                self.languages = v
                    .split(',')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
                    .collect()
            }
            _ => {
                return Err(format!(
                    "`{key}` is not a webcam setting (one of {})",
                    KEYS.join(", ")
                ));
            }
        }
        Ok(())
    }

    /// Apply `key=value` pairs in order, then check the result; on any error nothing of
    /// `self` changes.
    pub fn with_changes(&self, pairs: &[String]) -> Result<Settings, String> {
        let mut next = self.clone();
        for pair in pairs {
            let (k, v) = pair
                .split_once('=')
                .ok_or_else(|| format!("`{pair}` is not KEY=VALUE"))?;
            next.set(k.trim(), v)?;
        }
        next.check().map_err(|(k, m)| format!("{k}: {m}"))?;
        Ok(next)
    }
}

/// Parse `WIDTHxHEIGHT` (`1280x720`).
pub fn parse_size(s: &str) -> Result<(u32, u32), String> {
    let bad = || format!("size: `{s}` is not WIDTHxHEIGHT (for example 1280x720)");
    let (w, h) = s.trim().split_once(['x', 'X']).ok_or_else(bad)?;
    Ok((
        w.trim().parse().map_err(|_| bad())?,
        h.trim().parse().map_err(|_| bad())?,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_valid_and_ranges_are_enforced() {
        let s = Settings::default();
        assert!(s.check().is_ok());
        for (pair, key) in [
            ("width=2000", "width"),
            ("height=400", "height"),
            ("size=641x480", "size"),
            ("fps=61", "fps"),
            ("max_captions=0", "max_captions"),
            ("font_size=33", "font_size"),
            ("background_opacity=1.5", "background_opacity"),
            ("caption_s=0.5", "caption_s"),
            ("languages=es,klingon", "languages"),
        ] {
            let err = s.with_changes(&[pair.to_string()]).unwrap_err();
            assert!(err.starts_with(key), "{pair}: {err}");
        }
        let err = s.with_changes(&["colour=red".into()]).unwrap_err();
        assert!(err.contains("not a webcam setting"), "{err}");
    }

    #[test]
    fn names_parse_both_spellings_and_round_trip() {
        for m in MODES {
            assert_eq!(Mode::parse(m.name()), Ok(m));
            assert_eq!(Mode::parse(&m.name().replace('_', "-")), Ok(m));
        }
        for t in THEMES {
            assert_eq!(Theme::parse(t.name()), Ok(t));
        }
        assert!(
            Mode::parse("cinema")
                .unwrap_err()
                .contains("picture_in_picture")
        );
        let s = Settings::default()
            .with_changes(&[
                "size=640x480".into(),
                "mode=bottom-banner".into(),
                "theme=light".into(),
                "languages=es, fr".into(),
            ])
            .unwrap();
        assert_eq!((s.width, s.height, s.mode), (640, 480, Mode::BottomBanner));
        assert_eq!(s.languages, ["es", "fr"]);
    }
}
