//! Reading the configuration: file, then environment, then validation.

use std::path::{Path, PathBuf};

use serde::Serialize;

use super::Config;
use crate::{Error, Result, paths};

/// Where the configuration came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// No file: built-in defaults (plus environment).
    Defaults,
    /// This file.
    File,
}

/// A loaded, validated configuration and where it came from.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The configuration.
    pub config: Config,
    /// The file that was read, or would be read if it existed.
    pub path: PathBuf,
    /// Whether the file existed.
    pub source: Source,
    /// The environment variables that overrode values.
    pub env_overrides: Vec<String>,
    /// `ORCH_*` variables that are no setting (a misspelling), each with the nearest
    /// known name: for the caller to warn about.
    pub warnings: Vec<String>,
}

/// Load the configuration. `explicit` is a `--config` flag value; without it `ORCH_CONFIG`
/// is used, then the default path. A missing default file means defaults; a missing
/// explicit file is an error.
pub fn load(explicit: Option<&Path>) -> Result<Loaded> {
    let env_file = std::env::var_os("ORCH_CONFIG")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from);
    let (path, required) = match explicit.map(Path::to_path_buf).or(env_file) {
        Some(p) => (p, true),
        None => (paths::default_config_file(), false),
    };
    load_file(&path, required)
}

/// Load `path` (defaults when it is missing and not `required`), apply the environment
/// and validate.
pub fn load_file(path: &Path, required: bool) -> Result<Loaded> {
    let (text, source) = match crate::text_file::read(path) {
        Ok(t) => (t, Source::File),
        Err(crate::text_file::ReadError::NotFound) if !required => {
            (String::new(), Source::Defaults)
        }
        Err(e) => return Err(e.into_error("config file", path)),
    };
    let vars: Vec<(String, String)> = std::env::vars()
        .filter(|(k, _)| k.starts_with("ORCH_"))
        .collect();
    let (config, env_overrides) = parse(&text, path, &vars)?;
    let warnings = vars
        .iter()
        .filter(|(name, _)| !env_overrides.contains(name))
        .filter_map(|(name, _)| unknown_variable(name))
        .collect();
    Ok(Loaded {
        config,
        path: path.to_path_buf(),
        source,
        env_overrides,
        warnings,
    })
}

/// Parse config text, overlay `ORCH_*` variables from `env`, validate. `path` only
/// names the file in errors.
pub fn parse(text: &str, path: &Path, env: &[(String, String)]) -> Result<(Config, Vec<String>)> {
    let file_err = |msg: String| Error::Config(format!("config {}: {msg}", path.display()));
    let mut table: toml::Table = toml::from_str(text).map_err(|e| file_err(describe(&e, text)))?;
    // Check the file alone first so its errors carry line numbers.
    let from_file: Config = toml::from_str(text).map_err(|e| file_err(describe(&e, text)))?;
    from_file.validate().map_err(|e| file_err(e.to_string()))?;

    let defaults = toml::Table::try_from(Config::default()).expect("defaults serialize");
    let mut overrides = Vec::new();
    for (name, value) in env {
        let Some((section, key)) = env_key(name, &defaults) else {
            continue;
        };
        let template = defaults.get(section).and_then(|s| s.get(key.as_str()));
        let parsed = env_value(template, value).ok_or_else(|| {
            Error::Config(format!(
                "environment {name}: `{value}` is not a valid {}",
                kind_name(template)
            ))
        })?;
        let sect = table
            .entry(section.to_string())
            .or_insert_with(|| toml::Value::Table(toml::Table::new()));
        if let toml::Value::Table(t) = sect {
            t.insert(key.clone(), parsed);
        }
        overrides.push(name.clone());
    }
    let config: Config = toml::Value::Table(table)
        .try_into()
        .map_err(|e: toml::de::Error| Error::Config(format!("environment: {}", e.message())))?;
    config
        .validate()
        .map_err(|e| Error::Config(format!("environment: {e}")))?;
    overrides.sort();
    Ok((config, overrides))
}

/// Settings with a short variable name (no section in it).
const SHORT_NAMES: &[(&str, &str, &str)] = &[
    ("ORCH_SOCKET", "daemon", "socket"),
    ("ORCH_DATA_DIR", "daemon", "data_dir"),
    ("ORCH_LOG_LEVEL", "daemon", "log_level"),
];

