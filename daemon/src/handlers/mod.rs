//! The dispatcher: one exhaustive match, one line per request. Each request family has
//! its own file, mirroring `cli/src/commands/`.

pub mod access;
mod analytics;
pub mod attach;
mod bot_config;
mod bots;
mod config;
mod daemon;
mod db;
mod events;
pub mod live;
mod logs;
mod presets;
mod status;
mod stream;
mod transcripts;
mod webcam;

use std::sync::Arc;

use orch::protocol::{Failure, FailureKind, Request, Response};

use crate::conn::Conn;
use crate::state::State;

/// Answer one request (streams reply first, then push events from their own task).
pub async fn handle(state: &Arc<State>, conn: &mut Conn, id: u64, request: Request) {
    let request = match &conn.peer {
        access::Peer::Owner => request,
        member => {
            // The check reads file metadata: a blocking task.
            let (st, peer) = (state.clone(), member.clone());
            let checked = tokio::task::spawn_blocking(move || {
                let verdict = access::check(&st, &peer, &request);
                (request, verdict)
            })
            .await;
            match checked {
                Ok((request, Ok(()))) => request,
                Ok((_, Err(f))) => return conn.reply(id, Response::Failure(f)).await,
                Err(e) => {
                    let f = Failure::new(FailureKind::Internal, format!("access check: {e}"));
                    return conn.reply(id, Response::Failure(f)).await;
                }
            }
        }
    };
    let response = match request {
        Request::Hello { .. } => Response::Failure(Failure::new(
            FailureKind::Protocol,
            "hello was already exchanged",
        )),
        Request::Ping => Response::Pong,
        Request::Status => status::status(state).await,
        Request::ConfigGet => config::get(state),
        Request::ConfigReload => config::reload(state).await,
        Request::DbStatus => db::status(state).await,
        Request::Logs { lines, follow } => return logs::logs(state, conn, id, lines, follow).await,
        Request::Subscribe { topics } => return events::subscribe(state, conn, id, topics).await,
        Request::Unsubscribe { id: target } => events::unsubscribe(conn, target).await,
        Request::Shutdown => daemon::shutdown(state),
        Request::PresetList => presets::list(state).await,
        Request::PresetGet { name } => presets::get(state, name).await,
        Request::PresetCreate { name, from, edit } => {
            presets::create(state, name, from, edit).await
        }
        Request::PresetUpdate { name, edit } => presets::update(state, name, edit).await,
        Request::PresetRename { from, to } => presets::rename(state, from, to).await,
        Request::PresetDelete { name } => presets::delete(state, name).await,
        Request::PresetImport { preset, replace } => presets::import(state, preset, replace).await,
        Request::BotSpawn { spec } => bots::spawn(state, spec).await,
        Request::BotList { all, state: s } => bots::list(state, all, s).await,
        Request::BotStatus { id: bot } => bots::status(state, &bot).await,
        Request::BotTerminate {
            id: bot,
            timeout_s,
            force,
        } => bots::terminate(state, &bot, timeout_s, force).await,
        Request::BotLogs {
            id: bot,
            lines,
            follow,
        } => return bots::logs(state, conn, id, &bot, lines, follow).await,
        Request::BotCleanup { older_than_s } => bots::cleanup(state, older_than_s).await,
        Request::BotConfig { id: bot, set } => bot_config::config(state, &bot, set).await,
        Request::WebcamStart {
            id: bot,
            set,
            output,
        } => webcam::start(state, &bot, set, output).await,
        Request::WebcamStop { id: bot } => webcam::stop(state, &bot).await,
        Request::WebcamStatus { id: bot, set } => webcam::status(state, &bot, set).await,
        Request::WebcamSnapshot { id: bot } => webcam::snapshot(state, &bot).await,
        Request::BotApplyPreset { id: bot, preset } => {
            bots::apply_preset(state, &bot, &preset).await
        }
        Request::BotMeters { id: bot } => return bots::meters(state, conn, id, &bot).await,
        Request::BotEvents {
            id: bot,
            limit,
            since,
        } => bots::events(state, bot, limit, since.unwrap_or(0.0)).await,
        Request::BotAttach {
            bot_id,
            sample_rate,
            channels,
        } => attach::attach(state, conn, &bot_id, sample_rate, channels).await,
        Request::BotAudio { format, data } => match attach::audio(state, conn, format, &data) {
            Some(r) => r,
            None => return,
        },
        Request::BotParticipant {
            event,
            participant_id,
            name,
        } => match attach::participant(state, conn, event, participant_id, name).await {
            Some(r) => r,
            None => return,
        },
        Request::BotEnd {
            bot_id,
            reason,
            detail,
        } => attach::end(state, &bot_id, &reason, detail).await,
        Request::LiveOpen {
            sample_rate,
            channels,
        } => live::open(state, conn, id, sample_rate, channels),
        Request::LiveAudio { format, data } => match live::audio(conn, format, &data).await {
            Some(r) => r,
            None => return,
        },
        Request::LiveClose => live::close(conn),
        Request::AnalyticsSessions { since, bot_id } => {
            analytics::sessions(state, since, bot_id).await
        }
        Request::AnalyticsPerformance { since, bot } => {
            analytics::performance(state, since.unwrap_or(0.0), bot).await
        }
        Request::AnalyticsWindows { target } => analytics::windows(state, &target).await,
        Request::AnalysisSave { source, report } => analytics::save(state, source, report).await,
        Request::Analyses { since, id } => analytics::analyses(state, since, id).await,
        Request::TranscriptGet { target, langs } => transcripts::get(state, &target, langs).await,
        Request::SpeakersList { target } => transcripts::speakers(state, &target).await,
        Request::SpeakersMap {
            target,
            label,
            name,
        } => transcripts::map(state, &target, label, name).await,
    };
    conn.reply(id, response).await;
}

/// Turn a handler result into a response.
pub(crate) fn respond<T>(r: Result<T, Failure>, f: impl FnOnce(T) -> Response) -> Response {
    match r {
        Ok(v) => f(v),
        Err(e) => Response::Failure(e),
    }
}
