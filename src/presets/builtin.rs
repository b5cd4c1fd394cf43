//! The 13 read-only built-in presets: 8 core pipeline presets and 5 catalog presets
//! (the preset names of the service orch replaces), mapped onto orch's stages.
//!
//! Mapping rules (documented in `docs/presets.md`):
//! - Core presets start from the default chain (every stage of this build in chain
//!   order with its defaults; equalizer, spectral denoising and LUFS normalization off)
//!   and change only the values each preset names.
//! - Catalog presets list the stages they use; those are enabled, every other stage is
//!   kept in the chain but disabled (so `diff` and live apply stay parameter-level).
//!   Two exceptions, deliberate: the limiter stays on (at its defaults) in the two catalog
//!   presets that list none, as orch's safety ceiling after AGC boosts of 10–15 dB; and
//!   the reference's low/mid/high EQ triples become low shelf, peaking and high shelf
//!   bands (as `broadcast_standard` spells out), with Q converted to octaves.
//!   Where a catalog preset has a loudness target and a compressor, the normalizer runs
//!   after the compressor so the target is met (see [`catalog`]).
//! - The reference's EQ presets are the equalizer's `preset` values and its LUFS targets
//!   the normalizer's `mode` values (see the dsp stages): they are reused, not copied.

use crate::dsp::StageKind;
use crate::dsp::chain::{ChainConfig, StageParams};
use crate::dsp::stages::agc::AgcParams;
use crate::dsp::stages::compression::CompressionParams;
use crate::dsp::stages::equalizer::{EqBand, EqualizerParams, FilterType};
use crate::dsp::stages::limiter::LimiterParams;
use crate::dsp::stages::lufs_normalization::{LufsMode, LufsNormalizationParams};
use crate::dsp::stages::noise_reduction::{NoiseReductionMode, NoiseReductionParams};
use crate::dsp::stages::vad::{VadMode, VadParams};
use crate::dsp::stages::voice_enhancement::VoiceEnhancementParams;
use crate::dsp::stages::voice_filter::VoiceFilterParams;

use super::Preset;

/// Names of the built-ins, core presets first, in the order `orch preset list` shows.
pub const BUILTIN_NAMES: [&str; 13] = [
    "default",
    "voice",
    "noisy",
    "music",
    "minimal",
    "aggressive",
    "conference",
    "broadcast",
    "broadcast_standard",
    "voice_clarity",
    "music_mastering",
    "real_time_low_latency",
    "podcast_production",
];

/// Whether `name` is a built-in preset.
pub fn is_builtin(name: &str) -> bool {
    BUILTIN_NAMES.contains(&name)
}