/// Map an environment variable to a (section, key), or None when it is not a setting.
fn env_key<'a>(name: &str, defaults: &'a toml::Table) -> Option<(&'a str, String)> {
    let short = SHORT_NAMES
        .iter()
        .find(|(n, _, _)| *n == name)
        .map(|&(_, s, k)| (s, k));
    if let Some((s, k)) = short {
        let (s, _) = defaults.get_key_value(s)?;
        return Some((s.as_str(), k.to_string()));
    }
    let rest = name.strip_prefix("ORCH_")?.to_ascii_lowercase();
    for section in defaults.keys() {
        if let Some(key) = rest.strip_prefix(&format!("{section}_"))
            && is_known_key(section, key)
        {
            return Some((section.as_str(), key.to_string()));
        }
    }
    None
}

/// `ORCH_*` variables orch reads besides the settings: the config file, what orchd
/// gives bots' programs, and the meeting program's own (`ORCH_MEET_*`), tests' and
/// benchmarks' knobs.
const OTHER_VARIABLES: &[&str] = &[
    "ORCH_CONFIG",
    "ORCH_BOT_ID",
    "ORCH_MEETING_URL",
    "ORCH_STARTED_BY",
];
const OTHER_PREFIXES: &[&str] = &["ORCH_MEET_", "ORCH_FUZZ_", "ORCH_BENCH_", "ORCH_TEST_"];

/// A warning for an `ORCH_*` variable that is neither a setting nor one of the others,
/// naming the nearest known variable.
fn unknown_variable(name: &str) -> Option<String> {
    let defaults = toml::Table::try_from(Config::default()).expect("defaults serialize");
    if env_key(name, &defaults).is_some()
        || OTHER_VARIABLES.contains(&name)
        || OTHER_PREFIXES.iter().any(|p| name.starts_with(p))
    {
        return None;
    }
    let mut known: Vec<String> = SHORT_NAMES
        .iter()
        .map(|(n, _, _)| n)
        .chain(OTHER_VARIABLES)
        .map(|s| s.to_string())
        .collect();
    for (section, table) in &defaults {
        if let Some(t) = table.as_table() {
            known.extend(
                t.keys()
                    .map(|k| format!("ORCH_{section}_{k}").to_uppercase()),
            );
        }
    }
    let nearest = known
        .iter()
        .map(|k| (edit_distance(name, k), k))
        .min_by_key(|(d, _)| *d)
        .filter(|(d, _)| *d <= 3)
        .map(|(_, k)| k);
    Some(match nearest {
        Some(k) => format!("environment {name} is not an orch setting (did you mean {k}?)"),
        None => format!("environment {name} is not an orch setting; it is ignored"),
    })
}

/// Levenshtein distance, by bytes (the names are ASCII).
fn edit_distance(a: &str, b: &str) -> usize {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, &ca) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != cb));
            diagonal = above;
        }
    }
    row[b.len()]
}

/// Keys that may be absent from the serialized defaults (options) still count.
fn is_known_key(section: &str, key: &str) -> bool {
    let defaults = toml::Table::try_from(Config::default()).expect("defaults serialize");
    defaults
        .get(section)
        .and_then(|s| s.as_table())
        .is_some_and(|t| t.contains_key(key))
        || (section == "daemon" && ["allowed_group", "retention_days"].contains(&key))
        || (section == "bots" && key == "meeting_program")
        || (section == "metrics" && key == "listen")
        || (section == "translation" && ["glossary", "url", "model", "api_key_env"].contains(&key))
        || (section == "transcription"
            && [
                "model",
                "language",
                "prompt",
                "api_key_env",
                "chunking",
                "command",
            ]
            .contains(&key))
}

fn env_value(template: Option<&toml::Value>, raw: &str) -> Option<toml::Value> {
    Some(match template {
        Some(toml::Value::Boolean(_)) => match raw.to_ascii_lowercase().as_str() {
            "1" | "true" | "yes" | "on" => toml::Value::Boolean(true),
            "0" | "false" | "no" | "off" => toml::Value::Boolean(false),
            _ => return None,
        },
        Some(toml::Value::Integer(_)) => toml::Value::Integer(raw.trim().parse().ok()?),
        Some(toml::Value::Table(_)) => return None,
        Some(toml::Value::Float(_)) => toml::Value::Float(raw.trim().parse().ok()?),
        _ => toml::Value::String(raw.to_string()),
    })
}

