//! The dispatcher: one exhaustive match, one line per request. Each request family has
//! its own file, mirroring `cli/src/commands/`.

mod config;
mod daemon;
mod db;
mod events;
mod logs;
mod status;

use std::sync::Arc;

use orch::protocol::{Failure, FailureKind, Request, Response};

use crate::conn::Conn;
use crate::state::State;

/// Answer one request (streams reply first, then push events from their own task).
pub async fn handle(state: &Arc<State>, conn: &mut Conn, id: u64, request: Request) {
    let response = match request {
        Request::Hello { .. } => Response::Failure(Failure::new(
            FailureKind::Protocol,
            "hello was already exchanged",
        )),
        Request::Ping => Response::Pong,
        Request::Status => status::status(state).await,
        Request::ConfigGet => config::get(state),
        Request::ConfigReload => config::reload(state),
        Request::DbStatus => db::status(state).await,
        Request::Logs { lines, follow } => return logs::logs(state, conn, id, lines, follow).await,
        Request::Subscribe { topics } => return events::subscribe(state, conn, id, topics).await,
        Request::Unsubscribe { id: target } => events::unsubscribe(conn, target).await,
        Request::Shutdown => daemon::shutdown(state),
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
