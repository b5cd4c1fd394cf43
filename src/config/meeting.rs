//! `[meeting]`: how the bundled meeting program (`orch-meet`) joins meetings. orchd
//! hands these to the program in its environment (docs/protocol.md, "Bot protocol").

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::{Error, Result};

/// `[meeting]` settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct MeetingConfig {
    /// The browser the meeting program drives: a path, or a name looked up on `PATH`.
    /// Default: `chromium` (Debian's package; nothing is ever downloaded).
    pub chromium: PathBuf,
    /// The name the bot joins with. Default: empty, meaning the bot's own name (or
    /// `orch` for a bot without one).
    pub display_name: String,
    /// Seconds the page may take to load and show the join button, 5 to 600.
    /// Default: 60.
    pub join_timeout_s: f64,
    /// Seconds to wait in the lobby to be admitted, 5 to 86400; then the bot fails with
    /// reason `lobby_timeout`. Default: 300.
    pub lobby_timeout_s: f64,
    /// Leave once everyone else has been gone this long, 1 to 86400 (reason
    /// `left_alone`). Default: 60.
    pub alone_timeout_s: f64,
    /// Leave when nobody else is in the call this long after joining, 1 to 86400
    /// (reason `nobody_joined`). Default: 900.
    pub empty_timeout_s: f64,
}

impl Default for MeetingConfig {
    fn default() -> Self {
        Self {
            chromium: PathBuf::from("chromium"),
            display_name: String::new(),
            join_timeout_s: 60.0,
            lobby_timeout_s: 300.0,
            alone_timeout_s: 60.0,
            empty_timeout_s: 900.0,
        }
    }
}

impl MeetingConfig {
    pub(super) fn validate(&self) -> Result<()> {
        let range = |key: &str, v: f64, lo: f64, hi: f64| -> Result<()> {
            if v.is_finite() && (lo..=hi).contains(&v) {
                Ok(())
            } else {
                Err(Error::Config(format!(
                    "key `meeting.{key}`: {v} is outside {lo} to {hi}"
                )))
            }
        };
        range("join_timeout_s", self.join_timeout_s, 5.0, 600.0)?;
        range("lobby_timeout_s", self.lobby_timeout_s, 5.0, 86_400.0)?;
        range("alone_timeout_s", self.alone_timeout_s, 1.0, 86_400.0)?;
        range("empty_timeout_s", self.empty_timeout_s, 1.0, 86_400.0)?;
        if self.chromium.as_os_str().is_empty() {
            return Err(Error::Config(
                "key `meeting.chromium`: must not be empty".into(),
            ));
        }
        if self.display_name.chars().count() > 100 || self.display_name.contains('\n') {
            return Err(Error::Config(
                "key `meeting.display_name`: at most 100 characters on one line".into(),
            ));
        }
        Ok(())
    }

    /// The environment the meeting program gets (besides the bot's id, socket and URL).
    pub fn program_env(&self, bot_name: Option<&str>) -> Vec<(&'static str, String)> {
        let name = match (self.display_name.trim(), bot_name) {
            ("", Some(n)) if !n.trim().is_empty() => n.trim().to_string(),
            ("", _) => "orch".to_string(),
            (n, _) => n.to_string(),
        };
        vec![
            ("ORCH_MEET_CHROMIUM", self.chromium.display().to_string()),
            ("ORCH_MEET_NAME", name),
            ("ORCH_MEET_JOIN_TIMEOUT_S", self.join_timeout_s.to_string()),
            (
                "ORCH_MEET_LOBBY_TIMEOUT_S",
                self.lobby_timeout_s.to_string(),
            ),
            (
                "ORCH_MEET_ALONE_TIMEOUT_S",
                self.alone_timeout_s.to_string(),
            ),
            (
                "ORCH_MEET_EMPTY_TIMEOUT_S",
                self.empty_timeout_s.to_string(),
            ),
        ]
    }

    /// How long orchd waits for the program to attach: the page, then the lobby.
    pub fn attach_timeout_s(&self) -> f64 {
        30.0 + self.join_timeout_s + self.lobby_timeout_s
    }
}