fn kind_name(template: Option<&toml::Value>) -> &'static str {
    match template {
        Some(toml::Value::Boolean(_)) => "boolean (true/false)",
        Some(toml::Value::Integer(_)) => "integer",
        Some(toml::Value::Float(_)) => "number",
        _ => "string",
    }
}

/// One line: `line N, key `k`: message`.
pub(crate) fn describe(e: &toml::de::Error, text: &str) -> String {
    let msg = e.message().trim().replace('\n', " ");
    match e.span() {
        Some(span) => {
            let line = text[..span.start.min(text.len())].matches('\n').count() + 1;
            let src = text.lines().nth(line - 1).unwrap_or("").trim();
            let key = src
                .split('=')
                .next()
                .map(str::trim)
                .filter(|k| !k.is_empty() && !k.starts_with('['));
            match key {
                Some(k) if src.contains('=') => format!("line {line}, key `{k}`: {msg}"),
                _ => format!("line {line}: {msg}"),
            }
        }
        None => msg,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(text: &str, env: &[(&str, &str)]) -> Result<(Config, Vec<String>)> {
        let env: Vec<(String, String)> = env
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        parse(text, Path::new("/etc/orch/config.toml"), &env)
    }

    #[test]
    fn empty_file_is_defaults() {
        let (c, o) = p("", &[]).unwrap();
        assert_eq!(c, Config::default());
        assert!(o.is_empty());
    }

    #[test]
    fn unknown_key_names_file_line_and_key() {
        let e = p("[daemon]\nlog_level = \"info\"\nsokcet = \"/tmp/x\"\n", &[])
            .unwrap_err()
            .to_string();
        assert!(
            e.starts_with("config /etc/orch/config.toml: line 3, key `sokcet`"),
            "{e}"
        );
        assert!(e.contains("unknown field"), "{e}");
    }

    #[test]
    fn wrong_type_and_range_are_rejected() {
        let e = p("[daemon]\nshutdown_timeout_s = \"ten\"\n", &[])
            .unwrap_err()
            .to_string();
        assert!(e.contains("line 2, key `shutdown_timeout_s`"), "{e}");
        let e = p("[daemon]\nshutdown_timeout_s = 0\n", &[])
            .unwrap_err()
            .to_string();
        assert!(e.contains("daemon.shutdown_timeout_s"), "{e}");
        assert!(p("[daemon]\nlog_level = \"loud\"\n", &[]).is_err());
    }

    #[test]
    fn environment_overrides_file() {
        let (c, o) = p(
            "[cli]\nautostart = true\n",
            &[
                ("ORCH_CLI_AUTOSTART", "false"),
                ("ORCH_SOCKET", "/tmp/s.sock"),
                ("ORCH_DAEMON_SHUTDOWN_TIMEOUT_S", "3"),
                ("ORCH_UNRELATED", "x"),
            ],
        )
        .unwrap();
        assert!(!c.cli.autostart);
        assert_eq!(c.daemon.socket, PathBuf::from("/tmp/s.sock"));
        assert_eq!(c.daemon.shutdown_timeout_s, 3);
        assert_eq!(o.len(), 3);
        let e = p("", &[("ORCH_CLI_AUTOSTART", "maybe")])
            .unwrap_err()
            .to_string();
        assert!(e.contains("ORCH_CLI_AUTOSTART"), "{e}");
    }

    #[test]
    fn defaults_round_trip_through_toml() {
        let text = Config::default().to_toml();
        let (c, _) = p(&text, &[]).unwrap();
        assert_eq!(c, Config::default());
    }

    #[test]
    fn a_misspelled_variable_is_named_with_the_nearest_setting() {
        let w = unknown_variable("ORCH_SOCKEET").unwrap();
        assert!(w.contains("did you mean ORCH_SOCKET?"), "{w}");
        let w = unknown_variable("ORCH_BOTS_MAX_CONCURENT").unwrap();
        assert!(w.contains("did you mean ORCH_BOTS_MAX_CONCURRENT?"), "{w}");
        assert!(
            unknown_variable("ORCH_ZZZZZZZZZZZZZZZZZZZ")
                .unwrap()
                .contains("ignored")
        );
        for fine in [
            "ORCH_SOCKET",
            "ORCH_CONFIG",
            "ORCH_BOTS_MAX_CONCURRENT",
            "ORCH_MEET_NAME",
        ] {
            assert_eq!(unknown_variable(fine), None, "{fine}");
        }
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }
}
