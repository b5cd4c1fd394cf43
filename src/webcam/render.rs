//! Drawing a frame: the session header, then the caption boxes where the display mode
//! puts them. Each box holds its label (TRANSCRIPTION or TRANSLATION), the speaker (a
//! bar and a dot in the speaker's colour), the confidence, the `src → tgt` tag, and the
//! word-wrapped text, cut with an ellipsis where the space ends.

use tiny_skia::{Color, Paint, PathBuilder, Pixmap, Rect, Stroke, Transform};

use super::board::{Board, Entry};
use super::settings::{Mode, Settings, Theme};
use super::text::{Fonts, Style};
use super::theme::{Palette, Rgb, palette};

/// Shown when no caption is on the board.
pub const WAITING: &str = "Waiting for translations...";

/// What the header says besides the captions.
#[derive(Debug, Clone, Default)]
pub struct Header {
    /// The bot's name.
    pub bot: String,
    /// Its session id (the first 8 characters are shown).
    pub session: Option<String>,
}

/// Draws frames; keeps the fonts, their glyph cache and the pixel buffer between frames.
#[derive(Debug)]
pub struct Renderer {
    fonts: Fonts,
    pixmap: Pixmap,
}

fn colour(c: Rgb, alpha: f32) -> Color {
    Color::from_rgba8(c.0, c.1, c.2, (alpha.clamp(0.0, 1.0) * 255.0).round() as u8)
}

fn fill(pixmap: &mut Pixmap, r: Rect, c: Color, radius: f32) {
    let mut paint = Paint::default();
    paint.set_color(c);
    paint.anti_alias = true;
    if let Some(path) = rounded(r, radius) {
        pixmap.fill_path(
            &path,
            &paint,
            tiny_skia::FillRule::Winding,
            Transform::identity(),
            None,
        );
    }
}

fn outline(pixmap: &mut Pixmap, r: Rect, c: Color, radius: f32, width: f32) {
    let mut paint = Paint::default();
    paint.set_color(c);
    paint.anti_alias = true;
    let stroke = Stroke {
        width,
        ..Stroke::default()
    };
    if let Some(path) = rounded(r, radius) {
        pixmap.stroke_path(&path, &paint, &stroke, Transform::identity(), None);
    }
}

fn rounded(r: Rect, radius: f32) -> Option<tiny_skia::Path> {
    let k = radius.min(r.width() / 2.0).min(r.height() / 2.0).max(0.0);
    let (l, t, rt, b) = (r.left(), r.top(), r.right(), r.bottom());
    let mut p = PathBuilder::new();
    p.move_to(l + k, t);
    p.line_to(rt - k, t);
    p.quad_to(rt, t, rt, t + k);
    p.line_to(rt, b - k);
    p.quad_to(rt, b, rt - k, b);
    p.line_to(l + k, b);
    p.quad_to(l, b, l, b - k);
    p.line_to(l, t + k);
    p.quad_to(l, t, l + k, t);
    p.close();
    p.finish()
}

/// Sizes of one box's parts.
#[derive(Debug, Clone, Copy)]
struct Scale {
    text: f32,
    label: f32,
    pad: f32,
}

impl Scale {
    fn of(text: f32) -> Scale {
        Scale {
            text,
            label: (text * 0.62).max(10.0),
            pad: (text * 0.5).max(6.0),
        }
    }
}

impl Renderer {
    /// A renderer for `settings` (loads its fallback fonts).
    pub fn new(settings: &Settings) -> crate::Result<Renderer> {
        Ok(Renderer {
            fonts: Fonts::load(&settings.fonts)?,
            pixmap: Pixmap::new(settings.width, settings.height).expect("checked size"),
        })
    }

    /// The last frame drawn.
    pub fn pixmap(&self) -> &Pixmap {
        &self.pixmap
    }

