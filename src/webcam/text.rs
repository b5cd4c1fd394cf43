//! Text for the webcam: fonts (DejaVu Sans embedded, fallbacks from files), shaping
//! (harfrust), line breaking (UAX 14, unicode-linebreak), bidi runs (UAX 9,
//! unicode-bidi) and drawing glyph outlines (skrifa) with tiny-skia's rasteriser.
//!
//! Each character takes the first font that has it: the style's DejaVu face, then the
//! fallback files in order. Lines are broken where UAX 14 allows (between words, between
//! CJK ideographs), a word wider than the line is broken between characters, and text
//! beyond the last allowed line ends with an ellipsis, so text never leaves its box.

use std::borrow::Cow;
use std::collections::HashMap;
use std::path::Path as FsPath;

use harfrust::{FontRef, ShapeOptions, ShaperData, UnicodeBuffer};
use skrifa::MetadataProvider;
use skrifa::instance::{LocationRef, Size};
use skrifa::outline::{DrawSettings, OutlinePen};
use tiny_skia::{Color, FillRule, Paint, Path, PathBuilder, Pixmap, Transform};

const REGULAR: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
const BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");
/// The largest fallback font file read.
const MAX_FONT_BYTES: u64 = 64 * 1024 * 1024;

/// Regular or bold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Regular,
    Bold,
}

struct Face {
    data: Cow<'static, [u8]>,
    shaper: ShaperData,
    upem: f32,
    ascent: f32,
    descent: f32,
}

impl Face {
    fn new(data: Cow<'static, [u8]>) -> Result<Face, String> {
        let font = FontRef::new(&data).map_err(|e| format!("not a font file: {e}"))?;
        let shaper = ShaperData::new(&font);
        let m = font.metrics(Size::unscaled(), LocationRef::default());
        let (upem, ascent, descent) = (m.units_per_em as f32, m.ascent, m.descent);
        if upem <= 0.0 {
            return Err("a font without units per em".into());
        }
        Ok(Face {
            shaper,
            upem,
            ascent,
            descent,
            data,
        })
    }

    fn font(&self) -> FontRef<'_> {
        FontRef::new(&self.data).expect("checked when loaded")
    }

    fn has(&self, c: char) -> bool {
        self.font()
            .charmap()
            .map(c)
            .is_some_and(|g| g.to_u32() != 0)
    }
}

/// One glyph placed on a line: its face, id and pen position in pixels.
#[derive(Debug, Clone, Copy)]
struct Placed {
    face: u16,
    glyph: u32,
    x: f32,
    y: f32,
}

/// A shaped line, ready to draw.
#[derive(Debug, Clone, Default)]
pub struct Line {
    glyphs: Vec<Placed>,
    /// Width in pixels.
    pub width: f32,
}

/// The fonts, their shaping data and a cache of glyph outlines.
pub struct Fonts {
    faces: Vec<Face>,
    outlines: HashMap<(u16, u32), Option<Path>>,
}

impl std::fmt::Debug for Fonts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Fonts")
            .field("faces", &self.faces.len())
            .finish_non_exhaustive()
    }
}

impl Fonts {
    /// The embedded faces, then each fallback file in order.
    pub fn load(fallbacks: &[impl AsRef<FsPath>]) -> crate::Result<Fonts> {
        let mut faces = vec![
            Face::new(Cow::Borrowed(REGULAR)).expect("embedded font"),
            Face::new(Cow::Borrowed(BOLD)).expect("embedded font"),
        ];
        for p in fallbacks {
            let p = p.as_ref();
            let bad = |m: String| crate::Error::Invalid(format!("font {}: {m}", p.display()));
            let meta = std::fs::metadata(p).map_err(|e| bad(e.to_string()))?;
            if !meta.is_file() || meta.len() > MAX_FONT_BYTES {
                return Err(bad(format!(
                    "not a regular file of at most {} MiB",
                    MAX_FONT_BYTES >> 20
                )));
            }
            let data = std::fs::read(p).map_err(|e| bad(e.to_string()))?;
            faces.push(Face::new(Cow::Owned(data)).map_err(bad)?);
        }
        Ok(Fonts {
            faces,
            outlines: HashMap::new(),
        })
    }

    /// Height of a line of text at `px` pixels (ascent + descent of the regular face).
    pub fn line_height(&self, px: f32) -> f32 {
        let f = &self.faces[0];
        (f.ascent - f.descent) / f.upem * px * 1.15
    }

