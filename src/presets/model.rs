//! The preset model: a named, described, categorised chain; name validation; and
//! `--set stage.param=value` overrides checked against each stage's ranges.

use serde::{Deserialize, Serialize};

use crate::dsp::StageKind;
use crate::dsp::chain::{ChainConfig, StageEntry};
use crate::{Error, Result};

/// Longest preset name.
pub const MAX_NAME_LEN: usize = 64;
/// Longest category.
pub const MAX_CATEGORY_LEN: usize = 32;
/// Longest description.
pub const MAX_DESCRIPTION_LEN: usize = 500;
/// Category of a user preset when none is given.
pub const DEFAULT_CATEGORY: &str = "user";

/// A complete DSP chain with a name, a description and a category.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Preset {
    /// `[a-z0-9][a-z0-9_-]{0,63}`.
    pub name: String,
    /// One line for humans.
    pub description: String,
    /// A grouping such as `voice`, `music`, `broadcast` (same syntax as names, 32 max).
    pub category: String,
    /// Shipped with orch (read-only) rather than stored by the user.
    pub builtin: bool,
    /// The stages, their order, switches, gains and parameters.
    pub chain: ChainConfig,
}

impl Preset {
    /// Check the name, category, description and every stage of the chain.
    pub fn validate(&self) -> Result<()> {
        validate_name(&self.name)?;
        validate_category(&self.category)?;
        validate_description(&self.description)?;
        self.chain
            .check()
            .map_err(|e| Error::Invalid(format!("preset `{}`: {e}", self.name)))
    }

    /// The kinds of the enabled stages, in order.
    pub fn enabled_stages(&self) -> Vec<StageKind> {
        self.chain.enabled_kinds()
    }
}

fn is_slug(s: &str, max: usize) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_lowercase() || c.is_ascii_digit())
        && s.len() <= max
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-')
}

/// Check a preset name: 1 to 64 of `a-z 0-9 _ -`, starting with a letter or digit.
pub fn validate_name(name: &str) -> Result<()> {
    if is_slug(name, MAX_NAME_LEN) {
        Ok(())
    } else {
        Err(Error::Invalid(format!(
            "preset name `{name}` is invalid: use 1 to {MAX_NAME_LEN} lowercase letters, \
             digits, `_` or `-`, starting with a letter or digit"
        )))
    }
}

/// Check a category: like a name, at most 32 characters.
pub fn validate_category(category: &str) -> Result<()> {
    if is_slug(category, MAX_CATEGORY_LEN) {
        Ok(())
    } else {
        Err(Error::Invalid(format!(
            "category `{category}` is invalid: use 1 to {MAX_CATEGORY_LEN} lowercase letters, \
             digits, `_` or `-`, starting with a letter or digit"
        )))
    }
}

/// Check a description: one line, at most 500 characters.
pub fn validate_description(description: &str) -> Result<()> {
    if description.chars().count() > MAX_DESCRIPTION_LEN {
        return Err(Error::Invalid(format!(
            "description is too long ({} characters, at most {MAX_DESCRIPTION_LEN})",
            description.chars().count()
        )));
    }
    if description.chars().any(char::is_control) {
        return Err(Error::Invalid(
            "description must be one line without control characters".into(),
        ));
    }
    Ok(())
}

/// One step of a parameter path: a key or a list index (`bands[2].gain_db`).
#[derive(Debug, Clone, PartialEq)]
enum Step {
    Key(String),
    Index(usize),
}

fn parse_path(path: &str) -> Option<Vec<Step>> {
    let mut steps = Vec::new();
    for part in path.split('.') {
        let (key, mut rest) = match part.find('[') {
            Some(i) => (&part[..i], &part[i..]),
            None => (part, ""),
        };
        if key.is_empty() {
            return None;
        }
        steps.push(Step::Key(key.to_string()));
        while let Some(r) = rest.strip_prefix('[') {
            let end = r.find(']')?;
            steps.push(Step::Index(r[..end].parse().ok()?));
            rest = &r[end + 1..];
        }
        if !rest.is_empty() {
            return None;
        }
    }
    Some(steps)
}

/// A parsed `--set stage.param=value`.
#[derive(Debug, Clone, PartialEq)]
pub struct Override {
    /// The stage (the first entry of this kind in the chain is changed).
    pub stage: StageKind,
    /// The parameter path inside the stage: `ratio`, `enabled`, `gain_in_db`,
    /// `bands[0].gain_db`.
    pub param: String,
    /// The value as written; typed from the parameter it replaces.
    pub value: String,
}

