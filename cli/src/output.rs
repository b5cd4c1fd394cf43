//! Everything the CLI prints: JSON or human tables on stdout, one-line errors on stderr.

use std::io::{IsTerminal, Write};

use serde::Serialize;

use crate::cli::{ColorChoice, GlobalArgs};

/// How to print: JSON or human, quiet or not, with or without colour.
#[derive(Debug, Clone, Copy)]
pub struct Output {
    /// Print one JSON object per command (NDJSON for streams).
    pub json: bool,
    /// Print nothing but errors and requested data.
    pub quiet: bool,
    /// Use ANSI colours on stdout.
    pub color: bool,
}

impl Output {
    /// Decide from the global flags and the environment (`NO_COLOR`).
    pub fn new(global: &GlobalArgs) -> Self {
        let color = match global.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                    && std::io::stdout().is_terminal()
            }
        };
        Self {
            json: global.json,
            quiet: global.quiet,
            color,
        }
    }

    /// Print a value as one line of JSON on stdout.
    pub fn json<T: Serialize>(&self, value: &T) {
        let line = serde_json::to_string(value).expect("output values serialize");
        let mut stdout = std::io::stdout().lock();
        let _ = writeln!(stdout, "{line}");
        let _ = stdout.flush();
    }

    /// Print the data a command was asked for on stdout, `--quiet` or not: with it,
    /// commands print just this (ids, names, the report), one item per line.
    pub fn data(&self, text: impl AsRef<str>) {
        let mut stdout = std::io::stdout().lock();
        let _ = writeln!(stdout, "{}", text.as_ref());
    }

    /// Print human text on stdout (nothing with `--quiet`).
    pub fn text(&self, text: impl AsRef<str>) {
        if !self.quiet {
            let mut stdout = std::io::stdout().lock();
            let _ = writeln!(stdout, "{}", text.as_ref());
        }
    }

    /// Print a note on stderr (nothing with `--quiet` or `--json`).
    pub fn note(&self, text: impl AsRef<str>) {
        if !self.quiet && !self.json {
            eprintln!("{}", text.as_ref());
        }
    }

    /// Print a warning on stderr: always one line, JSON with `--json`.
    pub fn warn(&self, text: impl AsRef<str>) {
        if self.json {
            eprintln!("{}", serde_json::json!({"warning": text.as_ref()}));
        } else if !self.quiet {
            eprintln!("orch: warning: {}", text.as_ref());
        }
    }

    /// Print an error on stderr: one line, a JSON object with `--json`.
    pub fn error(&self, e: &orch::Error) {
        if self.json {
            eprintln!(
                "{}",
                serde_json::json!({"error": e.to_string(), "exit_code": e.exit_code().code()})
            );
        } else {
            eprintln!("orch: error: {e}");
        }
    }

    /// Bold text when colour is on.
    pub fn bold(&self, s: &str) -> String {
        if self.color {
            format!("\x1b[1m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
}

/// Text from the daemon (names, sources, details, log lines) made safe for a terminal:
/// control characters are shown escaped (`\u{1b}`), never sent raw.
pub fn printable(s: &str) -> String {
    if !s.chars().any(char::is_control) {
        return s.to_string();
    }
    s.chars()
        .map(|c| {
            if c.is_control() {
                c.escape_default().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// A table with aligned columns and no borders, for human output.
pub fn table(header: &[&str]) -> comfy_table::Table {
    let mut t = comfy_table::Table::new();
    t.load_preset(comfy_table::presets::NOTHING);
    t.set_content_arrangement(comfy_table::ContentArrangement::Disabled);
    t.set_header(header.iter().map(|h| h.to_uppercase()));
    t
}

/// Key/value lines with the keys padded to one width.
pub fn key_values(rows: &[(&str, String)]) -> String {
    let width = rows.iter().map(|(k, _)| k.len()).max().unwrap_or(0);
    rows.iter()
        .map(|(k, v)| format!("{k:<width$}  {v}"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::printable;

    #[test]
    fn control_characters_are_escaped() {
        assert_eq!(printable("plain name"), "plain name");
        assert_eq!(printable("a\x1b[31mred\n"), "a\\u{1b}[31mred\\n");
        assert!(!printable("\x07\x1b\r\t").chars().any(char::is_control));
    }
}
