//! `--plot`: the averaged spectrum (log frequency) and the loudness over time in one
//! image. The figure is an SVG written by hand; a `.png` path renders that same SVG with
//! resvg, using DejaVu Sans subsets embedded in the binary (`cli/assets/fonts/`) so the
//! PNG reads the same on every machine, and the system's fonts only for characters the
//! subsets lack.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use orch::Error;
use orch::analysis::Report;
use resvg::{tiny_skia, usvg};

/// Points of the spectrum curve asked from the analyzer.
pub const CURVE_POINTS: usize = 600;
/// Most points drawn per loudness line (longer timelines are reduced by max per cell).
const MAX_LINE_POINTS: usize = 1500;

const W: f64 = 1000.0;
const H: f64 = 730.0;
const LEFT: f64 = 70.0;
const RIGHT: f64 = 30.0;
const PANEL_H: f64 = 250.0;
const TOP1: f64 = 90.0;
const TOP2: f64 = 420.0;

/// Pixels per SVG unit in a PNG plot (2000 x 1460 pixels: sharp text when zoomed).
const PNG_SCALE: f32 = 2.0;
/// The embedded fonts (DejaVu Sans subsets: ASCII, Latin-1 and a few signs).
const FONT_REGULAR: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans-plot.ttf");
const FONT_BOLD: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans-Bold-plot.ttf");

/// Image formats of `--plot`, from the file extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Scalable vector graphics, written as text.
    Svg,
    /// The same figure rendered to a PNG bitmap.
    Png,
}

/// The image format of a plot path (`.svg` or `.png`, any case), checked before any work.
pub fn check_path(p: &Path) -> orch::Result<Format> {
    let ext = p
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("svg") => Ok(Format::Svg),
        Some("png") => Ok(Format::Png),
        _ => Err(Error::Invalid(format!(
            "{}: the plot must be an .svg or .png file",
            p.display()
        ))),
    }
}

/// Where the plot of `input` goes: `out` itself for one file, `out-<stem>.<ext>` for
/// several.
pub fn output_path(out: &Path, input: &Path, several: bool) -> PathBuf {
    if !several {
        return out.to_path_buf();
    }
    let stem = out
        .file_stem()
        .map_or_else(|| "plot".into(), |s| s.to_string_lossy().to_string());
    let ext = out
        .extension()
        .map_or_else(|| "svg".into(), |e| e.to_string_lossy().to_string());
    let input_stem = if input.as_os_str() == "-" {
        "stdin".to_string()
    } else {
        input
            .file_stem()
            .map_or_else(|| "input".into(), |s| s.to_string_lossy().to_string())
    };
    out.with_file_name(format!("{stem}-{input_stem}.{ext}"))
}

/// Draw and write the plot, as SVG or PNG after `path`'s extension.
pub fn write(path: &Path, r: &Report) -> orch::Result<()> {
    let svg = svg(r);
    let bytes = match check_path(path)? {
        Format::Svg => svg.into_bytes(),
        Format::Png => png(&svg)?,
    };
    std::fs::write(path, bytes).map_err(|e| Error::io("cannot write the plot", path, e))
}

/// Characters the embedded fonts have glyphs for.
fn embedded_covers(c: char) -> bool {
    matches!(c, ' '..='~' | '\u{a0}'..='\u{ff}' | '–' | '—' | '…' | '−' | '•')
}

/// Render the plot's SVG text to PNG bytes.
pub fn png(svg: &str) -> orch::Result<Vec<u8>> {
    let fail = |what: &str, e: &dyn std::fmt::Display| {
        Error::Other(format!("cannot render the PNG plot: {what}: {e}"))
    };
    let mut opts = usvg::Options {
        font_family: "DejaVu Sans".into(),
        ..Default::default()
    };
    let db = opts.fontdb_mut();
    db.load_font_data(FONT_REGULAR.to_vec());
    db.load_font_data(FONT_BOLD.to_vec());
    db.set_sans_serif_family("DejaVu Sans");
    // Loading the system's fonts costs time: only when some text needs them (resvg then
    // falls back to any font that has the glyph; without one the glyph is left out).
    if !svg.chars().all(embedded_covers) {
        db.load_system_fonts();
    }
    let tree = usvg::Tree::from_str(svg, &opts).map_err(|e| fail("bad SVG", &e))?;
    let size = tree.size().to_int_size();
    let (w, h) = (
        (size.width() as f32 * PNG_SCALE).round() as u32,
        (size.height() as f32 * PNG_SCALE).round() as u32,
    );
    let mut pixmap = tiny_skia::Pixmap::new(w, h)
        .ok_or_else(|| fail("image size", &format_args!("{w} x {h} pixels")))?;
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(PNG_SCALE, PNG_SCALE),
        &mut pixmap.as_mut(),
    );
    pixmap.encode_png().map_err(|e| fail("PNG encoding", &e))
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn fmt_hz(f: f64) -> String {
    if f >= 1000.0 {
        format!("{}k", f / 1000.0)
    } else {
        format!("{f}")
    }
}

