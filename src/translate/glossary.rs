//! A glossary: terms every engine must keep as they are (names, products) or translate
//! one fixed way. Before a line goes to an engine each term is swapped for a placeholder
//! the engines pass through untouched (`ZQX0`, `ZQX1`, ...: an unknown word to Apertium,
//! an opaque token to neural engines); afterwards each placeholder is swapped back for the
//! term as written in the line, or for its fixed translation.
//!
//! Terms match whole words, ignoring ASCII case; longer terms win over shorter ones.
//!
//! ```toml
//! keep = ["orch", "Acme Cloud"]      # never translated, in any language
//!
//! [translate.es]                     # fixed translations into Spanish
//! "meeting notes" = "acta"
//! ```

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::Lang;

/// The placeholder prefix; a placeholder is this followed by the term's index.
pub(super) const MARK: &str = "ZQX";

/// A glossary file that cannot be used; the message names the file, line and key.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("glossary {}: {message}", path.display())]
pub struct GlossaryError {
    pub path: PathBuf,
    pub message: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    keep: Vec<String>,
    #[serde(default)]
    translate: BTreeMap<String, BTreeMap<String, String>>,
}

/// A loaded glossary.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Glossary {
    keep: Vec<String>,
    /// Target language code -> (term, fixed translation).
    fixed: BTreeMap<String, Vec<(String, String)>>,
}

/// A line with its glossary terms swapped for placeholders, ready for an engine.
#[derive(Debug, Clone, PartialEq)]
pub struct Protected {
    /// The text to send to the engine.
    pub text: String,
    /// What each placeholder stands for in the translation, by index.
    slots: Vec<String>,
}

impl Glossary {
    /// Read and check a glossary file.
    pub fn load(path: &Path) -> Result<Glossary, GlossaryError> {
        let text = crate::text_file::read(path).map_err(|e| GlossaryError {
            path: path.to_path_buf(),
            message: e.into_error("glossary", path).to_string(),
        })?;
        Glossary::parse(&text, path)
    }

    /// Parse glossary text; `path` only names the file in errors.
    pub fn parse(text: &str, path: &Path) -> Result<Glossary, GlossaryError> {
        let err = |message: String| GlossaryError {
            path: path.to_path_buf(),
            message,
        };
        let file: File =
            toml::from_str(text).map_err(|e| err(crate::config::describe_toml_error(&e, text)))?;
        let check = |key: &str, term: &str| -> Result<(), GlossaryError> {
            if term.trim().is_empty() || term.trim() != term {
                return Err(err(format!(
                    "key `{key}`: term `{term}` is empty or has spaces around it"
                )));
            }
            if term.to_ascii_uppercase().contains(MARK) {
                return Err(err(format!(
                    "key `{key}`: term `{term}` contains `{MARK}`, which marks placeholders"
                )));
            }
            Ok(())
        };
        for term in &file.keep {
            check("keep", term)?;
        }
        let mut fixed = BTreeMap::new();
        for (lang, terms) in file.translate {
            let l = Lang::parse(&lang).map_err(|e| err(format!("key `translate.{lang}`: {e}")))?;
            let mut list = Vec::new();
            for (term, to) in terms {
                check(&format!("translate.{lang}"), &term)?;
                if to.trim().is_empty() {
                    return Err(err(format!(
                        "key `translate.{lang}.{term}`: the translation is empty"
                    )));
                }
                list.push((term, to));
            }
            fixed.insert(l.code().to_string(), list);
        }
        Ok(Glossary {
            keep: file.keep,
            fixed,
        })
    }

    /// Whether the glossary has no terms at all.
    pub fn is_empty(&self) -> bool {
        self.keep.is_empty() && self.fixed.values().all(Vec::is_empty)
    }

    /// Swap the terms of `text` for placeholders, for a translation into `to`.
    pub fn protect(&self, text: &str, to: &Lang) -> Protected {
        // (term, Some(fixed translation) | None = keep as written); longest first.
        let mut terms: Vec<(&str, Option<&str>)> = self
            .fixed
            .get(to.code())
            .into_iter()
            .flatten()
            .map(|(t, f)| (t.as_str(), Some(f.as_str())))
            .collect();
        for k in &self.keep {
            if !terms.iter().any(|(t, _)| t.eq_ignore_ascii_case(k)) {
                terms.push((k, None));
            }
        }
        terms.sort_by_key(|(t, _)| std::cmp::Reverse(t.len()));

        let mut out = String::with_capacity(text.len());
        let mut slots = Vec::new();
        let mut i = 0;
        while i < text.len() {
            let at_word_start = !text[..i].chars().next_back().is_some_and(is_word);
            let hit = at_word_start
                .then(|| {
                    terms.iter().find(|(t, _)| {
                        let end = i + t.len();
                        text.is_char_boundary(end)
                            && text.as_bytes()[i..end].eq_ignore_ascii_case(t.as_bytes())
                            && !text[end..].chars().next().is_some_and(is_word)
                    })
                })
                .flatten();
            match hit {
                Some((t, fixed)) => {
                    let found = &text[i..i + t.len()];
                    out.push_str(&format!("{MARK}{}", slots.len()));
                    slots.push(fixed.unwrap_or(found).to_string());
                    i += t.len();
                }
                None => {
                    let c = text[i..].chars().next().expect("inside the text");
                    out.push(c);
                    i += c.len_utf8();
                }
            }
        }
        Protected { text: out, slots }
    }
}

