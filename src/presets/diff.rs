//! Parameter-level difference of two chains: stages added or removed, a changed order,
//! and for each stage present in both its switch, gains and every differing parameter
//! (list entries compared element by element: `bands[2].gain_db`).
//!
//! Stages are matched by kind and occurrence (the second `equalizer` of A with the
//! second of B); such a stage is shown as `equalizer#2`.

use serde::Serialize;

use crate::dsp::StageKind;
use crate::dsp::chain::{ChainConfig, StageEntry};

/// What kind of difference a [`Difference`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    /// The stage is only in B.
    Added,
    /// The stage is only in A.
    Removed,
    /// The stages both chains have are in another order (`param` is `order`).
    Reordered,
    /// A value differs (`enabled`, a gain or a parameter).
    Changed,
}

/// One difference between chain A and chain B.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Difference {
    /// The stage (`compression`, `equalizer#2`), or `chain` for the order.
    pub stage: String,
    /// The parameter path (`ratio`, `bands[0].gain_db`, `enabled`, `gain_in_db`), or
    /// `stage` for an added or removed stage, `order` for a new order.
    pub param: String,
    /// What changed.
    pub change: Change,
    /// The value in A (`null` when A has none).
    pub a: Option<serde_json::Value>,
    /// The value in B (`null` when B has none).
    pub b: Option<serde_json::Value>,
}

/// The stage labels of a chain: `kind`, or `kind#n` for the n-th entry of a kind.
fn labels(chain: &ChainConfig) -> Vec<(String, StageKind, usize)> {
    let mut seen: Vec<StageKind> = Vec::new();
    chain
        .stages
        .iter()
        .map(|s| {
            let k = s.kind();
            seen.push(k);
            let n = seen.iter().filter(|&&x| x == k).count();
            let label = if n == 1 {
                k.name().to_string()
            } else {
                format!("{}#{n}", k.name())
            };
            (label, k, n)
        })
        .collect()
}

/// Flatten a TOML value into `path → JSON value` pairs (tables by key, arrays by index).
fn flatten(prefix: &str, value: &toml::Value, out: &mut Vec<(String, serde_json::Value)>) {
    match value {
        toml::Value::Table(t) => {
            for (k, v) in t {
                let p = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                flatten(&p, v, out);
            }
        }
        toml::Value::Array(items) => {
            if items.is_empty() {
                out.push((prefix.to_string(), serde_json::Value::Array(Vec::new())));
            }
            for (i, v) in items.iter().enumerate() {
                flatten(&format!("{prefix}[{i}]"), v, out);
            }
        }
        other => out.push((
            prefix.to_string(),
            serde_json::to_value(other).unwrap_or(serde_json::Value::Null),
        )),
    }
}

fn entry_values(e: &StageEntry) -> Vec<(String, serde_json::Value)> {
    let mut t = e.to_table();
    t.remove("type");
    let mut out = Vec::new();
    // Switch and gains first, then the parameters in their own order.
    for key in ["enabled", "gain_in_db", "gain_out_db"] {
        if let Some(v) = t.remove(key) {
            flatten(key, &v, &mut out);
        }
    }
    flatten("", &toml::Value::Table(e.params.to_table()), &mut out);
    out
}

/// The parameters of `entry` that differ from its stage's defaults, as `path → value`
/// (switch and gains not included).
pub fn changed_from_default(entry: &StageEntry) -> Vec<(String, serde_json::Value)> {
    let Some(defaults) = crate::dsp::chain::StageParams::default_for(entry.kind()) else {
        return Vec::new();
    };
    let mut mine = Vec::new();
    flatten("", &toml::Value::Table(entry.params.to_table()), &mut mine);
    let mut base = Vec::new();
    flatten("", &toml::Value::Table(defaults.to_table()), &mut base);
    mine.into_iter()
        .filter(|(p, v)| !base.iter().any(|(q, w)| q == p && w == v))
        .collect()
}