impl Override {
    /// Parse `stage.param=value`.
    pub fn parse(text: &str) -> Result<Override> {
        let bad = |why: String| Error::Invalid(format!("--set `{text}`: {why}"));
        let (lhs, value) = text
            .split_once('=')
            .ok_or_else(|| bad("expected stage.param=value".into()))?;
        let (stage, param) = lhs
            .trim()
            .split_once('.')
            .ok_or_else(|| bad("expected stage.param=value".into()))?;
        let stage = StageKind::from_name(stage).ok_or_else(|| {
            let names: Vec<&str> = StageKind::ALL.iter().map(|k| k.name()).collect();
            bad(format!(
                "unknown stage `{stage}` (one of: {})",
                names.join(", ")
            ))
        })?;
        if parse_path(param).is_none() {
            return Err(bad(format!(
                "`{param}` is not a parameter path (like `ratio` or `bands[0].gain_db`)"
            )));
        }
        Ok(Override {
            stage,
            param: param.to_string(),
            value: value.trim().to_string(),
        })
    }

    /// Apply to the first entry of the stage in `chain`. The value takes the type of the
    /// parameter it replaces; the stage's parameters are re-parsed (not yet range-checked:
    /// see [`apply_overrides`]).
    fn apply(&self, chain: &mut ChainConfig) -> Result<()> {
        let bad = |why: String| {
            Error::Invalid(format!(
                "--set {}.{}={}: {why}",
                self.stage, self.param, self.value
            ))
        };
        let entry = chain.stage_mut(self.stage).ok_or_else(|| {
            bad(format!(
                "the chain has no `{}` stage (add it to a chain file and import that)",
                self.stage
            ))
        })?;
        let steps = parse_path(&self.param).expect("checked by parse");
        if steps == [Step::Key("type".into())] {
            return Err(bad("a stage's type cannot be changed".into()));
        }
        let mut table = entry.to_table();
        let known: Vec<String> = table.keys().filter(|k| *k != "type").cloned().collect();
        let mut slot: &mut toml::Value = {
            let Step::Key(first) = &steps[0] else {
                unreachable!("paths start with a key")
            };
            table.get_mut(first).ok_or_else(|| {
                bad(format!(
                    "stage `{}` has no parameter `{first}` (parameters: {})",
                    self.stage,
                    known.join(", ")
                ))
            })?
        };
        let mut walked = match &steps[0] {
            Step::Key(k) => k.clone(),
            Step::Index(_) => unreachable!(),
        };
        for step in &steps[1..] {
            slot = match (step, slot) {
                (Step::Index(i), toml::Value::Array(items)) => {
                    let n = items.len();
                    items.get_mut(*i).ok_or_else(|| {
                        bad(format!(
                            "`{walked}` has {n} entries (index 0 to {})",
                            n.saturating_sub(1)
                        ))
                    })?
                }
                (Step::Key(k), toml::Value::Table(t)) => {
                    let keys: Vec<String> = t.keys().cloned().collect();
                    t.get_mut(k).ok_or_else(|| {
                        bad(format!(
                            "`{walked}` has no key `{k}` (keys: {})",
                            keys.join(", ")
                        ))
                    })?
                }
                (Step::Index(_), _) => return Err(bad(format!("`{walked}` is not a list"))),
                (Step::Key(_), _) => return Err(bad(format!("`{walked}` has no keys"))),
            };
            walked = match step {
                Step::Key(k) => format!("{walked}.{k}"),
                Step::Index(i) => format!("{walked}[{i}]"),
            };
        }
        let raw = self.value.as_str();
        *slot = match slot {
            toml::Value::Boolean(_) => match raw {
                "true" => toml::Value::Boolean(true),
                "false" => toml::Value::Boolean(false),
                _ => return Err(bad("expected true or false".into())),
            },
            toml::Value::Integer(_) => toml::Value::Integer(
                raw.parse()
                    .map_err(|_| bad("expected a whole number".into()))?,
            ),
            toml::Value::Float(_) => {
                let v: f64 = raw.parse().map_err(|_| bad("expected a number".into()))?;
                if !v.is_finite() {
                    return Err(bad("expected a finite number".into()));
                }
                toml::Value::Float(v)
            }
            toml::Value::String(_) => toml::Value::String(raw.to_string()),
            toml::Value::Array(_) => {
                return Err(bad(format!(
                    "`{walked}` is a list: set one entry's key, like `{}.{walked}[0].gain_db=3`",
                    self.stage
                )));
            }
            _ => {
                return Err(bad(format!(
                    "`{walked}` cannot be set from the command line"
                )));
            }
        };
        let new = StageEntry::from_table(table).map_err(|(_, msg)| bad(msg))?;
        *entry = new;
        Ok(())
    }
}