/// The built-in preset `name`, or `None`.
pub fn builtin(name: &str) -> Option<Preset> {
    let (description, category, chain) = match name {
        "default" => (
            "Every stage at the reference defaults: VAD, voice filter, noise reduction, \
             voice enhancement, AGC, compression and limiter",
            "general",
            ChainConfig::default(),
        ),
        "voice" => (
            "Speech: stronger voice band, more clarity and presence, gentle 2.5:1 compression",
            "voice",
            core(|c| {
                vad(c, |p| {
                    p.mode = VadMode::Webrtc;
                    p.aggressiveness = 2;
                });
                voice_filter(c, |p| p.voice_band_gain = 1.2);
                enhancement(c, |p| {
                    p.clarity_enhancement = 0.3;
                    p.presence_boost = 0.2;
                });
                compression(c, |p| {
                    p.threshold_db = -18.0;
                    p.ratio = 2.5;
                });
            }),
        ),
        "noisy" => (
            "Speech in noise: strict VAD, aggressive noise reduction (0.9), 4:1 compression",
            "voice",
            core(|c| {
                vad(c, |p| {
                    p.mode = VadMode::Aggressive;
                    p.aggressiveness = 3;
                });
                noise_reduction(c, |p| {
                    p.mode = NoiseReductionMode::Aggressive;
                    p.strength = 0.9;
                });
                enhancement(c, |p| p.clarity_enhancement = 0.4);
                compression(c, |p| {
                    p.threshold_db = -15.0;
                    p.ratio = 4.0;
                });
            }),
        ),
        "music" => (
            "Music: no VAD, voice filter or voice enhancement, light noise reduction, \
             1.5:1 compression",
            "music",
            core(|c| {
                c.bypass(StageKind::Vad);
                c.bypass(StageKind::VoiceFilter);
                c.bypass(StageKind::VoiceEnhancement);
                noise_reduction(c, |p| p.mode = NoiseReductionMode::Light);
                compression(c, |p| {
                    p.threshold_db = -12.0;
                    p.ratio = 1.5;
                });
            }),
        ),
        "minimal" => (
            "Pass-through: every stage off (quality analysis only)",
            "general",
            // The reference's `enabled_stages = ["quality"]` names no processing stage
            // (quality is a config block), so nothing runs, AGC included.
            core(|c| {
                for s in &mut c.stages {
                    s.enabled = false;
                }
            }),
        ),
        "aggressive" => (
            "Heavy cleanup: strict VAD, noise reduction 0.95, strong clarity and presence, \
             6:1 compression",
            "voice",
            core(|c| {
                vad(c, |p| p.mode = VadMode::Aggressive);
                noise_reduction(c, |p| {
                    p.mode = NoiseReductionMode::Aggressive;
                    p.strength = 0.95;
                });
                enhancement(c, |p| {
                    p.clarity_enhancement = 0.5;
                    p.presence_boost = 0.3;
                });
                compression(c, |p| {
                    p.threshold_db = -12.0;
                    p.ratio = 6.0;
                });
            }),
        ),
        "conference" => (
            "Meetings: moderate noise reduction, more clarity, 3:1 compression from -16 dB",
            "voice",
            core(|c| {
                vad(c, |p| p.mode = VadMode::Webrtc);
                voice_filter(c, |p| p.voice_band_gain = 1.1);
                noise_reduction(c, |p| p.mode = NoiseReductionMode::Moderate);
                enhancement(c, |p| p.clarity_enhancement = 0.3);
                compression(c, |p| {
                    p.threshold_db = -16.0;
                    p.ratio = 3.0;
                });
            }),
        ),
        "broadcast" => (
            "On-air voice: clarity and presence, 3.5:1 compression with a tight knee, \
             limiter at -0.5 dBTP",
            "broadcast",
            core(|c| {
                vad(c, |p| p.mode = VadMode::Webrtc);
                enhancement(c, |p| {
                    p.clarity_enhancement = 0.4;
                    p.presence_boost = 0.25;
                });
                compression(c, |p| {
                    p.threshold_db = -14.0;
                    p.ratio = 3.5;
                    p.knee_db = 1.5;
                });
                limiter(c, |p| p.threshold_db = -0.5);
            }),
        ),
        "broadcast_standard" => (
            "EBU R128 delivery: light noise reduction, tonal EQ, 3:1 compression, \
             -23 LUFS, limiter at -1 dBTP",
            "broadcast",
            catalog(
                &[
                    StageKind::NoiseReduction,
                    StageKind::Equalizer,
                    StageKind::LufsNormalization,
                    StageKind::Compression,
                    StageKind::Limiter,
                ],
                |c| {
                    noise_reduction(c, |p| p.strength = 0.3);
                    compression(c, |p| {
                        p.ratio = 3.0;
                        p.threshold_db = -18.0;
                    });
                    eq(
                        c,
                        &[
                            (FilterType::LowShelf, 100.0, 0.0, 1.0),
                            (FilterType::Peaking, 1000.0, 0.0, 1.0),
                            (FilterType::HighShelf, 8000.0, -1.0, 1.0),
                        ],
                    );
                    limiter(c, |p| {
                        p.threshold_db = -1.0;
                        p.release_ms = 50.0; // the reference's 0.05 s
                    });
                    lufs(c, LufsMode::BroadcastTv, -23.0);
                },
            ),
        ),
        "voice_clarity" => (
            "Intelligible speech: 80 Hz to 8 kHz voice band, noise reduction 0.6, strong \
             clarity, presence EQ, 4:1 compression, AGC to -18 dB",
            "voice",
            catalog(
                &[
                    StageKind::VoiceFilter,
                    StageKind::NoiseReduction,
                    StageKind::VoiceEnhancement,
                    StageKind::Equalizer,
                    StageKind::Agc,
                    StageKind::Compression,
                    // Not listed by the reference: orch's safety ceiling after AGC.
                    StageKind::Limiter,
                ],
                |c| {
                    noise_reduction(c, |p| p.strength = 0.6);
                    // The reference's "enhancement 0.8" is its clarity amount.
                    enhancement(c, |p| p.clarity_enhancement = 0.8);
                    // "voice_filter 80–8000": the band's lower edge and the low-pass.
                    voice_filter(c, |p| {
                        p.fundamental_min_hz = 80.0;
                        p.high_freq_rolloff_hz = 8000.0;
                    });
                    compression(c, |p| {
                        p.ratio = 4.0;
                        p.threshold_db = -20.0;
                    });
                    eq(
                        c,
                        &[
                            (FilterType::LowShelf, 80.0, -2.0, 1.0),
                            (FilterType::Peaking, 2000.0, 2.0, octaves_from_q(1.2)),
                            (FilterType::HighShelf, 5000.0, 1.0, 1.0),
                        ],
                    );
                    agc(c, |p| {
                        p.target_level_db = -18.0;
                        p.max_gain_db = 15.0;
                    });
                },
            ),
        ),
        "music_mastering" => (
            "Music delivery: gentle tonal EQ, 2.5:1 compression from -12 dB, -14 LUFS, \
             limiter at -0.3 dBTP",
            "music",
            catalog(
                &[
                    StageKind::Equalizer,
                    StageKind::LufsNormalization,
                    StageKind::Compression,
                    StageKind::Limiter,
                ],
                |c| {
                    eq(
                        c,
                        &[
                            (FilterType::LowShelf, 100.0, 1.0, 1.0),
                            (FilterType::Peaking, 1000.0, 0.0, octaves_from_q(0.8)),
                            (FilterType::HighShelf, 10000.0, 2.0, 1.0),
                        ],
                    );
                    compression(c, |p| {
                        p.ratio = 2.5;
                        p.threshold_db = -12.0;
                    });
                    limiter(c, |p| {
                        p.threshold_db = -0.3;
                        p.release_ms = 100.0; // the reference's 0.1 s
                    });
                    lufs(c, LufsMode::Streaming, -14.0);
                },
            ),
        ),
        "real_time_low_latency" => (
            "Live with few stages: VAD, light noise reduction (0.2), AGC to -20 dB",
            "real_time",
            catalog(
                &[
                    StageKind::Vad,
                    StageKind::NoiseReduction,
                    StageKind::Agc,
                    // Not listed by the reference: orch's safety ceiling after AGC.
                    StageKind::Limiter,
                ],
                |c| {
                    // The VAD keeps its default absolute gate (0.01 RMS, -40 dBFS at the
                    // default sensitivity): a gate of 0.3 RMS (about -10 dBFS) heard no
                    // speech at meeting levels (-30 to -16 LUFS).
                    noise_reduction(c, |p| p.strength = 0.2);
                    agc(c, |p| {
                        p.target_level_db = -20.0;
                        p.max_gain_db = 10.0;
                    });
                },
            ),
        ),
        "podcast_production" => (
            "Podcast: noise reduction 0.5, clarity, voice EQ, 6:1 compression from -22 dB, \
             -19 LUFS, limiter at -2 dBTP",
            "voice",
            catalog(
                &[
                    StageKind::NoiseReduction,
                    StageKind::VoiceEnhancement,
                    StageKind::Equalizer,
                    StageKind::LufsNormalization,
                    StageKind::Compression,
                    StageKind::Limiter,
                ],
                |c| {
                    noise_reduction(c, |p| p.strength = 0.5);
                    enhancement(c, |p| p.clarity_enhancement = 0.6);
                    compression(c, |p| {
                        p.ratio = 6.0;
                        p.threshold_db = -22.0;
                    });
                    eq(
                        c,
                        &[
                            (FilterType::LowShelf, 80.0, -3.0, 1.0),
                            (FilterType::Peaking, 3000.0, 2.0, 1.0),
                            (FilterType::HighShelf, 8000.0, 0.0, 1.0),
                        ],
                    );
                    limiter(c, |p| {
                        p.threshold_db = -2.0;
                        p.release_ms = 100.0;
                    });
                    // -19 LUFS is no named target (podcast is -18): a custom target.
                    lufs(c, LufsMode::Custom, -19.0);
                },
            ),
        ),
        _ => return None,
    };
    Some(Preset {
        name: name.to_string(),
        description: description.to_string(),
        category: category.to_string(),
        builtin: true,
        chain,
    })
}

