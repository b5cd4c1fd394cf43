//! The bot protocol spoken by meeting-bot programs: attach to a bot, push its audio,
//! report participants. See docs/protocol.md, "Bot protocol".

use std::sync::Arc;
use std::sync::atomic::Ordering;

use orch::audio::pcm::{RawFormat, decode_base64};
use orch::protocol::{Event, Failure, FailureKind, Response, now_unix};

use crate::conn::Conn;
use crate::state::State;
use crate::supervisor;

/// The bot a connection has attached to.
#[derive(Debug, Clone)]
pub struct Attached {
    /// Bot id.
    pub bot_id: String,
    /// Channels of the pushed audio.
    pub channels: usize,
}

fn fail(kind: FailureKind, msg: String) -> Option<Response> {
    Some(Response::Failure(Failure::new(kind, msg)))
}

/// The live meeting bot `bot` (id and handle), for a program that wants to `what`.
async fn meeting_bot(
    state: &Arc<State>,
    bot: &str,
    what: &str,
) -> Result<(String, Arc<supervisor::BotHandle>), Failure> {
    let (row, handle) = supervisor::find_live(state, bot, what).await?;
    if handle.spec.kind != orch::bots::BotKind::Meeting {
        return Err(Failure::new(
            FailureKind::Invalid,
            format!(
                "bot {} is a {} bot: only meeting bots {what}",
                row.id,
                handle.spec.kind.name()
            ),
        ));
    }
    Ok((row.id, handle))
}

/// Attach this connection to a live meeting bot.
pub async fn attach(
    state: &Arc<State>,
    conn: &mut Conn,
    bot: &str,
    rate: u32,
    channels: usize,
) -> Response {
    let (bot_id, handle) = match meeting_bot(state, bot, "take pushed audio").await {
        Ok(found) => found,
        Err(f) => return Response::Failure(f),
    };
    if let Err(e) = orch::audio::decode::check_layout("bot_attach", rate, channels) {
        return Response::Failure(Failure::new(FailureKind::Invalid, e.to_string()));
    }
    handle.shared.set_layout(rate, channels);
    handle.shared.log(&format!(
        "meeting program attached: {rate} Hz, {channels} channel(s)"
    ));
    conn.attached = Some(Attached {
        bot_id: bot_id.clone(),
        channels,
    });
    Response::Ok {
        message: format!("attached to bot {bot_id}"),
    }
}

/// Audio from the attached program. `None` on success (no reply is sent).
pub fn audio(state: &Arc<State>, conn: &Conn, format: RawFormat, data: &str) -> Option<Response> {
    let Some(att) = &conn.attached else {
        return fail(
            FailureKind::Invalid,
            "send bot_attach before bot_audio".into(),
        );
    };
    let Some(samples) = decode_base64(data, format) else {
        return fail(
            FailureKind::Invalid,
            format!("bot_audio data is not base64 {format} PCM"),
        );
    };
    if samples.len() % att.channels != 0 {
        return fail(
            FailureKind::Invalid,
            format!(
                "bot_audio holds {} samples, not whole frames of {} channels",
                samples.len(),
                att.channels
            ),
        );
    }
    let handle = state.supervisor.get(&att.bot_id)?;
    let queue = handle.push.lock().ok()?.clone();
    match queue {
        Some(tx) => {
            if tx.try_send(samples).is_err() {
                // The audio thread is behind or restarting: drop, never block.
                handle.push_dropped.fetch_add(1, Ordering::Relaxed);
            }
            None
        }
        None => None,
    }
}

/// A participant event from the attached program. `None` on success.
pub async fn participant(
    state: &Arc<State>,
    conn: &Conn,
    event: String,
    participant_id: String,
    name: Option<String>,
) -> Option<Response> {
    let Some(att) = conn.attached.clone() else {
        return fail(
            FailureKind::Invalid,
            "send bot_attach before bot_participant".into(),
        );
    };
    if !matches!(event.as_str(), "joined" | "left" | "speaking") {
        return fail(
            FailureKind::Invalid,
            format!("participant event `{event}` is not one of joined, left, speaking"),
        );
    }
    let now = now_unix();
    let session = state
        .supervisor
        .get(&att.bot_id)
        .and_then(|h| h.session_id.lock().ok().and_then(|s| s.clone()));
    let (bid, ev, pid, nm) = (
        att.bot_id.clone(),
        event.clone(),
        participant_id.clone(),
        name.clone(),
    );
    let kind = if event == "speaking" {
        "speaker"
    } else {
        "participant"
    };
    let stored = state
        .with_db(move |db| {
            db.add_bot_event(
                &bid,
                session.as_deref(),
                kind,
                "info",
                Some(&ev),
                &serde_json::json!({ "participant_id": pid, "name": nm }),
                now,
            )
        })
        .await;
    if let Err(f) = stored {
        return Some(Response::Failure(f));
    }
    state.publish(Event::Participant {
        time: now,
        bot_id: att.bot_id,
        event,
        participant_id,
        name,
    });
    None
}

/// The program's word on why its meeting ended, sent just before it exits. The bot
/// ends with that reason: `lobby_denied` and `lobby_timeout` fail it without a restart,
/// the others stop it.
pub async fn end(state: &Arc<State>, bot: &str, reason: &str, detail: Option<String>) -> Response {
    let (bot_id, handle) = match meeting_bot(state, bot, "end its meeting").await {
        Ok(found) => found,
        Err(f) => return Response::Failure(f),
    };
    let Some(reason) = orch::bots::Reason::meeting_end(reason) else {
        let known: Vec<&str> = orch::bots::Reason::MEETING_ENDS
            .iter()
            .map(|r| r.name())
            .collect();
        return Response::Failure(Failure::new(
            FailureKind::Invalid,
            format!(
                "bot_end reason `{reason}` is not one of {}",
                known.join(", ")
            ),
        ));
    };
    let detail = detail.map(|d| d.chars().take(300).collect::<String>());
    handle.shared.log(&format!(
        "meeting program: {}{}",
        reason.name(),
        detail
            .as_deref()
            .map(|d| format!(": {d}"))
            .unwrap_or_default()
    ));
    handle.shared.set_meeting_end(reason, detail);
    Response::Ok {
        message: format!("bot {bot_id} ends: {}", reason.name()),
    }
}