impl Protected {
    /// Whether any term was found.
    pub fn has_terms(&self) -> bool {
        !self.slots.is_empty()
    }

    /// Swap the placeholders in an engine's output back for the terms (placeholders the
    /// engine re-cased are found too).
    pub fn restore(&self, translated: &str) -> String {
        if self.slots.is_empty() {
            return translated.to_string();
        }
        let mut out = String::with_capacity(translated.len());
        let mut rest = translated;
        while let Some(pos) = find_ascii_ci(rest, MARK) {
            let after = &rest[pos + MARK.len()..];
            let digits = after.bytes().take_while(u8::is_ascii_digit).count();
            let slot = after[..digits]
                .parse::<usize>()
                .ok()
                .and_then(|n| self.slots.get(n));
            out.push_str(&rest[..pos]);
            match slot {
                Some(term) => {
                    out.push_str(term);
                    rest = &after[digits..];
                }
                None => {
                    out.push_str(&rest[pos..pos + MARK.len()]);
                    rest = after;
                }
            }
        }
        out.push_str(rest);
        out
    }
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Byte offset of `needle` (ASCII) in `hay`, ignoring ASCII case.
fn find_ascii_ci(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    (0..h.len().checked_sub(n.len())? + 1).find(|&i| h[i..i + n.len()].eq_ignore_ascii_case(n))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g(text: &str) -> Glossary {
        Glossary::parse(text, Path::new("g.toml")).unwrap()
    }

    fn es() -> Lang {
        Lang::parse("es").unwrap()
    }

    #[test]
    fn keeps_and_fixes_whole_words() {
        let g =
            g("keep = [\"orch\", \"Acme Cloud\"]\n[translate.es]\n\"meeting notes\" = \"acta\"\n");
        let p = g.protect(
            "Orch reads the meeting notes on acme cloud; orchestra stays.",
            &es(),
        );
        assert_eq!(p.text, "ZQX0 reads the ZQX1 on ZQX2; orchestra stays.");
        // An engine that re-cases a placeholder still gets it replaced.
        assert_eq!(
            p.restore("zqx0 lee el ZQX1 en ZQX2; orquesta se queda."),
            "Orch lee el acta en acme cloud; orquesta se queda."
        );
    }

    #[test]
    fn fixed_translations_only_apply_to_their_language() {
        let g = g("[translate.es]\nsprint = \"carrera\"\n");
        let fr = Lang::parse("fr").unwrap();
        assert!(!g.protect("the sprint", &fr).has_terms());
        assert_eq!(
            g.protect("the sprint", &es()).restore("la ZQX0"),
            "la carrera"
        );
    }

    #[test]
    fn many_terms_do_not_collide() {
        let words: Vec<String> = (0..12).map(|i| format!("\"term{i}\"")).collect();
        let g = g(&format!("keep = [{}]\n", words.join(",")));
        let text: Vec<String> = (0..12).map(|i| format!("term{i}")).collect();
        let text = text.join(" ");
        let p = g.protect(&text, &es());
        assert_eq!(p.restore(&p.text), text);
    }

    #[test]
    fn bad_files_name_line_and_key() {
        let e = Glossary::parse("keep = [\"x\"]\nkep = 1\n", Path::new("g.toml")).unwrap_err();
        assert!(
            e.to_string()
                .starts_with("glossary g.toml: line 2, key `kep`"),
            "{e}"
        );
        let e = Glossary::parse("[translate.xx]\na = \"b\"\n", Path::new("g.toml")).unwrap_err();
        assert!(e.to_string().contains("translate.xx"), "{e}");
        let e = Glossary::parse("keep = [\" \"]\n", Path::new("g.toml")).unwrap_err();
        assert!(e.to_string().contains("key `keep`"), "{e}");
    }
}
