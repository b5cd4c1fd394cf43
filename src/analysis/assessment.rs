//! The `assessment` block: compliance with delivery standards (EBU R128, ATSC A/85,
//! streaming) and a loudness grade with recommendations, measured on real numbers.

use serde::Serialize;

use super::loudness::LoudnessReport;
use super::quality::QualityReport;

/// A delivery standard: integrated loudness target with a tolerance and a true-peak
/// ceiling.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Standard {
    pub name: &'static str,
    pub target_lufs: f64,
    pub tolerance_lu: f64,
    pub max_true_peak_dbtp: f64,
}

/// The standards checked.
pub const STANDARDS: [Standard; 4] = [
    // EBU R128 (2020): -23 LUFS, ±1 LU where exact normalisation is not practicable.
    Standard {
        name: "ebu_r128",
        target_lufs: -23.0,
        tolerance_lu: 1.0,
        max_true_peak_dbtp: -1.0,
    },
    // ATSC A/85 (2013): -24 LKFS ±2 dB, true peak -2 dBTP.
    Standard {
        name: "atsc_a85",
        target_lufs: -24.0,
        tolerance_lu: 2.0,
        max_true_peak_dbtp: -2.0,
    },
    // Streaming services that normalise to -14 (Spotify, YouTube, Tidal).
    Standard {
        name: "streaming",
        target_lufs: -14.0,
        tolerance_lu: 1.0,
        max_true_peak_dbtp: -1.0,
    },
    // Apple Music / iTunes Sound Check.
    Standard {
        name: "apple_music",
        target_lufs: -16.0,
        tolerance_lu: 1.0,
        max_true_peak_dbtp: -1.0,
    },
];

/// Default target of the recommendations (EBU R128).
pub const DEFAULT_TARGET_LUFS: f64 = -23.0;

/// A four-step grade.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Grade {
    Excellent,
    Good,
    Fair,
    Poor,
}

impl Grade {
    fn score(self) -> f64 {
        match self {
            Grade::Excellent => 4.0,
            Grade::Good => 3.0,
            Grade::Fair => 2.0,
            Grade::Poor => 1.0,
        }
    }

    fn from_score(s: f64) -> Grade {
        if s >= 3.5 {
            Grade::Excellent
        } else if s >= 2.5 {
            Grade::Good
        } else if s >= 1.5 {
            Grade::Fair
        } else {
            Grade::Poor
        }
    }

    /// Lower-case name.
    pub fn name(self) -> &'static str {
        match self {
            Grade::Excellent => "excellent",
            Grade::Good => "good",
            Grade::Fair => "fair",
            Grade::Poor => "poor",
        }
    }
}

/// Compliance with one standard; `None` where the loudness is undefined.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Compliance {
    pub name: &'static str,
    pub target_lufs: f64,
    pub tolerance_lu: f64,
    pub max_true_peak_dbtp: f64,
    /// Integrated loudness within target ± tolerance.
    pub loudness_ok: Option<bool>,
    /// True peak at or below the ceiling.
    pub true_peak_ok: Option<bool>,
    /// Both.
    pub compliant: Option<bool>,
    /// Gain that would bring the integrated loudness to the target (dB).
    pub gain_db: Option<f64>,
}

/// The assessment block.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Assessment {
    /// Target the recommendations refer to (LUFS).
    pub target_lufs: f64,
    /// Integrated loudness minus target (LU).
    pub deviation_lu: Option<f64>,
    /// Loudness grade: poor above -12 or below -35 LUFS, excellent from -23 to -16,
    /// good otherwise.
    pub loudness_grade: Option<Grade>,
    /// Dynamics grade from the LRA: excellent above 20 LU, good above 14, fair above 7,
    /// poor otherwise.
    pub dynamics_grade: Option<Grade>,
    /// Mean of the grades' scores (excellent 4 ... poor 1): >= 3.5 excellent, >= 2.5
    /// good, >= 1.5 fair, else poor.
    pub overall_grade: Option<Grade>,
    /// Compliance with each standard.
    pub standards: Vec<Compliance>,
    /// What to do, in plain words.
    pub recommendations: Vec<String>,
}