/// Every built-in, in [`BUILTIN_NAMES`] order.
pub fn builtins() -> Vec<Preset> {
    BUILTIN_NAMES
        .iter()
        .map(|n| builtin(n).expect("every listed built-in exists"))
        .collect()
}

/// Bandwidth in octaves of a peaking filter of quality `q` (the inverse of the
/// equalizer's octaves-to-Q relation), rounded to 0.01 octave so files stay readable
/// (Q 1.2 → 1.17 octaves, Q 0.8 → 1.70).
pub fn octaves_from_q(q: f64) -> f64 {
    let exact = 2.0 / std::f64::consts::LN_2 * (1.0 / (2.0 * q)).asinh();
    (exact * 100.0).round() / 100.0
}

/// The default chain changed by `f`.
fn core(f: impl FnOnce(&mut ChainConfig)) -> ChainConfig {
    let mut c = ChainConfig::default();
    f(&mut c);
    c
}

/// The default chain with exactly the stages `on` enabled, changed by `f`.
///
/// When a catalog preset uses both LUFS normalization and compression, normalization
/// moves after compression (just before the limiter): in the default order it comes
/// first, and the compressor would then pull the output 3 to 4 LU under the preset's
/// target (measured: `podcast_production` reached -22.9 instead of -19 LUFS).
fn catalog(on: &[StageKind], f: impl FnOnce(&mut ChainConfig)) -> ChainConfig {
    let mut c = ChainConfig::default();
    for s in &mut c.stages {
        s.enabled = on.contains(&s.kind());
    }
    if on.contains(&StageKind::LufsNormalization) && on.contains(&StageKind::Compression) {
        let from = c
            .stages
            .iter()
            .position(|s| s.kind() == StageKind::LufsNormalization)
            .expect("the default chain has every stage");
        let lufs = c.stages.remove(from);
        let to = c
            .stages
            .iter()
            .position(|s| s.kind() == StageKind::Limiter)
            .expect("the default chain has every stage");
        c.stages.insert(to, lufs);
    }
    f(&mut c);
    c
}