    /// Draw the board under `settings` and return the frame.
    pub fn render(&mut self, board: &Board, settings: &Settings, header: &Header) -> &Pixmap {
        if self.pixmap.width() != settings.width || self.pixmap.height() != settings.height {
            self.pixmap = Pixmap::new(settings.width, settings.height).expect("checked size");
        }
        let pal = palette(settings.theme);
        self.pixmap.fill(colour(pal.background, 1.0));
        let (w, h) = (settings.width as f32, settings.height as f32);
        let margin = (h * 0.03).round().max(12.0);
        let fs = settings.font_size as f32;
        let entries: Vec<&Entry> = board.shown(settings).collect();
        let header_text = header_line(header, board);
        let header_px = (fs * 0.75).max(12.0);
        let header_h = self.fonts.line_height(header_px) + margin;
        // The session header across the top, except where a panel or window has it.
        if !matches!(settings.mode, Mode::Sidebar | Mode::PictureInPicture) {
            self.header(
                &header_text,
                header_px,
                margin,
                margin,
                w - 2.0 * margin,
                &pal,
            );
        }
        match settings.mode {
            Mode::Overlay => {
                let area = rect(
                    margin,
                    margin + header_h,
                    w - 2.0 * margin,
                    h - header_h - 2.0 * margin,
                );
                self.stack(&entries, area, Scale::of(fs), settings, &pal, false);
            }
            Mode::Sidebar => {
                let panel_x = (w * 0.6).round();
                let panel = rect(panel_x, 0.0, w - panel_x, h);
                fill(
                    &mut self.pixmap,
                    panel,
                    colour(pal.box_bg, settings.background_opacity as f32),
                    0.0,
                );
                // The session on the left, large.
                let big = (fs * 1.5).min(48.0);
                let left_w = panel_x - 2.0 * margin;
                let mut y = h * 0.38;
                for (i, t) in [
                    header.bot.clone(),
                    session_text(header),
                    speakers_text(board.speakers()),
                ]
                .iter()
                .enumerate()
                {
                    let (px, style, c) = if i == 0 {
                        (big, Style::Bold, pal.text_primary)
                    } else {
                        (big * 0.6, Style::Regular, pal.text_secondary)
                    };
                    if let Some(line) = self.fonts.wrap(t, style, px, left_w, 1).into_iter().next()
                    {
                        let x = margin + (left_w - line.width) / 2.0;
                        self.fonts.draw(
                            &mut self.pixmap,
                            &line,
                            px,
                            x,
                            y + self.fonts.ascent(px),
                            colour(c, 1.0),
                        );
                    }
                    y += self.fonts.line_height(px) * 1.3;
                }
                let area = rect(
                    panel_x + margin / 2.0,
                    margin,
                    w - panel_x - margin,
                    h - 2.0 * margin,
                );
                self.stack(&entries, area, Scale::of(fs), settings, &pal, true);
            }
            Mode::BottomBanner => {
                let band_h = (h * 0.42).round();
                let band = rect(0.0, h - band_h, w, band_h);
                fill(
                    &mut self.pixmap,
                    band,
                    colour(pal.box_bg, settings.background_opacity as f32),
                    0.0,
                );
                let area = rect(
                    margin,
                    h - band_h + margin / 2.0,
                    w - 2.0 * margin,
                    band_h - margin,
                );
                self.stack(&entries, area, Scale::of(fs), settings, &pal, true);
            }
            Mode::Floating => {
                let card_w = (w * 0.55).round();
                let area = rect(
                    margin,
                    margin + header_h,
                    card_w,
                    h - header_h - 2.0 * margin,
                );
                // Newest at the bottom: lay out, then draw bottom up.
                self.stack_up(&entries, area, Scale::of(fs), settings, &pal);
            }
            Mode::Fullscreen => {
                let area = rect(
                    margin * 2.0,
                    margin + header_h,
                    w - 4.0 * margin,
                    h - header_h - 2.0 * margin,
                );
                self.fullscreen(&entries, area, fs, settings, &pal);
            }
            Mode::PictureInPicture => {
                let (pw, ph) = ((w * 0.42).round(), (h * 0.5).round());
                let window = rect(w - pw - margin, h - ph - margin, pw, ph);
                fill(
                    &mut self.pixmap,
                    window,
                    colour(pal.box_bg, settings.background_opacity as f32),
                    10.0,
                );
                outline(&mut self.pixmap, window, colour(pal.accent, 1.0), 10.0, 2.0);
                let small = (fs * 0.75).max(10.0);
                let hp = (small * 0.8).max(10.0);
                let inner = margin / 2.0;
                self.header(
                    &header_text,
                    hp,
                    window.left() + inner,
                    window.top() + inner,
                    pw - 2.0 * inner,
                    &pal,
                );
                let top = window.top() + inner + self.fonts.line_height(hp) + inner;
                let area = rect(
                    window.left() + inner,
                    top,
                    pw - 2.0 * inner,
                    window.bottom() - top - inner,
                );
                self.stack(&entries, area, Scale::of(small), settings, &pal, true);
            }
        }
        &self.pixmap
    }