/// Grade and recommend from the measured loudness and quality.
pub fn assess(l: &LoudnessReport, q: &QualityReport, target_lufs: f64) -> Assessment {
    let i = l.integrated_lufs;
    let lra = l.lra_lu;
    let tp = l.true_peak_dbtp;
    let loudness_grade = i.map(|i| {
        if !(-35.0..=-12.0).contains(&i) {
            Grade::Poor
        } else if (-23.0..=-16.0).contains(&i) {
            Grade::Excellent
        } else {
            Grade::Good
        }
    });
    let dynamics_grade = lra.map(|r| {
        if r > 20.0 {
            Grade::Excellent
        } else if r > 14.0 {
            Grade::Good
        } else if r > 7.0 {
            Grade::Fair
        } else {
            Grade::Poor
        }
    });
    let scores: Vec<f64> = [loudness_grade, dynamics_grade]
        .into_iter()
        .flatten()
        .map(Grade::score)
        .collect();
    let overall_grade = (!scores.is_empty())
        .then(|| Grade::from_score(scores.iter().sum::<f64>() / scores.len() as f64));

    let standards = STANDARDS
        .iter()
        .map(|s| {
            let loudness_ok = i.map(|i| (i - s.target_lufs).abs() <= s.tolerance_lu + 1e-9);
            // Digital silence has no true peak: nothing exceeds the ceiling.
            let true_peak_ok = i.map(|_| tp.is_none_or(|tp| tp <= s.max_true_peak_dbtp + 1e-9));
            Compliance {
                name: s.name,
                target_lufs: s.target_lufs,
                tolerance_lu: s.tolerance_lu,
                max_true_peak_dbtp: s.max_true_peak_dbtp,
                loudness_ok,
                true_peak_ok,
                compliant: loudness_ok.zip(true_peak_ok).map(|(a, b)| a && b),
                gain_db: i.map(|i| s.target_lufs - i),
            }
        })
        .collect();

    let mut rec = Vec::new();
    let deviation = i.map(|i| i - target_lufs);
    match (i, deviation) {
        (Some(i), Some(d)) => {
            if d > 3.0 {
                rec.push(format!(
                    "reduce the gain by {d:.1} dB to reach {target_lufs} LUFS"
                ));
            } else if d < -3.0 {
                rec.push(format!(
                    "increase the gain by {:.1} dB to reach {target_lufs} LUFS",
                    -d
                ));
            }
            if i > -12.0 {
                rec.push(format!(
                    "very loud ({i:.1} LUFS): add limiting and lower the level"
                ));
            }
            if i < -35.0 {
                rec.push(format!("very quiet ({i:.1} LUFS): compress and normalize"));
            }
        }
        _ => rec
            .push("no measurable programme loudness (silence, or shorter than 400 ms)".to_string()),
    }
    if let Some(r) = lra {
        if r < 6.0 {
            rec.push(format!(
                "loudness range {r:.1} LU is below 6 LU: the audio may be over-compressed"
            ));
        } else if r > 25.0 {
            rec.push(format!(
                "loudness range {r:.1} LU is above 25 LU: it may need compression"
            ));
        }
    }
    if let Some(tp) = tp {
        if tp > -1.0 {
            rec.push(format!(
                "true peak {tp:.1} dBTP is above -1 dBTP: use a true-peak limiter"
            ));
        }
    }
    if q.clipped_samples > 0 {
        rec.push(format!(
            "{} clipped sample(s): lower the recording or processing gain",
            q.clipped_samples
        ));
    }
    if rec.is_empty() {
        rec.push("within acceptable parameters".to_string());
    }
    Assessment {
        target_lufs,
        deviation_lu: deviation,
        loudness_grade,
        dynamics_grade,
        overall_grade,
        standards,
        recommendations: rec,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn loud(i: Option<f64>, lra: Option<f64>, tp: Option<f64>) -> LoudnessReport {
        LoudnessReport {
            integrated_lufs: i,
            lra_lu: lra,
            true_peak_dbtp: tp,
            ..Default::default()
        }
    }

    #[test]
    fn grading_follows_the_reference_rules() {
        let q = QualityReport::default();
        let a = assess(&loud(Some(-20.0), Some(15.0), Some(-3.0)), &q, -23.0);
        assert_eq!(a.loudness_grade, Some(Grade::Excellent));
        assert_eq!(a.dynamics_grade, Some(Grade::Good));
        assert_eq!(a.overall_grade, Some(Grade::Excellent)); // (4 + 3) / 2 = 3.5
        assert!(
            a.recommendations[0].starts_with("reduce the gain by 3.0")
                || a.recommendations == vec!["within acceptable parameters"]
        );

        let a = assess(&loud(Some(-10.0), Some(3.0), Some(0.5)), &q, -23.0);
        assert_eq!(a.loudness_grade, Some(Grade::Poor));
        assert_eq!(a.dynamics_grade, Some(Grade::Poor));
        assert_eq!(a.overall_grade, Some(Grade::Poor));
        let all = a.recommendations.join("\n");
        assert!(all.contains("reduce the gain by 13.0 dB"), "{all}");
        assert!(all.contains("limiting"));
        assert!(all.contains("over-compressed"));
        assert!(all.contains("true-peak limiter"));

        let a = assess(&loud(Some(-40.0), Some(30.0), Some(-30.0)), &q, -23.0);
        assert_eq!(a.loudness_grade, Some(Grade::Poor));
        assert_eq!(a.dynamics_grade, Some(Grade::Excellent));
        assert_eq!(a.overall_grade, Some(Grade::Good)); // 2.5
        let all = a.recommendations.join("\n");
        assert!(all.contains("increase the gain by 17.0 dB"), "{all}");
        assert!(all.contains("compress and normalize"));
        assert!(all.contains("may need compression"));
    }

    #[test]
    fn compliance_and_undefined_loudness() {
        let q = QualityReport::default();
        let a = assess(&loud(Some(-23.4), Some(8.0), Some(-1.5)), &q, -23.0);
        let ebu = &a.standards[0];
        assert_eq!(ebu.compliant, Some(true));
        let atsc = &a.standards[1];
        assert_eq!(atsc.loudness_ok, Some(true));
        assert_eq!(atsc.true_peak_ok, Some(false));
        assert_eq!(atsc.compliant, Some(false));
        assert!((a.standards[2].gain_db.unwrap() - 9.4).abs() < 1e-9);

        let a = assess(&loud(None, None, None), &q, -23.0);
        assert_eq!(a.overall_grade, None);
        assert!(a.standards.iter().all(|s| s.compliant.is_none()));
        assert!(a.recommendations[0].contains("no measurable"));
    }
}
