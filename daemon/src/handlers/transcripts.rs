//! `orch transcript show|export` and `orch speakers list|map`: a session's transcript
//! and the names of its speakers. A target is a session id, or a bot (id, unique prefix
//! or name) meaning its newest session.

use std::sync::Arc;

use orch::bots::BotState;
use orch::protocol::{Failure, Response};

use super::respond;
use crate::state::State;
use crate::supervisor;

/// The session a target names, its bot, and whether it is the bot's live session.
pub(crate) async fn session_of(
    state: &Arc<State>,
    target: &str,
) -> Result<(String, String, bool), Failure> {
    let want = target.to_string();
    let by_session = state
        .with_db(move |db| {
            let found = db
                .conn()
                .query_row(
                    "SELECT s.id, s.bot_id, s.ended_at IS NULL AND b.state IN \
                     ('starting','running','recovering','stopping') \
                     FROM sessions s JOIN bots b ON b.id = s.bot_id WHERE s.id = ?1",
                    [&want],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
                )
                .ok();
            Ok(found)
        })
        .await?;
    if let Some(found) = by_session {
        return Ok(found);
    }
    let bot = supervisor::find(state, target).await?;
    let bot_id = bot.id.clone();
    let session = state
        .with_db(move |db| db.latest_session(&bot_id))
        .await?
        .ok_or_else(|| {
            crate::state::failure(orch::Error::Missing(format!(
                "bot {} has no session yet",
                bot.id
            )))
        })?;
    let live = matches!(
        bot.state,
        BotState::Starting | BotState::Running | BotState::Recovering | BotState::Stopping
    );
    Ok((session, bot.id, live))
}

/// A session's transcript, and its translations into `langs` (every language when
/// empty) when asked.
pub async fn get(state: &Arc<State>, target: &str, langs: Option<Vec<String>>) -> Response {
    let (session, bot, live) = match session_of(state, target).await {
        Ok(s) => s,
        Err(f) => return Response::Failure(f),
    };
    let langs = match langs
        .map(|ls| {
            ls.iter()
                .map(|l| orch::lang::Lang::parse(l).map(|l| l.to_string()))
                .collect::<Result<Vec<_>, _>>()
        })
        .transpose()
    {
        Ok(l) => l,
        Err(bad) => {
            return Response::Failure(crate::state::failure(orch::Error::Invalid(bad.to_string())));
        }
    };
    let sid = session.clone();
    respond(
        state
            .with_db(move |db| {
                let lines = db.transcript(&sid)?;
                let translations = match &langs {
                    Some(langs) => db.translations(&sid, langs)?,
                    None => Vec::new(),
                };
                Ok((lines, translations))
            })
            .await,
        |(lines, translations)| Response::Transcript {
            session_id: session,
            bot_id: bot,
            live,
            lines,
            translations,
        },
    )
}

/// A session's speakers.
pub async fn speakers(state: &Arc<State>, target: &str) -> Response {
    let (session, _, _) = match session_of(state, target).await {
        Ok(s) => s,
        Err(f) => return Response::Failure(f),
    };
    let sid = session.clone();
    respond(
        state.with_db(move |db| db.speakers(&sid)).await,
        |speakers| Response::Speakers {
            session_id: session,
            speakers,
        },
    )
}

/// Name a speaker label of a session.
pub async fn map(state: &Arc<State>, target: &str, label: String, name: String) -> Response {
    let (session, _, _) = match session_of(state, target).await {
        Ok(s) => s,
        Err(f) => return Response::Failure(f),
    };
    let bad = |m: &str| Response::Failure(crate::state::failure(orch::Error::Invalid(m.into())));
    if label.trim().is_empty() || label.chars().count() > 128 {
        return bad("a speaker label is 1 to 128 characters");
    }
    if name.trim().is_empty() || name.chars().count() > 128 || name.chars().any(char::is_control) {
        return bad("a speaker name is 1 to 128 printable characters");
    }
    let sid = session.clone();
    respond(
        state
            .with_db(move |db| {
                db.map_speaker(&sid, label.trim(), name.trim())?;
                db.speakers(&sid)
            })
            .await,
        |speakers| Response::Speakers {
            session_id: session,
            speakers,
        },
    )
}
