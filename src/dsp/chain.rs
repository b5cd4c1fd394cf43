//! The chain configuration: which stages run, in which order, with which gains and
//! parameters; its versioned TOML format (documented in `docs/chain.md`), parsing with
//! errors that name the file, line and key, and validation.
//!
//! ```toml
//! version = 1
//!
//! [[stage]]
//! type = "compression"
//! enabled = true        # default true for a listed stage
//! gain_in_db = 0.0      # -20..20, applied by the pipeline before the stage
//! gain_out_db = 0.0     # -20..20, applied after it
//! threshold_db = -18.0  # the stage's own parameters follow
//! ratio = 2.5
//! ```

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::dsp::StageKind;
use crate::dsp::params::{ParamError, check_range};
use crate::dsp::stages::agc::AgcParams;
use crate::dsp::stages::compression::CompressionParams;
use crate::dsp::stages::conventional_denoising::ConventionalDenoisingParams;
use crate::dsp::stages::equalizer::EqualizerParams;
use crate::dsp::stages::limiter::LimiterParams;
use crate::dsp::stages::lufs_normalization::LufsNormalizationParams;
use crate::dsp::stages::noise_reduction::NoiseReductionParams;
use crate::dsp::stages::spectral_denoising::SpectralDenoisingParams;
use crate::dsp::stages::vad::VadParams;
use crate::dsp::stages::voice_enhancement::VoiceEnhancementParams;
use crate::dsp::stages::voice_filter::VoiceFilterParams;
use crate::{Error, Result};

/// The chain file format version this build reads and writes.
pub const CHAIN_VERSION: u32 = 1;

/// Keys every `[[stage]]` table has besides the stage's own parameters.
const COMMON_KEYS: [&str; 4] = ["type", "enabled", "gain_in_db", "gain_out_db"];

/// Declares [`StageParams`] over the stage parameter structs, with the per-kind plumbing.
macro_rules! stage_params {
    ($($kind:ident => $params:ty),* $(,)?) => {
        /// The typed parameters of one stage, one variant per stage kind.
        #[derive(Debug, Clone, PartialEq)]
        pub enum StageParams {
            $(
                #[allow(missing_docs)]
                $kind($params),
            )*
        }

        impl StageParams {
            /// The stage kind these parameters belong to.
            pub fn kind(&self) -> StageKind {
                match self {
                    $(StageParams::$kind(_) => StageKind::$kind,)*
                }
            }

            /// The default parameters for `kind`, or `None` when this build has no such stage.
            pub fn default_for(kind: StageKind) -> Option<StageParams> {
                match kind {
                    $(StageKind::$kind => Some(StageParams::$kind(<$params>::default())),)*
                    #[allow(unreachable_patterns)]
                    _ => None,
                }
            }

            /// Check the parameters against their ranges.
            pub fn validate(&self) -> std::result::Result<(), ParamError> {
                match self {
                    $(StageParams::$kind(p) => p.validate(),)*
                }
            }

            /// Parse the parameter keys of a `[[stage]]` table (the common keys removed).
            /// The error names the offending key when one is to blame.
            fn from_table(
                kind: StageKind,
                table: toml::Table,
            ) -> std::result::Result<StageParams, (Option<String>, String)> {
                match kind {
                    $(StageKind::$kind => parse_params::<$params>(table).map(StageParams::$kind),)*
                    #[allow(unreachable_patterns)]
                    _ => Err((None, format!("stage `{kind}` is not available in this build"))),
                }
            }

            /// The parameters as a TOML table (every key, defaults included).
            pub fn to_table(&self) -> toml::Table {
                let value = match self {
                    $(StageParams::$kind(p) => toml::Table::try_from(p),)*
                };
                value.expect("stage parameters serialize to TOML")
            }
        }
    };
}

stage_params! {
    Vad => VadParams,
    VoiceFilter => VoiceFilterParams,
    NoiseReduction => NoiseReductionParams,
    VoiceEnhancement => VoiceEnhancementParams,
    Equalizer => EqualizerParams,
    SpectralDenoising => SpectralDenoisingParams,
    ConventionalDenoising => ConventionalDenoisingParams,
    LufsNormalization => LufsNormalizationParams,
    Agc => AgcParams,
    Compression => CompressionParams,
    Limiter => LimiterParams,
}