    /// Distance from a line's top to its baseline.
    pub fn ascent(&self, px: f32) -> f32 {
        let f = &self.faces[0];
        f.ascent / f.upem * px + (self.line_height(px) - (f.ascent - f.descent) / f.upem * px) / 2.0
    }

    fn face_for(&self, c: char, style: Style) -> u16 {
        let first = match style {
            Style::Regular => 0,
            Style::Bold => 1,
        };
        if c.is_whitespace() || c.is_control() || self.faces[first].has(c) {
            return first as u16;
        }
        (2..self.faces.len())
            .find(|&i| self.faces[i].has(c))
            .unwrap_or(first) as u16
    }

    /// Shape one line of text (no breaking): bidi runs in visual order, each split by
    /// face.
    pub fn shape(&self, text: &str, style: Style, px: f32) -> Line {
        let mut line = Line::default();
        if text.is_empty() {
            return line;
        }
        let bidi = unicode_bidi::BidiInfo::new(text, None);
        let Some(para) = bidi.paragraphs.first() else {
            return line;
        };
        let (levels, runs) = bidi.visual_runs(para, para.range.clone());
        let mut x = 0.0f32;
        for run in runs {
            let rtl = levels[run.start].is_rtl();
            // Split the run where the face changes; right-to-left pieces go in reverse.
            let mut pieces: Vec<(u16, std::ops::Range<usize>)> = Vec::new();
            for (i, c) in text[run.clone()].char_indices() {
                let at = run.start + i;
                let face = self.face_for(c, style);
                match pieces.last_mut() {
                    Some((f, r)) if *f == face => r.end = at + c.len_utf8(),
                    _ => pieces.push((face, at..at + c.len_utf8())),
                }
            }
            if rtl {
                pieces.reverse();
            }
            for (face, range) in pieces {
                let f = &self.faces[face as usize];
                let font = f.font();
                let shaper = f.shaper.shaper(&font).build();
                let mut buf = UnicodeBuffer::new();
                buf.push_str(&text[range]);
                buf.set_direction(if rtl {
                    harfrust::Direction::RightToLeft
                } else {
                    harfrust::Direction::LeftToRight
                });
                buf.guess_segment_properties();
                let out = shaper.shape(buf, ShapeOptions::new());
                let scale = px / f.upem;
                for (info, pos) in out.glyph_infos().iter().zip(out.glyph_positions()) {
                    line.glyphs.push(Placed {
                        face,
                        glyph: info.glyph_id,
                        x: x + pos.x_offset as f32 * scale,
                        y: pos.y_offset as f32 * scale,
                    });
                    x += pos.x_advance as f32 * scale;
                }
            }
        }
        line.width = x;
        line
    }

    /// Width of `text` on one line.
    pub fn width(&self, text: &str, style: Style, px: f32) -> f32 {
        self.shape(text, style, px).width
    }

    /// Break `text` into at most `max_lines` lines no wider than `max_width`; text that
    /// does not fit ends the last line with an ellipsis. Whitespace runs (newlines too)
    /// count as one space.
    pub fn wrap(
        &self,
        text: &str,
        style: Style,
        px: f32,
        max_width: f32,
        max_lines: usize,
    ) -> Vec<Line> {
        let text: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
        // Widths add up piece by piece (pieces end after their space; kerning across a
        // space is nil), so each piece is shaped once.
        let w = |s: &str| self.width(s, style, px);
        let mut lines: Vec<String> = Vec::new();
        let (mut current, mut current_w) = (String::new(), 0.0f32);
        let mut start = 0;
        for (end, _) in unicode_linebreak::linebreaks(&text) {
            let piece = &text[start..end];
            start = end;
            let trimmed = w(piece.trim_end());
            if current_w + trimmed <= max_width {
                current.push_str(piece);
                current_w += w(piece);
                continue;
            }
            if !current.is_empty() {
                lines.push(std::mem::take(&mut current));
                current_w = 0.0;
            }
            if trimmed <= max_width {
                current.push_str(piece);
                current_w = w(piece);
                continue;
            }
            // A piece wider than the line: break it between characters.
            for c in piece.chars() {
                let cw = w(c.encode_utf8(&mut [0; 4]));
                if current_w + cw > max_width && !current.is_empty() {
                    lines.push(std::mem::take(&mut current));
                    current_w = 0.0;
                }
                current.push(c);
                current_w += cw;
            }
        }
        if !current.is_empty() {
            lines.push(current);
        }
        let fits = |s: &str| w(s) <= max_width;
        let max_lines = max_lines.max(1);
        if lines.len() > max_lines {
            lines.truncate(max_lines);
            let last = lines.last_mut().expect("at least one line");
            let mut cut = last.trim_end().to_string();
            while !cut.is_empty() && !fits(&format!("{cut}…")) {
                cut.pop();
            }
            *last = format!("{}…", cut.trim_end());
        }
        lines
            .iter()
            .map(|l| self.shape(l.trim_end(), style, px))
            .collect()
    }

