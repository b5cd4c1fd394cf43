//! The bot state machine, one for every kind of bot (the Python service had four that
//! disagreed):
//!
//! ```text
//! requested -> starting -> running -> stopping -> stopped
//!                 |           |  \                  ^
//!                 |           |   `-> recovering ---' (restart limit: failed)
//!                 v           v          |
//!               failed <------+----------'  (then starting again)
//! ```
//!
//! Every transition carries a [`Reason`] and is stored with its time.

use serde::{Deserialize, Serialize};

/// Where a bot is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BotState {
    /// Accepted, not yet started.
    Requested,
    /// Its source is being opened.
    Starting,
    /// Audio flows.
    Running,
    /// Shutting down (user, leave rule or daemon shutdown).
    Stopping,
    /// Ended normally. Terminal.
    Stopped,
    /// Ended in error. Terminal.
    Failed,
    /// Waiting to restart after a crash or stall.
    Recovering,
}

impl BotState {
    /// Every state, in lifecycle order.
    pub const ALL: [BotState; 7] = [
        BotState::Requested,
        BotState::Starting,
        BotState::Running,
        BotState::Stopping,
        BotState::Stopped,
        BotState::Failed,
        BotState::Recovering,
    ];

    /// The name used in the database, flags and JSON.
    pub fn name(self) -> &'static str {
        match self {
            BotState::Requested => "requested",
            BotState::Starting => "starting",
            BotState::Running => "running",
            BotState::Stopping => "stopping",
            BotState::Stopped => "stopped",
            BotState::Failed => "failed",
            BotState::Recovering => "recovering",
        }
    }

    /// Parse a state name.
    pub fn from_name(s: &str) -> Option<BotState> {
        Self::ALL.into_iter().find(|x| x.name() == s)
    }

    /// True for `stopped` and `failed`: nothing happens to the bot any more.
    pub fn is_terminal(self) -> bool {
        matches!(self, BotState::Stopped | BotState::Failed)
    }

    /// True while the bot holds resources (counts against the bot limit).
    pub fn is_live(self) -> bool {
        !self.is_terminal()
    }

    /// Whether the machine allows `self -> to`.
    pub fn can_go_to(self, to: BotState) -> bool {
        use BotState::*;
        matches!(
            (self, to),
            (Requested, Starting)
                | (Requested, Stopping)
                | (Requested, Failed)
                | (Starting, Running)
                | (Starting, Failed)
                | (Starting, Recovering)
                | (Starting, Stopping)
                | (Running, Stopping)
                | (Running, Recovering)
                | (Running, Failed)
                | (Recovering, Starting)
                | (Recovering, Failed)
                | (Recovering, Stopping)
                | (Stopping, Stopped)
                | (Stopping, Failed)
        )
    }
}

impl std::fmt::Display for BotState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// Why a transition happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// `orch bot spawn`.
    Spawned,
    /// The source opened.
    SourceOpened,
    /// The source reached its end (file played, command exited with status 0).
    SourceEnded,
    /// The source could not be opened or decoded.
    SourceError,
    /// The worker process died (signal or non-zero exit).
    Crashed,
    /// No audio arrived for longer than the stall timeout.
    Stalled,
    /// A restart after a crash or stall.
    Restarting,
    /// Crashed or stalled more often than the restart policy allows.
    RestartLimit,
    /// `orch bot terminate`.
    TerminatedByUser,
    /// `orch bot terminate --force`, or a graceful stop that timed out.
    Killed,
    /// The bot reached its maximum duration.
    MaxDuration,
    /// No speech for longer than the silence timeout.
    SilenceTimeout,
    /// The daemon is shutting down.
    DaemonShutdown,
    /// The daemon died while the bot ran (found on the next start).
    Interrupted,
    /// A bot marked interrupted was brought back on daemon start.
    Resumed,
    /// The worker is done with its shutdown.
    Finished,
    /// A meeting's host refused the bot at the lobby (no restart).
    LobbyDenied,
    /// Nobody admitted the bot within `meeting.lobby_timeout_s` (no restart).
    LobbyTimeout,
    /// The meeting ended for everyone (the host ended it, or the bot was removed).
    MeetingEnded,
    /// Everyone else left and stayed away for `meeting.alone_timeout_s`.
    LeftAlone,
    /// Nobody else joined within `meeting.empty_timeout_s` of the bot joining.
    NobodyJoined,
}