    fn header(&mut self, text: &str, px: f32, x: f32, y: f32, width: f32, pal: &Palette) {
        let dot = px * 0.35;
        fill(
            &mut self.pixmap,
            rect(
                x,
                y + self.fonts.line_height(px) / 2.0 - dot,
                dot * 2.0,
                dot * 2.0,
            ),
            colour(pal.accent, 1.0),
            dot,
        );
        let tx = x + dot * 2.0 + px * 0.5;
        if let Some(line) = self
            .fonts
            .wrap(text, Style::Regular, px, width - (tx - x), 1)
            .into_iter()
            .next()
        {
            self.fonts.draw(
                &mut self.pixmap,
                &line,
                px,
                tx,
                y + self.fonts.ascent(px),
                colour(pal.text_secondary, 1.0),
            );
        }
    }

    fn waiting(&mut self, area: Rect, px: f32, pal: &Palette) {
        if let Some(line) = self
            .fonts
            .wrap(WAITING, Style::Regular, px, area.width(), 1)
            .into_iter()
            .next()
        {
            let x = area.left() + (area.width() - line.width) / 2.0;
            let y = area.top()
                + (area.height() - self.fonts.line_height(px)) / 2.0
                + self.fonts.ascent(px);
            self.fonts.draw(
                &mut self.pixmap,
                &line,
                px,
                x,
                y,
                colour(pal.text_secondary, 1.0),
            );
        }
    }

    /// Boxes from the top of `area` down, newest first, as many as fit.
    fn stack(
        &mut self,
        entries: &[&Entry],
        area: Rect,
        sc: Scale,
        settings: &Settings,
        pal: &Palette,
        on_panel: bool,
    ) {
        if entries.is_empty() {
            self.waiting(area, sc.text, pal);
            return;
        }
        let gap = sc.pad;
        let mut y = area.top();
        for e in entries {
            let room = area.bottom() - y;
            match self.draw_box(
                e,
                area.left(),
                y,
                area.width(),
                room,
                sc,
                settings,
                pal,
                on_panel,
                false,
            ) {
                Some(used) => y += used + gap,
                None => break,
            }
        }
    }

    /// Boxes from the bottom of `area` up, newest at the bottom.
    fn stack_up(
        &mut self,
        entries: &[&Entry],
        area: Rect,
        sc: Scale,
        settings: &Settings,
        pal: &Palette,
    ) {
        if entries.is_empty() {
            self.waiting(
                rect(0.0, area.top(), self.pixmap.width() as f32, area.height()),
                sc.text,
                pal,
            );
            return;
        }
        let gap = sc.pad;
        let mut bottom = area.bottom();
        for e in entries {
            let room = bottom - area.top();
            let Some(h) = self.box_height(e, area.width(), room, sc, settings) else {
                break;
            };
            self.draw_box(
                e,
                area.left(),
                bottom - h,
                area.width(),
                h,
                sc,
                settings,
                pal,
                false,
                false,
            );
            bottom -= h + gap;
        }
    }

    fn fullscreen(
        &mut self,
        entries: &[&Entry],
        area: Rect,
        fs: f32,
        settings: &Settings,
        pal: &Palette,
    ) {
        let Some((first, rest)) = entries.split_first() else {
            self.waiting(area, fs * 1.5, pal);
            return;
        };
        // The newest large and centred in the upper two thirds, older ones below.
        let big = Scale::of((fs * 2.0).min(64.0));
        let top_h = area.height() * 0.62;
        if let Some(h) = self.box_height(first, area.width(), top_h, big, settings) {
            let y = area.top() + (top_h - h) / 2.0;
            self.draw_box(
                first,
                area.left(),
                y,
                area.width(),
                h,
                big,
                settings,
                pal,
                false,
                true,
            );
        }
        let below = rect(
            area.left(),
            area.top() + top_h + big.pad,
            area.width(),
            area.height() - top_h - big.pad,
        );
        if below.height() > 0.0 {
            let older: Vec<&Entry> = rest.iter().take(2).copied().collect();
            if !older.is_empty() {
                self.stack(&older, below, Scale::of(fs * 0.8), settings, pal, false);
            }
        }
    }