    /// Draw a shaped line with its left end at `x` and its baseline at `baseline`.
    pub fn draw(
        &mut self,
        pixmap: &mut Pixmap,
        line: &Line,
        px: f32,
        x: f32,
        baseline: f32,
        colour: Color,
    ) {
        let mut paint = Paint::default();
        paint.set_color(colour);
        paint.anti_alias = true;
        for g in &line.glyphs {
            let face = &self.faces[g.face as usize];
            let scale = px / face.upem;
            let path = self
                .outlines
                .entry((g.face, g.glyph))
                .or_insert_with(|| outline(face, g.glyph));
            if let Some(path) = path {
                let t = Transform::from_row(scale, 0.0, 0.0, -scale, x + g.x, baseline - g.y);
                pixmap.fill_path(path, &paint, FillRule::Winding, t, None);
            }
        }
    }
}

/// A glyph's outline in font units (none for blank glyphs).
fn outline(face: &Face, glyph: u32) -> Option<Path> {
    struct Pen(PathBuilder);
    impl OutlinePen for Pen {
        fn move_to(&mut self, x: f32, y: f32) {
            self.0.move_to(x, y);
        }
        fn line_to(&mut self, x: f32, y: f32) {
            self.0.line_to(x, y);
        }
        fn quad_to(&mut self, cx0: f32, cy0: f32, x: f32, y: f32) {
            self.0.quad_to(cx0, cy0, x, y);
        }
        fn curve_to(&mut self, cx0: f32, cy0: f32, cx1: f32, cy1: f32, x: f32, y: f32) {
            self.0.cubic_to(cx0, cy0, cx1, cy1, x, y);
        }
        fn close(&mut self) {
            self.0.close();
        }
    }
    let font = face.font();
    let glyph = font.outline_glyphs().get(skrifa::GlyphId::new(glyph))?;
    let mut pen = Pen(PathBuilder::new());
    glyph
        .draw(
            DrawSettings::unhinted(Size::unscaled(), LocationRef::default()),
            &mut pen,
        )
        .ok()?;
    pen.0.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fonts() -> Fonts {
        Fonts::load(&[] as &[&str]).unwrap()
    }

    #[test]
    fn lines_never_exceed_the_width_and_overflow_ends_in_an_ellipsis() {
        let f = fonts();
        let text = "The quick brown fox jumps over the lazy dog, again and again, \
                    until supercalifragilisticexpialidociousness overflows everything";
        for width in [80.0, 200.0, 500.0] {
            let lines = f.wrap(text, Style::Regular, 20.0, width, 100);
            assert!(lines.len() > 1);
            for l in &lines {
                assert!(l.width <= width + 0.5, "{} > {width}", l.width);
            }
        }
        let two = f.wrap(text, Style::Regular, 20.0, 200.0, 2);
        assert_eq!(two.len(), 2);
        assert!(two[1].width <= 200.5);
    }

    #[test]
    fn accents_shape_to_glyphs_and_cjk_breaks_between_ideographs() {
        let f = fonts();
        // Decomposed e + combining acute is one visible letter: its mark adds no advance.
        let composed = f.width("café", Style::Regular, 20.0);
        let decomposed = f.width("cafe\u{301}", Style::Regular, 20.0);
        assert!(
            (composed - decomposed).abs() < 0.5,
            "{composed} vs {decomposed}"
        );
        let lines = f.wrap("日本語のテキストを折り返す", Style::Regular, 20.0, 60.0, 20);
        assert!(lines.len() >= 3, "{}", lines.len());
    }
}