macro_rules! editor {
    ($fn:ident, $kind:ident, $params:ty) => {
        fn $fn(c: &mut ChainConfig, f: impl FnOnce(&mut $params)) {
            match c.stage_mut(StageKind::$kind).map(|s| &mut s.params) {
                Some(StageParams::$kind(p)) => f(p),
                _ => unreachable!("the default chain has every stage of this build"),
            }
        }
    };
}

editor!(vad, Vad, VadParams);
editor!(voice_filter, VoiceFilter, VoiceFilterParams);
editor!(noise_reduction, NoiseReduction, NoiseReductionParams);
editor!(enhancement, VoiceEnhancement, VoiceEnhancementParams);
editor!(equalizer, Equalizer, EqualizerParams);
editor!(agc, Agc, AgcParams);
editor!(compression, Compression, CompressionParams);
editor!(limiter, Limiter, LimiterParams);
editor!(lufs_params, LufsNormalization, LufsNormalizationParams);

/// Replace the EQ bands by `(type, Hz, dB, octaves)` bands, all enabled.
fn eq(c: &mut ChainConfig, bands: &[(FilterType, f64, f64, f64)]) {
    equalizer(c, |p| {
        p.bands = bands
            .iter()
            .map(
                |&(filter_type, frequency_hz, gain_db, bandwidth_octaves)| EqBand {
                    enabled: true,
                    frequency_hz,
                    gain_db,
                    bandwidth_octaves,
                    filter_type,
                },
            )
            .collect();
    });
}