    /// Lines of a box's text that fit in `room` (none when not even one fits).
    fn text_lines(&self, room: f32, sc: Scale) -> Option<usize> {
        let fixed = 2.0 * sc.pad + self.fonts.line_height(sc.label) + sc.pad * 0.4;
        let n = ((room - fixed) / self.fonts.line_height(sc.text)).floor();
        (n >= 1.0).then_some(n.min(12.0) as usize)
    }

    fn box_height(
        &self,
        e: &Entry,
        width: f32,
        room: f32,
        sc: Scale,
        _settings: &Settings,
    ) -> Option<f32> {
        let max_lines = self.text_lines(room, sc)?;
        let inner = width - 2.0 * sc.pad - bar(sc);
        let n = self
            .fonts
            .wrap(&e.caption.text, Style::Regular, sc.text, inner, max_lines)
            .len()
            .max(1);
        Some(
            2.0 * sc.pad
                + self.fonts.line_height(sc.label)
                + sc.pad * 0.4
                + n as f32 * self.fonts.line_height(sc.text),
        )
    }

    /// Draw one box at (x, y), at most `room` high; its height, or none when it does
    /// not fit.
    #[allow(clippy::too_many_arguments)]
    fn draw_box(
        &mut self,
        e: &Entry,
        x: f32,
        y: f32,
        width: f32,
        room: f32,
        sc: Scale,
        settings: &Settings,
        pal: &Palette,
        on_panel: bool,
        centred: bool,
    ) -> Option<f32> {
        let max_lines = self.text_lines(room, sc)?;
        let inner = width - 2.0 * sc.pad - bar(sc);
        let lines = self
            .fonts
            .wrap(&e.caption.text, Style::Regular, sc.text, inner, max_lines);
        let label_h = self.fonts.line_height(sc.label);
        let text_h = self.fonts.line_height(sc.text);
        let height = 2.0 * sc.pad + label_h + sc.pad * 0.4 + lines.len().max(1) as f32 * text_h;
        let r = rect(x, y, width, height);
        let radius = sc.pad * 0.8;
        let alpha = settings.background_opacity as f32;
        // On a panel the boxes are a shade apart from it; elsewhere they sit on the frame.
        let bg = if on_panel { pal.background } else { pal.box_bg };
        if settings.theme != Theme::Minimal || !on_panel {
            fill(&mut self.pixmap, r, colour(bg, alpha), radius);
        }
        if settings.theme != Theme::Minimal {
            outline(&mut self.pixmap, r, colour(pal.border, 1.0), radius, 1.0);
        }
        fill(
            &mut self.pixmap,
            rect(x, y, bar(sc) * 0.6, height),
            colour(e.colour, 1.0),
            radius.min(3.0),
        );
        // The label row: TYPE  ● Speaker ............ 92%  en → es
        let left = x + bar(sc) + sc.pad;
        let base = y + sc.pad + self.fonts.ascent(sc.label);
        let mut lx = left;
        let label = self.fonts.shape(e.caption.label(), Style::Bold, sc.label);
        self.fonts.draw(
            &mut self.pixmap,
            &label,
            sc.label,
            lx,
            base,
            colour(pal.text_secondary, 1.0),
        );
        lx += label.width + sc.label;
        let mut right = x + width - sc.pad;
        let mut tags: Vec<(String, Rgb)> = Vec::new();
        if let Some(l) = e.caption.languages() {
            tags.push((l, pal.text_secondary));
        }
        if settings.show_confidence
            && let Some(c) = e.caption.confidence
        {
            let c = c.clamp(0.0, 1.0);
            tags.push((
                format!("{:.0}%", c * 100.0),
                if c > 0.8 {
                    pal.accent
                } else {
                    pal.text_secondary
                },
            ));
        }
        if settings.show_timestamps
            && let Some(t) = e.caption.time
        {
            tags.push((clock(t), pal.text_secondary));
        }
        for (t, c) in tags {
            let line = self.fonts.shape(&t, Style::Regular, sc.label);
            if right - line.width < lx + sc.label * 4.0 {
                break;
            }
            right -= line.width;
            self.fonts.draw(
                &mut self.pixmap,
                &line,
                sc.label,
                right,
                base,
                colour(c, 1.0),
            );
            right -= sc.label;
        }
        if settings.show_speaker_names {
            let dot = sc.label * 0.32;
            fill(
                &mut self.pixmap,
                rect(lx, base - sc.label * 0.35 - dot, dot * 2.0, dot * 2.0),
                colour(e.colour, 1.0),
                dot,
            );
            lx += dot * 2.0 + sc.label * 0.4;
            let who = e.caption.speaker_shown();
            if let Some(line) = self
                .fonts
                .wrap(&who, Style::Bold, sc.label, (right - lx).max(0.0), 1)
                .into_iter()
                .next()
            {
                self.fonts.draw(
                    &mut self.pixmap,
                    &line,
                    sc.label,
                    lx,
                    base,
                    colour(pal.text_primary, 1.0),
                );
            }
        }
        let mut ty = y + sc.pad + label_h + sc.pad * 0.4 + self.fonts.ascent(sc.text);
        for line in &lines {
            let tx = if centred {
                left + (inner - line.width) / 2.0
            } else {
                left
            };
            self.fonts.draw(
                &mut self.pixmap,
                line,
                sc.text,
                tx,
                ty,
                colour(pal.text_primary, 1.0),
            );
            ty += text_h;
        }
        Some(height)
    }
}