/// Deserialize `P` from `table`, first key by key so an error names its key.
fn parse_params<P: serde::de::DeserializeOwned>(
    table: toml::Table,
) -> std::result::Result<P, (Option<String>, String)> {
    for (key, value) in &table {
        let mut one = toml::Table::new();
        one.insert(key.clone(), value.clone());
        if let Err(e) = P::deserialize(toml::Value::Table(one)) {
            return Err((Some(key.clone()), tidy_serde_message(&e.to_string())));
        }
    }
    P::deserialize(toml::Value::Table(table))
        .map_err(|e| (None, tidy_serde_message(&e.to_string())))
}

/// serde's messages say "field"; chain files have keys.
fn tidy_serde_message(msg: &str) -> String {
    // toml appends "\nin `key`" lines: the caller names the key itself.
    msg.trim()
        .lines()
        .next()
        .unwrap_or("")
        .replace("unknown field", "unknown key")
        .replace("missing field", "missing key")
}

/// One stage of the chain: its kind, switch, gains and parameters.
#[derive(Debug, Clone, PartialEq)]
pub struct StageEntry {
    /// Whether the stage runs (a disabled stage costs nothing and adds no latency).
    pub enabled: bool,
    /// Gain before the stage in dB (-20 to 20).
    pub gain_in_db: f64,
    /// Gain after the stage in dB (-20 to 20).
    pub gain_out_db: f64,
    /// The stage's typed parameters (which also say its kind).
    pub params: StageParams,
}

impl StageEntry {
    /// An enabled entry with unity gains.
    pub fn new(params: StageParams) -> Self {
        Self {
            enabled: true,
            gain_in_db: 0.0,
            gain_out_db: 0.0,
            params,
        }
    }

    /// The stage kind.
    pub fn kind(&self) -> StageKind {
        self.params.kind()
    }

    /// Check the gains and the parameters.
    pub fn validate(&self) -> std::result::Result<(), ParamError> {
        let name = self.kind().name();
        check_range(name, "gain_in_db", self.gain_in_db, -20.0, 20.0)?;
        check_range(name, "gain_out_db", self.gain_out_db, -20.0, 20.0)?;
        self.params.validate()
    }

    /// The entry as a `[[stage]]` table.
    pub fn to_table(&self) -> toml::Table {
        let mut t = toml::Table::new();
        t.insert("type".into(), self.kind().name().into());
        t.insert("enabled".into(), self.enabled.into());
        t.insert("gain_in_db".into(), self.gain_in_db.into());
        t.insert("gain_out_db".into(), self.gain_out_db.into());
        t.extend(self.params.to_table());
        t
    }

    /// Parse a `[[stage]]` table; the error names the key at fault when there is one.
    pub fn from_table(
        mut table: toml::Table,
    ) -> std::result::Result<StageEntry, (Option<String>, String)> {
        let kind = match table.remove("type") {
            None => return Err((None, "missing key `type` (the stage's name)".into())),
            Some(toml::Value::String(name)) => StageKind::from_name(&name).ok_or_else(|| {
                (
                    Some("type".to_string()),
                    format!(
                        "unknown stage `{name}` (expected one of: {})",
                        stage_names()
                    ),
                )
            })?,
            Some(other) => {
                return Err((
                    Some("type".into()),
                    format!("expected a stage name string, found {}", other.type_str()),
                ));
            }
        };
        let enabled = match table.remove("enabled") {
            None => true,
            Some(toml::Value::Boolean(b)) => b,
            Some(other) => {
                return Err((
                    Some("enabled".into()),
                    format!("expected true or false, found {}", other.type_str()),
                ));
            }
        };
        let mut gain = |key: &str| match table.remove(key) {
            None => Ok(0.0),
            Some(toml::Value::Float(f)) => Ok(f),
            Some(toml::Value::Integer(i)) => Ok(i as f64),
            Some(other) => Err((
                Some(key.to_string()),
                format!("expected a number of dB, found {}", other.type_str()),
            )),
        };
        let gain_in_db = gain("gain_in_db")?;
        let gain_out_db = gain("gain_out_db")?;
        let params = StageParams::from_table(kind, table).map_err(|(key, msg)| {
            let msg = if msg.starts_with("unknown key") {
                format!("{msg} (or one of: {})", COMMON_KEYS.join(", "))
            } else {
                msg
            };
            (key, msg)
        })?;
        Ok(StageEntry {
            enabled,
            gain_in_db,
            gain_out_db,
            params,
        })
    }
}

impl Serialize for StageEntry {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        self.to_table().serialize(s)
    }
}

impl<'de> Deserialize<'de> for StageEntry {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let table = toml::Table::deserialize(d)?;
        StageEntry::from_table(table).map_err(|(key, msg)| {
            serde::de::Error::custom(match key {
                Some(k) => format!("key `{k}`: {msg}"),
                None => msg,
            })
        })
    }
}

