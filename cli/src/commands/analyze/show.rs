//! The human report of `orch analyze`: compact, aligned, `n/a` where undefined.

use orch::analysis::Report;

/// A number with `digits` decimals and a unit, or `n/a`.
fn num(v: Option<f64>, digits: usize, unit: &str) -> String {
    match v {
        Some(v) => {
            // Avoid printing "-0.0".
            let s = format!("{v:.digits$}");
            let s = if s
                .trim_start_matches('-')
                .chars()
                .all(|c| c == '0' || c == '.')
            {
                s.trim_start_matches('-').to_string()
            } else {
                s
            };
            if unit.is_empty() {
                s
            } else {
                format!("{s} {unit}")
            }
        }
        None => "n/a".to_string(),
    }
}

fn pct(v: Option<f64>) -> String {
    match v {
        Some(v) => format!("{:.0}%", v * 100.0),
        None => "n/a".to_string(),
    }
}

fn hz(v: Option<f64>) -> String {
    match v {
        Some(v) if v >= 1000.0 => format!("{:.2} kHz", v / 1000.0),
        Some(v) => format!("{v:.0} Hz"),
        None => "n/a".to_string(),
    }
}

fn yes_no(v: Option<bool>, color: bool) -> String {
    let (s, code) = match v {
        Some(true) => ("pass", "32"),
        Some(false) => ("fail", "31"),
        None => ("n/a", "2"),
    };
    if color {
        format!("\x1b[{code}m{s}\x1b[0m")
    } else {
        s.to_string()
    }
}

/// The report as aligned text.
pub fn human(r: &Report, color: bool) -> String {
    let bold = |s: &str| {
        if color {
            format!("\x1b[1m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    };
    let l = &r.loudness;
    let s = &r.spectrum;
    let q = &r.quality;
    let a = &r.assessment;
    let bits = r
        .bits_per_sample
        .map(|b| format!(" {b}-bit"))
        .unwrap_or_default();
    let mut out = Vec::new();
    out.push(format!(
        "{}  {} Hz, {} ch, {}{}, {:.2} s",
        bold(&r.file),
        r.sample_rate,
        r.channels,
        r.codec,
        bits,
        r.duration_s
    ));
    let per_channel_tp = if l.true_peak_per_channel_dbtp.len() > 1 {
        format!(
            " (per channel: {})",
            l.true_peak_per_channel_dbtp
                .iter()
                .map(|v| num(*v, 1, ""))
                .collect::<Vec<_>>()
                .join(", ")
        )
    } else {
        String::new()
    };
    let peaks = if s.peaks.is_empty() {
        "none".to_string()
    } else {
        s.peaks
            .iter()
            .map(|p| format!("{:.1} Hz {:.1} dB", p.freq_hz, p.level_db))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let bands = s
        .bands
        .iter()
        .map(|b| format!("{} {}", b.name, num(b.level_dbfs, 1, "")))
        .collect::<Vec<_>>()
        .join("  ");
    let thd = match (s.thd_percent, s.fundamental_hz) {
        (Some(t), Some(f)) => format!("{t:.3}% (fundamental {f:.1} Hz)"),
        _ => "n/a (not tonal)".to_string(),
    };
    let rows: Vec<(&str, String)> = vec![
        (
            "loudness",
            format!(
                "{} integrated, LRA {}, momentary max {}, short-term max {}",
                num(l.integrated_lufs, 1, "LUFS"),
                num(l.lra_lu, 1, "LU"),
                num(l.momentary_max_lufs, 1, "LUFS"),
                num(l.short_term_max_lufs, 1, "LUFS"),
            ),
        ),
        (
            "peaks",
            format!(
                "true peak {}{}, sample peak {}",
                num(l.true_peak_dbtp, 1, "dBTP"),
                per_channel_tp,
                num(l.sample_peak_dbfs, 1, "dBFS"),
            ),
        ),
        (
            "level",
            format!(
                "RMS {}, crest {}, DC {}, clipped {} ({})",
                num(q.rms_dbfs, 1, "dBFS"),
                num(q.crest_factor_db, 1, "dB"),
                num(q.dc_offset, 5, ""),
                q.clipped_samples,
                match q.clipped_ratio {
                    Some(v) => format!("{:.4}%", v * 100.0),
                    None => "n/a".into(),
                },
            ),
        ),
        (
            "noise",
            format!(
                "floor {}, SNR {}, dynamic range {}",
                num(q.noise_floor_dbfs, 1, "dBFS"),
                num(q.snr_db, 1, "dB"),
                num(q.dynamic_range_db, 1, "dB"),
            ),
        ),
        (
            "content",
            format!(
                "silence {}, speech {}",
                pct(q.silence_ratio),
                pct(q.speech_ratio)
            ),
        ),
        (
            "spectrum",
            format!(
                "centroid {}, roll-off {}, flatness {}, THD {}",
                hz(s.centroid_hz),
                hz(s.rolloff_hz),
                num(s.flatness, 3, ""),
                thd
            ),
        ),
        ("spectral peaks", peaks),
        ("bands (dBFS)", bands),
        (
            "grade",
            format!(
                "{} (loudness {}, dynamics {})",
                a.overall_grade.map_or("n/a", |g| g.name()),
                a.loudness_grade.map_or("n/a", |g| g.name()),
                a.dynamics_grade.map_or("n/a", |g| g.name()),
            ),
        ),
        (
            "standards",
            a.standards
                .iter()
                .map(|c| {
                    let gain = c
                        .gain_db
                        .map(|g| format!(" {g:+.1} dB"))
                        .unwrap_or_default();
                    format!("{} {}{}", c.name, yes_no(c.compliant, color), gain)
                })
                .collect::<Vec<_>>()
                .join(", "),
        ),
    ];
    let width = rows.iter().map(|(k, _)| k.len()).max().unwrap_or(0);
    for (k, v) in &rows {
        out.push(format!("  {k:<width$}  {v}"));
    }
    for (i, rec) in a.recommendations.iter().enumerate() {
        let label = if i == 0 { "advice" } else { "" };
        out.push(format!("  {label:<width$}  {rec}"));
    }
    if let Some(w) = &r.warning {
        out.push(format!("  {:<width$}  {w}", "warning"));
    }
    if let Some(tl) = &r.timeline {
        out.push(format!(
            "  {:<8} {:>10} {:>11} {:>10} {:>10}",
            "time s", "momentary", "short-term", "rms dBFS", "peak dBFS"
        ));
        for p in tl {
            out.push(format!(
                "  {:<8.1} {:>10} {:>11} {:>10} {:>10}",
                p.t_s,
                num(p.momentary_lufs, 1, ""),
                num(p.short_term_lufs, 1, ""),
                num(p.rms_dbfs, 1, ""),
                num(p.peak_dbfs, 1, ""),
            ));
        }
    }
    out.join("\n")
}