fn bar(sc: Scale) -> f32 {
    (sc.pad * 0.8).round().max(4.0)
}

fn rect(x: f32, y: f32, w: f32, h: f32) -> Rect {
    Rect::from_xywh(x, y, w.max(1.0), h.max(1.0)).expect("finite rectangle")
}

fn session_text(h: &Header) -> String {
    match &h.session {
        Some(s) => format!("Session: {}", s.chars().take(8).collect::<String>()),
        None => "No session".to_string(),
    }
}

fn speakers_text(n: usize) -> String {
    format!("{n} speaker{}", if n == 1 { "" } else { "s" })
}

fn header_line(h: &Header, board: &Board) -> String {
    let mut parts = vec![format!("orch live captions: {}", h.bot)];
    parts.push(session_text(h));
    parts.push(speakers_text(board.speakers()));
    parts.join(" | ")
}

/// `HH:MM:SS` (UTC) of a Unix time.
fn clock(t: f64) -> String {
    let s = t.max(0.0) as u64 % 86_400;
    format!("{:02}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::webcam::board::Caption;
    use crate::webcam::settings::{MODES, THEMES};

    #[test]
    fn every_mode_and_theme_draws_boxes_within_the_frame() {
        let mut board = Board::new();
        for i in 0..4 {
            board.add(
                Caption {
                    text: "A caption long enough to wrap over more than one line of a box, \
                           and then some more words to fill it"
                        .into(),
                    speaker: Some(format!("Speaker {i}")),
                    speaker_label: None,
                    source_language: Some("en".into()),
                    target_language: (i % 2 == 1).then(|| "es".into()),
                    confidence: Some(0.9),
                    original: i % 2 == 0,
                    time: Some(0.0),
                },
                i as f64,
            );
        }
        let header = Header {
            bot: "demo".into(),
            session: Some("0123456789".into()),
        };
        let mut settings = Settings {
            width: 640,
            height: 480,
            ..Settings::default()
        };
        let mut r = Renderer::new(&settings).unwrap();
        let empty = {
            r.render(&Board::new(), &settings, &header);
            r.pixmap().data().to_vec()
        };
        for mode in MODES {
            for theme in THEMES {
                settings.mode = mode;
                settings.theme = theme;
                let px = r.render(&board, &settings, &header);
                assert_eq!((px.width(), px.height()), (640, 480));
                if (mode, theme) == (crate::webcam::Mode::Overlay, crate::webcam::Theme::Dark) {
                    assert_ne!(px.data(), &empty[..], "captions change the frame");
                }
            }
        }
    }
}
