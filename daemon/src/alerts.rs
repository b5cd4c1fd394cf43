//! Alerts of a bot: published on the bots topic and kept in its history as session
//! events with a severity (`orch events`, `orch bot status`), also after it ended.

use std::sync::Arc;

use orch::protocol::{Event, now_unix};

use crate::state::State;

/// Publish an alert of a bot and keep it in its history (`orch events --bot`).
pub async fn alert(
    state: &Arc<State>,
    bot_id: &str,
    session_id: &str,
    severity: &str,
    message: &str,
) {
    let now = now_unix();
    tracing::warn!(bot = %bot_id, "{message}");
    state.publish(Event::BotAlert {
        time: now,
        bot_id: bot_id.to_string(),
        severity: severity.to_string(),
        message: message.to_string(),
    });
    let (b, s, sev, m) = (
        bot_id.to_string(),
        session_id.to_string(),
        severity.to_string(),
        message.to_string(),
    );
    let _ = state
        .with_db(move |db| {
            db.add_bot_event(
                &b,
                Some(&s),
                "alert",
                if sev == "error" { "error" } else { "warning" },
                None,
                &serde_json::json!({ "message": m }),
                now,
            )
        })
        .await;
}
