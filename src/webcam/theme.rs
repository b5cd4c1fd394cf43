//! The themes' palettes and the speakers' colours.

use super::settings::Theme;

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

/// The colours of one theme: the frame's background, the boxes' background, the
/// caption text, secondary text (labels, tags, the header), the accent (confidence above
/// 80 %, the header's mark) and the boxes' border.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    pub background: Rgb,
    pub box_bg: Rgb,
    pub text_primary: Rgb,
    pub text_secondary: Rgb,
    pub accent: Rgb,
    pub border: Rgb,
}

/// The palette of a theme. Text keeps a contrast of at least 7:1 against the boxes'
/// background in every theme, so captions read at a glance (and OCR reads them).
pub fn palette(theme: Theme) -> Palette {
    match theme {
        Theme::Dark => Palette {
            background: Rgb(18, 18, 24),
            box_bg: Rgb(34, 36, 46),
            text_primary: Rgb(245, 245, 245),
            text_secondary: Rgb(190, 194, 204),
            accent: Rgb(96, 186, 255),
            border: Rgb(70, 74, 92),
        },
        Theme::Light => Palette {
            background: Rgb(236, 238, 242),
            box_bg: Rgb(255, 255, 255),
            text_primary: Rgb(20, 22, 28),
            text_secondary: Rgb(70, 74, 84),
            accent: Rgb(0, 90, 190),
            border: Rgb(196, 200, 210),
        },
        Theme::HighContrast => Palette {
            background: Rgb(0, 0, 0),
            box_bg: Rgb(0, 0, 0),
            text_primary: Rgb(255, 255, 255),
            text_secondary: Rgb(255, 255, 0),
            accent: Rgb(0, 255, 255),
            border: Rgb(255, 255, 255),
        },
        Theme::Minimal => Palette {
            background: Rgb(0, 0, 0),
            box_bg: Rgb(0, 0, 0),
            text_primary: Rgb(255, 255, 255),
            text_secondary: Rgb(200, 200, 200),
            accent: Rgb(255, 255, 255),
            border: Rgb(0, 0, 0),
        },
        Theme::Corporate => Palette {
            background: Rgb(12, 34, 64),
            box_bg: Rgb(22, 52, 92),
            text_primary: Rgb(255, 255, 255),
            text_secondary: Rgb(200, 214, 232),
            accent: Rgb(255, 196, 0),
            border: Rgb(60, 100, 150),
        },
    }
}

/// Speakers' colours, given round-robin in order of first appearance: red, green, blue,
/// yellow, magenta, cyan, orange, light green (bright enough for dark boxes; drawn as a
/// bar and a dot beside the name, so light themes stay readable).
pub const SPEAKER_COLOURS: [Rgb; 8] = [
    Rgb(235, 64, 52),
    Rgb(46, 184, 92),
    Rgb(52, 120, 235),
    Rgb(240, 200, 30),
    Rgb(214, 64, 214),
    Rgb(30, 200, 210),
    Rgb(255, 140, 0),
    Rgb(150, 230, 110),
];