/// Set the loudness target: a named mode, or `custom` with `target`.
fn lufs(c: &mut ChainConfig, mode: LufsMode, target: f64) {
    lufs_params(c, |p| {
        p.mode = mode;
        p.target_lufs = target;
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::signal::biquad::q_from_octaves;

    #[test]
    fn all_thirteen_load_and_validate() {
        let all = builtins();
        assert_eq!(all.len(), 13);
        for p in &all {
            p.validate().unwrap_or_else(|e| panic!("{}: {e}", p.name));
            assert!(p.builtin);
            assert!(!p.description.is_empty());
            assert!(is_builtin(&p.name));
            // The chain survives its own TOML format.
            let text = p.chain.to_toml_string();
            let back = ChainConfig::from_toml_str(&text, &p.name).unwrap();
            assert_eq!(back, p.chain, "{}", p.name);
        }
        assert!(builtin("nope").is_none());
        let mut names: Vec<_> = BUILTIN_NAMES.to_vec();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), 13);
    }

    #[test]
    fn spec_values_are_mapped() {
        let p = builtin("default").unwrap();
        assert_eq!(p.chain, ChainConfig::default());
        let minimal = builtin("minimal").unwrap();
        assert!(minimal.enabled_stages().is_empty());
        let music = builtin("music").unwrap();
        assert!(!music.enabled_stages().contains(&StageKind::Vad));
        let broadcast = builtin("broadcast_standard").unwrap();
        assert_eq!(
            broadcast.enabled_stages(),
            vec![
                StageKind::NoiseReduction,
                StageKind::Equalizer,
                StageKind::Compression,
                StageKind::LufsNormalization,
                StageKind::Limiter
            ]
        );
        match &broadcast
            .chain
            .stage(StageKind::LufsNormalization)
            .unwrap()
            .params
        {
            StageParams::LufsNormalization(l) => assert_eq!(l.effective_target(), -23.0),
            _ => unreachable!(),
        }
        let podcast = builtin("podcast_production").unwrap();
        match &podcast
            .chain
            .stage(StageKind::LufsNormalization)
            .unwrap()
            .params
        {
            StageParams::LufsNormalization(l) => assert_eq!(l.effective_target(), -19.0),
            _ => unreachable!(),
        }
        let noisy = builtin("noisy").unwrap();
        match &noisy.chain.stage(StageKind::Compression).unwrap().params {
            StageParams::Compression(c) => assert_eq!((c.threshold_db, c.ratio), (-15.0, 4.0)),
            _ => unreachable!(),
        }
    }

    #[test]
    fn q_to_octaves_inverts_the_equalizer() {
        for q in [0.5, 0.8, 1.2, 2.0] {
            let back = q_from_octaves(octaves_from_q(q));
            assert!((back - q).abs() / q < 0.01, "{q} -> {back}");
        }
        assert_eq!(octaves_from_q(1.2), 1.17);
        assert_eq!(octaves_from_q(0.8), 1.7);
        assert_eq!(octaves_from_q(std::f64::consts::SQRT_2), 1.0);
    }
}