/// The SVG text of the plot.
pub fn svg(r: &Report) -> String {
    let mut s = String::new();
    let pw = W - LEFT - RIGHT;
    let _ = write!(
        s,
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" viewBox="0 0 {W} {H}" font-family="DejaVu Sans, Helvetica, Arial, sans-serif" font-size="13">
<rect width="100%" height="100%" fill="#ffffff"/>
"##
    );
    let l = &r.loudness;
    let title = format!(
        "{}: {} LUFS integrated, LRA {}, true peak {}",
        r.file,
        l.integrated_lufs
            .map_or("n/a".into(), |v| format!("{v:.1}")),
        l.lra_lu.map_or("n/a".into(), |v| format!("{v:.1} LU")),
        l.true_peak_dbtp
            .map_or("n/a".into(), |v| format!("{v:.1} dBTP")),
    );
    let _ = writeln!(
        s,
        r##"<text x="{LEFT}" y="28" font-size="17" font-weight="bold" fill="#222">{}</text>"##,
        esc(&title)
    );
    let _ = writeln!(
        s,
        r##"<text x="{LEFT}" y="48" fill="#555">{} Hz, {} ch, {:.2} s, {}</text>"##,
        r.sample_rate,
        r.channels,
        r.duration_s,
        esc(&r.codec)
    );

    // Panel 1: spectrum.
    let nyq = r.sample_rate as f64 / 2.0;
    let (f_lo, f_hi) = (20.0f64, nyq);
    // Digital silence has no spectrum (its centroid is undefined): say so, not a flat
    // line at the curve's floor.
    let curve = match r.spectrum.centroid_hz {
        Some(_) => r.spectrum.curve.as_deref().unwrap_or(&[]),
        None => &[],
    };
    let top_db = curve
        .iter()
        .map(|p| p[1])
        .fold(f64::NEG_INFINITY, f64::max)
        .max(-100.0);
    let db_hi = if top_db.is_finite() {
        (top_db / 10.0).ceil() * 10.0 + 10.0
    } else {
        0.0
    }
    .min(10.0);
    let db_lo = db_hi - 120.0;
    let x_f = |f: f64| LEFT + pw * ((f.max(f_lo) / f_lo).ln() / (f_hi / f_lo).ln());
    let y_db = |d: f64| TOP1 + PANEL_H * (db_hi - d.clamp(db_lo, db_hi)) / (db_hi - db_lo);
    frame(&mut s, TOP1, "Averaged spectrum (dB re full-scale sine)");
    for f in [
        20.0, 50.0, 100.0, 200.0, 500.0, 1000.0, 2000.0, 5000.0, 10_000.0, 20_000.0,
    ] {
        if f > f_hi {
            break;
        }
        let x = x_f(f);
        grid_v(&mut s, x, TOP1, &format!("{} Hz", fmt_hz(f)));
    }
    let mut d = db_lo;
    while d <= db_hi + 1e-9 {
        grid_h(&mut s, y_db(d), &format!("{d:.0}"));
        d += 20.0;
    }
    if curve.is_empty() {
        no_data(&mut s, TOP1);
    } else {
        let pts: Vec<(f64, f64)> = curve
            .iter()
            .filter(|p| p[0] >= f_lo && p[0] <= f_hi)
            .map(|p| (x_f(p[0]), y_db(p[1])))
            .collect();
        polyline(&mut s, &pts, "#1f77b4", 1.5, None);
        for (i, p) in r.spectrum.peaks.iter().enumerate() {
            if p.freq_hz < f_lo || p.freq_hz > f_hi {
                continue;
            }
            let (x, y) = (x_f(p.freq_hz), y_db(p.level_db));
            let _ = writeln!(
                s,
                r##"<circle cx="{x:.1}" cy="{y:.1}" r="4" fill="none" stroke="#d62728" stroke-width="1.5"/>
<text x="{:.1}" y="{:.1}" fill="#d62728" font-size="12">{}. {:.1} Hz, {:.1} dB</text>"##,
                x + 6.0,
                (y - 6.0 - 14.0 * (i % 2) as f64).max(TOP1 + 12.0),
                i + 1,
                p.freq_hz,
                p.level_db
            );
        }
    }

    // Panel 2: loudness over time.
    let tl = r.timeline.as_deref().unwrap_or(&[]);
    let dur = r.duration_s.max(0.1);
    let max_l = [
        l.momentary_max_lufs,
        l.short_term_max_lufs,
        l.integrated_lufs,
    ]
    .into_iter()
    .flatten()
    .fold(f64::NEG_INFINITY, f64::max);
    let l_hi = if max_l.is_finite() {
        ((max_l + 3.0) / 6.0).ceil() * 6.0
    } else {
        0.0
    }
    .min(6.0);
    let l_lo = l_hi - 54.0;
    let x_t = |t: f64| LEFT + pw * (t / dur).clamp(0.0, 1.0);
    let y_l = |v: f64| TOP2 + PANEL_H * (l_hi - v.clamp(l_lo, l_hi)) / (l_hi - l_lo);
    frame(&mut s, TOP2, "Loudness over time (LUFS)");
    let step = nice_step(dur / 8.0);
    let mut t = 0.0;
    while t <= dur + 1e-9 {
        grid_v(&mut s, x_t(t), TOP2, &fmt_time(t));
        t += step;
    }
    let mut v = l_lo;
    while v <= l_hi + 1e-9 {
        grid_h(&mut s, y_l(v), &format!("{v:.0}"));
        v += 6.0;
    }
    if !tl.iter().any(|p| p.momentary_lufs.is_some()) {
        no_data(&mut s, TOP2);
    } else {
        let target = r.assessment.target_lufs;
        if (l_lo..=l_hi).contains(&target) {
            let y = y_l(target);
            let _ = writeln!(
                s,
                r##"<line x1="{LEFT}" y1="{y:.1}" x2="{:.1}" y2="{y:.1}" stroke="#2ca02c" stroke-width="1.2" stroke-dasharray="2,4"/>"##,
                LEFT + pw
            );
        }
        let momentary = reduce(tl.iter().map(|p| (p.t_s, p.momentary_lufs)));
        let short = reduce(tl.iter().map(|p| (p.t_s, p.short_term_lufs)));
        for seg in momentary {
            let pts: Vec<_> = seg.iter().map(|&(t, v)| (x_t(t), y_l(v))).collect();
            polyline(&mut s, &pts, "#9ecae1", 1.0, None);
        }
        for seg in short {
            let pts: Vec<_> = seg.iter().map(|&(t, v)| (x_t(t), y_l(v))).collect();
            polyline(&mut s, &pts, "#08519c", 2.0, None);
        }
        if let Some(i) = l.integrated_lufs {
            let y = y_l(i);
            let _ = writeln!(
                s,
                r##"<line x1="{LEFT}" y1="{y:.1}" x2="{:.1}" y2="{y:.1}" stroke="#ff7f0e" stroke-width="1.5" stroke-dasharray="8,5"/>"##,
                LEFT + pw
            );
        }
    }
    // Legend.
    let ly = TOP2 + PANEL_H + 42.0;
    let items = [
        ("#9ecae1", "momentary (400 ms)", ""),
        ("#08519c", "short-term (3 s)", ""),
        ("#ff7f0e", "integrated", "8,5"),
        ("#2ca02c", "target", "2,4"),
    ];
    let mut x = LEFT;
    for (color, label, dash) in items {
        let dash = if dash.is_empty() {
            String::new()
        } else {
            format!(r#" stroke-dasharray="{dash}""#)
        };
        let _ = writeln!(
            s,
            r##"<line x1="{x}" y1="{ly}" x2="{}" y2="{ly}" stroke="{color}" stroke-width="2.5"{dash}/>
<text x="{}" y="{}" fill="#333">{label}</text>"##,
            x + 28.0,
            x + 34.0,
            ly + 4.0
        );
        x += 200.0;
    }
    s.push_str("</svg>\n");
    s
}

fn frame(s: &mut String, top: f64, title: &str) {
    let pw = W - LEFT - RIGHT;
    let _ = writeln!(
        s,
        r##"<text x="{LEFT}" y="{}" font-weight="bold" fill="#333">{}</text>
<rect x="{LEFT}" y="{top}" width="{pw}" height="{PANEL_H}" fill="#fafafa" stroke="#888"/>"##,
        top - 8.0,
        esc(title)
    );
}

fn grid_v(s: &mut String, x: f64, top: f64, label: &str) {
    let _ = writeln!(
        s,
        r##"<line x1="{x:.1}" y1="{top}" x2="{x:.1}" y2="{}" stroke="#ddd"/>
<text x="{x:.1}" y="{}" text-anchor="middle" fill="#555" font-size="12">{}</text>"##,
        top + PANEL_H,
        top + PANEL_H + 16.0,
        esc(label)
    );
}

fn grid_h(s: &mut String, y: f64, label: &str) {
    let _ = writeln!(
        s,
        r##"<line x1="{LEFT}" y1="{y:.1}" x2="{:.1}" y2="{y:.1}" stroke="#ddd"/>
<text x="{}" y="{:.1}" text-anchor="end" fill="#555" font-size="12">{}</text>"##,
        W - RIGHT,
        LEFT - 6.0,
        y + 4.0,
        esc(label)
    );
}

fn no_data(s: &mut String, top: f64) {
    let _ = writeln!(
        s,
        r##"<text x="{}" y="{}" text-anchor="middle" fill="#999" font-size="16">no data (silence or too short)</text>"##,
        LEFT + (W - LEFT - RIGHT) / 2.0,
        top + PANEL_H / 2.0
    );
}

fn polyline(s: &mut String, pts: &[(f64, f64)], color: &str, width: f64, dash: Option<&str>) {
    if pts.len() < 2 {
        return;
    }
    let mut d = String::with_capacity(pts.len() * 12);
    for (x, y) in pts {
        let _ = write!(d, "{x:.1},{y:.1} ");
    }
    let dash = dash
        .map(|d| format!(r#" stroke-dasharray="{d}""#))
        .unwrap_or_default();
    let _ = writeln!(
        s,
        r#"<polyline points="{}" fill="none" stroke="{color}" stroke-width="{width}" stroke-linejoin="round"{dash}/>"#,
        d.trim_end()
    );
}

/// Split a series at undefined values and reduce each run to at most MAX_LINE_POINTS
/// points overall (keeping the highest value of each cell).
fn reduce(series: impl Iterator<Item = (f64, Option<f64>)>) -> Vec<Vec<(f64, f64)>> {
    let all: Vec<(f64, Option<f64>)> = series.collect();
    let cell = all.len().div_ceil(MAX_LINE_POINTS).max(1);
    let mut out: Vec<Vec<(f64, f64)>> = Vec::new();
    let mut run: Vec<(f64, f64)> = Vec::new();
    for chunk in all.chunks(cell) {
        let best = chunk
            .iter()
            .filter_map(|&(t, v)| v.map(|v| (t, v)))
            .max_by(|a, b| a.1.total_cmp(&b.1));
        match best {
            Some(p) => run.push(p),
            None => {
                if !run.is_empty() {
                    out.push(std::mem::take(&mut run));
                }
            }
        }
    }
    if !run.is_empty() {
        out.push(run);
    }
    out
}

fn nice_step(raw: f64) -> f64 {
    let steps = [
        0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0, 15.0, 30.0, 60.0, 120.0, 300.0, 600.0, 900.0, 1800.0,
        3600.0, 7200.0,
    ];
    steps.into_iter().find(|&s| s >= raw).unwrap_or(14_400.0)
}

fn fmt_time(t: f64) -> String {
    if t >= 60.0 {
        let m = (t / 60.0).floor();
        format!("{}:{:02}", m as u64, (t - m * 60.0).round() as u64)
    } else if t.fract().abs() < 1e-9 {
        format!("{t:.0} s")
    } else {
        format!("{t:.1} s")
    }
}
