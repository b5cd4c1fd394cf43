//! Language codes: BCP 47 tags whose primary subtag is an ISO 639-1 code (`en`, `es`,
//! `pt-BR`). Engines get the primary code; the region is kept for display.

use std::fmt;

use serde::{Deserialize, Serialize};

/// Every ISO 639-1 code, two letters each.
const ISO_639_1: &str = "aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca \
ce ch co cr cs cu cv cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv \
ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks \
ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr \
nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss \
st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu";

/// A language: an ISO 639-1 code with an optional region (`pt-BR`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Lang(String);

/// A string that is not a language code orch knows.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not an ISO 639-1 language code (like en, es or pt-BR)")]
pub struct UnknownLang(pub String);

impl Lang {
    /// Parse `en`, `ES`, `pt-BR`, `pt_br`: the primary code lowercased, a region
    /// uppercased.
    pub fn parse(s: &str) -> Result<Lang, UnknownLang> {
        let bad = || UnknownLang(s.to_string());
        let mut parts = s.trim().split(['-', '_']);
        let primary = parts.next().unwrap_or("").to_ascii_lowercase();
        if primary.len() != 2 || !ISO_639_1.split(' ').any(|c| c == primary) {
            return Err(bad());
        }
        let mut tag = primary;
        for sub in parts {
            if sub.is_empty() || sub.len() > 8 || !sub.chars().all(|c| c.is_ascii_alphanumeric()) {
                return Err(bad());
            }
            tag.push('-');
            if sub.len() == 2 {
                tag.push_str(&sub.to_ascii_uppercase());
            } else {
                tag.push_str(sub);
            }
        }
        Ok(Lang(tag))
    }

    /// The ISO 639-1 code (`pt` of `pt-BR`): what engines are given.
    pub fn code(&self) -> &str {
        self.0.split('-').next().unwrap_or(&self.0)
    }

    /// The whole tag.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether a line in `self` needs no translation into `other` (same primary code).
    pub fn same_language(&self, other: &Lang) -> bool {
        self.code() == other.code()
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for Lang {
    type Error = UnknownLang;
    fn try_from(s: String) -> Result<Lang, UnknownLang> {
        Lang::parse(&s)
    }
}

impl From<Lang> for String {
    fn from(l: Lang) -> String {
        l.0
    }
}

impl std::str::FromStr for Lang {
    type Err = UnknownLang;
    fn from_str(s: &str) -> Result<Lang, UnknownLang> {
        Lang::parse(s)
    }
}

impl From<UnknownLang> for crate::Error {
    fn from(e: UnknownLang) -> crate::Error {
        crate::Error::Invalid(e.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_codes_and_regions() {
        assert_eq!(Lang::parse("EN").unwrap().as_str(), "en");
        let pt = Lang::parse("pt_br").unwrap();
        assert_eq!(pt.as_str(), "pt-BR");
        assert_eq!(pt.code(), "pt");
        assert!(pt.same_language(&Lang::parse("pt").unwrap()));
        assert!(!pt.same_language(&Lang::parse("es").unwrap()));
    }

    #[test]
    fn rejects_unknown_codes() {
        for s in ["", "xx", "eng", "e", "en-", "en-$$", "english"] {
            let e = Lang::parse(s).unwrap_err();
            assert!(e.to_string().contains("ISO 639-1"), "{s}: {e}");
        }
    }
}