impl Reason {
    /// The name used in the database and JSON.
    pub fn name(self) -> &'static str {
        match self {
            Reason::Spawned => "spawned",
            Reason::SourceOpened => "source_opened",
            Reason::SourceEnded => "source_ended",
            Reason::SourceError => "source_error",
            Reason::Crashed => "crashed",
            Reason::Stalled => "stalled",
            Reason::Restarting => "restarting",
            Reason::RestartLimit => "restart_limit",
            Reason::TerminatedByUser => "terminated_by_user",
            Reason::Killed => "killed",
            Reason::MaxDuration => "max_duration",
            Reason::SilenceTimeout => "silence_timeout",
            Reason::DaemonShutdown => "daemon_shutdown",
            Reason::Interrupted => "interrupted",
            Reason::Resumed => "resumed",
            Reason::Finished => "finished",
            Reason::LobbyDenied => "lobby_denied",
            Reason::LobbyTimeout => "lobby_timeout",
            Reason::MeetingEnded => "meeting_ended",
            Reason::LeftAlone => "left_alone",
            Reason::NobodyJoined => "nobody_joined",
        }
    }

    /// The reasons a meeting-bot program reports with `bot_end`.
    pub const MEETING_ENDS: [Reason; 5] = [
        Reason::LobbyDenied,
        Reason::LobbyTimeout,
        Reason::MeetingEnded,
        Reason::LeftAlone,
        Reason::NobodyJoined,
    ];

    /// Parse a reason a meeting-bot program may report.
    pub fn meeting_end(name: &str) -> Option<Reason> {
        Self::MEETING_ENDS.into_iter().find(|r| r.name() == name)
    }

    /// True for the ends that fail the bot rather than stop it (retrying cannot help).
    pub fn is_refusal(self) -> bool {
        matches!(self, Reason::LobbyDenied | Reason::LobbyTimeout)
    }
}

impl std::fmt::Display for Reason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// A refused transition (a bug in the caller, reported rather than panicking).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("bot cannot go from {from} to {to}")]
pub struct BadTransition {
    /// The current state.
    pub from: BotState,
    /// The state asked for.
    pub to: BotState,
}

/// Check a transition.
pub fn transition(from: BotState, to: BotState) -> Result<BotState, BadTransition> {
    if from.can_go_to(to) {
        Ok(to)
    } else {
        Err(BadTransition { from, to })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_states_go_nowhere() {
        for from in [BotState::Stopped, BotState::Failed] {
            for to in BotState::ALL {
                assert!(!from.can_go_to(to), "{from} -> {to}");
            }
        }
    }

    #[test]
    fn the_happy_path_and_recovery_are_allowed() {
        use BotState::*;
        let path = [
            Requested, Starting, Running, Recovering, Starting, Running, Stopping, Stopped,
        ];
        for w in path.windows(2) {
            transition(w[0], w[1]).unwrap();
        }
        assert!(transition(Running, Requested).is_err());
        assert!(transition(Stopped, Running).is_err());
    }

    #[test]
    fn every_live_state_can_be_stopped_or_fail() {
        for s in BotState::ALL.into_iter().filter(|s| s.is_live()) {
            assert!(
                s.can_go_to(BotState::Stopping) || s == BotState::Stopping,
                "{s} cannot stop"
            );
            assert!(s.can_go_to(BotState::Failed), "{s} cannot fail");
        }
    }

    #[test]
    fn meeting_programs_report_only_meeting_ends() {
        for r in Reason::MEETING_ENDS {
            assert_eq!(Reason::meeting_end(r.name()), Some(r));
        }
        assert_eq!(Reason::meeting_end("killed"), None);
        assert!(Reason::LobbyDenied.is_refusal() && Reason::LobbyTimeout.is_refusal());
        assert!(!Reason::MeetingEnded.is_refusal());
    }

    #[test]
    fn names_round_trip() {
        for s in BotState::ALL {
            assert_eq!(BotState::from_name(s.name()), Some(s));
            assert_eq!(serde_json::to_value(s).unwrap(), s.name());
        }
    }
}