/// Every difference from chain `a` to chain `b` (empty when they are the same).
pub fn diff(a: &ChainConfig, b: &ChainConfig) -> Vec<Difference> {
    let la = labels(a);
    let lb = labels(b);
    let mut out = Vec::new();
    let stage_list = |c: &ChainConfig| {
        serde_json::Value::String(
            c.stages
                .iter()
                .map(|s| s.kind().name())
                .collect::<Vec<_>>()
                .join(" > "),
        )
    };
    let common_a: Vec<&String> = la
        .iter()
        .filter(|(l, ..)| lb.iter().any(|(m, ..)| m == l))
        .map(|(l, ..)| l)
        .collect();
    let common_b: Vec<&String> = lb
        .iter()
        .filter(|(l, ..)| la.iter().any(|(m, ..)| m == l))
        .map(|(l, ..)| l)
        .collect();
    if common_a != common_b {
        out.push(Difference {
            stage: "chain".into(),
            param: "order".into(),
            change: Change::Reordered,
            a: Some(stage_list(a)),
            b: Some(stage_list(b)),
        });
    }
    for (i, (label, ..)) in la.iter().enumerate() {
        match lb.iter().position(|(m, ..)| m == label) {
            None => out.push(Difference {
                stage: label.clone(),
                param: "stage".into(),
                change: Change::Removed,
                a: Some(serde_json::Value::from(format!("position {}", i + 1))),
                b: None,
            }),
            Some(j) => {
                let va = entry_values(&a.stages[i]);
                let vb = entry_values(&b.stages[j]);
                for (path, x) in &va {
                    match vb.iter().find(|(p, _)| p == path) {
                        Some((_, y)) if y == x => {}
                        found => out.push(Difference {
                            stage: label.clone(),
                            param: path.clone(),
                            change: Change::Changed,
                            a: Some(x.clone()),
                            b: found.map(|(_, y)| y.clone()),
                        }),
                    }
                }
                for (path, y) in &vb {
                    if !va.iter().any(|(p, _)| p == path) {
                        out.push(Difference {
                            stage: label.clone(),
                            param: path.clone(),
                            change: Change::Changed,
                            a: None,
                            b: Some(y.clone()),
                        });
                    }
                }
            }
        }
    }
    for (j, (label, ..)) in lb.iter().enumerate() {
        if !la.iter().any(|(m, ..)| m == label) {
            out.push(Difference {
                stage: label.clone(),
                param: "stage".into(),
                change: Change::Added,
                a: None,
                b: Some(serde_json::Value::from(format!("position {}", j + 1))),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::presets::apply_overrides;
    use crate::presets::builtin::builtin;
    use serde_json::json;

    #[test]
    fn same_chain_has_no_differences() {
        let c = ChainConfig::default();
        assert!(diff(&c, &c).is_empty());
    }

    #[test]
    fn parameters_switches_and_gains() {
        let a = builtin("default").unwrap().chain;
        let b = builtin("voice").unwrap().chain;
        let d = diff(&a, &b);
        let find = |s: &str, p: &str| d.iter().find(|x| x.stage == s && x.param == p).cloned();
        let r = find("compression", "ratio").unwrap();
        assert_eq!((r.a, r.b), (Some(json!(3.0)), Some(json!(2.5))));
        assert!(find("voice_enhancement", "presence_boost").is_some());
        assert!(find("limiter", "threshold_db").is_none());
        let mut c = a.clone();
        apply_overrides(
            &mut c,
            &[
                "agc.enabled=false".into(),
                "limiter.gain_in_db=-3".into(),
                "equalizer.bands[2].gain_db=4".into(),
            ],
        )
        .unwrap();
        let d = diff(&a, &c);
        let params: Vec<(&str, &str)> = d
            .iter()
            .map(|x| (x.stage.as_str(), x.param.as_str()))
            .collect();
        assert_eq!(
            params,
            vec![
                ("equalizer", "bands[2].gain_db"),
                ("agc", "enabled"),
                ("limiter", "gain_in_db"),
            ]
        );
        assert!(d.iter().all(|x| x.change == Change::Changed));
    }

    #[test]
    fn changes_from_defaults() {
        let voice = builtin("voice").unwrap().chain;
        let c = changed_from_default(voice.stage(StageKind::Compression).unwrap());
        assert_eq!(
            c,
            vec![
                ("ratio".to_string(), json!(2.5)),
                ("threshold_db".to_string(), json!(-18.0))
            ]
        );
        assert!(changed_from_default(voice.stage(StageKind::Limiter).unwrap()).is_empty());
    }

    #[test]
    fn added_removed_and_reordered_stages() {
        let a = ChainConfig::default();
        let mut b = a.clone();
        let limiter = b.stages.pop().unwrap();
        b.stages.insert(0, limiter);
        b.stages.retain(|s| s.kind() != StageKind::Vad);
        let eq = b.stage(StageKind::Equalizer).unwrap().clone();
        b.stages.push(eq);
        let d = diff(&a, &b);
        let order = d.iter().find(|x| x.change == Change::Reordered).unwrap();
        assert_eq!(order.stage, "chain");
        assert!(
            d.iter()
                .any(|x| x.stage == "vad" && x.change == Change::Removed)
        );
        assert!(
            d.iter()
                .any(|x| x.stage == "equalizer#2" && x.change == Change::Added)
        );
        // Nothing else: the common stages are identical.
        assert_eq!(d.len(), 3, "{d:?}");
    }
}