/// Every stage name this build knows, for error messages.
fn stage_names() -> String {
    StageKind::ALL
        .iter()
        .map(|k| k.name())
        .collect::<Vec<_>>()
        .join(", ")
}

/// An ordered chain of stages (the content of a chain file or of a preset).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChainConfig {
    /// Format version ([`CHAIN_VERSION`]).
    pub version: u32,
    /// The stages in processing order.
    #[serde(rename = "stage", default)]
    pub stages: Vec<StageEntry>,
}

impl Default for ChainConfig {
    /// Every stage of this build in chain order with its defaults;
    /// equalizer, spectral denoising and LUFS normalization disabled.
    fn default() -> Self {
        let stages = StageKind::ALL
            .into_iter()
            .filter_map(StageParams::default_for)
            .map(|params| {
                let enabled = !matches!(
                    params.kind(),
                    StageKind::Equalizer
                        | StageKind::SpectralDenoising
                        | StageKind::LufsNormalization
                );
                StageEntry {
                    enabled,
                    ..StageEntry::new(params)
                }
            })
            .collect();
        Self {
            version: CHAIN_VERSION,
            stages,
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawChain {
    version: Option<toml::Spanned<toml::Value>>,
    #[serde(default)]
    stage: Vec<toml::Spanned<toml::Table>>,
}

impl ChainConfig {
    /// Read and parse a chain file (see [`ChainConfig::from_toml_str`]).
    pub fn load(path: &Path) -> Result<ChainConfig> {
        let text = crate::text_file::read(path).map_err(|e| e.into_error("chain file", path))?;
        ChainConfig::from_toml_str(&text, &path.display().to_string())
    }

    /// Parse and validate a chain from TOML text. `origin` (a file name) starts every
    /// error message, followed by the line and key at fault where known.
    pub fn from_toml_str(text: &str, origin: &str) -> Result<ChainConfig> {
        let fail = |line: Option<usize>, msg: String| {
            Error::Invalid(match line {
                Some(l) => format!("{origin}: line {l}: {msg}"),
                None => format!("{origin}: {msg}"),
            })
        };
        let raw: RawChain = toml::from_str(text).map_err(|e| {
            let line = e.span().map(|s| line_of(text, s.start));
            fail(line, tidy_serde_message(e.message()))
        })?;
        let version = raw.version.ok_or_else(|| {
            fail(
                None,
                format!("missing `version = {CHAIN_VERSION}` at the top"),
            )
        })?;
        match version.get_ref() {
            toml::Value::Integer(v) if *v == i64::from(CHAIN_VERSION) => {}
            other => {
                return Err(fail(
                    Some(line_of(text, version.span().start)),
                    format!(
                        "unsupported chain version {other} (this orch reads version {CHAIN_VERSION})"
                    ),
                ));
            }
        }
        let mut stages = Vec::with_capacity(raw.stage.len());
        for (i, spanned) in raw.stage.into_iter().enumerate() {
            let span = spanned.span();
            let table_line = line_of(text, span.start);
            let entry = StageEntry::from_table(spanned.into_inner()).map_err(|(key, msg)| {
                let line = key
                    .as_deref()
                    .and_then(|k| key_line(text, span.clone(), k))
                    .unwrap_or(table_line);
                let what = match key {
                    Some(k) if !msg.contains(&format!("`{k}`")) => {
                        format!("stage #{}: key `{k}`: {msg}", i + 1)
                    }
                    _ => format!("stage #{}: {msg}", i + 1),
                };
                fail(Some(line), what)
            })?;
            if let Err(e) = entry.validate() {
                let top_key = e.param.split(['[', '.']).next().unwrap_or("").to_string();
                let line = key_line(text, span.clone(), &top_key).unwrap_or(table_line);
                return Err(fail(Some(line), e.to_string()));
            }
            stages.push(entry);
        }
        Ok(ChainConfig {
            version: CHAIN_VERSION,
            stages,
        })
    }

    /// The chain as TOML text (every parameter written out).
    pub fn to_toml_string(&self) -> String {
        let mut root = toml::Table::new();
        root.insert("version".into(), i64::from(self.version).into());
        root.insert(
            "stage".into(),
            toml::Value::Array(
                self.stages
                    .iter()
                    .map(|s| toml::Value::Table(s.to_table()))
                    .collect(),
            ),
        );
        toml::to_string(&root).expect("chain serializes to TOML")
    }

    /// Check every stage; collects all errors (one per line of the message).
    pub fn validate(&self) -> std::result::Result<(), Vec<ParamError>> {
        let errors: Vec<ParamError> = self
            .stages
            .iter()
            .filter_map(|s| s.validate().err())
            .collect();
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }

    /// [`ChainConfig::validate`] as a library error.
    pub fn check(&self) -> Result<()> {
        self.validate().map_err(|errs| {
            Error::Invalid(
                errs.iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("; "),
            )
        })
    }

    /// The first entry of `kind`, mutable.
    pub fn stage_mut(&mut self, kind: StageKind) -> Option<&mut StageEntry> {
        self.stages.iter_mut().find(|s| s.kind() == kind)
    }

    /// The first entry of `kind`.
    pub fn stage(&self, kind: StageKind) -> Option<&StageEntry> {
        self.stages.iter().find(|s| s.kind() == kind)
    }

    /// Disable every entry of `kind`; false when the chain has none.
    pub fn bypass(&mut self, kind: StageKind) -> bool {
        let mut found = false;
        for s in self.stages.iter_mut().filter(|s| s.kind() == kind) {
            s.enabled = false;
            found = true;
        }
        found
    }

    /// Enable the entries of `kind` and disable every other stage; when the chain has no
    /// entry of `kind`, one with default parameters is added. Errors when this build has
    /// no such stage.
    pub fn only(&mut self, kind: StageKind) -> Result<()> {
        if !self.stages.iter().any(|s| s.kind() == kind) {
            let params = StageParams::default_for(kind).ok_or_else(|| {
                Error::Invalid(format!("stage `{kind}` is not available in this build"))
            })?;
            self.stages.push(StageEntry::new(params));
        }
        for s in &mut self.stages {
            s.enabled = s.kind() == kind;
        }
        Ok(())
    }

    /// The kinds of the enabled stages, in order.
    pub fn enabled_kinds(&self) -> Vec<StageKind> {
        self.stages
            .iter()
            .filter(|s| s.enabled)
            .map(StageEntry::kind)
            .collect()
    }
}

/// 1-based line of byte offset `pos` in `text`.
fn line_of(text: &str, pos: usize) -> usize {
    text[..pos.min(text.len())].matches('\n').count() + 1
}

/// Line of the first `key =` (or `key.`/`[[stage.key]]`) of the stage table starting
/// at `span` in `text` (up to the next `[[stage]]`).
fn key_line(text: &str, span: std::ops::Range<usize>, key: &str) -> Option<usize> {
    if key.is_empty() {
        return None;
    }
    let start = span.start.min(text.len());
    let mut offset = start;
    for (i, line) in text[start..].split_inclusive('\n').enumerate() {
        if i > 0 && line.trim_start().starts_with("[[stage]]") {
            break;
        }
        let t = line.trim_start().trim_start_matches('[');
        let t = t.trim_start_matches("stage.");
        if let Some(rest) = t.strip_prefix(key)
            && rest.trim_start().starts_with(['=', '.', ']'])
        {
            return Some(line_of(text, offset));
        }
        offset += line.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_chain_is_in_spec_order_with_spec_switches() {
        let c = ChainConfig::default();
        let kinds: Vec<_> = c.stages.iter().map(StageEntry::kind).collect();
        assert_eq!(kinds, StageKind::ALL, "all 11 stages in spec order");
        assert!(c.stage(StageKind::ConventionalDenoising).unwrap().enabled);
        assert!(!c.stage(StageKind::SpectralDenoising).unwrap().enabled);
        assert!(!c.stage(StageKind::Equalizer).unwrap().enabled);
        assert!(!c.stage(StageKind::LufsNormalization).unwrap().enabled);
        assert!(c.stage(StageKind::Compression).unwrap().enabled);
        c.check().unwrap();
    }

    #[test]
    fn load_rejects_directories_and_binary_files_as_invalid() {
        let dir = tempfile::tempdir().unwrap();
        let e = ChainConfig::load(dir.path()).unwrap_err();
        assert!(matches!(e, Error::Invalid(_)), "{e}");
        assert!(e.to_string().contains("is a directory"), "{e}");
        let bin = dir.path().join("chain.toml");
        std::fs::write(&bin, [0xff, 0xfe, 0x00, 0x80]).unwrap();
        let e = ChainConfig::load(&bin).unwrap_err();
        assert!(matches!(e, Error::Invalid(_)), "{e}");
        assert!(e.to_string().contains("not UTF-8"), "{e}");
        let e = ChainConfig::load(&dir.path().join("missing.toml")).unwrap_err();
        assert!(matches!(e, Error::FileNotFound { .. }), "{e}");
    }

    #[test]
    fn toml_round_trip() {
        let c = ChainConfig::default();
        let text = c.to_toml_string();
        let back = ChainConfig::from_toml_str(&text, "x.toml").unwrap();
        assert_eq!(c, back);
        // And through JSON (the daemon's protocol).
        let json = serde_json::to_string(&c).unwrap();
        let back: ChainConfig = serde_json::from_str(&json).unwrap();
        assert_eq!(c, back);
    }

    #[test]
    fn parses_a_small_chain_with_integers_and_defaults() {
        let text = r#"
version = 1

[[stage]]
type = "equalizer"
preset = "voice_enhance"

[[stage]]
type = "compression"
gain_out_db = 3
threshold_db = -18
ratio = 2.5
"#;
        let c = ChainConfig::from_toml_str(text, "chain.toml").unwrap();
        assert_eq!(c.stages.len(), 2);
        assert!(c.stages[0].enabled);
        assert_eq!(c.stages[1].gain_out_db, 3.0);
        match &c.stages[1].params {
            StageParams::Compression(p) => {
                assert_eq!(p.threshold_db, -18.0);
                assert_eq!(p.ratio, 2.5);
                assert_eq!(p.attack_ms, 5.0);
            }
            other => panic!("{other:?}"),
        }
    }

    fn err(text: &str) -> String {
        ChainConfig::from_toml_str(text, "chain.toml")
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn errors_name_file_line_and_key() {
        let e = err("version = 1\n\n[[stage]]\ntype = \"compression\"\nratoi = 3\n");
        assert!(
            e.starts_with("chain.toml: line 5: stage #1: unknown key `ratoi`, expected one of"),
            "{e}"
        );
        let e = err("version = 1\n[[stage]]\ntype = \"compression\"\nratio = \"high\"\n");
        assert!(
            e.starts_with("chain.toml: line 4: stage #1: key `ratio`: invalid type"),
            "{e}"
        );
        let e = err("version = 1\n[[stage]]\ntype = \"compression\"\n\nratio = 0.5\n");
        assert_eq!(
            e,
            "chain.toml: line 5: stage `compression`: parameter `ratio` = 0.5 is invalid (allowed: 1 to 20)"
        );
        let e = err("version = 1\n[[stage]]\ntype = \"reverb\"\n");
        assert!(
            e.starts_with("chain.toml: line 3: stage #1: key `type`: unknown stage `reverb`"),
            "{e}"
        );
        let e = err("version = 1\nstages = []\n");
        assert!(
            e.starts_with("chain.toml: line 2: unknown key `stages`"),
            "{e}"
        );
        let e = err("[[stage]]\ntype = \"limiter\"\n");
        assert!(e.contains("missing `version = 1`"), "{e}");
        let e = err("version = 2\n");
        assert!(e.contains("line 1: unsupported chain version 2"), "{e}");
        let e = err("version = 1\n[[stage]]\ntype = \"limiter\"\ngain_in_db = 30\n");
        assert!(
            e.contains("line 4: stage `limiter`: parameter `gain_in_db` = 30"),
            "{e}"
        );
        let e = err(
            "version = 1\n[[stage]]\ntype = \"equalizer\"\n[[stage.bands]]\nfrequency_hz = 5\n",
        );
        assert!(e.contains("parameter `bands[0].frequency_hz` = 5"), "{e}");
        let e = err("version = 1\n[[stage]\n");
        assert!(e.starts_with("chain.toml: line 2:"), "{e}");
    }

    #[test]
    fn validate_collects_every_error() {
        let mut c = ChainConfig::default();
        c.stages[0].gain_in_db = 40.0;
        if let Some(StageEntry {
            params: StageParams::Limiter(p),
            ..
        }) = c.stage_mut(StageKind::Limiter)
        {
            p.release_ms = 0.0;
        }
        assert_eq!(c.validate().unwrap_err().len(), 2);
    }

    #[test]
    fn only_and_bypass() {
        let mut c = ChainConfig::default();
        c.only(StageKind::Equalizer).unwrap();
        assert_eq!(c.enabled_kinds(), vec![StageKind::Equalizer]);
        let mut c = ChainConfig::default();
        assert!(c.bypass(StageKind::Limiter));
        assert!(!c.enabled_kinds().contains(&StageKind::Limiter));
    }
}
