//! What depends on a meeting platform's page: one file per platform, each a script
//! that defines `window.__orchPlatform` with the same four functions:
//!
//! - `ready()`: the join button is on the page;
//! - `join(name, camera)`: type the name, mute the microphone, turn the camera on or
//!   off, ask to join; returns what it did (a line for the log);
//! - `state()`: `{phase, participants: [{id, name, speaking, self}]}`, where phase is
//!   `loading`, `prejoin`, `lobby`, `in_call`, `denied` or `ended`;
//! - `leave()`: press the leave button.
//!
//! A change in a platform's page is a fix in its one file.

mod google_meet;

/// A meeting platform orch-meet can join.
pub trait Platform {
    /// The name `--platform` takes.
    fn name(&self) -> &'static str;
    /// The script defining `window.__orchPlatform`.
    fn script(&self) -> &'static str;
}

/// The platform named `name` (as orchd passes `--platform`).
pub fn by_name(name: &str) -> Result<Box<dyn Platform>, String> {
    match name.replace('-', "_").as_str() {
        "google_meet" => Ok(Box::new(google_meet::GoogleMeet)),
        "zoom" | "teams" => Err(format!(
            "orch-meet cannot join {name} meetings yet (google_meet only); set \
             bots.meeting_program to a program that can"
        )),
        other => Err(format!("unknown platform `{other}`")),
    }
}