/// Apply `stage.param=value` overrides in order, then check every stage's ranges. The
/// chain is left unchanged when any override is refused.
pub fn apply_overrides(chain: &mut ChainConfig, sets: &[String]) -> Result<()> {
    let mut work = chain.clone();
    for text in sets {
        Override::parse(text)?.apply(&mut work)?;
    }
    work.check()?;
    *chain = work;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dsp::chain::StageParams;

    #[test]
    fn names() {
        for ok in ["a", "voice", "my-voice_2", "0x", &"a".repeat(64)] {
            validate_name(ok).unwrap();
        }
        for bad in ["", "Voice", "_a", "-a", "a b", "a.b", "é", &"a".repeat(65)] {
            let e = validate_name(bad).unwrap_err();
            assert_eq!(e.exit_code(), crate::ExitCode::Invalid);
            assert!(e.to_string().contains(&format!("`{bad}`")), "{e}");
        }
        validate_category("real_time").unwrap();
        assert!(validate_category(&"c".repeat(33)).is_err());
        assert!(validate_description("two\nlines").is_err());
    }

    fn set(chain: &mut ChainConfig, sets: &[&str]) -> Result<()> {
        let sets: Vec<String> = sets.iter().map(|s| s.to_string()).collect();
        apply_overrides(chain, &sets)
    }

    #[test]
    fn overrides_take_the_parameter_type() {
        let mut c = ChainConfig::default();
        set(
            &mut c,
            &[
                "compression.ratio=4",
                "compression.mode=hard_knee",
                "limiter.soft_clip=false",
                "vad.aggressiveness=3",
                "agc.enabled=false",
                "agc.gain_out_db=-2.5",
                "equalizer.bands[1].gain_db=3",
                "equalizer.bands[1].enabled=true",
                "equalizer.preset=voice_enhance",
            ],
        )
        .unwrap();
        let Some(StageEntry {
            params: StageParams::Compression(p),
            ..
        }) = c.stage(StageKind::Compression)
        else {
            panic!()
        };
        assert_eq!(p.ratio, 4.0);
        assert_eq!(format!("{:?}", p.mode), "HardKnee");
        let agc = c.stage(StageKind::Agc).unwrap();
        assert!(!agc.enabled);
        assert_eq!(agc.gain_out_db, -2.5);
        let Some(StageEntry {
            params: StageParams::Equalizer(eq),
            ..
        }) = c.stage(StageKind::Equalizer)
        else {
            panic!()
        };
        assert_eq!(eq.bands[1].gain_db, 3.0);
        assert!(eq.bands[1].enabled);
    }

    #[test]
    fn bad_overrides_are_refused_and_change_nothing() {
        let cases = [
            (
                "compression.ratio=0.5",
                "stage `compression`: parameter `ratio` = 0.5 is invalid (allowed: 1 to 20)",
            ),
            (
                "compression.ratio=high",
                "--set compression.ratio=high: expected a number",
            ),
            (
                "compression.ratoi=2",
                "stage `compression` has no parameter `ratoi`",
            ),
            ("reverb.mix=1", "unknown stage `reverb`"),
            ("compression=1", "expected stage.param=value"),
            ("compression.ratio", "expected stage.param=value"),
            ("compression.mode=loud", "unknown variant `loud`"),
            ("limiter.soft_clip=1", "expected true or false"),
            ("vad.aggressiveness=2.5", "expected a whole number"),
            (
                "equalizer.bands[9].gain_db=1",
                "`bands` has 5 entries (index 0 to 4)",
            ),
            ("equalizer.bands=1", "is a list"),
            ("equalizer.type=vad", "cannot be changed"),
            (
                "agc.gain_in_db=30",
                "parameter `gain_in_db` = 30 is invalid (allowed: -20 to 20)",
            ),
            ("compression.ratio=nan", "finite"),
        ];
        for (text, want) in cases {
            let mut c = ChainConfig::default();
            let before = c.clone();
            let e = set(&mut c, &["compression.ratio=5", text]).unwrap_err();
            assert!(e.to_string().contains(want), "{text}: {e}");
            assert_eq!(e.exit_code(), crate::ExitCode::Invalid);
            assert_eq!(c, before, "{text} changed the chain");
        }
        // A stage the chain does not have.
        let mut c = ChainConfig::default();
        c.stages
            .retain(|e| e.kind() != crate::dsp::StageKind::ConventionalDenoising);
        let before = c.clone();
        let e = set(&mut c, &["conventional_denoising.strength=1"]).unwrap_err();
        assert!(
            e.to_string()
                .contains("the chain has no `conventional_denoising` stage"),
            "{e}"
        );
        assert_eq!(c, before);
    }

    #[test]
    fn cross_parameter_checks_see_all_overrides() {
        let mut c = ChainConfig::default();
        // Raising min above the old max is fine when max is raised in the same call.
        set(
            &mut c,
            &["vad.voice_freq_min_hz=400", "vad.voice_freq_max_hz=900"],
        )
        .unwrap();
    }
}
