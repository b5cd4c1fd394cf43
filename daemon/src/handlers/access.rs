//! What a member of `daemon.allowed_group` may ask for. Everything the owner may, except
//! what would act as orchd's user on the member's say-so:
//! - a command bot's command line must be one of the templates in `bots.commands`;
//! - a webcam may not write into a file or FIFO (a path written as orchd's user);
//! - a file a bot reads (its audio, its glossary) must be readable by the member.

use orch::bots::{BotKind, BotSpec};
use orch::protocol::{Failure, FailureKind, Request};

use std::os::unix::fs::MetadataExt;
use std::path::Path;

use crate::state::State;

/// Who is on the other end of a connection.
#[derive(Debug, Clone)]
pub enum Peer {
    /// orchd's own user, or root.
    Owner,
    /// A member of the allowed group.
    Member { uid: u32, gids: Vec<u32> },
}

/// Refuse what `peer` may not ask for.
pub fn check(state: &State, peer: &Peer, request: &Request) -> Result<(), Failure> {
    let Peer::Member { uid, gids } = peer else {
        return Ok(());
    };
    let denied = |what: String| {
        Failure::new(
            FailureKind::Denied,
            format!(
                "permission denied: {what} (uid {uid} is a member of daemon.allowed_group, not orchd's owner)"
            ),
        )
    };
    match request {
        Request::BotSpawn { spec } => {
            if spec.kind == BotKind::Command {
                let src = spec.source.as_deref().unwrap_or_default();
                let template = state
                    .config
                    .read()
                    .map(|c| c.config.bots.commands.contains_key(src))
                    .unwrap_or(false);
                if !template {
                    return Err(denied(format!(
                        "`{src}` is not a command template of bots.commands; \
                         group members run only those"
                    )));
                }
            }
            for path in files_read(spec) {
                if !readable_by(path, *uid, gids) {
                    return Err(denied(format!("{} is not readable by you", path.display())));
                }
            }
            if let Some(out) = spec.webcam.as_ref().and_then(|w| w.output.as_deref()) {
                webcam_output(out).map_err(denied)?;
            }
        }
        Request::WebcamStart {
            output: Some(out), ..
        } => webcam_output(out).map_err(denied)?,
        _ => {}
    }
    Ok(())
}

fn files_read(spec: &BotSpec) -> Vec<&Path> {
    let mut files = Vec::new();
    if spec.kind == BotKind::File
        && let Some(s) = &spec.source
    {
        files.push(Path::new(s.as_str()));
    }
    if let Some(g) = &spec.glossary {
        files.push(g.as_path());
    }
    files
}

fn webcam_output(out: &str) -> Result<(), String> {
    match orch::webcam::Output::parse(out) {
        Ok(orch::webcam::Output::Y4m(p)) => Err(format!(
            "a webcam output into {} would be written as orchd's user; \
             use `-` or a v4l2 device",
            p.display()
        )),
        Ok(orch::webcam::Output::V4l2(p)) if !p.starts_with("/dev/") => {
            Err(format!("{} is not a video device", p.display()))
        }
        _ => Ok(()),
    }
}

/// Whether `uid` with groups `gids` could read `path`: search permission on every
/// directory above it and read permission on the file, by the mode bits.
fn readable_by(path: &Path, uid: u32, gids: &[u32]) -> bool {
    let allowed = |meta: &std::fs::Metadata, bit: u32| {
        let mode = meta.mode();
        if meta.uid() == uid {
            mode & (bit << 6) != 0
        } else if gids.contains(&meta.gid()) {
            mode & (bit << 3) != 0
        } else {
            mode & bit != 0
        }
    };
    let Ok(path) = std::fs::canonicalize(path) else {
        // A missing file fails the spawn with its own error.
        return true;
    };
    let dirs_ok = path
        .ancestors()
        .skip(1)
        .all(|d| std::fs::metadata(d).is_ok_and(|m| allowed(&m, 0o1)));
    dirs_ok && std::fs::metadata(&path).is_ok_and(|m| allowed(&m, 0o4))
}
