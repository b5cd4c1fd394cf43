//! Bots: supervised workers that bring one audio stream into the daemon.
//!
//! This module is pure: the model ([`model`]), the one lifecycle state machine
//! ([`lifecycle`]), the restart policy ([`backoff`]) and the settings that change on a
//! running bot ([`settings`]). Processes, threads and the
//! database are the daemon's business (`daemon/src/supervisor/`, `store::bots`).

pub mod backoff;
pub mod lifecycle;
pub mod model;
pub mod settings;

pub use lifecycle::{BotState, Reason};
pub use model::{BotInfo, BotKind, BotSpec, Platform, RawInput};
